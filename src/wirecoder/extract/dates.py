"""Dates: phrases resolved against the publication date, with precision.

A small rule-based resolver (one compiled regex) handles what news text says most:
weekdays, "late October", "since October 7", "last week", "earlier this month",
"7 October 2023", "Oct. 7". dateparser is only a cached fallback for other absolute
dates, because it is slow on its first call and misses most relative phrases.
Without a publication date, relative phrases get `precision: unknown` — never today.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Union

from ..schema import DatePrecision, EventDate
from .token_table import sentence_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
             "saturday": 5, "sunday": 6}

# Month names are matched case-sensitively (capitalised) so "may"/"march" as words do not fire.
_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
        r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_WD = r"(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday)"
_PART = r"(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|end|mid-)"
_PREP = r"(?:(?:on|in|since|by|during|from|until|till|before|after|around|about|as\s+of)\s+)"

_PATTERNS: list[tuple[str, str]] = [
    ("iso", rf"\b(?P<iy>{_YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b"),
    ("range_dmy", rf"\b(?i:between|from)\s+(?P<rd1>{_DAY})\s+(?:and|to|-|–)\s+(?P<rd2>{_DAY})\s+"
                  rf"(?P<rm>{_MON})(?:,?\s+(?P<ry>{_YEAR}))?\b"),
    ("dmy", rf"\b(?P<dd>{_DAY})\s+(?:of\s+)?(?P<dm>{_MON})(?:,?\s+(?P<dy>{_YEAR}))?\b"),
    ("mdy", rf"\b(?P<mm>{_MON})\s+(?P<md>{_DAY})\b(?:,?\s+(?P<my>{_YEAR}))?"),
    ("part_month", rf"\b(?P<pp>{_PART})[\s-]*(?P<pm>{_MON})(?:,?\s+(?P<py>{_YEAR}))?\b"),
    ("month_year", rf"\b(?P<ym>{_MON})\s+(?P<yy>{_YEAR})\b"),
    ("weekday", rf"\b(?P<wrel>(?i:last|next|this|on|past)\s+)?(?P<wd>{_WD})\b"),
    # "last October", "next March" (not "last October 7": that is a day)
    ("rel_month", rf"\b(?P<lmrel>(?i:last|next|this|past))\s+(?P<lm>{_MON})\b(?!\.?\s*\d)"),
    # "last spring", "this winter", "(in) the summer of 2004", "autumn 2019" (a bare season
    # names no time: resolved to nothing)
    ("season", rf"\b(?:(?P<srel>(?i:last|next|this|past))\s+|(?i:the)\s+)?"
               rf"(?P<sn>(?i:spring|summer|autumn|fall|winter))"
               rf"(?:\s+(?i:of\s+)?(?P<sy>{_YEAR}))?\b"),
    ("rel", r"\b(?P<rw>(?i:the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|"
            r"this\s+(?:morning|afternoon|evening)|last\s+night|overnight|"
            r"(?:earlier|later)\s+this\s+(?:week|month|year)|(?:this|last|next|past)\s+"
            r"(?:week|month|year|weekend)|over\s+the\s+weekend|(?:the\s+)?(?:past|last)\s+(?:few\s+)?(?:days|weeks)))\b"),
    ("ago", r"\b(?i:(?P<an>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
            r"(?P<au>day|week|month|year)s?\s+ago)\b"),
    ("bare_month", rf"\b(?i:in|since|during|until|of|by)\s+(?P<bm>{_MON})\b(?!\.?\s*\d)"),
    ("year", rf"\b(?i:in|since|during|until|by)\s+(?P<yo>{_YEAR})\b"),
]
# Every pattern opens with \b and then a word character: tested once before the
# alternatives rather than by each of them, the same matches come 3× faster (most positions
# are inside a word or at its end); the word character is looked at before the boundary,
# the cheaper test to fail (another 23 % on the regex, speed pass 4).
assert all(rx.startswith(r"\b") for _, rx in _PATTERNS)
_RX = re.compile(r"(?=\w)\b(?:" + "|".join(f"(?P<{name}>{rx[2:]})" for name, rx in _PATTERNS)
                 + ")")
# Every pattern above needs one of these: a digit, a capitalised month (its first three
# letters), or a word of the weekday / relative / "ago" patterns ("Monday" and "yesterday"
# hold "day", "tonight" and "overnight" "night", "weekend" "week"). A text without any has
# no date phrase, and this one scan is much cheaper than _RX's.
_MAYBE_DATE = re.compile(r"\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|"
                         r"(?i:day|night|tomorrow|morning|afternoon|evening|week|month|year|ago|"
                         r"spring|summer|autumn|fall|winter)")
_DIGIT = re.compile(r"\d")
_MONTH_ABBR = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_DATE_WORDS = ("day", "night", "tomorrow", "morning", "afternoon", "evening", "week", "month",
               "year", "ago", "spring", "summer", "autumn", "fall", "winter")


# the characters the pattern's IGNORECASE takes for an ASCII letter other than by
# lowercasing (İ ı ſ K): a text holding one keeps the pattern
_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")


# The words an alternative of _RX can begin with: a match starts a run of word characters
# (its `(?=\w)\b`), and that run is a number, a capitalised month (case-sensitive in the
# patterns), one of these words lowercased, or (part_month, "mid-October", "lateMay")
# begins with one of the prefixes. _RX is tried only at such runs: finditer tries its 11
# alternatives at every word start, and three words in four can open none of them.
_MONTH_WORDS = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec"})
_FIRST_WORDS = frozenset({
    "between", "from",  # range_dmy
    "the", "end",  # part_month ("the end of", "end"); early/mid/late: _FIRST_PREFIXES
    "last", "next", "this", "on", "past", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday",  # weekday
    "spring", "summer", "autumn", "fall", "winter",  # season (rel_month: "last" …)
    "yesterday", "today", "tonight", "tomorrow", "overnight", "earlier", "later",  # rel
    "over",  # rel: "over the weekend"
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "in", "since", "during", "until", "of", "by"})  # ago; bare_month, year
_FIRST_PREFIXES = ("early", "mid", "late", "end")
# the patterns whose opening words the sets above hold: a new pattern must add its own
_OPENINGS_KNOWN = frozenset({"iso", "range_dmy", "dmy", "mdy", "part_month", "month_year",
                             "weekday", "rel_month", "season", "rel", "ago", "bare_month",
                             "year"})
assert {name for name, _ in _PATTERNS} <= _OPENINGS_KNOWN, \
    "a new date pattern: add the words it can open with to _FIRST_WORDS, then its name here"
_WORD_RUN = re.compile(r"\w+")


def _date_matches(text: str) -> "list[re.Match[str]]":
    """`list(_RX.finditer(text))`, with _RX tried only where a run of word characters can
    open one of its alternatives (`_RX.match` at a position sees the text before it, so
    its `\b` answers as in finditer). A text holding a character of _FOLDS, which the
    patterns' IGNORECASE reads as an ASCII letter and `str.lower` does not, keeps finditer."""
    if _FOLDS.search(text) is not None:
        return list(_RX.finditer(text))
    out: list[re.Match[str]] = []
    last, match = 0, _RX.match
    for run in _WORD_RUN.finditer(text):
        p = run.start()
        if p < last:
            continue
        word = run.group()
        if not (word[0].isdecimal() or word in _MONTH_WORDS):
            low = word.lower()
            if low not in _FIRST_WORDS and not low.startswith(_FIRST_PREFIXES):
                continue
        m = match(text, p)
        if m is not None:
            out.append(m)
            last = m.end()
    return out


