"""Where per-article work runs: in this process, in a pool of processes, or on Dask.

An engine has one method, ``map(fn, items)``, that yields ``fn(item)`` for each item in
order (as httpx's transports have one ``handle_request``). Stage functions are pure and
picklable, so the same function runs unchanged on every engine.
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Any, Callable, Iterable, Iterator, Protocol, TypeVar

T = TypeVar("T")
U = TypeVar("U")


class Engine(Protocol):
    workers: int

    def map(self, fn: Callable[[T], U], items: Iterable[T]) -> Iterator[U]: ...

    def close(self) -> None: ...


def _warm_up() -> None:
    """Load spaCy once in each worker before the first batch arrives."""
    from .nlp import load_nlp

    load_nlp()


class LocalEngine:
    """This machine: in-process for one worker, a process pool for more.

    Workers are started with 'spawn' (not fork): the parent may hold spaCy, BLAS threads
    and an open SQLite connection, none of which survive a fork safely.
    """

    def __init__(self, workers: int | None = None) -> None:
        self.workers = max(1, workers or 1)
        self._pool: Any = None

    def _get_pool(self) -> Any:
        if self._pool is None:
            ctx = multiprocessing.get_context("spawn")
            self._pool = ctx.Pool(self.workers, initializer=_warm_up)
        return self._pool

    def map(self, fn: Callable[[T], U], items: Iterable[T]) -> Iterator[U]:
        items = list(items)
        if self.workers == 1 or len(items) <= 1:
            return map(fn, items)
        chunk = max(1, min(16, len(items) // (self.workers * 4) or 1))
        return self._get_pool().imap(fn, items, chunksize=chunk)

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
