"""Readers: files and directories in, RawArticles (or InputErrors naming what failed) out.

Formats are chosen by file name: .txt (and any unknown text file), .html/.htm, .jsonl/.ndjson,
.warc/.warc.gz, and ``.gz`` of any of these. Directories are walked recursively in sorted
order, so a build is deterministic.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections import Counter
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from .readers import ReadResult, _detail, gunzip, read_html, read_jsonl, read_txt, read_warc

__all__ = ["iter_input_files", "read_file", "read_paths", "ReadResult", "MAX_ARTICLE_BYTES", "file_format"]

# Default limit on one article (a file, a JSONL line or a WARC record): 50 MB. News
# articles are a few kB; anything this large is a dump or an error, and would stall spaCy.
MAX_ARTICLE_BYTES = 50_000_000

_HTML = {".html", ".htm", ".xhtml"}
_JSONL = {".jsonl", ".ndjson"}
# A folder walk reads only files whose names say they hold articles; other files in the
# folder (annotations, images, scripts) are passed over and counted, not reported as errors.
# A file named explicitly on the command line is read whatever its name (as text).
ARTICLE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".warc", ""}


def file_format(path: Path) -> tuple[str, bool]:
    """(format, gzipped) from a file name: format is txt, html, jsonl or warc."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    ext = (suffixes[-2] if gz and len(suffixes) == 2 else "") if gz else (suffixes[-1] if suffixes else "")
    if ext == ".warc":
        return "warc", gz
    if ext in _HTML:
        return "html", gz
    if ext in _JSONL:
        return "jsonl", gz
    return "txt", gz


def is_article_file(path: Path) -> bool:
    """Whether a folder walk should read this file (by its name)."""
    suffixes = [x.lower() for x in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    return last in ARTICLE_SUFFIXES or not last.strip(".").isalpha()


def iter_input_files(paths: list[str | Path], ignored: Counter | None = None) -> Iterator[Path | InputError]:
    """Every file under the given paths, sorted; unreadable folders become InputErrors.

    ``ignored`` counts, by suffix, the files inside folders that are no kind newstrail reads
    (a folder's ``.pdf`` or ``.json``), so the build can say so instead of passing them by
    in silence. A file named on its own is always tried.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, ignored)
        elif path.is_file():
            yield path
        elif path.exists():
            yield InputError(str(path), "not a regular file")
        else:
            yield InputError(str(path), "no such file or directory")


def _walk(folder: Path, ignored: Counter | None = None) -> Iterator[Path | InputError]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield InputError(str(folder), f"cannot list folder ({exc.strerror or exc})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(path, ignored)
            elif entry.is_file() and is_article_file(path):
                yield path
            elif ignored is not None and entry.is_file():
                ignored["".join(path.suffixes[-2:]).lower() or "(no extension)"] += 1
        except OSError as exc:
            yield InputError(str(path), f"cannot read ({exc.strerror or exc})")


def read_file(path: Path, max_bytes: int = MAX_ARTICLE_BYTES, encoding: str | None = None) -> Iterator[ReadResult]:
    """Articles in one file; every failure is yielded as an InputError naming the file."""
    source = str(path)
    fmt, gz = file_format(path)
    try:
        size = path.stat().st_size
        if fmt in ("jsonl", "warc"):
            yield from _read_stream(path, fmt, gz, max_bytes)
            return
        if size > (max_bytes if not gz else max_bytes * 20):
            yield InputError(source, f"file of {size:,} bytes is over the {max_bytes:,}-byte limit per article (--max-bytes)")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(source, f"cannot read ({exc.strerror or exc})")
        return
    if gz:
        try:
            data = gunzip(data, source, max_bytes)
        except InputError as exc:
            yield exc
            return
        if len(data) > max_bytes:
            yield InputError(source, f"content of over {max_bytes:,} bytes is over the {max_bytes:,}-byte limit per article")
            return
    if fmt == "html":
        yield from read_html(data, source, encoding)
    else:
        yield from read_txt(data, source, encoding)


def _read_stream(path: Path, fmt: str, gz: bool, max_bytes: int) -> Iterator[ReadResult]:
    """JSONL and WARC are read as streams: a large file never sits in memory whole."""
    source = str(path)
    if fmt == "warc":
        with path.open("rb") as stream:  # warcio handles gzip members itself
            yield from read_warc(stream, source, max_bytes, path.stat().st_size)
        return
    opener = gzip.open if gz else open
    with opener(path, "rb") as stream:  # type: ignore[operator]
        try:
            yield from read_jsonl(stream, source, max_bytes)
        except (OSError, EOFError, zlib.error) as exc:
            yield InputError(source, f"truncated or corrupt gzip file ({_detail(exc)}); lines before it were read")


def read_paths(
    paths: list[str | Path], max_bytes: int = MAX_ARTICLE_BYTES, encoding: str | None = None
) -> Iterator[ReadResult]:
    """Every article under the given paths, with an InputError for each thing that failed."""
    for item in iter_input_files(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_file(item, max_bytes, encoding)
