"""Day 1 (2026-11-26, US Thanksgiving): a smaller news day.

S02 starts here (Tessellate Cloud outage) and continues on the main day.
"""

from __future__ import annotations

from .common import article

ARTICLES = [
    # ---------------------------------------------------------------- S02 Tessellate outage (day 1)
    article(
        "cl-tessellate", "cl", "2026-11-26T12:20Z",
        "tessellate-cloud-outage-europe-payments",
        "Tessellate Cloud outage knocks European payment firms and shops offline",
        "Lena Hartwick", "S02", section="cloud",
        dek="The provider's eu-central region has been down since mid-morning.",
        body="""
A major outage at Tessellate Cloud has taken down websites and payment services across Germany, the Netherlands and Poland since mid-morning on Thursday, in the final run-up to Black Friday.

The Amsterdam-based cloud provider said on its status page that customers in its eu-central region were seeing "elevated error rates and failed connections" from 09:40 UTC. Several payment processors that host checkout systems with Tessellate reported failures, and shoppers at dozens of online stores saw error pages.

Tessellate said early indications pointed to a network configuration change and that engineers were rolling it back. It did not say how many customers were affected.

"We understand how critical today is for many of our customers, and every engineer we have is working on it," the company said.
""",
    ),
    article(
        "bw-tessellate", "bw", "2026-11-26T13:05Z",
        "tessellate-cloud-outage-eu-central",
        "Tessellate Cloud suffers major outage in Europe",
        "Ines Borowski", "S02", section="business",
        body="""
Tessellate Cloud, one of Europe's largest independent cloud providers, is suffering a major outage in its eu-central region, disrupting online retailers and payment companies.

The problems began at 09:40 UTC, according to the company's status page. Tessellate said it suspected a faulty network configuration change.

Outage-tracking sites recorded thousands of user complaints about shopping sites in Germany and the Netherlands.
""",
    ),
    article(
        "dp-tessellate", "dp", "2026-11-26T16:40Z",
        "tessellate-restores-service-after-six-hour-outage",
        "Tessellate restores service after six-hour outage hits European e-commerce",
        "Aoife Brennan", "S02", section="infrastructure",
        dek="Merchants ask why one provider's mistake can take out so much of the region's checkout traffic.",
        body="""
Tessellate Cloud said it had restored service in its eu-central region at 15:52 UTC on Thursday, ending an outage of more than six hours that disrupted online shops and payment providers across Central Europe.

The company said "several hundred" business customers had been affected and that it would publish a post-incident report within 24 hours. It has pointed to a network configuration change as the likely trigger.

The timing could hardly have been worse. Many retailers launch Black Friday promotions on Thursday, and several merchants told Datapoint Europe that their sites had been unreachable for most of the day.

"The outage is a reminder that concentration risk in cloud is not abstract," said Margit Halvorsen, a researcher at the Copenhagen Institute for Digital Resilience. "When a single provider hosts the checkout of hundreds of shops, a single mistake becomes a regional event."
""",
    ),
    article(
        "sl-tessellate", "sl", "2026-11-26T18:10Z",
        "tessellate-outage-startups-black-friday",
        "Startups scramble after Tessellate outage on the eve of Black Friday",
        "Jules Okonkwo", "S02", cases=("teaser-only",),
        body="""
For a few hours on Thursday, engineers at dozens of European startups had the same job: explain to their bosses why the site was down and there was nothing they could do about it.

The culprit was an outage at Tessellate Cloud that began at 09:40 UTC and lasted until nearly 16:00 UTC, taking down services hosted in the company's eu-central region. Tessellate blamed a network configuration change.

"We had a multi-region plan on paper," said Piotr Zalewski, chief technology officer of a Warsaw-based subscription box company. "On paper is doing a lot of work in that sentence."

Tessellate has promised a full report within a day.
""",
    ),
    # ---------------------------------------------------------------- S40 Arclight Security Series C
    article(
        "fs-arclight", "fs", "2026-11-26T15:15Z",
        "arclight-security-series-c-tamarind",
        "Arclight Security raises $60 million Series C at $900 million valuation",
        "Dana Whitlock", "S40", cases=("teaser+content",),
        dek="Tamarind Growth led the round for the identity-threat detection company.",
        body="""
Arclight Security, which detects attacks that use stolen employee credentials, has raised $60 million in a Series C round led by Tamarind Growth, valuing the company at $900 million.

Osprey Point Capital joined as a new investor, and existing backer Redfern Ventures also participated. The valuation is more than double the $410 million the company was valued at in its Series B in 2025.

Arclight's software watches how employees log in to cloud applications and flags sessions that look stolen, such as a login from a new device followed by a large data export. The company says it has about 600 business customers.

"Almost every breach we investigate starts with someone logging in, not breaking in," said chief executive Omar Siddiqui.

Arclight plans to expand in Europe and to add coverage for machine identities such as API keys.
""",
    ),
    article(
        "sn-arclight", "sn", "2026-11-26T17:20Z",
        "arclight-security-60m",
        "Arclight Security raises $60M to catch attackers who log in with stolen credentials",
        "Ruth Adeyemi", "S40",
        body="""
Arclight Security has raised $60 million in a Series C led by Tamarind Growth, with participation from Osprey Point Capital and Redfern Ventures. The round values the company at $900 million.

Arclight focuses on identity-based attacks, in which intruders use stolen passwords or session tokens instead of exploiting software bugs. It says it has 600 customers.

The new money will fund an expansion in Europe and new products covering machine identities such as API keys, chief executive Omar Siddiqui said.
""",
    ),
    # ---------------------------------------------------------------- S41 Plexa-Adroute merger blocked
    article(
        "ng-plexa", "ng", "2026-11-26T10:15Z",
        "judge-blocks-plexa-adroute-merger",
        "Judge blocks Plexa's $3.4bn takeover of Adroute",
        "Dev Sandhu", "S41", cases=("summary-only",), section="policy",
        dek="The court granted a preliminary injunction sought by US antitrust enforcers.",
        body="""
A US federal judge has blocked Plexa's planned $3.4bn acquisition of Adroute, ruling that combining two of the largest independent advertising exchanges would likely reduce competition for publishers.

The preliminary injunction, granted late on Wednesday, bars the companies from completing the deal while a full trial on the government's antitrust complaint proceeds.

In a 64-page opinion, the judge wrote that the companies' own documents showed they expected to raise the fees they charge publishers after the merger. Plexa said it was "disappointed" and was considering an appeal.

A scheduling conference is set for December 14.
""",
    ),
    article(
        "oi-plexa", "oi", "2026-11-26T14:30Z",
        "plexa-adroute-deal-blocked",
        "Court puts the brakes on the Plexa-Adroute ad tech merger",
        "Kenji Moriyama", "S41",
        body="""
Ad tech companies Plexa and Adroute cannot merge for now, after a federal judge sided with antitrust enforcers who argued the $3.4 billion deal would squeeze online publishers.

The judge found that the combined company would control more than 40% of the independent ad exchange market. Plexa says it may appeal.

The ruling is a preliminary one. A full trial on the government's complaint will decide whether the deal can ever go ahead.
""",
    ),
    article(
        "bw-plexa", "bw", "2026-11-26T11:40Z",
        "plexa-adroute-injunction-publishers",
        "Publishers welcome ruling halting Plexa-Adroute merger",
        "Callum Reyes", "S41", section="business",
        body="""
Publisher trade groups have welcomed a US court ruling that halts Plexa's $3.4bn takeover of rival ad exchange Adroute.

"Every time the pipes consolidate, publishers pay more and see less," said Danielle Osei, chief executive of the Independent Publishers Alliance. "This decision buys the market time."

The judge granted a preliminary injunction on Wednesday pending a full trial. Plexa said it was reviewing its options, including an appeal.
""",
    ),
    # ---------------------------------------------------------------- S42 Nimbus licence change / Cirrus fork
    article(
        "kp-nimbus-fork", "kp", "2026-11-26T15:50Z",
        "nimbus-logging-licence-change-cirrus-fork-40188",
        "Nimbus maintainers fork the logging library as Cirrus after licence change",
        "Sam Ibarra", "S42", cases=("summary-only",), section="open-source",
        dek="Nimbus moved to a source-available licence last week. Most of its core contributors have left for the fork.",
        body="""
Seven of the ten most active contributors to Nimbus, a widely used structured-logging library, have launched a fork called Cirrus after the company that controls the project moved it from the MIT licence to a source-available licence that restricts use in hosted services.

Cirrus is based on the last MIT-licensed Nimbus release and will remain under MIT, the maintainers said. It is being hosted by the Open Tooling Foundation, a non-profit.

"We didn't leave Nimbus; the licence left us," said Marta Kowalczyk, who maintained Nimbus's output adapters for five years.

Nimbus is downloaded about 30 million times a month from package registries. Driftlog, the company that owns the Nimbus trademark, said the change was needed to stop cloud providers from selling hosted versions of its work without contributing back.
""",
    ),
    article(
        "sn-nimbus-fork", "sn", "2026-11-26T19:05Z",
        "nimbus-cirrus-fork-open-source",
        "Another licence change, another fork: meet Cirrus",
        "Theo Marchetti", "S42",
        body="""
The open-source world has a familiar new drama. Driftlog, the company behind the popular Nimbus logging library, switched it to a source-available licence last week. On Thursday, most of its core maintainers answered with a fork, Cirrus, under the original MIT licence.

The pattern has repeated across databases, infrastructure tools and now a logging library: a company relicenses to protect its business, and the community walks away with the code.

Whether Cirrus thrives depends on which one package managers, Linux distributions and big users adopt. Two large distributions said on Thursday they would evaluate switching.
""",
    ),
    article(
        "cl-nimbus-fork", "cl", "2026-11-26T20:30Z",
        "driftlog-nimbus-licence-cirrus",
        "Driftlog defends Nimbus licence change as maintainers launch fork",
        "Owen Castellanos", "S42", section="software",
        body="""
Driftlog chief executive Reuben Castile defended the company's decision to move its Nimbus logging library to a source-available licence, hours after former maintainers launched an MIT-licensed fork called Cirrus.

"We employ most of the people who wrote Nimbus, and we have to be able to pay them," Castile said. "Cloud providers were reselling our work and contributing nothing."

Nimbus remains free for companies that use it in their own software. The new licence only restricts offering it as part of a managed logging service.
""",
    ),
    # ---------------------------------------------------------------- S43 Kaigan warehouse robot
    article(
        "pb-kaigan", "pb", "2026-11-26T05:10Z",
        "kaigan-robotics-warehouse-picking-robot",
        "Kaigan Robotics unveils picking robot for Asia's crowded warehouses",
        "Wei Ling Tan", "S43", section="tech",
        body="""
Osaka-based Kaigan Robotics has unveiled Sora-Pick, a compact mobile robot that picks items from shelves in narrow warehouse aisles, aimed at logistics operators in Japan and Southeast Asia where space is expensive.

The robot is 58 centimetres wide and can pick about 450 items an hour, according to the company. Kaigan will lease it for about 180,000 yen a month, including maintenance.

"Most warehouse robots were designed for American distribution centres the size of airports," said Kaigan president Haruto Inoue. "Our customers have aisles the width of a shopping trolley."

Kaigan said two Japanese convenience-store distributors have signed up for trials.
""",
    ),
    article(
        "oi-kaigan", "oi", "2026-11-26T16:05Z",
        "kaigan-sora-pick-robot",
        "Kaigan's Sora-Pick robot is built for tiny warehouses",
        "Bea Lindgren", "S43",
        body="""
Japanese startup Kaigan Robotics has shown off Sora-Pick, a warehouse robot narrow enough to work in aisles just 70 centimetres wide.

It grabs items off shelves at about 450 an hour and is aimed at urban warehouses in Asia. Kaigan is leasing it rather than selling it outright.

The company says two Japanese convenience-store distributors will start trials with the robot. Pricing works out to about 180,000 yen a month per unit.
""",
    ),
    # ---------------------------------------------------------------- day-1 one-source items
    article(
        "kp-tern", "kp", "2026-11-26T13:25Z",
        "tern-shell-1-0-release-40181",
        "Tern, a Rust-based shell, reaches 1.0",
        "Kasia Wrona", "S44", cases=("summary-only",), section="open-source",
        dek="Structured pipelines and a stable plugin API headline the first stable release.",
        body="""
Tern, a command-line shell written in Rust that passes structured data instead of plain text between commands, has reached version 1.0 after four years of development.

The release freezes the plugin API and the configuration format, which the maintainers say have been the main obstacle to adoption by companies. Tern runs on Linux, macOS and Windows.

The project has about 420 contributors and is funded through donations and two corporate sponsors.
""",
    ),
    article(
        "dp-ledgerly", "dp", "2026-11-26T11:20Z",
        "ledgerly-lisbon-hub",
        "Estonia's Ledgerly opens Lisbon hub with 80 jobs",
        "Lukas Wendt", "S45", section="startups",
        body="""
Ledgerly, a Tallinn-based accounting software company for freelancers, will open an engineering and customer support hub in Lisbon next month, creating about 80 jobs over two years.

The company said Portugal had become its fastest-growing market after Estonia and Germany. Ledgerly has about 140,000 paying customers across the EU.

"Lisbon gives us engineers and support staff who speak the languages of our fastest-growing markets," said co-founder Kristjan Tamm. The company raised €30m in a Series B round last year.
""",
    ),
    article(
        "sl-hungrybird", "sl", "2026-11-26T21:40Z",
        "hungrybird-record-thanksgiving-orders",
        "Hungrybird says Thanksgiving eve was its busiest night ever",
        "Mara Quist", "S46", cases=("teaser-only",),
        body="""
Food delivery app Hungrybird said Wednesday night was its busiest ever, with orders up 34% on a typical Wednesday, driven by people picking up last-minute ingredients and ordering dinner while traveling.

Pie, whipped cream and ice were among the most ordered grocery items, the company said. Average delivery times rose by about six minutes at the peak.

Hungrybird said it had added extra courier incentives for Thursday and expected Friday evening to be nearly as busy.
""",
    ),
    article(
        "pb-paylane", "pb", "2026-11-26T06:45Z",
        "paylane-singapore-payments-licence",
        "Paylane wins major payment institution licence in Singapore",
        "Arjun Mehta", "S47", section="fintech",
        body="""
Cross-border payments startup Paylane has received a major payment institution licence in Singapore, allowing it to offer e-money accounts and international transfers to businesses.

The company, founded in 2022, processes payments for about 9,000 small exporters in the region. Chief executive Nadia Rahim said the licence would let it hold customer balances directly rather than through a partner bank.

"Holding the licence ourselves cuts a day off most settlement times," Rahim said. Paylane plans to apply for similar licences in Malaysia and the Philippines next year.
""",
    ),
    article(
        "fs-hollis-road-fund", "fs", "2026-11-26T18:45Z",
        "hollis-road-ventures-closes-fund-iii",
        "Hollis Road Ventures closes $120 million third fund",
        "Rafael Ortiz", "S48", cases=("teaser+content",),
        body="""
Hollis Road Ventures, a Chicago seed-stage firm, has closed its third fund at $120 million, above its $100 million target.

The firm invests in software for industries it calls "unglamorous," such as construction, field services and logistics. It expects to back about 35 companies from the new fund, writing first checks of $1 million to $4 million.

"Our founders sell to people who wear steel-toed boots," said managing partner Grace Feldman. "Those markets are huge and still run on paper."
""",
    ),
    article(
        "oi-pocket-nova", "oi", "2026-11-26T22:10Z",
        "pocket-nova-handheld-sells-out",
        "The Pocket Nova handheld sold out in under an hour",
        "Kenji Moriyama", "S49",
        body="""
The Pocket Nova, a $249 handheld console that plays retro and indie games, sold out its holiday stock in less than an hour after early Black Friday pricing went live on Thursday.

Its maker, Brightcart Games, said it had sold about 60,000 units and would open a waitlist for the next batch, due in February.

The device runs a custom Linux build and has a 5.5-inch screen. Brightcart said demand had been about three times its forecast.
""",
    ),
    article(
        "cl-memory-prices", "cl", "2026-11-26T15:35Z",
        "memory-chip-prices-rise-november",
        "Memory chip contract prices rose 9% in November, tracker says",
        "Nadia Ferro", "S50", feeds=("all", "ai"), cases=("shared-guid",), section="chips",
        body="""
Contract prices for server memory rose 9% in November from October, according to Silicon Tally, a market research firm that surveys buyers and suppliers, as AI data center demand continued to absorb supply.

Prices for high-capacity server modules rose the most, up 12%, while prices for memory used in PCs and phones were flat. Silicon Tally expects prices to keep rising through the first quarter of 2027.

"Suppliers are allocating capacity to AI customers first, and everyone else is paying for it," said Silicon Tally analyst Grace Oyelaran.
""",
    ),
]
