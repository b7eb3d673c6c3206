"""The invented outlets of the sample corpus: hosts, feeds, URL patterns and page styles.

Every host uses the reserved ``.example`` TLD.  ``path`` patterns receive ``y``, ``m``,
``d`` (zero-padded publication date in the outlet's local time) and ``slug``.
"""

from __future__ import annotations

from typing import Any

WIRE_AGENCY = "Meridian Wire"

OUTLETS: dict[str, dict[str, Any]] = {
    "cl": {
        "name": "Circuit Ledger",
        "host": "www.circuitledger.example",
        "lang": "en-US",
        "offset": "-05:00",
        "path": "/{y}/{m}/{d}/{slug}",
        "tagline": "Chips, clouds and the companies that build them",
        "nav": ["Latest", "AI", "Chips", "Cloud", "Policy", "Podcasts"],
        "feeds": {
            "all": {"url": "/feed.xml", "format": "rss2-content", "title": "Circuit Ledger - All stories", "keep_prev": 3, "max": 30},
            "ai": {"url": "/ai/feed.xml", "format": "rss2-content", "title": "Circuit Ledger - AI", "keep_prev": 2, "max": 10},
        },
        "author_in_feed": True,
        "jsonld": True,
    },
    "sl": {
        "name": "The Stackline",
        "host": "www.thestackline.example",
        "lang": "en-US",
        "offset": "-08:00",
        "path": "/p/{slug}/",
        "tagline": "Software, startups and the people who ship them",
        "nav": ["Home", "Startups", "Dev", "Gadgets", "Newsletter"],
        "feeds": {
            "main": {"url": "/rss.xml", "format": "rss2-teaser", "title": "The Stackline", "keep_prev": 2, "max": 20},
        },
        "author_in_feed": False,
        "jsonld": False,
    },
    "bw": {
        "name": "Bytewire Daily",
        "host": "news.bytewiredaily.example",
        "lang": "en",
        "offset": "+00:00",
        "path": "/articles/{y}-{m}-{d}-{slug}.html",
        "tagline": "Technology news, every day",
        "nav": ["Top stories", "Business", "Hardware", "Security", "Science"],
        "feeds": {
            "main": {"url": "/atom.xml", "format": "atom-content", "title": "Bytewire Daily", "keep_prev": 2, "max": 20},
        },
        "author_in_feed": True,
        "jsonld": True,
    },
    "ng": {
        "name": "Northgate Tech Review",
        "host": "www.northgatereview.example",
        "lang": "en-GB",
        "offset": "+00:00",
        "path": "/tech/{slug}",
        "tagline": "Analysis for people who run technology",
        "nav": ["Tech", "Markets", "Policy", "Opinion", "Events"],
        "feeds": {
            "main": {"url": "/feeds/latest.atom", "format": "atom-summary", "title": "Northgate Tech Review: latest", "keep_prev": 1, "max": 15},
        },
        "author_in_feed": True,
        "jsonld": False,
    },
    "sn": {
        "name": "Signal & Noise",
        "host": "signalnoise.example",
        "lang": "en",
        "offset": "-05:00",
        "path": "/{y}/{m}/{d}/{slug}/",
        "tagline": "What matters in tech, minus the noise",
        "nav": ["News", "AI", "Apps", "Funding", "About"],
        "feeds": {
            "main": {"url": "/feed.json", "format": "json-content", "title": "Signal & Noise", "keep_prev": 2, "max": 20},
        },
        "author_in_feed": True,
        "jsonld": True,
    },
    "kp": {
        "name": "Kernel Post",
        "host": "www.kernelpost.example",
        "lang": "en",
        "offset": "-05:00",
        "path": "/news/{slug}",
        "tagline": "Open source, developers and infrastructure",
        "nav": ["News", "Open source", "DevOps", "Databases", "Jobs"],
        "feeds": {
            "main": {"url": "/feed.json", "format": "json-summary", "title": "Kernel Post", "keep_prev": 2, "max": 20},
        },
        "author_in_feed": True,
        "jsonld": False,
    },
    "dp": {
        "name": "Datapoint Europe",
        "host": "www.datapoint-europe.example",
        "lang": "en-IE",
        "offset": "+01:00",
        "path": "/en/{section}/{slug}",
        "tagline": "European technology, policy and markets",
        "nav": ["Policy", "Markets", "Startups", "Infrastructure", "Events"],
        "feeds": {
            "main": {"url": "/index.rdf", "format": "rss1", "title": "Datapoint Europe", "keep_prev": 2, "max": 15},
        },
        "author_in_feed": True,
        "jsonld": True,
    },
    "fs": {
        "name": "Foundry Street",
        "host": "www.foundrystreet.example",
        "lang": "en-US",
        "offset": "-05:00",
        "path": "/deals/{y}/{m}/{slug}",
        "tagline": "Venture capital and the startups it backs",
        "nav": ["Deals", "Founders", "Investors", "Data", "Events"],
        "feeds": {
            "main": {"url": "/rss", "format": "rss2-teaser-content", "title": "Foundry Street deals", "keep_prev": 2, "max": 15},
        },
        "author_in_feed": True,
        "jsonld": False,
    },
    "oi": {
        "name": "Orbit Insider",
        "host": "orbitinsider.example",
        "lang": "en",
        "offset": "-05:00",
        "path": "/story/{slug}",
        "tagline": "Consumer tech, games and space",
        "nav": ["Stories", "Gadgets", "Games", "Space", "Deals"],
        "feeds": {
            "main": {"url": "/feeds/all.atom.xml", "format": "atom-content", "title": "Orbit Insider", "keep_prev": 2, "max": 20},
        },
        "author_in_feed": True,
        "jsonld": True,
    },
    "pb": {
        "name": "Pacific Byte",
        "host": "www.pacificbyte.example",
        "lang": "en-SG",
        "offset": "+08:00",
        "path": "/tech/{slug}.html",
        "tagline": "Asia-Pacific technology and business",
        "nav": ["Tech", "Startups", "Fintech", "Mobility", "Asia"],
        "feeds": {
            "main": {"url": "/feeds/main.json", "format": "json-content", "title": "Pacific Byte", "keep_prev": 2, "max": 20},
        },
        "author_in_feed": False,
        "jsonld": True,
    },
}

FEED_FORMATS = {
    "rss2-content": "rss2",
    "rss2-teaser": "rss2",
    "rss2-teaser-content": "rss2",
    "atom-content": "atom",
    "atom-summary": "atom",
    "json-content": "jsonfeed",
    "json-summary": "jsonfeed",
    "rss1": "rss1",
}
