"""How cameo.rules reads English clauses: voice, particles, light verbs, complements, conjoined and
reciprocal actors, several events per sentence, nominal events and judgements. Sentences are the
team's own; the expected codes are what an analyst following the CAMEO codebook would give."""

from datetime import date

import pytest


def triples(events):
    return [(e.actor1_code, e.event_code, e.actor2_code) for e in events]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # active and passive voice
        ("Pakistan criticised India over the dam project.", [("PAKGOV", "111", "INDGOV")]),
        ("India was criticised by Pakistan over the dam project.", [("PAKGOV", "111", "INDGOV")]),
        ("Evidence against Iran was presented by Israel.", [("ISRGOV", "112", "IRNGOV")]),
        ("Sanctions were imposed on Belarus by the European Union.", [("IGOEUREEC", "163", "BLRGOV")]),
        # a passive participle the parser hangs under "been" ("been" as the verb, "hit" its complement)
        ("Gaza has been hard-hit by Israeli airstrikes.", [("ISRMIL", "190", "PSEGOV")]),
        # a past participle opening the sentence is done to the main clause's subject
        ("Attacked by Houthi rebels, the Saudi convoy turned back.", [("YEMREB", "190", "SAU")]),
        # a participle joined to a passive shares its "were"; a city before an event noun is where
        ("Two Iraqi soldiers were ambushed and killed by ISIS fighters.", [("IMGMOSISI", "190", "IRQMIL")]),
        # "were engaged in": the subject does it, it is not done to the subject
        ("Iraqi troops were engaged in ethnic cleansing against Kurdish villagers.", [("IRQMIL", "203", "CVL")]),
        ("Ethiopian forces engaged in ethnic cleansing against Eritreans.", [("ETHMIL", "203", "ERICVL")]),
        # verb + particle or preposition
        ("Russia pulled out of the grain deal with Ukraine.", [("RUSGOV", "160", "UKRGOV")]),
        ("Iran walked out of the talks with the United States.", [("IRNGOV", "164", "USAGOV")]),
        ("The Chinese foreign minister called on the Vietnamese president at the palace.", [("CHNGOV", "042", "VNMGOV")]),
        ("The Romanian president called the Polish president on Saturday.", [("ROUGOV", "041", "POLGOV")]),
        ("Japan called on China to release the detained fishermen.", [("JPNGOV", "0253", "CHNGOV")]),
        # light verbs and nominal events
        ("Kenya held talks with Somalia in Nairobi.", [("KENGOV", "040", "SOMGOV")]),
        ("Canada imposed new sanctions on Iranian officials.", [("CANGOV", "163", "IRNGOV")]),
        # the target hangs on what a quantity measures: "a round of sanctions *against* Russia"
        ("The European Union imposed a new round of sanctions against Russia.", [("IGOEUREEC", "163", "RUSGOV")]),
        # an apposition of the object restates it: its partner is the target
        ("The United States is suspending the INF Treaty, a key pact with Russia.", [("USAGOV", "160", "RUSGOV")]),
        # "for X to do" asks X: an appeal with X as target, coded from what X is asked to do
        ("Japan called for China to release the detained fishermen.", [("JPNGOV", "0253", "CHNGOV")]),
        ("North Korea repeated a call for Washington to change its hostile policies.", [("PRKGOV", "020", "USAGOV")]),
        ("The Iraqi parliament pushed for Turkey to withdraw its troops.", [("IRQLEG", "0256", "TURGOV")]),
        ("Egypt called for better relations with Qatar.", [("EGYGOV", "020", "QATGOV")]),
        ("Seoul called for talks with Pyongyang.", [("KORGOV", "026", "PRKGOV")]),
        # a demand that someone act names them, even when what they are told to do has no pattern
        ("Ottawa demanded that the Indian government rethink its policy.", [("CANGOV", "100", "INDGOV")]),
        # a threat is aimed at whom its complement acts on
        ("Iran threatened to bring fire and fury against Israel.", [("IRNGOV", "130", "ISRGOV")]),
        # named examples of a plural noun are its actors
        ("Russia criticized countries such as Poland.", [("RUSGOV", "111", "POLGOV")]),
        ("Egypt signed a gas agreement with Israel.", [("EGYGOV", "057", "ISRGOV")]),
        ("Israel launched air strikes on Lebanon.", [("ISRGOV", "195", "LBNGOV")]),
        ("Japan delivered 20 tons of food aid to Myanmar.", [("JPNGOV", "073", "MMRGOV")]),
        # the object's owner or partner is the target when the object names nobody
        ("The Chinese president described Beijing's friendship with Pyongyang as a precious asset.",
         [("CHNGOV", "051", "PRKGOV")]),
        ("Pyongyang called the South Korean minister a puppet of Washington.", [("PRKGOV", "111", "KORGOV")]),
        # a participle before the clause is its circumstance, not what an appeal asks for (had been 026)
        ("Speaking to thousands in Nairobi, the Ghanaian president urged Kenyans to fight corruption.",
         [("GHAGOV", "020", "KENCVL")]),
        # "arrive at" a conclusion is no visit
        ("It took Germany a year to arrive at this conclusion.", []),
        # a state's neighbours are other states (had also been North Korea's condemnation)
        ("The test was condemned by Japan and North Korea's neighbours.", [("JPNGOV", "111", None)]),
    ],
)
def test_clause_shapes(code_text, sentence, expected):
    assert triples(code_text(sentence)) == expected


