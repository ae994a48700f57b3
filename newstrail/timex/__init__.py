"""Time expressions → calendar dates.

News dates itself relatively ("on Monday", "last June", "the 10th", "two years ago"), so a
date is only as good as the anchor and the tense it is read with. This package has three
layers, each in its own module:

1. **Recognise** (`grammar`): a grammar of named fragments (``{MONTH}``, ``{WEEKDAY}``,
   ``{NUM}``, ``{UNIT}`` …) composed into a few dozen patterns; every pattern is run, and the
   longest non-overlapping matches win (ties go to the pattern listed first). Each match keeps
   the name of the rule that found it, so resolution knows what it is looking at.
2. **Resolve** (`resolve`, with `tense`): one function per rule turns a match into a TIMEX3 value from the
   anchor (the document creation date, or the date just mentioned for "the same day"/"a year
   earlier") and the tense of the clause (spaCy tags when a parse is given, a cheap verb-form
   heuristic otherwise). Without an anchor, unknown parts are written as X ("XXXX-XX-10",
   "XXXX-WXX-1") so that story-level inference can fill them later.
3. **Use** (`article`: `extract_timexes`, `date_for_span`; `infer`: `infer_publication_dates`): map spans back
   to the original text, pick the date a sentence happened on, and date undated articles
   from the dated articles of the same story.

An anchor may also be partial or a range ("2022-01", "2022-01-12/2022-01-16", as inference
produces): expressions are then resolved against both ends and only the parts on which the
two agree are kept.
"""

from __future__ import annotations

from .article import date_for_span, extract_timexes
from .infer import infer_publication_dates
from .resolve import resolve_all, time_expressions
from .tense import doc_tense, heuristic_tense

__all__ = [
    "date_for_span",
    "doc_tense",
    "extract_timexes",
    "heuristic_tense",
    "infer_publication_dates",
    "resolve_all",
    "time_expressions",
]
