"""Positions: an actor's stance statements merged across paraphrases and outlets.

Stance mentions of one canonical actor and one stance (demand, reject, deny, threaten,
commit, assess) form one position when their wording is close (TF-IDF cosine over word
n-grams and character n-grams, which survive inflection and transliteration). Assessments
are kept apart unless nearly identical: "no result" and "failed" are the same actor changing
its view over time, which :func:`assessments_over_time` shows in date order.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

from .actors import PAST_ROLE_WORDS
from .model import ArticleAnalysis, Position, StanceMention, stable_id

__all__ = ["merge_positions", "assessments_over_time", "POSITION_SIM"]

ActorOf = Callable[[str, str], "str | None"]
AffiliationOf = Callable[[str, str], "str | None"]
KindOf = Callable[[str, str], "str | None"]

# Mean cosine (word + char TF-IDF) above which a statement joins a position of the same actor
# and stance. On the invented statements of tests/test_positions.py a reworded demand scores
# 0.29 and different demands of one actor 0.04–0.09; news paraphrases by different outlets
# often score 0.13–0.25, hence a threshold just above the unrelated range.
POSITION_SIM = 0.12
# A statement this many times the threshold similar to one member joins its group even when
# the group's mean is lower (outlets paraphrase a paraphrase). Set by reasoning, not swept.
SINGLE_LINK_FACTOR = 2.0
# Assessments merge only when almost the same words: each is a point in time.
ASSESS_SIM = 0.6
# Key-term overlap: words are stemmed and cut to KEY_PREFIX letters (a crude stem that survives
# inflection and derivation), a pair needs KEY_MIN_SHARED shared terms, and the overlap
# (0..1) is added, times KEY_WEIGHT, to the TF-IDF cosine. Set by reading the pairs of
# paraphrases in the seeds and the sample corpus, not swept.
KEY_PREFIX = 4
KEY_MIN_SHARED = 2
KEY_WEIGHT = 0.5


@dataclass(slots=True)
class _Item:
    index: int
    actor: str
    source: str
    flags: frozenset[str]
    stance: StanceMention
    date: str | None = None  # the day the stance was stated (see _said_on)
    speaker: str | None = None  # the official who voiced it, when the actor is their state or body


_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")


def _said_on(stance: StanceMention, published: str | None) -> str | None:
    """The day a stance was stated: its own date when that is a day, else the article's.

    A month or year in a statement ("since 1997", "last June") is what it is about, not
    when it was said. An inferred publication window ("2022-01-13/2022-01-16") is kept as
    the range it is: it still orders the statement among the others.
    """
    for value in (stance.date, published):
        if value and _days(value):
            return value
    return None


@functools.lru_cache(maxsize=4096)
def _days(value: str) -> bool:
    """Whether a value is a day or a range of days (cached: a corpus's dates repeat)."""
    return all(_DAY.match(part) for part in value.split("/"))


@dataclass(slots=True)
class _Group:
    items: list[_Item] = field(default_factory=list)


def _tfidf(texts: Sequence[str]) -> list[Any]:
    """Word (1–2) and char (3–5) TF-IDF rows of every statement, fitted on all of them once."""
    from .timeline import char_wb_grams, fit_tfidf

    mats = []
    for params in ({"ngram_range": (1, 2), "sublinear_tf": True, "stop_words": "english"},
                   {"analyzer": char_wb_grams((3, 5)), "sublinear_tf": True}):
        try:
            mats.append(fit_tfidf(texts, **params).tocsr())
        except ValueError:  # no usable terms at all: these rows match nothing
            mats.append(None)
    return mats


def _cosine_squares(mats: list[Any], rows: Sequence[int], bounds: Sequence[int]) -> list[Any]:
    """Pairwise cosine over both TF-IDF views of each run of ``rows`` between consecutive
    ``bounds`` (one dense square per run); an empty text matches nothing.

    One sparse product per view holds only the pairs within a run (see
    :func:`newstrail.timeline.rows_apart`); each run's square is read out of it alone, so the
    cost follows the runs' squares, not the square of all rows.
    """
    import numpy as np

    from .timeline import rows_apart

    labels = _labels(bounds)
    products = []
    for m in mats:
        if m is not None:
            sub = rows_apart(m[list(rows)], labels)
            products.append((sub @ sub.T).tocsr())
    out = []
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        square = np.zeros((hi - lo, hi - lo))
        for product in products:
            square += _square(product, lo, hi)
        out.append(square / 2)
    return out


def _labels(bounds: Sequence[int]) -> Any:
    """Run number of every row, for runs between consecutive ``bounds``."""
    import numpy as np

    return np.repeat(np.arange(len(bounds) - 1), np.diff(bounds))


def _square(product: Any, lo: int, hi: int) -> Any:
    """Rows and columns lo..hi of a CSR product whose rows there have no other columns, dense.

    The same cells as ``product[lo:hi, lo:hi].toarray()``, read from the rows' entries
    without building two sliced matrices per block.
    """
    import numpy as np

    a, b = product.indptr[lo], product.indptr[hi]
    square = np.zeros((hi - lo, hi - lo))
    rows = np.repeat(np.arange(hi - lo), np.diff(product.indptr[lo:hi + 1]))
    square[rows, product.indices[a:b] - lo] = product.data[a:b]
    return square


def _affiliations(analysis: ArticleAnalysis) -> dict[str, str]:
    """Mention key -> the state or organisation a person speaks for, as this article says."""
    out: dict[str, str] = {}
    for m in analysis.mentions:
        if m.kind == "person" and m.affiliation and m.key not in out:
            out[m.key] = m.affiliation
    return out


# Stances a speaker states for their own side: "the US will not stop…" said by an official
# whose affiliation nobody gave is the US's refusal, and a hint that the official speaks for it.
_OWN_SIDE_STANCES = {"reject", "commit", "deny"}
_SUBJECT = re.compile(r"^(?:[\"“‘']\s*)?(?:that\s+)?(?:the\s+)?([A-Z][\w.]*(?:[ -][A-Z][\w.]*)*)\s+(?:will|would|does|did|has|have|is|cannot|can|won|wo)\b")


def _statement_subject(statement: str) -> str | None:
    """The capitalised subject a statement opens with ("the US will not…" -> "US")."""
    m = _SUBJECT.match(statement.strip())
    return m.group(1) if m else None


def speaker_affiliations(analyses: Iterable[ArticleAnalysis], actor_of: ActorOf,
                         affiliation_of: AffiliationOf | None = None,
                         kind_of: KindOf | None = None) -> dict[str, str]:
    """Canonical person -> the state or organisation they speak for (canonical too).

    In order: the actors stage (``affiliation_of``, the corpus-wide affiliation), then the
    affiliation most articles give the person in a title ("Russian Deputy Foreign Minister
    Ryabkov"; another article may say only "Ryabkov"), then, for an official nobody gave an
    affiliation, the state or organisation their own refusals, commitments and denials name as
    subject ("the US will not…").
    """
    votes: dict[str, Counter[str]] = {}
    fallback: dict[str, Counter[str]] = {}
    roles: dict[str, set[str]] = {}
    for analysis in analyses:
        aid = analysis.article.id
        for m in analysis.mentions:
            if m.kind == "person" and m.role:
                roles.setdefault(actor_of(aid, m.key) or m.key, set()).add(m.role)
        for key, aff in _affiliations(analysis).items():
            person = actor_of(aid, key) or key
            votes.setdefault(person, Counter())[actor_of(aid, aff) or aff] += 1
        for stance in analysis.stances:
            person = actor_of(aid, stance.actor) or stance.actor
            known = affiliation_of(aid, stance.actor) if affiliation_of is not None else None
            if known:
                votes.setdefault(person, Counter())[known] += 2  # the actors stage outweighs one title
                continue
            if stance.stance in _OWN_SIDE_STANCES and _is_person(analysis, stance.actor):
                subject = _statement_subject(stance.statement)
                if subject:
                    side = _side_named(analysis, subject, actor_of, kind_of)
                    if side is not None and side != person:
                        fallback.setdefault(person, Counter())[side] += 1
    out = {person: c.most_common(1)[0][0] for person, c in fallback.items()}
    out.update({person: c.most_common(1)[0][0] for person, c in votes.items()})
    return {person: side for person, side in out.items() if not _own_voice(roles.get(person, ()))}


# Words of a title held outside a state's or body's government: an opposition leader, a former
# minister, an activist or a journalist of a country states their own position, not the
# country's ("Egypt demands" must not pool a president's demands with his opponents').
OWN_VOICE_WORDS = PAST_ROLE_WORDS | frozenset(
    "opposition activist activists dissident rebel protester protest analyst journalist"
    " correspondent reporter anchor host columnist commentator editor expert professor scholar"
    " candidate critic exiled campaigner blogger".split())


def _own_voice(roles: Iterable[str]) -> bool:
    """Whether every title a person is given is one held outside the state or body (see
    OWN_VOICE_WORDS); a person with no title, or with one office among them, speaks for it."""
    roles = list(roles)
    return bool(roles) and all(
        OWN_VOICE_WORDS & set(re.split(r"[\s\-]+", role.casefold())) for role in roles)


def _side_named(analysis: ArticleAnalysis, text: str, actor_of: ActorOf,
                kind_of: KindOf | None = None) -> str | None:
    """The canonical state, place or organisation a surface form names, through a mention of
    the same text in the article; None for a person or a word no mention has. A speaker's
    own "I won't…" or "We will not…" names no side, and "Novak will not…" said by someone
    else is Novak's stance, not a sign that the speaker speaks for Novak. The kind is the
    corpus's (``kind_of``) when known: a country the tagger took for a person in this
    article is still a side."""
    folded = text.casefold()
    aid = analysis.article.id
    for m in analysis.mentions:
        if m.text.casefold() == folded or m.key.casefold() == folded:
            kind = (kind_of(aid, m.key) if kind_of is not None else None) or m.kind
            if kind != "person":
                return actor_of(aid, m.key) or m.key
    return None


def _is_person(analysis: ArticleAnalysis, key: str) -> bool:
    return any(m.key == key and m.kind == "person" for m in analysis.mentions)


# Words that open a description of a group, not a name ("The protesters", "Some analysts").
_GROUP_OPENERS = frozenset("the a an some many most few several all both those these any each every other".split())


def _named(actor: str, resolved: bool = True) -> bool:
    """A name, not a common noun the parse took for a speaker ("sources", "media").

    A holder the actors stage resolved is one of its actors. One it did not resolve is only
    the words that stood as the speaker, and counts when shaped like a name: a line of
    capitals (a transcript's speaker label, "BLITZER:") or several capitalised words that do
    not open with a determiner. A single capitalised word the entity recogniser took for no
    name is a common noun opening its sentence ("Experts say", "Officials warned"), and
    lower-case words make a description ("Government scientists", "The agency").
    """
    if not actor[:1].isupper():
        return False
    if resolved:
        return True
    words = actor.split()
    if len(words) == 1:
        return len(actor) > 1 and actor.isupper()
    return words[0].lower() not in _GROUP_OPENERS and all(w[:1].isupper() for w in words)


def _items(analyses: Sequence[ArticleAnalysis], actor_of: ActorOf, by_affiliation: bool,
           affiliation_of: AffiliationOf | None = None, kind_of: KindOf | None = None) -> list[_Item]:
    """Stance mentions with the actor whose position they state.

    With ``by_affiliation``, an official's statement counts for the state or organisation
    they speak for ("Ryabkov demands…" is Russia's demand), so paraphrases by different
    officials and outlets meet in one position, and the official is kept as its speaker; a
    person without a known affiliation keeps the position in their own name.
    """
    items: list[_Item] = []
    speaks_for = speaker_affiliations(analyses, actor_of, affiliation_of, kind_of) if by_affiliation else {}
    for analysis in analyses:
        article = analysis.article
        for stance in analysis.stances:
            item = stance_item(len(items), stance, article.id, article.source, article.flags, article.published,
                               actor_of, speaks_for)
            if item is not None:
                items.append(item)
    return items


def stance_item(index: int, stance: StanceMention, article_id: str, source: str, flags: Iterable[str],
                published: str | None, actor_of: ActorOf, speaks_for: dict[str, str]) -> _Item | None:
    """One stance as the item merging reads: its actor (the state an official speaks for), or None
    when that actor is not a name."""
    resolved = actor_of(article_id, stance.actor)
    person = resolved or stance.actor
    actor = speaks_for.get(person, person)
    if not _named(actor, resolved is not None):
        return None
    speaker = person if actor != person else None
    return _Item(index, actor, source, frozenset(flags), stance, _said_on(stance, published), speaker)


def _statement(group: _Group, totals: Sequence[float]) -> str:
    """The most central, shortest-clear statement of a group (not from a garbled article).

    ``totals``: each member's summed similarity to the other members (see :func:`_centrality`).
    """
    from .timeline import summary_quality

    items = group.items

    def score(k: int) -> float:
        central = totals[k] / max(1, len(items) - 1)
        return summary_quality(items[k].stance.statement, items[k].flags) + 0.3 * central

    return " ".join(items[max(range(len(items)), key=score)].stance.statement.split())


def _centrality(group: _Group, sims: "_BlockSims") -> list[float]:
    """Each member's summed similarity to the other members, added in member order.

    A running sum (np.cumsum) over the group's square keeps the order of a plain loop, so
    ties fall as they would; adding 0.0 for the member itself leaves its sum unchanged.
    """
    import numpy as np

    pos = [sims.pos[i.index] for i in group.items]
    square = sims.matrix[np.ix_(pos, pos)]
    np.fill_diagonal(square, 0.0)
    return np.cumsum(square, axis=1)[:, -1].tolist()


def _position(group: _Group, sims: "_BlockSims") -> Position:
    items = sorted(group.items, key=lambda i: (i.date or "9999", i.source, i.stance.span.start))
    dates = sorted(d for d in (i.date for i in items) if d)
    first = items[0]
    mentions = tuple(dict.fromkeys(i.stance.span for i in items))
    return Position(
        id=stable_id(first.actor, first.stance.stance, [f"{m.article_id}:{m.start}" for m in mentions]),
        actor=first.actor,
        stance=first.stance.stance,
        statement=_statement(group, _centrality(group, sims)),
        sources=tuple(dict.fromkeys(i.source for i in items)),
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
        mentions=mentions,
        speakers=tuple(sorted({i.speaker for i in items if i.speaker})),
    )


_TERM = re.compile(r"[a-z]+|\d+(?:[.,]\d+)?")


def _terms(text: str, drop: frozenset[str]) -> set[str]:
    """Content-word keys of a statement: stop words and the actor's own names dropped, each word
    stemmed and cut to its first KEY_PREFIX letters, so "expand"/"expansion", "plans"/"planning"
    and "invade"/"invasion" meet."""
    out = set()
    for w in _TERM.findall(text.casefold().replace("’", "'")):
        if w in drop:
            continue
        key = _key_term(w)
        if key is not None:
            out.add(key)
    return out


@functools.lru_cache(maxsize=4096)  # an actor makes many statements
def _name_words(actor: str, speaker: str) -> frozenset[str]:
    """The words of an actor's and a speaker's names, which are no key terms of their statements."""
    return frozenset(w for name in (actor, speaker) for w in _TERM.findall(name.casefold()))


@functools.lru_cache(maxsize=65536)  # a corpus's statements repeat their words
def _key_term(word: str) -> str | None:
    """A word's key (see :func:`_terms`), or None for a stop word or a short word that is no number."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    if word in ENGLISH_STOP_WORDS or (len(word) < 3 and not word[0].isdigit()):
        return None
    return _stem(word)[:KEY_PREFIX]


@functools.lru_cache(maxsize=65536)  # a corpus's statements repeat their words
def _stem(word: str) -> str:
    """Strip one inflectional or derivational ending and a doubled final consonant."""
    for suffix in ("ments", "ment", "ions", "ion", "ings", "ing", "ied", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


class _KeyTerms:
    """Key terms of every statement with corpus IDF weights (see :meth:`overlap`)."""

    def __init__(self, items: Sequence[_Item]) -> None:
        import math

        import numpy as np
        import scipy.sparse as sp

        distinct: dict[tuple[str, str, str], int] = {}  # repeated statements are read once
        sets: list[set[str]] = []
        which = []  # each item's distinct statement
        for i in items:
            key = (i.stance.statement, i.actor, i.speaker or "")
            if key not in distinct:
                distinct[key] = len(sets)
                sets.append(_terms(i.stance.statement, _name_words(i.actor, i.speaker or "")))
            which.append(distinct[key])
        self.sets = [sets[k] for k in which]
        df: Counter[str] = Counter()
        for k, times in Counter(which).items():
            for t in sets[k]:
                df[t] += times
        n = len(self.sets)
        # Terms in alphabetical order, and weights added in that order: sums over a set's own
        # order would change in the last bit with Python's per-process string hashing.
        self.idf = {t: math.log((1 + n) / (1 + df[t])) + 1 for t in sorted(df)}
        rows = np.asarray(which, dtype=np.int64)
        self.weight = np.array([sum(self.idf[t] for t in sorted(s)) for s in sets], dtype=np.float64)[rows]
        # statements × terms, 1 where the statement has the term, and the same weighted by IDF
        # (built over the distinct statements, then a row per item)
        column = {t: k for k, t in enumerate(self.idf)}
        cols = [k for s in sets for k in sorted(column[t] for t in s)]
        ptr = np.cumsum([0] + [len(s) for s in sets])
        shape = (len(sets), len(column))
        self.has = sp.csr_matrix((np.ones(len(cols)), cols, ptr), shape=shape)[rows]
        idf = np.array(list(self.idf.values()), dtype=np.float64)
        self.weighted = sp.csr_matrix((idf[cols], cols, ptr), shape=shape)[rows]

    def overlap_squares(self, rows: Sequence[int], bounds: Sequence[int]) -> list[Any]:
        """Pairwise IDF-weighted overlap of key terms in each run of ``rows`` between consecutive
        ``bounds``, one dense square per run: shared weight over the smaller side's weight.

        Counts only pairs sharing at least KEY_MIN_SHARED terms; reworded statements of one
        position keep their key terms (numbers, "expan", "deploy", "guarant") when TF-IDF over
        whole sentences drifts apart. Two sparse products over all runs (pairs across runs are
        never computed, see :func:`newstrail.timeline.rows_apart`): shared terms (counts) and
        their IDF weight, so a block costs what its statements share, not a loop over every
        pair; each run's square is read out of them (see :func:`_cosine_squares`). The diagonal
        holds each statement's overlap with itself (callers that need a statement's copies to
        overlap it read it there).
        """
        import numpy as np

        from .timeline import rows_apart

        rows = np.asarray(rows, dtype=np.int64)
        labels = _labels(bounds)
        has = rows_apart(self.has[rows], labels)
        count = (has @ has.T).tocsr()
        shared = (rows_apart(self.weighted[rows], labels) @ has.T).tocsr()
        return [self._overlap(_square(count, lo, hi), _square(shared, lo, hi), self.weight[rows[lo:hi]])
                for lo, hi in zip(bounds[:-1], bounds[1:])]

    @staticmethod
    def _overlap(count: Any, shared: Any, weight: Any) -> Any:
        """Shared weight over the smaller side's, where a pair shares KEY_MIN_SHARED terms."""
        import numpy as np

        smaller = np.minimum.outer(weight, weight)
        keep = (count >= KEY_MIN_SHARED) & (smaller > 0)
        out = np.zeros(count.shape)
        out[keep] = shared[keep] / smaller[keep]
        return out


