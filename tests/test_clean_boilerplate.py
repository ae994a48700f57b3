"""Line classification on small invented pages."""

from __future__ import annotations

from newstrail.clean import classify_lines, keep_lines, line_key

PARAS = [
    "The city council voted on Monday to close the old river bridge to heavy traffic after engineers found cracks.",
    "Residents have complained for years about the noise and the queues that form at the bridge every morning.",
    "The mayor said the repairs would take about six months and would cost the city less than a new bridge.",
    "Opposition members asked for an independent study before any money is spent on the old structure.",
]


def page(*lines: str) -> list[str]:
    out: list[str] = []
    for line in lines:
        out += [line, ""]
    return out


def labels_of(lines: list[str]) -> dict[str, str]:
    return {line: lab.label for line, lab in zip(lines, classify_lines(lines)) if line}


def test_body_kept_and_widgets_dropped():
    lines = page("Home", "News", "Council closes river bridge to lorries", *PARAS,
                 "Share this:", "Leave a Reply", "Your email address will not be published.")
    labels = labels_of(lines)
    assert all(labels[p] == "body" for p in PARAS)
    assert labels["Share this:"] == labels["Leave a Reply"] == "boilerplate"
    assert labels["Your email address will not be published."] == "boilerplate"
    assert labels["Council closes river bridge to lorries"] == "title"


def test_dek_after_title_is_not_body():
    dek = "Engineers found cracks in the ageing structure, the council says"
    labels = labels_of(page("Council closes river bridge to lorries", dek, *PARAS))
    assert labels[dek] == "dek"


def test_repeated_headline_and_teasers_dropped():
    teaser_head = "Local bakery wins national prize"
    teaser_text = "The family bakery on Mill Street was named the best in the..."
    lines = page("Council closes river bridge to lorries", *PARAS[:2], "Council closes river bridge to lorries",
                 *PARAS[2:], "More like this", teaser_head, teaser_text)
    labels = classify_lines(lines)
    repeated = [i for i, line in enumerate(lines) if line == "Council closes river bridge to lorries"]
    assert labels[repeated[0]].label == "title" and labels[repeated[1]].label == "boilerplate"
    assert labels[lines.index(teaser_text)].label == "boilerplate"
    assert labels[lines.index(teaser_head)].label == "boilerplate"


def test_republication_lines_dropped():
    lines = page("Council closes river bridge to lorries", *PARAS,
                 "The post Council closes river bridge to lorries appeared first on Riverside Daily.",
                 "Source link")
    labels = labels_of(lines)
    assert labels["Source link"] == "boilerplate"
    assert labels["The post Council closes river bridge to lorries appeared first on Riverside Daily."] == "boilerplate"


def test_common_lines_across_corpus_dropped():
    furniture = "Riverside Daily is an independent newspaper serving the valley since 1901."
    lines = page("Council closes river bridge to lorries", PARAS[0], furniture, *PARAS[1:])
    assert labels_of(lines)[furniture] == "body"
    labels = classify_lines(lines, common_lines=frozenset({line_key(furniture)}))
    assert labels[lines.index(furniture)].label == "boilerplate"


def test_keep_lines_matches_body_labels():
    lines = page("Menu", *PARAS, "Back to top")
    assert keep_lines(lines) == [lab.label == "body" for lab in classify_lines(lines)]
    assert sum(keep_lines(lines)) == len(PARAS)


def test_line_key_ignores_case_digits_and_punctuation():
    assert line_key("Follow us on Twitter! 2024") == line_key("follow us on twitter 1999")
    assert line_key("   ") == ""


def test_no_prose_means_no_body():
    assert not any(keep_lines(["Home", "About", "Contact"]))


def test_translated_comment_form_and_newsletter_box_dropped():
    form = ["Deixe uma resposta", "O seu endereço de e-mail não será publicado.", "Get our Daily Newsletter"]
    labels = labels_of(page("Council closes river bridge to lorries", *PARAS, *form))
    assert all(labels[p] == "body" for p in PARAS)
    assert all(labels[line] == "boilerplate" for line in form)


