"""A first-time user's audit of the CLI: story and article refs, narrow tables, bad paths, empty
exports, repeated problems. Fast: the stores are written directly (no NLP), with invented text."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newstrail import api
from newstrail.cli import _original, _removed_line, cli
from newstrail.errors import StoreError
from newstrail.model import Actor, Position, Problem, Story
from newstrail.report.sample import write_sample_store
from newstrail.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    return str(write_sample_store(tmp_path_factory.mktemp("audit") / "sample.db", 8, hostile=False))


def run(*args: str, width: int = 80) -> tuple[int, str, str]:
    result = CliRunner(env={"COLUMNS": str(width)}).invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def story_id(db: str) -> str:
    with api.open_store(db, readonly=True) as store:
        return api.list_stories(store)[0]["id"]


# -- --story takes the id a table shows (a prefix) everywhere ---------------------------------


@pytest.mark.parametrize("command", ["articles", "quotes", "timeline", "sources"])
def test_story_option_takes_the_shortened_id_tables_show(db: str, command: str) -> None:
    full = json.loads(run(command, "--db", db, "--json", "--story", story_id(db))[1])
    short = json.loads(run(command, "--db", db, "--json", "--story", story_id(db)[:10])[1])
    assert full and short == full


@pytest.mark.parametrize("command", ["articles", "quotes", "timeline", "sources", "story"])
def test_unknown_story_is_an_error_not_an_empty_listing(db: str, command: str) -> None:
    args = [command, "nosuchstory"] if command == "story" else [command, "--story", "nosuchstory"]
    code, _, errors = run(*args, "--db", db)
    assert code == 1 and "no story 'nosuchstory'" in errors and "Traceback" not in errors


def test_ambiguous_story_prefix_says_so(tmp_path: Path) -> None:
    path = tmp_path / "two.db"
    with Store(path) as store, store.atomic():
        store.replace_corpus("stories", [Story("sab1", "one", ("a1",)), Story("sab2", "two", ("a2",))])
        store.set_story_articles([("sab1", "a1"), ("sab2", "a2")])
    with Store(path, readonly=True) as store:
        with pytest.raises(StoreError, match=r"prefix 'sab' is ambiguous \(2 stories"):
            api.resolve_story(store, "sab")
        assert api.resolve_story(store, "sab2") == "sab2"


def test_short_article_prefix_gets_a_hint(db: str) -> None:
    code, _, errors = run("show", "ab", "--db", db)
    assert code == 1 and "4 or more characters" in errors


# -- positions: by any name of the actor or of whoever voiced it, in order ----------------------


def _positions_store(path: Path) -> Path:
    with Store(path) as store, store.atomic():
        store.replace_corpus("actors", [
            Actor("a1", "Teodor Varga", "person", variants=("Varga", "Teodor Warga")),
            Actor("a2", "Kessland", "country", variants=("Kessland", "Kesslandic")),
        ])
        store.replace_corpus("positions", [
            Position("p1", "Kessland", "reject", "the toll plan is unacceptable", first="2030-05-02",
                     speakers=("Teodor Varga",)),
            Position("p2", "Kessland", "demand", "the bridge must reopen", first="2030-04-20"),
            Position("p3", "Almira Port Board", "commit", "ferries will run nightly"),
            Position("p4", "Kessland", "deny", "no troops were moved"),
        ])
    return path


def test_positions_actor_matches_variants_and_speakers(tmp_path: Path) -> None:
    with Store(_positions_store(tmp_path / "p.db"), readonly=True) as store:
        assert [p["id"] for p in api.list_positions(store, actor="Warga")] == ["p1"]
        assert {p["id"] for p in api.list_positions(store, actor="kesslandic")} == {"p1", "p2", "p4"}


def test_positions_are_grouped_by_actor_then_dated(tmp_path: Path) -> None:
    with Store(_positions_store(tmp_path / "p.db"), readonly=True) as store:
        assert [p["id"] for p in api.list_positions(store)] == ["p3", "p2", "p1", "p4"]


# -- tables ---------------------------------------------------------------------------------------


def test_show_diff_keeps_the_label_and_reason() -> None:
    line = _removed_line({"label": "boilerplate", "reason": "after the main text", "text": "Share this story"})
    assert line.plain == "- [boilerplate: after the main text] Share this story"


def test_narrow_table_keeps_ids_whole_and_names_hidden_columns(db: str) -> None:
    code, out, errors = run("articles", "--db", db, width=80)
    ids = [a["id"][:10] for a in json.loads(run("articles", "--db", db, "--json")[1])]
    assert code == 0 and all(i in out for i in ids)
    assert "not shown" in errors and "source" in errors
    code, out, errors = run("articles", "--db", db, width=200)
    assert code == 0 and "source" in out and "not shown" not in errors


def test_date_ranges_break_at_the_slash_in_tables(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    with Store(path) as store, store.atomic():
        store.replace_corpus("positions", [Position("p1", "Kessland", "demand", "talks must resume",
                                                    first="2030-04-20/2030-04-26", last="2030-05-01")])
    out = run("positions", "--db", str(path), width=80)[1]
    assert "2030-04-20/ " in out and "2030-04-26" in out


def test_duplicates_table_names_the_original_file() -> None:
    row = {"article_id": "a1", "other_id": "b2", "earliest": "b2", "source": "x/late.txt", "other_source": "y/first.txt"}
    assert _original(row) == "y/first.txt"
    assert _original({**row, "earliest": None}) == ""


def test_search_takes_plain_news_words(db: str) -> None:
    code, out, _ = run("search", "Brennhalt.", "--db", db, "--json")
    assert code == 0 and json.loads(out)
    code, _, errors = run("search", '"unclosed', "--db", db)
    assert code == 1 and "FTS5" in errors
    assert run("search", "talks", "--db", db, "--limit", "0")[0] == 2


# -- bad paths and internal errors: one line, never a traceback ------------------------------------


def test_build_into_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("The ferry board met on Monday and agreed a new timetable, its chair said.", encoding="utf-8")
    code, _, errors = run("build", str(text), "--db", str(tmp_path / "no" / "such" / "x.db"), "-w", "1", "-q")
    assert code == 2 and "does not exist" in errors and "Traceback" not in errors


def test_os_and_internal_errors_are_one_line(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(*_a, **_k):
        raise PermissionError(13, "Permission denied", "/srv/out")

    def broken(*_a, **_k):
        raise ValueError("bad row")

    monkeypatch.setattr(api, "list_actors", denied)
    code, _, errors = run("actors", "--db", db)
    assert code == 1 and errors.strip() == "newstrail: error: Permission denied: /srv/out"
    monkeypatch.setattr(api, "list_actors", broken)
    code, _, errors = run("actors", "--db", db)
    assert code == 1 and "internal error: ValueError: bad row" in errors and "Traceback" not in errors
    with pytest.raises(ValueError):
        CliRunner().invoke(cli, ["--debug", "actors", "--db", db], catch_exceptions=False)


# -- exports and CSV of empty tables keep their header ----------------------------------------------


def test_empty_tables_export_their_columns(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    Store(path).close()
    with Store(path, readonly=True) as store:
        for fmt in ("csv", "parquet"):
            api.export(store, fmt, tmp_path / fmt, ["problems", "quotes"])
    header = (tmp_path / "csv" / "problems.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "source,stage,reason,times,last_seen"
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "parquet" / "quotes.parquet").column_names == list(api.EXPORT_COLUMNS["quotes"])
    out = run("problems", "--db", str(path), "--csv")[1]
    assert out.splitlines()[0] == header


def test_export_columns_match_the_views(db: str, tmp_path: Path) -> None:
    with Store(db, readonly=True) as store:
        for table, view in api.EXPORT_VIEWS.items():
            rows = view(store)
            if rows:
                assert list(rows[0]) == list(api.EXPORT_COLUMNS[table]), table


# -- problems: once each, with how often and when; resolved ones go -------------------------------


def test_problems_are_listed_once_and_resolved_ones_drop(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    with Store(path) as store, store.atomic():
        for _ in range(3):
            store.add_problem(Problem("feeds/a.txt", "read", "empty file"))
        store.add_problem(Problem("feeds/b.txt", "read", "binary file"))
        store.db.execute("INSERT INTO article_sources VALUES ('id1', 'feeds/b.txt')")
    with Store(path, readonly=True) as store:
        rows = api.list_problems(store)
    assert [(r["source"], r["times"]) for r in rows] == [("feeds/a.txt", 3)]
    assert rows[0]["last_seen"].endswith("Z") and rows[0]["last_seen"][:2] == "20"
    out = run("problems", "--db", str(path), "--csv")[1]
    assert list(csv.DictReader(io.StringIO(out)))[0]["times"] == "3"


# -- second pass ------------------------------------------------------------------------------------


def test_stories_table_counts_articles(db: str) -> None:
    story = json.loads(run("stories", "--db", db, "--json")[1])[0]
    out = run("stories", "--db", db, width=200)[1]
    row = next(line for line in out.splitlines() if story["id"][:10] in line)
    assert f" {len(story['articles'])} " in row and story["articles"][0][:10] not in out


def test_report_story_errors_like_the_other_commands(db: str, tmp_path: Path) -> None:
    code, _, errors = run("report", "--db", db, "--story", "nosuchstory", "-o", str(tmp_path / "r.html"))
    assert code == 1 and "no story 'nosuchstory'" in errors and "see: newstrail stories" in errors


def test_story_and_sources_name_a_missing_outlet_alike(tmp_path: Path) -> None:
    path = tmp_path / "o.db"
    write_sample_store(path, 3, hostile=False)
    with Store(path) as store, store.atomic():
        store.db.execute("UPDATE articles SET outlet = NULL")
    with Store(path, readonly=True) as store:
        detail = api.story_detail(store, api.list_stories(store)[0]["id"])
        assert detail["outlets"] == [api.UNKNOWN_OUTLET] == [r["outlet"] for r in api.list_sources(store)]


def test_brackets_in_titles_are_text_not_markup(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    write_sample_store(path, 3, hostile=False)
    with Store(path) as store, store.atomic():
        store.db.execute("UPDATE articles SET title = 'Quay vote tonight [/live] [bold]'")
        first = store.db.execute("SELECT id FROM articles").fetchone()[0]
    code, out, _ = run("articles", "--db", str(path), width=200)
    assert code == 0 and "Quay vote tonight [/live] [bold]" in out
    code, out, _ = run("show", first, "--db", str(path), width=200)
    assert code == 0 and "[/live] [bold]" in out and "id: " + first in out


def test_summary_of_a_build_with_nothing_new_has_no_rate(capsys: pytest.CaptureFixture[str]) -> None:
    from newstrail.cli import _summary
    from newstrail.pipeline import BuildReport

    _summary(BuildReport(files=3, files_skipped=3, articles=0, seconds=1.5), False)
    line = capsys.readouterr().err.strip()
    assert line.endswith("1.5 s") and "articles/s" not in line


def test_unknown_encoding_is_one_usage_error(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("The ferry board met on Monday and agreed a new timetable, its chair said.", encoding="utf-8")
    code, _, errors = run("build", str(text), "--db", str(tmp_path / "x.db"), "-w", "1", "--encoding", "latin-9x")
    assert code == 2 and errors.strip() == "newstrail: error: unknown --encoding 'latin-9x' (e.g. utf-8, latin-1, cp1252)"


def test_sources_count_a_verbatim_copy_of_another_article(tmp_path: Path) -> None:
    from newstrail.model import Duplicate

    path = tmp_path / "c.db"
    write_sample_store(path, 3, hostile=False)
    with Store(path) as store, store.atomic():
        first, copy = [r[0] for r in store.db.execute("SELECT id FROM articles ORDER BY seq LIMIT 2")]
        store.db.execute("UPDATE articles SET outlet = CASE id WHEN ? THEN 'Kessel Ledger' ELSE 'Relay Wire' END", (first,))
        store.replace_corpus("duplicates", [Duplicate(copy, first, "exact", 1.0, first)])
    with Store(path, readonly=True) as store:
        copies = {r["outlet"]: r["copies"] for r in api.list_sources(store)}
    assert copies == {"Relay Wire": 1, "Kessel Ledger": 0}


def test_story_span_reads_as_dates() -> None:
    from newstrail.cli import _span

    assert _span(None, None) == "undated"
    assert _span("2030-06-01", "2030-06-01") == "2030-06-01"
    assert _span("2030-06-01", "2030-06-09") == "2030-06-01 – 2030-06-09"


def test_show_lists_every_file_of_an_article_read_twice(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    write_sample_store(path, 2, hostile=False)
    with Store(path) as store, store.atomic():
        article = store.db.execute("SELECT id FROM articles").fetchone()[0]
        store.db.execute("INSERT INTO article_sources VALUES (?, 'mirror/harbour-copy.txt')", (article,))
    out = run("show", article, "--db", str(path), width=200)[1]
    assert "sources: " in out and "mirror/harbour-copy.txt" in out
    story = json.loads(run("stories", "--db", str(path), "--json")[1])[0]["id"]
    code, out, _ = run("story", story, "--db", str(path), width=200)
    assert code == 0 and "original" in out and "harbour-copy.txt" in out and "None" not in out


def test_sources_only_here_says_undated(tmp_path: Path) -> None:
    from newstrail.model import TimelineEntry

    path = tmp_path / "u.db"
    write_sample_store(path, 2, hostile=False)
    with Store(path) as store, store.atomic():
        source = store.db.execute("SELECT source FROM articles").fetchone()[0]
        store.replace_corpus("timeline", [TimelineEntry("e1", None, None, None, "CONSULT", "The pilots' guild met the ferry board.",
                                                        sources=(source,))])
    with Store(path, readonly=True) as store:
        only = [o for r in api.list_sources(store) for o in r["only_here"]]
    assert only == ["undated: The pilots' guild met the ferry board."]


def test_quotes_speaker_finds_a_speaker_that_is_no_actor(tmp_path: Path) -> None:
    path = tmp_path / "q.db"
    write_sample_store(path, 2, hostile=False)
    with Store(path) as store, store.atomic():
        store.db.execute("DELETE FROM actor_keys")  # every speaker now shows as its own words
    with Store(path, readonly=True) as store:
        shown = api.list_quotes(store)[0]["speaker"]
        assert shown and api.list_quotes(store, speaker=shown.upper())
        assert not api.list_quotes(store, speaker="Nobody Anywhere")


def test_demo_shows_the_most_reported_positions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newstrail.pipeline import BuildReport

    path = write_sample_store(tmp_path / "demo.db", 6, hostile=False)
    monkeypatch.setattr(api, "demo", lambda db, **_: (path, BuildReport(files=6, articles=6, seconds=1.0)))
    code, out, _ = run("demo", "--report", str(tmp_path / "demo.html"), width=200)
    with Store(path, readonly=True) as store:
        positions = api.list_positions(store)
    most = max(positions, key=lambda p: len(p["sources"]))
    assert code == 0 and f"Positions ({len(positions)} in all, the 20 most reported)" in out
    section = out[out.index("Positions ("):]
    assert most["statement"][:20] in section


def test_problems_table_shows_the_folder(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    with Store(path) as store, store.atomic():
        store.add_problem(Problem("feeds/march/a.txt", "read", "empty file"))
        store.add_problem(Problem("feeds/april/a.txt", "read", "empty file"))
    out = run("problems", "--db", str(path), width=200)[1]
    assert "feeds/march/a.txt" in out and "feeds/april/a.txt" in out


def test_names_match_at_word_starts_only() -> None:
    from newstrail.api import _name_match

    assert _name_match("lind", "Halvor Lindqvist") and _name_match("US", "US envoy") and _name_match("Peskoff", "Mr Peskoff")
    assert not _name_match("US", "Russia") and not _name_match("ovi", "Petrovic")


def test_positions_actor_us_does_not_find_russia(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    with Store(path) as store, store.atomic():
        store.replace_corpus("actors", [Actor("a1", "United States", "country", variants=("US", "Washington")),
                                        Actor("a2", "Russia", "country", variants=("Russia", "Moscow"))])
        store.replace_corpus("positions", [Position("p1", "Russia", "reject", "no new talks"),
                                           Position("p2", "United States", "demand", "a ceasefire first")])
    with Store(path, readonly=True) as store:
        assert [p["id"] for p in api.list_positions(store, actor="US")] == ["p2"]


def test_timeline_table_says_what_did_not_or_may_happen(tmp_path: Path) -> None:
    from newstrail.model import TimelineEntry

    path = tmp_path / "t.db"
    with Store(path) as store, store.atomic():
        store.replace_corpus("timeline", [
            TimelineEntry("e1", None, "2030-02-03", "text", "AGREE", "The council did not sign the ferry accord.", negated=True),
            TimelineEntry("e2", None, "2030-02-09", "text", "CONSULT", "The board will meet the pilots next week.", future=True,
                          conflicts=("date: 2030-02-09 vs 2030-02-10",)),
        ])
    out = run("timeline", "--db", str(path), width=200)[1]
    lines = out.splitlines()
    assert any("not" in line and "ferry accord" in line for line in lines)
    assert any("planned, outlets differ" in line and "pilots" in line for line in lines)
    assert "note" not in json.loads(run("timeline", "--db", str(path), "--json")[1])[0]


def test_serve_on_a_busy_port_is_one_line(db: str) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, _, errors = run("serve", "--db", db, "--port", str(port))
    assert code == 1 and f"cannot listen on 127.0.0.1:{port}" in errors and "serving" not in errors


def test_serve_without_a_store_says_so_first(tmp_path: Path) -> None:
    code, _, errors = run("serve", "--db", str(tmp_path / "none.db"), "--port", "8799")
    assert code == 1 and "no store at" in errors and "serving" not in errors


def test_story_label_is_never_cut(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    label = "Kessland, Almira, ferry, pilots, timetable, harbour board, night crossings, strike ballot"
    with Store(path) as store, store.atomic():
        store.replace_corpus("stories", [Story("sq1", label, ("a1",))])
        store.set_story_articles([("sq1", "a1")])
    code, out, _ = run("story", "sq1", "--db", str(path), width=80)
    assert code == 0 and "strike ballot" in out


def test_show_prints_a_long_title_whole(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    write_sample_store(path, 2, hostile=False)
    title = "Harbour pilots and the ferry board agree a night timetable after eleven weeks of stoppages on the quays"
    with Store(path) as store, store.atomic():
        store.db.execute("UPDATE articles SET title = ?", (title,))
        article = store.db.execute("SELECT id FROM articles").fetchone()[0]
    out = run("show", article, "--db", str(path), width=80)[1]
    assert "stoppages on the quays" in out


def test_a_folder_with_nothing_to_read_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "plan.md").write_text("# ferry timetable notes\n", encoding="utf-8")
    code, _, errors = run("build", str(folder), "--db", str(tmp_path / "n.db"), "-w", "1", "-q")
    assert code == 0 and "no files to read were found" in errors and ".jsonl" in errors


def test_sources_only_here_counts_no_copy_as_a_second_witness(tmp_path: Path) -> None:
    from newstrail.model import Duplicate, TimelineEntry

    path = tmp_path / "w.db"
    write_sample_store(path, 3, hostile=False)
    with Store(path) as store, store.atomic():
        (first, first_source), (copy, copy_source) = store.db.execute(
            "SELECT id, source FROM articles ORDER BY seq LIMIT 2").fetchall()
        store.db.execute("UPDATE articles SET outlet = CASE id WHEN ? THEN 'Kessel Ledger' ELSE 'Relay Wire' END", (first,))
        store.replace_corpus("duplicates", [Duplicate(copy, first, "rewrite", 0.8)])
        store.replace_corpus("timeline", [TimelineEntry("e1", None, "2030-06-02", "text", "CONSULT",
                                                        "The pilots' guild met the ferry board.",
                                                        sources=(first_source, copy_source))])
    with Store(path, readonly=True) as store:
        rows = {r["outlet"]: r for r in api.list_sources(store)}
    assert rows["Kessel Ledger"]["only_here"] == ["2030-06-02: The pilots' guild met the ferry board."]
    assert rows["Relay Wire"]["only_here"] == [] and rows["Relay Wire"]["entries"] == 1
