"""The store: one SQLite file holding articles, per-article findings and corpus results.

- The schema changes only through ``MIGRATIONS``: each runs in a transaction together with
  its row in ``_migrations``, so a store is never half-migrated.
- Every batch of articles is written in one transaction (``Store.atomic``); a batch that
  fails rolls back alone and nothing stored before it is touched. Problems are written in
  their own transaction so they are never lost with a failed batch.
- WAL mode lets readers (``serve``, queries) work while one ``build`` writes; a second
  writer is refused with a clear message (``Store.writer_lock``).
- Records go in as ``Record.to_dict()`` rows (lists and nested records as JSON) and come
  back through ``from_dict``, so the store and ``--json`` speak the same shapes.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import sqlite3
import time
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Sequence, TypeVar

import orjson
import sqlite_utils

from .errors import StoreError
from .model import (
    Actor,
    Article,
    ArticleAnalysis,
    Duplicate,
    EventMention,
    Mention,
    Position,
    Problem,
    Quote,
    Record,
    StanceMention,
    Story,
    TimeExpr,
    TimelineEntry,
)

DEFAULT_DB = "newstrail.db"
R = TypeVar("R", bound=Record)

# Tables that hold per-article findings, with the record each row is, in write order.
ARTICLE_TABLES: dict[str, type[Record]] = {
    "mentions": Mention,
    "timexes": TimeExpr,
    "quotes": Quote,
    "events": EventMention,
    "stances": StanceMention,
}
_ARTICLE_COLUMNS = (
    "id", "seq", "source", "fmt", "url", "title", "dek", "byline", "outlet", "published", "published_how",
    "published_reason", "language", "flags", "text", "body", "offsets", "lines", "story", "added_at",
)
# Columns a slim read leaves empty: the original text and the line labels, which only the
# article views need (the clean body and its offset map are kept).
_LARGE_COLUMNS = frozenset({"text", "lines"})
# Tables rebuilt by the corpus stages on each build.
CORPUS_TABLES: dict[str, type[Record]] = {
    "actors": Actor,
    "stories": Story,
    "duplicates": Duplicate,
    "timeline": TimelineEntry,
    "positions": Position,
}


def _create_base(db: sqlite_utils.Database) -> None:
    db.execute(
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY, seq INTEGER, source TEXT, fmt TEXT, url TEXT, title TEXT, dek TEXT,
            byline TEXT, outlet TEXT, published TEXT, published_how TEXT, published_reason TEXT,
            language TEXT, flags TEXT, text TEXT, body TEXT, offsets TEXT, lines TEXT, story TEXT,
            added_at REAL)"""
    )
    db.execute("CREATE INDEX articles_seq ON articles(seq)")
    db.execute("CREATE TABLE inputs (source TEXT PRIMARY KEY, size INTEGER, mtime REAL, articles INTEGER, read_at REAL)")
    db.execute("CREATE TABLE article_sources (article_id TEXT, source TEXT, PRIMARY KEY (article_id, source))")
    for table in ARTICLE_TABLES:
        db.execute(f"CREATE TABLE {table} (article_id TEXT, n INTEGER, data TEXT, PRIMARY KEY (article_id, n))")
    for table in CORPUS_TABLES:
        db.execute(f"CREATE TABLE {table} (id TEXT PRIMARY KEY, n INTEGER, data TEXT)")
    db.execute("CREATE TABLE actor_keys (article_id TEXT, key TEXT, actor_id TEXT, PRIMARY KEY (article_id, key))")
    db.execute("CREATE TABLE story_articles (story TEXT, article_id TEXT PRIMARY KEY)")
    db.execute("CREATE TABLE problems (id INTEGER PRIMARY KEY, source TEXT, stage TEXT, reason TEXT, at REAL)")
    db.execute("CREATE TABLE state (name TEXT PRIMARY KEY, value BLOB, updated REAL)")
    db.execute("CREATE TABLE line_counts (key TEXT PRIMARY KEY, n INTEGER)")
    db.execute("CREATE TABLE runs (id INTEGER PRIMARY KEY, started REAL, seconds REAL, report TEXT)")


def _create_fts(db: sqlite_utils.Database) -> None:
    db.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='rowid', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    db.execute(
        "CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN "
        "INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body); END"
    )
    db.execute(
        "CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body); END"
    )
    db.execute(
        "CREATE TRIGGER articles_au AFTER UPDATE OF title, body ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body); "
        "INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body); END"
    )


