"""Where the parallel stages run: in this process, or as tasks on a Dask distributed cluster.

The stages that work on one item at a time (parse a feed, extract a page, clean, embed, find
facts, embed summary sentences) are plain functions. :func:`open_engine` gives the pipeline an
:class:`Engine` to run them on:

- ``""`` (the default): :class:`InProcess`, today's behaviour: ingest forks its own pool
  (:mod:`newsbrief.ingest.workers`) and the per-article analysis runs in this process;
- ``"local:N"``: a Dask ``LocalCluster`` of N worker processes started for the command;
- ``"tcp://host:8786"``: the Dask scheduler of a running cluster (``newsbrief cluster up``, or
  ``dask scheduler`` and ``dask worker`` on other machines, see docs/distributed.md).

Tasks only compute: every result comes back to this process, which stores it with upserts on
natural keys (articles by canonical URL, cleaned text, vectors and facts by article id), so
a task run twice stores nothing twice. A worker that dies mid-task has its tasks run again on
another worker (Dask does this; :data:`ALLOWED_FAILURES` bounds how often a task may be
caught in a dying worker); a task past that bound is reported as :class:`WorkerLost`.

The distributed engine needs the optional extra: ``pip install 'newsbrief[distributed]'``.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, TypeVar

from .config import Settings, value_problem
from newsbrief.cluster.embed import Embedder, MiniLMEmbedder, load_embedder, vector_cache_key
from .errors import NewsbriefError

__all__ = [
    "ALLOWED_FAILURES", "EmbedderRef", "Engine", "EngineError", "InProcess", "Distributed", "WorkerLost",
    "address_problem", "dask_config", "engine_address", "local_cluster", "open_engine", "resolve_embedder",
]

T = TypeVar("T")
R = TypeVar("R")

ALLOWED_FAILURES = 3
"""Worker deaths a task may be caught in before it fails (Dask's ``distributed.scheduler.allowed-failures``)."""

MISSING_EXTRA = "engine: the distributed engine needs Dask: pip install 'newsbrief[distributed]'"
_LOCAL = re.compile(r"^local:(\d+)$")


class EngineError(NewsbriefError):
    """The engine cannot be reached or started, or a task could not be run on it."""


class WorkerLost(BrokenProcessPool):
    """A task's worker died more often than the engine runs a task again.

    A :class:`~concurrent.futures.process.BrokenProcessPool`, so ingest treats it as it treats
    a dead worker of its own pool: the items are recorded as lost and their feeds read again
    next time.
    """


def address_problem(address: str) -> str:
    """Return what an engine address should be when ``address`` is not one, else "".

    :param address: ``""``, ``"local:N"`` or a scheduler URL such as ``"tcp://host:8786"``.
    """
    return value_problem("engine", address)


def engine_address(settings: Settings, flag: str | None = None) -> str:
    """Return the engine address to use: the ``--engine`` flag, else ``engine.address`` (env ``NEWSBRIEF_ENGINE``).

    :param settings: resolved settings.
    :param flag: the command's ``--engine`` value, if given.
    """
    address = (flag if flag is not None else str(settings["engine.address"])).strip()
    problem = address_problem(address)
    if problem:
        raise EngineError(f"engine: the address must be {problem}")
    return address


@dataclass(frozen=True, slots=True)
class EmbedderRef:
    """An embedder named for a worker to load once: what ``cluster.embedder`` says, and the key it must have.

    A task given one loads the embedder in its worker process (once per process) and refuses to
    work when the worker's model differs from this process's (another version of the model
    would give other vectors, and other stories).
    """

    prefer: str
    key: str

    def load(self) -> Embedder:
        """Return the worker's embedder (loaded on first use)."""
        return _worker_embedder(self.prefer, self.key)


@functools.lru_cache(maxsize=4)
def _worker_embedder(prefer: str, key: str) -> Embedder:
    embedder = load_embedder(prefer=prefer)
    if vector_cache_key(embedder) != key:
        raise EngineError(f"engine: a worker's embedder is {vector_cache_key(embedder)!r}, the command's is {key!r}; "
                          "install the same newsbrief and model on every worker")
    return embedder


def resolve_embedder(embedder: Embedder | EmbedderRef) -> Embedder:
    """Return the embedder itself (in this process) or the worker's one (for a reference).

    :param embedder: an embedder, or an :class:`EmbedderRef` sent with a task.
    """
    return embedder.load() if isinstance(embedder, EmbedderRef) else embedder


class Engine:
    """Runs the stage functions; :class:`InProcess` and :class:`Distributed` are the two kinds."""

    #: a pool for ingest's parse and extract batches; None: ingest forks its own as before
    pool: Executor | None = None
    distributed = False

    def map(self, fn: Callable[..., R], items: Sequence[T], *args: Any) -> list[R]:
        """Return ``[fn(item, *args) for item in items]``, in order, computed where the engine runs tasks.

        :param fn: a module-level function (a task is sent by name to another process).
        :param items: one task per item.
        :param args: passed to every call.
        """
        return list(self.imap(fn, items, *args))

    def imap(self, fn: Callable[..., R], items: Sequence[T], *args: Any) -> Iterator[R]:
        """Yield :meth:`map`'s results one by one, in order (here: each computed when asked for).

        :param fn: a module-level function.
        :param items: one task per item.
        :param args: passed to every call.
        """
        for item in items:
            yield fn(item, *args)

    def embedder_arg(self, embedder: Embedder) -> Embedder | EmbedderRef:
        """Return what a task is given to embed with: the embedder itself here, a reference for a worker.

        :param embedder: the embedder this process loaded.
        """
        return embedder


class InProcess(Engine):
    """Today's behaviour: ingest's own fork pool, the analysis in this process."""


class _TaskExecutor(Executor):
    """A :class:`concurrent.futures.Executor` over a Dask client: each call one task, never cached.

    A task whose workers kept dying ends in :class:`WorkerLost`; any other error of the task is
    raised as it was.
    """

    def __init__(self, client: Any) -> None:
        self.client = client
        self.inflight: dict[Future[Any], Any] = {}  # Dask cancels a task whose future is garbage collected
        self.lock = threading.Lock()

    def submit(self, fn: Callable[..., R], /, *args: Any, **kwargs: Any) -> Future[R]:
        from distributed.scheduler import KilledWorker

        out: Future[R] = Future()
        out.set_running_or_notify_cancel()
        task = self.client.submit(fn, *args, pure=False, **kwargs)
        with self.lock:
            self.inflight[out] = task

        def done(finished: Any) -> None:
            with self.lock:
                self.inflight.pop(out, None)
            try:
                out.set_result(finished.result())
            except KilledWorker as exc:
                out.set_exception(WorkerLost(f"engine: {exc}"))
            except BaseException as exc:  # noqa: BLE001 - handed to the caller through the future
                out.set_exception(exc)

        task.add_done_callback(done)
        return out

    def cancel(self, futures: Sequence[Future[Any]] | None = None) -> None:
        """Cancel the tasks of ``futures`` (default: every task still running)."""
        with self.lock:
            tasks = [t for f, t in self.inflight.items() if futures is None or f in futures]
        if tasks:
            self.client.cancel(tasks)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        if cancel_futures:
            self.cancel()


class Distributed(Engine):
    """Tasks on a Dask distributed cluster.

    :param client: a connected ``distributed.Client``.
    """

    distributed = True

    def __init__(self, client: Any) -> None:
        self.client = client
        self.tasks = _TaskExecutor(client)
        self.pool = self.tasks

    def imap(self, fn: Callable[..., R], items: Sequence[T], *args: Any) -> Iterator[R]:
        """Send every task at once, then yield the results in order as they come."""
        futures = [self.tasks.submit(fn, item, *args) for item in items]
        try:
            for future in futures:
                yield future.result()
        except WorkerLost as exc:
            raise EngineError(f"{exc} (its results are not stored; the next run makes them again)") from None
        finally:
            self.tasks.cancel(futures)  # the caller stopped early: what it will not read need not run

    def embedder_arg(self, embedder: Embedder) -> Embedder | EmbedderRef:
        # a worker loads the bundled model itself, once; another embedder (lexical, small) is sent with the task
        return EmbedderRef("minilm", vector_cache_key(embedder)) if isinstance(embedder, MiniLMEmbedder) else embedder


def _dask() -> Any:
    try:
        import dask
        import distributed
    except ImportError:
        raise EngineError(MISSING_EXTRA) from None
    logging.getLogger("distributed").setLevel(logging.WARNING)  # its INFO lines would bury the command's output
    logging.getLogger("distributed.deploy.spec").setLevel(logging.ERROR)  # a failed start is said in one line
    return dask, distributed


def _root_cause(exc: BaseException) -> BaseException:
    while exc.__cause__ is not None or exc.__context__ is not None:
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return exc


def dask_config() -> dict[str, Any]:
    """Return the Dask settings newsbrief runs a scheduler with (how often a task may outlive a worker)."""
    return {"distributed.scheduler.allowed-failures": ALLOWED_FAILURES}


@contextlib.contextmanager
def local_cluster(workers: int, *, host: str = "127.0.0.1", port: int = 0, quiet: bool = False) -> Iterator[str]:
    """Run a Dask scheduler and ``workers`` worker processes here; yield the scheduler's address.

    Every process stops when the block ends.

    :param workers: worker processes (one thread each).
    :param host: address the scheduler listens on.
    :param port: scheduler port (0: any free port).
    :param quiet: keep Dask's own log lines out of the output, shutting down included (a cluster
        started for one command, whose task errors reach the command anyway); otherwise its
        warnings show.
    :raises EngineError: the extra is not installed, or the port cannot be bound.
    """
    dask, distributed = _dask()
    with dask.config.set(dask_config()):
        try:
            # the scheduler's HTTP server (health and metrics; no dashboard without bokeh) stays on loopback
            cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host=host,
                                               scheduler_port=port, dashboard_address="127.0.0.1:0",
                                               silence_logs=logging.CRITICAL if quiet else logging.WARNING)
        except (OSError, RuntimeError) as exc:  # Dask wraps the bind error in "Cluster failed to start"
            raise EngineError(f"engine: cannot start a scheduler on {host}:{port}: {_root_cause(exc)}") from None
    try:
        yield str(cluster.scheduler_address)
    finally:
        if quiet:  # workers slow to stop are killed, and say so
            logging.getLogger("distributed").setLevel(logging.ERROR)
        cluster.close()


@contextlib.contextmanager
def open_engine(address: str) -> Iterator[Engine]:
    """Yield the engine for ``address`` (see :func:`engine_address`); stop what it started afterwards.

    :param address: ``""``, ``"local:N"`` or a scheduler URL.
    :raises EngineError: the extra is not installed, or the scheduler cannot be reached.
    """
    if not address:
        yield InProcess()
        return
    local = _LOCAL.match(address)
    if local:
        with local_cluster(int(local.group(1)), quiet=True) as scheduler, open_engine(scheduler) as engine:
            yield engine
        return
    _, distributed = _dask()
    try:
        client = distributed.Client(address, timeout="10s")
    except OSError as exc:
        raise EngineError(f"engine: cannot reach the scheduler at {address}: {exc}") from None
    try:
        yield Distributed(client)
    finally:
        client.close()
