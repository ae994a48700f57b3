"""The Jinja environment shared by the web app and the one-file report.

Autoescape is on for every template (article text, titles and names are untrusted); the
only values marked safe are the highlighted article HTML (escaped piece by piece in
:mod:`.highlight`) and the package's own CSS and JS inlined into the report.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .chart import type_class

__all__ = ["environment", "render", "static_files", "static_text", "inline_assets"]

STATIC_PACKAGE = "newstrail.report"


@lru_cache(maxsize=1)
def environment() -> Environment:
    """One environment per process: templates compile once and are cached."""
    env = Environment(
        loader=PackageLoader("newstrail.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["type_class"] = type_class
    return env


def render(template: str, **context: Any) -> str:
    """Render one template; ``links`` (a :class:`Links`) must be in the context."""
    context.setdefault("assets", None)
    context.setdefault("query", "")
    context.setdefault("title", "")
    return environment().get_template(template).render(**context)


@lru_cache(maxsize=1)
def static_files() -> dict[str, bytes]:
    """The files the app may serve, by name: a fixed allow-list read from the package.

    Serving only names from this dict is what makes path traversal impossible: a request
    path is looked up, never joined to a directory.
    """
    folder = resources.files(STATIC_PACKAGE) / "static"
    return {entry.name: entry.read_bytes() for entry in folder.iterdir() if entry.is_file()}


def static_text(name: str) -> str:
    return static_files()[name].decode("utf-8")


def inline_assets() -> dict[str, Markup]:
    """CSS and JS for the one-file report (our own files, so safe to inline as-is)."""
    css, js = static_text("report.css"), static_text("report.js")
    if "</style" in css.lower() or "</script" in js.lower():  # would end the element early
        raise ValueError("static assets must not contain closing style/script tags")
    return {"css": Markup(css), "js": Markup(js)}
