"""Saving coded documents: round trips, one transaction per document, re-coding keeps history."""
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from coopatlas.store import DocumentMeta, StoreError, sha256_of
from coopatlas.store import write as write_module
from coopatlas.store.schema import documents, facts, passages

from store_builders import corpus, fact, fill, meta_for, result


def count(store, table, *where) -> int:
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table).where(*where)).scalar()


def test_a_new_atlas_is_at_the_newest_revision(store):
    assert store.revision() == "0004"
    assert store.problems() == []


def test_documents_round_trip(store):
    ids = fill(store)
    for meta, text, coded in corpus():
        loaded = store.load_result(ids[meta.path])
        assert loaded == coded
        assert [f.to_json() for f in loaded.facts] == [f.to_json() for f in coded.facts]
    assert store.problems() == []


def test_document_metadata_is_kept(store):
    fill(store)
    meta, text, _ = corpus()[1]
    stored = store.document_by_sha(meta.sha256)
    assert stored.meta == replace(meta, author="RU-PSK", language="ru")
    assert stored.status == "ok" and stored.error is None
    assert store.document_by_sha("0" * 64) is None


def test_passages_are_the_evidence_sentences(store):
    fill(store)
    assert count(store, passages) == sum(len(f.evidence) for _, _, r in corpus() for f in r.facts)
    with store.engine.connect() as connection:
        rows = connection.execute(select(passages.c.start, passages.c.end, passages.c.text, documents.c.text)
                                  .join(documents)).all()
    assert all(body == full[s:e] for s, e, body, full in rows)


def test_a_failed_write_leaves_nothing(store, monkeypatch):
    run = store.start_run("1.0")
    meta, text, coded = corpus()[0]

    def broken(*args):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(write_module, "write_facts", broken)
    with pytest.raises(RuntimeError):
        store.save_document(meta, text, coded, run)
    assert count(store, documents) == 0 and count(store, passages) == 0
    assert store.search("Калужская") == []
    assert store.problems() == []


def test_a_new_run_supersedes_and_keeps_the_old_facts(store):
    ids = fill(store, "1.0")
    meta, text, coded = corpus()[0]
    run2 = store.start_run("2.0")
    newer = result(meta.path, "RU-KLU", [fact(text, "Открыт авиарейс Калуга — Минск", ["BY", "RU-KLU"],
                                              specificity="detailed", status="implemented", direction="cross_border")])
    assert store.save_document(meta, text, newer, run2) == ids[meta.path]
    assert store.load_result(ids[meta.path]) == newer
    first_run = store.document_by_sha(corpus()[1][0].sha256).run_id
    assert store.load_result(ids[meta.path], run_id=first_run) == coded
    assert count(store, facts, facts.c.superseded_by_run == run2) == len(coded.facts)
    assert store.known_hashes("2.0") == {meta.sha256}
    assert store.known_hashes("1.0") == {m.sha256 for m, _, _ in corpus()[1:]}
    assert store.known_hashes() == {m.sha256 for m, _, _ in corpus()}
    assert store.problems() == []


def test_saving_again_in_the_same_run_replaces(store):
    run = store.start_run("1.0")
    meta, text, coded = corpus()[0]
    first = store.save_document(meta, text, coded, run)
    assert store.save_document(meta, text, coded, run) == first
    assert count(store, facts) == len(coded.facts)
    assert count(store, passages) == 2
    assert len(store.search("авиарейс")) == 1


def test_an_extraction_error_is_a_document_with_status_error(store):
    run = store.start_run("1.0")
    meta = meta_for("%PDF broken", "bad.pdf")
    doc = store.save_document(meta, None, result("bad.pdf", None, error="no text layer"), run)
    stored = store.document_by_sha(meta.sha256)
    assert (stored.id, stored.status, stored.error) == (doc, "error", "no text layer")
    assert store.load_result(doc).facts == ()


def test_unreadable_files_are_recorded(store):
    run = store.start_run("1.0")
    first = store.record_error(run, "scan.pdf", "ab" * 32, "encrypted PDF")
    second = store.record_error(run, "empty.txt", None, "empty file")
    assert second > first
    assert count(store, documents) == 0


def test_runs_are_recorded(store):
    run = store.start_run("1.0", {"ocr": True, "workers": 4})
    assert store.run(run).status == "running" and store.run(run).finished_at is None
    store.finish_run(run, "failed")
    recorded = store.run(run)
    assert (recorded.extractor_version, recorded.status, recorded.options) == ("1.0", "failed", {"ocr": True, "workers": 4})
    assert recorded.finished_at is not None
    with pytest.raises(StoreError):
        store.finish_run(run, "exploded")


def test_a_document_without_facts(store):
    run = store.start_run("1.0")
    text = "Отчёт о погоде."
    doc = store.save_document(DocumentMeta(path="w.txt", sha256=sha256_of(text)), text, result("w.txt", None), run)
    assert store.load_result(doc).facts == ()
    assert store.problems() == []


def test_the_extractors_own_output_round_trips(store):
    import coopatlas
    text = ("Калужская область заключила соглашение о сотрудничестве с Республикой Беларусь в сфере "
            "образования и туризма. Планируется развитие связей с регионами Центрального федерального округа.")
    coded = coopatlas.extract_text(text, author="RU-KLU", document="k.txt")
    run = store.start_run(coopatlas.__version__)
    doc = store.save_document(meta_for(text, "k.txt"), text, coded, run)
    assert store.load_result(doc) == coded


def test_two_processes_storing_the_same_content_at_once_on_postgresql(pg_url, monkeypatch):
    """Build A looks the sha256 up, finds nothing; build B stores the same file and commits; A's insert
    meets the unique key. A retries as an update: one document row, A's facts current, B's kept as history."""
    from coopatlas.store import open_store

    a, b = open_store(pg_url), open_store(pg_url)
    meta, text, coded = corpus()[0]
    run_a, run_b = a.start_run("1.0"), b.start_run("1.0")
    real_row = write_module.document_row
    calls = []

    def row_after_b_commits(*args, **kwargs):  # runs between A's look-up and A's insert
        if not calls:
            calls.append("B")
            calls.append(b.save_document(meta, text, coded, run_b))  # B's own call passes straight through
        return real_row(*args, **kwargs)

    monkeypatch.setattr(write_module, "document_row", row_after_b_commits)
    doc_id = a.save_document(meta, text, coded, run_a)
    assert calls == ["B", doc_id]
    assert count(a, documents) == 1
    assert count(a, facts, facts.c.superseded_by_run.is_(None)) == len(coded.facts)
    assert count(a, facts, facts.c.run_id == run_b, facts.c.superseded_by_run == run_a) == len(coded.facts)
    assert a.problems() == []
    a.close(), b.close()
