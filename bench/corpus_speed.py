"""Speed of the corpus stages "timeline" and "positions" on built stores, with their output.

    python bench/corpus_speed.py [--workdir /tmp/corpus_speed] [--articles 1000] [--t17 120]
                                 [--repeat 3] [--profile] [--dump FILE]

Three stores, each built once into ``--workdir`` (``newstrail build``, one worker) and reused:
- ``synth``: a synthetic corpus (``bench/synth.py``); a store of the same corpus built by
  ``bench/dating_speed.py`` (/tmp/dating_speed/store.db) is copied instead when it is there;
- ``seeds``: the seed articles of ../shared/seeds;
- ``t17``: real news, the first ``--t17`` articles of the T17 topics "egypt" and "h1n1"
  (``--topics``; one JSON line each, with the publication date the set gives).

Each pass runs the two stages as a one-worker build runs them (``stages.run_timeline`` and
``stages.run_positions`` on a fresh ``CorpusContext.as_written``, in a transaction, writing
the store's timeline and positions tables), after the speakers stage's result is worked out
(not timed: a stage of its own). The caches of timeline.py and positions.py are emptied before
each pass. Printed: CPU seconds of this process (``time.process_time``; the machine is shared,
wall time varies) per stage and set, best of ``--repeat``, each split into its merging
(``merge_timeline_group`` / ``positions.merge_items``), its writing (timeline) and the rest
(reading and decoding the store, making the items).
``--dump FILE`` writes every timeline entry and position as stored (in the stages' order), one
JSON line ``{"set", "table", "data"}`` each, keys sorted (the store's own key order is the
model's business), for a byte-for-byte comparison (``cmp``).
``--profile [timeline|positions]`` profiles the stages (or one) in one more pass and prints
the top 25 functions by own time (``--sort cumulative``: by time within).
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import json
import pstats
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

from common import REPO, SEEDS, data_dir

sys.path.insert(0, str(REPO / "bench"))

from synth import generate  # noqa: E402

import newstrail.positions as positions_module  # noqa: E402
import newstrail.stages as stages  # noqa: E402
import newstrail.timeline as timeline_module  # noqa: E402
from newstrail.store import Store  # noqa: E402

T17_TOPICS = ("egypt", "h1n1")
DATING_STORE = Path("/tmp/dating_speed/store.db")


def _build(inputs: Path, db: Path) -> None:
    print(f"building {inputs} into {db} (once) ...", file=sys.stderr)
    # a build exits 1 when it skipped an input (a real article with no text left after cleaning)
    done = subprocess.run([sys.executable, "-m", "newstrail", "build", str(inputs), "--db", str(db),
                           "--workers", "1", "--quiet"])
    if done.returncode not in (0, 1) or not db.exists():
        raise SystemExit(f"bench: building {inputs} failed")


def synth_store(workdir: Path, n: int) -> Path:
    db = workdir / "synth.db"
    if not db.exists():
        if DATING_STORE.exists() and n == 1000:
            shutil.copyfile(DATING_STORE, db)
        else:
            corpus = workdir / "synth"
            generate(corpus, n)
            _build(corpus, db)
    return db


def seeds_store(workdir: Path) -> Path:
    db = workdir / "seeds.db"
    if not db.exists():
        corpus = workdir / "seeds"
        corpus.mkdir(exist_ok=True)
        for path in sorted(SEEDS.glob("*.txt")):
            shutil.copyfile(path, corpus / path.name)
        _build(corpus, db)
    return db


def t17_store(workdir: Path, per_topic: int, topics: tuple[str, ...] = T17_TOPICS) -> Path:
    name = f"t17_{per_topic}" + ("" if topics == T17_TOPICS else "_" + "_".join(topics))
    db = workdir / f"{name}.db"
    if not db.exists():
        data_dir("tls")
        import score_tls

        corpus = workdir / name
        corpus.mkdir(exist_ok=True)
        with (corpus / "articles.jsonl").open("w") as fh:
            for topic in topics:
                for i, (date, text) in enumerate(score_tls.load_articles(topic)[:per_topic]):
                    fh.write(json.dumps({"id": f"{topic}-{i}", "url": f"t17://{topic}/{i}", "title": None,
                                         "published": date.isoformat(), "outlet": None, "text": text}) + "\n")
        _build(corpus, db)
    return db


def _clear_caches() -> None:
    """Empty the memoised helpers of the two stages' modules (as a new build finds them)."""
    for module in (timeline_module, positions_module):
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


