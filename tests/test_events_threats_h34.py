"""Threats, issue #7 (CAMEO 13): invented sentences only."""

from __future__ import annotations

import pytest

from newstrail.events import event_types


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # an appeal to hold a protest calls up dissent (CAMEO 133), whichever light verb holds it
        ("The Velka opposition called on its supporters to stage a general strike on Monday.", "THREATEN"),
        ("Norland activists urged residents to hold a vigil outside the ministry.", "THREATEN"),
        # an appeal to end a protest is a request
        ("The Velka union urged its members to end the strike.", "REQUEST"),
    ],
)
def test_appeal_to_hold_a_protest(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a deadline given to people named by their role is an ultimatum; the role noun is its addressee
        ("The Velka government gave the strikers until Monday to return to work.", "THREATEN"),
        ("Norland gave the demonstrators one hour to clear the square.", "THREATEN"),
        # an event noun as the object still names the happening
        ("The Velka president granted a pardon to the jailed editor.", "CONCEDE"),
    ],
)
def test_deadline_given_to_participants(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # weighing whether to act holds the act out, as "is considering" does; "whether" sets no condition
        ("Norland is weighing whether to expel three Velka attaches.", "THREATEN"),
        ("The Estovian cabinet is debating whether to impose sanctions on Velka.", "THREATEN"),
    ],
)
def test_weighing_whether_to_act(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected
