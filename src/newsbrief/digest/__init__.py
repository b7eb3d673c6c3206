"""Digest: stories with their summaries and facts -> one ranked, composed :class:`~newsbrief.model.Digest`.

Input: plain data from the earlier stages: each story's articles
(:class:`~newsbrief.model.Article`), its summary and facts. Output: ranked stories
(:class:`~newsbrief.digest.rank.RankedStory`, with the named score parts ``stories --explain``
shows) and the :class:`~newsbrief.model.Digest` the renderers and deliveries read. Nothing here
reads or writes the store.

Modules:

- :mod:`.newsworthiness`: signals learned from the articles (independent outlets, source
  priors, actor weights, story kinds, junk).
- :mod:`.magnitude`: how many people an event killed, injured or displaced, from headlines
  and openings.
- :mod:`.agency`: which news agency (AP, Reuters, AFP, national agencies) an article's text
  credits.
- :mod:`.rank`: orders stories by an explainable weighted score.
- :mod:`.bundle`: what composition knows of one story (:class:`~newsbrief.digest.bundle.StoryBundle`) and
  the rounds and rules a story is about.
- :mod:`.lede`: the opening paragraph, from the lead stories' own cited words.
- :mod:`.looking_ahead`: the calendar of upcoming events, one short cited line each.
- :mod:`.compose`: assembles lede, sections, roundups and calendar into the digest, within a reading budget.
- :mod:`.window`: which ranked stories the build must summarize (those the digest may show).
"""
