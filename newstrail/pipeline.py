"""Runs the stages: per-article work on an engine, then the corpus stages, into a store.

    files ──read──▶ RawArticle ──analyse_chunk (engine.map)──▶ ArticleAnalysis ──▶ store (a batch per transaction)
                                                                            │            (and Parquet parts with --output)
                                       corpus stages over the store: duplicates · actors · speakers · stories · rewrites · dates · timeline · positions

Per-article work is ``analyse_chunk``: a pure function of a chunk of raw articles (and the
corpus's common boilerplate lines): it cleans each, parses the clean bodies together with
``nlp.pipe`` (spaCy is several times cheaper per text in batches), then runs the remaining
stages per article, so it runs unchanged in a process pool or on Dask. Every failure is
caught per article and kept as a :class:`Problem`; the chunk goes on. Analyses leave it
encoded as the store holds them (JSON texts), which cross a pipe far more cheaply than records.

The main process streams: it reads files, counts boilerplate lines and hands chunks to the
engine a bounded number ahead of the results it writes, so workers do not wait for writes
and memory does not grow with the corpus.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import math
import threading
import time
import traceback
from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, TypeVar

from . import stages
from .engine import Engine, LocalEngine
from .errors import InputError, NewstrailError
from .ingest import MAX_ARTICLE_BYTES, iter_input_files, read_file
from .model import Article, ArticleAnalysis, EventMention, Mention, Problem, Quote, RawArticle, StageReport, TimeExpr
from .store import EncodedAnalysis, Store, encode_analysis

if TYPE_CHECKING:
    from .stories import PreparedTexts

log = logging.getLogger("newstrail")
T = TypeVar("T")

# Articles per batch: one transaction each. 64 keeps a batch's write well under a second.
BATCH_SIZE = 64
# With several workers a batch is cut into chunks of about this many articles, one engine
# task each, so every worker has work even when the corpus is one batch; a chunk is parsed
# with one nlp.pipe call (in nlp.PIPE_BATCH batches) and costs a round trip (a few ms), so
# chunks stay at 16 articles or so. Smaller chunks also shorten the end of a build, when
# one worker finishes the last chunk while the others wait (a 32-article chunk is ~8 s).
MIN_CHUNK = 16
# The last batch of a build is cut into parts that shrink to this many articles, so the
# workers finish within a few seconds of each other (see ``_shrinking_parts``).
TAIL_CHUNK = 4
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
    ignored: Counter = field(default_factory=Counter)  # files in folders of no kind newstrail reads, by suffix

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
            "ignored": dict(self.ignored),
        }


def _guarded(raw: RawArticle, timings: dict, fn: Callable, *args: Any, **kwargs: Any) -> Any:
    """``fn(*args)``, or the Problem it raised on ``raw`` (one bad article must not stop the batch)."""
    try:
        return fn(*args, **kwargs)
    except InputError as exc:
        return Problem(raw.source, stages.current_stage(timings), exc.reason)  # type: ignore[arg-type]
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
        where = stages.current_stage(timings)
        log.debug("internal error in %s on %s\n%s", where, raw.source, traceback.format_exc())
        reason = f"internal error: {exc.__class__.__name__}: {exc}"[:500]
        return Problem(raw.source, where, reason)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Chunk:
    """One engine task: raw articles with their common lines, and where Parquet parts go."""

    items: list[tuple[RawArticle, frozenset[str]]]
    output: str | None = None
    part: str = ""


def analyse_chunk(chunk: Chunk) -> tuple[list[EncodedAnalysis | Problem], dict[str, float]]:
    """Per-article stages on a chunk: clean each, parse the bodies in one ``nlp.pipe``, then the rest.

    Results are in the chunk's order, each analysis encoded as the store writes it
    (``store.encode_analysis``: the worker pays for the JSON, the writing process only inserts
    it); the timings are seconds per stage summed over the chunk. Never raises for one
    article's failure. With ``chunk.output`` set, the chunk's results are also written as
    one Parquet part per table (see ``write_parquet_part``).
    """
    from .nlp import parse_many

    timings: Counter = Counter()
    results: list[Any] = []
    clean: list[tuple[int, Article]] = []
    for raw, common in chunk.items:
        own: dict[str, float] = {}
        article = _guarded(raw, own, stages.clean_raw, raw, common, own)
        timings.update({k: v for k, v in own.items() if not k.startswith("_")})
        if isinstance(article, Article):
            clean.append((len(results), article))
        results.append(article)
    clock = time.perf_counter()
    try:
        docs: list[Any] = list(parse_many([a.body for _, a in clean]))
    except Exception:  # noqa: BLE001 - one text broke the batch: parse one by one, below
        docs = [None] * len(clean)
    timings["parse"] += time.perf_counter() - clock
    for (i, article), doc in zip(clean, docs):
        raw = chunk.items[i][0]
        own = {"_stage": "parse"}
        results[i] = _guarded(raw, own, stages.run_article_stages, raw, chunk.items[i][1], own, article=article, doc=doc)
        timings.update({k: v for k, v in own.items() if not k.startswith("_")})
    if chunk.output:
        write_parquet_part(chunk.output, chunk.part, [r for r in results if isinstance(r, ArticleAnalysis)])
    return [encode_analysis(r) if isinstance(r, ArticleAnalysis) else r for r in results], dict(timings)


# -- Parquet output -----------------------------------------------------------------------

PARQUET_TABLES: dict[str, type] = {
    "articles": Article, "mentions": Mention, "quotes": Quote, "timexes": TimeExpr, "events": EventMention,
}


def _arrow_type(annotation: str) -> Any:
    import pyarrow as pa

    base = annotation.replace(" | None", "").strip()
    return {"str": pa.string(), "float": pa.float64(), "bool": pa.bool_(), "int": pa.int64()}.get(base, pa.string())


def _parquet_schema(table: str) -> Any:
    """A fixed schema per table (from the record's fields), so every part has the same one."""
    import dataclasses

    import pyarrow as pa

    cls = PARQUET_TABLES[table]
    fields = [] if table == "articles" else [pa.field("article_id", pa.string()), pa.field("n", pa.int64())]
    names = {f.name for f in fields}
    fields += [pa.field(f.name, _arrow_type(str(f.type))) for f in dataclasses.fields(cls) if f.name not in names]
    return pa.schema(fields)


def _cell(value: Any, kind: Any) -> Any:
    import pyarrow as pa

    if value is None or kind != pa.string() or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)  # spans, offsets, flags, lines: JSON text


