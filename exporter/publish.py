"""Publishing to `out/`: atomic writes, a lock, and the state carried between builds.

Subscribers poll for weeks, so each build must look like a careful publisher's update.
The state file remembers what was published (entry digests, event sequences) so the next
build can tell new from edited from vanished, and files are only replaced, atomically,
when their bytes change, so an unchanged build does not even touch mtimes.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exporter.errors import ExportError

STATE_NAME = ".exporter-state.json"
LOCK_NAME = ".lock"


@dataclass
class State:
    """What earlier builds published, keyed by stable ids (JSON-serialisable)."""

    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    tombstones: dict[str, dict[str, Any]] = field(default_factory=dict)
    events: dict[str, dict[str, Any]] = field(default_factory=dict)

    def keep_from(self, previous: State, feeds: set[str]) -> None:
        """Carry over the records of sources that failed this time, and every event.

        A failed source's exports are not rewritten, so the state must keep describing
        what subscribers still have of it.
        """
        for table, old in (
            (self.entries, previous.entries),
            (self.tombstones, previous.tombstones),
        ):
            for key, record in old.items():
                if record.get("feed") in feeds:
                    table.setdefault(key, record)
        self.events = dict(previous.events)

    def to_bytes(self) -> bytes:
        data = {
            "version": 1,
            "entries": self.entries,
            "tombstones": self.tombstones,
            "events": self.events,
        }
        return (json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode()


def load_state(out: Path) -> State:
    """The previous build's state, or an empty one (first build, or unreadable state)."""
    try:
        data = json.loads((out / STATE_NAME).read_text("utf-8"))
    except (FileNotFoundError, json.JSONDecodeError, UnicodeDecodeError):
        return State()
    if not isinstance(data, dict) or data.get("version") != 1:
        return State()
    return State(
        entries=dict(data.get("entries", {})),
        tombstones=dict(data.get("tombstones", {})),
        events=dict(data.get("events", {})),
    )


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold an exclusive lock on `out/` so two builds never interleave their writes."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        handle = open(out / LOCK_NAME, "a+")  # noqa: SIM115 - held for the whole block
    except OSError as exc:
        raise ExportError(
            f"cannot create the output folder ({exc.strerror})",
            path=str(out),
            hint="choose a writable folder with --out",
        ) from None
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _unchanged(path: Path, data: bytes) -> bool:
    try:
        return path.read_bytes() == data
    except FileNotFoundError:
        return False
    except IsADirectoryError:
        raise ExportError(
            "a folder stands where an export should be", path=str(path), hint="remove or rename it"
        ) from None
    except OSError as exc:
        raise ExportError(f"cannot read ({exc.strerror})", path=str(path)) from None


def _stage(path: Path, data: bytes) -> str:
    """Write `data` to a temporary file beside `path` (same folder: the rename is atomic)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return tmp


def publish(
    out: Path, files: dict[str, bytes], *, last: str | None = None
) -> tuple[list[str], list[str]]:
    """Replace every file whose bytes changed, all or nothing; return (written, unchanged).

    Every changed file is staged first; only when all are on disk are they renamed into
    place (state file `last`), so a failure while writing leaves the previous exports as
    they were, and a reader or the server sees whole old files or whole new ones.
    """
    names = sorted(files, key=lambda n: (n == last, n))
    changed = [n for n in names if not _unchanged(out / n, files[n])]
    unchanged = [n for n in names if n not in changed]
    staged: list[tuple[str, Path]] = []
    try:
        for name in changed:
            staged.append((_stage(out / name, files[name]), out / name))
        for _, path in staged:
            if path.is_dir():
                raise IsADirectoryError(21, "Is a directory", str(path))
    except OSError as exc:
        for tmp, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        raise ExportError(
            f"cannot write ({exc.strerror}); previous exports kept",
            path=str(exc.filename or out),
            hint="check the folder is writable and the disk is not full",
        ) from None
    for tmp, path in staged:
        os.replace(tmp, path)
    return changed, unchanged
