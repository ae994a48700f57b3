"""What the actor tests share."""

from __future__ import annotations

from newstrail.actors import extract_mentions
from newstrail.adapters import article_from_text


def affiliations_of_people(nlp, text: str) -> dict[str, str | None]:
    """Each person mention's text and the affiliation read for it, for one invented article."""
    article = article_from_text(text, "2031-02-10")
    return {m.text: m.affiliation for m in extract_mentions(nlp(article.body), article) if m.kind == "person"}
