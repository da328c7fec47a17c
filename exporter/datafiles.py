"""The package's own data files (places, zones, news-language tables), read one way.

They are trusted YAML shipped with the package, read on every cold build: libyaml's C
parser, where installed, reads them about ten times faster than the pure-Python one.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_data(name: str) -> Any:
    """Parse `exporter/data/<name>` with a safe loader (no arbitrary objects)."""
    text = resources.files("exporter").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_LOADER)
