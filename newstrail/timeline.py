"""Timeline entries: the same happening, reported by many articles, merged into one entry.

Two event mentions are one happening when they belong to the same story, their dates agree
(the same day, or a day inside the other's month), their PLOVER types are compatible (same
type or same quad), and their wording or participants overlap. Every source and span is kept;
the summary is the clearest source sentence (machine-translated or garbled articles lose);
details the sources disagree on (date, place) are kept side by side in ``conflicts``.

Only happenings the text dates itself ("on Monday", "the 10th", "in February") make the
timeline: an event dated only by its article's publication date is a report, not a dated fact.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable, Sequence

from .events import QUAD
from .model import ArticleAnalysis, EventMention, TimelineEntry, stable_id

__all__ = [
    "merge_timeline",
    "timeline_from_texts",
    "coref_event_mentions",
    "entity_event_timelines",
    "dates_compatible",
    "summarise_timeline",
    "summary_quality",
    "fit_tfidf",
]

ActorOf = Callable[[str, str], "str | None"]

_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_MONTH = re.compile(r"^\d{4}-\d\d$")
# When two dated mentions are one happening. Word TF-IDF cosine between independent reports of
# one meeting is low (0.03–0.13 for the invented reports in tests/test_timeline.py), so shared
# participants or place plus the same PLOVER type carry most merges; wording alone merges only
# near-copies (syndicated or rewritten text, SIM_ALONE). With shared participants but a merely
# compatible type (same quad), SIM_WITH_EVIDENCE is needed. Set by reasoning, not swept.
SIM_ALONE = 0.45
SIM_WITH_EVIDENCE = 0.12
# Mentions one day apart merge only when this similar, and the date becomes a conflict.
SIM_ADJACENT_DAY = 0.5
# Below this cosine a mention matches a member only through what they share (see _links): the
# least similarity any rule of _member_matches asks, less what rounding may move a cell.
_SIM_FLOOR = min(SIM_ALONE, SIM_WITH_EVIDENCE, SIM_ADJACENT_DAY) - 1e-9
# Flags that mark an article's wording as a poor summary.
_POOR_FLAGS = {"machine_translated", "garbled", "low_quality"}


@dataclass(slots=True)
class _Item:
    """One dated event mention with what merging needs."""

    article_id: str
    source: str
    story: str | None
    event: EventMention
    actors: frozenset[str]
    flags: frozenset[str]
    index: int = 0
    links: frozenset = frozenset()  # what it can share with a member it matches without similar wording (_links)


@dataclass(slots=True)
class _Cluster:
    items: list[_Item] = field(default_factory=list)

    @property
    def story(self) -> str | None:
        return self.items[0].story


# --------------------------------------------------------------------------- dates
def _month_of(value: str) -> str:
    return value[:7]


@functools.lru_cache(maxsize=1 << 16)  # merging asks about the same few dates again and again
def dates_compatible(a: str, b: str) -> bool:
    """Same date, or one is the month the other day falls in."""
    if a == b:
        return True
    if _DAY.match(a) and _MONTH.match(b):
        return _month_of(a) == b
    if _DAY.match(b) and _MONTH.match(a):
        return _month_of(b) == a
    return False


def _day_gap(a: str, b: str) -> int | None:
    import datetime as dt

    if not (_DAY.match(a) and _DAY.match(b)):
        return None
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def _timeline_date(value: str | None) -> str | None:
    """The part of a TIMEX value a timeline can use: a day or a month (years are too coarse)."""
    if not value or "/" in value:  # a range (e.g. an inferred publication window) is no date
        return None
    value = value[:10]
    if _DAY.match(value) or _MONTH.match(value):
        return value
    return None


# --------------------------------------------------------------------------- similarity
def fit_tfidf(texts: Sequence[str], **params: Any) -> Any:
    """``TfidfVectorizer(**params).fit_transform(texts)``, analysing each distinct text once.

    Why: copies and syndicated rewrites repeat sentences, and analysing a text into n-grams is
    the costly part. The matrix is the same: term counts of the distinct texts are expanded
    back to one row per text before the IDF is fitted, so repeated texts weigh as before.
    With a :class:`CharWbGrams` analyzer alone, the counts come from each distinct word's
    n-grams (:func:`_char_counts`). Raises ValueError, as the vectorizer does, when no text
    has a usable term.
    """
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

    weighting = {k: params.pop(k) for k in ("norm", "use_idf", "smooth_idf", "sublinear_tf") if k in params}
    distinct: dict[str, int] = {}
    rows = [distinct.setdefault(t, len(distinct)) for t in texts]
    if isinstance(params.get("analyzer"), CharWbGrams) and set(params) <= {"analyzer", "dtype"}:
        counts = _char_counts(list(distinct), params["analyzer"])
    else:
        counts = CountVectorizer(dtype=np.float64, **params).fit_transform(list(distinct))
    return TfidfTransformer(**weighting).fit_transform(counts[np.asarray(rows, dtype=np.int64)])


def _char_counts(texts: Sequence[str], grams: CharWbGrams) -> Any:
    """``CountVectorizer(analyzer=grams, dtype=np.float64).fit_transform(texts)``, entry for entry.

    Why: counting every n-gram of every text one at a time in Python was most of fitting
    char n-grams. A text's n-grams are its words' (:class:`CharWbGrams`), so its counts are
    (text × word counts) @ (word × n-gram counts), and only distinct words are cut. The
    vectorizer's layout is kept, because sparse products sum a row's entries in storage
    order: n-grams are numbered as first met (text by text, word by word), a row's entries
    are in that order, and the columns are then renumbered alphabetically.
    """
    import numpy as np
    import scipy.sparse as sp

    words: dict[str, int] = {}  # distinct words, as first met
    word_cols: list[int] = []
    word_ptr = [0]
    for text in texts:
        word_cols.extend(words.setdefault(w, len(words)) for w in grams.words(text))
        word_ptr.append(len(word_cols))
    vocabulary: dict[str, int] = {}  # n-gram -> number, as first met (a new word is met in order)
    gram_cols: list[int] = []
    gram_ptr = [0]
    for word in words:
        gram_cols.extend(vocabulary.setdefault(g, len(vocabulary)) for g in grams.word_grams(word))
        gram_ptr.append(len(gram_cols))
    if not vocabulary:
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
    text_words = sp.csr_matrix((np.ones(len(word_cols)), word_cols, word_ptr), shape=(len(texts), len(words)))
    word_grams = sp.csr_matrix((np.ones(len(gram_cols)), gram_cols, gram_ptr), shape=(len(words), len(vocabulary)))
    counts = (text_words @ word_grams).tocsr()  # whole numbers: exact in float64
    counts.sort_indices()
    alphabetical = np.empty(len(vocabulary), dtype=np.int64)
    alphabetical[[k for _, k in sorted(vocabulary.items())]] = np.arange(len(vocabulary))
    return sp.csr_matrix((counts.data, alphabetical[counts.indices], counts.indptr), shape=counts.shape)


def rows_apart(rows: Any, labels: Any) -> Any:
    """The rows of a CSR matrix with the terms of each label given columns of their own.

    Why: a batch of blocks (positions) or of entries (timeline) is one product, but only
    pairs within one are read; with the labels apart, the product of the rows with their
    transpose holds only those pairs. A cell still sums the same products in the same order
    (a row's entries keep their order), so its value is the same to the last bit. Columns
    are renumbered over the (label, term) pairs in use, so the width stays at most the
    number of entries. Without labels, the rows as they are.
    """
    import numpy as np
    import scipy.sparse as sp

    if labels is None:
        return rows
    labels = np.asarray(labels, dtype=np.int64)
    n = rows.indptr[-1]
    keys = np.repeat(labels * rows.shape[1], np.diff(rows.indptr)) + rows.indices[:n]
    used, columns = np.unique(keys, return_inverse=True)
    return sp.csr_matrix((rows.data[:n], columns, rows.indptr), shape=(rows.shape[0], max(1, len(used))))


_WHITE_SPACES = re.compile(r"\s\s+")  # as sklearn's vectorizers normalise white space


class CharWbGrams:
    """sklearn's ``analyzer="char_wb"`` over ``ngram_range``, cutting each distinct word once.

    Why: texts share most of their words, and cutting every word of every text into n-grams
    was the costly part of fitting and transforming. sklearn cuts a text word by word
    (lower-cased, split on white space), so a text's n-grams are its words' n-grams in word
    order, and a vectorizer given this analyzer builds the same vocabulary and rows.
    """

    def __init__(self, ngram_range: tuple[int, int]) -> None:
        from sklearn.feature_extraction.text import CountVectorizer

        self.word_grams = functools.lru_cache(maxsize=1 << 16)(
            CountVectorizer(analyzer="char_wb", ngram_range=ngram_range, lowercase=False).build_analyzer())

    @staticmethod
    def words(text: str) -> list[str]:
        """The words sklearn cuts a text into, in order."""
        return _WHITE_SPACES.sub(" ", text.lower()).split()

    def __call__(self, text: str) -> list[str]:
        out: list[str] = []
        for word in self.words(text):
            out.extend(self.word_grams(word))
        return out


def char_wb_grams(ngram_range: tuple[int, int]) -> CharWbGrams:
    """An analyzer giving sklearn's ``char_wb`` n-grams (see :class:`CharWbGrams`)."""
    return CharWbGrams(ngram_range)


def _similarities(texts: Sequence[str]) -> Any:
    """Pairwise TF-IDF cosine of the mention sentences (word unigrams and bigrams)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not texts:
        return None
    vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, stop_words="english", min_df=1)
    try:
        matrix = vec.fit_transform(texts)
    except ValueError:  # only stop words
        import numpy as np

        return np.zeros((len(texts), len(texts)))
    return (matrix @ matrix.T).toarray()


# np.dot (BLAS) adds 16 or more products in interleaved blocks, so its last bit can differ from
# the sequential sum of a sparse product; pairs sharing this many terms are summed the np.dot way.
_BLAS_BLOCK = 16


class _Sims:
    """TF-IDF cosine of mention sentences, computed for the pairs merging asks about.

    Why not a matrix: a corpus's n × n similarity matrix is quadratic in memory (100,000
    event mentions would need 80 GB), while merging only ever compares a mention with
    mentions of its own story on nearby dates. :meth:`block` computes a rows × cols block as
    one sparse product. Each value is exactly ``np.dot`` over the two rows' shared terms (see
    _BLAS_BLOCK), so results do not depend on how a block was cut.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        import numpy as np
        import scipy.sparse as sp

        try:
            matrix = fit_tfidf(texts, ngram_range=(1, 2), sublinear_tf=True, stop_words="english").tocsr()
        except ValueError:  # only stop words: nothing is similar
            matrix = sp.csr_matrix((len(texts), 1))
        matrix.sort_indices()
        self.matrix = matrix
        self.pattern = matrix.copy()
        self.pattern.data = np.ones_like(matrix.data)
        self.sizes = np.diff(matrix.indptr)
        # row × width + term of every entry: ascending (rows in order, terms sorted in a row), so
        # whether a row has a term is one binary search for all pairs at once (see pair_dots)
        rows_of = np.repeat(np.arange(matrix.shape[0], dtype=np.int64), self.sizes)
        self.keys = rows_of * matrix.shape[1] + matrix.indices
        # each row's text as a number: rows of one text are the same row (see pair_dots)
        distinct: dict[str, int] = {}
        self.text_of = np.array([distinct.setdefault(t, len(distinct)) for t in texts], dtype=np.int64)

    def _row(self, i: int) -> tuple[Any, Any]:
        a, b = self.matrix.indptr[i], self.matrix.indptr[i + 1]
        return self.matrix.indices[a:b], self.matrix.data[a:b]

    def block(self, rows: Sequence[int], cols: Sequence[int]) -> Any:
        """Dense len(rows) × len(cols) array of cosines, every cell exact (see _BLAS_BLOCK)."""
        import numpy as np

        out, long = self.rough_block(rows, cols)
        if long is not None:
            self._redo(out, long, np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64))
        return out

    def rough_block(self, rows: Sequence[int], cols: Sequence[int]) -> tuple[Any, Any]:
        """The block as one sparse product, and a boolean array of the cells whose pairs share
        _BLAS_BLOCK or more terms (None when no pair can): those are exact only once
        :meth:`dots` has recomputed them. For callers that read few of the cells."""
        import numpy as np

        rows, cols = np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)
        out = (self.matrix[rows] @ self.matrix[cols].T).toarray()
        long = None
        if len(rows) and len(cols) and self.sizes[rows].max() >= _BLAS_BLOCK and self.sizes[cols].max() >= _BLAS_BLOCK:
            long = (self.pattern[rows] @ self.pattern[cols].T).toarray() >= _BLAS_BLOCK
        return out, long

    def within(self, rows: Sequence[int], labels: Sequence[int]) -> Any:
        """Dense len(rows)² array of the cosines of pairs of rows with the same label, exact
        (see _BLAS_BLOCK); other cells are 0. One sparse product holds only those pairs
        (see :func:`rows_apart`), for callers that read nothing else."""
        import numpy as np

        rows = np.asarray(rows, dtype=np.int64)
        sub = rows_apart(self.matrix[rows], labels)
        out = (sub @ sub.T).toarray()
        if len(rows) and self.sizes[rows].max() >= _BLAS_BLOCK:
            # the pairs sharing _BLAS_BLOCK terms, read off the sparse product of the patterns
            # (it holds every pair sharing a term): a dense square of counts was mostly zeros
            pattern = rows_apart(self.pattern[rows], labels)
            shared = (pattern @ pattern.T).tocoo()
            long = shared.data >= _BLAS_BLOCK
            x, y = shared.row[long], shared.col[long]
            out[x, y] = self.pair_dots(rows[x], rows[y])
        return out

    def _redo(self, out: Any, long: Any, rows: Any, cols: Any) -> None:
        """Recompute the cells of ``out`` marked in ``long`` (rows × cols) as np.dot over the
        shared terms."""
        import numpy as np

        x, y = np.nonzero(long)
        out[x, y] = self.pair_dots(rows[x], cols[y])

    def dots(self, i: int, cols: Sequence[int]) -> list[float]:
        """Cosines of row i with each of ``cols``, each as np.dot over the two rows' shared terms."""
        if len(cols) == 1:  # merging asks for one cell at a time: fewer array operations this way
            return [self.pair_dot(i, cols[0])]
        return self.pair_dots([i] * len(cols), cols)

    def pair_dot(self, i: int, j: int) -> float:
        """The cosine of rows i and j as np.dot over their shared terms (see :meth:`pair_dots`)."""
        import numpy as np

        (ia, da), (ib, db) = self._row(i), self._row(j)
        _, x, y = np.intersect1d(ia, ib, assume_unique=True, return_indices=True)
        return float(np.dot(da[x], db[y]))

    def pair_dots(self, left: Sequence[int], right: Sequence[int]) -> list[float]:
        """Cosine of each pair of rows (left[k], right[k]), as np.dot over their shared terms.

        The shared terms of all pairs are gathered at once: the right rows' entries end to
        end, each looked up in its left row (one binary search in ``keys``), so each pair's
        shared terms come in ascending term order, as np.intersect1d gives them. Each cosine
        is then np.dot over its own stretch of them: the same products in the same order as
        a dot over the pair alone, without a dozen array operations per pair.

        Each pair of texts is computed once: rows of one text are the same row (fitted from
        the same counts), and a pair gives the same either way round (the same products,
        summed in the same term order). An entry's square asks every pair both ways round,
        and copies of a report ask the same pair of texts again.
        """
        import numpy as np

        left, right = np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)
        texts_left, texts_right = self.text_of[left], self.text_of[right]
        pairs = np.minimum(texts_left, texts_right) * len(self.text_of) + np.maximum(texts_left, texts_right)
        _, first, inverse = np.unique(pairs, return_index=True, return_inverse=True)
        left, right = left[first], right[first]
        out: list[float] = []
        for lo in range(0, len(left), _PAIRS_AT_ONCE):
            out.extend(self._pair_dots(left[lo:lo + _PAIRS_AT_ONCE], right[lo:lo + _PAIRS_AT_ONCE]))
        return np.asarray(out, dtype=np.float64)[inverse.reshape(-1)].tolist()

    def _pair_dots(self, left: Any, right: Any) -> list[float]:
        import numpy as np

        matrix, keys = self.matrix, self.keys
        starts, lengths = matrix.indptr[right], self.sizes[right]
        ends = np.cumsum(lengths)
        at = np.arange(ends[-1] if len(ends) else 0) + np.repeat(starts - (ends - lengths), lengths)
        wanted = np.repeat(left, lengths) * matrix.shape[1] + matrix.indices[at]
        found = np.minimum(np.searchsorted(keys, wanted), max(0, len(keys) - 1))
        shared = keys[found] == wanted if len(keys) else np.zeros(len(wanted), dtype=bool)
        a, b = matrix.data[found[shared]], matrix.data[at[shared]]
        bounds = np.concatenate(([0], np.cumsum(shared)))[np.concatenate(([0], ends))].tolist()  # each pair's stretch
        return [float(np.dot(a[lo:hi], b[lo:hi])) for lo, hi in zip(bounds[:-1], bounds[1:])]


