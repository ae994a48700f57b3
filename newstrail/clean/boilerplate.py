"""Which lines of already-extracted text are the article, and what the others are.

Text often arrives without its HTML (scrapes, JSONL dumps, feeds): nav labels, share bars,
comment forms, repeated headlines and teasers for other stories sit between the article's
paragraphs. jusText and trafilatura need markup, so this module works on lines alone,
with signals that hold across sites (why hand-written: no library does line-level
cleaning of plain text beyond C4's rules, which score 0.80 on the derived Zyte set):

1. Each line gets a score: sentence-like lines (ending in punctuation, dense in stop words,
   as jusText measures) count for their length; widget wording, short labels, truncated
   teasers and lines common across the corpus (CCNet-style) count against.
2. The article is the contiguous block with the highest total score (maximum-sum
   segment): the body is one run of paragraphs, furniture sits around it. A scraped page
   starts with its <title> and repeats the headline right above the article: when the
   best block lies elsewhere (a teaser list, a sidebar) and the text after the repeated
   headline is more about the headline, the block moves there. A block ending on (or
   just before) a line that announces a list ("... the best offers:") takes the list in,
   and so it does with lines that go on with the block's own line labels (an interview's
   "Q:" and "A:") and with an embedded tweet just after it.
3. Inside the block, widget lines, repeated headlines, captions (with a credit or an
   agency's weekday-and-date), time stamps, by-lines, teaser pairs and long headlines in
   capitals with the summaries between them, boxes of links under a section heading, a
   press release's closing company paragraph, and runs off the article's topic are
   dropped (an author box, a tag list or a comment section ends the article); before it,
   the header is read for title (without a given title, the headline repeated above the
   text), dek, byline and date lines.
"""

from __future__ import annotations

import bisect
import hashlib
import math
import re
from dataclasses import dataclass

from .language import best_stoplist, stopwords, stopwords_for
from .patterns import (
    ABOUT_BOX_RE,
    BYLINE_RE,
    CAPTION_CREDIT_RE,
    CAPTION_DATE_RE,
    COMPANY_BOX_RE,
    COMMENT_POST_RE,
    COMMENTS_HEADING_RE,
    READING_TIME_RE,
    SECTION_BREAK_RE,
    SHORT_ANYWHERE_RE,
    START_RE,
    TAGS_HEADING_RE,
    TWEET_SIGNATURE_RE,
    widget_anywhere,
)

__all__ = [
    "LineInfo",
    "Labelled",
    "describe_line",
    "line_key",
    "normalise_line",
    "classify_lines",
    "keep_lines",
]

# Lines of at most this many words that start with widget wording are widgets; longer
# lines that start the same way ("Share prices fell ...") are left to the other signals.
WIDGET_MAX_WORDS = 12
# A section break is a heading, not an inline teaser ("Read more: <headline>").
SECTION_BREAK_MAX_WORDS = 5
# Lines under this many words cannot carry the block on their own (labels, buttons).
SHORT_WORDS = 5
# Score of a widget line and of a line common across the corpus. With sentence lines
# scoring their word count, -8 means a widget costs about one short sentence.
# Tuned on the first half of derived_zyte (swept 4-16; flat between 6 and 12).
WIDGET_PENALTY = 8.0
# Section breaks ("Related", "More like this", "Leave a reply") end the article on most
# sites; -25 lets a long article survive one inline "Related" box but stops the block
# from running into the teaser list. Swept 10-60 on the first half of derived_zyte.
SECTION_BREAK_PENALTY = 25.0
SHORT_PENALTY = 2.0
TRUNCATED_PENALTY = 3.0
# A sentence line counts its words up to this cap, so one huge line (a comment dump, a
# legal notice) cannot drag the block on its own.
MAX_LINE_GAIN = 80.0
# Stop-word share under which a line is not running prose (jusText uses 0.30 for "good"
# paragraphs; lines here are shorter, so the bar is lower). Swept 0.1-0.35, first half.
MIN_STOP_RATIO = 0.2
# A page whose best stop-word list covers less of it than this is in a language without a
# list (Chinese, Japanese, Korean ...): stop words are then not used. Pages in a listed
# language score 0.15-0.45 even with their furniture (measured on derived_zyte half A).
MIN_PAGE_STOP_RATIO = 0.08
# Share of a run's content words found in the core run under which the run is about
# something else (a teaser). From the histogram on derived_zyte half A: under 0.05 the
# runs are 87% furniture, between 0.05 and 0.10 half and half, above mostly article.
MIN_TOPIC_OVERLAP = 0.03
# After a section break ("Related", "Top stories", "Read more") a run must share at least
# this much of the core's vocabulary to count as the article going on. Swept 0.1-0.4 on half A.
BREAK_TOPIC_OVERLAP = 0.1
# After the core run, the first run sharing less than this with the core's vocabulary ends
# the article (the topic changed: TextTiling's cue), even without a section break.
# The vocabulary grows with every run that passes, so a long article drifting through
# subtopics keeps its later sections. Swept 0.03-0.2 on half A (0.03 0.892, 0.06 0.895,
# 0.1 0.892; without growing the vocabulary 0.890 at best).
TAIL_TOPIC_OVERLAP = 0.06
# A run sharing this many content words with the headline is on topic whatever its
# overlap with the article's vocabulary so far.
HEADLINE_WORDS_ON_TOPIC = 1
# A later line is a repeat of an earlier one if one contains the other and the longer is
# at most this much longer (so a dek with the headline glued to it is not a repeat).
REPEAT_LENGTH_RATIO = 1.3
REPEAT_MIN_WORDS = 4

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SENTENCE_END = re.compile(r"""[.!?。！？]['"’”»)\]」』]*$|[.!?]\s*['"’”»]$|[:;]$""")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# Chinese and Japanese write words without spaces (Korean has spaces); kanji and katakana
# carry the content, hiragana is mostly grammar.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_CJK_CONTENT = re.compile(r"[\u30a0-\u30ff\u3400-\u9fff\uf900-\ufaff]{2}")
_TRUNCATED = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])$")
_PUNCT = re.compile(r"[^\w\s]")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_SPACE = re.compile(r"\s+")


