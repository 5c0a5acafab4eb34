"""The gold set (tests/data/gold): valid per the codebook, and the extractor scored on it.

The set has two parts: tune/ (rules may be tuned on it) and heldout/ (kept away from tuning); both
are printed (pytest -s) and reported in the README.

TARGETS are the extraction issue's thresholds for the whole set. The suite enforces FLOORS: a target
once it is reached on the whole set (all five are now: pairs 0.951 when last measured), else the score
reached less a small margin. A change that makes the extractor worse than a floor fails. The whole set is
three quarters tune documents; the README reports the held-out part (pairs 0.88) as the estimate for
unseen text.
"""
import json
from pathlib import Path

import pytest

from coopatlas.evaluation import canonicalise, evaluate, parse_jsonl, render_table
from coopatlas.extract import extract_text
from coopatlas.reference import load_reference

GOLD = Path(__file__).parent / "data" / "gold"
PARTS = ("tune", "heldout")
TARGETS = {"pairs": 0.95, "partners": 0.95, "spheres": 0.90, "specificity": 0.85, "status": 0.85}
FLOORS = {"pairs": 0.95, "partners": 0.95, "spheres": 0.90, "specificity": 0.85, "status": 0.85}


def _gold_lines():
    for part in PARTS:
        path = GOLD / f"{part}.jsonl"
        if path.exists():
            yield from ((path, i, line) for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                        if line.strip())


@pytest.fixture(scope="module")
def gold():
    records = []
    for part in PARTS:
        path = GOLD / f"{part}.jsonl"
        records.extend(parse_jsonl(path.read_text(encoding="utf-8").splitlines(), source=str(path)))
    return canonicalise(records, load_reference().resolve_id)


@pytest.fixture(scope="module")
def predictions(gold):
    out = []
    for record in gold:
        text = (GOLD / record.document).read_text(encoding="utf-8")
        out.append(extract_text(text, record.author, document=record.document, infer=False).to_json())
    lines = [json.dumps(r, ensure_ascii=False) for r in out]
    return canonicalise(parse_jsonl(lines, source="<predictions>"), load_reference().resolve_id)


def test_gold_set_is_large_and_split():
    docs = [json.loads(line) for _, _, line in _gold_lines()]
    heldout = [d for d in docs if d["document"].startswith("heldout/")]
    english = [d for d in docs if d["language"] == "en"]
    assert len(docs) >= 80
    assert len(heldout) >= len(docs) / 4
    assert len(english) >= 15


def test_gold_quotes_are_slices_and_parties_are_known():
    ref = load_reference()
    for path, line_no, line in _gold_lines():
        record = json.loads(line)
        text = (GOLD / record["document"]).read_text(encoding="utf-8")
        for fact in record["facts"]:
            for ev in fact["evidence"]:
                assert text[ev["start"]:ev["end"]] == ev["quote"], f"{path.name}:{line_no}"
            for party in fact["parties"] + fact["implied"]:
                known = party in ref.parties or party in ref.id_aliases or party.startswith("city:")
                assert known, f"{path.name}:{line_no}: {party}"


def test_extractor_stays_above_its_floors_on_the_gold_set(gold, predictions):
    reports = {part: evaluate(gold, predictions, documents={r.document for r in gold
                                                          if r.document.startswith(part + "/")})
               for part in PARTS}
    report = evaluate(gold, predictions)
    for part, rep in reports.items():
        print(f"\n===== {part} =====\n" + render_table(rep))
    scores = _headline(report)
    print("\nwhole set:", json.dumps(scores))
    print("below the issue's targets:", {k: (round(v, 3), TARGETS[k]) for k, v in scores.items() if v < TARGETS[k]})
    failing = {k: (round(v, 3), FLOORS[k]) for k, v in scores.items() if v < FLOORS[k]}
    assert not failing, f"below the floor: {failing}"


def test_floors_never_exceed_the_targets():
    assert all(FLOORS[k] <= TARGETS[k] for k in TARGETS)


def _headline(report) -> dict[str, float]:
    data = report.to_json()["scores"]
    return {"pairs": data["pairs"]["f1"], "partners": data["partners"]["f1"],
            "spheres": data["spheres"]["f1"], "specificity": data["specificity"]["accuracy"],
            "status": data["statuses"]["f1"]}


@pytest.mark.parametrize("part", PARTS)
def test_gold_files_pass_the_checker(part):
    """check_gold.py: JSON shape, codes, sorted parties, direction and arity consistent with the parties."""
    import subprocess
    import sys

    run = subprocess.run([sys.executable, str(GOLD / "check_gold.py"), str(GOLD / f"{part}.jsonl")],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]


def test_author_inference_on_the_gold_set(gold):
    """Without --author, the author is read from title lines: rarely wrong, often left null."""
    inferred = right = 0
    with_author = [r for r in gold if r.author]
    for record in with_author:
        text = (GOLD / record.document).read_text(encoding="utf-8")
        guess = extract_text(text, None, document=record.document).author
        if guess is not None:
            inferred += 1
            right += load_reference().resolve_id(guess) == record.author
    print(f"\nauthor inference: {inferred} of {len(with_author)} inferred, {right} right")
    assert right / inferred >= 0.95
    assert inferred / len(with_author) >= 0.75
