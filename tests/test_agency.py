"""Which news agency an article's stored text credits."""

from __future__ import annotations

import pytest

from newsbrief.digest.agency import agency_credit


@pytest.mark.parametrize(("text", "agency"), [
    ("HARBIN, Varnia (AP) -- Officials closed the crossings.", "Associated Press"),
    ("Officials closed the crossings.\nCopyright 2031 The Associated Press. All rights reserved.", "Associated Press"),
    ("The minister told Reuters on Thursday that talks would resume.", "Reuters"),
    ("PARIS (AFP) - The strike went on.", "AFP"),
    ("Delhi: The court adjourned the case, PTI reported.", "PTI"),
    ("The ministry said so, Xinhua news agency reported.", "Xinhua"),
    ("TORONTO -- THE CANADIAN PRESS -- The vote was close.", "Canadian Press"),
    ("Ankara, Anadolu Agency reported, closed the road.", "Anadolu"),
    # a credit after a photo's: the story's own credit still counts
    ("A still from the film. (AP)\nLISBON (Reuters) - The archive reopened.", "Reuters"),
    ("The strike went on for a third day.\n(AFP)", "AFP"),  # a sign-off alone on its line
])
def test_agency_credits_are_found(text: str, agency: str) -> None:
    assert agency_credit(text) == agency


@pytest.mark.parametrize("text", [
    "Michael Bloomberg spoke to students taking the AP exam.",  # "AP" without its credit's brackets
    "The AAP government in Delhi announced a new scheme.",  # a party, not the Australian agency
    "The council's press office issued a statement.",
    # a photo's credit closing its caption: the agency took the picture, the column is the outlet's own
    "The archive turns fifty this year.\nA still from the 1960 film shown at the archive's gala. (AP)\nThe season opens "
    "with a restored print.",
])
def test_look_alikes_are_no_credit(text: str) -> None:
    assert agency_credit(text) == ""
