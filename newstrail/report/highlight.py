"""Article text as HTML with highlighted spans, built by splitting the text at span boundaries.

Why this shape: spans from different stages nest (a date inside a quote inside an event
sentence) and sometimes cross (a quote that starts mid-sentence and runs into the next).
HTML elements must nest, so an element that crosses its parent's end is closed there and
reopened after it as a *continuation*: the first piece carries the ``id`` (the link target,
so CSS ``:target`` works without JS), every piece carries ``data-span`` (so the JS can
highlight them all). Every piece of text is escaped on its own; nothing from the article
ever reaches the page unescaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from markupsafe import Markup

__all__ = ["Mark", "highlight", "span_key"]


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted range of the original text.

    ``classes`` and ``title`` are escaped when rendered; ``anchor`` makes the range a link
    target (``id``); ``rank`` orders marks with the same range (lower = outer).
    """

    start: int
    end: int
    classes: str
    title: str = ""
    anchor: bool = False
    rank: int = 5


def span_key(start: int, end: int) -> str:
    """The fragment name of a span on an article page: ``s-<start>-<end>``."""
    return f"s-{start}-{end}"


def _open(mark: Mark, ids: set[str], id_prefix: str, first: bool) -> str:
    """The opening tag of one piece of a mark; only the first piece of an anchor gets the id."""
    key = span_key(mark.start, mark.end)
    attrs = [f'class="{escape(mark.classes)}{"" if first else " cont"}"']
    if mark.anchor:
        element_id = id_prefix + key
        if first and element_id not in ids:
            ids.add(element_id)
            attrs.append(f'id="{escape(element_id)}"')
        attrs.append(f'data-span="{escape(element_id)}"')
    if mark.title:
        attrs.append(f'title="{escape(mark.title)}"')
    return f"<span {' '.join(attrs)}>"


def _clamp(marks: list[Mark], length: int) -> list[Mark]:
    """Marks inside the text with at least one character, outer ones first at each start."""
    kept = []
    for m in marks:
        start, end = max(0, min(m.start, length)), max(0, min(m.end, length))
        if end > start:
            kept.append(m if (start, end) == (m.start, m.end) else Mark(start, end, m.classes, m.title, m.anchor, m.rank))
    kept.sort(key=lambda m: (m.start, -m.end, m.rank))
    return kept


def highlight(text: str, marks: list[Mark], id_prefix: str = "") -> Markup:
    """``text`` as escaped HTML with one ``<span>`` per mark (split where marks cross).

    ``id_prefix`` keeps ids unique when several articles share one page (the static report).
    """
    marks = _clamp(marks, len(text))
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    stack: list[Mark] = []
    ids: set[str] = set()
    pos = 0
    for b in bounds:
        if b > pos:
            out.append(escape(text[pos:b], quote=False))
            pos = b
        ended = [i for i, m in enumerate(stack) if m.end <= b]
        if ended:
            cut = ended[0]
            reopen = [m for m in stack[cut:] if m.end > b]
            out.append("</span>" * (len(stack) - cut))
            del stack[cut:]
            for m in reopen:
                out.append(_open(m, ids, id_prefix, first=False))
                stack.append(m)
        for m in starts.get(b, ()):
            out.append(_open(m, ids, id_prefix, first=True))
            stack.append(m)
    out.append("</span>" * len(stack))
    return Markup("".join(out))
