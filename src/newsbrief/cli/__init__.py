"""The ``newsbrief`` command line: parses arguments, calls the library, maps errors to one line.

Input: command-line arguments and the settings file. Output: text, tables and files for the
user, and an exit status. Each command is thin: it calls :mod:`newsbrief.pipeline` (the
orchestrator), :mod:`newsbrief.schedule`, the web app or an evaluation, and turns a
:class:`~newsbrief.errors.NewsbriefError` into one line on stderr.

Modules:

- :mod:`.app`: the root group, shared options and error mapping, ``init``/``config``; the
  entry point is :func:`newsbrief.cli.app.main`.
- :mod:`.digest_commands`: ``fetch``, ``digest``, ``stories``, ``search``, ``facts``, ``demo``,
  ``run``, ``serve``...; :mod:`.source_commands`: ``sources ...``;
  :mod:`.delivery_commands`: ``deliveries`` and ``publish``; :mod:`.eval_commands`: ``eval ...``.
- :mod:`.logs`: log levels, quiet extraction libraries, notices shown once per data folder.
"""
