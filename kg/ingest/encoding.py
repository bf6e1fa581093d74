"""Text that is not UTF-8: legacy encodings found by charset-normalizer.

Many news files saved on Windows are Windows-1252 (curly quotes and dashes in bytes
0x80-0x9F); refusing them as invalid UTF-8 lost whole articles. They are decoded
with the encoding detected, and the reader says which one it used.
"""

from __future__ import annotations

from kg.errors import InputError

# Byte-order marks and the codec each announces, longest first (UTF-32 LE begins with
# UTF-16 LE's mark), for the whole-file reader and the streamed one alike.
BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def refuse_pdf(head: bytes, *, path: str) -> None:
    """Refuse a PDF by its first bytes: read as text, its page-description code would
    become words and entities."""
    if head.lstrip()[:5] == b"%PDF-":
        raise InputError("a PDF file, not text: kg would read its page-description code as "
                         "words", path=path,
                         hint="extract its text first (e.g. pdftotext FILE.pdf FILE.txt)")


def bomless_utf16(head: bytes) -> str | None:
    """The UTF-16 codec when every other byte is NUL, as in ASCII text in UTF-16."""
    even, odd = head[0::2], head[1::2]
    if len(odd) < 8:
        return None
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def legacy_decode(data: bytes, *, notes: list[str] | None = None) -> str | None:
    """Text in a legacy encoding, or None; ``notes`` gets the encoding used, for a warning.

    English text is mostly ASCII: when the bytes decode as Windows-1252 with at most 10 %
    of the characters outside ASCII, that is the encoding (charset-normalizer's guess is
    unreliable on short texts: it named cp1250 or mac_latin2 for plain cp1252 news).
    Otherwise charset-normalizer decides (GBK, Shift-JIS, KOI8-R, ...).
    """
    codecs = legacy_codecs(data[:65536])
    for codec in codecs:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if notes is not None:
            notes.append(f"not UTF-8: decoded as {codec} (re-encode it as UTF-8 to be sure)")
        return text
    return None


def legacy_codecs(sample: bytes) -> list[str]:
    """The legacy encodings to try, judged from the file's first bytes (``sample``, up
    to 64 kB), as :func:`legacy_decode` tries them; a long file read as a stream
    (kg/ingest/stream.py) decodes it with the first that decodes all of it."""
    try:
        text = sample.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and sum(ch > "\x7f" for ch in text) <= 0.1 * len(text):
        return ["cp1252"]
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    return [best.encoding] if best is not None else []
