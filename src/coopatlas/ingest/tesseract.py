"""Tesseract OCR on one image: the only module that runs the ``tesseract`` program.

The image goes in on standard input as PNG bytes and the text comes back on standard output, so
nothing is written to disk. ``--psm 3`` is Tesseract's fully automatic page segmentation.
"""
from __future__ import annotations

from coopatlas.errors import ReadError
from coopatlas.ingest.tool import run_tool, tool_available

PROGRAM = "tesseract"


def tesseract_command(languages: str, dpi: int) -> list[str]:
    return [PROGRAM, "stdin", "stdout", "-l", languages, "--dpi", str(dpi), "--psm", "3"]


def recognise(png: bytes, *, languages: str, dpi: int, timeout: float) -> str:
    """The text Tesseract reads in a PNG image; ``ReadError`` when it cannot run or fails."""
    output = run_tool(tesseract_command(languages, dpi), stdin=png, timeout=timeout)
    return output.decode("utf-8", errors="replace")


def tesseract_available() -> bool:
    return tool_available(PROGRAM)


def missing_languages(languages: str, installed: set[str]) -> list[str]:
    """Languages of a ``rus+eng`` argument that are not in ``installed``."""
    return [lang for lang in languages.split("+") if lang and lang not in installed]


def installed_languages(timeout: float = 30.0) -> set[str]:
    try:
        output = run_tool([PROGRAM, "--list-langs"], timeout=timeout)
    except ReadError:
        return set()
    lines = output.decode("utf-8", errors="replace").splitlines()
    return {line.strip() for line in lines[1:] if line.strip()}
