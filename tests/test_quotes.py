"""Quote extraction on short invented texts: one test per construction."""

from __future__ import annotations

import pytest

from newstrail.actors import extract_mentions
from newstrail.adapters import article_from_text
from newstrail.quotes import ATTITUDE_CONFIDENCE, SPEECH_VERBS, extract_quotes
from quote_helpers import holding as _holding


def test_direct_quote_with_trailing_cue(quotes_of):
    q = _holding(quotes_of("“We will not sign this treaty,” Maria Lindqvist told reporters."), "not sign")
    assert q.kind == "direct"
    assert q.speaker_key == "Maria Lindqvist"
    assert q.cue_text == "told"


def test_direct_quote_with_leading_cue(quotes_of):
    q = _holding(quotes_of("Finance Minister Jorge Alvarez said: “The budget is balanced.”"), "balanced")
    assert q.kind == "direct" and q.speaker_key == "Jorge Alvarez"


def test_quote_split_around_the_cue(quotes_of):
    found = quotes_of("“The harvest was poor,” Helmut Brandt said, “but the prices held.”")
    first, second = _holding(found, "harvest was poor"), _holding(found, "prices held")
    assert first.speaker_key == second.speaker_key == "Helmut Brandt"
    assert first.cue == second.cue


def test_reported_speech_with_that(quotes_of):
    q = _holding(quotes_of("Governor Lena Fischer said that the bridge would reopen in May."), "bridge would reopen")
    assert q.kind == "indirect" and q.speaker_key == "Lena Fischer"
    # the complementizer opens the reported clause (PolNeAR's convention: train 0:500 content
    # spans start with "that" 1,454 times and follow it 19 times)
    assert q.content_text == "that the bridge would reopen in May"


def test_mixed_quote(quotes_of):
    q = _holding(quotes_of("Mayor Tomas Berg warned that the plan was “a disaster waiting to happen.”"), "disaster")
    assert q.kind == "mixed" and q.speaker_key == "Tomas Berg"


def test_reported_speech_before_the_cue(quotes_of):
    q = _holding(quotes_of("A deal is unlikely this year, Foreign Minister Anders Holm said on Monday."), "deal is unlikely")
    assert q.speaker_key == "Anders Holm"


def test_according_to(quotes_of):
    q = _holding(quotes_of("According to Finance Minister Jorge Alvarez, the deficit will shrink next year."), "deficit will shrink")
    assert q.speaker_key == "Jorge Alvarez" and q.cue_text == "According to"


def test_pronoun_speaker_resolves_to_person(quotes_of):
    text = "Senator Paula Grant spoke in Denver. She said the vote would be close."
    q = _holding(quotes_of(text), "vote would be close")
    assert q.speaker_text == "She" and q.speaker_key == "Paula Grant"


def test_cue_then_content_in_next_sentence(quotes_of):
    text = "Trade spokesman Li Wei said. No date has been set for the agreement, but delays are not welcome."
    q = _holding(quotes_of(text), "No date has been set")
    assert q.speaker_key == "Li Wei"


def test_paragraph_continuing_a_quote(quotes_of):
    text = ("“The talks were long and difficult,” envoy Piotr Zielinski said.\n\n"
            "“We expect a written answer from our partners within a week.”\n\n"
            "Other delegations left early.")
    q = _holding(quotes_of(text), "written answer")
    assert q.speaker_key == "Piotr Zielinski" and q.kind == "direct"


def test_anonymous_sources(quotes_of):
    text = "Local media quoted sources as saying. The factory will close next month."
    q = _holding(quotes_of(text), "factory will close")
    assert q.speaker_text == "sources"


def test_passive_quoted_as_saying(quotes_of):
    text = "Economist Rana Haddad was quoted as saying that inflation had peaked."
    q = _holding(quotes_of(text), "inflation had peaked")
    assert q.speaker_key == "Rana Haddad"


def test_description_speaker(quotes_of):
    text = ("Deputy Trade Minister Ivan Dorokhov arrived in Oslo on Monday.\n\n"
            "The Deputy Trade Minister told reporters that the talks had gone well.")
    q = _holding(quotes_of(text), "talks had gone well")
    assert q.speaker_key == "Ivan Dorokhov"


def test_scare_quotes_alone_are_not_quotes(quotes_of):
    assert quotes_of("The so-called “peace plan” was published on Monday.") == []


def test_first_person_belief_in_narration_is_the_narrators(quotes_of):
    # an interview's answer or a columnist's own text: "I think" attributes a belief (PolNeAR)
    q = _holding(quotes_of("Q: Will Norland sign?\n\nA: I think the Estovian envoy will sign the accord by May."),
                 "envoy will sign")
    assert q.speaker_text == "I" and q.cue_text == "think"


def test_first_person_belief_inside_a_quotation_is_part_of_it(quotes_of):
    found = quotes_of("Minister Kaller said: “I think the old harbour of Vellmar will reopen soon.”")
    assert [q.speaker_key for q in found] == ["Kaller"]


def test_lexicon_has_verb_classes():
    assert SPEECH_VERBS["say"] == "say" and SPEECH_VERBS["warn"] == "warn"
    assert SPEECH_VERBS["insist"] == "argue" and SPEECH_VERBS["deny"] == "deny"


def test_role_subject_speaks_through_its_apposition(quotes_of):
    text = "Norway's government spokesman, Jonas Brekke, said the date was fixed."
    q = _holding(quotes_of(text), "date was fixed")
    assert q.speaker_key == "Jonas Brekke"


def test_pronoun_after_reported_subject_is_the_speaker(quotes_of):
    text = ("Spokeswoman Ilse Brandt said the ambassador, Karel Dusek, would return home. "
            "She said the country remained ready to talk.")
    q = _holding(quotes_of(text), "remained ready")
    assert q.speaker_key == "Ilse Brandt"


def test_coordinated_attribution_is_its_own_quote(quotes_of):
    text = ("Most voters said they were worried about the economy, and more than half said "
            "the governor would handle it best.")
    found = quotes_of(text)
    first = _holding(found, "worried about the economy")
    assert "governor" not in first.content_text
    assert _holding(found, "governor would handle").speaker_text.startswith("more than half")


def test_quotation_closed_by_comma_ends_the_content(quotes_of):
    text = "“We will wait and see,” Maria Lindqvist said, when asked about the new tariffs."
    q = _holding(quotes_of(text), "wait and see")
    assert "tariffs" not in q.content_text
    assert q.speaker_key == "Maria Lindqvist"


def test_cue_closing_a_quotation_does_not_take_the_next_sentence(quotes_of):
    text = "“We will wait,” Maria Lindqvist said. Meanwhile the harbour stayed closed for a week."
    found = quotes_of(text)
    assert not any("harbour" in q.content_text for q in found)


def test_scene_before_cue_is_not_content(quotes_of):
    text = "On the morning radio show on Tuesday, Jonas Brekke said, “The bridge will reopen in May.”"
    q = _holding(quotes_of(text), "bridge will reopen")
    assert "radio" not in q.content_text
    assert q.speaker_key == "Jonas Brekke"


def test_colon_introduces_a_quotation_without_speech_verb(quotes_of):
    text = ("The plan does not surprise the economist Jonas Brekke: “Small ports have lost "
            "money for years and the state will not pay forever.”")
    q = _holding(quotes_of(text), "Small ports")
    assert q.speaker_key == "Jonas Brekke"
    assert q.kind == "direct"


def test_headline_name_to_addressee_colon(quotes_of):
    text = "Maria Lindqvist to farmers: the subsidies will stay\n\nThe minister spoke in Oslo."
    q = _holding(quotes_of(text), "subsidies will stay")
    assert q.speaker_key == "Maria Lindqvist"


def test_quotations_in_a_row_are_one_utterance(quotes_of):
    text = "Maria Lindqvist called the deal “fair,” “long overdue” and “good for the farms.”"
    found = quotes_of(text)
    first = _holding(found, "fair")
    later = _holding(found, "long overdue")
    assert first.speaker_key == later.speaker_key == "Maria Lindqvist"
    assert first.cue_text == later.cue_text


def test_date_after_spoke_on_is_no_topic(quotes_of):
    found = quotes_of("Maria Lindqvist spoke on Monday.")
    assert not any(q.content_text == "Monday" for q in found)


def test_asked_participle_is_not_the_speakers_cue(quotes_of):
    text = "Asked about the ferry schedule, Jonas Brekke said, “It will change in spring.”"
    q = _holding(quotes_of(text), "change in spring")
    assert "ferry schedule" not in q.content_text
    assert q.speaker_key == "Jonas Brekke"


def test_cue_after_by_takes_the_main_verbs_subject(quotes_of):
    text = "Maria Lindqvist opened the meeting by saying, “The harbour will stay open all winter.”"
    q = _holding(quotes_of(text), "harbour will stay open")
    assert q.speaker_key == "Maria Lindqvist"


def test_asked_clause_before_cue_is_not_content(quotes_of):
    q = _holding(quotes_of("Asked what the harbour needs, Ingrid Solberg said, “Deeper berths and fewer permits.”"),
                 "Deeper berths")
    assert "Asked" not in q.content_text and q.kind == "direct"


def test_according_to_at_the_end_is_not_content(quotes_of):
    q = _holding(quotes_of("Grain exports rose by a third in March, the level seen before the drought, "
                           "according to the Baltic Trade Board."), "Grain exports")
    assert "according" not in q.content_text
    assert "Baltic Trade Board" in q.speaker_text


def test_nearest_subject_speaks(quotes_of):
    found = quotes_of("“Our orders come from three ports: Gdansk, Riga, Tallinn,” Mr. Petrov said. "
                      "“We expect more.”")
    q = _holding(found, "Our orders")
    assert "Petrov" in (q.speaker_key or "")


def test_as_clause_cue(quotes_of):
    q = _holding(quotes_of("As the Hamburg Courier noted, the shipyard has lost four contracts this year."),
                 "lost four contracts")
    assert "Courier" in q.speaker_text


def test_name_and_apposition_after_quotation(quotes_of):
    q = _holding(quotes_of("“We were wrong to wait so long,” Lena Okafor, 58, told the radio station on Monday."),
                 "wrong to wait")
    assert q.speaker_key == "Lena Okafor"


def test_short_second_part_after_cue(quotes_of):
    found = quotes_of("“It was a fair offer,” Tomas Berg told the paper. “We took it.”")
    q = _holding(found, "We took it")
    assert q.speaker_key == "Tomas Berg"


def test_headline_source_noun_before_colon(quotes_of):
    q = _holding(quotes_of("Survey: Most farmers expect lower prices next year\n\nThe rest of the story."),
                 "Most farmers")
    assert q.speaker_text == "Survey"


def test_editorial_label_before_colon_is_no_source(quotes_of):
    found = quotes_of("Editor’s note: This story was updated with new figures from the ministry.")
    assert not [q for q in found if q.speaker_text and "note" in q.speaker_text.lower()]


def test_condition_is_no_stance(quotes_of):
    found = quotes_of("If the council decides to sell the port, “we will lose the last jobs in town,” "
                      "Mayor Anke Vries said.")
    q = _holding(found, "last jobs")
    assert q.speaker_key == "Anke Vries"


def test_mixed_curly_and_straight_marks_close_each_other(quotes_of):
    found = quotes_of("“The harvest was poor,\" Helmut Brandt said. \"But the prices held.”")
    first = _holding(found, "harvest was poor")
    assert "Brandt said" not in first.content_text and first.speaker_key == "Helmut Brandt"