def parquet_rows(table: str, analyses: Iterable[ArticleAnalysis]) -> list[dict[str, Any]]:
    rows = []
    for analysis in analyses:
        if table == "articles":
            rows.append(analysis.article.to_dict())
            continue
        for n, record in enumerate(getattr(analysis, table)):
            rows.append({"article_id": analysis.article.id, "n": n, **record.to_dict()})
    return rows


def write_parquet_part(output: str, part: str, analyses: list[ArticleAnalysis]) -> None:
    """``OUTPUT/<table>/batch=<part>/part.parquet`` for each table (Hive-style partitions).

    ``output`` is a local (or shared) folder, or a URI pyarrow's filesystems understand
    (``s3://bucket/prefix``, ``gs://…``, ``hdfs://…``), written by whichever process ran the chunk.
    """
    import pyarrow as pa
    import pyarrow.fs as pafs
    import pyarrow.parquet as pq

    if "://" in output:
        fs, root = pafs.FileSystem.from_uri(output)
    else:
        fs, root = pafs.LocalFileSystem(), str(Path(output).resolve())
    for table in PARQUET_TABLES:
        rows = parquet_rows(table, analyses)
        if not rows:
            continue
        schema = _parquet_schema(table)
        data = {f.name: [_cell(r.get(f.name), f.type) for r in rows] for f in schema}
        folder = f"{root}/{table}/batch={part}"
        fs.create_dir(folder, recursive=True)
        pq.write_table(pa.table(data, schema=schema), f"{folder}/part.parquet", filesystem=fs)


def _line_keys(raw: RawArticle) -> set[str]:
    return stages.line_keys(raw)


