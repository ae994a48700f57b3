"""Entity mentions in one article, and canonical actors across the corpus.

Two stages live here because they share one idea of what a name is:

* :func:`extract_mentions` (per article, pure): spaCy's named entities (PERSON, ORG, GPE,
  NORP), the titles that introduce a person ("Trade Ministry spokesman Karl Maier"), definite
  role descriptions ("the envoy", "the Deputy Trade Minister") and third-person
  pronouns, each resolved to an article-local identity, ``Mention.key``.
* :func:`resolve_actors` (corpus level): joins keys across articles into canonical
  :class:`~newstrail.model.Actor` records, tolerant of transliteration ("Sergei"/"Sergey",
  "Ivanov"/"Ivanoff") but refusing to join people whose first names conflict.

Resolution is rule-based on purpose: the reference corpora we can measure on have no data
licence, so nothing here is trained on them; the rules are general news-writing conventions.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable, Iterator, NamedTuple, Sequence

import numpy

import pycountry
from spacy.tokens import Doc, Span as SpacySpan, Token

from .model import Actor, Article, Mention, stable_id
from .nlp import load_nlp

try:  # rapidfuzz is fast C++; difflib is the stdlib fallback so a missing wheel only costs speed
    from rapidfuzz.distance import JaroWinkler, Levenshtein

    def _similarity(a: str, b: str) -> float:
        return JaroWinkler.similarity(a, b)

    def _edits(a: str, b: str) -> int:
        return Levenshtein.distance(a, b)

except ImportError:  # pragma: no cover - exercised only without rapidfuzz
    import difflib

    def _similarity(a: str, b: str) -> float:
        return difflib.SequenceMatcher(None, a, b).ratio()

    def _edits(a: str, b: str) -> int:
        ops = difflib.SequenceMatcher(None, a, b).get_opcodes()
        return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal")


__all__ = ["ActorResolution", "extract_mentions", "resolve_actors", "country_of", "ROLE_NOUNS"]

# --- lexicons -------------------------------------------------------------------------------
# Head nouns of titles and roles that introduce or describe a person. Hand-written: spaCy has
# no title lexicon, and these are the offices news writes about.
ROLE_NOUNS = frozenset(
    """
    minister secretary spokesman spokeswoman spokesperson ambassador envoy diplomat president
    premier chancellor leader head chief chairman chairwoman chair negotiator official
    director commander general adviser advisor aide senator congressman congresswoman
    representative governor mayor candidate nominee king queen prince emperor pope
    lawmaker legislator deputy undersecretary counsellor counselor consul attorney judge
    prosecutor lawyer attorney-general strategist manager analyst economist expert professor
    researcher founder executive ceo chairperson speaker whip commissioner administrator
    general colonel captain major lieutenant officer sergeant coordinator campaigner
    activist organizer organiser surrogate pollster pundit columnist editor reporter
    correspondent journalist writer author businessman businesswoman billionaire mogul
    vice-president veep nominee incumbent challenger opponent rival
    """.split()
)
# Titles as news abbreviates them before a name ("Sen. Ivo Karsk", "Gov. Anna Velm"), folded
# (no dot), with the nouns a later description uses for the same office ("the senator").
TITLE_ABBREVIATIONS = {
    "sen": ("senator",), "gov": ("governor",), "rep": ("representative", "congressman", "congresswoman"),
    "gen": ("general",), "lt": ("lieutenant",), "col": ("colonel",), "adm": ("admiral",),
    "sgt": ("sergeant",), "capt": ("captain",), "cmdr": ("commander",), "amb": ("ambassador",),
    "atty": ("attorney",), "supt": ("superintendent",), "pres": ("president",),
}
# Descriptions generic enough to refer back to whoever is being discussed ("the envoy").
GENERIC_ROLES = frozenset(
    "diplomat official source aide adviser advisor envoy negotiator veteran politician"
    " candidate nominee lawmaker executive".split()
)
HONORIFICS = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f",
              "dr": None, "dr.": None, "sir": "m", "lord": "m", "lady": "f", "madam": "f"}
FEMALE_ROLES = frozenset("spokeswoman chairwoman congresswoman businesswoman queen princess".split())
MALE_ROLES = frozenset("spokesman chairman congressman businessman king prince".split())
PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}

# Seats of government and metonyms used for a country's government ("Paris said", "the
# White House warned"); pycountry has no capitals, so this short table is hand-written.
METONYMS = {
    "kremlin": "RUS", "moscow": "RUS", "washington": "USA", "white house": "USA",
    "america": "USA", "beijing": "CHN", "kiev": "UKR", "kyiv": "UKR", "london": "GBR",
    "downing street": "GBR", "britain": "GBR", "great britain": "GBR", "uk": "GBR",
    "paris": "FRA", "elysee": "FRA", "berlin": "DEU", "tokyo": "JPN", "tehran": "IRN",
    "iran": "IRN", "pyongyang": "PRK", "north korea": "PRK", "seoul": "KOR",
    "south korea": "KOR", "ankara": "TUR", "turkey": "TUR", "warsaw": "POL",
    "minsk": "BLR", "syria": "SYR", "damascus": "SYR", "venezuela": "VEN", "vietnam": "VNM",
    "taiwan": "TWN", "taipei": "TWN", "laos": "LAO", "bolivia": "BOL", "tanzania": "TZA",
    "moldova": "MDA", "czech republic": "CZE", "brussels": None, "russia": "RUS",
}
# Demonyms that suffix stripping cannot reach (see _demonym_country).
DEMONYMS = {"american": "USA", "americans": "USA", "british": "GBR", "briton": "GBR",
            "french": "FRA", "dutch": "NLD", "polish": "POL", "swiss": "CHE", "turkish": "TUR",
            "greek": "GRC", "spanish": "ESP", "swedish": "SWE", "danish": "DNK",
            "finnish": "FIN", "irish": "IRL", "belarusian": "BLR", "iranian": "IRN",
            "israeli": "ISR", "pakistani": "PAK", "saudi": "SAU", "afghan": "AFG",
            "iraqi": "IRQ", "kuwaiti": "KWT", "yemeni": "YEM", "filipino": "PHL",
            "english": "GBR", "scottish": "GBR", "welsh": "GBR", "thai": "THA",
            "norwegian": "NOR", "portuguese": "PRT", "japanese": "JPN", "chinese": "CHN",
            "vietnamese": "VNM", "lebanese": "LBN", "korean": None, "soviet": "RUS",
            "icelandic": "ISL", "peruvian": "PER", "czech": "CZE", "slovak": "SVK",
            "philippine": "PHL", "argentine": "ARG", "palestinian": "PSE", "emirati": "ARE",
            "salvadoran": "SLV", "panamanian": "PAN", "burmese": "MMR", "kazakh": "KAZ",
            "uzbek": "UZB", "bosnian": "BIH", "macedonian": "MKD", "montenegrin": "MNE",
            "cypriot": "CYP", "mozambican": "MOZ", "nigerien": "NER"}
# Display names where ISO's formal name reads oddly in a report ("Russian Federation").
SHORT_NAMES = {"RUS": "Russia", "USA": "United States", "GBR": "United Kingdom", "IRN": "Iran",
               "PRK": "North Korea", "KOR": "South Korea", "SYR": "Syria", "VEN": "Venezuela",
               "VNM": "Vietnam", "TWN": "Taiwan", "BOL": "Bolivia", "TZA": "Tanzania",
               "MDA": "Moldova", "LAO": "Laos", "CZE": "Czechia", "TUR": "Turkey", "PSE": "Palestine"}

ENTITY_LABELS = {"PERSON": "person", "ORG": "organisation", "GPE": "country", "NORP": "country"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# How far back (in sentences) a pronoun or a generic description looks for its antecedent;
# news rarely refers back further without repeating the name (a quoted passage of several short sentences can sit between a name and "the envoy";
# 6 was too short on the seed articles).
LOOKBACK_SENTENCES = 10
# How far ahead a description that opens a passage ("The chief of the mission told…")
# looks for the name it is later given.
LOOKAHEAD_SENTENCES = 2


# --- countries ------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:
    """Lower case without accents or dots: 'U.S.' -> 'us', 'Élysée' -> 'elysee' (cached: names repeat)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text.replace(".", "")).strip().lower()


@functools.lru_cache(maxsize=4096)
def country_of(text: str) -> str | None:
    """ISO alpha-3 code of a country name, metonym or demonym, or None.

    pycountry knows names and codes; metonyms (capitals, "the White House") and irregular
    demonyms come from the small tables above.
    """
    folded = _fold(text)
    folded = re.sub(r"^the ", "", folded)
    folded = re.sub(r"(?:'s|’s)$", "", folded)
    if folded in METONYMS:
        return METONYMS[folded]
    if folded in DEMONYMS:
        return DEMONYMS[folded]
    if len(folded) < 2:
        return None
    if folded in TIME_ZONES:  # "ET", "CST": clocks, not Ethiopia or a country code
        return None
    if len(folded) <= 3 and not _in_capitals(re.sub(r"^the\s+|(?:'s|’s)$", "", text.strip(), flags=re.IGNORECASE)):
        # ISO codes are words too ("in", "no", "it", "co", "and", "per", "can"): a code
        # names a country only when it is written as one ("US", "DE")
        return None
    return _country_code(folded) or _demonym_country(folded)


def _in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _demonym_country(folded: str) -> str | None:
    """'russian' -> RUS, 'ukrainian' -> UKR: strip a demonym suffix, match a name's start.

    A stem matches a country whose folded name starts with it and is at most three letters
    longer; the first suffix that gives a match wins, and among the countries the first in
    pycountry's order (see ``_name_starts``)."""
    starts = _name_starts()
    for suffix in ("ians", "ian", "ans", "an", "ese", "ns", "n", "i"):
        if folded.endswith(suffix) and len(folded) - len(suffix) >= 4:
            stem = folded[: -len(suffix)]
            if suffix.startswith("ia"):
                # "-ian" is the demonym of a name in "-ia": "Nigerian" is Nigeria, not Niger,
                # whose name is also the stem's start (its people are "Nigeriens")
                code = _country_code(stem + "ia")
                if code is not None:
                    return code
            code = starts.get(stem)
            if code is not None:
                return code
    return None


def _country_code(value: str) -> str | None:
    """``pycountry.countries.lookup(value).alpha_3``, or None where it finds no country.

    Why: a lookup that misses (most entities name no country) compares the value with every
    country's every unindexed field after its indexes, 60 µs each time, and country_of asks
    for thousands of distinct names per worker. pycountry looks a value up, lower-cased, in
    its indexes in order and takes the first that holds it; the indexes merged once in that
    order give the same country. A database with unindexed fields still asks pycountry.
    """
    codes = _country_codes()
    if codes is None:
        try:
            return pycountry.countries.lookup(value).alpha_3
        except LookupError:
            return None
    return codes.get(value.lower())


@functools.lru_cache(maxsize=1)
def _country_codes() -> dict[str, str] | None:
    """pycountry's indexes merged, the first index holding a value winning (None when it
    also compares unindexed fields, which no merged index can do)."""
    countries = pycountry.countries
    len(countries)  # loads the database (and its indexes) on first use
    if countries.no_index:
        return None
    codes: dict[str, str] = {}
    for index in countries.indices.values():
        for value, country in index.items():
            codes.setdefault(value, country.alpha_3)
    return codes


@functools.lru_cache(maxsize=1)
def _name_starts() -> dict[str, str]:
    """Every start of a folded country name that leaves at most three of its letters, with
    the code of the first country (in pycountry's order) one of whose names starts so.

    Why: a demonym's stem was compared with the ~250 countries' names one by one, for every
    entity not known as a country (1 ms each); the starts are worked out once instead.
    """
    starts: dict[str, str] = {}
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "common_name", ""), SHORT_NAMES.get(country.alpha_3, "")):
            if not name:
                continue
            full = _fold(name)
            for k in range(max(len(full) - 3, 1), len(full) + 1):
                starts.setdefault(full[:k], country.alpha_3)
    return starts


def country_name(code: str) -> str:
    """Display name of an alpha-3 code."""
    if code in SHORT_NAMES:
        return SHORT_NAMES[code]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


# --- per-article mentions -------------------------------------------------------------------


@dataclass
class _Draft:
    """A mention under construction (Mention is frozen)."""

    start: int  # body offsets
    end: int
    text: str
    kind: str
    key: str
    sent: int
    subject: bool
    named: bool
    role: str | None = None
    affiliation: str | None = None
    gender: str | None = None
    head: int = -1  # token index of the mention's head
    main: bool = False  # subject of its sentence's main clause (not of a reported clause)
    resolved: bool = True
    full: str | None = None  # the name with an editor's bracketed insertion filled in
    # a pronoun's: the subjects of the clauses around it, innermost first (token indices),
    # and those it cannot stand for (an object pronoun's own clause's subject)
    clause_subjects: tuple[int, ...] = ()
    not_subjects: tuple[int, ...] = ()


# Brackets as Penn Treebank tokenisation writes them ("-LRB- Reuters -RRB-"): research corpora
# of news come tokenised so, and the model takes the escape into the name next to it.
_PTB_BRACKET = re.compile(r"-?\b[LR][RSC]B\b-?")


@functools.lru_cache(maxsize=1 << 14)
def _clean_name(text: str) -> str:
    """Name text without brackets, possessive or leading article: '(Jan)Novak' -> 'Jan Novak'
    (cached: names repeat within and across articles)."""
    text = _PTB_BRACKET.sub(" ", text)
    text = re.sub(r"[()\[\]]", " ", text)
    text = re.sub(r"(?:'s|’s)$", "", text.strip())
    text = re.sub(r"^(?:the|The)\s+", "", text)
    return re.sub(r"\s+", " ", text).strip(" ,.;:-–\"“”'‘’`")


# Entity types a title never holds (times, dates, amounts), and the time zones the small
# model tags ORG ("GMT"): a clock reading before a title is neither title nor organisation.
NOT_TITLE_ENTITIES = frozenset("TIME DATE CARDINAL MONEY PERCENT QUANTITY".split())
TIME_ZONES = frozenset("gmt utc et est edt ct cst cdt mt mst mdt pt pst pdt bst cet cest eet eest msk ist jst aest".split())
# Online platforms, which news names as where things were said ("wrote on Twitter") and which
# the small model takes for people or places: on 480 T17 articles "Twitter" was a person 106
# times and a country 9 times. A platform is a company, whatever the sentence makes of it.
PLATFORMS = frozenset("twitter facebook youtube instagram telegram tiktok whatsapp weibo wechat vkontakte "
                      "linkedin reddit snapchat myspace flickr".split())


