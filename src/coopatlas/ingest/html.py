"""HTML reader: the only module that imports selectolax.

Decoding: a byte-order mark, then the ``<meta charset>`` / ``http-equiv`` declaration in the
first 4 KB (when the bytes really decode with it), then detection as for plain text.

Text: script, style, noscript, template, nav, header, footer, aside, form controls and comments
are dropped. Block elements (p, div, li, h1-h6, tr, table, section, …) and ``<br>`` end a line,
so list items come out one per line; cells of one table row are joined with `` | `` (as in the
DOCX reader; empty cells leave no separator). Runs of HTML whitespace collapse to one space; ``&nbsp;`` stays U+00A0. Nothing is
fetched: no scripts run, no external resource is loaded.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from coopatlas.ingest.clean import clean_text
from coopatlas.ingest.encoding import Decoded, decode_declared, decode_text
from coopatlas.ingest.limits import Limits
from coopatlas.model import RawDocument

_DECLARED_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
DECLARATION_BYTES = 4096

SKIPPED = frozenset({
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
    "head", "iframe", "object", "embed", "svg", "math", "select", "button", "-comment",
})
BLOCKS = frozenset({
    "address", "article", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "html",
    "legend", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot",
    "thead", "tr", "ul",
})
CELLS = frozenset({"td", "th"})
_SPACES = re.compile(r"[ \t\n\r\f]+")
_LINE = "\n"
_CELL = "\x1f"  # internal marker between cells; never survives into the output


def read_html(data: bytes, path: str, limits: Limits) -> RawDocument:
    decoded = decode_html_bytes(data)
    tree = LexborHTMLParser(decoded.text)
    text = clean_text(render(tree.body if tree.body is not None else tree.root))
    return RawDocument(path=path, text=text, format="html", encoding=decoded.encoding, title=_title(tree))


def decode_html_bytes(data: bytes) -> Decoded:
    label = declared_charset(data)
    declared = decode_declared(data, _usable_label(label)) if label and not _has_bom(data) else None
    return declared or decode_text(data)


def _usable_label(label: str) -> str:
    """A page cannot declare UTF-16/32 in ASCII bytes: such a declaration means UTF-8 (HTML Standard)."""
    return "utf-8" if label.lower().replace("_", "-").startswith(("utf-16", "utf-32")) else label


def declared_charset(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data[:DECLARATION_BYTES])
    return match.group(1).decode("ascii") if match else None


def _has_bom(data: bytes) -> bool:
    return data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))


@dataclass(frozen=True, slots=True)
class _Exit:
    """Stack entry: emitted after a node's children have been walked."""

    marker: str


def render(root: LexborNode | None) -> str:
    """The visible text under ``root``, block structure as line breaks (iterative: deep trees are fine)."""
    pieces: list[str] = []
    stack: list[LexborNode | _Exit] = [root] if root is not None else []
    while stack:
        item = stack.pop()
        if isinstance(item, _Exit):
            pieces.append(item.marker)
        else:
            _visit(item, pieces, stack)
    return _assemble(pieces)


def _visit(node: LexborNode, pieces: list[str], stack: list) -> None:
    tag = node.tag
    if tag == "-text":
        pieces.append(_SPACES.sub(" ", node.text_content or ""))
        return
    if tag in SKIPPED or tag.startswith("-") or tag.startswith("_"):
        return
    if tag == "br":
        pieces.append(_LINE)
        return
    if tag in BLOCKS:
        pieces.append(_LINE)
        stack.append(_Exit(_LINE))
    elif tag in CELLS:
        stack.append(_Exit(_CELL))
    stack.extend(reversed(list(_children(node))))


def _children(node: LexborNode):
    child = node.child
    while child is not None:
        yield child
        child = child.next


_BLANK_AROUND_BREAK = re.compile(r"[ \x1f]*\n[ \x1f\n]*")
_CELL_RUN = re.compile(r" *\x1f[ \x1f]*")


def _assemble(pieces: list[str]) -> str:
    """Merge pieces: each run of breaks → one line end; cell markers → " | " inside a row."""
    text = _BLANK_AROUND_BREAK.sub("\n", "".join(pieces))
    text = _CELL_RUN.sub(" | ", text)
    return text.strip(" \n")


def _title(tree: LexborHTMLParser) -> str | None:
    for selector in ("title", "h1"):
        node = tree.css_first(selector)
        if node is not None:
            title = clean_text(_SPACES.sub(" ", node.text(deep=True))).strip()
            if title:
                return title
    return None
