"""Quote extraction and attribution: who said what, with the exact spans.

The extractor is driven by the dependency parse and a speech-verb lexicon (below, with verb
classes), in four passes over one article:

1. **Cues.** Every speech verb outside a quotation (and "according to") is a cue; its
   subject is the speaker (the object for "media quoted sources as saying", the passive
   subject for "he was quoted as saying"); its content is the clausal complement, or the
   clause it interrupts ("…, X said"), or, when the sentence stops right after the cue
   ("X said. No date is set…", common in machine translation), the next sentence; for
   "A is unlikely, said X" (a cue clause the parser did not give its clause) the sentence up
   to the comma; for "As X noted, A" the clause the as-cue modifies. Verbs outside the
   lexicon that take a that-clause with a person or body as subject ("X recognized that…")
   are attitude cues of the lowest confidence. Content that runs over its own cue keeps only
   the quotation after it ("Asked about X, Novak said, “…”"). A passive cue names no speaker
   ("The sale is expected to …"; "Asked whether …" is a question with no named asker,
   unless "by X"); speech nouns with a that-clause ("Novak's claim that …") are attitude
   cues; an object content ("endorsed X for mayor") runs to the end of its verb phrase, and
   a topic ("discussed the economy", "warned of a crisis") is an attitude, not speech. A
   record that shows or finds ("a poll shows X leading", "…, records show") is an attitude
   cue of the record; so is "see/view X as Y" (a judgement) and "offered X". A passive cue
   with a complement reports a claim about its subject ("The vote is expected to pass", "X
   is known for Y", "X is seen as Y"), so the subject is part of the content.
   "According to X" at a sentence's edge covers the rest of the sentence. "X seems/appears
   to Y" (an impression no cue reports) is an attitude quote with no source, or the one in
   "To Z, X seemed …".
2. **Quotation marks.** A quotation that no cue covered takes an adjacent cue clause
   ("“A,” he said, “B.”" gives B too; so does "“A,” Novak, 58, told AFP"); a paragraph
   opened by a name, or a source noun ("Poll:", "TAPPER:"), and a colon (headlines,
   transcripts) attributes the rest of the paragraph to it.
3. **Continuations.** A paragraph that is only a quotation, right after a quote by X, is
   X's (and shares the cue of X's direct quote: one utterance over paragraphs); so is a
   full-clause quotation in a paragraph whose earlier sentence quotes X, and any quotation
   right after the cue clause that closed X's previous one (its second part). Only speech
   continues: a stance ("If X decides to…") is no previous speaker.
4. **Kinds.** Content that is a quotation is ``direct``; reported content with a quoted
   fragment is ``mixed``; otherwise ``indirect``.

Speakers come from the article's mentions (actors.py), so "he", "the envoy" and "Mr
Ivanoff" carry the article-local key of the person they refer to.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass

import numpy

from spacy.tokens import Doc, Span as SpacySpan, Token

from .actors import (ARTICLES, ROLE_NOUNS, doc_quotation_ranges, doc_sentence_index, doc_sentence_roots, doc_text,
                     is_role_noun, token_indices)
from .model import Article, Mention, Quote

__all__ = ["extract_quotes", "SPEECH_VERBS", "VERB_CLASSES", "SPEECH_CLASSES", "ATTITUDE_CONFIDENCE"]

# Speech-verb lexicon by class. Hand-written (no library ships one with classes); the
# classes decide what a cue may govern: ``say`` verbs take any clause, ``commit``/``urge``
# verbs also an infinitive ("vowed to …"), and ``think`` verbs (cognition) also an
# infinitive. "I think" inside a quotation is part of the quote (cues inside quotations are
# skipped); outside one, in an interview's answers or a columnist's own text, it attributes a
# belief to the one speaking, as PolNeAR annotates it (train 0:500: 14 gold spans won, 1 lost).
VERB_CLASSES: dict[str, frozenset[str]] = {
    "say": frozenset(
        "say tell state declare announce add remark comment mention reply respond answer"
        " explain outline describe write tweet post report reiterate repeat continue recall"
        " conclude note observe stress emphasize emphasise underline underscore highlight"
        " testify joke quip boast brag recount disclose reveal signal indicate assure"
        " reassure counter retort confirm inform brief quote cite relay shout yell scream"
        " whisper exclaim complain lament acknowledge admit concede chant echo interject read"
        " proclaim pronounce affirm remind clarify reaffirm restate grumble muse opine bemoan".split()
    ),
    "argue": frozenset(
        "argue contend claim assert allege insist maintain suggest predict estimate"
        " speculate theorize hint imply posit reason charge forecast".split()
    ),
    "deny": frozenset("deny dispute reject refute dismiss disavow repudiate renounce".split()),
    "warn": frozenset("warn caution threaten alert".split()),
    "commit": frozenset("promise pledge vow swear guarantee commit".split()),
    "urge": frozenset("urge demand ask request propose recommend advise".split()),
    "think": frozenset(
        "think believe feel hope fear expect doubt wonder know worry reckon agree"
        " acknowledge consider concur surmise recognize recognise".split()
    ),
    # Attitude cues (not speech): what an actor is said to find, call, back or blame.
    # PolNeAR annotates these as attributions too; they come with lower confidence.
    "evidence": frozenset("show find reveal conclude determine".split()),
    # (with "name", "list", "identify": designating someone or something, "named X its
    # envoy", "listed X as a risk", which PolNeAR train annotates in about half the cases)
    "call": frozenset("call label dub brand term regard deem portray depict characterize"
                      " characterise name list identify".split()),
    "evaluate": frozenset(
        "accuse criticize criticise praise blame defend attack slam blast thank condemn"
        " denounce mock question decry applaud commend fault chide congratulate encourage challenge"
        " tout embrace ignore apologize hail assail lambaste ridicule express voice articulate"
        " deride scold rebuke berate disparage insult laud salute credit".split()
    ) | frozenset(
        # verbs of judging someone (Levin's "judgement" verbs), without those whose first
        # sense is no judgement ("knock", "pan", "hammer", "celebrate", "honor")
        "bash trash skewer excoriate chastise castigate admonish reprimand censure belittle"
        " discredit demonize demonise vilify smear malign denigrate lampoon scorn taunt champion"
        " extol".split()
    ),
    # (not "favor" and "vote": "is favored to win", "voted for the bill" are odds and acts,
    # which PolNeAR train annotates as stances in under 1 case in 4)
    "stance": frozenset("support oppose endorse back want seek prefer plan refuse decline"
                        " intend decide offer aim aspire strive".split()),
    # Verbs of feeling toward someone or something (Levin's "admire" verbs): "distrusts the
    # authority", "has long admired the minister" hold a stance as "opposes", "backs" do.
    "feel": frozenset("like love hate admire respect despise dislike distrust mistrust trust welcome resent"
                      " revile appreciate value cherish detest loathe envy idolize adore relish regret deplore"
                      " abhor".split()),
    # Topic cues: what someone spoke about ("talked about the economy", "called for a ban").
    "topic": frozenset("talk speak campaign advocate push rail joke testify refer allude"
                       " discuss focus address point side".split()),
}
# Prepositions that introduce a topic cue's content (and a speech cue's, when it has no
# clause: "warned of the dangers", "called for a ban", "commented on the ruling").
TOPIC_PREPS = frozenset("for of on about against".split())
# Topic verbs whose topic follows "to" ("referring to the ruling", "alluded to the scandal").
TO_TOPIC_CUES = frozenset("refer allude point respond reply".split())
# Topic verbs whose topic follows "with" ("sided with the fishermen").
WITH_TOPIC_CUES = frozenset({"side"})
# Verbs of answering: what they answer is a topic only if it was itself said or written
# ("responded to the senator's remarks", "did not reply to the union's letter"); a
# response to an event or a problem ("responded to the flooding") is an action.
ANSWER_CUES = frozenset({"respond", "reply"})
# Head nouns of something said or written, which an answer can be an answer to.
ANSWERED_NOUNS = frozenset(
    "request question query inquiry enquiry remark comment statement claim charge accusation"
    " allegation criticism critique attack reproach report story article letter email message"
    " tweet post call demand ad advertisement speech argument suggestion proposal offer"
    " invitation challenge complaint concern note interview".split()
)
# Verbs of speaking whose "on" phrase is a channel or a condition ("spoke on CNN", "spoke
# on condition of anonymity", "on behalf of X"), and whose object is a language ("speaks
# Hebrew"); their topic follows "about", "of" or "for".
SPEAKING_CUES = frozenset({"speak", "talk"})
# Classes whose cues are speech (the rest are attitude cues, see ATTITUDE_CONFIDENCE).
SPEECH_CLASSES = frozenset({"say", "argue", "deny", "warn", "commit", "urge"})
# Confidence of quotes from attitude cues; speech cues get 0.7-1.0, so a consumer that wants
# speech only keeps confidence > ATTITUDE_CONFIDENCE (bench/quotes.py does).
ATTITUDE_CONFIDENCE = 0.5
# Verbs of asking: their content is a question put to someone ("asked whether the levy
# would rise", "“Why now?” she asked"), which asserts nothing, so it is no speech of the
# asker's views; such quotes get the attitude confidence (PolNeAR train counts no "ask" cue
# as speech).
QUESTION_CUES = frozenset({"ask"})
# Confidence of quotes from verbs outside the lexicon that take a clause (see _clause_taking).
CLAUSE_CONFIDENCE = 0.4
# Clause-taking verbs that report no one's view: perception of events, causation, modality.
NOT_CLAUSE_CUES = frozenset("be have do make let help seem appear happen mean get go come"
                            " ensure see watch hear".split())
# Verbs of letting that report a view only with a that-clause ("Berg allowed that the plan had
# merits", a concession); "allowing the fishermen to sail" tells what an act made possible.
LETTING_CUES = frozenset("allow permit enable".split())
SPEECH_VERBS: dict[str, str] = {}
for _cls, _verbs in VERB_CLASSES.items():
    for _verb in _verbs:
        SPEECH_VERBS.setdefault(_verb, _cls)
INFINITIVE_CLASSES = {"commit", "urge", "warn", "deny"}
# Speech verbs whose direct object is what was said ("said yes", "described X as Y"); for the
# others the object is an addressee ("told reporters") or not speech ("added to the
# total", "claimed the seat", "posted a gain"), found on PolNeAR train false positives.
OBJECT_CONTENT = frozenset(
    "say write tweet announce declare describe mention note repeat reiterate shout yell chant"
    " echo read proclaim".split()
)
# Speech verbs whose object is the addressee ("…, Novak told reporters."), not what was said.
ADDRESSEE_CUES = frozenset("tell inform brief assure remind advise".split())
# Speech verbs that are speech only with a clause or a quotation: with a noun object or a
# preposition they keep, go on, add up or publish ("maintained a lead", "continued the fight",
# "added a seat", "posted a video", "underscored the risks", "insisted on a vote"), which
# PolNeAR train rarely annotates (under 1 in 5 such quotes).
CLAUSE_ONLY_CUES = frozenset("maintain continue add post underscore underline insist".split())
# Speech verbs that also tell of events going on ("the storm continued", "the fighting
# continued"): speech only with a subject who can speak.
EVENT_SUBJECT_CUES = frozenset({"continue"})
# Nouns of bodies that speak through their officials ("the ministry continued that …").
BODY_NOUNS = frozenset("ministry department office government cabinet administration council committee"
                       " court board commission company firm".split())
# "point out", "go on (to say)": particle verbs whose bare verb is not a speech verb.
PARTICLE_CUES = {("point", "out"), ("make", "clear"), ("lay", "out"), ("spell", "out"), ("shoot", "back"),
                 ("fire", "back"), ("hit", "back"), ("chime", "in"), ("weigh", "in"), ("double", "down"),
                 ("zero", "in")}
# Nouns for people who can be the subject of a speech verb (with the role nouns of actors.py).
_PERSON_NOUNS = ROLE_NOUNS | frozenset(
    "people man woman men women member members resident residents worker workers voter voters"
    " official officials source sources group union party team critic critics supporter"
    " supporters protester protesters farmer farmers witness witnesses police".split()
)
# People a place or body only qualifies ("the Vellmar fishermen", "Norland voters"): they
# speak for themselves, not for the name in front of them, unlike its officials or government.
PEOPLE_OF_A_PLACE = frozenset(
    "people man woman resident worker voter farmer fisherman witness protester citizen student"
    " villager family parent shopper driver passenger patient fan".split())
# Nouns that can head a source phrase with no name: people, groups, and the documents and
# outlets that "say" things ("Poll: …", "the report said", "the statement added").
SOURCE_NOUNS = _PERSON_NOUNS | frozenset(
    "poll polls survey study report statement newspaper paper camp campaign aide aides"
    " spokesman spokeswoman magazine network agency analysis memo letter release insider ally"
    " editorial narrator announcer voice".split()
)
# Subordinators that open an adverbial clause, never reported content ("said as the crowd
# cheered", "said while touring"); the parser sometimes makes such a clause the cue's ccomp.
ADVERBIAL_MARKS = frozenset("as while when whenever after before because since until although though".split())
OPENING_MARKS = ("“", "\"", "«", "‘")
# Characters that open a quotation in a headline (straight single marks included there).
QUOTE_OPENERS = ("“", "\"", "«", "‘", "'")
FIRST_SECOND_PERSON = {"i", "we", "you", "me", "us"}
RELATIVES = {"who", "which", "that"}
EXPLETIVES = {"it", "there", "this", "that", "what", "which"}
# Below this many word characters a quotation is a scare quote or a title, not speech on its
# own; continuation passes ignore it (seed and PolNeAR train articles: fragments of 1-4 words
# are names and labels).
MIN_CLAUSE_WORDS = 5
# Longest narration between two quotations of one utterance ("“A,” the farmer told a local
# paper when asked about …. “B.”"); 12 missed such pairs on PolNeAR train, 30 catches them.
CUE_CLAUSE_WORDS = 30
# Headline attributions: "Novak to farmers: …", "Novak on the budget: …" (a name, a short
# topic or addressee, a colon), up to this many characters before the colon.
HEADLINE_TAIL = re.compile(r"(?:['’]s)?\s+(?:to|on|about|says|tells|says of)\s", re.I)
HEADLINE_LEAD_CHARS = 80
# What may stand between two quotations of one run: spaces, commas, "and"/"or".
ADJACENT_GAP = re.compile(r"[ ,;]*(?:(?:and|or)[ ,]*)?")
# How far before a quotation its introducing cue may stand, in tokens ("Novak told Radio
# Free Europe's morning host Jan Berg, “…”": an addressee may sit between).
LEAD_CUE_TOKENS = 12
# Verbs of "had nothing good to say", "has little to add": what someone has to say is said.
WORDS_TO_SAY = frozenset({"say", "add", "tell"})
# Unquoted words a direct quote's content may hold (a stray "he said" the parse let in).
DIRECT_SLACK_WORDS = 1


@dataclass
class _Found:
    """A quote under construction, in body offsets."""

    start: int
    end: int
    kind: str
    speaker: Mention | None
    speaker_range: tuple[int, int] | None
    speaker_text: str | None
    speaker_key: str | None
    cue: tuple[int, int] | None
    cue_text: str | None
    confidence: float = 1.0


class _Context:
    """What the passes share about one article: quotations, paragraphs, mentions by offset."""

    def __init__(self, doc: Doc, article: Article, mentions: list[Mention]) -> None:
        self.doc = doc
        self.article = article
        self.text = _doc_text(doc, article)
        self.quotations = doc_quotation_ranges(doc)
        self.qstarts = [s for s, _ in self.quotations]
        self.paragraphs = _paragraph_starts(self.text)
        self.mentions = mentions
        # mentions carry original offsets; compare through the same map as our spans
        self.body_mentions = [(m, _body_range(article, m)) for m in mentions]
        self._ranges = {id(m): r for m, r in self.body_mentions}  # the speaker fields ask again per quote
        # mention_for runs for every cue and speaker: with the mentions in order of their
        # start it looks only at those that can reach the range asked about
        self.placed = [(m, r) for m, r in self.body_mentions if r[0] >= 0]  # -1: not in the body
        self.placed_starts = [r[0] for _, r in self.placed]
        self.in_order = self.placed_starts == sorted(self.placed_starts)
        self.longest = max((e - s for _, (s, e) in self.placed), default=0)
        self.sents = list(doc.sents)
        self.sent_of = doc_sentence_index(doc)

    def paragraph(self, offset: int) -> int:
        return bisect.bisect_right(self.paragraphs, offset) - 1

    def paragraph_bounds(self, para: int) -> tuple[int, int]:
        """[start, end) of the offsets whose ``paragraph`` is ``para`` (the starts rise
        strictly), so a walk over a content's tokens compares offsets instead of searching."""
        end = self.paragraphs[para + 1] if para + 1 < len(self.paragraphs) else len(self.text) + 1
        return self.paragraphs[para], end

    def body_range(self, m: Mention) -> tuple[int, int]:
        """``_body_range`` of a mention, as worked out for the article's mentions once."""
        found = self._ranges.get(id(m))
        return found if found is not None else _body_range(self.article, m)

    def quotation_at(self, offset: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.qstarts, offset) - 1
        if i >= 0 and self.quotations[i][0] <= offset < self.quotations[i][1]:
            return self.quotations[i]
        return None

    def quotations_within(self, start: int, end: int) -> list[tuple[int, int]]:
        """The quotations that may overlap [start, end), in order (quotations do not overlap
        each other, so the one before ``start`` is the only earlier one that can reach it)."""
        lo = max(bisect.bisect_right(self.qstarts, start) - 1, 0)
        return self.quotations[lo : bisect.bisect_left(self.qstarts, end)]

    def in_quotation(self, tok: Token) -> bool:
        q = self.quotation_at(tok.idx)
        return q is not None and q[0] < tok.idx

    def mention_for(self, start: int, end: int, head: int | None = None) -> Mention | None:
        """The mention covering a token range; the one holding the head token wins."""
        best = None
        for m, (ms, me) in self._mentions_near(start, end):
            if ms < end and start < me:
                if head is not None and ms <= head < me:
                    return m
                best = best or m
        return best

    def _mentions_near(self, start: int, end: int) -> list[tuple[Mention, tuple[int, int]]]:
        """The mentions that may overlap [start, end), in the order of ``body_mentions``."""
        if not self.in_order:
            return self.body_mentions
        lo = bisect.bisect_right(self.placed_starts, start - self.longest)
        hi = bisect.bisect_left(self.placed_starts, end)
        return self.placed[lo:hi]


def _doc_text(doc: Doc, article: Article) -> str:
    """The parsed text: the article's body, which ``doc`` parses (``doc.text`` rebuilds the
    string from every token, a cost worth sparing; it stays the fallback for a doc of
    another length)."""
    body = article.body
    if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(body):
        return body
    return doc_text(doc)


def _body_range(article: Article, m: Mention) -> tuple[int, int]:
    """A mention's range in the body (the identity map in the common case)."""
    segments = article.offsets.segments
    if not segments or segments == ((0, 0, len(article.body)),):
        return m.span.start, m.span.end
    for body_start, orig_start, length in segments:
        if orig_start <= m.span.start < orig_start + length:
            start = body_start + m.span.start - orig_start
            return start, start + (m.span.end - m.span.start)
    return -1, -1


def _paragraph_starts(text: str) -> list[int]:
    """Offsets where paragraphs (lines) begin."""
    starts = [0]
    i = text.find("\n")
    while i != -1:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


# --- cue recognition ------------------------------------------------------------------------


def _cue_class(tok: Token) -> str | None:
    """Verb class of a speech cue token, or None (remembered per token on the doc: the
    content and speaker rules ask it again of the same verbs, for each cue above them)."""
    known = tok.doc.user_data.setdefault("newstrail_cue_classes", {})
    i = tok.i
    if i not in known:
        known[i] = _token_cue_class(tok)
    return known[i]


def _token_cue_class(tok: Token) -> str | None:
    """The verb class of ``_cue_class``, worked out from the token and its children."""
    if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "NOUN" and tok.lower_ == "saying") \
            and not _headline_verb(tok):
        return None
    lemma = _lemma(tok)
    cls = SPEECH_VERBS.get(lemma)
    if cls == "topic" and any((lemma, c.lower_) in PARTICLE_CUES for c in tok.children if c.dep_ == "prt"):
        return "say"  # "pointed out that …" is speech, though "pointed to X" is a topic
    if cls is None and _as_put_it(tok):
        return "say"
    if cls is None and lemma in AS_CALL_CUES and any(c.dep_ == "prep" and c.lower_ == "as" and c.i > tok.i
                                                     for c in tok.children):
        return "call"  # "voters see the deal as a betrayal": a judgement, like "call it a betrayal"
    if cls is None:
        if any((lemma, c.lower_) in PARTICLE_CUES for c in tok.children
               if c.dep_ in ("prt", "acomp", "oprd", "advmod") and c.i > tok.i) or _made_clear(tok) is not None:
            return "say"  # "shot back": the parser tags the particle as an adverb too
    return cls


def _headline_verb(tok: Token) -> bool:
    """"Super PAC blasts Novak for …": the tagger reads a headline's bare present tense as
    a plural noun, yet parses it as the verb it is (with a subject of its own)."""
    if tok.tag_ != "NNS":
        return False
    children = list(tok.children)
    if any(c.dep_ == "nsubj" for c in children):
        return True
    # "Novak predicts that …": the name before it taken for a compound of the "noun", and the
    # clause after it hung on it as its complement, which no plural noun takes
    return any(c.dep_ == "ccomp" and c.i > tok.i for c in children) \
        and any(c.dep_ == "compound" and c.i == tok.i - 1 and c.is_title for c in children)


def _as_put_it(tok: Token) -> bool:
    """"as Varga put it": the idiom reports words (and only with "as" and "it": "put it on
    the table" reports nothing). The parser may make "as" a preposition with the speaker as
    its object ("As Varga, a law professor, put it, …")."""
    return _lemma(tok) == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" and c.i > tok.i for c in tok.children) \
        and any(c.dep_ in ("mark", "prep") and c.lower_ == "as" and c.i < tok.i for c in tok.children)


def _made_clear(tok: Token) -> Token | None:
    """The "clear" of "made (it) clear that …", which the small model parses as a clausal
    complement of "made"; None for any other token."""
    if tok.lemma_.lower() != "make":
        return None
    return next((c for c in tok.children if c.lower_ == "clear" and c.dep_ == "ccomp" and c.i > tok.i), None)


# Verbs that judge when they take "as" ("see X as Y", "viewed it as a threat", "presents
# herself as an outsider", like "portray"); without it they tell of sight, of favour or of
# handing over ("viewed him favorably", "presented the award"), not of a stated judgement.
AS_CALL_CUES = frozenset({"see", "view", "present"})
# Lemmas a cue of _cue_class can have: the lexicon's, the small model's "hop" (see _lemma),
# the verbs of particle cues and the "put" of "as X put it".
_CUE_LEMMAS = frozenset(SPEECH_VERBS) | {"hop"} | {verb for verb, _ in PARTICLE_CUES} | AS_CALL_CUES | {"put"}


def _cue_candidates(doc: Doc) -> list[int]:
    """Indices of the tokens that may be cues: those with a cue lemma, and the heads of a
    clausal complement to their right (see _clause_taking).

    A superset of what ``_cue_class`` and ``_clause_taking`` accept, found from token
    arrays, so the cue pass tests a few dozen tokens per article instead of all of them.
    """
    lexical = _lemma_indices(doc, _CUE_LEMMAS)
    clauses = token_indices(doc, "DEP", lambda dep: dep == "ccomp")
    heads = [doc[i].head.i for i in clauses]
    return sorted(set(lexical).union(h for h, i in zip(heads, clauses) if h < i))


def _lemma_indices(doc: Doc, words: Collection[str]) -> list[int]:
    """``token_indices(doc, "LEMMA", lambda lemma: lemma.lower() in words)``, for the word
    lists of the lexical passes (``LEXICAL_WORD_LISTS``) taken from one list per doc of the
    tokens whose lemma is in any of them; another list is looked up on its own."""
    if not any(words is known for known in LEXICAL_WORD_LISTS):
        return token_indices(doc, "LEMMA", lambda lemma: lemma.lower() in words)
    return [i for i, lemma in _lexical_tokens(doc) if lemma in words]


def _lexical_tokens(doc: Doc) -> list[tuple[int, str]]:
    """(index, lowercased lemma) of the tokens whose lemma is a word of the lexical passes,
    cached on the doc: the cue pass and five lexical passes each look for their words, and
    reading the doc's distinct lemmas once serves them all."""
    found = doc.user_data.get("newstrail_lexical_lemmas")
    if found is None:
        indices = token_indices(doc, "LEMMA", lambda lemma: lemma.lower() in LEXICAL_WORDS)
        lemmas = doc.to_array("LEMMA")[indices].tolist() if indices else []
        lookup = doc.vocab.strings
        found = doc.user_data["newstrail_lexical_lemmas"] = [(i, lookup[h].lower()) for i, h in zip(indices, lemmas)]
    return found


def _lemma(tok: Token) -> str:
    """A token's lemma, with the small model's misreadings of cue verbs put right: it
    lemmatizes "hoped", "hopes" and "hoping" as "hop" (a verb no one hops a clause with)."""
    lemma = tok.lemma_.lower()
    if lemma == "hop" and not tok.lower_.startswith("hopp"):
        return "hope"
    return lemma


def _clause_taking(tok: Token) -> str | None:
    """"clause" for a verb outside the lexicon that takes a that-clause ("X recognized that
    …", "X figures the race is over"): a stated belief or finding of its subject, which
    PolNeAR annotates as an attribution; such cues get the lowest confidence."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() in NOT_CLAUSE_CUES:
        return None
    if any(c.dep_ == "ccomp" and c.i > tok.i and (tok.lemma_.lower() not in LETTING_CUES or any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children)) for c in tok.children):
        return "clause"
    return None


def _self_description(tok: Token) -> bool:
    """A cue compounded with "self" in front of a noun ("a self-described socialist", "the
    self-proclaimed leader"): the one the noun names said the noun of themselves. A proper
    name after it ("the self-proclaimed Estovian Republic") is a claimed title, not reported
    speech (PolNeAR train 0:500: none annotated)."""
    doc = tok.doc
    return tok.dep_ == "amod" and tok.i >= 2 and tok.head.i > tok.i and tok.head.pos_ == "NOUN" \
        and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "self"


def _subject(tok: Token) -> Token | None:
    """The speaker token of a cue: its subject, inherited through conj/xcomp/advcl chains."""
    if _self_description(tok):
        return tok.doc[tok.i - 2]  # PolNeAR marks "self" as the source of a self-description
    if _as_put_it(tok) and not any(c.dep_ == "nsubj" for c in tok.children):
        # "As Berg, a law professor, put it, “…”": the parser may take the speaker for the
        # object of "as", leaving "put" no subject; never climb into the quotation
        return next((c for m in tok.children if m.dep_ in ("mark", "prep") and m.lower_ == "as" and m.i < tok.i
                     for c in m.children if c.dep_ == "pobj"), None)
    named = _compound_name_on_verb(tok)
    if named is not None:
        return named
    cue = tok
    seen = 0
    # a verb reached from the cue (a coordinated verb, or the clause an adjunct participle
    # hangs on) shares its grammatical subject, not its passive's agent: "X was joined by Y
    # and joked", "X was booed and jeered by Y after telling them …" give X; a reduced
    # passive has no subject to share ("a case filed by X, challenging …"), and a thing
    # done by the agent is the agent's word ("the appeal was filed by X, arguing …")
    shared = False
    while tok is not None and seen < 4:
        children = list(tok.children)
        agent = next((c for c in children if c.dep_ == "agent"), None)
        if shared or seen and (tok.dep_ == "conj" or any(c.dep_ == "nsubjpass" for c in children)
                               and _animate_subject(tok)):
            agent = None
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if by is not None:
            # "… was reported by the Times": the agent speaks, not the passive subject
            return (seen and _clause_subject_before(cue, by)) or by
        subjects = [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            # the nearest: '“…: Michigan, Ohio,” Mr. Trump said' gives "said" two subjects
            # (a relative "who" stays: _speaker_fields keys it to its antecedent)
            nearest = min(subjects, key=lambda c: abs(c.i - tok.i))
            return (seen and _clause_subject_before(cue, nearest)) or nearest
        share = _share_subject(tok) or _reduced_relative_subject(children) or _gerund_subject(tok) \
            or (None if seen else _for_to_subject(tok))
        if share is not None:
            return share
        if tok.dep_ == "conj" and tok.head.dep_ == "ccomp" and _cue_class(tok) and _cue_class(tok.head.head) \
                and (not _animate_subject(tok.head) or _conjoined_cue(tok)):
            # "X said the deal was fair and thanked Y": the parser hung the second cue inside
            # the reported clause, whose subject cannot thank; the speaker does. So does a
            # speech or judging cue that _own_subtree cuts from the content as the speaker's
            # next act ("X said the mayor was careless and rebuked him")
            tok = tok.head.head
        elif tok.dep_ == "advcl" and tok.tag_ == "VBG" and _set_off(tok) \
                and (matrix := _matrix_of_complement(tok.head)) is not None:
            # "X said Y will have to choose, saying, “…”", "X denied the notion that a
            # shake-up is coming, explaining …": a participle set off after a complement
            # clause is the matrix subject's, though the parser hangs it inside the clause
            tok = matrix
        elif _misattached_cue(tok):
            # "X urged an end to the aid that funds the militia and proposed a buffer zone":
            # the parser hung the cue on the relative clause, whose subject (the aid)
            # cannot propose; the clause the noun belongs to has the speaker
            tok = _governing_verb(tok.head.head)
        elif _controlled_by_object(tok) is not None:
            return _controlled_by_object(tok)
        elif tok.dep_ in ("conj", "xcomp", "advcl") and tok.head.pos_ in ("VERB", "AUX"):
            shared = tok.dep_ == "conj"
            tok = tok.head
        elif _adjective_control(tok):
            # "voters are more likely to say …", "Berg was quick to point out …": the
            # subject of the copula says it
            tok = tok.head.head
        elif tok.dep_ == "dep" and tok.head.tag_ in ("VBG", "VBN") and tok.head.i < tok.i:
            # "Majorities of voters going to the polls say …": the parser took the participle
            # of a reduced relative for the main verb; its subject is the cue's
            tok = tok.head
        elif tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.dep_ == "prep" \
                and tok.head.head.pos_ in ("VERB", "AUX"):
            tok = tok.head.head  # "began by saying …", "responded by writing …"
            if tok.dep_ == "ccomp" and _cue_class(tok.head) in SPEECH_CLASSES and not _animate_subject(tok):
                # "X said the deadlock kept Y safe before claiming …": the parser hung the
                # participle inside the reported clause, whose subject cannot claim
                tok = tok.head
        elif _infinitive_of_a_chance(tok):
            # "had nothing bad to say about X", "has harsh words to say": the noun is what
            # is said; the one who has it to say speaks ("has no plans to attack X", "the
            # will to continue talks", "asked the board to write down …" say nothing).
            # "took the chance to praise X", "went out of her way to say": the one who
            # takes the chance speaks, not the chance
            tok = _governing_verb(tok.head)
        elif tok.dep_ == "relcl" and shared and _mute(tok.head) and _governing_verb(tok.head) is not None:
            # "She is noting the problems Berg had answering questions and saying …": the
            # parser joined the cue to a relative clause on a thing, which says nothing;
            # the clause the thing belongs to has the speaker
            tok = _governing_verb(tok.head)
            shared = False
        elif tok.dep_ == "relcl":
            return tok.head
        elif tok.dep_ == "acl" and tok.tag_ == "VBG" and _cue_class(tok) in SPEECH_CLASSES and _set_off(tok) \
                and (actor := _set_off_participle_subject(tok)) is not None:
            return actor
        elif tok.dep_ == "acl" and tok.tag_ == "VBG" and _cue_class(tok) in SPEECH_CLASSES \
                and (issuer := _issuer(tok.head)) is not None:
            # "put out a brief statement saying …", "emailed a release saying …": what a
            # document someone issued says is the issuer's word, as in "a statement that says"
            return issuer
        elif tok.dep_ == "acl" and tok.tag_ == "VBG" and _cue_class(tok) in SPEECH_CLASSES \
                and tok.head.dep_ in ("dobj", "dative") and _lemma(tok.head.head) in ADDRESSING_VERBS:
            # "the senator emailed her donors saying …", "texted her staff saying …": the
            # object of a verb of addressing is who hears it; the sender speaks
            tok = tok.head.head
        elif tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.i == tok.i - 1 \
                and _cue_class(tok) in SPEECH_CLASSES and _speaking_noun(tok.head):
            # "with 50 percent saying …", "voters saying …": a reduced relative ("who are
            # saying"); the people it modifies speak ("an ad saying …" is its publisher's)
            return tok.head
        elif tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.i == tok.i - 1 \
                and _cue_class(tok) in ("stance", "evaluate", "feel") \
                and (tok.head.pos_ == "PROPN" or _speaking_noun(tok.head)):
            # "a super PAC backing Kaller", "voters opposing the levy": a reduced relative of
            # a verb of stance; the people or body it modifies hold the stance
            return tok.head
        else:
            return None
        seen += 1
    return None


# Classes whose negated verb still states a stance ("has not endorsed X", "don't trust X").
NEGATED_STANCE_CLASSES = frozenset({"stance", "feel", "evaluate"})


# Verbs of belief whose negation is read in the believed clause ("Berg doesn't think the
# port will reopen" holds that it will not): the negated belief is still a stance held
NEG_RAISING_VERBS = frozenset("think believe expect suppose reckon".split())

# Adjectives whose infinitive's object, not speaker, is the subject ("X is hard to say",
# "easy to tell"): the subject of the copula is what is said, so no speaker is found
TOUGH_ADJECTIVES = frozenset("hard easy difficult impossible tough tricky simple safe fair premature".split())


def _adjective_control(tok: Token) -> bool:
    """An infinitive on a predicative adjective ("are likely to say", "was quick to note",
    "is right to point out") shares the subject of the copula (control and raising
    adjectives); tough adjectives ("is hard to say") take their subject as the object. Only
    speech cues: "voters are likely to back Berg" is the writer's forecast, not a stance the
    voters stated (PolNeAR train 0:500: 8 of 25 such attitude cues matched gold)."""
    adj = tok.head
    return (tok.dep_ == "xcomp" and adj.pos_ == "ADJ" and adj.dep_ == "acomp"
            and adj.head.pos_ in ("VERB", "AUX") and adj.lower_ not in TOUGH_ADJECTIVES
            and _cue_class(tok) in SPEECH_CLASSES)


# Verbs of addressing or sending to people: their object hears or receives what is said
# ("emailed her donors saying …"), unlike that of quoting or polling ("quoted officials
# saying …", "found voters saying …"), whose object speaks.
ADDRESSING_VERBS = frozenset("email e-mail text message mail write tell call phone brief address thank greet"
                             " remind urge invite notify alert contact".split())

# Verbs of causing whose object does what their infinitive says ("the defeat led Berg to
# declare …", "the report prompted the paper to state …"): the object speaks, not the cause.
OBJECT_CONTROL_VERBS = frozenset("lead prompt cause force drive inspire compel spur convince persuade"
                                 " move provoke".split())


def _controlled_by_object(tok: Token) -> Token | None:
    """The object of a verb of causing that an infinitive cue hangs on ("led Berg to say")."""
    if tok.dep_ not in ("xcomp", "ccomp") or _lemma(tok.head) not in OBJECT_CONTROL_VERBS \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None
    return next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)


# Verbs whose object is a chance taken to do something ("took the opportunity to thank",
# "used the occasion to attack", "went out of her way to thank"): their subject acts.
CHANCE_VERBS = frozenset("take use seize go find get".split())


def _infinitive_of_a_chance(tok: Token) -> bool:
    """Is the cue an infinitive on a noun that someone has to say or takes as a chance
    ("had little to say", "took the chance to praise")? Its speaker is the subject of the
    verb above the noun, not the noun."""
    if tok.dep_ not in ("relcl", "acl") or tok.tag_ != "VB" \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    verb = _governing_verb(tok.head)
    if verb is None:
        return False
    lemma = _lemma(verb)
    return lemma in CHANCE_VERBS or (lemma == "have" and _lemma(tok) in WORDS_TO_SAY)


def _gerund_subject(verb: Token) -> Token | None:
    """"The interview ended with Kallas asking Berg whether …", "wrote about the bishop
    calling the festival a sham": a person named right before a participle, as the object
    of a preposition, is its subject (the parser hangs the participle on the main verb).
    After "to" the person is an addressee ("an email to supporters stating …"); what is
    "reading …" is a text ("a banner at the rally reading …")."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "acl") or verb.i == 0 or _lemma(verb) == "read":
        return None
    noun = verb.doc[verb.i - 1]
    if noun.dep_ == "pobj" and noun.head.lower_ != "to" \
            and (noun.ent_type_ == "PERSON" or noun.lemma_.lower() in _PERSON_NOUNS):
        return noun
    return None


def _for_to_subject(verb: Token) -> Token | None:
    """"an opening for Kaller to highlight …", "time for the ministry to explain …": the noun
    after "for" right before an infinitive's "to" is the infinitive's subject (the for-to
    clause), though the parser hangs it on the noun or verb before as a prepositional object."""
    to = verb.doc[verb.i - 1] if verb.i > 0 else None
    if verb.tag_ != "VB" or to is None or to.lower_ != "to" or to.head != verb or to.i == 0 \
            or _cue_class(verb) is None:
        return None
    noun = verb.doc[to.i - 1]
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return None
    # only one who can speak: "a metaphor for the fears to …" is no clause of a speaker
    return noun if noun.ent_type_ in ("PERSON", "ORG", "NORP") or noun.pos_ == "PRON" \
        or noun.lemma_.lower() in SOURCE_NOUNS else None


def _inanimate_relative(verb: Token) -> bool:
    """Is the verb a relative clause ("that funds …", "which passed") about a thing, not a
    person or a body that could speak?"""
    if verb.dep_ != "relcl":
        return False
    rel = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("that", "which")), None)
    noun = verb.head
    return rel is not None and not (noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or noun.pos_ in ("PRON", "PROPN")
                                    or noun.lemma_.lower() in SOURCE_NOUNS)


