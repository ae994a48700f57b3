"""The report and web app without a browser: pages, search, JSON, headers, escaping, traversal.

The store is written record by record (newstrail.report.sample), so these tests need neither
spaCy nor the pipeline, and every span is known to point at its evidence.
"""

from __future__ import annotations

import html
import json
import re
import warnings
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from newstrail import api
from newstrail.cli import cli
from newstrail.errors import StoreError
from newstrail.report import render_report, write_report
from newstrail.report.app import create_app
from newstrail.report.highlight import Mark, highlight
from newstrail.report.sample import HOSTILE_TEXT, write_sample_store
from newstrail.store import Store

with warnings.catch_warnings():  # starlette's notice about its test client's HTTP library
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample_store(tmp_path_factory.mktemp("report") / "store.db", 12, hostile=True)


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def ids(db: Path) -> dict[str, str]:
    with Store(db, readonly=True) as store:
        story = api.list_stories(store)[0]["id"]
        actor = next(a["id"] for a in api.list_actors(store) if a["name"] == "Anton Bereszky")
        hostile = next(a.id for a in store.articles() if "<script>" in a.text)
        plain = next(a.id for a in store.articles() if "<script>" not in a.text)
    return {"story": story, "actor": actor, "hostile": hostile, "plain": plain}


# -- pages ----------------------------------------------------------------------------------


def test_front_page_lists_the_story(client: TestClient, ids: dict[str, str]) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert f'href="/story/{ids["story"]}"' in r.text
    assert "Anton Bereszky" in r.text


def test_story_page_has_every_section(client: TestClient, ids: dict[str, str]) -> None:
    r = client.get(f"/story/{ids['story']}")
    assert r.status_code == 200
    for section in ("timeline", "speakers", "positions", "coverage", "copies", "quality", "articles"):
        assert f'id="{ids["story"]}-{section}"' in r.text
    assert "<svg" in r.text and 'class="dot t-CONSULT"' in r.text
    assert "Kessel Morning Post" in r.text  # coverage rows are outlets
    assert "machine_translated" in r.text  # quality flags


def test_story_prefix_and_unknown_story(client: TestClient, ids: dict[str, str]) -> None:
    assert client.get(f"/story/{ids['story'][:6]}").status_code == 200
    r = client.get("/story/nosuchstory")
    assert r.status_code == 404 and "no story" in r.text


def test_actor_page(client: TestClient, ids: dict[str, str]) -> None:
    r = client.get(f"/actor/{ids['actor']}")
    assert r.status_code == 200
    assert "deputy foreign minister" in r.text and "We will not sign away the summer flow" in r.text
    assert client.get("/actor/nobody").status_code == 404


def test_article_page_highlights_findings(client: TestClient, ids: dict[str, str]) -> None:
    r = client.get(f"/article/{ids['plain']}")
    assert r.status_code == 200
    assert 'class="q sp-' in r.text and 'class="tx"' in r.text and 'class="ent ent-person"' in r.text
    assert 'class="ln ln-boilerplate"' in r.text  # removed lines are shown, struck through by CSS
    assert re.search(r'class="tx" id="s-\d+-\d+" data-span="s-\d+-\d+" title="[A-Za-z]+ = 2031-03-\d\d', r.text)


def test_every_fact_link_lands_on_its_span(client: TestClient, ids: dict[str, str], db: Path) -> None:
    """Each /article/<id>#s-a-b link on the story page names an element on that article's page."""
    page = client.get(f"/story/{ids['story']}").text
    links = set(re.findall(r'href="/article/([0-9a-f]+)#(s-\d+-\d+)"', page))
    assert len(links) > 20
    articles: dict[str, str] = {}
    with Store(db, readonly=True) as store:
        texts = {a.id: a.text for a in store.articles()}
    for article_id, fragment in links:
        body = articles.setdefault(article_id, client.get(f"/article/{article_id}").text)
        assert f'id="{fragment}"' in body, (article_id, fragment)
        start, end = map(int, fragment[2:].split("-"))
        assert 0 <= start < end <= len(texts[article_id])


