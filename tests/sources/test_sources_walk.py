"""The source walker and loader: folders, archives and every bad input recorded, never raised."""
from __future__ import annotations

import hashlib
import os
import zipfile

import pytest

from coopatlas.model import RawDocument
from coopatlas.sources import (
    DUPLICATE, SKIPPED, Loaded, Settings, SourceItem, SourceProblem, load, read_loaded, walk,
)
from coopatlas.sources.archive import member_name, unsafe_name

from sources_builders import build_cp866_zip, build_zip

TEXT = "Калужская область и Минская область подписали соглашение о сотрудничестве.".encode()


def items(found) -> list[SourceItem]:
    return [f for f in found if isinstance(f, SourceItem)]


def problems(found) -> dict[str, str]:
    return {p.path: p.reason for p in found if isinstance(p, SourceProblem)}


def tree(root, files: dict[str, bytes]):
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


# --- folders -----------------------------------------------------------------------------------------

def test_folder_is_walked_sorted_with_paths_relative_to_the_source(tmp_path):
    tree(tmp_path, {"b.txt": b"b", "a/z.txt": b"z", "a/c.txt": b"c", ".git/config": b"x", "~$lock.docx": b"x",
                    ".hidden.txt": b"x"})
    found = list(walk([tmp_path]))
    assert [i.relative for i in found] == ["b.txt", "a/c.txt", "a/z.txt"]
    assert found[0].path == str(tmp_path / "b.txt") and found[0].origin == "file" and found[0].size == 1
    assert found[1].open_bytes() == b"c"


def test_a_single_file_and_a_missing_source(tmp_path):
    tree(tmp_path, {"one.txt": b"1"})
    found = list(walk([tmp_path / "one.txt", tmp_path / "nope"]))
    assert [i.relative for i in items(found)] == ["one.txt"]
    assert problems(found) == {str(tmp_path / "nope"): "no such file or folder"}


def test_file_too_large_is_recorded(tmp_path):
    tree(tmp_path, {"big.txt": b"x" * 101})
    assert problems(walk([tmp_path], Settings(max_file_bytes=100))) == {
        str(tmp_path / "big.txt"): "file too large: 101 bytes > 100"}


def test_symlink_loop_to_an_ancestor_folder(tmp_path):
    tree(tmp_path, {"docs/a.txt": b"a"})
    (tmp_path / "docs" / "again").symlink_to(tmp_path)
    found = list(walk([tmp_path]))
    assert [i.relative for i in items(found)] == ["docs/a.txt"]
    assert problems(found)[str(tmp_path / "docs" / "again")].startswith("symlink loop")


def test_self_referencing_and_broken_symlinks(tmp_path):
    (tmp_path / "self").symlink_to(tmp_path / "self")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    assert problems(walk([tmp_path])) == {str(tmp_path / "self"): "symlink loop",
                                         str(tmp_path / "dangling.txt"): "broken symlink"}


def test_symlinks_outside_the_sources_are_not_followed(tmp_path):
    outside = tree(tmp_path / "outside", {"secret.txt": b"secret", "dir/x.txt": b"x"})
    corpus = tree(tmp_path / "corpus", {"a.txt": b"a"})
    (corpus / "file-link.txt").symlink_to(outside / "secret.txt")
    (corpus / "dir-link").symlink_to(outside / "dir")
    found = list(walk([corpus]))
    assert [i.relative for i in items(found)] == ["a.txt"]
    reasons = problems(found)
    assert reasons[str(corpus / "file-link.txt")].startswith("symlink leads outside the sources")
    assert reasons[str(corpus / "dir-link")].startswith("symlink leads outside the sources")


def test_symlink_inside_the_sources_is_skipped_as_read_there(tmp_path):
    tree(tmp_path, {"a.txt": b"a"})
    (tmp_path / "alias.txt").symlink_to(tmp_path / "a.txt")
    found = list(walk([tmp_path]))
    assert [i.relative for i in items(found)] == ["a.txt"]
    skipped = [p for p in found if isinstance(p, SourceProblem)]
    assert [(p.path, p.kind) for p in skipped] == [(str(tmp_path / "alias.txt"), SKIPPED)]


def test_a_symlink_given_as_the_source_is_followed(tmp_path):
    real = tree(tmp_path / "real", {"a.txt": b"a"})
    (tmp_path / "link").symlink_to(real)
    assert [i.relative for i in items(walk([tmp_path / "link"]))] == ["a.txt"]