# What one "addresses" when one speaks to it: a gathering or an audience, not a topic.
ADDRESSED_AUDIENCES = frozenset("gala rally convention conference crowd audience meeting summit assembly dinner"
                                " luncheon breakfast banquet session forum ceremony graduate student supporter"
                                " delegate nation congregation gathering event".split())


def _addresses_an_audience(tok: Token) -> bool:
    """"addressed the convention", "to address a rally of supporters": "address" with a
    gathering or an audience as its object tells whom someone spoke to, not what about
    (PolNeAR train 0:500 marks 1 of the 7 we made); "addressed the controversy" keeps its
    topic."""
    if _lemma(tok) != "address":
        return False
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
    return obj is not None and _lemma(obj) in ADDRESSED_AUDIENCES


def _misattached_cue(tok: Token) -> bool:
    """A cue coordinated with a relative clause about a thing, in another tense and with no
    subject of its own: "urged an end to the aid that funds X and proposed Y" coordinates
    "proposed" with "urged" ("a contest that will end the race and encourage unity" keeps
    its tense: the contest encourages)."""
    return (tok.dep_ == "conj" and _inanimate_relative(tok.head) and _cue_class(tok) is not None
            and tok.tag_ != tok.head.tag_ and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children))


def _governing_verb(tok: Token) -> Token | None:
    """The nearest verb above a token (the one whose object or complement holds it)."""
    for _ in range(3):  # a bound on parse depth, not a tuned value
        if tok.head == tok:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


# Pronouns that stand for people before a participle ("those saying they would vote …",
# "anyone claiming otherwise").
PEOPLE_PRONOUNS = frozenset("those anyone everyone someone anybody everybody somebody".split())


def _speaking_noun(noun: Token) -> bool:
    """Are a noun's referents people who can speak, not an addressee ("an email to supporters
    saying")? A name, a person noun, or a share of respondents ("50 percent", "a third")."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "to":
        return False
    return (noun.ent_type_ in ("PERSON", "NORP", "PERCENT") or noun.lemma_.lower() in _PERSON_NOUNS
            or noun.lower_ in ("percent", "%") or noun.pos_ == "NUM" or noun.lower_ in PEOPLE_PRONOUNS)


def _reduced_relative_subject(children: list[Token]) -> Token | None:
    """"Voters going to the polls said …": the small model takes the participle of a
    reduced relative for a clausal subject and hangs the noun on it; the noun speaks."""
    for child in children:
        if child.dep_ == "csubj" and child.tag_ in ("VBG", "VBN"):
            subj = next((c for c in child.children if c.dep_ == "nsubj" and c.i < child.i), None)
            if subj is not None:
                return subj
    return None


# Marks that set off a participial adjunct from the clause before it.
SETTING_OFF_MARKS = frozenset({",", "—", "–", "--"})


def _set_off(tok: Token) -> bool:
    """Is the token (with its own modifiers before it: ", forcefully denouncing") set off by
    a comma or a dash before it (also one inside a closing quotation mark)?"""
    doc = tok.doc
    i = tok.left_edge.i - 1
    if i > 0 and doc[i].text in CLOSING_MARKS:
        i -= 1
    return i >= 0 and doc[i].text in SETTING_OFF_MARKS


def _matrix_of_complement(verb: Token) -> Token | None:
    """The verb of the clause a complement clause completes: a reported clause ("said Y
    will choose") or a noun's "that" clause on that verb's object ("denied the notion that
    Y is coming", "dismissed claims that Y broke the law"). A participle set off after the
    complement describes the matrix subject's act (the complement's subject does not go on
    to explain or add), so it takes the matrix subject; so does one after a relative clause
    about a thing, which cannot speak."""
    if _cue_class(verb) in SPEECH_CLASSES and any(c.dep_ == "nsubj" and not _mute(c) for c in verb.children):
        # '“…,” Vance added, saying …' set into another's clause ("Dalton cannot claim that
        # “…,” Vance added"): the comment clause's speaker goes on saying
        return None
    if verb.dep_ == "ccomp" and _cue_class(verb.head) in SPEECH_CLASSES:
        return verb.head
    if verb.dep_ == "ccomp" and _cue_class(verb.head) is not None \
            and any(c.dep_ in ("nsubj", "nsubjpass") and _mute(c) for c in verb.children):
        # "The Ledger hopes the mayor's focus could bring jobs, pointing to …": a hope or
        # a belief about a thing; the thing cannot point, the one who hopes does
        return verb.head
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and verb.head.dep_ in ("dobj", "pobj") \
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return _governing_verb(verb.head)
    if _inanimate_relative(verb):
        # "X had a strong night that could help him, denouncing …": a thing cannot denounce
        return _governing_verb(verb.head)
    return None


def _set_off_participle_subject(verb: Token) -> Token | None:
    """The speaker of a speech participle set off by a comma that the parser hung on a noun
    ("Berg made a last attempt to calm the row, writing that …", "X called for a vote,
    declaring that …", "said Berg, the party's treasurer, explaining that …"): set off, the
    participle is an adjunct of the whole clause, so the clause's subject speaks, not the
    noun it was hung on (an attempt or a vote says nothing). A name the parser left with no
    clause above it (a sentence root) speaks itself. PolNeAR train 0:500: 7 of 8 such
    participles annotated, 6 of them missed before."""
    noun = verb.head
    above = _governing_verb(noun)
    if above is None:
        return noun if noun.dep_ == "ROOT" and noun.ent_type_ == "PERSON" else None
    subj = next((c for c in above.children if c.dep_ == "nsubj"), None)
    if subj is None or _expletive(subj) or subj.i > verb.i:
        return None
    return subj


def _compound_name_on_verb(verb: Token) -> Token | None:
    """'“Cruz,” Beck joked, …': the parser, reading "Beck joked" as one name, hangs the name
    on the verb as a compound; a verb has no compounds, so a name right before a verb with a
    tense, hung on it that way, is its subject."""
    headline = _headline_verb(verb)  # "Novak predicts that …" read as a noun: the name may be tagged NOUN
    if not (verb.pos_ == "VERB" and verb.tag_ in ("VBD", "VBZ") or headline) \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "compound" and c.i == verb.i - 1
                 and (c.pos_ == "PROPN" or headline and c.is_title)), None)


def _mute(subj: Token) -> bool:
    """Is a subject a thing or an event that says nothing ("the rally", "the first
    disruption"), not a person, a body, a source or a name?"""
    return not (_animate(subj) or subj.lemma_.lower() in SOURCE_NOUNS | BODY_NOUNS or is_role_noun(subj))


def _clause_subject_before(verb: Token, subj: Token) -> Token | None:
    """"The second disruption came when union members interrupted her, shouting “…”" /
    "… the casino, where 80 workers had gathered, chanting “…”": a speech participle set
    off right after a "when" or "where" clause tells what that clause's people did, when
    the main clause is about a thing or an event that cannot shout. The clause's subject
    is then the speaker; a main subject that can speak keeps the participle."""
    # the agent of a reduced passive ("the casino, now owned by Lund, where 80 workers had
    # gathered, chanting …") only names who owns or did a thing: a "where" or "when"
    # clause after it tells who chanted
    agent = subj.head.dep_ == "agent"
    if verb.tag_ != "VBG" or _cue_class(verb) not in SPEECH_CLASSES or not _set_off(verb) \
            or not (_mute(subj) or agent):
        return None
    doc = verb.doc
    tok = doc[verb.left_edge.i - 1]
    if tok.i < 1:
        return None
    tok = doc[tok.i - 1]
    for _ in range(6):  # a bound on parse depth, not a tuned value
        if tok.dep_ in ("relcl", "advcl") and tok.pos_ in ("VERB", "AUX"):
            own = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
            if own is None or own.lower_ in RELATIVES or _mute(own) or own.i <= subj.i < tok.i:
                return None
            if agent and not (subj.i < own.i and any(c.tag_ == "WRB" and c.i < own.i for c in tok.children)):
                return None
            return own
        if tok.head == tok or tok.head.i >= verb.i:
            return None
        tok = tok.head
    return None


def _share_subject(verb: Token) -> Token | None:
    """A share of respondents the parser hung on the verb as a number ("About 4 in 10 say
    they …", "Six in 10 said …"): poll reports put the share where the subject goes."""
    for child in verb.children:
        if child.i < verb.i and child.dep_ in ("nummod", "npadvmod", "quantmod", "dep") \
                and child.pos_ == "NUM" and child.right_edge.i == verb.i - 1 and child.ent_type_ != "DATE":
            return child
    return None


def _expletive(subj: Token) -> bool:
    """Is a subject no speaker ("it seems", "there is", "what matters")? An active "it"
    is one: "“…,” it added" / "It said …" speak for a body or a document named before."""
    return subj.lower_ in EXPLETIVES and not (subj.lower_ == "it" and subj.dep_ == "nsubj"
                                              and _cue_class(subj.head) in SPEECH_CLASSES)


def _animate_subject(verb: Token) -> bool:
    """Is the subject of a verb someone who can speak (a name, a pronoun, a person)?"""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is None or _animate(subj)  # no subject: unknown, keep the parse


def _animate(subj: Token) -> bool:
    """A name, a pronoun or a noun of people: someone who can speak."""
    return (subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or subj.pos_ in ("PRON", "PROPN")
            or subj.lemma_.lower() in _PERSON_NOUNS)


def _can_speak(ctx: _Context, verb: Token) -> bool:
    """Is the verb's subject someone who can speak: a person, a body or a source ("the
    ministry", "the report"), not an event ("the storm", "the fighting")?"""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or _animate_subject(verb) or subj.lemma_.lower() in SOURCE_NOUNS | BODY_NOUNS:
        return True
    m = ctx.mention_for(subj.idx, subj.idx + len(subj.text), subj.idx)
    return m is not None and m.kind in ("person", "organisation", "country")


def _as_saying_speaker(tok: Token) -> Token | None:
    """"media quoted sources as saying" -> sources; "he was quoted as saying" -> he."""
    prep = tok.head
    if prep.lower_ != "as" or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.lemma_.lower() not in ("quote", "cite", "describe", "report"):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None:
        return obj
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _phrase(tok: Token) -> tuple[int, int]:
    """Token range of a speaker noun phrase, without relative clauses or appositions."""
    cut = {t.i for c in tok.children if c.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj")
           for t in c.subtree}
    keep = [t.i for t in tok.subtree if t.i not in cut]
    return min(keep), max(keep) + 1


def _speaker_phrase(tok: Token) -> tuple[int, int]:
    """Token range of a speaker noun phrase with the nouns coordinated with its head ("current
    and former officials", "the mayor and her deputy"): all of them said it, and the small
    model often makes a modifier ("Current") the head, the noun its conjunct. Relative
    clauses and appositions of the conjuncts stay out, as the head's do."""
    lo, hi = _phrase(tok)
    for conj in tok.children:
        if conj.dep_ == "conj" and conj.i > tok.i and conj.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
            lo2, hi2 = _speaker_phrase(conj)
            lo, hi = min(lo, lo2), max(hi, hi2)
    return lo, hi


def _content_tokens(cue: Token, cls: str) -> list[Token]:
    """Tokens of a cue's reported content from the parse (may be empty)."""
    if _self_description(cue):
        # "a self-described democratic socialist": the noun with its modifiers after the cue
        return list(cue.doc[cue.i + 1 : cue.head.i + 1])
    if _as_put_it(cue):
        # "As Varga put it, the tolls are …": the clause the as-clause hangs on ("it" is
        # that clause); a quotation right after is found by the quotation pass
        if cue.dep_ != "advcl":
            return []
        after = [t for t in cue.head.subtree if t.i > cue.right_edge.i]
        if any(not (t.is_punct or t.is_space) for t in after):
            return after
        return [t for t in cue.head.subtree if t.i < cue.left_edge.i]  # "…, as Varga put it."
    children = list(cue.children)  # spaCy walks the cue's subtree span for each pass over them
    deps = {"ccomp"} | ({"xcomp"} if cls in INFINITIVE_CLASSES or cls == "think" else set())
    if cls == "call":
        deps = {"dobj", "oprd", "xcomp", "ccomp"}
    elif cls == "evidence":
        # "found that …"; "found a way", "showed restraint" report nothing, but a record's
        # object is its finding ("a poll shows Novak leading", "records showed a loan")
        deps = {"ccomp", "dobj"} if _record_subject(cue) else {"ccomp"}
    elif cls in ("stance", "feel"):
        deps = {"ccomp", "dobj", "xcomp"}
    elif cls == "evaluate":
        deps = {"dobj", "prep", "ccomp"}
    parts = [c for c in children if (c.dep_ in deps or _gerund_report(cue, cls, c) or _finite_complement(cue, cls, c))
             and (cls in SPEECH_CLASSES or c.i > cue.i) and not _own_attribution(c)]
    clear = _made_clear(cue)
    if clear is not None:
        # "made it clear that X" / "made clear X": X hangs on "clear" or on the verb
        parts = [c for c in list(clear.children) + [p for p in parts if p is not clear]
                 if c.dep_ in ("ccomp", "advcl") and c.i > clear.i]
    if cls == "call":
        parts = _call_for(cue) or parts
    if cls == "urge" or cue.lemma_.lower() == "tell":
        parts = _directive(cue, children) or parts
    if cue.lemma_.lower() in QUESTION_CUES:
        parts = _question_put(cue, children) or parts
    if not parts and cue.lemma_.lower() in OBJECT_CONTENT:
        # "said yes", "announced two votes for the bill", "described the plan as “bold”"
        parts = [c for c in children if c.dep_ in ("dobj", "oprd") and (c.i > cue.i or _relative_object(cue, c))]
        if parts:
            parts += [c for c in children if c.dep_ == "prep" and c.lower_ == "as" and c.i > cue.i]
    if not parts and (cls == "topic" or cls in SPEECH_CLASSES) \
            and cue.lemma_.lower() not in ADDRESSEE_CUES | CLAUSE_ONLY_CUES | SPEAKING_CUES:
        # "stated his intention to …", "discussed the absence of …", "proposed a tax": the
        # object is what was said (PolNeAR annotates it so)
        parts = [c for c in children if c.dep_ == "dobj" and c.i > cue.i]
    if not parts and (cls == "topic" or cls in SPEECH_CLASSES or cue.lemma_.lower() == "call") \
            and cue.lemma_.lower() not in CLAUSE_ONLY_CUES:
        lemma = cue.lemma_.lower()
        preps = TOPIC_PREPS | ({"to"} if lemma in TO_TOPIC_CUES else set()) \
            | ({"with"} if lemma in WITH_TOPIC_CUES else set())
        if lemma in SPEAKING_CUES:
            preps = preps - {"on"}
        parts = [c for c in children if c.dep_ == "prep" and c.lower_ in preps and c.i > cue.i
                 and any(g.dep_ in ("pobj", "pcomp") and g.ent_type_ not in ("DATE", "TIME")
                         and not (c.lower_ == "on" and _channel(g)) for g in c.children)]  # "spoke on Monday" is no topic
        parts = [g for c in parts[:1] for g in c.children if g.dep_ in ("pobj", "pcomp")]
        if lemma in ANSWER_CUES:
            parts = [g for g in parts if _lemma(g) in ANSWERED_NOUNS]
    if not parts:
        parts = _topic_on_object(cue, children)
    if _written_work(cue, parts):
        parts = []
    if not parts and cls in SPEECH_CLASSES:
        # "most said yes", "he said so": a one-word answer is the content
        parts = [c for c in children if c.i > cue.i and c.lower_ in ("so", "yes", "no")]
    if not parts and cls == "think":
        # "I think so", "Velm never believed so": "so" stands for the clause believed
        parts = [c for c in children if c.i > cue.i and c.lower_ == "so" and not list(c.children)]
    doc = cue.doc
    parts = [p for p in parts  # a clause in another paragraph is a misparse
             if not _line_break_between(doc, min(cue.i, p.i), max(cue.i, p.i))
             and not any(c.dep_ == "mark" and c.lower_ in ADVERBIAL_MARKS for c in p.children)]
    parts = [p for p in parts if not _introduced_by_participle(cue, p)]
    left = [p for p in parts if p.i < cue.i]
    right = [p for p in parts if p.i > cue.i]
    if left and right:
        # "In a note sent after X resigned…, Novak said he…": content never spans
        # the cue; the clause after it is the reported one (the left one is a misparse),
        # unless the speaker follows the cue ('“…,” said Novak, who co-wrote …'): then
        # the clause after it describes the speaker
        inverted = any(c.dep_ == "nsubj" and c.i > cue.i for c in children)
        parts = left if inverted else right
    parts = _without_appended_noun(parts)
    object_content = bool(parts) and not any(p.dep_ in ("ccomp", "xcomp") for p in parts)
    if object_content:
        parts = _object_phrase(cue, parts)
    parts += _second_that_clause(cue, parts)
    parts += _fronted_in_clause(cue, cls, parts)
    parts += _trailing_condition(cue, cls, parts)
    tokens = [t for p in parts for t in _own_subtree(p)
              if not (t.dep_ == "mark" and t.lower_ == "for" and t.head.i == p.i)]  # see _called_for_clause
    if object_content:
        tokens = _without_closing_setting(cue, tokens)
    if any(_finite_complement(cue, cls, p) for p in parts):
        # "which the fishermen say left …": the relative pronoun is the reported clause's subject
        tokens += [c for c in children if c.dep_ == "nsubj" and c.lower_ in RELATIVES and c.i < cue.i]
    if tokens and max(t.i for t in tokens) < cue.i:
        # "A would be helped, Berg said, by B": the reported clause goes on after the cue
        tokens += [cue.doc[i] for i in sorted(_resumed_content(cue))]
    if not tokens:
        tokens = _that_clause(cue)
    if not tokens and cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children) \
            and cls in SPEECH_CLASSES and not any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in children):
        # "As the paper noted, Clinton raised …": the clause the as-cue modifies is the content
        # (an as-clause with a complement of its own, "as Novak continued to talk", only
        # tells what went on meanwhile)
        own = {t.i for t in cue.subtree}
        tokens = [t for t in cue.head.subtree if t.i not in own]
    if not tokens and _interrupts(cue):
        # "A deal is unlikely, Novak said": the cue interrupts or follows its content
        start = _cue_clause_start(cue) if cue.head.i > cue.i else 0
        own = {t.i for t in cue.subtree if t.i >= start} - _resumed_content(cue)
        tokens = [t for t in cue.head.subtree if t.i not in own]
        right = [t for t in tokens if t.i > cue.right_edge.i]
        opener = next((t for t in right if not (t.is_punct and t.text not in OPENING_MARKS) and not t.is_space), None)
        if opener is not None and (opener.text in OPENING_MARKS or any(
                t.text in OPENING_MARKS for t in cue.doc[cue.i + 1 : opener.i])):
            # 'On Tuesday's show, he said, “…”': the quotation after the cue is the content;
            # the narration before the cue only sets the scene
            tokens = right
    if not tokens and cls in SPEECH_CLASSES:
        tokens = _clause_of_the_copula(cue)
    if not tokens and cls in SPEECH_CLASSES and _comment_clause_hung_below(cue):
        # "Costs will rise, the agency reported on Monday": the clause before the cue is
        # what was said, though the parser made the cue its adverbial or conjunct
        # (only what comes before it: what the parser hung after the cue is the writer's)
        start = min(t.i for t in cue.subtree)
        tokens = [t for t in cue.head.subtree if t.i < start]
    return tokens


# Prepositions of the setting of a speech act: where, when and through what it was made.
SETTING_PREPS = frozenset("in on at during before after".split())
# Occasions and media ("in an interview", "on Twitter", "at a rally", "during the debate").
SETTING_NOUNS = frozenset(
    "interview tweet twitter facebook instagram post statement rally conference speech debate stage "
    "show program programme broadcast appearance page video ad air television tv radio podcast "
    "public event forum hearing meeting briefing town hall convention session op-ed column letter "
    "email message call remarks visit".split())


def _setting_phrase(prep: Token, cue: Token) -> bool:
    """Does a prepositional phrase closing an object content tell the setting of the act
    ("on Twitter", "in an interview published Saturday", "at a rally")? On the cue, or on a
    name or pronoun (which take no such phrase of their own), a time ("on Thursday") is one
    too; on a common noun a time is the noun's own ("the election in November"). Inside a
    clause of the content ("stopping Novak at the convention") the phrase is what was said."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if prep.lower_ not in SETTING_PREPS or not objs:
        return False
    head = prep.head
    while head != cue and head.pos_ not in ("VERB", "AUX") and head.head != head:
        head = head.head
    if head != cue:
        return False  # the phrase sits in a clause of the content, or outside it
    obj = objs[0]
    if obj.lower_ in SETTING_NOUNS or _lemma(obj) in SETTING_NOUNS:
        return True
    return obj.ent_type_ in ("DATE", "TIME") and (prep.head == cue or prep.head.pos_ in ("PROPN", "PRON"))


def _without_closing_setting(cue: Token, tokens: list[Token]) -> list[Token]:
    """An object content without the phrases of setting that close it.

    "mocked Novak on Twitter", "praised the plan in an interview", "thanked supporters at
    a rally": the parser hangs the setting on the object, or the cue's content takes it
    along, but it says when and where the act was done, not what was said (PolNeAR train
    0:500: the annotated content stops before it)."""
    while len(tokens) > 1:
        last = max(t.i for t in tokens)
        first = min(t.i for t in tokens)
        prep = next((t for t in tokens if t.dep_ == "prep" and t.right_edge.i == last and t.i > first
                     and _setting_phrase(t, cue)), None)
        if prep is None:
            break
        cut = {t.i for t in prep.subtree}
        kept = [t for t in tokens if t.i not in cut]
        if not any(t.is_alpha for t in kept):
            break
        tokens = kept
    return tokens


# Verbs of writing and reading, and the works they make or take: "wrote a column", "read
# the memo" name the work, not what it says (PolNeAR train 0:500: 12 such objects
# predicted, none annotated; a work with a clause on what it does, "a letter urging …",
# "op-eds defending …", is annotated and kept).
# "remind voters of X", "told the story of X": the topic belongs to the verb's frame, but
# the parser hangs the preposition on the object (the addressee, or the story told)
TOPIC_ON_OBJECT = {"remind": frozenset({"of", "about"}), "tell": frozenset({"of", "about"})}
TOLD_NOUNS = frozenset("story stories tale tales anecdote anecdotes".split())


def _topic_on_object(cue: Token, children: list[Token]) -> list[Token]:
    """What "reminded the crowd of X" or "tells the story of how X" is about: the object of
    the preposition on the verb's object. "Tell" takes it only on a story noun ("told the
    pilots of the storm" tells the pilots something unsaid; "told stories of X" says X)."""
    lemma = cue.lemma_.lower()
    preps = TOPIC_ON_OBJECT.get(lemma)
    if preps is None:
        return []
    objects = [c for c in children if c.dep_ == "dobj" and c.i > cue.i
               and (lemma != "tell" or c.lemma_.lower() in TOLD_NOUNS)]
    return [g for o in objects[:1] for p in o.children if p.dep_ == "prep" and p.lower_ in preps
            for g in p.children if g.dep_ in ("pobj", "pcomp")][:1]


WRITING_CUES = frozenset({"write", "read"})
WRITTEN_WORK_NOUNS = frozenset("book column op-ed editorial letter memo piece article essay blog"
                               " profile dissertation thesis novel memoir biography song album"
                               " script speech newspaper".split())
WORK_CONTENT_DEPS = frozenset({"acl", "relcl", "ccomp"})


def _written_work(cue: Token, parts: list[Token]) -> bool:
    """Is the only content of a writing or reading cue the work itself ("wrote a weekly
    column", "read some of the files"), with no clause saying what the work says or does?"""
    if _lemma(cue) not in WRITING_CUES or not parts:
        return False
    return all(p.dep_ == "dobj" and (_lemma(p) in WRITTEN_WORK_NOUNS or p.lower_ in WRITTEN_WORK_NOUNS)
               and not any(c.dep_ in WORK_CONTENT_DEPS for c in p.children) for p in parts)


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _finite_complement(cue: Token, cls: str, comp: Token) -> bool:
    """Is ``comp`` a finite clause after a speech cue that the parser labelled an open
    complement ("the ledgers, which Kaller says proved the fraud": "proved" hangs on "says" as
    xcomp)? A verb with tense cannot be an open complement: it is the reported clause."""
    if comp.dep_ != "xcomp" or comp.i < cue.i or comp.tag_ not in FINITE_TAGS or cls not in SPEECH_CLASSES:
        return False
    # right after the cue: '…,” he said, asked about it …' is a participle set off by a comma
    return not any(t.is_punct for t in cue.doc[cue.i + 1 : comp.left_edge.i])


def _gerund_report(cue: Token, cls: str, comp: Token) -> bool:
    """Is ``comp`` a gerund that reports what the speaker did or had ("reported raising $9
    million", "admitted taking the money", "recalled meeting him")? Not after a verb of
    going on ("continued campaigning"), nor a comma-set participle of its own ("said,
    adding …")."""
    if comp.dep_ != "xcomp" or comp.tag_ != "VBG" or comp.i < cue.i or cls not in ("say", "argue"):
        return False
    if _lemma(cue) in CLAUSE_ONLY_CUES:
        return False
    return not any(t.is_punct for t in cue.doc[cue.i + 1 : comp.left_edge.i])


# Nouns of records that "show" or "find" things: what a poll shows is its finding, an
# attribution to the poll (news regularity: "a new poll shows X leading", "records show").
RECORD_NOUNS = frozenset(
    "poll survey study report record document data result email file filing analysis"
    " audit statistic research review investigation tally chart map video footage"
    " photo image".split()
)


# Nouns of writings and evidence that "say" things in a reduced relative ("a memo warning
# that …", "evidence suggesting that …").
SAYING_DOCUMENT_NOUNS = RECORD_NOUNS | frozenset(
    "evidence memo letter statement release ad advertisement column editorial item note"
    " tweet post message sign banner".split())


def _document_saying(cue: Token) -> Token | None:
    """The writing a speech participle right after it modifies ("an internal memo suggesting
    that the levy would rise"), when no one is named as its issuer (see _issuer): the
    writing is the source, as PolNeAR marks it; None for any other cue."""
    head = cue.head
    if cue.dep_ != "acl" or cue.tag_ != "VBG" or head.i != cue.i - 1 \
            or head.lemma_.lower() not in SAYING_DOCUMENT_NOUNS:
        return None
    return head


def _record_subject(cue: Token) -> Token | None:
    """The record noun an evidence verb reports from: its subject ("the poll showed …"),
    or the noun a participle modifies ("a new poll showing X ahead")."""
    if cue.dep_ == "acl" and cue.tag_ == "VBG" and cue.head.i < cue.i:
        subj = cue.head
    else:
        subj = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
    if subj is None or subj.lemma_.lower() not in RECORD_NOUNS:
        return None
    return subj


def _line_break_between(doc: Doc, start: int, end: int) -> bool:
    """Does a token of ``doc[start:end]`` hold a line break? (The break tokens are found
    once per doc and cached on it: every cue asks.)"""
    breaks = doc.user_data.get("newstrail_line_breaks")
    if breaks is None:
        breaks = doc.user_data["newstrail_line_breaks"] = token_indices(doc, "ORTH", lambda text: "\n" in text)
    k = bisect.bisect_left(breaks, start)
    return k < len(breaks) and breaks[k] < end


