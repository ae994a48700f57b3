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


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # action or measures promised against someone are a penalty held out
        ("The minister said the government would take action against those spreading false rumours.", "THREATEN"),
        ("The cabinet said it will take stern measures against the striking dockers.", "THREATEN"),
        # the verb "deal" is handling: sternly promised it threatens, otherwise it is no deal struck
        ("Police said they would deal firmly with anyone breaking the curfew in Velka.", "THREATEN"),
        ("The president said looters would be dealt with harshly.", "THREATEN"),
        ("Norland and Estovia signed a deal on fishing rights.", "SUPPORT"),
    ],
)
def test_stern_handling_promised_is_a_threat(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


def test_dealing_with_a_problem_is_no_agreement(nlp):
    from newstrail.events import trigger_scores
    from newstrail.nlp import parse

    doc = parse("Velka's leaders struggled to deal with the rising prices.")
    assert not [t for t in trigger_scores(doc[:]) if t.token.lower_ == "deal"]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Army officers removed the elected president of Estovia in a pre-dawn putsch.", "COERCE"),
        ("Government troops repelled a rebel assault on the Velka airport.", "ASSAULT"),
        ("The committee subpoenaed the former minister's bank records.", "ACCUSE"),
    ],
)
def test_cameo_words_added(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # repression (CAMEO 17) and fighting (CAMEO 19) words from the codebook's verb lists
        ("The junta has oppressed the northern minority for decades.", "COERCE"),
        ("The interior ministry proscribed the separatist movement.", "COERCE"),
        ("Guards mistreated the detainees, the report said.", "COERCE"),
        ("Government forces routed the rebels near the river crossing.", "ASSAULT"),
        ("Troops dislodged the militants from the hilltop village.", "ASSAULT"),
        ("Bandits waylaid a convoy of traders on the mountain road.", "ASSAULT"),
        # defamation charged is disapproval (CAMEO 11)
        ("The senator said the tabloid had defamed her family.", "ACCUSE"),
    ],
)
def test_repression_fighting_and_defamation_words(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # what came of a meeting, said by a conjoined verb, is what happened in it
        ("The two leaders met in Velka and agreed to resume direct flights.", "AGREE"),
        ("Norland and Estovia held talks on Monday and signed an accord on river water.", "SUPPORT"),
        # a question put in the talk is no request: the meeting stays the event
        ("The former premier met the ailing senator at his home and asked about his recovery.", "CONSULT"),
    ],
)
def test_conjoined_outcome_of_a_contact(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a protest announced for later threatens dissent (CAMEO 133), as announced sanctions threaten
        ("Teachers' unions will go on strike on Monday, their leaders said.", "THREATEN"),
        ("The opposition plans a mass rally in the Velka capital on Friday.", "THREATEN"),
        ("Farmers are set to block motorways across Estovia this weekend.", "THREATEN"),
        # a protest held is a protest
        ("Thousands of farmers blocked motorways across Estovia on Saturday.", "PROTEST"),
    ],
)
def test_announced_protest_is_a_threat(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # an appeal to hold or join a protest calls up dissent against a third party (CAMEO 133)
        ("Activists urged their supporters to join a march against the new Velka press law.", "THREATEN"),
        ("The union called on its members to join the picket outside the Velka ministry.", "THREATEN"),
        ("Exiled leaders asked students to join hundreds of others at a rally outside the Estovian parliament.", "THREATEN"),
        # an appeal to end a protest, or not to protest, is a request
        ("The mayor urged the dockers to end their strike.", "REQUEST"),
        ("Church leaders urged residents not to join the march.", "REQUEST"),
    ],
)
def test_appeal_to_protest_is_a_threat_of_dissent(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a strike "against" a policy is a walkout; against a place or forces it is an attack
        ("Members of the union took part in a strike against the wage freeze.", "PROTEST"),
        ("The strike against the new labour law entered its third day.", "PROTEST"),
        ("An overnight strike against the rebel depot destroyed ammunition stores.", "ASSAULT"),
    ],
)
def test_strike_against_a_policy_is_a_walkout(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a demand with a deadline is an ultimatum (CAMEO 139)
        ("Norland demanded that Estovia pull its troops out of the valley within 48 hours.", "THREATEN"),
        # a demand made within hours of something is dated, not timed
        ("Within hours of the blast, Velka demanded that Estovia reopen its border crossings.", "REQUEST"),
    ],
)
def test_demand_with_a_deadline_is_an_ultimatum(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # workers who vote or decide to strike walk out: the controller of "to strike" is its subject
        ("Velka's airline pilots voted to strike in a dispute about pensions.", "PROTEST"),
        ("Estovian teachers decided to strike in the new school year.", "PROTEST"),
    ],
)
def test_workers_voting_to_strike_is_no_attack(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # "is about to", "is gearing up to" set the act in the near future, as "is set to" does
        ("The EU is gearing up to slap tariffs on Estovian steel.", "THREATEN"),
        ("Norland is about to expel dozens of Estovian diplomats.", "THREATEN"),
        ("Norland is about to send food aid to the Velka region.", "AGREE"),
    ],
)
def test_near_future_infinitives(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the news present tense with a date still to come is an act announced
        ("Norland's foreign minister heads to Velka next week for talks on the border.", "AGREE"),
        ("The Norland president travels to Velka next week for trade talks.", "AGREE"),
        ("Norland imposes sanctions on Estovia next week.", "THREATEN"),
        # "the next day" is after an earlier event, not after the writing
        ("The next day, troops attacked the village.", "ASSAULT"),
    ],
)
def test_present_tense_with_a_date_ahead_is_future(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # an event noun marked as still to come, with no verb acting on it, is the act announced
        ("The planned meeting between the two presidents was confirmed by the palace.", "AGREE"),
        ("An impending strike by Velka dock workers threatens exports.", "THREATEN"),
        # a planned act that another verb acts on keeps that verb's reading
        ("Norland cancelled the planned visit of the Estovian president.", "REJECT"),
    ],
)
def test_event_noun_marked_as_planned_is_future(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a protest kept up until demands are met refuses to yield, as "will not end it until" does
        ("Velka teachers said they would keep up their protest until the minister resigns.", "REJECT"),
        # a protest kept up with no condition is the protest
        ("Velka teachers continued their protest on Monday.", "PROTEST"),
    ],
)
def test_protest_kept_up_until_demands_are_met_is_a_refusal(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected
