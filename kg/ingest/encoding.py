"""Text that is not UTF-8: legacy encodings found by charset-normalizer.

Many news files saved on Windows are Windows-1252 (curly quotes and dashes in bytes
0x80-0x9F); refusing them as invalid UTF-8 lost whole articles. They are decoded
with the encoding detected, and the reader says which one it used.
"""

from __future__ import annotations


def legacy_decode(data: bytes, *, notes: list[str] | None = None) -> str | None:
    """Text in a legacy encoding (Windows-1252, Latin-1, ...) as charset-normalizer finds
    it, or None; ``notes`` gets the encoding used, for a warning."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    codecs = []
    if best is not None:
        # Windows-1252 when the bytes fit it as well: the usual encoding of English text
        # saved on Windows (charset-normalizer often names cp1250 first for such bytes).
        if "cp1252" in best.could_be_from_charset:
            codecs.append("cp1252")
        codecs.append(best.encoding)
    codecs += [c for c in ("cp1252",) if c not in codecs]
    for codec in codecs:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if notes is not None:
            notes.append(f"not UTF-8: decoded as {codec} (re-encode it as UTF-8 to be sure)")
        return text
    return None
