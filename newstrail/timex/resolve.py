"""Resolution: one function per rule turns a match into a TIMEX3 value from anchor and tense.

Also the selection of matches (longest first, refused matches give way) and the public
``time_expressions`` / ``resolve_all``.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from .grammar import (
    _NOT_YEAR_AFTER,
    _NOT_YEAR_BEFORE,
    DAY_ORDINALS,
    HOUR_WORDS,
    F,
    MONTHS,
    NUMBERS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
    year_number,
    _Match,
    candidates,
)
from .tense import doc_tense, heuristic_tense

Date = dt.date
Found = tuple[int, int, str, str]  # (start, end, TIMEX3 value, type)
_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
_QUARTER_FULL = re.compile(r"\d{4}-Q[1-4]")  # with fullmatch: a quarter value ("2022-Q3")
_UNDATED_DAY = re.compile(r"X{4}-[\dX]{2}-\d\d")  # with fullmatch: a day of an unknown year
_MONTH_VALUE = re.compile(r"\d{4}-[01]\d")  # with fullmatch: a month ("2022-10")


# --------------------------------------------------------------------------- anchors and values


@dataclass(slots=True)
class _Ctx:
    """What resolution needs: the anchor, a tense function and the last date mentioned."""

    text: str
    dct: Date | None
    tense: Callable[[str, int, int], str | None]
    last: str | None = None  # value of the last fully resolved DATE (for "the same day")
    quarter: str | None = None  # the last quarter of the year named by number ("the third quarter")
    year: str | None = None  # the year of the last DATE or TIME of a known year ("in 1985 ... that year")
    year_last: bool = False  # whether the last date named was a bare year ("in 1997 ... a year earlier")
    probe: bool = False  # recognition only: refuse on the text alone, never on the context


def _parse_date(value: str | None) -> Date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _fmt_week(d: Date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter(d: Date) -> int:
    return (d.month - 1) // 3 + 1


def _shift_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _num(word: str | None) -> float | None:
    """A count from digits or words ("two", "twenty-four", "a couple of"); None when vague."""
    if not word:
        return None
    w = re.sub(r"\s+", " ", word.lower().strip())
    w = re.sub(r"-and-a-half$", " and a half", w)  # "two-and-a-half years"
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", w):
        w = w.replace(",", "")  # "1,500"
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    mixed = re.fullmatch(r"(\d+) ([13])/([24])", w)
    if mixed:
        return int(mixed[1]) + int(mixed[2]) / int(mixed[3])
    if w.endswith(" and a half") and w not in NUMBERS:
        whole = _num(w[: -len(" and a half")])
        return None if whole is None else whole + 0.5
    if w in NUMBERS:
        return NUMBERS[w]
    parts = re.split(r"[\s-]+", w)
    if all(p in NUMBERS for p in parts):
        total = 0.0
        for p in parts:
            total = total * NUMBERS[p] if NUMBERS[p] == 100 else total + NUMBERS[p]
        return total
    return None


@functools.lru_cache(maxsize=1024)  # a small vocabulary, asked for on every resolution
def _unit(word: str) -> str:
    w = word.lower()
    return w[:-1] if w.endswith("s") and w[:-1] in UNITS else ("century" if w.startswith("centur") else w)


def _duration(n: float | None, unit: str) -> str:
    """TIMEX3 duration: P3D, PT4H, P2Y, PXM; decades and centuries as years (P40Y, P100Y)."""
    letter, is_time, mult = UNITS[_unit(unit)]
    if n is not None and letter == "DE":
        n, letter = n * 10, "Y"
    elif n is not None and letter == "CE":
        n, letter = n * 100, "Y"
    elif letter == "Q":  # TimeML writes quarters as months (P9M for "three quarters")
        n, letter = (n * 3 if n is not None else None), "M"
    if n is None:
        # decades are counted in years (P40Y), so a vague number of them is PXY too
        return ("PT" if is_time else "P") + "X" + ("Y" if letter == "DE" else letter)
    n = n * mult
    if not float(n).is_integer() and (letter, is_time) in _SMALLER:
        # "5 1/2 hours" is PT5H30M: ISO 8601 writes the fraction in the next smaller unit
        small, per, small_is_time = _SMALLER[(letter, is_time)]
        whole, part = int(n), (n - int(n)) * per
        if float(part).is_integer():
            head = ("PT" if is_time else "P") + (f"{whole}{letter}" if whole else "")
            if small_is_time and not is_time:
                head += "T"
            return head + f"{int(part)}{small}"
    amount = str(int(n)) if float(n).is_integer() else str(n)
    return ("PT" if is_time else "P") + amount + letter


# (duration letter, is a time unit) -> (next smaller unit's letter, how many make one, whether
# that one is a time unit); a month has no whole number of days, so "1.5 months" stays P1.5M
_SMALLER = {("Y", False): ("M", 12, False), ("W", False): ("D", 7, False), ("D", False): ("H", 24, True),
            ("H", True): ("M", 60, True), ("M", True): ("S", 60, True)}


def _shift(value: str, n: int, unit: str) -> str:
    """Move a DATE value by n units, keeping its granularity (day, week, month, quarter, year)."""
    unit = _unit(unit)
    d = _parse_date(value)
    if d is not None and len(value) >= 10:
        if unit in ("day", "night"):
            return (d + dt.timedelta(days=n)).isoformat()
        if unit in ("week", "fortnight"):
            return (d + dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1))).isoformat()
        months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit, 0)
        y, m = _shift_months(d.year, d.month, n * months)
        return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1])).isoformat()
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if m:
        per = {"quarter": 1, "year": 4, "month": 0}.get(unit, 0)
        k = int(m.group(1)) * 4 + int(m.group(2)) - 1 + n * per
        return f"{_calendar_year(k // 4)}-Q{k % 4 + 1}"
    m = re.fullmatch(r"(\d{4})-(\d\d)", value)
    if m:
        months = {"month": 1, "quarter": 3, "year": 12}.get(unit, 0)
        y, mo = _shift_months(int(m.group(1)), int(m.group(2)), n * months)
        return f"{_calendar_year(y):04d}-{mo:02d}"
    m = re.fullmatch(r"(\d{4})", value)
    if m:
        years = {"year": 1, "decade": 10, "century": 100}.get(unit, 0)
        return f"{_calendar_year(int(value) + n * years):04d}"
    return value


def _calendar_year(year: int) -> int:
    """The year, if a four-digit TIMEX3 year can write it; else the ValueError dates raise."""
    if not 1 <= year <= 9999:
        raise ValueError(f"year {year} is out of range")
    return year


def _granular(d: Date, unit: str) -> str:
    """A date written at the granularity of a unit (what "two years ago" means: a year)."""
    unit = _unit(unit)
    if unit in ("day", "night", "hour", "minute", "second"):
        return d.isoformat()
    if unit in ("week", "fortnight"):
        return _fmt_week(d)
    if unit == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "quarter":
        return f"{d.year:04d}-Q{_quarter(d)}"
    if unit == "decade":
        return f"{d.year // 10:03d}"
    if unit == "century":
        return f"{d.year // 100:02d}"
    return f"{d.year:04d}"


_MONTHS_IN = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}


def _offset_date(d: Date, n: int, unit: str) -> Date:
    unit = _unit(unit)
    if unit in ("day", "night"):
        return d + dt.timedelta(days=n)
    if unit in ("week", "fortnight"):
        return d + dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1))
    if unit in ("hour", "minute", "second"):
        return d
    y, m = _shift_months(d.year, d.month, n * _MONTHS_IN[unit])
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _direction(tense: str | None, default: int = -1) -> int:
    return 1 if tense == "future" else (-1 if tense == "past" else default)


def _weekday_date(dct: Date, wd: int, tense: str | None, rel: str | None) -> Date:
    """The date of a weekday named in an article written on dct.

    The publication weekday itself is that day (unless "last"/"next"); otherwise past tense
    (and no tense, news being mostly report) looks back, future looks forward.
    """
    rel = (rel or "").lower()
    today = dct.weekday()
    if rel in ("next", "coming"):
        delta = (wd - today) % 7 or 7
        return dct + dt.timedelta(days=delta)
    if rel in ("last", "past"):
        delta = (today - wd) % 7 or 7
        return dct - dt.timedelta(days=delta)
    if rel == "this":
        return dct + dt.timedelta(days=wd - today)
    if wd == today:
        return dct
    if _direction(tense) > 0:
        return dct + dt.timedelta(days=(wd - today) % 7)
    return dct - dt.timedelta(days=(today - wd) % 7)


def _month_day_candidates(year: int, month: int, day: int) -> list[Date]:
    """The days a month-day without a year can be around a year: in it, the one before and
    the one after (fewer when the day does not exist in some: February 29)."""
    candidates = []
    for y in (year - 1, year, year + 1):
        try:
            candidates.append(dt.date(y, month, day))
        except ValueError:
            continue
    return candidates


@functools.lru_cache(maxsize=4096)
def _month_day_year(dct: Date, month: int, day: int, tense: str | None) -> int:
    """Year of "Jan. 14" without a year: the nearest occurrence, bent by tense.

    Memoised: inference asks it again for every undated article of a story on the same
    candidate days.
    """
    candidates = _month_day_candidates(dct.year, month, day)
    if not candidates:
        return dct.year
    if tense == "past":
        past = [c for c in candidates if c <= dct]
        if past and (dct - max(past)).days < 300:
            return max(past).year
    if tense == "future":
        fut = [c for c in candidates if c >= dct]
        if fut and (min(fut) - dct).days < 300:
            return min(fut).year
    return min(candidates, key=lambda c: (abs((c - dct).days), c > dct)).year


def _month_year(dct: Date, month: int, tense: str | None, rel: str | None) -> int:
    """Year of a month named without one ("June", "last June", "next March")."""
    rel = (rel or "").lower()
    # "last February" written in March is a year back: the month just gone would be "last
    # month", so "last" skips it (and "next" skips the month just ahead the same way).
    if rel in ("last", "past"):
        return dct.year if month < dct.month - 1 else dct.year - 1
    if rel in ("next", "coming"):
        return dct.year if month > dct.month + 1 else dct.year + 1
    if rel == "this" or month == dct.month:
        return dct.year
    if tense == "future":
        return dct.year if month > dct.month else dct.year + 1
    if tense == "past":
        return dct.year if month < dct.month else dct.year - 1
    # no tense: the nearer of the two (ties back), news reporting mostly looks back
    back = dct.year if month < dct.month else dct.year - 1
    ahead = dct.year if month > dct.month else dct.year + 1
    dist_back = (dct.year - back) * 12 + dct.month - month
    dist_ahead = (ahead - dct.year) * 12 + month - dct.month
    return ahead if dist_ahead < dist_back - 3 else back


def _y(word: str | None) -> str | None:
    """A year group of a match as four digits ("nineteen ninety-four" -> "1994")."""
    return None if not word else str(year_number(word))


def _mod_text(m: re.Match[str]) -> str:
    return (m.groupdict().get("mod") or "").strip().lower()


# --------------------------------------------------------------------------- resolvers
# Each takes the match and the context and returns (value, type, how) or None to reject.

Resolved = tuple[str, str, str] | None


def _r_iso(m: re.Match[str], c: _Ctx) -> Resolved:
    v = f"{m['y']}-{m['m']}-{m['d']}"
    if _parse_date(v) is None:
        return None
    if m["hh"]:
        return f"{v}T{m['hh']}:{m['mm']}", "TIME", "explicit date and time"
    return v, "DATE", "explicit date"


def _r_slash(m: re.Match[str], c: _Ctx) -> Resolved:
    y = int(m["y"])
    y = y + (1900 if y >= 50 else 2000) if y < 100 else y
    try:
        return dt.date(y, int(m["m"]), int(m["d"])).isoformat(), "DATE", "explicit date (month/day/year)"
    except ValueError:
        return None


_HOUR_WORD = re.compile("|".join(sorted(HOUR_WORDS, key=len, reverse=True)))


def _clock_value(clock: str) -> str | None:
    s = re.sub(r"\s+", "", clock.lower())
    if s == "noon":
        return "T12:00"
    if s == "midnight":
        return "T24:00"
    s = re.sub(r"intheafternoon|intheevening|atnight", "pm", re.sub(r"inthemorning", "am", s))
    s = re.sub(r"o['\u2019]clock", "", s)
    word = _HOUR_WORD.match(s)
    if word:  # "eight o'clock", "ten in the evening": the hour said in a word
        s = str(HOUR_WORDS[word[0]]) + s[word.end():]
    mm = re.match(r"(\d{1,2})(?:[:.](\d\d))?(a\.?m\.?|p\.?m\.?|am|pm)?", s)
    if not mm:
        return None
    h, minute, ap = int(mm[1]), mm[2] or "00", (mm[3] or "").replace(".", "")
    if ap == "pm" and h < 12:
        h += 12
    if ap == "am" and h == 12:
        h = 0
    return f"T{h:02d}:{minute}"


_MONTH_DAY = re.compile(r"(?P<month>" + F["MONTH"] + r")\s+(?P<day>\d{1,2})\b(?:,\s+(?P<year>\d{4}))?", re.IGNORECASE)
_DAY_MONTH = re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>" + F["MONTH"] + r")(?:\s?,?\s*(?P<year>\d{4}))?",
                        re.IGNORECASE)


def _day_of(word: str, c: _Ctx, start: int, end: int) -> str:
    """The date (or X-form) a day word names: today, yesterday, a weekday, Month D."""
    w = word.lower().strip(" ,")
    day, _, part = w.partition(" ")
    if part in PARTS_OF_DAY:  # "this morning", "last night", "yesterday evening", "Tuesday night"
        w = {"this": "today", "last": "yesterday"}.get(day, day)
    if w in ("today", "tonight", "yesterday", "tomorrow"):
        off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[w]
        return (c.dct + dt.timedelta(days=off)).isoformat() if c.dct else "XXXX-XX-XX"
    if w in WEEKDAYS:
        if c.dct is None:
            return f"XXXX-WXX-{WEEKDAYS[w] + 1}"
        return _weekday_date(c.dct, WEEKDAYS[w], c.tense(c.text, start, end), None).isoformat()
    mm = _MONTH_DAY.search(word) or _DAY_MONTH.search(word)  # "March 3, 2010" or "3 March 2010"
    if mm:
        month = MONTHS[mm["month"].lower().rstrip(".")]
        day = int(mm["day"])
        if mm["year"]:
            return f"{mm['year']}-{month:02d}-{day:02d}"
        if c.dct is None:
            return f"XXXX-{month:02d}-{day:02d}"
        return f"{_month_day_year(c.dct, month, day, c.tense(c.text, start, end))}-{month:02d}-{day:02d}"
    return c.dct.isoformat() if c.dct else "XXXX-XX-XX"


_LATE_PARTS = re.compile(r"\s(?:afternoon|evening|night)$", re.IGNORECASE)
_NAMED_HALF = re.compile(r"\d\s*(?:[ap]\.?m\b|o['\u2019]clock)|noon|midnight|in\s+the|at\s+night", re.IGNORECASE)


def _hour_in_part(t: str, clock: str, day_word: str) -> str:
    """"6:30 yesterday evening" is 18:30: a part of the day after noon puts a bare hour (no
    a.m./p.m.) after noon; at night only from six on ("2:15 last night" is 02:15)."""
    if _NAMED_HALF.search(clock) or not _LATE_PARTS.search(day_word.strip()):
        return t
    h = int(t[1:3])
    if 1 <= h < 12 and not (day_word.lower().endswith("night") and h < 6):
        return f"T{h + 12:02d}{t[3:]}"
    return t


# "4 in the morning" is an hour only after a preposition ("at 4 in the morning"); otherwise
# the number counts something ("rose 4 in the morning session").
_PART_CLOCK = re.compile(r"(?:\d|^[A-Za-z]+)\s+(?:in\s+the|at\s+night)", re.IGNORECASE)
_CLOCK_PREP_BEFORE = re.compile(r"\b(?:at|by|until|till|around|about|before|after|from|to|since|past)\s+$",
                                re.IGNORECASE)


def _r_clock(m: re.Match[str], c: _Ctx) -> Resolved:
    t = _clock_value(m["clock"])
    if t is None:
        return None
    if _PART_CLOCK.search(m["clock"]) and not _CLOCK_PREP_BEFORE.search(c.text, max(0, m.start("clock") - 8),
                                                                       m.start("clock")):
        return None
    if m["clock"].lower() == "noon" and re.search(r"\bhigh\s+$", c.text[max(0, m.start() - 6): m.start()],
                                                  re.IGNORECASE):
        return None  # "high noon": the idiom (a moment of confrontation), not midday
    day_word = m["pre"] or m["post"]
    if day_word:
        day = _day_of(day_word, c, m.start(), m.end())
        t = _hour_in_part(t, m["clock"], day_word)
        how = f"clock time on {day_word.strip()}"
    else:
        day = c.last if c.last and len(c.last) == 10 else (c.dct.isoformat() if c.dct else "XXXX-XX-XX")
        how = "clock time, day of the last date mentioned or publication"
    return day + t, "TIME", how


@functools.lru_cache(maxsize=128)
def _mdy_form(m: re.Match[str]) -> tuple[int, int, int | None] | None:
    """The anchor-free part of "Jan. 14" / "14 January 2022": (month, day, year or None), or
    None for a lower-case month. Cached per match (identity), as :func:`_weekday_form` is."""
    if not m["month"][0].isupper():
        return None
    month = MONTHS[m["month"].lower().rstrip(".")]
    word = m.groupdict().get("dayw")
    day = DAY_ORDINALS[re.sub(r"[\s-]+", "-", word.lower())] if word else int(m["day"])
    return month, day, int(_y(m["year"])) if m["year"] else None


def _r_mdy(m: re.Match[str], c: _Ctx) -> Resolved:
    form = _mdy_form(m)
    if form is None:
        return None
    month, day, year = form
    if year is not None:
        y = year
        how = "explicit date"
    elif c.dct is not None:
        y = _month_day_year(c.dct, month, day, c.tense(c.text, m.start(), m.end()))
        how = "month and day, year from publication date and tense"
    else:
        return f"XXXX-{month:02d}-{day:02d}", "DATE", "month and day, year unknown"
    try:
        return dt.date(y, month, day).isoformat(), "DATE", how
    except ValueError:
        return None


def _r_dmy_pair(m: re.Match[str], c: _Ctx) -> Resolved:
    """"21-22 March": the first day, in the month written after the second. A dash to a day
    not after the first ("won 3-2 May 4") is a score: a shorter match reads the date."""
    if m["dash"] and int(m["day2"]) <= int(m["day"]):
        return None
    return _r_mdy(m, c)


def _r_week_of(m: re.Match[str], c: _Ctx) -> Resolved:
    """"the week of March 6": the (ISO) week holding that date."""
    day = _r_mdy(m, c)
    if day is None:
        return None
    d = _parse_date(day[0])
    if d is None:
        return ("XXXX-WXX-WE" if m["unit"].lower() == "weekend" else "XXXX-WXX"), "DATE", "week of a date, year unknown"
    return _fmt_week(d) + ("-WE" if m["unit"].lower() == "weekend" else ""), "DATE", f"{m['unit'].lower()} of {day[0]}"


def _r_week_of_month(m: re.Match[str], c: _Ctx) -> Resolved:
    """"the first week of March": the ISO week holding the middle of the month's first seven
    days (the last week: of its last seven); "the second weekend of June": that Saturday's."""
    if not m["month"][0].isupper():
        return None
    month = MONTHS[m["month"].lower().rstrip(".")]
    weekend = m["unit"].lower() == "weekend"
    if m["year"]:
        y = int(_y(m["year"]))
    elif c.dct is not None:
        y = _month_year(c.dct, month, c.tense(c.text, m.start(), m.end()), None)
    else:
        return ("XXXX-WXX-WE" if weekend else "XXXX-WXX"), "DATE", "week of a month, year unknown"
    n = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(m["ord"].lower())
    last = calendar.monthrange(y, month)[1]
    if weekend:
        saturdays = [d for d in range(1, last + 1) if dt.date(y, month, d).weekday() == 5]
        d = dt.date(y, month, saturdays[n - 1] if n else saturdays[-1])
        return _fmt_week(d) + "-WE", "DATE", f"weekend {n or 'last'} of {y}-{month:02d}"
    d = dt.date(y, month, 7 * (n - 1) + 4 if n else last - 3)
    return _fmt_week(d), "DATE", f"week {n or 'last'} of {y}-{month:02d}"


