"""Shortcuts in dating undated articles (``timex.infer``) give what scanning every candidate
day with every expression gives. Invented stories only."""

from __future__ import annotations

import datetime as dt

import pytest

from newstrail.timex.infer import (INFER_WINDOW_DAYS, StoryDays, _idle, _infer_one, _INFER_RULES, _NO_INFER_WORDS,
                                   _readings, _story_span)
from newstrail.timex.resolve import Date, _prepare, _recognise, _resolve_prepared, _text_tense

D = dt.date

STORY = StoryDays({D(2031, 5, 5): 3, D(2031, 5, 7): 1, D(2031, 5, 12): 2, D(2031, 5, 15): 1, D(2031, 4, 28): 1},
                  D(2031, 5, 6), D(2031, 5, 16))

ARTICLES = [
    "Minister Kaller recently said the Estovia talks, which opened on Monday, would go on.",
    "The Norland council met on Thursday. The next day it voted, and the vote was currently seen as final.",
    "Talks resumed on the 12th and were set to close next week, a spokesman for Estovia said lately.",
    "The port of Norland reopened on May 7, and the following Monday the first ships left.",
    "Soon after, officials previously in charge said they would meet again on Friday morning.",
    "Nothing new was said recently about the Norland dam, which formerly held the river.",
    "The Estovia vote, held last Tuesday, was confirmed on 5 May 2031 by the court.",
]


def _full_scan(body: str, story: StoryDays) -> tuple[str, str] | None:
    """The inference without shortcuts: every relative expression on every candidate day."""
    relative = [m for m in _recognise(body)
                if m.rule in _INFER_RULES and m.match.group(0).lower() not in _NO_INFER_WORDS]
    if not relative:
        return _story_span(story)
    prepared = _prepare(body, relative)
    window = dt.timedelta(days=INFER_WINDOW_DAYS)
    first, last = (story.first - window).toordinal(), (story.last + window).toordinal()
    scored, matches_of = [], []
    for o in range(first, last + 1):
        resolved = _resolve_prepared(body, prepared, Date.fromordinal(o), _text_tense)
        s, spread, matched = story.scorer.score([v for _, _, v, _, _ in resolved])
        scored.append((s, spread))
        matches_of.append(matched)
    best = max(scored)
    if best[0] <= 0:
        return _story_span(story)
    best_days = [first + i for i, k in enumerate(scored) if k == best]
    centre = min(best_days, key=story.scorer.distance)
    start = end = centre
    while start - 1 in best_days:
        start -= 1
    while end + 1 in best_days:
        end += 1
    matched = matches_of[centre - first]
    value = Date.fromordinal(start).isoformat()
    if end != start:
        value += "/" + Date.fromordinal(end).isoformat()
    return value, (f"{len(matched)} day reference(s) of the text ({', '.join(sorted(set(matched)))}) line up "
                   f"with dates the story's dated articles give when published in {value}")


@pytest.mark.parametrize("body", ARTICLES)
def test_inference_equals_the_full_scan(body):
    assert _infer_one(SimpleArticle(body), STORY) == _full_scan(body, STORY)


class SimpleArticle:
    """What inference reads of an article: its body."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.published = None


def _prepared_by_text(body: str) -> dict[str, tuple]:
    return {m.match.group(0).strip(): p for m, p in zip(_recognise(body), _prepare(body, _recognise(body)))}


def test_words_that_never_move_with_the_day_are_left_out():
    """"recently", "currently": a reference to the past or present on every candidate day."""
    body = ARTICLES[1]
    prepared = _prepared_by_text(body)
    assert _idle(body, prepared["currently"], D(2031, 5, 1))
    assert not _idle(body, prepared["Thursday"], D(2031, 5, 1))
    assert not _idle(body, prepared["The next day"], D(2031, 5, 1))  # reads the day just named


def test_a_full_date_is_kept_for_the_expressions_after_it():
    """"5 May 2031" reads the same on every day, but a later "the next day" anchors on it."""
    body = "The court in Norland ruled on 5 May 2031, and the next day the minister resigned."
    prepared = _prepared_by_text(body)
    assert not _idle(body, prepared["5 May 2031"], D(2031, 5, 1))
    assert _infer_one(SimpleArticle(body), STORY) == _full_scan(body, STORY)


def test_an_article_whose_expressions_never_move_gets_the_story_span():
    body = "Officials in Estovia recently said the dam was formerly run by the state."
    assert _infer_one(SimpleArticle(body), STORY) == _story_span(STORY) == _full_scan(body, STORY)


MIRROR_TEXTS = [
    "The Norland board met on April 24 and 25, and the next day it named Minister Kaller chair.",
    "Estovia reported a loss in the third quarter; a year ago the quarter was strong. That year sales fell.",
    "In 2029 the dam opened. The following year it flooded, and on Monday that week the mayor left.",
    "The vote was on 3 March 2031. The day before, crowds gathered; the following Monday talks resumed.",
]


@pytest.mark.parametrize("body", MIRROR_TEXTS)
def test_readings_are_the_values_the_resolver_gives(body):
    """The day scan's own loop anchors later expressions as ``_resolve_prepared`` does, for
    every rule (pairs of days, quarters, years just named), on days around a month's turn."""
    prepared = _prepare(body, _recognise(body))
    for day in (D(2031, 3, 30), D(2031, 3, 31), D(2031, 4, 1), D(2031, 4, 6)):
        resolved = _resolve_prepared(body, prepared, day, _text_tense)
        assert _readings(body, prepared, day) == [v for _, _, v, _, _ in resolved]
