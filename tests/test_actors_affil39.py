"""A person's affiliation read from what they are reported to say about their own state.
Invented sentences."""

from __future__ import annotations

import pytest

from newstrail.actors import extract_mentions
from newstrail.adapters import article_from_text


def _people(nlp, text: str) -> dict[str, str | None]:
    article = article_from_text(text, "2031-02-10")
    return {m.text: m.affiliation for m in extract_mentions(nlp(article.body), article) if m.kind == "person"}


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
