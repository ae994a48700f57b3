"""The stages, declared in one place: what each needs, what it makes, and its version.

Per-article stages run in order on one article inside ``run_article_stages`` (one spaCy
pass, reused by every stage after ``parse``). Corpus stages read the whole store and
write corpus tables; they run after every build, in ``CORPUS_STAGES`` order, because each
needs what the one before it made (stories need actors; timeline needs stories and dates).
A stage that can start hands its work to a worker and is finished later, before the first
stage that needs it (``Stage.start``; see ``pipeline.run_corpus_stages``).
"""

from __future__ import annotations

import re
import sys
import time
from dataclasses import dataclass, field, replace
from collections import Counter
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

import orjson

from .engine import Engine
from .errors import InputError
from .model import Article, ArticleAnalysis, OffsetMap, Quote, RawArticle, Story, TimeExpr, TimelineEntry
from .store import EncodedAnalysis, Store, decode_analysis

if TYPE_CHECKING:
    from .dedup import DuplicateIndex
    from .stories import PreparedTexts
    from .timex.infer import StoryDays


@dataclass(frozen=True)
class Stage:
    name: str
    version: int
    requires: tuple[str, ...]
    produces: tuple[str, ...]
    run: Callable = lambda *a: 0  # noqa: E731
    # A corpus stage that can start (read the store, hand its work to workers) and write
    # later: ``start(ctx)`` returns what finishes it. The runner goes on with the next
    # stages that need nothing it produces, then finishes it (see run_corpus_stages).
    start: Callable | None = None


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
    stances = _timed(timings, "stances", extract_stances, doc, article, mentions, quotes, timexes, events)
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
    finer = [t for t in timexes if not _YEAR_ONLY.match(t.value)]  # once, not per quote
    for quote in quotes:
        if quote.said_on:
            dated.append(quote)
            continue
        content = quote.content
        usable = [t for t in finer if not (content.start <= t.span.start and t.span.end <= content.end)]
        parts = [s for s in (quote.content, quote.cue, quote.speaker) if s is not None]
        start, end = min(s.start for s in parts), max(s.end for s in parts)
        value, how = date_for_span(article, usable, start, end, doc)
        dated.append(replace(quote, said_on=value, said_on_how=how))
    return dated


_YEAR_ONLY = re.compile(r"^\d{4}$")


# -- corpus stages ------------------------------------------------------------------------


class CorpusContext:
    """What corpus stages share during one run: the store, story membership, actor lookups.

    Nothing here holds the corpus: stages stream what they need from the store
    (``Store.analyses``), a story group at a time where their work is per story, so a
    build's memory does not grow with the findings of every article stored. What is kept is
    small per article: its story id, and the canonical names of actors (not of keys).
    """

    def __init__(self, store: Store, engine: Engine | None = None) -> None:
        self.store = store
        self.engine = engine
        self.story_of: dict[str, str] = dict(
            (aid, sid) for sid, aid in store.db.execute("SELECT story, article_id FROM story_articles")
        )
        # Articles whose story gained or lost members in this build (None: not known, all count).
        self.changed: set[str] | None = None
        self.actor_names: dict[str, str] = {}
        self.affiliations: dict[str, str] = {}
        self.actor_kinds: dict[str, str] = {}
        # Canonical person -> the side they speak for (the speakers stage; None: not worked out).
        self.speaks_for: dict[str, str] | None = None
        # New articles' texts read ahead for the stories stage (``stories.PreparedTexts``), or None.
        self.prepared: PreparedTexts | None = None
        self._keys: dict[str, dict[str, str]] = {}

    def map(self, fn: Callable, tasks: Iterable) -> Iterator:
        """``fn`` over tasks on the build's engine (in this process when there is none), in order."""
        return self.engine.map(fn, tasks) if self.engine is not None else map(fn, tasks)

    def actor_of(self, article_id: str, key: str | None) -> str | None:
        """Canonical name of an article-local actor key (None when unknown)."""
        actor_id = self._actor_id(article_id, key)
        return self.actor_names.get(actor_id) if actor_id else None

    def kind_of(self, article_id: str, key: str | None) -> str | None:
        """The kind of the canonical actor of an article-local key: the corpus's word on a
        name the tagger read as a person in this article and as a country in most."""
        actor_id = self._actor_id(article_id, key)
        return self.actor_kinds.get(actor_id) if actor_id else None

    def affiliation_of(self, article_id: str, key: str | None) -> str | None:
        """The country or organisation an article-local actor speaks for, across the corpus."""
        actor_id = self._actor_id(article_id, key)
        return self.affiliations.get(actor_id) if actor_id else None

    def _actor_id(self, article_id: str, key: str | None) -> str | None:
        """From the stored actor keys, an article at a time (stages read articles in order)."""
        if key is None:
            return None
        keys = self._keys.get(article_id)
        if keys is None:
            if len(self._keys) >= KEY_CACHE:
                self._keys.clear()
            keys = self._keys[article_id] = self.store.actor_keys_of(article_id)
        return keys.get(key)

    def story_groups(self, article_ids: Iterable[str] | None = None, size: int | None = None) -> Iterator[list[str]]:
        """Article ids, whole stories at a time, about ``size`` (GROUP_ARTICLES) per group.

        Story-local stages (dates, timeline) run per group and memory holds one group's
        findings. A story is never split: their rules only join within a story (the
        timeline's TF-IDF weights are the group's, the same as one run below GROUP_ARTICLES).
        With ``article_ids``, only the stories holding those articles (all their members).
        Articles without a story come last, in groups of their own.
        """
        members: dict[str, list[str]] = {}
        loose: list[str] = []
        wanted = None if article_ids is None else {self.story_of.get(a, "\0" + a) for a in article_ids}
        for aid, in self.store.db.execute("SELECT id FROM articles ORDER BY seq"):
            story = self.story_of.get(aid)
            if wanted is not None and (story if story is not None else "\0" + aid) not in wanted:
                continue
            if story is None:
                loose.append(aid)
            else:
                members.setdefault(story, []).append(aid)
        size = size or GROUP_ARTICLES
        yield from _packed([*members.values(), *(loose[i:i + size] for i in range(0, len(loose), size))], size)

    def later(self, fn: Callable, task: Any) -> Callable[[], Any]:
        """``fn(task)`` started on a worker now; calling what this returns gives its result.

        In this process (no engine, or one worker) ``fn`` runs when its result is asked for,
        called directly rather than through ``LocalEngine.submit`` (which holds BLAS to one
        thread), so a one-process build computes exactly as it did before stages could start.
        """
        if self.engine is None or self.engine.workers <= 1:
            return lambda: fn(task)
        return self.engine.submit(fn, task)

    @classmethod
    def as_written(cls, store: Store, engine: Engine | None = None) -> CorpusContext:
        """A context from what the stages wrote (stories, actors): a worker's view of the corpus."""
        ctx = cls(store, engine)
        for actor in store.corpus("actors"):
            ctx.actor_names[actor.id] = actor.name
            ctx.actor_kinds[actor.id] = actor.kind
            if actor.affiliation:
                ctx.affiliations[actor.id] = actor.affiliation
        return ctx

    def workers_read_store(self) -> bool:
        """Whether a task can open this build's store itself: worker processes on this machine
        (``Engine.shares_files``), a store in a file, and nothing left uncommitted here
        (another connection sees only what is committed; the runner commits each stage)."""
        engine = self.engine
        return (engine is not None and engine.shares_files and engine.workers > 1
                and self.store.path != ":memory:" and not self.store.db.conn.in_transaction)

    def analyses_of(self, ids: list[str], tables: Sequence[str] | None = None, slim: bool = True) -> Iterator[ArticleAnalysis]:
        """The stored analyses of these articles (see ``read_analyses``)."""
        return read_analyses(self.store, ids, tables, slim)

    def rows_of(self, ids: list[str], tables: Sequence[str] | None = None, slim: bool = True) -> Iterator[EncodedAnalysis]:
        """``analyses_of`` undecoded (``Store.analysis_rows``), for work that decodes in the workers."""
        return analysis_rows_of(self.store, ids, tables, slim)


def read_analyses(store: Store, ids: list[str], tables: Sequence[str] | None = None, slim: bool = True) -> Iterator[ArticleAnalysis]:
    """The stored analyses of these articles, reading only ``tables`` (READ_PART at a time, each part in store order)."""
    for row, found in analysis_rows_of(store, ids, tables, slim):
        yield decode_analysis(row, found)


def analysis_rows_of(store: Store, ids: list[str], tables: Sequence[str] | None = None, slim: bool = True) -> Iterator[EncodedAnalysis]:
    """``read_analyses`` undecoded (``Store.analysis_rows``)."""
    for i in range(0, len(ids), READ_PART):
        part = ids[i:i + READ_PART]
        yield from store.analysis_rows(f"id IN ({','.join('?' * len(part))})", part, tables=tables, slim=slim)


# Articles per story group (see ``CorpusContext.story_groups``): a group's findings as
# records take about 0.2 MB per article, so 2,000 articles keep a stage under ~400 MB.
# Also the size of the blocks a run's new articles are placed in by the stories stage
# (``StoryIndex.add_run``): the same size, so a block's work is a task like a group's.
GROUP_ARTICLES = 2_000
# Articles whose actor keys are kept for lookups before the cache starts again.
KEY_CACHE = 4_096
# Article ids per SQL read ("id IN (…)"): well under SQLite's bound on parameters.
READ_PART = 500


# New articles from which a Dask build finds duplicates on the cluster: below this the
# shuffles (which also re-send the earlier index's keys) cost more than the local loop.
DASK_DUPLICATES_FROM = 5_000


def _stated(published: str | None, how: str | None) -> str | None:
    """An article's publication date as its page states it, from the store's columns (as
    ``Article.known_published``): an inferred date is no clue."""
    return published if published and how != "inferred" else None


