"""The FastAPI app: JSON API under /api, OpenAPI at /docs, the dashboard at /."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from .cache import ResponseCache
from .db import Store
from .errors import error_body, install_error_handlers
from .routes import TAGS, router

__all__ = ["DEFAULT_MAX_EXTRACT_BYTES", "DEFAULT_MAX_INFLIGHT", "STATIC", "create_app"]

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
    app.state.inflight = 0
    app.state.max_extract_bytes = max_extract_bytes
    app.state.pipeline = None
    install_error_handlers(app)
    app.include_router(router)

    @app.middleware("http")
    async def _headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        path = request.url.path
        api = path.startswith("/api")
        if api and app.state.inflight >= max_inflight:  # shed load: say when to come back
            return JSONResponse(
                error_body("overloaded", f"more than {max_inflight} requests in progress"),
                status_code=503,
                headers={"Retry-After": "1", "Cache-Control": "no-store"},
            )
        if api:
            app.state.inflight += 1
        try:
            resp: Response = await call_next(request)
        finally:
            if api:
                app.state.inflight -= 1
        if path == "/" or path.startswith("/static/"):
            resp.headers["Content-Security-Policy"] = CSP
        elif path == "/docs":
            resp.headers["Content-Security-Policy"] = docs_csp
        resp.headers["X-Content-Type-Options"] = "nosniff"
        if path.startswith("/api/"):
            resp.headers["Cache-Control"] = "no-store"  # live store: always fresh
        return resp

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    docs_html, docs_csp = _docs_page(app.openapi_url or "/openapi.json", f"{app.title} API")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(docs_html)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    return app
