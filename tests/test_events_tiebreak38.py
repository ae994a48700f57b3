"""PLOVER typing between close candidates (issue #7, helper 38): invented sentences only.

Each sentence has two lexicon types within 0.3 of each other (or a weak lexicon the
description similarity overrules), and the decision that the lexicon plus description
similarity makes is the codebook's: these guard the tie-break against later weight changes.
"""

from __future__ import annotations

import pytest

from newstrail.events import event_types


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # an exact lexicon tie (a joint operation against traffickers) broken by the description
        ("Police from both states launched a joint operation against the traffickers.", "COOPERATE"),
        # the attack itself, not the truce it broke
        ("A suicide bomber struck a crowded market despite the truce.", "ASSAULT"),
        # a strike is dissent, not a refusal
        ("Workers at the port went on strike over unpaid wages.", "PROTEST"),
        # an offer to disarm is a promise (AGREE), not yet the disarming
        ("The militia offered to hand over its weapons in exchange for an amnesty.", "AGREE"),
        # an envoy recalled "in protest" reduces relations; the protest is its motive
        ("Dravia recalled its ambassador from Kestria in protest at the shooting.", "SANCTION"),
        # weak lexicon, relief goods carried: the description's aid reading wins
        ("Three lorries loaded with blankets and bottled water left for the flooded district on Monday.", "AID"),
        ("Cargo planes packed with food and medical kits landed in the quake-hit province.", "AID"),
    ],
)
def test_close_decisions(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected
