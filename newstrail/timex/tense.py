"""Tense of the clause around a time expression: the spaCy parse when given, verb forms otherwise."""

from __future__ import annotations

import bisect
import re
from typing import Any, Callable


_FUTURE_CUE = re.compile(
    r"\b(?:will|won't|wo\s+n't|'ll|shall|going\s+to|plans?\s+to|planned\s+for|to\s+be\s+held|"
    r"expects?\s+to|(?:is|are)\s+(?:expected|scheduled|due|set|slated|forecast|predicted|projected|poised|likely|to)|next|upcoming|"
    r"scheduled|planning\s+(?:to|a|an|for)|plans?\s+(?:to|a|an)|would|as\s+soon\s+as)\b",
    re.IGNORECASE,
)
# The future seen from a past report ("was expected to sign on Friday", "planned to pay on
# Friday"): it looks ahead only for expressions after it. Before it, the expression dates the
# report or the plan itself ("On Friday, the government planned to pay ..." is last Friday).
_FUTURE_IN_PAST_CUE = re.compile(
    r"\b(?:(?:was|were)\s+(?:expected|scheduled|due|set|slated|planning|preparing|going|about|likely)\s+to|"
    r"planned\s+(?:to|a|an|for))\b",
    re.IGNORECASE,
)
# "is forecast to hit Friday", "will hit": after an infinitive's "to" or a modal, "hit" (whose
# past and plain forms are one word) is the plain verb and gives no past.
_HIT = "hit" + "".join(f"(?<!\\b{w}\\shit)" for w in ("to", "will", "would", "could", "can", "may", "might", "must",
                                                      "should", "shall"))  # looked at only once "hit" matched
_PAST_CUE = re.compile(
    r"\b(?:was|were|had|did|said|told|met|held|came|went|took|made|gave|began|left|saw|"
    r"spoke|wrote|sent|won|lost|fell|rose|" + _HIT + r"|fought|led|paid|sold|bought|found|"
    r"thought|brought|announced|became|got|felt|kept|knew|stood|ran|fled|struck|grew|heard|"
    r"meant|chose|drove|flew|threw|wore|sat|(?-i:[a-z])\w+ed)\b",  # lower case: "United", "Ted" are no verbs
    re.IGNORECASE,
)
# A past verb of intent with an infinitive looks ahead from the time it was said, and an
# expression after the infinitive dates the intended act ("has decided to admit them in early
# March"): a future cue, but only for expressions that follow it.
_INTENT_BEFORE = re.compile(
    r"\b(?:decided|agreed|voted|promised|pledged|vowed|threatened|hoped|wanted|intended|prepared|"
    r"offered|invited|urged|called\s+on\s+\w+)\s+(?:\w+\s+)?to\s+[a-z]+\b",
    re.IGNORECASE,
)
# A modal of possibility or obligation with a plain verb ("must decide by Friday", "may visit
# Norland on Monday") and a present verb of intent or expectation with what it governs ("hopes
# to meet him Friday", "expect the vote Tuesday") look ahead, for expressions after them only:
# before them the expression dates the saying. "may have left Monday" is a past guess, but
# "should have the bridge open in May" (have with its object) looks ahead.
# Case matters: "In May Kaller visited ..." is the month, and the verb after a modal is lower case.
_MODAL_OR_INTENT_BEFORE = re.compile(
    r"\b(?:(?:may|might|must|should|can|Might|Must|Should|Can)(?:\s+not)?\s+(?!have\b(?!\s+(?:the|a|an|its|their|his|her|our|"
    r"some|enough|more|\d))|be\s+\w+ed\b)[a-z]+|"
    r"(?:hopes?|wants?|intends?|aims?|seeks?|promises?|vows?|threatens?)\s+to\s+[a-z]+|expects?)\b"
)
# Past participles that usually introduce the future ("is expected to", "scheduled for").
_PAST_FALSE = {"expected", "scheduled", "planned", "slated", "proposed", "intended",
               "need", "indeed", "hundred", "proceed", "exceed", "succeed", "speed", "feed", "breed"}
