"""Load test of the HTTP API on a synthetic store.

Builds a DuckDB store with N generated events (default 100,000; bulk INSERT … SELECT from
range(), no Python loop), starts `wirecoder serve` on a free loopback port, drives C concurrent
async clients for a bounded number of requests and seconds per endpoint, and prints p50/p95
latency, throughput and errors for: the event list (with and without filters, second page via
cursor), one event, and the claim series.

usage: python bench/api_load.py [--events 100000] [--clients 8] [--requests 400]
                                [--seconds 60] [--db /tmp/wirecoder-bench.duckdb] [--keep]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import httpx

TYPES = ["ASSAULT", "CONSULT", "ACCUSE", "PROTEST", "COERCE", "REQUEST", "AGREE", "THREATEN"]
COUNTRIES = ["UKR", "SDN", "PSE", "ISR", "MMR", "SYR", "COD", "YEM", "EGY", "ETH"]


def build(db: Path, n_events: int) -> float:
    """Generate the store; returns seconds taken."""
    from wirecoder.store import Store

    t0 = time.perf_counter()
    if db.exists():
        db.unlink()
    Store(db, hold=False)  # the real schema (store/schema.sql)
    n_articles = max(1, n_events // 5)
    con = duckdb.connect(str(db))
    types = "[" + ", ".join(f"'{t}'" for t in TYPES) + "]"
    countries = "[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"
    con.execute(f"""
      INSERT INTO articles (article_id, source, title, outlet, published, language, text, run_id, ingested_at)
      SELECT 'a' || i, 'bench', 'Synthetic report ' || i, 'Outlet ' || (i % 40),
             DATE '2030-01-01' + CAST(i % 730 AS INTEGER), 'en',
             repeat('Forces of group ' || (i % 300) || ' attacked a position near town ' || (i % 997)
                    || ' on Monday, killing ' || (i % 50) || ' people, officials said. ', 4),
             'bench', now()
      FROM range({n_articles}) t(i)""")
    con.execute(f"""
      INSERT INTO events (uid, article_id, event_id, type, mode, date_start, date_end, date_precision,
                          location_name, country, lat, lon, location_precision, status, dead,
                          confidence, evidence_start, evidence_end, evidence_text, doc)
      SELECT 'a' || (i // 5) || ':e' || (i % 5), 'a' || (i // 5), 'e' || (i % 5),
             {types}[CAST(1 + (hash(i) % {len(TYPES)}) AS BIGINT)], NULL,
             DATE '2030-01-01' + CAST((i // 5) % 730 AS INTEGER), DATE '2030-01-01' + CAST((i // 5) % 730 AS INTEGER),
             'day', 'Town ' || (i % 997), {countries}[CAST(1 + (hash(i + 7) % {len(COUNTRIES)}) AS BIGINT)],
             -30 + CAST(hash(i) % 6000 AS BIGINT) / 100.0, -20 + CAST(hash(i + 1) % 8000 AS BIGINT) / 100.0, 'city',
             'occurred', CAST(hash(i + 3) % 60 AS INTEGER), 0.5 + (i % 50) / 100.0, 0, 120,
             'Forces of group ' || ((i // 5) % 300) || ' attacked a position near town ' || (i % 997),
             '{{"evidence": [{{"start": 0, "end": 120}}], "date": {{"text": "on Monday"}}}}'
      FROM range({n_events}) t(i)""")
    con.execute("""
      INSERT INTO event_actors (uid, article_id, role, actor_id, name, country, sector)
      SELECT uid, article_id, 'actor', 'a1', 'Group ' || (hash(uid) % 300), country, 'REB' FROM events
      UNION ALL
      SELECT uid, article_id, 'recipient', 'a2', 'Group ' || (hash(uid || 'r') % 300), country, 'CVL'
      FROM events""")
    con.execute("""
      INSERT INTO actors (article_id, actor_id, name, kind, country, sector)
      SELECT DISTINCT article_id, actor_id, name, 'group', country, sector FROM event_actors""")
    con.execute(f"""
      INSERT INTO claims (uid, article_id, claim_id, quantity, value, bound, unit, claimant,
                          claimant_text, as_of, country, evidence_text, claimant_id)
      SELECT 'a' || i || ':c1', 'a' || i, 'c1', 'killed', 100 + i // 10 + CAST(hash(i) % 7 AS BIGINT), 'exact',
             'people', 'Ministry ' || (i % 6), 'the ministry', DATE '2030-01-01' + CAST(i % 730 AS INTEGER),
             {countries}[1 + (i % {len(COUNTRIES)})], 'the ministry said', 'a9'
      FROM range({n_articles}) t(i)""")
    con.close()
    return time.perf_counter() - t0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def drive(
    base: str, name: str, make_url, clients: int, requests: int, seconds: float
) -> dict:
    lat: list[float] = []
    errors: dict[str, int] = {}
    left = requests
    deadline = time.monotonic() + seconds

    async def worker(c: httpx.AsyncClient) -> None:
        nonlocal left
        while left > 0 and time.monotonic() < deadline:
            left -= 1
            url = make_url()
            t = time.perf_counter()
            try:
                r = await c.get(url)
                ok = r.status_code == 200
                key = str(r.status_code)
            except httpx.HTTPError as e:
                ok, key = False, type(e).__name__
            lat.append((time.perf_counter() - t) * 1000)
            if not ok:
                errors[key] = errors.get(key, 0) + 1

    t0 = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, timeout=30) as c:
        await asyncio.gather(*(worker(c) for _ in range(clients)))
    wall = time.perf_counter() - t0
    lat.sort()
    return {
        "endpoint": name,
        "n": len(lat),
        "p50": statistics.median(lat),
        "p95": lat[min(len(lat) - 1, int(0.95 * len(lat)))],
        "rps": len(lat) / wall,
        "errors": errors,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=400, help="per endpoint")
    ap.add_argument("--seconds", type=float, default=60, help="per endpoint")
    ap.add_argument("--db", type=Path, default=Path("/tmp/wirecoder-bench.duckdb"))
    ap.add_argument("--keep", action="store_true", help="reuse an existing --db")
    a = ap.parse_args()

    if not (a.keep and a.db.exists()):
        took = build(a.db, a.events)
        print(f"built {a.db}: {a.events:,} events in {took:.1f} s", file=sys.stderr)
    con = duckdb.connect(str(a.db), read_only=True)
    n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    uids = [r[0] for r in con.execute("SELECT uid FROM events USING SAMPLE 2000 ROWS").fetchall()]
    con.close()

    port = free_port()
    wc = Path(sys.executable).parent / "wirecoder"
    srv = subprocess.Popen(
        [str(wc), "serve", "--db", str(a.db), "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/api/stats", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        page2 = httpx.get(base + "/api/events?limit=50").json()["next"].replace(base, "")
        rnd = random.Random(7)
        cases = [
            ("GET /api/events (first page)", lambda: "/api/events?limit=50"),
            (
                "GET /api/events (filters)",
                lambda: (
                    f"/api/events?limit=50&type={rnd.choice(TYPES)}&country={rnd.choice(COUNTRIES)}"
                ),
            ),
            ("GET /api/events (cursor page 2)", lambda: page2),
            ("GET /api/events/{uid}", lambda: f"/api/events/{rnd.choice(uids)}"),
            (
                "GET /api/series",
                lambda: f"/api/series?quantity=killed&country={rnd.choice(COUNTRIES)}",
            ),
        ]
        print(
            f"store: {n_events:,} events · {a.clients} concurrent clients · ≤{a.requests} "
            f"requests or ≤{a.seconds:.0f} s per endpoint · cpus: {os.cpu_count()}"
        )
        print(f"{'endpoint':34} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>7}  errors")
        for name, mk in cases:
            r = asyncio.run(drive(base, name, mk, a.clients, a.requests, a.seconds))
            print(
                f"{r['endpoint']:34} {r['n']:>5} {r['p50']:>8.1f} {r['p95']:>8.1f} "
                f"{r['rps']:>7.1f}  {sum(r['errors'].values())} {r['errors'] or ''}"
            )
    finally:
        srv.terminate()
        srv.wait(timeout=10)


if __name__ == "__main__":
    main()
