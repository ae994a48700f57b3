"""Publication dates of undated articles, inferred from the dated articles of the same story."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass

from ..model import Article, TimeExpr
from .resolve import Date, _fmt_week, _parse_date, _prepare, _recognise, _resolve_runs, _text_tense
from .article import _DAY_LEVEL


INFER_WINDOW_DAYS = 45  # candidates up to this far around the story's publication days; stories rarely span more
_WEEK_WEIGHT = 0.5  # a week/month-level agreement counts half a day-level one (set by reasoning, not tuned)


KNOWN_DAY_CAP = 3  # a day mentioned this often in the story counts fully; capped so one article can't dominate


@dataclass(frozen=True)
class StoryDays:
    """What dating a story's undated articles needs of the story: a small value, so a large
    story's undated articles can be dated in parallel without each task carrying every clue.

    ``days`` are the days its dated articles give (their own dates and the days they mention),
    weighted; ``first`` and ``last`` are the first and last day they were published on.
    """

    days: dict[Date, float]
    first: Date
    last: Date

    @functools.cached_property
    def scorer(self) -> _StoryScorer:
        """Lookups for scoring candidate days, made once per story (in the process that dates)."""
        return _StoryScorer(self)


def known_days(items: list[tuple[Article, list[TimeExpr]]]) -> StoryDays | None:
    """Days the dated articles of a story give, or None when none of them is dated.

    Each day is weighted by how often the story mentions it (capped): an undated article is
    more likely to refer to the days the story keeps coming back to than to a stray one.
    """
    days: dict[Date, float] = {}
    published: list[Date] = []
    for article, timexes in items:
        if not article.published:
            continue
        d = _parse_date(article.published)
        if d:
            days[d] = days.get(d, 0) + 1
            published.append(d)
        for tx in timexes:
            if tx.type in ("DATE", "TIME") and _DAY_LEVEL.match(tx.value):
                dd = _parse_date(tx.value)
                if dd:
                    days[dd] = days.get(dd, 0) + 1
    if not published:
        return None
    return StoryDays({d: min(w, KNOWN_DAY_CAP) for d, w in days.items()}, min(published), max(published))


_WEEK_VALUE = re.compile(r"\d{4}-W\d\d")


def _value_day(value: str) -> Date | None:
    """The day of a day-level value ("2022-01-14", "2022-01-14TEV"), else None."""
    return _parse_date(value) if _DAY_LEVEL.match(value) else None


class _StoryScorer:
    """What scoring candidate days against one story needs, worked out once per story.

    Every candidate day of every undated article of the story gives values to look up; most
    values come back again and again (the days around the story), so each distinct value is
    read once: its day, and what it adds to the score.
    """

    def __init__(self, story: StoryDays) -> None:
        self.known = story.days
        self.weeks = frozenset(_fmt_week(k) for k in story.days)
        self.ordinals = sorted(k.toordinal() for k in story.days)  # for the nearest known day
        self._values: dict[str, tuple[int | None, float, bool]] = {}

    def value(self, v: str) -> tuple[int | None, float, bool]:
        """(ordinal of its day or None, weight it adds, whether it is a matched known day)."""
        found = self._values.get(v)
        if found is None:
            d = _value_day(v)
            if d is not None:
                w = self.known.get(d)
                found = (d.toordinal(), w, True) if w is not None else (d.toordinal(), 0, False)
            elif _WEEK_VALUE.fullmatch(v) and v in self.weeks:
                found = (None, _WEEK_WEIGHT, False)
            else:
                found = (None, 0, False)
            self._values[v] = found
        return found

    def score(self, readings: list[str]) -> tuple[float, int, list[str]]:
        """How well an article's readings on one candidate date (the values ``_resolve_prepared``
        gives) agree with the story's known days.

        Returns (weighted agreements, -spread of the article's own day-level dates, matched
        values); the spread breaks ties in favour of readings that keep the article's days together.
        """
        score = 0.0
        matched: list[str] = []
        lo = hi = None
        values = self._values
        for v in readings:
            day, weight, is_known = values.get(v) or self.value(v)  # read before: the common case, no call
            if day is not None:
                if lo is None:
                    lo = hi = day
                elif day < lo:
                    lo = day
                elif day > hi:
                    hi = day
                if is_known:
                    score += weight
                    matched.append(v[:10])
            elif weight:
                score += weight
        return score, (lo - hi if lo is not None else 0), matched

    def distance(self, o: int) -> int:
        """Days from the day of ordinal ``o`` to the nearest day the story gives."""
        i = bisect.bisect_left(self.ordinals, o)
        near = [abs(self.ordinals[j] - o) for j in (i - 1, i) if 0 <= j < len(self.ordinals)]
        return min(near)


# Rules whose value moves with the publication date and so can date an article. "today"
# is left out: it always equals the candidate and would only reward the other articles' dates.
_INFER_RULES = {"rel_weekday", "part_weekday", "ordinal_day", "rel_unit", "anaphor_day", "mdy", "dmy", "deictic"}
_NO_INFER_WORDS = {"today", "tonight", "now"}


def _top_days(scorer: _StoryScorer, columns: list[list[tuple[int, int, tuple[str, ...]]]],
              first: int, last: int) -> dict[int, tuple[float, int]]:
    """The candidate days (ordinals first..last) of the highest score, with (score, -spread) as
    ``scorer.score`` gives them on their readings; none when no day scores above 0.

    A day's score is the sum of the weights of its values, so it is summed over each run of an
    expression's values at once (a difference array); the weights are whole days and half
    weeks, so these sums are exact whatever their order and equal the day-by-day ones. The spread,
    which only breaks ties, is then worked out on the days of that score: the best (score,
    spread) of all days is among them.
    """
    n = last - first + 1
    steps = [0.0] * (n + 1)
    looked_up, value = scorer._values.get, scorer.value
    for column in columns:
        for start, end, values in column:
            weight = 0.0
            for v in values:
                weight += (looked_up(v) or value(v))[1]
            if weight:
                steps[start - first] += weight
                steps[end + 1 - first] -= weight
    scores, total = [], 0.0
    for step in steps[:n]:
        total += step
        scores.append(total)
    high = max(scores)
    if high <= 0:
        return {}
    days = [first + i for i, s in enumerate(scores) if s == high]
    return {o: (high, spread) for o, spread in zip(days, _spreads(scorer, columns, days))}


def _spreads(scorer: _StoryScorer, columns: list[list[tuple[int, int, tuple[str, ...]]]], days: list[int]) -> list[int]:
    """-(days between the first and the last day-level value) on each of the (ascending) days,
    as ``scorer.score`` gives it (0 without such values)."""
    lows: list[int | None] = [None] * len(days)
    highs: list[int] = [0] * len(days)
    looked_up, value = scorer._values.get, scorer.value
    for column in columns:
        i = 0
        for k, o in enumerate(days):
            while column[i][1] < o:
                i += 1
            for v in column[i][2]:
                day = (looked_up(v) or value(v))[0]
                if day is None:
                    continue
                low = lows[k]
                if low is None:
                    lows[k] = highs[k] = day
                elif day < low:
                    lows[k] = day
                elif day > highs[k]:
                    highs[k] = day
    return [0 if low is None else low - high for low, high in zip(lows, highs)]


def _readings_on(columns: list[list[tuple[int, int, tuple[str, ...]]]], day: int) -> list[str]:
    """The values of every expression, in text order, on one day."""
    return [v for column in columns for start, end, values in column if start <= day <= end for v in values]


def _story_span(story: StoryDays) -> tuple[str, str]:
    return (f"{story.first.isoformat()}/{story.last.isoformat()}",
            "no date in the text lines up with the story; the span of its dated articles")


def _infer_one(article: Article, story: StoryDays | None) -> tuple[str, str] | None:
    """Publication date (or range) of one undated article from its story's known days.

    Candidate days lie around the story's publication days, not around every day its
    articles mention: one mention of a day years back ("since 4 July 1990") would otherwise
    stretch the scan over every day between, and could date the article there.
    """
    if story is None:
        return None
    matches = _recognise(article.body)
    relative = [m for m in matches if m.rule in _INFER_RULES and m.match.group(0).lower() not in _NO_INFER_WORDS]
    if not relative:  # nothing moves with the candidate day: every day scores 0, the fallback below
        return _story_span(story)
    scorer = story.scorer
    prepared = _prepare(article.body, relative)  # once: trimming and lookups do not move with the day
    window = dt.timedelta(days=INFER_WINDOW_DAYS)
    first, last = (story.first - window).toordinal(), (story.last + window).toordinal()
    columns = _resolve_runs(article.body, prepared, first, last, _text_tense)
    top = _top_days(scorer, columns, first, last)
    if not top:
        return _story_span(story)
    best = max(top.values())
    # the contiguous run of best candidates that holds the one nearest the story's dates
    best_days = [o for o, k in top.items() if k == best]
    centre = min(best_days, key=scorer.distance)
    start = end = centre
    best_set = set(best_days)
    while start - 1 in best_set:
        start -= 1
    while end + 1 in best_set:
        end += 1
    matched = scorer.score(_readings_on(columns, centre))[2]
    value = Date.fromordinal(start).isoformat()
    if end != start:
        value += "/" + Date.fromordinal(end).isoformat()
    reason = (f"{len(matched)} day reference(s) of the text ({', '.join(sorted(set(matched)))}) line up "
              f"with dates the story's dated articles give when published in {value}")
    return value, reason


def infer_publication_dates(items: list[tuple[Article, list[TimeExpr]]],
                            groups: dict[str, str]) -> dict[str, tuple[str, str]]:
    """For undated articles: a publication date or range inferred from their story.

    ``groups`` maps article id -> story id. Returns article id -> (value, reason) where value
    is a date "YYYY-MM-DD" or a range "YYYY-MM-DD/YYYY-MM-DD" (resolve the article with
    ``time_expressions(body, value)``). Callers must mark it published_how="inferred".
    """
    by_story: dict[str, list[tuple[Article, list[TimeExpr]]]] = {}
    for article, timexes in items:
        story = groups.get(article.id)
        if story is not None:
            by_story.setdefault(story, []).append((article, timexes))
    out: dict[str, tuple[str, str]] = {}
    for story, members in by_story.items():
        known = known_days(members)
        for article, _ in members:
            if not article.published and (found := infer_publication_date(article, known, story)):
                out[article.id] = found
    return out


def infer_publication_date(article: Article, known: StoryDays | None, story: str) -> tuple[str, str] | None:
    """One undated article's (value, reason), from the ``known_days`` of its story."""
    inferred = _infer_one(article, known)
    return None if inferred is None else (inferred[0], f"story {story}: {inferred[1]}")


def not_before(inferred: tuple[str, str], original: str, day: str) -> tuple[str, str]:
    """An inferred date or range cut so that it starts no earlier than ``day``, the stated
    date of the article (id ``original``) this one retells (``newstrail.rewrites``).

    Why: a rewrite appears after what it retells. When the whole range lies before that day,
    the text's clues contradict which of the two is the copy (the rewrite test names the
    undated one), so the inference stands as it was.
    """
    value, reason = inferred
    start, _, end = value.partition("/")
    end = end or start
    if start >= day or end < day:
        return inferred
    cut = day if end == day else f"{day}/{end}"
    return cut, f"{reason}; not before {day}, the date of the article it retells ({original[:10]})"
