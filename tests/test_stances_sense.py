"""Stance cues whose sense the parse decides: "call", "insist", pressing verbs, stated nouns,
and a concession withheld "until" a condition. Invented sentences, classified on their parse."""

from __future__ import annotations

import pytest

from newstrail.events import classify_stance


def _stance(nlp, text: str) -> str | None:
    found = classify_stance(text, list(nlp(text)))
    return found[0] if found else None


@pytest.mark.parametrize("text, stance", [
    ("The senator called for an inquiry into the grain subsidies.", "demand"),
    ("The mayor called on shopkeepers to close early on Friday.", "demand"),
    ("Campaigners renewed their call for a recount in Oskarvik.", "demand"),
    ("The finance minister called the audit disappointing.", "assess"),
    ('Lena Voss, the guild\'s treasurer, called the offer "a cynical stunt".', "assess"),
])
def test_call_demands_only_for_or_on_and_names_otherwise(nlp, text, stance):
    assert _stance(nlp, text) == stance


@pytest.mark.parametrize("text", [
    "Officials called the vote for the second week of May.",
    "On Tuesday the premier called her Estovian counterpart to discuss the harvest.",
    "The governor took a call from the harbour master.",
])
def test_call_that_convenes_or_phones_takes_no_stance(nlp, text):
    assert _stance(nlp, text) is None


@pytest.mark.parametrize("text, stance", [
    ("The guild insisted on a written promise of overtime pay.", "demand"),
    ("Tarvel insisted that the regulator must publish the report.", "demand"),
    ("Director Lendt insisted the company's pay offer was generous.", None),
])
def test_insist_demands_on_something_or_of_someone_not_a_fact(nlp, text, stance):
    assert _stance(nlp, text) == stance


@pytest.mark.parametrize("text, stance", [
    ("The farmers' union pushed for a lower diesel levy.", "demand"),
    ("Opposition deputies pressed the speaker to adjourn the session.", "demand"),
    ("The bishop appealed for calm after the riot in Hessby.", "demand"),
    ("The clerk pressed the bell twice.", None),
])
def test_pressing_verbs_demand_with_for_or_to(nlp, text, stance):
    assert _stance(nlp, text) == stance


@pytest.mark.parametrize("text, stance", [
    ("The junta issued an ultimatum to the striking miners.", "threaten"),
    ("The coastal states gave the trawler fleet a deadline of one week.", "threaten"),
    ("Norland reiterated its demand that the garrison leave the island.", "demand"),
    ("The agency made a pledge to rebuild the bridge by spring.", "commit"),
])
def test_a_stance_noun_stated_by_its_verb_counts_as_the_verb(nlp, text, stance):
    assert _stance(nlp, text) == stance


def test_a_concession_made_states_no_stance(nlp):
    assert _stance(nlp, "The board made a concession on parking fees.") is None


@pytest.mark.parametrize("text, stance", [
    ("The ferry crews will not end their walkout until the operator restores the night shift.", "reject"),
    ("Norland will not lift the fishing ban until Vellmar returns the impounded boats.", "reject"),
    ("The utility will not begin flooding the valley until the court has ruled.", "commit"),
])
def test_withholding_a_concession_until_a_condition_is_a_refusal(nlp, text, stance):
    assert _stance(nlp, text) == stance


def test_out_of_question_without_the_article_is_a_refusal(nlp):
    assert _stance(nlp, "Reopening the border crossing is out of question, the governor said.") == "reject"


def _sentence_stances(nlp, text: str) -> set[tuple[str, str]]:
    from newstrail.adapters import article_from_text
    from newstrail.events import extract_events, extract_stances

    article = article_from_text(text, "2031-05-04")
    doc = nlp(article.body)
    events = extract_events(doc, article, [], [])
    return {(s.actor, s.stance) for s in extract_stances(doc, article, [], [], [], events)}


def test_a_threat_the_event_typing_reads_is_a_threat_stance(nlp):
    text = "Portugal vowed to retaliate against any incursion into its waters."
    assert _sentence_stances(nlp, text) == {("Portugal", "threaten")}


@pytest.mark.parametrize("text", [
    "Chile refused to rule out air strikes on the rebel camps.",
    "The ministry has not yet ruled out a boycott of the fair.",
])
def test_not_ruling_out_refuses_nothing(nlp, text):
    assert _stance(nlp, text) != "reject"


def test_ruling_out_is_a_refusal(nlp):
    assert _stance(nlp, "The treasurer ruled out new fuel duties this year.") == "reject"


def test_without_its_events_the_vow_stays_a_commitment(nlp):
    from newstrail.adapters import article_from_text
    from newstrail.events import extract_stances

    text = "Portugal vowed to retaliate against any incursion into its waters."
    article = article_from_text(text, "2031-05-04")
    assert {s.stance for s in extract_stances(nlp(article.body), article, [], [], [])} == {"commit"}


def test_sentence_stance_combines_cues_and_events_as_the_pipeline_does(nlp):
    from newstrail.adapters import article_from_text
    from newstrail.events import classify_stance, extract_events, sentence_stance

    text = "Portugal vowed to retaliate against any incursion into its waters."
    doc = nlp(text)
    events = extract_events(doc, article_from_text(text), [], [])
    assert classify_stance(text, list(doc))[0] == "commit"
    assert sentence_stance(classify_stance(text, list(doc)), events)[0] == "threaten"
    assert sentence_stance(None, []) is None


def test_a_possessed_demand_inside_another_act_is_the_possessors(nlp):
    text = "Portugal on Wednesday rejected Spain's demand for a guaranteed river flow of 300 cubic metres."
    assert _sentence_stances(nlp, text) == {("Portugal", "reject"), ("Spain", "demand")}


@pytest.mark.parametrize("text", [
    "Spain's demands were discussed at length on Friday.",  # no content: nothing to merge with
    "Portugal said its demand for a recount had been ignored.",  # a pronoun: the subject's own
])
def test_a_possessed_stance_needs_a_named_owner_and_content(nlp, text):
    assert ("Spain", "demand") not in _sentence_stances(nlp, text)
    assert all(actor in ("Portugal",) for actor, _ in _sentence_stances(nlp, text))