def test_a_call_by_phone_between_two_leaders_is_made_both_ways(code_text):
    events = code_text("The German and French leaders spoke by phone on Tuesday.")
    assert sorted(triples(events)) == [("DEUGOV", "041", "FRAGOV"), ("FRAGOV", "041", "DEUGOV")]


def test_conjoined_subjects_of_a_reciprocal_verb_act_on_each_other(code_text):
    events = code_text("Iran and Saudi Arabia met in Beijing.")
    assert sorted(triples(events)) == [("IRNGOV", "040", "SAUGOV"), ("SAUGOV", "040", "IRNGOV")]
    # a list the parser hangs as an apposition still counts as a list
    listed = code_text("The US, Russia, and Switzerland met yesterday.")
    assert len({(e.actor1_code, e.actor2_code) for e in listed}) == 6


@pytest.mark.parametrize("sentence, first, code, second", [
    ("India and Pakistan accused each other of violating the ceasefire.", "INDGOV", "112", "PAKGOV"),
    ("Armenia and Azerbaijan blamed one another for the shelling.", "ARMGOV", "1123", "AZEGOV"),
    ("Israel and Hamas have fought each other for years.", "ISRGOV", "190", "PSEREB"),
])
def test_each_other_makes_conjoined_subjects_act_on_each_other(code_text, sentence, first, code, second):
    # AllSides slices: "accused each other" had coded two accusations of no one
    assert sorted(triples(code_text(sentence))) == [(first, code, second), (second, code, first)]


def test_an_exchange_of_prisoners_is_a_release_by_each_side(code_text):
    events = code_text("Russia and Ukraine exchanged prisoners on Saturday.")
    assert sorted(triples(events)) == [("RUSGOV", "0841", "UKRGOV"), ("UKRGOV", "0841", "RUSGOV")]
    assert triples(code_text("Russia exchanged fire with Ukraine.")) == [("RUSGOV", "190", "UKRGOV")]


def test_trading_accusations_is_criticism_both_ways(code_text):
    events = code_text("China and India traded accusations over the border clash.")
    assert sorted(triples(events)) == [("CHNGOV", "111", "INDGOV"), ("INDGOV", "111", "CHNGOV")]


def test_conjoined_targets_expand_only_on_output(code_text):
    events = code_text("Japan condemned North Korea and Russia.")
    assert sorted(triples(events)) == [("JPNGOV", "111", "PRKGOV"), ("JPNGOV", "111", "RUSGOV")]
    assert len({e.event_id for e in events}) == 2


def test_the_two_leaders_refers_to_the_last_two_actors(code_text):
    text = ("Cuban President Miguel Diaz-Canel met Vietnamese Prime Minister Pham Minh Chinh in Hanoi. "
            "The two leaders signed an agreement on trade.")
    signed = [e for e in code_text(text) if e.event_code == "057"]
    assert sorted(triples(signed)) == [("CUBGOV", "057", "VNMGOV"), ("VNMGOV", "057", "CUBGOV")]
    assert all(e.actor1_name != "The two leaders" or e.confidence < 0.8 for e in signed)


