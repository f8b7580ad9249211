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
    workers: int = 1,
    cache: bool = True,
    types_model: str | None = None,
) -> None:
    """Run uvicorn on the app; the store is opened read-only and given way to writers, so
    `wirecoder ingest --db` the same file can run at the same time. `workers` > 1 runs that
    many server processes on one port (each with its own connection and cache).
    `types_model` reaches the API's extraction pipeline through $WIRECODER_TYPES_MODEL (read
    by Pipeline, also in worker processes)."""
    import os

    import uvicorn

    from ..learn.model import ENV_VAR, load_types_model, resolve_types_model

    if types_model is not None:
        os.environ[ENV_VAR] = types_model
    path = resolve_types_model(None)
    if path:
        load_types_model(path)  # a bad folder fails now, not on the first POST /api/extract

    from ..api import create_app

    if not 0 < port < 65536:
        raise UsageError(f"--port {port} is not a TCP port")
    if workers < 1:
        raise UsageError(f"--workers must be at least 1, got {workers}")
    web = create_app(db, max_extract_bytes=max_extract_bytes, cache=cache)  # checks the store
    typer.echo(f"wirecoder: serving {db} on http://{host}:{port}/ (API docs: /docs)"
               + (f" with {workers} processes" if workers > 1 else ""), err=True)
    if workers == 1:
        uvicorn.run(web, host=host, port=port, log_level=log_level)
        return
    web.state.store.close()
    os.environ.update({"WIRECODER_SERVE_DB": str(db),
                       "WIRECODER_SERVE_MAX_EXTRACT_BYTES": str(max_extract_bytes),
                       "WIRECODER_SERVE_CACHE": "1" if cache else "0"})
    import socket

    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config("wirecoder.api.app:app_from_env", factory=True, host=host,
                            port=port, log_level=log_level, workers=workers)
    sock = config.bind_socket()
    # The processes share this listening socket; uvicorn makes it without IPPROTO_TCP, so
    # asyncio does not set TCP_NODELAY on the connections it accepts, and an answer written
    # in two parts waited 40 ms for the client's delayed ACK (every request on a kept-alive
    # connection). Set on the listening socket, Linux gives it to each accepted one.
    try:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    except OSError:
        pass
    Multiprocess(config, sockets=[sock]).run()


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
    workers: int = typer.Option(1, "--workers", "-w", help="Server processes (each with its own "
                                "store connection and response cache)."),
    cache: bool = typer.Option(True, "--cache/--no-cache", help="Keep responses per store "
                               "version (dropped as soon as the store changes)."),
    types_model: str | None = typer.Option(None, "--types-model", envvar="WIRECODER_TYPES_MODEL", help="Types model folder from `wirecoder train` ('default' = the shipped one): rules and classifier type events together."),
) -> None:
    """Serve the JSON API (/api, OpenAPI at /docs) and the dashboard (/) over a store."""
    serve(db, host, port, max_extract_bytes, log_level, workers, cache, types_model)
