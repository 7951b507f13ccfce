"""Coverage ingestion: fetch feeds safely, parse, normalise, classify, store."""
