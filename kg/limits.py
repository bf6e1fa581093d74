"""Size limits shared by the CLI and the reader (kept apart so the CLI imports nothing heavy)."""

# No file is refused for its size alone: a document longer than the part size is built in
# parts (kg/ingest/parts.py), in bounded memory. `kg build --max-size MB` sets a limit for
# whoever wants one (0: none at all, standard input included).
DEFAULT_MAX_BYTES: int | None = None

# Standard input has no size to look at first: without --max-size it is read up to this
# much, so an endless stream (`kg build - < /dev/zero`) is refused instead of filling
# memory or the disk. Over kg.ingest.stream.STREAM_BYTES it is spooled to a temporary
# file as it comes and read as a stream (kg/ingest/spool.py), so this bounds the room it
# takes there; a build that does not cut texts into parts holds it whole
# (docs/reliability.md).
DEFAULT_STREAM_BYTES = 256 * 2**20

# A distributed build's partitions (kg/shards.py) hold this many documents on average: a
# shard of 64 news articles is about 40,000 words, a minute of one worker, so a killed
# worker costs little, progress is fine-grained, and a billion words make 25,000 shards.
DEFAULT_PARTITION_DOCS = 64
