"""Sentences to check a fast path against its plain rule: every sentence of the seeds and
fixtures, and word salads that put each cue next to every other."""

from __future__ import annotations

from hypothesis import strategies as st

from exporter.sentences import split_sentences
from tests.paths import FIXTURES, SEEDS


def corpus_sentences() -> list[str]:
    """Every sentence of the seeds and the fixtures, in file order."""
    files = [*SEEDS.glob("*.txt"), *FIXTURES.rglob("*.txt"), *FIXTURES.rglob("*.html")]
    return [
        s
        for f in sorted(files)
        for line in f.read_text("utf-8").splitlines()
        for s in split_sentences(line)
    ]


def word_salads(words: str, max_size: int) -> st.SearchStrategy[str]:
    """Word salads from a vocabulary: every cue next to every other, in any order."""
    return st.lists(st.sampled_from(words.split()), max_size=max_size).map(" ".join)
