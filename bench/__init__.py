"""Herald's benchmarks: `python -m bench` (or `make bench`); see `python -m bench --help`."""