def test_participle_cue_before_quotation_takes_the_clause_subject(quotes_of):
    found = quotes_of("Mayor Tomas Berg addressed the crowd, telling them, “Some roads will close next week.”")
    assert _holding(found, "roads will close").speaker_key == "Tomas Berg"


def test_active_it_is_a_speaker_after_a_quotation(quotes_of):
    text = "The Farmers Union issued a statement.\n\n“Prices must rise by spring,” it added."
    assert _holding(quotes_of(text), "Prices must rise").speaker_text.lower() == "it"


def test_inverted_subject_parsed_as_object(quotes_of):
    q = _holding(quotes_of("“The vote is close,” added a county official."), "vote is close")
    assert q.speaker_text is not None and "official" in q.speaker_text


def test_continuation_paragraph_shares_the_cue(quotes_of):
    text = ("“We will rebuild the bridge,” Mayor Tomas Berg said.\n\n"
            "“The work starts in May and ends before the winter comes.”")
    found = quotes_of(text)
    first, second = _holding(found, "rebuild the bridge"), _holding(found, "work starts in May")
    assert second.speaker_key == first.speaker_key == "Tomas Berg" and second.cue == first.cue


def test_quoted_title_after_a_plain_verb_is_no_quote(quotes_of):
    found = quotes_of("Since 2013, Jorge Alvarez has hosted “Evening With Jorge Alvarez” on a cable channel.")
    assert not [q for q in found if "Evening With" in q.content_text]


def test_passive_cue_names_no_speaker(quotes_of):
    q = _holding(quotes_of("The merger is expected to close in the spring."), "to close in the spring")
    assert q.speaker_key is None


def test_asked_question_has_no_named_speaker(quotes_of):
    q = _holding(quotes_of("Asked whether the mine would reopen, Helmut Brandt shrugged."), "mine would reopen")
    assert q.speaker_key is None and q.cue_text.lower() == "asked"


def test_according_to_at_sentence_end_covers_a_cue_clause(quotes_of):
    text = "“We are not leaving,” Helmut Brandt told the crowd, according to the Tribune."
    q = [q for q in quotes_of(text) if q.cue_text == "according to"]
    assert q and "Brandt told the crowd" in q[0].content_text and "Tribune" in q[0].speaker_text
    assert q[0].content_text.startswith("“We are")


def test_narration_before_a_dash_is_not_the_quotation(quotes_of):
    text = "Neither man liked the plan - “A waste of good money,” Helmut Brandt said."
    q = _holding(quotes_of(text), "waste of good money")
    assert not q.content_text.startswith("Neither")


def test_object_content_runs_to_the_end_of_the_verb_phrase(quotes_of):
    q = _holding(quotes_of("Governor Lena Fischer endorsed Tomas Berg for mayor on Monday."), "Tomas Berg")
    assert "for mayor" in q.content_text and "Monday" not in q.content_text


def test_cognition_cue_is_no_speech(quotes_of):
    q = _holding(quotes_of("Governor Lena Fischer believes the bridge will reopen in May."), "bridge will reopen")
    assert q.confidence <= ATTITUDE_CONFIDENCE


def test_speech_noun_with_that_clause(quotes_of):
    q = _holding(quotes_of("Helmut Brandt's claim that the mine was safe drew protests."), "mine was safe")
    assert q.speaker_key == "Helmut Brandt" and q.cue_text == "claim"


def test_cue_tagged_as_a_noun_after_a_quotation(quotes_of):
    q = _holding(quotes_of("“The mayor should come to the valley now,” the editorial read."), "come to the valley")
    assert q.cue_text == "read" and "editorial" in q.speaker_text


def test_participle_after_a_reported_clause_is_the_reporters(quotes_of):
    text = "Helmut Brandt said the mayor will have to choose a side, saying, “The pressure on her will build.”"
    assert _holding(quotes_of(text), "pressure on her").speaker_key == "Helmut Brandt"


def test_hoped_is_a_belief_cue_despite_its_lemma(quotes_of):
    # the small model lemmatizes "hoped" as "hop"
    q = _holding(quotes_of("The mayor hoped that the bridge would reopen in May."), "bridge would reopen")
    assert q.cue_text == "hoped" and q.speaker_text == "The mayor"
    assert q.confidence == ATTITUDE_CONFIDENCE  # a belief cue, not an unknown clause-taking verb


def test_reminded_is_a_speech_cue(quotes_of):
    q = _holding(quotes_of("Jan Novak reminded reporters that the vote was close."), "vote was close")
    assert q.speaker_key == "Jan Novak" and q.confidence > ATTITUDE_CONFIDENCE
    assert "reporters" not in q.content_text


def test_expressed_object_is_an_attitude(quotes_of):
    q = _holding(quotes_of("The farmers' union expressed concern about the closures."), "concern about")
    assert q.cue_text == "expressed" and q.confidence <= ATTITUDE_CONFIDENCE


def test_portrayed_as_is_a_naming_cue(quotes_of):
    q = _holding(quotes_of("Critics portrayed the mayor as a coward."), "coward")
    assert q.speaker_text == "Critics" and q.confidence <= ATTITUDE_CONFIDENCE


def test_quoted_name_with_what_it_names_is_the_content_of_called(quotes_of):
    # PolNeAR train 0:500 puts the thing named in the content with the quoted name ("called
    # X “Y”": 98 such spans against 9 of the quotation alone)
    found = quotes_of("Mayor Tomas Berg called her handling of the budget “extremely careless,” and left.")
    q = _holding(found, "extremely careless")
    assert q.content_text.startswith("her handling of the budget “extremely")
    assert q.kind == "mixed" and q.speaker_key == "Tomas Berg"


def test_cue_set_off_after_a_fronted_phrase(quotes_of):
    q = _holding(quotes_of("But to reach its target, the review panel concluded, the levy must rise again next year."),
                 "levy must rise")
    assert q.cue_text == "concluded" and q.speaker_text == "the review panel"


def test_participle_cue_takes_the_quotation_after_it(quotes_of):
    found = quotes_of("“We have started the talks,” Jan Novak said, adding of Lena Fischer, “She cares about the team.”")
    first, second = _holding(found, "started the talks"), _holding(found, "cares about")
    assert first.cue_text == "said" and second.cue_text == "adding"
    assert second.speaker_key == "Jan Novak" and "adding" not in second.content_text


def test_colon_closing_the_paragraph_before_a_quotation(quotes_of):
    text = ("The board under chairman Jan Novak was firm in its findings:\n\n"
            "“Further discussion of this issue is unnecessary, and the vote will stand.”")
    q = _holding(quotes_of(text), "Further discussion")
    assert q.kind == "direct" and q.cue_text == ":" and q.speaker_key == "Jan Novak"


def test_cue_of_a_misparsed_reduced_relative_keeps_its_subject(quotes_of):
    q = _holding(quotes_of("Majorities of voters going to the polls Tuesday say they would be satisfied with both."),
                 "would be satisfied")
    assert q.cue_text == "say" and "voters" in q.speaker_text


def test_contrast_clause_after_reported_content_is_the_writers(quotes_of):
    found = quotes_of("At the harbour forum, 61 percent said they are firmly behind the ferry levy,"
                      " while 30 percent said they could still switch sides.")
    # (inside a poll's finding, "In the poll, 74 percent said …", what they said is the poll's:
    # see test_what_respondents_said_is_part_of_a_surveys_finding)
    said = [q for q in found if q.cue_text == "said"]
    first = _holding(said, "firmly behind")
    assert "while" not in first.content_text and first.speaker_text == "61 percent"
    assert _holding(said, "switch sides").speaker_text == "30 percent"


def test_hailed_is_an_evaluation_cue(quotes_of):
    q = _holding(quotes_of("Senator Lena Fischer hailed the ruling."), "ruling")
    assert q.speaker_key == "Lena Fischer" and q.confidence <= ATTITUDE_CONFIDENCE


