"""The command line as a person uses it: exact output and exit codes (click's CliRunner)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from exporter import __version__
from exporter.cli import cli
from tests.paths import FIXTURES, LIVEBLOG, ROOT


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str, **kw):
    return runner.invoke(cli, list(args), obj={}, catch_exceptions=False, **kw)


def test_version(runner) -> None:
    result = invoke(runner, "--version")
    assert (result.exit_code, result.output) == (0, f"exporter, version {__version__}\n")


@pytest.mark.parametrize("command", ["build", "updates", "events", "serve"])
def test_every_command_has_help_with_an_example(runner, command: str) -> None:
    result = invoke(runner, command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.output
    assert f"exporter {command}" in result.output


def test_build_files_without_config(runner, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = invoke(
        runner, "build", str(FIXTURES / "harbour-festival-oldest-first.txt"), "--out", str(out)
    )
    assert result.exit_code == 0
    assert (
        result.output
        == f"Read 1 source(s): 4 updates, 0 events\n4 of 4 export(s) changed in {out}/\n"
    )
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "index.html",
        "itinerary.ics",
        "updates.atom",
        "updates.rss",
    ]
    again = invoke(
        runner, "build", str(FIXTURES / "harbour-festival-oldest-first.txt"), "--out", str(out)
    )
    assert again.output == f"Nothing changed: 4 export(s) in {out}/ are up to date\n"


@pytest.mark.parametrize(
    "first",
    ["", "Further reading:\nWhat the festival means for the port\n"],  # only related links
)
def test_a_blog_with_no_title_line_is_named_after_its_file(
    runner, tmp_path: Path, first: str
) -> None:
    blog = tmp_path / "harbour_festival-day.txt"
    blog.write_text(
        first + "Monday, October 27, 2025\n9:00 a.m. Costa arrived at the harbour.\n", "utf-8"
    )
    out = tmp_path / "site"
    result = invoke(runner, "build", str(blog), "--tz", "Asia/Tokyo", "--out", str(out))
    assert result.exit_code == 0, result.output
    rss = (out / "updates.rss").read_text("utf-8")
    assert "<title>Harbour festival day</title>" in rss
    assert "<description>Harbour festival day" in rss  # then the related links, if any
    assert "<title>Harbour festival day</title>" in (out / "updates.atom").read_text("utf-8")


def test_build_quiet_and_verbose(runner, tmp_path: Path) -> None:
    source = str(FIXTURES / "harbour-festival-oldest-first.txt")
    quiet = invoke(runner, "-q", "build", source, "--out", str(tmp_path))
    assert (quiet.exit_code, quiet.output) == (0, "")
    shutil.rmtree(tmp_path)
    loud = invoke(runner, "build", "-v", source, "--out", str(tmp_path))
    assert f"  wrote {tmp_path}/updates.atom\n" in loud.output


def test_build_with_config(runner, tmp_path: Path) -> None:
    result = invoke(
        runner, "--config", str(ROOT / "exporter.yaml"), "build", "--out", str(tmp_path)
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Read 2 source(s): 43 updates, 12 events\n")


def test_missing_file_is_exit_1_without_traceback(runner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["build", "nope.txt", "--out", str(tmp_path)], obj={})
    assert result.exit_code == 1
    assert result.stderr == "Error: file not found, nope.txt, check the path\n"
    assert "Traceback" not in result.output


def test_no_zone_error(runner, tmp_path: Path) -> None:
    result = runner.invoke(
        cli, ["build", str(FIXTURES / "ferry-strike-no-zone.txt"), "--out", str(tmp_path)], obj={}
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot tell which clock the updates use")
    assert "ferry-strike-no-zone.txt:4" in result.stderr
    assert not (tmp_path / "updates.rss").exists()


def test_tz_flag(runner, tmp_path: Path) -> None:
    result = invoke(
        runner,
        "build",
        str(FIXTURES / "ferry-strike-no-zone.txt"),
        "--tz",
        "Europe/Paris",
        "--out",
        str(tmp_path),
    )
    assert result.exit_code == 0


def test_usage_error_is_exit_2(runner) -> None:
    result = runner.invoke(cli, ["build", "--no-such-flag"], obj={})
    assert result.exit_code == 2
    assert "No such option '--no-such-flag'" in result.stderr


def test_one_bad_source_does_not_stop_the_others(runner, tmp_path: Path) -> None:
    good = str(FIXTURES / "harbour-festival-oldest-first.txt")
    bad = str(FIXTURES / "ferry-strike-no-zone.txt")
    result = runner.invoke(cli, ["build", good, bad, "--out", str(tmp_path)], obj={})
    assert result.exit_code == 1
    assert "Error: cannot tell which clock" in result.stderr
    assert (tmp_path / "updates-harbour-festival-oldest-first.atom").exists()
    strict = runner.invoke(
        cli, ["build", "--strict", good, bad, "--out", str(tmp_path / "s")], obj={}
    )
    assert strict.exit_code == 1
    assert not (tmp_path / "s" / "updates-harbour-festival-oldest-first.atom").exists()


def test_debug_shows_the_traceback(runner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["--debug", "build", "nope.txt", "--out", str(tmp_path)], obj={})
    assert result.exit_code == 1
    assert result.exception is not None and type(result.exception).__name__ == "SourceError"


def test_updates_table(runner) -> None:
    result = invoke(runner, "updates", str(FIXTURES / "harbour-festival-oldest-first.txt"))
    assert result.exit_code == 0
    assert result.output == (
        "Harbour festival: as it happened  [Europe/London]\n"
        "Sun 2025-10-05 00:20  line 9    1¶  The fireworks are over and the crowds drift home.\n"
        "Sat 2025-10-04 23:50  line 8    1¶  Fireworks begin over the breakwater, ten minutes early.\n"
        "Sat 2025-10-04 22:15  line 6    2¶  The night market opens on the quay.\n"
        "Sat 2025-10-04 21:40  line 5    1¶  The regatta's last boats are in.\n"
        "4 updates, 0 deleted\n"
    )


def test_updates_json_on_the_sample(runner) -> None:
    result = invoke(runner, "updates", str(LIVEBLOG), "--json")
    data = json.loads(result.output)
    assert data["zone"] == "Asia/Tokyo"
    assert len(data["updates"]) == 43
    assert data["updates"][0] == {
        "anchor": "20251029T005000Z",
        "instant": "2025-10-29T09:50:00+09:00",
        "stamp": "9:50 a.m.",
        "line": 15,
        "paragraphs": 1,
        "approximate": False,
        "title": "And he's off.",
    }
    assert data["deleted"] == [
        {"anchor": "20251027T160000Z", "instant": "2025-10-28T01:00:00+09:00", "line": 95}
    ]


def test_updates_on_an_article_says_why(runner) -> None:
    result = runner.invoke(
        cli, ["updates", str(ROOT / "seeds/tokyo-state-visit-article.txt")], obj={}
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: not a live blog")


def test_bad_config_reports_every_problem(runner, tmp_path: Path) -> None:
    config = tmp_path / "exporter.yaml"
    config.write_text(
        "title: x\nsourcs: []\nrefresh: soon\nsources:\n  - path: a.txt\n    tz: Mars/Base\n"
        "    year: twenty\n",
        "utf-8",
    )
    result = runner.invoke(cli, ["--config", str(config), "build"], obj={})
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: 3 problem(s) in the config:\n")
    assert (
        f"warning: unknown key 'sourcs' in the config (did you mean 'sources'?), {config}:2"
        in result.stderr
    )
    assert (
        f"'refresh' must be a duration such as PT1H or 30m, not 'soon', {config}:3" in result.stderr
    )
    assert f"unknown time zone 'Mars/Base', {config}:6" in result.stderr
    assert f"'year' must be a year such as 2025, not 'twenty', {config}:7" in result.stderr


def test_malformed_yaml_names_the_line(runner, tmp_path: Path) -> None:
    config = tmp_path / "exporter.yaml"
    config.write_text("title: x\nsources: [a\n", "utf-8")
    result = runner.invoke(cli, ["--config", str(config), "build"], obj={})
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: malformed YAML:")
    assert f"{config}:3" in result.stderr


def test_a_date_that_is_no_date_names_its_line(runner, tmp_path: Path) -> None:
    config = tmp_path / "exporter.yaml"
    config.write_text("sources:\n  - path: a.txt\n    date: 2025-13-01\n", "utf-8")
    result = runner.invoke(cli, ["--config", str(config), "build"], obj={})
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"Error: malformed YAML: '2025-13-01' is not a date (month must be in 1..12), {config}:3"
    )


@pytest.mark.parametrize("command", ["build", "events"])
def test_config_warnings_are_said_by_every_command_that_reads_it(
    runner, tmp_path: Path, command: str
) -> None:
    config = tmp_path / "exporter.yaml"
    config.write_text(f"titel: x\nout: {tmp_path}/o\nsources: [{LIVEBLOG}]\n", "utf-8")
    args = ["--config", str(config), command]
    result = runner.invoke(cli, args, obj={})
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"Warning: unknown key 'titel' in the config (did you mean 'title'?), {config}:1\n"
    )


def test_a_sources_title_slug_and_link_are_checked(runner, tmp_path: Path) -> None:
    config = tmp_path / "exporter.yaml"
    config.write_text(
        f"""base_url: "http://example.org/\\nX-INJECTED: 1"
