"""Lines of the original text with their offsets, and the clean body built from kept pieces.

The body is made of verbatim pieces of the original joined by separators, and the
:class:`~newstrail.model.OffsetMap` says where each piece came from, so any body range
maps back to identical original characters.
"""

from __future__ import annotations

import re

from ..model import OffsetMap

__all__ = ["BODY_SEPARATOR", "build_body", "locate_pieces", "split_lines"]

BODY_SEPARATOR = "\n\n"
_LINE = re.compile(r"[^\n]*")
_EDGE_SPACE = " \t\r\f\v\u00a0\u2009\u200b\ufeff"


def split_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line of ``text`` (without its newline), blank lines included."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The range without leading and trailing white space (incl. no-break spaces)."""
    while start < end and text[start] in _EDGE_SPACE:
        start += 1
    while end > start and text[end - 1] in _EDGE_SPACE:
        end -= 1
    return start, end


def build_body(text: str, pieces: list[tuple[int, int]]) -> tuple[str, OffsetMap]:
    """Join the trimmed ``pieces`` (ranges of ``text``) with :data:`BODY_SEPARATOR`; map back."""
    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    pos = 0
    for start, end in pieces:
        start, end = trim(text, start, end)
        if end <= start:
            continue
        if parts:
            parts.append(BODY_SEPARATOR)
            pos += len(BODY_SEPARATOR)
        parts.append(text[start:end])
        segments.append((pos, start, end - start))
        pos += end - start
    return "".join(parts), OffsetMap(tuple(segments))


def _squeeze(text: str) -> tuple[str, list[int]]:
    """``text`` with white-space runs collapsed to one space, and each kept char's original index."""
    out: list[str] = []
    index: list[int] = []
    space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not space:
                out.append(" ")
                index.append(i)
            space = True
        else:
            out.append(ch)
            index.append(i)
            space = False
    return "".join(out), index


def locate_pieces(text: str, pieces: list[str]) -> list[tuple[int, int]]:
    """Ranges of ``text`` holding each piece in order, white space compared loosely.

    Used for HTML, where the extractor's text and the rendered page differ in spacing.
    A piece that cannot be found after the previous one is skipped (so it is not in the body).
    """
    squeezed, index = _squeeze(text)
    found: list[tuple[int, int]] = []
    cursor = 0
    for piece in pieces:
        needle = " ".join(piece.split())
        if not needle:
            continue
        at = squeezed.find(needle, cursor)
        if at < 0:
            continue
        end = at + len(needle)
        found.append((index[at], index[end - 1] + 1))
        cursor = end
    return found
