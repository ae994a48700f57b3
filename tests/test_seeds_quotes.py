"""Acceptance: the 37 gold quotes and 12 gold people of the seed articles.

Each seed is parsed whole, as if it were a clean body (cleaning is a separate stage), then
mentions, quotes and corpus actors are extracted exactly as the pipeline does. Seeds are
read at run time through the conftest fixtures, never copied here.
"""

from __future__ import annotations

import pytest

from newstrail.actors import ActorResolution, extract_mentions, resolve_actors
from newstrail.adapters import article_from_text
from newstrail.model import Mention, Quote
from newstrail.quotes import extract_quotes


@pytest.fixture(scope="module")
def analysed(seed_texts, nlp) -> tuple[dict[str, list[Quote]], dict[str, str], ActorResolution]:
    """Quotes per seed file, article id per seed file, and the corpus actor resolution."""
    quotes: dict[str, list[Quote]] = {}
    ids: dict[str, str] = {}
    items: list[tuple[str, list[Mention]]] = []
    for name, text in seed_texts.items():
        article = article_from_text(text, source=name)
        doc = nlp(article.body)
        mentions = extract_mentions(doc, article)
        quotes[name] = extract_quotes(doc, article, mentions)
        ids[name] = article.id
        items.append((article.id, mentions))
    return quotes, ids, resolve_actors(items)


def _squash(text: str) -> str:
    """Whitespace-insensitive form: the seeds use no-break spaces where gold has spaces."""
    return " ".join(text.split())


def _gold_actor_ids(gold, resolution: ActorResolution) -> dict[str, set[str]]:
    """Gold canonical name -> ids of the actors that hold any of its variants."""
    out: dict[str, set[str]] = {}
    for entity in gold["entities"]:
        variants = set(entity["variants"]) | {entity["canonical"]}
        out[entity["canonical"]] = {a.id for a in resolution.actors if variants & set(a.variants)}
    return out


def test_every_gold_quote_found_with_its_speaker(gold, analysed, seed_texts):
    quotes, ids, resolution = analysed
    actor_ids = _gold_actor_ids(gold, resolution)
    misses = []
    for name, annotations in gold["documents"].items():
        assert name in seed_texts, f"gold names a seed that is missing: {name}"
        for g in annotations["quotes"]:
            hits = [q for q in quotes[name] if _squash(g["contains"]) in _squash(q.content_text)]
            right = [q for q in hits if q.speaker_key
                     and resolution.actor_id(ids[name], q.speaker_key) in actor_ids[g["speaker"]]]
            if not right:
                said = [(q.speaker_key, q.content_text[:60]) for q in hits] or "no quote holds it"
                misses.append(f"{name}: {g['speaker']}: {g['contains']!r} -> {said}")
    assert not misses, f"{len(misses)} of 37 gold quotes missed:\n" + "\n".join(misses)


def test_quote_spans_point_at_the_original(analysed, seed_texts):
    quotes, _, _ = analysed
    for name, found in quotes.items():
        text = seed_texts[name]
        for q in found:
            assert text[q.content.start : q.content.end] == q.content_text
            if q.speaker is not None:
                assert q.speaker.end > q.speaker.start


def test_entity_variants_join_into_one_actor(gold, analysed):
    _, _, resolution = analysed
    problems = []
    for entity in gold["entities"]:
        holding = {v: [a for a in resolution.actors if v in a.variants] for v in entity["variants"]}
        ids = {a.id for found in holding.values() for a in found}
        missing = [v for v, found in holding.items() if not found]
        if missing or len(ids) != 1:
            problems.append(f"{entity['canonical']}: missing {missing}, actors {sorted(ids)}")
    assert not problems, "\n".join(problems)


def test_distinct_people_stay_apart(gold, analysed):
    _, _, resolution = analysed
    actor_ids = _gold_actor_ids(gold, resolution)
    seen: dict[str, str] = {}
    for canonical, found in actor_ids.items():
        for actor_id in found:
            assert actor_id not in seen, f"{canonical} and {seen.get(actor_id)} joined into one actor"
            seen[actor_id] = canonical
