"""Per sentence: who does what, when, where, and whether it happened, is planned or was called off.

Rules about English news language only (the trigger phrases and cues live in
`data/happenings.yaml`): a happening counts when the principal (or a pronoun or role that
stands for them) is the first actor named in the sentence, or is whom that actor hosts or
acts with ("Sato hosts Costa", "Sato and Costa met"), the trigger is not inside a
quotation, not reported speech, not hypothetical and not negated. Everything else —
quotes, reactions, background, menus, anecdotes — is commentary and yields nothing.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import cache, cached_property, lru_cache

from exporter import lexicon as lx
from exporter import regexes, zones
from exporter.model import Evidence, Place, Status
from exporter.understand import timex
from exporter.understand.people import Cast, Person, carriers, vocabulary
from exporter.understand.place_phrases import NAME_PARTICLES
from exporter.understand.places import SPECIFICITY, Gazetteer, PlaceMention, most_specific

#: Kinds that only tell where the principal is; they help other mentions but make no event.
PRESENCE = "presence"
#: The most of a sentence read at once (`split_sentences`'s `longest`). The rules look at
#: the whole sentence for each trigger in it; news sentences stay under a few hundred
#: characters, and text that runs on for thousands without a full stop is read in pieces
#: so that its cost grows with its length, not with the square of it.
LONGEST_SENTENCE = 1_000

#: Subjects that are the principal and one other: "the two leaders", "both heads of state".
_PAIRS = (
    r"the\s+two(?:\s+leaders|\s+men|\s+women|\s+of\s+them|\s+heads\s+of\s+state)?|"
    r"the\s+leaders|both\s+(?:leaders|heads\s+of\s+state)|the\s+heads\s+of\s+state|the\s+pair"
)
#: "The royal couple", "the imperial couples": the principal and her spouse, or with hosts.
_COUPLES = r"(?:the\s+)?(?:royal|imperial|presidential)\s+couples?"
_PRONOUNS = (
    rf"he|she|they|{_PAIRS}|"
    rf"{_COUPLES}|the\s+couple|the\s+royals|"
    r"the\s+(?:[\w.]+\s+)?(?:president|prime\s+minister|chancellor|premier|king|queen|emperor|pope)"
)


@cache
def _pronoun_subject() -> re.Pattern[str]:
    """A subject that stands for whoever the update is about: a pronoun, "the two
    leaders", or what carries them ("her plane", `carriers` in the vocabulary)."""
    return regexes.compile(
        r"^(?:(?:and|but|then|later|earlier|meanwhile|afterwards|after\s+that"
        r"|before\s+(?:that|then|this)),?\s+)?"
        rf"(?:{_PRONOUNS}|{carriers()})\b",
        re.IGNORECASE,
    )


#: "The king", "The U.S. president", or a headline's "King" as the subject. A name after
#: it ("King Ana") makes its bearer a second holder of the role: `Cast.by_role` gives none.
_ROLE_SUBJECT = regexes.compile(
    r"^(?:(?:and|but|then|later|earlier|meanwhile),?\s+)?(?:the\s+(?:[\w.]+\s+)?)?"
    r"(?P<role>president|prime\s+minister|chancellor|premier|king|queen|emperor|empress|pope)\b",
    re.IGNORECASE,
)
_PRESENCE = regexes.compile(
    r"(?:(?<=\w)['’]s|\b(?:is|are|was|were|remains?))\s+(?:now\s+|still\s+)?(?:at|in|aboard|inside)\s",
    re.I,
)
_QUOTES = regexes.compile(r"[\"“”]")
_CLAUSE_BREAK = regexes.compile(r"[,;:]|\s(?:and|but|while|as|after|before|where|which|who)\s")
_NP_STOP = regexes.compile(
    r"[,;:!?()\"“”]|(?<![A-Z])\.|\s(?:at|in|on|outside|inside|near|beside|behind|during|before|after|alongside|for|to|from|when|where|while|"
    r"and\s+(?:then|later)|who|which|as|since|until|amid|with\s+(?:his|her|their))\s|"
    r"\sand\s+(?=[a-z])"  # "meet party leaders and deliver a speech": a name goes on capitalised
)
#: Words that cannot open the name of whom someone meets ("met three times", "meeting is").
_NOT_A_PARTY = frozenset(
    """
    is are was were be been has have had will would can could should may might must of to
    for that this these those it its again once twice one two three four five several many
    each both some any no not up
    """.split()
)
#: Happenings whose report is the moment itself, told as it happens, and that last no
#: time worth a calendar's telling.
JOURNEYS = frozenset({"arrival", "departure"})
#: A lowercase word of a verb's past form, which opens no name: "followed", "held".
_PARTICIPLE = regexes.compile(r"[a-z]+ed")
#: Kinds whose trigger, a noun, can be the subject of a sentence that names no one, or
#: the whole of a schedule's item ("State banquet at the palace").
NOUN_KINDS = frozenset({"summit", "meal", "ceremony", "meeting", "press"})
#: What may come before such a subject: an article or possessive, and a few modifiers
#: ("The state banquet", "Their working lunch", "Summit talks").
_DETERMINER = r"(?:(?:the|a|an|their|his|her|its)\s+)?"
_SUBJECT_NOUN = regexes.compile(rf"{_DETERMINER}(?:[\w-]+\s+){{0,3}}", re.I)
#: The subject a happening's noun is, up to the one it is with: "Talks with ", "The
#: working lunch with Prime Minister " (`_SUBJECT_NOUN` then tells the noun a trigger).
_NOUN_WITH = regexes.compile(
    rf"^{_DETERMINER}(?:[\w-]+\s+){{1,4}}with\s+(?:[\w.]+\s+){{0,3}}$", re.I
)
#: "After", "upon" or "on" right before a trigger ("After landing at …", "upon arriving"):
#: what was done before the main clause.
_AFTER_DOING = regexes.compile(r"\b(?:after|upon|on)\s+$", re.I)
#: A summit named as the setting of what is told: "at the Avalon Business …", "during the
#: …", "on the sidelines of the annual …", "addressed the Avalon CEO …", "the capital
#: hosting the …" (not "at the palace before a summit with …").
_SETTING = regexes.compile(
    r"\b(?:at|during|of|amid|address(?:es|ed|ing)?|hosting"
    r"|(?:which|that)\s+(?:hosts|hosted|will\s+host|is\s+hosting))\s+the\s+"
    r"(?:(?!(?:a|an|before|after|ahead|with|and|or|to|for|from|in|on|by)\s)[\w.&'’-]+\s+){0,4}$",
    re.I,
)
_LEADING_WITH = regexes.compile(r"^(?:with|alongside|by)\s+", re.I)
#: What follows a trigger: "meeting with" (a happening), "signed by" (a thing done before).
_WITH = regexes.compile(r"\s+with\b")
_BY = regexes.compile(r"\s+by\b")
#: Before a meeting that is one: "held a private meeting", "travelled … for a meeting".
#: Or a verb, the two of them "are meeting at the palace".
_HELD_A = regexes.compile(
    r"\b(?:(?:for|held|had|hold|holds|holding)\s+an?\s+(?:[\w-]+\s+)?|(?:is|are|was|were)\s+)\Z",
    re.I,
)
#: Before "meeting" that is a verb's "-ing", doing it: "before (after, while, on) meeting".
_GERUND_OF = regexes.compile(r"\b(?:before|after|while|on|upon|by|then)\s+\Z", re.I)
#: A happening named as the purpose of the journey before it: "arrived at the palace for
#: an audience with …", "headed to the guest house for talks with …".
_FOR_PURPOSE = regexes.compile(
    r"\bfor\s+(?:(?:a|an|the|his|her|their)\s+)?(?:[\w-]+\s+){0,2}$", re.I
)
#: Kinds of place one is in rather than at: a happening there may be anywhere in them.
BROAD = ("city", "region", "country")
#: Kinds that are all talks between parties (one meeting may be reported as either).
TALKS = frozenset({"meeting", "summit"})
#: The kinds that can be such a purpose.
_PURPOSES = frozenset(TALKS | {"meal", "ceremony", "signing"})
#: Before the place a journey named as a noun went to: "ending her visit to Avalon" tells
#: where she was, not where a departure leads.
_TRIP_TO = regexes.compile(r"\b(?:visit|trip|tour|journey|stay|voyage)\s+to\s+$", re.I)


@dataclass(frozen=True)
class Mention:
    """One happening named in one sentence, with everything the sentence says about it."""

    kind: str
    status: Status
    evidence: Evidence
    start: datetime | date | None
    end: datetime | date | None
    #: 3: a clock time in the sentence; 2: the update's own stamp (present tense); 1: a part
    #: of day or a date; 0: only "before the stamp" (past tense without a time).
    precision: int
    approximate: bool
    place: Place | None
    destination: Place | None
    counterpart: str | None
    counterpart_class: str | None
    subject: str | None
    #: The date was written in this very sentence (articles), not inherited from earlier ones.
    explicit: bool
    #: A range of whole days ("from October 27 to 29"), for the span of a visit.
    days: tuple[date, date] | None = None
    #: It tells only when the happening ended (`end`): "the talks … ended at 12.40pm".
    ends: bool = False

    @cached_property
    def day(self) -> date | None:
        """The day it happens; an untimed report counts on the day it was written (kept
        once asked: clustering asks it of every mention for every candidate)."""
        if isinstance(self.start, datetime):
            return self.start.date()
        if self.start is None and isinstance(self.end, datetime):
            return self.end.date()  # the day it ended, as it was told
        if self.start is None and self.evidence.written is not None:
            return self.evidence.written.date()
        return self.start


@dataclass(frozen=True)
class Context:
    """What a sentence is read against: the cast, the gazetteer, and places seen so far."""

    cast: Cast
    gazetteer: Gazetteer
    default_minutes: dict[str, int]
    _places: dict[str, list[PlaceMention]] = field(default_factory=dict, repr=False)

    def places_in(self, text: str) -> list[PlaceMention]:
        """The gazetteer's mentions in `text`, found once however often a sentence is asked."""
        found = self._places.get(text)
        if found is None:
            if len(self._places) > 4096:
                self._places.clear()
            found = self._places[text] = self.gazetteer.find(text)
        return found


def prepare() -> None:
    """Compile the cue and trigger tables now rather than at the first sentence."""
    _cues(folded=True)
    _folded_table()
    _pronoun_subject()


@cache
def _cues(folded: bool) -> dict[str, re.Pattern[str]]:
    """The cue words of reported speech, plans, cancellations, negation and hypotheses:
    for lower-cased text (`_lowered`), case-sensitive, as the triggers are read, or for
    text as written."""
    vocab = vocabulary()
    return {
        name: regexes.compile(
            r"(?<![\w'’])(?:" + "|".join(vocab[name]) + r")(?![\w])",
            0 if folded else re.IGNORECASE,
        )
        for name in ("reporting", "planned", "cancelled", "negated", "hypothetical")
    }


def _lowered(sentence: str) -> str | None:
    """`sentence` lower-cased, where that keeps every offset and reads every letter as
    `re.IGNORECASE` does (not with "İ", "ı" or "ſ"): what almost every sentence takes,
    and `re` matches a case-sensitive alternation several times faster."""
    text = sentence.lower()
    if len(text) == len(sentence) and (sentence.isascii() or _FOLDS_APART.isdisjoint(sentence)):
        return text
    return None


@dataclass(frozen=True)
class _TriggerTable:
    """Each kind's trigger pattern, the presence cue, and one zero-width pattern that stops
    wherever any of them starts: one scan of a sentence finds every place worth trying.

    Every trigger and the cue begin at a word boundary (a contraction's "'s" follows a
    word) with a word character or an apostrophe (a test checks every one), so the scan
    tries the long alternation only where both hold: at the start of a word or of "'s",
    not at the end of every word too. 4× faster than trying it at every character, and
    then a third faster again.
    """

    kinds: dict[str, re.Pattern[str]]
    presence: re.Pattern[str]
    starts: re.Pattern[str]