def test_several_events_in_one_sentence(code_text):
    events = code_text("Beijing praised Hanoi and criticised Manila.")
    assert sorted(triples(events)) == [("CHNGOV", "051", "VNMGOV"), ("CHNGOV", "111", "PHLGOV")]


def test_conjoined_verbs_share_their_auxiliary(code_text):
    events = code_text("China will meet Japan and sign a trade agreement with South Korea.")
    assert sorted(triples(events)) == [("CHNGOV", "030", "KORGOV"), ("CHNGOV", "036", "JPNGOV")]


def test_a_nominal_event_is_coded_when_no_verb_is(code_text):
    events = code_text("Talks between Iran and Saudi Arabia resumed in Baghdad.")
    assert sorted(triples(events)) == [("IRNGOV", "040", "SAUGOV"), ("SAUGOV", "040", "IRNGOV")]
    assert all(e.pattern_id == "n.talks" and e.confidence < 0.6 for e in events)


def test_no_catch_all_code(code_text):
    assert code_text("The Indonesian president said the economy grew in the spring.") == []
    assert code_text("Brazil and Argentina are neighbours.") == []


def test_event_phrase_and_actor_spans_point_into_the_text(code_text):
    text = "On Monday, Poland expelled two Russian diplomats."
    (event,) = code_text(text)
    assert text[event.actor1_start:event.actor1_end] == "Poland"
    assert text[event.actor2_start:event.actor2_end] == "two Russian diplomats"
    assert text[event.event_start:event.event_end] == "expelled"
    assert text[event.evidence_start:event.evidence_end] == "Poland expelled two Russian diplomats"
    assert event.pattern_id == "expel.diplomat" and event.coder == "cameo.rules.v2"
    assert event.dictionary_version.startswith("actors-") and "verbs-" in event.dictionary_version


def test_every_event_has_date_and_place_fields(code_text):
    from datetime import date

    (event,) = code_text("Poland expelled a Russian diplomat.", published=date(2023, 2, 3))
    assert event.event_date == "2023-02-03" and event.date_precision in ("publication", "day")
    assert event.action_geo_precision in ("none", "city", "admin1", "country")


@pytest.mark.parametrize("text, expected", [
    # the pair is not the clause's own subject ("China" had been one of "the two countries")
    ("The United States and North Korea traded barbs. China urged the two countries to salvage the summit.",
     {("CHNGOV", "020", "USAGOV"), ("CHNGOV", "020", "PRKGOV")}),
    # nor the place where the two met ("in Baghdad" had made Iraq one of "both countries")
    ("Iran and Saudi Arabia met in Baghdad. Both countries agreed to reopen embassies.",
     {("IRNGOV", "030", "SAUGOV"), ("SAUGOV", "030", "IRNGOV")}),
])
def test_a_pair_refers_back_to_the_two_actors_not_to_a_co_argument_or_a_place(code_text, text, expected):
    events = code_text(text)
    coded = set(triples([e for e in events if e.event_code in ("020", "030")]))
    assert coded == expected


def test_two_actors_of_one_state_clashing_act_on_each_other(code_text):
    events = code_text("Fresh clashes between riot police and protesters broke out in Barcelona on Friday.")
    assert sorted(triples(events)) == [("ESPCOP", "190", "ESPCVL"), ("ESPCVL", "190", "ESPCOP")]


def test_two_bodies_of_one_state_that_meet_are_no_relation_and_a_thing_is_not_told_to_act(code_text):
    assert code_text("Afghan government officials and Afghan lawmakers met in Kabul on Monday.") == []
    # a government and its rebels or opposition are two sides ("Syrian government officials and
    # opposition leaders are to discuss a power transfer" had been no event)
    assert sorted(triples(code_text("Afghan government officials and Afghan rebels met in Doha on Monday."))) == [
        ("AFGGOV", "040", "AFGREB"), ("AFGREB", "040", "AFGGOV")]
    # "demanded the ZTE issue be resolved": the issue is told nothing, and ZTE is not the one asked
    assert triples(code_text("Beijing demanded the ZTE issue be resolved.")) == [("CHNGOV", "100", None)]


