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
    # not be taken from inside the quotation ("Senate Republicans")
    quotes = quotes_of("Court fight looms.\n\nAs Akim Varga, professor of constitutional law at Dunmore and "
                       "author of ''Our Unwritten Charter,'' put it, ''Senate Republicans should remember that "
                       "a compromise nominee today may be far better for them than the judge they may get "
                       "stuck with later.''")
    q = holding(quotes, "a compromise nominee today")
    assert q.speaker_text == "Akim Varga"
    assert not any(x.speaker_text == "Republicans" for x in quotes)


def test_as_put_it_with_as_parsed_as_a_preposition(quotes_of):
    quotes = quotes_of("Court fight looms.\n\nAs Akim Varga, a law professor at Dunmore, put it, ''Senate "
                       "Republicans should remember that a compromise nominee today may be far better for them "
                       "than the judge they may get later.''")
    assert holding(quotes, "a compromise nominee today").speaker_text == "Akim Varga"


def test_comment_clause_inside_the_sentence_it_reports(quotes_of):
    # the parser hangs "acknowledge" on "becomes" as an adverbial clause with no content
    quotes = quotes_of("Farm Row.\n\nBut with each passing vote, these supporters acknowledge, it becomes "
                       "harder to argue that he can win.")
    q = holding(quotes, "it becomes harder to argue")
    assert q.speaker_text == "these supporters"
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
    quotes = quotes_of("Harbor fight.\n\nLena Ortiz, the Ledger editor who wrote the profile on Marsh, Tweeted "
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
    quotes = quotes_of("Harbor vote.\n\nSmiling broadly throughout her speech, Mayor Ruiz drew cheers as she "
                       "thanked the volunteers and then boomed, ''Today, you proved once again that this town "
                       "still knows how to fight.''")
    assert holding(quotes, "this town still knows how to fight").cue_text == "boomed"


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
    quotes = quotes_of("Harbor probe.\n\nAs the Kell Ledger’s investigative unit reported just today, the state "
                       "inspector general issued subpoenas to the harbor authority as part of a federal inquiry.")
    q = holding(quotes, "the state inspector general issued subpoenas")
    assert q.cue_text == "reported"
    assert "Ledger" in (q.speaker_text or "")


def test_fronted_participle_is_still_no_cue(quotes_of):
    quotes = quotes_of("Harbor probe.\n\nAsked about the subpoenas, the harbor director said the authority would "
                       "cooperate fully.")
    assert holding(quotes, "would cooperate fully").cue_text == "said"


def test_inverted_attribution_with_a_verb_off_the_lexicon(quotes_of):
    # after an attributive quotation, a verb then its subject is an attribution ("blared")
    quotes = quotes_of("Parade day.\n\nThe tabloids were merciless. ''Sunk!'' blared the front page of the "
                       "Kell Ledger.")
    assert holding(quotes, "Sunk!").speaker_text == "the front page of the Kell Ledger"


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