def _load_state(store: Store, name: str, cls):
    blob = store.get_state(name)
    return cls.from_bytes(blob) if blob else cls()


def _new_ids(store: Store, index) -> list[str]:
    """Ids of stored articles an incremental index has not seen yet, in store order."""
    return [aid for aid, in store.db.execute("SELECT id FROM articles ORDER BY seq") if aid not in index]


def run_duplicates(ctx: CorpusContext) -> int:
    """New articles against the index of every earlier one; on Dask, as shuffles of their keys."""
    from .dedup import DuplicateIndex

    index = _load_state(ctx.store, "dedup", DuplicateIndex)
    new_ids = _new_ids(ctx.store, index)
    client = getattr(ctx.engine, "client", None)
    if client is not None and len(new_ids) >= DASK_DUPLICATES_FROM:
        found = _duplicates_on_dask(ctx, client, index, new_ids)
        ctx.store.set_state("dedup", index.to_bytes())
        return found
    return _save_duplicates(ctx.store, _find_duplicates(ctx.store, index, new_ids), index.to_bytes())


def start_duplicates(ctx: CorpusContext) -> Callable[[], int]:
    """Start finding duplicates on a worker; returns what writes them (and counts them).

    Why it can start: duplicates need only the stored articles, and no other corpus stage
    reads them, so a pool worker finds them while this process resolves actors and
    clusters stories. The worker opens the store itself, as a second reader of articles
    committed before the corpus stages, so no article text crosses a pipe (and memory does
    not hold the new articles at once). Elsewhere (one worker, Dask, a store in memory) the
    stage runs when it is finished, after the others: its result does not depend on when.
    """
    if not ctx.workers_read_store():
        return lambda: run_duplicates(ctx)
    found = ctx.later(duplicates_in_store, ctx.store.path)
    return lambda: _save_duplicates(ctx.store, *found())


def duplicates_in_store(path: str) -> tuple[list, bytes]:
    """On a worker: the duplicates of the store's new articles, and the index state after them."""
    from .dedup import DuplicateIndex

    with Store(path, readonly=True) as store:
        index = _load_state(store, "dedup", DuplicateIndex)
        found = _find_duplicates(store, index, _new_ids(store, index))
    return found, index.to_bytes()


def _find_duplicates(store: Store, index: DuplicateIndex, new_ids: list[str]) -> list:
    """Each new article, in store order, against the index of all before it (added to it)."""
    found: list = []
    for analysis in read_analyses(store, new_ids, tables=()):
        found.extend(index.add(analysis.article))
    return found


def _save_duplicates(store: Store, found: list, state: bytes) -> int:
    store.append_corpus("duplicates", found)
    store.set_state("dedup", state)
    return len(found)


def _duplicates_on_dask(ctx: CorpusContext, client: Any, index: DuplicateIndex, new_ids: list[str]) -> int:
    """The same records and index state as the local loop (see ``dask_corpus``), found on the cluster."""
    from .dask_corpus import find_duplicates

    result = find_duplicates(client, (a.article for a in ctx.analyses_of(new_ids, tables=())), index)
    result.remember_into(index)  # the index state the next build reads
    found = 0
    for dups in result.batches():
        ctx.store.append_corpus("duplicates", dups)
        found += len(dups)
    result.release()
    return found


def run_actors(ctx: CorpusContext) -> int:
    """Canonical actors from every stored mention, streamed; keys and quote counts from the store."""
    from .actors import MentionFields, resolve_actors

    def fields(data: str) -> MentionFields:  # what resolving reads of a stored mention
        m = orjson.loads(data)
        # interned: the resolution keeps each (article, key) pair, and a key recurs across the
        # corpus ("Russia" in most articles); one string each, not one per article (~15% of
        # the stage's memory at 100,000 articles)
        return MentionFields(m["text"], m["kind"], sys.intern(m["key"]), m.get("role"), m.get("affiliation"))

    store = ctx.store
    resolution = resolve_actors(
        (row["id"], [fields(data) for data in found.get("mentions", ())])
        for row, found in store.analysis_rows(tables=("mentions",), slim=True)
    )
    ctx.actor_names = {actor.id: actor.name for actor in resolution.actors}
    ctx.affiliations = {actor.id: actor.affiliation for actor in resolution.actors if actor.affiliation}
    ctx.actor_kinds = {actor.id: actor.kind for actor in resolution.actors}
    ctx._keys.clear()
    keys = store.db.execute(  # a cursor, not a list: a row at a time into actor_keys
        "SELECT DISTINCT article_id, json_extract(data, '$.key') FROM mentions "
        "UNION SELECT DISTINCT article_id, json_extract(data, '$.speaker_key') FROM quotes "
        "WHERE json_extract(data, '$.speaker_key') IS NOT NULL"
    )
    store.set_actor_keys(
        (aid, key, actor_id) for aid, key in keys if (actor_id := resolution.actor_id(aid, key))
    )
    quote_counts: Counter[str] = Counter()
    for aid, key in store.db.execute("SELECT article_id, json_extract(data, '$.speaker_key') FROM quotes"):
        actor_id = resolution.actor_id(aid, key) if key else None
        if actor_id:
            quote_counts[actor_id] += 1
    store.replace_corpus("actors", (replace(a, quotes=quote_counts.get(a.id, a.quotes)) for a in resolution.actors))
    return len(resolution.actors)