def normalise_line(line: str) -> str:
    """CCNet's line normalisation: case folded, digits to 0, punctuation dropped, spaces collapsed."""
    text = _DIGIT.sub("0", line.casefold())
    return _SPACE.sub(" ", _PUNCT.sub(" ", text)).strip()


def line_key(line: str) -> str:
    """Hash of the normalised line: the key of ``common_lines`` sets (corpus-wide furniture).

    "" for a line with nothing left after normalisation (blank or punctuation only).
    """
    return _key_of(normalise_line(line))


def _key_of(norm: str) -> str:
    """:func:`line_key` of a line already normalised (a line's ``LineInfo.norm``)."""
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16] if norm else ""


@dataclass(frozen=True, slots=True)
class LineInfo:
    """The cheap facts about one line that every decision here uses."""

    text: str
    words: int
    stop_ratio: float
    ends_sentence: bool
    truncated: bool
    widget: bool
    section_break: bool
    norm: str

    @property
    def headline_like(self) -> bool:
        """Short and not a finished sentence: a title, a subhead, a teaser headline."""
        return 3 <= self.words <= 25 and not self.truncated and not self.text.endswith(".")


def describe_line(line: str, stops: frozenset[str] | None = None) -> LineInfo:
    """Facts about one line; ``stops`` are the page language's stop words (English by default)."""
    text = line.strip()
    tokens = _WORD.findall(text)
    words = len(tokens)
    if words and _CJK.search(text):
        # Chinese and Japanese do not split words with spaces; about two characters a word.
        words = len(_WORD.findall(_CJK.sub(" ", text))) + len(_CJK.findall(text)) // 2
    stops = stops if stops is not None else stopwords()
    if not stops:  # the page's language has no stop-word list: no evidence either way
        stop_ratio = MIN_STOP_RATIO
    else:
        # map over the tokens: a generator of booleans costs twice as much per token
        stop_ratio = sum(map(stops.__contains__, map(str.casefold, tokens))) / len(tokens) if tokens else 0.0
    post = bool(COMMENT_POST_RE.match(text))  # a reader's post: never the article, however long
    widget = post or widget_anywhere(text) or (
        words <= WIDGET_MAX_WORDS and bool(START_RE.match(text) or SHORT_ANYWHERE_RE.search(text))
    )
    truncated = bool(_TRUNCATED.search(text))
    return LineInfo(
        text=text,
        words=words,
        stop_ratio=stop_ratio,
        ends_sentence=not truncated and bool(_SENTENCE_END.search(text)),
        truncated=truncated,
        widget=widget,
        section_break=(words <= SECTION_BREAK_MAX_WORDS and bool(SECTION_BREAK_RE.match(text)))
        or (words <= WIDGET_MAX_WORDS * 2 and bool(COMMENTS_HEADING_RE.match(text)))
        or bool(TAGS_HEADING_RE.match(text)) or post,
        norm=normalise_line(text),
    )


# A line repeated across the corpus is site furniture (a tagline, a sign-off, a prompt)
# unless it reads as news text: news corpora repeat whole paragraphs in syndicated copies
# and the same quoted sentence in many outlets, and those are article text (the duplicates
# stage reports the copies). So a recurring line counts as furniture when it is very short,
# not a sentence, or a short sentence without a quotation; longer sentences and quotes stay.
# Without this, a wire story republished by three outlets lost every shared paragraph.
COMMON_SHORT_WORDS = 6
COMMON_SENTENCE_MAX_WORDS = 15
_QUOTE_MARKS = frozenset("\"“”‘’«»")


