"""Bad input of every kind gets a clear message and exit 1, never a traceback or a bad export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from exporter.cli import cli

BLOG = "Live (Tokyo time)\nMonday, October 27, 2025\n9:00 a.m. One.\n8:00 a.m. Two.\n7:00 a.m. Three.\n"


def run(tmp_path: Path, data: bytes, *extra: str):
    source = tmp_path / "src.txt"
    source.write_bytes(data)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(source), "--out", str(out), *extra], obj={})
    assert "Traceback" not in result.output + result.stderr
    return result, source, out


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty", b"", "the document is empty"),
        ("blank lines", b"\n\n  \n", "the document is empty"),
        ("binary", bytes(range(256)) * 40, "binary file, not text"),
        ("invalid utf-8", b"Live (JST)\nCaf\xe9 au lait\n", "invalid UTF-8 at byte 14 (0xe9)"),
        ("latin-1", "Live (JST)\nna\u00efve caf\u00e9\n".encode("latin-1"), "invalid UTF-8"),
        (
            "impossible date",
            BLOG.replace("October 27", "February 30").encode(),
            "is not a real date",
        ),
        (
            "impossible time",
            BLOG.replace("8:00 a.m. Two.", "25:61 p.m. Two.").encode(),
            "'25:61 p.m.' is not a time of day, ",
        ),
        (
            "morning hour past noon",
            BLOG.replace("8:00 a.m. Two.", "13:30 a.m. Two.").encode(),
            "'13:30 a.m.' is not a time of day, ",
        ),
    ],
)
def test_bad_sources(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    result, source, out = run(tmp_path, data, "--strict")
    assert result.exit_code == 1, name
    assert result.stderr.startswith("Error: ")
    assert message in result.stderr
    assert str(source) in result.stderr
    assert not (out / "updates.rss").exists()


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("crlf", BLOG.replace("\n", "\r\n")),
        ("lone cr", BLOG.replace("\n", "\r")),
        ("nul and controls", BLOG.replace("One.", "O\x00n\x01e\x1b.")),
        ("emoji", BLOG.replace("One.", "One 🎉🇯🇵 done.")),
        (
            "right to left",
            BLOG.replace(
                "One.", "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u202eOne."
            ),
        ),
        ("bom", "\ufeff" + BLOG),
    ],
)
def test_odd_but_valid_sources_build(tmp_path: Path, name: str, text: str) -> None:
    encoding = "utf-8"
    result, _, out = run(tmp_path, text.encode(encoding))
    assert result.exit_code == 0, result.stderr
    import feedparser

    parsed = feedparser.parse((out / "updates.atom").read_bytes())
    assert not parsed.bozo, name
    assert len(parsed.entries) == 3


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    source = tmp_path / "big.txt"
    with source.open("wb") as fh:
        fh.truncate(100 * 1024 * 1024)
    result = CliRunner().invoke(cli, ["build", str(source), "--out", str(tmp_path / "o")], obj={})
    assert result.exit_code == 1
    assert "file is too large (104857600 bytes" in result.stderr


def test_one_ten_megabyte_line(tmp_path: Path) -> None:
    line = "9:00 a.m. " + "word " * (2 * 1024 * 1024)
    text = f"Live (JST)\nMonday, October 27, 2025\n{line}\n8:00 a.m. Two.\n7:00 a.m. Three.\n"
    result, _, out = run(tmp_path, text.encode())
    assert result.exit_code == 0, result.stderr
    assert (out / "updates.rss").stat().st_size > 10 * 1024 * 1024


def test_directory_and_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(tmp_path), "--out", str(tmp_path / "o")], obj={})
    assert result.exit_code == 2  # click refuses a directory for a file argument
    result = CliRunner().invoke(
        cli, ["build", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o")], obj={}
    )
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: file not found, {tmp_path / 'nope.txt'}, check the path\n",
    )


def test_unknown_zone_flag(tmp_path: Path) -> None:
    result, _, _ = run(tmp_path, BLOG.encode(), "--tz", "Asia/Atlantis")
    assert result.exit_code == 1
    assert "unknown time zone 'Asia/Atlantis'" in result.stderr


def test_a_zone_pytz_lists_but_cannot_open_is_an_unknown_zone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With pytz told not to check its files (as the command line does), a packaging that
    lacks one makes it raise OSError instead of UnknownTimeZoneError."""
    import pytz

    real = pytz.timezone

    def missing(name: str):
        if name == "Asia/Tokyo":
            raise FileNotFoundError(2, "No such file or directory", name)
        return real(name)

    monkeypatch.setattr(pytz, "timezone", missing)
    result, _, _ = run(tmp_path, BLOG.encode(), "--tz", "Asia/Tokyo")
    assert result.exit_code == 1
    assert "unknown time zone 'Asia/Tokyo'" in result.stderr


