"""Benchmark suites: each returns `Result` rows for the report."""
