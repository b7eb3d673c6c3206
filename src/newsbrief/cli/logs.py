"""How the command line logs: its levels, quiet extraction libraries, and notices shown once per data folder.

The library only logs (``LOGGER = logging.getLogger(__name__)``); handlers and levels are set
here, by the CLI. Two rules keep normal output to what the user can act on:

- trafilatura, htmldate and courlan log a warning or an error for every odd page ("discarding
  data", "empty HTML tree"). What matters about a page is already recorded by the pipeline as
  data (a skip with its reason), so their own lines show only with ``-v`` or ``-vv``.
- A record logged with ``extra={"notice": NAME}`` is advice about the installation (such as
  the missing spaCy model). It is shown the first time in a data folder, remembered in
  ``<data-dir>/notices.json``, and afterwards only with ``-v``: a daily cron job does not
  repeat the same advice every day, and deleting the file shows it again.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from pathlib import Path

__all__ = ["EXTRACTION_LOGGERS", "NOTICE_LOGGERS", "NOTICES_FILE", "NoticeOncePerFolder", "configure_logging",
           "forget_notices", "remember_notices_in"]

EXTRACTION_LOGGERS = ("trafilatura", "htmldate", "courlan")
"""Third-party loggers silenced unless ``-v`` is given."""

NOTICE_LOGGERS = ("newsbrief.facts.nlp",)
"""Loggers that emit once-per-folder notices (``extra={"notice": NAME}``)."""

NOTICES_FILE = "notices.json"

_SILENT = logging.CRITICAL + 1


def configure_logging(verbose: int) -> None:
    """Send log records to stderr at the level ``-v`` asks for, extraction libraries silenced at 0.

    :param verbose: how many ``-v`` were given (0 warnings, 1 info, 2+ debug).
    """
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    for name in EXTRACTION_LOGGERS:
        logging.getLogger(name).setLevel(_SILENT if verbose == 0 else logging.NOTSET)


class NoticeOncePerFolder(logging.Filter):
    """Let each ``notice`` record through once per data folder (always when ``verbose``)."""

    def __init__(self, folder: Path, *, verbose: bool) -> None:
        """Remember notices in ``folder/notices.json``.

        :param folder: the data folder.
        :param verbose: let every notice through (``-v``), still remembering it.
        """
        super().__init__()
        self.path = folder / NOTICES_FILE
        self.verbose = verbose

    def _seen(self) -> dict[str, object]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def filter(self, record: logging.LogRecord) -> bool:
        """Return whether ``record`` is shown; a notice shown for the first time is remembered.

        :param record: the log record.
        """
        name = getattr(record, "notice", None)
        if not isinstance(name, str):
            return True
        seen = self._seen()
        if name in seen:
            return self.verbose
        seen[name] = {"first_shown": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                      "message": record.getMessage()}
        try:
            self.path.write_text(json.dumps(seen, indent=2) + "\n", encoding="utf-8")
        except OSError:  # a read-only folder: the notice shows every time rather than never
            pass
        return True


def remember_notices_in(folder: Path, *, verbose: bool = False) -> None:
    """Install (or replace) the once-per-folder filter on every notice logger, until :func:`forget_notices`.

    :param folder: the data folder whose ``notices.json`` remembers what was shown.
    :param verbose: show every notice anyway (``-v``).
    """
    forget_notices()
    for name in NOTICE_LOGGERS:
        logging.getLogger(name).addFilter(NoticeOncePerFolder(folder, verbose=verbose))


def forget_notices() -> None:
    """Remove the once-per-folder filters (the command is over)."""
    for name in NOTICE_LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if isinstance(f, NoticeOncePerFolder)]:
            logger.removeFilter(old)