def _r_month_year(m: re.Match[str], c: _Ctx) -> Resolved:
    if not m["month"][0].isupper():
        return None
    return f"{_y(m['year'])}-{MONTHS[m['month'].lower().rstrip('.')]:02d}", "DATE", "explicit month"


def _r_month_rel_year(m: re.Match[str], c: _Ctx) -> Resolved:
    if not m["month"][0].isupper():
        return None
    month = MONTHS[m["month"].lower().rstrip(".")]
    if c.dct is None:
        return f"XXXX-{month:02d}", "DATE", "month of a relative year, year unknown"
    y = c.dct.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    return f"{y}-{month:02d}", "DATE", f"month of {m['rel'].lower()} year, from publication date {c.dct}"


def _r_mdy_rel_year(m: re.Match[str], c: _Ctx) -> Resolved:
    if not m["month"][0].isupper():
        return None
    month, day = MONTHS[m["month"].lower().rstrip(".")], int(m["day"])
    if c.dct is None:
        return f"XXXX-{month:02d}-{day:02d}", "DATE", "day of a relative year, year unknown"
    rel = m["rel"].lower()
    y = c.dct.year + {"this": 0, "last": -1, "next": 1}[rel]
    try:
        return dt.date(y, month, day).isoformat(), "DATE", f"day of {rel} year, from publication date {c.dct}"
    except ValueError:
        return None


# "March of the Silent Mothers": a name, the noun "march"; the month is followed by a year or a
# lower-case word ("March of last year", "March of this year").
_MARCH_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][a-z]")


