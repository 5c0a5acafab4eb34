"""Run an external command (antiword, catdoc, tesseract): the only module that imports subprocess.

The command is an argument list (never a shell string), runs with a timeout, reads its input from
standard input or a file named in the arguments, and its standard output is returned as bytes.
Every failure becomes a ``ReadError`` with one line saying which tool and why; ``ToolMissing``
(a ``ReadError``) says the program is not installed, so a caller can try another one.
"""
from __future__ import annotations

import shutil
import subprocess
from typing import Sequence

from coopatlas.errors import ReadError

DEFAULT_TIMEOUT = 60.0
INSTALL_HINT = "install it with scripts/system-deps.sh"


class ToolMissing(ReadError):
    """The program is not on PATH."""


def tool_available(program: str) -> bool:
    return shutil.which(program) is not None


def run_tool(args: Sequence[str], *, stdin: bytes = b"", timeout: float = DEFAULT_TIMEOUT,
             hide: str | None = None, shown: str = "") -> bytes:
    """Standard output of ``args``; ``hide`` (a temporary path) is replaced by ``shown`` in messages."""
    program = args[0]
    executable = shutil.which(program)
    if executable is None:
        raise ToolMissing(f"{program} is not installed ({INSTALL_HINT})")
    try:
        done = subprocess.run([executable, *args[1:]], input=stdin, capture_output=True,
                              timeout=timeout, check=False, shell=False)
    except subprocess.TimeoutExpired:
        raise ReadError(f"{program} timed out after {timeout:g} s") from None
    except OSError as error:
        raise ReadError(f"{program} could not be started: {error.strerror or error}") from None
    if done.returncode != 0:
        raise ReadError(f"{program} failed: {_first_line(done.stderr, hide, shown) or f'exit code {done.returncode}'}")
    return done.stdout


def _first_line(stderr: bytes, hide: str | None, shown: str) -> str:
    text = stderr.decode("utf-8", errors="replace")
    if hide:
        text = text.replace(hide, shown)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0] if lines else ""