@cache
def _trigger_sources() -> tuple[dict[str, str], str]:
    """Each kind's trigger alternation, and every trigger and the presence cue in one.

    In the one, the triggers are not grouped by kind behind a word boundary each: the
    scan asks for the boundary first, and one flat alternation lets `re` pass over the
    triggers that cannot start with the letter at hand (a third faster).
    """
    kinds = vocabulary()["kinds"]
    sources = {kind: r"\b(?:" + "|".join(spec["triggers"]) + ")" for kind, spec in kinds.items()}
    triggers = [trigger for spec in kinds.values() for trigger in spec["triggers"]]
    return sources, "|".join([*triggers, _PRESENCE.pattern])


def _table(flags: int) -> _TriggerTable:
    sources, every = _trigger_sources()
    return _TriggerTable(
        kinds={kind: regexes.compile(source, flags) for kind, source in sources.items()},
        presence=regexes.compile(_PRESENCE.pattern, flags),
        starts=regexes.compile(rf"(?=[\w'’])\b(?={every})", flags),
    )


@cache
def _folded_table() -> _TriggerTable:
    """For lower-cased text, case-sensitive: what almost every sentence takes.

    `re` matches case-insensitive alternations several times slower than plain ones, and
    lower-casing keeps every offset but where a letter's lower case is longer ("İ"). The
    trigger sources are lower case (a test checks it), so both tables find the same spans.
    """
    return _table(0)


@cache
def _cased_table() -> _TriggerTable:
    """For text as written, case-insensitive: compiled only for a sentence lower-casing
    would change otherwise than `re.IGNORECASE` reads it (`_FOLDS_APART`, "İ")."""
    return _table(re.IGNORECASE)


#: Letters `re.IGNORECASE` takes for "i" and "s" that lower-casing keeps apart ("ı", "ſ"):
#: a test checks every character for others.
_FOLDS_APART = frozenset("\u0131\u017f")


Span = tuple[int, int]


@dataclass(frozen=True)
class Triggers:
    """What one scan of a sentence found: each kind's trigger matches, in the order of the
    vocabulary, and the first presence cue ("is now at"), if any."""

    kinds: tuple[tuple[str, tuple[Span, ...]], ...]
    presence: Span | None

    def __bool__(self) -> bool:
        return bool(self.kinds) or self.presence is not None


@lru_cache(maxsize=256)
def triggers_in(sentence: str) -> Triggers:
    """Exactly what each kind's own pattern's `finditer` (and the presence cue's `search`)
    would give, from one scan for the places where any of them starts.

    Cached for the calls that follow: the gate asks first, then `mentions_in`.
    """
    lowered = _lowered(sentence)
    text, table = (sentence, _cased_table()) if lowered is None else (lowered, _folded_table())
    starts = [m.start() for m in table.starts.finditer(text)]
    kinds = []
    for kind, pattern in table.kinds.items():
        spans, free = [], 0
        for start in starts:
            if start >= free and (m := pattern.match(text, start)):
                spans.append(m.span())
                free = m.end()
        if spans:
            kinds.append((kind, tuple(spans)))
    presence = next((m.span() for s in starts if (m := table.presence.match(text, s))), None)
    return Triggers(tuple(kinds), presence)


def may_tell_a_happening(sentence: str) -> bool:
    """False when no trigger phrase or presence cue occurs, nor a happening told before as
    the subject ("The talks lasted about 30 minutes", `retold`): nothing to extract, skip
    the work."""
    return bool(triggers_in(sentence)) or opens_with_a_happening(sentence)


def opens_with_a_pair(text: str) -> bool:
    """Whether `text` opens with a pair of people as its subject ("The two leaders",
    "The royal couples"): in a story about one of them, with them."""
    return _PAIR_OPENING.match(text) is not None


_PAIR_OPENING = regexes.compile(rf"(?:{_PAIRS}|{_COUPLES})\b", re.IGNORECASE)


def opens_with_a_happening(text: str) -> bool:
    """Whether `text` opens with a happening as its subject: "The summit at the palace has
    ended", "Their talks lasted two hours"."""
    return _THE_HAPPENING.match(text) is not None


def default_minutes() -> dict[str, int]:
    return {kind: spec.get("default_minutes", 30) for kind, spec in vocabulary()["kinds"].items()}


@cache
def usual_starts() -> dict[str, tuple[int, int]]:
    """When a happening named by a word usually starts ("lunch": 12:30), as (hour, minute)."""
    return {
        word: (int(hhmm[:2]), int(hhmm[3:]))
        for spec in vocabulary()["kinds"].values()
        for word, hhmm in spec.get("usual_start", {}).items()
    }


def _inside_quotes(sentence: str, pos: int) -> bool:
    """True after an odd number of quotation marks: counted in the sentence's list of them
    (made once), not by scanning everything before `pos` for every place and trigger,
    which is quadratic in a long sentence."""
    return bisect.bisect_left(_quote_positions(sentence), pos) % 2 == 1


@lru_cache(maxsize=256)
def _quote_positions(sentence: str) -> tuple[int, ...]:
    return tuple(m.start() for m in _QUOTES.finditer(sentence))


def _is_noun(sentence: str, pos: int, trigger: str) -> bool:
    """A trigger right after a possessive or article is a noun ("his visit", "the visit"),
    also with a compound before it ("a five-nation Asia tour", "her three-day state
    visit") or a name ("his Middle East tour"); not "the two leaders visit", nor a verb in
    the past ("The King toured …")."""
    if trigger.endswith("ed"):
        return False
    return _NOUN_BEFORE.search(sentence, max(0, pos - 80), pos) is not None


_NOUN_BEFORE = regexes.compile(
    r"(?:['’]s|\b(?:his|her|their|its|the|a|an|this|that))\s+"
    r"(?:\w+\s+|(?-i:[A-Z][\w.]*\s+){2,3}|(?:[\w.]+\s+)?\w+(?:-\w+)+\s+(?:[\w.]+\s+)?)?$",
    re.I,
)


def _first_actor(
    sentence: str, cast: Cast, tags: list[timex.Timex] = ()
) -> tuple[int, Person | None, bool]:
    """Position and person of the first actor, and whether it is a pronoun/role subject.

    A role the cast gives one person stands for that person ("The king arrived", or
    "King arrives" in a headline), whatever the update named before. The subject may
    follow a time the sentence opens with ("Tomorrow he will meet …", "On Friday, the
    king …"): `tags` tell where that ends."""
    at = _subject_start(sentence, tags)
    subject = sentence[at:] if at else sentence
    if m := _ROLE_SUBJECT.match(subject):
        person = cast.by_role(m["role"])
        if person is not None:
            return at, person, False
    if _pronoun_subject().match(subject):
        return at, None, True
    opener = _PHRASE_OPENING.match(sentence, at)
    if opener is not None and _pronoun_subject().match(sentence[opener.end() :]):
        # "After concluding her engagements in Zenda, she …": not whom the phrase names
        return opener.end(), None, True
    for pos, person in cast.find(sentence):
        if pos >= at:  # not one an opening phrase names ("Accompanied by the Queen, …")
            return pos, person, False
    return -1, None, False


def _clause_of_principal(sentence: str, at: int, cast: Cast, in_focus: bool) -> bool:
    """Whether the trigger at `at` is in a clause of its own, after ", and" or ";", whose
    subject is the principal: "A press conference is expected, and the president is
    scheduled to leave at 9 p.m." (her role, her name, or "she" in an update about her)."""
    joins = list(_CLAUSE_JOIN.finditer(sentence, 0, at))
    if not joins:
        return False
    clause = sentence[joins[-1].end() : at]
    pos, person, pronoun = _first_actor(clause, cast)
    return (person is not None and person == cast.principal and pos == 0) or (pronoun and in_focus)


#: Where a sentence goes on to a clause that may have its own subject.
_CLAUSE_JOIN = regexes.compile(r"(?:,\s+(?:and|but|while)|;)\s+")


def _with_principal(sentence: str, at: int, cast: Cast, in_focus: bool) -> bool:
    """Whether the actor named at `at` hosts, welcomes or meets the principal ("Sato hosts
    Costa at a dinner", "The emperor greeted her"), or does it with them ("Sato and Costa
    met"), or as they look on ("Sato and Rui sign a pact as Costa looks on"): a happening
    of the principal's."""
    host = _HOSTS.match(sentence, at) or _AND_NEXT.match(sentence, at)
    if host is not None and _principal_at(sentence, host.end(), cast, in_focus):
        return True
    if (meal := _HOSTS_A_MEAL.match(sentence, at)) is not None:
        # "the King hosted a state banquet": a state visit's is the visitor's
        honour = meal["honour"]
        return in_focus if honour is None else _principal_at(sentence, meal.end(), cast, in_focus)
    watching = _LOOKS_ON.search(sentence, at)
    return watching is not None and _principal_at(sentence, watching.start("who"), cast, in_focus)


def _principal_at(sentence: str, at: int, cast: Cast, in_focus: bool) -> bool:
    """Whether the words at `at` name the principal ("her" in an update about them)."""
    if _HOSTED_PRONOUN.match(sentence, at):
        return in_focus
    guest = _GUEST.match(sentence, at)
    if guest is None or _POSSESSIVE_IN.search(guest.group()):
        return False  # "met Costa's husband"
    found = cast.find(guest.group())
    return bool(found) and found[0][1] == cast.principal


#: The actor's name (its words, no punctuation, no "and"), and the spouse who hosts with
#: them ("Sato and his wife Mia Sato"), then a verb of hosting someone.
_ACTOR_NAME = (
    r"[^\W\d_][\w.'’-]*(?:\s+(?!and\s)[\w.'’-]+){0,4}?\s+"
    r"(?:and\s+(?:his|her)\s+(?:wife|husband|spouse)(?:,?\s+[^\W\d_][\w.'’-]*){0,3}?,?\s+)?"
)
_HOSTS = regexes.compile(
    _ACTOR_NAME
    + r"(?:host(?:s|ed|ing)?|welcom(?:es?|ed|ing)|greet(?:s|ed|ing)?|receiv(?:es?|ed|ing)"
    + r"|meet(?:s|ing)?|met)\s+",
    re.I,
)
#: The actor's name, then the hosting of a state meal, or of a meal for someone ("Sato
#: hosted a dinner in honour of …").
_HOSTS_A_MEAL = regexes.compile(
    _ACTOR_NAME + r"(?:hosts|hosted|hosting)\s+(?:a|an|the)\s+"
    r"(?:state\s+(?:banquet|dinner)\b|[^,.;]{0,40}?\b(?:banquet|dinner|lunch|luncheon|breakfast)"
    r"\s+(?P<honour>for|in\s+honou?r\s+of)\s+)",
    re.I,
)
#: A name's words, then "and" ("Rui Sato and …").
_NAME_AND = r"[^\W\d_][\w.'’-]*(?:\s+[\w.'’-]+){0,3}?\s+(?:and|&)\s+"
#: The actor's name, then "and".
_AND_NEXT = regexes.compile(_NAME_AND)
#: "as Costa looks on", "as she watched".
_LOOKS_ON = regexes.compile(
    r"\bas\s+(?P<who>[\w.'’-]+(?:\s+[\w.'’-]+){0,4}?)\s+"
    r"(?:looks?\s+on|looked\s+on|looking\s+on|watch(?:es|ed)?)\b",
    re.I,
)
_HOSTED_PRONOUN = regexes.compile(r"(?:him|her)\b(?!['’])", re.I)
_POSSESSIVE_IN = regexes.compile(r"\w['’]s?\b")
#: Whom the actor hosts: up to five words before any punctuation ("U.S. President Ana Costa").
_GUEST = regexes.compile(r"(?:[\w.'’-]+\s+){0,4}[\w'’-]+")


def _subject_start(sentence: str, tags: list[timex.Timex]) -> int:
    """Where the subject begins: past a time the sentence opens with, and its comma, or
    past a participle's phrase and its comma ("Speaking at the banquet, the King said",
    "Accompanied by the Queen, the King laid a wreath"), or past the happening it follows
    ("After the ceremony the two heads of state travelled …")."""
    for t in tags:
        if t.text and _BEFORE_OPENING_TIME.fullmatch(sentence, 0, t.span[0]):
            return _SPACE_OR_COMMA.match(sentence, t.span[1]).end()
    opener = _PARTICIPLE_OPENING.match(sentence) or _AFTER_OPENING.match(sentence)
    return opener.end() if opener else 0