def test_author_box_ends_the_article():
    bio = "Jane Doe has covered local government for the paper since she joined it from a radio station."
    labels = labels_of(page(*PARAS, "About the author", bio))
    assert labels["About the author"] == labels[bio] == "boilerplate"


def test_results_page_without_prose_keeps_its_sentences():
    results = ["Northside d. Riverside 3-1", "Northside (4-0): Smith 1 goal. Jones 2 goals. Brown 3 saves.",
               "Riverside (3-1): Green 1 goal. White 6 saves."]
    labels = labels_of(page("Home", "Scores", *results, "Terms of Service"))
    assert labels[results[1]] == labels[results[2]] == "body"
    assert labels["Terms of Service"] == "boilerplate"


def test_topic_change_after_the_article_ends_it():
    # shares one word ("bridge") with the article: too little once the article is over
    teaser = ("A popular bakery near the bridge market has started selling sourdough loaves baked with "
              "ancient grains, and hungry customers queue outside from dawn, chatting, reading "
              "newspapers and drinking coffee while waiting patiently for fresh warm bread.")
    labels = labels_of(page(*PARAS, "Tags", teaser))
    assert all(labels[p] == "body" for p in PARAS)
    assert labels[teaser] == "boilerplate"


TEASERS = [
    "Bakery on Mill Street wins a national prize. The judges praised its sourdough loaves and its rye, "
    "baked before dawn each day by the owner and her two sons, who took over the ovens last year.",
    "School choir to sing at the cathedral. Forty pupils have rehearsed since September for the concert, "
    "which the choir master says is the biggest the school has ever put on for the town.",
    "Football club names a new manager. The former player takes charge next week after the board met on "
    "Sunday, and supporters gathered outside the ground to cheer the news of his return.",
]


def test_headline_repeated_above_a_short_article_moves_the_block_there():
    # a scraped page: the <title> first, then a longer teaser list, then the headline again
    # over a short article
    lines = page("Council closes river bridge to lorries | Riverside Daily", "Home", "Latest news", *TEASERS,
                 "Council closes river bridge to lorries", "By Jane Doe", *PARAS[:2])
    labels = labels_of(lines)
    assert all(labels[p] == "body" for p in PARAS[:2])
    assert all(labels[t] == "boilerplate" for t in TEASERS)


def test_headline_repeated_under_the_article_does_not_move_it():
    lines = page("Council closes river bridge to lorries", *PARAS, "Council closes river bridge to lorries",
                 *TEASERS)
    labels = labels_of(lines)
    assert all(labels[p] == "body" for p in PARAS)


def test_comment_section_ends_the_article():
    comment = "I drive over that bridge every morning and the council is right to close it to heavy traffic."
    labels = labels_of(page(*PARAS, "3 thoughts on “Council closes river bridge to lorries”", comment))
    assert all(labels[p] == "body" for p in PARAS)
    assert labels[comment] == "boilerplate"


def test_readers_posts_with_a_time_stamp_end_the_article():
    """A comment thread without a heading: each post opens with its stamp and poster."""
    post = "At 9:41 pm on 23 Jun 2021, bridgewatcher wrote: I drive over that bridge every morning and the council is right."
    more = "It should have been closed to lorries years ago, the cracks were visible from the towpath."
    other = "bridgewatcher2 says: June 17, 2021 at 4:12 pm"
    labels = labels_of(page(*PARAS, post, more, other, "Residents of the old town agree that the bridge must close."))
    assert all(labels[p] == "body" for p in PARAS)
    assert labels[post] == labels[more] == labels[other] == "boilerplate"
    letter = "In a letter to the council, the engineer wrote: the cracks are growing."
    assert labels_of(page(*PARAS[:2], letter, *PARAS[2:]))[letter] == "body"