def _title_tokens(doc: Doc, ent: SpacySpan) -> list[Token]:
    """Tokens just left of a name that form its title ("Polish Deputy Trade Minister")."""
    tokens: list[Token] = []
    i = ent.start - 1
    # the start Span.sent walks back to (at every call), unless a hook gives the sentences
    hooked = doc.user_hooks or doc.user_span_hooks
    first = ent.sent.start if hooked else doc_sentence_starts(doc)[doc_sentence_index(doc)[ent.start]]
    while i >= first:
        tok = doc[i]
        if tok.ent_type_ in NOT_TITLE_ENTITIES or tok.lower_ in TIME_ZONES:  # "10:00 GMT Deputy Minister X"
            break
        if _PTB_BRACKET.fullmatch(tok.text):  # a bracket, as a tokenised corpus writes it, ends a title
            break
        if tok.text in ("'s", "’s") or (tok.pos_ in ("PROPN", "NOUN", "ADJ") and tok.dep_ != "appos"):
            if tok.ent_type_ == "PERSON":  # another person's name: their title ends here
                break
            if tok.pos_ == "NOUN" and tok.is_lower and _capitalised_role(tokens):
                break  # "the danger of flooding | Norland Water Commissioner X": the title is capitalised
            tokens.insert(0, tok)
            i -= 1
            continue
        if tok.text in HYPHENS and tokens and i > first and not tok.whitespace_ \
                and not doc[i - 1].whitespace_ and doc[i - 1].pos_ in ("PROPN", "NOUN", "ADJ"):
            tokens.insert(0, tok)  # "Director-General", "Secretary-General": one title word
            i -= 1
            continue
        if tok.lower_ in ("and", "of", "for") and tokens:  # "Minister and chief negotiator"
            tokens.insert(0, tok)
            i -= 1
            continue
        break
    while tokens and tokens[0].lower_ in ("and", "of", "for"):
        tokens.pop(0)
    return tokens


HYPHENS = frozenset("- ‐ – —".split())


def is_role_noun(tok: Token) -> bool:
    """A title's head word, as written or as its lemma: "minister", "spokeswomen"."""
    return tok.lower_ in ROLE_NOUNS or tok.lemma_.lower() in ROLE_NOUNS


def _capitalised_role(tokens: list[Token]) -> bool:
    """Whether the title gathered so far is capitalised and holds a role noun ("Health Commissioner")."""
    return any(t.is_title and is_role_noun(t) for t in tokens)


def _joined(tokens: list[Token]) -> str:
    """Tokens as the text writes them: "Director-General" stays one word, not "Director - General"."""
    out = ""
    for k, t in enumerate(tokens):
        out += t.text
        if k + 1 < len(tokens):
            out += t.whitespace_ if tokens[k + 1].i == t.i + 1 else " "
    return out


def _split_title(tokens: list[Token]) -> tuple[str | None, str | None, str | None]:
    """(role, affiliation, gender) from title tokens; None when no role noun is among them."""
    words = [t.lower_ for t in tokens]
    gender = next((HONORIFICS[w] for w in words if w in HONORIFICS), None)
    tokens = [t for t in tokens if t.lower_ not in HONORIFICS]
    if not any(is_role_noun(t) or _abbreviated_title(t) for t in tokens):
        return None, None, gender
    if any(t.lower_ in FEMALE_ROLES for t in tokens):
        gender = "f"
    elif any(t.lower_ in MALE_ROLES for t in tokens):
        gender = gender or "m"
    affiliation = None
    while tokens and not _names_a_language(tokens[0]) and (
            tokens[0].ent_type_ in ("NORP", "GPE") or country_of(tokens[0].text) or tokens[0].text in ("'s", "’s")):
        if affiliation is None and tokens[0].text not in ("'s", "’s"):
            affiliation = _place_name(tokens[0])
        tokens.pop(0)
    if affiliation is None:
        affiliation = _country_in(tokens)
    present = _present_part(tokens)
    if affiliation is None and present:
        # "the former head of the agency" no longer acts for it
        affiliation = _body_in(present) or _named_body(present)
    role = _joined(tokens) or None
    return role, affiliation, gender


def _present_part(tokens: list[Token]) -> list[Token]:
    """The title words of a post the person holds now: all of them when no word puts the
    title in the past; the words before "and former …" when a past post follows a present
    one ("chairman of the Norland Council and former member of the Senate"); none when the
    title opens in the past ("former minister and adviser to the bank": "former" may cover
    both posts)."""
    past = next((k for k, t in enumerate(tokens) if t.lower_ in PAST_ROLE_WORDS), None)
    if past is None:
        return tokens
    if past > 1 and tokens[past - 1].lower_ == "and":
        return tokens[: past - 1]
    return []


def _abbreviated_title(tok: Token) -> bool:
    """"Sen." or "Gov." as a title: capitalised, and one of the abbreviations news uses."""
    return tok.text[:1].isupper() and _fold(tok.text) in TITLE_ABBREVIATIONS


def _role_words(role: str | None) -> set[str]:
    """The folded words of a title, an abbreviated one also as the nouns it stands for
    ("Sen." is what "the senator" later calls the same office)."""
    words: set[str] = set()
    for w in _fold(role or "").split():
        words.add(w)
        words.update(TITLE_ABBREVIATIONS.get(w, ()))
    return words


# Words of government bodies that name no state on their own ("the Foreign Ministry
# spokeswoman" speaks for a country the title does not give); such a body is no affiliation.
GENERIC_BODY_WORDS = frozenset(
    "ministry department office government cabinet presidency administration foreign affairs"
    " interior home defence defense finance trade water energy economy economic justice health"
    " state and of the for press service council security agency national federal public"
    " communications information education environment agriculture transport labour labor"
    " war military".split()
)
# Words that put a title in the past ("the former head of the Vantrel Energy Agency"): the
# person no longer speaks for that body, so it is no affiliation (a country still is: a former
# minister of Norland stays a Norlander in the story).
PAST_ROLE_WORDS = frozenset("former ex ex- onetime one-time erstwhile retired".split())
# Prepositions whose object is the place a person is posted to, not the state they serve
# ("Ambassador to Ostrand", "the envoy in Kabul").
POSTED_PREPS = frozenset("to in at on with".split())


def _names_a_language(tok: Token) -> bool:
    """Whether a demonym names a language here: "English-language", "French language", "Arabic speakers"."""
    doc = tok.doc
    k = tok.i + 1
    if k < len(doc) and doc[k].text in HYPHENS:
        k += 1
    return k < len(doc) and doc[k].lower_ in LANGUAGE_WORDS


LANGUAGE_WORDS = frozenset("language languages speaking speaker speakers translation service".split())


def _entity_text(tok: Token) -> str:
    """The whole name of the place or people a title's first word opens ("Hong Kong's leader",
    "South Korean envoy"): a name of several words is not its first word ("Hong", "South").
    A possessive ending the small model takes into the entity is no part of the name."""
    if tok.ent_iob_ != "B":
        return tok.text
    doc = tok.doc
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].text not in ("'s", "’s"):
        end += 1
    return doc[tok.i : end].text if end > tok.i + 1 else tok.text


def _place_name(tok: Token) -> str:
    """The state or place a title's place word names: the country of the whole name, else
    of its first word ("U.S. State Department", "Egyptian Embassy"), else the whole name."""
    name = _entity_text(tok)
    code = country_of(name) or (country_of(tok.text) if name != tok.text else None)
    return country_name(code) if code else name


def _country_like(tok: Token) -> str | None:
    """Canonical country of one token: a demonym, a country or a state's metonym."""
    if tok.ent_type_ not in ("NORP", "GPE") and not (tok.pos_ in ("PROPN", "ADJ") and tok.is_title):
        return None
    if _names_a_language(tok):
        return None  # "editor of the English-language edition" serves no state
    name = _entity_text(tok) if tok.ent_type_ in ("NORP", "GPE") else tok.text
    code = country_of(name) or (country_of(tok.text) if name != tok.text else None)
    if code:
        return country_name(code)
    if tok.ent_type_ == "GPE" and tok.pos_ == "PROPN" and not _region(name):
        return name  # a state the ISO list does not hold
    return None


# A continent, or the last word of a part of one ("North Africa", "the Middle East"): a
# region is the beat of an office ("regional head for West Africa at a rights group"), not
# a state a person serves.
CONTINENT_WORDS = frozenset("africa asia europe america americas oceania antarctica east".split())


def _region(name: str) -> bool:
    """Whether a place name no state list holds names a continent or a part of one."""
    words = _fold(name).split()
    return bool(words) and words[-1] in CONTINENT_WORDS


def _country_in(tokens: list[Token]) -> str | None:
    """The state a title names anywhere ("head of the Russian delegation", "Minister of
    Foreign Affairs of Varenia"), skipping the place a person is posted to."""
    for tok in tokens:
        if tok.dep_ == "pobj" and tok.head.lower_ in POSTED_PREPS:
            continue
        if tok.dep_ in ("compound", "amod") and tok.head.dep_ == "pobj" and tok.head.head.lower_ in POSTED_PREPS:
            continue
        found = _country_like(tok)
        if found:
            return found
    return None


def _body_in(tokens: list[Token]) -> str | None:
    """An organisation named in a title ("Marrowgate Port Authority chief executive").

    The text comes from the document (not re-joined tokens, which would space out
    "Inter-Basin"); a body made only of generic government words names no one.
    """
    org = [t for t in tokens if t.ent_type_ == "ORG"]
    if not org or not (len(org) > 1 or org[0].is_upper):  # a lone "State" in "Secretary of State" is no body
        return None
    doc = org[0].doc
    text = doc[org[0].i : org[-1].i + 1].text
    if "," in text or len(org) != org[-1].i - org[0].i + 1:
        text = " ".join(t.text for t in org)
    words = [w for w in re.split(r"[\s\-]+", _fold(text)) if w]
    if all(w in GENERIC_BODY_WORDS for w in words):
        return None
    return _clean_name(text)


# Head nouns of a body's proper name ("the Harbour and Dock Workers' Union", "the Selka
# River Authority"), and the small words that may join its capitalised words.
BODY_HEADS = frozenset(
    "union authority commission council party bank agency association federation committee court institute"
    " service board tribunal assembly parliament alliance coalition confederation guild society chamber league"
    " movement front foundation fund organisation organization corporation company".split()
)
BODY_NAME_JOINERS = frozenset("and of & ' ’ 's ’s for".split())
ARTICLES = frozenset("the a an".split())


def _named_body(tokens: list[Token]) -> str | None:
    """A body's proper name in a title that the model did not tag as one ("general secretary
    of the Harbour and Dock Workers' Union"): capitalised words ending in a body's head noun.

    Why: the small model tags invented and lesser-known bodies piecemeal (a NORP "Harbour"),
    so :func:`_body_in`, which reads the ORG tag, finds none, and the person loses the body
    they speak for.
    """
    for end in range(len(tokens)):
        name = _body_name_ending(tokens, end)
        if name is not None:
            return _clean_name(name[0].doc[name[0].i : name[-1].i + 1].text)
    return None


def _body_name_ending(tokens: list[Token], end: int) -> list[Token] | None:
    """The body's proper name whose head noun is ``tokens[end]``, if it is one: at least two
    capitalised words ("the Union" alone names nothing), not all of them generic government
    words ("Foreign Ministry" names no one)."""
    head = tokens[end]
    if head.lower_ not in BODY_HEADS or not head.is_title:
        return None
    start = end
    while start > 0 and (tokens[start - 1].is_title or tokens[start - 1].lower_ in BODY_NAME_JOINERS) \
            and tokens[start - 1].i == tokens[start].i - 1:
        start -= 1
    while start < end and (not tokens[start].is_title or tokens[start].lower_ in ARTICLES):
        start += 1  # a name starts with a capitalised word, not "and", "of" or a sentence's "The"
    name = tokens[start : end + 1]
    if sum(t.is_title for t in name) < 2:
        return None
    text = head.doc[name[0].i : head.i + 1].text
    if all(w in GENERIC_BODY_WORDS for w in re.split(r"[\s\-]+", _fold(text)) if w):
        return None
    return name


# Dependencies of a clause hung on a noun: relative, participial and adverbial clauses.
CLAUSE_DEPS = frozenset("relcl acl advcl".split())


def _appos_role(ent: SpacySpan) -> tuple[str | None, str | None]:
    """Role from an apposition: "the chief negotiator, Jan Novak" / "Novak, the envoy"."""
    root = ent.root
    candidates: list[Token] = []
    if root.dep_ == "appos" and root.head.i < ent.start:
        candidates.append(root.head)
    candidates.extend(c for c in root.children if c.dep_ == "appos")
    for head in candidates:
        if not is_role_noun(head):
            continue
        # a clause on the noun says what the person did, not what they are ("Velm's chief
        # adviser, who went on radio to dispute the figures of the former minister")
        clause = {t.i for c in head.children if c.dep_ in CLAUSE_DEPS for t in c.subtree}
        words = [t for t in head.subtree if not (ent.start <= t.i < ent.end) and t.dep_ != "det"
                 and (t is head or t.dep_ not in ("appos", "punct", "relcl")) and t.i < ent.start + 40
                 and t.i not in clause]
        words = [t for t in words if t.i < ent.start] if head.i < ent.start else words
        role, affiliation, _ = _split_title(words)
        if role:
            return role, affiliation
    return None, None


def _inner_title(ent: SpacySpan) -> list[Token]:
    """Title words spaCy took into a PERSON entity ("Spokeswoman Ilona Marek")."""
    if len(ent) < 2 or ent.start not in role_word_indices(ent.doc):
        return []  # a title taken in opens the entity with a role noun; most names open without one
    inner: list[Token] = []
    for tok in ent[:-1]:
        if is_role_noun(tok) or (inner and tok.lower_ in ("of", "and")):
            inner.append(tok)
        else:
            break
    while inner and inner[-1].lower_ in ("of", "and"):
        inner.pop()
    return inner if inner and len(ent) - len(inner) >= 1 else []


# Occupations written like a title before a name ("Fireman Tom Hale", "Volunteer Ann Read"),
# which the small model takes into the PERSON entity. Not role nouns: "the nurse" is no
# description of the person being discussed, so only the PERSON entity's front is read.
OCCUPATION_NOUNS = frozenset(
    """fireman firefighter volunteer nurse surgeon medic paramedic soldier private corporal
    teacher pilot priest pastor bishop rabbi imam nun student farmer engineer rescuer
    constable detective inspector officer trooper""".split()
)


def _inner_occupation(ent: SpacySpan) -> list[Token]:
    """An occupation spaCy took into a PERSON entity of at least a first name and a surname."""
    if ent.label_ == "PERSON" and len(ent) >= 3 and ent[0].lower_ in OCCUPATION_NOUNS and ent[0].is_title \
            and all(t.is_title for t in ent[1:]):
        return [ent[0]]
    return []


# Verbs whose passive agent is the person a delegation or side answers to ("the American
# delegation was headed by X"), or whose active subject leads one ("X led the Russian team").
LEAD_VERBS = frozenset("head lead chair represent".split())


def _led_by(ent: SpacySpan) -> str | None:
    """The state of the delegation, side or team a person heads or leads."""
    root = ent.root
    verb = None
    others: list[Token] = []
    if root.dep_ == "pobj" and root.head.dep_ == "agent" and root.head.head.lemma_.lower() in LEAD_VERBS:
        verb = root.head.head
        others = [c for c in verb.children if c.dep_ == "nsubjpass"]
    elif root.dep_ == "nsubj" and root.head.lemma_.lower() in LEAD_VERBS:
        verb = root.head
        others = [c for c in verb.children if c.dep_ == "dobj"]
    if verb is None:
        return None
    if verb.dep_ == "acl":  # "the union's delegation, headed by …": the participle hangs on what is led
        others.append(verb.head)
    for other in others:
        words = [t for t in other.subtree if t.i < other.i or t is other]
        found = _country_in(words) or _named_body(words)
        if found:
            return found
    return None


# Words of a title that is a state's own highest office ("President", "Prime Minister",
# "Acting Premier"): a title made only of these names no body, so the state it serves is the
# one the person speaks for. "Company president" or "Commission President" hold other words.
STATE_HEAD_WORDS = frozenset("president prime minister premier chancellor king queen emir sultan acting interim".split())
TITLE_QUALIFIERS = frozenset("acting interim".split())
# Where a reported clause hangs on the verb of saying ("Ostrand will wait, Prime Minister X
# said": spaCy makes it the verb's ccomp, or makes the verb of saying a parataxis of it).
REPORTED_DEPS = frozenset("ccomp parataxis".split())
# Verbs that report what a person says will or does happen ("announced", "told", "vowed").
SAYING_VERBS = frozenset("say announce tell declare state insist add confirm pledge promise vow stress warn"
                         " predict claim assure reaffirm".split())


def _state_head(role: str | None) -> bool:
    """Whether a title is only a state's highest office ("President", "Acting Prime Minister")."""
    words = set(_fold(role or "").replace("-", " ").split())
    return bool(words) and words <= STATE_HEAD_WORDS and bool(words - TITLE_QUALIFIERS - {"minister"})


def _affiliate_by_report(doc: Doc, drafts: list[_Draft]) -> None:
    """The state a head of state or government speaks for when the title does not say it:
    the country that is the subject of what they are reported to say, when it is the only
    country the sentence names ("Norland will not sign, President Jan Novak said").

    Why: news names a leader's country once and then writes the bare title; what a leader
    announces about a country's own course ("X will ...") is, when no other state is in the
    sentence, their own state's. Read after the article's places are known, as the small
    model often tags a little-known country as a person.
    """
    countries: dict[int, set[str]] = defaultdict(set)
    country_at: dict[int, str] = {}
    for d in drafts:
        if d.kind == "country" and d.head >= 0:
            countries[d.sent].add(d.key)
            country_at[d.head] = d.key
    for d in drafts:
        if d.kind != "person" or not d.named or d.affiliation or d.head < 0 or len(countries[d.sent]) != 1 \
                or not _state_head(d.role) or doc[d.head].dep_ != "nsubj":
            continue
        verb = doc[d.head].head
        if verb.lemma_.lower() not in SAYING_VERBS:
            continue  # "what President X called …", "does Y think President X should go"
        clauses = [c for c in verb.children if c.dep_ in REPORTED_DEPS]
        if verb.dep_ == "parataxis" and verb.head.i < verb.i:
            clauses.append(verb.head)
        said = {country_at[c.i] for clause in clauses for c in clause.children
                if c.dep_ in SUBJECT_DEPS and c.i in country_at}
        if said == countries[d.sent]:
            d.affiliation = said.pop()


# Prepositions that join a name to the body a person works for ("Ana Reis of the Tolmer
# Institute", "Pia Moll from the Red Cross"). Not "at": "Ivo Lind at the Institute" is as
# often where a person stood or spoke as whom they work for.
MEMBER_PREPS = frozenset("of from".split())


def _affiliate_by_preposition(doc: Doc, drafts: list[_Draft]) -> None:
    """The organisation a name's own prepositional phrase names ("Ana Reis of the Tolmer
    Institute said"), or the state a titled person's "of" names ("King Olav of Norland"),
    for people whose title gave none.

    Why: news introduces experts, officials and spokespeople with the body right after the
    name as often as in a title before it; the phrase hangs on the name itself, so it says
    whom the person is with (a phrase on the verb, "spoke at the Institute", does not). A
    country after an untitled name is where a person is from ("Ana Reis from Brazil"), not
    a state they speak for.
    """
    bodies = {d.head: d for d in drafts if d.named and d.head >= 0 and (
        d.kind == "organisation" or (d.kind == "country" and country_of(d.key)))}
    for d in drafts:
        if d.kind != "person" or not d.named or d.affiliation or d.head < 0:
            continue
        if d.role and set(_fold(d.role).split()) & PAST_ROLE_WORDS:
            continue  # "former director X of the bank" no longer speaks for it
        for prep in doc[d.head].children:
            if prep.dep_ != "prep" or prep.lower_ not in MEMBER_PREPS or prep.i < d.head:
                continue
            body = next((bodies[c.i] for c in prep.children if c.dep_ == "pobj" and c.i in bodies), None)
            if body is None:
                continue
            if body.kind == "organisation" and (" " in body.text or body.text.isupper()):
                # not one plain word: "Ana Reis, 40, of Dunmore" is her town
                d.affiliation = body.text
            elif d.role and prep.lower_ == "of":
                # a titled person's state or town: "King Olav of Norland", "Mayor X of Dunmore"
                d.affiliation = body.key if body.kind == "country" else body.text
            break


def _person_like_org(doc: Doc, ent: SpacySpan) -> bool:
    """An ORG/GPE tag that spaCy gave a person introduced by a title ("spokeswoman Kowalska")."""
    inner = _inner_title(ent)
    # only a first name and a surname after an unambiguous title ("General Motors" is a firm)
    if inner and len(ent) - len(inner) == 2 and inner[0].lower_ not in ("general", "major", "chief", "executive", "head") \
            and all(t.is_title for t in ent[len(inner):]) \
            and ent[len(ent) - 1].pos_ == "PROPN" and country_of(ent[len(inner):].text) is None:
        return True  # "Spokeswoman Ilse Brandt" tagged ORG whole
    if ent.start == 0 or len(ent) > 3:
        return False
    prev = doc[ent.start - 1]
    return (prev.lower_ in ROLE_NOUNS and prev.pos_ in ("NOUN", "PROPN")
            and all(t.is_title for t in ent) and country_of(ent.text) is None)


# Portfolios that complete a title ("Secretary of State", "Minister for Home Affairs"): the
# small model tags them ORG, but they name an office, not an actor of their own.
PORTFOLIO_WORDS = frozenset(
    """state defence defense interior justice health finance treasury trade commerce labour labor
    energy education agriculture transport foreign home affairs economy environment culture
    industry war navy army security homeland""".split()
)
# Adjectives of office ("Presidential Press Secretary"): an ORG entity ending in one, with the
# title going on after it, is the front of a person's title, not an organisation's name.
OFFICE_ADJECTIVES = frozenset(
    "presidential vice-presidential parliamentary ministerial governmental royal papal mayoral gubernatorial".split()
)


def _title_fragment(doc: Doc, ent: SpacySpan) -> bool:
    """An ORG entity that is part of a person's title ("Secretary of State", "Russian
    Presidential Press Secretary"), which the small model splits off as an organisation."""
    if ent.label_ != "ORG":
        return False
    words = [t.lower_ for t in ent if t.lower_ != "the"]
    portfolio = bool(words) and all(w in PORTFOLIO_WORDS for w in words)
    if (portfolio and ent.start >= 2
            and doc[ent.start - 1].lower_ in ("of", "for") and doc[ent.start - 2].lower_ in ROLE_NOUNS):
        return True
    after = doc[ent.end] if ent.end < len(doc) else None
    if portfolio and after is not None and after.is_title and after.lower_ in ROLE_NOUNS:
        return True  # "Health Minister Ana Ruiz", "city Health Commissioner": the portfolio before the office
    if after is None or not any(t.lower_ in OFFICE_ADJECTIVES for t in ent):
        return False
    return after.lower_ in ROLE_NOUNS or (ent[-1].lower_ in OFFICE_ADJECTIVES and after.pos_ in ("NOUN", "PROPN")
                                          and after.is_title)


def _bracketed_first_names(doc: Doc) -> tuple[dict[int, tuple[str, int]], set[int]]:
    """"President (Jan) Novak": spaCy makes the bracketed first name a PERSON of its own.

    The bracket adds a first name to the surname that follows it, so it is no mention of
    its own. Returns {start of the surname entity: (first name, start of its opening bracket)}
    and the first names' starts.
    """
    names: dict[int, tuple[str, int]] = {}
    starts: set[int] = set()
    text = doc_text(doc)
    ents = [e for e in doc.ents if e.label_ == "PERSON"]
    for first, last in zip(ents, ents[1:]):
        before, between = text[first.start_char - 1 : first.start_char], text[first.end_char : last.start_char]
        if before == "(" and between.strip() == ")" and len(first) == 1:
            names[last.start] = (first.text, first.start - 1)
            starts.add(first.start)
    return names, starts


# Lower-case words that belong to names ("Ludwig van Beethoven", "Osama bin Laden").
NAME_PARTICLES = frozenset("van von der den de du da di del della la le al el bin ibn ben bint abu".split())
DASHES = frozenset(("--", "—", "–", "-", "―"))  # "―" (U+2015): some outlets' dash


def _split_entities(ents: Iterable[SpacySpan]) -> Iterator[SpacySpan]:
    """Entities, with the pieces the small model runs together taken apart.

    No name holds "Mr" or "Mrs" in its middle: "thanked by Oskar Varga Mrs Varga spoke" (a
    headline run into its first sentence) is two people, the second starting after the
    honorific. No name holds a dash between spaces ("Ivo Marek -- Kaller"), nor starts with a
    lower-case word other than a particle ("oust Kaller": "oust" is the verb), an adverb
    ("Luckily Kaller recovered") or a time zone ("10:00 GMT KALLER", a dateline). A "person"
    ending in an office whose title goes on to a name is the front of that title ("the Vellmar
    Chief | Executive Ivo Marek").
    """
    covered = 0  # the end of a name that took in the entities after it
    for ent in ents:
        if ent.start < covered:
            continue
        label = ent.label_
        if label in ENTITY_LABELS:
            ent = _before_gloss(ent)
        if label != "PERSON":
            if label == "ORG":
                ent = _with_acronym_tail(_with_name_front(ent))
                covered = ent.end
            if label not in ("ORG", "GPE") or not _common_plural(ent):  # dates and numbers: no names
                yield ent
            continue
        if _common_plural(ent) or _title_front(ent):
            continue
        doc = ent.doc
        start = ent.start
        while start < ent.end - 1 and ((doc[start].is_lower and doc[start].lower_ not in NAME_PARTICLES)
                                       or doc[start].tag_ == "RB" or doc[start].lower_ in TIME_ZONES):
            start += 1
        yield from _pieces(doc, start, ent.end, ent.label)


OPENING_BRACKETS = frozenset("( [ -LRB- -LSB-".split())
# The words that join a body's name to the place or field it serves ("... in Europe").
NAME_TAIL_WORDS = frozenset({"in", "of", "for", "on"})


def _with_acronym_tail(ent: SpacySpan) -> SpacySpan:
    """An organisation with the words after it that its acronym spells: the small model ends
    "the Organization for Security and Co-operation in Europe" before "in Europe", and the
    article's "OSCE" says the name goes on. Without such an acronym in the article, "the
    Ministry of Defence in Varenia" keeps its place out of the name."""
    doc = ent.doc
    i = ent.end
    if i + 1 >= len(doc) or doc[i].lower_ not in NAME_TAIL_WORDS:
        return ent
    end = i + 1
    while end < len(doc) and end < i + 4 and doc[end].is_title and doc[end].pos_ == "PROPN":
        end += 1
    if end == i + 1:
        return ent
    spelled = _initials(doc[ent.start:end].text, hyphens=False)
    if spelled is None or len(spelled) < 3 or spelled == _initials(ent.text, hyphens=False):
        return ent
    if any(t.text == spelled for t in doc):
        return SpacySpan(doc, ent.start, end, label=ent.label)
    return ent


def _before_gloss(ent: SpacySpan) -> SpacySpan:
    """A name without the bracketed run of capitals the small model takes into it: a stock
    ticker or an acronym glosses the name before it ("Varrow Logistics (VRL.N)"), and is no
    word of the name. A bracket opening on a word that is not all capitals (an editor's
    first name, "President (Jan) Novak") is left alone."""
    doc = ent.doc
    for i in range(ent.start + 1, ent.end - 1):
        if doc[i].text in OPENING_BRACKETS and doc[i + 1].is_upper and doc[i + 1].is_alpha:
            return SpacySpan(doc, ent.start, i, label=ent.label)
    return ent


def _title_front(ent: SpacySpan) -> bool:
    """A PERSON entity ending in a capitalised office ("Chief") with capitalised title words
    running on from it to another person's name: no name ends in an office that goes on.
    ("Ann Major said" ends in a word of office too, but nothing runs on.)"""
    last = ent[-1]
    if not (last.is_title and last.lower_ in ROLE_NOUNS):
        return False
    doc = ent.doc
    i = ent.end
    while i < len(doc) and i < ent.end + 3 and doc[i].ent_iob_ == "O" and doc[i].is_title:
        i += 1
    return i > ent.end and i < len(doc) and doc[i].ent_iob_ == "B" and doc[i].ent_type_ == "PERSON"


def _with_name_front(ent: SpacySpan) -> SpacySpan:
    """An organisation with the capitalised words of its name that the small model left out
    in front ("Varrow Logistics" found as "Logistics"): a proper noun compounded into the
    name and in no entity of its own belongs to it, unless it is a title, an honorific or a
    country, which stand before a name without being part of it ("Norland Rail")."""
    doc = ent.doc
    start = ent.start
    while start > 0:
        tok = doc[start - 1]
        if not (tok.dep_ == "compound" and tok.ent_iob_ == "O" and tok.tag_ == "NNP"
                and ent.start <= tok.head.i < ent.end and tok.text.isalpha() and (tok.is_title or tok.is_upper)):
            break
        if not doc[start].is_alpha:
            break  # not over "(Reuters) - Voss AG": a dateline
        if start == ent.start and all(t.is_upper for t in ent):
            break  # in a line of capitals (a transcript's speaker) a capital tells nothing
        word = tok.lower_
        if word in ROLE_NOUNS or word in HONORIFICS or word in OCCUPATION_NOUNS or word in TIME_ZONES \
                or country_of(tok.text):
            break
        start -= 1
    return ent if start == ent.start else SpacySpan(doc, start, ent.end, label=ent.label)