def _batches(
    store: Store, paths: list[str | Path], report: BuildReport, max_bytes: int, encoding: str | None, progress: Progress
) -> Iterator[tuple[list[RawArticle], list[tuple[str, int, float, int]]]]:
    """Batches of new raw articles, with the input files each batch completes."""
    batch: list[RawArticle] = []
    done_files: list[tuple[str, int, float, int]] = []
    # Ids stored before this run and read during it: one query, then set lookups (at 100k
    # articles about 10 MB) instead of a query per article read.
    seen_ids: set[str] = {row[0] for row in store.db.execute("SELECT id FROM articles")}
    for item in iter_input_files(paths, report.ignored):
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
            if article_id in seen_ids:
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
    output: str | Path | None = None,
) -> BuildReport:
    """Read, analyse and store every new article under ``paths``, then run the corpus stages.

    With ``output`` (a folder or a pyarrow filesystem URI) the per-article results are also
    written as Parquet datasets, one partition per chunk (see ``write_parquet_part``).
    """
    progress = progress or (lambda event, data: None)
    engine = engine or LocalEngine(1)
    report = BuildReport()
    started = time.time()
    clock = time.perf_counter()
    out = None if output is None else (str(output) if "://" in str(output) else str(Path(output).resolve()))
    run_id = time.strftime("%Y%m%dT%H%M%S", time.localtime(started))
    chunk_size = BATCH_SIZE if engine.workers <= 1 else MIN_CHUNK
    with store.writer_lock():
        counts = _LineCounts(store)
        pending: deque[tuple[_Batch, bool]] = deque()

        def chunks() -> Iterator[Chunk]:
            read = _batches(store, paths, report, max_bytes, encoding, progress)
            for number, ((raws, done_files), final) in enumerate(_marking_last(read)):
                keys = [_line_keys(raw) for raw in raws]
                common = counts.add(keys)
                batch = _Batch(keys, done_files)
                items = [(raw, common & ks) for raw, ks in zip(raws, keys)]
                if final and engine.workers > 1:
                    parts = _shrinking_parts(items, chunk_size, engine.workers)
                else:
                    parts = _even_parts(items, chunk_size)
                for j, part in enumerate(parts):
                    pending.append((batch, j == len(parts) - 1))
                    yield Chunk(part, out, f"{run_id}-{number:06d}-{j:02d}")

        importing = _import_in_background() if corpus and engine.workers > 1 else None
        prepared = _prepared_texts() if corpus else None
        for results, timings in engine.map(analyse_chunk, chunks()):
            batch, last = pending.popleft()
            for name, seconds in timings.items():
                report.stage_seconds[name] += seconds
            batch.results.extend(results)
            if last:
                _write_batch(store, counts, batch, report, progress)
                report.seconds = time.perf_counter() - clock
                progress("batch", {"articles": report.articles, "seconds": report.seconds})
                if prepared is not None:
                    _prepare(prepared, batch)
        if importing is not None:
            importing.join()
        if corpus:
            report.corpus = _corpus_stages_if_needed(store, progress, engine, prepared)
        report.seconds = time.perf_counter() - clock
        with store.atomic():
            store.add_run(started, report.seconds, report.to_dict())
    return report


# The store's state row that records what the corpus stages last ran on, completely.
CORPUS_STATE = "corpus_fingerprint"


def _corpus_stages_if_needed(store: Store, progress: Progress, engine: Engine,
                             prepared: PreparedTexts | None) -> list[StageReport]:
    """Run the corpus stages, unless they last ran to the end on exactly what the store holds
    now, with this code: a build that found nothing new (the usual rerun over a growing
    folder) then takes seconds, not the minutes the stages take on a large corpus."""
    if store.get_state(CORPUS_STATE) == corpus_fingerprint(store):
        progress("stage", {"stage": "none needed (nothing new since the last build)"})
        return []
    reports = run_corpus_stages(store, progress, engine, prepared)
    if not any(p.source == "<corpus>" for r in reports for p in r.problems):  # no stage failed
        with store.atomic():
            store.set_state(CORPUS_STATE, corpus_fingerprint(store))
    return reports


def corpus_fingerprint(store: Store) -> bytes:
    """What the corpus stages' results depend on: the stored articles and their inputs, and
    the code (every module of the package, so an upgrade or an edited rule reruns them)."""
    h = hashlib.sha256()
    for row in store.db.execute("SELECT id FROM articles ORDER BY id"):
        h.update(row[0].encode("utf-8") + b"\0")
    for row in store.db.execute("SELECT article_id, source FROM article_sources ORDER BY article_id, source"):
        h.update("\t".join(row).encode("utf-8") + b"\0")
    h.update(_code_digest())
    return h.digest()


@functools.lru_cache(maxsize=1)
def _code_digest() -> bytes:
    """A digest of the package's source files, read once per process."""
    h = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for path in sorted(root.rglob("*.py")):
        h.update(str(path.relative_to(root)).encode("utf-8") + b"\0" + path.read_bytes())
    return h.digest()


