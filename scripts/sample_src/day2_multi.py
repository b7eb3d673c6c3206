"""Main day (2026-11-27): the other multi-source stories.

S13 Kestrel AI releases the open-weight Kestrel-3 model.
S14 Thanksgiving online sales figures from Cartwise Analytics.
S02 Tessellate Cloud outage, day-2 continuation (root cause, credits).
S16 Ransomware attack on Freightlane logistics software.
S42 Nimbus relicensing / Cirrus fork, day-2 follow-up from another outlet (no "update" tag).
"""

from __future__ import annotations

from .common import article

ARTICLES = [
    # ---------------------------------------------------------------- S13 Kestrel-3
    article(
        "cl-kestrel", "cl", "2026-11-27T16:45Z",
        "kestrel-ai-releases-open-weight-kestrel-3",
        "Kestrel AI releases Kestrel-3, a 70-billion-parameter open-weight model",
        "Owen Castellanos", "S13", feeds=("ai",), section="ai",
        dek="The Seattle lab's new model ships under Apache 2.0 with a 256,000-token context window.",
        body="""
Kestrel AI, the Seattle lab founded by former academic researchers, released Kestrel-3 on Friday, a 70-billion-parameter language model whose weights anyone can download and run under the Apache 2.0 licence.

The company said the model was trained on 14 trillion tokens of text and code and handles a context window of 256,000 tokens. On ReasonBench, a widely used set of multi-step reasoning problems, Kestrel-3 scored 81.4%, up from 72.9% for its predecessor.

"Open weights are not a marketing tactic for us, they are the product," said Ilse Marangoni, Kestrel's chief executive. "If a hospital or a city government wants to run this model on its own hardware, it should not need our permission."

Kestrel said a smaller 8-billion-parameter version aimed at laptops and phones would follow next month. The company has raised about $340 million from investors since its founding in 2023.
""",
    ),
    article(
        "sn-kestrel", "sn", "2026-11-27T17:30Z",
        "kestrel-3-open-model-hands-on",
        "Kestrel-3 is the open model to beat, at least this week",
        "Ruth Adeyemi", "S13",
        dek="We spent a morning with Kestrel AI's new 70B model. It is fast, careful and still trips over arithmetic.",
        body="""
Kestrel AI dropped Kestrel-3 on Friday morning with little warning, and within hours it was the most downloaded model on several community hubs. After a few hours of testing, it is easy to see why.

The 70-billion-parameter model is available under Apache 2.0, one of the most permissive licences around, which means companies can fine-tune it and ship it in commercial products without paying Kestrel. That alone sets it apart from rivals that publish weights under custom licences with usage restrictions.

In our tests, Kestrel-3 summarised a 300-page public planning document accurately and answered follow-up questions with page references. It was noticeably more willing than Kestrel-2 to say it did not know something. It still made mistakes on long arithmetic, getting two of ten multi-step percentage problems wrong.

Kestrel's own figures claim 81.4% on ReasonBench, against 72.9% for Kestrel-2. The company says the model saw 14 trillion tokens during training.

Running it is not trivial. At full precision the model needs around 140 GB of accelerator memory; 4-bit versions published by the community fit on a pair of high-end consumer GPUs.

Kestrel says an 8-billion-parameter sibling is coming next month, which should bring most of these improvements to a single laptop.
""",
    ),
    article(
        "bw-kestrel", "bw", "2026-11-27T18:05Z",
        "kestrel-ai-open-model-apache-licence",
        "Kestrel AI gives away its most capable model yet",
        "Ines Borowski", "S13", section="science",
        body="""
Kestrel AI has published the weights of Kestrel-3, its most capable language model to date, free for commercial use under the Apache 2.0 licence.

The 70-billion-parameter system was trained on 14 trillion tokens and can process up to 256,000 tokens at once, roughly the length of several novels. Kestrel said it scored 81.4% on the ReasonBench reasoning test.

Open-weight releases have become a competitive weapon for smaller labs that cannot match the compute budgets of the largest AI companies. By letting developers build on their models for free, they hope to become a default choice for businesses that want to keep data in-house.

"Releasing weights is how a lab our size gets into thousands of products we would never have the sales team to reach," said Kestrel's head of research, Tomasz Ruelle. "We make money when those companies need support, hosting or custom training."

Kestrel, founded in 2023, has raised about $340m.
""",
    ),
    article(
        "kp-kestrel", "kp", "2026-11-27T19:10Z",
        "kestrel-3-weights-licence-inference-40227",
        "Kestrel-3 lands under Apache 2.0: what developers need to know",
        "Sam Ibarra", "S13", cases=("summary-only",), section="ai",
        dek="Licence, hardware requirements, context length and the tokenizer change that will break some pipelines.",
        body="""
Kestrel AI released Kestrel-3 on Friday, and for developers the headline is the licence: Apache 2.0, with no acceptable-use addendum and no user-count threshold. You can fine-tune it, quantize it and embed it in a commercial product.

The model has 70 billion parameters and a 256,000-token context window. Kestrel trained it on 14 trillion tokens and reports 81.4% on ReasonBench.

One change will bite existing users. Kestrel-3 ships with a new tokenizer that has a 160,000-entry vocabulary, up from 64,000 in Kestrel-2, so prompt caches and token budgets computed for the older model will be wrong. Kestrel says text in languages other than English now takes about 30% fewer tokens on average.

Reference inference code is published for the three most popular open-source serving engines, and Kestrel says day-one support for speculative decoding gives up to 2.1 times higher throughput on long outputs.

The 8-billion-parameter variant promised for next month will use the same tokenizer, which should make it usable as a draft model for speculative decoding with the full-size version.
""",
    ),
    article(
        "oi-kestrel", "oi", "2026-11-27T20:00Z",
        "kestrel-3-free-ai-model",
        "Kestrel's new AI model is free to download, and surprisingly good",
        "Bea Lindgren", "S13",
        body="""
Small AI lab Kestrel AI just released a new model, Kestrel-3, that anyone can download and use for free, including businesses.

It is big, with 70 billion parameters, so most people will not run it at home without serious hardware. But it matters because companies can build chatbots and tools on it without sending data to an outside AI provider.

Kestrel says the model scores 81.4% on a common reasoning test, a sizeable jump over its last version. A smaller model that should run on a decent laptop is due next month.
""",
    ),
    # ---------------------------------------------------------------- S14 Thanksgiving sales
    article(
        "sl-thanksgiving-sales", "sl", "2026-11-27T15:05Z",
        "thanksgiving-online-sales-6-4-billion",
        "Americans spent $6.4 billion online on Thanksgiving, up 8.1%",
        "Mara Quist", "S14", cases=("teaser-only",),
        dek="Phones accounted for 57% of online purchases, according to Cartwise Analytics.",
        body="""
US shoppers spent $6.4 billion online on Thanksgiving Day, an 8.1% increase over last year, according to figures released Friday morning by Cartwise Analytics, which tracks transactions at more than 1,200 retail websites.

Smartphones accounted for 57% of online sales, up from 53% a year earlier. Buy-now-pay-later spending rose 11% compared with Thanksgiving 2025, a sign that many households are still stretching budgets.

Electronics and toys saw the steepest discounts, averaging 27% and 24% off list prices, Cartwise said. Demand was strongest for handheld game consoles, smart speakers and e-readers.

"Shoppers didn't wait for Friday this year," said Cartwise's lead analyst, Noor Haddad. "A lot of retailers opened their best deals on Wednesday night, and consumers clearly noticed."

Cartwise expects Black Friday itself to bring in $11.2 billion in US online sales, which would be a record for a single day.
""",
    ),
    article(
        "oi-thanksgiving-sales", "oi", "2026-11-27T16:10Z",
        "thanksgiving-online-shopping-record-phones",
        "Thanksgiving shoppers spent a record $6.4 billion online, mostly on their phones",
        "Kenji Moriyama", "S14",
        body="""
If you spent Thanksgiving afternoon scrolling deals on your phone, you had plenty of company. Online spending in the US reached $6.4 billion on the holiday, up 8.1% from last year, according to Cartwise Analytics.

More than half of that, 57%, came from smartphones. Game consoles and e-readers were among the best sellers, helped by average electronics discounts of 27%.

Cartwise is forecasting $11.2 billion in online sales for Black Friday.
""",
    ),
    article(
        "sn-thanksgiving-sales", "sn", "2026-11-27T18:40Z",
        "bnpl-thanksgiving-spending-cartwise",
        "Buy now, pay later use climbs 11% as holiday shopping starts strong",
        "Theo Marchetti", "S14",
        dek="Thanksgiving e-commerce hit $6.4 billion, but the financing data tells a more cautious story.",
        body="""
The headline number from Thanksgiving looks healthy: $6.4 billion in US online spending, up 8.1% on last year, according to Cartwise Analytics. The detail underneath is more mixed.

Spending financed through buy-now-pay-later services rose 11% year over year on the holiday, Cartwise said, outpacing growth in overall sales. Average order values were roughly flat, meaning the growth came from more orders rather than bigger baskets.

"When financing grows faster than spending, it tells you people want the deal but are not sure about the cash flow," said Rosa Delacroix, a consumer credit analyst at Merriwell Partners. "That is not a crisis signal, but it is a reason to watch January delinquencies."

Phones carried 57% of transactions. Cartwise projects $11.2 billion of online sales on Black Friday.
""",
    ),
    article(
        "bw-thanksgiving-sales", "bw", "2026-11-27T14:20Z",
        "us-thanksgiving-ecommerce-cartwise",
        "US Thanksgiving online sales rise 8.1% to $6.4bn",
        "Callum Reyes", "S14", section="business",
        body="""
Online sales in the US rose 8.1% to $6.4bn on Thanksgiving Day, according to Cartwise Analytics, as retailers pulled Black Friday promotions forward into the holiday.

The analytics firm, which monitors more than 1,200 retail websites, said 57% of purchases were made on smartphones. Electronics were discounted by an average of 27%.

Cartwise expects Black Friday online spending to reach a record $11.2bn.
""",
    ),
    # ---------------------------------------------------------------- S02 Tessellate day 2
    article(
        "cl-tessellate-update", "cl", "2026-11-27T10:30Z",
        "tessellate-blames-config-push-for-six-hour-outage",
        "Tessellate blames botched configuration push for six-hour outage, offers 25% credits",
        "Lena Hartwick", "S02", cases=("update",), updates="cl-tessellate", section="cloud",
        dek="The cloud provider's post-incident report says a load-balancer change cascaded across its eu-central region.",
        body="""
Tessellate Cloud said a configuration change pushed to its entire load-balancer fleet at once caused Thursday's outage in its eu-central region, which knocked payment processors and online shops in Germany, the Netherlands and Poland offline for six hours and 12 minutes.

In a post-incident report published early Friday, the Amsterdam-based provider said the change was meant to update how traffic is distributed between data centres but contained a malformed rule that caused load balancers to reject healthy servers. As servers were marked unavailable, the remaining ones were overwhelmed, and the failure spread.

About 2,300 business customers were affected, Tessellate said, more than the "several hundred" it had estimated on Thursday. Service was fully restored at 15:52 UTC.

"We pushed a change to every load balancer in the region simultaneously, and that should never have been possible," chief technology officer Joost van Reenen wrote in the report. "We are sorry. Our customers lost sales on one of the busiest days of their year."

Tessellate will give affected customers a credit of 25% of their monthly bill, well above the 10% its service agreement requires. It said a staged rollout system that limits configuration changes to one data centre at a time would be in place within two weeks.

This article updates our earlier report on the outage.
""",
    ),
    article(
        "dp-tessellate-update", "dp", "2026-11-27T11:45Z",
        "tessellate-outage-report-german-retailers",
        "German retailers count the cost as Tessellate admits configuration error",
        "Aoife Brennan", "S02", section="infrastructure",
        dek="Merchants say the outage cost them sales on the eve of Black Friday. The provider is offering credits.",
        body="""
Online retailers in Germany and the Netherlands said on Friday they had lost tens of thousands of euros in sales during Thursday's Tessellate Cloud outage, as the provider admitted a faulty configuration change had caused the disruption.

Tessellate's post-incident report said the failure lasted six hours and 12 minutes and affected about 2,300 business customers in its eu-central region. The company will credit them 25% of a month's fees.

Katrin Vogl, who runs a Leipzig-based online kitchenware shop, said her site was unreachable for most of the afternoon. "Thursday is when our Black Friday preview goes live. We estimate we lost around €18,000 in orders, and the credit covers maybe €300 of that," she said.

Netzhandel, an association that represents about 900 German online merchants, said it would ask members to report their losses and would raise the issue of cloud concentration with the federal digital ministry.

Tessellate said it would introduce staged rollouts for configuration changes within two weeks.
""",
    ),
    article(
        "bw-tessellate-update", "bw", "2026-11-27T09:50Z",
        "tessellate-outage-root-cause-credits",
        "Tessellate outage caused by faulty load balancer rule, provider says",
        "Ines Borowski", "S02", section="business",
        body="""
A malformed rule in a configuration update sent to all of Tessellate Cloud's load balancers in its eu-central region caused Thursday's six-hour outage, the company said in a report published on Friday.

The disruption lasted six hours and 12 minutes and hit about 2,300 business customers, including payment processors and e-commerce sites. Tessellate will issue credits worth 25% of affected customers' monthly bills.

The company said it would change its deployment tools within two weeks so that configuration updates reach one data centre at a time.
""",
    ),
    # ---------------------------------------------------------------- S16 Freightlane ransomware
    article(
        "dp-freightlane", "dp", "2026-11-27T09:15Z",
        "freightlane-ransomware-attack-shippers",
        "Ransomware attack on Freightlane disrupts freight bookings across Europe",
        "Aoife Brennan", "S16", section="infrastructure",
        dek="The Rotterdam logistics software company has taken its booking platform offline.",
        body="""
Freightlane, a Rotterdam-based company whose software is used by around 1,800 shippers and freight forwarders to book container and truck capacity, has taken its platform offline after a ransomware attack, it confirmed on Friday.

The company said it detected "unauthorised encryption activity" on Thursday evening and shut down systems as a precaution. Customers were told to fall back on email and phone bookings.

A criminal group calling itself Sable Lynx claimed responsibility on its leak site and said it had copied 400 gigabytes of data. Freightlane said it could not yet confirm whether any data had been taken.

"We have notified the Dutch data protection authority and the national cyber security centre and are working with external specialists," Freightlane said in a statement. It gave no timeline for restoring the platform.

Hauliers in the Netherlands, Belgium and Germany said Friday morning bookings were running far below normal.
""",
    ),
    article(
        "ng-freightlane", "ng", "2026-11-27T12:50Z",
        "freightlane-ransomware-supply-chain-risk",
        "Freightlane attack shows how one software vendor can stall a supply chain",
        "Dev Sandhu", "S16", cases=("summary-only",), section="tech",
        dek="A single booking platform sits between hundreds of shippers and thousands of trucks.",
        body="""
The ransomware attack on Freightlane is a reminder that the weakest point in a supply chain is often not a port or a warehouse but a piece of software that everyone shares.

Freightlane's platform, which went offline on Thursday evening, is used by about 1,800 shippers and forwarders to book road and container freight, mostly in the Benelux countries and Germany. With it down, dispatchers have reverted to phone calls and spreadsheets on one of the busiest weeks of the retail calendar.

"Everyone diversified their carriers after the pandemic, but very few diversified their software," said Alba Ferreira, a logistics researcher at the Institute for Freight Systems in Antwerp. "You can have 40 trucking partners and still be stuck if the one system you use to talk to them is encrypted."

The group claiming the attack, Sable Lynx, has previously targeted manufacturers and a regional hospital network. It says it holds 400GB of Freightlane data. The company has not said whether it will negotiate.

Freightlane has reported the incident to Dutch authorities. Under the EU's network security rules, it must submit a fuller incident report within a month.
""",
    ),
    article(
        "oi-freightlane", "oi", "2026-11-27T15:40Z",
        "freightlane-hack-black-friday-deliveries",
        "A ransomware attack could slow some Black Friday deliveries in Europe",
        "Bea Lindgren", "S16",
        body="""
A ransomware attack on Freightlane, a Dutch company whose software books trucks and shipping containers for about 1,800 businesses, could delay some deliveries in Europe during the Black Friday rush.

Freightlane took its platform offline on Thursday night after detecting the attack, which a group called Sable Lynx has claimed. Shippers are booking by phone in the meantime.

Freightlane has not said when the system will be back.
""",
    ),
    article(
        "kp-freightlane", "kp", "2026-11-27T17:55Z",
        "freightlane-ransomware-initial-access-40231",
        "Freightlane breach: attackers got in through an unpatched VPN appliance, sources say",
        "Sam Ibarra", "S16", cases=("summary-only",), section="security",
        dek="Two people involved in the response point to a flaw disclosed in October.",
        body="""
The attackers who encrypted Freightlane's booking platform on Thursday gained access through a VPN appliance that had not been patched against a vulnerability disclosed in October, according to two people involved in the incident response.

The flaw allows remote code execution without authentication on several models of a widely used remote-access gateway. A fix has been available since October 14, and security agencies in several countries have warned that it is being exploited.

Freightlane, whose software is used by about 1,800 shippers, declined to comment on how the attackers got in. It said it was working with outside specialists and had informed the Dutch authorities.

The Sable Lynx group, which claimed the attack, typically spends several days inside a network before deploying ransomware. Responders are examining whether backups were tampered with, one of the people said.

Administrators running the affected gateways should apply the October update and review authentication logs going back to early November, incident responders advised on Friday.
""",
    ),
    # ---------------------------------------------------------------- S42 Cirrus fork, day 2
    article(
        "kp-cirrus-distros", "kp", "2026-11-27T12:15Z",
        "cirrus-fork-linux-distributions-switch-40209",
        "Two Linux distributions drop Nimbus for the Cirrus fork",
        "Kasia Wrona", "S42", section="open-source",
        dek="Packagers cite the source-available licence; Driftlog says Nimbus development continues.",
        body="""
Two community Linux distributions said on Friday that they would replace the Nimbus logging library with Cirrus, the MIT-licensed fork launched on Thursday by most of Nimbus's former core maintainers.

Both projects said their packaging policies do not allow source-available licences in their main repositories, so the Nimbus version that moved to Driftlog's new licence could not be shipped. Cirrus 1.0, tagged on Friday morning, is a drop-in replacement for the last MIT-licensed Nimbus release.

Driftlog said it would keep developing Nimbus and that most of its commercial customers were unaffected. The Cirrus maintainers said about 40 contributors had opened pull requests in the fork's first 24 hours.
""",
    ),
]
