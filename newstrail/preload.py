"""What a worker needs loaded before its first chunk; imported once, by the pool's fork server.

Importing this module loads the spaCy pipeline and fits the event-type descriptions, so
that every worker forked from the server (see ``engine.pool_context``) shares them instead
of loading its own. A failure here is not fatal: each worker's initializer loads what is
missing and reports the real error there.
"""

from __future__ import annotations

try:
    from . import pipeline, positions, timeline  # noqa: F401 - what chunks and corpus tasks run
    from .engine import _warm_up
    from .events import _description_model

    _warm_up()
    _description_model()
except Exception:  # noqa: BLE001 - the workers' own start-up reports it
    pass
