"""Timeline entries: the same happening, reported by many articles, merged into one entry.

Two event mentions are one happening when they belong to the same story, their dates agree
(the same day, or a day inside the other's month), their PLOVER types are compatible (same
type or same quad), and their wording or participants overlap. Every source and span is kept;
the summary is the clearest source sentence (machine-translated or garbled articles lose);
details the sources disagree on (date, place) are kept side by side in ``conflicts``.

Only happenings the text dates itself ("on Monday", "the 10th", "in February") make the
timeline: an event dated only by its article's publication date is a report, not a dated fact.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

from .events import QUAD
from .model import ArticleAnalysis, EventMention, TimelineEntry, stable_id

__all__ = [
    "merge_timeline",
    "timeline_from_texts",
    "coref_event_mentions",
    "entity_event_timelines",
    "dates_compatible",
    "summarise_timeline",
    "summary_quality",
]

ActorOf = Callable[[str, str], "str | None"]

_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_MONTH = re.compile(r"^\d{4}-\d\d$")
# When two dated mentions are one happening. Word TF-IDF cosine between independent reports of
# one meeting is low (0.03–0.13 for the invented reports in tests/test_timeline.py), so shared
# participants or place plus the same PLOVER type carry most merges; wording alone merges only
# near-copies (syndicated or rewritten text, SIM_ALONE). With shared participants but a merely
# compatible type (same quad), SIM_WITH_EVIDENCE is needed. Set by reasoning, not swept.
SIM_ALONE = 0.45
SIM_WITH_EVIDENCE = 0.12
# Mentions one day apart merge only when this similar, and the date becomes a conflict.
SIM_ADJACENT_DAY = 0.5
# Flags that mark an article's wording as a poor summary.
_POOR_FLAGS = {"machine_translated", "garbled", "low_quality"}


@dataclass(slots=True)
class _Item:
    """One dated event mention with what merging needs."""

    article_id: str
    source: str
    story: str | None
    event: EventMention
    actors: frozenset[str]
    flags: frozenset[str]
    index: int = 0


@dataclass(slots=True)
class _Cluster:
    items: list[_Item] = field(default_factory=list)

    @property
    def story(self) -> str | None:
        return self.items[0].story


# --------------------------------------------------------------------------- dates
def _month_of(value: str) -> str:
    return value[:7]


def dates_compatible(a: str, b: str) -> bool:
    """Same date, or one is the month the other day falls in."""
    if a == b:
        return True
    if _DAY.match(a) and _MONTH.match(b):
        return _month_of(a) == b
    if _DAY.match(b) and _MONTH.match(a):
        return _month_of(b) == a
    return False


def _day_gap(a: str, b: str) -> int | None:
    import datetime as dt

    if not (_DAY.match(a) and _DAY.match(b)):
        return None
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def _timeline_date(value: str | None) -> str | None:
    """The part of a TIMEX value a timeline can use: a day or a month (years are too coarse)."""
    if not value or "/" in value:  # a range (e.g. an inferred publication window) is no date
        return None
    value = value[:10]
    if _DAY.match(value) or _MONTH.match(value):
        return value
    return None


# --------------------------------------------------------------------------- similarity
def _similarities(texts: Sequence[str]) -> Any:
    """Pairwise TF-IDF cosine of the mention sentences (word unigrams and bigrams)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not texts:
        return None
    vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, stop_words="english", min_df=1)
    try:
        matrix = vec.fit_transform(texts)
    except ValueError:  # only stop words
        import numpy as np

        return np.zeros((len(texts), len(texts)))
    return (matrix @ matrix.T).toarray()


