"""The command line: parse, call one function of :mod:`newstrail.api`, print.

Data goes to stdout (tables, or ``--json``/``--csv``); progress and problems go to stderr.
Exit status: 0 when everything was processed, 1 when some inputs were skipped (the last
line says how many), 2 when a usage or configuration error stopped the run before any work.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import logging
import sys
import time
from pathlib import Path
from typing import Any, Callable

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from . import api
from .errors import ConfigError, NewstrailError
from .ingest import ARTICLE_SUFFIXES, MAX_ARTICLE_BYTES
from .pipeline import BuildReport
from .store import DEFAULT_DB

err = Console(stderr=True, highlight=False, soft_wrap=True)


def _out() -> Console:
    """The stdout console. Markup is off: titles, quotes and paths are data, and a bracket in
    them ('[/video]', '[Update]') was read as a style tag, which hid it or stopped the command."""
    return Console(highlight=False, markup=False)


# -- shared options -------------------------------------------------------------------------


def store_option(fn: Callable) -> Callable:
    return click.option(
        "--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False), help="The store (an SQLite file)."
    )(fn)


def output_options(fn: Callable) -> Callable:
    fn = click.option("--csv", "as_csv", is_flag=True, help="Print CSV instead of a table.")(fn)
    fn = click.option("--json", "as_json", is_flag=True, help="Print a JSON array instead of a table.")(fn)
    return fn


def handle_errors(fn: Callable) -> Callable:
    """Typed errors become one line on stderr; only --debug shows a traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ConfigError as exc:
            err.print(f"newstrail: error: {exc}", markup=False)
            sys.exit(2)
        except NewstrailError as exc:
            err.print(f"newstrail: error: {exc}", markup=False)
            sys.exit(1)
        except KeyboardInterrupt:
            err.print("newstrail: interrupted; what was committed is kept, run the same command again to finish")
            sys.exit(130)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except OSError as exc:
            if _debug():
                raise
            # A file or folder the command reads or writes (store, export folder, report file).
            where = f": {exc.filename}" if exc.filename else ""
            err.print(f"newstrail: error: {exc.strerror or exc}{where}", markup=False)
            sys.exit(1)
        except Exception as exc:
            if _debug():
                raise
            err.print(f"newstrail: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)",
                      markup=False)
            sys.exit(1)

    return wrapper


def _debug() -> bool:
    """Whether the run asked for tracebacks (``newstrail --debug COMMAND``)."""
    ctx = click.get_current_context(silent=True)
    return bool(ctx and ctx.find_root().params.get("debug"))


def _open(db: str) -> api.Store:
    return api.open_store(db, readonly=True)


def emit(rows: list[dict[str, Any]], as_json: bool, as_csv: bool, columns: list[tuple[str, str]], title: str = "",
         table_name: str = "", narrow_drop: tuple[str, ...] = ()) -> None:
    """Print rows as JSON, CSV or a table of the given (key, header) columns.

    ``table_name`` (an export table) gives CSV the same header as ``export --format csv``
    when there are no rows. ``narrow_drop`` names side columns (sources, cues) the table
    leaves out in a terminal narrower than NARROW: with them, every column of an 80-column
    table was squeezed to a word or two and the quote or statement became unreadable.
    """
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if as_csv:
        buffer = io.StringIO()
        keys = api.table_columns(table_name, rows) or [k for k, _ in columns]
        writer = csv.DictWriter(buffer, fieldnames=keys)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in row.items()})
        click.echo(buffer.getvalue(), nl=False)
        return
    console = _out()
    dropped = set(narrow_drop) if console.width < NARROW else set()
    hidden = [header for key, header in columns if key in dropped]
    columns = [(key, header) for key, header in columns if key not in dropped]
    table = Table(title=title or None, show_lines=False, expand=False)
    for key, header in columns:
        table.add_column(header, overflow="fold", no_wrap=key in _COMPACT_KEYS)
    for row in rows:
        table.add_row(*[_cell(row.get(key), key) for key, _ in columns])
    console.print(table)
    if not rows:
        err.print("(nothing found)")
    elif hidden:
        err.print(f"(not shown in a terminal under {NARROW} columns: {', '.join(hidden)}; see --json or --csv)",
                  markup=False)


