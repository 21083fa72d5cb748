"""Negation, modality, intent, threats, refusals, appeals and reported speech: how a clause's
governors change what it says (or make it say nothing)."""

from datetime import date

import pytest


def triples(events):
    return sorted((e.actor1_code, e.event_code, e.actor2_code) for e in events)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # future and intent become the 03 "express intent" codes
        ("China will hold talks with Japan next week.", [("CHNGOV", "036", "JPNGOV")]),
        ("China is to hold talks with Japan next week.", [("CHNGOV", "036", "JPNGOV")]),  # a plan, not held
        ("The truth is that Turkey expelled the Swedish ambassador.", [("TURGOV", "166", "SWEGOV")]),
        ("China plans to send food aid to Nepal.", [("CHNGOV", "0333", "NPLGOV")]),
        ("Russia pledged to help Syria.", [("RUSGOV", "033", "SYRGOV")]),
        ("Iran and Saudi Arabia agreed to restore diplomatic ties.", [("IRNGOV", "032", "SAUGOV"), ("SAUGOV", "032", "IRNGOV")]),
        ("Greece is ready to mediate between Serbia and Montenegro.", [("GRCGOV", "039", "MNEGOV"), ("GRCGOV", "039", "SRBGOV")]),
        ("Turkey agreed to lift its sanctions on Syria.", [("TURGOV", "0354", "SYRGOV")]),
        # conflictual intent is a threat (13)
        ("Turkey threatened to impose sanctions on Sweden.", [("TURGOV", "1312", "SWEGOV")]),
        ("Iran vowed to retaliate against Israel with missile strikes.", [("IRNGOV", "138", "ISRGOV")]),
        ("Iran vowed to retaliate against Israel.", [("IRNGOV", "130", "ISRGOV")]),  # by means not said
        ("North Korea warned it would attack South Korea.", [("PRKGOV", "138", "KORGOV")]),
        # refusal and failure are rejections (12) of the cooperation refused
        ("Brazil refused to meet the Argentine envoy.", [("BRAGOV", "125", "ARGGOV")]),
        ("Egypt declined to release the Sudanese prisoners.", [("EGYGOV", "1243", "SDNCVL")]),  # prisoners are people
        ("Russia and Ukraine failed to reach an agreement.", [("RUSGOV", "127", "UKRGOV"), ("UKRGOV", "127", "RUSGOV")]),
        ("Germany said it would not send tanks to Ukraine.", [("DEUGOV", "1222", "UKRGOV")]),
        # appeals and demands put the code of what is asked under 02 and 10
        ("The United States urged Israel to release the prisoners.", [("USAGOV", "0253", "ISRGOV")]),
        ("Russia wants Ukraine to withdraw its troops.", [("RUSGOV", "0256", "UKRGOV")]),
        ("China demanded that Japan withdraw its warships.", [("CHNGOV", "1056", "JPNGOV")]),
        ("The United States said China must stop harassing Philippine ships.", [("USAGOV", "100", "CHNGOV")]),
        # reported speech: the report asserts the event, or the speaker accuses, claims or denies
        ("Officials said Vietnam hosted a delegation from Laos.", [("VNMGOV", "043", "LAOGOV")]),
        ("Ukraine said Russian forces shelled Kharkiv.", [("UKRGOV", "112", "RUSMIL")]),
        ("The US claimed that it had attacked Iraq.", [("USAGOV", "015", "IRQGOV")]),
        ("Russia denied that it had attacked Ukraine.", [("RUSGOV", "016", "UKRGOV")]),
        ("The Turkish foreign minister declined to comment on Greece.", [("TURGOV", "011", "GRCGOV")]),
    ],
)
def test_governors_change_the_code(code_text, sentence, expected):
    assert triples(code_text(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Japan did not attend the summit with China.",  # negated past: no attending
        "Japan never signed the agreement with China.",
        "Will China attack Taiwan?",  # a question
        "Did Iran meet Iraq?",
        "If Iran attacks Israel, oil prices will rise.",  # a condition
        "Turkey could expel the Swedish ambassador.",  # modal: possible, not done
        "Turkey might expel the Swedish ambassador.",
        "Analysts believe that Iran attacked Israel.",  # a belief
        "Iran failed to attack Israel.",  # did not happen, and not a refusal of cooperation
        "France prevented Italy from attacking Libya.",
        "Poland would expel the Russian ambassador.",  # hypothetical, nobody reports it
        # a clause judged likely, unlikely or possible after "it is" (had been a threat, 138, or a fact)
        "Experts say it's unlikely Pakistan would launch an attack on India.",
        "It is possible that Iran seized the British tanker.",
        "Officials said it was likely that Russia would expel the Dutch diplomats.",
        # a condition put by inversion (had been coded as done: RUSGOV 190 UKRGOV, CHNGOV 138 TWNGOV)
        "Had Russia attacked Ukraine, the sanctions would have been harsher.",
        "Were China to invade Taiwan, the US would respond.",
        "The police could have learned more, had they arrested the Syrian envoy.",
    ],
)
def test_not_a_fact_is_not_coded(code_text, sentence):
    assert code_text(sentence) == []


