"""Size limits shared by the CLI and the reader (kept apart so the CLI imports nothing heavy)."""

# A news article is under 100 kB and a long live page under 1 MB; kg holds one document's
# records and quads in memory, so a bigger file is refused unless the user raises the limit
# (`kg build --max-size`); docs/reliability.md gives the memory it takes.
DEFAULT_MAX_BYTES = 2 * 1024 * 1024
