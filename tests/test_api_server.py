"""The API on a real uvicorn server on loopback: in a thread, and as `wirecoder serve`."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "api"))
import fixture_db

from wirecoder.api import create_app

WIRECODER = Path(sys.executable).parent / "wirecoder"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fixture_db.build_db(tmp_path_factory.mktemp("srv") / "store.duckdb")


def test_uvicorn_serves_api_and_dashboard_concurrently(db: Path) -> None:
    with fixture_db.ServerThread(create_app(db)) as srv:
        import concurrent.futures as cf

        urls = [
            "/api/events",
            "/api/events/t-001:e1",
            "/api/series?quantity=killed",
            "/api/stats",
            "/api/actors",
            "/",
        ] * 5
        with httpx.Client(base_url=srv.url, timeout=10) as c, cf.ThreadPoolExecutor(6) as pool:
            codes = list(pool.map(lambda u: c.get(u).status_code, urls))
            assert codes == [200] * len(urls)
            assert c.get("/api/events?type=nope").json()["error"]["field"] == "type"
            assert c.get("/api/stats").headers["cache-control"] == "no-store"


def test_wirecoder_serve_command(db: Path) -> None:
    port = fixture_db.free_port()
    proc = subprocess.Popen(
        [str(WIRECODER), "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline, r = time.monotonic() + 30, None
        while time.monotonic() < deadline:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read()
                time.sleep(0.2)
        assert r is not None and r.status_code == 200 and r.json()["events"] == 8
        assert httpx.get(f"http://127.0.0.1:{port}/docs").status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert f"127.0.0.1:{port}" in proc.stderr.read()


def test_wirecoder_serve_without_a_store_fails_cleanly(tmp_path: Path) -> None:
    r = subprocess.run(
        [str(WIRECODER), "serve", "--db", str(tmp_path / "none.duckdb")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert r.returncode == 1
    assert "[E301]" in r.stderr and "Traceback" not in r.stderr
