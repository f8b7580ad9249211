"""Bytes in: open a source once, peek at its head, read with a size limit, decode with care.

Every reader works on a binary stream so a path, stdin ('-') and a gzip member behave alike;
the head is read once for sniffing and put back in front of the stream.
"""

from __future__ import annotations

import codecs
import io
import logging
import os
import sys
from typing import BinaryIO

from ..errors import BinaryInput, EmptyInput, InputTooLarge, UsageError

log = logging.getLogger("wirecoder.ingest")

# spaCy parses at most 1,000,000 characters per Doc by default, and a news article is 5–50 KB:
# a bigger single article is almost always a mistake (a whole dump saved as one file).
DEFAULT_MAX_BYTES = 1_000_000
MAX_BYTES_ENV = "WIRECODER_MAX_BYTES"
# Raw HTML and feeds carry scripts and markup around the text: allow this many times the limit.
MARKUP_FACTOR = 32
HEAD_BYTES = 64 * 1024

# Magic numbers of common binary files: the message can then say what the file is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"PAR1", "a Parquet file"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = frozenset(range(9)) | frozenset(range(14, 27)) | frozenset(range(28, 32)) | {127}


def resolve_max_bytes(value: int | None = None) -> int:
    """The size limit: the argument, else $WIRECODER_MAX_BYTES, else DEFAULT_MAX_BYTES."""
    if value is None:
        env = os.environ.get(MAX_BYTES_ENV, "").strip().replace("_", "")
        if not env:
            return DEFAULT_MAX_BYTES
        try:
            value = int(env)
        except ValueError:
            raise UsageError(
                f"${MAX_BYTES_ENV} must be a whole number of bytes, got {env!r}."
            ) from None
    if value <= 0:
        raise UsageError(f"the size limit must be a positive number of bytes, got {value}.")
    return value


def too_large(source: str, size: int | str, limit: int, what: str = "input") -> InputTooLarge:
    """The coded error for an oversized input, saying the limit and how to raise it."""
    return InputTooLarge(
        f"{what} is {size} bytes, over the limit of {limit:,} bytes for one article.",
        source=source,
        fix="Split it into articles (a JSONL/CSV corpus streams any size), or raise the limit "
        f"with --max-bytes N or ${MAX_BYTES_ENV}=N.",
    )


class PrefixedStream(io.RawIOBase):
    """A stream that first returns `head`, then the rest of `rest` (un-reads a sniffed head)."""

    def __init__(self, head: bytes, rest: BinaryIO, *, close_rest: bool = True) -> None:
        self._head = memoryview(head)
        self._rest = rest
        self._close_rest = close_rest  # False for stdin: the process may still need it

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if self._head.nbytes:
            n = min(len(buffer), self._head.nbytes)
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        return n

    def close(self) -> None:
        try:
            if self._close_rest:
                self._rest.close()
        finally:
            super().close()


def open_source(source: str) -> tuple[BinaryIO, bytes]:
    """(binary stream positioned at the start, its first bytes). '-' is stdin; .gz is unpacked."""
    stdin = source == "-"
    raw: BinaryIO = sys.stdin.buffer if stdin else open(source, "rb")  # noqa: SIM115 - the caller closes it
    head = raw.read(HEAD_BYTES)
    stream: BinaryIO = io.BufferedReader(PrefixedStream(head, raw, close_rest=not stdin))  # type: ignore[arg-type]
    if head[:2] == b"\x1f\x8b":  # gzip: sniff and read what is inside
        import gzip

        inner: BinaryIO = gzip.GzipFile(fileobj=stream)  # type: ignore[assignment]
        try:
            head = inner.read(HEAD_BYTES)
        except (OSError, EOFError) as e:
            stream.close()
            raise BinaryInput(f"broken gzip data ({e}).", source=source) from None
        stream = io.BufferedReader(PrefixedStream(head, inner))  # type: ignore[arg-type]
    return stream, head


def read_limited(stream: BinaryIO, limit: int, source: str, what: str = "input") -> bytes:
    """All of the stream, or InputTooLarge once it passes `limit` (never reads much past it)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        size: int | str = f"more than {limit:,}"
        if source != "-":
            try:
                size = f"{os.path.getsize(source):,}"
            except OSError:
                pass
        raise too_large(source, size, limit, what)
    return data


def binary_kind(head: bytes) -> str | None:
    """What binary thing `head` is ('binary data' when unknown), or None when it looks like text."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    sample = head[:8192]
    if not sample:
        return None
    if b"\x00" in sample:
        return "binary data (it contains NUL bytes)"
    controls = sum(1 for b in sample if b in _CONTROL)
    if controls / len(sample) > 0.10:
        return "binary data (mostly control characters)"
    return None


def binary_error(head: bytes, source: str) -> BinaryInput | None:
    """The coded error for binary data, or None when `head` looks like text."""
    kind = binary_kind(head)
    if not kind:
        return None
    return BinaryInput(
        f"this is {kind}, not text.",
        source=source,
        fix="Give a text, HTML, RSS/Atom, JSON(L) or CSV file.",
    )


def check_text_bytes(data: bytes, source: str) -> None:
    """EmptyInput / BinaryInput for data that cannot be an article's text."""
    if not data.strip():
        raise EmptyInput("the input is empty (no text to extract).", source=source)
    error = binary_error(data[:HEAD_BYTES], source)
    if error:
        raise error


def decode_text(data: bytes, source: str) -> str:
    """Bytes → str: a BOM decides the codec, else UTF-8; invalid UTF-8 is replaced with U+FFFD
    and a warning is logged (the text is still extracted). Newlines become '\\n'."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = data.decode(codec, errors="replace")
            break
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            text = data.decode("utf-8", errors="replace")
            bad = text.count("\ufffd") - data.count("\xef\xbf\xbd".encode("latin-1"))
            log.warning(
                "%s: invalid UTF-8 (first at byte %d; %d sequence(s) replaced with U+FFFD). "
                "Re-encode the file as UTF-8 to keep those characters.",
                source,
                e.start,
                max(bad, 1),
            )
    return normalize_newlines(text)


def normalize_newlines(text: str) -> str:
    """'\\r\\n' and lone '\\r' → '\\n' (the sentence rules split on '\\n' only)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


__all__ = [
    "DEFAULT_MAX_BYTES",
    "MARKUP_FACTOR",
    "MAX_BYTES_ENV",
    "PrefixedStream",
    "binary_error",
    "binary_kind",
    "check_text_bytes",
    "decode_text",
    "normalize_newlines",
    "open_source",
    "read_limited",
    "resolve_max_bytes",
    "too_large",
]
