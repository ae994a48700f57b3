"""Rewrites: an article retold in other words, sentence after sentence, is found and named as a copy."""

from __future__ import annotations

from newstrail.rewrites import MIN_SENTENCES, Retold, alignment, find_rewrites, sentences

import numpy as np

ORIGINAL = (
    "Talvia and the Orsk Federation opened talks on the disputed fishing grounds in Halden on Tuesday.\n\n"
    "The Talvian fisheries minister, Petra Lunde, said her country wanted a quota of 60,000 tonnes of cod a year.\n\n"
    "Orsk negotiators offered 35,000 tonnes and asked for access to three Talvian harbours in winter.\n\n"
    "Lunde told reporters the offer ignored the fleets that had worked those waters for a century.\n\n"
    "The mediator, a retired judge from Vessby, said both delegations would meet again in two weeks.\n\n"
    "Fishing crews protested outside the conference hall with banners calling for a fair share of the catch."
)

# The same article passed through a literal translation: other words, same order.
RETOLD = (
    "Talvia and Federation of Orsk were opening the negotiation about the fishing grounds of dispute in Halden on Tuesday.\n\n"
    "Minister of fisheries of Talvia, Petra Lunde, said her country is wanting quota of 60,000 tonnes of cod every year.\n\n"
    "The negotiators of Orsk were offering 35,000 tonnes and were asking the access to three harbours of Talvia in the winter.\n\n"
    "Lunde told to reporters that the offer is ignoring the fleets which were working in these waters one century.\n\n"
    "Mediator, retired judge of Vessby, said the two delegations will meet again after two weeks.\n\n"
    "Crews of fishing were protesting outside of the hall of conference with banners for the fair share of catch."
)

# An independent report of the same day: the same facts, its own order and words.
INDEPENDENT = (
    "Hundreds of fishermen waved banners outside a Halden conference centre as the cod talks began.\n\n"
    "Inside, Orsk put 35,000 tonnes on the table, far short of what its neighbour says its boats need.\n\n"
    "A retired Vessby judge is chairing the sessions and has set a second round for later this month.\n\n"
    "The dispute dates back to a 1998 treaty that left the boundary of the grounds undrawn.\n\n"
    "Petra Lunde, who leads Talvia's delegation, is holding out for 60,000 tonnes.\n\n"
    "Harbour access in the winter months is the other sticking point, officials on both sides said."
)


def test_sentences_skip_short_lines():
    assert sentences("Breaking news\n\nThe council voted to close the old bridge on Friday. In this case.") == [
        "The council voted to close the old bridge on Friday."
    ]


def test_alignment_reads_cover_and_order():
    in_order = np.array([[0.9, 0.0, 0.0], [0.0, 0.8, 0.0], [0.0, 0.0, 0.7]])
    reversed_order = in_order[::-1]
    assert alignment(in_order) == (1.0, 1.0, 1.0)
    cover, order, _ = alignment(reversed_order)
    assert cover == 1.0 and order < 0.5


def test_a_literal_rewrite_is_found_and_named_the_copy():
    found = find_rewrites([
        Retold("orig", ORIGINAL, "2030-05-07"),
        Retold("mt", RETOLD, None, ("machine_translated",)),
        Retold("other", INDEPENDENT, "2030-05-07"),
    ])
    assert [(d.article_id, d.other_id, d.kind) for d in found] == [("mt", "orig", "rewrite")]
    assert found[0].similarity >= 0.6
    assert found[0].earliest is None  # the copy states no date: which came first is not known


def test_an_independent_report_of_the_same_event_is_no_rewrite():
    assert find_rewrites([Retold("a", ORIGINAL, "2030-05-07"), Retold("b", INDEPENDENT, "2030-05-07")]) == []


def test_the_later_article_is_the_copy_and_the_earlier_is_earliest():
    found = find_rewrites([Retold("late", RETOLD, "2030-05-09"), Retold("early", ORIGINAL, "2030-05-07")])
    assert [(d.article_id, d.other_id, d.earliest) for d in found] == [("late", "early", "early")]