def _introduced_by_participle(cue: Token, part: Token) -> bool:
    """Is a clause after the cue opened by a speech participle of its own ("X said, adding
    of Y, “…”")? The small model hangs the clause on the first cue (or "adding" inside the
    clause), though it is what the participle adds."""
    if part.i <= cue.i:
        return False
    doc = cue.doc
    participles = _participle_indices(doc)
    lo = bisect.bisect_right(participles, cue.i)
    return any(_cue_class(doc[i]) in SPEECH_CLASSES for i in participles[lo : bisect.bisect_left(participles, part.i)])


def _participle_indices(doc: Doc) -> list[int]:
    """Indices of the doc's present participles (tag VBG), cached on it: every cue asks
    whether one stands between it and its clause."""
    found = doc.user_data.get("newstrail_participles")
    if found is None:
        found = doc.user_data["newstrail_participles"] = token_indices(doc, "TAG", lambda tag: tag == "VBG")
    return found


def _head_indices(doc: Doc) -> list[int]:
    """Each token's head index, from the doc's HEAD array (offsets to the head), cached on
    it: a walk over a content's tokens that only compares heads need not build their heads."""
    heads = doc.user_data.get("newstrail_heads")
    if heads is None:
        offsets = doc.to_array("HEAD").astype(numpy.int64) if len(doc) else numpy.zeros(0, dtype=numpy.int64)
        heads = doc.user_data["newstrail_heads"] = (offsets + numpy.arange(len(doc))).tolist()
    return heads


# What may follow an object content inside the same verb phrase ("endorsed X for
# president", "mentioned X five times", "called for X following news that …").
OBJECT_TAIL_DEPS = frozenset({"prep", "oprd", "dative", "dobj", "xcomp", "ccomp"})
# Prepositions of an argument ("endorsed X for president", "described X as Y"), not of an
# adjunct of time or place ("backed her up in an interview", "blamed X on Twitter"). "From"
# gives a source or origin ("reported income from a sold stake", "cited letters from
# voters") and "at" an amount or a place that is part of the claim ("estimated his fortune at
# $2 billion", "reported 20 victims at a clinic"); a setting ("at a rally") is still cut
# (see _without_closing_setting). PolNeAR train 0:500 for these two: 8 gold spans won, 3 lost.
ARGUMENT_PREPS = frozenset("for as to against of about over with into in from at".split())
# Of those, the one that as often sets the scene: "in" finishes the object of a verb of
# judging or feeling ("welcomed his third place in the race", "praised her role in the
# talks"), but after a verb of saying it mostly tells where or how it was said ("announced
# new fees in a bid to …"), and a quotation inside it is an utterance of its own.
ADJUNCT_ARGUMENT_PREPS = frozenset({"in"})


def _relative_object(cue: Token, child: Token) -> bool:
    """The relative pronoun object of a describing cue in a relative clause ("the server,
    which he described as “an open door”"): it stands for what was described, before the
    cue; the as-phrase says what was said of it ("the ferry that Velm mentioned" says nothing)."""
    return (cue.dep_ == "relcl" and child.dep_ == "dobj" and child.lower_ in ("which", "whom", "that")
            and child.i < cue.i and any(c.dep_ == "prep" and c.lower_ == "as" for c in cue.children))


def _object_phrase(cue: Token, parts: list[Token]) -> list[Token]:
    """An object content with the rest of its verb phrase.

    PolNeAR train: when the content of a cue is its object ("endorsed Cruz for president"),
    the annotated content runs to the end of the verb phrase, not the object alone; a
    comma-set participle or clause after it ("…, saying …") is the writer's again.
    """
    first = min(p.i for p in parts)
    doc = cue.doc
    keep = list(parts)
    speech = _cue_class(cue) in SPEECH_CLASSES
    for child in cue.children:
        if child.i <= first or child in parts \
                or (child.dep_ not in OBJECT_TAIL_DEPS and not _infinitive_on_object(child)) \
                or (child.dep_ == "prep" and child.lower_ not in ARGUMENT_PREPS):
            continue
        left = child.left_edge.i
        if left > 0 and doc[left - 1].text in (",", ";", "—", "–", "(") or "\n" in doc[first:left].text:
            break
        if child.lower_ in ADJUNCT_ARGUMENT_PREPS and (speech or any(
                t.text in OPENING_MARKS or t.text == "''" for t in doc[left : child.right_edge.i + 1])):
            break  # see ADJUNCT_ARGUMENT_PREPS
        keep.append(child)
    return keep


def _infinitive_on_object(child: Token) -> bool:
    """Is a dependent of the cue an infinitive clause ("to …") that the parser hung on the
    verb instead of on the object before it? "defended her plan to widen the harbour",
    "proposed $2 million in grants to repair the piers", "praised the efforts of the envoy to end
    the war": the infinitive says what the call, the funds or the efforts are for, so it is
    part of what was praised or proposed (PolNeAR train 0:500: 15 gold spans won, 2 lost;
    a comma before it still ends the object, see _object_phrase)."""
    return child.dep_ == "advcl" and child.left_edge.lower_ == "to" and child.left_edge.dep_ == "aux"


def _after_attributive_quotation(ctx: _Context, subj: Token, cue: Token) -> bool:
    """Does the cue clause open right after a quotation closed by a comma ('“…,” he said')?"""
    lead = min(subj.left_edge.idx, cue.idx)
    q = next(((s, e) for s, e in ctx.quotations if e <= lead and not ctx.text[e:lead].strip()), None)
    return q is not None and ctx.text[q[0]:q[1]].rstrip("”\"»’' ")[-1:] in (",", "?", "!")


def _narration_after_attribution(ctx: _Context, content: tuple[int, int], subj: Token, cue: Token) -> bool:
    """Is the content unquoted text after a cue that closes an attributive quotation
    ('“…?” Berg asked, shaking his head', '“…,” Berg said in a talk aired on Monday')?

    The quotation before is what the cue reports; the parser hangs the writer's narration
    after it (a participle, a misread clause) on the cue, and the two would be sent as one
    utterance. A quotation after a word is a title or a phrase of the sentence ('On “Meet
    the Press,” Novak said …'), one closing the paragraph before attributes nothing, and
    '“…,” he said, adding that …' reports through "adding": those keep the content.
    """
    if content[0] < cue.idx or ctx.text[content[0]:content[0] + 2].lstrip()[:1] in QUOTE_OPENERS:
        return False
    if not _after_attributive_quotation(ctx, subj, cue):
        return False
    first = ctx.doc[min(subj.left_edge.i, cue.i)]
    if any(t.pos_ in ("VERB", "AUX") for t in ctx.doc[first.i : cue.i]):
        return False  # the cue is not the verb the quotation's comma leads to
    qe = first.idx
    while qe > 0 and ctx.text[qe - 1].isspace():
        qe -= 1
    quoted = ctx.quotation_at(max(qe - 1, 0))
    return (quoted is not None and not _after_a_word(ctx, quoted[0]) and _is_clause(ctx, *quoted)
            and "\n" not in ctx.text[qe : first.idx] and not _new_sentence(ctx, first, qe))


def _topic_only(cue: Token, tokens: list[Token]) -> bool:
    """Is the content only what the cue was about ("discussed the economy", "warned of a
    crisis"), a noun phrase rather than a reported clause? Such quotes say what an actor
    spoke of, not what they said, so they get the attitude confidence."""
    if not tokens:
        return False
    ids = {t.i for t in tokens}
    head_of = _head_indices(cue.doc)
    heads = [t for t in tokens if head_of[t.i] not in ids or head_of[t.i] == t.i]
    if cue.lemma_.lower() in OBJECT_CONTENT and any(t.head == cue and t.dep_ == "dobj" for t in heads):
        return False  # "said yes", "announced a plan": the object is what was said
    return all(t.head == cue and t.dep_ in ("dobj", "pobj", "pcomp") or t.head.head == cue
               and t.head.dep_ == "prep" and t.dep_ in ("pobj", "pcomp") for t in heads if not t.is_punct)


def _call_for(cue: Token) -> list[Token]:
    """"called for X (to Y)" / "called on X to Y": a demand; its content is the object of
    the preposition with the infinitive the parser often hangs on the verb instead."""
    prep = next((c for c in cue.children
                 if c.dep_ == "prep" and c.lower_ in ("for", "on") and c.i > cue.i), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is not None and obj.ent_type_ in ("DATE", "TIME"):
        obj = None  # "called the plan reckless on Monday": a day is when, not whom it calls on
    if obj is None:
        return _called_for_clause(cue)
    return [obj] + [c for c in cue.children if c.dep_ in ("xcomp", "advcl", "ccomp") and c.i > obj.i
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]


def _called_for_clause(cue: Token) -> list[Token]:
    """"called for the port to reopen", "is calling for the files to be made public": the
    small model reads "for" as the mark of an adverbial clause with its own subject; that
    clause is the demand (PolNeAR train 0:500 annotates it without the "for")."""
    return [c for c in cue.children if c.dep_ == "advcl" and c.left_edge.i == cue.i + 1
            and c.left_edge.lower_ == "for" and c.left_edge.dep_ == "mark"
            and any(a.dep_ in ("nsubj", "nsubjpass") for a in c.children)
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)][:1]


def _directive(cue: Token, children: list[Token]) -> list[Token]:
    """"told the farmers to stay home", "urged Novak not to run": a directive names who is to
    act and what; both are what was said (PolNeAR train gold holds the object too)."""
    inf = next((c for c in children if c.dep_ in ("xcomp", "ccomp") and c.i > cue.i
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    obj = next((c for c in children if c.dep_ in ("dobj", "dative") and cue.i < c.i), None)
    if inf is None or obj is None or obj.i > inf.i:
        return []
    return [obj, inf]


# Subordinators that open an indirect yes/no question ("asked the crew if they would stay").
QUESTION_MARKS = frozenset({"if", "whether"})


def _question_put(cue: Token, children: list[Token]) -> list[Token]:
    """The question an asking verb puts ("asked the students if they were ready"): the
    small model reads the if-clause as a condition on "asked" and leaves the addressee as
    its only object, but the addressee is who was asked, not what (PolNeAR train 0:500
    annotates the if-clause: 4 gold spans won, none lost)."""
    return [c for c in children if c.dep_ in ("advcl", "ccomp") and c.i > cue.i
            and any(m.dep_ == "mark" and m.lower_ in QUESTION_MARKS and m.i == c.left_edge.i
                    for m in c.children)][:1]


APPENDING_PUNCT = frozenset({",", "—", "–", "-", ";"})


def _without_appended_noun(parts: list[Token]) -> list[Token]:
    """Reported clauses without a noun phrase the parser hung beside them as a second one.

    "said the fare would not rise, a promise she made in May": the small model makes the
    closing noun phrase a second complement of the cue, but it is the writer's comment on
    what was said (an apposition to the whole clause), not part of it.
    """
    clauses = [p for p in parts if p.dep_ == "ccomp" and p.pos_ in ("VERB", "AUX")]
    if not clauses:
        return parts
    end = max(p.right_edge.i for p in clauses)
    doc = parts[0].doc
    return [p for p in parts if not (
        p.dep_ == "ccomp" and p.pos_ == "NOUN" and p.left_edge.i > end and p.left_edge.lower_ in ("a", "an")
        and doc[p.left_edge.i - 1].text in APPENDING_PUNCT)]


# Subordinators of a condition or reason that finishes a reported claim.
CONDITION_MARKS = frozenset("if unless because".split())


def _trailing_condition(cue: Token, cls: str, parts: list[Token]) -> list[Token]:
    """A condition or reason right after a reported clause ("said the line would close
    because the subsidy ran out", "said she would resign if the bill failed").

    The small model often hangs such a clause on the verb of saying, but it belongs to
    what was said (PolNeAR train 0:500: the annotated content runs on through it). Only
    straight after the reported clause, with at most a comma between.
    """
    if cls not in SPEECH_CLASSES:
        return []
    clauses = [p for p in parts if p.dep_ == "ccomp" and p.i > cue.i]
    if not clauses:
        return []
    last = max(p.right_edge.i for p in parts)
    doc = cue.doc
    return [c for c in cue.children if c.dep_ == "advcl" and c.left_edge.i in (last + 1, last + 2)
            and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS and m.i == c.left_edge.i for m in c.children)
            and all(t.text == "," for t in doc[last + 1 : c.left_edge.i])]


FRONTED_DEPS = frozenset({"advcl", "xcomp", "advmod"})


def _fronted_in_clause(cue: Token, cls: str, parts: list[Token]) -> list[Token]:
    """A phrase fronted in the reported clause that the parser hung on the cue ("Berg says,
    win or lose, she is staying", "Berg says no matter what the board does, “the port
    stays”"): it stands between the cue and the clause, set off by a comma before the
    clause's subject, and is part of what was said. A phrase of the telling's setting ("said
    in an interview, …") is a preposition or a time, neither of these relations."""
    if cls not in SPEECH_CLASSES:
        return []
    clause = next((p for p in parts if p.dep_ == "ccomp" and p.i > cue.i), None)
    if clause is None or not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return []
    doc = cue.doc
    start = next(t.i for t in clause.subtree if not t.is_punct or t.text in OPENING_MARKS)
    while start > 0 and doc[start - 1].text in OPENING_MARKS:
        start -= 1
    if start < 1 or doc[start - 1].text != ",":
        return []
    return [c for c in cue.children if c.dep_ in FRONTED_DEPS and cue.i < c.left_edge.i
            and c.right_edge.i <= start - 1 and c.i < start and c.n_lefts + c.n_rights > 0]


def _second_that_clause(cue: Token, parts: list[Token]) -> list[Token]:
    """"X said A, but that B": a second that-clause coordinated with the reported one is
    more of what was said; the small model hangs it on the cue as a conjunct."""
    if not any(p.dep_ == "ccomp" for p in parts):
        return []
    last = max(p.right_edge.i for p in parts)
    return [c for c in cue.children if c.dep_ == "conj" and c.i > last
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]


# Cues that, coordinated after reported content with no subject of their own, are the
# speaker's next act, not part of what was said ("said the fares were too high and
# criticized the port authority"): speech and judging verbs (PolNeAR train: 9 gold spans
# won, 4 lost, against "say"/"argue" verbs alone), and naming ones ("said the plan was sound
# and called the critics short-sighted": the naming is the speaker's, not part of the claim;
# train 0:500: 4 won, 1 lost; see _conjoined_cue).
CONJOINED_CUE_CLASSES = SPEECH_CLASSES | {"evaluate", "call"}


def _conjoined_cue(tok: Token) -> bool:
    """Is a coordinated verb a cue of the speaker's next act? "Call" is one only when it
    names ("called the critics short-sighted") or urges ("called on Berg to …"); "had never
    called a banker for a loan" is a deed that can be part of the claim."""
    cls = _cue_class(tok)
    if cls != "call":
        return cls in CONJOINED_CUE_CLASSES
    deps = {c.dep_ for c in tok.children}
    return ("dobj" in deps and bool(deps & {"oprd", "xcomp"})) or any(
        c.dep_ in ("prep", "prt") and c.lower_ in ("on", "for") and c.i == tok.i + 1 for c in tok.children)


def _own_subtree(head: Token) -> list[Token]:
    """A content clause without a coordinated cue the parser hung inside it.

    In "He said A and said that B" the small model often attaches the second "said" to A's
    verb; that conjunct is a quote of its own, not part of A.
    """
    cut: set[int] = set()
    subtree = list(head.subtree)
    for tok in subtree:
        if tok is not head and _next_utterance(tok):
            # what follows it is that utterance's too ("— asserting that A, and B")
            start = tok.head.i if tok.dep_ == "pcomp" else tok.left_edge.i
            cut.update(t.i for t in subtree if t.i >= start)
            continue
        if tok is head or tok.dep_ != "conj":
            continue  # each cut below is of a conjunct inside the clause
        if _conjoined_cue(tok) and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in tok.children
        ) and not _under_shared_auxiliary(tok):
            cut.update(t.i for t in tok.subtree)
            cut.update(c.i for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i)
        elif _misattached_cue(tok):
            # "urged an end to the aid that funds X and proposed Y": the second cue is the
            # speaker's own (see _subject), not part of the relative clause
            cut.update(t.i for t in tok.subtree)
            cut.update(c.i for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i)
        elif _own_attribution(tok):
            # "…were worried, and more than 4 in 10 said…": a coordinated clause with its own
            # speaker and cue is another attribution, not part of this content
            cut.update(t.i for t in tok.subtree)
            cut.update(c.i for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i)
    return [t for t in subtree if t.i not in cut]


SEQUENCE_PREPS = frozenset({"before", "after"})


def _next_utterance(tok: Token) -> bool:
    """Is a participle inside a reported clause the speaker's next utterance, with a clause of
    its own ("said the deadlock kept us safe before claiming that …", "said A — asserting that
    B")? The parser hangs it on the reported verb; it is another attribution (the speaker is
    found through the clause it hangs in, see _subject), not part of this content."""
    if tok.tag_ != "VBG" or _cue_class(tok) not in SPEECH_CLASSES \
            or not any(c.dep_ == "ccomp" for c in tok.children):
        return False
    if tok.dep_ == "pcomp":
        return tok.head.lower_ in SEQUENCE_PREPS
    return tok.dep_ == "advcl" and _set_off(tok)


def _under_shared_auxiliary(conj: Token) -> bool:
    """Is a coordinated verb a bare form under its first conjunct's modal or "to" ("said he
    would sit the mayor down and tell him …")? It goes on with the reported clause: the
    speaker's own next act would be finite ("… and told him")."""
    return conj.tag_ == "VB" and not any(c.dep_ in ("aux", "neg") for c in conj.children) \
        and any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in conj.head.children)


NARRATED_PRONOUNS = frozenset({"he", "she", "they"})


def _own_attribution(tok: Token) -> bool:
    """A speech cue with its own (non-relative) subject after a comma or conjunction: a
    separate attribution the parser hung under another cue ("A said X, and B said Y"). Any
    cue in the past tense after "he", "she" or "they" is one too ("said X was to blame, and
    he railed against Y"): the writer narrates the speaker's next act."""
    cls = _cue_class(tok)
    if cls is None or tok.i == 0:
        return False
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children):
        return False  # "said that A, but that if B, he should have insisted …": a second reported clause
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ in RELATIVES or subj.i > tok.i:
        return False
    if cls not in ("say", "argue") and not (subj.lower_ in NARRATED_PRONOUNS and tok.tag_ == "VBD"):
        return False
    left = subj.left_edge.i
    before = tok.doc[left - 1] if left > 0 else None
    if before is not None and before.dep_ == "cc" and left > 1:
        before = tok.doc[left - 2]
    if before is not None and before.text in ("”", "\"", "''") and before.i > 0:
        before = tok.doc[before.i - 1]  # '“…,” he said': the comma sits inside the mark
    return before is not None and before.text in (",", ";", "and", "but") and not tok.doc[left - 1].is_space


# Subordinators of a comma-set contrast that closes reported content ("…, while 22 percent
# said …"): the writer's comparison, not the speaker's. A concession ("…, though the
# repairs are unfinished") qualifies the speaker's own claim and stays in it (PolNeAR
# train: 5 gold spans won, none lost).
CONTRAST_MARKS = frozenset("while whereas".split())
# "…, even as X" / "…, even though X": the writer sets a fact against what was said
# (PolNeAR train: 6 gold spans won, 1 lost), unlike a plain "though" (see CONTRAST_MARKS).
EVEN_MARKS = frozenset({"as", "though", "if"})
ASIDE_DEPS = {"relcl"}  # appositions, adverbial and coordinated clauses: cutting them lost more than it won on PolNeAR train
# The relations of every aside _drop_asides cuts: a relative clause, a participle (advcl,
# conj or xcomp), a contrast or a source's as-clause (advcl), an apposition. Other tokens
# are passed over without looking at them further.
ASIDE_CANDIDATE_DEPS = frozenset(ASIDE_DEPS | {"advcl", "conj", "xcomp", "appos"})


def _as_source_aside(tok: Token) -> bool:
    """Is the token a closing as-clause that names another source or echoes a verb ("…, as
    the Courier reported", "…, as mentioned above", "…, as has the mayor")? It is the
    writer's aside about what was said, not part of it."""
    if tok.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" and c.i == tok.left_edge.i
                                      for c in tok.children):
        return False
    elliptic = tok.pos_ == "AUX" and not any(c.dep_ in ("acomp", "attr", "prep", "xcomp", "ccomp")
                                             for c in tok.children)
    return _cue_class(tok) in SPEECH_CLASSES or elliptic


def _writers_participle(tok: Token, cue: Token | None) -> bool:
    """Is a comma-set participle closing the content the writer's ("…, saying …")?

    After the cue, only a participle of saying or judging is ("said the tolls rose,
    adding that …"); another one goes on with what was said ("said the tolls rose in
    March, bringing the total to nine crowns"; PolNeAR train: 13 gold spans won, 9 lost).
    Before the cue, any one is: it describes the speaker ("“…,” Berg, wearing a cap, said").
    """
    if not (tok.dep_ in ("advcl", "conj", "xcomp") and tok.tag_ == "VBG" and tok.left_edge.i == tok.i):
        return False
    return cue is None or tok.i < cue.i or _cue_class(tok) is not None


def _drop_asides(ctx: _Context, tokens: list[Token], cue: Token | None = None) -> list[Token]:
    """Content without a comma-set relative clause that closes it.

    "…the mayor's budget, which an audit described…": a non-restrictive clause after
    a comma at the end of reported content is the writer's, not the speaker's (PolNeAR train:
    gold spans stop before it). So is an indefinite apposition there ("…would be lifted,
    a move welcomed by …", "…backed Varga, a harbour master from …"): the writer describes
    what was said or someone named in it, and a participle of saying (see
    _writers_participle). So is a closing "…, according to X": X is the writer's source
    for the whole report. Quoted text is never cut.
    """
    if len(tokens) < 6:
        return tokens
    keep = {t.i for t in tokens}
    end, first = max(keep), min(keep)
    candidates = [t for t in tokens if t.dep_ in ASIDE_CANDIDATE_DEPS or t.lower_ == "according"]
    for tok in sorted(candidates, key=lambda t: t.left_edge.i):
        if tok.right_edge.i != end or tok.left_edge.i <= first:
            continue  # only a phrase that closes the content, after its start, is an aside
        participle = _writers_participle(tok, cue)
        contrast = tok.dep_ == "advcl" and any(
            c.dep_ == "mark" and (c.lower_ in CONTRAST_MARKS and c.i == tok.left_edge.i
                                  or c.lower_ in EVEN_MARKS and c.i == tok.left_edge.i + 1
                                  and ctx.doc[c.i - 1].lower_ == "even")
            for c in tok.children)
        described = tok.dep_ == "appos" and (tok.left_edge.lower_ in ("a", "an") or _names_described(tok))
        sourced = _as_source_aside(tok) or tok.lower_ == "according"  # "…, according to X": another source
        if tok.dep_ not in ASIDE_DEPS and not participle and not contrast and not described and not sourced:
            continue
        b = tok.left_edge.i - 1
        if ctx.doc[b].dep_ == "cc" and b >= 1:
            b -= 1
        if ctx.doc[b].text in ("”", "\"", "’", "''") and b >= 1:
            b -= 1  # '…“expanded the party,” claiming …': the comma sits inside the mark
        before = ctx.doc[b]
        if before.text not in (",", ";", "—", "–"):
            continue
        if tok.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            continue
        if ctx.quotation_at(tok.left_edge.idx) is not None:
            continue
        cut = {t.i for t in tok.subtree}
        kept = [t for t in tokens if t.i not in cut and t.i < tok.left_edge.i]
        if len(kept) >= 3 or described and _named(kept):
            return kept
    return tokens


# Words that open a writer's comparison closing reported content ("reported a profit of $2
# a share, well above the $1.50 analysts expected", "…, compared with 38 percent for
# Berg", "…, up from 60 percent"), with the degree words that may lead them.
COMPARING_HEADS = frozenset({"above", "below", "compared"})
COMPARING_FROM = frozenset({"up", "down"})
DEGREE_WORDS = frozenset("well far slightly just roughly about sharply significantly much".split())


def _without_closing_comparison(ctx: _Context, tokens: list[Token]) -> list[Token]:
    """Content without a comma-set comparison that closes it: the writer sets the figure
    reported against another (analysts' forecasts, last month's poll), which the source did
    not say. Quoted text is never cut."""
    if len(tokens) < 6:
        return tokens
    doc = ctx.doc
    end = tokens[-1].i
    for comma in reversed(tokens[2:-1]):
        if comma.text != ",":
            continue
        i = comma.i + 1
        if i <= end and doc[i].lower_ in DEGREE_WORDS:
            i += 1
        if i > end or ctx.quotation_at(doc[i].idx) is not None:
            continue
        word = doc[i].lower_
        if word in COMPARING_HEADS or word in COMPARING_FROM and i + 1 <= end and doc[i + 1].lower_ == "from":
            kept = [t for t in tokens if t.i < comma.i]
            return kept if len(kept) >= 3 else tokens
    return tokens


def _names_described(appos: Token) -> bool:
    """Is the apposition a definite description of a name ("Novak, the former harbour
    master of Vellmar", "Berg, his chief of staff", "Kaller, the mayor's closest rival")?
    Like an indefinite one, it is the writer's word on who is meant."""
    definite = appos.left_edge.lower_ == "the" or any(c.dep_ == "poss" for c in appos.children)
    if not definite or appos.head.pos_ != "PROPN" or appos.pos_ != "NOUN":
        return False
    # "on college, Wall Street, the 1%, civil rights": a list, not a description
    return not any(c.dep_ == "conj" for c in appos.children) and not any(c.dep_ == "conj" for c in appos.head.children)


def _named(tokens: list[Token]) -> bool:
    """Do the tokens name someone or something ("Novak", "the Harbour Trust")? A name
    stands as content on its own when an apposition describing it is cut away."""
    return any(t.pos_ == "PROPN" for t in tokens)


def _quoting_participle_cut(ctx: _Context, cue: Token, tokens: list[Token]) -> list[Token]:
    """Content without a comma-set speech participle that introduces a quotation of its own.

    "X said the bridge will open in May, explaining, “…”": the participle's quotation is
    a second attribution, so the content stops before it. "X weighed in, telling a paper,
    “…,” he said": the cue after the content attributes the quotation it closes; the
    narration before it is the writer's. The small model hangs both inside the content.
    """
    if len(tokens) < 4:
        return tokens
    idx = [t.idx for t in tokens]
    if not ctx.quotations_within(min(idx), max(idx) + 1):
        return tokens  # most content holds no quotation: nothing to cut
    doc = ctx.doc
    ordered = sorted(tokens, key=lambda t: t.i)
    first, last = ordered[0].i, ordered[-1].i
    for p in ordered[1:]:
        if p.tag_ != "VBG":
            continue  # only a participle opens a quotation of its own
        before = doc[p.i - 2] if p.i >= 2 and doc[p.i - 1].text in CLOSING_MARKS else doc[p.i - 1]
        if _cue_class(p) not in SPEECH_CLASSES or before.text not in (",", "—", "–"):
            continue  # '…titled “The Harbour,” explaining, “…”': the comma may sit inside the mark
        opener = next((t for t in doc[p.i + 1 : min(p.i + LEAD_CUE_TOKENS, last) + 1]
                       if t.text in OPENING_MARKS and doc[t.i - 1].text in (",", ":")), None)
        if opener is None or ctx.in_quotation(p) or ctx.quotation_at(opener.idx) is None:
            continue
        if cue.i > last:
            return [t for t in ordered if t.i >= opener.i]
        kept = [t for t in ordered if t.i < p.i - 1]
        return kept if len(kept) >= 3 and first < p.i - 1 else tokens
    return tokens


def _that_clause(cue: Token) -> list[Token]:
    """Content from "that" on when the parser hung the clause elsewhere.

    The small model often attaches "told reporters that …" as a relative clause of
    "reporters"; a "that" within a few tokens after the cue, before any other verb, still
    opens the reported clause, unless it is the relative clause's own object ("testified at
    a hearing that the council had called": a relative pronoun, no complementizer).
    """
    doc = cue.doc
    end = cue.right_edge.i
    for tok in doc[cue.i + 1 : min(end, cue.i + 8) + 1]:
        if tok.pos_ in ("VERB", "AUX") or tok.text in (".", ";"):
            break
        if tok.lower_ == "that" and tok.i < end and not (tok.dep_ in ("dobj", "pobj") and tok.head.dep_ == "relcl"):
            return list(doc[tok.i : end + 1])
    return _that_past_setting(cue)


# How far past a cue a complementizer hung on a noun of the cue's own phrases may stand
# ("told diners at a crowded Concord, New Hampshire, lunch counter that …").
MISATTACHED_THAT_TOKENS = 16


def _that_past_setting(cue: Token) -> list[Token]:
    """The reported clause of a speech cue the parser hung as a relative clause on a noun of
    the cue's setting ("Berg said after a hearing in 2009 that he had …", "is telling voters
    at a diner that …"): a relative clause has no complementizer, so a "that" marking one is
    the cue's own clause misplaced. Only a noun inside the cue's own phrases qualifies, and
    no finite verb may stand between the cue and that noun."""
    doc = cue.doc
    end = cue.right_edge.i
    for tok in doc[cue.i + 1 : min(end, cue.i + MISATTACHED_THAT_TOKENS) + 1]:
        if tok.text in (".", ";") or tok.tag_ in FINITE_TAGS | {"MD"} or tok.text in OPENING_MARKS:
            return []
        clause = tok.head
        if tok.lower_ == "that" and tok.dep_ == "mark" and clause.dep_ in ("relcl", "acl") \
                and clause.i > tok.i and clause.head.i < tok.i and clause.head.pos_ in ("NOUN", "PROPN"):
            return list(doc[tok.i : clause.right_edge.i + 1])
    return []


def _cue_clause_start(cue: Token) -> int:
    """First token of a cue clause set inside its content: its subject's left edge.

    "But to reach its target, the panel concluded, the levy must rise": the small model
    hangs the fronted phrase on the cue, though it belongs to the reported clause.
    """
    # the nearest subject: "Voters, Novak said, do not …" hangs "Voters" on the cue as well
    subj = max((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i),
               key=lambda c: c.i, default=None)
    if subj is None:
        return min(t.i for t in cue.subtree)
    return min(subj.left_edge.i, cue.i)


def _interrupts(cue: Token) -> bool:
    """Is the cue a comma-set clause after its content ("…, X said"), not an embedded verb?

    Also "Over the year, Novak says, too many farms…": a cue set off by commas
    inside its content.
    """
    if cue.dep_ not in ("parataxis", "ccomp"):
        return False
    if cue.head.i > cue.i:
        doc = cue.doc
        left = _cue_clause_start(cue)
        words = [t.i for t in cue.subtree if not t.is_punct and t.i >= left]
        right = max(words)
        return (left > 0 and right + 1 < len(doc) and doc[left - 1].text == ","
                and doc[right + 1].text == "," and cue.i - left <= 6
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children))
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return False  # "…, adding to his victories": a participle, not "…, X said"
    doc = cue.doc
    left = min(t.i for t in cue.subtree if not t.is_punct or t.i == cue.i)
    return left > 0 and doc[left - 1].text in (",", "”", "\"", "—", "–", "''") and cue.i - left <= 6


def _clause_of_the_copula(cue: Token) -> list[Token]:
    """"The board is right to stress, though, that …", "aides were quick to remind us that
    …": the parser hangs the reported clause on the copula, above the adjective the cue
    completes; a that-clause after the cue is still the cue's."""
    if cue.dep_ != "xcomp" or cue.head.dep_ != "acomp" or cue.head.pos_ != "ADJ":
        return []
    copula = cue.head.head
    clause = next((c for c in copula.children if c.dep_ == "ccomp" and c.i > cue.i
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None:
        return []
    return list(clause.subtree)  # (a comma opening it is trimmed with the content's edges)


COMMENT_CLAUSE_TOKENS = 10  # cue and subject ("a spokeswoman, Ana Ruiz, said"): a bound, not a tuned value


def _comment_clause_hung_below(cue: Token) -> bool:
    """Is a cue after a comma, with its subject and nothing said of its own, a comment clause
    on the clause before it ("Costs will rise, the agency reported", "Voters should decide,
    he told reporters") that the parser hung as that clause's adverbial or conjunct? A cue
    with a clause, a mark ("as", "when") or a conjunction before its subject is no comment
    clause: it reports or narrates on its own."""
    if cue.dep_ not in ("advcl", "conj") or cue.head.i > cue.i or cue.head.pos_ not in ("VERB", "AUX") \
            or not (_finite(cue) or cue.tag_ == "VBN"):  # a VBN with a subject: a past tense mistagged
        return False
    children = list(cue.children)
    if any(c.dep_ in ("ccomp", "xcomp", "mark", "cc", "csubj") or c.dep_ == "dobj" and _lemma(cue) not in ADDRESSEE_CUES
           for c in children):
        return False
    subj = next((c for c in children if c.dep_ == "nsubj" and c.i < cue.i), None)
    if subj is None or _expletive(subj) or subj.lower_ in RELATIVES:
        return False
    left = subj.left_edge.i
    doc = cue.doc
    if left < 2 or cue.i - left > COMMENT_CLAUSE_TOKENS or doc[left - 1].text != ",":
        return False
    return any(not t.is_punct for t in doc[cue.head.left_edge.i : left - 1])


# Prepositions that finish a clause's argument or example ("…, X said, by the spring
# timetable", "…, including …"), unlike those of the telling's time, place or manner ("…, X
# said, in an interview", "…, with …").
RESUMED_PREPS = frozenset("by including to for of about against from into than like".split())


def _resumes(child: Token) -> bool:
    """Can a dependent set after a comma-set cue finish the reported clause? An argument's
    preposition, a complement, a reason ("because …") or a participle; not when or where."""
    if child.dep_ == "prep":
        return child.lower_ in RESUMED_PREPS
    if child.dep_ in ("xcomp", "ccomp"):
        return True
    if child.dep_ == "advcl":
        marks = [c.lower_ for c in child.children if c.dep_ == "mark"]
        return marks == ["because"] or (not marks and child.tag_ == "VBG")
    return False


SENTENCE_ENDS = frozenset("? ! .".split())
CLOSING_MARKS = frozenset({"”", "\"", "’", "''"})


def _closed_before(cue: Token) -> bool:
    """Does a finished sentence stand right before the cue clause ('“Who pays?” said Berg')?

    A question or exclamation closed inside its quotation marks is complete: what follows
    the cue ("…, using a word …") is the writer's narration, not the rest of the quote.
    """
    doc = cue.doc
    subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i), None)
    i = (subj.left_edge.i if subj is not None else cue.i) - 1
    while i >= 0 and (doc[i].text in CLOSING_MARKS or doc[i].is_space):
        i -= 1
    return i >= 0 and doc[i].text in SENTENCE_ENDS


