"""`wirecoder serve`: the HTTP API and dashboard over a store (issue 5)."""

from __future__ import annotations

from pathlib import Path

import typer

from ..errors import UsageError
from . import app


def serve(
    db: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    max_extract_bytes: int = 200_000,
    log_level: str = "warning",
) -> None:
    """Run uvicorn on the app; the store is opened read-only per request, so
    `wirecoder ingest --db` the same file can run at the same time."""
    import uvicorn

    from ..api import create_app

    if not 0 < port < 65536:
        raise UsageError(f"--port {port} is not a TCP port")
    web = create_app(db, max_extract_bytes=max_extract_bytes)
    typer.echo(f"wirecoder: serving {db} on http://{host}:{port}/ (API docs: /docs)", err=True)
    uvicorn.run(web, host=host, port=port, log_level=log_level)


@app.command("serve")
def serve_cmd(
    db: Path = typer.Option(
        Path("wirecoder.duckdb"), "--db", help="DuckDB store file (read-only)."
    ),
    host: str = typer.Option(
        "127.0.0.1", "--host", help="Interface to bind (loopback by default)."
    ),
    port: int = typer.Option(8000, "--port", help="TCP port."),
    max_extract_bytes: int = typer.Option(
        200_000, "--max-extract-bytes", help="Largest body POST /api/extract accepts (413 above)."
    ),
    log_level: str = typer.Option("warning", "--log-level", help="uvicorn log level."),
) -> None:
    """Serve the JSON API (/api, OpenAPI at /docs) and the dashboard (/) over a store."""
    serve(db, host, port, max_extract_bytes, log_level)
