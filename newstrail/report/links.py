"""Where a link points: a page of the web app, or a section of the one-file report.

Why two kinds: the same templates render both. In the app every page has its own URL and
spans are ``/article/<id>#s-<start>-<end>``; in the mailed report everything is in one file,
so pages are sections (``#article-<id>``) and span ids carry the article id to stay unique.
"""

from __future__ import annotations

from urllib.parse import quote

from .highlight import span_key

__all__ = ["Links", "AppLinks", "ReportLinks"]


def _q(part: str) -> str:
    """One path segment, percent-encoded (ids are hex, but names may reach a URL)."""
    return quote(str(part), safe="")


class Links:
    """Interface: the templates call only these methods."""

    static_report = False

    def home(self) -> str:
        raise NotImplementedError

    def story(self, story_id: str) -> str:
        raise NotImplementedError

    def actor(self, actor_id: str) -> str:
        raise NotImplementedError

    def article(self, article_id: str) -> str:
        raise NotImplementedError

    def span_prefix(self, article_id: str) -> str:
        """Prefix of span element ids on an article's page or section."""
        raise NotImplementedError

    def span(self, article_id: str, start: int, end: int) -> str:
        raise NotImplementedError


class AppLinks(Links):
    """URLs of the local web app."""

    def home(self) -> str:
        return "/"

    def story(self, story_id: str) -> str:
        return f"/story/{_q(story_id)}"

    def actor(self, actor_id: str) -> str:
        return f"/actor/{_q(actor_id)}"

    def article(self, article_id: str) -> str:
        return f"/article/{_q(article_id)}"

    def span_prefix(self, article_id: str) -> str:
        return ""

    def span(self, article_id: str, start: int, end: int) -> str:
        return f"{self.article(article_id)}#{span_key(start, end)}"


class ReportLinks(Links):
    """Fragments inside the one-file report."""

    static_report = True

    def home(self) -> str:
        return "#stories"

    def story(self, story_id: str) -> str:
        return f"#story-{_q(story_id)}"

    def actor(self, actor_id: str) -> str:
        return f"#actor-{_q(actor_id)}"

    def article(self, article_id: str) -> str:
        return f"#article-{_q(article_id)}"

    def span_prefix(self, article_id: str) -> str:
        return f"a-{article_id}-"

    def span(self, article_id: str, start: int, end: int) -> str:
        return f"#{self.span_prefix(_q(article_id))}{span_key(start, end)}"
