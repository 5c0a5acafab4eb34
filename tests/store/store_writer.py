"""Run by test_store_crash.py: write documents into an atlas in a loop until killed.

Document i has i % 7 + 1 facts (written in its title), each with many parties, so that a
transaction takes long enough for a kill to land in the middle of one.
"""
import sys

from coopatlas.model import DocumentResult, Evidence, Fact, Specificity, Sphere, Status
from coopatlas.store import DocumentMeta, open_store, sha256_of

SENTENCE = "Область развивает сотрудничество с партнёрами номер {i} в сфере туризма и культуры. "


def document(i: int):
    n = i % 7 + 1
    text = "".join(SENTENCE.format(i=f"{i}-{k}") for k in range(n))
    facts, start = [], 0
    for k in range(n):
        end = start + len(SENTENCE.format(i=f"{i}-{k}"))
        facts.append(Fact(parties=tuple(f"RU-X{j:03d}" for j in range(60)), implied=(),
                          spheres=(Sphere.TOURISM, Sphere.CULTURE), specificity=Specificity.FORMAL,
                          status=Status.AGREED, direction=None, arity=None, years=(2020 + k,),
                          evidence=(Evidence(start, end, text[start:end]),), why={"k": k}))
        start = end
    meta = DocumentMeta(path=f"doc-{i}.txt", sha256=sha256_of(text), title=f"facts={n}")
    return meta, text, DocumentResult(meta.path, None, "ru", tuple(facts))


def main(db: str) -> None:
    store = open_store(db)
    run = store.start_run("crash-test")
    known = store.known_hashes()
    i = 0
    while True:
        meta, text, coded = document(i)
        if meta.sha256 not in known:
            store.save_document(meta, text, coded, run)
        i += 1


if __name__ == "__main__":
    main(sys.argv[1])
