"""The date of an act: a time inside what was said or intended dates that, not the saying.
Invented sentences; publication date Thursday 2031-05-15."""

from __future__ import annotations

from newstrail.adapters import article_from_text
from newstrail.events import extract_events
from newstrail.timex import extract_timexes

PUBLISHED = "2031-05-15"


def _events(nlp, text: str):
    article = article_from_text(text, PUBLISHED)
    doc = nlp(article.body)
    return extract_events(doc, article, [], extract_timexes(doc, article))


def _by_trigger(nlp, text: str) -> dict[str, tuple[str | None, str | None]]:
    return {e.trigger: (e.date, e.date_how) for e in _events(nlp, text)}


def test_a_warning_is_not_dated_by_the_day_it_warns_of(nlp):
    dates = _by_trigger(nlp, "The harbour board warned that fares would rise on 1 June without a subsidy.")
    assert dates["warned"][0] != "2031-06-01"


def test_a_warning_keeps_the_day_it_was_given(nlp):
    dates = _by_trigger(nlp, "The ministry warned on Tuesday that the strike would spread to the docks on 1 June.")
    assert dates["warned"] == ("2031-05-13", "text")


def test_an_agreement_to_meet_dates_the_meeting_not_the_agreement(nlp):
    events = _events(nlp, "The two councils agreed to hold talks in Selby on 10 June.")
    assert {e.date for e in events if e.type == "CONSULT"} == {"2031-06-10"}
    assert all(e.date != "2031-06-10" for e in events if e.type == "AGREE")


def test_a_dated_statement_takes_the_day_its_verb_governs(nlp):
    text = "Fares will rise on 1 June unless the council pays, the chair of the harbour board said on Tuesday."
    assert {e.date for e in _events(nlp, text) if e.trigger == "said"} == {"2031-05-13"}


def test_a_statement_without_a_day_of_its_own_takes_the_day_of_what_was_said(nlp):
    text = "The minister told reporters that prices had fallen sharply on Monday."
    assert {e.date for e in _events(nlp, text) if e.trigger == "told"} == {"2031-05-12"}
