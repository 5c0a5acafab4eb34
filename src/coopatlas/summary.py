"""A readable summary of extraction results, for people (the demo, `extract --summary`)."""
from __future__ import annotations

from collections import Counter
from typing import Sequence

from rich.console import Console
from rich.table import Table

from coopatlas.model import DocumentResult, Specificity


def render_summary(results: Sequence[DocumentResult], width: int = 110) -> str:
    table = Table(title="coopatlas: cooperation found per document", show_lines=False)
    for name in ("document", "author", "lang", "facts", "partners", "spheres", "level", "status"):
        table.add_column(name, overflow="fold")
    for r in results:
        if r.error:
            table.add_row(r.document, "-", "-", "error", r.error, "", "", "")
            continue
        partners = sorted({p for f in r.facts for p in f.parties if p != r.author})
        spheres = Counter(s for f in r.facts for s in f.spheres)
        level = max((f.specificity for f in r.facts), key=lambda s: s.rank, default=None)
        statuses = sorted({f.status.value for f in r.facts})
        table.add_row(r.document, r.author or "-", r.language or "-", str(len(r.facts)), ", ".join(partners),
                      ", ".join(s for s, _ in spheres.most_common(4)), level.value if level else "-",
                      ", ".join(statuses))
    console = Console(width=width, record=True, file=_Null(), color_system=None)
    console.print(table)
    failed = sum(1 for r in results if r.error)
    console.print(f"{len(results)} documents, {sum(len(r.facts) for r in results)} facts, {failed} failed.")
    return console.export_text()


class _Null:
    def write(self, _):
        return 0

    def flush(self):
        pass


__all__ = ["render_summary", "Specificity"]
