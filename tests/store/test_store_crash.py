"""A writer killed with SIGKILL at any moment leaves no half-stored document."""
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from coopatlas.store import open_store
from coopatlas.store.schema import documents, facts, passages

WRITER = Path(__file__).with_name("store_writer.py")


def wait_for_documents(store, at_least: int, timeout: float = 20.0) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with store.engine.connect() as connection:
            n = connection.execute(select(func.count()).select_from(documents)).scalar()
        if n >= at_least:
            return n
        time.sleep(0.02)
    raise AssertionError(f"the writer stored fewer than {at_least} documents in {timeout} s")


def kill_while_writing(db_url: str, store, at_least: int) -> None:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(WRITER.parent), *sys.path]))
    writer = subprocess.Popen([sys.executable, str(WRITER), db_url], env=env, stderr=subprocess.PIPE)
    try:
        wait_for_documents(store, at_least)
        time.sleep(random.uniform(0, 0.05))
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
    assert writer.returncode == -signal.SIGKILL, writer.stderr.read().decode()


def assert_whole(store) -> None:
    assert store.problems() == []
    with store.engine.connect() as connection:
        rows = connection.execute(
            select(documents.c.title, func.count(facts.c.id.distinct()), func.count(passages.c.id.distinct()))
            .select_from(documents).outerjoin(facts).outerjoin(passages, passages.c.document_id == documents.c.id)
            .group_by(documents.c.id, documents.c.title)).all()
        if store.dialect == "sqlite":
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert connection.exec_driver_sql(
                "INSERT INTO passages_fts(passages_fts) VALUES ('integrity-check')").rowcount in (-1, 0, 1)
    for title, n_facts, n_passages in rows:
        expected = int(title.split("=")[1])
        assert (n_facts, n_passages) == (expected, expected), title


def test_kill_9_leaves_whole_documents(db_url):
    with open_store(db_url) as store:
        for round_ in range(3):  # the writer resumes after each kill, skipping what it stored
            kill_while_writing(db_url, store, at_least=3 + 4 * round_)
            assert_whole(store)
        with store.engine.connect() as connection:
            stored = set(connection.execute(select(documents.c.path)).scalars())
        hits = store.search("партнёрами туризма", limit=1000)
        assert hits and {h.path for h in hits} == stored
