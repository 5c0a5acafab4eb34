"""`coopatlas build` end to end on small corpora written by the tests."""
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from click.testing import CliRunner

from coopatlas.build import build_atlas
from coopatlas.cli import main

DOC = ("[Иллюстративный документ, написан для тестов coopatlas]\n"
       "Стратегия социально-экономического развития {region} до 2030 года\n\n"
       "В {year} году подписано соглашение о сотрудничестве с Республикой Беларусь в сфере туризма.\n")
REGIONS = ["Калужской области", "Тульской области", "Брянской области", "Смоленской области",
           "Тверской области", "Ярославской области"]


def _corpus(root: Path, n: int = 6) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        text = DOC.format(region=REGIONS[i % len(REGIONS)], year=2010 + i)
        (root / f"doc{i:03d}.txt").write_text(text, encoding="utf-8")
    with zipfile.ZipFile(root / "export.zip", "w") as z:
        z.writestr("news/a.txt", DOC.format(region="Псковской области", year=2020))
        z.writestr("../escape.txt", "bad")
    (root / "empty.txt").write_bytes(b"")
    (root / "copy.txt").write_text(DOC.format(region=REGIONS[0], year=2010), encoding="utf-8")  # same as doc000
    return root


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as c:
        return c.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_build_stores_skips_and_reports(tmp_path):
    corpus = _corpus(tmp_path / "corpus")
    db = tmp_path / "atlas.db"
    first = build_atlas([corpus], db)
    assert first.stored == 7            # six txt and one zip member
    assert first.duplicates == 1        # copy.txt
    assert {Path(p).name for p, _ in first.problems} >= {"empty.txt"}
    assert any("escape" in p or ".." in reason for p, reason in first.problems)
    assert _count(db, "documents") == 7
    again = build_atlas([corpus], db)
    assert (again.stored, again.unchanged) == (0, 7)
    before = _current_facts(db, "doc001.txt")
    (corpus / "doc001.txt").write_text(DOC.format(region="Тульской области", year=2024), encoding="utf-8")
    changed = build_atlas([corpus], db)
    assert changed.stored == 1
    after = _current_facts(db, "doc001.txt")
    assert len(after) == len(before) == 1 and after != before   # the old version's facts are history now
    with sqlite3.connect(db) as c:
        authors = {a for (a,) in c.execute("SELECT author FROM documents")}
    assert "RU-TUL" in authors and "RU-KLU" in authors


def test_cli_build_exit_status_and_summary(tmp_path):
    corpus = _corpus(tmp_path / "c")
    result = CliRunner().invoke(main, ["build", str(corpus), "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 1        # empty.txt and the traversal member failed
    assert "7 coded" in result.output
    assert "Traceback" not in result.output


def test_parallel_build_gives_the_same_atlas(tmp_path):
    corpus = _corpus(tmp_path / "c")
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    build_atlas([corpus], one, jobs=1)
    build_atlas([corpus], two, jobs=2)
    for table in ("documents", "facts", "fact_parties", "evidence"):
        assert _count(one, table) == _count(two, table)


def test_a_killed_build_leaves_whole_documents_and_the_next_run_completes(tmp_path):
    corpus = tmp_path / "big"
    corpus.mkdir()
    for i in range(300):
        text = DOC.format(region=REGIONS[i % len(REGIONS)], year=2000 + i % 25) + f"Приложение {i}.\n" * 200
        (corpus / f"d{i:04d}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "atlas.db"
    proc = subprocess.Popen([sys.executable, "-m", "coopatlas.cli", "build", str(corpus), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        time.sleep(0.2)
        if db.exists() and _stored(db) >= 20:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = _stored(db)
    assert 0 < stored < 300, "the kill should land mid-build"
    with sqlite3.connect(db) as c:
        orphans = c.execute("SELECT count(*) FROM facts f LEFT JOIN documents d ON d.id = f.document_id "
                            "WHERE d.id IS NULL").fetchone()[0]
        without_facts = c.execute("SELECT count(*) FROM documents d WHERE d.status = 'ok' AND NOT EXISTS "
                                  "(SELECT 1 FROM facts f WHERE f.document_id = d.id)").fetchone()[0]
    assert orphans == 0 and without_facts == 0
    rest = build_atlas([corpus], db)
    assert rest.stored == 300 - stored and rest.unchanged == stored
    assert _count(db, "documents") == 300


def _current_facts(db: Path, name: str) -> list:
    with sqlite3.connect(db) as c:
        return c.execute("SELECT f.id FROM facts f JOIN documents d ON d.id = f.document_id "
                         "WHERE d.path LIKE ? AND f.superseded_by_run IS NULL", (f"%{name}",)).fetchall()


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as c:
            return c.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
