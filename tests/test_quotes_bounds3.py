"""Where reported content ends, round 3 (issue #4): an infinitive after an object content,
the question an asking verb puts, a possessive description of a name, the quotation after
an "adding that …" clause. Invented sentences."""

from __future__ import annotations

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
