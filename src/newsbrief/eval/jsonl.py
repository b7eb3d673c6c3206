"""Reading benchmark JSON Lines files with one-line errors that name the file and line."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any, Iterator

from ..errors import EvalError

__all__ = ["read_jsonl"]


def read_jsonl(path: Path, *, required: tuple[str, ...] = ()) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line number, object)`` for each non-blank line of a JSONL file (``.gz``: gzipped).

    :param path: the file.
    :param required: keys every object must have (with a truthy value).
    """
    try:
        with (gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else path.open(encoding="utf-8")) as fh:
            lines = list(fh)
    except OSError as exc:
        raise EvalError(f"eval: cannot read {path}: {exc}") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(f"eval: {path}:{n}: bad JSON ({exc})") from exc
        missing = [k for k in required if not isinstance(row, dict) or row.get(k) in (None, "", [])]
        if not isinstance(row, dict) or missing:
            names = " and ".join(repr(k) for k in required) or "a JSON object"
            raise EvalError(f"eval: {path}:{n}: every line needs {names}")
        yield n, row
