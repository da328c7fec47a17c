"""Render the page built from exporter.yaml at a phone and a desktop width into docs/*.png.

The screenshots show what `out/index.html` looks like without building or serving anything;
rerun this after a change to the page's layout:

    .venv/bin/python docs/make_screenshots.py

The page is written to a temporary directory (never into `out/`, which only a build writes)
and rendered with Debian's headless Chromium through tests/browser.py, which installs it
when it is missing.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exporter import config as cfg  # noqa: E402
from exporter.build import page, read_sources, understand  # noqa: E402
from tests import browser  # noqa: E402

#: The samples' year inference is tested against this day; the page must not depend on today.
TODAY = date(2026, 1, 15)

SHOTS = {"phone": (390, 2400), "desktop": (1280, 2000)}


def sample_page() -> bytes:
    """The page for the sources in exporter.yaml, exactly as the build makes it."""
    config = cfg.load(ROOT / "exporter.yaml")
    documents, failures = read_sources(config, today=TODAY)
    if failures:
        raise SystemExit(f"cannot read {failures[0].source.path}: {failures[0].error}")
    return page(documents, understand(documents, config), config, [])


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="exporter-page-") as tmp:
        page = Path(tmp) / "index.html"
        page.write_bytes(sample_page())
        for name, (width, height) in SHOTS.items():
            target = ROOT / "docs" / f"screenshot-{name}.png"
            browser.render(page, target, width, height)
            print(f"{target.relative_to(ROOT)}  {width}x{height}  {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()
