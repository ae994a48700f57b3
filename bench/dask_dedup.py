"""The duplicates stage on Dask (``newstrail.dask_corpus``) against the local ``DuplicateIndex``.

    python bench/dask_dedup.py [--articles 10000] [--prior 0] [--workers 1 2] [--method tasks]

Texts come from ``bench/synth.py`` (JSONL, written once under /tmp/dask_dedup/; about 5 %
exact or near copies, which share paragraphs with their source, so syndicated pairs too),
read as they are (no cleaning: only the duplicates stage is timed). For each setting it
prints the seconds from sending the articles to having every duplicate and the updated
index state, and checks that the records equal the local index's. A LocalCluster of N
single-threaded worker processes is started per setting (its start-up is shown apart).
With ``--prior K`` the first K articles are in a saved index first (an incremental build:
only the rest is timed; the Dask path also shuffles the earlier index's keys).
The client reads the texts a partition at a time from the JSONL, as a build reads them
from the store, and the workers hash each partition while the next is read.

On a machine with 2 shared cores the speed-up from 2 workers is bounded by what the other
processes leave free; the client's own work (sending texts, reading back results, adding
the new articles to the index state) does not shrink with more workers.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent))

WORK = Path("/tmp/dask_dedup")


@dataclass(frozen=True)
class Doc:
    """What DuplicateIndex.add and articles_frame read of an article."""

    id: str
    body: str
    text: str
    published: str | None
    outlet: str | None

    @property
    def known_published(self) -> str | None:
        return self.published  # the synthetic dates are stated, never inferred


def corpus(n: int) -> Path:
    """The synthetic corpus as JSONL (generated once per size)."""
    from synth import generate

    out = WORK / f"synth{n}"
    if not (out / "done").exists():
        generate(out, n, seed=11, fmt="jsonl")
        (out / "done").touch()
    return out


def docs(folder: Path) -> Iterator[Doc]:
    for path in sorted(folder.glob("part-*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                yield Doc(rec["id"], rec["text"], rec["text"], rec["published"], rec["outlet"])


def key(dups: list) -> list:
    return sorted((d.article_id, d.other_id, d.kind, d.similarity, d.earliest, d.shared) for d in dups)


def prior_state(folder: Path, prior: int) -> bytes | None:
    """The saved index after the first ``prior`` articles (an earlier build), or None."""
    from newstrail.dedup import DuplicateIndex

    if not prior:
        return None
    index = DuplicateIndex()
    for doc in islice(docs(folder), prior):
        index.add(doc)
    return index.to_bytes()


def load(state: bytes | None):
    from newstrail.dedup import DuplicateIndex

    return DuplicateIndex.from_bytes(state) if state else DuplicateIndex()


def run_local(folder: Path, state: bytes | None, prior: int) -> tuple[float, list, bytes]:
    start = time.perf_counter()
    index = load(state)
    found = [d for doc in islice(docs(folder), prior, None) for d in index.add(doc)]
    saved = index.to_bytes()
    return time.perf_counter() - start, found, saved


def run_dask(folder: Path, state: bytes | None, prior: int, workers: int,
             method: str | None) -> tuple[float, dict[str, float], list, bytes]:
    from dask.distributed import Client, LocalCluster, get_task_stream

    from newstrail.dask_corpus import find_duplicates

    clock = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        client.run(lambda: __import__("newstrail.dask_corpus"))
        started = time.perf_counter() - clock
        phases: dict[str, float] = {}
        with get_task_stream(client) as stream:
            clock = time.perf_counter()
            index = load(state)
            result = find_duplicates(client, islice(docs(folder), prior, None), index, shuffle_method=method)
            phases["read+send+hash"] = time.perf_counter() - clock
            result.remember_into(index)  # on the client, while the cluster shuffles
            saved = index.to_bytes()
            phases["index state"] = time.perf_counter() - clock - sum(phases.values())
            found = [d for batch in result.batches() for d in batch]
            result.release()
            phases["rest of shuffles+confirm"] = time.perf_counter() - clock - sum(phases.values())
        phases["worker compute: hashing"] = sum(_compute_seconds(t) for t in stream.data if "_features" in str(t["key"]))
        phases["all tasks"] = sum(_compute_seconds(t) for t in stream.data)
        return started, phases, found, saved


def _compute_seconds(task: dict) -> float:
    return sum(s["stop"] - s["start"] for s in task.get("startstops", ()) if s.get("action") == "compute")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--prior", type=int, default=0, help="articles already in a saved index (an incremental build)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--method", default=None, help="Dask shuffle method: tasks or p2p (default: Dask's)")
    args = ap.parse_args()
    folder = corpus(args.articles)
    state = prior_state(folder, args.prior)
    new = args.articles - args.prior
    seconds, expected, saved = run_local(folder, state, args.prior)
    kinds = {k: sum(d.kind == k for d in expected) for k in ("exact", "near", "syndicated")}
    print(f"{new} new articles after {args.prior} indexed, duplicates {kinds}")
    print(f"local DuplicateIndex: {seconds:.2f} s ({new / seconds:.0f} articles/s)")
    for workers in args.workers:
        started, phases, found, dask_saved = run_dask(folder, state, args.prior, workers, args.method)
        seconds = phases["read+send+hash"] + phases["index state"] + phases["rest of shuffles+confirm"]
        same = key(found) == key(expected) and dask_saved == saved
        split = ", ".join(f"{k} {v:.1f}" for k, v in phases.items())
        print(f"dask, {workers} worker(s), shuffle {args.method or 'default'}: {seconds:.2f} s "
              f"({new / seconds:.0f} articles/s; {split}; cluster start {started:.1f} s); "
              f"same records and index state as local: {same}")


if __name__ == "__main__":
    main()
