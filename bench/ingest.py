"""Ingest throughput and memory, all ratios from one run on the CNN dev corpus repeated to
--count articles (each copy gets its own id, so nothing is skipped as already stored):

  extract-only words/s (Pipeline.extract_many, no store)   vs   ingest words/s (1 process)
  ingest with --workers 2                                  vs   1 process
  ingest with --engine ray (2 actors)                      vs   local pool of 2
  peak resident memory of the main process and of each worker (sampled from /proc)

  .venv/bin/python bench/ingest.py [--count 2000] [--skip-ray] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CNN = ROOT.parent / "shared" / "eval" / "dev" / "cnn_2024-07_dev.jsonl"


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(root: int) -> dict[int, str]:
    """Descendant pids of `root` with their command lines (from /proc)."""
    parent: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as fh:
                    parent[int(d)] = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    out, frontier = {}, [root]
    while frontier:
        p = frontier.pop()
        for c, pp in parent.items():
            if pp == p and c not in out:
                try:
                    with open(f"/proc/{c}/cmdline", "rb") as fh:
                        out[c] = fh.read().replace(b"\0", b" ").decode(errors="replace")[:160]
                except OSError:
                    out[c] = "?"
                frontier.append(c)
    return out


def _cpu_s() -> float:
    import resource

    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


class MemSampler:
    """Peak RSS of this process and of each descendant, sampled every 0.5 s."""

    def __init__(self) -> None:
        self.peaks: dict[int, int] = {}
        self.names: dict[int, str] = {}
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            try:
                kids = _children(me)
                self.names.update(kids)
                for pid in [me, *kids]:
                    self.peaks[pid] = max(self.peaks.get(pid, 0), _rss_kib(pid))
            except Exception:  # noqa: BLE001 - a process that vanished mid-read: look again
                pass
            self._stop.wait(0.5)

    def __enter__(self) -> MemSampler:
        self._t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._t.join()

    def workers_mb(self, match: Callable[[str], bool]) -> list[float]:
        return sorted((round(v / 1024, 1) for p, v in self.peaks.items()
                       if p != os.getpid() and match(self.names.get(p, ""))), reverse=True)

    def main_mb(self) -> float:
        return round(self.peaks.get(os.getpid(), 0) / 1024, 1)


def corpus(count: int, tmp: Path) -> tuple[Path, int]:
    base = [json.loads(x) for x in open(CNN, encoding="utf-8")]
    path, words = tmp / "corpus.jsonl", 0
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(count):
            rec = dict(base[i % len(base)])
            rec["id"] = f"{rec['id']}-r{i // len(base)}"
            words += len(rec["text"].split())
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path, words


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=2000, help="articles (CNN dev repeated)")
    ap.add_argument("--skip-ray", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not CNN.exists():
        print(f"{CNN} is not present", file=sys.stderr)
        return 2
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    os.environ.setdefault("RAY_AUTH_MODE", "disabled")
    from wirecoder.engine.local import NLP_BATCH, iter_inputs, run_ingest
    from wirecoder.pipeline import Pipeline

    res: dict[str, Any] = {"count": args.count, "cpus": os.cpu_count(),
                           "load_avg_start": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory() as td:
        tmp = Path(td)
        path, words = corpus(args.count, tmp)
        res["words"] = words
        pipe = Pipeline()  # loaded and warmed before timing (lexicons, dateparser caches)
        list(pipe.extract_many([a for a in iter_inputs([str(path)], limit=4)
                                if not hasattr(a, "error")]))
        with MemSampler() as mem:
            t0 = time.perf_counter()
            arts = [a for a in iter_inputs([str(path)]) if not hasattr(a, "error")]
            n = sum(1 for _ in pipe.extract_many(arts, batch_size=NLP_BATCH))
            dt = time.perf_counter() - t0
        res["extract_only"] = {"articles": n, "seconds": round(dt, 1), "words_per_s": round(words / dt),
                               "main_peak_mb": mem.main_mb()}

        def ingest(name: str, **kw: Any) -> None:
            first: list[tuple[float, int]] = []

            def progress(done: int, failed: int, w: int) -> None:
                if not first and w:
                    first.append((time.perf_counter(), w))
            c0 = _cpu_s()
            with MemSampler() as mem:
                s = run_ingest([str(path)], str(tmp / f"{name}.duckdb"), on_progress=progress,
                               merge=False, **kw)
                t_end = time.perf_counter()
            cpu = round(_cpu_s() - c0, 1)
            assert s.stored == args.count and not s.failures, s.line()
            steady = None
            if first and s.words > first[0][1] and kw.get("engine") != "ray":
                # (Ray returns a whole chunk at once: no steady rate to read before the end)
                steady = round((s.words - first[0][1]) / (t_end - first[0][0]))
            res[name] = {"articles": s.stored, "seconds": round(s.seconds, 1),
                         # CPU of this process and its (reaped) worker processes: what the
                         # pool adds, whatever else runs on the machine (not Ray's processes)
                         "cpu_seconds": cpu if kw.get("engine") != "ray" else None,
                         "start_seconds": round(s.start_seconds, 1),  # model start, 1st batch
                         "store_write_seconds": round(s.write_seconds, 1),
                         "words_per_s": round(s.words / s.seconds),
                         "steady_words_per_s": steady,  # after the first batch: no start-up
                         "main_peak_mb": mem.main_mb(),
                         "worker_peak_mb": mem.workers_mb(
                             (lambda c: "MapWorker" in c) if kw.get("engine") == "ray"
                             else (lambda c: "spawn_main" in c))}

        ingest("ingest_1", workers=1)
        ingest("ingest_2", workers=2)
        if not args.skip_ray:
            ingest("ray_2", engine="ray", workers=2)
    r = res
    def ratio(a: str, b: str, key: str = "words_per_s") -> float | None:
        x, y = r.get(a, {}).get(key), r.get(b, {}).get(key)
        return round(x / y, 2) if x and y else None

    res["ratios"] = {
        "ingest_vs_extract_only": ratio("ingest_1", "extract_only"),
        "workers2_vs_1": ratio("ingest_2", "ingest_1"),
        "workers2_vs_1_steady": ratio("ingest_2", "ingest_1", "steady_words_per_s"),
        # > 1: the pool's extra CPU (second model load, rows sent between processes)
        "cpu_workers2_vs_1": ratio("ingest_2", "ingest_1", "cpu_seconds"),
        "ray2_vs_local2": ratio("ray_2", "ingest_2"),
        "ray2_vs_local2_steady": ratio("ray_2", "ingest_2", "steady_words_per_s"),
    }
    res["load_avg_end"] = os.getloadavg()[0]
    print(json.dumps(res, indent=1) if args.json else "\n".join(
        f"{k}: {v}" for k, v in res.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
