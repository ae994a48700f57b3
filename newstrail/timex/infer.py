"""Publication dates of undated articles, inferred from the dated articles of the same story."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Article, TimeExpr
from .resolve import (_ANCHORABLE, _KNOWN_YEAR, _QUARTER_VALUE, Date, _Ctx, _fmt_week, _pair_days, _parse_date,
                      _prepare, _Prepared, _recognise, _text_tense)
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
        """How well an article's readings on one candidate date (``_readings``) agree with the
        story's known days.

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


class _AnchorWatch:
    """A resolution context (``resolve._Ctx``'s fields) that notes whether the resolver read
    anything that moves with the candidate day: the anchor itself, or what the expressions
    before it left (the date, year or quarter just named, which are read off the anchor)."""

    __slots__ = ("text", "tense", "probe", "_dct", "moved")

    def __init__(self, text: str, dct: Date, tense: Callable[[str, int, int], str | None]) -> None:
        self.text, self.tense, self.probe, self._dct, self.moved = text, tense, False, dct, False

    @property
    def dct(self) -> Date:
        self.moved = True
        return self._dct

    def _before(self) -> None:
        self.moved = True

    last = property(lambda self: self._before())
    quarter = property(lambda self: self._before())
    year = property(lambda self: self._before())
    year_last = property(lambda self: self._before() or False)


_DIGIT = re.compile(r"\d")


def _idle(text: str, match: _Prepared, day: Date) -> bool:
    """Whether a prepared match can be left out of every candidate day's resolution.

    A resolver is a function of what it reads: one that reads neither the anchor nor what
    earlier expressions left, on one candidate day, takes the same path and gives the same
    reading on every day ("recently", "currently", "in May 2021"). Such a reading changes
    nothing when it is nothing, or a value with no digit ("PAST_REF"): that is no day or week
    to score, and no date, year or quarter for later expressions to anchor on (all of them
    numbers). So leaving it out leaves every other reading, and every day's score, as they were.
    """
    rule, resolver, m = match[0], match[1], match[2]
    watch = _AnchorWatch(text, day, _text_tense)
    try:
        found = resolver(m, watch)  # type: ignore[arg-type]
    except Exception:  # only after reading the context (else the real chain fails the same way): keep it
        return False
    if watch.moved:
        return False
    return found is None or (rule != "mdy_pair" and not _DIGIT.search(found[0]))


@functools.lru_cache(maxsize=8192)
def _anchoring(value: str, typ: str) -> tuple[bool, str | None, bool]:
    """What a reading leaves for the expressions after it, as ``_resolve_prepared`` reads it:
    (whether it is of a known year, the date later ones anchor on or None, whether it is a
    quarter). Memoised: the day scan meets the same few hundred values on every candidate day,
    and these regular expressions cost more than the resolvers' own memoised lookups."""
    dated = typ in ("DATE", "TIME")
    return (dated and _KNOWN_YEAR.match(value) is not None,
            value.split("T")[0] if dated and _ANCHORABLE.match(value) else None,
            _QUARTER_VALUE.match(value) is not None)


def _readings(text: str, prepared: list[_Prepared], dct: Date) -> list[str]:
    """The values ``_resolve_prepared`` gives the prepared matches on ``dct``, in text order:
    all that scoring a candidate day reads. The same resolution, anchoring later expressions
    the same way (keep the two in step); what it leaves out (spans, types, the "how" text) and
    the memoised checks of ``_anchoring`` are what the day scan saves on each of its days."""
    ctx = _Ctx(text=text, dct=dct, tense=_text_tense)
    out: list[str] = []
    for rule, resolver, match, _, _, derived, named in prepared:
        res = resolver(match, ctx)
        if res is None:
            continue
        value, typ, how = res
        if rule == "mdy_pair":
            pair = _pair_days(match, value, how)
            out.extend(p[2] for p in pair)
            if _ANCHORABLE.match(pair[-1][2]):
                ctx.last = pair[-1][2]
            continue
        out.append(value)
        known_year, anchor, quarter = _anchoring(value, typ)
        if known_year:
            ctx.year = value[:4]
            ctx.year_last = rule in ("year", "fiscal_year") and len(value) == 4
        if anchor is not None and not (derived and quarter):
            ctx.last = anchor
        if named and quarter:
            ctx.quarter = value
    return out


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
    prepared = [p for p in prepared if not _idle(article.body, p, Date.fromordinal(first))]
    if not prepared:  # what is left reads the same on every day and scores nothing: as above
        return _story_span(story)
    scored: list[tuple[float, int]] = []  # (score, -spread) per candidate day, from the first
    matches_of: list[list[str]] = []
    for o in range(first, last + 1):
        s, spread, matched = scorer.score(_readings(article.body, prepared, Date.fromordinal(o)))
        scored.append((s, spread))
        matches_of.append(matched)
    best = max(scored)
    if best[0] <= 0:
        return _story_span(story)
    # the contiguous run of best candidates that holds the one nearest the story's dates
    best_days = [first + i for i, k in enumerate(scored) if k == best]
    centre = min(best_days, key=scorer.distance)
    start = end = centre
    best_set = set(best_days)
    while start - 1 in best_set:
        start -= 1
    while end + 1 in best_set:
        end += 1
    matched = matches_of[centre - first]
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
