"""Hostile input: no exception escapes the readers or the cleaner, and offsets always map back.

Properties (hypothesis):
- ``read_file``/``read_paths`` on any bytes, in any format (.txt .html .jsonl .warc .gz), yield
  only RawArticles and InputErrors, and every InputError names the file it came from;
- the same holds for valid gzip, WARC and JSONL files with flipped or truncated bytes;
- ``clean_article`` on any RawArticle (random Unicode with RTL marks, zero-width characters,
  combining marks, control characters; random markup) returns an Article whose offset map
  copies the original verbatim (``article.text[span] == article.body[range]``), or raises
  InputError naming the article's source.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from newstrail.clean import clean_article
from newstrail.errors import InputError
from newstrail.ingest import read_file, read_paths
from newstrail.model import Article, RawArticle
from newstrail.store import Store
from warcs import warc_bytes

SUFFIXES = [".txt", ".html", ".jsonl", ".warc", ".warc.gz", ".txt.gz", ".jsonl.gz", ".html.gz", ""]
# Small limit per article so a random "huge" input is refused quickly instead of parsed.
MAX_BYTES = 200_000
ARTICLE = (
    "Ferry talks stall in Port Selva\n\nBy Lin Okafor\n\n"
    "Negotiators met on Tuesday but failed to agree on a timetable, officials said.\n\n"
    "\u201cWe are not there yet,\u201d said Ana Varga, the chief negotiator.\n\nShare this article\n"
)
HTML = (
    "<html><head><title>Ferry talks stall</title></head><body><nav>Home | World</nav><article>"
    "<h1>Ferry talks stall</h1><p>Negotiators met on Tuesday but failed to agree on a timetable, officials said.</p>"
    "<p>\u201cWe are not there yet,\u201d said Ana Varga.</p></article><footer>Leave a Reply</footer></body></html>"
)
# Characters scraped pages carry that break naive code: bidi marks and overrides, zero-width
# characters, combining marks, BOMs, odd line breaks, no-break and wide spaces, astral symbols.
NASTY = (
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
    "\u200b\u200c\u200d\u2060\ufeff\u00ad"
    "\u0300\u0301\u0308\u0327\u20dd\u0489"
    "\r\x0b\x0c\x85\u2028\u2029\u00a0\u2009\u3000"
    "\ufffd\U0001f600\U00010348\u05d0\u0627\u4e2d"
)
settings.register_profile("reliability", deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

nasty_text = st.text(
    alphabet=st.one_of(st.sampled_from(NASTY), st.sampled_from(" \n\n.,\u201c\u201d\"'<>&"), st.characters(codec="utf-8")),
    max_size=400,
)
# Text shaped like an article: lines of words with nasty characters sprinkled in.
article_text = st.lists(
    st.one_of(st.sampled_from(ARTICLE.split("\n")), nasty_text, st.just("")), min_size=1, max_size=20
).map("\n".join)


@pytest.fixture(autouse=True)
def _quiet_library_warnings(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.ERROR)  # guarded third-party failures log warnings; expected here


def _check_read(path: Path, max_bytes: int = MAX_BYTES) -> list[RawArticle]:
    """Everything ``read_file`` yields is a RawArticle or an InputError naming ``path``."""
    good = []
    for result in read_file(path, max_bytes=max_bytes):
        if isinstance(result, InputError):
            assert result.path.startswith(str(path)), result
            # one printable line: no newlines or terminal escapes copied from the input
            assert result.reason and all(c == " " or unicodedata.category(c)[0] not in "CZ" for c in result.reason), result.reason
        else:
            assert isinstance(result, RawArticle)
            assert result.source.startswith(str(path))
            good.append(result)
    return good


def _check_clean(raw: RawArticle, samples: int = 20, rnd=None) -> Article | None:
    """clean_article returns an Article whose body maps back verbatim, or raises InputError."""
    try:
        article = clean_article(raw)
    except InputError as exc:
        assert exc.path == raw.source
        return None
    text, body = article.text, article.body
    covered = 0
    for body_start, orig_start, length in article.offsets.segments:
        assert length > 0 and body_start >= covered
        assert body[body_start : body_start + length] == text[orig_start : orig_start + length]
        covered = body_start + length
    assert covered == len(body)
    # Sampled ranges inside one piece: the span built from the body range is the same text.
    for body_start, _, length in article.offsets.segments[:samples]:
        for a, b in ((body_start, body_start + length), (body_start, body_start + (length + 1) // 2),
                     (body_start + length // 3, body_start + length)):
            span = article.body_span(a, b)
            assert text[span.start : span.end] == body[a:b]
    for line in article.lines:
        assert 0 <= line.start <= line.end <= len(text)
    return article


_JSONL = "".join(json.dumps({"text": ARTICLE.replace("Tuesday", d), "title": "Ferry talks"}) + "\n" for d in ("Monday", "Tuesday", "Friday"))
VALID = {
    "crawl.warc.gz": warc_bytes([("https://example.org/1", HTML), ("https://example.org/2", HTML.replace("Tuesday", "Monday"))]),
    "crawl.warc": warc_bytes([("https://example.org/1", HTML), ("https://example.org/2", HTML.replace("Tuesday", "Monday"))], gz=False),
    "feed.jsonl.gz": gzip.compress(_JSONL.encode()),
    "feed.jsonl": _JSONL.encode(),
    "page.html.gz": gzip.compress(HTML.encode()),
    "a.txt.gz": gzip.compress(ARTICLE.encode()),
}


# -- readers ------------------------------------------------------------------------------


@settings(settings.get_profile("reliability"), max_examples=150)
@given(data=st.binary(max_size=4000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_in_any_format(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    _check_read(path)


@settings(settings.get_profile("reliability"), max_examples=120)
@given(text=nasty_text, suffix=st.sampled_from([".txt", ".html", ".jsonl"]), encoding=st.sampled_from(["utf-8", "utf-16", "utf-7", "latin-1"]))
def test_random_unicode_in_text_formats(tmp_path: Path, text: str, suffix: str, encoding: str) -> None:
    data = text.encode(encoding, errors="replace")
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    for raw in _check_read(path):
        _check_clean(raw)


@settings(settings.get_profile("reliability"), max_examples=80)
@given(
    body=article_text,
    surrogate=st.sampled_from(["\\ud800", "\\udfff", "\\udc00\\udc00", "\\ud83d", "\\ud83d\\ude00", ""]),
    field=st.sampled_from(["text", "html", "title", "url", "outlet", "published"]),
)
def test_jsonl_escapes_and_lone_surrogates(tmp_path: Path, body: str, surrogate: str, field: str) -> None:
    record = {"text": ARTICLE + body, "title": "Ferry talks", "url": "https://example.org/x"}
    if field == "html":
        record = {"html": "<p>" + ARTICLE + "</p>"}
        field = "html"
    line = json.dumps(record)
    value = json.dumps(record.get(field, "x"))[:-1]  # the field's JSON string without its closing quote
    line = line.replace(f'"{field}": {value}"', f'"{field}": {value}{surrogate}"') if field in record else line[:-1] + f', "{field}": "a{surrogate}b"}}'
    path = tmp_path / "feed.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    (raw,) = _check_read(path)
    for value in (raw.text, raw.html, raw.title, raw.url, raw.outlet, raw.published):
        if value is not None:
            value.encode("utf-8")  # lone surrogates are mended by the reader
    article = _check_clean(raw)
    assert article is not None


@settings(settings.get_profile("reliability"), max_examples=150)
@given(
    name=st.sampled_from(sorted(VALID)),
    flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(1, 255)), max_size=6),
    cut=st.one_of(st.none(), st.integers(0, 10**6)),
)
def test_corrupted_warc_gzip_and_jsonl(tmp_path: Path, name: str, flips: list[tuple[int, int]], cut: int | None) -> None:
    data = bytearray(VALID[name])
    for pos, xor in flips:
        data[pos % len(data)] ^= xor
    if cut is not None:
        data = data[: cut % (len(data) + 1)]
    assume(flips or cut is not None)
    path = tmp_path / name
    path.write_bytes(bytes(data))
    for raw in _check_read(path):
        _check_clean(raw)


def test_valid_files_read_whole(tmp_path: Path) -> None:
    """The corruption test's starting points are good files (else it proves nothing)."""
    for name, data in VALID.items():
        path = tmp_path / name
        path.write_bytes(data)
        good = [r for r in read_file(path) if not isinstance(r, InputError)]
        assert len(good) == (3 if "jsonl" in name else 2 if "warc" in name else 1), name


