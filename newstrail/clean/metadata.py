"""Title, dek, byline, outlet, publication date and language from the text and the input's fields.

Dates are never invented: a date comes from the input's metadata, from a header line that
is a date or holds one among other fields ("WORLD | March 5, 2031 | 4:52 PM"), from an agency
dateline ("CITY, March 5 (Agency) -") whose year a header date gives, or (for HTML) from the
page's markup; otherwise it is absent.

Outlets are named by the input, the page's markup, or the text: a masthead line, a copyright
line, a by-line with the outlet after a separator, "appeared first on", an agency dateline or a
"... reports X" tail (see :func:`find_outlet`).
"""

from __future__ import annotations

import datetime as _dt
import email.utils
import logging
import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .patterns import APPEARED_FIRST_RE, REPORTS_TAIL_RE

if TYPE_CHECKING:
    from .boilerplate import LineInfo

log = logging.getLogger("newstrail.clean")

__all__ = [
    "DEK_MAX_WORDS",
    "agency_dateline",
    "dateline_spans",
    "date_from_dateline",
    "find_outlet",
    "header_date",
    "masthead",
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
# Numeric dates "18/03/2031", "3.4.2031": the order of day and month is read from the values
# (see _numeric_date); dots are day-first wherever they are used.
_NUMERIC_DATE_RE = re.compile(
    rf"^{_PREFIX}{_WEEKDAY}(?P<a>\d{{1,2}})(?P<sep>[/.])(?P<b>\d{{1,2}})(?P=sep)(?P<year>(?:19|20)\d\d){_TIME}$", re.I
)
# Fields of a header line: "SECTION | March 5, 2031 | 4:52 PM UTC | Updated 2 hours ago".
_FIELD_SEP = re.compile(r"\s*[|•·—–]\s*|\s+-\s+")
# A date field may end with its author: "Posted April 7, 2031 by Ruth Amersham".
_BY_TAIL = re.compile(r"\s+by\s+\S.*$", re.I)
_UPDATED = re.compile(r"^\W*(?:last\s+)?(?:updated|modified|edited)\b", re.I)
# Header lines with more than this many fields or characters are menus or prose, not headers.
HEADER_MAX_FIELDS = 8
HEADER_MAX_CHARS = 200
# Agency datelines open a wire story: "BRENNHALT, March 5 (Riverline) -", "LONDON (AP) —".
_AGENCY_DATELINE_RE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ -]{1,30})?),?\s+"
    rf"(?:(?i:{_MONTH}\s+(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\s+{_MONTH.replace('month', 'month2')})\s*)?"
    r"\((?P<outlet>[A-Z][\w&.'’ -]{0,40}?)\)\s*[-–—]",
)

# Deks (standfirsts) are one or two sentences; a longer unfinished line is a list or a paragraph.
DEK_MAX_WORDS = 60
DEK_MIN_WORDS = 6


def _numeric_date(line: str) -> str | None:
    """ISO date of "18/03/2031" or "18.03.2031"; None when day and month cannot be told apart.

    Slashes are day-first in most of the world and month-first in the US; only a value over
    12 settles it ("18/03" is 18 March, "03/18" is 18 March), so "03/04/2031" gives None
    rather than a guess. Dots are day-first everywhere they are used.
    """
    match = _NUMERIC_DATE_RE.match(line)
    if not match:
        return None
    a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
    if match["sep"] == "." or a > 12 or a == b:
        day, month = a, b
    elif b > 12:
        day, month = b, a
    else:
        return None
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date_line(text: str) -> str | None:
    """ISO date of a line that is only a date ("Friday 21 January 2022", "Jan 12, 2022",
    "Published: 18/03/2031 19:10"), else None."""
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
    return _numeric_date(line)


def is_date_line(text: str) -> bool:
    return parse_date_line(text) is not None


