"""Time expressions of a cleaned article: spans on the original text, and the date of a span."""

from __future__ import annotations

import bisect
import re
from typing import Any

from ..model import Article, TimeExpr
from .tense import _sentence_bounds
from .resolve import resolve_all


def _confidence(value: str, how: str) -> float:
    """A rough confidence: explicit dates are sure; tense guesses and anchors less so."""
    if "X" in value:
        return 0.4
    if how.startswith("explicit"):
        return 0.98
    if "no tense" in how or "no date mentioned" in how:
        return 0.7
    if value.endswith("_REF") or value.startswith("P"):
        return 0.8
    return 0.85


def extract_timexes(doc: Any, article: Article) -> list[TimeExpr]:
    """Time expressions of an article; ``doc`` is the spaCy parse of ``article.body``."""
    anchor = article.published
    found = resolve_all(article.body, anchor, doc)
    out: list[TimeExpr] = []
    for start, end, value, typ, how in found:
        span = article.body_span(start, end)
        out.append(TimeExpr(span=span, text=article.text[span.start:span.end], value=value, type=typ,
                            anchor=anchor, how=how, confidence=_confidence(value, how)))
    return out


_DAY_LEVEL = re.compile(r"^\d{4}-\d\d-\d\d")
_MONTH_LEVEL = re.compile(r"^\d{4}-(?:\d\d|W\d\d)$")


def _sentence_range(article: Article, start: int, end: int, doc: Any) -> tuple[int, int]:
    """The original-text range of the sentence(s) around [start, end)."""
    if doc is not None:
        lo, hi = start, end
        ranges = _sentence_ranges(article, doc)
        # sentences are in order and do not overlap: from the first one ending after start
        i = bisect.bisect_right(ranges, start, key=_range_end)
        while i < len(ranges) and ranges[i][0] < end:
            lo, hi = min(lo, ranges[i][0]), max(hi, ranges[i][1])
            i += 1
        return lo, hi
    return _sentence_bounds(article.text, start, end)


def _range_end(pair: tuple[int, int]) -> int:
    return pair[1]


def _sentence_ranges(article: Article, doc: Any) -> list[tuple[int, int]]:
    """The original-text range of every sentence of ``doc``, computed once per parse.

    Every quote, event and stance of an article asks for its sentence; walking all
    sentences each time made dating quadratic in the article's length.
    """
    key = ("newstrail.sentence_ranges", article.id)
    ranges = doc.user_data.get(key)
    if ranges is None:
        ranges = []
        for sent in doc.sents:
            sp = article.body_span(sent.start_char, sent.end_char)
            ranges.append((sp.start, sp.end))
        doc.user_data[key] = ranges
    return ranges


def date_for_span(article: Article, timexes: list[TimeExpr], start: int, end: int,
                  doc: Any = None) -> tuple[str | None, str | None]:
    """The date a sentence, quote or event in [start, end) (original offsets) happened.

    The time expression of the same sentence wins, day-level before week/month-level before
    years, the one nearest to the span first; else the publication date; else (None, None).
    Values with unknown parts (X) do not count as a date.
    """
    lo, hi = _sentence_range(article, start, end, doc)
    best: tuple[int, int, str] | None = None
    for tx in timexes:
        if tx.type not in ("DATE", "TIME") or "X" in tx.value or tx.value.endswith("_REF"):
            continue
        if not (lo <= tx.span.start and tx.span.end <= hi):
            continue
        rank = 0 if _DAY_LEVEL.match(tx.value) else 1 if _MONTH_LEVEL.match(tx.value) else 2
        dist = 0 if start <= tx.span.start < end else min(abs(tx.span.start - end), abs(start - tx.span.end))
        key = (rank, dist, tx.value[:10])
        if best is None or key[:2] < best[:2]:
            best = key
    if best is not None:
        return best[2], "text"
    if article.published:
        return article.published, "published"
    return None, None