def _common_plural(ent: SpacySpan) -> bool:
    """A plural common noun capitalised only because it opens a sentence or a headline
    ("Pigs were culled", "Schools should close"; scraped text often runs a headline or a
    dateline into the next sentence, so the opening is not always where the parser puts it),
    which the small model tags as a name. The tagger calls it a plural common noun and its
    singular is an English noun ("pig"; not "Rowles", a surname the tagger took for a
    plural); a word the article also capitalises inside a sentence is a name after all (a
    team, a band)."""
    if len(ent) != 1:
        return False
    tok = ent[0]
    if tok.tag_ != "NNS" or ent.label_ == "NORP":  # "Haitians": a people's plural is their name
        return False  # (the tag first: most entities are not plural nouns)
    if not tok.is_title or tok.lemma_.lower() not in _common_nouns():
        return False
    doc = tok.doc
    return all(i == tok.i or _opens_sentence(doc, i) for i in token_indices(doc, "ORTH", tok.text.__eq__))


@functools.cache
def _common_nouns() -> frozenset[str]:
    """The English common nouns the pipeline's lemmatizer knows (its WordNet index): the
    lemmatizer needs no name list, so its nouns are words, not names."""
    nlp = load_nlp()  # the pipeline the stages share, loaded once per process
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index", {})
    return frozenset(index.get("noun", ()))


def _opens_sentence(doc: Doc, i: int) -> bool:
    """Whether a word stands where every word is capitalised: first in its sentence, or
    first inside an opening quotation mark."""
    return doc[i].is_sent_start or (i > 0 and doc[i - 1].tag_ == "``")


def _pieces(doc: Doc, start: int, end: int, label: int) -> Iterator[SpacySpan]:
    """doc[start:end] cut before each inner honorific (dropped) and at each spaced dash."""
    piece = start
    for i in range(start + 1, end):
        tok = doc[i]
        spaced_dash = tok.text in DASHES and bool(doc[i - 1].whitespace_) and bool(tok.whitespace_)
        if (tok.lower_ in HONORIFICS and tok.is_title) or spaced_dash:  # not "Jean-Marc"
            if i > piece:
                yield SpacySpan(doc, piece, i, label=label)
            piece = i + 1
    if end > piece:
        yield SpacySpan(doc, piece, end, label=label)


def _entity_drafts(doc: Doc) -> list[_Draft]:
    """Named mentions from spaCy's entities, with titles attached to people."""
    drafts: list[_Draft] = []
    sent_index = doc_sentence_index(doc)
    first_names, bracketed = _bracketed_first_names(doc) if "(" in doc_text(doc) else ({}, set())
    for ent in _split_entities(doc.ents):
        kind = ENTITY_LABELS.get(ent.label_)
        if kind is None:
            continue
        ent_text = span_text(ent)  # Span.text joins the span's tokens anew on every call
        if "\n" in ent_text or ent.start in bracketed or _title_fragment(doc, ent) or ent_text.lower() in TIME_ZONES:
            continue
        if ent.label_ in ("ORG", "GPE") and _person_like_org(doc, ent):
            kind = "person"
        full = _clean_name(ent_text)
        # "President (Jan)Novak": the text says "Novak", the bracket adds the first name
        # (spaCy often leaves the opening bracket outside the entity: "Jan)Novak")
        text = _clean_name(re.sub(r"\([^)]*\)|^[^()]*\)", " ", ent_text)) if ")" in ent_text else full
        if ent.start in first_names:
            full = f"{first_names[ent.start][0]} {text}"
        if not text or not any(c.isalpha() for c in text):
            continue
        start = ent.start_char
        if ent.start > 0 and doc[ent.start - 1].lower_ in HONORIFICS and kind in ("person", "organisation"):
            start = doc[ent.start - 1].idx  # "Mr Ivanoff" is the form the article uses
            text = f"{doc[ent.start - 1].text} {text}"
        role = affiliation = gender = None
        code = None
        if kind == "person":
            inner = _inner_title(ent) or _inner_occupation(ent)
            if inner:  # "Spokeswoman Ilona Marek" tagged whole: the title is not the name
                name = doc[ent.start + len(inner) : ent.end]
                start, text = name.start_char, _clean_name(name.text)
                full = text if full == _clean_name(ent_text) else full
            # "President (Jan) Novak": the title stands before the bracket
            titled = doc[first_names[ent.start][1] : ent.end] if ent.start in first_names else ent
            role, affiliation, gender = _split_title(_title_tokens(doc, titled) + inner)
            role = role or (inner[0].text if inner and inner[0].lower_ in OCCUPATION_NOUNS else None)
            if role is None or affiliation is None:
                appos_role, appos_aff = _appos_role(ent)
                role, affiliation = role or appos_role, affiliation or appos_aff
            affiliation = affiliation or _led_by(ent)
        elif ent.label_ == "NORP":
            code = country_of(text)
            if ent.root.dep_ in ("amod", "compound", "conj") or ent.root.pos_ == "ADJ":
                if code is None or not _voices_state(ent.root):
                    continue  # an adjective ("Polish envoys"): affiliation, not a mention
            elif code is None:
                kind = "other"
        else:
            code = country_of(text)
            if code is not None:
                kind = "country"
            elif ent.label_ == "GPE":
                kind = "other"  # a city or region named as a place, not as an actor
        if text.casefold() in PLATFORMS:
            kind, code, role, affiliation, gender = "organisation", None, None, None, None
        key = country_name(code) if code else text
        root = ent.root  # Span.root walks the span's heads: once
        # "Varenia's chief negotiator, Anton Bereszky, said": the apposition names the subject
        subject = root.dep_ in SUBJECT_DEPS or (root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS)
        drafts.append(_Draft(start, ent.end_char, text, kind, key, sent_index[root.i],
                             subject, True, role, affiliation, gender,
                             head=root.i, full=full if full != text else None))
    return drafts


# Plural or collective nouns that a demonym makes a state's own voice or arm: "the Danish
# government rejected", "Icelandic officials said", "the Russian side", "Estonian troops".
# Event coders (CAMEO, PLOVER) code these as the state's government or military, as they do
# "Copenhagen" or "the government of Denmark". A person's title ("the Danish ambassador") is
# not here: it introduces a person, whom the description passes resolve.
STATE_VOICE_NOUNS = frozenset(
    "government authorities administration cabinet regime leadership side delegation officials"
    " diplomats negotiators military army navy forces troops embassy ministry".split()
)


def _voices_state(adjective: Token) -> bool:
    """Whether a demonym modifies a noun that speaks or acts for its state ("the Danish
    government", "Danish and Swedish officials"), not people of the place ("Danish farmers")."""
    tok = adjective
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    noun = tok.head
    return tok.dep_ in ("amod", "compound") and noun.pos_ == "NOUN" and (
        noun.lower_ in STATE_VOICE_NOUNS or noun.lemma_.lower() in STATE_VOICE_NOUNS)


# Nouns a state has and a person does not ("Ostrand's water minister", "in Ostrand"): a
# one-word PERSON entity found with them is a country the small model did not know.
STATE_NOUNS = frozenset(
    "government ministry minister ministers delegation embassy ambassador border borders territory"
    " parliament capital army military navy economy citizens population president"
    " prime-minister regime authorities".split()
)
PLACE_PREPS = frozenset("in inside into across throughout within".split())


def _relabel_places(doc: Doc, drafts: list[_Draft]) -> None:
    """A one-word PERSON that is a country: known to the country tables ("Kiev"), or used
    as a place in this article ("in X", "X's foreign minister") and never given a first name."""
    people = [d for d in drafts if d.kind == "person" and d.named]
    longer = _full_name_words(people)
    single = defaultdict(list)
    for d in people:
        words = _name_tokens(d.text)
        if len(words) == 1 and d.text == words[0].title() and d.role is None and words[0] not in longer \
                and not d.text.lower().startswith(tuple(HONORIFICS)):
            single[d.text].append(d)
    for name, group in single.items():
        code = country_of(name)
        evidence = code is not None
        for d in group if not evidence else ():
            tok = doc[d.head]
            if (tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS) or (
                    tok.dep_ == "poss" and tok.head.lemma_.lower() in STATE_NOUNS):
                evidence = True
                break
        if not evidence:
            continue
        for d in group:
            d.kind = "country"
            d.key = country_name(code) if code else name
            d.subject = False
        _affiliate_to_place(doc, drafts, group)


def _affiliate_to_place(doc: Doc, drafts: list[_Draft], place: list[_Draft]) -> None:
    """The people whose title this newly found place possesses ("X's water minister Jan
    Novak", "X's spokesman, Jan Novak"): the title was read while X was still a person's
    name, so it gave them no affiliation."""
    heads = {d.head: d.key for d in place}
    for d in drafts:
        if d.kind != "person" or d.affiliation is not None or d.head < 0:
            continue
        tok = doc[d.head]
        titles = [c for c in tok.children if c.dep_ == "compound" and is_role_noun(c)]
        if tok.dep_ == "appos" and is_role_noun(tok.head):
            titles.append(tok.head)
        owner = next((heads[c.i] for t in titles for c in t.children if c.dep_ == "poss" and c.i in heads), None)
        if owner is not None:
            d.affiliation = owner


def _relabel_person_names(drafts: list[_Draft]) -> None:
    """An ORG tag on a name the article also gives a PERSON ("Marek Novak" … "Novak said"),
    or a given name and the surname the article gives a PERSON alone ("Konstantin Gavrilov
    explained" tagged ORG, "Gavrilov said" PERSON): a body's name does not end in a surname."""
    person_tokens = {w for d in drafts if d.kind == "person" for w in _name_tokens(d.full or d.text)}
    for d in drafts:
        if d.kind in ("organisation", "other") and len(d.text.split()) <= 2 and d.text[:1].isupper() \
                and not d.text.isupper() and country_of(d.text) is None:
            words = _name_tokens(d.text)
            if words and (all(w in person_tokens for w in words) or _given_name_and_surname(d.text, person_tokens)):
                d.kind = "person"


def _given_name_and_surname(text: str, person_tokens: set[str]) -> bool:
    """Two capitalised words, the second a surname the article gives a person, the first no
    word a body's or a company's name is made of."""
    words = text.split()
    return (len(words) == 2 and all(w.isalpha() and w[:1].isupper() and not w.isupper() for w in words)
            and bool(surname := set(_name_tokens(words[1]))) and surname <= person_tokens
            and not {w.lower() for w in words} & BODY_NAME_WORDS)


# Nouns that stand before the name of a company or a product, never before a person's
# ("the drugmaker Varrow", "the drug Zolvex"): the first make a name an organisation's.
COMPANY_NOUNS = frozenset(
    "company companies firm firms drugmaker drugmakers maker makers manufacturer manufacturers"
    " carmaker automaker airline airlines carrier insurer lender retailer conglomerate group"
    " supplier suppliers producer producers chipmaker brewer miner bank".split()
)
# Words a body's or a company's name is made of, never a person's given name.
BODY_NAME_WORDS = BODY_HEADS | COMPANY_NOUNS
PRODUCT_NOUNS = frozenset("drug drugs medicine medicines vaccine vaccines product products brand pill".split())
# Words only a traded company's name stands with ("Varrow shares fell", "shares of Varrow").
SHARE_WORDS = frozenset("shares share stock stocks stake".split())


def _company_evidence(doc: Doc, i: int) -> str | None:
    """The kind a one-word name's surroundings give it: "organisation" after a company noun
    ("drugmaker Varrow") or with its shares ("Varrow shares", "shares of Varrow"), "other"
    after a product noun ("the drug Zolvex") or held by an organisation ("Varrow's Zolvex"),
    and so for every name of a list the noun opens."""
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is not None and nxt.text in ("'s", "’s", "'", "’") and i + 2 < len(doc):
        nxt = doc[i + 2]
    if prev is not None and prev.is_lower:
        if prev.lower_ in COMPANY_NOUNS:
            return "organisation"
        if prev.lower_ in PRODUCT_NOUNS:
            return "other"
        if prev.lower_ == "of" and i > 1 and doc[i - 2].lower_ in SHARE_WORDS:
            return "organisation"
    if nxt is not None and nxt.lower_ in SHARE_WORDS and nxt.pos_ == "NOUN":  # not "Kaller shares his view"
        return "organisation"
    if prev is not None and prev.text in ("'s", "’s") and i > 1 and doc[i - 2].ent_type_ == "ORG":
        return "other"
    return _listed_kind(doc[i])


def _listed_kind(tok: Token) -> str | None:
    """The kind a list gives every name in it: "drugmakers Varrow, Zellhof and Kostra",
    "companies including Varrow and Zellhof" name companies, "drugs such as Zolvex" products."""
    first = tok
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    prep = first.head
    if first.dep_ == "appos" and first.head.i < first.i:
        noun, kinds = first.head, ("organisation", "other")
    elif first.dep_ == "pobj" and prep.lower_ == "as" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such":
        noun, kinds = prep.head, ("organisation", "other")
    elif first.dep_ == "pobj" and prep.lower_ in ("including", "like"):
        noun, kinds = prep.head, ("organisation",)  # the parser may hang the list on the wrong noun
    elif first is not tok and first.i > 0:
        noun, kinds = first.doc[first.i - 1], ("organisation", "other")
    else:
        return None
    if noun.lower_ in COMPANY_NOUNS:
        return "organisation"
    return "other" if noun.lower_ in PRODUCT_NOUNS and "other" in kinds else None


# Words that end a company's legal name ("Varrow AG", "Zolvex Holdings"): the name without
# them is the company's short name.
COMPANY_SUFFIXES = frozenset("ag inc inc. ltd ltd. plc corp corp. co co. sa nv gmbh llc group holdings".split())


def _company_name(text: str) -> str:
    """An organisation's name without its legal ending: "Varrow AG" -> "Varrow"."""
    front, _, last = text.rpartition(" ")
    return front if front and last.lower() in COMPANY_SUFFIXES else text


def _full_name_words(people: list[_Draft]) -> set[str]:
    """Every word of the people's names of two words or more: a one-word name among them
    is a surname or first name of someone named in full, not a name of its own."""
    return {w for d in people for words in [_name_tokens(d.full or d.text)] if len(words) > 1 for w in words}


def _relabel_companies(doc: Doc, drafts: list[_Draft]) -> None:
    """A one-word PERSON that is a company or a product. A person is given a first name, a
    title, an honorific or a gender somewhere in the article; a name given none of them that
    the article also uses as an organisation (tagged so elsewhere, or opening an
    organisation's name: "Varrow AG"), or puts after a company or product noun or with
    shares, names no person. A name with a digit in it (a virus, a model) is no one's."""
    people = [d for d in drafts if d.kind == "person" and d.named]
    longer = _full_name_words(people)
    org_names = {_company_name(d.text) for d in drafts if d.kind == "organisation"}
    single: dict[str, list[_Draft]] = defaultdict(list)
    for d in people:
        words = _name_tokens(d.text)
        if " " not in d.text and d.text[:1].isupper() and len(words) == 1 and words[0] not in longer:
            single[d.text].append(d)
    for name, group in single.items():
        if any(d.role or d.gender or d.full for d in group):
            continue
        if any(c.isdigit() for c in name):
            kind: str | None = "other"
        elif name in org_names:
            kind = "organisation"
        else:
            kind = next((k for d in group if d.head >= 0 for k in [_company_evidence(doc, d.head)] if k), None)
        for d in group if kind else ():
            d.kind = kind


