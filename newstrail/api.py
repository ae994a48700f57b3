"""The Python API: the functions the CLI calls, for users who script newstrail directly.

Functions take plain arguments and return plain values (dicts in the ``--json`` shapes of
docs/architecture.md, or records); they never print or exit. Errors are typed
(:mod:`newstrail.errors`); only the CLI turns them into one-line messages.
"""

from __future__ import annotations

import codecs
import csv
import json
import re
import tempfile
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable

from .engine import make_engine
from .errors import ConfigError, StoreError
from .ingest import MAX_ARTICLE_BYTES
from .model import Actor, Article, Position, Quote, Story, TimelineEntry
from .pipeline import BuildReport, Progress
from .pipeline import build as run_build
from .store import DEFAULT_DB, Store, article_from_row

__all__ = [
    "open_store",
    "build",
    "demo",
    "sample_corpus_path",
    "list_articles",
    "resolve_story",
    "article_record",
    "show_article",
    "search",
    "list_quotes",
    "list_actors",
    "list_dates",
    "list_stories",
    "story_detail",
    "list_duplicates",
    "list_timeline",
    "list_positions",
    "list_problems",
    "list_sources",
    "export",
]


# The outlet of articles that name none, the same in `story` and `sources`.
UNKNOWN_OUTLET = "(unknown outlet)"


def open_store(db: str | Path = DEFAULT_DB, *, readonly: bool = False) -> Store:
    """Open (and create or migrate, unless read-only) a store."""
    return Store(db, readonly=readonly)


def build(
    paths: Iterable[str | Path],
    db: str | Path = DEFAULT_DB,
    *,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    output: str | Path | None = None,
    max_bytes: int = MAX_ARTICLE_BYTES,
    encoding: str | None = None,
    progress: Progress | None = None,
) -> BuildReport:
    """Read every new article under ``paths`` into the store at ``db`` and update the corpus.

    ``engine="dask"`` runs the per-article stages on a Dask cluster: the one at ``scheduler``
    (an address such as ``tcp://10.0.0.5:8786``), else a LocalCluster of ``workers``
    processes. ``output`` (a folder, or a URI such as ``s3://bucket/prefix``) also receives
    Parquet datasets of articles, mentions, quotes, timexes and events, partitioned by batch.
    """
    paths = list(paths)
    if not paths:
        raise ConfigError("give at least one file or folder to build from")
    if max_bytes <= 0:
        raise ConfigError("--max-bytes must be a positive number of bytes")
    if scheduler and engine != "dask":
        raise ConfigError("--scheduler needs --engine dask")
    if output is not None and "://" not in str(output) and Path(output).exists() and not Path(output).is_dir():
        raise ConfigError(f"--output {output} is a file; give a folder")
    _check_store_folder(db)
    if encoding is not None:
        _check_encoding(encoding)
    # The writer lock is taken as the store opens, before an engine starts: a second build stops here.
    with Store(db, lock=True) as store:
        runner = make_engine(engine, workers, scheduler)
        try:
            return run_build(store, paths, runner, max_bytes=max_bytes, encoding=encoding, progress=progress,
                             output=output)
        finally:
            runner.close()


def _check_store_folder(db: str | Path) -> None:
    """A store in a folder that does not exist is a usage error named as such, not an OSError
    from the lock file beside it."""
    if str(db) == ":memory:":
        return
    folder = Path(db).parent
    if not folder.is_dir():
        raise ConfigError(f"cannot create store {db}: folder {folder} does not exist")


