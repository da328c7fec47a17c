"""Sentence splitting: abbreviations, initials and clock times keep a sentence whole."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter import sentences
from exporter.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Ito met Dr. Ruiz. They spoke.",
            ["Mr. Ito met Dr. Ruiz.", "They spoke."],
        ),
        (
            "The U.S. delegation left. Talks end Oct. 29.",
            ["The U.S. delegation left.", "Talks end Oct. 29."],
        ),
        ("George W. Bush spoke. Then he left.", ["George W. Bush spoke.", "Then he left."]),
        ("He lands at 9 a.m. ET on Monday.", ["He lands at 9 a.m. ET on Monday."]),
        ("He landed at 9 a.m. Then he rested.", ["He landed at 9 a.m.", "Then he rested."]),
        (
            "Done! “Next,” she said. 42 people came.",
            ["Done!", "“Next,” she said.", "42 people came."],
        ),
        ("", []),
        # a list's item marker opens no sentence
        ("• She laid a wreath. Then she left.", ["She laid a wreath.", "Then she left."]),
        ("- The two leaders signed a pact.", ["The two leaders signed a pact."]),
        ("* Costa attended a banquet.", ["Costa attended a banquet."]),
        ("-5 degrees at dawn.", ["-5 degrees at dawn."]),  # no marker: a sign
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def _is_abbreviation_by_pattern(text: str, dot: int) -> bool:
    """The rule as first written: the word found by a pattern anchored at the period."""
    m = re.search(r"([A-Za-z.]+)$", text[:dot])
    if not m:
        return False
    word = m.group(1).lower().strip(".")
    if word in sentences._ABBREVIATIONS:
        if word in ("a.m", "p.m"):
            nxt = text[dot + 1 :].lstrip()
            return not nxt[:1].isupper() or nxt.split(" ", 1)[0] in ("ET", "GMT", "BST", "JST")
        return True
    return len(word) == 1 or "." in word


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            "Mr Dr U.S a.m p.m Oct W Bush é 9 said . , ’ ET Then x.y".split()
            + "a.m. p.m. GMT JST ETA GMT, \t \n \u00a0 Étienne".split(" ")
        ),
        max_size=8,
    ).map(" ".join),
    st.sampled_from(["", ".", " ", "é.", "U.S.", "a"]),
)
def test_the_word_before_a_period_is_found_as_the_anchored_pattern_finds_it(
    words: str, glue: str
) -> None:
    text = f"{words}{glue}. Then more"
    for dot in [i for i, ch in enumerate(text) if ch == "."]:
        assert sentences._is_abbreviation(text, dot) == _is_abbreviation_by_pattern(text, dot)


def test_a_long_sentence_is_cut_after_a_clause_where_it_can_else_after_a_word() -> None:
    text = "Costa arrived, and then he left for the summit"
    assert split_sentences(text, 20) == ["Costa arrived,", "and then he left", "for the summit"]
    # a comma early in the piece would make it short: the last space is taken instead
    assert split_sentences("Costa, who arrived late and left", 24) == [
        "Costa, who arrived late",
        "and left",
    ]
    assert split_sentences("x" * 25 + " y", 10) == ["x" * 10, "x" * 10, "xxxxx y"]


#: Words, clause marks and spaces of run-on text, and a word longer than some pieces.
_RUN_ON_WORDS = [*"Costa arrived at Avalon, the summit; said: — met. Then \u00a0 \t".split(" ")]
_RUN_ON_WORDS.append("x" * 70)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(_RUN_ON_WORDS),
        max_size=120,
    ).map(" ".join),
    st.integers(8, 200),
)
def test_the_pieces_of_long_sentences_are_no_longer_than_asked_and_keep_every_character(
    text: str, longest: int
) -> None:
    whole = split_sentences(text)
    pieces = split_sentences(text, longest)
    assert all(0 < len(p) <= longest and p == p.strip() for p in pieces)
    assert "".join("".join(p.split()) for p in pieces) == "".join("".join(s.split()) for s in whole)
    if all(len(s) <= longest for s in whole):
        assert pieces == whole
