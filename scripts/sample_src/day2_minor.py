"""Main day (2026-11-27): one-source minor items (S20-S31)."""

from __future__ import annotations

from .common import article

ARTICLES = [
    article(
        "kp-ferrousdb", "kp", "2026-11-27T14:00Z",
        "ferrousdb-2-0-beta-40219",
        "FerrousDB 2.0 beta brings columnar storage and a 3x ingest speedup",
        "Kasia Wrona", "S20", cases=("summary-only",), section="databases",
        dek="The open-source time-series database also drops its custom query language in favour of SQL.",
        body="""
The maintainers of FerrousDB, the open-source time-series database written in Rust, have released the first beta of version 2.0, with a new columnar storage engine that they say ingests data about three times faster than the 1.x series on the same hardware.

Version 2.0 also retires FQL, the project's own query language, in favour of standard SQL with time-series extensions. A translation tool converts existing FQL queries, and the maintainers say it handled 97% of queries in their test corpus without manual changes.

The project remains under the Apache 2.0 licence. The final 2.0 release is planned for the first quarter of 2027.
""",
    ),
    article(
        "sn-pocketloop", "sn", "2026-11-27T13:20Z",
        "pocketloop-encrypted-backups",
        "Pocketloop adds end-to-end encrypted backups for chats",
        "Theo Marchetti", "S21",
        body="""
Messaging app Pocketloop is rolling out end-to-end encrypted backups, closing a gap that meant chat histories stored in the cloud could, in principle, be read by the company.

Users can protect backups with a 64-character recovery key or a passphrase. Pocketloop says it never sees either, so it cannot restore a backup if both are lost.

The feature reaches all of Pocketloop's roughly 45 million monthly users over the next two weeks.
""",
    ),
    article(
        "oi-ninefold", "oi", "2026-11-27T19:25Z",
        "ninefold-games-layoffs",
        "Ninefold Games lays off 120 people, about 18% of its staff",
        "Kenji Moriyama", "S22",
        body="""
Ninefold Games, the Montreal studio behind the co-op shooter Breachline, is laying off 120 employees, roughly 18% of its workforce, the company confirmed on Friday.

In a message to staff, studio head Claire Dubois said an unannounced project had been cancelled after Breachline's latest season fell short of player targets. "This is a decision about the portfolio, not about the talent of the people affected," she wrote.

Ninefold said departing employees will receive at least 16 weeks of severance. Breachline will continue to receive updates.
""",
    ),
    article(
        "cl-wayfarer", "cl", "2026-11-27T15:00Z",
        "wayfarer-browser-drops-32-bit-linux",
        "Wayfarer browser to drop 32-bit Linux builds in 2027",
        "Owen Castellanos", "S23", section="software",
        body="""
The team behind Wayfarer, the privacy-focused open-source web browser, said it will stop producing builds for 32-bit Linux systems starting with version 19, due in the spring.

Fewer than 0.2% of Wayfarer's active installations run on 32-bit Linux, the project said, and maintaining the builds was consuming a disproportionate share of its testing capacity.

Version 18 will continue to receive security fixes for 32-bit systems for six months after version 19 ships.
""",
    ),
    article(
        "ng-qubitra", "ng", "2026-11-27T10:20Z",
        "qubitra-two-qubit-fidelity-record",
        "Qubitra reports 99.92% two-qubit gate fidelity",
        "Harriet Lomax", "S24", cases=("summary-only",), section="tech",
        dek="The Cambridge quantum start-up says its trapped-ion system has reached a key error threshold.",
        body="""
Qubitra, a quantum computing start-up spun out of research in Cambridge, says its latest trapped-ion processor has performed two-qubit operations with 99.92% fidelity, averaged over 56 qubits.

That level of accuracy matters because error-correction schemes become far cheaper once physical errors fall below about one in a thousand operations. Qubitra said its results had been submitted for peer review and published as a preprint.

"We are not claiming a useful quantum computer yet," said chief scientist Dr Anika Rhodes. "We are claiming the hardware is now good enough that error correction stops being a tax and starts being a tool."

Qubitra has raised £95m from investors including university-linked funds.
""",
    ),
    article(
        "dp-coldharbor", "dp", "2026-11-27T13:05Z",
        "coldharbor-aarhus-heat-reuse-deal",
        "Coldharbor signs 40MW heat reuse deal with Aarhus district heating",
        "Lukas Wendt", "S25", section="infrastructure",
        body="""
Coldharbor, a Dublin-based maker of liquid cooling systems for data centres, has signed an agreement to supply up to 40MW of waste heat from a new data centre campus to the district heating network in Aarhus, Denmark.

The heat, captured from servers at around 60C, will be raised to network temperature using heat pumps and could warm the equivalent of about 9,000 homes, the companies said.

Coldharbor will build and operate the heat-recovery plant. Financial terms were not disclosed. Deliveries are due to start in the 2028 heating season.
""",
    ),
    article(
        "pb-zipto", "pb", "2026-11-27T03:15Z",
        "zipto-electric-motorbikes-manila",
        "Zipto adds 1,500 electric motorbikes to Manila fleet",
        "Arjun Mehta", "S26", section="mobility",
        body="""
Philippine ride-hailing firm Zipto will add 1,500 electric motorbikes to its Manila fleet over the next three months, the company said on Friday, in a bid to cut fuel costs for its riders.

Riders will lease the bikes for 390 pesos a day, including access to 60 battery-swap stations Zipto is building with a local energy company. The company said riders using the electric bikes should save about a third on daily running costs compared with petrol models.

Zipto has about 28,000 active riders in Metro Manila.
""",
    ),
    article(
        "sl-larkspur", "sl", "2026-11-27T18:15Z",
        "larkspur-e-bike-firmware-lockout-fix",
        "Larkspur fixes firmware bug that locked owners out of their e-bikes",
        "Mara Quist", "S27", cases=("teaser-only",),
        body="""
E-bike startup Larkspur has shipped a firmware fix after an update released on Tuesday left some owners unable to unlock their bikes from the companion app.

The company said about 4% of its bikes in North America were affected, mostly older units with the first-generation controller. The new version, 3.8.2, installs automatically when the bike connects to the app over Bluetooth.

"We should have caught this in testing, and we didn't," Larkspur wrote in a post to customers. Owners who were stranded can claim reimbursement for alternative transport.
""",
    ),
    article(
        "kp-forgehouse", "kp", "2026-11-27T20:20Z",
        "forgehouse-free-tier-ci-minutes-40236",
        "Forgehouse doubles free CI minutes for open-source projects",
        "Sam Ibarra", "S28", cases=("summary-only",), section="devops",
        dek="Public repositories get 4,000 build minutes a month from January.",
        body="""
Code hosting service Forgehouse will double the free continuous-integration allowance for public repositories to 4,000 minutes a month starting January 1, the company said.

Private repositories on the free plan keep their current 1,000-minute limit. Forgehouse also said it would add ARM-based Linux runners to the free tier for the first time.

The change follows complaints from maintainers of large open-source projects that their test suites regularly exhausted the monthly quota within the first two weeks.
""",
    ),
    article(
        "bw-fibrant", "bw", "2026-11-27T11:10Z",
        "fibrant-full-fibre-two-million-homes",
        "Fibrant's full-fibre network passes 2 million UK homes",
        "Ines Borowski", "S29", section="business",
        body="""
Alternative broadband provider Fibrant says its full-fibre network now reaches 2 million homes and businesses in the UK, making it one of the larger challengers to the national incumbents.

The company, which focuses on towns in the Midlands and the north of England, said 31% of the premises it passes have signed up for a service, up from 26% a year ago.

Fibrant plans to reach 2.6 million premises by the end of 2027, funded by a £700m debt facility agreed in the spring.
""",
    ),
    article(
        "cl-arkwright", "cl", "2026-11-27T17:35Z",
        "arkwright-arizona-fab-test-wafers",
        "Arkwright Foundry's Arizona fab starts running test wafers",
        "Lena Hartwick", "S30", section="chips",
        body="""
Arkwright Foundry has started processing test wafers at its new fab in Chandler, Arizona, the contract chipmaker said on Friday, about four months later than it originally planned.

The plant will make chips on a 5-nanometre-class process for automotive and industrial customers. Arkwright said commercial production would begin once yields reach its internal targets, which it did not disclose.

The company blamed the delay on late delivery of lithography equipment and a shortage of qualified technicians. It has hired about 1,100 of the 1,600 staff the site will eventually need.
""",
    ),
    article(
        "sn-reelhouse", "sn", "2026-11-27T21:00Z",
        "reelhouse-live-sports-streaming",
        "Reelhouse adds live sports to its streaming service",
        "Ruth Adeyemi", "S31",
        body="""
Streaming service Reelhouse is adding live sports, starting with second-division European football matches and US college basketball, the company said on Friday.

The sports package costs $6.99 a month on top of a standard subscription. Reelhouse, which has about 22 million subscribers, said it would stream more than 900 live events in its first year.

The company has spent the past year signing smaller sports rights deals that larger streamers passed over.
""",
    ),
]
