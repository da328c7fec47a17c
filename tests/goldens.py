"""How golden outputs are made: shared by the golden tests and the regeneration command.

`make goldens` (tests/regenerate_goldens.py) rewrites them when a change is intended; the
tests compare a fresh build with them byte for byte.
"""

from __future__ import annotations

from pathlib import Path

from exporter.build import build
from exporter.config import Config, SourceConfig
from tests.paths import FIXTURES, TODAY

#: Fixture → the settings it is built with (each fixture gets its own output folder).
SCENARIOS: dict[str, dict[str, object]] = {
    "harbour-festival-oldest-first": {},
    "summit-newest-first-crossing-midnight": {},
    "ferry-strike-no-zone": {"tz": "Europe/Paris"},
    "paris-visit-liveblog": {},
}


def build_scenario(name: str, out: Path) -> None:
    """Build one fixture into `out` with a fixed site config."""
    options = SCENARIOS[name]
    source = SourceConfig(path=str(FIXTURES / f"{name}.txt"), slug=name, tz=options.get("tz"))
    config = Config(
        sources=(source,),
        base_url="https://example.org/live/",
        id_authority="example.org",
        out=str(out),
        root=Path("/"),
    )
    build(config, strict=True, today=TODAY)
