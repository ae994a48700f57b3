"""Crash safety: SIGKILL at random points of ``newstrail build`` never corrupts the store.

Ten trials, each a fresh store: the build is killed at a random moment after its store file
appears (so kills land in migrations, batch writes and corpus stages alike). After each kill the
store passes ``PRAGMA integrity_check`` and the FTS5 index check, opens as a Store, and a
re-run completes with exactly the articles (and the files each came from) of a clean run.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newstrail import api
from newstrail.store import Store

TRIALS = 10
PLACES = ["Port Selva", "Karsk", "Norhaven", "Lindmoor", "Veldt Bay", "Ostrick"]
PEOPLE = ["Ana Varga", "Tomas Reil", "Mira Okonkwo", "Jon Ekdahl", "Lena Sato"]
# Invented words: three drawn per line make lines distinct across articles (boilerplate
# detection counts lines repeated across the corpus, digits folded to 0).
WORDS = ("amber basalt cobalt dune ember fjord glacier heron indigo juniper kelp lantern meadow "
         "nettle orchid pebble quartz rowan saffron tundra umber violet willow yarrow zephyr").split()


def _phrase(rng: random.Random) -> str:
    return " ".join(rng.sample(WORDS, 3))


def _article(i: int, rng: random.Random) -> str:
    """A small invented article (a few hundred characters), different for each i.

    Articles 2k and 2k+1 share their quote line, as two outlets quoting one statement do."""
    place, person = rng.choice(PLACES), rng.choice(PEOPLE)
    shared = random.Random(i // 2)
    return (
        f"Harbour talks on the {_phrase(rng)} plan\n\n"
        f"Negotiators met in {place} on Tuesday to discuss the {_phrase(rng)} schedule, {person} said.\n\n"
        f"\u201cWe will keep talking about the {_phrase(shared)} question,\u201d the negotiator told reporters.\n\n"
        "Leave a Reply\n"
    )


def write_corpus(folder: Path, n: int = 90, seed: int = 7) -> None:
    """n small .txt articles, three exact copies under other names, and a JSONL feed of 12 more."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"a{i:03d}.txt").write_text(_article(i, rng), encoding="utf-8")
    for i in (3, 40, 77):
        (folder / f"copy{i:03d}.txt").write_text((folder / f"a{i:03d}.txt").read_text(encoding="utf-8"), encoding="utf-8")
    with (folder / "feed.jsonl").open("w", encoding="utf-8") as out:
        for i in range(n, n + 12):
            out.write(json.dumps({"text": _article(i, rng), "outlet": "Wire", "published": "2031-03-04"}) + "\n")


def build_cmd(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "newstrail", "build", str(corpus), "--db", str(db), "--workers", "1", "--quiet"]


def snapshot(db: Path) -> tuple[set[str], set[tuple[str, str]], set[str]]:
    """Ids of the articles, (article id, source) pairs, and the input files marked read."""
    with Store(db, readonly=True) as store:
        articles = {r["id"] for r in store.article_rows()}
        sources = set(store.db.execute("SELECT article_id, source FROM article_sources").fetchall())
        inputs = {r[0] for r in store.db.execute("SELECT source FROM inputs")}
    return articles, sources, inputs


def check_not_corrupt(db: Path) -> None:
    """integrity_check, the FTS5 index against its content table, and the Store opens."""
    conn = sqlite3.connect(db, timeout=30)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "articles_fts" in tables:
            conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    finally:
        conn.close()
    with Store(db) as store:  # opens, migrates what a kill interrupted
        store.count("articles")


@pytest.mark.slow
def test_sigkill_at_random_points_never_corrupts_and_a_rerun_completes(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    write_corpus(corpus)
    clean_db = tmp_path / "clean.db"
    started = time.monotonic()
    proc = subprocess.run(build_cmd(corpus, clean_db), capture_output=True, text=True, timeout=600)
    clean_seconds = time.monotonic() - started  # only to spread the kill points, never asserted
    assert proc.returncode == 0, proc.stderr
    expected = snapshot(clean_db)
    assert len(expected[0]) == 102 and len(expected[1]) == 105
    with Store(clean_db, readonly=True) as store:
        assert all(r["body"] for r in store.article_rows())  # the corpus is not all boilerplate

    rng = random.Random(20310304)
    lost: list[int] = []
    for trial in range(TRIALS):
        db = tmp_path / f"killed{trial}.db"
        proc = subprocess.Popen(build_cmd(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        appeared = time.monotonic()
        while not db.exists() and proc.poll() is None and time.monotonic() - appeared < 120:
            time.sleep(0.01)
        time.sleep(rng.uniform(0, clean_seconds * 0.8))
        killed = proc.poll() is None
        if killed:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        stderr = proc.stderr.read().decode() if proc.stderr else ""
        if proc.stderr:
            proc.stderr.close()
        assert killed or proc.returncode == 0, stderr
        at_kill = 0
        if db.exists():
            check_not_corrupt(db)
            at_kill = len(snapshot(db)[0])
        report = api.build([corpus], db, workers=1)
        assert report.problems == [], (trial, report.problems)
        got = snapshot(db)
        lost.append(len(expected[0] - got[0]))
        assert got == expected, f"trial {trial}: {len(expected[0] - got[0])} articles lost, {len(got[0] - expected[0])} extra"
        print(f"trial {trial}: killed={killed}, {at_kill} articles stored at the kill, articles lost: {lost[-1]}")
        check_not_corrupt(db)
    assert lost == [0] * TRIALS


class _CrashAfterFirstCommit:
    """An engine that dies like a killed process once a batch is committed: the next piece of
    per-article work finds articles in the store (read on its own connection) and is cut off."""

    workers = 1

    def __init__(self, db: Path) -> None:
        self.db = db

    def _committed(self) -> int:
        with sqlite3.connect(self.db) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def map(self, fn, items):
        for item in items:
            if self._committed():
                raise KeyboardInterrupt("simulated kill after the first batch")
            yield fn(item)

    def close(self) -> None:
        pass


def test_rerun_after_a_kill_cleans_articles_as_a_clean_run_does(tmp_path: Path) -> None:
    from newstrail.pipeline import build

    corpus = tmp_path / "in"
    write_corpus(corpus, n=100)
    with Store(tmp_path / "clean.db") as store:
        build(store, [corpus])
        clean = {r["id"]: r["body"] for r in store.article_rows()}
    with Store(tmp_path / "killed.db") as store:
        with pytest.raises(KeyboardInterrupt):
            build(store, [corpus], _CrashAfterFirstCommit(tmp_path / "killed.db"))
    with Store(tmp_path / "killed.db") as store:
        build(store, [corpus])
        rerun = {r["id"]: r["body"] for r in store.article_rows()}
    assert rerun.keys() == clean.keys()  # no article lost
    changed = [i for i in clean if clean[i] != rerun[i]]
    assert changed == [], f"{len(changed)} of {len(clean)} articles cleaned differently after the kill"
