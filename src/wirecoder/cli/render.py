"""Readable Rich rendering of a report (`--format table`)."""
from __future__ import annotations

import sys

from rich.console import Console
from rich.table import Table

from ..schema import Report


def _names(report: Report, ids: list[str]) -> str:
    return ", ".join(a.name for i in ids if (a := report.actor(i))) or "—"


def print_report_table(report: Report, console: Console | None = None) -> None:
    """Events, claims and quotes of one report as tables."""
    # a pipe or CI log has no width: give the tables room instead of Rich's 80 columns
    console = console or Console(width=None if sys.stdout.isatty() else 150)
    art = report.article
    console.print(f"[bold]{art.title or art.source}[/bold]  id={art.id}  published={art.published or '?'}")
    ev = Table(title="Events", show_lines=False)
    for col in ("id", "type", "mode", "actor", "recipient", "date", "place", "status", "ACLED"):
        ev.add_column(col)
    for e in report.events:
        date = e.date.start if e.date.start == e.date.end else f"{e.date.start}…{e.date.end}"
        ev.add_row(e.id, str(e.type), e.mode or "", _names(report, e.actor),
                   _names(report, e.recipient), date or (e.date.text or "?"),
                   (e.location.name if e.location else "") or "", str(e.status),
                   e.acled.sub_event_type or "")
    console.print(ev)
    cl = Table(title="Claims")
    for col in ("id", "quantity", "value", "bound", "claimant", "as of"):
        cl.add_column(col)
    for c in report.claims:
        value = f"{c.value}–{c.value_max}" if c.value_max else str(c.value)
        cl.add_row(c.id, str(c.quantity), value, str(c.bound), c.claimant_text or "—", c.as_of or "?")
    console.print(cl)
    qt = Table(title="Quotes")
    for col in ("id", "speaker", "text", "direct"):
        qt.add_column(col)
    for q in report.quotes:
        qt.add_row(q.id, q.speaker_text or "—", q.text[:90] + ("…" if len(q.text) > 90 else ""), str(q.direct))
    console.print(qt)
    if art.related:
        console.print("Related: " + " | ".join(r.title for r in art.related))