# Distinct statements whose similarities are computed in one product: small blocks are taken
# together (a product's fixed cost dwarfs a block of a few statements); 1,500² cells is 18 MB.
_BATCH_ROWS = 1500


def _distinct(block: Sequence[_Item]) -> tuple[list[int], list[int]]:
    """The first item index of each distinct statement in a block, and each item's statement.

    Why: copies and syndicated reports repeat a statement word for word; its similarities
    are computed once and copied to each repeat. A statement's similarities depend on its
    words and (through the key terms) its speaker; the actor is the block's.
    """
    distinct: dict[tuple[str, str], int] = {}
    first: list[int] = []
    where = []
    for item in block:
        key = (item.stance.statement, item.speaker or "")
        if key not in distinct:
            distinct[key] = len(first)
            first.append(item.index)
        where.append(distinct[key])
    return first, where


def _block_matrices(blocks: Sequence[Sequence[_Item]], mats: list[Any], keys: _KeyTerms) -> list[Any]:
    """Similarity of every pair of each block's statements (TF-IDF cosine plus weighted key-term
    overlap; a statement with itself scores its cosine alone), with one product for all blocks."""
    import numpy as np

    parts = [_distinct(block) for block in blocks]
    rows = [i for first, _ in parts for i in first]
    bounds = np.cumsum([0] + [len(first) for first, _ in parts]).tolist()  # only pairs within a block are read
    out = []
    for (_, where), cosine, overlap in zip(parts, _cosine_squares(mats, rows, bounds), keys.overlap_squares(rows, bounds)):
        spread = np.ix_(where, where)
        own = overlap[spread]
        np.fill_diagonal(own, 0.0)
        out.append(cosine[spread] + KEY_WEIGHT * own)
    return out


