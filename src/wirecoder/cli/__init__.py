"""Thin Typer CLI: each command parses flags and calls an importable function."""
from __future__ import annotations

import sys

import typer

from ..errors import WirecoderError

app = typer.Typer(
    name="wirecoder",
    help="News reports → source-attributed PLOVER events, actors, claims and quotes.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            v = version("wirecoder")
        except PackageNotFoundError:  # running from a source tree without an install
            v = "unknown"
        typer.echo(f"wirecoder {v}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True,
        help="Print wirecoder's version and exit.",
    ),
) -> None:
    """News reports → source-attributed PLOVER events, actors, claims and quotes."""


# Each module registers its commands on `app`.
from . import corpus as _corpus  # noqa: E402,F401
from . import evaluate as _evaluate  # noqa: E402,F401
from . import extract as _extract  # noqa: E402,F401
from . import serve as _serve  # noqa: E402,F401
from . import train as _train  # noqa: E402,F401
from . import watch as _watch  # noqa: E402,F401


def main() -> None:
    """Console entry point: coded errors become one line on stderr and their exit code.

    Click's standalone mode handles usage errors (exit 2) and `typer.Exit`; wirecoder's own
    errors propagate out of it and are printed here without a traceback.
    """
    try:
        app(prog_name="wirecoder")
    except WirecoderError as e:
        print(f"wirecoder: {e}", file=sys.stderr)
        sys.exit(e.exit_code)


__all__ = ["app", "main"]
