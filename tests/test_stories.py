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


def test_an_undated_story_has_no_span_only_the_date_it_was_written_after() -> None:
    """Undated articles whose texts speak of 6 May 2024 as past: written on or after it, but
    no first or last date (a lower bound shown as a one-day span misled the reader)."""
    index = StoryIndex()
    for i, text in enumerate(PORT):
        index.add(f"p{i}", text + " The vote on 6 May 2024 ended the strike.", None, PORT_ACTORS)
    (story,) = index.stories()
    assert (story.first, story.last) == (None, None)
    assert story.not_before is not None and story.not_before >= "2024-05-06"


def test_calendar_words_are_no_story_terms() -> None:
    """"month" or "Monday" say when, not what: they stay out of a story's terms and label."""
    index = StoryIndex()
    for i, text in enumerate(PORT):
        index.add(f"p{i}", text + " This month, on Monday, the month of talks ended.", "2024-05-0" + str(i + 2), PORT_ACTORS)
    (story,) = index.stories()
    assert not {"month", "monday"} & set(story.terms)
    assert "month" not in story.label.lower()


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


# --------------------------------------------------------------------- runs in blocks
BRIDGE = [
    "Engineers in Corvane closed the Tessaly bridge after inspectors found cracks in its main span.",
    "The Tessaly bridge in Corvane stays shut while engineers repair cracks found by inspectors.",
    "Inspectors said repairs to the cracked Tessaly bridge span in Corvane will take six weeks.",
]
BRIDGE_ACTORS = ["Corvane Roads Agency"]


def _run(dates: list[str]) -> list[tuple[str, str, str, list[str]]]:
    """Articles of the three topics, one a day, interleaved as news arrives."""
    texts = [t for trio in zip(PORT, FLOOD, BRIDGE) for t in trio]
    actors = [PORT_ACTORS, [], BRIDGE_ACTORS] * 3
    return [(f"r{i}", text, date, a) for i, (text, date, a) in enumerate(zip(texts, dates, actors))]


def _dates(n: int) -> list[str]:
    return [f"2024-06-{i + 1:02d}" for i in range(n)]


def _blocked(items: list, block: int, place=map, base: StoryIndex | None = None) -> StoryIndex:
    index = base if base is not None else StoryIndex()
    index.add_run(items, block=block, place=place)
    index.consolidate(place=place)
    return index


def test_a_run_no_longer_than_a_block_is_the_sequential_pass() -> None:
    items = _run(_dates(9))
    sequential = StoryIndex()
    sequential.add_many(items)
    sequential.consolidate()
    assert _blocked(items, block=9).to_bytes() == sequential.to_bytes()


def test_each_block_starts_from_the_index_before_the_run_with_earlier_blocks_counted() -> None:
    import numpy as np

    from newstrail.stories import count_terms, place_block

    tasks = []

    def place(fn, work):
        for task in work:
            if fn is place_block:  # not the second refinement's tasks
                tasks.append(task)
            yield fn(task)

    items = _run(_dates(9))
    _blocked(items, block=4, place=place)
    assert [len(block.items) for _, block in tasks] == [4, 4, 1]
    assert len({state for state, _ in tasks}) == 1  # one state: the index before the run
    for k, (_, block) in enumerate(tasks):
        assert block.docs == 4 * k
        df: dict[int, int] = {}
        for _, text, _, _ in items[:4 * k]:
            for f in count_terms(text)[0].tolist():
                df[f] = df.get(f, 0) + 1
        feats, counts = block.feats
        assert dict(zip(feats.tolist(), counts.tolist())) == df
        assert np.all(counts > 0)


def test_blocks_give_the_same_index_wherever_they_are_placed() -> None:
    import pickle

    def elsewhere(fn, work):  # as on a worker process: task and result cross a pipe
        return (pickle.loads(pickle.dumps(fn(pickle.loads(pickle.dumps(task))))) for task in work)

    items = _run(_dates(9))
    assert _blocked(items, block=3, place=elsewhere).to_bytes() == _blocked(items, block=3).to_bytes()


def test_a_story_cut_by_a_block_edge_is_one_story_after_consolidation() -> None:
    items = _run(_dates(9))
    index = _blocked(items, block=3)  # every block holds one article of each topic
    by_topic = [{index.story_of(f"r{i}") for i in range(topic, 9, 3)} for topic in range(3)]
    assert all(len(stories) == 1 for stories in by_topic)
    assert len(set.union(*by_topic)) == 3


def test_blocks_add_to_a_story_of_an_earlier_run() -> None:
    base = StoryIndex()
    base.add_many([(f"old{i}", text, "2024-05-30", PORT_ACTORS) for i, text in enumerate(PORT[:2])])
    base.consolidate()
    (old,) = base.stories()
    index = _blocked(_run(_dates(9)), block=2, base=base)
    assert {index.story_of(f"r{i}") for i in (0, 3, 6)} == {old.id}
    assert index.story_of("old0") == old.id


def test_a_chapter_started_in_a_block_keeps_its_link() -> None:
    base = StoryIndex()
    base.add_many([(f"old{i}", text, "2023-01-10", PORT_ACTORS) for i, text in enumerate(PORT[:2])])
    base.consolidate()
    (old,) = base.stories()
    index = _blocked(_run(["2024-06-01"] * 9), block=3, base=base)
    chapter = index.story_of("r0")
    assert chapter != old.id
    stories = {s.id: s for s in index.stories()}
    assert old.id in stories[chapter].linked and chapter in stories[old.id].linked


def test_a_run_in_blocks_is_refined_in_blocks_across_their_edges() -> None:
    """No article clears the bars on arrival or in merging: only refinement groups articles,
    and the second refinement, in blocks, moves articles into stories of other blocks."""
    index = StoryIndex(join_threshold=0.99, merge_threshold=0.99)
    items = [(f"p{i}", t, None, []) for i, t in enumerate(PORT)] + [(f"f{i}", t, None, []) for i, t in enumerate(FLOOD)]
    index.add_run(items, block=2)  # blocks [p0 p1] [p2 f0] [f1 f2]
    assert index.story_of("p2") != index.story_of("p0") == index.story_of("p1")
    assert index.story_of("f0") != index.story_of("f1") == index.story_of("f2")
    assert index.consolidate() == 0
    assert index.story_of("f0") == index.story_of("f1")  # across the edge of blocks 2 and 3
    assert index.story_of("p2") in {index.story_of("p0"), index.story_of("p1")}
    # All moves are decided against one state (batch reassignment): p0, left with one story
    # member, chose p2's story while p2 chose theirs, so two of three port articles meet.
    # ``refine``, one article after another, would have grouped all three.