class _LazySims:
    """Pairwise TF-IDF cosine of mention sentences, computed when asked for (``sims[i, j]``).

    Why not a matrix: a corpus's n × n similarity matrix is quadratic in memory (100,000
    event mentions would need 80 GB), while merging only ever compares a mention with the
    entries of its own story, so only those pairs are computed (and remembered).
    """

    def __init__(self, texts: Sequence[str]) -> None:
        import numpy as np
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.rows: list[tuple[Any, Any]] = []
        try:
            matrix = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, stop_words="english").fit_transform(texts).tocsr()
            matrix.sort_indices()
            self.rows = [(matrix.indices[a:b], matrix.data[a:b]) for a, b in zip(matrix.indptr[:-1], matrix.indptr[1:])]
        except ValueError:  # only stop words: nothing is similar
            empty = (np.zeros(0, dtype=np.int32), np.zeros(0))
            self.rows = [empty] * len(texts)
        self.cache: dict[tuple[int, int], float] = {}

    def __getitem__(self, pair: tuple[int, int]) -> float:
        import numpy as np

        i, j = pair
        key = (i, j) if i <= j else (j, i)
        if key not in self.cache:
            (ia, da), (ib, db) = self.rows[i], self.rows[j]
            _, x, y = np.intersect1d(ia, ib, assume_unique=True, return_indices=True)
            self.cache[key] = float(np.dot(da[x], db[y]))
        return self.cache[key]


def _types_compatible(a: str, b: str) -> bool:
    return a == b or QUAD.get(a) == QUAD.get(b)


def _place_key(place: str | None) -> str | None:
    return place.casefold().strip() if place else None


def _item_text(item: _Item) -> str:
    """What wording similarity compares: the sentence plus the entry's actors and place."""
    extra = " ".join(sorted(item.actors)) + (" " + item.event.place if item.event.place else "")
    return f"{item.event.sentence} {extra}".strip()


_WORD = re.compile(r"[A-Za-z][a-z'-]+")


@functools.lru_cache(maxsize=4096)
def _type_nouns(sentence: str) -> frozenset[str]:
    """PLOVER types whose happening the sentence names with a strong trigger word ("the talks",
    "Monday's meeting"), by surface lemma guesses (no parse)."""
    from .events import TRIGGERS, _surface_lemmas

    found = set()
    for word in _WORD.findall(sentence.lower()):
        for form in _surface_lemmas(word):
            found.update(t.type for t in TRIGGERS.get(form, ()) if t.particle is None and t.weight >= 1.0)
    return frozenset(found)


def _refers_to(item: _Item, other: _Item) -> bool:
    """One mention is a statement or comment about the other's happening on the same day.

    "Sherman told reporters the US came to Monday's meeting to…" types as something else
    than the meeting it is about, but names it ("meeting") and is dated by it.
    """
    a, b = item.event, other.event
    if a.date != b.date or not (a.date and _DAY.match(a.date)):
        return False
    return b.type in _type_nouns(a.sentence) or a.type in _type_nouns(b.sentence)


def _main_type(cluster: _Cluster) -> str:
    return Counter(i.event.type for i in cluster.items).most_common(1)[0][0]


def _sources(cluster: _Cluster) -> set[str]:
    return {i.source for i in cluster.items}


def _places(cluster: _Cluster) -> set[str]:
    return {p for p in (_place_key(i.event.place) for i in cluster.items) if p}


def _evidence(a: _Cluster, b: _Cluster, sims: Any) -> bool:
    """Shared participants or place, or similar wording, between two clusters."""
    if {x for i in a.items for x in i.actors} & {x for i in b.items for x in i.actors}:
        return True
    if _places(a) & _places(b):
        return True
    return any(float(sims[i.index, j.index]) >= SIM_WITH_EVIDENCE for i in a.items for j in b.items)


