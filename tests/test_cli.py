"""Every CLI command and option on a store built once from the seeds (one test per option)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newstrail import api
from newstrail.cli import cli


@pytest.fixture(scope="module")
def db(seeds_dir: Path, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("cli") / "seeds.db"
    api.build([seeds_dir], path, workers=1)
    return str(path)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def first_id(db: str) -> str:
    with api.open_store(db, readonly=True) as store:
        return api.list_articles(store)[0]["id"]


LISTINGS = ["articles", "quotes", "actors", "stories", "duplicates", "timeline", "positions", "problems", "sources"]


@pytest.mark.parametrize("command", LISTINGS)
def test_listing_json_is_an_array(db: str, command: str) -> None:
    code, out = run(command, "--db", db, "--json")
    assert code == 0 and isinstance(json.loads(out), list)


@pytest.mark.parametrize("command", ["articles", "quotes", "actors", "timeline"])
def test_listing_csv_has_a_header(db: str, command: str) -> None:
    code, out = run(command, "--db", db, "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows and len(rows[0]) > 3


@pytest.mark.parametrize("command", LISTINGS)
def test_listing_table(db: str, command: str) -> None:
    code, out = run(command, "--db", db)
    assert code == 0 and out.strip()


def test_quotes_speaker_filter_matches_any_variant(db: str) -> None:
    _, out = run("quotes", "--db", db, "--json", "--speaker", "Peskoff")
    rows = json.loads(out)
    assert rows and {r["speaker"] for r in rows} == {"Dmitry Peskov"}


def test_quotes_story_filter(db: str) -> None:
    stories = json.loads(run("stories", "--db", db, "--json")[1])
    biggest = stories[0]
    rows = json.loads(run("quotes", "--db", db, "--json", "--story", biggest["id"])[1])
    assert rows and {r["article_id"] for r in rows} <= set(biggest["articles"])


def test_unknown_story_is_one_line_error(db: str) -> None:
    code, out = run("quotes", "--db", db, "--story", "nosuchstory")
    assert code == 1 and "no story" in out


def test_articles_story_and_body(db: str) -> None:
    story = json.loads(run("stories", "--db", db, "--json")[1])[0]
    rows = json.loads(run("articles", "--db", db, "--json", "--story", story["id"])[1])
    assert {r["id"] for r in rows} == set(story["articles"])
    code, out = run("articles", "--db", db, "--body")
    assert code == 0


def test_show_and_diff(db: str) -> None:
    article = first_id(db)
    code, out = run("show", article[:8], "--db", db, "--diff")
    assert code == 0 and "removed" in out
    record = json.loads(run("show", article, "--db", db, "--json")[1])
    assert record["id"] == article and "removed" in record


def test_show_unknown_article(db: str) -> None:
    code, out = run("show", "zzzzzzzz", "--db", db)
    assert code == 1 and "no article" in out


def test_dates(db: str) -> None:
    rows = json.loads(run("dates", first_id(db), "--db", db, "--json")[1])
    assert all(r["value"] for r in rows)


def test_story_detail(db: str) -> None:
    story = json.loads(run("stories", "--db", db, "--json")[1])[0]
    code, out = run("story", story["id"][:6], "--db", db)
    assert code == 0 and "outlets" in out
    assert json.loads(run("story", story["id"], "--db", db, "--json")[1])["id"] == story["id"]


def test_timeline_story_filter(db: str) -> None:
    story = json.loads(run("stories", "--db", db, "--json")[1])[0]
    rows = json.loads(run("timeline", "--db", db, "--json", "--story", story["id"])[1])
    assert rows and all(r["story"] == story["id"] for r in rows)


def test_positions_actor_filter(db: str) -> None:
    rows = json.loads(run("positions", "--db", db, "--json", "--actor", "russia")[1])
    assert rows and all("russia" in r["actor"].casefold() for r in rows)


def test_search_and_limit(db: str) -> None:
    rows = json.loads(run("search", "Ryabkov", "--db", db, "--json", "--limit", "2")[1])
    assert 1 <= len(rows) <= 2
    code, out = run("search", '"unclosed', "--db", db)
    assert code == 1 and "FTS5" in out


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_format_and_table(db: str, tmp_path: Path, fmt: str) -> None:
    code, out = run("export", "--db", db, "--format", fmt, "-o", str(tmp_path), "--table", "quotes", "--table", "sources")
    assert code == 0 and sorted(Path(p).name for p in out.split()) == [f"quotes.{fmt}", f"sources.{fmt}"]


def test_build_json_report_and_quiet(seeds_dir: Path, tmp_path: Path) -> None:
    code, out = run("build", str(seeds_dir / "003_70ff3accb9f1b79d.txt"), "--db", str(tmp_path / "one.db"), "--workers", "1", "--quiet", "--json")
    assert code == 0 and json.loads(out)["articles"] == 1


def test_build_encoding_option(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Talks in Brennhalt resumed on Tuesday, said Zoë Brandt, the mediator.".encode("latin-1"))
    code, _ = run("build", str(path), "--db", str(tmp_path / "e.db"), "--workers", "1", "--quiet", "--encoding", "latin-1")
    assert code == 0
    with api.open_store(tmp_path / "e.db", readonly=True) as store:
        assert "Zoë" in api.list_articles(store)[0]["body"]