def test_inverted_cue_keeps_the_clause_before_it(nlp):
    # the small model sometimes makes a relative clause of the speaker a second clause of
    # the cue ('“Prices rose,” said Jan Novak, who wrote the report'); a parse built by hand
    from spacy.tokens import Doc

    from newstrail.quotes import _content_tokens

    words = ["“", "Prices", "rose", ",", "”", "said", "Jan", "Novak", ",", "who", "wrote", "the", "report", "."]
    heads = [2, 2, 5, 2, 5, 5, 7, 5, 5, 10, 5, 12, 10, 5]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "ROOT", "compound", "nsubj", "punct", "nsubj",
            "ccomp", "det", "dobj", "punct"]
    pos = ["PUNCT", "NOUN", "VERB", "PUNCT", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT", "PRON", "VERB",
           "DET", "NOUN", "PUNCT"]
    tags = ["``", "NNS", "VBD", ",", "''", "VBD", "NNP", "NNP", ",", "WP", "VBD", "DT", "NN", "."]
    lemmas = ["“", "price", "rise", ",", "”", "say", "Jan", "Novak", ",", "who", "write", "the", "report", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    assert [t.text for t in _content_tokens(doc[5], "say") if not t.is_punct] == ["Prices", "rose"]


def test_cue_opening_a_quotation_speaks_only_the_quotation(quotes_of):
    found = quotes_of("Asked whether the talks had failed, Anders Holm replied, “Not at all. We meet again on Friday.”")
    q = _holding(found, "Not at all")
    assert "Holm" in (q.speaker_key or "")
    assert not any("talks had failed" in f.content_text and f.cue_text == "replied" for f in found)


def test_speaker_named_before_an_apposition(quotes_of):
    text = ("In a call with reporters on Monday, Col. Erik Sundberg, a military spokesman in Oslo, "
            "said, “The exercise will go ahead as planned.”")
    q = _holding(quotes_of(text), "exercise will go ahead")
    assert q.speaker_key == "Erik Sundberg"


def test_share_of_respondents_is_the_speaker(quotes_of):
    q = _holding(quotes_of("About 4 in 10 say they want the next mayor to cut property taxes."), "they want")
    assert q.speaker_text and "10" in q.speaker_text


def test_cue_followed_by_a_quotation_opens_it(nlp):
    # '…, Novak replied, “…”': the narration before such a cue is no content of it
    from types import SimpleNamespace

    from newstrail.quotes import _opens_quotation

    doc = nlp("Asked about the vote, Novak replied, “No comment.” Novak replied that he would wait.")
    ctx = SimpleNamespace(text=doc.text)
    replied = [t for t in doc if t.text == "replied"]
    assert _opens_quotation(ctx, replied[0]) and not _opens_quotation(ctx, replied[1])


def test_name_before_an_apposition_the_parser_hung_elsewhere(nlp):
    # '…on Monday, Erik Sundberg, a spokesman in Oslo, said, “No.”' with the name parsed as an
    # apposition of the date, leaving "said" without a subject; a parse built by hand
    from spacy.tokens import Doc

    from newstrail.quotes import _Context, _name_before

    words = ["On", "Monday", ",", "Erik", "Sundberg", ",", "a", "spokesman", "in", "Oslo", ",", "said", ",",
             "“", "No", "”", "."]
    heads = [11, 0, 1, 4, 1, 4, 7, 4, 7, 8, 11, 11, 11, 14, 11, 11, 11]
    deps = ["prep", "pobj", "punct", "compound", "appos", "punct", "det", "appos", "prep", "pobj", "punct",
            "ROOT", "punct", "punct", "dobj", "punct", "punct"]
    pos = ["ADP", "PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "VERB",
           "PUNCT", "PUNCT", "INTJ", "PUNCT", "PUNCT"]
    tags = ["IN", "NNP", ",", "NNP", "NNP", ",", "DT", "NN", "IN", "NNP", ",", "VBD", ",", "``", "UH", "''", "."]
    ents = ["O", "B-DATE", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-GPE", "O", "O", "O", "O", "O",
            "O", "O"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=[w.lower() for w in words],
              ents=ents)
    article = article_from_text(doc.text)
    ctx = _Context(doc, article, extract_mentions(doc, article))
    tok = _name_before(ctx, doc[11])
    assert tok is not None and 3 <= tok.i <= 7


def test_according_to_covers_a_quotation_of_several_sentences(quotes_of):
    text = ("The report was sharp.\n\nAccording to the newspaper, “The harbour plan is too costly. "
            "Very few towns can afford it. The council knows this.”\n\nThe mayor did not reply.")
    q = _holding(quotes_of(text), "harbour plan")
    assert q.content_text.endswith("The council knows this.”") and q.speaker_key == "the newspaper"


def test_as_clause_with_its_own_complement_is_no_cue(quotes_of):
    found = quotes_of("The debate grew loud.\n\n“Quiet,” Maria Lindqvist demanded, as Tomas Berg continued to interrupt her.")
    assert _holding(found, "Quiet").speaker_key == "Maria Lindqvist"


def test_name_before_a_comma_set_aside_is_the_speaker(quotes_of):
    text = "The row had started after Anders Holm, asked about the ban by Jan Berg, had said, “We will never sign this treaty.”"
    assert _holding(quotes_of(text), "never sign").speaker_key == "Anders Holm"


def test_next_sentence_cue_with_its_own_object_does_not_take_the_quotation(quotes_of):
    found = quotes_of("“We are not worried,” Lena Fischer said. “We are ready for the vote in May.” "
                      "She noted a rally on Saturday in Bergen.")
    first, second = _holding(found, "not worried"), _holding(found, "ready for the vote")
    assert second.cue == first.cue and second.speaker_key == "Lena Fischer"


def test_what_a_released_video_says_is_the_publishers(quotes_of):
    q = _holding(quotes_of("Senator Paula Grant released a video that accuses Jorge Alvarez of lying about the budget."),
                 "Jorge Alvarez of lying")
    assert q.speaker_key == "Paula Grant"


def test_the_one_who_has_words_to_say_speaks(quotes_of):
    found = quotes_of("Senator Paula Grant had nothing good to say about the harbour plan.")
    assert _holding(found, "harbour plan").speaker_key == "Paula Grant"


def test_an_intention_to_act_is_no_quote_of_its_own(quotes_of):
    found = quotes_of("Mr Holm said Norland would have a “political will” to continue negotiations if Vestria "
                      "was willing to negotiate. Holm told his counterpart that Norland has no plans to attack "
                      "Vestria, and there was no reason for alarm.")
    # what Holm said holds the intentions; "to continue", "to attack" are no cues of Norland's
    assert [q.speaker_key for q in found] == ["Holm", "Holm"], [(q.speaker_text, q.cue_text) for q in found]


def test_participle_quotation_before_a_trailing_cue(quotes_of):
    # the cue after a quotation attributes the quotation, not the narration before it
    found = quotes_of("The harbour master spoke up too, telling a radio station in a broadcast aired on Friday, "
                      "“Frankly, both plans would work,” he said.")
    q = _holding(found, "both plans would work")
    assert q.cue_text == "said" and q.kind == "direct"
    assert not q.content_text.startswith("The harbour master")
    assert not any(x.content_text.startswith("The harbour master spoke") for x in found)


def test_participle_quotation_after_reported_content(quotes_of):
    # "…, explaining, “…”": the participle's quotation is a second attribution
    found = quotes_of("The candidate said the bridge would be finished by May, explaining, "
                      "“because the money is finally there and the workers are ready.”")
    said = _holding(found, "finished by May")
    assert said.cue_text == "said" and "money" not in said.content_text


def test_coordinated_cue_after_passive_shares_its_subject(quotes_of):
    q = _holding(quotes_of("Maria Lindqvist was joined on stage by Senator Ivo Novak and joked, "
                           "“You are all being ridiculous tonight, my friends.”"), "ridiculous")
    assert q.speaker_key == "Maria Lindqvist"


def test_record_shows_an_object(quotes_of):
    q = _holding(quotes_of("A new poll shows Senator Ivo Novak leading the mayor by nine points in the north."),
                 "leading the mayor")
    assert q.speaker_text == "A new poll" and q.confidence <= ATTITUDE_CONFIDENCE


def test_record_participle_shows_an_object(quotes_of):
    q = _holding(quotes_of("The mayor resigned after a new survey showing her support down to twelve percent "
                           "was published."), "support down")
    assert q.speaker_text == "a new survey"


def test_person_showing_an_object_is_no_attribution(quotes_of):
    found = quotes_of("The team showed restraint during the match, and Novak found a way to win.")
    assert not any("restraint" in q.content_text or "a way" in q.content_text for q in found)


def test_trailing_record_cue(quotes_of):
    q = _holding(quotes_of("Novak sold the farm to a developer in 2010 for a small sum, records show."), "sold the farm")
    assert q.speaker_text == "records"


def test_speaker_after_quotation_with_quoted_name_in_aside(quotes_of):
    q = _holding(quotes_of("“We have had better meetings than this one,” farmer Jan Berg, wearing a straw hat "
                           "and “Vote Novak” pins, said calmly."), "better meetings")
    assert q.speaker_key == "Jan Berg" and q.kind == "direct"


def test_participle_after_quoted_clause_is_the_reporters(quotes_of):
    # the comma sits inside the closing mark: '…“was a disaster,” adding, “…”'
    q = _holding(quotes_of("Novak told the television channel that Governor Pavel Dorn “ran a reckless scheme of fining "
                           "fishermen,” adding, “He lost every harbour town and he lost the capital as well.”"),
                 "every harbour town")
    assert q.speaker_key == "Novak"


def test_reduced_relative_speaker(quotes_of):
    # the parser takes "going" for a clausal subject; the voters speak
    q = _holding(quotes_of("Clear majorities of coastal voters in four provinces going to the ballot boxes on "
                           "Sunday said they back a plan to close the old mine."), "back a plan")
    assert q.cue_text == "said" and q.speaker_text.startswith("Clear majorities")


def test_present_tense_cue_tagged_as_noun(quotes_of):
    # the tagger takes "state" after a plural subject for a noun
    q = _holding(quotes_of("\"Now, the republic is among the first countries in tracking illegal fishing, and has been "
                           "cooperating with its neighbours,\" the ministers state in the annual report."), "republic")
    assert q.cue_text == "state" and q.kind == "direct"


def test_new_sentence_after_exclamation_is_no_attribution(quotes_of):
    found = quotes_of("Retired judge Carla Fiorelli named a favourite novel. “’The Salt Road,’” she said, "
                      "“though I never managed to finish the second volume!” The book follows a smuggler.")
    q = _holding(found, "second volume")
    assert q.speaker_key == "Carla Fiorelli" and q.cue_text == "said"


def test_question_then_name_and_verb_is_an_attribution(quotes_of):
    q = _holding(quotes_of("“Could the toll be lowered for the ferry crews?” Dorn pressed."), "toll be lowered")
    assert q.cue_text == "pressed"


def test_parenthetical_aside_between_name_and_cue(quotes_of):
    q = _holding(quotes_of("Few mayors would admit it, but Mayor Ivo Novak (a former teacher so quiet that visitors "
                           "often mistake him for an aide) says he felt lost in the months after taking office."),
                 "felt lost")
    assert q.speaker_key == "Ivo Novak" and q.cue_text == "says"


@pytest.mark.parametrize("text, first_part, second_part, cue", [
    # '“A,” she said, adding that …. “B.”': B is the second part of A, not of the aside
    ("“That tells you everything,” she said, adding that the party will spend the summer visiting towns along "
     "the coast. “I believe those towns want to be asked.”", "tells you everything", "want to be asked", "said"),
    # the aside's own content opens with a quoted phrase; the next quotation is still A's
    ("“Nothing. Nothing is ruled out,” Novak told the broadcaster on Thursday after suggesting that “budget cuts” "
     "might follow. “Not one option is ruled out. I am weighing them all.”", "Nothing is ruled", "Not one option", "told"),
    # a relative aside after a title ("Mr." ends no sentence)
    ("“Bookings are up a bit, and so are ferry crossings,” said Mr. Marek, who noted that during the storms the "
     "price of some tickets had doubled. “The season is turning around.”", "Bookings", "season is turning", "said"),
])
def test_quotation_after_an_aside_continues_the_direct_quote(quotes_of, text, first_part, second_part, cue):
    found = quotes_of(text)
    first, second = _holding(found, first_part), _holding(found, second_part)
    assert first.cue == second.cue and first.cue_text == cue


def test_passive_cue_reports_a_claim_about_its_subject(quotes_of):
    q = _holding(quotes_of("The new ferry to Varnholm is expected to sail before the winter storms."),
                 "sail before the winter")
    assert q.content_text.startswith("The new ferry") and q.speaker_key is None


def test_passive_cue_with_an_addressee_keeps_the_subject_out(quotes_of):
    q = _holding(quotes_of("Minister Kaller was asked to explain the delay in the harbour works."), "explain the delay")
    assert "Kaller" not in q.content_text


def test_offered_object_is_an_attitude_content(quotes_of):
    q = _holding(quotes_of("Minister Kaller offered a compromise on the fishing quotas."), "compromise on the fishing")
    assert q.speaker_key == "Kaller" or "Kaller" in (q.speaker_text or "")
    assert q.confidence <= ATTITUDE_CONFIDENCE


@pytest.mark.parametrize("text", [
    "Many barley farmers see the new tariff as a betrayal of the harvest pact.",
    "Many barley farmers viewed the new tariff as a betrayal of the harvest pact.",
])
def test_seeing_something_as_something_is_a_judgement(quotes_of, text):
    q = _holding(quotes_of(text), "as a betrayal")
    assert q.content_text.startswith("the new tariff") and "farmers" in (q.speaker_text or "")
    assert q.confidence <= ATTITUDE_CONFIDENCE


def test_viewing_without_as_is_no_judgement(quotes_of):
    assert quotes_of("Most residents of Norland viewed the eclipse from the old harbour wall.") == []


def test_seeming_is_an_impression_with_no_named_source(quotes_of):
    q = _holding(quotes_of("The harbour tunnel in Varnholm seems to be leaking again."), "leaking again")
    assert q.content_text.startswith("The harbour tunnel") and q.speaker_key is None
    assert q.confidence <= ATTITUDE_CONFIDENCE and q.cue_text == "seems"


def test_seeming_to_someone_names_them(quotes_of):
    q = _holding(quotes_of("To Minister Kaller, the new treaty seemed a fair bargain for the fishermen."),
                 "fair bargain")
    assert "Kaller" in (q.speaker_text or "")


def test_appearing_somewhere_is_no_impression(quotes_of):
    assert quotes_of("Minister Kaller appeared on state television on Monday.") == []


def test_seeming_inside_reported_speech_stays_with_the_speaker(quotes_of):
    found = quotes_of("Jan Novak told reporters that the harbour tunnel seems to be leaking again.")
    assert [q.cue_text for q in found] == ["told"]


@pytest.mark.parametrize("text, claim", [
    ("The old lighthouse keeper of Varnholm was known for his loud sea shanties.", "loud sea shanties"),
    ("The harbour tunnel is widely seen as a costly mistake.", "as a costly mistake"),
])
def test_reputation_passive_credits_its_subject(quotes_of, text, claim):
    q = _holding(quotes_of(text), claim)
    assert q.content_text.startswith("The ") and q.speaker_key is None


@pytest.mark.parametrize("text", [
    "The ruling party in Norland maintained its majority in the northern provinces.",
    "Minister Kaller advised the fishermen of Varnholm.",
    "The Varnholm shipping firm posted a loss in the third quarter.",
    "Minister Kaller continued the inspection of the harbour.",
    "The Varnholm city council voted for the new harbour budget.",
    "Minister Kaller is favored to win the northern district.",
])
def test_object_of_keeping_or_advising_is_not_said(quotes_of, text):
    assert quotes_of(text) == []


def test_maintaining_a_clause_is_speech(quotes_of):
    q = _holding(quotes_of("Minister Kaller maintained that the harvest had been adequate."), "harvest had been")
    assert q.cue_text == "maintained" and q.confidence > ATTITUDE_CONFIDENCE


def test_adding_a_clause_is_speech(quotes_of):
    q = _holding(quotes_of("Minister Kaller added that the harbour would stay open."), "harbour would stay open")
    assert q.cue_text == "added" and q.confidence > ATTITUDE_CONFIDENCE


def test_share_with_a_speech_participle_speaks(quotes_of):
    q = _holding(quotes_of("Most Norland voters remain undecided, with 40 percent saying the harbour tax is too high."),
                 "harbour tax is too high")
    assert q.speaker_text == "40 percent"


def test_addressee_before_a_speech_participle_does_not_speak(quotes_of):
    found = quotes_of("The mayor of Varnholm sent an email to supporters saying the harbour tax is too high.")
    assert not any(q.speaker_text == "supporters" for q in found)


def test_asked_if_is_a_question_with_no_named_asker(quotes_of):
    found = quotes_of("Asked if she believed the treaty would hold, Minister Kaller said she was hopeful.")
    q = _holding(found, "treaty would hold")
    assert q.speaker_key is None and q.cue_text == "Asked"
    assert _holding(found, "was hopeful").speaker_key is not None


def test_when_asked_is_a_reduced_passive(quotes_of):
    q = _holding(quotes_of("Jan Berg frowned at the crowd on Friday when asked whether the ferry fares would double."),
                 "ferry fares would double")
    assert q.speaker_key is None


@pytest.mark.parametrize("text", [
    "Minister Kaller told the fishermen to stay in the harbour.",
    "Minister Kaller asked the fishermen to stay in the harbour.",
])
def test_directive_names_who_is_to_act(quotes_of, text):
    q = _holding(quotes_of(text), "stay in the harbour")
    assert q.content_text.startswith("the fishermen") and "Kaller" in (q.speaker_text or "")


def test_place_after_the_subject_head_is_not_the_speaker(quotes_of):
    q = _holding(quotes_of("Many farmers in Estovia see the new grain levy as a threat."), "grain levy")
    assert q.speaker_text == "Many farmers in Estovia" and q.speaker_key != "Estovia"


def test_role_speaks_for_the_body_it_represents(quotes_of):
    q = _holding(quotes_of("A spokeswoman for the Norland Foreign Ministry said the ferry talks would resume."),
                 "ferry talks would resume")
    assert q.speaker_key == "Norland Foreign Ministry"


def test_trailing_cue_taken_for_a_participle_still_attributes(quotes_of):
    q = _holding(quotes_of("“What if the ferry never returns?” the 43-year-old fisherman asked in a video posted online."),
                 "ferry never returns")
    assert q.kind == "direct" and q.speaker_text == "the 43-year-old fisherman" and q.cue_text == "asked"


def test_sentence_opening_poll_phrase_is_the_source(quotes_of):
    found = quotes_of("In a Vellmar Courier poll released Monday, Kaller led Berg by nine points among farmers.")
    q = _holding(found, "Kaller led Berg by nine points")
    assert "Vellmar Courier" in (q.speaker_text or "") and q.confidence <= ATTITUDE_CONFIDENCE
    assert not q.content_text.startswith("In")


def test_poll_phrase_after_the_clause_is_the_writers_summary(quotes_of):
    found = quotes_of("Kaller slipped further behind in the polls after the harbour debate.")
    assert not any("polls" in (q.speaker_text or "") for q in found)


def test_cue_hung_on_a_relative_clause_about_a_thing_is_the_speakers(quotes_of):
    found = quotes_of("Minister Kaller has urged an end to the aid that funds the militia and proposed a buffer zone along the river.")
    proposed = _holding(found, "buffer zone")
    assert proposed.speaker_key == "Kaller" and proposed.cue_text == "proposed"
    assert "buffer zone" not in _holding(found, "end to the aid").content_text


def test_verb_of_the_same_tense_stays_in_the_relative_clause(quotes_of):
    found = quotes_of("Kaller hopes to win a vote that will end the feud and encourage the party to unite.")
    assert not any(q.cue_text == "encourage" and q.speaker_key == "Kaller" for q in found)


@pytest.mark.parametrize("text, fragment, cue", [
    ("Governor Berg made the case that the harbour levy is fair to farmers.", "harbour levy is fair", "made the case"),
    ("Two survivors of the flood made an impassioned plea for calm on the river banks.", "calm", "made an impassioned plea"),
    ("The ministry's statement made no mention of the ferry strike.", "ferry strike", "made no mention"),
    ("Farmers in Vellmar raised questions about the harbour levy.", "the harbour levy", "raised questions"),
])
def test_make_with_a_speech_noun_is_a_cue(quotes_of, text, fragment, cue):
    q = _holding(quotes_of(text), fragment)
    assert q.cue_text == cue and q.confidence <= ATTITUDE_CONFIDENCE


@pytest.mark.parametrize("text", ["Kaller made dinner for the delegates.", "The storm raised the river by two metres."])
def test_light_verb_with_another_object_is_no_cue(quotes_of, text):
    assert not any(q.cue_text and q.cue_text.startswith(("made", "raised")) for q in quotes_of(text))


@pytest.mark.parametrize("text, holder, fragment", [
    ("Vellmar mayor Ana Ostrand, a fierce critic of the harbour levy, met the farmers on Friday.", "Ana Ostrand", "the harbour levy"),
    ("Kaller is an outspoken supporter of the ferry plan.", "Kaller", "the ferry plan"),
    ("Berg came out in support of the new bridge on Monday.", "Berg", "the new bridge"),
])
def test_stance_noun_with_a_named_holder(quotes_of, text, holder, fragment):
    q = _holding(quotes_of(text), fragment)
    assert q.speaker_key == holder and q.confidence <= ATTITUDE_CONFIDENCE


def test_possessed_stance_noun_is_no_attribution(quotes_of):
    found = quotes_of("Her support for the tariff surprised the farmers of Vellmar.")
    assert not any(q.content_text == "the tariff" for q in found)


@pytest.mark.parametrize("text, fragment, cue", [
    ("The Vellmar council named Ana Ostrand its new harbour master.", "Ana Ostrand its new harbour master", "named"),
    ("The ministry listed the ferry as a national asset.", "the ferry as a national asset", "listed"),
    ("Most farmers in Vellmar consider the harbour levy unfair.", "the harbour levy unfair", "consider"),
])
def test_designating_and_considering_are_attitude_cues(quotes_of, text, fragment, cue):
    q = _holding(quotes_of(text), fragment)
    assert q.cue_text == cue and q.confidence <= ATTITUDE_CONFIDENCE


@pytest.mark.parametrize("text, fragment, cue", [
    ("Minister Kaller disavowed the remarks of her deputy about the ferry strike.", "remarks of her deputy", "disavowed"),
    ("Berg rebuked the council for its handling of the flood.", "the council for its handling", "rebuked"),
    ("Kaller credited the fishermen with saving the harbour.", "the fishermen with saving", "credited"),
    ("Berg bemoaned the slow pace of the bridge repairs.", "slow pace of the bridge repairs", "bemoaned"),
])
def test_disavowing_and_rebuking_are_cues(quotes_of, text, fragment, cue):
    q = _holding(quotes_of(text), fragment)
    assert q.cue_text == cue and q.speaker_key in ("Kaller", "Berg")


@pytest.mark.parametrize("text", [
    "Minister Kaller said the government can respond to the unions' demands within a week.",
    "The Estovian cabinet responded to the flooding by closing the ports.",
])
def test_responding_to_an_event_or_hypothetically_is_no_quote(quotes_of, text):
    found = quotes_of(text)
    assert not any("respond" in (q.cue_text or "") for q in found)


def test_responding_to_something_said_has_it_as_topic(quotes_of):
    q = _holding(quotes_of("The Norland Ministry did not respond to written questions from the harbor paper."),
                 "written questions")
    assert "respond" in q.cue_text and q.confidence <= ATTITUDE_CONFIDENCE


@pytest.mark.parametrize("text", [
    "Senator Pruvic would back the harbor bill.",
    "The trade minister will focus on grain exports next year.",
])
def test_a_modal_attitude_is_no_attribution(quotes_of, text):
    assert quotes_of(text) == []


def test_speaking_on_a_channel_or_condition_is_no_topic(quotes_of):
    found = quotes_of("A senior Estovian official, who spoke on background to reporters, said the talks had stalled.")
    assert [q.content_text for q in found] == ["the talks had stalled"]
    q = _holding(quotes_of("Mayor Tolvan spoke on the radio about the new harbor."), "new harbor")
    assert q.content_text == "the new harbor"


def test_a_concession_stays_in_the_reported_claim(quotes_of):
    q = _holding(quotes_of("Harbor master Ilse Varga said the port would reopen in May, "
                           "though the repairs were still unfinished."), "port would reopen")
    assert q.content_text.endswith("the repairs were still unfinished")


@pytest.mark.parametrize("text, content", [
    ("Minister Kaller said the tariff on Norland grain would be lifted, a move welcomed by the fishing towns.",
     "the tariff on Norland grain would be lifted"),
    ("Minister Kaller praised Ilse Varga, a harbor master from Vellmar.", "Ilse Varga"),
])
def test_a_closing_indefinite_apposition_is_the_writers(quotes_of, text, content):
    assert _holding(quotes_of(text), content).content_text == content


def test_a_second_that_clause_is_more_of_what_was_said(quotes_of):
    q = _holding(quotes_of("Kaller said the border must be guarded, but that she opposed any new levy."),
                 "border must be guarded")
    assert q.content_text.endswith("she opposed any new levy")


def test_a_person_before_a_participle_is_its_speaker(quotes_of):
    text = "The interview ended with Marta Kallas asking Minister Berg whether she would consider a coalition."
    assert _holding(quotes_of(text), "consider a coalition").speaker_key == "Marta Kallas"


def test_a_participle_hung_in_the_reported_clause_is_the_reporters(quotes_of):
    found = quotes_of("Kaller said the deadlock has kept the harbor safe on Monday "
                      "before claiming that the ferry tolls are a danger.")
    assert all(q.speaker_key == "Kaller" for q in found)


def test_what_reads_a_quotation_is_a_text_not_the_person_before_it(quotes_of):
    found = quotes_of("Fishermen waved a placard with a picture of the mayor reading “Save the harbor”.")
    assert found and all("mayor" not in (q.speaker_text or "") for q in found)


def test_asked_on_a_day_asks_what_follows(quotes_of):
    q = _holding(quotes_of("Asked on Monday whether the port would close, Kaller shrugged."), "port would close")
    assert q.content_text == "whether the port would close" and q.cue_text == "Asked"


@pytest.mark.parametrize("text, content", [
    ("Minister Kaller made it clear that she would not resign over the levy.", "that she would not resign over the levy"),
    ("Minister Kaller made clear that the levy would stay.", "that the levy would stay"),
])
def test_made_clear_reports_its_clause(quotes_of, text, content):
    q = _holding(quotes_of(text), content)
    assert q.content_text == content and q.speaker_key == "Kaller" and "clear" in q.cue_text


@pytest.mark.parametrize("text, content, cue", [
    ("Minister Kaller weighed in on the harbor dispute.", "the harbor dispute", "weighed in"),
    ("Berg has zeroed in on the ferry contracts.", "the ferry contracts", "has zeroed in"),
    ("Kaller doubled down on the levy on Monday.", "the levy", "doubled down"),
    ("Minister Kaller sided with the fishermen of Vellmar.", "the fishermen of Vellmar", "sided"),
    ("Berg took issue with the ferry contracts.", "the ferry contracts", "took issue"),
])
def test_idioms_of_taking_a_stance(quotes_of, text, content, cue):
    q = _holding(quotes_of(text), content)
    assert q.content_text == content and q.cue_text == cue and q.confidence <= ATTITUDE_CONFIDENCE


def test_taking_an_issue_somewhere_is_no_stance(quotes_of):
    assert quotes_of("The boat took the issue to court.") == []


@pytest.mark.parametrize("text, holder, content, cue", [
    ("Minister Kaller has been critical of the harbor levy.", "Kaller", "the harbor levy", "critical of"),
    ("The fishermen are worried that the levy will rise.", "The fishermen", "that the levy will rise", "worried"),
    ("Kaller remained hopeful that the talks would resume.", "Kaller", "that the talks would resume", "hopeful"),
    ("Many farmers are skeptical about the new subsidies.", "Many farmers", "the new subsidies", "skeptical about"),
    ("Berg is eager to sign the ferry deal.", "Berg", "to sign the ferry deal", "eager"),
])
def test_stance_adjective_predicated_of_its_holder(quotes_of, text, holder, content, cue):
    q = _holding(quotes_of(text), content)
    assert (q.speaker_text, q.content_text, q.cue_text) == (holder, content, cue)
    assert q.confidence <= ATTITUDE_CONFIDENCE


@pytest.mark.parametrize("text", [
    "Kaller would be worried if the levy rose.",
    "I am confident that we will win.",
])
def test_a_hypothetical_or_first_person_stance_adjective_is_no_attribution(quotes_of, text):
    # a negated one ("Kaller is not worried that …") is a stance too: see test_quotes_nominal.py
    assert quotes_of(text) == []


@pytest.mark.parametrize("text, content", [
    ("But, according to the harbor survey, most farmers remain undecided.", "most farmers remain undecided"),
    ("While most ferries were late, according to a ministry official, two were on time.", "two were on time"),
])
def test_according_to_reports_the_main_clause_not_its_lead_in(quotes_of, text, content):
    assert _holding(quotes_of(text), content).content_text == content


@pytest.mark.parametrize("text, holder, content", [
    ("Berg drew support from the grain farmers of the north.", "the grain farmers of the north", "Berg"),
    ("The harbor plan has the backing of several councillors in Estovia.", "several councillors in Estovia",
     "The harbor plan"),
])
def test_received_support_is_the_supporters_stance(quotes_of, text, holder, content):
    q = _holding(quotes_of(text), content)
    assert (q.speaker_text, q.content_text) == (holder, content) and q.confidence <= ATTITUDE_CONFIDENCE


def test_support_that_might_be_won_is_no_stance(quotes_of):
    assert quotes_of("Kaller could win support from the unions.") == []


def test_an_even_though_contrast_is_the_writers(quotes_of):
    q = _holding(quotes_of("Berg said the ferries run on time, even though most were late last week."), "ferries run")
    assert q.content_text == "the ferries run on time"


def test_people_of_a_place_speak_for_themselves_its_government_for_it(quotes_of):
    (fishers,) = quotes_of("The Vellmar fishermen said the new quotas would ruin them.")
    assert fishers.speaker_key == "The Vellmar fishermen"
    (government,) = quotes_of("The Norland government said the quotas would stay.")
    assert government.speaker_key == "Norland"


def test_a_participle_of_what_happened_stays_in_the_content_one_of_saying_does_not(quotes_of):
    q = _holding(quotes_of("Kaller said the harbour tolls rose by a third in March, bringing the total to nine crowns."),
                 "harbour tolls")
    assert q.content_text.endswith("to nine crowns")
    q = _holding(quotes_of("Berg said the ferries would stay in port until Friday, adding that the crews were tired."),
                 "ferries would stay")
    assert q.content_text == "the ferries would stay in port until Friday"


@pytest.mark.parametrize("text, content", [
    ("Asked whether the levy would rise, the Estovian treasurer smiled.", "the levy would rise"),
    ("“Why now?” Minister Kaller asked the harbour board.", "Why now?"),
])
def test_a_question_asserts_nothing(quotes_of, text, content):
    q = _holding(quotes_of(text), content)
    assert q.confidence <= ATTITUDE_CONFIDENCE


@pytest.mark.parametrize("text, content", [
    ("Mayor Berg said the ferry fares were too high and criticized the port authority for the delays.",
     "the ferry fares were too high"),
    ("Kaller said the harbour would reopen soon and vowed to rebuild the old pier.", "the harbour would reopen soon"),
])
def test_a_coordinated_cue_after_the_content_is_the_speakers_next_act(quotes_of, text, content):
    assert _holding(quotes_of(text), content).content_text == content


@pytest.mark.parametrize("text, content", [
    ("Minister Kaller took the opportunity to praise the harbour crews of Estovia.", "the harbour crews"),
    ("Mayor Lotte Berg went out of her way to say that the ferry fares would fall.", "the ferry fares would fall"),
    ("Mayor Lotte Berg had nothing but kind words to say about the harbour crews.", "the harbour crews"),
])
def test_who_takes_a_chance_to_speak_speaks_not_the_chance(quotes_of, text, content):
    q = _holding(quotes_of(text), content)
    assert q.speaker_key in ("Kaller", "Lotte Berg")


@pytest.mark.parametrize("text, content", [
    ("The Estovian harbour union reported raising four million crowns in May.", "raising four million crowns in May"),
    ("Minister Kaller suggested closing the old pier for the winter.", "closing the old pier for the winter"),
])
def test_a_gerund_reports_what_was_said(quotes_of, text, content):
    assert _holding(quotes_of(text), content).content_text == content


def test_a_gerund_after_a_verb_of_going_on_is_no_content(quotes_of):
    assert not [q for q in quotes_of("Mayor Berg continued campaigning in the northern villages.")
                if "campaigning" in q.content_text]


def test_pointing_out_is_speech(quotes_of):
    q = _holding(quotes_of("As Minister Kaller pointed out, the ferry fares have doubled."), "ferry fares have doubled")
    assert q.speaker_key == "Kaller" and q.confidence > ATTITUDE_CONFIDENCE


@pytest.mark.parametrize("text, speaker, content", [
    ("The harbour plan was endorsed by Mayor Lotte Berg on Monday.", "Lotte Berg", "The harbour plan"),
    ("News of the ferry strike was first reported by the Estovia Courier.", "Estovia Courier", "News of the ferry strike"),
])
def test_a_passive_cue_with_an_agent_says_or_judges_its_subject(quotes_of, text, speaker, content):
    q = _holding(quotes_of(text), content)
    assert q.content_text == content and speaker in (q.speaker_key or "")


def test_an_addressee_of_a_passive_cue_is_no_content(quotes_of):
    assert not [q for q in quotes_of("Minister Kaller was asked by reporters on Monday.")
                if "Kaller" in q.content_text]


@pytest.mark.parametrize("text, content", [
    ("The ferry company earned about nine million crowns in 2025, according to its annual filings, a large sum"
     " for a firm of its size.", "The ferry company earned about nine million crowns in 2025"),
    ("Some 40 percent of Norland voters view the mayor unfavorably, according to a Courier poll last week - about"
     " the same as her rival.", "Some 40 percent of Norland voters view the mayor unfavorably"),
    ("Only two ferries sailed on Monday, according to the harbour board, and the rest stayed in port.",
     "Only two ferries sailed on Monday, according to the harbour board, and the rest stayed in port"),
])
def test_a_comment_after_a_closing_source_is_the_writers(quotes_of, text, content):
    assert _holding(quotes_of(text), content.split(",")[0]).content_text == content


@pytest.mark.parametrize("text, content", [
    ("The harbour plan would be helped, Mayor Berg said, by the new ferry timetable.",
     "The harbour plan would be helped, Mayor Berg said, by the new ferry timetable"),
    ("The ferries were late on most days, the Courier said, including three days in May.",
     "The ferries were late on most days, the Courier said, including three days in May"),
])
def test_reported_clause_goes_on_after_a_comma_set_cue(quotes_of, text, content):
    assert _holding(quotes_of(text), "The").content_text == content


@pytest.mark.parametrize("text, content", [
    ("The ferries were late on most days, the Courier said on Monday, in its weekly harbour report.",
     "The ferries were late on most days"),
    ("The ferries were late, Berg said, adding that the crews were tired.", "The ferries were late"),
])
def test_when_or_how_it_was_said_after_the_cue_is_no_content(quotes_of, text, content):
    assert _holding(quotes_of(text), "The ferries").content_text == content


@pytest.mark.parametrize("text, speaker", [
    ("The defeat led Mayor Lotte Berg to declare that the harbour plan was dead.", "Lotte Berg"),
    ("The delays prompted Minister Kaller to say that the ferry company would be fined.", "Kaller"),
])
def test_who_is_led_to_speak_speaks_not_the_cause(quotes_of, text, speaker):
    assert _holding(quotes_of(text), "the").speaker_key == speaker


@pytest.mark.parametrize("text, content", [
    ("Minister Kaller said the ferries would run on time next week, as the Courier reported on Monday.",
     "the ferries would run on time next week"),
    ("Berg said the ferry would be late again, as it was still in the dock at noon.",
     "the ferry would be late again, as it was still in the dock at noon"),
])
def test_a_closing_as_clause_naming_another_source_is_the_writers(quotes_of, text, content):
    assert _holding(quotes_of(text), "ferr").content_text == content


@pytest.mark.parametrize("text", [
    "Minister Kaller opened the harbour on Monday, allowing the fishermen to sail before the storm.",
    "The storm continued: more rain fell on the Estovian coast overnight.",
])
def test_letting_and_going_on_are_no_speech(quotes_of, text):
    assert quotes_of(text) == []


@pytest.mark.parametrize("text, content", [
    ("Mayor Berg allowed that the harbour plan had some merits.", "that the harbour plan had some merits"),
    ("The ministry continued that the harbour would stay shut.", "that the harbour would stay shut"),
])
def test_allowing_that_and_a_body_going_on_are_speech(quotes_of, text, content):
    assert _holding(quotes_of(text), content).content_text == content


def test_writing_a_work_is_not_what_it_says(quotes_of):
    assert quotes_of("Minister Kaller wrote a weekly column for the Vellmar Courier for ten years.") == []
    assert quotes_of("Ilse Berg read a thick novel on the night train to Vellmar.") == []


def test_written_work_with_a_clause_on_what_it_does_stays(quotes_of):
    q = _holding(quotes_of("Minister Kaller wrote a letter urging the council to reopen the pier."), "urging")
    assert q.speaker_key == "Kaller"


def test_a_deed_committed_by_someone_is_not_a_commitment(quotes_of):
    assert quotes_of("Most of the warehouse thefts in Vellmar were committed by two night clerks.") == []


def test_quotation_paragraph_continuing_a_quote_shares_its_cue(quotes_of):
    # one utterance across a paragraph break: one attribution with two parts (PolNeAR)
    text = ("Minister Kaller said the Vellmar pier would reopen in the spring.\n\n"
            "“We have waited long enough for the new timber to arrive from the Estovian mills.”")
    q = _holding(quotes_of(text), "waited long enough")
    assert q.speaker_key == "Kaller" and q.cue_text == "said"


def test_finite_clause_parsed_as_open_complement_is_reported(quotes_of):
    # "say left …": a verb with tense hung on the cue as xcomp is the reported clause; the
    # speaker and cue inside the relative clause cut it in two fragments, as PolNeAR marks it
    found = quotes_of("Norland cut the ferry subsidy, which the fishermen say left the island without a winter service.")
    q = _holding(found, "left the island")
    assert q.content_text.startswith("left the island") and q.speaker_text == "the fishermen"
    assert any(o.content_text == "which" and o.speaker_text == "the fishermen" for o in found)


def test_quotation_after_an_interrupting_cue_finishes_the_clause(quotes_of):
    text = "The plan to close the old pier, Minister Kaller added, would be “a heavy blow to every fishing family in Vellmar.”"
    q = _holding(quotes_of(text), "a heavy blow")
    assert q.content_text.startswith("The plan to close") and q.speaker_key == "Kaller"


def test_scene_setting_before_a_comma_set_cue_stays_out(quotes_of):
    text = "In a speech on Monday, Minister Kaller said, “The ferry will sail again before the winter storms.”"
    q = _holding(quotes_of(text), "ferry will sail")
    assert q.content_text.startswith("“The ferry")


def test_dash_ends_the_source_of_a_closing_according_to(quotes_of):
    # the parser runs "Minister Kaller - Estovia" into one noun phrase
    text = "The pier will reopen in May, according to Minister Kaller - Estovia will vote on the budget in June."
    q = _holding(quotes_of(text), "pier will reopen")
    assert q.speaker_key == "Kaller" and "Estovia" not in q.content_text


def test_aside_between_dashes_after_an_opening_according_to_is_left_out(quotes_of):
    text = "According to port officials -- speaking on condition of anonymity -- the pier will reopen in May."
    q = _holding(quotes_of(text), "pier will reopen")
    assert q.content_text == "the pier will reopen in May" and q.speaker_text == "port officials"


def test_closing_according_to_after_a_with_phrase_reports_the_phrase(quotes_of):
    text = ("Fares on the island ferry rose sharply in March, with almost two thirds of the riders "
            "paying more, according to a survey by the Vellmar Courier.")
    q = _holding(quotes_of(text), "two thirds")
    assert q.content_text == "almost two thirds of the riders paying more"
    assert "Vellmar Courier" in q.speaker_text


def test_coordinated_naming_cue_is_the_speakers_next_act(quotes_of):
    found = quotes_of("Governor Velm says she admires the fishermen and calls them the backbone of Estovia.")
    q = _holding(found, "admires the fishermen")
    assert "backbone" not in q.content_text and q.speaker_key == "Velm"


def test_closed_question_ends_before_the_narration_after_its_cue(quotes_of):
    text = "“Who will pay for the ferries?” said Kaller, using a phrase Berg has used. “Not the island.”"
    q = _holding(quotes_of(text), "Who will pay")
    assert q.content_text == "“Who will pay for the ferries?”" and q.kind == "direct"


def test_coordinated_call_that_is_a_deed_stays_in_the_claim(quotes_of):
    found = quotes_of("Kaller said she had hosted no gala for the campaign and had never called a banker for a loan.")
    assert "banker" in _holding(found, "hosted no gala").content_text
    urged = quotes_of("Kaller said she released her tax returns and called on Berg to do the same.")
    assert "Berg" not in _holding(urged, "released her tax returns").content_text


def test_relative_clause_cue_does_not_report_the_clause_before(quotes_of):
    text = ("Estovia won a pledge from a neighbour, from Minister Velm, who declared in the harbour hall, "
            "“We are sending word that the ferries will sail again.”")
    found = quotes_of(text)
    assert not [q for q in found if "pledge" in q.content_text]
    assert _holding(found, "ferries will sail again").speaker_key == "Velm"


def test_quoting_participle_after_a_comma_inside_the_marks(quotes_of):
    text = ("Kaller said the report reminds him of the old book titled “The Long Harbour,” explaining, "
            "“because of what could have been, and there is a sadness in it.”")
    found = quotes_of(text)
    assert "sadness" not in _holding(found, "reminds him").content_text
    assert _holding(found, "sadness").kind == "direct"


@pytest.mark.parametrize("text", [
    "Later that month, Norland Press will publish “Velm Revealed,” a biography written by the Courier editor Berg Kaller.",
    "In “Storm Over Estovia,” Mr. Kaller plays a ferry captain.",
])
def test_quoted_title_inside_a_sentence_is_no_quote(quotes_of, text):
    assert quotes_of(text) == []


def test_quotation_opening_its_clause_keeps_any_verb_as_its_cue(quotes_of):
    q = _holding(quotes_of("“The ferries must run,” Kaller snapped."), "ferries must run")
    assert q.speaker_key == "Kaller" and q.cue_text == "snapped"


def test_judging_cue_coordinated_inside_reported_clause_is_the_speakers(quotes_of):
    text = "Ms. Velm said the mayor was ''careless'' about the ferries and rebuked him over the late timetable."
    q = _holding(quotes_of(text), "late timetable")
    assert q.speaker_key == "Velm" and q.cue_text == "rebuked"


def test_relative_object_of_a_describing_cue(quotes_of):
    found = quotes_of("The plan, which Velm described as “a disaster,” was dropped.")
    q = _holding(found, "disaster")
    assert q.speaker_key == "Velm" and q.cue_text == "described"


def test_so_after_a_verb_of_belief_stands_for_the_clause(quotes_of):
    found = quotes_of("Will the Estovian ferry run again by spring? Minister Kaller firmly believes so.")
    q = next(q for q in found if q.content_text == "so")
    assert q.speaker_key == "Kaller" or "Kaller" in (q.speaker_text or "")
    # "so" with words of its own is a degree adverb, not a stand-in for a clause
    assert not any(q.content_text.startswith("so") for q in quotes_of("Kaller thinks so much of the harbour pilots."))


def test_infinitive_on_a_predicative_adjective_shares_the_copulas_subject(quotes_of):
    q = _holding(quotes_of("Minister Kaller was rather quick to remark that the Estovian ferry had never left port."),
                 "never left port")
    assert q.speaker_key == "Kaller" or "Kaller" in (q.speaker_text or "")
    q = _holding(quotes_of("Norland dairy farmers are far more likely to say that the tariff hurts them."),
                 "tariff hurts them")
    assert "farmers" in (q.speaker_text or "")
    # a tough adjective's subject is what is said, not who says it
    assert not any(q.speaker_text and "sail" in q.speaker_text
                   for q in quotes_of("Whether the Estovian ferry will sail is hard to say."))


def test_topic_hung_on_the_object_of_remind_and_of_a_told_story(quotes_of):
    q = _holding(quotes_of("At every stop, Kaller reminded the crowds of the decade his family spent farming near Velm."),
                 "decade his family")
    assert q.cue_text.endswith("reminded") and "Kaller" in (q.speaker_text or "")
    q = _holding(quotes_of("Minister Berg often tells the tale of how the Norland pilots rescued the ferry crew."),
                 "pilots rescued")
    assert "Berg" in (q.speaker_text or "")
    # without a story noun, "told X of Y" has no such topic
    assert not any(q.content_text == "the storm" for q in quotes_of("Berg told the pilots of the storm to wait."))


def test_self_description_is_said_by_self(quotes_of):
    q = _holding(quotes_of("Ilse Kaller, a self-described rural libertarian, won the Velm district."), "rural libertarian")
    assert q.speaker_text == "self" and q.content_text == "rural libertarian"
    assert q.speaker_key.endswith("Kaller")  # who "self" is: the one the noun describes
    # a proper name after "self-" is a claimed title, not a description to report
    assert not any(q.speaker_text == "self" for q in quotes_of("The self-proclaimed Estovian Republic fell in May."))


def test_negated_belief_is_still_a_held_belief(quotes_of):
    q = _holding(quotes_of("Norland dairy farmers don’t think Minister Kaller can win the Velm seat."), "Kaller can win")
    assert "farmers" in (q.speaker_text or "")
    # not knowing something attributes nothing
    assert not any("Kaller can win" in q.content_text
                   for q in quotes_of("Norland dairy farmers don’t know whether Minister Kaller can win."))


@pytest.mark.parametrize("text, fragment, speaker", [
    ("The Velmar port authority issued a statement saying the cranes would stay idle until May.",
     "cranes would stay idle", "The Velmar port authority"),
    ("Her office put out a two-line statement saying the senator had never met the lobbyist.",
     "never met the lobbyist", "Her office"),
    ("Mayor Ilse Brandt sent out a short press release saying the bridge tolls will be cut.",
     "bridge tolls", "Ilse Brandt"),
    ("Anna Berg, who issued a statement saying the count was flawed, left the party.",
     "count was flawed", "Anna Berg"),
])
def test_what_an_issued_statement_says_is_the_issuers(quotes_of, text, fragment, speaker):
    q = _holding(quotes_of(text), fragment)
    assert speaker in (q.speaker_text, q.speaker_key)


def test_a_cited_report_does_not_speak_for_who_cites_it(quotes_of):
    """Citing is not issuing: what the report says is not the citer's "saying" (the citing
    itself is Karsk's own cue)."""
    found = quotes_of("Senator Ivo Karsk cited an earlier report from the Ledger saying the plant would close.")
    saying = [q for q in found if q.cue_text == "saying"]
    assert saying and all(q.speaker_key != "Ivo Karsk" for q in saying)


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Kaller: I Will Never Sign the Estovian Fishing Pact.\n\nThe minister spoke in Velm on Monday.",
     "I Will Never Sign", "Kaller"),
    ("Kaller: Estovia Thinks the Ferry Tariff Is Too High.\n\nKaller spoke to farmers in Velm.",
     "Estovia Thinks", "Kaller"),
])
def test_a_cue_inside_a_labelled_line_is_the_labels_word(quotes_of, text, fragment, speaker):
    """The line after "Name:" is what the name says; "I" there is the label, and another
    source's verb inside it is part of the label's claim."""
    found = quotes_of(text)
    q = _holding(found, fragment)
    assert speaker in (q.speaker_key or "") and q.cue_text == ":"
    assert not any(q.speaker_text in ("I", "Estovia") for q in found)


