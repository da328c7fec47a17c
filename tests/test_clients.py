"""Real clients read what we publish: calcurse imports the calendar, newsboat subscribes to
the feeds served by `exporter serve`, and sees exactly one new item after an appended update.

The Debian packages are installed by tools/ensure-system-packages.sh (run by `make test`);
a missing client fails these tests rather than skipping them.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest

from exporter import config as cfg
from exporter.build import build
from tests.paths import LIVEBLOG, ROOT, TODAY


def _need(binary: str) -> str:
    path = shutil.which(binary)
    assert path, f"{binary} is not installed: run tools/ensure-system-packages.sh (make test does)"
    return path


def _env(home: Path) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "TZ": "Asia/Tokyo",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "XDG_CONFIG_HOME": str(home / "xdg"),
        "XDG_DATA_HOME": str(home / "xdg"),
    }


def test_calcurse_imports_every_event_at_its_time(tmp_path: Path) -> None:
    calcurse = _need("calcurse")
    ics = ROOT / "out" / "itinerary.ics"
    published = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    data, conf = tmp_path / "data", tmp_path / "conf"
    data.mkdir()
    conf.mkdir()
    env = _env(tmp_path)
    done = subprocess.run(
        [calcurse, "-D", str(data), "-C", str(conf), "-i", str(ics)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    report = re.search(r"(\d+) apps / (\d+) events / \d+ todos / (\d+) skipped", done.stdout)
    assert report, done.stdout
    apps, events, skipped = map(int, report.groups())
    assert (apps + events, skipped) == (len(published), 0)
    listing = subprocess.run(
        [
            calcurse,
            "-D",
            str(data),
            "-C",
            str(conf),
            "--read-only",
            "-Q",
            "--filter-type",
            "cal",
            "--input-datefmt",
            "4",
            "--from",
            "2025-10-25",
            "--days",
            "8",
            "--format-apt",
            "APT\t%(start:epoch)\t%m\n",
            "--format-event",
            "EVT\t%m\n",
            "--format-recur-event",
            "EVT\t%m\n",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    seen = {}
    for line in listing.stdout.splitlines():
        parts = line.split("\t")
        if parts[0] == "APT":
            seen[parts[2]] = int(parts[1])
    timed = {
        str(e["SUMMARY"]): e["DTSTART"].dt
        for e in published
        if isinstance(e["DTSTART"].dt, datetime)
    }
    assert set(seen) == set(timed)
    for title, start in timed.items():
        assert seen[title] == int(start.timestamp()), title


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(port: int, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stdout.read() if proc.stdout else "server exited"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("exporter serve did not start in 20 s")


def _newsboat(home: Path, urls: list[str]) -> dict[str, list[tuple[str, str, int]]]:
    newsboat = _need("newsboat")
    (home / "urls").write_text("\n".join(urls) + "\n", "utf-8")
    (home / "config").write_text(
        f'error-log "{home / "error.log"}"\nreload-threads 1\ndownload-timeout 20\n', "utf-8"
    )
    run = subprocess.run(
        [
            newsboat,
            "-u",
            str(home / "urls"),
            "-C",
            str(home / "config"),
            "-c",
            str(home / "cache.db"),
            "-x",
            "reload",
        ],
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    errors = (home / "error.log").read_text("utf-8") if (home / "error.log").exists() else ""
    assert errors.strip() == "", errors
    con = sqlite3.connect(home / "cache.db")
    try:
        return {
            url: con.execute(
                "SELECT guid, title, pubDate FROM rss_item WHERE feedurl = ? AND deleted = 0 "
                "ORDER BY pubDate DESC, id",
                (url,),
            ).fetchall()
            for url in urls
        }
    finally:
        con.close()


@pytest.fixture
def served(tmp_path: Path):
    """A build of a copy of the sample into tmp, served by `exporter serve` on 127.0.0.1."""
    source = tmp_path / "blog.txt"
    shutil.copy(LIVEBLOG, source)
    out = tmp_path / "out"
    base = cfg.load(ROOT / "exporter.yaml")
    config = base.with_overrides(
        sources=(replace(base.sources[0], path=str(source)),),
        out=str(out),
        root=Path("/"),
    )
    build(config, today=TODAY)
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "exporter", "serve", "--out", str(out), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        _wait(port, proc)
        yield config, source, f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_newsboat_reads_the_served_feeds_and_sees_one_new_item(served, tmp_path: Path) -> None:
    config, source, base = served
    urls = [f"{base}/updates.rss", f"{base}/updates.atom"]
    # One newsboat profile per feed: both feeds carry the same guids, which newsboat's
    # cache keys items by.
    homes = {url: tmp_path / f"newsboat-{n}" for n, url in enumerate(urls)}
    for home in homes.values():
        home.mkdir()
    first = {url: _newsboat(homes[url], [url])[url] for url in urls}
    for url in urls:
        items = first[url]
        assert len(items) == 43
        guid, title, pub = items[0]
        assert guid == "tag:exporter.invalid,2025:tokyo-state-visit/20251029T005000Z"
        assert title == "And he's off."
        assert pub == int(datetime(2025, 10, 29, 0, 50, tzinfo=UTC).timestamp())
    text = source.read_text("utf-8").replace(
        "Wednesday, October 29\n",
        "Wednesday, October 29\n10:30 a.m. Air Force One lands in Busan.\n",
    )
    source.write_text(text, "utf-8")
    build(config, today=TODAY)
    second = {url: _newsboat(homes[url], [url])[url] for url in urls}
    for url in urls:
        before = {g for g, _, _ in first[url]}
        new = [row for row in second[url] if row[0] not in before]
        assert [t for _, t, _ in new] == ["Air Force One lands in Busan."]
        assert len(second[url]) == 44
