"""Independent pieces of one build on several cores: runs of live-blog updates to read,
runs of events to write into the calendar.

Reading updates for happenings is most of a build's time, and icalendar's writing of the
events most of the rest. Each blog is cut into runs of updates (`assemble._pieces`), the
sorted events into runs of events (`ics.calendar_chunks`), and the runs are shared out
among worker processes forked with everything already loaded (the cast, the gazetteer,
the documents, the events); a run that does not start its blog reads back for the places
named before it. Each worker sends back its runs' results, which are put back in order,
so the exports are the same bytes whatever the number of workers. What every run needs
and takes a while to make (the cast of the documents' people) is a `Prelude`: the first
worker makes it and sends it over while this process writes the feeds.

A small build gains from a second process too: it spends most of its time loading
(importing libraries, compiling the patterns it reads with), and its understanding and
its writing load different things. `side_by_side` understands in a child while this
process writes the feeds and loads the calendar's writer. The command line starts that
child before the sources are even read (`standing_by`), so it has loaded what
understanding needs by the time there is something to understand.

Forking is used only where it is the system's own way of starting processes (Linux), and
only from a process with one thread (`exporter serve --watch` has more: a thread holding
a lock at the fork would leave it held forever in the worker). Otherwise, or for a small
build where starting workers costs more than it saves, the work runs in this process.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from io import BufferedReader
from typing import Any, BinaryIO, Generic, TypeVar

from exporter import memory, regexes

T = TypeVar("T")
R = TypeVar("R")
C = TypeVar("C")

#: Below this many updates (or events), automatic workers are not worth it: a fork costs
#: about 3 ms and sending results back about 15 µs per update, against some 330 µs of work
#: per update, and at a few hundred updates the gain was lost in the noise of measuring it.
AUTO_MIN_UNITS = 1_000
#: Automatic workers never outnumber this: each adds its share of the results and its own
#: copies of the pages it touches, and a container may see more cores than it may use.
AUTO_MAX_WORKERS = 4


def cores() -> int:
    """The cores this process may run on (its affinity, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every system
        return os.cpu_count() or 1


def can_fork() -> bool:
    return sys.platform == "linux" and threading.active_count() == 1


def workers_for(jobs: int | None, units: int) -> int:
    """How many processes to share this many units of work among (updates to read, events
    to write: a few hundred µs each): none (this process alone) or 2 and more.

    `jobs` None is automatic: one per core (at most `AUTO_MAX_WORKERS`), when there is
    enough work to gain; a number is the user's and is used as given, however little the
    work (1: no workers), up to one process per unit.
    """
    if jobs is None:
        jobs = min(cores(), AUTO_MAX_WORKERS) if units >= AUTO_MIN_UNITS else 1
    count = min(jobs, units)
    return count if count > 1 and can_fork() else 0


def even_cuts(total: int, parts: int, head_start: int = 0) -> list[int]:
    """Where to cut `total` units into `parts` runs, one per process, for the processes to
    finish together: the inner bounds. The runs are even, but for the first, which is
    shorter by `head_start` (units of other work its process does too, never below none).
    """
    parts = max(parts, 1)
    return [
        min(total, max(0, (total + head_start) * k // parts - head_start)) for k in range(1, parts)
    ]


def _shares(weights: list[int], workers: int, head_start: int = 0) -> list[list[int]]:
    """Item indices for each worker: heaviest first, each to the least loaded so far; this
    process (the first) starts loaded with `head_start`."""
    loads = [head_start] + [0] * (workers - 1)
    shares: list[list[int]] = [[] for _ in range(workers)]
    for i in sorted(range(len(weights)), key=lambda i: -weights[i]):
        least = loads.index(min(loads))
        shares[least].append(i)
        loads[least] += weights[i]
    return shares


class Prelude(Generic[C]):
    """What every piece of a `map_pieces` needs and takes a while to make (the cast of the
    documents' people, read from all of them): made once, on first asking, and kept.

    Given to `map_pieces`, it is made by the first worker, before its share, and sent to
    this process, which does its other work (`meanwhile`) in the meantime: a step every
    process would otherwise wait for is done beside other work. Other workers make their
    own, each on its own core. Its value must travel pickled.
    """

    def __init__(self, make: Callable[[], C]) -> None:
        self._make = make
        self._made: tuple[C] | None = None

    def value(self) -> C:
        if self._made is None:
            self._made = (self._make(),)
        return self._made[0]

    def _send(self, ahead: _Ahead) -> None:
        """In the first worker: make the value and send it (nothing when making it fails:
        the worker's share fails the same way and says why)."""
        import pickle

        os.close(ahead.read)
        try:
            with ahead.spool as spool:
                pickle.dump(self.value(), spool, pickle.HIGHEST_PROTOCOL)
        except Exception:
            os.close(ahead.write)
            return
        with os.fdopen(ahead.write, "wb") as ready:
            ready.write(b"1")

    def _receive(self, ahead: _Ahead) -> None:
        """Here: take the value the first worker sent, once it has sent it, if it does
        (else it is made here when first asked)."""
        import pickle

        with os.fdopen(ahead.read, "rb") as ready, ahead.spool as spool:
            if ready.read(1) and self._made is None:
                spool.seek(0)
                self._made = (pickle.load(spool),)


@dataclass(frozen=True)
class _Ahead:
    """How a prelude travels from the first worker: pickled into an unnamed file both
    processes hold (a pipe, once full, would hold up the worker until this process reads
    it, after its other work), then one byte on a pipe to say that it is all there."""

    spool: BinaryIO
    read: int
    write: int

    @classmethod
    def open(cls) -> _Ahead:
        file = spool()
        try:
            read, write = os.pipe()
        except OSError:
            file.close()
            raise
        return cls(file, read, write)

    def close(self) -> None:
        """This process's ends, when the prelude is not wanted (an error, no worker)."""
        self.spool.close()
        os.close(self.read)


def spool() -> BinaryIO:
    """An unnamed file made before the workers are forked, so that each inherits it: for
    what a worker sends that would fill a pipe (a run of a calendar, a prelude). Gone once
    closed, which its maker does."""
    import tempfile

    return tempfile.TemporaryFile()


def map_pieces(
    fn: Callable[[T], R],
    items: Sequence[T],
    workers: int,
    weight: Callable[[T], int],
    meanwhile: Callable[[], object] | None = None,
    head_start: int = 0,
    prelude: Prelude[Any] | None = None,
) -> list[R]:
    """`[fn(item) for item in items]`, shared out among `workers` processes when there are
    two or more: this one and forked children (`_run_shares`).

    `meanwhile`, other work of this process's (writing the feeds while the children read
    the blogs), is done first, once the children are at work; it weighs `head_start` in
    the units of `weight`, and this process's share of the items is lighter by as much
    (less what making `prelude` costs the first child, which makes it for this process;
    with nothing to do meanwhile, this process makes it before forking any).
    """
    if workers < 2:
        if meanwhile is not None:
            meanwhile()
        return [fn(item) for item in items]
    if prelude is not None and meanwhile is None:
        prelude.value()  # nothing to do here meanwhile: made before the workers, for all
        prelude = None
    here, *there = _shares([weight(item) for item in items], workers, head_start)
    shares = [here, *(s for s in there if s)]
    return _run_shares(fn, items, shares, meanwhile=meanwhile, prelude=prelude)


def aside(jobs: int | None, units: int) -> bool:
    """Whether a small build should hand its understanding to one worker beside it: with
    automatic jobs, on more than one core, when `units` (updates) are too few for workers
    of their own (`workers_for`)."""
    return jobs is None and units < AUTO_MIN_UNITS and cores() > 1 and can_fork()


def side_by_side(here: Callable[[], T], there: Callable[[], R]) -> tuple[T, R]:
    """`(here(), there())`, `there` in a forked child while this process does `here`.

    A small build spends most of its time loading: importing libraries and compiling the
    patterns it reads with. Both processes start with what is loaded already, and each
    then loads only what its own part needs, at the same time. Within `standing_by`, a
    picklable `there` goes to the child started there, which has loaded ahead.
    """
    made = _run_shares(_call, [here, there], [[0], [1]], beside=True)
    return made[0], made[1]


def _call(fn: Callable[[], R]) -> R:
    return fn()


@dataclass(frozen=True)
class _Standby:
    """A child forked ahead of its work: the pipes its work comes on and its answer goes on."""

    pid: int
    work: int
    answer: int


_standby: _Standby | None = None


@contextlib.contextmanager
def standing_by(prepare: Callable[[], object], jobs: int | None) -> Iterator[None]:
    """Within the block, a forked child runs `prepare` (loading modules and tables the
    work to come needs) while this process goes on, then waits for the next
    `side_by_side`'s other part. A child left without work is stopped at the end.

    For the command line: a small build's understanding needs some 50 ms of loading that
    does not depend on the sources, done meanwhile instead of after they are read. Only
    where `side_by_side` would fork at all (automatic jobs, more than one core, Linux);
    `prepare` must not fail the build: an error there leaves the work to this process.
    """
    global _standby
    if jobs is None and cores() > 1 and can_fork():
        with contextlib.suppress(OSError):  # no process to be had: nothing is loaded ahead
            _standby = _stand_by(prepare)
    try:
        yield
    finally:
        _dismiss()


def _stand_by(prepare: Callable[[], object]) -> _Standby:
    work_in, work_out = os.pipe()
    answer_in, answer_out = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        for fd in (work_in, work_out, answer_in, answer_out):
            os.close(fd)
        raise
    if pid:
        os.close(work_in)
        os.close(answer_out)
        return _Standby(pid, work_out, answer_in)
    status = 1
    try:  # the child: never returns into the caller's code
        os.close(work_out)
        os.close(answer_in)
        prepare()
        with os.fdopen(work_in, "rb") as src:
            data = src.read()
        if data:  # nothing: dismissed
            import pickle

            fn, work = pickle.loads(data)
            _answer(answer_out, lambda: [(i, fn(item)) for i, item in work])
        regexes.save()  # what it compiled, for the next build's child
        status = 0
    finally:
        os._exit(status)


def _hand_over(
    fn: Callable[[T], R], items: Sequence[T], share: list[int], prelude: Prelude[Any] | None = None
) -> tuple[int, int, None]:
    """Give `share` of `items` to the child standing by, as `_fork` would to a new one;
    to a new one when it cannot travel pickled or the child is gone. A `prelude` is not
    sent: this process makes its own (`side_by_side` has none)."""
    import pickle

    global _standby
    standby, _standby = _standby, None
    if standby is None:
        return _fork(fn, items, share)
    try:
        data = pickle.dumps((fn, [(i, items[i]) for i in share]), pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):  # e.g. a lambda
        _stop(standby.pid, standby.work, standby.answer)
        return _fork(fn, items, share)
    try:
        with os.fdopen(standby.work, "wb") as out:
            out.write(data)
    except OSError:  # the child is gone
        _stop(standby.pid, standby.answer)
        return _fork(fn, items, share)
    return standby.pid, standby.answer, None


def _dismiss() -> None:
    """Stop the child standing by, if it is still waiting for work."""
    global _standby
    standby, _standby = _standby, None
    if standby is not None:
        _stop(standby.pid, standby.work, standby.answer)


def _stop(pid: int, *pipes: int) -> None:
    """Kill a child and reap it, closing the pipes still open to it."""
    import signal

    for fd in pipes:
        with contextlib.suppress(OSError):  # closed already
            os.close(fd)
    with contextlib.suppress(OSError):  # gone already
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        os.waitpid(pid, 0)


def _run_shares(
    fn: Callable[[T], R],
    items: Sequence[T],
    shares: list[list[int]],
    *,
    beside: bool = False,
    meanwhile: Callable[[], object] | None = None,
    prelude: Prelude[Any] | None = None,
) -> list[R]:
    """`[fn(item) for item in items]`: `shares[0]` here, each other share of indices in a
    forked child, which sends back its results pickled; `meanwhile()` here before
    `shares[0]`. `beside`: the one other share goes to the child standing by
    (`standing_by`), if any; workers of their own never wait on it, and it is stopped
    before they are forked, to leave them its core. `prelude`: the first child makes it
    and sends it ahead of its results, taken here after `meanwhile()`.

    A child leaves with `os._exit` as soon as its results are sent: the normal way out
    would free, object by object, the whole heap it inherited, and the build would wait.
    The first error, here or in a child, is raised as itself once the children still at
    work are stopped: none is left running. A share no child could be forked for, or whose
    child died without a word, is done here, and so is a prelude no child sent.
    """
    if not beside:
        _dismiss()
    if not (beside and _standby is not None):  # a child standing by has no pages to copy
        memory.give_back()  # freed pages left resident would be the children's to copy too
    start = _hand_over if beside else _fork
    pending: list[tuple[int, int, list[int]]] = []
    results: dict[int, R] = {}
    ahead: _Ahead | None = None  # how the prelude comes
    try:
        here = list(shares[0])
        for share in shares[1:]:
            try:
                pid, pipe, sent = start(fn, items, share, prelude if ahead is None else None)
            except OSError:  # no process to be had (a limit, memory): this one does it
                here += share
                continue
            pending.append((pid, pipe, share))
            ahead = sent if ahead is None else ahead
        if meanwhile is not None:
            meanwhile()
        if prelude is not None and ahead is not None:
            ahead, sent = None, ahead
            prelude._receive(sent)
        results.update((i, fn(items[i])) for i in here)
        while pending:
            pid, pipe, share = pending[0]
            with os.fdopen(pipe, "rb") as src:
                answer = _received(src)
            os.waitpid(pid, 0)
            pending.pop(0)
            if answer is None:  # killed (out of memory, a signal) before it could send: redo
                results.update((i, fn(items[i])) for i in share)
                continue
            ok, payload = answer
            if not ok:
                raise payload
            results.update(payload)
    finally:  # after an error or an interrupt, the other workers' results are not wanted
        if ahead is not None:
            ahead.close()
        for pid, pipe, _ in pending:
            _stop(pid, pipe)
    return [results[i] for i in range(len(items))]


def _received(src: BufferedReader) -> tuple[bool, Any] | None:
    """A child's pickled answer (`_answer`), unpickled as it arrives: never held whole
    beside what is made of it (a big calendar's share of octets is tens of MB, and this
    is when a build holds the most). None when the child sent nothing."""
    import pickle

    if not src.peek(1):
        return None
    answer: tuple[bool, Any] = pickle.load(src)
    return answer


def _fork(
    fn: Callable[[T], R], items: Sequence[T], share: list[int], prelude: Prelude[Any] | None = None
) -> tuple[int, int, _Ahead | None]:
    """Start a child working out `share` of `items`, making and sending `prelude` first;
    (its pid, the pipe its results come on, how the prelude comes)."""
    read, write = os.pipe()
    try:
        ahead = _Ahead.open() if prelude is not None else None
    except OSError:
        os.close(read)
        os.close(write)
        raise
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        if ahead is not None:
            ahead.close()
            os.close(ahead.write)
        raise
    if pid:
        os.close(write)
        if ahead is not None:
            os.close(ahead.write)
        return pid, read, ahead
    status = 1
    try:  # the child: never returns into the caller's code
        os.close(read)
        if prelude is not None and ahead is not None:
            prelude._send(ahead)
        _answer(write, lambda: [(i, fn(items[i])) for i in share])
        status = 0
    finally:
        os._exit(status)


def _answer(fd: int, work: Callable[[], object]) -> None:
    """In a child: send `work()`'s result, or its error, pickled on `fd`."""
    import pickle
    import traceback

    try:
        data = pickle.dumps((True, work()), pickle.HIGHEST_PROTOCOL)
    except BaseException as exc:
        # Tracebacks do not travel with a pickled error: `--debug` shows this one instead.
        exc.add_note(f"in worker process {os.getpid()}:\n{traceback.format_exc()}")
        data = _pickled_error(exc)
    with os.fdopen(fd, "wb") as out:
        out.write(data)


def _pickled_error(exc: BaseException) -> bytes:
    import pickle

    try:
        data = pickle.dumps((False, exc), pickle.HIGHEST_PROTOCOL)
        pickle.loads(data)  # some errors pickle but cannot be made again from their args
        return data
    except Exception:  # an error that cannot travel: its description does
        return pickle.dumps((False, RuntimeError(f"in a worker process: {exc!r}")))
