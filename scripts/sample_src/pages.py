"""HTML page templates for the sample outlets.

Three layouts (a blog-style ``post``, a newspaper-style ``broadsheet`` and a magazine-style
``magazine``) give the extractor different boilerplate to strip: navigation, breadcrumbs,
share bars, inline "read more" asides, ad slots, newsletter forms, related stories,
comments and footers.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from typing import Any

LAYOUT = {"cl": "post", "sn": "post", "kp": "post", "bw": "broadsheet", "ng": "broadsheet", "dp": "broadsheet",
          "sl": "magazine", "fs": "magazine", "oi": "magazine", "pb": "magazine"}

TZ_NAMES = {"-05:00": "ET", "-08:00": "PT", "+00:00": "GMT", "+01:00": "CET", "+08:00": "SGT"}

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

FEED_TYPES = {"rss2": "application/rss+xml", "rss1": "application/rdf+xml", "atom": "application/atom+xml",
              "jsonfeed": "application/feed+json"}


def e(text: str) -> str:
    """Escape text for HTML content and attributes."""
    return html.escape(text, quote=True)


def human_date(local: dt.datetime, outlet: dict[str, Any]) -> str:
    """Format a local timestamp the way the outlet prints it on the page."""
    tz = TZ_NAMES.get(outlet["offset"], outlet["offset"])
    if outlet["lang"] in ("en-US",):
        hour = local.hour % 12 or 12
        ampm = "a.m." if local.hour < 12 else "p.m."
        return f"{MONTHS[local.month - 1][:3]}. {local.day}, {local.year} {hour}:{local.minute:02d} {ampm} {tz}"
    if outlet["lang"] in ("en-GB", "en-IE"):
        return f"{local.day} {MONTHS[local.month - 1]} {local.year}, {local.hour:02d}:{local.minute:02d} {tz}"
    return f"{local.year}-{local.month:02d}-{local.day:02d} {local.hour:02d}:{local.minute:02d} {tz}"


def _nav(outlet: dict[str, Any]) -> str:
    items = "".join(
        f'<li><a href="/{e(n.lower().replace(" ", "-"))}/">{e(n)}</a></li>' for n in outlet["nav"]
    )
    return (
        f'<nav class="site-nav" aria-label="Main"><ul>{items}'
        '<li><a href="/search">Search</a></li><li><a href="/account/login">Sign in</a></li></ul></nav>'
    )


def _feed_links(outlet: dict[str, Any], formats: dict[str, str]) -> str:
    out = []
    for f in outlet["feeds"].values():
        kind = FEED_TYPES[formats[f["format"]]]
        out.append(f'<link rel="alternate" type="{kind}" title="{e(f["title"])}" href="http://{outlet["host"]}{f["url"]}">')
    return "\n".join(out)


def _footer(outlet: dict[str, Any]) -> str:
    return f"""<footer class="site-footer">
<div class="footer-cols">
<ul><li><a href="/about/">About {e(outlet['name'])}</a></li><li><a href="/about/ethics/">Ethics policy</a></li><li><a href="/about/corrections/">Corrections</a></li></ul>
<ul><li><a href="/privacy/">Privacy</a></li><li><a href="/cookies/">Cookie settings</a></li><li><a href="/terms/">Terms of use</a></li></ul>
<ul><li><a href="/advertise/">Advertise</a></li><li><a href="/careers/">Careers</a></li><li><a href="/contact/">Contact us</a></li></ul>
</div>
<p class="copyright">© 2026 {e(outlet['name'])}. All rights reserved. Reproduction without permission is prohibited.</p>
</footer>
<div class="cookie-banner" role="dialog"><p>We use cookies to measure readership and to show you relevant offers. You can change your choices at any time.</p><button>Accept all</button><button>Manage</button></div>"""


def _newsletter(outlet: dict[str, Any]) -> str:
    return f"""<section class="newsletter-signup">
<h2>Get the {e(outlet['name'])} briefing</h2>
<p>The day's most important technology stories, in your inbox every weekday morning. Free, and you can unsubscribe at any time.</p>
<form action="/newsletter/subscribe" method="post"><label for="nl-email">Email address</label><input id="nl-email" type="email" name="email" placeholder="you@example.com"><button type="submit">Sign up</button></form>
</section>"""


def _related(related: list[dict[str, Any]], title: str) -> str:
    if not related:
        return ""
    items = "".join(f'<li><a href="{e(r["url"])}">{e(r["title"])}</a></li>' for r in related)
    return f'<section class="related-stories"><h2>{e(title)}</h2><ul>{items}</ul></section>'


def _jsonld(a: dict[str, Any], outlet: dict[str, Any]) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a["title"],
        "datePublished": a["local"].isoformat(),
        "dateModified": a["local"].isoformat(),
        "author": [{"@type": "Person" if a["author"] != "Meridian Wire" else "Organization", "name": a["author"]}],
        "publisher": {"@type": "Organization", "name": outlet["name"],
                      "logo": {"@type": "ImageObject", "url": f"http://{outlet['host']}/static/logo.png"}},
        "mainEntityOfPage": a["url"],
        "articleSection": a["section"],
    }
    text = json.dumps(data, ensure_ascii=False, indent=None, sort_keys=True).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'


def _head(a: dict[str, Any], outlet: dict[str, Any]) -> str:
    desc = a["dek"] or a["paragraphs"][0][:150]
    parts = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(a['title'])} | {e(outlet['name'])}</title>",
        f'<meta name="description" content="{e(desc)}">',
        f'<meta name="author" content="{e(a["author"])}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:title" content="{e(a["title"])}">',
        f'<meta property="og:description" content="{e(desc)}">',
        f'<meta property="og:url" content="{e(a["url"])}">',
        f'<meta property="og:site_name" content="{e(outlet["name"])}">',
        f'<meta property="og:image" content="http://{outlet["host"]}/static/cards/{e(a["slug"].strip("/"))}.jpg">',
        f'<meta property="article:published_time" content="{a["local"].isoformat()}">',
        f'<meta property="article:section" content="{e(a["section"])}">',
        '<meta name="twitter:card" content="summary_large_image">',
        f'<link rel="canonical" href="{e(a["url"])}">',
        '<link rel="stylesheet" href="/static/site.css">',
        '<link rel="icon" href="/favicon.ico">',
    ]
    if outlet.get("jsonld"):
        parts.append(_jsonld(a, outlet))
    parts.append('<script async src="/static/analytics.js"></script>')
    return "\n".join(parts)


def _paragraphs(a: dict[str, Any], aside: str, ad: str) -> str:
    out = []
    for i, p in enumerate(a["paragraphs"]):
        out.append(f"<p>{e(p)}</p>")
        if i == 1 and aside:
            out.append(aside)
        if i == 2 and ad and len(a["paragraphs"]) > 4:
            out.append(ad)
    return "\n".join(out)


def render_page(a: dict[str, Any], others: list[dict[str, Any]], outlet: dict[str, Any]) -> str:
    """Render one full article page as the outlet would serve it."""
    earlier = sorted((b for b in others if b["utc"] < a["utc"]), key=lambda b: b["utc"], reverse=True)
    related = earlier[:3]
    layout = LAYOUT[a["outlet"]]
    when = human_date(a["local"], outlet)
    iso = a["local"].isoformat()
    byline_name = e(a["author"])
    author_slug = a["author"].lower().replace(" ", "-")
    if a["author"] == "Meridian Wire":
        byline = f'<span class="byline">By <span class="author">{byline_name}</span></span>'
    else:
        byline = f'<span class="byline">By <a rel="author" class="author" href="/authors/{e(author_slug)}/">{byline_name}</a></span>'
    dek = f'<p class="dek">{e(a["dek"])}</p>' if a["dek"] else ""
    aside = ""
    if related and layout == "post":
        aside = f'<aside class="inline-related"><p><strong>Read more:</strong> <a href="{e(related[0]["url"])}">{e(related[0]["title"])}</a></p></aside>'
    ad = '<div class="ad-slot" data-slot="mid-article"><span>Advertisement</span></div>'
    body = _paragraphs(a, aside, ad)
    wire_note = ""
    if a["updates"]:
        prior = next(b for b in others if b["key"] == a["updates"])
        wire_note = (f'<p class="update-note"><em>Earlier coverage:</em> <a href="{e(prior["url"])}">'
                     f'{e(prior["title"])}</a></p>')
    if a["wire"]:
        wire_note = f'<p class="wire-credit">This story was provided by Meridian Wire and has not been edited by {e(outlet["name"])} staff.</p>'
    share = ('<div class="share-bar"><span>Share</span><a href="#" class="share-email">Email</a>'
             '<a href="#" class="share-link">Copy link</a><a href="#" class="share-social">Post</a></div>')
    header = (f'<header class="site-header"><a class="logo" href="/">{e(outlet["name"])}</a>'
              f'<p class="tagline">{e(outlet["tagline"])}</p>{_nav(outlet)}</header>')
    if layout == "post":
        main = f"""<main id="content">