def test_fifo_is_not_a_regular_file(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    assert problems(walk([tmp_path])) == {str(tmp_path / "pipe.txt"): "not a regular file"}


def test_file_that_vanishes_after_listing_is_a_problem_not_a_crash(tmp_path):
    tree(tmp_path, {"a.txt": b"a", "b.txt": b"b"})
    listed = list(walk([tmp_path]))
    (tmp_path / "a.txt").unlink()
    found = list(load(listed))
    assert problems(found) == {str(tmp_path / "a.txt"): "vanished before it was read"}
    assert [f.data for f in found if isinstance(f, Loaded)] == [b"b"]


def test_file_swapped_for_a_symlink_after_listing_is_refused(tmp_path):
    tree(tmp_path, {"a.txt": b"a", "other.txt": b"o"})
    listed = list(walk([tmp_path]))
    (tmp_path / "a.txt").unlink()
    (tmp_path / "a.txt").symlink_to(tmp_path / "other.txt")
    assert problems(load(listed))[str(tmp_path / "a.txt")] == "became a symlink after it was listed; not followed"


def test_file_that_grows_after_listing(tmp_path):
    tree(tmp_path, {"a.txt": b"a"})
    listed = list(walk([tmp_path], Settings(max_file_bytes=10)))
    (tmp_path / "a.txt").write_bytes(b"x" * 50)
    assert problems(load(listed))[str(tmp_path / "a.txt")].startswith("file too large: grew beyond 10 bytes")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path):
    tree(tmp_path, {"locked.txt": b"x"})
    (tmp_path / "locked.txt").chmod(0)
    assert problems(load(walk([tmp_path])))[str(tmp_path / "locked.txt")].startswith("cannot read")


# --- archives ----------------------------------------------------------------------------------------

def test_zip_members_continue_the_archive_path(tmp_path):
    tree(tmp_path, {"pack.zip": build_zip({"2023/b.txt": b"b", "a.txt": b"a", "2023/": b"", "__MACOSX/._a.txt": b""})})
    found = items(walk([tmp_path]))
    assert [(i.relative, i.origin, i.open_bytes()) for i in found] == [
        ("pack.zip/2023/b.txt", "zip", b"b"), ("pack.zip/a.txt", "zip", b"a")]
    assert found[0].path == f"{tmp_path}/pack.zip/2023/b.txt"


@pytest.mark.parametrize("name, reason", [
    ("../evil.txt", "member path climbs out of the archive (..)"),
    ("docs/../../evil.txt", "member path climbs out of the archive (..)"),
    ("..\\evil.txt", "member path climbs out of the archive (..)"),
    ("/etc/evil.txt", "absolute member path"),
    ("C:/Windows/evil.txt", "drive letter in member path"),
    ("c:evil.txt", "drive letter in member path"),
])
def test_path_traversal_member_names_are_refused(tmp_path, name, reason):
    assert unsafe_name(name) == reason
    tree(tmp_path, {"pack.zip": build_zip({name: b"evil", "good.txt": b"good"})})
    found = list(walk([tmp_path]))
    assert [i.relative for i in items(found)] == ["pack.zip/good.txt"]
    assert list(problems(found).values()) == [reason]


def test_safe_member_names():
    assert unsafe_name("docs/a..b.txt") is None and unsafe_name("a/b/c.pdf") is None


def test_zip_bomb_by_ratio(tmp_path):
    tree(tmp_path, {"bomb.zip": build_zip({"zeros.txt": bytes(5_000_000), "ok.txt": b"fine"})})
    found = list(walk([tmp_path]))
    assert [i.relative for i in items(found)] == ["bomb.zip/ok.txt"]
    reason = problems(found)[f"{tmp_path}/bomb.zip/zeros.txt"]
    assert reason.startswith("suspected zip bomb: expands") and reason.endswith("> 100×")


def test_small_members_are_not_ratio_checked(tmp_path):
    tree(tmp_path, {"ok.zip": build_zip({"spaces.txt": b" " * 100_000})})
    assert [i.size for i in items(walk([tmp_path]))] == [100_000]


def test_archive_total_budget(tmp_path):
    members = {f"m{i}.txt": os.urandom(400) for i in range(5)}
    tree(tmp_path, {"many.zip": build_zip(members)})
    found = list(walk([tmp_path], Settings(max_archive_total_bytes=1000)))
    assert [i.relative for i in items(found)] == ["many.zip/m0.txt", "many.zip/m1.txt"]
    assert "archive expands beyond 1000 bytes" in " ".join(problems(found).values())


def test_member_larger_than_the_file_limit(tmp_path):
    tree(tmp_path, {"p.zip": build_zip({"big.txt": os.urandom(300)})})
    assert list(problems(walk([tmp_path], Settings(max_file_bytes=200))).values()) == [
        "file too large: 300 bytes > 200"]


