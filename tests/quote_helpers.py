"""What the quote tests share besides the ``quotes_of`` fixture (in conftest.py)."""

from __future__ import annotations


def holding(quotes, fragment: str):
    """The first quote whose content holds ``fragment``; the test fails, listing the
    contents found, when none does."""
    hits = [q for q in quotes if fragment in q.content_text]
    assert hits, f"no quote holds {fragment!r}: {[q.content_text for q in quotes]}"
    return hits[0]