def is_site_furniture(info: LineInfo) -> bool:
    """Whether a line, if it recurs across the corpus, is furniture rather than shared text."""
    if info.words == 0:
        return False
    if info.words <= COMMON_SHORT_WORDS or not info.ends_sentence:
        return True
    return info.words <= COMMON_SENTENCE_MAX_WORDS and not _QUOTE_MARKS & set(info.text)


def line_score(info: LineInfo, common: bool = False, relaxed: bool = False) -> float:
    """How much this line speaks for being inside the article block (see module doc).

    ``relaxed`` drops the stop-word test, for pages where no line reads as prose (score
    tables, fixture lists, results written as "Smith 25 points. Jones 17 points.").
    """
    if info.section_break:
        return -SECTION_BREAK_PENALTY
    if info.widget or common:
        return -WIDGET_PENALTY
    if info.truncated:
        return -TRUNCATED_PENALTY
    if info.words < SHORT_WORDS:
        return -SHORT_PENALTY
    if info.ends_sentence and (relaxed or info.stop_ratio >= MIN_STOP_RATIO):
        return min(float(info.words), MAX_LINE_GAIN)
    if info.stop_ratio >= MIN_STOP_RATIO and info.words >= 2 * SHORT_WORDS:
        return 0.0  # prose that does not end: a list item or a teaser; neutral
    return -SHORT_PENALTY


def main_block(scores: list[float]) -> tuple[int, int]:
    """Half-open ``[start, end)`` of the maximum-sum run of scores (Kadane); (0, 0) if none is positive."""
    best, best_range = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = score, i
        else:
            total += score
        if total > best:
            best, best_range = total, (start, i + 1)
    return best_range


def _content_words(text: str, stops: frozenset[str]) -> set[str]:
    """Words of three letters or more, not stop words; Chinese and Japanese runs (written
    without spaces) as character pairs, so that their overlap means shared words."""
    words: set[str] = set()
    for token in _WORD.findall(text.casefold()):
        if _UNSPACED.search(token):
            words.update(pair for k in range(len(token) - 1) if _CJK_CONTENT.fullmatch(pair := token[k:k + 2]))
        elif len(token) > 2 and token not in stops:
            words.add(token)
    return words


def _ends_article(info: LineInfo) -> bool:
    """An author or company box, a tag list or a comment section (or its first post): after the article's core,
    nothing that follows one is the article, however on topic."""
    return info.section_break and bool(
        ABOUT_BOX_RE.match(info.text) or COMMENTS_HEADING_RE.match(info.text) or TAGS_HEADING_RE.match(info.text)
        or COMMENT_POST_RE.match(info.text)
    )


def off_topic_lines(
    idx: list[int],
    scores: list[float],
    infos: list[LineInfo],
    stops: frozenset[str],
    headline: frozenset[str] = frozenset(),
) -> set[int]:
    """Lines of the block's prose runs that share almost no vocabulary with its core run.

    Teaser cards for other stories (headline, author, date, first paragraph) score like
    prose, so the block can run into them; their words are not the article's. A run is a
    maximal sequence of positive lines; the core is the run with the highest score. Runs
    that pass add their words to the article's vocabulary; after the core, the first run
    that shares less than ``TAIL_TOPIC_OVERLAP`` of it ends the article (the topic changed),
    and so does an author box or a comment section. A run naming a word of the
    ``headline`` is on topic (a section the article's vocabulary has not reached yet).
    """
    runs: list[tuple[int, int]] = []  # [a, b) positions into idx
    begin = None
    for k, score in enumerate([*scores, -1.0]):
        if score > 0 and begin is None:
            begin = k
        elif score <= 0 and begin is not None:
            runs.append((begin, k))
            begin = None
    if len(runs) <= 1:
        return set()
    gains = [sum(scores[a:b]) for a, b in runs]
    core = max(range(len(runs)), key=gains.__getitem__)
    vocab = set().union(*(_content_words(infos[idx[k]].text, stops) for k in range(*runs[core])))
    dropped: set[int] = set()
    for step, stop in ((1, len(runs)), (-1, -1)):
        crossed_break = failed = False
        for r in range(core + step, stop, step):
            a, b = runs[r]
            gap = range(runs[r - 1][1], a) if step > 0 else range(b, runs[r + 1][0])
            crossed_break = crossed_break or any(infos[idx[k]].section_break for k in gap)
            if step > 0 and any(_ends_article(infos[idx[k]]) for k in gap):
                failed = True
            words = set().union(*(_content_words(infos[idx[k]].text, stops) for k in range(a, b)))
            overlap = len(words & vocab) / len(words) if words else 1.0
            if len(words & headline) >= HEADLINE_WORDS_ON_TOPIC:
                overlap = 1.0  # it names what the headline names: the article going on
            need = BREAK_TOPIC_OVERLAP if crossed_break else MIN_TOPIC_OVERLAP
            # past a section break, or after the core when the topic changes, the first
            # off-topic run ends the article for good
            failed = failed or (crossed_break and overlap < need) or (step > 0 and overlap < TAIL_TOPIC_OVERLAP)
            if failed or overlap < need:
                dropped.update(idx[a:b])
            else:
                vocab |= words  # the article's vocabulary so far
    return dropped


