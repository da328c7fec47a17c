"""Who a document is about: people named with their roles, and the principal actor.

News prose introduces people once with a role ("Prime Minister Ana Costa") and then
uses the surname alone; the itinerary needs both the role (to title a meeting as a summit
or an audience) and the short name people use. The principal is whoever the text names
most: an itinerary is one person's schedule.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import pairwise

from exporter import regexes
from exporter.datafiles import load_data
from exporter.lexicon import LOWER, MONTHS, UPPER, WEEKDAYS, plain
from exporter.understand.place_phrases import title_case

#: "al-Sato"; any Latin letters ("Doğanay", "Łukasz", "Nguyễn")
_NAME_WORD = rf"(?:(?:al|el|ad|ash|bin|ibn|abu|abd)-)?[{UPPER}][{LOWER}'’-]+"
#: Small words inside a name: "Zia bin Sato", "Ana von der Sato", "Rui Costa da Sato".
PARTICLES = frozenset(
    "bin ibn bint van von der den de da di du dos das del della la le al el".split()
)
_PARTICLE = rf"(?:{'|'.join(sorted(PARTICLES))})[^\S\n]+"
_NAME = (  # never across a line; a fourth word after a particle ("Ana Maria Costa da Sato")
    rf"{_NAME_WORD}(?:[^\S\n]+(?:{_PARTICLE}){{0,2}}{_NAME_WORD}){{0,2}}"
    rf"(?:[^\S\n]+(?:{_PARTICLE}){{1,2}}{_NAME_WORD})?"
)


@cache
def vocabulary() -> dict:
    """The language tables of `data/happenings.yaml` (triggers, cues, roles)."""
    return load_data("happenings.yaml")


@dataclass(frozen=True)
class Person:
    """A person the text names with a role."""

    name: str
    role: str
    role_class: str
    short: str

    @property
    def display(self) -> str:
        """The role and the name the text uses most, e.g. "Prime Minister Costa"; a role
        that describes rather than titles ("Avalon's leader, Rui Sato") is left out."""
        if not self.role or self.role in _DESCRIPTIONS:
            return self.short
        return f"{self.role} {self.short}"


#: Roles that are no title before a name: "Summit with Rui Sato", not "with Leader Rui Sato".
_DESCRIPTIONS = frozenset({"Leader"})


@dataclass(frozen=True, eq=False)
class Cast:
    """The people of a set of documents, and the principal among them."""

    people: tuple[Person, ...]
    principal: Person | None

    def find(self, text: str) -> list[tuple[int, Person]]:
        """People named in `text` (by any of their name words), with their positions."""
        pattern, owners = self._index
        found: list[tuple[int, Person]] = []
        if pattern is None:
            return found
        titles = self.titles
        for m in pattern.finditer(text):
            word = m.group()
            if word in titles:
                if not _NAMED_AFTER.match(text, m.end()):  # "King Charles": his name says it
                    found.append((m.start(), titles[word]))
                continue
            for person in owners[word]:
                if word != person.name and _other_given_name(text, m.start(), person):
                    continue  # "Akie Abe" is not "Shinzo Abe"
                found.append((m.start(), person))
        return found

    @cached_property
    def titles(self) -> dict[str, Person]:
        """One-word titles one person holds ("King", "Emperor"): written alone ("the King
        said"), each stands for that person."""
        sole = _sole_titles([p.role for p in self.people])
        return {p.role: p for p in self.people if p.role in sole}

    @cached_property
    def _index(self) -> tuple[re.Pattern[str] | None, dict[str, list[Person]]]:
        """One alternation of every name, name word and title, longest first, compiled once."""
        owners: dict[str, list[Person]] = {title: [] for title in self.titles}
        for person in self.people:
            for word in _name_words(person):
                owners.setdefault(word, []).append(person)
                if (bare := plain(word)) != word and person not in owners.get(bare, ()):
                    owners.setdefault(bare, []).append(person)  # "Erdogan" is "Erdoğan"
        if not owners:
            return None, owners
        # names of the document's people: not kept (`regexes`)
        return re.compile(r"\b(?:" + regexes.alternation(owners) + r")\b"), owners

    def by_role(self, phrase: str) -> Person | None:
        """ "the emperor", "the prime minister": the one person the text gives that role."""
        role = re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.I).lower()
        matches = self._by_role.get(role, ())
        return matches[0] if len(matches) == 1 else None

    @cached_property
    def _by_role(self) -> dict[str, list[Person]]:
        """The people of each role, lower-cased: asked of most sentences, so not found by
        a look at every person each time, which a text of thousands of people made slow."""
        holders: dict[str, list[Person]] = {}
        for person in self.people:
            if person.role:  # a person named with no role is no "the president"
                holders.setdefault(person.role.lower(), []).append(person)
        return holders


