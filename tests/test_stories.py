"""Story clustering: topics apart, time makes chapters, state survives persistence."""

from __future__ import annotations

from newstrail.stories import PreparedTexts, StoryIndex, cluster_texts, text_date_bound

PORT = [
    "The port authority of Valmora approved the container terminal expansion after dockers ended their strike.",
    "Dockers in Valmora returned to the container terminal as the port authority confirmed the expansion plan.",
    "The Valmora port expansion will double container capacity, the port authority said after the dockers' strike.",
]
FLOOD = [
    "Floods in Northgate forced hundreds of families from their homes as the river burst its banks overnight.",
    "Rescue teams in Northgate evacuated families after the river flooded the old town for a second night.",
    "The river in Northgate is expected to peak on Friday, flood officials said, as evacuations continued.",
]
PORT_ACTORS = ["Valmora Port Authority", "Dockers Union"]


def test_cluster_texts_separates_topics() -> None:
    texts = [PORT[0], FLOOD[0], PORT[1], FLOOD[1], PORT[2], FLOOD[2]]
    labels = cluster_texts(texts, [None] * len(texts))
    assert labels[0] == labels[2] == labels[4]
    assert labels[1] == labels[3] == labels[5]
    assert labels[0] != labels[1]


def test_story_label_span_and_terms() -> None:
    index = StoryIndex()
    for i, (text, date) in enumerate(zip(PORT, ["2024-05-02", "2024-05-03", "2024-05-06"])):
        index.add(f"p{i}", text, date, PORT_ACTORS)
    (story,) = index.stories()
    assert story.articles == ("p0", "p1", "p2")
    assert (story.first, story.last) == ("2024-05-02", "2024-05-06")
    assert story.label.startswith("Dockers Union, Valmora Port Authority") or story.label.startswith(
        "Valmora Port Authority, Dockers Union")
    assert "valmora" in story.terms or "port" in story.terms


def test_a_year_later_is_a_linked_chapter() -> None:
    index = StoryIndex()
    first = [index.add(f"p{i}", t, "2023-03-0%d" % (i + 1), PORT_ACTORS) for i, t in enumerate(PORT[:2])]
    later = index.add("p2", PORT[2], "2024-04-10", PORT_ACTORS)
    assert first[0] == first[1] != later
    stories = {s.id: s for s in index.stories()}
    assert stories[later].linked == (first[0],) and stories[first[0]].linked == (later,)


def test_undated_article_is_placed_by_the_dates_it_mentions() -> None:
    index = StoryIndex()
    for i, text in enumerate(PORT[:2]):
        index.add(f"p{i}", text, "2023-03-0%d" % (i + 1), PORT_ACTORS)
    text = PORT[2] + " The strike that began in November 2023 is over."
    assert text_date_bound(text) == "2023-12-01"  # a month named with its year: background
    assert index.add("p2", text, None, PORT_ACTORS) != index.story_of("p0")


def test_texts_read_ahead_give_the_same_index() -> None:
    # the build reads new texts while the workers parse (PreparedTexts); the stage must end
    # exactly where reading them itself would have: same stories, names, counts, state bytes
    undated = PORT[2] + " The strike that began in November 2023 is over."
    items = [("p0", PORT[0], "2023-12-04", PORT_ACTORS), ("f0", FLOOD[0], "2024-02-01", []),
             ("p1", PORT[1], "2023-12-05", PORT_ACTORS), ("p2", undated, None, PORT_ACTORS),
             ("f1", FLOOD[1], None, []), ("f2", FLOOD[2], "2024-02-03", [])]
    plain, ahead = StoryIndex(), StoryIndex()
    plain.add_many(items)
    prepared = PreparedTexts(limit=4)  # two articles past the limit: read by the stage itself
    for article_id, text, date, _ in items:
        prepared.add(article_id, text, dated=date is not None)
    assert len(prepared) == 4
    ahead.add_many(items, prepared=prepared)
    assert len(prepared) == 0  # each read text is used once, then let go
    assert ahead.stories() == plain.stories()
    assert ahead.to_bytes() == plain.to_bytes()


def test_text_date_bound_forms() -> None:
    assert text_date_bound("Published Friday 21 January 2022. Talks in 1997.") == "2022-01-21"
    assert text_date_bound("On March 3, 2021 and on 2021-04-05 it rained.") == "2021-04-05"
    assert text_date_bound("Nothing dated here since 1997.") is None


def test_add_is_idempotent_and_round_trips() -> None:
    index = StoryIndex()
    sid = index.add("p0", PORT[0], None, [])
    assert index.add("p0", PORT[0], None, []) == sid
    index.add("f0", FLOOD[0], None, [])
    restored = StoryIndex.from_bytes(index.to_bytes())
    assert restored.stories() == index.stories()
    assert restored.add("p1", PORT[1], None, []) == sid
    assert restored.add("f1", FLOOD[1], None, []) == restored.story_of("f0")


def test_add_many_returns_ids_in_input_order() -> None:
    index = StoryIndex()
    items = [("f0", FLOOD[0], "2024-02-02", []), ("p0", PORT[0], "2024-02-01", []), ("p1", PORT[1], None, [])]
    ids = index.add_many(items)
    assert ids[1] == ids[2] != ids[0]


def test_consolidate_merges_converged_stories() -> None:
    index = StoryIndex(join_threshold=0.99)  # every article starts its own story
    for i, text in enumerate(PORT):
        index.add(f"p{i}", text, None, [])
    assert len(index.stories()) == 3
    index.merge_threshold = 0.05
    assert index.consolidate() >= 1
    assert len({index.story_of(f"p{i}") for i in range(3)}) < 3


def test_state_of_an_unknown_version_is_refused_with_a_reason() -> None:
    import json
    import zlib

    import pytest

    from newstrail.stories import StoryIndex

    index = StoryIndex()
    index.add("a1", "Harbour workers vote to strike over pay in Marrowgate", "2031-03-10", ["Maureen Tallis"])
    body = zlib.decompress(index.to_bytes())
    n = int.from_bytes(body[:8], "little")
    state = json.loads(body[8 : 8 + n])
    state["v"] = 99
    head = json.dumps(state).encode()
    blob = zlib.compress(len(head).to_bytes(8, "little") + head + body[8 + n :])
    with pytest.raises(ValueError, match="not readable"):
        StoryIndex.from_bytes(blob)
    assert "a1" in StoryIndex.from_bytes(index.to_bytes())


def test_refinement_places_articles_that_came_before_their_story() -> None:
    """With a bar no article clears on arrival, the run's refinement still groups the topics."""
    index = StoryIndex(join_threshold=0.99)
    items = [(f"p{i}", t, None, []) for i, t in enumerate(PORT)] + [(f"f{i}", t, None, []) for i, t in enumerate(FLOOD)]
    ids = index.add_many(items, in_order=True)
    assert ids[0] == ids[1] == ids[2] != ids[3]
    assert ids[3] == ids[4] == ids[5]


def test_refinement_leaves_earlier_runs_in_place() -> None:
    index = StoryIndex(join_threshold=0.99)
    (first,) = index.add_many([("p0", PORT[0], None, [])])
    index.consolidate()
    (second,) = index.add_many([("p1", PORT[1], None, [])])
    assert second == first == index.story_of("p0")  # the new article moved, not the old one


def test_refinement_keeps_a_later_chapter_apart() -> None:
    index = StoryIndex()
    dates = ["2023-03-01", "2023-03-02", "2024-04-10"]
    ids = index.add_many([(f"p{i}", t, d, PORT_ACTORS) for i, (t, d) in enumerate(zip(PORT, dates))])
    index.consolidate()
    assert ids[0] == ids[1] != ids[2]
    assert index.story_of("p2") != index.story_of("p0")
