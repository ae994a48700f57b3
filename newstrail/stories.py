"""Incremental story clustering: each new article joins the best existing story or starts one.

Why single-pass: a corpus grows run after run, and re-clustering the world each time would
move articles between stories under the user's feet and cost time quadratic in the corpus.
Each article is compared once, on arrival, with the stories alive at its date.

Signals, and why each:
- **Text**: TF-IDF of the clean text, with an incremental vocabulary (the hashing trick of
  scikit-learn's ``HashingVectorizer`` plus running document frequencies), so nothing has to
  be refitted when new articles arrive. A story is the sum of its members' unit vectors.
- **Actors and places**: the canonical names an article mentions (given by the actor stage).
  Two articles about the same talks name the same negotiators even when their wording differs.
- **Time**: stories decay. The similarity to a story is damped by the distance in days from
  the article's date to the story's date span, so the same actors two years later make a
  new *chapter* (a new story, ``linked`` to the old one) instead of one endless blob.
  An article without a publication date is placed by the latest full date its text
  mentions (a lower bound on when it was written: it cannot report what had not happened).
- **Chapters**: an article that shares the story's actors but whose text is clearly further
  from the story than its own members are from each other starts a linked chapter.

Refinement (``refine``): after a run has been added, each of the run's articles is
compared once more, without itself, with its own story and with the best other story, and
moves when the other is closer (k-means' reassignment step). On arrival an article only saw
the stories as they were then; this lets the articles that came later in the same run count.
Articles of earlier runs are not moved.

Periodic consolidation (``consolidate``) merges stories that have converged since they were
started apart: early on, with little vocabulary seen, two articles on one story can look
unrelated; once the story has grown, its centroids say otherwise. Merged stories keep one id
and the others become aliases, so ids handed out earlier stay valid. It then refines the
last run's articles again against the merged stories.
"""

from __future__ import annotations

import datetime as _dt
import heapq
import json
import math
import operator
import re
import zlib
from collections import Counter, deque
from dataclasses import dataclass, field
from itertools import repeat
from typing import Callable, Iterable, Iterator, Sequence

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.utils import murmurhash3_32

from .model import Story, stable_id

__all__ = ["Block", "Placed", "PreparedTexts", "StoryIndex", "better_stories", "cluster_texts", "count_terms", "place_block",
           "prepare", "text_date_bound"]

# Size of the hashed vocabulary: 2**20 features keep collisions rare for news vocabularies
# (a few hundred thousand word types) while the document-frequency table stays 4 MB.
N_FEATURES = 1 << 20

# Join threshold on the blended similarity for texts without actors. Tuned on one half of
# GoogleNews-TS (gold story ids 1 mod 4; first swept over join 0.06-0.25 and merge 0.15-0.45:
# best join 0.10, merge 0.20) and reported on the other half. With refinement on, the
# current ``bench/clustering.py --tune`` grid (join 0.08-0.12, merge 0.16-0.24, mean over 4
# orders) gives 0.9832 at 0.10/0.20 and 0.9841 at 0.12/0.20: inside the spread between
# orders, so 0.10 stays.
JOIN_THRESHOLD = 0.10
# After the single pass, stories whose centroids are this similar are merged (same tuning).
MERGE_THRESHOLD = 0.20
# Weight of actor overlap in the blended similarity when both sides have actors; text keeps
# the rest. Chosen so that actors confirm a story but cannot make one on their own: actor
# overlap alone (score 0.4 at most) stays below the 0.17 join bar only when text is near zero.
ACTOR_WEIGHT = 0.4
# Time: within GRACE_DAYS of a story's dates there is no decay (a story's normal pace:
# follow-ups come days to two weeks apart); beyond it the similarity falls by 1/e every
# DECAY_DAYS, so after a month-long lull the same actors make a new, linked chapter.
# Chosen from how news stories pace, not tuned on a data set (GoogleNews-TS has no dates).
GRACE_DAYS = 14.0
DECAY_DAYS = 14.0
# An article whose text similarity to a story is below this fraction of the story's own
# cohesion (mean similarity of its members when they joined) starts a chapter instead of
# joining, when it also lies later in time than the story.
COHESION_RATIO = 0.85
# Linked chapters: a new story is linked to the best candidate when they share this much
# of their actors (weighted overlap) or their text similarity is at least this high.
LINK_ACTORS = 0.3
LINK_TEXT = 0.12
# Retrieval: an article looks up candidate stories through its most weighted terms only,
# and terms shared by too many stories are skipped (they say nothing), so adding one
# article costs the same at 1k or 1M articles. MAX_POSTING 200 scores as 1,000 did on the
# GoogleNews-TS halves (report 0.964, tune 0.981) and keeps synthetic 10k runs at 1k speed
# (1,000 let generic words scan almost every story: 10x the articles took 40x the time).
QUERY_TERMS = 20
MAX_POSTING = 200
MAX_CANDIDATES = 15
# Centroids keep their strongest terms only, which bounds memory per story.
CENTROID_TERMS = 400
LABEL_TERMS = 4
# Consolidation repeats while it still merges; three rounds reach a fixed point on
# GoogleNews-TS (the second round merges a handful, the third none).
CONSOLIDATE_ROUNDS = 3
LABEL_ACTORS = 3
# 2: centroids sum unit TF vectors and IDF is applied when comparing (1: unit TF-IDF vectors).
STATE_VERSION = 2
# Term frequency saturates as in BM25 (k1 = 1.2, the usual value): in a title and snippet a
# repeated word says "this is the topic" once; log-TF let a doubled word weigh 1.7, BM25 1.4.
# On the tune half (mean over the arrival order and 3 shuffles) log-TF 0.974, BM25 0.977.
BM25_K1 = 1.2
# A story's norm under the current IDF is recomputed when the corpus has grown by this share
# since it was last computed (the IDF moves slowly; recomputing on every article costs O(terms)).
NORM_REFRESH = 0.05
# Size-aware join bar: a story of n members needs ``join_threshold + SMALL_BONUS / n``.
# Why: an article's cosine with the centroid of n same-story members grows with n (from the
# pair similarity at n = 1 towards its square root), so one flat bar is lax for small stories;
# most wrong joins (traced on the tune half) were into stories of 1-3 members at 0.10-0.14,
# early in the stream when IDF is still poor, and the merged centroid then drew both topics.
# Swept on the tune half: 0.03 0.963, 0.08 0.977, 0.10 0.979, 0.12 0.981, 0.16 0.982, 0.20 0.978.
# 0.08, not the peak: above it, two or three one-sentence articles on one topic (the texts of
# tests/test_stories.py, pair cosine about 0.2) no longer form a story.
SMALL_BONUS = 0.08
# Consolidation re-offers stories of at most this many members to the stories as they now
# stand, with the join rule (not the merge bar): an early article that arrived before its
# story had formed is placed as it would be today. 0 off 0.9718, 1 0.9734, 2 0.9737 (tune).
ABSORB_MAX = 2
# Refinement (``refine``): a run's articles are re-offered, each without itself, to the
# stories as they stand after the run, and move to another story that is closer than their
# own (leave one out) and at least REFINE_FLOOR alike. Swept on the tune half of
# GoogleNews-TS (bench/clustering.py --tune: mean B3 F1 over the arrival order and 3
# shuffles): off 0.9752, floor 0.04 0.9827, 0.06 0.9832, 0.08 0.9820, 0.10 0.9805.
# The floor is below the join bar on purpose: an article that had no story good enough on
# arrival is still better off in the closest one once that story has formed around it.
# One round per refinement: a second round gave the same scores on the tune half
# and costs as much as the single pass.
REFINE_ROUNDS = 1
REFINE_FLOOR = 0.06
# Articles per block of a run (``StoryIndex.add_run``): each block is placed on its own, so a
# cluster places blocks side by side. A run of up to this many is one sequential pass.
BLOCK_ARTICLES = 2_000

