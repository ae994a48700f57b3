"""One reader per input format. Each yields RawArticles, or InputErrors for what it cannot read.

Readers never raise for bad input: a reader that finds a bad line or record yields an
``InputError`` for it and goes on, so one broken record never costs the good ones.
"""

from __future__ import annotations

import gzip
import io
import json
import unicodedata
import zlib
from typing import IO, Iterator

from ..errors import InputError
from ..model import RawArticle
from .decode import decode_bytes, mend_surrogates

ReadResult = RawArticle | InputError
# Below this many characters of text (after stripping) there is no article to speak of.
MIN_TEXT_CHARS = 20


def read_txt(data: bytes, source: str, encoding: str | None = None) -> Iterator[ReadResult]:
    """A plain-text file: one article, its decoded text kept exactly."""
    try:
        text = decode_bytes(data, source, encoding)
    except InputError as exc:
        yield exc
        return
    if len(text.strip()) < MIN_TEXT_CHARS:
        yield InputError(source, f"no article text (only {len(text.strip())} characters)")
        return
    yield RawArticle(source=source, text=text, fmt="txt")


def read_html(data: bytes, source: str, encoding: str | None = None, url: str | None = None) -> Iterator[ReadResult]:
    """An HTML page: the markup is kept; the cleaning stage renders and extracts its text."""
    try:
        html = decode_bytes(data, source, encoding)
    except InputError as exc:
        yield exc
        return
    if "<" not in html:
        yield InputError(source, "no HTML markup in an .html file")
        return
    yield RawArticle(source=source, text="", html=html, url=url, fmt="html")


_JSONL_FIELDS = ("url", "title", "published", "outlet")
# Longest library message quoted in a reason: enough to say what broke, not to dump the input.
REASON_DETAIL_CHARS = 200


def _detail(exc: BaseException) -> str:
    """``Class: message`` for a reason, on one line: parsers quote the hostile bytes they choked
    on (newlines, terminal escapes), so control and format characters are escaped."""
    text = str(exc)[:REASON_DETAIL_CHARS]
    safe = "".join(
        c if c == " " or unicodedata.category(c)[0] not in "CZ" else ascii(c)[1:-1] for c in text
    )
    return f"{exc.__class__.__name__}: {safe}"


def _jsonl_record(line: bytes, source: str) -> ReadResult:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as exc:
        # ValueError covers JSONDecodeError, UnicodeDecodeError and over-long integers
        # ("Exceeds the limit (4300 digits)"); RecursionError very deeply nested arrays.
        return InputError(source, f"not valid JSON ({_detail(exc)})")
    if not isinstance(record, dict):
        return InputError(source, "a JSON line must be an object with a 'text' or 'html' field")
    # "\ud800" escapes decode to lone surrogates, which nothing downstream can encode.
    record = {k: mend_surrogates(v) if isinstance(v, str) else v for k, v in record.items()}
    text, html = record.get("text"), record.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return InputError(source, "no 'text' or 'html' string field")
    fields = {k: record[k] if isinstance(record.get(k), str) else None for k in _JSONL_FIELDS}
    if fields["published"] is None and isinstance(record.get("date"), str):
        fields["published"] = record["date"]
    if isinstance(text, str):
        if len(text.strip()) < MIN_TEXT_CHARS:
            return InputError(source, "empty 'text' field")
        return RawArticle(source=source, text=text, fmt="jsonl", **fields)
    return RawArticle(source=source, text="", html=html, fmt="jsonl", **fields)


def _bounded_lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(length, line) for each line; a line over ``limit`` bytes is skipped in 1 MiB chunks and
    given as (length, None), so a file without newlines never sits in memory whole."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield len(line), line
            continue
        size = len(line)
        while True:
            chunk = stream.readline(1 << 20)
            size += len(chunk)
            if not chunk or chunk.endswith(b"\n"):
                break
        yield size, None


def read_jsonl(stream: IO[bytes], source: str, max_bytes: int) -> Iterator[ReadResult]:
    """One article per line; streamed, so a 1 GB file needs no more memory than its longest line
    (and never more than ``max_bytes`` for one line)."""
    for number, (size, line) in enumerate(_bounded_lines(stream, max_bytes), start=1):
        where = f"{source}:{number}"
        if line is None or size > max_bytes:
            yield InputError(where, f"line of {size:,} bytes is over the {max_bytes:,}-byte limit per article")
            continue
        if not line.strip():
            continue
        yield _jsonl_record(line, where)


def read_warc(stream: IO[bytes], source: str, max_bytes: int, size: int | None = None) -> Iterator[ReadResult]:
    """Response records with HTML from a WARC file (plain or gzip), via warcio.

    warcio stops quietly at a truncated last record, so the bytes it consumed are compared
    with the file's size: anything left over is reported as a truncated record.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    iterator = ArchiveIterator(stream)
    try:
        for record in iterator:
            if record.rec_type != "response":
                continue
            number += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source}#{number}"
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            if "html" not in ctype.lower():
                continue
            payload = record.content_stream().read(max_bytes + 1)
            if len(payload) > max_bytes:
                yield InputError(where, f"record over the {max_bytes:,}-byte limit per article")
                continue
            yield from read_html(payload, where, url=url)
    except (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError, LookupError, AttributeError, TypeError) as exc:
        # warcio is a third-party parser meeting hostile bytes: besides its own errors, corrupt
        # headers make it raise AttributeError, TypeError or LookupError (found by bench/fuzz.py).
        if number == 0 and isinstance(exc, ArchiveLoadFailed):
            yield InputError(source, f"not a WARC file ({_detail(exc)})")
        else:
            yield InputError(source, f"WARC record {number + 1} is truncated or corrupt ({_detail(exc)}){_READ_BEFORE[number > 0]}")
        return
    if size is not None and iterator.offset < size:
        yield InputError(source, f"WARC record {number + 1} (at byte {iterator.offset:,}) is truncated{_READ_BEFORE[number > 0]}")


# What a reason about a broken WARC record adds: whether the records before it were kept.
_READ_BEFORE = {False: "", True: "; records before it were read"}


def gunzip(data: bytes, source: str, limit: int | None = None) -> bytes:
    """The content of a .gz file (at most ``limit`` + 1 bytes of it, so a gzip bomb cannot
    exhaust memory), or InputError when it is truncated or not gzip."""
    try:
        if limit is not None:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
                return stream.read(limit + 1)
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(source, f"truncated or corrupt gzip file ({_detail(exc)})") from None