def _maybe_date(text: str) -> bool:
    """`_MAYBE_DATE.search(text) is not None`, several times faster: a pattern of many
    alternatives without a common first character is tried at every position, while a
    digit class and literal months are scanned for in C and the words found in the
    lowercased text (what the pattern's IGNORECASE does for these words, but for the
    characters of _FOLDS)."""
    if _FOLDS.search(text) is not None:
        return _MAYBE_DATE.search(text) is not None
    if _DIGIT.search(text) is not None or _MONTH_ABBR.search(text) is not None:
        return True
    low = text.lower()
    return any(w in low for w in _DATE_WORDS)


_WITH_PREP = re.compile(rf"(?i)\b(?P<prep>{_PREP})$")
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[/.]\d{1,2}[/.]\d{2,4}\b")


def _month(s: str) -> int:
    return _MONTHS[s.rstrip(".").lower()]


def _day(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _make(start: dt.date, end: dt.date, precision: DatePrecision, text: str) -> EventDate:
    return EventDate(start=_iso(start), end=_iso(end), precision=precision, text=text)


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


# How far ahead of publication a day-month without year may lie and still be read as this
# year's: news mostly reports what happened, but announces what is weeks away ("talks on
# August 20" in a July article). Further ahead, the same day last year is meant ("October 7"
# in a July 2024 article is 2023-10-07).
FUTURE_WINDOW_DAYS = 45


def _guess_year(month: int, day: int, published: dt.date) -> int:
    """Year of a day-month without year: the latest occurrence no more than
    FUTURE_WINDOW_DAYS after publication."""
    horizon = published + dt.timedelta(days=FUTURE_WINDOW_DAYS)
    for y in (published.year + 1, published.year, published.year - 1):
        try:
            cand = dt.date(y, month, min(day, calendar.monthrange(y, month)[1]))
        except ValueError:
            continue
        if cand <= horizon:
            return y
    return published.year - 1


def _since(ed: EventDate, published: dt.date | None, text: str) -> EventDate:
    """'since X' → from X to the publication date."""
    if ed.start is None or published is None:
        return ed
    return EventDate(start=ed.start, end=_iso(max(published, dt.date.fromisoformat(ed.start))),
                     precision=DatePrecision.range, text=text)


def _resolve_match(m: re.Match[str], published: dt.date | None, text: str) -> EventDate | None:
    kind = m.lastgroup
    g = m.groupdict()
    unknown = EventDate(text=text, precision=DatePrecision.unknown)
    try:
        if kind == "iso":
            d = dt.date(int(g["iy"]), int(g["im"]), int(g["id"]))
            return _make(d, d, DatePrecision.day, text)
        if kind == "range_dmy":
            mon = _month(g["rm"])
            if g["ry"]:
                y = int(g["ry"])
            elif published:
                y = _guess_year(mon, _day(g["rd1"]), published)
            else:
                return unknown
            return _make(dt.date(y, mon, _day(g["rd1"])), dt.date(y, mon, _day(g["rd2"])),
                         DatePrecision.range, text)
        if kind in ("dmy", "mdy"):
            day = _day(g["dd"] or g["md"])
            mon = _month(g["dm"] or g["mm"])
            year = g["dy"] or g["my"]
            if year:
                y = int(year)
            elif published:
                y = _guess_year(mon, day, published)
            else:
                return unknown
            d = dt.date(y, mon, day)
            return _make(d, d, DatePrecision.day, text)
        if kind == "part_month":
            mon = _month(g["pm"])
            if g["py"]:
                y = int(g["py"])
            elif published:
                y = _guess_year(mon, 15, published)
            else:
                return unknown
            part = g["pp"].lower()
            last = calendar.monthrange(y, mon)[1]
            if part.startswith("early") or "beginning" in part or "start" in part:
                lo, hi = 1, 10
            elif part.startswith("mid"):
                lo, hi = 11, 20
            else:  # late / end
                lo, hi = 21, last
            return _make(dt.date(y, mon, lo), dt.date(y, mon, hi), DatePrecision.range, text)
        if kind in ("month_year", "bare_month"):
            mon = _month(g["ym"] or g["bm"])
            if g["yy"]:
                y = int(g["yy"])
            elif published:
                y = _guess_year(mon, 15, published)
            else:
                return unknown
            return _make(dt.date(y, mon, 1), _month_end(y, mon), DatePrecision.month, text)
        if kind == "season":
            return _season(g, published, text)
        if kind == "year":
            y = int(g["yo"])
            return _make(dt.date(y, 1, 1), dt.date(y, 12, 31), DatePrecision.year, text)
        if published is None:
            return unknown
        if kind == "weekday":
            wd = _WEEKDAYS[g["wd"].lower()]
            rel = (g["wrel"] or "").strip().lower()
            back = (published.weekday() - wd) % 7
            if rel == "next":
                d = published + dt.timedelta(days=(wd - published.weekday()) % 7 or 7)
            elif rel in ("last", "past") and back == 0:
                d = published - dt.timedelta(days=7)
            else:
                d = published - dt.timedelta(days=back)
            return _make(d, d, DatePrecision.day, text)
        if kind == "ago":
            n = _NUMBER_WORDS.get(g["an"].lower()) or int(g["an"])
            unit = g["au"].lower()
            if unit == "day":
                d = published - dt.timedelta(days=n)
                return _make(d, d, DatePrecision.day, text)
            if unit == "week":
                d = published - dt.timedelta(days=7 * n)
                return _make(d - dt.timedelta(days=3), d + dt.timedelta(days=3),
                             DatePrecision.week, text)
            if unit == "month":
                mon = (published.month - 1 - n) % 12 + 1
                y = published.year + (published.month - 1 - n) // 12
                return _make(dt.date(y, mon, 1), _month_end(y, mon), DatePrecision.month, text)
            y = published.year - n
            return _make(dt.date(y, 1, 1), dt.date(y, 12, 31), DatePrecision.year, text)
        if kind == "rel_month":
            # news counts "last October" by calendar year, like "last year": in November
            # 2023 it is October 2022 ("last month" would name October 2023)
            mon, rel = _month(g["lm"]), g["lmrel"].lower()
            y = published.year + {"last": -1, "past": -1, "next": 1}.get(rel, 0)
            return _make(dt.date(y, mon, 1), _month_end(y, mon), DatePrecision.month, text)
        if kind == "rel":
            return _relative(re.sub(r"\s+", " ", g["rw"].lower()), published, text)
    except (ValueError, KeyError):
        return unknown
    return None


# northern-hemisphere seasons by their months; winter runs into the next year
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
            "winter": (12, 2)}


