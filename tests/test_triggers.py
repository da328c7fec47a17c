"""The one-scan trigger finder gives exactly what each kind's own pattern finds.

`triggers_in` scans a sentence once for the places where any trigger starts, and matches
lower-cased ASCII text with case-sensitive patterns; the plain rule below is each kind's
case-insensitive pattern run with `finditer` on the sentence as written.
"""

from __future__ import annotations

import re
import string

from hypothesis import example, given, settings

from exporter.understand import mentions
from exporter.understand.people import vocabulary
from tests.corpus import corpus_sentences, word_salads


def _plain_spans(sentence: str) -> tuple:
    found = []
    for kind, spec in vocabulary()["kinds"].items():
        pattern = re.compile(r"\b(?:" + "|".join(spec["triggers"]) + ")", re.IGNORECASE)
        spans = tuple(m.span() for m in pattern.finditer(sentence))
        if spans:
            found.append((kind, spans))
    return tuple(found)


def _plain_presence(sentence: str) -> tuple[int, int] | None:
    m = re.compile(mentions._PRESENCE.pattern, re.IGNORECASE).search(sentence)
    return m.span() if m else None


def test_trigger_sources_are_lower_case_so_folded_text_matches_them() -> None:
    sources = [t for spec in vocabulary()["kinds"].values() for t in spec["triggers"]]
    sources.append(mentions._PRESENCE.pattern)
    for source in sources:
        letters = re.sub(r"\\.", "", source)  # escapes such as \b and \s are not letters
        assert letters == letters.lower(), source


def _first_chars(items: list) -> tuple[set[str] | None, bool]:
    """What the first character of a match of a parsed pattern (`re._parser`) may be, as
    characters and "\\w" (None: anything, as far as this walk can tell), and whether the
    pattern may match nothing."""
    first: set[str] = set()
    for op, av in items:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # takes no character: the next item gives the first
        if name == "LITERAL":
            return first | {chr(av)}, False
        if name == "IN":
            for member, value in av:
                if str(member) == "LITERAL":
                    first.add(chr(value))
                elif str(member) == "CATEGORY" and str(value) == "CATEGORY_WORD":
                    first.add("\\w")
                else:
                    return None, False
            return first, False
        if name in ("SUBPATTERN", "BRANCH", "MAX_REPEAT", "MIN_REPEAT"):
            if name == "SUBPATTERN":
                subs, empty_ok = [av[-1]], False
            elif name == "BRANCH":
                subs, empty_ok = av[1], False
            else:
                subs, empty_ok = [av[2]], av[0] == 0
            for sub in subs:
                chars, empty = _first_chars(list(sub))
                if chars is None:
                    return None, False
                first |= chars
                empty_ok = empty_ok or empty
            if not empty_ok:
                return first, False
            continue
        return None, False
    return first, True


def _begins_as_a_word(source: str) -> bool:
    """Whether every match of `source` begins with a word character or an apostrophe."""
    from re import _parser

    chars, empty = _first_chars(list(_parser.parse(source)))
    if chars is None or empty:
        return False
    return all(c == "\\w" or c.isalnum() or c == "_" or c in "'’" for c in chars)


def test_every_trigger_begins_with_a_word_character_or_an_apostrophe() -> None:
    """What lets `triggers_in` try the triggers only where a word or an "'s" starts."""
    sources = [t for spec in vocabulary()["kinds"].values() for t in spec["triggers"]]
    sources.append(mentions._PRESENCE.pattern)
    assert [s for s in sources if not _begins_as_a_word(s)] == []
    assert _begins_as_a_word(r"\b(?:(?:state\s+)?dinner|(?<=\w)['’]s|din(?:e|ed)\s)")
    for odd in (r"[-a]bc", r"x?", r"(?:ab|\sc)", r".ab", r"(?:x?)*y?", r"[^a]b"):
        assert not _begins_as_a_word(odd), odd


def test_one_scan_equals_each_kinds_finditer_on_every_sentence_we_have() -> None:
    sentences = corpus_sentences()
    with_triggers = [s for s in sentences if _plain_spans(s)]
    assert len(with_triggers) > 100
    assert [mentions.triggers_in(s).kinds for s in sentences] == [
        _plain_spans(s) for s in sentences
    ]
    assert [mentions.triggers_in(s).presence for s in sentences] == [
        _plain_presence(s) for s in sentences
    ]


