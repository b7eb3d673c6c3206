"""A stop that arrives while the embedding model's C extensions load stops the command."""

from __future__ import annotations

import importlib
from typing import Any

import pytest

from newsbrief.cluster import embed
from newsbrief.stopping import Stopped


def test_a_stop_during_the_model_import_is_raised_not_turned_into_the_lexical_fallback(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # pybind11 modules (onnxruntime) turn an exception raised during their initialisation into
    # ImportError("initialization failed") chained to it; a SIGTERM landing there must still stop.
    real = importlib.import_module

    def interrupted(name: str, *args: Any) -> Any:
        if name == "onnxruntime":
            try:
                raise Stopped(15)
            except Stopped as stop:
                raise ImportError("initialization failed") from stop
        return real(name, *args)

    monkeypatch.setattr(embed.importlib, "import_module", interrupted)
    with pytest.raises(Stopped):
        embed.load_embedder(prefer="auto")


def test_a_missing_model_package_still_falls_back_to_the_lexical_embedder(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.import_module

    def missing(name: str, *args: Any) -> Any:
        if name == "onnxruntime":
            raise ImportError("No module named 'onnxruntime'")
        return real(name, *args)

    monkeypatch.setattr(embed.importlib, "import_module", missing)
    assert isinstance(embed.load_embedder(prefer="auto"), embed.HashingEmbedder)