# Statements of one (actor, stance) compared with one another at most: a block's similarity
# matrix is dense, so a state named in every article of a large corpus ("Russia" rejects…)
# would need n × n memory. Larger blocks are cut into windows of this many, in date order,
# and a position does not span two windows.
MAX_BLOCK = 2_000


def _windows(block: Sequence[_Item]) -> list[Sequence[_Item]]:
    """A block, or its date-ordered windows of MAX_BLOCK statements when it is larger."""
    if len(block) <= MAX_BLOCK:
        return [block]
    ordered = sorted(block, key=lambda i: (i.date or "9999", i.index))
    return [ordered[k:k + MAX_BLOCK] for k in range(0, len(ordered), MAX_BLOCK)]


def _batches(blocks: Sequence[Sequence[_Item]]) -> list[list[Sequence[_Item]]]:
    """Blocks in batches of at most _BATCH_ROWS statements (a larger block alone), in order."""
    batches: list[list[Sequence[_Item]]] = [[]]
    size = 0
    for block in blocks:
        if batches[-1] and size + len(block) > _BATCH_ROWS:
            batches.append([])
            size = 0
        batches[-1].append(block)
        size += len(block)
    return [b for b in batches if b]


class _BlockSims:
    """Similarities within one (actor, stance) block, looked up by the items' corpus indices.

    Why blocks: only statements of the same actor and stance can merge, so computing the
    whole corpus's n × n matrix (quadratic in memory and time) buys nothing.
    """

    def __init__(self, matrix: Any, rows: Sequence[int]) -> None:
        self.matrix = matrix
        self.pos = {g: k for k, g in enumerate(rows)}


