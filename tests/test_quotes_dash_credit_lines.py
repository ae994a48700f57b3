"""Quotations credited by a dash line: the horizontal bar's tag and credit-line layouts."""

from __future__ import annotations

import pytest

from newstrail.actors import extract_mentions
from newstrail.adapters import article_from_text
from newstrail.quotes import extract_quotes


@pytest.fixture
def quotes_of(nlp):
    def run(text: str):
        article = article_from_text(text)
        doc = nlp(text)
        return extract_quotes(doc, article, extract_mentions(doc, article))

    return run


def _holding(quotes, fragment: str):
    hits = [q for q in quotes if fragment in q.content_text]
    assert hits, f"no quote holds {fragment!r}: {[q.content_text for q in quotes]}"
    return hits[0]


def test_the_horizontal_bar_is_tagged_as_a_dash_not_a_verb(nlp):
    # the small model reads U+2015 as a verb; the pipeline tags it as "—" is tagged
    doc = nlp("“The ferry will run all winter.” ― Ilse Marrow, harbour chief")
    bar = next(t for t in doc if t.text == "―")
    assert (bar.tag_, bar.pos_) == (":", "PUNCT")


def test_an_entity_run_across_a_spaced_horizontal_bar_is_cut_there(nlp):
    # the small model may run two names into one entity over a dash; U+2015 is a dash too
    from spacy.tokens import Span

    from newstrail.actors import _split_entities

    doc = nlp("Olena Varga ― Dario Pensky")
    whole = Span(doc, 0, len(doc), label="PERSON")
    assert [s.text for s in _split_entities([whole])] == ["Olena Varga", "Dario Pensky"]
