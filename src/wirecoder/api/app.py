"""The FastAPI app: JSON API under /api, OpenAPI at /docs, the dashboard at /."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from .cache import ResponseCache, accepts_gzip
from .db import Store
from .errors import error_body, install_error_handlers
from .live import router as live_router
from .routes import TAGS, router
from .selection import router as selection_router
from .tables import router as tables_router

__all__ = ["DEFAULT_MAX_EXTRACT_BYTES", "DEFAULT_MAX_INFLIGHT", "STATIC", "app_from_env",
           "create_app"]

STATIC = Path(__file__).resolve().parent / "static"
DEFAULT_MAX_EXTRACT_BYTES = 200_000
# Requests under /api in progress at once (per process) before new ones get 503 + Retry-After:
# queueing past this only makes every answer late. 200 clients at once are served (queued).
DEFAULT_MAX_INFLIGHT = 256

# The dashboard loads only its own files; inline scripts and handlers (e.g. an onerror in
# ingested text) could not run even if some text ever reached the DOM as HTML.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
SWAGGER = "/static/vendor/swagger-ui"  # vendored by scripts/vendor_frontend.sh: works offline


def _docs_page(openapi_url: str, title: str) -> tuple[bytes, str]:
    """The Swagger UI page from the local copy, and a CSP that admits only its own inline
    init script (by hash) and same-origin files; validatorUrl=None keeps the badge from
    calling validator.swagger.io."""
    html = get_swagger_ui_html(
        openapi_url=openapi_url,
        title=title,
        swagger_js_url=f"{SWAGGER}/swagger-ui-bundle.js",
        swagger_css_url=f"{SWAGGER}/swagger-ui.css",
        swagger_favicon_url=f"{SWAGGER}/favicon-32x32.png",
        swagger_ui_parameters={"validatorUrl": None},
    ).body
    inline = re.findall(rb"<script>(.*?)</script>", html, re.DOTALL)
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s).digest()).decode() + "'" for s in inline
    )
    return bytes(html), CSP.replace("script-src 'self'", f"script-src 'self' {hashes}")


def create_app(
    db: str | Path,
    *,
    max_extract_bytes: int = DEFAULT_MAX_EXTRACT_BYTES,
    check: bool = True,
    cache: bool = True,
    max_inflight: int = DEFAULT_MAX_INFLIGHT,
) -> FastAPI:
    """An app over the DuckDB store at `db` (a shared read-only connection that gives way to
    writers, store/reader.py; responses kept per store version, cache.py)."""
    store = Store(db)
    if check:
        store.check()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="wirecoder",
        version="1",
        lifespan=lifespan,
        docs_url=None,  # served below from the vendored Swagger UI, not a CDN
        redoc_url=None,  # ReDoc has no local copy; /docs is the one docs page
        description="Source-attributed events, actors, claims and quotes from news "
        "reports. Read-only over a wirecoder DuckDB store.",
        openapi_tags=TAGS,
    )
    app.state.store = store
    app.state.cache = ResponseCache(max_entries=2048 if cache else 0)
    app.state.max_extract_bytes = max_extract_bytes
    app.state.pipeline = None
    install_error_handlers(app)
    app.include_router(router)
    app.include_router(selection_router)  # dashboard: totals, graph, downloads
    app.include_router(tables_router)  # dashboard: claims, quotes, articles, countries
    app.include_router(live_router)

    app.add_middleware(Front, max_inflight=max_inflight)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    docs_html, docs_csp = _docs_page(app.openapi_url or "/openapi.json", f"{app.title} API")
    app.state.docs_csp = docs_csp

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(docs_html)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    return app


class Front:
    """Plain ASGI middleware in front of every request (a `@app.middleware("http")` costs a
    task group and a body stream per request):

    - security headers (CSP for the dashboard and /docs, nosniff everywhere, no-store on /api);
    - load shedding: more than `max_inflight` /api requests in progress → 503 + Retry-After;
    - a GET whose body is kept for the version the open store connection sees (cache.py) is
      answered here, before routing, validation and the thread pool."""

    def __init__(self, app: Any, max_inflight: int = DEFAULT_MAX_INFLIGHT) -> None:
        self.app, self.max_inflight = app, max_inflight
        self.inflight = 0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        # a server-sent-events stream (api/live.py) stays open for minutes: not "in progress"
        stream = any(k == b"accept" and b"text/event-stream" in v for k, v in scope["headers"])
        api = path.startswith("/api") and not stream
        state = scope["app"].state if "app" in scope else None
        extra: list[tuple[bytes, bytes]] = [(b"x-content-type-options", b"nosniff")]
        if path == "/" or path.startswith("/static/"):
            extra.append((b"content-security-policy", CSP.encode()))
        elif path == "/docs" and state is not None:
            extra.append((b"content-security-policy", state.docs_csp.encode()))
        if path.startswith("/api/"):
            extra.append((b"cache-control", b"no-store"))  # live store: always fresh
        if api and self.inflight >= self.max_inflight:  # shed load: say when to come back
            body = json.dumps(error_body(
                "overloaded", f"more than {self.max_inflight} requests in progress")).encode()
            await send({"type": "http.response.start", "status": 503, "headers": [
                (b"content-type", b"application/json"), (b"retry-after", b"1"),
                (b"content-length", str(len(body)).encode()), *extra]})
            await send({"type": "http.response.body", "body": body})
            return
        if api and scope["method"] == "GET" and state is not None:
            version = state.store.current_version()
            if version is not None:
                req = Request(scope)
                hit = state.cache.get(version, str(req.url))
                if hit is not None:
                    data, gz = hit.payload(accepts_gzip(req.headers.get("accept-encoding")))
                    head = [(b"content-type", hit.media_type.encode()),
                            (b"content-length", str(len(data)).encode()),
                            *((k.lower().encode(), v.encode()) for k, v in hit.headers), *extra]
                    if hit.gzipped:
                        head.append((b"vary", b"Accept-Encoding"))
                    if gz:
                        head.append((b"content-encoding", b"gzip"))
                    await send({"type": "http.response.start", "status": 200, "headers": head})
                    await send({"type": "http.response.body", "body": data})
                    return

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                message = {**message, "headers": [*message.get("headers", []),
                                                  *(h for h in extra if h[0] not in have)]}
            await send(message)

        if api:
            self.inflight += 1
        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            if api:
                self.inflight -= 1


def app_from_env() -> FastAPI:
    """The app of one `wirecoder serve --workers N` process (settings passed by environment)."""
    import os

    return create_app(
        os.environ["WIRECODER_SERVE_DB"],
        max_extract_bytes=int(os.environ.get("WIRECODER_SERVE_MAX_EXTRACT_BYTES",
                                             DEFAULT_MAX_EXTRACT_BYTES)),
        cache=os.environ.get("WIRECODER_SERVE_CACHE", "1") != "0",
    )
