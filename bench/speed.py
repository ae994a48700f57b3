"""Speed and memory of `newstrail build` on N synthetic articles, next to raw spaCy.

    python bench/speed.py --articles 200 [--runs local:1,local:2,dask:1,dask:2] [--repeat 2] [--format txt|jsonl] [--compare]
    python bench/speed.py --articles 2000 --runs local:2,dask:1,dask:2 --compare   # Dask against local, same store?
    python bench/speed.py --articles 10000 --runs local:2        # the memory figure
    python bench/speed.py --articles 10000 --runs dask:2,local:2,dask:1 --compare --spacy-articles 1000 --workdir /tmp/s10k
    python bench/speed.py --articles 100000 --runs local:2 --limit-seconds 1800   # partial run, extrapolated

Each run builds a fresh store in a subprocess (`newstrail build`, as a user would run it) and
prints wall seconds, articles/s, the peak resident memory of the main process (the embedded
store side) and of the whole process tree (main + workers, sampled every 0.2 s), and the time
per stage (per-article stages summed over workers, with their shares; corpus stages in the
main process). Then, in this process, raw spaCy (`nlp.pipe`, same model, one process) runs over
the same clean bodies, so the pipeline's throughput can be compared with spaCy's alone (stock,
and again with numpy's BLAS as newstrail loads the model: see newstrail/nlp.py); with a
2-worker run, raw spaCy also runs as two independent processes on halves of the bodies, which
is the most any 2-worker speed-up can reach on this machine (cores that share caches, memory
bandwidth or a physical core run each process slower than one alone).

The machine may be shared: the load average before and after each run is printed, and the
CPU seconds per article of the whole process tree (less sensitive to other load than wall
time); repeat runs (`--repeat`, in rounds: every run once, then again) and read ranges. A stopped (`--limit-seconds`) run's CPU
figure covers what each process had used at the last sample. Nothing here asserts a time: it prints measurements.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
from common import REPO

sys.path.insert(0, str(REPO / "bench"))

from synth import generate  # noqa: E402


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def run_build(corpus: Path, db: Path, engine: str, workers: int, limit: float | None) -> dict:
    """One build in a subprocess, sampled for memory; its report plus wall time and peaks."""
    cmd = [sys.executable, "-m", "newstrail", "build", str(corpus), "--db", str(db), "--workers", str(workers),
           "--engine", engine, "--quiet", "--json"]
    out = db.with_suffix(".json")
    cpu_seen: dict[int, float] = {}  # pid -> CPU seconds last sampled (workers forked by a fork server are not our children)
    start = time.perf_counter()
    with out.open("w") as fh:
        proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.PIPE, text=True)
        main = psutil.Process(proc.pid)
        peak_main = peak_tree = 0
        stopped = False
        while proc.poll() is None:
            try:
                rss_main = main.memory_info().rss
                tree = [main, *main.children(recursive=True)]
                rss_tree = rss_main + sum(_rss(c) for c in tree[1:])
                for p in tree:
                    cpu_seen[p.pid] = max(cpu_seen.get(p.pid, 0.0), _cpu(p))
                peak_main, peak_tree = max(peak_main, rss_main), max(peak_tree, rss_tree)
            except psutil.Error:
                pass
            if limit and time.perf_counter() - start > limit:
                stopped = True
                kids = main.children(recursive=True)
                proc.terminate()
                for kid in kids:  # pool or Dask workers: stop them too
                    try:
                        kid.terminate()
                    except psutil.Error:
                        pass
                break
            time.sleep(0.2)
        proc.wait()
    seconds = time.perf_counter() - start
    cpu = sum(cpu_seen.values())  # the whole tree's CPU seconds (to the last 0.2 s sample): robust to a busy machine
    stderr = proc.stderr.read() if proc.stderr else ""
    if stopped:
        return {"partial": True, "seconds": seconds, "peak_main": peak_main, "peak_tree": peak_tree,
                "articles": _stored(db), "report": None, "cpu": cpu}
    if proc.returncode not in (0, 1):
        raise SystemExit(f"bench: build failed:\n{stderr}")
    report = json.loads(out.read_text())
    return {"partial": False, "seconds": seconds, "peak_main": peak_main, "peak_tree": peak_tree,
            "articles": report["articles"], "report": report, "cpu": cpu}


def _cpu(proc: psutil.Process) -> float:
    try:
        times = proc.cpu_times()
        return times.user + times.system
    except psutil.Error:
        return 0.0


def _rss(proc: psutil.Process) -> int:
    try:
        return proc.memory_info().rss
    except psutil.Error:
        return 0


def _stored(db: Path) -> int:
    import sqlite3

    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def raw_spacy(bodies: list[str], repeat: int, numpy_blas: bool = False) -> tuple[list[float], list[float]]:
    """Raw spaCy over clean bodies, one process, nlp.pipe, ``repeat`` passes: (articles/s, CPU s/article) each.

    The model is loaded with plain ``spacy.load`` (not ``newstrail.nlp.load_nlp``, which
    swaps in a faster attribute-ruler matcher and numpy's BLAS), so this is stock spaCy; with
    ``numpy_blas`` its matrix products go to numpy's BLAS as newstrail's do, which separates
    what newstrail adds from what it saves by the BLAS it picks.
    """
    rates, cpu = [], []
    for _ in range(repeat):
        seconds, cpu_seconds = _pipe(bodies, numpy_blas)
        rates.append(len(bodies) / seconds)
        cpu.append(cpu_seconds / len(bodies))
    return rates, cpu


def _bodies(db: Path, limit: int) -> list[str]:
    from newstrail.nlp import MAX_CHARS
    from newstrail.store import Store

    with Store(db, readonly=True) as store:
        return [a.body[:MAX_CHARS] for a in store.articles()][:limit]


def raw_spacy_split(bodies: list[str], parts: int = 2) -> float:
    """Seconds for raw spaCy over the same bodies cut into ``parts`` independent processes.

    No coordination at all (each process parses its share and exits): how much faster the
    machine itself runs spaCy in N processes than in one, the ceiling for any N-worker speed-up.
    """
    with tempfile.TemporaryDirectory(prefix="newstrail-split-") as tmp:
        files = []
        for k in range(parts):
            files.append(Path(tmp) / f"part{k}.json")
            files[-1].write_text(json.dumps(bodies[k::parts]))
        procs = [subprocess.Popen([sys.executable, __file__, "--spacy-child", str(f)], stdout=subprocess.PIPE, text=True)
                 for f in files]
        return max(float(p.communicate()[0].split()[0]) for p in procs)


def _pipe(bodies: list[str], numpy_blas: bool = False) -> tuple[float, float]:
    """(seconds, CPU seconds) of stock spaCy's nlp.pipe over ``bodies``, model loading aside."""
    import spacy
    from thinc.api import use_ops

    from newstrail.engine import one_thread_per_pool
    from newstrail.nlp import MAX_CHARS, MODEL

    with use_ops("numpy", use_blis=not numpy_blas):
        nlp = spacy.load(MODEL)
    nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
    list(nlp.pipe(bodies[:5]))  # warm up
    with one_thread_per_pool():  # one process, one core: numpy's BLAS would take them all
        start, cpu = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(bodies, batch_size=64):
            pass
        return time.perf_counter() - start, time.process_time() - cpu


# Tables compared by --compare: everything a build stores but run bookkeeping and index state
# (whose pickled sets vary in byte order), without the columns that record when or in what
# order rows were written.
COMPARED = ("articles", "mentions", "timexes", "quotes", "events", "stances", "actors", "actor_keys",
            "duplicates", "stories", "story_articles", "timeline", "positions")
_WRITE_ORDER = {"seq", "added_at"}


def compare_stores(a: Path, b: Path) -> list[str]:
    """Tables whose rows differ between two stores (as multisets of rows; row order aside)."""
    import hashlib
    import sqlite3

    def digests(db: Path, table: str) -> list[bytes]:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in _WRITE_ORDER]
            rows = conn.execute(f"SELECT {', '.join(cols)} FROM {table}")
            return sorted(hashlib.blake2b(repr(row).encode(), digest_size=16).digest() for row in rows)

    return [t for t in COMPARED if digests(a, t) != digests(b, t)]