#: A phrase of when a sentence opens with, up to its comma: "Following the visit, she".
_PHRASE_OPENING = regexes.compile(r"(?:after|following|before|upon|on)\s+[^,]{1,100},\s+", re.I)
#: What may come before the time a sentence opens with: "On Friday", "Early Monday".
_BEFORE_OPENING_TIME = regexes.compile(r"(?:(?:on|at|by|in|early|late)\s+)?", re.I)
_SPACE_OR_COMMA = regexes.compile(r"[\s,]*")
#: A participle's phrase a sentence opens with, up to its comma.
_PARTICIPLE_OPENING = regexes.compile(
    r"(?:(?:speaking|addressing|standing|sitting|toasting|talking|responding|replying|"
    r"walking|smiling|waving)\s|(?:accompanied|flanked|joined|escorted|watched|cheered)\s+by\s)"
    r"[^,]{1,150},\s+(?:(?:hosted|given|held|organi[sz]ed)\s+by\s[^,]{1,80},\s+)?",
    re.I,
)


def _own_clause(sentence: str, head: str, start: int, end: int) -> Span:
    """Where the trigger at `start:end` has its own clause (`head`, its words before the
    trigger, from `_clause_before`): up to the next clause break."""
    after = _CLAUSE_BREAK.search(sentence, end)
    return start - len(head), after.start() if after else len(sentence)


def _clause_before(sentence: str, pos: int) -> str:
    """The words of the trigger's own clause that come before it."""
    head = sentence[:pos]
    breaks = list(_CLAUSE_BREAK.finditer(head))
    return head[breaks[-1].end() :] if breaks else head


def _noun_phrase(text: str) -> str:
    """The phrase right after a trigger, up to the next preposition or punctuation."""
    text = _LEADING_WITH.sub("", text.strip())
    m = _NP_STOP.search(" " + text + " ")
    phrase = (" " + text + " ")[: m.start()].strip() if m else text.strip()
    return phrase


def _counterpart(
    kind: str, sentence: str, start: int, end: int, ctx: Context, tags: list[timex.Timex] = ()
) -> tuple[str | None, str | None]:
    """Whom the principal meets (or dines with): a known person's display name, or the phrase."""
    if kind not in ("meeting", "summit", "meal"):
        return None, None
    after = sentence[end:]
    if kind in ("summit", "meal"):
        # "dined with Sato": the "with" is the trigger's own
        with_ = "" if sentence[start:end].lower().endswith("with") else r"(?:with|alongside)\s+"
        m = re.match(rf"\s*{with_}(.*)", after, re.I)
        hosted = (
            re.search(r"\bhosted\s+by\s+(.*)", after, re.I) if not m and kind == "meal" else None
        )
        if hosted:
            people = [p for _, p in ctx.cast.find(_noun_phrase(hosted.group(1)))]
            if people and people[0] != ctx.cast.principal:
                return people[0].display, people[0].role_class
        if not m and kind == "meal":  # "A and B's working lunch": B shares the table
            hosts = [
                p
                for pos, p in ctx.cast.find(sentence)
                if pos < end and p != ctx.cast.principal and p.role_class in ("leader", "monarch")
            ]
            if hosts:
                return hosts[0].display, hosts[0].role_class
        if not m:
            if kind == "summit":  # "the summit between A and B": the other leader named
                leaders = [
                    p
                    for _, p in ctx.cast.find(sentence)
                    if p != ctx.cast.principal and p.role_class == "leader"
                ]
                if leaders:
                    return leaders[0].display, leaders[0].role_class
            return None, None
        after = m.group(1)
    cut = min((t.span[0] for t in tags if t.span[0] >= end), default=None)
    if cut is not None:
        after = after[: cut - end]
    phrase = _noun_phrase(after)
    principal = ctx.cast.principal
    by_role = ctx.cast.by_role(phrase) or _named_in_apposition(after, phrase, ctx.cast)
    if by_role is not None and by_role != principal:
        return by_role.display, by_role.role_class
    people = [p for _, p in ctx.cast.find(phrase)]
    others = [p for p in people if p != principal]
    if others:
        return others[0].display, others[0].role_class
    if principal and principal in people:
        # "Upon sitting down with Ruiz, Marchal …": the other party is elsewhere in the sentence.
        rest = [p for _, p in ctx.cast.find(sentence) if p != principal]
        if rest:
            return rest[0].display, rest[0].role_class
        return None, None
    phrase = re.sub(r"^(?:the|a|an|his|her|their)\s+", "", phrase, flags=re.I)
    words = phrase.split()
    if (
        not words
        or words[0].lower() in _NOT_A_PARTY
        or _PARTICIPLE.fullmatch(words[0])  # "a meeting followed by a roundtable"
        or re.match(r"^\d", words[0])
        or len(words) > 12
        or re.match(r"^(?:him|her|them|it|us)\b", phrase)  # as written: "US Director …" is no "us"
    ):
        other = _co_subject(sentence, start, ctx.cast)
        return (other.display, other.role_class) if other else (None, None)
    return phrase, None


#: A journey told under way, in the present: "flies to", "is heading to".
_EN_ROUTE = regexes.compile(r"(?:fl(?:ies|y|ying)|travel(?:s|ling|ing)?|head(?:s|ing)?)\s", re.I)
#: A departure told as the end of the visit ("has wrapped up her visit"): the leaving, when
#: the sentence tells none of its own ("ended the visit at the estate and left the airport
#: in the afternoon" leaves from the airport, in the afternoon).
_VISIT_ENDED = regexes.compile(r"(?:end|wrap|conclud|wound)", re.I)
#: A visit told as a whole, then what it held: "a three-day visit to Avalon in which
#: she met …", "the trip, during which he toured …"; no happening of the day.
_RECAP = regexes.compile(
    r"\b(?:visit|trip|tour|stay|journey|week|days?)\b[^,;.]{0,50}?,?\s+(?:in|during)\s+which\s"
    r"[^,;.]*$",
    re.I,
)
#: An aside, from its comma to a word in it: "greeted by Sato, who chairs the summit this
#: year" tells of Sato's summit (not a happening of the principal) and dates his chair
#: (not the greeting); "the palace, which opened in 1968" dates the palace.
ASIDE = regexes.compile(r",\s+(?P<rel>who|whom|whose|which)\b[^,;()\"“”]*$", re.I)


def _named_in_apposition(text: str, phrase: str, cast: Cast) -> Person | None:
    """Whom the role `phrase` of `text` is, when a name follows it between commas: "the
    Avalon president, Zia Sato, at 11am", which two presidents of the cast leave unsaid."""
    at = text.find(phrase) if phrase else -1
    comma = _APPOSITION.match(text, at + len(phrase)) if at >= 0 else None
    if comma is None:
        return None
    found = cast.find(text[comma.end() : comma.end() + 60])
    return found[0][1] if found and found[0][0] == 0 else None


_APPOSITION = regexes.compile(r",\s+")


def _welcomed_before(triggers: Triggers, pos: int) -> bool:
    """Whether the sentence tells an arrival or a ceremony before `pos`: one a "received
    by …" after it is the welcome of ("was accorded a ceremonial welcome, where he was
    received by Sato")."""
    return any(
        kind in ("arrival", "ceremony") and spans[0][0] < pos for kind, spans in triggers.kinds
    )


def _pair_member(
    kind: str, sentence: str, at: int, ctx: Context, earlier: str
) -> tuple[str | None, str | None]:
    """Whom "the two leaders held talks" has the principal meet: the last other person
    the sentence before named ("Costa was welcomed by Sato at the palace. The two heads
    of state then held talks …")."""
    if kind not in TALKS or not _PAIR.match(sentence, at):
        return None, None
    principal = ctx.cast.principal
    others = [p for _, p in ctx.cast.find(earlier) if p != principal]
    return (others[-1].display, others[-1].role_class) if others else (None, None)


_PAIR = regexes.compile(
    rf"(?:(?:and|but|then|later|earlier|meanwhile),?\s+)?(?:{_PAIRS})\b", re.IGNORECASE
)


def _co_subject(sentence: str, start: int, cast: Cast) -> Person | None:
    """The other of "Costa and Sato met …", "Sato and Costa shake hands": a person joined
    to the principal by "and" right before the trigger at `start`."""
    found = cast.find(sentence[:start])
    for (a, first), (b, second) in itertools.pairwise(found):
        if cast.principal not in (first, second) or first == second:
            continue
        if _JOINED.fullmatch(sentence, a, b) and _VERB_GROUP.fullmatch(sentence, b, start):
            return second if first == cast.principal else first
    return None


#: Between two names joined as one subject: the first's words, "and", and the words of
#: the second's before the one it was found by ("Emperor"), no punctuation.
_JOINED = regexes.compile(_NAME_AND + r"(?:[\w.'’-]+\s+){0,3}")
#: From the second name to the trigger: its words and at most a few more ("will", "are
#: expected to").
_VERB_GROUP = regexes.compile(r"[\w.'’-]+(?:\s+[\w.'’-]+){0,5}\s+")


def _status(
    text: str,
    clause: str,
    pos: int,
    end: int,
    when: datetime | date | None,
    ref: datetime | None,
    p: dict[str, re.Pattern[str]],
) -> Status | None:
    """Cancelled, planned or happened; None when hypothetical, negated or reported speech.
    `text` is the sentence and `clause` the trigger's own clause up to the trigger
    (`_clause_before`), as the cues `p` read them (`_lowered` or as written)."""
    window = text[max(0, pos - 60) :]
    if p["cancelled"].search(window):
        return Status.CANCELLED
    if p["negated"].search(clause[-40:]):
        return None
    if p["hypothetical"].search(clause):
        return None
    if (
        p["planned"].search(clause)
        or p["planned"].search(text[end : end + 25])
        or _planned_before(text, pos - len(clause), p["planned"])
    ):
        return Status.PLANNED
    if isinstance(when, datetime) and ref is not None and when > ref + timedelta(minutes=5):
        return Status.PLANNED
    if type(when) is date and ref is not None and when > ref.date():
        return Status.PLANNED  # "and deliver a speech" of "Tomorrow he will meet … and …"
    return Status.HAPPENED


#: A sentence's opening phrase, up to its first comma: "Later today, …"; it tells a
#: plan when it opens with a plan's cue.
_OPENER = regexes.compile(r"[^,;:]{1,40},")
#: The end of the clause before, when the clause is joined to it by "and".
_AND_END = regexes.compile(r"\sand\s+$")
#: The first word of a clause after "and", past the adverbs that may come first.
_FIRST_WORD = regexes.compile(r"\s*(?:(?:then|also|later)\s+)?([\w'’]+)")
#: Words that open a clause with a subject of its own: its verb is not the one before's.
_OWN_SUBJECT = frozenset(
    "the a an his her their its our this that these those he she they it we i there".split()
)


#: "… before " or "… after " right before a clause that opens on a verb's "-ing" form.
_THEN_DOING = regexes.compile(r"\s(?:before|after)\s+\Z", re.IGNORECASE)
_DOING = regexes.compile(r"[a-z]{2,}ing\b")


def _planned_before(text: str, at: int, planned: re.Pattern[str]) -> bool:
    """A plan told before the trigger's clause (which starts at `at`) that still governs
    it: the sentence's opening phrase ("Later today, she meets …"), or the clause before
    when the trigger's shares its verb group ("will hold talks with Sato and attend a
    lunch"; not "will meet Sato, and the prime minister attends a lunch")."""
    opener = _OPENER.match(text)
    if opener and opener.end() <= at and planned.match(opener.group()):
        return True
    if (then := _THEN_DOING.search(text, max(0, at - 12), at)) and _DOING.match(text, at):
        # "will say farewell … before flying to Zenda": the plan of the clause it follows
        return planned.search(_clause_before(text, then.start())) is not None
    joined = _AND_END.search(text, max(0, at - 12), at)
    first = _FIRST_WORD.match(text, at) if joined else None
    if first is None or first[1] in _OWN_SUBJECT or not first[1].islower():
        return False
    before = joined.start() - (text[joined.start() - 1 : joined.start()] == ",")
    return planned.search(_clause_before(text, before)) is not None


