"""Main day (2026-11-27), story S01: Halvard Semiconductor agrees to buy Vireo Photonics.

Fact sheet shared by every article (wording, headlines and quotes differ per outlet):
- Halvard Semiconductor (Austin, Texas; CEO Marisol Okafor, CFO Ben Achterberg) buys
  Vireo Photonics (San Jose; Nasdaq: VRPH; CEO Tobias Lindqvist, CTO Amara Whitcombe).
- $6.8 billion, all cash, $38.50 a share, a 27% premium to Wednesday's (Nov 25) close.
- Financed with cash on hand and a $3 billion term loan.
- Expected to close by the end of the third quarter of 2027; needs US, EU and Chinese
  approvals and a Vireo shareholder vote expected in the first quarter of 2027.
- Vireo would owe a $204 million termination fee if it accepted a rival offer.
- Vireo revenue for its last fiscal year: $512 million, up 64%; about 1,400 employees.
- Vireo shares up about 24% before the open; Halvard down about 3%.
- Vireo to run as a standalone unit, Halvard Optical, led by Lindqvist.
- Past event: Vireo's investor day on November 18, where it raised its outlook.
"""

from __future__ import annotations

from .common import article

S = "S01"

ARTICLES = [
    article(
        "cl-halvard", "cl", "2026-11-27T12:10Z",
        "halvard-to-buy-vireo-photonics-for-6-8-billion",
        "Halvard to buy Vireo Photonics for $6.8 billion in bet on optical AI links",
        "Nadia Ferro", S,
        dek="The all-cash deal values the San Jose interconnect maker at $38.50 a share and gives Halvard a foothold in co-packaged optics.",
        feeds=("all", "ai"), cases=("shared-guid",), section="chips",
        body="""
Halvard Semiconductor said on Friday it had agreed to acquire Vireo Photonics for $6.8 billion in cash, betting that the optical links connecting AI accelerators will matter as much as the accelerators themselves.

Halvard will pay $38.50 for each Vireo share, a 27% premium to the stock's closing price on Wednesday, the last full trading session before the Thanksgiving holiday. The Austin, Texas, company said it would fund the purchase with cash on hand and a $3 billion term loan.

Vireo, based in San Jose, makes co-packaged optical engines that replace copper cables inside large AI clusters. Its revenue rose 64% to $512 million in its most recent fiscal year, and it employs about 1,400 people.

"Every customer conversation we have now starts with the network, not the chip," Halvard chief executive Marisol Okafor said on a call with analysts. "Vireo gives us the light path between thousands of processors, and we intend to invest heavily in it."

Vireo will operate as a standalone unit called Halvard Optical, run by Vireo's chief executive, Tobias Lindqvist. The companies expect the deal to close by the end of the third quarter of 2027, subject to approval by regulators in the United States, the European Union and China. Vireo shareholders are expected to vote on the transaction in the first quarter of 2027.

Under the merger agreement, Vireo would owe Halvard a $204 million termination fee if it walked away for a rival offer. Vireo shares rose about 24% in pre-market trading, while Halvard slipped roughly 3%.
""",
    ),
    article(
        "sl-halvard", "sl", "2026-11-27T13:40Z",
        "halvard-vireo-deal-ai-cluster-bottleneck",
        "Halvard's $6.8B Vireo deal is really about the AI cluster bottleneck",
        "Jules Okonkwo", S,
        dek="Analysts say the fight in AI hardware is moving from the processor to the cable.",
        cases=("teaser-only",),
        body="""
The most expensive part of an AI data center is the chips, but the hardest part may be getting those chips to talk to each other fast enough. That, more than anything, explains why Halvard Semiconductor is writing a $6.8 billion check for Vireo Photonics.

The deal, announced early Friday, pays Vireo shareholders $38.50 apiece in cash. Vireo's engines move data between accelerators as light instead of electrical signals, which cuts power use and lets operators build bigger clusters without drowning in copper.

"Copper is hitting a wall at a few meters," said Priya Raman, a semiconductor analyst at Gannet Securities. "Once clusters span whole buildings, whoever controls the optics controls the roadmap. Halvard just bought a seat at that table."

Raman noted that Vireo's sales grew 64% last year to $512 million, a pace few hardware companies can match. She called the 27% premium "full but defensible."

Not everyone was convinced. Dmitri Vos of Gantry Research said integration risk is high because Vireo's customers include companies that compete with Halvard. "Some of those buyers will now be sending their designs to a rival," he said. "Expect a few of them to dual-source."

Halvard says Vireo will keep its own brand as Halvard Optical under current CEO Tobias Lindqvist, a move meant to reassure those customers. The transaction needs regulators in the US, EU and China to sign off and is expected to close by the end of September 2027.
""",
    ),
    article(
        "bw-halvard", "bw", "2026-11-27T12:35Z",
        "halvard-agrees-6-8bn-takeover-of-vireo",
        "Chipmaker Halvard agrees $6.8bn takeover of Vireo",
        "Callum Reyes", S, section="business",
        dek="US chipmaker to pay $38.50 per share in cash for the optical interconnect specialist.",
        body="""
Halvard Semiconductor has agreed to buy Vireo Photonics in a $6.8bn (£5.4bn) all-cash deal, the latest sign that chipmakers are racing to control every part of the AI data centre.

The offer of $38.50 per share represents a premium of 27% to Vireo's closing price on Wednesday. US markets were shut on Thursday for Thanksgiving and reopen for a shortened session on Friday.

Vireo, which is listed on Nasdaq, designs optical engines that sit alongside processors and carry data as light. The company booked revenue of $512m in its last financial year, up 64%.

Marisol Okafor, Halvard's chief executive, told investors the purchase would add to adjusted earnings in the second full year after completion. Tobias Lindqvist, who co-founded Vireo, will stay on to lead the business, which will be renamed Halvard Optical.

In a memo to Vireo's roughly 1,400 staff, seen by Bytewire Daily, Lindqvist wrote: "Nothing about our mission changes on Monday morning. What changes is how quickly we can put our engines into the largest systems on the planet."

The deal requires clearance from competition authorities in the US, the EU and China and is expected to complete by the end of the third quarter of 2027. Halvard will pay for it using existing cash and a new $3bn term loan.
""",
    ),
    article(
        "ng-halvard", "ng", "2026-11-27T15:20Z",
        "why-halvard-paid-a-27-percent-premium-for-vireo",
        "Why Halvard paid a 27% premium for Vireo",
        "Harriet Lomax", S,
        dek="The $6.8bn deal is a wager that optics, not processors, will set the pace of AI infrastructure for the rest of the decade.",
        cases=("summary-only",), section="markets",
        body="""
When a chipmaker pays more than 13 times a target's annual sales, it is usually buying a future rather than a present. That is the right way to read Halvard Semiconductor's agreement, announced on Friday, to acquire Vireo Photonics for $6.8bn in cash. On the numbers alone, the price looks rich. Halvard is offering $38.50 a share, 27% above where Vireo closed on Wednesday, for a company that reported revenue of $512m in its latest fiscal year. But that revenue grew by 64%, and Vireo raised its outlook only nine days ago at an investor day on November 18, telling analysts that orders from hyperscale customers had outrun its own forecasts.

The logic is physical. Modern AI training runs spread a single model across tens of thousands of accelerators. The faster those accelerators exchange data, the less time they spend idle. Electrical links over copper lose signal quality quickly over distance and burn power in the process, so the industry has spent years trying to bring optical connections closer to the chip itself. Vireo's co-packaged engines are among the few such products shipping in volume.

For Halvard, which sells accelerators and networking silicon, owning that technology closes a gap in its catalogue. "We were the only one of the large system vendors without an in-house optical roadmap," Ben Achterberg, Halvard's chief financial officer, said during the company's call with investors. "That gap is now closed, and we think the returns on it will be measured over a decade, not a quarter."

There are three risks worth watching. The first is regulatory. The deal needs approval in the US, the EU and China, and Chinese reviews of American semiconductor deals have become unpredictable. Halvard expects to complete the purchase by the end of the third quarter of 2027, which leaves it little slack if any authority opens an extended investigation.

The second is customer reaction. Several of Vireo's biggest buyers design their own accelerators and compete with Halvard. Keeping Vireo as a separate unit, to be called Halvard Optical and run by chief executive Tobias Lindqvist, is a signal that Halvard knows this. Whether separate branding is enough to keep rivals buying is another question.

The third is balance-sheet strain. Halvard is financing the deal with cash and a $3bn term loan, which will push its net debt up just as it is spending heavily on new manufacturing capacity. Investors marked its shares down by about 3% before the opening bell, while Vireo jumped by roughly 24%.

Seen from a distance, the deal also says something about where the industry thinks value will accumulate. For most of the past five years, investors rewarded whoever sold the fastest accelerator. Halvard is betting that the next constraint is movement of data rather than arithmetic, and that the companies controlling the links between chips will have pricing power of their own. If that is right, $6.8bn will look cheap in hindsight; if copper keeps improving faster than expected, it will look like the top of a cycle.

Vireo's board has backed the offer, and shareholders are expected to vote in the first quarter of 2027. The agreement includes a $204m fee that Vireo would pay if it accepted a competing bid. Given the strategic value of the assets, it would not be a surprise if at least one rival took a hard look before then.
""",
    ),
    article(
        "sn-halvard", "sn", "2026-11-27T14:55Z",
        "vireo-photonics-stock-jumps-on-halvard-buyout",
        "Vireo Photonics stock jumps 24% on Halvard buyout",
        "Theo Marchetti", S,
        dek="Shares of the optical networking company leapt toward the $38.50 offer price in a holiday-thinned session.",
        body="""
Vireo Photonics shares surged about 24% on Friday after Halvard Semiconductor agreed to buy the company for $38.50 a share in cash, a deal valued at $6.8 billion.

The stock traded just below the offer price in a shortened post-Thanksgiving session, a gap that suggests investors see a good chance the deal will close but are pricing in a long regulatory wait. The companies have said they expect completion by the end of the third quarter of 2027.

Halvard shares fell around 3%. The buyer plans to pay with a combination of cash and a $3 billion term loan.

Vireo sells optical engines used to link AI accelerators. Revenue climbed 64% to $512 million last fiscal year, and the company employs about 1,400 people.

"It's a clean exit at a fair price for a company that was going to need a lot more capital to keep growing this fast," said Lucia Brandt, a portfolio manager at Ostrander Capital, which holds Vireo shares. "I would have liked a higher number, but I don't expect a bidding war."
""",
    ),
    article(
        "kp-halvard", "kp", "2026-11-27T16:30Z",
        "halvard-vireo-deal-open-interconnect-standards-40213",
        "What Halvard's Vireo deal means for open interconnect standards",
        "Kasia Wrona", S,
        dek="Vireo has been a prominent backer of open optical specifications. Engineers want to know whether that survives a $6.8 billion acquisition.",
        cases=("summary-only",), section="infrastructure",
        body="""
Halvard Semiconductor's $6.8 billion agreement to acquire Vireo Photonics has an audience beyond Wall Street: the engineers who build and operate large AI clusters, and who have come to rely on Vireo's published interface specifications.

Vireo has been one of the most active contributors to the Open Optical Module Alliance, the industry group that publishes the electrical and management interfaces for co-packaged optics. Its reference firmware for managing optical engines is released under an open-source licence, and several cloud operators run forks of it in production.

Helena Szabo, who chairs the alliance's technical steering group, said she had been assured that Vireo would keep contributing. "We've been told the specifications work continues and that the firmware repository stays public," she said. "We will judge that by the commits, not the press release."

Halvard said Vireo would run as a standalone unit called Halvard Optical under its current chief executive, Tobias Lindqvist. The all-cash deal, at $38.50 a share, is expected to close by the end of the third quarter of 2027 after reviews in the US, the EU and China.

For operators, the practical question is lock-in. If future Vireo engines only expose full telemetry to Halvard's own switches, mixed fleets become harder to manage. Halvard did not address the firmware directly on Friday, but chief executive Marisol Okafor said on the investor call that the company would "keep Vireo's products open to every system builder who wants them."
""",
    ),
    article(
        "dp-halvard", "dp", "2026-11-27T17:05Z",
        "halvard-vireo-deal-faces-eu-merger-review",
        "Halvard's $6.8bn swoop on Vireo sets up EU merger review",
        "Lukas Wendt", S, section="markets",
        dek="Brussels will examine the deal, which is worth about €6.5bn, as chip consolidation draws closer scrutiny.",
        body="""
The US chipmaker Halvard Semiconductor will need the blessing of European competition authorities for its planned $6.8bn (about €6.5bn) takeover of Vireo Photonics, a supplier of optical interconnects to European cloud and research computing centres.

Halvard announced the all-cash agreement on Friday, offering $38.50 for every Vireo share, a premium of 27% over the closing price on Wednesday. Besides the EU, the transaction must be approved by authorities in the United States and China. The companies expect completion by the end of the third quarter of 2027.

Vireo has no factories in Europe, but its engines are used in at least two of the continent's large publicly funded AI computing centres, and it runs a design office in Eindhoven with around 90 engineers.

Sofia Almeida, a competition lawyer at Brecht & Almeida in Brussels, said a lengthy review was likely. "The question for the Commission is whether a company that sells accelerators can disadvantage rivals by controlling the optics they depend on," she said. "Vertical deals like this one tend to end in behavioural remedies rather than a prohibition, but they take time."

Halvard is funding the purchase with cash and a $3bn term loan. Vireo, which had revenue of $512m in its last fiscal year, will become a unit named Halvard Optical, led by its chief executive Tobias Lindqvist.
""",
    ),
    article(
        "oi-halvard", "oi", "2026-11-27T13:15Z",
        "halvard-buys-vireo-photonics",
        "Halvard is buying Vireo Photonics for $6.8 billion",
        "Kenji Moriyama", S,
        body="""
Chipmaker Halvard Semiconductor is buying Vireo Photonics, the company whose optical engines help link the processors inside AI data centers, for $6.8 billion in cash.

Halvard is paying $38.50 per Vireo share, 27% more than the stock's Wednesday close. Vireo will keep operating under the name Halvard Optical, led by its current CEO, Tobias Lindqvist.

The deal still needs approval from regulators in the US, Europe and China, and the two companies expect it to close by the end of next September.
""",
    ),
    article(
        "pb-halvard", "pb", "2026-11-27T14:10Z",
        "halvard-vireo-deal-penang-supply-chain",
        "Halvard's US$6.8 billion Vireo purchase puts Penang suppliers in the spotlight",
        "Arjun Mehta", S,
        dek="Much of Vireo's optical engine assembly happens in Malaysia.",
        body="""
Halvard Semiconductor's agreement to buy Vireo Photonics for US$6.8 billion could reshape orders for contract manufacturers in Penang, where most of Vireo's optical engines are assembled and tested.

The US chipmaker said on Friday it would pay US$38.50 in cash for each Vireo share, a 27 per cent premium to the last close before Thanksgiving. Vireo, which reported revenue of US$512 million for its last financial year, relies on Straits Photonic Assembly, a Penang-based contract manufacturer, for final assembly.

Chen Yuhan, a vice-president at Straits Photonic Assembly, said the company had not been told of any change to its contracts. "Halvard has its own supply chain, so naturally we will need to prove ourselves again," Chen said. "But the volumes they talk about are much bigger than what Vireo could order alone."

Halvard chief executive Marisol Okafor told analysts the company planned to "at least double" Vireo's production capacity over two years, without saying where. Halvard already runs a test and packaging facility in Johor.

The deal is expected to close by the end of the third quarter of 2027, pending approvals in the United States, the European Union and China.
""",
    ),
    article(
        "fs-halvard", "fs", "2026-11-27T18:20Z",
        "vireo-early-backers-windfall-halvard",
        "Vireo's early backers set for a windfall from Halvard deal",
        "Dana Whitlock", S,
        dek="Larchmont Ventures led Vireo's first round in 2017. Its stake is now worth roughly $410 million.",
        cases=("teaser+content",),
        body="""
Halvard Semiconductor's $6.8 billion cash deal for Vireo Photonics is a rare venture-scale payday in optical hardware, a category many investors wrote off a decade ago as too slow and too capital-hungry.

Larchmont Ventures, which led Vireo's $9 million first round in 2017 and still owns about 6% of the company, stands to receive roughly $410 million at the $38.50-a-share offer price, according to Foundry Street's calculations based on Vireo's most recent proxy filing.

"People told us photonics was where venture money went to die," said Marcus Idowu, the Larchmont partner who sat on Vireo's board until the company's 2022 listing. "The AI build-out changed the physics of the business case. Suddenly everyone needed what Tobias and Amara had been building for nearly a decade."

Vireo was founded by chief executive Tobias Lindqvist and chief technology officer Amara Whitcombe. Both will remain at the company, which will operate inside Halvard as Halvard Optical.

The deal, announced Friday, still has to clear regulators in the US, the EU and China and a vote by Vireo shareholders, and is not expected to close until the end of the third quarter of 2027. Idowu said he expected the outcome to make it easier for hardware founders to raise early rounds. "Every optics pitch next year will have a slide with this deal on it," he said.
""",
    ),
]
