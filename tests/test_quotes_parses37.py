"""Speech cues whose parse is broken: a reported clause or a subject hung elsewhere (issue #4).

All sentences are invented. Each test names the construction it covers; the quotes it
expects were missed before the rule it tests.
"""

from __future__ import annotations

from quote_helpers import holding


def test_that_clause_hung_on_a_noun_of_the_setting(quotes_of):
    # the parser hangs "that the harbor would stay open" on "hearing" as a relative clause
    quotes = quotes_of("Dock strike.\n\nOrtiz told reporters following a closed hearing in March that "
                       "the harbor would stay open.")
    q = holding(quotes, "the harbor would stay open")
    assert q.speaker_text == "Ortiz"
    assert q.content_text.startswith("that the harbor")


def test_relative_that_on_a_setting_noun_is_not_content(quotes_of):
    # a real relative clause ("that" its object) is no reported clause of the cue
    quotes = quotes_of("Dock strike.\n\nOrtiz testified at a hearing that the council had called in March.")
    assert not any("the council had called" in q.content_text for q in quotes)


def test_series_of_verbs_broken_at_the_cue(quotes_of):
    # "said" has no subject: the parser made "He blamed …" the clause it reports
    quotes = quotes_of("Dock strike.\n\nHe blamed the port authority for the delays said the board "
                       "\"has not done its job\" for two years.")
    q = holding(quotes, "has not done its job")
    assert q.speaker_text == "He"
    assert q.cue_text == "said"


def test_series_after_a_comma_takes_a_that_clause(quotes_of):
    quotes = quotes_of("Dock strike.\n\nShe visited the harbor on Tuesday and met with the dock workers, "
                       "suggested that the strike could end within a week.")
    q = holding(quotes, "the strike could end within a week")
    assert q.speaker_text == "She"


def test_inverted_speaker_after_a_comma_is_not_a_series(quotes_of):
    # "…, said a former aide …": the speaker follows the cue; the clause before is the content
    quotes = quotes_of("Dock strike.\n\nHe also had a say in the port's largest contracts, said a former aide "
                       "to the harbor board, Mira Dalton, who later ran for the council.")
    assert not any(q.speaker_text == "He" for q in quotes)


def test_participle_of_saying_after_before_is_its_own_quote(quotes_of):
    # "before claiming …" hangs inside the reported clause; it is the speaker's next claim
    quotes = quotes_of("Dock strike.\n\nOrtiz said the strike had \"cost us the season\" on Monday before "
                       "claiming that the port board was \"hiding the real numbers.\"")
    said = holding(quotes, "cost us the season")
    assert "claiming" not in said.content_text
    claimed = holding(quotes, "hiding the real numbers")
    assert claimed.speaker_text == "Ortiz"


def test_set_off_participle_of_saying_ends_the_reported_clause(quotes_of):
    quotes = quotes_of("Dock strike.\n\nMayor Lena Ortiz says the board accepted about $90,000 in gifts from "
                       "shipping firms and “there’s nothing illegal about that” — insisting that the gifts "
                       "never swayed a single vote, and they never will.")
    said = holding(quotes, "accepted about $90,000")
    assert said.content_text.endswith("“there’s nothing illegal about that”")


def test_phrase_fronted_in_the_reported_clause_is_content(quotes_of):
    # "win or lose …" hangs on "says"; set off before the clause's subject, it was said
    quotes = quotes_of("Dock strike.\n\nMayor Lena Ortiz says, win or lose in the April vote, she is staying "
                       "in the race.")
    q = holding(quotes, "she is staying in the race")
    assert q.content_text.startswith("win or lose in the April vote")


def test_setting_of_the_telling_stays_out_of_the_content(quotes_of):
    quotes = quotes_of("Dock strike.\n\nMayor Lena Ortiz said in a radio interview on Tuesday, she is staying "
                       "in the race.")
    q = holding(quotes, "she is staying in the race")
    assert "interview" not in q.content_text


def test_comment_clause_hung_as_an_adverbial(quotes_of):
    # the parser makes "reported" an adverbial clause of "end"; the clause before it was said
    quotes = quotes_of("Dock strike.\n\nA decade-long decline in port traffic will end this spring, sooner than "
                       "forecast, the harbor board reported on Monday -- a shift that raises new questions for "
                       "the mayor's race.")
    q = holding(quotes, "decline in port traffic will end this spring")
    assert q.speaker_text == "the harbor board"
    assert "a shift" not in q.content_text


def test_clause_with_a_mark_is_no_comment_clause(quotes_of):
    quotes = quotes_of("Dock strike.\n\nThe fleet left the harbor before dawn, after the captain said a storm "
                       "was on its way.")
    assert not any("The fleet left the harbor" in q.content_text for q in quotes)


def test_narrated_next_act_after_comma_and_pronoun_ends_the_content(quotes_of):
    # the parser hangs "railed" on the reported "is"; it is the writer's narration
    quotes = quotes_of("Dock strike.\n\nOrtiz said the only real extremist on wages is Governor Kell, and she "
                       "railed against harbor reporters for failing to raise the issue during any of the three "
                       "debates so far.")
    said = holding(quotes, "the only real extremist on wages")
    assert "railed" not in said.content_text


def test_that_clause_hung_on_the_copula_above_the_cue(quotes_of):
    # "is right to point out, however, that …": the clause hangs on "is", not on the cue
    quotes = quotes_of("Dock strike.\n\nThe harbor board is right to point out, however, that while Ortiz blames "
                       "the crews for the strike, the port lost money for years.")
    q = holding(quotes, "the port lost money for years")
    assert q.speaker_text == "The harbor board"
    assert q.content_text.startswith("that while Ortiz")
