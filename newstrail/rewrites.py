"""Rewrites: one outlet's article retold by another, sentence by sentence, in other words.

Copies that share text are found by ``dedup`` (the same body, near-identical shingles, whole
paragraphs). A content farm's machine-translated rewrite, or a wire story's re-edited
version, shares almost no 5-word run with its original ("Ostrand is refusing the request"
for "Ostrand rejected the demand"), so ``dedup`` cannot see it; yet it is no independent
report, and a reader counting outlets behind a claim must know.

What gives a rewrite away is its order: it follows its original sentence after sentence.
Two independent reports of one event share facts (names, numbers, the same quotation) but
tell them in their own order and leave out different things. So a pair is a rewrite when
most of the shorter article's sentences have a counterpart in the other (TF-IDF cosine of
content words, which a literal translation keeps) and those counterparts come in the same
order (a longest increasing run of their positions).

Only articles of one story are compared, and each article only with its few most similar
ones (whole-text TF-IDF), so a story of n articles costs n x NEIGHBOURS sentence
comparisons, not n squared. scikit-learn gives the vectors; the alignment test is written
here because no library offers "same sentences in the same order" for paraphrase.

A rewrite is recorded with the duplicates (kind ``rewrite``, the copy as ``article_id``), so
``sources`` counts it as its outlet's copy, and the dates stage dates an undated rewrite no
earlier than its original.

On the bundled sample the machine-translated rewrite covers 0.73 of its sentences in its
original's order, and no two independent reports cover more than 0.50. On T17's real news
(``bench/rewrites.py``) the pairs found are mostly one outlet's story and its re-edited
version; none joins two outlets' own reports.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np

from .model import Duplicate

__all__ = ["Retold", "find_rewrites", "sentences", "alignment"]

# A sentence needs this many words to count: datelines, captions and "In this case." do not.
MIN_WORDS = 5
# Each article needs this many sentences. A short piece (a preview, a brief) lists the story's
# few facts in the order any writer would, so its sentences all find a counterpart, in order,
# in a longer report it never saw; over six sentences and more a retelling shows itself.
MIN_SENTENCES = 6
# Cosine at which two sentences say the same thing in other words: most sentences of a
# literal rewrite score 0.35 and up against their original, most of an independent report
# 0.1-0.25 (a shared name and verb). One sentence proves little (two writers stating the
# same fact reach 0.6): coverage and order over many sentences decide, below.
SENTENCE_SIMILARITY = 0.3
# Share of the shorter article's sentences with a counterpart in the other.
MIN_COVER = 0.6
# Share of those counterparts that come in the original's order.
MIN_ORDER = 0.8
# Share of the longer article's sentences with a counterpart: a short report quoted inside a
# long live blog is covered whole, but is no retelling of the blog.
MIN_COVER_LONGER = 0.35
# Most similar articles of the same story each article is aligned with.
NEIGHBOURS = 5
# A sentence found word for word in this many articles of the story is the site's template
# ("Sign up for alerts on this story") or a stock line, no sign of retelling.
STOCK_ARTICLES = 3

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+|\n+")


@dataclass(frozen=True, slots=True)
class Retold:
    """What the test reads of one article: id, body, publication date as stated, flags."""

    id: str
    body: str
    published: str | None = None  # as the page states it; an inferred date proves nothing
    flags: tuple[str, ...] = ()


def sentences(body: str) -> list[str]:
    """The body's sentences of MIN_WORDS words or more.

    Why a regular expression and not the parse: alignment needs rough units only, and the
    stage reads stored bodies, whose parse is not kept.
    """
    return [s for s in (part.strip() for part in _SENTENCE_END.split(body)) if len(s.split()) >= MIN_WORDS]


def _without_stock(units: list[list[str]]) -> list[list[str]]:
    """Each article's sentences less those STOCK_ARTICLES or more articles share verbatim."""
    keys = [[_key(s) for s in u] for u in units]
    seen = Counter(k for ks in keys for k in set(ks))
    return [[s for s, k in zip(u, ks) if seen[k] < STOCK_ARTICLES] for u, ks in zip(units, keys)]


def _key(sentence: str) -> str:
    return " ".join(sentence.casefold().split())


def alignment(similarity: np.ndarray) -> tuple[float, float, float]:
    """(cover of the rows, share of matched rows in column order, cover of the columns) of a
    row x column sentence similarity matrix."""
    best = similarity.max(axis=1)
    matched = best >= SENTENCE_SIMILARITY
    if not matched.any():
        return 0.0, 0.0, 0.0
    targets = similarity.argmax(axis=1)[matched]
    cover_columns = float((similarity.max(axis=0) >= SENTENCE_SIMILARITY).mean())
    return float(matched.mean()), _increasing_run(targets) / len(targets), cover_columns