def _season_span(name: str, y: int) -> tuple[dt.date, dt.date]:
    first, last = _SEASONS[name]
    if first > last:  # winter y: December y to February y+1
        return dt.date(y, first, 1), _month_end(y + 1, last)
    return dt.date(y, first, 1), _month_end(y, last)


def _nearest(rel: str, p: dt.date | None, span: Callable[[int], tuple[dt.date, dt.date]],
             precision: DatePrecision, text: str) -> EventDate:
    """A season told relative to the publication: "last" is the latest one over before it
    ("last winter" in March is the one just ended), "next" the first one after it, "this"
    the one under way or of its year."""
    if p is None:
        return EventDate(text=text, precision=DatePrecision.unknown)
    years = range(p.year - 2, p.year + 2)
    if rel in ("last", "past"):
        lo, hi = max((span(y) for y in years if span(y)[1] < p), key=lambda s: s[0])
    elif rel == "next":
        lo, hi = min((span(y) for y in years if span(y)[0] > p), key=lambda s: s[0])
    else:
        lo, hi = next((s for s in map(span, years) if s[0] <= p <= s[1]), span(p.year))
    return _make(lo, hi, precision, text)


def _season(g: dict[str, Any], p: dt.date | None, text: str) -> EventDate | None:
    """ "last spring", "the summer of 2004"; a season with neither is no date ("a winter
    offensive", "the fall of the city")."""
    name = g["sn"].lower()
    if g["sy"]:
        lo, hi = _season_span(name, int(g["sy"]))
        return _make(lo, hi, DatePrecision.range, text)
    if not g["srel"]:
        return None
    return _nearest(g["srel"].lower(), p, lambda y: _season_span(name, y), DatePrecision.range,
                    text)


def _relative(rel: str, p: dt.date, text: str) -> EventDate:
    day = dt.timedelta(days=1)
    week_start = p - dt.timedelta(days=p.weekday())
    if rel in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return _make(p, p, DatePrecision.day, text)
    if rel in ("yesterday", "last night"):
        return _make(p - day, p - day, DatePrecision.day, text)
    if rel == "overnight":  # the night before publication: news writes it of the last night
        return _make(p - day, p, DatePrecision.range, text)
    if rel == "the day before yesterday":
        return _make(p - 2 * day, p - 2 * day, DatePrecision.day, text)
    if rel == "tomorrow":
        return _make(p + day, p + day, DatePrecision.day, text)
    if rel in ("this week", "earlier this week"):
        return _make(week_start, p, DatePrecision.week, text)
    if rel == "later this week":
        return _make(p, week_start + 6 * day, DatePrecision.week, text)
    if rel in ("last week", "past week"):
        return _make(week_start - 7 * day, week_start - day, DatePrecision.week, text)
    if rel == "next week":
        return _make(week_start + 7 * day, week_start + 13 * day, DatePrecision.week, text)
    if rel == "over the weekend":  # the weekend just gone (or under way)
        sat = week_start + 5 * day
        sat = sat if p >= sat else sat - 7 * day
        return _make(sat, sat + day, DatePrecision.range, text)
    if rel in ("this weekend", "last weekend", "past weekend", "next weekend"):
        sat = week_start + 5 * day
        if rel == "next weekend" or (rel == "this weekend" and p < sat):
            sat = sat if rel == "this weekend" else sat + 7 * day
        elif p < sat or rel != "this weekend":
            sat -= 7 * day
        return _make(sat, sat + day, DatePrecision.range, text)
    if rel in ("this month", "earlier this month"):
        return _make(p.replace(day=1), p, DatePrecision.range, text)
    if rel == "later this month":
        return _make(p, _month_end(p.year, p.month), DatePrecision.range, text)
    if rel in ("last month", "past month"):
        prev = p.replace(day=1) - day
        return _make(prev.replace(day=1), prev, DatePrecision.month, text)
    if rel == "next month":
        nxt = _month_end(p.year, p.month) + day
        return _make(nxt, _month_end(nxt.year, nxt.month), DatePrecision.month, text)
    if rel in ("this year", "earlier this year"):
        return _make(dt.date(p.year, 1, 1), p, DatePrecision.range, text)
    if rel in ("last year", "past year"):
        return _make(dt.date(p.year - 1, 1, 1), dt.date(p.year - 1, 12, 31), DatePrecision.year,
                     text)
    if rel == "next year":
        return _make(dt.date(p.year + 1, 1, 1), dt.date(p.year + 1, 12, 31), DatePrecision.year,
                     text)
    if "days" in rel:
        return _make(p - 7 * day, p, DatePrecision.range, text)
    if "weeks" in rel:
        return _make(p - 28 * day, p, DatePrecision.range, text)
    return EventDate(text=text, precision=DatePrecision.unknown)