@settings(settings.get_profile("reliability"), max_examples=15)
@given(files=st.lists(st.tuples(st.sampled_from(SUFFIXES), st.binary(max_size=600)), min_size=1, max_size=6))
def test_read_paths_over_a_folder_of_junk(tmp_path_factory: pytest.TempPathFactory, files: list[tuple[str, bytes]]) -> None:
    folder = tmp_path_factory.mktemp("junk")
    (folder / "sub").mkdir()
    names = set()
    for i, (suffix, data) in enumerate(files):
        path = folder / ("sub" if i % 2 else ".") / f"f{i}{suffix}"
        path.write_bytes(data)
        names.add(str(path.resolve()))
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    results = list(read_paths([folder], max_bytes=MAX_BYTES))
    sources = [r.path if isinstance(r, InputError) else r.source for r in results]
    names.add(str((folder / "good.txt").resolve()))
    # A JSONL line is named "FILE:LINE", a WARC record "FILE#N"; either way the file is one of ours.
    assert all(str(Path(re.sub(r"[:#]\d+$", "", s)).resolve()) in names for s in sources), sources
    assert any(isinstance(r, RawArticle) and r.text == ARTICLE for r in results)


def test_huge_lines(tmp_path: Path) -> None:
    line = ("word " * 400_000).encode()  # one 2 MB line, no newline
    for name, data in (("huge.txt", line), ("huge.jsonl", json.dumps({"text": line.decode()}).encode() + b"\n"), ("huge.html", b"<p>" + line + b"</p>")):
        path = tmp_path / name
        path.write_bytes(data)
        assert _check_read(path) == []
        (error,) = read_file(path, max_bytes=MAX_BYTES)  # over the limit: refused, named
        assert isinstance(error, InputError) and "limit" in error.reason
    path = tmp_path / "long.txt"
    path.write_bytes(("Officials met in Port Selva on Tuesday. " * 4000).encode())  # 160 kB, one line
    (raw,) = _check_read(path)
    article = _check_clean(raw)
    assert article is not None and len(article.body) > 100_000


