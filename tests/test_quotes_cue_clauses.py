"""A reported 'content' that is only another quote's cue and speaker is no quote: machine
translation puts the cue in one sentence and the words in the next. Invented sentences."""

from __future__ import annotations

from newstrail.actors import extract_mentions
from newstrail.adapters import article_from_text
from newstrail.quotes import extract_quotes


def test_according_to_a_report_of_a_bare_cue_gives_only_the_speakers_words(nlp):
    text = ("According to state television, on the 14th, presidential spokesman Jan Novak said. "
            "The ferry line stays closed until spring, but Norland wants a quick settlement.")
    article = article_from_text(text, "2031-03-16")
    doc = nlp(article.body)
    quotes = extract_quotes(doc, article, extract_mentions(doc, article))
    assert [(q.speaker_key, q.content_text.split(",")[0]) for q in quotes] == [("Jan Novak", "The ferry line stays closed until spring")]


def _quotes(nlp, text: str):
    article = article_from_text(text, "2031-03-16")
    doc = nlp(article.body)
    return extract_quotes(doc, article, extract_mentions(doc, article))


def test_quoted_sources_as_saying_with_nothing_after_is_no_quote(nlp):
    quotes = _quotes(nlp, "State television also quoted sources as saying.")
    assert all("as saying" not in q.content_text for q in quotes)


def test_asking_not_to_be_named_is_no_quote(nlp):
    text = "The draft is ready, according to two harbour clerks, who asked not to be identified."
    assert all("not to be identified" not in q.content_text for q in _quotes(nlp, text))


def test_a_content_of_function_words_only_is_no_quote(nlp):
    quotes = _quotes(nlp, "The ministry issued a statement on the canal. It states that it is. Officials declined to comment.")
    assert all(q.content_text.strip(". ") != "that it is" for q in quotes)
