"""`evaluate(gold, pred)`: codebook section 8 scores, per document and pooled. Pure.

Conventions (also returned in `EvaluationReport.to_json()["conventions"]`):
- Documents are matched by their `document` key. A gold document absent from the predictions is
  scored as predicted empty and listed in `missing_documents`; a predicted document absent from
  gold is listed in `unexpected_documents` and scores nothing.
- Partners exclude the gold record's author on both sides; a differing predicted author is only
  reported as a per-document error.
- Pooled P/R/F1 are micro: the per-document sets are pooled as (document, item) pairs.
  0/0: P = R = F1 = 1.0 when gold and predicted sets are both empty, 0.0 when only one is.
- Sphere macro-F1 averages the per-sphere F1 over spheres with gold or predicted support
  (1.0 when no sphere has any).
- Specificity: per document the highest level of its facts, "none" when it has no facts (a level
  below shallow; none vs none is correct). Accuracy and quadratic-weighted Cohen's kappa over
  documents; both None when there are no documents; kappa is 1.0 when both sides use one and
  the same level for every document.
- A prediction record with an `error` key is scored with whatever facts it carries (usually none).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from statistics import fmean
from typing import Iterable

from coopatlas.errors import CoopatlasError
from coopatlas.evaluation import units
from coopatlas.evaluation.comparison import DocumentEvaluation, compare_document, sphere_counts
from coopatlas.evaluation.counts import Counts, total
from coopatlas.evaluation.kappa import quadratic_kappa
from coopatlas.evaluation.records import DocRecord
from coopatlas.model import Sphere

SET_METRICS = ("pairs", "partners", "spheres", "statuses", "directions")

CONVENTIONS = {
    "matching": "by 'document' key; gold-only documents scored as predicted empty; pred-only ignored",
    "author": "partners exclude the gold record's author on both sides",
    "pooling": "micro over (document, item)",
    "zero_division": "both sets empty -> 1.0; exactly one empty -> 0.0",
    "macro_f1": "mean per-sphere F1 over spheres with gold or predicted support; 1.0 if none",
    "specificity": "highest level per document; no facts -> 'none' below shallow; quadratic kappa",
    "ignored_parties": "implied parties and 'city:' parties",
}


@dataclass(frozen=True)
class Tallies:
    documents: int
    matched: int
    missing: int
    unexpected: int
    failed: int
    gold_facts: int
    pred_facts: int
    gold_pairs: int
    pred_pairs: int

    def to_json(self) -> dict:
        return dict(vars(self))


@dataclass(frozen=True)
class Scores:
    pairs: Counts
    partners: Counts
    spheres: Counts
    statuses: Counts
    directions: Counts
    per_sphere: tuple[tuple[Sphere, Counts], ...]
    sphere_macro_f1: float
    specificity_accuracy: float | None
    specificity_kappa: float | None

    def to_json(self) -> dict:
        scores = {name: getattr(self, name).to_json() for name in SET_METRICS}
        scores["spheres"]["macro_f1"] = self.sphere_macro_f1
        scores["spheres"]["per_sphere"] = {str(s): c.to_json() for s, c in self.per_sphere}
        scores["specificity"] = {"accuracy": self.specificity_accuracy, "kappa": self.specificity_kappa}
        return scores


@dataclass(frozen=True)
class EvaluationReport:
    documents: tuple[DocumentEvaluation, ...]
    missing_documents: tuple[str, ...]
    unexpected_documents: tuple[str, ...]
    tallies: Tallies
    scores: Scores

    @property
    def documents_with_errors(self) -> tuple[DocumentEvaluation, ...]:
        return tuple(d for d in self.documents if d.has_errors)

    def to_json(self) -> dict:
        return {
            "counts": self.tallies.to_json(),
            "scores": self.scores.to_json(),
            "missing_documents": list(self.missing_documents),
            "unexpected_documents": list(self.unexpected_documents),
            "documents": [d.to_json() for d in self.documents],
            "conventions": dict(CONVENTIONS),
        }


def evaluate(gold: Iterable[DocRecord], pred: Iterable[DocRecord],
             documents: Iterable[str] | None = None) -> EvaluationReport:
    """Score `pred` against `gold`, optionally only over the document keys in `documents`."""
    gold, pred = _unique(gold, "gold"), _unique(pred, "predictions")
    if documents is not None:
        gold, pred = _restrict(gold, pred, _subset(documents, gold))
    pred_by_key = {p.document: p for p in pred}
    compared = tuple(compare_document(g, pred_by_key.get(g.document)) for g in gold)
    gold_keys = {g.document for g in gold}
    return EvaluationReport(
        documents=compared,
        missing_documents=tuple(d.document for d in compared if not d.predicted),
        unexpected_documents=tuple(p.document for p in pred if p.document not in gold_keys),
        tallies=_tallies(compared, len(pred)),
        scores=_scores(compared),
    )


def _unique(records: Iterable[DocRecord], side: str) -> tuple[DocRecord, ...]:
    records = tuple(records)
    repeated = sorted(k for k, n in Counter(r.document for r in records).items() if n > 1)
    if repeated:
        raise CoopatlasError(f"{side}: documents appear more than once: {', '.join(repeated)}")
    return records


def _subset(documents: Iterable[str], gold: tuple[DocRecord, ...]) -> frozenset[str]:
    if isinstance(documents, str):
        raise TypeError("documents must be a collection of document keys, not one string")
    keys = frozenset(documents)
    unknown = sorted(keys - {g.document for g in gold})
    if unknown:
        raise CoopatlasError(f"subset names documents that are not in gold: {', '.join(unknown)}")
    return keys


def _restrict(gold, pred, keys: frozenset[str]):
    return (tuple(g for g in gold if g.document in keys), tuple(p for p in pred if p.document in keys))


def _tallies(compared: tuple[DocumentEvaluation, ...], pred_records: int) -> Tallies:
    matched = sum(d.predicted for d in compared)
    return Tallies(
        documents=len(compared),
        matched=matched,
        missing=len(compared) - matched,
        unexpected=pred_records - matched,
        failed=sum(d.pred_error is not None for d in compared),
        gold_facts=sum(d.gold_facts for d in compared),
        pred_facts=sum(d.pred_facts for d in compared),
        gold_pairs=sum(len(d.pairs.gold) for d in compared),
        pred_pairs=sum(len(d.pairs.pred) for d in compared),
    )


def _scores(compared: tuple[DocumentEvaluation, ...]) -> Scores:
    per_sphere = tuple((s, sphere_counts(compared, s)) for s in Sphere)
    return Scores(
        **{name: total(getattr(d, name).counts for d in compared) for name in SET_METRICS},
        per_sphere=per_sphere,
        sphere_macro_f1=_macro_f1(c for _, c in per_sphere),
        specificity_accuracy=_accuracy(compared),
        specificity_kappa=quadratic_kappa(
            [units.specificity_label(d.gold_specificity) for d in compared],
            [units.specificity_label(d.pred_specificity) for d in compared],
            units.SPECIFICITY_LABELS),
    )


def _macro_f1(counts: Iterable[Counts]) -> float:
    scored = [c.f1 for c in counts if c.support or c.predicted]
    return fmean(scored) if scored else 1.0


def _accuracy(compared: tuple[DocumentEvaluation, ...]) -> float | None:
    if not compared:
        return None
    return sum(d.specificity_correct for d in compared) / len(compared)
