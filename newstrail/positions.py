"""Positions: an actor's stance statements merged across paraphrases and outlets.

Stance mentions of one canonical actor and one stance (demand, reject, deny, threaten,
commit, assess) form one position when their wording is close (TF-IDF cosine over word
n-grams and character n-grams, which survive inflection and transliteration). Assessments
are kept apart unless nearly identical: "no result" and "failed" are the same actor changing
its view over time, which :func:`assessments_over_time` shows in date order.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from .model import ArticleAnalysis, Position, StanceMention, stable_id

__all__ = ["merge_positions", "assessments_over_time", "POSITION_SIM"]

ActorOf = Callable[[str, str], "str | None"]

# Mean cosine (word + char TF-IDF) above which a statement joins a position of the same actor
# and stance. On the invented statements of tests/test_positions.py a reworded demand scores
# 0.29 and different demands of one actor 0.04–0.09; news paraphrases by different outlets
# often score 0.13–0.25, hence a threshold just above the unrelated range.
POSITION_SIM = 0.12
# A statement this many times the threshold similar to one member joins its group even when
# the group's mean is lower (outlets paraphrase a paraphrase). Set by reasoning, not swept.
SINGLE_LINK_FACTOR = 2.0
# Assessments merge only when almost the same words: each is a point in time.
ASSESS_SIM = 0.6


@dataclass(slots=True)
class _Item:
    index: int
    actor: str
    source: str
    flags: frozenset[str]
    stance: StanceMention
    date: str | None = None  # the day the stance was stated (see _said_on)


_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")


def _said_on(stance: StanceMention, published: str | None) -> str | None:
    """The day a stance was stated: its own date when that is a day, else the article's.

    A month or year in a statement ("since 1997", "last June") is what it is about, not
    when it was said. An inferred publication window ("2022-01-13/2022-01-16") is kept as
    the range it is: it still orders the statement among the others.
    """
    for value in (stance.date, published):
        if value and all(_DAY.match(part) for part in value.split("/")):
            return value
    return None


@dataclass(slots=True)
class _Group:
    items: list[_Item] = field(default_factory=list)


def _matrix(texts: Sequence[str]) -> Any:
    """Pairwise cosine over word (1–2) and char (3–5) TF-IDF; an empty text matches nothing."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    blocks = []
    for vec in (TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, stop_words="english"),
                TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)):
        try:
            m = vec.fit_transform(texts)
            blocks.append((m @ m.T).toarray())
        except ValueError:
            blocks.append(np.zeros((len(texts), len(texts))))
    return (blocks[0] + blocks[1]) / 2


def _affiliations(analysis: ArticleAnalysis) -> dict[str, str]:
    """Mention key -> the state or organisation a person speaks for, as this article says."""
    out: dict[str, str] = {}
    for m in analysis.mentions:
        if m.kind == "person" and m.affiliation and m.key not in out:
            out[m.key] = m.affiliation
    return out


def _corpus_affiliations(analyses: Sequence[ArticleAnalysis], actor_of: ActorOf) -> dict[str, str]:
    """Canonical person -> the affiliation most articles give them (canonical too).

    One article may say "Russian Deputy Foreign Minister Ryabkov" and another only "Ryabkov";
    the corpus knows he speaks for Russia in both.
    """
    votes: dict[str, Counter[str]] = {}
    for analysis in analyses:
        aid = analysis.article.id
        for key, aff in _affiliations(analysis).items():
            person = actor_of(aid, key) or key
            votes.setdefault(person, Counter())[actor_of(aid, aff) or aff] += 1
    return {person: c.most_common(1)[0][0] for person, c in votes.items()}


def _named(actor: str) -> bool:
    """A name, not a common noun the parse took for a speaker ("sources", "media")."""
    return actor[:1].isupper()


