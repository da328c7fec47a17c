"""Sentence splitting and short titles for English news prose.

News text is full of periods that do not end sentences ("U.S.", "a.m.", "Oct.", "Mr."),
so a naive split on ". " cuts titles and evidence in the wrong place.
"""

from __future__ import annotations

import string

from exporter import regexes

_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sen rep gov gen col lt sgt capt adm st jr sr vs etc no nos inc
    corp co ltd dept univ est approx fig jan feb mar apr jun jul aug sep sept oct nov
    dec mon tue tues wed thu thur thurs fri sat sun a.m p.m u.s u.k u.n e.u d.c i.e e.g
    """.split()
)

# A candidate boundary: end punctuation, optional closing quotes/brackets, space, then an
# opening quote or capital/digit.
_BOUNDARY = regexes.compile(r"([.!?…])([\"'”’)\]]*)\s+(?=[\"“‘'(\[]?[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, keeping abbreviations and initials intact."""
    sentences: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group(1) == "." and _is_abbreviation(text, m.start(1)):
            continue
        end = m.end(2)
        piece = text[start:end].strip()
        if piece:
            sentences.append(piece)
        start = m.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


#: What an abbreviation before a period is made of ("U.S", "a.m", "Oct").
_ABBREVIATION_CHARS = frozenset(string.ascii_letters + ".")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at `dot` closes an abbreviation rather than a sentence.

    The word is found by walking back from the period: a pattern anchored at the end of
    `text[:dot]` would scan the paragraph from its start at every period, which is
    quadratic in a long paragraph.
    """
    start = dot
    while start and text[start - 1] in _ABBREVIATION_CHARS:
        start -= 1
    if start == dot:
        return False
    word = text[start:dot].lower().strip(".")
    if word in _ABBREVIATIONS:
        # "p.m." and "a.m." do end sentences when the next word starts a clause; the caller
        # cannot tell, so prefer keeping the sentence whole unless a capital follows a.m./p.m.
        if word in ("a.m", "p.m"):
            nxt = text[dot + 1 :].lstrip()
            return not nxt[:1].isupper() or nxt.split(" ", 1)[0] in ("ET", "GMT", "BST", "JST")
        return True
    # Single initials ("George W. Bush") and dotted acronyms ("U.S.").
    return len(word) == 1 or "." in word


def short_title(text: str, limit: int = 90) -> str:
    """The first sentence, trimmed on a word boundary to at most `limit` characters."""
    first = split_sentences(text)[0] if text.strip() else ""
    first = first.strip()
    if len(first) <= limit:
        return first
    cut = first[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:—–-") + "…"
