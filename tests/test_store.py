"""The store: migrations, transactions, the single-writer lock, search and round-trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstrail.errors import StoreError
from newstrail.model import Article, ArticleAnalysis, Mention, OffsetMap, Problem, Quote, Span, TimelineEntry, content_id
from newstrail.store import MIGRATIONS, Store


def _analysis(text: str, title: str = "Talks") -> ArticleAnalysis:
    aid = content_id(text)
    article = Article(id=aid, source=f"{aid}.txt", text=text, body=text, offsets=OffsetMap.identity(len(text)), title=title, flags=("x",))
    mention = Mention(span=Span(aid, 0, 5), text=text[:5], kind="person", key=text[:5])
    quote = Quote(article_id=aid, content=Span(aid, 0, len(text)), content_text=text, kind="direct", speaker_key=text[:5])
    return ArticleAnalysis(article=article, mentions=(mention,), quotes=(quote,))


def test_migrations_apply_once(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store(path) as store:
        assert store.count("_migrations") == len(MIGRATIONS)
    with Store(path) as store:
        assert store.migrate() == []


def test_newer_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.db.execute("INSERT INTO _migrations VALUES ('9999_future', 0)")
        store.db.conn.commit()
    with pytest.raises(StoreError, match="newer newstrail"):
        Store(path)


def test_write_and_read_back() -> None:
    store = Store(":memory:")
    analysis = _analysis("Minister Ana Varga said the talks would resume.")
    with store.atomic():
        store.write_analyses([analysis])
    assert next(store.articles()) == analysis.article
    back = next(store.analyses())
    assert back.mentions == analysis.mentions and back.quotes == analysis.quotes


def test_failed_batch_rolls_back_alone() -> None:
    store = Store(":memory:")
    with store.atomic():
        store.write_analyses([_analysis("First article about the harbour dispute.")])
    with pytest.raises(RuntimeError):
        with store.atomic():
            store.write_analyses([_analysis("Second article about the harbour dispute.")])
            raise RuntimeError("boom")
    assert store.count("articles") == 1


def test_problem_survives_a_rolled_back_batch() -> None:
    store = Store(":memory:")
    store.add_problem(Problem("bad.txt", "read", "empty file"))
    assert store.problems() == [Problem("bad.txt", "read", "empty file")]


def test_second_writer_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    first, second = Store(path), Store(path)
    with first.writer_lock():
        with pytest.raises(StoreError, match="another newstrail build"):
            with second.writer_lock():
                pass
    with second.writer_lock():
        pass


def test_search_and_bad_query() -> None:
    store = Store(":memory:")
    with store.atomic():
        store.write_analyses([_analysis("Negotiator Ana Varga rejected the offer.", "Offer rejected")])
    assert store.search("Varga")[0]["title"] == "Offer rejected"
    with pytest.raises(StoreError, match="not valid FTS5"):
        store.search('"unclosed')


def test_readonly_missing_store_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        Store(tmp_path / "none.db", readonly=True)


def test_article_by_prefix_and_source() -> None:
    store = Store(":memory:")
    analysis = _analysis("The ferry operators agreed to a new timetable.")
    with store.atomic():
        store.write_analyses([analysis])
    assert store.article(analysis.article.id[:6]) == analysis.article
    assert store.article(analysis.article.source) == analysis.article


def test_article_by_a_longer_path_than_the_relative_one_stored() -> None:
    """A build from /data stores "feeds/a.txt"; `show /data/feeds/a.txt` from elsewhere finds it,
    and a path whose tail differs does not."""
    from dataclasses import replace

    store = Store(":memory:")
    analysis = _analysis("The ferry operators agreed to a new timetable.")
    article = replace(analysis.article, source="feeds/a.txt")
    with store.atomic():
        store.write_analyses([replace(analysis, article=article)])
    assert store.article("/data/feeds/a.txt") == article
    assert store.article("/data/other/a.txt") is None


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=1, max_size=300), st.text(max_size=40))
def test_round_trip_any_text(text: str, title: str) -> None:
    store = Store(":memory:")
    analysis = _analysis(text, title)
    with store.atomic():
        store.write_analyses([analysis])
    assert next(store.analyses()) == analysis


def test_analyses_stream_only_the_tables_asked_for() -> None:
    store = Store(":memory:")
    texts = [f"Minister number {i} said the harbour talks would resume." for i in range(7)]
    with store.atomic():
        store.write_analyses([_analysis(t) for t in texts])
    slim = list(store.analyses(tables=("mentions",), slim=True, batch=3))
    assert [a.article.body for a in slim] == texts  # every batch, in store order
    assert all(a.mentions and not a.quotes for a in slim)
    assert all(a.article.text == "" and a.article.lines == () for a in slim)
    whole = list(store.analyses(batch=3))
    assert all(a.quotes and a.article.text == a.article.body for a in whole)


def test_undecoded_analyses_decode_to_the_analyses_and_their_texts_write_back() -> None:
    from newstrail.store import decode_analysis

    store = Store(":memory:")
    texts = [f"Minister number {i} said the harbour talks would resume." for i in range(5)]
    with store.atomic():
        store.write_analyses([_analysis(t) for t in texts])
    rows = list(store.analysis_rows(tables=("mentions", "quotes"), batch=2))
    assert [decode_analysis(*row) for row in rows] == list(store.analyses(tables=("mentions", "quotes"), batch=2))
    assert all(isinstance(text, str) for _, found in rows for texts in found.values() for text in texts)
    row, found = rows[0]
    before = next(store.analyses())
    with store.atomic():  # JSON texts as a worker sends them back are stored as the records would be
        store.replace_findings("quotes", row["id"], found["quotes"])
    assert next(store.analyses()) == before


def test_corpus_rows_written_in_parts_are_ordered_once() -> None:
    store = Store(":memory:")
    entries = [TimelineEntry(id=f"e{d}", story=None, date=f"2022-01-0{d}", date_how="text", type="CONSULT", summary="")
               for d in (3, 1, 2)]
    with store.atomic():
        store.replace_corpus("timeline", entries[:1])
        store.append_corpus("timeline", entries[1:])
        store.order_corpus("timeline", "json_extract(data, '$.date'), id")
    assert [e.id for e in store.corpus("timeline")] == ["e1", "e2", "e3"]