def test_a_later_sentence_under_a_section_label_keeps_its_own_source(quotes_of):
    found = quotes_of("Anna Velm: Harbour fees\n\nThe fees rose in May. Port officials said the rise was temporary.")
    q = _holding(found, "rise was temporary")
    assert "officials" in (q.speaker_text or "")


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Minister Kaller denied the notion that a cabinet shake-up is coming, explaining that she had been"
     " on leave all week.", "on leave all week", "Kaller"),
    ("Governor Anna Velm dismissed claims that the Estovian ferry company is breaking the law — saying the"
     " company had paid every fee.", "paid every fee", "Anna Velm"),
    ("Ivo Berg had a strong night that could help him in the north, forcefully denouncing the Estovian regime.",
     "Estovian regime", "Ivo Berg"),
])
def test_a_participle_set_off_after_a_complement_is_the_matrix_subjects(quotes_of, text, fragment, speaker):
    """The parser hangs the participle inside the noun's "that" clause or the relative
    clause about a thing; the one who denied, dismissed or had the night goes on to speak."""
    q = _holding(quotes_of(text), fragment)
    assert q.speaker_key == speaker


def test_an_adjunct_participle_on_a_passive_is_the_passive_subjects(quotes_of):
    """The one booed is the one who told, not the ones booing; a reduced passive or a thing
    done by the agent leaves the agent as the speaker."""
    q = _holding(quotes_of("Singer Anna Velm was booed by farmers after telling them that the levy was fair."),
                 "levy was fair")
    assert q.speaker_key == "Anna Velm"
    q = _holding(quotes_of("Comedian Ilse Varga was booed and jeered by Norland fans after telling the crowd"
                           " that the team was overrated."), "team was overrated")
    assert "Ilse Varga" in (q.speaker_key or "")
    q = _holding(quotes_of("The appeal was filed by the Velm dockworkers union, arguing that the fines broke"
                           " the contract."), "fines broke")
    assert "appeal" not in (q.speaker_text or "")


