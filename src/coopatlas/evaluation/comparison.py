"""One document's gold record against its prediction: the sets compared and what differs."""
from __future__ import annotations

from dataclasses import dataclass

from coopatlas.evaluation import units
from coopatlas.evaluation.counts import Counts
from coopatlas.evaluation.records import DocRecord
from coopatlas.model import Specificity, Sphere


@dataclass(frozen=True)
class SetComparison:
    gold: frozenset
    pred: frozenset

    @property
    def missed(self) -> tuple:
        return tuple(sorted(self.gold - self.pred))

    @property
    def extra(self) -> tuple:
        return tuple(sorted(self.pred - self.gold))

    @property
    def counts(self) -> Counts:
        return Counts.of(self.gold, self.pred)

    @property
    def differs(self) -> bool:
        return self.gold != self.pred

    def only(self, item) -> Counts:
        """Counts restricted to one item (one sphere, say)."""
        return Counts.of(self.gold & {item}, self.pred & {item})

    def to_json(self) -> dict:
        return {"missed": [_plain(i) for i in self.missed], "extra": [_plain(i) for i in self.extra],
                **self.counts.to_json()}


@dataclass(frozen=True)
class DocumentEvaluation:
    """`predicted` is False when the document is missing from the predictions (scored as empty)."""

    document: str
    predicted: bool
    author: str | None
    pred_author: str | None
    gold_error: str | None
    pred_error: str | None
    gold_facts: int
    pred_facts: int
    pairs: SetComparison
    partners: SetComparison
    spheres: SetComparison
    statuses: SetComparison
    directions: SetComparison
    gold_specificity: Specificity | None
    pred_specificity: Specificity | None

    @property
    def specificity_correct(self) -> bool:
        return self.gold_specificity == self.pred_specificity

    @property
    def author_differs(self) -> bool:
        return self.predicted and self.author != self.pred_author

    @property
    def set_comparisons(self) -> dict[str, SetComparison]:
        return {"pairs": self.pairs, "partners": self.partners, "spheres": self.spheres,
                "statuses": self.statuses, "directions": self.directions}

    @property
    def has_errors(self) -> bool:
        flags = (not self.predicted, self.pred_error is not None, self.gold_error is not None,
                 self.author_differs, not self.specificity_correct)
        return any(flags) or any(c.differs for c in self.set_comparisons.values())

    def to_json(self) -> dict:
        return {
            "document": self.document,
            "missing": not self.predicted,
            "author": self.author,
            "pred_author": self.pred_author,
            "gold_error": self.gold_error,
            "pred_error": self.pred_error,
            "facts": {"gold": self.gold_facts, "pred": self.pred_facts},
            **{name: c.to_json() for name, c in self.set_comparisons.items()},
            "specificity": {"gold": _plain(self.gold_specificity), "pred": _plain(self.pred_specificity),
                            "correct": self.specificity_correct},
            "has_errors": self.has_errors,
        }


def compare_document(gold: DocRecord, pred: DocRecord | None) -> DocumentEvaluation:
    shown = pred if pred is not None else DocRecord(document=gold.document, author=None)
    author = gold.author

    def compare(unit) -> SetComparison:
        return SetComparison(unit(gold), unit(shown))

    return DocumentEvaluation(
        document=gold.document,
        predicted=pred is not None,
        author=author,
        pred_author=shown.author,
        gold_error=gold.error,
        pred_error=shown.error,
        gold_facts=len(gold.facts),
        pred_facts=len(shown.facts),
        pairs=compare(units.pairs),
        partners=compare(lambda r: units.partners(r, author)),
        spheres=compare(units.spheres),
        statuses=compare(units.statuses),
        directions=compare(units.directions),
        gold_specificity=units.top_specificity(gold),
        pred_specificity=units.top_specificity(shown),
    )


def sphere_counts(documents: tuple[DocumentEvaluation, ...], sphere: Sphere) -> Counts:
    return sum((d.spheres.only(sphere) for d in documents), Counts())


def _plain(value):
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return None if value is None else str(value)