def merge_positions(analyses: Sequence[ArticleAnalysis], actor_of: ActorOf,
                    affiliation_of: AffiliationOf | None = None, by_affiliation: bool = True,
                    kind_of: KindOf | None = None) -> list[Position]:
    """Stance mentions grouped into positions per (actor, stance), most-sourced first.

    ``actor_of(article_id, key)`` gives a mention key's canonical name and
    ``affiliation_of(article_id, key)`` the state or organisation an official speaks for (the
    actors stage); officials speak for it unless ``by_affiliation`` is False, and are kept as
    the position's ``speakers``. ``kind_of(article_id, key)`` gives the canonical actor's kind
    (as the pipeline's ``CorpusContext.kind_of`` does), so a side the tagger took for a person
    in one article still counts as a side.

    Average-link greedy grouping: a mention joins the group whose members it is most similar
    to on average, if that is above the threshold for its stance. Similarity is the sentence
    TF-IDF cosine plus KEY_WEIGHT times the key-term overlap (:meth:`_KeyTerms.overlap`), computed
    per (actor, stance) block: only statements of one block can merge.
    """
    return merge_items(_items(analyses, actor_of, by_affiliation, affiliation_of, kind_of))


def block_key(item: _Item) -> tuple[str, str]:
    """The (actor, stance) block of an item: only statements of one block can merge."""
    return item.actor, item.stance.stance


