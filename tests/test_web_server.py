"""The real ``newsbrief serve`` server on 127.0.0.1 under many simultaneous connections."""

from __future__ import annotations

import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import pytest

from newsbrief.config import load_settings
from newsbrief.web import ServerThread, make_app
from newsbrief.web.server import make_wsgi_server

if TYPE_CHECKING:
    from newsbrief.demo import DemoResult

CLIENTS = 150


@pytest.fixture(scope="module")
def app(demo: DemoResult, tmp_path_factory: pytest.TempPathFactory) -> Any:
    return make_app(demo.db_path, settings=load_settings(data_dir=tmp_path_factory.mktemp("serve"), env={}))


def _get(sock: socket.socket, path: str) -> bytes:
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
    chunks = []
    while chunk := sock.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.serial
def test_150_simultaneous_connections_all_get_answers(app: Any) -> None:
    server = make_wsgi_server(app, port=0)  # listening, not yet accepting
    port = server.server_address[1]
    sockets: list[socket.socket] = []
    accept_loop = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    try:
        # 1. Every connection completes its handshake while the server is busy elsewhere:
        # the kernel holds them in the listen backlog (socketserver's default of 5 dropped the rest).
        def connect(_: int) -> socket.socket:
            return socket.create_connection(("127.0.0.1", port), timeout=5)

        with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
            connected = list(pool.map(connect, range(CLIENTS)))
        sockets += connected
        assert len(sockets) == CLIENTS

        # 2. Then every one of them is answered.
        accept_loop.start()
        started = time.monotonic()

        def fetch(i: int) -> bytes:
            sockets[i].settimeout(20)
            return _get(sockets[i], "/api/digests" if i % 2 else "/search?q=chip")

        with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
            answers = list(pool.map(fetch, range(CLIENTS)))
        elapsed = time.monotonic() - started
    finally:
        if accept_loop.is_alive():
            server.shutdown()
        server.server_close()
        for sock in sockets:
            sock.close()
    assert all(a.startswith(b"HTTP/1.0 200 ") for a in answers), {a[:40] for a in answers}
    assert elapsed < 20


@pytest.mark.serial
def test_an_idle_connection_does_not_hold_a_worker_forever(app: Any) -> None:
    with ServerThread(app, workers=1, timeout=0.5) as srv:
        port = int(srv.url.rsplit(":", 1)[1].rstrip("/"))
        idle = socket.create_connection(("127.0.0.1", port), timeout=10)  # sends nothing
        try:
            time.sleep(0.1)  # the only worker picks it up first
            with socket.create_connection(("127.0.0.1", port), timeout=10) as busy:
                started = time.monotonic()
                answer = _get(busy, "/api/digests")
                waited = time.monotonic() - started
            assert answer.startswith(b"HTTP/1.0 200 ")
            assert waited < 8  # freed by the 0.5 s timeout, not after the client gives up
            assert idle.recv(1024) == b""  # the server closed the idle connection
        finally:
            idle.close()


@pytest.mark.serial
def test_workers_are_a_fixed_pool_of_daemon_threads(app: Any) -> None:
    with ServerThread(app, workers=4) as srv:
        assert srv.server is not None
        workers = [t for t in threading.enumerate() if t.name.startswith("newsbrief-web-") and t.name[-1].isdigit()]
        assert len(workers) == 4 and all(t.daemon for t in workers)
        port = int(srv.url.rsplit(":", 1)[1].rstrip("/"))

        def one(_: int) -> bytes:
            with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
                return _get(sock, "/api/digests")

        with ThreadPoolExecutor(max_workers=40) as pool:
            answers = list(pool.map(one, range(40)))
        assert all(a.startswith(b"HTTP/1.0 200 ") for a in answers)
        server_threads = [t for t in threading.enumerate() if t.name.startswith("newsbrief-web")]
        assert len(server_threads) == 5  # 4 workers and the accept loop, however many requests came
    assert not any(t.name.startswith("newsbrief-web-") and t.is_alive() for t in workers)
