"""Dating undated articles resolves each expression once per run of candidate days over which
its reading cannot change: the runs must give, on every day, what resolving on that day gives."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from newstrail.model import Article, OffsetMap
from newstrail.timex.infer import _infer_one, _story_span, known_days
from newstrail.timex.resolve import (
    _ANCHOR_PERIODS,
    Date,
    _moved,
    _parse_date,
    _month_day_candidates,
    _month_day_year,
    _month_day_year_turn,
    _ordinal_day_on,
    _ordinal_day_turn,
    _prepare,
    _recognise,
    _resolve_prepared,
    _resolve_runs,
    _text_tense,
    _weekday_date,
    _weekday_turn,
)

ARTICLE = (
    "Minister Kaller of Estovia said on Monday that the harbour in Norland would reopen next Tuesday. "
    "Talks broke down last week, and the 20th was set as a deadline. The union met on March 3, and "
    "the following Friday it called a strike. Yesterday the port authority wrote to the council; the next "
    "day the council replied. The ferry will sail on Thursday and again this Sunday, and next month "
    "the tolls rise. In 2019 the harbour had closed, and that year the town lost trade. Over the "
    "weekend the mayor of Vellmar said the 3rd of June will decide, and on 14 July the port reopens. "
    "The same day the board met, and the previous evening the crews voted. After Friday's vote the "
    "crews will strike on Saturday."
)


def _by_day(text: str, lo: int, hi: int) -> list[list[str]]:
    prepared = _prepare(text, _recognise(text))
    return [[v for _, _, v, _, _ in _resolve_prepared(text, prepared, Date.fromordinal(o), _text_tense)]
            for o in range(lo, hi + 1)]


def _from_runs(text: str, lo: int, hi: int) -> list[list[str]]:
    columns = _resolve_runs(text, _prepare(text, _recognise(text)), lo, hi, _text_tense)
    out: list[list[str]] = []
    for o in range(lo, hi + 1):
        values: list[str] = []
        for column in columns:
            values.extend(next(v for a, b, v in column if a <= o <= b))
        out.append(values)
    return out


@pytest.mark.parametrize("start", [dt.date(2023, 12, 1), dt.date(2024, 2, 10)])
def test_runs_give_every_anchor_its_own_reading(start: dt.date) -> None:
    lo = start.toordinal()
    hi = lo + 400  # over a year end, a leap day and every weekday and day of month
    assert _from_runs(ARTICLE, lo, hi) == _by_day(ARTICLE, lo, hi)


def _constant_until(f, d: Date, turn: Date) -> bool:
    """f gives the same on every anchor from d up to the day before turn."""
    return all(f(d + dt.timedelta(days=k)) == f(d) for k in range((turn - d).days))


@pytest.mark.parametrize("rel", [None, "last", "next", "this", "coming", "past"])
@pytest.mark.parametrize("tense", [None, "past", "future"])
def test_weekday_turn_is_the_first_anchor_of_another_day(rel: str | None, tense: str | None) -> None:
    # "on Friday": its day stays the same up to the turn, and another one begins there
    for wd in range(7):
        for k in range(14):
            d = dt.date(2024, 3, 1) + dt.timedelta(days=k)
            turn = _weekday_turn(d, wd, tense, rel)
            assert turn > d
            assert _constant_until(lambda a: _weekday_date(a, wd, tense, rel), d, turn)
            assert _weekday_date(turn, wd, tense, rel) != _weekday_date(d, wd, tense, rel)


@pytest.mark.parametrize("month, day", [(3, 3), (2, 29), (12, 31), (1, 1), (7, 14)])
@pytest.mark.parametrize("tense", [None, "past", "future"])
def test_month_day_turns_cover_every_change_of_year(month: int, day: int, tense: str | None) -> None:
    # "on March 3" without a year: the year it is given never changes before the next turn
    d = dt.date(2022, 1, 1)
    while d < dt.date(2025, 1, 1):
        turn = _month_day_year_turn(d, month, day)
        assert _constant_until(lambda a: _month_day_year(a, month, day, tense), d, turn)
        d = turn


@pytest.mark.parametrize("day", [1, 15, 29, 30, 31])
@pytest.mark.parametrize("tense", [None, "past", "future"])
def test_ordinal_day_turns_cover_every_change(day: int, tense: str | None) -> None:
    # "the 30th": the same day on every anchor between two turns (the wording of how it was
    # resolved names the anchor; inference reads only the value)
    match = re.match(r"the (?P<day>\d+th)", f"the {day}th")
    d = dt.date(2023, 12, 20)
    while d < dt.date(2024, 4, 1):
        turn = _ordinal_day_turn(match, None, d)
        assert _constant_until(lambda a: (_ordinal_day_on(a, day, tense) or ("none",))[0], d, turn)
        d = turn


def _article(aid: str, body: str, published: str | None) -> Article:
    return Article(id=aid, source="x", text=body, body=body, offsets=OffsetMap.identity(len(body)), published=published)


def _story(days: list[str]):
    return known_days([(_article(f"a{i}", "", day), []) for i, day in enumerate(days)])


def _naive_infer(article: Article, story) -> str:
    """The value the day-by-day scan gives: every candidate day resolved and scored on its own,
    then the run of best days that holds the one nearest the story's days."""
    from newstrail.timex.infer import INFER_WINDOW_DAYS, _INFER_RULES, _NO_INFER_WORDS

    relative = [m for m in _recognise(article.body)
                if m.rule in _INFER_RULES and m.match.group(0).lower() not in _NO_INFER_WORDS]
    prepared = _prepare(article.body, relative)
    window = dt.timedelta(days=INFER_WINDOW_DAYS)
    first, last = (story.first - window).toordinal(), (story.last + window).toordinal()
    scored = [story.scorer.score([v for _, _, v, _, _ in _resolve_prepared(
        article.body, prepared, Date.fromordinal(o), _text_tense)])[:2] for o in range(first, last + 1)]
    best = max(scored)
    if best[0] <= 0:
        return _story_span(story)[0]
    days = [first + i for i, k in enumerate(scored) if k == best]
    start = end = min(days, key=story.scorer.distance)
    while start - 1 in days:
        start -= 1
    while end + 1 in days:
        end += 1
    return "/".join(dict.fromkeys([Date.fromordinal(start).isoformat(), Date.fromordinal(end).isoformat()]))


