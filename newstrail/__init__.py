"""newstrail: turn a pile of raw news articles into a sourced record of a developing story.

The public API is re-exported here (see :mod:`newstrail.api`); records live in
:mod:`newstrail.model`, errors in :mod:`newstrail.errors`.
"""

import logging

from .api import (
    build,
    demo,
    export,
    list_actors,
    list_articles,
    list_dates,
    list_duplicates,
    list_positions,
    list_problems,
    list_quotes,
    list_stories,
    list_timeline,
    open_store,
    search,
    show_article,
    story_detail,
)
from .errors import ConfigError, InputError, NewstrailError, StoreError

logging.getLogger("newstrail").addHandler(logging.NullHandler())

__version__ = "0.1.0"

__all__ = [
    "ConfigError",
    "InputError",
    "NewstrailError",
    "StoreError",
    "build",
    "demo",
    "export",
    "list_actors",
    "list_articles",
    "list_dates",
    "list_duplicates",
    "list_positions",
    "list_problems",
    "list_quotes",
    "list_stories",
    "list_timeline",
    "open_store",
    "search",
    "show_article",
    "story_detail",
]
