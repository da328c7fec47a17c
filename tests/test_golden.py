"""Golden outputs: a fresh build must reproduce them byte for byte (`make goldens` to renew)."""

from __future__ import annotations

from pathlib import Path

import pytest

from exporter import config as cfg
from exporter.build import build
from exporter.uptodate import INPUTS_NAME
from tests.goldens import SCENARIOS, build_scenario
from tests.paths import GOLDEN, ROOT, TODAY


def files_of(folder: Path) -> dict[str, bytes]:
    skip = {".lock", INPUTS_NAME}  # local: lock file and the no-change fingerprint
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name not in skip}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_fixture_goldens(name: str, tmp_path: Path) -> None:
    build_scenario(name, tmp_path)
    assert files_of(tmp_path) == files_of(GOLDEN / name)


def test_committed_out_is_reproduced(tmp_path: Path) -> None:
    config = cfg.load(ROOT / "exporter.yaml").with_overrides(out=str(tmp_path))
    build(config, strict=True, today=TODAY)
    expected = files_of(ROOT / "out")
    assert set(files_of(tmp_path)) == set(expected)
    for name, data in files_of(tmp_path).items():
        assert data == expected[name], f"out/{name} differs from a fresh build (make goldens)"
