"""Regenerate every golden output after an intended change: `make goldens`.

Rebuilds `out/` from exporter.yaml and each fixture scenario into tests/golden/<name>/.
Review the diff (git diff) before committing it.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from exporter import config as cfg
from exporter.build import build
from tests.goldens import SCENARIOS, build_scenario
from tests.paths import GOLDEN, ROOT, TODAY


def main() -> None:
    for name in SCENARIOS:
        target = GOLDEN / name
        shutil.rmtree(target, ignore_errors=True)
        build_scenario(name, target)
        (target / ".lock").unlink(missing_ok=True)
        (target / ".exporter-inputs.json").unlink(missing_ok=True)
        print(f"wrote {target.relative_to(ROOT)}")
    out = ROOT / "out"
    for child in out.glob("*"):
        if child.is_file():
            child.unlink()
    for child in out.glob(".*"):
        if child.is_file():
            child.unlink()
    build(cfg.load(ROOT / "exporter.yaml"), strict=True, today=TODAY)
    print("wrote out/")


if __name__ == "__main__":
    main()