def test_deeply_nested_html(tmp_path: Path) -> None:
    page = "<div>" * 100_000 + "<p>" + ARTICLE + "</p>" + "</div>" * 100_000
    path = tmp_path / "deep.html"
    path.write_text(page, encoding="utf-8")
    (raw,) = _check_read(path, max_bytes=10_000_000)
    article = _check_clean(raw)
    assert article is not None
    unclosed = tmp_path / "unclosed.html"
    unclosed.write_text("<div><span><b><i>" * 25_000 + ARTICLE, encoding="utf-8")
    for raw in _check_read(unclosed, max_bytes=10_000_000):
        _check_clean(raw)


def test_deeply_nested_json_and_huge_numbers(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"[" * 100_000 + b"]" * 100_000 + b"\n" + b'{"text": ' + b"9" * 5000 + b"}\n" + json.dumps({"text": ARTICLE}).encode() + b"\n")
    results = list(read_file(path))
    assert [type(r).__name__ for r in results] == ["InputError", "InputError", "RawArticle"]
    assert [r.path for r in results[:2]] == [f"{path}:1", f"{path}:2"]


# -- the cleaner ----------------------------------------------------------------------------


@settings(settings.get_profile("reliability"), max_examples=200)
@given(text=article_text, title=st.one_of(st.none(), nasty_text), published=st.one_of(st.none(), nasty_text, st.sampled_from(["2031-03-04", "04/03/2031", "yesterday"])))
def test_clean_text_offsets_round_trip(text: str, title: str | None, published: str | None) -> None:
    raw = RawArticle(source="x.txt", text=text, title=title, published=published)
    _check_clean(raw)


markup = st.lists(
    st.one_of(
        st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<br>", "<script>", "</script>", "<h1>", "</h1>", "<!--", "-->",
                         "<![CDATA[", "]]>", "<nav>", "<article>", "&amp;", "&#0;", "&#xD800;", "&nbsp;", "<meta charset='utf-7'>",
                         "<title>", "</title>", "<table><tr><td>", "<p dir='rtl'>"]),
        st.sampled_from(ARTICLE.split("\n")),
        nasty_text,
    ),
    max_size=25,
).map("".join)


@settings(settings.get_profile("reliability"), max_examples=40)
@given(html=markup)
def test_clean_html_offsets_round_trip(html: str) -> None:
    _check_clean(RawArticle(source="x.html", text="", html=html, fmt="html"))