_TOKEN_PATTERN = r"(?u)\b[^\W\d_][\w'’-]*[^\W_]\b"
_ANALYZER = HashingVectorizer(
    n_features=N_FEATURES, alternate_sign=False, stop_words="english", token_pattern=_TOKEN_PATTERN
).build_analyzer()
_EXTRA_STOP = {"said", "says", "told", "mr", "ms", "mrs", "according", "also", "would", "could"}
# Words of the calendar: a story's own terms say what it is about, and "month" or "monday"
# says only when (they still count for clustering, where they are part of the text).
CALENDAR_WORDS = frozenset(
    "day days week weeks weekend month months year years today yesterday tomorrow tonight"
    " monday tuesday wednesday thursday friday saturday sunday january february march april may"
    " june july august september october november december".split()
)

_MONTHS = {m.lower(): i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"], start=1)}
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE_PATTERNS = (
    re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+((?:19|20)\d\d)\b", re.I),  # 21 January 2022
    re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.I),  # January 12, 2022
    re.compile(rf"\b{_MONTH}\s+((?:19|20)\d\d)\b", re.I),  # February 2022
    re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b"),  # 2022-01-12
)


def text_date_bound(text: str) -> str | None:
    """Latest full date (day or month with a year) the text mentions, as ISO, or None.

    Why: an article cannot be written before the events it reports, so for an undated
    article this is a lower bound on its date. Bare years are ignored ("since 1997" says
    little), and so are dates after the bound's plausibility (none are filtered: a text
    announcing a future meeting rarely names a full future date as its latest one).
    """
    best: _dt.date | None = None
    taken: list[tuple[int, int]] = []  # spans of full dates: their month is no month-only date
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            if pattern is _DATE_PATTERNS[2] and any(s <= m.start() < e for s, e in taken):
                continue
            taken.append(m.span())
            day = _match_date(m, pattern is _DATE_PATTERNS[2])
            if day is not None and pattern is _DATE_PATTERNS[2]:
                # "in February 2022" with no day is background: news written within that
                # month says "this month" or gives the day; so the text postdates the month.
                day = (day.replace(day=28) + _dt.timedelta(days=4)).replace(day=1)
            if day is not None and (best is None or day > best):
                best = day
    return best.isoformat() if best else None


def _match_date(m: re.Match[str], month_only: bool) -> _dt.date | None:
    g = m.groups()
    try:
        if g[0].isdigit() and len(g[0]) == 4:
            return _dt.date(int(g[0]), int(g[1]), int(g[2]))
        if month_only:
            return _dt.date(int(g[1]), _MONTHS[g[0].lower()], 1)
        if g[0].isdigit():
            return _dt.date(int(g[2]), _MONTHS[g[1].lower()], int(g[0]))
        return _dt.date(int(g[2]), _MONTHS[g[0].lower()], int(g[1]))
    except (ValueError, KeyError):
        return None


def _day(date: str | None) -> int | None:
    """Proleptic ordinal of an ISO date (or month ``YYYY-MM``, year ``YYYY``)."""
    if not date:
        return None
    parts = date[:10].split("-")
    try:
        nums = [int(p) for p in parts] + [1, 1]
        return _dt.date(nums[0], nums[1] or 1, nums[2] or 1).toordinal()
    except (ValueError, IndexError):
        return None


def _iso(day: int | None) -> str | None:
    return _dt.date.fromordinal(day).isoformat() if day is not None else None


def _when(text: str, date: str | None, prepared: Prepared | None = None) -> tuple[int | None, int | None]:
    """An article's publication day, and when it has none the text's lower bound on it."""
    day = _day(date)
    if day is not None:
        return day, None
    bound = prepared.bound if prepared is not None and prepared.bound is not UNREAD else text_date_bound(text)
    return None, _day(bound)


def _tokens(text: str) -> list[str]:
    return [t for t in _ANALYZER(text) if t not in _EXTRA_STOP]


def _feature(token: str) -> int:
    """The HashingVectorizer feature of a token (same hash, same modulus)."""
    return murmurhash3_32(token, positive=True) % N_FEATURES


def count_terms(text: str) -> tuple[np.ndarray, np.ndarray, str]:
    """A text's distinct features (first-occurrence order), their counts, and the first token
    of each, space-joined (tokens hold no spaces): all clustering reads of a text's words.

    A pure function of the text, so that it can be worked out before the stage runs
    (``Prepared``); the index then only names new features and counts the document.
    """
    counts: dict[int, int] = {}
    first: list[str] = []
    for tok in _tokens(text):
        f = _feature(tok)
        n = counts.get(f)
        if n is None:
            counts[f] = 1
            first.append(tok)
        else:
            counts[f] = n + 1
    # int32 holds every feature (N_FEATURES is 2**20) in half the memory: a run's texts are
    # held as read until its blocks are placed, and each one's features stay for refinement.
    feats = np.fromiter(counts.keys(), dtype=np.int32, count=len(counts))
    values = np.fromiter(counts.values(), dtype=np.int64, count=len(counts))
    return feats, values.astype(np.min_scalar_type(int(values.max()) if len(values) else 0)), " ".join(first)


# ``Prepared.bound`` when the text's date bound was not read ahead (the article had a date).
UNREAD = "unread"


@dataclass(frozen=True, slots=True)
class Prepared:
    """What the index reads of one article's text, worked out ahead of the stories stage.

    Why: reading a text (tokens, hashes, the latest date it names) is the only part of
    placing an article that does not depend on the index, about a third of the stage; a
    build works it out in its main process while the workers parse, where that process
    mostly waits, so the stage, which runs after the parse, has less to do.
    """

    terms: tuple[np.ndarray, np.ndarray, str]  # ``count_terms``
    bound: str | None  # ``text_date_bound``, or UNREAD