<article class="post">
<header class="post-header">
<p class="kicker"><a href="/{e(a['section'])}/">{e(a['section'].replace('-', ' ').title())}</a></p>
<h1 class="post-title">{e(a['title'])}</h1>
{dek}
<p class="post-meta">{byline} · <time datetime="{iso}">{e(when)}</time></p>
</header>
{share}
<div class="post-body">
{body}
{wire_note}
</div>
<footer class="post-tags"><span>Filed under:</span> <a href="/{e(a['section'])}/">{e(a['section'])}</a></footer>
</article>
{_related(related, "Related stories")}
{_newsletter(outlet)}
</main>"""
    elif layout == "broadsheet":
        crumbs = (f'<ol class="breadcrumbs"><li><a href="/">Home</a></li>'
                  f'<li><a href="/{e(a["section"])}/">{e(a["section"].title())}</a></li></ol>')
        most_read = _related(related, "Most read")
        main = f"""<div id="content" class="page">
{crumbs}
<div class="layout">
<article class="story" itemscope itemtype="https://schema.org/NewsArticle">
<h1 itemprop="headline">{e(a['title'])}</h1>
{dek.replace('class="dek"', 'class="standfirst" itemprop="description"')}
<div class="meta"><span itemprop="author">{byline}</span> <time itemprop="datePublished" datetime="{iso}">{e(when)}</time></div>
<div class="article-body" itemprop="articleBody">
{body}
{wire_note}
</div>
{share}
</article>
<aside class="sidebar">{most_read}<div class="ad-slot" data-slot="sidebar"><span>Advertisement</span></div></aside>
</div>
{_newsletter(outlet)}
</div>"""
    else:
        comments = (f'<section class="comments"><h2>Comments</h2><p>{(len(a["key"]) * 7) % 40 + 3} comments. '
                    '<a href="/account/login">Sign in</a> to join the conversation.</p></section>')
        main = f"""<div id="content" class="wrapper">
<article class="entry">
<div class="entry-header">
<h1 class="entry-title">{e(a['title'])}</h1>
{dek}
<div class="entry-meta">{byline}<span class="sep"> | </span><time class="published" datetime="{iso}">{e(when)}</time></div>
</div>
{share}
<section class="entry-content">
{body}
{wire_note}
</section>
</article>
{_related(related, "More from " + outlet["name"])}
{comments}
{_newsletter(outlet)}
</div>"""
    return f"""<!DOCTYPE html>
<html lang="{outlet['lang']}">
<head>
{_head(a, outlet)}
</head>
<body class="article-page layout-{layout}">
<a class="skip-link" href="#content">Skip to content</a>
{header}
{main}
{_footer(outlet)}
</body>
</html>
"""


def render_homepage(outlet_key: str, outlet: dict[str, Any], articles: list[dict[str, Any]], formats: dict[str, str]) -> str:
    """Render an outlet's front page: latest headlines plus feed autodiscovery links."""
    items = "\n".join(
        f'<li class="teaser"><a href="{e(a["url"])}">{e(a["title"])}</a>'
        f'<time datetime="{a["local"].isoformat()}">{e(human_date(a["local"], outlet))}</time>'
        + (f'<p>{e(a["dek"])}</p>' if a["dek"] else "") + "</li>"
        for a in articles
    )
    return f"""<!DOCTYPE html>
<html lang="{outlet['lang']}">
<head>
<meta charset="utf-8">
<title>{e(outlet['name'])}: {e(outlet['tagline'])}</title>
<meta name="description" content="{e(outlet['tagline'])}">
<meta property="og:title" content="{e(outlet['name'])}">
<link rel="canonical" href="http://{outlet['host']}/">
{_feed_links(outlet, formats)}
<link rel="stylesheet" href="/static/site.css">
</head>
<body class="home">
<header class="site-header"><a class="logo" href="/">{e(outlet['name'])}</a><p class="tagline">{e(outlet['tagline'])}</p>{_nav(outlet)}</header>
<main id="content">
<h1 class="visually-hidden">{e(outlet['name'])}</h1>
<section class="latest"><h2>Latest</h2>
<ul class="river">
{items}
</ul>
</section>
{_newsletter(outlet)}
</main>
{_footer(outlet)}
</body>
</html>
"""
