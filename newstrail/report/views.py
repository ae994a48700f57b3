"""What each page shows, as plain template contexts built from the store.

Why a separate layer: the web app (one page per request) and the one-file report (every
page at once) render the same templates from the same contexts; only the :class:`Links`
differ. The views reuse :mod:`newstrail.api` for the ``--json`` shapes, so a page and its
``/api/...`` twin never disagree, and add only what a page needs on top (outlets, links,
grouping). A :class:`Corpus` caches what several views share within one request or report.
"""

from __future__ import annotations

import json
import zlib
from pathlib import PurePosixPath
from urllib.parse import urlsplit
from collections import defaultdict
from functools import cached_property
from typing import Any

from .. import api
from ..errors import StoreError
from ..model import Article
from ..store import Store
from .chart import timeline_chart, type_class
from .highlight import Mark, highlight
from .links import Links

__all__ = ["Corpus", "NotFound", "stories_view", "story_view", "actor_view", "article_view", "search_view", "speaker_class", "outlet_label"]

SPEAKER_COLOURS = 10  # CSS classes sp-0 … sp-9
# Quotes listed per speaker on a story page; the actor page (and the report's actor section)
# has them all. 40 keeps a 1,000-article story page readable and under its 300 ms budget.
QUOTES_PER_SPEAKER = 40
UNKNOWN_OUTLET = "(unknown outlet)"


def outlet_label(outlet: str | None, url: str | None, source: str | None) -> str:
    """Who published it, for a reader: the outlet, else the URL's host, else the file name.

    Cleaning does not always find an outlet; a column of "(unknown outlet)" would hide
    which sources agree, so the coverage matrix falls back to something that tells them apart.
    """
    if outlet:
        return outlet
    if url:
        host = urlsplit(url).hostname
        if host:
            return host.removeprefix("www.")
    if source:
        return PurePosixPath(source.replace("\\", "/")).name or source
    return UNKNOWN_OUTLET


class NotFound(StoreError):
    """A page asked for a story, actor or article the store does not have."""


def speaker_class(name: str | None) -> str:
    """Stable colour class for a speaker, the same on every page and in every report."""
    if not name:
        return "sp-none"
    return f"sp-{zlib.crc32(name.encode('utf-8')) % SPEAKER_COLOURS}"


class Corpus:
    """One store plus the lookups several views need, computed at most once."""

    def __init__(self, store: Store, links: Links) -> None:
        self.store = store
        self.links = links

    @cached_property
    def articles(self) -> dict[str, dict[str, Any]]:
        """Article metadata by id, without texts (the story page of 1,000 articles needs speed)."""
        rows = self.store.db.execute(
            "SELECT id, source, title, outlet, published, published_how, flags, story, url FROM articles ORDER BY seq"
        )
        out = {}
        for aid, source, title, outlet, published, how, flags, story, url in rows:
            out[aid] = {"id": aid, "source": source, "title": title, "outlet": outlet, "published": published,
                        "published_how": how, "flags": json.loads(flags) if flags else [], "story": story, "url": url,
                        "label": outlet_label(outlet, url, source)}
        return out

    @cached_property
    def actors(self) -> list[dict[str, Any]]:
        return api.list_actors(self.store)

    @cached_property
    def actor_ids(self) -> dict[str, str]:
        """Actor id by id and by canonical name: corpus records refer to actors by name."""
        out = {a["name"]: a["id"] for a in self.actors}
        out.update({a["id"]: a["id"] for a in self.actors})
        return out

    @cached_property
    def stories(self) -> list[dict[str, Any]]:
        return api.list_stories(self.store)

    @cached_property
    def timeline(self) -> list[dict[str, Any]]:
        return api.list_timeline(self.store)

    @cached_property
    def positions(self) -> list[dict[str, Any]]:
        return api.list_positions(self.store)

    @cached_property
    def quotes(self) -> list[dict[str, Any]]:
        return api.list_quotes(self.store)

    @cached_property
    def duplicates(self) -> list[dict[str, Any]]:
        return api.list_duplicates(self.store)

    @cached_property
    def actor_keys(self) -> dict[str, dict[str, str]]:
        """Article id → (article-local key → canonical actor id), read once per corpus."""
        out: dict[str, dict[str, str]] = defaultdict(dict)
        for (article_id, key), actor_id in self.store.actor_ids().items():
            out[article_id][key] = actor_id
        return out

    @cached_property
    def cited(self) -> dict[str, dict[str, list[Any]]]:
        """Article id → the timeline entries and positions citing it, with the cited spans.

        Built in one pass so that a report of N articles does not scan the timeline N times.
        """
        out: dict[str, dict[str, list[Any]]] = defaultdict(lambda: {"spans": [], "entries": [], "positions": []})
        for e in self.timeline:
            for m in e["mentions"]:
                aid = m["article_id"]
                out[aid]["spans"].append((*m["span"], f"timeline: {e['date'] or 'undated'} {e['type']}"))
                out[aid]["entries"].append({**e, "href": self.links.span(aid, *m["span"]), "cls": type_class(e["type"])})
        for p in self.positions:
            for m in p["mentions"]:
                aid = m["article_id"]
                out[aid]["spans"].append((*m["span"], f"position: {p['actor']} {p['stance']}"))
                out[aid]["positions"].append({**p, "href": self.links.span(aid, *m["span"]), "actor_href": self.actor_link(p["actor"])})
        return out

    def outlet(self, article_id: str) -> str:
        meta = self.articles.get(article_id)
        return meta["label"] if meta else UNKNOWN_OUTLET

    def actor_link(self, name: str | None) -> str | None:
        actor_id = self.actor_ids.get(name or "")
        return self.links.actor(actor_id) if actor_id else None

    def source_link(self, article_id: str, span: list[int] | None) -> dict[str, Any]:
        """A link to a fact's evidence, labelled by the outlet and date that carry it."""
        meta = self.articles.get(article_id, {})
        href = self.links.span(article_id, *span) if span else self.links.article(article_id)
        return {"href": href, "outlet": self.outlet(article_id), "published": meta.get("published"),
                "title": meta.get("title") or meta.get("source") or article_id, "article_id": article_id}

    def find_story(self, story_id: str) -> dict[str, Any]:
        matches = [s for s in self.stories if s["id"] == story_id] or [
            s for s in self.stories if s["id"].startswith(story_id)
        ]
        if len(matches) != 1:
            raise NotFound(f"no story {story_id!r} in this store")
        return matches[0]


# -- stories list ---------------------------------------------------------------------------


def stories_view(corpus: Corpus) -> dict[str, Any]:
    """The front page: every story with its size, dates, outlets; loose articles if none."""
    stories = []
    for s in corpus.stories:
        outlets = sorted({corpus.outlet(a) for a in s["articles"]})
        stories.append({**s, "href": corpus.links.story(s["id"]), "outlets": outlets})
    in_story = {a for s in corpus.stories for a in s["articles"]}
    loose = [_article_row(corpus, a) for a in corpus.articles.values() if a["id"] not in in_story]
    store = corpus.store
    counts = {"articles": len(corpus.articles), "stories": len(stories), "actors": len(corpus.actors),
              "entries": store.count("timeline"), "quotes": store.count("quotes")}
    return {"stories": stories, "loose": loose, "counts": counts,
            "actors": [{**a, "href": corpus.links.actor(a["id"])} for a in corpus.actors[:40]]}


def _article_row(corpus: Corpus, meta: dict[str, Any]) -> dict[str, Any]:
    return {**meta, "href": corpus.links.article(meta["id"]), "outlet": meta["label"]}


# -- story page -----------------------------------------------------------------------------


def story_view(corpus: Corpus, story_id: str) -> dict[str, Any]:
    """Timeline chart and list, speakers, positions, coverage, copies and quality flags."""
    story = corpus.find_story(story_id)
    ids = set(story["articles"])
    entries = [_entry(corpus, e) for e in corpus.timeline if e["story"] == story["id"] or
               (e["story"] is None and any(m["article_id"] in ids for m in e["mentions"]))]
    articles = [_article_row(corpus, corpus.articles[a]) for a in story["articles"] if a in corpus.articles]
    articles.sort(key=lambda a: (a["published"] or "9999", a["outlet"]))
    return {
        "story": story,
        "articles": articles,
        "outlets": sorted({a["outlet"] for a in articles}),
        "entries": entries,
        "chart": timeline_chart(entries),
        "speakers": _speakers(corpus, [q for q in corpus.quotes if q["article_id"] in ids], QUOTES_PER_SPEAKER),
        "positions": _positions(corpus, [p for p in corpus.positions if any(m["article_id"] in ids for m in p["mentions"])]),
        "coverage": _coverage(entries, articles),
        "duplicates": _duplicates(corpus, ids),
        "quality": _quality(articles, entries),
    }


def _entry(corpus: Corpus, entry: dict[str, Any]) -> dict[str, Any]:
    """A timeline entry with one link (dot) per source article, and linked actors."""
    seen: dict[str, dict[str, Any]] = {}
    for m in entry["mentions"]:
        seen.setdefault(m["article_id"], corpus.source_link(m["article_id"], m["span"]))
    dots = sorted(seen.values(), key=lambda d: (d["published"] or "9999", d["outlet"]))
    actors = [{"name": a, "href": corpus.actor_link(a)} for a in entry["actors"]]
    flags = [f for f, on in (("negated", entry["negated"]), ("hypothetical", entry["hypothetical"]),
                             ("future", entry["future"])) if on]
    return {**entry, "dots": dots, "actor_links": actors, "cls": type_class(entry["type"]), "anchor": f"e-{entry['id']}",
            "marks": flags, "outlet_count": len({d["outlet"] for d in dots})}


def _said_key(quote: dict[str, Any]) -> tuple[str, str]:
    return (quote["said_on"] or "9999", quote["source"])


def _speakers(corpus: Corpus, quotes: list[dict[str, Any]], limit: int | None = None) -> list[dict[str, Any]]:
    """Speakers, most quoted first, each with their quotes in the order they were said.

    With ``limit``, each speaker keeps that many quotes (``hidden`` counts the rest).
    """
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in quotes:
        link = corpus.source_link(q["article_id"], q["content_span"])
        grouped[q["speaker"] or "(unattributed)"].append({**q, "link": link})
    out = []
    for name, items in grouped.items():
        items.sort(key=_said_key)
        shown = items if limit is None else items[:limit]
        out.append({"name": name, "href": corpus.actor_link(name), "cls": speaker_class(name if name != "(unattributed)" else None),
                    "quotes": shown, "total": len(items), "hidden": len(items) - len(shown)})
    out.sort(key=lambda s: (-s["total"], s["name"]))
    return out


