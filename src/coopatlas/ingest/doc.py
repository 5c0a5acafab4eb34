"""Legacy Word (.doc) reader: runs ``antiword``, or ``catdoc`` when antiword is missing or fails.

Both programs read a file, so the bytes are written to a private temporary folder first and the
folder is removed afterwards. Output is UTF-8 text with one paragraph per line (no wrapping).
A file without the OLE compound-document header is refused before any program runs: catdoc
would print any bytes back as if they were text.
"""
from __future__ import annotations

import tempfile
from pathlib import Path, PurePath

from coopatlas.errors import ReadError
from coopatlas.ingest.clean import clean_text
from coopatlas.ingest.limits import Limits
from coopatlas.ingest.tool import DEFAULT_TIMEOUT, ToolMissing, run_tool
from coopatlas.model import RawDocument

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TEMP_NAME = "document.doc"


def antiword_command(path: str) -> list[str]:
    """UTF-8 output (``-m UTF-8.txt``), no line wrapping (``-w 0``)."""
    return ["antiword", "-m", "UTF-8.txt", "-w", "0", path]


def catdoc_command(path: str) -> list[str]:
    """UTF-8 output (``-d utf-8``), no line wrapping (``-w``)."""
    return ["catdoc", "-d", "utf-8", "-w", path]


COMMANDS = (antiword_command, catdoc_command)


def read_doc(data: bytes, path: str, limits: Limits) -> RawDocument:
    if not data.startswith(OLE_MAGIC):
        raise ReadError("corrupt DOC: not an OLE compound document (a Word 97-2003 file)")
    timeout = getattr(limits, "tool_timeout", DEFAULT_TIMEOUT)
    output = _convert(data, PurePath(path).name, timeout)
    text = clean_text(output.decode("utf-8", errors="replace"))
    return RawDocument(path=path, text=text, format="doc", encoding="utf-8")


def _convert(data: bytes, shown: str, timeout: float) -> bytes:
    with tempfile.TemporaryDirectory(prefix="coopatlas-doc-") as folder:
        temp = Path(folder) / TEMP_NAME
        temp.write_bytes(data)
        return first_success([command(str(temp)) for command in COMMANDS], timeout, hide=str(temp), shown=shown)


def first_success(commands: list[list[str]], timeout: float, *, hide: str, shown: str) -> bytes:
    """Output of the first command that succeeds; else the first real failure (not a missing tool)."""
    failures: list[ReadError] = []
    for args in commands:
        try:
            return run_tool(args, timeout=timeout, hide=hide, shown=shown)
        except ReadError as error:
            failures.append(error)
    real = [f for f in failures if not isinstance(f, ToolMissing)]
    if not real:
        raise ReadError("cannot read .doc: neither antiword nor catdoc is installed "
                        "(install them with scripts/system-deps.sh)")
    raise ReadError(f"corrupt DOC: {real[0]}")
