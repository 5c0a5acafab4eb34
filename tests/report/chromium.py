"""Headless Chromium for the report tests: load a local page, collect console messages, dump the DOM
after the scripts ran, take a screenshot. Skips the test when Chromium is not installed
(scripts/system-deps.sh installs it)."""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

# The flags this machine needs: no sandbox as root, no GPU, and nothing that phones home.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0",
         "--virtual-time-budget=15000"]
CONSOLE = re.compile(r":CONSOLE[^\]]*\] (.*)$")


@dataclass(frozen=True)
class Loaded:
    dom: str
    console: tuple[str, ...]


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if found is None:
        pytest.skip("Chromium is not installed (scripts/system-deps.sh installs it as root)")
    return found


def _run(page: Path, *extra: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as profile:
        command = [chromium(), *FLAGS, f"--user-data-dir={profile}", *extra, page.resolve().as_uri()]
        return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


def load(page: Path) -> Loaded:
    """The DOM after the page's scripts ran, and every console message the page produced."""
    done = _run(page, "--dump-dom")
    console = tuple(m.group(1) for line in done.stderr.splitlines() if (m := CONSOLE.search(line)))
    return Loaded(done.stdout, console)


def screenshot(page: Path, png: Path, width: int = 1280, height: int = 2400) -> Path:
    _run(page, f"--screenshot={png}", f"--window-size={width},{height}", "--hide-scrollbars")
    return png
