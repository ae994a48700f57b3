"""Inferred publication dates on real news: T17 articles with their dates hidden one at a time.

    python bench/dating.py [--topics egypt,haiti] [--block-days 30]

An article with no date of its own is dated from its story (``timex.infer``): from the days
the story's dated articles were published on and the days they mention, and the article's
own relative expressions ("on Monday", "the 10th", "yesterday"). T17 (../shared/data/tls)
gives real articles with known publication dates. Each topic is cut into calendar blocks of
``--block-days`` days, which stand in for stories; each article in turn loses its date and is
dated from the other articles of its block, exactly as the dates stage would
(``known_days`` + ``infer_publication_date``, no spaCy). Articles whose text states a date the
cleaner reads (a dateline or header) are left out: they are never undated in a build.

Printed per topic and for the tuning (egypt, haiti) and held-out (finan, h1n1) halves:
- ``exact``: the inference is the right single day;
- ``within``: the right day is in the inferred day or range;
- ``±1``: the inferred day or range is at most one day from the right day (time zones and
  overnight wire copy put many reports a day after the event they date themselves by);
- ``width``: mean days an inferred range spans;
- ``fallback``: no day of the text lines up, so the story's span was given;
and, as baselines, ``within`` for the story's span (always right, one block wide) and
``exact``/``±1`` for the story's middle day.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
from dataclasses import dataclass
from types import SimpleNamespace

from common import data_dir, timer

from newstrail.clean import clean_article
from newstrail.model import RawArticle
from newstrail.timex import time_expressions
from newstrail.timex.infer import infer_publication_date, known_days

TUNE_TOPICS = ("egypt", "haiti")


@dataclass
class Member:
    """One article of a block: its clean body, its true date and its dated time expressions."""

    body: str
    date: dt.date
    timexes: list[SimpleNamespace]
    states_date: bool


def read_topic(topic: str, loader) -> list[Member]:
    """A topic's articles, cleaned as a build would clean them, with their time expressions."""
    members = []
    for i, (date, text) in enumerate(loader(topic)):
        article = clean_article(RawArticle(source=f"{topic}/{i}", text=text), frozenset())
        found = time_expressions(article.body, date.isoformat())
        timexes = [SimpleNamespace(type=t, value=v) for _, _, v, t in found]
        members.append(Member(article.body, date, timexes, article.published is not None))
    return members


def blocks(members: list[Member], days: int) -> list[list[Member]]:
    """Members cut into calendar blocks of ``days`` days (the stories of this bench)."""
    first = min(m.date for m in members)
    out: dict[int, list[Member]] = {}
    for m in members:
        out.setdefault((m.date - first).days // days, []).append(m)
    return list(out.values())


def _span(value: str) -> tuple[dt.date, dt.date]:
    first, _, last = value.partition("/")
    return dt.date.fromisoformat(first), dt.date.fromisoformat(last or first)


def _gap(day: dt.date, first: dt.date, last: dt.date) -> int:
    return 0 if first <= day <= last else min(abs((day - first).days), abs((day - last).days))


def infer_block(block: list[Member]) -> list[dict]:
    """Each member of a block that states no date, dated from the others; one row per member."""
    rows = []
    dates = sorted(m.date for m in block)
    middle = dates[len(dates) // 2]
    for i, hidden in enumerate(block):
        if hidden.states_date:
            continue
        others = [(SimpleNamespace(published=m.date.isoformat()), m.timexes) for j, m in enumerate(block) if j != i]
        known = known_days(others)
        found = infer_publication_date(SimpleNamespace(body=hidden.body, published=None), known, "block")
        row = {"inferred": found is not None, "middle_gap": abs((hidden.date - middle).days),
               "span_within": dates[0] <= hidden.date <= dates[-1]}
        if found:
            first, last = _span(found[0])
            row.update(gap=_gap(hidden.date, first, last), width=(last - first).days + 1,
                       fallback="the span of its dated articles" in found[1])
        rows.append(row)
    return rows


def summary(rows: list[dict]) -> str:
    n = max(len(rows), 1)
    got = [r for r in rows if r["inferred"]]
    share = lambda test: sum(1 for r in got if test(r)) / n  # noqa: E731
    return (f"n={len(rows):4d} exact={share(lambda r: r['gap'] == 0 and r['width'] == 1):.3f} "
            f"within={share(lambda r: r['gap'] == 0):.3f} ±1={share(lambda r: r['gap'] <= 1):.3f} "
            f"width={statistics.fmean(r['width'] for r in got) if got else 0:.1f} "
            f"fallback={share(lambda r: r['fallback']):.3f} | baselines: span within="
            f"{sum(r['span_within'] for r in rows) / n:.3f}, middle day exact="
            f"{sum(r['middle_gap'] == 0 for r in rows) / n:.3f} ±1={sum(r['middle_gap'] <= 1 for r in rows) / n:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--topics", default="", help="comma-separated topics (default: all with articles)")
    parser.add_argument("--block-days", type=int, default=30, help="days per calendar block (a story)")
    args = parser.parse_args()
    data_dir("tls")
    import score_tls

    topics = [t for t in (args.topics.split(",") if args.topics else score_tls.topics()) if score_tls.load_articles(t)]
    by_topic: dict[str, list[dict]] = {}
    with timer() as t:
        for topic in topics:
            members = read_topic(topic, score_tls.load_articles)
            by_topic[topic] = [row for block in blocks(members, args.block_days) for row in infer_block(block)]
    print(f"dataset: T17, {len(topics)} topics, blocks of {args.block_days} days; {t['seconds']:.1f}s")
    for topic, rows in by_topic.items():
        print(f"  {topic:6s} {summary(rows)}")
    for name, keep in (("tuning (egypt, haiti)", True), ("held-out (finan, h1n1)", False)):
        rows = [r for topic, rs in by_topic.items() if (topic in TUNE_TOPICS) == keep for r in rs]
        if rows:
            print(f"  {name}: {summary(rows)}")


if __name__ == "__main__":
    main()
