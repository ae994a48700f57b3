"""Direct quotations: how they are grouped into one utterance and whose they are
(issue #4, helper 38a).

All sentences are invented. Each test names the construction that went wrong before the
rule it tests.
"""

from __future__ import annotations

from quote_helpers import holding


def test_quotation_after_the_speakers_own_relative_clause_continues_the_speaker(quotes_of):
    # "who said she would strike" reports inside Holm's own apposition; the quotation
    # after it goes on with what Holm said, not with a second speaker
    quotes = quotes_of("Strike Day.\n\nUnion leaders expect a long week at the hospital.\n\n\"Nobody here wants "
                       "to walk out,\" said Vera Holm, 41, a night nurse at the Linden clinic who said she would "
                       "strike on Friday. \"But the managers have stopped listening to the wards.\"")
    first = holding(quotes, "Nobody here wants")
    second = holding(quotes, "stopped listening to the wards")
    assert first.speaker_key == second.speaker_key
    assert first.cue is not None and second.cue is not None and first.cue.start == second.cue.start


def test_cue_clause_ending_in_a_colon_introduces_the_next_quotation_not_the_one_before(quotes_of):
    # "She went on to tell them:" opens the paragraph after it; the quotation before it goes
    # on with what Ort said about the cuts
    quotes = quotes_of("Budget Fight.\n\nThe council meets again on Thursday.\n\n\"We are not giving up on the "
                       "library,\" Lina Ort said about the cuts. \"It costs less than the new parking deck. "
                       "Everyone on this street uses it.\" She went on to tell them:\n\n\"Frankly, the mayor has never "
                       "once visited the branch on Elm Road.\"")
    first = holding(quotes, "not giving up on the library")
    second = holding(quotes, "less than the new parking deck")
    third = holding(quotes, "never once visited the branch")
    assert second.cue is not None and first.cue is not None and second.cue.start == first.cue.start
    assert third.cue_text is not None and "tell" in third.cue_text
    assert third.cue.start != first.cue.start


def test_a_programme_named_after_told_is_who_was_told_not_what_was_said(quotes_of):
    text = 'The levy is dead," the candidate told Kessel Radio\'s "Good Morning Varenia." "When we win, we repeal it."'
    contents = [q.content_text for q in quotes_of(text)]
    assert not any("Good Morning" in c for c in contents)
    assert any(c.startswith('"When we win') for c in contents)
