"""Compiled patterns kept between runs: the same patterns as `re.compile`'s, or none at all."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter import datafiles, regexes

ROOT = Path(__file__).resolve().parent.parent

#: Patterns of every kind the engine has: named groups, lookarounds, flags inline and
#: given, a Unicode class with astral ranges, bytes, a case-insensitive alternation.
SAMPLES: list[tuple[str | bytes, int]] = [
    (r"(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?\s?(?P<ampm>[ap]\.?m\.?)", re.IGNORECASE),
    (r"(?<![\w'’])(?:met|meets|meeting)(?![\w])", re.IGNORECASE),
    (r"^(?:the|a|an)\s+(?=[A-Z])", 0),
    (r"\b(?i:all\s+times\s+(?:are\s+)?)(?P<label>[A-Z]{1,5})\b", 0),
    ("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]", 0),
    (rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE),
    (r"(?x) \d+ \s* (?# minutes ) min", 0),
    (r"(a)|(?P<b>b)(?(1)c|d)", re.MULTILINE | re.DOTALL),
]


@pytest.fixture
def kept_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The module's state as a new process has it, its bytecode (and so its file) under a
    prefix of the test's own."""
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path / "pycache"))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    _new_process(monkeypatch)
    path = regexes._path()
    assert path is not None and path.is_relative_to(tmp_path)
    return path


