"""Build src/newsbrief/eval/data/guard_planted.jsonl, the planted-error set of the guard.

Every base story below was written for the project: two or three source sentences in news
style, three faithful paraphrases (reordered, synonyms, two cited sentences merged) and the
exact edits that plant each error in the first paraphrase. Stories alternate between the
tuning and the test half, so no paraphrase of a test story is seen while tuning.

    python bench/guard_planted_build.py
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "newsbrief" / "eval" / "data" / "guard_planted.jsonl"

QUOTES = [
    'calling it "a turning point for the whole region"',
    'adding that "nothing like this has been tried before"',
    'saying "we expect to double in size within a year"',
    'describing the result as "far better than anyone predicted"',
]

BASES: list[dict[str, object]] = [
    dict(
        sources=["Brightmoor Energy said on Tuesday it had raised $240 million to build a battery plant in Nevada.",
                 "The round was led by Halden Capital, chief executive Maria Okafor said."],
        faithful=["Brightmoor Energy raised $240 million to build a battery factory in Nevada, it said on Tuesday.",
                  "Halden Capital led the $240 million round that Brightmoor Energy will use for a Nevada battery plant, Maria Okafor said.",
                  "On Tuesday Brightmoor Energy announced $240 million in new funding for a battery plant in Nevada."],
        number=("$240 million", "$420 million"), name=("Halden Capital", "Corvid Partners"),
        date=("Tuesday", "Thursday"), negation=("raised", "failed to raise"),
        attribution=("Maria Okafor said", "Halden Capital said"),
    ),
    dict(
        sources=["The city council of Tarrow voted 7 to 2 on March 12 to ban diesel buses from the centre by 2028.",
                 "Mayor Leon Fischer said the ban would cut roadside pollution by 30 percent."],
        faithful=["Tarrow's city council voted 7 to 2 on March 12 to bar diesel buses from the centre by 2028.",
                  "Diesel buses will be banned from central Tarrow by 2028 after a 7 to 2 council vote on March 12.",
                  "Tarrow's council backed a ban on diesel buses in the centre by 2028, and Mayor Leon Fischer said it would cut roadside pollution by 30%."],
        number=("7 to 2", "6 to 3"), name=("Tarrow", "Selby"), date=("March 12", "March 21"),
        negation=("voted 7 to 2 on March 12 to bar", "voted 7 to 2 on March 12 not to bar"),
        modality=("said it would cut roadside pollution", "said it had cut roadside pollution"),
        attribution=None,
    ),
    dict(
        sources=["Quillon Pharmaceuticals reported second-quarter revenue of 1.8 billion euros, up 12 percent from a year earlier.",
                 "The company may cut 400 jobs in Germany, finance chief Ana Ruiz told analysts."],
        faithful=["Quillon Pharmaceuticals said second-quarter revenue rose 12% from a year earlier to 1.8bn euros.",
                  "Revenue at Quillon Pharmaceuticals grew 12 percent to 1.8 billion euros in the second quarter.",
                  "Quillon Pharmaceuticals could cut 400 jobs in Germany, Ana Ruiz told analysts."],
        number=("12%", "21%"), name=("Quillon Pharmaceuticals", "Varent Pharmaceuticals"),
        date=("second-quarter", "first-quarter"), negation=("rose", "did not rise"),
        modality=("could cut 400 jobs", "will cut 400 jobs"),
        attribution=None,
    ),
    dict(
        sources=["Judge Helen Marsh on Friday blocked the sale of Northway Rail to Peltar Group, citing competition concerns.",
                 "Peltar Group said it would appeal the ruling."],
        faithful=["Judge Helen Marsh blocked Peltar Group's purchase of Northway Rail on Friday over competition concerns.",
                  "Citing competition concerns, a judge on Friday stopped the sale of Northway Rail to Peltar Group, which said it would appeal.",
                  "Peltar Group said it would appeal after Judge Helen Marsh blocked its purchase of Northway Rail on Friday."],
        number=None, name=("Helen Marsh", "Helen Carter"), date=("Friday", "Monday"),
        negation=("blocked", "declined to block"),
        attribution_extra=[("Peltar Group said it would appeal", "Northway Rail said it would appeal")],
        attribution=None,
    ),
    dict(
        sources=["Orinda Airlines will add 14 new routes to Southeast Asia starting in October, chief executive Tomas Berg said.",
                 "The carrier expects passenger numbers to rise to 22 million next year."],
        faithful=["Orinda Airlines plans 14 new routes to Southeast Asia from October, Tomas Berg said.",
                  "Starting in October, Orinda Airlines will fly 14 new routes to Southeast Asia, its chief executive said.",
                  "Orinda Airlines will open 14 Southeast Asian routes in October and expects 22 million passengers next year."],
        number=("14", "18"), name=("Tomas Berg", "Tomas Lund"), date=("October", "November"),
        negation=("plans 14 new routes", "has no plans for 14 new routes"),
        modality=("plans 14 new routes", "has launched 14 new routes"),
        attribution=None,
    ),
    dict(
        sources=["Health minister Priya Nair said on Monday that the government would spend 3 billion pounds on new hospitals over five years.",
                 "Opposition leader David Crane said the plan was \"too little, too late\"."],
        faithful=["The government will spend 3 billion pounds on new hospitals over five years, Priya Nair said on Monday.",
                  "Priya Nair announced 3bn pounds for new hospitals over five years, which David Crane called \"too little, too late\".",
                  "On Monday health minister Priya Nair pledged 3 billion pounds over five years for new hospitals."],
        number=("3 billion pounds", "5 billion pounds"), name=("Priya Nair", "Priya Shah"), date=("Monday", "Wednesday"),
        negation=("will spend", "will not spend"),
        attribution=("Priya Nair said", "David Crane said"),
    ),
    dict(
        sources=["Kestrel Motors recalled 85,000 electric cars in the United States because of a faulty brake sensor.",
                 "No injuries have been reported, the automaker said on Wednesday."],
        faithful=["Kestrel Motors is recalling 85,000 electric cars in the United States over a defective brake sensor.",
                  "A faulty brake sensor has led Kestrel Motors to recall 85,000 of its electric cars in the United States.",
                  "Kestrel Motors said on Wednesday no injuries had been reported from the brake sensor fault behind its recall of 85,000 electric cars."],
        number=("85,000", "58,000"), name=("Kestrel Motors", "Harlan Motors"), date=None,
        negation=("is recalling", "is not recalling"),
        attribution=None,
    ),
    dict(
        sources=["Farmers in the Lenner Valley harvested 40 percent less wheat this year after the driest summer since 1976.",
                 "Agriculture officials said prices for bread flour could rise by a quarter."],
        faithful=["Lenner Valley farmers harvested 40% less wheat this year following the driest summer since 1976.",
                  "After the driest summer since 1976, the wheat harvest in the Lenner Valley fell by 40 percent.",
                  "The driest summer since 1976 cut Lenner Valley wheat harvests by 40 percent, and officials said flour prices could rise by a quarter."],
        number=("40%", "60%"), name=("Lenner Valley", "Marsh Valley"), date=("1976", "1986"),
        negation=("harvested 40% less wheat", "did not harvest less wheat"),
        attribution=None,
    ),
    dict(
        sources=["Solvane Software agreed to buy data firm Pillarbox for $3.1 billion in cash, the companies said on Thursday.",
                 "Pillarbox founder Rina Takeda will join Solvane's board."],
        faithful=["Solvane Software will acquire Pillarbox, a data company, for $3.1 billion in cash, they said on Thursday.",
                  "Pillarbox is being bought by Solvane Software for 3.1bn dollars in cash, and its founder Rina Takeda will join Solvane's board.",
                  "In a $3.1 billion cash deal announced Thursday, Solvane Software agreed to buy Pillarbox."],
        number=("$3.1 billion", "$1.3 billion"), name=("Pillarbox", "Cobblestone"), date=("Thursday", "Tuesday"),
        negation=("will acquire", "will not acquire"),
        attribution=None,
    ),
    dict(
        sources=["Police in Arlon arrested three men on Saturday over the theft of paintings from the Museum of Fine Arts.",
                 "Inspector Claire Dubois said two of the five paintings had been recovered."],
        faithful=["Three men were arrested in Arlon on Saturday over the theft of paintings from the Museum of Fine Arts.",
                  "Two of the five stolen paintings have been recovered and three men arrested, Inspector Claire Dubois said.",
                  "Arlon police detained three men on Saturday in connection with paintings stolen from the Museum of Fine Arts."],
        number=("Three men", "Four men"), name=("Arlon", "Namur"), date=("Saturday", "Sunday"),
        negation=("were arrested", "were not arrested"),
        attribution=None,
    ),
    dict(
        sources=["Veltro Bank will close 120 branches by the end of June, chief executive Marco Bellini said.",
                 "The bank's union leader, Sara Conti, said the closures would hurt elderly customers."],
        faithful=["Veltro Bank will shut 120 branches by the end of June, Marco Bellini said.",
                  "By the end of June, 120 Veltro Bank branches will close, according to chief executive Marco Bellini.",
                  "Marco Bellini said Veltro Bank would close 120 branches by the end of June, and Sara Conti said the closures would hurt elderly customers."],
        number=("120", "210"), name=("Veltro Bank", "Arden Bank"), date=("June", "July"),
        negation=("will shut", "will not shut"),
        attribution=("Marco Bellini said", "Sara Conti said"),
    ),
    dict(
        sources=["The Eastport marathon drew a record 31,000 runners on Sunday.",
                 "Kenyan runner Daniel Kiprop won the men's race in 2 hours 6 minutes."],
        faithful=["A record 31,000 runners took part in the Eastport marathon on Sunday.",
                  "Daniel Kiprop won the men's race at Sunday's Eastport marathon, which drew a record 31,000 runners.",
                  "Sunday's Eastport marathon attracted a record field of 31,000 runners."],
        number=("31,000", "13,000"), name=("Eastport", "Westport"), date=("Sunday", "Saturday"),
        negation=("took part", "did not take part"),
        attribution=None,
    ),
    dict(
        sources=["Galvani Labs said its experimental malaria vaccine was 78 percent effective in a trial of 4,800 children.",
                 "The company plans to seek approval in Kenya and Ghana next year."],
        faithful=["Galvani Labs said its experimental malaria vaccine proved 78% effective in a trial involving 4,800 children.",
                  "In a trial of 4,800 children, the malaria vaccine from Galvani Labs was 78 percent effective, the company said.",
                  "Galvani Labs intends to seek approval in Kenya and Ghana next year for its malaria vaccine, which was 78 percent effective in a trial."],
        number=("78%", "87%"), name=("Galvani Labs", "Merrow Labs"), date=None,
        negation=("proved 78% effective", "did not prove effective"),
        modality=("intends to seek approval", "has won approval"),
        attribution=None,
    ),
    dict(
        sources=["Prime Minister Anna Lindqvist said on Wednesday that Sweden would send 200 firefighters to help fight wildfires in Greece.",
                 "Greek officials said the fires had burned 15,000 hectares."],
        faithful=["Sweden will send 200 firefighters to help battle wildfires in Greece, Anna Lindqvist said on Wednesday.",
                  "Anna Lindqvist said on Wednesday that 200 Swedish firefighters would help fight the wildfires in Greece.",
                  "Sweden is sending 200 firefighters to Greece, where officials said fires had burned 15,000 hectares."],
        number=("200", "300"), name=("Anna Lindqvist", "Anna Berglund"), date=("Wednesday", "Friday"),
        negation=("will send", "will not send"),
        attribution_extra=[("where officials said", "where Anna Lindqvist said")],
        attribution=None,
    ),
    dict(
        sources=["Corvane Telecom's shares fell 9 percent on Monday after it cut its profit forecast for the year.",
                 "Analyst Ben Haddad said the warning was the third in 12 months."],
        faithful=["Shares in Corvane Telecom dropped 9% on Monday after the company lowered its annual profit forecast.",
                  "Corvane Telecom cut its profit forecast for the year, sending its shares down 9 percent on Monday.",
                  "Corvane Telecom's shares fell 9 percent on Monday after its third profit warning in 12 months, Ben Haddad said."],
        number=("9%", "19%"), name=("Corvane Telecom", "Belmont Telecom"), date=("Monday", "Friday"),
        negation=("dropped", "did not drop"),
        attribution_extra=[("12 months, Ben Haddad said", "12 months, Corvane Telecom said")],
        attribution=None,
    ),
    dict(
        sources=["The Rhea space probe entered orbit around Jupiter on July 4 after a six-year journey.",
                 "Mission scientist Ivo Petrov said the probe would study the moon Europa's ice shell."],
        faithful=["After a six-year journey, the Rhea space probe went into orbit around Jupiter on July 4.",
                  "The Rhea probe reached Jupiter's orbit on July 4 and will study Europa's ice shell, Ivo Petrov said.",
                  "On July 4 the Rhea space probe entered orbit around Jupiter, six years after it set off."],
        number=("six-year", "nine-year"), name=("Jupiter", "Saturn"), date=("July 4", "July 14"),
        negation=("went into orbit", "failed to go into orbit"),
        attribution=None,
    ),
    dict(
        sources=["Dunmore Foods said it would raise prices by 5 percent from April because of higher cocoa costs.",
                 "Consumer group head Lucy Ward urged shoppers to compare brands."],
        faithful=["Dunmore Foods will raise prices by 5% from April, blaming higher cocoa costs.",
                  "Higher cocoa costs will push Dunmore Foods to lift its prices 5 percent from April, the company said.",
                  "From April, Dunmore Foods will charge 5 percent more because cocoa has become more expensive."],
        number=("5%", "15%"), name=("Dunmore Foods", "Kerrigan Foods"), date=("April", "May"),
        negation=("will raise prices", "will not raise prices"),
        attribution=None,
    ),
    dict(
        sources=["Striking dock workers at the port of Halvik returned to work on Thursday after a 10-day walkout.",
                 "Union leader Omar Haddou said members accepted a pay rise of 6.5 percent."],
        faithful=["Dock workers at the port of Halvik went back to work on Thursday, ending a 10-day strike.",
                  "Union members accepted a 6.5 percent pay rise and ended their 10-day walkout at the port of Halvik, Omar Haddou said.",
                  "A 10-day walkout by dock workers at Halvik ended on Thursday when they returned to work."],
        number=("10-day", "12-day"), name=("Halvik", "Trondvik"), date=("Thursday", "Tuesday"),
        negation=("went back to work", "refused to go back to work"),
        attribution=None,
    ),
    dict(
        sources=["Nordhaven University will receive a $75 million gift from alumna Grace Whitfield to build a climate research centre.",
                 "University president Samuel Okoye said construction would begin in 2027."],
        faithful=["Alumna Grace Whitfield is giving Nordhaven University $75 million for a climate research centre.",
                  "A $75 million gift from Grace Whitfield will pay for a climate research centre at Nordhaven University, where building starts in 2027.",
                  "Nordhaven University is to build a climate research centre with a $75 million donation from alumna Grace Whitfield."],
        number=("$75 million", "$57 million"), name=("Grace Whitfield", "Grace Holloway"), date=("2027", "2029"),
        negation=("is giving", "is not giving"),
        attribution_extra=[("Alumna Grace Whitfield is giving", "Samuel Okoye is giving")],
        attribution=None,
    ),
    dict(
        sources=["Mexico's central bank cut its benchmark interest rate by a quarter point to 9.75 percent on Thursday.",
                 "Governor Elena Vargas said inflation was easing faster than expected."],
        faithful=["Mexico's central bank lowered its key interest rate by a quarter point to 9.75% on Thursday.",
                  "Saying inflation was easing faster than expected, Elena Vargas announced a quarter-point cut to 9.75 percent.",
                  "On Thursday Mexico's central bank trimmed its benchmark rate to 9.75 percent."],
        number=("9.75%", "9.25%"), name=("Mexico", "Chile"), date=("Thursday", "Wednesday"),
        negation=("lowered", "did not lower"),
        attribution=None,
    ),
    dict(
        sources=["Tessaro Games delayed the release of its fantasy game Ember Crown to March 2026.",
                 "Studio head Kenji Mori said the team needed more time to fix bugs."],
        faithful=["Tessaro Games has pushed back the release of its fantasy game Ember Crown to March 2026.",
                  "Ember Crown, a fantasy game from Tessaro Games, will now come out in March 2026 because the team needs more time to fix bugs, Kenji Mori said.",
                  "The release of Tessaro Games' Ember Crown has been delayed to March 2026."],
        number=None, name=("Ember Crown", "Iron Crown"), date=("March 2026", "May 2026"),
        negation=("has pushed back", "has not pushed back"),
        attribution=None,
    ),
    dict(
        sources=["Floods in the Bassa region killed at least 42 people and forced 12,000 from their homes, the Red Cross said on Sunday.",
                 "Regional governor Paul Mbeki declared a state of emergency."],
        faithful=["At least 42 people died and 12,000 were driven from their homes by floods in the Bassa region, the Red Cross said on Sunday.",
                  "The Red Cross said on Sunday that flooding in Bassa had killed at least 42 people, and governor Paul Mbeki declared a state of emergency.",
                  "Floods in the Bassa region have left at least 42 dead and displaced 12,000 people, according to the Red Cross."],
        number=("42", "24"), name=("Red Cross", "Red Crescent"), date=("Sunday", "Saturday"),
        negation=("died", "did not die"),
        attribution_extra=[("governor Paul Mbeki declared", "the Red Cross declared")],
        attribution=None,
    ),
    dict(
        sources=["Arcadia Retail is considering a sale of its 300-store pharmacy chain, people familiar with the matter said.",
                 "Private equity firm Lanark Partners has expressed interest, the people said."],
        faithful=["Arcadia Retail may sell its 300-store pharmacy chain, according to people familiar with the matter.",
                  "People familiar with the matter said Arcadia Retail was weighing a sale of its pharmacy chain of 300 stores.",
                  "Lanark Partners has shown interest in the 300-store pharmacy chain that Arcadia Retail is considering selling."],
        number=("300-store", "500-store"), name=("Arcadia Retail", "Belgrave Retail"), date=None,
        negation=("may sell", "will not sell"), modality=("may sell", "has sold"),
        attribution=None,
    ),
    dict(
        sources=["Senator Ruth Alvarez introduced a bill on Tuesday that would require social media firms to verify users' ages.",
                 "Senator Mark Dolan said the bill threatened free speech."],
        faithful=["Ruth Alvarez introduced a bill on Tuesday requiring social media companies to check users' ages.",
                  "A bill that would make social media firms verify the ages of users was introduced by Senator Ruth Alvarez on Tuesday.",
                  "On Tuesday Senator Ruth Alvarez put forward a bill that would require social media firms to verify users' ages, which Mark Dolan said threatened free speech."],
        number=None, name=("Ruth Alvarez", "Ruth Morales"), date=("Tuesday", "Thursday"),
        negation=("introduced", "withdrew"),
        attribution=("Ruth Alvarez introduced", "Mark Dolan introduced"),
    ),
    dict(
        sources=["Hollin Steel will invest 900 million euros in a hydrogen-fuelled furnace at its plant in Linz, chairman Otto Reiner said.",
                 "The furnace is expected to cut the plant's emissions by 35 percent from 2029."],
        faithful=["Hollin Steel will put 900 million euros into a hydrogen-fuelled furnace at its Linz plant, Otto Reiner said.",
                  "A 900 million euro hydrogen furnace at Hollin Steel's Linz plant is expected to cut emissions by 35 percent from 2029.",
                  "Otto Reiner said Hollin Steel would invest 900 million euros in a hydrogen-fuelled furnace in Linz."],
        number=("900 million euros", "600 million euros"), name=("Linz", "Graz"), date=None,
        negation=("will put", "will not put"),
        modality=("is expected to cut emissions", "has cut emissions"),
        attribution=None,
    ),
    dict(
        sources=["The Marlow Tigers beat the Canton Hawks 3-1 on Saturday to win their first league title since 1998.",
                 "Coach Ines Romero said the players had earned the trophy."],
        faithful=["The Marlow Tigers won their first league title since 1998 by beating the Canton Hawks 3-1 on Saturday.",
                  "A 3-1 win over the Canton Hawks on Saturday gave the Marlow Tigers their first league title since 1998.",
                  "Coach Ines Romero said the Marlow Tigers had earned the trophy after their 3-1 win on Saturday."],
        number=("3-1", "2-1"), name=("Canton Hawks", "Canton Eagles"), date=("1998", "1989"),
        negation=("won their first", "did not win their first"),
        attribution=None,
    ),
    dict(
        sources=["Pellam Water denied on Friday that it had discharged sewage into the River Cole.",
                 "The Environment Agency said it was investigating reports of dead fish near Ashby."],
        faithful=["Pellam Water on Friday denied discharging sewage into the River Cole.",
                  "Pellam Water said on Friday it had not released sewage into the River Cole.",
                  "Pellam Water denied polluting the River Cole with sewage, while the Environment Agency said it was investigating reports of dead fish near Ashby."],
        number=None, name=("River Cole", "River Dane"), date=("Friday", "Monday"),
        negation=("denied discharging", "admitted discharging"),
        attribution_extra=[("while the Environment Agency said", "while Pellam Water said")],
        attribution=None,
    ),
    dict(
        sources=["Zentra Cloud said it would hire 2,500 engineers in India over the next two years.",
                 "The hiring is part of a $1.5 billion expansion, managing director Arjun Mehta said."],
        faithful=["Zentra Cloud plans to hire 2,500 engineers in India over the next two years.",
                  "Over the next two years Zentra Cloud will take on 2,500 engineers in India as part of a $1.5 billion expansion, Arjun Mehta said.",
                  "Zentra Cloud will recruit 2,500 engineers in India in the next two years."],
        number=("2,500", "5,200"), name=("India", "Vietnam"), date=None,
        negation=("plans to hire", "has no plans to hire"), modality=("plans to hire", "has hired"),
        attribution=None,
    ),
    dict(
        sources=["Voters in Kessland approved a new constitution in a referendum on Sunday, with 61 percent in favour.",
                 "President Ilya Markov called the result a victory for democracy."],
        faithful=["Kessland's voters backed a new constitution in Sunday's referendum, with 61% in favour.",
                  "A new constitution was approved by 61 percent of voters in a referendum in Kessland on Sunday.",
                  "Kessland approved a new constitution on Sunday with 61 percent of the vote, and Ilya Markov called the result a victory for democracy."],
        number=("61%", "51%"), name=("Kessland", "Dorland"), date=("Sunday", "Saturday"),
        negation=("backed", "rejected"),
        attribution=None,
    ),
    dict(
        sources=["Harbour Books, the oldest bookshop in Leith, will close on August 31 after 112 years.",
                 "Owner Fiona Grant said rising rent had made the shop unviable."],
        faithful=["Harbour Books, Leith's oldest bookshop, will shut on August 31 after 112 years.",
                  "After 112 years in business, Harbour Books in Leith will close on August 31 because rising rent made it unviable, Fiona Grant said.",
                  "Leith's oldest bookshop, Harbour Books, is closing after 112 years on August 31."],
        number=("112", "121"), name=("Leith", "Perth"), date=("August 31", "August 13"),
        negation=("will shut", "will not shut"),
        attribution=None,
    ),
]


def _figure_kind(figure: str) -> str:
    if "$" in figure or "euros" in figure or "pounds" in figure:
        return "money"
    if "%" in figure or "percent" in figure:
        return "percent"
    return "count" if figure.replace(",", "").isdigit() else "other"


def _partner(n: int) -> dict[str, object]:
    """The next story whose figure is of the same kind (money, percent, count), for a merged story."""
    mine = BASES[n].get("number")
    for step in range(1, len(BASES)):
        other = BASES[(n + step) % len(BASES)]
        theirs = other.get("number")
        if mine and theirs and _figure_kind(mine[0]) == _figure_kind(theirs[0]) != "other":  # type: ignore[index]
            return other
    return {}


def _planted(base: dict[str, object], other: dict[str, object], n: int) -> list[tuple[str, str, list[str]]]:
    """(error kind, generated sentence, sources) for each error planted in the first paraphrase."""
    text = str(base["faithful"][0])  # type: ignore[index]
    srcs = list(base["sources"])  # type: ignore[call-overload]
    out: list[tuple[str, str, list[str]]] = []
    edits = [(k, base.get(k)) for k in ("number", "name", "date", "negation", "modality", "attribution")]
    edits += [("attribution", e) for e in base.get("attribution_extra", [])]  # type: ignore[attr-defined]
    for kind, edit in edits:
        if edit:
            old, new = edit  # type: ignore[misc]
            if old in text:
                out.append(({"attribution": "wrong_attribution"}.get(kind, kind), text.replace(old, new, 1), srcs))
            else:
                for para in base["faithful"]:  # type: ignore[attr-defined]
                    if old in para:
                        out.append(({"attribution": "wrong_attribution"}.get(kind, kind), para.replace(old, new, 1), srcs))
                        break
    out.append(("invented_quote", text.rstrip(".") + ", " + QUOTES[n % len(QUOTES)] + ".", srcs))
    # a merged story: a figure of another story, whose sentences are cited too
    if base.get("number") and other.get("number"):
        old, new = base["number"][0], other["number"][0]  # type: ignore[index]
        if old in text and old != new:
            out.append(("merged_stories", text.replace(old, new, 1), srcs + list(other["sources"])))  # type: ignore[call-overload]
    return out


def main() -> None:
    rows = []
    for n, base in enumerate(BASES):
        split = "tuning" if n % 2 == 0 else "test"
        other = _partner(n)
        for para in base["faithful"]:  # type: ignore[attr-defined]
            rows.append({"split": split, "story": n, "sources": base["sources"], "generated": para,
                         "label": "faithful", "kind": "paraphrase"})
        for kind, gen, srcs in _planted(base, other, n):
            rows.append({"split": split, "story": n, "sources": srcs, "generated": gen,
                         "label": "unfaithful", "kind": kind})
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} items -> {OUT}")


if __name__ == "__main__":
    main()
