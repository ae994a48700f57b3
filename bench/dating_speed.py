"""Speed of dating undated articles (the corpus "dates" stage's inference), with its output.

    python bench/dating_speed.py [--workdir /tmp/dating_speed] [--articles 1000] [--dump FILE]
                                 [--repeat 3] [--t17 120] [--profile]

Three sets of undated articles, each dated from its story exactly as the dates stage dates
them (``known_days`` of the story's dated articles, then ``infer_publication_date``):
- ``synth``: a synthetic corpus (``bench/synth.py``) built once into a store in ``--workdir``
  (``newstrail build``, one worker; reused by later runs), read as ``run_dates`` reads it
  (``_dating_tasks``: the stories' known days and the undated articles as stored);
- ``seeds``: the seed articles of ../shared/seeds (seed 000 is undated), one story as gold.json
  groups them, their known days from the regex resolver (no spaCy);
- ``t17``: real news, the first ``--t17`` articles of each T17 topic, cut into 30-day blocks
  as ``bench/dating.py`` cuts them, each article that states no date dated from the others
  of its block with its own date hidden.

Only the inference is timed (recognising the article's expressions included, as in the stage,
and also printed apart: the stage recognises each article once, for inference and re-dating):
the caches it fills (recognised texts, tenses, each story's scorer) are emptied before each
pass, and the best of ``--repeat`` passes is printed, as ms of this process's CPU time per
undated article (CPU time, not wall time: the machine is shared, and other load stretches wall
time by a third or more from one run to the next). The resolver's own memoised helpers
(``_weekday_on`` and the like) are not emptied: later passes find them warm, as the stage does
after its first story.
``--dump FILE`` writes one JSON line per undated article, ``{"set", "id", "value", "reason"}``,
for a byte-for-byte comparison of the output before and after a change (``cmp``).

``--stage`` also times the whole dates stage (``stages.run_dates``: reading, inference,
re-dating the quotes, events and stances, writing) on a copy of the synthetic store
(``stage.db`` in ``--workdir``), in a transaction rolled back after each pass, the caches of
timex.resolve and timex.infer emptied before it; with ``--dump FILE``, what it wrote (the
articles' dates, then the findings tables) goes to ``FILE.stage``.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import json
import pstats
import shutil
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

from common import REPO, SEEDS, data_dir

sys.path.insert(0, str(REPO / "bench"))

from dating import blocks, read_topic  # noqa: E402
from synth import generate  # noqa: E402

from newstrail.clean import clean_article  # noqa: E402
from newstrail.model import RawArticle  # noqa: E402
from newstrail.stages import CorpusContext, _dating_tasks, _originals  # noqa: E402
from newstrail.store import Store, decode_analysis  # noqa: E402
from newstrail.timex import time_expressions  # noqa: E402
from newstrail.timex.infer import infer_publication_date, known_days  # noqa: E402
from newstrail.timex.resolve import _recognise, _recognised, _text_tense  # noqa: E402

# One undated article to date: (set name, article id, article, its story's known days, story id).
Item = tuple[str, str, object, object, str]


def synth_items(workdir: Path, n: int) -> list[Item]:
    """The undated articles of a built synthetic corpus, with their stories' known days."""
    db = workdir / "store.db"
    if not db.exists():
        corpus = workdir / "corpus"
        generate(corpus, n)
        print(f"building {n} synthetic articles into {db} (once) ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "newstrail", "build", str(corpus), "--db", str(db),
                        "--workers", "1", "--quiet"], check=True)
    store = Store(db, readonly=True)
    ctx = CorpusContext(store)
    undated = [aid for aid, in store.db.execute(
        "SELECT id FROM articles WHERE published IS NULL OR published_how = 'inferred' ORDER BY seq")]
    items: list[Item] = []
    originals = _originals(store)
    for ids in ctx.story_groups(undated, size=50):
        for task in _dating_tasks(ctx, ids, originals):
            for row, found in task.undated:
                article = dataclasses.replace(decode_analysis(row, found).article, published=None, published_how=None)
                story = task.story_of.get(article.id)
                if story is not None:
                    items.append(("synth", article.id, article, task.known[story], story))
    return items


def _timexes(body: str, published: str) -> list[SimpleNamespace]:
    return [SimpleNamespace(type=t, value=v) for _, _, v, t in time_expressions(body, published)]


def seed_items() -> list[Item]:
    """The seeds' undated story members, dated from the dated ones (the cleaner finds their dates)."""
    gold = json.loads((SEEDS / "gold.json").read_text())
    items: list[Item] = []
    for story, keys in gold["stories"].items():
        articles = [clean_article(RawArticle(source=p.name, text=p.read_text()))
                    for k in keys for p in sorted(SEEDS.glob(f"{k}_*.txt"))]
        known = known_days([(a, _timexes(a.body, a.published)) for a in articles if a.published])
        items += [("seeds", a.source, a, known, story) for a in articles if not a.published]
    return items