# A modal verb never follows a preposition of time: "through May", "until May", "since May" and
# "from May to July" name the month. "by", "before", "after", "to" and "of" stay out: a person
# named May follows them as often ("a letter to May", "the cabinet of May").
_MAY_PREP_BEFORE = re.compile(r"\b(?:through|thru|until|till|since|during)\s+$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"\s*(?:to|through|until|till|-)\s+(?:" + F["MONTH"] + r")\b", re.IGNORECASE)


def _may_is_month(text: str, start: int, end: int) -> bool:
    """Whether a capitalised "May" is the month: after a preposition of time, or opening a range."""
    before = text[max(0, start - 10): start]
    if _MAY_PREP_BEFORE.search(before):
        return True
    return bool(_FROM_BEFORE.search(before) and _RANGE_AFTER.match(text, end))


def _r_month(m: re.Match[str], c: _Ctx) -> Resolved:
    name = m["month"]
    low = name.lower().rstrip(".")
    if not name[0].isupper() or (low in ("may", "march") and not name.istitle()):
        return None
    if low == "may" and not m["mod"] and not m.groupdict().get("rel") and not _may_is_month(c.text, m.start(), m.end()):
        return None  # the modal verb, far more often than the month
    if low == "march" and not m["mod"] and not m.groupdict().get("rel") and _MARCH_OF_NAME.match(c.text, m.end()):
        return None  # "the March of the Mothers", "a March of Dimes drive": a procession's name
    if low in ("mar", "jun", "jul", "sep", "oct", "dec", "jan", "feb", "apr", "aug", "nov", "sept") and not name.endswith("."):
        return None  # bare abbreviations without a dot are rarely months in running text
    month = MONTHS[low]
    if c.dct is None:
        return f"XXXX-{month:02d}", "DATE", "month, year unknown"
    rel = m.groupdict().get("rel")
    y = _month_year(c.dct, month, c.tense(c.text, m.start(), m.end()), rel)
    how = f"month{', ' + rel.lower() if rel else ''}, year from publication date {c.dct}"
    return f"{y}-{month:02d}", "DATE", how


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def _r_decade(m: re.Match[str], c: _Ctx) -> Resolved:
    if m["word"]:
        if m["cent"]:  # "the nineteen sixties", as transcripts write it: the century is said
            century = NUMBERS[m["cent"].lower()]
            return f"{century}{_DECADE_WORDS[m['word'].lower()]}", "DATE", "decade named in words with its century"
        if not m.group(0).lower().startswith("the"):
            return None  # "in his sixties": an age
        return f"19{_DECADE_WORDS[m['word'].lower()]}", "DATE", "decade named in words (20th century assumed)"
    d = m["dec"]
    if d.startswith("'"):
        d = ("20" if int(d[1]) < 3 else "19") + d[1:]
    if d.endswith("00") and d < "2000":
        # "the 1800s", "the early 1900s": the hundred years, as usage has it, not the first decade
        return d[:2], "DATE", "century named by its first year"
    return d[:3], "DATE", "decade"


def _r_century(m: re.Match[str], c: _Ctx) -> Resolved:
    o = m["ord"].lower()
    n = ORDINALS.get(o) or (int(re.match(r"\d+", o).group(0)) if o[0].isdigit() else None)
    if not n:
        return None
    return f"{n - 1:02d}", "DATE", "century"


def _r_this_century(m: re.Match[str], c: _Ctx) -> Resolved:
    if c.dct is None:
        return "XX", "DATE", "century, unknown"
    rel = m["rel"].lower()
    n = c.dct.year // 100 + (-1 if "last" in rel or "past" in rel else 1 if rel == "next" else 0)
    return f"{n:02d}", "DATE", "century relative to publication"


def _report_quarter(d: Date) -> tuple[int, int]:
    """The quarter a business story written on d reports on: the last one that has ended."""
    q = _quarter(d) - 1
    return (d.year, q) if q else (d.year - 1, 4)


def _rel_year_offset(rel: str) -> int:
    """Years from the anchor's year to the year "last", "next", "the previous" … year names."""
    word = rel.lower().split()[-1]
    return {"last": -1, "previous": -1, "prior": -1, "past": -1, "next": 1, "coming": 1}.get(word, 0)


def _r_quarter(m: re.Match[str], c: _Ctx) -> Resolved:
    return _quarter_of(ORDINALS[m["ord"].lower()], _y(m["year"] or m["year2"]), m, c)


def _quarter_of(q: int, y: str | None, m: re.Match[str], c: _Ctx) -> Resolved:
    """Quarter q of year y, or, with no year, of the year the quarter's end and the tense point to."""
    if y:
        return f"{y}-Q{q}", "DATE", "explicit quarter"
    ended = _QUARTER_ENDED.match(c.text, m.end())
    if ended and ended["year"]:
        # "the third quarter ended Sept. 30, 1988": the year of the day it ended
        return f"{_y(ended['year'])}-Q{q}", "DATE", "quarter, year of the explicit day it ended"
    if c.dct is None:
        return f"XXXX-Q{q}", "DATE", "quarter, year unknown"
    rely = m.groupdict().get("rely")  # "the third quarter of next year"
    if rely:
        return f"{c.dct.year + _rel_year_offset(rely)}-Q{q}", "DATE", f"quarter of {rely.lower()} year"
    year = c.dct.year
    if q > _quarter(c.dct) and c.tense(c.text, m.start(), m.end()) == "past":
        year -= 1
    return f"{year}-Q{q}", "DATE", "quarter of the publication year"


# Before "Q3" or "H1" without a year: words that make it a time ("in Q3", "its H1"), not a
# model or a formula ("the Audi Q3", "green H2 output").
_IN_PERIOD_BEFORE = re.compile(r"\b(?:in|during)\s+$", re.IGNORECASE)
_PERIOD_ABBR_BEFORE = re.compile(r"\b(?:in|for|during|of|the|its|their|his|her|our|since|by|until|through|to|from|and|or|this|last|next)\s+$",
                                 re.IGNORECASE)


def _r_period_abbr(m: re.Match[str], c: _Ctx) -> Resolved:
    """"Q3 2024", "in Q3", "H1 profit": a quarter or half year by its abbreviation. Without a
    year, a time word before it or a results noun after it must show it names a period."""
    if not m["year"] and not _PERIOD_ABBR_AFTER.match(c.text, m.end()):
        before = c.text[max(0, m.start() - 8): m.start()]
        # "H2" is also hydrogen and "H1" a visa: a half needs "in"/"during" or results after it
        if not (_IN_PERIOD_BEFORE if m["h"] else _PERIOD_ABBR_BEFORE).search(before):
            return None
    if m["q"]:
        return _quarter_of(int(m["q"]), m["year"], m, c)
    h = int(m["h"])
    y = m["year"]
    if y is None and c.dct is not None:
        past = h == 2 and c.dct.month <= 6 and c.tense(c.text, m.start(), m.end()) == "past"
        y = str(c.dct.year - 1 if past else c.dct.year)
    return f"{y or 'XXXX'}-H{h}", "DATE", "half year by its abbreviation"


def _r_rel_year_quarter(m: re.Match[str], c: _Ctx) -> Resolved:
    """"this year's third quarter": the quarter of the year named from the anchor."""
    q = ORDINALS[m["ord"].lower()]
    if c.dct is None:
        return f"XXXX-Q{q}", "DATE", "quarter of a relative year, year unknown"
    return f"{c.dct.year + _rel_year_offset(m['rely'])}-Q{q}", "DATE", f"quarter of {m['rely'].lower()} year"


# Results are counted once a quarter is over, so "this quarter's loss" in a results story is the
# quarter the story reports (the one just named), not the quarter the story is written in.
# Forecasts ("this quarter's results will show", "expects to break even this quarter") and
# "sales rose this quarter" (so far, in the quarter of writing) keep the current quarter.
RESULT_NOUNS = r"loss|losses|profit|profits|results|earnings|net|sales|revenue|revenues|income|charges?|gains?"
_RESULTS_AFTER = re.compile(r"(?:'s|’s)\s+(?:\w+\s+){0,2}?(?:" + RESULT_NOUNS + r")\b", re.IGNORECASE)
# After "Q3" or "H1": a results noun ("Q3 sales", "H1's pretax profit") shows a period is meant.
_PERIOD_ABBR_AFTER = re.compile(r"(?:'s|\u2019s)?\s+(?:\w+\s+)?(?:" + RESULT_NOUNS + r")\b", re.IGNORECASE)


def _names_reported_quarter(m: re.Match[str], c: _Ctx) -> bool:
    if c.probe:
        return False
    return bool(_RESULTS_AFTER.match(c.text, m.end())) and c.tense(c.text, m.start(), m.end()) != "future"


def _r_rel_quarter(m: re.Match[str], c: _Ctx) -> Resolved:
    rel = (m["rel"] or m["prel"]).lower()
    if rel in ("that",) or (m["prel"] or "").lower() == "latest":
        if c.quarter:
            # results news names the quarter it reports ("fiscal fourth quarter") and then calls
            # it "the latest period" / "that quarter"
            return c.quarter, "DATE", f"{rel} quarter: the quarter just named"
    if rel == "this" and _names_reported_quarter(m, c):
        if c.quarter:
            return c.quarter, "DATE", "this quarter's results: the quarter just named"
        if c.dct is not None:
            y, q = _report_quarter(c.dct)
            return f"{y}-Q{q}", "DATE", f"this quarter's results: reporting quarter of {c.dct}"
    if c.dct is None:
        return "XXXX-QX", "DATE", "quarter, unknown"
    y, q = _report_quarter(c.dct)
    if rel in ("current", "this"):
        y, q = c.dct.year, _quarter(c.dct)
    elif rel in ("next", "coming"):
        y, q = (c.dct.year, _quarter(c.dct) + 1) if _quarter(c.dct) < 4 else (c.dct.year + 1, 1)
    elif rel in ("year-ago", "year-earlier", "prior-year"):
        y -= 1
    elif rel in ("previous", "prior"):
        y, q = (y, q - 1) if q > 1 else (y - 1, 4)
    return f"{y}-Q{q}", "DATE", f"{rel} quarter from publication date {c.dct}"


# "the quarter ended July 31", "the quarter ended Sept. 30, 1988": a fiscal quarter, named by
# the day it ended (and the year, when the text gives it)
_QUARTER_ENDED = re.compile(r"\s+(?:that\s+)?(?P<verb>ended|ending|ends)\s+(?P<month>" + F["MONTH"] + r")\s+(?P<day>" + F["DAY"]
                            + r")\b(?:,?\s+(?P<year>" + F["YEAR"] + r")\b)?", re.IGNORECASE)


def _quarter_ended(dct: Date, month: int, day: int, ahead: bool) -> Resolved:
    """The calendar quarter most of a three-month quarter ending on month/day falls in.

    The end is the latest such day up to the publication date (results are reported after the
    quarter closes), or, for "the quarter ending", up to six months ahead (this quarter or the
    next).
    """
    if day > calendar.monthrange(2000, month)[1]:
        return None  # no such day in any year ("Feb. 30")
    end = _day_in(dct.year, month, day)
    if end > dct + dt.timedelta(days=183 if ahead else 31):
        end = _day_in(dct.year - 1, month, day)
    return _quarter_ending(end), "DATE", f"the quarter that ends {end}"


def _quarter_ending(end: Date) -> str:
    """The calendar quarter most of the three months up to ``end`` fall in.

    A fiscal quarter that ends on July 31 runs May to July, mostly in the second calendar
    quarter; its middle (six weeks before the end) says which."""
    mid = end - dt.timedelta(days=45)
    return f"{mid.year}-Q{_quarter(mid)}"


def _day_in(year: int, month: int, day: int) -> Date:
    """month/day in a given year, Feb. 29 falling back to Feb. 28 outside leap years (a fiscal
    period that ends on the month's last day)."""
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _r_month_quarter(m: re.Match[str], c: _Ctx) -> Resolved:
    """"the September quarter": the three months ending with that month's last day."""
    if not m["month"][0].isupper():
        return None
    month = MONTHS[m["month"].lower().rstrip(".")]
    if c.dct is None:
        return "XXXX-QX", "DATE", "quarter named by its last month, year unknown"
    # past tense: the latest such quarter to end; otherwise the one whose end is nearest
    tense = c.tense(c.text, m.start(), m.end())
    ends = [dt.date(y, month, calendar.monthrange(y, month)[1]) for y in (c.dct.year - 1, c.dct.year, c.dct.year + 1)]
    if tense == "past":
        end = max(e for e in ends if e <= c.dct + dt.timedelta(days=31))
    elif tense == "future":
        end = min(e for e in ends if e >= c.dct - dt.timedelta(days=31))
    else:
        end = min(ends, key=lambda e: abs((e - c.dct).days))
    return _quarter_ending(end), "DATE", f"the quarter that ends {end}"


def _r_the_quarter(m: re.Match[str], c: _Ctx) -> Resolved:
    if c.text.startswith("-to-", m.end()):
        return None  # "the quarter-to-quarter comparison": a kind of comparison, no quarter
    ended = _QUARTER_ENDED.match(c.text, m.end())
    if ended and ended["year"]:
        # the day it ended, with its year, says which quarter, whatever quarter was named before
        month, day = MONTHS[ended["month"].lower().rstrip(".")], int(ended["day"])
        if day <= calendar.monthrange(2000, month)[1]:
            end = _day_in(int(_y(ended["year"])), month, day)
            return _quarter_ending(end), "DATE", f"the quarter that ends on an explicit date {end}"
    by_end = None
    if ended and c.dct is not None and not c.probe:
        by_end = _quarter_ended(c.dct, MONTHS[ended["month"].lower().rstrip(".")], int(ended["day"]),
                                ended["verb"].lower() != "ended")
    if c.quarter and (by_end is None or by_end[0][-1] == c.quarter[-1]):
        # the quarter just named, unless the day it ended says it is another one ("the third
        # quarter ... the quarter ended June 30"); when they agree, the context gives the year
        return c.quarter, "DATE", "the quarter just named"
    if by_end is not None:
        return by_end
    if c.last and _QUARTER_FULL.fullmatch(c.last):
        return c.last, "DATE", "the quarter just mentioned"
    if c.dct is None:
        return "XXXX-QX", "DATE", "quarter, unknown"
    y, q = _report_quarter(c.dct)
    return f"{y}-Q{q}", "DATE", "reporting quarter of the publication date"


def _r_year_quarter(m: re.Match[str], c: _Ctx) -> Resolved:
    """"the 1988 third quarter", "the 1989 period": a quarter of an explicit year."""
    if m["ord"]:
        return f"{_y(m['year'])}-Q{ORDINALS[m['ord'].lower()]}", "DATE", "explicit quarter"
    q = _report_quarter(c.dct)[1] if c.dct else None
    if c.last and _QUARTER_FULL.fullmatch(c.last):
        q = int(c.last[-1])
    return (f"{_y(m['year'])}-Q{q}" if q else _y(m["year"])), "DATE", "period of an explicit year, quarter from context"


def _r_half(m: re.Match[str], c: _Ctx) -> Resolved:
    if m["dec"]:
        # "the last half of the '80s": a part of a decade, written as the decade (like "the late 1980s")
        d = m["dec"]
        return (("20" if int(d[1]) < 3 else "19") + d[1] if d.startswith("'") else d[:3]), "DATE", "half of a decade"
    h = 1 if m["ord"].lower() == "first" else 2  # second, last, latter
    y = _y(m["year"] or m["year0"])
    if y is None and c.dct is not None and m["rely"]:
        y = str(c.dct.year + _rel_year_offset(m["rely"]))
    elif y is None and c.dct is not None:
        # like a quarter: a half not yet begun, told in the past tense, is last year's
        past = h == 2 and c.dct.month <= 6 and c.tense(c.text, m.start(), m.end()) == "past"
        y = str(c.dct.year - 1 if past else c.dct.year)
    return f"{y or 'XXXX'}-H{h}", "DATE", "half year"


def _r_two_quarters(m: re.Match[str], c: _Ctx) -> Resolved:
    """"the first two quarters of 1990" is the first half of 1990 (H1); the last two, H2."""
    h = 1 if m["ord"].lower() == "first" else 2
    y = _y(m["year"])
    if y is None and c.dct is not None:
        y = str(c.dct.year + (_rel_year_offset(m["rely"]) if m["rely"] else 0))
    return f"{y or 'XXXX'}-H{h}", "DATE", "half year named by two quarters"


# "the fiscal year ended Sept. 30", "the year ending June 30, 1990": a year named by its last day
_YEAR_ENDED = re.compile(r"\s+(?:that\s+)?(?P<verb>ended|ending|ends)\s+(?:(?P<month>" + F["MONTH"] + r")\s+(?P<day>"
                         + F["DAY"] + r")\b(?:,?\s+(?P<year>" + F["YEAR"] + r"))?|(?P<deictic>today|tomorrow|yesterday)\b)",
                         re.IGNORECASE)


def _year_ended(c: _Ctx, pos: int) -> Resolved:
    """The year of accounts that ends on the day named after pos, as its end year (fiscal 1990
    ends in 1990), or None when no end day follows. Without a year, the end is the latest such
    day up to the publication date for "ended", and the next one for "ending" (a month's slack
    either way: results are reported some weeks after the books close)."""
    e = _YEAR_ENDED.match(c.text, pos)
    if e is None or c.dct is None:
        return None
    if e["deictic"]:
        return _day_of(e["deictic"].lower(), c, pos, e.end())[:4], "DATE", "the year that ends on a day named from publication"
    if e["year"]:
        return _y(e["year"]), "DATE", "the year that ends on an explicit date"
    month, day = MONTHS[e["month"].lower().rstrip(".")], int(e["day"])
    if day > calendar.monthrange(2000, month)[1]:
        return None  # no such day in any year ("Feb. 30")
    end = _day_in(c.dct.year, month, day)
    if e["verb"].lower() == "ended" and end > c.dct + dt.timedelta(days=31):
        end = _day_in(c.dct.year - 1, month, day)
    elif e["verb"].lower() != "ended" and end < c.dct - dt.timedelta(days=31):
        end = _day_in(c.dct.year + 1, month, day)
    return str(end.year), "DATE", f"the year that ends {end}"


def _r_kind_year(m: re.Match[str], c: _Ctx) -> Resolved:
    """"the latest fiscal year", "the full year", "next fiscal year": a year of accounts, named
    relative to the publication year (the latest one being the last complete year)."""
    rel = (m["rel"] or "").lower()
    if not rel and not re.match(r"(?:the|this|its|their)\b", m.group(0), re.IGNORECASE) \
            and not c.text.startswith("'s ", max(0, m.start() - 3)):
        return None  # "a fiscal year", "per calendar year": a kind of year, no particular one
    if c.dct is None:
        return "XXXX", "DATE", f"{m['kind'].lower()} year, year unknown"
    if not rel and (ended := _year_ended(c, m.end())) is not None:
        return ended
    off = {"last": -1, "previous": -1, "prior": -1, "past": -1, "latest": -1, "next": 1, "coming": 1, "new": 1}.get(rel, 0)
    return str(c.dct.year + off), "DATE", f"{rel or 'this'} {m['kind'].lower()} year, from publication date {c.dct}"


def _r_year_end(m: re.Match[str], c: _Ctx) -> Resolved:
    """"by year-end", "the 1989 year end": TimeML writes the end of a year as the year (mod END).

    Without a year, the end of the publication year; early in a year, in the past tense, the
    year just ended ("results for year-end" written in February).
    """
    if m["year"]:
        return _y(m["year"]), "DATE", "end of an explicit year"
    if c.dct is None:
        return "XXXX", "DATE", "end of a year, year unknown"
    y = c.dct.year
    if c.dct.month <= 2 and c.tense(c.text, m.start(), m.end()) == "past":
        y -= 1
    return str(y), "DATE", f"end of the year, from publication date {c.dct}"


def _r_fiscal_year(m: re.Match[str], c: _Ctx) -> Resolved:
    if m["yy"]:
        # "fiscal '90": the century nearest the anchor (the 1900s when there is none)
        base = c.dct.year if c.dct else 1950
        y = min((100 * k + int(m["yy"]) for k in (base // 100 - 1, base // 100, base // 100 + 1)),
                key=lambda v: abs(v - base))
        return str(y), "DATE", "explicit year, two digits"
    return _y(m["year"]), "DATE", "explicit year"


# "1500 soldiers": a plural noun after the number makes it a count. Verbs and function words
# ending in s ("1989 is", "1993 was") do not ("sales volume in 1989 is following the trend").
_COUNTED_NOUN = re.compile(r"\s+(?!(?:is|was|has|does|as|its|this|his|thus|plus|less|unless|across|versus|always)\b)[a-z]+s\b")
_YEAR_WORD_BEFORE = re.compile(r"\b(?:year|in|since|by|until|till|before|after)\s+$", re.IGNORECASE)


# A determiner or possessive before a modern year and a plural noun makes the year a modifier
# ("its 1997 results", "the company's 1990 plans"), not a count of the things after it.
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|its|their|his|her|our|this|that)|'s)\s+$", re.IGNORECASE)


# "between 1985 and 1988 sales doubled": the second of two years joined by "and"/"or" after a
# preposition of time is a year as the first is, whatever plural noun follows it ("between 1700
# and 1900 workers", with no such preposition reading, stays a count).
_YEAR_PAIR_BEFORE = re.compile(r"\b(?:between|in|from|since|during)\s+(?:1[6-9]\d\d|20\d\d),?\s+(?:and|or)\s+$",
                               re.IGNORECASE)


_TIME_PREP_BEFORE = re.compile(r"\b(?:in|since|by|until|till|before|after|during|of)\s+$", re.IGNORECASE)
# "1600 Pennsylvania Avenue", "2100 Kessel Road": a house number before a street's name
_STREET_AFTER = re.compile(r"\s+(?:[A-Z][\w'.-]*\s+){1,3}(?:Avenue|Ave\.|Street|St\.|Road|Rd\.|Boulevard|Blvd\.|"
                           r"Lane|Drive|Place|Parkway|Highway)(?!\w)")


def _r_year(m: re.Match[str], c: _Ctx) -> Resolved:
    after = c.text[m.end(): m.end() + 14]
    before = c.text[max(0, m.start() - 12): m.start()]
    if _NOT_YEAR_AFTER.match(after) or _NOT_YEAR_BEFORE.search(before):
        return None
    if _STREET_AFTER.match(c.text, m.end()) and not _TIME_PREP_BEFORE.search(before):
        return None  # "at 1600 Pennsylvania Avenue"; "in 1990 Estovia Street was renamed" keeps its year
    prefixed = (m["mod"] or "").lower().rstrip(" -") in ("post", "pre", "mid")  # "post-1959 politics"
    if not prefixed and _COUNTED_NOUN.match(after) and not re.search(r"\b(?:in|since|of|by|from|until|to|until|through|during|before|after)\s+$", before, re.IGNORECASE) \
            and not (_DETERMINER_BEFORE.search(before) and 1900 <= year_number(m["year"]) < 2040) \
            and not _YEAR_PAIR_BEFORE.search(c.text, max(0, m.start() - 24), m.start()):
        return None  # "1500 soldiers": a count; "its 1997 results", "the 1988 elections" name a year
    if not m["year"][0].isdigit() and m["year"].lower().startswith("two") \
            and not _YEAR_WORD_BEFORE.search(before):
        return None  # "two thousand" alone is mostly a count ("two thousand troops")
    return _y(m["year"]), "DATE", "explicit year"


# Only after a preposition of time is "'87" a year; elsewhere the apostrophe may open a quote.
_SHORT_YEAR_BEFORE = re.compile(r"\b(?:in|of|since|until|till|by|before|after|from|to|through|during|and|class)\s+$",
                                re.IGNORECASE)


def _r_short_year(m: re.Match[str], c: _Ctx) -> Resolved:
    """"the crash of '87": the year of those two digits nearest the anchor, up to ten years
    ahead of it (an anchorless text: 1931-2030)."""
    if not _SHORT_YEAR_BEFORE.search(c.text, max(0, m.start() - 10), m.start()):
        return None
    yy = int(m["yy"])
    limit = (c.dct.year if c.dct else 2020) + 10
    year = 2000 + yy if 2000 + yy <= limit else 1900 + yy
    return str(year), "DATE", "year by its last two digits"


def _r_season(m: re.Match[str], c: _Ctx) -> Resolved:
    s = SEASONS[m["season"].lower()]
    rel = (m["rel"] or "").lower()
    if m["year"]:
        return f"{_y(m['year'])}-{s}", "DATE", "explicit season"
    if m["yrel"] and c.dct is not None:  # "the spring of last year"
        y = c.dct.year + {"this": 0, "last": -1, "next": 1}[m["yrel"].lower()]
        return f"{y}-{s}", "DATE", f"season of {m['yrel'].lower()} year, from publication date {c.dct}"
    if not rel:
        return None  # "fall", "spring" without a determiner are mostly verbs or nouns
    if c.dct is None:
        return f"XXXX-{s}", "DATE", "season, year unknown"
    y = c.dct.year
    order = ["SP", "SU", "FA", "WI"]
    now = order[((c.dct.month - 3) % 12) // 3]
    if c.dct.month < 3 and s != "WI" and ("last" in rel or "past" in rel or "next" in rel or "coming" in rel):
        # January and February close the winter begun the December before: counted from
        # there, "last fall" is the fall of the year before and "next spring" this year's
        y -= 1
    if "last" in rel or "past" in rel:
        y -= 1 if order.index(s) >= order.index(now) else 0
    elif "next" in rel or "coming" in rel:
        y += 1 if order.index(s) <= order.index(now) else 0
    return f"{y}-{s}", "DATE", "season relative to publication"


# A unit -> the next smaller one a date can be counted in, and how many make one ("two and a
# half years" is 30 months); a month has no whole number of days, so a fraction of it stays vague.
_SMALLER_UNIT = {"century": ("year", 100), "decade": ("year", 10), "year": ("month", 12),
                 "week": ("day", 7), "fortnight": ("day", 14)}


def _whole_in_smaller(n: float, unit: str) -> tuple[float, str]:
    """A fractional count of a unit as a whole count of a smaller one, when there is one."""
    smaller = _SMALLER_UNIT.get(_unit(unit))
    if smaller is None or not float(n * smaller[1]).is_integer():
        return n, unit
    return n * smaller[1], smaller[0]


# Python's dates hold years 1 to 9999; counting "2,500 years ago" or "in 90 centuries" from a
# date runs out of them (ValueError, or OverflowError for days and weeks).
_OFF_CALENDAR = (ValueError, OverflowError)


def _r_ago(m: re.Match[str], c: _Ctx) -> Resolved:
    try:
        return _ago(m, c)
    except _OFF_CALENDAR:
        ahead = _ago_sign(m["dir"].lower()) > 0
        return ("FUTURE_REF" if ahead else "PAST_REF"), "DATE", "offset beyond the calendar's years"


def _ago_sign(direction: str) -> int:
    return 1 if direction in ("later", "after", "hence") or direction.startswith("from") else -1


def _ago(m: re.Match[str], c: _Ctx) -> Resolved:
    n = _num(m["num"])
    unit = m["unit"]
    direction = m["dir"].lower()
    sign = _ago_sign(direction)
    anchored_on_text = direction in ("earlier", "later", "before", "after")
    if anchored_on_text and UNITS[_unit(unit)][1]:
        # "five minutes later": no clock time to count from, and a day would say nothing; the
        # stretch is what the text gives (TimeML marks "N units later" as the duration)
        return _duration(_num(m["num"]), unit), "DURATION", f"{unit} {direction}: a stretch from an untimed event"
    anchor = c.last if anchored_on_text and c.last else None
    if c.last and _QUARTER_FULL.fullmatch(c.last) and _unit(unit) in ("year", "quarter"):
        anchor = c.last  # results news: "a year ago" is the same quarter a year before
    if anchored_on_text and c.year_last and c.year and _unit(unit) in ("year", "decade") and n is not None \
            and float(n).is_integer():
        # "grew 3% in 1997, after 2% a year earlier": counted from the year just named
        return _shift(c.year, sign * int(n), unit), "DATE", f"{int(n)} {unit} from the year just mentioned {c.year}"
    if n is None and anchored_on_text:
        # "several days later": a stretch of unknown length after an event the text tells of,
        # not a time before or after the writing
        return _duration(None, unit), "DURATION", f"vague {unit} {direction}: a stretch from an event"
    if n is not None and not float(n).is_integer():
        n, unit = _whole_in_smaller(n, unit)  # "a quarter century ago": 25 years ago
    if n is None or not float(n).is_integer():
        if c.dct is None:
            return "XXXX-XX-XX", "DATE", "vague offset, unknown anchor"
        return ("PAST_REF" if sign < 0 else "FUTURE_REF"), "DATE", "vague offset"
    if anchor and not anchor.startswith("X"):
        return _shift(anchor, sign * int(n), unit), "DATE", f"{int(n)} {unit} from the date just mentioned {anchor}"
    if direction in ("later", "after"):
        # "Two days later, he resigned" with no date named before: later than an untimed event,
        # not than the time of writing (which would put a reported past in the future)
        return _duration(n, unit), "DURATION", f"{unit} later than an untimed event: the stretch"
    if c.dct is None:
        return "XXXX-XX-XX", "DATE", "offset, unknown anchor"
    d = _offset_date(c.dct, sign * int(n), unit)
    return _granular(d, unit), "DATE", f"{int(n)} {unit} from publication date {c.dct}"


# What a weekday match says whatever the anchor: (final, its resolution when final, weekday,
# time suffix, type, relative word, the relative word as the "how" writes it).
_WeekdayForm = tuple[bool, Resolved, int, str, str, "str | None", str]


# "on Monday and Tuesday nights": the plural after the pair is both days', so the first weekday is
# every such day (or night) too.
_PLURAL_PAIR_AFTER = re.compile(r"\s+(?:and|or)\s+" + F["WEEKDAY"] + r"(?:s\b|\s+(?P<part>" + F["PART"] + r")s\b)",
                                re.IGNORECASE)


# A capitalised word after a weekday or frequency word ("the Sunday Times", "the Daily Mail",
# "Weekly Standard") continues a name: a newspaper's or a show's, no time.
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_NAME_WORD_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
# A capitalised word that makes a weekday a named day: a feast (read by the holiday rule when it
# knows it), a day in history ("Black Monday", "Bloody Sunday") or a primary ("Super Tuesday").
_NAMED_DAY_BEFORE = re.compile(r"\b(?:Good|Black|Bloody|Super|Ash|Palm|Holy|Maundy|Easter|Cyber)\s+$")


@functools.lru_cache(maxsize=128)
def _weekday_form(m: re.Match[str]) -> _WeekdayForm:
    """The anchor-free part of a weekday match, read once per match.

    Cached because inference resolves the same matches once per candidate day; the key is
    the match object itself (compared by identity, kept alive by the cache).
    """
    name = m["wd"]
    if not name[0].isupper():
        return True, None, 0, "", "", None, ""
    wd = WEEKDAYS[name.lower()]
    groups = m.groupdict()
    part = groups.get("part")
    suffix = "T" + PARTS_OF_DAY[part.lower()] if part else ""
    typ = "TIME" if part else "DATE"
    rel = groups.get("rel")
    if groups.get("wpl") or groups.get("ppl"):
        if rel:
            return True, None, wd, suffix, typ, rel, ""  # "last Mondays": not an expression
        return True, (f"XXXX-WXX-{wd + 1}{suffix}", "SET", "plural weekday: every such day"), wd, suffix, typ, rel, ""
    if not rel and not part and _THE_BEFORE.search(m.string, max(0, m.start() - 4), m.start()) \
            and _NAME_WORD_AFTER.match(m.string, m.end()):
        return True, None, wd, suffix, typ, rel, ""  # "the Sunday Times": a title's word, no day
    if not rel and _NAMED_DAY_BEFORE.search(m.string, max(0, m.start() - 8), m.start()):
        return True, None, wd, suffix, typ, rel, ""  # "Black Monday", "Super Tuesday": a named day, no weekday of now
    pair = None if rel or part else _PLURAL_PAIR_AFTER.match(m.string, m.end())
    if pair is not None:
        suffix = "T" + PARTS_OF_DAY[pair["part"].lower()] if pair["part"] else ""
        return True, (f"XXXX-WXX-{wd + 1}{suffix}", "SET", "weekday paired with a plural: every such day"), \
            wd, suffix, typ, rel, ""
    return False, None, wd, suffix, typ, rel, rel.lower() + ", " if rel else ""


def _r_rel_weekday(m: re.Match[str], c: _Ctx) -> Resolved:
    final, resolved, wd, suffix, typ, rel, rel_how = _weekday_form(m)
    if final:
        return resolved
    if "arel" in m.re.groupindex and m["arel"]:  # part_weekday ("morning, Monday") shares this resolver, without the group
        return _weekday_next_to(m, c, wd, suffix, typ)
    if c.dct is None:
        return f"XXXX-WXX-{wd + 1}{suffix}", typ, "weekday, date unknown"
    tense = c.tense(c.text, m.start(), m.end())
    if tense == "future" and not rel and wd != c.dct.weekday():
        after = _weekday_after_day_named(m, c, wd)
        if after is not None:
            return after.isoformat() + suffix, typ, f"weekday, future tense, after the day named before it {c.last}"
    return _weekday_on(c.dct, wd, suffix, typ, rel, rel_how, tense)


_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+[\"'\u201c\u2018(]*[A-Z]|\n")


def _weekday_after_day_named(m: re.Match[str], c: _Ctx, wd: int) -> Date | None:
    """"After Monday's talks, she will travel on Tuesday", printed on Wednesday: the future is
    told from the day named before it in the same sentence (a statement reprinted days later),
    so Tuesday is the day after that Monday, not the Tuesday after publication.

    The day named is the last date mentioned, when the sentence names its weekday. Only when
    that reading falls between the day named and the publication date, where the two readings
    part; after the publication date both give the same day. The publication weekday itself
    stays that day (``_weekday_date``), as it does in any tense.
    """
    base = _parse_date(c.last) if c.last and len(c.last) >= 10 else None
    if base is None or base >= c.dct:
        return None
    if base.weekday() not in _weekdays_named(_sentence_before(c.text, m.start())):
        return None
    d = base + dt.timedelta(days=(wd - base.weekday()) % 7 or 7)
    return d if d < c.dct else None


def _sentence_before(text: str, start: int) -> str:
    """The part of start's sentence before it (within 400 characters)."""
    head = text[max(0, start - 400):start]
    ends = list(_SENTENCE_END.finditer(head))
    return head[ends[-1].end() - 1:] if ends else head


# The grammar's full weekday names, capitalised ("Monday" names a day; "monday" rarely does).
_WEEKDAY_NAME = re.compile(r"\b(?:" + "|".join(k.capitalize() for k in WEEKDAYS if k.endswith("day")) + r")\b")


def _weekdays_named(text: str) -> set[int]:
    """The weekdays a text names in full (0 = Monday)."""
    return {WEEKDAYS[m.group(0).lower()] for m in _WEEKDAY_NAME.finditer(text)}


def _weekday_next_to(m: re.Match[str], c: _Ctx, wd: int, suffix: str, typ: str) -> Resolved:
    """"the following Monday" after March 1: the first Monday after the day just named; with no
    day named, the one after (or before) the writing, as "next Monday" ("last Monday") is."""
    ahead = m["arel"].split()[-1].lower() in ("following", "next")
    base = _parse_date(c.last) if c.last and len(c.last) >= 10 else None
    if base is None:
        if c.dct is None:
            return f"XXXX-WXX-{wd + 1}{suffix}", typ, "weekday next to an unknown date"
        rel = "next" if ahead else "last"
        return _weekday_on(c.dct, wd, suffix, typ, rel, rel + ", ", None)
    delta = ((wd - base.weekday()) % 7 or 7) if ahead else -((base.weekday() - wd) % 7 or 7)
    d = base + dt.timedelta(days=delta)
    return d.isoformat() + suffix, typ, f"weekday next to the date just mentioned {c.last}"


@functools.lru_cache(maxsize=8192)
def _weekday_on(dct: Date, wd: int, suffix: str, typ: str, rel: str | None, rel_how: str,
                tense: str | None) -> Resolved:
    """A weekday's resolution on dct, from everything it reads.

    Memoised because inference resolves every undated article of a story on the same
    candidate days, and a story's articles name the same few weekdays in the same tenses.
    """
    d = _weekday_date(dct, wd, tense, rel)
    how = f"weekday, {rel_how}{tense or 'no'} tense, anchored on publication date {dct}"
    return d.isoformat() + suffix, typ, how


def _r_part_weekday(m: re.Match[str], c: _Ctx) -> Resolved:
    return _r_rel_weekday(m, c)


def _r_deictic_part(m: re.Match[str], c: _Ctx) -> Resolved:
    rel = m["rel"].lower()
    part = (m["part"] or "").lower()
    if rel in ("this", "last") and not part:
        return None
    if rel == "last" and part != "night":
        return None
    if rel == "tonight":
        part = part or "tonight"
    if not part:
        return None  # bare today/yesterday: the deictic rule
    off = {"this": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last": -1}[rel]
    code = PARTS_OF_DAY[part]
    if c.dct is None:
        return f"XXXX-XX-XXT{code}", "TIME", "part of day, date unknown"
    return (c.dct + dt.timedelta(days=off)).isoformat() + "T" + code, "TIME", f"part of day from publication date {c.dct}"


_NUMBER_AFTER = re.compile(r"\s+(?:\d|'\d)")
# "the prior year" and "the preceding month" are "the previous" in business and legal prose.
_UNIT_SIGNS = {"last": -1, "past": -1, "previous": -1, "the past": -1, "the last": -1, "the previous": -1,
               "the prior": -1, "the preceding": -1, "this past": -1,
               "next": 1, "coming": 1, "the next": 1, "the coming": 1, "the following": 1, "this coming": 1}
# "the coming weekend" said on a weekday is the one at the end of the same week, not a week on.
_COMING = frozenset({"coming", "the coming", "this coming"})


@functools.lru_cache(maxsize=128)
def _rel_unit_form(m: re.Match[str], text: str) -> tuple[str, str, int, bool] | None:
    """The anchor-free part of "last week", "the following month": (relative word, unit,
    sign, whether it counts from the date just mentioned), or None when no time is meant.

    Cached per match (identity) and text: inference resolves each match once per candidate day.
    """
    rel = _SPACES.sub(" ", m["rel"].lower())
    unit = m["unit"].lower()
    mod = _mod_text(m)
    if m["rel"][0].isupper() and m["unit"][0].isupper() and not _at_sentence_start(text, m.start(), quotes=False):
        return None  # "This Week With David Brinkley": a title in mid-sentence, no time
    if rel == "the" and not mod and unit not in ("weekend", "year"):
        return None
    if rel == "the" and _NUMBER_AFTER.match(text, m.end()):
        return None  # "end in the year 2010": the number names the year ("the year 2010" is the expression)
    sign = _UNIT_SIGNS.get(rel, 0)
    anaphoric = rel in ("the following", "the previous", "the prior", "the preceding", "the same", "that") \
        and unit != "weekend"
    return rel, unit, sign, anaphoric


def _r_rel_unit(m: re.Match[str], c: _Ctx) -> Resolved:
    form = _rel_unit_form(m, c.text)
    if form is None:
        return None
    rel, unit, sign, anaphoric = form
    if rel == "the" and unit == "year" and (ended := _year_ended(c, m.end())) is not None:
        return ended  # "for the year ended Sept. 30"
    if rel == "the" and _mod_text(m) and (told := _told_period(m, c, unit)) is not None:
        return told
    last = c.last if anaphoric and c.last and not c.last.startswith("X") else None
    if last is not None and (base := _parse_date(last)) is not None:
        return _rel_unit_on(rel, unit, sign, base, f"the date just mentioned {last}", None)
    if anaphoric and unit == "year" and c.year is not None:
        # "In 1985 ... that year", "the following year": the year just named, not the writing's
        return str(int(c.year) + sign), "DATE", f"{rel} year, anchored on the year just mentioned {c.year}"
    if anaphoric and unit == "month" and last is not None and _MONTH_VALUE.fullmatch(last):
        y, mo = _shift_months(int(last[:4]), int(last[5:]), sign)
        return f"{y:04d}-{mo:02d}", "DATE", f"{rel} month, anchored on the month just mentioned {last}"
    if c.dct is None:
        return {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
                "decade": "XXXX"}[unit], "DATE", f"{rel} {unit}, date unknown"
    tense = c.tense(c.text, m.start(), m.end()) if unit == "weekend" else None
    return _rel_unit_on(rel, unit, sign, c.dct, None, tense)


# The units a date just mentioned can place a part of ("the end of the month" needs a month or day).
_PLACES = {10: ("week", "month", "year", "decade"), 7: ("month", "year", "decade"), 4: ("year", "decade")}


def _told_period(m: re.Match[str], c: _Ctx, unit: str) -> Resolved:
    """"by the end of the week", "at the start of the decade" in a past narrative: the week or
    decade of the date just mentioned ("broke out on June 3, 2015 ... by the end of the week,
    40 homes were lost"), not of the writing. Forecasts and the present keep the writing's
    ("by the end of the year, the plant will close"), and None is given for them."""
    last = c.year if c.year_last else c.last  # a bare year named last is no anchor of its own
    if not last or last.startswith("X") or unit not in _PLACES.get(min(len(last), 10), ()):
        return None
    if not re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?", last[:10]):
        return None  # a quarter, a season, a week: no day to place the unit by
    if c.tense(c.text, m.start(), m.end()) != "past":
        return None
    base = dt.date(int(last[:4]), int(last[5:7]) if len(last) >= 7 else 1, int(last[8:10]) if len(last) >= 10 else 1)
    return _granular(base, unit), "DATE", f"{_mod_text(m)} the {unit} of the date just mentioned {last}"


@functools.lru_cache(maxsize=8192)
def _rel_unit_on(rel: str, unit: str, sign: int, base: Date, anchor: str | None, tense: str | None) -> Resolved:
    """"last week", "the following month" counted from base: the date just mentioned (as
    ``anchor`` words it) or, when anchor is None, the publication date.

    Memoised, as :func:`_weekday_on` is: every undated article of a story is resolved on
    the same candidate days, with the same few relative words and units.
    """
    how = f"{rel} {unit}, anchored on {anchor or f'publication date {base}'}"
    if unit == "weekend":
        d = base + dt.timedelta(weeks=0 if rel in _COMING and base.weekday() < 5 else sign)
        if sign == 0 and base.weekday() < 5 and (tense == "past" or (tense is None and base.weekday() <= 2)):
            d = base - dt.timedelta(weeks=1)  # early in the week, "the weekend" is the one just past
        return _fmt_week(d) + "-WE", "DATE", how
    return _granular(_offset_date(base, sign, unit), unit), "DATE", how


_WORD_AFTER = re.compile(r"[ \t]+[A-Za-z]")
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
_LATER_IN = re.compile(r"\b(?:later|earlier)\s+in\s+$", re.IGNORECASE)


def _r_anaphor_day(m: re.Match[str], c: _Ctx) -> Resolved:
    rel = (m["rel"] or "").lower()
    is_eve_of = m.group(0).lower().endswith("eve") and _OF_AFTER.match(c.text, m.end())
    if (m["ba"] and not m["yt"] and _WORD_AFTER.match(c.text, m.end())) or is_eve_of:
        # "before"/"after" heads a phrase of its own here ("the day before the plunge", "the
        # eve of the visit"): the day is the one that phrase names. "later in the day before
        # returning" is that same day (the shorter "the day" match takes it); after a date and
        # a comma it is that date in apposition ("Oct. 12, the day before the plunge"); with
        # no date named before, there is nothing to count from.
        before = c.text[max(0, m.start() - 16): m.start()]
        if _LATER_IN.search(before):
            return None
        if c.last and len(c.last) >= 10 and before.rstrip(" ").endswith(","):
            return c.last, "DATE", "the day named just before, in apposition"
        if c.last is None and not c.probe:
            return None
    if m["yt"]:
        name = f"the day {m['ba'].lower()} {m['yt'].lower()}"
        if c.dct is None:
            return "XXXX-XX-XX", "DATE", f"{name}, date unknown"
        days = (-1 if m["yt"].lower() == "yesterday" else 1) + (-1 if m["ba"].lower() == "before" else 1)
        return (c.dct + dt.timedelta(days=days)).isoformat(), "DATE", name
    off = 0
    if rel in ("next", "following") or m["ba"] == "after":
        off = 1
    elif rel in ("previous", "preceding", "prior") or m["ba"] == "before" or m.group(0).lower().endswith("eve"):
        off = -1
    base = _parse_date(c.last) if c.last and len(c.last) >= 10 else None
    if m["that"] and base is None and not c.probe:
        return None  # "redemptions that day" with no day named before: a generic day
    part = (m["unit"] or m["tunit"] or "day").lower()  # "that night": the part of the day just named
    suffix = "" if part == "day" else "T" + PARTS_OF_DAY[part]
    if base is None:
        if c.last and _UNDATED_DAY.fullmatch(c.last) and off == 0:
            return c.last + suffix, "DATE", "same day as the date just mentioned"
        if c.last and _MONTH_VALUE.fullmatch(c.last):
            # "last October ... that same day", "the next day": a day in the month just named
            # (the day after its last day is rare enough), which one unknown
            return f"{c.last}-XX{suffix}", "TIME" if suffix else "DATE", "a day of the month just mentioned"
        if c.dct is None:
            return "XXXX-XX-XX" + suffix, "DATE", "relative day, anchor unknown"
        base = c.dct
        how = f"relative day, anchored on publication date {c.dct} (no date mentioned before)"
    else:
        how = f"relative day, anchored on the date just mentioned {c.last}"
    return (base + dt.timedelta(days=off)).isoformat() + suffix, "TIME" if suffix else "DATE", how


def _r_then(m: re.Match[str], c: _Ctx) -> Resolved:
    """"until then", "by then": the day or month just named ("the offer ends on April 30. Until then")."""
    # without a date named before, "then" points at an event, which TimeML leaves unmarked
    if c.probe:
        return "XXXX-XX-XX", "DATE", "then: the date just mentioned"
    if not c.last or not (_parse_date(c.last) or _MONTH_VALUE.fullmatch(c.last)):
        return None
    return c.last, "DATE", f"then: the date just mentioned {c.last}"


def _r_unit_around(m: re.Match[str], c: _Ctx) -> Resolved:
    """"the year before", "the month after": one unit before or after the time just told of
    (the year, month or day last named), or the publication date when none was named.

    Only at the end of a phrase: in "the year before the election" the year is before what
    the phrase names, which the text gives and this rule does not know."""
    if _WORD_AFTER.match(c.text, m.end()):
        return None
    unit = m["unit"].lower()
    sign = -1 if m["ba"].lower() in ("before", "earlier") else 1
    name = f"the {unit} {m['ba'].lower()}"
    if unit == "year" and c.year is not None:
        return str(int(c.year) + sign), "DATE", f"{name}, from the year just mentioned {c.year}"
    if c.last and _MONTH_VALUE.fullmatch(c.last) and unit == "month":
        y, mo = _shift_months(int(c.last[:4]), int(c.last[5:]), sign)
        return f"{y:04d}-{mo:02d}", "DATE", f"{name}, from the month just mentioned {c.last}"
    base = _parse_date(c.last) if c.last and len(c.last) >= 10 else None
    how = f"{name}, from the date just mentioned {c.last}" if base else f"{name}, from publication date {c.dct}"
    base = base or c.dct
    if base is None:
        return {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}[unit], "DATE", f"{name}, date unknown"
    return _granular(_offset_date(base, sign, unit), unit), "DATE", how


def _r_day_around(m: re.Match[str], c: _Ctx) -> Resolved:
    """"the day before last Tuesday", "the day after March 3": the day next to a named day."""
    off = -1 if m["ba"].lower() == "before" else 1
    if m["month"]:
        named = _r_mdy(m, c)
        if named is None:
            return None
        d = _parse_date(named[0])
        if d is None:
            return "XXXX-XX-XX", "DATE", f"the day {m['ba'].lower()} a date, year unknown"
    elif m["hol"]:
        if c.dct is None:
            return "XXXX-XX-XX", "DATE", f"the day {m['ba'].lower()} a holiday, year unknown"
        day_of = _HOLIDAYS[_holiday_key(m["hol"])]
        d = _holiday_date(day_of, c.dct, "", c.tense(c.text, m.start(), m.end()))
    else:
        name = m["wd"] or m["wd0"]
        if not name[0].isupper():
            return None
        if c.dct is None:
            return "XXXX-XX-XX", "DATE", f"the day {m['ba'].lower()} a weekday, date unknown"
        d = _weekday_date(c.dct, WEEKDAYS[name.lower()], c.tense(c.text, m.start(), m.end()), m["rel"])
    return (d + dt.timedelta(days=off)).isoformat(), "DATE", f"the day {m['ba'].lower()} {d}"


def _r_ordinal_day(m: re.Match[str], c: _Ctx) -> Resolved:
    day = int(_DIGITS.match(m["day"]).group(0))
    if c.dct is None:
        return f"XXXX-XX-{day:02d}", "DATE", "day of month, month unknown"
    return _ordinal_day_on(c.dct, day, c.tense(c.text, m.start(), m.end()))


@functools.lru_cache(maxsize=4096)
def _ordinal_day_on(dct: Date, day: int, tense: str | None) -> Resolved:
    """"the 20th" said on dct: this month's day, or the month before (after) in the past
    (future) tense when the day is still ahead (already gone). Memoised, as
    :func:`_weekday_on` is, for inference's candidate days."""
    y, mo = dct.year, dct.month
    if day > dct.day and tense != "future":
        y, mo = _shift_months(y, mo, -1)  # "the 20th" said on the 13th, in the past: last month's
    elif day < dct.day and tense == "future":
        y, mo = _shift_months(y, mo, 1)  # "will open on the 5th" said on the 13th: next month's
    try:
        d = dt.date(y, mo, day)
    except ValueError:
        return None
    return d.isoformat(), "DATE", f"day of month, {tense or 'no'} tense, anchored on publication date {dct}"


_DEICTIC_VALUES = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "presently": "PRESENT_REF", "at present": "PRESENT_REF", "the present": "PRESENT_REF",
    "these days": "PRESENT_REF", "this time": "PRESENT_REF", "the moment": "PRESENT_REF",
    "for now": "PRESENT_REF", "so far": "PRESENT_REF", "to date": "PRESENT_REF", "until now": "PRESENT_REF",
    "immediately": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "previously": "PAST_REF", "formerly": "PAST_REF",
    "the past": "PAST_REF", "earlier": "PAST_REF", "recent": "PAST_REF", "once": "PAST_REF",
    "already": "PAST_REF",
    "the future": "FUTURE_REF", "soon": "FUTURE_REF", "shortly": "FUTURE_REF", "future": "FUTURE_REF",
    "a later date": "FUTURE_REF", "the near future": "FUTURE_REF", "the distant future": "FUTURE_REF",
    "the foreseeable future": "FUTURE_REF", "the recent past": "PAST_REF", "later": "FUTURE_REF", "in time": "FUTURE_REF",
    "moments ago": "PAST_REF", "a few moments ago": "PAST_REF", "a while ago": "PAST_REF", "a short while ago": "PAST_REF",
    "a short time ago": "PAST_REF",
}
# Deictic words kept: the ones TimeML marks as time expressions in most of their uses.
# Measured on the development half (marked vs unmarked uses): "soon" 3/8, "previously" 2/6,
# bare "future" 2/5, "current" 1/4, "recent" 4/5 were dropped, as were "once", "already",
# "later", "so far", "to date" (precision fell more than recall rose); "now" 26/13,
# "recently" 9/5 and "currently" 5/4 stay. "soon" is kept where it looks ahead from the time
# of writing (see _soon_is_future).
_DEICTIC_KEEP = {
    "today", "tonight", "yesterday", "tomorrow", "now", "currently", "nowadays",
    "presently", "at present", "the present", "recently", "lately", "formerly",
    "the past", "the future", "these days", "a later date", "the near future", "the distant future",
    "the foreseeable future", "the recent past",
    # a time just before the writing whose length nobody counts, as broadcasts say it
    "moments ago", "a few moments ago", "a while ago", "a short while ago", "a short time ago",
}


# "soon" is TimeML's FUTURE_REF when it looks ahead from the time of writing ("may soon seek");
# in narrative ("was soon released") and in "as soon as" / "soon after" it is relative to
# another event and stays unmarked (dev half: 3 of 3 such future uses marked, 0 of 6 others).
_SOON_RELATIVE = re.compile(r"\s+(?:after|afterwards?|as|thereafter)\b", re.IGNORECASE)
_AS_BEFORE = re.compile(r"\b(?:as|how|too|so)\s+$", re.IGNORECASE)
_MODAL_BEFORE = re.compile(r"\b(?:will|would|may|might|could|should|must|can|to)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _soon_is_future(m: re.Match[str], c: _Ctx) -> bool:
    if c.probe:
        return True
    if _SOON_RELATIVE.match(c.text, m.end()) or _AS_BEFORE.search(c.text, max(0, m.start() - 8), m.start()):
        return False
    if _MODAL_BEFORE.search(c.text, max(0, m.start() - 20), m.start()):
        return True
    return c.tense(c.text, m.start(), m.end()) != "past"


_DEGREE = re.compile(r"^(?:late|early|earlier|later) ")
# "recently" right before a date ("most recently last October", "recently on Monday", "as
# recently as 1995") only qualifies that date, which is the expression.
_DATE_AFTER = re.compile(r",?\s+(?:(?:in|on|at|as)\s+)?(?:(?:last|this|early|late)\s+(?:week|month|year|"
                         + F["MONTH"] + "|" + F["WEEKDAY"] + r")|(?!may\b)" + F["MONTH"] + "|" + F["WEEKDAY"]
                         + r"|yesterday|today|(?:1[89]|20)\d\d)\b", re.IGNORECASE)
# "the leaders of tomorrow", "the cars of tomorrow": a noun of the future in general, no day.
# Words that relate to a particular day ("ahead of tomorrow", "the end of tomorrow") keep it.
_GENERIC_OF_BEFORE = re.compile(r"\b(?:the\s+)?(?!(?:ahead|instead|because|out|start|end|beginning|morning|afternoon|"
                                r"evening|night|rest|middle|eve|part|course|day|hours)\b)[a-z]+s?\s+of\s+$")


@functools.lru_cache(maxsize=1024)
def _deictic_word(text: str) -> str:
    """A deictic expression as the tables spell it ("Late  Recently" -> "recently")."""
    return _DEGREE.sub("", _SPACES.sub(" ", text.lower()))


def _r_deictic(m: re.Match[str], c: _Ctx) -> Resolved:
    w = _deictic_word(m.group(0))
    if w == "soon" and _soon_is_future(m, c):
        return "FUTURE_REF", "DATE", "soon: ahead of the time of writing"
    if w not in _DEICTIC_KEEP:
        return None
    if w in ("today", "tonight", "yesterday", "tomorrow"):
        if _in_proper_name(c.text, m.start()):
            return None  # "USA Today", "VOA Today": a name, which TimeML leaves unmarked
        if w == "tomorrow" and _GENERIC_OF_BEFORE.search(c.text, max(0, m.start() - 20), m.start()) \
                and not c.text.startswith("'s", m.end()):
            return "FUTURE_REF", "DATE", "of tomorrow: the future in general"
        v = _day_of(w, c, m.start(), m.end())
        if w == "tonight":
            return v + "TNI", "TIME", "tonight"
        return v, "DATE", f"{w}, anchored on publication date {c.dct}" if c.dct else w
    if w in ("current", "future", "recent"):
        nxt = c.text[m.end(): m.end() + 20].lower()
        if re.match(r"\s+(?:account|affairs|events|history|generations?|tense|contracts?|prices?)\b", nxt):
            return None
    if w == "recently" and _DATE_AFTER.match(c.text, m.end()):
        return None  # "most recently last October": the date that follows says when
    if w == "now" and c.text.startswith(",", m.end()) and _at_sentence_start(c.text, m.start()):
        return None  # "Now, he says, ...": the discourse marker, not the time (dev half: 0 of 3 marked)
    if w in ROLE_ADVERBS and _opens_role_apposition(c.text, m.start(), m.end()):
        return None  # "Dana Morvik, formerly Estovia Telecom's finance chief": when a role was held
    if w in ("the past", "the future") and _NOUN_AFTER.match(c.text, m.end()):
        return None  # "the past tragedies", "the future leadership": an adjective, no time of its own
    if w == "the future" and re.match(r"\s+of\b", c.text[m.end(): m.end() + 4]):
        return None  # "the future of our peoples": what becomes of something, not a time
    return _DEICTIC_VALUES[w], "DATE", "reference to present, past or future"


_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][A-Za-z]*\s+$")
# "Dana Morvik, formerly Estovia Telecom's finance chief, ..." / "..., currently deputy
# minister, ...": an adverb opening an appositive role says when the person held the role,
# as the adjective "former" does, and TimeML marks neither (dev half: 0 of 2 such uses marked;
# "currently holds" and "now owns", which time an event or state, are kept).
ROLE_ADVERBS = frozenset({"formerly", "currently", "presently"})
ROLE_HEADS = (r"president|chairman|chairwoman|chair|chief|director|officer|executive|manager|head|minister|"
              r"secretary|editor|governor|ambassador|commander|spokesman|spokeswoman|spokesperson|partner|"
              r"analyst|adviser|advisor|counsel|treasurer|deputy|mayor|senator|professor|leader|member|official")
_ROLE_APPOSITION = re.compile(r"(?:\s+(?!(?:is|was|are|were|has|had|holds?|held|owns?|serves?|works?)\b)"
                              r"[\w'.&-]+){0,4}?\s+(?:vice\s+)?(?:" + ROLE_HEADS + r")s?\b", re.IGNORECASE)
_COMMA_BEFORE = re.compile(r",\s*$")


def _opens_role_apposition(text: str, start: int, end: int) -> bool:
    """", formerly <role>," / ", currently <role>,": the adverb qualifies the role noun."""
    return bool(_COMMA_BEFORE.search(text, max(0, start - 3), start)) and bool(_ROLE_APPOSITION.match(text, end))
# A plural noun right after "the past" / "the future" is what the adjective modifies ("the past
# tragedies", "the future generations"); verbs and function words ending in s do not count.
_NOUN_AFTER = re.compile(r"[ \t]+(?!(?:is|was|has|does|looks|seems|remains|lies|holds|belongs|as|us|this|thus|"
                         r"plus|unless|its|his|always|perhaps|decades|years|months|weeks|days|centuries|quarters|"
                         r"hours)\b)[a-z]+s\b")


def _in_proper_name(text: str, start: int) -> bool:
    """A capitalised time word inside a run of capitalised words, not opening a sentence."""
    if not text[start].isupper() or _at_sentence_start(text, start):
        return False
    return _CAPITALISED_BEFORE.search(text, max(0, start - 30), start) is not None


def _at_sentence_start(text: str, start: int, quotes: bool = True) -> bool:
    """Whether only spaces (and quotes, unless quotes=False) stand between the previous
    sentence end and start."""
    before = text[max(0, start - 4): start].rstrip(" \"'`\u201c" if quotes else " ")
    return not before or before[-1] in ".!?\n"


def _r_recent_units(m: re.Match[str], c: _Ctx) -> Resolved:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = _unit(m["unit"])
    if rel in ("recent", "in recent", "past"):
        # TIMEX3 reads "in recent years" as a stretch of unknown length (PXY), like "the past
        # years"; the bare adverb "recently" is the PAST_REF (dev half: 6 of 6 PX…).
        return _duration(None, unit), "DURATION", f"recent {unit}s: a stretch of unknown length"
    if rel in ("the past", "the last", "last", "the past few", "the last few"):
        return _duration(None, unit), "DURATION", f"the past {unit}s"
    if rel in ("coming", "next", "the coming", "the next", "the next few", "the coming few"):
        return _duration(None, unit), "DURATION", f"the coming {unit}s"
    return _duration(None, unit), "DURATION", f"{rel} {unit}s"


def _r_year_ago(m: re.Match[str], c: _Ctx) -> Resolved:
    which = m["which"].lower()
    if m["unit"]:
        # "the year-earlier nine months": a stretch of nine months (TimeML marks the duration)
        return _duration(_num(m["num"]), m["unit"]), "DURATION", "a stretch of the year before"
    if which == "year" and (m["what"] or "").lower() in ("quarter", "period") and c.dct is not None:
        # "the year-ago quarter": the quarter being reported, a year back (a quarter, not a year)
        base = c.last if c.last and _QUARTER_FULL.fullmatch(c.last) else "%d-Q%d" % _report_quarter(c.dct)
        return _shift(base, -1, "year"), "DATE", "the same quarter a year before"
    if c.last and _QUARTER_FULL.fullmatch(c.last):
        return _shift(c.last, -1, which), "DATE", f"{which} before the quarter just mentioned"
    if c.dct is None:
        return "XXXX", "DATE", "year before, unknown"
    return _granular(_offset_date(c.dct, -1, which), which), "DATE", f"{which} before publication date"


def _r_period_last_year(m: re.Match[str], c: _Ctx) -> Resolved:
    """"the corresponding period last year", "last year's quarter": results news comparing the
    quarter it reports with the same quarter a year before (a quarter, like "the year-ago quarter")."""
    if c.dct is None:
        return "XXXX-QX", "DATE", "the same quarter a year before, unknown"
    base = c.last if c.last and _QUARTER_VALUE.match(c.last) else "%d-Q%d" % _report_quarter(c.dct)
    return _shift(base, -1, "year"), "DATE", "the same quarter a year before"


# "37 years old": an age, which TimeML leaves unmarked like "a 37-year-old" (dev half: 0 of 2).
_AGE_AFTER = re.compile(r"\s+old\b", re.IGNORECASE)
# "three-quarters of its food", "a quarter of the market": a fraction, not three months.
_FRACTION_OF = re.compile(r"\s+of\s+(?:the|its|their|his|her|our|all|a|an|this|that|these|those|total)\b",
                          re.IGNORECASE)
# "will one day be": some unknown time ahead (TimeML FUTURE_REF), not a stretch of one day.
_MODAL_ONE_DAY = re.compile(r"\b(?:will|would|may|might|could|can|shall|should)\s+$", re.IGNORECASE)


# After "a second", a word that is no preposition, conjunction or adverb is the noun it counts.
_ORDINAL_SECOND = re.compile(r"\s+(?!(?:later|earlier|ago|or|and|before|after|of|in|to|too|more|longer|for|at|on|"
                             r"then|now|as|the|when|while|that|or\s+two)\b)[a-z]+")


# "will expire in two years", "would be repaid in five years": "in" and a count after a verb
# of the future name the time that far ahead of the writing (TimeML: a DATE), not a stretch.
# A superlative or "first"/"only" between them makes it the stretch again ("will be the first
# rise in ten years"), and so does a negation ("will not be paid in five years" is unclear).
_FUTURE_IN_BEFORE = re.compile(
    r"\b(?:will|'ll|shall|would|going\s+to|(?:is|are)\s+(?:expected|due|scheduled|set)\s+to)\s+"
    r"(?:(?!(?:not|never|the|a|an|first|last|only|ever|time|times|most|least|its|their|his|her|our)\b)"
    r"[a-z]+\s+){0,3}in\s+$",
    re.IGNORECASE)


def _future_in(m: re.Match[str], c: _Ctx) -> Resolved:
    """The date a whole count of calendar units ahead of publication ("will end in two years")."""
    unit = _unit(m["unit"])
    if c.dct is None or m["rel"] or m["approx"] or m["num2"] or m["half"] or m["per"] or UNITS[unit][1]:
        return None
    n = _num(m["num"])
    if n is None or not float(n).is_integer() or not 1 <= n < 100:
        return None
    if not _FUTURE_IN_BEFORE.search(c.text, max(0, m.start() - 60), m.start()):
        return None
    try:
        d = _offset_date(c.dct, int(n), unit)
    except _OFF_CALENDAR:
        return None
    return _granular(d, unit), "DATE", f"in {int(n)} {unit} ahead of publication date {c.dct}"


def _rate(unit: str) -> str:
    """The TIMEX3 value of "per unit" / "a unit" in a rate: P1Y, P1W, PT1H (time units take T)."""
    letter, is_time, _ = UNITS[_unit(unit)]
    return ("PT1" if is_time else "P1") + letter


_MEASURE_AFTER = re.compile(r"[\s-]+(?:point|percentage|mile|inch|pound|ounce|cent|share|stake|turn|tank)s?\b",
                            re.IGNORECASE)


def _r_duration(m: re.Match[str], c: _Ctx) -> Resolved:
    unit = m["unit"]
    num = m["num"]
    low = num.lower()
    if _AGE_AFTER.match(c.text, m.end()):
        return None
    if low in ("a", "an") and m["pl"]:
        return None  # "a decades-long feud": the article belongs to the noun after, no count
    if _unit(unit) == "quarter" and not m["rel"] and _FRACTION_OF.match(c.text, m.end()):
        return None
    if _unit(unit) == "quarter" and not m["pl"] and _MEASURE_AFTER.match(c.text, m.end()):
        return None  # "a quarter point", "a quarter-point cut": a fourth of a measure, no time
    if low in ("one", "some") and _unit(unit) == "day" and not m["pl"] and not m["approx"] \
            and _MODAL_ONE_DAY.search(c.text, max(0, m.start() - 10), m.start()):
        return "FUTURE_REF", "DATE", "one day ahead, time unknown"
    if low in ("a", "an") and _unit(unit) == "second" and not m["pl"] and _ORDINAL_SECOND.match(c.text, m.end()):
        return None  # "a second child", "a second night": the ordinal, not a second of time
    if m["per"]:
        return _rate(m["unit2"]), "SET", "rate per unit"
    if low in ("a", "an", "one") and not m["rel"] and not m["approx"]:
        # "a year": a set after a number ("$5 a year", "twice a week", "$15 an hour"), else one unit
        before = c.text[max(0, m.start() - 25): m.start()]
        if low in ("a", "an") and re.search(r"(?:\d|%|times|twice|once|dollars|cents|million|billion|percent)\s*$", before, re.IGNORECASE):
            return _rate(unit), "SET", "rate per unit"
    if low in ("some",) and not m["pl"]:
        return None
    n = 1.0 if low == "another" else _num(num)  # "another year": one more
    if n is None and low not in VAGUE_NUMBERS and not any(low.startswith(v) for v in VAGUE_NUMBERS):
        return None
    if m["half"] and n is not None:
        n += 0.5  # "a year and a half"
    if m["num2"] and (n2 := _num(m["num2"])) is not None and n2 != n:
        n = None  # "12 to 18 months": one duration of a length not known exactly (PXM)
    if n is not None and n >= 1000 and "," not in num:
        return None  # "the 1988 quarter": a year, not a count ("1,988 days" is one)
    ahead = _future_in(m, c)
    if ahead is not None:
        return ahead
    return _duration(n, unit), "DURATION", "duration"


# "the average daily volume", "peak weekly sales": the frequency word makes a unit of measure
# (volume per day), not a set of recurring times.
_STATISTIC_BEFORE = re.compile(r"\b(?:average|mean|median|peak|record|total)\s+$", re.IGNORECASE)


def _r_set(m: re.Match[str], c: _Ctx) -> Resolved:
    if m["word"]:
        code = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
                "annually": "P1Y", "yearly": "P1Y", "annual": "P1Y", "quarterly": "P3M", "hourly": "PT1H",
                "semiannually": "P6M"}[m["word"].lower()]
        if m["word"].lower() in ("annual", "quarterly", "annually"):
            return None  # "annual meeting", "quarterly dividend": on the dev half mostly unmarked
        if m["word"][0].isupper() and _NAME_WORD_AFTER.match(c.text, m.end()):
            return None  # "the Daily Mail", "Weekly Standard": a title
        if _STATISTIC_BEFORE.search(c.text, max(0, m.start() - 12), m.start()):
            return None  # "average daily volume": a measure per day, no recurring time
        return code, "SET", "frequency"
    u = m["unit"].lower()
    if u in WEEKDAYS:
        return f"XXXX-WXX-{WEEKDAYS[u] + 1}", "SET", "every weekday"
    if u in SEASONS:
        return f"XXXX-{SEASONS[u]}", "SET", "every season"
    if u in ("morning", "afternoon", "evening"):  # "every night" is a unit: per night, P1D
        return f"XXXX-XX-XXT{PARTS_OF_DAY[u]}", "SET", "every part of the day"
    if m["num"]:
        # "every six months": the period of the recurrence is the whole stretch (P6M)
        return _duration(_num(m["num"]), u), "SET", "every stretch of units"
    if m["other"]:
        return _duration(2, u), "SET", "every other unit"
    return _rate(u), "SET", "every unit"


def _r_rel_fortnight(m: re.Match[str], c: _Ctx) -> Resolved:
    """"the past fortnight": two weeks up to (or from) the time of writing, a stretch as "the past
    two weeks" is; no calendar fortnight exists to name as a date."""
    return "P2W", "DURATION", "a fortnight back or ahead"


def _r_extra_unit(m: re.Match[str], c: _Ctx) -> Resolved:
    """"an additional year": one more unit, a duration."""
    return _duration(1, m["unit"]), "DURATION", "one more unit"


def _nth_weekday(y: int, month: int, wd: int, n: int) -> Date:
    """The n-th weekday wd (0 = Monday) of a month; n = -1 for the last one."""
    if n < 0:
        last = dt.date(y, month, calendar.monthrange(y, month)[1])
        return last - dt.timedelta(days=(last.weekday() - wd) % 7)
    first = dt.date(y, month, 1)
    return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))


