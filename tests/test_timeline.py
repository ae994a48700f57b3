"""Timeline merging on invented analyses: one happening reported by several outlets."""

from __future__ import annotations

import pytest

from newstrail.adapters import article_from_text
from newstrail.model import ArticleAnalysis, EventMention, Span
from newstrail.timeline import (
    coref_event_mentions,
    dates_compatible,
    entity_event_timelines,
    merge_timeline,
    summarise_timeline,
    summary_quality,
)


def _analysis(source: str, sentences: list[tuple[str, str, str | None, str, dict]], flags: tuple[str, ...] = ()):
    """An analysis whose body is the given sentences, each an event (type, date, how, extra fields)."""
    text = " ".join(s for s, *_ in sentences)
    article = article_from_text(text, "2030-03-06", source)
    if flags:
        article = ArticleAnalysis.from_dict({"article": {**article.to_dict(), "flags": list(flags)}}).article
    events, pos = [], 0
    for sentence, type_, date, how, extra in sentences:
        start = text.index(sentence, pos)
        pos = start + len(sentence)
        events.append(EventMention(span=Span(article.id, start, pos), sentence=sentence, type=type_,
                                   date=date, date_how=how, **extra))
    return ArticleAnalysis(article=article, events=tuple(events))


def _actor(_aid: str, key: str) -> str | None:
    return {"Norland": "Norland", "the Norlanders": "Norland", "Estovia": "Estovia"}.get(key)


def test_dates_compatible():
    assert dates_compatible("2030-03-02", "2030-03-02")
    assert dates_compatible("2030-03-02", "2030-03")
    assert not dates_compatible("2030-03-02", "2030-03-03")
    assert not dates_compatible("2030-03", "2030-04")


def test_same_meeting_from_three_outlets_is_one_entry():
    a = _analysis("a.txt", [("Norland and Estovia held talks in Vienna on Monday for nearly eight hours.", "CONSULT", "2030-03-04", "text", {"actor": "Norland", "recipient": "Estovia", "place": "Vienna"})])
    b = _analysis("b.txt", [("On the 4th, delegations of Estovia and Norland met behind closed doors in Vienna.", "CONSULT", "2030-03-04", "text", {"actor": "Estovia", "place": "Vienna"})])
    c = _analysis("c.txt", [("The Norlanders sat down with Estovian diplomats in Vienna on March 4 for long talks.", "CONSULT", "2030-03-04", "text", {"actor": "the Norlanders"})])
    entries = merge_timeline([a, b, c], {}, _actor)
    assert len(entries) == 1
    entry = entries[0]
    assert entry.date == "2030-03-04" and entry.type == "CONSULT"
    assert set(entry.sources) == {"a.txt", "b.txt", "c.txt"}
    assert len(entry.mentions) == 3
    assert "Norland" in entry.actors


def test_different_happenings_stay_apart():
    a = _analysis("a.txt", [
        ("Norland and Estovia held talks in Vienna on Monday.", "CONSULT", "2030-03-04", "text", {"actor": "Norland", "place": "Vienna"}),
        ("Rebels shelled a border village on Monday, killing two.", "ASSAULT", "2030-03-04", "text", {}),
        ("The alliance council will meet in Brussels on Wednesday.", "CONSULT", "2030-03-06", "text", {"future": True, "place": "Brussels"}),
    ])
    entries = merge_timeline([a], {}, _actor)
    assert [(e.date, e.type) for e in entries] == [("2030-03-04", "CONSULT"), ("2030-03-04", "ASSAULT"), ("2030-03-06", "CONSULT")] or \
        sorted((e.date, e.type) for e in entries) == [("2030-03-04", "ASSAULT"), ("2030-03-04", "CONSULT"), ("2030-03-06", "CONSULT")]
    assert next(e for e in entries if e.date == "2030-03-06").future


def test_only_text_dated_real_happenings():
    a = _analysis("a.txt", [
        ("Norland said it remains open to dialogue with its neighbours.", "CONSULT", "2030-03-06", "published", {}),
        ("If Estovia invades, Norland will respond with force.", "ASSAULT", "2030-03", "text", {"hypothetical": True}),
        ("Estovia shelled the border post in 2019 during an earlier crisis.", "ASSAULT", "2019", "text", {}),
    ])
    assert merge_timeline([a], {}, _actor) == []


def test_summary_avoids_machine_translated_source():
    clear = "Norland and Estovia held talks in Vienna on Monday that lasted nearly eight hours."
    garbled = "On the 4th local time, Norland and Estovia talks was held in Vienna."
    a = _analysis("mt.txt", [(garbled, "CONSULT", "2030-03-04", "text", {"place": "Vienna"})], flags=("machine_translated",))
    b = _analysis("clear.txt", [(clear, "CONSULT", "2030-03-04", "text", {"place": "Vienna"})])
    entries = merge_timeline([a, b], {}, _actor)
    assert len(entries) == 1 and entries[0].summary == clear
    assert summary_quality(clear) > summary_quality(garbled, ["machine_translated"])


def test_conflicting_dates_kept_side_by_side():
    a = _analysis("a.txt", [("Norland and Estovia signed the corridor agreement in Vienna.", "AGREE", "2030-03-04", "text", {"place": "Vienna"})])
    b = _analysis("b.txt", [("Estovia and Norland signed the corridor agreement in Vienna.", "AGREE", "2030-03-05", "text", {"place": "Vienna"})])
    entries = merge_timeline([a, b], {}, _actor)
    assert len(entries) == 1
    assert entries[0].conflicts and entries[0].conflicts[0].startswith("date:")


def test_stories_are_not_mixed():
    a = _analysis("a.txt", [("Norland and Estovia held talks in Vienna on Monday.", "CONSULT", "2030-03-04", "text", {"place": "Vienna"})])
    b = _analysis("b.txt", [("Estovia and Norland held talks in Vienna on Monday.", "CONSULT", "2030-03-04", "text", {"place": "Vienna"})])
    story_of = {a.article.id: "s1", b.article.id: "s2"}
    assert len(merge_timeline([a, b], story_of, _actor)) == 2


def test_coref_and_entity_timelines_adapters():
    docs = [
        {"id": "d1", "text": "Norland troops attacked the village of Kor on 2 March 2030.", "dct": "2030-03-03",
         "mentions": [{"id": "m1", "start": 15, "end": 23, "text": "attacked"}]},
        {"id": "d2", "text": "The attack on Kor by Norland troops killed four people.", "dct": "2030-03-04",
         "mentions": [{"id": "m2", "start": 4, "end": 10, "text": "attack"}]},
        {"id": "d3", "text": "Estovia hosted a trade fair in its capital.", "dct": "2030-03-04",
         "mentions": [{"id": "m3", "start": 8, "end": 14, "text": "hosted"}]},
    ]
    clusters = coref_event_mentions(docs)
    assert clusters["m1"] == clusters["m2"] != clusters["m3"]
    timelines = entity_event_timelines(docs, ["Norland", "Estovia"])
    assert ("2030-03-02", "m1") in timelines["Norland"]
    assert [m for _, m in timelines["Estovia"]] == ["m3"]


def test_summarise_timeline_ranks_mentioned_days():
    articles = [
        {"text": "Protesters filled the main square on Monday. Police fired tear gas at the crowd.", "published": "2030-03-05"},
        {"text": "On Monday, thousands of protesters clashed with police in the capital.", "published": "2030-03-06"},
        {"text": "The weather was mild and shops stayed open as usual across the region.", "published": "2030-03-06"},
    ]
    timeline = summarise_timeline(articles, max_dates=1)
    assert [d for d, _ in timeline] == ["2030-03-04"]
    assert timeline[0][1]


def test_comment_on_the_days_meeting_joins_its_entry():
    a = _analysis("a.txt", [("Norland and Estovia held talks in Vienna on Monday.", "CONSULT", "2030-03-04", "text", {"actor": "Norland", "place": "Vienna"})])
    b = _analysis("b.txt", [("Estovian and Norland delegations met in Vienna on the 4th.", "CONSULT", "2030-03-04", "text", {"actor": "Estovia", "place": "Vienna"})])
    c = _analysis("c.txt", [
        ("\u201cThe talks were long and hard,\u201d an envoy told reporters on Monday.", "ACCUSE", "2030-03-04", "text", {}),
        ("Rebels shelled a border village on Monday.", "ASSAULT", "2030-03-04", "text", {}),
    ])
    entries = merge_timeline([a, b, c], {}, _actor)
    assert sorted((e.type, len(e.sources)) for e in entries) == [("ASSAULT", 1), ("CONSULT", 3)]
    meeting = next(e for e in entries if e.type == "CONSULT")
    assert not meeting.summary.startswith("\u201c")


def test_month_dated_report_joins_the_day_in_that_month_across_a_month_boundary():
    # one day-dated report, one month-dated report of it, and one on the 1st of the next month
    a = _analysis("a.txt", [("Norland and Estovia signed the corridor agreement in Vienna.", "AGREE", "2030-03-31", "text", {"place": "Vienna"})])
    b = _analysis("b.txt", [("In March Norland and Estovia signed the corridor agreement in Vienna.", "AGREE", "2030-03", "text", {"place": "Vienna"})])
    c = _analysis("c.txt", [("Estovia and Norland signed the corridor agreement in Vienna.", "AGREE", "2030-04-01", "text", {"place": "Vienna"})])
    entries = merge_timeline([a, b, c], {}, _actor)
    assert len(entries) == 1
    assert set(entries[0].sources) == {"a.txt", "b.txt", "c.txt"}
    assert entries[0].conflicts and entries[0].conflicts[0].startswith("date:")


def test_fit_tfidf_gives_the_vectorizers_matrix():
    from sklearn.feature_extraction.text import TfidfVectorizer

    from newstrail.timeline import fit_tfidf

    texts = ["Norland and Estovia held talks.", "Talks in Vienna.", "Norland and Estovia held talks.", "the of and"]
    for params in ({"ngram_range": (1, 2), "sublinear_tf": True, "stop_words": "english"},
                   {"analyzer": "char_wb", "ngram_range": (3, 5), "sublinear_tf": True}):
        expected = TfidfVectorizer(**params).fit_transform(texts)
        got = fit_tfidf(texts, **dict(params))
        assert got.shape == expected.shape and (got != expected).nnz == 0



def test_fit_tfidf_char_grams_keep_the_vectorizers_layout():
    """Counted word by word, char n-grams give the vectorizer's matrix entry for entry, in its
    storage order (sparse products sum a row's entries in that order)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    from newstrail.timeline import char_wb_grams, fit_tfidf

    texts = ["Norland and Estovia held talks.", "Talks  in\tVienna.", "", "Norland and Estovia held talks.",
             "Zurich talks, then Vienna again", "Ça va"]
    for ngrams in ((3, 5), (2, 2)):
        expected = TfidfVectorizer(analyzer="char_wb", ngram_range=ngrams, sublinear_tf=True).fit_transform(texts)
        got = fit_tfidf(texts, analyzer=char_wb_grams(ngrams), sublinear_tf=True)
        for part in ("indptr", "indices", "data"):
            assert np.array_equal(getattr(got, part), getattr(expected, part))
    with pytest.raises(ValueError):
        fit_tfidf(["", "  "], analyzer=char_wb_grams((3, 5)))


def test_similarity_blocks_are_exactly_the_pairwise_dot():
    """Long shared wording (16+ terms, where BLAS adds in blocks) and short alike."""
    import numpy as np

    from newstrail.timeline import _Sims

    words = [f"w{k}x" for k in range(40)]
    texts = [" ".join(words[:30]), " ".join(words[5:35]), " ".join(words[:3]) + " talks", "talks in Vienna", " ".join(words[::2])]
    sims = _Sims(texts)
    block = sims.block(range(len(texts)), range(len(texts)))
    matrix = sims.matrix
    for i in range(len(texts)):
        for j in range(len(texts)):
            a = matrix.indices[matrix.indptr[i]:matrix.indptr[i + 1]], matrix.data[matrix.indptr[i]:matrix.indptr[i + 1]]
            b = matrix.indices[matrix.indptr[j]:matrix.indptr[j + 1]], matrix.data[matrix.indptr[j]:matrix.indptr[j + 1]]
            _, x, y = np.intersect1d(a[0], b[0], assume_unique=True, return_indices=True)
            assert block[i, j] == float(np.dot(a[1][x], b[1][y]))


def _dot_alone(matrix):
    """Each pair's own np.dot over the terms both rows have: what ``_Sims`` must give."""
    import numpy as np

    def alone(i: int, j: int) -> float:
        a = matrix.indices[matrix.indptr[i]:matrix.indptr[i + 1]], matrix.data[matrix.indptr[i]:matrix.indptr[i + 1]]
        b = matrix.indices[matrix.indptr[j]:matrix.indptr[j + 1]], matrix.data[matrix.indptr[j]:matrix.indptr[j + 1]]
        _, x, y = np.intersect1d(a[0], b[0], assume_unique=True, return_indices=True)
        return float(np.dot(a[1][x], b[1][y]))

    return alone