def test_force_a_relative_clause_tells_the_work_of_is_one_act_by_its_user(code_text):
    # "a drone strike that killed Soleimani" had been a second event by "a drone strike" (MIL), and the
    # strike itself had no target
    events = code_text("The United States conducted a drone strike that killed Qassem Soleimani.",
                       published=date(2020, 1, 3))
    assert triples(events) == [("USAGOV", "195", "IRNMIL")]
    # a show of force is not the killing: that is coded on its own, by whoever fired
    assert triples(code_text("Rebels fired a rocket that killed two soldiers.")) == [("REB", "190", "MIL")]
    # force met, not used: the drone that came close is Iran's, not the downing ship's
    events = code_text("The USS Boxer downed an Iranian drone that came close and ignored calls to stand down.")
    assert ("IRNMIL", "124", None) in triples(events)


def test_a_joint_statement_is_made_to_each_other_but_a_joint_veto_is_not(code_text):
    events = code_text("President Trump and Kim Jong Un issued a joint statement on Tuesday.",
                       published=date(2018, 6, 12))
    assert sorted(triples(events)) == [("PRKGOV", "010", "USAGOV"), ("USAGOV", "010", "PRKGOV")]
    assert sorted(triples(code_text("China and Russia jointly vetoed the resolution."))) == [
        ("CHNGOV", "129", None), ("RUSGOV", "129", None)]


def test_a_warning_against_a_move_by_someone_is_a_warning_to_them(code_text):
    assert triples(code_text("South Korea's military warned against any provocative move by the North.")) == [
        ("KORMIL", "160", "PRKGOV")]


@pytest.mark.parametrize("text, published, expected", [
    # the owner of what is praised is praised (had been no target)
    ("The Arab League lauded Obama's efforts to end the war.", date(2015, 5, 1), ("IGOMEAARL", "051", "USAGOV")),
    # the one an act of force or a stance is on, in an of-phrase of its object
    ("In 2003 Bush ordered the invasion of Iraq.", date(2015, 5, 1), ("USAGOV", "190", "IRQGOV")),
])
def test_targets_named_in_the_object_phrase(code_text, text, published, expected):
    assert triples(code_text(text, published)) == [expected]


def test_a_speaker_and_the_one_named_with_him_both_agree(code_text):
    # "he" is bound to the speaker, and "Kim" beside him had been lost with it
    events = code_text("Moon said he and North Korea's Kim had agreed to hold talks.", published=date(2018, 5, 1))
    assert sorted(triples(events)) == [("KORGOV", "036", "PRKGOV"), ("PRKGOV", "036", "KORGOV")]


def test_a_participle_with_no_auxiliary_and_no_object_is_passive(code_text):
    # the parser made "Americans" the subject of "killed" (VBN, no "were"): they were killed,
    # they did not kill
    events = code_text("Some were marred by violence that has left more than two dozen people dead -- among them "
                       "U.S. Ambassador to Libya Chris Stevens and three other Americans killed in an attack on the "
                       "consulate in Benghazi.", published=date(2012, 9, 20))
    assert not [e for e in events if e.event_code.startswith("19") and (e.actor1_code or "").startswith("USA")]
    assert triples(code_text("Rebels killed two soldiers in an ambush.")) == [("REB", "190", "MIL")]
    # only verbs never used without their object: insurgents who "fired on" the aircraft did fire
    events = code_text("Insurgents in the area fired on the aircraft and were killed by gunfire from the helicopters.")
    assert ("REB", "190", None) in triples(events)


def test_seizing_on_something_is_taking_it_up_not_seizing_property(code_text):
    assert code_text("The Trump campaign seized on the new batch of emails.", published=date(2016, 8, 9)) == []
    assert triples(code_text("Police seized weapons from the militants.")) == [("COP", "1711", "REB")]
    # a clause opening "Upon ..." is no "seize upon"
    events = code_text("Upon reporting to the office, three counterintelligence agents confiscated his phone.")
    assert [e.event_code for e in events] == ["1711"]


