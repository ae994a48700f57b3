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