def test_the_accusation_is_coded_but_not_its_content(code_text):
    assert triples(code_text("Egypt accused Israel of attacking Syria.")) == [("EGYGOV", "1123", "ISRGOV")]


def test_derived_events_keep_the_governor_in_their_evidence(code_text):
    text = "Turkey threatened to impose sanctions on Sweden."
    (event,) = code_text(text)
    assert event.pattern_id == "threat:sanctions.impose"
    assert text[event.event_start:event.event_end] == "threatened to impose sanctions"
    assert event.plover_event_type == "THREATEN" and event.quad_class == 3


def test_explain_trace_says_why_nothing_was_coded(coder):
    from tieline.coding.explain import explain

    result = explain("Turkey could expel the Swedish ambassador.", coder=coder)
    assert result.events == []
    assert any("modal ('could')" in t.outcome for t in result.trace)


def test_a_clause_said_to_be_so_is_coded(code_text):
    # only a word of belief, possibility or need after "it is" makes the clause no fact
    assert triples(code_text("It is clear that Iran seized the British tanker.")) == [("IRNGOV", "181", "GBRBUS")]


def test_a_practice_of_its_owner_is_coded_as_what_the_owner_does(code_text):
    # "its strategy of cutting ties": a practice its owner carries out, not the content of a claim.
    got = triples(code_text("Belarus defended its policy of cutting ties with Lithuania and Latvia."))
    assert ("BLRGOV", "161", "LTUGOV") in got and ("BLRGOV", "161", "LVAGOV") in got
    # without an owner it stays the content of the noun: nobody is said to do it
    assert not any(code == "161" for _, code, _ in triples(code_text(
        "Analysts debated a policy of cutting ties with Lithuania.")))


def test_what_the_object_of_a_modal_or_belief_verb_is_doing_did_not_happen(code_text):
    # "pushing" hangs on "generals", the object of "could imagine": no appeal was made
    assert code_text("One could imagine Israeli generals pushing for a strike on Iran.") == []
    assert code_text("Analysts can easily imagine Saudi officials pressing for new sanctions on Iran.") == []
    assert code_text("Iran has said it does not have combat troops fighting in Iraq.") == []
    # a verb of no mood leaves the object's doing a fact
    assert ("SYRREB", "190", "SYRCVL") in [(e.actor1_code, e.event_code, e.actor2_code) for e in
                                       code_text("The US condemned militants attacking civilians in Syria.")]


