"""`wirecoder watch`: keep a store up to date with folders, growing JSONL files and feeds
(a thin wrapper over watch.run_watch, with a status line and clean signal handling)."""
from __future__ import annotations

import signal
import sys
import threading
from datetime import datetime
from pathlib import Path
from types import FrameType

import typer

from ..errors import UsageError
from . import app
from .output import QUIET_OPTION

__all__ = ["watch_cmd"]


def _status_text(st: object) -> str:
    from ..watch import WatchStatus

    assert isinstance(st, WatchStatus)
    s = st.summary
    last = (datetime.fromtimestamp(s.last_stored_at).strftime("%H:%M:%S")
            if s.last_stored_at else "–")
    feeds = "; ".join(f"{k.split('://', 1)[-1][:40]}: {v}" for k, v in st.notes.items() if v)
    return (f"watch · {st.doing} · {s.stored} stored · {s.skipped} already stored · "
            f"{len(s.failures)} failed · last new {last}" + (f" · {feeds}" if feeds else ""))


@app.command("watch")
def watch_cmd(
    sources: list[str] = typer.Argument(..., help="Folders, JSONL files (read as they grow), files, or feed URLs (URL@5m sets that feed's interval)."),
    db: Path = typer.Option(Path("wirecoder.duckdb"), "--db", help="DuckDB store file."),
    interval: str = typer.Option("5m", "--interval", help="Default poll interval of feeds (30s, 5m, 1h)."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per batch (= per store transaction)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Extraction processes."),
    published: str | None = typer.Option(None, "--published", help="Publication date for inputs without one."),
    model: str | None = typer.Option(None, "--model", envvar="WIRECODER_MODEL", help="spaCy model package or path."),
    settle: float = typer.Option(1.0, "--settle", min=0.0, help="Seconds a file must stay unchanged before it is read."),
    no_merge: bool = typer.Option(False, "--no-merge", help="Skip the cross-article merge after new articles."),
    once: bool = typer.Option(False, "--once", help="One pass over every source, then exit (for cron)."),
    quiet: bool = QUIET_OPTION,
) -> None:
    """Watch SOURCES and ingest new articles as they arrive; Ctrl-C or SIGTERM stops after the current batch."""
    from ..watch import parse_interval, parse_source, run_watch

    default_interval = parse_interval(interval)
    if published is not None:
        from ..ingest import normalize_date

        if normalize_date(published) is None:
            raise UsageError(f"--published must be an ISO date (YYYY-MM-DD), got {published!r}.")
    specs = [parse_source(s, default_interval) for s in sources]  # UsageError before any work
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():  # a second Ctrl-C: leave now; the open batch is rolled back
            raise KeyboardInterrupt
        stop.set()

    old = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    from rich.console import Console

    console = Console(file=sys.stderr)
    live = None
    if not quiet and console.is_terminal:
        from rich.live import Live
        from rich.text import Text

        live = Live(Text("watch · starting"), console=console, refresh_per_second=4,
                    transient=True)
        live.start()
    last: list[tuple[int, int, int, bool] | None] = [None]

    def on_status(st: object) -> None:
        text = _status_text(st)
        if live is not None:
            from rich.text import Text

            live.update(Text(text, overflow="ellipsis", no_wrap=True))
            return
        # not a terminal (a log file, a supervisor): one line when the totals change
        sm = st.summary  # type: ignore[attr-defined]
        totals = (sm.stored, sm.skipped, len(sm.failures), st.doing == "watching")  # type: ignore[attr-defined]
        if not quiet and totals != last[0] and totals[3]:
            last[0] = totals
            print(f"wirecoder: {text}", file=sys.stderr, flush=True)

    def on_failure(f: object) -> None:
        if live is not None:
            live.console.print(f"wirecoder: {f}", markup=False, highlight=False)
        else:
            print(f"wirecoder: {f}", file=sys.stderr, flush=True)

    try:
        summary = run_watch(specs, str(db), stop=stop, batch_size=batch_size, workers=workers,
                            model=model, published=published, merge=not no_merge, once=once,
                            settle=settle, on_failure=on_failure, on_status=on_status)
    finally:
        if live is not None:
            live.stop()
        for s, h in old.items():
            signal.signal(s, h)
    if not quiet:
        print(f"wirecoder: watch stopped: {summary.line()} → {db}", file=sys.stderr)
    if once and summary.failures:
        sys.exit(1)  # as `ingest`; a long-running watch reports failures as they happen