def test_box_of_links_inside_the_article_dropped():
    box = ["Most read in local news", "Bakery wins national prize", "School choir to sing at the cathedral"]
    labels = labels_of(page("Council closes river bridge to lorries", *PARAS[:2], *box, *PARAS[2:]))
    assert all(labels[p] == "body" for p in PARAS)
    assert all(labels[line] == "boilerplate" for line in box)


def test_list_announced_by_the_last_paragraph_kept():
    items = ["Northern approach road", "Old river bridge", "Mill Street junction"]
    intro = "The council listed the roads that will be closed to lorries from next month:"
    labels = labels_of(page(*PARAS, intro, *items, "Share this:"))
    assert all(labels[line] == "body" for line in [*PARAS, intro, *items])
    assert labels["Share this:"] == "boilerplate"


def test_newsletter_prompt_and_author_contact_dropped():
    furniture = ["Get the latest updates right in your inbox. Subscribe to our newsletters.",
                 "Jane Doe is a senior reporter for the Riverside Daily covering local government.",
                 "Jane Doe may be reached at her office. Follow her on Twitter."]
    labels = labels_of(page("Council closes river bridge to lorries", *PARAS, *furniture))
    assert all(labels[p] == "body" for p in PARAS)
    assert all(labels[line] == "boilerplate" for line in furniture)


def test_table_of_numbers_is_not_repeated_headlines():
    cells = ["Pos.", "Team", "Points", "1", "Rivertown", "30", "2", "Hillford", "28", "3", "Lakeside", "28"]
    lines = page("Council closes river bridge to lorries", *PARAS[:2], "The league table after ten rounds:",
                 *cells, *PARAS[2:])
    labels = classify_lines(lines)
    for cell in ("30", "28", "2", "3"):
        assert all(labels[i].label == "body" for i, line in enumerate(lines) if line == cell), cell


def test_interview_labels_keep_short_questions_and_answers():
    qa = ["Q: What did the engineers find in the old bridge this spring?",
          "A: Deep cracks in two of the piers, and rust in most of the steel joints under the deck.",
          "Q: How long will the repairs to the bridge take?",
          "A: About six months, if the weather holds and the steel arrives on time from the mill.",
          "Q: Favourite bridge?", "A: The old stone one", "Q: Favourite river?", "A: Ours"]
    labels = labels_of(page("Council closes river bridge to lorries", *PARAS, *qa, "Share this:"))
    assert all(labels[line] == "body" for line in qa)


def test_long_headline_in_capitals_is_a_teaser_short_one_a_subhead():
    teaser = "MAYOR OF NEIGHBOURING TOWN ANNOUNCES SURPRISE BID FOR A SECOND TERM IN OFFICE"
    subhead = "WHAT HAPPENS NEXT"
    labels = labels_of(page("Council closes river bridge to lorries", PARAS[0], teaser, PARAS[1], subhead, PARAS[2]))
    assert labels[teaser] == "boilerplate" and labels[subhead] == "body"


def test_agency_caption_time_stamp_and_inline_byline_dropped():
    caption = "The mayor, left, speaks with residents near the bridge, Friday, March 5, 2021, in Rivertown."
    stamp = "Published: 09:15, Fri, Mar 5, 2021 | Updated: 10:40, Fri, Mar 5, 2021"
    byline = "By Jane Roe"
    labels = labels_of(page("Council closes river bridge to lorries", PARAS[0], byline, stamp, PARAS[1], caption,
                            *PARAS[2:]))
    assert labels[caption] == labels[stamp] == labels[byline] == "boilerplate"
    assert all(labels[p] == "body" for p in PARAS)


def test_press_release_company_paragraph_dropped():
    about = ("Rivertown Steel is a leading supplier of structural steel for bridges and rail, with plants in "
             "three countries and about 2,000 employees.")
    labels = labels_of(page("Council closes river bridge to lorries", *PARAS, about))
    assert labels[about] == "boilerplate"
    assert all(labels[p] == "body" for p in PARAS)


