"""PLOVER typing coverage from the CAMEO sub-categories (issue #7, helper 36): invented sentences only."""

from __future__ import annotations

import pytest

from newstrail.events import event_types


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # an option hinted at, floated or eyed is held out, not taken (CAMEO 13)
        ("Washington hinted at fresh sanctions against the Kestrian leadership.", "THREATEN"),
        ("Kestria floated the idea of closing the strait to tankers.", "THREATEN"),
        ("The government is eyeing tough new curbs on foreign media.", "THREATEN"),
        # not excluding force keeps it in reserve, as not ruling it out does
        ("The government said it had not excluded the use of force.", "THREATEN"),
        ("Kestria said the violence would not go unpunished.", "THREATEN"),
        # a destructive verb the lexicon lacked, promised on a condition
        ("The general said his forces would flatten the rebel strongholds if the attacks continued.", "THREATEN"),
        # recalling a mission's members reduces relations (CAMEO 166); held out as possible, it threatens
        ("Marovia said it may recall its peacekeepers from the mission.", "THREATEN"),
        ("Marovia recalled its observers from the border mission.", "SANCTION"),
    ],
)
def test_options_held_out(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # arms shipped, or sent to a party rather than a place, are military aid (CAMEO 072)
        ("Kestria shipped artillery shells and rifles to the government forces.", "AID"),
        ("Kestria sent fighter jets and air defence systems to its ally.", "AID"),
        ("Kestria sent tanks to the border.", "MOBILIZE"),
        # relief goods brought along by a visitor or carried in are aid (CAMEO 073)
        ("The minister travelled to the flood zone with relief supplies.", "AID"),
        ("The delegation brought 20 tonnes of medicine to the besieged city.", "AID"),
    ],
)
def test_aid_given_or_carried(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # wanting an election or a reform of another party asks it (CAMEO 104)
        ("The opposition wants early elections.", "REQUEST"),
        ("Dunholt wants the resignation of the interior minister.", "REQUEST"),
    ],
)
def test_things_wanted_of_another(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Rebels pelted the convoy with grenades near the bridge.", "ASSAULT"),
        ("The regime padlocked the offices of the last independent radio station.", "COERCE"),
        ("Kestria curtailed diplomatic contacts with the junta.", "SANCTION"),
        ("Several banks divested from the Marovian oil sector.", "SANCTION"),
        ("The senator scoffed at the proposal for a new tax.", "REJECT"),
    ],
)
def test_codebook_words_the_lexicon_lacked(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


def test_noun_sense_of_a_verb_only_word(nlp):
    """"an intern" is a trainee, not internment."""
    assert event_types("The ministry hired an intern for the summer.")[0] != "COERCE"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a state protests by complaining, also through an infinitive of purpose (CAMEO 114)
        ("Kestria summoned the Marovian envoy to protest the border shooting.", "ACCUSE"),
        ("Students protested the tuition increase outside parliament.", "PROTEST"),
        # a crowd gathered to demand or denounce demonstrates (CAMEO 141)
        ("Thousands gathered in the main square to demand the president's resignation.", "PROTEST"),
        ("Hundreds assembled outside parliament against the new press law.", "PROTEST"),
    ],
)
def test_protest_by_states_and_crowds(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a coercive measure said to stay in force is announced anew (CAMEO 13, as 'will extend the curfew')
        ("Officials said the night-time curfew would stay in force for another fortnight.", "THREATEN"),
        # a deadline given with the act demanded, however the parse hangs the infinitive
        ("Kestria has given Marovia until the end of the month to withdraw its troops.", "THREATEN"),
    ],
)
def test_measures_kept_and_deadlines(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The emirate pumped $3 billion into the central bank to prop up the currency.", "AID"),
        ("Kestria has forged diplomatic relations with the island republic.", "SUPPORT"),
        ("The senator came to the defence of the embattled minister.", "SUPPORT"),
        ("The president conferred the country's highest honour on the retired general.", "SUPPORT"),
        ("The governor gave way to the strikers and raised their pay.", "CONCEDE"),
        # given up or handed in, weapons are surrendered, not given as aid
        ("Militants gave up their weapons in exchange for an amnesty.", "CONCEDE"),
        # arms that stop going to another party are aid halted (CAMEO 1622), not one's forces cut
        ("Dunholt halted the delivery of fighter jets to Marovia over the crackdown.", "SANCTION"),
    ],
)
def test_more_codebook_phrases(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a call or visit is coded as its stated purpose, ranked as a stated outcome is
        ("The chancellor phoned the newly elected president to congratulate him.", "SUPPORT"),
        ("The president visited the flood zone to show solidarity with the victims.", "SUPPORT"),
        # "called on X to…" asks: the act asked for is no phone call's content
        ("The rights group has called on the authorities to drop the charges.", "REQUEST"),
        ("On Monday the minister called his counterpart to apologise for the remarks.", "SUPPORT"),
        # leaving or skipping a meeting
        ("The delegation stormed out of the negotiations.", "SANCTION"),
        ("The president skipped the summit in protest.", "REJECT"),
    ],
)
def test_contacts_and_their_content(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # an obligation put on another party asks it to act (CAMEO 10), halting included
        ("Kestria should stop arming the rebels, the minister said.", "REQUEST"),
        ("Marovia ought to release the detained sailors immediately, the envoy said.", "REQUEST"),
        ("Thousands of Marovians have fled to Kestria seeking shelter.", "REQUEST"),
    ],
)
def test_obligations_and_seeking(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


def test_descriptions_cover_plain_giving():
    """The type descriptions (the fallback of sentences without a trigger) know plain giving words."""
    from newstrail.events import description_scores

    scores = description_scores("The minister gave money to the families.")
    assert max(scores, key=scores.get) == "AID"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # troops of the UN or a regional body are a peace force (AID, CAMEO 074) as its missions are
        ("UN troops began patrolling the buffer zone on Monday.", "AID"),
        ("Kestria's troops began patrolling the buffer zone on Monday.", "MOBILIZE"),
        # strikers back at work have given up the walkout (CAMEO 08)
        ("The strikers returned to work after the government met their demands.", "CONCEDE"),
        ("The government froze the bank accounts of the protest organisers.", "COERCE"),
    ],
)
def test_peace_forces_and_walkouts_ended(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Taxi drivers paralysed the capital with a go-slow.", "PROTEST"),
        ("Inmates refused food for a week to protest their conditions.", "PROTEST"),
        ("A roadside device ripped through a bus carrying pilgrims.", "ASSAULT"),
        # "tear gas" stays the police's
        ("Riot police used tear gas to disperse the marchers.", "COERCE"),
    ],
)
def test_protest_and_blast_idioms(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected
