"""Corrections through config: overrides and user places change the calendar, not the code."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import icalendar
import pytz
from click.testing import CliRunner

from exporter.cli import cli
from tests.paths import LIVEBLOG

TOKYO = pytz.timezone("Asia/Tokyo")


def build(tmp_path: Path, extra: str) -> dict[str, icalendar.Event]:
    config = tmp_path / "exporter.yaml"
    config.write_text(
        f"title: Test\nsources:\n  - path: {LIVEBLOG}\n    slug: blog\nout: {tmp_path / 'out'}\n{extra}",
        "utf-8",
    )
    result = CliRunner().invoke(cli, ["--config", str(config), "build"], obj={})
    assert result.exit_code == 0, result.stderr
    cal = icalendar.Calendar.from_ical((tmp_path / "out" / "itinerary.ics").read_bytes())
    return {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}


def test_overrides_retitle_retime_move_drop_and_add(tmp_path: Path) -> None:
    events = build(
        tmp_path,
        """overrides:
  - match: {title: "^Working lunch"}
    title: Working lunch at the guest house
    start: 2025-10-28 12:30
    end: 2025-10-28 13:30
    place: State Guest House
  - match: {title: "Akie Abe"}
    drop: true
  - add: {title: Press conference, start: 2025-10-28 17:00, place: Tokyo, status: planned}
""",
    )
    lunch = events["Working lunch at the guest house"]
    assert lunch["DTSTART"].dt == TOKYO.localize(datetime(2025, 10, 28, 12, 30))
    assert lunch["DTEND"].dt == TOKYO.localize(datetime(2025, 10, 28, 13, 30))
    assert str(lunch["LOCATION"]).startswith("Akasaka State Guest House")
    assert "GEO" in lunch
    assert not [t for t in events if "Akie Abe" in t]
    press = events["Press conference"]
    assert press["STATUS"] == "TENTATIVE"
    assert str(press["LOCATION"]).startswith("Tokyo")


def test_user_places_give_coordinates(tmp_path: Path) -> None:
    events = build(
        tmp_path,
        """places:
  - name: Grand Harbour Hall
    aliases: [U.S. Ambassador's Residence]
    kind: venue
    lat: 35.6700
    lon: 139.7400
    zone: Asia/Tokyo
    country: JP
""",
    )
    dinner = next(e for t, e in events.items() if t.startswith("Dinner"))
    assert str(dinner["LOCATION"]) == "Grand Harbour Hall"
    assert (dinner["GEO"].latitude, dinner["GEO"].longitude) == (35.67, 139.74)


def test_bad_override_is_a_clear_error(tmp_path: Path) -> None:
    config = tmp_path / "exporter.yaml"
    config.write_text(
        f"sources: [{LIVEBLOG}]\nout: {tmp_path}/o\noverrides:\n  - title: x\n", "utf-8"
    )
    result = CliRunner().invoke(cli, ["--config", str(config), "build"], obj={})
    assert result.exit_code == 1
    assert result.stderr == "Error: override 1: needs 'match' (uid or title) or 'add'\n"