def test_pair_dots_and_entry_squares_are_exactly_the_pairwise_dot():
    """Pairs gathered together (rows with no terms among them) give each pair's own np.dot."""
    from newstrail.timeline import _Sims

    words = [f"w{k}y" for k in range(50)]
    texts = ["", " ".join(words[:40]), "the of and", " ".join(words[10:45]), " ".join(words[::3]) + " summit in Varnel"]
    sims = _Sims(texts)
    matrix = sims.matrix

    alone = _dot_alone(matrix)

    pairs = [(i, j) for i in range(len(texts)) for j in (4, 0, 1, 3, 2, 1)]
    assert sims.pair_dots([i for i, _ in pairs], [j for _, j in pairs]) == [alone(i, j) for i, j in pairs]
    assert sims.dots(1, [3, 0, 3]) == [alone(1, 3), 0.0, alone(1, 3)]
    assert sims.dots(1, []) == []
    assert sims.dots(1, [3]) == [alone(1, 3)] and sims.dots(0, [4]) == [0.0] and sims.dots(4, [4]) == [alone(4, 4)]
    square = sims.within([1, 3, 4, 0], [0, 0, 0, 1])
    assert square[0, 1] == alone(1, 3) and square[1, 2] == alone(3, 4) and square[2, 3] == 0.0


def test_shared_place_alone_joins_reports_worded_apart():
    """Two reports with no participant or wording in common meet through their place (one of
    the links a merge can go through without similar wording), a third elsewhere stays apart."""
    a = _analysis("a.txt", [("Envoys gathered at the lakeside palace of Torvik on Tuesday.", "CONSULT", "2030-03-05", "text", {"place": "Torvik"})])
    b = _analysis("b.txt", [("A closed-door session took place in torvik that day, officials confirmed.", "CONSULT", "2030-03-05", "text", {"place": " torvik"})])
    c = _analysis("c.txt", [("Ministers convened far away in Ostrava on Tuesday.", "CONSULT", "2030-03-05", "text", {"place": "Ostrava"})])
    entries = merge_timeline([a, b, c], {}, _actor)
    assert sorted(len(e.sources) for e in entries) == [1, 2]
    assert set(next(e for e in entries if len(e.sources) == 2).sources) == {"a.txt", "b.txt"}


def test_summary_quality_of_a_sentence_from_a_poor_article_is_lower_whatever_the_flags_container():
    sentence = "Delegates from Norland reached Varnel on Friday for a second round of talks."
    plain = summary_quality(sentence)
    assert summary_quality(sentence, ["machine_translated"]) == summary_quality(sentence, frozenset({"garbled", "x"})) < plain
    assert summary_quality(sentence, ("paywall",)) == plain