def _resumed_content(cue: Token) -> set[int]:
    """Tokens after a comma-set cue that carry its content on ("The plan would be helped,
    Berg said, by the new timetable", "…, the paper said, including three days in May").

    The small model hangs what follows the second comma on the cue; it finishes the reported
    clause (PolNeAR annotates it as the content's second fragment). A participle of saying
    ("…, Berg said, adding …") or a quotation is an utterance of its own.
    """
    doc = cue.doc
    if _closed_before(cue):
        return set()
    resumed: set[int] = set()
    for child in cue.children:
        left = child.left_edge.i
        if child.i < cue.i or left < 1 or doc[left - 1].text != "," or not _resumes(child):
            continue
        subtree = list(child.subtree)
        if _cue_class(child) is not None or any(t.text in OPENING_MARKS or t.text == "''" for t in subtree):
            continue
        resumed.update(t.i for t in subtree)
    return resumed


def _trim(doc: Doc, tokens: list[Token]) -> tuple[int, int] | None:
    """Character range of content tokens without edge punctuation or spaces.

    A leading complementizer ("that", "whether", "if") stays: it opens the reported clause,
    and PolNeAR's spans hold it (train 0:500: 1,454 spans start with "that", 19 follow it).
    """
    if not tokens:
        return None
    ids = {t.i for t in tokens}
    lo, hi = min(ids), max(ids)
    first = doc[lo]  # each edge token is built once per step, not once per test
    while lo <= hi and (first.is_punct and first.text not in "“\"«‘" or first.is_space):
        lo += 1
        while lo <= hi and lo not in ids:
            lo += 1  # "(As the Ledger reported, X …)": past the bracket, the words left out stay out
        first = doc[lo] if lo <= hi else first
    last = doc[hi]
    while hi >= lo and (last.is_punct and last.text not in "”\"»’" or last.is_space or last.dep_ == "cc"):
        hi -= 1
        while hi >= lo and hi not in ids:
            hi -= 1
        last = doc[hi] if hi >= lo else last
    if hi < lo:
        return None
    return first.idx, last.idx + len(last.text)


# --- passes ---------------------------------------------------------------------------------


def _past_dash(subj: Token) -> Token:
    """"Varga ― who chairs the panel ― said …": the small model, reading the horizontal bar
    as a word, may make the bar the subject with the name hanging on it; the speaker is
    then that name (the nearest noun before the bar)."""
    if not subj.is_punct or subj.text not in CREDIT_DASHES:
        return subj
    return next((c for c in reversed(list(subj.lefts)) if c.pos_ in ("PROPN", "NOUN", "PRON")), subj)


def _speaker_fields(ctx: _Context, subj: Token | None) -> tuple:
    """(mention, range, text, key) of a speaker token."""
    if subj is None:
        return None, None, None, None
    subj = _past_dash(subj)
    if subj.lower_ in RELATIVES and subj.head.dep_ == "relcl":
        publisher = _publisher(subj.head.head)
        if publisher is not None:
            return _speaker_fields(ctx, publisher)
        member = _one_among(subj.head.head)
        if member is not None:
            return _speaker_fields(ctx, member)
        # "Jan Novak, who announced …": the span is "who", the identity its antecedent's
        _, _, _, key = _speaker_fields(ctx, subj.head.head)
        return None, (subj.idx, subj.idx + len(subj.text)), subj.text, key
    if subj.lower_ == "self" and subj.head.i > subj.i and _self_description(subj.head):
        # "Velm, a self-described libertarian": the span is "self", the identity that of the
        # one the noun describes, as a relative pronoun's is its antecedent's
        noun = subj.head.head
        _, _, _, key = _speaker_fields(ctx, noun.head if noun.dep_ == "appos" else noun)
        return None, (subj.idx, subj.idx + len(subj.text)), subj.text, key
    named = _appositive_person(ctx, subj) or _titled_person(ctx, subj)
    if named is not None:
        ms, me = ctx.body_range(named)
        return named, (ms, me), named.text, named.key
    lo, hi = _speaker_phrase(subj)
    para = ctx.paragraph(subj.idx)
    while lo < subj.i and ctx.paragraph(ctx.doc[lo].idx) != para:
        lo += 1
    while hi - 1 > subj.i and ctx.paragraph(ctx.doc[hi - 1].idx) != para:
        hi -= 1
    start, end = ctx.doc[lo].idx, ctx.doc[hi - 1].idx + len(ctx.doc[hi - 1].text)
    mention = ctx.mention_for(subj.idx, subj.idx + len(subj.text), subj.idx)
    if mention is None:
        # A name among the head's own modifiers speaks for the phrase ("the Norland
        # government"); one after the head only places it ("farmers in Norland"), so the
        # phrase itself is the speaker, unless the head is a role held for that name.
        modifier = None if subj.lemma_.lower() in PEOPLE_OF_A_PLACE else ctx.mention_for(start, subj.idx + len(subj.text))
        if modifier is not None and modifier.kind != "person":
            # the state or body the phrase is ("the Danish government", "Estovia's foreign
            # ministry"): the words that spoke are the phrase, the identity is the name's
            return modifier, (start, end), ctx.text[start:end], modifier.key
        if modifier is not None and modifier.kind == "person" and _relation_noun(subj, modifier, ctx):
            modifier = None  # "her husband", "Novak's lawyer": someone else than the one named
        mention = modifier or _represented(ctx, subj)
    if mention is not None:
        ms, me = ctx.body_range(mention)
        return mention, (ms, me), mention.text, mention.key
    if "\n" in ctx.text[start:end] or not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in ctx.doc[lo:hi]):
        near = _mention_left_of(ctx, subj.head)  # a misparsed subject ("9:15 a.m. … Novak has told")
        if near is not None:
            ms, me = ctx.body_range(near)
            return near, (ms, me), near.text, near.key
    text = ctx.text[start:end]
    return None, (start, end), text, text


# Prepositions after a role noun that name whom the role speaks for ("a spokesman for the
# ministry", "an official at the embassy", "the head of the union").
REPRESENTED_PREPS = frozenset("for of at with".split())


def _one_among(antecedent: Token) -> Token | None:
    """"Lena Ostrova, a Crane supporter, is among those who say …": the one said to be
    among the speakers speaks (PolNeAR marks her, not "those")."""
    prep = antecedent.head
    if antecedent.dep_ != "pobj" or prep.lower_ != "among" or prep.head.lemma_ != "be":
        return None
    return next((c for c in prep.head.children if c.dep_ == "nsubj" and c.lower_ not in EXPLETIVES), None)


# Nouns of one's kin or household: "her husband" is not she.
KIN_NOUNS = frozenset("husband wife son daughter brother sister father mother parent child cousin uncle aunt"
                      " nephew niece grandson granddaughter grandfather grandmother fiancé fiancée fiance fiancee"
                      " partner friend neighbor neighbour widow widower".split())


def _relation_noun(subj: Token, owner: Mention, ctx: _Context) -> bool:
    """Is the subject a person related to the one its possessive names ("her husband",
    "Novak's son"), so another person, not the one named?"""
    if subj.lemma_.lower() not in KIN_NOUNS:
        return False
    ms, me = ctx.body_range(owner)
    return any(c.dep_ == "poss" and ms <= c.idx < me for c in subj.children)


def _represented(ctx: _Context, subj: Token) -> Mention | None:
    """The body a role subject speaks for: "a spokeswoman for the Norland Foreign Ministry
    said" is the ministry's word, while "farmers in Norland" are not Norland."""
    if not is_role_noun(subj):
        return None
    for prep in subj.children:
        if prep.dep_ != "prep" or prep.lower_ not in REPRESENTED_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            lo, hi = obj.left_edge.idx, obj.idx + len(obj.text)
            m = ctx.mention_for(lo, hi, obj.idx)
            if m is not None and m.kind in ("organisation", "country"):
                return m
    return None


# What an actor puts out that then "says" or "accuses" in a relative clause.
# Findings an actor releases ("released data that suggest …"): published only when the verb
# puts them out; one who cites or reads them is not their author.
FINDING_NOUNS = frozenset("data study survey poll findings analysis figures numbers results".split())
PUBLISHED_NOUNS = frozenset("video ad advertisement piece column op-ed editorial book memo letter"
                            " statement release report tweet post email spot clip".split()) | FINDING_NOUNS


# Verbs of putting a document out: its issuer speaks through it. Not verbs of reading or
# quoting one ("cited a report saying …", "discredited a memo saying …"): the report's
# author speaks there, whom the sentence may not name.
ISSUING_VERBS = frozenset("issue release publish post put send run air circulate distribute file submit"
                          " write pen tweet email unveil".split())


def _issuer(noun: Token) -> Token | None:
    """Who put out the document a noun names ("the ministry issued a statement", "his office
    sent out a release"): the subject of an issuing verb whose object it is, else None.
    Whoever issues a statement can speak, so the subject's kind is not asked (a port
    authority or a campaign is no person and no named organisation). A relative subject
    ("Berg, who issued a statement saying …") is keyed to its antecedent by
    ``_speaker_fields``."""
    return _document_subject(noun) if noun.head.lemma_.lower() in ISSUING_VERBS else None


def _document_subject(noun: Token) -> Token | None:
    """The subject of the verb whose object is a document ("Novak released a video"), or None."""
    if noun.dep_ != "dobj" or noun.lemma_.lower() not in PUBLISHED_NOUNS and noun.lower_ not in PUBLISHED_NOUNS:
        return None  # (the lemma of "data" is "datum")
    subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    return None if subj is None or _expletive(subj) else subj


def _publisher(noun: Token) -> Token | None:
    """"Novak released a video that accuses Berg of …": what a document someone put out
    says is the publisher's word (the one who released, ran or sent it), not the
    document's. The publisher is the subject of the verb whose object the document is."""
    subj = _document_subject(noun)
    if subj is None or subj.lower_ in RELATIVES or not _animate_subject(noun.head) \
            or FINDING_NOUNS & {noun.lemma_.lower(), noun.lower_} and noun.head.lemma_.lower() not in ISSUING_VERBS:
        return None  # "cited a study that found …": the analysis's author, not the citer
    return subj


# Pronoun-like heads of a partitive or a quantity ("one of the farmers", "another", "some of
# them") that an apposition can name.
PARTITIVE_HEADS = frozenset("one another some several many".split())


def _appositive_person(ctx: _Context, subj: Token) -> Mention | None:
    """The person a role subject is set beside: "Ostrand's government spokesman, Jonas
    Brekke, said" speaks through Brekke, not through Ostrand."""
    if subj.pos_ not in ("NOUN", "PROPN") and not (subj.pos_ in ("NUM", "PRON") and subj.lower_ in PARTITIVE_HEADS):
        return None  # "One of the farmers, Jan Novak, 70, said": the partitive's name speaks too
    own = ctx.mention_for(subj.idx, subj.idx + len(subj.text), subj.idx)
    if own is not None and own.kind == "person" and ctx.body_range(own)[0] <= subj.idx \
            and own.text.split()[0].lower() not in ARTICLES:
        return None  # the subject is itself a person's name (a description yields to the name beside it)
    for child in (*subj.children, *_of_chain_appositions(subj), *_appositions_on_a_named_object(ctx, subj)):
        if child.dep_ != "appos":
            continue
        m = ctx.mention_for(child.idx, child.idx + len(child.text), child.idx)
        if m is not None and m.kind == "person" and m.key and m.key[:1].isupper():
            return m
    return None


def _of_chain_appositions(subj: Token) -> list[Token]:
    """Appositions the parser hung on the last noun of a role's "of" chain: in "Minister of
    Water of Ostrand, Jan Novak, said" the name stands beside the minister, not beside
    Ostrand. Only a role noun's chain, and only its last noun."""
    if not is_role_noun(subj):
        return []
    node, found = subj, []
    for _ in range(4):  # "Minister of Water of Ostrand": at most a few links down
        prep = next((c for c in node.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if obj is None:
            break
        node = obj
    if node is not subj:
        found = [c for c in node.children if c.dep_ == "appos" and c.i > node.i]
    return found


def _appositions_on_a_named_object(ctx: _Context, subj: Token) -> list[Token]:
    """"One pastor backing Mr. Dalton, Peter Vance of Grace Church, said": the parser hangs
    the name on the last name of the subject's participle phrase; a person's name set beside
    another person's name is not that person, so it names the subject. Only a description
    (not a name) as subject, and only an apposition that closes right before the verb."""
    if subj.pos_ != "NOUN" or subj.head.pos_ not in ("VERB", "AUX"):
        return []
    verb = subj.head
    found = []
    for desc in subj.subtree:
        if desc is subj or desc.pos_ != "PROPN" or desc.dep_ == "compound" or desc.i > verb.i:
            continue
        own = ctx.mention_for(desc.idx, desc.idx + len(desc.text), desc.idx)
        if own is None or own.kind != "person":
            continue
        for child in desc.children:
            end = child.right_edge.i + 1
            if child.dep_ == "appos" and child.pos_ == "PROPN" and end < verb.i \
                    and subj.doc[end].text == "," and all(t.dep_ in ("aux", "advmod", "neg") or t.i == end
                                                          for t in subj.doc[end:verb.i]):
                found.append(child)
    return found


def _titled_person(ctx: _Context, subj: Token) -> Mention | None:
    """The person a bare singular role noun is coordinated with as a second title:
    "presidential hopeful and former surgeon Ivo Kaller said" is one person, Kaller; the
    small model makes the first title the head and the name its conjunct. With a
    determiner ("the mayor and Ivo Kaller") or in the plural they are two parties."""
    if subj.tag_ != "NN" or any(c.dep_ in ("det", "poss") for c in subj.children):
        return None
    lo, hi = _phrase(subj)
    if any(t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "") for t in subj.doc[lo:hi]):
        return None  # "Gov. Jan Novak and Senator Ilse Berg": the first title has its own name
    for child in subj.children:
        if child.dep_ != "conj" or child.pos_ != "PROPN":
            continue
        m = ctx.mention_for(child.idx, child.idx + len(child.text), child.idx)
        if m is not None and m.kind == "person":
            return m
    return None


# Verbs of taking one's turn in a conversation, with the particle or preposition that makes
# them so ("cut in", "turned to me"): the quotation right after such a sentence is the turn.
TURN_VERBS = {"interrupt": None, "cut": "in", "chime": "in", "break": "in", "turn": "to"}


def _turn_taken(ctx: _Context, qs: int, qe: int) -> _Found | None:
    """'At that point the judge turned to her. “State your name and your business.”' /
    '…, and her brother cut in. “Don't forget …”': a sentence that only tells that someone
    takes a turn, right before a quotation that opens its own sentence in the same
    paragraph, introduces that person's words."""
    if _words(ctx.text[qs:qe]) < MIN_CLAUSE_WORDS:
        return None
    first = ctx.doc.char_span(qs, qe, alignment_mode="contract")
    if first is None or len(first) == 0 or first[0].i == 0:
        return None
    end = first[0].i - 1
    while end > 0 and ctx.doc[end].is_space:
        end -= 1
    if ctx.doc[end].text != "." or ctx.paragraph(ctx.doc[end].idx) != ctx.paragraph(qs):
        return None
    sent = ctx.sents[ctx.sent_of[end]]
    verbs = [t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in TURN_VERBS and not ctx.in_quotation(t)]
    if not verbs:
        return None
    verb = verbs[-1]
    word = TURN_VERBS[verb.lemma_.lower()]
    if word is not None and not any(c.lower_ == word and c.dep_ in ("prt", "prep", "advmod") for c in verb.children):
        return None
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children) or verb.right_edge.i < end - 1:
        return None  # the verb's phrase must close the sentence: "turned to me."
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    # one who can speak: a person, or someone's relative ("her brother"), not "the rain"
    if subj is None or _expletive(subj) or _mute(subj) and not any(c.dep_ == "poss" for c in subj.children):
        return None
    if any(c.dep_ == "dobj" and c.pos_ != "PRON" for c in verb.children):
        return None  # "interrupted the game": only a person is interrupted ("interrupted me")
    mention, srange, stext, skey = _speaker_fields(ctx, subj)
    return _Found(qs, qe, "direct", mention, srange, stext, skey, _cue_range(verb), verb.text, 0.8)


def _name_before(ctx: _Context, verb: Token) -> Token | None:
    """A speaker the parser did not make the subject: the name right before the cue.

    "…, her adviser, Jan Novak, said: “…”": the small model hangs the name on an earlier
    noun as an apposition, leaving "said" without a subject.
    """
    if not _finite(verb):
        return None  # participles ("…, Novak, saying …") have their subject elsewhere
    named = _interjected_name(ctx, verb)
    if named is not None:
        return named
    i = verb.i - 1
    while i >= 0 and (ctx.doc[i].dep_ in ("aux", "auxpass", "advmod", "neg") or ctx.doc[i].text == ","):
        i -= 1
    if i >= 0 and ctx.doc[i].text == ")":
        # "Rep. Paul Ryan (R-WI) said" / "Novak (a Democrat so young he …) says": skip the
        # party tag or parenthetical aside
        opening = next((j for j in range(i - 1, max(i - ASIDE_TOKENS, -1), -1) if ctx.doc[j].text == "("), None)
        i = opening - 1 if opening is not None else i
    if i < 0 or ctx.sent_of[i] != ctx.sent_of[verb.i]:
        return None
    tok = ctx.doc[i]
    for _ in range(8):  # a bound on parse depth, not a tuned value
        m = ctx.mention_for(tok.idx, tok.idx + len(tok.text), tok.idx)
        if m is not None and m.kind in ("person", "organisation"):
            return tok
        # "…, Col. Jan Novak, a spokesman in Oslo, said": climb from the last word of an
        # apposition to the name it describes (the phrase that ends right before the cue)
        head = tok.head
        if head == tok or head.right_edge.i != i or head.i >= verb.i or ctx.sent_of[head.i] != ctx.sent_of[verb.i]:
            return None
        tok = head
    return None


def _series_subject(ctx: _Context, verb: Token) -> Token | None:
    """The subject of a series of verbs the parser broke at the cue ("Berg toured the plant,
    praised its staff, noted that …", "She faulted the plan said it …"): with no subject of
    its own, the cue became the root and the verbs before it a clause it reports. A finite
    cue whose reported clause follows it, right after such a clause with a subject, is the
    next verb of that subject (a clause that is a quotation, or a cue with no clause after
    it, is "“A,” said …" or a comment cue: left alone; after a comma only "that" rules out
    an inverted speaker: "A is near, said a former aide, …")."""
    if verb.tag_ not in FINITE_TAGS or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    left = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    right = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    if len(left) != 1 or not right:
        return None
    clause = left[0]
    gap = verb.doc[clause.right_edge.i + 1 : verb.i]
    if any(not t.is_punct or t.text in CLOSING_MARKS or t.text in OPENING_MARKS for t in gap):
        return None
    if any(ctx.in_quotation(t) for t in (clause, verb.doc[clause.right_edge.i])):
        return None
    if verb.doc[verb.i - 1].is_punct and verb.doc[verb.i + 1].lower_ != "that":
        return None  # "A had a voice in it, said a former aide, …": the speaker comes after
    subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subj is None or _expletive(subj) or not _animate_subject(clause):
        return None
    return subj


def _noun_right_before(ctx: _Context, verb: Token) -> Token | None:
    """The noun right before a verb (its auxiliaries and adverbs skipped) in the verb's own
    paragraph: a subject never lies across a paragraph break, so when the parser takes a
    time stamp or a heading above for the subject, the noun phrase that opens the line is."""
    i = verb.i - 1
    while i >= 0 and ctx.doc[i].dep_ in ("aux", "auxpass", "advmod", "neg"):
        i -= 1
    if i < 0 or ctx.paragraph(ctx.doc[i].idx) != ctx.paragraph(verb.idx):
        return None
    tok = ctx.doc[i]
    return tok if tok.pos_ in ("NOUN", "PROPN", "PRON") else None


def _finite(verb: Token) -> bool:
    """A verb with a tense of its own: "said", "says", or with its auxiliary ("had said",
    "will say"); an infinitive's "to" is no tense ("the will to continue talks")."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") or (
        verb.tag_ in ("VBN", "VB") and any(c.dep_ == "aux" and c.i < verb.i and c.lower_ != "to" for c in verb.children))


# Words after which a clause (and so its subject) may begin.
CLAUSE_OPENERS = frozenset(", ; : — – ( and but or so after when because while before since as then".split())
# A quotation closed by a comma ('“…,” Novak, 58, said'): a clause may begin after it.
CLOSED_BY_COMMA = (",”", ",\"", ",''", ",’")
# Longest comma-set aside between a name and its verb, in tokens (a bound, not a tuned value).
ASIDE_TOKENS = 30


def _interjected_name(ctx: _Context, verb: Token) -> Token | None:
    """"Novak, asked about the ban on Monday, had said …" / "Novak, in the wake of a poll
    showing X, told …": a name that opens the clause, then a comma-set aside, then the verb.
    The small model hangs the name on something inside the aside; the name is the subject
    (not a name within the aside, the nearest one to the verb)."""
    doc = ctx.doc
    j = verb.i - 1
    while j >= 0 and doc[j].dep_ in ("aux", "auxpass", "advmod", "neg") and doc[j].head == verb:
        j -= 1
    if j < 1 or doc[j].text != ",":
        return None
    start = ctx.sents[ctx.sent_of[verb.i]].start
    for k in range(j - 2, max(start, j - ASIDE_TOKENS) - 1, -1):
        tok = doc[k]
        if "\n" in tok.text:
            return None
        if tok.text in ("“", "”", "\"", "''"):
            q = ctx.quotation_at(tok.idx)
            if q is None or _words(ctx.text[q[0]:q[1]]) >= MIN_CLAUSE_WORDS:
                return None
            continue  # '…, wearing “Vote Novak” pins, said': a quoted name inside the aside
        if tok.text != ",":
            continue
        last = doc[k - 1]
        m = ctx.mention_for(last.idx, last.idx + len(last.text), last.idx)
        if m is None or m.kind not in ("person", "organisation"):
            continue
        first = min(ctx.body_range(m)[0], doc[_noun_phrase_start(last)].idx)
        if _inside_relative(doc, start, last):
            continue  # "Novak, whose start-up, Velmsoft, sells …, said": the relative's noun
        before = ctx.text[:first].rstrip(" \t")
        if not before or before.endswith("\n") or before.split()[-1].lower() in CLAUSE_OPENERS \
                or before[-1] in ",;:—–(" or before.endswith(CLOSED_BY_COMMA) \
                or before.rstrip("”\"’'").endswith((".", "!", "?")):  # the sentence's first words
            return last
    return None


def _inside_relative(doc: Doc, start: int, name: Token) -> bool:
    """Does a comma-set relative word (", whose", ", who", ", which") open a clause in the
    same line before the name, so that the name belongs to that relative clause, not to
    the clause of the verb after it?"""
    for i in range(name.i - 1, max(start, name.i - ASIDE_TOKENS) - 1, -1):
        t = doc[i]
        if "\n" in t.text:
            return False
        if t.tag_ in ("WP", "WP$", "WDT") and t.i > start and doc[t.i - 1].text == ",":
            return True
    return False


def _noun_phrase_start(last: Token) -> int:
    """Index of the first word of the noun phrase a name ends ("farmer Jan Berg" for
    "Berg"): role words before a name are part of it, not the word a clause follows."""
    i = last.i
    while i > 0 and last.doc[i - 1].dep_ in ("compound", "amod", "det") and i - 1 < last.doc[i - 1].head.i <= last.i:
        i -= 1
    return i


def _mention_left_of(ctx: _Context, verb: Token) -> Mention | None:
    """A named mention ending right before a verb (its auxiliaries and adverbs skipped)."""
    i = verb.i - 1
    while i >= 0 and ctx.doc[i].dep_ in ("aux", "auxpass", "advmod", "neg"):
        i -= 1
    if i < 0:
        return None
    tok = ctx.doc[i]
    m = ctx.mention_for(tok.idx, tok.idx + len(tok.text), tok.idx)
    return m if m is not None and m.kind in ("person", "organisation", "country") else None


def _cue_pass(ctx: _Context) -> list[_Found]:
    """Quotes found from speech cues in the parse."""
    found: list[_Found] = []
    doc = ctx.doc
    for i in _cue_candidates(doc):
        tok = doc[i]
        cls = _cue_class(tok) or _clause_taking(tok)
        if cls is None or ctx.in_quotation(tok):
            continue
        if cls == "clause" and not _animate_subject(tok):
            continue
        if _lemma(tok) in EVENT_SUBJECT_CUES and not _can_speak(ctx, tok):
            continue  # "The storm continued: more rain fell …": an event goes on, no one speaks
        children = list(tok.children)
        if cls not in SPEECH_CLASSES and any(c.dep_ == "mark" and c.lower_ in ("if", "unless")
                                             for c in children):
            continue  # "If Moscow decides to reply …": a condition, not a stance
        if any(c.dep_ == "neg" for c in children) and cls not in SPEECH_CLASSES | NEGATED_STANCE_CLASSES \
                and _lemma(tok) not in NEG_RAISING_VERBS:
            continue  # "declined to say", "did not say": no content is attributed
        # "has asked X to …" is active; "has been asked" is not
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in children) \
            and not any(c.dep_ == "auxpass" for c in children)
        if tok.lemma_.lower() == "ask" and ((tok.tag_ == "VBN" and not perfect) or _reduced_passive(tok)):
            asked = _asked(ctx, tok)  # "Asked about X, …" / "Novak was asked whether …"
            if asked is not None:
                found.append(asked)
            continue
        if (tok.tag_ == "VBN" and tok.dep_ in ("advcl", "acl")
                and not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in children)):
            # "Asked about X, Novak said …": the subject was asked, not asking (a subject of
            # its own makes it a past tense the tagger missed: "As the Ledger reported, …")
            continue
        if _addresses_an_audience(tok):
            continue
        inverted = _inverted_subject(tok)
        subj = _as_saying_speaker(tok) or inverted or _subject(tok) or _name_before(ctx, tok) \
            or _series_subject(ctx, tok)
        if subj is None and cls == "evidence":
            subj = _record_subject(tok)  # "a poll showing X ahead": the poll reports
        if subj is None and cls in SPEECH_CLASSES:
            subj = _document_saying(tok)  # "a memo suggesting that …" with no issuer named
        if subj is not None and subj.head != tok and _expletive(subj):
            # "It was no accident — Novak, a spokesman, told AP that …": a subject inherited
            # from the clause the cue was hung on, and no speaker; a name before the cue is
            subj = _name_before(ctx, tok) or subj
        if subj is not None and subj.i < tok.i and ctx.paragraph(subj.idx) != ctx.paragraph(tok.idx):
            subj = _noun_right_before(ctx, tok) or subj  # "9:15 a.m. ¶ X's press aide says"
        relative = subj is not None and subj.lower_ in RELATIVES and subj.head.dep_ == "relcl"
        if subj is None or (_expletive(subj) and not relative) or ctx.in_quotation(subj):
            continue
        para = ctx.paragraph(tok.idx)
        lo, hi = ctx.paragraph_bounds(para)
        tokens = [t for t in _content_tokens(tok, cls) if t.i != subj.i and lo <= t.idx < hi]
        if inverted is not None and subj is inverted and _interjected(inverted):
            # "The contrast, said Kaller, would be stark": the sentence around the inversion
            # is what was said, whatever the parser hung on the cue
            own = {t.i for t in inverted.subtree} | {tok.i}
            tokens = [t for t in ctx.sents[ctx.sent_of[tok.i]] if t.i not in own and lo <= t.idx < hi]
        if not tokens and cls != "clause":
            tokens = _agent_passive_content(ctx, tok, subj)
        passive = subj.dep_ == "nsubjpass" and subj.head == tok
        agent = _stray_agent(tok) if passive else None
        if passive:
            tokens = _raised_subject(ctx, tok, subj, tokens or _reputation(ctx, tok))
        if agent is not None:
            # the "by" phrase names the speaker, it is not part of what was said
            tokens = [t for t in tokens if not agent.head.left_edge.i <= t.i <= agent.head.right_edge.i]
        tokens = _without_closing_comparison(ctx, _drop_asides(ctx, _quoting_participle_cut(ctx, tok, tokens), tok))
        content = _trim(doc, tokens)
        topic = cls in SPEECH_CLASSES and _topic_only(tok, tokens)
        if (topic or cls not in SPEECH_CLASSES) and _hypothetical(tok):
            continue  # "X can respond to Y's demands", "would back the bill": no stance taken
        if content is None and not passive and (cls in SPEECH_CLASSES or cls == "evidence" and _record_subject(tok)):
            content = _preceding_content(ctx, tok, subj)  # "…, records show." as "…, aides said."
        if content is None and not passive and cls in COMMENT_CLASSES:
            content = _comment_clause_content(ctx, tok, subj)  # "Prices, aides concede, will rise"
        if content is None and cls in SPEECH_CLASSES and not passive:
            content = _next_sentence_content(ctx, tok, subj)
            confidence = 0.7
        else:
            confidence = (1.0 if cls in SPEECH_CLASSES and not topic
                          else CLAUSE_CONFIDENCE if cls == "clause" else ATTITUDE_CONFIDENCE)
        if content is None or (topic and subj.head.i == tok.i and _after_attributive_quotation(ctx, subj, tok)):
            # '“Not a chance,” he said of the idea': the quotation is what was said (a
            # participle after that cue, '…, citing X', has a topic of its own)
            continue
        if _narration_after_attribution(ctx, content, subj, tok):
            continue
        cue_range = _cue_range(tok)
        content = _end_at_quotation(ctx, _extend_to_quotation(ctx, content))
        content = _after_own_cue(ctx, content, cue_range)
        content = _quoted_tail(ctx, content, cue_range)
        if _credited_after(ctx, content, tok, subj):
            continue
        if passive:
            # "The sale is expected to …", "X was told …": the expecter, the teller unnamed
            # (unless a stray "by" phrase names them, see _stray_agent)
            subj = agent
        parts = _relative_around_cue(ctx, content, tokens, tok, subj, cue_range) \
            or _around_own_cue(ctx, content, tokens, tok, cue_range)
        for part in parts:
            found.append(_make(ctx, part, tok, subj, confidence, cue_range))
    found.extend(_according_to(ctx))
    found.extend(_poll_findings(ctx))
    found.extend(_light_verb_cues(ctx))
    found.extend(_stance_nouns(ctx))
    found.extend(_stance_adjectives(ctx))
    found.extend(_received_support(ctx))
    found.extend(_noun_cues(ctx))
    found.extend(_attitude_nouns(ctx))
    found.extend(_to_someone(ctx))
    found.extend(_rootless_cues(ctx))
    found.extend(_chants(ctx))
    found.extend(_hedges(ctx, found))
    return found


# Nouns of words voiced by a crowd or a voice, quoted after "of" ("chants of “…”") or before
# the noun ("“…!” chants").
CHANT_NOUNS = frozenset({"chant", "shout", "cry"})


def _credited_after(ctx: _Context, content: tuple[int, int], cue: Token, subj: Token) -> bool:
    """'… but Moscow denies — “why not look closely?” asked Fenn': a quotation the parser
    hung on a cue before it, that an attribution right after it credits to someone else
    ('“…?” asked Fenn', '“…,” Fenn said'), is that one's words: the quotation pass gives it
    to the attribution after it."""
    quotation = ctx.quotation_at(content[0])
    if quotation is None or cue.idx > quotation[0] or content[1] < quotation[1] - 1:
        return False
    qs, qe = quotation
    if ctx.text[:qs].rstrip().endswith((",", ":")):
        return False  # 'shouted, “Cruz,” Beck joked': the comma or colon introduces it
    closing = ctx.text[max(qs, qe - 4):qe].rstrip("”\"»’' ")
    rest = ctx.text[qe:qe + 80].lstrip()
    # after "?" or "!" a capital may open a sentence of its own ('“…?” Mills then writes
    # back, “…”'); only a comma, or a cue in lower case ('“…?” asked Fenn'), attributes
    if not (closing.endswith(",") or closing.endswith(("?", "!")) and rest[:1].islower()):
        return False
    after = ctx.doc.char_span(qe, min(len(ctx.text), qe + 80), alignment_mode="contract")
    found = _trailing_attribution(ctx, after, qe) if after is not None else None
    if found is None or _cue_class(found[0]) not in SPEECH_CLASSES or found[0].i == cue.i:
        return False
    # the same speaker twice ('X said “…,” she said') keeps the cue before
    return _speaker_fields(ctx, found[1])[3] != _speaker_fields(ctx, subj)[3]


def _chants(ctx: _Context) -> list[_Found]:
    """"Supporters responded with chants of “Four more years”" / "their chants of “…”" /
    "roused the crowd to chants of “…”" / "drawing loud “Shame!” chants": the quotation is what
    was chanted (or shouted, cried). Whose chants they are: the noun's possessor, the subject
    of the verb they are answered "with", the object roused "to" them; else no one is named
    ("was met with chants of …"). PolNeAR train 0:500: 5 such quotations, all annotated."""
    found: list[_Found] = []
    doc = ctx.doc
    for i in _lemma_indices(doc, CHANT_NOUNS):
        tok = doc[i]
        if tok.pos_ != "NOUN" or ctx.in_quotation(tok):
            continue
        quoted = _chanted(ctx, tok)
        if quoted is None:
            continue
        found.append(_make(ctx, quoted, tok, _chanter(tok), 1.0, (tok.idx, tok.idx + len(tok.text))))
    return found


def _chanted(ctx: _Context, noun: Token) -> tuple[int, int] | None:
    """The quotation a chant noun names: right after its "of", or right before the noun."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == noun.i + 1), None)
    if of is not None:
        start = of.idx + len(of.text)
        while start < len(ctx.text) and ctx.text[start].isspace():
            start += 1
        q = ctx.quotation_at(start)
        return q if q is not None and q[0] == start else None
    q = next((q for q in ctx.quotations_within(max(0, noun.idx - 200), noun.idx)
              if q[1] <= noun.idx and not ctx.text[q[1]:noun.idx].strip()), None)
    return q


