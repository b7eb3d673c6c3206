"""Deliver: a finished :class:`~newsbrief.model.Digest` -> email, webhook, static site, scheduled sends.

Input: a digest (or its stored dict), the settings and the configured deliveries
(:mod:`newsbrief.deliveries`). Output: messages sent, a folder of static pages, and send records
in the store so each recipient gets each digest once.

Modules:

- :mod:`.publish`: the transports, an SMTP email (HTML + plain text) and a signed webhook POST.
- :mod:`.channels`: one digest to one recipient in the format its channel suits.
- :mod:`.scheduled`: which deliveries are due, each sent exactly once (called by
  :mod:`newsbrief.schedule`; a digest missing at send time is built through the orchestrator).
- :mod:`.archive`: ``newsbrief publish --dir``, the stored digests as a static site.
"""
