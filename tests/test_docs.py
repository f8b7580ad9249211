"""Docs that tests keep honest (DESIGN practice 12): every CLI command and option, and every
API route and parameter, has help text; every CLI command is named in README.md or docs/*.md;
every API route is listed in docs/api.md. The finders are checked on deliberately bad
apps too, so a finder that silently finds nothing fails here."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import typer
from fastapi import APIRouter, FastAPI, Query
from fastapi.routing import APIRoute

from wirecoder.api import create_app
from wirecoder.cli import app as cli_app

ROOT = Path(__file__).resolve().parents[1]


def walk_commands(cmd: Any, path: tuple[str, ...]) -> list[tuple[tuple[str, ...], Any]]:
    """(path, command) for a Click/Typer command and all its subcommands, depth first.
    Duck-typed: Typer vendors its own Click, so isinstance(click.Group) does not hold."""
    out = [(path, cmd)]
    for name, sub in sorted((getattr(cmd, "commands", None) or {}).items()):
        out += walk_commands(sub, (*path, name))
    return out


def cli_missing_help(app: typer.Typer, prog: str = "wirecoder") -> list[str]:
    """'wirecoder cmd' / 'wirecoder cmd --opt' for each visible command, option or argument
    without help text."""
    missing = []
    for path, cmd in walk_commands(typer.main.get_command(app), (prog,)):
        if getattr(cmd, "hidden", False):
            continue
        name = " ".join(path)
        if not (cmd.help or cmd.short_help or "").strip():
            missing.append(name)
        for p in cmd.params:
            if getattr(p, "hidden", False):
                continue
            if not (getattr(p, "help", None) or "").strip():
                missing.append(f"{name} {p.opts[0] if p.param_type_name == 'option' else p.name}")
    return missing


def cli_command_names(app: typer.Typer) -> list[str]:
    root = typer.main.get_command(app)
    return [
        " ".join(path[1:])
        for path, cmd in walk_commands(root, ("wirecoder",))[1:]
        if not getattr(cmd, "hidden", False)
    ]


def api_routes(routes: list[Any]) -> list[APIRoute]:
    """The APIRoutes under `routes`. FastAPI >= 0.16x keeps an included router as one
    wrapper route (with `original_router`); older versions copied its routes in."""
    out: list[APIRoute] = []
    for r in routes:
        if isinstance(r, APIRoute):
            out.append(r)
        elif hasattr(r, "original_router"):
            out += api_routes(r.original_router.routes)
    return out


def api_missing_help(app: FastAPI) -> list[str]:
    """'GET /path' for operations without summary or description, 'GET /path ?name' for
    query/path/header parameters without a description. Summaries are read from the routes,
    not the OpenAPI: FastAPI fills the spec's summary from the function name ("Get Events")."""
    missing = [
        f"{m} {r.path}"
        for r in api_routes(app.routes)
        if r.include_in_schema and not ((r.summary or "").strip() or (r.description or "").strip())
        for m in sorted(r.methods)
    ]
    for route, ops in app.openapi()["paths"].items():
        for method, op in ops.items():
            name = f"{method.upper()} {route}"
            for p in op.get("parameters", []):
                if not (p.get("description") or "").strip():
                    missing.append(f"{name} ?{p['name']}")
    return missing


def docs_text() -> str:
    files = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    return "\n".join(f.read_text(encoding="utf-8") for f in files if f.exists())


def undocumented_commands(names: list[str], text: str) -> list[str]:
    """Commands never written as `wirecoder NAME` (in prose or an example) in the docs."""
    return [n for n in names if not re.search(rf"\bwirecoder {re.escape(n)}\b", text)]


@pytest.fixture(scope="module")
def api_app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    # check=False: the routes and OpenAPI need no store (only requests touch it).
    return create_app(tmp_path_factory.mktemp("docs") / "none.duckdb", check=False)


# -- the real CLI and API --------------------------------------------------------------------


def test_every_cli_command_and_option_has_help() -> None:
    assert len(cli_command_names(cli_app)) >= 5  # the walk really reached the commands
    assert cli_missing_help(cli_app) == []


def test_every_api_route_and_parameter_has_help(api_app: FastAPI) -> None:
    routes = [r for r in api_routes(api_app.routes) if r.include_in_schema]
    assert len(routes) == len(api_app.openapi()["paths"])  # the walk reached every route
    assert api_missing_help(api_app) == []


def test_every_cli_command_is_in_the_docs() -> None:
    text = docs_text()
    if not text:
        pytest.fail("README.md and docs/*.md are missing")
    assert undocumented_commands(cli_command_names(cli_app), text) == []


def test_every_api_route_is_listed_in_docs_api_md(api_app: FastAPI) -> None:
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    missing = [
        f"{m.upper()} {route}"
        for route, ops in api_app.openapi()["paths"].items()
        for m in ops
        if f"`{m.upper()} {route}`" not in text
    ]
    assert missing == []


def test_help_output_shows_the_help_texts() -> None:
    # What users see: `wirecoder CMD --help` prints the command's own help, not just usage.
    from typer.testing import CliRunner

    runner = CliRunner()
    root = typer.main.get_command(cli_app)
    for name in cli_command_names(cli_app):
        r = runner.invoke(cli_app, [*name.split(), "--help"], prog_name="wirecoder")
        assert r.exit_code == 0, (name, r.output)
        first = (root.commands[name.split()[0]].help or "").strip().split()[:3]
        assert " ".join(first) in " ".join(r.output.split()), name


# -- the finders catch what they are meant to catch -------------------------------------------


def test_cli_finder_reports_a_bare_command_and_option() -> None:
    bad = typer.Typer(help="A test app.")

    @bad.command("good")
    def good(n: int = typer.Option(1, help="How many.")) -> None:
        """Documented."""

    @bad.command("bare")
    def bare(path: str = typer.Argument(...), n: int = typer.Option(1, "--count")) -> None:
        pass

    assert cli_missing_help(bad, "x") == ["x bare", "x bare path", "x bare --count"]
    assert cli_command_names(bad) == ["bare", "good"]
    assert undocumented_commands(["bare", "good"], "Run `x good` or wirecoder good.") == ["bare"]
    assert undocumented_commands(["ex"], "wirecoder export") == ["ex"]  # whole words only


def test_api_finder_reports_a_bare_route_and_parameter() -> None:
    router = APIRouter()

    @router.get("/ok", summary="Fine")
    def ok(q: str | None = Query(None, description="Text.")) -> dict[str, str]:
        return {}

    @router.get("/bare/{key}")
    def bare(key: str, q: str | None = None) -> dict[str, str]:
        return {}

    @router.post("/documented")
    def documented() -> dict[str, str]:
        """A docstring is a description."""
        return {}

    app = FastAPI()
    app.include_router(router)
    assert api_missing_help(app) == [
        "GET /bare/{key}",
        "GET /bare/{key} ?key",
        "GET /bare/{key} ?q",
    ]
