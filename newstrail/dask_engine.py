"""The Dask engine: the same per-article function, mapped over a Dask cluster.

Imported only when ``--engine dask`` is asked for; Dask is the ``dask`` extra. With a
``scheduler`` address the work goes to that cluster (``dask scheduler`` / ``dask worker``
started elsewhere, each worker with newstrail installed); without one a LocalCluster of
``workers`` single-threaded processes is started (spaCy is not thread-parallel).

The pipeline hands ``map`` one item per partition (a chunk of articles analysed together,
see ``pipeline.analyse_chunk``); each becomes one task. Tasks are submitted as results are
taken, a bounded number ahead, so the client never holds the whole corpus.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator, TypeVar

from .engine import IN_FLIGHT_PER_WORKER, _warm_up, windowed
from .errors import ConfigError

T = TypeVar("T")
U = TypeVar("U")


def local_worker_config() -> dict[str, Any]:
    """Dask settings for the LocalCluster's workers, which parse with spaCy.

    - No ``MALLOC_TRIM_THRESHOLD_``: the Nanny sets it (65536) by default so that workers hand
      freed memory back to the OS. Setting it also turns off glibc's adaptive mmap threshold,
      so every array over 128 KiB that spaCy's models allocate per batch is mmapped, zeroed
      page by page and unmapped again. Measured on 96 articles in one worker on an idle core:
      6.7x the page faults, 3.7x the system time, 12-25% more wall time. Our workers'
      memory is flat (one model, bounded chunks): growth is what the setting guards against.
    - No statistical profiler: it samples the task thread every 10 ms on the worker's event
      loop, for a dashboard this cluster does not start.
    """
    import dask

    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}))
    environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    return {"distributed.nanny.pre-spawn-environ": environ, "distributed.worker.profile.enabled": False}


class DaskEngine:
    """``map(fn, items)`` as one task per item on a Dask cluster, results in order."""

    # A scheduler's workers may run on other machines, so tasks are sent what they read.
    shares_files = False

    def __init__(self, workers: int | None = None, scheduler: str | None = None) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise ConfigError("the dask engine needs the dask extra: pip install 'newstrail[dask]'") from None
        self._cluster: Any = None
        if scheduler:
            try:
                self._client = Client(scheduler, timeout="30s")
            except (OSError, TimeoutError) as exc:
                raise ConfigError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
        else:
            import dask

            with dask.config.set(local_worker_config()):
                self._cluster = LocalCluster(
                    n_workers=max(1, workers or 1), threads_per_worker=1, processes=True,
                    dashboard_address=None, silence_logs=40,
                )
            self._client = Client(self._cluster)
        # Every worker thread is a slot for one partition; load spaCy everywhere up front.
        self.workers = max(1, sum(self._client.nthreads().values()))
        self._client.run(_warm_up)

    @property
    def client(self) -> Any:
        """The ``dask.distributed.Client``: corpus stages that run as Dask shuffles use it."""
        return self._client

    def map(self, fn: Callable[[T], U], items: Iterable[T]) -> Iterator[U]:
        client = self._client
        return windowed(
            lambda item: client.submit(fn, item, pure=False), lambda future: future.result(), items,
            self.workers * IN_FLIGHT_PER_WORKER,
        )

    def submit(self, fn: Callable[[T], U], item: T) -> Callable[[], U]:
        """``fn(item)`` as one task now; calling what this returns waits for its result."""
        return self._client.submit(fn, item, pure=False).result

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
