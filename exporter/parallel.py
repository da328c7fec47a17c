"""Independent pieces of one build on several cores: each live blog's mentions.

Reading a blog's sentences for happenings is most of a build's time, and every blog is
read on its own (its own places remembered, the cast and gazetteer shared but only read).
Where the system can fork, the blogs are shared out among worker processes that inherit
everything already loaded; each sends back its blogs' results, and they are put back in
the blogs' order, so the exports are the same bytes whatever the number of workers.

Forking is used only where it is the system's own way of starting processes (Linux), and
only from a process with one thread (`exporter serve --watch` has more: a thread holding
a lock at the fork would leave it held forever in the worker). Otherwise, or for a small
build where starting workers costs more than it saves, the work runs in this process.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Below this many updates in all, automatic workers would cost more than they save
#: (about 20 ms to start two, imports included, against some 330 µs of work per update).
AUTO_MIN_UPDATES = 1_000

#: The work the forked workers find in memory: set just before they start, never pickled.
_WORK: tuple[Callable[[object], object], Sequence[object]] | None = None


def cores() -> int:
    """The cores this process may run on (its affinity, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every system
        return os.cpu_count() or 1


def can_fork() -> bool:
    return sys.platform == "linux" and threading.active_count() == 1


def workers_for(jobs: int | None, pieces: int, size: int) -> int:
    """How many worker processes to use: none (this process) or 2 and more.

    `jobs` None is automatic: one per core, when the build is big enough to gain; a number
    is the user's and is used as given, however small the build (1: no workers).
    """
    if jobs is None:
        jobs = cores() if size >= AUTO_MIN_UPDATES else 1
    count = min(jobs, pieces)
    return count if count > 1 and can_fork() else 0


def _run(index: int) -> object:
    assert _WORK is not None
    fn, items = _WORK
    return fn(items[index])


def map_pieces(
    fn: Callable[[T], R], items: Sequence[T], workers: int, weight: Callable[[T], int]
) -> list[R]:
    """`[fn(item) for item in items]`, in `workers` forked processes when there are any.

    The heaviest pieces go first, so no worker is left with a big one at the end.
    """
    if workers < 2:
        return [fn(item) for item in items]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _WORK
    _WORK = (fn, items)  # type: ignore[assignment]
    order = sorted(range(len(items)), key=lambda i: -weight(items[i]))
    results: list[R | None] = [None] * len(items)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures = {i: pool.submit(_run, i) for i in order}
            for i, future in futures.items():
                results[i] = future.result()  # type: ignore[assignment]
    finally:
        _WORK = None
    return results  # type: ignore[return-value]