def test_a_speaker_phrase_holds_its_coordinated_nouns(quotes_of):
    q = _holding(quotes_of("The harbour master and her deputy said the Velm bridge would close in May."),
                 "bridge would close")
    assert q.speaker_text == "The harbour master and her deputy"


def test_a_second_title_coordinated_with_a_name_is_that_person(quotes_of):
    """A bare singular role noun, "and", another title and a name: one person with two titles."""
    q = _holding(quotes_of("Estovian presidential contender and former neurosurgeon Ivo Kaller replied on"
                           " Monday to charges that he had padded his war record."), "padded his war record")
    assert q.speaker_key == "Ivo Kaller"
    # with a determiner the role and the name are two parties
    q = _holding(quotes_of("The harbour master and Ivo Kaller said the Velm bridge would close in May."),
                 "bridge would close")
    assert q.speaker_text.startswith("The harbour master")


@pytest.mark.parametrize("text, content", [
    ("(As the Velm Ledger first reported, Minister Kaller backed the ferry deal in a 2019 interview with a"
     " radio host.)", "Minister Kaller backed the ferry deal in a 2019 interview with a radio host"),
    ("A reminder: the Estovian tax plans would all drive large deficits, as the Velm Ledger has noted before.",
     "the Estovian tax plans would all drive large deficits"),
])
def test_content_ends_at_its_own_words_not_at_a_bracket_around_the_cue(quotes_of, text, content):
    """Past an edge bracket or stop, the content starts (ends) at a word of its own: the
    as-clause holding the cue is left out."""
    found = quotes_of(text)
    q = next(q for q in found if q.speaker_text and "Ledger" in q.speaker_text)
    assert q.content_text == content


