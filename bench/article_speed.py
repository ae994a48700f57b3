"""Speed of the per-article stages "clean", "mentions", "timexes", "quotes", "events" and "stances" alone (issue #9).

    python bench/article_speed.py [--workdir /tmp/article_speed] [--articles 500] [--t17 60]
                                  [--repeat 3] [--profile clean|mentions|timexes|quotes|events|stances]
                                  [--dump FILE]

Four sets of articles:
- ``synth``: a synthetic corpus (``bench/synth.py``, written once into ``--workdir``), read as
  ``newstrail build`` reads it;
- ``seeds``: the seed articles of ../shared/seeds;
- ``t17``: real news, the first ``--t17`` articles of each T17 topic (text with its date);
- ``zyte``: the 181 HTML pages of the extraction benchmark (../shared/data/extraction), read as
  the HTML reader reads a page (markup only: cleaning renders it and runs trafilatura).

Each set's corpus-common lines are counted over the whole set (``stages.line_keys``, kept
when in at least ``COMMON_LINE_MIN`` articles), as a build counts them. The clean bodies are
parsed once and kept in ``--workdir`` as a spaCy DocBin (``common.parse_cached``), so a run
times only ``clean_article``, ``extract_mentions(doc, article)``,
``extract_timexes(doc, article)`` and the quotes stage as the build times it
(``extract_quotes(doc, article, mentions)`` then ``stages.date_quotes``). Before each pass the
memoised helpers of the stages (``functools`` caches of newstrail.clean, newstrail.actors,
newstrail.timex and newstrail.quotes) and the Docs' ``user_data`` are emptied, so every pass
starts as a fresh worker does; before the quotes of an article, its mentions and time
expressions are found again untimed, so the doc holds what those stages leave on it in a
build. The events and stances stages are timed apart as the build times them
(``extract_events(doc, article, mentions, timexes)``, then
``extract_stances(doc, article, mentions, quotes, timexes, events)``), each article's mentions, time
expressions and quotes run again untimed before them; the description model of the events
stage (``_description_model``, fitted once per worker) stays fitted, as the spaCy pipeline
stays loaded. The best of ``--repeat`` passes is printed as ms of this process's CPU time
(``time.process_time``: the machine is shared) per article.

``--dump FILE`` writes one JSON line per article (``{"set", "id", "article", "mentions", "timexes",
"quotes"}``: the clean article as the store's record, bodies, offsets, flags and metadata
included, its mentions, its time expressions and its dated quotes) for a byte-for-byte
comparison before and after a change (``cmp``); events and stances are compared with
``bench/events_speed.py --dump``.
``--profile STAGE`` profiles one pass of that stage and prints the top 25 functions.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import gzip
import json
import pstats
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, Callable

from common import REPO, SEEDS, data_dir, parse_cached

sys.path.insert(0, str(REPO / "bench"))

from synth import generate  # noqa: E402

import newstrail.actors as actors  # noqa: E402
import newstrail.events as events_module  # noqa: E402
import newstrail.quotes as quotes_module  # noqa: E402
import newstrail.timex.article as timex_article  # noqa: E402
from newstrail import clean as clean_pkg  # noqa: E402
from newstrail.clean import boilerplate, extract, flags, language, metadata, offsets, patterns  # noqa: E402
from newstrail.clean import clean_article  # noqa: E402
from newstrail.errors import InputError  # noqa: E402
from newstrail.ingest import read_paths  # noqa: E402
from newstrail.model import RawArticle  # noqa: E402
from newstrail.nlp import load_nlp  # noqa: E402
from newstrail.pipeline import COMMON_LINE_MIN  # noqa: E402
from newstrail.stages import date_quotes, line_keys  # noqa: E402
from newstrail.timex import grammar, resolve, tense  # noqa: E402

CACHED_MODULES = (actors, clean_pkg, boilerplate, extract, flags, language, metadata, offsets, patterns,
                  timex_article, grammar, resolve, tense, quotes_module, events_module)

# Loaded or fitted once per worker, before any article: kept across passes.
KEPT_LOADED = (load_nlp, events_module._description_model)

# One article to clean: (set name, raw article, the corpus-common line keys of its set).
Item = tuple[str, RawArticle, frozenset[str]]


def _with_common(name: str, raws: list[RawArticle]) -> list[Item]:
    """Each raw article with the line keys common in its set (as a one-batch build counts them)."""
    keys = [line_keys(raw) for raw in raws]
    counts = Counter(k for ks in keys for k in ks)
    common = frozenset(k for k, n in counts.items() if n >= COMMON_LINE_MIN)
    return [(name, raw, common & ks) for raw, ks in zip(raws, keys)]


def synth_raws(workdir: Path, n: int) -> list[RawArticle]:
    corpus = workdir / f"synth-{n}"
    if not corpus.exists():
        generate(corpus, n)
    return [r for r in read_paths([corpus]) if not isinstance(r, InputError)]


def seed_raws() -> list[RawArticle]:
    return [RawArticle(source=p.name, text=p.read_text()) for p in sorted(SEEDS.glob("*.txt"))]


def t17_raws(per_topic: int) -> list[RawArticle]:
    data_dir("tls")
    import score_tls

    return [RawArticle(source=f"{topic}/{i}", text=text, published=day.isoformat())
            for topic in score_tls.topics()
            for i, (day, text) in enumerate(score_tls.load_articles(topic)[:per_topic])]


def zyte_raws() -> list[RawArticle]:
    root = data_dir("extraction") / "raw" / "zyte"
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    raws = []
    for item_id in sorted(gold):
        with gzip.open(root / "html" / f"{item_id}.html.gz", "rt", encoding="utf-8") as fh:
            raws.append(RawArticle(source=item_id, text="", html=fh.read(), url=gold[item_id].get("url"), fmt="html"))
    return raws


def _clear_caches() -> None:
    """Empty the stages' memoised helpers, so a pass starts as a fresh worker does.

    The spaCy pipeline (``nlp.load_nlp``, which actors imports) stays loaded: a worker has
    loaded it to parse before any of these stages runs, so reloading it (about 1-2 s) inside
    the first mentions of a pass would charge the stage for the parse's set-up."""
    for module in CACHED_MODULES:
        for value in vars(module).values():
            if isinstance(value, functools._lru_cache_wrapper) and value not in KEPT_LOADED:
                value.cache_clear()