def test_too_many_members(tmp_path):
    tree(tmp_path, {"crowd.zip": build_zip({f"{i}.txt": b"x" for i in range(11)})})
    assert problems(walk([tmp_path], Settings(max_archive_members=10))) == {
        str(tmp_path / "crowd.zip"): "too many archive members: 11 > 10"}


def test_nested_zips_down_to_depth_two(tmp_path):
    deepest = build_zip({"deep.txt": b"deep"})
    inner = build_zip({"inner.txt": b"inner", "deeper.zip": deepest})
    tree(tmp_path, {"outer.zip": build_zip({"outer.txt": b"outer", "inner.zip": inner})})
    found = list(walk([tmp_path]))
    assert [i.relative for i in items(found)] == [
        "outer.zip/inner.zip/inner.txt", "outer.zip/outer.txt"]
    assert problems(found) == {f"{tmp_path}/outer.zip/inner.zip/deeper.zip": "nested archive too deep: level 3 > 2"}


def test_nesting_can_be_switched_off(tmp_path):
    tree(tmp_path, {"outer.zip": build_zip({"inner.zip": build_zip({"a.txt": b"a"})})})
    assert list(problems(walk([tmp_path], Settings(max_archive_depth=1))).values()) == [
        "nested archive too deep: level 2 > 1"]


def test_corrupt_and_truncated_archives(tmp_path):
    good = build_zip({"a.txt": b"a" * 1000})
    tree(tmp_path, {"junk.zip": b"PK\x03\x04 not really", "cut.zip": good[: len(good) // 2]})
    reasons = problems(walk([tmp_path]))
    assert all(r.startswith("corrupt archive") for r in reasons.values()) and len(reasons) == 2


def test_damaged_member_data_fails_its_crc(tmp_path):
    data = bytearray(build_zip({"a.txt": os.urandom(2000)}))
    data[100] ^= 0xFF  # inside the compressed data of the only member
    tree(tmp_path, {"bad.zip": bytes(data)})
    assert list(problems(walk([tmp_path])).values())[0].startswith("corrupt archive member")


def test_encrypted_member(tmp_path):
    tree(tmp_path, {"secret.zip": build_zip({"s.txt": b"s", "open.txt": b"o"}, encrypted=("s.txt",))})
    found = list(walk([tmp_path]))
    assert problems(found) == {f"{tmp_path}/secret.zip/s.txt": "encrypted archive member"}


def test_cp866_member_names_are_decoded(tmp_path):
    tree(tmp_path, {"ru.zip": build_cp866_zip("Соглашение.txt", b"x")})
    assert [i.relative for i in items(walk([tmp_path]))] == ["ru.zip/Соглашение.txt"]
    info = zipfile.ZipInfo("plain.txt")
    assert member_name(info) == "plain.txt"


def test_archive_that_vanishes_after_its_folder_was_listed(tmp_path):
    tree(tmp_path, {"a.txt": b"a", "gone.zip": build_zip({"b.txt": b"b"})})
    listing = walk([tmp_path])
    assert next(listing).relative == "a.txt"  # the folder has been listed now
    (tmp_path / "gone.zip").unlink()
    assert problems(listing) == {str(tmp_path / "gone.zip"): "vanished before it was read"}


# --- loading -----------------------------------------------------------------------------------------

def test_exact_duplicates_are_skipped_by_content_hash(tmp_path):
    tree(tmp_path, {"a.txt": TEXT, "copy/a-again.txt": TEXT, "pack.zip": build_zip({"same.txt": TEXT})})
    found = list(load(walk([tmp_path])))
    loaded = [f for f in found if isinstance(f, Loaded)]
    assert [f.item.relative for f in loaded] == ["a.txt"]
    assert loaded[0].sha256 == hashlib.sha256(TEXT).hexdigest()
    dups = [p for p in found if isinstance(p, SourceProblem)]
    assert {p.kind for p in dups} == {DUPLICATE}
    assert {p.path for p in dups} == {str(tmp_path / "copy" / "a-again.txt"), f"{tmp_path}/pack.zip/same.txt"}
    assert all(p.reason == f"duplicate of {tmp_path / 'a.txt'} (same content)" for p in dups)


def test_read_loaded_gives_a_document_or_a_problem(tmp_path):
    tree(tmp_path, {"a.txt": TEXT, "empty.txt": b"   "})
    results = [read_loaded(f) for f in load(walk([tmp_path])) if isinstance(f, Loaded)]
    assert isinstance(results[0], RawDocument) and results[0].text == TEXT.decode()
    assert results[1] == SourceProblem(str(tmp_path / "empty.txt"), "empty file")
