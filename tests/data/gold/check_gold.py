#!/usr/bin/env python3
"""Validate a gold JSON Lines file against its .txt documents (codebook section 7).

Usage:
    python tests/data/gold/check_gold.py tests/data/gold/tune.jsonl [--root tests/data/gold] [--strict]

`document` paths are resolved relative to --root (default: the directory of the JSONL file).
Errors make the exit code 1; warnings are printed but do not fail unless --strict.
At the end it prints coverage counts (spheres, levels, statuses, directions, arities, party kinds,
languages, authors).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

SPHERES = {
    "science_innovation", "industry", "trade_investment", "agriculture", "energy",
    "transport_logistics", "tourism", "culture", "education", "youth_sport", "health_social",
    "environment", "migration_labour", "governance_security",
}
LEVELS = ["shallow", "formal", "detailed"]
STATUSES = ["intended", "agreed", "implemented", "terminated"]
DIRECTIONS = {"interregional", "cross_border"}
ARITIES = {"bilateral", "multilateral"}
LANGUAGES = {"ru", "en"}
DOC_KEYS = {"document", "author", "language", "facts"}
FACT_KEYS = {"parties", "implied", "spheres", "specificity", "status", "direction", "arity",
             "years", "evidence", "why"}
# Territories that Russian law counts as subjects but that have no RU ISO code (codebook section 2).
RU_FRAME_NON_RU = {"UA-43", "UA-40", "UA-14", "UA-09", "UA-23", "UA-65"}
GROUP_PREFIXES = ("assoc:", "org:", "euroregion:")
SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
ID_PATTERNS = {
    "assoc": re.compile(rf"^assoc:{SLUG}$"),
    "org": re.compile(rf"^org:{SLUG}$"),
    "euroregion": re.compile(rf"^euroregion:{SLUG}$"),
    "region": re.compile(rf"^region:[a-z]{{2}}:{SLUG}$"),
    "city": re.compile(rf"^city:[a-z]{{2}}:{SLUG}$"),
}
YEAR_RE = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")

try:  # pycountry validates ISO codes when available
    import pycountry

    _COUNTRIES = {c.alpha_2 for c in pycountry.countries}
    _SUBDIVISIONS = {s.code for s in pycountry.subdivisions}
except ImportError:  # pragma: no cover - fall back to shape checks only
    pycountry = None
    _COUNTRIES = _SUBDIVISIONS = None


def party_kind(pid: str) -> str | None:
    """Return the kind of a party identifier, or None if it is not valid."""
    for kind, pattern in ID_PATTERNS.items():
        if pattern.match(pid):
            return kind
    if re.match(r"^RU-[A-Z]{2,3}$", pid):
        if _SUBDIVISIONS is None or pid in _SUBDIVISIONS:
            return "ru_subject"
        return None
    if pid in RU_FRAME_NON_RU:
        return "ru_frame_subject"
    if re.match(r"^[A-Z]{2}$", pid):
        if _COUNTRIES is None or pid in _COUNTRIES:
            return "state"
        return None
    if re.match(r"^[A-Z]{2}-[A-Z0-9]{1,3}$", pid):
        if _SUBDIVISIONS is None or pid in _SUBDIVISIONS:
            return "foreign_region"
        return None
    return None


def is_foreign(pid: str) -> bool:
    """Foreign per codebook section 6: states, foreign regions and cities, organisations, euroregions.

    Russian subjects (RU-*), the territories Russian law counts as subjects, Russian associations of
    economic interaction (assoc:*) and Russian cities (city:ru:*) are domestic.
    """
    if pid.startswith(("RU-", "assoc:", "city:ru:")):
        return False
    return pid not in RU_FRAME_NON_RU


def expected_arity(parties: list[str]) -> str | None:
    if any(p.startswith(GROUP_PREFIXES) for p in parties) or len(parties) >= 3:
        return "multilateral"
    if len(parties) == 2:
        return "bilateral"
    return None


def expected_direction(parties: list[str], author: str | None) -> str | None:
    """Direction implied by the named partners, or None if the text must decide (no partner)."""
    partners = [p for p in parties if p != author]
    if not partners:
        return None
    return "cross_border" if any(is_foreign(p) for p in parties) else "interregional"


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def err(self, where: str, msg: str) -> None:
        self.errors.append(f"ERROR {where}: {msg}")

    def warn(self, where: str, msg: str) -> None:
        self.warnings.append(f"warn  {where}: {msg}")


def check_fact(rep: Report, where: str, fact: dict, text: str, author: str | None) -> None:
    if not isinstance(fact, dict):
        rep.err(where, "fact is not an object")
        return
    missing = FACT_KEYS - fact.keys()
    if missing:
        rep.err(where, f"missing keys {sorted(missing)}")
        return
    parties, implied = fact["parties"], fact["implied"]
    for name, lst in (("parties", parties), ("implied", implied)):
        if not isinstance(lst, list) or not all(isinstance(p, str) for p in lst):
            rep.err(where, f"{name} must be a list of strings")
            return
        if lst != sorted(lst):
            rep.err(where, f"{name} not sorted: {lst}")
        if len(set(lst)) != len(lst):
            rep.err(where, f"{name} has duplicates: {lst}")
        for p in lst:
            if party_kind(p) is None:
                rep.err(where, f"unknown or invalid party identifier {p!r}")
    if set(parties) & set(implied):
        rep.err(where, f"a party is both named and implied: {sorted(set(parties) & set(implied))}")
    if author is not None and author not in parties:
        rep.warn(where, f"author {author} is not a party (fine only if the passage is about others; "
                        f"say so in why)")
        if not any(k in fact.get("why", {}) for k in ("author", "parties")):
            rep.warn(where, "…and why has no 'author'/'parties' note explaining it")
    spheres = fact["spheres"]
    if not isinstance(spheres, list):
        rep.err(where, "spheres must be a list")
    else:
        bad = [s for s in spheres if s not in SPHERES]
        if bad:
            rep.err(where, f"unknown spheres {bad}")
        if not spheres and fact["specificity"] != "shallow":
            rep.warn(where, "no sphere on a non-shallow fact")
        if spheres != sorted(spheres) or len(set(spheres)) != len(spheres):
            rep.err(where, f"spheres not sorted/unique: {spheres}")
    if fact["specificity"] not in LEVELS:
        rep.err(where, f"bad specificity {fact['specificity']!r}")
    if fact["status"] not in STATUSES:
        rep.err(where, f"bad status {fact['status']!r}")
    if fact["direction"] not in DIRECTIONS:
        rep.err(where, f"bad direction {fact['direction']!r}")
    if fact["arity"] not in ARITIES and fact["arity"] is not None:
        rep.err(where, f"bad arity {fact['arity']!r}")
    exp_ar = expected_arity(parties)
    if fact["arity"] != exp_ar:
        rep.err(where, f"arity {fact['arity']!r} but parties {parties} give {exp_ar!r}")
    exp_dir = expected_direction(parties, author)
    if exp_dir is not None and fact["direction"] != exp_dir:
        rep.err(where, f"direction {fact['direction']!r} but parties {parties} give {exp_dir!r}")
    if exp_dir is None and implied and fact["direction"] in DIRECTIONS:
        imp_dir = "cross_border" if any(is_foreign(p) for p in implied) else "interregional"
        if imp_dir != fact["direction"]:
            rep.warn(where, f"direction {fact['direction']} differs from implied parties ({imp_dir})")
    years = fact["years"]
    if not isinstance(years, list) or not all(isinstance(y, int) and not isinstance(y, bool)
                                              for y in years):
        rep.err(where, "years must be a list of ints")
        years = []
    elif years != sorted(set(years)):
        rep.err(where, f"years not sorted/unique: {years}")
    ev = fact["evidence"]
    if not isinstance(ev, list) or not ev:
        rep.err(where, "evidence must be a non-empty list")
        ev = []
    quotes = []
    for j, e in enumerate(ev):
        w = f"{where} evidence[{j}]"
        if not isinstance(e, dict) or set(e) < {"start", "end", "quote"}:
            rep.err(w, "needs start, end, quote")
            continue
        s, t, q = e["start"], e["end"], e["quote"]
        if not (isinstance(s, int) and isinstance(t, int) and 0 <= s < t <= len(text)):
            rep.err(w, f"bad offsets {s}..{t} (text length {len(text)})")
            continue
        if text[s:t] != q:
            rep.err(w, f"quote != text[{s}:{t}]: {q[:40]!r} vs {text[s:t][:40]!r}")
        if q != q.strip():
            rep.warn(w, "quote has leading/trailing whitespace")
        quotes.append(q)
    written = {int(y) for q in quotes for y in YEAR_RE.findall(q)}
    if set(years) - written:
        rep.warn(where, f"years {sorted(set(years) - written)} not written in the evidence")
    if written - set(years):
        rep.warn(where, f"evidence writes years {sorted(written - set(years))} not in years")
    if not isinstance(fact["why"], dict):
        rep.err(where, "why must be an object")


def check_file(path: Path, root: Path, rep: Report) -> list[dict]:
    records = []
    seen = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            rep.err(where, f"invalid JSON: {exc}")
            continue
        if not isinstance(rec, dict) or DOC_KEYS - rec.keys():
            rep.err(where, f"document record needs keys {sorted(DOC_KEYS)}")
            continue
        doc = rec["document"]
        where = f"{doc}"
        if doc in seen:
            rep.err(where, "document listed twice")
        seen.add(doc)
        fpath = root / doc
        if not fpath.is_file():
            rep.err(where, f"file not found: {fpath}")
            continue
        raw = fpath.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            rep.err(where, "not UTF-8")
            continue
        if text.startswith("\ufeff"):
            rep.warn(where, "file starts with a BOM")
        if not 400 <= len(text) <= 3000:
            rep.warn(where, f"length {len(text)} outside 400-3000 characters")
        first = text.split("\n", 1)[0]
        if first not in ("[Иллюстративный документ, написан для тестов coopatlas]",
                         "[Illustrative document written for coopatlas tests]"):
            rep.warn(where, f"first line is not the illustrative marker: {first[:60]!r}")
        if rec["language"] not in LANGUAGES:
            rep.err(where, f"bad language {rec['language']!r}")
        author = rec["author"]
        if author is not None and party_kind(author) not in ("ru_subject", "ru_frame_subject"):
            rep.err(where, f"author {author!r} is not a Russian subject identifier")
        if not isinstance(rec["facts"], list):
            rep.err(where, "facts must be a list")
            continue
        for i, fact in enumerate(rec["facts"]):
            check_fact(rep, f"{where} fact[{i}]", fact, text, author)
        rec["_text"] = text
        records.append(rec)
    # files present in the folder but not coded
    folders = {(root / r["document"]).parent for r in records}
    for folder in folders:
        for f in sorted(folder.glob("*.txt")):
            rel = f.relative_to(root).as_posix()
            if rel not in seen:
                rep.err(rel, "document in folder but not in the JSONL")
    return records


def coverage(records: list[dict]) -> str:
    rank = {lvl: i for i, lvl in enumerate(LEVELS)}
    facts = [f for r in records for f in r["facts"] if isinstance(f, dict) and FACT_KEYS <= f.keys()]
    doc_spheres, doc_level, doc_status, doc_dir = Counter(), Counter(), Counter(), Counter()
    for r in records:
        fs = [f for f in r["facts"] if isinstance(f, dict) and FACT_KEYS <= f.keys()]
        for s in {s for f in fs for s in f["spheres"]}:
            doc_spheres[s] += 1
        lv = [f["specificity"] for f in fs if f["specificity"] in rank]
        doc_level[max(lv, key=rank.get) if lv else "none (no facts)"] += 1
        for s in {f["status"] for f in fs}:
            doc_status[s] += 1
        for d in {f["direction"] for f in fs}:
            doc_dir[str(d)] += 1
    kinds = Counter()
    for f in facts:
        for p in f["parties"]:
            kinds[party_kind(p) or "INVALID"] += 1
        for p in f["implied"]:
            kinds["implied:" + (party_kind(p) or "INVALID")] += 1
    lines = [f"documents: {len(records)}   facts: {len(facts)}",
             f"languages: {dict(Counter(r['language'] for r in records))}",
             f"authors: {len({r['author'] for r in records if r['author']})} distinct, "
             f"{sum(1 for r in records if r['author'] is None)} documents without author",
             f"documents without facts: {sum(1 for r in records if not r['facts'])}"]

    def table(title, counter, order=None):
        keys = order or sorted(counter)
        lines.append(f"{title}: " + ", ".join(f"{k}={counter.get(k, 0)}" for k in keys))

    table("spheres (documents)", doc_spheres, sorted(SPHERES))
    table("spheres (facts)", Counter(s for f in facts for s in f["spheres"]), sorted(SPHERES))
    table("document highest level", doc_level, LEVELS + ["none (no facts)"])
    table("fact levels", Counter(f["specificity"] for f in facts), LEVELS)
    table("statuses (documents)", doc_status, STATUSES)
    table("statuses (facts)", Counter(f["status"] for f in facts), STATUSES)
    table("directions (documents)", doc_dir, ["interregional", "cross_border"])
    table("directions (facts)", Counter(str(f["direction"]) for f in facts))
    table("arities (facts)", Counter(str(f["arity"]) for f in facts))
    table("party kinds (fact slots)", kinds)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("jsonl", type=Path)
    ap.add_argument("--root", type=Path, default=None,
                    help="directory the `document` paths are relative to (default: the JSONL's)")
    ap.add_argument("--strict", action="store_true", help="fail on warnings too")
    ap.add_argument("--quiet", action="store_true", help="do not print warnings")
    args = ap.parse_args(argv)
    root = args.root or args.jsonl.parent
    rep = Report()
    records = check_file(args.jsonl, root, rep)
    for m in rep.errors:
        print(m)
    if not args.quiet:
        for m in rep.warnings:
            print(m)
    print(coverage(records))
    print(f"{len(rep.errors)} errors, {len(rep.warnings)} warnings")
    if rep.errors or (args.strict and rep.warnings):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
