"""The CLI as documented: every example in the README "Commands" block is run and its output checked.

The examples are parsed out of README.md (the fenced ``sh`` block under "## Commands"), so a README
example that stops working fails here (DESIGN.md point 12). Output redirections (``> facts.jsonl``)
are written to a temporary folder, and later examples that read such a file get that temporary path.
Everything runs in-process through ``click.testing.CliRunner`` so the extraction pipeline is built
once; a couple of tests start a real ``coopatlas`` process where the exit status of a process matters.
"""
from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from coopatlas.cli import main
from coopatlas.ingest import read_document
from coopatlas.model import Arity, Direction, Specificity, Sphere, Status

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
GOLD = Path("tests/data/gold")
SUPPORTED = {".txt", ".text", ".html", ".htm", ".pdf", ".docx"}
FACT_KEYS = {"parties", "implied", "spheres", "specificity", "status", "direction", "arity", "years",
             "evidence", "why"}
COOPATLAS = Path(sys.executable).with_name("coopatlas")


# --- the README examples ------------------------------------------------------------------------

def readme_commands() -> list[str]:
    """The command lines of the fenced ``sh`` block under "## Commands" in README.md."""
    text = README.read_text(encoding="utf-8")
    section = re.search(r"^## Commands\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    assert section, "README.md has no '## Commands' section"
    block = re.search(r"^```sh\n(.*?)^```", section.group(1), re.S | re.M)
    assert block, "README.md '## Commands' has no ```sh block"
    lines = [line.strip() for line in block.group(1).splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


COMMANDS = readme_commands()


def split_command(line: str) -> tuple[list[str], str | None]:
    """``coopatlas a b > out`` → (["a", "b"], "out")."""
    words = shlex.split(line, comments=True)
    assert words and words[0] == "coopatlas", f"README example does not start with coopatlas: {line!r}"
    args, redirect = [], None
    it = iter(words[1:])
    for word in it:
        if word == ">":
            redirect = next(it)
        elif word.startswith(">"):
            redirect = word[1:]
        else:
            args.append(word)
    return args, redirect


class Ran:
    """One README example after it ran: the arguments as run and what came out."""

    def __init__(self, line, args, redirect, result, stdout):
        self.line, self.args, self.redirect, self.result, self.stdout = line, args, redirect, result, stdout

    @property
    def subcommand(self) -> str:
        return self.args[0]


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def in_repo():
    """Run from the repository root, as the README examples assume."""
    before = os.getcwd()
    os.chdir(REPO)
    try:
        yield REPO
    finally:
        os.chdir(before)


@pytest.fixture(scope="module")
def produced(tmp_path_factory) -> dict[str, Path]:
    """README file names written by a redirection → the temporary file that stands for them."""
    return {"__dir__": tmp_path_factory.mktemp("readme")}


@pytest.fixture(scope="module")
def readme_runs(in_repo, runner, produced) -> list[Ran]:
    """Run every README example once, in order (later ones read files earlier ones wrote)."""
    out = []
    for line in COMMANDS:
        args, redirect = split_command(line)
        args = [str(produced[a]) if a in produced else a for a in args]
        result = runner.invoke(main, args)
        stdout = result.stdout
        if redirect:
            target = produced["__dir__"] / Path(redirect).name
            target.write_text(stdout, encoding="utf-8")
            produced[redirect] = target
        out.append(Ran(line, args, redirect, result, stdout))
    return out


def run_for(runs: list[Ran], predicate) -> list[Ran]:
    found = [r for r in runs if predicate(r)]
    assert found, "no README example of this kind"
    return found


# --- checks shared by several tests -------------------------------------------------------------

def parse_extract_args(args: list[str]) -> dict:
    """The options of an ``extract`` command line (only what the checks need)."""
    valued = {"--author", "--authors", "--lang", "--relative-to"}
    opts, paths = {}, []
    it = iter(args[1:])
    for word in it:
        if word in valued:
            opts[word] = next(it)
        elif word.startswith("--"):
            opts[word] = True
        else:
            paths.append(word)
    opts["paths"] = paths
    return opts


def input_files(paths: list[str]) -> list[Path]:
    files = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED)
        else:
            files.append(p)
    return files


def check_record(record: dict, text: str | None) -> None:
    """Codebook section 7 shape; every evidence quote is the slice of the document text."""
    assert {"document", "author", "language", "facts"} <= record.keys(), record.keys()
    assert isinstance(record["document"], str) and record["document"]
    assert record["author"] is None or isinstance(record["author"], str)
    assert record["language"] in (None, "ru", "en")
    assert isinstance(record["facts"], list)
    for fact in record["facts"]:
        assert FACT_KEYS <= fact.keys(), f"fact lacks {FACT_KEYS - fact.keys()}"
        assert fact["parties"] == sorted(fact["parties"]) and all(isinstance(p, str) for p in fact["parties"])
        assert isinstance(fact["implied"], list)
        assert set(fact["spheres"]) <= {s.value for s in Sphere}
        assert fact["specificity"] in {s.value for s in Specificity}
        assert fact["status"] in {s.value for s in Status}
        assert fact["direction"] in {d.value for d in Direction} | {None}
        assert fact["arity"] in {a.value for a in Arity} | {None}
        assert all(isinstance(y, int) for y in fact["years"])
        assert isinstance(fact["why"], dict)
        assert fact["evidence"], "a fact without evidence"
        for ev in fact["evidence"]:
            assert set(ev) >= {"start", "end", "quote"}
            assert 0 <= ev["start"] < ev["end"]
            if text is not None:
                assert text[ev["start"]:ev["end"]] == ev["quote"], (record["document"], ev)


def check_extract_output(args: list[str], stdout: str) -> list[dict]:
    """One JSON line per input document, each in section 7 shape with exact evidence quotes."""
    opts = parse_extract_args(args)
    files = input_files(opts["paths"])
    assert files, f"example names no input files: {args}"
    records = [json.loads(line) for line in stdout.splitlines() if line.strip()]
    assert len(records) == len(files), (len(records), len(files))
    base = Path(opts["--relative-to"]) if "--relative-to" in opts else None
    by_file = {}
    for record in records:
        key = record["document"]
        path = (base / key) if base is not None else Path(key)
        by_file[path.resolve()] = record
    assert set(by_file) == {f.resolve() for f in files}
    for path, record in by_file.items():
        assert "error" not in record, record
        check_record(record, read_document(path).text)
        if "--author" in opts:
            assert record["author"] == opts["--author"]
    return records


def summary_names(table: str) -> str:
    """The first column of a rich table, its folded pieces joined."""
    pieces = []
    for line in table.splitlines():
        if line.startswith("│"):
            pieces.append(line.split("│")[1].strip())
    return "".join(pieces)


# --- every README example -----------------------------------------------------------------------

def test_readme_has_an_example_for_every_command():
    ran = {split_command(line)[0][0] for line in COMMANDS}
    assert set(main.commands) <= ran, f"commands without a README example: {set(main.commands) - ran}"
    kinds = {(split_command(line)[0][0], "--summary" in line, "--json" in line) for line in COMMANDS}
    assert {("extract", False, False), ("extract", True, False), ("evaluate", False, False),
            ("evaluate", False, True)} <= kinds


@pytest.mark.parametrize("index", range(len(COMMANDS)), ids=COMMANDS)
def test_readme_example_runs_and_its_output_is_right(readme_runs, index):
    ran = readme_runs[index]
    assert ran.result.exit_code == 0, (ran.line, ran.result.output, ran.result.exception)
    assert "Traceback" not in ran.result.output
    assert ran.stdout.strip(), f"{ran.line} printed nothing"
    if ran.subcommand == "extract" and "--summary" in ran.args:
        files = input_files(parse_extract_args(ran.args)["paths"])
        names = summary_names(ran.stdout)
        for f in files:
            assert str(f) in names, f"summary does not name {f}"
        assert re.search(rf"^{len(files)} documents, \d+ facts, 0 failed\.$", ran.stdout, re.M)
    elif ran.subcommand == "extract":
        check_extract_output(ran.args, ran.stdout)
    elif ran.subcommand == "evaluate" and "--json" in ran.args:
        check_scores_json(json.loads(ran.stdout))
    elif ran.subcommand == "evaluate":
        check_score_table(ran.stdout)
    elif ran.subcommand == "build":
        assert re.search(r"^\d+ files: \d+ coded \(\d+ facts\), \d+ unchanged", ran.stdout, re.M)
    elif ran.subcommand == "status":
        assert re.search(r"\d+ of 89 subjects covered", ran.stdout)
    elif ran.subcommand == "search":
        assert re.search(r"^\[\d+\] \S+", ran.stdout, re.M), ran.stdout
    elif ran.subcommand == "show":
        assert re.search(r"^path +\S+", ran.stdout, re.M) and "fact " in ran.stdout
    elif ran.subcommand == "export":
        written = [Path(line) for line in ran.stdout.split()]
        assert written and all(p.exists() and p.stat().st_size > 0 for p in written)
    elif ran.subcommand == "report":
        index = Path(re.search(r"^report: (\S+)$", ran.stdout, re.M).group(1))
        page = index.read_text(encoding="utf-8")
        assert '<section id="districts">' in page and '<section id="evidence">' in page
        assert ("--no-images" in ran.args) == (not list(index.parent.glob("figures/*.png")))
        if "--trade" in ran.args:
            assert "QAP" in page
    elif ran.subcommand == "settings":
        assert "max_file_bytes" in ran.stdout
    else:
        pytest.fail(f"no check for README example {ran.line!r}")


def check_scores_json(report: dict) -> None:
    scores = report["scores"]
    for unit in ("pairs", "partners", "spheres", "statuses", "directions"):
        for key in ("precision", "recall", "f1"):
            assert 0.0 <= scores[unit][key] <= 1.0, (unit, key)
        assert scores[unit]["support"] >= 0
    assert "specificity" in scores and scores["specificity"]
    assert report["counts"]["documents"] > 0
    assert isinstance(report["documents"], list)


def check_score_table(table: str) -> None:
    assert re.search(r"Scores over \d+ documents", table)
    for metric in ("pairs", "partners", "spheres (micro)", "status", "direction", "specificity"):
        assert re.search(rf"^\s*{re.escape(metric)}\s+\d", table, re.M), f"no {metric} row"


# --- specific claims ----------------------------------------------------------------------------

def test_kaluga_example_has_the_minsk_region_fact(readme_runs):
    """README "Example": the Kaluga excerpt yields a fact with parties BY-MI and RU-KLU."""
    ran = run_for(readme_runs, lambda r: r.subcommand == "extract" and
                  "examples/kaluga-strategy-excerpt.txt" in r.args and "--summary" not in r.args)[0]
    (record,) = [json.loads(line) for line in ran.stdout.splitlines() if line.strip()]
    assert record["author"] == "RU-KLU" and record["language"] == "ru"
    minsk = [f for f in record["facts"] if f["parties"] == ["BY-MI", "RU-KLU"]]
    assert minsk, [f["parties"] for f in record["facts"]]
    quote = "В 2022 году подписано соглашение о сотрудничестве с Минской областью Республики Беларусь."
    assert any(ev["quote"] == quote for f in minsk for ev in f["evidence"])
    assert all(f["direction"] == "cross_border" and f["arity"] == "bilateral" for f in minsk)


def test_kaluga_author_is_inferred_from_the_title(in_repo, runner):
    result = runner.invoke(main, ["extract", "examples/kaluga-strategy-excerpt.txt"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["author"] == "RU-KLU"


def test_extract_with_authors_gives_relative_keys_and_gold_authors(readme_runs):
    ran = run_for(readme_runs, lambda r: r.subcommand == "extract" and "--authors" in r.args)[0]
    opts = parse_extract_args(ran.args)
    gold = {json.loads(line)["document"]: json.loads(line)["author"]
            for line in Path(opts["--authors"]).read_text(encoding="utf-8").splitlines() if line.strip()}
    records = [json.loads(line) for line in ran.stdout.splitlines() if line.strip()]
    keys = [r["document"] for r in records]
    folder = Path(opts["paths"][0])
    assert sorted(keys) == sorted(f"{folder.name}/{f.name}" for f in folder.iterdir() if f.suffix == ".txt")
    assert all(re.fullmatch(r"tune/[^/]+\.txt", k) for k in keys)
    assert set(keys) == set(gold)
    for r in records:
        assert r["author"] == gold[r["document"]], r["document"]


def test_summary_counts_match_the_json_lines(readme_runs, in_repo, runner):
    ran = run_for(readme_runs, lambda r: r.subcommand == "extract" and "--summary" in r.args)[0]
    paths = parse_extract_args(ran.args)["paths"]
    as_json = runner.invoke(main, ["extract", *paths])
    assert as_json.exit_code == 0
    records = [json.loads(line) for line in as_json.stdout.splitlines()]
    total = sum(len(r["facts"]) for r in records)
    assert f"{len(records)} documents, {total} facts, 0 failed." in ran.stdout


def test_score_table_and_json_agree(readme_runs):
    table = run_for(readme_runs, lambda r: r.subcommand == "evaluate" and "--json" not in r.args)[0].stdout
    report = json.loads(run_for(readme_runs, lambda r: r.subcommand == "evaluate" and "--json" in r.args)[0].stdout)
    assert f"Scores over {report['counts']['documents']} documents" in table
    for row, unit in (("pairs", "pairs"), ("partners", "partners"), ("spheres (micro)", "spheres"),
                      ("status", "statuses"), ("direction", "directions")):
        s = report["scores"][unit]
        line = re.search(rf"^\s*{re.escape(row)}\s+(.*)$", table, re.M).group(1)
        assert line.split()[:3] == [f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}"], row
    gold_docs = {json.loads(line)["document"] for line in (GOLD / "tune.jsonl").read_text("utf-8").splitlines()}
    assert {d["document"] for d in report["documents"]} <= gold_docs


@pytest.fixture(scope="module")
def combined(in_repo, runner, readme_runs, produced, tmp_path_factory) -> tuple[Path, Path]:
    """A gold file and predictions covering both tune/ and heldout/ documents."""
    folder = tmp_path_factory.mktemp("combined")
    heldout = runner.invoke(main, ["extract", "--authors", str(GOLD / "heldout.jsonl"),
                                   "--relative-to", str(GOLD), str(GOLD / "heldout")])
    assert heldout.exit_code == 0, heldout.output
    tune_pred = run_for(readme_runs, lambda r: r.subcommand == "extract" and "--authors" in r.args)[0].stdout
    gold = folder / "gold.jsonl"
    gold.write_text((GOLD / "tune.jsonl").read_text("utf-8") + (GOLD / "heldout.jsonl").read_text("utf-8"),
                    encoding="utf-8")
    pred = folder / "pred.jsonl"
    pred.write_text(tune_pred + heldout.stdout, encoding="utf-8")
    return gold, pred


def test_evaluate_only_restricts_the_documents(runner, combined):
    gold, pred = combined
    n_heldout = sum(1 for line in (GOLD / "heldout.jsonl").read_text("utf-8").splitlines() if line.strip())
    n_tune = sum(1 for line in (GOLD / "tune.jsonl").read_text("utf-8").splitlines() if line.strip())
    everything = runner.invoke(main, ["evaluate", str(gold), str(pred), "--json"])
    only = runner.invoke(main, ["evaluate", str(gold), str(pred), "--json", "--only", "heldout/"])
    assert everything.exit_code == only.exit_code == 0, only.output
    everything, only = json.loads(everything.stdout), json.loads(only.stdout)
    assert everything["counts"]["documents"] == n_heldout + n_tune
    assert only["counts"]["documents"] == n_heldout
    assert only["documents"] and all(d["document"].startswith("heldout/") for d in only["documents"])
    assert only["scores"]["pairs"]["support"] < everything["scores"]["pairs"]["support"]
    table = runner.invoke(main, ["evaluate", str(gold), str(pred), "--only", "heldout/"])
    assert table.exit_code == 0 and f"Scores over {n_heldout} documents" in table.stdout
    assert "tune/" not in table.stdout


def test_lang_option_is_obeyed(in_repo, runner):
    result = runner.invoke(main, ["extract", "examples/tatarstan-news-en.txt", "--lang", "ru"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["language"] == "ru"
    result = runner.invoke(main, ["extract", "examples/tatarstan-news-en.txt"])
    assert json.loads(result.stdout)["language"] == "en"


# --- usage errors: exit status 2 ----------------------------------------------------------------

def test_unknown_author_is_a_usage_error(in_repo, runner):
    result = runner.invoke(main, ["extract", "examples/kaluga-strategy-excerpt.txt", "--author", "XX-NOPE"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "XX-NOPE" in result.stderr and "--author" in result.stderr
    assert "not a codebook identifier" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_author_exits_2_in_a_real_process():
    assert COOPATLAS.exists(), COOPATLAS
    proc = subprocess.run([str(COOPATLAS), "extract", "examples/kaluga-strategy-excerpt.txt", "--author", "XX-NOPE"],
                          cwd=REPO, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    assert "XX-NOPE" in proc.stderr and "not a codebook identifier" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_malformed_gold_file_is_a_usage_error(runner, tmp_path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"document": "a.txt", "facts": [\n', encoding="utf-8")
    result = runner.invoke(main, ["evaluate", str(bad), str(bad)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit), result.exception