def _chanter(noun: Token) -> Token | None:
    """Who chants: "their chants", "X responded with chants", "roused the crowd to chants"."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    prep = noun.head
    if noun.dep_ != "pobj" or prep.head.pos_ != "VERB":
        return None
    verb = prep.head
    if prep.lower_ == "with" and not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if prep.lower_ == "to":
        return next((c for c in verb.children if c.dep_ == "dobj" and c.i < prep.i), None)
    return None


# What may stand right before a verb the parser took for a modifier when it is the sentence's
# verb: the subject's last word, or the comma closing the subject's apposition.
ROOTLESS_SUBJECT_END = frozenset({"NOUN", "PROPN"})


def _rootless_cues(ctx: _Context) -> list[_Found]:
    """"Berg, the father of a drowned deckhand, decried the owners' plans to …" / "In March, Novak
    blasted the firm for its …": in a sentence the parser gave no verb at its root (it made
    a noun the root), a past-tense cue it hung on a noun as a modifier, right after a noun or
    after the comma closing an apposition, is the sentence's verb. Its subject is the noun
    phrase before it and what follows it, to the end of the sentence, is its content. A
    participle after a determiner, an adjective or a preposition ("the proposed deal", "an
    alleged bias") is a modifier indeed. PolNeAR train 0:500: 12 of 18 such verbs annotated."""
    found: list[_Found] = []
    doc = ctx.doc
    roots = doc_sentence_roots(doc)  # cached: Span.root walks the sentence at every call
    for i in _cue_candidates(doc):
        tok = doc[i]
        if tok.dep_ not in ("amod", "acl") or tok.tag_ not in ("VBD", "VBN"):
            continue
        cls = SPEECH_VERBS.get(_lemma(tok))
        if cls not in SPEECH_CLASSES and cls != "evaluate":
            continue
        sent = ctx.sents[ctx.sent_of[i]]
        if doc[roots[ctx.sent_of[i]]].pos_ in ("VERB", "AUX") or len(sent) < 4 or i == sent.start \
                or ctx.in_quotation(tok) or any(c.dep_ in ("agent", "auxpass") for c in tok.children):
            continue
        subj = _rootless_subject(doc, sent, tok)
        if subj is None or ctx.in_quotation(subj):
            continue
        cue_range = _cue_range(tok)  # with its particle ("Tweeted out")
        tokens = [t for t in doc[tok.i + 1 : sent.end]
                  if t.idx >= cue_range[1] and ctx.paragraph(t.idx) == ctx.paragraph(tok.idx)]
        content = _trim(doc, tokens)
        if content is None:
            continue
        confidence = 1.0 if cls in SPEECH_CLASSES else ATTITUDE_CONFIDENCE
        found.append(_make(ctx, content, tok, subj, confidence, cue_range))
    return found


def _rootless_subject(doc: Doc, sent: SpacySpan, verb: Token) -> Token | None:
    """The subject of a verb the parser took for a noun's modifier: the noun right before it,
    or, after a comma closing an apposition ("Berg, the father of …, decried"), the head of
    the noun phrase that opens the apposition."""
    before = doc[verb.i - 1]
    if before.pos_ in ROOTLESS_SUBJECT_END and (before.dep_ not in ("compound", "poss") or before.head == verb.head):
        return before  # "Novak blasted Disney", parsed as one noun phrase, makes Novak a compound
    if before.text != ",":
        return None
    # the noun phrase the apposition describes: a name or noun the comma run started after
    for tok in doc[sent.start : verb.i - 1]:
        if tok.pos_ in ROOTLESS_SUBJECT_END and tok.i + 1 < verb.i and doc[tok.i + 1].text == "," \
                and not any(a.i < tok.i and a.pos_ in ("VERB", "AUX") for a in doc[sent.start : tok.i]):
            return tok
    return None


SETTING_OFF = (",", "—", "–", "-")
# Words from which a cue clause inside its content ("…, said Berg, the harbour master, …")
# is long enough to split the content: a short one ("…, Berg said, …") costs a single span
# little, and the reported clause reads best whole.
LONG_CUE_CLAUSE = 5


def _around_own_cue(ctx: _Context, content: tuple[int, int], tokens: list[Token], verb: Token,
                    cue: tuple[int, int]) -> list[tuple[int, int]]:
    """The content as two parts when its own cue clause interrupts it ("The levy, Berg
    said, would fall on ferries" / "…, said Berg, a harbour official, would …").

    The cue clause is the writer's, not the speaker's: PolNeAR annotates such content as
    two fragments around it, and a single span that holds a long cue clause (a speaker
    with an apposition) no longer matches the gold content. A phrase the cue resumes
    ("…, Berg said, by the new timetable") stays one span with the clause it finishes.
    """
    start, end = content
    if not tokens or not start < cue[0] < end:
        return [content]
    resumed = _resumed_content(verb)
    if any(t.i in resumed for t in tokens):
        return [content]
    doc = ctx.doc
    left = _trim(doc, [t for t in tokens if t.idx < cue[0]])
    right = _trim(doc, [t for t in tokens if t.idx >= cue[1]])
    if left is None or right is None or not start < left[1] < cue[0] or not cue[1] <= right[0] < end:
        return [content]
    gap = ctx.text[left[1]:right[0]].strip()
    if not gap or gap[0] not in SETTING_OFF or gap[-1] not in SETTING_OFF or _words(gap) < LONG_CUE_CLAUSE:
        return [content]
    if _words(ctx.text[start:left[1]]) < 2:
        return [(right[0], end)]  # "However, as the Courier reported, …": a lone linking word
    return [(start, left[1]), (right[0], end)]


# Relative words that open a clause a cue and its speaker interrupt ("a deal that Berg said
# was fair", "what she called a betrayal").
INTERRUPTED_RELATIVES = frozenset("that which what who whom".split())
# What may stand between the speaker and the cue besides the speaker ("that Berg has long said").
CUE_LEAD_DEPS = frozenset({"aux", "neg", "advmod"})


def _relative_around_cue(ctx: _Context, content: tuple[int, int], tokens: list[Token], verb: Token,
                         subj: Token | None, cue: tuple[int, int]) -> list[tuple[int, int]] | None:
    """The content as the relative word and the rest of its clause when the speaker and the
    cue stand between them ("a levy that Berg said was unfair": "that" + "was unfair").

    The speaker and the cue are the writer's words inside the relative clause; PolNeAR
    annotates such content as two fragments around them. None when the content does not
    open that way."""
    doc = ctx.doc
    rel = next((t for t in tokens if t.idx == content[0]), None)
    if subj is None or rel is None or rel.lower_ not in INTERRUPTED_RELATIVES or subj.left_edge.i != rel.i + 1 \
            or not subj.i < verb.i or ctx.quotation_at(rel.idx) is not None:
        return None
    if any(t.head != verb or t.dep_ not in CUE_LEAD_DEPS for t in doc[subj.right_edge.i + 1 : verb.i]):
        return None
    rest = [t for t in tokens if t.idx >= cue[1] and t.i > verb.i]
    if not rest or rest[0].idx >= content[1]:
        return None
    return [(rel.idx, rel.idx + len(rel.text)), (rest[0].idx, content[1])]


def _stray_agent(cue: Token) -> Token | None:
    """The speaker a passive cue's "by" phrase names when the small model hangs it on the
    cue's complement rather than on the cue ('was called “strategic ambiguity” by Jonas
    Berg', 'was confirmed as a passenger by the minister'); None without one. A date ("by
    the end of the year") is no agent."""
    for comp in cue.children:
        if comp.i < cue.i or comp.dep_ not in ("oprd", "attr", "acomp", "prep"):
            continue
        holders = [comp] + [g for g in comp.children if comp.dep_ == "prep" and g.dep_ in ("pobj", "amod", "pcomp")]
        for holder in holders:
            by = next((c for c in holder.children if c.dep_ == "prep" and c.lower_ == "by"), None)
            obj = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME") and obj.pos_ in ("NOUN", "PROPN", "PRON"):
                return obj
    return None


# Passive cues whose subject is the addressee, not part of what was said ("X was told to
# leave", "X was asked to resign", "X was urged to run").
ADDRESSEE_PASSIVES = ADDRESSEE_CUES | frozenset("ask urge advise warn order invite encourage"
                                                " quote cite".split())


# Prepositions of what a passive cue credits its subject with ("is known for X", "is seen as X").
REPUTATION_PREPS = frozenset({"as", "for"})


def _reputation(ctx: _Context, cue: Token) -> list[Token]:
    """"X is known for its ties to Y", "X is regarded as a moderate": what a passive cue with no
    clause credits its subject with, the "as" phrase whole and the object of "for"."""
    if _lemma(cue) in ADDRESSEE_PASSIVES:
        return []  # "X was quoted as saying …": the quoted one speaks, see _as_saying_speaker
    prep = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ in REPUTATION_PREPS and c.i > cue.i), None)
    if prep is None or ctx.paragraph(prep.idx) != ctx.paragraph(cue.idx):
        return []
    if prep.lower_ == "as":
        return list(prep.subtree)
    return [t for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]


# Cues whose passive with an agent reports a deed, not words ("were committed by …").
DEED_PASSIVES = frozenset({"commit"})
# Passive cues that report neither what their agent says nor what it judges.
NOT_AGENT_SPEECH = ADDRESSEE_PASSIVES | DEED_PASSIVES


def _agent_passive_content(ctx: _Context, cue: Token, speaker: Token) -> list[Token]:
    """"The plan was endorsed by the union", "News of the deal was first reported by the
    Herald": a passive cue whose speaker is its agent says or judges its subject, which is
    the content (PolNeAR train annotates it so). Not a relative pronoun, which stands for a
    noun outside the clause, nor an addressee ("X was asked by reporters"), nor a deed
    ("the thefts were committed by two clerks": a crime committed is no commitment)."""
    if speaker.head.dep_ != "agent" or speaker.head.head != cue or _lemma(cue) in NOT_AGENT_SPEECH:
        return []
    subj = next((c for c in cue.children if c.dep_ == "nsubjpass" and c.i < cue.i), None)
    if subj is None or subj.pos_ == "PRON":
        return []
    own = list(subj.subtree)
    para = ctx.paragraph(cue.idx)
    if any(ctx.paragraph(t.idx) != para or ctx.in_quotation(t) for t in own):
        return []
    return own


def _raised_subject(ctx: _Context, cue: Token, subj: Token, tokens: list[Token]) -> list[Token]:
    """"The vote is expected to pass", "Novak is said to favor a deal", "The base is considered a
    contender": a passive cue with an infinitive or predicate complement reports a claim about
    its subject, so the subject is part of the content (PolNeAR annotates it as a fragment of
    it); an addressee ("Novak was told to …") is not."""
    if not tokens or subj.i > cue.i or _lemma(cue) in ADDRESSEE_PASSIVES:
        return tokens
    if not any(c.dep_ in ("xcomp", "oprd") or (c.dep_ == "prep" and c.lower_ in REPUTATION_PREPS)
               for c in cue.children if c.i > cue.i):
        return tokens
    para = ctx.paragraph(cue.idx)
    own = [t for t in subj.subtree if ctx.paragraph(t.idx) == para and not ctx.in_quotation(t)]
    return own + tokens if len(own) == len(list(subj.subtree)) else tokens


# Nouns of saying and believing that take a that-clause ("Trump's claim that …", "the
# warning by officials that …"); PolNeAR annotates them as attributions too.
SPEECH_NOUNS = frozenset(
    "claim statement comment remark suggestion assertion promise pledge warning argument"
    " announcement accusation charge insistence admission denial prediction view belief"
    " contention allegation vow threat demand hope fear concern".split()
)


def _noun_cues(ctx: _Context) -> list[_Found]:
    """"Trump's claim that the vote was rigged": a speech noun with a that-clause; its
    possessor (or the agent after "by") is the speaker, or no one is named."""
    found: list[_Found] = []
    for i in _lemma_indices(ctx.doc, SPEECH_NOUNS):
        tok = ctx.doc[i]
        if tok.pos_ != "NOUN" or ctx.in_quotation(tok):
            continue
        clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > tok.i
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if clause is None:
            continue
        tokens = [t for t in clause.subtree if ctx.paragraph(t.idx) == ctx.paragraph(tok.idx)]
        content = _trim(ctx.doc, _drop_asides(ctx, tokens))
        if content is None:
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None:
            by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"), None)
            owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if owner is not None:
            found.append(_make(ctx, content, tok, _restating_subject(tok, owner) or owner, ATTITUDE_CONFIDENCE))
    return found


def _restating_subject(noun: Token, owner: Token) -> Token | None:
    """"Berg repeated his claim that …", "Kaller reiterated her warning that …": the noun's
    possessive pronoun stands for the subject of the speech verb whose object the noun is,
    who says it again there; that subject is the speaker's phrase. A named possessor
    ("Berg repeated Kaller's claim") is another speaker and stays."""
    if owner.tag_ != "PRP$" or noun.dep_ != "dobj" or _cue_class(noun.head) not in SPEECH_CLASSES:
        return None
    subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    return None if subj is None or _expletive(subj) else subj


# Nouns of saying that "make" turns into a cue: "made the case for X", "made a plea for X",
# "made no mention of X", "made the argument that X" (a light verb: the noun carries the
# meaning, as "argued for X", "pleaded for X" would).
MADE_SPEECH_NOUNS = frozenset(
    "case call statement comment remark observation point mention plea appeal argument charge"
    " claim accusation allegation promise pledge threat prediction pitch suggestion reference"
    " assertion vow".split()
)
# Nouns of doubt that "raise" turns into a cue the same way ("raised questions about X",
# "raised concerns that X").
RAISED_DOUBT_NOUNS = frozenset("question concern doubt objection alarm".split())
# "take issue with X": disagreeing with what X says or does.
TAKEN_NOUNS = frozenset({"issue"})
# Light verbs and the nouns that make them cues.
LIGHT_VERB_NOUNS = {"make": MADE_SPEECH_NOUNS, "raise": RAISED_DOUBT_NOUNS, "take": TAKEN_NOUNS}
# Prepositions that name the topic of a light-verb noun besides TOPIC_PREPS.
LIGHT_NOUN_PREPS = {"issue": frozenset({"with"})}


def _unquoted(ctx: _Context, words: Collection[str], pos: tuple[str, ...]) -> Iterator[Token]:
    """Tokens whose lemma is one of ``words`` and whose part of speech is one of ``pos``,
    outside quotations: where each lexical pass (light verbs, stance nouns, polls, hedges)
    starts looking. Quoted words are the speaker's, attributed by the quote passes."""
    doc = ctx.doc
    for i in _lemma_indices(doc, words):
        tok = doc[i]
        if tok.pos_ in pos and not ctx.in_quotation(tok):
            yield tok


def _light_verb_cues(ctx: _Context) -> list[_Found]:
    """"Berg made the case that the levy is fair" / "made an impassioned plea for calm" /
    "raised questions about the deal": a light verb with a speech noun as its object is a
    cue; the content is the noun's that-clause, else what its preposition names. The
    subject of the verb speaks."""
    found: list[_Found] = []
    doc = ctx.doc
    for verb in _unquoted(ctx, LIGHT_VERB_NOUNS, ("VERB",)):
        nouns = LIGHT_VERB_NOUNS[verb.lemma_.lower()]
        noun = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i
                     and c.lemma_.lower() in nouns), None)
        if noun is None:
            continue
        tokens = _light_verb_content(verb, noun)
        subj = _subject(verb)
        if not tokens or subj is None or _expletive(subj) or ctx.in_quotation(subj):
            continue
        para = ctx.paragraph(verb.idx)
        content = _trim(doc, _drop_asides(ctx, [t for t in tokens if ctx.paragraph(t.idx) == para]))
        if content is None:
            continue
        cue_range = (_cue_range(verb)[0], noun.idx + len(noun.text))
        found.append(_make(ctx, content, verb, subj, ATTITUDE_CONFIDENCE, cue_range))
    return found


def _light_verb_content(verb: Token, noun: Token) -> list[Token]:
    """What a "make" + speech noun cue reports: the noun's (or the verb's) that-clause, else
    the object of a topic preposition after the noun ("the case for X", "mention of X")."""
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None:
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > noun.i), None)
    if clause is not None:
        return list(clause.subtree)
    preps = TOPIC_PREPS | LIGHT_NOUN_PREPS.get(noun.lemma_.lower(), frozenset())
    prep = next((c for c in list(noun.children) + list(verb.children)
                 if c.dep_ == "prep" and c.lower_ in preps and c.i > noun.i), None)
    if prep is None:
        return []
    objects = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
    if any(g.ent_type_ in ("DATE", "TIME") for g in objects):
        return []  # "made the appeal on Tuesday night": a date, no topic
    return [t for g in objects for t in g.subtree]


# Nouns of a stance toward someone or something, with the preposition that names it:
# "a supporter of X", "her opposition to X", "his criticism of X" (PolNeAR annotates them
# as attributions, the holder of the stance as the source).
STANCE_NOUN_PREPS = {
    "supporter": {"of"}, "opponent": {"of"}, "critic": {"of"}, "support": {"for", "of"},
    "opposition": {"to"}, "criticism": {"of"}, "endorsement": {"of"}, "praise": {"for"},
    "defense": {"of"}, "defence": {"of"},
    # the other nouns for one who holds a stance toward someone or something, as general
    # English: "a proponent of X", "an ally of X", "a fierce detractor of X"
    "proponent": {"of"}, "advocate": {"of", "for"}, "champion": {"of"}, "backer": {"of"},
    "defender": {"of"}, "fan": {"of"}, "ally": {"of"}, "foe": {"of"}, "enemy": {"of"},
    "skeptic": {"of"}, "sceptic": {"of"}, "admirer": {"of"}, "detractor": {"of"}, "booster": {"of"},
    "cheerleader": {"for"}, "adversary": {"of"},
}


def _stance_nouns(ctx: _Context) -> list[_Found]:
    """"Novak, a fierce critic of the levy, …" / "Berg is a supporter of the plan" / "Berg
    spoke in support of the plan": a stance noun whose holder the grammar names. As after a
    verb, a comma-set relative clause or description closing the content is the writer's
    ("a supporter of the levy, which …"; see _drop_asides)."""
    found: list[_Found] = []
    doc = ctx.doc
    for noun in _unquoted(ctx, STANCE_NOUN_PREPS, ("NOUN",)):
        prep = next((c for c in noun.children if c.dep_ == "prep" and c.i > noun.i
                     and c.lower_ in STANCE_NOUN_PREPS[noun.lemma_.lower()]), None)
        objects = [g for g in prep.children if g.dep_ == "pobj"] if prep is not None else []
        holder = _stance_holder(noun)
        if not objects or holder is None or _expletive(holder) or ctx.in_quotation(holder):
            continue
        para = ctx.paragraph(noun.idx)
        content = _trim(doc, _drop_asides(ctx, [t for g in objects for t in g.subtree if ctx.paragraph(t.idx) == para]))
        if content is not None:
            found.append(_make(ctx, content, noun, holder, ATTITUDE_CONFIDENCE,
                               (noun.idx, prep.idx + len(prep.text))))
    return found


# "X won the support of Y", "drew support from Y", "earned the backing of Y": a verb of
# getting with a noun of support as its object reports Y's stance toward X, the subject.
RECEIVED_SUPPORT_NOUNS = frozenset({"support", "backing", "endorsement"})
RECEIVING_VERBS = frozenset("draw win earn gain receive attract enjoy garner get secure have pick consolidate".split())
SUPPORTER_PREPS = frozenset({"of", "from", "among"})


def _received_support(ctx: _Context) -> list[_Found]:
    """"Kaller won the support of the fishermen": the fishermen (the object of "of",
    "from" or "among") hold a stance toward Kaller (the subject)."""
    found: list[_Found] = []
    doc = ctx.doc
    for noun in _unquoted(ctx, RECEIVED_SUPPORT_NOUNS, ("NOUN",)):
        verb = noun.head
        if noun.dep_ != "dobj" or _lemma(verb) not in RECEIVING_VERBS or _hypothetical(verb):
            continue
        prep = next((c for c in list(noun.children) + list(verb.children) if c.dep_ == "prep"
                     and c.lower_ in SUPPORTER_PREPS and c.i > noun.i), None)
        holder = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
        subj = _subject(verb)
        if holder is None or subj is None or _expletive(subj) or ctx.in_quotation(holder):
            continue
        lo, hi = _phrase(subj)
        content = (doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text))
        found.append(_make(ctx, content, noun, holder, ATTITUDE_CONFIDENCE,
                           (_cue_range(verb)[0], prep.idx + len(prep.text))))
    return found


def _stance_holder(noun: Token) -> Token | None:
    """Who holds the stance a noun names, when the noun describes them or what they do;
    else None. (A possessor, "her support for X", mostly recalls a stance the story is
    about rather than reporting one: PolNeAR train annotates it in under 1 case in 4.)"""
    if noun.dep_ == "appos":
        return noun.head  # "Novak, a critic of X, …"
    head = noun.head
    if noun.dep_ == "attr" and head.lemma_ == "be":
        return next((c for c in head.children if c.dep_ == "nsubj"), None)  # "Novak is a critic of X"
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ in ("VERB", "AUX"):
        return _subject(head.head)  # "Novak came out in support of X"
    return None


# --- attitude nouns: "X's support for Y", "criticism of Y by X", "X's plan to Y" ----------
#
# A noun made from a verb of saying, thinking or taking a stance carries the verb's
# attribution with it: "Berg's criticism of the levy" reports that Berg criticised it, as
# "Berg criticised the levy" would. PolNeAR annotates such nouns as attributions (the noun
# the cue, its holder the source, its complement the content), so the construction, not a
# list of nouns, decides: a noun whose verb is in the lexicon (found by undoing the usual
# English derivational suffixes) or one of the few nouns of opinion with no verb in it,
# with a holder the grammar names and a complement that says what the attitude is about.

# Verb classes whose nominalisations report an attitude ("claim", "denial", "warning",
# "pledge", "demand", "belief", "support", "criticism", "label"); "evidence", "topic"
# nouns ("finding", "show", "talk", "campaign") name things more often than stances.
NOMINAL_CLASSES = SPEECH_CLASSES | frozenset({"think", "stance", "evaluate"})
# English nominalising suffixes and what each replaced on the verb (tried in order; the
# first stem in the lexicon wins): "accusation" -> "accuse", "endorsement" -> "endorse",
# "refusal" -> "refuse", "denial" -> "deny", "insistence" -> "insist", "criticism" ->
# "criticize", "decision" -> "decide", "admission" -> "admit", "opposition" -> "oppose".
NOMINAL_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ization", ("ize",)), ("isation", ("ise", "ize")), ("ation", ("e", "ate", "")),
    ("ition", ("e",)), ("ission", ("it",)), ("sion", ("de", "d", "se")), ("tion", ("t",)),
    ("ion", ("",)), ("ment", ("", "e")), ("ial", ("y",)), ("al", ("e", "")),
    ("ance", ("", "e")), ("ence", ("", "e")), ("icism", ("icize", "icise")), ("ism", ("ize", "ise")),
    ("ure", ("e",)),
)
_SUFFIX_ENDINGS = tuple(suffix for suffix, _ in NOMINAL_SUFFIXES)
# Nominalisations no suffix rule undoes, with their verbs.
IRREGULAR_NOMINALS = {
    "belief": "believe", "thought": "think", "complaint": "complain", "defense": "defend",
    "defence": "defend", "critique": "criticize", "response": "respond", "threat": "threaten",
    "explanation": "explain", "proof": "prove", "advice": "advise", "choice": "choose",
    "pursuit": "pursue", "desire": "want", "wish": "want", "objection": "object",
    # a call, an appeal or a plea for something is a demand ("renewed her call for a ban")
    "call": "urge", "appeal": "urge", "plea": "urge",
    # favour is support ("in favor of X")
    "favor": "support", "favour": "support",
}
# Nouns of opinion and of a stance with no verb of the lexicon in them.
OPINION_NOUNS = frozenset(
    "view opinion position stance stand idea attitude outlook verdict message case argument"
    " concern doubt skepticism scepticism hostility sympathy admiration contempt disdain"
    " distrust mistrust enthusiasm objection reservation misgiving frustration anger outrage"
    " disagreement dissent opposition approval disapproval interest inclination willingness"
    " unwillingness reluctance eagerness readiness determination intention confidence faith"
    " optimism pessimism".split())
# Attitude nouns whose object follows "in" ("interest in X", "confidence in X", "faith in X").
IN_TOPIC_NOUNS = frozenset("interest confidence faith trust belief disbelief optimism".split())
# The prepositions that introduce what an attitude noun is about.
NOMINAL_TOPIC_PREPS = frozenset("of for on about against over toward towards behind with".split())
# Verbs whose subject holds the attitude of the noun they take as object: having,
# expressing, presenting, keeping it up ("voiced concern about X", "launched an attack on X",
# "threw her support behind X", "renewed his call for X"). Verbs of receiving or causing
# ("faced criticism", "drew support", "sparked fears") have another holder.
EXPRESSING_VERBS = frozenset(
    "express voice air make offer give lend throw pledge signal announce unveil"
    " outline present issue deliver launch unleash level mount wage step renew reiterate repeat"
    " restate keep continue maintain take adopt share state raise pose float submit reaffirm"
    " articulate register lodge file put stake double intensify escalate sharpen soften temper"
    " tone show display demonstrate".split())


# Nouns that look made from a lexicon verb but mostly name a thing: a body ("commission"),
# a country ("state"), a message board or a list ("post", "list"), a show, a name.
NOT_NOMINALS = frozenset("commission state post show list name term brand back read".split())


def _nominal_verb(lemma: str) -> str | None:
    """The lexicon verb an attitude noun is made from, if any ("criticism" -> "criticize")."""
    if lemma in NOT_NOMINALS:
        return None
    if lemma in IRREGULAR_NOMINALS:
        return IRREGULAR_NOMINALS[lemma]
    if lemma in SPEECH_VERBS:
        return lemma
    if not lemma.endswith(_SUFFIX_ENDINGS):
        return None
    for suffix, replacements in NOMINAL_SUFFIXES:
        if lemma.endswith(suffix) and len(lemma) > len(suffix) + 2:
            stem = lemma[: -len(suffix)]
            for rep in replacements:
                if stem + rep in SPEECH_VERBS:
                    return stem + rep
    return None


@functools.lru_cache(maxsize=None)
def _attitude_lemma(lemma: str) -> bool:
    """Is the lemma a noun of saying, thinking or taking a stance (see NOMINAL_CLASSES)?
    (Remembered per string: every article asks it of each of its distinct lemmas.)"""
    lemma = lemma.lower()
    if lemma in OPINION_NOUNS:
        return True
    verb = _nominal_verb(lemma)
    return verb is not None and SPEECH_VERBS.get(verb) in NOMINAL_CLASSES


def _nominal_complement(noun: Token) -> tuple[list[Token], Token | None]:
    """What an attitude noun is about, and the last word of its cue: its that-clause ("the
    claim that …"), its infinitive ("the plan to …") or the object of a topic preposition
    ("support for …", "criticism of …"); nothing for a bare noun."""
    for c in noun.children:
        if c.i < noun.i:
            continue
        if c.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return list(c.subtree), noun
        if c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" and a.i < c.i for a in c.children):
            return list(c.subtree), noun
        if c.dep_ == "prep" and (c.lower_ in NOMINAL_TOPIC_PREPS
                                 or c.lower_ == "in" and noun.lemma_.lower() in IN_TOPIC_NOUNS):
            objects = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objects:
                return [t for g in objects for t in g.subtree], c
    return [], None


# Dependencies of a clause on a noun ("the claim that …", "the plan to …").
CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl"})


def _expressed(noun: Token) -> bool:
    """Is the noun the object of a verb that expresses it, or in an "in" phrase on a verb
    ("voiced concern", "spoke in defence of")? See _nominal_holder."""
    return noun.dep_ == "dobj" and _lemma(noun.head) in EXPRESSING_VERBS \
        or noun.dep_ == "pobj" and noun.head.lower_ == "in"


def _nominal_holder(noun: Token, clause: bool) -> Token | None:
    """Who a noun reports as holding its attitude: the subject of a verb that expresses it
    ("Berg voiced concern about …", "launched an attack on …", "renewed her call for …"),
    or, for a noun with a that-clause, its possessor or the agent after "by" ("Berg's claim
    that …", "the warning by officials that …").

    A possessor alone ("Berg's support for the levy", "her plan to …") mostly recalls a
    stance the story takes as known rather than reporting one, as does "have" ("has plans
    to …"): PolNeAR train 0:500 annotates about 1 in 4 of those, against 1 in 2 of the
    expressed ones and of the that-clauses."""
    head = noun.head
    if noun.dep_ == "dobj" and _lemma(head) in EXPRESSING_VERBS and not _hypothetical(head):
        return _subject(head)
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("poss", "det") for c in noun.children) and not _hypothetical(head.head):
        return _subject(head.head)  # "spoke in defence of X", "voted in favour of X"
    if not clause:
        return None
    for c in noun.children:
        if c.dep_ == "poss":
            return _owner_subject(noun, c) if c.tag_ == "PRP$" else c
        if c.dep_ == "prep" and c.lower_ == "by" and c.i > noun.i:
            agent = next((g for g in c.children if g.dep_ == "pobj"), None)
            if agent is not None:
                return agent
    return None


def _owner_subject(noun: Token, owner: Token) -> Token:
    """"Kaller has toned down her criticism of …", "voters were unanimous in their support
    for …": a possessive pronoun on a noun in the verb phrase of a clause stands for that
    clause's subject, who is the holder PolNeAR names (and a mention, which "her" is not)."""
    head = noun.head
    while head.dep_ in ("prep", "pobj", "dobj", "acomp", "attr", "conj") and head.head.i != head.i \
            and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    if head.pos_ not in ("VERB", "AUX", "ADJ") or head.i == noun.i:
        return owner
    subj = _subject(head) if head.pos_ != "ADJ" else _subject(head.head)
    if subj is None or _expletive(subj) or subj.i > noun.i or subj.lower_ in RELATIVES:
        return owner
    return subj


