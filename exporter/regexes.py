"""Every pattern the package reads with, compiled once per machine rather than once per run.

Python compiles a regular expression in Python code: the package's few hundred patterns
(the stamp layouts, the tables of words that tell a happening, the temporal tagger's
rules, the gazetteer's buckets) cost some 40 ms of every build, shared by its two
processes: a third of the sample's. What the compiler makes of a pattern depends only on
the pattern, its flags and the interpreter, so it is kept, like Python keeps the
bytecode of a module: in a file beside the package's `.pyc` files (or under
`PYTHONPYCACHEPREFIX`), named for the interpreter, holding for each pattern the program
the regular-expression engine runs. A run after the first builds its patterns from that
file (about 25 times faster).

The file is only ever a shortcut. It is read only if it was made by this very interpreter
and engine (version, engine magic number, code unit size); the engine checks each program
it is given; anything unreadable, missing or refused, and the pattern is compiled as
`re.compile` would. It is kept as the package's parsed data files are (`datafiles`):
neither read nor written when `PYTHONDONTWRITEBYTECODE` is set, replaced whole, and
silently not at all where it cannot be written. The first run of a build pays for the
keeping (some 40 ms, once); a process that never saves (a test, a library caller) only
compiles.

Patterns made from a document's own words (the names of its people) are not for keeping:
they are compiled with `re.compile`. Only patterns the code itself spells, or builds from
the package's tables and the configuration's places, come here, so the file stays the size
of the package's own set.
"""

from __future__ import annotations

import _sre
import re
import sys
from array import array
from collections.abc import Iterable
from pathlib import Path
from typing import Any, AnyStr

#: Cached programs kept at most: a file grown past it (patterns of older versions of the
#: package, of many configurations' places) is written again with this run's only.
MAX_KEPT = 5_000

_Key = tuple[str | bytes, int]
#: What `_sre.compile` takes after the pattern: the flags the parser settled on, the
#: program (its code units as bytes: a tenth of the time to load that a list of numbers
#: takes, and no memory until used), the number of groups, the group names both ways.
_Program = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
#: The array type of one code unit of the engine's programs.
_UNIT = "I" if array("I").itemsize == _sre.CODESIZE else "L"

_kept: dict[_Key, _Program] | None = None
#: Every pattern this process asked for: what a file grown too big is cut down to.
_used: set[_Key] = set()
#: The patterns this process had to compile: what a save adds to the file.
_new: set[_Key] = set()


def compile(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """`re.compile(pattern, flags)`, from the machine's kept program when there is one."""
    key = (pattern, int(flags))
    _used.add(key)
    program = _programs().get(key)
    if program is not None:
        try:
            return _built(pattern, program)
        except Exception:  # refused by this engine: compiled as usual, and kept again
            pass
    _new.add(key)
    return re.compile(pattern, flags)


#: The most words, each the start of the next ("Ka", "Kat", "Kato" …), that `alternation`
#: nests: deeper, `re`'s parser would run out of stack.
_DEEPEST = 100


class _TooDeep(Exception):
    pass


def alternation(words: Iterable[str]) -> str:
    """A pattern matching any of `words` as written, the longest of those that match at a
    place first: what `"|".join(escaped words, longest first)` matches.

    Written as a tree of their letters ("Ana|Anabel|Aro" as `A(?:na(?:bel)?|ro)`), `re`
    tries at each place only the words that go on as the text does; in turn, it tries
    every word, and a document naming thousands of people was read 30 times slower.
    Words nested past `_DEEPEST` are given as the plain list.
    """
    ordered = sorted(set(words), key=len, reverse=True)
    tree: dict[str, Any] = {}
    for word in ordered:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    try:
        return _branches(tree, 0)
    except _TooDeep:
        return "|".join(map(re.escape, ordered))


def _branches(node: dict[str, Any], depth: int) -> str:
    """What may follow `node` of the tree: each way on (a run of letters with no word
    ending and no fork inside is one step), optional where a word ends here."""
    if depth > _DEEPEST:
        raise _TooDeep
    ways = []
    for ch in sorted(k for k in node if k):
        run, child = [ch], node[ch]
        while len(child) == 1 and "" not in child:
            ((ch, child),) = child.items()
            run.append(ch)
        ways.append(re.escape("".join(run)) + _branches(child, depth + 1))
    if not ways:
        return ""
    body = ways[0] if len(ways) == 1 else "(?:" + "|".join(ways) + ")"
    return f"(?:{body})?" if "" in node else body


def _built(pattern: AnyStr, program: _Program) -> re.Pattern[AnyStr]:
    """The pattern made from its kept program; the engine checks the program first."""
    flags, code, groups, names, index = program
    units = array(_UNIT)
    units.frombytes(code)
    return _sre.compile(pattern, flags, units.tolist(), groups, names, index)  # type: ignore[no-any-return]


def save() -> None:
    """Keep, for the next run, the programs of the patterns this process compiled.

    Merged with what another process may have written meanwhile (a build's two processes
    each keep their own patterns); nothing happens when nothing was new.
    """
    global _new
    path = _path()
    if not _new or path is None:
        return
    from exporter.datafiles import read_table, write_table

    try:
        kept = read_table(path, _stamp())
        kept.update({key: _program(*key) for key in _new})
    except Exception:  # a cache: a run that cannot keep it is only as slow as before
        return
    if len(kept) > MAX_KEPT:
        kept = {key: program for key, program in kept.items() if key in _used}
    if write_table(path, _stamp(), kept):
        _new = set()


def _programs() -> dict[_Key, _Program]:
    global _kept
    if _kept is None:
        path = _path()
        if path is None:
            _kept = {}
        else:
            from exporter.datafiles import read_table

            _kept = read_table(path, _stamp())
    return _kept


def _stamp() -> tuple[Any, ...]:
    """What a kept program depends on besides its pattern: the interpreter and its engine."""
    return (sys.implementation.name, sys.hexversion, _sre.MAGIC, _sre.CODESIZE, sys.maxunicode)


def _path() -> Path | None:
    """Where this interpreter keeps the programs: beside this module's bytecode. Only
    CPython's engine is known to take the programs its own compiler made."""
    if sys.implementation.name != "cpython":
        return None
    from exporter.datafiles import beside_bytecode

    return beside_bytecode(__file__, ".patterns")


def _program(pattern: str | bytes, flags: int) -> _Program:
    """What `re.compile` hands the engine for `pattern`: the parser's and the code
    generator's work, which is what is worth keeping."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    names = dict(parsed.state.groupdict)
    index: list[str | None] = [None] * parsed.state.groups
    for name, number in names.items():
        index[number] = name
    code = array(_UNIT, _compiler._code(parsed, flags)).tobytes()
    return (int(flags | parsed.state.flags), code, parsed.state.groups - 1, names, tuple(index))
