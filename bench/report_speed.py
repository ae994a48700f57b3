"""Render time of the story view for a story of 1,000 articles (goal: under 300 ms per page).

Builds a synthetic one-story store record by record (``newstrail.report.sample``, invented
text, no NLP) and times, through the web app in process (FastAPI's TestClient, so routing,
the read-only connection per request and templating all count): the story page, an article
page, the front page and the story's JSON twin; then the one-file report of the whole store.
Prints milliseconds per page (median and worst of several runs). A benchmark: it never asserts.

    python bench/report_speed.py                 # 1,000 articles
    python bench/report_speed.py --articles 5000 --runs 5
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import warnings
from pathlib import Path

from common import peak_memory_mb, timer

from newstrail.report import render_report
from newstrail.report.app import create_app
from newstrail.report.links import AppLinks
from newstrail.report.render import render
from newstrail.report.views import Corpus, story_view
from newstrail.report.sample import write_sample_store
from newstrail.store import Store

with warnings.catch_warnings():  # starlette's notice about its test client's HTTP library
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

GOAL_MS = 300


def time_get(client: TestClient, path: str, runs: int) -> tuple[float, float, float, int]:
    """Median and worst wall milliseconds, median CPU milliseconds, and page size for GET ``path``.

    CPU time is printed beside wall time because this machine's cores are shared: wall time
    moves with the neighbours' load, the process's CPU time much less.
    """
    size = len(client.get(path).content)
    walls, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        response = client.get(path)
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"bench: GET {path} returned {response.status_code}")
    return statistics.median(walls), max(walls), statistics.median(cpus), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles in the story")
    parser.add_argument("--runs", type=int, default=7, help="timed requests per page")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newstrail-bench-") as tmp:
        db = Path(tmp) / "bench.db"
        with timer() as t:
            write_sample_store(db, args.articles, hostile=False)
        with Store(db, readonly=True) as store:
            story = store.corpus("stories")[0]
            counts = {t: store.count(t) for t in ("articles", "quotes", "timeline", "positions", "duplicates")}
            article = story.articles[len(story.articles) // 2]
        print(f"synthetic store: {counts} written in {t['seconds']:.1f} s")
        with TestClient(create_app(db)) as client:
            for label, path in (
                (f"story page ({len(story.articles)} articles)", f"/story/{story.id}"),
                ("article page", f"/article/{article}"),
                ("front page", "/"),
                ("story JSON (/api/stories/<id>)", f"/api/stories/{story.id}"),
            ):
                median, worst, cpu, size = time_get(client, path, args.runs)
                mark = "" if not label.startswith("story page") else ("  (goal < %d ms: %s)" % (GOAL_MS, "met" if median < GOAL_MS else "NOT met"))
                print(f"{label:34s} {median:7.1f} ms median {worst:7.1f} ms worst {cpu:7.1f} ms CPU {size / 1024:6.0f} KiB{mark}")
        with Store(db, readonly=True) as store:
            renders = []
            for _ in range(args.runs):
                cpu = time.process_time()
                corpus = Corpus(store, AppLinks())
                render("page.html", partial="_story.html", v=story_view(corpus, story.id), links=corpus.links, title="")
                renders.append((time.process_time() - cpu) * 1000)
        print(f"{'story page, views + template only':34s} {'':33s}{statistics.median(renders):7.1f} ms CPU")
        with Store(db, readonly=True) as store, timer() as t:
            html = render_report(store)
        print(f"{'one-file report (whole store)':34s} {t['seconds'] * 1000:7.1f} ms once {'':31s}{len(html) / 1024:6.0f} KiB")
    print(f"peak memory {peak_memory_mb():.0f} MB")


if __name__ == "__main__":
    main()