# Pairs whose shared terms are gathered in one go by _Sims.pair_dots (their entries, a few
# hundred each at most, in a few arrays of 8 bytes per entry).
_PAIRS_AT_ONCE = 4096


def _types_compatible(a: str, b: str) -> bool:
    return a == b or QUAD.get(a) == QUAD.get(b)


def _place_key(place: str | None) -> str | None:
    return place.casefold().strip() if place else None


def _item_text(item: _Item) -> str:
    """What wording similarity compares: the sentence plus the entry's actors and place."""
    extra = " ".join(sorted(item.actors)) + (" " + item.event.place if item.event.place else "")
    return f"{item.event.sentence} {extra}".strip()


_WORD = re.compile(r"[A-Za-z][a-z'-]+")


@functools.lru_cache(maxsize=1 << 16)
def _type_nouns(sentence: str) -> frozenset[str]:
    """PLOVER types whose happening the sentence names with a strong trigger word ("the talks",
    "Monday's meeting"), by surface lemma guesses (no parse). Cached for a story's sentences:
    merging asks about each one against many candidates."""
    found: set[str] = set()
    for word in _WORD.findall(sentence.lower()):
        found.update(_word_types(word))
    return frozenset(found)


@functools.lru_cache(maxsize=16384)
def _word_types(word: str) -> frozenset[str]:
    """The PLOVER types a lower-cased word names as a strong trigger (see :func:`_type_nouns`);
    cached because the same words come back in sentence after sentence."""
    from .events import TRIGGERS, _surface_lemmas

    found: set[str] = set()
    for form in _surface_lemmas(word):
        found.update(t.type for t in TRIGGERS.get(form, ()) if t.particle is None and t.weight >= 1.0)
    return frozenset(found)


