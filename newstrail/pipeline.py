"""Runs the stages: per-article work on an engine, then the corpus stages, into a store.

    files ──read──▶ RawArticle ──analyse_article (engine.map)──▶ ArticleAnalysis ──▶ store (a batch per transaction)
                                                                               │
                                       corpus stages over the store: duplicates · actors · stories · dates · timeline · positions

Per-article work is ``analyse_article``: a pure function of one raw article (and the
corpus's common boilerplate lines), so it runs unchanged in a process pool or on Dask.
Every failure is caught per article and kept as a :class:`Problem`; the batch goes on.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import stages
from .engine import Engine, LocalEngine
from .errors import InputError, NewstrailError
from .ingest import MAX_ARTICLE_BYTES, iter_input_files, read_file
from .model import ArticleAnalysis, Problem, RawArticle, StageReport
from .store import Store

log = logging.getLogger("newstrail")

# Articles per batch: one transaction and one engine.map call each. 64 keeps a batch's
# write well under a second while amortising the process-pool round trip.
BATCH_SIZE = 64
# A line (normalised) seen in at least this many articles is site boilerplate (as CCNet
# deduplicates lines across a crawl); 3 keeps a story's own repeated phrases.
COMMON_LINE_MIN = 3

Progress = Callable[[str, dict], None]


@dataclass
class BuildReport:
    """What one build did: counts, problems, time per stage."""

    files: int = 0
    files_skipped: int = 0
    articles: int = 0
    articles_known: int = 0
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    stage_seconds: Counter = field(default_factory=Counter)
    corpus: list[StageReport] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict:
        return {
            "files": self.files,
            "files_skipped": self.files_skipped,
            "articles": self.articles,
            "articles_known": self.articles_known,
            "problems": [p.to_dict() for p in self.problems],
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.rate, 2),
            "stage_seconds": {k: round(v, 3) for k, v in self.stage_seconds.items()},
            "corpus": [r.to_dict() for r in self.corpus],
        }


def analyse_article(item: tuple[RawArticle, frozenset[str]]) -> tuple[ArticleAnalysis | Problem, dict[str, float]]:
    """All per-article stages on one article; never raises (failures become a Problem)."""
    raw, common_lines = item
    timings: dict[str, float] = {}
    stage = "clean"
    try:
        return stages.run_article_stages(raw, common_lines, timings), timings
    except InputError as exc:
        return Problem(raw.source, timings.get("_stage", stage), exc.reason), timings  # type: ignore[arg-type]
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
        where = stages.current_stage(timings)
        log.debug("internal error in %s on %s\n%s", where, raw.source, traceback.format_exc())
        reason = f"internal error: {exc.__class__.__name__}: {exc}"[:500]
        return Problem(raw.source, where, reason), timings


def _line_keys(raw: RawArticle) -> set[str]:
    return stages.line_keys(raw)


def _batches(
    store: Store, paths: list[str | Path], report: BuildReport, max_bytes: int, encoding: str | None, progress: Progress
) -> Iterator[tuple[list[RawArticle], list[tuple[str, int, float, int]]]]:
    """Batches of new raw articles, with the input files each batch completes."""
    batch: list[RawArticle] = []
    done_files: list[tuple[str, int, float, int]] = []
    seen_ids: set[str] = set()
    for item in iter_input_files(paths):
        if isinstance(item, InputError):
            _problem(store, report, Problem(item.path, "read", item.reason), progress)
            continue
        try:
            stat = item.stat()
        except OSError as exc:
            _problem(store, report, Problem(str(item), "read", f"cannot read ({exc.strerror})"), progress)
            continue
        report.files += 1
        if store.input_seen(str(item), stat.st_size, stat.st_mtime):
            report.files_skipped += 1
            progress("file", {"path": str(item), "skipped": True})
            continue
        found = 0
        failed = False
        for result in read_file(item, max_bytes, encoding):
            if isinstance(result, InputError):
                failed = True
                _problem(store, report, Problem(result.path, "read", result.reason), progress)
                continue
            found += 1
            article_id = result.id
            if article_id in seen_ids or store.has_article(article_id):
                report.articles_known += 1
                store.add_source(article_id, result.source)
                continue
            seen_ids.add(article_id)
            batch.append(result)
            if len(batch) >= BATCH_SIZE:
                yield batch, done_files
                batch, done_files = [], []
        if found or not failed:
            done_files.append((str(item), stat.st_size, stat.st_mtime, found))
        progress("file", {"path": str(item), "articles": found})
    if batch or done_files:
        yield batch, done_files


def _problem(store: Store, report: BuildReport, problem: Problem, progress: Progress) -> None:
    report.problems.append(problem)
    store.add_problem(problem)
    progress("problem", {"problem": problem})


def build(
    store: Store,
    paths: list[str | Path],
    engine: Engine | None = None,
    *,
    max_bytes: int = MAX_ARTICLE_BYTES,
    encoding: str | None = None,
    progress: Progress | None = None,
    corpus: bool = True,
) -> BuildReport:
    """Read, analyse and store every new article under ``paths``, then run the corpus stages."""
    progress = progress or (lambda event, data: None)
    engine = engine or LocalEngine(1)
    report = BuildReport()
    started = time.time()
    clock = time.perf_counter()
    with store.writer_lock():
        for raws, done_files in _batches(store, paths, report, max_bytes, encoding, progress):
            _run_batch(store, engine, raws, done_files, report, progress)
            report.seconds = time.perf_counter() - clock
            progress("batch", {"articles": report.articles, "seconds": report.seconds})
        if corpus:
            report.corpus = run_corpus_stages(store, progress)
        report.seconds = time.perf_counter() - clock
        with store.atomic():
            store.add_run(started, report.seconds, report.to_dict())
    return report


def _run_batch(
    store: Store,
    engine: Engine,
    raws: list[RawArticle],
    done_files: list[tuple[str, int, float, int]],
    report: BuildReport,
    progress: Progress,
) -> None:
    """Analyse one batch on the engine and write it in one transaction."""
    keys = [_line_keys(raw) for raw in raws]
    with store.atomic():
        store.add_line_counts(k for ks in keys for k in ks)
    common = store.common_lines((k for ks in keys for k in ks), COMMON_LINE_MIN)
    analyses: list[ArticleAnalysis] = []
    for result, timings in engine.map(analyse_article, [(raw, common & ks) for raw, ks in zip(raws, keys)]):
        for name, seconds in timings.items():
            if not name.startswith("_"):
                report.stage_seconds[name] += seconds
        if isinstance(result, Problem):
            _problem(store, report, result, progress)
        else:
            analyses.append(result)
    with store.atomic():
        store.write_analyses(analyses)
        for source, size, mtime, count in done_files:
            store.mark_input(source, size, mtime, count)
    report.articles += len(analyses)


def run_corpus_stages(store: Store, progress: Progress | None = None) -> list[StageReport]:
    """Duplicates, actors, stories, dates, timeline and positions over the whole store.

    Each stage runs in its own transaction; a stage that fails is reported and rolled back
    alone, and the stages after it still run on what is there.
    """
    progress = progress or (lambda event, data: None)
    reports = []
    context = stages.CorpusContext(store)
    for stage in stages.CORPUS_STAGES:
        clock = time.perf_counter()
        progress("stage", {"stage": stage.name})
        try:
            with store.atomic():
                done = stage.run(context)
            reports.append(StageReport(stage.name, done=done, seconds=time.perf_counter() - clock))
        except (NewstrailError, Exception) as exc:  # noqa: BLE001 - report and go on
            log.debug("corpus stage %s failed\n%s", stage.name, traceback.format_exc())
            problem = Problem("<corpus>", stage.name, f"internal error: {exc.__class__.__name__}: {exc}"[:500])
            store.add_problem(problem)
            progress("problem", {"problem": problem})
            reports.append(StageReport(stage.name, problems=(problem,), seconds=time.perf_counter() - clock))
    return reports


def analyse_texts(raws: Iterable[RawArticle]) -> list[ArticleAnalysis | Problem]:
    """Per-article stages on raw articles in this process (API callers and tests)."""
    out: list[ArticleAnalysis | Problem] = []
    for raw in raws:
        result, _ = analyse_article((raw, frozenset()))
        out.append(result)
    return out
