"""The stages, declared in one place: what each needs, what it makes, and its version.

Per-article stages run in order on one article inside ``run_article_stages`` (one spaCy
pass, reused by every stage after ``parse``). Corpus stages read the whole store and
write corpus tables; they run after every build, in ``CORPUS_STAGES`` order, because each
needs what the one before it made (stories need actors; timeline needs stories and dates).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, replace
from typing import Callable

from .errors import InputError
from .model import Actor, Article, ArticleAnalysis, Quote, RawArticle, Story
from .store import Store


@dataclass(frozen=True)
class Stage:
    name: str
    version: int
    requires: tuple[str, ...]
    produces: tuple[str, ...]
    run: Callable = lambda *a: 0  # noqa: E731


ARTICLE_STAGES = (
    Stage("clean", 1, ("raw",), ("article.body", "article.metadata", "article.flags")),
    Stage("parse", 1, ("article.body",), ("doc",)),
    Stage("mentions", 1, ("doc",), ("mentions",)),
    Stage("timexes", 1, ("doc",), ("timexes",)),
    Stage("quotes", 1, ("doc", "mentions", "timexes"), ("quotes",)),
    Stage("events", 1, ("doc", "mentions", "timexes"), ("events",)),
    Stage("stances", 1, ("doc", "mentions", "quotes", "timexes"), ("stances",)),
)


def check_order(stages: tuple[Stage, ...], given: tuple[str, ...] = ("raw",)) -> None:
    """Fail early when a stage needs something no earlier stage makes."""
    have = set(given)
    for stage in stages:
        missing = set(stage.requires) - have
        if missing:
            raise RuntimeError(f"stage {stage.name} needs {sorted(missing)}, which no earlier stage makes")
        have.update(stage.produces)


check_order(ARTICLE_STAGES)


def current_stage(timings: dict) -> str:
    return str(timings.get("_stage", "clean"))


def line_keys(raw: RawArticle) -> set[str]:
    """Normalised keys of a raw article's lines, for corpus-wide boilerplate counts."""
    from .clean import line_key

    text = raw.text or ""
    return {k for k in (line_key(line) for line in text.splitlines()) if k}


def _timed(timings: dict, name: str, fn: Callable, *args):
    timings["_stage"] = name
    clock = time.perf_counter()
    result = fn(*args)
    timings[name] = timings.get(name, 0.0) + time.perf_counter() - clock
    return result


def run_article_stages(
    raw: RawArticle,
    common_lines: frozenset[str],
    timings: dict,
    *,
    article: Article | None = None,
    doc=None,
) -> ArticleAnalysis:
    """Every per-article stage on one raw article; ``timings`` gets seconds per stage.

    A batch runner (``pipeline.analyse_chunk``) cleans a whole batch first, parses the clean
    bodies together with ``nlp.pipe`` and passes each ``article`` and ``doc`` in here; alone,
    the article is cleaned and parsed on the spot.
    """
    from .actors import extract_mentions
    from .events import extract_events, extract_stances
    from .nlp import parse
    from .quotes import extract_quotes
    from .timex import extract_timexes

    if article is None:
        article = clean_raw(raw, common_lines, timings)
    if doc is None:
        doc = _timed(timings, "parse", parse, article.body)
    mentions = _timed(timings, "mentions", extract_mentions, doc, article)
    timexes = _timed(timings, "timexes", extract_timexes, doc, article)
    quotes = _timed(timings, "quotes", extract_quotes, doc, article, mentions)
    quotes = _timed(timings, "quotes", date_quotes, article, quotes, timexes, doc)
    events = _timed(timings, "events", extract_events, doc, article, mentions, timexes)
    stances = _timed(timings, "stances", extract_stances, doc, article, mentions, quotes, timexes)
    timings["_stage"] = "store"
    return ArticleAnalysis(
        article=article,
        mentions=tuple(mentions),
        timexes=tuple(timexes),
        quotes=tuple(quotes),
        events=tuple(events),
        stances=tuple(stances),
    )


def clean_raw(raw: RawArticle, common_lines: frozenset[str], timings: dict) -> Article:
    """The first per-article stage alone (the batch runner cleans a batch before parsing it)."""
    from .clean import clean_article

    article = _timed(timings, "clean", clean_article, raw, common_lines)
    words = len(article.body.split())
    if words < MIN_BODY_WORDS:
        raise InputError(raw.source, f"no article text found after cleaning ({words} words left: only navigation or boilerplate)")
    return article


