"""Acceptance: every gold.json "dates" entry of the seeds resolves to its value.

Articles are built at test time from the seed files and the gold body lines (read from
../shared/seeds, never copied), with an OffsetMap, so spans are checked on the original text.
Undated seeds (000, 002) are dated by `infer_publication_dates` from the story gold.json gives
and then resolved against the inferred date or range.
"""

from __future__ import annotations

import pytest

from newstrail.model import Article, OffsetMap, content_id
from newstrail.timex import extract_timexes, infer_publication_dates

SEPARATOR = "\n\n"


def build_article(name: str, text: str, doc_gold: dict, published: str | None = None) -> Article:
    """An Article whose body is the gold body lines, mapped back to the original text."""
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    lines = text.splitlines()
    pieces, segments, pos = [], [], 0
    for number in sorted(doc_gold["body_lines"], key=int):
        i = int(number) - 1
        content = lines[i]
        if pieces:
            pos += len(SEPARATOR)
        segments.append((pos, starts[i], len(content)))
        pieces.append(content)
        pos += len(content)
    published = published or doc_gold.get("published")
    return Article(
        id=content_id(text), source=name, text=text, body=SEPARATOR.join(pieces),
        offsets=OffsetMap(tuple(segments)), published=published,
        published_how="metadata" if published else None,
    )


@pytest.fixture(scope="module")
def seed_articles(gold: dict, seed_texts: dict[str, str], nlp) -> dict[str, tuple[Article, object]]:
    """Seed number ("000") -> (article, spaCy doc of its body)."""
    dated = {"003": "2022-01-21", "004": "2022-01-12"}  # the publication dates the brief gives
    out = {}
    for name, text in seed_texts.items():
        key = name[:3]
        article = build_article(name, text, gold["documents"][name], dated.get(key))
        out[key] = (article, nlp(article.body))
    return out


@pytest.fixture(scope="module")
def resolved(seed_articles, gold: dict) -> dict[str, list]:
    """Seed number -> its TimeExprs, undated story members resolved on the inferred date."""
    items = [(a, extract_timexes(doc, a)) for a, doc in seed_articles.values()]
    story = gold["stories"]["one_story"]
    groups = {seed_articles[k][0].id: "story-1" for k in story}
    inferred = infer_publication_dates(items, groups)
    out = {}
    for key, (article, doc) in seed_articles.items():
        if article.id in inferred:
            value, _reason = inferred[article.id]
            article = Article.from_dict({**article.to_dict(), "published": value, "published_how": "inferred"})
        out[key] = extract_timexes(doc, article)
    return out


def test_undated_story_members_get_an_inferred_date(seed_articles, resolved, gold):
    items = [(a, extract_timexes(doc, a)) for a, doc in seed_articles.values()]
    groups = {seed_articles[k][0].id: "story-1" for k in gold["stories"]["one_story"]}
    inferred = infer_publication_dates(items, groups)
    assert set(inferred) == {seed_articles["000"][0].id, seed_articles["002"][0].id}
    for value, reason in inferred.values():
        assert value.startswith("2022-01") and reason


@pytest.mark.parametrize("index", range(10))
def test_gold_date(index, gold, seed_articles, resolved):
    entry = gold["dates"][index]
    article = seed_articles[entry["article"]][0]
    found = resolved[entry["article"]]
    texts = [(tx.text, tx.value) for tx in found]
    matching = [tx for tx in found if entry["text"] in tx.text]
    assert matching, f"{entry['text']!r} not recognised in {entry['article']}: {texts}"
    assert entry["value"] in [tx.value for tx in matching], f"{entry}: got {texts}"
    for tx in matching:  # provenance: the span is the expression in the original text
        assert article.text[tx.span.start:tx.span.end] == tx.text
