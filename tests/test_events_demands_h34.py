"""Demands, issue #7 (CAMEO 10 and 11/12): invented sentences only."""

from __future__ import annotations

import pytest

from newstrail.events import event_types


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a demand that someone be punished or investigated, said with the verb, blames as the noun form does
        ("Velka activists urged the authorities to prosecute the police officers.", "ACCUSE"),
        ("The Norland opposition demanded that those responsible for the shooting be punished.", "ACCUSE"),
        ("Estovian lawmakers asked the justice ministry to investigate the arms deal.", "ACCUSE"),
        # a demand for anything else, or not to punish, stays a request
        ("The Velka union urged the government not to arrest the strikers.", "REQUEST"),
        ("Estovian lawmakers asked the ministry to release the budget figures.", "REQUEST"),
    ],
)
def test_demand_for_punishment_said_with_a_verb(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # accepting a result or a defeat yields (CAMEO 08), as rejecting it refuses (12)
        ("The Velka ruling party accepted the election results.", "CONCEDE"),
        ("The Norland opposition leader accepted defeat on Sunday night.", "CONCEDE"),
    ],
)
def test_result_accepted_is_a_concession(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected
