"""Benchmarks (not tests): run with ``make bench``; results go to bench/results.json."""
