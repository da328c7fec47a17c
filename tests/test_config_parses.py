"""Config parses kept between runs: a kept parse is used only for the very same text, under
the same loader and yaml, and gives the same config, warnings and lines as parsing again."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

import pytest
import yaml

from exporter import config as cfg
from exporter.datafiles import beside_bytecode, read_table
from exporter.errors import ConfigError

SAMPLE = """\
title: Harbour festival
sources:
  - path: blog.txt
    tz: Europe/Lisbon
    date: 2025-06-13
  - path: notes.txt
    kind: article
    tiitle: a typo
refresh: PT2H
authour: {name: Desk}
"""


@pytest.fixture
def kept_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Kept parses go under a bytecode prefix of the test's own."""
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path / "pycache"))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    path = beside_bytecode(cfg.__file__, ".configs")
    assert path is not None and path.is_relative_to(tmp_path)
    return path


@pytest.fixture
def yaml_loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts yaml was asked to parse."""
    asked: list[str] = []
    real = yaml.load

    def counting(text: str, Loader: type) -> object:
        asked.append(text)
        return real(text, Loader=Loader)

    monkeypatch.setattr(yaml, "load", counting)
    return asked


def _write(folder: Path, text: str) -> Path:
    path = folder / "exporter.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_kept_parse_gives_the_same_config_warnings_and_lines(
    tmp_path: Path, kept_file: Path, yaml_loads: list[str]
) -> None:
    path = _write(tmp_path, SAMPLE)
    fresh = cfg.load(path)
    assert kept_file.is_file() and len(yaml_loads) == 1
    kept = cfg.load(path)
    assert len(yaml_loads) == 1  # the second came from the file
    assert kept == fresh
    assert kept.warnings == fresh.warnings
    assert any("'tiitle'" in w and "exporter.yaml:8" in w for w in kept.warnings)
    assert any("'authour'" in w and "exporter.yaml:10" in w for w in kept.warnings)
    assert kept.sources[0].date is not None and kept.sources[0].date.isoformat() == "2025-06-13"


def test_a_changed_text_is_parsed_again(
    tmp_path: Path, kept_file: Path, yaml_loads: list[str]
) -> None:
    path = _write(tmp_path, SAMPLE)
    cfg.load(path)
    _write(tmp_path, SAMPLE.replace("PT2H", "PT3H"))
    assert cfg.load(path).refresh == timedelta(hours=3)
    assert len(yaml_loads) == 2
    _write(tmp_path, SAMPLE)  # back: the first parse is still kept
    assert cfg.load(path).refresh == timedelta(hours=2)
    assert len(yaml_loads) == 2


def test_errors_in_values_are_found_again_on_every_load(
    tmp_path: Path, kept_file: Path, yaml_loads: list[str]
) -> None:
    path = _write(tmp_path, "sources:\n  - path: blog.txt\n    tz: Mars/Olympus\n")
    for _ in range(2):
        with pytest.raises(ConfigError, match=r"Mars/Olympus") as caught:
            cfg.load(path)
        assert "exporter.yaml:3" in caught.value.message
    assert len(yaml_loads) == 1


def test_yaml_that_does_not_parse_is_reported_each_time_and_never_kept(
    tmp_path: Path, kept_file: Path, yaml_loads: list[str]
) -> None:
    path = _write(tmp_path, "title: [unclosed\nsources: []\n")
    for _ in range(2):
        with pytest.raises(ConfigError, match="malformed YAML") as caught:
            cfg.load(path)
        assert caught.value.line is not None
    assert len(yaml_loads) == 2
    assert not kept_file.exists()


def test_a_new_loader_or_yaml_drops_what_was_kept(
    tmp_path: Path, kept_file: Path, yaml_loads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, SAMPLE)
    cfg.load(path)
    stamp = cfg._parse_stamp()
    assert stamp is not None and len(read_table(kept_file, stamp)) == 1
    monkeypatch.setattr(cfg, "_parse_stamp", lambda: (*stamp[:-1], stamp[-1] + 1))
    cfg.load(path)
    assert len(yaml_loads) == 2


@pytest.mark.parametrize(
    "damage",
    [b"", b"\x00\xffnot marshal", None],
    ids=["empty", "not marshal", "entry not a pickle"],
)
def test_a_damaged_file_is_parsed_again_and_rewritten(
    tmp_path: Path, kept_file: Path, yaml_loads: list[str], damage: bytes | None
) -> None:
    from exporter.datafiles import write_table

    path = _write(tmp_path, SAMPLE)
    fresh = cfg.load(path)
    stamp = cfg._parse_stamp()
    assert stamp is not None
    if damage is None:
        table = read_table(kept_file, stamp)
        write_table(kept_file, stamp, {key: b"\x80\x05broken" for key in table})
    else:
        kept_file.write_bytes(damage)
    assert cfg.load(path) == fresh
    assert len(yaml_loads) == 2
    assert cfg.load(path) == fresh
    assert len(yaml_loads) == 2  # kept again


def test_only_the_most_recent_parses_are_kept(
    tmp_path: Path, kept_file: Path, yaml_loads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cfg, "MAX_KEPT_PARSES", 3)
    path = tmp_path / "exporter.yaml"
    for n in range(5):
        _write(tmp_path, f"title: version {n}\nsources: []\n")
        cfg.load(path)
    stamp = cfg._parse_stamp()
    assert stamp is not None and len(read_table(kept_file, stamp)) == 3
    _write(tmp_path, "title: version 4\nsources: []\n")
    cfg.load(path)
    _write(tmp_path, "title: version 0\nsources: []\n")
    cfg.load(path)
    assert len(yaml_loads) == 6  # 4 was kept, 0 had to go


def test_nothing_is_kept_where_python_writes_no_bytecode(
    tmp_path: Path, yaml_loads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path / "pycache"))
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    path = _write(tmp_path, SAMPLE)
    assert cfg.load(path) == cfg.load(path)
    assert len(yaml_loads) == 2
    assert not (tmp_path / "pycache").exists()