def _attitude_nouns(ctx: _Context) -> list[_Found]:
    """"Berg's support for the levy", "renewed her call for a ban", "the union's claim that
    …": an attitude noun with a named holder and a complement."""
    found: list[_Found] = []
    doc = ctx.doc
    # the doc's distinct lemmas are tested once each, and only their tokens are visited
    for i in token_indices(doc, "LEMMA", _attitude_lemma):
        noun = doc[i]
        if noun.pos_ != "NOUN" or not (_expressed(noun) or any(c.dep_ in CLAUSE_DEPS for c in noun.rights)) \
                or ctx.in_quotation(noun):
            continue  # (a cheap test first: most such nouns have neither, and need no more)
        tokens, last = _nominal_complement(noun)
        if not tokens:
            continue
        holder = _nominal_holder(noun, last is noun and tokens[0].lower_ == "that")
        if holder is None or _expletive(holder) or ctx.in_quotation(holder):
            continue
        para = ctx.paragraph(noun.idx)
        content = _trim(doc, _drop_asides(ctx, [t for t in tokens if ctx.paragraph(t.idx) == para]))
        if content is None:
            continue
        cue_end = last.idx + len(last.text)
        found.append(_make(ctx, content, noun, holder, ATTITUDE_CONFIDENCE, (noun.idx, cue_end)))
    return found


# Adjectives of a stance, with what names its object: a preposition ("critical of X"), a
# clause ("worried that X") or an infinitive ("eager to X"). Predicated of someone ("Berg
# is critical of X", "remained hopeful that X") they attribute the stance to the subject,
# as a verb would ("criticized X", "hoped that X"); PolNeAR train annotates most of them.
STANCE_ADJECTIVES = {
    "critical": {"of"}, "supportive": {"of"}, "skeptical": {"of", "about"}, "sceptical": {"of", "about"},
    "wary": {"of"}, "worried": {"that", "about"}, "concerned": {"that", "about"}, "hopeful": {"that"},
    "convinced": {"that"}, "confident": {"that", "in", "about"}, "optimistic": {"that", "about"}, "eager": {"to"},
    "pessimistic": {"that", "about"}, "doubtful": {"that", "about"}, "adamant": {"that"},
    "fearful": {"that", "of"}, "angry": {"at", "about"}, "furious": {"at", "about", "that"},
    "upbeat": {"about"}, "nervous": {"about"}, "uneasy": {"about"}, "enthusiastic": {"about"},
    "unhappy": {"with", "about"}, "appreciative": {"of"}, "keen": {"to"},
    # more of the same kinds, as general English: of volition ("willing to"), certainty
    # ("sure that"), regard ("proud of", "hostile to") and contentment ("pleased with")
    "willing": {"to"}, "unwilling": {"to"}, "reluctant": {"to"}, "determined": {"to"}, "loath": {"to"},
    "sure": {"that"}, "certain": {"that"}, "aware": {"that", "of"}, "proud": {"of"}, "ashamed": {"of"}, "fond": {"of"},
    "enamored": {"of", "with"}, "enamoured": {"of", "with"}, "dismissive": {"of"}, "mistrustful": {"of"},
    "distrustful": {"of"}, "resentful": {"of"}, "contemptuous": {"of"}, "disdainful": {"of"},
    "suspicious": {"of"}, "envious": {"of"}, "opposed": {"to"}, "favorable": {"to", "toward", "towards"},
    "favourable": {"to", "toward", "towards"}, "hostile": {"to", "toward", "towards"},
    "sympathetic": {"to", "toward", "towards"}, "receptive": {"to"}, "committed": {"to"},
    "pleased": {"with", "that"}, "happy": {"with", "that"}, "satisfied": {"with", "that"},
    "disappointed": {"with", "in", "that", "by"}, "frustrated": {"with", "by", "that"},
    "thrilled": {"with", "by", "that"}, "delighted": {"with", "by", "that"}, "upset": {"with", "about", "that", "by"},
    "displeased": {"with"}, "dissatisfied": {"with"}, "interested": {"in"}, "alarmed": {"by", "at", "that"},
    "troubled": {"by", "that"}, "dismayed": {"by", "at", "that"}, "outraged": {"by", "at", "that"},
}


def _stance_adjectives(ctx: _Context) -> list[_Found]:
    """"Berg has been critical of the levy" / "the fishermen are worried that …" / "Kaller
    is eager to sign …": a stance adjective predicated of its holder."""
    found: list[_Found] = []
    doc = ctx.doc
    for i in token_indices(doc, "LOWER", lambda word: word in STANCE_ADJECTIVES):
        adj = doc[i]
        postposed = adj.dep_ in ("amod", "appos") and adj.head.pos_ in ("NOUN", "PROPN") and adj.head.i < adj.i
        if not (adj.dep_ == "acomp" or postposed) or ctx.in_quotation(adj):
            continue
        verb = adj.head
        if _hypothetical(verb):
            # "would be eager to …": no stance held; a negated one is ("is not sure that …",
            # "are not confident that …" state a doubt, which PolNeAR train annotates)
            continue
        content, end = _stance_adjective_content(adj)
        # "voters unhappy with the deal", "the mayor, wary of the port": an adjective phrase
        # after a noun is a reduced relative ("who are unhappy with"); the noun holds it
        holder = verb if postposed else _subject(verb)
        if not content or holder is None or _expletive(holder) or ctx.in_quotation(holder) \
                or holder.lower_ in FIRST_SECOND_PERSON:
            continue
        para = ctx.paragraph(adj.idx)
        rng = _trim(doc, _drop_asides(ctx, [t for t in content if ctx.paragraph(t.idx) == para]))
        if rng is not None:
            # (with a closing quotation mark the parse left out of the clause)
            found.append(_make(ctx, _extend_to_quotation(ctx, rng), adj, holder, ATTITUDE_CONFIDENCE, (adj.idx, end)))
    return found


def _stance_adjective_content(adj: Token) -> tuple[list[Token], int]:
    """What a stance adjective's stance is about, and where its cue ends."""
    kinds = STANCE_ADJECTIVES[adj.lower_]
    for c in adj.children:
        if c.i < adj.i:
            continue
        if c.dep_ == "prep" and c.lower_ in kinds:
            objects = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            return [t for g in objects for t in g.subtree], c.idx + len(c.text)
        if c.dep_ == "ccomp" and "that" in kinds:
            return list(c.subtree), adj.idx + len(adj.text)
        if c.dep_ == "xcomp" and "to" in kinds:
            return list(c.subtree), adj.idx + len(adj.text)
    return [], adj.idx + len(adj.text)


# Subordinators of a reduced passive clause ("when asked …" = "when he was asked …").
REDUCED_CLAUSE_MARKS = frozenset("when if after before while once".split())


def _reduced_passive(verb: Token) -> bool:
    """"…, when asked how …": a past form with no subject after a subordinator is a reduced
    passive, though the small model tags it as a simple past."""
    return verb.tag_ == "VBD" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
        and any(c.dep_ in ("mark", "advmod") and c.lower_ in REDUCED_CLAUSE_MARKS and c.i == verb.i - 1
                for c in verb.children)


# Nouns of where or how something was said: "said on television", "wrote on her blog",
# "commented on the radio", "said on condition of anonymity"; none is what was said.
CHANNEL_NOUNS = frozenset(
    "television tv radio air camera record phone telephone call line podcast blog website site"
    " show programme program channel network broadcast stage podium sidelines floor trail"
    " visit trip tour condition behalf background platform account page feed".split()
)


def _channel(tok: Token) -> bool:
    """Whether an "on" phrase's object names a channel or an occasion, not a topic: a
    channel noun, or a broadcaster's or a programme's name ("said on Valley Radio", "wrote
    on the Courier's website"); a person or place stays a topic ("commented on Novak")."""
    return tok.lemma_.lower() in CHANNEL_NOUNS or tok.ent_type_ in ("ORG", "WORK_OF_ART")


def _asked(ctx: _Context, cue: Token) -> _Found | None:
    """"Asked about X, …" / "when asked whether …" / "Novak was asked if …": a question put
    to someone; the asker is the speaker ("by X"), or no one named (PolNeAR annotates such
    questions with no source). The content is what was asked."""
    parts = [c for c in cue.children if c.i > cue.i and (
        c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ in ("about", "on", "for"))
        # "Asked if she believed …": the parser hangs the question on the cue as a condition
        or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)))]
    # "Asked on Monday …", "asked on Fox News …": when and where, not what was asked
    parts = [c for c in parts if not (c.lower_ == "on" and any(
        g.dep_ == "pobj" and (g.ent_type_ in ("DATE", "TIME", "ORG") or g.pos_ == "PROPN") for g in c.children))]
    if not parts:
        return None
    first = parts[0]
    tokens = [t for t in first.subtree if ctx.paragraph(t.idx) == ctx.paragraph(cue.idx)]
    if first.dep_ == "prep":
        tokens = [t for t in tokens if t.i != first.i]
    content = _trim(ctx.doc, _drop_asides(ctx, tokens))
    if content is None:
        return None
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    asker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    mention, srange, stext, skey = _speaker_fields(ctx, asker)
    cue_range = _cue_range(cue)
    return _Found(content[0], content[1], "indirect", mention, srange, stext, skey,
                  cue_range, ctx.text[cue_range[0]:cue_range[1]], 0.7)


def _hypothetical(cue: Token) -> bool:
    """Does a modal make the cue a possibility or a forecast ("can respond", "would
    support", "will focus on")? An attitude someone might take is none they expressed
    (PolNeAR train annotates about 1 in 4 of them). A negated one is a refusal, which is
    a stance: "would not comment on X", "cannot claim X"."""
    children = list(cue.children)
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in children) and not any(c.dep_ == "neg" for c in children)


def _make(ctx: _Context, content: tuple[int, int], cue: Token, subj: Token | None,
          confidence: float, cue_range: tuple[int, int] | None = None) -> _Found:
    mention, srange, stext, skey = _speaker_fields(ctx, subj)
    cue_range = cue_range or _cue_range(cue)
    return _Found(content[0], content[1], "indirect", mention, srange, stext, skey,
                  cue_range, ctx.text[cue_range[0]:cue_range[1]], confidence)


def _cue_range(cue: Token) -> tuple[int, int]:
    """The cue's characters: the verb with its auxiliaries and particle ("has said", "told")."""
    toks = [cue] + [c for c in cue.children if c.dep_ in ("aux", "auxpass", "prt") and c.i < cue.i + 2]
    clear = _made_clear(cue)
    if clear is not None:
        toks.append(clear)  # "made it clear"
    lo = min(t.idx for t in toks)
    hi = max(t.idx + len(t.text) for t in toks)
    return lo, hi


def _preceding_content(ctx: _Context, cue: Token, subj: Token) -> tuple[int, int] | None:
    """"A deal is unlikely, said Jan Novak, …" / "…, federal officials said.": a cue clause set
    off by a comma after its content, which the parser made the cue's subject or object
    instead of its clause; the content is the sentence up to that comma. A participle
    ("…, telling a paper") is no such clause: what it tells follows it. Nor is a relative
    clause on a speaker ("…, from Minister Velm, who declared …"): it describes the person
    named before it, and what that person said follows the cue."""
    doc = ctx.doc
    if cue.tag_ == "VBG" and cue.i > 0 and doc[cue.i - 1].text == ",":
        return None
    if subj.lower_ in ("who", "whom") and subj.i < cue.i:
        return None
    lead = min(subj.left_edge.i, cue.i)
    while lead > 0 and doc[lead - 1].dep_ in ("aux", "auxpass", "advmod", "neg") \
            and doc[lead - 1].head == cue:
        lead -= 1
    comma = lead - 1
    if comma > 0 and doc[comma].text in ("”", "\"", "''"):
        comma -= 1
    if comma <= 0 or doc[comma].text != ",":
        return None
    sent = ctx.sents[ctx.sent_of[cue.i]]
    para = ctx.paragraph(cue.idx)
    tokens = [t for t in doc[sent.start : comma] if ctx.paragraph(t.idx) == para]
    if not any(t.pos_ in ("VERB", "AUX") for t in tokens) \
            or any(_cue_class(t) and t.dep_ == "ROOT" for t in tokens):
        return None
    addressee = ("dobj", "dative") if cue.lemma_.lower() in ADDRESSEE_CUES else ()
    if any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp", "attr", "oprd") and c.dep_ not in addressee
           and c.i > cue.i for c in cue.children):
        return None  # "…, Novak announced a plan": the cue has its own complement
    heads = [t for t in tokens if t.head.i not in {x.i for x in tokens} or t.head == t]
    if any(t.dep_ in ("advcl", "prep", "npadvmod", "advmod", "mark") for t in heads if t.head == cue):
        return None  # "Entering the final contests, Novak said": a scene-setting phrase
    if _opens_quotation(ctx, cue):
        return None  # 'Asked about X, Novak replied, “…”': the quotation is what was said
    return _trim(doc, tokens)


# Classes of a cue that can stand as a comment clause inside what it reports ("…, these
# aides concede, …", "…, I think, …").
COMMENT_CLASSES = SPEECH_CLASSES | {"think"}
# What a comment clause's cue may have after it besides commas: when and where it was said.
COMMENT_TAIL_DEPS = frozenset({"advmod", "npadvmod", "prep", "punct"})
# Adverbs that make a clause adverbial ("when he insisted …"), which the parser may tag as
# the verb's adverb rather than its subordinator.
WH_TIMES = frozenset("when whenever where while".split())


def _comment_clause_content(ctx: _Context, cue: Token, subj: Token) -> tuple[int, int] | None:
    """"But with each passing month, her own advisers acknowledge, it becomes harder to …" /
    "Soon after the hearing, the evidence indicates, the judge assigned …": a cue clause set
    off by commas inside the sentence it reports, with no complement of its own. The
    parser hangs it on the host clause as an adverbial clause (or beside it), so the cue has
    no content in the parse; what was said is the host sentence without the cue clause."""
    doc = ctx.doc
    if cue.dep_ not in ("advcl", "parataxis") or cue.head.i < cue.i or subj.head != cue or subj.i > cue.i \
            or subj.lower_ in RELATIVES:
        return None
    if any(c.i > cue.i and (c.dep_ not in COMMENT_TAIL_DEPS or c.dep_ == "prep" and not any(
            g.dep_ == "pobj" for g in c.children)) or c.dep_ == "mark" or c.dep_ == "advmod" and c.lower_ in WH_TIMES
           for c in cue.children):
        # "…, Novak said the plan …", "…, insisted on paying …", "when Novak spoke, …": the cue
        # has a complement of its own, or its clause is an adverbial one
        return None
    start = subj.left_edge.i
    while start > 0 and doc[start - 1].head == cue and doc[start - 1].dep_ in ("advmod", "aux", "neg"):
        start -= 1
    end = cue.right_edge.i
    if start == 0 or doc[start - 1].text != "," or end + 1 >= len(doc) or doc[end + 1].text != ",":
        return None
    if not all(t == cue or cue in t.ancestors for t in doc[start : end + 1]):
        return None  # the commas must enclose the cue clause and nothing else
    sent = ctx.sents[ctx.sent_of[cue.i]]
    para = ctx.paragraph(cue.idx)
    tokens = [t for t in sent if not start - 1 <= t.i <= end + 1 and ctx.paragraph(t.idx) == para]
    return _trim(doc, tokens)


# A cue followed by a comma or colon and an opening quotation mark ('replied, “', "shouted, ''").
_INTRODUCES_QUOTATION = re.compile(r"\s*[,:]\s*(?:“|\"|«|‘|'')")


def _opens_quotation(ctx: _Context, cue: Token) -> bool:
    """Does the cue introduce a quotation right after it ('…, Novak replied, “…”')? Then the
    narration before the cue only sets the scene; the quotation is the content."""
    end = cue.idx + len(cue.text)
    return _INTRODUCES_QUOTATION.match(ctx.text, end) is not None


def _after_own_cue(ctx: _Context, content: tuple[int, int], cue: tuple[int, int]) -> tuple[int, int]:
    """Content never holds its own cue: 'In her speech, Rhimes declared the need for will: “…”'
    / 'However, as X told the AP, “…”' keep only the quotation after the cue."""
    start, end = content
    if not start <= cue[0] < end:
        return content
    q = next(((s, e) for s, e in ctx.quotations if cue[1] <= s < end), None)
    if q is None or any(start <= s < cue[0] for s, _ in ctx.quotations):
        return content  # '“A,” he said, “B.”': both parts are the content
    if q[1] < end - 2 or _words(ctx.text[q[0]:q[1]]) < MIN_CLAUSE_WORDS:
        return content  # 'A, he noted, keeps the “old guard” …': a quoted fragment of the content
    if _clause_around_cue(ctx, start, cue):
        return content  # 'Fares, she added, would be “far too high …”': the quotation finishes A
    return q[0], end


def _clause_around_cue(ctx: _Context, start: int, cue: tuple[int, int]) -> bool:
    """Is the cue a comma-set clause ("…, she added, …") inside a reported clause whose
    first part, before it, has a verb of its own ("Fares for the ferry, she added, would
    be “…”", "While a few clerks could be fined, he said, “…”")? Then the quotation after
    the cue finishes that clause. An as-clause ("However, as Berg told the paper, “…”")
    or a scene-setting phrase ("In a speech on Monday, Berg said, “…”") only leads in."""
    before = ctx.text[start:cue[0]]
    comma = before.rfind(",")
    speaker = before[comma + 1:].split()
    if comma < 0 or not speaker or len(speaker) > 6 or speaker[0].lower() == "as" \
            or not ctx.text[cue[1]:].lstrip().startswith(","):
        return False
    span = ctx.doc.char_span(start, start + comma, alignment_mode="contract")
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


def _quoted_tail(ctx: _Context, content: tuple[int, int], cue: tuple[int, int]) -> tuple[int, int]:
    """'Neither man was impressed - ‘Born with a silver spoon,’ Mr. Elkins said': narration
    that a colon or a dash sets before a quotation is the writer's; the cue after the
    quotation speaks only the quotation."""
    start, end = content
    if cue[0] < end:
        return content
    q = next(((s, e) for s, e in ctx.quotations if start < s and end - 2 <= e <= end + 2), None)
    if q is None or ctx.text[start:q[0]].rstrip()[-1:] not in (":", "-", "—", "–"):
        return content
    return q[0], max(end, q[1])


def _next_sentence_content(ctx: _Context, cue: Token, subj: Token) -> tuple[int, int] | None:
    """"X said. No date is set…": a cue that ends its sentence speaks the next one.

    Only when nothing but adverbials follows the cue and the next sentence is in the same
    paragraph or opens the next one (machine-translated news breaks sentences there).
    """
    main = cue.dep_ == "ROOT" and cue.tag_ in ("VBD", "VBZ", "VBP") and not any(
        c.dep_ in ("auxpass", "agent") for c in cue.children)
    if not main and _as_saying_speaker(cue) is None:
        return None  # "… a war that continues.", "testifying before …", "was rejected by …"
    sent = ctx.sents[ctx.sent_of[cue.i]]
    lead = min(subj.left_edge.idx, cue.idx)
    if any(sent.start_char < e <= cue.idx or (e <= lead and not ctx.text[e:lead].strip())
           for _, e in ctx.quotations):
        # '“A,” she said. Meanwhile …' / '“A!” one person tweeted.' (the parser may end the
        # sentence at the quotation): the cue closes the quotation before it
        return None
    rest = [t for t in ctx.doc[cue.i + 1 : sent.end] if not t.is_punct and not t.is_space]
    if any(t.dep_ in ("dobj", "ccomp", "xcomp", "pobj") and t.head == cue for t in rest):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in rest) or len(rest) > 6:
        return None
    opened = next((ctx.quotation_at(t.idx) for t in rest if ctx.quotation_at(t.idx)), None)
    if opened is not None:
        return opened  # 'Novak replied, “Perhaps. …”': the quotation is the content
    end_tok = ctx.doc[sent.end - 1]
    if end_tok.text not in (".", ":") and not (end_tok.is_space and sent.end >= 2
                                               and ctx.doc[sent.end - 2].text in (".", ":")):
        return None
    n = ctx.sent_of[cue.i] + 1
    if n >= len(ctx.sents):
        return None
    nxt = ctx.sents[n]
    if ctx.paragraph(nxt.start_char) - ctx.paragraph(sent.start_char) > 2:
        return None  # the next paragraph at most (a blank line between is one paragraph)
    return _trim(ctx.doc, list(nxt))


def _end_at_quotation(ctx: _Context, content: tuple[int, int]) -> tuple[int, int]:
    """Content that opens with a quotation closed by a comma ends with that quotation.

    '“We'll see,” when asked …' / '“A,” Novak said, founder of …' / '“A,” and shared a
    link': a comma inside the closing mark hands the sentence back to the writer, so the
    narration after it is not the speaker's (unless another quotation follows).
    """
    start, end = content
    q = ctx.quotation_at(start)
    if q is None or q[0] != start or q[1] >= end:
        return content
    if ctx.text[q[0]:q[1]].rstrip("”\"»’' ")[-1:] != ",":
        return content
    if any(q[1] <= s < end for s, _ in ctx.quotations):
        return content  # '“A,” he said, “B.”': one utterance in two parts
    return start, q[1]


def _extend_to_quotation(ctx: _Context, content: tuple[int, int]) -> tuple[int, int]:
    """Stretch content over a quotation it starts or ends inside (multi-sentence quotes)."""
    start, end = content
    q = ctx.quotation_at(start)
    if q is not None and q[0] <= start:
        start = min(start, q[0])
        end = max(end, q[1]) if q[1] - start < 2000 else end
    q = ctx.quotation_at(max(end - 1, 0))
    if q is not None and q[1] > end:
        end = q[1]
    return start, _unclosed_run(ctx, end, reported=q is not None and q[0] > start)


def _unclosed_run(ctx: _Context, end: int, reported: bool = False) -> int:
    """End of a quotation that runs on over paragraphs.

    News convention: a quote that continues into the next paragraph leaves its paragraph
    without a closing mark and opens the next one with an opening mark. After reported
    words with a quoted tail ('X said the plan is “really a vague idea. ¶ “What we do …,”
    X said'), a next quotation closed by a comma has an attribution of its own: the
    first ends with its paragraph.
    """
    for _ in range(20):  # a bound on paragraphs, not a tuned value
        q = ctx.quotation_at(max(end - 1, 0))
        if q is None or q[1] != end or ctx.text[end - 1] in "”\"»'":
            return end
        nxt = next(((s, e) for s, e in ctx.quotations if s >= end), None)
        if nxt is None or ctx.text[end:nxt[0]].strip():
            return end
        if reported and ctx.text[nxt[0]:nxt[1]].rstrip("”\"»’' ")[-1:] == ",":
            return end
        end = nxt[1]
    return end


def _one_side(tokens: list[Token], lo: int, hi: int) -> list[Token]:
    """Content tokens on one side of a cue phrase (token indices lo..hi) that stands at an
    edge of its clause: "A rose, according to B." must not hold "according to B" (the
    parser often hangs the phrase on a noun, so the clause's range runs over it)."""
    left = [t for t in tokens if t.i < lo]
    right = [t for t in tokens if t.i > hi]
    if left and not any(t.is_alpha or t.like_num for t in right):
        return left
    if right and not any(t.is_alpha or t.like_num for t in left):
        return right
    return tokens


# Dependents of a clause's verb that lead into it without being what a source reports:
# connectives ("But", "However") and adverbial clauses ("While most were X, according to
# Y, two were Z": Y reports the main clause).
LEAD_IN_DEPS = frozenset({"cc", "advmod", "advcl", "mark", "punct"})


def _without_lead_in(tokens: list[Token], clause: Token, hi: int) -> list[Token]:
    """Content tokens without what leads into the clause before a mid-sentence cue phrase,
    when the clause's verb follows the phrase (index ``hi``)."""
    if clause.i <= hi or not any(t.i > hi for t in tokens):
        return tokens
    lead = {c.i for c in clause.children if c.i < hi and c.dep_ in LEAD_IN_DEPS}
    left = [t for t in tokens if t.i < hi]
    if not left or not lead:
        return tokens
    def opener(t: Token) -> int:
        while t.head != clause and t.head != t:
            t = t.head
        return t.i
    if all(opener(t) in lead for t in left):
        return [t for t in tokens if t.i > hi]
    return tokens


def _before_a_closing_source(tokens: list[Token], clause: Token, lo: int) -> list[Token]:
    """Content tokens before a source phrase (starting at index ``lo``) that follows its
    clause's verb: "X rose by a third, according to Y, a record for May" — what comes after
    the phrase is the writer's comment on the figure, not the source's. When the verb
    follows the phrase ("X, according to Y, rose …"), or a conjunction carries the claim on
    after it ("…, according to Y, and …"), the content runs around it."""
    if clause.i > lo:
        return tokens
    left = [t for t in tokens if t.i < lo]
    after = next((t for t in tokens if t.i > lo and t.is_alpha), None)
    if after is not None and after.dep_ in ("cc", "mark"):
        return tokens  # "…, according to Y, and there were …", "…, because …": the claim goes on
    return left if any(t.is_alpha for t in left) else tokens


DASHES = frozenset({"-", "--", "—", "–"})
SOURCE_WORDS = 8


def _source_dash(doc: Doc, to: Token) -> int | None:
    """Index of a spaced dash that ends the source after "according to" ("according to
    Minister Berg - …"), within a few words and before any comma or verb; not a hyphen
    inside a word ("Vellmar-based")."""
    for t in doc[to.i + 1 : min(to.i + 1 + SOURCE_WORDS, len(doc))]:
        if t.text in DASHES and t.i > to.i + 1 and doc[t.i - 1].whitespace_:
            return t.i
        if t.text in (",", ";", ":", ".") or t.pos_ in ("VERB", "AUX") or "\n" in t.text:
            return None
    return None


def _source_head(doc: Doc, start: int, end: int) -> Token | None:
    """The noun that heads a source phrase doc[start:end] whose parse runs past its end: the
    last noun whose head lies outside the phrase (English noun phrases end in their head)."""
    heads = [t for t in doc[start:end] if t.pos_ in ("NOUN", "PROPN", "PRON")
             and not start <= t.head.i < end]
    return heads[-1] if heads else None


def _around_source_dash(ctx: _Context, lo: int, dash: int) -> tuple[int, int] | None:
    """Content of a source phrase that a dash closes: the clause before the phrase ("A,
    according to X - B": B is the writer's next clause), or, when the phrase opens the
    sentence, what follows the dash, past an aside closed by a second dash ("According to
    X - a weekly paper - A")."""
    doc = ctx.doc
    sent = ctx.sents[ctx.sent_of[lo]]
    para = ctx.paragraph(doc[lo].idx)
    if any(not (t.is_punct or t.is_space) for t in doc[sent.start : lo]):
        rest = list(doc[sent.start : lo])
    else:
        second = next((t.i for t in doc[dash + 1 : sent.end] if t.text in DASHES and doc[t.i - 1].whitespace_), None)
        rest = list(doc[(second if second is not None else dash) + 1 : sent.end])
    rest = [t for t in rest if ctx.paragraph(t.idx) == para]
    if not any(t.pos_ in ("VERB", "AUX") for t in rest):
        return None
    return _trim(doc, rest)


def _closing_with_phrase(ctx: _Context, lo: int) -> tuple[int, int] | None:
    """"Fares rose, with 60 percent of riders paying more, according to the survey": a source
    phrase that closes a comma-set with-phrase reports the figure in that phrase, the
    constituent next to it, not the clause the figure comments on (PolNeAR train 0:500: 6
    gold spans won, 2 lost)."""
    doc = ctx.doc
    comma = lo - 1
    if comma < 2 or doc[comma].text != ",":
        return None
    tok = doc[comma - 1]
    while tok.head != tok and not (tok.dep_ == "prep" and tok.lower_ == "with"):
        tok = tok.head
    if tok.lower_ != "with" or tok.right_edge.i != comma - 1 or doc[tok.i - 1].text != "," \
            or ctx.sent_of[tok.i] != ctx.sent_of[lo]:
        return None
    obj = [t for c in tok.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
    if len(obj) < 3 or any(s < obj[-1].idx + 1 and e > obj[0].idx
                           for s, e in ctx.quotations_within(obj[0].idx, obj[-1].idx + 1)):
        return None  # a quoted phrase is someone's words, not a figure
    return _trim(doc, [t for t in doc[tok.i + 1 : comma]])


def _according_to(ctx: _Context) -> list[_Found]:
    """"According to X, …": the clause around the phrase, X the speaker."""
    found: list[_Found] = []
    doc = ctx.doc
    for i in token_indices(doc, "LOWER", lambda lower: lower == "according"):
        tok = doc[i]
        if ctx.in_quotation(tok):
            continue
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        if to is None and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if pobj is None:
            continue
        own = {t.i for t in tok.subtree} | {t.i for t in to.subtree}
        para = ctx.paragraph(tok.idx)
        dash = _source_dash(doc, to)
        if dash is not None:
            # "A, according to X - B" / "According to X - an aside - A": the dash ends the
            # source, which the parser often runs on into the words after it
            pobj = _source_head(doc, to.i + 1, dash) or pobj
            if pobj.i > dash:
                continue
            own = {tok.i, to.i} | set(range(to.i + 1, dash + 1))
            content = _around_source_dash(ctx, min(own), dash)
        else:
            content = _closing_with_phrase(ctx, min(own)) or _sentence_edge_content(ctx, min(own), max(own))
        if content is None:
            clause = tok.head
            while clause.dep_ not in ("ROOT", "ccomp", "conj") and clause.head != clause:
                clause = clause.head
            if _cue_class(clause) in ("say", "argue"):
                continue  # "according to media, X said …": the cue carries the quote
            tokens = [t for t in clause.subtree if t.i not in own and ctx.paragraph(t.idx) == para]
            tokens = _before_a_closing_source(tokens, clause, min(own))
            content = _trim(doc, _without_lead_in(_one_side(tokens, min(own), max(own)), clause, max(own)))
        if content is None:
            continue
        # 'According to the paper, “A. B.”': the quotation, not the parsed sentence, bounds it
        content = _extend_to_quotation(ctx, content)
        found.append(_make(ctx, content, tok, pobj, 0.9, (tok.idx, to.idx + len(to.text))))
    return found


def _to_someone(ctx: _Context) -> list[_Found]:
    """"To Varga, the levy is a betrayal": a sentence opened by "to" and a person or a body,
    set off by a comma, gives the rest of its clause as that one's view (as "in Varga's
    view" would). A hedge verb's clause ("To Varga, the plan seemed …") is _hedges' own."""
    found: list[_Found] = []
    doc = ctx.doc
    for sent in ctx.sents:
        i = sent.start
        while i < sent.end - 1 and (doc[i].is_space or doc[i].is_punct):
            i += 1  # the first word ('“To Varga, …' too)
        prep = doc[i]
        if prep.lower_ != "to" or prep.dep_ != "prep" or ctx.in_quotation(prep):
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.ent_type_ not in ("PERSON", "ORG"):
            continue
        after = pobj.right_edge.i + 1
        if after >= len(doc) or doc[after].text != ",":
            continue
        clause = prep.head
        while clause.dep_ not in ("ROOT", "ccomp", "conj") and clause.head != clause:
            clause = clause.head
        if _lemma(clause) in HEDGE_VERBS:
            continue
        own = {t.i for t in prep.subtree}
        para = ctx.paragraph(prep.idx)
        content = _trim(doc, [t for t in clause.subtree if t.i not in own and ctx.paragraph(t.idx) == para])
        if content is not None:
            found.append(_make(ctx, content, prep, pobj, ATTITUDE_CONFIDENCE, (prep.idx, pobj.idx + len(pobj.text))))
    return found


# Nouns of opinion measurements: "In a poll released Monday, 50 percent chose X" reports
# the poll's finding (news regularity, like "the poll showed").
POLL_NOUNS = frozenset({"poll", "survey"})


def _named_cue(ctx: _Context, tok: Token) -> bool:
    """Is the token a cue whose subject is a named person or organisation?"""
    if _cue_class(tok) is None:
        return False
    subj = _subject(tok)
    if subj is None or subj.pos_ != "PROPN":
        return False  # "40 percent of voters said": the respondents, heard through the poll
    m = ctx.mention_for(subj.idx, subj.idx + len(subj.text), subj.idx)
    return m is not None and m.kind in ("person", "organisation")


def _poll_findings(ctx: _Context) -> list[_Found]:
    """"In a new poll, X leads by ten points": a sentence that opens with "in" and a poll,
    set off by a comma, reports the poll's finding: an attribution with the poll as the
    source. (A poll phrase after the clause, "X leads in the polls", is mostly the writer's
    summary of the race: PolNeAR train annotates it in under 1 case in 4.)"""
    found: list[_Found] = []
    doc = ctx.doc
    for tok in _unquoted(ctx, POLL_NOUNS, ("NOUN",)):
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ != "in":
            continue
        sent = ctx.sents[ctx.sent_of[prep.i]]
        comma = next((t for t in doc[prep.right_edge.i + 1 : sent.end] if t.text == ","), None)
        if prep.i != sent.start or comma is None or comma.i - tok.i > ASIDE_TOKENS:
            continue
        para = ctx.paragraph(prep.idx)
        rest = [t for t in doc[comma.i + 1 : sent.end] if ctx.paragraph(t.idx) == para]
        if not any(t.pos_ in ("VERB", "AUX") for t in rest) or any(_named_cue(ctx, t) for t in rest):
            continue  # "In a poll of 800 voters, Novak's firm found …": the pollster reports it
        content = _trim(doc, rest)
        if content is not None and not any(t.pos_ in ("VERB", "AUX") for t in doc[prep.right_edge.i + 1 : comma.i]):
            found.append(_make(ctx, content, prep, tok, ATTITUDE_CONFIDENCE, (prep.idx, prep.idx + len(prep.text))))
    return found


# Verbs of seeming: "X seems to Y", "X appears ready" present the writer's impression, not a
# fact; PolNeAR annotates them as attributions with no named source (or the one after a
# fronted "To X, …": the one to whom it seems).
HEDGE_VERBS = frozenset({"seem", "appear"})
# Complements that make a seeming verb a hedge ("appears to have …", "seems stable", "appears
# a mistake"); "appeared on television" has none of them.
HEDGE_COMPLEMENTS = frozenset({"xcomp", "acomp", "attr", "oprd"})


def _hedges(ctx: _Context, found: list[_Found]) -> list[_Found]:
    """"The plan seems to work", "Voters appear tired": the subject and the complement of a
    seeming verb, attributed to no one (or to X in "To X, the plan seemed …"). Content a cue
    already reports ("Novak said the plan seems to work") is left to that cue."""
    extra: list[_Found] = []
    doc = ctx.doc
    covered = [(f.start, f.end) for f in found]
    for tok in _unquoted(ctx, HEDGE_VERBS, ("VERB", "AUX")):
        comp = next((c for c in tok.children if c.dep_ in HEDGE_COMPLEMENTS and c.i > tok.i), None)
        if comp is None or (comp.pos_ in ("VERB", "AUX")
                            and not any(a.dep_ == "aux" and a.lower_ == "to" for a in comp.children)):
            continue  # "appeared smiling", "appeared on stage": no judgement is hedged
        subj = _subject(tok)
        if subj is None or subj.i > tok.i or subj.lower_ in ("it", "this"):
            continue  # "It seems unfair to …": no one's view, and PolNeAR rarely marks it
        para = ctx.paragraph(tok.idx)
        lo = subj.left_edge.i if subj.head == tok else subj.i
        tokens = [t for t in doc[lo : comp.right_edge.i + 1]
                  if ctx.paragraph(t.idx) == para and (t.i >= tok.i or t.i in {s.i for s in subj.subtree})]
        content = _trim(doc, _drop_asides(ctx, tokens))
        if content is None or _covered(content, covered):
            continue
        to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" and c.i < tok.i), None)
        judge = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        extra.append(_make(ctx, _extend_to_quotation(ctx, content), tok, judge, ATTITUDE_CONFIDENCE))
    return extra


def _sentence_edge_content(ctx: _Context, lo: int, hi: int) -> tuple[int, int] | None:
    """"A, according to B." / "According to B, A.": a source phrase that opens or closes its
    sentence is about the whole rest of the sentence, wherever the parser hung it (and
    over a cue inside: "“…,” X said, according to the Sun" is the Sun's report of X)."""
    doc = ctx.doc
    sent = ctx.sents[ctx.sent_of[lo]]
    para = ctx.paragraph(doc[lo].idx)
    after = [t for t in doc[hi + 1 : sent.end] if not (t.is_punct or t.is_space)]
    before = [t for t in doc[sent.start : lo] if not (t.is_punct or t.is_space)]
    if after and before:
        return None  # in mid-sentence: the parse decides
    rest = list(doc[sent.start : lo]) if before else list(doc[hi + 1 : sent.end])
    rest = [t for t in rest if ctx.paragraph(t.idx) == para]  # _trim drops edge punctuation
    if not any(t.pos_ in ("VERB", "AUX") for t in rest):
        return None
    content = _trim(doc, rest)
    if before and content is not None:
        content = _with_asked_quotation(ctx, content, rest)
    return content


def _with_asked_quotation(ctx: _Context, content: tuple[int, int], rest: list[Token]) -> tuple[int, int]:
    """'“Who pays for it?” Novak asked, according to the transcript': spaCy ends a sentence
    at a question or exclamation mark inside a quotation, so the sentence the source phrase
    closes is only "Novak asked"; the quotation those words attribute is part of what the
    source reports (PolNeAR marks the two together). Only when the words left are a bare
    cue of saying, with no reported clause or object of their own."""
    start = content[0]
    q = next((q for q in reversed(ctx.quotations_within(max(0, start - 2000), start)) if q[1] <= start), None)
    if q is None or ctx.text[q[1]:start].strip() or ctx.paragraph(q[0]) != ctx.paragraph(start):
        return content
    if ctx.text[q[0]:q[1]].rstrip("”\"»’' ")[-1:] not in ("?", "!"):
        return content
    cues = [t for t in rest if t.pos_ == "VERB" and _cue_class(t) in SPEECH_CLASSES]
    if len(cues) != 1 or any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in cues[0].children):
        return content
    return q[0], content[1]


