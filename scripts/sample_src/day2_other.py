"""Main day (2026-11-27): funding, regulation, the Brightloom pair, wire copy and events."""

from __future__ import annotations

from .common import article

ARTICLES = [
    # ---------------------------------------------------------------- S03 Quillmark Series B
    article(
        "fs-quillmark", "fs", "2026-11-27T13:30Z",
        "quillmark-raises-42-million-euro-series-b",
        "Quillmark raises €42 million Series B to take AI contract review to US law firms",
        "Rafael Ortiz", "S03", cases=("teaser+content",),
        dek="Aldergrove Ventures led the round, which values the London startup at €310 million.",
        body="""
Quillmark, a London startup that uses language models to review and redline commercial contracts, has raised €42 million in a Series B round led by Aldergrove Ventures.

Northwind Capital joined the round, along with existing investor Fernhill Partners, which led Quillmark's Series A in 2025. The new funding values the company at €310 million after the investment, according to a person familiar with the terms.

Quillmark's software is used by about 240 law firms and in-house legal teams, mostly in the UK, Ireland and the Netherlands. It flags unusual clauses, compares drafts against a firm's own precedents and proposes edits that lawyers can accept or reject.

"Lawyers don't want a chatbot, they want a colleague who has read every contract the firm ever signed," said Eleanor Pryce, Quillmark's co-founder and chief executive. "That is a product you have to earn trust for, one matter at a time."

Pryce said the company would use the money to open an office in New York and to hire about 90 people over the next 18 months, roughly doubling its headcount. Quillmark's annual recurring revenue tripled over the past year, she said, without giving a figure.

Aldergrove partner Tom Ashdown will join Quillmark's board. "Legal is one of the few professions where the output is already text and the quality bar is already measurable," he said. "That makes it unusually good ground for AI, if the product is careful."
""",
    ),
    article(
        "sn-quillmark", "sn", "2026-11-27T15:45Z",
        "quillmark-series-b-aldergrove",
        "Legal AI startup Quillmark lands €42M led by Aldergrove",
        "Ruth Adeyemi", "S03",
        body="""
Quillmark, which sells AI contract-review software to law firms, has raised €42 million (about $44 million) in a Series B led by Aldergrove Ventures, with Northwind Capital and returning backer Fernhill Partners also participating.

The London company says about 240 firms use its tools. It plans to open a New York office and roughly double its staff.

The round values Quillmark at €310 million post-money, according to a person familiar with the deal.
""",
    ),
    article(
        "dp-quillmark", "dp", "2026-11-27T14:25Z",
        "quillmark-42m-series-b-legal-ai",
        "London's Quillmark raises €42m as legal AI funding heats up",
        "Lukas Wendt", "S03", section="startups",
        dek="The Series B round was led by Aldergrove Ventures.",
        body="""
Quillmark, a London-based developer of AI tools for contract review, has closed a €42m Series B funding round led by Aldergrove Ventures, the company said on Friday. Northwind Capital and existing shareholder Fernhill Partners also took part.

The deal values the company at €310m, a person with knowledge of the matter said, making it one of the most highly valued legal technology startups in Europe.

Quillmark counts law firms in Dublin and Amsterdam among its roughly 240 customers and says its software supports contracts in English, Dutch and German. A French version is in testing.

European legal technology companies have raised more than €600m in 2026, according to estimates by the Lisbon-based research firm Tagus Analytics, roughly double last year's total.
""",
    ),
    # ---------------------------------------------------------------- S04 Tidewell Series A
    article(
        "fs-tidewell", "fs", "2026-11-27T15:10Z",
        "tidewell-energy-software-18-million-series-a",
        "Tidewell raises $18 million to help utilities forecast rooftop solar and EV demand",
        "Dana Whitlock", "S04", cases=("teaser+content",),
        dek="Brightwater Climate Fund led the Denver startup's Series A.",
        body="""
Tidewell Energy Software, a Denver startup that helps electric utilities predict demand on individual neighbourhood circuits, has raised $18 million in a Series A round led by Brightwater Climate Fund.

Pell Street Capital and the Orrin Angel Collective, a group of former utility executives, also invested. The company had previously raised $4.5 million in seed funding.

Tidewell's software combines smart-meter data, weather forecasts and vehicle registration records to estimate when rooftop solar panels and electric-vehicle chargers will push local transformers past their limits. Utilities can then reinforce equipment or shift charging before problems occur.

"Grids were designed for power flowing one way, at predictable times," said chief executive Gabriel Nakamura-Reyes. "Now every street is different, and the people running the network need to see that street by street."

Tidewell said it would begin a pilot with a large Colorado utility early next year, covering about 400,000 customers. The new funding will go toward hiring engineers and building a team to work with regulators on rate cases.
""",
    ),
    article(
        "ng-tidewell", "ng", "2026-11-27T17:40Z",
        "tidewell-series-a-grid-forecasting",
        "Grid forecasting start-up Tidewell secures $18m",
        "Dev Sandhu", "S04", cases=("summary-only",), section="tech",
        dek="Brightwater Climate Fund leads the round; Pell Street Capital and the Orrin Angel Collective join.",
        body="""
Tidewell Energy Software, which builds forecasting tools for electricity distribution networks, has raised $18m in a Series A round led by Brightwater Climate Fund, with participation from Pell Street Capital and the Orrin Angel Collective.

The Denver-based company models demand on individual low-voltage circuits, where the growth of home solar panels, heat pumps and electric-car chargers is making loads far harder to predict.

Tidewell plans to start a pilot with a Colorado utility early next year. Chief executive Gabriel Nakamura-Reyes said it was also in talks with two network operators in Europe.
""",
    ),
    # ---------------------------------------------------------------- S05 Lintang Pay + aggregate
    article(
        "pb-lintang", "pb", "2026-11-27T04:30Z",
        "lintang-pay-series-c-sagewood",
        "Lintang Pay raises US$25 million as Southeast Asian startup funding tops US$1 billion in November",
        "Wei Ling Tan", "S05", section="fintech",
        dek="The Jakarta payments startup's Series C was led by Sagewood Partners.",
        body="""
Lintang Pay, a Jakarta-based company that provides payment terminals and working-capital loans to small shops, has raised US$25 million in a Series C round led by Sagewood Partners.

Kota Capital and Meranti Ventures also joined the round, the company said on Friday. Lintang Pay did not disclose its valuation.

The startup says about 310,000 merchants across Indonesia use its QR-code and card terminals, and that it has extended more than US$180 million in short-term loans since 2023. Its default rate is below 2 per cent, according to chief executive Rina Kusumawardani.

"Small merchants are the backbone of Indonesian retail, and they still struggle to get credit from banks," Kusumawardani said. "Their payment data tells a better story than any collateral."

Lintang Pay is preparing for an initial public offering in Jakarta as early as next year, according to two people familiar with the matter, who asked not to be named because the plans are private. The company declined to comment on listing plans.

The deal adds to a busy month for the region. Southeast Asian tech startups have raised US$1.14 billion across 83 deals so far in November, according to Pacific Byte's deal tracker, the highest monthly total since March. Fintech accounted for 38 per cent of the money raised.
""",
    ),
    # ---------------------------------------------------------------- S06 Fernwork seed
    article(
        "fs-fernwork", "fs", "2026-11-27T19:30Z",
        "fernwork-seed-hollis-road",
        "Fernwork gets $6.5 million seed to schedule field technicians",
        "Rafael Ortiz", "S06", cases=("teaser+content",),
        body="""
Fernwork, a Chicago startup that builds scheduling software for companies that send technicians to homes and businesses, has raised $6.5 million in seed funding led by Hollis Road Ventures.

Tallgrass Seed Fund also invested, along with several angel investors from the field-service industry.

Fernwork's software plans daily routes for heating, plumbing and electrical crews and reshuffles them when a job runs long or a part is missing. The company says customers complete about 15% more jobs per technician per week.

"The average dispatcher is juggling a whiteboard, three spreadsheets and a phone that never stops ringing," said co-founder and CEO Maya Okonjo. "We replace the whiteboard first."

Fernwork has 26 employees and plans to reach 60 by the end of 2027.
""",
    ),
    # ---------------------------------------------------------------- S07 EU Device Longevity Regulation (proposed)
    article(
        "dp-longevity", "dp", "2026-11-27T10:05Z",
        "commission-proposes-device-longevity-regulation",
        "Commission proposes eight-year spare parts rule for phones and laptops",
        "Aoife Brennan", "S07", section="policy",
        dek="The draft Device Longevity Regulation would apply from 1 January 2029.",
        body="""
The European Commission on Friday proposed a Device Longevity Regulation that would require makers of smartphones, tablets and laptops sold in the EU to supply spare parts for eight years after the last unit of a model is placed on the market.

Manufacturers would also have to provide security updates for at least seven years and design batteries that users can replace with commonly available tools. The rules would apply from 1 January 2029 if adopted by the European Parliament and member states.

The proposal goes further than existing ecodesign rules for phones and tablets, which set shorter periods and do not cover laptops. The Commission estimates that the measures would extend the average lifetime of a device by about 18 months and cut consumer spending on replacements by €12bn a year across the bloc.

Industry groups were cautious. "Eight years of parts for every model is a warehouse problem as much as an engineering one," said Jérôme Vasseur, director general of the Brussels-based Connected Devices Europe association. "We need to see how the Commission proposes to handle low-volume products."

Repair campaigners welcomed the draft but said the seven-year software commitment should start from the date of the last sale, not the launch.

The Parliament's internal market committee will hold a first exchange of views on the proposal on December 9.
""",
    ),
    article(
        "ng-longevity", "ng", "2026-11-27T11:30Z",
        "eu-device-longevity-regulation-manufacturers",
        "Brussels wants your next laptop to last eight years",
        "Harriet Lomax", "S07", cases=("summary-only",), section="policy",
        dek="A new draft law would force manufacturers to stock parts and ship security updates for far longer.",
        body="""
The European Commission has proposed rules that would make manufacturers of phones, tablets and laptops keep spare parts available for eight years after a model stops being sold in the EU, and ship security updates for at least seven.

The draft Device Longevity Regulation, published on Friday, would also require batteries that can be replaced by users. If agreed by the European Parliament and national governments, it would apply from 1 January 2029.

For laptop makers, the change would be significant. They are not covered by current EU ecodesign rules, and many support business models for only three to five years. Manufacturers whose devices are sold in the EU, including those based outside the bloc, would have to comply.

The Commission puts consumer savings at €12bn a year. Manufacturers warn that costs will be passed on in higher prices. MEPs on the internal market committee are scheduled to discuss the proposal on December 9.
""",
    ),
    article(
        "oi-longevity", "oi", "2026-11-27T14:45Z",
        "eu-phones-laptops-eight-years-parts",
        "The EU wants phones and laptops to get parts for eight years and updates for seven",
        "Bea Lindgren", "S07",
        body="""
Europe is taking another swing at throwaway gadgets. A new proposal from the European Commission would require phone, tablet and laptop makers to offer spare parts for eight years and security updates for seven, and to make batteries replaceable by ordinary users.

The rules would cover any company selling those devices in the EU and would kick in on January 1, 2029, assuming lawmakers and member countries approve them.

That is still a long way off, and the details will likely change. But previous EU rules, like the common charging port requirement, ended up changing devices sold worldwide.
""",
    ),
    # ---------------------------------------------------------------- S08 UK children's app store code (delayed)
    article(
        "ng-appstore-code", "ng", "2026-11-27T09:40Z",
        "online-standards-authority-delays-app-store-code",
        "Regulator delays children's app store code by six months",
        "Dev Sandhu", "S08", cases=("summary-only",), section="policy",
        dek="App store operators now have until 1 September 2027 to introduce age checks.",
        body="""
The Online Standards Authority has pushed back the deadline for its Children's App Store Code by six months, giving app store operators until 1 September 2027 to comply. The code had been due to take effect on 1 March 2027.

The code requires companies that run app stores in the UK to verify that users are over 18 before allowing them to download apps rated for adults, and to switch on parental approval by default for accounts belonging to under-13s. Developers of apps with more than one million UK users must also submit age ratings that the regulator can audit.

The authority said it had agreed to the delay after app store operators showed that age-verification systems meeting its accuracy standard could not be deployed across all devices in time. It rejected requests for a 12-month extension.

"A delay is not a retreat," the authority's chief executive, Miriam Okeke-Hale, said in a statement. "The standard stays exactly where it was; what changes is the date." Children's charities said they were disappointed.

The regulator will publish revised technical guidance later this month.
""",
    ),
    article(
        "sl-appstore-code", "sl", "2026-11-27T16:50Z",
        "uk-app-store-age-checks-delayed",
        "UK pushes app store age checks to September 2027",
        "Mara Quist", "S08", cases=("teaser-only",),
        body="""
App store operators in the UK have an extra six months to roll out age verification. The Online Standards Authority said Friday that its Children's App Store Code will now take effect on September 1, 2027, instead of March 1.

Under the code, stores must confirm users are adults before they download 18+ apps and enable parental approval by default for children under 13. Apps with over a million UK users need auditable age ratings.

Developers we spoke to were relieved. "We were looking at building the same flow twice, once for the stores and once for ourselves," said Adaeze Obi, product lead at a London dating app. "Six more months means we can wait and see what the platforms actually ship."
""",
    ),
    # ---------------------------------------------------------------- S09a Brightloom recall
    article(
        "oi-brightloom-recall", "oi", "2026-11-27T13:55Z",
        "brightloom-hearth-2-thermostat-recall",
        "Brightloom recalls 310,000 Hearth 2 smart thermostats over battery fires",
        "Kenji Moriyama", "S09",
        dek="Owners should check their serial number and stop using affected units.",
        body="""
Brightloom Home is recalling about 310,000 Hearth 2 smart thermostats sold in the US and Canada because their backup batteries can overheat.

The affected units were sold between March 2025 and October 2026 at electronics stores and online for about $229. Brightloom says it has received 14 reports of batteries overheating, including two that caused minor burns and one that scorched a wall. No serious injuries have been reported.

Owners can find their serial number in the Brightloom app under Settings, then Device info. If it starts with HT2-B, Brightloom says to remove the thermostat from its base and contact the company for a free replacement or a full refund. Replacement units begin shipping next Tuesday.

The recall was announced jointly with US product-safety regulators.
""",
    ),
    article(
        "sl-brightloom-recall", "sl", "2026-11-27T14:35Z",
        "brightloom-recall-hearth-2",
        "Brightloom pulls its best-selling thermostat after overheating reports",
        "Jules Okonkwo", "S09", cases=("teaser-only",),
        body="""
Brightloom Home, the Boston company that became one of the biggest names in connected home gear, is recalling roughly 310,000 Hearth 2 thermostats after 14 reports that the devices' lithium backup batteries overheated.

The recall covers units sold in the United States and Canada from March 2025 through October 2026. Customers can get a free replacement or a refund; the company says replacements ship starting next Tuesday.

"We identified a supplier defect in one batch of battery cells, and we are treating every unit from that period as affected," Brightloom said in a statement.

It is a painful moment for the company, which made the Hearth line the centrepiece of its push into energy management.
""",
    ),
    article(
        "sn-brightloom-recall", "sn", "2026-11-27T19:45Z",
        "brightloom-thermostat-recall-what-to-do",
        "Own a Brightloom Hearth 2? Here's how to check if it's recalled",
        "Ruth Adeyemi", "S09",
        body="""
Brightloom is recalling about 310,000 Hearth 2 smart thermostats because the built-in backup battery can overheat. Here's what owners should do.

First, check the serial number. Open the Brightloom app, go to Settings, then Device info. Serial numbers beginning with HT2-B are affected. You can also find the number on the back of the thermostat after lifting it off the wall plate.

If your unit is affected, Brightloom recommends removing it from the wall plate, which cuts power to the battery, and using your heating system's manual controls in the meantime.

You can choose a free replacement, which Brightloom says will start shipping next Tuesday, or a refund of the purchase price. Professional installation of the replacement is covered if you paid for installation the first time.

The company has logged 14 overheating reports, two of which involved minor burns.
""",
    ),
    # ---------------------------------------------------------------- S10 Brightloom earnings (same company, different event)
    article(
        "bw-brightloom-earnings", "bw", "2026-11-27T21:15Z",
        "brightloom-third-quarter-results-forecast-cut",
        "Brightloom cuts forecast as quarterly sales fall 6%",
        "Callum Reyes", "S10", section="business",
        dek="The smart home company also set aside $35m for the Hearth 2 recall.",
        body="""
Brightloom Home lowered its full-year sales forecast on Friday after revenue fell 6% in its fiscal third quarter, blaming weak demand for smart speakers and cameras.

Revenue for the three months to October 31 was $1.27bn, down from $1.35bn a year earlier. The company swung to a net loss of $48m, compared with a profit of $61m in the same period last year.

Brightloom now expects full-year revenue of $5.1bn to $5.2bn, down from an earlier range of $5.4bn to $5.5bn. The results include a $35m charge for the recall of its Hearth 2 thermostat, which the company announced earlier in the day.

"Consumers are replacing devices more slowly than we planned for, and we are resetting our cost base to match," chief financial officer Peter Haugland told analysts.

Brightloom shares fell 9% in after-hours trading.
""",
    ),
    article(
        "ng-brightloom-earnings", "ng", "2026-11-27T22:05Z",
        "brightloom-results-smart-home-slowdown",
        "Brightloom's weak quarter exposes the smart home slowdown",
        "Harriet Lomax", "S10", cases=("summary-only",), section="markets",
        dek="Sales fell to $1.27bn and the company cut its outlook.",
        body="""
Brightloom Home reported a 6% drop in quarterly revenue to $1.27bn on Friday and cut its full-year outlook to between $5.1bn and $5.2bn, as households held on to their smart speakers and doorbell cameras for longer.

The Boston company posted a net loss of $48m for the quarter ending October 31. Gross margin narrowed by two percentage points, partly because of a $35m provision for the separately announced recall of its Hearth 2 thermostat.

Chief executive Lorna Whitfield said Brightloom would cut about 5% of its workforce and focus on energy management products. "The next phase of the smart home is about the electricity bill, not the doorbell," she said.

Analysts were unconvinced. "Energy is the right bet, but the Hearth recall has dented the one product line they want to build around," said Jonas Fehr of Hollenbeck & Co.
""",
    ),
    # ---------------------------------------------------------------- S11 wire copy (Meridian Wire), republished verbatim twice
    article(
        "bw-hanseo", "bw", "2026-11-27T06:20Z",
        "hanseo-display-picks-vietnam-oled-plant",
        "Hanseo Display picks Vietnam for $2.1bn OLED plant",
        "Meridian Wire", "S11", wire="MW-HANSEO", cases=("wire-copy",), section="hardware",
        body="""
SEOUL, Nov 27 (Meridian Wire) - South Korea's Hanseo Display said on Friday it would invest $2.1 billion to build an OLED panel factory in northern Vietnam, as display makers shift production closer to smartphone assembly hubs.

The plant in Bac Ninh province will make panels for smartphones and laptops and is expected to start mass production in the second half of 2028, the company said in a regulatory filing. It will employ about 3,000 people when fully running.

Hanseo, the world's fourth-largest maker of OLED panels by revenue, said the investment would be funded over four years from operating cash flow and bank loans.

"Our customers are moving final assembly to Vietnam and India, and they want panels made nearby," a Hanseo spokesperson said.

Hanseo shares rose 2.3% in Seoul trading after the announcement.
""",
    ),
    article(
        "pb-hanseo", "pb", "2026-11-27T07:05Z",
        "korea-hanseo-display-vietnam-investment",
        "Korea's Hanseo Display to invest US$2.1 billion in Vietnam panel plant",
        "Meridian Wire", "S11", wire="MW-HANSEO", cases=("wire-copy",), section="asia",
        body="""
SEOUL, Nov 27 (Meridian Wire) - South Korea's Hanseo Display said on Friday it would invest $2.1 billion to build an OLED panel factory in northern Vietnam, as display makers shift production closer to smartphone assembly hubs.

The plant in Bac Ninh province will make panels for smartphones and laptops and is expected to start mass production in the second half of 2028, the company said in a regulatory filing. It will employ about 3,000 people when fully running.

Hanseo, the world's fourth-largest maker of OLED panels by revenue, said the investment would be funded over four years from operating cash flow and bank loans.

"Our customers are moving final assembly to Vietnam and India, and they want panels made nearby," a Hanseo spokesperson said.

Hanseo shares rose 2.3% in Seoul trading after the announcement.
""",
    ),
    # ---------------------------------------------------------------- S12 Corvane Space launch (event)
    article(
        "oi-corvane", "oi", "2026-11-27T18:50Z",
        "corvane-space-first-broadband-satellites-launch-date",
        "Corvane Space sets December 3 launch for its first broadband satellites",
        "Kenji Moriyama", "S12",
        body="""
Corvane Space, the New Zealand satellite internet startup, says it will launch its first 24 broadband satellites on Thursday, December 3, from its own launch site near Kaikoura.

The launch follows a suborbital test flight on September 17 that the company says met all its objectives. If the satellites deploy as planned, Corvane aims to start beta service for rural customers in New Zealand and Australia in the first half of 2027.

Corvane plans a constellation of about 600 satellites in total, far smaller than the biggest players, focused on the southern hemisphere.
""",
    ),
    article(
        "pb-corvane", "pb", "2026-11-27T09:30Z",
        "corvane-space-launch-southern-broadband",
        "Corvane Space to launch first 24 satellites on December 3",
        "Arjun Mehta", "S12", section="asia",
        dek="The Christchurch company is targeting rural users in New Zealand and Australia.",
        body="""
Christchurch-based Corvane Space will launch its first batch of 24 broadband satellites on December 3, the company said on Friday, a key step in its plan to sell satellite internet to rural households and farms across New Zealand and Australia.

The satellites will lift off from Corvane's launch site near Kaikoura on its Tui-2 rocket. A suborbital test in September cleared the rocket for orbital flights, the company said.

"The southern hemisphere has been an afterthought for the large constellations," said chief executive Hemi Walker. "We think there is a profitable business in doing one region really well."

Corvane has raised NZ$410 million to date.
""",
    ),
    # ---------------------------------------------------------------- S13b Orla Fold Air
    article(
        "oi-orla", "oi", "2026-11-27T17:20Z",
        "orla-fold-air-foldable-799",
        "Orla's Fold Air is a $799 foldable that weighs less than most phones",
        "Bea Lindgren", "S18",
        dek="The Finnish phone maker is undercutting the foldable market by hundreds of dollars.",
        body="""
Orla Mobile's new Fold Air costs $799, weighs 189 grams and folds flat with no visible gap, which makes it one of the cheapest and lightest book-style foldables you can buy.

The Helsinki company announced the phone on Friday and says it will go on sale in the US and Europe on December 4. In Europe it will cost €849.

The inner screen measures 7.6 inches and the outer one 6.2 inches. Orla is promising five years of Android updates. The compromises are in the cameras, which use smaller sensors than flagship phones, and a 4,400mAh battery.

"We wanted a foldable people would buy with their own money, not one they would admire in a shop," Orla co-founder Eero Salminen said.

Orla is rumoured to be working on an even cheaper clamshell model for the spring, though the company would not comment.
""",
    ),
    article(
        "sn-orla", "sn", "2026-11-27T17:50Z",
        "orla-fold-air-price-foldables",
        "Orla Fold Air: a foldable phone for $799",
        "Theo Marchetti", "S18",
        body="""
Orla Mobile announced the Fold Air on Friday, a book-style foldable priced at $799 in the US and €849 in Europe, hundreds less than most rivals.

The phone weighs 189 grams and has a 7.6-inch inner display. It goes on sale on December 4, and Orla says it will support it with five years of software updates.

Foldables have struggled to move beyond a niche, largely because of prices that start above $1,500. Orla is betting that a lower price will do what better hinges alone could not.
""",
    ),
    article(
        "pb-orla", "pb", "2026-11-27T15:30Z",
        "orla-fold-air-asia-launch",
        "Orla brings its budget foldable to Singapore and Malaysia in January",
        "Wei Ling Tan", "S18",
        body="""
Finland's Orla Mobile will start selling its Fold Air foldable phone in Singapore and Malaysia in January, after a US and European launch on December 4.

The phone costs US$799 in the US, and Orla said Asian pricing would be announced closer to launch. It weighs 189 grams, has a 7.6-inch inner screen and will receive five years of updates.

Orla said it had signed a distribution agreement with a regional electronics retailer, which it did not name.
""",
    ),
]
