"""One reader per input format. Each yields RawArticles, or InputErrors for what it cannot read.

Readers never raise for bad input: a reader that finds a bad line or record yields an
``InputError`` for it and goes on, so one broken record never costs the good ones.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from typing import IO, Iterator

from ..errors import InputError
from ..model import RawArticle
from .decode import decode_bytes

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


def _jsonl_record(line: bytes, source: str) -> ReadResult:
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return InputError(source, f"not valid JSON ({exc.__class__.__name__}: {exc})")
    if not isinstance(record, dict):
        return InputError(source, "a JSON line must be an object with a 'text' or 'html' field")
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


def read_jsonl(stream: IO[bytes], source: str, max_bytes: int) -> Iterator[ReadResult]:
    """One article per line; streamed, so a 1 GB file needs no more memory than its longest line."""
    for number, line in enumerate(stream, start=1):
        where = f"{source}:{number}"
        if not line.strip():
            continue
        if len(line) > max_bytes:
            yield InputError(where, f"line of {len(line):,} bytes is over the {max_bytes:,}-byte limit per article")
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
    except (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError) as exc:
        yield InputError(source, f"WARC record {number + 1} is truncated or corrupt ({exc.__class__.__name__}: {exc}); records before it were read")
        return
    if size is not None and iterator.offset < size:
        yield InputError(source, f"WARC record {number + 1} (at byte {iterator.offset:,}) is truncated; records before it were read")


def gunzip(data: bytes, source: str) -> bytes:
    """The content of a .gz file, or InputError when it is truncated or not gzip."""
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(source, f"truncated or corrupt gzip file ({exc})") from None


def open_stream(data: bytes) -> IO[bytes]:
    return io.BytesIO(data)