def header_date(text: str) -> tuple[str, bool] | None:
    """(ISO date, is it an update?) of a header line that is a date or holds one among its fields.

    The line is split on separators (| • · — – and " - "), each field read on its own, and a
    trailing "by NAME" dropped ("Posted April 7, 2031 by ..."). With several dates the
    earliest is taken (publication before update); the flag says whether that field was an
    "Updated ..." one.
    """
    line = text.strip()
    if not line or len(line) > HEADER_MAX_CHARS:
        return None
    whole = parse_date_line(line)
    if whole:
        return whole, bool(_UPDATED.match(line))
    fields = [f for f in _FIELD_SEP.split(line) if f and f.strip()]
    if len(fields) > HEADER_MAX_FIELDS:
        return None
    found: list[tuple[str, bool]] = []
    for field in fields:
        date = parse_date_line(field) or parse_date_line(_BY_TAIL.sub("", field))
        if date:
            found.append((date, bool(_UPDATED.match(field))))
    return min(found) if found else None


_DATELINE_AT_LINE_START = re.compile(_AGENCY_DATELINE_RE.pattern, re.MULTILINE)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each agency dateline that opens a line of ``text`` (the end just after
    its dash; the start may take in blank space before it)."""
    if "(" not in text:  # every dateline names its agency in brackets; most texts have none
        return []
    return [m.span() for m in _DATELINE_AT_LINE_START.finditer(text)]


def agency_dateline(text: str) -> tuple[int | None, int | None, str] | None:
    """(month, day, agency) of a wire dateline opening a paragraph, e.g. "CITY, March 5 (Agency) -";
    month and day are None when the dateline has no date ("LONDON (AP) -")."""
    match = _AGENCY_DATELINE_RE.match(text)
    if not match:
        return None
    month_name = match["month"] or match["month2"]
    day = match["day"] or match["day2"]
    month = _MONTHS[month_name.lower()] if month_name else None
    return month, (int(day) if day else None), match["outlet"].strip()


def date_from_dateline(month: int, day: int, header_iso: str) -> str | None:
    """The dateline's day in the year of a header date: the latest such day not after it.

    A wire story is filed on its dateline's day and its page may show a later (update) date,
    so "March 5" under a header of 6 March 2031 is 2031-03-05, and "December 31" under
    1 January 2032 is 2031-12-31.
    """
    ref = _dt.date.fromisoformat(header_iso)
    for year in (ref.year, ref.year - 1):
        try:
            candidate = _dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= ref:
            return candidate.isoformat()
    return None


def normalise_date(value: str | None) -> str | None:
    """ISO date (YYYY-MM-DD) of a metadata date field, or None if it is not a full date.

    Cheap forms first (ISO, a date line, RFC 822 "Fri, 28 Mar 2031 14:00:00 GMT" as feeds
    and e-mail write it), then dateparser for the rest, asked for a full date (day, month
    and year) so "March 2031" or "yesterday" give None. The date is the one written, in its
    own time zone (a feed's "23:30 -0500" is that day where it was published).
    """
    if not value or not value.strip():
        return None
    value = value.strip()
    match = re.match(r"\s*((?:19|20)\d\d)-(\d\d)-(\d\d)", value)
    if match:
        try:
            return _dt.date(*map(int, match.groups())).isoformat()
        except ValueError:
            return None
    if _NUMERIC_DATE_RE.match(value):  # day/month order decided there, not guessed by dateparser
        return _numeric_date(value)
    found = parse_date_line(value) or header_date(value)
    if found:
        return found if isinstance(found, str) else found[0]
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    return _dateparser_date(value)


def _dateparser_date(value: str) -> str | None:
    """dateparser's reading of a metadata field, only if it names a day, a month and a year."""
    if len(value) > 80 or not re.search(r"\d", value):
        return None
    try:
        import dateparser

        parsed = dateparser.parse(
            value, settings={"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True,
                             "PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"}
        )
    except Exception as exc:  # guarded: a library failure is a missing date, not a crash
        log.warning("dateparser failed on %r: %s", value[:80], exc)
        return None
    return parsed.date().isoformat() if parsed else None


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


# Words of section labels and menus ("WORLD NEWS", "Home", "Politics"): a masthead made
# only of these is a section, not an outlet.
_SECTION_WORDS = frozenset(
    "home news world politics business sport sports opinion region regional local national international "
    "economy markets money tech technology science health culture arts entertainment lifestyle travel "
    "latest breaking top stories story menu search video videos live more weather features analysis comment "
    "comments blog blogs main front page us uk europe asia africa americas middle east & and the of".split()
)
# Words that may stay lower case inside a name ("Freight & Harbour Weekly", "The Voice of X").
_NAME_LINKS = frozenset("& and of the for de la le du des del der di von y on".split())
# Roles after a by-line name ("By X, Diplomatic Correspondent"): not an outlet.
_ROLE_WORDS = frozenset(
    "correspondent reporter editor writer staff contributor columnist journalist producer analyst "
    "desk team bureau chief senior associate deputy political diplomatic business".split()
)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.&-]*|\d+[A-Za-z][\w'’-]*|&)$")
_MASTHEAD_SEP = re.compile(r"\s*[|•·—–]\s*|\s+[-:]\s+|:\s+")
_BREADCRUMB = re.compile(r"\S\s*(?:>|»|›|/)\s*\S")
_COPYRIGHT_RE = re.compile(
    r"^\W{0,3}(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:(?P<year>(?:19|20)\d\d)(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*,?\s*)?"
    r"(?P<name>[A-Z0-9][^.|,;©]{1,60}?)\s*(?:,?\s*(?P<year2>(?:19|20)\d\d))?\s*(?:[.|,;]|all rights|$)",
    re.IGNORECASE,
)
_CORPORATE_TAIL = re.compile(r"(?:,?\s+(?:ltd|limited|inc|llc|plc|gmbh|s\.?a|corp(?:oration)?)\.?)+$", re.I)
_BYLINE_FIELDS = re.compile(r"^\s*by\s+(?P<rest>.+)$", re.I)
# How far into the text a masthead may sit (lines, blank ones included).
MASTHEAD_MAX_LINE = 6


def _name_like(text: str, max_words: int = 5) -> bool:
    """1-5 words, each capitalised (or a linking word), no sentence punctuation: a proper name."""
    words = text.split()
    if not 0 < len(words) <= max_words or len(text) > 50 or text.endswith((".", "!", "?", ",")):
        return False
    if parse_date_line(text) or not any(ch.isalpha() for ch in text):
        return False
    if all(w.casefold().strip("&") in _SECTION_WORDS or w == "&" for w in words):
        return False
    return _NAME_WORD.match(words[0]) is not None and all(
        _NAME_WORD.match(w) or w.casefold() in _NAME_LINKS for w in words
    )


def _tidy_name(name: str) -> str:
    """An outlet name as written, but "MARROWGATE EVENING ECHO" as "Marrowgate Evening Echo"
    (acronyms of up to three letters, like "BBC", stay in capitals)."""
    name = " ".join(name.split()).strip(" -–—:|·•")
    letters = [ch for ch in name if ch.isalpha()]
    if len(name.split()) >= 2 and letters and all(ch.isupper() for ch in letters):
        words = []
        for i, word in enumerate(name.split()):
            low = word.casefold()
            if low in _NAME_LINKS and i:
                words.append(low)
            elif len(word) <= 3 and low not in _NAME_LINKS:
                words.append(word)
            else:
                words.append(word[:1] + word[1:].lower())
        name = " ".join(words)
    return name


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.casefold())


