"""Errors newstrail raises on purpose.

    NewstrailError
     ├── InputError(path, reason)   a file or record cannot be read or makes no article
     ├── ConfigError(reason)        a setting or option is wrong; nothing was done
     └── StoreError(reason)         the store cannot be opened, is locked, or is from a newer version

Constructors take positional arguments only and ``__reduce__`` rebuilds them from those,
so errors survive the trip back from a worker process (multiprocessing, Dask).
Only the CLI turns them into one-line messages.
"""

from __future__ import annotations


class NewstrailError(Exception):
    """Base class of every error newstrail raises on purpose."""

    def __reduce__(self):  # keep errors picklable across processes
        return (self.__class__, self.args)


class InputError(NewstrailError):
    """Raised when one input (file, line, record) cannot become an article."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class ConfigError(NewstrailError):
    """Raised when settings or options are wrong, before any work starts."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return self.reason


class StoreError(NewstrailError):
    """Raised when the store cannot be opened or written (locked, corrupt, newer schema)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return self.reason