def _places(
    sentence: str,
    pos: int,
    kind: str,
    ctx: Context,
    recent: dict[str, Place],
    until: int | None = None,
    acts: tuple[int, ...] = (),
) -> tuple[Place | None, Place | None]:
    """(where it happens, where the principal goes next) from the sentence's places; for
    all but a departure, those before `until` (the end of the trigger's clause) first:
    "visited Avalon on 3 May and flew to Zenda" is a visit to Avalon; and none past the
    next of `acts` (where the sentence's other happenings are told), which are its own:
    "will be welcomed at Avalon, and on Friday holds talks at Zenda Palace"."""
    mentions = [m for m in ctx.places_in(sentence) if not _inside_quotes(sentence, m.span[0])]
    mentions = [_resolve_generic(m, recent) for m in mentions]
    for g in _GENERIC_REF.finditer(sentence):
        known = _generic_place(g.group(2).lower().split()[-1], recent)
        if known is not None and not any(m.span[0] <= g.start(2) < m.span[1] for m in mentions):
            mentions.append(PlaceMention(g.group(0), g.span(), known, True, g.group(1).lower()))
    mentions.sort(key=lambda m: m.span)
    if any(not m.known for m in mentions):  # "bade farewell to Rui Sato": a person
        named = [at for at, _ in ctx.cast.find(sentence)]
        mentions = [
            m for m in mentions if m.known or not any(m.span[0] <= at < m.span[1] for at in named)
        ]
    nxt = _next_act(acts, until or pos, mentions)
    if nxt is not None and kind != "departure":
        mentions = [m for m in mentions if m.span[0] < nxt]
    after = [m for m in mentions if m.span[0] >= pos]
    if until is not None and kind != "departure":
        after = _own_clause_first(after, until)
    destination = None
    if kind == "departure":
        origin = [  # "left Avalon", "said farewell … at Avalon", in its own clause: not
            # "…, where Zenda was represented"; "ended her visit to Avalon"
            m
            for m in after
            if m.preposition == "from"
            or (m.preposition is None and (until is None or m.span[0] < until))
            or (m.preposition == "at" and (nxt is None or m.span[0] < nxt))
            or (
                m.preposition == "to"
                and _TRIP_TO.search(sentence, max(0, m.span[0] - 12), m.span[0]) is not None
            )
        ]
        onward = [  # "in" its own clause: not "Before leaving, she met Sato in Avalon"
            m
            for m in after
            if (
                m.preposition in ("for", "to")
                and not _TRIP_TO.search(sentence, max(0, m.span[0] - 12), m.span[0])
            )
            or (m.preposition == "in" and (until is None or m.span[0] < until))
        ]
        # "for" or "to" before "in": "left the plant in Avalon and is heading back to Zenda"
        toward = [m for m in onward if m.preposition != "in"]
        destination = _pick(toward or onward, broad=True)
        before = [m for m in mentions if m.span[0] < pos and m.preposition in ("at", "in", "from")]
        return _pick(origin) or _pick(_last_named(sentence, before)), destination
    where = _where_clause_of(sentence, mentions, pos)
    if where is not None and until is not None and not any(m.span[0] < until for m in after):
        # "flies to Zenda, where she will tour a factory before returning to Avalon": a
        # place of its own clause would say more; one of a later act says less
        return where, None
    if kind == "visit":
        here = _pick([m for m in after if m.preposition in (*_LOCATIVE, "to", None)])
        return _countries_listed(sentence, mentions, here) or here or where, None
    if kind == "arrival":
        here = _pick(
            [m for m in after if m.preposition in ("at", "in", "to", "on", "aboard", None)]
        )
        return here or where or _pick([m for m in mentions if m.preposition in _LOCATIVE]), None
    located = [m for m in mentions if m.preposition in _LOCATIVE]
    here = _pick([m for m in located if m.span[0] >= pos])
    if here is None and kind in _PURPOSES and _FOR_PURPOSE.search(sentence, max(0, pos - 40), pos):
        # "travelled to the palace for a private meeting": where the journey led
        here = _pick([m for m in mentions if m.span[0] < pos and m.preposition == "to"][-1:])
    return here or where or _pick(located), None


def _next_act(acts: tuple[int, ...], pos: int, mentions: list[PlaceMention]) -> int | None:
    """Where the next happening past `pos` (the end of one's clause: "attended the Avalon
    Summit in Zenda" is one) is told: its trigger, not one inside a place's name."""
    return next(
        (a for a in acts if a > pos and not any(m.span[0] <= a < m.span[1] for m in mentions)),
        None,
    )