@lru_cache(maxsize=2048)
def _dateparser(text: str, published: dt.date | None) -> dt.date | None:
    """Last resort for absolute dates the rules miss (imported lazily: it is slow to load)."""
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is a core dependency
        return None
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["month", "day"]}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    try:
        got = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return got.date() if got else None


def resolve_date(text: str, published: dt.date | None) -> EventDate:
    """A date phrase ("on Thursday", "late October", "since October 7") → EventDate.
    Without a publication date: `precision: unknown`, never today's date."""
    phrase = text.strip()
    m = _RX.search(phrase)
    if m is not None:
        ed = _resolve_match(m, published, phrase)
        if ed is not None:
            if re.match(r"(?i)since\b", phrase):
                return _since(ed, published, phrase)
            return ed
    # dateparser only for numeric dates ("11/09/2023"): the rules cover worded ones, and its
    # first call costs ~1 s.
    if published is not None and _NUMERIC_DATE.search(phrase):
        d = _dateparser(re.sub(rf"(?i)^{_PREP}", "", phrase), published)
        if d is not None:
            return _make(d, d, DatePrecision.day, phrase)
    return EventDate(text=phrase or None, precision=DatePrecision.unknown)


def publication_date(published: dt.date | None) -> EventDate:
    """The default date of a news event: the publication day."""
    if published is None:
        return EventDate(precision=DatePrecision.unknown)
    d = published.isoformat()
    return EventDate(start=d, end=d, precision=DatePrecision.day)


