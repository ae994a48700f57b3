"""What a meeting, visit or call did, when the sentence says it (issue #7): invented sentences only."""

from __future__ import annotations

import pytest

from newstrail.events import event_types


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a meeting that decided on an act is reported for the act decided on
        ("The Velka cabinet met on Monday and decided to expel two Estovian attaches.", "SANCTION"),
        ("Donor governments met in Oslo and voted to suspend budget support to Norland.", "SANCTION"),
        ("The parliament voted to suspend military aid to the junta.", "SANCTION"),
        # a meeting with no stated outcome stays a meeting
        ("The Velka cabinet met on Monday to review the budget.", "CONSULT"),
    ],
)
def test_meeting_that_decided_an_act(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected
