"""The duplicates stage as Dask shuffles: exact, near and syndicated copies found on a cluster.

The local stage (``DuplicateIndex.add``, article after article in store order) asks three
lookups of every new article: its normalised text's digest, its MinHash LSH band keys and its
paragraph digests. Each is a join on a key, so on Dask it becomes one shuffle:

1. **features** (per partition, on the workers): signature (``dedup.signatures``), exact
   digest and paragraph digests of each new article, numbered by ``pos`` (its place in the
   index: the earlier index's articles first, then the new ones in store order).
2. **key rows**: one row per (key, article): the exact digest, each paragraph digest, and each
   LSH band (the band's number and its ``rows`` signature values, kept whole, so bands match
   exactly, as in the index's band tables). One Dask shuffle on the key's 64-bit hash brings equal keys
   to one partition, where sorting them by ``pos`` gives each new article its earlier
   holders: the first for exact, all for bands, all when at most
   ``MAX_PARAGRAPH_ARTICLES`` came before for paragraphs (what the index's capped lists do).
3. **candidate pairs** (later ``a``, earlier ``b``) are partitioned by ``b`` (``set_index``
   on the entries' divisions) to take ``b``'s signature, outlet and paragraph count, then by
   ``a`` to take ``a``'s and be confirmed with the index's own rules (``dedup``'s thresholds;
   the exact Jaccard near the threshold when ``b``'s text would still be held by a local
   run), and exact > near > syndicated decides between records of one pair.

The entries (features and texts of the new articles, signatures of the earlier index's) stay
on the workers; the client holds one partition at a time when it sends articles and when it
reads back the duplicates or the features for the index state.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

import numpy as np
import pandas as pd

from . import dedup
from .dedup import (
    CONFIRM_SIGMAS,
    MAX_PARAGRAPH_ARTICLES,
    MIN_SHARED_PARAGRAPHS,
    VERIFY_SIGMAS,
    DuplicateIndex,
    _digest,
    _earliest,
    _Entry,
    _set_jaccard,
    paragraphs,
    shingle_hashes,
    signatures,
)
from .model import Article, Duplicate, normalise_for_id

__all__ = ["DaskDuplicates", "articles_frame", "find_duplicates"]

# Articles per partition when the client sends articles (or the earlier index) to the cluster:
# about 3 MB of text, 2 s of hashing: a task's overhead is small, and 10,000 articles make
# ten tasks, which two or four workers share evenly.
PARTITION_ARTICLES = 1_000

# Record kinds in the order the local index prefers them for one pair (``found.setdefault``).
EXACT, NEAR, SYNDICATED = 0, 1, 2
KIND_NAMES = ("exact", "near", "syndicated")
# Key kinds in the key-row shuffle; band ``i`` is ``KEY_BAND + i``.
KEY_EXACT, KEY_PARA, KEY_BAND = 0, 1, 2
_MIX = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True)
class Settings:
    """The index's parameters, sent with every task (small and picklable)."""

    threshold: float
    num_perm: int
    seed: int
    bands: int
    rows: int
    prior: int  # articles in the earlier index: positions below this are not new
    held: int  # a local run holds this many latest texts for exact Jaccard checks
    verify: bool

    @property
    def sigma(self) -> float:
        return math.sqrt(self.threshold * (1 - self.threshold) / self.num_perm)


def _settings(index: DuplicateIndex | None) -> Settings:
    index = index if index is not None else DuplicateIndex()
    params = index.params
    return Settings(index.threshold, index.num_perm, index.seed, params.bands, params.rows,
                    len(index), dedup.HELD_TEXTS, index.verify)