# In tables (not in --json/--csv), paths show as file names and ids as their first
# characters: commands accept an id prefix, and the full values are one --json away.
_PATH_KEYS = {"source", "sources", "other_source", "original"}
_ID_KEYS = {"id", "articles", "linked", "story", "article_id", "other_id", "earliest"}
ID_CHARS = 10
NARROW = 120
# Dates show a range ("2022-01-11/2022-01-16") on two lines, so a date column stays 11 wide.
_DATE_KEYS = {"published", "first", "last", "date", "said_on", "last_seen"}
# Columns of ids, dates, counts and one-word labels are never wrapped: in a narrow terminal the
# text columns (titles, quotes) give up the width, not an id split over two lines.
_COMPACT_KEYS = (_ID_KEYS - {"articles", "linked"}) | _DATE_KEYS | {
    "published_how", "date_how", "kind", "type", "stance", "stage", "similarity", "mentions", "quotes",
    "n_articles", "entries", "only", "copies", "times",
}


def _short(value: Any, key: str) -> str:
    text = str(value)
    if key in _PATH_KEYS:
        return text.rsplit("/", 1)[-1]
    if key in _ID_KEYS:
        return text[:ID_CHARS]
    if key in _DATE_KEYS:
        return text.replace("/", "/\n")
    if key == "snippet":  # a match spanning paragraphs reads as one line
        return " ".join(text.split())
    return text


def _cell(value: Any, key: str = "") -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        shown = ", ".join(_short(v, key) for v in value[:6])
        return shown + (f" (+{len(value) - 6})" if len(value) > 6 else "")
    if isinstance(value, bool):
        return "yes" if value else ""
    return _short(value, key)


# -- the group ---------------------------------------------------------------------------------


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newstrail")
@click.option("--debug", is_flag=True, help="Log details and show tracebacks of internal errors.")
def cli(debug: bool) -> None:
    """newstrail: turn a pile of raw news articles into a sourced record of the stories in them.

    Build a store from files, then ask it: articles, stories, timeline, quotes, actors,
    positions. Every fact links back to the characters of the article it came from.
    """
    if debug:
        logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(name)s: %(message)s")