# Named migrations, applied in order; never edit one that has shipped, add a new one.
MIGRATIONS: list[tuple[str, Callable[[sqlite_utils.Database], None]]] = [
    ("0001_base", _create_base),
    ("0002_fts", _create_fts),
]


class Store:
    """A newstrail store in one SQLite file (``":memory:"`` for tests)."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, readonly: bool = False, lock: bool = False) -> None:
        """Open (creating or migrating unless ``readonly``) the store at ``path``.

        ``lock=True`` takes the single-writer lock before the file is even opened, so two
        builds started together on a new store cannot both create its schema: the second
        gets the "another build is writing" message, not "database is locked".
        """
        self.path = str(path)
        self.readonly = readonly
        self._lock: IO[str] | None = acquire_writer_lock(self.path) if lock else None
        try:
            if readonly:
                if not Path(self.path).exists():
                    raise StoreError(f"no store at {self.path} (build one with: newstrail build PATH --db {self.path})")
                conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            else:
                conn = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
            self.db = sqlite_utils.Database(conn)
            if not readonly and self.path != ":memory:":
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA busy_timeout=30000")
            if not readonly:
                self.migrate()
            elif "articles" not in self.db.table_names():
                raise StoreError(f"{self.path} is not a newstrail store")
        except sqlite3.DatabaseError as exc:
            self._release_lock()
            raise StoreError(f"cannot open store {self.path}: {exc}") from None
        except BaseException:
            self._release_lock()
            raise

    # -- lifecycle ---------------------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply the migrations this store lacks; returns their names."""
        db = self.db
        db.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at REAL)")
        done = {row[0] for row in db.execute("SELECT name FROM _migrations").fetchall()}
        known = {name for name, _ in MIGRATIONS}
        if done - known:
            raise StoreError(
                f"{self.path} was written by a newer newstrail (migrations {sorted(done - known)}); upgrade newstrail"
            )
        applied = []
        for name, migration in MIGRATIONS:
            if name in done:
                continue
            with self.atomic():
                # Read again under the write lock: another process may have applied it
                # between our first look and BEGIN IMMEDIATE (two builds on a new store).
                if db.execute("SELECT 1 FROM _migrations WHERE name = ?", (name,)).fetchone():
                    continue
                migration(db)
                db.execute("INSERT INTO _migrations VALUES (?, ?)", (name, time.time()))
            applied.append(name)
        return applied

    def close(self) -> None:
        self.db.conn.close()
        self._release_lock()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        """One transaction; nests as a savepoint (as sqlite-utils' own ``atomic`` does)."""
        conn = self.db.conn
        if conn.in_transaction:
            name = f"sp{id(object())}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
                raise
            conn.execute(f"RELEASE {name}")
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    @contextlib.contextmanager
    def writer_lock(self) -> Iterator[None]:
        """Hold the store's single-writer lock; a second build is refused, never interleaved.

        A store opened with ``lock=True`` holds it already (from before it was opened).
        """
        if self._lock is not None or self.path == ":memory:":
            yield
            return
        self._lock = acquire_writer_lock(self.path)
        try:
            yield
        finally:
            self._release_lock()

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    # -- inputs and articles ---------------------------------------------------------------
    def input_seen(self, source: str, size: int, mtime: float) -> bool:
        """Whether this file was read before with the same size and modification time."""
        row = self.db.execute("SELECT size, mtime FROM inputs WHERE source = ?", (source,)).fetchone()
        return row is not None and row[0] == size and abs(row[1] - mtime) < 1e-6

    def mark_input(self, source: str, size: int, mtime: float, articles: int) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO inputs VALUES (?, ?, ?, ?, ?)", (source, size, mtime, articles, time.time())
        )

    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def add_source(self, article_id: str, source: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO article_sources VALUES (?, ?)", (article_id, source))

    def write_analyses(self, analyses: Sequence[ArticleAnalysis | EncodedAnalysis]) -> None:
        """Write articles and their findings; call inside ``atomic()`` for one transaction.

        Each item is an ``ArticleAnalysis`` or, as the build's workers send them, one already
        encoded (``encode_analysis``).
        """
        next_seq = (self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]) + 1
        now = time.time()
        for analysis in analyses:
            article, found = analysis if isinstance(analysis, tuple) else encode_analysis(analysis)
            article_id, source = article["id"], article["source"]
            if self.has_article(article_id):
                self.add_source(article_id, source)
                continue
            row = {**article, "seq": next_seq, "added_at": now, "published_reason": None, "story": None}
            next_seq += 1
            cols = ",".join(row)
            self.db.execute(f"INSERT INTO articles ({cols}) VALUES ({','.join('?' * len(row))})", list(row.values()))
            self.add_source(article_id, source)
            for table in ARTICLE_TABLES:
                self.db.conn.executemany(
                    f"INSERT INTO {table} VALUES (?, ?, ?)",
                    [(article_id, n, data) for n, data in enumerate(found.get(table, ()))],
                )

    def replace_findings(self, table: str, article_id: str, records: Sequence[Record | str]) -> None:
        """Replace one article's findings of one kind (corpus stages re-date undated articles).

        ``records`` may be the records' JSON texts (``Record.to_json``), as a worker that
        re-dated them sends them back.
        """
        self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        self.db.conn.executemany(
            f"INSERT INTO {table} VALUES (?, ?, ?)",
            [(article_id, n, r if isinstance(r, str) else r.to_json()) for n, r in enumerate(records)],
        )

    def add_problem(self, problem: Problem) -> None:
        """Record a problem in its own transaction: it survives whatever happens next."""
        with self.atomic():
            self.db.execute(
                "INSERT INTO problems (source, stage, reason, at) VALUES (?, ?, ?, ?)",
                (problem.source, problem.stage, problem.reason, time.time()),
            )

    # -- corpus results -------------------------------------------------------------------
    def replace_corpus(self, table: str, records: Iterable[Record]) -> None:
        """Replace a corpus table's rows (inside the caller's transaction)."""
        self.db.execute(f"DELETE FROM {table}")
        self.append_corpus(table, records)

    def append_corpus(self, table: str, records: Iterable[Record]) -> None:
        """Add rows after a corpus table's last one (stages that write their results in parts)."""
        start = self.db.execute(f"SELECT COALESCE(MAX(n) + 1, 0) FROM {table}").fetchone()[0]
        self.db.conn.executemany(
            f"INSERT INTO {table} VALUES (?, ?, ?)",
            ((getattr(r, "id", None) or str(start + n), start + n, r.to_json()) for n, r in enumerate(records)),
        )

    def order_corpus(self, table: str, order_by: str) -> None:
        """Renumber a corpus table's rows by an SQL ordering of their JSON (parts written apart, sorted once)."""
        self.db.execute("DROP TABLE IF EXISTS temp._order")
        self.db.execute(
            f"CREATE TEMP TABLE _order AS SELECT id, ROW_NUMBER() OVER (ORDER BY {order_by}) - 1 AS k FROM {table}"
        )
        # UPDATE ... FROM needs SQLite 3.33 (2020); Python 3.11's bundled SQLite is newer.
        self.db.execute(f"UPDATE {table} SET n = _order.k FROM temp._order AS _order WHERE _order.id = {table}.id")
        self.db.execute("DROP TABLE temp._order")

    def set_actor_keys(self, rows: Iterable[tuple[str, str, str]]) -> None:
        self.db.execute("DELETE FROM actor_keys")
        self.db.conn.executemany("INSERT OR REPLACE INTO actor_keys VALUES (?, ?, ?)", rows)

    def actor_keys_of(self, article_id: str) -> dict[str, str]:
        """An article's actor keys and the canonical actor id of each."""
        return dict(self.db.execute("SELECT key, actor_id FROM actor_keys WHERE article_id = ?", (article_id,)))

    def set_story_articles(self, rows: Iterable[tuple[str, str]]) -> None:
        rows = list(rows)
        self.db.execute("DELETE FROM story_articles")
        self.db.conn.executemany("INSERT OR REPLACE INTO story_articles VALUES (?, ?)", rows)
        self.db.conn.executemany("UPDATE articles SET story = ? WHERE id = ?", rows)

    def set_published(self, article_id: str, value: str | None, how: str | None, reason: str | None) -> None:
        self.db.execute(
            "UPDATE articles SET published = ?, published_how = ?, published_reason = ? WHERE id = ?",
            (value, how, reason, article_id),
        )

    def get_state(self, name: str) -> bytes | None:
        row = self.db.execute("SELECT value FROM state WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def set_state(self, name: str, value: bytes) -> None:
        self.db.execute("INSERT OR REPLACE INTO state VALUES (?, ?, ?)", (name, value, time.time()))

    def add_line_counts(self, keys: Iterable[str]) -> None:
        self.db.conn.executemany(
            "INSERT INTO line_counts VALUES (?, 1) ON CONFLICT(key) DO UPDATE SET n = n + 1", [(k,) for k in keys]
        )

    def common_lines(self, keys: Iterable[str], min_count: int) -> frozenset[str]:
        keys = list(set(keys))
        found: set[str] = set()
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                r[0]
                for r in self.db.execute(f"SELECT key FROM line_counts WHERE key IN ({marks}) AND n >= ?", [*chunk, min_count])
            )
        return frozenset(found)

    def add_run(self, started: float, seconds: float, report: dict[str, Any]) -> None:
        self.db.execute("INSERT INTO runs (started, seconds, report) VALUES (?, ?, ?)", (started, seconds, json.dumps(report)))

    # -- reading ----------------------------------------------------------------------------
    def article_rows(self, where: str = "", params: Sequence[Any] = (), *, slim: bool = False) -> Iterator[dict[str, Any]]:
        """Article rows in store order; ``slim`` leaves ``text`` and ``lines`` empty (they are large)."""
        columns = ", ".join(f"'' AS {c}" if slim and c in _LARGE_COLUMNS else c for c in _ARTICLE_COLUMNS)
        sql = f"SELECT {columns} FROM articles" + (f" WHERE {where}" if where else "") + " ORDER BY seq"
        cursor = self.db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        for values in cursor:
            yield dict(zip(names, values))

    def articles(self, where: str = "", params: Sequence[Any] = ()) -> Iterator[Article]:
        for row in self.article_rows(where, params):
            yield article_from_row(row)

    def article(self, ref: str) -> Article | None:
        """An article by id, id prefix (4+ characters) or source path (as stored, a tail of
        it, or a longer path ending in a relative one stored)."""
        rows = list(self.article_rows("id = ? OR source = ?", (ref, ref)))
        if not rows and len(ref) >= 4:
            rows = list(self.article_rows("id LIKE ?", (ref + "%",)))
            if len(rows) > 1:
                raise StoreError(f"article id prefix {ref!r} is ambiguous ({len(rows)} articles); give more characters")
        if not rows:
            rows = list(self.article_rows("source LIKE ?", ("%" + ref,)))
        if not rows and "/" in ref:
            # stored as typed at build time ("seeds/a.txt"), asked for from elsewhere by a
            # longer path ("/work/seeds/a.txt"): the stored path ends the one asked for
            name = ref.rsplit("/", 1)[1]
            rows = [r for r in self.article_rows("source LIKE ?", ("%" + name,))
                    if not r["source"].startswith(("/", "../")) and ref.endswith("/" + r["source"].removeprefix("./"))]
        if len(rows) != 1:
            return None
        return article_from_row(rows[0])

    def article_meta(self, article_id: str) -> dict[str, Any]:
        row = self.db.execute(
            "SELECT story, published_reason FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return {"story": row[0], "published_reason": row[1]} if row else {}

    def findings(self, table: str, article_id: str | None = None) -> list[Record]:
        """Per-article findings of one kind, for one article or all (in article order)."""
        cls = ARTICLE_TABLES[table]
        if article_id is None:
            sql = f"SELECT t.data FROM {table} t JOIN articles a ON a.id = t.article_id ORDER BY a.seq, t.n"
            rows = self.db.execute(sql).fetchall()
        else:
            rows = self.db.execute(f"SELECT data FROM {table} WHERE article_id = ? ORDER BY n", (article_id,)).fetchall()
        return [cls.from_dict(orjson.loads(r[0])) for r in rows]

    def analyses(
        self,
        where: str = "",
        params: Sequence[Any] = (),
        *,
        tables: Sequence[str] | None = None,
        slim: bool = False,
        batch: int = 500,
    ) -> Iterator[ArticleAnalysis]:
        """Stored articles with their findings, streamed in batches (in article order).

        Corpus stages read the whole store through this, so it never holds more than one
        batch: at 100,000 articles, all findings as Python records would take about 20 GB.
        ``tables`` limits the findings read (the others are left empty); ``slim`` leaves out
        what no corpus stage reads (the original text and the line labels).
        """
        for row, found in self.analysis_rows(where, params, tables=tables, slim=slim, batch=batch):
            yield decode_analysis(row, found)

    def analysis_rows(
        self,
        where: str = "",
        params: Sequence[Any] = (),
        *,
        tables: Sequence[str] | None = None,
        slim: bool = False,
        batch: int = 500,
    ) -> Iterator[EncodedAnalysis]:
        """``analyses`` undecoded: each article's row, and its findings' JSON texts per table.

        Why: decoding the records is most of reading an article. A stage that hands articles
        to worker processes (dating) sends these and lets the workers decode them
        (``decode_analysis``), so the main process, which every worker waits on, does less.
        """
        wanted = list(ARTICLE_TABLES) if tables is None else [t for t in tables if t in ARTICLE_TABLES]
        rows = self.article_rows(where, params, slim=slim)
        while True:
            chunk = [row for _, row in zip(range(batch), rows)]
            if not chunk:
                return
            found: dict[str, dict[str, list[str]]] = {row["id"]: {} for row in chunk}
            marks = ",".join("?" * len(chunk))
            for table in wanted:
                sql = f"SELECT article_id, data FROM {table} WHERE article_id IN ({marks}) ORDER BY article_id, n"
                for article_id, data in self.db.execute(sql, list(found)):
                    found[article_id].setdefault(table, []).append(data)
            for row in chunk:
                yield row, found[row["id"]]

    def corpus(self, table: str) -> list[Record]:
        cls = CORPUS_TABLES[table]
        return [cls.from_dict(orjson.loads(r[0])) for r in self.db.execute(f"SELECT data FROM {table} ORDER BY n")]

    def actor_ids(self) -> dict[tuple[str, str], str]:
        return {(a, k): i for a, k, i in self.db.execute("SELECT article_id, key, actor_id FROM actor_keys")}

    def problems(self) -> list[Problem]:
        return [Problem(*r) for r in self.db.execute("SELECT source, stage, reason FROM problems ORDER BY id")]

    def count(self, table: str) -> int:
        return self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over titles and bodies (FTS5 syntax); a bad query is a StoreError."""
        sql = (
            "SELECT a.id, a.source, a.title, a.outlet, a.published, "
            "snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet, bm25(articles_fts) AS rank "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
        )
        try:
            cursor = self.db.execute(sql, (query, limit))
        except sqlite3.OperationalError as exc:
            raise StoreError(f"search query {query!r} is not valid FTS5 syntax ({exc}); quote phrases with \"...\"") from None
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor]


def acquire_writer_lock(db_path: str | Path) -> IO[str] | None:
    """Take a store's single-writer lock (a lock file beside it); StoreError if it is held."""
    path = str(db_path)
    if path == ":memory:":
        return None
    handle = open(path + ".lock", "a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise StoreError(
            f"another newstrail build is writing to {path}; wait for it to finish or use another --db"
        ) from None
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    return handle


# One stored article undecoded: its row (column -> value) and its findings' JSON texts per table.
EncodedAnalysis = tuple[dict[str, Any], dict[str, list[str]]]
# Article columns stored as JSON text.
JSON_COLUMNS = ("flags", "offsets", "lines")


def encode_analysis(analysis: ArticleAnalysis) -> EncodedAnalysis:
    """An analysis as the store holds it: the article's columns and each finding's JSON text.

    Why workers encode: their results cross a pipe (or Dask's wire) to the one process that
    writes the store. Pickled as tens of thousands of small records, they cost that process
    more to unpickle than the JSON it then writes cost a worker to make; strings cross cheaply.
    """
    row = analysis.article.to_dict()
    for key in JSON_COLUMNS:
        row[key] = orjson.dumps(row[key]).decode()
    found = {table: [r.to_json() for r in getattr(analysis, table)] for table in ARTICLE_TABLES}
    return row, found


def decode_analysis(row: dict[str, Any], found: dict[str, list[str]]) -> ArticleAnalysis:
    """The ``ArticleAnalysis`` of one ``Store.analysis_rows`` item (tables not read stay empty)."""
    records = {t: tuple(ARTICLE_TABLES[t].from_dict(orjson.loads(d)) for d in found.get(t, ())) for t in ARTICLE_TABLES}
    return ArticleAnalysis(article=article_from_row(row), **records)  # type: ignore[arg-type]


def article_from_row(row: dict[str, Any]) -> Article:
    data = dict(row)
    for key in JSON_COLUMNS:
        data[key] = orjson.loads(data[key]) if data.get(key) else ([] if key != "offsets" else {"segments": []})
    return Article.from_dict(data)
