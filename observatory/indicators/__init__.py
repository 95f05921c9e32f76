"""Indicators: the registry that drives the pages, and pure functions on DataFrames."""
