"""A page's time stamp, or a wire's credit in parentheses, glued to an article's title is no part of the headline."""

from __future__ import annotations

import pytest

from newsbrief.summarize.headline import clean_title, is_usable_title


@pytest.mark.parametrize(("title", "clean"), [
    ("Two hurt after ferry strikes pier in Tallbrook 21 minutes ago", "Two hurt after ferry strikes pier in Tallbrook"),
    ("Harbour stocks slip as rates rise WXN 12 mins ago", "Harbour stocks slip as rates rise"),
    ("What the port deal means for Orrick New 7:18 pm", "What the port deal means for Orrick"),
    ("Marwick cuts 2025 growth estimate: ministry Sep 29, 2026", "Marwick cuts 2025 growth estimate: ministry"),
    ("Orrick council votes to close quay | Tuesday, Sept. 15, 2026", "Orrick council votes to close quay"),
    ("Half of Orrick's ferries need repairs: port chief (AFP)", "Half of Orrick's ferries need repairs: port chief"),
    ("Tallbrook Rovers hit by flu outbreak (Harbour Sports)", "Tallbrook Rovers hit by flu outbreak"),
])
def test_a_trailing_time_stamp_is_cut(title: str, clean: str) -> None:
    assert clean_title(title) == clean


@pytest.mark.parametrize("title", [
    "Tallbrook marks 10 years since the flood of Sep 29, 2016",
    "Ferry service resumes after 40 minutes",
    "Orrick votes on 5 hours ago rule",
    "Man charged over attack on Jo Reyes (pictured)",
    "Talks resume (AP)",
    "Kessa refused to help Orrick fight the Islamic State (ISIS)",
])
def test_a_title_without_a_stamp_keeps_its_words(title: str) -> None:
    assert clean_title(title) == title


@pytest.mark.parametrize(("title", "clean"), [
    ("MIDEAST STOCKS-Orrick property stocks rise on hopes for a fair", "Orrick property stocks rise on hopes for a fair"),
    ("UPDATE 1-Quarry Air says test engine damaged, keeps delivery target",
     "Quarry Air says test engine damaged, keeps delivery target"),
    ("RPT-Contrarian chiefs tell the central bank to go ahead", "Contrarian chiefs tell the central bank to go ahead"),
    ("KESSA-POLITICS-Prime Minister Ruiz sworn into office", "Prime Minister Ruiz sworn into office"),
    ("UPDATE2: G-20 vows to keep the recovery on track", "G-20 vows to keep the recovery on track"),
    # a compound or a union's name is no slug or label
    ("US-trained rebels gave equipment to another group", "US-trained rebels gave equipment to another group"),
    ("UAW-Quarry talks resume on Monday", "UAW-Quarry talks resume on Monday"),
    ("UK-based Acme buys Quarry", "UK-based Acme buys Quarry"),
])
def test_a_wires_desk_slug_is_cut_and_a_compound_stays(title: str, clean: str) -> None:
    assert clean_title(title) == clean


def test_a_title_run_into_the_story_is_cut_where_the_story_begins() -> None:
    title = ("Police question two men in Orrick bombing caseTwo men have been taken into custody for questioning after "
             "they were seen on camera talking to a suspect wanted in the city's deadliest bombing at a temple")
    assert clean_title(title) == "Police question two men in Orrick bombing case"
    assert clean_title("Labour leader Ramsay MacDonald says he will resign after the vote on the budget") == (
        "Labour leader Ramsay MacDonald says he will resign after the vote on the budget")
    title = ("Norland hosts an indicted general at a parade marking the end of WWIIThe general, who is wanted by an "
             "international court, arrived in the capital on Tuesday to attend the parade")
    assert clean_title(title) == "Norland hosts an indicted general at a parade marking the end of WWII"


def test_the_outlets_own_name_in_brackets_is_cut_however_it_is_spaced() -> None:
    assert clean_title("Ruiz drops plan for new banknote after criticism (HarbourGazette)", outlet="Harbour Gazette") == (
        "Ruiz drops plan for new banknote after criticism")
    assert clean_title("Ruiz drops plan for new banknote after criticism (Harbour-Gazette)", outlet="Harbour Gazette") == (
        "Ruiz drops plan for new banknote after criticism")
    assert clean_title("Ruiz attacks the council's refugee pledge as too little (1)") == (
        "Ruiz attacks the council's refugee pledge as too little")
    # another outlet's or a group's name stays
    assert clean_title("Militants seize town near the river (ISIS)", outlet="Harbour Gazette") == (
        "Militants seize town near the river (ISIS)")


def test_a_bracket_the_feed_cut_before_it_closed_goes() -> None:
    assert clean_title("Mayor compares rivals with monkeys fallen from their tree (Part") == (
        "Mayor compares rivals with monkeys fallen from their tree")
    assert clean_title("Mayor compares rivals with monkeys (video)") == "Mayor compares rivals with monkeys (video)"


@pytest.mark.parametrize("title", ["Wednesday, 09 Sep 2015", "Harbour FC news and transfer rumours: LIVE",
                                   "Posted: 10 hours ago", "Updated 3 days ago"])
def test_a_date_or_a_post_stamp_alone_or_a_live_page_is_no_headline(title: str) -> None:
    assert not is_usable_title(title)


def test_a_title_with_its_first_paragraph_run_into_it_is_no_headline() -> None:
    title = "Harbour board: the ferry fare rises by 5% from March"
    lead = ("Harbour board chair Jo Reyes said on Monday that the fare for the Kessa crossing will rise by five percent "
            "from March because fuel costs more and the old boats need repairs")
    assert is_usable_title(title)
    assert not is_usable_title(f"{title} {lead}")


@pytest.mark.parametrize(("title", "clean"), [
    ("Norland unveils details of port reforms as growth slows Reuters", "Norland unveils details of port reforms as growth slows"),
    ("Tarn gas output reaches record 2 BCF per day [Harbour Post, Portsea]", "Tarn gas output reaches record 2 BCF per day"),
    ("Tarnshire news: Woman hurt in two-vehicle crash in Aldmouth", "Woman hurt in two-vehicle crash in Aldmouth"),
    ("*Mayor thanks volunteers after the flood", "Mayor thanks volunteers after the flood"),
    ("Yesterday Norland's exiled council says it will attend talks", "Norland's exiled council says it will attend talks"),
    ("Yesterday's storm closes the Aldmouth road", "Yesterday's storm closes the Aldmouth road"),
    # the wire's name in a name, an evaluation before "news": they stay
    ("Shares of Thomson Reuters rose on Tuesday", "Shares of Thomson Reuters rose on Tuesday"),
    ("Shares of Thomson Reuters", "Shares of Thomson Reuters"),
    ("Good news: rates fall again", "Good news: rates fall again"),
    # a credit glued on by its colon gets its space
    ("Driver in fatal crash had 7 traffic offences:province", "Driver in fatal crash had 7 traffic offences: province"),
])
def test_credits_labels_and_markers_around_a_title_go(title: str, clean: str) -> None:
    assert clean_title(title) == clean
