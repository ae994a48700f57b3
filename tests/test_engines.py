"""The local engine and the Dask engine give the same store on the same corpus.

One small synthetic corpus (bench/synth.py, 50 articles) is built twice: with the local
process pool and with Dask on a LocalCluster of two worker processes (which also writes the
Parquet datasets). Articles, quotes, time expressions, stories, the timeline, positions and the
duplicates (found with Dask shuffles on the Dask side) must match. Story groups and position
batches are made small, so that timeline and positions are merged on the workers too.
CI-sized: a few spaCy passes over 50 short articles; no timing is asserted.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newstrail import api, stages
from newstrail.engine import LocalEngine
from newstrail.errors import ConfigError
from newstrail.store import Store

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

pytest.importorskip("dask.distributed")
pa_ds = pytest.importorskip("pyarrow.dataset")

import synth  # noqa: E402

N_ARTICLES = 50
GROUP, BATCH = 12, 150  # story-group articles and position-batch statements, small enough to make several
TABLES = ("articles", "mentions", "quotes", "timexes", "events")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("engines")
    corpus = tmp / "corpus"
    synth.generate(corpus, N_ARTICLES, seed=7)
    local, dask = tmp / "local.db", tmp / "dask.db"
    with pytest.MonkeyPatch.context() as patch:
        # several timeline groups and position batches, so both are merged on the engine
        patch.setattr(stages, "GROUP_ARTICLES", GROUP)
        patch.setattr(stages, "POSITION_BATCH", BATCH)
        first = api.build([corpus], local, workers=2, engine="local")
        patch.setattr(stages, "DASK_DUPLICATES_FROM", 1)  # duplicates as Dask shuffles even for 50 articles
        second = api.build([corpus], dask, workers=2, engine="dask", output=tmp / "parquet")
    assert first.articles == second.articles > 0
    assert [p.to_dict() for p in first.problems] == [p.to_dict() for p in second.problems]
    return {"local": local, "dask": dask, "parquet": tmp / "parquet"}


def _snapshot(db: Path) -> dict[str, list]:
    with api.open_store(db, readonly=True) as store:
        articles = api.list_articles(store)
        return {
            "articles": articles,
            "quotes": api.list_quotes(store),
            "timexes": [api.list_dates(store, a["id"]) for a in articles],
            "stories": api.list_stories(store),
            "timeline": api.list_timeline(store),
            "positions": api.list_positions(store),
            # the same records; their order in the table may differ between engines
            "duplicates": sorted(api.list_duplicates(store), key=lambda d: sorted(d.items())),
        }


def _here_and_on_a_pool(built: dict[str, Path], tmp_path: Path) -> Iterator[tuple[Store, LocalEngine | None, Path]]:
    """A copy of the local store opened twice: with no engine, then with a pool of two."""
    for name, engine in (("here.db", None), ("pool.db", LocalEngine(2))):
        db = tmp_path / name
        shutil.copy(built["local"], db)
        try:
            with api.open_store(db) as store:
                yield store, engine, db
        finally:
            if engine is not None:
                engine.close()


@pytest.mark.parametrize("what", ["articles", "quotes", "timexes", "stories", "timeline", "positions", "duplicates"])
def test_dask_engine_matches_local_engine(built: dict[str, Path], what: str) -> None:
    local, dask = _snapshot(built["local"]), _snapshot(built["dask"])
    assert local[what], f"the corpus should give some {what}"
    assert dask[what] == local[what]


def test_timeline_and_positions_on_workers_match_this_process(built: dict[str, Path], tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Timeline groups and position batches merged by pool workers give what one process gives.

    The corpus is one story, so its articles are dealt into three stories by hand: merging
    runs per story group, whatever made the stories.
    """
    monkeypatch.setattr(stages, "GROUP_ARTICLES", GROUP)
    monkeypatch.setattr(stages, "POSITION_BATCH", BATCH)
    results = []
    for store, engine, db in _here_and_on_a_pool(built, tmp_path):
        store.db.execute("UPDATE story_articles SET story = 'part' || (rowid % 3)")
        ctx = stages.CorpusContext(store, engine)
        assert len(list(ctx.story_groups())) == 3
        with store.atomic():
            stages.run_actors(ctx)
            stages.run_timeline(ctx)
            stages.run_positions(ctx)
        results.append({what: _snapshot(db)[what] for what in ("timeline", "positions")})
    assert results[0]["timeline"] and results[0]["positions"]
    assert results[1] == results[0]


