"""Two clauses joined by a semicolon, each with its own subject, are two holders' stances
(the parser hangs one below the other). Invented sentences."""

from __future__ import annotations

from newstrail.actors import extract_mentions
from newstrail.adapters import article_from_text
from newstrail.events import extract_stances


def _stances(nlp, text: str) -> set[tuple[str, str]]:
    article = article_from_text(text, "2031-02-10")
    doc = nlp(article.body)
    mentions = extract_mentions(doc, article)
    return {(s.actor, s.stance) for s in extract_stances(doc, article, mentions, [], [])}


def test_each_side_of_a_semicolon_has_its_own_holder(nlp):
    found = _stances(nlp, "Norway wants a guaranteed quota of 400 tonnes a year; Sweden has offered 250.")
    assert ("Norway", "demand") in found
    assert ("Sweden", "demand") not in found


def test_a_semicolon_list_without_subjects_stays_one_sentence(nlp):
    found = _stances(nlp, "Norway demands three things: a quota; a monitoring station; and a court of appeal.")
    assert found == {("Norway", "demand")}
