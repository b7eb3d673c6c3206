"""Clean: an article's stored text -> the text the clustering, facts and summary stages read.

Input: :class:`~newsbrief.model.Article` text (plus the template lines seen on the same outlet's
recent articles). Output: plain strings and :class:`~newsbrief.model.Article` copies; nothing
is stored here.

Modules:

- :mod:`.boilerplate`: cuts bylines, captions, subscription prompts and repeated site template
  lines out of the text.
- :mod:`.captions`: finds photo captions and picture references inside an article's lines.
- :mod:`.datelines`: finds datelines and a page's date stamps in an article's first lines.
- :mod:`.spacing`: parts sentences a page ran together ("homes.The government ...").
- :mod:`.shouted_opening`: writes a story's first words in capitals ("THE council ...") as the text writes them.
- :mod:`.text_cap`: caps how much of one huge article the text stages read.
"""