def _surname_drafts(doc: Doc, drafts: list[_Draft], taken: set[int]) -> list[_Draft]:
    """Later mentions of a named person that spaCy did not tag ("Castaing opened…",
    "Ms Tallis said"): a capitalised word equal to the surname of a person this article
    names in full."""
    surnames = {}
    for d in drafts:
        words = (d.full or d.text).split()
        if d.kind == "person" and d.named and len(_name_tokens(d.full or d.text)) > 1 and words[-1][:1].isupper():
            surnames.setdefault(words[-1], d)
    found: list[_Draft] = []
    sent_index = doc_sentence_index(doc)
    for i in token_indices(doc, "ORTH", surnames.__contains__):
        tok = doc[i]
        if tok.i in taken or tok.pos_ not in ("PROPN", "NOUN"):
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].is_title and doc[tok.i + 1].pos_ == "PROPN":
            continue  # part of a longer name ("Castaing Foundation")
        start, text = tok.idx, tok.text
        prev = doc[tok.i - 1] if tok.i > 0 else None
        gender = None
        if prev is not None and prev.lower_ in HONORIFICS and prev.i not in taken:
            start, text, gender = prev.idx, f"{prev.text} {tok.text}", HONORIFICS[prev.lower_]
        found.append(_Draft(start, tok.idx + len(tok.text), text, "person", text, sent_index[tok.i],
                            tok.dep_ in SUBJECT_DEPS, True, gender=gender, head=tok.i))
    return found


def _metonym_drafts(doc: Doc, taken: set[int]) -> list[_Draft]:
    """Government metonyms spaCy misses as entities ("the White House" tagged as nothing)."""
    drafts: list[_Draft] = []
    sent_index = doc_sentence_index(doc)
    for i in token_indices(doc, "LOWER", METONYMS.__contains__):
        tok = doc[i]
        if tok.i in taken or tok.pos_ != "PROPN":
            continue
        code = METONYMS.get(tok.lower_)
        if code:
            drafts.append(_Draft(tok.idx, tok.idx + len(tok.text), tok.text, "country",
                                 country_name(code), sent_index[tok.i], tok.dep_ in SUBJECT_DEPS,
                                 True, head=tok.i))
    return drafts


def _body_drafts(doc: Doc, taken: set[int], drafts: list[_Draft]) -> list[_Draft]:
    """Bodies the small model does not tag: a proper name ending in a body's head noun ("the
    Harbour and Dock Workers' Union voted"), and a definite "the union" or "the commission"
    after it, which stands for the last body the article named with that head noun (a named
    one, or an organisation the model tagged: "the Selka River Authority … the authority").

    Why: invented and lesser-known bodies are tagged piecemeal or not at all, and news
    names a body once and then calls it by its head noun; without these a union's demands
    have no actor.
    """
    named = sorted((d for d in drafts if d.kind == "organisation"), key=lambda d: d.start)
    last: dict[str, str] = {}  # head noun -> key of the last body named with it
    out: list[_Draft] = []
    sent_index = doc_sentence_index(doc)
    starts = doc_sentence_starts(doc)
    k = 0
    for i in token_indices(doc, "LOWER", BODY_HEADS.__contains__):
        tok = doc[i]
        while k < len(named) and named[k].start < tok.idx:
            head = doc[named[k].head] if named[k].head >= 0 else None
            if head is not None and head.lower_ in BODY_HEADS:  # "State of the Union" is no union
                last[head.lower_] = named[k].key
            k += 1
        if i in taken or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        sent_no = sent_index[i]
        lo = starts[sent_no]
        name = _body_name_ending(list(doc[lo : i + 1]), i - lo)
        hi = starts[sent_no + 1] if sent_no + 1 < len(starts) else len(doc)
        if name is not None and (any(t.tag_.startswith("VB") for t in name) or _title_case_line(doc[lo:hi])):
            name = None  # a headline in title case ("Mayor Slams Harbour Board") names no body
        if name is not None:
            key = _clean_name(doc[name[0].i : i + 1].text)
            last[tok.lower_] = key
            out.append(_Draft(name[0].idx, tok.idx + len(tok.text), key, "organisation", key,
                              sent_index[i], tok.dep_ in SUBJECT_DEPS, True, head=i))
        elif tok.lower_ in last and _refers_back(tok, last[tok.lower_]):
            det = next(c for c in tok.children if c.dep_ == "det")
            out.append(_Draft(det.idx, tok.idx + len(tok.text), doc[det.i : i + 1].text, "organisation",
                              last[tok.lower_], sent_index[i], tok.dep_ in SUBJECT_DEPS, False, head=i))
    return out


def _title_case_line(sent: SpacySpan) -> bool:
    """A sentence with most of its longer words capitalised: a title-case headline."""
    words = [t for t in sent[1:] if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title for t in words) > 0.6 * len(words)


def _refers_back(tok: Token, name: str) -> bool:
    """A singular "the union" that can stand for the body called ``name``: nothing after it
    that would make it another body ("the union of farmers", "the union that represents
    pilots"), and no word before it that is not in the name ("the port authority" is the
    Marrowgate Port Authority, "the Palestinian news agency" is not the Saudi Press Agency)."""
    if tok.tag_ not in ("NN", "NNP") or tok.dep_ in ("compound", "amod"):
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return False
    words = set(_fold(name).split())
    for child in tok.children:
        if child.dep_ in ("prep", "relcl", "acl", "appos"):
            return False
        if child.i < tok.i and child.dep_ not in ("det", "punct") and _fold(child.text) not in words:
            return False
    return True


def _description_drafts(doc: Doc, taken: set[int]) -> list[_Draft]:
    """Definite role descriptions that stand for a person: "the (senior) envoy",
    "the Deputy Trade Minister", "the chief of the Chilean mission"."""
    drafts: list[_Draft] = []
    sent_index = doc_sentence_index(doc)
    for i in sorted(role_word_indices(doc)):
        tok = doc[i]
        if tok.i in taken or tok.tag_ in ("NNS", "NNPS") or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.dep_ in ("compound", "amod") or any(c.dep_ == "appos" for c in tok.children):
            continue  # a title in front of a name, or "the envoy, Novak": the name carries it
        if tok.i + 1 < len(doc) and doc[tok.i + 1].ent_type_ == "PERSON":
            continue
        det = [c for c in tok.children if c.dep_ == "det"]
        if not det or det[0].lower_ != "the":
            continue
        start = det[0].i
        end = tok.i + 1
        preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "for") and c.i == end]
        if preps and tok.lemma_.lower() in ("head", "chief", "leader", "chair", "chairman"):
            end = preps[0].right_edge.i + 1
            # "the head of the delegation of Norland, Jan Novak,": the name beside it is no part
            end = next((j for j in range(preps[0].i, end) if doc[j].text == ","), end)
        words = doc[start + 1 : end]
        gender = "f" if tok.lower_ in FEMALE_ROLES else "m" if tok.lower_ in MALE_ROLES else None
        drafts.append(_Draft(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text),
                             doc[start:end].text, "person", "", sent_index[tok.i],
                             tok.dep_ in SUBJECT_DEPS, False, role=words.text, gender=gender,
                             head=tok.i, resolved=False, affiliation=_country_in(list(words))))
    return drafts


def _pronoun_drafts(doc: Doc, quoted: list[tuple[int, int]]) -> list[_Draft]:
    """Third-person singular pronouns outside quotations (inside, "he" is someone else's)."""
    drafts: list[_Draft] = []
    sent_index = doc_sentence_index(doc)
    for i in token_indices(doc, "LOWER", PRONOUN_GENDER.__contains__):
        tok = doc[i]
        if tok.pos_ != "PRON" or _inside(tok.idx, quoted) or _generic_pair(tok):
            continue
        drafts.append(_Draft(tok.idx, tok.idx + len(tok.text), tok.text, "person", "",
                             sent_index[tok.i], tok.dep_ in SUBJECT_DEPS, False,
                             gender=PRONOUN_GENDER[tok.lower_], head=tok.i, resolved=False,
                             clause_subjects=_enclosing_subjects(tok), not_subjects=_own_clause_subject(tok)))
    return drafts


def _subjects_of(node: Token) -> list[int]:
    """Token indices of a verb's subjects and their appositions."""
    out: list[int] = []
    for child in node.children:
        if child.dep_ in SUBJECT_DEPS:
            out.append(child.i)
            out.extend(c.i for c in child.children if c.dep_ == "appos")
    return out


def _enclosing_subjects(tok: Token) -> tuple[int, ...]:
    """Token indices of the subjects (and their appositions) of the clauses that hold a
    pronoun, innermost first, those before it only: "Velm, who sailed in 1990, criticised
    the plan, which he called …": Velm's clause holds "he". An object pronoun's own clause's
    subject is left out (see :func:`_own_clause_subject`)."""
    out: list[int] = []
    skip = set(_own_clause_subject(tok))
    node = tok
    while node.head.i != node.i:  # spaCy makes a new Token on each access: compare indices
        node = node.head
        out.extend(i for i in _subjects_of(node) if i < tok.i and i not in skip and not node.doc[i].is_ancestor(tok))
    return tuple(out)


OBJECT_PRONOUNS = frozenset("him her".split())


def _own_clause_subject(tok: Token) -> tuple[int, ...]:
    """The subject of an object pronoun's own clause, which it never refers to: a person
    acting on themself takes a reflexive ("Kaller praised himself"), so "Dresk lied to
    him" and "Voss thanked her" speak of someone else. A possessive ("Voss chose her aides")
    may be the subject's own."""
    if tok.lower_ not in OBJECT_PRONOUNS or tok.dep_ == "poss" or tok.dep_ in SUBJECT_DEPS:
        return ()
    node = tok
    for _ in range(4):  # up through the preposition to the verb
        if node.head.i == node.i:
            return ()
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            subjects = _subjects_of(node)
            # "Dresk caught up and overtook her", "Velm went on air to defend her": a
            # coordinated or controlled verb's subject is its head verb's
            while not subjects and node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
                node = node.head
                subjects = _subjects_of(node)
            return tuple(subjects)
    return ()


# Third-person singular pronouns by gender, in every case: "he or she", "his or her",
# "him or her", "himself or herself" are generic pairs.
GENDERED_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m",
                     "she": "f", "her": "f", "hers": "f", "herself": "f"}


def _generic_pair(tok: Token) -> bool:
    """A pronoun coordinated with another gendered pronoun ("his or her heritage", "he or
    she"): the pair means anyone, so it refers to no one and tells no one's gender."""
    if tok.dep_ == "conj" and tok.head.lower_ in GENDERED_PRONOUNS:
        return True
    if any(c.dep_ == "conj" and c.lower_ in GENDERED_PRONOUNS for c in tok.children):
        return True
    # the parser does not always coordinate the pair: read the words either side
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].lower_ in ("or", "/") and doc[tok.i - 2].lower_ in GENDERED_PRONOUNS:
        return True
    return tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ in ("or", "/") and doc[tok.i + 2].lower_ in GENDERED_PRONOUNS


def _bound_genders(doc: Doc, drafts: list[_Draft]) -> dict[str, str]:
    """Genders that reflexive and possessive pronouns give the named subjects of their clauses.

    Why: a reflexive refers to the subject of its own clause ("Voss cleared herself"), and a
    possessive with no other person in the clause nearly always does too ("Kaller released
    his plan"); both are surer evidence of a person's gender than a "he" two sentences on.
    The majority over the article decides.
    """
    named_heads = {d.head: d for d in drafts if d.kind == "person" and d.named and d.head >= 0}
    if not named_heads:
        return {}
    person_heads = sorted(d.head for d in drafts if d.kind == "person" and d.head >= 0)
    votes: dict[str, Counter] = defaultdict(Counter)
    for i in token_indices(doc, "LOWER", ("his", "her", "himself", "herself").__contains__):
        tok = doc[i]
        if tok.lower_ == "her" and tok.dep_ != "poss":
            continue  # "thanked her": an object pronoun is never the clause's own subject
        if _generic_pair(tok):
            continue
        subj = _clause_subject(tok)
        if subj is None or subj.i not in named_heads or subj.i > tok.i:
            continue
        if not tok.lower_.endswith("self") and any(subj.i < h < tok.i for h in person_heads):
            continue  # "Voss praised Kaller for his work": the nearer person may own it
        votes[named_heads[subj.i].key][GENDERED_PRONOUNS[tok.lower_]] += 1
    return {key: count.most_common(1)[0][0] for key, count in votes.items()
            if len(count) == 1 or count.most_common(2)[0][1] > count.most_common(2)[1][1]}


def _clause_subject(tok: Token) -> Token | None:
    """The subject of the nearest clause around a token (a few steps up its heads)."""
    head = tok.head
    for _ in range(6):
        subj = next((c for c in head.children if c.dep_ in SUBJECT_DEPS and c.i != tok.i), None)
        if subj is not None:
            return subj
        if head.head.i == head.i:
            return None
        head = head.head
    return None


def doc_sentence_index(doc: Doc) -> list[int]:
    """Sentence number of each token (cached on the doc: mentions and quotes both need it)."""
    cached = doc.user_data.get("newstrail_sent_index")
    if cached is None:
        starts = doc_sentence_starts(doc)
        cached = [0] * len(doc)
        for n, (start, end) in enumerate(zip(starts, starts[1:] + [len(doc)])):
            cached[start:end] = [n] * (end - start)
        doc.user_data["newstrail_sent_index"] = cached
    return cached


def doc_sentence_starts(doc: Doc) -> list[int]:
    """Index of each sentence's first token, in order (cached on the doc).

    Why not ``doc.sents`` and ``Span.sent``: they build a Span per sentence, and ``Span.sent``
    walks back to the sentence's start at every call (once per person named). Both read the
    tokens' SENT_START flag: a sentence starts at the first token and at every later token
    flagged 1, which the SENT_START array gives at once. A doc whose sentences come from a
    user hook, or that has no sentence bounds (``doc.sents`` raises), asks spaCy.
    """
    cached = doc.user_data.get("newstrail_sent_starts")
    if cached is None:
        if not len(doc) or doc.user_hooks or doc.user_span_hooks or not doc.has_annotation("SENT_START"):
            cached = [sent.start for sent in doc.sents]
        else:
            flags = doc.to_array("SENT_START")
            flags[0] = 1
            cached = numpy.flatnonzero(flags == 1).tolist()
        doc.user_data["newstrail_sent_starts"] = cached
    return cached