#: A title of one word, as the cast counts and finds it alone.
_TITLE = regexes.compile(r"[A-Z][a-z]+")


def _sole_titles(roles: list[str]) -> set[str]:
    """The one-word titles ("King", "Emperor") among the cast's roles that one person
    holds: the cast counts them alone for that person (`cast_of`) and finds them so
    (`Cast.find`)."""
    held = Counter(roles)
    return {role for role, n in held.items() if n == 1 and _TITLE.fullmatch(role)}


#: A capitalised word right after a title: the name of whoever holds it ("King Charles").
_NAMED_AFTER = regexes.compile(rf"[^\S\n]+[{UPPER}]")


def _word_before(text: str, pos: int) -> str | None:
    """The capitalised word ("Akie", "O'neil") that spaces separate from `pos`, if any.

    Found by walking back from `pos`, not by a pattern anchored at the end of `text[:pos]`,
    which would scan the text from its start for every name in it.
    """
    end = pos
    while end and text[end - 1].isspace():
        end -= 1
    start = end
    while start and text[start - 1] in _GIVEN_NAME_TAIL:
        start -= 1
    if end == pos or start == end or not start or text[start - 1] not in string.ascii_uppercase:
        return None
    return text[start - 1 : end]


_GIVEN_NAME_TAIL = frozenset(string.ascii_lowercase + "'’-")


def _other_given_name(text: str, pos: int, person: Person) -> bool:
    """A capitalised word right before a surname that is not this person's given name."""
    word = _word_before(text, pos)
    if word is None:
        return False
    if word in person.name.split() or word in person.role.split():
        return False
    return word.lower() not in _ROLE_WORDS() and word.lower() not in _FUNCTION_WORDS


_FUNCTION_WORDS = frozenset(
    """
    the a an in on at as after before when while during but and then earlier later meanwhile
    upon with for from to of by since until if so yet both either neither this that
    """.split()
)


@cache
def _ROLE_WORDS() -> frozenset[str]:
    words = set()
    for names in vocabulary()["roles"].values():
        for name in names:
            words.update(name.split())
    return frozenset(words | {"late", "former", "new", "mr", "mrs", "ms", "dr"})


@cache
def carriers() -> str:
    """What carries a person, as a pattern ("the presidential jet", "her plane"): the vocabulary's
    `carriers`, which stand for the one carried, and are no one's name."""
    return "|".join(f"(?:{c})" for c in vocabulary()["carriers"])


@cache
def _CARRIER() -> re.Pattern[str]:
    return regexes.compile(rf"(?i:{carriers()})")


def opens_with_carrier(text: str) -> bool:
    """Whether `text` opens with what carries a person ("Avalon One has touched down")."""
    return _CARRIER().match(text) is not None


def _name_words(person: Person) -> list[str]:
    """The words a person is found by: each of their name's, but particles and what a
    capitalised English word of two letters may be ("An", "Go"): "Li", "Wu", "Ng" count."""
    words = [
        w
        for w in person.name.split()
        if (len(w) > 2 or (len(w) == 2 and w not in _SHORT_WORDS)) and w not in PARTICLES
    ]
    return [person.name, *words] if len(words) > 1 else words


#: Capitalised two-letter words and abbreviations English text opens sentences with.
_SHORT_WORDS = frozenset(
    "Ah Am An As At Be By Do Dr Eh Go He Hi If In Is It Jr Me Mr Ms My No Of Oh Ok On Or "
    "So Sr St To Up Us We".split()
)


def _role_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    roles = vocabulary()["roles"]
    classes: dict[str, str] = {}
    for role_class, names in roles.items():
        for name in names:
            classes[name.lower()] = role_class
    longest_first = sorted(classes, key=len, reverse=True)
    gap = r"[^\S\n]+"  # never across a line: a headline's last word is no role of the next
    alternation = "|".join(
        gap.join(w.capitalize() if w != "of" else "of" for w in name.split())
        for name in longest_first
    )
    capitals = "|".join(gap.join(name.upper().split()) for name in longest_first)
    qualifier = rf"(?:(?:[A-Z][a-z]+|U\.S\.|U\.K\.){gap}){{0,2}}"
    # A match begins with a qualifier or a role's first word, all capitalised: when they all
    # begin with A-Z, saying so lets the scan pass over other characters at once (2.4×
    # faster over a whole archive) instead of trying every role at every word.
    firsts = {role[:1] for role in f"{alternation}|{capitals}".split("|")}
    lead = "(?=[A-Z])" if firsts <= set(string.ascii_uppercase) else ""
    pattern = regexes.compile(
        rf"{lead}(?:\b(?P<role>{qualifier}(?:{alternation}))"
        # "the Prime Minister, Rui Sato,": a name in apposition, closed by punctuation
        rf"(?:{gap}(?P<name>{_NAME})|,{gap}(?P<name3>{_NAME})(?=[,.;)]))|"
        rf"\b(?P<role2>(?:{capitals}|CEO)){gap}(?P<name2>{_NAME}))"
    )
    return pattern, classes


def _appositive_pattern(classes: dict[str, str]) -> re.Pattern[str]:
    """A role given after a name, as encyclopedias write it: "Ana Costa, the 47th
    president of Freedonia,", "Rui Sato, Avalon's new prime minister,".
    Matched from its comma (the name before it is read by `_name_before`); the role must
    close the apposition (a comma or the sentence's end after it, or after "of …"), so
    that "In Avalon, the president said" names no one."""
    roles = "|".join(r"\s+".join(name.split()) for name in sorted(classes, key=len, reverse=True))
    owner = rf"[{UPPER}][\w.]*(?:\s+[{UPPER}][\w.]*){{0,2}}['’]s\s+"
    qualifier = r"(?:(?:\d+(?:st|nd|rd|th)|new|incumbent|U\.S\.|U\.K\.|[A-Z][a-z]+)\s+){0,2}"
    of = rf"(?:\s+of\s+(?:the\s+)?[{UPPER}][\w.]*(?:\s+[{UPPER}][\w.]*){{0,3}})?"
    return regexes.compile(
        rf",\s+(?:the\s+|{owner})?{qualifier}(?P<role>(?i:{roles}))\b{of}(?=\s*[,.;)])"
    )


_NAME_BEFORE = regexes.compile(rf"{_NAME_WORD}(?:[^\S\n]+{_NAME_WORD})?$")


def _name_before(text: str, comma: int) -> str | None:
    """The name an apposition at `comma` follows: its one or two capitalised words, past
    a word such as "In" or "Then" that opens the sentence."""
    m = _NAME_BEFORE.search(text, max(0, comma - 40), comma)
    if m is None or (m.start() and text[m.start() - 1] not in ' \t\n("“'):
        return None
    words = m.group().split()
    if words[0].lower() in _FUNCTION_WORDS:
        words = words[1:]
    return " ".join(words) or None


def _tail_role(role: str, classes: dict[str, str]) -> str | None:
    """The longest run of a role's last words that is a role of the table, as written:
    "Freedonian Prime Minister" → "Prime Minister", "Costa Meets Emperor" → "Emperor"."""
    words = role.split()
    for size in range(len(words), 0, -1):
        tail = " ".join(words[-size:])
        if tail.lower() in classes:
            return tail
    return None


def _role_class(role: str, classes: dict[str, str]) -> str:
    tail = _tail_role(role, classes)
    return classes[tail.lower()] if tail else "other"


_QUALIFIER = regexes.compile(r"^(?:[A-Z][a-z]+(?:ese|an|ish|i)|U\.S\.|U\.K\.|New|Former|Late)$")
_COMPASS = frozenset({"North", "South", "East", "West"})


def _bare_role(role: str, classes: dict[str, str]) -> str:
    """ "Freedonian Prime Minister", "South Freedonian President" → "Prime Minister",
    "President"; "Defense Minister" is a role: it stays."""
    tail = _tail_role(role, classes)
    if tail is None:
        return role
    words = role.split()
    head = words[: len(words) - len(tail.split())]
    qualifier = [bool(_QUALIFIER.match(w)) for w in head]
    keep = [
        w
        for i, w in enumerate(head)
        if not qualifier[i]
        # "South Freedonian": a compass word goes with the demonym after it
        and not (w in _COMPASS and i + 1 < len(head) and qualifier[i + 1])
    ]
    return " ".join([*keep, tail])


#: A word, with an inner apostrophe ("O'Neill") but not a possessive ("Ruiz's" is "Ruiz").
_WORDS = regexes.compile(r"[^\W\d_][\w-]*(?:['’][^\W\d_s][\w-]*)?")


class _WordCounts:
    """Counts of some words, and of the pairs of neighbouring words that start with one of
    them: the same counts as cutting the whole corpus into words (`_WORDS.findall`), made
    without cutting it.

    Choosing a short name and the principal needs "how often does X occur alone"; one
    pass over the corpus answers it for every person, instead of a regex scan per name.
    Only the words of the people's names are ever asked about, and every pair asked about
    starts with one, so only those are counted, where a scan for the words themselves
    finds them. Cutting a 10 MB corpus into its two million words took as long (0.4 s)
    and held 64 MB more at once: too much beside the feeds, which are written while the
    cast is found (`parallel.Prelude`).
    """

    def __init__(self, corpus: str, words: set[str]) -> None:
        self.single: Counter[str] = Counter()
        self.pairs: Counter[tuple[str, str]] = Counter()
        # Only a word's shape is ever cut out; each begins with a letter, so every place
        # the scan stops at is in a word cut there or before (and no text is cut twice).
        words = {w for w in words if _WORDS.fullmatch(w)}
        if not words:
            return
        # the document's name words: not kept (`regexes`)
        seen = re.compile(regexes.alternation(words))
        cut = _Cut(corpus)
        pos = 0
        while (m := seen.search(corpus, pos)) is not None:
            word = cut.word_at(m.start())
            if word is None:
                pos = m.start() + 1
                continue
            pos = word.end()
            if word.group() in words:
                self.single[word.group()] += 1
                after = _WORDS.search(corpus, word.end())
                if after is not None:
                    self.pairs[(word.group(), after.group())] += 1

    def alone(self, word: str, *, after: str | None = None, before: str | None = None) -> int:
        """Occurrences of `word` not right after `after` / not right before `before`."""
        count = self.single[word]
        if after is not None:
            count -= self.pairs[(after, word)]
        if before is not None:
            count -= self.pairs[(word, before)]
        return count