@settings(max_examples=400, deadline=None)
@given(
    word_salads(
        "He She Ruiz's ARRIVES arrives Landed in at touches down flew to went headed straight "
        "left Leaves departs took off is are off Meets met meeting the press held talks sat "
        "down with spends evening signing Signed of ceremony welcoming visit Tours toured "
        "spoke gave a her speech addressed troops state DINNER dined lunch attended summit "
        "Summit arrival honour guard wreath-laying now still aboard inside remains was "
        "Café Zürich İstanbul ſigned KELVIN arrivée , . ’s 's",
        max_size=14,
    )
)
@example("She is at the base, then was in port and remains aboard the ship")  # first cue
@example("The state dinner, a working lunch and a state banquet")  # a kind inside its own match
@example("Costa ſigned the pact and vısıted the base")  # folded by re alone: the cased table
@example("İ Costa arrives in Zürich")  # lower-casing lengthens "İ": the cased table
@example("Costa arrives in Zürich, then leaves")  # lower-cased: the folded table
def test_one_scan_equals_each_kinds_finditer_on_any_mix_of_triggers(sentence: str) -> None:
    assert mentions.triggers_in(sentence).kinds == _plain_spans(sentence)
    assert mentions.triggers_in(sentence).presence == _plain_presence(sentence)
    expected = bool(_plain_spans(sentence)) or _plain_presence(sentence) is not None
    assert mentions.may_tell_a_happening(sentence) == expected


@settings(max_examples=300, deadline=None)
@given(word_salads('He said " “ ” talks in "Tokyo" “went” well ,', max_size=12))
def test_inside_quotes_counts_the_marks_before_a_position(sentence: str) -> None:
    for pos in range(len(sentence) + 1):
        plain = len(re.findall(r"[\"“”]", sentence[:pos])) % 2 == 1
        assert mentions._inside_quotes(sentence, pos) == plain


def test_lower_casing_reads_every_other_letter_as_ignorecase_does() -> None:
    # The folded table takes any sentence lower-casing keeps the length of and that holds
    # none of `_FOLDS_APART`: that is sound only if no other character is one
    # `re.IGNORECASE` takes for an ASCII letter while lower-casing makes it another.
    letter = re.compile("[a-z]", re.IGNORECASE)
    apart = set()
    for code in range(0x80, 0x110000):
        char = chr(code)
        low = char.lower()
        if len(low) == 1 and letter.fullmatch(char) and low not in string.ascii_lowercase:
            apart.add(char)
    assert apart == set(mentions._FOLDS_APART)


_CUES = ("reporting", "planned", "cancelled", "negated", "hypothetical")


def test_cue_sources_are_lower_case_so_lowered_text_matches_them() -> None:
    for name in _CUES:
        for source in vocabulary()[name]:
            letters = re.sub(r"\\.", "", source)
            assert letters == letters.lower(), source


@settings(max_examples=400, deadline=None)
@given(
    word_salads(
        "He SAID said Will will 'll ’ll is due to NOT not n't Cancelled called off would IF "
        "Tomorrow expected Ahead of may May wants İf ſaid ıf Café É cancelled",
        max_size=12,
    )
)
def test_cues_read_lowered_text_as_they_read_the_text_as_written(sentence: str) -> None:
    lowered = mentions._lowered(sentence)
    for name in _CUES:
        as_written = mentions._cues(False)[name]
        plain = [m.span() for m in as_written.finditer(sentence)]
        if lowered is None:  # read as written: "İ" would shift the offsets, "ſ" is an "s"
            assert any(c in sentence for c in "İ\u0131\u017f"), sentence
        else:
            assert [m.span() for m in mentions._cues(True)[name].finditer(lowered)] == plain


def test_what_a_happening_is_told_to_follow() -> None:
    """ "…, followed by a working lunch": the lunch came after what the sentence told
    before it; the talks themselves came after nothing."""
    from exporter.model import Evidence, Status

    told = "Costa held talks with Rui Sato at the palace, followed by a working lunch."
    lunch = mentions.Mention(
        kind="meal",
        status=Status.HAPPENED,
        evidence=Evidence(text=told, source="s"),
        start=None,
        end=None,
        precision=0,
        approximate=False,
        place=None,
        destination=None,
        counterpart=None,
        counterpart_class=None,
        subject=None,
        explicit=False,
    )
    talks = mentions.replace(lunch, kind="meeting")
    assert mentions.told_after(lunch) == mentions.TALKS
    assert mentions.told_after(talks) == frozenset()
    after = mentions.replace(lunch, evidence=Evidence("She hosted a lunch after their talks.", "s"))
    assert mentions.told_after(after) == mentions.TALKS
    met = Evidence("Costa met Rui Sato at the palace, followed by a working lunch.", "s")
    assert mentions.told_after(mentions.replace(lunch, evidence=met)) == {"meeting"}
