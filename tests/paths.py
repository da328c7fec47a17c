"""Where the test inputs live, and the fixed 'today' that year inference is tested with."""

from __future__ import annotations

from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"
LIVEBLOG = SEEDS / "tokyo-state-visit-liveblog.txt"
ARTICLE = SEEDS / "tokyo-state-visit-article.txt"
TODAY = date(2026, 1, 15)
