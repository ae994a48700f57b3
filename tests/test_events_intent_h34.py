"""Intent to cooperate, issue #7 (CAMEO 03, PLOVER AGREE): invented sentences only."""

from __future__ import annotations

import pytest

from newstrail.events import event_types


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a cooperative act one is ready, willing or prepared to do is the intent, not the act
        ("Norland is prepared to pull its troops back from the Velka border.", "AGREE"),
        ("Velka is prepared to free the detained Estovian sailors.", "AGREE"),
        ("Estovia vowed to pull its soldiers out of the valley by spring.", "AGREE"),
        # readiness for force is still a threat
        ("The Velka rebels said they were prepared to fight to the last man.", "THREATEN"),
    ],
)
def test_readiness_for_a_cooperative_act_is_intent(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a compromise or settlement concluded is an agreement concluded (CAMEO 057), as a deal is
        ("Velka and Norland negotiators hammered out a compromise on fishing quotas.", "SUPPORT"),
        ("The two Estovian parties reached a settlement over the disputed farmland.", "SUPPORT"),
    ],
)
def test_concluded_compromise_is_an_agreement_signed(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # an attempt is coded as the act attempted: "sought to block" blocks, it asks no one
        ("The Velka opposition sought to block the budget bill in the senate.", "REJECT"),
        ("Estovian rebels attempted to storm the governor's palace.", "ASSAULT"),
        # "seek" with an object, or "seek to have something done", is still a request
        ("Norland sought the extradition of the Velka banker.", "REQUEST"),
        ("The Estovian families are seeking to have the inquiry reopened.", "REQUEST"),
    ],
)
def test_attempt_is_the_act_attempted(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected
