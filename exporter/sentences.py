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


#: The marker a list's item opens with ("• ", "- ", "* ", "– "), which opens no sentence.
_BULLET = regexes.compile(r"\s*[•·▪◦‣*–—-]\s+(?=\S)")


def is_headline(text: str) -> bool:
    """A line that ends without a full stop, as headlines do ("Costa lands in Zenda")."""
    return len(text) <= 100 and not text.rstrip().endswith((".", "!", "?", '"', "”", ":"))


def split_sentences(text: str, longest: int | None = None) -> list[str]:
    """Split a paragraph into sentences, keeping abbreviations and initials intact.

    With `longest`, a sentence longer than that comes as pieces of at most that many
    characters (`_pieces`): what reads a sentence looks at all of it for each thing it
    finds there, so thousands of characters run together without a full stop would cost
    the square of their length.
    """
    if longest is not None:
        return [piece for s in split_sentences(text) for piece in _pieces(s, longest)]
    sentences: list[str] = []
    bullet = _BULLET.match(text)  # "• She laid a wreath …": the item's sentence is "She …"
    start = bullet.end() if bullet else 0
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


#: Where a piece of a long sentence may end, best first: after a clause's punctuation,
#: else after a space.
_CUTS = (";", ",", ":", "—", " ")


def _pieces(sentence: str, longest: int) -> list[str]:
    """`sentence` cut into pieces of at most `longest` characters, each ending as late as
    it can at a clause's punctuation in its second half, else at its last space (a word
    longer than that is cut where the piece is full)."""
    pieces: list[str] = []
    rest = sentence
    while len(rest) > longest:
        window = rest[:longest]
        cut = 0
        for mark in _CUTS:
            cut = window.rfind(mark) + 1
            if cut > longest // 2:
                break
        if cut <= 0:
            cut = longest
        piece = rest[:cut].strip()
        if piece:
            pieces.append(piece)
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


#: Zones that follow a clock time: "10 a.m. ET" goes on; "10 a.m. The" starts a sentence.
_ZONES_AFTER_CLOCK = ("ET", "GMT", "BST", "JST")
_SPACES = regexes.compile(r"\s*")
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
            nxt = _SPACES.match(text, dot + 1).end()  # not a copy of the rest at every "a.m."
            return not text[nxt : nxt + 1].isupper() or any(
                text.startswith(zone, nxt)
                and text[nxt + len(zone) : nxt + len(zone) + 1] in ("", " ")
                for zone in _ZONES_AFTER_CLOCK
            )
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
