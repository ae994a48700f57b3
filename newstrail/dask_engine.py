"""The Dask engine: the same per-article function, mapped over a Dask cluster.

Imported only when ``--engine dask`` is asked for; Dask is the ``dask`` extra. With a
``scheduler`` address the work goes to that cluster (``dask scheduler`` / ``dask worker``
started elsewhere, each worker with newstrail installed); without one a LocalCluster of
``workers`` single-threaded processes is started (spaCy is not thread-parallel).
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator, TypeVar

from .errors import ConfigError

T = TypeVar("T")
U = TypeVar("U")

# Items per task: one task per article costs more in scheduling than the article itself.
PARTITION_SIZE = 16


def _map_partition(fn: Callable[[T], U], part: list[T]) -> list[U]:
    return [fn(item) for item in part]


class DaskEngine:
    """``map(fn, items)`` over partitions of items on a Dask cluster, results in order."""

    def __init__(self, workers: int | None = None, scheduler: str | None = None) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise ConfigError("the dask engine needs the dask extra: pip install 'newstrail[dask]'") from None
        self.workers = max(1, workers or 1)
        self._cluster: Any = None
        if scheduler:
            self._client = Client(scheduler)
        else:
            self._cluster = LocalCluster(
                n_workers=self.workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
            )
            self._client = Client(self._cluster)

    def map(self, fn: Callable[[T], U], items: Iterable[T]) -> Iterator[U]:
        items = list(items)
        parts = [items[i : i + PARTITION_SIZE] for i in range(0, len(items), PARTITION_SIZE)]
        futures = self._client.map(_map_partition, [fn] * len(parts), parts, pure=False)
        for future in futures:
            yield from future.result()

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