# ------------------------------------------------------------------ frames and their schemas
def _entries(pos: np.ndarray, ids: list, published: list, outlets: list, paras: list[int], sigs: list[bytes],
             texts: list, exact: list[int], para_keys: list) -> pd.DataFrame:
    """One row per article, indexed by ``pos``; object columns stay object (None stays None)."""
    obj = lambda values: pd.Series(values, dtype=object, index=pos)  # noqa: E731
    return pd.DataFrame({
        "id": obj(ids), "published": obj(published), "outlet": obj(outlets),
        "paragraphs": pd.Series(paras, dtype=np.int64, index=pos), "sig": obj(sigs), "text": obj(texts),
        "exact": pd.Series(exact, dtype=np.uint64, index=pos), "para_keys": obj(para_keys),
    }, index=pd.Index(pos, dtype=np.int64, name="pos"))


def _entries_meta() -> pd.DataFrame:
    return _entries(np.zeros(0, dtype=np.int64), [], [], [], [], [], [], [], [])


def _key_meta(rows: int) -> pd.DataFrame:
    cols: dict[str, Any] = {"kind": np.int16, "h": np.uint64, **{f"v{i}": np.uint32 for i in range(rows)}}
    cols["pos"] = np.int64
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in cols.items()})


def _pair_meta() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=np.int64) for c in ("a", "b")} | {
        "kind": pd.Series(dtype=np.int8), "n": pd.Series(dtype=np.int64)})


def _other_meta() -> pd.DataFrame:
    meta = _pair_meta()
    for col in ("id_b", "published_b", "outlet_b", "sig_b", "text_b"):
        meta[col] = pd.Series(dtype=object)
    meta["paragraphs_b"] = pd.Series(dtype=np.int64)
    return meta


def _record_meta() -> pd.DataFrame:
    return pd.DataFrame({
        "a": pd.Series(dtype=np.int64), "b": pd.Series(dtype=np.int64), "kind": pd.Series(dtype=np.int8),
        "article_id": pd.Series(dtype=object), "other_id": pd.Series(dtype=object),
        "similarity": pd.Series(dtype=np.float64), "earliest": pd.Series(dtype=object),
        "shared": pd.Series(dtype=np.int64),
    })


def _opt(value: Any) -> str | None:
    """A text field as the index sees it: empty, None or a pandas missing value are all None."""
    return value if isinstance(value, str) and value else None


# ------------------------------------------------------------------ input
def articles_frame(client: Any, articles: Iterable[Article], size: int = PARTITION_ARTICLES):
    """New articles (in store order) as a Dask DataFrame, sent to the cluster a partition at a time.

    Why scatter: the store is a SQLite file on the client's machine, which a worker elsewhere
    cannot open; the client reads and sends ``size`` articles at a time, so it never holds
    more than one partition. Columns: id, published, outlet, text (the clean body, as the
    local index uses it). Any frame with these columns works as ``find_duplicates`` input
    (which also takes the articles themselves, and then hashes each partition as it arrives).
    """
    import dask
    import dask.dataframe as dd

    parts = [dask.delayed(client.scatter(rows)) for rows in _partitions(articles, size)]
    return dd.from_delayed(parts, meta=_article_rows([]), verify_meta=False)


def _partitions(articles: Iterable[Article], size: int) -> Iterator[pd.DataFrame]:
    """``_article_rows`` of ``size`` articles at a time (one empty frame when there are none)."""
    batch: list[Article] = []
    sent = False
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield _article_rows(batch)
            batch, sent = [], True
    if batch or not sent:
        yield _article_rows(batch)


def _article_rows(batch: list[Article]) -> pd.DataFrame:
    obj = lambda values: pd.Series(values, dtype=object)  # noqa: E731
    return pd.DataFrame({
        "id": obj([a.id for a in batch]), "published": obj([a.known_published for a in batch]),
        "outlet": obj([a.outlet for a in batch]), "text": obj([a.body or a.text for a in batch]),
    })


