"""Progress display for long commands (rich), shown only on a terminal."""
from __future__ import annotations

import sys
from contextlib import contextmanager


@contextmanager
def build_progress():
    """A callback `(report, path)` that shows files done; a no-op when stderr is not a terminal."""
    if not sys.stderr.isatty():
        yield lambda report, path: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.completed} files"), TextColumn("{task.description}"),
               TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("", total=None)

        def update(report, path):
            progress.update(task, completed=report.stored + report.failed, description=path[-60:])

        yield update


@contextmanager
def step_progress(steps: int):
    """A callback `(step_name)` that advances a bar of `steps` steps; a no-op when stderr is not a terminal."""
    if not sys.stderr.isatty():
        yield lambda step: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description:<28}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("", total=steps)

        def update(step):
            progress.update(task, advance=1, description=step[:28])

        yield update