def _last_named(sentence: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The last place named and those it is told with ("at the palace in Avalon"): where
    the principal was just before leaving, not where the sentence began ("welcomed at
    Avalon on Monday and holds talks at Zenda before flying home")."""
    group = mentions[-1:]
    for m in reversed(mentions[:-1]):
        if _TOLD_WITH.fullmatch(sentence, m.span[1], group[0].span[0]) is None:
            break
        group.insert(0, m)
    return group


#: What joins two names of one place: "the palace in Avalon", "Zenda, Avalon".
_TOLD_WITH = regexes.compile(r"\s*(?:,|\s(?:in|at|near|outside))\s*(?:the\s+)?", re.IGNORECASE)


def _countries_listed(
    sentence: str, mentions: list[PlaceMention], first: Place | None
) -> Place | None:
    """The countries of a tour, named in one list from `first` on: "a trip to Avalon,
    Zenda and Freedonia" is a visit to all three, with no one point on the map."""
    at = next((i for i, m in enumerate(mentions) if m.place is first), None)
    if at is None or first is None or first.kind != "country":
        return None
    names = [first.name]
    for before, m in itertools.pairwise(mentions[at:]):
        if m.place.kind != "country" or not _LIST_GLUE.fullmatch(
            sentence, before.span[1], m.span[0]
        ):
            break
        names.append(m.place.name)
    if len(names) < 2:
        return None
    return Place(name=f"{', '.join(names[:-1])} and {names[-1]}", kind="region")


#: Between two places of one list: "Avalon, Zenda and Freedonia", "…, and …".
_LIST_GLUE = regexes.compile(r",\s*|,?\s+and\s+")


def _where_clause_of(sentence: str, mentions: list[PlaceMention], pos: int) -> Place | None:
    """The place a "where" clause holding the trigger at `pos` tells of: "flies to Zenda,
    where she will meet …" (no other place named between); of a place named with its town
    ("attended the forum at the Zenda Arts Center in Zenda, where she spoke"), the more
    precise the gazetteer knows (one it does not know has no point on the map)."""
    before = [m for m in mentions if m.span[1] <= pos]
    if before and (where := _WHERE.match(sentence, before[-1].span[1])) and where.end() <= pos:
        known = [m for m in _last_named(sentence, before) if m.known]
        return _pick(known) if known else before[-1].place
    return None


#: Between a place and the "where" clause that tells of it: "flies to Zenda (on Tuesday
#: evening), where …".
_WHERE = regexes.compile(r"(?:\s+[^,.;:]{1,40}?)?,?\s+where\b", re.I)


def _own_clause_first(mentions: list[PlaceMention], until: int) -> list[PlaceMention]:
    """The places of the trigger's clause (before `until`), and only those after it that
    say more precisely where ("arrive at Port Royal …, on the deck of the carrier"), not
    a place a later clause is about ("…, as Zenda looks to …")."""
    inside = [m for m in mentions if m.span[0] < until]
    if not inside:
        return mentions
    best = min(SPECIFICITY.get(m.place.kind, 0) for m in inside)
    return inside + [
        m
        for m in mentions
        if m.span[0] >= until
        and m.preposition in _LOCATIVE
        and SPECIFICITY.get(m.place.kind, 0) < best
    ]


class Onward:
    """Where a departure in a paragraph leads: the first city or country named after its
    sentence ("taking her on to … Norland"), bare or after to/for/in, outside the
    country it leaves.

    Every sentence's answer comes from one pass over the paragraph, from its last sentence
    back to its first, made the first time a departure asks; reading the rest of the
    paragraph for each departure was quadratic in a long paragraph.
    """

    def __init__(self, sentences: list[str], ctx: Context) -> None:
        self._sentences = sentences
        self._ctx = ctx
        #: For each sentence: the first candidate after it, and the first candidate after
        #: that one which lies in another country (for an origin in the first one's).
        self._table: list[tuple[Place | None, Place | None]] | None = None

    def after(self, index: int, origin: Place | None) -> Place | None:
        """The onward place of a departure told in sentence `index`, leaving `origin`."""
        if self._table is None:
            self._table = self._make_table()
        first, other = self._table[index]
        if first is None:
            return None
        gazetteer = self._ctx.gazetteer
        home = gazetteer.country_of(origin) if origin and origin.has_geo else None
        return first if home is None or gazetteer.country_of(first) != home else other

    def _candidates(self, sentence: str) -> list[Place]:
        return [
            m.place
            for m in self._ctx.places_in(sentence)
            if m.known
            and m.place.kind in ("city", "country")
            and m.preposition in ("to", "for", "in", None)
        ]

    def _make_table(self) -> list[tuple[Place | None, Place | None]]:
        country = self._ctx.gazetteer.country_of
        table: list[tuple[Place | None, Place | None]] = [(None, None)] * len(self._sentences)
        first: Place | None = None
        other: Place | None = None
        for i in range(len(self._sentences) - 1, 0, -1):  # the answer for sentence i - 1
            here = self._candidates(self._sentences[i])
            if here:
                home = country(here[0])
                elsewhere = next((p for p in here[1:] if country(p) != home), None)
                if elsewhere is None and first is not None:
                    elsewhere = first if country(first) != home else other
                first, other = here[0], elsewhere
            table[i - 1] = (first, other)
        return table


def _pick(mentions: list[PlaceMention], broad: bool = False) -> Place | None:
    if not mentions:
        return None
    if broad:
        return mentions[0].place
    best = most_specific(mentions)
    return best.place if best else None


_GENERIC_REF = regexes.compile(
    r"\b(at|to|from|in|aboard|on|outside|inside|leaves|left)\s+the\s+"
    r"(airport|vessel|ship|carrier|base|palace|(?:convention\s+)?cent(?:re|er)|museum|hotel"
    r"|residence|embassy)\b",
    re.IGNORECASE,
)
_LOCATIVE = ("at", "in", "inside", "aboard", "on board", "outside", "on", "into", "through")

_GENERIC = {
    "airport": ("airport",),
    "vessel": ("ship",),
    "ship": ("ship",),
    "carrier": ("ship",),
    "base": ("base",),
    "palace": ("venue",),
    "centre": ("venue",),
    "center": ("venue",),
    "museum": ("venue",),
    "hotel": ("venue",),
    "residence": ("venue",),
    "embassy": ("venue",),
}
#: Words that are the last venue only when its name has them: "the convention centre" is
#: the Zenda Convention Center named before, "the museum" not the palace.
_BORNE = frozenset({"centre", "center", "museum", "hotel", "residence", "embassy"})


def _generic_place(word: str, recent: dict[str, Place]) -> Place | None:
    """The place the story last named that "the <word>" is ("the airport", "the hotel")."""
    for kind in _GENERIC.get(word, ()):
        place = recent.get(kind)
        if place is not None and (word not in _BORNE or _bears(place.name, word)):
            return place
    return None


def _bears(name: str, word: str) -> bool:
    """Whether a name has the word, spelt either side of the Atlantic ("Center", "Centre")."""
    words = {w.replace("center", "centre") for w in name.casefold().split()}
    return word.replace("center", "centre") in words


def _zone_there(place: Place | None, recent: dict[str, Place]) -> str | None:
    """The clock of where a happening is: its place's, or, for a place the gazetteer does
    not know (or none named), that of the city the blog named last, where the principal
    is: "The banquet started at 8.30pm local time" in a blog on GMT that follows her to
    Avalon is on Avalon's clock, and so is the palace it was held in."""
    if place is not None and place.zone:
        return place.zone
    city = recent.get("city")
    return city.zone if city is not None else None


def _clock_of(sentence: str, place: Place, ctx: Context, recent: dict[str, Place]) -> str | None:
    """The clock of a place a happening is at: its own; else, for one the gazetteer does
    not know, the town the sentence puts it in ("Sato Airfield in west Zenda") or its own
    name does ("Grand Hotel Zenda", "Zenda Arts Center"), else the city the story named last
    ("Palazzo Chigi")."""
    return (
        place.zone
        or _zone_beside(sentence, place, ctx)
        or _zone_in_name(place, ctx.gazetteer)
        or _zone_there(place, recent)
    )


def _zone_in_name(place: Place, gazetteer: Gazetteer) -> str | None:
    """The clock of the known city that a place's name begins or ends with: "Grand Hotel Zenda"
    is in Zenda, whatever city the story named last (a government, "Avalon and Zenda
    settle a deal", is no city the principal is in)."""
    words = place.name.split()
    for cut in range(1, len(words)):
        for part in (words[cut:], words[: len(words) - cut]):
            city = gazetteer.lookup(" ".join(part))
            if city is not None and city.kind == "city" and city.zone:
                return city.zone
    return None


#: Between a place and the town it is in: "Sato Airfield in west Avalon City", "…, near Zenda".
_IN_TOWN = regexes.compile(r",?\s+(?:in|near|outside)\s+(?:(?:north|south|east|west|central)\s+)?$")


def _zone_beside(sentence: str, place: Place, ctx: Context) -> str | None:
    """The clock of a place the gazetteer does not know, from the known one the sentence
    puts it in ("Sato Airfield in west Zenda"): not the city the story named last."""
    mentions = ctx.places_in(sentence)
    for here, there in itertools.pairwise(mentions):
        if (
            here.place.name == place.name
            and there.known
            and there.place.zone
            and _IN_TOWN.fullmatch(sentence, here.span[1], there.span[0])
        ):
            return there.place.zone
    return None


def _resolve_generic(mention: PlaceMention, recent: dict[str, Place]) -> PlaceMention:
    """ "the airport", "the vessel": the place of that kind the story last named."""
    if mention.known:
        return mention
    word = mention.place.name.lower().split()[-1] if mention.place.name else ""
    if len(mention.place.name.split()) == 1 and (place := _generic_place(word, recent)):
        return replace(mention, place=place, known=True)
    return mention


_LAST = "_last"


def remember_places(sentence: str, ctx: Context, recent: dict[str, Place]) -> None:
    """Keep the last known place of each kind, for "the airport" and "the vessel" later on."""
    for key, place in places_remembered(sentence, ctx):
        recent[key] = place


def places_remembered(sentence: str, ctx: Context) -> list[tuple[str, Place]]:
    """What `remember_places` writes for a sentence, in order: (kind or `_LAST`, place),
    and the city a known building is in. Not a place the principal is bound for ("before
    leaving for Zenda at 9 pm"): she is not there yet, and the places of the day told
    after it are not on its clock."""
    written = []
    for m in ctx.places_in(sentence):
        if m.known and m.preposition != "for":
            if m.place.kind not in BROAD and (city := ctx.gazetteer.city_of(m.place)):
                written.append(("city", city))  # "landed at Avalon airport": in Avalon
            written.append((_kind_of(m.place), m.place))
            if m.place.kind not in ("country", "region"):
                written.append((_LAST, m.place))
    return written


def _kind_of(place: Place) -> str:
    return place.kind


_NEXT_ACT = regexes.compile(r"\s(?:and\s+then|and|but|then|while|after|before|until)\s|,\s+where\s")
_WHERE_NEXT = regexes.compile(r",\s+where\s")


def _where_gone(sentence: str, at: int, departures: Sequence[int]) -> int | None:
    """Where the ", where" clause that the trigger at `at` is in begins, when it comes
    after one of `departures` (see `_own_act`)."""
    for left in departures:
        if left < at and (where := _WHERE_NEXT.search(sentence, left, at)) is not None:
            return where.start()
    return None


def _own_act(
    tags: list[timex.Timex],
    sentence: str,
    start: int,
    end: int,
    opens: int,
    departures: Sequence[int] = (),
) -> list[timex.Timex]:
    """The tags of the act of the trigger at `start:end`. Less the times of day told after
    the next act the sentence goes on to: "toured the museum before departing in the
    evening" (the evening is the departure's), "met Sato at 10 a.m. and left at 2 p.m.",
    "leaves Avalon for Zenda, where she will meet Sato at 11 a.m.". And, when a time is
    told after the trigger, less those told in an act before it: "land around 10 a.m. and
    will witness the signing … in the early afternoon" (10 a.m. is the landing's); or
    when it comes "then": "receive a welcome at 10 am, then visit Zenda" tells when the
    welcome is, not the visit. Or when its clause (from `opens`) is "before doing": "…
    this morning before flying to Zenda for talks". A date stays (it dates the whole
    sentence), and so does a time the sentence opens with; but not one told in a "where"
    clause after the trigger, which dates what happens there ("has wrapped up her visit
    and is heading to Zenda, where she will attend a summit from Sunday"). And the other
    way: in a "where" clause after one of `departures` (where the sentence tells them),
    only the times told in it, for it happens at the journey's end ("is due to fly out of
    Avalon for Zenda later tonight, where she will attend a summit")."""
    if not tags:
        return tags
    if (where := _WHERE_NEXT.search(sentence, end)) is not None:
        tags = [t for t in tags if t.kind != "date" or t.span[0] < where.start()]
    if (there := _where_gone(sentence, start, departures)) is not None:
        tags = [t for t in tags if t.kind == "date" or t.span[0] >= there]
    starts = {t.span[0] for t in tags}
    for nxt in _NEXT_ACT.finditer(sentence, end):
        if _goes_on(sentence, nxt, starts):
            tags = [t for t in tags if t.kind == "date" or t.span[0] < nxt.start()]
            break
    boundary = None
    if any(t.span[0] >= start and t.kind not in ("date", "duration") for t in tags):
        for act in _NEXT_ACT.finditer(sentence, 0, start):
            if _goes_on(sentence, act, starts):
                boundary = act.start()
    elif (then := _THEN.search(sentence, max(0, start - 12), start)) is not None:
        boundary = then.start()
    elif opens < start and _DOING.match(sentence, opens):
        # "… this morning before flying to Zenda for talks": the morning is not the talks'
        doing = _THEN_DOING.search(sentence, max(0, opens - 12), opens)
        boundary = doing.start() if doing else None
    if boundary is None:
        return tags
    return [
        t
        for t in tags
        if t.kind in ("date", "duration")
        or t.span[0] >= boundary
        or _BEFORE_OPENING_TIME.fullmatch(sentence, 0, t.span[0])
    ]


#: What follows a happening's noun in a headline that has no verb: places, names and
#: the small words between them ("… at Zenda Palace", "… with Prime Minister Sato").
_LABEL = regexes.compile(
    r"(?:\s+(?:(?:at|in|on|with|for|of|the|and|a|an|to|his|her|their)\b|[A-Z0-9][\w'’.-]*))*\s*"
)
#: After a trigger, how often it happened: "met three times", "visited Avalon twice".
_TIMES_OVER = regexes.compile(
    r"\s+(?:[\w.'’-]+\s+){0,3}?(?:twice|thrice|(?:two|three|four|five|six|several|many"
    r"|multiple|numerous|\d+)\s+times|on\s+(?:two|three|several|many|numerous)\s+occasions)\b",
    re.I,
)
#: "then" or "before" right before a trigger: the act after the one the sentence told
#: first ("talks at 9 a.m. before flying to Zenda": the 9 a.m. is not the flight's).
_THEN = regexes.compile(r"\b(?:then|before)\s+(?:\w+\s+)?$", re.I)


def _goes_on(sentence: str, act: re.Match[str], starts: set[int]) -> bool:
    """Whether `act` (a `_NEXT_ACT` match) goes on to another act: not "after 5 p.m."
    (a time starts there), nor "Avalon and Zenda" (two names), nor the last of a list of
    one word each ("met bishops, priests and religious at …") or a noun after "and"
    ("met Sato and the cardinals at 10 a.m."): one act, and the time is its own."""
    if act.start() + 1 in starts or act.end() in starts:
        return False
    if act.group().strip() == "and" and (
        _LIST_ITEM.search(sentence, 0, act.start()) or _NOUN_AFTER_AND.match(sentence, act.end())
    ):
        return False
    return not (
        _NAME_END.search(sentence, 0, act.start()) and _NAME_START.match(sentence, act.end())
    )


_NAME_END = regexes.compile(rf"\b[{lx.UPPER}][\w'’.-]*$")
#: ", priests" before "and": a list's item of one word.
_LIST_ITEM = regexes.compile(r",\s+[\w'’-]+$")
#: What starts a noun phrase after "and": "and the cardinals", "and other leaders".
_NOUN_AFTER_AND = regexes.compile(r"(?:the|a|an|their|his|her|its|other|several|some)\s")
_NAME_START = regexes.compile(rf"(?!(?:He|She|They|It|We|I|The)\b)[{lx.UPPER}]")


def _nearest(tags: list[timex.Timex], clause: Span) -> list[timex.Timex]:
    """`tags` with the one that belongs to the trigger first: the first inside the
    trigger's own clause, else the one that starts nearest to it. "Costa attended the
    summit on October 26 and flew to Freedonia on October 27": each its own day."""
    if len(tags) < 2:
        return tags
    own = next((t for t in tags if _told_in(t, clause)), None)
    best = own or min(tags, key=lambda t: abs(t.span[0] - clause[0]))
    return [best, *(t for t in tags if t is not best)]


def _time(
    tags: list[timex.Timex],
    ref: datetime | None,
    tense: str,
    live: bool,
    kind: str,
    ctx: Context,
    clause: Span = (0, 0),
) -> tuple[datetime | date | None, datetime | date | None, int, bool, timex.Timex | None]:
    """(start, end, precision, approximate, the clock written "local time" or the part of
    day they come from, which the clock of where it happens reads) for a mention of `kind`
    whose trigger's clause spans `clause`."""
    clocks = [t for t in tags if t.kind in ("time", "datetime") and isinstance(t.start, datetime)]
    clocks = _nearest(clocks, clause)
    parts = [t for t in tags if t.kind == "part" and isinstance(t.start, datetime)]
    dates = _nearest([t for t in tags if t.kind == "date" and t.grain == "day"], clause)
    durations = [  # how long it lasted: not a landing's or a leaving's ("took off at 6:30
        # p.m., ending the three-day visit")
        t
        for t in tags
        if t.kind == "duration" and t.duration and kind not in JOURNEYS
    ]
    if dates and clause[0] <= dates[0].span[0] < clause[1]:
        # "fly to Zenda on Monday evening and address its parliament on Tuesday": a day in
        # the trigger's own clause is not the day of a time told in another's
        clocks = [t for t in clocks if _own_or_on(t, dates[0], clause)]
        parts = [t for t in parts if _own_or_on(t, dates[0], clause)]
    if clocks and parts and _told_in(parts[0], clause) and not _told_in(clocks[0], clause):
        clocks = []  # "land before noon, then speak in the afternoon": the speech's own part
    if clocks:
        t = clocks[0]
        end = t.end if isinstance(t.end, datetime) else None
        if end is None and durations:
            end = t.start + durations[0].duration
        return t.start, end, 3, t.approximate or bool(durations), t if t.local else None
    if parts:
        t = parts[0]
        vague = t.text.lower().strip(" ,") in ("later", "earlier", "soon")
        if live and ref is not None and t.text.lower().startswith("earlier"):
            minutes = ctx.default_minutes.get(kind, 30)
            return ref - timedelta(minutes=minutes), ref, 0, True, None
        if vague and not live and dates:
            return dates[0].start, None, 1, False, None  # an article's "later that day"
        if vague:
            return None, None, 0, True, None
        if (
            live
            and ref is not None
            and tense == "present"
            and t.start <= ref <= (t.end or ref)
            and not t.text.lower().startswith("later")  # "later today, she attends …"
        ):
            return ref, None, 2, False, None  # "spends the evening with …" written that evening
        return t.start, t.end, 1, True, t if ref is not None or not live else None
    if dates and not (
        live and tense != "future" and ref is not None and dates[0].start == ref.date()
    ):
        return dates[0].start, None, 1, False, None
    if live and ref is not None:  # no day, or the stamp's own ("lands in Zenda today")
        if tense == "past":
            minutes = ctx.default_minutes.get(kind, 30)
            return ref - timedelta(minutes=minutes), ref, 0, True, None
        if tense == "future":
            return None, None, 0, True, None
        return ref, None, 2, False, None
    return None, None, 0, True, None


#: Nouns that name a happening told before, and the kinds it may be.
_HAPPENING_NOUNS = {
    "meeting": TALKS,
    "talks": TALKS,
    "summit": TALKS,
    "dinner": {"meal"},
    "banquet": {"meal"},
    "lunch": {"meal"},
    "luncheon": {"meal"},
    "ceremony": {"ceremony"},
    "speech": {"speech"},
    "address": {"speech"},
}
#: A noun of a happening, anywhere.
_NOUN = regexes.compile(rf"\b(?:{'|'.join(_HAPPENING_NOUNS)})\b", re.I)
#: A happening told as coming after those named before it: "…, followed by a working lunch".
_FOLLOWED_BY = regexes.compile(
    rf"\bfollowed\s+by\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){{0,2}}?"
    rf"(?P<noun>{'|'.join(_HAPPENING_NOUNS)})\b",
    re.I,
)
#: The happening a sentence opens by following: "After the ceremony(,) the two leaders …".
_AFTER_OPENING = regexes.compile(
    rf"(?:after|following)\s+(?:the|their|his|her|this|that)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{'|'.join(_HAPPENING_NOUNS)})\b,?\s+",
    re.I,
)
#: A happening told before, as a sentence's subject: "The meeting began at about 11 a.m.",
#: "Their talks lasted two hours".
_THE_HAPPENING = regexes.compile(
    rf"(?:The|Their|His|Her)\s+(?:[\w-]+\s+){{0,2}}?({'|'.join(_HAPPENING_NOUNS)})\b"
    r"(?!\s+(?:with|between|of)\b)"
)


def retold(
    sentence: str, tags: list[timex.Timex], before: list[Mention], evidence: Evidence, ctx: Context
) -> Mention | None:
    """A happening of the sentence before (`before`, its mentions) told again as this
    one's subject, with the clock time the sentence gives it: "On October 30, Costa met
    Sato in Zenda. The meeting began at about 11 a.m. and lasted two hours." None when
    the sentence is not so made, not told in the past, or gives no clock time that day."""
    noun = _THE_HAPPENING.match(sentence)
    if noun is None:
        return None
    if (follower := _FOLLOWED_BY.search(sentence, noun.end())) is not None:
        return _followed(noun[1], follower, sentence, before, evidence, ctx)
    if timex.tense_of(sentence) != "past":
        return None  # "The meeting will resume at 3 p.m." is another sitting, to come
    kinds = _HAPPENING_NOUNS[noun.group(1).lower()]
    told = next((m for m in reversed(before) if m.kind in kinds), None)
    if told is None or told.day is None:
        return None
    start, end, precision, approximate, _ = _time(tags, None, "past", False, told.kind, ctx)
    if precision < 3 or not isinstance(start, datetime) or start.date() != told.day:
        return _lasted(told, tags, evidence)
    return replace(
        told, evidence=evidence, start=start, end=end, precision=3, approximate=approximate
    )


def _followed(
    noun: str,
    follower: re.Match[str],
    sentence: str,
    before: list[Mention],
    evidence: Evidence,
    ctx: Context,
) -> Mention | None:
    """ "The talks were followed by a working lunch": a meal of its own, with
    whom the one told before was with, where the sentence puts it or where that one was,
    after it ends (or on its day); planned when told ahead ("will be followed by a state
    banquet"). None when nothing of the kind was told before, or the sentence says whom
    it is with: they are not the guests of what it followed."""
    if "meal" not in _HAPPENING_NOUNS[follower["noun"].lower()] or _WITH.match(
        sentence, follower.end()
    ):
        return None  # "followed by a speech by …", "… by a dinner with business leaders"
    told = next((m for m in reversed(before) if m.kind in _HAPPENING_NOUNS[noun.lower()]), None)
    if told is None or told.day is None:
        return None
    start, end, precision, approximate = told.start, None, told.precision, told.approximate
    if precision == 3 and isinstance(told.start, datetime):
        start, precision, approximate = _ends(told, ctx), 1, True
        zone = getattr(start.tzinfo, "zone", None)
        if zone is not None:
            # until the day is over: the meal is shown at its usual hour in that window
            # (a lunch after talks that end at 11, a banquet that evening)
            end = zones.localize(zone, datetime.combine(start.date() + timedelta(days=1), time()))
    named = [
        p.place for p in ctx.places_in(sentence) if p.span[0] >= follower.end() and p.preposition
    ]
    future = timex.tense_of(sentence) == "future"
    return Mention(
        kind="meal",
        status=Status.PLANNED if future else told.status,
        evidence=evidence,
        start=start,
        end=end,
        precision=precision,
        approximate=approximate,
        place=named[0] if named else told.place,
        destination=None,
        counterpart=told.counterpart,
        counterpart_class=told.counterpart_class,
        subject=None,
        explicit=told.explicit,
    )


def _lasted(told: Mention, tags: list[timex.Timex], evidence: Evidence) -> Mention | None:
    """A happening told before, and then how long it lasted: "Costa met Sato at 6 p.m.
    The talks lasted about two hours" ends two hours after it began; "Costa and Sato have
    met. The talks lasted about 30 minutes", told over by the stamp, began that long
    before it, not the kind's usual length: a start worked out, like one told to follow a
    happening (`after_the`). None when no length is told, or the happening already has
    its end or no time to count from."""
    lasted = next((t.duration for t in tags if t.kind == "duration" and t.duration), None)
    if lasted is None:
        return None
    if told.precision == 3 and isinstance(told.start, datetime) and told.end is None:
        return replace(told, evidence=evidence, end=told.start + lasted, approximate=True)
    if told.precision != 0 or not isinstance(told.end, datetime):
        return None
    return replace(told, evidence=evidence, start=told.end - lasted, precision=1, approximate=True)


#: "shortly after the meeting": a happening told before, that this one follows.
_AFTER_THE = regexes.compile(
    rf"\bafter\s+(?:the|their|his|her)\s+(?:[\w-]+\s+)?({'|'.join(_HAPPENING_NOUNS)})\b", re.I
)


def _after_the(sentence: str, start: int, end: int) -> bool:
    """Whether the trigger at `start:end` is the happening named in "after the …"."""
    after = _AFTER_THE.search(sentence, max(0, start - 40), end)
    return after is not None and after.start(1) == start


def told_after(m: Mention) -> frozenset[str]:
    """The kinds of happening a mention's sentence says it came after ("hosts her for a
    working lunch after their talks": talks; "held talks with Sato, followed by a working
    lunch": the lunch came after the talks); none when it says none."""
    return _told_after(m.evidence.text, m.kind)


@lru_cache(maxsize=4096)
def _told_after(text: str, kind: str) -> frozenset[str]:
    """`told_after` of a sentence and a kind: clustering asks it of a meal at each cluster
    it might join."""
    kinds = _kinds_after(text)
    followed = _FOLLOWED_BY.search(text)
    if followed is not None and kind in _HAPPENING_NOUNS[followed["noun"].lower()]:
        told = text[: followed.start()]  # "held talks with Sato", "The talks were"
        kinds |= {kind for kind, _ in triggers_in(told).kinds}
        kinds |= {k for noun in _NOUN.findall(told) for k in _HAPPENING_NOUNS[noun.lower()]}
    return kinds


def _kinds_after(sentence: str) -> frozenset[str]:
    """The kinds of the happening a sentence is told "after" ("shortly after the meeting")."""
    noun = _AFTER_THE.search(sentence)
    return frozenset(_HAPPENING_NOUNS[noun.group(1).lower()]) if noun else frozenset()


#: Words that tell a sentence as what came next, after the happening told just before
#: it: "She was then driven to …", "Afterwards she …"; and a sentence that opens with
#: "Later" ("Later that afternoon, she travelled to …").
NEXT_WORDS = r"then|afterwards?|subsequently|after\s+that"
_NEXT = regexes.compile(rf"\b(?:{NEXT_WORDS})\b|^later\b", re.I)


#: Before a happening told as so long after the day the sentence names: "On 3 May, two
#: days before Costa was due to arrive, …".
_DAYS_BEFORE = regexes.compile(
    r"\b(?P<n>\d{1,3}|[a-z]+)\s+(?P<unit>days?|weeks?)\s+(?P<way>before|after)\s+"
    r"(?:[\w'’-]+\s+){0,6}\Z",
    re.I,
)


def _days_apart(sentence: str, at: int) -> int:
    """How many days after the day a sentence names its happening at `at` is: 2 for "On 3
    May, two days before Costa was due to arrive", -7 for "a week after she left"."""
    m = _DAYS_BEFORE.search(sentence, max(0, at - 90), at)
    if m is None:
        return 0
    n = m["n"].lower()
    count = int(n) if n.isdigit() else lx.NUMBER_WORDS.get(n, 0)
    days = count * (7 if m["unit"].lower().startswith("week") else 1)
    return days if m["way"].lower() == "before" else -days


def _landmark(phrase: str | None, cast: Cast) -> str | None:
    """What a visit is to, when it is the proper name of a place ("Notre-Dame de Avalon",
    "the Zenda Cathedral"), without "the", as the places the text names are: every word
    capitalised but the particles, and no one of the cast."""
    words = phrase.split() if phrase else []
    if words and words[0].lower() == "the":
        words = words[1:]
    name = " ".join(words)
    if (
        0 < len(words) <= 6
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
        and all(w[:1].isupper() or w in NAME_PARTICLES for w in words)
        and not cast.find(name)
    ):
        return name
    return None


def after_the(
    m: Mention, sentence: str, before: list[Mention], last: list[Mention], ctx: Context
) -> Mention:
    """`m`, with no time of its own, as the happening it is told to follow ends: "left
    shortly after the meeting", which began at 11 and lasted an hour and forty minutes,
    is at 12:40, marked approximate; "They were then driven to …, where … welcomed them",
    after a landing at 2 p.m., as the last sentence's happenings (`last`) end; told in a
    part of the day that goes on after that ("Later that afternoon"), until the part's end.
    Unchanged when that happening has no clock time."""
    if m.precision >= 2 or m.day is None:
        return m
    if kinds := _kinds_after(sentence):
        told = next((t for t in reversed(before) if t.kind in kinds and t.day == m.day), None)
    elif _NEXT.search(sentence) is not None:
        told = next((t for t in reversed(last) if t.day == m.day and t is not m), None)
    else:
        return m
    if told is None or told.precision < 3:
        return m
    ends = _ends(told, ctx)
    until = m.end if isinstance(m.end, datetime) and m.end > ends else None
    return replace(m, start=ends, end=until, precision=1, approximate=True)


def _ends(told: Mention, ctx: Context) -> datetime:
    """When a happening with a clock time ends: as told, else after its kind's usual length."""
    if isinstance(told.end, datetime):
        return told.end
    return told.start + timedelta(minutes=ctx.default_minutes.get(told.kind, 30))


def _told_in(t: timex.Timex, clause: Span) -> bool:
    return clause[0] <= t.span[0] < clause[1]


def _own_or_on(t: timex.Timex, day: timex.Timex, clause: Span) -> bool:
    """Whether a time is told in the clause `clause`, or on the day `day` names."""
    return _told_in(t, clause) or t.start.date() == day.start


def _range_of(tags: list[timex.Timex]) -> tuple[date, date] | None:
    """A written range of whole days ("from October 27 to 29, 2025"), end exclusive."""
    for t in tags:
        if (
            t.kind == "date"
            and t.grain == "day"  # "in June 2031" is no span of a visit
            and isinstance(t.start, date)
            and isinstance(t.end, date)
            and not isinstance(t.start, datetime)
            and re.search(r"[A-Z][a-z]+\.?\s+\d", t.text)
        ):
            return t.start, t.end
    return None


def mentions_in(
    sentence: str,
    *,
    ctx: Context,
    evidence: Evidence,
    ref: datetime | None,
    tags: list[timex.Timex],
    live: bool,
    explicit: bool,
    recent: dict[str, Place],
    principal_in_focus: bool,
    onward: Callable[[Place | None], Place | None] | None = None,
    tense: str | None = None,
    lead: bool = False,
    earlier: str = "",
    previous: str | None = None,
) -> list[Mention]:
    """Every happening of the principal in one sentence (usually none).

    `onward` tells where a departure from a place leads, from the sentences after this one;
    `earlier` is the sentence before it (in an article, the last to name someone other
    than the principal), where "the two leaders" were named; `previous`, in an article,
    the sentence just before (in a live blog, `earlier` is), where a landing is told that
    "She was met by …" is the welcome of.
    """
    lowered = _lowered(sentence)
    text, cues = (sentence, _cues(False)) if lowered is None else (lowered, _cues(True))
    found: list[Mention] = []
    actor_pos, actor, pronoun = _first_actor(sentence, ctx.cast, tags)
    principal = ctx.cast.principal
    is_principal = (
        (actor is not None and actor == principal)
        or (pronoun and principal_in_focus)
        or (
            actor is not None and _with_principal(sentence, actor_pos, ctx.cast, principal_in_focus)
        )
    )
    # "Summit talks begin at …", "The dinner has wrapped up." in an update about them;
    # "Talks with Sato are scheduled for 11:30": the one named is whom they are with
    subjectless = (
        not pronoun
        and live
        and principal_in_focus
        and (actor is None or (not is_principal and _NOUN_WITH.search(sentence, 0, actor_pos)))
    )
    subject_at = _subject_start(sentence, tags) if subjectless else 0
    # someone else's sentence, but for a clause of the principal's own: "The emperor bid
    # her farewell at the gate, and Costa then left for the guest house"
    others = not (is_principal or subjectless)
    triggers = triggers_in(sentence)
    hers = (
        {
            start
            for _, spans in triggers.kinds
            for start, _ in spans
            if _clause_of_principal(sentence, start, ctx.cast, principal_in_focus)
        }
        if others
        else set()
    )
    if others and not hers:
        remember_places(sentence, ctx, recent)
        return found
    tense = tense or timex.tense_of(sentence)
    days = _range_of(tags)
    seen_kinds: set[str] = set()
    arrival: Mention | None = None  # this sentence's, for a happening that is its purpose
    before = earlier if previous is None else previous
    acts = tuple(sorted(start for _, spans in triggers.kinds for start, _ in spans))
    ended = _ended_subjects(sentence, triggers)
    left = [start for k, spans in triggers.kinds if k == "departure" for start, _ in spans]
    for kind, spans in triggers.kinds:
        for m_start, m_end in spans:
            # one happening of a kind a sentence, but talks: "was received by the emperor
            # … and held talks with Sato" (told twice with one person, they cluster as one)
            if (kind in seen_kinds and kind not in TALKS) or _inside_quotes(sentence, m_start):
                continue
            if _RECAP.search(sentence, max(0, m_start - 90), m_start):
                continue  # "ending a three-day visit in which he met Sato": what it held
            if _after_the(sentence, m_start, m_end):
                continue  # "hosted her for dinner after their summit": the summit told before
            aside = ASIDE.search(sentence, max(0, m_start - 80), m_start)
            if aside is not None and aside["rel"].lower() != "which":
                continue  # "…, who chairs the summit": someone else's
            if kind == ENDING:
                what = ended.get(m_start)
                if what is not None:
                    over = _ending(sentence, what, m_start, m_end, tags, ctx, recent, evidence, ref)
                    found.extend([over] if over else [])
                continue
            if any(named.start() <= m_start < max(at, named.end()) for at, named in ended.items()):
                # "the talks with Sato ended at …", "concluded their meeting with …":
                # what ended, not talks begun
                continue
            if others and m_start not in hers:
                continue
            trigger = sentence[m_start:m_end].lower()
            if (
                subjectless
                and (
                    kind not in NOUN_KINDS
                    or not _SUBJECT_NOUN.fullmatch(sentence, subject_at, m_start)
                )
                and not _clause_of_principal(sentence, m_start, ctx.cast, principal_in_focus)
            ):
                continue  # no one named, and the trigger no happening that is the subject
            if (
                kind == "meeting"
                and trigger == "meeting"
                and not _WITH.match(sentence, m_end)
                and not _HELD_A.search(sentence, max(0, m_start - 40), m_start)
                and not _GERUND_OF.search(sentence, max(0, m_start - 20), m_start)
            ):
                # "the first meeting is …": a noun, not a happening; but "before meeting
                # President Sato" is meeting him
                continue
            if (
                kind == "meeting"
                and (trigger.endswith(" by") or _BY.match(sentence, m_end))
                and (
                    _welcomed_before(triggers, m_start)
                    or (before and _welcomed_before(triggers_in(before), len(before)))
                )
            ):
                # "lands at …, where she is welcomed (met) by Sato", or "She landed at …
                # He was welcomed by …": the arrival's (or the ceremony's) welcome
                continue
            if kind == "departure" and len(spans) > 1 and _VISIT_ENDED.match(trigger):
                continue  # its leaving is told too: that one says when and from where
            if _TIMES_OVER.match(sentence, m_end):
                continue  # "the two met three times during her first term": no one happening
            if kind == "visit" and _is_noun(sentence, m_start, trigger) and not days:
                continue  # "during Ruiz's visit": background unless it gives the span
            if (
                kind == "speech"
                and m_start == 0
                and (opening := _PARTICIPLE_OPENING.match(sentence)) is not None
                and any(m_end <= act < opening.end() for act in acts)
            ):
                # "Speaking at the banquet, she said …": what she said there; but "Speaking
                # at the Zenda Economic Forum, she urged …" is her speech there
                continue
            if kind == "summit" and _SETTING.search(sentence, max(0, m_start - 60), m_start):
                continue  # "spoke at the Avalon Business Summit": where, not a happening
            clause = _clause_before(sentence, m_start)
            said = text[m_start - len(clause) : m_start]  # the clause as the cues read it
            reported = cues["reporting"].search(text[max(actor_pos, 0) : m_start])
            if reported and not cues["planned"].search(said):
                continue
            own = _own_clause(sentence, clause, m_start, m_end)
            # the tense of the trigger's own clause: "arrives …, where a crowd has gathered";
            # a future told before the trigger ("will land … and then travel") is its own,
            # not one told after it ("leaves …, where she will meet …")
            verb_tense = (
                tense
                if tense == "future" and timex.tense_of(sentence[:m_end]) == "future"
                else timex.tense_of(sentence[own[0] : own[1]])
            )
            if trigger.endswith("ed") and _BY.match(sentence, m_end):
                verb_tense = "past"  # "documents signed by …": done before, not now
            elif verb_tense != "future" and _AFTER_DOING.search(
                sentence, max(0, m_start - 12), m_start
            ):
                verb_tense = "past"  # "After landing at …, she moves to …": done before
            start, end, precision, approximate, local = _time(
                _own_act(
                    tags, sentence, m_start, m_end, own[0], () if kind == "departure" else left
                ),
                ref,
                verb_tense,
                live,
                kind,
                ctx,
                own,
            )
            if type(start) is date and (apart := _days_apart(sentence, m_start)):
                start, end = start + timedelta(days=apart), None
            where = None
            if local is not None and (ref is not None or not local.floating):
                # "local time", "this evening": the clock of where it happens, when known
                where = _places(sentence, m_start, kind, ctx, recent, own[1], acts)
                if local.kind == "part":
                    # the clock of a place it names, not of the city named last when it
                    # names none: "the meeting last night", after a word on a match abroad
                    zone = _clock_of(sentence, where[0], ctx, recent) if where[0] else None
                    if zone and ref is not None:
                        start, end = timex.part_on_clock(sentence, local, zone, ref, tense)
                    elif zone:  # an article's: "landed at Zenda Airport in the afternoon"
                        start, end = timex.on_local_clock(local, zone, None, start, end)
                elif zone := (
                    _clock_of(sentence, where[0], ctx, recent)
                    if where[0]
                    else _zone_there(None, recent)
                ):
                    start, end = timex.on_local_clock(
                        local, zone, ref, start, end, ahead=tense == "future"
                    )
            purpose = (
                arrival is not None
                and kind in _PURPOSES
                and _FOR_PURPOSE.search(sentence, 0, m_start) is not None
            )
            if purpose and precision < 3:
                start, end = _after_arrival(arrival, ctx.default_minutes.get(kind, 30), start, end)
            status = _status(text, said, m_start, m_end, start, ref, cues)
            if status is None:
                continue
            if precision == 0 and lead and _news_untimed(kind, tags):
                precision = 1
            elif precision == 2 and subjectless and _LABEL.fullmatch(sentence, m_end):
                # "Ceremonial welcome at …", a headline with no verb: what the entry is
                # about, not a report that it is under way; its text tells when
                precision, approximate = 1, True
            elif precision == 2 and kind == "arrival" and _EN_ROUTE.match(trigger):
                precision = 0  # "heads to Zenda", told as she goes: not there yet
            if status == Status.CANCELLED and precision == 0 and ref is not None:
                start, end = ref, None  # called off: shown where the news came, marked approximate
            place, destination = where or _places(
                sentence, m_start, kind, ctx, recent, own[1], acts
            )
            subject = _object_phrase(kind, sentence, m_start, m_end, tags)
            if place is None and kind == "visit" and (name := _landmark(subject, ctx.cast)):
                place = Place(name=name)  # "visited Notre-Dame de …": a name no map knows
            if place is not None and place.zone is None:
                zone = _clock_of(sentence, place, ctx, recent)
                place = replace(place, zone=zone) if zone else place
            if kind == "departure" and destination is None and onward is not None:
                destination = onward(place or recent.get(_LAST))
            if purpose and place is None:
                place = arrival.place  # where the journey led
            counterpart, role_class = _counterpart(kind, sentence, m_start, m_end, ctx, tags)
            if counterpart is None and pronoun and earlier:
                counterpart, role_class = _pair_member(kind, sentence, actor_pos, ctx, earlier)
            if counterpart is None and kind in TALKS and actor not in (None, principal):
                # "Sato welcomed Costa at the guest house, after which the two leaders held
                # talks": with whom welcomed her
                counterpart, role_class = actor.display, actor.role_class
            if kind == "meeting" and counterpart is None and "summit" not in sentence.lower():
                continue
            seen_kinds.add(kind)
            found.append(
                Mention(
                    kind=kind,
                    status=status,
                    evidence=evidence,
                    start=start,
                    end=end,
                    precision=precision,
                    approximate=approximate,
                    place=place,
                    destination=destination,
                    counterpart=counterpart,
                    counterpart_class=role_class,
                    subject=subject,
                    explicit=explicit,
                    days=days,
                )
            )
            if kind == "arrival":
                arrival = found[-1]
    attended = next((f for f in found if f.kind == "attendance" and f.subject), None)
    if (
        attended is not None
        and _MEAL_WORD.search(attended.subject or "")
        and any(f.kind == "meal" for f in found)
    ):
        # "attended a state banquet": the meal it was, where meals are told apart.
        found = [f for f in found if f.kind != "attendance"]
    elif attended is not None:
        # "attended the X Summit": one happening, named by what was attended.
        found = [f for f in found if f.kind not in ("summit", "meal", "ceremony")]
    if any(f.kind == "speech" and _MEAL_AFTER.search(f.subject or "") for f in found):
        # "addressed the summit luncheon": a speech, the meal only whom it was to
        found = [f for f in found if f.kind != "meal"]
    if triggers.presence and not found and live:
        place, _ = _places(sentence, triggers.presence[1], PRESENCE, ctx, recent)
        if place is not None and ref is not None:
            found.append(
                Mention(
                    kind=PRESENCE,
                    status=Status.HAPPENED,
                    evidence=evidence,
                    start=ref,
                    end=None,
                    precision=2,
                    approximate=False,
                    place=place,
                    destination=None,
                    counterpart=None,
                    counterpart_class=None,
                    subject=None,
                    explicit=explicit,
                )
            )
    remember_places(sentence, ctx, recent)
    return found


#: The vocabulary's kind of trigger that tells a happening is over: no happening itself.
ENDING = "ending"
#: The nouns of what can be told to have ended.
_ENDED_NOUNS = (
    r"(?P<noun>talks|meeting|audience|summit|dinner|banquet|lunch|luncheon|ceremony|speech|"
    r"(?:news|press)\s+conference)\b"
)
#: What ended, named before "ended" in its clause: "The talks between A and B at … ended".
_WHAT_ENDED = regexes.compile(rf"\b{_ENDED_NOUNS}[^.;:!?]{{0,90}}?\s+(?:had\s+|have\s+)?$", re.I)
#: What ended, named right after it: "have wrapped up their talks", "concluded the meeting".
_ENDED_OBJECT = regexes.compile(
    rf"\s+(?:(?:their|the|his|her)\s+)?(?:[\w-]+\s+){{0,2}}?{_ENDED_NOUNS}", re.I
)
#: Whom the happening that ended was with, when the sentence says so after it: "concluded
#: their meeting with business leaders (at 11:40 a.m.)".
_WITH_WHOM = regexes.compile(r"\s+(?:with|between)\s+[^,;:.!?]{1,60}?(?=\s+at\s|\s*[,;:.!?]|$)")
_ENDED_KIND = {
    "talks": "meeting",
    "meeting": "meeting",
    "audience": "meeting",
    "summit": "summit",
    "ceremony": "ceremony",
    "speech": "speech",
}


def _ended_subjects(sentence: str, triggers: Triggers) -> dict[int, re.Match[str]]:
    """What the sentence says ended, by where its "ended" starts: the noun right after it
    ("have wrapped up their talks"), or the noun and the words from it to "ended" ("The
    talks between Costa and Sato at the palace ")."""
    spans = next((spans for kind, spans in triggers.kinds if kind == ENDING), ())
    return {
        start: what
        for start, end in spans
        if (
            what := _ENDED_OBJECT.match(sentence, end)
            or _WHAT_ENDED.search(sentence, max(0, start - 120), start)
        )
        is not None
    }


def _ending(
    sentence: str,
    what: re.Match[str],
    start: int,
    end: int,
    tags: list[timex.Timex],
    ctx: Context,
    recent: dict[str, Place],
    evidence: Evidence,
    ref: datetime | None,
) -> Mention | None:
    """When the happening `what` names, before "ended" at `start:end`, ended, told by a
    clock right after it: "The talks between Costa and Sato at the palace ended at
    12.40pm local time" (on the clock of where they were, when written so), or, in a
    live blog, by its stamp when it "has ended". A mention of its kind that has only an
    end (`Mention.ends`), with whom it was; None when nothing says when."""
    told = what.start() > start  # after "ended", as its object
    with_whom = _WITH_WHOM.match(sentence, what.end()) if told else None
    after = with_whom.end() if with_whom else what.end() if told else end
    clock = next(
        (
            t
            for t in tags
            if t.span[0] >= after
            and t.kind in ("time", "datetime")
            and isinstance(t.start, datetime)
        ),
        None,
    )
    if clock is not None and _AT_CLOCK.fullmatch(sentence, after, clock.span[0]):
        moment, approximate = clock.start, clock.approximate
        if clock.local and (zone := _local_zone(sentence, ctx, recent)):
            moment, _ = timex.on_local_clock(clock, zone, ref, moment, None)
    elif ref is not None and _JUST.search(sentence, max(0, start - 20), start):
        moment, approximate = ref, False  # "The dinner has wrapped up.", told as it did
    else:
        return None
    noun = what["noun"].lower()
    kind = _ENDED_KIND.get(noun, "press" if "conference" in noun else "meal")
    # whom it was with: in "with …" after it ("concluded her meeting with business
    # leaders"), as any meeting's; or named between it and "ended"; or, told as the
    # object, in the subject ("Costa and Sato have wrapped up their talks")
    if with_whom is not None:
        counterpart, role_class = _counterpart(kind, sentence, what.start(), what.end(), ctx, tags)
    else:
        whom = sentence[:start] if told else sentence[what.start() : start]
        others = [p for _, p in ctx.cast.find(whom) if p != ctx.cast.principal]
        counterpart, role_class = (
            (others[0].display, others[0].role_class) if others else (None, None)
        )
    return Mention(
        kind=kind,
        status=Status.HAPPENED,
        evidence=evidence,
        start=None,
        end=moment,
        precision=3,
        approximate=approximate,
        place=None,  # where it was is the happening's, told where it began
        destination=None,
        counterpart=counterpart,
        counterpart_class=role_class,
        subject=None,
        explicit=False,
        ends=True,
    )


#: "has ended", "have just wrapped up": over as it is written.
_JUST = regexes.compile(r"\b(?:has|have)\s+(?:now\s+|just\s+)?$", re.I)
#: Between "ended" and its clock: nothing, or a preposition ("ended at 12.40pm").
_AT_CLOCK = regexes.compile(r"\s+(?:at\s+|shortly\s+|just\s+|around\s+|about\s+)*", re.I)


def zone_named(sentence: str, ctx: Context) -> str | None:
    """The clock of the first known place a sentence names that has one."""
    return next((m.place.zone for m in ctx.places_in(sentence) if m.known and m.place.zone), None)


def _local_zone(sentence: str, ctx: Context, recent: dict[str, Place]) -> str | None:
    """The clock of where a sentence happens: that of a place it names (`zone_named`),
    else that of the city the story named last."""
    return zone_named(sentence, ctx) or _zone_there(None, recent)


def _news_untimed(kind: str, tags: list[timex.Timex]) -> bool:
    """Whether an entry's first sentence, told with no time, tells its news, just before
    its stamp, rather than background: "Costa landed at …"; "Costa celebrated Mass on …"
    with no "earlier" putting it before. Talks, signings and meals need not: the
    itinerary keeps them however vaguely timed (`cluster.keep`)."""
    return kind in JOURNEYS or (not tags and kind not in _KEPT_UNTIMED)


#: Kinds `cluster.keep` keeps however vaguely timed.
_KEPT_UNTIMED = frozenset(TALKS | {"signing", "meal"})


def _after_arrival(
    arrival: Mention, minutes: int, start: datetime | date | None, end: datetime | date | None
) -> tuple[datetime | date | None, datetime | date | None]:
    """When a happening the journey was for begins, as no clock of its own says: as the
    arrival ends, for the kind's usual length. A day alone (an article's) stays as it was."""
    begins = arrival.end if isinstance(arrival.end, datetime) else arrival.start
    if not isinstance(begins, datetime):
        return start, end
    return begins, begins + timedelta(minutes=minutes)


def _audience(sentence: str, start: int, end: int) -> str | None:
    """Whom a speech was to: "addressed the Avalon parliament", "spoke to the troops",
    "delivered a speech to the nation"; not a pronoun ("spoke to them")."""
    trigger = sentence[start:end]
    if addressed := _ADDRESSED.match(trigger):
        phrase = trigger[addressed.end() :]  # the trigger names the audience
        if (of := _OF.match(sentence, end)) and (whole := _noun_phrase(sentence[of.end() :])):
            phrase = f"{phrase} of {whole}"  # "a joint session of the Diet"
        elif meal := _MEAL_AFTER.match(sentence, end):
            phrase += meal.group()  # "the Zenda CEO summit luncheon": spoken to, over a meal
    elif _TO_END.search(trigger):  # "spoke to", "spoke for an hour at"
        phrase = _noun_phrase(sentence[end:])
    elif to := _TO.match(sentence, end) or _AT_GATHERING.match(sentence, end):
        phrase = _noun_phrase(sentence[to.end() :])  # "a speech to", "a speech at the … Forum"
    else:
        return None
    if not phrase or _PRONOUN_OBJECT.fullmatch(phrase):
        return None
    return phrase


_ADDRESSED = regexes.compile(r"address(?:es|ed|ing)?\s+", re.I)
_TO_END = regexes.compile(r"\s(?:to|at|before)$", re.I)
_TO = regexes.compile(r"\s+to\s+", re.I)
_OF = regexes.compile(r"\s+of\s+", re.I)
#: "at" before a gathering that is the audience: "a keynote at the Zenda Business Forum".
_AT_GATHERING = regexes.compile(
    r"\s+at\s+(?=(?:the\s+)?[^,.;:]{0,60}?\b(?:Summit|Forum|Conference|Congress|Convention"
    r"|Assembly|Dialogue|Symposium)\b)"
)
_PRONOUN_OBJECT = regexes.compile(r"(?:him|her|them|it|us|you|me)", re.I)
_MEALS = r"(?:dinner|lunch|luncheon|breakfast|banquet)\b"
_MEAL_AFTER = regexes.compile(rf"\s+{_MEALS}", re.I)
_MEAL_WORD = regexes.compile(rf"^(?:\S+\s+){{0,3}}{_MEALS}", re.I)
_LEADING_CONNECTIVE = regexes.compile(r"^(?:(?:and|but|then|where|when|while|which|as)\s+)+", re.I)
_PASSIVE = regexes.compile(
    r"\b(?:was|were|has\s+been|have\s+been|had\s+been|is|are|being)\s+$", re.I
)


#: A ceremony's trigger that ends on the welcome, not on a ceremony's name.
_WELCOMED = regexes.compile(r"(?<!ceremonial\s)welcom\w*\s*\Z", re.IGNORECASE)
#: Words before a rite's name that titles leave out ("celebrated an open-air Mass").
_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "their"})