def _quotation_pass(ctx: _Context, found: list[_Found]) -> list[_Found]:
    """Quotations no cue covered that sit next to a cue clause ("“B,” he said" / "he said: “B”")."""
    # a quotation that only a verb outside the lexicon covers ("… is airing an ad in
    # which he declares, “…”" gives "airing" the quotation) may still have a speech cue
    covered = [(f.start, f.end) for f in found if f.confidence > CLAUSE_CONFIDENCE]
    weak = [(f.start, f.end) for f in found if f.confidence <= CLAUSE_CONFIDENCE]
    extra: list[_Found] = []
    for qs, qe in ctx.quotations:
        if _covered((qs, qe), covered) or _words(ctx.text[qs:qe]) < 1:
            continue  # one word is enough next to a cue: “Tuesday,” he answered.
        credited = _dash_credited(ctx, qs, qe) or _bracket_credited(ctx, qs, qe)
        cue = None if credited else _adjacent_cue(ctx, qs, qe)
        if (cue is not None or credited is not None) and _covered((qs, qe), weak):
            found[:] = [f for f in found if f.confidence > CLAUSE_CONFIDENCE
                        or not _covered((qs, qe), [(f.start, f.end)])]
        elif _covered((qs, qe), weak):
            continue
        if cue is None:
            f = credited or _colon_introduced(ctx, qs, qe) or _turn_taken(ctx, qs, qe)
            if f is not None:
                extra.append(f)
                covered.append((qs, qe))
            continue
        tok, subj = cue
        extra.append(_make(ctx, (qs, qe), tok, subj, 0.9))
        covered.append((qs, qe))
    return extra


CREDIT_DASHES = frozenset({"-", "--", "—", "–", "―"})  # "―" (U+2015): some outlets' dash
# punctuation and at most one line break, or a blank line: the credit may be a paragraph of
# its own under a quotation that is one too ('“…”' / '' / '- Name.')
CREDIT_GAP = re.compile(r"[ \t\xa0.,]*(?:\n[ \t\xa0]*){0,2}")
CREDIT_WORDS = 20
CREDIT_NAME_TOKENS = 6
CREDIT_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _dash_credited(ctx: _Context, qs: int, qe: int) -> _Found | None:
    """'“We will rebuild.” ― Marta Quillen' / '“…” — Jan Novak, mayor of Vellmar': a
    quotation credited by a dash and a name (pull quotes, epigraphs, lists of quotations)
    is the words of the one named after the dash. The credit is a line's last words and
    says nothing itself: a verb in it ('“…” — Novak said the plan …') makes it a sentence
    of narration, which other rules read."""
    text = ctx.text
    i = CREDIT_GAP.match(text, qe).end()
    dash = text[i : i + 2] if text.startswith("--", i) else text[i : i + 1]
    if dash not in CREDIT_DASHES:
        return None
    start = i + len(dash)
    gap = text[qe:i]
    if gap.count("\n") > 1 and not _whole_paragraph(ctx, qs):
        return None  # after a blank line only a quotation standing alone gets a credit
    end = _paragraph_end(ctx, ctx.paragraph(start))
    line = text[start:end]
    # "—Novak" closes up with a long dash, or with any dash that opens a line ("-Novak"
    # under the quotation); elsewhere "-based" is a hyphen
    closed_up = dash in ("—", "―") or ("\n" in gap and (line[:1].isupper() or line[:1] == "@"))
    if not (line[:1].isspace() or closed_up) or _words(line) > CREDIT_WORDS \
            or line.rstrip().endswith(tuple(CREDIT_DASHES)):
        # "– An immigrant himself –": a section title between dashes, no credit
        return None
    credit = ctx.doc.char_span(start, len(text[:end].rstrip()), alignment_mode="contract")
    if credit is None or not len(credit):
        return None
    if any(t.tag_ in CREDIT_VERB_TAGS and t.text not in CREDIT_DASHES and not ctx.in_quotation(t) for t in credit):
        return None
    name = list(credit[:CREDIT_NAME_TOKENS])
    cut = next((n for n, t in enumerate(name) if t.is_punct or t.is_space), len(name))
    name = name[:cut]
    if not name:
        return None
    # the credit may open with a role in lower case ("— former mayor Jan Novak"): the
    # person's mention is then the name at its end
    m = ctx.mention_for(name[0].idx, name[-1].idx + len(name[-1].text), name[0].idx)
    if m is not None and m.kind in ("person", "organisation") and not m.text.startswith(tuple(CREDIT_DASHES)):
        ms, me = ctx.body_range(m)
        return _Found(qs, qe, "direct", m, (ms, me), m.text, m.key, (i, start), dash, 0.8)
    if m is not None and m.kind == "person" and ctx.body_range(m)[0] < start <= name[0].idx:
        # "―Olena Varga": the tokenizer leaves a closed-up bar on the first name, and the
        # mention with it; the name is the words after the bar
        hi = min(ctx.body_range(m)[1], name[-1].idx + len(name[-1].text))
        return _Found(qs, qe, "direct", None, (start, hi), text[start:hi], text[start:hi], (i, start), dash, 0.8)
    if (name[0].text[:1].isupper() or name[0].text.startswith("@")) and all(t.pos_ == "PROPN" for t in name):
        # a name the mentions missed, or a handle ("― @jnovak"): the words themselves
        lo, hi = name[0].idx, name[-1].idx + len(name[-1].text)
        return _Found(qs, qe, "direct", None, (lo, hi), text[lo:hi], text[lo:hi], (i, start), dash, 0.8)
    return None


def _whole_paragraph(ctx: _Context, qs: int) -> bool:
    """Whether the quotation opening at ``qs`` opens its paragraph (only blanks and quote
    marks before it): a pull quote or list item, not narration that ends in a quotation."""
    return not ctx.text[ctx.paragraphs[ctx.paragraph(qs)] : qs].strip(" \t\n\xa0“\"«‘'")


BRACKET_CREDIT = re.compile(r"\[[^\[\]\n]{1,60}\]\s*$")
CAPS_LEAD_CHARS = 120


def _bracket_credited(ctx: _Context, qs: int, qe: int) -> _Found | None:
    """'TOLLS TO RISE ON THE FERRY “The board voted to …” [Courier.]': in a newsletter's
    digest an item opens with a headline in capitals, quotes an excerpt and closes with the
    outlet in brackets; the excerpt is credited to the headline it stands under (PolNeAR's
    convention; the bracket is the cue)."""
    para = ctx.paragraph(qs)
    pstart, pend = ctx.paragraphs[para], _paragraph_end(ctx, para)
    lead = ctx.text[pstart:qs].strip()
    if not lead or len(lead) > CAPS_LEAD_CHARS or _words(lead) < 2 or any(c.islower() for c in lead):
        return None
    credit = BRACKET_CREDIT.search(ctx.text, qe, pend)
    if credit is None:
        return None
    lo = pstart + len(ctx.text[pstart:qs]) - len(ctx.text[pstart:qs].lstrip())
    hi = lo + len(lead)
    cue_end = len(ctx.text[: credit.end()].rstrip())
    return _Found(qs, qe, "direct", None, (lo, hi), lead, lead, (credit.start(), cue_end),
                  ctx.text[credit.start() : cue_end], 0.7)


def _colon_introduced(ctx: _Context, qs: int, qe: int) -> _Found | None:
    """'The board was firm in its findings: “…”' / 'From the report: “…”' / 'Novak released
    this statement:' closing a paragraph and '“…”' opening the next: a quotation that a
    colon introduces belongs to the actor the clause before the colon is about, even with
    no speech verb: the clause's subject when it is a named actor, else the last one named.
    """
    if _words(ctx.text[qs:qe]) < MIN_CLAUSE_WORDS:
        return None  # titles and labels after a colon are not speech
    i = qs - 1
    while i >= 0 and ctx.text[i].isspace():  # a no-break space too ("1992:\xa0“…”")
        i -= 1
    # the colon may close the paragraph before: "X released the following statement:" and
    # the quotation as a paragraph of its own (a blank line between is one paragraph)
    if i < 0 or ctx.text[i] != ":" or ctx.paragraph(qs) - ctx.paragraph(i) > 2:
        return None
    lead = ctx.doc.char_span(ctx.paragraphs[ctx.paragraph(i)], i, alignment_mode="contract")
    if lead is None or len(lead) == 0:
        return None
    sent = ctx.sents[ctx.sent_of[lead[-1].i]]
    clause = [t for t in lead if t.i >= sent.start and not ctx.in_quotation(t)]
    if not clause or len(clause) > 30:
        return None
    subjects = [t for t in clause if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
    # "As the Ledger reported after the ministry closed the file:" / "As X reported, Y was
    # refusing to act:": the one a speech verb before the colon has speak is the source
    # of what it introduces, not a name in an adverbial clause or the reported clause
    reporters = [t for t in reversed(clause) if t.dep_ == "nsubj" and _cue_class(t.head) in SPEECH_CLASSES
                 and clause[0].i <= t.head.i <= clause[-1].i]
    cands = reporters + subjects + [t for t in reversed(clause) if t.pos_ == "PROPN" or t.lower_ in ("report", "statement")]
    if reporters and reporters[0].pos_ in ("NOUN", "PROPN", "PRON") and reporters[0].lower_ not in RELATIVES:
        # "the port committee said about the plan:": the one who said it speaks, named or
        # not, rather than a name in what the clause is about
        mention, srange, stext, skey = _speaker_fields(ctx, reporters[0])
        return _Found(qs, qe, "direct", mention, srange, stext, skey, (i, i + 1), ":", 0.8)
    # the parser may hang the clause before the colon on a verb of the quotation
    mains = subjects + [t for t in clause if t.dep_ == "nsubj" and t.head.dep_ == "ccomp"
                        and t.head.head.i > t.head.i and ctx.in_quotation(t.head.head)]
    person = next((t for t in mains if t.dep_ == "nsubj" and t.pos_ == "NOUN" and (
        is_role_noun(t) or t.lemma_.lower() in _PERSON_NOUNS or _appositive_person(ctx, t) is not None)), None)
    if person is not None:
        # "One early backer, Rep. Lena Ostrova, tried the line in an interview with Fox:":
        # the person the clause is about speaks, not a name in one of its phrases
        mention, srange, stext, skey = _speaker_fields(ctx, person)
        return _Found(qs, qe, "direct", mention, srange, stext, skey, (i, i + 1), ":", 0.8)
    for tok in cands:
        m = ctx.mention_for(tok.idx, tok.idx + len(tok.text), tok.idx)
        if m is None or m.kind not in ("person", "organisation"):
            continue
        ms, me = ctx.body_range(m)
        return _Found(qs, qe, "direct", m, (ms, me), m.text, m.key, (i, i + 1), ":", 0.8)
    source = next((t for t in subjects + cands if t.lemma_.lower() in SOURCE_NOUNS and t.pos_ == "NOUN"), None)
    if source is not None:  # "From the report: “…”", "The statement read: “…”": an unnamed source
        mention, srange, stext, skey = _speaker_fields(ctx, source)
        return _Found(qs, qe, "direct", mention, srange, stext, skey, (i, i + 1), ":", 0.7)
    return None


def _adjacent_cue(ctx: _Context, qs: int, qe: int) -> tuple[Token, Token] | None:
    """A speech cue with its subject in the few words right after or right before a quotation."""
    doc = ctx.doc
    after = doc.char_span(qe, min(len(ctx.text), qe + 80), alignment_mode="contract")
    attributive = ctx.text[max(qs, qe - 4):qe].rstrip("”\"»’' ").endswith((",", "?", "!", "—", "-"))
    if after is not None and attributive:
        found = _trailing_attribution(ctx, after, qe) or _name_then_verb(ctx, qe)
        if found is not None and (_cue_class(found[0]) in SPEECH_CLASSES or not _after_a_word(ctx, qs)):
            return found
    if after is not None:
        for tok in after[:6]:
            if tok.text in ("“", "\"", "«", "''") or "\n" in tok.text or ctx.in_quotation(tok):
                break
            if _cue_class(tok) in ("say", "argue", "warn", "deny") and not _work_by(tok):
                subj = _subject(tok) or _name_before(ctx, tok)
                if (subj is not None and subj.idx >= qe and not _expletive(subj)
                        and not any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > tok.i for c in tok.children)
                        and not _opens_later(after, min(subj.left_edge.i, tok.i))
                        and not _introduces_next(ctx, tok)):
                    # '“B.” She noted a rally …': a cue with a complement of its own
                    # speaks that, not the quotation before it
                    return tok, subj
    before = doc.char_span(max(0, qs - 80), qs, alignment_mode="contract")
    if before is not None and before.text.rstrip().endswith(":") and "\n" in before.text:
        # "Said Novak:" closing one paragraph, the quotation opening the next
        lead = before.text.rstrip()
        cut = lead.rfind("\n", 0, len(lead) - 1)
        if "\n" not in lead[cut + 1 :]:
            before = doc.char_span(before.start_char + cut + 1, qs, alignment_mode="contract") or before
    if before is None:
        return None
    toks = [t for t in before if not ctx.in_quotation(t)]
    while toks and toks[-1].is_space:
        toks.pop()
    introduces = before.text.rstrip().endswith((":", ","))
    if toks and _cue_class(toks[-1]) == "say":
        introduces = True  # '…, writing “…”' / 'saying “…”': the speech verb opens the quotation
    first = doc.char_span(qs, qe, alignment_mode="contract")
    for tok in reversed(toks[-LEAD_CUE_TOKENS:]):
        if tok.text in ("”", "\"", "»", "''") or "\n" in tok.text:
            break
        if tok.text in DASHES and tok.whitespace_ and tok.i > 0 and doc[tok.i - 1].whitespace_ \
                and before.text.rstrip().endswith(":"):
            break  # "Rolls shrink - Harbour Research: “…”": the label after the dash speaks
        if _cue_class(tok) not in SPEECH_CLASSES and not (tok.pos_ == "VERB" and first is not None
                                                          and (_governs(tok, first) or introduces
                                                               and _ends_at_the_mark(tok, toks[-1])
                                                               and _hung_in(tok, first))
                                                          and _is_clause(ctx, qs, qe)):
            # "If Moscow decides to reply, “…”": only speech cues introduce; another verb
            # only a quoted clause it governs ('boomed: “Let's …”'), never a quoted title
            # or phrase ('hosts “Last Week Tonight”', 'launched the “… initiative”')
            continue
        if tok.lemma_ == "tell" and not introduces and _programme_title(ctx.text[qs:qe]):
            break  # 'told ABC's “Good Morning America.”': the programme is who was told
        if introduces or (first is not None and _governs(tok, first)):
            subj = _outside_subject(ctx, tok)
            if subj is not None and not _expletive(subj):
                return tok, subj
    return None


def _programme_title(quoted: str) -> bool:
    """A quoted name of a few capitalised words ('“Good Morning Varenia,”', '“Fox and
    Friends.”', the stop inside the marks in American style): a programme or a publication,
    not words someone said."""
    words = re.findall(r"[A-Za-z][\w'’-]*", quoted)
    return (0 < len(words) <= 6 and words[0][0].isupper()
            and all(w[0].isupper() for w in words if len(w) > 3))


def _ends_at_the_mark(verb: Token, mark: Token) -> bool:
    """'…, and then boomed, “…”' / 'X called over her shoulder, “…”': does the verb's own
    phrase end right at the comma or colon that introduces a quotation (the parser often
    hangs such a verb inside the quotation, so it governs nothing there)? Not a verb of an
    adverbial clause ('When the vote ended, “…”'): that clause only sets the scene."""
    if mark.text not in (",", ":") or verb.right_edge.i != mark.i - 1 or verb.dep_ == "advcl" \
            or any(c.dep_ == "mark" for c in verb.children):
        return False
    # nor one inside a condition ('If Moscow decides to send a reply, “…”': the quotation is
    # the speaker's own consequence, not what the verb's subject would say)
    tok = verb
    while tok.head != tok and tok.head.i < mark.i:
        tok = tok.head
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in tok.children):
            return False
    return True


def _hung_in(verb: Token, quoted: SpacySpan) -> bool:
    """Did the parser hang the verb (or the clause it is part of) inside the quotation after
    it, making the quoted verb the sentence's root? That inversion is how the small model
    reads 'X boomed, “…”' when it does not know "boomed" for a verb of saying."""
    return any(quoted.start <= a.i < quoted.end for a in verb.ancestors)


def _introduces_next(ctx: _Context, cue: Token) -> bool:
    """Does the cue clause after a quotation end in a colon ('“B.” She went on to tell them:' and
    the next quotation after it)? Such a clause introduces what follows, not the quotation
    before it, which stays with the quote it continues."""
    end = cue.idx + len(cue.text)
    line_end = ctx.text.find("\n", end)
    rest = ctx.text[end : len(ctx.text) if line_end < 0 else line_end]
    stop = min((i for i in (rest.find(m) for m in (".", "“", "\"")) if i >= 0), default=len(rest))
    clause = rest[:stop].rstrip()
    return clause.endswith(":") and _words(clause) <= CUE_CLAUSE_WORDS


def _opens_later(after: SpacySpan, start: int) -> bool:
    """Do words stand between a quotation and the cue clause after it ('“….” That is why,
    he added, …')? The cue is set into a sentence of its own and reports that sentence."""
    return any(not t.is_punct and not t.is_space for t in after if t.i < start)


def _outside_subject(ctx: _Context, verb: Token) -> Token | None:
    """The speaker of a cue that introduces a quotation, never a word of the quotation.

    The small model often hangs the cue on a verb inside the quotation ('X, telling the
    crowd, “Some people get …”' makes "people" its subject) or leaves it with no subject
    ('…, then leaned in and boomed: “…”'); the nearest clause above the cue, in the same
    sentence and outside quotations, that has a subject names the speaker.
    """
    subj = _subject(verb) or _name_before(ctx, verb)
    if subj is not None and not ctx.in_quotation(subj):
        return subj
    sent = ctx.sent_of[verb.i]
    tok = verb
    for _ in range(6):  # a bound on parse depth, not a tuned value
        if tok.head == tok or ctx.sent_of[tok.head.i] != sent:
            return None
        tok = tok.head
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")
                     and not ctx.in_quotation(c) and c.i < verb.i), None)
        if subj is not None:
            return _clause_subject_before(verb, subj) or subj
    return None


def _name_then_verb(ctx: _Context, qe: int) -> tuple[Token, Token] | None:
    """'“…,” Ramos, 58, told AFP' / '“…,” Novak, the farm's owner since 1990, said': after an
    attributive quotation, a name (or a person noun) and then a verb of the same sentence,
    with an apposition between that the parser did not hang on the verb."""
    doc = ctx.doc
    span = doc.char_span(qe, min(len(ctx.text), qe + 300), alignment_mode="contract")
    if span is None:
        return None
    toks = [t for t in span if not t.is_space]
    if not toks or "\n" in ctx.text[qe:toks[0].idx]:
        return None
    first = toks[0]
    mention = ctx.mention_for(first.idx, first.idx + len(first.text), first.idx)
    named = mention is not None and mention.kind in ("person", "organisation")
    if not named and not (first.pos_ in ("DET", "NOUN", "PROPN") and any(
            t.lemma_.lower() in SOURCE_NOUNS for t in toks[:3])):
        return None
    for n, tok in enumerate(toks[1:40], 1):
        if "\n" in tok.text or tok.text in ("“", "\"", "«", "''", ".", ";") or ctx.in_quotation(tok):
            return None
        if tok.pos_ != "VERB" or tok.tag_ not in ("VBD", "VBZ", "VBP"):
            continue
        if n > 6 and _cue_class(tok) not in SPEECH_CLASSES:
            return None  # far from the name, only a speech verb is still its cue
        return tok, (first if named else next(t for t in toks[:3] if t.lemma_.lower() in SOURCE_NOUNS))
    return None


def _work_by(verb: Token) -> bool:
    """A passive participle with its agent on a noun ('“Velm Revealed,” a biography written
    by Kaller'): the noun names the work the quotation is the title of; no one speaks it."""
    return verb.dep_ == "acl" and any(c.dep_ == "agent" for c in verb.children)


def _after_a_word(ctx: _Context, qs: int) -> bool:
    """Does a word of the same line stand right before the quotation ('In “Storm Over
    Estovia,” Kaller plays …', 'will publish “Velm Revealed,” a biography written by …')?
    Such a quotation is a phrase of the sentence, a title or a name, so the verb after it is
    its attribution only when it is a speech verb; a quotation that opens its clause makes
    any verb after the attributive comma one ('“…,” Novak snapped')."""
    line = ctx.text[max(0, qs - 40):qs].rsplit("\n", 1)[-1].rstrip()
    return bool(line) and line[-1].isalnum()


def _governs(verb: Token, quoted: SpacySpan) -> bool:
    """Is the quotation the verb's object or clause ('She declared “We won!”')?"""
    # the verb's children, not the quotation's tokens: a verb has a few, a quotation many
    return any(quoted.start <= c.i < quoted.end and c.dep_ in ("dobj", "ccomp", "xcomp", "oprd", "attr", "npadvmod")
               for c in verb.children)


def _trailing_attribution(ctx: _Context, after: SpacySpan, qe: int) -> tuple[Token, Token] | None:
    """"“…,” Novak snapped" / "“…?” asked Novak": the clause right after an attributive quotation.

    Any verb counts here (snapped, urged, quipped): the comma inside the closing mark is what
    makes the following clause an attribution.
    """
    toks = [t for t in after[:4] if not t.is_punct and not t.is_space]
    if not toks or "\n" in ctx.text[qe:toks[0].idx]:
        return None
    first = toks[0]
    if first.pos_ == "VERB" and first.dep_ != "aux":  # inversion: "said Novak"
        subj = _subject(first)
        if subj is None and (_cue_class(first) in SPEECH_CLASSES or first.tag_ in ("VBD", "VBZ")):
            # '“…,” added a state official' / '“…,” said the woman, who …': the parser takes
            # the inverted subject for an object or hangs it elsewhere; it is the noun
            # phrase right after the cue
            subj = _noun_phrase_head(first)
        if subj is not None and subj.i > first.i and not _expletive(subj):
            return first, subj
        return None
    for verb in after[:14]:
        if "\n" in verb.text or verb.text in ("“", "\"", "«", "''"):
            break
        if _mistagged_cue(verb, first):
            # '“…,” the editorial read.': the tagger took the cue for a noun, the phrase
            # before it for its modifiers; that phrase is the speaker
            return verb, ctx.doc[verb.i - 1]
        if verb.pos_ != "VERB":
            continue
        if _new_sentence(ctx, first, qe) and _cue_class(verb) not in SPEECH_CLASSES:
            break  # '“…!” The drama follows …': narration again, not an attribution
        if _work_by(verb):
            break
        subj = _subject(verb)
        if subj is None and verb.dep_ == "acl" and verb.head.i < verb.i and _cue_class(verb) in SPEECH_CLASSES:
            # '“…?” the fisherman asked in a video': a past tense after an attributive
            # quotation is the cue, though the parser took it for a participle
            # modifying the noun phrase that is its subject
            subj = verb.head
        if subj is not None and subj.left_edge.i <= first.i <= subj.i and not _expletive(subj):
            return verb, subj
        break
    return None


def _new_sentence(ctx: _Context, first: Token, qe: int) -> bool:
    """Does a new sentence open after a quotation ending in "?" or "!" ('“…!” The show …')?
    A capitalised common word, not a name or a pronoun, starts it; '“…?” the crowd asked'
    and '“…!” Novak shouted' stay attributions."""
    ending = ctx.text[max(0, qe - 4):qe].rstrip("”\"»’' ")
    # a capitalised bare singular noun ("Hannity pressed") is a name the tagger missed
    return (ending.endswith(("?", "!")) and first.text[:1].isupper() and first.pos_ not in ("PROPN", "PRON")
            and not first.ent_type_ and first.tag_ != "NN")


