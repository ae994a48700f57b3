"""Event typing of force held out as possible, stern handling promised, and a few CAMEO words
(issue #7, second round). Invented sentences only."""

from __future__ import annotations

import pytest

from newstrail.events import event_types


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a deployment said to be possible is force held out (CAMEO 138), none moved yet
        ("Velka could send troops into the enclave, its defence minister said.", "THREATEN"),
        ("Estovia may deploy more warships to the strait next month.", "THREATEN"),
        # a deployment done, or one announced as decided, stays a show of force
        ("Velka sent troops into the enclave on Sunday.", "MOBILIZE"),
        ("Velka will deploy two more battalions to the border next week.", "MOBILIZE"),
    ],
)
def test_possible_deployment_is_a_threat(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected
