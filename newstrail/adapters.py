"""Plain functions over plain values, one per stage, for benchmarks and outside scorers.

Each adapter calls the same code the pipeline runs; none has logic of its own beyond
turning plain values into records and back. The signatures are a contract
(docs/architecture.md, "Contracts"): extend, never rename.
"""

from __future__ import annotations

from typing import Any

from .model import Article, OffsetMap, content_id


def article_from_text(text: str, published: str | None = None, source: str = "<text>") -> Article:
    """An article whose body is the given text as it is (no cleaning), for stage adapters."""
    return Article(
        id=content_id(text),
        source=source,
        text=text,
        body=text,
        offsets=OffsetMap.identity(len(text)),
        published=published,
        published_how="metadata" if published else None,
    )


def clean_html(html: str | bytes) -> str:
    """Main text of an HTML page (boilerplate removed)."""
    from .clean.extract import extract_html

    return extract_html(html)


def clean_lines(lines: list[str]) -> list[bool]:
    """For each line of an already-extracted page: True to keep it as article text."""
    from .clean.boilerplate import keep_lines

    return keep_lines(lines)


def quotes(text: str) -> list[dict[str, Any]]:
    """Quotes in a text: content span, speaker name, speaker span and kind."""
    from .actors import extract_mentions
    from .nlp import parse
    from .quotes import extract_quotes

    article = article_from_text(text)
    doc = parse(text)
    mentions = extract_mentions(doc, article)
    found = extract_quotes(doc, article, mentions)
    return [
        {
            "content_span": q.content.as_pair(),
            "content": q.content_text,
            "speaker": q.speaker_key or q.speaker_text,
            "speaker_span": q.speaker.as_pair() if q.speaker else None,
            "kind": q.kind,
            "cue": q.cue_text,
        }
        for q in found
    ]


def time_expressions(text: str, dct: str) -> list[tuple[int, int, str, str]]:
    """Time expressions in a text written on ``dct``: (start, end, TIMEX3 value, type)."""
    from .timex import time_expressions as find

    return find(text, dct)


def cluster(texts: list[str], dates: list[str | None]) -> list[int]:
    """A story number for each text (texts in arrival order)."""
    from .stories import cluster_texts

    return cluster_texts(texts, dates)


def event_types(sentence: str) -> list[str]:
    """PLOVER event types of one sentence, most likely first."""
    from .events import event_types as types

    return types(sentence)


def timeline(articles: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """A dated timeline (date, summary) from articles given as {"text", "published"}."""
    from .timeline import timeline_from_texts

    return timeline_from_texts(articles)


def coref_events(docs: list[dict[str, Any]]) -> dict[str, str]:
    """Cluster marked event mentions across documents: mention id -> cluster id."""
    from .timeline import coref_event_mentions

    return coref_event_mentions(docs)


def entity_timelines(docs: list[dict[str, Any]], entities: list[str]) -> dict[str, list[tuple[str, str]]]:
    """For each entity, the marked event mentions it takes part in, as (date anchor, mention id)."""
    from .timeline import entity_event_timelines

    return entity_event_timelines(docs, entities)
