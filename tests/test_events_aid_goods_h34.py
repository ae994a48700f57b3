"""Relief goods arriving or carried to those in need are aid (issue #7, CAMEO 07): invented sentences only."""

from __future__ import annotations

import pytest

from newstrail.events import event_types


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # goods as the subject of an arrival: aid delivered, not a visit
        ("Forty tonnes of flour arrived in Velka on Sunday.", "AID"),
        ("Lorries carrying tents and blankets reached the flooded district of Norland.", "AID"),
        ("A convoy loaded with medicine arrived in the besieged Estovian town.", "AID"),
        # a person arriving is still a visit; arriving arms are no relief
        ("The Norland foreign minister arrived in Velka on Sunday.", "CONSULT"),
        ("A military convoy carrying rifles arrived in the border town.", "MOBILIZE"),
        # verbs of carrying relief goods, and giving verbs outside the lexicon, with money or goods
        ("The coast guard ferried drinking water and generators to the stricken islands.", "AID"),
        ("Velka has spent $30 million on shelters for families displaced by the floods.", "AID"),
    ],
)
def test_relief_goods_arriving_or_carried(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


def test_relief_kind_on_a_compound_modifier(nlp):
    # the kind of thing given ("medical") may modify a compound ("evacuation") rather than the noun itself
    assert event_types("Norland is adding a medical evacuation helicopter to the Velka relief fleet.")[0] == "AID"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # debt relief is economic aid to the debtor (CAMEO 071)
        ("Norland has cancelled $2 billion of Velka's debt.", "AID"),
        ("Estovia wrote off the loans it had made to Velka in the 1990s.", "AID"),
        # a loan cancelled before it is paid out is aid cut off
        ("Norland cancelled the loan to Velka after the coup.", "SANCTION"),
        # facilities made for those in need, and care given, are aid (CAMEO 073)
        ("Norland engineers dug wells in drought-stricken Velka villages.", "AID"),
        ("Hundreds of Velka volunteers cared for the injured.", "AID"),
        ("Norland nurses immunized 40,000 children in the camps against measles.", "AID"),
    ],
)
def test_debt_relief_facilities_and_care(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a hospital ship or field hospital sent is relief, as a medical team is
        ("Norland has dispatched a hospital ship to the quake-hit Velka coast.", "AID"),
        # an occupation of territory is the use of force (CAMEO 192), as "occupied" is
        ("The occupation of the Velka valley by Estovian troops entered its third year.", "ASSAULT"),
    ],
)
def test_hospital_sent_and_occupation(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected
