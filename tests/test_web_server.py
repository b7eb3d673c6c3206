"""The real ``newsbrief serve`` server (uvicorn) on 127.0.0.1 under many simultaneous connections."""

from __future__ import annotations

import socket
import time
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import pytest

from newsbrief.config import load_settings
from newsbrief.web import ServeError, ServerThread, make_app
from newsbrief.web.server import bind

if TYPE_CHECKING:
    from newsbrief.demo import DemoResult

CLIENTS = 150


@pytest.fixture(scope="module")
def app(demo: DemoResult, tmp_path_factory: pytest.TempPathFactory) -> Any:
    return make_app(demo.db_path, settings=load_settings(data_dir=tmp_path_factory.mktemp("serve"), env={}))


def _port(srv: ServerThread) -> int:
    return int(srv.url.rsplit(":", 1)[1].rstrip("/"))


def _get(sock: socket.socket, path: str) -> bytes:
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
    chunks = []
    while chunk := sock.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.serial
def test_150_simultaneous_connections_all_get_answers(app: Any) -> None:
    with ServerThread(app) as srv:
        port = _port(srv)

        def connect(_: int) -> socket.socket:
            return socket.create_connection(("127.0.0.1", port), timeout=30)

        with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
            sockets = list(pool.map(connect, range(CLIENTS)))
        try:
            started = time.monotonic()

            def fetch(i: int) -> bytes:
                return _get(sockets[i], "/api/digests" if i % 2 else "/search?q=chip")

            with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
                answers = list(pool.map(fetch, range(CLIENTS)))
            elapsed = time.monotonic() - started
        finally:
            for sock in sockets:
                sock.close()
    assert all(a.startswith(b"HTTP/1.1 200 ") for a in answers), {a[:40] for a in answers}
    assert elapsed < 30


@pytest.mark.serial
def test_idle_connections_do_not_delay_other_clients(app: Any) -> None:
    with ServerThread(app) as srv:
        port = _port(srv)
        idle = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(50)]  # they send nothing
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=10) as busy:
                started = time.monotonic()
                answer = _get(busy, "/api/digests")
                waited = time.monotonic() - started
        finally:
            for sock in idle:
                sock.close()
    assert answer.startswith(b"HTTP/1.1 200 ")
    assert waited < 5


@pytest.mark.serial
def test_keep_alive_answers_several_requests_on_one_connection(app: Any) -> None:
    with ServerThread(app) as srv, socket.create_connection(("127.0.0.1", _port(srv)), timeout=10) as sock:
        for _ in range(3):
            sock.sendall(b"HEAD /api/digests HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            head = b""
            while b"\r\n\r\n" not in head:
                head += sock.recv(4096)
            assert head.startswith(b"HTTP/1.1 200 ")


@pytest.mark.serial
def test_a_port_in_use_is_one_clear_error(app: Any) -> None:
    with ServerThread(app) as srv:
        with pytest.raises(ServeError, match=rf"^serve: cannot listen on 127.0.0.1:{_port(srv)}: "):
            bind("127.0.0.1", _port(srv))
        port = _port(srv)
    with pytest.raises(OSError):  # stopped and closed on exit
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
