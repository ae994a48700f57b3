"""Where reported content ends: the writer's comment on what was said, a description of a
name in it, and a long cue clause inside it stay out of the content (issue #4).
Invented sentences."""

from __future__ import annotations

import pytest

from quote_helpers import holding as _holding


def test_a_closing_noun_phrase_on_the_clause_is_the_writers(quotes_of):
    # "— a claim …" comments on what Novak told; it is no second reported clause
    text = "Novak told reporters that the port would reopen within a week — a claim his rivals have mocked for months."
    q = _holding(quotes_of(text), "reopen within a week")
    assert q.content_text == "that the port would reopen within a week"


def test_a_described_name_alone_is_the_content(quotes_of):
    # the apposition describes the one blamed; the name is what the verb takes
    text = "Voters have mostly stopped blaming Kaller, a former fisherman elected on a promise of lower fares."
    q = _holding(quotes_of(text), "Kaller")
    assert q.content_text == "Kaller" and q.cue_text == "blaming"


def test_a_long_cue_clause_splits_its_content(quotes_of):
    text = ("The new toll, said Anna Berg, a lecturer in transport policy at the Vellmar college, would hit"
            " the poorest island families hardest.")
    parts = [q for q in quotes_of(text) if q.cue_text == "said"]
    assert [q.content_text for q in parts] == ["The new toll", "would hit the poorest island families hardest"]
    assert all("Berg" in (q.speaker_text or "") for q in parts)


@pytest.mark.parametrize("text, content", [
    # a short cue clause leaves the reported clause whole
    ("The plan to close the old pier, Minister Kaller added, would be a heavy blow to every fishing family.",
     "The plan to close the old pier, Minister Kaller added, would be a heavy blow to every fishing family"),
    # so does a phrase that the cue resumes
    ("The harbour plan would be helped, Mayor Berg said, by the new ferry timetable.",
     "The harbour plan would be helped, Mayor Berg said, by the new ferry timetable"),
])
def test_a_short_or_resumed_cue_clause_keeps_one_span(quotes_of, text, content):
    assert _holding(quotes_of(text), "The").content_text == content


def test_a_definite_description_of_a_name_is_the_writers(quotes_of):
    q = _holding(quotes_of("The fishermen's union endorsed Novak, the former harbour master of Vellmar."), "Novak")
    assert q.content_text == "Novak"


def test_a_listed_noun_after_a_name_is_no_description(quotes_of):
    text = "Both candidates said they differ on Port Ostra, the night tolls and the fishing quotas."
    q = _holding(quotes_of(text), "Port Ostra")
    assert q.content_text == "they differ on Port Ostra, the night tolls and the fishing quotas"


def test_an_in_phrase_after_an_object_goes_on_with_it(quotes_of):
    # the parser hangs "in the regional race" on the verb; it finishes what was welcomed
    q = _holding(quotes_of("The council welcomed his firm third place in the regional race."), "third place")
    assert q.content_text == "his firm third place in the regional race"


def test_an_in_phrase_after_a_speech_object_is_the_setting(quotes_of):
    q = _holding(quotes_of("The port authority announced new fees in a bid to cut traffic."), "new fees")
    assert q.content_text == "new fees"


def _parsed(nlp, words, heads, deps, pos):
    """A Doc with a given parse: the small model's attachments vary, the rule must not."""
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)


@pytest.mark.parametrize("comma", [False, True])
def test_a_reason_hung_on_the_cue_finishes_the_reported_clause(nlp, comma):
    from newstrail.quotes import _content_tokens

    words = ["Berg", "said", "fares", "would", "rise", "because", "costs", "grew", "."]
    heads = [1, 1, 4, 4, 1, 7, 7, 1, 1]
    deps = ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "mark", "nsubj", "advcl", "punct"]
    pos = ["PROPN", "VERB", "NOUN", "AUX", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT"]
    if comma:
        words.insert(5, ",")
        heads = [h + (h >= 5) for h in heads]
        heads.insert(5, 1)
        deps.insert(5, "punct")
        pos.insert(5, "PUNCT")
    doc = _parsed(nlp, words, heads, deps, pos)
    content = [t.text for t in _content_tokens(doc[1], "say")]
    assert content[:3] == ["fares", "would", "rise"] and content[-3:] == ["because", "costs", "grew"]


def test_a_reason_after_other_words_stays_out(nlp):
    from newstrail.quotes import _content_tokens

    # "Berg said fares would rise, he added later, because costs grew": not straight after
    words = ["Berg", "said", "fares", "would", "rise", "later", "because", "costs", "grew", "."]
    heads = [1, 1, 4, 4, 1, 1, 8, 8, 1, 1]
    deps = ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "advmod", "mark", "nsubj", "advcl", "punct"]
    pos = ["PROPN", "VERB", "NOUN", "AUX", "VERB", "ADV", "SCONJ", "NOUN", "VERB", "PUNCT"]
    doc = _parsed(nlp, words, heads, deps, pos)
    assert [t.text for t in _content_tokens(doc[1], "say")] == ["fares", "would", "rise"]