sources:
  - path: {LIVEBLOG}
    title: [a, b]
    url: "javascript:alert(1)"
  - path: {LIVEBLOG}
    slug: {{x: 1}}
    url: 5
""",
        "utf-8",
    )
    result = runner.invoke(cli, ["--config", str(config), "build"], obj={})
    assert result.exit_code == 1
    address = "must be an address starting with http:// or https://"
    assert result.stderr.splitlines() == [
        "Error: 6 problem(s) in the config:",
        f"  'title' must be text, {config}:4",
        f"  'url' {address}, {config}:5",
        f"  'slug' must be text, {config}:7",
        f"  'url' {address}, {config}:8",
        f"  two sources share the slug '{LIVEBLOG.stem}', {config}:7",
        f"  'base_url' {address}, {config}:1",
    ]


def test_a_base_url_flag_that_is_no_web_address_is_a_usage_error(runner, tmp_path: Path) -> None:
    args = ["build", str(LIVEBLOG), "--base-url", "javascript:x", "--out", str(tmp_path / "o")]
    result = runner.invoke(cli, args, obj={})
    assert result.exit_code == 2
    assert "Invalid value for '--base-url': an address starting with http" in result.stderr
    assert not (tmp_path / "o").exists()


def test_date_flag_dates_a_blog_that_names_no_day(runner, tmp_path: Path) -> None:
    """The day a blog without headers or dateline needs, given as --date (with --tz) to
    every command that reads sources; a rule between entries ("___") is no paragraph."""
    blog = tmp_path / "latest.txt"
    blog.write_text(
        "The Latest: storm batters coast\n\nThe latest on the storm:\n\n___\n\n"
        "10:45 a.m.\n\nPower is out for 200,000 homes.\n\n___\n\n"
        "9:30 a.m.\n\nThe storm made landfall.\n\n___\n\n8 a.m.\n\nIt is weakening.\n",
        "utf-8",
    )
    flags = ["--tz", "America/New_York", "--date", "2025-10-29"]
    undated = runner.invoke(cli, ["updates", str(blog), "--tz", "America/New_York"], obj={})
    assert undated.exit_code == 1 and "cannot date the update" in undated.stderr
    result = runner.invoke(cli, ["updates", str(blog), *flags, "--json"], obj={})
    assert result.exit_code == 0, result.output
    updates = json.loads(result.stdout)["updates"]
    assert [u["instant"] for u in updates] == [
        "2025-10-29T10:45:00-04:00",
        "2025-10-29T09:30:00-04:00",
        "2025-10-29T08:00:00-04:00",
    ]
    assert [u["paragraphs"] for u in updates] == [1, 1, 1]
    out = tmp_path / "out"
    built = runner.invoke(cli, ["build", str(blog), *flags, "--out", str(out)], obj={})
    assert built.exit_code == 0, built.output
    assert "___" not in (out / "updates.rss").read_text("utf-8")
    bad = runner.invoke(cli, ["updates", str(blog), "--date", "2025-13-01"], obj={})
    assert bad.exit_code == 2 and "Invalid value for '--date'" in bad.stderr
    config = tmp_path / "exporter.yaml"  # the flags also reach the config's sources
    config.write_text(f"out: {tmp_path}/out2\nsources: [{blog}]\n", "utf-8")
    from_config = runner.invoke(cli, ["--config", str(config), "build", *flags], obj={})
    assert from_config.exit_code == 0, from_config.output
    assert (tmp_path / "out2" / "updates.rss").read_bytes() == (out / "updates.rss").read_bytes()


@pytest.mark.parametrize(
    ("args", "status", "err"),
    [
        (["--help"], 0, ""),
        (["--bogus"], 2, "Error: No such option '--bogus'"),
        (["build", "nope.txt", "--out", "o"], 1, "Error: file not found, nope.txt"),
    ],
)
def test_the_console_entry_ends_with_the_commands_status(
    tmp_path: Path, args: list[str], status: int, err: str
) -> None:
    """`main` ends the process without Python's teardown: the status and every line of
    output must come out as they would have."""
    done = subprocess.run(
        [sys.executable, "-m", "exporter", *args], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == status
    assert err in done.stderr
    if args == ["--help"]:  # the whole of it, flushed before the process ended
        assert done.stdout.startswith("Usage: python -m exporter")
        assert done.stdout.endswith(
            "  updates  Show the updates the live-blog reader found in FILE (a path or...\n"
        )


def test_a_reader_that_leaves_the_pipe_early_is_no_failure(tmp_path: Path) -> None:
    """`exporter updates … | head -1`: status 0, nothing on stderr."""
    with subprocess.Popen(
        [sys.executable, "-m", "exporter", "updates", str(LIVEBLOG)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read()
    assert proc.returncode == 0
    assert err == b""


def test_no_color_env(runner, tmp_path: Path) -> None:
    result = runner.invoke(
        cli,
        ["build", "nope.txt", "--out", str(tmp_path)],
        obj={},
        env={"NO_COLOR": "1"},
        color=True,
    )
    assert "\x1b[" not in result.stderr


def test_no_change_fast_path_notices_every_change(runner, tmp_path: Path) -> None:
    source = tmp_path / "blog.txt"
    shutil.copy(FIXTURES / "harbour-festival-oldest-first.txt", source)
    out = tmp_path / "out"
    args = ("build", str(source), "--out", str(out))
    assert "4 of 4 export(s) changed" in invoke(runner, *args).output
    assert invoke(runner, *args).output.startswith("Nothing changed")
    source.write_text(source.read_text("utf-8").replace("calm", "choppy"), "utf-8")
    assert "of 4 export(s) changed" in invoke(runner, *args).output
    (out / "updates.rss").write_bytes(b"tampered")
    result = invoke(runner, *args)
    assert result.output.endswith("1 of 4 export(s) changed in " + str(out) + "/\n")
    assert (out / "updates.rss").read_bytes() != b"tampered"
