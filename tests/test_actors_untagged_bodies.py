"""Bodies the small model does not tag: named once in full, then called by their head noun.
Invented sentences and invented bodies."""

from __future__ import annotations

from newstrail.actors import extract_mentions
from newstrail.adapters import article_from_text
from newstrail.events import extract_stances
from newstrail.quotes import extract_quotes


def _article(nlp, text: str):
    article = article_from_text(text, "2031-02-10")
    doc = nlp(article.body)
    return article, doc, extract_mentions(doc, article)


def _keys(nlp, text: str) -> dict[str, str]:
    return {m.text: m.key for m in _article(nlp, text)[2] if m.kind == "organisation"}


BODY = "The Upper Selka Growers' Federation voted to stop deliveries on Monday. "


def test_a_named_body_and_its_head_noun_are_one_actor(nlp):
    keys = _keys(nlp, BODY + "The federation said its members would not sell below cost.")
    assert keys["Upper Selka Growers' Federation"] == "Upper Selka Growers' Federation"
    assert keys["The federation"] == "Upper Selka Growers' Federation"


def test_a_head_noun_with_words_after_it_is_another_body(nlp):
    keys = _keys(nlp, BODY + "The federation of millers in the south stayed silent.")
    assert "The federation" not in keys


def test_a_head_noun_with_no_body_named_before_is_no_one(nlp):
    assert "The federation" not in _keys(nlp, "The federation said its members would not sell below cost.")


def test_a_demanding_cue_makes_a_demand_whatever_its_object_says(nlp):
    text = BODY + ("The federation is demanding a fixed price for five years and a written guarantee "
                   "that no farm will lose its water quota.")
    article, doc, mentions = _article(nlp, text)
    quotes = extract_quotes(doc, article, mentions)
    stances = {(s.actor, s.stance) for s in extract_stances(doc, article, mentions, quotes, [])}
    assert ("Upper Selka Growers' Federation", "demand") in stances
    assert ("Upper Selka Growers' Federation", "commit") not in stances


def test_a_title_case_headline_names_no_body(nlp):
    keys = _keys(nlp, "Mayor Slams Harbour Board Over Ferry Fares\n\nThe mayor spoke on Monday.")
    assert not any("Board" in k for k in keys)
