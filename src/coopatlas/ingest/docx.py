"""DOCX reader: the only module that imports python-docx.

The body is walked in document order: each paragraph is one line, and each table row is one line
with its cells joined by `` | `` (a cell merged across columns counts once; line breaks inside
a cell become spaces, so a row stays one line; nested tables follow their row). Content controls
(``w:sdt``) are walked into. Headers, footers, footnotes and comments are skipped.

The title is the core-properties title, else the first paragraph styled Title or Heading.

Zip bombs: the uncompressed size of ``word/document.xml`` (and of the whole archive) is read from
the zip directory and checked against ``Limits.max_expanded`` before anything is parsed.
"""
from __future__ import annotations

import io
import zipfile
from typing import Iterator

import docx
from docx.document import Document
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from coopatlas.errors import ReadError
from coopatlas.ingest.clean import clean_text
from coopatlas.ingest.limits import Limits
from coopatlas.model import RawDocument

MAIN_PART = "word/document.xml"
CELL_SEPARATOR = " | "
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(data: bytes, path: str, limits: Limits) -> RawDocument:
    check_archive(data, limits)
    document = _open(data)
    lines = list(body_lines(document))
    text = clean_text("\n".join(lines))
    return RawDocument(path=path, text=text, format="docx", title=_title(document))


def check_archive(data: bytes, limits: Limits) -> None:
    """Refuse a non-zip, a zip without the main part, or one that expands beyond the limit."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise ReadError(f"corrupt DOCX: not a zip archive ({error})") from None
    main = [info for info in infos if info.filename == MAIN_PART]
    if not main:
        raise ReadError(f"corrupt DOCX: no {MAIN_PART} in the archive")
    if main[0].file_size > limits.max_expanded or sum(i.file_size for i in infos) > 2 * limits.max_expanded:
        raise ReadError("archive expands too much")


def _open(data: bytes) -> Document:
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds (KeyError, lxml, zip, package errors)
        message = str(error).strip().splitlines()
        raise ReadError(f"corrupt DOCX: {message[0] if message else type(error).__name__}") from None


def body_lines(document: Document) -> Iterator[str]:
    yield from _block_lines(document.element.body, document)


def _block_lines(container, parent) -> Iterator[str]:
    for child in container.iterchildren():
        if child.tag == f"{_W}p":
            yield Paragraph(child, parent).text
        elif child.tag == f"{_W}tbl":
            yield from table_lines(Table(child, parent))
        elif child.tag == f"{_W}sdt":
            yield from _sdt_lines(child, parent)


def _sdt_lines(sdt, parent) -> Iterator[str]:
    content = sdt.find(f"{_W}sdtContent")
    if content is not None:
        yield from _block_lines(content, parent)


def table_lines(table: Table) -> Iterator[str]:
    for row in table.rows:
        cells = _unique_cells(row.cells)
        yield CELL_SEPARATOR.join(_cell_text(cell) for cell in cells)
        for cell in cells:
            for nested in cell.tables:
                yield from table_lines(nested)


def _unique_cells(cells: list[_Cell]) -> list[_Cell]:
    """A cell spanning several grid columns is returned once per column: keep the first."""
    seen, unique = set(), []
    for cell in cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            unique.append(cell)
    return unique


def _cell_text(cell: _Cell) -> str:
    return " ".join(p.text.replace("\n", " ").strip() for p in cell.paragraphs if p.text.strip())


def _title(document: Document) -> str | None:
    title = (document.core_properties.title or "").strip()
    return clean_text(title) if title else _first_heading(document)


def _first_heading(document: Document) -> str | None:
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        if style.startswith(("Heading", "Title")) and paragraph.text.strip():
            return clean_text(paragraph.text.strip())
    return None
