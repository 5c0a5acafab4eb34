"""Plain-text tables of an `EvaluationReport` (rendered with rich into a string, no colour)."""
from __future__ import annotations

from io import StringIO

from rich import box
from rich.console import Console
from rich.table import Table

from coopatlas.evaluation.comparison import DocumentEvaluation
from coopatlas.evaluation.counts import Counts
from coopatlas.evaluation.report import EvaluationReport

_SET_ROWS = (("pairs", "pairs"), ("partners", "partners"), ("spheres (micro)", "spheres"),
             ("status", "statuses"), ("direction", "directions"))


def render_table(report: EvaluationReport, width: int = 100) -> str:
    """Summary table, per-sphere table, then the errors of each document that has any."""
    parts = [_summary(report), _per_sphere(report)]
    if report.documents_with_errors:
        parts.append(_errors(report))
    return "\n".join(_render(t, width) for t in parts) + _footer(report)


def _render(table: Table, width: int) -> str:
    out = StringIO()
    Console(file=out, width=width, color_system=None, force_terminal=False,
            highlight=False, emoji=False).print(table)
    return out.getvalue()


def _num(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _summary(report: EvaluationReport) -> Table:
    scores, tallies = report.scores, report.tallies
    table = Table("metric", "P", "R", "F1", "accuracy", "kappa", "support", "predicted",
                  title=f"Scores over {tallies.documents} documents "
                        f"({tallies.gold_facts} gold / {tallies.pred_facts} predicted facts)",
                  box=box.SIMPLE_HEAD)
    for label, name in _SET_ROWS:
        c: Counts = getattr(scores, name)
        table.add_row(label, _num(c.precision), _num(c.recall), _num(c.f1), "", "",
                      str(c.support), str(c.predicted))
    table.add_row("spheres (macro)", "", "", _num(scores.sphere_macro_f1), "", "", "", "")
    table.add_row("specificity", "", "", "", _num(scores.specificity_accuracy),
                  _num(scores.specificity_kappa), str(tallies.documents), str(tallies.matched))
    return _right_align(table)


def _per_sphere(report: EvaluationReport) -> Table:
    table = Table("sphere", "P", "R", "F1", "support", "predicted", title="Spheres (documents)",
                  box=box.SIMPLE_HEAD)
    for sphere, c in report.scores.per_sphere:
        scored = c.support or c.predicted  # spheres nobody used show dashes, as in macro-F1
        shown = [_num(v) if scored else "-" for v in (c.precision, c.recall, c.f1)]
        table.add_row(str(sphere), *shown, str(c.support), str(c.predicted))
    return _right_align(table)


def _errors(report: EvaluationReport) -> Table:
    table = Table("document", "error", "items", title="Per-document errors", box=box.SIMPLE_HEAD)
    for doc in report.documents_with_errors:
        for i, (kind, items) in enumerate(document_errors(doc)):
            table.add_row(doc.document if i == 0 else "", kind, items)
        table.add_section()
    return table


def document_errors(doc: DocumentEvaluation) -> list[tuple[str, str]]:
    """(kind, items) lines describing what differs in one document."""
    lines = []
    if not doc.predicted:
        lines.append(("missing", "not in predictions (scored as empty)"))
    if doc.pred_error is not None:
        lines.append(("extraction error", doc.pred_error))
    if doc.gold_error is not None:
        lines.append(("gold error", doc.gold_error))
    if doc.author_differs:
        lines.append(("author", f"gold {doc.author} vs pred {doc.pred_author}"))
    for name, comparison in doc.set_comparisons.items():
        lines += [(f"{how} {name}", _items(items))
                  for how, items in (("missed", comparison.missed), ("extra", comparison.extra)) if items]
    if not doc.specificity_correct:
        lines.append(("specificity", f"gold {doc.gold_specificity or 'none'} "
                                     f"vs pred {doc.pred_specificity or 'none'}"))
    return lines


def _items(items: tuple) -> str:
    return ", ".join("–".join(i) if isinstance(i, tuple) else str(i) for i in items)


def _right_align(table: Table) -> Table:
    for column in table.columns[1:]:
        column.justify = "right"
    return table


def _footer(report: EvaluationReport) -> str:
    lines = []
    if report.missing_documents:
        lines.append(f"Missing from predictions: {', '.join(report.missing_documents)}")
    if report.unexpected_documents:
        lines.append(f"In predictions but not in gold (ignored): {', '.join(report.unexpected_documents)}")
    return "".join(line + "\n" for line in lines)
