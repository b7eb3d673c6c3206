"""Ingest: subscribed sources -> stored, deduplicated articles (pipeline stages 1-4).

Input: :class:`~newsbrief.model.Source` rows (URL plus the last fetch's validators). Output:
:class:`~newsbrief.model.Article` records (or a :class:`~newsbrief.model.Skip` naming why an
item was dropped) written to the store by :class:`~newsbrief.ingest.writer.IngestWriter`. The
stages hand each other plain data: bytes and headers (:class:`~newsbrief.model.FetchResult`),
feed entries (:class:`~newsbrief.model.Entry`), articles.

Modules, in pipeline order:

- :mod:`.fetch`, :mod:`.fetch_policy`: URLs -> bytes (conditional GET, rate limits, backoff),
  guarded by :mod:`.ssrf` (no private addresses) and :mod:`.robots` (robots.txt for pages).
- :mod:`.feeds`: feed bytes -> entries (RSS, Atom, JSON Feed); :mod:`.opml`: subscription lists.
- :mod:`.extract`: entry (+ its page) -> article; :mod:`.dates` picks the publish date,
  :mod:`.sanitize` makes HTML safe and turns it into text, :mod:`.urls` tests web URLs.
- :mod:`.dedup`: canonical URLs, fingerprints, near-duplicates.
- :mod:`.workers`: parsing and extraction in worker processes, overlapped with downloads;
  :mod:`.writer`: dedup and storing as each batch is built.

The orchestrator (:mod:`newsbrief.pipeline`) sequences these; nothing here ranks or composes.
"""