def t17_items(per_topic: int) -> list[Item]:
    """T17 articles that state no date, each dated from the rest of its 30-day block."""
    data_dir("tls")
    import score_tls

    items: list[Item] = []
    for topic in score_tls.topics():
        members = read_topic(topic, lambda t: score_tls.load_articles(t)[:per_topic])
        for b, block in enumerate(blocks(members, 30)) if members else ():
            for i, hidden in enumerate(block):
                if hidden.states_date:
                    continue
                others = [(SimpleNamespace(published=m.date.isoformat()), m.timexes)
                          for j, m in enumerate(block) if j != i]
                article = SimpleNamespace(body=hidden.body, published=None)
                items.append(("t17", f"{topic}/{b}/{i}", article, known_days(others), f"{topic}/{b}"))
    return items


def infer_all(items: list[Item]) -> tuple[list[dict], dict[str, float]]:
    """Date every item once from cold caches; the rows and the seconds per set."""
    _recognised.cache_clear()
    _text_tense.cache_clear()
    fresh: dict[int, object] = {}  # a story's known days, copied without its cached scorer
    rows, seconds = [], {}
    for name, aid, article, known, story in items:
        if known is not None and id(known) not in fresh:
            fresh[id(known)] = dataclasses.replace(known)
        days = fresh[id(known)] if known is not None else None
        start = time.process_time()
        _recognise(article.body)  # what inference does first, timed apart (re-dating reuses it)
        middle = time.process_time()
        found = infer_publication_date(article, days, story)
        end = time.process_time()
        seconds[name] = seconds.get(name, 0.0) + end - start
        seconds[name + " recognise"] = seconds.get(name + " recognise", 0.0) + middle - start
        value, reason = found or (None, None)
        rows.append({"set": name, "id": aid, "value": value, "reason": reason})
    return rows, seconds


def stage_pass(db: Path) -> tuple[list[str], float, int]:
    """One pass of the dates stage on a built store, rolled back: what it wrote, its CPU
    seconds and the dates it inferred."""
    from newstrail import stages
    from newstrail.timex import infer, resolve

    for module in (resolve, infer):
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()
    with Store(db) as store:
        conn = store.db.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            start = time.process_time()
            count = stages.run_dates(CorpusContext(store))
            seconds = time.process_time() - start
            written = [json.dumps(list(row), ensure_ascii=False) for row in conn.execute(
                "SELECT id, published, published_how, published_reason FROM articles ORDER BY seq")]
            for table in ("timexes", "quotes", "events", "stances"):
                written += [f"{table} {json.dumps(list(row), ensure_ascii=False)}"
                            for row in conn.execute(f"SELECT * FROM {table} ORDER BY rowid")]
        finally:
            conn.execute("ROLLBACK")
    return written, seconds, count


def time_stage(workdir: Path, repeat: int, dump: str | None) -> None:
    """``--stage``: the best of ``repeat`` passes of the dates stage on a copy of the synthetic store."""
    db = workdir / "stage.db"
    if not db.exists():
        shutil.copyfile(workdir / "store.db", db)
    best = None
    for _ in range(max(repeat, 1)):
        written, seconds, count = stage_pass(db)
        best = seconds if best is None else min(best, seconds)
    print(f"  dates stage on the synthetic store: {count} dates inferred, {best:.2f} CPU s (best of {repeat})")
    if dump:
        Path(dump + ".stage").write_text("".join(line + "\n" for line in written))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workdir", default="/tmp/dating_speed", help="where the synthetic store is built and kept")
    parser.add_argument("--articles", type=int, default=1000, help="synthetic articles (when first built)")
    parser.add_argument("--t17", type=int, default=120, help="T17 articles read per topic (0: none)")
    parser.add_argument("--repeat", type=int, default=3, help="passes; the best is printed")
    parser.add_argument("--dump", help="write (set, id, value, reason) per undated article as JSON lines")
    parser.add_argument("--profile", action="store_true", help="profile one pass; print the top functions")
    parser.add_argument("--stage", action="store_true", help="also time the whole dates stage on the synthetic store")
    args = parser.parse_args()
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    items = synth_items(workdir, args.articles) + seed_items() + (t17_items(args.t17) if args.t17 else [])
    counts = {name: sum(1 for it in items if it[0] == name) for name in dict.fromkeys(it[0] for it in items)}
    best: dict[str, float] = {}
    for _ in range(max(args.repeat, 1)):
        rows, seconds = infer_all(items)
        best = {k: min(v, best.get(k, v)) for k, v in seconds.items()}
    for name, n in counts.items():
        print(f"  {name:6s} {n:5d} undated articles: {1000 * best.get(name, 0) / n:7.2f} ms per article"
              f" (recognising their expressions {1000 * best.get(name + ' recognise', 0) / n:.2f})")
    total = sum(v for k, v in best.items() if k in counts)
    print(f"  all    {len(items):5d} undated articles: {1000 * total / len(items):7.2f} ms per article"
          f" ({total:.2f} CPU s, best of {args.repeat})")
    if args.dump:
        with open(args.dump, "w") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    if args.stage:
        time_stage(workdir, args.repeat, args.dump)
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(infer_all, items)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