def _easter(y: int) -> Date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    wd = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * wd) // 451
    month, day = divmod(h + wd - 7 * m + 114, 31)
    return dt.date(y, month, day + 1)


def _from_easter(days: int) -> Callable[[int], Date]:
    return lambda y: _easter(y) + dt.timedelta(days=days)


def _from_thanksgiving(days: int) -> Callable[[int], Date]:
    return lambda y: _nth_weekday(y, 11, 3, 4) + dt.timedelta(days=days)


# Feasts whose day of the year moves with Easter: with no year known, no day can be written.
_MOVABLE = frozenset({"easter", "easter sunday", "easter monday", "good friday", "palm sunday", "ash wednesday",
                      "maundy thursday", "holy thursday", "holy saturday"})


def _holiday_key(name: str) -> str:
    """A holiday's name as the table has it: lower case, single spaces, a plain apostrophe,
    no "Jr." or "St." dots ("Martin Luther King Jr. Day", "St. Patrick’s Day")."""
    key = re.sub(r"\s+", " ", name.lower()).replace("\u2019", "'")
    return key.replace(" jr. ", " jr ").replace("st. ", "st ")


# Holidays named in (mostly US) news, as functions of the year.
_HOLIDAYS: dict[str, Callable[[int], Date]] = {
    "easter": _easter, "easter sunday": _easter, "easter monday": _from_easter(1), "good friday": _from_easter(-2),
    "palm sunday": _from_easter(-7), "ash wednesday": _from_easter(-46), "maundy thursday": _from_easter(-3),
    "holy thursday": _from_easter(-3), "holy saturday": _from_easter(-1),
    "black friday": _from_thanksgiving(1), "cyber monday": _from_thanksgiving(4),
    "mother's day": lambda y: _nth_weekday(y, 5, 6, 2), "father's day": lambda y: _nth_weekday(y, 6, 6, 3),
    "martin luther king day": lambda y: _nth_weekday(y, 1, 0, 3),
    "martin luther king jr day": lambda y: _nth_weekday(y, 1, 0, 3),
    "presidents day": lambda y: _nth_weekday(y, 2, 0, 3), "presidents' day": lambda y: _nth_weekday(y, 2, 0, 3),
    "columbus day": lambda y: _nth_weekday(y, 10, 0, 2),
    "st patrick's day": lambda y: dt.date(y, 3, 17),
    "christmas day": lambda y: dt.date(y, 12, 25), "christmas": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24), "new year's day": lambda y: dt.date(y, 1, 1),
    "new year day": lambda y: dt.date(y, 1, 1), "new year's eve": lambda y: dt.date(y, 12, 31),
    "new year eve": lambda y: dt.date(y, 12, 31),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4), "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
    "independence day": lambda y: dt.date(y, 7, 4), "fourth of july": lambda y: dt.date(y, 7, 4),
    "the fourth of july": lambda y: dt.date(y, 7, 4), "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14), "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1), "veterans day": lambda y: dt.date(y, 11, 11),
    "boxing day": lambda y: dt.date(y, 12, 26),
}
# A bare "Christmas" is often a kind of thing ("Christmas shopping"); after these words it is the day.
_HOLIDAY_CUE_BEFORE = re.compile(r"\b(?:on|at|by|before|after|since|until|till|over|for|around|during)\s+$",
                                 re.IGNORECASE)