def _inverted_subject(verb: Token) -> Token | None:
    """"The contrast, said Kaller and others, would be stark": a verb of saying right after a
    comma, with a noun phrase right after it that a comma or a stop closes, is a quotative
    inversion; the phrase is its subject (a subject is not set off from its verb by one
    comma, so the parser's subject before the comma belongs to the reported clause). A
    person before the comma is the subject, the comma closing an apposition."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != "," or SPEECH_VERBS.get(_lemma(verb)) != "say" \
            or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    if any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children) and _animate_subject(verb):
        return None  # "X, the minister's aide, said Sunday …": the comma closes X's apposition
    head = _noun_phrase_head(verb)
    if head is None or head.dep_ == "dobj" and head.head == verb or head.ent_type_ in ("DATE", "TIME"):
        return None
    last = max(t.i for t in head.subtree if not t.is_punct and t.i >= head.i)
    if last + 1 >= len(doc) or doc[last + 1].text not in (",", ".", ";"):
        return None
    return head


def _interjected(subj: Token) -> bool:
    """Does a comma close the inverted subject's phrase, the reported clause going on after
    it ("…, said Kaller, would be stark"), rather than a stop ending the sentence?"""
    last = max(t.i for t in subj.subtree if not t.is_punct and t.i >= subj.i)
    return last + 1 < len(subj.doc) and subj.doc[last + 1].text == ","


def _mistagged_name(tok: Token, verb: Token) -> bool:
    """'“…,” said Skelly, explaining …': a capitalised word right after a verb, inside its
    sentence and closed by a comma or a stop, is a name, whatever the tagger made of it (an
    unfamiliar surname comes out as an adverb or an adjective)."""
    doc = tok.doc
    return (tok.i == verb.i + 1 and tok.is_alpha and tok.text[:1].isupper() and not tok.is_sent_start
            and tok.pos_ in ("ADV", "ADJ", "VERB", "X", "INTJ") and not tok.ent_type_ in ("DATE", "TIME")
            and tok.i + 1 < len(doc) and doc[tok.i + 1].text in (",", ".", ";"))


def _noun_phrase_head(verb: Token) -> Token | None:
    """The last noun of the noun phrase right after a verb ("said [the county official]")."""
    head = None
    for tok in verb.doc[verb.i + 1 : verb.i + 7]:
        if tok.pos_ in ("NOUN", "PROPN") or _mistagged_name(tok, verb) \
                or head is None and tok.lower_ in ("one", "another") and tok.i == verb.i + 1:
            head = tok  # '“…,” read one.': a pronoun of the signs or voices named before
        elif tok.pos_ not in ("DET", "ADJ", "NUM") or head is not None:
            break
    return head


def _mistagged_cue(tok: Token, first: Token) -> bool:
    """A speech verb tagged as the head noun of the phrase after a quotation ("the email
    read", "the statement said"): a past-tense form ending the clause, with the phrase
    from ``first`` as its dependents."""
    doc = tok.doc
    if tok.pos_ != "NOUN" or tok.i <= first.i or SPEECH_VERBS.get(tok.lemma_.lower()) != "say" \
            or tok.i + 1 >= len(doc):
        return False
    after = doc[tok.i + 1]
    if tok.tag_ != "NNS" and all(t.head == tok for t in doc[first.i : tok.i]) and after.text in (".", ",", ";"):
        return True
    # '“…,” the officials state in a paper' / '…, a voice-over in the ad states.': a present
    # tense taken for a noun (a plural one, or one after a plural subject), after a short
    # noun phrase, before a stop or a preposition
    present = tok.tag_ == "NNS" or doc[tok.i - 1].tag_ in ("NNS", "NNPS")
    return (tok.text.islower() and present and tok.i - first.i <= 8
            and (after.text in (".", ",", ";") or after.dep_ == "prep")
            and all(t.pos_ in NOUN_PHRASE_POS and t.text not in (",", ";", ".") for t in doc[first.i : tok.i]))


# Parts of speech of the words of a short noun phrase ("a voice-over in the ad").
NOUN_PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "ADP", "NUM", "PUNCT"})


# --- title-case headlines ---------------------------------------------------------------------
#
# Why: in a headline Set In Title Case ("Varga Says Rivals Rigged Vote, Calls Deal ‘Reckless’",
# "Taxes Are ‘Too High,’ Varga Tells Forum") the small model reads every word as a proper
# noun, so the verbs are neither tagged nor parsed as cues. A capitalised third-person form of
# a lexicon verb right after a name is the cue; the name is the speaker, and the content is
# what follows up to a comma or the next such verb, or, for a say/tell verb after a comma,
# the words before that comma. Such a cue only fills a gap: where the parse found a quote
# over the same words, that one stays.
TITLE_MAX_CHARS = 160
TITLE_ADVERBS = frozenset("now finally also again just still quietly formally officially openly"
                          " publicly reportedly".split())
TITLE_JOINERS = frozenset({"and", "but", ","})
TITLE_SPEAKER_TOKENS = 6
TITLE_CLASSES = frozenset(SPEECH_CLASSES | {"call", "evaluate", "stance"})
_TITLE_WORD = re.compile(r"[A-Za-z][\w’'-]*")


def _title_case(line: str) -> bool:
    """Whether a line is a headline in title case: every word longer than three letters is
    capitalised, and it has a few of them."""
    words = _TITLE_WORD.findall(line)
    long = [w for w in words if len(w) > 3]
    return len(words) >= 3 and len(long) >= 2 and all(w[0].isupper() for w in long)


def _title_verb_lemma(tok: Token) -> str | None:
    """The lexicon lemma of a capitalised third-person verb form ("Says", "Denounces",
    "Denies"), or None."""
    text = tok.text
    if len(text) < 4 or not text[0].isupper() or not text[1:].islower() or not text.endswith("s"):
        return None
    low = text.lower()
    for lemma in (low[:-3] + "y" if low.endswith("ies") else "", low[:-1], low[:-2] if low.endswith("es") else ""):
        if lemma and SPEECH_VERBS.get(lemma) in TITLE_CLASSES:
            return lemma
    return None


def _title_speaker(toks: list[Token], n: int) -> list[Token]:
    """The capitalised words right before the verb ``toks[n]`` (an adverb between skipped):
    the name of who speaks, or [] when a comma, quote mark or the line's start comes first."""
    i = n - 1
    while i >= 0 and toks[i].lower_ in TITLE_ADVERBS:
        i -= 1
    run: list[Token] = []
    while i >= 0 and len(run) <= TITLE_SPEAKER_TOKENS and (toks[i].text[:1].isupper() or toks[i].lower_ in ("’s", "'s")):
        if _title_verb_lemma(toks[i]) is not None:
            return []
        run.insert(0, toks[i])
        i -= 1
    if not run or len(run) > TITLE_SPEAKER_TOKENS or run[0].lower_ in ("’s", "'s") or run[-1].lower_ in ("’s", "'s"):
        return []  # "Varga’s Attacks On …": a possessive makes the word a noun
    return run


def _title_headline_pass(ctx: _Context, found: list[_Found]) -> list[_Found]:
    """Quotes of a title-case headline's cues (see above) that no earlier finding overlaps."""
    end = _paragraph_end(ctx, 0)
    line = ctx.text[:end].rstrip()
    if not line or len(line) > TITLE_MAX_CHARS or ":" in line or not _title_case(line):
        return []  # "Varga: …" and "Varga Slams X: …" are the colon pass's
    span = ctx.doc.char_span(0, len(line), alignment_mode="contract")
    if span is None:
        return []
    toks = [t for t in span if not t.is_space]
    extra: list[_Found] = []
    last: list[Token] = []
    for n, tok in enumerate(toks):
        lemma = _title_verb_lemma(tok)
        if lemma is None or n == 0:
            continue
        speaker = _title_speaker(toks, n)
        if not speaker and last and toks[n - 1].lower_ in TITLE_JOINERS:
            speaker = last  # "Varga Backs A And Denounces B": the same subject
        if not speaker:
            continue
        last = speaker
        content = _title_content(toks, n, speaker, lemma)
        if content is None:
            continue
        cls = SPEECH_VERBS[lemma]
        confidence = 0.9 if cls in SPEECH_CLASSES else ATTITUDE_CONFIDENCE
        lo, hi = speaker[0].idx, speaker[-1].idx + len(speaker[-1].text)
        m = ctx.mention_for(lo, hi, speaker[-1].idx)
        if m is not None and m.kind in ("person", "organisation") and lo <= ctx.body_range(m)[0] \
                and ctx.body_range(m)[1] <= hi:
            stext, skey, srange = m.text, m.key, ctx.body_range(m)
        else:
            m, stext, skey, srange = None, ctx.text[lo:hi], ctx.text[lo:hi], (lo, hi)
        cue = (tok.idx, tok.idx + len(tok.text))
        extra.append(_Found(content[0], content[1], "indirect", m, srange, stext, skey, cue, tok.text, confidence))
    return [e for e in extra if not any(_overlaps(f, e) for f in found)]


def _overlaps(f: _Found, e: _Found) -> bool:
    """Whether a finding shares content, or has its cue in the speaker or content, of ``e``."""
    ranges = [(e.start, e.end), e.cue or (0, 0), e.speaker_range or (0, 0)]
    if f.start < e.end and e.start < f.end:
        return True
    return f.cue is not None and any(f.cue[0] < hi and lo < f.cue[1] for lo, hi in ranges)


def _title_content(toks: list[Token], n: int, speaker: list[Token], lemma: str) -> tuple[int, int] | None:
    """What a title-case cue reports: the words after it up to a comma, a joined second cue
    or the end; or, for "…, Varga Tells Forum" (a say verb after a comma), the words before
    the comma."""
    before = speaker[0].i - toks[0].i
    if before > 0 and SPEECH_VERBS[lemma] == "say":
        k = before - 1
        while k >= 0 and toks[k].tag_ == "''":
            k -= 1  # "‘Too High,’ Varga Tells": the comma inside the closing quote mark
        if k > 0 and toks[k].text == ",":
            return _trim_title(toks[:before])
    if n + 1 < len(toks) and toks[n + 1].lower_.endswith(("self", "selves")):
        return None  # "Varga Defends Herself Against …": no one else's words
    rest: list[Token] = []
    for k in range(n + 1, len(toks)):
        t = toks[k]
        if t.text in (",", ":", ";") or (t.lower_ in TITLE_JOINERS and k + 1 < len(toks)
                                         and _title_verb_lemma(toks[k + 1]) is not None):
            break
        rest.append(t)
    return _trim_title(rest)


def _trim_title(toks: list[Token]) -> tuple[int, int] | None:
    """The character range of ``toks`` without the line's closing stop and stray commas."""
    while toks and toks[-1].text in (".", ",", ";", ":"):
        toks = toks[:-1]
    if not toks or not any(t.is_alpha for t in toks):
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _colon_pass(ctx: _Context, found: list[_Found]) -> list[_Found]:
    """"Novak: No deal yet…" / "NOVAK: Well, we hope…" / "HEADLINE - Jan Novak: “…”": a
    name and a colon that open a paragraph (or follow a dash) attribute the rest of it
    (headline, transcript and newsletter conventions)."""
    extra: list[_Found] = []
    for n, pstart in enumerate(ctx.paragraphs):
        pend = _paragraph_end(ctx, n)
        line = ctx.text[pstart:pend]
        colon = line.find(":")
        if colon < 2:
            continue
        dash = max(line.rfind(" - ", 0, colon), line.rfind(" — ", 0, colon), line.rfind(" – ", 0, colon))
        lead = dash + 3 if dash >= 0 else 0
        if colon - lead > HEADLINE_LEAD_CHARS:
            continue
        inner = _labelled_inner(ctx, found, pstart + colon, pend)
        covered = [(f.start, f.end) for f in found if not any(f is g for g in inner)]
        name = ctx.mention_for(pstart + lead, pstart + colon)
        if name is None or name.kind not in ("person", "organisation", "country"):
            f = _bare_lead(ctx, pstart + lead, pstart + colon, pend, covered)
            if f is not None:
                extra.append(f)
                _drop(found, inner)
            continue
        ms, me = ctx.body_range(name)
        tail = line[me - pstart : colon]
        quoted = line[colon + 1 :].lstrip()[:1] in QUOTE_OPENERS
        if line[lead : ms - pstart].strip() or (tail.strip() and not (
                (HEADLINE_TAIL.match(tail) or quoted) and "\n" not in tail and tail.count(" ") <= 6)):
            # "Novak slams the plan: ‘…’": a headline's name, a few words and a quotation
            # the name must be all that stands between the line (or dash) and the colon, or
            # open a headline's "Name to/on X:" ("Novak on the budget: …"); else the whole
            # lead may still be a source's noun phrase ("Novak camp:", "Former mayor Novak
            # at the rally:")
            f = _bare_lead(ctx, pstart + lead, pstart + colon, pend, covered)
            if f is not None:
                extra.append(f)
                _drop(found, inner)
            continue
        if not tail.strip() and colon - lead > 40:
            continue
        start = pstart + colon + 1
        end = pstart + len(line.rstrip())
        while start < end and ctx.text[start] in " \t":
            start += 1
        if _words(ctx.text[start:end]) < 2 or _covered((start, end), covered):
            continue
        extra.append(_Found(start, end, "indirect", name, (ms, me), name.text, name.key,
                            (pstart + colon, pstart + colon + 1), ":", 0.7))
        _drop(found, inner)
    return extra


def _labelled_inner(ctx: _Context, found: list[_Found], colon: int, end: int) -> list[_Found]:
    """Quotes found in the sentence after a label's colon whose speaker is a word of that
    sentence: "Novak: I still back the deal" / "Berg: Kaller thinks the vote was rigged".
    The sentence is what the label says (headline and transcript convention), so "I" is
    the labelled speaker and "Kaller thinks" is part of the label's claim, not a source of
    its own (PolNeAR annotates only the label there). Later sentences of a paragraph under
    a section label ("Novak: Farm policy. …, aides said") keep their own sources. The same
    colon read as introducing the clause before it ("Polls did well - Novak: “…”") gives
    way to the label right before it."""
    span = ctx.doc.char_span(colon, colon + 1, alignment_mode="expand")
    if span is None or span[-1].i + 1 >= len(ctx.doc):
        return []
    sent = ctx.sents[ctx.sent_of[span[-1].i + 1]]  # the parser may end a sentence at the colon
    end = min(end, sent.end_char)
    return [f for f in found if colon < f.start and f.speaker_range is not None
            and (colon < f.speaker_range[0] < end or f.cue == (colon, colon + 1))]


def _drop(found: list[_Found], gone: list[_Found]) -> None:
    """Remove the given quotes from ``found`` in place (another pass took their place)."""
    if gone:
        found[:] = [f for f in found if not any(f is g for g in gone)]


def _bare_lead(ctx: _Context, start: int, colon: int, pend: int,
               covered: list[tuple[int, int]]) -> _Found | None:
    """"Poll: Sanders leads…" / "Former AG at convention: …" / "TAPPER: Do you…": a short
    noun phrase and a colon opening a line attribute the rest of it even when the phrase is
    no named actor (headline and transcript convention); the phrase itself is the speaker."""
    lead = ctx.doc.char_span(start, colon, alignment_mode="contract")
    if lead is None or not 1 <= len(lead) <= 6 or not lead.text[:1].isupper():
        return None
    if any(t.pos_ in ("VERB", "AUX", "PRON", "NUM") or t.ent_type_ in ("DATE", "TIME") or t.is_space
           for t in lead):
        return None
    head = lead.root
    if not (head.ent_type_ in ("PERSON", "ORG", "NORP") or head.lemma_.lower() in SOURCE_NOUNS
            or (len(lead) == 1 and head.pos_ == "PROPN" and head.text.isupper())
            or (all(t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper() for t in lead)
                and ctx.text[colon + 1 : colon + 3].lstrip()[:1] in QUOTE_OPENERS)):
        return None  # "Editor’s note: …", "The Ninth Circle: …": a label or a title, no source
    end = len(ctx.text[:pend].rstrip())
    begin = colon + 1
    while begin < end and ctx.text[begin] in " \t":
        begin += 1
    if _words(ctx.text[begin:end]) < 3 or _covered((begin, end), covered):
        return None
    text = ctx.text[lead.start_char:lead.end_char]
    return _Found(begin, end, "indirect", None, (lead.start_char, lead.end_char), text, text,
                  (colon, colon + 1), ":", 0.6)


def _continuation_pass(ctx: _Context, found: list[_Found]) -> list[_Found]:
    """Unattributed quotations that continue the previous speaker's quote.

    A paragraph that is only a quotation, right after a paragraph with a quote by X, is X's;
    a full-clause quotation in a paragraph where X was quoted earlier is X's too.
    """
    extra: list[_Found] = []
    every = sorted(found, key=lambda f: f.start)
    for qs, qe in ctx.quotations:
        covered = [(f.start, f.end) for f in every]
        if _covered((qs, qe), covered):
            continue
        run = next((f for f in every if f.speaker_key and f.end <= qs and f.cue is not None
                    and ADJACENT_GAP.fullmatch(ctx.text[f.end:qs])
                    and ctx.quotation_at(max(f.end - 1, 0)) is not None), None)
        if run is not None:
            # 'called it “A,” “B” and “C”': quotations in a row after a quoted content are
            # one utterance, whatever their length
            f = _Found(qs, qe, "direct", run.speaker, run.speaker_range, run.speaker_text,
                       run.speaker_key, run.cue, run.cue_text, run.confidence)
            extra.append(f)
            every.append(f)
            every.sort(key=lambda f: f.start)
            continue
        if _words(ctx.text[qs:qe]) < MIN_CLAUSE_WORDS and not _second_part(ctx, every, qs):
            continue
        para = ctx.paragraph(qs)
        # what a quotation continues is someone's speech, not a stance ("If X decides to …")
        prev = [f for f in every if f.end <= qs and f.speaker_key and f.confidence > ATTITUDE_CONFIDENCE]
        if not prev:
            continue
        last = _utterance_before(ctx, prev)
        last_para = ctx.paragraph(last.start)
        whole = _paragraph_is_quotation(ctx, qs, qe, para)
        if (whole and _no_text_between(ctx, _paragraph_end(ctx, last_para), qs)) or (
            last_para == para and (_is_clause(ctx, qs, qe) or _second_part(ctx, every, qs))
            and _other_actor_between(ctx, last, qs) is None
        ):
            # "“A,” he said. “B.”" / a paragraph of quotation after X's quote: B is the same
            # utterance as A, so it shares A's cue (PolNeAR annotates one attribution with two
            # fragments, across a paragraph break too; train 0:500: sharing the cue only within
            # a paragraph or after a short cue clause left 25 such parts as quotes of their own)
            cue, cue_text = last.cue, last.cue_text
            f = _Found(qs, qe, "direct", last.speaker, last.speaker_range, last.speaker_text,
                       last.speaker_key, cue, cue_text, 0.8)
            extra.append(f)
            every.append(f)
            every.sort(key=lambda f: f.start)
    return extra


def _other_actor_between(ctx: _Context, last: _Found, qs: int) -> Token | None:
    """The subject of a sentence of narration between a quote and a later quotation of its
    paragraph, when it is someone else ('“A,” Berg said. His wife shook her head. “B.”'):
    the quotation after such a sentence is that actor's turn, not the same utterance. It is
    left unattributed: giving it to that actor won nothing on PolNeAR train and cost precision
    (the narrated actor is often only looked at, not answering)."""
    start = max(last.end, last.cue[1] if last.cue else last.end)
    span = ctx.doc.char_span(start, qs, alignment_mode="contract")
    if span is None:
        return None
    for tok in span:
        if tok.dep_ != "ROOT" or ctx.in_quotation(tok):
            continue
        sent = ctx.sents[ctx.sent_of[tok.i]]
        if sent.start_char < start or sent.end_char > qs:
            continue  # only a sentence wholly between the two
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        _, _, _, key = _speaker_fields(ctx, subj)
        mention = ctx.mention_for(subj.idx, subj.idx + len(subj.text), subj.idx)
        if mention is not None and mention.kind == "person" and key and key != last.speaker_key:
            return subj
    return None


def _utterance_before(ctx: _Context, prev: list[_Found]) -> _Found:
    """The quote a later quotation continues: the last one before it, unless that one is
    reported by a cue set inside the cue clause of the same speaker's quotation just before
    ('“A,” she said, adding that …. “B.”' / '“A,” said X, who noted that …. “B.”'): B is
    the second part of A's utterance, not of the aside."""
    last = prev[-1]
    own = ctx.quotation_at(last.start)
    if last.cue is None or len(prev) < 2 or (own is not None and own[1] >= last.end - 2):
        return last  # a direct quote of its own continues itself
    quoted = prev[-2]
    same = quoted.speaker_key == last.speaker_key or _own_phrase_aside(ctx, quoted, last)
    if (not same and not _other_speakers_aside(ctx, quoted, last)) or quoted.cue is None \
            or ctx.quotation_at(quoted.start) is None or ctx.paragraph(quoted.start) != ctx.paragraph(last.start):
        return last
    if quoted.end <= quoted.cue[0] < last.cue[0] and _sentence_at(ctx, quoted.cue[0]) == _sentence_at(ctx, last.cue[0]):
        return quoted
    return last


def _own_phrase_aside(ctx: _Context, quoted: _Found, last: _Found) -> bool:
    """Is a later report made inside the quoted speaker's own phrase ('“A,” said Vera Holm,
    a nurse at the clinic who said she would strike. “B.”')? Its subject, a relative or a
    name in the apposition, resolves to some other key, but the one reporting is the
    speaker, and B goes on with A (PolNeAR gives A and B one attribution)."""
    own, cue = _root_at(ctx, quoted.speaker_range), _root_at(ctx, last.cue)
    return own is not None and cue is not None and own in cue.ancestors


def _other_speakers_aside(ctx: _Context, quoted: _Found, last: _Found) -> bool:
    """Is a later report by someone else only an aside in the cue clause of a quotation
    ('“A,” said X, using a word Y has used to describe Z. “B.”')? B then goes on with X's
    quotation. Not a source the clause credits ('“A,” X said, according to the Ledger.
    “B.”': PolNeAR gives all of it to the outlet), nor a report by someone the speaker's
    own phrase describes ('X, a farmer who said he would sell. “B.”', the same person)."""
    if last.cue_text is None or last.cue_text.lower().startswith("according"):
        return False
    own, aside = _root_at(ctx, quoted.speaker_range), _root_at(ctx, last.speaker_range)
    return own is not None and aside is not None and own not in aside.ancestors and own != aside


def _root_at(ctx: _Context, char_range: tuple[int, int] | None) -> Token | None:
    """The syntactic root of the tokens over a character range (a speaker's, a cue's)."""
    span = ctx.doc.char_span(*char_range, alignment_mode="expand") if char_range is not None else None
    return span.root if span is not None and len(span) else None


def _sentence_at(ctx: _Context, offset: int) -> int:
    """Index of the parsed sentence holding a character offset ("Mr." ends none)."""
    span = ctx.doc.char_span(offset, offset + 1, alignment_mode="expand")
    return ctx.sent_of[span.start] if span is not None and len(span) else -1


def _second_part(ctx: _Context, found: list[_Found], qs: int) -> bool:
    """'“It was nice,” he told Reuters. “He was charming.”': a quotation right after the cue
    clause that closed the previous quotation of its paragraph is the same utterance, however
    short (the attributive comma and the cue between tie the two parts)."""
    last = next((f for f in reversed(found) if f.end <= qs and f.speaker_key and f.cue is not None), None)
    if last is None or ctx.paragraph(last.start) != ctx.paragraph(qs):
        return False
    q = ctx.quotation_at(max(last.end - 1, 0))
    if q is None or q[1] != last.end \
            or not ctx.text[q[0]:q[1]].rstrip("”\"»’' ").endswith((",", "?", "!")):
        return False
    gap = ctx.text[last.end:qs]
    return (last.cue[0] >= last.end and last.cue[1] <= qs and _words(gap) <= CUE_CLAUSE_WORDS
            and gap.rstrip().endswith((".", ":", ",")))


def _paragraph_is_quotation(ctx: _Context, qs: int, qe: int, para: int) -> bool:
    """Is the paragraph holding this quotation nothing but quotation(s)?"""
    pstart = ctx.paragraphs[para]
    pend = ctx.paragraphs[para + 1] if para + 1 < len(ctx.paragraphs) else len(ctx.text)
    outside = ctx.text[pstart:qs] + ctx.text[qe:pend]
    for s, e in ctx.quotations:
        if s > qe and e <= pend:
            outside = outside.replace(ctx.text[s:e], "")
    return _words(outside) == 0


def _paragraph_end(ctx: _Context, para: int) -> int:
    return ctx.paragraphs[para + 1] if para + 1 < len(ctx.paragraphs) else len(ctx.text)


def _no_text_between(ctx: _Context, end: int, start: int) -> bool:
    """Nothing but blank lines (and quotations) between two offsets: no narration."""
    between = ctx.text[end:start]
    for s, e in ctx.quotations:
        if end <= s and e <= start:
            between = between.replace(ctx.text[s:e], "")
    return _words(between) == 0


def _is_clause(ctx: _Context, qs: int, qe: int) -> bool:
    span = ctx.doc.char_span(qs, qe, alignment_mode="contract")
    return span is not None and _words(span.text) >= MIN_CLAUSE_WORDS and any(t.pos_ in ("VERB", "AUX") for t in span)


def _covered(rng: tuple[int, int], ranges: list[tuple[int, int]]) -> bool:
    """Is at least half of ``rng`` inside one of ``ranges``?"""
    s, e = rng
    half = (e - s) / 2
    for a, b in ranges:  # a plain loop: the passes ask this for every quotation and quote
        if (e if e < b else b) - (s if s > a else a) >= half:  # min(e, b) - max(s, a), without two calls
            return True
    return False


def _words(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


def _kind(ctx: _Context, f: _Found) -> str:
    """direct when the content is all quotation, mixed when a quotation sits inside it."""
    outside = ctx.text[f.start : f.end]
    inside = False
    for s, e in ctx.quotations_within(f.start, f.end):
        if min(e, f.end) - max(s, f.start) > 0:
            inside = True
            outside = outside.replace(ctx.text[max(s, f.start) : min(e, f.end)], " ")
    if inside and _words(outside) <= DIRECT_SLACK_WORDS:
        return "direct"
    return "mixed" if inside else "indirect"


def _asserted(ctx: _Context, f: _Found) -> float:
    """A quote's confidence, kept at most the attitude one when its cue puts a question."""
    if f.cue is None or f.confidence <= ATTITUDE_CONFIDENCE:
        return f.confidence
    start, end = f.cue
    if any(_lemma(t) in QUESTION_CUES for t in ctx.doc.char_span(start, end, alignment_mode="expand") or ()):
        return ATTITUDE_CONFIDENCE
    return f.confidence


def _dedupe(found: list[_Found]) -> list[_Found]:
    """One quote per content range; a named speaker beats a missing one, confidence breaks ties."""
    best: dict[tuple[int, int], _Found] = {}
    for f in found:
        key = (f.start, f.end)
        old = best.get(key)
        if old is None or (old.speaker_key is None, -old.confidence) > (f.speaker_key is None, -f.confidence):
            best[key] = f
    kept = sorted(best.values(), key=lambda f: (f.start, -f.end))
    # drop a quote nested inside another by the same speaker (a cue inside the reported clause)
    ranges: dict[str | None, list[tuple[int, int]]] = {}
    for f in kept:
        ranges.setdefault(f.speaker_key, []).append((f.start, f.end))
    out: list[_Found] = []
    for f in kept:
        if any(s <= f.start and f.end <= e and (s, e) != (f.start, f.end) for s, e in ranges[f.speaker_key]):
            continue
        out.append(f)
    return out


# Characters a content may run past the cue that ends it (a closing quote mark, a stop).
CUE_END_SLACK = 2


def _without_cue_clauses(ctx: _Context, found: list[_Found]) -> list[_Found]:
    """Quotes whose content is not just another quote's cue and speaker.

    "According to state media, on the 3rd, spokesman Novak said. The port stays shut…",
    as machine translation splits it: what the media report is Novak's words in the next
    sentence, which his cue already attributes; "on the 3rd, spokesman Novak said" says nothing.
    """
    ending: dict[int, list[_Found]] = {}  # cue end -> the quotes with that cue and a speaker
    for g in found:
        if g.cue and g.speaker_range:
            ending.setdefault(g.cue[1], []).append(g)

    def only_a_cue(f: _Found) -> bool:
        return any(
            g.cue != f.cue and f.start <= g.cue[0] and g.start >= f.end
            and f.start <= g.speaker_range[0] and g.speaker_range[1] <= f.end
            for end in range(f.end - CUE_END_SLACK, f.end + 1)  # the content ends at the cue
            for g in ending.get(end, ())
        )
    return [f for f in found if not only_a_cue(f) and not _formula_only(ctx, f) and not _says_nothing(ctx, f)]


# Reporting formulas that say nothing themselves: what "quoted sources as saying." and "who
# asked not to be named" leave as content when machine translation or a relative clause
# cuts the words off.
_FORMULA_CONTENT = re.compile(r"^\W*(?:not to be (?:named|identified)|(?:\S+\s+){0,3}as saying)\W*$", re.I)


# Parts of speech that carry no content of their own: "It states that it is." reports nothing.
_EMPTY_POS = frozenset({"PRON", "AUX", "SCONJ", "DET", "PART", "PUNCT", "ADP", "CCONJ", "SPACE"})


def _says_nothing(ctx: _Context, f: _Found) -> bool:
    """A short reported clause of pronouns, auxiliaries and function words only ("that it
    is"). Not a bare pronoun or pro-form object: "said so", "denied it" refer back to words
    that were said, and annotators count them."""
    if f.end - f.start > 40:
        return False
    span = ctx.doc.char_span(f.start, f.end, alignment_mode="expand")
    return span is not None and span[0].pos_ == "SCONJ" and all(t.pos_ in _EMPTY_POS for t in span)


def _formula_only(ctx: _Context, f: _Found) -> bool:
    """A content that is only a reporting formula (see ``_FORMULA_CONTENT``)."""
    return f.end - f.start < 60 and bool(_FORMULA_CONTENT.match(ctx.article.body[f.start : f.end]))


def _without_reported_stances(ctx: _Context, found: list[_Found]) -> list[_Found]:
    """Quotes without the stances and tellings found inside what someone else said or holds.

    "Berg said the mayor backs the levy": the mayor's backing is part of Berg's claim, not an
    attribution of its own (PolNeAR train 0:500: of the attitude quotes we found inside a
    speech quote's content, 14 were annotated, 330 were not). Inside another stance ("X wants
    voters who oppose Y to …") only a verb of stance gives way: a verb of telling or showing
    there ("what it says about Y") is still annotated. Unquoted speech inside another's
    speech ("Berg said the union told her that …") is part of it too (of those inside a
    speech quote, 10 were annotated, 68 not), unless a relative clause sets it on someone
    the content describes ("echoed experts who say …"). So is unquoted speech inside a
    record's or a poll's finding ("a survey showed that 61 percent said …": PolNeAR never
    nests one attribution in another's content; train 0:500: 9 such found, 2 annotated).
    A quotation keeps its speaker.
    """
    said = [(f.start, f.end, f.cue) for f in found if f.confidence > ATTITUDE_CONFIDENCE]
    held = [(f.start, f.end, f.cue) for f in found if CLAUSE_CONFIDENCE < f.confidence <= ATTITUDE_CONFIDENCE]
    found_in = [(f.start, f.end, f.cue) for f in found
                if CLAUSE_CONFIDENCE < f.confidence <= ATTITUDE_CONFIDENCE and _finding_cue(ctx, f)]
    if not said and not held:
        return found
    kept = []
    for f in found:
        if f.confidence <= ATTITUDE_CONFIDENCE and not _speech_noun_cue(ctx, f) and (
                _inside_another(f, said) or _inside_another(f, held) and _stance_cue(ctx, f)):
            continue
        if f.confidence > ATTITUDE_CONFIDENCE and ctx.quotation_at(f.start) is None and _inside_another(f, said) \
                and (f.speaker_text or "").lower() not in RELATIVES:
            continue
        if f.confidence > ATTITUDE_CONFIDENCE and ctx.quotation_at(f.start) is None and _inside_another(f, found_in) \
                and (f.speaker_text or "").lower() not in RELATIVES:
            continue
        kept.append(f)
    return kept


def _inside_another(f: _Found, ranges: list[tuple[int, int, tuple[int, int] | None]]) -> bool:
    """Does the quote's content lie within the content of a quote of another cue?"""
    return any(s <= f.start and f.end <= e and cue != f.cue for s, e, cue in ranges)


def _finding_cue(ctx: _Context, f: _Found) -> bool:
    """Is the quote's cue a record's or a poll's finding ("a survey showed that …", "In a new
    poll, …")?"""
    span = _cue_tokens(ctx, f)
    return bool(span) and (_cue_class(span[0]) == "evidence" or (span[0].lower_ == "in" and span[0].dep_ == "prep"))


def _stance_cue(ctx: _Context, f: _Found) -> bool:
    """Is the quote's cue a verb of stance or judgement, not of saying, telling or showing?"""
    span = _cue_tokens(ctx, f)
    return bool(span) and _cue_class(span[0]) not in SPEECH_CLASSES | {"topic", "evidence"}


def _speech_noun_cue(ctx: _Context, f: _Found) -> bool:
    """Is the quote's cue a noun of saying ("Kaller's claim that …")? A claim named inside
    what another says is still its owner's (PolNeAR annotates it)."""
    span = _cue_tokens(ctx, f)
    return len(span) == 1 and span[0].pos_ == "NOUN" and _lemma(span[0]) in SPEECH_NOUNS


def _cue_tokens(ctx: _Context, f: _Found) -> list[Token]:
    """The tokens of a found quote's cue (none when it has no cue)."""
    span = None if f.cue is None else ctx.doc.char_span(f.cue[0], f.cue[1], alignment_mode="expand")
    return list(span) if span is not None else []


# The lemma lists the cue pass and the lexical passes look for (see _lemma_indices), and
# all their words.
LEXICAL_WORD_LISTS = (_CUE_LEMMAS, SPEECH_NOUNS, LIGHT_VERB_NOUNS, STANCE_NOUN_PREPS, RECEIVED_SUPPORT_NOUNS,
                      POLL_NOUNS, HEDGE_VERBS, CHANT_NOUNS)
LEXICAL_WORDS = frozenset(word for words in LEXICAL_WORD_LISTS for word in words)


# An HTML-like tag left in the text ('<tweet id="…" author="…">', '</blockquote>').
MARKUP_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>\n]*)?>")


def _outside_markup(ctx: _Context, found: list[_Found]) -> list[_Found]:
    """Quotes whose content and speaker stay clear of markup tags left in the text.

    An embed's tag is no speech, and its attribute values (author handles, ids, dates) no
    speaker: a quote that reaches into one was read across it ("datetime" taken for a
    speaker, an id's closing bracket for the start of a sentence)."""
    if "<" not in ctx.text:
        return found  # most texts hold no markup
    tags = [m.span() for m in MARKUP_TAG.finditer(ctx.text)]
    if not tags:
        return found

    def touches(lo: int, hi: int) -> bool:
        return any(s < hi and lo < e for s, e in tags)

    return [f for f in found if not touches(f.start, f.end)
            and not (f.speaker_range and touches(*f.speaker_range))]


def extract_quotes(doc: Doc, article: Article, mentions: list[Mention]) -> list[Quote]:
    """Direct, mixed and reported quotes of an article, with speaker, cue and spans.

    ``doc`` is the spaCy parse of ``article.body``; ``mentions`` come from
    :func:`newstrail.actors.extract_mentions` on the same parse.
    """
    ctx = _Context(doc, article, mentions)
    found = _cue_pass(ctx)
    found += _quotation_pass(ctx, found)
    found += _colon_pass(ctx, found)
    found += _continuation_pass(ctx, found)
    found += _title_headline_pass(ctx, found)
    quotes: list[Quote] = []
    for f in _outside_markup(ctx, _without_cue_clauses(ctx, _without_reported_stances(ctx, _dedupe(found)))):
        body = article.body
        quotes.append(
            Quote(
                article_id=article.id,
                content=article.body_span(f.start, f.end),
                content_text=body[f.start : f.end],
                kind=_kind(ctx, f),
                speaker_text=f.speaker_text,
                speaker=article.body_span(*f.speaker_range) if f.speaker_range else None,
                speaker_key=f.speaker_key,
                cue=article.body_span(*f.cue) if f.cue else None,
                cue_text=f.cue_text,
                confidence=_asserted(ctx, f),
            )
        )
    return quotes
