"""Geometry of the story timeline chart (an inline SVG drawn by ``_timeline_chart.html``).

Why server-side geometry: the chart must work in a mailed file and under a strict CSP, with
no charting library; Python decides where each dot goes and the template only draws, so every
label stays autoescaped. One row per timeline entry, its dots (one per source) at the entry's
date on a shared axis; imprecise dates (a month, a week) also get a bar across their range.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Chart", "timeline_chart", "date_range", "type_class", "PLOVER_TYPES"]

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# Layout in SVG user units; the SVG scales to the page width (viewBox), so these are ratios.
WIDTH = 1000
PLOT_X0, PLOT_X1 = 100, 560  # the date axis
TEXT_X = 575  # entry summaries
ROW_H = 22
TOP = 34  # room for the axis labels
DOT_R = 5
DOT_STEP = 11  # horizontal gap between the dots of one entry (a dot is 10 wide)
MAX_DOTS = 10  # more sources than this are summarised as "+n"
MAX_ROWS = 150  # a chart taller than this stops helping; the list below has every entry
SUMMARY_CHARS = 62
OUTLIER_RATIO = 4  # see _bounds; 4 keeps a month-long story readable next to a date a year earlier
MIN_AXIS_DAYS = 14

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def type_class(event_type: str | None) -> str:
    """CSS class of a PLOVER type; anything unknown is ``t-OTHER`` (never raw input in a class)."""
    return f"t-{event_type}" if event_type in PLOVER_TYPES else "t-OTHER"


def date_range(value: str | None) -> tuple[_dt.date, _dt.date] | None:
    """First and last day a TIMEX-style value covers (day, week, month or year), else None."""
    if not value:
        return None
    try:
        if m := _DAY.match(value):
            day = _dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _MONTH.match(value):
            first = _dt.date(int(m[1]), int(m[2]), 1)
            nxt = _dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, nxt - _dt.timedelta(days=1)
        if m := _WEEK.match(value):
            first = _dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return first, first + _dt.timedelta(days=6)
        if m := _YEAR.match(value):
            return _dt.date(int(m[1]), 1, 1), _dt.date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


@dataclass
class Chart:
    """What the template draws: rows with dots, axis ticks and the SVG size."""

    height: int
    rows: list[dict[str, Any]] = field(default_factory=list)
    ticks: list[dict[str, Any]] = field(default_factory=list)
    hidden: int = 0  # entries left out of the chart (still in the list)
    width: int = WIDTH
    plot_x0: int = PLOT_X0
    plot_x1: int = PLOT_X1
    text_x: int = TEXT_X


def _ticks(lo: _dt.date, hi: _dt.date) -> tuple[list[_dt.date], str]:
    """Tick dates and label format fitting the span: days, weeks, months or years."""
    days = (hi - lo).days
    if days <= 16:
        return [lo + _dt.timedelta(days=d) for d in range(0, days + 1, 2 if days > 8 else 1)], "%d %b"
    if days <= 120:
        first = lo + _dt.timedelta(days=(7 - lo.weekday()) % 7)
        return [first + _dt.timedelta(weeks=w) for w in range(0, days // 7 + 1) if first + _dt.timedelta(weeks=w) <= hi], "%d %b"
    if days <= 900:
        out, cur = [], _dt.date(lo.year, lo.month, 1)
        step = 1 if days <= 400 else 3
        while cur <= hi:
            if cur >= lo:
                out.append(cur)
            month = cur.month - 1 + step
            cur = _dt.date(cur.year + month // 12, month % 12 + 1, 1)
        return out, "%b %Y"
    step = max(1, (hi.year - lo.year) // 8)
    return [_dt.date(y, 1, 1) for y in range(lo.year + 1, hi.year + 1, step)], "%Y"


def _scale(lo: _dt.date, hi: _dt.date):
    """Date → x on the axis; dates outside [lo, hi] are pinned to its ends."""
    span = max((hi - lo).days, 1)

    def x(day: _dt.date) -> float:
        day = min(max(day, lo), hi)
        return round(PLOT_X0 + (day - lo).days / span * (PLOT_X1 - PLOT_X0 - MAX_DOTS * 2), 1)

    return x


def _bounds(ranges: list[tuple[_dt.date, _dt.date]]) -> tuple[_dt.date, _dt.date]:
    """The axis: every date, unless a few outliers would squash the rest.

    A story's timeline often holds one or two background dates ("last June", "in 1997") far
    from the weeks it is about; drawn to scale they leave the real story in a few pixels. When
    the whole span is over OUTLIER_RATIO times the span of the middle 80% of entries, the axis
    covers that middle part and the outliers are pinned to its ends with an arrow.
    """
    starts = sorted(r[0] for r in ranges)
    ends = sorted(r[1] for r in ranges)
    lo, hi = starts[0], ends[-1]
    if len(ranges) >= 4:
        n = len(ranges)
        dense_lo, dense_hi = starts[n // 10], ends[-1 - n // 10]
        dense_days = max((dense_hi - dense_lo).days, MIN_AXIS_DAYS)
        if (hi - lo).days > OUTLIER_RATIO * dense_days:
            lo, hi = dense_lo - _dt.timedelta(days=2), dense_hi + _dt.timedelta(days=2)
    if (hi - lo).days < 6:  # a single day would put every dot on one line
        lo, hi = lo - _dt.timedelta(days=3), hi + _dt.timedelta(days=3)
    return lo, hi


def timeline_chart(entries: list[dict[str, Any]]) -> Chart:
    """Rows for ``entries`` (api.list_timeline dicts, each with a ``dots`` list of links)."""
    shown = entries[:MAX_ROWS]
    ranges = [date_range(e.get("date")) for e in shown]
    known = [r for r in ranges if r]
    if not known:
        lo = hi = _dt.date.today()
        lo, hi = _bounds([(lo, hi)])
    else:
        lo, hi = _bounds(known)
    x = _scale(lo, hi)
    chart = Chart(height=TOP + ROW_H * max(len(shown), 1) + 8, hidden=len(entries) - len(shown))
    for i, (entry, rng) in enumerate(zip(shown, ranges)):
        chart.rows.append(_row(i, entry, rng, x, lo, hi))
    tick_days, fmt = _ticks(lo, hi)
    chart.ticks = [{"x": x(d), "label": d.strftime(fmt)} for d in tick_days]
    return chart


def _row(i: int, entry: dict[str, Any], rng: tuple[_dt.date, _dt.date] | None, x, lo: _dt.date, hi: _dt.date) -> dict[str, Any]:
    """One chart row: where its dots go, its range bar, its labels, and whether it is off the axis."""
    y = TOP + ROW_H * i + ROW_H // 2
    start_x = x(rng[0]) if rng else PLOT_X1 - MAX_DOTS * DOT_STEP
    bar = None
    if rng and rng[1] > rng[0] and x(rng[1]) > start_x:
        bar = {"x": start_x, "w": max(x(rng[1]) - start_x, 2)}
    clipped = None if not rng else ("before" if rng[1] < lo else "after" if rng[0] > hi else None)
    dots = entry.get("dots", [])
    summary = entry.get("summary") or ""
    return {
        "y": y,
        "entry": entry,
        "cls": type_class(entry.get("type")),
        "bar": bar,
        "dots": [{"x": round(start_x + j * DOT_STEP, 1), **d} for j, d in enumerate(dots[:MAX_DOTS])],
        "more": max(len(dots) - MAX_DOTS, 0),
        "more_x": round(start_x + MAX_DOTS * DOT_STEP + 2, 1),
        "date_label": entry.get("date") or "undated",
        "clipped": clipped,
        "summary": summary if len(summary) <= SUMMARY_CHARS else summary[: SUMMARY_CHARS - 1].rstrip() + "…",
    }