class BuildProgress:
    """Progress on stderr: files read, articles stored, articles/s, and one line per problem."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.files = 0
        self.start = time.perf_counter()
        self.status = None if quiet or not err.is_terminal else err.status("reading…")
        if self.status:
            self.status.start()
        self.last_line = 0.0

    def __call__(self, event: str, data: dict) -> None:
        if event == "problem":
            self._print(f"newstrail: {data['problem'].line()}")
            return
        if event == "file":
            self.files += 1
        text = None
        elapsed = time.perf_counter() - self.start
        if event == "batch":
            rate = data["articles"] / data["seconds"] if data["seconds"] else 0.0
            text = f"{self.files} files, {data['articles']} articles, {rate:.1f} articles/s"
        elif event == "stage":
            text = f"corpus stage: {data['stage']}"
        if text is None or self.quiet:
            return
        if self.status:
            self.status.update(text)
        elif elapsed - self.last_line >= 5 or event == "stage":
            self.last_line = elapsed
            err.print(f"newstrail: {text}", markup=False)

    def _print(self, line: str) -> None:
        if self.status:
            self.status.console.print(line, markup=False)
        else:
            err.print(line, markup=False)

    def stop(self) -> None:
        if self.status:
            self.status.stop()


def _summary(report: BuildReport, quiet: bool) -> None:
    if not report.files and not report.problems:
        # Said even with --quiet: a folder of .pdf or .md files otherwise "built" silently.
        known = " ".join(sorted(x for x in ARTICLE_SUFFIXES if x))
        err.print(f"newstrail: no files to read were found (it reads {known}, files with no extension, and .gz of these)",
                  markup=False)
    if quiet:
        if report.problems:
            err.print(f"newstrail: {len(report.problems)} input(s) skipped", markup=False)
        return
    # A rate only means something when articles were processed ("0.0 articles/s" read as a fault).
    rate = f" ({report.rate:.1f} articles/s)" if report.articles else ""
    err.print(
        f"newstrail: {report.files} files ({report.files_skipped} unchanged), {report.articles} new articles, "
        f"{report.articles_known} already stored, {report.seconds:.1f} s{rate}",
        markup=False,
    )
    if report.problems:
        err.print(f"newstrail: {len(report.problems)} input(s) skipped (see: newstrail problems)", markup=False)
    if report.ignored:
        kinds = ", ".join(f"{suffix} ×{n}" if n > 1 else suffix for suffix, n in sorted(report.ignored.items()))
        err.print(f"newstrail: {sum(report.ignored.values())} file(s) of a kind it does not read were passed by ({kinds})",
                  markup=False)


def _engine_options(fn: Callable) -> Callable:
    fn = click.option("--scheduler", default=None, metavar="ADDRESS",
                      help="Dask scheduler address, e.g. tcp://host:8786 (with --engine dask; else a LocalCluster of --workers).")(fn)
    fn = click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True, help="Where per-article work runs.")(fn)
    fn = click.option("--workers", "-w", type=click.IntRange(1, 256), default=None, help="Worker processes [default: all cores].")(fn)
    return fn


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@store_option
@_engine_options
@click.option("--max-bytes", type=int, default=MAX_ARTICLE_BYTES, show_default=True, help="Skip articles larger than this.")
@click.option("--encoding", default=None, help="Decode text files with this encoding instead of detecting it.")
@click.option("--output", "-o", default=None, metavar="DIR",
              help="Also write Parquet datasets (articles, mentions, quotes, timexes, events), partitioned by batch, to DIR (or s3://… etc.).")
@click.option("--quiet", "-q", is_flag=True, help="No progress or summary; problems still go to stderr.")
@click.option("--json", "as_json", is_flag=True, help="Print the build report as JSON on stdout.")
@handle_errors
def build(paths: tuple[str, ...], db: str, workers: int | None, engine: str, scheduler: str | None,
          max_bytes: int, encoding: str | None, output: str | None, quiet: bool, as_json: bool) -> None:
    """Read articles from files and folders (.txt .html .jsonl .warc, .gz of these) into the store.

    Only new files and new articles are processed; running it again on the same inputs
    changes nothing. In Python: newstrail.api.build().
    """
    from .engine import default_workers

    progress = BuildProgress(quiet)
    try:
        report = api.build(list(paths), db, workers=workers or default_workers(), engine=engine, scheduler=scheduler,
                           output=output, max_bytes=max_bytes, encoding=encoding, progress=progress)
    finally:
        progress.stop()
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
    _summary(report, quiet)
    sys.exit(1 if report.problems else 0)


@cli.command()
@click.option("--db", default=None, type=click.Path(dir_okay=False), help="Build into this store [default: a new temporary file].")
@click.option("--workers", "-w", type=click.IntRange(1, 256), default=None, help="Worker processes [default: all cores].")
@click.option("--report", "report_path", default=None, type=click.Path(dir_okay=False), help="Where to write the HTML report.")
@handle_errors
def demo(db: str | None, workers: int | None, report_path: str | None) -> None:
    """Build the bundled sample corpus and show what newstrail found in it.

    In Python: newstrail.api.demo().
    """
    from .engine import default_workers

    progress = BuildProgress(False)
    try:
        path, report = api.demo(db, workers=workers or default_workers(), progress=progress)
    finally:
        progress.stop()
    _summary(report, False)
    out = _out()
    with api.open_store(path, readonly=True) as store:
        out.rule(f"newstrail demo — store {path}")
        stories = [{**s, "n_articles": len(s["articles"])} for s in api.list_stories(store)]
        emit(stories, False, False, [("id", "story"), ("label", "label"), ("first", "first"), ("last", "last"), ("n_articles", "articles")], "Stories")
        timeline = [{**row, "note": _entry_note(row)} for row in api.list_timeline(store)]
        emit(timeline[:25], False, False, [("date", "date"), ("type", "type"), ("note", "note"), ("summary", "what happened"), ("sources", "sources")],
             "Timeline", narrow_drop=("sources",))
        quotes = api.list_quotes(store)
        emit(quotes[:20], False, False, [("speaker", "speaker"), ("kind", "kind"), ("content", "quote"), ("said_on", "said on")], f"Quotes ({len(quotes)} in all, first 20)")
        # the positions most outlets report, not the first 20 in the listing's alphabetical order
        positions = sorted(api.list_positions(store), key=lambda p: -len(p["sources"]))
        emit(positions[:20], False, False, [("actor", "actor"), ("stance", "stance"), ("statement", "statement"), ("first", "first"), ("last", "last")],
             f"Positions ({len(positions)} in all, the 20 most reported)")
        html = _write_report(store, report_path or str(Path(path).with_suffix(".html")))
    if html:
        out.print(f"Report: {html}")
    out.print(f"Explore: newstrail articles --db {path}  ·  newstrail quotes --db {path}  ·  newstrail serve --db {path}")


def _write_report(store: api.Store, path: str) -> str | None:
    try:
        from .report import write_report
    except ImportError:
        return None
    return str(write_report(store, path))


@cli.command()
@store_option
@output_options
@click.option("--story", default=None, metavar="ID", help="Only this story's articles (story id or id prefix).")
@click.option("--body/--no-body", default=False, help="Include the clean body (always in --json).")
@handle_errors
def articles(db: str, as_json: bool, as_csv: bool, story: str | None, body: bool) -> None:
    """List stored articles. In Python: newstrail.api.list_articles()."""
    with _open(db) as store:
        rows = api.list_articles(store, story=story, with_body=as_json or body)
    cols = [("id", "id"), ("published", "published"), ("published_how", "how"), ("outlet", "outlet"), ("title", "title"), ("flags", "flags"), ("source", "source")]
    emit(rows, as_json, as_csv, cols + ([("body", "body")] if body and not as_json else []), narrow_drop=("published_how", "source"))


@cli.command()
@click.argument("article")
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--diff", is_flag=True, help="Also show the lines cleaning removed, and why.")
@handle_errors
def show(article: str, db: str, as_json: bool, diff: bool) -> None:
    """Show one article (id, id prefix or source path): metadata and clean text.

    In Python: newstrail.api.show_article().
    """
    with _open(db) as store:
        record = api.show_article(store, article)
    if as_json:
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    out = _out()
    out.rule()
    if record["title"]:  # as text, not the rule's title: a long headline was cut with '…' there
        out.print(Text(record["title"], style="bold"))
    # every file the same text was read from, when there are several (exact copies are stored once)
    shown = {**record, "sources": record["sources"] if len(record.get("sources", [])) > 1 else None}
    for key in ("id", "source", "sources", "outlet", "published", "published_how", "published_reason", "byline", "dek", "language",
                "flags", "story"):
        value = shown.get(key)
        if value not in (None, [], ""):
            out.print(Text.assemble((key, "bold"), f": {_cell(value)}"))
    out.print()
    out.print(record["body"], markup=False, highlight=False)
    if diff:
        out.rule("removed")
        for line in record["removed"]:
            out.print(_removed_line(line))


def _removed_line(line: dict[str, Any]) -> Text:
    """One removed line: '- [label: reason] text', built as Text so the brackets are not read
    as rich markup (which swallowed the label and reason)."""
    return Text.assemble((f"- [{line['label']}: {line['reason']}] ", "red"), line["text"])


@cli.command()
@click.argument("query")
@store_option
@output_options
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1), help="At most this many results.")
@handle_errors
def search(query: str, db: str, as_json: bool, as_csv: bool, limit: int) -> None:
    """Full-text search of titles and bodies (FTS5: words, "a phrase", OR, NOT, prefix*).

    In Python: newstrail.api.search().
    """
    with _open(db) as store:
        rows = api.search(store, query, limit)
    emit(rows, as_json, as_csv, [("id", "id"), ("published", "published"), ("outlet", "outlet"), ("title", "title"), ("snippet", "match")])


@cli.command()
@store_option
@output_options
@click.option("--speaker", default=None, metavar="NAME", help="Only quotes by this speaker (any part of any name variant).")
@click.option("--story", default=None, metavar="ID", help="Only quotes from this story's articles (story id or id prefix).")
@handle_errors
def quotes(db: str, as_json: bool, as_csv: bool, speaker: str | None, story: str | None) -> None:
    """Who said what, when: quotes with canonical speakers. In Python: newstrail.api.list_quotes()."""
    with _open(db) as store:
        rows = api.list_quotes(store, speaker=speaker, story=story)
    emit(rows, as_json, as_csv, [("speaker", "speaker"), ("kind", "kind"), ("content", "quote"), ("cue", "cue"), ("said_on", "said on"), ("source", "source")], table_name="quotes",
         narrow_drop=("cue", "source"))


@cli.command()
@store_option
@output_options
@handle_errors
def actors(db: str, as_json: bool, as_csv: bool) -> None:
    """Canonical actors with variants, role, affiliation and counts. In Python: newstrail.api.list_actors()."""
    with _open(db) as store:
        rows = api.list_actors(store)
    emit(rows, as_json, as_csv, [("name", "actor"), ("kind", "kind"), ("role", "role"), ("affiliation", "affiliation"), ("variants", "variants"), ("mentions", "mentions"), ("quotes", "quotes")], table_name="actors",
         narrow_drop=("kind", "role"))


@cli.command()
@click.argument("article")
@store_option
@output_options
@handle_errors
def dates(article: str, db: str, as_json: bool, as_csv: bool) -> None:
    """Time expressions of one article with their resolved values. In Python: newstrail.api.list_dates()."""
    with _open(db) as store:
        rows = api.list_dates(store, article)
    emit(rows, as_json, as_csv, [("text", "expression"), ("value", "value"), ("type", "type"), ("anchor", "anchor"), ("how", "how")])


@cli.command()
@store_option
@output_options
@handle_errors
def stories(db: str, as_json: bool, as_csv: bool) -> None:
    """Stories: articles grouped, labelled and dated. In Python: newstrail.api.list_stories()."""
    with _open(db) as store:
        rows = api.list_stories(store)
    if not (as_json or as_csv):  # a count, as in `demo` and `sources`: six ids said less than the number
        rows = [{**row, "n_articles": len(row["articles"]), "first": row["first"] or _not_before(row)} for row in rows]
    emit(rows, as_json, as_csv, [("id", "story"), ("label", "label"), ("first", "first"), ("last", "last"), ("n_articles", "articles"),
                                 ("linked", "linked")], table_name="stories")


@cli.command()
@click.argument("story_id")
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@handle_errors
def story(story_id: str, db: str, as_json: bool) -> None:
    """One story: articles, outlets, date span, copies. In Python: newstrail.api.story_detail()."""
    with _open(db) as store:
        record = api.story_detail(store, story_id)
    if as_json:
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    out = _out()
    out.rule(f"story {record['id']}")
    out.print(record["label"] or "")  # on its own line: in the rule a long label was cut to 'con…'
    out.print(f"{_span(record['first'], record['last'], record.get('not_before'))} · outlets: {', '.join(record['outlets'])} · linked: {', '.join(record['linked']) or 'none'}")
    emit(record["articles_detail"], False, False, [("id", "id"), ("published", "published"), ("outlet", "outlet"), ("title", "title"), ("flags", "flags")])
    if record["duplicates"]:
        # the columns of `duplicates`: 'copy of' named the other file whichever was the copy
        copies = [{**d, "original": _original(d)} for d in record["duplicates"]]
        emit(copies, False, False, [("kind", "kind"), ("similarity", "similarity"), ("source", "article"), ("other_source", "other"),
                                    ("original", "original")], "Copies")


@cli.command()
@store_option
@output_options
@handle_errors
def duplicates(db: str, as_json: bool, as_csv: bool) -> None:
    """Exact and near duplicates, syndicated copies and rewrites. In Python: newstrail.api.list_duplicates()."""
    with _open(db) as store:
        rows = api.list_duplicates(store)
    if not (as_json or as_csv):
        for row in rows:
            row["original"] = _original(row)
    emit(rows, as_json, as_csv, [("kind", "kind"), ("similarity", "similarity"), ("source", "article"), ("other_source", "other"),
                                 ("original", "original")], table_name="duplicates")


def _not_before(story: dict[str, Any]) -> str | None:
    """The first-date cell of an undated story: "≥ date" when its texts bound it."""
    return f"≥ {story['not_before']}" if story.get("not_before") else None


def _span(first: str | None, last: str | None, not_before: str | None = None) -> str:
    """A story's date span as read: one date, a range, or 'undated' (not 'None – None'),
    with the date its texts show it was written after, when they do."""
    if not first and not last:
        return f"undated, written on or after {not_before}" if not_before else "undated"
    return str(first or last) if first == last or not (first and last) else f"{first} – {last}"


def _original(row: dict[str, Any]) -> str:
    """The file of the pair's earlier article, shown as its name like the pair itself (the
    earliest article's id, which the table used to show, matched neither name). A rewrite's
    original is its other article, whatever the dates say (``rewrites``)."""
    if row.get("earliest") == row["other_id"] or row.get("kind") == "rewrite":
        return row["other_source"]
    if row.get("earliest") == row["article_id"]:
        return row["source"]
    return ""


@cli.command()
@store_option
@output_options
@click.option("--story", default=None, metavar="ID", help="Only this story's timeline (story id or id prefix).")
@handle_errors
def timeline(db: str, as_json: bool, as_csv: bool, story: str | None) -> None:
    """What happened when, merged across outlets. In Python: newstrail.api.list_timeline()."""
    with _open(db) as store:
        rows = api.list_timeline(store, story=story)
    if not (as_json or as_csv):
        rows = [{**row, "note": _entry_note(row)} for row in rows]
    emit(rows, as_json, as_csv, [("date", "date"), ("date_how", "how"), ("type", "type"), ("note", "note"), ("summary", "what happened"),
                                 ("actors", "actors"), ("sources", "sources")], table_name="timeline",
         narrow_drop=("date_how", "actors", "sources"))


def _entry_note(row: dict[str, Any]) -> str:
    """What the table must say about an entry besides its type: that it did not happen, might,
    or is still to come, or that outlets disagree on its date. Without it 'AGREE: he did not
    say whether…' read as an agreement."""
    notes = [word for key, word in (("negated", "not"), ("hypothetical", "hypothetical"), ("future", "planned")) if row.get(key)]
    if row.get("conflicts"):
        notes.append("outlets differ")
    return ", ".join(notes)


