"""A person's affiliation with a body the model does not tag: named by its capitalised words
and head noun, in a title or as the group a person leads. Invented sentences."""

from __future__ import annotations

import pytest

from actor_helpers import affiliations_of_people as _people


@pytest.mark.parametrize("text, person, body", [
    ("Maureen Tallis, general secretary of the Harbour and Dock Workers' Union, called it a fair deal.",
     "Maureen Tallis", "Harbour and Dock Workers' Union"),
    ("Oskar Lind, chairman of the Upper Selka Growers Association, said the quotas were too low.",
     "Oskar Lind", "Upper Selka Growers Association"),
])
def test_a_title_names_a_body_by_its_capitalised_name(nlp, text, person, body):
    assert _people(nlp, text)[person] == body


def test_a_delegation_led_by_a_person_gives_its_body(nlp):
    text = "The Harbour and Dock Workers' Union delegation was led by general secretary Maureen Tallis."
    assert _people(nlp, text)["Maureen Tallis"] == "Harbour and Dock Workers' Union"


@pytest.mark.parametrize("text, person", [
    ("Ines Falk, a spokeswoman for the Foreign Ministry, declined to comment.", "Ines Falk"),
    ("Tomas Brandt, head of the union, left the hall early.", "Tomas Brandt"),
])
def test_generic_or_lower_case_bodies_name_no_one(nlp, text, person):
    assert _people(nlp, text)[person] is None


def test_a_delegation_headed_by_a_person_in_a_participle_gives_its_state(nlp):
    text = "Norway's delegation, headed by Fisheries Minister Kari Dahlberg, arrived late on Sunday."
    assert _people(nlp, text)["Kari Dahlberg"] == "Norway"