def run_stories(ctx: CorpusContext) -> int:
    """New articles join stories (in time order, in blocks: ``StoryIndex.add_run``); old ones stay put."""
    from .stories import StoryIndex

    index = _load_state(ctx.store, "stories", StoryIndex)
    new_ids = _new_ids(ctx.store, index)
    if new_ids:  # blocks of GROUP_ARTICLES, placed side by side on the build's engine
        index.add_run(_story_inputs(ctx, new_ids), block=GROUP_ARTICLES, prepared=ctx.prepared, place=ctx.map)
        index.consolidate(place=ctx.map)
    stories: list[Story] = index.stories()
    ctx.store.set_state("stories", index.to_bytes())
    ctx.store.replace_corpus("stories", stories)
    before = _members(ctx.story_of)
    ctx.story_of = {aid: s.id for s in stories for aid in s.articles}
    ctx.changed = {aid for sid, ids in _members(ctx.story_of).items() if before.get(sid) != ids for aid in ids}
    ctx.store.set_story_articles((sid, aid) for aid, sid in ctx.story_of.items())
    return len(new_ids)


def run_rewrites(ctx: CorpusContext) -> int:
    """Rewrites within the stories this build changed (``rewrites``), added to the duplicates.

    Why after the stories and the duplicates: rewrites are sought within a story only, and a
    pair already recorded as a copy (exact, near, syndicated) is not recorded again.
    """
    from .rewrites import find_rewrites

    known = {frozenset(pair) for pair in ctx.store.db.execute(
        "SELECT json_extract(data, '$.article_id'), json_extract(data, '$.other_id') FROM duplicates")}
    found = []
    for ids in ctx.story_groups(ctx.changed):
        stories: dict[str, list[str]] = {}
        for aid in ids:
            if aid in ctx.story_of:
                stories.setdefault(ctx.story_of[aid], []).append(aid)
        for members in stories.values():
            if len(members) > 1:
                found.extend(d for d in find_rewrites(_retold(ctx.store, members), ctx.changed)
                             if frozenset((d.article_id, d.other_id)) not in known)
    ctx.store.append_corpus("duplicates", found)
    return len(found)


def _retold(store: Store, ids: list[str]) -> list:
    """What the rewrite test reads of articles: body, the date the page states, flags."""
    from .rewrites import Retold

    out = []
    for lo in range(0, len(ids), READ_PART):
        part = ids[lo:lo + READ_PART]
        for aid, body, published, how, flags in store.db.execute(
                f"SELECT id, body, published, published_how, flags FROM articles WHERE id IN ({','.join('?' * len(part))})",
                part):
            out.append(Retold(aid, body or "", _stated(published, how), tuple(orjson.loads(flags or "[]"))))
    return out


def _story_inputs(ctx: CorpusContext, ids: list[str]) -> Iterator[tuple[str, str, str | None, list[str]]]:
    """What clustering reads of articles: (id, body, own publication date, canonical actors).

    Read with SQL, not as analyses: clustering needs the mentions' keys only, and decoding
    every mention record was a fifth of the stage's time.
    """
    for lo in range(0, len(ids), READ_PART):
        part = ids[lo:lo + READ_PART]
        marks = ",".join("?" * len(part))
        keys: dict[str, set[str]] = {}
        for aid, key in ctx.store.db.execute(
                f"SELECT article_id, json_extract(data, '$.key') FROM mentions WHERE article_id IN ({marks})", part):
            keys.setdefault(aid, set()).add(key)
        for aid, body, published, how in ctx.store.db.execute(
                f"SELECT id, body, published, published_how FROM articles WHERE id IN ({marks}) ORDER BY seq", part):
            actors = sorted({ctx.actor_of(aid, key) or key for key in keys.get(aid, ())})
            yield aid, body, _stated(published, how), actors


