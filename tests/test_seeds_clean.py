"""Acceptance: cleaning the five seed articles keeps every gold body line and drops the furniture.

Gold line numbers (1-based) are mapped to the seed files at run time; no seed text is copied here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrail.clean import clean_article
from newstrail.model import RawArticle

SEED_IDS = ["000", "001", "002", "003", "004"]


@pytest.fixture(scope="module")
def cleaned(seeds_dir: Path, seed_texts: dict[str, str]) -> dict[str, tuple]:
    out = {}
    for name, text in seed_texts.items():
        article = clean_article(RawArticle(source=str(seeds_dir / name), text=text))
        out[name[:3]] = (name, text, article)
    return out


def _line(text: str, number: str) -> str:
    return text.split("\n")[int(number) - 1].strip(" \u00a0")


def _body_lines(article) -> set[str]:
    return {p.strip() for p in article.body.split("\n\n")}


@pytest.mark.parametrize("seed", SEED_IDS)
def test_gold_body_lines_kept(seed, cleaned, gold):
    name, text, article = cleaned[seed]
    body = _body_lines(article)
    missing = [n for n in gold["documents"][name]["body_lines"] if _line(text, n) not in body]
    assert not missing, f"{name}: body lines dropped: {missing}"


@pytest.mark.parametrize("seed", SEED_IDS)
def test_gold_boilerplate_dropped(seed, cleaned, gold):
    name, text, article = cleaned[seed]
    body = _body_lines(article)
    kept = [n for n in gold["documents"][name]["boilerplate_lines"] if _line(text, n) in body]
    assert not kept, f"{name}: boilerplate lines kept: {kept}"


@pytest.mark.parametrize("seed", SEED_IDS)
def test_dek_found_once(seed, cleaned, gold):
    name, text, article = cleaned[seed]
    for number in gold["documents"][name]["dek_lines"]:
        line = _line(text, number)
        assert article.dek, f"{name}: no dek"
        assert article.dek in line and len(article.dek) >= len(line) // 2, f"{name}: dek {article.dek!r}"
        assert article.dek not in article.body, f"{name}: dek repeated in the body"


@pytest.mark.parametrize("seed", SEED_IDS)
def test_title_found_and_not_in_body(seed, cleaned, gold):
    name, text, article = cleaned[seed]
    title = gold["documents"][name]["title"]
    assert article.title == title
    assert title not in _body_lines(article)


@pytest.mark.parametrize("seed", SEED_IDS)
def test_publication_date_found_never_invented(seed, cleaned, gold):
    name, _, article = cleaned[seed]
    expected = gold["documents"][name]["published"]
    assert article.published == expected
    assert article.published_how == ("text" if expected else None)


@pytest.mark.parametrize("seed", ["002", "003", "004"])
def test_machine_translation_flag(seed, cleaned):
    _, _, article = cleaned[seed]
    assert ("machine_translated" in article.flags) == (seed == "002")


@pytest.mark.parametrize("seed", SEED_IDS)
def test_body_maps_back_to_original(seed, cleaned):
    _, text, article = cleaned[seed]
    assert article.text == text
    start = 0
    for paragraph in article.body.split("\n\n"):
        span = article.body_span(start, start + len(paragraph))
        assert text[span.start : span.end] == paragraph
        start += len(paragraph) + 2


@pytest.mark.parametrize("seed", ["002", "004"])
def test_outlet_named_by_the_text(seed, cleaned, gold):
    name, _, article = cleaned[seed]
    assert article.outlet == gold["documents"][name]["outlet"]
