"""End to end: build a store from files, re-run, add files, bad input, a killed build."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newstrail import api
from newstrail.pipeline import run_corpus_stages
from newstrail.store import Store

SAMPLE = api.sample_corpus_path()

ARTICLE = (
    "Ferry talks stall\n\n"
    "Negotiators for the two harbour authorities met in Port Selva on Tuesday but failed to agree "
    "on a timetable, officials said.\n\n"
    "\u201cWe are not there yet,\u201d said Ana Varga, the chief negotiator for the northern authority.\n\n"
    "Leave a Reply\n"
)


def _write_articles(folder: Path, n: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        path = folder / f"a{i:03d}.txt"
        path.write_text(ARTICLE.replace("Tuesday", f"Tuesday (item {i})"), encoding="utf-8")
        paths.append(path)
    return paths


def test_build_seeds_stores_five_articles(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "s.db"
    report = api.build([seeds_dir], db, workers=1)
    assert report.articles == 5 and report.problems == []
    with api.open_store(db, readonly=True) as store:
        rows = api.list_articles(store)
    assert len(rows) == 5
    required = {"id", "source", "title", "dek", "byline", "outlet", "published", "published_how", "language", "flags", "body"}
    assert all(required <= set(row) for row in rows)


def test_rebuild_changes_nothing_and_new_files_are_added(tmp_path: Path) -> None:
    corpus, db = tmp_path / "in", tmp_path / "s.db"
    _write_articles(corpus, 3)
    first = api.build([corpus], db, workers=1)
    assert first.articles == 3
    with Store(db) as store:
        snapshot = [r for r in store.article_rows()]
    again = api.build([corpus], db, workers=1)
    assert again.articles == 0 and again.files_skipped == 3
    with Store(db) as store:
        assert [r for r in store.article_rows()] == snapshot
    _write_articles(corpus, 2, start=3)
    third = api.build([corpus], db, workers=1)
    assert third.articles == 2 and third.files_skipped == 3


def test_files_of_other_kinds_in_a_folder_are_counted_not_read(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    _write_articles(corpus, 1)
    (corpus / "notes.pdf").write_bytes(b"%PDF-1.4")
    (corpus / "key.json").write_text("{}")
    (corpus / "sub").mkdir()
    (corpus / "sub" / "more.pdf").write_bytes(b"%PDF-1.4")
    report = api.build([corpus], tmp_path / "s.db", workers=1)
    assert report.files == 1 and not report.problems
    assert report.ignored == {".pdf": 2, ".json": 1}


def test_same_article_in_two_files_is_stored_once(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    (path,) = _write_articles(corpus, 1)
    shutil.copy(path, corpus / "copy.txt")
    report = api.build([corpus], tmp_path / "s.db", workers=1)
    assert report.articles == 1 and report.articles_known == 1
    with Store(tmp_path / "s.db") as store:
        assert any(d["kind"] == "exact" for d in api.list_duplicates(store))


def _bad_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    _write_articles(folder, 3)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "latin.txt").write_bytes(ARTICLE.replace("Varga", "Vargá").encode("cp1252"))
    (folder / "broken.txt.gz").write_bytes(gzip.compress(ARTICLE.encode())[:30])
    (folder / "feed.jsonl").write_text(json.dumps({"text": ARTICLE + " feed"}) + "\n{oops\n", encoding="utf-8")
    (folder / "deep.html").write_text("<div>" * 5000 + "<p>" + ARTICLE + "</p>" + "</div>" * 5000, encoding="utf-8")
    return folder


def test_bad_inputs_are_reported_and_skipped(tmp_path: Path) -> None:
    folder = _bad_folder(tmp_path)
    db = tmp_path / "s.db"
    proc = subprocess.run(
        [sys.executable, "-m", "newstrail", "build", str(folder), "--db", str(db), "--workers", "1", "--quiet"],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 1, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.startswith("newstrail: skipped")]
    named = {Path(line.split()[2].rstrip(":").split(":")[0]).name for line in lines}
    assert named == {"empty.txt", "binary.txt", "broken.txt.gz", "feed.jsonl"}, proc.stderr
    assert "Traceback" not in proc.stderr
    with Store(db) as store:
        sources = {Path(r["source"]).name for r in store.article_rows()}
        assert {"a000.txt", "a001.txt", "a002.txt", "latin.txt", "deep.html"} <= sources
        assert any(name.startswith("feed.jsonl") for name in sources)
        assert len(store.problems()) == 4


def test_killed_build_leaves_a_store_that_a_rerun_completes(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    _write_articles(corpus, 150)
    clean_db, killed_db = tmp_path / "clean.db", tmp_path / "killed.db"
    api.build([corpus], clean_db, workers=1)
    with Store(clean_db) as store:
        expected = {r["id"] for r in store.article_rows()}
    cmd = [sys.executable, "-m", "newstrail", "build", str(corpus), "--db", str(killed_db), "--workers", "1", "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None:
        if killed_db.exists():
            try:
                with sqlite3.connect(killed_db, timeout=1) as conn:
                    if conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] > 0:
                        break
            except sqlite3.DatabaseError:
                pass
        time.sleep(0.2)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Store(killed_db) as store:  # opens, and is consistent
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    with Store(killed_db) as store:
        assert {r["id"] for r in store.article_rows()} == expected


def test_cli_articles_json(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    _write_articles(corpus, 2)
    db = tmp_path / "s.db"
    api.build([corpus], db, workers=1)
    out = subprocess.run([sys.executable, "-m", "newstrail", "articles", "--db", str(db), "--json"], capture_output=True, text=True, check=True)
    rows = json.loads(out.stdout)
    assert len(rows) == 2 and all(r["article_id"] == r["id"] for r in rows)


def test_export_formats(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    _write_articles(corpus, 2)
    db = tmp_path / "s.db"
    api.build([corpus], db, workers=1)
    with api.open_store(db, readonly=True) as store:
        for fmt in api.EXPORT_FORMATS:
            written = api.export(store, fmt, tmp_path / fmt, ["articles", "quotes"])
            assert [p.name for p in written] == [f"articles.{fmt}", f"quotes.{fmt}"]
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "parquet" / "articles.parquet").num_rows == 2


def test_missing_store_is_one_line_error(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "newstrail", "articles", "--db", str(tmp_path / "none.db")], capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.strip().startswith("newstrail: error: no store at") and len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("args", [["build"], ["export", "--format", "xml"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    proc = subprocess.run([sys.executable, "-m", "newstrail", *args], capture_output=True, text=True)
    assert proc.returncode == 2


def test_page_of_furniture_only_is_a_problem_not_an_empty_article(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _write_articles(folder, 1)
    (folder / "nav.html").write_text("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>", encoding="utf-8")
    report = api.build([folder], tmp_path / "s.db", workers=1)
    assert report.articles == 1
    assert [(Path(p.source).name, "no article text" in p.reason) for p in report.problems] == [("nav.html", True)]


def test_second_build_redoes_no_dating_and_keeps_every_corpus_table(tmp_path: Path) -> None:
    """Corpus stages stream the store and date only stories a build changed."""
    db = tmp_path / "s.db"
    first = api.build([SAMPLE], db, workers=1)
    assert first.articles > 20
    with Store(db) as store:
        tables = {t: store.db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
                  for t in ("actors", "stories", "timeline", "positions", "timexes", "events")}
    assert next(r for r in first.corpus if r.stage == "dates").done > 0
    with Store(db) as store:
        again = run_corpus_stages(store)  # what a build runs when the code changed, on the same articles
    assert next(r for r in again if r.stage == "dates").done == 0
    with Store(db) as store:
        for table, rows in tables.items():
            assert store.db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall() == rows, table


def test_a_build_with_nothing_new_runs_no_corpus_stage_and_one_with_something_new_does(tmp_path: Path) -> None:
    corpus, db = tmp_path / "in", tmp_path / "s.db"
    _write_articles(corpus, 3)
    assert api.build([corpus], db, workers=1).corpus
    with Store(db) as store:
        stories = store.db.execute("SELECT * FROM stories").fetchall()
    assert api.build([corpus], db, workers=1).corpus == []
    with Store(db) as store:
        assert store.db.execute("SELECT * FROM stories").fetchall() == stories
    _write_articles(corpus, 1, start=3)
    assert api.build([corpus], db, workers=1).corpus


def test_a_second_input_of_a_stored_article_runs_the_corpus_stages(tmp_path: Path) -> None:
    """An exact copy read from another file adds no article, but a source: duplicates change."""
    corpus, db = tmp_path / "in", tmp_path / "s.db"
    (path,) = _write_articles(corpus, 1)
    api.build([corpus], db, workers=1)
    shutil.copy(path, corpus / "copy.txt")
    assert api.build([corpus], db, workers=1).corpus


def test_dating_a_story_again_keeps_the_dates_it_inferred(tmp_path: Path) -> None:
    """A later build that changes a story dates its undated members again: a date an earlier
    build inferred is inferred again from the story, never taken as a known date or lost."""
    from newstrail import stages

    db = tmp_path / "s.db"
    api.build([SAMPLE], db, workers=1)
    tables = ("articles", "timexes", "quotes", "events", "stances")
    with Store(db) as store:
        before = {t: store.db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables}
        assert store.db.execute("SELECT count(*) FROM articles WHERE published_how = 'inferred'").fetchone()[0] > 0
        with store.atomic():
            again = stages.run_dates(stages.CorpusContext(store))  # as if every story had changed
        assert again > 0
        for table in tables:
            assert store.db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall() == before[table], table


def test_positions_in_small_batches_cover_every_stance_once(tmp_path: Path, monkeypatch) -> None:
    """Positions are merged a batch of blocks at a time; however small the batches, no stance is lost or doubled."""
    from newstrail import stages

    db = tmp_path / "s.db"
    api.build([SAMPLE], db, workers=1)
    with Store(db) as store:
        whole = sorted(m.as_pair() + [m.article_id] for p in store.corpus("positions") for m in p.mentions)
        monkeypatch.setattr(stages, "POSITION_BATCH", 3)
        with store.atomic():
            stages.run_positions(stages.CorpusContext.as_written(store))  # with the actors the build resolved
        batched = store.corpus("positions")
    assert sorted(m.as_pair() + [m.article_id] for p in batched for m in p.mentions) == whole
    sources = [len(p.sources) for p in batched]
    assert sources == sorted(sources, reverse=True)


def test_indexed_attribute_ruler_finds_what_the_stock_matcher_finds(seeds_dir: Path) -> None:
    """load_nlp swaps the attribute ruler's Matcher pass for an index; the matches must not change."""
    import spacy

    from newstrail.nlp import MODEL, _RuleIndex, load_nlp

    assert isinstance(load_nlp().get_pipe("attribute_ruler").match.__self__, _RuleIndex)
    stock = spacy.load(MODEL)
    ruler = stock.get_pipe("attribute_ruler")
    index = _RuleIndex(ruler)
    assert index.complete
    texts = [ARTICLE, "Y'all ain't gonna believe it. Let's go, they said: I don't know nothin'.\n\n  There is hope, is n't there?"]
    texts += [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    before = [name for name in stock.pipe_names if name not in ("attribute_ruler", "lemmatizer", "ner")]
    with stock.select_pipes(enable=before):
        for doc in stock.pipe(texts):
            assert index.match(doc) == ruler.match(doc)


def test_parse_through_numpys_blas_is_stock_spacys_parse(seeds_dir: Path) -> None:
    """load_nlp sends the models' matrix products to numpy's BLAS instead of blis: same annotations."""
    import spacy
    from spacy.tokens import Doc
    from thinc.api import NumpyOps

    from newstrail.nlp import MODEL, SENTENCE_STARTS, _split_glued_quotation_marks, for_parse, load_nlp, parse_many

    ours = load_nlp()
    tok2vec_ops = ours.get_pipe("tok2vec").model.ops
    assert isinstance(tok2vec_ops, NumpyOps) and not tok2vec_ops.use_blis
    stock = spacy.load(MODEL)
    assert stock.get_pipe("tok2vec").model.ops.use_blis
    # the same text, tokens and sentence starts: only the BLAS differs
    stock.add_pipe(SENTENCE_STARTS, first=True)
    _split_glued_quotation_marks(stock)

    def annotations(doc: Doc) -> list[tuple]:
        return [(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc]

    texts = [ARTICLE] + [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    for mine, theirs in zip(parse_many(texts, ours), stock.pipe(for_parse(t) for t in texts)):
        assert annotations(mine) == annotations(theirs)


def test_a_no_break_space_parses_as_a_space_and_offsets_hold(nlp) -> None:
    """spaCy made a no-break space a token of its own, which the parser hung on a word; the
    parse now reads it as a space, one character for one."""
    from newstrail.nlp import parse

    text = "The mayor said:\xa0“We will reopen the bridge\xa0on Monday.”"
    doc = parse(text)
    assert len(doc.text) == len(text) and not any(t.is_space for t in doc)
    bridge = next(t for t in doc if t.text == "bridge")
    assert text[bridge.idx:bridge.idx + len(bridge)] == "bridge"


def test_a_quotation_mark_glued_to_words_is_a_token_of_its_own(nlp) -> None:
    from newstrail.nlp import parse

    tokens = [t.text for t in parse("She replied,“Not this year,”Okafor said, “and not the next.”")]
    assert tokens[:9] == ["She", "replied", ",", "“", "Not", "this", "year", ",", "”"]
    assert tokens[9] == "Okafor"
    assert [t.text for t in parse("don’t stop the “word”-based rule")][:3] == ["do", "n’t", "stop"]


def test_a_wire_dateline_is_a_sentence_of_its_own(nlp) -> None:
    """The small model reads "PORTVALE, May 6 (Coastwire) - Selby rejected …" with the place
    as a second subject of "rejected"; after the dateline a sentence starts, so it does not."""
    from newstrail.nlp import parse

    text = ("PORTVALE, May 6 (Coastwire) - Selby on Tuesday rejected the harbour plan, calling it reckless.\n"
            "LUNDHAVEN (CW) — Ferries ran late again.")
    sents = [s.text.strip() for s in parse(text).sents]
    assert sents[0] == "PORTVALE, May 6 (Coastwire) -"
    assert sents[1].startswith("Selby on Tuesday rejected")
    assert "LUNDHAVEN (CW) —" in sents
    rejected = next(t for t in parse(text) if t.text == "rejected")
    assert [c.text for c in rejected.children if c.dep_ == "nsubj"] == ["Selby"]


def test_a_line_without_a_full_stop_ends_its_sentence_at_a_blank_line(nlp) -> None:
    """A headline and a standfirst have no full stop; the small model ran them into the lead,
    so a date in the headline dated the lead's statement. A blank line ends a sentence; a
    single line break (text wrapped inside a paragraph) does not."""
    from newstrail.nlp import parse

    text = ("Harbour board warns fares will rise on 1 June without a subsidy\n\n"
            "Chair says the ferries cannot run at a loss for another winter\n \n"
            "Fares will rise on 1 June unless the council pays, the chair of the harbour board\n"
            "said on Tuesday.")
    sents = [s.text.strip() for s in parse(text).sents]
    assert sents[0] == "Harbour board warns fares will rise on 1 June without a subsidy"
    assert sents[1] == "Chair says the ferries cannot run at a loss for another winter"
    assert sents[2].startswith("Fares will rise") and sents[2].endswith("said on Tuesday.")


def test_cached_lemmatizer_gives_stock_lemmas_on_a_second_pass() -> None:
    """load_nlp caches every lemma answer; a warm cache must answer as the stock lemmatizer does."""
    import spacy

    from newstrail.nlp import MODEL, load_nlp

    ours = load_nlp()
    assert ours.get_pipe("lemmatizer").lemmatize.__qualname__.startswith("_cache_lemmas")
    stock = spacy.load(MODEL)
    text = ("The ministers met again. The minister meets the envoys; envoys were meeting ministers "
            "while the talks went on and the talk goes on. Better offers, best offer, good offer.")
    theirs = [t.lemma_ for t in stock(text)]
    for _ in range(2):
        assert [t.lemma_ for t in ours(text)] == theirs


def _undated_talks():
    """An undated article with one reported quote whose date comes from "on Tuesday"."""
    from newstrail.model import Article, ArticleAnalysis, OffsetMap, Quote, Span, content_id

    text = "Talks were held in Vienna.\n\nThe minister said on Tuesday that the talks would go on."
    aid = content_id(text)
    start = text.index("the talks")
    article = Article(id=aid, source="a.txt", text=text, body=text, offsets=OffsetMap.identity(len(text)), title="Talks")
    quote = Quote(article_id=aid, content=Span(aid, start, len(text) - 1), content_text=text[start:-1], kind="indirect",
                  speaker_text="The minister", speaker=Span(aid, text.index("The minister"), text.index(" said")))
    return ArticleAnalysis(article=article, quotes=(quote,))


def test_redating_to_the_same_date_writes_back_only_the_time_expressions() -> None:
    """An article dated again to the day it already had keeps its quotes' rows as they are."""
    from dataclasses import replace

    from newstrail.stages import _redated_tables, redate

    undated = _undated_talks()

    first = redate(undated, "2022-01-12")
    assert first.quotes[0].said_on == "2022-01-11"
    assert _redated_tables(undated, first) == ("timexes", "quotes")
    again = redate(replace(first, article=replace(first.article, published=None, published_how=None)), "2022-01-12")
    assert _redated_tables(first, again) == ("timexes",)


def test_a_started_corpus_stage_finishes_after_the_stages_that_do_not_need_it(monkeypatch) -> None:
    """A stage with ``start`` (the timeline) hands its work out, the next stages that need
    nothing it makes run, and it is finished before the first one that does. Reports stay in
    stage order; a failing finish is rolled back alone and reported."""
    from newstrail import pipeline, stages

    calls: list[str] = []

    def start(ctx):
        calls.append("a starts")
        return lambda: calls.append("a finishes") or 1

    def fails_to_finish(ctx):
        def finish():
            ctx.store.add_line_counts(["written, then rolled back"])
            raise ValueError("merge lost")
        return finish

    monkeypatch.setattr(stages, "CORPUS_STAGES", (
        stages.Stage("a", 1, (), ("x",), start=start),
        stages.Stage("b", 1, (), ("y",), lambda ctx: calls.append("b") or 2),
        stages.Stage("c", 1, ("x",), ("z",), lambda ctx: calls.append("c") or 3),
        stages.Stage("d", 1, (), ("w",), start=fails_to_finish),
        stages.Stage("e", 1, (), ("v",), lambda ctx: calls.append("e") or 5),
    ))
    store = Store(":memory:")
    reports = pipeline.run_corpus_stages(store)
    assert calls == ["a starts", "b", "a finishes", "c", "e"]
    assert [(r.stage, r.done) for r in reports] == [("a", 1), ("b", 2), ("c", 3), ("d", 0), ("e", 5)]
    assert [p.reason for p in reports[3].problems] == ["internal error: ValueError: merge lost"]
    assert store.count("line_counts") == 0


def test_dating_sends_back_the_redated_findings_as_stored_text() -> None:
    """Workers decode the stored undated articles and encode what re-dating changed: the
    texts are the re-dated records' own JSON."""
    from dataclasses import replace

    from newstrail.stages import DatingTask, date_group, redate

    undated = _undated_talks()
    stored = redate(undated, "2022-01-12")  # an earlier build's inference
    store = Store(":memory:")
    with store.atomic():
        store.write_analyses([stored])
    (inferred, (found,)) = date_group(DatingTask(list(store.analysis_rows(tables=("quotes",))), {}, {}))
    assert inferred == 0 and found.published is None and found.reason is None  # no story now: no date to infer
    expected = redate(replace(stored, article=undated.article, timexes=()), None)
    assert expected.quotes[0].said_on is None
    assert set(found.findings) == {"timexes", "quotes"}  # the quote lost the date it had
    assert found.findings["quotes"] == [q.to_json() for q in expected.quotes]
    assert found.findings["timexes"] == [t.to_json() for t in expected.timexes]


@pytest.mark.parametrize("n", [0, 1, 5, 16, 44, 64, 200])
@pytest.mark.parametrize("workers", [2, 4])
def test_the_last_batch_is_cut_into_parts_that_shrink(n: int, workers: int) -> None:
    """The last batch goes out in parts of at most MIN_CHUNK that shrink to TAIL_CHUNK or
    fewer, in order, each article once, so the workers run out of work close together."""
    from newstrail.pipeline import MIN_CHUNK, TAIL_CHUNK, _shrinking_parts

    parts = _shrinking_parts(list(range(n)), MIN_CHUNK, workers)
    assert [i for part in parts for i in part] == list(range(n))
    sizes = [len(part) for part in parts]
    assert max(sizes) <= MIN_CHUNK and sizes == sorted(sizes, reverse=True)
    assert sizes[-1] <= TAIL_CHUNK
    if n > TAIL_CHUNK:
        assert len(parts) >= 2, "one worker would parse the whole last batch alone"


def test_marking_last_reads_one_ahead_to_mark_the_final_item() -> None:
    from newstrail.pipeline import _marking_last

    assert list(_marking_last([])) == []
    assert list(_marking_last(["a"])) == [("a", True)]
    assert list(_marking_last(iter("abc"))) == [("a", False), ("b", False), ("c", True)]