class PreparedTexts:
    """``Prepared`` texts of a build's new articles, by article id, up to ``limit`` of them
    (beyond it the stage reads the texts itself: memory stays bounded at any corpus size)."""

    def __init__(self, limit: int = 20_000) -> None:
        self.limit = limit
        self._by_id: dict[str, Prepared] = {}

    def add(self, article_id: str, text: str, dated: bool) -> None:
        """Read one article's text ahead; its date bound only when it has no date of its own."""
        if len(self._by_id) < self.limit and article_id not in self._by_id:
            self._by_id[article_id] = prepare(text, dated)

    def hold(self, article_id: str, prepared: Prepared) -> None:
        """Keep a text read elsewhere (whatever the limit: the caller holds it already)."""
        self._by_id[article_id] = prepared

    def pop(self, article_id: str) -> Prepared | None:
        return self._by_id.pop(article_id, None)

    def __len__(self) -> int:
        return len(self._by_id)


def prepare(text: str, dated: bool) -> Prepared:
    """What the index reads of a text: its terms, and its date bound when it has no date."""
    return Prepared(count_terms(text), UNREAD if dated else text_date_bound(text))


@dataclass(frozen=True, slots=True)
class Block:
    """A block of one run's articles (``StoryIndex.add_run``), with what came before it.

    ``items`` are ``(id, own date, actors)`` in time order and ``prepared`` their texts as
    read (``prepare``); ``feats``/``docs``/``actor_docs`` are the document frequencies of
    the run's earlier blocks, which the block's index counts in before it starts.
    """

    items: list[tuple[str, str | None, tuple[str, ...]]]
    prepared: list[Prepared]
    feats: tuple[np.ndarray, np.ndarray]  # features and how many earlier articles have each
    docs: int
    actor_docs: dict[str, int]


@dataclass(frozen=True, slots=True)
class Placed:
    """What placing a block decided: the story of each article (in block order), and per
    story the cohesion and chapter links the block added."""

    stories: list[str]
    cohesion: dict[str, float]
    linked: dict[str, list[str]]


def place_block(task: tuple[bytes, Block]) -> Placed:
    """Place one block against the index state before its run (``StoryIndex.add_run``).

    A pure function of its task, so that any engine can run it: a worker process, a Dask
    worker on another machine, or this process.
    """
    state, block = task
    index = StoryIndex.from_bytes(state)
    feats, counts = block.feats
    index.df[feats] += counts.astype(index.df.dtype)
    index.n_docs += block.docs
    index.actor_df.update(block.actor_docs)
    before = {s.id: (s.cohesion, set(s.linked)) for s in index._stories.values()}
    items, held = _as_items(block.items, block.prepared)
    index.add_many(items, in_order=True, prepared=held)
    stories = [index.story_of(article_id) for article_id, _, _ in block.items]
    cohesion: dict[str, float] = {}
    linked: dict[str, list[str]] = {}
    for story_id in dict.fromkeys(stories):
        story = index._stories[story_id]
        had, links = before.get(story_id, (0.0, set()))
        cohesion[story_id] = story.cohesion - had
        linked[story_id] = sorted(story.linked - links)
    return Placed(stories, cohesion, linked)


def better_stories(task: tuple[bytes, list[_Item]]) -> list[str | None]:
    """For each article of a run, the story it would move to (``StoryIndex._refine_in_blocks``)."""
    state, items = task
    index = StoryIndex.from_bytes(state)
    better = (index._better_story(item) for item in items)
    return [story.id if story is not None else None for story in better]


def _as_items(rows: list[tuple[str, str | None, tuple[str, ...]]], ahead: list[Prepared]) -> tuple[list, PreparedTexts]:
    """``add_many``'s arguments for articles whose texts were read already (no text needed)."""
    held = PreparedTexts()
    for (article_id, _, _), prepared in zip(rows, ahead):
        held.hold(article_id, prepared)
    return [(article_id, "", date, actors) for article_id, date, actors in rows], held


def _time_key(date: str | None, day: int | None, bound: int | None, i: int) -> tuple[int, int]:
    """A run's order (``add_many``, ``add_run``): by publication day, else by the text's date
    bound (``_when`` gives both); articles with neither come last, in the order given."""
    order = day if date else bound
    return (0, order) if order is not None else (1, i)


def _blocks(parts: list[tuple[list, list[Prepared]]]) -> Iterator[Block]:
    """The blocks of a run, each with the document frequencies of all the blocks before it.

    Made one at a time, and each part is dropped from ``parts`` as its block is made, so
    only the blocks being placed hold their texts and counts (a run of 100,000 articles
    would otherwise hold every block's counts of the blocks before it at once).
    """
    df = np.zeros(N_FEATURES, dtype=np.int32)
    actors: Counter[str] = Counter()
    docs = 0
    while parts:
        rows, ahead = parts.pop(0)
        nz = np.flatnonzero(df)
        yield Block(rows, ahead, (nz, df[nz]), docs, dict(actors))
        for (_, _, names), prepared in zip(rows, ahead):
            df[prepared.terms[0]] += 1
            actors.update({a for a in names if a})
        docs += len(rows)


def _saturated(tf: np.ndarray) -> np.ndarray:
    """Term frequency saturated as in BM25 (see BM25_K1)."""
    return tf * (BM25_K1 + 1) / (tf + BM25_K1)


@dataclass(frozen=True, slots=True)
class _Item:
    """One article of the current run, kept until the run's refinement is done.

    Why term counts, not the text: a run's items live until ``consolidate``, so at 100,000
    articles their texts alone would take 500 MB; the distinct features and their counts (in
    first-occurrence order, the order the vectors are summed in) take a third of that, and
    refinement no longer tokenises each text again.
    """

    id: str
    feats: np.ndarray  # distinct hashed features, in first-occurrence order
    counts: np.ndarray  # how often each occurs in the text
    day: int | None  # publication day
    bound: int | None  # text-evidenced lower bound of the date, when there is no day
    actors: tuple[str, ...]


@dataclass
class _Story:
    """Mutable state of one story inside the index."""

    id: str
    centroid: dict[int, float] = field(default_factory=dict)  # sum of member unit TF vectors (no IDF)
    norm: float = 0.0
    members: list[str] = field(default_factory=list)
    actors: Counter[str] = field(default_factory=Counter)
    first: int | None = None  # known publication dates
    last: int | None = None
    bound: int | None = None  # latest text-evidenced lower bound of undated members
    ev_first: int | None = None  # span of all time evidence: dates and bounds
    ev_last: int | None = None
    cohesion: float = 0.0  # sum of text similarities at joining (members after the first)
    norm_n: int = -1  # n_docs when ``norm`` was computed; -1: stale
    linked: set[str] = field(default_factory=set)

    def span_days(self) -> tuple[int, int] | None:
        if self.ev_first is None or self.ev_last is None:
            return None
        return self.ev_first, self.ev_last

    def stretch(self, day: int) -> None:
        self.ev_first = day if self.ev_first is None else min(self.ev_first, day)
        self.ev_last = day if self.ev_last is None else max(self.ev_last, day)


