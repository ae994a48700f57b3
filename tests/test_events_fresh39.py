"""Event typing of forms found weak on fresh invented news sentences (issue #7, helper 39).

Every sentence here is invented wording with invented places and people.
"""

from __future__ import annotations

import pytest

from newstrail.events import event_types


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the noun "call(s) for": an appeal, whatever the act asked for
        ("There were mounting calls for the harbour commissioner to step down over the spill.", "REQUEST"),
        ("Calls for a general amnesty grew louder in Pellinor after the verdict.", "REQUEST"),
        # ... and a call for an inquiry is a charge, as the verb "called for an inquiry" is
        ("Calls for an inquiry into the collapse of the dam grew on Sunday.", "ACCUSE"),
        # a phone call is still no appeal
        ("The two leaders held a phone call on Friday to discuss the dispute.", "CONSULT"),
    ],
)
def test_noun_call_for(sentence: str, expected: str) -> None:
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # trade stopped cuts economic relations; it is no military retreat
        ("Varnholm stopped buying coal from its southern neighbour after the border clash.", "SANCTION"),
        ("The island has halted exporting timber to the mainland in a row over fishing rights.", "SANCTION"),
        # stopping force is still a retreat
        ("The rebels stopped shelling the town on Tuesday.", "RETREAT"),
    ],
)
def test_trade_stopped(sentence: str, expected: str) -> None:
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a gerund held out as possible is typed with its object or particle
        ("Varnholm raised the possibility of cutting trade ties with its neighbour over the spy affair.", "THREATEN"),
        ("Ministers floated the idea of cutting off electricity to the rebel districts.", "THREATEN"),
        # a cooperative act held out is no threat
        ("The envoy raised the possibility of reopening the consulate in Pellinor.", "not THREATEN"),
    ],
)
def test_prospect_of_gerund(sentence: str, expected: str) -> None:
    top = event_types(sentence)[0]
    assert top != expected[4:] if expected.startswith("not ") else top == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # debt written off is aid, however the parser hangs the "off"; "write off" is no letter whose
        # purpose clause would stand for it
        ("The lenders wrote off the island's debt to speed its recovery from the hurricane.", "AID"),
        ("Varnholm wrote off loans worth two billion crowns owed by its neighbour.", "AID"),
    ],
)
def test_debt_written_off(sentence: str, expected: str) -> None:
    assert event_types(sentence)[0] == expected
