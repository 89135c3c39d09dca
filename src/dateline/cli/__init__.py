"""Command line: a thin wrapper over the public API."""