def _refers_to(item: _Item, other: _Item) -> bool:
    """One mention is a statement or comment about the other's happening on the same day.

    "Sherman told reporters the US came to Monday's meeting to…" types as something else
    than the meeting it is about, but names it ("meeting") and is dated by it.
    """
    a, b = item.event, other.event
    if a.date != b.date or not (a.date and _DAY.match(a.date)):
        return False
    return b.type in _type_nouns(a.sentence) or a.type in _type_nouns(b.sentence)


def _main_type(cluster: _Cluster) -> str:
    return Counter(i.event.type for i in cluster.items).most_common(1)[0][0]


def _sources(cluster: _Cluster) -> set[str]:
    return {i.source for i in cluster.items}


def _places(cluster: _Cluster) -> set[str]:
    return {p for p in (_place_key(i.event.place) for i in cluster.items) if p}


def _evidence(a: _Cluster, b: _Cluster, sims: _Sims) -> bool:
    """Shared participants or place, or similar wording, between two clusters."""
    if {x for i in a.items for x in i.actors} & {x for i in b.items for x in i.actors}:
        return True
    if _places(a) & _places(b):
        return True
    return bool((sims.block([i.index for i in a.items], [j.index for j in b.items]) >= SIM_WITH_EVIDENCE).any())


def _absorb_references(clusters: list[_Cluster], sims: _Sims) -> list[_Cluster]:
    """Fold comments on a day's main happening into its entry.

    On one day of one story, the happening with the most sources is the day's anchor. Another
    cluster of that day whose sentences name the anchor's kind of happening ("the talks were
    difficult", "came to Monday's meeting", "after the dialogue on the 10th") is about it when
    nothing sets it apart: no place of its own that differs, the same negation and reality,
    and either fewer sources than the anchor or shared participants, place or wording.
    """
    by_day: dict[tuple[str | None, str], list[_Cluster]] = {}
    for c in clusters:
        day = c.items[0].event.date or ""
        if _DAY.match(day):
            by_day.setdefault((c.story, day), []).append(c)
    absorbed: set[int] = set()
    for group in by_day.values():
        if len(group) < 2:
            continue
        group = sorted(group, key=lambda c: (-len(_sources(c)), -len(c.items)))
        anchor = group[0]
        kind = _main_type(anchor)
        head = anchor.items[0].event
        for other in group[1:]:
            if not any(kind in _type_nouns(i.event.sentence) for i in other.items):
                continue
            if any(i.event.negated != head.negated or i.event.hypothetical != head.hypothetical for i in other.items):
                continue
            places = _places(other)
            if places and _places(anchor) and not (places & _places(anchor)) and not _places_nested(places | _places(anchor)):
                continue
            if len(_sources(other)) < len(_sources(anchor)) or _evidence(anchor, other, sims):
                anchor.items.extend(other.items)
                absorbed.add(id(other))
    return [c for c in clusters if id(c) not in absorbed]


