"""Where per-article work runs: in this process, in a pool of processes, or on Dask.

An engine does one thing, as httpx's transports have one ``handle_request``: ``map(fn,
items)`` yields ``fn(item)`` for each item in order; ``submit(fn, item)`` is the same for one
item whose result is taken later (a corpus stage's merge that runs while the next stage
reads the store). Stage functions are pure and picklable, so the same function runs
unchanged on every engine.

``map`` streams: it takes items from ``items`` only as results are taken from it, keeping at
most ``window`` items in flight, so a producer that reads files (and writes the store) in
the calling thread runs ahead of the workers by a bounded amount, and the workers never
wait for the main process to finish a write. Memory stays flat however many items there are.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections import deque
from typing import Any, Callable, Iterable, Iterator, Protocol, TypeVar

T = TypeVar("T")
U = TypeVar("U")

# Items in flight per worker: one running, one queued, so a worker finishing a chunk
# starts the next at once while the main process stores the previous result.
IN_FLIGHT_PER_WORKER = 2


class Engine(Protocol):
    workers: int
    # Whether tasks run on this machine and may open its files (the store) themselves.
    shares_files: bool

    def map(self, fn: Callable[[T], U], items: Iterable[T]) -> Iterator[U]: ...

    def submit(self, fn: Callable[[T], U], item: T) -> Callable[[], U]: ...

    def close(self) -> None: ...


def one_thread_per_pool() -> Any:
    """Hold BLAS and OpenMP pools to one thread; returns what undoes it (a context manager)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # scikit-learn brings threadpoolctl; without it, keep the defaults
        return contextlib.nullcontext()
    return threadpool_limits(1)


def _in_process(fn: Callable[[T], U], items: Iterable[T]) -> Iterator[U]:
    """``map`` in this process, as one worker: on one thread, as a pool worker would be.

    The parse's matrix products go to numpy's BLAS (see nlp.py), which would otherwise
    spread the larger ones over every core.
    """
    with one_thread_per_pool():
        yield from map(fn, items)


def _warm_up() -> None:
    """Load spaCy once in each worker before the first batch arrives.

    A worker is one process per core: BLAS and OpenMP thread pools (numpy, scikit-learn)
    are held to one thread so workers do not fight over cores (Dask's nanny does the same
    with OMP_NUM_THREADS=1).
    """
    one_thread_per_pool()
    from .nlp import load_nlp

    load_nlp()


def windowed(submit: Callable[[T], Any], result: Callable[[Any], U], items: Iterable[T], window: int) -> Iterator[U]:
    """``result(submit(item))`` for each item, in order, with at most ``window`` submitted ahead.

    ``items`` is consumed in the calling thread (it may touch the store; SQLite connections
    belong to one thread).
    """
    pending: deque = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= window:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


# Start method for worker pools (NEWSTRAIL_START_METHOD overrides it, for benchmarks).
START_METHOD = os.environ.get("NEWSTRAIL_START_METHOD", "forkserver")


def pool_context() -> Any:
    """Where worker processes come from: a fork server that has loaded spaCy once, else spawn.

    A fork server is a fresh process (not a fork of this one, which may hold threads and an
    open store) that imports ``newstrail.preload`` (spaCy model, event descriptions) and forks
    each worker from itself, so every worker starts ready instead of loading for 2-4 s of its
    own. Where the platform has no fork server (Windows), 'spawn'.
    """
    if START_METHOD == "forkserver" and "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["newstrail.preload"])
        return ctx
    return multiprocessing.get_context("spawn")


class LocalEngine:
    """This machine: in-process for one worker, a process pool for more.

    Workers never fork from this process, which may hold BLAS threads and an open SQLite
    connection: they come from a fork server or are spawned (see ``pool_context``).
    """

    shares_files = True

    def __init__(self, workers: int | None = None) -> None:
        self.workers = max(1, workers or 1)
        self._pool: Any = None

    def _get_pool(self) -> Any:
        if self._pool is None:
            self._pool = pool_context().Pool(self.workers, initializer=_warm_up)
        return self._pool

    def map(self, fn: Callable[[T], U], items: Iterable[T]) -> Iterator[U]:
        if self.workers == 1:
            return _in_process(fn, items)
        pool = self._get_pool()
        return windowed(
            lambda item: pool.apply_async(fn, (item,)), lambda res: res.get(), items,
            self.workers * IN_FLIGHT_PER_WORKER,
        )

    def submit(self, fn: Callable[[T], U], item: T) -> Callable[[], U]:
        """``fn(item)`` started on a worker now; calling what this returns waits for the result.

        With one worker it runs in this process when the result is asked for, as ``map`` would.
        """
        if self.workers == 1:
            return lambda: next(_in_process(fn, [item]))
        return self._get_pool().apply_async(fn, (item,)).get

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None


def default_workers() -> int:
    """All cores but leave none idle: news NLP is CPU-bound."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def make_engine(name: str = "local", workers: int | None = None, scheduler: str | None = None) -> Engine:
    """An engine by name; Dask is imported only when asked for."""
    if name == "local":
        return LocalEngine(workers)
    if name == "dask":
        from .dask_engine import DaskEngine

        return DaskEngine(workers=workers, scheduler=scheduler)
    from .errors import ConfigError

    raise ConfigError(f"unknown engine {name!r} (choose local or dask)")