def test_config_wrong_types_and_missing_sources(tmp_path: Path) -> None:
    config = tmp_path / "exporter.yaml"
    config.write_text(
        "title: [not, text]\nbase_url: ftp://x\nsources:\n  - path: missing-a.txt\n  - path: missing-b.txt\n"
        "places: nope\n",
        "utf-8",
    )
    result = CliRunner().invoke(cli, ["--config", str(config), "build"], obj={})
    assert result.exit_code == 1
    assert f"'title' must be text, {config}:1" in result.stderr
    assert (
        f"'base_url' must be an address starting with http:// or https://, {config}:2"
        in result.stderr
    )
    assert f"'places' must be a list of mappings, {config}:6" in result.stderr
    config.write_text(
        "title: T\nsources:\n  - path: missing-a.txt\n    kind: liveblog\n\n  - missing-b.txt\n"
        "  - src.txt\n",
        "utf-8",
    )
    (tmp_path / "src.txt").write_text(BLOG, "utf-8")
    result = CliRunner().invoke(cli, ["--config", str(config), "build"], obj={})
    assert result.exit_code == 1
    # Each missing file names the config line that lists it; the third source still builds.
    assert f"file not found, missing-a.txt, check the path; listed at {config}:3\n" in result.stderr
    assert f"file not found, missing-b.txt, check the path; listed at {config}:6\n" in result.stderr
    assert (tmp_path / "out" / "updates-src.rss").exists()


def test_each_bad_source_entry_names_its_own_line(tmp_path: Path) -> None:
    config = tmp_path / "exporter.yaml"
    config.write_text("sources:\n  - 3\n  - ok.txt\n  - [a]\n  - {kind: article}\n", "utf-8")
    result = CliRunner().invoke(cli, ["--config", str(config), "build"], obj={})
    assert result.exit_code == 1
    assert result.stderr.splitlines()[1:] == [
        f"  each source must be a path or a mapping with 'path', {config}:2",
        f"  each source must be a path or a mapping with 'path', {config}:4",
        f"  a source needs 'path', {config}:5",
    ]


def test_an_impossible_time_names_its_line_and_the_other_sources_still_build(
    tmp_path: Path,
) -> None:
    bad, good = tmp_path / "bad.txt", tmp_path / "good.txt"
    bad.write_text(BLOG.replace("8:00 a.m. Two.", "25:61 p.m. Two."), "utf-8")
    good.write_text(BLOG, "utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(bad), str(good), "--out", str(out)], obj={})
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: '25:61 p.m.' is not a time of day, {bad}:4, "
        "an update's time runs from 12:00 a.m. to 11:59 p.m.\n"
    )
    assert (out / "updates-good.rss").exists() and not (out / "updates-bad.rss").exists()


def test_a_day_header_after_its_updates_dates_nothing(tmp_path: Path) -> None:
    """Updates take the header above them: one below them all leaves them undated (an
    error naming the first), and below a dated day it is a day without updates."""
    after = "Live (Tokyo time)\n9:00 a.m. One.\n8:00 a.m. Two.\nMonday, October 27, 2025\n"
    result, source, out = run(tmp_path, after.encode())
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "Error: cannot date the update stamped '9:00 a.m.': no day header above it"
    )
    assert f"{source}:2" in result.stderr
    assert not out.exists()
    trailing = BLOG + "Tuesday, October 28, 2025\n"
    result = CliRunner().invoke(cli, ["updates", "--json", str(_write(tmp_path, trailing))])
    assert result.exit_code == 0
    instants = [u["instant"] for u in json.loads(result.stdout)["updates"]]
    assert instants == [f"2025-10-27T0{h}:00:00+09:00" for h in (9, 8, 7)]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "blog.txt"
    path.write_text(text, "utf-8")
    return path


def test_unwritable_output(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result, _, _ = run(tmp_path, BLOG.encode(), "--out", str(blocker / "out"))
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: cannot create the output folder (Not a directory), "
        f"{blocker / 'out'}, choose a writable folder with --out\n"
    )