def test_only_pairs_with_a_new_article():
    articles = [Retold("orig", ORIGINAL, "2030-05-07"), Retold("mt", RETOLD, None)]
    assert find_rewrites(articles, new={"orig"})
    assert find_rewrites(articles, new={"someone else"}) == []


def test_short_pieces_are_not_compared():
    short = "\n\n".join(ORIGINAL.split("\n\n")[:MIN_SENTENCES - 1])
    assert find_rewrites([Retold("a", short, None), Retold("b", ORIGINAL, "2030-05-07")]) == []


def test_a_short_preview_listing_the_same_facts_in_order_is_no_rewrite():
    preview = ("Talvia and the Orsk Federation will open talks on the disputed cod grounds in Halden next week.\n\n"
               "The Talvian fisheries minister, Petra Lunde, is expected to ask for a quota of 60,000 tonnes.\n\n"
               "Orsk negotiators want winter access to Talvian harbours, officials in both capitals said.\n\n"
               "A retired judge from Vessby will chair the talks, which fishing crews plan to picket.")
    assert find_rewrites([Retold("preview", preview, "2030-05-03"), Retold("report", ORIGINAL, "2030-05-07")]) == []


def test_a_shared_site_template_is_no_sign_of_retelling():
    template = ("Would you like to receive our morning briefing by email every day?\n\n"
                "Tell us what you think of this story in the comments below the article.\n\n"
                "Our journalists check every reader report before it is published here.\n\n"
                "Sign in with your account to save articles and follow the topics you like.\n\n"
                "Photographs sent by readers may be edited for length and clarity before use.\n\n"
                "Share this page with your friends using the buttons at the top of the screen.\n\n")
    pages = [
        Retold(f"page{n}", template + topic, None)
        for n, topic in enumerate([
            "A reader sent pictures of the flooded market square in Orvale on Sunday morning.",
            "Volunteers in Brisk cleared fallen trees from the coastal road after the storm.",
            "The ferry between Lund Point and the islands was cancelled for a third day.",
        ])
    ]
    assert find_rewrites(pages) == []


def test_build_records_a_rewrite_once(tmp_path):
    from newstrail.api import build, list_duplicates
    from newstrail.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_original.txt").write_text("Cod talks open in Halden\n\nPublished 7 May 2030\n\n" + ORIGINAL, encoding="utf-8")
    (folder / "b_rewrite.txt").write_text("Fishing negotiation is opening in Halden\n\n" + RETOLD, encoding="utf-8")
    db = tmp_path / "s.db"
    build([folder], db, workers=1)
    build([folder], db, workers=1)
    with Store(db) as store:
        rewrites = [d for d in list_duplicates(store) if d["kind"] == "rewrite"]
        published, how = store.db.execute("SELECT published, published_how FROM articles WHERE id = ?",
                                          (rewrites[0]["article_id"],)).fetchone()
    assert [(d["source"].endswith("b_rewrite.txt"), d["other_source"].endswith("a_original.txt")) for d in rewrites] == [(True, True)]
    assert how == "inferred" and published >= "2030-05-07"  # dated from its story, never before its original


def test_an_inferred_range_starts_no_earlier_than_what_the_article_retells():
    from newstrail.timex.infer import not_before

    value, reason = not_before(("2030-05-01/2030-05-20", "story s1: clues"), "abcdef1234567890", "2030-05-07")
    assert value == "2030-05-07/2030-05-20" and reason.endswith("not before 2030-05-07, the date of the article it retells (abcdef1234)")
    assert not_before(("2030-05-01/2030-05-07", "r"), "x", "2030-05-07")[0] == "2030-05-07"
    assert not_before(("2030-05-09", "r"), "x", "2030-05-07") == ("2030-05-09", "r")  # already after
    assert not_before(("2030-04-01/2030-04-05", "r"), "x", "2030-05-07") == ("2030-04-01/2030-04-05", "r")  # clues disagree
