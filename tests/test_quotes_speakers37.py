"""The speaker of quotes whose content is found (issue #4, helper 37).

All sentences are invented. Each test names the construction whose speaker was wrong
before the rule it tests.
"""

from __future__ import annotations

from quote_helpers import holding


def test_participle_after_a_where_clause_is_that_clause_subjects(quotes_of):
    # the main clause is about an event; the people of the "where" clause chant
    quotes = quotes_of("Strike Day.\n\nThe rally took place outside the Harbor Casino, now owned by financier "
                       "Peter Lund, where about 80 workers had gathered on Monday morning, chanting "
                       "\"fair pay, fair hours\" as buses passed.")
    q = holding(quotes, "fair pay, fair hours")
    assert q.speaker_text and "workers" in q.speaker_text


def test_participle_after_a_when_clause_is_that_clause_subjects(quotes_of):
    quotes = quotes_of("Strike Day.\n\nThe second disruption came during an address at Kell College, when union "
                       "members interrupted her remarks, shouting \"No more cuts!\" from the back of the hall.")
    q = holding(quotes, "No more cuts")
    assert q.speaker_text and "members" in q.speaker_text


def test_participle_keeps_a_main_subject_that_can_speak(quotes_of):
    # a person in the main clause still shouts, whatever the "when" clause holds
    quotes = quotes_of("Strike Day.\n\nMayor Ida Crane left the stage when union members interrupted her remarks, "
                       "shouting \"You will hear from us again!\" over the noise.")
    q = holding(quotes, "You will hear from us again")
    assert q.speaker_text == "Ida Crane"


def test_colon_after_a_described_person_is_that_persons_not_the_outlets(quotes_of):
    # the clause before the colon is about the backer; the channel only hosts the interview
    quotes = quotes_of("Strike Day.\n\nOne early backer, Representative Lena Ostrova, Republican of Ohio, tried the "
                       "approach in an interview with Fox on Monday: \"You can easily say the governor has "
                       "failed the workers of this state.\"")
    q = holding(quotes, "failed the workers of this state")
    assert q.speaker_text == "Lena Ostrova"


def test_quotation_after_an_aside_by_another_speaker_continues_the_quoted_one(quotes_of):
    # "to describe" reports an aside by Dalton inside Walters's cue clause; the next
    # quotation goes on with what Walters said
    quotes = quotes_of("Strike Day.\n\nRepublicans insist the vote was a mistake.\n\n\"Who is the real spender "
                       "here?\" said Walters, using a phrase Dalton has used to describe his rivals, on a call "
                       "with reporters. \"The governor and his allies emptied the reserve fund and left the "
                       "clinics with nothing.\"")
    q = holding(quotes, "emptied the reserve fund")
    assert q.speaker_text == "Walters"


def test_quotation_after_a_credited_source_stays_with_the_source(quotes_of):
    # "according to" credits the whole report to the outlet (PolNeAR's reading)
    quotes = quotes_of("Strike Day.\n\n\"I will vote in March,\" Walters said, according to Harbor Radio. "
                       "\"And I have chosen to back the governor this time.\"")
    q = holding(quotes, "chosen to back the governor")
    assert q.speaker_text != "Walters"
