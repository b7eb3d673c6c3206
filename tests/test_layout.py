"""The source layout: one package per stage group, no import cycles, the orchestrator on top.

The contracts live in pyproject.toml ([tool.importlinter]); import-linter checks them on the
package that is imported (the source tree in development, the installed one in CI).
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
import re
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[1]
STAGE_PACKAGES = ["ingest", "clean", "cluster", "digest", "deliver", "cli"]


def test_import_contracts_of_pyproject_are_kept(capsys: pytest.CaptureFixture[str]) -> None:
    # import-linter configures logging with disable_existing_loggers: keep every logger as it was,
    # or later tests that read the package's warnings see none
    loggers = [lg for lg in logging.root.manager.loggerDict.values() if isinstance(lg, logging.Logger)]
    disabled = [lg.disabled for lg in loggers]
    try:
        status = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True)
    finally:
        for lg, was in zip(loggers, disabled):
            lg.disabled = was
    out = capsys.readouterr().out
    assert status == 0, out
    assert "2 kept, 0 broken" in out


@pytest.mark.parametrize("name", STAGE_PACKAGES)
def test_stage_package_docstring_names_each_of_its_modules(name: str) -> None:
    package = importlib.import_module(f"newsbrief.{name}")
    doc = package.__doc__ or ""
    modules = {info.name for info in pkgutil.iter_modules(package.__path__)}
    named = set(re.findall(r":mod:`\.(\w+)`", doc))
    assert modules, name
    assert named == modules, f"newsbrief.{name}: docstring names {sorted(named)}, package has {sorted(modules)}"
