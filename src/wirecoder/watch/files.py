"""Local sources of `watch`: folders (watchfiles events plus a periodic rescan), single files,
and JSONL files read as they grow (only the new complete lines, from a saved byte offset).

Each poll returns `Pending` items; a file's position (size, mtime) or a JSONL offset travels
with its last item and is saved in the same transaction as that item's batch.
"""
from __future__ import annotations

import io
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError, NotFound
from ..ingest import InputFailure, iter_articles
from ..ingest.corpus import read_jsonl
from ..ingest.fetch import looks_like_url_list
from ..ingest.sniff import iter_files
from ..ingest.stream import open_source, resolve_max_bytes
from ..schema import Article
from .sources import Pending

__all__ = ["FileSource", "FolderSource", "TailSource", "file_key", "read_file"]

RESCAN_SECONDS = 30.0  # safety net for events watchfiles may miss (network mounts, overflow)


def file_key(path: str) -> str:
    return f"file:{path}"


def _stamp(st: os.stat_result) -> dict[str, Any]:
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}


def read_file(path: str, published: str | None) -> Iterator[Article | InputFailure]:
    """The items of one file, as `ingest` reads them, except that a list of URLs is not
    fetched: watch fetches only the URLs named on its command line."""
    try:
        stream, head = open_source(path)
    except OSError as e:
        yield InputFailure(path, NotFound(f"cannot read it ({e.strerror or e}).", source=path))
        return
    with stream:
        urls = looks_like_url_list(head)
    if urls:
        yield InputFailure(path, InputError(
            "a list of URLs: watch does not fetch URLs found in files.", source=path,
            fix="Name feed URLs on the command line, or run `wirecoder ingest FILE`."))
        return
    yield from iter_articles(path, published=published)


def _file_items(path: str, st: os.stat_result, published: str | None) -> list[Pending]:
    out = [Pending(item) for item in read_file(path, published)]
    out.append(Pending(None, file_key(path), _stamp(st)))  # position after the last item
    return out


def _hidden(path: Path, root: Path) -> bool:
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return True
    return any(p.startswith(".") for p in parts)


class FileSource:
    """One file, re-read whenever its size or mtime changes (a changed file is a new version:
    its article gets a new id, as with `ingest`)."""

    def __init__(self, path: str, states: dict[str, dict[str, Any]], *,
                 published: str | None = None, settle: float = 1.0) -> None:
        self.path, self.states, self.published, self.settle = path, states, published, settle

    def ready(self, st: os.stat_result, now: float) -> bool:
        return now - st.st_mtime >= self.settle  # still being written otherwise

    def changed(self, path: str, st: os.stat_result) -> bool:
        return self.states.get(file_key(path)) != _stamp(st)

    def poll(self) -> list[Pending]:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return []
        if not self.changed(self.path, st) or not self.ready(st, time.time()):
            return []
        return _file_items(self.path, st, self.published)

    def note(self) -> str:
        return ""

    def close(self) -> None:
        pass


class FolderSource(FileSource):
    """A folder, recursively (hidden files and folders skipped). watchfiles reports new and
    changed files; a file is read once it has not changed for `settle` seconds."""

    def __init__(self, path: str, states: dict[str, dict[str, Any]], *,
                 published: str | None = None, settle: float = 1.0,
                 wake: Callable[[], None] | None = None, ignore: str | None = None) -> None:
        super().__init__(path, states, published=published, settle=settle)
        self.root = Path(path)
        self.ignore = ignore  # the store's own files (db, .wal) when it lives in the folder
        self.candidates: set[str] = set()
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.wake = wake
        self.last_scan = float("-inf")
        self.thread = threading.Thread(target=self._watch, name=f"watch {path}", daemon=True)
        self.thread.start()

    def _watch(self) -> None:
        import watchfiles

        try:
            for changes in watchfiles.watch(self.root, stop_event=self.stop, debounce=200,
                                            raise_interrupt=False):
                with self.lock:
                    for change, p in changes:
                        if change != watchfiles.Change.deleted and not self.ignored(p):
                            self.candidates.add(p)
                if self.wake and self.candidates:
                    self.wake()
        except Exception:  # noqa: BLE001 - the periodic rescan still finds new files
            pass

    def poll(self) -> list[Pending]:
        now = time.time()
        with self.lock:
            todo, self.candidates = self.candidates, set()
        if time.monotonic() - self.last_scan >= RESCAN_SECONDS:
            self.last_scan = time.monotonic()
            todo |= {str(f) for f in iter_files(self.root)}
        out: list[Pending] = []
        waiting: set[str] = set()
        for p in sorted(todo):
            if _hidden(Path(p), self.root) or self.ignored(p):
                continue
            try:
                st = os.stat(p)
            except OSError:
                continue  # deleted again, or a folder
            if not os.path.isfile(p) or not self.changed(p, st):
                continue
            if not self.ready(st, now):
                waiting.add(p)
                continue
            out.extend(_file_items(p, st, self.published))
        if waiting:
            with self.lock:
                self.candidates |= waiting
        return out

    def ignored(self, path: str) -> bool:
        return self.ignore is not None and path.startswith(self.ignore)

    def has_waiting(self) -> bool:
        with self.lock:
            return bool(self.candidates)

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=5)


class TailSource:
    """A JSONL file read as it grows: each poll reads the complete lines after the saved
    offset (a half-written last line waits for its newline). A file that shrank or was
    replaced (new inode) is read again from the start; stored articles are skipped."""

    def __init__(self, path: str, states: dict[str, dict[str, Any]], *,
                 published: str | None = None) -> None:
        self.path, self.states, self.published = path, states, published
        self.key = f"tail:{path}"
        self.max_bytes = resolve_max_bytes()

    def poll(self) -> list[Pending]:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return []
        pos = self.states.get(self.key) or {}
        offset, line = int(pos.get("offset", 0)), int(pos.get("line", 0))
        if pos.get("ino") not in (None, st.st_ino) or st.st_size < offset:
            offset, line = 0, 0  # rotated or truncated
        if st.st_size == offset:
            return []
        with open(self.path, "rb") as fh:
            fh.seek(offset)
            chunk = fh.read(st.st_size - offset)
        end = chunk.rfind(b"\n")
        if end < 0:
            return []
        out: list[Pending] = []
        for raw in io.BytesIO(chunk[:end + 1]):
            offset += len(raw)
            line += 1
            for item in read_jsonl(io.BytesIO(raw), self.path, published=self.published,
                                   max_bytes=self.max_bytes):
                if isinstance(item, Article):
                    item = item.model_copy(update={"source": f"{self.path}:{line}"})
                else:
                    item = InputFailure(self.path, item.error, line=line)
                out.append(Pending(item))
            out.append(Pending(None, self.key, {"offset": offset, "line": line,
                                                "ino": st.st_ino}))
        return out

    def note(self) -> str:
        return ""

    def close(self) -> None:
        pass
