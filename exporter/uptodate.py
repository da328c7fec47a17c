"""The no-change fast path: when nothing that feeds a build has changed, do nothing.

A build is a pure function of the sources' bytes, the config, the day's year (for year
inference) and the code. Their fingerprint is kept beside the exports with the digest of
each file written; when both still match, the exports are already what a build would
write, so the command returns without importing the parsers and writers at all.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from exporter import __version__
from exporter.config import Config

INPUTS_NAME = ".exporter-inputs.json"
_PACKAGE = Path(__file__).resolve().parent


def _code_fingerprint() -> list[tuple[str, int, int]]:
    """The package's own files by size and mtime: an edited or upgraded install rebuilds."""
    entries = []
    for path in sorted(_PACKAGE.rglob("*")):
        if path.suffix in (".py", ".yaml") and "__pycache__" not in path.parts:
            st = path.stat()
            entries.append((str(path.relative_to(_PACKAGE)), st.st_size, st.st_mtime_ns))
    return entries


def inputs_digest(config: Config, today: date) -> str | None:
    """Fingerprint of everything a build reads; None when a source cannot be fingerprinted."""
    h = hashlib.sha256()
    # Where the exports go, where the config lives and how many processes make them do not
    # change what they contain.
    content = replace(config, out="", root=Path(), path=None, warnings=(), jobs=None)
    h.update(repr((__version__, today.year, content)).encode())
    h.update(repr(_code_fingerprint()).encode())
    for source in config.sources:
        if source.path.startswith(("http://", "https://")):
            return None  # a URL may change without notice: always fetch
        try:
            h.update(config.source_path(source).read_bytes())
        except OSError:
            return None
        h.update(b"\x00")
    return h.hexdigest()


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_up_to_date(out: Path, digest: str | None) -> list[str] | None:
    """The export names when `out/` already holds what this build would write, else None."""
    if digest is None:
        return None
    try:
        record = json.loads((out / INPUTS_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if record.get("inputs") != digest:
        return None
    files = record.get("files", {})
    for name, expected in files.items():
        try:
            if _digest((out / name).read_bytes()) != expected:
                return None
        except OSError:
            return None
    return sorted(files)


def remember(out: Path, digest: str | None, names: list[str]) -> None:
    """Record the inputs and what the exports now hold, for the next build to compare."""
    if digest is None:
        (out / INPUTS_NAME).unlink(missing_ok=True)
        return
    files = {name: _digest((out / name).read_bytes()) for name in sorted(names)}
    data = json.dumps({"inputs": digest, "files": files}, indent=1, sort_keys=True) + "\n"
    try:
        if (out / INPUTS_NAME).read_text("utf-8") == data:
            return
    except OSError:
        pass
    tmp = out / (INPUTS_NAME + ".tmp")
    tmp.write_text(data, "utf-8")
    tmp.replace(out / INPUTS_NAME)
