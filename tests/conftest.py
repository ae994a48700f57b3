"""Shared fixtures: tiny on purpose. The seeds are read from ../shared/seeds, never copied."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The seed articles; a missing folder is a failure that names the path, not a skip."""
    if not (SEEDS / "gold.json").is_file():
        pytest.fail(f"seed articles not found at {SEEDS} (the acceptance tests read them from there)")
    return SEEDS


@pytest.fixture(scope="session")
def gold(seeds_dir: Path) -> dict:
    return json.loads((seeds_dir / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_texts(seeds_dir: Path) -> dict[str, str]:
    """Seed file name -> its text, exactly as on disk."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))}


@pytest.fixture(scope="session")
def nlp():
    from newstrail.nlp import load_nlp

    return load_nlp()


@pytest.fixture
def quotes_of(nlp):
    """``quotes_of(text)``: the quotes of an invented text, each span checked to be evidence
    in the original text (the content's characters are the content's text)."""
    from newstrail.actors import extract_mentions
    from newstrail.adapters import article_from_text
    from newstrail.quotes import extract_quotes

    def run(text: str):
        article = article_from_text(text)
        doc = nlp(text)
        found = extract_quotes(doc, article, extract_mentions(doc, article))
        for q in found:
            assert article.text[q.content.start : q.content.end] == q.content_text
            if q.speaker is not None and q.speaker_text:
                assert q.speaker.end > q.speaker.start
        return found

    return run
