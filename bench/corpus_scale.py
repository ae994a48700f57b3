"""Corpus stages at scale: time and peak memory of duplicates, actors, stories, dates, timeline
and positions over stores of 10k and 100k articles (the embedded store side of a build).

Running spaCy over 100,000 articles takes hours on two cores, and the corpus stages only
read what the per-article stages stored, so the big stores are made from a real one:
``--base`` synthetic articles (bench/synth.py) go through the per-article stages once
(``newstrail build``, corpus stages off), then every stored article and its findings are
copied until the store holds N articles. Each copy k is made a different slice of the
world so that it does not just pile onto copy 0: every capitalised word gets a suffix of
its own (new people, places and organisations, so new actors and stories) and every year
moves k years later (so stories, dates and timelines are new too). Findings keep their
structure and size; offsets inside copies drift by the suffixes, which no corpus stage reads.

Each size runs the corpus stages in a fresh process; printed: seconds per stage, articles/s
and the peak resident memory of that process (ru_maxrss), with its growth per 1,000 articles.
As in a build's main process, the stories stage finds the texts of the first new articles
already read (``stories.PreparedTexts``, up to its limit; ``--no-prepared`` leaves them out);
reading them ahead is timed apart ("prepared") and not counted in the stages' seconds.

    python bench/corpus_scale.py [--base 200] [--sizes 10000,100000] [--workers 2] [--keep DIR] [--no-prepared]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from common import REPO, peak_memory_mb

if TYPE_CHECKING:
    from newstrail.store import Store
    from newstrail.stories import PreparedTexts

TABLES = ("mentions", "timexes", "quotes", "events", "stances")
_CAPITAL = re.compile(r"\b([A-Z][a-z]{2,})\b")
_YEAR = re.compile(r"\b(2\d{3})\b")


def build_base(folder: Path, articles: int) -> Path:
    """A store of ``articles`` synthetic articles with per-article findings only (cached)."""
    db = folder / f"base-{articles}.db"
    if db.exists():
        return db
    sys.path.insert(0, str(REPO / "bench"))
    from synth import generate

    corpus = folder / f"synth-{articles}"
    generate(corpus, articles, seed=11)
    code = (
        "import sys; from newstrail.pipeline import build; from newstrail.engine import LocalEngine; "
        "from newstrail.store import Store; "
        f"s = Store({str(db)!r}); r = build(s, [{str(corpus)!r}], LocalEngine(2), corpus=False); "
        "print(r.articles, 'articles in', round(r.seconds), 's', file=sys.stderr)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)
    return db


def copier(k: int):
    """The text rewrite of copy ``k``: suffixed capitalised words, years moved k later."""
    suffix = "".join("bcdfghjklmnpqrstvwz"[int(d)] for d in str(k))

    def rewrite(text: str) -> str:
        text = _CAPITAL.sub(lambda m: m.group(1) + suffix, text)
        return _YEAR.sub(lambda m: str(min(9999, int(m.group(1)) + k)), text)

    return rewrite


def grow(base: Path, target: Path, size: int) -> None:
    """Copy ``base`` to ``target`` and add rewritten copies of its articles up to ``size``."""
    shutil.copy(base, target)
    db = sqlite3.connect(target)
    # no full-text index for the copies: corpus stages never search, and it triples the time
    for trigger in ("articles_ai", "articles_ad", "articles_au"):
        db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    articles = db.execute("SELECT * FROM articles ORDER BY seq").fetchall()
    columns = [d[0] for d in db.execute("SELECT * FROM articles LIMIT 0").description]
    found = {t: db.execute(f"SELECT article_id, n, data FROM {t}").fetchall() for t in TABLES}
    have, k = len(articles), 1
    seq = max(columns.index("seq"), 0)
    text_cols = {columns.index(c) for c in ("id", "source", "title", "dek", "outlet", "published", "text", "body")}
    while have < size:
        rewrite = copier(k)
        rows = []
        for row in articles[: size - have]:
            row = list(row)
            for i in text_cols:
                if isinstance(row[i], str):
                    row[i] = rewrite(row[i]) if columns[i] != "id" else f"{row[i]}-{k}"
            row[seq] = row[seq] + k * len(articles)
            rows.append(row)
        ids = {a[0] for a in articles[: size - have]}
        with db:
            db.executemany(f"INSERT INTO articles VALUES ({','.join('?' * len(columns))})", rows)
            for table, records in found.items():
                db.executemany(
                    f"INSERT INTO {table} VALUES (?, ?, ?)",
                    [(f"{aid}-{k}", n, rewrite(data.replace(aid, f"{aid}-{k}"))) for aid, n, data in records if aid in ids],
                )
        have += len(rows)
        k += 1
    db.close()


def read_ahead(store: Store) -> tuple[PreparedTexts, float]:
    """The texts a build reads ahead for the stories stage while the workers parse
    (``pipeline._prepare``: every written article, in store order, up to the holder's limit)."""
    from newstrail.stories import PreparedTexts

    clock = time.perf_counter()
    prepared = PreparedTexts()
    rows = store.db.execute("SELECT id, body, published FROM articles ORDER BY seq")
    for article_id, body, published in rows:
        if len(prepared) >= prepared.limit:
            break
        prepared.add(article_id, body, dated=published is not None)
    return prepared, time.perf_counter() - clock


def run_stages(path: str, workers: int, prepared: bool = True) -> dict:
    """The corpus stages over one store, as a build runs them: seconds per stage, peak memory.

    The peak is this process's (the embedded store side), with the texts read ahead as a
    build holds them when ``prepared``; worker processes, when there are any, hold only the
    task they work on.
    """
    from newstrail.engine import LocalEngine
    from newstrail.pipeline import run_corpus_stages
    from newstrail.store import Store

    before = peak_memory_mb()
    store = Store(path)
    articles = store.count("articles")
    ahead, ahead_seconds = read_ahead(store) if prepared else (None, 0.0)
    texts = len(ahead) if ahead is not None else 0  # counted now: the stories stage takes them
    engine = LocalEngine(workers)
    clock = time.perf_counter()
    reports = run_corpus_stages(store, engine=engine, prepared=ahead)
    seconds = time.perf_counter() - clock
    engine.close()
    return {
        "articles": articles, "seconds": seconds, "start_mb": before, "peak_mb": peak_memory_mb(),
        "prepared": {"texts": texts, "seconds": round(ahead_seconds, 1)},
        "stages": {r.stage: round(r.seconds, 1) for r in reports},
        "problems": [p.reason for r in reports for p in r.problems],
        "counts": {t: store.count(t) for t in ("actors", "stories", "duplicates", "timeline", "positions")},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", type=int, default=200, help="synthetic articles analysed for real")
    ap.add_argument("--sizes", default="10000,100000", help="comma-separated store sizes")
    ap.add_argument("--keep", help="folder for the stores (kept, and the base reused, between runs)")
    ap.add_argument("--workers", type=int, default=2, help="engine workers for the stages that use them")
    ap.add_argument("--no-prepared", action="store_true",
                    help="run the stories stage without the texts a build reads ahead for it")
    ap.add_argument("--run", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.run:
        print(json.dumps(run_stages(args.run, args.workers, prepared=not args.no_prepared)))
        return
    folder = Path(args.keep or tempfile.mkdtemp(prefix="newstrail-corpus-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    base = build_base(folder, args.base)
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        target = folder / f"scale-{size}.db"
        for leftover in folder.glob(f"scale-{size}.db*"):
            leftover.unlink()
        clock = time.perf_counter()
        grow(base, target, size)
        print(f"{size:>7} articles: store made in {time.perf_counter() - clock:.0f} s", file=sys.stderr, flush=True)
        command = [sys.executable, __file__, "--run", str(target), "--workers", str(args.workers)]
        command += ["--no-prepared"] if args.no_prepared else []
        out = subprocess.run(command, check=True, capture_output=True, text=True)
        rows.append(json.loads(out.stdout))
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    print(f"corpus stages over stores grown from {args.base} analysed synthetic articles")
    print(f"{'articles':>9} {'seconds':>8} {'art/s':>7} {'peak MB':>8} {'MB/1k art':>9}  stages (s)")
    for r in rows:
        per_k = (r["peak_mb"] - r["start_mb"]) / r["articles"] * 1000
        stages = " ".join(f"{k} {v}" for k, v in r["stages"].items())
        print(f"{r['articles']:>9} {r['seconds']:>8.1f} {r['articles'] / r['seconds']:>7.0f} {r['peak_mb']:>8.0f} {per_k:>9.1f}  {stages}")
        print(f"{'':>9} made: {r['counts']}; texts read ahead: {r['prepared']['texts']} in {r['prepared']['seconds']} s"
              + (f"; problems: {r['problems']}" if r["problems"] else ""))
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