def _increasing_run(values: Iterable[int]) -> int:
    """Length of the longest non-decreasing subsequence (patience sorting, n log n)."""
    tails: list[int] = []
    for v in values:
        i = bisect.bisect_right(tails, v)
        if i == len(tails):
            tails.append(v)
        else:
            tails[i] = v
    return len(tails)


def find_rewrites(articles: Sequence[Retold], new: set[str] | None = None) -> list[Duplicate]:
    """Rewrites among one story's articles, each pair once; with ``new``, only pairs with a new one.

    Each record names the rewrite as ``article_id`` and its original as ``other_id``
    (see ``_rewrite_first``); ``similarity`` is the share of the shorter article's sentences
    found in the other, in order.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    units = _without_stock([sentences(a.body) for a in articles])
    usable = [i for i, u in enumerate(units) if len(u) >= MIN_SENTENCES]
    if len(usable) < 2 or (new is not None and not any(articles[i].id in new for i in usable)):
        return []
    try:  # every sentence analysed once; an article's rows are a slice of the one matrix
        vectors = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(
            [s for i in usable for s in units[i]])
    except ValueError:  # only stop words: nothing to compare
        return []
    bounds = np.cumsum([0] + [len(units[i]) for i in usable])
    span = {i: (bounds[k], bounds[k + 1]) for k, i in enumerate(usable)}
    others: dict[int, list[int]] = {}
    for i, j in _candidate_pairs(articles, usable, vectors, bounds, new):
        others.setdefault(i, []).append(j)
    found: list[Duplicate] = []
    for i, js in others.items():  # one product per article with all its candidates' sentences
        columns = np.concatenate([np.arange(*span[j]) for j in js])
        similarity = (vectors[span[i][0]:span[i][1]] @ vectors[columns].T).toarray()
        offset = 0
        for j in js:
            width = span[j][1] - span[j][0]
            record = _compare(articles[i], articles[j], similarity[:, offset:offset + width])
            offset += width
            if record is not None:
                found.append(record)
    return found


def _candidate_pairs(articles: Sequence[Retold], usable: list[int], vectors, bounds: np.ndarray,
                     new: set[str] | None) -> list[tuple[int, int]]:
    """Pairs (i < j) of each (new) article with its NEIGHBOURS most similar texts.

    An article's vector is the normalised sum of its sentences' rows, so the texts are not
    analysed a second time.
    """
    from scipy.sparse import csr_matrix
    from sklearn.preprocessing import normalize

    owner = np.repeat(np.arange(len(usable)), np.diff(bounds))
    membership = csr_matrix((np.ones(len(owner)), (owner, np.arange(len(owner)))), shape=(len(usable), len(owner)))
    docs = normalize(membership @ vectors)
    similar = (docs @ docs.T).toarray()
    np.fill_diagonal(similar, -1.0)
    pairs: set[tuple[int, int]] = set()
    for row, i in enumerate(usable):
        if new is not None and articles[i].id not in new:
            continue
        for col in np.argsort(-similar[row])[:NEIGHBOURS]:
            if similar[row, col] > 0:
                j = usable[col]
                pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def _compare(a: Retold, b: Retold, similarity: np.ndarray) -> Duplicate | None:
    """A rewrite record when the shorter text follows the other, else None (``similarity``:
    a's sentences by b's)."""
    if similarity.shape[0] > similarity.shape[1]:
        a, b, similarity = b, a, similarity.T
    cover, order, cover_longer = alignment(similarity)
    if cover < MIN_COVER or order < MIN_ORDER or cover_longer < MIN_COVER_LONGER:
        return None
    copy, original = _rewrite_first(a, b)
    earliest = original.id if copy.published and original.published and original.published[:10] < copy.published[:10] else None
    return Duplicate(copy.id, original.id, "rewrite", round(cover, 3), earliest=earliest)


def _rewrite_first(a: Retold, b: Retold) -> tuple[Retold, Retold]:
    """(rewrite, original): the later, else the undated, else the machine-translated one.

    Why this order: a page that states no date and reads as translated is the content farm's
    copy far more often than the source; with nothing to tell them apart the longer text,
    ``b``, is taken as the original (a rewrite drops more than it adds).
    """
    if a.published and b.published and a.published[:10] != b.published[:10]:
        return (a, b) if a.published[:10] > b.published[:10] else (b, a)
    if bool(a.published) != bool(b.published):
        return (a, b) if not a.published else (b, a)
    translated_a, translated_b = "machine_translated" in a.flags, "machine_translated" in b.flags
    if translated_a != translated_b:
        return (a, b) if translated_a else (b, a)
    return a, b
