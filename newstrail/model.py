"""The records newstrail passes between stages and keeps in its store.

Every record is a frozen dataclass with ``to_dict()``/``from_dict()`` and no I/O, so the
same values travel through worker processes, the SQLite store, Parquet and ``--json``.

Provenance rule: every fact points at characters of the article's *original* text
(``Article.text``) through a :class:`Span`. Cleaning keeps an :class:`OffsetMap` from the
clean body back to the original, and stages map their offsets back before they build a
span, so ``article.text[span.start:span.end]`` is always the evidence.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import hashlib
import re
from dataclasses import dataclass
from typing import Any, Callable, ClassVar, Iterable, Self

import orjson

__all__ = [
    "Span",
    "OffsetMap",
    "LineLabel",
    "RawArticle",
    "Article",
    "Mention",
    "TimeExpr",
    "Quote",
    "EventMention",
    "StanceMention",
    "ArticleAnalysis",
    "Actor",
    "TimelineEntry",
    "Position",
    "Story",
    "Duplicate",
    "Problem",
    "StageReport",
    "content_id",
    "normalise_for_id",
    "stable_id",
]


_SCALARS = (str, int, float, type(None))


def _plain(value: Any) -> Any:
    """Turn nested records, tuples and spans into JSON-ready values."""
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return value.to_dict()  # type: ignore[union-attr]
    return value


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    """A record class's field names (``dataclasses.fields`` is slow enough to show in profiles)."""
    return tuple(f.name for f in dataclasses.fields(cls))


@functools.cache
def _decoder(cls: type) -> Callable[[dict[str, Any]], Any]:
    """A function that builds ``cls`` from its dict, written out once per class.

    Why generated (as ``dataclasses`` writes ``__init__``): the store holds about 200
    records per article and corpus stages read them several times; a loop over a per-class
    plan spent more time in its own bookkeeping than in building the records. Per field:
    absent fields keep their default, nested records are decoded by their class, and JSON
    lists become tuples (records are frozen and hashable), one level deep.
    """
    lines = ["def decode(data):", "    kw = {}"]
    env: dict[str, Any] = {"cls": cls}
    for i, name in enumerate(_field_names(cls)):
        nested = cls._nested.get(name)  # type: ignore[attr-defined]
        lines += [f"    if {name!r} in data:", f"        v = data[{name!r}]"]
        if nested is None:
            lines += ["        if v.__class__ is list:",
                      "            v = tuple([tuple(x) if x.__class__ is list else x for x in v])"]
        elif isinstance(nested, list):
            env[f"n{i}"] = nested[0].from_dict
            lines += ["        if v is not None:", f"            v = tuple([n{i}(x) for x in v])"]
        else:
            env[f"n{i}"] = nested.from_dict
            lines += ["        if v is not None:", f"            v = n{i}(v)"]
        lines.append(f"        kw[{name!r}] = v")
    lines.append("    return cls(**kw)")
    exec("\n".join(lines), env)  # noqa: S102 - the source is built above from field names only
    return env["decode"]


def _json_default(value: Any) -> Any:
    """What orjson cannot write itself, as ``json`` wrote it: numpy scalars as their Python value."""
    item = getattr(value, "item", None)
    if item is None:
        raise TypeError(f"{type(value).__name__} is not JSON serializable")
    return item()


class Record:
    """Mixin: dict round-trips that nested records and tuples survive."""

    _nested: ClassVar[dict[str, Any]] = {}

    def to_dict(self) -> dict[str, Any]:
        return {name: _plain(getattr(self, name)) for name in _field_names(type(self))}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        return _decoder(cls)(data)

    def to_json(self) -> str:
        """The record as the store keeps it: one JSON object, fields in declaration order.

        Why orjson on the dataclass itself: an article's findings are about 200 records, and
        ``to_dict`` + ``json.dumps`` cost 5 ms of each article's time; orjson walks the
        (nested) dataclasses in C, with the same values as ``to_dict`` in a tenth of it.
        """
        return orjson.dumps(self, default=_json_default, option=orjson.OPT_NON_STR_KEYS).decode()

    def __reduce__(self) -> tuple[type, tuple]:
        """Pickle as the class and its field values, in order.

        Why: every result crosses a process boundary; the state functions dataclasses add
        to frozen slotted classes call ``dataclasses.fields`` per object, which made
        unpickling results a tenth of the main process's time with two workers.
        """
        return type(self), tuple(getattr(self, name) for name in _field_names(type(self)))


@dataclass(frozen=True, slots=True)
class Span(Record):
    """Half-open character range ``[start, end)`` in an article's original text."""

    article_id: str
    start: int
    end: int

    def text(self, original: str) -> str:
        return original[self.start : self.end]

    def as_pair(self) -> list[int]:
        return [self.start, self.end]


def _segment_start(segment: tuple[int, int, int]) -> int:
    return segment[0]


