"""PLOVER typing decisions (issue #7, helper 37): invented sentences only."""

from __future__ import annotations

import pytest

from newstrail.events import event_types


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # soldiers called up, called in or called to duty are mustered (MOBILIZE), not asked
        ("The defence ministry called up 5,000 reservists as the crisis deepened.", "MOBILIZE"),
        ("Thousands of reservists were called to duty.", "MOBILIZE"),
        # ... and held out as possible, the mustering threatens (CAMEO 138)
        ("The mayor said he could call in troops if the looting continued.", "THREATEN"),
        # "call on" keeps its appeal
        ("The mayor called on troops to protect the hospital.", "REQUEST"),
    ],
)
def test_called_up(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # an act noun that "could follow" or stays "on the table" is held out (THREATEN)
        ("Diplomats said fresh sanctions could follow if the vote was rigged again.", "THREATEN"),
        ("Military action remains on the table, the defence secretary said.", "THREATEN"),
        ("Punitive tariffs may follow unless the dispute is settled.", "THREATEN"),
        # ... but sanctions that came into force are imposed
        ("New sanctions on the central bank came into force on Friday.", "COERCE"),
        # military action weighed threatens; begun, it is the attack
        ("Velmora is weighing military action against the smugglers' camps.", "THREATEN"),
        ("Military action against the militia began at dawn, officials said.", "ASSAULT"),
    ],
)
def test_force_held_out(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # restrictions on a trade flow reduce economic relations (SANCTION), as an import ban does
        ("Marovia imposed restrictions on exports of rice to its neighbour.", "SANCTION"),
        ("Tarsis tightened curbs on imports of Velmoran steel.", "SANCTION"),
        # a message, show or expression of a stance is that stance
        ("Expressions of sympathy came from leaders across the region.", "SUPPORT"),
        ("Messages of support poured in for the jailed activist.", "SUPPORT"),
        # what must be avoided did not happen: the appeal is the event
        ("The envoy said a wider war must be avoided at all costs.", "REQUEST"),
    ],
)
def test_decisions(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a coercive measure prolonged, or said to be extended in the passive, is announced anew
        ("The military council said it would prolong the state of emergency in the eastern provinces.", "THREATEN"),
        ("Authorities said the lockdown of the port city would be extended by two weeks.", "THREATEN"),
        # force that an act "would draw" is held out
        ("Kestria told Marovia that any further provocation would draw a swift military response.", "THREATEN"),
        # followers urged to turn out for a march are called to dissent (CAMEO 133)
        ("Organisers urged their followers online to turn out for a march against the new tax.", "THREATEN"),
        # a lockdown in place stays coercion
        ("The authorities imposed a lockdown on the port city.", "COERCE"),
    ],
)
def test_held_out_by_its_carrier(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # giving oneself up or handing in arms yields
        ("The wanted militia commander turned himself in to the police.", ("CONCEDE", "RETREAT")),
        ("Fighters turned in hundreds of guns to the monitors.", ("RETREAT",)),
        # customs duties cut are eased trade restrictions, as cut tariffs are
        ("The government cut import duties on rice from 20 percent to 10 percent.", ("CONCEDE",)),
        # a paper ordered to stop publishing is censored (CAMEO 17), as one ordered to suspend publication
        ("A regional court ordered the newspaper to stop publishing for a month.", ("COERCE",)),
    ],
)
def test_yielding_and_silencing(sentence, expected, nlp):
    assert event_types(sentence)[0] in expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # pressing on or pushing ahead with an act is the act going on, not an appeal
        ("Army units pressed on with their offensive against rebel positions.", "ASSAULT"),
        ("The government pushed ahead with the evictions despite the court ruling.", "COERCE"),
        # pressing someone, or pushing for something, still asks
        ("The envoy pressed the rebels to accept the deal.", "REQUEST"),
        ("Kestria pushed for a ceasefire.", "REQUEST"),
    ],
)
def test_pressing_on(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a relative clause set off by commas is background: the main clause's act wins
        ("The agency, which was expelled from the region last year, resumed food deliveries on Monday.", "AID"),
        ("The militants, who killed ten soldiers in an ambush last month, were arrested in a dawn raid.", "COERCE"),
        # deliveries and convoys of food, aid or medicine are aid; suspended or halted, aid cut off
        ("Food deliveries to the besieged district resumed after a two-week pause.", "AID"),
        ("The UN suspended aid deliveries after the attack.", "SANCTION"),
        ("Donors suspended food deliveries to the region over theft by local officials.", "SANCTION"),
        ("Gunmen ambushed a relief convoy on the main highway.", "ASSAULT"),
    ],
)
def test_asides_and_deliveries(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # put out of the country, or ordered out in the passive, a mission's people are expelled (CAMEO 166)
        ("Velmora threw out the Kestrian envoy over comments about the result.", "SANCTION"),
        ("Two weapons inspectors have been ordered out of the country.", "SANCTION"),
        ("The junta kicked out foreign journalists.", "COERCE"),
        # a case or proposal thrown out is rejected
        ("The court threw out the case.", "REJECT"),
    ],
)
def test_put_out(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # "hangs over" hangs no one: the threat is the subject's
        ("The threat of new curbs on trade hangs over the talks.", "THREATEN"),
        ("Three activists were hanged at dawn.", "COERCE"),
        # a halt to sales or supplies to another cuts relations; a halt to one's own offensive de-escalates
        ("Ostrand ordered a halt to all arms sales to Velmora.", "SANCTION"),
        ("The army announced a halt to its offensive.", "RETREAT"),
    ],
)
def test_halts_and_hangs(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected
