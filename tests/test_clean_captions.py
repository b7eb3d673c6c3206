"""Photo captions without a credit line, and picture references in story sentences, written for these tests."""

from __future__ import annotations

import pytest

from newsbrief.clean.boilerplate import clean_text
from newsbrief.clean.captions import caption_cut

STORY = ("The Tallbrook council approved a new budget for the river bridge on Tuesday, "
         "after two years of delays and a long public consultation.")
MORE = "Work on the bridge deck is due to start in March and should take eight months, the council said."

CAPTIONS = [
    "Senator Mara Lindqvist, left, and Governor Tom Achebe, right, both speak as Mayor Ilse Brandt listens during "
    "the debate at Fenwick Hall on Wednesday, Sept. 16, 2026, in Tallbrook, Calif.",
    "(L-R) Ana Moreau, Ben Castell and Chloe Park pose with the trophy after the final at Marlow Park.",
    "Ana Moreau (C) talks with Ben Castell during the opening of the new library in Tallbrook.",
    "Ilse Brandt smiles as she arrives for the film festival gala at the Grand Theatre on Tuesday.",
    "Tallbrook United manager Sam Ode looks on during the match against Marlow at Riverside Park.",
    "Commuters wait for a delayed train at the central station in Tallbrook, Oct. 5, 2026.",
    "A young girl looks at a police officer at the ferry terminal in the town of Marlow, Kessa, Oct. 5, 2026.",
    "Fishermen mend their nets by the harbour wall near the village of Marlow, in northern Tallbrook on Oct. 5, 2026.",
    "Ben Castell (left) and Chloe Park at the opening of the Tallbrook gallery.",
    "Harbour striker Jo Reyes, left, celebrates his goal with Sam Ode",
    "Test pilot Ana Moreau wears a flight-simulator helmet while flying a Marlow Kestrel trainer.",
    "A volunteer hands over care bags to refugees at the registration office in Tallbrook Monday.",
    "Seen here is the new ferry on its first crossing of the estuary.",
    "Shown above: the flooded road between Tallbrook and Marlow.",
    "Pic: the old mill after the fire",
    "The image shows the bridge deck before the repairs began.",
    "Pictured are volunteers clearing mud from the high street after the flood.",
    "Mayor Ilse Brandt is seen in this undated handout picture.",
    "The old pier (pictured above) and the new marina (below)",
    "(Photo: Marta Quill, Harbour Gazette)",
    "Police are shown at the scene of a shooting on Fenwick Court early Saturday morning.",
    "Firefighters are seen outside the warehouse in Marlow on Tuesday night.",
    "Presidential candidate Ana Moreau speaks at a campaign rally in Tallbrook on Monday.",
    "Ben Castell and Chloe Park leave the gala together during the Marlow film festival on Sunday.",
]


@pytest.mark.parametrize("caption", CAPTIONS)
def test_a_caption_without_a_credit_is_cut_as_a_caption(caption: str) -> None:
    result = clean_text("\n".join([STORY, caption, MORE]))
    assert result.text.split("\n") == [STORY, MORE]
    assert [(c.line, c.why, c.text) for c in result.cuts] == [(1, "caption", caption)]


@pytest.mark.parametrize("caption", CAPTIONS[:6])
def test_a_caption_glued_into_a_paragraph_is_cut_and_the_story_sentences_stay(caption: str) -> None:
    result = clean_text(f"{STORY} {caption} {MORE}")
    assert result.text == f"{STORY} {MORE}"
    assert [(c.why, c.text) for c in result.cuts] == [("caption", caption)]


def test_a_caption_run_into_the_next_sentence_without_a_full_stop_goes_with_it() -> None:
    glued = ("Pictured is a crew of volunteers told to clear the drains Residents said the flood had come without "
             "warning and the council had not answered their calls.")
    assert clean_text(f"{glued} {MORE}").text == MORE


@pytest.mark.parametrize(("line", "kept", "reference"), [
    ("Council leader Jo Reyes (pictured) said the budget would pass next week.",
     "Council leader Jo Reyes said the budget would pass next week.", "(pictured)"),
    ("The mayor, pictured, will open the bridge in March.", "The mayor will open the bridge in March.", "pictured"),
    ("Ben Castell, left, and Chloe Park won the doubles title on Sunday.",
     "Ben Castell and Chloe Park won the doubles title on Sunday.", "left"),
    ("The old toll house pictured above was built in 1840.", "The old toll house was built in 1840.", "pictured above"),
])
def test_a_picture_reference_leaves_its_story_sentence(line: str, kept: str, reference: str) -> None:
    result = clean_text("\n".join([STORY, line]))
    assert result.text.split("\n") == [STORY, kept]
    assert [(c.line, c.why, c.text) for c in result.cuts] == [(1, "caption", reference)]


STORY_SENTENCES = [
    "He left the company in 2019 after a row over pay.",
    "Voters defended the right to vote at a rally in Tallbrook on Saturday.",
    "The party's right-wing faction walked out of the conference in Marlow.",
    "Critics on the left and right of the party attacked the budget.",
    "Members came from left, right and centre to back the bridge plan.",
    '"Pictured is my grandfather, who built the bridge," the curator said.',
    'The curator said: "In this photo you can see the old pier."',
    "Mayor Ilse Brandt arrived at the town hall on Tuesday and spoke to reporters.",
    "Mayor Ilse Brandt speaks at the council meeting on Thursday, when the budget will be put to a vote.",
    "Jo Reyes arrives as finance chief from a rival bank.",
    "The festival runs at Fenwick Hall until Sunday.",
    "The council announced the plan on Tuesday, Sept. 15, 2026, in Tallbrook.",
    "The council approved the plan in the city of Tallbrook, Kessa, Sept. 15, 2026.",
    "Tallbrook United plays Marlow at Riverside Park on Saturday.",
    "Acme (R), the maker of the bridge cables, reported higher sales.",
    "The captain, Sam Ode (c), scored twice in the second half.",
    "The new ferry, pictured in a brochure last year, was never built.",
    "The stands fill up during the derby at Riverside Park in Tallbrook.",
    "Graham Lowe, who left the club in May, joins Marlow as coach.",
    "Police released a picture of the suspect on Monday.",
    "Jo Reyes holds the record for the most goals in a season at Riverside Park.",
    "Jo Reyes wears the captain's armband for the first time on Saturday.",
    "Sam Ode leads the league while playing for a club without a stadium.",
    "A man walks into a bar in Tallbrook on Tuesday and orders a pint.",
    "Mayor Ilse Brandt's visit to Marlow in 2012 eased tensions, while opening the port to Tallbrook's ferries.",
    "President Jo Reyes speaks at the summit in Marlow on Thursday, officials said.",
    "The photo exhibition opens at the Tallbrook gallery on Friday.",
    "Left-wing and right-wing parties both backed the bridge plan.",
    "Turn right, then left, at the old mill to reach the quay.",
    "Guards Jo Reyes (back) and Sam Ode (knee) were limited in practice but are expected to play.",
    "The deal is seen as a win for the Tallbrook council.",
    "The film is shown at the Odeon in Marlow on Friday, the organisers said.",
    "Results are shown in the table below.",
    "Presidential candidate Ana Moreau will speak at a campaign rally in Tallbrook on Monday.",
    "Presidential candidate Ana Moreau spoke at a campaign rally in Tallbrook on Monday.",
    "Ana Moreau leaves the council after ten years on Monday.",
]


@pytest.mark.parametrize("sentence", STORY_SENTENCES)
def test_a_story_sentence_that_looks_like_a_caption_stays(sentence: str) -> None:
    assert clean_text("\n".join([STORY, sentence])).text.split("\n") == [STORY, sentence]
    assert clean_text(f"{STORY} {sentence}").text == f"{STORY} {sentence}"


def test_a_short_line_ending_in_a_photo_credit_is_a_caption_credit_and_all() -> None:
    line = "Members of the mounted police patrol the quay on Friday morning. (Photo: Marta Quill / Harbour Gazette)"
    result = clean_text("\n".join([STORY, line, MORE]))
    assert result.text.split("\n") == [STORY, MORE]
    assert [(c.line, c.why, c.text) for c in result.cuts] == [(1, "caption", line)]


def test_a_paragraph_ending_in_a_photo_credit_loses_the_credit_only() -> None:
    paragraph = f"{STORY} The vote was 9 to 2. Work starts in March. (Photo: Marta Quill)"
    result = clean_text(paragraph)
    assert result.text == f"{STORY} The vote was 9 to 2. Work starts in March."
    assert [(c.why, c.text) for c in result.cuts] == [("caption", "(Photo: Marta Quill)")]


def test_a_quoted_sentence_is_never_a_caption_even_inside_a_longer_quote() -> None:
    line = ('"I was there that night. Pictured is the crowd on the quay. Nobody moved," the harbour master said.')
    assert caption_cut(line) is None



def test_a_credit_in_the_middle_of_a_line_cuts_the_caption_before_it_and_keeps_the_story_after() -> None:
    line = ("Marta Quill Marta Quill (Photo: Submitted) Councils can close a quay for a month without a vote, "
            "and owners must then prove the boats are safe.")
    assert caption_cut(line) == ("Marta Quill Marta Quill (Photo: Submitted)",
                                 "Councils can close a quay for a month without a vote, and owners must then prove "
                                 "the boats are safe.")
    # a long sentence before a credit is the story's: only a short caption goes
    long = ("The council voted on Tuesday to close the north quay for a month while engineers check every mooring "
            "on it (Photo: Marta Quill) Work starts in March.")
    assert caption_cut(long) is None
