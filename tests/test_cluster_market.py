"""A day's market wraps are one event: told by what they are and the day, not by their words."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from newsbrief.cluster.doc import ClusterDoc
from newsbrief.cluster.market import is_market_wrap
from newsbrief.cluster.stream import ClusterParams, StreamClusterer


@pytest.mark.parametrize(("title", "lead"), [
    ("Asian stocks slide as Kessa factory data disappoints",
     "Asian shares fell on Tuesday after factory output in Kessa shrank for a third month, and the Nikkei lost 1.2%."),
    ("Wall Street ends mixed as energy shares recover",
     "U.S. stocks closed mixed on Tuesday; the Dow Jones industrial average rose 20 points while the Nasdaq slipped."),
    ("GLOBAL MARKETS-Stocks steady after Monday's rout; oil edges up",
     "World stock markets steadied on Tuesday as investors weighed the Kessa slowdown."),
    ("Sensex gains 310 points on rate cut hopes", "The BSE Sensex rose 310 points in early trade on Tuesday."),
    ("Europe pares losses as miners rebound", "European stock markets recovered on Tuesday after a weak open in Asia."),
])
def test_a_report_of_a_market_moving_is_a_market_wrap(title: str, lead: str) -> None:
    assert is_market_wrap(title, lead)


@pytest.mark.parametrize(("title", "lead"), [
    ("Quarry Corp (NYSE:QRY) shares rise after analyst upgrade", "Shares of Quarry Corp rose 3% after a rating upgrade."),
    ("4 growth stocks to watch this week", "Stocks of four growth companies rose on Monday, analysts said."),
    ("Global Ferry Market 2031-2036: size, share and forecast", "The global ferry market rose to $4 billion, the report says."),
    ("Kessa farmers market opens on Saturday", "The farmers market opens on Saturday with 40 stalls."),
    ("Only the central bank can crash Wall Street", "An ancient temple was destroyed, the agency said on Tuesday."),
    ("Quarry Corp larger than S&P 500 component Tarn Air", "Quarry Corp's market value rose above Tarn Air's on Tuesday."),
])
def test_one_company_a_rating_an_advert_or_an_aside_is_no_market_wrap(title: str, lead: str) -> None:
    assert not is_market_wrap(title, lead)


WRAPS = [
    ("tokyo", 1, "Asian stocks slide as Kessa factory data disappoints",
     "Asian shares fell on Tuesday after factory output in Kessa shrank for a third month, and the Nikkei lost 1.2%."),
    ("london", 9, "European shares recover as miners rebound",
     "European stock markets recovered on Tuesday; London's FTSE 100 rose 0.8% as mining groups bounced."),
    ("newyork", 21, "Wall Street ends mixed as energy shares recover",
     "U.S. stocks closed mixed on Tuesday; the Dow Jones industrial average rose 20 points while the Nasdaq slipped."),
]


def _doc(doc_id: str, hour: int, title: str, text: str, day: int = 9, axis: int | None = None) -> ClusterDoc:
    vector = None if axis is None else np.eye(8, dtype=np.float32)[axis]  # wraps whose embeddings agree in nothing
    return ClusterDoc(id=doc_id, title=title, text=text, published=dt.datetime(2031, 9, day, hour, tzinfo=dt.UTC),
                      vector=vector)


def test_a_days_market_wraps_join_one_event_whatever_their_words() -> None:
    event = StreamClusterer(params=ClusterParams.for_embedder("hashing-tf-1024", granularity="event"))
    stories = [event.add(_doc(*w)) for w in WRAPS]
    assert len({a.story_id for a in stories}) == 1
    assert stories[1].reasons["market_day"] == "2031-09-09"
    # the next day's wraps are the next day's story
    mumbai = _doc("mumbai", 5, "Sensex gains 310 points on rate cut hopes", "The BSE Sensex rose 310 points in early trade.",
                  day=10)
    assert event.add(mumbai).story_id != stories[0].story_id
    # the storyline granularity (the benchmarks') keeps judging wraps by their words
    line = StreamClusterer(params=ClusterParams.for_embedder("hashing-tf-1024"))
    assert len({line.add(_doc(*w)).story_id for w in WRAPS}) > 1


def test_a_market_story_is_never_split_and_a_rebuilt_run_finds_it_again() -> None:
    params = ClusterParams.for_embedder("minilm-l6-int8", granularity="event", split_min_size=2, split_min_part=1)
    event = StreamClusterer(params=params)
    first = [event.add(_doc(*w, axis=n)) for n, w in enumerate(WRAPS)]
    assert len({a.story_id for a in first}) == 1 and event.split_drifted() == []
    # a later run seeds the stored stories, and the day's next wrap joins the market story
    later = StreamClusterer(params=params)
    for w, a in zip(WRAPS, first, strict=True):
        later.seed(_doc(*w), a.story_id)
    sydney = later.add(_doc("sydney", 23, "Australian shares edge up in late trade",
                            "Australian shares rose 0.3% on Tuesday as banks gained, the S&P/ASX 200 index closed higher."))
    assert sydney.story_id == first[0].story_id
