"""Duplicates: exact, near (MinHash LSH), syndicated paragraphs, persistence."""

from __future__ import annotations

import numpy as np
from datasketch import MinHash

from newstrail.adapters import article_from_text
from newstrail.dedup import (
    DuplicateIndex,
    candidate_probability,
    choose_bands,
    jaccard,
    paragraphs,
    shingle_hashes,
    signature,
    signatures,
)
from newstrail.model import Article

PARAS = [
    "The harbour authority of Port Alden said on Tuesday that the new container terminal would open "
    "in the spring after two years of delays caused by flooding and a shortage of engineers.",
    "Dock workers welcomed the decision but their union warned that staffing levels at the terminal "
    "were still far below what the operator had promised during the negotiations last autumn.",
    "The regional council approved an extra budget for dredging the channel so that larger ships "
    "could reach the quay, a plan that fishermen in the bay have opposed for several months.",
    "Officials expect the terminal to handle about four hundred thousand containers a year once it "
    "runs at full capacity, which would make it the second busiest port on the coast.",
]
OTHER = (
    "A heatwave across the northern provinces pushed electricity demand to a record on Sunday, and "
    "the grid operator asked factories to shift their production to the night to avoid blackouts."
)


def make(text: str, published: str | None = None, outlet: str | None = None, source: str = "x") -> Article:
    art = article_from_text(text, published=published, source=source)
    data = art.to_dict()
    data.update(outlet=outlet)
    return Article.from_dict(data)


def test_signature_matches_datasketch() -> None:
    hashes = shingle_hashes(" ".join(PARAS))
    reference = MinHash(num_perm=128, seed=1, hashfunc=int)
    reference.update_batch(hashes.tolist())
    assert np.array_equal(signature(hashes), reference.hashvalues)


def test_bands_meet_recall_target() -> None:
    params = choose_bands(0.8, 128)
    assert params.bands * params.rows <= 128
    assert candidate_probability(0.8, params) >= 0.99
    assert candidate_probability(0.3, params) < 0.05


def test_shingles_ignore_case_spacing_and_curly_quotes() -> None:
    assert jaccard("He said \u201cno deal\u201d  today, again and again", "he said \"No deal\" today, again and again") == 1.0


def test_exact_duplicate() -> None:
    """Two pages with different boilerplate around the same body (case and spacing aside)."""
    index = DuplicateIndex()
    body = "\n\n".join(PARAS)
    a = Article.from_dict({**make(body).to_dict(), "id": "a", "text": "Menu\n" + body})
    b = Article.from_dict({**make(body).to_dict(), "id": "b", "text": body + "\nFooter",
                           "body": body.upper().replace("\n\n", "\n\n  ")})
    assert index.add(a) == []
    dups = index.add(b)
    assert [(d.kind, d.other_id) for d in dups] == [("exact", a.id)]


def test_near_duplicate_and_unrelated() -> None:
    index = DuplicateIndex()
    base = make("\n\n".join(PARAS), published="2024-03-02", source="a")
    edited = make("\n\n".join(PARAS) + "\n\nSubscribe to our newsletter.", published="2024-03-01", source="b")
    index.add(base)
    dups = index.add(edited)
    assert len(dups) == 1 and dups[0].kind == "near" and dups[0].similarity > 0.8
    assert dups[0].earliest == edited.id  # published first, though added second
    assert index.add(make(OTHER, source="c")) == []


def test_an_inferred_date_does_not_decide_which_copy_came_first() -> None:
    """An inferred date is a guess: the pair has no earliest, whether duplicates are found
    before the dates stage infers it or after (a build with one worker or two)."""
    index = DuplicateIndex()
    base = make("\n\n".join(PARAS), published="2024-03-02", source="a")
    guessed = Article.from_dict({**make("\n\n".join(PARAS) + "\n\nSubscribe to our newsletter.", source="b").to_dict(),
                                 "published": "2024-03-01", "published_how": "inferred"})
    assert guessed.known_published is None and base.known_published == "2024-03-02"
    index.add(base)
    dups = index.add(guessed)
    assert [(d.kind, d.earliest) for d in dups] == [("near", None)]


def test_duplicates_of_an_article_come_in_index_order() -> None:
    """Near copies are listed by the earlier article's place in the index (as the Dask stage
    lists them), not in a set's order, which wraps once positions pass the set's size."""
    index = DuplicateIndex()
    body = "\n\n".join(PARAS)
    copies = {1, 40}  # 40 lands before 1 in a small set's table
    for i in range(41):
        text = body + f"\n\nFiled from desk {i}." if i in copies else f"{OTHER} Item {i} of the wire, number {i * 7919}."
        index.add(make(text, source=f"s{i}"))
    dups = index.add(make(body + "\n\nFiled from the late desk.", source="new"))
    positions = [index._position[d.other_id] for d in dups if d.kind == "near"]
    assert positions == sorted(positions) and set(positions) == copies


