"""HTML pages: text extracted with html.parser, scripts dropped, paragraphs kept."""

from __future__ import annotations

import random

import pytest

from kg.errors import InputError
from kg.ingest.html import HtmlText, html_to_text, looks_like_html
from kg.ingest.reader import parse_bytes

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Storm Hits Varn | Daily Planet</title>
<style>p { color: red }</style><script>var headline = "not news";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<h1>Storm Hits Varn</h1>
<p>The storm hit the coast of Varn on Tuesday,
   and the army sent   40 boats &amp; two helicopters.</p>
<p>Rescuers said 20 people<br>were missing.</p>
<noscript>Enable JavaScript</noscript>
<ul><li>First item</li><li>Second &lt;item&gt;</li></ul>
<script type="text/javascript">document.write("<p>injected</p>");</script>
</body></html>"""


def test_text_is_extracted_one_block_per_line():
    text, title = html_to_text(PAGE, path="p.html")
    assert title == "Storm Hits Varn | Daily Planet"
    assert text.splitlines() == [
        "Storm Hits Varn",
        "The storm hit the coast of Varn on Tuesday, and the army sent 40 boats & two "
        "helicopters.",
        "Rescuers said 20 people",
        "were missing.",
        "First item",
        "Second <item>",
    ]
    for dropped in ("color", "not news", "injected", "Home", "JavaScript"):
        assert dropped not in text


def test_html_document_offsets_refer_to_the_extracted_text():
    doc = parse_bytes(PAGE.encode("utf-8"), path="news/storm.html")
    assert doc.doc_id == "storm"
    assert doc.title == "Storm Hits Varn"
    assert "<" not in doc.text.replace("<item>", "")
    for unit in doc.units:
        assert doc.text[unit.start:unit.end].replace("\r", " ") == unit.text
    assert any("storm.html" in w and "HTML page" in w and "offsets" in w for w in doc.warnings)


def test_html_is_sniffed_in_a_txt_file():
    data = b"  <!-- saved by a crawler -->\n<html><body><p>The army sent boats.</p></body></html>"
    doc = parse_bytes(data, path="crawl/0001.txt")
    assert doc.text == "The army sent boats.\n"
    assert looks_like_html("<HTML><BODY>x", path="a.txt")
    assert not looks_like_html("Prices <rise> again\nText.", path="a.txt")


def test_pre_keeps_its_lines():
    text, _ = html_to_text("<html><body><pre>line one\n  line two</pre></body></html>", path="x")
    assert text.splitlines() == ["line one", "  line two"]


def test_title_only_from_head_when_the_body_has_none():
    doc = parse_bytes(b"<html><head><title>Page Title</title></head><body>"
                      b"<p>One long sentence that ends with a full stop.</p></body></html>",
                      path="t.html")
    assert doc.title == "Page Title"


@pytest.mark.parametrize("page", [
    "<html><head><script>x()</script></head><body>  </body></html>",
    "<html><body><script>only()</script><style>a{}</style></body></html>",
    "<!doctype html><html></html>",
])
def test_html_without_text_is_refused_naming_the_file(page):
    with pytest.raises(InputError) as info:
        parse_bytes(page.encode(), path="dir/empty.html")
    assert "dir/empty.html" in str(info.value)
    assert "HTML page without any text" in str(info.value)


PAGES = [
    PAGE,
    "<html><body><pre>line one\n  line two</pre></body></html>",
    "<html><head><title>Page Title</title></head><body>"
    "<p>One long sentence that ends with a full stop.</p></body></html>",
    "  <!-- saved by a crawler -->\n<html><body><p>The army sent boats.</p></body></html>",
    # charrefs, a script with markup in it, comments, CDATA, a charref cut at the end
    "<html><body><p>A &amp; B &#169; &copy &notanentity; x&y &#x1F600;</p><script>if (a < b "
    "&& c > d) { document.write('</p>') }</script><p>C<!-- c -- > d --></p><![CDATA[x]]>"
    "<p>tail &am</p><textarea>t <b>u</b></textarea><p>\ufeffend</p></body></html>",
    "<html><head><script>x()</script></head><body>  </body></html>",
    "<!doctype html><html></html>",
]


def _whole(page: str):
    try:
        return html_to_text(page, path="p.html")[0]
    except InputError as exc:
        return str(exc)


def _in_pieces(page: str, cuts: list[int]):
    reader, text, at = HtmlText(path="p.html"), "", 0
    try:
        for cut in [*cuts, len(page)]:
            text += reader.feed(page[at:cut])
            at = cut
        return text + reader.close()
    except InputError as exc:
        return str(exc)


@pytest.mark.parametrize("page", PAGES, ids=range(len(PAGES)))
def test_fed_in_pieces_a_page_gives_the_text_of_the_whole_page(page):
    """A long page is extracted as it is read (kg/ingest/stream.py): cut anywhere, in
    two or in many pieces, it gives the whole page's text, or the same error."""
    whole = _whole(page)
    for at in range(len(page) + 1):
        assert _in_pieces(page, [at]) == whole, (page[:at], page[at:])
    rng = random.Random(17)
    for _ in range(100):
        cuts = sorted(rng.sample(range(len(page) + 1), min(len(page) // 3, 40)))
        assert _in_pieces(page, cuts) == whole