@dataclass(frozen=True, slots=True)
class OffsetMap(Record):
    """Maps offsets in a clean body back to the original text.

    The clean body is made of pieces copied verbatim from the original (kept lines, possibly
    trimmed) joined by separators that exist only in the body. ``segments`` holds one
    ``(body_start, original_start, length)`` triple per copied piece, sorted by body_start.
    """

    segments: tuple[tuple[int, int, int], ...] = ()

    def to_original(self, offset: int, *, is_end: bool = False) -> int:
        """Original offset of body ``offset``.

        A start offset that falls in a separator moves forward to the next piece; an end
        offset moves back to the end of the previous one, so a span never covers text that
        is not in the body.
        """
        segments = self.segments
        if not segments:
            return offset
        i = bisect.bisect_right(segments, offset - 1 if is_end else offset, key=_segment_start) - 1
        if i < 0:
            return segments[0][1]
        body_start, orig_start, length = segments[i]
        inside = offset - body_start
        if inside <= length and (is_end or inside < length):
            return orig_start + inside
        if is_end or i + 1 >= len(segments):
            return orig_start + length
        return segments[i + 1][1]

    def span(self, article_id: str, start: int, end: int) -> Span:
        """A :class:`Span` on the original text for body range ``[start, end)``."""
        return Span(article_id, self.to_original(start), self.to_original(end, is_end=True))

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls(((0, 0, length),))


@dataclass(frozen=True, slots=True)
class LineLabel(Record):
    """What cleaning decided about one line (or block) of the original text."""

    start: int
    end: int
    label: str  # body | title | dek | byline | dateline | boilerplate | blank
    reason: str = ""


@dataclass(frozen=True, slots=True)
class RawArticle(Record):
    """One article as a reader found it, before any cleaning.

    ``text`` is the article's original text: the file's decoded text for .txt, the ``text``
    field for JSONL, and for HTML the page rendered to text (``html`` keeps the markup).
    """

    source: str
    text: str
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    fmt: str = "txt"  # txt | html | jsonl | warc

    @property
    def id(self) -> str:
        return content_id(self.html if self.html is not None and not self.text else self.text)


@dataclass(frozen=True, slots=True)
class Article(Record):
    """A cleaned article: original text, clean body, metadata and quality flags."""

    id: str
    source: str
    text: str
    body: str
    offsets: OffsetMap
    url: str | None = None
    title: str | None = None
    dek: str | None = None
    byline: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or None
    published_how: str | None = None  # metadata | text | inferred | None
    language: str | None = None
    flags: tuple[str, ...] = ()
    lines: tuple[LineLabel, ...] = ()
    fmt: str = "txt"

    _nested: ClassVar[dict[str, Any]] = {"offsets": OffsetMap, "lines": [LineLabel]}

    def body_span(self, start: int, end: int) -> Span:
        return self.offsets.span(self.id, start, end)

    @property
    def known_published(self) -> str | None:
        """The publication date the page states (metadata or text); None when it is only
        inferred. Why: an inferred date is a guess (or a range), never to be used as known."""
        return None if self.published_how == "inferred" else self.published


@dataclass(frozen=True, slots=True)
class Mention(Record):
    """An entity mention: a name, a role description or a pronoun that refers to an actor.

    ``key`` is the article-local identity (the fullest name this article gives the entity);
    the corpus actor stage maps keys to canonical ``actor_id``s.
    """

    span: Span
    text: str
    kind: str  # person | organisation | country | other
    key: str
    role: str | None = None
    affiliation: str | None = None
    actor_id: str | None = None

    _nested: ClassVar[dict[str, Any]] = {"span": Span}


@dataclass(frozen=True, slots=True)
class TimeExpr(Record):
    """A time expression with its TIMEX3-style value (``2022-01-10``, ``2022-W02``, ``P3D``…)."""

    span: Span
    text: str
    value: str
    type: str = "DATE"  # DATE | TIME | DURATION | SET
    anchor: str | None = None  # the date it was resolved from
    how: str = ""  # e.g. "weekday, past tense, publication date"
    confidence: float = 1.0

    _nested: ClassVar[dict[str, Any]] = {"span": Span}


@dataclass(frozen=True, slots=True)
class Quote(Record):
    """A direct, mixed or reported quote with its speaker and cue."""

    article_id: str
    content: Span
    content_text: str
    kind: str  # direct | mixed | indirect
    speaker_text: str | None = None
    speaker: Span | None = None
    speaker_key: str | None = None  # article-local identity, see Mention.key
    speaker_actor: str | None = None  # canonical actor id, filled by the actor stage
    cue: Span | None = None
    cue_text: str | None = None
    said_on: str | None = None
    said_on_how: str | None = None  # text | published | inferred
    confidence: float = 1.0

    _nested: ClassVar[dict[str, Any]] = {"content": Span, "speaker": Span, "cue": Span}