class StoryIndex:
    """Single-pass, incremental story clustering with decay in time and linked chapters.

    ``add`` assigns one article and returns its story id; ``stories`` lists the stories;
    ``to_bytes``/``from_bytes`` persist the whole state so that a later run only adds the
    new articles.
    """

    def __init__(
        self,
        join_threshold: float = JOIN_THRESHOLD,
        merge_threshold: float = MERGE_THRESHOLD,
        decay_days: float = DECAY_DAYS,
    ) -> None:
        self.join_threshold = join_threshold
        self.merge_threshold = merge_threshold
        self.decay_days = decay_days
        self.n_docs = 0
        self.df = np.zeros(N_FEATURES, dtype=np.int32)
        self.actor_df: Counter[str] = Counter()
        self.names: dict[int, str] = {}
        self._stories: dict[str, _Story] = {}
        self._postings: dict[int, set[str]] = {}
        self._aliases: dict[str, str] = {}
        self._article_story: dict[str, str] = {}
        self._primed = 0
        self._recent: list[_Item] = []  # this run's articles, refined again by ``consolidate``
        self._run_block = 0  # articles per block when this run was placed in blocks (``add_run``)
        self._actor_version = 0  # changes with actor_df (see ``_actor_weights``)
        self._weights: tuple[tuple, dict[str, float], float] = ((), {}, 0.0)

    # ------------------------------------------------------------------ adding
    def add(self, article_id: str, text: str, date: str | None, actors: Sequence[str]) -> str:
        """Assign one article to a story (existing or new) and return the story id."""
        if article_id not in self._article_story:
            self._place(article_id, text, *_when(text, date), actors)
        return self.story_of(article_id)

    def _place(self, article_id: str, text: str, day: int | None, bound: int | None, actors: Sequence[str],
               prepared: Prepared | None = None) -> _Item:
        """Assign a new article (dated by ``_when``) to a story; returns what refinement needs of it."""
        feats, counts = self._count_text(text, prepared)
        vec, qi = self._weigh(feats, counts.astype(np.float64)) if len(feats) else ({}, {})
        actors = sorted({a for a in actors if a})
        self.actor_df.update(actors)
        self._actor_version += 1
        best, best_score, best_text, best_actor = self._best_story(qi, actors, day, bound)
        if best is not None and self._joins(best, best_score, best_text, day, bound):
            story = best
            story.cohesion += best_text
        else:
            story = self._new_story(article_id)
            if best is not None and (best_actor >= LINK_ACTORS or best_text >= LINK_TEXT):
                story.linked.add(best.id)
                best.linked.add(story.id)
        self._join(story, article_id, vec, actors, day, bound)
        return _Item(article_id, feats.astype(np.int32, copy=False), counts, day, bound, tuple(actors))

    def prime(self, texts: Iterable[str]) -> None:
        """Count document frequencies of texts that will be added later (batch use).

        Why: with a running vocabulary the first articles are weighed with almost no
        statistics; when a batch is known in advance its frequencies can be counted
        first. ``add`` then does not count those texts a second time.
        """
        for text in texts:
            feats = np.fromiter({_feature(t) for t in _tokens(text)}, dtype=np.int64)
            self.df[feats] += 1
            self.n_docs += 1
            self._primed += 1

    def add_many(
        self, items: Iterable[tuple[str, str, str | None, Sequence[str]]], *, in_order: bool = False,
        prepared: PreparedTexts | None = None,
    ) -> list[str]:
        """Add one run's articles ``(id, text, date, actors)`` in time order; ids in input order.

        Why time order: stories then grow forward and a late article meets a story that
        already carries its dates, whatever order the files were read in. Articles are
        ordered by publication date, else by the latest date their text mentions; those
        with neither come last (they are placed by content and actors alone). ``in_order``
        keeps the given order (a stream replayed as it arrived, as the benchmark does).

        The articles of this call are then refined (``refine``) and remembered until the next
        ``consolidate``, which refines the whole run's once more after its merges. Why only
        this call's: a large run is added in parts (memory), and refining every earlier part
        again after each one made a run's cost grow with the square of its size.
        ``prepared`` holds texts already read (``PreparedTexts``); the result is the same.
        """
        items = list(items)
        ahead = [prepared.pop(item[0]) if prepared is not None else None for item in items]
        when = [_when(text, date, p) for (_, text, date, _), p in zip(items, ahead)]  # the text's date is read once
        order = range(len(items)) if in_order else sorted(range(len(items)), key=lambda i: _time_key(items[i][2], *when[i], i))
        added: list[_Item] = []
        for i in order:
            article_id, text, _, actors = items[i]
            if article_id not in self._article_story:
                added.append(self._place(article_id, text, *when[i], actors, ahead[i]))
        self._recent.extend(added)
        self.refine(added)
        return [self.story_of(items[i][0]) for i in range(len(items))]

    def add_run(
        self, items: Iterable[tuple[str, str, str | None, Sequence[str]]], *, block: int = BLOCK_ARTICLES,
        prepared: PreparedTexts | None = None, place: Callable[..., Iterable[Placed]] = map,
    ) -> None:
        """Add one run's articles ``(id, text, date, actors)``, in blocks of time placed independently.

        Why blocks: the single pass is sequential, so a large run would be placed on one core
        however many a cluster has. The run is sorted in time (as ``add_many`` sorts it) and
        cut into blocks of ``block`` articles; each block is placed (``place_block``: single
        pass, then refinement) against the index as it was before the run, with the document
        and actor frequencies of the run's earlier blocks counted in, so its weights are the
        ones a sequential pass would have had at its start. The blocks do not see each
        other's new stories; ``consolidate`` then merges the stories that two blocks started
        apart (one story crossing a block's edge) and refines the whole run again.

        ``place`` maps ``place_block`` over ``(state, block)`` tasks, in order: the built-in
        ``map`` here, a build's engine (worker processes or Dask) elsewhere. The blocks'
        decisions are then applied here in block order, so the result does not depend on
        where they were placed. A run of one block is added directly (``add_many``).
        """
        rows: list[tuple[str, str | None, tuple[str, ...]]] = []
        ahead: list[Prepared] = []
        seen: set[str] = set()
        for article_id, text, date, actors in items:
            if article_id in self._article_story or article_id in seen:
                continue
            seen.add(article_id)
            known = prepared.pop(article_id) if prepared is not None else None
            rows.append((article_id, date, tuple(actors)))
            ahead.append(known or prepare(text, _day(date) is not None))
        order = sorted(range(len(rows)), key=lambda i: _time_key(rows[i][1], *_when("", rows[i][1], ahead[i]), i))
        rows, ahead = [rows[i] for i in order], [ahead[i] for i in order]
        if len(rows) <= block:
            items, held = _as_items(rows, ahead)
            self.add_many(items, in_order=True, prepared=held)
            return
        parts = [(rows[i:i + block], ahead[i:i + block]) for i in range(0, len(rows), block)]
        rows.clear()  # each block's texts are let go once it is applied
        ahead.clear()
        state = self.to_bytes()
        sent: deque[Block] = deque()  # blocks handed to ``place`` whose decisions are not back yet

        def tasks() -> Iterator[tuple[bytes, Block]]:
            for one in _blocks(parts):
                sent.append(one)
                yield state, one

        for placed in place(place_block, tasks()):
            self._apply(sent.popleft(), placed)
        self._run_block = block

    def _apply(self, block: Block, placed: Placed) -> None:
        """Take in a block's decisions: its articles join the stories it chose, in its order."""
        stories = self._stories
        for (article_id, date, actors), ahead, story_id in zip(block.items, block.prepared, placed.stories):
            feats, counts = self._count_text("", ahead)
            day, bound = _when("", date, ahead)
            names = sorted({a for a in actors if a})
            self.actor_df.update(names)
            self._actor_version += 1
            story = stories.get(story_id)
            if story is None:
                story = stories[story_id] = _Story(id=story_id)
            tf = _saturated(counts.astype(np.float64))
            u = tf / (np.linalg.norm(tf) or 1.0)
            self._join(story, article_id, dict(zip(feats.tolist(), u.tolist())), names, day, bound)
            self._recent.append(_Item(article_id, feats.astype(np.int32, copy=False), counts, day, bound, tuple(names)))
        for story_id, cohesion in placed.cohesion.items():
            stories[story_id].cohesion += cohesion
        for story_id, linked in placed.linked.items():
            for other_id in linked:
                if other_id in stories and other_id != story_id:
                    stories[story_id].linked.add(other_id)
                    stories[other_id].linked.add(story_id)

    def _count_text(self, text: str, prepared: Prepared | None = None) -> tuple[np.ndarray, np.ndarray]:
        """A text's distinct features (first-occurrence order) and counts; counts its document
        and names the features the index has not seen (``prepared``: the text already read).

        The counts give (``_weigh``) the unit TF vector a story's centroid sums (no IDF: it is
        applied when comparing, so an early member is not weighed forever by the poor IDF of a
        young index) and the unit TF-IDF vector times IDF, which dotted with a centroid gives
        the article's cosine with the story under today's IDF.
        """
        feats, counts, first = prepared.terms if prepared is not None else count_terms(text)
        names = self.names
        keys = feats.tolist()
        if any(f not in names for f in keys):
            for f, tok in zip(keys, first.split(" ")):
                names.setdefault(f, tok)
        self._count_doc(feats)
        return feats, counts

    def _vectors(self, item: _Item) -> tuple[dict[int, float], dict[int, float]]:
        """An item's vectors (see ``_count_text``) under the current IDF."""
        if not len(item.feats):
            return {}, {}
        return self._weigh(item.feats.astype(np.int64), item.counts.astype(np.float64))

    def _weigh(self, feats: np.ndarray, tfr: np.ndarray) -> tuple[dict[int, float], dict[int, float]]:
        tf = _saturated(tfr)
        idf = self._idf(feats)
        u = tf / (np.linalg.norm(tf) or 1.0)
        q = tf * idf
        q /= np.linalg.norm(q) or 1.0
        keys = feats.tolist()
        return dict(zip(keys, u.tolist())), dict(zip(keys, (q * idf).tolist()))

    def _idf(self, feats: np.ndarray) -> np.ndarray:
        """Current smoothed IDF of features (as scikit-learn's ``smooth_idf``)."""
        return np.log((self.n_docs + 1) / (self.df[feats] + 1.0)) + 1.0

    def _norm(self, story: _Story) -> float:
        """Norm of the story's centroid under the current IDF (cached, see NORM_REFRESH)."""
        n = self.n_docs
        if story.norm_n < 0 or n > story.norm_n * (1.0 + NORM_REFRESH):
            c = story.centroid
            feats = np.fromiter(c.keys(), dtype=np.int64, count=len(c))
            vals = np.fromiter(c.values(), dtype=np.float64, count=len(c)) * self._idf(feats)
            story.norm = float(np.sqrt(vals @ vals))
            story.norm_n = n
        return story.norm or 1.0

    def _sim(self, qi: dict[int, float], story: _Story) -> float:
        return _dot(qi, story.centroid) / self._norm(story)

    def _story_query(self, story: _Story) -> dict[int, float]:
        """A story as a query (unit centroid under the current IDF, times IDF), for ``_sim``."""
        c = story.centroid
        feats = np.fromiter(c.keys(), dtype=np.int64, count=len(c))
        idf = self._idf(feats)
        vals = np.fromiter(c.values(), dtype=np.float64, count=len(c)) * idf * idf / self._norm(story)
        return dict(zip(feats.tolist(), vals.tolist()))

    def _count_doc(self, feats: np.ndarray) -> None:
        if self._primed > 0:  # already counted by ``prime``
            self._primed -= 1
            return
        self.n_docs += 1
        self.df[feats] += 1

    def _candidates(self, qi: dict[int, float]) -> list[_Story]:
        """Stories ranked by their exact partial cosine with the article, best first.

        Why not count shared top terms (the old lookup): a story sharing two rare words beat
        one sharing one strong word plus weaker ones, so the right story could miss the short
        list. The QUERY_TERMS heaviest terms (rare ones: weights include IDF) are looked up, and
        terms shared by more than MAX_POSTING stories are skipped (they say nothing), so the cost
        per article stays bounded as the corpus grows; the short list is then scored in full.
        """
        acc: dict[str, float] = {}
        stories = self._stories
        ordered = sorted(qi.items(), key=lambda kv: kv[1], reverse=True)
        for i, (f, w) in enumerate(ordered):
            if i >= QUERY_TERMS and len(acc) >= MAX_CANDIDATES:
                break  # past the heaviest terms, go on only while the short list is not full
            posting = self._postings.get(f)
            if posting and len(posting) <= MAX_POSTING:
                for sid in posting:
                    acc[sid] = acc.get(sid, 0.0) + w * stories[sid].centroid[f]
        norm = self._norm
        ranked = heapq.nlargest(MAX_CANDIDATES, ((v / norm(stories[sid]), sid) for sid, v in acc.items()))
        return [stories[sid] for _, sid in ranked]

    def _best_story(
        self, vec: dict[int, float], actors: list[str], day: int | None, bound: int | None
    ) -> tuple[_Story | None, float, float, float]:
        best: tuple[_Story | None, float, float, float] = (None, 0.0, 0.0, 0.0)
        for story in self._candidates(vec):
            text = self._sim(vec, story)
            actor = self._actor_similarity(actors, story)
            score = _blend(text, actor, bool(actors) and bool(story.actors))
            score *= self._time_factor(story, day, bound)
            if score > best[1]:
                best = (story, score, text, actor)
        return best

    def _actor_similarity(self, actors: list[str], story: _Story) -> float:
        """IDF-weighted share of the article's actors that the story already mentions."""
        return self._actor_overlap(actors, story.actors)

    def _actor_overlap(self, actors: list[str], named: Counter[str]) -> float:
        if not actors or not named:
            return 0.0
        weights, total = self._actor_weights(actors)
        return sum(w for a, w in weights.items() if named[a] > 0) / total

    def _actor_weights(self, actors: list[str]) -> tuple[dict[str, float], float]:
        """IDF weights of an article's actors and their sum, kept for the article's candidates."""
        key = (tuple(actors), self.n_docs, self._actor_version)
        if self._weights[0] != key:
            n = self.n_docs + 1
            weights = {a: math.log(n / self.actor_df[a]) + 1.0 for a in actors}
            self._weights = (key, weights, sum(weights.values()))
        return self._weights[1], self._weights[2]

    def _time_factor(self, story: _Story, day: int | None, bound: int | None) -> float:
        """exp(-gap / DECAY_DAYS), the gap between the article's date and the story's span."""
        gap = self._gap(story, day, bound) - GRACE_DAYS
        return math.exp(-gap / self.decay_days) if gap > 0 else 1.0

    def _gap(self, story: _Story, day: int | None, bound: int | None) -> int:
        span = story.span_days()
        if span is None:
            return 0
        if day is not None:
            return max(span[0] - day, day - span[1], 0)
        if bound is not None:  # written on or after ``bound``: only a later gap is known
            return max(bound - span[1], 0)
        return 0

    def _joins(self, story: _Story, score: float, text: float, day: int | None, bound: int | None) -> bool:
        """Join when similar enough, unless the article is later and looser than the story."""
        if score < self._bar(story):
            return False
        return self._fits_in_time(story, text, day, bound)

    def _fits_in_time(self, story: _Story, text: float, day: int | None, bound: int | None) -> bool:
        """False for an article later than the story and looser than its members (a chapter)."""
        n = len(story.members)
        if n < 2 or self._gap(story, day, bound) <= 0:
            return True
        cohesion = story.cohesion / (n - 1)
        return text >= COHESION_RATIO * cohesion

    def _bar(self, story: _Story) -> float:
        """The join bar of a story: higher for small stories (see SMALL_BONUS)."""
        return self.join_threshold + SMALL_BONUS / max(len(story.members), 1)

    def _new_story(self, article_id: str) -> _Story:
        story = _Story(id="s" + stable_id("story", article_id))
        self._stories[story.id] = story
        return story

    def _join(
        self, story: _Story, article_id: str, vec: dict[int, float], actors: list[str],
        day: int | None, bound: int | None,
    ) -> None:
        centroid = story.centroid
        for f, w in vec.items():
            if f not in centroid:
                self._postings.setdefault(f, set()).add(story.id)
            centroid[f] = centroid.get(f, 0.0) + w
        if len(centroid) > 2 * CENTROID_TERMS:
            self._prune(story)
        story.norm_n = -1
        story.members.append(article_id)
        story.actors.update(actors)
        if day is not None:
            story.first = day if story.first is None else min(story.first, day)
            story.last = day if story.last is None else max(story.last, day)
        elif bound is not None:
            story.bound = bound if story.bound is None else max(story.bound, bound)
        if day is not None or bound is not None:
            story.stretch(day if day is not None else bound)  # type: ignore[arg-type]
        self._article_story[article_id] = story.id

    def _prune(self, story: _Story) -> None:
        """Keep the centroid's strongest terms (memory per story stays bounded)."""
        c = story.centroid
        feats = np.fromiter(c.keys(), dtype=np.int64, count=len(c))
        score = np.fromiter(c.values(), dtype=np.float64, count=len(c)) * self._idf(feats)
        top = np.argsort(-score)[:CENTROID_TERMS]
        keys = feats.tolist()
        keep = [(keys[i], c[keys[i]]) for i in top.tolist()]
        for f in set(story.centroid) - {f for f, _ in keep}:
            posting = self._postings.get(f)
            if posting is not None:
                posting.discard(story.id)
                if not posting:
                    del self._postings[f]
        story.centroid = dict(keep)

    # ------------------------------------------------------------------ consolidation
    def consolidate(self, place: Callable[..., Iterable[list]] = map) -> int:
        """Merge stories whose centroids have converged; returns how many were merged away.

        Why: single-pass clustering decides on arrival; consolidation lets later evidence
        repair early splits. Two steps, both compatible in time (same decay):

        1. stories of more than ABSORB_MAX members merge when their centroids (under the
           current IDF) are at least ``merge_threshold`` alike;
        2. each smaller story is re-offered, as one pseudo-article, to the stories as they now
           stand and joins the best one if it clears that story's join bar (``_bar``) or the
           merge bar, whichever is lower (so a lowered ``merge_threshold`` merges singletons).

        3. the articles of the last run are refined again (``refine``) against the merged
           stories, then forgotten; a run placed in blocks is refined in blocks too, mapped
           with ``place`` as ``add_run`` maps its blocks (``_refine_in_blocks``).

        Each step costs one candidate lookup per story (or article), so consolidation is
        linear too.
        """
        merged = 0
        order = sorted(self._stories.values(), key=lambda s: (-len(s.members), s.id))
        for story in order:
            if story.id not in self._stories or len(story.members) <= ABSORB_MAX:
                continue
            query = self._story_query(story)
            for other in self._candidates(query):
                if other is story or other.id not in self._stories or len(other.members) <= ABSORB_MAX:
                    continue
                text = self._sim(query, other)
                if text * self._time_factor(other, story.first, story.bound) >= self.merge_threshold:
                    self._merge(story, other)
                    merged += 1
        small = sorted((s for s in self._stories.values() if len(s.members) <= ABSORB_MAX), key=lambda s: s.id)
        for story in small:
            if story.id not in self._stories:
                continue
            query = self._story_query(story)
            best, best_score = None, 0.0
            for other in self._candidates(query):
                if other is story:
                    continue
                score = self._sim(query, other) * self._time_factor(other, story.first, story.bound)
                if score > best_score:
                    best, best_score = other, score
            if best is not None and best_score >= min(self._bar(best), self.merge_threshold):
                self._merge(best, story)
                merged += 1
        if self._recent:
            if self._run_block and len(self._recent) > self._run_block:
                self._refine_in_blocks(self._recent, self._run_block, place)
            else:
                self.refine(self._recent)
            self._recent = []
            self._run_block = 0
        return merged

    def refine(self, items: Sequence[_Item], rounds: int = REFINE_ROUNDS) -> int:
        """Give articles of this run a second look; returns how many moved.

        Why: on arrival an article meets the stories as they were then (a young IDF, stories
        still forming, the articles that would have drawn it not yet read). After the run,
        each of its articles is compared with its own story without itself and with the best
        other story (same scoring as on arrival: text, actors, time), and moves when the other
        is closer and clears REFINE_FLOOR: the reassignment step of k-means, limited to the
        run's articles so that articles placed in earlier runs stay where users saw them.
        """
        moved = 0
        for _ in range(rounds):
            # vectors are recomputed per article, not kept for the run: memory stays per story
            step = sum(self._reassign(item) for item in items)
            moved += step
            if not step:
                break
        return moved

    def _reassign(self, item: _Item) -> int:
        better = self._better_story(item)
        if better is None:
            return 0
        self._move(item, self._vectors(item)[0], self._stories[self.story_of(item.id)], better, item.day, item.bound)
        return 1

    def _better_story(self, item: _Item) -> _Story | None:
        """The story an article of this run would be better placed in, or None (see ``refine``)."""
        u, q = self._vectors(item)
        if not q:
            return None
        day, bound = item.day, item.bound
        story = self._stories[self.story_of(item.id)]
        actors = list(item.actors)
        own = 0.0
        if len(story.members) > 1:
            rest = Counter({a: n for a, n in story.actors.items() if n > (a in item.actors)})
            own = _blend(self._sim_without(q, u, story), self._actor_overlap(actors, rest), bool(actors) and bool(rest))
        best, best_score = None, 0.0
        for other in self._candidates(q):
            if other is story:
                continue
            has_actors = bool(actors) and bool(other.actors)
            score = _blend(self._sim(q, other), self._actor_similarity(actors, other), has_actors)
            score *= self._time_factor(other, day, bound)
            if score > best_score:
                best, best_score = other, score
        if best is None or best_score <= own or best_score < REFINE_FLOOR:
            return None
        lull = self._time_factor(best, day, bound) < 1.0
        if lull and not self._joins(best, best_score, self._sim(q, best), day, bound):
            return None  # across a lull in time the arrival rule holds: a later chapter stays one
        return best

    def _refine_in_blocks(self, items: Sequence[_Item], block: int, place: Callable[..., Iterable[list]]) -> int:
        """``refine`` for a run placed in blocks: each block's articles decide against the same
        index (after consolidation's merges) on the engine, then the moves are made here in order.

        Why not one article after another as ``refine`` does: that is the one part of a large
        run left on one core. Deciding all moves against one state is k-means' batch
        reassignment step rather than its online one; an article's move no longer changes
        the decisions of the articles after it.
        """
        state = self.to_bytes()
        chunks = [list(items[i:i + block]) for i in range(0, len(items), block)]
        moved = 0
        for chunk, targets in zip(chunks, place(better_stories, ((state, c) for c in chunks))):
            for item, target in zip(chunk, targets):
                if target is None:
                    continue
                old, new = self._stories[self.story_of(item.id)], self._stories[self.resolve(target)]
                if new is not old:
                    self._move(item, self._vectors(item)[0], old, new, item.day, item.bound)
                    moved += 1
        return moved

    def _sim_without(self, q: dict[int, float], u: dict[int, float], story: _Story) -> float:
        """Similarity of an article with its story minus itself (leave one out).

        |c - u|^2 under IDF is expanded as |c|^2 - 2 c.u + |u|^2, so the cost is the
        article's terms, not the story's.
        """
        get = story.centroid.get
        feats = np.fromiter(u.keys(), dtype=np.int64, count=len(u))
        uu = np.fromiter(u.values(), dtype=np.float64, count=len(u))
        cc = np.fromiter((get(f, 0.0) for f in u), dtype=np.float64, count=len(u))
        idf2 = self._idf(feats) ** 2
        rest2 = self._norm(story) ** 2 - 2.0 * float((cc * uu) @ idf2) + float((uu * uu) @ idf2)
        if rest2 <= 1e-12:
            return 0.0
        return (_dot(q, story.centroid) - _dot(q, u)) / math.sqrt(rest2)

    def _move(
        self, item: _Item, u: dict[int, float], old: _Story, new: _Story, day: int | None, bound: int | None
    ) -> None:
        """Move one article from one story to another.

        The old story's date span is not narrowed (spans are not kept per member): it may
        stay a little wider than its remaining members, which only makes decay gentler.
        """
        c = old.centroid
        for f, w in u.items():
            if f in c:
                c[f] = max(c[f] - w, 0.0)
        old.members.remove(item.id)
        old.actors.subtract(item.actors)
        old.actors += Counter()  # drop actors no member names any more
        old.norm_n = -1
        if not old.members:
            self._drop(old, new)
        self._join(new, item.id, u, list(item.actors), day, bound)

    def _drop(self, gone: _Story, heir: _Story) -> None:
        """Remove an emptied story; its id becomes an alias of ``heir``."""
        for f in gone.centroid:
            posting = self._postings.get(f)
            if posting is not None:
                posting.discard(gone.id)
                if not posting:
                    del self._postings[f]
        for other_id in gone.linked:  # its chapter links pass to the heir, as in ``_merge``
            other = self._stories.get(other_id)
            if other is not None:
                other.linked.discard(gone.id)
                if other is not heir:
                    other.linked.add(heir.id)
                    heir.linked.add(other.id)
        self._aliases[gone.id] = heir.id
        del self._stories[gone.id]

    def _merge(self, keep: _Story, gone: _Story) -> None:
        for f in gone.centroid:
            posting = self._postings.get(f)
            if posting is not None:
                posting.discard(gone.id)
                posting.add(keep.id)
            keep.centroid[f] = keep.centroid.get(f, 0.0) + gone.centroid[f]
        if len(keep.centroid) > 2 * CENTROID_TERMS:
            self._prune(keep)
        keep.norm_n = -1
        keep.members.extend(gone.members)
        keep.actors.update(gone.actors)
        keep.cohesion += gone.cohesion
        for attr in ("first", "bound"):
            a, b = getattr(keep, attr), getattr(gone, attr)
            setattr(keep, attr, b if a is None else a if b is None else min(a, b) if attr == "first" else max(a, b))
        a, b = keep.last, gone.last
        keep.last = b if a is None else a if b is None else max(a, b)
        for ev in (gone.ev_first, gone.ev_last):
            if ev is not None:
                keep.stretch(ev)
        keep.linked |= gone.linked
        keep.linked.discard(keep.id)
        keep.linked.discard(gone.id)
        for other_id in gone.linked:
            other = self._stories.get(other_id)
            if other is not None:
                other.linked.discard(gone.id)
                if other is not keep:
                    other.linked.add(keep.id)
        for article_id in gone.members:
            self._article_story[article_id] = keep.id
        self._aliases[gone.id] = keep.id
        del self._stories[gone.id]

    # ------------------------------------------------------------------ reading
    def __contains__(self, article_id: str) -> bool:
        return article_id in self._article_story

    def story_of(self, article_id: str) -> str:
        """Current story id of an article (follows merges)."""
        return self.resolve(self._article_story[article_id])

    def resolve(self, story_id: str) -> str:
        """The live id of a story id handed out earlier (merged stories become aliases)."""
        while story_id in self._aliases:
            story_id = self._aliases[story_id]
        return story_id

    def stories(self) -> list[Story]:
        """All live stories with label, key terms, date span and linked chapters."""
        return [self._record(s) for s in sorted(self._stories.values(), key=lambda s: s.id)]

    def _record(self, story: _Story) -> Story:
        terms = self._terms(story)
        actors = [a for a, _ in story.actors.most_common(LABEL_ACTORS)]
        label = ", ".join(actors + [t for t in terms if t not in {a.casefold() for a in actors}][:LABEL_TERMS])
        last = story.last
        if last is not None and story.bound is not None:
            last = max(last, story.bound)  # an undated member written after the last dated one
        return Story(
            id=story.id,
            label=label,
            articles=tuple(story.members),
            first=_iso(story.first),
            last=_iso(last),
            linked=tuple(sorted(self.resolve(s) for s in story.linked if self.resolve(s) != story.id)),
            terms=tuple(terms),
            not_before=_iso(story.bound) if story.first is None else None,
        )

    def _terms(self, story: _Story) -> list[str]:
        """Key terms: centroid weight times current IDF (what sets this story apart)."""
        n = self.n_docs + 1
        scored = [
            (w * (math.log(n / (self.df[f] + 1.0)) + 1.0), self.names.get(f, ""))
            for f, w in story.centroid.items()
        ]
        scored.sort(reverse=True)
        return [t for _, t in scored if t and t not in CALENDAR_WORDS][:10]

    # ------------------------------------------------------------------ persistence
    def to_bytes(self) -> bytes:
        """The whole index as compressed JSON plus the document-frequency table."""
        stories = [
            {
                "id": s.id, "c": [[f, w] for f, w in s.centroid.items()], "m": s.members,
                "a": dict(s.actors), "f": s.first, "l": s.last, "b": s.bound,
                "h": s.cohesion, "k": sorted(s.linked), "e": [s.ev_first, s.ev_last],
            }
            for s in self._stories.values()
        ]
        state = {
            "v": STATE_VERSION, "n": self.n_docs, "params": [self.join_threshold, self.merge_threshold, self.decay_days],
            "adf": dict(self.actor_df), "names": [[f, t] for f, t in self.names.items()],
            "stories": stories, "aliases": self._aliases,
        }
        nz = np.flatnonzero(self.df)
        head = json.dumps(state, separators=(",", ":")).encode("utf-8")
        body = len(head).to_bytes(8, "little") + head + nz.astype(np.int32).tobytes() + self.df[nz].tobytes()
        return zlib.compress(body, 6)

    @classmethod
    def from_bytes(cls, data: bytes) -> StoryIndex:
        body = zlib.decompress(data)
        n = int.from_bytes(body[:8], "little")
        state = json.loads(body[8 : 8 + n])
        version = state.get("v")
        if version not in (1, STATE_VERSION):
            raise ValueError(
                f"story index state version {version!r} is not readable by this newstrail "
                f"(reads 1 and {STATE_VERSION}); upgrade newstrail or re-run the stories stage on a fresh store"
            )
        rest = np.frombuffer(body[8 + n :], dtype=np.int32)
        half = len(rest) // 2
        index = cls(*state["params"])
        index.df[rest[:half]] = rest[half:]
        index.n_docs = state["n"]
        index.actor_df = Counter(state["adf"])
        index.names = {int(f): t for f, t in state["names"]}
        index._aliases = dict(state["aliases"])
        for d in state["stories"]:
            story = _Story(
                id=d["id"], centroid={int(f): w for f, w in d["c"]}, members=list(d["m"]),
                actors=Counter(d["a"]), first=d["f"], last=d["l"], bound=d["b"],
                cohesion=d["h"], linked=set(d["k"]), ev_first=d["e"][0], ev_last=d["e"][1],
            )
            if version == 1:  # v1 centroids summed unit TF-IDF vectors: take today's IDF out
                feats = np.fromiter(story.centroid.keys(), dtype=np.int64, count=len(story.centroid))
                idf = index._idf(feats)
                story.centroid = {f: w / i for f, w, i in zip(feats.tolist(), story.centroid.values(), idf.tolist())}
            index._stories[story.id] = story
            for f in story.centroid:
                index._postings.setdefault(f, set()).add(story.id)
            for a in story.members:
                index._article_story[a] = story.id
        return index