def _links(article_id: str, event: EventMention, actors: frozenset[str]) -> frozenset:
    """What a mention can share with a member of an entry so that they match without similar
    wording (:func:`_member_matches`): a participant, a place, or the mention itself (one
    sentence naming two days). Every other way to match needs a cosine of _SIM_FLOOR or more,
    so two mentions whose links are apart and whose wording is less similar never match."""
    place = _place_key(event.place)
    shared: list[object] = list(actors)  # names are strings; the other links are tuples
    if place is not None:
        shared.append(("place", place))
    shared.append(("span", article_id, event.span))
    return frozenset(shared)


def _member_matches(item: _Item, other: _Item, sim: float) -> bool:
    """Whether an item reports the happening of one member of an entry (any member decides)."""
    e, o = item.event, other.event
    if other.article_id == item.article_id and o.span == e.span:
        return o.date == e.date  # one sentence naming two days reports two happenings
    if o.negated != e.negated or o.hypothetical != e.hypothetical:
        return False
    if not _types_compatible(o.type, e.type):
        shared = bool(item.actors & other.actors) or (
            _place_key(e.place) is not None and _place_key(e.place) == _place_key(o.place))
        return _refers_to(item, other) and (shared or sim >= SIM_WITH_EVIDENCE)
    assert e.date is not None and o.date is not None
    if not dates_compatible(o.date, e.date):
        return _day_gap(o.date, e.date) == 1 and sim >= SIM_ADJACENT_DAY and other.article_id != item.article_id
    shared = bool(item.actors & other.actors) or (
        _place_key(e.place) is not None and _place_key(e.place) == _place_key(o.place))
    return sim >= SIM_ALONE or (shared and (sim >= SIM_WITH_EVIDENCE or o.type == e.type))


@functools.lru_cache(maxsize=8192)
def _next_days(day: str) -> tuple[str, ...]:
    """The days before and after a day (none for a day that does not exist)."""
    import datetime as dt

    try:
        date = dt.date.fromisoformat(day)
        return ((date - dt.timedelta(days=1)).isoformat(), (date + dt.timedelta(days=1)).isoformat())
    except (ValueError, OverflowError):
        return ()


def _month_neighbours(month: str) -> tuple[str, ...]:
    """The day before a month begins and the day after it ends (none for a month that does not exist)."""
    import calendar

    try:
        last = calendar.monthrange(int(month[:4]), int(month[5:7]))[1]
    except ValueError:
        return ()
    return (*_next_days(f"{month}-01")[:1], *_next_days(f"{month}-{last:02d}")[1:])


