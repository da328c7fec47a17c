"""Live blogs read in worker processes: the same bytes as in one process, errors kept."""

from __future__ import annotations

import os
import subprocess
import sys
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
def test_pieces_run_in_other_processes_and_come_back_in_order() -> None:
    items = [1, 5, 2, 8, 3]
    results = parallel.map_pieces(lambda n: (n * n, os.getpid()), items, 2, weight=lambda n: n)
    assert [square for square, _ in results] == [1, 25, 4, 64, 9]
    pids = {pid for _, pid in results}
    assert os.getpid() not in pids and 1 <= len(pids) <= 2


def _fails_on_three(n: int) -> int:
    if n == 3:
        raise ValueError(f"piece {n} is bad")
    return n


@linux_only
def test_a_worker_error_reaches_the_caller_as_itself() -> None:
    with pytest.raises(ValueError, match="piece 3 is bad"):
        parallel.map_pieces(_fails_on_three, [1, 2, 3, 4], 2, weight=lambda n: 0)


def test_without_workers_pieces_run_here() -> None:
    results = parallel.map_pieces(lambda n: (n, os.getpid()), [2, 1], 0, weight=lambda n: n)
    assert results == [(2, os.getpid()), (1, os.getpid())]


@pytest.mark.parametrize(
    ("jobs", "pieces", "size", "fork", "expected"),
    [
        (None, 5, parallel.AUTO_MIN_UPDATES - 1, True, 0),  # small: not worth starting
        (None, 5, parallel.AUTO_MIN_UPDATES, True, 2),  # one per core
        (None, 1, 10**6, True, 0),  # one blog: nothing to share out
        (1, 5, 10**6, True, 0),
        (3, 2, 10, True, 2),  # the user's number, however small the build, up to the blogs
        (4, 5, 10, True, 4),
        (4, 5, 10**6, False, 0),  # no fork: here
    ],
)
def test_how_many_workers(
    monkeypatch: pytest.MonkeyPatch, jobs, pieces, size, fork, expected
) -> None:
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    monkeypatch.setattr(parallel, "can_fork", lambda: fork)
    assert parallel.workers_for(jobs, pieces, size) == expected


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

    def spy(fn, items, workers, weight):
        used.append(workers)
        return real(fn, items, workers, weight)

    monkeypatch.setattr(parallel, "map_pieces", spy)
    alone = build.understand(documents, config.with_overrides(jobs=1))
    shared = build.understand(documents, config.with_overrides(jobs=2))
    assert used == [0, 2]
    assert shared == alone and len(alone) >= 5


@linux_only
def test_no_fork_while_another_thread_runs() -> None:
    import threading

    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert not parallel.can_fork()
        assert parallel.workers_for(2, 5, 10**6) == 0
    finally:
        release.set()
        other.join()
    assert parallel.can_fork()