def test_a_hope_about_another_actors_act_is_no_intent_of_that_actor(code_text):
    # "hoped" had been lemmatised "hop", so Germany's relief was coded as Germany's intent (0331)
    assert not [e for e in code_text("Tsipras hoped Germany would grant debt relief.") if e.actor1_code == "DEUGOV"]
    assert [e.actor1_code for e in code_text("Athens hopes that Berlin will grant debt relief.")] == ["GRCGOV"]
    # a pledge about one's own state, and a hope to act oneself, are intents
    assert [e.event_code[:2] for e in code_text("China vowed that Beijing would defend its interests.")] == ["03"]
    assert [e.event_code[:2] for e in code_text("Iran is hoping to reach a deal with the EU.")] == ["03"]


@pytest.mark.parametrize("sentence, code", [
    ("Soldiers raped women in the village.", "1821"),  # "raped" had been "rap", a criticism (111)
    ("President Macron is slated to meet Chancellor Scholz on Friday.", "036"),  # "slat": a meeting as done
])
def test_one_syllable_verbs_keep_their_silent_e(code_text, sentence, code):
    assert [e.event_code for e in code_text(sentence)] == [code]


def test_the_lemma_repair_leaves_doubled_consonants_alone(coder):
    doc = coder.nlp("They hoped, hopped, planned, fined and stared; the buses were bused. He hopes, she hops.")
    verbs = [t for t in doc if t.tag_ in ("VBD", "VBN", "VBZ") and t.lemma_ != "be"]
    assert [t.lemma_ for t in verbs] == ["hope", "hop", "plan", "fine", "stare", "bus", "hope", "hop"]


def test_a_reported_should_of_a_thing_is_a_forecast_not_an_appeal(code_text):
    assert not code_text("Chirac said buying power should remain stable this year.")
    assert [(e.event_code, e.actor2_code) for e in code_text("The US said China must drop its trade barriers.")] \
        == [("100", "CHNGOV")]
    # Reuters 1987: an analyst's "Exxon should show superior earnings" had been an appeal to Exxon
    assert not code_text("Exxon should show superior earnings this year, an analyst said.")
    assert [e.event_code for e in code_text("Baker said Japan should cut its trade surplus.", date(1987, 3, 3))] == ["020"]


def test_a_reported_should_of_an_event_or_a_role_is_still_asked(code_text):
    assert [e.event_code for e in code_text("Israel says talks should resume.")] == ["020"]
    assert [e.event_code for e in code_text("Beijing said foreign companies must do nothing to harm China.")] == ["100"]


def test_the_means_of_an_act_stands_as_the_act_does(code_text):
    # "by firing": the firing is the retaliation, done, negated, planned or only possible with it
    assert ("IRNGOV", "190", "USA") in triples(code_text("Iran retaliated by firing missiles at U.S. bases in Iraq."))
    assert code_text("Iran did not retaliate by firing missiles at U.S. bases in Iraq.") == []
    assert code_text("Iran could respond by expelling the British ambassador.") == []
    assert triples(code_text("Iran will respond by expelling the British ambassador.")) == [("IRNGOV", "136", "GBRGOV")]
    # a guess at what an act did leaves the act done; what one could have done was not
    assert triples(code_text("Trump may have done more damage by meeting with Putin than by staying home.", date(2017, 7, 7))) \
        == [("USAGOV", "040", "RUSGOV")]
    assert code_text("Trump could have done more damage by meeting with Putin.") == []
    # a failure to act by giving aid is no aid given
    assert "072" not in [e.event_code for e in code_text(
        "Obama has failed to show leadership by providing military aid to the Syrian opposition.")]


def test_the_means_of_an_aim_sought_was_used(code_text):
    # the aim was sought, the hacking done; a present "seeks to" stays an intent
    assert [e.event_code for e in code_text("Russia sought to influence the election by hacking Democrats.")] == ["170"]
    assert [e.event_code for e in code_text("Russia seeks to influence the election by hacking Democrats.")] == ["130"]


