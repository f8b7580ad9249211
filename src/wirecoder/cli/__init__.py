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

# Each module registers its commands on `app`.
from . import corpus as _corpus  # noqa: E402,F401
from . import evaluate as _evaluate  # noqa: E402,F401
from . import extract as _extract  # noqa: E402,F401
from . import serve as _serve  # noqa: E402,F401


def main() -> None:
    """Console entry point: coded errors become one line on stderr and an exit code."""
    try:
        app(standalone_mode=False)
    except WirecoderError as e:
        print(f"wirecoder: {e}", file=sys.stderr)
        sys.exit(e.exit_code)
    except typer.Exit as e:
        sys.exit(e.exit_code)
    except typer.Abort:
        print("wirecoder: aborted", file=sys.stderr)
        sys.exit(130)
    except Exception as e:  # click usage errors and the like
        import click
        if isinstance(e, click.exceptions.ClickException):
            e.show()
            sys.exit(2 if isinstance(e, click.UsageError) else e.exit_code)
        raise


__all__ = ["app", "main"]
