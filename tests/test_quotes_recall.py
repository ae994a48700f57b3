"""Recall of speech cues the parser hangs in unexpected places (issue #4).

All sentences are invented. Each test names the construction it covers; the quotes it
expects were missed entirely before the rule it tests.
"""

from __future__ import annotations

from quote_helpers import holding


def test_set_off_participle_after_a_predicate_noun(quotes_of):
    # the parser hangs "tweeting" on "official"; set off by a comma it is the subject's act
    quotes = quotes_of("Farm Row.\n\nGovernor Ada Lind was the first official to weigh in on the verdict, "
                       "tweeting her relief late on Friday.")
    q = holding(quotes, "her relief")
    assert q.speaker_text == "Ada Lind"
    assert q.cue_text == "tweeting"


def test_set_off_participle_after_an_inverted_speaker_apposition(quotes_of):
    # "explaining" hangs on the inverted speaker's name: the speaker explains
    quotes = quotes_of("Farm Row.\n\n“The harbor will stay open,” said Tomas Brand, the treasurer of Kell County, "
                       "explaining that the levy had already been approved by the board.")
    q = holding(quotes, "the levy had already been approved")
    assert q.speaker_text == "Tomas Brand"


def test_colon_then_no_break_space_introduces_the_quotation(quotes_of):
    # web text often puts a no-break space after the colon that introduces a quotation
    quotes = quotes_of("Harbor plan splits the town.\n\nSenator Robert Hale has defended the harbor plan for "
                       "years.\n\nHere is Hale in March 2019:\u00a0“Our harbor must serve the fishermen first, "
                       "and the tourists second. That is the whole plan.”")
    q = holding(quotes, "Our harbor must serve the fishermen first")
    assert q.speaker_text and "Hale" in q.speaker_text
    assert q.kind == "direct"


def test_as_put_it_with_a_long_apposition_keeps_its_speaker(quotes_of):
    # "put" is left with no subject of its own (the name hangs on "as"); the speaker must
    # not be taken from inside the quotation ("Council members")
    quotes = quotes_of("Harbour fee row.\n\nAs Akim Varga, a lecturer in maritime law at Dunmore and "
                       "author of ''The Quiet Harbour,'' put it, ''Council members ought to accept a modest "
                       "harbour fee now, or they will be handed a much larger one next spring.''")
    q = holding(quotes, "a modest harbour fee now")
    assert q.speaker_text == "Akim Varga"
    assert not any(x.speaker_text in ("Council members", "members") for x in quotes)


def test_as_put_it_with_as_parsed_as_a_preposition(quotes_of):
    quotes = quotes_of("Harbour fee row.\n\nAs Akim Varga, a law lecturer at Dunmore, put it, ''Council "
                       "members ought to accept a modest harbour fee now rather than a larger one next spring.''")
    assert holding(quotes, "a modest harbour fee now").speaker_text == "Akim Varga"


def test_comment_clause_inside_the_sentence_it_reports(quotes_of):
    # the parser hangs "acknowledge" on "becomes" as an adverbial clause with no content
    quotes = quotes_of("Farm Row.\n\nBut with each passing month, her own advisers acknowledge, it becomes "
                       "harder to explain the delay to voters.")
    q = holding(quotes, "harder to explain the delay")
    assert q.speaker_text == "her own advisers"
    assert q.cue_text == "acknowledge"


def test_comment_clause_of_a_record(quotes_of):
    quotes = quotes_of("Farm Row.\n\nSoon after the hearing, the available evidence indicates, the judge "
                       "assigned the case to a colleague.")
    assert holding(quotes, "the judge assigned the case").speaker_text == "the available evidence"


def test_adverbial_clause_with_a_complement_is_no_comment_clause(quotes_of):
    # "when he insisted on paying …" sets the scene; it does not report the main clause
    quotes = quotes_of("Farm Row.\n\nFrom his first week in office, when he insisted on paying for his own "
                       "lunch, the mayor has understood the power of a gesture.")
    assert not any("the power of a gesture" in q.content_text and q.cue_text == "insisted" for q in quotes)


def test_verb_parsed_as_a_modifier_in_a_sentence_with_no_verb_root(quotes_of):
    # after a long apposition the parser hangs "Tweeted" on the name as a participle and
    # makes the name the root: the verb is still the sentence's cue
    quotes = quotes_of("Harbor fight.\n\nLena Ortiz, the Ledger columnist who first covered the harbour story, Tweeted "
                       "out the mayor’s praise of Marsh during the briefing on Monday.")
    q = holding(quotes, "the mayor’s praise of Marsh")
    assert q.speaker_text == "Lena Ortiz"
    assert q.content_text.startswith("the mayor’s praise")  # the particle belongs to the cue


def test_participle_after_a_determiner_stays_a_modifier(quotes_of):
    quotes = quotes_of("Harbor fight.\n\nDeep divisions among council members over the proposed harbor deal.")
    assert not any(q.cue_text == "proposed" for q in quotes)


