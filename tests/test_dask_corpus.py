"""The duplicates stage as Dask shuffles gives exactly what the local DuplicateIndex gives."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

pytest.importorskip("dask.dataframe")
pytest.importorskip("distributed")

from newstrail import dedup  # noqa: E402
from newstrail.dask_corpus import articles_frame, find_duplicates  # noqa: E402
from newstrail.dedup import DuplicateIndex  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from dask_dedup import Doc  # noqa: E402
from neardup import article, edit, render, sentence  # noqa: E402

OUTLETS = ["Harbour Post", "Valley Times", "Wire Daily", "North Ledger"]


def corpus(n_base: int = 90, seed: int = 3) -> list[Doc]:
    """Originals, then copies of every kind mixed in: exact (case and spacing changed), near
    (edits of every strength, so similarities spread around the threshold), syndicated
    (shared paragraphs, from another outlet or the same one), a stock paragraph in more
    articles than the index counts, and very short texts."""
    rng = random.Random(seed)
    bases = [article(rng, paragraphs=rng.randint(2, 7)) for _ in range(n_base)]
    stock = [sentence(rng) + " " + sentence(rng)]
    texts: list[tuple[str, str | None]] = []
    for paras in bases:
        if rng.random() < 0.3:
            paras = paras + [stock]
        texts.append((render(paras), rng.choice(OUTLETS)))
    for i, paras in enumerate(bases):
        roll = rng.random()
        outlet = rng.choice(OUTLETS)
        if roll < 0.15:
            texts.append((render(paras).upper().replace(" ", "  "), outlet))
        elif roll < 0.6:
            texts.append((render(edit(rng, paras, rng.random() * 0.7)), outlet))
        elif roll < 0.85:
            shared = rng.sample(paras, min(len(paras), rng.randint(1, 3)))
            texts.append((render(shared + article(rng, paragraphs=rng.randint(1, 4))), outlet))
        if i % 10 == 0:
            texts.append((render(paras), texts[i][1]))  # an exact copy from the same outlet
    texts += [("Short note.", None), ("Short note.", None), ("", None)]
    head, tail = texts[:n_base // 2], texts[n_base // 2:]
    rng.shuffle(tail)  # copies meet originals in any order, some before them
    days = [None, "2024-03-01", "2024-03-02", "2024-03-05"]
    return [Doc(f"t{i:04d}", t, t, rng.choice(days), o) for i, (t, o) in enumerate(head + tail)]


def local(docs: list[Doc], index: DuplicateIndex | None = None) -> list:
    index = index if index is not None else DuplicateIndex()
    return [d for doc in docs for d in index.add(doc)]


def key(dups: list) -> list:
    return sorted((d.article_id, d.other_id, d.kind, d.similarity, d.earliest, d.shared) for d in dups)


def on_dask(client, docs: list[Doc], index: DuplicateIndex | None = None, size: int = 64, frame: bool = False, **kw):
    articles = articles_frame(client, docs, size=size) if frame else iter(docs)
    result = find_duplicates(client, articles, index, size=size, **kw)
    found = [d for batch in result.batches() for d in batch]
    return found, result


@pytest.fixture(scope="module")
def client():
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        with Client(cluster) as c:
            yield c


@pytest.fixture(scope="module")
def docs() -> list[Doc]:
    return corpus()


def test_corpus_has_every_kind(docs: list[Doc]) -> None:
    kinds = {d.kind for d in local(docs)}
    assert kinds == {"exact", "near", "syndicated"}


@pytest.mark.parametrize(("method", "frame"), [("tasks", False), ("p2p", True)])
def test_dask_finds_what_the_local_index_finds(client, docs: list[Doc], method: str, frame: bool) -> None:
    found, _ = on_dask(client, docs, shuffle_method=method, frame=frame)
    assert key(found) == key(local(docs))
    ids = [doc.id for doc in docs]
    order = [ids.index(d.article_id) for d in found]
    assert order == sorted(order), "batches come in store order"


def test_texts_no_longer_held_decide_by_estimate(client, docs: list[Doc], monkeypatch) -> None:
    held_all = key(local(docs))
    monkeypatch.setattr(dedup, "HELD_TEXTS", 20)
    found, _ = on_dask(client, docs)
    assert key(found) == key(local(docs)) != held_all


def test_incremental_build_continues_an_earlier_index(client, docs: list[Doc]) -> None:
    first, second = docs[:120], docs[120:]
    saved = DuplicateIndex()
    local(first, saved)
    state = saved.to_bytes()
    reference = DuplicateIndex.from_bytes(state)
    expected = local(second, reference)
    index = DuplicateIndex.from_bytes(state)
    found, result = on_dask(client, second, index, size=50)
    assert key(found) == key(expected)
    assert result.remember_into(index) == len(second)
    assert index.to_bytes() == reference.to_bytes()
    assert key(local(docs[:5] + [Doc("again", docs[7].body, "", None, None)], index)) == key(
        local(docs[:5] + [Doc("again", docs[7].body, "", None, None)], reference))


@pytest.mark.parametrize("frame", [False, True])
def test_empty_input(client, frame: bool) -> None:
    found, result = on_dask(client, [], frame=frame)
    assert found == [] and result.remember_into(DuplicateIndex()) == 0
