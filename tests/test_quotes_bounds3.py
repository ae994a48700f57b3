"""Where reported content ends, round 3 (issue #4): an infinitive after an object content,
the question an asking verb puts, a possessive description of a name, the quotation after
an "adding that …" clause. Invented sentences."""

from __future__ import annotations

import pytest

from quote_helpers import holding as _holding


def test_an_infinitive_after_an_object_content_goes_with_it(quotes_of):
    # the parser hangs "to help …" on "proposed"; it says what the funds are for
    text = "The minister proposed nine million crowns in new funds to help the island schools hire teachers."
    q = _holding(quotes_of(text), "nine million crowns")
    assert q.content_text == "nine million crowns in new funds to help the island schools hire teachers"


def test_a_comma_set_infinitive_stays_the_writers(quotes_of):
    # after a comma the infinitive tells why the speaker acted, not what was criticized
    text = "Kaller criticized the port authority, to win back the votes of the night fishermen."
    q = _holding(quotes_of(text), "the port authority")
    assert q.content_text == "the port authority"


def test_the_question_asked_is_the_content_not_the_addressee(quotes_of):
    # the parser makes the if-clause a condition on "asked"; it is the question put
    text = "During the visit, Berg asked the harbour workers if they planned to join the strike."
    q = _holding(quotes_of(text), "join the strike")
    assert q.content_text == "if they planned to join the strike" and q.cue_text == "asked"
    assert not any(q.content_text == "the harbour workers" for q in quotes_of(text))


@pytest.mark.parametrize("text, start, content", [
    # "at" gives the amount the estimate puts on the object
    ("The agency estimated the mayor's fortune at about nine million crowns.", "the mayor",
     "the mayor's fortune at about nine million crowns"),
    # "from" gives where the reported income came from
    ("Novak reported two million crowns in income from a stake in the ferry line.", "two million",
     "two million crowns in income from a stake in the ferry line"),
])
def test_an_at_or_from_phrase_after_an_object_goes_with_it(quotes_of, text, start, content):
    assert _holding(quotes_of(text), start).content_text == content


def test_a_setting_at_phrase_after_an_object_stays_out(quotes_of):
    q = _holding(quotes_of("Kaller thanked the volunteers at a rally in the old harbour."), "volunteers")
    assert q.content_text == "the volunteers"


@pytest.mark.parametrize("text, content", [
    ("In the interview she kept referring to Anna Berg, her former chief of staff.", "Anna Berg"),
    ("The ferry union mostly ignored Jan Kaller, Berg's most stubborn rival.", "Jan Kaller"),
])
def test_a_possessive_description_of_a_name_is_the_writers(quotes_of, text, content):
    # "her former chief of staff" tells the reader who Berg is; what was referred to is Berg
    assert _holding(quotes_of(text), content).content_text == content


@pytest.mark.parametrize("text, content", [
    # a comma-set relative clause on what a stance noun is about is the writer's
    ("Mayor Berg has long been a fierce critic of the ferry levy, which the council passed last spring.",
     "the ferry levy"),
    # so is a description of the name the stance is about
    ("The union spoke out in support of Kaller, the new chair of the harbour board.", "Kaller"),
])
def test_a_stance_nouns_content_drops_a_closing_aside(quotes_of, text, content):
    assert _holding(quotes_of(text), content.split()[-1]).content_text == content