def test_a_quotation_after_a_reporting_clause_and_a_colon_is_the_reporters(quotes_of):
    """"As X reported, Y was refusing …:" introduces X's text, not Y's."""
    found = quotes_of("As the Velm Ledger reported, even on Friday morning, Minister Kaller was refusing to call"
                      " the ferry fire arson:\n\n“The ministry is still unwilling to call the blaze in the harbour"
                      " an act of sabotage, citing the inquiry by the coast guard.”")
    q = _holding(found, "still unwilling")
    assert q.cue_text == ":" and "Velm Ledger" in (q.speaker_key or "")


def test_a_restated_claim_is_the_restating_subjects(quotes_of):
    """"X repeated his claim that …": "his" is X, who says it again; a named possessor is
    another speaker."""
    found = quotes_of("Mayor Ivo Berg also repeated his claim that the Velm bridge tolls were illegal.")
    assert _holding(found, "tolls were illegal").speaker_key == "Ivo Berg"
    assert not any(q.speaker_text == "his" for q in found)
    found = quotes_of("Mayor Ivo Berg repeated Anna Kaller's claim that the Velm bridge tolls were illegal.")
    assert any(q.speaker_key == "Anna Kaller" and q.cue_text == "claim" for q in found)


def test_the_addressee_of_an_email_does_not_speak_its_participle(quotes_of):
    found = quotes_of("The Estovian senator emailed supporters saying: “The fight goes on” and promising to compete"
                      " in the final race in Velm.")
    assert _holding(found, "fight goes on").speaker_text == "The Estovian senator"
    assert _holding(found, "final race").speaker_text == "The Estovian senator"
    # the object of quoting speaks
    found = quotes_of("Reporters quoted officials saying the ferry would sail.")
    assert any(q.cue_text == "saying" and q.speaker_text == "officials" for q in found)