def doc_sentence_roots(doc: Doc) -> list[int]:
    """Index of each sentence's root (by sentence number), cached on the doc.

    Why not ``token.sent.root``: that builds the sentence's Span and walks its tokens at every
    call. A sentence the parser made has one token that is its own head, which is the root
    ``Span.root`` gives; a sentence without exactly one (no parse) asks the Span.
    """
    cached = doc.user_data.get("newstrail_sent_roots")
    if cached is None:
        own_heads = numpy.flatnonzero(doc.to_array("HEAD") == 0).tolist() if len(doc) else []
        sent_index = doc_sentence_index(doc)
        found: dict[int, list[int]] = {}
        for i in own_heads:
            found.setdefault(sent_index[i], []).append(i)
        starts = doc_sentence_starts(doc)
        cached = []
        for n, (start, end) in enumerate(zip(starts, starts[1:] + [len(doc)])):
            heads = found.get(n, [])
            cached.append(heads[0] if len(heads) == 1 else doc[start:end].root.i)
        doc.user_data["newstrail_sent_roots"] = cached
    return cached


def role_word_indices(doc: Doc) -> set[int]:
    """Indices of the tokens whose word or lemma is a role noun ("minister", "envoys"),
    cached on the doc: the title and description passes ask for them once per entity."""
    cached = doc.user_data.get("newstrail_role_words")
    if cached is None:
        cached = set(token_indices(doc, "LEMMA", lambda lemma: lemma.lower() in ROLE_NOUNS))
        cached.update(token_indices(doc, "LOWER", ROLE_NOUNS.__contains__))
        doc.user_data["newstrail_role_words"] = cached
    return cached


def token_indices(doc: Doc, attr: str, keep: Callable[[str], bool]) -> list[int]:
    """Indices, in order, of the tokens whose string attribute ``attr`` ("LOWER", "LEMMA",
    "ORTH", "DEP", ...) passes ``keep``.

    The per-article passes look for a few words (speech verbs, pronouns, role nouns) among
    hundreds of tokens. Building a spaCy Token for every word to read its strings costs more
    than the rest of a pass; reading one attribute of all tokens as an array and testing each
    distinct string once is cheap, and the pass then visits only the tokens that can matter.
    """
    if not len(doc):
        return []
    strings, position = _distinct_strings(doc, attr)
    passes = numpy.array([keep(text) for text in strings], dtype=bool)
    return numpy.flatnonzero(passes[position]).tolist()


def _distinct_strings(doc: Doc, attr: str) -> tuple[list[str], numpy.ndarray]:
    """The distinct strings of a token attribute and, per token, the position of its own
    (cached on the doc: the passes of mentions and quotes ask for the same attributes)."""
    key = f"newstrail_strings_{attr}"
    cached = doc.user_data.get(key)
    if cached is None:
        distinct, position = numpy.unique(doc.to_array(attr), return_inverse=True)
        lookup = doc.vocab.strings
        cached = doc.user_data[key] = ([lookup[v] for v in distinct.tolist()], position)
    return cached


# Quotation marks as scraped news really types them: curly marks turned the wrong way ("“"
# closing, "”" opening), straight and curly marks closing each other, no space around a mark
# (said,“We / ,”Voss said), two apostrophes ('' … '', New York Times archives) or two
# curly singles for a double mark, guillemets. So double marks of every kind are one family,
# paired by alternation within a paragraph; a mark's side (opening or closing) comes from its
# neighbours when they are clear, from its glyph only when they are not. Hand-written: no
# maintained library finds quotation spans in mis-typed text (smartypants-style tools only
# turn straight marks curly, with the same guesses).
# The lookahead names every first character a mark can have, so the regex engine skips to
# such a character instead of trying the alternation at each one (the matches are the same).
_DOUBLE_MARK = re.compile(r"(?=['‘’“”\"«»„])(?:'{2,}|[‘’]{2}|[“”\"«»„])")
# The strings one of which a paragraph holds exactly when _DOUBLE_MARK matches in it: found
# by str's own search, which is several times faster than the regex engine trying the
# alternation at every character of a paragraph without marks.
_DOUBLE_MARK_STRINGS = ("“", "”", '"', "«", "»", "„", "''", "‘‘", "‘’", "’‘", "’’")
_OPENING_GLYPHS = frozenset("“«„") | {"‘‘"}
_CLOSING_GLYPHS = frozenset("”»") | {"’’"}
# What may stand before an opening mark or after a closing one besides a space.
_OPEN_BEFORE = "([{—–-/"
_CLOSE_AFTER = ".,;:!?)]}—–-…"
# 6'2" and 5' 10'': a feet-and-inches measure, not a quotation mark.
_INCHES = re.compile(r"\d['’′] ?\d{1,2}(?:\.\d+)?(?=\"|'')")
# Single curly marks (headlines: Novak: ‘Not now…’) only open after a space or line start and
# close on a ’ that is not an apostrophe ("don’t"); they count only outside double quotations.
_SINGLE_QUOTATION = re.compile(r"(?<![\w’])‘(?:[^’‘\n]|’(?=\w))+’(?!\w)")


def _double_marks(paragraph: str) -> list[tuple[int, int]]:
    """The double quotation marks of one paragraph as (start, end) offsets. A run of three
    apostrophes is a single mark next to a double one (''' after "he said, 'No,"), so the
    double is the pair on the side away from the text; marks typed twice ("“ or ““) are one
    mark unless they face each other (.”“ closes one quotation and opens the next); inch
    marks are left out."""
    inches = {m.end() for m in _INCHES.finditer(paragraph)}
    marks: list[tuple[int, int]] = []
    for m in _DOUBLE_MARK.finditer(paragraph):
        start, end = m.span()
        if start in inches:
            continue
        if end - start > 2 and paragraph[start] == "'":
            if end < len(paragraph) and (paragraph[end].isalnum() or paragraph[end] == "'"):
                end = start + 2  # '''Sir … : the double opens, then the single
            else:
                start = end - 2  # … line,''' : the single closes, then the double
        if marks and marks[-1][1] == start and not _facing(paragraph[slice(*marks[-1])], m.group()):
            marks[-1] = (marks[-1][0], end)
        else:
            marks.append((start, end))
    return marks


def _facing(first: str, second: str) -> bool:
    """Do two adjacent marks' glyphs face opposite ways (”“), so they are two marks?"""
    return {_glyph_side(first), _glyph_side(second)} == {"open", "close"}


def _mark_side(paragraph: str, start: int, end: int) -> str:
    """"open", "close" or "" (unclear) from the characters around a mark: a space (or a
    bracket, a dash) before and text after is an opening mark whatever its glyph; a mark
    with nothing after it in the paragraph closes."""
    if not paragraph[end:].strip():
        return "close"
    before = paragraph[start - 1] if start > 0 else " "
    after = paragraph[end]
    spaced_before = before.isspace() or before in _OPEN_BEFORE
    spaced_after = after.isspace() or after in _CLOSE_AFTER
    if spaced_before and not spaced_after:
        return "open"
    if spaced_after and not spaced_before:
        return "close"
    return ""


def _glyph_side(mark: str) -> str:
    """The side a mark's own shape says (straight marks say nothing)."""
    if any(g in mark for g in _OPENING_GLYPHS):
        return "open"
    return "close" if any(g in mark for g in _CLOSING_GLYPHS) else ""


def _paragraph_quotations(paragraph: str) -> list[tuple[int, int]]:
    """Pair the double marks of one paragraph by alternation, one level of nesting deep.
    With nothing open, a mark that can only close (',” he said' after a lost opening, an inch
    mark) is skipped. With a quotation open, a clearly opening mark opens one inside it
    ('"… says, "I'd like ten," you know …"'), which the outer range covers once the outer
    closes. An outer one that never closes lost its closing mark ('"A, he added, "B."'): it
    ends before the first inner one, and the inner ones stand alone; the last open one runs
    to the end of the paragraph (a quote that goes on in the next one has no closing mark)."""
    ranges: list[tuple[int, int]] = []
    outer: int | None = None
    inner: int | None = None
    nested: list[tuple[int, int]] = []
    for start, end in _double_marks(paragraph):
        side = _mark_side(paragraph, start, end) or _glyph_side(paragraph[start:end])
        if outer is None:
            if side != "close":
                outer = start
        elif inner is not None:
            nested.append((inner, end))
            inner = None
        elif side == "open":
            inner = start
        else:
            ranges.append((outer, end))
            outer, nested = None, []
    if outer is not None:
        if inner is not None:
            nested.append((inner, len(paragraph)))
        cut = nested[0][0] if nested else len(paragraph)
        ranges.append((outer, len(paragraph[:cut].rstrip()) if nested else cut))
        ranges += nested
    return ranges


def doc_quotation_ranges(doc: Doc) -> list[tuple[int, int]]:
    """``quotation_ranges`` of the doc's text, cached on the doc: mentions and quotes both need them."""
    cached = doc.user_data.get("newstrail_quotations")
    if cached is None:
        cached = doc.user_data["newstrail_quotations"] = quotation_ranges(doc_text(doc))
    return cached


def doc_text(doc: Doc) -> str:
    """``doc.text``, cached on the doc: spaCy joins it from a Token built for every word each
    time it is asked (a quarter of the mentions stage, asked two or three times per article)."""
    cached = doc.user_data.get("newstrail_text")
    if cached is None:
        cached = doc.user_data["newstrail_text"] = _joined_text(doc)
    return cached


def _joined_text(doc: Doc) -> str:
    """``doc.text`` without a Token per word: spaCy joins each token's ``text_with_ws``, its
    orth string plus one space where its SPACY flag is set; the same strings are read here
    from the ORTH and SPACY arrays (each distinct orth looked up once)."""
    if not len(doc):
        return ""
    strings, position = _distinct_strings(doc, "ORTH")
    with_ws = strings + [text + " " for text in strings]
    chosen = position + len(strings) * doc.to_array("SPACY").astype(numpy.intp)
    return "".join([with_ws[i] for i in chosen.tolist()])


def span_text(span: SpacySpan) -> str:
    """``span.text`` cut from the doc's joined text: a token's ``idx`` is its offset in
    ``doc.text`` and ``end_char`` ends the last token before its space, so the slice is
    the span's tokens joined without the last one's space, as ``Span.text`` joins them
    (building a Token per word on every call)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def quotation_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of quotations (marks included); an unclosed one ends at the paragraph.
    Single-mark quotations count where no double quotation covers them (leftmost first)."""
    found: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        if any(map(paragraph.__contains__, _DOUBLE_MARK_STRINGS)):  # most paragraphs hold no mark
            found += [(offset + s, offset + e) for s, e in _paragraph_quotations(paragraph)]
        offset += len(paragraph) + 1
    if "‘" in text:  # every single-mark quotation opens with one; most articles hold none
        found += [m.span() for m in _SINGLE_QUOTATION.finditer(text)]
    ranges: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if not ranges or start >= ranges[-1][1]:
            ranges.append((start, end))
    return ranges


def _inside(offset: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s < offset < e for s, e in ranges)


def _name_tokens(name: str) -> list[str]:
    return list(_name_words(name))


@functools.lru_cache(maxsize=1 << 16)
def _name_words(name: str) -> tuple[str, ...]:
    """The folded words of a name without honorifics (cached: every pass over the drafts
    compares names, and names repeat)."""
    return tuple(t for t in _fold(name).replace("-", " ").split() if t not in HONORIFICS)


def _fill_person_keys(drafts: list[_Draft]) -> None:
    """Key of each named person = the fullest form of the name in this article.

    Among the longer forms that contain all its tokens, the nearest one before it wins
    (then the first after), so two Novaks in one article stay apart.
    """
    named = [d for d in drafts if d.kind == "person" and d.named]
    words = [_name_words(d.full or d.text) for d in named]  # every pair compares them
    sets = [set(w) for w in words]
    minority = _minority_honorifics(named, words)
    # the fuller forms depend on a name's word set alone: worked out once per distinct set
    # (names repeat: scanning every other form for every mention was quadratic)
    fuller_of: dict[frozenset[str], list[_Draft]] = {}
    for d, tokens in zip(named, sets):
        if id(d) in minority:  # "Mrs Brown" in an article of "Mr Brown"s: another Brown
            d.key = d.text
            continue
        key = frozenset(tokens)
        fuller = fuller_of.get(key)
        if fuller is None:
            fuller = fuller_of[key] = [o for o, ow, os in zip(named, words, sets)
                                       if len(ow) > len(tokens) and tokens <= os]
        before = [o for o in fuller if o.start < d.start]
        pick = (before[-1] if before else fuller[0]) if fuller else d
        d.key = " ".join(t for t in (pick.full or pick.text).split() if _fold(t) not in HONORIFICS)
    # a role or gender seen on any form of the name holds for the key
    by_key: dict[str, list[_Draft]] = defaultdict(list)
    for d in named:
        by_key[d.key].append(d)
    for group in by_key.values():
        role = next((d.role for d in group if d.role), None)
        aff = next((d.affiliation for d in group if d.affiliation), None)
        gender = next((d.gender for d in group if d.gender), None)
        for d in group:
            d.role, d.affiliation, d.gender = d.role or role, d.affiliation or aff, d.gender or gender


def _honorific_gender(name: str) -> str | None:
    """The gender an honorific in front of a name gives ("Mrs Brown": f), else None."""
    first = name.split(maxsplit=1)[0].lower() if name.strip() else ""
    return HONORIFICS.get(first)


def _minority_honorifics(named: list[_Draft], words: list[tuple[str, ...]]) -> set[int]:
    """Short forms (by ``id``) whose honorific's gender is the rarer one for their name in the article.

    Why: "Mr Brown" and "Mrs Brown" in one article are two people (a couple, a father and
    daughter); the fuller name ("Gordon Brown") goes with the more frequent honorific, the
    other keeps its own form as its key.
    """
    by_name: dict[tuple[str, ...], list[tuple[_Draft, str]]] = defaultdict(list)
    for d, w in zip(named, words):
        gender = _honorific_gender(d.text)
        if gender:
            by_name[w].append((d, gender))
    out: set[int] = set()
    for forms in by_name.values():
        counts = Counter(g for _, g in forms)
        if len(counts) > 1:
            major = counts.most_common(1)[0][0]
            out.update(id(d) for d, g in forms if g != major)
    return out


def _compatible(d: _Draft, cand: _Draft, genders: dict[str, str]) -> bool:
    """Could ``d`` (pronoun/description) refer to ``cand``? Gender must not conflict."""
    want = d.gender
    have = genders.get(cand.key) or cand.gender
    return not (want and have and want != have)