# "the Good Friday Agreement", "the Good Friday accord": the Northern Ireland peace deal's name
_ACCORD_AFTER = re.compile(r"\s+(?:agreement|accord|peace)\b", re.IGNORECASE)


def _r_holiday(m: re.Match[str], c: _Ctx) -> Resolved:
    name = _holiday_key(m["name"])
    day_of = _HOLIDAYS[name]
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    year = m["year"] or m["year0"]  # "Christmas 2004", "the 2004 Boxing Day tsunami"
    if name in ("christmas", "thanksgiving", "halloween", "easter") and not rel and not year and not m["wkend"] \
            and not _HOLIDAY_CUE_BEFORE.search(c.text, max(0, m.start() - 10), m.start()):
        return None
    if name == "good friday" and _ACCORD_AFTER.match(c.text, m.end()):
        return None
    if m["wkend"]:
        return _holiday_weekend(m, c, day_of, name, rel)
    if year:
        return day_of(int(_y(year))).isoformat(), "DATE", f"{name} of an explicit year"
    if c.dct is None:
        if name in _MOVABLE:
            return "XXXX-XX-XX", "DATE", f"{name}, year unknown"
        return "XXXX-" + day_of(2001).isoformat()[5:], "DATE", f"{name}, year unknown"
    tense = c.tense(c.text, m.start(), m.end())
    d = _holiday_date(day_of, c.dct, rel, tense)
    return d.isoformat(), "DATE", f"{name}, {rel or (tense or 'no') + ' tense'}, from publication date {c.dct}"


