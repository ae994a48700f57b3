"""A synthetic store, written record by record, for the report's tests, browser tests and benchmark.

Why it exists: the report must be testable (and measurable at 1,000 articles) without the NLP
pipeline, which is slow and may be unfinished. Every text here is invented; spans are found
with ``str.find`` on the article text, so ``article.text[start:end]`` is always the evidence,
exactly as the real stages promise.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path

from ..model import (
    Actor,
    Article,
    ArticleAnalysis,
    Duplicate,
    EventMention,
    LineLabel,
    Mention,
    OffsetMap,
    Position,
    Quote,
    Span,
    StanceMention,
    Story,
    TimeExpr,
    TimelineEntry,
    content_id,
    stable_id,
)
from ..store import Store

__all__ = ["write_sample_store", "HOSTILE_TEXT"]

OUTLETS = ("Dravik Herald", "Riverline Wire", "Kessel Morning Post", "Marrowgate Echo", "Continental Observer")
# (name, kind, role, variants) — the speakers and places the invented articles talk about.
PEOPLE = {
    "Anton Bereszky": ("person", "deputy foreign minister", ("Bereszky", "Mr Bereszky")),
    "Halvard Lindqvist": ("person", "water and energy minister", ("Lindqvist", "Mr Lindqvist")),
    "Jonas Brekke": ("person", "spokesman", ("Brekke",)),
}
PLACES = {"Brennhalt": "other", "Inter-Basin Water Commission": "organisation"}
# One event template per happening; {day} is the weekday word resolved to the entry's date.
EVENTS = (
    ("CONSULT", "Delegations met in Brennhalt on {day} for talks on the river flow.", ("Anton Bereszky", "Halvard Lindqvist")),
    ("REJECT", "Bereszky rejected the proposal on {day}, saying it ignored the summer flow.", ("Anton Bereszky",)),
    ("REQUEST", "Lindqvist called on {day} for a halt to the reservoir filling.", ("Halvard Lindqvist",)),
    ("THREATEN", "Brekke warned on {day} that a filling date would end the talks.", ("Jonas Brekke",)),
)
QUOTES = (
    ("Anton Bereszky", "Bereszky", "told reporters", "We will not sign away the summer flow"),
    ("Halvard Lindqvist", "Lindqvist", "said", "The gates stay open while we talk"),
    ("Jonas Brekke", "Brekke", "said", "Nobody has set a date for the next round"),
)
BOILERPLATE = ("Share this article on Facebook", "Read more: weather, sport and markets")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
START = _dt.date(2031, 3, 3)  # a Monday
# The text an adversarial test article carries in its title, body, a quote and a speaker name.
HOSTILE_TEXT = "<script>alert(1)</script> and <img src=x onerror=alert(1)>"


@dataclass
class _Draft:
    """An article being assembled: text plus findings with offsets into that text."""

    lines: list[tuple[str, str]] = field(default_factory=list)  # (label, line)

    def text(self) -> str:
        return "\n".join(line for _, line in self.lines) + "\n"


def _span(aid: str, text: str, needle: str, after: int = 0) -> Span:
    start = text.index(needle, after)
    return Span(aid, start, start + len(needle))


def _event_day(k: int) -> _dt.date:
    return START + _dt.timedelta(days=k)


def _article(i: int, n_events: int, hostile: bool) -> tuple[ArticleAnalysis, list[tuple[int, int]]]:
    """One invented article; returns its analysis and (template, happening) pairs it reports."""
    outlet = OUTLETS[i % len(OUTLETS)]
    happenings = sorted({(i + j * 7) % n_events for j in range(2)})
    published = _event_day(max(happenings) + 1)
    title = f"Talks update {i}: delegations weigh next steps" if not hostile else f"Hostile {HOSTILE_TEXT}"
    draft = _Draft([("title", title), ("byline", f"By staff reporter | {outlet}"), ("blank", "")])
    reported = []
    for k in happenings:
        sentence = EVENTS[k % len(EVENTS)][1]
        day = WEEKDAYS[_event_day(k).weekday()]
        draft.lines.append(("body", sentence.format(day=day) + f" Round {k} ended late."))
        reported.append((k % len(EVENTS), k))
    speaker, short, cue, words = QUOTES[i % len(QUOTES)]
    content = words if not hostile else HOSTILE_TEXT
    draft.lines.append(("body", f'"{content}," {short} {cue} after the meeting.'))
    draft.lines.append(("body", "Officials from Inter-Basin Water Commission will review the outcome."))
    if hostile:
        draft.lines.append(("body", f"A reader wrote {HOSTILE_TEXT} in the comments."))
    draft.lines.append(("boilerplate", BOILERPLATE[i % 2]))
    text = draft.text()
    aid = content_id(text)
    labels, pos = [], 0
    for label, line in draft.lines:
        labels.append(LineLabel(pos, pos + len(line), label, "share widget" if label == "boilerplate" else ""))
        pos += len(line) + 1
    body_lines = [(lab, line) for lab, line in zip(labels, (l for _, l in draft.lines)) if lab.label == "body"]
    body = "\n".join(line for _, line in body_lines)
    segments, body_pos = [], 0
    for lab, line in body_lines:
        segments.append((body_pos, lab.start, len(line)))
        body_pos += len(line) + 1
    flags = ("machine_translated",) if i % 50 == 7 else ()
    article = Article(
        id=aid, source=f"synthetic/{i:05d}.txt", text=text, body=body, offsets=OffsetMap(tuple(segments)),
        title=title, byline="By staff reporter", outlet=outlet, published=published.isoformat(),
        published_how="inferred" if i % 40 == 3 else "metadata", language="en", flags=flags, lines=tuple(labels),
    )
    return _findings(article, happenings, speaker, short, cue, content), reported


def _findings(article: Article, happenings: list[int], speaker: str, short: str, cue: str, content: str) -> ArticleAnalysis:
    """Mentions, time expressions, the quote, events and stances of one invented article."""
    text, aid = article.text, article.id
    mentions, timexes, events, stances = [], [], [], []
    for k in happenings:
        type_, sentence, actors = EVENTS[k % len(EVENTS)]
        day_word = WEEKDAYS[_event_day(k).weekday()]
        line = sentence.format(day=day_word)
        sent = _span(aid, text, line)
        tx = _span(aid, text, day_word, sent.start)
        timexes.append(TimeExpr(tx, day_word, _event_day(k).isoformat(), anchor=article.published, how="weekday, past tense"))
        events.append(EventMention(sent, line, type_, actor=actors[0], date=_event_day(k).isoformat(), date_how="text"))
        if type_ in ("REJECT", "THREATEN", "REQUEST"):
            stance = {"REJECT": "reject", "THREATEN": "threaten", "REQUEST": "demand"}[type_]
            stances.append(StanceMention(sent, actors[0], stance, line, date=_event_day(k).isoformat()))
        for name in (*actors, "Brennhalt"):
            surface = next((v for v in (name, *PEOPLE.get(name, ("", "", ()))[2]) if v and v in line), None)
            if surface:
                kind = PEOPLE[name][0] if name in PEOPLE else PLACES[name]
                mentions.append(Mention(_span(aid, text, surface, sent.start), surface, kind, name))
    quote_line_start = text.index(f'"{content},"')
    q_content = Span(aid, quote_line_start + 1, quote_line_start + 1 + len(content))
    q_speaker = _span(aid, text, short, q_content.end)
    q_cue = _span(aid, text, cue, q_speaker.end)
    mentions.append(Mention(q_speaker, short, "person", speaker))
    mentions.append(Mention(_span(aid, text, "Inter-Basin Water Commission"), "Inter-Basin Water Commission", "organisation", "Inter-Basin Water Commission"))
    quote = Quote(aid, q_content, content, "direct", short, q_speaker, speaker, None, q_cue, cue,
                  said_on=article.published, said_on_how="published")
    return ArticleAnalysis(article, tuple(mentions), tuple(timexes), (quote,), tuple(events), tuple(stances))


def _actors(analyses: list[ArticleAnalysis]) -> tuple[list[Actor], list[tuple[str, str, str]]]:
    counts: dict[str, list[int]] = {}
    keys = []
    for a in analyses:
        for key in {m.key for m in a.mentions}:
            keys.append((a.article.id, key, stable_id("actor", key)))
        for m in a.mentions:
            counts.setdefault(m.key, [0, 0])[0] += 1
        for q in a.quotes:
            counts.setdefault(q.speaker_key or "", [0, 0])[1] += 1
    actors = []
    for name, (n_mentions, n_quotes) in counts.items():
        kind, role, variants = PEOPLE.get(name, (PLACES.get(name, "other"), None, ()))
        actors.append(Actor(stable_id("actor", name), name, kind, role, None, tuple(variants), None, n_mentions, n_quotes))
    return actors, keys


def _timeline(analyses: list[ArticleAnalysis], story: str) -> list[TimelineEntry]:
    """One entry per happening, its mentions gathered from every article that reports it."""
    grouped: dict[str, list[tuple[Article, EventMention]]] = {}
    for a in analyses:
        for e in a.events:
            grouped.setdefault(e.date or "", []).append((a.article, e))
    entries = []
    for date, items in sorted(grouped.items()):
        first = items[0][1]
        entries.append(
            TimelineEntry(
                id=stable_id("entry", date, first.type), story=story, date=date, date_how="text", type=first.type,
                summary=first.sentence, actors=tuple(EVENTS[[t for t, *_ in EVENTS].index(first.type)][2]),
                place="Brennhalt", sources=tuple(sorted({art.source for art, _ in items})),
                mentions=tuple(e.span for _, e in items), conflicts=("date differs in one source",) if len(items) == 1 else (),
            )
        )
    return entries


def _positions(analyses: list[ArticleAnalysis]) -> list[Position]:
    grouped: dict[tuple[str, str], list[tuple[Article, StanceMention]]] = {}
    for a in analyses:
        for s in a.stances:
            grouped.setdefault((s.actor, s.stance), []).append((a.article, s))
    out = []
    for (actor, stance), items in grouped.items():
        dates = sorted(s.date for _, s in items if s.date)
        out.append(Position(stable_id("pos", actor, stance), actor, stance, items[0][1].statement,
                            tuple(sorted({art.source for art, _ in items})), dates[0] if dates else None,
                            dates[-1] if dates else None, tuple(s.span for _, s in items)))
    return out


def write_sample_store(path: str | Path, n_articles: int = 12, *, hostile: bool = True) -> Path:
    """Write an invented one-story store of ``n_articles`` (plus an adversarial one if ``hostile``)."""
    path = Path(path)
    n_events = max(4, n_articles // 5)
    analyses = [_article(i, n_events, False)[0] for i in range(n_articles)]
    if hostile:
        analyses.append(_article(n_articles, n_events, True)[0])
    story_id = stable_id("story", "brennhalt")
    ids = tuple(a.article.id for a in analyses)
    dates = sorted(a.article.published for a in analyses if a.article.published)
    story = Story(story_id, "Bereszky · Lindqvist · Brennhalt talks", ids, dates[0], dates[-1], (), ("talks", "brennhalt"))
    actors, keys = _actors(analyses)
    dups = [Duplicate(analyses[i].article.id, analyses[i - 5].article.id, "near", 0.91, analyses[i - 5].article.id)
            for i in range(5, min(len(analyses), 40), 9)]
    with Store(path) as store:
        with store.atomic():
            store.write_analyses(analyses)
            store.replace_corpus("actors", actors)
            store.set_actor_keys(keys)
            store.replace_corpus("stories", [story])
            store.set_story_articles((story_id, aid) for aid in ids)
            store.replace_corpus("timeline", _timeline(analyses, story_id))
            store.replace_corpus("positions", _positions(analyses))
            store.replace_corpus("duplicates", dups)
    return path