def merge_items(items: Sequence[_Item]) -> list[Position]:
    """Positions from stance items (see :func:`stance_item`), most-sourced first.

    Callers with more statements than fit in memory pass whole blocks (:func:`block_key`)
    a batch at a time; the TF-IDF weights are then the batch's.
    """
    if not items:
        return []
    mats = _tfidf([i.stance.statement for i in items])
    keys = _KeyTerms(items)
    blocks: dict[tuple[str, str], list[_Item]] = {}
    for item in items:
        blocks.setdefault(block_key(item), []).append(item)
    positions = []
    for batch in _batches([window for block in blocks.values() for window in _windows(block)]):
        for block, matrix in zip(batch, _block_matrices(batch, mats, keys)):
            sims = _BlockSims(matrix, [i.index for i in block])
            positions.extend(_position(g, sims) for g in _group(block, sims))
    return sorted(positions, key=lambda p: (-len(p.sources), p.actor, p.stance, p.first or "", p.id))


def _group(block: Sequence[_Item], sims: _BlockSims) -> list[_Group]:
    """Average-link greedy grouping of one (actor, stance) block, in date order.

    A statement joins the group it is most similar to (the mean of its similarities to the
    members, or the best one over SINGLE_LINK_FACTOR when higher), the latest group on a
    tie, if that reaches the stance's threshold. Each group keeps the running sum and
    maximum of its members' similarity rows, so a statement is scored against all groups at
    once; the sums are added member by member, as a loop over the members would.
    """
    import numpy as np

    n = len(block)
    sums = np.zeros((min(n, 64), n))  # group × block position: summed similarity of the group's members
    tops = np.zeros_like(sums)  # the same, the highest one
    sizes = np.zeros(len(sums))
    groups: list[_Group] = []
    for item in sorted(block, key=lambda i: (i.date or "9999", i.index)):
        threshold = ASSESS_SIM if item.stance.stance == "assess" else POSITION_SIM
        p = sims.pos[item.index]
        k = len(groups)
        best = None
        if k:
            # mean link keeps groups tight; a very close paraphrase of one member also joins
            score = np.maximum(sums[:k, p] / sizes[:k], tops[:k, p] / SINGLE_LINK_FACTOR)
            top = score.max()
            if top >= threshold:
                best = int(np.flatnonzero(score == top)[-1])
        row = sims.matrix[p]
        if best is None:
            if k == len(sums):  # room for more groups
                sums, tops, sizes = (np.concatenate([a, np.zeros_like(a)]) for a in (sums, tops, sizes))
            groups.append(_Group([item]))
            sums[k] = 0.0 + row
            tops[k] = row
            sizes[k] = 1
        else:
            groups[best].items.append(item)
            sums[best] += row
            np.maximum(tops[best], row, out=tops[best])
            sizes[best] += 1
    return groups


def assessments_over_time(positions: Sequence[Position], actor: str) -> list[Position]:
    """An actor's assessments in date order (first seen), e.g. 'no result' → 'failed'.

    ``actor`` matches the canonical name case-insensitively, or as a part of it ("Kremlin"
    finds "Kremlin" and "the Kremlin spokesman" when that is the canonical name).
    """
    needle = actor.casefold()
    found = [p for p in positions if p.stance == "assess" and needle in p.actor.casefold()]
    return sorted(found, key=lambda p: (p.first or "9999", p.last or "9999", p.id))
