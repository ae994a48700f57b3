"""Fuzz the readers and the cleaner with atheris (coverage-guided), bounded in time.

    python bench/fuzz.py [--seconds 120] [--seed 0] [--engine atheris|hypothesis]

Each input is split by its first byte into a format (.txt .html .jsonl .warc .warc.gz .txt.gz
.jsonl.gz) and written to a temporary file; ``read_file`` must yield only RawArticles and
InputErrors naming that file, and ``clean_article`` on each RawArticle must return an Article
whose offset map copies the original verbatim, or raise InputError. Anything else is a crash:
it is printed with its traceback, the input is saved under ``--crash-dir``, and the run goes on.

Seeds are small invented valid files of each format, so mutations start from real structure
(WARC records, gzip members, JSON lines). Prints inputs tried, crashes found (by kind and place).

``--engine hypothesis`` runs the same harness on random inputs from hypothesis in a loop, for
machines where atheris does not build.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import os
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

# Imported by _load(), under atheris's instrumentation when fuzzing with it (coverage guidance).
clean_article = InputError = read_file = RawArticle = None  # type: ignore[assignment]

FORMATS = (".txt", ".html", ".jsonl", ".warc", ".warc.gz", ".txt.gz", ".jsonl.gz", ".html.gz")
# Per-article size for the fuzz run: small, so one input never stalls the loop.
FUZZ_MAX_BYTES = 200_000

TEXT = (
    "Ferry talks stall in Port Selva\n\nBy Lin Okafor\n\n"
    "Negotiators met on Tuesday but failed to agree on a timetable, officials said.\n\n"
    "\u201cWe are not there yet,\u201d said Ana Varga.\n\nShare this article\n"
)
HTML = (
    "<html><head><title>Ferry talks stall</title><meta charset='utf-8'></head><body><nav>Home | World</nav>"
    "<article><h1>Ferry talks stall</h1><p>Negotiators met on Tuesday but failed to agree on a timetable, "
    "officials said.</p><p>\u201cWe are not there yet,\u201d said Ana Varga.</p></article>"
    "<footer>Leave a Reply</footer></body></html>"
)


def warc_bytes(pages: list[tuple[str, str]], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers))
    return out.getvalue()


def _load() -> None:
    global clean_article, InputError, read_file, RawArticle
    from newstrail.clean import clean_article
    from newstrail.errors import InputError
    from newstrail.ingest import read_file
    from newstrail.model import RawArticle


def seed_inputs() -> list[bytes]:
    """One valid invented file per format, prefixed with its format byte."""
    jsonl = (json.dumps({"text": TEXT, "title": "Ferry talks stall", "published": "2031-03-04", "url": "https://example.org/a"})
             + "\n" + json.dumps({"html": HTML}) + "\n").encode()
    pages = [("https://example.org/1", HTML), ("https://example.org/2", HTML.replace("Tuesday", "Monday"))]
    by_format = {
        ".txt": TEXT.encode(),
        ".html": HTML.encode(),
        ".jsonl": jsonl,
        ".warc": warc_bytes(pages, False),
        ".warc.gz": warc_bytes(pages, True),
        ".txt.gz": gzip.compress(TEXT.encode()),
        ".jsonl.gz": gzip.compress(jsonl),
        ".html.gz": gzip.compress(HTML.encode()),
    }
    return [bytes([FORMATS.index(ext)]) + data for ext, data in by_format.items()]


def check_article(raw: RawArticle) -> None:
    """clean_article returns an Article whose pieces are verbatim copies, or raises InputError."""
    try:
        article = clean_article(raw)
    except InputError as exc:
        assert exc.path == raw.source, f"InputError names {exc.path!r}, not {raw.source!r}"
        return
    text, body = article.text, article.body
    for body_start, orig_start, length in article.offsets.segments:
        assert body[body_start : body_start + length] == text[orig_start : orig_start + length], "offset map is not verbatim"
    for line in article.lines:
        assert 0 <= line.start <= line.end <= len(text), "line label out of range"


def run_one(data: bytes, folder: Path) -> None:
    """The harness: raises AssertionError or the escaped exception on a crash."""
    if not data:
        return
    ext = FORMATS[data[0] % len(FORMATS)]
    path = folder / f"input{ext}"
    path.write_bytes(data[1:])
    for result in read_file(path, max_bytes=FUZZ_MAX_BYTES):
        if isinstance(result, InputError):
            assert result.path.startswith(str(path)) and result.reason, f"bad InputError {result!r}"
            continue
        assert isinstance(result, RawArticle), f"reader yielded {type(result).__name__}"
        assert result.source.startswith(str(path))
        check_article(result)


class Tally:
    def __init__(self, crash_dir: Path) -> None:
        self.tried = 0
        self.crashes: Counter[str] = Counter()
        self.crash_dir = crash_dir

    def record(self, data: bytes, exc: BaseException) -> None:
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        key = f"{exc.__class__.__name__} at {Path(frame.filename).name}:{frame.lineno} ({frame.name})"
        if key not in self.crashes:
            self.crash_dir.mkdir(parents=True, exist_ok=True)
            name = self.crash_dir / f"crash-{hashlib.sha1(data).hexdigest()[:12]}"
            name.write_bytes(data)
            print(f"fuzz: CRASH {key}: {str(exc)[:200]} (input saved to {name})", file=sys.stderr)
            traceback.print_exception(exc, file=sys.stderr)
        self.crashes[key] += 1


def harness(tally: Tally, folder: Path):
    def test_one(data: bytes) -> None:
        tally.tried += 1
        try:
            run_one(data, folder)
        except Exception as exc:  # noqa: BLE001 - a crash is what we look for; keep going
            tally.record(data, exc)

    return test_one


def run_atheris(seconds: int, seed: int, tally: Tally, folder: Path) -> None:
    import atheris

    with atheris.instrument_imports(include=["newstrail", "warcio"]):
        _load()
    corpus = folder / "corpus"
    corpus.mkdir()
    for i, data in enumerate(seed_inputs()):
        (corpus / f"seed{i}").write_bytes(data)
    test_one = harness(tally, folder)
    deadline = time.time() + seconds

    def bounded(data: bytes) -> None:
        # libFuzzer's own -max_total_time exits from C, past Python's exit hooks; stop here
        # instead so the summary is printed.
        if time.time() >= deadline:
            summary(tally, seconds, "atheris")
            sys.stdout.flush()
            os._exit(1 if tally.crashes else 0)
        test_one(data)

    args = [sys.argv[0], f"-seed={seed or 1}", "-max_len=65536", "-rss_limit_mb=4096", "-timeout=60",
            "-print_final_stats=0", str(corpus)]
    atheris.Setup(args, bounded)
    atheris.Fuzz()


def run_hypothesis(seconds: int, seed: int, tally: Tally, folder: Path) -> None:
    """A bounded loop of hypothesis-generated inputs: mutated seeds and random bytes."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    _load()
    seeds = seed_inputs()
    test_one = harness(tally, folder)

    def mutate(data: bytes, flips: list[tuple[int, int]], cut: int) -> bytes:
        buf = bytearray(data)
        for pos, xor in flips:
            buf[1 + pos % max(1, len(buf) - 1)] ^= xor or 1
        return bytes(buf[: max(2, len(buf) - cut)])

    inputs = st.one_of(
        st.binary(max_size=4096),
        st.builds(mutate, st.sampled_from(seeds), st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=8),
                  st.integers(0, 2000)),
        st.builds(lambda b, t: bytes([b % len(FORMATS)]) + t.encode("utf-8", "surrogatepass"), st.integers(0, 7), st.text(max_size=2000)),
    )
    deadline = time.time() + seconds

    @settings(max_examples=200, deadline=None, database=None, suppress_health_check=list(HealthCheck), derandomize=False)  # seed: hypothesis's own
    @given(inputs)
    def loop(data: bytes) -> None:
        if time.time() < deadline:
            test_one(data)

    while time.time() < deadline:
        loop()
    summary(tally, seconds, "hypothesis")


def summary(tally: Tally, seconds: int, engine: str) -> None:
    print(f"fuzz: {engine}, {seconds}s: {tally.tried:,} inputs tried, {sum(tally.crashes.values())} crashes "
          f"({len(tally.crashes)} distinct)", flush=True)
    for key, count in tally.crashes.most_common():
        print(f"fuzz:   {count:5d} × {key}", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=int, default=120, help="how long to fuzz [120]")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--engine", choices=("atheris", "hypothesis"), default="atheris")
    ap.add_argument("--crash-dir", default="fuzz-crashes", help="where crashing inputs are saved [fuzz-crashes]")
    args = ap.parse_args(argv)
    import logging

    logging.getLogger("newstrail").setLevel(logging.ERROR)  # guarded library failures are expected here
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    tally = Tally(Path(args.crash_dir))
    with tempfile.TemporaryDirectory(prefix="newstrail-fuzz-") as tmp:
        folder = Path(tmp)
        if args.engine == "atheris":
            try:
                import atheris  # noqa: F401
            except ImportError:
                print("fuzz: atheris is not installed (pip install atheris); using hypothesis", file=sys.stderr)
                args.engine = "hypothesis"
        if args.engine == "atheris":
            run_atheris(args.seconds, args.seed, tally, folder)
        else:
            run_hypothesis(args.seconds, args.seed, tally, folder)
    return 1 if tally.crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
