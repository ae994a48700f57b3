"""Attitude nouns as attributions (issue #4): a noun made from a verb of saying, thinking or
taking a stance reports an attribution when a verb expresses it or when it takes a
that-clause; a possessor alone only recalls a known stance. Invented sentences."""

from __future__ import annotations

import pytest

from newstrail.quotes import ATTITUDE_CONFIDENCE, _nominal_verb
from quote_helpers import holding as _holding


@pytest.mark.parametrize("noun, verb", [
    ("criticism", "criticize"), ("endorsement", "endorse"), ("refusal", "refuse"), ("denial", "deny"),
    ("insistence", "insist"), ("accusation", "accuse"), ("opposition", "oppose"), ("decision", "decide"),
    ("admission", "admit"), ("belief", "believe"), ("support", "support"), ("table", None), ("station", None),
    ("commission", None), ("state", None),
])
def test_nominalisations_are_undone_to_their_verb(noun, verb):
    assert _nominal_verb(noun) == verb


@pytest.mark.parametrize("text, holder, fragment", [
    ("Senator Dana Whitcombe voiced deep concern about the harbour tariff on Monday.",
     "Dana Whitcombe", "the harbour tariff"),
    ("Mayor Ilse Korven renewed her call for a night curfew in the old town.", "Ilse Korven", "a night curfew"),
    ("The fishermen's union launched a blistering attack on the new quota system.", "union", "the new quota system"),
    ("Two regional banks have shown strong interest in buying the ferry line.", "banks", "buying the ferry line"),
])
def test_noun_expressed_by_its_holder(quotes_of, text, holder, fragment):
    q = _holding(quotes_of(text), fragment)
    assert holder in (q.speaker_key or "") or holder in (q.speaker_text or "")
    assert q.kind == "indirect" and q.confidence <= ATTITUDE_CONFIDENCE


def test_noun_with_a_that_clause_and_a_possessor(quotes_of):
    q = _holding(quotes_of("Minister Aldo Varga's insistence that the ferry keep running angered the dockers."),
                 "the ferry keep running")
    assert "Aldo Varga" in q.speaker_key
    assert q.content_text.startswith("that the ferry")


def test_possessive_pronoun_holder_is_the_clause_subject(quotes_of):
    q = _holding(quotes_of("Auditor Rolf Kaller stood by his conclusion that the harbour levy was unlawful."),
                 "the harbour levy was unlawful")
    assert "Rolf Kaller" in q.speaker_key


@pytest.mark.parametrize("text, fragment", [
    ("Berta Lund's support for the levy is well known in the valley.", "the levy"),
    ("The governor has plans to visit the flooded villages next week.", "visit the flooded villages"),
    ("The ruling party faced sharp criticism over the new quota system.", "the new quota system"),
])
def test_recalled_or_received_attitudes_are_no_attribution(quotes_of, text, fragment):
    assert not [q for q in quotes_of(text) if fragment in q.content_text]


@pytest.mark.parametrize("text, holder, fragment", [
    ("Many farmers in the valley deeply distrust the new harbour authority.", "farmers", "the new harbour authority"),
    ("Senator Olga Brenn has long admired the former prime minister.", "Olga Brenn", "the former prime minister"),
    ("The opposition leader Tomas Wehr repeatedly vilified the central bank governor.", "Tomas Wehr",
     "the central bank governor"),
])
def test_verbs_of_feeling_and_judging_hold_a_stance(quotes_of, text, holder, fragment):
    q = _holding(quotes_of(text), fragment)
    assert holder in (q.speaker_key or "") + (q.speaker_text or "")
    assert q.confidence <= ATTITUDE_CONFIDENCE


def test_a_wish_under_a_modal_is_no_stance(quotes_of):
    assert not [q for q in quotes_of("The mayor would like a new bridge over the estuary.") if "bridge" in q.content_text]


