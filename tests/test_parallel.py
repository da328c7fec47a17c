"""Work shared with forked workers (live blogs read, the calendar written): the same bytes
as in one process, errors raised as themselves, no worker left behind."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from exporter import parallel
from exporter.cli import cli
from tests.paths import LIVEBLOG, ROOT, TODAY

FIXTURES = ROOT / "tests" / "fixtures"
BLOGS = [
    LIVEBLOG,
    FIXTURES / "paris-visit-liveblog.txt",
    FIXTURES / "harbour-festival-oldest-first.txt",
    FIXTURES / "summit-newest-first-crossing-midnight.txt",
]

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux")


def _exports(out: Path) -> dict[str, bytes]:
    skip = {".exporter-inputs.json", ".lock"}  # the inputs' record and the build lock
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.name not in skip}


@linux_only
def test_blogs_read_by_workers_give_the_bytes_one_process_gives(tmp_path: Path) -> None:
    built = {}
    for jobs in ("1", "2", "3"):
        out = tmp_path / f"out-{jobs}"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "exporter",
                "build",
                *map(str, BLOGS),
                "--out",
                str(out),
                "--jobs",
                jobs,
            ],
            check=True,
            capture_output=True,
            cwd=ROOT,
            timeout=120,
        )
        built[jobs] = _exports(out)
    assert len(built["1"]) == 2 * len(BLOGS) + 3  # two feeds a blog, calendar, page, state
    assert built["1"] == built["2"] == built["3"]


@linux_only
def test_pieces_are_shared_with_a_forked_process_and_come_back_in_order() -> None:
    items = [1, 5, 2, 8, 3]
    results = parallel.map_pieces(lambda n: (n * n, os.getpid()), items, 2, weight=lambda n: n)
    assert [square for square, _ in results] == [1, 25, 4, 64, 9]
    pids = {pid for _, pid in results}
    assert os.getpid() in pids and len(pids) == 2  # this process took one share


def test_even_cuts() -> None:
    assert parallel.even_cuts(10, 2) == [5]
    assert parallel.even_cuts(10, 3) == [3, 6]
    assert parallel.even_cuts(7, 1) == parallel.even_cuts(7, 0) == []


def test_the_first_run_is_shorter_by_the_other_work_of_its_process() -> None:
    assert parallel.even_cuts(100, 2, head_start=20) == [40]  # 20 + 40 against 60
    assert parallel.even_cuts(100, 3, head_start=30) == [13, 56]  # 30 + 13, 43, 44
    assert parallel.even_cuts(10, 2, head_start=50) == [0]  # the other work is enough
    assert parallel.even_cuts(10, 1, head_start=50) == []


def test_shares_are_even_by_weight() -> None:
    assert parallel._shares([8, 5, 3, 2, 1], 2) == [[0, 3], [1, 2, 4]]  # 10 and 9
    assert parallel._shares([1, 1, 1], 3) == [[0], [1], [2]]
    assert parallel._shares([4], 2) == [[0], []]
    assert parallel._shares([6, 4], 2, head_start=3) == [[1], [0]]  # 3 + 4 and 6
    assert parallel._shares([4], 2, head_start=1) == [[], [0]]


@linux_only
def test_the_other_work_is_done_here_while_the_children_work(tmp_path: Path) -> None:
    """`meanwhile` runs in this process after the children are started: it sees a child's
    work happen (it would wait in vain if it ran before the fork)."""
    marker = tmp_path / "child-at-work"

    def piece(n: int) -> tuple[int, int]:
        if os.getpid() != parent:
            marker.touch()
        return n * n, os.getpid()

    def meanwhile() -> None:
        seen.append(os.getpid())
        deadline = time.monotonic() + 30
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.005)
        seen.append(marker.exists())

    parent, seen = os.getpid(), []
    results = parallel.map_pieces(piece, [3, 1, 2], 2, lambda n: n, meanwhile, head_start=1)
    assert seen == [parent, True]
    assert [square for square, _ in results] == [9, 1, 4]
    assert {pid for _, pid in results[1:]} == {parent}  # 1 + 1 + 2 here, against 3 there
    assert results[0][1] != parent


@linux_only
def test_the_first_child_makes_the_prelude_for_every_process() -> None:
    """The value every piece needs is made once, by the first child, and this process
    takes it from there (after its own other work) instead of making it again."""
    parent, made = os.getpid(), []

    def make() -> int:
        made.append(os.getpid())  # seen here only if this process made it
        return os.getpid()

    prelude = parallel.Prelude(make)
    piece = lambda n: (n, prelude.value(), os.getpid())  # noqa: E731
    results = parallel.map_pieces(piece, [1, 2, 3, 4], 2, lambda n: 1, lambda: None, 0, prelude)
    assert made == []  # not made here
    maker = prelude.value()
    assert maker != parent
    assert {value for _, value, _ in results} == {maker}  # here and there: the child's
    assert {pid for _, _, pid in results} == {parent, maker}


@linux_only
def test_a_big_prelude_never_holds_up_the_child_while_this_process_is_busy(
    tmp_path: Path,
) -> None:
    """A prelude far bigger than a pipe holds is sent whole while this process does its
    other work: the child goes on to its share meanwhile."""
    parent, marker = os.getpid(), tmp_path / "child-at-work"
    prelude = parallel.Prelude(lambda: "x" * 4_000_000)

    def piece(n: int) -> int:
        if os.getpid() != parent:
            marker.touch()
        return len(prelude.value()) + n

    def meanwhile() -> None:
        deadline = time.monotonic() + 30
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.005)
        seen.append(marker.exists())

    seen: list[bool] = []
    results = parallel.map_pieces(piece, [1, 2], 2, lambda n: 1, meanwhile, 0, prelude)
    assert seen == [True]
    assert results == [4_000_001, 4_000_002]


@linux_only
def test_with_nothing_to_do_meanwhile_the_prelude_is_made_here_before_the_workers() -> None:
    parent = os.getpid()
    prelude = parallel.Prelude(os.getpid)
    piece = lambda n: (prelude.value(), os.getpid())  # noqa: E731
    results = parallel.map_pieces(piece, [1, 2], 2, lambda n: 1, None, 0, prelude)
    assert {value for value, _ in results} == {parent}  # the child's too: made before it
    assert len({pid for _, pid in results}) == 2


def test_without_workers_the_prelude_is_made_here_once() -> None:
    made = []
    prelude = parallel.Prelude(lambda: made.append(1) or len(made))
    results = parallel.map_pieces(
        lambda n: prelude.value() + n, [1, 2], 0, lambda n: 1, None, 0, prelude
    )
    assert results == [2, 3] and made == [1]


@linux_only
def test_a_prelude_the_child_could_not_send_is_made_here() -> None:
    parent = os.getpid()

    def make() -> int:
        if os.getpid() != parent:
            os._exit(3)  # dies before sending anything
        return 7

    prelude = parallel.Prelude(make)
    results = parallel.map_pieces(
        lambda n: (n, prelude.value()), [1, 2], 2, lambda n: 1, lambda: None, 0, prelude
    )
    assert results == [(1, 7), (2, 7)]


@linux_only
def test_an_error_making_the_prelude_reaches_the_caller_as_itself() -> None:
    def make() -> int:
        raise ValueError("no cast to be found")

    prelude = parallel.Prelude(make)
    with pytest.raises(ValueError, match="no cast"):
        parallel.map_pieces(
            lambda n: prelude.value(), [1, 2], 2, lambda n: 1, lambda: None, 0, prelude
        )


def test_the_other_work_is_done_first_without_workers() -> None:
    order: list[object] = []
    results = parallel.map_pieces(order.append, [1, 2], 0, lambda n: 1, lambda: order.append("x"))
    assert order == ["x", 1, 2] and results == [None, None]


@linux_only
def test_an_error_in_the_other_work_stops_the_children(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[int] = []
    real_fork = parallel._fork

    def fork(*args: object) -> tuple[int, int, int | None]:
        pid, pipe, ahead = real_fork(*args)
        started.append(pid)
        return pid, pipe, ahead

    def meanwhile() -> None:
        raise ValueError("the feeds could not be written")

    monkeypatch.setattr(parallel, "_fork", fork)
    with pytest.raises(ValueError, match="feeds could not"):
        parallel.map_pieces(lambda n: time.sleep(30), [1, 2], 2, lambda n: 1, meanwhile)
    assert len(started) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(started[0], os.WNOHANG)  # reaped: no child left behind


def _fails_on_three(n: int) -> int:
    if n == 3:
        raise ValueError(f"piece {n} is bad")
    return n


@linux_only
@pytest.mark.parametrize("items", [[3, 1], [1, 3]], ids=["here", "in-the-child"])
def test_a_worker_error_reaches_the_caller_as_itself(items: list[int]) -> None:
    with pytest.raises(ValueError, match="piece 3 is bad") as raised:
        parallel.map_pieces(_fails_on_three, items, 2, weight=lambda n: 1)
    notes = getattr(raised.value, "__notes__", [])
    if items[0] == 3:  # raised here: its own traceback
        assert notes == []
    else:  # raised in the child: where, in a note
        assert len(notes) == 1 and "in worker process" in notes[0]
        assert "_fails_on_three" in notes[0]


class _Unpicklable(Exception):
    def __init__(self, a: str, b: str) -> None:  # pickle calls it with one argument
        super().__init__(f"{a} {b}")


def _raise_unpicklable(n: int) -> int:
    if n == 2:
        raise _Unpicklable("no", "travel")
    return n


@linux_only
def test_an_error_that_cannot_be_unpickled_still_comes_back_described() -> None:
    with pytest.raises(RuntimeError, match="in a worker process: _Unpicklable"):
        parallel.map_pieces(_raise_unpicklable, [1, 2], 2, weight=lambda n: 1)


@linux_only
def test_the_share_of_a_worker_that_dies_is_done_here() -> None:
    parent = os.getpid()

    def die_in_child(n: int) -> tuple[int, int]:
        if n == 2 and os.getpid() != parent:
            os._exit(3)  # as the out-of-memory killer would end it: no results, no word
        return n, os.getpid()

    results = parallel.map_pieces(die_in_child, [1, 2], 2, weight=lambda n: 1)
    assert results == [(1, parent), (2, parent)]


@linux_only
def test_a_share_no_process_can_be_forked_for_is_done_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_fork, forks = os.fork, []

    def fork_once() -> int:
        forks.append(1)
        if len(forks) > 1:
            raise BlockingIOError(11, "Resource temporarily unavailable")
        return real_fork()

    monkeypatch.setattr(os, "fork", fork_once)
    items = [1, 2, 3, 4, 5, 6]
    results = parallel.map_pieces(lambda n: (n * 10, os.getpid()), items, 3, weight=lambda n: 1)
    assert [n for n, _ in results] == [10, 20, 30, 40, 50, 60]
    pids = {pid for _, pid in results}
    assert len(forks) == 2 and os.getpid() in pids and len(pids) == 2


@linux_only
def test_side_by_side_runs_the_second_part_in_a_child() -> None:
    here, there = parallel.side_by_side(lambda: ("a", os.getpid()), lambda: ("b", os.getpid()))
    assert here == ("a", os.getpid())
    assert there[0] == "b" and there[1] != os.getpid()


@linux_only
def test_an_error_beside_reaches_the_caller_as_itself() -> None:
    def fail() -> int:
        raise ValueError("the part beside is bad")

    with pytest.raises(ValueError, match="the part beside is bad") as raised:
        parallel.side_by_side(lambda: 1, fail)
    assert "in worker process" in raised.value.__notes__[0]


@linux_only
def test_side_by_side_without_a_process_does_both_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    assert parallel.side_by_side(os.getpid, os.getpid) == (os.getpid(), os.getpid())


# -- a child standing by: started before the sources are read, handed the part beside ----------
_PREPARED: list[int] = []


def _prepare() -> None:
    _PREPARED.append(os.getpid())


def _cannot_prepare() -> None:
    raise RuntimeError("nothing to load")


def _where_prepared() -> tuple[int, list[int]]:
    return os.getpid(), list(_PREPARED)


def _beside_fails() -> None:
    raise ValueError("the part beside is bad")


def _double(n: int) -> int:
    return 2 * n


def _gone(pid: int) -> None:
    """The child was stopped and reaped: not running, not a zombie."""
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


@pytest.fixture
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "cores", lambda: 2)


@linux_only
@pytest.mark.usefixtures("two_cores")
def test_the_child_standing_by_does_the_part_beside_where_it_prepared() -> None:
    with parallel.standing_by(_prepare, None):
        standby = parallel._standby
        assert standby is not None
        here, (pid, prepared) = parallel.side_by_side(os.getpid, _where_prepared)
    assert here == os.getpid()
    assert pid == standby.pid and prepared == [pid]
    assert _PREPARED == []  # prepared there only
    _gone(pid)


@linux_only
@pytest.mark.usefixtures("two_cores")
def test_a_part_that_cannot_travel_pickled_goes_to_a_new_child() -> None:
    with parallel.standing_by(_prepare, None):
        standby = parallel._standby
        assert standby is not None
        _, (pid, prepared) = parallel.side_by_side(os.getpid, lambda: _where_prepared())
    assert pid not in (os.getpid(), standby.pid) and prepared == []
    _gone(standby.pid)


@linux_only
@pytest.mark.usefixtures("two_cores")
def test_an_error_in_the_child_standing_by_reaches_the_caller_as_itself() -> None:
    with parallel.standing_by(_prepare, None):
        standby = parallel._standby
        with pytest.raises(ValueError, match="the part beside is bad") as raised:
            parallel.side_by_side(os.getpid, _beside_fails)
    assert "in worker process" in raised.value.__notes__[0]
    assert standby is not None
    _gone(standby.pid)


@linux_only
@pytest.mark.usefixtures("two_cores")
def test_a_child_that_could_not_prepare_leaves_its_part_to_another_process() -> None:
    """Here when the part reached it before it ended, else in a new child."""
    with parallel.standing_by(_cannot_prepare, None):
        standby = parallel._standby
        assert standby is not None
        _, (pid, prepared) = parallel.side_by_side(os.getpid, _where_prepared)
    assert pid != standby.pid and prepared == []
    _gone(standby.pid)


@linux_only
@pytest.mark.usefixtures("two_cores")
def test_a_child_left_without_work_is_stopped_at_the_end() -> None:
    with pytest.raises(KeyError), parallel.standing_by(_prepare, None):
        standby = parallel._standby
        raise KeyError("the build failed")
    assert standby is not None and parallel._standby is None
    _gone(standby.pid)


@linux_only
@pytest.mark.usefixtures("two_cores")
def test_workers_of_their_own_first_stop_the_child_standing_by() -> None:
    with parallel.standing_by(_prepare, None):
        standby = parallel._standby
        assert standby is not None
        assert parallel.map_pieces(_double, [1, 2, 3, 4], 2, weight=lambda n: 1) == [2, 4, 6, 8]
        assert parallel._standby is None
        _gone(standby.pid)


@pytest.mark.parametrize(
    ("jobs", "cores", "fork"),
    [
        (1, 2, True),  # the user said one process
        (2, 2, True),  # the user's workers
        (None, 1, True),  # one core
        (None, 2, False),  # no fork
    ],
)
def test_no_child_stands_by_where_none_would_be_used(
    monkeypatch: pytest.MonkeyPatch, jobs, cores, fork
) -> None:
    monkeypatch.setattr(parallel, "cores", lambda: cores)
    monkeypatch.setattr(parallel, "can_fork", lambda: fork)
    with parallel.standing_by(_prepare, jobs):
        assert parallel._standby is None


@linux_only
@pytest.mark.usefixtures("two_cores")
def test_the_command_line_hands_a_small_build_to_the_child_standing_by(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    handed = []
    real = parallel._hand_over

    def spy(fn, items, share, prelude=None):
        handed.append(parallel._standby is not None)
        return real(fn, items, share, prelude)

    monkeypatch.setattr(parallel, "_hand_over", spy)
    built = {}
    for jobs in ([], ["--jobs", "1"]):
        out = tmp_path / f"out{len(jobs)}"
        args = ["build", *map(str, BLOGS), "--out", str(out), *jobs]
        result = CliRunner().invoke(cli, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        built[len(jobs)] = _exports(out)
    assert handed == [True]  # automatic jobs only, and the child was there
    assert built[0] == built[2]


@pytest.mark.parametrize(
    ("jobs", "updates", "cores", "fork", "expected"),
    [
        (None, parallel.AUTO_MIN_UNITS - 1, 2, True, True),  # small: one worker beside
        (None, parallel.AUTO_MIN_UNITS, 2, True, False),  # big: workers of its own
        (None, 10, 1, True, False),  # one core: nothing to gain
        (None, 10, 2, False, False),  # no fork
        (1, 10, 2, True, False),  # the user said one process
        (2, 10, 2, True, False),  # the user's workers read the blogs themselves
    ],
)
def test_when_a_small_build_understands_beside(
    monkeypatch: pytest.MonkeyPatch, jobs, updates, cores, fork, expected
) -> None:
    monkeypatch.setattr(parallel, "cores", lambda: cores)
    monkeypatch.setattr(parallel, "can_fork", lambda: fork)
    assert parallel.aside(jobs, updates) is expected


@linux_only
def test_a_small_build_understood_beside_its_feeds_gives_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from exporter import build
    from exporter.config import from_files

    monkeypatch.setattr(parallel, "cores", lambda: 2)
    used = []
    real = parallel.side_by_side

    def spy(here, there):
        used.append(1)
        return real(here, there)

    monkeypatch.setattr(parallel, "side_by_side", spy)
    config = from_files([str(p) for p in BLOGS])
    built = {}
    for jobs in (None, 1):
        out = tmp_path / f"out-{jobs}"
        build.build(config.with_overrides(jobs=jobs, out=str(out)), today=TODAY)
        built[jobs] = _exports(out)
    assert used == [1]  # automatic jobs only
    assert len(built[1]) == 2 * len(BLOGS) + 3
    assert built[None] == built[1]


def test_without_workers_pieces_run_here() -> None:
    results = parallel.map_pieces(lambda n: (n, os.getpid()), [2, 1], 0, weight=lambda n: n)
    assert results == [(2, os.getpid()), (1, os.getpid())]


@pytest.mark.parametrize(
    ("jobs", "updates", "fork", "expected"),
    [
        (None, parallel.AUTO_MIN_UNITS - 1, True, 0),  # small: not worth starting
        (None, parallel.AUTO_MIN_UNITS, True, 2),  # one per core
        (1, 10**6, True, 0),
        (3, 10, True, 3),  # the user's number, however small the build
        (4, 2, True, 2),  # never more workers than updates
        (4, 10**6, False, 0),  # no fork: here
    ],
)
def test_how_many_workers(monkeypatch: pytest.MonkeyPatch, jobs, updates, fork, expected) -> None:
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    monkeypatch.setattr(parallel, "can_fork", lambda: fork)
    assert parallel.workers_for(jobs, updates) == expected


def test_many_cores_get_at_most_a_few_automatic_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "cores", lambda: 64)
    monkeypatch.setattr(parallel, "can_fork", lambda: True)
    assert parallel.workers_for(None, 10**6) == parallel.AUTO_MAX_WORKERS == 4
    assert parallel.workers_for(8, 10**6) == 8  # asked for: given


def test_jobs_must_be_a_positive_number() -> None:
    result = CliRunner().invoke(cli, ["build", str(LIVEBLOG), "--jobs", "0"])
    assert result.exit_code == 2
    assert "--jobs" in result.output and "0 is not in the range" in result.output


def test_jobs_do_not_change_what_a_build_is_up_to_date_with() -> None:
    from datetime import date

    from exporter import config as cfg
    from exporter import uptodate

    base = cfg.load(ROOT / "exporter.yaml")
    day = date(2026, 1, 1)
    assert uptodate.inputs_digest(base, day) == uptodate.inputs_digest(
        base.with_overrides(jobs=2), day
    )


@linux_only
def test_understanding_shares_the_blogs_out_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    from exporter import build
    from exporter.config import from_files

    config = from_files([str(p) for p in BLOGS])
    documents, failures = build.read_sources(config, today=TODAY)
    assert not failures
    used = []
    real = parallel.map_pieces

    def spy(fn, items, workers, weight, *other):
        used.append(workers)
        return real(fn, items, workers, weight, *other)

    monkeypatch.setattr(parallel, "map_pieces", spy)
    alone = build.understand(documents, config.with_overrides(jobs=1))
    shared = build.understand(documents, config.with_overrides(jobs=2))
    # two stories each time (the Paris blog is of another president's visit), each
    # shared out when asked
    assert used == [0, 0, 2, 2]
    assert shared == alone and len(alone) >= 5


@linux_only
def test_no_fork_while_another_thread_runs() -> None:
    import threading

    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert not parallel.can_fork()
        assert parallel.workers_for(2, 10**6) == 0
    finally:
        release.set()
        other.join()
    assert parallel.can_fork()


def _sample_blog():
    from exporter import build
    from exporter.config import from_files
    from exporter.understand import assemble
    from exporter.understand.mentions import Context, default_minutes
    from exporter.understand.people import cast_of
    from exporter.understand.places import Gazetteer

    (doc,), _ = build.read_sources(from_files([str(LIVEBLOG)]), today=TODAY)
    texts = [" ".join(doc.intro) + "\n" + "\n".join(u.text for u in doc.updates)]
    ctx = Context(
        cast=cast_of(texts), gazetteer=Gazetteer.load(()), default_minutes=default_minutes()
    )
    return doc, ctx, assemble.Site(authority="exporter.invalid", page_url=None)


def _cut_readings() -> tuple[int, int]:
    """(cuts of the sample blog whose two runs read as the whole blog, cuts in all)."""
    from exporter.understand import assemble

    doc, ctx, site = _sample_blog()
    whole = assemble._liveblog_mentions(doc, ctx, site)
    assert len(whole) > 20
    n = len(doc.updates)
    same = sum(
        assemble._liveblog_mentions(doc, ctx, site, (0, k))
        + assemble._liveblog_mentions(doc, ctx, site, (k, n))
        == whole
        for k in range(1, n)
    )
    return same, n - 1


def test_reading_back_finds_what_reading_forward_left() -> None:
    from exporter.understand import assemble
    from exporter.understand.mentions import places_remembered, remember_places

    doc, ctx, site = _sample_blog()
    updates = assemble._in_order(doc)
    first_day = min(u.instant.date() for u in updates)
    walks = [list(assemble._walk(doc, u, site, ctx, first_day)) for u in updates]
    said = [
        s if isinstance(s, str) else s.sentence
        for w in walks
        for s in w
        if not isinstance(s, assemble.Mention)
    ]
    keys = sorted({key for sentence in said for key, _ in places_remembered(sentence, ctx)})
    assert len(keys) >= 4
    forward: dict = {}
    for k in range(1, len(updates)):
        for step in walks[k - 1]:
            if not isinstance(step, assemble.Mention):
                remember_places(step if isinstance(step, str) else step.sentence, ctx, forward)
        earlier = assemble._Earlier(doc, updates[:k], site, ctx, first_day)
        for key in [*keys, "nowhere", *reversed(keys)]:  # asked again: the answer holds
            assert earlier(key) == forward.get(key), (k, key)


def test_a_blog_cut_anywhere_reads_as_the_whole_blog() -> None:
    same, cuts = _cut_readings()
    assert same == cuts


def test_the_run_after_a_cut_needs_the_places_named_before_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from exporter.understand import assemble

    monkeypatch.setattr(assemble, "_Recent", lambda earlier: {})  # forget what came before
    same, cuts = _cut_readings()
    assert same < cuts  # "the airport" after a cut then names no airport


def _slow_in_child_failing_here(item: tuple[int, str]) -> int:
    import time

    n, folder = item
    started = Path(folder, "child.pid")
    if n == 1:  # this process's share: fails once the child is at work
        while not started.exists():
            time.sleep(0.01)
        raise ValueError("failed here")
    # whole or not at all: the parent reads it as soon as it exists
    Path(folder, "child.pid.part").write_text(str(os.getpid()))
    os.replace(Path(folder, "child.pid.part"), started)
    time.sleep(5)
    Path(folder, "child.done").write_text("finished")
    return n


@linux_only
def test_after_an_error_no_worker_is_left_running(tmp_path: Path) -> None:
    items = [(1, str(tmp_path)), (2, str(tmp_path))]
    with pytest.raises(ValueError, match="failed here"):
        parallel.map_pieces(_slow_in_child_failing_here, items, 2, weight=lambda item: 1)
    with pytest.raises(ProcessLookupError):  # stopped and reaped, not left to finish
        os.kill(int((tmp_path / "child.pid").read_text()), 0)
    assert not (tmp_path / "child.done").exists()
