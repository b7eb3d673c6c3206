"""A client of OpenAI-compatible chat-completions endpoints (OpenAI, vLLM, Ollama, llama.cpp).

POST ``{base_url}/chat/completions`` with ``model`` and ``messages``; the answer is either one
JSON object (``choices[0].message.content``, ``usage.total_tokens``) or, with ``stream``, a
server-sent-event stream of ``choices[0].delta.content`` chunks ended by ``data: [DONE]``.
Every failure (connection, timeout, HTTP status, malformed answer) raises :class:`LLMError`
with one line naming the endpoint.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import httpx

from newsbrief.errors import LLMError

__all__ = ["ChatClient", "Completion"]


@dataclass(frozen=True, slots=True)
class Completion:
    """The text of an answer and the tokens it cost (prompt + completion)."""

    text: str
    tokens: int


class ChatClient:
    """Chat completions from one endpoint and model."""

    base_model = False  # an instruction-tuned chat model: the writer asks in plain words

    def __init__(self, base_url: str, model: str, *, api_key: str = "", timeout: float = 30.0,
                 stream: bool = False, transport: httpx.BaseTransport | None = None) -> None:
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.model = model
        self.stream = stream
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._http = httpx.Client(timeout=httpx.Timeout(timeout), headers=headers, transport=transport)

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def complete(self, messages: list[dict[str, str]], *, max_tokens: int = 512, temperature: float = 0.2,
                 stop: list[str] | None = None) -> Completion:
        """Return the model's answer to ``messages``.

        :raises LLMError: the endpoint is unreachable, slow, refuses or answers out of protocol.
        """
        body: dict[str, Any] = {"model": self.model, "messages": messages, "max_tokens": max_tokens,
                                "temperature": temperature, "stream": self.stream}
        if stop:
            body["stop"] = stop
        prompt_tokens = sum(len(m["content"]) for m in messages) // 4
        try:
            if self.stream:
                with self._http.stream("POST", self.url, json=body) as resp:
                    self._raise_for_status(resp)
                    text = "".join(self._deltas(resp.iter_lines()))
                return Completion(text, prompt_tokens + len(text) // 4)
            resp = self._http.post(self.url, json=body)
            self._raise_for_status(resp)
            data = resp.json()
            text = data["choices"][0]["message"]["content"]
            tokens = int((data.get("usage") or {}).get("total_tokens") or prompt_tokens + len(text) // 4)
        except httpx.TimeoutException as exc:
            raise LLMError(f"llm: {self.url}: timed out ({type(exc).__name__})") from exc
        except httpx.HTTPError as exc:
            raise LLMError(f"llm: {self.url}: {type(exc).__name__}: {exc}") from exc
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise LLMError(f"llm: {self.url}: malformed answer ({type(exc).__name__}: {exc})") from exc
        if not isinstance(text, str):
            raise LLMError(f"llm: {self.url}: malformed answer (content is not text)")
        return Completion(text, tokens)

    def _raise_for_status(self, resp: httpx.Response) -> None:
        if resp.status_code != 200:
            if resp.is_stream_consumed is False:
                resp.read()
            raise LLMError(f"llm: {self.url}: HTTP {resp.status_code}: {resp.text[:200]!r}")

    def _deltas(self, lines: Any) -> Any:
        for line in lines:
            if not line.startswith("data:"):
                continue
            payload = line[5:].strip()
            if payload == "[DONE]":
                return
            chunk = json.loads(payload)
            piece = chunk["choices"][0].get("delta", {}).get("content")
            if piece:
                yield piece