class _Cut:
    """Where `_WORDS.findall` would cut a text into words, found only around the places
    asked about, in increasing order, each character looked at a bounded number of times.

    A word never spans a character other than a word character, a hyphen or an apostrophe,
    so cutting may start again just after one (or at the end of a word already cut).
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._last: re.Match[str] | None = None  # the last word cut, the farthest one

    def word_at(self, pos: int) -> re.Match[str] | None:
        """The word that begins at `pos`, if one does (not one that only covers it)."""
        last, text = self._last, self._text
        if last is not None and pos < last.end():
            return last if last.start() == pos else None
        start = pos
        floor = last.end() if last is not None else 0
        while start > floor and (text[start - 1].isalnum() or text[start - 1] in "_-'’"):
            start -= 1
        for word in _WORDS.finditer(text, start):
            self._last = word
            if word.end() > pos:
                return word if word.start() == pos else None
        return None


def cast_of(texts: Iterable[str], is_place: Callable[[str], bool] | None = None) -> Cast:
    """People with roles found in `texts`, and the principal (the most-named of them).

    Most newsrooms title a name with its role ("President Ana Costa"). The text may also
    write roles in lower case ("the president, Ana Costa", "Avalon prime minister Rui
    Sato") or name people with no role at all ("Ana Costa landed … Costa said"): when the
    titles settle the principal, these are read only in the first pages, where a story
    introduces its people, so that a long archive costs little more. `is_place` tells a
    place's name ("Northern Avalon") from a person's when only the names are to go by.
    """
    pattern, classes = _role_pattern()
    texts = list(texts)
    corpus = "\n".join(texts)
    seen, words = _titled(corpus, pattern, classes)
    subject = _visit_subject(texts, seen, words, classes, is_place or (lambda _: False))
    if subject is not None:
        return _cast(corpus, seen, words, classes, subject)
    cast = _cast(corpus, seen, words, classes)
    if cast.principal is None:
        for found in _lower_case_roles(corpus, classes):
            _keep(*found, classes, seen, words)
        cast = _cast(corpus, seen, words, classes)
    elif extra := _lower_case_roles(corpus[:_INTRODUCED_WITHIN], classes):
        # whom she meets, introduced in lower case ("Avalon's leader, Rui Sato"), where a
        # story introduces its people: its first pages, not all of a years-long archive
        for found in extra:
            _keep(*found, classes, seen, words)
        cast = _cast(corpus, seen, words, classes, cast.principal.name)
    return _untitled_principal(corpus, seen, words, classes, is_place, cast)


def _untitled_principal(
    corpus: str,
    seen: dict[str, str],
    words: set[str],
    classes: dict[str, str],
    is_place: Callable[[str], bool] | None,
    cast: Cast,
) -> Cast:
    """`cast`, the people of `seen`, unless someone named with no role at all ("Ana Costa
    lands", "Costa said") is named more than its principal, or it has none: then with
    them, the most-named the principal. Some newsrooms give no title to whom a story
    follows, only to whom they meet ("the Avalon president, Rui Sato"). Otherwise names
    with no role are left out: whom two capitalised words name is less sure than a title.

    With a principal, they are looked for where a story introduces its people, and
    weighed there first: the whole text is counted again only when one of them may win.
    """
    long = cast.principal is not None and len(corpus) > _INTRODUCED_WITHIN
    scope = corpus[:_INTRODUCED_WITHIN] if long else corpus
    more, also = dict(seen), set(words)
    for name in _untitled(scope, is_place or (lambda _: False)):
        _keep(name, "", classes, more, also)
    added = {name for name in more if name not in seen}
    if not added:
        return cast
    among = None if cast.principal is None else {cast.principal.name, *added}
    if long:
        trial = _cast(scope, more, also, classes, among=among)
        if trial.principal is None or trial.principal.name not in added:
            return cast
    weighed = _cast(corpus, more, also, classes, among=among)
    if weighed.principal is None or weighed.principal.name in added:
        return weighed
    return cast


#: How far into its texts the cast looks for people a role in lower case introduces, when
#: the titles have settled whom they are about.
_INTRODUCED_WITHIN = 100_000


def _titled(
    corpus: str, pattern: re.Pattern[str], classes: dict[str, str]
) -> tuple[dict[str, str], set[str]]:
    """The names the corpus gives with a title or an apposition (name → role as written),
    and every word of them."""
    seen: dict[str, str] = {}  # name → role
    tried: set[str] = set()  # a name met again is decided: kept the first time, or never
    words: set[str] = set()  # every word of the names kept
    headlines: list[tuple[str, str]] = []  # found in a title-case line: weighed last
    lines: dict[int, bool] = {}  # a line's start → whether it is title case
    for pos, role, written in _named_with_roles(corpus, pattern, classes):
        if written in tried:
            continue
        if _in_title_case_line(corpus, pos, lines):
            headlines.append((role, written))
            continue
        tried.add(written)
        _keep(written, role, classes, seen, words)
    for role, written in headlines:
        # only the role itself: a headline capitalises the words before it whatever they are
        role, written = _tail_role(role, classes) or role, _headline_name(written)
        if written and written not in tried:
            tried.add(written)
            _keep(written, role, classes, seen, words)
    return seen, words


def _cast(
    corpus: str,
    seen: dict[str, str],
    words: set[str],
    classes: dict[str, str],
    subject: str | None = None,
    among: set[str] | None = None,
) -> Cast:
    """The people of `seen` (name → role as written), with the names the corpus uses for
    them, and as the principal the `subject` the document says it is about, or else the
    most-named (of `among`, when given) when named at least three times."""
    roles = {name: _bare_role(role, classes) for name, role in seen.items()}
    # "the King", "King and Queen land": a one-word title one person holds is that person
    titles = _sole_titles(list(roles.values()))
    counts = _WordCounts(corpus, words | titles)
    people = tuple(
        Person(
            name=name,
            role=roles[name],
            role_class=_role_class(role, classes),
            short=_short_name(name, counts),
        )
        for name, role in seen.items()
    )
    named = Counter(
        {
            p.name: _occurrences(p.short, counts)
            + (_title_alone(p.role, counts) if p.role in titles else 0)
            for p in people
            if among is None or p.name in among
        }
    )
    principal = None
    if subject is not None:
        principal = next(p for p in people if p.name == subject)
    elif named:
        top = named.most_common(1)[0]
        principal = next(p for p in people if p.name == top[0]) if top[1] >= 3 else None
    return Cast(people=people, principal=principal)


#: Whom a document says it is about, in its first lines: "The state visit of Ana Costa
#: to Avalon", "2031 state visit by Ana Costa", "Ana Costa's visit to Avalon".
_RUN = rf"{_NAME_WORD}(?:[^\S\n]+(?:{_PARTICLE}){{0,2}}{_NAME_WORD}){{0,5}}"  # with its titles
_VISIT_OF = regexes.compile(
    rf"\b(?:visit|trip|tour|journey)[^\S\n]+(?:of|by)[^\S\n]+(?P<of>{_RUN})|"
    rf"(?<!and )(?P<own>{_RUN})['’]s?[^\S\n]+(?:[\w-]+[^\S\n]+){{0,3}}?"
    r"(?:visit|trip|tour|journey)\b"
)


def _visit_subject(
    texts: list[str],
    seen: dict[str, str],
    words: set[str],
    classes: dict[str, str],
    is_place: Callable[[str], bool],
) -> str | None:
    """The name, as `seen` keeps it, of whom the opening of a text says the visit is
    ("The state visit of Emmanuel Sato to …"), adding it to `seen` without a role when the
    text gives it none; None when no opening says. It outweighs how often others are
    named: an article about a state visit names its host's title ("the King") as often."""
    for text in texts:
        m = _VISIT_OF.search(text, 0, 300)
        if m is None:
            continue
        parts = re.sub(r"['’]s$", "", m["of"] or m["own"]).split()
        for name in seen:  # "President of Avalon Rui Sato’s visit": "Rui Sato"
            if name.split() == parts[-len(name.split()) :] or parts == name.split()[-1:]:
                return name
        parts = _past_titles(parts)  # "The", "President"
        name = " ".join(parts)
        if 2 <= len(parts) <= 4 and not is_place(name) and not is_place(parts[-1]):
            _keep(name, "", classes, seen, words)
            return name if name in seen else None
    return None


def _lower_case_roles(corpus: str, classes: dict[str, str]) -> list[tuple[str, str]]:
    """(name, role) where a role in lower case comes right before a full name, or a role
    before a comma and a full name: "Avalon prime minister Rui Sato", "the president, Ana
    Costa,", "the Taoiseach, Rui Sato". Not in a headline (`_titled` reads those). The
    name must have two words at least, the first no day, month or small word: "the
    president Monday" names no one."""
    found = []
    lines: dict[int, bool] = {}
    for m in _lower_case_role_pattern(tuple(classes)).finditer(corpus):
        if m["role"][0].isupper() and not m["comma"]:
            continue  # "Prime Minister Rui Sato": a title, read as one already
        words = m["name"].split()
        if len(words) < 2 or words[0].lower() in _NO_NAME_WORDS:
            continue
        if _in_title_case_line(corpus, m.start(), lines):
            continue
        role = " ".join(w if w == "of" else w.capitalize() for w in m["role"].split())
        found.append((m["name"], role))
    return found


@cache
def _lower_case_role_pattern(roles: tuple[str, ...]) -> re.Pattern[str]:
    gap = r"[^\S\n]+"  # never across a line
    alternation = "|".join(gap.join(r.split()) for r in sorted(roles, key=len, reverse=True))
    return regexes.compile(
        rf"(?<![\w-])(?P<role>(?i:{alternation}))(?P<comma>,)?{gap}(?P<name>{_NAME})"
    )


#: A run of capitalised words on one line, which may hold a full name ("US President Ana
#: Costa").
_CAPITALISED = regexes.compile(rf"(?<![\w'’.-]){_NAME_WORD}(?:[^\S\n]+{_NAME_WORD}){{1,4}}\b")


def _past_titles(words: list[str]) -> list[str]:
    """A run of capitalised words less the small words and titles it opens with: what
    may be a name."""
    start = 0
    while start < len(words) and (
        words[start].lower() in _FUNCTION_WORDS or words[start].lower() in _ROLE_WORDS()
    ):
        start += 1
    return words[start:]


def _untitled(corpus: str, is_place: Callable[[str], bool]) -> list[str]:
    """Full names given with no role ("Ana Costa landed …"), in text order: two or three
    capitalised words, out of a headline, that are no place, whose last word the text also
    uses alone at least twice ("Costa said"), as it does a person's surname. Small words
    and roles before it are no part of it ("Then Ana Costa"), days and months never are
    ("Monday Ana Costa"), and "Costa's" is "Costa"."""
    candidates: dict[str, None] = {}
    lines: dict[int, bool] = {}
    for m in _CAPITALISED.finditer(corpus):
        parts = re.sub(r"['’]s$", "", m.group()).split()
        parts = _past_titles(parts)  # "Then Ana Costa", "US President Ana Costa"
        if not 2 <= len(parts) <= 3 or any(w.lower() in _NO_NAME_WORDS for w in parts):
            continue
        if " ".join(parts) not in candidates and not _in_title_case_line(corpus, m.start(), lines):
            candidates[" ".join(parts)] = None
    if not candidates:
        return []
    candidates = {
        name: None
        for name in candidates
        if not _ROLE_WORDS().intersection(name.lower().split())  # "Avalonian President"
        and _CARRIER().fullmatch(name) is None  # a carrier's name: "Avalon One"
    }
    lasts = {name.split()[-1] for name in candidates}
    counts = _WordCounts(corpus, lasts | {w for name in candidates for w in name.split()})
    return [
        name
        for name in candidates
        if counts.alone(name.split()[-1], after=name.split()[-2]) >= 2
        and not is_place(name)
        and not is_place(name.split()[-1])
    ]


#: Small words, and days and months written in full: no part of a name ("May" can be).
_NO_NAME_WORDS = _FUNCTION_WORDS | frozenset(w for w in (*MONTHS, *WEEKDAYS) if len(w) > 3)


def _named_with_roles(
    corpus: str, pattern: re.Pattern[str], classes: dict[str, str]
) -> list[tuple[int, str, str]]:
    """(where, role, name as written) for every role the corpus gives a name, in text order:
    "President Ana Costa", "ANA COSTA" after a role in capitals, "Ana Costa, the
    president of Freedonia,"."""
    found = [
        (m.start(), m["role"] or m["role2"], m["name"] or m["name2"] or m["name3"])
        for m in pattern.finditer(corpus)
    ]
    for m in _appositive_pattern(classes).finditer(corpus):
        name = _name_before(corpus, m.start())
        if name is not None:
            role = " ".join(w if w == "of" else w.capitalize() for w in m["role"].split())
            found.append((m.start() - len(name), role, name))
    found.sort(key=lambda item: item[0])
    return found


def _keep(
    written: str, role: str, classes: dict[str, str], seen: dict[str, str], words: set[str]
) -> None:
    """Keep a name found with its role, unless it is none or a person kept already."""
    name = re.sub(r"['’]s$", "", written.strip())
    if not name or name.split()[0].lower() in classes or name.split()[-1].lower() in _GATHERINGS:
        return  # "the Avalon CEO Summit" names no CEO
    if name.split()[-1] in words:  # its last word is a word of a name kept: the same person
        return
    seen[name] = role
    words.update(name.split())


#: What a role word may head that is no person: "CEO Summit", "Ministers' Forum".
_GATHERINGS = frozenset(
    """summit forum conference council committee meeting meetings dinner lunch luncheon
    banquet ceremony roundtable dialogue talks group association office""".split()
)


def _in_title_case_line(corpus: str, pos: int, lines: dict[int, bool]) -> bool:
    """Whether `pos` is in a line that capitalises every word, as headlines do ("Costa
    Meets Emperor Rui Sato"); each line is judged once, in `lines`."""
    start = corpus.rfind("\n", 0, pos) + 1
    title = lines.get(start)
    if title is None:
        end = corpus.find("\n", pos)
        title = lines[start] = title_case(corpus[start : end if end >= 0 else len(corpus)])
    return title


def _headline_name(written: str) -> str:
    """A name as a title-case line gives it, up to the first word that cannot be part of
    it: a small word, a time, or a verb ("Rui Sato Later", "Rui Sato Welcomes Costa",
    "Ana Costa Says")."""
    words = written.split()
    for i, word in enumerate(words):
        if i and (word.lower() in _NOT_IN_A_NAME or is_headline_verb(word)):
            return " ".join(words[:i])
    return written


#: Words a title-case line capitalises after a name that are no part of it.
_NOT_IN_A_NAME = _FUNCTION_WORDS | frozenset(
    "today tonight tomorrow yesterday now again will would to is are was were has have".split()
)
#: Verbs headlines put next to names that tell no happening of their own.
_HEADLINE_VERBS = frozenset(
    """welcomes welcomed greets greeted hosts hosted receives received joins joined hails
    hailed escorts escorted invites invited""".split()
)


def is_headline_verb(word: str) -> bool:
    """Whether a word capitalised in a title-case line is a verb, not part of a name
    ("Costa Departs Avalon", "Rui Sato Says"): one that begins a happening or a report in
    `data/happenings.yaml`, matched in full ("Metcalfe" is no "met"), or a greeting."""
    return word.lower() in _HEADLINE_VERBS or _HEADLINE_VERB().fullmatch(word) is not None


@cache
def _HEADLINE_VERB() -> re.Pattern[str]:
    vocab = vocabulary()
    verbs = [t for spec in vocab["kinds"].values() for t in spec.get("triggers", ())]
    verbs += vocab["reporting"]
    return regexes.compile(r"(?i:" + "|".join(f"(?:{v})" for v in verbs) + r")")


def _occurrences(short: str, counts: _WordCounts) -> int:
    """How often the text uses a person's short name (a one- or several-word name)."""
    words = short.split()
    if len(words) == 1:
        return counts.single[short]
    return min(counts.pairs[pair] for pair in pairwise(words))


def _title_alone(title: str, counts: _WordCounts) -> int:
    """How often the text uses a title without a name after it ("the King said", not
    "King Charles"): each such use names the one person who holds it."""
    named = sum(
        n for (word, after), n in counts.pairs.items() if word == title and after[0].isupper()
    )
    return counts.single[title] - named


def _short_name(name: str, counts: _WordCounts) -> str:
    """The name people use: the surname when the text uses it alone, else the full name."""
    words = name.split()
    if len(words) == 1:
        return name
    # "von der Sato", "bin Sato": a surname that begins with a particle keeps it
    particle = next((i for i, w in enumerate(words) if i and w in PARTICLES), None)
    if particle is not None:
        surname = " ".join(words[particle:])
        given = counts.pairs[(words[particle - 1], words[particle])]
        if _occurrences(surname, counts) - given >= 2:
            return surname
    last, first = words[-1], words[0]
    if counts.alone(last, after=words[-2]) >= 2:
        return last
    if counts.alone(first, before=words[1]) >= 2:
        return first
    for before, word, after in zip(words, words[1:-1], words[2:], strict=False):
        # "Costa" of "Ana Maria Costa da Sato"
        inside = max(counts.pairs[(before, word)], counts.pairs[(word, after)])
        if word not in PARTICLES and counts.single[word] - inside >= 2:
            return word
    return name