def _prep_window(text: str, start: int) -> int:
    """Where a preposition ending at `start` (_WITH_PREP) can begin: its word (at most six
    characters) and the white space after it, or "as … of" and the white space between.
    Searching from there finds what a search from 0 finds (no match can begin earlier; `\b`
    reads the character before the window), without trying every position of the text."""
    k = start
    while k > 0 and text[k - 1].isspace():
        k -= 1
    lo = k - 6
    j = k - 2  # "as of": before an "of", its white space and a two-letter word
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return max(0, min(lo, j - 2))


def find_dates(span: Union["Span", "Doc"], published: dt.date | None
               ) -> list[tuple[int, int, EventDate]]:
    """Every date phrase in a span: (start_char, end_char, EventDate), in text order.
    The phrase includes a leading preposition ("on Thursday", "since October 7")."""
    from .coref import doc_text

    base = span.start_char if hasattr(span, "start_char") else 0
    doc = getattr(span, "doc", None)
    if doc is None or not hasattr(doc, "user_data"):
        text = span.text
    elif hasattr(span, "end_char"):  # slice the cached text instead of rejoining tokens
        text = doc_text(doc)[base:span.end_char]
    else:
        text = doc_text(doc)
    out: list[tuple[int, int, EventDate]] = []
    if not _maybe_date(text):
        return out
    told: tuple[int, int] | None = None  # (year, month) of the last date told with its year
    for m in _date_matches(text):
        start, end = m.start(), m.end()
        if m.lastgroup not in ("bare_month", "year"):
            pm = _WITH_PREP.search(text, _prep_window(text, start), start)
            if pm is not None and pm.end() == start:
                start = pm.start()
        phrase = text[start:end]
        ed = _resolve_match(m, published, phrase)
        if ed is None:
            continue
        year_group = _YEARLESS.get(m.lastgroup or "", "-")
        if year_group != "-" and ed.start and not (year_group and m.group(year_group)):
            ed = _in_told_year(ed, told, published)
        elif m.lastgroup in _YEARLESS or m.lastgroup in ("iso", "month_year", "year") or (
                m.lastgroup == "season" and m.group("sy")):  # "in the summer of 2004"
            if ed.start:
                told = (int(ed.start[:4]), int(ed.start[5:7]))
        if re.match(r"(?i)since\b", phrase):
            ed = _since(ed, published, phrase)
        out.append((base + start, base + end, ed))
    return out


# patterns whose year is optional → the group holding it
_YEARLESS: dict[str, str | None] = {"dmy": "dy", "mdy": "my", "part_month": "py", "range_dmy": "ry",
                                    "bare_month": None}


def _in_told_year(ed: EventDate, told: tuple[int, int] | None,
                  published: dt.date | None) -> EventDate:
    """ "She traveled there in May 2023 and was detained in early June": a month told without
    its year after one told with it is in that year (the next one if the month comes before
    it: the story moves forward), unless that would be after the publication."""
    if told is None or not ed.start or not ed.end:
        return ed
    year, month = told
    start = dt.date.fromisoformat(ed.start)
    y = year if start.month >= month else year + 1
    if y == start.year:
        return ed
    try:
        lo, hi = start.replace(year=y), dt.date.fromisoformat(ed.end).replace(year=y)
    except ValueError:  # 29 February
        return ed
    if published is not None and lo > published:
        return ed
    return _make(lo, hi, ed.precision, ed.text or "")