def test_syndicated_copy_counts_shared_paragraphs() -> None:
    index = DuplicateIndex()
    wire = make("\n\n".join(PARAS), outlet="Wire", published="2024-03-01", source="a")
    rewrite = "\n\n".join([OTHER, PARAS[0], "Local reaction was mixed, our reporter found in the market.", PARAS[2], OTHER + " Extra."])
    copy = make(rewrite, outlet="Daily", published="2024-03-03", source="b")
    index.add(wire)
    dups = index.add(copy)
    assert [(d.kind, d.shared, d.earliest) for d in dups] == [("syndicated", 2, wire.id)]


def test_same_outlet_and_template_paragraphs_are_not_syndication() -> None:
    index = DuplicateIndex()
    footer = "Please leave a comment below and share this article with your friends on social media today."
    texts = [f"{p}\n\n{footer}\n\n{footer} Thanks." for p in (PARAS[0], OTHER)]
    index.add(make(texts[0], outlet="Site", source="a"))
    assert index.add(make(texts[1], outlet="Site", source="b")) == []
    assert all(len(p.split()) >= 12 for p in paragraphs(PARAS[0]))
    assert paragraphs("Leave a reply") == []


def test_round_trip_keeps_finding_duplicates() -> None:
    index = DuplicateIndex()
    wire = make("\n\n".join(PARAS), outlet="Wire", source="a")
    index.add(wire)
    index.add(make(OTHER, source="c"))
    restored = DuplicateIndex.from_bytes(index.to_bytes())
    assert len(restored) == 2 and wire.id in restored
    dups = restored.add(make("\n\n".join(PARAS[:3] + [PARAS[3] + " More."]), outlet="Other", source="b"))
    assert {d.kind for d in dups} <= {"near", "syndicated"} and dups[0].other_id == wire.id
    assert restored.add(wire) == []  # already indexed


def test_batch_signatures_equal_one_by_one() -> None:
    texts = ["\n\n".join(PARAS), OTHER, "", "too short",
             "Caf\u00e9 \u201cquoted\u201d words \u2014 and more words here", "a\x00b c d e f g h"]
    batch = signatures(texts, chunk=4)
    for row, text in zip(batch, texts):
        assert np.array_equal(row, signature(shingle_hashes(text)))


def _words_edited(n: int) -> str:
    """The four paragraphs with every n-th word replaced (a controlled drop in Jaccard)."""
    words = " ".join(PARAS).split()
    return " ".join("Valmora" if i % n == 0 else w for i, w in enumerate(words))


def test_near_threshold_is_decided_by_exact_jaccard_within_a_run() -> None:
    """Pairs just above and just below the threshold: the exact shingle Jaccard decides."""
    base = " ".join(PARAS)
    edits = {n: _words_edited(n) for n in range(20, 80)}
    above = min((n for n, t in edits.items() if 0.80 <= jaccard(base, t) < 0.84), default=None)
    below = max((n for n, t in edits.items() if 0.76 <= jaccard(base, t) < 0.80), default=None)
    assert above is not None and below is not None
    for n, expected in ((above, True), (below, False)):
        index = DuplicateIndex()
        index.add(make(base, source="a"))
        dups = index.add(make(edits[n], source="b"))
        assert any(d.kind == "near" for d in dups) is expected
        if expected:
            assert [d.similarity for d in dups if d.kind == "near"] == [round(jaccard(base, edits[n]), 4)]


def test_word_hashes_agree_across_threads(monkeypatch) -> None:
    """A Dask worker's threads hash partitions at once while the shared power tables grow:
    every thread must get the hashes one thread alone gets (a grown table once met the
    other's old, shorter one)."""
    from concurrent.futures import ThreadPoolExecutor

    from newstrail import dedup

    texts = [" ".join(f"word{i}" for i in range(n)) for n in range(200, 20000, 700)]
    expected = [dedup._word_hashes(t) for t in texts]
    for _ in range(50):
        monkeypatch.setattr(dedup, "_POWERS", (np.ones(1, dtype=np.uint64), np.ones(1, dtype=np.uint64)))
        with ThreadPoolExecutor(4) as pool:
            got = list(pool.map(dedup._word_hashes, texts))
        assert all(np.array_equal(a, b) for a, b in zip(got, expected))
