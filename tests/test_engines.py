"""The local engine and the Dask engine give the same store on the same corpus.

One small synthetic corpus (bench/synth.py, 50 articles) is built twice: with the local
process pool and with Dask on a LocalCluster of two worker processes (which also writes the
Parquet datasets). Articles, quotes, time expressions, stories, the timeline and the duplicates (found with Dask
shuffles on the Dask side) must match.
CI-sized: a few spaCy passes over 50 short articles; no timing is asserted.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newstrail import api, stages
from newstrail.errors import ConfigError

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

pytest.importorskip("dask.distributed")
pa_ds = pytest.importorskip("pyarrow.dataset")

import synth  # noqa: E402

N_ARTICLES = 50
TABLES = ("articles", "mentions", "quotes", "timexes", "events")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("engines")
    corpus = tmp / "corpus"
    synth.generate(corpus, N_ARTICLES, seed=7)
    local, dask = tmp / "local.db", tmp / "dask.db"
    first = api.build([corpus], local, workers=2, engine="local")
    with pytest.MonkeyPatch.context() as patch:  # duplicates as Dask shuffles even for 50 articles
        patch.setattr(stages, "DASK_DUPLICATES_FROM", 1)
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
            # the same records; their order in the table may differ between engines
            "duplicates": sorted(api.list_duplicates(store), key=lambda d: sorted(d.items())),
        }


@pytest.mark.parametrize("what", ["articles", "quotes", "timexes", "stories", "timeline", "duplicates"])
def test_dask_engine_matches_local_engine(built: dict[str, Path], what: str) -> None:
    local, dask = _snapshot(built["local"]), _snapshot(built["dask"])
    assert local[what], f"the corpus should give some {what}"
    assert dask[what] == local[what]


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
