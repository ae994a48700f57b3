"""Speed of the two merging corpus stages, timeline and positions, on a built store.

Reads every stored analysis (read-only), takes the story of each article from the store's
``story_articles`` (or clusters them here when the corpus stages never ran), resolves
canonical actors in memory as the actors stage does, then times ``merge_timeline`` and
``merge_positions`` alone. Prints, per stage: articles, mentions in, records out, seconds,
articles/s and mentions/s. ``--limit N`` takes the first N articles, to see how time grows.

    python bench/corpus_merge.py STORE.db [--limit 1000]
"""

from __future__ import annotations

import argparse
import sqlite3
from typing import Any

from common import peak_memory_mb, timer


def story_map(path: str, analyses: list[Any], actor_of: Any) -> dict[str, str]:
    """Article id -> story id: the store's, else clustered here (as the stories stage would)."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        stored = {aid: story for story, aid in db.execute("SELECT story, article_id FROM story_articles")}
    ids = {a.article.id for a in analyses}
    if stored and ids <= stored.keys():
        return stored
    from newstrail.stories import StoryIndex

    index = StoryIndex()
    index.add_many([
        (a.article.id, a.article.body, a.article.published if a.article.published_how != "inferred" else None,
         sorted({actor_of(a.article.id, m.key) or m.key for m in a.mentions}))
        for a in analyses
    ])
    index.consolidate()
    return {aid: s.id for s in index.stories() for aid in s.articles}


def actor_maps(analyses: list[Any]) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
    """(article, key) -> canonical name and -> affiliation, as the actors stage makes them."""
    from newstrail.actors import resolve_actors

    resolution = resolve_actors([(a.article.id, list(a.mentions)) for a in analyses])
    names = {actor.id: actor.name for actor in resolution.actors}
    affiliation = {actor.id: actor.affiliation for actor in resolution.actors if actor.affiliation}
    name_of: dict[tuple[str, str], str] = {}
    affiliation_of: dict[tuple[str, str], str] = {}
    for a in analyses:
        aid = a.article.id
        for key in {m.key for m in a.mentions} | {q.speaker_key for q in a.quotes if q.speaker_key}:
            actor_id = resolution.actor_id(aid, key)
            if actor_id:
                name_of[(aid, key)] = names.get(actor_id, key)
                if actor_id in affiliation:
                    affiliation_of[(aid, key)] = affiliation[actor_id]
    return name_of, affiliation_of


def report(stage: str, articles: int, mentions: int, out: int, seconds: float) -> None:
    print(f"{stage:10s} {articles:7d} articles {mentions:8d} mentions -> {out:6d}  {seconds:7.2f} s  "
          f"{articles / seconds if seconds else 0:8.1f} articles/s  {mentions / seconds if seconds else 0:9.1f} mentions/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", help="a store built by `newstrail build` (opened read-only)")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    args = parser.parse_args()

    from newstrail.positions import merge_positions
    from newstrail.store import Store
    from newstrail.timeline import merge_timeline

    with timer() as t:
        import sklearn.feature_extraction.text  # noqa: F401 - imported once, not part of a stage's time

        analyses = list(Store(args.store, readonly=True).analyses())[: args.limit]
        name_of, affiliation_of = actor_maps(analyses)

        def actor_of(aid: str, key: str | None) -> str | None:
            return None if key is None else name_of.get((aid, key))

        def affiliation(aid: str, key: str | None) -> str | None:
            return None if key is None else affiliation_of.get((aid, key))

        story_of = story_map(args.store, analyses, actor_of)
    print(f"loaded {len(analyses)} articles, {len(set(story_of.values()))} stories in {t['seconds']:.1f} s (not timed below)")

    events = sum(len(a.events) for a in analyses)
    stances = sum(len(a.stances) for a in analyses)
    with timer() as t:
        entries = merge_timeline(analyses, story_of, actor_of)
    report("timeline", len(analyses), events, len(entries), t["seconds"])
    with timer() as t:
        positions = merge_positions(analyses, actor_of, affiliation)
    report("positions", len(analyses), stances, len(positions), t["seconds"])
    print(f"peak memory {peak_memory_mb():.0f} MB")


if __name__ == "__main__":
    main()
