"""The batch progress bar on stderr (done, rate, ETA, failures); rich is imported only when it is shown."""
from __future__ import annotations

import contextlib
from typing import Callable, Iterator, TextIO


@contextlib.contextmanager
def progress_bar(stderr: TextIO, total: int | None, enabled: bool) -> Iterator[Callable[[int, int], None]]:
    """Yields `advance(done, failed)`; a no-op when disabled (stderr not a terminal, or --quiet)."""
    if not enabled:
        yield lambda done, failed: None
        return
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    console = Console(file=stderr)
    columns = [TextColumn("[bold]batch"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
               TextColumn("{task.fields[rate]}"),
               TextColumn("ETA"), TimeRemainingColumn(), TimeElapsedColumn(),
               TextColumn("[red]{task.fields[failed]} failed")]
    with Progress(*columns, console=console, transient=False, refresh_per_second=4) as progress:
        task = progress.add_task("batch", total=total, failed=0, rate="")
        failures = 0

        def advance(done: int, failed: int) -> None:
            nonlocal failures
            failures += failed
            progress.update(task, advance=done, failed=failures)
            speed = progress.tasks[0].speed
            if speed:
                progress.update(task, rate=f"{speed:,.0f} docs/s")

        yield advance
