"""Shared fixtures: an in-memory store, isolated settings, and the golden-file flag."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from newsbrief.config import Settings, load_settings
from newsbrief.store import SQLiteStore, open_store


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite tests/golden/ from the current output.")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def fresh_db() -> Iterator[SQLiteStore]:
    store = open_store(":memory:")
    yield store
    store.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(data_dir=tmp_path, env={})