def _resolve_references(drafts: list[_Draft], bound: dict[str, str] | None = None) -> None:
    """Give pronouns and descriptions the key of the person they refer to.

    Descriptions first look for a person introduced with the same role words ("the Deputy
    Foreign Minister"); pronouns and generic descriptions take the most recent person in
    subject position (the usual topic of a news passage); a description with no antecedent
    looks a little ahead for the name it is given later. ``bound``: genders that reflexive
    and possessive pronouns give named people (see :func:`_bound_genders`).
    """
    drafts.sort(key=lambda d: d.start)
    introduced = _introduced_keys(drafts)
    genders: dict[str, str] = {}
    for d in drafts:
        if d.kind == "person" and d.named and d.gender:
            genders.setdefault(d.key, d.gender)
    for key, gender in (bound or {}).items():
        genders.setdefault(key, gender)
    genders.update(_voted_genders(drafts, introduced, genders))
    for n, d in enumerate(drafts):
        if d.resolved:
            continue
        earlier = _candidates(d, drafts[:n], introduced, genders)
        pick = _by_role(d, drafts[:n]) if d.role else None
        if pick is None and d.role:
            pick = _same_description(d, earlier)
        if pick is None and (d.role is None or _generic_role(d.role)):
            pick = _topic(d, earlier)
        if pick is None and d.role is not None:
            later = [c for c in drafts[n + 1 :] if c.kind == "person" and c.named and c.subject
                     and c.sent - d.sent <= LOOKAHEAD_SENTENCES and not _other_office(d, c)]
            pick = later[0] if later else None
        if pick is not None:
            d.key, d.resolved = pick.key, True
            d.affiliation = d.affiliation or pick.affiliation
            if d.gender:
                genders.setdefault(pick.key, d.gender)
        elif d.role is not None:
            d.key, d.resolved = d.text, True  # an unnamed official stays a description
            if d.main:  # and, as the main clause's subject, is who "he" stands for next
                introduced.add(d.key)  # ("The reporter said he heard…"); not "the chief's agenda"
    # "The head of the Russian delegation … Konstantin Gavrilov": what a description says
    # of a person's state holds for every mention of that person in the article
    votes: dict[str, Counter] = defaultdict(Counter)
    for d in drafts:
        if d.kind == "person" and d.key and d.affiliation:
            votes[d.key][d.affiliation] += 1
    for d in drafts:
        if d.kind == "person" and d.key in votes and not d.affiliation:
            d.affiliation = votes[d.key].most_common(1)[0][0]


def _candidates(d: _Draft, before: list[_Draft], introduced: set[str], genders: dict[str, str]) -> list[_Draft]:
    """The people mentioned shortly before ``d`` that it may refer to."""
    return [c for c in before if c.kind == "person" and c.resolved and c.key in introduced
            and d.sent - c.sent <= LOOKBACK_SENTENCES and _compatible(d, c, genders)
            and c.head not in d.not_subjects]


def _topic(d: _Draft, earlier: list[_Draft]) -> _Draft | None:
    """The person a pronoun or a generic description takes: the latest subject before it."""
    # the subject of a clause that holds the pronoun comes first ("Velm, a Norland native,
    # criticised the plan, which he called costly": whatever the parser made the main clause)
    for i in d.clause_subjects:
        holder = next((c for c in reversed(earlier) if c.head == i and c.start < d.start), None)
        if holder is not None:
            return holder
    subjects = [c for c in earlier if c.subject and (c.sent < d.sent or c.start < d.start)]
    # "Marek said the ambassador, Dusek, would return. She said…": the speaker of
    # the main clause is the topic, not the subject of what was reported
    main = [c for c in subjects if c.main]
    return main[-1] if main else subjects[-1] if subjects else (earlier[-1] if earlier else None)


def _voted_genders(drafts: list[_Draft], introduced: set[str], known: dict[str, str]) -> dict[str, str]:
    """Genders of people whose name and title do not give one, by the pronouns that refer to them.

    Why: news refers to a person by "he" or "she" many times, so the pronouns' majority
    tells the person's gender, where taking the gender of the first pronoun resolved to a
    person let one mistake ("Ms. Voss thanked Kaller; she said…" read as Kaller) bar every
    later "he" from him. The trial resolution here only counts; pronouns are resolved after.
    """
    votes: dict[str, Counter] = defaultdict(Counter)
    for n, d in enumerate(drafts):
        if d.resolved or d.role is not None or not d.gender:
            continue
        pick = _topic(d, _candidates(d, drafts[:n], introduced, known))
        if pick is not None and pick.key not in known:
            votes[pick.key][d.gender] += 1
    out: dict[str, str] = {}
    for key, count in votes.items():
        ranked = count.most_common()
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            out[key] = ranked[0][0]
    return out


def _introduced_keys(drafts: list[_Draft]) -> set[str]:
    """Keys of people a pronoun may refer to.

    News introduces a person with a full name, a title or an honorific; a lone capitalised
    word never so introduced ("Ostrand has offered…") is more often a place or body the
    model mistook for a person, so pronouns pass it over.
    """
    keys: set[str] = set()
    for d in drafts:
        if d.kind != "person" or not d.key:
            continue
        if not d.named or len(_name_tokens(d.key)) > 1 or d.role or d.gender:
            keys.add(d.key)
    return keys


def _other_office(d: _Draft, c: _Draft) -> bool:
    """Whether ``c`` is introduced with a title that shares no word with description ``d``'s
    ("the U.S. leader" is not "Amnesty's advocacy director", named next)."""
    if not c.role or not d.role:
        return False
    words = set(_fold(d.role).split()) - {"the", "of", "a", "an", "in", "at", "for", "to"}
    return not words & _role_words(c.role)


def _generic_role(role: str) -> bool:
    """A description that may stand for whoever is being discussed ("the senior diplomat").

    A specific one ("the prime minister", "the head of the rescue service") names an office:
    it refers to the person introduced with that office, or to one named just after it, and
    taking the latest subject instead gave the office to whoever was speaking last.
    """
    words = _fold(role).split()
    return bool(words) and words[-1] in GENERIC_ROLES


def _by_role(d: _Draft, before: list[_Draft]) -> _Draft | None:
    """The latest named person whose title holds this description's role words."""
    words = set(_fold(d.role or "").split()) - {"the", "of", "a"}
    head = _fold(d.role or "").split()[-1:] if d.role else []
    if not words or (head and head[0] in GENERIC_ROLES and len(words) <= 2):
        return None
    for c in reversed(before):
        if c.kind == "person" and c.named and c.role and _role_fits(words, c):
            return c
    return None


def _same_description(d: _Draft, earlier: list[_Draft]) -> _Draft | None:
    """The latest earlier description in the same words ("The envoy arrived. … The envoy said"):
    whoever it stood for, named or not, before whoever spoke in between."""
    role = _fold(d.role or "")
    return next((c for c in reversed(earlier) if not c.named and c.role and _fold(c.role) == role), None)


def _role_fits(words: set[str], c: _Draft) -> bool:
    """The description's words are the person's title, less the words naming their state
    ("the Canadian prime minister" for "prime minister Ilse Brandt" of Canada)."""
    missing = words - _role_words(c.role)
    return all(c.affiliation and (code := country_of(w)) and country_name(code) == c.affiliation for w in missing)


def extract_mentions(doc: Doc, article: Article) -> list[Mention]:
    """People, organisations and countries mentioned in an article, with their local keys.

    ``doc`` is the spaCy parse of ``article.body``; spans are mapped to the original text.
    Titles become ``role``/``affiliation`` of the person they introduce; descriptions and
    he/she pronouns carry the key of the person they refer to.
    """
    drafts = _entity_drafts(doc)
    _relabel_person_names(drafts)
    _relabel_companies(doc, drafts)
    _relabel_places(doc, drafts)
    taken = _token_set(doc, drafts)
    found = _surname_drafts(doc, drafts, taken)
    drafts += found
    taken |= _token_set(doc, found)
    found = _metonym_drafts(doc, taken)
    drafts += found
    taken |= _token_set(doc, found)
    found = _body_drafts(doc, taken, drafts)
    drafts += found
    taken |= _token_set(doc, found)
    drafts += _description_drafts(doc, taken)
    drafts += _pronoun_drafts(doc, doc_quotation_ranges(doc))
    _affiliate_by_report(doc, drafts)
    _affiliate_by_preposition(doc, drafts)
    _mark_main_subjects(doc, drafts)
    _fill_person_keys(drafts)
    _resolve_references(drafts, _bound_genders(doc, drafts))
    return [
        Mention(article.body_span(d.start, d.end), d.text, d.kind, d.key, d.role, d.affiliation)
        for d in sorted(drafts, key=lambda d: d.start)
        if d.key
    ]


def _mark_main_subjects(doc: Doc, drafts: list[_Draft]) -> None:
    """Flag mentions that are the subject (or its apposition) of a main-clause verb."""
    for d in drafts:
        if not d.subject or d.head < 0:
            continue
        tok = doc[d.head]
        if tok.dep_ == "appos":
            tok = tok.head
        verb = tok.head
        while verb.dep_ == "conj" and verb.head is not verb:
            verb = verb.head
        d.main = tok.dep_ in SUBJECT_DEPS and verb.dep_ == "ROOT"
    _subjects_of_subjectless_verbs(doc, drafts)


FINITE_TAGS = frozenset("VBD VBZ VBP MD".split())


def _subjects_of_subjectless_verbs(doc: Doc, drafts: list[_Draft]) -> None:
    """The person named last before a sentence's finite main verb that the parser left with
    no subject is that verb's subject.

    Why: a finite clause in English has a subject; when a long fronted phrase comes first
    ("At the club, where it costs $70,000 to join, Jay Tomsen, its president, suggested …")
    the parser often hangs the name on the phrase, and the person who spoke then counted as
    no one's subject, so "he" in the next sentence went to someone else.
    """
    sent_index = doc_sentence_index(doc)
    roots = doc_sentence_roots(doc)

    def root_of(i: int) -> Token:
        return doc[roots[sent_index[i]]]

    last: dict[int, _Draft] = {}  # per sentence, the latest person before its root
    for d in drafts:
        if d.kind != "person" or not d.named or d.head < 0:
            continue
        if d.head < root_of(d.head).i and (sent_index[d.head] not in last or last[sent_index[d.head]].head < d.head):
            last[sent_index[d.head]] = d
    for d in last.values():
        root = root_of(d.head)
        if d.subject or root.tag_ not in FINITE_TAGS or root.pos_ not in ("VERB", "AUX"):
            continue
        if any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("expl", "csubj") for c in root.children):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in doc[d.head].head.children) or doc[d.head].dep_ in ("poss", "compound"):
            continue
        d.subject = d.main = True


def _token_set(doc: Doc, drafts: Iterable[_Draft]) -> set[int]:
    """Token indices covered by the drafts so far (later passes skip them)."""
    taken: set[int] = set()
    for d in drafts:
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is not None:
            taken.update(range(span.start, span.end))
    return taken


# --- corpus-level actors --------------------------------------------------------------------

# Pairs of Latin spellings of the same Cyrillic (and a few other) sounds, folded to one form
# before comparing names: Sergei/Sergey, Ivanov/Ivanoff, Mashkevich/Maskevich, Yuri/Iouri.
_TRANSLIT = [
    (r"ff\b", "v"), (r"w", "v"), (r"kh", "h"), (r"sch", "s"), (r"shch", "s"), (r"sh", "s"),
    (r"zh", "z"), (r"ch", "c"), (r"tch", "c"), (r"ts", "c"), (r"tz", "c"), (r"yu|iu|ju", "u"),
    (r"ya|ia|ja", "a"), (r"yo|io|jo", "o"), (r"ye|ie|je", "e"), (r"ey\b|ei\b|iy\b|ii\b|yi\b", "i"),
    (r"y", "i"), (r"j", "i"), (r"x", "ks"), (r"(.)\1", r"\1"),
]
# Jaro-Winkler similarity of folded surnames above which two spellings are one name;
# 0.92 joins Mashkevich/Maskevich-like pairs after folding, and keeps Clinton/Clayton apart.
SURNAME_SIMILARITY = 0.92


@functools.lru_cache(maxsize=8192)
def translit_fold(name: str) -> str:
    """A spelling-insensitive form of a name for comparison only."""
    text = _fold(name)
    for pattern, repl in _TRANSLIT:
        text = re.sub(pattern, repl, text)
    return text


def same_name_part(a: str, b: str) -> bool:
    """Two spellings of one name part (surname or first name)?

    After transliteration folding, one edit apart (two for long names) and Jaro-Winkler
    above SURNAME_SIMILARITY; names under 5 letters must fold to the same string.
    """
    fa, fb = translit_fold(a), translit_fold(b)
    if fa == fb:
        return True
    if min(len(fa), len(fb)) < 5:  # short names: too little evidence for fuzzy matching
        return False
    max_edits = 2 if min(len(fa), len(fb)) >= 10 else 1
    return _edits(fa, fb) <= max_edits and _similarity(fa, fb) >= SURNAME_SIMILARITY


def _first_names_agree(a: list[str], b: list[str]) -> bool:
    """First names conflict only when both are given and neither spelling nor initial fits."""
    if not a or not b:
        return True
    x, y = a[0], b[0]
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    short, long = sorted((x, y), key=len)
    if len(short) >= 3 and long.startswith(short):
        return True  # a short form of the first name: Des/Desmond, Alex/Alexander
    return same_name_part(x, y)


@dataclass(slots=True)  # one per distinct key of the corpus: no __dict__ each (memory at 100k articles)
class _Group:
    kind: str
    keys: set[tuple[str, str]] = field(default_factory=set)
    forms: Counter = field(default_factory=Counter)
    roles: Counter = field(default_factory=Counter)
    affiliations: Counter = field(default_factory=Counter)
    code: str | None = None
    mentions: int = 0


class ActorResolution:
    """Canonical actors of a corpus, and the map from (article id, local key) to actor id."""

    def __init__(self, actors: list[Actor], index: dict[tuple[str, str], str]) -> None:
        self.actors = actors
        self._index = index
        self._by_id = {a.id: a for a in actors}

    def actor_id(self, article_id: str, key: str) -> str | None:
        """The canonical actor id of an article-local key, or None when unknown."""
        return self._index.get((article_id, key))

    def actor(self, article_id: str, key: str) -> Actor | None:
        """The canonical actor of an article-local key, or None."""
        actor_id = self.actor_id(article_id, key)
        return self._by_id.get(actor_id) if actor_id else None


class MentionFields(NamedTuple):
    """What resolving actors reads of a mention: a ``Mention`` does, and so does this.

    Why: the actors stage reads every stored mention of the corpus in the main process,
    after the parse, and building each ``Mention`` with its span was three quarters of
    reading them (about 1 s per 1,000 news articles); it reads these fields alone.
    """

    text: str
    kind: str
    key: str
    role: str | None
    affiliation: str | None


