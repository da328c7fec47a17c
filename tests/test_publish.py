"""Publishing: all-or-nothing writes, a lock between builds, nothing lost on failure."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from exporter.errors import ExportError
from exporter.publish import Staging
from tests.paths import ROOT


def publish(out: Path, files: dict[str, bytes]) -> tuple[list[str], list[str]]:
    with Staging(out) as staging:
        for name, data in files.items():
            staging.add(name, [data])
        return staging.commit(last="z")


def test_publish_writes_only_changes(tmp_path: Path) -> None:
    assert publish(tmp_path, {"a": b"1", "b": b"2"}) == (["a", "b"], [])
    mtime = (tmp_path / "a").stat().st_mtime_ns
    assert publish(tmp_path, {"a": b"1", "b": b"3"}) == (["b"], ["a"])
    assert (tmp_path / "a").stat().st_mtime_ns == mtime
    assert (tmp_path / "b").read_bytes() == b"3"


def test_failed_write_changes_nothing(tmp_path: Path) -> None:
    publish(tmp_path, {"a": b"old", "b": b"old"})
    (tmp_path / "b").unlink()
    (tmp_path / "b").mkdir()  # an export path that cannot be replaced
    with pytest.raises(ExportError) as err:
        publish(tmp_path, {"a": b"new", "b": b"new"})
    assert "a folder stands where an export should be" in err.value.message
    assert (tmp_path / "a").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]  # no temporary files left


def test_state_file_renamed_last_and_listed_last(tmp_path: Path) -> None:
    assert publish(tmp_path, {"z": b"1", "a": b"1", "b": b"1"}) == (["a", "b", "z"], [])
    assert publish(tmp_path, {"z": b"1", "a": b"1", "b": b"2"}) == (["b"], ["a", "z"])


@pytest.mark.parametrize(
    ("old", "chunks"),
    [
        (b"abcdef", [b"abc", b"def"]),  # same bytes, other chunking
        (b"abcdef", [b"a", b"", b"bcdef"]),
        (b"", []),
        (b"", [b""]),
    ],
)
def test_same_bytes_in_any_chunks_are_unchanged(tmp_path: Path, old: bytes, chunks) -> None:
    (tmp_path / "f").write_bytes(old)
    with Staging(tmp_path) as staging:
        staging.add("f", chunks)
        assert staging.commit() == ([], ["f"])
    assert not [p for p in tmp_path.iterdir() if p.name != "f"]


@pytest.mark.parametrize("new", [[b"abc"], [b"abcdefg"], [b"abcdeX"], [b"ab", b"cdeX"]])
def test_a_prefix_a_longer_or_another_text_is_a_change(tmp_path: Path, new) -> None:
    (tmp_path / "f").write_bytes(b"abcdef")
    with Staging(tmp_path) as staging:
        staging.add("f", new)
        assert staging.commit() == (["f"], [])
    assert (tmp_path / "f").read_bytes() == b"".join(new)


def test_a_failure_while_rendering_leaves_everything_as_it_was(tmp_path: Path) -> None:
    publish(tmp_path, {"a": b"old", "b": b"old"})

    def broken():
        yield b"half of an export"
        raise ValueError("renderer failed")

    with pytest.raises(ValueError), Staging(tmp_path) as staging:
        staging.add("a", [b"new"])
        staging.add("b", broken())
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == {"a": b"old", "b": b"old"}


def test_concurrent_builds_do_not_interleave(tmp_path: Path) -> None:
    out = tmp_path / "out"
    cmd = [
        sys.executable,
        "-m",
        "exporter",
        "-q",
        "--config",
        str(ROOT / "exporter.yaml"),
        "build",
        "--out",
        str(out),
    ]
    procs = [subprocess.Popen(cmd, cwd=ROOT) for _ in range(4)]
    assert [p.wait(timeout=60) for p in procs] == [0, 0, 0, 0]
    names = sorted(p.name for p in out.iterdir())
    assert not [n for n in names if n.endswith(".tmp")]
    for name in ("itinerary.ics", "updates.rss", "updates.atom", ".exporter-state.json"):
        assert (out / name).read_bytes() == (ROOT / "out" / name).read_bytes(), name


def test_failed_build_keeps_previous_exports(tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(ROOT / "out", out)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Live (JST)\n\xff\xfe broken")
    done = subprocess.run(
        [sys.executable, "-m", "exporter", "build", str(bad), "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 1
    assert (
        done.stderr == f"Error: invalid UTF-8 at byte 11 (0xff), {bad}:2, save the file as UTF-8\n"
    )
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