# A temporal preposition right before the expression says more than the verb: "after
# Monday's talks, she will travel" looks back although the verb is future.
_PREP_BEFORE = re.compile(r"\b(after|since|following|ahead\s+of|until|till)\s+(?:the\s+|last\s+)?$", re.IGNORECASE)
# News writes scheduled events in the present ("the summit opens Monday", "the ban takes effect
# in March", "the vote is on Friday"): right before the expression, such a verb looks ahead.
# A past event takes the past ("opened Monday", "was on Friday").
_SCHEDULED_BEFORE = re.compile(
    r"\b(?:begins|starts|opens|ends|closes|expires|resumes|convenes|reconvenes|departs|"
    r"runs|lasts|takes\s+effect|goes\s+into\s+effect|(?:is|are)(?:\s+(?:due|set|slated|scheduled))?)\s+"
    r"(?:on\s+|in\s+|for\s+|at\s+|by\s+|through\s+|until\s+)?$",
    re.IGNORECASE)
# "Kaller said on Sunday it would resume talks", "told reporters in Norland on Tuesday that ...":
# an expression right after a past reporting verb, or after it and the place or occasion of the
# saying, dates the saying, whatever the tense of the reported clause that follows it.
_REPORTED_BEFORE = re.compile(
    r"\b(?:said|told|announced|reported|confirmed|added|stated|warned|wrote)"
    r"(?:\s+(?:in|at|on|to|during|before|with|a|an|the|his|her|their|its|news|conference|statement|"
    r"interview|briefing|speech|state|national|television|radio|reporters|journalists|lawmakers|"
    r"[A-Z][\w.'-]*))"
    r"{0,5}\s+(?:on\s+|late\s+|early\s+)?$")
_POSSESSIVE_AFTER = re.compile(r"['\u2019]s\b")
# The same present for a person's or body's scheduled moves ("Kaller arrives Sunday", "the
# council meets Friday", "Estovia votes on Sunday"). These words are also plural nouns ("tax
# returns Monday", "Kaller's visits Monday"), so the word before must be a subject: a name, a
# pronoun or a body that acts.
_SCHEDULED_MOVE_BEFORE = re.compile(
    r"(?:\b(?!(?:The|A|An|This|That|These|Those|Its|His|Her|Their|Our|Some|All|Both|Many)\b)[A-Z][\w.]*(?<!'s)|\b(?:he|she|it|they|council|committee|court|parliament|cabinet|board|team|"
    r"delegation|minister|president|leader|envoy|senate|assembly|panel|jury))\s+"
    r"(?:arrives|leaves|visits|meets|votes|travels|flies|returns|gathers|hosts|testifies|speaks|sails|"
    r"kicks\s+off|wraps\s+up|takes\s+office|goes\s+to\s+the\s+polls|goes\s+on\s+trial|stands\s+trial)\s+"
    r"(?:on\s+)?$")
# The same present said of a plural subject, in the verb's plain form ("the talks resume Monday",
# "markets open Thursday", "they meet Friday"). The word before must end in -s (a plural noun)
# or be a plural pronoun, so "agreed to meet Friday" (an infinitive) is left to the verb before,
# and the past ("resumed", "opened") does not match. A possessive before the word makes it a noun
# ("celebrated his return Monday"), so "his", "its", "this" and the like are no subject.
_SCHEDULED_PLURAL_BEFORE = re.compile(
    r"\b(?:(?!(?:[Hh]is|[Ii]ts|[Tt]his|[Tt]hus|[Ww]as|[Hh]as|[Dd]oes|[Hh]ers|[Oo]urs|[Tt]heirs|[Yy]ours)\b)"
    r"[A-Za-z][a-z]*[a-rt-z]s|[Tt]hey|[Ww]e)\s+(?:begin|start|open|end|close|expire|resume|convene|reconvene|depart|"
    r"meet|vote|arrive|leave|return|gather|take\s+effect|go\s+into\s+effect|get\s+under\s+way)\s+"
    r"(?:on\s+|in\s+|at\s+|by\s+|through\s+|until\s+)?$")