def resolve_actors(items: Iterable[tuple[str, Sequence[Mention | MentionFields]]]) -> ActorResolution:
    """Join article-local keys across the corpus into canonical actors.

    Countries join on their ISO code; people join when their surnames are spellings of one
    name and their first names do not conflict; a bare surname joins the one full name it
    fits and stays apart when it fits several people.
    """
    groups: dict[tuple[str, str], _Group] = {}
    # groups of unnamed descriptions, one per article, in the order first met: a dict, not a
    # set, whose order would follow string hashes (which change from run to run) and with it
    # which of two same-named descriptions gets the id suffixed "again"
    described: dict[tuple[str, str], None] = {}
    for article_id, mentions in items:
        for m in mentions:
            code = country_of(m.key) if m.kind == "country" else None
            kind = m.kind
            gid = ("country", code) if code else (kind, m.key)
            if kind == "person" and m.key[:4].lower() == "the ":
                # a description no name was found for ("the king") is someone in this article;
                # the same words elsewhere may be someone else
                gid = (kind, f"{article_id}\0{m.key}")
                described[gid] = None
            g = groups.get(gid)
            if g is None:  # not setdefault: that would build a group (a set, three Counters) per mention
                g = groups[gid] = _Group(kind, code=code)
            g.keys.add((article_id, m.key))
            g.mentions += 1
            if _is_name_form(m):
                g.forms[_clean_name(m.text)] += 1
                bare = " ".join(w for w in m.text.split() if w.lower() not in HONORIFICS)
                if bare != m.text:  # "Mr Ivanoff" is also "Ivanoff"
                    g.forms[bare] += 1
            g.forms[m.key] += 0  # the key is always a variant, even if only descriptions used it
            if m.role:
                g.roles[m.role] += 1
            if m.affiliation:
                g.affiliations[canonical_affiliation(m.affiliation)] += 1
    # descriptions are no names: "the defence minister" must not join "the prime minister" on "minister"
    merged = _merge_people([g for gid, g in groups.items() if g.kind == "person" and gid not in described])
    merged += [groups[gid] for gid in described]
    organisations = _merge_organisations([g for g in groups.values() if g.kind == "organisation"])
    _name_affiliations(merged, organisations)
    merged += organisations
    merged += [g for g in groups.values() if g.kind not in ("person", "organisation")]
    merged = _join_same_names(merged, {id(groups[gid]) for gid in described})
    actors: list[Actor] = []
    index: dict[tuple[str, str], str] = {}
    taken: set[str] = set()
    for g in merged:
        actor = _actor_of(g)
        while actor.id in taken:
            # two groups the rules kept apart under one name: ids stay unique (the store keys on them)
            actor = replace(actor, id=stable_id("actor", actor.id, "again"))
        taken.add(actor.id)
        actors.append(actor)
        for key in g.keys:
            index[key] = actor.id
    actors.sort(key=lambda a: (-a.mentions, a.name))
    return ActorResolution(actors, index)


# Which group a name's other groups join when the tagger gave one name several kinds: the
# one with most mentions, and on a tie the kind listed first (a person only if all are).
KIND_ORDER = ("country", "organisation", "other", "person")


def _join_same_names(groups: list[_Group], descriptions: set[int]) -> list[_Group]:
    """One actor per name when the tagger labelled the same name as different kinds.

    Why: the small model tags an unfamiliar place or body as a person in one sentence, an
    organisation in the next and a place in a third ("Selkow said", "in Selkow", "Selkow's
    council"), and an all-capitals dateline ("KESSEL -") apart from the running text's
    "Kessel"; each became an actor of its own, so a country's statements stood under a
    "person" of the same name. Groups whose names fold to the same words join the one with
    most mentions that is no person (its kind wins); a country counts by its own name
    ("Russia" tagged a person joins Russia). A person joins only by a bare one-word name
    with no role and no honorific, and not when that word is another person's surname:
    "Ford" the company and "Ford" the short form of two people called Ford stay apart, as
    do "Washington" and George Washington (whose group has another name anyway).
    """
    names = [None if id(g) in descriptions else _display_name(g) for g in groups]
    surnames = {tokens[-1].casefold() for g, name in zip(groups, names) if name and g.kind == "person"
                for tokens in [_name_tokens(name)] if len(tokens) > 1}
    buckets: dict[str, list[_Group]] = defaultdict(list)
    for g, name in zip(groups, names):
        if name is None:  # a description: someone in one article, not a name
            continue
        if g.kind == "person" and not _bare_name(g, name, surnames):
            continue
        folded = " ".join(_name_tokens(name)).casefold()
        if folded:
            buckets[folded].append(g)
    absorbed: set[int] = set()
    for bucket in buckets.values():
        if len(bucket) < 2:
            continue
        # a bare word tagged a person is the weakest evidence of a kind: "Unicef" tagged a
        # person eight times and an organisation once is the organisation
        named = [g for g in bucket if g.kind != "person"] or bucket
        target = max(named, key=lambda g: (g.mentions, -KIND_ORDER.index(g.kind) if g.kind in KIND_ORDER else -9))
        for g in bucket:
            if g is not target:
                _absorb(target, g)
                absorbed.add(id(g))
    return [g for g in groups if id(g) not in absorbed]


def _bare_name(g: _Group, name: str, surnames: set[str]) -> bool:
    """A person group known only by one word, with nothing that makes it a person."""
    tokens = _name_tokens(name)
    return (len(tokens) == 1 and not g.roles and tokens[0].casefold() not in surnames
            and not any(w.lower() in HONORIFICS for f in g.forms for w in f.split()))


def _name_affiliations(people: list[_Group], organisations: list[_Group]) -> None:
    """Name each person's organisation as the organisation's own actor is named.

    Why: "director-general of the World Health Organisation" in one outlet and the actor
    "World Health Organization" (joined from both spellings and "WHO") are one body; left
    as written, a person's statements would stand under a second name beside the body's own.
    Affiliations are looked up with the keys organisations are joined on (folded name with
    one spelling, the name without a leading country) and as acronyms; countries are already
    one name each (``canonical_affiliation``).
    """
    names: dict[tuple[str, Any], str] = {}
    for g in organisations:
        name = _actor_of(g).name
        for form in g.forms:
            for key in _organisation_keys(form):
                if key[0] == "fold":
                    names.setdefault(key, name)
            if _is_acronym(form):
                names.setdefault(("acronym", form.replace(".", "")), name)
    if not names:
        return
    for g in people:
        if not g.affiliations:
            continue
        named: Counter[str] = Counter()
        for affiliation, n in g.affiliations.items():
            found = names.get(("acronym", affiliation.replace(".", ""))) if _is_acronym(affiliation) else None
            found = found or next((names[k] for k in _organisation_keys(affiliation) if k in names), None)
            named[found or affiliation] += n
        g.affiliations = named


def canonical_affiliation(text: str) -> str:
    """One name per state or body: "Russian", "Moscow" and "Russia" all give "Russia"."""
    code = country_of(text)
    return country_name(code) if code else _clean_name(text)


def _is_name_form(m: Mention) -> bool:
    """A surface form worth listing as a variant: a name, not 'he' or 'the envoy'."""
    return m.text[:1].isupper() and m.text.lower() not in PRONOUN_GENDER and not m.text.lower().startswith("the ")


def _full_name(g: _Group) -> list[str]:
    """Tokens of the group's longest name form."""
    best = max(g.forms, key=lambda f: (len(_name_tokens(f)), g.forms[f], f))
    return _name_tokens(best)


def _merge_people(groups: list[_Group]) -> list[_Group]:
    """Union people whose names are spellings of one another (full names first).

    Each group is compared only with the clusters that share a surname key with it
    (``_surname_keys``), not with every cluster: the same joins, in near-linear time.
    """
    groups = sorted(groups, key=lambda g: -len(_full_name(g)))
    clusters: list[_Group] = []
    by_key: dict[str, set[int]] = defaultdict(set)  # surname key -> cluster positions
    for g in groups:
        name = _full_name(g)
        if not name:
            clusters.append(g)
            continue
        near = sorted({i for k in _surname_keys(name[-1]) for i in by_key.get(k, ())})
        fits = [clusters[i] for i in near if _names_fit(name, _full_name(clusters[i]))
                and not _genders_conflict(g, clusters[i])]
        if len(fits) > 1 and len(name) == 1 and g.roles:
            # a bare surname shared by several people: the one with the same role, if any
            fits = [c for c in fits if _roles_agree(g, c)] or fits
        if len(fits) == 1 or (fits and len(name) > 1):
            target = fits[0]
            _absorb(target, g)
            position = next(i for i in near if clusters[i] is target)
        else:
            clusters.append(g)  # no match, or a bare surname shared by several people
            position = len(clusters) - 1
        # every form's surname: the cluster's full name may come from any of its forms
        for form in clusters[position].forms:
            tokens = _name_tokens(form)
            for k in _surname_keys(tokens[-1]) if tokens else ():
                by_key[k].add(position)
    return clusters


def _genders_conflict(a: _Group, b: _Group) -> bool:
    """Whether the honorifics of two groups' forms give them different genders (Mr / Mrs)."""
    ga = {x for f in a.forms if (x := _honorific_gender(f))}
    gb = {x for f in b.forms if (x := _honorific_gender(f))}
    return len(ga) == 1 and len(gb) == 1 and ga != gb


def _surname_keys(surname: str) -> set[str]:
    """Keys two surnames share whenever ``same_name_part`` may join them.

    That needs the same folded spelling under 5 letters, else at most one edit (two from 10
    letters up); strings that many edits apart share a string made by deleting as many
    letters from each (the deletion neighbourhood SymSpell uses for spelling lookup).
    """
    folded = translit_fold(surname)
    keys = {folded}
    if len(folded) < 5:
        return keys
    ones = {folded[:i] + folded[i + 1:] for i in range(len(folded))}
    keys |= ones
    if len(folded) >= 10:
        keys |= {w[:i] + w[i + 1:] for w in ones for i in range(len(w))}
    return keys


def _roles_agree(a: _Group, b: _Group) -> bool:
    """Do two groups share a role ("deputy minister" in both)?"""
    roles_a = {_fold(r) for r in a.roles}
    roles_b = {_fold(r) for r in b.roles}
    return any(x in y or y in x for x in roles_a for y in roles_b)


def _names_fit(a: list[str], b: list[str]) -> bool:
    """Same person by name? Surnames must be spellings of one another, first names agree."""
    if not a or not b or not same_name_part(a[-1], b[-1]):
        return False
    return _first_names_agree(a[:-1], b[:-1])


def _merge_organisations(groups: list[_Group]) -> list[_Group]:
    """Join an organisation's acronym with its full name ("NATO" and the spelled-out form).

    A group joins the first cluster whose longest form it names (the same name, or its
    acronym). Clusters are found by lookups (folded name, name tokens, every prefix of the
    initials), not by trying each one, so a corpus of many organisations is not quadratic.
    Lookups see the same clusters a scan would: a cluster's longest form is its first
    group's, since groups come longest first and a tie keeps the earlier form.
    """
    clusters: list[_Group] = []
    first: dict[tuple[str, Any], int] = {}  # (what, key) -> the first cluster with that key
    for g in sorted(groups, key=lambda g: -max(len(f) for f in g.forms)):
        name = max(g.forms, key=len)
        hits = [first[k] for k in _organisation_keys(name) if k in first]
        if _is_acronym(name):
            letters = name.replace(".", "")  # "U.N." is "UN"
            # the name it spells out in full ("WHO": World Health Organization) before a longer
            # name it only begins ("World Health Organization Pandemic Task Force")
            hit = first.get(("all initials", letters), first.get(("initials", letters)))
            if hit is not None:
                hits.append(hit)
        if hits:
            _absorb(clusters[min(hits)], g)
            continue
        clusters.append(g)
        keys = _organisation_keys(name)
        for spelled in filter(None, (name, _without_country(name))):  # "OCS" for "U.K. Office of Coastal Survey"
            for hyphens in (True, False) if "-" in spelled else (True,):
                initials = _initials(spelled, hyphens)
                keys += [("initials", p) for p in _initials_prefixes(spelled, hyphens)]
                keys += [("all initials", initials)] if initials else []
        for key in keys:
            first.setdefault(key, len(clusters) - 1)
    return clusters


# British and American spellings of the words organisations are named with: one body is
# "the World Health Organisation" in London and "Organization" in New York.
SPELLINGS = ((re.compile(r"isation\b"), "ization"), (re.compile(r"\bcentre\b"), "center"),
             (re.compile(r"\bdefence\b"), "defense"), (re.compile(r"\blabour\b"), "labor"),
             (re.compile(r"\bprogramme\b"), "program"))


def _organisation_keys(name: str) -> list[tuple[str, Any]]:
    """Keys two names of one organisation share: the folded name, or the name tokens without
    honorifics (a person the tagger took for an organisation: "Mr Pellek" and "Pellek")."""
    tokens = _name_tokens(name)
    folded = _fold(name)
    for pattern, spelling in SPELLINGS:
        folded = pattern.sub(spelling, folded)
    keys = [("fold", folded)] + ([("tokens", tuple(tokens))] if tokens else [])
    if _without_country(name):  # "U.K. Office of Coastal Survey" is the Office of Coastal Survey
        keys.append(("fold", " ".join(folded.split()[1:])))
    return keys


def _without_country(name: str) -> str | None:
    """A long organisation name without the country in front of it ("U.K. Office of Coastal
    Survey" -> "Office of Coastal Survey"); None for short names ("US Army" is not "Army")."""
    words = name.split()
    return " ".join(words[1:]) if len(words) >= 4 and country_of(words[0]) else None


def _is_acronym(short: str) -> bool:
    return short.isupper() and len(short) >= 2 and " " not in short


def _initials(long: str, hyphens: bool = True) -> str | None:
    """The initials of a name's words; with hyphens, each part of a hyphenated word counts
    ("APEC" for "Asia-Pacific Economic Cooperation"), without, the word counts once ("OSCE"
    for "Organization for Security and Co-operation in Europe")."""
    words = [w for w in re.split(r"[\s\-]+" if hyphens else r"\s+", long)
             if w and w.lower() not in ("for", "and", "of", "the", "in", "on")]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else None


def _initials_prefixes(long: str, hyphens: bool = True) -> list[str]:
    """Every acronym of this name: "NATO" for "North Atlantic Treaty Organization" and its
    prefixes of two letters or more ("WHO" for "World Health Organization")."""
    initials = _initials(long, hyphens)
    return [initials[:k] for k in range(2, len(initials) + 1)] if initials else []


def _absorb(target: _Group, g: _Group) -> None:
    target.keys |= g.keys
    target.forms.update(g.forms)
    target.roles.update(g.roles)
    target.affiliations.update(g.affiliations)
    target.mentions += g.mentions


def _display_name(g: _Group) -> str:
    """A group's name: its country's, else its longest form as running text writes it."""
    if g.code:
        return country_name(g.code)
    # a transcript's "HOWARD KELLER" gives way to the "Howard Keller" of running text
    return max(g.forms, key=lambda f: (len(_name_tokens(f)), not _in_capitals(f), g.forms[f], len(f)))


def _actor_of(g: _Group) -> Actor:
    """The Actor record of a group: longest name, most frequent role and affiliation."""
    name = _display_name(g)
    role = g.roles.most_common(1)[0][0] if g.roles else None
    affiliation = g.affiliations.most_common(1)[0][0] if g.affiliations else None
    variants = tuple(sorted(f for f, n in g.forms.items() if n > 0 or f == name))
    ident = stable_id("actor", g.kind, g.code or "|".join(_name_tokens(name)) or name)
    return Actor(ident, name, g.kind, role, affiliation, variants, g.code, g.mentions)