@settings(settings.get_profile("reliability"), max_examples=60)
@given(text=st.text(max_size=200), where=st.sampled_from(["text", "html", "title"]))
def test_clean_refuses_lone_surrogates_from_api_callers(text: str, where: str) -> None:
    bad = ARTICLE + text + "\ud800"
    raw = RawArticle(source="api", text=bad if where == "text" else ARTICLE, html=bad if where == "html" else None,
                     title=bad if where == "title" else None, fmt="html" if where == "html" else "txt")
    with pytest.raises(InputError) as info:
        clean_article(raw)
    assert info.value.path == "api" and "surrogate" in info.value.reason


# -- resource limits ------------------------------------------------------------------------


def test_cli_max_bytes_skips_large_inputs_with_a_message(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "small.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "big.txt").write_text(ARTICLE * 100, encoding="utf-8")  # ~20 kB
    (folder / "big.html.gz").write_bytes(gzip.compress(("<p>" + ARTICLE * 100 + "</p>").encode()))
    (folder / "feed.jsonl").write_text(
        json.dumps({"text": ARTICLE.replace("Tuesday", "Monday")}) + "\n" + json.dumps({"text": ARTICLE * 100}) + "\n", encoding="utf-8"
    )
    db = tmp_path / "s.db"
    proc = subprocess.run(
        [sys.executable, "-m", "newstrail", "build", str(folder), "--db", str(db), "--workers", "1", "--quiet", "--max-bytes", "5000"],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 1, proc.stderr
    skipped = sorted(line for line in proc.stderr.splitlines() if line.startswith("newstrail: skipped"))
    assert [line.split()[2].rstrip(":") for line in skipped] == [str(folder / "big.html.gz"), str(folder / "big.txt"), f"{folder / 'feed.jsonl'}:2"], proc.stderr
    assert all("5,000-byte limit" in line for line in skipped)
    assert "Traceback" not in proc.stderr
    with Store(db, readonly=True) as store:
        assert sorted(Path(r["source"]).name for r in store.article_rows()) == ["feed.jsonl:1", "small.txt"]


def test_reading_a_large_jsonl_file_is_streamed(tmp_path: Path) -> None:
    """Peak memory of reading 60 MB of JSONL through read_paths grows far less than the file."""
    script = Path(__file__).resolve().parents[1] / "bench" / "big_jsonl.py"
    proc = subprocess.run([sys.executable, str(script), "--size-mb", "60", "--keep", str(tmp_path / "big.jsonl")],
                          capture_output=True, text=True, timeout=600, check=True)
    line = next(line for line in proc.stdout.splitlines() if "peak" in line)
    growth = float(re.search(r"\(([-+][\d.]+) MB", line).group(1))
    assert growth < 20, proc.stdout  # a reader that held the file would grow by 60 MB or more


def test_gzip_bomb_and_endless_jsonl_line_stay_bounded(tmp_path: Path) -> None:
    """A .gz expanding to 300 MB and a 300 MB JSONL line without a newline: one error each,
    read with memory bounded by --max-bytes (measured in a fresh process)."""
    bomb = tmp_path / "bomb.txt.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as out:
        for _ in range(300):
            out.write(b"\0" * 1_000_000)
    endless = tmp_path / "endless.jsonl"
    with endless.open("wb") as out:
        out.write(b'{"text": "')
        for _ in range(300):
            out.write(b"a" * 1_000_000)
        out.write(b'"}\n' + json.dumps({"text": ARTICLE}).encode() + b"\n")
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from newstrail.ingest import read_file\n"
        "out = [[type(r).__name__, getattr(r, 'reason', '')] for p in sys.argv[1:] for r in read_file(Path(p), max_bytes=5_000_000)]\n"
        # VmHWM, not ru_maxrss: on Linux ru_maxrss survives fork and exec (it would report pytest's peak)
        "peak = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM:'))\n"
        "print(json.dumps({'results': out, 'peak_mb': peak / 1024}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(bomb), str(endless)], capture_output=True, text=True, timeout=300, check=True)
    found = json.loads(proc.stdout)
    kinds = [kind for kind, _ in found["results"]]
    assert kinds == ["InputError", "InputError", "RawArticle"], found
    assert all("limit" in reason for kind, reason in found["results"] if kind == "InputError")
    assert found["peak_mb"] < 250, found  # imports take ~110 MB; reading either whole would take 300 MB more