def _items(analyses: Sequence[ArticleAnalysis], actor_of: ActorOf, by_affiliation: bool) -> list[_Item]:
    """Stance mentions with the actor whose position they state.

    With ``by_affiliation``, an official's statement counts for the state or organisation
    they speak for ("Ryabkov demands…" is Russia's demand), so paraphrases by different
    officials and outlets meet in one position; a person without a known affiliation keeps
    the position in their own name.
    """
    items: list[_Item] = []
    speaks_for = _corpus_affiliations(analyses, actor_of) if by_affiliation else {}
    for analysis in analyses:
        article = analysis.article
        for stance in analysis.stances:
            actor = actor_of(article.id, stance.actor) or stance.actor
            actor = speaks_for.get(actor, actor)
            if not _named(actor):
                continue
            items.append(_Item(len(items), actor, article.source, frozenset(article.flags), stance,
                               _said_on(stance, article.published)))
    return items


def _statement(group: _Group, sims: Any) -> str:
    """The most central, shortest-clear statement of a group (not from a garbled article)."""
    from .timeline import summary_quality

    idx = [i.index for i in group.items]

    def score(item: _Item) -> float:
        central = sum(float(sims[item.index, j]) for j in idx if j != item.index) / max(1, len(idx) - 1)
        return summary_quality(item.stance.statement, item.flags) + 0.3 * central

    return " ".join(max(group.items, key=score).stance.statement.split())


def _position(group: _Group, sims: Any) -> Position:
    items = sorted(group.items, key=lambda i: (i.date or "9999", i.source, i.stance.span.start))
    dates = sorted(d for d in (i.date for i in items) if d)
    first = items[0]
    mentions = tuple(dict.fromkeys(i.stance.span for i in items))
    return Position(
        id=stable_id(first.actor, first.stance.stance, [f"{m.article_id}:{m.start}" for m in mentions]),
        actor=first.actor,
        stance=first.stance.stance,
        statement=_statement(group, sims),
        sources=tuple(dict.fromkeys(i.source for i in items)),
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
        mentions=mentions,
    )


def merge_positions(analyses: Sequence[ArticleAnalysis], actor_of: ActorOf,
                    by_affiliation: bool = True) -> list[Position]:
    """Stance mentions grouped into positions per (actor, stance), most-sourced first.

    ``actor_of(article_id, key)`` gives a mention key's canonical name; officials speak for
    their state or organisation unless ``by_affiliation`` is False.

    Average-link greedy grouping: a mention joins the group whose members it is most similar
    to on average, if that is above the threshold for its stance.
    """
    items = _items(analyses, actor_of, by_affiliation)
    if not items:
        return []
    sims = _matrix([i.stance.statement for i in items])
    groups: dict[tuple[str, str], list[_Group]] = {}
    for item in sorted(items, key=lambda i: (i.date or "9999", i.index)):
        key = (item.actor, item.stance.stance)
        threshold = ASSESS_SIM if item.stance.stance == "assess" else POSITION_SIM
        best, best_sim = None, threshold
        for group in groups.get(key, []):
            pair = [float(sims[item.index, o.index]) for o in group.items]
            # mean link keeps groups tight; a very close paraphrase of one member also joins
            sim = max(sum(pair) / len(pair), max(pair) / SINGLE_LINK_FACTOR)
            if sim >= best_sim:
                best, best_sim = group, sim
        if best is None:
            groups.setdefault(key, []).append(_Group([item]))
        else:
            best.items.append(item)
    positions = [_position(g, sims) for gs in groups.values() for g in gs]
    return sorted(positions, key=lambda p: (-len(p.sources), p.actor, p.stance, p.first or "", p.id))


def assessments_over_time(positions: Sequence[Position], actor: str) -> list[Position]:
    """An actor's assessments in date order (first seen), e.g. 'no result' → 'failed'.

    ``actor`` matches the canonical name case-insensitively, or as a part of it ("Kremlin"
    finds "Kremlin" and "the Kremlin spokesman" when that is the canonical name).
    """
    needle = actor.casefold()
    found = [p for p in positions if p.stance == "assess" and needle in p.actor.casefold()]
    return sorted(found, key=lambda p: (p.first or "9999", p.last or "9999", p.id))
