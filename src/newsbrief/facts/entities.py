"""Named entities (organisations, people, places, products) with their aliases merged.

With the spaCy model (see :mod:`newsbrief.facts.nlp`) entities come from its NER; without it
a rule-based extractor labels capitalised n-grams: a corporate suffix ("Inc", "Corp", "Labs",
"Ventures") means ORG, a title ("CEO", "Senator") or "X Y said" means PERSON, a small
gazetteer gives GPE, and anything else capitalised defaults to ORG. Aliases ("Nvidia",
"NVIDIA Corp.", "Nvidia's") are merged under one key; a lone surname merges into the
unique full name it ends ("Huang" into "Jensen Huang").
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from newsbrief.facts.names import Name, clean_name, find_names, name_key
from newsbrief.model import Entity

LOGGER = logging.getLogger(__name__)

__all__ = ["PLACES", "entities_rules", "entities_spacy", "merge_entities"]

_LABELS = {"ORG": "ORG", "PERSON": "PERSON", "GPE": "GPE", "LOC": "GPE", "PRODUCT": "PRODUCT", "FAC": "GPE"}
_ORG_WORDS = re.compile(
    r"\b(?:Inc|Corp|Corporation|Ltd|LLC|plc|GmbH|AG|Labs?|AI|Technologies|Technology|Systems|Bank|Group|"
    r"Capital|Ventures|Partners|Robotics|Motors|Energy|Health|Therapeutics|Bio|Software|Networks|Holdings|"
    r"Media|Studios|Games|Airlines|Pay|Finance|Security|Dynamics|Quantum|Fund|Foundation|University|"
    r"Commission|Authority|Agency|Department|Ministry|Parliament|Council|Administration|Reserve|Congress|Senate)\b\.?$"
)
_SUFFIX_ORG = re.compile(r"\b(?:Inc|Corp|Corporation|Ltd|LLC|plc|GmbH|AG|Labs)\b\.?$")
_PERSON_BEFORE = re.compile(
    r"(?:\b(?:CEO|chief\s+executive|founder|co-founder|president|President|Senator|Sen\.|Rep\.|Minister|"
    r"minister|Mr\.|Ms\.|Mrs\.|Dr\.|chairman|chairwoman|analyst|spokesperson|spokesman|spokeswoman|"
    r"director|Commissioner|Secretary|Judge|judge)\s+|,\s+)$"
)
_PERSON_AFTER = re.compile(
    r"^(?:,\s+(?:the|a|an)?\s*(?:\w+\s+)?(?:CEO|chief|founder|co-founder|president|head|director|analyst|minister)|\s+(?:said|says|told|wrote|added))\b"
)
PLACES = {
    "us", "u.s", "usa", "united states", "america", "uk", "britain", "united kingdom", "england", "eu",
    "europe", "china", "india", "japan", "germany", "france", "italy", "spain", "canada", "mexico",
    "brazil", "australia", "south korea", "korea", "taiwan", "singapore", "israel", "russia", "ukraine",
    "netherlands", "sweden", "denmark", "norway", "finland", "switzerland", "ireland", "poland", "kenya",
    "nigeria", "south africa", "egypt", "indonesia", "vietnam", "thailand", "asia", "africa", "new york",
    "california", "texas", "london", "paris", "berlin", "tokyo", "beijing", "shanghai", "san francisco",
    "seattle", "boston", "austin", "lisbon", "stockholm", "copenhagen", "amsterdam", "dublin", "mumbai",
    "bangalore", "bengaluru", "delhi", "nairobi", "lagos", "toronto", "sydney", "seoul", "hong kong",
    "brussels", "washington", "silicon valley", "las vegas", "barcelona", "munich", "zurich", "colorado",
}  # fmt: skip


_NOT_NAME = re.compile(r"^(?:[\d.,]+[A-Za-z]{0,2}|[A-Z]{2,5}s|Q[1-4]|H[12]|[A-Z]\.?)$")
_INSTITUTION_END = re.compile(
    r"\b(?:Authority|Commission|Markets|Exchange|Agency|Department|Ministry|Services|Industries|Partners)$"
)


def _split_and(names: Sequence[Name]) -> list[Name]:
    """Split "Nvidia and Samsung" in two, but keep "Competition and Markets Authority" whole."""
    out: list[Name] = []
    for n in names:
        if " and " not in n.text or _INSTITUTION_END.search(n.text):
            out.append(n)
            continue
        pos = n.start
        for part in n.text.split(" and "):
            out.append(Name(part, pos, pos + len(part)))
            pos += len(part) + len(" and ")
    return out


def _label_rule(name: str, text: str, start: int, end: int) -> str:
    key = name_key(name)
    if key in PLACES:
        return "GPE"
    if _ORG_WORDS.search(name):
        return "ORG"
    tokens = name.split()
    person_context = _PERSON_BEFORE.search(text[max(0, start - 30) : start]) or _PERSON_AFTER.match(
        text[end : end + 40]
    )
    if 2 <= len(tokens) <= 3 and all(t[:1].isupper() and t[1:].islower() for t in tokens) and person_context:
        return "PERSON"
    return "ORG"


def _weak_initial(name: str, rest: str) -> bool:
    if " " in name or _ORG_WORDS.search(name) or name_key(name) in PLACES or re.search(r"[A-Z].*[A-Z]", name):
        return False
    return not re.match(r"\s+(?:said|says|has|have|will|is|was|raised|launched|announced)\b", rest)


def entities_rules(sentences: Iterable[tuple[str, str]]) -> list[Entity]:
    """Extract entities from ``(article_id, sentence)`` pairs with capitalisation rules only.

    :param sentences: pairs of article id and sentence text.
    """
    out: list[Entity] = []
    for article_id, sentence in sentences:
        for n in _split_and(find_names(sentence)):
            name = clean_name(n.text)
            if len(name) < 2 or _NOT_NAME.match(name):
                continue
            # a sentence-initial single word is usually not a name ("Shares", "Analysts")
            if n.start == 0 and _weak_initial(name, sentence[n.end :]):
                continue
            label = _label_rule(name, sentence, n.start, n.end)
            out.append(
                Entity(name=name, label=label, aliases=(n.text,), article_ids=(article_id,) if article_id else ())
            )
    return out


def entities_spacy(nlp: Any, texts: Sequence[tuple[str, str]]) -> list[Entity]:
    """Extract entities with a loaded spaCy pipeline from ``(article_id, text)`` pairs.

    :param nlp: the pipeline returned by :func:`newsbrief.facts.nlp.load_nlp`.
    :param texts: pairs of article id and text (a title or a whole article body).
    """
    from newsbrief.facts.nlp import recognise

    out: list[Entity] = []
    for (article_id, _), ents in zip(texts, recognise(nlp, [t for _, t in texts])):
        for text, spacy_label in ents:
            label = _LABELS.get(spacy_label)
            if label is None:
                continue
            surface = text.strip()
            name = clean_name(surface)
            if len(name) < 2 or not re.search(r"[A-Za-z]", name):
                continue
            out.append(
                Entity(name=name, label=label, aliases=(surface,), article_ids=(article_id,) if article_id else ())
            )
    return out


def _canonical(forms: Counter[str]) -> str:
    def score(form: str) -> tuple[int, int, int]:
        shouting = int(form.isupper() and len(form) > 4)
        return (forms[form], -shouting, len(form))

    return max(forms, key=score)


def merge_entities(entities: Sequence[Entity]) -> list[Entity]:
    """Merge entities whose names normalise to the same key, unioning aliases and article ids.

    The canonical name is the most frequent cleaned form ("Nvidia" over "NVIDIA"); the label
    is the most frequent one. A lone surname merges into the unique PERSON it ends.

    :param entities: entities from any number of articles.
    """
    groups: dict[str, list[Entity]] = {}
    for e in entities:
        key = name_key(e.name)
        if key:
            groups.setdefault(key, []).append(e)
    # "Huang" -> "jensen huang" when exactly one full name ends with it
    persons = [k for k, es in groups.items() if " " in k and any(x.label == "PERSON" for x in es)]
    for key in [k for k in groups if " " not in k]:
        owners = [p for p in persons if p.endswith(" " + key)]
        if len(owners) == 1 and all(e.label in ("PERSON", "ORG") for e in groups[key]):
            groups[owners[0]].extend(groups.pop(key))
    out: list[Entity] = []
    for key, es in groups.items():
        forms: Counter[str] = Counter(clean_name(e.name) for e in es)
        if any(" " in f for f in forms) and key.count(" ") >= 1:
            forms = Counter({f: c for f, c in forms.items() if name_key(f) == key}) or forms
        labels = Counter(e.label for e in es)
        if any(_SUFFIX_ORG.search(a) for e in es for a in e.aliases):
            labels = Counter({"ORG": 1})
        aliases = tuple(dict.fromkeys(a for e in es for a in (e.name, *e.aliases)))
        ids = tuple(dict.fromkeys(i for e in es for i in e.article_ids))
        out.append(Entity(name=_canonical(forms), label=labels.most_common(1)[0][0], aliases=aliases, article_ids=ids))
    out.sort(key=lambda e: (-len(e.article_ids), -len(e.aliases), e.name))
    return out



# sovereign states: a loan or grant to one of these is public finance, not a company round
COUNTRIES = frozenset(
    n.strip()
    for n in """afghanistan,albania,algeria,andorra,angola,antigua and barbuda,argentina,armenia,australia,austria,azerbaijan,
