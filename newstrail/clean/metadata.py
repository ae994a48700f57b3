"""Title, dek, byline, outlet, publication date and language from the text and the input's fields.

Dates are never invented: a date comes from the input's metadata, from a header line that
is nothing but a date, or (for HTML) from htmldate; otherwise it is absent.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .patterns import APPEARED_FIRST_RE, REPORTS_TAIL_RE

if TYPE_CHECKING:
    from .boilerplate import LineInfo

__all__ = [
    "DEK_MAX_WORDS",
    "find_outlet",
    "is_date_line",
    "normalise_date",
    "outlet_from_url",
    "parse_date_line",
    "split_dek",
    "strip_glued_title",
]

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_PREFIX = r"(?:(?:published|posted|updated|last updated|date)\s*(?:on)?\s*:?\s*)?"
_TIME = r"(?:\s*(?:[,|•·-]|at)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}|\s*GMT[+-]?\d*)?)?"
# Hand-written instead of dateparser: a *line* counts only if it is a date and nothing
# else, and dateparser's fuzzy parsing finds dates in "3 mins read" or "Episode 12".
_DATE_LINE_RES = [
    re.compile(rf"^{_PREFIX}{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>(?:19|20)\d\d){_TIME}$", re.I),
    re.compile(rf"^{_PREFIX}{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d){_TIME}$", re.I),
    re.compile(rf"^{_PREFIX}(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)(?:[T ]\d\d:\d\d(?::\d\d)?\S*)?$", re.I),
]

# Deks (standfirsts) are one or two sentences; a longer unfinished line is a list or a paragraph.
DEK_MAX_WORDS = 60
DEK_MIN_WORDS = 6


def parse_date_line(text: str) -> str | None:
    """ISO date of a line that is only a date ("Friday 21 January 2022", "Jan 12, 2022"), else None."""
    line = text.strip().strip("|•·").strip()
    if len(line) > 60:
        return None
    for pattern in _DATE_LINE_RES:
        match = pattern.match(line)
        if match:
            fields = match.groupdict()
            month = int(fields["mnum"]) if fields.get("mnum") else _MONTHS[fields["month"].lower()]
            try:
                return _dt.date(int(fields["year"]), month, int(fields["day"])).isoformat()
            except ValueError:
                return None
    return None


def is_date_line(text: str) -> bool:
    return parse_date_line(text) is not None


def normalise_date(value: str | None) -> str | None:
    """ISO date (YYYY-MM-DD) of a metadata date field, or None if it is not a full date."""
    if not value:
        return None
    match = re.match(r"\s*((?:19|20)\d\d)-(\d\d)-(\d\d)", value)
    if match:
        try:
            return _dt.date(*map(int, match.groups())).isoformat()
        except ValueError:
            return None
    return parse_date_line(value)


def split_dek(info: LineInfo, title: LineInfo) -> bool:
    """Is ``info``, the first line after the title, a dek (standfirst)?

    A dek is a one-sentence summary that, unlike a paragraph, is usually left without a
    final full stop; a line that repeats the title is not one.
    """
    if info.widget or info.truncated or not DEK_MIN_WORDS <= info.words <= DEK_MAX_WORDS:
        return False
    if info.norm and info.norm == title.norm:
        return False
    return not info.ends_sentence


def strip_glued_title(dek: str, title: str | None) -> str:
    """A dek with the headline glued to its end by the scraper ("… has saidTalks with …"), without it."""
    if title and dek.endswith(title.strip()) and len(dek.strip()) > len(title.strip()) + 10:
        return dek[: len(dek) - len(title.strip())].rstrip()
    return dek


def outlet_from_url(url: str | None) -> str | None:
    """The site's host without "www." (e.g. "example-news.com"), or None."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    host = host.removeprefix("www.")
    return host or None


def find_outlet(lines: list[str]) -> str | None:
    """Outlet named by the text itself: "The post … appeared first on X." or a "…reports X" tail."""
    for line in lines:
        match = APPEARED_FIRST_RE.search(line.strip())
        if match:
            return match.group("outlet").strip()
    for line in lines:
        match = REPORTS_TAIL_RE.search(line.strip())
        if match:
            return match.group("outlet").strip()
    return None
