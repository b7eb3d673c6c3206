"""A page's link lists and menus read as one long sentence are not prose: no facts come from them."""

from __future__ import annotations

import datetime as dt

from newsbrief.facts.core import extract_facts, is_page_furniture
from newsbrief.model import Article, Event, FundingRound, Regulation

_LINKS = (
    "More in Politics Harbour Board Approves Contentious Ferry Bills Amid Chaos Sep. 17 Ruling Parties Deadlocked "
    "Over Proposed Ferry Bill Sep. 16 Mayor Upbeat On Prospects For Bridge Deal Sep. 16 Council Panel To Vote On "
    "Ferry Bills Amid Chaos Sep. 15 Ruling Bloc Pushes For Enactment Of Ferry Bills By Friday Sep. 15 View All "
    "Special Offers Rent Lakeside Condominiums Offer Ends: 2031-03-28 Weekend Agenda Fireworks Festival Top Jobs "
    "In The City For March Careers Insight Magazine Special Seats Contact Us About Us"
)
_PROSE = (
    "The council said on Tuesday that the ferry bill, which Councillor Ada Brandt of the Harbour Party first put "
    "forward in January, would be read again in the spring after the Finance Committee, the Transport Board and "
    "the Port Authority of Lakeside have all sent in their written views on what the new fares and the longer "
    "timetable would cost the town and the people who take the boat to work each day, and after the mayor has "
    "met the unions."
)


def test_link_list_is_furniture_and_prose_is_not() -> None:
    assert is_page_furniture(_LINKS)
    assert not is_page_furniture(_PROSE)


def test_no_event_or_rule_from_a_link_list() -> None:
    published = dt.datetime(2031, 3, 12, tzinfo=dt.timezone.utc)
    article = Article(id="a", url="", canonical_url="", source_url="", outlet="", title="Ferry news",
                      text=_LINKS, published=published, fetched=published)
    facts = extract_facts([article], use_model=False)
    assert [f for f in facts if isinstance(f, (Event, FundingRound, Regulation))] == []