@cli.command()
@store_option
@output_options
@click.option("--actor", default=None, metavar="NAME", help="Only positions held or voiced by this actor (any part of any name variant).")
@handle_errors
def positions(db: str, as_json: bool, as_csv: bool, actor: str | None) -> None:
    """Who wants what: demands, rejections, denials, threats, commitments. In Python: newstrail.api.list_positions()."""
    with _open(db) as store:
        rows = api.list_positions(store, actor=actor)
    emit(rows, as_json, as_csv, [("actor", "actor"), ("stance", "stance"), ("statement", "statement"), ("speakers", "voiced by"),
                                 ("first", "first"), ("last", "last"), ("sources", "sources")], table_name="positions",
         narrow_drop=("speakers", "sources"))


@cli.command()
@store_option
@output_options
@click.option("--story", default=None, metavar="ID", help="Only this story's outlets and articles (story id or id prefix).")
@handle_errors
def sources(db: str, as_json: bool, as_csv: bool, story: str | None) -> None:
    """How each outlet told it: articles, entries reported, what only it says, copies, flags.

    In Python: newstrail.api.list_sources().
    """
    with _open(db) as store:
        rows = api.list_sources(store, story=story)
    if not (as_json or as_csv):
        for row in rows:
            row["flags"] = [f"{k} ×{v}" for k, v in row["flags"].items()]
            row["n_articles"] = len(row["articles"])
            row["only"] = len(row["only_here"])
    emit(rows, as_json, as_csv, [("outlet", "outlet"), ("n_articles", "articles"), ("entries", "entries"), ("only", "only here"), ("quotes", "quotes"), ("copies", "copies"), ("flags", "flags")], table_name="sources")