def _holiday_weekend(m: re.Match[str], c: _Ctx, day_of: Callable[[int], Date], name: str, rel: str) -> Resolved:
    """"the Memorial Day weekend", "Thanksgiving weekend": the weekend next to the holiday, the
    one before a Monday holiday and the one after a holiday late in the week."""
    if c.dct is None:
        return "XXXX-WXX-WE", "DATE", f"{name} weekend, year unknown"
    d = _holiday_date(day_of, c.dct, rel, c.tense(c.text, m.start(), m.end()))
    if d.weekday() < 2:  # Monday or Tuesday: the weekend just before
        d -= dt.timedelta(days=d.weekday() + 1)
    return _fmt_week(d) + "-WE", "DATE", f"the weekend of {name} {d.year}"


def _holiday_date(day_of: Callable[[int], Date], dct: Date, rel: str, tense: str | None) -> Date:
    """Which year's holiday: "last" strictly before dct, "next" strictly after; without one,
    past tense takes the latest not after dct, future the first not before, else this year's."""
    options = [day_of(y) for y in (dct.year - 1, dct.year, dct.year + 1)]
    if rel in ("last", "this past"):
        return max(d for d in options if d < dct)
    if rel in ("next", "the coming"):
        return min(d for d in options if d > dct)
    if not rel and tense == "past":
        return max(d for d in options if d <= dct)
    if not rel and tense == "future":
        return min(d for d in options if d >= dct)
    return day_of(dct.year)