@pytest.mark.parametrize("text, speaker", [
    ("Part of the trouble with the Velm ferry, said harbour engineers like Ivo Kaller, is the silt itself.",
     "harbour engineers like Ivo Kaller"),
    ("Any honest reading of the Estovian budget, said Anna Berg, an economist at Velm University, would show"
     " a deficit.", "Anna Berg"),
])
def test_a_quotative_inversion_inside_the_sentence_speaks_the_sentence(quotes_of, text, speaker):
    """", said X," between commas inverts subject and verb: X speaks, and the clause around
    the inversion is what X said."""
    q = next(q for q in quotes_of(text) if q.cue_text == "said")
    assert q.speaker_key == speaker and q.content_text.startswith(text[:12])


def test_a_person_before_the_comma_is_still_the_subject(quotes_of):
    q = next(q for q in quotes_of("Ivo Kaller, the harbour master, said Sunday that the ferry would not sail.")
             if q.cue_text == "said")
    assert q.speaker_key == "Ivo Kaller" and q.content_text == "that the ferry would not sail"


def test_a_name_in_the_subjects_relative_clause_does_not_speak(quotes_of):
    found = quotes_of("The minister has no tie to the port.\n\nMr. Kaller, whose latest start-up, Velmsoft, uses"
                      " ferry data to help ports find crews, said Minister Berg was a builder at heart.")
    assert _holding(found, "builder at heart").speaker_key == "Kaller"


def test_a_partitive_subject_speaks_through_its_apposed_name(quotes_of):
    q = _holding(quotes_of("One of the fishermen, Ivo Kaller, 70, had served in the navy and said he was sure the"
                           " Velm ferry would sink."), "ferry would sink")
    assert q.speaker_key == "Ivo Kaller"


def test_released_findings_say_what_their_publisher_says(quotes_of):
    q = _holding(quotes_of("Anna Berg, a pollster in Velm, released data on Monday that suggest Estovian farmers"
                           " are being ignored by their party."), "farmers are being ignored")
    assert q.speaker_key == "Anna Berg"
    # citing an analysis does not make it the citer's
    found = quotes_of("The ministry cited an early analysis that showed the Velm port was losing money.")
    assert any(q.cue_text == "showed" and q.speaker_key != "The ministry" for q in found)


def test_a_subject_does_not_lie_across_a_line_break(quotes_of):
    """The parser took the time stamp or the heading above for the subject; the noun phrase
    opening the cue's own line is it."""
    found = quotes_of("Live updates from the Velm count (local times):\n\n___\n\n9:15 a.m.\n\nAnna Kaller’s press"
                      " secretary says the team is “relieved” that the court threw out the complaint against her.")
    q = _holding(found, "court threw out")
    assert "Kaller" in q.speaker_text and "Latest" not in q.speaker_text


def test_a_headline_label_beats_a_name_in_its_topic(quotes_of):
    """"ORG President On Kaller: ‘…’": the label before the colon speaks; the colon is not
    read as introducing a quotation by the last name before it."""
    found = quotes_of("ENBC President On Kaller: ‘Our Network Never Pays Guests To Join Its Panels.’\n\n"
                      "The network's chief spoke on Monday.")
    q = _holding(found, "Never Pays Guests")
    assert q.speaker_key == "ENBC"


def test_the_noun_after_for_is_the_subject_of_a_for_to_infinitive(quotes_of):
    found = quotes_of("The harbour scandal gave a welcome chance for Minister Kaller to highlight her"
                      " record on the Velm ferry.")
    q = _holding(found, "record on the Velm ferry")
    assert q.speaker_key == "Kaller"


def test_a_cue_closing_a_quotation_does_not_also_report_the_narration_after_it(quotes_of):
    found = quotes_of("“Would I sell the farm to a stranger?” Olav Brekke asked quietly, shaking his grey head.")
    assert [q.content_text for q in found] == ["“Would I sell the farm to a stranger?”"]
    # a quoted phrase inside the sentence is no utterance: the cue after it keeps its clause
    found = quotes_of("Brekke called the scheme “a poor joke,” he said the ferry would still run.")
    assert _holding(found, "ferry would still run").cue_text == "said"


def test_a_cue_set_into_the_next_sentence_does_not_report_the_quotation_before_it(quotes_of):
    found = quotes_of("“The mill is part of the valley,” Lars Holm said. “If it closes, nobody will know where"
                      " they are.” That is why, he added, the council keeps paying for the roof.")
    # the second quotation goes on with the first one's utterance, not with "added"
    assert _holding(found, "nobody will know").cue_text == "said"
    assert _holding(found, "keeps paying").cue_text == "added"


def test_a_quotation_after_another_persons_narration_does_not_go_on_with_the_last_speaker(quotes_of):
    found = quotes_of("“The harbour will freeze early this year,” Nils Eriksen said, pointing at the grey sky."
                      " Karin Eriksen shook her head. “We have heard that every autumn since the war.”")
    assert not [q for q in found if "every autumn" in q.content_text and q.speaker_key == "Nils Eriksen"]
    # with no one else between, the second quotation still goes on with the first
    found = quotes_of("“The harbour will freeze early this year,” Nils Eriksen said, pointing at the grey sky."
                      " “We have heard that every autumn since the war.”")
    assert _holding(found, "every autumn").speaker_key == "Nils Eriksen"


def test_a_that_clause_hung_on_the_addressee_keeps_its_complementizer(quotes_of):
    q = _holding(quotes_of("Kaller told reporters on the pier that the ferry would sail at dawn."), "ferry would sail")
    assert q.content_text == "that the ferry would sail at dawn" and q.speaker_key == "Kaller"


def test_a_stance_inside_what_someone_else_said_is_part_of_their_claim(quotes_of):
    found = quotes_of("Anna Kaller said the harbour board backs the new ferry contract.")
    assert [(q.speaker_key, q.cue_text) for q in found] == [("Anna Kaller", "said")]
    # said by no one else, the backing is the board's own stance
    found = quotes_of("The harbour board backs the new ferry contract.")
    assert _holding(found, "ferry contract").cue_text == "backs"


def test_a_stance_inside_another_stance_gives_way_to_it(quotes_of):
    found = quotes_of("The fishermen want a mayor who backs the new ferry contract.")
    assert [(q.speaker_text, q.cue_text) for q in found] == [("The fishermen", "want")]


def test_a_telling_reported_inside_someone_elses_claim_is_part_of_it(quotes_of):
    found = quotes_of("Ilse Berg said the union leaders told her that the mill would close in May.")
    assert [(q.speaker_key, q.cue_text) for q in found] == [("Ilse Berg", "said")]
    # people a relative clause describes as saying something still speak for themselves
    found = quotes_of("Ilse Berg echoed harbour engineers who say the old pier will not last the winter.")
    assert any(q.cue_text == "say" and q.content_text.startswith("the old pier") for q in found)


def test_called_for_a_clause_with_its_own_subject(quotes_of):
    # the small model reads "for" as the mark of an adverbial clause: that clause is the
    # demand, without the "for"
    q = _holding(quotes_of("Mayor Ines Kovac has repeatedly called for the tunnel contracts to be made public."),
                 "tunnel contracts")
    assert "Kovac" in q.speaker_text
    assert q.content_text == "the tunnel contracts to be made public"