@dataclass(frozen=True, slots=True)
class EventMention(Record):
    """A sentence reporting a happening, typed with PLOVER."""

    span: Span
    sentence: str
    type: str  # PLOVER event type
    trigger: str | None = None
    actor: str | None = None  # actor key or canonical id
    recipient: str | None = None
    place: str | None = None
    date: str | None = None
    date_how: str | None = None  # text | published | inferred
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    reported_by: str | None = None
    confidence: float = 1.0

    _nested: ClassVar[dict[str, Any]] = {"span": Span}


@dataclass(frozen=True, slots=True)
class StanceMention(Record):
    """One statement of an actor's stance in one article (merged later into a Position)."""

    span: Span
    actor: str
    stance: str  # demand | reject | deny | threaten | commit | assess
    statement: str
    date: str | None = None
    confidence: float = 1.0

    _nested: ClassVar[dict[str, Any]] = {"span": Span}


@dataclass(frozen=True, slots=True)
class ArticleAnalysis(Record):
    """Everything the per-article stages found in one article."""

    article: Article
    mentions: tuple[Mention, ...] = ()
    timexes: tuple[TimeExpr, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[EventMention, ...] = ()
    stances: tuple[StanceMention, ...] = ()

    _nested: ClassVar[dict[str, Any]] = {
        "article": Article,
        "mentions": [Mention],
        "timexes": [TimeExpr],
        "quotes": [Quote],
        "events": [EventMention],
        "stances": [StanceMention],
    }


@dataclass(frozen=True, slots=True)
class Actor(Record):
    """A canonical actor: one name across spellings, transliterations and descriptions."""

    id: str
    name: str
    kind: str  # person | organisation | country | other
    role: str | None = None
    affiliation: str | None = None
    variants: tuple[str, ...] = ()
    code: str | None = None  # ISO 3166 alpha-3 for countries
    mentions: int = 0
    quotes: int = 0


@dataclass(frozen=True, slots=True)
class TimelineEntry(Record):
    """One happening, merged across every article that reports it."""

    id: str
    story: str | None
    date: str | None
    date_how: str | None
    type: str
    summary: str
    actors: tuple[str, ...] = ()
    recipient: str | None = None
    place: str | None = None
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    sources: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    conflicts: tuple[str, ...] = ()

    _nested: ClassVar[dict[str, Any]] = {"mentions": [Span]}


@dataclass(frozen=True, slots=True)
class Position(Record):
    """What one actor demands, rejects, denies, threatens, commits to or assesses."""

    id: str
    actor: str
    stance: str
    statement: str
    sources: tuple[str, ...] = ()
    first: str | None = None
    last: str | None = None
    mentions: tuple[Span, ...] = ()
    speakers: tuple[str, ...] = ()  # the officials who voiced it, when the actor is a state or body

    _nested: ClassVar[dict[str, Any]] = {"mentions": [Span]}


@dataclass(frozen=True, slots=True)
class Story(Record):
    """Articles grouped into one developing story."""

    id: str
    label: str
    articles: tuple[str, ...] = ()
    first: str | None = None
    last: str | None = None
    linked: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    # no member has a date: the latest date its texts speak of as past, so it was written on
    # or after it (``first`` and ``last`` stay None: a lower bound is no date span)
    not_before: str | None = None


@dataclass(frozen=True, slots=True)
class Duplicate(Record):
    """Two articles (or paragraphs of them) that are the same text, or nearly."""

    article_id: str
    other_id: str
    kind: str  # exact | near | syndicated (shares paragraphs) | rewrite (retold in order: ``rewrites``)
    similarity: float
    earliest: str | None = None  # id of the article that published first, when known
    shared: int = 0  # shared paragraphs, for kind == "syndicated"


@dataclass(frozen=True, slots=True)
class Problem(Record):
    """An input or stage failure, kept as data: which file, which stage, why."""

    source: str
    stage: str
    reason: str

    def line(self) -> str:
        return f"skipped {self.source}: {self.reason}" if self.stage in ("read", "ingest") else (
            f"{self.stage} failed on {self.source}: {self.reason}"
        )


@dataclass(frozen=True, slots=True)
class StageReport(Record):
    """What one run of one stage did."""

    stage: str
    done: int = 0
    skipped: int = 0
    problems: tuple[Problem, ...] = ()
    seconds: float = 0.0

    _nested: ClassVar[dict[str, Any]] = {"problems": [Problem]}


_SPACE = re.compile(r"\s+")


def normalise_for_id(text: str) -> str:
    """The form of an article's text that its id hashes: case and spacing do not count."""
    return _SPACE.sub(" ", text).strip().casefold()


def content_id(text: str) -> str:
    """Deterministic article id: 16 hex digits of the SHA-1 of the normalised text."""
    return hashlib.sha1(normalise_for_id(text).encode("utf-8")).hexdigest()[:16]


def stable_id(*parts: Iterable[str] | str) -> str:
    """Deterministic id for a corpus-level record from the values that define it."""
    flat: list[str] = []
    for part in parts:
        flat.extend([part] if isinstance(part, str) else list(part))
    return hashlib.sha1("\x1f".join(flat).encode("utf-8")).hexdigest()[:12]