# A body shorter than this is what is left of a page of links and labels ("Home News"),
# not an article: the shortest news briefs are a sentence of a dozen words.
MIN_BODY_WORDS = 8


def date_quotes(article: Article, quotes: list[Quote], timexes: list, doc) -> list[Quote]:
    """The date each quote was said: the time expression governing its cue, else publication.

    Time expressions inside the quoted content say what the speaker talked about ("since
    1997"), not when they spoke, and a bare year is too coarse to date a statement; both
    are left out.
    """
    from .timex import date_for_span

    dated = []
    for quote in quotes:
        if quote.said_on:
            dated.append(quote)
            continue
        content = quote.content
        usable = [
            t for t in timexes
            if not (content.start <= t.span.start and t.span.end <= content.end) and not _YEAR_ONLY.match(t.value)
        ]
        parts = [s for s in (quote.content, quote.cue, quote.speaker) if s is not None]
        start, end = min(s.start for s in parts), max(s.end for s in parts)
        value, how = date_for_span(article, usable, start, end, doc)
        dated.append(replace(quote, said_on=value, said_on_how=how))
    return dated


_YEAR_ONLY = re.compile(r"^\d{4}$")


# -- corpus stages ------------------------------------------------------------------------


class CorpusContext:
    """What corpus stages share during one run: the store and what earlier stages made."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.analyses: list[ArticleAnalysis] = list(store.analyses())
        self.actor_names: dict[tuple[str, str], str] = {}
        self.affiliations: dict[tuple[str, str], str] = {}
        self.story_of: dict[str, str] = {}

    def actor_of(self, article_id: str, key: str | None) -> str | None:
        """Canonical name of an article-local actor key (None when unknown)."""
        if key is None:
            return None
        return self.actor_names.get((article_id, key))

    def affiliation_of(self, article_id: str, key: str | None) -> str | None:
        """The country or organisation an article-local actor speaks for, across the corpus."""
        if key is None:
            return None
        return self.affiliations.get((article_id, key))


def _load_state(store: Store, name: str, cls):
    blob = store.get_state(name)
    return cls.from_bytes(blob) if blob else cls()


def run_duplicates(ctx: CorpusContext) -> int:
    from .dedup import DuplicateIndex

    index = _load_state(ctx.store, "dedup", DuplicateIndex)
    found = [dup for a in ctx.analyses if a.article.id not in index for dup in index.add(a.article)]
    if found:
        existing = ctx.store.corpus("duplicates")
        ctx.store.replace_corpus("duplicates", [*existing, *found])
    ctx.store.set_state("dedup", index.to_bytes())
    return len(found)


def run_actors(ctx: CorpusContext) -> int:
    from .actors import resolve_actors

    resolution = resolve_actors([(a.article.id, list(a.mentions)) for a in ctx.analyses])
    rows = []
    names = {actor.id: actor.name for actor in resolution.actors}
    affiliation = {actor.id: actor.affiliation for actor in resolution.actors if actor.affiliation}
    quote_counts: dict[str, int] = {}
    for analysis in ctx.analyses:
        aid = analysis.article.id
        for key in {m.key for m in analysis.mentions} | {q.speaker_key for q in analysis.quotes if q.speaker_key}:
            actor_id = resolution.actor_id(aid, key)
            if actor_id:
                rows.append((aid, key, actor_id))
                ctx.actor_names[(aid, key)] = names.get(actor_id, key)
                if actor_id in affiliation:
                    ctx.affiliations[(aid, key)] = affiliation[actor_id]
        for quote in analysis.quotes:
            actor_id = resolution.actor_id(aid, quote.speaker_key) if quote.speaker_key else None
            if actor_id:
                quote_counts[actor_id] = quote_counts.get(actor_id, 0) + 1
    actors: list[Actor] = [replace(a, quotes=quote_counts.get(a.id, a.quotes)) for a in resolution.actors]
    ctx.store.replace_corpus("actors", actors)
    ctx.store.set_actor_keys(rows)
    return len(actors)


def run_stories(ctx: CorpusContext) -> int:
    """New articles join stories (in time order, see ``StoryIndex.add_many``); old ones stay put."""
    from .stories import StoryIndex

    index = _load_state(ctx.store, "stories", StoryIndex)
    new = [
        (a.article.id, a.article.body, a.article.published if a.article.published_how != "inferred" else None,
         sorted({ctx.actor_of(a.article.id, m.key) or m.key for m in a.mentions}))
        for a in ctx.analyses
        if a.article.id not in index
    ]
    if new:
        index.add_many(new)
        index.consolidate()
    stories: list[Story] = index.stories()
    ctx.store.set_state("stories", index.to_bytes())
    ctx.store.replace_corpus("stories", stories)
    ctx.story_of = {aid: s.id for s in stories for aid in s.articles}
    ctx.store.set_story_articles((sid, aid) for aid, sid in ctx.story_of.items())
    return len(new)


def run_dates(ctx: CorpusContext) -> int:
    """Date undated articles from their stories, then re-date what they say.

    The inferred date (a day, or a range "start/end" when the clues allow several days) is
    stored with ``published_how="inferred"`` and the reason; the article's time expressions,
    quotes and events are resolved again against it, and dates that fall back on it are
    marked "inferred", never "published".
    """
    from .timex import infer_publication_dates

    items = [(a.article, list(a.timexes)) for a in ctx.analyses]
    inferred = infer_publication_dates(items, ctx.story_of)
    updated = []
    for analysis in ctx.analyses:
        article = analysis.article
        if article.published and article.published_how != "inferred":
            updated.append(analysis)
            continue
        value, reason = inferred.get(article.id, (None, None))
        ctx.store.set_published(article.id, value, "inferred" if value else None, reason)
        updated.append(redate(ctx.store, analysis, value))
    ctx.analyses = updated
    return len(inferred)


def redate(store: Store, analysis: ArticleAnalysis, published: str | None) -> ArticleAnalysis:
    """Resolve an undated article's time expressions, quotes and events against ``published``."""
    from .timex import date_for_span, extract_timexes

    article = replace(analysis.article, published=published, published_how="inferred" if published else None)
    timexes = extract_timexes(None, article)
    quotes = [replace(q, said_on=None, said_on_how=None) for q in analysis.quotes]
    quotes = [
        replace(q, said_on_how="inferred") if q.said_on_how == "published" else q
        for q in date_quotes(article, quotes, timexes, None)
    ]
    events = []
    for event in analysis.events:
        value, how = date_for_span(article, timexes, event.span.start, event.span.end)
        events.append(replace(event, date=value, date_how="inferred" if how == "published" else how))
    stances = [
        replace(s, date=date_for_span(article, timexes, s.span.start, s.span.end)[0]) for s in analysis.stances
    ]
    found = {"timexes": timexes, "quotes": quotes, "events": events, "stances": stances}
    for table, records in found.items():
        store.replace_findings(table, article.id, records)
    return replace(analysis, article=article, **{k: tuple(v) for k, v in found.items()})


def run_timeline(ctx: CorpusContext) -> int:
    from .timeline import merge_timeline

    entries = merge_timeline(ctx.analyses, ctx.story_of, ctx.actor_of)
    ctx.store.replace_corpus("timeline", entries)
    return len(entries)


def run_positions(ctx: CorpusContext) -> int:
    from .positions import merge_positions

    positions = merge_positions(ctx.analyses, ctx.actor_of, ctx.affiliation_of)
    ctx.store.replace_corpus("positions", positions)
    return len(positions)


CORPUS_STAGES = (
    Stage("duplicates", 1, ("articles",), ("duplicates",), run_duplicates),
    Stage("actors", 1, ("mentions",), ("actors",), run_actors),
    Stage("stories", 1, ("articles", "actors"), ("stories",), run_stories),
    Stage("dates", 1, ("timexes", "stories"), ("published.inferred",), run_dates),
    Stage("timeline", 1, ("events", "stories", "actors", "published.inferred"), ("timeline",), run_timeline),
    Stage("positions", 1, ("stances", "actors"), ("positions",), run_positions),
)

check_order(CORPUS_STAGES, ("articles", "mentions", "timexes", "events", "stances"))
