"""OpenDocument text (.odt) reader: the only module that imports odfpy.

The body (``office:text``) is walked in document order: each heading and paragraph is one line,
list items are walked into (one line per paragraph), and each table row is one line with its
non-empty cells joined by `` | `` (as in the DOCX reader; covered cells of a merge are skipped,
line breaks in a cell become spaces, nested tables follow their row). Sections, indexes and other
containers are walked into. Frames, drawings, annotations, notes and change-tracking are skipped.

The title is ``dc:title`` from the metadata, else the first heading.

Zip bombs: the uncompressed size of ``content.xml`` (and of the whole archive) is read from the zip
directory and checked against ``Limits.max_expanded`` before anything is parsed.
"""
from __future__ import annotations

import io
import zipfile
from typing import Iterator

from odf import dc, teletype
from odf.element import Element
from odf.namespaces import TABLENS, TEXTNS
from odf.opendocument import load
from odf.text import H

from coopatlas.errors import ReadError
from coopatlas.ingest.clean import clean_text
from coopatlas.ingest.limits import Limits
from coopatlas.model import RawDocument

MAIN_PART = "content.xml"
CELL_SEPARATOR = " | "

_LINES = {(TEXTNS, "p"), (TEXTNS, "h")}
_ROWS = {(TABLENS, "table-row")}
_SKIPPED = {
    (TEXTNS, "note"), (TEXTNS, "tracked-changes"), (TEXTNS, "sequence-decls"),
    (TABLENS, "table-columns"), (TABLENS, "table-column"), (TABLENS, "covered-table-cell"),
}


def read_odt(data: bytes, path: str, limits: Limits) -> RawDocument:
    check_archive(data, limits)
    document = _open(data)
    lines = list(block_lines(document.text))
    title = _meta_title(document) or _first_heading(document.text)
    return RawDocument(path=path, text=clean_text("\n".join(lines)), format="odt", title=title)


def check_archive(data: bytes, limits: Limits) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise ReadError(f"corrupt ODT: not a zip archive ({error})") from None
    main = [info for info in infos if info.filename == MAIN_PART]
    if not main:
        raise ReadError(f"corrupt ODT: no {MAIN_PART} in the archive")
    if main[0].flag_bits & 0x1:
        raise ReadError("encrypted ODT")
    if main[0].file_size > limits.max_expanded or sum(i.file_size for i in infos) > 2 * limits.max_expanded:
        raise ReadError("archive expands too much")


def _open(data: bytes):
    try:
        return load(io.BytesIO(data))
    except Exception as error:  # odfpy raises zip, XML (expat/SAX) and KeyError alike
        message = str(error).strip().splitlines()
        raise ReadError(f"corrupt ODT: {message[0] if message else type(error).__name__}") from None


def block_lines(container: Element) -> Iterator[str]:
    for child in container.childNodes:
        if child.nodeType != child.ELEMENT_NODE or child.qname in _SKIPPED:
            continue
        if child.qname in _LINES:
            yield teletype.extractText(child)
        elif child.qname == (TABLENS, "table"):
            yield from table_lines(child)
        else:
            yield from block_lines(child)


def table_lines(table: Element) -> Iterator[str]:
    for row in _rows(table):
        cells = [c for c in row.childNodes if c.nodeType == c.ELEMENT_NODE and c.qname == (TABLENS, "table-cell")]
        texts = [_cell_text(cell) for cell in cells]
        yield CELL_SEPARATOR.join(t for t in texts if t)
        for cell in cells:
            for nested in _children(cell, (TABLENS, "table")):
                yield from table_lines(nested)


def _rows(container: Element) -> Iterator[Element]:
    """Rows directly in the table or in header-rows / rows / row-group containers."""
    for child in container.childNodes:
        if child.nodeType != child.ELEMENT_NODE:
            continue
        if child.qname in _ROWS:
            yield child
        elif child.qname[0] == TABLENS and child.qname[1] != "table":
            yield from _rows(child)


def _cell_text(cell: Element) -> str:
    parts = (teletype.extractText(p).replace("\n", " ").strip() for p in _paragraphs(cell))
    return " ".join(part for part in parts if part)


def _paragraphs(container: Element) -> Iterator[Element]:
    for child in container.childNodes:
        if child.nodeType != child.ELEMENT_NODE or child.qname == (TABLENS, "table"):
            continue
        if child.qname in _LINES:
            yield child
        else:
            yield from _paragraphs(child)


def _children(element: Element, qname: tuple[str, str]) -> list[Element]:
    return [c for c in element.childNodes if c.nodeType == c.ELEMENT_NODE and c.qname == qname]


def _meta_title(document) -> str | None:
    titles = document.meta.getElementsByType(dc.Title)
    text = clean_text(teletype.extractText(titles[0])).strip() if titles else ""
    return text or None


def _first_heading(body: Element) -> str | None:
    for heading in body.getElementsByType(H):
        text = clean_text(teletype.extractText(heading)).strip()
        if text:
            return text
    return None

