"""Inputs that are not UTF-8 news text (issue 17, item 7): Windows-1252 is decoded and said,
a PDF is refused, Chinese is refused with a message that names the script."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.ingest.reader import parse_bytes

CP1252 = ("Caf\u00e9 owners protest in Varn\n\u201cWe will not close,\u201d said the "
          "owner \u2013 the ministry said 25 caf\u00e9s were shut on Sunday.\n")


def test_windows_1252_is_decoded_with_a_note():
    data = CP1252.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    doc = parse_bytes(data, path="cafe.txt")
    assert doc.text == CP1252
    assert any(w.startswith("cafe.txt: not UTF-8: decoded as cp1252") for w in doc.warnings)


def test_a_plain_ascii_pdf_is_refused():
    pdf = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
           b"4 0 obj << /Length 44 >> stream\nBT /F1 24 Tf 100 700 Td (Police said) Tj ET\n"
           b"endstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    with pytest.raises(InputError) as info:
        parse_bytes(pdf, path="report.pdf.txt")
    assert "report.pdf.txt: a PDF file, not text" in str(info.value)
    assert "pdftotext" in str(info.value)


def test_chinese_is_refused_naming_the_script():
    text = ("警方周日在首都拘留了二十五名抗议者，内政部发言人说。" * 20 + "\n") * 3
    with pytest.raises(InputError) as info:
        parse_bytes(text.encode("utf-8"), path="zh.txt")
    message = str(info.value)
    assert "zh.txt: the text is Chinese, Japanese or Korean" in message
    assert "without spaces" not in message


def test_chinese_in_gbk_is_refused_the_same_way():
    text = ("警方周日在首都拘留了二十五名抗议者，内政部发言人说。" * 20 + "\n") * 3
    with pytest.raises(InputError, match="Chinese, Japanese or Korean"):
        parse_bytes(text.encode("gbk"), path="zh-gbk.txt")


def test_english_with_a_few_chinese_names_is_read():
    text = ("Police detained 25 protesters in Varn on Sunday, the ministry said. "
            "The minister, 王伟, said the curfew would end on Monday.\n") * 3
    assert parse_bytes(text.encode(), path="mixed.txt").units
