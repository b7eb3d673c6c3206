from __future__ import annotations

import newsbrief


def test_all_is_sorted_and_complete() -> None:
    assert newsbrief.__all__ == sorted(newsbrief.__all__)
    for name in newsbrief.__all__:
        assert getattr(newsbrief, name) is not None, name


def test_public_names_are_exported() -> None:
    public = {n for n in dir(newsbrief) if not n.startswith("_") and n[0].isupper()}
    modules = {"annotations", "logging"}
    assert public - modules <= set(newsbrief.__all__)
