"""Extract the readable text of an HTML page with the standard library.

kg reads HTML by turning it into plain text first: scripts, styles and other
non-text elements are dropped, every block element (paragraph, heading, list
item, table row, ``<br>``) ends a line, and runs of whitespace inside a line
become one space. The live-update reader then sees the same line structure
it sees in a text file, so stamps and headlines in their own ``<p>`` or
``<div>`` are found as usual.

Offsets of an HTML source refer to this extracted text, which the graph
stores in ``nif:isString``; they do not point into the HTML file.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from kg.errors import InputError

# Elements whose content is never news text.
_SKIP = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "head", "iframe",
    "object", "canvas", "select", "button", "nav",
})
# Elements that start and end a line of text.
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "time", "title", "tr", "ul",
    "body", "html",
})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                   "meta", "param", "source", "track", "wbr"})
_WS = re.compile(r"[ \t\r\n\f\v\u00a0\u2028\u2029]+")
_SNIFF = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
                    r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)


def looks_like_html(text: str, *, path: str = "") -> bool:
    """True for ``.html``/``.htm`` files and for text that opens like an HTML page."""
    lower = path.lower()
    if lower.endswith((".html", ".htm")):
        return True
    return bool(_SNIFF.match(text[:4096]))


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0
        self.skip_stack: list[str] = []
        self.pre_depth = 0
        self.title: list[str] = []
        self.in_title = False

    def break_line(self) -> None:
        if self.current:
            text = "".join(self.current)
            self.current = []
            if self.pre_depth:
                self.lines.extend(ln.rstrip() for ln in text.split("\n"))
            else:
                self.lines.append(_WS.sub(" ", text).strip())

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "title":
            self.in_title = True
        if tag in _SKIP and tag not in _VOID:
            self.skip_stack.append(tag)
            return
        if self.skip_stack:
            return
        if tag in _BLOCK:
            self.break_line()
        if tag == "pre":
            self.pre_depth += 1

    def handle_startendtag(self, tag: str, attrs) -> None:
        if not self.skip_stack and tag in _BLOCK:
            self.break_line()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if self.skip_stack:
            if tag in self.skip_stack:
                while self.skip_stack and self.skip_stack.pop() != tag:
                    pass
            return
        if tag in _BLOCK:
            self.break_line()
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if not self.skip_stack:
            self.current.append(data)


class HtmlText:
    """A page's text fed a piece at a time (``html.parser`` reads a page incrementally):
    :meth:`feed` and :meth:`close` give the lines finished so far, each with its line
    break, so a long page's text can be written out as it comes
    (kg/ingest/stream.py); joined, they are :func:`html_to_text`'s text. What is held is
    the line being read and what the parser has not decided yet (an unclosed tag)."""

    def __init__(self, *, path: str):
        self.path = path
        self.parser = _TextExtractor()
        self.lines = 0

    def feed(self, piece: str) -> str:
        try:
            self.parser.feed(piece)
        except (AssertionError, ValueError) as exc:  # html.parser's own complaints
            raise self._malformed(exc) from exc
        return self._finished()

    def close(self) -> str:
        """The last lines; raises :class:`InputError` when the page held no text."""
        try:
            self.parser.close()
        except (AssertionError, ValueError) as exc:
            raise self._malformed(exc) from exc
        self.parser.break_line()
        out = self._finished()
        if not self.lines:
            raise InputError("HTML page without any text (only markup, scripts or styles)",
                             path=self.path,
                             hint="save the article's text, not an empty page")
        return out

    @property
    def title(self) -> str | None:
        return _WS.sub(" ", "".join(self.parser.title)).strip() or None

    def _finished(self) -> str:
        lines = [ln for ln in self.parser.lines if ln.strip()]
        self.parser.lines.clear()
        self.lines += len(lines)
        return "".join(ln + "\n" for ln in lines)

    def _malformed(self, exc: Exception) -> InputError:
        return InputError(f"malformed HTML that cannot be read: {exc}", path=self.path,
                          hint="save the page as plain text")


def html_to_text(html: str, *, path: str) -> tuple[str, str | None]:
    """The page's text, one block per line, and its ``<title>`` (or None).

    Raises :class:`InputError` when the page holds no text at all.
    """
    reader = HtmlText(path=path)
    text = reader.feed(html)
    text += reader.close()
    return text, reader.title