def test_not_saying_why_something_happened_leaves_it_a_given(code_text):
    day = date(2018, 3, 8)
    assert triples(code_text("Officials did not say why Iran attacked Israel.", day)) == [("IRNGOV", "190", "ISRGOV")]
    assert [e.event_code for e in code_text("The White House did not say why it had changed its calculus toward "
                                            "North Korea by agreeing to talks.", day)] == ["030"]
    # whether it happened is still open
    assert code_text("The White House did not say whether Iran had attacked Israel.", day) == []


def test_what_is_done_again_and_again_is_no_one_act(code_text):
    # AllSides audits: "Tokyo annually pays Washington $2 billion" had been 071, "North Korea has typically
    # conducted military drills" 150
    day = date(2019, 5, 10)
    assert code_text("Tokyo annually pays Washington $2 billion for the bases.", day) == []
    assert code_text("Every year, the United States gives Israel $3.8 billion in military aid.", day) == []
    assert code_text("North Korea has typically conducted military drills in March.", day) == []
    assert triples(code_text("Japan paid Washington $2 billion last year.", day)) == [("JPNGOV", "071", "USAGOV")]
    # "repeatedly" on a day tells of acts done
    assert [e.event_code for e in code_text("Russia repeatedly attacked Ukrainian cities on Monday.", day)] == ["190"]


def test_what_a_past_act_was_for_is_no_intent(code_text):
    # "created the Guccifer 2.0 persona to help throw suspicion off Russia" had been an intent to give aid (033)
    day = date(2018, 7, 14)
    assert code_text("Russian hackers created the persona to help Trump.", day) == []
    # the purpose of an act coded is still part of it; a present one still an intent
    assert triples(code_text("Police fired tear gas to disperse the protesters.", day)) == [("COP", "175", "CVL")]
    assert [e.event_code for e in code_text("The United States is sending experts to help Iraq.", day)] == ["073"]


def test_neither_nor_and_a_delay_say_it_did_not_happen(code_text):
    day = date(2019, 6, 5)
    assert code_text("Neither the Justice Department nor an attorney for Mr. Smith commented.", day) == []
    assert code_text("The U.S. had delayed imposing the tariffs on Mexico.", day) == []


def test_a_speaker_reporting_its_own_forces_strike_accuses_no_one(code_text):
    # "The Turkish Defense Ministry said its jets and artillery struck 181 targets" had accused its own jets (112)
    day = date(2019, 10, 10)
    codes = [e.event_code for e in code_text("The Turkish Defense Ministry said its jets and artillery struck "
                                             "181 targets.", day)]
    assert "112" not in codes and "190" in codes
    assert [e.event_code for e in code_text("The Turkish Defense Ministry said rebels attacked a checkpoint.", day)] \
        == ["112"]


@pytest.mark.parametrize("sentence, expected", [
    # split at the hyphen, "cease | - | fire" was three objects and no ceasefire was broken
    ("Russia violated the cease-fire in eastern Ukraine.", [("RUSGOV", "196")]),
    ("India and Japan pledged co-operation on maritime security.", [("INDGOV", "030"), ("JPNGOV", "030")]),
    ("China called for de-escalation between Iran and the United States.", [("CHNGOV", "0256"), ("CHNGOV", "0256")]),
])
def test_a_hyphenated_word_is_one_word(code_text, sentence, expected):
    assert sorted((e.actor1_code, e.event_code) for e in code_text(sentence)) == expected


def test_the_tokenizer_keeps_hyphenated_words_and_their_lemmas(coder):
    doc = coder.nlp("The Cease-fire held; both sides co-operated and sought de-escalation before the re-election.")
    assert [(t.text, t.lemma_) for t in doc if "-" in t.text] == [
        ("Cease-fire", "ceasefire"), ("co-operated", "cooperate"), ("de-escalation", "de-escalation"),
        ("re-election", "election")]


