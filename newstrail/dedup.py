"""Exact duplicates, near-duplicates (MinHash LSH) and syndicated copies (shared paragraphs).

Three levels, because scraped news repeats itself in three ways:
- **exact**: the same body after normalising case and spacing (a hash lookup);
- **near**: the same article with small edits (a changed headline, a added boilerplate
  line, a dropped paragraph), found with MinHash signatures in LSH band tables (the
  banding of datasketch's ``MinHashLSH``, kept compact: see ``_Postings``) and confirmed
  by the Jaccard similarity of word 5-gram shingles (estimated from the signatures, and
  computed exactly near the threshold when the earlier text is at hand);
- **syndicated**: another outlet's article that copies whole paragraphs of this one
  (wire copy re-edited around them), found by hashing normalised paragraphs.

Speed: hashing dominates. Each document's shingles are hashed once to 32-bit integers
with numpy (a polynomial hash over word hashes), and all permutations are applied in one
vectorised step, with the same affine permutations datasketch uses for its ``affine32``
scheme, so the signatures are exactly the ones ``datasketch.MinHash`` would give for the
same shingle hashes.

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
from datasketch import MinHash

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
_POWERS: tuple[np.ndarray, np.ndarray] = (np.ones(1, dtype=np.uint64), np.ones(1, dtype=np.uint64))


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """P**i and P**-i modulo 2**64 for i < n (cached, grown on demand).

    Threads share the cache (a Dask worker's threads hash partitions at once): both tables
    are replaced together in one assignment and read once, so no caller pairs a grown table
    with the other's old, shorter one.
    """
    global _POWERS
    powers = _POWERS
    if len(powers[0]) < n:
        size = max(n, 2 * len(powers[0]), 4096)
        grown = []
        for base in (_P, _P_INV):
            out = np.full(size, base, dtype=np.uint64)
            out[0] = 1
            grown.append(np.cumprod(out, dtype=np.uint64))  # wraps modulo 2**64, as wanted
        powers = _POWERS = (grown[0], grown[1])
    return powers[0][:n], powers[1][:n]


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
    published: str | None  # as the page states it (``Article.known_published``), never inferred
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
        self._bands = _Postings()  # LSH: one key per band of a signature (see _band_keys)
        self._entries: list[_Entry] = []
        self._position: dict[str, int] = {}
        self._sigs: list[np.ndarray] = []
        self._exact: dict[str, int] = {}
        self._paras = _Postings(cap=MAX_PARAGRAPH_ARTICLES + 1)  # paragraph digest -> articles
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
        entry = _Entry(article.id, article.known_published, article.outlet, 0)
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
        sigma = math.sqrt(self.threshold * (1 - self.threshold) / self.num_perm)
        high = self.threshold + VERIFY_SIGMAS * sigma
        low = self.threshold - VERIFY_SIGMAS * sigma
        out = []
        for pos in self._lsh_candidates(sig):
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
            holders = self._paras.get(_digest_key(key))
            if len(holders) > MAX_PARAGRAPH_ARTICLES:
                continue
            for pos in holders:
                shared[pos] = shared.get(pos, 0) + 1
        out = []
        for pos, count in sorted(shared.items()):  # in index order, as on Dask
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

    def _lsh_candidates(self, sig: np.ndarray) -> list[int]:
        """Earlier articles sharing a whole band with the signature (MinHashLSH's ``query``).

        In index order, the order the Dask stage (``dask_corpus``) gives too: a set's own order
        depends on its size, so stores built locally and on a cluster listed the same
        duplicates in different orders. A band key is a 64-bit hash: a bucket's members are
        checked against the band's values, so a hash collision adds nothing.
        """
        rows = self.params.rows
        candidates: set[int] = set()
        for band, bucket in enumerate(self._bands.get_many(_band_keys(sig, self.params))):
            if not bucket:
                continue
            lo, hi = band * rows, (band + 1) * rows
            values = sig[lo:hi].tolist()
            for pos in set(bucket):
                if self._sigs[pos][lo:hi].tolist() == values:
                    candidates.add(pos)
        return sorted(candidates)

    def _remember(self, entry: _Entry, sig: np.ndarray, exact_key: str, para_keys: list[str]) -> None:
        pos = len(self._entries)
        self._entries.append(entry)
        self._position[entry.id] = pos
        self._sigs.append(sig)
        for key in _band_keys(sig, self.params).tolist():
            self._bands.add(key, pos)
        self._exact.setdefault(exact_key, pos)
        for key in para_keys:  # beyond MAX_PARAGRAPH_ARTICLES + 1 holders a paragraph is ignored anyway
            self._paras.add(_digest_key(key), pos)

    # ------------------------------------------------------------------ persistence
    def to_bytes(self) -> bytes:
        """Entries, hashes and signatures; the LSH tables are rebuilt on load (no pickle).

        Version 2 writes the paragraph postings as two arrays (digest, article), not as JSON
        (which at 100,000 articles built 1.5 million strings and lists on the way out).
        """
        para_keys, para_pos = self._paras.arrays()
        state = {
            "v": 2,
            "params": [self.threshold, self.num_perm, self.seed],
            "entries": [[e.id, e.published, e.outlet, e.paragraphs] for e in self._entries],
            "exact": self._exact,
            "paras": len(para_keys),
        }
        head = json.dumps(state, separators=(",", ":")).encode("utf-8")
        sigs = np.stack(self._sigs).astype("<u4").tobytes() if self._sigs else b""
        parts = (len(head).to_bytes(8, "little"), head, sigs, para_keys.astype("<u8").tobytes(), para_pos.astype("<i4").tobytes())
        packer = zlib.compressobj(6)
        return b"".join([*(packer.compress(part) for part in parts), packer.flush()])

    @classmethod
    def from_bytes(cls, data: bytes) -> DuplicateIndex:
        body = zlib.decompress(data)
        n = int.from_bytes(body[:8], "little")
        state = json.loads(body[8 : 8 + n])
        if state.get("v") not in (1, 2):
            raise ValueError(f"duplicate index state version {state.get('v')!r} is not readable by this newstrail")
        index = cls(*state["params"])
        count = len(state["entries"])
        end = 8 + n + count * index.num_perm * 4
        sigs = np.frombuffer(body[8 + n : end], dtype="<u4").reshape(-1, index.num_perm).astype(np.uint32)
        index._exact = dict(state["exact"])
        if state["v"] == 1:  # paragraphs as JSON: digest -> articles
            paras = state["paras"]
            keys = np.array([_digest_key(k) for k, v in paras.items() for _ in v], dtype=np.uint64)
            pos = np.array([p for v in paras.values() for p in v], dtype=np.int32)
            order = np.lexsort((pos, keys))
            index._paras.load(keys[order], pos[order])
        else:
            m = state["paras"]
            index._paras.load(np.frombuffer(body[end : end + 8 * m], dtype="<u8").astype(np.uint64),
                              np.frombuffer(body[end + 8 * m : end + 12 * m], dtype="<i4").astype(np.int32))
        for pos, (row, e) in enumerate(zip(sigs, state["entries"])):
            entry = _Entry(e[0], e[1], e[2], e[3])
            index._entries.append(entry)
            index._position[entry.id] = pos
            index._sigs.append(row.copy())
        if count:
            keys = _band_keys(sigs, index.params)  # articles × bands
            pos = np.repeat(np.arange(count, dtype=np.int32), index.params.bands)
            order = np.lexsort((pos, keys.ravel()))
            index._bands.load(keys.ravel()[order], pos[order])
        return index


def _digest_key(digest: str) -> int:
    """A paragraph digest (16 hex digits) as the 64-bit integer it spells."""
    return int(digest, 16)


def _band_keys(sig: np.ndarray, params: LshParams) -> np.ndarray:
    """One 64-bit key per LSH band of a signature (or of each row of signatures): its band
    number and values, mixed.

    Two signatures that agree on a band get the same key; different bands or values
    collide with probability 2**-64, and ``DuplicateIndex._lsh_candidates`` checks the
    values anyway.
    """
    values = sig[..., : params.bands * params.rows].astype(np.uint64)
    values = values.reshape(*sig.shape[:-1], params.bands, params.rows)
    keys = (np.arange(1, params.bands + 1, dtype=np.uint64) * _MULT) ^ np.uint64(params.rows)
    for j in range(params.rows):
        keys = (keys ^ values[..., j]) * _MULT
        keys ^= keys >> np.uint64(29)
    return keys


class _Postings:
    """64-bit key -> positions in insertion order (at most ``cap`` per key), compact.

    Why not dicts of lists or sets (as ``MinHashLSH`` keeps its band tables): with 21 bands
    and about 15 paragraphs per article they took 11 KB per article, 1.1 GB at 100,000
    articles. Here a posting is 12 bytes in two sorted numpy arrays; new ones go to a dict
    first and are merged in (one sort) when it holds an eighth of the arrays, so adding n
    postings costs O(n log n) and the dict stays small.
    """

    MERGE_MIN = 65_536

    def __init__(self, cap: int | None = None) -> None:
        self.cap = cap
        self._keys = np.zeros(0, dtype=np.uint64)
        self._pos = np.zeros(0, dtype=np.int32)
        self._fresh: dict[int, list[int]] = {}
        self._fresh_n = 0

    def get(self, key: int) -> list[int]:
        return self.get_many(np.array([key], dtype=np.uint64))[0]

    def get_many(self, keys: np.ndarray) -> list[list[int]]:
        """Each key's positions, oldest first."""
        lo = np.searchsorted(self._keys, keys, side="left").tolist()
        hi = np.searchsorted(self._keys, keys, side="right").tolist()
        fresh = self._fresh
        out = []
        for key, a, b in zip(keys.tolist(), lo, hi):
            found = self._pos[a:b].tolist() if b > a else []
            more = fresh.get(key)
            out.append(found + more if more else found)
        return out

    def add(self, key: int, pos: int) -> None:
        """Add a position after the key's others (dropped when the key already has ``cap``)."""
        if self.cap is not None and len(self.get(key)) >= self.cap:
            return
        self._fresh.setdefault(key, []).append(pos)
        self._fresh_n += 1
        if self._fresh_n >= max(self.MERGE_MIN, len(self._keys) // 8):
            self._merge()

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """Every (key, position), sorted by key then position (what ``load`` takes back)."""
        self._merge()
        return self._keys, self._pos

    def load(self, keys: np.ndarray, pos: np.ndarray) -> None:
        """Take postings sorted by key then position (``arrays``), replacing these."""
        self._keys, self._pos = keys, pos
        self._fresh, self._fresh_n = {}, 0

    def _merge(self) -> None:
        if not self._fresh:
            return
        n = self._fresh_n
        new_keys = np.fromiter((k for k, ps in self._fresh.items() for _ in ps), dtype=np.uint64, count=n)
        new_pos = np.fromiter((p for ps in self._fresh.values() for p in ps), dtype=np.int32, count=n)
        keys = np.concatenate([self._keys, new_keys])
        pos = np.concatenate([self._pos, new_pos])
        order = np.lexsort((pos, keys))  # by key, then position: insertion order within a key
        self._keys, self._pos = keys[order], pos[order]
        self._fresh, self._fresh_n = {}, 0


def _earliest(a: _Entry, b: _Entry) -> str | None:
    """Id of the article published first, when both dates are known and differ."""
    if not a.published or not b.published or a.published[:10] == b.published[:10]:
        return None
    return a.id if a.published[:10] < b.published[:10] else b.id
