"""Time of the event and stance stages alone, per article, on parses made once and cached.

    python bench/events_speed.py [--articles 300] [--seed 0] [--workdir /tmp/events-speed] [--dump FILE] [--repeat 3]

Builds N synthetic articles (bench/synth.py) plus the seed articles, cleans and parses them
once (the Docs kept as a spaCy DocBin, the clean articles pickled, under ``--workdir``), then
runs the per-article stages as ``stages.run_article_stages`` does, in its order: mentions,
time expressions and quotes untimed, then ``extract_events`` and ``extract_stances`` timed.
Prints CPU ms per article for each (best of ``--repeat`` passes: the machine may be shared).
``--dump FILE`` writes every event and stance record as JSON lines, so the output before and
after a change can be compared byte for byte (``cmp``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
import time
from pathlib import Path

from common import REPO, SEEDS, parse_cached

sys.path.insert(0, str(REPO / "bench"))

from synth import generate  # noqa: E402


def articles(n: int, seed: int, workdir: Path) -> list:
    """The clean articles (synthetic, then the seeds), pickled in ``workdir`` after the first run."""
    path = workdir / f"articles-{n}-{seed}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    from newstrail.errors import InputError
    from newstrail.ingest import read_paths
    from newstrail.stages import clean_raw

    corpus = workdir / f"corpus-{n}-{seed}"
    if not corpus.exists():
        generate(corpus, n, seed=seed)
    seeds = sorted(p for p in SEEDS.glob("*.txt"))
    out = []
    for raw in read_paths([corpus, *seeds]):
        if isinstance(raw, InputError):
            continue
        try:
            out.append(clean_raw(raw, frozenset(), {}))
        except InputError:
            continue  # nothing left after cleaning: the build skips it too
    path.write_bytes(pickle.dumps(out))
    return out


def run(docs: list, arts: list, dump: Path | None, profile=None) -> tuple[float, float]:
    """One pass in the pipeline's order; CPU seconds spent in events and in stances.

    CPU time (``time.process_time``) rather than wall time: the machine is shared, and other
    processes' load stretches wall time far more than it does this process's CPU time.
    ``profile`` (a ``cProfile.Profile``) is switched on around the two timed stages only.
    """
    from newstrail.actors import extract_mentions
    from newstrail.events import extract_events, extract_stances
    from newstrail.quotes import extract_quotes
    from newstrail.stages import date_quotes
    from newstrail.timex import extract_timexes

    t_events = t_stances = 0.0
    fh = dump.open("w", encoding="utf-8") if dump else None
    try:
        for doc, article in zip(docs, arts):
            mentions = extract_mentions(doc, article)
            timexes = extract_timexes(doc, article)
            quotes = date_quotes(article, extract_quotes(doc, article, mentions), timexes, doc)
            if profile:
                profile.enable()
            clock = time.process_time()
            events = extract_events(doc, article, mentions, timexes)
            middle = time.process_time()
            stances = extract_stances(doc, article, mentions, quotes, timexes, events)
            t_stances += time.process_time() - middle
            if profile:
                profile.disable()
            t_events += middle - clock
            if fh:
                for kind, records in (("event", events), ("stance", stances)):
                    for r in records:
                        fh.write(json.dumps({"article": article.id, "kind": kind, **r.to_dict()},
                                            sort_keys=True, ensure_ascii=False) + "\n")
    finally:
        if fh:
            fh.close()
    return t_events, t_stances


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=300, help="synthetic articles (the seeds are added)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workdir", default="/tmp/events-speed", help="where the corpus, articles and parses are cached")
    ap.add_argument("--dump", help="write every event and stance record as JSON lines to this file")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes (the best is printed)")
    ap.add_argument("--profile", help="write a cProfile of the two stages, on a pass of its own, to this file")
    args = ap.parse_args()
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    arts = articles(args.articles, args.seed, workdir)
    docs = parse_cached([a.body for a in arts], workdir, f"events-speed-{args.articles}-{args.seed}")
    digest = hashlib.sha256("".join(a.body for a in arts).encode()).hexdigest()[:12]
    print(f"{len(arts)} articles ({args.articles} synthetic + seeds, bodies {digest}); parses cached in {workdir}")
    if args.profile:  # a pass of its own: the profiler's overhead would distort the timed passes
        import cProfile

        profile = cProfile.Profile()
        run(docs, arts, None, profile)
        profile.dump_stats(args.profile)
    best_e = best_s = float("inf")
    for k in range(max(1, args.repeat)):
        e, s = run(docs, arts, Path(args.dump) if args.dump and k == 0 else None)
        best_e, best_s = min(best_e, e), min(best_s, s)
        print(f"pass {k + 1}: events {1000 * e / len(arts):.2f} ms/article, stances {1000 * s / len(arts):.2f} ms/article")
    n = len(arts)
    print(f"best: events {1000 * best_e / n:.2f} ms/article, stances {1000 * best_s / n:.2f} ms/article, "
          f"together {1000 * (best_e + best_s) / n:.2f} ms/article")
    if args.dump:
        print(f"records written to {args.dump}")


if __name__ == "__main__":
    main()