def _timed(seconds: dict[str, float], key: str, fn: Callable) -> Callable:
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            seconds[key] = seconds.get(key, 0.0) + time.process_time() - start
    return wrapper


def run_pass(stores: dict[str, Path], profiler: cProfile.Profile | None = None,
             only: str | None = None) -> tuple[dict[str, list[str]], dict[str, float]]:
    """Both stages on every store once; the stored output per set and the seconds per part
    (``profiler``: enabled while a stage runs, or only stage ``only``)."""
    _clear_caches()
    seconds: dict[str, float] = {}
    output: dict[str, list[str]] = {}
    originals = stages.merge_timeline_group, stages._write_timeline, positions_module.merge_items
    try:
        for name, db in stores.items():
            with Store(db) as store:
                ctx = stages.CorpusContext.as_written(store)
                ctx.speaks_for = stages.speaker_sides(store, ctx.actor_of, ctx.affiliation_of)
                for stage, run in (("timeline", stages.run_timeline), ("positions", stages.run_positions)):
                    stages.merge_timeline_group = _timed(seconds, f"{name} timeline merge", originals[0])
                    stages._write_timeline = _timed(seconds, f"{name} timeline write", originals[1])
                    positions_module.merge_items = _timed(seconds, f"{name} positions merge", originals[2])
                    start = time.process_time()
                    profiling = profiler is not None and only in (None, stage)
                    with store.atomic():
                        if profiling:
                            profiler.enable()
                        run(ctx)
                        if profiling:
                            profiler.disable()
                    seconds[f"{name} {stage}"] = time.process_time() - start
                output[name] = [json.dumps({"set": name, "table": table, "data": json.loads(data)}, ensure_ascii=False,
                                           sort_keys=True)
                                for table in ("timeline", "positions")
                                for data, in store.db.execute(f"SELECT data FROM {table} ORDER BY n")]
    finally:
        stages.merge_timeline_group, stages._write_timeline, positions_module.merge_items = originals
    return output, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workdir", default="/tmp/corpus_speed", help="where the stores are built and kept")
    parser.add_argument("--articles", type=int, default=1000, help="synthetic articles (when first built)")
    parser.add_argument("--t17", type=int, default=120, help="T17 articles per topic (0: none)")
    parser.add_argument("--topics", default=",".join(T17_TOPICS), help="T17 topics read (comma-separated)")
    parser.add_argument("--repeat", type=int, default=3, help="passes; the best is printed")
    parser.add_argument("--dump", help="write every timeline entry and position as JSON lines")
    parser.add_argument("--profile", nargs="?", const="both", choices=("both", "timeline", "positions"),
                        help="profile the stages (or one) in one more pass; print the top functions")
    parser.add_argument("--sort", default="tottime", help="profile order (tottime, cumulative)")
    args = parser.parse_args()
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    stores = {"synth": synth_store(workdir, args.articles), "seeds": seeds_store(workdir)}
    if args.t17:
        stores["t17"] = t17_store(workdir, args.t17, tuple(args.topics.split(",")))
    best: dict[str, float] = {}
    for _ in range(max(args.repeat, 1)):
        output, seconds = run_pass(stores)
        best = {k: min(v, best.get(k, v)) for k, v in seconds.items()}
    for name in stores:
        counts = {t: sum(1 for line in output[name] if f'"table": "{t}"' in line) for t in ("timeline", "positions")}
        for stage in ("timeline", "positions"):
            total = best.get(f"{name} {stage}", 0.0)
            merge = best.get(f"{name} {stage} merge", 0.0)
            write = best.get(f"{name} {stage} write", 0.0)
            rest = total - merge - write
            print(f"  {name:6s} {stage:9s} {counts[stage]:5d} rows: {total:6.2f} CPU s"
                  f" (merge {merge:.2f}" + (f", write {write:.2f}" if write else "") + f", read and rest {rest:.2f})")
    for stage in ("timeline", "positions"):
        print(f"  all    {stage:9s} {sum(best.get(f'{n} {stage}', 0.0) for n in stores):6.2f} CPU s (best of {args.repeat})")
    if args.dump:
        with open(args.dump, "w") as fh:
            for name in stores:
                fh.writelines(line + "\n" for line in output[name])
    if args.profile:
        profiler = cProfile.Profile()
        run_pass(stores, profiler, None if args.profile == "both" else args.profile)
        pstats.Stats(profiler).sort_stats(args.sort).print_stats(25)


if __name__ == "__main__":
    main()
