"""A place the small model tags as a person ("in Kestria", "Kestria's minister") is found to be
a place by how the article uses it; the people whose titles it possesses then serve it.
Invented sentences and invented places."""

from __future__ import annotations

import pytest

from newstrail.actors import extract_mentions
from newstrail.adapters import article_from_text


def _mentions(nlp, text: str):
    article = article_from_text(text, "2031-02-10")
    return extract_mentions(nlp(article.body), article)


def _people(nlp, text: str) -> dict[str, str | None]:
    return {m.text: m.affiliation for m in _mentions(nlp, text) if m.kind == "person"}


PLACE_USED = "Talks on the canal resumed in Brannoch on Monday. "


@pytest.mark.parametrize("text, person", [
    (PLACE_USED + "Brannoch's Transport Minister Ottilie Haraldsen left without a word.", "Ottilie Haraldsen"),
    (PLACE_USED + "Brannoch's government spokesman, Sven Aulin, called the delay regrettable.", "Sven Aulin"),
])
def test_a_title_the_place_possesses_gives_its_affiliation(nlp, text, person):
    assert _people(nlp, text)[person] == "Brannoch"


def test_the_place_is_no_person(nlp):
    text = PLACE_USED + "Brannoch's government spokesman, Sven Aulin, called the delay regrettable."
    kinds = {m.text: m.kind for m in _mentions(nlp, text)}
    assert kinds.get("Brannoch") in (None, "country")


def test_a_persons_possession_is_no_affiliation(nlp):
    """A one-word name never used as a place keeps its person reading: "Haraldsen's spokesman"
    works for Haraldsen, and is given no state."""
    text = ("Ottilie Haraldsen arrived late. Haraldsen's spokesman, Sven Aulin, said she had been "
            "delayed by fog.")
    assert _people(nlp, text)["Sven Aulin"] is None