bahamas,bahrain,bangladesh,barbados,belarus,belgium,belize,benin,bhutan,bolivia,bosnia and herzegovina,botswana,brazil,
brunei,bulgaria,burkina faso,burundi,cabo verde,cape verde,cambodia,cameroon,canada,central african republic,chad,chile,
china,colombia,comoros,congo,costa rica,croatia,cuba,cyprus,czechia,czech republic,denmark,djibouti,dominica,
dominican republic,ecuador,egypt,el salvador,equatorial guinea,eritrea,estonia,eswatini,ethiopia,fiji,finland,france,
gabon,gambia,georgia,germany,ghana,greece,grenada,guatemala,guinea,guinea-bissau,guyana,haiti,honduras,hungary,iceland,
india,indonesia,iran,iraq,ireland,israel,italy,ivory coast,côte d'ivoire,jamaica,japan,jordan,kazakhstan,kenya,kiribati,
kosovo,kuwait,kyrgyzstan,laos,latvia,lebanon,lesotho,liberia,libya,liechtenstein,lithuania,luxembourg,madagascar,malawi,
malaysia,maldives,mali,malta,marshall islands,mauritania,mauritius,mexico,micronesia,moldova,monaco,mongolia,montenegro,
morocco,mozambique,myanmar,namibia,nauru,nepal,netherlands,new zealand,nicaragua,niger,nigeria,north korea,
north macedonia,norway,oman,pakistan,palau,palestine,panama,papua new guinea,paraguay,peru,philippines,poland,portugal,
qatar,romania,russia,rwanda,saint lucia,samoa,san marino,saudi arabia,senegal,serbia,seychelles,sierra leone,singapore,
slovakia,slovenia,solomon islands,somalia,south africa,south korea,south sudan,spain,sri lanka,sudan,suriname,sweden,
switzerland,syria,taiwan,tajikistan,tanzania,thailand,timor-leste,togo,tonga,trinidad and tobago,tunisia,turkey,türkiye,
turkmenistan,tuvalu,uganda,ukraine,united arab emirates,uae,united kingdom,uk,united states,us,usa,uruguay,uzbekistan,
vanuatu,venezuela,vietnam,yemen,zambia,zimbabwe""".replace("\n", "").split(",")
)
