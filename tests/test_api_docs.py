"""/docs: Swagger UI from the vendored copy, in real headless Chromium on a real server,
with the app's own CSP enforced and no request leaving loopback."""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "api"))
import fixture_db

from wirecoder.api import create_app
from wirecoder.api.app import STATIC

VENDOR = STATIC / "vendor" / "swagger-ui"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    db = fixture_db.build_db(tmp_path_factory.mktemp("docs") / "store.duckdb")
    with fixture_db.ServerThread(create_app(db)) as srv:
        yield srv


def test_docs_page_points_only_at_local_files(server) -> None:
    r = httpx.get(server.url + "/docs")
    assert r.status_code == 200
    assert "cdn." not in r.text and "https://" not in r.text
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "'sha256-" in csp and "unsafe-eval" not in csp
    for name in ("swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png"):
        assert f"/static/vendor/swagger-ui/{name}" in r.text
        assert httpx.get(f"{server.url}/static/vendor/swagger-ui/{name}").status_code == 200
    assert (VENDOR / "LICENSE").read_text().lstrip().startswith("Apache License")
    assert httpx.get(server.url + "/redoc").status_code == 404  # no CDN-backed ReDoc page


@pytest.mark.browser
def test_swagger_ui_renders_offline_under_the_csp(page, server) -> None:
    requests: list[str] = []
    errors: list[str] = []
    console: list[str] = []
    page.on("request", lambda req: requests.append(req.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.goto(server.url + "/docs")
    page.locator(".opblock-summary-path", has_text="/api/events").first.wait_for(timeout=20000)
    spec = httpx.get(server.url + "/openapi.json").json()
    rendered = page.locator(".opblock").count()
    assert rendered == sum(len(methods) for methods in spec["paths"].values())
    assert page.locator(".info .title", has_text="wirecoder").count() == 1
    # expanding an operation shows its parameters with their descriptions
    page.locator(".opblock-summary-path[data-path='/api/events']").first.click()
    page.locator(".parameters-col_description", has_text="YYYY-MM-DD").first.wait_for()
    # "Try it out" runs a real request from the page (the CSP's connect-src 'self' allows it)
    stats = page.locator(".opblock", has=page.locator("[data-path='/api/stats']"))
    stats.locator(".opblock-summary").click()
    stats.locator("button.try-out__btn").click()
    stats.locator("button.execute").click()
    stats.locator(".live-responses-table .response-col_status", has_text="200").wait_for()
    assert '"events": 8' in stats.locator(".live-responses-table .microlight").first.text_content()
    hosts = {urlsplit(u).netloc for u in requests if not u.startswith(("data:", "blob:"))}
    assert hosts == {f"127.0.0.1:{server.port}"}, requests
    assert f"{server.url}/static/vendor/swagger-ui/swagger-ui-bundle.js" in requests
    assert errors == []
    assert not [m for m in console if "Content Security Policy" in m], console
