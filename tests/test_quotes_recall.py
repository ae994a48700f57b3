"""Recall of speech cues the parser hangs in unexpected places (issue #4).

All sentences are invented. Each test names the construction it covers; the quotes it
expects were missed entirely before the rule it tests.
"""

from __future__ import annotations

from quote_helpers import holding


def test_set_off_participle_after_a_predicate_noun(quotes_of):
    # the parser hangs "tweeting" on "official"; set off by a comma it is the subject's act
    quotes = quotes_of("Farm Row.\n\nGovernor Ada Lind was the first official to weigh in on the verdict, "
                       "tweeting her relief late on Friday.")
    q = holding(quotes, "her relief")
    assert q.speaker_text == "Ada Lind"
    assert q.cue_text == "tweeting"


def test_set_off_participle_after_an_inverted_speaker_apposition(quotes_of):
    # "explaining" hangs on the inverted speaker's name: the speaker explains
    quotes = quotes_of("Farm Row.\n\n“The harbor will stay open,” said Tomas Brand, the treasurer of Kell County, "
                       "explaining that the levy had already been approved by the board.")
    q = holding(quotes, "the levy had already been approved")
    assert q.speaker_text == "Tomas Brand"


def test_colon_then_no_break_space_introduces_the_quotation(quotes_of):
    # web text often puts a no-break space after the colon that introduces a quotation
    quotes = quotes_of("Harbor plan splits the town.\n\nSenator Robert Hale has defended the harbor plan for "
                       "years.\n\nHere is Hale in March 2019:\u00a0“Our harbor must serve the fishermen first, "
                       "and the tourists second. That is the whole plan.”")
    q = holding(quotes, "Our harbor must serve the fishermen first")
    assert q.speaker_text and "Hale" in q.speaker_text
    assert q.kind == "direct"