def test_an_accusation_that_a_named_actor_did_something_accuses_them(code_text):
    # "charged that the administration wants ...": had been an accusation of no one
    events = code_text("Republicans charged that the Obama administration wants a deal too badly.",
                       published=date(2015, 7, 1))
    assert triples(events) == [("USAPTY", "112", "USAGOV")]
    assert triples(code_text("The opposition alleged that the election was rigged.")) == [("OPP", "112", None)]
    # also as a participle after another act; but after an accusation it says the accusation again
    events = code_text("Rep. Elijah Cummings released a letter charging that Michael Flynn lied about his contacts.",
                       published=date(2017, 5, 22))
    assert triples(events) == [("USALEG", "112", "USAELI")]
    events = code_text("France accused Rwanda of lying, alleging that it had hidden the evidence.")
    assert triples(events) == [("FRAGOV", "112", "RWAGOV")]



@pytest.mark.parametrize("text, expected", [
    # "it" called an act is the act reported just before, whoever spoke in between: not the United States
    ("Israeli shells hit a UN school in Gaza on Sunday. The State Department said it was appalled. "
     "UN chief Ban Ki-moon called it a moral outrage and a criminal act.", ("IGOUNO", "111", "ISR")),
    ("North Korea launched a ballistic missile on Sunday. The White House called it a highly provocative act.",
     ("USAGOV", "111", "PRKGOV")),
    # no act by anyone else reported before: no target, not the state named last
    ("A man drove a car into pedestrians in Moscow on Friday. The Kremlin described it as a terrorist attack.",
     ("RUSGOV", "111", None)),
])
def test_it_called_an_act_is_the_act_reported_before(code_text, text, expected):
    appraisals = [e for e in code_text(text) if e.pattern_id == "appraise"]
    assert triples(appraisals) == [expected]


def test_which_after_an_acts_phrase_is_the_act(code_text):
    # the parser hangs "which killed" on "Kenya" and "which expelled" on "the government": the embassies'
    # states had killed 200, and Egypt's government had expelled Morsi
    events = code_text("It began in 1998 with the bombings of the embassies in Tanzania and Kenya, "
                       "which killed more than 200.")
    assert not [e for e in events if e.actor1_country_code in ("TZA", "KEN")]
    events = code_text("There have been attacks since the military takeover of the government, "
                       "which expelled President Mohamed Morsi.", published=date(2013, 9, 1))
    assert [(e.actor1_sector, e.event_code) for e in events] == [("MIL", "166")]
    # "who" is the person, and a relative on a plain noun is that noun's
    assert triples(code_text("Russia blamed the government of Ukraine, which attacked the rebels.")) \
        == [("RUSGOV", "112", "UKRGOV"), ("UKRGOV", "190", "REB")]


@pytest.mark.parametrize("text, expected", [
    # a blow in words is no use of force (had been 190)
    ("The White House struck back with a harsh statement.", []),
    # and "hit back" with force or sanctions is not a criticism (had been 111)
    ("Russia hit back with a missile strike on the city.", [("RUSGOV", "190", None)]),
    ("China hit back at Trump with tariffs on US goods.", [("CHNGOV", "163", "USAGOV")]),
    # sanctions counted in rounds are sanctions (had been an attack, 190)
    ("Japan hit North Korea with a new round of economic sanctions.", [("JPNGOV", "163", "PRKGOV")]),
    # a war's name names no party: "the Vietnam War" had killed them as Vietnam's government
    ("Eight women were killed in the Vietnam War and two in the Korean War.", []),
])
def test_blows_in_words_sanctions_and_wars_by_name(code_text, text, expected):
    assert triples(code_text(text, published=date(2019, 6, 1))) == expected


def test_what_a_charge_says_was_done_is_no_event_of_its_own(code_text):
    # "charged ... with hacking" had coded the hacking, by the department that brought the charge
    events = code_text("The justice department charged 12 Russian intelligence officers with hacking Democratic "
                       "officials.", published=date(2018, 7, 20))
    assert [e.event_code for e in events] == ["112"]


def test_a_states_armed_act_is_its_militarys(code_text):
    # the means and the act as subject had given the bare state (ISR, TUR), as the nominal event did not
    assert triples(code_text("Ten people were killed in Israeli air strikes.")) == [("ISRMIL", "195", "CVL")]
    assert triples(code_text("The Turkish offensive killed ten people.")) == [("TURMIL", "190", "CVL")]
    assert triples(code_text("Turkey killed ten people.")) == [("TURGOV", "190", "CVL")]