@dataclass(frozen=True, slots=True)
class Labelled:
    """The decision about one line: label (body, title, dek, byline, dateline, boilerplate, blank) and why."""

    label: str
    reason: str = ""


def _is_repeat(info: LineInfo, other: LineInfo) -> bool:
    """One line contains the other (normalised) and they are about as long: a repeated headline or dek."""
    a, b = info.norm, other.norm
    la, lb = len(a), len(b)
    if la > REPEAT_LENGTH_RATIO * lb or lb > REPEAT_LENGTH_RATIO * la:
        return False  # checked first: most pairs differ in length, and this is cheap
    if not (_LETTER.search(a) and _LETTER.search(b)):
        return False  # numbers (table cells, scores) repeat as data, not as headlines
    return _holds_repeat(info, other)


def _holds_repeat(info: LineInfo, other: LineInfo) -> bool:
    """``_is_repeat`` of two lines already known to be about as long and to hold letters."""
    a, b = info.norm, other.norm
    if not a or not b or min(info.words, other.words) < REPEAT_MIN_WORDS:
        return a == b and bool(a)
    return a in b if len(a) <= len(b) else b in a


def _about_as_long(seen: list[tuple[int, int]], length: int) -> list[int]:
    """Indexes, in text order, of the earlier lines as long as ``_is_repeat`` lets a repeat
    be: a line of ``length`` characters can repeat only one whose length is within
    REPEAT_LENGTH_RATIO of it, so only a slice of the lines sorted by length is tested (a
    long article compared each line with every line before it). The slice is a little wider
    than the ratio (whole characters); the ratio test itself, as _is_repeat makes it, decides."""
    lo = bisect.bisect_left(seen, (math.floor(length / REPEAT_LENGTH_RATIO) - 1,))
    hi = bisect.bisect_left(seen, (math.ceil(length * REPEAT_LENGTH_RATIO) + 2,))
    return sorted(j for other, j in seen[lo:hi]
                  if not (length > REPEAT_LENGTH_RATIO * other or other > REPEAT_LENGTH_RATIO * length))


def _teaser_pairs(infos: list[LineInfo]) -> set[int]:
    """Indexes of teaser pairs: a headline-like line followed by a summary cut off with '...'."""
    found: set[int] = set()
    previous = -1
    for i, info in enumerate(infos):
        if not info.words:
            continue
        if info.truncated and previous >= 0 and infos[previous].headline_like:
            found.update((previous, i))
        previous = i
    return found


# A headline set in capitals between paragraphs is a subhead when short ("WHAT HAPPENS
# NEXT?") and a teaser for another story when it is a whole headline (news sites
# set inline "read also" links in capitals). On derived_zyte half A the subheads in
# capitals had 2-7 words, the teasers 8-15.
CAPS_TEASER_MIN_WORDS = 8
CAPS_SHARE = 0.8


# The words a time stamp is made of ("Published: 09:15, Fri, Mar 5, 2021 | Updated: ...",
# "Mar 5, 2021, 9:15am EST", "on Friday, March 5th, 2021 at 9:15 a.m."), in English.
_STAMP_WORDS = frozenset(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october"
    " nov november dec december mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat"
    " saturday sun sunday am pm a m p at on published updated posted last first est edt et pt pst pdt ct cst cdt"
    " mt gmt bst utc ist cet cest aest".split()
)
STAMP_MAX_WORDS = 24
_STAMP_NUMBER = re.compile(r"\d+(?:am|pm|st|nd|rd|th|h)?")


def is_timestamp(info: LineInfo) -> bool:
    """A line made only of a date, a time and their labels: the page's time stamp, which
    sits between headline and text (or under the text) and is never article text."""
    if not 3 <= info.words <= STAMP_MAX_WORDS or not _DIGIT.search(info.text):
        return False
    return all(t in _STAMP_WORDS or _STAMP_NUMBER.fullmatch(t) for t in _WORD.findall(info.text.casefold()))


# "By <Name>" lines are a few words; "By then, ..." starts a sentence.
BYLINE_MAX_WORDS = 8
# A caption is one or two sentences; a longer line with a full date is a paragraph.
CAPTION_MAX_WORDS = 60


def _caps_teasers(infos: list[LineInfo]) -> set[int]:
    """Indexes of long headlines in capitals that do not end as a sentence or a question."""
    found: set[int] = set()
    for i, info in enumerate(infos):
        if info.words < CAPS_TEASER_MIN_WORDS or info.ends_sentence or info.text.endswith(("?", ".")):
            continue
        if not info.text[:24].isupper():
            continue  # cheap first test: a line in capitals starts in capitals
        letters = [ch for ch in info.text if ch.isalpha()]
        if letters and sum(ch.isupper() for ch in letters) >= CAPS_SHARE * len(letters):
            found.add(i)
    return found