@cli.command()
@store_option
@output_options
@handle_errors
def problems(db: str, as_json: bool, as_csv: bool) -> None:
    """Inputs and stages that failed, with the reason. In Python: newstrail.api.list_problems()."""
    with _open(db) as store:
        rows = api.list_problems(store)
    if not (as_json or as_csv):  # the path as given, not only the file name: the folder says which file to fix
        rows = [{**row, "path": row["source"]} for row in rows]
    emit(rows, as_json, as_csv, [("path", "source"), ("stage", "stage"), ("reason", "reason"), ("times", "times"),
                                 ("last_seen", "last seen")], table_name="problems")


@cli.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(list(api.EXPORT_FORMATS)), default="jsonl", show_default=True, help="File format.")
@click.option("--output", "-o", default="newstrail-export", show_default=True, type=click.Path(file_okay=False), help="Folder to write into.")
@click.option("--table", "tables", multiple=True, type=click.Choice(list(api.EXPORT_TABLES)), help="Only these tables (repeatable) [default: all].")
@handle_errors
def export(db: str, fmt: str, output: str, tables: tuple[str, ...]) -> None:
    """Export tables as JSONL, CSV or Parquet files. In Python: newstrail.api.export()."""
    with _open(db) as store:
        written = api.export(store, fmt, output, tables or api.EXPORT_TABLES)
    for path in written:
        click.echo(str(path))