@pytest.mark.parametrize("sentence, expected", [
    # a denied accusation is a denial (016), not the act it denies (had been RUSGOV 154 LBYGOV)
    ("Russia denied accusations that it is sending troops to Libya.", [("RUSGOV", "016", "LBYGOV")]),
    ("China dismissed allegations that it hacked American companies.", [("CHNGOV", "016", "USABUS")]),
    # another actor's act denied is no event of either
    ("Moscow denied reports that Syrian jets had bombed the town.", [("RUSGOV", "016", None)]),
    # what a report says is reported; what a claim, fear or rumour says is no one's assertion
    ("Amid reports that Russia attacked Ukraine, markets fell.", [("RUSGOV", "190", "UKRGOV")]),
    ("There are fears that China will invade Taiwan.", []),
    ("The diplomats weighed claims that Syria attacked Turkey.", []),
    # a claim its owner makes again is said: a party that says another used force accuses it
    ("Biden reiterated the claim that Syrian forces were shelling the town.", [("USAGOV", "112", "SYRMIL")]),
    ("The rumour that Kim met Putin in secret spread quickly.", []),
])
def test_a_clause_that_a_noun_says_is_what_the_noun_makes_of_it(code_text, sentence, expected):
    assert triples(code_text(sentence)) == expected


def test_a_plan_dated_before_its_subject_is_still_a_plan(code_text):
    # "On Monday" had made "are to hold" a description, and the talks held (040)
    assert triples(code_text("On Monday, the United States and Japan are to hold trade talks.")) == [
        ("JPNGOV", "036", "USAGOV"), ("USAGOV", "036", "JPNGOV")]


@pytest.mark.parametrize("sentence", [
    "The talks went better than Beijing had hoped.",  # had been CHNGOV 013
    "The summit was not as warm as Moscow had hoped.",
])
def test_what_a_degree_is_measured_against_is_no_act(code_text, sentence):
    assert code_text(sentence) == []


def test_a_time_said_with_as_is_no_measure(code_text):
    text = "Right as Trump was reiterating his support for Japan, the lights went out."
    assert triples(code_text(text, date(2019, 6, 1))) == [("USAGOV", "051", "JPNGOV")]


@pytest.mark.parametrize("sentence", [
    "Critics say Obama is not doing enough to beat the Islamic State.",  # had been USAGOV 1383 IMGMOSISI
    "China has done little to stop North Korea from attacking South Korea.",
])
def test_how_much_is_done_for_an_end_is_no_act(code_text, sentence):
    assert [t for t in triples(code_text(sentence, date(2015, 11, 16))) if t[1][:2] in ("13", "18", "19")] == []


def test_a_promise_to_do_everything_for_an_end_is_still_a_promise(code_text):
    text = "Obama promised to do everything in his power to assist France."
    assert triples(code_text(text, date(2015, 11, 16))) == [("USAGOV", "033", "FRAGOV")]


def test_what_it_comes_to_is_a_topic_done_by_no_one(code_text):
    text = ("Lawmakers criticized the White House's slowness when it comes to sharing information on North Korea "
            "with Japan.")
    assert not any(code == "064" for _, code, _ in triples(code_text(text, date(2019, 12, 21))))


def test_a_trip_made_in_the_perfect_tense_was_made_for_what_it_was_made_for(code_text):
    # "have ... gone to fight" had been a threat (138): the fighters went, and fought
    text = "A small number of Somali-Americans have joined Al Shabab and gone to fight in Somalia."
    assert [t[1] for t in triples(code_text(text, date(2015, 2, 23)))] == ["190"]
    text = "Kerry has traveled to Moscow to meet Putin."
    assert triples(code_text(text, date(2015, 2, 23))) == [("USAGOV", "040", "RUSGOV")]


def test_expecting_another_to_act_foretells_it_and_asks_nothing(code_text):
    # "expected China to retaliate" had been an appeal to China (020)
    text = "Larry Kudlow said Sunday that he expected China to retaliate against the planned tariff hike."
    assert code_text(text, date(2019, 5, 12)) == []
    assert triples(code_text("Obama wants Putin to withdraw his troops.", date(2015, 5, 1))) == [
        ("USAGOV", "0256", "RUSGOV")]
