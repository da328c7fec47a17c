"""The packaged data files: parsed once, the parsed copy used only for the same bytes."""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path

import pytest
import yaml

from exporter.datafiles import load_data, load_yaml, parsed_copy

#: The data files; not the `__pycache__` their parsed copies go to when no prefix is set.
PACKAGED = sorted(
    p.name for p in resources.files("exporter").joinpath("data").iterdir() if p.is_file()
)


@pytest.fixture
def bytecode_prefix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Parsed copies go under a prefix of the test's own, as Python's bytecode would."""
    prefix = tmp_path / "pycache"
    monkeypatch.setattr(sys, "pycache_prefix", str(prefix))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return prefix


def test_the_data_files_are_yaml_files() -> None:
    assert PACKAGED == ["happenings.yaml", "places.yaml", "zones.yaml"]


@pytest.mark.parametrize("name", PACKAGED)
def test_packaged_data_is_the_yaml_parse_read_fresh_or_kept(
    name: str, bytecode_prefix: Path
) -> None:
    text = resources.files("exporter").joinpath("data", name).read_text(encoding="utf-8")
    expected = yaml.safe_load(text)
    fresh = load_data(name)
    kept = load_data(name)
    assert fresh == expected and kept == expected
    copy = parsed_copy(Path(str(resources.files("exporter").joinpath("data", name))))
    assert copy is not None and copy.is_relative_to(bytecode_prefix) and copy.is_file()


def test_a_changed_file_is_parsed_again(tmp_path: Path, bytecode_prefix: Path) -> None:
    source = tmp_path / "table.yaml"
    source.write_text("labels: {JST: Asia/Tokyo}\n", encoding="utf-8")
    assert load_yaml(source) == {"labels": {"JST": "Asia/Tokyo"}}
    source.write_text("labels: {KST: Asia/Seoul}\n", encoding="utf-8")
    assert load_yaml(source) == {"labels": {"KST": "Asia/Seoul"}}
    assert load_yaml(source) == {"labels": {"KST": "Asia/Seoul"}}


def _loaded(folder: Path, text: str) -> tuple[Path, Path]:
    """A YAML file written and loaded once: (the file, its parsed copy)."""
    source = folder / "table.yaml"
    source.write_text(text, encoding="utf-8")
    load_yaml(source)
    copy = parsed_copy(source)
    assert copy is not None
    return source, copy


def test_the_parsed_copy_is_what_is_read_when_the_bytes_match(
    tmp_path: Path, bytecode_prefix: Path
) -> None:
    source, copy = _loaded(tmp_path, "n: 1.5\nwords: [a, b]\nflag: true\n")
    kept = json.loads(copy.read_text(encoding="utf-8"))
    assert kept["data"] == {"n": 1.5, "words": ["a", "b"], "flag": True}
    kept["data"]["n"] = 2.5  # only a copy made from these bytes would be read
    copy.write_text(json.dumps(kept), encoding="utf-8")
    assert load_yaml(source)["n"] == 2.5


@pytest.mark.parametrize("damage", ["", "{", "[1, 2]", '{"source_hash": "0"}', "\udcff"])
def test_a_damaged_copy_is_ignored_and_rewritten(
    tmp_path: Path, bytecode_prefix: Path, damage: str
) -> None:
    source, copy = _loaded(tmp_path, "zone: Europe/Paris\n")
    copy.write_text(damage, encoding="utf-8", errors="surrogateescape")
    assert load_yaml(source) == {"zone": "Europe/Paris"}
    assert json.loads(copy.read_text(encoding="utf-8"))["data"] == {"zone": "Europe/Paris"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1: one\n", {1: "one"}),
        ("day: 2025-10-27\n", {"day": yaml.safe_load("d: 2025-10-27")["d"]}),
    ],
)
def test_data_json_would_change_is_never_kept(
    tmp_path: Path, bytecode_prefix: Path, text: str, expected: object
) -> None:
    source = tmp_path / "table.yaml"
    source.write_text(text, encoding="utf-8")
    assert load_yaml(source) == expected
    assert load_yaml(source) == expected
    copy = parsed_copy(source)
    assert copy is not None and not copy.exists()


def test_no_copy_where_python_writes_no_bytecode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    source = tmp_path / "table.yaml"
    source.write_text("a: b\n", encoding="utf-8")
    assert parsed_copy(source) is None
    assert load_yaml(source) == {"a": "b"}
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["table.yaml"]


def test_without_a_prefix_the_copy_sits_in_the_folders_pycache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "pycache_prefix", None)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    source = tmp_path / "table.yaml"
    source.write_text("a: b\n", encoding="utf-8")
    assert load_yaml(source) == {"a": "b"}
    tag = sys.implementation.cache_tag
    assert (tmp_path / "__pycache__" / f"table.yaml.{tag}.json").is_file()


def test_a_folder_that_cannot_be_written_only_costs_the_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "prefix"
    blocker.write_text("a file where the prefix folder would be", encoding="utf-8")
    monkeypatch.setattr(sys, "pycache_prefix", str(blocker))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    source = tmp_path / "table.yaml"
    source.write_text("a: b\n", encoding="utf-8")
    assert load_yaml(source) == {"a": "b"}
    assert load_yaml(source) == {"a": "b"}
