"""Synthetic data for tests and benchmarks (a synthetic country with its ground truth)."""
