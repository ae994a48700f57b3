"""PLOVER typing of CAMEO sub-categories the lexicon missed (issue #7), on invented sentences."""

from __future__ import annotations

import pytest

from newstrail.events import event_types


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Militiamen raped several women when they overran the hamlet.", "ASSAULT"),
        ("Witnesses said soldiers were raping villagers during the sweep.", "ASSAULT"),
        ("The tabloid rapped the coach for his team's poor form.", "ACCUSE"),
        ("Two bloggers were caned in public for insulting the emir.", "COERCE"),
    ],
)
def test_lemmatizer_slips_fixed_by_the_surface_form(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("A police patrol came under fire near the old quarry on Sunday.", "ASSAULT"),
        ("The airbase came under heavy rocket attack overnight.", "ASSAULT"),
        ("The mayor came under fire for his handling of the floods.", "ACCUSE"),
    ],
)
def test_coming_under_attack_is_an_attack(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The opposition alliance walked out of the negotiations on Thursday.", "SANCTION"),
        ("Talvia withdrew from the national dialogue, citing bad faith.", "SANCTION"),
        ("The separatists pulled out of the peace talks in protest.", "SANCTION"),
        ("Talvia withdrew from the nuclear deal.", "REJECT"),
        ("The battalion withdrew from the town overnight.", "RETREAT"),
    ],
)
def test_leaving_negotiations_halts_them(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Aid groups were expelled from the eastern districts by the army.", "SANCTION"),
        ("The authorities told foreign aid agencies to leave the country.", "SANCTION"),
        ("The regime expelled the UN monitors.", "SANCTION"),
        ("The junta expelled three foreign reporters.", "COERCE"),
        ("The emirate expelled 300 foreign workers.", "COERCE"),
        ("The regime expelled humanitarian aid workers from the valley.", "SANCTION"),
    ],
)
def test_expelling_a_mission_is_a_sanction(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the tail of a hyphenated object is no phrase partner: "live-fire drills" hold no "hold fire"
        ("The coastguard will hold live-fire drills off the northern cape.", "MOBILIZE"),
        ("Both militias agreed to hold fire over the holiday.", "AGREE"),
        # a verb's own infinitive marker is no "to" partner: "to protest prices" is no "protested to"
        ("Bus drivers blocked streets in the capital to protest fuel prices.", "PROTEST"),
        ("Talvia protested to the Norland embassy over the border incident.", "ACCUSE"),
    ],
)
def test_phrase_partners_are_separate_words(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The ministry said it would not rule out banning the movement.", "THREATEN"),
        ("The cabinet has not ruled out a ban on the party.", "THREATEN"),
        ("The envoy did not rule out further talks with the rebels.", "CONSULT"),
        ("The cabinet ruled out talks with the rebels.", "REJECT"),
    ],
)
def test_not_ruling_out_keeps_an_act_possible(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The premier vowed tough action against the looters.", "THREATEN"),
        ("The governor promised a crackdown on the gangs.", "THREATEN"),
        ("The insurgents vowed more attacks on the capital.", "THREATEN"),
        ("The interior minister pledged swift punishment for those responsible.", "THREATEN"),
        ("The donors pledged more aid to the flooded valley.", "AID"),
        ("The new leader promised reforms and fresh elections.", "AGREE"),
    ],
)
def test_a_vowed_conflictual_noun_is_a_threat(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Talvia handed over 40 military trucks to the Norland army on Friday.", "AID"),
        ("The charity flew tents and blankets to families left homeless by the storm.", "AID"),
        ("Japan donated twenty patrol boats to the coast guard.", "AID"),
        ("Militants sent trucks packed with explosives into the town.", "ASSAULT"),
    ],
)
def test_relief_goods_and_vehicles_given_are_aid(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the passive subject of a verb of making known is the happening, not a speaker
        ("The suspension of budget support was announced by the donors on Monday.", "SANCTION"),
        ("The pull-out of the brigade was announced on state radio.", "RETREAT"),
        ("The opposition said the count was rigged.", "ACCUSE"),
    ],
)
def test_what_was_announced_is_the_happening(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The cabinet firmly rejected the envoy's remarks about the border dispute.", "ACCUSE"),
        ("The ministry dismissed the senator's comments on the trade row.", "ACCUSE"),
        ("The cabinet rejected the envoy's offer of talks.", "REJECT"),
        ("The ministry denied the allegations of torture.", "REJECT"),
    ],
)
def test_rejecting_another_s_words_disapproves_of_them(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The new premier said her government would seek peace with the northern rebels.", "AGREE"),
        ("Both leaders are seeking a negotiated settlement to the feud.", "AGREE"),
        ("The villagers sought refuge in the hills.", "REQUEST"),
    ],
)
def test_seeking_peace_is_an_intent_to_settle(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The country received a UN peacekeeping force last spring.", "RETREAT"),
        ("The junta accepted international election observers.", "RETREAT"),
        ("The junta allowed UN inspectors into the country.", "RETREAT"),
        ("Talvia withdrew its observers from the mission.", "SANCTION"),
        ("Talvia accepted 500 refugees from the camps.", "AID"),
    ],
)
def test_letting_a_foreign_presence_in_yields(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Talvia has halted all imports of Norland wine.",
        "Talvia suspended trade with its neighbour over the dispute.",
        "The ministry stopped exports of wheat to Norland.",
    ],
)
def test_trade_stopped_is_a_sanction(sentence, nlp):
    assert event_types(sentence)[0] == "SANCTION"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The report found that police had used excessive force against the marchers.", "ACCUSE"),
        ("An inquiry concluded that the army had shelled residential areas.", "ACCUSE"),
        ("The minister said the rebels had shelled residential areas.", "ASSAULT"),
        ("The panel found that the aid had reached the villages.", "AID"),
    ],
)
def test_a_fact_finding_body_that_finds_wrongdoing_accuses(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The senator attacked the governor over his handling of the floods.", "ACCUSE"),
        ("Gunmen attacked the village over a land dispute.", "ASSAULT"),
        ("The government blocked the opposition rally.", "COERCE"),
        ("Farmers blocked the road with their tractors.", "PROTEST"),
    ],
)
def test_words_attacked_and_rallies_blocked(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The premier said there would be no more talks with the militia.",
        "The donors said there would be no further aid for the ministry.",
    ],
)
def test_no_more_negates_the_act(sentence, nlp):
    assert event_types(sentence)[0] == "REJECT"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Talvia needs to release the detainees, the UN envoy said.", "REQUEST"),
        ("The junta has to lift the blockade, aid groups said.", "REQUEST"),
        ("The rebels had to withdraw from the town after heavy losses.", "RETREAT"),
        ("We need to withdraw our troops, the minister said.", "RETREAT"),
    ],
)
def test_needing_to_is_an_obligation_for_another(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The league voiced its firm rejection and sharp condemnation of the premier's declaration.", "ACCUSE"),
        ("The league voiced its rejection of the premier's remarks.", "ACCUSE"),
        ("The league voiced its rejection of the peace proposal.", "REJECT"),
    ],
)
def test_rejection_of_an_opinion_disapproves(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The lobby group has led the attacks on the senator, the new press law and her donors.", "ACCUSE"),
        ("Gunmen led the attacks on the barracks and the police station.", "ASSAULT"),
    ],
)
def test_verbal_attack_on_any_conjoined_target(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry dispatched an emergency convoy to the flooded town.",
        "The agency delivered emergency shelters to the valley.",
    ],
)
def test_goods_of_a_relief_kind_given_are_aid(sentence, nlp):
    assert event_types(sentence)[0] == "AID"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The bombing of the bus depot was the deadliest attack this year.", "ASSAULT"),
        ("The new decree is an attack on press freedom.", "ACCUSE"),
    ],
)
def test_an_attack_named_as_one_is_no_verbal_attack(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Rioters set cars on fire and smashed shop windows in the old town.", "PROTEST"),
        ("Protesters torched a police station in the capital.", "PROTEST"),
        ("Militants torched a police station.", "ASSAULT"),
        ("A mob lynched a man accused of theft.", "ASSAULT"),
    ],
)
def test_a_crowd_damaging_property_riots(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Talvian coast guards seized a fishing trawler and its crew in disputed waters.", "COERCE"),
        ("The navy seized an oil tanker in the strait.", "COERCE"),
        ("Pirates seized a cargo ship off the coast.", "ASSAULT"),
    ],
)
def test_ships_seized_by_the_state_are_confiscated(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected
