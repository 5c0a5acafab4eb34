"""Find the files the atlas build reads: folders, single files and .zip archives (see archive.py).

``walk(sources, settings)`` yields ``SourceItem`` for each file and ``SourceProblem`` for each path
that gives none; it never raises for a bad path. Order is deterministic: sources in the order
given, folder entries sorted by name.

Symlinks are never followed out of the sources. Folders are walked with
``os.walk(followlinks=False)``, so the walk itself cannot loop; each symlink met is resolved and
recorded: a link to a folder above it is a symlink loop, a link that cannot be resolved is broken
(or loops on itself), a link leading outside every source root is refused, and a link to a place
inside the sources is skipped because that place is read directly. A source given on the
command line may itself be a symlink: the user chose it.

Dot files and dot folders (``.git``, ``.DS_Store``) and Office lock files (``~$name.docx``) are
passed over silently. Files are opened with ``O_NOFOLLOW | O_NONBLOCK`` and must still be
regular files when read, so a file swapped for a symlink or a FIFO after listing is refused; a
file that vanished is ``SourceGone`` when read, which ``load.py`` records as a problem.
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Iterable, Iterator

from coopatlas.sources.archive import is_archive, walk_archive
from coopatlas.sources.records import ERROR, FILE, SKIPPED, SourceGone, SourceItem, SourceProblem
from coopatlas.sources.settings import Settings

Found = SourceItem | SourceProblem
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def walk(sources: Iterable[str | os.PathLike], settings: Settings | None = None) -> Iterator[Found]:
    settings = settings or Settings()
    sources = [Path(s) for s in sources]
    roots = tuple(root for s in sources if (root := _resolve_quietly(s)) is not None)
    for source in sources:
        yield from _walk_source(source, roots, settings)


def _walk_source(source: Path, roots: tuple[Path, ...], settings: Settings) -> Iterator[Found]:
    if not os.path.lexists(source):
        yield SourceProblem(str(source), "no such file or folder")
        return
    target = link_target(source)
    if isinstance(target, str):
        yield SourceProblem(str(source), target)
    elif target.is_dir():
        yield from _walk_folder(source, roots, settings)
    else:
        yield from _file(source, str(source), source.name, settings)


def _walk_folder(source: Path, roots: tuple[Path, ...], settings: Settings) -> Iterator[Found]:
    errors: list[OSError] = []
    for folder, dirnames, filenames in os.walk(source, followlinks=False, onerror=errors.append):
        yield from (_unreadable(e) for e in _drain(errors))
        here = Path(folder)
        dirnames[:] = sorted(d for d in dirnames if not _ignored(d))
        for name in dirnames:
            if (here / name).is_symlink():
                yield _link_problem(here / name, roots)
        for name in sorted(f for f in filenames if not _ignored(f)):
            path = here / name
            relative = path.relative_to(source).as_posix()
            if path.is_symlink():
                yield _link_problem(path, roots)
            else:
                yield from _file(path, str(path), relative, settings)
    yield from (_unreadable(e) for e in _drain(errors))


def _file(path: Path, shown: str, relative: str, settings: Settings) -> Iterator[Found]:
    try:
        info = path.stat()
    except OSError as error:
        yield SourceProblem(shown, _gone_reason(error))
        return
    if not stat.S_ISREG(info.st_mode):
        yield SourceProblem(shown, "not a regular file")
    elif is_archive(path.name):  # read member by member, never whole: its own limits apply
        yield from _archive(path, shown, relative, settings)
    elif info.st_size > settings.max_file_bytes:
        yield SourceProblem(shown, f"file too large: {info.st_size} bytes > {settings.max_file_bytes}")
    else:
        yield SourceItem(shown, relative, info.st_size, FILE, lambda: read_file(path, settings.max_file_bytes))


def _archive(path: Path, shown: str, relative: str, settings: Settings) -> Iterator[Found]:
    try:
        stream = open_regular(path)
    except SourceGone as error:
        yield SourceProblem(shown, str(error))
        return
    with stream:
        yield from walk_archive(stream, shown, relative, settings)


def read_file(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; ``SourceGone`` when it vanished, changed kind, became unreadable or grew too large."""
    with open_regular(path) as stream:
        try:
            data = stream.read(max_bytes + 1)
        except OSError as error:
            raise SourceGone(_gone_reason(error)) from None
    if len(data) > max_bytes:
        raise SourceGone(f"file too large: grew beyond {max_bytes} bytes after it was listed")
    return data


def open_regular(path: Path):
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise SourceGone(_gone_reason(error)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise SourceGone("not a regular file")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def link_target(path: Path) -> Path | str:
    """Where ``path`` leads (symlinks resolved), or why it leads nowhere."""
    try:
        return path.resolve(strict=True)
    except RuntimeError:  # Python < 3.13 reports a loop this way
        return "symlink loop"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symlink loop"
        if error.errno == errno.ENOENT and path.is_symlink():
            return "broken symlink"
        return _gone_reason(error)


def _link_problem(path: Path, roots: tuple[Path, ...]) -> SourceProblem:
    target = link_target(path)
    if isinstance(target, str):
        return SourceProblem(str(path), target)
    if target.is_dir() and path.parent.resolve().is_relative_to(target):
        return SourceProblem(str(path), f"symlink loop: leads to the folder {target} that contains it")
    if not any(target.is_relative_to(root) for root in roots):
        return SourceProblem(str(path), f"symlink leads outside the sources ({target}); not followed")
    return SourceProblem(str(path), f"symlink to {target} inside the sources; read there", SKIPPED)


def _resolve_quietly(path: Path) -> Path | None:
    target = link_target(path)
    return None if isinstance(target, str) else target


def _ignored(name: str) -> bool:
    return name.startswith((".", "~$"))


def _drain(errors: list[OSError]) -> list[OSError]:
    drained, errors[:] = list(errors), []
    return drained


def _unreadable(error: OSError) -> SourceProblem:
    return SourceProblem(str(error.filename or "?"), f"folder cannot be listed: {error.strerror or error}", ERROR)


def _gone_reason(error: OSError) -> str:
    if error.errno == errno.ENOENT:
        return "vanished before it was read"
    if error.errno == errno.ELOOP:
        return "became a symlink after it was listed; not followed"
    return f"cannot read: {error.strerror or error}"