def _positions(corpus: Corpus, positions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Positions grouped by actor, each with its first/last dates and source links."""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in positions:
        links = [corpus.source_link(m["article_id"], m["span"]) for m in p["mentions"]]
        grouped[p["actor"]].append({**p, "links": links})
    out = [{"name": name, "href": corpus.actor_link(name), "positions": sorted(items, key=lambda p: (p["first"] or "9999", p["stance"]))}
           for name, items in grouped.items()]
    out.sort(key=lambda a: (-len(a["positions"]), a["name"]))
    return out


def _coverage(entries: list[dict[str, Any]], articles: list[dict[str, Any]]) -> dict[str, Any]:
    """Outlets × timeline entries: which outlet reported which happening, linked to the span.

    A cell marked ``solo`` is a happening only that outlet reports: the first thing to verify.
    """
    outlets = sorted({a["outlet"] for a in articles} | {d["outlet"] for e in entries for d in e["dots"]})
    per_entry = []
    for entry in entries:
        by_outlet: dict[str, dict[str, Any]] = {}
        for dot in entry["dots"]:
            by_outlet.setdefault(dot["outlet"], {**dot, "solo": entry["outlet_count"] == 1})
        per_entry.append(by_outlet)
    rows = []
    for outlet in outlets:
        cells = [cell.get(outlet) for cell in per_entry]
        rows.append({"outlet": outlet, "cells": cells, "count": sum(1 for c in cells if c),
                     "solo": sum(1 for c in cells if c and c["solo"])})
    return {"entries": entries, "rows": rows}


def _duplicates(corpus: Corpus, ids: set[str]) -> list[dict[str, Any]]:
    out = []
    for d in corpus.duplicates:
        if d["article_id"] not in ids and d["other_id"] not in ids:
            continue
        out.append({**d, "a": corpus.source_link(d["article_id"], None), "b": corpus.source_link(d["other_id"], None),
                    "earliest_outlet": corpus.outlet(d["earliest"]) if d.get("earliest") else None})
    return out


def _quality(articles: list[dict[str, Any]], entries: list[dict[str, Any]]) -> dict[str, Any]:
    """What a reader should double-check: flagged texts, guessed dates, conflicts, lone sources."""
    return {
        "flagged": [a for a in articles if a["flags"]],
        "inferred": [a for a in articles if a["published_how"] == "inferred"],
        "undated": [a for a in articles if not a["published"]],
        "conflicts": [e for e in entries if e["conflicts"]],
        "single_source": [e for e in entries if e["outlet_count"] == 1],
    }


# -- actor page -----------------------------------------------------------------------------


def actor_view(corpus: Corpus, actor_id: str) -> dict[str, Any]:
    """One actor: names, quotes in date order, positions, happenings, and where they appear."""
    actor = next((a for a in corpus.actors if a["id"] == actor_id), None)
    if actor is None:
        raise NotFound(f"no actor {actor_id!r} in this store")
    name = actor["name"]
    quotes = [q for q in corpus.quotes if q["speaker"] == name]
    positions = _positions(corpus, [p for p in corpus.positions if p["actor"] in (name, actor_id)])
    entries = [_entry(corpus, e) for e in corpus.timeline if name in e["actors"] or actor_id in e["actors"]]
    rows = corpus.store.db.execute("SELECT DISTINCT article_id FROM actor_keys WHERE actor_id = ?", (actor_id,))
    articles = [_article_row(corpus, corpus.articles[r[0]]) for r in rows if r[0] in corpus.articles]
    articles.sort(key=lambda a: (a["published"] or "9999", a["outlet"]))
    speakers = _speakers(corpus, quotes)
    return {"actor": actor, "quotes": speakers[0]["quotes"] if speakers else [], "cls": speaker_class(name),
            "positions": positions[0]["positions"] if positions else [], "entries": entries, "articles": articles}


# -- article page ---------------------------------------------------------------------------


def article_view(corpus: Corpus, ref: str) -> dict[str, Any]:
    """The original text with every finding highlighted, plus lists of them with links."""
    try:
        article = corpus.store.article(ref)
    except StoreError as exc:
        raise NotFound(str(exc)) from None
    if article is None:
        raise NotFound(f"no article {ref!r} in this store")
    store, aid = corpus.store, article.id
    keys = corpus.actor_keys.get(aid, {})
    names = {a["id"]: a["name"] for a in corpus.actors}
    quotes = store.findings("quotes", aid)
    timexes = store.findings("timexes", aid)
    marks = _line_marks(article) + _finding_marks(corpus, aid, keys, names)
    facts = corpus.cited.get(aid, {"spans": [], "entries": [], "positions": []})
    marks += [Mark(s, e, "fact", title, anchor=True, rank=1) for s, e, title in facts["spans"]]
    meta = corpus.articles.get(aid, {})
    return {
        "article": article,
        "meta": meta,
        "story_href": corpus.links.story(meta["story"]) if meta.get("story") else None,
        "html": highlight(article.text, marks, corpus.links.span_prefix(aid)),
        "quotes": [_quote_row(corpus, q, keys, names) for q in quotes],
        "timexes": [{"text": t.text, "value": t.value, "how": t.how, "anchor": t.anchor,
                     "href": corpus.links.span(aid, t.span.start, t.span.end)} for t in timexes],
        "removed": [{"label": ln.label, "reason": ln.reason, "text": article.text[ln.start:ln.end],
                     "href": corpus.links.span(aid, ln.start, ln.end)} for ln in article.lines if ln.label not in ("body", "blank")],
        "entries": facts["entries"],
        "positions": facts["positions"],
        "sources": [r[0] for r in store.db.execute("SELECT source FROM article_sources WHERE article_id = ?", (aid,))],
        "span_prefix": corpus.links.span_prefix(aid),
    }


def _line_marks(article: Article) -> list[Mark]:
    """What cleaning decided about each line: removed boilerplate is struck through."""
    marks = []
    for line in article.lines:
        if line.label in ("body", "blank"):
            continue
        what = "removed by cleaning" if line.label == "boilerplate" else f"not in the body: {line.label}"
        title = f"{what} ({line.reason})" if line.reason else what
        marks.append(Mark(line.start, line.end, f"ln ln-{_word(line.label)}", title, anchor=True, rank=0))
    return marks


def _word(label: str) -> str:
    """A label usable in a class name (labels are ours, but the store is not trusted)."""
    return "".join(c for c in label if c.isalnum()) or "other"


def _speaker_name(quote: Any, keys: dict[str, str], names: dict[str, str]) -> str | None:
    actor_id = keys.get(quote.speaker_key or "")
    return names.get(actor_id) if actor_id else quote.speaker_key


def _finding_marks(corpus: Corpus, aid: str, keys: dict[str, str], names: dict[str, str]) -> list[Mark]:
    """Marks for entity mentions, time expressions, quotes, events and stances of one article."""
    store = corpus.store
    marks: list[Mark] = []
    for m in store.findings("mentions", aid):
        name = names.get(keys.get(m.key, ""), m.key)
        role = f", {m.role}" if m.role else ""
        marks.append(Mark(m.span.start, m.span.end, f"ent ent-{_word(m.kind)}", f"{m.kind}: {name}{role}", rank=8))
    for t in store.findings("timexes", aid):
        how = f" — {t.how}" if t.how else ""
        marks.append(Mark(t.span.start, t.span.end, "tx", f"{t.text} = {t.value}{how}", anchor=True, rank=7))
    for q in store.findings("quotes", aid):
        name = _speaker_name(q, keys, names)
        cls = speaker_class(name)
        said = f", said {q.said_on}" if q.said_on else ""
        marks.append(Mark(q.content.start, q.content.end, f"q {cls}", f"{name or 'unattributed'} ({q.kind} quote{said})", anchor=True, rank=3))
        if q.speaker:
            marks.append(Mark(q.speaker.start, q.speaker.end, f"spk {cls}", f"speaker: {name or q.speaker_text}", anchor=True, rank=6))
        if q.cue:
            marks.append(Mark(q.cue.start, q.cue.end, "cue", f"cue: {q.cue_text or ''}", rank=6))
    for e in store.findings("events", aid):
        marks.append(Mark(e.span.start, e.span.end, f"ev {type_class(e.type)}", f"{e.type} · {e.date or 'undated'}", anchor=True, rank=2))
    for s in store.findings("stances", aid):
        marks.append(Mark(s.span.start, s.span.end, "st", f"{s.actor}: {s.stance}", anchor=True, rank=2))
    return marks


def _quote_row(corpus: Corpus, q: Any, keys: dict[str, str], names: dict[str, str]) -> dict[str, Any]:
    name = _speaker_name(q, keys, names)
    return {"speaker": name, "speaker_href": corpus.actor_link(name), "cls": speaker_class(name), "kind": q.kind,
            "content": q.content_text, "cue": q.cue_text, "said_on": q.said_on,
            "href": corpus.links.span(q.article_id, q.content.start, q.content.end)}


# -- search ---------------------------------------------------------------------------------


def search_view(corpus: Corpus, query: str, limit: int = 50) -> dict[str, Any]:
    """Full-text results; a bad FTS5 query is reported on the page (status 400), never a 500."""
    query = (query or "").strip()
    if not query:
        return {"query": "", "results": [], "error": None}
    try:
        rows = api.search(corpus.store, query, limit)
    except StoreError as exc:
        return {"query": query, "results": [], "error": str(exc)}
    results = [{**r, "href": corpus.links.article(r["id"]), "snippet_parts": _snippet_parts(r["snippet"] or "")} for r in rows]
    return {"query": query, "results": results, "error": None}


def _snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """Split an FTS snippet at its ``[``/``]`` match markers into (text, is_match) pieces.

    The template escapes each piece; brackets already in the article text may be read as
    markers, which only misplaces a highlight (see the report on a marker-free snippet).
    """
    parts: list[tuple[str, bool]] = []
    rest = snippet
    while "[" in rest and "]" in rest[rest.index("[") :]:
        before, _, tail = rest.partition("[")
        match, _, rest = tail.partition("]")
        parts += [(before, False), (match, True)]
    parts.append((rest, False))
    return [p for p in parts if p[0]]