def _object_phrase(
    kind: str, sentence: str, start: int, end: int, tags: Sequence[timex.Timex] = ()
) -> str | None:
    """What was signed or attended ("a pact to cooperate on …"), for titles: the words
    after the trigger, up to a time told after it ("signed the deal earlier this
    afternoon"), or before it when it is passive ("a framework agreement … was signed
    between …"); whom a speech was to (`_audience`); what ceremony it was."""
    if kind == "speech":
        return _audience(sentence, start, end)
    if kind == "ceremony":  # "welcome ceremony"; "laid a wreath": a wreath-laying
        trigger = sentence[start:end].lower()
        if "wreath" in trigger:
            return "wreath-laying"
        if trigger.startswith("pa"):  # "paid his respects at", "pays tribute at"
            return "tribute"
        if trigger.startswith(("inspect", "review")):  # "inspected the guard of honour"
            return " ".join(w for w in trigger.split()[1:] if w not in _DETERMINERS)
        if " with " in trigger:  # "welcomed her with a ceremony"
            return "welcome ceremony"
        if _WELCOMED.search(trigger):  # "will be welcomed at …", "formally welcomed"
            return "welcome"
        return " ".join(trigger.split())
    if kind == "worship":  # "prayed at": a prayer; "celebrated an open-air Mass": that Mass
        words = sentence[start:end].split()
        if words[0].lower().startswith("pray"):
            return "prayer"
        return " ".join(words[2:] if words[1].lower() in _DETERMINERS else words[1:])
    if kind not in ("signing", "attendance", "visit"):
        return None
    if kind == "signing" and (of := _OF.match(sentence, end)):
        end = of.end()  # "witnessed the signing of a ceasefire agreement"
    # "is being given a tour of": what it is of, not who is given it
    tour_of = sentence[start:end].lower().endswith(" of")
    if not tour_of and (passive := _PASSIVE.search(sentence, 0, start)) is not None:
        clause = re.split(r"[,;:(\"“”]", sentence[: passive.start()])[-1]
        words = _LEADING_CONNECTIVE.sub("", clause.strip()).split()
        return " ".join(words[:20]) or None  # titles cut it short with an ellipsis
    stops = (
        # "a declaration on … and announced a scheme": the next act, not "and related …"
        r"by|with|during|after|before|at|while|as|alongside|between|"
        r"and(?=\s+(?:then\s+)?[a-z]+ed\s+(?:a|an|the|to|that|his|her|their)\s)"
        if kind == "signing"
        # "attend a summit from Sunday": the summit
        else r"by|with|during|after|before|in|at|on|and|while|as|from|until"
    )
    # "the Mass celebrated by Sato", "a concert given in her honour": the Mass, a concert
    stops += r"|[a-z]+ed\s+by|given|held|hosted|staged|organi[sz]ed|arranged|thrown"
    cut = min((t.span[0] for t in tags if t.span[0] >= end), default=len(sentence))
    # a full stop ends it, not an initial's ("the ASEAN-U.S. summit")
    phrase = re.split(
        rf"[,;:!?\"“”(]|(?<![A-Z])\.|\s(?:{stops})\s", sentence[end:cut].strip() + " "
    )[0]
    phrase = phrase.strip()
    if len(phrase.split()) > 14:  # "a framework on … and a document on …": the first
        phrase = _SECOND_OBJECT.split(phrase, maxsplit=1)[0]
    if len(phrase.split()) > 14:
        phrase = _DANGLING.sub("", " ".join(phrase.split()[:10]))
    return phrase or None


#: Where a second thing named begins: "… rare earths and a document on …".
_SECOND_OBJECT = regexes.compile(r"\s+and\s+(?=(?:a|an|the|two|three|several)\s)")
#: Words a phrase cut short must not end on: "… and rare earths and".
_DANGLING = regexes.compile(r"(?:\s+(?:and|or|of|on|in|to|for|the|a|an|with))+\Z")