def test_chants_of_a_quotation_are_the_chanters_words(quotes_of):
    quotes = quotes_of("Rally in Dunmore.\n\nAs the senator left the stage, the dock workers responded with "
                       "chants of “Keep the port open!” until the band started to play.")
    q = holding(quotes, "Keep the port open!")
    assert q.speaker_text and "workers" in q.speaker_text
    assert q.kind == "direct"


def test_chant_after_its_quotation_with_no_chanter_named(quotes_of):
    quotes = quotes_of("Rally in Dunmore.\n\nThe mayor's speech drew loud boos and “RECALL!” chants from the back "
                       "of the hall.")
    q = holding(quotes, "RECALL!")
    assert q.cue_text == "chants"


def test_verb_hung_inside_the_quotation_it_introduces(quotes_of):
    # the parser makes the quoted verb the root and hangs "boomed" below it
    quotes = quotes_of("Harbor vote.\n\nGrinning at the front of the stage, Mayor Ruiz won applause as she "
                       "saluted the crews and then boomed, ''Today, our port showed the whole county what it is "
                       "made of.''")
    assert holding(quotes, "what it is made of").cue_text == "boomed"


def test_call_over_the_shoulder_introduces_the_quotation(quotes_of):
    quotes = quotes_of("Harbor vote.\n\nRushing into a closed council session, Senator Dora Kemp, Democrat of "
                       "Kell County, called over her shoulder, ''His plan is not helping anyone.''")
    assert holding(quotes, "His plan is not helping anyone").speaker_text == "Dora Kemp"


def test_scene_setting_clause_before_a_quotation_is_no_cue(quotes_of):
    quotes = quotes_of("Harbor vote.\n\nWhen the final vote ended, ''This town still knows how to fight,'' "
                       "Mayor Ruiz told the crowd.")
    assert holding(quotes, "This town still knows how to fight").cue_text == "told"


def test_verb_of_a_condition_does_not_introduce_the_quotation(quotes_of):
    # the quotation is the speaker's own consequence of the condition, not the board's words
    quotes = quotes_of("Harbor talks.\n\n“We remain open to talks,” Marta Lind said on Monday. If the port board "
                       "decides to send a formal answer, “our partners will hardly find anything in it to "
                       "welcome,” she added.")
    q = holding(quotes, "our partners will hardly find anything")
    assert q.speaker_text != "the port board"


def test_as_clause_with_a_past_tense_tagged_as_a_participle(quotes_of):
    # the tagger reads "reported" as a participle; with a subject of its own it reports
    quotes = quotes_of("Harbor probe.\n\nAs the Kell Ledger’s harbour desk reported only this morning, the state "
                       "auditor has sent formal demands for records to the port authority as part of a wider review.")
    q = holding(quotes, "the state auditor has sent formal demands")
    assert q.cue_text == "reported"
    assert "Ledger" in (q.speaker_text or "")


def test_fronted_participle_is_still_no_cue(quotes_of):
    quotes = quotes_of("Harbor probe.\n\nAsked about the subpoenas, the harbor director said the authority would "
                       "cooperate fully.")
    assert holding(quotes, "would cooperate fully").cue_text == "said"


def test_inverted_attribution_with_a_verb_off_the_lexicon(quotes_of):
    # after an attributive quotation, a verb then its subject is an attribution ("blared")
    quotes = quotes_of("Parade day.\n\nThe tabloids were merciless. ''Sunk!'' blared the Sunday edition of "
                       "the Kell Ledger.")
    assert holding(quotes, "Sunk!").speaker_text == "the Sunday edition of the Kell Ledger"


def test_inverted_attribution_to_one_of_several(quotes_of):
    quotes = quotes_of("Parade day.\n\nSmall planes towed banners over the parade. “Keep the harbor public! Sell "
                       "nothing,” read one.")
    q = holding(quotes, "Keep the harbor public!")
    assert q.cue_text == "read" and q.speaker_text == "one"


def test_title_then_verb_is_no_inverted_attribution(quotes_of):
    # a quoted title after a word of the sentence: only a speech verb after it attributes
    quotes = quotes_of("Parade day.\n\nShe starred in “Harbor Lights,” opened the festival and left early.")
    assert not any(q.cue_text == "opened" for q in quotes)


def test_the_voice_of_an_ad_is_a_source(quotes_of):
    # narrators, announcers and voice-overs speak an ad's words
    quotes = quotes_of("Ad war.\n\nThe new spot opens on an empty dock.\n\nThe narrator: “The harbor fees doubled, "
                       "and the mayor never told anyone why.”")
    assert holding(quotes, "The harbor fees doubled").speaker_text == "The narrator"
    quotes = quotes_of("Ad war.\n\nThe announcer continued that the harbor fees had doubled under the mayor.")
    assert holding(quotes, "the harbor fees had doubled").speaker_text == "The announcer"
