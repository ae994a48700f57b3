"""A name set beside a role whose "of" chain the parser hung it on: the name speaks.
Invented sentences."""

from __future__ import annotations

import pytest

from newstrail.actors import extract_mentions
from newstrail.adapters import article_from_text
from newstrail.quotes import extract_quotes


def _speakers(nlp, text: str) -> list[str | None]:
    article = article_from_text(text, "2031-03-10")
    doc = nlp(article.body)
    return [q.speaker_key for q in extract_quotes(doc, article, extract_mentions(doc, article))]


@pytest.mark.parametrize("text", [
    "Minister of Trade of Norland, Jan Novak, said the tariffs would stay in place.",
    "The head of the delegation of Norland, Jan Novak, told reporters the talks would resume.",
])
def test_the_name_beside_a_role_with_an_of_chain_speaks(nlp, text):
    assert _speakers(nlp, text) == ["Jan Novak"]

