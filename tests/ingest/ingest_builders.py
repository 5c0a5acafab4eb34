"""Document builders for the reader tests: every fixture file is generated here, nothing is shipped."""
from __future__ import annotations

import glob
import io

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/**/DejaVuSans.ttf",
    "/usr/share/fonts/**/LiberationSans-Regular.ttf",
    "/usr/share/fonts/**/FreeSans.ttf",
    "/usr/share/fonts/**/NotoSans-Regular.ttf",
)
NO_FONT = "no Cyrillic TTF font found: install the Debian package fonts-dejavu-core"


def find_cyrillic_font() -> str | None:
    for pattern in FONT_CANDIDATES:
        for path in glob.glob(pattern, recursive=True):
            return path
    return None


def build_pdf(pages: list[str], font: str | None = None, *, title: str | None = None,
              encrypt: bool = False) -> bytes:
    """One page per string (an empty string makes a page without text); lines split on \\n."""
    from fpdf import FPDF

    pdf = FPDF()
    if font:
        pdf.add_font("Body", fname=font)
        pdf.set_font("Body", size=11)
    else:
        pdf.set_font("Helvetica", size=11)
    if encrypt:
        pdf.set_encryption(owner_password="owner-secret", user_password="user-secret")
    if title:
        pdf.set_title(title)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 7, text)
    return bytes(pdf.output())


def build_docx(blocks: list, *, title: str = "") -> bytes:
    """Blocks: ("h", text), ("p", text) or ("table", [[cell, ...], ...])."""
    import docx

    document = docx.Document()
    document.core_properties.title = title
    for kind, content in blocks:
        if kind == "h":
            document.add_heading(content, level=1)
        elif kind == "p":
            document.add_paragraph(content)
        else:
            table = document.add_table(rows=len(content), cols=len(content[0]))
            for r, row in enumerate(content):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
