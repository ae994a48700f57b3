"""What the benchmarks share: where the data is, and how to time and measure memory."""

from __future__ import annotations

import resource
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA = SHARED / "data"
SEEDS = SHARED / "seeds"

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def data_dir(area: str) -> Path:
    """``../shared/data/<area>``, added to sys.path so its scorer can be imported."""
    path = DATA / area
    if not path.is_dir():
        raise SystemExit(f"bench: data set not found at {path}")
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))
    return path


def peak_memory_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def timer() -> Iterator[dict[str, float]]:
    """``with timer() as t: ...`` then ``t["seconds"]``."""
    result = {"seconds": 0.0}
    start = time.perf_counter()
    try:
        yield result
    finally:
        result["seconds"] = time.perf_counter() - start


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1 from counts (0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def parse_cached(texts: list[str], cache: Path | None, label: str) -> list:
    """The texts' spaCy Docs (``newstrail.nlp.parse_many``), kept in ``cache`` as a DocBin.

    Why: the parse is nearly all of a quality bench's time and does not change when rules
    do, so a rule change re-runs only the cheap part. The file is named by a digest of all
    the parse depends on (spaCy's version, the model's name and version, the pipeline, the
    length cut and every text), so a stale cache is never read. Only annotations are kept
    (no user_data: the stages' per-Doc indexes are rebuilt on demand).
    """
    from newstrail.nlp import load_nlp, parse_many

    nlp = load_nlp()
    if cache is None:
        return list(parse_many(texts, nlp))
    from spacy.tokens import DocBin

    path = Path(cache) / f"{label}-{_parse_key(texts, nlp)}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(parse_many(texts, nlp))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    DocBin(docs=docs, store_user_data=False).to_disk(tmp)
    tmp.replace(path)  # a run killed midway leaves no half-written cache
    return docs


def _parse_key(texts: list[str], nlp) -> str:
    import hashlib

    import spacy

    from newstrail.nlp import MAX_CHARS, SPACE_LIKE

    h = hashlib.sha256()
    meta = nlp.meta
    for part in (spacy.__version__, meta.get("name", ""), meta.get("version", ""), ",".join(nlp.pipe_names), str(MAX_CHARS),
                 repr(sorted(SPACE_LIKE.items())), nlp.tokenizer.infix_finditer.__self__.pattern):
        h.update(part.encode("utf-8") + b"\0")
    # the attribute ruler's patterns: newstrail adds its own exceptions (tags, lemmas), which
    # change the parse without changing any name above
    if "attribute_ruler" in nlp.pipe_names:
        h.update(repr(nlp.get_pipe("attribute_ruler").patterns).encode("utf-8") + b"\0")
    for text in texts:
        h.update(text.encode("utf-8") + b"\0")
    return h.hexdigest()[:20]