def test_sentence_dates_read_once_recognised_sentences_as_time_expressions_do():
    # a sentence of an article dated late is recognised once and read on each publication date
    # its copies get: the days must be those time_expressions gives on that date
    from newstrail.timeline import _sentence_dates, _sentence_expressions, _timeline_date
    from newstrail.timex import time_expressions

    sentence = "Minister Kaller met the Estovian envoy on Tuesday and flew to Norland two days later."
    _sentence_dates.cache_clear()
    _sentence_expressions.cache_clear()
    for published in ("2030-03-06", "2030-03-09", "2030-03-04/2030-03-05", "2030-04-01"):
        expected = tuple(dict.fromkeys(
            d for _, _, v, t in time_expressions(sentence, published)
            if t in ("DATE", "TIME") and "X" not in v and (d := _timeline_date(v))))
        assert _sentence_dates(sentence, published) == expected
    assert _sentence_expressions.cache_info().misses == 1
    assert _sentence_dates("Minister Kaller met the Estovian envoy on Tuesday.", "2030-03-06") == ("2030-03-05",)


def test_hypothetical_event_of_a_late_dated_article_is_not_dated_again():
    # "would meet on Friday": dated by its own sentence, but no happening
    analysis = _analysis("x", [("Kaller would meet the Norland envoy on Friday.", "CONSULT", None, None,
                                {"hypothetical": True}),
                               ("Kaller met the Norland envoy on Tuesday.", "CONSULT", None, None, {})])
    article = ArticleAnalysis.from_dict({"article": {**analysis.article.to_dict(), "published_how": "inferred"}}).article
    entries = merge_timeline([ArticleAnalysis(article=article, events=analysis.events)], {}, _actor)
    assert [(e.date, e.date_how) for e in entries] == [("2030-03-05", "inferred")]


def test_pair_dots_of_copies_and_of_pairs_both_ways_round_are_each_pairs_own_dot():
    # copies of a report make rows of one text, and an entry's square asks each pair both ways:
    # one dot per pair of texts must still be every pair's own np.dot
    from newstrail.timeline import _Sims

    words = [f"v{k}q" for k in range(45)]
    long_a, long_b = " ".join(words[:38]), " ".join(words[6:44])
    texts = [long_a, long_b, long_a, "Kaller landed in Estovia", long_b, "", long_a]
    sims = _Sims(texts)
    matrix = sims.matrix

    alone = _dot_alone(matrix)

    pairs = [(i, j) for i in range(len(texts)) for j in range(len(texts))]
    assert sims.pair_dots([i for i, _ in pairs], [j for _, j in pairs]) == [alone(i, j) for i, j in pairs]
    assert sims.pair_dots([], []) == []
    square = sims.within(list(range(len(texts))), [0] * len(texts))
    assert all(square[i, j] == alone(i, j) for i, j in pairs)


def test_entry_squares_redo_only_their_own_long_pairs_and_leave_other_entries_apart():
    # two entries in one product: pairs sharing 16+ terms within an entry are each pair's own
    # np.dot, pairs across the entries stay 0 however much wording they share
    from newstrail.timeline import _Sims

    words = [f"k{k}z" for k in range(60)]
    texts = [" ".join(words[:40]), " ".join(words[3:44]), " ".join(words[:40]), " ".join(words[8:50]),
             "Minister Kaller spoke in Norland"]
    sims = _Sims(texts)
    matrix = sims.matrix

    alone = _dot_alone(matrix)

    labels = [0, 0, 1, 1, 0]
    square = sims.within([0, 1, 2, 3, 4], labels)
    for i in range(5):
        for j in range(5):
            assert square[i, j] == (alone(i, j) if labels[i] == labels[j] else 0.0)
    assert square[0, 1] > 0.5 and square[2, 3] > 0.5 and square[0, 2] == 0.0
