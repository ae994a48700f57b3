"""Rewrites (``newstrail.rewrites``): what is found on real news, on the sample's key, and how fast.

No public data set marks which news article retells which, so the bench measures three things:
- the bundled sample corpus, built as a user builds it, whose key
  (``newstrail/sample/answers.json``, the ``noise`` of each document) names one
  machine-translated rewrite: found or not, and every other rewrite found there, a false one;
- T17 (``../shared/data/tls``: a few hundred articles per topic, from many outlets, each topic
  taken as one story, lines kept by the cleaner): how many pairs are found, and with
  ``--show N`` the openings of N of them, to read whether each is a retelling (a re-edited
  wire version, a translation) or two independent reports;
- speed: articles per second of ``find_rewrites`` over a T17 topic.

    python bench/rewrites.py [--topics h1n1 egypt ...] [--show 10]
"""

from __future__ import annotations

import argparse
import csv
import json
import tempfile
import time
from pathlib import Path

from common import DATA, REPO, peak_memory_mb

from newstrail.adapters import clean_lines
from newstrail.rewrites import Retold, find_rewrites

SAMPLE = REPO / "newstrail" / "sample"


def sample_pairs() -> tuple[set[frozenset[str]], list[tuple[str, str, float]]]:
    """The key's rewrite pairs (by file name) and the rewrites a build of the sample records."""
    key = json.loads((SAMPLE / "answers.json").read_text(encoding="utf-8"))
    wanted: set[frozenset[str]] = set()
    for name, doc in key["documents"].items():
        for note in doc.get("noise", ()):
            if "rewrite of" in note:
                original = note.split("rewrite of")[1].split()[0]
                other = next(n for n in key["documents"] if n.startswith(original + "_"))
                wanted.add(frozenset((name, other)))
    from newstrail.api import build, list_duplicates  # the pipeline's own path, as a user runs it
    from newstrail.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "sample.db"
        build([SAMPLE], db, workers=1)
        with Store(db) as store:
            found = [(Path(d["source"]).name, Path(d["other_source"]).name, d["similarity"])
                     for d in list_duplicates(store) if d["kind"] == "rewrite"]
    return wanted, found


def t17_topic(topic: str) -> list[Retold]:
    """A T17 topic's articles, with the lines the cleaner keeps, as one story."""
    path = DATA / "tls" / "raw" / "t17" / topic / "articles_date_text.csv"
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    out = []
    for n, row in enumerate(rows):
        lines = row["text"].splitlines()
        kept = [line for line, keep in zip(lines, clean_lines(lines)) if keep]
        out.append(Retold(f"{topic}:{n}", "\n".join(kept), row["date"]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--topics", nargs="*", help="T17 topics (default: all)")
    parser.add_argument("--show", type=int, default=0, help="print the openings of this many T17 pairs")
    args = parser.parse_args()

    wanted, found = sample_pairs()
    hits = {frozenset(p[:2]) for p in found} & wanted
    print(f"sample: {len(hits)}/{len(wanted)} key rewrites found; {len(found) - len(hits)} other pairs found")
    for a, b, s in found:
        print(f"  {'key ' if frozenset((a, b)) in wanted else 'FALSE'} {a} retells {b} (cover {s:.2f})")

    root = DATA / "tls" / "raw" / "t17"
    topics = args.topics or sorted(p.name for p in root.iterdir() if p.is_dir())
    shown, articles, seconds, pairs = 0, 0, 0.0, 0
    for topic in topics:
        story = t17_topic(topic)
        start = time.perf_counter()
        records = find_rewrites(story)
        seconds += time.perf_counter() - start
        articles += len(story)
        pairs += len(records)
        body = {a.id: a.body for a in story}
        date = {a.id: a.published for a in story}
        print(f"T17 {topic}: {len(story)} articles, {len(records)} rewrite pairs")
        for d in records:
            if shown >= args.show:
                break
            shown += 1
            print(f"  {d.article_id} ({date[d.article_id]}) retells {d.other_id} ({date[d.other_id]}), cover {d.similarity:.2f}")
            for aid in (d.article_id, d.other_id):
                print(f"    | {' '.join(body[aid].split())[:300]}")
    print(f"T17: {pairs} pairs among {articles} articles in {len(topics)} topics; "
          f"{articles / seconds:,.0f} articles/s ({seconds:.1f} s); peak memory {peak_memory_mb():.0f} MB")


if __name__ == "__main__":
    main()
