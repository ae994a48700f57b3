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
