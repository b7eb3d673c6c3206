"""Load bench for ``newsbrief serve``: many concurrent clients on 127.0.0.1, old code against new.

Two load generators: ``--generator wrk`` (Debian's ``wrk``: keep-alive connections, as browsers
and reverse proxies use them; p95 from its latency histogram through a small Lua ``done`` hook)
and ``--generator python`` (the asyncio loop below: one new connection per request).

Builds the demo database once (``newsbrief demo``), then for each code tree (a baseline git
ref, extracted with ``git archive`` into a temporary folder, and this worktree's ``src``)
starts ``python -m newsbrief serve`` on a free port of 127.0.0.1 and drives ``--clients``
concurrent clients for ``--duration`` seconds against three pages: the digest (``/``), a
story page and a search. Each client opens a connection, sends one GET, reads the whole
answer and starts over; a request's latency runs from the start of ``connect()`` to the last
byte, so time spent waiting for the TCP handshake (dropped SYNs) is counted. A request still
unanswered after ``--timeout`` seconds is a timeout. Traffic goes to 127.0.0.1 only, and
every request loop stops by itself.

Usage::

    python bench/serve_load.py [--generator wrk|python] [--baseline REF] [--clients 100] [--duration 15]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Tally:
    """What one load run saw."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    timeouts: int = 0
    statuses: dict[str, int] = field(default_factory=dict)


async def _one(port: int, path: str, timeout: float) -> tuple[str, float]:
    started = time.perf_counter()

    async def exchange() -> str:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
            await writer.drain()
            data = await reader.read()
        finally:
            writer.close()
        return data.split(b" ", 2)[1].decode() if data.startswith(b"HTTP/") else "garbled"

    status = await asyncio.wait_for(exchange(), timeout)
    return status, time.perf_counter() - started


async def load(port: int, path: str, *, clients: int, duration: float, timeout: float) -> tuple[Tally, float]:
    """Drive ``clients`` concurrent request loops at ``path`` for ``duration`` seconds."""
    tally = Tally()
    stop_at = time.perf_counter() + duration

    async def client() -> None:
        while time.perf_counter() < stop_at:
            try:
                status, took = await _one(port, path, timeout)
            except (asyncio.TimeoutError, TimeoutError):
                tally.timeouts += 1
                continue
            except OSError:
                tally.errors += 1
                await asyncio.sleep(0.01)
                continue
            tally.statuses[status] = tally.statuses.get(status, 0) + 1
            if status == "200":
                tally.latencies.append(took)
            else:
                tally.errors += 1

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    return tally, time.perf_counter() - started


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))]


WRK_DONE = """
done = function(summary, latency, requests)
  io.write(string.format("NB ok=%d errors=%d timeouts=%d p50=%.1f p95=%.1f p99=%.1f max=%.1f\\n",
    summary.requests - summary.errors.status - summary.errors.connect - summary.errors.read
      - summary.errors.write - summary.errors.timeout,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write,
    summary.errors.timeout, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
"""


def wrk_load(port: int, path: str, *, clients: int, duration: float, timeout: float, script: Path) -> str:
    """Run wrk against ``path``; return one table row's figures (req/s, ok, p50, p95, p99, max, errors, timeouts)."""
    out = subprocess.run(["wrk", "-t", "2", "-c", str(clients), "-d", f"{duration:g}s", "--timeout", f"{timeout:g}s",
                          "-s", str(script), f"http://127.0.0.1:{port}{path}"],
                         check=True, capture_output=True, text=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([0-9.]+)", out).group(1))  # type: ignore[union-attr]
    nb = dict(kv.split("=") for kv in re.search(r"^NB (.*)$", out, re.M).group(1).split())  # type: ignore[union-attr]
    return (f"{rate:7.1f} {int(nb['ok']):6d} {float(nb['p50']):8.1f} {float(nb['p95']):8.1f} {float(nb['p99']):8.1f} "
            f"{float(nb['max']):8.1f} {int(nb['errors']):6d} {int(nb['timeouts']):8d}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - 127.0.0.1 only
        return bytes(response.read())


def _start(src: Path, data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsbrief", "--data-dir", str(data_dir), "serve", "--host", "127.0.0.1",
         "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            _get(f"http://127.0.0.1:{port}/api")
            return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"serve_load: the server from {src} did not start on port {port}")


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default="", help="git ref of the old code (default: where HEAD left main)")
    parser.add_argument("--generator", choices=("wrk", "python"), default="wrk" if shutil.which("wrk") else "python")
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--duration", type=float, default=15.0, help="seconds of load per page")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a request counts as timed out")
    args = parser.parse_args()

    args.baseline = args.baseline or _git("merge-base", "HEAD", "main")
    head = _git("rev-parse", "--short", "HEAD") + (" (with uncommitted changes)" if _git("status", "--porcelain", "src") else "")
    base = _git("rev-parse", "--short", args.baseline)
    print(f"# newsbrief serve load bench, {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M UTC}")
    print(f"# new: {head} ({ROOT / 'src'}); old: {args.baseline} = {base}")
    how = "wrk, keep-alive connections" if args.generator == "wrk" else "python asyncio, one connection per request"
    print(f"# {args.clients} concurrent clients, {args.duration:g} s per page, request timeout {args.timeout:g} s; "
          f"{how}; python {platform.python_version()}, {os.cpu_count()} cores, "
          f"somaxconn {Path('/proc/sys/net/core/somaxconn').read_text().strip()}")
    with tempfile.TemporaryDirectory(prefix="nb-serve-load-") as tmp:
        old_src = Path(tmp) / "old"
        old_src.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.baseline, "src"], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(old_src)], input=archive, check=True)
        script = Path(tmp) / "done.lua"
        script.write_text(WRK_DONE)
        data_dir = Path(tmp) / "demo"
        subprocess.run([sys.executable, "-m", "newsbrief", "demo", "--dir", str(data_dir), "--no-progress"],
                       env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, check=True, stdout=subprocess.DEVNULL)
        print(f"{'code':<5} {'page':<28} {'req/s':>7} {'ok':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
              f"{'max ms':>8} {'errors':>6} {'timeouts':>8}")
        for name, src in (("old", old_src / "src"), ("new", ROOT / "src")):
            port = _free_port()
            proc = _start(src, data_dir, port)
            try:
                story = json.loads(_get(f"http://127.0.0.1:{port}/api/stories"))["stories"][0]
                word = next(w for w in story["title"].split() if len(w) > 4 and w.isalpha())
                pages = ("/", f"/stories/{story['id']}", f"/search?q={word}")
                for path in pages:
                    shown = path if len(path) <= 28 else path[:25] + "..."
                    if args.generator == "wrk":
                        figures = wrk_load(port, path, clients=args.clients, duration=args.duration,
                                           timeout=args.timeout, script=script)
                        print(f"{name:<5} {shown:<28} {figures}", flush=True)
                        time.sleep(2)
                        continue
                    tally, wall = asyncio.run(load(port, path, clients=args.clients, duration=args.duration,
                                                   timeout=args.timeout))
                    ms = [x * 1000 for x in tally.latencies]
                    print(f"{name:<5} {shown:<28} {len(ms) / wall:7.1f} {len(ms):6d} {_pct(ms, 50):8.1f} "
                          f"{_pct(ms, 95):8.1f} {_pct(ms, 99):8.1f} {max(ms, default=float('nan')):8.1f} "
                          f"{tally.errors:6d} {tally.timeouts:8d}", flush=True)
                    time.sleep(2)  # let the listen queue drain between pages
            finally:
                proc.terminate()
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


if __name__ == "__main__":
    main()
