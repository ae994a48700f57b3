"""Precision of non-direct attributions (issue #4): a source phrase closing a sentence spaCy
cut at a quoted question, and "address" with an audience; with guards for cues that do
report (a "by" phrase, "called for", a noun's hedge, a body's attitude). Invented sentences only."""

from __future__ import annotations

from quote_helpers import holding


def test_naming_participle_with_a_by_phrase_still_reports(quotes_of):
    # "called X by Y": Y said it, and PolNeAR annotates it (without a source when none is named)
    found = quotes_of("Tomas Berg said the levy, called “a quiet robbery” by dockworkers, would pass.")
    holding(found, "levy")


def test_called_for_is_no_naming(quotes_of):
    q = holding(quotes_of("Mayor Ilse Varga called for a recount of the ballots in the northern district."),
                "recount")
    assert q.speaker_key == "Ilse Varga"


def test_source_phrase_after_a_quoted_question_reports_the_question(quotes_of):
    text = ("The hearing grew tense. “Who will pay for the new bridge?” Senator Ada Moreno asked, "
            "according to a recording of the session.")
    q = holding(quotes_of(text), "Ada Moreno asked")
    assert q.content_text.startswith("“Who will pay"), q.content_text


def test_source_phrase_after_a_closed_statement_stays_in_its_sentence(quotes_of):
    # a full stop inside the quotation ends the sentence: the next one is the writer's
    text = ("“The bridge will open in May.” The mayor left the hall early, "
            "according to two aides who were present.")
    found = quotes_of(text)
    q = holding(found, "left the hall")
    assert "bridge" not in q.content_text


def test_hedge_with_a_noun_subject_is_kept(quotes_of):
    q = holding(quotes_of("The harbour plan seems likely to pass before the summer recess."), "harbour plan")
    assert q.cue_text.startswith("seem") and q.speaker_key is None


def test_attitude_cue_of_a_body_in_a_relative_clause_is_kept(quotes_of):
    found = quotes_of("The money came from a coalition that endorsed Petra Lund in the spring.")
    q = holding(found, "Petra Lund")
    assert q.cue_text.endswith("endorsed")


def test_addressing_a_gathering_is_no_topic(quotes_of):
    found = quotes_of("Governor Lena Fischer is scheduled to address the farmers' convention in Tarnow on Friday.")
    assert not [q for q in found if "convention" in q.content_text]


def test_addressing_an_issue_keeps_its_topic(quotes_of):
    q = holding(quotes_of("Governor Lena Fischer addressed the shortage of rural doctors in a long speech."),
                "shortage of rural doctors")
    assert q.speaker_key == "Lena Fischer"