def clean_all(items: list[Item]) -> tuple[list[Any], dict[str, float]]:
    """Clean every item once; the articles (or None where cleaning refused one) and CPU s per set."""
    _clear_caches()
    out, seconds = [], Counter()
    for name, raw, common in items:
        start = time.process_time()
        try:
            article = clean_article(raw, common)
        except InputError:
            article = None
        seconds[name] += time.process_time() - start
        out.append(article)
    return out, dict(seconds)


def _per_doc(stage: Callable, names: list[str], docs: list, articles: list) -> tuple[list[list], dict[str, float]]:
    """``stage(doc, article)`` on every parsed article once, from fresh caches; its results and CPU s per set."""
    _clear_caches()
    for doc in docs:
        doc.user_data.clear()
    out, seconds = [], Counter()
    for name, doc, article in zip(names, docs, articles):
        start = time.process_time()
        found = stage(doc, article)
        seconds[name] += time.process_time() - start
        out.append(found)
    return out, dict(seconds)


def mentions_all(names: list[str], docs: list, articles: list) -> tuple[list[list], dict[str, float]]:
    """Mentions of every parsed article once; the mention lists and CPU s per set."""
    return _per_doc(actors.extract_mentions, names, docs, articles)


def timexes_all(names: list[str], docs: list, articles: list) -> tuple[list[list], dict[str, float]]:
    """Time expressions of every parsed article once (the doc's user_data emptied first, as for mentions)."""
    return _per_doc(timex_article.extract_timexes, names, docs, articles)


def _quotes(doc, article, mentions: list, timexes: list) -> list:
    """The quotes stage as ``stages.run_article_stages`` runs it: extracted, then dated."""
    return date_quotes(article, quotes_module.extract_quotes(doc, article, mentions), timexes, doc)


def quotes_all(names: list[str], docs: list, articles: list, mentions: list[list], timexes: list[list],
               profiler: cProfile.Profile | None = None) -> tuple[list[list], dict[str, float]]:
    """Dated quotes of every parsed article once, from fresh caches; the quote lists and CPU s per set.

    A build finds an article's mentions and time expressions on the same doc just before its
    quotes, which leaves their cached arrays and strings on ``doc.user_data`` and warms the
    memoised helpers of actors: the same two stages run here first, untimed (and unprofiled),
    and the quotes get the mentions and time expressions found in the timed passes."""
    _clear_caches()
    out, seconds = [], Counter()
    for name, doc, article, found, dated in zip(names, docs, articles, mentions, timexes):
        doc.user_data.clear()
        actors.extract_mentions(doc, article)
        timex_article.extract_timexes(doc, article)
        if profiler is not None:
            profiler.enable()
        start = time.process_time()
        result = _quotes(doc, article, found, dated)
        seconds[name] += time.process_time() - start
        if profiler is not None:
            profiler.disable()
        out.append(result)
    return out, dict(seconds)


