"""Exports do not depend on the interpreter's hash seed: the same sources, the same bytes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.paths import LIVEBLOG, ROOT


def test_two_sources_telling_the_same_sentences_give_the_same_bytes_whatever_the_seed(
    tmp_path: Path,
) -> None:
    # Two live blogs with the same updates: each sentence is evidence twice, at one time.
    first, second = tmp_path / "desk-a.txt", tmp_path / "desk-b.txt"
    shutil.copy(LIVEBLOG, first)
    shutil.copy(LIVEBLOG, second)
    pages = set()
    for seed in ("1", "2", "3", "4", "5", "6"):
        out = tmp_path / f"out-{seed}"
        subprocess.run(
            [sys.executable, "-m", "exporter", "build", str(first), str(second), "--out", str(out)],
            check=True,
            capture_output=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            timeout=120,
        )
        pages.add(tuple((p.name, p.read_bytes()) for p in sorted(out.iterdir()) if p.is_file()))
    assert len(pages) == 1