def _header_labels(infos: list[LineInfo], end: int, title: str | None, anchor: int = -1) -> dict[int, Labelled]:
    """Labels for the header (lines before ``end``): masthead, title, dek, byline, dateline.

    Without a given title, the repeated headline (``anchor``, see :func:`_headline_anchor`)
    is the title: it is the heading above the article, while the first headline-like line
    may be the page's <title> with the site's name, or a menu entry.
    """
    from .metadata import header_date, masthead, split_dek

    labels: dict[int, Labelled] = {}
    title_info = describe_line(title) if title else None
    title_at = -1
    if title_info is None and 0 <= anchor < end and not infos[anchor].widget:
        labels[anchor], title_at = Labelled("title", "repeated headline above the text"), anchor
    top = masthead([info.text for info in infos], title)
    for i in range(end):
        info = infos[i]
        if not info.words or i == title_at:
            continue
        if top and i == top[0]:
            labels[i] = Labelled("boilerplate", "masthead (the outlet's name)")
        elif header_date(info.text):
            labels[i] = Labelled("dateline", "date line (or header line with a date field)")
        elif BYLINE_RE.match(info.text) and info.words <= WIDGET_MAX_WORDS:
            labels[i] = Labelled("byline", "by-line")
        elif READING_TIME_RE.match(info.text):
            labels[i] = Labelled("boilerplate", "reading time")
        elif title_at < 0 and title_info is not None and _is_repeat(info, title_info):
            labels[i], title_at = Labelled("title", "matches the given title"), i
        elif title_at < 0 and title_info is None and _title_candidate(info, infos, i):
            labels[i], title_at = Labelled("title", "first headline-like line"), i
    if title_at >= 0:
        for i in range(title_at + 1, end):
            if infos[i].words and i not in labels:
                if split_dek(infos[i], infos[title_at]):
                    labels[i] = Labelled("dek", "summary line after the title")
                break
    return labels


def _repeated_headlines(infos: list[LineInfo]) -> set[int]:
    """Headline-like lines that occur more than once: teaser links shown twice (text + image).
    Lines without letters (numbers in a table) repeat as data."""
    counts: dict[str, int] = {}
    candidates = [
        i for i, info in enumerate(infos) if info.words and not info.ends_sentence and _LETTER.search(info.norm)
    ]
    for i in candidates:
        counts[infos[i].norm] = counts.get(infos[i].norm, 0) + 1
    return {i for i in candidates if counts[infos[i].norm] > 1}


def _header_end(infos: list[LineInfo], start: int, end: int) -> int:
    """End of the region where title, dek and date lines may sit: up to the first real paragraph.

    The block may start on a headline that ends in punctuation or on the dek, so the
    header reaches into the block until a line that is clearly a paragraph (a long
    sentence, or several sentences).
    """
    for i in range(start, end):
        info = infos[i]
        if info.words and info.ends_sentence and (info.words > 25 or ". " in info.text.rstrip(". ")):
            return i
    return end


def _title_candidate(info: LineInfo, infos: list[LineInfo], i: int) -> bool:
    """A headline: one sentence of 4-25 words, not furniture."""
    if info.widget or info.words < 4 or info.words > 25 or info.truncated:
        return False
    # headlines do not end in a bare full stop (a quoted one, as in 'have "failed."', is fine)
    return not info.text.endswith(".") and ". " not in info.text.rstrip(". ")


# Separators between a page title and the site's name ("Headline | Site", "Headline - Site").
_TITLE_SEP = re.compile(r"\s+[|\-–—»:·•]+\s+")
# The article starts within this many non-blank lines after its headline (byline, date,
# share bar sit between); a block that starts later is not anchored on the headline.
# Swept 3-25 on half A of derived_zyte (3 0.945, 5 0.936, 8 0.935, 15 0.931, 25 0.929);
# 5 chosen: the gain below it is one page (a quotations site), not a trend.
ANCHOR_WINDOW = 5


def _title_forms(title: str | None, first: LineInfo | None, stops: frozenset[str]) -> list[LineInfo]:
    """The headline as it may appear again in the text: the given title, the page's first line
    (a scraped page starts with its <title>), each with the site's name cut off."""
    forms: list[LineInfo] = []
    for text in (title, first.text if first else None):
        if not text:
            continue
        fields = [f for f in _TITLE_SEP.split(text) if len(_WORD.findall(f)) >= 2]
        for candidate in (text, *fields[:1], *sorted(fields, key=len)[-1:]):
            info = describe_line(candidate, stops)
            if info.words >= 2 and all(info.norm != f.norm for f in forms):
                forms.append(info)
    return forms


def _headline_anchor(infos: list[LineInfo], title: str | None, stops: frozenset[str]) -> int:
    """Index of the first line after the page's first line that repeats the headline, or -1.

    A scraped page names its article twice: in the <title> (its first line) and in the
    heading right above the text. Menus and teaser lists before that heading can outscore a
    short article; the repeat says where the article starts.
    """
    nonblank = [i for i, info in enumerate(infos) if info.words]
    if len(nonblank) < 2:
        return -1
    forms = _title_forms(title, infos[nonblank[0]], stops)
    for i in nonblank[1:]:
        if any(_is_repeat(infos[i], form) for form in forms):
            return i
    return -1


def _headline_words(infos: list[LineInfo], title: str | None, stops: frozenset[str]) -> frozenset[str]:
    """Content words of the headline: the given title, else the page's first line (the
    page's <title>) without the site's name ("Headline | Site": its longest field), unless
    that line is a sentence (a text that starts with its first paragraph has no headline)."""
    first = next((info for info in infos if info.words), None)
    text = title or (first.text if first and not first.ends_sentence else "")
    return frozenset(_content_words(max(_TITLE_SEP.split(text), key=len), stops))


def _block_after(scores: list[float], first: int, last: int) -> tuple[int, int, float]:
    """Best ``[start, end)`` run of scores whose start lies in ``[first, last)``, and its sum."""
    best = (first, first, 0.0)
    for start in range(first, min(last, len(scores))):
        total = 0.0
        for end in range(start, len(scores)):
            total += scores[end]
            if total > best[2]:
                best = (start, end + 1, total)
    return best


def _title_overlap(idx: list[int], infos: list[LineInfo], title_words: set[str], stops: frozenset[str]) -> float:
    """Share of the headline's content words found in the lines ``idx``."""
    if not title_words:
        return 0.0
    words = set().union(*(_content_words(infos[i].text, stops) for i in idx)) if idx else set()
    return len(title_words & words) / len(title_words)


def _anchored_block(
    scored: list[int],
    scores: list[float],
    infos: list[LineInfo],
    block: tuple[int, int],
    anchor: int,
    stops: frozenset[str],
) -> tuple[int, int]:
    """The main block, moved to just after the repeated headline when the best-scoring block
    lies elsewhere and the text after the headline shares more of the headline's words
    (a page of teasers, or a sidebar after a short article); ties keep the block, so a
    headline repeated under the article (a "The post ... appeared first on" line) does not
    move it."""
    if anchor < 0:
        return block
    first = next((k for k, i in enumerate(scored) if i > anchor), len(scored))
    lo, hi = block
    title_words = _content_words(infos[anchor].text, stops)

    def about_title(a: int, b: int) -> float:  # the headline itself left out
        return _title_overlap([i for i in scored[a:b] if i != anchor], infos, title_words, stops)

    if lo < first < hi:
        # what the block holds before the headline is not the article (a teaser list),
        # unless it is more about the headline than what follows (a headline repeated below)
        return (first, hi) if about_title(first, hi) > about_title(lo, first) else block
    if lo <= first + ANCHOR_WINDOW and hi > first:
        return block
    a_lo, a_hi, total = _block_after(scores, first, first + ANCHOR_WINDOW)
    if total <= 0 or about_title(a_lo, a_hi) <= about_title(lo, hi):
        return block
    return a_lo, a_hi


def _announced_list(scored: list[int], scores: list[float], infos: list[LineInfo], hi: int) -> int:
    """The block's end moved past the list that its last line announces ("... the best
    offers:"): list items are short and unfinished, so they score below zero, but they are
    the article's. The list runs up to the first widget or section heading. The announcing
    line may also be the one just after the block ("<Product> features:"): a short line
    scores below zero, so the block stops before it."""
    if hi < len(scored) and infos[scored[hi]].text.endswith(":") and scores[hi] > -WIDGET_PENALTY:
        hi += 1
    if not infos[scored[hi - 1]].text.endswith(":"):
        return hi
    end = hi
    while end < len(scored) and scores[end] > -WIDGET_PENALTY and not infos[scored[end]].section_break:
        end += 1
    return end


# "Q: ...", "A: ...", "SMITH: ...": a label of one to three words before a colon.
_LINE_LABEL = re.compile(r"^\W*([^\W\d_][^:]{0,20}?)\s*:\s*\S")
# A label starting this many of the block's lines is the article's own format (an
# interview, a transcript), not a one-off "Tags:" or "Photo:".
LABEL_MIN_USES = 2


def _line_label(info: LineInfo) -> str:
    """The label before a colon that starts the line ("q", "a", "smith"), or ""."""
    match = _LINE_LABEL.match(info.text)
    return match.group(1).casefold() if match and len(match.group(1).split()) <= 3 else ""