def masthead(lines: list[str], title: str | None = None, url: str | None = None) -> tuple[int, str] | None:
    """(line index, outlet name) of the outlet's name on the first line of the text, when
    something confirms it is one.

    The first line of a scraped page is often the site's name, but also a section label
    ("Russia & World") or the headline, so a name-like first field counts only with one of:
    a tagline after it ("X - all the news", "X: a blog about ...") and the headline on the
    next line, a menu after it
    ("X | Ports | Shipping | Jobs"), capitals ("THE X ECHO"), a breadcrumb on the next line
    ("News > Local"), its name again further down (credits, "Subscribe to the X"), or the
    URL's host spelling it.
    """
    nonblank = [(i, ln.strip()) for i, ln in enumerate(lines[:MASTHEAD_MAX_LINE + 1]) if ln.strip()]
    if not nonblank:
        return None
    at, first = nonblank[0]
    if title and " ".join(first.split()).casefold() == " ".join(title.split()).casefold():
        return None
    fields = [f for f in _MASTHEAD_SEP.split(first) if f.strip()]
    name = fields[0].strip() if fields else ""
    if not _name_like(name):
        return None
    rest = first[first.index(name) + len(name):]
    confirmed = False
    if rest.strip():
        sep = _MASTHEAD_SEP.match(rest)
        after = rest[sep.end():].strip() if sep else ""
        # "X: what we know" is a headline: a tagline needs the headline on a line of its own
        # next, one that does not name X
        following = nonblank[1][1] if len(nonblank) > 1 else ""
        headline_next = 3 <= len(following.split()) <= 25 and not following.endswith(".")
        tagline = (
            bool(after) and after[:1].islower() and len(after.split()) >= 3
            and headline_next and name.casefold() not in following.casefold()
        )
        menu = len(fields) >= 3 and all(len(f.split()) <= 3 for f in fields[1:])
        confirmed = tagline or menu
    else:
        words = name.split()
        upper = len(words) >= 2 and all(ch.isupper() for ch in name if ch.isalpha())
        crumb = len(nonblank) > 1 and bool(_BREADCRUMB.search(nonblank[1][1])) and len(nonblank[1][1].split()) <= 8
        # the name again inside a longer line (a credit, "Subscribe to the X"), not the same
        # line repeated (a headline shown twice)
        norm = " ".join(first.split()).casefold()
        later = "\n".join(ln for ln in lines[at + 1:] if " ".join(ln.split()).casefold() != norm).casefold()
        tail = " ".join(words[1:]) if len(words) >= 3 else name
        again = tail.casefold() in later if len(tail) >= 6 else False
        host = outlet_from_url(url)
        in_host = bool(host) and len(_squash(name)) >= 5 and _squash(name.removeprefix("The ")) in _squash(host or "")
        confirmed = upper or crumb or again or in_host
    return (at, _tidy_name(name)) if confirmed else None