@contextlib.contextmanager
def _workdir(path: Path | None) -> Iterator[str]:
    """Where the corpus and stores go: a kept directory, so a long run's stores can be compared later."""
    if path is None:
        with tempfile.TemporaryDirectory(prefix="newstrail-speed-") as tmp:
            yield tmp
        return
    path.mkdir(parents=True, exist_ok=True)
    yield str(path)


def _span(values: list[float], fmt: str = "{:.1f}") -> str:
    lo, hi = min(values), max(values)
    return fmt.format(lo) if len(values) == 1 or fmt.format(lo) == fmt.format(hi) else f"{fmt.format(lo)}-{fmt.format(hi)}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--runs", default="local:1,local:2,dask:1,dask:2",
                        help="comma-separated ENGINE:WORKERS runs (engine local or dask)")
    parser.add_argument("--repeat", type=int, default=1, help="builds per run, for ranges on a shared machine")
    parser.add_argument("--format", default="txt", choices=["txt", "jsonl"])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--spacy-repeat", type=int, default=2, help="raw spaCy passes (best and range shown)")
    parser.add_argument("--limit-seconds", type=float, default=None,
                        help="stop a build after this long and extrapolate from what it stored")
    parser.add_argument("--compare", action="store_true",
                        help="check that every run made the same store as the first (engines must agree)")
    parser.add_argument("--spacy-articles", type=int, default=None,
                        help="raw spaCy over only the first N stored bodies (a rate per article; saves an hour at 10k)")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="keep the corpus and every store here (default: a temporary directory, removed)")
    parser.add_argument("--spacy-child", help=argparse.SUPPRESS)  # one process of raw_spacy_split
    args = parser.parse_args()
    if args.spacy_child:
        print(_pipe(json.loads(Path(args.spacy_child).read_text()))[0])
        return 0
    runs = [(r.split(":")[0], int(r.split(":")[1])) for r in args.runs.split(",")]
    with _workdir(args.workdir) as tmp:
        corpus = Path(tmp) / "corpus"
        generate(corpus, args.articles, seed=args.seed, fmt=args.format)
        print(f"corpus: {args.articles} synthetic articles ({args.format}); {os.cpu_count()} CPUs; load {load()}")
        print(f"{'run':>8} {'stored':>7} {'seconds':>8} {'art/s':>7} {'cpu s/art':>9} {'main MB':>8} {'tree MB':>8} {'load before→after':>18}")
        rates: dict[tuple[str, int], list[float]] = {}
        cpu_rates: dict[tuple[str, int], list[float]] = {}  # CPU seconds per article, whole tree
        stage_rates: dict[tuple[str, int], list[float]] = {}
        last_db = None
        stores: list[tuple[str, Path]] = []
        # rounds of every run in turn, not each run's repeats in a row: a machine whose speed
        # drifts (shared hosts do, by 10-15% over minutes) then slows each run of a round alike
        for rep, (engine, workers) in ((rep, run) for rep in range(args.repeat) for run in runs):
            db = Path(tmp) / f"{engine}{workers}-{rep}.db"
            for leftover in db.parent.glob(db.name + "*"):  # a kept --workdir's earlier store: build afresh
                leftover.unlink()
            before = load()
            got = run_build(corpus, db, engine, workers, args.limit_seconds)
            rate = got["articles"] / got["seconds"] if got["seconds"] else 0.0
            rates.setdefault((engine, workers), []).append(rate)
            partial = " (stopped: partial)" if got["partial"] else ""
            cpu_per = f"{got['cpu'] / got['articles']:.3f}" if got["articles"] and not got["partial"] else "n/a"
            if cpu_per != "n/a":
                cpu_rates.setdefault((engine, workers), []).append(got["cpu"] / got["articles"])
            print(f"{engine + ':' + str(workers):>8} {got['articles']:>7} {got['seconds']:>8.1f} {rate:>7.2f} {cpu_per:>9} "
                  f"{got['peak_main'] / 2**20:>8.0f} {got['peak_tree'] / 2**20:>8.0f} {before + '→' + load():>18}{partial}")
            if got["partial"]:
                if got["articles"]:
                    print(f"         extrapolated to {args.articles}: {args.articles / rate / 3600:.1f} h per-article work "
                          "(corpus stages not reached; their memory is not in this figure)")
                continue
            report = got["report"]
            per_article = report["stage_seconds"]
            total = sum(per_article.values()) or 1.0
            stage_rates.setdefault((engine, workers), []).append(report["articles"] / total)  # per process
            shares = ", ".join(f"{k} {v:.1f}s ({v / total:.0%})"
                               for k, v in sorted(per_article.items(), key=lambda kv: -kv[1]))
            corpus_s = ", ".join(f"{r['stage']} {r['seconds']:.1f}s" for r in report["corpus"])
            print(f"         per-article stages (summed over workers): {shares}")
            print(f"         corpus stages (main process): {corpus_s}")
            last_db = db
            stores.append((f"{engine}:{workers}", db))
        print()
        for key, values in rates.items():
            print(f"{key[0]}:{key[1]} articles/s {_span(values, '{:.2f}')}")
        for engine in ("local", "dask"):
            if (engine, 1) in rates and (engine, 2) in rates:
                one, two = max(rates[(engine, 1)]), max(rates[(engine, 2)])
                rounds = ", ".join(f"{b / a:.2f}x" for a, b in zip(rates[(engine, 1)], rates[(engine, 2)]) if a)
                print(f"speed-up {engine} 2 vs 1 workers (best runs): {two / one:.2f}x; round by round: {rounds}")
        if args.compare and len(stores) > 1:
            print()
            first = stores[0]
            for other in stores[1:]:
                differing = compare_stores(first[1], other[1])
                verdict = "the same store" if not differing else "DIFFERENT: " + ", ".join(differing)
                print(f"{other[0]} against {first[0]}: {verdict} ({len(COMPARED)} tables)")
        if last_db is None or not args.spacy_repeat:
            return 0
        bodies = _bodies(last_db, min(args.articles, args.spacy_articles or args.articles))
        n = len(bodies)
        spacy_rates, spacy_cpu = raw_spacy(bodies, args.spacy_repeat)
        best = max(spacy_rates)
        print(f"raw spaCy (nlp.pipe, 1 process, same {n} clean bodies): {_span(spacy_rates, '{:.2f}')} art/s, "
              f"{_span(spacy_cpu, '{:.3f}')} cpu s/art (load {load()})")
        split_rate = None  # raw spaCy's articles/s in 2 processes: what 2 workers could reach at most
        if any(w == 2 for _, w in rates):
            split = raw_spacy_split(bodies)
            split_rate = n / split
            print(f"raw spaCy in 2 independent processes (halves of the same bodies): {n / split:.2f} art/s, "
                  f"{n / split / best:.2f}x one process: the machine's own 2-process ceiling (load {load()})")
        blas_rates, blas_cpu = raw_spacy(bodies, args.spacy_repeat, numpy_blas=True)  # as newstrail loads it
        print(f"raw spaCy with numpy's BLAS (as newstrail loads the model; 1 process, same bodies): "
              f"{_span(blas_rates, '{:.2f}')} art/s, {_span(blas_cpu, '{:.3f}')} cpu s/art (load {load()})")
        for key, values in cpu_rates.items():  # less sensitive to other load than the wall-time ratios below
            print(f"{key[0]}:{key[1]} / raw spaCy by CPU per article (best runs): {min(spacy_cpu) / min(values):.2f}")
        for key, values in rates.items():
            per_proc = max(values) / key[1]
            line = f"{key[0]}:{key[1]} / raw spaCy: end to end per process {per_proc / best:.2f}"
            if key in stage_rates:
                line += f", per-article stages only {max(stage_rates[key]) / best:.2f}"
            if key[1] == 2 and split_rate:
                line += f"; end to end against raw spaCy in 2 processes {max(values) / split_rate:.2f}"
            print(line)
            print(f"{key[0]}:{key[1]} / raw spaCy with numpy's BLAS: end to end per process {per_proc / max(blas_rates):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