# -- search ---------------------------------------------------------------------------------


def test_search_finds_a_name(client: TestClient) -> None:
    r = client.get("/search", params={"q": "Bereszky"})
    assert r.status_code == 200
    assert "<mark>Bereszky</mark>" in r.text


def test_bad_search_query_is_a_clear_400(client: TestClient) -> None:
    r = client.get("/search", params={"q": '"unclosed'})
    assert r.status_code == 400
    assert "not valid FTS5 syntax" in html.unescape(r.text)
    r = client.get("/api/search", params={"q": "AND OR"})
    assert r.status_code == 400
    assert r.json()["ok"] is False and "not valid FTS5" in r.json()["error"]


def test_empty_search_shows_help(client: TestClient) -> None:
    r = client.get("/search")
    assert r.status_code == 200 and "prefix*" in r.text


# -- JSON -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "view"),
    [
        ("/api/stories", api.list_stories),
        ("/api/timeline", api.list_timeline),
        ("/api/quotes", api.list_quotes),
        ("/api/actors", api.list_actors),
        ("/api/positions", api.list_positions),
        ("/api/duplicates", api.list_duplicates),
        ("/api/problems", api.list_problems),
    ],
)
def test_api_mirrors_the_views(client: TestClient, db: Path, path: str, view) -> None:
    r = client.get(path)
    assert r.status_code == 200
    with Store(db, readonly=True) as store:
        assert r.json() == json.loads(json.dumps(view(store)))


def test_api_article_story_and_errors(client: TestClient, ids: dict[str, str]) -> None:
    assert client.get(f"/api/articles/{ids['plain']}").json()["id"] == ids["plain"]
    assert client.get(f"/api/articles/{ids['plain']}/dates").json()[0]["value"].startswith("2031-")
    assert client.get(f"/api/stories/{ids['story']}").json()["id"] == ids["story"]
    assert len(client.get("/api/timeline", params={"story": ids["story"]}).json()) >= 4
    r = client.get("/api/articles/ffffffffffff")
    assert r.status_code == 404 and r.json() == {"ok": False, "error": r.json()["error"], "status": 404}


# -- security -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/search?q=x", "/static/report.css", "/api/stories", "/nope", "/story/none"])
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    r = client.get(path)
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