def _absorb_references(clusters: list[_Cluster], sims: Any) -> list[_Cluster]:
    """Fold comments on a day's main happening into its entry.

    On one day of one story, the happening with the most sources is the day's anchor. Another
    cluster of that day whose sentences name the anchor's kind of happening ("the talks were
    difficult", "came to Monday's meeting", "after the dialogue on the 10th") is about it when
    nothing sets it apart: no place of its own that differs, the same negation and reality,
    and either fewer sources than the anchor or shared participants, place or wording.
    """
    by_day: dict[tuple[str | None, str], list[_Cluster]] = {}
    for c in clusters:
        day = c.items[0].event.date or ""
        if _DAY.match(day):
            by_day.setdefault((c.story, day), []).append(c)
    absorbed: set[int] = set()
    for group in by_day.values():
        if len(group) < 2:
            continue
        group = sorted(group, key=lambda c: (-len(_sources(c)), -len(c.items)))
        anchor = group[0]
        kind = _main_type(anchor)
        head = anchor.items[0].event
        for other in group[1:]:
            if not any(kind in _type_nouns(i.event.sentence) for i in other.items):
                continue
            if any(i.event.negated != head.negated or i.event.hypothetical != head.hypothetical for i in other.items):
                continue
            places = _places(other)
            if places and _places(anchor) and not (places & _places(anchor)) and not _places_nested(places | _places(anchor)):
                continue
            if len(_sources(other)) < len(_sources(anchor)) or _evidence(anchor, other, sims):
                anchor.items.extend(other.items)
                absorbed.add(id(other))
    return [c for c in clusters if id(c) not in absorbed]


def _should_merge(cluster: _Cluster, item: _Item, sims: Any) -> bool:
    """Whether an item reports the happening a cluster holds (best-matching member decides)."""
    if cluster.story != item.story:
        return False
    e = item.event
    for other in cluster.items:
        o = other.event
        if other.article_id == item.article_id and o.span == e.span:
            if o.date == e.date:
                return True
            continue  # one sentence naming two days reports two happenings
        if o.negated != e.negated or o.hypothetical != e.hypothetical:
            continue
        sim = float(sims[item.index, other.index])
        if not _types_compatible(o.type, e.type):
            shared = bool(item.actors & other.actors) or (
                _place_key(e.place) is not None and _place_key(e.place) == _place_key(o.place))
            if _refers_to(item, other) and (shared or sim >= SIM_WITH_EVIDENCE):
                return True
            continue
        assert e.date is not None and o.date is not None
        if not dates_compatible(o.date, e.date):
            if _day_gap(o.date, e.date) == 1 and sim >= SIM_ADJACENT_DAY and other.article_id != item.article_id:
                return True
            continue
        shared = bool(item.actors & other.actors) or (
            _place_key(e.place) is not None and _place_key(e.place) == _place_key(o.place))
        if sim >= SIM_ALONE or (shared and (sim >= SIM_WITH_EVIDENCE or o.type == e.type)):
            return True
    return False


# --------------------------------------------------------------------------- summary
_GARBLE = re.compile(r"[^\w\s,.;:'\"’“”()\-–—%$€£/]")


def summary_quality(sentence: str, flags: Iterable[str] = ()) -> float:
    """How good a sentence is as a timeline summary (higher is better).

    Prefers 8–30 words, few odd characters, and articles not flagged as machine-translated or
    garbled; a sentence that starts mid-thought ("But", "He said") loses a little.
    """
    words = sentence.split()
    score = 1.0
    if len(words) < 8:
        score -= 0.05 * (8 - len(words))
    if len(words) > 30:
        score -= 0.02 * (len(words) - 30)
    odd = len(_GARBLE.findall(sentence)) / max(1, len(sentence))
    score -= 5 * odd
    if set(flags) & _POOR_FLAGS:
        score -= 0.5
    text = sentence.strip()
    if re.match(r"^(?:he|she|it|they|we|i|his|her|its|their|this|these|those)\b", text, re.I):
        score -= 0.3  # a pronoun needs the sentence before it
    elif re.match(r"^(?:but|and|however|also|according to|that)\b", text, re.I):
        score -= 0.15
    if text[:1] in "\"“‘'”’":  # a quote is a voice, not a summary
        score -= 0.3
    if text.count("\"") % 2 or text.count("“") != text.count("”"):
        score -= 0.2  # a dangling quote mark: cut out of a longer quote
    return score