def _kept_in(path: Path) -> dict:
    """The programs the file holds for this interpreter."""
    return datafiles.read_table(path, regexes._stamp())


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget what this process compiled and read, as the next run would start."""
    monkeypatch.setattr(regexes, "_kept", None)
    monkeypatch.setattr(regexes, "_used", set())
    monkeypatch.setattr(regexes, "_new", set())


def test_a_kept_pattern_is_the_pattern_re_compiles(
    kept_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = [regexes.compile(p, f) for p, f in SAMPLES]
    assert first == [re.compile(p, f) for p, f in SAMPLES]
    regexes.save()
    assert kept_file.is_file()
    _new_process(monkeypatch)
    # Patterns compare equal only when pattern, flags and the engine's program are equal.
    kept = [regexes.compile(p, f) for p, f in SAMPLES]
    assert kept == [re.compile(p, f) for p, f in SAMPLES]
    assert regexes._new == set()  # every one came from the file
    assert [(k.groups, dict(k.groupindex)) for k in kept] == [
        (c.groups, dict(c.groupindex)) for c in (re.compile(p, f) for p, f in SAMPLES)
    ]
    assert kept[0].match("10:45 p.m.").group("h", "m", "ampm") == ("10", "45", "p.m.")


def test_nothing_new_writes_nothing(kept_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    regexes.compile(r"\bsummit\b")
    regexes.save()
    written = kept_file.stat().st_mtime_ns
    kept_file.touch()
    os.utime(kept_file, ns=(written, written))
    _new_process(monkeypatch)
    regexes.compile(r"\bsummit\b")
    regexes.save()
    assert kept_file.stat().st_mtime_ns == written


def test_a_save_keeps_what_another_process_kept(
    kept_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    regexes.compile(r"\bsummit\b")
    _new_process(monkeypatch)  # a second process, started before the first saved
    regexes.compile(r"\bbanquet\b")
    monkeypatch.setattr(regexes, "_new", {(r"\bsummit\b", 0)})
    regexes.save()
    monkeypatch.setattr(regexes, "_new", {(r"\bbanquet\b", 0)})
    regexes.save()
    assert set(_kept_in(kept_file)) == {(r"\bsummit\b", 0), (r"\bbanquet\b", 0)}


def test_a_file_grown_too_big_keeps_this_runs_patterns(
    kept_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(regexes, "MAX_KEPT", 2)
    for word in ("summit", "banquet", "parade"):
        regexes.compile(rf"\b{word}\b")
    regexes.save()
    assert set(_kept_in(kept_file)) == {(rf"\b{w}\b", 0) for w in ("summit", "banquet", "parade")}
    _new_process(monkeypatch)
    regexes.compile(r"\bsummit\b")
    regexes.compile(r"\bvisit\b")
    regexes.save()
    assert set(_kept_in(kept_file)) == {(r"\bsummit\b", 0), (r"\bvisit\b", 0)}


@pytest.mark.parametrize(
    "damage",
    ["garbage", "cut short", "another interpreter", "a program the engine refuses", "not a dict"],
)
def test_a_damaged_or_foreign_file_is_compiled_around(
    damage: str, kept_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import marshal

    pattern = r"(?P<d>[0-3]?\d)\s+(?P<mon>October|Oct\.?)"
    regexes.compile(pattern)
    regexes.save()
    stamp, kept = marshal.loads(kept_file.read_bytes())
    if damage == "garbage":
        kept_file.write_bytes(b"\x00\xffnot marshal")
    elif damage == "cut short":
        kept_file.write_bytes(kept_file.read_bytes()[:40])
    elif damage == "another interpreter":
        kept_file.write_bytes(marshal.dumps(((*stamp[:1], 0x30A00F0, *stamp[2:]), kept)))
    elif damage == "a program the engine refuses":
        flags, code, *rest = kept[(pattern, 0)]
        kept[(pattern, 0)] = (flags, code[: len(code) // 2], *rest)
        kept_file.write_bytes(marshal.dumps((stamp, kept)))
    else:
        kept_file.write_bytes(marshal.dumps((stamp, ["a list"])))
    _new_process(monkeypatch)
    compiled = regexes.compile(pattern)
    assert (pattern, 0) in regexes._new  # not taken from the file
    assert compiled == re.compile(pattern)
    assert compiled.match("29 October").group("d", "mon") == ("29", "October")
    regexes.save()  # and the file is made good again
    _new_process(monkeypatch)
    assert regexes.compile(pattern) == re.compile(pattern) and regexes._new == set()


def test_nothing_is_read_or_written_where_python_writes_no_bytecode(
    kept_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    regexes.compile(r"\bsummit\b")
    regexes.save()
    assert kept_file.is_file()
    _new_process(monkeypatch)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    regexes.compile(r"\bsummit\b")
    regexes.compile(r"\bbanquet\b")
    assert regexes._new == {(r"\bsummit\b", 0), (r"\bbanquet\b", 0)}
    regexes.save()
    assert set(_kept_in(kept_file)) == {(r"\bsummit\b", 0)}


def test_a_folder_that_cannot_be_written_costs_only_the_keeping(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("")
    monkeypatch.setattr(regexes, "_path", lambda: blocker / "regexes.patterns")
    _new_process(monkeypatch)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    assert regexes.compile(r"\bsummit\b") == re.compile(r"\bsummit\b")
    regexes.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a file, not a folder"]


def test_the_kept_file_lives_where_python_keeps_this_modules_bytecode(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from importlib.util import cache_from_source

    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    path = regexes._path()
    assert path is not None
    assert path.parent == Path(cache_from_source(regexes.__file__)).parent
    assert path.name == f"regexes.{sys.implementation.cache_tag}.patterns"


_PATTERNS_OF_A_BUILD = """
import json, sys
from datetime import date
from pathlib import Path
from exporter import build, config, regexes
import exporter.understand as understanding
cfg = config.load(Path("exporter.yaml")).with_overrides(jobs=1)
documents, _ = build.read_sources(cfg, today=date(2026, 1, 1))
understanding.prepare()
understanding.understand(documents, cfg)
print(json.dumps(sorted(p if isinstance(p, str) else p.decode("latin-1") for p, _ in regexes._used)))
"""


def test_a_run_spells_every_pattern_the_same_way_whatever_its_hash_seed() -> None:
    """Kept programs are found by their pattern's text: a table written in set order
    would make a new text, and miss, on every run."""

    def patterns(seed: str) -> list[str]:
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONDONTWRITEBYTECODE": "1"}
        run = subprocess.run(
            [sys.executable, "-c", _PATTERNS_OF_A_BUILD],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(run.stdout)

    first = patterns("1")
    assert len(first) > 100
    assert patterns("2") == first


def test_patterns_are_compiled_only_here_but_for_a_documents_own_words() -> None:
    """One way to compile: `regexes.compile`, or `re.compile` where the pattern is made
    of a document's or a user's own words and saying so (kept, they would grow the file
    with every document)."""
    stray = []
    for path in sorted((ROOT / "exporter").rglob("*.py")):
        if path.name == "regexes.py":
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            if "re.compile(" in line and "regexes.compile(" not in line:
                said = " ".join(lines[max(0, number - 3) : number])
                if "not kept" not in said:
                    stray.append(f"{path.relative_to(ROOT)}:{number}")
    assert stray == []


def _longest_first(words: list[str]) -> str:
    """The alternation as first written: every word in turn, the longest first."""
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


@settings(max_examples=400, deadline=None)
@given(
    # few letters, so that words share starts and one is often the start of another
    st.lists(st.text("Kaoé.-’", min_size=1, max_size=6), min_size=1, max_size=12),
    st.text("Kaoé.-’ x", max_size=60),
)
def test_the_tree_of_words_matches_what_the_longest_first_list_matches(
    words: list[str], text: str
) -> None:
    tree = regexes.alternation(words)
    for bounds in ("{}", r"\b(?:{})\b"):
        flat = re.compile(bounds.format(_longest_first(words)))
        nested = re.compile(bounds.format(tree))
        assert [m.span() for m in nested.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_words_nested_too_deep_for_re_are_given_as_the_list() -> None:
    words = ["K" + "a" * n for n in range(300)]  # each the start of the next
    pattern = regexes.alternation(words)
    assert pattern == _longest_first(words)
    assert re.fullmatch(pattern, "K" + "a" * 299)
    assert regexes.alternation(words[:50]) != _longest_first(words[:50])  # a tree below that
