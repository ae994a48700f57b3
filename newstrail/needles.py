"""Strings every match of a regular expression contains, read from the parsed pattern.

Why: cleaning's widget phrases and the time grammar's rules open with alternations and optional
words, which the regex engine tries at every character of a line or window. When every match
holds one of a few literal strings ("cookies", "ago", a month name), one ``in`` test of each
rules out most texts at a fraction of the cost, and the answer stays the pattern's own.

Why hand-written: no maintained library reads the required literals out of a Python pattern;
the tree comes from the ``re`` module's own parser (``re._parser``, Python 3.11+), so it is
the tree the engine matches with, and it stays right when a pattern is edited.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["required_strings"]


def required_strings(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Strings one of which every match of ``pattern`` contains (as written), or None.

    A run of literal characters occurs as written; a group, or a repeat of at least once, needs
    what its content needs; alternatives need one of what each needs (nothing if one needs
    nothing); look-arounds, classes and optional parts need nothing, so the strings only ever
    under-state what a match holds. Of a sequence's requirements the most selective is kept:
    the longest shortest string, then the fewest strings. Case-insensitive callers compare
    lower-cased texts with lower-cased strings.
    """
    return _needs(re._parser.parse(pattern, flags))


def _needs(items: Any) -> tuple[str, ...] | None:
    from re._constants import BRANCH, LITERAL, MAX_REPEAT, MIN_REPEAT, SUBPATTERN

    options: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, arg in [*items, (None, None)]:
        if op is LITERAL:
            run.append(chr(arg))
            continue
        if run:  # anything but a literal character ends the run (even a zero-width test)
            options.append(("".join(run),))
            run = []
        found = None
        if op is SUBPATTERN and not arg[1] and not arg[2]:  # a group without inline flags
            found = _needs(arg[3])
        elif op in (MAX_REPEAT, MIN_REPEAT) and arg[0] >= 1:
            found = _needs(arg[2])
        elif op is BRANCH:
            alternatives = [_needs(branch) for branch in arg[1]]
            if all(alternatives):
                found = tuple(dict.fromkeys(s for alt in alternatives for s in alt))  # type: ignore[union-attr]
        if found:
            options.append(found)
    return max(options, key=lambda strings: (min(map(len, strings)), -len(strings)), default=None)