def _copyright_outlet(line: str) -> str | None:
    """"(c) 2031 The X Herald. All rights reserved." -> "The X Herald" (a year is required, so a
    photo credit "© Agency" is not taken for the publisher)."""
    match = _COPYRIGHT_RE.match(line.strip())
    if not match or not (match["year"] or match["year2"]):
        return None
    name = _CORPORATE_TAIL.sub("", match["name"].strip())
    return _tidy_name(name) if _name_like(name, max_words=6) else None


def _byline_outlet(line: str) -> str | None:
    """"By NAME | OUTLET" -> OUTLET (a role such as "Staff Reporter" is not an outlet)."""
    match = _BYLINE_FIELDS.match(line.strip())
    if not match or len(line) > 120:
        return None
    fields = [f.strip() for f in re.split(r"\s*[|•·—–/]\s*|\s+-\s+", match["rest"]) if f.strip()]
    for field in fields[1:]:
        words = field.casefold().split()
        if _name_like(field) and not any(w in _ROLE_WORDS for w in words) and not header_date(field):
            return _tidy_name(field)
    return None


def find_outlet(lines: list[str], title: str | None = None, url: str | None = None) -> str | None:
    """Outlet named by the text itself, by the most specific evidence first.

    1. the masthead at the top of the page (see :func:`_masthead`): the site that shows the
       text, so it wins over the traces of where the text came from;
    2. a copyright line, "(c) 2031 The X Herald" (the publisher of the page);
    3. a by-line with the outlet after a separator, "By NAME | OUTLET";
    4. "The post … appeared first on X." (the feed the text was taken from);
    5. an agency dateline, "CITY, March 5 (Agency) -" (the wire that wrote it);
    6. a "…reports X" tail that wire re-publishers glue to a summary.
    """
    top = masthead(lines, title, url)
    if top:
        return top[1]
    for reader in (_copyright_outlet, _byline_outlet):
        for line in lines:
            found = reader(line)
            if found:
                return found
    for line in lines:
        match = APPEARED_FIRST_RE.search(line.strip())
        if match:
            return match.group("outlet").strip()
    for line in lines:
        dateline = agency_dateline(line)
        if dateline:
            return dateline[2]
    for line in lines:
        match = REPORTS_TAIL_RE.search(line.strip())
        if match:
            return match.group("outlet").strip()
    return None
