"""Publishing to `out/`: atomic writes, a lock, and the state carried between builds.

Subscribers poll for weeks, so each build must look like a careful publisher's update.
The state file remembers what was published (entry digests, event sequences) so the next
build can tell new from edited from vanished, and files are only replaced, atomically,
when their bytes change, so an unchanged build does not even touch mtimes.
"""

from __future__ import annotations

import contextlib
import fcntl
import itertools
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from exporter.batches import utf8_batches
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

    def chunks(self) -> Iterator[bytes]:
        """The state file, pretty JSON (it is committed with `out/`, so diffs stay
        readable), encoded a batch at a time: for a large archive it runs to megabytes."""
        data = {
            "version": 1,
            "entries": self.entries,
            "tombstones": self.tombstones,
            "events": self.events,
        }
        encoder = json.JSONEncoder(indent=1, sort_keys=True, ensure_ascii=False)
        return utf8_batches(itertools.chain(encoder.iterencode(data), ["\n"]))


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


class Staging:
    """Exports written beside their place as each is made, then renamed into place together.

    An archive's exports weigh several times its text; staging each one as soon as it is
    rendered means a build holds one export at a time, never all of them. A file whose
    bytes equal the published one is not staged, so an unchanged export keeps its mtime.
    Nothing is renamed until `commit`; leaving the block early removes what was staged,
    so a failure while rendering or writing leaves the previous exports as they were.
    """

    def __init__(self, out: Path) -> None:
        self.out = out
        self._staged: dict[str, str] = {}
        self._unchanged: list[str] = []

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc: object) -> None:
        self.discard()

    @property
    def names(self) -> list[str]:
        """Every export added so far, staged or unchanged."""
        return [*self._staged, *self._unchanged]

    def add(self, name: str, chunks: Iterable[bytes]) -> None:
        """Write `name`'s bytes to a temporary file beside it (same folder: the rename is
        atomic), comparing them with the published file on the way."""
        path = self.out / name
        try:
            if path.is_dir():
                raise ExportError(
                    "a folder stands where an export should be",
                    path=str(path),
                    hint="remove or rename it",
                )
            import tempfile  # here, not before a small build hands over its understanding

            fd, tmp = tempfile.mkstemp(dir=self.out, prefix=f".{name}.", suffix=".tmp")
        except OSError as exc:
            raise _write_error(exc, path) from None
        try:
            with os.fdopen(fd, "wb") as fh, _published(path) as old:
                same = old is not None
                for chunk in chunks:
                    fh.write(chunk)
                    same = same and old.read(len(chunk)) == chunk
                same = same and not old.read(1)
                if not same:
                    fh.flush()
                    os.fsync(fh.fileno())
            if same:
                os.unlink(tmp)
                self._unchanged.append(name)
                return
            os.chmod(tmp, 0o644)
        except BaseException as exc:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            if isinstance(exc, OSError):
                raise _write_error(exc, path) from None
            raise
        self._staged[name] = tmp

    def commit(self, *, last: str | None = None) -> tuple[list[str], list[str]]:
        """Rename every staged file into place (`last` after all others); return (written,
        unchanged), each in name order."""
        order = lambda name: (name == last, name)  # noqa: E731
        written = sorted(self._staged, key=order)
        for name in written:
            os.replace(self._staged.pop(name), self.out / name)
        return written, sorted(self._unchanged, key=order)

    def discard(self) -> None:
        """Remove whatever is staged and not yet committed."""
        for tmp in self._staged.values():
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        self._staged.clear()


@contextlib.contextmanager
def _published(path: Path) -> Iterator[BinaryIO | None]:
    """The published file open for reading, or None when there is none yet."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        yield None
        return
    with handle:
        yield handle


def _write_error(exc: OSError, path: Path) -> ExportError:
    return ExportError(
        f"cannot write ({exc.strerror}); previous exports kept",
        path=str(exc.filename or path),
        hint="check the folder is writable and the disk is not full",
    )
