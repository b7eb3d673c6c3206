"""Main day (2026-11-27): the hard cases real feeds carry (S60-S63).

A finance-ticker template item, a paywall stub, a satire column, and a real story whose
page carries a byline and a photo caption. The first three are not news: they must never
reach the top stories, the roundups or the lede.
"""

from __future__ import annotations

from .common import article

ARTICLES = [
    article(
        "bw-ticker-tarnby", "bw", "2026-11-27T16:40Z",
        "2026-11-27-tarnby-logistics-nasdaq-trnb-shares-gap-down",
        "Tarnby Logistics (NASDAQ:TRNB) Shares Gap Down Following Analyst Downgrade",
        "Staff Writer", "S60", cases=("ticker-spam",), section="markets",
        body="""
Tarnby Logistics (NASDAQ:TRNB) shares gapped down before the market opened on Friday after Holloway Brothers downgraded the stock from a buy rating to a hold rating. The stock had previously closed at $24.18, and opened at $22.95. Shares of Tarnby Logistics last traded at $23.02, with a volume of 412,880 shares.

Several other equities analysts have also weighed in on the stock. Pemberton Securities reaffirmed an outperform rating and set a $31.00 price target on shares of Tarnby Logistics in a research note on Tuesday. Two analysts have rated the stock with a hold rating and three have given a buy rating, giving a consensus rating of Moderate Buy and an average price target of $28.40.

The firm has a 50-day moving average of $23.77 and a 200-day moving average of $21.65. Tarnby Logistics has a market capitalization of $1.41 billion, a price-to-earnings ratio of 19.80 and a beta of 1.12. Receive news and ratings for Tarnby Logistics daily by entering your email address below.
""",
    ),
    article(
        "sn-stub-meltwater", "sn", "2026-11-27T10:15Z",
        "harbour-data-centre-cooling-water-row",
        "Council and data centre operator clash over cooling water from Saltmarsh harbour",
        "Theo Marchetti", "S61", cases=("paywall-stub",),
        body="""
A row over how much harbour water a planned data centre in Saltmarsh may draw for cooling came to a head at a council meeting this week.

[prompt] This article is for subscribers only. Subscribe now to continue reading.

[prompt] Already a subscriber? Log in to read the full story.
""",
    ),
    article(
        "oi-satire-unicorn", "oi", "2026-11-27T17:30Z",
        "friday-funnies-bootstrapped-unicorn",
        "Founder raises $12 seed round from his mum, declares company a unicorn",
        "Penny Larkin", "S62", cases=("satire",), section="friday-funnies",
        body="""
Tech founder Barnaby Quist said on Friday that his startup, Ideaful, had closed a $12 seed round led by his mother, valuing the company at one billion dollars on what he called a vibes-adjusted basis.

"Mum did her due diligence, which was asking whether I had eaten," Quist said from his childhood bedroom, which now serves as the company's global headquarters. Ideaful has no product, no customers and a logo, which Quist said was the hard part.

The round also included a $3 follow-on from the family dog, who will take a board seat. Quist said he would use the money to hire a chief vibes officer and to buy a second whiteboard.

Friday Funnies is Orbit Insider's satire column: the people, companies and quotes in it are invented.
""",
    ),
    article(
        "cl-tollbridge", "cl", "2026-11-27T12:10Z",
        "tollbridge-transit-electric-bus-order",
        "Tollbridge Transit orders 40 electric buses for its Harrowgate routes",
        "Dana Whitcombe", "S63", cases=("byline", "caption"), section="transport",
        dek="The regional operator says the buses will replace diesel vehicles on six routes by the end of 2027.",
        body="""
[byline] By Dana Whitcombe | Circuit Ledger

Tollbridge Transit, a regional bus operator in the north of England, has ordered 40 battery-electric buses from the coachbuilder Fenwright Motors, the company said on Friday.

[caption] Photo: A Fenwright electric bus on a test run at the Harrowgate depot. (Tollbridge Transit)

The buses will replace diesel vehicles on six routes around Harrowgate by the end of 2027. Tollbridge said the order was worth about £19 million and would be part-funded by a regional clean transport grant.

The operator plans to install 22 overnight chargers at its Harrowgate depot, and said it expects the new fleet to cut its fuel and maintenance bill by about a quarter.
""",
    ),
]