def test_timeline_groups_read_from_the_store_by_workers_match_this_process(built: dict[str, Path],
                                                                         tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """With a pool and a committed store, each worker reads its story group from the store
    itself; the entries equal those merged here from what this process read."""
    monkeypatch.setattr(stages, "GROUP_ARTICLES", GROUP)
    results = []
    for store, engine, db in _here_and_on_a_pool(built, tmp_path):
        with store.atomic():  # committed: the workers read the file
            store.db.execute("UPDATE story_articles SET story = 'part' || (rowid % 3)")
        ctx = stages.CorpusContext.as_written(store, engine)
        assert len(list(ctx.story_groups())) == 3
        assert ctx.workers_read_store() == (engine is not None)
        finish = stages.start_timeline(ctx)
        with store.atomic():
            finish()
            assert not ctx.workers_read_store(), "uncommitted writes: workers would not see them"
        results.append(_snapshot(db)["timeline"])
    assert results[0]
    assert results[1] == results[0]


def test_speakers_read_from_the_store_by_a_worker_match_this_process(built: dict[str, Path], tmp_path: Path) -> None:
    """Who speaks for whom, worked out by a pool worker from the committed store (actors as
    written), is what this process works out; positions built on either are the same."""
    results = []
    for store, engine, db in _here_and_on_a_pool(built, tmp_path):
        ctx = stages.CorpusContext(store, engine)
        with store.atomic():
            stages.run_actors(ctx)
        assert ctx.workers_read_store() == (engine is not None)
        keep = stages.start_speakers(ctx)
        with store.atomic():
            assert keep() == len(ctx.speaks_for)
            stages.run_positions(ctx)
        results.append((ctx.speaks_for, _snapshot(db)["positions"]))
    assert results[0][0] and results[0][1]
    assert results[1] == results[0]


def test_one_story_groups_timeline_merged_on_a_worker_matches_this_process(built: dict[str, Path],
                                                                         tmp_path: Path) -> None:
    """Below GROUP_ARTICLES the timeline is one group: its merge goes to a worker (a pool's,
    or Dask's) while positions run in the main process, and is written after them."""
    from newstrail.dask_engine import DaskEngine
    from newstrail.pipeline import run_corpus_stages

    results = []
    for name, make in (("here.db", lambda: None), ("pool.db", lambda: LocalEngine(2)), ("dask.db", lambda: DaskEngine(2))):
        db = tmp_path / name
        shutil.copy(built["local"], db)
        engine = make()
        with api.open_store(db) as store:
            assert len(list(stages.CorpusContext(store).story_groups())) == 1
            reports = run_corpus_stages(store, engine=engine)
        if engine is not None:
            engine.close()
        assert [r.stage for r in reports] == [s.name for s in stages.CORPUS_STAGES]
        assert not any(r.problems for r in reports)
        results.append({what: _snapshot(db)[what] for what in ("timeline", "positions")})
    assert results[0]["timeline"] and results[0]["positions"]
    assert results[1] == results[0] and results[2] == results[0]


def test_duplicates_found_by_a_worker_reading_the_store_match_this_process(built: dict[str, Path],
                                                                          tmp_path: Path) -> None:
    """With a pool, a worker opens the store itself and finds the duplicates while the main
    process runs the other corpus stages; the records and the index state are the same."""
    from newstrail.pipeline import run_corpus_stages

    results = []
    for store, engine, db in _here_and_on_a_pool(built, tmp_path):
        with store.atomic():  # committed: the worker reads the file, not this connection
            store.db.execute("DELETE FROM duplicates")
            store.db.execute("DELETE FROM state WHERE name = 'dedup'")
        assert stages.CorpusContext(store, engine).workers_read_store() == (engine is not None)
        reports = run_corpus_stages(store, engine=engine)
        assert not any(r.problems for r in reports)
        results.append((_snapshot(db)["duplicates"], store.get_state("dedup"), reports[0].done))
    assert results[0][0] and results[0][1]
    assert results[1] == results[0]


def test_output_writes_parquet_partitioned_by_batch(built: dict[str, Path]) -> None:
    with api.open_store(built["dask"], readonly=True) as store:
        stored = {"articles": store.count("articles")}
        ids = {r["id"] for r in store.article_rows()}
    for table in TABLES:
        dataset = pa_ds.dataset(built["parquet"] / table, format="parquet", partitioning="hive")
        data = dataset.to_table()
        assert "batch" in data.column_names and data.num_rows > 0, table
        assert len(set(data.column("batch").to_pylist())) >= 2, "one partition per chunk"
        key = "id" if table == "articles" else "article_id"
        assert set(data.column(key).to_pylist()) <= ids
    assert pa_ds.dataset(built["parquet"] / "articles", partitioning="hive").count_rows() == stored["articles"]


def test_scheduler_needs_the_dask_engine(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="--engine dask"):
        api.build([tmp_path], tmp_path / "s.db", engine="local", scheduler="tcp://127.0.0.1:8786")


def _worker_settings() -> tuple[str | None, bool]:
    import os

    import dask

    return os.environ.get("MALLOC_TRIM_THRESHOLD_"), dask.config.get("distributed.worker.profile.enabled")


def test_local_cluster_workers_keep_glibc_malloc_adaptive_and_skip_the_profiler() -> None:
    """The LocalCluster's workers start without the Nanny's malloc trim setting and profiler.

    With the trim threshold set, glibc stops adapting its mmap threshold, and each large
    array spaCy allocates is mapped and unmapped again (several times the page faults).
    """
    from newstrail.dask_engine import DaskEngine

    engine = DaskEngine(workers=1)
    try:
        assert list(engine.client.run(_worker_settings).values()) == [(None, False)]
    finally:
        engine.close()