class _StoryEntries:
    """One story's entries, with every member filed under its date.

    Why: a member can match a mention only on a compatible date (the same date, the month
    of a day or a day of the month) or on the next or previous day (:func:`_member_matches`),
    and off its own date only with a compatible type (same quad) and the same negation, so a
    mention is compared with those members alone instead of the whole story. Their
    similarities come from the mention's month: a block of the month's mentions (a chunk of
    rows at a time) against the month's and its two neighbouring days' mentions, one sparse
    product per chunk.
    """

    def __init__(self, sims: _Sims) -> None:
        self.sims = sims
        self.clusters: list[_Cluster] = []
        self.by_date: dict[str, list[tuple[int, _Item]]] = {}  # every member, by its date
        self.by_kind: dict[tuple[str, str | None, bool], list[tuple[int, _Item]]] = {}  # by date, quad, negation
        self.days_by_kind: dict[tuple[str, str | None, bool], list[tuple[int, _Item]]] = {}  # day members by month
        self.months: dict[str, list[_Item]] = {}  # every mention of the story, in merge order
        self.position: dict[int, int] = {}  # item index -> place in its month's list
        self.columns: dict[str, dict[int, int]] = {}  # month -> item index -> column of its block
        self.rows: dict[int, tuple[Any, Any]] = {}  # item index -> similarity row and its cells to redo, until merged

    def expect(self, item: _Item) -> None:
        """Register a mention before merging starts (in merge order)."""
        group = self.months.setdefault(_month_of(item.event.date or ""), [])
        self.position[item.index] = len(group)
        group.append(item)

    def add(self, cluster: _Cluster) -> None:
        self.clusters.append(cluster)
        for item in cluster.items:
            self.file(len(self.clusters) - 1, item)

    def file(self, order: int, item: _Item) -> None:
        date = item.event.date or ""
        kind = (QUAD.get(item.event.type), item.event.negated)
        self.by_date.setdefault(date, []).append((order, item))
        self.by_kind.setdefault((date, *kind), []).append((order, item))
        if _DAY.match(date):
            self.days_by_kind.setdefault((_month_of(date), *kind), []).append((order, item))

    def _candidates(self, item: _Item) -> list[tuple[int, _Item]]:
        """Members that could match the item, with their entries, in no order (see :meth:`match`)."""
        date = item.event.date or ""
        kind = (QUAD.get(item.event.type), item.event.negated)
        found = list(self.by_date.get(date, []))
        if _DAY.match(date):
            for other in (_month_of(date), *_next_days(date)):
                found.extend(self.by_kind.get((other, *kind), []))
        else:
            found.extend(self.days_by_kind.get((date, *kind), []))
        return found

    def _columns(self, month: str) -> dict[int, int]:
        """Item index -> column, for every mention a mention of ``month`` may be compared with."""
        if month not in self.columns:
            near = [i for day in _month_neighbours(month) for i in self.months.get(day[:7], []) if i.event.date == day]
            self.columns[month] = {i.index: k for k, i in enumerate([*self.months[month], *near])}
        return self.columns[month]

    def _row(self, item: _Item) -> tuple[Any, Any]:
        """The item's rough similarities to its month's columns and the cells of them to redo
        (see :meth:`_Sims.rough_block`; computed with the next rows of its month).

        Rough, because a mention reads only its candidates' cells: making the whole chunk
        exact recomputed many cells nobody read.
        """
        month = _month_of(item.event.date or "")
        columns = self._columns(month)
        if item.index not in self.rows:
            start = self.position[item.index]
            chunk = self.months[month][start:start + max(1, _CHUNK_CELLS // len(columns))]
            block, long = self.sims.rough_block([i.index for i in chunk], list(columns))
            redo = long if long is not None else [None] * len(chunk)
            self.rows.update(zip((i.index for i in chunk), zip(block, redo)))
        return self.rows.pop(item.index)

    def match(self, item: _Item) -> int | None:
        """The first entry (in creation order) with a member the item matches."""
        candidates = self._candidates(item)
        if not candidates:
            self.rows.pop(item.index, None)
            return None
        columns = self._columns(_month_of(item.event.date or ""))
        row, redo = self._row(item)
        where = [columns[other.index] for _, other in candidates]
        # Only members with similar wording or a link in common can match (see _links); they
        # are tried in entry order (a stable sort of them: the same order as among all).
        similar = (row[where] >= _SIM_FLOOR).tolist()
        links = item.links
        kept = [k for k, (_, other) in enumerate(candidates) if similar[k] or not links.isdisjoint(other.links)]
        kept.sort(key=lambda k: candidates[k][0])
        for k in kept:
            order, other = candidates[k]
            sim = float(row[where[k]])
            if redo is not None and redo[where[k]]:  # the sparse product may have summed it differently
                sim = self.sims.dots(item.index, [other.index])[0]
            if _member_matches(item, other, sim):
                return order
        return None


# --------------------------------------------------------------------------- summary
_GARBLE = re.compile(r"[^\w\s,.;:'\"’“”()\-–—%$€£/]")
_PRONOUN_FIRST = re.compile(r"^(?:he|she|it|they|we|i|his|her|its|their|this|these|those)\b", re.I)
_LINK_FIRST = re.compile(r"^(?:but|and|however|also|according to|that)\b", re.I)


def summary_quality(sentence: str, flags: Iterable[str] = ()) -> float:
    """How good a sentence is as a timeline summary (higher is better).

    Prefers 8–30 words, few odd characters, and articles not flagged as machine-translated or
    garbled; a sentence that starts mid-thought ("But", "He said") loses a little.
    """
    return _quality(sentence, bool(set(flags) & _POOR_FLAGS))


@functools.lru_cache(maxsize=1 << 16)
def _quality(sentence: str, poor: bool) -> float:
    """``summary_quality`` of a sentence from a poor article or not; cached, because copies and
    syndicated reports repeat a sentence in many entries and positions."""
    words = sentence.split()
    score = 1.0
    if len(words) < 8:
        score -= 0.05 * (8 - len(words))
    if len(words) > 30:
        score -= 0.02 * (len(words) - 30)
    odd = len(_GARBLE.findall(sentence)) / max(1, len(sentence))
    score -= 5 * odd
    if poor:
        score -= 0.5
    text = sentence.strip()
    if _PRONOUN_FIRST.match(text):
        score -= 0.3  # a pronoun needs the sentence before it
    elif _LINK_FIRST.match(text):
        score -= 0.15
    if text[:1] in "\"“‘'”’":  # a quote is a voice, not a summary
        score -= 0.3
    if text.count("\"") % 2 or text.count("“") != text.count("”"):
        score -= 0.2  # a dangling quote mark: cut out of a longer quote
    return score


def _centralities(clusters: Sequence[_Cluster], sims: _Sims) -> list[list[float]]:
    """For each cluster, each member's summed similarity to the other members (in member order).

    Entries are taken in batches whose members make one similarity block, so the work is one
    sparse product per batch, not per entry; an entry larger than a batch is done alone, a
    chunk of rows at a time.
    """
    out: list[list[float]] = [[0.0] for _ in clusters]  # a single mention is similar to nothing
    batch: list[int] = []
    size = 0
    for k, cluster in enumerate(clusters):
        n = len(cluster.items)
        if n < 2:
            continue
        if n * n > _CHUNK_CELLS:
            out[k] = _centrality([i.index for i in cluster.items], sims)
            continue
        if (size + n) ** 2 > _CHUNK_CELLS:
            _batch_centralities(clusters, batch, sims, out)
            batch, size = [], 0
        batch.append(k)
        size += n
    _batch_centralities(clusters, batch, sims, out)
    return out


def _batch_centralities(clusters: Sequence[_Cluster], batch: list[int], sims: _Sims, out: list[list[float]]) -> None:
    import numpy as np

    if not batch:
        return
    idx = [i.index for k in batch for i in clusters[k].items]
    bounds = np.cumsum([0] + [len(clusters[k].items) for k in batch])
    block = sims.within(idx, [b for b, k in enumerate(batch) for _ in clusters[k].items])  # an entry's own pairs
    np.fill_diagonal(block, 0.0)  # not similar to itself: adding 0.0 leaves a sum unchanged
    for k, lo, hi in zip(batch, bounds[:-1], bounds[1:]):
        out[k] = np.cumsum(block[lo:hi, lo:hi], axis=1)[:, -1].tolist()


def _centrality(idx: Sequence[int], sims: _Sims) -> list[float]:
    """Each mention's summed similarity to the other mentions of ``idx``, added in ``idx`` order.

    A running sum (np.cumsum) keeps the order of a plain loop, so ties fall as before; rows
    are taken in chunks so a very large entry does not need its whole square in memory.
    """
    import numpy as np

    out: list[float] = []
    step = max(1, _CHUNK_CELLS // max(1, len(idx)))
    for lo in range(0, len(idx), step):
        block = sims.block(idx[lo:lo + step], idx)
        for k in range(block.shape[0]):
            block[k, lo + k] = 0.0  # not similar to itself: adding 0.0 leaves a sum unchanged
        out.extend(np.cumsum(block, axis=1)[:, -1].tolist())
    return out


# Largest similarity block computed at once (cells of 8 bytes).
_CHUNK_CELLS = 4_000_000


def _summary(cluster: _Cluster, totals: Sequence[float]) -> str:
    """The clearest, most central sentence (``totals``: each member's summed similarity to the rest)."""
    items = cluster.items
    planned = all(i.event.future for i in items)

    def score(k: int) -> float:
        item = items[k]
        central = totals[k] / max(1, len(items) - 1)
        # a plan ("will travel") summarises a past happening badly, and a later reference
        # ("after Monday's talks") worse than the report dated by its own clue
        mismatch = 0.3 if item.event.future != planned else 0.0
        return summary_quality(item.event.sentence, item.flags) + 0.3 * central - mismatch

    best = items[max(range(len(items)), key=score)]
    return " ".join(best.event.sentence.split())


# --------------------------------------------------------------------------- entries
def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def _entry_date(cluster: _Cluster) -> str:
    """The finest date most sources give (a day beats the month it lies in)."""
    dates = Counter(i.event.date for i in cluster.items if i.event.date)
    days = Counter({d: n for d, n in dates.items() if _DAY.match(d)})
    chosen = days or dates
    return sorted(chosen.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _conflicts(cluster: _Cluster, date: str) -> tuple[str, ...]:
    """Details the sources disagree on, each side with its sources."""
    out = []
    by_date: dict[str, list[str]] = {}
    for i in cluster.items:
        d = i.event.date or ""
        if _DAY.match(d) and d != date:
            by_date.setdefault(d, []).append(i.source)
    if by_date:
        main = sorted({i.source for i in cluster.items if i.event.date == date})
        sides = [f"{date} ({', '.join(main)})"] + [f"{d} ({', '.join(sorted(set(s)))})" for d, s in sorted(by_date.items())]
        out.append("date: " + " vs ".join(sides))
    places: dict[str, set[str]] = {}
    for i in cluster.items:
        if i.event.place:
            places.setdefault(i.event.place, set()).add(i.source)
    folded = {p.casefold() for p in places}
    if len(folded) > 1 and not _places_nested(folded):
        out.append("place: " + " vs ".join(f"{p} ({', '.join(sorted(s))})" for p, s in sorted(places.items())))
    return tuple(out)


def _places_nested(places: set[str]) -> bool:
    """'Geneva' and 'Geneva, Switzerland' are not a conflict."""
    items = sorted(places, key=len)
    return all(any(a in b or b in a for b in items if b != a) for a in items)


def _entry(cluster: _Cluster, totals: Sequence[float]) -> TimelineEntry:
    items = sorted(cluster.items, key=lambda i: (i.event.date or "", i.article_id, i.event.span.start))
    date = _entry_date(cluster)
    actors = Counter(a for i in items for a in i.actors)
    mentions = tuple(dict.fromkeys(i.event.span for i in items))
    return TimelineEntry(
        id=stable_id(cluster.story or "", date, [f"{m.article_id}:{m.start}" for m in mentions]),
        story=cluster.story,
        date=date,
        date_how="text" if any(i.event.date_how == "text" for i in items) else "inferred",
        type=_most_common(i.event.type for i in items) or items[0].event.type,
        summary=_summary(cluster, totals),
        actors=tuple(a for a, _ in sorted(actors.items(), key=lambda kv: (-kv[1], kv[0]))),
        recipient=_most_common(i.event.recipient for i in items),
        place=_most_common(i.event.place for i in items),
        negated=all(i.event.negated for i in items),
        hypothetical=all(i.event.hypothetical for i in items),
        future=all(i.event.future for i in items),
        sources=tuple(dict.fromkeys(i.source for i in items)),
        mentions=mentions,
        conflicts=_conflicts(cluster, date),
    )


def _items(analyses: Sequence[ArticleAnalysis], story_of: dict[str, str], actor_of: ActorOf) -> list[_Item]:
    """Dated, real (not hypothetical) event mentions, with canonical actors."""
    items = []
    for analysis in analyses:
        article = analysis.article
        # a hypothetical event is no happening, however it is dated (its dated versions are too)
        events = [e for event in analysis.events if not event.hypothetical
                  for e in _redate(event, article.published, article.published_how)]
        for event in events:
            date = _timeline_date(event.date)
            if date is None:
                continue
            actors = set()
            for key in (event.actor, event.recipient):
                if key:
                    actors.add(actor_of(article.id, key) or key)
            names = frozenset(actors)
            items.append(_Item(
                article_id=article.id,
                source=article.source,
                story=story_of.get(article.id),
                event=_with_date(event, date),
                actors=names,
                flags=frozenset(article.flags),
                index=len(items),
                links=_links(article.id, event, names),
            ))
    return items


def _redate(event: EventMention, published: str | None, published_how: str | None) -> list[EventMention]:
    """The event's dated versions, or none when its own text gives no date.

    An article dated late (inferred from its story) had no anchor when its events were
    dated, so its events are dated again from their own sentence: each distinct day or month
    the sentence names gives one event ("talks on Monday and the council on Wednesday"),
    marked "inferred" because the anchor was. A sentence with no date clue gives nothing:
    the timeline keeps only happenings the text dates.
    """
    if published_how != "inferred":
        return [event] if event.date_how == "text" and _timeline_date(event.date) else []
    if not published:
        return []
    return [replace(event, date=d, date_how="inferred") for d in _sentence_dates(event.sentence, published)]


@functools.lru_cache(maxsize=65536)
def _sentence_dates(sentence: str, published: str) -> tuple[str, ...]:
    """The distinct days and months a sentence names, read against ``published``.

    Cached: copies and syndicated rewrites repeat sentences, and the time grammar is the
    costly part of listing a corpus's dated mentions.
    """
    try:
        from .timex.resolve import resolve_prepared
    except ImportError:
        return ()
    dates: list[str] = []
    # time_expressions(sentence, published), from the sentence's expressions recognised once
    for _start, _end, value, type_, _how in resolve_prepared(sentence, _sentence_expressions(sentence), published):
        date = _timeline_date(value) if type_ in ("DATE", "TIME") and "X" not in value else None
        if date and date not in dates:
            dates.append(date)
    return tuple(dates)


@functools.lru_cache(maxsize=1 << 14)
def _sentence_expressions(sentence: str) -> tuple:
    """A sentence's time expressions, recognised once and ready to resolve (``prepare_text``).

    Why: copies of an article dated late are dated apart (each from its own story days), so a
    sentence comes back with another publication date, and recognising it is the costly part;
    what is recognised does not depend on the date.
    """
    from .timex.resolve import prepare_text

    return tuple(prepare_text(sentence))


def _with_date(event: EventMention, date: str) -> EventMention:
    if event.date == date:
        return event
    return replace(event, date=date)


def merge_timeline(analyses: Sequence[ArticleAnalysis], story_of: dict[str, str],
                   actor_of: ActorOf) -> list[TimelineEntry]:
    """Dated happenings of all articles, merged across articles, in date order.

    ``story_of`` maps article id to story id; ``actor_of(article_id, key)`` gives an actor
    key's canonical name (or None). Greedy single pass in date order: each mention joins the
    first entry it matches, else starts one (cheap, and stable as articles arrive).
    """
    items = _items(analyses, story_of, actor_of)
    if not items:
        return []
    sims = _Sims([_item_text(i) for i in items])
    clusters: list[_Cluster] = []
    by_story: dict[str | None, _StoryEntries] = {}  # only a story's own entries can take a mention
    ordered = sorted(items, key=lambda i: (i.event.date or "", i.article_id, i.event.span.start))
    for item in ordered:
        by_story.setdefault(item.story, _StoryEntries(sims)).expect(item)
    for item in ordered:
        story = by_story[item.story]
        order = story.match(item)
        if order is None:
            cluster = _Cluster([item])
            clusters.append(cluster)
            story.add(cluster)
        else:
            story.clusters[order].items.append(item)
            story.file(order, item)
    clusters = _absorb_references(clusters, sims)
    entries = [_entry(c, totals) for c, totals in zip(clusters, _centralities(clusters, sims))]
    return sorted(entries, key=lambda e: (e.date or "", e.story or "", -len(e.sources), e.id))


# --------------------------------------------------------------------------- adapters
def _analyse_text(text: str, published: str | None, source: str) -> ArticleAnalysis:
    """The per-article stages on one plain text (no cleaning): mentions, timexes, events."""
    from .actors import extract_mentions
    from .adapters import article_from_text
    from .events import extract_events
    from .nlp import parse
    from .timex import extract_timexes

    article = article_from_text(text, published, source)
    doc = parse(text)
    mentions = extract_mentions(doc, article)
    timexes = extract_timexes(doc, article)
    events = extract_events(doc, article, mentions, timexes)
    return ArticleAnalysis(article=article, mentions=tuple(mentions), timexes=tuple(timexes), events=tuple(events))


def timeline_from_texts(articles: list[dict[str, Any]], max_dates: int | None = None) -> list[tuple[str, str]]:
    """(date, summary) pairs from articles given as ``{"text", "published"}``, in date order.

    All articles are taken as one story. With ``max_dates``, only the dates with the most
    sources and mentions are kept (timeline summarisation benchmarks fix the length).
    """
    analyses = [_analyse_text(a["text"], a.get("published"), a.get("source") or f"<text {i}>")
                for i, a in enumerate(articles)]
    story_of = {a.article.id: "story" for a in analyses}
    entries = merge_timeline(analyses, story_of, lambda _aid, key: key)
    if max_dates is not None:
        weight: Counter[str] = Counter()
        for e in entries:
            weight[e.date or ""] += len(e.sources) + 0.5 * len(e.mentions)
        keep = {d for d, _ in weight.most_common(max_dates)}
        entries = [e for e in entries if e.date in keep]
    return [(e.date or "", e.summary) for e in entries]


def _doc_items(docs: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any], str]]:
    """(doc, mention, sentence around the mention) for every marked event mention."""
    out = []
    for doc in docs:
        text = doc["text"]
        for m in doc.get("mentions", []):
            lo, hi = _sentence_around(text, m["start"], m["end"])
            out.append((doc, m, text[lo:hi]))
    return out


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (by full stops and line breaks) that holds [start, end)."""
    dot, newline = text.rfind(". ", 0, start), text.rfind("\n", 0, start)
    lo = max(dot + 2 if dot != -1 else 0, newline + 1 if newline != -1 else 0)
    ends = [p for p in (text.find(". ", end), text.find("\n", end)) if p != -1]
    return lo, (min(ends) + 1 if ends else len(text))


# Cross-document event coreference: a mention joins a cluster when its trigger matches
# (same stem) and its sentence context is this similar, or when only the PLOVER type matches
# and the context is twice as similar. Set by reasoning on how reports of one happening share
# participants and places (a shared name or two in a 10-20 word sentence); not fitted.
COREF_CONTEXT_SIM = 0.1


def _stem(word: str) -> str:
    word = word.casefold().strip(" .,;:'\"")
    for suffix in ("ings", "ing", "ions", "ion", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def coref_event_mentions(docs: list[dict[str, Any]]) -> dict[str, str]:
    """Mention id -> cluster id; one cluster per real-world happening across documents.

    The same rule as timeline merging without dates: compatible trigger (same stem, or same
    PLOVER type) and similar context (TF-IDF over the mention's sentence).
    """
    from .events import description_scores

    items = _doc_items(docs)
    if not items:
        return {}
    sims = _similarities([s for _, _, s in items])
    types = []
    for _, m, s in items:
        scores = description_scores(m.get("text") or s)
        types.append(max(scores, key=scores.__getitem__))
    cluster_of: list[int] = []
    for i, (_, m, _) in enumerate(items):
        stem = _stem(m.get("text", ""))
        found = None
        for j in range(i):
            _, other, _ = items[j]
            sim = float(sims[i, j])
            same_stem = stem == _stem(other.get("text", ""))
            if (same_stem and sim >= COREF_CONTEXT_SIM) or (types[i] == types[j] and sim >= 2 * COREF_CONTEXT_SIM):
                found = cluster_of[j]
                break
        cluster_of.append(found if found is not None else i)
    return {str(items[i][1]["id"]): f"c{cluster_of[i]}" for i in range(len(items))}


def _anchor(value: str | None) -> str:
    """A TIMEX value as an entity-timeline anchor: YYYY-MM-DD, YYYY-MM, YYYY or XXXX-XX-XX."""
    if value:
        for pattern in (r"^\d{4}-\d\d-\d\d", r"^\d{4}-\d\d(?!-)", r"^\d{4}(?![-\d])"):
            m = re.match(pattern, value)
            if m:
                return m.group(0)
    return "XXXX-XX-XX"


def entity_event_timelines(docs: list[dict[str, Any]], entities: list[str]) -> dict[str, list[tuple[str, str]]]:
    """For each entity, the marked event mentions whose sentence names it, with a date anchor.

    The anchor is the nearest time expression in the mention's sentence (resolved against the
    document's ``dct``), else the document date.
    """
    from .timex import time_expressions

    out: dict[str, list[tuple[str, str]]] = {e: [] for e in entities}
    folded = {e: e.casefold() for e in entities}
    for doc in docs:
        text, dct = doc["text"], doc.get("dct")
        found = time_expressions(text, dct)
        for m in doc.get("mentions", []):
            lo, hi = _sentence_around(text, m["start"], m["end"])
            sentence = text[lo:hi].casefold()
            near = [(abs(s - m["start"]), v) for s, e, v, t in found if lo <= s < hi and t in ("DATE", "TIME")]
            value = min(near)[1] if near else dct
            for entity, key in folded.items():
                if key in sentence:
                    out[entity].append((_anchor(value), str(m["id"])))
    for entity in out:
        out[entity].sort()
    return out


# --------------------------------------------------------------------------- large-corpus summary
# Timeline summarisation over many articles without a parse: dates are ranked by how many
# sentences refer to them (a day that later reports keep naming is a day something happened)
# plus a smaller weight for articles published that day. PUB_WEIGHT (a publication counts
# half a mention) and MAX_SENTENCES were set once by reasoning, not swept; bench/tls.py prints
# the T17 topics "egypt"/"haiti" and "finan"/"h1n1" apart so a future sweep has a held-out half.
PUB_WEIGHT = 0.5
MAX_SENTENCES = 40  # sentences read per article: leads carry the dated news
_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n+")


def _sentences(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _SENT_SPLIT.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def summarise_timeline(articles: list[dict[str, Any]], max_dates: int, per_date: int = 1) -> list[tuple[str, list[str]]]:
    """A fixed-length timeline of day dates with ``per_date`` summary sentences each.

    For corpora too large to parse: time expressions come from the timex rules alone (no
    spaCy), and event sentences from the surface lexicon (:func:`newstrail.events.has_trigger`).
    """
    import datetime as dt

    from .events import has_trigger
    from .timex import time_expressions

    pub_days = [a.get("published") for a in articles if a.get("published")]
    lo = min(pub_days)[:10] if pub_days else "0000-01-01"
    hi = max(pub_days)[:10] if pub_days else "9999-12-31"
    lo_day = (dt.date.fromisoformat(lo) - dt.timedelta(days=31)).isoformat() if pub_days else lo
    score: Counter[str] = Counter()
    candidates: dict[str, list[str]] = {}
    for a in articles:
        text, published = a["text"], (a.get("published") or "")[:10] or None
        if published:
            score[published] += PUB_WEIGHT
        sents = _sentences(text)[:MAX_SENTENCES]
        if not sents:
            continue
        head = text[: sents[-1][1]]
        found = time_expressions(head, published)
        for start, end in sents:
            sentence = " ".join(text[start:end].split())
            if len(sentence.split()) < 6:
                continue
            days = {v[:10] for s, e, v, t in found if start <= s < end and t in ("DATE", "TIME") and _DAY.match(v[:10])}
            days = {d for d in days if lo_day <= d <= hi and d != published}
            weight = 1.0 if has_trigger(sentence) else 0.5
            for d in days:
                score[d] += weight
                candidates.setdefault(d, []).append(sentence)
            if published and not days and start == sents[0][0]:
                candidates.setdefault(published, []).append(sentence)
    chosen = sorted(d for d, _ in score.most_common(max_dates))
    out = []
    for d in chosen:
        sentences = candidates.get(d, [])
        out.append((d, _central(sentences, per_date)))
    return out


def _central(sentences: list[str], k: int) -> list[str]:
    """The k sentences most similar to the rest (the centroid of what the sources say)."""
    unique = list(dict.fromkeys(sentences))
    if len(unique) <= k:
        return unique
    sims = _similarities(unique)
    order = sorted(range(len(unique)), key=lambda i: -(float(sims[i].sum()) - 1.0) + 0.01 * i)
    return [unique[i] for i in order[:k]]
