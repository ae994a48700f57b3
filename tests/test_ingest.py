"""Readers: every format, and every kind of bad input yields one InputError naming the file."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstrail.errors import InputError
from newstrail.ingest import file_format, read_file, read_paths
from newstrail.ingest.decode import decode_bytes
from newstrail.model import RawArticle
from warcs import warc_bytes

TEXT = "Harbour talks resume\n\nNegotiators met in Port Selva on Tuesday, officials said.\n"


def _read(path: Path, **kw) -> tuple[list[RawArticle], list[InputError]]:
    good, bad = [], []
    for r in read_file(path, **kw):
        (bad if isinstance(r, InputError) else good).append(r)
    return good, bad


def test_txt_keeps_text_exactly(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    good, bad = _read(path)
    assert bad == [] and good[0].text == TEXT and good[0].fmt == "txt"


def test_html_keeps_markup(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text("<html><body><p>" + TEXT + "</p></body></html>", encoding="utf-8")
    good, _ = _read(path)
    assert good[0].html and good[0].fmt == "html" and good[0].text == ""


def test_jsonl_keeps_good_lines_and_reports_bad_ones(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": TEXT, "url": "https://example.org/a", "title": "T", "published": "2031-03-04", "outlet": "Wire"}),
        "{not json",
        json.dumps({"html": "<p>" + TEXT + "</p>"}),
        json.dumps({"title": "no text"}),
        json.dumps(["a list"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    good, bad = _read(path)
    assert [g.fmt for g in good] == ["jsonl", "jsonl"]
    assert good[0].published == "2031-03-04" and good[0].outlet == "Wire" and good[0].url == "https://example.org/a"
    assert [b.path for b in bad] == [f"{path}:2", f"{path}:4", f"{path}:5"]


def test_gzip_of_any_format(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(TEXT.encode()))
    good, bad = _read(path)
    assert good[0].text == TEXT and not bad
    feed = tmp_path / "f.jsonl.gz"
    feed.write_bytes(gzip.compress((json.dumps({"text": TEXT}) + "\n").encode()))
    assert len(_read(feed)[0]) == 1


def test_truncated_gzip_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(TEXT.encode() * 50)[:40])
    good, bad = _read(path)
    assert good == [] and len(bad) == 1 and "gzip" in bad[0].reason


def test_truncated_gzip_jsonl_keeps_lines_before_the_break(tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl.gz"
    body = "".join(json.dumps({"text": f"{TEXT} number {i}"}) + "\n" for i in range(2000))
    data = gzip.compress(body.encode())
    path.write_bytes(data[: len(data) * 2 // 3])
    good, bad = _read(path)
    assert len(good) > 100 and len(bad) == 1 and "gzip" in bad[0].reason


def test_warc_response_records(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc_bytes([("https://example.org/1", "<p>" + TEXT + "</p>"), ("https://example.org/2", "<p>Other " + TEXT + "</p>")]))
    good, bad = _read(path)
    assert [g.url for g in good] == ["https://example.org/1", "https://example.org/2"] and not bad


def test_truncated_warc_keeps_whole_records(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    first = warc_bytes([("https://example.org/1", "<p>" + TEXT + "</p>")])
    second = warc_bytes([("https://example.org/2", "<p>" + TEXT * 40 + "</p>")])
    path.write_bytes(first + second[: len(second) // 2])
    good, bad = _read(path)
    assert len(good) == 1 and len(bad) == 1 and "truncated" in bad[0].reason


def test_a_file_that_is_no_warc_says_so(tmp_path: Path) -> None:
    """Random bytes under a .warc name: "not a WARC file", and no claim that records were read."""
    path = tmp_path / "noise.warc"
    path.write_bytes(bytes(range(7, 256)) * 3)
    good, bad = _read(path)
    assert not good and len(bad) == 1
    assert bad[0].reason.startswith("not a WARC file") and "records before" not in bad[0].reason


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("binary.txt", bytes(range(256)) * 40, "binary"),
        ("tiny.txt", b"hi", "no article text"),
    ],
)
def test_bad_files_give_one_clear_error(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    good, bad = _read(path)
    assert good == [] and len(bad) == 1
    assert bad[0].path == str(path) and reason in bad[0].reason


def test_cp1252_is_decoded_not_refused(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("The minister’s café talks — “a step forward”, said Zoë Brandt on Monday.".encode("cp1252"))
    good, bad = _read(path)
    assert not bad and "Zoë" in good[0].text and "café" in good[0].text


def test_declared_charset_wins(tmp_path: Path) -> None:
    html = '<html><head><meta charset="iso-8859-1"></head><body><p>Señor Muñoz spoke at length about the accord.</p></body></html>'
    assert "Muñoz" in decode_bytes(html.encode("latin-1"), "x.html")


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 3000)
    good, bad = _read(path, max_bytes=10_000)
    assert good == [] and "limit" in bad[0].reason


def test_folder_walk_is_sorted_recursive_and_skips_non_articles(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(TEXT + "2")
    (tmp_path / "1.txt").write_text(TEXT + "1")
    (tmp_path / "notes.json").write_text("{}")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    results = list(read_paths([tmp_path]))
    assert [Path(r.source).name for r in results] == ["1.txt", "2.txt"]


def test_missing_path_is_an_error() -> None:
    results = list(read_paths(["/no/such/place"]))
    assert isinstance(results[0], InputError) and "no such file" in results[0].reason


def test_file_format_by_name() -> None:
    assert file_format(Path("a.warc.gz")) == ("warc", True)
    assert file_format(Path("a.HTML")) == ("html", False)
    assert file_format(Path("a.jsonl.gz")) == ("jsonl", True)
    assert file_format(Path("README")) == ("txt", False)


def test_same_text_same_id() -> None:
    a = RawArticle(source="a", text="Talks  resume\nin Selva")
    b = RawArticle(source="b", text="talks resume in   selva ")
    assert a.id == b.id


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=3000))
def test_decode_never_crashes(data: bytes) -> None:
    try:
        assert isinstance(decode_bytes(data, "x"), str)
    except InputError as exc:
        assert exc.path == "x" and exc.reason