def _dot(vec: dict[int, float], centroid: dict[int, float]) -> float:
    """Sum of products over the vector's terms, added in its order (as a plain loop: exact ties).

    ``map`` instead of a generator: this is the innermost loop of clustering, and the same
    additions in the same order give the same float.
    """
    return sum(map(operator.mul, vec.values(), map(centroid.get, vec.keys(), repeat(0.0))))


def _blend(text: float, actor: float, has_actors: bool) -> float:
    return (1.0 - ACTOR_WEIGHT) * text + ACTOR_WEIGHT * actor if has_actors else text


def cluster_texts(
    texts: Sequence[str], dates: Sequence[str | None], *,
    join_threshold: float = JOIN_THRESHOLD, merge_threshold: float | None = MERGE_THRESHOLD,
    block: int | None = None,
) -> list[int]:
    """A story number for each text (texts in arrival order), as the ``cluster`` adapter returns.

    Runs the same :class:`StoryIndex` the pipeline uses (no actors), then one consolidation.
    ``block``: place the texts in blocks of that many, in time order, as the stories stage
    places a large run (``StoryIndex.add_run``); None: one pass in arrival order.
    """
    index = StoryIndex(join_threshold=join_threshold, merge_threshold=merge_threshold or 1.0)
    ids = [f"t{i}" for i in range(len(texts))]
    items = ((aid, text, date, []) for aid, text, date in zip(ids, texts, dates))
    if block is None:
        index.add_many(items, in_order=True)
    else:
        index.add_run(items, block=block)
    if merge_threshold is not None:
        for _ in range(CONSOLIDATE_ROUNDS):
            if not index.consolidate():
                break
    numbers: dict[str, int] = {}
    return [numbers.setdefault(index.story_of(a), len(numbers)) for a in ids]

