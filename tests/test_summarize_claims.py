"""Claim-level retellings (same actor and figure, same predication) and person descriptions as referring subjects."""

from __future__ import annotations

import pytest

from newsbrief.summarize.claims import Claim, figures_of, predications, retells_claim, scores_of
from newsbrief.summarize import summarize_story
from newsbrief.summarize.extractive import (
    _unsupported_description,
    build_candidates,
    display_texts,
    select_sentences,
)
from newsbrief.summarize.story import _after_supporters
from newsbrief.summarize import references
from newsbrief.summarize.references import antecedent, inner_reference, referring_subject, substitute

from factories import make_article


def _parser_missing() -> bool:
    from newsbrief.facts.nlp import parse

    return parse("The council approved the plan.") is None


def _claim(text: str, names: set[str]) -> Claim:
    return Claim(text, frozenset(names), figures_of(text))


def test_digits_of_a_name_are_no_figure() -> None:
    assert figures_of("Ostra-4 beat Ostra-3 by 12.5% on the Pinewood 2 suite on March 4.") == {"12.5", "4"}
    assert figures_of("Some 2,400 operators use it, up from 1,900 in 2024.") == {"2400", "1900", "2024"}


HARBOUR_A = ("Harbourline, a Glasgow company whose app is used by about 2,400 ferry operators to sell tickets, "
             "has shut its booking system after a data breach, it said on Monday.")
HARBOUR_B = ("A data breach at Harbourline, a Scottish firm that sells tickets for roughly 2,400 businesses "
             "running ferries, could disrupt island crossings over the holiday weekend.")


def test_the_same_actor_with_the_same_figure_is_a_retelling_unless_a_figure_is_new() -> None:
    told = [_claim(HARBOUR_A, {"Harbourline", "Glasgow", "Monday"})]
    assert retells_claim(_claim(HARBOUR_B, {"Harbourline", "Scottish"}), told)
    # one new figure beside the repeated claim is still a retelling; two are news
    once = HARBOUR_B.replace("could disrupt", "has stranded 18,000 passengers and could disrupt")
    assert retells_claim(_claim(once, {"Harbourline", "Scottish"}), told)
    newer = HARBOUR_B.replace("could disrupt", "has stranded 18,000 passengers on 40 routes and could disrupt")
    assert not retells_claim(_claim(newer, {"Harbourline", "Scottish"}), told)
    # the same figure about someone else is another claim
    other = "Tidemark, which serves roughly 2,400 ferry companies, said bookings were running normally."
    assert not retells_claim(_claim(other, {"Tidemark"}), told)


def test_scores_are_match_and_set_scores_not_seasons_or_ranges_of_years() -> None:
    assert scores_of("Ostra won 7-6, 3-6, 6–2 and leads the series 2-1.") == {"7-6", "3-6", "6-2", "2-1"}
    assert scores_of("The 2025-26 season and the 1939-45 war, a 24-hour strike, the F-35 and 4-8-4 engines.") == set()


def test_the_same_team_with_the_same_score_is_a_retelling_whatever_else_it_adds() -> None:
    told = [_claim("Marlow Rovers came from behind to beat Tallbrook 3-2 at Riverside Park on Saturday.",
                   {"Marlow Rovers", "Tallbrook", "Riverside Park", "Saturday"})]
    again = ("Rovers, 14th in the table, won 3-2 with two goals in the last 10 minutes, their first win "
             "at Riverside Park since 2019.")
    assert retells_claim(_claim(again, {"Rovers", "Riverside Park"}), told)
    # the same score in another match is another result
    other = "Kessa City also won 3-2, away at Fenwick, after 12 games without a win."
    assert not retells_claim(_claim(other, {"Kessa City", "Fenwick"}), told)


def test_a_second_outlets_lead_telling_the_same_breach_is_left_out() -> None:
    text_a = (f"{HARBOUR_A} Staff are selling tickets at the ports by hand while the system is rebuilt. "
              "Harbourline said no payment card numbers had been taken.")
    text_b = (f"{HARBOUR_B} Security researchers said the attackers used a stolen password to reach the system. "
              "The ferry operators were told to expect longer queues at ports.")
    arts = [make_article("a", title="Harbourline shuts ferry booking system after breach", text=text_a, outlet="One"),
            make_article("b", title="Breach at Harbourline could hit ferry crossings", text=text_b, outlet="Two",
                         hour=11)]
    digest = [c.text for c, _ in select_sentences(arts, max_sentences=4, resolve_references=True)]
    assert sum(s in (HARBOUR_A, HARBOUR_B) for s in digest) == 1, digest
    bench = [c.text for c, _ in select_sentences(arts, max_words=200)]  # the word-budget benchmark mode too
    assert sum(s in (HARBOUR_A, HARBOUR_B) for s in bench) == 1, bench


@pytest.mark.skipif(_parser_missing(), reason="spaCy's English model is not installed")
def test_predications_follow_relative_and_subordinate_pronouns() -> None:
    first = predications("The Ashford vet who treated the horse has returned to work on Monday.")
    second = predications("An Ashford vet is receiving threats as he returns to work after the ruling.")
    assert "vet>return" in first and "vet>return" in second
    # light verbs are no claim
    assert not any(p.endswith(">say") or p.startswith("say>") for p in predications("The vet said the horse was fine."))


@pytest.mark.skipif(_parser_missing(), reason="spaCy's English model is not installed")
def test_the_same_subject_doing_the_same_thing_is_a_retelling() -> None:
    told = [_claim("The Transport Ministry has proposed rules that would require coach operators to fit seatbelts "
                   "on every new long-distance bus.", {"Transport", "Ministry"})]
    again = _claim("The Transport Ministry on Tuesday proposed a Coach Safety Rule that would make operators fit "
                   "belts in all new coaches.", {"Transport", "Ministry", "Tuesday", "Coach", "Safety", "Rule"})
    assert retells_claim(again, told)
    other = _claim("The Transport Ministry will hold a consultation with coach operators until the spring.",
                   {"Transport", "Ministry"})
    assert not retells_claim(other, told)


@pytest.mark.parametrize(("sentence", "subject"), [
    ("The 19-year-old was charged with dangerous driving on Sunday.", "The 19-year-old"),
    ("The 19-year-old midfielder was charged on Sunday.", "The 19-year-old"),
    ("The young goalkeeper was dropped for the final.", "The young goalkeeper"),
    ("On Sunday the 35-year-old said he would retire.", "the 35-year-old"),
    # the subject of a fronted subordinate clause points back as much as the main one
    ("Although the 21-year-old scored twice, Dunmore lost at home.", "the 21-year-old"),
    ("Even though the girl's uncle had applied, the ministry turned the family down.", "the girl"),
    ("The Kessa-born 66-year-old was arrested in 2029.", "The Kessa-born 66-year-old"),
])
def test_a_person_described_by_age_or_role_is_a_referring_subject(sentence: str, subject: str) -> None:
    ref = referring_subject(sentence)
    assert ref is not None and ref.person
    assert ref.text.startswith(subject)


def test_a_subordinate_clause_opening_on_an_age_description_is_left_out_without_its_referent() -> None:
    lead = "Although the 21-year-old scored twice in the first half, Dunmore lost 3-2 at home to Kessa on Tuesday."
    text = (f"{lead} Kessa scored three times after the break to win the group opener in front of 60,000 fans. "
            "Dunmore play Varnholt at home in their second group match in two weeks.")
    arts = [make_article("a", title="Dunmore lose group opener to Kessa", text=text, outlet="One")]
    chosen = [c.text for c, _ in select_sentences(arts, max_sentences=3, resolve_references=True)]
    assert chosen and lead not in chosen, chosen
    assert referring_subject("When it comes to pay, the union will not move before May.") is None


def test_an_age_description_resolves_to_the_person_named_before_or_not_at_all() -> None:
    ref = referring_subject("The 19-year-old was charged with dangerous driving on Sunday.")
    assert ref is not None
    assert antecedent(ref, ["Police named the driver as Callum Reid, a student from Paisley."]) == "Callum Reid"
    assert antecedent(ref, ["A car hit a lamp post in Paisley late on Saturday."]) is None


def test_he_after_a_sentence_whose_subject_is_mr_surname_is_that_person_not_the_last_name_given() -> None:
    ref = referring_subject("He said Kessa would take in refugees only from camps in the region.")
    assert ref is not None
    before = ["Mr Ortega told parliament that Kessa would help the people forced from their homes by the forces of "
              "president Tomas Brenner."]
    assert antecedent(ref, before, "He said Kessa would take in refugees only from camps in the region.") == "Mr Ortega"


@pytest.mark.skipif(references.parse("A test.") is None, reason="spaCy's English model is not installed")
def test_he_after_an_unnamed_minister_who_names_someone_else_stays_unresolved() -> None:
    ref = referring_subject("He said the talks would resume in May.")
    assert ref is not None
    assert antecedent(ref, ["The prime minister told reporters he had met Jo Reyes on Monday."],
                      "He said the talks would resume in May.") is None


