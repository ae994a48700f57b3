"""Speed and memory of `newstrail build` on N synthetic articles, next to raw spaCy.

    python bench/speed.py --articles 200 --workers 1,2 [--engine local|dask] [--format txt|jsonl]

For each worker count it builds a fresh store in a subprocess (as a user would run it) and
prints articles/s, the time per stage (summed over workers) and the peak resident memory of
the largest process. Then, in this process, it runs raw spaCy (`nlp.pipe`, same model) over
the same clean bodies, so the pipeline's throughput can be compared with spaCy's alone.
Nothing here asserts a time: it prints measurements.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import REPO

sys.path.insert(0, str(REPO / "bench"))

from synth import generate  # noqa: E402


def run_build(corpus: Path, db: Path, workers: int, engine: str) -> tuple[dict, float, float]:
    """One build in a subprocess: its report, wall seconds and peak RSS (MB) of any process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "newstrail", "build", str(corpus), "--db", str(db), "--workers", str(workers),
         "--engine", engine, "--quiet", "--json"],
        capture_output=True, text=True,
    )
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"bench: build failed:\n{proc.stderr}")
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return json.loads(proc.stdout), seconds, peak


def raw_spacy(db: Path, limit: int) -> tuple[int, float]:
    """Raw spaCy over the stored clean bodies: (articles, seconds)."""
    from newstrail.nlp import load_nlp
    from newstrail.store import Store

    with Store(db, readonly=True) as store:
        bodies = [a.body for a in store.articles()][:limit]
    nlp = load_nlp()
    list(nlp.pipe(bodies[:5]))  # warm up
    start = time.perf_counter()
    for _ in nlp.pipe(bodies, batch_size=32):
        pass
    return len(bodies), time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--engine", default="local", choices=["local", "dask"])
    parser.add_argument("--format", default="txt", choices=["txt", "jsonl"])
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newstrail-speed-") as tmp:
        corpus = Path(tmp) / "corpus"
        generate(corpus, args.articles, seed=args.seed, fmt=args.format)
        print(f"corpus: {args.articles} synthetic articles ({args.format}), engine {args.engine}")
        print(f"{'workers':>7} {'stored':>7} {'seconds':>8} {'art/s':>7} {'peak MB':>8}  stage seconds (summed over workers)")
        rates = {}
        last_db = None
        for workers in [int(w) for w in args.workers.split(",")]:
            db = Path(tmp) / f"w{workers}.db"
            report, seconds, peak = run_build(corpus, db, workers, args.engine)
            rates[workers] = report["articles"] / seconds if seconds else 0.0
            stages = ", ".join(f"{k} {v:.1f}" for k, v in sorted(report["stage_seconds"].items(), key=lambda kv: -kv[1]))
            corpus_s = sum(r["seconds"] for r in report["corpus"])
            print(f"{workers:>7} {report['articles']:>7} {seconds:>8.1f} {rates[workers]:>7.1f} {peak:>8.0f}  {stages}; corpus stages {corpus_s:.1f}")
            last_db = db
        if len(rates) > 1:
            lo, hi = min(rates), max(rates)
            print(f"speed-up {hi} vs {lo} workers: {rates[hi] / rates[lo]:.2f}x")
        n, spacy_seconds = raw_spacy(last_db, args.articles)
        spacy_rate = n / spacy_seconds
        print(f"raw spaCy (nlp.pipe, 1 process, same bodies): {spacy_rate:.1f} art/s")
        if 1 in rates:
            print(f"pipeline (1 worker, end to end incl. start-up and corpus stages) / raw spaCy: {rates[1] / spacy_rate:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
