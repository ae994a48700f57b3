"""Which language a text is in, by stop-word share, and that language's stop words.

Why hand-written: no language-identification package is installed, and cleaning needs
the stop words of the page's language anyway (jusText's signal: prose is dense in stop
words, furniture is not). jusText ships stop-word lists for 100 languages; the language
whose list covers the largest share of the text's tokens is the text's language. This is
coarse for close languages (Spanish/Galician) but the stop words are what matters here.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

__all__ = ["LANGUAGES", "MIN_STOP_RATIO", "best_stoplist", "detect_language", "stopwords", "stopwords_for"]

# jusText list name -> ISO 639-1 code, for the languages of most news on the web.
LANGUAGES: dict[str, str] = {
    "English": "en", "German": "de", "French": "fr", "Spanish": "es", "Italian": "it",
    "Portuguese": "pt", "Dutch": "nl", "Russian": "ru", "Ukrainian": "uk", "Polish": "pl",
    "Czech": "cs", "Slovak": "sk", "Swedish": "sv", "Norwegian_Bokmal": "nb", "Danish": "da",
    "Finnish": "fi", "Hungarian": "hu", "Romanian": "ro", "Turkish": "tr", "Greek": "el",
    "Indonesian": "id", "Malay": "ms", "Catalan": "ca", "Croatian": "hr", "Serbian": "sr",
    "Bulgarian": "bg", "Slovenian": "sl", "Lithuanian": "lt", "Latvian": "lv", "Estonian": "et",
    "Vietnamese": "vi", "Tagalog": "tl", "Swahili": "sw", "Afrikaans": "af",
}
# Below this stop-word share no list fits: language unknown. Running prose has 30-55%
# stop words in its own language's jusText list; other languages' lists cover <15%.
MIN_STOP_RATIO = 0.2
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@lru_cache(maxsize=None)
def stopwords_for(language: str) -> frozenset[str]:
    """jusText's stop words of one language (list name, e.g. "English"), case folded."""
    import justext

    words = {w.strip("\"'(").casefold() for w in justext.get_stoplist(language)}
    return frozenset(w for w in words if w)


def stopwords() -> frozenset[str]:
    """English stop words (the default when a text is too short to tell)."""
    return stopwords_for("English")


@lru_cache(maxsize=1)
def _word_languages() -> dict[str, tuple[str, ...]]:
    """Stop word -> the languages whose list holds it (built once, ~0.2 s)."""
    table: dict[str, list[str]] = {}
    for language in LANGUAGES:
        for word in stopwords_for(language):
            table.setdefault(word, []).append(language)
    return {word: tuple(langs) for word, langs in table.items()}


def best_stoplist(text: str, max_tokens: int = 1500) -> tuple[str | None, float]:
    """(jusText language name, stop-word share) of the list that fits ``text`` best.

    Counts at most ``max_tokens`` tokens taken from the longest lines (the prose, not the
    menus): enough to tell languages apart, and it keeps this step cheap.
    """
    lines = sorted(text.split("\n"), key=len, reverse=True)
    tokens: list[str] = []
    for line in lines:
        tokens += _WORD.findall(line)
        if len(tokens) >= max_tokens:
            break
    if not tokens:
        return None, 0.0
    table = _word_languages()
    # Each distinct token is case folded once (a word recurs in a text); the folded forms
    # come in the order of their first occurrence, as when every token was folded first.
    token_counts: Counter[str] = Counter()
    for token, n in Counter(tokens).items():
        token_counts[token.casefold()] += n
    counts: Counter[str] = Counter()
    for token, n in token_counts.items():
        for language in table.get(token, ()):
            counts[language] += n
    if not counts:
        return None, 0.0
    # English wins ties: it is the pipeline's first language.
    language, hits = max(counts.items(), key=lambda kv: (kv[1], kv[0] == "English"))
    return language, hits / len(tokens)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None if it is too short or fits no list."""
    if len(_WORD.findall(text[:2000])) < 20:
        return None
    language, ratio = best_stoplist(text)
    if language is None or ratio < MIN_STOP_RATIO:
        return None
    return LANGUAGES[language]