def _r_over_the_units(m: re.Match[str], c: _Ctx) -> Resolved:
    if _OF_AFTER.match(c.text, m.end()) or re.match(r"\s+\d", c.text[m.end(): m.end() + 3]):
        return None  # "over the years of the war", "the years 1990 to 1995": years named after
    return _duration(None, m["unit"]), "DURATION", "over the units: a stretch of unknown length"


def _r_unit_long(m: re.Match[str], c: _Ctx) -> Resolved:
    return _duration(1, m["unit"]), "DURATION", "one unit long"


# "the early hours of Sunday", "in the small hours": the night's last hours, a time of day and
# no stretch of some hours
_NIGHT_HOURS_BEFORE = re.compile(r"\b(?:early|small|wee)\s+$", re.IGNORECASE)


def _r_plural_units(m: re.Match[str], c: _Ctx) -> Resolved:
    if m["unit"].lower() == "hours" and _NIGHT_HOURS_BEFORE.search(c.text, max(0, m.start() - 8), m.start()):
        return None
    return _duration(None, m["unit"]), "DURATION", "unspecified number of units"


_RESOLVERS: dict[str, Callable[[re.Match[str], _Ctx], Resolved]] = {
    "iso": _r_iso, "slash": _r_slash, "clock": _r_clock, "mdy": _r_mdy, "mdy_word": _r_mdy, "mdy_pair": _r_mdy, "dmy_pair": _r_dmy_pair, "dmy": _r_mdy, "dmy_word": _r_mdy, "week_of": _r_week_of, "week_of_month": _r_week_of_month,
    "month_year": _r_month_year, "month_pair_year": _r_month_year, "month_rel_year": _r_month_rel_year, "mdy_rel_year": _r_mdy_rel_year, "rel_month": _r_month, "month": _r_month, "decade": _r_decade,
    "century": _r_century, "this_century": _r_this_century, "quarter": _r_quarter,
    "rel_quarter": _r_rel_quarter, "rel_year_quarter": _r_rel_year_quarter, "the_quarter": _r_the_quarter, "rel_fortnight": _r_rel_fortnight, "period_abbr": _r_period_abbr, "month_quarter": _r_month_quarter, "year_quarter": _r_year_quarter, "half": _r_half, "two_quarters": _r_two_quarters,
    "fiscal_year": _r_fiscal_year, "year_end": _r_year_end, "kind_year": _r_kind_year, "year": _r_year, "season": _r_season, "ago": _r_ago,
    "rel_weekday": _r_rel_weekday, "part_weekday": _r_part_weekday, "short_year": _r_short_year,
    "deictic_part": _r_deictic_part, "rel_unit": _r_rel_unit, "anaphor_day": _r_anaphor_day, "day_around": _r_day_around, "unit_around": _r_unit_around,
    "ordinal_day": _r_ordinal_day, "deictic": _r_deictic, "recent_units": _r_recent_units,
    "units_ahead": _r_plural_units, "holiday": _r_holiday, "extra_unit": _r_extra_unit,
    "year_ago": _r_year_ago, "period_last_year": _r_period_last_year, "duration": _r_duration, "set": _r_set,
    "plural_units": _r_plural_units, "plural_for": _r_plural_units, "over_the_units": _r_over_the_units, "unit_long": _r_unit_long,
    "then_anaphor": _r_then,
}

# Span trimming: TimeML leaves "in" and "of" outside the expression.
_LEAD_TRIM = re.compile(r"(?:in|of)\s+", re.IGNORECASE)  # used with .match(text, pos): anchored there


_PROBE_DATE = dt.date(2000, 6, 15)  # any date: resolvers refuse matches on their text, not on the anchor


def _recognise(text: str) -> list[_Match]:
    """Every rule's matches; the longest non-overlapping ones win, then the earlier rule."""
    return list(_recognised(text))


