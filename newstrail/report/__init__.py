"""The story view: a one-file HTML report and a local web app over a newstrail store.

- :func:`write_report` writes one self-contained HTML file (CSS and JS inlined from
  ``static/``, no network) to mail to a colleague: stories, actors and the articles they
  cite, every fact linked to its highlighted source span.
- :func:`newstrail.report.app.create_app` / :func:`newstrail.report.app.serve` run the same
  pages as a local web app (read-only store, search, JSON API, strict CSP).

Both render the templates in ``templates/`` from the contexts in :mod:`.views`.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from ..store import Store
from .links import ReportLinks
from .render import inline_assets, render
from .views import Corpus, actor_view, article_view, stories_view, story_view

__all__ = ["write_report", "render_report"]


def _report_article_ids(corpus: Corpus, story_views: list[dict[str, Any]], whole_store: bool) -> list[str]:
    """Articles the report must carry: every one for a whole-store report, else the story's."""
    if whole_store:
        return list(corpus.articles)
    return list(dict.fromkeys(a["id"] for v in story_views for a in v["articles"]))


def _report_actor_ids(corpus: Corpus, story_views: list[dict[str, Any]], whole_store: bool) -> list[str]:
    """Actors with a page: all of them, or those the story's speakers, positions and entries name."""
    if whole_store:
        return [a["id"] for a in corpus.actors]
    names = set()
    for v in story_views:
        names.update(s["name"] for s in v["speakers"])
        names.update(p["name"] for p in v["positions"])
        names.update(a for e in v["entries"] for a in e["actors"])
    return list(dict.fromkeys(corpus.actor_ids[n] for n in names if n in corpus.actor_ids))


def render_report(store: Store, story: str | None = None) -> str:
    """The report as one HTML string (see :func:`write_report`)."""
    corpus = Corpus(store, ReportLinks())
    story_ids = [corpus.find_story(story)["id"]] if story else [s["id"] for s in corpus.stories]
    story_views = [story_view(corpus, sid) for sid in story_ids]
    front = stories_view(corpus)
    if story:
        front["stories"] = [s for s in front["stories"] if s["id"] in story_ids]
        front["loose"] = []
    article_views = [article_view(corpus, aid) for aid in _report_article_ids(corpus, story_views, story is None)]
    actor_ids = _report_actor_ids(corpus, story_views, story is None)
    return render(
        "report.html",
        links=corpus.links,
        assets=inline_assets(),
        title=story_views[0]["story"]["label"] if story and story_views else "newstrail report",
        generated=_dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        store_name=Path(store.path).name,
        article_count=len(article_views),
        stories_view=front,
        story_views=story_views,
        actors=[a for a in corpus.actors if a["id"] in set(actor_ids)],
        actor_views=[actor_view(corpus, aid) for aid in actor_ids],
        article_views=article_views,
    )


def write_report(store: Store, path: str | Path, story: str | None = None) -> Path:
    """Write the one-file HTML report of the store (or of one ``story``) to ``path``.

    The file needs nothing else: no network, no CDN, no companion files, so it can be mailed.
    Raises :class:`newstrail.errors.StoreError` for an unknown story.
    """
    out = Path(path)
    html = render_report(store, story)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    return out