def test_list_announced_just_after_the_block_and_embedded_tweet_kept():
    items = ["Two new lanes for bicycles", "A footpath on both sides", "Lights under the deck"]
    tweet = "The bridge closes on Monday, plan your trip https://t.co/abc"
    signature = "— Rivertown Council (@rivertown) March 4, 2021"
    labels = labels_of(page("Council closes river bridge to lorries", *PARAS, "The new bridge will have:", *items,
                            "Leave a Reply"))
    assert all(labels[item] == "body" for item in items)
    labels = labels_of(page("Council closes river bridge to lorries", *PARAS, tweet, signature, "Leave a Reply"))
    assert labels[tweet] == labels[signature] == "body"


def test_tags_heading_ends_the_article():
    labels = labels_of(page("Council closes river bridge to lorries", *PARAS, "Tags",
                            "river bridge, council, lorries, repairs",
                            "The council also plans to repair the old river bridge railings next year, residents say."))
    assert labels["Tags"] == labels["river bridge, council, lorries, repairs"] == "boilerplate"


def test_repeated_headline_above_the_text_is_the_title():
    head = "Council closes river bridge to lorries"
    lines = page(f"{head} | Rivertown News", "Home", "News", "Sport", head, *PARAS)
    labels = classify_lines(lines)
    assert labels[lines.index(head)].label == "title"
    assert labels[0].label != "title"


def test_required_strings_of_a_pattern():
    from newstrail.clean.patterns import required_strings

    assert required_strings(r"(uses|use of|we use) cookies") == (" cookies",)
    assert required_strings(r"(download|get) (our|the) (free )?app") == ("app",)
    assert required_strings(r"(harbour|port) (master|authority)") == ("master", "authority")
    assert required_strings(r"(ferry|\d+) times") == (" times",)
    assert required_strings(r"(ferry|\d+)") is None and required_strings(r"\w+") is None


def test_widget_phrases_found_with_and_without_their_gate():
    from newstrail.clean.patterns import _ANYWHERE_LOWER, widget_anywhere

    lines = ["The Vellmar Gazette uses cookies to improve your visit.", "Get our free app for Norland news",
             "Minister Kaller can be reached at the harbour office.", "Photo credit: Ana Dresk",
             "Sign up for the latest alerts from Estovia", "The ferry left Vellmar at noon on Tuesday.",
             "Estovian officials said the talks would resume.", "Pflichtfelder der Vellmar-Umfrage sind markiert"]
    found = [widget_anywhere(line) for line in lines]
    assert found == [any(p.search(line.lower()) for p in _ANYWHERE_LOWER) for line in lines]
    assert found[:5] == [True] * 5 and found[5:7] == [False, False]


def test_repeat_candidates_are_the_lines_about_as_long():
    from newstrail.clean.boilerplate import REPEAT_LENGTH_RATIO, _about_as_long

    seen = sorted((length, i) for i, length in enumerate([1, 3, 7, 10, 13, 14, 20, 26, 27, 40, 52, 53, 100, 130, 131]))
    for length in range(1, 180):
        wanted = sorted(i for other, i in seen
                        if not (length > REPEAT_LENGTH_RATIO * other or other > REPEAT_LENGTH_RATIO * length))
        assert _about_as_long(seen, length) == wanted


def test_headline_repeated_lower_down_is_dropped_among_many_lines():
    headline = "Kaller opens the new Vellmar ferry terminal"
    prose = [f"Paragraph {n} of the Estovian harbour story says the ferry ran on time for week {n}." for n in range(40)]
    labels = classify_lines([headline, *prose[:20], headline + ".", *prose[20:]])
    assert labels[21].label == "boilerplate" and labels[21].reason.startswith("repeats line")