def _check_encoding(encoding: str) -> None:
    """An unknown --encoding is one usage error, not the same skip line for every file."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise ConfigError(f"unknown --encoding {encoding!r} (e.g. utf-8, latin-1, cp1252)") from None


def sample_corpus_path() -> Path:
    """The folder of the invented sample corpus shipped inside the package."""
    return Path(str(resources.files("newstrail") / "sample"))


def demo(db: str | Path | None = None, *, workers: int | None = None, progress: Progress | None = None) -> tuple[Path, BuildReport]:
    """Build the bundled sample corpus into ``db`` (a new temporary file when not given)."""
    path = Path(db) if db else Path(tempfile.mkdtemp(prefix="newstrail-demo-")) / "demo.db"
    return path, build([sample_corpus_path()], path, workers=workers, progress=progress)


# -- views in the --json shapes --------------------------------------------------------------


def article_record(
    store: Store, article: Article, *, with_body: bool = True, meta: dict[str, Any] | None = None
) -> dict[str, Any]:
    """One article in the ``articles --json`` shape; ``meta`` (story, published_reason) saves a query."""
    meta = meta if meta is not None else store.article_meta(article.id)
    record = {
        "id": article.id,
        "article_id": article.id,
        "source": article.source,
        "title": article.title,
        "dek": article.dek,
        "byline": article.byline,
        "outlet": article.outlet,
        "published": article.published,
        "published_how": article.published_how,
        "published_reason": meta.get("published_reason"),
        "language": article.language,
        "flags": list(article.flags),
        "story": meta.get("story"),
        "url": article.url,
    }
    if with_body:
        record["body"] = article.body
    return record


def resolve_story(store: Store, ref: str) -> str:
    """The full id of the story ``ref`` names: its id, or a prefix only it starts with.

    Why: tables show story ids shortened, so every ``--story`` option takes a prefix; a ref
    that names no story, or several, is an error rather than a quietly empty listing.
    """
    ids = sorted({r[0] for r in store.db.execute(
        "SELECT DISTINCT story FROM story_articles WHERE substr(story, 1, ?) = ?", (len(ref), ref)
    )})
    if ref in ids:
        return ref
    if not ids:
        raise StoreError(f"no story {ref!r} in {store.path} (see: newstrail stories)")
    if len(ids) > 1:
        shown = ", ".join(ids[:5]) + (", …" if len(ids) > 5 else "")
        raise StoreError(f"story id prefix {ref!r} is ambiguous ({len(ids)} stories: {shown}); give more characters")
    return ids[0]


def list_articles(store: Store, *, story: str | None = None, with_body: bool = True) -> list[dict[str, Any]]:
    """Every article (or one story's: id or id prefix), in the order they were added."""
    where, params = ("story = ?", (resolve_story(store, story),)) if story else ("", ())
    return [
        article_record(store, article_from_row(row), with_body=with_body, meta=row)
        for row in store.article_rows(where, params)
    ]


def _article_or_fail(store: Store, ref: str) -> Article:
    article = store.article(ref)
    if article is None:
        hint = "; an id prefix needs 4 or more characters" if len(ref) < 4 else ""
        raise StoreError(f"no article {ref!r} in {store.path}{hint} (see: newstrail articles)")
    return article


def show_article(store: Store, ref: str) -> dict[str, Any]:
    """One article with its metadata, clean body and what cleaning removed."""
    article = _article_or_fail(store, ref)
    record = article_record(store, article)
    record["removed"] = [
        {"span": [line.start, line.end], "text": article.text[line.start : line.end], "label": line.label, "reason": line.reason}
        for line in article.lines
        if line.label not in ("body",)
    ]
    record["sources"] = [r[0] for r in store.db.execute("SELECT source FROM article_sources WHERE article_id = ?", (article.id,))]
    return record


def search(store: Store, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Articles matching a full-text query (FTS5 syntax: words, "phrases", OR, NOT, prefix*).

    A query that is not valid FTS5 and uses none of its syntax ('U.S. sanctions', 'Kyiv-based:')
    is searched again as its plain words: people type news words, not FTS5. A query that does
    use it (quotes, brackets, *, AND/OR/NOT) keeps its error, which says what is wrong.
    """
    try:
        return store.search(query, limit)
    except StoreError:
        words = query.split()
        if not words or any(c in query for c in '"()*') or any(w in _FTS_OPERATORS for w in words):
            raise
    return store.search(" ".join(f'"{word}"' for word in words), limit)


_FTS_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


def _sources(store: Store) -> dict[str, str]:
    return {r[0]: r[1] for r in store.db.execute("SELECT id, source FROM articles")}


def _names(store: Store) -> tuple[dict[tuple[str, str], str], dict[str, Actor]]:
    actors = {a.id: a for a in store.corpus("actors")}  # type: ignore[union-attr]
    return store.actor_ids(), actors  # type: ignore[return-value]


def quote_record(quote: Quote, source: str, speaker: str | None) -> dict[str, Any]:
    return {
        "article_id": quote.article_id,
        "source": source,
        "speaker": speaker,
        "speaker_text": quote.speaker_text,
        "speaker_span": quote.speaker.as_pair() if quote.speaker else None,
        "kind": quote.kind,
        "content": quote.content_text,
        "content_span": quote.content.as_pair(),
        "cue": quote.cue_text,
        "cue_span": quote.cue.as_pair() if quote.cue else None,
        "said_on": quote.said_on,
        "said_on_how": quote.said_on_how,
    }


def list_quotes(store: Store, *, speaker: str | None = None, story: str | None = None) -> list[dict[str, Any]]:
    """Every quote with its canonical speaker; filter by speaker (name or variant) or story."""
    keys, actors = _names(store)
    sources = _sources(store)
    story_ids = _story_articles(store, story) if story else None
    wanted = _match_actor(actors.values(), speaker) if speaker else None
    out = []
    for quote in store.findings("quotes"):
        assert isinstance(quote, Quote)
        if story_ids is not None and quote.article_id not in story_ids:
            continue
        actor_id = keys.get((quote.article_id, quote.speaker_key or ""))
        name = (actors[actor_id].name if actor_id in actors else None) or quote.speaker_key
        # A speaker that is no canonical actor ('Western diplomats') is found by the name shown.
        if wanted is not None and actor_id not in wanted and not (name and _name_match(speaker, name)):
            continue
        out.append(quote_record(quote, sources.get(quote.article_id, ""), name))
    return out


def _match_actor(actors: Iterable[Actor], name: str) -> set[str]:
    return {a.id for a in actors if any(_name_match(name, n) for n in (a.name, *a.variants))}


def _name_match(needle: str, name: str) -> bool:
    """Whether ``needle`` starts at a word of ``name``, ignoring case: 'lind' finds Lindqvist and
    'US' finds the variant 'US' but not Russia (a plain substring test found both)."""
    return re.search(r"(?<!\w)" + re.escape(needle.strip()), name, re.IGNORECASE) is not None


def _story_articles(store: Store, story: str) -> set[str]:
    story = resolve_story(store, story)
    return {r[0] for r in store.db.execute("SELECT article_id FROM story_articles WHERE story = ?", (story,))}


def list_actors(store: Store) -> list[dict[str, Any]]:
    """Canonical actors with their variants and counts, most mentioned first."""
    actors = [a for a in store.corpus("actors") if isinstance(a, Actor)]
    actors.sort(key=lambda a: (-a.quotes, -a.mentions, a.name))
    return [
        {
            "id": a.id,
            "name": a.name,
            "kind": a.kind,
            "role": a.role,
            "affiliation": a.affiliation,
            "code": a.code,
            "variants": list(a.variants),
            "mentions": a.mentions,
            "quotes": a.quotes,
        }
        for a in actors
    ]


def list_dates(store: Store, ref: str) -> list[dict[str, Any]]:
    """Every time expression of one article with its value and anchor."""
    article = _article_or_fail(store, ref)
    return [
        {
            "article_id": article.id,
            "source": article.source,
            "text": t.text,
            "span": t.span.as_pair(),
            "value": t.value,
            "type": t.type,
            "anchor": t.anchor,
            "how": t.how,
        }
        for t in store.findings("timexes", article.id)
    ]


def list_stories(store: Store) -> list[dict[str, Any]]:
    """Stories, largest first, with their articles, sources and date span."""
    sources = _sources(store)
    stories = [s for s in store.corpus("stories") if isinstance(s, Story)]
    stories.sort(key=lambda s: (-len(s.articles), s.first or ""))
    return [
        {
            "id": s.id,
            "label": s.label,
            "articles": list(s.articles),
            "sources": [sources.get(a, "") for a in s.articles],
            "first": s.first,
            "last": s.last,
            "linked": list(s.linked),
            "terms": list(s.terms),
            "not_before": s.not_before,
        }
        for s in stories
    ]


def story_detail(store: Store, story_id: str) -> dict[str, Any]:
    """One story: its articles with outlets and flags, copies, and date span."""
    full_id = resolve_story(store, story_id)
    story = next((s for s in list_stories(store) if s["id"] == full_id), None)
    if story is None:
        raise StoreError(f"no story {story_id!r} in {store.path} (see: newstrail stories)")
    ids = set(story["articles"])
    story["articles_detail"] = [a for a in list_articles(store, with_body=False) if a["id"] in ids]
    story["duplicates"] = [d for d in list_duplicates(store) if d["article_id"] in ids or d["other_id"] in ids]
    story["outlets"] = sorted({a["outlet"] or UNKNOWN_OUTLET for a in story["articles_detail"]})
    return story


def list_duplicates(store: Store) -> list[dict[str, Any]]:
    """Near-duplicates, syndicated copies and rewrites, plus exact copies read from several files."""
    sources = _sources(store)
    out = [
        {**d.to_dict(), "source": sources.get(d.article_id, ""), "other_source": sources.get(d.other_id, "")}
        for d in store.corpus("duplicates")
    ]
    for article_id, files in store.db.execute(
        "SELECT article_id, json_group_array(source) FROM article_sources GROUP BY article_id HAVING COUNT(*) > 1"
    ):
        files = json.loads(files)
        for other in files[1:]:
            out.append(
                {"article_id": article_id, "other_id": article_id, "kind": "exact", "similarity": 1.0,
                 "earliest": None, "shared": 0, "source": files[0], "other_source": other}
            )
    return out


def list_timeline(store: Store, *, story: str | None = None) -> list[dict[str, Any]]:
    """Dated happenings merged across outlets, in date order."""
    sources = _sources(store)
    entries = [e for e in store.corpus("timeline") if isinstance(e, TimelineEntry)]
    if story:
        story = resolve_story(store, story)
        entries = [e for e in entries if e.story == story]
    entries.sort(key=lambda e: (e.date or "9999", e.summary))
    return [
        {
            "id": e.id,
            "story": e.story,
            "date": e.date,
            "date_how": e.date_how,
            "type": e.type,
            "summary": e.summary,
            "actors": list(e.actors),
            "recipient": e.recipient,
            "place": e.place,
            "negated": e.negated,
            "hypothetical": e.hypothetical,
            "future": e.future,
            "sources": list(e.sources),
            "mentions": [{"article_id": m.article_id, "source": sources.get(m.article_id, ""), "span": m.as_pair()} for m in e.mentions],
            "conflicts": list(e.conflicts),
        }
        for e in entries
    ]


def _position_matches(store: Store, actor: str) -> Callable[[Position], bool]:
    """Whether a position is ``actor``'s: held by or voiced by an actor of that name.

    Why: a position is filed under the side it speaks for (Russia) while users look it up by
    any name of the side or of the person who voiced it (Ryabkov, Peskoff), as ``quotes
    --speaker`` does.
    """
    actors = [a for a in store.corpus("actors") if isinstance(a, Actor)]
    names = {a.name for a in actors if a.id in _match_actor(actors, actor)}

    def matches(p: Position) -> bool:
        return _name_match(actor, p.actor) or p.actor in names or any(s in names for s in p.speakers)

    return matches


def list_positions(store: Store, *, actor: str | None = None) -> list[dict[str, Any]]:
    """Actors' stances merged across outlets, with first and last dates: by actor, then in date
    order (undated last), so one actor's positions read as a chronology."""
    sources = _sources(store)
    positions = [p for p in store.corpus("positions") if isinstance(p, Position)]
    if actor:
        positions = list(filter(_position_matches(store, actor), positions))
    positions.sort(key=lambda p: (p.actor.casefold(), p.first or "9999", p.stance, p.statement))
    return [
        {
            "id": p.id,
            "actor": p.actor,
            "stance": p.stance,
            "statement": p.statement,
            "sources": list(p.sources),
            "first": p.first,
            "last": p.last,
            "mentions": [{"article_id": m.article_id, "source": sources.get(m.article_id, ""), "span": m.as_pair()} for m in p.mentions],
            "speakers": list(p.speakers),
        }
        for p in positions
    ]


def list_sources(store: Store, *, story: str | None = None) -> list[dict[str, Any]]:
    """How each outlet told it: its articles, the timeline entries it reports (and those only
    it reports, counting an outlet's copy of another's article as no report of its own), its
    quotes, the copies it published, and its articles' quality flags."""
    story = resolve_story(store, story) if story else None
    articles = list_articles(store, story=story, with_body=False)
    outlet_of = {a["id"]: a["outlet"] or UNKNOWN_OUTLET for a in articles}
    rows: dict[str, dict[str, Any]] = {}
    for a in articles:
        row = rows.setdefault(outlet_of[a["id"]], {
            "outlet": outlet_of[a["id"]], "articles": [], "sources": [], "entries": 0, "only_here": [],
            "quotes": 0, "copies": 0, "flags": {},
        })
        row["articles"].append(a["id"])
        row["sources"].append(a["source"])
        for flag in a["flags"]:
            row["flags"][flag] = row["flags"].get(flag, 0) + 1
    original_of: dict[str, str] = {}  # a copy's id -> the id of the article it copies
    for dup in list_duplicates(store):
        copy = dup["other_id"] if dup["earliest"] == dup["article_id"] else dup["article_id"]
        # One article read from two files is not a copy an outlet published; a verbatim copy
        # of another article (kind "exact" too: a syndicated story) is, and so is a rewrite.
        if copy in outlet_of and dup["article_id"] != dup["other_id"]:
            rows[outlet_of[copy]]["copies"] += 1
            original_of.setdefault(copy, dup["article_id"] if copy == dup["other_id"] else dup["other_id"])
    id_of = {a["source"]: a["id"] for a in articles}
    for entry in list_timeline(store, story=story):
        ids = {id_of[s] for s in entry["sources"] if s in id_of}
        for outlet in {outlet_of[i] for i in ids}:
            rows[outlet]["entries"] += 1
        # What only one outlet says: an outlet that reports an entry through its copy of
        # another's article is no second witness of it.
        witnesses = {outlet_of.get(original_of.get(i, i), outlet_of[i]) for i in ids}
        if len(witnesses) == 1:
            rows[witnesses.pop()]["only_here"].append(f"{entry['date'] or 'undated'}: {entry['summary']}")
    for quote in list_quotes(store):
        if quote["article_id"] in outlet_of:
            rows[outlet_of[quote["article_id"]]]["quotes"] += 1
    return sorted(rows.values(), key=lambda r: (-len(r["articles"]), r["outlet"]))


# Stages whose failure means the input gave no article: once an article is stored from that
# source (the file was fixed and built again), the old problem is resolved.
_INPUT_STAGES = ("read", "ingest", "clean")


def list_problems(store: Store) -> list[dict[str, Any]]:
    """Each open problem once, in the order first seen, with how often and when it last came up.

    Why: every build that meets the same bad file records it again, so the raw log repeats
    itself; an input that has since been read fine is no longer a problem.
    """
    stored = {r[0] for r in store.db.execute("SELECT source FROM article_sources")}
    rows = store.db.execute(
        "SELECT source, stage, reason, COUNT(*), MAX(at) FROM problems "
        "GROUP BY source, stage, reason ORDER BY MIN(id)"
    )
    return [
        {"source": source, "stage": stage, "reason": reason, "times": times, "last_seen": _iso_time(at)}
        for source, stage, reason, times, at in rows
        if not (stage in _INPUT_STAGES and source in stored)
    ]


def _iso_time(seconds: float | None) -> str | None:
    """A Unix time as ISO 8601 UTC to the second, the one timestamp format of every view."""
    if seconds is None:
        return None
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# Export tables and the views that make their rows (the --json shapes).
EXPORT_VIEWS: dict[str, Callable[[Store], list[dict[str, Any]]]] = {
    "articles": list_articles,
    "quotes": list_quotes,
    "actors": list_actors,
    "stories": list_stories,
    "timeline": list_timeline,
    "positions": list_positions,
    "duplicates": list_duplicates,
    "problems": list_problems,
    "sources": list_sources,
}
EXPORT_TABLES = tuple(EXPORT_VIEWS)
# Each table's columns, in their --json order: the header an empty table still gets in CSV and
# Parquet, so a script that reads the export finds the columns whether or not there were rows.
EXPORT_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("id", "article_id", "source", "title", "dek", "byline", "outlet", "published", "published_how",
                 "published_reason", "language", "flags", "story", "url", "body"),
    "quotes": ("article_id", "source", "speaker", "speaker_text", "speaker_span", "kind", "content", "content_span",
               "cue", "cue_span", "said_on", "said_on_how"),
    "actors": ("id", "name", "kind", "role", "affiliation", "code", "variants", "mentions", "quotes"),
    "stories": ("id", "label", "articles", "sources", "first", "last", "linked", "terms", "not_before"),
    "timeline": ("id", "story", "date", "date_how", "type", "summary", "actors", "recipient", "place", "negated",
                 "hypothetical", "future", "sources", "mentions", "conflicts"),
    "positions": ("id", "actor", "stance", "statement", "sources", "first", "last", "mentions", "speakers"),
    "duplicates": ("article_id", "other_id", "kind", "similarity", "earliest", "shared", "source", "other_source"),
    "problems": ("source", "stage", "reason", "times", "last_seen"),
    "sources": ("outlet", "articles", "sources", "entries", "only_here", "quotes", "copies", "flags"),
}


def table_columns(table: str, rows: list[dict[str, Any]]) -> list[str]:
    """The columns of a table's rows (every key, first-seen order), or its known columns when empty."""
    return list(dict.fromkeys(k for row in rows for k in row)) or list(EXPORT_COLUMNS.get(table, ()))
EXPORT_FORMATS = ("jsonl", "csv", "parquet")


def _flat(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def export(store: Store, fmt: str, out_dir: str | Path, tables: Iterable[str] = EXPORT_TABLES) -> list[Path]:
    """Write each table as ``<out_dir>/<table>.<fmt>``; lists become JSON text in CSV/Parquet."""
    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"unknown export format {fmt!r} (choose {', '.join(EXPORT_FORMATS)})")
    tables = list(tables)
    unknown = set(tables) - set(EXPORT_TABLES)
    if unknown:
        raise ConfigError(f"unknown table(s) {sorted(unknown)} (choose from {', '.join(EXPORT_TABLES)})")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in tables:
        rows = EXPORT_VIEWS[table](store)
        path = out / f"{table}.{fmt}"
        if fmt == "jsonl":
            with path.open("w", encoding="utf-8") as fh:
                for row in rows:
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        elif fmt == "csv":
            columns = table_columns(table, rows)
            with path.open("w", encoding="utf-8", newline="") as fh:
                writer = csv.DictWriter(fh, fieldnames=columns)
                writer.writeheader()
                writer.writerows({k: _flat(v) for k, v in row.items()} for row in rows)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            columns = table_columns(table, rows)
            data = {c: [_flat(row.get(c)) for row in rows] for c in columns}
            if rows:
                pq.write_table(pa.table(data), path)
            else:  # typed as text: there are no values to infer a type from
                pq.write_table(pa.table({c: pa.array([], pa.string()) for c in columns}), path)
        written.append(path)
    return written