@functools.lru_cache(maxsize=64)
def _recognised(text: str) -> tuple[_Match, ...]:
    """`_recognise`, kept for the texts read last: dating a group of undated articles
    recognises each text to infer its date and again to resolve it on that date (the
    matches are immutable). Small: a dating task holds about 50 articles."""
    cands = candidates(text)
    taken = bytearray(len(text) + 1)  # 1 where a chosen match already covers the character
    chosen: list[_Match] = []
    probe = _Ctx(text=text, dct=_PROBE_DATE, tense=lambda *_: None, probe=True)
    for cand in cands:
        if any(taken[cand.start:cand.end]):
            continue
        if _RESOLVERS[cand.rule](cand.match, probe) is None:
            continue  # the rule's own checks refuse it ("May" the verb): let a shorter match win
        taken[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
        chosen.append(cand)
    chosen.sort(key=lambda x: x.start)
    return tuple(chosen)


# "the third-quarter results": the hyphenated adjective is the expression, not "the".
_THE_ADJECTIVE = re.compile(r"the\s+(?=[\w.]+-(?:quarter|year|month|week|day|hour|minute|decade)\b)", re.IGNORECASE)


# "will last nine days", "could last weeks": after "to" or a modal, "last" is the verb, and the
# length it governs is the expression. Only a length follows it there, so only the rules of
# lengths trim it ("up to last year's level" keeps its "last").
_VERB_LAST = re.compile(r"last\s+")
_VERB_LAST_BEFORE = re.compile(r"\b(?:to|will|would|could|can|may|might|must|should|shall|not|'ll)\s+$",
                               re.IGNORECASE)
_LENGTH_RULES = frozenset({"duration", "recent_units"})


def _verb_last(text: str, start: int, end: int) -> re.Match[str] | None:
    """The verb "last" opening a length ("to last several months"), or None."""
    lead = _VERB_LAST.match(text, start, end)
    if lead is None or not _VERB_LAST_BEFORE.search(text, max(0, start - 8), start):
        return None
    return lead


def _trimmed(text: str, start: int, end: int, rule: str = "") -> tuple[int, int]:
    lead = _LEAD_TRIM.match(text, start, end) or _THE_ADJECTIVE.match(text, start, end)
    if lead is None and rule in _LENGTH_RULES:
        lead = _verb_last(text, start, end)
    if lead:
        start = lead.end()
    while end > start and text[end - 1] in " ,":
        end -= 1
    return start, end


# Values later expressions may anchor on ("the same day", "a year earlier"): days, months, quarters.
_ANCHORABLE = re.compile(r"^(?:\d{4}|X{4})-(?:\d\d|XX)-\d\d|^\d{4}-(?:\d\d|Q\d)$")


_QUARTER_VALUE = re.compile(r"^\d{4}-Q[1-4]$")
_KNOWN_YEAR = re.compile(r"\d{4}(?!\d)")  # with match: a value of a known year ("1985", "1985-06-02")


# The rules that read two days of one month ("April 24 and 25", "24-25 April") as two dates.
_PAIR_RULES = frozenset({"mdy_pair", "dmy_pair"})


def _pair_days(m: re.Match[str], value: str, how: str) -> list[tuple[int, int, str, str, str]]:
    """"April 24 and 25", "24-25 April": two dates, as TimeML marks them, the second in the
    first's month; the month (and year) belong to the date written next to them."""
    first = (m.start(), m.end("day"), value, "DATE", how)
    end2 = m.end("year") if m["year"] else max(m.end("day2"), m.end("month"))
    value2 = value[:-2] + f"{int(m['day2']):02d}"
    if value2[0] != "X" and _parse_date(value2) is None:
        return [first]
    if m["dash"] and int(m["day2"]) <= int(m["day"]):
        return [first]  # "March 3-2": a score or a count after the date, no span of days
    return [first, (m.start("day2"), end2, value2, "DATE", "second day of a pair, in the same month")]


# A match ready to resolve on any anchor: (rule, resolver, the regex match, trimmed start and
# end, whether a quarter it gives is derived (no anchor), whether it names a quarter of no year).
_Prepared = tuple[str, Callable[[re.Match[str], _Ctx], Resolved], re.Match[str], int, int, bool, bool]


def _prepare(text: str, matches: Sequence[_Match]) -> list[_Prepared]:
    """What resolving matches needs that does not depend on the anchor, worked out once.

    Inference resolves one article's matches on every candidate day; the span trimming and
    the rule's lookups are the same on each of them.
    """
    out: list[_Prepared] = []
    for cand in matches:
        rule = cand.rule
        start, end = _trimmed(text, cand.start, cand.end, rule)
        # A quarter reached by going back a year ("a year ago" in results news) is no anchor:
        # the next "a year ago" still means a year before the quarter reported, not two.
        derived = rule in ("ago", "year_ago")
        named = (rule == "quarter" and not (cand.match["year"] or cand.match["year2"])) \
            or (rule == "period_abbr" and bool(cand.match["q"]) and not cand.match["year"])
        out.append((rule, _RESOLVERS[rule], cand.match, start, end, derived, named))
    return out


def _resolve_prepared(text: str, prepared: Sequence[_Prepared], dct: Date | None,
                      tense: Callable[[str, int, int], str | None]) -> list[tuple[int, int, str, str, str]]:
    """Resolve prepared matches (see `_prepare`) in text order, so "the same day" sees the
    date just before it."""
    ctx = _Ctx(text=text, dct=dct, tense=tense)
    out: list[tuple[int, int, str, str, str]] = []
    for rule, resolver, match, start, end, derived, named in prepared:
        res = resolver(match, ctx)
        if res is not None:
            _take(res, ctx, out, rule, match, start, end, derived, named)
    return out


def _take(res: tuple[str, str, str], ctx: _Ctx, out: list[tuple[int, int, str, str, str]], rule: str,
          match: re.Match[str], start: int, end: int, derived: bool, named: bool) -> None:
    """Add a reading to ``out`` and leave in ``ctx`` what the expressions after it anchor on."""
    value, typ, how = res
    if rule in _PAIR_RULES:
        out.extend(_pair_days(match, value, how))
        if _ANCHORABLE.match(out[-1][2]):
            ctx.last = out[-1][2]
        return
    out.append((start, end, value, typ, how))
    left = _leaves(value, typ, rule, derived, named)
    if left is None:
        return
    last, quarter, year, year_last = left
    if year is not _KEEP:
        ctx.year, ctx.year_last = year, year_last
    if last is not _KEEP:
        ctx.last = last
    if quarter is not _KEEP:
        ctx.quarter = quarter


_KEEP = object()  # a context field a reading leaves as it was


@functools.lru_cache(maxsize=8192)
def _leaves(value: str, typ: str, rule: str, derived: bool, named: bool) -> tuple[Any, Any, Any, Any] | None:
    """What a reading leaves for the expressions after it, per context field (last, quarter,
    year, year_last): a new value, or ``_KEEP``; None when it leaves every field as it was.

    Memoised: dating an undated article resolves it once per candidate day and meets the same
    few hundred values each time.
    """
    known_year, anchor, quarter = _anchoring(value, typ)
    left = (anchor if anchor is not None and not (derived and quarter) else _KEEP,
            value if named and quarter else _KEEP,
            value[:4] if known_year else _KEEP,
            # named, not counted
            rule in ("year", "fiscal_year") and len(value) == 4 if known_year else _KEEP)
    return None if all(x is _KEEP for x in left) else left


# --------------------------------------------------------------------------- readings over a span of anchors
# Dating an undated article resolves its expressions on every candidate day around its story
# (some 200 days). Most readings stay the same over runs of anchors: "on Monday" (past) is the
# same day for every anchor from that Monday to the Sunday after, "last month" for a calendar
# month of anchors, "the following day" after a named date for any anchor at all. So each
# expression is resolved once per run of anchors over which its reading cannot change.

# The context fields a resolver may read, as bits; a state is what the readings before leave in
# the context (last, quarter, year, year_last: _Ctx's order), and bit 1 is the anchor.
_READ_ANCHOR = 1
_STATE_BITS = (2, 4, 8, 16)
_State = tuple["str | None", "str | None", "str | None", bool]
_Run = tuple[int, int, Any]  # (first anchor, last anchor, as ordinals; what holds on them)


class _Watched(_Ctx):
    """A context that notes which of its fields a resolver reads.

    A resolver is a deterministic function of the match, the text, the tense function and the
    context fields it reads (its memoised helpers are pure, and none writes the context): on
    contexts that agree on the fields it read, it takes the same path, so it reads the same
    fields and gives the same reading. A reading that did not read the anchor holds for every
    anchor; one that did not read ``last`` holds whatever date was mentioned before.
    """

    __slots__ = ("_dct", "_last", "_quarter", "_year", "_year_last", "read")

    def __init__(self, text: str, dct: Date, tense: Callable[[str, int, int], str | None], state: _State) -> None:
        self.text, self.tense, self.probe = text, tense, False
        self._dct = dct
        self._last, self._quarter, self._year, self._year_last = state
        self.read = 0

    @property
    def dct(self) -> Date:
        self.read |= _READ_ANCHOR
        return self._dct

    @property
    def last(self) -> str | None:
        self.read |= 2
        return self._last

    @property
    def quarter(self) -> str | None:
        self.read |= 4
        return self._quarter

    @property
    def year(self) -> str | None:
        self.read |= 8
        return self._year

    @property
    def year_last(self) -> bool:
        self.read |= 16
        return self._year_last


def _next_weekday(d: Date, wd: int) -> Date:
    """The first day after d that falls on weekday wd (0 = Monday)."""
    return d + dt.timedelta(days=(wd - d.weekday()) % 7 or 7)


def _weekday_turn(d: Date, wd: int, tense: str | None, rel: str | None) -> Date:
    """The first anchor after d on which ``_weekday_date`` may name another day.

    "next Monday" is the first Monday after the anchor: another one once the anchor reaches it;
    "last Monday" the last one before: another one the day after a Monday; "this Monday" the one
    of the anchor's week: another one from a Monday on; a bare Monday in the future the first on
    or after the anchor (as "last"), otherwise the last on or before it (as "next").
    """
    rel = (rel or "").lower()
    if rel in ("next", "coming"):
        return _next_weekday(d, wd)
    if rel in ("last", "past"):
        return _next_weekday(d, (wd + 1) % 7)
    if rel == "this":
        return _next_weekday(d, 0)
    return _next_weekday(d, (wd + 1) % 7 if _direction(tense) > 0 else wd)


def _rel_weekday_turn(m: re.Match[str], c: _Ctx, d: Date) -> Date:
    _, _, wd, _, _, rel, _ = _weekday_form(m)
    if "arel" in m.re.groupindex and m["arel"]:
        # it read the anchor: no day was named before, and it is read as "next" ("last") is
        ahead = m["arel"].split()[-1].lower() in ("following", "next")
        return _weekday_turn(d, wd, None, "next" if ahead else "last")
    tense = c.tense(c.text, m.start(), m.end())
    if tense == "future" and not rel and _weekdays_named(_sentence_before(c.text, m.start())):
        return d + dt.timedelta(days=1)  # it may be told from that day (_weekday_after_day_named)
    return _weekday_turn(d, wd, tense, rel)


def _next_month(d: Date) -> Date:
    y, mo = _shift_months(d.year, d.month, 1)
    return dt.date(y, mo, 1)


def _rel_unit_turn(m: re.Match[str], c: _Ctx, d: Date) -> Date:
    """"last week" reads the anchor's ISO week (another from a Monday on); a month, year or
    decade reads the anchor's month only (``_offset_date`` then ``_granular``); "the weekend"
    also whether the anchor is past Wednesday or Friday."""
    rel, unit, _, _ = _rel_unit_form(m, c.text)  # not None: it read the anchor
    if rel == "the" and unit == "year" and _YEAR_ENDED.match(c.text, m.end()):
        return d + dt.timedelta(days=1)  # "the year ended June 30": left to be read on every anchor
    if unit in ("month", "year", "decade"):
        return _next_month(d)
    if unit == "week":
        return _next_weekday(d, 0)
    if unit == "weekend":
        return min(_next_weekday(d, wd) for wd in (0, 3, 5))
    return d + dt.timedelta(days=1)


def _ordinal_day_turn(m: re.Match[str], c: _Ctx, d: Date) -> Date:
    """"the 20th" reads the anchor's month and whether its day is before, on or after the 20th:
    another reading from the 20th, the 21st or the first of the next month on."""
    return _ordinal_turn(d, int(_DIGITS.match(m["day"]).group(0)))


@functools.lru_cache(maxsize=8192)
def _ordinal_turn(d: Date, day: int) -> Date:
    """``_ordinal_day_turn`` of "the <day>th" from the anchor d: memoised, as the undated
    articles of a story ask it on the same candidate days."""
    month_days = calendar.monthrange(d.year, d.month)[1]
    turns = [_next_month(d)] + [d.replace(day=k) for k in (day, day + 1) if d.day < k <= month_days]
    return min(turns)


def _month_day_year_turn(d: Date, month: int, day: int) -> Date:
    """The first anchor after d on which ``_month_day_year`` may choose another year: it reads
    the anchor's year (which days are candidates) and compares the anchor with each candidate
    (on, after), with each candidate 300 days on and back, and with the middle of two; every
    day on which one of these comparisons can turn is taken (a few more than needed)."""
    turns = _year_turns(d.year, month, day)
    return turns[bisect.bisect_right(turns, d)]  # the first after d: the new year's day is one


@functools.lru_cache(maxsize=4096)
def _year_turns(year: int, month: int, day: int) -> tuple[Date, ...]:
    """The days ``_month_day_year_turn`` takes its turn from, for anchors in ``year``, in order.

    Memoised: they depend on the anchor's year alone, and inference asks for a turn at the
    start of every run of anchors of every "March 3" of a story's undated articles."""
    candidates = _month_day_candidates(year, month, day)
    one = dt.timedelta(days=1)
    turns = [dt.date(year + 1, 1, 1)]
    for c in candidates:
        turns += [c, c + one, c - dt.timedelta(days=299), c + dt.timedelta(days=300)]
    for i, a in enumerate(candidates):
        for b in candidates[i + 1:]:
            mid = a + (b - a) // 2
            turns += [mid, mid + one, mid + 2 * one]
    return tuple(sorted(turns))


def _mdy_turn(m: re.Match[str], c: _Ctx, d: Date) -> Date:
    month, day, _ = _mdy_form(m)  # it read the anchor: a month and day without a year
    return _month_day_year_turn(d, month, day)


# Per resolver: the first anchor after d on which a reading that read the anchor d may change
# (given the same other context). A resolver not named here is read again on every anchor.
_ANCHOR_TURNS: dict[Callable[[re.Match[str], _Ctx], Resolved], Callable[[re.Match[str], _Ctx, Date], Date]] = {
    _r_rel_weekday: _rel_weekday_turn, _r_part_weekday: _rel_weekday_turn, _r_rel_unit: _rel_unit_turn,
    _r_ordinal_day: _ordinal_day_turn, _r_mdy: _mdy_turn,
}


_STATE_READ = sum(_STATE_BITS)


def _reading(res: Resolved, text: str, tense: Callable[[str, int, int], str | None], rule: str,
             match: re.Match[str], start: int, end: int, derived: bool, named: bool) -> tuple[tuple[str, ...], Any]:
    """The values of a resolution and what it leaves in the context: a new value or ``_KEEP``
    per field (last, quarter, year, year_last), or None when it leaves every field as it was;
    as ``_take`` gives and leaves them. Worked out once for all the contexts of a run: ``_take``
    sets fields, and reads none."""
    if res is None:
        return (), None
    if rule not in _PAIR_RULES:
        return (res[0],), _leaves(res[0], res[1], rule, derived, named)
    ctx = _Ctx(text, None, tense, _KEEP, _KEEP, _KEEP, _KEEP)
    out: list[tuple[int, int, str, str, str]] = []
    _take(res, ctx, out, rule, match, start, end, derived, named)
    left = (ctx.last, ctx.quarter, ctx.year, ctx.year_last)
    return tuple(x[2] for x in out), (None if all(x is _KEEP for x in left) else left)


def _left_in(before: _State, left: tuple[Any, Any, Any, Any]) -> _State:
    """The context after a reading: what it left, and what was there before where it left ``_KEEP``."""
    last, quarter, year, year_last = left
    return (before[0] if last is _KEEP else last, before[1] if quarter is _KEEP else quarter,
            before[2] if year is _KEEP else year, before[3] if year_last is _KEEP else year_last)


# Per resolver: a period P of days such that a reading that read the anchor and nothing else of
# the context is, on the anchor P days later, the same day-level reading P days later. A weekday
# is read from the anchor's weekday and counted in days from the anchor (``_weekday_date``), and
# the anchor's weekday comes back every 7 days; "yesterday", "tonight" are the anchor's day
# moved by a fixed number of days (``_day_of``), and their other checks read the text alone.
_ANCHOR_PERIODS: dict[Callable[[re.Match[str], _Ctx], Resolved], int] = {
    _r_rel_weekday: 7, _r_part_weekday: 7, _r_deictic: 1,
}


@functools.lru_cache(maxsize=8192)  # the undated articles of a story meet the same days
def _moved(res: Resolved, days: int) -> Resolved:
    """A day-level reading ("2024-03-04", "2024-03-04TNI") moved by some days, or None."""
    if res is None:
        return None
    day = _parse_date(res[0])
    if day is None:
        return None
    return (day + dt.timedelta(days=days)).isoformat() + res[0][10:], res[1], res[2]


def _same_read(a: _State, b: _State, read: int) -> bool:
    """Whether two context states agree on the fields a reading read."""
    return all(x == y for bit, x, y in zip(_STATE_BITS, a, b) if read & bit)


def _add_run(runs: list[_Run], start: int, end: int, what: Any) -> None:
    """Append a run, joined to the one before when it holds the same and follows on."""
    if runs and runs[-1][2] == what and runs[-1][1] == start - 1:
        runs[-1] = (runs[-1][0], end, what)
    else:
        runs.append((start, end, what))


def _resolve_runs(text: str, prepared: Sequence[_Prepared], lo: int, hi: int,
                  tense: Callable[[str, int, int], str | None]) -> list[list[_Run]]:
    """The values each prepared match (see `_prepare`) takes on every anchor from the day of
    ordinal lo to that of hi, as runs (first anchor, last anchor, its values): on every anchor,
    the values ``_resolve_prepared`` gives, match by match (none for a refused match, two for a
    pair of days).

    Each match is resolved on the first anchor of a run, and the run goes on while the fields
    the reading read stay the same: the anchor (until its resolver's turn, or that one day when
    it has none), and the dates the readings before it left (a run of theirs).
    """
    states: list[_Run] = [(lo, hi, (None, None, None, False))]
    columns: list[list[_Run]] = []
    for rule, resolver, match, start, end, derived, named in prepared:
        turn = _ANCHOR_TURNS.get(resolver)
        period = _ANCHOR_PERIODS.get(resolver, 0)
        moved: Resolved = None  # the last reading moved by the period, when it moves with the anchor
        column: list[_Run] = []
        after: list[_Run] = []
        i, d = 0, lo
        while d <= hi:
            while states[i][1] < d:
                i += 1
            state = states[i][2]
            if moved is not None and d - period >= column[-1][0]:
                # the run before held one reading from its first day on; this one is that reading
                # moved by the period, from the period after its first day to the period after its last
                res, read = moved, _READ_ANCHOR
                e = min(hi, column[-1][1] + period)
            else:
                c = _Watched(text, Date.fromordinal(d), tense, state)
                res = resolver(match, c)
                read = c.read
                e = hi
                if read & _READ_ANCHOR:
                    e = min(hi, turn(match, c, c._dct).toordinal() - 1) if turn is not None else d
            moved = _moved(res, period) if period and read == _READ_ANCHOR else None
            j = i
            if read & _STATE_READ:
                while states[j][1] < e and _same_read(states[j + 1][2], state, read):
                    j += 1
            else:
                while states[j][1] < e:
                    j += 1
            if states[j][1] < e:
                e = states[j][1]
            values, left = _reading(res, text, tense, rule, match, start, end, derived, named)
            for k in range(i, j + 1):
                a, b, before = states[k]
                _add_run(after, a if a > d else d, b if b < e else e, before if left is None else _left_in(before, left))
            column.append((d, e, values))
            d = e + 1
        states = after
        columns.append(column)
    return columns


@functools.lru_cache(maxsize=8192)
def _anchoring(value: str, typ: str) -> tuple[bool, str | None, bool]:
    """What a reading leaves for the expressions after it: (whether it is of a known year, the
    date later ones anchor on or None, whether it is a quarter).

    Memoised: dating an undated article resolves it once per candidate day and meets the same
    few hundred values each time, and these regular expressions cost more than the resolvers'
    own memoised lookups (a fifth of the day scan).
    """
    dated = typ in ("DATE", "TIME")
    return (dated and _KNOWN_YEAR.match(value) is not None,
            value.split("T")[0] if dated and _ANCHORABLE.match(value) else None,
            _QUARTER_VALUE.match(value) is not None)


def _parse_anchor(dct: str | None) -> tuple[Date | None, Date | None]:
    """The first and last day an anchor may be: a date, a month, a year or a range a/b."""
    if not dct:
        return None, None
    if "/" in dct:
        a, b = dct.split("/", 1)
        return _parse_anchor(a)[0], _parse_anchor(b)[1]
    d = _parse_date(dct)
    if d is not None:
        return d, d
    m = re.fullmatch(r"(\d{4})-(\d\d)", dct.strip())
    if m:
        y, mo = int(m[1]), int(m[2])
        ny, nm = _shift_months(y, mo, 1)
        return dt.date(y, mo, 1), dt.date(ny, nm, 1) - dt.timedelta(days=1)
    m = re.fullmatch(r"(\d{4})", dct.strip())
    if m:
        return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
    return None, None


def _merge_values(a: str, b: str) -> str:
    """Keep what two readings agree on; differing characters become X ("2022-01-1X")."""
    if a == b:
        return a
    if len(a) != len(b):
        return re.sub(r"\d", "X", a)
    return "".join(x if x == y else ("X" if x.isdigit() and y.isdigit() else x) for x, y in zip(a, b))


@functools.lru_cache(maxsize=4096)
def _text_tense(text: str, start: int, end: int) -> str | None:
    """``heuristic_tense``, memoised: dating an undated article asks the tense of each of its
    expressions on every candidate day, then again when it resolves the article on the day
    found (the same text object, so keys compare by identity). Holds ~100 articles' worth."""
    return heuristic_tense(text, start, end)


def _tense_fn(doc: Any) -> Callable[[str, int, int], str | None]:
    return doc_tense(doc) if doc is not None else _text_tense


def resolve_all(text: str, dct: str | None, doc: Any = None) -> list[tuple[int, int, str, str, str]]:
    """(start, end, value, type, how) for every time expression, resolved against dct."""
    return resolve_prepared(text, prepare_text(text), dct, doc)


def prepare_text(text: str) -> list[_Prepared]:
    """A text's time expressions, recognised and made ready to resolve on any anchor
    (``resolve_prepared``): for callers that read one text against several anchors."""
    return _prepare(text, _recognise(text))


def resolve_prepared(text: str, prepared: Sequence[_Prepared], dct: str | None,
                     doc: Any = None) -> list[tuple[int, int, str, str, str]]:
    """``resolve_all`` of a text whose expressions ``prepare_text`` gave."""
    tense = _tense_fn(doc)
    first, last = _parse_anchor(dct)
    out = _resolve_prepared(text, prepared, first, tense)
    if first != last:
        other = _resolve_prepared(text, prepared, last, tense)
        merged = []
        for x, y in zip(out, other):
            merged.append((x[0], x[1], _merge_values(x[2], y[2]), x[3],
                           x[4] + f" (anchor range {dct})"))
        return merged
    return out


def time_expressions(text: str, dct: str | None, doc: Any = None) -> list[Found]:
    """Every time expression in text written on dct: (start, end, TIMEX3 value, type).

    dct may be None (unknown parts become X), a date, a month, a year or a range "a/b".
    """
    return [(s, e, v, t) for s, e, v, t, _ in resolve_all(text, dct, doc)]