def _labelled_run(scored: list[int], infos: list[LineInfo], lo: int, hi: int) -> tuple[int, set[int]]:
    """The block's end moved past lines that go on with the block's own line labels, and
    every such line: an interview's "Q:"/"A:" lines or a transcript's speaker labels are
    the article even when short ("Q: Best holiday?"), and their topic wanders."""
    counts: dict[str, int] = {}
    for k in range(lo, hi):
        label = _line_label(infos[scored[k]])
        if label:
            counts[label] = counts.get(label, 0) + 1
    labels = {label for label, n in counts.items() if n >= LABEL_MIN_USES}
    if not labels:
        return hi, set()
    end = hi
    while end < len(scored) and _line_label(infos[scored[end]]) in labels and not infos[scored[end]].widget:
        end += 1
    return end, {scored[k] for k in range(lo, end) if _line_label(infos[scored[k]]) in labels}


# An embedded tweet is its text (one or two lines) and its signature.
TWEET_MAX_LINES = 3


def _embedded_tweet(scored: list[int], infos: list[LineInfo], hi: int) -> int:
    """The block's end moved past an embedded tweet just after it: the article quotes it
    (tweets often end on a link or a hashtag, so they do not score as prose)."""
    for k in range(hi, min(hi + TWEET_MAX_LINES, len(scored))):
        info = infos[scored[k]]
        if TWEET_SIGNATURE_RE.match(info.text):
            return k + 1
        if info.widget or info.section_break:
            break
    return hi


def classify_lines(
    lines: list[str],
    *,
    title: str | None = None,
    common_lines: frozenset[str] = frozenset(),
) -> list[Labelled]:
    """Label every line: body, title, dek, byline, dateline, boilerplate or blank.

    ``title`` is the title known from metadata (its copies are then not body);
    ``common_lines`` holds :func:`line_key` values of lines frequent in the corpus.
    """
    language, ratio = best_stoplist("\n".join(lines))
    stops = stopwords_for(language) if language and ratio >= MIN_PAGE_STOP_RATIO else frozenset()
    infos = [describe_line(line, stops) for line in lines]
    common = [bool(common_lines) and is_site_furniture(info) and _key_of(info.norm) in common_lines for info in infos]
    scored = [i for i, info in enumerate(infos) if info.words]
    scores = [line_score(infos[i], common[i]) for i in scored]
    lo, hi = main_block(scores)
    if hi == lo:  # no prose at all: take the best run of finished sentences of any kind
        scores = [line_score(infos[i], common[i], relaxed=True) for i in scored]
        lo, hi = main_block(scores)
    anchor = _headline_anchor(infos, title, stops)
    lo, hi = _anchored_block(scored, scores, infos, (lo, hi), anchor, stops)
    listed = hi
    hi = _announced_list(scored, scores, infos, hi) if hi > lo else hi
    hi, labelled = _labelled_run(scored, infos, lo, hi)
    hi = _embedded_tweet(scored, infos, hi) if hi > lo else hi
    off_topic = off_topic_lines(scored[lo:hi], scores[lo:hi], infos, stops, _headline_words(infos, title, stops))
    off_topic -= labelled
    start, end = (scored[lo], scored[hi - 1] + 1) if hi > lo else (len(lines), len(lines))

    anchor = anchor if anchor <= start else -1  # a headline repeated inside or under the text is not its title
    header = _header_labels(infos, _header_end(infos, start, end), title, anchor)
    while start < end and (start in header or not infos[start].words):
        start += 1  # the block may begin on the title or the dek; they are not body
    teasers = _teaser_pairs(infos) | _repeated_headlines(infos) | _caps_teasers(infos)
    labels: list[Labelled] = []
    # (normalised length, index) of the lines already labelled that a later line may repeat
    # (with words and letters: see _is_repeat), sorted
    seen: list[tuple[int, int]] = []
    for i, info in enumerate(infos):
        labels.append(_label_line(i, info, infos, seen, start, end, header, common[i], teasers, off_topic))
        if info.words and _LETTER.search(info.norm):
            bisect.insort(seen, (len(info.norm), i))
    positive = {i for i, score in zip(scored, scores) if score > 0}
    items = set(scored[listed:hi]) | labelled  # list items and labelled lines stand on their own
    labels = _drop_boxes(_drop_stranded(labels, positive | items), infos, positive)
    labels = _drop_teaser_summaries(labels, infos)
    return _drop_company_box(labels, infos, positive)


# A teaser's summary is a sentence or two; a paragraph between two teasers is longer.
SUMMARY_MAX_WORDS = 30
TEASER_REASON = "teaser (repeated headline or headline + truncated summary)"
REPEAT_REASON = "repeats line"


def _drop_teaser_summaries(labels: list[Labelled], infos: list[LineInfo]) -> list[Labelled]:
    """A short body line between two teaser headlines (dropped as teasers, or as repeats of
    lines that were not article text): the summary of the first, in a list of teasers
    (headline, summary, headline, ...)."""
    nonblank = [i for i, info in enumerate(infos) if info.words]

    def teaser(k: int) -> bool:
        if infos[k].words < REPEAT_MIN_WORDS:
            return False  # a source tag ("[Daily Paper]") between quoted reviews is not a headline
        if labels[k].reason == TEASER_REASON:
            return True
        if not labels[k].reason.startswith(REPEAT_REASON):
            return False
        # a repeat of a line that was not article text; a repeat of the article's own line
        # (an interview's recurring question) is not a teaser
        first = next(j for j in nonblank if _is_repeat(infos[k], infos[j]))
        return labels[first].label != "body"

    out = list(labels)
    for before, i, after in zip(nonblank, nonblank[1:], nonblank[2:]):
        if labels[i].label == "body" and infos[i].words <= SUMMARY_MAX_WORDS and teaser(before) and teaser(after):
            out[i] = Labelled("boilerplate", "summary between teaser headlines")
    return out