# A body that holds or hosts an event in the present ("Estovia holds elections Sunday", "the
# league hosts a summit on Friday") has it ahead, as with the scheduled verbs.
_HOLDS_EVENT_BEFORE = re.compile(
    r"\b(?:holds|hosts|stages)\s+(?:(?:a|an|the|its|their|his|her)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:elections?|talks|votes?|referendum|meetings?|summit|conference|hearings?|primary|primaries|rally|"
    r"session|ceremony|debate|poll)\s+(?:on\s+)?$")
# Words one of which each of the two patterns above must hold right before the expression: a
# look at the last few words spares the patterns' search, which tries every character (the
# tense of every expression passes here).
_PLURAL_VERB_WORDS = frozenset("begin start open end close expire resume convene reconvene depart meet vote "
                               "arrive leave return gather effect way".split())


def _scheduled_by_plural_or_host(text: str, start: int) -> bool:
    """A plural subject's scheduled present or a body holding an event, right before start."""
    before = text[max(0, start - 50): start]
    if not _PLURAL_VERB_WORDS.isdisjoint(before.rsplit(None, 3)[-3:]) \
            and _SCHEDULED_PLURAL_BEFORE.search(text, max(0, start - 30), start):
        return True
    return ("holds" in before or "hosts" in before or "stages" in before) \
        and _HOLDS_EVENT_BEFORE.search(text, max(0, start - 50), start) is not None


# A meeting put off, moved or fixed to a day ("was postponed until Friday", "was moved to
# Monday", "is now set for Friday") takes place after the decision, so after the writing too.
_RESCHEDULED_BEFORE = re.compile(
    r"\b(?:postponed|delayed|adjourned|deferred|moved|rescheduled|put\s+off|pushed\s+back|set|slated|"
    r"scheduled)\s+(?:until|till|to|for)\s+$",
    re.IGNORECASE)
TENSE_WINDOW = 60  # characters either side searched for a verb cue; 40-100 gave the same scores
# A reporting verb after the expression ("… on Thursday,'' Castro said", "… in early March, an
# official said") dates the report, not the clause the expression sits in.
_REPORTING = {"said", "told", "says", "added", "announced", "wrote"}
_QUOTE = re.compile(r"''|\"|\u201d")
# ", an official said." closing the sentence: the attribution of what came before the comma.
# A reported clause with a verb of its own ("In an interview Tuesday, Kaller said Norland will
# not yield.") is no such closing: there the expression dates the saying.
_ATTRIBUTION_END = re.compile(r"(?![^.,;]*\b(?:will|would|won't|shall|'ll)\b)[^.,;]{0,24}[.\n]")
# "and will", "but would": a second verb phrase after the expression, with a time of its own.
_AND_VERB_BEFORE = re.compile(r"\b(?:and|but)\s+$")
# A participle with its agent ("markets untouched by the crisis") is an adjective, no tense.
_BY_AGENT = re.compile(r"\s+by\b", re.IGNORECASE)
# A participle after "be" (or present "is"/"are") is passive ("will be held", "is heard"), and
# after "remains"/"stays" a state ("remains closed"): the verb before it carries the tense.
_PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|remains?|stays?|seems?)\s+(?:\w+\s+)?$", re.IGNORECASE)


# A temporal clause takes its time from the main clause: in "were likely to sell once the exchange
# reopened Monday" the past "reopened" is only the reported "reopens" shifted back, and the day lies
# ahead of the report, as the main clause does. So a past verb right after "as soon as" / "once" /
# "by the time" counts as the future when a future (or future-in-the-past) cue opens the sentence.
_TEMPORAL_CLAUSE_BEFORE = re.compile(
    r"\b(?:as\s+soon\s+as|once|by\s+the\s+time)\s+(?:[\w'-]+\s+){1,3}?(?-i:[a-z])\w+ed\s+(?:on\s+)?$",
    re.IGNORECASE)


