"""The ``kg`` command line: thin wrappers over importable functions."""
