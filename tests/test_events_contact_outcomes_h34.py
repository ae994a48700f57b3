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


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a meeting closed without the outcome it sought failed to agree (CAMEO 12), as "failed to reach a deal"
        ("The negotiations in Velka ended without agreement after the Estovian side left.", "REJECT"),
        ("Three rounds of talks on the dam concluded without a breakthrough on Thursday.", "REJECT"),
        ("The Norland summit ended in deadlock over the fishing quotas.", "REJECT"),
        # a meeting that simply ended stays a meeting
        ("The talks between Velka and Norland ended on Thursday evening.", "CONSULT"),
    ],
)
def test_meeting_ended_without_outcome(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # an activity shared with another party, cancelled or halted, is cooperation reduced (CAMEO 16)
        ("Norland cancelled its joint naval exercises with Velka.", "SANCTION"),
        ("Estovia halted joint border patrols with Norland.", "SANCTION"),
        ("Velka suspended bilateral talks with Estovia.", "SANCTION"),
    ],
)
def test_shared_activity_cancelled(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a bare participle clause on a contact says what came of it, as "and …" does
        ("The Velka president met his Norland counterpart on Monday, agreeing to reopen the border crossing.", "AGREE"),
        ("The Estovian minister visited Velka on Tuesday, signing three trade deals.", "SUPPORT"),
        ("The Norland envoy met rebel commanders in the hills, urging them to accept the truce.", "REQUEST"),
        ("The Velka premier hosted the Norland leader and praised his part in the peace process.", "SUPPORT"),
        # a participle with its own marker only dates the contact
        ("The Velka president met the Norland envoy before leaving for the coast.", "CONSULT"),
    ],
)
def test_participle_outcome_of_a_contact(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected
