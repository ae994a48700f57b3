"""Story clustering at scale: time and memory for 1k, 10k (default) and 100k synthetic articles.

Articles are generated here (bench/neardup.py's sentence generator, with made-up names so
the vocabulary grows with the number of stories, as in real news): one story per 20
articles on average, each story with its own people, place and organisation, dated over
three weeks, the whole stream spread over years. The index does what the stories stage
does with one run: ``add_many`` on parts of ``stages.GROUP_ARTICLES`` articles (single pass
in date order, then refinement of the part), and one ``consolidate`` (merges, second
refinement of the whole run). Each size runs in its own process so the peak
memory is that size's alone. Time and memory should grow linearly.

    python bench/stories_scale.py [--sizes 1000,10000]     # 100,000 takes about 5 minutes
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys

from common import peak_memory_mb, timer

SYLLABLES = ["ka", "lo", "mer", "vi", "tan", "ro", "sel", "du", "bra", "ni", "kor", "al", "ven", "mi", "zo",
             "pel", "ar", "go", "rin", "the", "sa", "mon", "tu", "lek", "qua", "ber", "ish", "ot", "fen", "dal"]


def name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def stream(n: int, seed: int = 3) -> list[tuple[str, str, str, list[str]]]:
    """``n`` articles (id, text, date, actors) in date order."""
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
    items = []
    for i in range(n):
        st = stories[rng.randrange(n_stories)]
        paras = article(rng, paragraphs=3, per_paragraph=2, topic=st["topic"], place=st["place"], people=st["people"])
        date = (start + dt.timedelta(days=st["day"] + rng.randrange(21))).isoformat()
        items.append((f"a{i}", render(paras), date, st["actors"]))
    items.sort(key=lambda it: it[2])
    return items


def one(n: int) -> dict:
    """Measure one size in this process."""
    from newstrail.stages import GROUP_ARTICLES
    from newstrail.stories import StoryIndex

    items = stream(n)
    base = peak_memory_mb()
    index = StoryIndex()
    with timer() as t:
        for lo in range(0, len(items), GROUP_ARTICLES):  # one run in parts, as the stories stage
            index.add_many(items[lo:lo + GROUP_ARTICLES])  # reads it: single pass, refinement,
        index.consolidate()  # then merges and a second refinement
    blob = index.to_bytes()
    return {
        "articles": n, "stories": len(index.stories()), "seconds": t["seconds"],
        "per_s": n / t["seconds"], "peak_mb": peak_memory_mb(), "growth_mb": peak_memory_mb() - base,
        "state_mb": len(blob) / 1e6,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated article counts")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one)))
        return
    print(f"{'articles':>9} {'stories':>8} {'seconds':>8} {'art/s':>7} {'peak MB':>8} {'index MB':>9} {'state MB':>9}")
    for n in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{r['articles']:>9,} {r['stories']:>8,} {r['seconds']:>8.1f} {r['per_s']:>7,.0f} {r['peak_mb']:>8.0f} "
              f"{r['growth_mb']:>9.1f} {r['state_mb']:>9.2f}")
    print("index MB = peak memory growth while clustering (after generating the texts); "
          "state MB = size of to_bytes()")


if __name__ == "__main__":
    main()
