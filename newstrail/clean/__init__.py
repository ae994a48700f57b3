"""The cleaning stage: raw article -> clean body with offsets, metadata and quality flags.

``clean_article`` is a pure function of one :class:`~newstrail.model.RawArticle` (and the
corpus's common lines), so it runs unchanged in a worker process or on Dask.

For text inputs the article's text is the input as is; for HTML it is the page rendered
to text (:func:`~newstrail.clean.extract.render_html`) and the body is trafilatura's main
text located inside it. Either way ``article.text[s:e]`` is the evidence for any body range.
"""

from __future__ import annotations

from ..errors import InputError
from ..ingest.decode import mend_surrogates
from ..model import Article, LineLabel, RawArticle
from .boilerplate import Labelled, classify_lines, keep_lines, line_key, normalise_line
from .extract import extract_html, html_metadata, render_html
from .flags import quality_flags
from .language import detect_language
from .metadata import (
    agency_dateline,
    date_from_dateline,
    find_outlet,
    header_date,
    normalise_date,
    outlet_from_url,
    strip_glued_title,
)
from .offsets import build_body, locate_pieces, split_lines

__all__ = [
    "classify_lines",
    "clean_article",
    "extract_html",
    "html_metadata",
    "keep_lines",
    "line_key",
    "normalise_line",
    "render_html",
]


def clean_article(raw: RawArticle, common_lines: frozenset[str] = frozenset()) -> Article:
    """Clean one raw article (see module doc); ``common_lines`` holds :func:`line_key` values
    of lines frequent across the corpus (site furniture)."""
    _check_unicode(raw)
    if raw.html is not None and (not raw.text or raw.fmt == "html"):
        return _clean_html(raw, common_lines)
    return _clean_text(raw, raw.text, common_lines)


def _check_unicode(raw: RawArticle) -> None:
    """Lone surrogates (readers mend them; API callers may not) cannot be hashed or stored."""
    for name in ("text", "html", "url", "title", "published", "outlet"):
        value = getattr(raw, name)
        if isinstance(value, str) and mend_surrogates(value) is not value:
            raise InputError(raw.source, f"the {name} holds lone surrogate code points (\\ud800-\\udfff), not valid Unicode")


def _clean_text(raw: RawArticle, text: str, common_lines: frozenset[str]) -> Article:
    spans = split_lines(text)
    lines = [text[a:b] for a, b in spans]
    labels = classify_lines(lines, title=raw.title, common_lines=common_lines)
    return _assemble(raw, text, lines, spans, labels, meta={})


def _clean_html(raw: RawArticle, common_lines: frozenset[str]) -> Article:
    html = raw.html or ""
    text = raw.text or render_html(html)
    meta = html_metadata(html, raw.url)
    spans = split_lines(text)
    lines = [text[a:b] for a, b in spans]
    pieces = locate_pieces(text, [p for p in extract_html(html).split("\n") if p.strip()])
    if not pieces and text.strip():
        # trafilatura found nothing (markup it cannot walk, e.g. thousands of nested
        # elements): read the rendered page as already-extracted text instead.
        return _assemble(raw, text, lines, spans, classify_lines(lines, title=raw.title or meta["title"],
                                                                  common_lines=common_lines), meta)
    in_body = {_line_of(spans, a) for a, _ in pieces}
    title = raw.title or meta["title"]
    labels: list[Labelled] = []
    title_seen = False
    for i, line in enumerate(lines):
        if not line.strip():
            labels.append(Labelled("blank"))
        elif title and not title_seen and normalise_line(line) == normalise_line(title):
            labels.append(Labelled("title", "the page's title"))
            title_seen = True
        elif i in in_body:
            labels.append(Labelled("body", "main text found by trafilatura"))
        else:
            labels.append(Labelled("boilerplate", "outside the main text"))
    return _assemble(raw, text, lines, spans, labels, meta, pieces=pieces)


def _line_of(spans: list[tuple[int, int]], offset: int) -> int:
    for i, (a, b) in enumerate(spans):
        if a <= offset <= b:
            return i
    return -1


def _assemble(
    raw: RawArticle,
    text: str,
    lines: list[str],
    spans: list[tuple[int, int]],
    labels: list[Labelled],
    meta: dict[str, str | None],
    pieces: list[tuple[int, int]] | None = None,
) -> Article:
    """Body, offsets, metadata and flags from the line labels."""
    if pieces is None:
        pieces = [spans[i] for i, lab in enumerate(labels) if lab.label == "body"]
    body, offsets = build_body(text, pieces)
    first = {lab.label: lines[i].strip() for i, lab in reversed(list(enumerate(labels)))}
    title = raw.title or meta.get("title") or first.get("title")
    dek = first.get("dek") or meta.get("description")
    if dek:
        dek = strip_glued_title(dek, title)
    published, how = _published(raw, meta, lines, labels)
    nonblank = [lab for lab in labels if lab.label != "blank"]
    dropped = sum(lab.label == "boilerplate" for lab in nonblank) / len(nonblank) if nonblank else 0.0
    return Article(
        id=raw.id,
        source=raw.source,
        text=text,
        body=body,
        offsets=offsets,
        url=raw.url or meta.get("url"),
        title=title,
        dek=dek,
        byline=first.get("byline") or meta.get("author"),
        outlet=_outlet(raw, meta, lines, title),
        published=published,
        published_how=how,
        language=detect_language(body) or meta.get("language"),
        flags=quality_flags([p for p in body.split("\n\n") if p], lines, dropped),
        lines=tuple(
            LineLabel(a, b, lab.label, lab.reason) for (a, b), lab in zip(spans, labels) if lab.label != "blank"
        ),
        fmt=raw.fmt,
    )


def _published(
    raw: RawArticle, meta: dict[str, str | None], lines: list[str], labels: list[Labelled]
) -> tuple[str | None, str | None]:
    """(ISO date, how): the input's date field, the page's metadata, or the text.

    In the text: a header date line (or a date field of a header line), the earliest if
    several; an "Updated ..." date only when nothing better is there. A wire dateline's day
    ("CITY, March 5 (Agency) -") takes the year of the header date, and beats an update date
    (the story was filed that day). Never a date without a year in the text.
    """
    given = normalise_date(raw.published) or meta.get("date")
    if given:
        return given, "metadata"
    found = [d for i, lab in enumerate(labels) if lab.label == "dateline" and (d := header_date(lines[i]))]
    original = sorted(d for d, updated in found if not updated)
    if original:
        return original[0], "text"
    if found:
        latest = max(d for d, _ in found)
        first_body = next((lines[i] for i, lab in enumerate(labels) if lab.label == "body"), "")
        dateline = agency_dateline(first_body)
        if dateline and dateline[0] and dateline[1]:
            day = date_from_dateline(dateline[0], dateline[1], latest)
            if day:
                return day, "text"
        return min(d for d, _ in found), "text"
    return None, None


def _outlet(raw: RawArticle, meta: dict[str, str | None], lines: list[str], title: str | None) -> str | None:
    """The input's outlet field, the page's declared site name, the text's own evidence
    (:func:`find_outlet`), and last the URL's host (also where trafilatura's site name is
    only a domain)."""
    declared = meta.get("sitename")
    host_like = bool(declared) and "." in declared and " " not in declared.strip()  # type: ignore[union-attr]
    url = raw.url or meta.get("url")
    return (
        raw.outlet
        or (None if host_like else declared)
        or find_outlet(lines, title=title, url=url)
        or declared
        or outlet_from_url(url)
    )
