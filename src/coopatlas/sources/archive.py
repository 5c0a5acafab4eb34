"""Members of .zip archives, read defensively (stdlib ``zipfile``; pure apart from reading the archive).

Every member is checked before it is read and again while it is read, because a zip directory
can lie:

- its name must be a plain relative path: no ``..`` component, no leading ``/``, no drive letter
  (``C:``), no NUL; backslashes count as folder separators;
- it must not be encrypted;
- its declared size must fit ``max_file_bytes`` and the archive's remaining budget
  (``max_archive_total_bytes``, shared by nested archives), and its declared and real ratio of
  uncompressed to compressed size must stay under ``max_archive_ratio`` (members smaller than
  ``ratio_floor_bytes`` are not ratio-checked);
- reading stops one byte past the limit, so a member that expands beyond its declared size is
  caught without inflating it;
- an archive has at most ``max_archive_members`` members, and a .zip inside a .zip is walked
  only down to ``max_archive_depth``.

Names stored without the UTF-8 flag are decoded as CP866 (what Russian Windows archivers write)
unless the bytes are valid UTF-8. Folders, ``__MACOSX/`` and dot files are passed over silently.
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from typing import IO, Iterator

from coopatlas.sources.records import ZIP, SourceItem, SourceProblem
from coopatlas.sources.settings import Settings

UTF8_FLAG = 0x800
ENCRYPTED_FLAG = 0x1
_DRIVE = re.compile(r"^[A-Za-z]:")
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError,
               NotImplementedError, RuntimeError)


@dataclass
class Budget:
    """Uncompressed bytes one top-level archive may still produce (mutable, shared by nested archives)."""

    remaining: int


def is_archive(name: str) -> bool:
    return name.lower().endswith(".zip")


def unsafe_name(name: str) -> str | None:
    """Why a member name is unsafe to use as a path, or None."""
    path = name.replace("\\", "/")
    if not path.strip("/"):
        return "empty member name"
    if "\x00" in path:
        return "NUL character in member name"
    if path.startswith("/"):
        return "absolute member path"
    if _DRIVE.match(path):
        return "drive letter in member path"
    if ".." in path.split("/"):
        return "member path climbs out of the archive (..)"
    return None


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its author wrote it (see the module docstring on CP866)."""
    name = info.filename
    if info.flag_bits & UTF8_FLAG or name.isascii():
        return name
    try:
        raw = name.encode("cp437")
    except UnicodeEncodeError:
        return name
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp866", errors="replace")


def walk_archive(source: IO[bytes], path: str, relative: str, settings: Settings, *,
                 depth: int = 1, budget: Budget | None = None) -> Iterator[SourceItem | SourceProblem]:
    """Members of the archive read from ``source`` (a seekable binary file), sorted by name."""
    budget = budget or Budget(settings.max_archive_total_bytes)
    try:
        archive = zipfile.ZipFile(source)
    except _ZIP_ERRORS as error:
        yield SourceProblem(path, f"corrupt archive: {_one_line(error)}")
        return
    with archive:
        infos = archive.infolist()
        if len(infos) > settings.max_archive_members:
            yield SourceProblem(path, f"too many archive members: {len(infos)} > {settings.max_archive_members}")
            return
        for info in sorted(infos, key=lambda i: i.filename):
            if budget.remaining <= 0:
                yield SourceProblem(path, f"suspected zip bomb: archive expands beyond "
                                          f"{settings.max_archive_total_bytes} bytes; the rest is not read")
                return
            yield from _member(archive, info, path, relative, settings, depth, budget)


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: str, relative: str, settings: Settings,
            depth: int, budget: Budget) -> Iterator[SourceItem | SourceProblem]:
    name = member_name(info)
    unsafe = unsafe_name(name)
    if unsafe:
        yield SourceProblem(f"{path}/{name!r}", unsafe)
        return
    name = name.replace("\\", "/").strip("/")
    if info.is_dir() or _ignored(name):
        return
    shown, key = f"{path}/{name}", f"{relative}/{name}"
    refused = refuse_member(info, settings, budget)
    if refused:
        yield SourceProblem(shown, refused)
        return
    data = _read_member(archive, info, settings, budget)
    if isinstance(data, str):
        yield SourceProblem(shown, data)
    elif is_archive(name):
        yield from _nested(data, shown, key, settings, depth, budget)
    else:
        yield SourceItem(shown, key, len(data), ZIP, _constant(data))


def refuse_member(info: zipfile.ZipInfo, settings: Settings, budget: Budget) -> str | None:
    """Why a member is refused from its directory entry alone, or None."""
    if info.flag_bits & ENCRYPTED_FLAG:
        return "encrypted archive member"
    if info.file_size > settings.max_file_bytes:
        return f"file too large: {info.file_size} bytes > {settings.max_file_bytes}"
    if _ratio_too_high(info.file_size, info.compress_size, settings):
        return f"suspected zip bomb: expands {info.file_size // max(info.compress_size, 1)}× > {settings.max_archive_ratio}×"
    if info.file_size > budget.remaining:
        return f"suspected zip bomb: archive expands beyond {settings.max_archive_total_bytes} bytes"
    return None


def _ratio_too_high(size: int, compressed: int, settings: Settings) -> bool:
    return size >= settings.ratio_floor_bytes and size > settings.max_archive_ratio * max(compressed, 1)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, settings: Settings, budget: Budget) -> bytes | str:
    """The member's bytes, or the reason it cannot be read; never inflates past the limits."""
    cap = min(settings.max_file_bytes, budget.remaining)
    try:
        with archive.open(info) as stream:
            data = stream.read(cap + 1)
    except _ZIP_ERRORS as error:
        return f"corrupt archive member: {_one_line(error)}"
    budget.remaining -= min(len(data), cap)
    if len(data) > cap:
        return f"suspected zip bomb: member expands beyond {cap} bytes (declared {info.file_size})"
    if _ratio_too_high(len(data), info.compress_size, settings):
        return f"suspected zip bomb: expands {len(data) // max(info.compress_size, 1)}× > {settings.max_archive_ratio}×"
    return data


def _nested(data: bytes, path: str, relative: str, settings: Settings, depth: int,
            budget: Budget) -> Iterator[SourceItem | SourceProblem]:
    if depth + 1 > settings.max_archive_depth:
        yield SourceProblem(path, f"nested archive too deep: level {depth + 1} > {settings.max_archive_depth}")
        return
    yield from walk_archive(io.BytesIO(data), path, relative, settings, depth=depth + 1, budget=budget)


def _ignored(name: str) -> bool:
    parts = name.split("/")
    return parts[0] == "__MACOSX" or any(part.startswith(".") for part in parts)


def _constant(data: bytes):
    return lambda: data


def _one_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__

