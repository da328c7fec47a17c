"""A build runs with the cyclic collector paused, and leaves it as it found it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

import exporter.build as build_module
from exporter import parallel
from exporter.memory import collector_paused
from tests.goldens import build_scenario


@pytest.fixture
def collector_enabled() -> Iterator[None]:
    """Each test starts with the collector on and never leaks a paused one to the next."""
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_every_stage_of_a_build_runs_without_cyclic_collection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, collector_enabled: None
) -> None:
    seen: dict[str, bool] = {}

    def spy(name: str):
        real = getattr(build_module, name)

        def wrapped(*args, **kwargs):
            seen[name] = gc.isenabled()
            return real(*args, **kwargs)

        return wrapped

    for stage in ("read_sources", "feeds", "understand", "calendar", "page"):
        monkeypatch.setattr(build_module, stage, spy(stage))
    # Every stage in this process, where the spies can see it (a small build would
    # otherwise understand in a worker, which starts with the collector as it was here).
    monkeypatch.setattr(parallel, "aside", lambda jobs, units: False)
    build_scenario("harbour-festival-oldest-first", tmp_path)
    assert seen == dict.fromkeys(("read_sources", "feeds", "understand", "calendar", "page"), False)
    assert gc.isenabled()


def test_the_collector_comes_back_after_a_failure(collector_enabled: None) -> None:
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("a stage failed")
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused(collector_enabled: None) -> None:
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()
