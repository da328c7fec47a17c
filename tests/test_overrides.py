"""Corrections through config: overrides and user places change the calendar, not the code."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import icalendar
import pytest
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
    assert result.stderr == (
        "Error: 1 problem(s) in the config:\n"
        f"  override 1: needs 'match' (uid or title) or 'add', {config}:4\n"
    )
    assert not (tmp_path / "o").exists()


def test_every_place_and_override_problem_is_reported_at_once_with_its_line(
    tmp_path: Path,
) -> None:
    config = tmp_path / "exporter.yaml"
    config.write_text(
        f"""sources: [{LIVEBLOG}]
out: {tmp_path}/o
places:
  - name: Foo Hall
    zonee: Asia/Tokyo
    lat: 200
    lon: 10
  - name: Bar
    zone: 5
overrides:
  - match: {{title: "(["}}
    drop: true
  - match: {{titel: x}}
    dorp: true
  - add: {{title: X, start: notadate, status: maybe}}
  - match: {{uid: a}}
    start: "2025-13-01"
""",
        "utf-8",
    )
    result = CliRunner().invoke(cli, ["--config", str(config), "build"], obj={})
    assert result.exit_code == 1
    when = "is not a date or time (write 2025-10-28 or 2025-10-28 18:30)"
    statuses = "happened, planned, approximate, cancelled"
    assert result.stderr.splitlines() == [
        "Error: 7 problem(s) in the config:",
        f"  place 'Foo Hall': lat 200 is out of range (lat lies between -90 and 90), {config}:4",
        f"  place 'Bar': zone must be text, {config}:8",
        "  override 1: 'title' is not a regular expression (unterminated character set at "
        f"position 1), {config}:11",
        f"  override 2: needs 'match' (uid or title) or 'add', {config}:13",
        f"  override 3: start: 'notadate' {when}, {config}:15",
        f"  override 3: 'status' must be one of {statuses}, not 'maybe', {config}:15",
        f"  override 4: start: '2025-13-01' {when}, {config}:17",
        f"  warning: unknown key 'zonee' in place 1 (did you mean 'zone'?), {config}:5",
        f"  warning: unknown key 'dorp' in override 2 (did you mean 'drop'?), {config}:14",
        f"  warning: unknown key 'titel' in override 2's match (did you mean 'title'?), {config}:13",
    ]
    assert not (tmp_path / "o").exists()


def test_a_rule_given_without_the_config_is_refused_as_the_config_would_refuse_it() -> None:
    from exporter.errors import ConfigError
    from exporter.understand import overrides
    from exporter.understand.places import Gazetteer

    rule = {"match": {"title": "(["}, "drop": True}
    with pytest.raises(ConfigError, match=r"override 1: 'title' is not a regular expression"):
        overrides.apply([], (rule,), Gazetteer.load(), "UTC", "x")