# A day told relative to an earlier date of the story ("the following day", "two days
# later"), not to the publication day: resolved by the caller against that date.
_ANCHORED = re.compile(
    r"\b(?i:the\s+(?P<next>following|next)\s+day|(?P<num>a|one|two|three|four|five|six|seven|\d)"
    r"\s+days?\s+later|the\s+(?:previous\s+day|day\s+before)(?=\s*[,.;]|\s+(?:and|when)\b)"
    r"|(?:later|earlier)\s+that\s+day|(?:that|the)\s+same\s+day|hours\s+later)\b")


def anchored_days(text: str) -> list[tuple[int, int, int]]:
    """Phrases that date something relative to an earlier date of the text: (start, end,
    days after that date) — "the following day" +1, "two days later" +2, "the previous day"
    −1, "later that day" 0."""
    return list(_anchored_days(text))  # each predicate of a sentence asks for its sentence


@lru_cache(maxsize=1024)
def _anchored_days(text: str) -> tuple[tuple[int, int, int], ...]:
    out: list[tuple[int, int, int]] = []
    if _FOLDS.search(text) is None:  # else the pattern's case folding decides
        low = text.lower()
        if "day" not in low and "hours" not in low:
            return ()  # every phrase holds "day" or "hours": no need for the pattern
    for m in _ANCHORED.finditer(text):
        phrase = m.group(0).lower()
        if m.group("next"):
            days = 1
        elif m.group("num"):
            n = m.group("num").lower()
            days = int(n) if n.isdigit() else _NUMBER_WORDS[n]
        elif "previous" in phrase or "before" in phrase:
            days = -1
        else:
            days = 0
        out.append((m.start(), m.end(), days))
    return tuple(out)


def shift(ed: EventDate, days: int, text: str) -> EventDate | None:
    """A day-precision date moved by `days` ("the following day" of Saturday), or None."""
    if ed.precision != DatePrecision.day or not ed.start:
        return None
    d = dt.date.fromisoformat(ed.start) + dt.timedelta(days=days)
    return _make(d, d, DatePrecision.day, text)


def _distance(tok: "Token", target: "Token") -> int:
    """Dependency steps from tok up to target (large when target is not an ancestor)."""
    steps, cur = 0, tok
    while cur.i != target.i:
        if cur.head.i == cur.i or steps > 30:
            return 50 + abs(tok.i - target.i)
        cur, steps = cur.head, steps + 1
    return steps


def find_date_in(span_or_sent: Union["Span", "Doc", "Token"], published: dt.date | None
                 ) -> EventDate | None:
    """The date phrase governing a clause: of the date phrases in it, the one closest
    (in dependency steps) to the clause's root — or to the given predicate token."""
    from spacy.tokens import Token

    span: "Span | Doc"
    target: "Token | None"
    if isinstance(span_or_sent, Token):
        target, span = span_or_sent, sentence_of(span_or_sent.doc, span_or_sent.i)
    else:
        span = span_or_sent
        target = span.root if hasattr(span, "root") else None
    found = find_dates(span, published)
    if not found:
        return None
    if target is None or len(found) == 1:
        return found[0][2]
    doc = target.doc
    best, best_cost = None, None
    for start, end, ed in found:
        toks = doc.char_span(start, end, alignment_mode="expand")
        if toks is None or len(toks) == 0:
            continue
        cost = min(_distance(t, target) for t in toks)
        if best_cost is None or cost < best_cost:
            best, best_cost = ed, cost
    return best if best is not None else found[0][2]


__all__ = ["anchored_days", "find_date_in", "find_dates", "publication_date", "resolve_date",
           "shift"]
