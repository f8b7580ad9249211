"""Latency of every request the dashboard makes on a synthetic store (default 100,000 events,
built by bench/api_load.py's generator): one full dashboard refresh, unfiltered and filtered,
plus the selection downloads. Prints the median of R sequential runs per request.

usage: python bench/dashboard_load.py [--events 100000] [--runs 5] [--db PATH] [--keep]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from api_load import build, free_port  # noqa: E402

REQUESTS = [
    "/api/stats", "/api/countries", "/api/timeline{f}", "/api/selection/summary{f}",
    "/api/selection/graph{f}&top=30", "/api/places{f}", "/api/events{f}&limit=100",
    "/api/series?quantity=killed", "/api/selection/claims{f}&limit=50",
    "/api/selection/quotes{f}&limit=50", "/api/selection/articles{f}&limit=50",
    "/api/selection/download{f}&format=csv", "/api/selection/download{f}&format=parquet",
    "/api/selection/download{f}&format=acled",
]
FILTERS = {"all": "?", "ASSAULT in UKR, one month": "?type=ASSAULT&country=UKR"
           "&since=2024-03-01&until=2024-03-31"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--db", type=Path, default=Path("/tmp/wirecoder-bench.duckdb"))
    ap.add_argument("--keep", action="store_true", help="reuse an existing --db")
    a = ap.parse_args()
    if not (a.keep and a.db.exists()):
        print(f"built {a.db} in {build(a.db, a.events):.1f} s", file=sys.stderr)
    port = free_port()
    srv = subprocess.Popen([str(Path(sys.executable).parent / "wirecoder"), "serve", "--db",
                            str(a.db), "--port", str(port)], stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/api/stats", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        with httpx.Client(base_url=base, timeout=120) as c:
            for label, f in FILTERS.items():
                print(f"\n{label}\n{'request':58} {'median ms':>10} {'bytes':>10}")
                for r in REQUESTS:
                    path = r.format(f=f).replace("?&", "?")
                    times, size = [], 0
                    for _ in range(a.runs):
                        t = time.perf_counter()
                        resp = c.get(path)
                        times.append((time.perf_counter() - t) * 1000)
                        resp.raise_for_status()
                        size = len(resp.content)
                    print(f"{path[:58]:58} {statistics.median(times):10.0f} {size:10,}")
    finally:
        srv.terminate()
        srv.wait(10)


if __name__ == "__main__":
    main()