def _clause_looks_ahead(text: str, s0: int, start: int) -> bool:
    """A past verb of a temporal clause right before the span, in a sentence whose main clause
    looks ahead before the clause opens."""
    clause = _TEMPORAL_CLAUSE_BEFORE.search(text, max(s0, start - 50), start)
    if clause is None:
        return False
    head = text[s0: clause.start()]
    return bool(_FUTURE_IN_PAST_CUE.search(head) or _FUTURE_CUE.search(head))


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): cheap splitting at . ! ? followed by space and a capital."""
    left = max(text.rfind(". ", 0, start), text.rfind("! ", 0, start), text.rfind("? ", 0, start),
               text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return left + 1, right


def _preposition_tense(text: str, start: int) -> str | None:
    prep = _PREP_BEFORE.search(text, max(0, start - 16), start)
    if prep is None:
        return None
    word = prep.group(1).lower()
    if word in ("until", "till"):
        return None  # "stayed until March" looks back, "remains closed until Friday" ahead: the verb says
    return "past" if word in ("after", "since", "following") else "future"


def _reported_before(text: str, start: int, end: int) -> bool:
    """Right after a past reporting verb (and the place or occasion of the saying): the
    expression dates the saying. Not before a possessive: "said Sunday's vote would be free"."""
    return (_REPORTED_BEFORE.search(text, max(0, start - 60), start) is not None
            and not _POSSESSIVE_AFTER.match(text, end))


# "through Sunday" ends a stretch of days as "until Sunday" does ("is in Norland through
# Sunday"). Only before a weekday: "sales this year through August" is a period of accounts,
# already counted.
_THROUGH_BEFORE = re.compile(r"\b(?:through|thru)\s+$", re.IGNORECASE)
_WEEKDAY_AT = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


def _until_before(text: str, start: int, end: int) -> bool:
    """"until Friday", "through Friday" with no verb tense near: the end of a state still going
    on, ahead. Not before a possessive: "through Friday's storm" is the way through an event."""
    prep = _PREP_BEFORE.search(text, max(0, start - 16), start)
    if prep is not None and prep.group(1).lower() in ("until", "till"):
        return True
    return (_WEEKDAY_AT.match(text, start) is not None
            and _THROUGH_BEFORE.search(text, max(0, start - 10), start) is not None
            and not _POSSESSIVE_AFTER.match(text, end))


def heuristic_tense(text: str, start: int, end: int) -> str | None:
    """'past', 'future' or None for the clause around a span, from nearby verb forms.

    Why: "on Monday" in a Wednesday article is two days back when the verb is past and five
    days ahead after "will". The nearest cue wins, because a sentence often reports in the
    past ("said") what will happen ("will meet on Monday").
    """
    prep = _preposition_tense(text, start)
    if prep:
        return prep
    if _SCHEDULED_BEFORE.search(text, max(0, start - 30), start) \
            or _SCHEDULED_MOVE_BEFORE.search(text, max(0, start - 30), start) \
            or _scheduled_by_plural_or_host(text, start):
        return "future"
    if _RESCHEDULED_BEFORE.search(text, max(0, start - 24), start) and not _POSSESSIVE_AFTER.match(text, end):
        return "future"  # "moved to Friday's session" names the session, which may be past
    if _reported_before(text, start, end):
        return "past"
    s0, s1 = _sentence_bounds(text, start, end)
    if _clause_looks_ahead(text, s0, start):
        return "future"
    lo, hi = max(s0, start - TENSE_WINDOW), min(s1, end + TENSE_WINDOW)
    best = _nearest_cue(text, start, end, lo, hi)
    if best is None and (lo > s0 or hi < s1):
        # No verb near: a future verb elsewhere in the sentence still looks ahead ("will be
        # named commander of the shuttle for a mission in December"). A distant past verb is
        # not used: without a tense, resolution already leans back, and the nearest-occurrence
        # rule for months is better than a verb of another clause.
        far = _nearest_cue(text, start, end, s0, s1)
        best = far if far and far[1] == "future" else None
    if best is None and _until_before(text, start, end):
        return "future"
    return best[1] if best else None


def _nearest_cue(text: str, start: int, end: int, lo: int, hi: int) -> tuple[tuple[bool, int], str] | None:
    """((across a comma, distance), 'past' or 'future') of the verb cue in [lo, hi) nearest to
    the span, one with no comma (and space: not "$1,200") between it and the span first.

    Why the comma: it often closes a clause, and the span takes the tense of its own clause
    ("the union, which plans to strike Friday, met managers" plans the strike, however near
    "met" is)."""
    best: tuple[tuple[bool, int], str] | None = None
    # "were planning to" after the expression is no cue at all: its "were" is not a plain past.
    skip_past = {m.start() for m in _FUTURE_IN_PAST_CUE.finditer(text, lo, hi) if m.end() > start}
    for pattern, label in ((_FUTURE_CUE, "future"), (_INTENT_BEFORE, "future"), (_FUTURE_IN_PAST_CUE, "future"),
                           (_MODAL_OR_INTENT_BEFORE, "future"), (_PAST_CUE, "past")):
        for m in pattern.finditer(text, lo, hi):
            if pattern is not _FUTURE_CUE and label == "future" and m.end() > start:
                continue
            if pattern is _MODAL_OR_INTENT_BEFORE and _POSSESSIVE_AFTER.match(text, end):
                continue  # "hopes to reverse Monday's decision": the decision is the day's, already made
            if label == "past" and (m.group(0).lower() in _PAST_FALSE or m.start() in skip_past):
                continue
            if start <= m.start() < end:
                continue
            if (label == "future" and m.start() >= end
                    and _AND_VERB_BEFORE.search(text, max(end, m.start() - 8), m.start())):
                continue  # "arrested three men Saturday and will charge them": the next verb's own time
            if (label == "past" and m.start() >= end and m.group(0).lower() in _REPORTING
                    and (_QUOTE.search(text, end, m.start())
                         or ("," in text[end:m.start()] and _ATTRIBUTION_END.match(text, m.end())))):
                continue
            if label == "past" and _PASSIVE_BEFORE.search(text, max(0, m.start() - 24), m.start()):
                continue
            if label == "past" and m.group(0).endswith("ed") and _BY_AGENT.match(text, m.end()):
                continue  # "markets untouched by the crisis": a participle with its agent, no tense
            if m.end() <= start:
                key = (text.find(", ", m.end(), start) >= 0, start - m.end())
            else:
                key = (text.find(", ", end, m.start()) >= 0, m.start() - end)
            if best is None or key < best[0]:
                best = (key, label)
    return best


def doc_tense(doc: Any) -> Callable[[str, int, int], str | None]:
    """A tense function that reads the spaCy parse for the future: the governing verb's "will".

    The past is left to the words (``heuristic_tense``). Why: the parse's past cues (a past-tense
    governing verb, "has"/"have", a participle modifying a noun) disagreed with the words on 8
    TempEval dev expressions and were wrong on all 8 ("has scheduled a news conference Thursday",
    "planned a demonstration on Saturday", "loans through January", "elections scheduled for
    April"), and on the held-out half they changed nothing for the better (``bench/timex.py --parse``).
    """
    starts = doc.to_array("IDX").tolist()  # each token's offset, read without a Token per word

    def tense(text: str, start: int, end: int) -> str | None:
        prep = _preposition_tense(text, start)
        if prep:
            return prep
        if _reported_before(text, start, end):
            return "past"  # the small model often hangs "said on Tuesday he will ..."'s day on "will"
        i = bisect.bisect_right(starts, start) - 1
        if i < 0:
            return heuristic_tense(text, start, end)
        tok = doc[i]
        for _ in range(6):  # climb to the governing verb
            if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
                break
            tok = tok.head
        if tok.pos_ not in ("VERB", "AUX"):
            return heuristic_tense(text, start, end)
        words = [tok] + [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        lowers = {w.lower_ for w in words}
        if lowers & {"will", "'ll", "shall", "wo"} or ("going" in lowers and tok.tag_ == "VB"):
            return "future"
        return heuristic_tense(text, start, end)

    return tense
