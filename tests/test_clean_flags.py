"""Quality flags on invented texts."""

from __future__ import annotations

from newstrail.clean import clean_article
from newstrail.clean.flags import MACHINE_TRANSLATED_MIN, garble_signals
from newstrail.model import RawArticle

EDITED = [
    "The harbour board voted on Tuesday to extend the evening ferry service to the islands.",
    "\u201cWe listened to the commuters,\u201d the chair told reporters after the meeting.",
    "The new timetable starts next month and adds three crossings on weekdays.",
    "Islanders had asked for later ferries for years, and a petition had two thousand names.",
]
GARBLED = [
    "The harbour board states that the ferry was extended. It states that it is.",
    "The chair told reporters that the decision \u201cwas good for the island. rice field. Is welcome.",
    "The board considering issues such as: Ready to Timetable the evening Is extended , the islanders.",
    "Commuters said the ferry \u201cwill run late at night to the islands. The timetable starts.",
]


def test_edited_text_scores_low_and_garbled_high():
    assert garble_signals(EDITED).score < MACHINE_TRANSLATED_MIN
    assert garble_signals(GARBLED).score >= MACHINE_TRANSLATED_MIN


def test_flags_on_articles():
    text = "Ferries to run later\n\n" + "\n\n".join(GARBLED) + "\n\nSource link Ferries to run later\n"
    flags = clean_article(RawArticle(source="mem", text=text)).flags
    assert "machine_translated" in flags and "republished" in flags
    clean = clean_article(RawArticle(source="mem", text="Ferries to run later\n\n" + "\n\n".join(EDITED))).flags
    assert clean == ()


def test_boilerplate_heavy():
    furniture = "\n".join(["Home", "News", "Sport", "Weather", "Contact", "About us", "Log in", "Subscribe"])
    text = furniture + "\n\n" + "\n\n".join(EDITED)
    assert "boilerplate_heavy" in clean_article(RawArticle(source="mem", text=text)).flags


def test_lower_case_sentence_starts_count_but_dotted_names_do_not() -> None:
    from newstrail.clean.flags import garble_signals

    garbled = garble_signals(["The harbour board was meeting every Monday. small boats. The vote was delayed."])
    assert garbled.lowercase_starts == 1
    edited = garble_signals(["He posted a photo at pic.twitter.com for the campaign. on. meth. dot. com."])
    assert edited.lowercase_starts == 0
    abbreviated = garble_signals(["Prices rose for fuel, food, etc. and wages lagged behind."])
    assert abbreviated.lowercase_starts == 0


def test_said_end_searched_from_its_possible_start_finds_what_a_full_search_finds():
    from newstrail.clean.flags import _SAID_END, _ends_with_said

    sentences = ["Minister Kaller said.", "The Vellmar harbour master said  .", "Officials were quoted as saying.",
                 "THE ENVOY TOLD.", "Kaller said.\n", "Kaller said. Then", "", ".", " .", "noted\t.", "Estovia reported .",
                 "The board unsaid.", "It was said", "Norland's minister added:", "stated."]
    assert [_ends_with_said(s) for s in sentences] == [bool(_SAID_END.search(s)) for s in sentences]
    assert _ends_with_said("Minister Kaller said.") and not _ends_with_said("The board unsaid.")


def test_capitalised_function_word_after_a_word_or_in_quotes_counts():
    from newstrail.clean.flags import _capitalised_midsentence

    assert _capitalised_midsentence("The talks in Norland Is stalled by the strike.") == 1
    assert _capitalised_midsentence("The envoy said: “Is this the end?”") == 1
    assert _capitalised_midsentence("Minister Kaller of Estovia met the envoy.") == 0
