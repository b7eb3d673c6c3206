"""Regulations on whole articles: clauses of time, game rules, jurisdictions that are places."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.facts.regulation import extract_regulation

PUB = dt.date(2031, 3, 12)


@pytest.mark.parametrize(
    "sentence",
    [
        "By the time legislation is passed, most of the mills will have closed.",
        "The designated hitter rule will take effect in both leagues next season.",
        "The league's new roster rule takes effect on Saturday.",
    ],
)
def test_not_a_regulation(sentence: str) -> None:
    assert extract_regulation(sentence, published=PUB) == []


def test_jurisdiction_is_a_place_not_any_possessive() -> None:
    mayor = extract_regulation("Cooper's office said the new law requires landlords to register by June 1.", published=PUB)
    place = extract_regulation("California's new law requires landlords to register by June 1.", published=PUB)
    assert [r.jurisdiction for r in mayor] == [""]
    assert [r.jurisdiction for r in place] == ["California"]


def _one(sentence: str) -> tuple[str, str, dt.date | None, str]:
    (r,) = extract_regulation(sentence, published=PUB)
    return r.rule, r.regulator, r.deadline, r.status


def test_passive_ban_named_by_its_maker_is_an_enacted_ban() -> None:
    rule, regulator, deadline, status = _one(
        "The Kerala government on Monday announced that the sale of flavoured chewing tobacco has been completely banned in the state."
    )
    assert (rule, regulator, deadline, status) == ("ban on sale of flavoured chewing tobacco", "Kerala government", None, "enacted")


def test_passive_ban_without_a_rule_maker_is_no_regulation() -> None:
    assert extract_regulation("Phones have been banned at the dinner table, my aunt said.", published=PUB) == []


def test_executive_order_to_force_a_duty_is_enacted() -> None:
    rule, _, _, status = _one(
        "The governor says she is using her executive power to force state contractors to give workers paid parental leave."
    )
    assert rule == "order to force state contractors to give workers paid parental leave"
    assert status == "enacted"


def test_duty_made_mandatory_names_what_and_for_whom() -> None:
    (r,) = extract_regulation(
        "Hygiene certificates will be mandatory for all street food vendors in the city, the Pune municipal council said on Monday.",
        published=PUB,
    )
    assert r.rule == "Hygiene certificates mandatory for all street food vendors"
    assert r.who_must_comply == "all street food vendors"
    assert r.status == "in force"
    # a race notice binds riders, not a regulated trade, and names no rule-maker
    assert extract_regulation("Helmets will be mandatory for all riders in Sunday's race.", published=PUB) == []


def test_city_corporation_is_the_regulator_and_keeps_its_name() -> None:
    (r,) = extract_regulation("The ban, imposed by the Pune Municipal Corporation (PMC) will last for a week.", published=PUB)
    assert (r.rule, r.regulator, r.status) == ("ban", "Pune Municipal Corporation", "enacted")


def test_putting_a_standard_into_law_is_enacted() -> None:
    (r,) = extract_regulation("Vermont is the third state to put a paid family leave guarantee into law for small employers.", published=PUB)
    assert r.status == "enacted"
    assert "leave guarantee" in r.rule


def test_minimum_wage_is_a_rule_with_its_date_of_effect() -> None:
    rule, _, deadline, _ = _one("Ghana has introduced a minimum wage for domestic workers, which takes effect Thursday.")
    assert rule.startswith("minimum wage")
    assert deadline == dt.date(2031, 3, 13)


def test_consultations_on_a_regime_are_a_proposal() -> None:
    rule, _, _, status = _one("Public consultations on tightening the livestock transport regime open at the agency this month.")
    assert (rule, status) == ("livestock transport regime", "proposed")


def test_complying_with_new_regulations_puts_them_in_force() -> None:
    rule, regulator, _, status = _one(
        "The City Tourism Authority has told listing websites to make sure hosts comply with new permit regulations for short-term lets."
    )
    assert (rule, regulator, status) == ("permit regulations for short-term lets", "City Tourism Authority", "in force")


def test_rule_name_stops_at_its_verb_and_keeps_a_decimal_rate() -> None:
    rule, regulator, _, status = _one(
        "The Goa government on Monday said the proposed 7.5 percent entry tax on tourist buses was not aimed at any one operator."
    )
    assert (rule, regulator, status) == ("7.5 percent entry tax on tourist buses", "Goa government", "proposed")


def test_a_place_the_rule_covers_is_not_its_regulator() -> None:
    (r,) = extract_regulation(
        "The draft code states that the sugar levy will apply to all larger drinks makers in the UK economy.", published=PUB
    )
    assert r.regulator == ""


@pytest.mark.parametrize(
    "sentence",
    [
        "The queen only became head of state in 1840, when the treaty was signed, three years into her rule.",
        "Gulf Staffing was founded in late 2009 and has excelled ever since in providing cost effective solutions to "
        "multinational companies with very high standards of quality whilst adhering to business ethics and meeting their deadlines.",
    ],
)
def test_a_reign_and_a_standard_of_quality_are_not_rules(sentence: str) -> None:
    assert extract_regulation(sentence, published=PUB) == []


PROXY_NOTICE = (
    "Under the rules of the SEC, the directors may be deemed participants in the solicitation of proxies "
    "in connection with the proposed transaction."
)


def test_a_status_word_must_be_attached_to_the_rule_in_the_parse() -> None:
    # "proposed" qualifies the transaction, many arcs away from "rules"
    assert extract_regulation(PROXY_NOTICE, published=PUB) == []
    # attached: the assembly passed the bill; firms must act under the named regulations
    (bill,) = extract_regulation("A day earlier the state assembly passed a bill capping school fees.", published=PUB)
    assert bill.status == "enacted"
    (duty,) = extract_regulation(
        "Starting Monday, grocers with more than 20 stores must label the origin of fresh fish under the Food Labelling Regulations.",
        published=PUB,
    )
    assert duty.status == "in force"


def test_without_the_parser_every_status_word_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsbrief.facts.regulation as regulation

    monkeypatch.setattr(regulation, "parse", lambda sentence: None)
    assert [r.status for r in extract_regulation(PROXY_NOTICE, published=PUB)] == ["proposed"]


def test_arc_distance_counts_dependency_arcs() -> None:
    from newsbrief.facts.nlp import arc_distance, parse

    sentence = "The council passed a bill."
    doc = parse(sentence)
    assert arc_distance(doc, sentence.index("passed"), sentence.index("bill")) == 1
    assert arc_distance(doc, sentence.index("council"), sentence.index("bill")) == 2


def test_a_regulator_s_decision_banning_a_practice_is_a_rule() -> None:
    (r,) = extract_regulation(
        "The state energy regulator issued a decision on Monday banning water companies from charging customers "
        "who pay by cheque, effective from the start of June.",
        published=PUB,
    )
    # the name stops at a whole word, not inside one, and not on a dangling "who"
    assert r.rule == "decision banning water companies from charging customers"
    assert (r.status, r.deadline) == ("enacted", dt.date(2031, 6, 1))


@pytest.mark.parametrize(
    "sentence",
    [
        "The agency was approved as a criminal law-enforcement body last year.",
        "The fund has outperformed the Standard & Poor's 500 index, which has dropped 5% in the same time.",
        "The junta-appointed assembly prolongs the junta's rule after the draft constitution was criticised.",
        "Expectations could be affected by, among other things, the uncertainties inherent in research and development, "
        "including unexpected regulatory actions or delays or government regulation generally.",
        "All three towns would have to pass the proposed ordinance for it to take effect.",
    ],
)
def test_not_a_rule_s_change_of_status(sentence: str) -> None:
    assert [r.status for r in extract_regulation(sentence, published=PUB)] in ([], ["proposed"])
    assert all(r.status != "enacted" for r in extract_regulation(sentence, published=PUB))


def test_a_generic_body_keeps_its_modifiers_from_the_parse() -> None:
    (r,) = extract_regulation(
        "The state energy regulator issued a decision on Monday banning water companies from charging customers "
        "who pay by cheque, effective from the start of June.",
        published=PUB,
    )
    assert r.regulator == "state energy regulator"
    (m,) = extract_regulation(
        "Hygiene certificates will be mandatory for all street food vendors in the city, the Pune municipal council said on Monday.",
        published=PUB,
    )
    assert m.regulator == "Pune municipal council"


ROUNDUP_SENTENCES = [
    "The Kerala government on Monday announced that the sale of flavoured chewing tobacco has been completely banned in the state.",
    "The ban, imposed by the Pune Municipal Corporation (PMC) will last for a week.",
    "The Goa government on Monday said the proposed 7.5 percent entry tax on tourist buses was not aimed at any one operator.",
    "The City Tourism Authority has told listing websites to make sure hosts comply with new permit regulations for short-term lets.",
    "A day earlier the state assembly passed a bill capping school fees.",
]


@pytest.mark.parametrize("sentence", ROUNDUP_SENTENCES)
def test_roundup_entity_fields_are_names_not_phrases(sentence: str) -> None:
    (r,) = extract_regulation(sentence, published=PUB)
    # a regulator is a proper name or a short noun phrase, never a clause
    assert r.regulator and len(r.regulator.split()) <= 5
    assert not any(w in r.regulator.split() for w in ("said", "announced", "on", "that", "has", "will"))
    assert len(r.rule.split()) <= 12 and not r.rule.endswith((" who", " that", " of", " the"))

def test_a_comparison_does_not_start_a_rule_s_name() -> None:
    (r,) = extract_regulation(
        "The Commission proposed rules on Tuesday that are stricter than existing ecodesign rules for phones and tablets.",
        published=PUB,
    )
    assert not r.rule.startswith("than")


def test_a_bill_about_a_league_is_a_regulation_though_league_words_veto_a_game_rule() -> None:
    (bill,) = extract_regulation(
        "The delegate introduced a bill on Thursday to strip the NFL of its federal antitrust exemption.", published=PUB)
    assert bill.status == "proposed" and "NFL" in bill.rule
    assert extract_regulation("The NFL's new extra point rule takes effect on Sunday.", published=PUB) == []


@pytest.mark.parametrize("sentence", [
    # a council's yearly budget and its tax levy are no rule
    "The Tarnby City Council met Sept. 10 and approved the budget and levy for the new fiscal year.",
    # "New York's" is a place, not a new rule to comply with: an advert's blurb
    "The latest update helps tax practitioners comply with New York's recent corporate tax reforms.",
])
def test_budgets_and_blurbs_are_no_regulation(sentence: str) -> None:
    assert extract_regulation(sentence, published=PUB) == []


def test_a_levy_that_takes_effect_is_still_a_rule() -> None:
    assert [r.status for r in extract_regulation("The council approved a levy on plastic bags that takes effect in "
                                                  "January.", published=PUB)] == ["enacted"]