def test_the_entity_recogniser_reads_a_sentence_before_only_when_it_gives_a_possible_full_name(
        monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    persons: list[tuple[str, str]] = []

    def recogniser(sentence: str) -> tuple[tuple[str, str], ...]:
        read.append(sentence)
        return tuple(persons)

    monkeypatch.setattr(references, "entities", recogniser)
    ref = referring_subject("The 19-year-old was charged with dangerous driving on Sunday.")
    assert ref is not None
    # no two capitalised words that could be a person's name: nothing for the recogniser to confirm
    assert antecedent(ref, ["A car hit a lamp post in Paisley late on Saturday.",
                            "The Montebello Health Care Center closed on Monday."]) is None
    assert read == []
    # a possible name: the recogniser still decides whether it is a person
    before = ["Police named the driver as Callum Reid, a student from Paisley."]
    assert antecedent(ref, before) is None
    assert read == before
    persons.append(("Callum Reid", "PERSON"))
    assert antecedent(ref, before) == "Callum Reid"


@pytest.mark.parametrize("sentence", [
    "It wasn't immediately clear whether the two men were part of a smuggling ring.",
    "It is only the second time Dunmore has lost to Pell in nine matches.",
    "It is not yet known how many homes lost power.",
    "It is understood that talks broke down on Sunday.",
])
def test_an_it_that_points_at_nothing_is_no_referring_subject(sentence: str) -> None:
    assert referring_subject(sentence) is None


@pytest.mark.parametrize("sentence", ["It is expected to close next spring.", "It said the plan was clear."])
def test_an_it_that_points_back_stays_a_referring_subject(sentence: str) -> None:
    ref = referring_subject(sentence)
    assert ref is not None and ref.text == "It"


def test_a_sentence_on_an_empty_it_is_never_repaired_with_a_name() -> None:
    unclear = "It wasn't immediately clear whether the driver was part of a smuggling ring or acting alone."
    text = f"Border police stopped a van carrying 40 people near Malmo on Monday. Police gave few details. {unclear}"
    arts = [make_article("a", title="Van carrying 40 people stopped near Malmo", text=text, outlet="One")]
    summary = summarize_story(arts, story_id="s1")
    assert unclear in [s.text for p in summary.paragraphs for s in p], summary  # not "[Police] wasn't ..."


def test_the_lead_chosen_over_a_reference_opener_opens_the_summary() -> None:
    opener = "The long-awaited second phase of the Leeds tram line opened on Monday with 12 new stops."
    named = "Mayor Tracy Brabin rode the first service from the city centre out to the eastern suburbs."
    text = f"{opener} Crowds gathered early. {named}"
    arts = [make_article("a", title="Leeds tram extension opens", text=text, outlet="One")]
    summary = summarize_story(arts, story_id="s1")
    sentences = [s.text for p in summary.paragraphs for s in p]
    assert sentences == [named, opener], sentences


@pytest.mark.parametrize(("sentence", "subject"), [("She's now the favourite for the world title.", "She"),
                                                   ("They're the first crew to return since the war.", "They"),
                                                   ("It's silent on the lower decks now.", "It")])
def test_a_contracted_pronoun_is_a_referring_subject_that_no_name_can_replace(sentence: str, subject: str) -> None:
    ref = referring_subject(sentence)
    assert ref is not None and ref.text == subject and ref.contracted
    assert antecedent(ref, ["Mara Quill won the Dunmore marathon on Sunday."]) is None


def test_a_sentence_opening_on_a_contracted_pronoun_is_left_out_of_the_digest() -> None:
    text = ("Mara Quill won the Dunmore marathon on Sunday in a course record of 2 hours 19 minutes and 4 seconds. "
            "She's now the favourite for the world title in Tokyo next year, according to three national coaches. "
            "More than 14,000 runners finished the race, which started in heavy rain near the harbour.")
    arts = [make_article("a", title="Quill wins Dunmore marathon in record time", text=text, outlet="One")]
    chosen = [c.text for c, _ in select_sentences(arts, max_sentences=4, resolve_references=True)]
    assert chosen and not any(s.startswith(("She", "[")) for s in chosen), chosen


def test_a_time_of_day_is_no_figure() -> None:
    assert figures_of("At around 7am the ferry left with 120 passengers; at 9:15 pm it docked.") == {"120"}
    assert figures_of("The 10 a.m. sailing was cancelled.") == frozenset()
    assert figures_of("The fare rose 10 percent to 45 euros.") == {"10", "45"}


@pytest.mark.skipif(_parser_missing(), reason="spaCy's English model is not installed")
def test_a_passive_subject_is_acted_on_and_its_agent_acts() -> None:
    passive = predications("A hiker was rescued by volunteers from a ledge above the gorge on Sunday.")
    active = predications("Volunteers rescued a hiker who had spent the night on a ledge.")
    assert {"rescu>hiker", "volunteer>rescu"} <= passive
    assert {"rescu>hiker", "volunteer>rescu"} <= active
    # a passive subject is not the one doing it: "the hiker rescued" would be another claim
    assert "hiker>rescu" not in passive


@pytest.mark.skipif(_parser_missing(), reason="spaCy's English model is not installed")
def test_verbs_are_compared_by_lemma_so_said_is_a_light_verb() -> None:
    assert not any("said" in p or "say" in p for p in predications("Officials said the bridge would reopen soon."))
    told = [_claim("Officials said the bridge over the Tarn would reopen to lorries in the spring.", {"Officials"})]
    other = _claim("Officials said a second crossing was being studied by engineers from Albi.",
                   {"Officials", "Albi"})
    assert not retells_claim(other, told)
    found = predications("Rangers found the missing climber near the summit hut.")
    assert "find>climber" in found  # "found" is "find", as "finds" and "finding" are


@pytest.mark.skipif(_parser_missing(), reason="spaCy's English model is not installed")
def test_a_pronoun_in_a_subordinate_clause_is_the_subject_of_the_clause_above() -> None:
    # "as he tried": the man found, not the officials who said so
    preds = predications("A man was found dead in a trailer, crushed by crates as he tried to cross, officials said.")
    assert "man>try" in preds and "official>try" not in preds


LARNE_LEAD = ("A 24-year-old man was found dead on Wednesday in a refrigerated trailer near the port of Larne, "
              "crushed by crates of fish as he tried to reach Scotland, police said.")
LARNE_QUOTE = ("\"At around 6am, the driver opened the doors of his trailer and found a dead man inside, crushed "
               "by the crates,\" a police spokesman in Larne said.")


@pytest.mark.skipif(_parser_missing(), reason="spaCy's English model is not installed")
def test_a_quote_telling_the_lead_again_with_a_time_of_day_is_left_out() -> None:
    text_a = (f"{LARNE_LEAD} About 400 people have tried to cross from Larne this year, according to the port "
              "authority. The harbour police have added patrols on the quays since the spring.")
    text_b = (f"{LARNE_QUOTE} The port authority said it would install scanners at the lorry park by March. "
              "Hauliers have asked the government for help with the cost of new locks.")
    arts = [make_article("a", title="Man found dead in lorry at Larne", text=text_a, outlet="One"),
            make_article("b", title="Driver finds man dead in trailer at Larne port", text=text_b, outlet="Two",
                         hour=11)]
    digest = [c.text for c, _ in select_sentences(arts, max_sentences=4, resolve_references=True)]
    assert sum(s in (LARNE_LEAD, LARNE_QUOTE) for s in digest) == 1, digest


@pytest.mark.parametrize(("sentence", "points_back"), [
    ("A Dunmore court clerk says he failed to pay the fine and was convicted in his absence.", True),
    ("On Monday, a harbour official said she had not seen the report.", True),
    ("Another witness told reporters he saw the van leave at speed.", True),
    ("Lena Ortiz said she would appeal the ruling.", False),  # a named speaker is the "she"
    ("Owners would need to have those electric bikes repaired at a dealer.", True),
    ("\"We will repair those bikes for free,\" Ortiz said.", False),  # inside a quote
    ("Those who bought a bike before May will get a voucher.", False),
    ("These days most riders charge at home.", False),
    ("Varnholt sold 900 bikes in May, and those bikes are now being recalled.", False),
    ("\"The vote will be neither free nor fair,\" he said on Monday.", True),  # only a pronoun speaks
    ("\"The vote will be neither free nor fair,\" Ortiz said, adding she would observe it.", False),
    # an abstract "the issue" after the subject: which issue?
    ("Senator Ana Ruiz, Governor Tom Reilly and Dana Rook all spoke at length on the issue.", True),
    ("The ruling ends the row.", True),
    ("Kessa raised the issue of pay at the talks in May.", False),
    ("The ruling ends the row over the Kessa bridge tolls.", False),
    ("Unions raised a pay issue and the issue will be settled in May.", False),
    ("\"We will look at the issue,\" Ruiz said.", False),
    # a singular "this" description of something an earlier sentence spoke of
    ("Baghdad said on Sunday that it was also part of this group.", True),
    ("Officials in Varnholt say this plan will cut bus fares by a third.", True),
    ("Ortiz will present the figures at a board meeting this week.", False),
    ("Kessa joined this group of ten lenders in May.", False),
    ("Ortiz set up a patients' group in 2019 and this group now has 400 members.", False),
    ("\"We will not back this plan,\" Ruiz said.", False),
])
def test_a_reference_after_the_subject_to_what_the_sentence_does_not_name(sentence: str, points_back: bool) -> None:
    assert inner_reference(sentence) is points_back


def test_an_unnamed_speakers_he_is_left_out_of_the_digest() -> None:
    clerk = "A Dunmore court clerk says he failed to respond to the ticket and paid the 280-euro fine in March."
    text = ("Tomas Brenner, 31, of Dunmore, faces 12 charges after a crash on Sunday that killed three people. "
            f"{clerk} Brenner was released on bail of 50,000 euros on Monday and will appear in court in May.")
    arts = [make_article("a", title="Driver charged after Dunmore crash kills three", text=text, outlet="One")]
    chosen = [c.text for c, _ in select_sentences(arts, max_sentences=4, resolve_references=True)]
    assert chosen and clerk not in chosen, chosen
    assert clerk in [c.text for c, _ in select_sentences(arts, max_words=200)]  # the benchmark mode keeps it


@pytest.mark.parametrize(("sentence", "subject"), [
    ("The three-time marathon record holder issued a long statement on Tuesday.",
     "The three-time marathon record holder"),
    ("The veteran comedian admitted the story was untrue.", "The veteran comedian"),
])
def test_a_person_described_by_a_role_of_up_to_three_words_is_a_referring_subject(sentence: str, subject: str) -> None:
    ref = referring_subject(sentence)
    assert ref is not None and ref.person and ref.text == subject
    assert antecedent(ref, ["Mara Quill denied cheating after the hearing in Leeds."]) == "Mara Quill"


def test_a_title_is_a_referring_subject_resolved_only_to_whom_the_article_gives_that_title() -> None:
    king = referring_subject("The king opened the new bridge at Varnholt on Monday.")
    assert king is not None and king.person and king.text == "The king"
    # the person named before is not the king unless the article says so
    assert antecedent(king, ["Mara Quill denied cheating after the hearing in Leeds."]) is None
    assert antecedent(king, ["King Oskar Varga arrived in Leeds on Sunday.", "Mara Quill met him there."]) == "Oskar Varga"


PRESIDENT = "The president had vowed that his cabinet picks would reach the Upper Chamber before the May recess."


@pytest.mark.parametrize(("before", "holder"), [
    # the sentence before names the chamber; the president is the one the article calls so
    (["Dunmore - PRESIDENT Tomas Brenner is still to name a single cabinet member, four months into his term.",
      "The Senate met on Tuesday and the Upper Chamber took no vote on the budget."], "Tomas Brenner"),
    (["Tomas Brenner, the president, has not sent his list of ministers.", "The Upper Chamber met on Tuesday."],
     "Tomas Brenner"),
    (["The list has not reached the Senate, President Brenner's office said."], "President Brenner"),
    (["US President Tomas Brenner has not sent his list."], "Tomas Brenner"),  # a country is no other title
    # another title with the same last word is another person
    (["Senate President Ana Lopes said on Tuesday that the Upper Chamber had no list."], None),
    (["The Senate President, Ana Lopes, said no list had come.", "The Upper Chamber adjourned."], None),
    (["Former president Ana Lopes said no list had come.", "The Upper Chamber adjourned."], None),
    # two presidents: unsure, so no name
    (["President Tomas Brenner met President Ana Lopes of Kessa in Dunmore.", "The Upper Chamber adjourned."], None),
])
def test_the_president_is_replaced_only_by_the_person_the_article_calls_president(before: list[str],
                                                                                  holder: str | None) -> None:
    ref = referring_subject(PRESIDENT)
    assert ref is not None and ref.person
    assert antecedent(ref, before) == holder


def test_a_qualified_title_needs_the_same_qualifier() -> None:
    ref = referring_subject("The chief executive said the plant would close in June.")
    assert ref is not None
    assert antecedent(ref, ["Harbour chief executive Lena Ortiz defended the decision."]) == "Lena Ortiz"
    assert antecedent(ref, ["Harbour finance director Lena Ortiz defended the decision."]) is None


@pytest.mark.skipif(_parser_missing(), reason="spaCy's English model is not installed")
def test_a_place_or_a_chamber_is_no_persons_name_for_he() -> None:
    he = referring_subject("He said the list would come on Friday, his spokesman told reporters.")
    assert he is not None and he.person
    assert antecedent(he, ["Reports from New York, where Brenner has been at the UN, quoted the president."]) is None
    assert antecedent(he, ["The bill was sent to the Upper Chamber on Monday."]) is None
    assert antecedent(he, ["The bill was sent to the Upper Chamber by Tomas Brenner on Monday."]) == "Tomas Brenner"


def test_a_digest_sentence_on_the_president_is_repaired_with_the_president_not_the_chamber() -> None:
    text = ("Dunmore - PRESIDENT Tomas Brenner is still to name any of his 30 cabinet members, four months into his term. "
            "Senators said on Tuesday that no letter had reached the Upper Chamber. "
            f"{PRESIDENT} "
            "Opposition senators asked the Senate President on Tuesday why no names had been read out to the 30 members.")
    pool = build_candidates([make_article("a", title="Brenner misses deadline", text=text, outlet="One")],
                            resolve_references=True)
    promised = next(c for c in pool if c.text == PRESIDENT)
    assert promised.referent == "Tomas Brenner"
    asked = next(c for c in pool if c.text.startswith("Opposition senators"))
    assert display_texts([asked, promised])[1].startswith("[Tomas Brenner] had vowed")


def test_a_cut_off_teaser_run_into_the_article_is_left_out_of_the_digest() -> None:
    glued = ("Brenner said the cabinet would be named in time for the budget debate and a vote on\u2026 "
             "Dunmore - President Tomas Brenner is still to name a single cabinet member.")
    text = (f"{glued} Brenner said the cabinet would be named in time for the budget debate and a vote on the spending "
            "plan. Senators said on Tuesday that no letter from Brenner had been read out in the chamber.")
    arts = [make_article("a", title="Brenner misses deadline for list of ministers", text=text, outlet="One")]
    chosen = [c.text for c, _ in select_sentences(arts, max_sentences=3, resolve_references=True)]
    assert chosen and glued not in chosen, chosen
    assert glued in [c.text for c, _ in select_sentences(arts, max_sentences=3)]  # the benchmark mode keeps it


def test_two_descriptions_of_one_person_are_replaced_together() -> None:
    sentence = "The marathon record holder and three-time Dunmore winner issued a long statement on Tuesday."
    ref = referring_subject(sentence)
    assert ref is not None and ref.person
    assert substitute(sentence, ref, "Mara Quill") == "[Mara Quill] issued a long statement on Tuesday."
    # "and its founder" is a second subject, not a second description of the first
    ref = referring_subject("The company and its founder were fined on Monday.")
    assert ref is not None and ref.text == "The company"


@pytest.mark.skipif(_parser_missing(), reason="spaCy's English model is not installed")
def test_one_named_party_acting_on_another_is_one_claim_whatever_the_verb() -> None:
    told = [_claim("Lena Varga has stunned top seed Mara Quill in Dunmore to reach her first final.",
                   {"Lena", "Varga", "Mara", "Quill", "Dunmore"})]
    # another outlet's lead: the same defeat, told with a passive and the score line
    again = _claim("Quill suffered her earliest exit in four years as she was beaten 6-4 3-6 7-5 by Varga in the "
                   "quarterfinal at Dunmore.", {"Quill", "Varga", "Dunmore"})
    assert retells_claim(again, told)
    # the same two parties in another relation is not one claim
    other = _claim("Quill had beaten Varga in all five of their earlier meetings.", {"Quill", "Varga"})
    assert not retells_claim(other, told)


def test_a_title_is_linked_to_the_name_an_article_gives_its_holder() -> None:
    from newsbrief.summarize.claims import speaker_aliases

    assert speaker_aliases([["Harbour plan debate", "First Minister Orla Dempsey opened the debate on Monday."]]) \
        == {"first minister": "dempsey"}
    assert speaker_aliases([["Harbour vote", "Orla Dempsey, Varnholt's first minister, spoke on Monday."]]) \
        == {"first minister": "dempsey"}
    # a lead quoting the title, and the next sentence naming the speaker
    lead = ["Dempsey: no vote this year", "A vote this year would be wrong, Varnholt's First Minister has insisted.",
            "Orla Dempsey said the port would stay in public hands."]
    assert speaker_aliases([lead]) == {"first minister": "dempsey"}
    # one title given to two people links neither
    assert speaker_aliases([["x", "First Minister Orla Dempsey spoke."], ["y", "First Minister Tom Reilly spoke."]]) == {}


@pytest.mark.skipif(_parser_missing(), reason="spaCy's English model is not installed")
def test_one_speaker_by_title_and_by_name_saying_the_same_is_one_claim() -> None:
    told = [_claim("Ruling out a fresh vote on the harbour plan for good would be \"wrong\", Varnholt's First Minister "
                   "has insisted.", {"Varnholt", "First", "Minister"})]
    again = _claim("Orla Dempsey said ruling out another referendum on the harbour plan for good would be wrong but she "
                   "indicated that a second vote would not come soon.", {"Orla", "Dempsey"})
    aliases = {"first minister": "dempsey"}
    assert retells_claim(again, told, aliases)
    assert not retells_claim(again, told, {})  # without the link, two speakers
    other = _claim("Orla Dempsey said the harbour plan would cost more than the bridge and take longer to build.",
                   {"Orla", "Dempsey"})
    assert not retells_claim(other, told, aliases)  # the same speaker saying something else


@pytest.mark.skipif(_parser_missing(), reason="spaCy's English model is not installed")
def test_the_title_speakers_second_outlet_lead_is_left_out_of_the_digest() -> None:
    first = ("Ruling out a fresh vote on the harbour plan for good would be \"wrong\", Varnholt's First Minister has "
             "insisted.")
    second = ("Orla Dempsey said ruling out another referendum on the harbour plan for good would be wrong but she "
              "indicated that a second vote would not come soon.")
    arts = [make_article("a", title="Dempsey: wrong to rule out harbour vote", outlet="One", text=(
                f"{first} Orla Dempsey said she respected the result of the 2025 vote, which kept the port public. "
                "The harbour board will meet on December 9 to set a timetable for the 40 million euro works.")),
            make_article("b", title="No shortcut on harbour plan, Dempsey warns", outlet="Two", text=(
                f"{second} Turnout in the 2025 vote was 71% across the 12 harbour wards. "
                "Opposition leader Tom Reilly said the harbour plan had been settled for a generation."))]
    texts = [s.text for p in summarize_story(arts, story_id="s1").paragraphs for s in p]
    assert sum(t in (first, second) for t in texts) == 1, texts


@pytest.mark.parametrize(("sentence", "described"), [
    ("The new claims for serious injuries follow this week's ruling that the maker must pay $9 million.", "claims"),
    ("These measures come after months of talks between the two unions.", "measures"),
    ("The police said the road would reopen on Monday.", None),
    ("The company said it would appeal the ruling.", None),  # an actor: referring_subject's
    ("The second phase of the Leeds tram line opened on Monday.", None),  # names what it is
    ("The European Commission said it would appeal.", None),
    ("The maintainers of TallowDB, the open-source database, have released the first beta.", None),
    ("The headline number from Thanksgiving looks healthy at 6 billion dollars.", None),
    ("The attackers who encrypted Freightlane's booking platform got in through a VPN.", None),
    ("Among the wilder rumours shared online were that the drill would end in martial law.", "rumours"),
    ("Among the injured were three firefighters, officials said.", None),  # an adjective: the injured
    # a description naming what it is by a preposition and a name
    ("The earthquake off Veloria killed eight people.", None),
    ("The strike by Kessa's dockers closed the port.", None),
    # the subject of a reported clause: the speaker is named, the thing spoken of is not
    ("Harbour police say the stabbing was revenge for a feud between two Dunmore families.", "stabbing"),
    ("Varnholt officials said the six-truck convoy had crossed into a closed military zone.", "convoy"),
    ("The ferry left two hours late, the harbour master said.", "ferry"),  # the quoted clause before its speaker
    ("Analysts said the company would appeal.", None),  # an actor: antecedent's
    ("Analysts estimate the project will cost as much as $9 billion.", None),  # what the story is about
    ("Officials said the decision to close the Dunmore plant was final.", None),  # its words after say which
    ("The minister said the economy would grow by 3%.", None),  # one referent anywhere
])
@pytest.mark.skipif(_parser_missing(), reason="spaCy's English model is not installed")
def test_a_definite_description_of_a_thing_as_subject(sentence: str, described: str | None) -> None:
    from newsbrief.summarize.references import described_subject

    found = described_subject(sentence)
    assert (found[1] if found else None) == described


@pytest.mark.skipif(_parser_missing(), reason="spaCy's English model is not installed")
def test_a_description_the_summary_never_introduced_is_left_out() -> None:
    dangling = ("The new claims for serious injuries and wrongful death follow this week's ruling that Korvath Motors "
                "must pay a $90 million fine.")
    text = ("The Alder Law Group represents hundreds of drivers and their families in lawsuits against Korvath Motors "
            "in Dunmore courts. "
            f"{dangling} "
            "Korvath Motors recalled 2.6 million cars in 2024 over faulty brake sensors fitted from 2019.")
    arts = [make_article("a", title="Alder Law Group files 90 new Korvath brake claims", text=text, outlet="One")]
    texts = [s.text for p in summarize_story(arts, story_id="s1").paragraphs for s in p]
    assert texts and dangling not in texts, texts
    # once a sentence speaks of the claims, the description may be used, after that sentence
    intro = "The Alder Law Group filed 90 new claims against Korvath Motors in Dunmore on Thursday."
    arts = [make_article("a", title="Alder Law Group files 90 new Korvath brake claims", outlet="One",
                         text=text.replace("The Alder Law Group represents", f"{intro} The group represents"))]
    pool = build_candidates(arts, resolve_references=True)
    first = next(c for c in pool if c.text == intro)
    later = next(c for c in pool if c.text == dangling)
    assert _unsupported_description(later, set(), pool) is None
    assert _unsupported_description(later, set(first.tokens), pool) is later
    assert [c.text for c, _ in _after_supporters([(later, ()), (first, ())])] == [intro, dangling]
    assert _after_supporters([(later, ())]) == []


@pytest.mark.skipif(_parser_missing(), reason="spaCy's English model is not installed")
def test_a_reported_description_follows_the_sentence_that_introduces_it() -> None:
    lead = "Troops fired on a tourist convoy in Varnholt's western desert on Sunday, killing eight visitors from Kessa."
    reported = "Varnholt's interior ministry says the convoy had entered a closed military zone without a permit."
    arts = [make_article("a", title="Varnholt troops kill eight Kessan tourists", outlet="One", text=(
                f"{reported} Kessa's foreign minister flew to the capital on Monday to meet the wounded. {lead}"))]
    pool = build_candidates(arts, resolve_references=True)
    first = next(c for c in pool if c.text == lead)
    later = next(c for c in pool if c.text == reported)
    assert _unsupported_description(later, set(), pool) is None
    assert _unsupported_description(later, set(first.tokens), pool) is later
    texts = [s.text for p in summarize_story(arts, story_id="s1").paragraphs for s in p]
    assert reported not in texts or texts.index(lead) < texts.index(reported), texts


@pytest.mark.parametrize(("noun", "told", "introduced"), [
    ("wreck", "crashed", True), ("accident", "crash", True), ("failure", "outage", True),
    ("killing", "murder", True), ("wreck", "fire", False), ("failure", "crash", False),
])
def test_words_for_one_happening_introduce_each_other(noun: str, told: str, introduced: bool) -> None:
    from newsbrief.summarize.extractive import _stem, noun_told

    assert noun_told(_stem(noun), {_stem(told)}) is introduced


@pytest.mark.skipif(_parser_missing(), reason="spaCy's English model is not installed")
def test_a_description_told_by_another_word_for_the_same_thing_is_introduced() -> None:
    lead = ("Governor Ana Ruiz said on Wednesday she would ask for federal help with the wildfire in the Harwick hills "
            "that has destroyed at least 400 homes.")
    blaze = "The blaze broke out on Saturday and raced through three villages north of Dunmore's vineyards."
    arts = [make_article("a", title="Governor to seek federal help over Harwick wildfire", text=f"{lead} {blaze}",
                         outlet="One")]
    texts = [s.text for p in summarize_story(arts, story_id="s1").paragraphs for s in p]
    assert texts == [lead, blaze]
    # no word for the fire before it: the blaze is still nobody's
    pool = build_candidates(arts, resolve_references=True)
    later = next(c for c in pool if c.text == blaze)
    assert _unsupported_description(later, {"governor", "home"}, pool) is None
    assert _after_supporters([(later, ())]) == []


@pytest.mark.skipif(_parser_missing(), reason="spaCy's English model is not installed")
def test_an_among_the_opening_with_nothing_before_it_is_left_out() -> None:
    dangling = "Among the wilder rumours shared online were that the drill would end in martial law across the state."
    text = (f"{dangling} The Harwick National Guard was ordered to watch the eight-week drill near Dunmore. "
            "The drill ended on Tuesday without any arrests, a spokesman for the Guard said.")
    arts = [make_article("a", title="Harwick drill ends without incident", text=text, outlet="One")]
    texts = [s.text for p in summarize_story(arts, story_id="s1").paragraphs for s in p]
    assert texts and dangling not in texts, texts


@pytest.mark.skipif(_parser_missing(), reason="spaCy's English model is not installed")
def test_a_title_description_gets_the_name_the_article_gives() -> None:
    text = ("Pope Ambrose arrived in Dunmore on Friday for a three-day visit. "
            "Foreign minister Tom Reilly said the Dunmore government was unlikely to change its border policy in 2027. "
            "The pope will spend four days in Varnholt before flying on to Portmere on Tuesday.")
    pool = build_candidates([make_article("a", title="Pope begins Dunmore visit", text=text, outlet="One")],
                            resolve_references=True)
    reilly = next(c for c in pool if c.text.startswith("Foreign minister"))
    pope = _unsupported_description(next(c for c in pool if "four days in Varnholt" in c.text), set(reilly.tokens), pool)
    assert pope is not None and pope.referent == "Pope Ambrose"
    # after a sentence about someone else, the name goes in; after one about the pope, the description stays
    assert display_texts([reilly, pope])[1].startswith("[Pope Ambrose] will spend four days")
    opener = next(c for c in pool if c.text.startswith("Pope Ambrose arrived"))
    assert display_texts([opener, pope])[1].startswith("The pope will spend")


def test_a_person_met_by_honorific_and_surname_gets_the_full_name_of_the_article() -> None:
    from newsbrief.summarize.references import full_names

    article = "Dana Rook, 26, died in March. Ms. Rook lost control of her car on the Dunmore bridge."
    assert full_names("Ms. Rook lost control of her car on the Dunmore bridge.", article) == (("Ms. Rook", "Dana Rook"),)
    assert full_names("Mr. Rook said the car was new.", "Tom Rook and Ben Rook drove. Mr. Rook said the car was new.") == ()
    text = ("Korvath Motors recalled 2.6 million cars in 2024 over faulty brake sensors fitted from 2019. "
            "The Alder Law Group said on Thursday it had filed claims for the family of Dana Rook, 26, of Dunmore. "
            "Ms. Rook lost control of her 2019 Korvath Vela on the Dunmore bridge on February 15, the filing says.")
    pool = build_candidates([make_article("a", title="Korvath brake claims", text=text, outlet="One")],
                            resolve_references=True)
    chosen = [c for c in pool if c.index >= 0]
    rook = next(c for c in chosen if "lost control" in c.text)

    first = next(c for c in chosen if c.text.startswith("Korvath Motors recalled"))
    assert display_texts([first, rook])[1].startswith("[Dana Rook] lost control of her 2019 Korvath Vela")
    named = next(c for c in chosen if c.text.startswith("The Alder Law Group said"))
    assert display_texts([named, rook])[1].startswith("Ms. Rook lost control")


def test_a_sentence_opening_on_a_bare_surname_gets_the_full_name_its_article_gave_before() -> None:
    from newsbrief.summarize.references import full_names

    article = ("A judge let the state join a student's lawsuit against Harwick College. The state filed to intervene in "
               "Mara Quillon's lawsuit. Quillon, of Dunmore, sued the college in January 2024.")
    assert full_names("Quillon, of Dunmore, sued the college in January 2024.", article) == (("Quillon", "Mara Quillon"),)
    # named in full only after the sentence, or only as part of a longer name: left as it is
    # a long aside between the surname and its verb ("Quillon, who ... school, said")
    long_aside = ("Quillon, who had run the robotics club at her old school and hoped to find one like it at Harwick, "
                  "said the college never answered her.")
    assert full_names(long_aside, f"{article} {long_aside}") == (("Quillon", "Mara Quillon"),)
    assert full_names("Quillon sued the college.", "Quillon sued the college. Mara Quillon is 20.") == ()
    # a person called by surname after a lower-case word ("assured Quillon") gets the full name given before, when the
    # recogniser reads it as a person's in the sentence that gives it (checked only for a sentence the summary shows)
    from newsbrief.summarize.extractive import display_texts
    from newsbrief.summarize.references import later_names, read_as_person

    student = "The student, Mara Quillon, sued the college in January."
    later = "The dean assured Quillon that the college would review the case."
    assert later_names(later, f"{student} {later}", [student]) == (("Quillon", "Mara Quillon", student),)
    assert read_as_person("Mara Quillon", student)
    shown = [c for c in build_candidates([make_article("q", title="Student sues college", text=f"{student} {later}",
                                                       outlet="One")], resolve_references=True) if c.index >= 0]
    assert display_texts(shown[1:]) == ["The dean assured [Mara Quillon] that the college would review the case."]
    assert display_texts(shown) == [student, later]  # named just before: left as it is
    # not the surname of a longer name written out ("met Mara Quillon"), nor a place the text does not call a person
    assert later_names("The dean met Mara Quillon on Friday.", f"{student} The dean met Mara Quillon on Friday.",
                       [student]) == ()
    assert not read_as_person("New York", "The New York office shut.")
    pool = build_candidates([make_article("a", title="State joins student's suit", text=article, outlet="One")],
                            resolve_references=True)
    first = next(c for c in pool if c.text.startswith("A judge let"))
    sued = next(c for c in pool if c.text.startswith("Quillon, of Dunmore"))
    assert display_texts([first, sued])[1] == "[Mara Quillon], of Dunmore, sued the college in January 2024."


def test_his_after_a_sentence_about_a_person_called_by_surname_alone_is_unresolved() -> None:
    ref = referring_subject("After 40 years, his daughter says the fire was no accident.")
    assert ref is not None
    before = ["Former mayor Ivo Tamsin Drell died in a fire at his farm in 1981.",
              "Council member Petra Drell, the late mayor's daughter, asked for an inquiry.",
              "Drell died after he signed a water deal with Governor Anton Vasko that ended the dispute.",
              "His death was blamed on a faulty stove."]
    # "his" is Drell's, not the governor's, whom the sentence names last; Drell is also his daughter's name
    assert antecedent(ref, before, "After 40 years, his daughter says the fire was no accident.") is None
    assert antecedent(ref, ["Governor Anton Vasko signed a water deal on Monday."]) == "Governor Anton Vasko"


@pytest.mark.skipif(_parser_missing(), reason="spaCy's English model is not installed")
def test_a_first_name_alone_gets_the_full_name_its_article_gave_before() -> None:
    from newsbrief.summarize.references import full_names

    article = ("Painter Teodor Halvik was in Dunmore on the day of the flood. Teodor was showing his work in a gallery "
               "near the harbour with two friends.")
    assert full_names("Teodor was showing his work in a gallery near the harbour with two friends.", article) == (
        ("Teodor", "Teodor Halvik"),)
    # a first name the article gives with two surnames is left as it is
    two = "Teodor Halvik and Teodor Brask met. Teodor was showing his work in a gallery near the harbour."
    assert full_names("Teodor was showing his work in a gallery near the harbour.", two) == ()


@pytest.mark.skipif(_parser_missing(), reason="spaCy's English model is not installed")
def test_a_person_named_by_one_name_the_article_never_gives_in_full_does_not_lead() -> None:
    from newsbrief.summarize.references import bare_person

    text = ("Vasko met with the mayors of Dunmore and Tallbrook on Monday to agree a plan for the flooded valley. "
            "The two towns will share the cost of new flood walls, the mayors said after the meeting.")
    assert bare_person(text.split(". ")[0] + ".", text) == "Vasko"
    # named in the story's headline, written in lower case, or given in full: the reader has met it
    assert bare_person("Vasko met with the mayors.", text, headlined=frozenset({"Vasko"})) is None
    assert bare_person("Vasko met with the mayors.", "Governor Anton Vasko spoke. Vasko met with the mayors.") is None
    arts = [make_article("a", title="Two towns to share the cost of flood walls", text=text, outlet="One")]
    texts = [s.text for p in summarize_story(arts, story_id="s1").paragraphs for s in p]
    assert texts and not texts[0].startswith("Vasko"), texts
    # the one-word subject after "Although" or an opening phrase counts as well
    assert bare_person("Although Vasko claims the walls will hold, engineers disagree.", text) == "Vasko"
    assert bare_person("On Monday, after weeks of talks, Vasko agreed to pay for the walls.", text) == "Vasko"
    assert bare_person("On Monday, Tallbrook council voted to pay for the walls.", text) is None


def test_an_acronym_the_reader_has_not_met_needs_a_sentence_giving_it_first() -> None:
    text = ("Two blasts injured six soldiers of a peacekeeping force in the Dunmore hills on Thursday, officials said. "
            "The HKFO was set up under the 1981 border treaty and keeps 900 soldiers in the hills.")
    arts = [make_article("a", title="Blasts injure six peacekeepers in the Dunmore hills", text=text, outlet="One")]
    opening = next(c for c in build_candidates(arts, resolve_references=True) if c.text.startswith("The HKFO"))
    assert opening.needs_intro == {"HKFO"}
    # named in a title of the story, or used by two of its articles: the reader has met it or will know it
    titled = [make_article("a", title="Blasts injure six HKFO peacekeepers", text=text, outlet="One")]
    again = arts + [make_article("b", title="Peacekeepers hurt", text="The HKFO said six soldiers were hurt.", outlet="Two")]
    for pool in (build_candidates(titled, resolve_references=True), build_candidates(again, resolve_references=True)):
        assert not next(c for c in pool if c.text.startswith("The HKFO was")).needs_intro
    # a common acronym ("The EU") is known
    eu = [make_article("a", title="Fishing quotas cut", text="The EU cut fishing quotas for the Dunmore fleet on Monday.")]
    assert not next(c for c in build_candidates(eu, resolve_references=True) if c.index >= 0).needs_intro


def test_it_after_a_sentence_introducing_another_named_thing_is_unresolved() -> None:
    ref = referring_subject("It is big, with 70 billion parameters, so few will run it at home.")
    assert ref is not None
    # the lab or the model? no name is put in
    assert antecedent(ref, ["Small lab Kestrel AI just released a new model, Kestrel-3, for anyone to use."]) is None
    assert antecedent(ref, ["Kestrel AI released its model on Friday."]) == "Kestrel AI"


@pytest.mark.skipif(_parser_missing(), reason="spaCy's English model is not installed")
def test_the_same_amount_with_the_same_verb_is_one_claim() -> None:
    told = [_claim("The investment values the startup at 310 million euros, a person familiar with it said.",
                   set())]
    again = _claim("The deal values the company at 310 million euros, making it one of the most valuable startups in "
                   "its field.", set())
    assert retells_claim(again, told)
    other = _claim("The company employs 310 people across its offices.", set())
    assert not retells_claim(other, told)  # the same number, another verb


TUNNEL_LEAD = ("A goods train killed a Varnish man inside the Kessa rail tunnel on Monday, police said, in the third "
               "such death at the crossing since June.")
TUNNEL_QUOTE = ("\"Shortly after 2 a.m., a 24-year-old Varnish man was struck by a goods train near the pumping station "
                "inside the Kessa rail tunnel,\" police spokeswoman Ana Ruiz told reporters.")


@pytest.mark.skipif(_parser_missing(), reason="spaCy's English model is not installed")
def test_the_event_core_leaves_out_the_speaker_the_hour_the_age_and_a_label_after_a_name() -> None:
    from newsbrief.summarize.claims import event_core

    found = event_core(TUNNEL_QUOTE)
    assert found is not None
    doers, core = found
    assert doers == {"train"}
    assert "struck by a goods train" in core and "Ruiz" not in core and "2 a.m." not in core and "24" not in core
    found = event_core("Ortiz, LNP, Kessa North, raised a point of order to ask why the Speaker had not read the letter.")
    assert found is not None and found[1].startswith("Ortiz raised a point of order") and "LNP" not in found[1]


def _own_article_pool(text: str) -> list:  # type: ignore[type-arg]
    return build_candidates([make_article("a", title="Man killed by train in Kessa tunnel", text=text, outlet="One")],
                            resolve_references=True)


@pytest.mark.skipif(_parser_missing(), reason="spaCy's English model is not installed")
def test_an_article_restating_its_own_lead_with_an_hour_and_an_age_is_a_retelling() -> None:
    from newsbrief.cluster.embed import load_embedder
    from newsbrief.summarize.extractive import DEFAULT_PARAMS, _restates_own_article

    embedder = load_embedder(prefer="auto")
    if not embedder.name.startswith("minilm"):
        pytest.skip("the bundled MiniLM model is not installed")
    consequence = "Rail traffic through the Kessa tunnel was halted for six hours while police searched the line."
    new_act = "The goods train's driver stopped at the next signal and called the rail police."
    text = f"{TUNNEL_LEAD} {consequence} {new_act} {TUNNEL_QUOTE}"
    pool = _own_article_pool(text)
    lead, quote = (next(c for c in pool if c.text == s) for s in (TUNNEL_LEAD, TUNNEL_QUOTE))
    assert _restates_own_article(quote, [lead], embedder, DEFAULT_PARAMS)
    # a consequence, a new act: not retellings
    for other in (consequence, new_act):
        cand = next(c for c in pool if c.text == other)
        assert not _restates_own_article(cand, [lead], embedder, DEFAULT_PARAMS), other
    # another outlet's sentence is for the other retelling checks, not this one
    other_pool = build_candidates([make_article("b", title="Train kills man", text=TUNNEL_QUOTE, outlet="Two")],
                                  resolve_references=True)
    assert not _restates_own_article(other_pool[-1], [lead], embedder, DEFAULT_PARAMS)
    chosen = [c.text for c, _ in select_sentences([make_article("a", title="Man killed by train in Kessa tunnel",
                                                                text=text, outlet="One")],
                                                  max_sentences=4, resolve_references=True, embedder=embedder)]
    assert TUNNEL_LEAD in chosen and TUNNEL_QUOTE not in chosen, chosen


@pytest.mark.skipif(_parser_missing(), reason="spaCy's English model is not installed")
def test_an_articles_later_sentence_with_a_new_figure_or_name_is_no_retelling() -> None:
    from newsbrief.cluster.embed import load_embedder
    from newsbrief.summarize.extractive import DEFAULT_PARAMS, _restates_own_article

    embedder = load_embedder(prefer="auto")
    if not embedder.name.startswith("minilm"):
        pytest.skip("the bundled MiniLM model is not installed")
    lead = ("Carmaker Harbin Motors recalled some of its new Vela vans on Monday to fix a brake fault that could cause "
            "a crash.")
    count = ("The carmaker recalled nearly 41,000 Vela vans, model year 2026, that might be affected in Europe, most of "
             "them in Varnholt.")
    asked = ("Ortiz, citing weeks of press reports on the delay, demanded that the Speaker explain why she was "
             "sitting on the cabinet names President Brenner had sent her.")
    point = ("Ortiz, LNP, Kessa North, used a point of order to ask why the Speaker had not told the house of the "
             "president's cabinet names.")
    pool = build_candidates([make_article("a", title="Harbin recalls Vela vans", text=f"{lead} {count}", outlet="One"),
                             make_article("b", title="Speaker asked about missing list", text=f"{point} {asked}",
                                          outlet="Two")], resolve_references=True)
    get = {c.text: c for c in pool}
    assert not _restates_own_article(get[count], [get[lead]], embedder, DEFAULT_PARAMS)  # a new count
    assert _restates_own_article(get[point], [get[asked]], embedder, DEFAULT_PARAMS)  # the same question, earlier


@pytest.mark.parametrize("sentence", [
    "That's on top of the $40 million the province pledged for flood relief in the spring.",
    "Thus is a plain case of double standards by the board, the statement went on.",
    "Thus the council has no choice but to raise the levy again next year.",
    "Instead, the ferry company will refund every ticket sold for the weekend sailings.",
])
def test_a_sentence_pointing_back_neither_stands_alone_nor_opens_a_summary(sentence: str) -> None:
    from newsbrief.summarize.references import opens_on_reference
    from newsbrief.summarize.sentences import is_standalone

    assert not is_standalone(sentence)
    assert opens_on_reference(sentence)


def test_a_summary_does_not_open_on_that_s_in_addition_to() -> None:
    pledge = ("Development minister Carla Moss said on Saturday that Ottawa will match donations to the Lake Region "
              "Relief Fund up to $80 million.")
    addition = "That's in addition to $215 million in aid Ottawa has already sent to the region since the floods began."
    crowd = "Donors gave more than $3 million to the fund in the first week after the levee broke near Dorval."
    text = f"{addition} {crowd} {pledge}"
    arts = [make_article("a", title="Ottawa to match flood relief donations", text=text, outlet="One")]
    summary = summarize_story(arts, story_id="s1")
    sentences = [s.text for p in summary.paragraphs for s in p]
    assert sentences and not sentences[0].startswith("That"), sentences


def test_a_teaser_tail_run_into_a_sentence_is_not_a_candidate() -> None:
    teaser = ("The celebrated thriller writer died that day at… …read more Source:: Books Related PostsAuthor Signs "
              "New Deal With Publisher.")
    fact = "Novelist Dora Vale, whose 20 thrillers sold 90 million copies, died in Bath on Sunday aged 81."
    family = "Her family said Vale had been treated for heart disease for several years before her death at home."
    arts = [make_article("a", title="Thriller writer Dora Vale dies at 81", text=f"{teaser}\n\n{fact} {family}",
                         outlet="One")]
    cands = {c.text: c.eligible for c in build_candidates(arts, resolve_references=True) if c.index >= 0}
    assert [ok for text, ok in cands.items() if "read more" in text] == [False], cands
    assert cands[fact] and cands[family], cands


def test_a_sentence_the_feed_cut_off_at_its_end_is_not_a_candidate() -> None:
    cut = "Traders in Portsea call it a slump once the index, or even one share, has lost a fifth of its value since..."
    whole = "The Harbour index lost 212 points on Tuesday, leaving it 9.4 percent under its record high."
    arts = [make_article("a", title="Harbour index enters correction", text=f"{whole}\n\n{cut}", outlet="One")]
    cands = {c.text: c.eligible for c in build_candidates(arts, resolve_references=True) if c.index >= 0}
    assert cands == {whole: True, cut: False}, cands


def test_a_sentence_cut_off_before_a_spaced_ellipsis_is_not_a_candidate() -> None:
    # a feed's body that stops mid-sentence, with a space before its ellipsis
    cut = ("Elder Tomas Vey, who had opposed both the council and the rebels, was killed by the second blast on the "
           "outskirts of Halden, the ...")
    whole = "Two car bombs killed at least 37 people in and around Halden late on Friday, a monitoring group said."
    arts = [make_article("a", title="Car bombs kill 37 in Halden", text=f"{whole}\n\n{cut}", outlet="One")]
    cands = {c.text: c.eligible for c in build_candidates(arts, resolve_references=True) if c.index >= 0}
    assert cands[whole] and not cands[cut], cands


def test_an_announcement_is_left_out_once_a_later_report_tells_the_act() -> None:
    if _parser_missing():
        pytest.skip("spaCy's English parser is not installed (pip install '.[nlp]')")
    preview = "Marta Quill, who won the party vote on Friday, is expected to make a brief appearance."
    crowd = "Organisers said buses had brought marchers from Leith, Perth and Inverness since early morning."
    done = ("Marta Quill has addressed thousands of people at a march through Dunmore supporting the rights of "
            "seasonal workers in her first act as Green Party leader.")
    pay = "The marchers want the minimum wage for seasonal farm work raised to 14 pounds an hour by next spring."
    arts = [make_article("a", title="Thousands march through Dunmore", text=f"{preview} {crowd}", outlet="One", hour=9),
            make_article("b", title="Quill addresses Dunmore march", text=f"{done} {pay}", outlet="Two", hour=15)]
    chosen = [c.text for c, _ in select_sentences(arts, max_sentences=4, resolve_references=True)]
    assert done in chosen and preview not in chosen, chosen


def test_a_date_added_to_a_told_event_is_no_new_fact() -> None:
    from newsbrief.cluster.embed import load_embedder

    embedder = load_embedder(prefer="auto")
    if not embedder.name.startswith("minilm"):
        pytest.skip("the bundled MiniLM model is not installed")
    lead = ("The Kestrel Party on Sunday questioned mayor Ana Ruiz's trip to Geneva to attend the Habitat Forum "
            "summit of city leaders.")
    again = "According to reports, Ruiz is all set to attend the Habitat Forum summit in Geneva starting October 4."
    quote = '"The city pays for this trip while the buses stand idle," Kestrel Party leader Tom Vale told reporters.'
    budget = "The city council cut the transport budget by 12 million euros in March, closing three night bus lines."
    arts = [make_article("a", title="Kestrel Party questions mayor's Geneva trip",
                         text=f"{lead} {quote} {budget} {again}", outlet="One")]
    chosen = [c.text for c, _ in select_sentences(arts, max_sentences=4, resolve_references=True, embedder=embedder)]
    assert lead in chosen and again not in chosen, chosen


def test_he_is_never_the_person_his_own_sentence_names() -> None:
    sentence = ("He brought the retired Varnish leader a collection of sermons by Brenner's former teacher, "
                "the Rev. Ana Lopes.")
    ref = referring_subject(sentence)
    assert ref is not None and ref.person
    before = ["The gifts of the pope for Tomas Brenner were raising some eyebrows on Sunday."]
    assert antecedent(ref, before) == "Tomas Brenner"  # the sentence unknown: the last person named
    assert antecedent(ref, before, sentence) is None  # "he" brought Brenner's teacher's sermons: not Brenner


def test_a_possessive_after_a_final_s_still_names_the_person() -> None:
    sentence = "He brought the retired leader a collection of sermons and two recordings of a priest speaking."
    ref = referring_subject(sentence)
    assert ref is not None
    assert antecedent(ref, ["Pope Ambrose' gifts for Tomas Brenner are raising some eyebrows."], sentence) == \
        "Pope Ambrose"


def test_the_whole_quotation_after_its_quoted_gist_is_a_retelling() -> None:
    from newsbrief.cluster.embed import load_embedder
    from newsbrief.summarize.extractive import _quotes_again

    gist = ("Bishop Ana Ruiz prayed for the talks between the Varnish government and the rebels, saying that "
            "\"another collapse\" was not an option.")
    full = ("\"We do not have the right to allow ourselves yet another collapse on this road to peace,\" she said "
            "after the Sunday Mass in Dorval Square.")
    toll = "More than 40,000 people have died in the 30-year conflict, according to the United Nations."
    talks = "The talks in Lisbon began three years ago and have missed two deadlines for a final deal since March."
    pool = build_candidates([make_article("a", text=f"{gist} {full} {toll}")], resolve_references=True)
    by_text = {c.text: c for c in pool}
    assert _quotes_again(by_text[full], [by_text[gist]]) and _quotes_again(by_text[gist], [by_text[full]])
    assert not _quotes_again(by_text[toll], [by_text[gist]])
    embedder = load_embedder(prefer="auto")
    arts = [make_article("a", title="Bishop urges Varnish peace talks not to fail",
                         text=f"{gist} {toll} {talks} {full}", outlet="One")]
    chosen = [c.text for c, _ in select_sentences(arts, max_sentences=4, resolve_references=True, embedder=embedder)]
    assert gist in chosen and full not in chosen, chosen


def test_the_subject_of_an_announcement_is_read_from_the_passive() -> None:
    if _parser_missing():
        pytest.skip("spaCy's English parser is not installed (pip install '.[nlp]')")
    from newsbrief.summarize.claims import doers_of, subjects_of

    preview = "Marta Quill, the new leader of the Green Party, is expected to make an appearance."
    assert subjects_of(preview) == {"quill"}
    assert "quill" not in doers_of(preview)  # the passive subject is no doer: the announcement check reads subjects


def test_a_line_that_ends_no_sentence_is_not_a_candidate() -> None:
    text = ("The Harbour Party wants to cut the ferry fare by 7% for families on low incomes.\n"
            "Harbour Party (fare cap): 2,146 families (up 1,700)\n"
            "The council will review the night bus timetable before the winter.")
    cands = {c.text: c.eligible for c in build_candidates([make_article("a", text=text)], resolve_references=True)
             if c.index >= 0}
    assert cands == {"The Harbour Party wants to cut the ferry fare by 7% for families on low incomes.": True,
                     "Harbour Party (fare cap): 2,146 families (up 1,700)": False,
                     "The council will review the night bus timetable before the winter.": True}, cands


def test_a_street_is_no_one_he_could_be() -> None:
    sentence = "He then attacked the student with a hammer and hid her body at the farm."
    ref = referring_subject(sentence)
    assert ref is not None
    assert antecedent(ref, ["The attack happened in a flat on Gordon Way in the west of Tallbrook."], sentence) is None


def test_the_day_numbers_of_dates_and_not_of_names_or_years() -> None:
    from newsbrief.summarize.extractive import _date_numbers

    assert _date_numbers("starting September 27, on 4 May, on Mar. 3, at Marlow 4, in May 2015") == {"27", "4", "3"}


@pytest.mark.skipif(_parser_missing(), reason="spaCy's English model is not installed")
def test_a_title_case_headline_gives_no_name_for_a_description() -> None:
    text = ("Heninger Ward would like to help owners of Korvath diesel cars in every state. "
            "The class action lawsuit accuses Korvath of false advertising and breach of warranty.")
    title = "Dunmore Man Files Class Action Lawsuit Amid Korvath Emissions Scandal"
    pool = build_candidates([make_article("a", title=title, text=text, outlet="One")], resolve_references=True)
    suit = next(c for c in pool if c.text.startswith("The class action lawsuit"))
    assert _unsupported_description(suit, set(), pool) is None  # not "[Lawsuit Amid Korvath Emissions Scandal]"
    # a headline in sentence case still names the pope
    text = "Pope Ambrose arrived in Dunmore on Friday. The pope will spend four days in Varnholt after that."
    pool = build_candidates([make_article("b", title="Pope Ambrose begins his visit to Dunmore", text=text,
                                          outlet="One")], resolve_references=True)
    pope = next(c for c in pool if c.text.startswith("The pope will"))
    fixed = _unsupported_description(pope, set(), pool)
    assert fixed is not None and fixed.referent == "Pope Ambrose"


def test_a_possessive_description_points_back_like_a_subject() -> None:
    sentence = "For Ana Ruiz, the city's turnout for her visit in August was a sign of a thirst for change."
    ref = referring_subject(sentence)
    assert ref is not None and ref.text == "the city" and not ref.person
    assert referring_subject("The company's shares rose 5% on Monday after the ruling.") is not None
    assert referring_subject("The city of Leeds voted on Monday to close the depot.") is None
    # nothing before it says the city is Plymouth rather than Brighton: left out of the digest
    text = ("Ana Ruiz spoke at the conference in Brighton on Sunday to 3,000 members of the party. "
            f"{sentence} Ruiz will address the party again on Tuesday, her aides said.")
    arts = [make_article("a", title="Ruiz speaks at Brighton conference", text=text, outlet="One")]
    texts = [s.text for p in summarize_story(arts, story_id="s1").paragraphs for s in p]
    assert texts and not any("city's turnout" in t for t in texts), texts


@pytest.mark.parametrize("line", [
    "Please visit http://www.korvathlawyer.example/ or call 1-800-222-9128 for an immediate free consultation.",
    "Follow Dunmore Daily Sport on Twitter for the latest team news.",
    "For more details on the recall, owners can write to recall@korvath.example or see the dealer.",
    "Call (555) 123-4567 to book a place at the Varnholt meeting on Friday.",
    "Read more about the Varnholt bridge closure and the diversions in our earlier report.",
    "Advertisement March 3, 2031 Jo Reyes is the founding chair of the Dunmore drivers' association.",
    # a photo's caption or credit run into the text
    "FILE - In this May 2, 2024 file photo, a Korvath diesel car waits at a dealer in Dunmore.",
    "(AP Photo/Jo Reyes) Dealers in Dunmore said on Monday they had not been told when parts would arrive.",
    "Police found the car in a lake near Varnholt. — AFP pic The owner said it had been stolen in May.",
    "Harbour Wire Ongoing: Rescuers carry a raft up the Dunmore slipway on Monday Jo Reyes, a coastguard "
    "spokesman, said 11 people were rescued.",
    "Pictured: a Korvath diesel car outside the Dunmore dealer where the first faults were found last spring.",
    # page furniture: a row of links or a breadcrumb
    "Updated: 10:08 a.m. Wednesday | Posted: 10:30 a.m. Wednesday by the Dunmore Ledger staff.",
    "Home > Latest > News > Dunmore man charged with fraud after faking a doctor's visits.",
    "Posted at 03:24 PM by Jo Reyes \"Dunmore recall widens\": a blog post on the brakes is online today at the Ledger.",
    # a sentence that points at text around it instead of telling
    "There are two reasons that have made the owners in Dunmore suspect the sensors were faulty from the start.",
    "Here's what owners of the Korvath diesel cars in Dunmore need to know this week.",
    "That is why the dealers in Dunmore stopped selling the diesel cars in March.",
    # a news provider's line about itself, and a call to sit back
    "Dunmore Wire provides motoring news and technical analysis on the trends that move the car market.",
    "Sit back and enjoy our pick of the week's motoring news, recalls and road tests from around Dunmore.",
    # a video's title and running time run into the text
    "Harbin Recall Explained In Two Minutes 01:14 Dealers in Dunmore said the parts would arrive in May.",
    # a wire's note on why its sources go unnamed
    "The dealers spoke on condition of anonymity because they were not authorized to discuss the recall.",
])
def test_a_line_to_the_reader_or_a_photo_note_is_never_a_digest_sentence(line: str) -> None:
    text = (f"Korvath Motors recalled 20,000 diesel cars in Dunmore on Monday over faulty brake sensors. {line} "
            "The recall covers cars built between 2019 and 2021, the company said.")
    arts = [make_article("a", title="Korvath recalls 20,000 diesel cars", text=text, outlet="One")]
    pool = build_candidates(arts, resolve_references=True)
    told = [c for c in pool if c.index >= 0 and (c.text in line or line in c.text)]
    assert told and not any(c.eligible for c in told), told
    assert next(c for c in pool if c.text.startswith("Korvath Motors recalled")).eligible


def test_a_benchmark_summary_keeps_its_own_eligibility_rules() -> None:
    line = "Read more about the Varnholt bridge closure and the diversions in our earlier report."
    text = f"Korvath Motors recalled 20,000 diesel cars in Dunmore on Monday over faulty brake sensors. {line}"
    arts = [make_article("a", title="Korvath recalls 20,000 diesel cars", text=text, outlet="One")]
    assert next(c for c in build_candidates(arts) if c.text == line).eligible
    assert not next(c for c in build_candidates(arts, resolve_references=True) if c.text == line).eligible


def test_a_headline_run_into_the_first_paragraph_is_never_a_digest_sentence() -> None:
    title = "Dunmore depot evacuated due to fire"
    glued = "Dunmore depot evacuated due to fire 18:05, 14 September 2031 By Jo Reyes, Staff at the depot had a bad week."
    text = f"{glued} About 40 drivers left the Dunmore bus depot on Monday after a fire broke out in a workshop."
    arts = [make_article("a", title=title, text=text, outlet="One")]
    pool = build_candidates(arts, resolve_references=True)
    assert not any(c.eligible for c in pool if c.text.startswith("Dunmore depot evacuated due to fire"))
    assert any(c.eligible and c.text.startswith("About 40 drivers") for c in pool)


def test_a_lead_that_begins_like_its_headline_stays_a_digest_sentence() -> None:
    title = "Thousands of prisoners could leave solitary confinement in Marwick"
    lead = ("Thousands of prisoners could leave solitary confinement in Marwick after legislators agreed on Monday to end "
            "long-term isolation in state prisons.")
    arts = [make_article("a", title=title, text=f"{lead} The deal covers 2,800 inmates in four prisons.", outlet="One")]
    assert next(c for c in build_candidates(arts, resolve_references=True) if c.text == lead).eligible


@pytest.mark.parametrize(("sentence", "usable"), [
    ("Tom Reyes has denied any wrongdoing. in 2029 to find the sources who had told her about the breach.", False),
    ("In other Velloria Robotics inc. news, a director sold 10,000 shares of the company on Tuesday.", True),
    ("Dealers will fix the brakes, the cables, the sensors etc. at no cost to owners in Dunmore.", True),
    ("Comment: the recall just got biggerAnalysis: Why diesel owners in Dunmore are worried about brakes.", False),
    ("Owners can book the repair on their iPhone or through the Korvath app in Dunmore.", True),
    # a link's words lost before the full stop
    ("Owners are angry about the recall, the Dunmore Courier reports , per Korvath and .", False),
    ("Dealers in Dunmore will fix the brakes and the cables.", True),
    # a kicker set in capitals
    ("SHORTLY BEFORE DAWN, THE KORVATH PLANT IN DUNMORE CLOSED ITS GATES FOR GOOD.", False),
    # a heading or a pull quote in title case, a page's footer
    ("Like Other Carmakers, Korvath Too Is Now Cutting Corners.", False),
    ("Copyright © 2031 Dunmore Media, Inc. — All Rights Reserved.", False),
    ("Korvath Motors and Dunmore Council met in the Dunmore Town Hall.", True),
])
def test_two_pieces_of_text_glued_together_are_never_a_digest_sentence(sentence: str, usable: bool) -> None:
    text = f"Korvath Motors recalled 20,000 diesel cars in Dunmore on Monday over faulty brake sensors. {sentence}"
    arts = [make_article("a", title="Korvath recalls 20,000 diesel cars", text=text, outlet="One")]
    told = [c for c in build_candidates(arts, resolve_references=True) if c.index >= 0 and c.text in sentence]
    assert told and all(c.eligible is usable for c in told), told


@pytest.mark.skipif(_parser_missing(), reason="spaCy's English model is not installed")
@pytest.mark.parametrize(("sentence", "usable"), [
    ("Plant manager Jo Reyes, union chief Ana Ruiz and Mayor Tom Marr at the Dunmore plant on Monday.", False),
    ("Plant manager Jo Reyes met union chief Ana Ruiz and Mayor Tom Marr at the Dunmore plant on Monday.", True),
])
def test_a_sentence_with_no_verb_is_a_caption_not_a_digest_sentence(sentence: str, usable: bool) -> None:
    text = f"Korvath Motors recalled 20,000 diesel cars in Dunmore on Monday over faulty brake sensors. {sentence}"
    arts = [make_article("a", title="Korvath recalls 20,000 diesel cars", text=text, outlet="One")]
    told = [c for c in build_candidates(arts, resolve_references=True) if c.text == sentence]
    assert told and all(c.eligible is usable for c in told), told


def test_a_first_word_set_in_capitals_reads_as_the_article_writes_it_and_an_acronym_stays() -> None:
    text = ("DUNMORE businesses expect a lift from the new ferry link, traders said on Monday. "
            "The Dunmore chamber of commerce backed the plan. NASA engineers helped design the ferry's sensors, "
            "the operator said.")
    arts = [make_article("a", title="Ferry link to lift Dunmore trade", text=text, outlet="One")]
    texts = [c.text for c in build_candidates(arts, resolve_references=True) if c.index >= 0]
    assert texts[0].startswith("Dunmore businesses expect a lift")
    assert any(t.startswith("NASA engineers helped") for t in texts)


@pytest.mark.timeout(10)
def test_two_sentences_that_each_speak_of_what_the_other_names_do_not_trade_places_for_ever(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    from newsbrief.summarize import story

    album = types.SimpleNamespace(text="The album has stayed in the charts for 67 weeks.", tokens={"singer", "chart"})
    singer = types.SimpleNamespace(text="The singer wrote the album in a month.", tokens={"album", "month"})
    nouns = {id(album): "album", id(singer): "singer"}
    monkeypatch.setattr(story, "described_noun", lambda cand: nouns.get(id(cand), ""))
    out = [c for c, _ in _after_supporters([(album, ()), (singer, ())])]
    assert sorted(c.text for c in out) == sorted([album.text, singer.text])


STUDENT_A = ("On Monday, a Kessa teenager was arrested and led out of his school in handcuffs after staff said a device "
             "in his bag looked like a bomb.")
STUDENT_B = ("A 14-year-old student was led out of a Kessa school in handcuffs after a teacher mistook his homemade "
             "radio for a bomb, prompting an online backlash on Wednesday.")
STUDENT_NEXT = ("The student's family opened an account on Wednesday to thank supporters, and the school board "
                "said it would review its rules.")


@pytest.mark.skipif(_parser_missing(), reason="spaCy's English model is not installed")
def test_two_outlets_telling_one_act_in_other_words_share_it() -> None:
    from newsbrief.summarize.claims import main_act, same_act

    verbs, nouns = main_act(STUDENT_A)
    assert "lead" in verbs and {"school", "handcuff", "bomb"} <= nouns
    assert "monday" not in nouns and "teenag" not in nouns  # a weekday, the subject: no part of the act
    assert same_act(STUDENT_A, STUDENT_B)
    # the next step of the story: another act
    assert not same_act(STUDENT_B, STUDENT_NEXT)
    # one shared noun is not enough: the same verb about another place and object
    assert not same_act("The mayor led the parade through the old town on Sunday.",
                        "Police led a protester out of the town hall in handcuffs.")
    assert main_act("Not a sentence") == (frozenset(), frozenset())


@pytest.mark.skipif(_parser_missing(), reason="spaCy's English model is not installed")
def test_a_digest_leaves_out_an_act_told_again_with_another_description_of_the_doer() -> None:
    from newsbrief.cluster.embed import load_embedder
    from newsbrief.summarize.extractive import DEFAULT_PARAMS, _tells_act_again

    embedder = load_embedder(prefer="auto")
    if not embedder.name.startswith("minilm"):
        pytest.skip("the bundled MiniLM model is not installed")
    arts = [make_article("a", title="Kessa student arrested over device", text=f"{STUDENT_A}", outlet="One"),
            make_article("b", title="Student's radio mistaken for bomb", text=f"{STUDENT_B} {STUDENT_NEXT}",
                         outlet="Two")]
    pool = build_candidates(arts, resolve_references=True)
    get = {c.text: c for c in pool}
    cands = [get[STUDENT_A], get[STUDENT_B], get[STUDENT_NEXT]]
    vectors = embedder.encode([c.text for c in cands])
    assert _tells_act_again(1, [0], cands, vectors, DEFAULT_PARAMS)
    assert not _tells_act_again(2, [0], cands, vectors, DEFAULT_PARAMS)
    chosen = [c.text for c, _ in select_sentences(arts, max_sentences=4, resolve_references=True, embedder=embedder)]
    assert (STUDENT_A in chosen) != (STUDENT_B in chosen), chosen
    # the other checks let both through: this one is what leaves the second out
    import dataclasses

    off = dataclasses.replace(DEFAULT_PARAMS, act_cosine=1.01)
    both = [c.text for c, _ in select_sentences(arts, max_sentences=4, resolve_references=True, embedder=embedder,
                                                params=off)]
    assert STUDENT_A in both and STUDENT_B in both, both


def test_an_unnamed_source_that_reports_something_stays_a_digest_sentence() -> None:
    line = "A Korvath engineer, speaking on condition of anonymity, said the sensors failed in cold weather."
    text = f"Korvath Motors recalled 20,000 diesel cars in Dunmore on Monday over faulty brake sensors. {line}"
    pool = build_candidates([make_article("a", title="Korvath recalls 20,000 diesel cars", text=text, outlet="One")],
                            resolve_references=True)
    assert next(c for c in pool if c.text == line).eligible


@pytest.mark.parametrize(("sentence", "spelled"), [
    ("IRPV, which calls itself a moderate party, denied it.", (("IRPV", "Islamic Renaissance Party of Varnholt"),)),
    ("The MFO will send 40 more observers.", (("MFO", "Multinational Force and Observers"),)),
    ("WADA and the KPA met on Monday.", (("WADA", "World Anti-Doping Agency"), ("KPA", "Kessa Port Authority"))),
    ("The Islamic Renaissance Party of Varnholt (IRPV) denied it.", ()),  # the sentence spells it out itself
    ("The FBI and the UN said nothing.", ()),  # the article never spells them out
    ("KPA Holdings is a subsidiary of the port.", ()),  # part of a longer name
])
def test_an_acronym_its_article_spells_out(sentence: str, spelled: tuple[tuple[str, str], ...]) -> None:
    from newsbrief.summarize.references import spelled_out

    article = ("Police blamed the Islamic Renaissance Party of Varnholt (IRPV) for the attacks. The Multinational Force "
               "and Observers (MFO) said so too. The World Anti-Doping Agency (WADA) and the Kessa Port Authority (KPA) "
               "agreed. The FBI and the UN were asked.")
    assert spelled_out(sentence, article) == spelled


def test_a_summary_meets_an_acronym_with_the_name_it_shortens() -> None:
    lead = "Government forces in Varnholt killed four militants in the Ramit valley on Saturday, the interior ministry said."
    party = "IRPV, which calls itself a moderate faith-based party, has denied any part in the attacks on police posts."
    text = (f"{lead} The fighting began after attacks on police posts in the valley. The authorities accuse the Islamic "
            f"Renaissance Party of Varnholt (IRPV) of backing the attackers. {party}")
    arts = [make_article("a", title="Four militants killed in Varnholt fighting", text=text, outlet="One")]
    pool = build_candidates(arts, resolve_references=True)
    first, later = next(c for c in pool if c.text == lead), next(c for c in pool if c.text == party)
    shown = display_texts([first, later])
    assert shown[1].startswith("[Islamic Renaissance Party of Varnholt] (IRPV), which calls itself"), shown
    # once the summary has used the acronym, it is not spelled out again
    assert display_texts([later, later])[1] == party


def test_a_sentence_inside_a_quotation_opened_before_it_is_not_the_digests_own_voice() -> None:
    from newsbrief.summarize.sentences import parse_article_text

    text = ("Orla Dempsey told the party conference in Kessa on Saturday that a second vote was not ruled out.\n\n"
            "\"Independence will not come just because its supporters grow impatient. A more committed 45% is still "
            "just 45% of the voters in this country.\n\n"
            "\"We must persuade the people who voted against it last year,\" she said. The conference ended at noon.")
    quoted = {s.text: s.in_quotation for s in parse_article_text(text)}
    assert quoted["A more committed 45% is still just 45% of the voters in this country."] is True
    assert quoted["The conference ended at noon."] is False
    pool = build_candidates([make_article("a", title="Dempsey keeps second vote open", text=text)],
                            resolve_references=True)
    eligible = {c.text: c.eligible for c in pool if c.index >= 0}
    assert eligible["A more committed 45% is still just 45% of the voters in this country."] is False
    assert eligible["Orla Dempsey told the party conference in Kessa on Saturday that a second vote was not ruled out."]
    # a page that ran its paragraphs together: a reopened quotation and a lost closing mark end the quotation
    run_together = ("\"Our members expect nothing. We are doing our duty,\" Reyes said. \"We do not fight. \"We will be "
                    "polite.\" Police closed three roads. Crowds gathered at noon.")
    assert [s.in_quotation for s in parse_article_text(run_together)] == [False] * 6  # "We are doing ...," Reyes said.
    lost = "\"We will not stop. " + " ".join(f"Line {n} of the speech follows here." for n in range(1, 8))
    assert [s.in_quotation for s in parse_article_text(lost)] == [False] + [True] * 5 + [False] * 2
    # the quotation's last sentence, which names its speaker, is a whole quotation once its opening mark is back
    closing = ("\"We have recovered 49 bodies. There are about 35 others injured in the Jhabua hospital,\" police "
               "superintendent Seema Alava told reporters.")
    last = parse_article_text(closing)[-1]
    assert (last.text, last.in_quotation, last.standalone) == ("\"" + closing.split(". ", 1)[1], False, True)
    # a benchmark summary (no references resolved) keeps the sentence: ROUGE's references are written that way
    bench = build_candidates([make_article("a", title="Dempsey keeps second vote open", text=text)])
    assert any(c.eligible and c.text.startswith("A more committed") for c in bench)