@pytest.mark.parametrize("days", [["2024-03-04", "2024-03-06", "2024-03-11"], ["2024-03-21", "2024-06-30"],
                                  ["2023-12-29", "2024-01-02"], ["2025-07-14"]])
def test_inference_finds_the_days_the_day_by_day_scan_finds(days: list[str]) -> None:
    story = _story(days)
    article = _article("u", ARTICLE, None)
    assert _infer_one(article, story)[0] == _naive_infer(article, story)


MOVING = ("Kaller flew out tonight and lands tomorrow, a day after the Estovian envoy left on Tuesday "
          "evening; the talks open next Friday and close on Sunday, and the mayor spoke Thursday morning.")


@pytest.mark.parametrize("start", [dt.date(2024, 2, 20), dt.date(2024, 12, 28)])
def test_weekday_and_day_word_readings_move_with_the_anchor(start: dt.date) -> None:
    # the runs move "Tuesday evening" by a week and "tonight" by a day instead of resolving them
    # again: on every anchor that must be what resolving there gives
    lo = start.toordinal()
    assert _from_runs(MOVING, lo, lo + 60) == _by_day(MOVING, lo, lo + 60)
    prepared = _prepare(MOVING, _recognise(MOVING))
    periods = {rule: _ANCHOR_PERIODS.get(resolver) for rule, resolver, *_ in prepared}
    assert periods["deictic"] == 1 and periods["rel_weekday"] == 7
    for k in range(14):
        d = start + dt.timedelta(days=k)
        here = _resolve_prepared(MOVING, prepared, d, _text_tense)
        there = _resolve_prepared(MOVING, prepared, d + dt.timedelta(days=7), _text_tense)
        for (rule, *_), a, b in zip(prepared, here, there):
            if periods.get(rule) and _parse_date(a[2]):
                assert _moved(a[2:], 7)[0] == b[2]


def _turn_days(d: Date, month: int, day: int) -> Date:
    """The first day after d of those a month-day's year may turn on, listed for d alone."""
    candidates = _month_day_candidates(d.year, month, day)
    one = dt.timedelta(days=1)
    turns = [dt.date(d.year + 1, 1, 1)]
    for c in candidates:
        turns += [c, c + one, c - dt.timedelta(days=299), c + dt.timedelta(days=300)]
    for i, a in enumerate(candidates):
        for b in candidates[i + 1:]:
            mid = a + (b - a) // 2
            turns += [mid, mid + one, mid + 2 * one]
    return min(t for t in turns if t > d)


@pytest.mark.parametrize("month, day", [(2, 29), (3, 3), (12, 31), (1, 1), (2, 30)])
def test_memoised_turns_are_the_ones_worked_out_for_each_anchor(month: int, day: int) -> None:
    # the turns of "March 3" (per year of the anchor) and of "the 29th" (per anchor) are kept:
    # every anchor must still get the turn worked out for it alone
    match = re.match(r"the (?P<day>\d+th)", "the 29th")
    d = dt.date(2023, 11, 1)
    while d < dt.date(2025, 3, 1):
        assert _month_day_year_turn(d, month, day) == _turn_days(d, month, day)
        month_days = (dt.date(d.year + d.month // 12, d.month % 12 + 1, 1) - dt.timedelta(days=1)).day
        expected = min([dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)]
                       + [d.replace(day=k) for k in (29, 30) if d.day < k <= month_days])
        assert _ordinal_day_turn(match, None, d) == expected
        d += dt.timedelta(days=1)
