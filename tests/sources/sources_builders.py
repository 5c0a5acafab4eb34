"""Fixture builders for the sources tests: every file is generated here, nothing is shipped."""
from __future__ import annotations

import io
import shutil
import zipfile

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def build_zip(members: dict[str, bytes], *, encrypted: tuple[str, ...] = ()) -> bytes:
    """Deflated members in the given order; names in ``encrypted`` get the encryption flag set
    (zipfile cannot encrypt, so the flag is patched into both headers afterwards)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data,
                             compress_type=zipfile.ZIP_DEFLATED)
    raw = bytearray(buffer.getvalue())
    for name in encrypted:
        _set_encrypted(raw, name.encode())
    return bytes(raw)


def _set_encrypted(raw: bytearray, name: bytes) -> None:
    for signature, flag_at, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        start = raw.find(signature)
        while start >= 0:
            if raw[start + name_at:start + name_at + len(name)] == name:
                raw[start + flag_at] |= 0x1
            start = raw.find(signature, start + 4)


def build_cp866_zip(name: str, data: bytes) -> bytes:
    """A member whose name is stored in CP866 without the UTF-8 flag, as old Russian archivers did."""
    encoded = name.encode("cp866")
    placeholder = b"#" * len(encoded)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo(placeholder.decode(), date_time=(2024, 1, 1, 0, 0, 0)), data)
    return buffer.getvalue().replace(placeholder, encoded)


def build_odt(blocks: list, *, title: str = "") -> bytes:
    """Blocks: ("h", text), ("p", text), ("list", [item, ...]) or ("table", [[cell, ...], ...])."""
    from odf import dc, table, text
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    if title:
        document.meta.addElement(dc.Title(text=title))
    for kind, content in blocks:
        if kind == "h":
            document.text.addElement(text.H(outlinelevel=1, text=content))
        elif kind == "p":
            document.text.addElement(text.P(text=content))
        elif kind == "list":
            listing = text.List()
            for item in content:
                element = text.ListItem()
                element.addElement(text.P(text=item))
                listing.addElement(element)
            document.text.addElement(listing)
        else:
            grid = table.Table(name="T")
            for row in content:
                line = table.TableRow()
                for value in row:
                    cell = table.TableCell()
                    cell.addElement(text.P(text=value))
                    line.addElement(cell)
                grid.addElement(line)
            document.text.addElement(grid)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rtf_cp1251(text: str, *, declare: bool = True, title: str = "") -> bytes:
    """An RTF whose non-ASCII letters are \\'xx escapes in windows-1251."""
    body = "".join(ch if ord(ch) < 128 else f"\\'{ch.encode('cp1251')[0]:02x}" for ch in text)
    body = body.replace("\n", "\\par\n")
    header = "{\\rtf1\\ansi" + ("\\ansicpg1251" if declare else "") + "\\deff0{\\fonttbl{\\f0\\fcharset204 Times New Roman;}}"
    info = "{\\info{\\title " + "".join(f"\\u{ord(ch)}?" if ord(ch) > 127 else ch for ch in title) + "}}" if title else ""
    return (header + info + "\\f0\\fs24 " + body + "\\par}").encode("ascii")


def scanned_pdf(lines: list[str], font: str = DEJAVU, *, pages: int = 1) -> bytes:
    """A PDF whose pages are only images of ``lines`` (no text layer)."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1600, 140 + 90 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    face = ImageFont.truetype(font, 56)
    for i, line in enumerate(lines):
        draw.text((60, 60 + 90 * i), line, font=face, fill=0)
    pdf = FPDF(unit="pt", format=(image.width * 0.36, image.height * 0.36))
    for _ in range(pages):
        pdf.add_page()
        pdf.image(image, x=0, y=0, w=image.width * 0.36, h=image.height * 0.36)
    return bytes(pdf.output())


def tesseract_with(*languages: str) -> str | None:
    """None when Tesseract and the languages are there; else why the test skips."""
    from coopatlas.ingest.tesseract import installed_languages, missing_languages

    if shutil.which("tesseract") is None:
        return "tesseract is not installed (scripts/system-deps.sh)"
    missing = missing_languages("+".join(languages), installed_languages())
    return f"Tesseract language data missing: {', '.join(missing)}" if missing else None
