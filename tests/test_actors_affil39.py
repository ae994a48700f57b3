"""A person's affiliation read from what they are reported to say about their own state, and
from the body a name's own "of"/"from" phrase names. Invented sentences."""

from __future__ import annotations

import pytest

from actor_helpers import affiliations_of_people as _people


@pytest.mark.parametrize("text, person, state", [
    ("President Lena Marsh said Germany would send two more cargo planes to the island next week.",
     "Lena Marsh", "Germany"),
    ("Prime Minister Arno Kettle announced on Monday that Norway would close its fishing grounds for a month.",
     "Arno Kettle", "Norway"),
])
def test_a_head_of_government_speaks_for_the_state_they_report_on(nlp, text, person, state):
    assert _people(nlp, text)[person] == state


@pytest.mark.parametrize("text, person", [
    # another state in the sentence: whose leader is not told
    ("President Lena Marsh said Germany would send two more cargo planes to Poland next week.", "Lena Marsh"),
    # the state is the subject of a verb of thinking, and the leader its object's subject
    ("Does Germany still think President Lena Marsh should step down before the vote?", "Lena Marsh"),
    # a minister is no head of state or government
    ("Minister Arno Kettle said Norway would close its fishing grounds for a month.", "Arno Kettle"),
])
def test_no_state_from_a_report_when_it_is_not_the_leaders_own(nlp, text, person):
    assert _people(nlp, text)[person] is None


@pytest.mark.parametrize("text, person, body", [
    ("The river had never run so low, said Ana Reis of the Tolmer Institute for Water Studies.",
     "Ana Reis", "Tolmer Institute for Water Studies"),
    ("The camps are full, said Pia Moll from the Northern Relief Council, who arrived on Sunday.",
     "Pia Moll", "Northern Relief Council"),
    ("On Monday, King Harald of Norway opened the new session of parliament with a short speech.", "Harald", "Norway"),
])
def test_a_names_own_of_or_from_phrase_gives_its_body(nlp, text, person, body):
    assert _people(nlp, text)[person] == body


@pytest.mark.parametrize("text, person", [
    # one plain word after an age: the town a person lives in
    ("Ruth Penn, 52, of Carrowby, said the water had come into her kitchen within minutes.", "Ruth Penn"),
    # a country after an untitled name: where a person is from, not a state they speak for
    ("Ruth Penn from Brazil said the water had come into her kitchen within minutes.", "Ruth Penn"),
    # "at" tells where a person stood as often as whom they work for
    ("The tests had to wait, said Ivo Lind at the Harwick Science Institute.", "Ivo Lind"),
    # a former official no longer speaks for the body
    ("The tests had to wait, said former director Ivo Lind of the Harwick Science Institute.", "Ivo Lind"),
])
def test_no_body_from_a_phrase_that_names_a_home_a_place_or_a_past_post(nlp, text, person):
    assert _people(nlp, text)[person] is None


def test_a_present_post_before_and_former_gives_its_body(nlp):
    text = ("The levels were the lowest on record, said Lena Marsh, chairwoman of the Tolmer Water Institute "
            "and former member of the regional assembly.")
    assert _people(nlp, text)["Lena Marsh"] == "Tolmer Water Institute"


def test_a_title_that_opens_in_the_past_gives_no_body(nlp):
    text = ("The levels were the lowest on record, said Ivo Lind, former chairman and chief executive "
            "of the Harwick Shipping Company.")
    assert _people(nlp, text)["Ivo Lind"] is None
