"""One error shape for every API error: {"error": {"code", "message", "field"?}}."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import InputError, InputTooLarge, StoreError, WirecoderError
from ..store.filters import InvalidFilter
from .db import StoreBusy, StoreMissing

__all__ = ["ApiError", "error_body", "install_error_handlers"]

log = logging.getLogger("wirecoder.api")


class ApiError(Exception):
    """An error the API reports on purpose, with its HTTP status."""

    def __init__(self, status: int, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.field = status, code, message, field


def error_body(code: str, message: str, field: str | None = None) -> dict[str, Any]:
    err: dict[str, Any] = {"code": code, "message": message}
    if field is not None:
        err["field"] = field
    return {"error": err}


def _json(
    status: int,
    code: str,
    message: str,
    field: str | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    return JSONResponse(error_body(code, message, field), status_code=status, headers=headers)


_HTTP_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
}


def install_error_handlers(app: FastAPI) -> None:
    """Map every exception the app can meet to the one error shape (never a traceback)."""

    @app.exception_handler(ApiError)
    async def _api(_: Request, e: ApiError) -> JSONResponse:
        return _json(e.status, e.code, e.message, e.field)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, e: RequestValidationError) -> JSONResponse:
        first = e.errors()[0] if e.errors() else {}
        loc = [str(p) for p in first.get("loc", ()) if p not in ("query", "path", "body")]
        field = ".".join(loc) or None
        return _json(422, "invalid", f"{field or 'request'}: {first.get('msg', 'invalid')}", field)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, e: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(e.status_code, f"http_{e.status_code}")
        msg = e.detail if isinstance(e.detail, str) else code
        return _json(e.status_code, code, msg)

    @app.exception_handler(InvalidFilter)
    async def _filter(_: Request, e: InvalidFilter) -> JSONResponse:
        body = error_body("invalid", e.detail, e.field)
        if e.accepted:
            body["error"]["accepted"] = e.accepted
        return JSONResponse(body, status_code=422)

    @app.exception_handler(StoreBusy)
    async def _busy(_: Request, e: StoreBusy) -> JSONResponse:
        return _json(503, "store_busy", str(e), headers={"Retry-After": "1"})

    @app.exception_handler(StoreMissing)
    async def _missing(_: Request, e: StoreMissing) -> JSONResponse:
        return _json(503, "store_missing", str(e))

    @app.exception_handler(StoreError)
    async def _store(_: Request, e: StoreError) -> JSONResponse:
        return _json(500, "store_error", str(e))

    @app.exception_handler(InputTooLarge)
    async def _large(_: Request, e: InputTooLarge) -> JSONResponse:
        return _json(413, "too_large", str(e), "text")

    @app.exception_handler(InputError)
    async def _input(_: Request, e: InputError) -> JSONResponse:
        return _json(422, "invalid_input", str(e), "text")

    @app.exception_handler(WirecoderError)
    async def _wc(_: Request, e: WirecoderError) -> JSONResponse:
        return _json(500, e.code, str(e))

    @app.exception_handler(Exception)
    async def _any(_: Request, e: Exception) -> JSONResponse:
        log.exception("unhandled error")
        return _json(500, "internal", f"internal error: {type(e).__name__}")
