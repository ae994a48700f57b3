"""Exact duplicates, near-duplicates (MinHash LSH) and syndicated copies (shared paragraphs).

Three levels, because scraped news repeats itself in three ways:
- **exact**: the same body after normalising case and spacing (a hash lookup);
- **near**: the same article with small edits (a changed headline, a added boilerplate
  line, a dropped paragraph), found with MinHash signatures in a datasketch ``MinHashLSH``
  index and confirmed by the Jaccard similarity of word 5-gram shingles (estimated from
  the signatures, and computed exactly near the threshold when the earlier text is at hand);
- **syndicated**: another outlet's article that copies whole paragraphs of this one
  (wire copy re-edited around them), found by hashing normalised paragraphs.

Speed: hashing dominates. Each document's shingles are hashed once to 32-bit integers
with numpy (a polynomial hash over word hashes), and all permutations are applied in one
vectorised step, with the same affine permutations datasketch uses for its ``affine32``
scheme, so the signatures are exactly the ones ``datasketch.MinHash`` would give for the
same shingle hashes and go straight into ``LeanMinHash``/``MinHashLSH``.

The :class:`DuplicateIndex` is incremental: ``add`` hashes only the new article, and
``to_bytes``/``from_bytes`` persist the signatures (not pickles) so that the next run
rebuilds the LSH tables without rehashing old articles.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import zlib
from dataclasses import dataclass
from typing import Sequence

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from .model import Article, Duplicate, normalise_for_id

__all__ = [
    "DuplicateIndex",
    "LshParams",
    "choose_bands",
    "candidate_probability",
    "shingle_hashes",
    "signature",
    "signatures",
    "jaccard",
    "paragraphs",
]

# Word 5-grams: long enough that unrelated news texts share almost none (common 3-grams
# like "said on monday" would inflate similarity), short enough that one edited word only
# breaks five shingles.
SHINGLE_WORDS = 5
# 128 permutations: the estimate's standard error at J=0.8 is sqrt(.8*.2/128) = 0.035.
NUM_PERM = 128
SEED = 1
# Texts kept for exact checks (see DuplicateIndex.__init__): about 60 MB of news bodies.
HELD_TEXTS = 10_000
# Near-duplicate threshold on Jaccard similarity of shingle sets.
NEAR_THRESHOLD = 0.8
# Target: probability that a pair at the threshold becomes an LSH candidate.
TARGET_RECALL = 0.99
# Confirming candidates. With 128 permutations the estimated Jaccard has a standard error
# sigma of 0.035 at J = 0.8, so a pair just above the threshold is often estimated below it
# (accepting at the estimate alone, bench/neardup.py: recall 0.90 at J >= 0.8; down to 1
# sigma below, 0.98 with precision 0.70). So candidates are decided in three bands:
# - estimate at least VERIFY_SIGMAS sigma above the threshold: accepted;
# - more than VERIFY_SIGMAS sigma below it: rejected (a pair at J = 0.8 falls there with
#   probability 0.13 %);
# - in between: the exact Jaccard of the two shingle sets decides when the earlier text is
#   at hand (articles added in this process: a build's own articles), else the estimate
#   must reach CONFIRM_SIGMAS sigma below the threshold: 2.33 is the one-sided 99 % bound,
#   so a pair at the threshold is kept with probability 0.99 (recall first; on the bench
#   its precision is about 0.5, the price of 128 permutations).
VERIFY_SIGMAS = 3.0
CONFIRM_SIGMAS = 2.33
# Paragraphs shorter than this carry no evidence of copying ("Leave a reply", captions).
MIN_PARAGRAPH_WORDS = 12
# A paragraph found in more than this many articles is a site template or a stock phrase,
# not syndication.
MAX_PARAGRAPH_ARTICLES = 20
# Syndicated: at least this many shared paragraphs (or all of the shorter article's).
MIN_SHARED_PARAGRAPHS = 2

_WORD = re.compile(r"\w+", re.UNICODE)
_PARA_SPLIT = re.compile(r"\n\s*\n|\n")
_MASK32 = np.uint64(0xFFFFFFFF)
_MULT = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant (golden ratio) for combining


@dataclass(frozen=True, slots=True)
class LshParams:
    """Bands ``b`` and rows ``r`` of an LSH index (b * r <= num_perm)."""

    bands: int
    rows: int


def candidate_probability(s: float, params: LshParams) -> float:
    """P(pair with Jaccard ``s`` shares at least one band) = 1 - (1 - s^r)^b."""
    return 1.0 - (1.0 - s**params.rows) ** params.bands


def choose_bands(threshold: float, num_perm: int = NUM_PERM, recall: float = TARGET_RECALL) -> LshParams:
    """The (b, r) with the most rows (fewest false candidates) that keeps recall at threshold.

    Why not datasketch's own optimiser: it weighs false positives and negatives by
    integrals over the whole range; we want a hard recall floor at the threshold.
    """
    best = LshParams(num_perm, 1)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        params = LshParams(bands, rows)
        if candidate_probability(threshold, params) >= recall:
            best = params
    return best


# Unicode punctuation and spaces that would otherwise be taken for word bytes below.
_PUNCT = re.compile("[\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0\u00ab\u00bb\u2022\u00b7]")
_WORD_BYTE = np.zeros(256, dtype=bool)
_WORD_BYTE[[*range(48, 58), *range(97, 123), *range(128, 256)]] = True  # digits, a-z, UTF-8
_P = np.uint64(0x100000001B3)  # FNV-1a 64 prime (odd, so it has an inverse modulo 2**64)
_P_INV = np.uint64(pow(int(_P), -1, 1 << 64))
_POWERS: list[np.ndarray] = [np.ones(1, dtype=np.uint64)] * 2


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """P**i and P**-i modulo 2**64 for i < n (cached, grown on demand)."""
    if len(_POWERS[0]) < n:
        size = max(n, 2 * len(_POWERS[0]), 4096)
        for k, base in enumerate((_P, _P_INV)):
            out = np.full(size, base, dtype=np.uint64)
            out[0] = 1
            _POWERS[k] = np.cumprod(out, dtype=np.uint64)  # wraps modulo 2**64, as wanted
    return _POWERS[0][:n], _POWERS[1][:n]


def _word_hashes(text: str) -> np.ndarray:
    """64-bit hash of each word of the case-folded text, without a Python loop over words.

    Why: a loop hashing word by word costs as much as all the MinHash permutations. Here
    a word's hash is sum(byte_i * P**i) over its bytes, shifted to start at P**0 by
    multiplying with P**-start (P is odd, so invertible modulo 2**64): one ``reduceat``.
    Words are runs of ASCII letters, digits and non-ASCII (UTF-8) bytes.
    """
    return _hash_words(_bytes_of(text))[0]


def _bytes_of(text: str) -> np.ndarray:
    """The case-folded text as UTF-8 bytes, padded with a space on both sides."""
    text = text.casefold()
    if not text.isascii():
        text = _PUNCT.sub(" ", text)
    return np.frombuffer((" " + text + " ").encode("utf-8"), dtype=np.uint8)


def _hash_words(data: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(hash of each word, byte offset where it starts) of padded bytes (see ``_word_hashes``)."""
    is_word = _WORD_BYTE[data]
    starts = np.flatnonzero(is_word[1:] & ~is_word[:-1]) + 1
    if len(starts) == 0:
        return np.zeros(0, dtype=np.uint64), starts
    ends = np.flatnonzero(is_word[:-1] & ~is_word[1:]) + 1
    power, inverse = _powers(len(data))
    with np.errstate(over="ignore"):
        weighted = np.where(is_word, data.astype(np.uint64) * power, np.uint64(0))
        sums = np.add.reduceat(weighted, starts)
        h = sums * inverse[starts] + (ends - starts).astype(np.uint64)
        h ^= h >> np.uint64(31)
        h *= _MULT
        h ^= h >> np.uint64(29)
    return h, starts


def shingle_hashes(text: str, k: int = SHINGLE_WORDS) -> np.ndarray:
    """Distinct 32-bit hashes of the text's word k-grams (the whole text if shorter)."""
    words = _word_hashes(text)
    if len(words) == 0:
        return np.zeros(0, dtype=np.uint32)
    return _distinct(_combine(words, k))


def _distinct(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values (``np.unique`` without its hash pass, faster on these sizes)."""
    values = np.sort(values)
    if len(values) > 1:
        values = values[np.concatenate(([True], values[1:] != values[:-1]))]
    return values


def _combine(words: np.ndarray, k: int) -> np.ndarray:
    """32-bit hash of each run of k consecutive word hashes (one run if fewer words)."""
    n = max(len(words) - k + 1, 1)
    acc = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(min(k, len(words))):
            acc = acc * _MULT + words[j : j + n]
        acc ^= acc >> np.uint64(29)
        acc *= _MULT
        acc ^= acc >> np.uint64(32)
    return (acc & _MASK32).astype(np.uint32)


def _batch_shingles(texts: Sequence[str], k: int = SHINGLE_WORDS) -> list[np.ndarray]:
    """``shingle_hashes`` of many texts at once (same values), in a few numpy calls.

    Why: per text, numpy's fixed cost per call (a few microseconds, about twenty calls)
    weighs as much as the work on a 300-word article. The texts are joined with NUL bytes
    (no word byte, so no word spans two texts), hashed as one, and shingles that would
    span two texts are dropped. Texts with fewer than ``k`` words take the one-text path.
    """
    clean = [t.replace("\x00", " ") for t in texts]
    data = _bytes_of("\x00".join(clean))
    words, starts = _hash_words(data)
    seps = np.flatnonzero(data == 0)
    doc = np.searchsorted(seps, starts)  # text of each word
    counts = np.bincount(doc, minlength=len(texts))
    if len(words) < k:
        return [shingle_hashes(t, k) for t in texts]
    grams = _combine(words, k)
    keep = doc[: len(grams)] == doc[k - 1 :]
    key = (doc[: len(grams)][keep].astype(np.uint64) << np.uint64(32)) | grams[keep].astype(np.uint64)
    key = _distinct(key)
    owner = (key >> np.uint64(32)).astype(np.int64)
    values = (key & _MASK32).astype(np.uint32)
    bounds = np.searchsorted(owner, np.arange(len(texts) + 1))
    return [
        values[bounds[i] : bounds[i + 1]] if counts[i] >= k else shingle_hashes(texts[i], k)
        for i in range(len(texts))
    ]


_PERMS: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = {}


def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations (a, b), taken from a MinHash once and cached."""
    key = (num_perm, seed)
    if key not in _PERMS:
        a, b = MinHash(num_perm=num_perm, seed=seed).permutations
        _PERMS[key] = (a.astype(np.uint32), b.astype(np.uint32))
    return _PERMS[key]


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser, which datasketch applies before its permutations."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def signature(hashes: np.ndarray, num_perm: int = NUM_PERM, seed: int = SEED) -> np.ndarray:
    """MinHash signature (uint32, one value per permutation) of one set of 32-bit hashes.

    Equal to ``MinHash(num_perm, seed, hashfunc=int)`` updated with the same values.
    """
    a, b = _permutations(num_perm, seed)
    if len(hashes) == 0:
        return np.full(num_perm, 0xFFFFFFFF, dtype=np.uint32)
    with np.errstate(over="ignore"):
        permuted = np.multiply.outer(_fmix32(hashes.astype(np.uint32)), a)
        permuted += b
        return permuted.min(axis=0)


def signatures(texts: Sequence[str], num_perm: int = NUM_PERM, seed: int = SEED, chunk: int = 16) -> np.ndarray:
    """Signatures of many texts, one row each: batch hashing (same values as ``signature``).

    Texts are hashed ``chunk`` at a time (``_batch_shingles``), and all their shingles are
    permuted in one array whose per-text minima are taken with one ``minimum.reduceat``;
    ``chunk`` bounds that array (16 articles of 400 words: about 3 MB, cache-sized; larger
    chunks were slower on bench/neardup.py).
    """
    out = np.full((len(texts), num_perm), 0xFFFFFFFF, dtype=np.uint32)
    a, b = _permutations(num_perm, seed)
    for lo in range(0, len(texts), chunk):
        sets = _batch_shingles(texts[lo : lo + chunk])
        sizes = np.array([len(x) for x in sets])
        rows = np.flatnonzero(sizes) + lo
        if len(rows) == 0:
            continue
        hashes = np.concatenate(sets)
        offsets = np.concatenate(([0], np.cumsum(sizes)[:-1]))[sizes > 0]
        with np.errstate(over="ignore"):
            permuted = np.multiply.outer(_fmix32(hashes), a)
            permuted += b
        # per text, a slice's min over rows; ``minimum.reduceat`` along rows was 3x slower
        ends = np.append(offsets[1:], len(hashes))
        for row, lo_, hi in zip(rows.tolist(), offsets.tolist(), ends.tolist()):
            out[row] = permuted[lo_:hi].min(axis=0)
    return out


def jaccard(a: str, b: str, k: int = SHINGLE_WORDS) -> float:
    """Exact Jaccard similarity of two texts' shingle sets."""
    return _set_jaccard(shingle_hashes(a, k), shingle_hashes(b, k))


def _set_jaccard(x: np.ndarray, y: np.ndarray) -> float:
    """Jaccard similarity of two sets of distinct hashes."""
    inter = len(np.intersect1d(x, y, assume_unique=True))
    union = len(x) + len(y) - inter
    return inter / union if union else 1.0


def paragraphs(text: str) -> list[str]:
    """Normalised paragraphs long enough to be evidence of copying."""
    out = []
    for para in _PARA_SPLIT.split(text):
        norm = " ".join(_WORD.findall(para.casefold()))
        if norm.count(" ") + 1 >= MIN_PARAGRAPH_WORDS:
            out.append(norm)
    return out


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


@dataclass(slots=True)
class _Entry:
    """What the index remembers of one article."""

    id: str
    published: str | None
    outlet: str | None
    paragraphs: int


class DuplicateIndex:
    """Incremental exact / near-duplicate / syndication index over articles.

    ``add(article)`` returns the duplicates the article has among those added before, and
    remembers it. ``to_bytes()``/``from_bytes()`` persist signatures and paragraph hashes.
    """

    def __init__(
        self, threshold: float = NEAR_THRESHOLD, num_perm: int = NUM_PERM, seed: int = SEED, *, verify: bool = True
    ) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.seed = seed
        self.params = choose_bands(threshold, num_perm)
        self._lsh = MinHashLSH(num_perm=num_perm, params=(self.params.bands, self.params.rows))
        self._entries: list[_Entry] = []
        self._position: dict[str, int] = {}
        self._sigs: list[np.ndarray] = []
        self._exact: dict[str, int] = {}
        self._paras: dict[str, list[int]] = {}
        # Texts of the articles added lately in this process, for exact checks near the
        # threshold (at most HELD_TEXTS, the latest: copies arrive close together, and a
        # corpus's texts would not fit in memory); never persisted.
        self.verify = verify
        self._texts: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._position

    def add(self, article: Article) -> list[Duplicate]:
        """Find the article's duplicates among earlier ones, then index it."""
        if article.id in self._position:
            return []
        text = article.body or article.text
        entry = _Entry(article.id, article.published, article.outlet, 0)
        found: dict[str, Duplicate] = {}
        exact_key = _digest(normalise_for_id(text))
        if exact_key in self._exact:
            other = self._entries[self._exact[exact_key]]
            found[other.id] = self._record(entry, other, "exact", 1.0)
        shingles = shingle_hashes(text)
        sig = signature(shingles, self.num_perm, self.seed)
        for dup in self._near(entry, sig, shingles):
            found.setdefault(dup.other_id, dup)
        para_keys = [_digest(p) for p in dict.fromkeys(paragraphs(text))]
        entry.paragraphs = len(para_keys)
        for dup in self._syndicated(entry, para_keys):
            found.setdefault(dup.other_id, dup)
        self._remember(entry, sig, exact_key, para_keys)
        if self.verify:
            self._texts[len(self._entries) - 1] = text
            if len(self._texts) > HELD_TEXTS:
                del self._texts[next(iter(self._texts))]  # the oldest: dicts keep insertion order
        return list(found.values())

    def _near(self, entry: _Entry, sig: np.ndarray, shingles: np.ndarray) -> list[Duplicate]:
        """Candidates from the LSH bands, confirmed as the comment on VERIFY_SIGMAS says."""
        lean = self._lean(sig)
        sigma = math.sqrt(self.threshold * (1 - self.threshold) / self.num_perm)
        high = self.threshold + VERIFY_SIGMAS * sigma
        low = self.threshold - VERIFY_SIGMAS * sigma
        out = []
        for pos in self._lsh.query(lean):
            similarity = float(np.mean(self._sigs[pos] == sig))
            if similarity < low:
                continue
            if similarity < high:
                other = self._texts.get(pos)
                if other is not None:
                    similarity = _set_jaccard(shingles, shingle_hashes(other))
                    if similarity < self.threshold:
                        continue
                elif similarity < self.threshold - CONFIRM_SIGMAS * sigma:
                    continue
            out.append(self._record(entry, self._entries[pos], "near", similarity))
        return out

    def _syndicated(self, entry: _Entry, para_keys: list[str]) -> list[Duplicate]:
        shared: dict[int, int] = {}
        for key in para_keys:
            holders = self._paras.get(key, ())
            if len(holders) > MAX_PARAGRAPH_ARTICLES:
                continue
            for pos in holders:
                shared[pos] = shared.get(pos, 0) + 1
        out = []
        for pos, count in shared.items():
            other = self._entries[pos]
            if entry.outlet and other.outlet and entry.outlet == other.outlet:
                continue  # one outlet repeating itself is not syndication
            needed = min(MIN_SHARED_PARAGRAPHS, entry.paragraphs, other.paragraphs)
            if count >= max(needed, 1):
                similarity = count / max(min(entry.paragraphs, other.paragraphs), 1)
                out.append(self._record(entry, other, "syndicated", similarity, shared=count))
        return out

    def _record(self, entry: _Entry, other: _Entry, kind: str, similarity: float, shared: int = 0) -> Duplicate:
        return Duplicate(
            article_id=entry.id,
            other_id=other.id,
            kind=kind,
            similarity=round(similarity, 4),
            earliest=_earliest(entry, other),
            shared=shared,
        )

    def _lean(self, sig: np.ndarray) -> LeanMinHash:
        return LeanMinHash(seed=self.seed, hashvalues=sig, scheme="affine32")

    def _remember(self, entry: _Entry, sig: np.ndarray, exact_key: str, para_keys: list[str]) -> None:
        pos = len(self._entries)
        self._entries.append(entry)
        self._position[entry.id] = pos
        self._sigs.append(sig)
        self._lsh.insert(pos, self._lean(sig), check_duplication=False)
        self._exact.setdefault(exact_key, pos)
        for key in para_keys:
            holders = self._paras.setdefault(key, [])
            if len(holders) <= MAX_PARAGRAPH_ARTICLES:  # beyond that it is ignored anyway
                holders.append(pos)

    # ------------------------------------------------------------------ persistence
    def to_bytes(self) -> bytes:
        """Entries, hashes and signatures; the LSH tables are rebuilt on load (no pickle)."""
        state = {
            "v": 1,
            "params": [self.threshold, self.num_perm, self.seed],
            "entries": [[e.id, e.published, e.outlet, e.paragraphs] for e in self._entries],
            "exact": self._exact,
            "paras": self._paras,
        }
        head = json.dumps(state, separators=(",", ":")).encode("utf-8")
        sigs = np.stack(self._sigs).astype("<u4").tobytes() if self._sigs else b""
        return zlib.compress(len(head).to_bytes(8, "little") + head + sigs, 6)

    @classmethod
    def from_bytes(cls, data: bytes) -> DuplicateIndex:
        body = zlib.decompress(data)
        n = int.from_bytes(body[:8], "little")
        state = json.loads(body[8 : 8 + n])
        index = cls(*state["params"])
        sigs = np.frombuffer(body[8 + n :], dtype="<u4").reshape(-1, index.num_perm).astype(np.uint32)
        index._exact = dict(state["exact"])
        index._paras = {k: list(v) for k, v in state["paras"].items()}
        with index._lsh.insertion_session() as session:
            for pos, (row, e) in enumerate(zip(sigs, state["entries"])):
                entry = _Entry(e[0], e[1], e[2], e[3])
                index._entries.append(entry)
                index._position[entry.id] = pos
                index._sigs.append(row.copy())
                session.insert(pos, index._lean(row), check_duplication=False)
        return index


def _earliest(a: _Entry, b: _Entry) -> str | None:
    """Id of the article published first, when both dates are known and differ."""
    if not a.published or not b.published or a.published[:10] == b.published[:10]:
        return None
    return a.id if a.published[:10] < b.published[:10] else b.id