# A press release ends on its company paragraph, which follows the news in the last few
# paragraphs; earlier, "<Company> is a leading provider of ..." is background in the story.
COMPANY_BOX_MAX_AFTER = 3


def _drop_company_box(labels: list[Labelled], infos: list[LineInfo], positive: set[int]) -> list[Labelled]:
    """A press release's "About <Company>" paragraph (without its heading) near the end of the
    body, and what follows it: the issuer's standing description, not the news."""
    paragraphs = [i for i, label in enumerate(labels) if label.label == "body" and i in positive]
    for k, i in enumerate(paragraphs):
        if 2 * k < len(paragraphs) or len(paragraphs) - k - 1 > COMPANY_BOX_MAX_AFTER:
            continue
        if COMPANY_BOX_RE.match(infos[i].text):
            out = list(labels)
            for j in range(i, len(labels)):
                if out[j].label == "body":
                    out[j] = Labelled("boilerplate", "company description (press release)")
            return out
    return labels


def _drop_stranded(labels: list[Labelled], positive: set[int]) -> list[Labelled]:
    """Short body lines whose next prose line was dropped: labels of a teaser list, not subheads.

    A subhead or a one-line paragraph belongs to the prose after it; when that prose is
    furniture (or there is none before the block ends), so is the short line.
    """
    keep_next = False  # is the next prose line (scanning backwards) body?
    out = list(labels)
    for i in range(len(labels) - 1, -1, -1):
        if i in positive:
            keep_next = labels[i].label == "body"
        elif labels[i].label == "body" and not keep_next:
            out[i] = Labelled("boilerplate", "short line before dropped text")
    return out


def _drop_boxes(labels: list[Labelled], infos: list[LineInfo], positive: set[int]) -> list[Labelled]:
    """A section heading inside the article ("Most read in ...", "Related") and the short
    lines under it up to the next paragraph: a box of links set into the text."""
    out = list(labels)
    in_box = False
    for i, info in enumerate(infos):
        if i in positive:
            in_box = False
        elif info.section_break:
            in_box = True
        if in_box and out[i].label == "body":
            out[i] = Labelled("boilerplate", "box of links inside the text")
    return out


def _label_line(
    i: int,
    info: LineInfo,
    infos: list[LineInfo],
    seen: list[tuple[int, int]],
    start: int,
    end: int,
    header: dict[int, Labelled],
    common: bool,
    teasers: set[int],
    off_topic: set[int],
) -> Labelled:
    if not info.words:
        return Labelled("blank" if not info.text else "boilerplate", "no words")
    if i in header and i < start:
        return header[i]
    if i < start:
        return Labelled("boilerplate", "before the main text")
    if i >= end:
        return Labelled("boilerplate", "after the main text")
    if info.widget:
        return Labelled("boilerplate", "widget wording")
    if common:
        return Labelled("boilerplate", "common across the corpus")
    if TWEET_SIGNATURE_RE.match(info.text):
        return Labelled("body", "signature of an embedded tweet")  # the same account may be quoted twice
    if _LETTER.search(info.norm):  # a line of numbers is never a repeat (see _is_repeat)
        for j in _about_as_long(seen, len(info.norm)):  # lines with letters, as long as a repeat is
            if _holds_repeat(info, infos[j]):
                return Labelled("boilerplate", f"{REPEAT_REASON} {j + 1}")
    if i in teasers:
        return Labelled("boilerplate", TEASER_REASON)
    if is_timestamp(info):
        return Labelled("boilerplate", "date and time stamp")
    if info.words <= BYLINE_MAX_WORDS and not info.ends_sentence and BYLINE_RE.match(info.text):
        return Labelled("boilerplate", "by-line inside the text (under a summary or a picture)")
    if info.words <= CAPTION_MAX_WORDS and CAPTION_DATE_RE.match(info.text):
        return Labelled("boilerplate", "picture caption (who, what, weekday and full date)")
    if info.words <= CAPTION_MAX_WORDS and CAPTION_CREDIT_RE.search(info.text):
        return Labelled("boilerplate", "picture caption (ends in its credit)")
    if i in off_topic:
        return Labelled("boilerplate", "off topic (shares few words with the article)")
    return Labelled("body", "inside the main text block")


def keep_lines(lines: list[str]) -> list[bool]:
    """For each line of an already-extracted page: True if it is article text."""
    return [label.label == "body" for label in classify_lines(lines)]