def _summary(cluster: _Cluster, sims: Any) -> str:
    items = cluster.items
    idx = [i.index for i in items]

    planned = all(i.event.future for i in items)

    def score(item: _Item) -> float:
        central = sum(float(sims[item.index, j]) for j in idx if j != item.index) / max(1, len(idx) - 1)
        # a plan ("will travel") summarises a past happening badly, and a later reference
        # ("after Monday's talks") worse than the report dated by its own clue
        mismatch = 0.3 if item.event.future != planned else 0.0
        return summary_quality(item.event.sentence, item.flags) + 0.3 * central - mismatch

    best = max(items, key=score)
    return " ".join(best.event.sentence.split())


# --------------------------------------------------------------------------- entries
def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def _entry_date(cluster: _Cluster) -> str:
    """The finest date most sources give (a day beats the month it lies in)."""
    dates = Counter(i.event.date for i in cluster.items if i.event.date)
    days = Counter({d: n for d, n in dates.items() if _DAY.match(d)})
    chosen = days or dates
    return sorted(chosen.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _conflicts(cluster: _Cluster, date: str) -> tuple[str, ...]:
    """Details the sources disagree on, each side with its sources."""
    out = []
    by_date: dict[str, list[str]] = {}
    for i in cluster.items:
        d = i.event.date or ""
        if _DAY.match(d) and d != date:
            by_date.setdefault(d, []).append(i.source)
    if by_date:
        main = sorted({i.source for i in cluster.items if i.event.date == date})
        sides = [f"{date} ({', '.join(main)})"] + [f"{d} ({', '.join(sorted(set(s)))})" for d, s in sorted(by_date.items())]
        out.append("date: " + " vs ".join(sides))
    places: dict[str, set[str]] = {}
    for i in cluster.items:
        if i.event.place:
            places.setdefault(i.event.place, set()).add(i.source)
    folded = {p.casefold() for p in places}
    if len(folded) > 1 and not _places_nested(folded):
        out.append("place: " + " vs ".join(f"{p} ({', '.join(sorted(s))})" for p, s in sorted(places.items())))
    return tuple(out)


def _places_nested(places: set[str]) -> bool:
    """'Geneva' and 'Geneva, Switzerland' are not a conflict."""
    items = sorted(places, key=len)
    return all(any(a in b or b in a for b in items if b != a) for a in items)


def _entry(cluster: _Cluster, sims: Any) -> TimelineEntry:
    items = sorted(cluster.items, key=lambda i: (i.event.date or "", i.article_id, i.event.span.start))
    date = _entry_date(cluster)
    actors = Counter(a for i in items for a in i.actors)
    mentions = tuple(dict.fromkeys(i.event.span for i in items))
    return TimelineEntry(
        id=stable_id(cluster.story or "", date, [f"{m.article_id}:{m.start}" for m in mentions]),
        story=cluster.story,
        date=date,
        date_how="text" if any(i.event.date_how == "text" for i in items) else "inferred",
        type=_most_common(i.event.type for i in items) or items[0].event.type,
        summary=_summary(cluster, sims),
        actors=tuple(a for a, _ in sorted(actors.items(), key=lambda kv: (-kv[1], kv[0]))),
        recipient=_most_common(i.event.recipient for i in items),
        place=_most_common(i.event.place for i in items),
        negated=all(i.event.negated for i in items),
        hypothetical=all(i.event.hypothetical for i in items),
        future=all(i.event.future for i in items),
        sources=tuple(dict.fromkeys(i.source for i in items)),
        mentions=mentions,
        conflicts=_conflicts(cluster, date),
    )


def _items(analyses: Sequence[ArticleAnalysis], story_of: dict[str, str], actor_of: ActorOf) -> list[_Item]:
    """Dated, real (not hypothetical) event mentions, with canonical actors."""
    items = []
    for analysis in analyses:
        article = analysis.article
        events = [e for event in analysis.events for e in _redate(event, article.published, article.published_how)]
        for event in events:
            date = _timeline_date(event.date)
            if date is None or event.hypothetical:
                continue
            actors = set()
            for key in (event.actor, event.recipient):
                if key:
                    actors.add(actor_of(article.id, key) or key)
            items.append(_Item(
                article_id=article.id,
                source=article.source,
                story=story_of.get(article.id),
                event=_with_date(event, date),
                actors=frozenset(actors),
                flags=frozenset(article.flags),
                index=len(items),
            ))
    return items


def _redate(event: EventMention, published: str | None, published_how: str | None) -> list[EventMention]:
    """The event's dated versions, or none when its own text gives no date.

    An article dated late (inferred from its story) had no anchor when its events were
    dated, so its events are dated again from their own sentence: each distinct day or month
    the sentence names gives one event ("talks on Monday and the council on Wednesday"),
    marked "inferred" because the anchor was. A sentence with no date clue gives nothing:
    the timeline keeps only happenings the text dates.
    """
    if published_how != "inferred":
        return [event] if event.date_how == "text" and _timeline_date(event.date) else []
    if not published:
        return []
    try:
        from .timex import time_expressions
    except ImportError:
        return []
    dates = []
    for _start, _end, value, type_ in time_expressions(event.sentence, published):
        date = _timeline_date(value) if type_ in ("DATE", "TIME") and "X" not in value else None
        if date and date not in dates:
            dates.append(date)
    return [EventMention.from_dict({**event.to_dict(), "date": d, "date_how": "inferred"}) for d in dates]


def _with_date(event: EventMention, date: str) -> EventMention:
    if event.date == date:
        return event
    return EventMention.from_dict({**event.to_dict(), "date": date})


def merge_timeline(analyses: Sequence[ArticleAnalysis], story_of: dict[str, str],
                   actor_of: ActorOf) -> list[TimelineEntry]:
    """Dated happenings of all articles, merged across articles, in date order.

    ``story_of`` maps article id to story id; ``actor_of(article_id, key)`` gives an actor
    key's canonical name (or None). Greedy single pass in date order: each mention joins the
    first entry it matches, else starts one (cheap, and stable as articles arrive).
    """
    items = _items(analyses, story_of, actor_of)
    if not items:
        return []
    sims = _LazySims([_item_text(i) for i in items])
    clusters: list[_Cluster] = []
    by_story: dict[str | None, list[_Cluster]] = {}  # only a story's own entries can take a mention
    for item in sorted(items, key=lambda i: (i.event.date or "", i.article_id, i.event.span.start)):
        target = next((c for c in by_story.get(item.story, []) if _should_merge(c, item, sims)), None)
        if target is None:
            cluster = _Cluster([item])
            clusters.append(cluster)
            by_story.setdefault(item.story, []).append(cluster)
        else:
            target.items.append(item)
    clusters = _absorb_references(clusters, sims)
    entries = [_entry(c, sims) for c in clusters]
    return sorted(entries, key=lambda e: (e.date or "", e.story or "", -len(e.sources), e.id))


# --------------------------------------------------------------------------- adapters
def _analyse_text(text: str, published: str | None, source: str) -> ArticleAnalysis:
    """The per-article stages on one plain text (no cleaning): mentions, timexes, events."""
    from .actors import extract_mentions
    from .adapters import article_from_text
    from .events import extract_events
    from .nlp import parse
    from .timex import extract_timexes

    article = article_from_text(text, published, source)
    doc = parse(text)
    mentions = extract_mentions(doc, article)
    timexes = extract_timexes(doc, article)
    events = extract_events(doc, article, mentions, timexes)
    return ArticleAnalysis(article=article, mentions=tuple(mentions), timexes=tuple(timexes), events=tuple(events))


def timeline_from_texts(articles: list[dict[str, Any]], max_dates: int | None = None) -> list[tuple[str, str]]:
    """(date, summary) pairs from articles given as ``{"text", "published"}``, in date order.

    All articles are taken as one story. With ``max_dates``, only the dates with the most
    sources and mentions are kept (timeline summarisation benchmarks fix the length).
    """
    analyses = [_analyse_text(a["text"], a.get("published"), a.get("source") or f"<text {i}>")
                for i, a in enumerate(articles)]
    story_of = {a.article.id: "story" for a in analyses}
    entries = merge_timeline(analyses, story_of, lambda _aid, key: key)
    if max_dates is not None:
        weight: Counter[str] = Counter()
        for e in entries:
            weight[e.date or ""] += len(e.sources) + 0.5 * len(e.mentions)
        keep = {d for d, _ in weight.most_common(max_dates)}
        entries = [e for e in entries if e.date in keep]
    return [(e.date or "", e.summary) for e in entries]


def _doc_items(docs: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any], str]]:
    """(doc, mention, sentence around the mention) for every marked event mention."""
    out = []
    for doc in docs:
        text = doc["text"]
        for m in doc.get("mentions", []):
            lo, hi = _sentence_around(text, m["start"], m["end"])
            out.append((doc, m, text[lo:hi]))
    return out


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (by full stops and line breaks) that holds [start, end)."""
    dot, newline = text.rfind(". ", 0, start), text.rfind("\n", 0, start)
    lo = max(dot + 2 if dot != -1 else 0, newline + 1 if newline != -1 else 0)
    ends = [p for p in (text.find(". ", end), text.find("\n", end)) if p != -1]
    return lo, (min(ends) + 1 if ends else len(text))


# Cross-document event coreference: a mention joins a cluster when its trigger matches
# (same stem) and its sentence context is this similar, or when only the PLOVER type matches
# and the context is twice as similar. Set by reasoning on how reports of one happening share
# participants and places (a shared name or two in a 10-20 word sentence); not fitted.
COREF_CONTEXT_SIM = 0.1


def _stem(word: str) -> str:
    word = word.casefold().strip(" .,;:'\"")
    for suffix in ("ings", "ing", "ions", "ion", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def coref_event_mentions(docs: list[dict[str, Any]]) -> dict[str, str]:
    """Mention id -> cluster id; one cluster per real-world happening across documents.

    The same rule as timeline merging without dates: compatible trigger (same stem, or same
    PLOVER type) and similar context (TF-IDF over the mention's sentence).
    """
    from .events import description_scores

    items = _doc_items(docs)
    if not items:
        return {}
    sims = _similarities([s for _, _, s in items])
    types = []
    for _, m, s in items:
        scores = description_scores(m.get("text") or s)
        types.append(max(scores, key=scores.__getitem__))
    cluster_of: list[int] = []
    for i, (_, m, _) in enumerate(items):
        stem = _stem(m.get("text", ""))
        found = None
        for j in range(i):
            _, other, _ = items[j]
            sim = float(sims[i, j])
            same_stem = stem == _stem(other.get("text", ""))
            if (same_stem and sim >= COREF_CONTEXT_SIM) or (types[i] == types[j] and sim >= 2 * COREF_CONTEXT_SIM):
                found = cluster_of[j]
                break
        cluster_of.append(found if found is not None else i)
    return {str(items[i][1]["id"]): f"c{cluster_of[i]}" for i in range(len(items))}


def _anchor(value: str | None) -> str:
    """A TIMEX value as an entity-timeline anchor: YYYY-MM-DD, YYYY-MM, YYYY or XXXX-XX-XX."""
    if value:
        for pattern in (r"^\d{4}-\d\d-\d\d", r"^\d{4}-\d\d(?!-)", r"^\d{4}(?![-\d])"):
            m = re.match(pattern, value)
            if m:
                return m.group(0)
    return "XXXX-XX-XX"


def entity_event_timelines(docs: list[dict[str, Any]], entities: list[str]) -> dict[str, list[tuple[str, str]]]:
    """For each entity, the marked event mentions whose sentence names it, with a date anchor.

    The anchor is the nearest time expression in the mention's sentence (resolved against the
    document's ``dct``), else the document date.
    """
    from .timex import time_expressions

    out: dict[str, list[tuple[str, str]]] = {e: [] for e in entities}
    folded = {e: e.casefold() for e in entities}
    for doc in docs:
        text, dct = doc["text"], doc.get("dct")
        found = time_expressions(text, dct)
        for m in doc.get("mentions", []):
            lo, hi = _sentence_around(text, m["start"], m["end"])
            sentence = text[lo:hi].casefold()
            near = [(abs(s - m["start"]), v) for s, e, v, t in found if lo <= s < hi and t in ("DATE", "TIME")]
            value = min(near)[1] if near else dct
            for entity, key in folded.items():
                if key in sentence:
                    out[entity].append((_anchor(value), str(m["id"])))
    for entity in out:
        out[entity].sort()
    return out


# --------------------------------------------------------------------------- large-corpus summary
# Timeline summarisation over many articles without a parse: dates are ranked by how many
# sentences refer to them (a day that later reports keep naming is a day something happened)
# plus a smaller weight for articles published that day. PUB_WEIGHT (a publication counts
# half a mention) and MAX_SENTENCES were set once by reasoning, not swept; bench/tls.py prints
# the T17 topics "egypt"/"haiti" and "finan"/"h1n1" apart so a future sweep has a held-out half.
PUB_WEIGHT = 0.5
MAX_SENTENCES = 40  # sentences read per article: leads carry the dated news
_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n+")


def _sentences(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _SENT_SPLIT.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def summarise_timeline(articles: list[dict[str, Any]], max_dates: int, per_date: int = 1) -> list[tuple[str, list[str]]]:
    """A fixed-length timeline of day dates with ``per_date`` summary sentences each.

    For corpora too large to parse: time expressions come from the timex rules alone (no
    spaCy), and event sentences from the surface lexicon (:func:`newstrail.events.has_trigger`).
    """
    import datetime as dt

    from .events import has_trigger
    from .timex import time_expressions

    pub_days = [a.get("published") for a in articles if a.get("published")]
    lo = min(pub_days)[:10] if pub_days else "0000-01-01"
    hi = max(pub_days)[:10] if pub_days else "9999-12-31"
    lo_day = (dt.date.fromisoformat(lo) - dt.timedelta(days=31)).isoformat() if pub_days else lo
    score: Counter[str] = Counter()
    candidates: dict[str, list[str]] = {}
    for a in articles:
        text, published = a["text"], (a.get("published") or "")[:10] or None
        if published:
            score[published] += PUB_WEIGHT
        sents = _sentences(text)[:MAX_SENTENCES]
        if not sents:
            continue
        head = text[: sents[-1][1]]
        found = time_expressions(head, published)
        for start, end in sents:
            sentence = " ".join(text[start:end].split())
            if len(sentence.split()) < 6:
                continue
            days = {v[:10] for s, e, v, t in found if start <= s < end and t in ("DATE", "TIME") and _DAY.match(v[:10])}
            days = {d for d in days if lo_day <= d <= hi and d != published}
            weight = 1.0 if has_trigger(sentence) else 0.5
            for d in days:
                score[d] += weight
                candidates.setdefault(d, []).append(sentence)
            if published and not days and start == sents[0][0]:
                candidates.setdefault(published, []).append(sentence)
    chosen = sorted(d for d, _ in score.most_common(max_dates))
    out = []
    for d in chosen:
        sentences = candidates.get(d, [])
        out.append((d, _central(sentences, per_date)))
    return out


def _central(sentences: list[str], k: int) -> list[str]:
    """The k sentences most similar to the rest (the centroid of what the sources say)."""
    unique = list(dict.fromkeys(sentences))
    if len(unique) <= k:
        return unique
    sims = _similarities(unique)
    order = sorted(range(len(unique)), key=lambda i: -(float(sims[i].sum()) - 1.0) + 0.01 * i)
    return [unique[i] for i in order[:k]]
