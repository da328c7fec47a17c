"""Encoding in batches gives exactly the bytes of the joined text, wherever batches end."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from exporter.batches import utf8_batches


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(st.text(max_size=6), max_size=30),
    sep=st.sampled_from(["", "\n", ", "]),
    size=st.integers(min_value=1, max_value=20),
)
@example(pieces=["ab", "cd"], sep="\n", size=3)  # a batch ends right after a separator
@example(pieces=["é", "ü"], sep="", size=1)  # a batch per non-ASCII character
@example(pieces=[], sep="\n", size=1)
def test_batches_join_to_the_whole_text(pieces: list[str], sep: str, size: int) -> None:
    batches = list(utf8_batches(pieces, sep=sep, size=size))
    assert b"".join(batches) == sep.join(pieces).encode("utf-8")
    assert all(batches)  # no empty writes


def test_a_large_text_comes_in_several_batches() -> None:
    lines = [f"line {i}" for i in range(10_000)]
    batches = list(utf8_batches(lines, sep="\n", size=1000))
    assert len(batches) > 50
    assert b"".join(batches) == "\n".join(lines).encode()
