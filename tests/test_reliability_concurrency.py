"""Concurrent use of one store: readers during a build (WAL), and a second build refused.

- While ``newstrail build`` writes, ``Store(path, readonly=True)`` queries and
  ``newstrail articles --json`` work: no "database is locked", no half-written batch
  (the count only grows, by whole batches), and every listed article is complete.
- A second ``build`` on a store another build is writing is refused with one line
  (``newstrail: error: another newstrail build is writing to …``) and exit 1; the first build
  finishes and the store is exactly what one build makes.
"""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newstrail import api
from newstrail.errors import StoreError
from newstrail.pipeline import BATCH_SIZE
from newstrail.store import Store

WORDS = ("amber basalt cobalt dune ember fjord glacier heron indigo juniper kelp lantern meadow "
         "nettle orchid pebble quartz rowan saffron tundra umber violet willow yarrow zephyr").split()
N_ARTICLES = 200
LOCKED = "newstrail: error: another newstrail build is writing to {db}; wait for it to finish or use another --db"


def write_corpus(folder: Path, n: int = N_ARTICLES, seed: int = 11) -> Path:
    """n small invented articles, distinct line by line."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for i in range(n):
        words = lambda: " ".join(rng.sample(WORDS, 3))  # noqa: E731
        (folder / f"a{i:03d}.txt").write_text(
            f"Harbour talks on the {words()} plan\n\n"
            f"Negotiators met in Port Selva on Tuesday to discuss the {words()} schedule, officials said.\n\n"
            f"\u201cWe will keep talking about the {words()} question,\u201d Ana Varga told reporters.\n",
            encoding="utf-8",
        )
    return folder


def start_build(corpus: Path, db: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "newstrail", "build", str(corpus), "--db", str(db), "--workers", "1", "--quiet"]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def wait_for_lock(db: Path, proc: subprocess.Popen, timeout: float = 120) -> None:
    """Until ``proc`` holds the store's writer lock (it writes its pid into DB.lock)."""
    lock = Path(str(db) + ".lock")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if lock.exists() and lock.read_text().strip() == str(proc.pid):
            return
        time.sleep(0.02)
    raise AssertionError(f"build did not take the lock (exit {proc.poll()}): {proc.stderr.read() if proc.poll() is not None else ''}")


def wait_for_schema(db: Path, timeout: float = 120) -> None:
    """Until the store's schema exists: the lock is taken before the file is created."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            Store(db, readonly=True).close()
            return
        except StoreError:
            time.sleep(0.05)
    raise AssertionError(f"{db} never got its schema")


def integrity_ok(db: Path) -> bool:
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.slow
def test_reads_work_while_a_build_writes(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in")
    db = tmp_path / "s.db"
    builder = start_build(corpus, db)
    wait_for_lock(db, builder)
    wait_for_schema(db)
    counts: list[int] = []
    cli_counts: list[int] = []
    reads = 0
    while builder.poll() is None:
        with Store(db, readonly=True) as store:
            rows = api.list_articles(store)
            counts.append(len(rows))
            assert all(r["body"] and r["id"] and r["source"] for r in rows)
            assert store.count("articles") >= len(rows)
            if rows:
                assert store.search("Harbour", limit=5)
            reads += 1
        if len(cli_counts) < 2 and counts[-1] > 0:
            out = subprocess.run([sys.executable, "-m", "newstrail", "articles", "--db", str(db), "--json"],
                                 capture_output=True, text=True, timeout=120)
            assert out.returncode == 0, out.stderr
            cli_counts.append(len(json.loads(out.stdout)))
        time.sleep(0.05)
    stderr = builder.stderr.read()
    assert builder.returncode == 0, stderr
    assert reads > 1
    assert counts == sorted(counts), "a reader saw articles disappear"
    assert all(c % BATCH_SIZE == 0 or c == N_ARTICLES for c in counts + cli_counts), "a reader saw half a batch"
    with Store(db, readonly=True) as store:
        assert store.count("articles") == N_ARTICLES
    assert integrity_ok(db)


@pytest.mark.slow
def test_second_build_is_refused_while_one_writes(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in")
    db = tmp_path / "s.db"
    first = start_build(corpus, db)
    wait_for_lock(db, first)
    second = subprocess.run([sys.executable, "-m", "newstrail", "build", str(corpus), "--db", str(db), "--workers", "1"],
                            capture_output=True, text=True, timeout=300)
    assert first.poll() is None, "the first build ended before the second tried; use a larger corpus"
    assert second.returncode == 1
    assert second.stderr.strip() == LOCKED.format(db=db)
    assert first.wait(timeout=600) == 0, first.stderr.read()
    assert integrity_ok(db)
    with Store(db, readonly=True) as store:
        assert store.count("articles") == N_ARTICLES
        assert store.count("runs") == 1  # the refused build recorded nothing
        assert store.problems() == []


def test_writer_lock_in_python_refuses_a_second_writer(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store(db) as one, Store(db) as two:
        with one.writer_lock():
            with pytest.raises(StoreError, match="another newstrail build is writing"):
                with two.writer_lock():
                    pass
        with two.writer_lock():  # released when the first is done
            pass


@pytest.mark.slow
def test_two_builds_started_together_on_a_new_store(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in", n=80)
    for round_ in range(3):
        db = tmp_path / f"s{round_}.db"
        procs = [start_build(corpus, db) for _ in range(2)]
        results = [(p.wait(timeout=600), p.stderr.read().strip()) for p in procs]
        assert sorted(code for code, _ in results) == [0, 1], results
        assert [msg for code, msg in results if code == 1] == [LOCKED.format(db=db)]
        assert integrity_ok(db)
        with Store(db, readonly=True) as store:
            assert store.count("articles") == 80
