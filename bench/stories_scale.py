"""Story clustering at scale: time, memory and B-cubed F1 for 1k, 10k (default) and 100k synthetic articles.

Articles are generated here (bench/neardup.py's sentence generator, with made-up names so
the vocabulary grows with the number of stories, as in real news): one story per 20
articles on average, each story with its own people, place and organisation, dated over
three weeks, the whole stream spread over years. The story each article was generated for
is its gold story, scored with ../shared/data/clustering's scorer (B-cubed F1).

The index does what the stories stage does with one run: ``add_run`` (time order, cut into
blocks of ``--block`` articles, each placed on its own: single pass and refinement), then one
``consolidate`` (merges across blocks, second refinement of the whole run). ``--block 0`` puts
the whole run in one block: the sequential pass that blocks are measured against.
``--engine local:N`` / ``dask:N`` places the blocks on N worker processes (a LocalCluster
for Dask) and checks that the stories equal those placed in this process.
Each size runs in its own process so the peak memory is that size's alone.

    python bench/stories_scale.py [--sizes 1000,10000] [--block 2000] [--engine dask:2]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys

from common import data_dir, peak_memory_mb, timer

SYLLABLES = ["ka", "lo", "mer", "vi", "tan", "ro", "sel", "du", "bra", "ni", "kor", "al", "ven", "mi", "zo",
             "pel", "ar", "go", "rin", "the", "sa", "mon", "tu", "lek", "qua", "ber", "ish", "ot", "fen", "dal"]


def name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def stream(n: int, seed: int = 3) -> tuple[list[tuple[str, str, str, list[str]]], dict[str, str]]:
    """``n`` articles (id, text, date, actors) in date order, and each one's gold story."""
    from neardup import TOPICS, article, render

    rng = random.Random(seed)
    n_stories = max(n // 20, 1)
    start = dt.date(2015, 1, 1)
    stories = []
    for s in range(n_stories):
        people = [f"{name(rng, 2)} {name(rng, 3)}" for _ in range(2)]
        stories.append({
            "people": people, "place": name(rng, 3), "topic": f"{rng.choice(TOPICS)} in {name(rng, 2)}",
            "day": rng.randrange(0, 3650), "actors": people + [f"{name(rng, 2)} Council"],
        })
    items, gold = [], {}
    for i in range(n):
        k = rng.randrange(n_stories)
        st = stories[k]
        gold[f"a{i}"] = str(k)
        paras = article(rng, paragraphs=3, per_paragraph=2, topic=st["topic"], place=st["place"], people=st["people"])
        date = (start + dt.timedelta(days=st["day"] + rng.randrange(21))).isoformat()
        items.append((f"a{i}", render(paras), date, st["actors"]))
    items.sort(key=lambda it: it[2])
    return items, gold


def one(n: int, block: int, engine: str) -> dict:
    """Measure one size in this process."""
    from newstrail.stories import StoryIndex

    data_dir("clustering")
    import score_clustering  # type: ignore[import-not-found]

    items, gold = stream(n)
    base = peak_memory_mb()
    place, close = _placer(engine)
    index = StoryIndex()
    with timer() as t:
        index.add_run(items, block=block or n, place=place)  # as the stories stage: blocks, then
        index.consolidate(place=place)  # merges across them and a second refinement of the run
    close()
    blob = index.to_bytes()
    pred = {a: index.story_of(a) for a in gold}
    same = None
    if engine != "here":
        alone = StoryIndex()
        alone.add_run(items, block=block or n)
        alone.consolidate()
        same = alone.to_bytes() == blob
    return {
        "articles": n, "stories": len(index.stories()), "seconds": t["seconds"],
        "per_s": n / t["seconds"], "peak_mb": peak_memory_mb(), "growth_mb": peak_memory_mb() - base,
        "state_mb": len(blob) / 1e6, "b3_f1": score_clustering.score(gold, pred)["b3_f1"], "same": same,
    }


def _placer(engine: str):
    """``add_run``'s ``place`` for an engine named ``here``, ``local:N`` or ``dask:N``, and its close."""
    if engine == "here":
        return map, lambda: None
    kind, _, workers = engine.partition(":")
    if kind == "dask":
        from newstrail.dask_engine import DaskEngine

        eng = DaskEngine(int(workers or 2))
    else:
        from newstrail.engine import LocalEngine

        eng = LocalEngine(int(workers or 2))
    return eng.map, eng.close


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated article counts")
    ap.add_argument("--block", type=int, default=None,
                    help="articles per block (default: the stories stage's, stages.GROUP_ARTICLES; 0: one block)")
    ap.add_argument("--engine", default="here", help="where blocks are placed: here, local:N or dask:N")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.block is None:
        from newstrail.stages import GROUP_ARTICLES

        args.block = GROUP_ARTICLES
    if args.one:
        print(json.dumps(one(args.one, args.block, args.engine)))
        return
    print(f"block {args.block or 'whole run'}, blocks placed {args.engine}")
    print(f"{'articles':>9} {'stories':>8} {'seconds':>8} {'art/s':>7} {'peak MB':>8} {'index MB':>9} {'state MB':>9} "
          f"{'B3 F1':>7}{'  same as here' if args.engine != 'here' else ''}")
    for n in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "--block", str(args.block),
                              "--engine", args.engine], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        same = "" if r["same"] is None else f"  {r['same']}"
        print(f"{r['articles']:>9,} {r['stories']:>8,} {r['seconds']:>8.1f} {r['per_s']:>7,.0f} {r['peak_mb']:>8.0f} "
              f"{r['growth_mb']:>9.1f} {r['state_mb']:>9.2f} {r['b3_f1']:>7.4f}{same}")
    print("index MB = peak memory growth while clustering (after generating the texts); "
          "state MB = size of to_bytes(); B3 F1 against the story each article was generated for")


if __name__ == "__main__":
    main()