def _prepared_texts() -> PreparedTexts:
    from .stories import PreparedTexts

    return PreparedTexts()


def _prepare(prepared: PreparedTexts, batch: _Batch) -> None:
    """Read a written batch's texts for the stories stage ahead (``stories.PreparedTexts``).

    Why here: with worker processes this process mostly waits for their results while they
    parse, and the stories stage, which runs in this process after the parse, would read
    every text then; with one worker the same work is only done earlier.
    """
    for result in batch.results:
        if isinstance(result, tuple):
            article = result[0]
            prepared.add(article["id"], article["body"], dated=article["published"] is not None)


# What the corpus stages import on first use (spaCy comes with actors; scipy and
# scikit-learn with dedup, timeline and positions): 1-2 s, a quarter of the corpus stages
# on a few hundred articles.
CORPUS_MODULES = ("newstrail.dedup", "newstrail.actors", "newstrail.stories", "newstrail.timeline", "newstrail.positions")


def _import_corpus_modules() -> None:
    import importlib

    for name in CORPUS_MODULES:
        importlib.import_module(name)


def _import_in_background() -> threading.Thread:
    """Import the corpus stages' modules in a thread while the workers start and parse.

    Why a thread: the main process mostly waits at first, for the fork server to load spaCy
    (3-4 s on one core, while the other idles) and then for results. Importing then costs
    the build almost nothing; importing once the workers parse takes 1-2 s of their CPU. A
    module that fails to import here is imported again by its stage, which reports the error.
    """

    def run() -> None:
        with contextlib.suppress(Exception):
            _import_corpus_modules()

    thread = threading.Thread(target=run, name="newstrail-imports", daemon=True)
    thread.start()
    return thread


def _even_parts(items: list, size: int) -> list[list]:
    """``items`` cut into consecutive parts of at most ``size``, as even as possible.

    Even parts (a batch of 33 as 11+11+11, not 16+16+1) keep workers equally busy on the
    last batch of a build. An empty batch is one empty part (it still completes its files).
    """
    count = max(1, math.ceil(len(items) / size))
    step, extra = divmod(len(items), count)
    parts, start = [], 0
    for k in range(count):
        end = start + step + (1 if k < extra else 0)
        parts.append(items[start:end])
        start = end
    return parts


def _marking_last(items: Iterable[T]) -> Iterator[tuple[T, bool]]:
    """Each item with whether it is the last, read one item ahead (the last batch is cut finer)."""
    it = iter(items)
    try:
        current = next(it)
    except StopIteration:
        return
    for following in it:
        yield current, False
        current = following
    yield current, True


def _shrinking_parts(items: list, size: int, workers: int) -> list[list]:
    """The last batch cut into parts of at most ``size`` that shrink towards ``TAIL_CHUNK``.

    Why: once the last part is handed out, a worker that finishes early has nothing left to
    do, so the build ends about half a part after the first worker goes idle. Each part
    takes a share of what remains (guided self-scheduling), so the parts handed out last
    are a few articles, a second of parsing, instead of 16 (3-5 s with one core idle).
    """
    parts, start = [], 0
    while (step := min(size, math.ceil((len(items) - start) / (2 * workers)))) > TAIL_CHUNK:
        parts.append(items[start : start + step])
        start += step
    return parts + _even_parts(items[start:], TAIL_CHUNK)


@dataclass
class _Batch:
    """One transaction's worth: line keys per article, files it completes, results so far."""

    keys: list[set[str]]
    done_files: list[tuple[str, int, float, int]]
    results: list[EncodedAnalysis | Problem] = field(default_factory=list)


class _LineCounts:
    """Corpus-wide line counts: the stored ones plus those of batches read but not yet written.

    A batch's line counts are written in the same transaction as its articles, so a build
    killed midway never counts a batch's lines twice on the re-run.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.unwritten: Counter = Counter()

    def add(self, keys: list[set[str]]) -> frozenset[str]:
        """Count a batch's lines; its lines now seen in at least COMMON_LINE_MIN articles."""
        for ks in keys:
            self.unwritten.update(ks)
        wanted = list({k for ks in keys for k in ks})
        stored: dict[str, int] = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            stored.update(self.store.db.execute(f"SELECT key, n FROM line_counts WHERE key IN ({marks})", chunk).fetchall())
        return frozenset(k for k in wanted if stored.get(k, 0) + self.unwritten[k] >= COMMON_LINE_MIN)

    def write(self, keys: list[set[str]]) -> None:
        """Store a batch's counts (inside the batch's transaction)."""
        self.store.add_line_counts(k for ks in keys for k in ks)
        for ks in keys:
            self.unwritten.subtract(ks)
        self.unwritten += Counter()  # drop zero counts


def _write_batch(store: Store, counts: _LineCounts, batch: _Batch, report: BuildReport, progress: Progress) -> None:
    """One batch's line counts, analyses, problems and completed files in one transaction."""
    analyses = [r for r in batch.results if not isinstance(r, Problem)]
    with store.atomic():
        counts.write(batch.keys)
        for result in batch.results:
            if isinstance(result, Problem):
                _problem(store, report, result, progress)
        store.write_analyses(analyses)
        for source, size, mtime, count in batch.done_files:
            store.mark_input(source, size, mtime, count)
    report.articles += len(analyses)


def run_corpus_stages(store: Store, progress: Progress | None = None, engine: Engine | None = None,
                      prepared: PreparedTexts | None = None) -> list[StageReport]:
    """Duplicates, actors, speakers, stories, rewrites, dates, timeline and positions over the whole store.

    Stages read the store in batches; the story-local work that parallelises (dating
    undated articles, merging the timeline) runs on ``engine`` when one is given, else in
    this process. A stage that can start early (``Stage.start``: duplicates, speakers, the
    timeline) hands its work to a worker and is finished, in its own transaction, once the
    stages after it that do not need its output have run, so that the main process and the
    workers overlap. ``prepared``: new articles' texts already read for the stories stage
    (``stories.PreparedTexts``, filled by ``build`` during the parse).

    Each stage runs in its own transaction; a stage that fails is reported and rolled back
    alone, and the stages after it still run on what is there. Reports are in stage order.
    """
    progress = progress or (lambda event, data: None)
    reports: dict[str, StageReport] = {}
    started: list[tuple[stages.Stage, float, Callable[[], int]]] = []  # stage, seconds so far, finish
    context = stages.CorpusContext(store, engine)
    context.prepared = prepared
    for stage in stages.CORPUS_STAGES:
        for earlier in [s for s in started if set(s[0].produces) & set(stage.requires)]:
            started.remove(earlier)
            reports[earlier[0].name] = _finish(store, progress, *earlier)
        clock = time.perf_counter()
        progress("stage", {"stage": stage.name})
        if stage.start is None:
            reports[stage.name] = _stage_step(store, progress, stage, clock, lambda: stage.run(context))
            continue
        try:  # starting reads the store and hands work out; it writes nothing
            finish = stage.start(context)
            started.append((stage, time.perf_counter() - clock, finish))
        except (NewstrailError, Exception) as exc:  # noqa: BLE001 - report and go on
            reports[stage.name] = _stage_failed(store, progress, stage, clock, exc)
    for earlier in started:
        reports[earlier[0].name] = _finish(store, progress, *earlier)
    return [reports[stage.name] for stage in stages.CORPUS_STAGES]


def _finish(store: Store, progress: Progress, stage: stages.Stage, seconds: float, finish: Callable[[], int]) -> StageReport:
    """Finish a started stage; its seconds are its own (starting, then finishing, which waits
    for its workers), not those of the stages that ran in between."""
    return _stage_step(store, progress, stage, time.perf_counter() - seconds, finish)


def _stage_step(store: Store, progress: Progress, stage: stages.Stage, clock: float, step: Callable[[], int]) -> StageReport:
    """Run one stage's ``step`` in its own transaction; a failure is stored as a problem, not raised."""
    try:
        with store.atomic():
            done = step()
        return StageReport(stage.name, done=done, seconds=time.perf_counter() - clock)
    except (NewstrailError, Exception) as exc:  # noqa: BLE001 - report and go on
        return _stage_failed(store, progress, stage, clock, exc)


def _stage_failed(store: Store, progress: Progress, stage: stages.Stage, clock: float, exc: BaseException) -> StageReport:
    log.debug("corpus stage %s failed\n%s", stage.name, traceback.format_exc())
    problem = Problem("<corpus>", stage.name, f"internal error: {exc.__class__.__name__}: {exc}"[:500])
    store.add_problem(problem)
    progress("problem", {"problem": problem})
    return StageReport(stage.name, problems=(problem,), seconds=time.perf_counter() - clock)