@cli.command()
@store_option
@click.option("--story", default=None, metavar="ID", help="Only this story (id or id prefix) [default: every story].")
@click.option("--output", "-o", default="report.html", show_default=True, type=click.Path(dir_okay=False), help="The HTML file to write.")
@handle_errors
def report(db: str, story: str | None, output: str) -> None:
    """Write a self-contained HTML report (one file, no network) to mail to a colleague.

    In Python: newstrail.report.write_report().
    """
    from .report import write_report

    with _open(db) as store:
        # resolved here so a bad --story reads as in every other command
        path = write_report(store, output, story=api.resolve_story(store, story) if story else None)
    click.echo(str(path))


@cli.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (keep 127.0.0.1 unless you mean to share the store).")
@click.option("--port", "-p", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--get", "get_path", default=None, metavar="PATH", help="Render one page or JSON (e.g. /api/stories), print it and exit: 0 for a 2xx status, else 1.")
@handle_errors
def serve(db: str, host: str, port: int, get_path: str | None) -> None:
    """Browse and search the store in a local web app (read-only).

    In Python: newstrail.report.app.serve() / create_app().
    """
    from .report.app import create_app
    from .report.app import serve as run_server

    if get_path is None:
        _open(db).close()  # a missing store is said before 'serving', not after it
        _check_port(host, port)
        err.print(f"newstrail: serving {db} on http://{host}:{port}/ (Ctrl-C to stop)", markup=False)
        run_server(db, host=host, port=port)
        return
    import warnings

    with warnings.catch_warnings():  # starlette's notice about its test client's HTTP library
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    with TestClient(create_app(db), raise_server_exceptions=False) as client:
        response = client.get(get_path)
    click.echo(response.text)
    sys.exit(0 if 200 <= response.status_code < 300 else 1)


def _check_port(host: str, port: int) -> None:
    """A port in use is one line and exit 1; the web server said it in a log block and exited 3."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise ConfigError(f"cannot listen on {host}: {exc.strerror}") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise NewstrailError(f"cannot listen on {host}:{port}: {exc.strerror} (choose another with --port)") from None


def main() -> None:
    cli(prog_name="newstrail")


if __name__ == "__main__":
    main()
