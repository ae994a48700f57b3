"""Quotations credited by a dash line: the horizontal bar's tag and credit-line layouts."""

from __future__ import annotations

from quote_helpers import holding as _holding


def test_the_horizontal_bar_is_tagged_as_a_dash_not_a_verb(nlp):
    # the small model reads U+2015 as a verb; the pipeline tags it as "—" is tagged
    doc = nlp("“The ferry will run all winter.” ― Ilse Marrow, harbour chief")
    bar = next(t for t in doc if t.text == "―")
    assert (bar.tag_, bar.pos_) == (":", "PUNCT")


def test_an_entity_run_across_a_spaced_horizontal_bar_is_cut_there(nlp):
    # the small model may run two names into one entity over a dash; U+2015 is a dash too
    from spacy.tokens import Span

    from newstrail.actors import _split_entities

    doc = nlp("Olena Varga ― Dario Pensky")
    whole = Span(doc, 0, len(doc), label="PERSON")
    assert [s.text for s in _split_entities([whole])] == ["Olena Varga", "Dario Pensky"]


def test_a_credit_on_its_own_paragraph_under_a_quotation_names_the_speaker(quotes_of):
    # fact-check lists print each claim as a paragraph and the credit as the next one,
    # after a blank line; the dash may close up on the name when it opens the line
    found = quotes_of("We checked the claims made at the harbour forum.\n\n"
                      "\"Ferry fares have doubled in four years.\"\n\n- Dario Pensky.\n\n"
                      "The fares rose by a third, not a half.\n\n"
                      "\"Nobody rides the night boat anymore.\"\n\n-Olena Varga, speaking after the forum.\n\n"
                      "The night boat carried more people last year.")
    q = _holding(found, "fares have doubled")
    assert q.kind == "direct" and q.speaker_key == "Dario Pensky" and q.cue_text == "-"
    assert "Varga" in _holding(found, "night boat anymore").speaker_text


def test_a_dash_item_after_narration_that_ends_in_a_quotation_credits_no_one(quotes_of):
    # after a blank line only a quotation that stands alone takes the next line's credit;
    # a list item under a paragraph of narration is no credit
    found = quotes_of("The council voted on what it called \"the fairest levy in years.\"\n\n"
                      "- Dario Pensky\n- Olena Varga\n")
    assert all(q.cue_text != "-" for q in found)


# --- title-case headlines (the tagger reads every word as a proper noun) -----------------


def _first_line(found, cue: str):
    hits = [q for q in found if q.cue_text == cue]
    assert hits, f"no quote with cue {cue!r}: {[(q.cue_text, q.content_text) for q in found]}"
    return hits[0]


def test_title_case_headline_says_and_calls(quotes_of):
    found = quotes_of("Olena Varga Says Rivals Rigged Ferry Vote, Calls Toll Plan ‘Reckless’\n\n"
                      "The harbour candidate spoke for an hour at the depot on Monday.")
    q = _first_line(found, "Says")
    assert q.content_text == "Rivals Rigged Ferry Vote" and q.speaker_key == "Olena Varga"
    assert _first_line(found, "Calls").content_text == "Toll Plan ‘Reckless’"


def test_title_case_headline_content_before_the_comma_of_a_say_verb(quotes_of):
    found = quotes_of("Tolls Are ‘The Worst Tax On Islanders,’ Olena Varga Tells Harbour Forum\n\n"
                      "The forum drew a large crowd.")
    q = _first_line(found, "Tells")
    assert q.content_text.startswith("Tolls Are") and "Varga" in q.speaker_text


def test_title_case_headline_two_cues_share_their_subject(quotes_of):
    found = quotes_of("Mayor Dario Pensky Finally Endorses Olena Varga And Denounces Toll Plan\n\n"
                      "Pensky had kept quiet for weeks.")
    assert _first_line(found, "Endorses").content_text == "Olena Varga"
    q = _first_line(found, "Denounces")
    assert q.content_text == "Toll Plan" and "Pensky" in q.speaker_text


def test_title_case_headline_possessive_noun_is_no_cue(quotes_of):
    found = quotes_of("Why Olena Varga’s Attacks On The Toll Plan Could Backfire\n\nVoters like tolls.")
    assert all(q.cue_text != "Attacks" for q in found)
    found = quotes_of("Dario Pensky Defends Himself Against Harbour Critics\n\nHe spoke briefly.")
    assert all(q.cue_text != "Defends" for q in found)


def test_a_bar_closed_up_on_the_name_stays_out_of_the_speaker(quotes_of):
    # the tokenizer keeps "―" on the first name ("―Olena"); the speaker is the name alone
    q = _holding(quotes_of("Posts from the night.\n\n“The tolls are a tax on islanders.” ―Olena Varga, panel chair\n"),
                 "tax on islanders")
    assert q.speaker_text == "Olena Varga" and q.speaker_key == "Olena Varga"


def test_a_name_before_an_aside_in_bars_is_the_speaker_not_the_bar(quotes_of):
    # the parser may make the first "―" of an aside the subject, with the name hung on it
    q = _holding(quotes_of("Body.\n\nVarga ― who chairs the harbour panel ― said the tolls were “a tax on islanders.”"),
                 "tolls were")
    assert q.speaker_text == "Varga"


def test_a_day_after_a_call_is_not_whom_it_calls_on(quotes_of):
    # "called X Y on Monday": the "on" phrase tells when; "called on the board to …" is a demand
    q = _holding(quotes_of("Body.\n\nVarga called the toll plan “reckless” on Monday."), "reckless")
    assert q.content_text.startswith("the toll plan")
    q = _holding(quotes_of("Body.\n\nVarga called on the board to drop the tolls."), "drop the tolls")
    assert q.content_text == "the board to drop the tolls"


def test_as_someone_put_it_is_a_speech_cue(quotes_of):
    # "as X put it" reports words; "put it on the table" reports nothing
    q = _holding(quotes_of("Body.\n\nAs the Harbour Gazette put it, “Tolls are here to stay.” The board met on Friday."),
                 "here to stay")
    assert q.speaker_text == "the Harbour Gazette" and q.cue_text == "put"
    q = _holding(quotes_of("Body.\n\nOr, as Varga put it: “We will not pay.”"), "not pay")
    assert q.content_text == "“We will not pay.”" and q.speaker_key == "Varga"
    q = _holding(quotes_of("Body.\n\nAs Varga put it in her speech, the tolls are “a tax on islanders.”"), "tax on")
    assert q.content_text.startswith("the tolls are")
    assert not quotes_of("Body.\n\nVarga put it on the table and left.")


def test_as_someone_put_it_closing_the_sentence(quotes_of):
    q = _holding(quotes_of("Body.\n\nThe tolls are a tax on islanders, as Varga put it."), "tax on")
    assert q.content_text == "The tolls are a tax on islanders" and q.speaker_key == "Varga"