@pytest.mark.parametrize("text, holder, fragment", [
    ("The dock workers are unwilling to accept the new shift rota.", "dock workers", "accept the new shift rota"),
    ("Fishermen unhappy with the quota plan gathered at the pier on Sunday.", "Fishermen", "the quota plan"),
    ("Councillor Mira Stenn is firmly opposed to the sale of the ferry line.", "Mira Stenn", "the sale of the ferry line"),
])
def test_adjectives_of_stance_predicated_or_postposed(quotes_of, text, holder, fragment):
    q = _holding(quotes_of(text), fragment)
    assert holder in (q.speaker_key or "") + (q.speaker_text or "")


def test_a_negated_stance_adjective_is_still_a_stance(quotes_of):
    # "not sure that …", "not confident that …" state a doubt (PolNeAR annotates them)
    q = _holding(quotes_of("Many traders are not confident that the harbour will reopen by spring."),
                 "the harbour will reopen")
    assert "traders" in q.speaker_text


def test_a_stance_adjective_under_a_modal_is_none(quotes_of):
    assert not [q for q in quotes_of("The dock workers would be willing to accept the rota.") if "rota" in q.content_text]


@pytest.mark.parametrize("text, holder, fragment", [
    ("Harbour master Ines Vogt is worried about the silting of the channel.", "Ines Vogt", "the silting of the channel"),
    ("The senator has been keenly aware that the vote will be close.", "senator", "the vote will be close"),
    ("Aldo Brisk, a longtime proponent of the tunnel plan, spoke first.", "Aldo Brisk", "the tunnel plan"),
])
def test_more_stance_adjectives_and_holder_nouns(quotes_of, text, holder, fragment):
    q = _holding(quotes_of(text), fragment)
    assert holder in (q.speaker_key or "") + (q.speaker_text or "")


@pytest.mark.parametrize("text, fragment", [
    ("Governor Hal Brandt has not endorsed the harbour levy.", "the harbour levy"),
    ("The trawler crews do not trust the new quota board.", "the new quota board"),
])
def test_a_negated_verb_of_stance_is_still_a_stance(quotes_of, text, fragment):
    q = _holding(quotes_of(text), fragment)
    assert q.confidence <= ATTITUDE_CONFIDENCE


def test_a_negated_verb_of_saying_reports_nothing_new(quotes_of):
    assert not [q for q in quotes_of("The ministry did not discuss the harbour levy.") if "levy" in q.content_text]


@pytest.mark.parametrize("text, holder, fragment", [
    ("The harbour council voted in favour of the new quota rules.", "harbour council", "the new quota rules"),
    ("Berta Lund spoke in defence of the ferry subsidy at the meeting.", "Berta Lund", "the ferry subsidy"),
])
def test_in_an_attitude_noun_the_subject_holds_it(quotes_of, text, holder, fragment):
    q = _holding(quotes_of(text), fragment)
    assert holder in (q.speaker_key or "") + (q.speaker_text or "")


def test_to_someone_opening_a_sentence_gives_their_view(quotes_of):
    q = _holding(quotes_of("To Margit Holm, the new levy is a betrayal of the fishing towns."), "a betrayal")
    assert "Margit Holm" in (q.speaker_key or "")
    assert not q.content_text.startswith("To")


def test_to_a_place_or_a_thing_is_no_view(quotes_of):
    assert not [q for q in quotes_of("To the north, the coast road is closed for repairs.") if "coast road" in q.content_text]


def test_a_reduced_relative_of_stance_is_held_by_its_noun(quotes_of):
    q = _holding(quotes_of("Dozens of voters opposing the quota cut blocked the harbour road."), "the quota cut")
    assert "voters" in (q.speaker_text or "")


def test_a_stance_clause_ending_in_a_quotation_keeps_its_closing_mark(quotes_of):
    q = _holding(quotes_of('The envoy said the talks were open and was disappointed that Norland "brought nothing new".'),
                 "Norland")
    assert q.content_text.endswith('nothing new"')


def test_aiming_to_is_a_stance(quotes_of):
    q = _holding(quotes_of("The port authority aims to reopen the northern quay by June."), "reopen the northern quay")
    assert "port authority" in (q.speaker_text or "")
    assert q.confidence <= ATTITUDE_CONFIDENCE