# ------------------------------------------------------------------ step 1: features
def _features(part: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Signature, exact digest and paragraph digests of each article of a partition (index 0..n-1).

    The same values ``DuplicateIndex.add`` computes: ``signatures`` equals ``signature`` of
    ``shingle_hashes``; digests are ``_digest``'s 16 hex digits, kept as integers.
    """
    texts = [str(t) if isinstance(t, str) else "" for t in part["text"].tolist()]
    sigs = signatures(texts, settings.num_perm, settings.seed).astype("<u4")
    exact = [int(_digest(normalise_for_id(t)), 16) for t in texts]
    keys = [np.array([int(_digest(p), 16) for p in dict.fromkeys(paragraphs(t))], dtype=np.uint64) for t in texts]
    return _entries(
        np.arange(len(texts), dtype=np.int64), [str(x) for x in part["id"].tolist()],
        [_opt(x) for x in part["published"].tolist()], [_opt(x) for x in part["outlet"].tolist()],
        [len(k) for k in keys], [row.tobytes() for row in sigs], texts, exact, keys,
    )


def _place(features: pd.DataFrame, start: int) -> pd.DataFrame:
    """Features numbered from ``start`` (their place in the index)."""
    out = features.copy()
    out.index = pd.Index(features.index.to_numpy() + start, dtype=np.int64, name="pos")
    return out


def _prior_entries(index: DuplicateIndex, lo: int, hi: int) -> pd.DataFrame:
    """Entries ``lo..hi-1`` of the earlier index: no text (a local run would not hold it either)."""
    entries = index._entries[lo:hi]
    n = len(entries)
    return _entries(
        np.arange(lo, hi, dtype=np.int64), [e.id for e in entries], [e.published for e in entries],
        [e.outlet for e in entries], [e.paragraphs for e in entries],
        [np.asarray(s).astype("<u4").tobytes() for s in index._sigs[lo:hi]], [None] * n, [0] * n, [None] * n,
    )


def _prior_key_rows(kind: int, keys: np.ndarray, pos: np.ndarray, rows: int) -> pd.DataFrame:
    """Exact or paragraph keys of the earlier index (digests as 64-bit integers) with their holders."""
    return _key_frame(np.full(len(pos), kind, dtype=np.int16), keys.astype(np.uint64),
                      np.zeros((len(pos), rows), dtype=np.uint32), pos.astype(np.int64))


def _paragraph_postings(index: DuplicateIndex) -> tuple[np.ndarray, np.ndarray]:
    """(digest, holder) of every paragraph posting of the earlier index, as two arrays.

    Why the fallbacks: the index has kept its postings as a dict of hex digest -> holders
    and as a compact ``_Postings`` (``arrays()``, earlier ``items()``); this reads any of them.
    """
    paras = index._paras
    if hasattr(paras, "arrays"):
        keys, pos = paras.arrays()
        return np.asarray(keys, dtype=np.uint64), np.asarray(pos, dtype=np.int64)
    pairs = [(k if isinstance(k, int) else int(k, 16), p) for k, holders in paras.items() for p in holders]
    return np.array([k for k, _ in pairs], dtype=np.uint64), np.array([p for _, p in pairs], dtype=np.int64)


# ------------------------------------------------------------------ step 2: key rows and pairs
def _key_frame(kind: np.ndarray, h: np.ndarray, values: np.ndarray, pos: np.ndarray) -> pd.DataFrame:
    cols: dict[str, np.ndarray] = {"kind": kind.astype(np.int16), "h": h.astype(np.uint64)}
    for i in range(values.shape[1]):
        cols[f"v{i}"] = values[:, i].astype(np.uint32)
    cols["pos"] = pos.astype(np.int64)
    return pd.DataFrame(cols)


def _key_rows(entries: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Band rows of every entry; exact and paragraph rows of the new ones (the earlier index's
    come from its saved dictionaries, see ``_prior_key_rows``)."""
    b, r = settings.bands, settings.rows
    pos = entries.index.to_numpy(dtype=np.int64)
    n = len(pos)
    sigs = np.frombuffer(b"".join(entries["sig"].tolist()), dtype="<u4").reshape(n, settings.num_perm)
    values = sigs[:, : b * r].reshape(n * b, r).astype(np.uint32)
    band = np.tile(np.arange(b, dtype=np.uint64), n)
    h = band * _MIX
    with np.errstate(over="ignore"):
        for i in range(r):
            h = (h ^ values[:, i].astype(np.uint64)) * _MIX
            h ^= h >> np.uint64(29)
    frames = [_key_frame(KEY_BAND + band.astype(np.int16), h, values, np.repeat(pos, b))]
    new = entries[pos >= settings.prior]
    if len(new):
        keys = new["para_keys"].tolist()
        counts = np.array([len(k) for k in keys], dtype=np.int64)
        para_h = np.concatenate(keys).astype(np.uint64) if counts.sum() else np.zeros(0, dtype=np.uint64)
        new_pos = new.index.to_numpy(dtype=np.int64)
        frames.append(_key_frame(np.full(len(new), KEY_EXACT), new["exact"].to_numpy(dtype=np.uint64),
                                 np.zeros((len(new), r), dtype=np.uint32), new_pos))
        frames.append(_key_frame(np.full(len(para_h), KEY_PARA), para_h,
                                 np.zeros((len(para_h), r), dtype=np.uint32), np.repeat(new_pos, counts)))
    return pd.concat(frames, ignore_index=True)


def _key_pairs(rows: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Candidate pairs (later new ``a``, earlier ``b``) from rows of equal keys, counted.

    Rows of one key sorted by ``pos`` are the index's holders in the order it met them: the
    m-th (from 0) has m earlier holders. Exact: the first holder only (``_exact.setdefault``);
    bands: all earlier ones (``MinHashLSH.query``); paragraphs: all earlier ones, unless more
    than ``MAX_PARAGRAPH_ARTICLES`` came before (the index ignores such a paragraph).
    """
    if rows.empty:
        return _pair_meta()
    key_cols = ["kind", "h", *[c for c in rows.columns if c.startswith("v")]]
    cols = [rows[c].to_numpy() for c in [*key_cols, "pos"]]
    order = np.lexsort(cols[::-1])  # lexsort's last key is the primary one
    cols = [c[order] for c in cols]
    kind, pos = cols[0], cols[-1]
    same = np.ones(len(pos) - 1, dtype=bool)
    for c in cols[:-1]:
        same &= c[1:] == c[:-1]
    group_start = np.flatnonzero(np.concatenate(([True], ~same)))
    first = group_start[np.cumsum(np.concatenate(([True], ~same))) - 1]  # first row of each row's group
    m = np.arange(len(pos)) - first
    new = pos >= settings.prior
    exact = (kind == KEY_EXACT) & new & (m >= 1)
    count = np.where(new & (kind != KEY_EXACT), m, 0)
    count[(kind == KEY_PARA) & (m > MAX_PARAGRAPH_ARTICLES)] = 0
    offsets = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
    a = np.concatenate((pos[exact], np.repeat(pos, count)))
    b = np.concatenate((pos[first[exact]], pos[np.repeat(first, count) + offsets]))
    pair_kind = np.concatenate((np.full(exact.sum(), EXACT),
                                np.where(np.repeat(kind, count) == KEY_PARA, SYNDICATED, NEAR)))
    return _count_pairs(pd.DataFrame({"a": a, "b": b, "kind": pair_kind.astype(np.int8)}))


def _count_pairs(pairs: pd.DataFrame) -> pd.DataFrame:
    """One row per (a, b, kind) with ``n``: how many keys it shares (paragraphs for syndicated)."""
    if "n" not in pairs:
        pairs = pairs.assign(n=np.int64(1))
    out = pairs.groupby(["a", "b", "kind"], sort=False, as_index=False)["n"].sum()
    return out.astype({"a": np.int64, "b": np.int64, "kind": np.int8, "n": np.int64})


# ------------------------------------------------------------------ step 3: confirm
def _attach_other(pairs: pd.DataFrame, entries: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Pairs of one ``b`` partition with the earlier article's fields; its text only where a
    local run would still hold it (new, at most ``held`` articles before ``a``) for a near check."""
    pairs = _count_pairs(pairs.reset_index())
    if pairs.empty:
        return _other_meta()
    other = entries.loc[pairs["b"].to_numpy()]
    out = pairs.assign(
        id_b=other["id"].to_numpy(), published_b=other["published"].to_numpy(),
        outlet_b=other["outlet"].to_numpy(), sig_b=other["sig"].to_numpy(),
        paragraphs_b=other["paragraphs"].to_numpy(dtype=np.int64),
    )
    held = ((out["kind"] == NEAR) & (out["b"] >= settings.prior) & (out["a"] - out["b"] <= settings.held)).to_numpy()
    texts = np.full(len(out), None, dtype=object)
    if settings.verify and held.any():
        texts[held] = other["text"].to_numpy()[held]
    out["text_b"] = texts
    return out[list(_other_meta().columns)]


def _judge(pairs: pd.DataFrame, entries: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Confirmed duplicates of one ``a`` partition, as the local index decides them, in order."""
    pairs = pairs.reset_index()
    if pairs.empty:
        return _record_meta()
    rows = []
    for pair in pairs.itertuples(index=False):
        mine = entries.loc[pair.a]
        similarity = _confirm(pair, mine, settings)
        if similarity is None:
            continue
        entry = _Entry(mine["id"], _opt(mine["published"]), _opt(mine["outlet"]), int(mine["paragraphs"]))
        other = _Entry(pair.id_b, _opt(pair.published_b), _opt(pair.outlet_b), int(pair.paragraphs_b))
        shared = int(pair.n) if pair.kind == SYNDICATED else 0
        rows.append((pair.a, pair.b, pair.kind, entry.id, other.id, similarity, _earliest(entry, other), shared))
    out = pd.DataFrame(rows, columns=list(_record_meta().columns))
    out = out.sort_values(["a", "kind", "b"], kind="stable").drop_duplicates(["a", "b"], keep="first")
    return out.astype(_record_meta().dtypes.to_dict())


def _confirm(pair: Any, mine: pd.Series, settings: Settings) -> float | None:
    """The pair's similarity when the index would keep it (its ``_near`` / ``_syndicated`` rules)."""
    if pair.kind == EXACT:
        return 1.0
    if pair.kind == SYNDICATED:
        outlet, other_outlet = _opt(mine["outlet"]), _opt(pair.outlet_b)
        if outlet and other_outlet and outlet == other_outlet:
            return None  # one outlet repeating itself is not syndication
        fewest = min(int(mine["paragraphs"]), int(pair.paragraphs_b))
        needed = min(MIN_SHARED_PARAGRAPHS, fewest)
        return pair.n / max(fewest, 1) if pair.n >= max(needed, 1) else None
    sig_a = np.frombuffer(mine["sig"], dtype="<u4")
    similarity = float(np.mean(sig_a == np.frombuffer(pair.sig_b, dtype="<u4")))
    sigma = settings.sigma
    if similarity < settings.threshold - VERIFY_SIGMAS * sigma:
        return None
    if similarity < settings.threshold + VERIFY_SIGMAS * sigma:
        if isinstance(pair.text_b, str):  # a shuffle may turn None into a missing value
            similarity = _set_jaccard(shingle_hashes(mine["text"]), shingle_hashes(pair.text_b))
            if similarity < settings.threshold:
                return None
        elif similarity < settings.threshold - CONFIRM_SIGMAS * sigma:
            return None
    return similarity


# ------------------------------------------------------------------ driver
class DaskDuplicates:
    """The outcome of ``find_duplicates``: duplicates and index updates, read a partition at a time.

    The records are being computed on the cluster from the start, so the client can update
    the index (``remember_into``) meanwhile; the entries stay persisted until ``release``.
    """

    def __init__(self, client: Any, entries: Any, records: Any, settings: Settings) -> None:
        self.client = client
        self.settings = settings
        self._entries = entries
        self._records = _start(client, records)

    def batches(self) -> Iterator[list[Duplicate]]:
        """The new articles' duplicates, a partition at a time, in store order of ``article_id``
        (per article: exact, then near, then syndicated, each by the other's position)."""
        for part in _read(self._records):
            yield [
                Duplicate(article_id=r.article_id, other_id=r.other_id, kind=KIND_NAMES[r.kind],
                          similarity=round(float(r.similarity), 4), earliest=_opt(r.earliest), shared=int(r.shared))
                for r in part.itertuples(index=False)
            ]

    def remember_into(self, index: DuplicateIndex) -> int:
        """Add the new articles to ``index`` from their features, as ``add`` would have (no rehashing).

        Its saved state (``to_bytes``) is then the one the local stage would save, so the
        next incremental build, local or Dask, continues from it.
        """
        if len(index) != self.settings.prior:
            raise ValueError("the index changed since find_duplicates read it")
        added = 0
        wanted = ["id", "published", "outlet", "paragraphs", "sig", "exact", "para_keys"]  # not the texts
        for part in _read(_start(self.client, self._entries.loc[self.settings.prior:][wanted])):
            for row in part.itertuples(index=False):  # in position order: as ``add`` met them
                entry = _Entry(row.id, _opt(row.published), _opt(row.outlet), int(row.paragraphs))
                sig = np.frombuffer(row.sig, dtype="<u4").astype(np.uint32)
                index._remember(entry, sig, f"{int(row.exact):016x}", [f"{int(k):016x}" for k in row.para_keys])
                added += 1
        return added

    def release(self) -> None:
        """Free the entries held on the cluster."""
        self._entries = None
        self._records = []


def _start(client: Any, frame: Any) -> list:
    """Futures of a frame's partitions, in order (computed on the cluster, kept there)."""
    import dask

    with dask.config.set({"dataframe.convert-string": False}):
        return client.compute(frame.to_delayed())


def _read(futures: list) -> Iterator[pd.DataFrame]:
    """The partitions brought back one at a time, each released once read."""
    while futures:
        future = futures.pop(0)
        yield future.result()
        future.release()


def find_duplicates(client: Any, articles: Any, index: DuplicateIndex | None = None,
                    *, shuffle_method: str | None = None, size: int = PARTITION_ARTICLES) -> DaskDuplicates:
    """Duplicates of new articles among themselves and an earlier index's, as Dask shuffles.

    ``articles``: the articles the index has not seen, in store order: an iterable of
    ``Article`` (read lazily; each ``size`` articles are sent and hashed while the next are
    read), or a Dask DataFrame (id, published, outlet, text) in that order (partition order,
    then row order), e.g. from ``articles_frame``.
    ``index``: the saved ``DuplicateIndex`` of earlier builds (None for a first build); it is
    only read here (see ``DaskDuplicates.remember_into``). The records are those its ``add``
    would give, article after article: same thresholds, same kinds, the earlier article as
    ``other_id``. ``shuffle_method``: Dask's ("p2p", "tasks"; None: Dask's default).
    """
    import dask

    settings = _settings(index)
    # Signatures are bytes and paragraph keys arrays in object columns: Dask must not turn
    # object columns into strings (its ``convert-string`` default) anywhere in this graph.
    with dask.config.set({"dataframe.convert-string": False}):
        return _find(client, _feature_futures(client, articles, settings, size), index, settings, shuffle_method)


def _feature_futures(client: Any, articles: Any, settings: Settings, size: int) -> list:
    """``_features`` of each partition, submitted as soon as the partition is there."""
    import dask

    if hasattr(articles, "to_delayed"):
        return client.compute([dask.delayed(_features)(p, settings) for p in articles.to_delayed()])
    return [client.submit(_features, client.scatter(rows), settings, pure=False) for rows in _partitions(articles, size)]


def _find(client: Any, features: list, index: DuplicateIndex | None, settings: Settings,
          method: str | None) -> DaskDuplicates:
    import dask
    import dask.dataframe as dd
    import distributed

    lengths = client.gather(client.map(len, features, pure=False))
    parts, divisions, start = [], [], settings.prior
    prior_parts, key_parts = _send_prior(client, index, settings) if index is not None and len(index) else ([], [])
    for part, lo, hi in prior_parts:
        parts.append(part)
        divisions.append(lo)
    for future, n in zip(features, lengths):
        if n:
            parts.append(dask.delayed(_place)(future, start))
            divisions.append(start)
            start += n
    if not parts:
        return DaskDuplicates(client, dd.from_pandas(_entries_meta(), npartitions=1),
                              dd.from_pandas(_record_meta(), npartitions=1), settings)
    divisions.append(start - 1)
    entries = dd.from_delayed(parts, meta=_entries_meta(), divisions=tuple(divisions), verify_meta=False)
    entries = client.persist(entries)
    # Wait for the entries before building on them. Python 3.11's functools.cached_property
    # holds one lock per property for all instances, and the scheduler materialises this
    # graph in its offload thread while ``_records`` below optimises expressions sharing its
    # nodes here: the two threads took those locks in opposite orders and deadlocked (seen
    # once in the tests). The records need the entries computed anyway.
    distributed.wait(distributed.futures_of(entries))
    del features
    records = _records(entries, key_parts, settings, method)
    return DaskDuplicates(client, entries, records, settings)


def _send_prior(client: Any, index: DuplicateIndex, settings: Settings) -> tuple[list, list]:
    """The earlier index's entries and exact / paragraph keys, scattered a partition at a time."""
    import dask

    size = PARTITION_ARTICLES
    entries = [
        (dask.delayed(client.scatter(_prior_entries(index, lo, min(lo + size, len(index))))), lo,
         min(lo + size, len(index)))
        for lo in range(0, len(index), size)
    ]
    exact = index._exact
    exact_keys = np.array([int(k, 16) for k in exact], dtype=np.uint64)
    exact_pos = np.array(list(exact.values()), dtype=np.int64)
    para_keys, para_pos = _paragraph_postings(index)
    step = size * 16
    keys = [
        dask.delayed(client.scatter(_prior_key_rows(kind, k[i:i + step], p[i:i + step], settings.rows)))
        for kind, k, p in ((KEY_EXACT, exact_keys, exact_pos), (KEY_PARA, para_keys, para_pos))
        for i in range(0, len(p), step)
    ]
    return entries, keys


def _records(entries: Any, key_parts: list, settings: Settings, method: str | None) -> Any:
    """The graph: key rows → shuffle by key → pairs → by ``b`` → by ``a`` → confirmed records."""
    import dask.dataframe as dd

    shuffle = {"shuffle_method": method} if method else {}
    keys = entries.map_partitions(_key_rows, settings, meta=_key_meta(settings.rows))
    if key_parts:
        keys = dd.concat([keys, dd.from_delayed(key_parts, meta=_key_meta(settings.rows), verify_meta=False)])
    keys = keys.shuffle(on="h", npartitions=entries.npartitions, **shuffle)
    pairs = keys.map_partitions(_key_pairs, settings, meta=_pair_meta())
    by_b = pairs.set_index("b", divisions=entries.divisions, **shuffle)
    with_b = dd.map_partitions(_attach_other, by_b, entries, settings, meta=_other_meta(), align_dataframes=False)
    by_a = with_b.set_index("a", divisions=entries.divisions, **shuffle)
    return dd.map_partitions(_judge, by_a, entries, settings, meta=_record_meta(), align_dataframes=False)