def test_what_respondents_said_is_part_of_a_surveys_finding(quotes_of):
    # PolNeAR never nests an attribution inside another's content: the survey is the source
    found = quotes_of("A new survey by the Harbor Institute showed that 61 percent of residents said the "
                      "ferry fares were too high.")
    assert [q.speaker_text for q in found] == ["A new survey by the Harbor Institute"]
    assert found[0].content_text.startswith("that 61 percent of residents said")


def test_closing_according_to_phrase_is_not_part_of_what_was_said(quotes_of):
    found = quotes_of("The harbor master told the council that the dredging would finish in May, according to "
                      "minutes of the meeting released on Friday.")
    assert not any("according to" in q.content_text for q in found)
    assert _holding(found, "dredging would finish").cue_text == "according to"


def test_a_quote_read_across_markup_tags_is_dropped(quotes_of):
    # an embedded post kept as markup: the stance read from its text runs into the closing
    # tag, and the tag is no speech
    found = quotes_of("The guest list drew comment online.\n\n<post id=\"74794\" author=\"@harborwatch\" "
                      "datetime=\"2016-06-28\">No problem at all! Mayor Kaller reportedly wants the boxer Ivo "
                      "Brandt at the harbor gala https://t.co/8Ft — Harbor Watch (@harborwatch) June 28, 2016"
                      "</post>.\n\nThe mayor did not reply.")
    assert not any("<" in q.content_text or "<" in (q.speaker_text or "") for q in found)


def test_colon_quotation_belongs_to_who_said_it_not_to_a_name_in_the_clause(quotes_of):
    found = quotes_of("In a statement, the port committee said about its inclusion of the Varga Shipping "
                      "contract in the revised version of the plan:\n\n\"The plan goes further than any earlier "
                      "plan on safety. It backs the new pier.\"")
    assert _holding(found, "backs the new pier").speaker_text == "the port committee"


def test_second_that_clause_after_a_fronted_condition_is_still_reported(quotes_of):
    q = _holding(quotes_of("Ana Ruiz, who chaired the dock board, said that a merger carried real risks but "
                           "that if the council chose to pursue one, it should have insisted on keeping all the cranes."),
                 "real risks")
    assert q.content_text.endswith("keeping all the cranes")


def test_verb_sharing_the_reported_clauses_modal_is_part_of_it(quotes_of):
    found = quotes_of("Holm says he’d sit Varga down and warn him “enough is enough” and reminds the hall he "
                      "had raised it first.")
    assert _holding(found, "sit Varga down").content_text == "he’d sit Varga down and warn him “enough is enough”"
    # a finite verb with an auxiliary of its own is the speaker's next act, as before
    q = _holding(quotes_of("Dorn said that he would light a candle for the winner but did not predict it would "
                           "be Varga."), "light a candle")
    assert "predict" not in q.content_text


def test_participle_after_an_attributed_quotation_keeps_its_own_topic(quotes_of):
    # '“…,” he said of the idea' gives the quotation alone; a participle of its own after the
    # cue ('…, citing X', '…, warning against X') reports its own object
    found = quotes_of("“The attack proves once again that the port needs better guards,” Varga said, warning "
                      "against letting in ships from the north.")
    q = _holding(found, "letting in ships")
    assert q.cue_text == "warning" and q.speaker_key == "Varga"


def test_cue_set_inside_content_whose_fronted_subject_the_parser_gave_the_cue(quotes_of):
    # the small model hangs both "Voters" and "Dorn" on "suggested": the nearer one speaks
    q = _holding(quotes_of("Renters, Dorn suggested, don’t have to panic that rich landlords can sway the council."),
                 "have to panic")
    assert q.speaker_text == "Dorn" and q.content_text.startswith("Renters")


def test_quoted_tail_left_open_stops_before_a_quotation_with_its_own_attribution(quotes_of):
    found = quotes_of("Dorn said Varga’s backing of the ferry plan is “frankly a hollow stance to take.\n\n"
                      "“Our job here is simple: we build. We build piers. That is the job,” Dorn said.")
    assert _holding(found, "hollow stance").content_text.endswith("to take.")
    assert _holding(found, "We build piers").kind == "direct"


def test_passive_cue_with_a_by_phrase_on_its_complement_has_that_speaker(quotes_of):
    # the small model hangs "by X" on the name given ("called Y by X"), not on the verb
    q = _holding(quotes_of("This side of the campaign has been called \"calculated vagueness\" by Jonas Berg, "
                           "a lecturer at Norvik College."), "calculated vagueness")
    assert q.speaker_key == "Jonas Berg" and "Berg" not in q.content_text
    q = _holding(quotes_of("The plan was described as \"reckless\" by the mayor."), "reckless")
    assert q.speaker_text == "the mayor"
    # a date after "by" names no one
    assert all(q.speaker is None for q in quotes_of("The pier is expected to open by late October."))


def test_perfect_has_asked_is_an_active_request(quotes_of):
    q = _holding(quotes_of("The union has asked the mayor to resign."), "to resign")
    assert q.speaker_text == "The union" and q.content_text == "the mayor to resign"
    q = _holding(quotes_of("Dorn has been asked whether he would run."), "would run")
    assert q.speaker is None  # the passive keeps its unnamed asker


def test_quotation_credited_by_a_dash_line_is_the_named_persons(quotes_of):
    # pull quotes and quotation lists: “…” and a dash with the name, no speech verb; the
    # horizontal bar (U+2015) that some outlets print for a dash counts as one
    found = quotes_of("Readers sent in the lines they remembered from the race.\n\n"
                      "“A town that cannot mend its roads will not mend its schools.” ― Dario Pensky\n\n"
                      "“Nobody in this valley asked for a toll on the old bridge.” — former councillor Olena Varga, "
                      "at a forum in March\n\n"
                      "Pensky lost the race in November.")
    q = _holding(found, "mend its roads")
    assert q.kind == "direct" and q.speaker_key == "Dario Pensky" and q.cue_text == "―"
    assert _holding(found, "toll on the old bridge").speaker_key == "Olena Varga"
    # a handle names the author too
    q = _holding(quotes_of("Posts from the night.\n\n“The pier stays open.” ― @olenavarga\n"), "pier stays open")
    assert q.speaker_text == "@olenavarga"


def test_a_dash_after_a_quotation_that_opens_narration_credits_no_one(quotes_of):
    # the words after the dash are a sentence of their own (a verb), or a section title
    # closed by a second dash: neither names who spoke
    found = quotes_of("The council called the ferry plan “a costly detour” — Pensky has since dropped it.\n\n"
                      "Dorn told the board the levy was “the fairest tax we have.”\n\n– A long road –.")
    assert all(q.cue_text not in ("—", "–") for q in found)


def test_inverted_cue_with_a_surname_the_tagger_missed(quotes_of):
    # an unfamiliar surname after "said" comes out of the tagger as an adverb; it is the
    # inverted subject all the same
    found = quotes_of("But Ola Hartly, a veteran harbour pilot, vouched for both of the new hires.\n\n"
                      "“Having the tide charts and two people who can read them is a real asset,” said Hartly, "
                      "explaining he had sailed with the pair for years.")
    assert _holding(found, "tide charts").speaker_text in ("Hartly", "Ola Hartly")


def test_object_content_stops_before_the_setting_of_the_act(quotes_of):
    # where, when and through what the act was done is not part of what was said
    q = _holding(quotes_of("A Saudi prince mocked Varga on Twitter."), "Varga")
    assert q.content_text == "Varga"
    q = _holding(quotes_of("The senator praised the harbour plan in an interview published Saturday."), "harbour plan")
    assert q.content_text == "the harbour plan"
    # a phrase inside a clause of the content, or a noun's own place, stays
    q = _holding(quotes_of("Few delegates advocate for stopping Dorn at the convention."), "stopping Dorn")
    assert q.content_text.endswith("at the convention")
    q = _holding(quotes_of("The mayor discussed the situation in the harbour."), "situation")
    assert q.content_text.endswith("in the harbour")


def test_headline_lead_with_a_role_before_the_name_or_a_source_noun_after_it(quotes_of):
    # the lead before a headline's colon is the source even when a role opens it or a
    # noun of a group closes it ("Varga camp:", "Insiders:")
    for lead in ("Former mayor Varga at rally", "Varga camp", "Insiders"):
        found = quotes_of(f"{lead}: Dorn's toll plan will sink the ferry trade.\n\nThe council meets on Monday.")
        q = _holding(found, "toll plan will sink")
        assert q.speaker_text == lead and q.cue_text == ":"


def test_headline_present_tense_the_tagger_reads_as_a_plural_noun(nlp):
    # the small model sometimes tags a headline's "blasts" NNS while giving it a subject and
    # an object; the parse as it comes out of the model, built by hand
    from spacy.tokens import Doc

    words = ["Ferry", "PAC", "blasts", "Varga", "for", "skipping", "forum", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[True] * 6 + [False, False],
              tags=["NNP", "NNP", "NNS", "NNP", "IN", "VBG", "NN", "."],
              pos=["PROPN", "PROPN", "NOUN", "PROPN", "ADP", "VERB", "NOUN", "PUNCT"],
              deps=["compound", "nsubj", "ROOT", "dobj", "prep", "pcomp", "dobj", "punct"],
              heads=[1, 2, 2, 2, 3, 4, 5, 2],
              lemmas=["Ferry", "PAC", "blast", "Varga", "for", "skip", "forum", "."])
    article = article_from_text(doc.text)
    found = extract_quotes(doc, article, extract_mentions(doc, article))
    q = _holding(found, "Varga")
    assert q.speaker_text == "Ferry PAC" and q.cue_text == "blasts"


def test_newsletter_label_after_a_dash_is_the_source_of_the_quotation(quotes_of):
    # "HEADLINE - Source: “…”": a capitalised label (even one the tagger reads as common
    # nouns) speaks, not a verb of the headline before the dash
    text = ("Voter rolls are shrinking in the valley - Harbour Research: “All the ferry towns lost residents "
            "over the decade. The losses were largest on the islands.”  [HR.]\n")
    q = _holding(quotes_of(text), "ferry towns lost")
    assert q.speaker_text == "Harbour Research" and q.cue_text == ":"


def test_digest_excerpt_under_a_capitals_headline_with_a_bracketed_outlet(quotes_of):
    text = ("TOP STORIES.\n\nTOLLS TO RISE ON THE NORTH FERRY “The harbour board voted on Monday to double "
            "the fares for cars, citing fuel costs.” Crossings will cost more from May. [Courier.]\n\n"
            "PIER CLOSED FOR REPAIRS The old pier shuts for a month. [Gazette.]\n")
    q = _holding(quotes_of(text), "double the fares")
    assert q.kind == "direct" and q.speaker_text == "TOLLS TO RISE ON THE NORTH FERRY" and q.cue_text == "[Courier.]"
    # a headline in capitals without a bracketed outlet is no such item
    found = quotes_of("FERRY NEWS “The board met,” the clerk said.\n")
    assert all(q.speaker_text != "FERRY NEWS" for q in found)


@pytest.mark.parametrize("text", [
    "The harbour master said on the radio. The pier stays shut until Friday.",
    "Councillor Wendt said on Valley Radio. The pier stays shut until Friday.",
])
def test_an_on_phrase_of_a_channel_is_no_content(quotes_of, text):
    # "said on the radio" names where it was said; the content is the next sentence, as a
    # cue with no clause of its own takes it
    found = quotes_of(text)
    assert all(q.content_text not in ("the radio", "Valley Radio") for q in found)
    assert _holding(found, "pier stays shut").cue_text == "said"


def test_an_on_phrase_of_a_topic_is_the_content(quotes_of):
    q = _holding(quotes_of("Councillor Wendt commented on the ferry timetable."), "ferry timetable")
    assert q.cue_text == "commented"