def _members(story_of: dict[str, str]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for aid, sid in story_of.items():
        out.setdefault(sid, set()).add(aid)
    return {sid: frozenset(ids) for sid, ids in out.items()}


def run_dates(ctx: CorpusContext) -> int:
    """Date undated articles from their stories, then re-date what they say.

    The inferred date (a day, or a range "start/end" when the clues allow several days) is
    stored with ``published_how="inferred"`` and the reason; the article's time expressions,
    quotes and events are resolved again against it, and dates that fall back on it are
    marked "inferred", never "published". Only the stories holding undated articles are
    read, and of those only the ones this build changed (an inference reads nothing else).
    Story groups are dated on the build's engine (worker processes or Dask): inference is
    per story and re-dating per article, so the result does not depend on the grouping.
    """
    undated = [aid for aid, in ctx.store.db.execute(
        "SELECT id FROM articles WHERE published IS NULL OR published_how = 'inferred' ORDER BY seq")
        if ctx.changed is None or aid in ctx.changed]
    originals = _originals(ctx.store)
    tasks = (task for ids in ctx.story_groups(undated, size=DATING_GROUP) for task in _dating_tasks(ctx, ids, originals))
    count = 0
    for inferred, dated in ctx.map(date_group, tasks):
        count += inferred
        for found in dated:
            ctx.store.set_published(found.article_id, found.published, found.published_how, found.reason)
            for table, texts in found.findings.items():
                ctx.store.replace_findings(table, found.article_id, texts)
    return count


# Undated articles per dating task: small enough that a few hundred articles make tasks for
# every worker, large enough that a task is worth sending. A large story's undated articles
# are spread over several tasks, each with the story's known days.
DATING_GROUP = 50


@dataclass(frozen=True)
class DatingTask:
    """What dating some undated articles reads: the articles whole, and their stories' known days."""

    undated: list[EncodedAnalysis]  # as stored: the worker decodes them (``decode_analysis``)
    known: dict[str, StoryDays | None]  # story id -> its known days (``timex.infer.known_days``)
    story_of: dict[str, str]
    # undated article id -> (id, stated date) of the dated article it retells (``rewrites``)
    retells: dict[str, tuple[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Redated:
    """One undated article after dating: its date, the reason, and the findings to write back
    (table -> records' JSON texts, encoded by the worker; see ``_redated_tables``)."""

    article_id: str
    published: str | None
    published_how: str | None
    reason: str | None
    findings: dict[str, list[str]]


def _dating_tasks(ctx: CorpusContext, ids: list[str], originals: dict[str, tuple[str, str]]) -> Iterator[DatingTask]:
    """One group of whole stories' dating work: the known days of each story, worked out here
    from the dated members' clues, then the undated members a task's worth at a time."""
    from .timex.infer import known_days

    dated, redo = _split_dated(ctx, ids)
    clues: dict[str, list[tuple[Article, list[TimeExpr]]]] = {}
    for a in ctx.analyses_of([aid for aid in dated if aid in ctx.story_of], tables=("timexes",)):
        clues.setdefault(ctx.story_of[a.article.id], []).append((a.article, list(a.timexes)))
    known = {story: known_days(members) for story, members in clues.items()}
    for i in range(0, len(redo), DATING_GROUP):
        part = redo[i:i + DATING_GROUP]
        story_of = {aid: ctx.story_of[aid] for aid in part if aid in ctx.story_of}
        yield DatingTask(_undated(ctx, part), {s: known.get(s) for s in set(story_of.values())}, story_of,
                         {aid: originals[aid] for aid in part if aid in originals})


def _originals(store: Store) -> dict[str, tuple[str, str]]:
    """Each rewrite's original, when that states its date (a ``rewrite`` record names the copy
    first): copy id -> (original id, date), the earliest when several. Read once per run:
    rewrites are few, and the duplicates table has no index on what its JSON holds."""
    out: dict[str, tuple[str, str]] = {}
    for copy, original, published, how in store.db.execute(
            "SELECT json_extract(d.data, '$.article_id'), a.id, a.published, a.published_how FROM duplicates d "
            "JOIN articles a ON a.id = json_extract(d.data, '$.other_id') "
            "WHERE json_extract(d.data, '$.kind') = 'rewrite'"):
        day = (_stated(published, how) or "")[:10]
        if day and (copy not in out or day < out[copy][1]):
            out[copy] = (original, day)
    return out


def _split_dated(ctx: CorpusContext, ids: list[str]) -> tuple[list[str], list[str]]:
    """The dated articles (clues) and the undated ones (to date) of ``ids``, in the order
    ``analyses_of`` reads them, from their publication columns alone: only the clues' time
    expressions are read, and the undated articles are read once, whole, by ``_undated``."""
    dated: list[str] = []
    undated: list[str] = []
    for i in range(0, len(ids), READ_PART):  # as ``analyses_of`` reads: parts in store order
        part = ids[i:i + READ_PART]
        rows = ctx.store.db.execute(
            f"SELECT id, published, published_how FROM articles WHERE id IN ({','.join('?' * len(part))}) ORDER BY seq",
            part)
        for aid, published, how in rows:
            (dated if _stated(published, how) else undated).append(aid)
    return dated, undated


def _undated(ctx: CorpusContext, ids: list[str]) -> list[EncodedAnalysis]:
    """Undated articles whole (re-dating rewrites their spans' text) with the findings re-dating
    rewrites, as stored; their own time expressions are recognised again."""
    return list(ctx.rows_of(ids, tables=("quotes", "events", "stances"), slim=False))


def date_group(task: DatingTask) -> tuple[int, list[Redated]]:
    """Infer the undated articles' dates from their stories and re-date them (a pure function).

    Returns the number of dates inferred and, per undated article, what the caller writes
    back (``Redated``). Decoding the stored articles and encoding the re-dated findings happen
    here, in the worker, not in the main process that writes. A date inferred by an earlier
    build is no clue: it is inferred again from the story as it is now. Each article is
    re-dated right after its inference, which has just recognised its time expressions (kept
    in a small cache).
    """
    from .timex.infer import infer_publication_date, not_before

    inferred, dated = 0, []
    for row, found in task.undated:
        analysis = decode_analysis(row, found)
        analysis = replace(analysis, article=replace(analysis.article, published=None, published_how=None))
        story = task.story_of.get(analysis.article.id)
        guess = None if story is None else infer_publication_date(analysis.article, task.known[story], story)
        if guess is not None and analysis.article.id in task.retells:
            guess = not_before(guess, *task.retells[analysis.article.id])
        value, reason = guess or (None, None)
        inferred += guess is not None
        redated = redate(analysis, value)
        findings = {t: [r.to_json() for r in getattr(redated, t)] for t in _redated_tables(analysis, redated)}
        article = redated.article
        dated.append(Redated(article.id, article.published, article.published_how, reason, findings))
    return inferred, dated


def _redated_tables(before: ArticleAnalysis, after: ArticleAnalysis) -> tuple[str, ...]:
    """The findings tables to write back for a re-dated article.

    Why: most of a re-dated article's quotes, events and stances keep their dates (an article
    dated again to the day an earlier build inferred changes nothing), and rewriting them
    (JSON encoding, deleting and inserting rows) was about a fifth of the dates stage at 10k
    articles. Records compare by value, so an unchanged table is one whose rows would be the
    same bytes. Time expressions are always written: ``_undated`` does not read the stored
    ones (they are recognised again), so there is nothing to compare with.
    """
    changed = tuple(t for t in ("quotes", "events", "stances") if getattr(before, t) != getattr(after, t))
    return ("timexes", *changed)


def redate(analysis: ArticleAnalysis, published: str | None) -> ArticleAnalysis:
    """An undated article's time expressions, quotes and events resolved against ``published``."""
    from .timex import date_for_span, extract_timexes

    article = replace(analysis.article, published=published, published_how="inferred" if published else None)
    timexes = extract_timexes(None, article)
    quotes = [_changed(q, said_on=None, said_on_how=None) for q in analysis.quotes]
    quotes = [
        replace(q, said_on_how="inferred") if q.said_on_how == "published" else q
        for q in date_quotes(article, quotes, timexes, None)
    ]
    events = []
    for event in analysis.events:
        value, how = date_for_span(article, timexes, event.span.start, event.span.end)
        events.append(_changed(event, date=value, date_how="inferred" if how == "published" else how))
    stances = [
        _changed(s, date=date_for_span(article, timexes, s.span.start, s.span.end)[0]) for s in analysis.stances
    ]
    return replace(analysis, article=article, timexes=tuple(timexes), quotes=tuple(quotes),
                   events=tuple(events), stances=tuple(stances))


def _changed(record: Any, **changes: Any) -> Any:
    """``replace(record, **changes)``, or the record itself when it already has those values:
    many findings of an article re-dated keep theirs, and a copy costs more than the check."""
    for name, value in changes.items():
        if getattr(record, name) != value:
            return replace(record, **changes)
    return record


def run_timeline(ctx: CorpusContext) -> int:
    """Timeline entries merged per story group, written as they come and ordered once."""
    return start_timeline(ctx)()


def start_timeline(ctx: CorpusContext) -> Callable[[], int]:
    """Start merging the timeline; returns what writes the entries (and counts them).

    Merging is per story group, so the entries do not depend on where a group is merged.
    With a process pool and a store in a file, every group goes to a worker now, and the
    worker reads its group from the store itself (``timeline_group_in_store``): this
    process runs the next stage (positions, which does not read the timeline) meanwhile.
    Otherwise a single group (a corpus below GROUP_ARTICLES) is read now and its merge
    handed to the engine (``CorpusContext.later``: Dask, or in this process when the
    entries are written with one worker), and several groups are mapped on the engine.
    """
    groups = list(ctx.story_groups())
    if ctx.workers_read_store():
        started = [ctx.later(timeline_group_in_store, (ctx.store.path, ids)) for ids in groups]
        return lambda: _write_timeline(ctx.store, (merged() for merged in started))
    if len(groups) == 1:
        single = ctx.later(merge_timeline_group, _timeline_task(ctx, groups[0]))
        return lambda: _write_timeline(ctx.store, [single()])
    return lambda: _write_timeline(
        ctx.store, ctx.map(merge_timeline_group, (_timeline_task(ctx, ids) for ids in groups)))


def _write_timeline(store: Store, merged: Iterable[list[TimelineEntry]]) -> int:
    store.replace_corpus("timeline", [])
    count = 0
    for entries in merged:
        store.append_corpus("timeline", entries)
        count += len(entries)
    _order_timeline(store)
    return count


def timeline_group_in_store(task: tuple[str, list[str]]) -> list[TimelineEntry]:
    """On a worker: the timeline entries of one story group, read from the store at ``path``."""
    path, ids = task
    with Store(path, readonly=True) as store:
        task = _timeline_task(CorpusContext.as_written(store), ids)
    return merge_timeline_group(task)


def _order_timeline(store: Store) -> None:
    # the order merge_timeline gives one group: date, story, most sources first, id
    store.order_corpus(
        "timeline",
        "COALESCE(json_extract(data, '$.date'), ''), COALESCE(json_extract(data, '$.story'), ''), "
        "-json_array_length(data, '$.sources'), id",
    )


@dataclass(frozen=True)
class TimelineTask:
    """What merging one story group reads: its event mentions, stories and actors' names."""

    analyses: list[ArticleAnalysis]
    story_of: dict[str, str]
    names: dict[tuple[str, str], str]  # (article id, actor key) -> canonical name


def _timeline_task(ctx: CorpusContext, ids: list[str]) -> TimelineTask:
    analyses = list(ctx.analyses_of(ids, tables=("events",)))
    names = {}
    for analysis in analyses:
        aid = analysis.article.id
        for event in analysis.events:
            for key in (event.actor, event.recipient):
                if key and (name := ctx.actor_of(aid, key)):
                    names[(aid, key)] = name
    return TimelineTask(analyses, {i: ctx.story_of[i] for i in ids if i in ctx.story_of}, names)


def merge_timeline_group(task: TimelineTask) -> list[TimelineEntry]:
    """The timeline entries of one story group (a pure function, for any engine)."""
    from .timeline import merge_timeline

    return merge_timeline(task.analyses, task.story_of, lambda aid, key: task.names.get((aid, key)))


def run_speakers(ctx: CorpusContext) -> int:
    """Who speaks for whom (positions' first pass), kept on the context for positions."""
    return start_speakers(ctx)()


def start_speakers(ctx: CorpusContext) -> Callable[[], int]:
    """Start working out who speaks for whom; returns what keeps it (and counts the speakers).

    Why a stage of its own that starts early: it reads every stored stance and mention (a
    few seconds per thousand articles in one process) and needs the actors only. Stories do
    not touch what it reads, and dating changes the dates of stances, not their speakers or
    statements. So with a process pool and a store in a file a worker reads it while this
    process clusters stories and dates articles. Elsewhere (one worker, Dask, a store in
    memory) it runs when it is finished, right before positions: the same result.
    """
    if ctx.workers_read_store():
        found = ctx.later(speakers_in_store, ctx.store.path)
    else:
        def found() -> dict[str, str]:
            return speaker_sides(ctx.store, ctx)

    def keep() -> int:
        ctx.speaks_for = found()
        return len(ctx.speaks_for)
    return keep


def speakers_in_store(path: str) -> dict[str, str]:
    """On a worker: who speaks for whom, read from the store at ``path`` (actors as written)."""
    with Store(path, readonly=True) as store:
        ctx = CorpusContext.as_written(store)
        return speaker_sides(store, ctx)


def speaker_sides(store: Store, ctx: CorpusContext) -> dict[str, str]:
    """Canonical person -> the side they speak for (``positions.speaker_affiliations``), from
    every stored article's stances and distinct mentions, streamed."""
    from .positions import speaker_affiliations

    return speaker_affiliations(
        (slim for row in store.analysis_rows(tables=("stances", "mentions"), slim=True)
         if (slim := _for_positions(*row))),
        ctx.actor_of, ctx.affiliation_of, ctx.kind_of,
    )


def run_positions(ctx: CorpusContext) -> int:
    """Positions over every stored stance, a batch of whole (actor, stance) blocks at a time.

    Passes over the store, so memory holds one batch, not the corpus's statements (24 per
    article in dense news): who speaks for whom (the speakers stage's, or worked out here),
    the block of every stance (small references kept), then the blocks in batches of about
    POSITION_BATCH statements, merged and written. A corpus within one batch gets what one
    merge over all its statements gives; beyond it, TF-IDF weights are the batch's.
    """
    from .model import StanceMention
    from .positions import block_key, merge_items, stance_item

    store = ctx.store
    sides = ctx.speaks_for if ctx.speaks_for is not None else speaker_sides(store, ctx)
    meta = [(aid, source, tuple(orjson.loads(flags or "[]")), published) for aid, source, flags, published in
            store.db.execute("SELECT id, source, flags, published FROM articles ORDER BY seq")]
    order = {row[0]: k for k, row in enumerate(meta)}
    blocks: dict[tuple[str, str], list[int]] = {}  # block -> article position << 20 | stance number
    kept: list | None = []  # every item, while they fit in one batch (then not read twice)
    for aid, n, data in store.db.execute(
            "SELECT s.article_id, s.n, s.data FROM stances s JOIN articles a ON a.id = s.article_id ORDER BY a.seq, s.n"):
        k = order[aid]
        item = stance_item(0, StanceMention.from_dict(orjson.loads(data)), *meta[k], ctx.actor_of, sides)
        if item is not None:
            blocks.setdefault(block_key(item), []).append(k << 20 | n)
            if kept is not None:
                kept.append(item)
                kept = kept if len(kept) <= POSITION_BATCH else None
    store.replace_corpus("positions", [])

    def batch_items(refs: list[int]) -> list:
        items = []
        wanted: dict[int, set[int]] = {}
        for ref in refs:
            wanted.setdefault(ref >> 20, set()).add(ref & 0xFFFFF)
        for k in sorted(wanted):  # store order, as one merge over the corpus reads them
            aid, source, flags, published = meta[k]
            for n, data in store.db.execute("SELECT n, data FROM stances WHERE article_id = ? ORDER BY n", (aid,)):
                if n in wanted[k]:
                    stance = StanceMention.from_dict(orjson.loads(data))
                    items.append(stance_item(len(items), stance, aid, source, flags, published, ctx.actor_of, sides))
        return items

    # batches are merged on the build's engine when there are several (each merge is whole)
    batches = list(_packed(blocks.values(), POSITION_BATCH))
    if kept is not None and len(batches) == 1:
        # one batch: the items of the pass above are the batch's, in the same (store) order
        for index, item in enumerate(kept):
            item.index = index
        item_batches: Iterable[list] = [kept]
    else:
        item_batches = map(batch_items, batches)
    count = 0
    for positions in (ctx.map if len(batches) > 1 else map)(merge_items, item_batches):
        store.append_corpus("positions", positions)
        count += len(positions)
    # the order merge_items gives one batch: most sources first, actor, stance, first date, id
    store.order_corpus(
        "positions",
        "-json_array_length(data, '$.sources'), json_extract(data, '$.actor'), json_extract(data, '$.stance'), "
        "COALESCE(json_extract(data, '$.first'), ''), id",
    )
    return count


# Statements merged in one batch (whole blocks; a larger block is a batch of its own and is
# cut into windows by positions.MAX_BLOCK): about 25 MB of items and similarity rows.
POSITION_BATCH = 20_000


def _packed(parts: Iterable[list], size: int) -> Iterator[list]:
    """Consecutive parts joined into lists of about ``size`` items; a part is never split."""
    batch: list = []
    for part in parts:
        if batch and len(batch) + len(part) > size:
            yield batch
            batch = []
        batch.extend(part)
    if batch:
        yield batch


def _for_positions(row: dict[str, Any], found: dict[str, list[str]]) -> ArticleAnalysis | None:
    """What positions read of a stored article: its metadata, stances and distinct mentions.

    Merging reads a mention's key, kind, text and affiliation, first occurrence first (who is
    a person, who speaks for whom, which name a surface form is), so one mention per distinct
    form does; an article without stances counts only for the affiliations its titles give.
    Why from the stored texts: an article has dozens of mentions and a few distinct forms;
    only those are made records (decoding every mention was most of this pass at 10k).
    """
    from .model import Mention

    analysis = decode_analysis(row, {"stances": found.get("stances", [])})
    seen: set[tuple] = set()
    mentions = []
    for text in found.get("mentions", ()):
        data = orjson.loads(text)
        kind, affiliation = data["kind"], data.get("affiliation")
        form = (data["key"], data["text"].casefold(), kind, affiliation)
        if form in seen or not (analysis.stances or (kind == "person" and affiliation)):
            continue
        seen.add(form)
        mentions.append(Mention.from_dict(data))
    if not analysis.stances and not mentions:
        return None
    return replace(analysis, article=_without_body(analysis.article), mentions=tuple(mentions))


def _without_body(article: Article) -> Article:
    """An article with its metadata only (tasks and merges that never read the text travel light)."""
    return replace(article, body="", offsets=OffsetMap(()))


CORPUS_STAGES = (
    Stage("duplicates", 1, ("articles",), ("duplicates",), run_duplicates, start=start_duplicates),
    Stage("actors", 1, ("mentions",), ("actors",), run_actors),
    Stage("speakers", 1, ("stances", "mentions", "actors"), ("speakers",), run_speakers, start=start_speakers),
    Stage("stories", 1, ("articles", "actors"), ("stories",), run_stories),
    Stage("rewrites", 1, ("articles", "stories", "duplicates"), ("duplicates.rewrites",), run_rewrites),
    Stage("dates", 1, ("timexes", "stories", "duplicates.rewrites"), ("published.inferred",), run_dates),
    Stage("timeline", 1, ("events", "stories", "actors", "published.inferred"), ("timeline",), run_timeline,
          start=start_timeline),
    Stage("positions", 1, ("stances", "actors", "speakers", "published.inferred"), ("positions",), run_positions),
)

check_order(CORPUS_STAGES, ("articles", "mentions", "timexes", "events", "stances"))
