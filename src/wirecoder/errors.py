"""One exception tree; every message carries a code and, where there is one, the fix."""
from __future__ import annotations


class WirecoderError(Exception):
    """Base of every error wirecoder raises on purpose."""

    code = "E000"
    exit_code = 1

    def __init__(self, message: str, *, source: str | None = None, fix: str | None = None):
        self.message = message
        self.source = source
        self.fix = fix
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        fix = f" {self.fix}" if self.fix else ""
        return f"[{self.code}] {where}{self.message}{fix}"


class UsageError(WirecoderError):
    """The command line asks for something that cannot be done (exit 2)."""

    code = "E001"
    exit_code = 2


class ModelNotFound(WirecoderError):
    """No usable spaCy model is installed."""

    code = "E010"


class OptionalDependencyMissing(WirecoderError):
    """An extra (ray, playwright …) is needed for this feature but not installed."""

    code = "E011"


class InputError(WirecoderError):
    """An input cannot be read as an article (base of the input errors)."""

    code = "E100"


class EmptyInput(InputError):
    """The input holds no text."""

    code = "E101"


class BinaryInput(InputError):
    """The input is binary data, not text, HTML, a feed or a corpus."""

    code = "E102"


class InputTooLarge(InputError):
    """The input exceeds the size limit for one article."""

    code = "E103"


class NoHtmlBody(InputError):
    """An HTML page has no extractable main text."""

    code = "E104"


class FeedError(InputError):
    """A feed could not be parsed as RSS/Atom."""

    code = "E105"


class RecordError(InputError):
    """One record (line or row) of a JSONL/CSV corpus is malformed."""

    code = "E106"


class NotFound(InputError):
    """The path does not exist."""

    code = "E107"


class FetchError(InputError):
    """A URL could not be fetched (network error or HTTP status ≥ 400)."""

    code = "E108"


class GoldError(WirecoderError):
    """A gold file does not follow SPEC §3."""

    code = "E200"


class NotGoldFile(GoldError):
    """A JSONL file holds no report gold (e.g. HTML-extraction gold): it is skipped whole."""

    code = "E201"


class StoreError(WirecoderError):
    """The DuckDB store cannot be opened or written."""

    code = "E300"


class ExtractionFailed(WirecoderError):
    """Extraction raised on one article of a batch; it is reported and the batch goes on."""

    code = "E310"


class UncodedLanguage(WirecoderError):
    """An article is in a language wirecoder does not code: it gets no events (a warning)."""

    code = "W110"


__all__ = [
    "WirecoderError", "UsageError", "ModelNotFound", "OptionalDependencyMissing", "InputError",
    "EmptyInput", "BinaryInput", "InputTooLarge", "NoHtmlBody", "FeedError", "RecordError",
    "NotFound", "FetchError", "GoldError", "NotGoldFile", "StoreError", "ExtractionFailed",
    "UncodedLanguage",
]