def events_all(names: list[str], docs: list, articles: list, mentions: list[list], timexes: list[list],
               quotes: list[list], profiled: str | None = None, profiler: cProfile.Profile | None = None,
               ) -> tuple[tuple[list[list], list[list]], dict[str, float]]:
    """Events and stances of every parsed article once, from fresh caches; the lists and CPU s per set.

    As in ``stages.run_article_stages``, an article's mentions, time expressions and quotes
    are found on the same doc just before (untimed), and the stages get those of the timed
    passes. The CPU s are per set and stage, keyed "events:<set>" and "stances:<set>";
    ``profiled`` names the stage the profiler is switched on for.
    """
    _clear_caches()
    events_module._description_model()  # fitted before the first article, as a worker has it (see KEPT_LOADED)
    events, stances, seconds = [], [], Counter()
    for name, doc, article, found, dated, said in zip(names, docs, articles, mentions, timexes, quotes):
        doc.user_data.clear()
        _quotes(doc, article, actors.extract_mentions(doc, article), timex_article.extract_timexes(doc, article))
        for stage, run, out in (("events", lambda: events_module.extract_events(doc, article, found, dated), events),
                                ("stances", lambda: events_module.extract_stances(doc, article, found, said, dated,
                                                                                  events[-1]), stances)):
            if profiler is not None and profiled == stage:
                profiler.enable()
            start = time.process_time()
            result = run()
            seconds[f"{stage}:{name}"] += time.process_time() - start
            if profiler is not None and profiled == stage:
                profiler.disable()
            out.append(result)
    return (events, stances), dict(seconds)


def best_of(repeat: int, fn: Callable, *args) -> tuple[Any, dict[str, float]]:
    best: dict[str, float] = {}
    result = None
    for _ in range(max(repeat, 1)):
        result, seconds = fn(*args)
        best = {k: min(v, best.get(k, v)) for k, v in seconds.items()}
    return result, best


def report(stage: str, counts: dict[str, int], best: dict[str, float], repeat: int) -> None:
    for name, n in counts.items():
        print(f"  {stage:8s} {name:6s} {n:5d} articles: {1000 * best.get(name, 0.0) / max(n, 1):7.2f} ms per article")
    total, n = sum(best.values()), sum(counts.values())
    print(f"  {stage:8s} all    {n:5d} articles: {1000 * total / max(n, 1):7.2f} ms per article"
          f" ({total:.2f} CPU s, best of {repeat})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workdir", default="/tmp/article_speed", help="where the synthetic corpus and parses are kept")
    parser.add_argument("--articles", type=int, default=500, help="synthetic articles")
    parser.add_argument("--t17", type=int, default=60, help="T17 articles read per topic (0: none)")
    parser.add_argument("--no-zyte", action="store_true", help="leave out the HTML pages")
    parser.add_argument("--repeat", type=int, default=3, help="passes; the best is printed")
    parser.add_argument("--dump", help="write each article's clean record and mentions as JSON lines")
    parser.add_argument("--profile", choices=("clean", "mentions", "timexes", "quotes", "events", "stances"),
                        help="profile one pass of a stage")
    args = parser.parse_args()
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    items = (_with_common("synth", synth_raws(workdir, args.articles)) + _with_common("seeds", seed_raws())
             + (_with_common("t17", t17_raws(args.t17)) if args.t17 else [])
             + ([] if args.no_zyte else _with_common("zyte", zyte_raws())))
    counts = dict(Counter(name for name, _, _ in items))
    articles, best = best_of(args.repeat, clean_all, items)
    report("clean", counts, best, args.repeat)
    kept = [(name, a) for (name, _, _), a in zip(items, articles) if a is not None]
    docs = parse_cached([a.body for _, a in kept], workdir, "article_speed")
    names = [name for name, _ in kept]
    mentions, best = best_of(args.repeat, mentions_all, names, docs, [a for _, a in kept])
    report("mentions", dict(Counter(names)), best, args.repeat)
    timexes, best = best_of(args.repeat, timexes_all, names, docs, [a for _, a in kept])
    report("timexes", dict(Counter(names)), best, args.repeat)
    quotes, best = best_of(args.repeat, quotes_all, names, docs, [a for _, a in kept], mentions, timexes)
    report("quotes", dict(Counter(names)), best, args.repeat)
    _, best = best_of(args.repeat, events_all, names, docs, [a for _, a in kept], mentions, timexes, quotes)
    for stage in ("events", "stances"):
        report(stage, dict(Counter(names)), {key.split(":", 1)[1]: seconds for key, seconds in best.items()
                                             if key.startswith(stage + ":")}, args.repeat)
    if args.dump:
        found, dated, said = iter(mentions), iter(timexes), iter(quotes)
        with open(args.dump, "w") as fh:
            for (name, raw, _), article in zip(items, articles):
                row = {"set": name, "id": raw.source, "article": None if article is None else article.to_dict(),
                       "mentions": [] if article is None else [m.to_dict() for m in next(found)],
                       "timexes": [] if article is None else [t.to_dict() for t in next(dated)],
                       "quotes": [] if article is None else [q.to_dict() for q in next(said)]}
                fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    if args.profile:
        profiler = cProfile.Profile()
        if args.profile == "clean":
            profiler.runcall(clean_all, items)
        elif args.profile == "quotes":
            quotes_all(names, docs, [a for _, a in kept], mentions, timexes, profiler)
        elif args.profile in ("events", "stances"):
            events_all(names, docs, [a for _, a in kept], mentions, timexes, quotes, args.profile, profiler)
        else:
            stage = mentions_all if args.profile == "mentions" else timexes_all
            profiler.runcall(stage, names, docs, [a for _, a in kept])
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
