"""Load test of the HTTP API on a synthetic store.

Builds a DuckDB store with N generated events (default 100,000; bulk INSERT … SELECT from
range(), no Python loop), then finishes it the way `wirecoder ingest` finishes a store
(store/layout.py backfill, store/derived.py: events sorted, claim series stored). Starts a real
`wirecoder serve` (uvicorn) on a free loopback port, drives C concurrent async clients for a
bounded number of requests and seconds per endpoint, and prints p50/p95 latency, throughput,
errors and shed requests (503/429 with Retry-After) for: the event list (with and without
filters, second page via cursor), one event, and the claim series; then the baseline it
compares with (issue 11) and whether each target is met.

usage: python bench/api_load.py [--events 100000] [--clients 8] [--requests 400]
                                [--seconds 60] [--db /tmp/wirecoder-bench.duckdb] [--keep]
                                [--server-workers 1] [--no-cache] [--repeat 1] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
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


def build(db: Path, n_events: int) -> dict:
    """Generate the store; returns the seconds each step took. Rows are written with every
    column `wirecoder ingest` writes (store/rows.py, layout.py), then the store is finished
    as an ingest finishes it (store/derived.py: events sorted, claim series stored)."""
    from wirecoder.store import Store
    from wirecoder.store.derived import refresh_derived
    from wirecoder.store.layout import k_day_sql, set_meta

    t0 = time.perf_counter()
    for p in (db, Path(str(db) + ".wal")):
        if p.exists():
            p.unlink()
    Store(db, hold=False)  # the real schema (store/schema.sql, layout.py)
    n_articles = max(1, n_events // 5)
    con = duckdb.connect(str(db))
    con.execute("SET enable_progress_bar = false")
    types = "[" + ", ".join(f"'{t}'" for t in TYPES) + "]"
    countries = "[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"
    day = "DATE '2030-01-01' + CAST({} % 730 AS INTEGER)"
    con.execute(f"""
      INSERT INTO articles (article_id, source, title, outlet, published, language, text, run_id,
                            ingested_at, seq, k_day)
      SELECT 'a' || i, 'bench', 'Synthetic report ' || i, 'Outlet ' || (i % 40), {day.format('i')},
             'en', repeat('Forces of group ' || (i % 300) || ' attacked a position near town '
                    || (i % 997) || ' on Monday, killing ' || (i % 50) || ' people, officials said. ', 4),
             'bench', now(), i + 1, {k_day_sql(day.format('i'), 'i + 1')}
      FROM range({n_articles}) t(i)""")
    uid = "'a' || (i // 5) || ':e' || (i % 5)"
    actor = f"'Group ' || (hash({uid}) % 300)"
    recipient = f"'Group ' || (hash({uid} || 'r') % 300)"
    con.execute(f"""
      INSERT INTO events (uid, article_id, event_id, type, mode, date_start, date_end, date_precision,
                          location_name, country, lat, lon, location_precision, status, dead,
                          confidence, evidence_start, evidence_end, evidence_text, doc, seq, k_day,
                          day, day_end, actor_names, recipient_names, mediator_names, names_lc,
                          published, outlet, article_title)
      SELECT {uid}, 'a' || (i // 5), 'e' || (i % 5),
             {types}[CAST(1 + (hash(i) % {len(TYPES)}) AS BIGINT)], NULL,
             {day.format('(i // 5)')}, {day.format('(i // 5)')},
             'day', 'Town ' || (i % 997), {countries}[CAST(1 + (hash(i + 7) % {len(COUNTRIES)}) AS BIGINT)],
             -30 + CAST(hash(i) % 6000 AS BIGINT) / 100.0, -20 + CAST(hash(i + 1) % 8000 AS BIGINT) / 100.0, 'city',
             'occurred', CAST(hash(i + 3) % 60 AS INTEGER), 0.5 + (i % 50) / 100.0, 0, 120,
             'Forces of group ' || ((i // 5) % 300) || ' attacked a position near town ' || (i % 997),
             '{{"evidence": [{{"start": 0, "end": 120}}], "date": {{"text": "on Monday"}}}}',
             i + 1, {k_day_sql(day.format('(i // 5)'), 'i + 1')},
             {day.format('(i // 5)')}, {day.format('(i // 5)')}, [{actor}], [{recipient}],
             CAST([] AS VARCHAR[]), lower({actor} || '|' || {recipient}),
             {day.format('(i // 5)')}, 'Outlet ' || ((i // 5) % 40), 'Synthetic report ' || (i // 5)
      FROM range({n_events}) t(i)""")
    con.execute("""
      INSERT INTO event_actors (uid, article_id, role, actor_id, name, country, sector)
      SELECT uid, article_id, 'actor', 'a1', actor_names[1], country, 'REB' FROM events
      UNION ALL
      SELECT uid, article_id, 'recipient', 'a2', recipient_names[1], country, 'CVL' FROM events""")
    con.execute("""
      INSERT INTO actors (article_id, actor_id, name, kind, country, sector)
      SELECT DISTINCT article_id, actor_id, name, 'group', country, sector FROM event_actors""")
    con.execute(f"""
      INSERT INTO claims (uid, article_id, claim_id, quantity, value, bound, unit, claimant,
                          claimant_text, as_of, country, evidence_text, claimant_id, seq, k_day,
                          day, published, outlet, article_title)
      SELECT 'a' || i || ':c1', 'a' || i, 'c1', 'killed', 100 + i // 10 + CAST(hash(i) % 7 AS BIGINT), 'exact',
             'people', 'Ministry ' || (i % 6), 'the ministry', {day.format('i')},
             {countries}[1 + (i % {len(COUNTRIES)})], 'the ministry said', 'a9', i + 1,
             {k_day_sql(day.format('i'), 'i + 1')}, {day.format('i')}, {day.format('i')},
             'Outlet ' || (i % 40), 'Synthetic report ' || i
      FROM range({n_articles}) t(i)""")
    set_meta(con, "data_version", 1)
    con.close()
    t_rows = time.perf_counter() - t0
    done = refresh_derived(db, force_sort=True)  # what the end of an ingest does
    return {"rows_s": t_rows, "derived_s": time.perf_counter() - t0 - t_rows, **done}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RawClient:
    """A minimal HTTP/1.1 keep-alive client on asyncio streams (GET, Content-Length bodies).

    httpx costs about 1–3 ms of CPU per request; at a few hundred requests a second the
    client's own event loop then saturates a core and its queue becomes most of the measured
    latency (a constant answer served from the cache measured 60–90 ms p95 on this machine).
    This client costs a few tens of µs, so the numbers are the server's."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, dict[str, str], int]:
        """(status, headers, body bytes read); the body is read to its last byte."""
        for attempt in (1, 2):
            try:
                if self.writer is None:
                    self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
                self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
                                  "Accept-Encoding: gzip\r\n\r\n".encode())
                head = await self.reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                status = int(lines[0].split()[1])
                headers = {k.strip().lower(): v.strip() for k, v in
                           (ln.split(":", 1) for ln in lines[1:] if ":" in ln)}
                n = int(headers.get("content-length", "0"))
                if n:
                    await self.reader.readexactly(n)
                if headers.get("connection", "").lower() == "close":
                    await self.close()
                return status, headers, n
            except (ConnectionError, asyncio.IncompleteReadError):
                await self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


async def drive(
    base: str, name: str, make_url, clients: int, requests: int, seconds: float,
    client: str = "raw",
) -> dict:
    lat: list[float] = []
    errors: dict[str, int] = {}
    shed = 0
    left = requests
    deadline = time.monotonic() + seconds
    host, port = base.split("//")[1].split(":")

    def tally(status: int, retry_after: str | None, t: float) -> None:
        nonlocal shed
        lat.append((time.perf_counter() - t) * 1000)
        if status in (429, 503) and retry_after:
            shed += 1
        elif status != 200:
            errors[str(status)] = errors.get(str(status), 0) + 1

    async def raw_worker() -> None:
        nonlocal left
        c = RawClient(host, int(port))
        try:
            while left > 0 and time.monotonic() < deadline:
                left -= 1
                t = time.perf_counter()
                try:
                    status, headers, _ = await asyncio.wait_for(c.get(make_url()), 30)
                    tally(status, headers.get("retry-after"), t)
                except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError) as e:
                    lat.append((time.perf_counter() - t) * 1000)
                    errors[type(e).__name__] = errors.get(type(e).__name__, 0) + 1
                    await c.close()
        finally:
            await c.close()

    async def httpx_worker(c: httpx.AsyncClient) -> None:
        nonlocal left
        while left > 0 and time.monotonic() < deadline:
            left -= 1
            t = time.perf_counter()
            try:
                # time to the last byte of the body as sent (gzip stays packed)
                async with c.stream("GET", make_url()) as r:
                    async for _ in r.aiter_raw():
                        pass
                tally(r.status_code, r.headers.get("retry-after"), t)
            except httpx.HTTPError as e:
                lat.append((time.perf_counter() - t) * 1000)
                errors[type(e).__name__] = errors.get(type(e).__name__, 0) + 1

    t0 = time.perf_counter()
    if client == "raw":
        await asyncio.gather(*(raw_worker() for _ in range(clients)))
    else:
        limits = httpx.Limits(max_connections=clients + 8, max_keepalive_connections=clients + 8)
        async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as c:
            await asyncio.gather(*(httpx_worker(c) for _ in range(clients)))
    wall = time.perf_counter() - t0
    lat.sort()
    return {
        "endpoint": name,
        "n": len(lat),
        "p50": statistics.median(lat) if lat else None,
        "p95": lat[min(len(lat) - 1, int(0.95 * len(lat)))] if lat else None,
        "rps": len(lat) / wall,
        "errors": errors,
        "shed": shed,
    }


# What issue 11 measured before this work (100,000 events, 8 clients, p95 ms), and what the
# same script measured on a 1,000,000-event store at the commit before it (c13fa84, load ≈ 3).
BASELINE = {
    "GET /api/events (first page)": {"issue_100k": 135, "before_1m": 1107, "target": 50},
    "GET /api/events (filters)": {"issue_100k": 188, "before_1m": 1007, "target": 50},
    "GET /api/events (cursor page 2)": {"issue_100k": None, "before_1m": 356, "target": 50},
    "GET /api/events/{uid}": {"issue_100k": 59, "before_1m": 76, "target": 50},
    "GET /api/series": {"issue_100k": 1010, "before_1m": 16977, "target": 100},
}


def _cpu_ms(pid: int) -> float:
    """CPU time (user + system) of a process and its children, in ms, from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    pids = [pid]
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as fh:
                    if fh.read().rsplit(")", 1)[1].split()[1] == str(pid):
                        pids.append(int(d))
            except (OSError, IndexError):
                pass
    for p in pids:
        try:
            with open(f"/proc/{p}/stat") as fh:
                f = fh.read().rsplit(")", 1)[1].split()
            total += int(f[11]) + int(f[12])
        except (OSError, IndexError):
            pass
    return total * 1000 / tick


def run_round(a: argparse.Namespace, uids: list[str]) -> dict[str, dict]:
    """Start a fresh server (cold caches), drive every endpoint once, stop it."""
    port = free_port()
    wc = Path(sys.executable).parent / "wirecoder"
    cmd = [str(wc), "serve", "--db", str(a.db), "--port", str(port)]
    if a.server_workers != 1:
        cmd += ["--workers", str(a.server_workers)]
    if a.no_cache:
        cmd.append("--no-cache")
    srv = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    out: dict[str, dict] = {}
    try:
        for _ in range(600):
            try:
                if httpx.get(base + "/api/stats", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
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
        for name, mk in cases:
            if a.cpu:  # one client, one request at a time: server CPU per request
                c = httpx.Client(base_url=base)
                c.get(mk())
                c0, t0, n = _cpu_ms(srv.pid), time.perf_counter(), min(a.requests, 300)
                for _ in range(n):
                    c.get(mk())
                out[name] = {"cpu_ms": (_cpu_ms(srv.pid) - c0) / n,
                             "wall_ms": (time.perf_counter() - t0) * 1000 / n}
                c.close()
                continue
            out[name] = asyncio.run(drive(base, name, mk, a.clients, a.requests, a.seconds,
                                          a.client))
    finally:
        srv.terminate()
        try:
            srv.wait(timeout=20)
        except subprocess.TimeoutExpired:
            srv.kill()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=400, help="per endpoint")
    ap.add_argument("--seconds", type=float, default=60, help="per endpoint")
    ap.add_argument("--db", type=Path, default=Path("/tmp/wirecoder-bench.duckdb"))
    ap.add_argument("--keep", action="store_true", help="reuse an existing --db")
    ap.add_argument("--server-workers", type=int, default=1,
                    help="server processes (`wirecoder serve --workers`)")
    ap.add_argument("--no-cache", action="store_true",
                    help="serve without the response cache (`wirecoder serve --no-cache`)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="rounds, each on a freshly started server (cold caches); medians "
                    "of the rounds are reported")
    ap.add_argument("--client", choices=("raw", "httpx"), default="raw",
                    help="raw: a minimal asyncio HTTP client (default); httpx: the client the "
                    "issue's baseline was measured with (its own CPU shows in the latency)")
    ap.add_argument("--cpu", action="store_true",
                    help="instead: server CPU ms per request (one client, sequential; hardly "
                    "depends on the machine's load)")
    ap.add_argument("--json", action="store_true", help="also print the results as JSON")
    a = ap.parse_args()

    if not (a.keep and a.db.exists()):
        took = build(a.db, a.events)
        print(f"built {a.db}: {a.events:,} events: rows {took['rows_s']:.1f} s, "
              f"sorted + series {took['derived_s']:.1f} s", file=sys.stderr)
    con = duckdb.connect(str(a.db), read_only=True)
    n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    uids = [r[0] for r in con.execute("SELECT uid FROM events USING SAMPLE 2000 ROWS").fetchall()]
    con.close()

    load0 = os.getloadavg()
    results: dict[str, list[dict]] = {}
    print(
        f"store: {n_events:,} events · {a.clients} concurrent clients · ≤{a.requests} "
        f"requests or ≤{a.seconds:.0f} s per endpoint · {a.server_workers} server "
        f"process(es) · cache {'off' if a.no_cache else 'on'} · {a.client} client · "
        f"{a.repeat} round(s), each on a "
        f"fresh server · cpus: {os.cpu_count()} · load average at start {load0[0]:.1f}"
    )
    if a.cpu:
        print(f"{'endpoint':34} {'server CPU ms/request':>22} {'wall ms/request':>16}")
        for name, r in run_round(a, uids).items():
            print(f"{name:34} {r['cpu_ms']:>22.2f} {r['wall_ms']:>16.2f}")
        return
    for round_no in range(a.repeat):
        for name, r in run_round(a, uids).items():
            results.setdefault(name, []).append(r)
            print(f"  round {round_no + 1}: {name:34} p50 {r['p50']:7.1f}  p95 {r['p95']:7.1f}"
                  f"  shed {r['shed']}  errors {sum(r['errors'].values())}", flush=True)
    load1 = os.getloadavg()
    med = lambda xs: statistics.median(xs) if xs else None
    print(f"{'endpoint':34} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>7} {'shed':>5}  "
          f"errors   (medians of {a.repeat} round(s))")
    summary = []
    for name, runs in results.items():
        row = {"endpoint": name, "n": sum(r["n"] for r in runs),
               "p50": med([r["p50"] for r in runs if r["p50"] is not None]),
               "p95": med([r["p95"] for r in runs if r["p95"] is not None]),
               "p95_runs": [round(r["p95"], 1) for r in runs if r["p95"] is not None],
               "rps": med([r["rps"] for r in runs]),
               "shed": sum(r["shed"] for r in runs),
               "errors": {k: sum(r["errors"].get(k, 0) for r in runs)
                          for k in {k for r in runs for k in r["errors"]}}}
        summary.append(row)
        print(f"{name:34} {row['n']:>5} {row['p50']:>8.1f} {row['p95']:>8.1f} "
              f"{row['rps']:>7.1f} {row['shed']:>5}  {sum(row['errors'].values())} "
              f"{row['errors'] or ''}")
    print(f"load average at end {load1[0]:.1f}")
    print("\nbaseline (p95 ms, 8 clients): issue 11 at 100k events · this script at 1M events "
          "before this work (c13fa84) · target · now (median of the rounds)")
    for row in summary:
        b = BASELINE.get(row["endpoint"], {})
        met = "met" if b.get("target") and row["p95"] < b["target"] else "NOT met"
        print(f"{row['endpoint']:34} {b.get('issue_100k') or '–'!s:>6} "
              f"{b.get('before_1m') or '–'!s:>7} {'<' + str(b.get('target')):>6} "
              f"{row['p95']:>8.1f}  {met}")
    if a.json:
        print(json.dumps({"events": n_events, "clients": a.clients,
                          "server_workers": a.server_workers, "cache": not a.no_cache,
                          "load_start": load0[0], "load_end": load1[0], "results": summary},
                         indent=1))


if __name__ == "__main__":
    main()