class _InlineFinder(HTMLParser):
    """Collects what a strict CSP would block: inline scripts, style elements and attributes, handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        if (tag == "script" and "src" not in names) or tag == "style":
            self.found.append(tag)
        self.found += [f"{tag}[{n}]" for n in names if n == "style" or n.startswith("on")]


def test_pages_have_no_inline_script_or_style(client: TestClient, ids: dict[str, str]) -> None:
    """The CSP forbids them, so a page that used one would silently break in the browser."""
    for path in ("/", f"/story/{ids['story']}", f"/actor/{ids['actor']}", f"/article/{ids['hostile']}", "/search?q=talks"):
        finder = _InlineFinder()
        finder.feed(client.get(path).text)
        assert finder.found == [], path


def test_hostile_article_renders_as_text(client: TestClient, ids: dict[str, str]) -> None:
    for path in (f"/article/{ids['hostile']}", f"/story/{ids['story']}", f"/actor/{ids['actor']}", "/search?q=reader"):
        text = client.get(path).text
        assert "<script>alert(1)</script>" not in text, path
        assert "<img src=x" not in text, path
    page = client.get(f"/article/{ids['hostile']}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


@pytest.mark.parametrize(
    "path",
    [
        "/static/../../etc/passwd",
        "/static/..%2f..%2f..%2fetc%2fpasswd",
        "/static/%2e%2e/%2e%2e/etc/passwd",
        "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/static/%252e%252e%252fetc%252fpasswd",
        "/static/..%5c..%5cetc%5cpasswd",
        "/static//etc/passwd",
        "/static/report.css/../../../../etc/passwd",
        "/static/../app.py",
        "/static/..%2fapp.py",
    ],
)
def test_path_traversal_is_refused(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code in (400, 404)
    assert "root:" not in r.text and "create_app" not in r.text


def test_static_files_are_served_with_their_type(client: TestClient) -> None:
    r = client.get("/static/report.js")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/javascript")


# -- the one-file report ------------------------------------------------------------------------


def test_report_is_self_contained(db: Path, tmp_path: Path) -> None:
    with Store(db, readonly=True) as store:
        path = write_report(store, tmp_path / "out" / "report.html")
    text = path.read_text(encoding="utf-8")
    assert "<style>" in text and "<script>" in text
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", text)  # nothing fetched from anywhere
    assert "<link rel=\"stylesheet\"" not in text and "<script src" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "<script>alert(1)" not in text
    assert 'id="story-' in text and 'id="article-' in text and 'id="actor-' in text


def test_report_links_land_on_spans(db: Path) -> None:
    with Store(db, readonly=True) as store:
        text = render_report(store)
    targets = set(re.findall(r'href="#(a-[0-9a-f]+-s-\d+-\d+)"', text))
    assert targets
    ids = set(re.findall(r'id="([^"]+)"', text))
    assert targets <= ids


def test_report_of_one_story_and_unknown_story(db: Path, tmp_path: Path) -> None:
    with Store(db, readonly=True) as store:
        story = api.list_stories(store)[0]["id"]
        text = write_report(store, tmp_path / "one.html", story=story[:5]).read_text(encoding="utf-8")
        assert f'id="story-{story}"' in text
        with pytest.raises(StoreError, match="no story"):
            write_report(store, tmp_path / "none.html", story="zzzz")


# -- CLI ------------------------------------------------------------------------------------


def test_cli_serve_get(db: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(cli, ["serve", "--db", str(db), "--get", "/api/stories"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.output)[0]["label"].startswith("Bereszky")
    missing = runner.invoke(cli, ["serve", "--db", str(db), "--get", "/story/none"])
    assert missing.exit_code == 1 and "no story" in missing.output


def test_cli_report(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = CliRunner().invoke(cli, ["report", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
    bad = CliRunner().invoke(cli, ["report", "--db", str(db), "--story", "zzzz", "-o", str(out)])
    assert bad.exit_code == 1


def test_cli_serve_missing_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db"), "--get", "/"])
    assert result.exit_code == 1 and "no store at" in result.output


# -- highlighting ---------------------------------------------------------------------------


def _strip(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_highlight_splits_crossing_spans() -> None:
    text = "one two three four"
    out = str(highlight(text, [Mark(0, 7, "a", anchor=True), Mark(4, 13, "b", anchor=True), Mark(4, 7, "c")]))
    assert _strip(out) == text
    assert out.count('id="s-4-13"') == 1 and out.count('data-span="s-4-13"') == 2  # split in two pieces
    assert out.count("<span") == out.count("</span>")


def test_highlight_escapes_text_and_titles() -> None:
    out = str(highlight(HOSTILE_TEXT, [Mark(0, 8, "x", title='"><script>')]))
    assert "<script>" not in out and "<img" not in out
    assert _strip(out) == HOSTILE_TEXT


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60), st.lists(st.tuples(st.integers(-3, 70), st.integers(-3, 70)), max_size=8))
def test_highlight_keeps_any_text_and_nests(text: str, spans: list[tuple[int, int]]) -> None:
    out = str(highlight(text, [Mark(a, b, "m", anchor=True) for a, b in spans]))
    assert _strip(out) == text
    depth = 0
    for tag in re.findall(r"</?span", out):
        depth += 1 if tag == "<span" else -1
        assert depth >= 0
    assert depth == 0
