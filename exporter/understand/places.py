"""Where things happen: a gazetteer of known places, and the place mentions of news sentences.

Two sources of places, because news names both famous and obscure ones:

* the gazetteer (``exporter/data/places.yaml`` plus the user's own entries) gives a name its
  coordinates, address and time zone; every alias is found anywhere in a sentence;
* a *locative phrase* ("at the Grand Zenda Hotel", "aboard the USS Nonesuch", "in Avalon") marks a
  run of capitalised words as a place even when the gazetteer has never heard of it, so an event
  can still say where it happened, without coordinates.

News prose capitalises many things that are not places (titles, nationalities, organisations,
months), so both sources pass through rules about English news language.  No rule names a
particular place: every name lives in the data.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import pytz
import yaml

from exporter.errors import ConfigError
from exporter.lexicon import MONTHS, WEEKDAYS
from exporter.model import Place

#: Kinds a gazetteer entry may have, from the most to the least specific.
KINDS: tuple[str, ...] = ("venue", "airport", "base", "ship", "city", "region", "country")
#: Rank used to pick the most specific of several mentions (lower is more specific).
SPECIFICITY: dict[str, int] = {
    "venue": 0,
    "airport": 0,
    "base": 0,
    "ship": 0,
    "city": 1,
    "region": 2,
    "country": 3,
}

_DATA_FILE = "data/places.yaml"

# -- words of English news language --------------------------------------------------------------
#: Prepositions that make the following name a place the action is *at*.
_LOCATIVE_PREPOSITIONS = r"on\s+board|onboard|aboard|inside|outside|at|in|into|to|from|near"
#: Also accepted in front of a known place (they do not make an unknown run a place).
_KNOWN_ONLY_PREPOSITIONS = r"towards|toward|on|across|around|within|via|over|off"
#: "for" is directional only after a verb of leaving: "departed for", "left for".
_DEPARTURE_VERBS = frozenset(
    "left leave leaves leaving depart departs departed departing bound head heads headed heading"
    " set sets sail sails sailed".split()
)
#: Lowercase words that may stand between a preposition and the place: "in central Avalon".
_MODIFIERS = (
    r"central|downtown|northern|southern|eastern|western|northeastern|northwestern|southeastern"
    r"|southwestern|north|south|east|west|suburban|rural|coastal|nearby|neighboring|neighbouring"
    r"|occupied|greater|outer|inner|sunny|rainy|snowy|chilly|bustling|historic|nearby"
)
#: "in the heart of X" still puts the action in X.
_PART_OF = (
    r"heart|center|centre|middle|outskirts|suburbs|streets|city|capital|port|town|village|skies"
    r"|waters|coast|grounds|halls|edge|north|south|east|west|heartland"
)
#: Words before a preposition that make it non-locative, per preposition.
_NOT_LOCATIVE_BEFORE: dict[str, frozenset[str]] = {
    "to": frozenset(
        """according due thanks owing prior compared similar addition ambassador ambassadors
        envoy envoys emissary representative answer reply replied response responded respond
        letter letters message messages said says say told talk talked talking speak speaks
        spoke speaking wrote write writes written give gives gave given hand hands handed
        offer offers offered introduced introduce listen listened listening thank apologize
        apologized apology gift gifts nominate nominated compare relation regard respect close
        shout-out tribute homage condolences congratulations""".split()
    ),
    "from": frozenset(
        """apart aside letter letters message messages call calls gift gifts support words
        order orders input pressure statement readout quote quotes data footage photos
        photo heard hear hears learned received receive receives comments remarks visit
        visits invitation invite nod approval permission help""".split()
    ),
    "at": frozenset(
        """look looked looking aimed aim angry laughed laugh jab jabs swipe swipes glance
        glanced hit hits lashed""".split()
    ),
    "in": frozenset("said says written fluent spoke speaks speaking post posted".split()),
}
#: Personal and professional titles: a run containing one names a person, not a place.
_TITLES = frozenset(
    """president presidents vice prime minister ministers secretary secretaries chancellor
    premier king queen prince princess emperor empress pope mr mrs ms dr sen senator senators
    rep representative gov governor mayor gen adm admiral col colonel lt sgt ambassador
    chief ceo chairman chairwoman chair speaker leader spokesman spokeswoman spokesperson lady
    sir dame judge commissioner director deputy envoy crown sheikh sheik emir sultan
    president-elect pm cabinet""".split()
)
#: Heads of names that are places even with a title word inside ("Ambassador's Residence").
_PLACE_HEADS = frozenset(
    """office residence palace house building hall airport airfield airbase base station center
    centre hotel square park street avenue road embassy consulate stadium arena tower bridge
    museum temple shrine cathedral church mosque university college school hospital port
    harbor harbour island islands bay lake river mountain mount field garden gardens lodge
    complex campus headquarters pavilion plaza mall market memorial cemetery castle villa club
    gate pier terminal district prefecture province county city village town peninsula strait
    sea gulf ocean valley canal forest beach coast camp fort dome theater theatre gallery library
    restaurant resort chamber room parliament capitol compound estate ranch farm""".split()
)
#: Last words of events and organisations, which news puts after "at"/"in" without being places.
_NOT_PLACE_HEADS = frozenset(
    """summit forum conference games olympics series cup championship championships festival
    meeting meetings talks dialogue assembly session sessions ceremony parade award awards prize
    election elections war wars crisis agreement accord treaty deal pact act plan initiative
    program programme day week month year era age group inc corp corporation co ltd llc plc
    company party council committee commission department agency administration association
    federation fund foundation network news times post journal press media television tv radio
    broadcasting service services forces army navy police social app platform index exchange
    show tour league team project projects policy policies""".split()
)
#: A lowercase word right after the run shows it was an attribute: "Acme chief", "Acme founder".
_ROLE_FOLLOWERS = frozenset(
    """chief founder cofounder co-founder ceo leader leaders president minister spokesman
    spokeswoman spokesperson official officials executive executives head chairman chair
    director lawmaker lawmakers envoy ambassador counterpart player players star superstar
    coach team fans shares stock products users account accounts app platform readout
    statement report reporter reporters correspondent analyst analysts employee employees
    staff brand model""".split()
)
#: Capitalised words that never start a name: sentence-openers, pronouns, conjunctions.
_FUNCTION_WORDS = frozenset(
    """a an the he she it they we i you but and or so nor yet in on at this that these those
    there here his her its their our my your after before when while as if for with from to by
    of meanwhile however also then still now later earlier today tonight yesterday tomorrow
    not no yes""".split()
)
#: Holidays and seasons are capitalised but are times, not places.
_TIME_WORDS = frozenset(
    """christmas easter ramadan eid thanksgiving hanukkah diwali halloween lent passover
    new year's spring summer autumn fall winter""".split()
)
#: Morphology of nationality and language adjectives not listed in the data.
_ADJECTIVE_SUFFIXES = ("ese", "ian", "ish")
#: Particles that may join capitalised words inside one name ("Place de la Concorde").
_CONNECTORS = (
    "of",
    "the",
    "and",
    "de",
    "du",
    "des",
    "la",
    "le",
    "al",
    "el",
    "da",
    "di",
    "von",
    "van",
    "y",
)

_UPPER = "A-ZÀ-ÖØ-Þ"
_TOKEN = (
    rf"(?:(?:[{_UPPER}]\.){{2,}}"  # initialisms: A.B., X.Y.Z.
    r"|(?:St|Mt|Ft|Pt)\."  # abbreviated heads: St. Zenda
    rf"|[{_UPPER}][^\W_]*(?:[-–‑][^\W_]+)*(?:['’]s)?(?![\w]))"  # words, hyphens, possessive
)
_RUN = rf"{_TOKEN}(?:(?:\s+(?:{'|'.join(_CONNECTORS)})\s+|\s+){_TOKEN})*"
#: A locative phrase: preposition, optional "the" and modifier, then a run of capitalised words.
_LOCATIVE = re.compile(
    rf"(?<![\w'’])(?P<prep>(?i:{_LOCATIVE_PREPOSITIONS}|for))\s+"
    rf"(?:(?i:the)\s+)?(?:(?:{_PART_OF})\s+of\s+(?:(?i:the)\s+)?)?(?:(?:{_MODIFIERS})\s+)?"
    rf"(?P<run>{_RUN})"
)
#: The preposition governing a known place that starts at the end of the text before it.
_PREP_BEFORE = re.compile(
    rf"(?<![\w'’])(?P<prep>(?i:{_LOCATIVE_PREPOSITIONS}|{_KNOWN_ONLY_PREPOSITIONS}|for))\s+"
    rf"(?:(?i:the)\s+)?(?:(?:{_PART_OF})\s+of\s+(?:(?i:the)\s+)?)?(?:(?:{_MODIFIERS})\s+)?\Z"
)
_WORD = re.compile(r"[^\W_]+")
_WORD_BEFORE = re.compile(r"([^\s]+)[ \t]+\Z")
_WORD_AFTER = re.compile(r"[ \t]+([^\s]+)")
_POSSESSIVE = re.compile(r"['’]s(?!\w)|(?<=s)['’](?![\w'’])")
_OF_BEFORE = re.compile(r"([^\s]+)\s+of\s+(?P<the>the\s+)?\Z")
_IN_GAP = re.compile(r"\s+in\s+(?:the\s+)?")
_POSSESSIVE_GAP = re.compile(r"['’]s?\s+")
_AND = re.compile(r"\s+and\s+(?:the\s+)?")
_OPENING = "\"“‘'([{«"
_CLOSING = ".,;:!?\"”’')]}»"


def name_key(text: str) -> str:
    """The form two spellings of one name share: "the A.B." = "A.B" = "a.b.", "Avalon's" = "avalon".

    Used for every lookup, so "The Citadel", "Citadel," and "citadel" find the same entry.
    """
    t = (
        text.replace("’", "'")
        .replace("‘", "'")
        .replace("–", "-")
        .replace("—", "-")
        .replace("‑", "-")
    )
    t = " ".join(t.split()).casefold().strip(" .,;:!?\"'()[]{}-")
    if t.startswith("the "):
        t = t[4:]
    if t.endswith("'s"):
        t = t[:-2]
    return t.rstrip(" .,;:!?\"')]}-")


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a sentence: where it is written, what it is, and how it was introduced."""

    text: str
    span: tuple[int, int]
    #: From the gazetteer when known; for unknown places only ``name`` is set.
    place: Place
    #: True when the gazetteer knows the place (then it has coordinates and a zone).
    known: bool
    #: The locative preposition that introduced it ("at", "in", "aboard" …), lowercase.
    preposition: str | None


@dataclass(frozen=True)
class _Entry:
    """One gazetteer entry as parsed, before zones are inherited from containers."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    address: str | None = None
    lat: float | None = None
    lon: float | None = None
    zone: str | None = None
    country: str | None = None
    within: str | None = None
    demonyms: tuple[str, ...] = ()


@dataclass
class _Found:
    """A mention under construction (mutable so a possessive can hand its preposition on)."""

    start: int
    end: int
    place: Place
    known: bool
    preposition: str | None
    possessive: bool = False


class Gazetteer:
    """Known places by name and alias, and the finder of place mentions in sentences.

    Built once per run (the built-in data is parsed once per process); lookups and ``find`` are
    pure functions of the entries, so the same sentence always gives the same mentions.
    """

    def __init__(self, entries: Sequence[_Entry], adjectives: Iterable[str] = ()) -> None:
        merged: dict[str, _Entry] = {}
        latest: dict[str, int] = {}  # later entries (the user's) claim a shared alias
        for i, entry in enumerate(entries):
            key = name_key(entry.name)
            old = merged.get(key)
            merged[key] = entry if old is None else _merge(old, entry)
            latest[key] = i
        self._entries: dict[str, _Entry] = merged
        self._by_key: dict[str, str] = {}
        self._forms: dict[str, list[str]] = {}
        for key in sorted(merged, key=latest.__getitem__):
            entry = merged[key]
            for surface in (entry.name, *entry.aliases):
                alias_key = name_key(surface)
                if alias_key:
                    self._by_key[alias_key] = key
                    self._forms.setdefault(alias_key, []).append(_strip_the(surface))
        for key in merged:  # a canonical name always means its own entry
            self._by_key[key] = key
        self._places: dict[str, Place] = {k: self._resolve(e) for k, e in merged.items()}
        self._place_keys: dict[Place, str] = {p: k for k, p in self._places.items()}
        self._country_entries: dict[str, str] = {
            e.country: k for k, e in merged.items() if e.kind == "country" and e.country
        }
        self._adjectives: frozenset[str] = frozenset(
            {a.casefold() for a in adjectives}
            | {d.casefold() for e in merged.values() for d in e.demonyms}
        )
        buckets: dict[str, set[str]] = {}
        for forms in self._forms.values():
            for surface in forms:
                first = _WORD.search(surface)
                if first:
                    buckets.setdefault(first.group().casefold(), set()).add(surface)
        self._buckets: dict[str, tuple[str, ...]] = {
            k: tuple(sorted(v, key=lambda s: (-len(s), s))) for k, v in buckets.items()
        }
        self._bucket_rx: dict[str, re.Pattern[str]] = {}

    # -- construction -----------------------------------------------------------------------------
    @classmethod
    def load(cls, extra: Iterable[Mapping[str, Any]] = ()) -> Gazetteer:
        """The built-in gazetteer plus the user's entries, which win on a name clash.

        A user entry with the name of a built-in one replaces its fields and adds its aliases,
        so a correction of coordinates never loses the ways the news writes the name.
        """
        extra = tuple(extra)
        if not extra:
            return _builtin()
        entries, adjectives = _builtin_data()
        user = tuple(_parse_entry(raw, i, "configuration") for i, raw in enumerate(extra))
        return cls((*entries, *user), adjectives)

    def _resolve(self, entry: _Entry) -> Place:
        """The entry as a Place, taking a missing zone from its container or country."""
        zone = entry.zone
        if zone is None and entry.within:
            container = self._entries.get(name_key(entry.within))
            zone = container.zone if container else None
        if zone is None and entry.country:
            zones = pytz.country_timezones.get(entry.country, [])
            zone = zones[0] if len(zones) == 1 else None
        return Place(
            name=entry.name,
            address=entry.address,
            lat=entry.lat,
            lon=entry.lon,
            zone=zone,
            kind=entry.kind,
        )

    def __len__(self) -> int:
        return len(self._entries)

    def places(self) -> tuple[Place, ...]:
        """Every known place, in data order (built-in first, then the user's)."""
        return tuple(self._places.values())

    # -- lookups ----------------------------------------------------------------------------------
    def lookup(self, name: str) -> Place | None:
        """The place a name or alias means, ignoring case, "the", possessive and punctuation."""
        key = self._by_key.get(name_key(name))
        return self._places[key] if key else None

    def zone_for(self, name: str) -> str | None:
        """The IANA zone of a place or country name, as for a dateline "AVALON, Freedonia --".

        Known places give their own zone; other countries, by ISO code or English name, give
        their only zone, or their capital's when the gazetteer knows it.  A "Town, Country"
        dateline falls back on the town, then on the country.
        """
        place = self.lookup(name)
        if place is not None and place.zone:
            return place.zone
        code = _country_code(name)
        if code:
            known = self._country_entries.get(code)
            if known and self._places[known].zone:
                return self._places[known].zone
            zones = pytz.country_timezones.get(code, [])
            if len(zones) == 1:
                return zones[0]
            return None
        parts = [p for p in (s.strip(" -–—") for s in name.split(",")) if p]
        if len(parts) > 1:
            for part in (parts[0], parts[-1]):
                zone = self.zone_for(part)
                if zone:
                    return zone
        return None

    def country_of(self, place: Place) -> str | None:
        """ISO 3166 alpha-2 code of the country a place is in, from the data or its zone."""
        key = self._place_keys.get(place)
        if key is None:
            key = self._by_key.get(name_key(place.name))
            if key is not None and self._places[key].name != place.name:
                key = None
        if key is not None and self._entries[key].country:
            return self._entries[key].country
        if place.zone:
            return _zone_countries().get(place.zone)
        return None

    def is_adjective(self, word: str) -> bool:
        """True for nationality and language words ("Freedonian", "Latin", "Freedonians")."""
        w = name_key(word)
        if not w or self._by_key.get(w):
            return False
        if w in self._adjectives or (w.endswith("s") and w[:-1] in self._adjectives):
            return True
        return " " not in w and len(w) >= 6 and w.endswith(_ADJECTIVE_SUFFIXES)

    # -- finding ----------------------------------------------------------------------------------
    def find(self, sentence: str) -> list[PlaceMention]:
        """All place mentions of a sentence, left to right, never overlapping.

        Gazetteer names are matched first (longest at each position, so a venue beats the city
        in its name); then locative phrases add the places the gazetteer does not know.
        """
        known = self._find_known(sentence)
        unknown = self._find_unknown(sentence, known)
        found = sorted((*known, *unknown), key=lambda f: f.start)
        return [
            PlaceMention(
                text=sentence[f.start : f.end],
                span=(f.start, f.end),
                place=f.place,
                known=f.known,
                preposition=f.preposition,
            )
            for f in found
        ]

    def _match_at(self, sentence: str, pos: int, first: str) -> re.Match[str] | None:
        """The longest alias starting at ``pos`` whose first word is ``first`` (casefolded)."""
        rx = self._bucket_rx.get(first)
        if rx is None:
            body = "|".join(_surface_pattern(s) for s in self._buckets[first])
            rx = re.compile(rf"(?<![\w.'’])(?:{body})(?!\w)", re.IGNORECASE)
            self._bucket_rx[first] = rx
        return rx.match(sentence, pos)

    def _starts_place(self, sentence: str, pos: int) -> bool:
        """True when a gazetteer name starts at ``pos`` (so a capital there is not an attribute)."""
        first = _WORD.match(sentence, pos)
        if first is None:
            return False
        key = first.group().casefold()
        return key in self._buckets and self._match_at(sentence, pos, key) is not None

    def _find_known(self, sentence: str) -> list[_Found]:
        """Gazetteer names, tried only at words that begin some alias (a first-word index)."""
        found: list[_Found] = []
        last_end = 0
        for token in _WORD.finditer(sentence):
            start = token.start()
            if start < last_end:
                continue
            first = token.group().casefold()
            if first not in self._buckets:
                continue
            m = self._match_at(sentence, start, first)
            if m is None:
                continue
            key = self._by_key.get(name_key(m.group()))
            if key is None or not self._cased_like_alias(m.group()):
                continue
            prev_end = found[-1].end if found else -1
            mention = self._accept_known(sentence, m.start(), m.end(), key, prev_end)
            if mention is not None:
                found.append(mention)
                last_end = mention.end
        _hand_on_possessives(sentence, found)
        self._demote_elsewhere(sentence, found)
        return found

    def _demote_elsewhere(self, sentence: str, found: list[_Found]) -> None:
        """ "the A.B. Embassy in Zenda" is not the embassy the data knows in Avalon.

        A generic venue name ("Embassy", "Royal Palace") followed by "in" and a place that
        does not contain the known venue names another building: keep it, but as unknown.
        """
        for i, (here, nxt) in enumerate(itertools.pairwise(found)):
            if here.place.kind in ("city", "region", "country", "ship") or not here.known:
                continue  # a ship is the same ship wherever it sails
            if nxt.place.kind not in ("city", "region", "country"):
                continue
            if not _IN_GAP.fullmatch(sentence, here.end, nxt.start):
                continue
            if self._contradicts(
                self._by_key.get(name_key(nxt.place.name)),
                self._by_key.get(name_key(here.place.name)),
            ):
                found[i] = _Found(
                    start=here.start,
                    end=here.end,
                    place=Place(name=_strip_the(sentence[here.start : here.end])),
                    known=False,
                    preposition=here.preposition,
                )

    def _contradicts(self, outer: str | None, inner: str | None) -> bool:
        """Does the data put entry ``inner`` somewhere other than entry ``outer`` says?

        Another country always contradicts; another city only when the data knows the
        venue's city.  Without that knowledge the venue is given the benefit of the doubt.
        """
        if outer is None or inner is None:
            return False
        outer_entry, inner_entry = self._entries[outer], self._entries[inner]
        if outer_entry.country and inner_entry.country != outer_entry.country:
            return bool(inner_entry.country)
        if outer_entry.kind == "country":
            return False
        chain: list[str] = []
        key = inner
        while (within := self._entries[key].within) is not None:
            key = self._by_key.get(name_key(within), "")
            if not key or key in chain:
                break
            chain.append(key)
        if outer in chain:
            return False
        return outer_entry.kind == "city" and any(self._entries[k].kind == "city" for k in chain)

    def _cased_like_alias(self, text: str) -> bool:
        """A capitalised alias word must be capitalised in the text: "avalon" is not a place."""
        words = text.split()
        for form in self._forms.get(name_key(text), ()):
            alias_words = form.split()
            if len(alias_words) == len(words) and all(
                not _initial(a).isupper() or _initial(w).isupper()
                for a, w in zip(alias_words, words, strict=True)
            ):
                return True
        return False

    def _accept_known(
        self, sentence: str, start: int, end: int, key: str, prev_end: int
    ) -> _Found | None:
        """Apply the rules that tell a place from a name used as an attribute or inside a name."""
        possessive = bool(_POSSESSIVE.match(sentence, end))
        if not possessive and self._attributive(sentence, end):
            return None  # "Freedonia Treasury Secretary", "Avalon Rovers", "Freedonia First"
        if self._inside_longer_name(sentence, start, prev_end):
            return None  # "George Avalon", "Bank of Freedonia", "President of Freedonia"
        return _Found(
            start=start,
            end=end,
            place=self._places[key],
            known=True,
            preposition=_preposition_before(sentence, start),
            possessive=possessive,
        )

    def _attributive(self, sentence: str, end: int) -> bool:
        """True when a capitalised word follows directly, as in "Freedonia PM", "Avalon Police"."""
        m = _WORD_AFTER.match(sentence, end)
        if m is None:
            return False
        word = m.group(1)
        if not _initial(word).isupper() or not word[0].isalpha():
            return False
        bare = word.rstrip(_CLOSING).casefold()
        if bare in _FUNCTION_WORDS or bare in MONTHS or bare in WEEKDAYS or len(bare) < 2:
            return False
        if sentence[end - 1] == "." and self._sentence_starts(sentence, m.end(1)):
            return False  # "in the A.B. Other topics were": the full stop ended a sentence
        return not self._starts_place(sentence, m.start(1))

    @staticmethod
    def _sentence_starts(sentence: str, pos: int) -> bool:
        """After an initialism, does running prose go on, so the initialism ended a sentence?

        A title or name goes on capitalised ("A.B. Treasury Secretary", "A.B. Ambassador to");
        a new sentence goes on in lowercase content words ("A.B. Other topics included").
        """
        m = _WORD_AFTER.match(sentence, pos)
        if m is None:
            return False
        nxt = m.group(1)
        return nxt[0].islower() and nxt.rstrip(_CLOSING).casefold() not in _FUNCTION_WORDS

    def _inside_longer_name(self, sentence: str, start: int, prev_end: int) -> bool:
        """True when the match continues a capitalised name begun before it."""
        head = sentence[max(0, start - 80) : start]
        m = _WORD_BEFORE.search(head)
        if m is not None:
            word = m.group(1)
            word_start = start - len(head) + m.start(1)
            if self._continues_name(sentence, word, word_start, prev_end, adjacent=True):
                return True
        m = _OF_BEFORE.search(head)
        if m is not None:
            word = m.group(1)
            if m.group("the") and word.casefold() in _PLACE_HEADS:
                return False  # "the Rose Garden of the Grand Hall": one place inside another
            word_start = start - len(head) + m.start(1)
            return self._continues_name(sentence, word, word_start, prev_end, adjacent=False)
        return False

    def _continues_name(
        self, sentence: str, word: str, word_start: int, prev_end: int, *, adjacent: bool
    ) -> bool:
        """Is ``word`` (just before a match, or before its "of") part of the same proper name?"""
        if word[-1] in ",;:)]}\"”'’!?" or word[0] in _OPENING:
            return False
        if re.search(r"['’]s?\Z", word):
            return False  # "Avalon's Zenda Airport": two places, the first owns the second
        if not _initial(word).isupper() or not word[0].isalpha():
            return False
        if word.endswith(".") and not re.fullmatch(rf"(?:[{_UPPER}]\.)+", word):
            return False  # a full stop: the previous sentence ended
        if adjacent and not sentence[:word_start].strip(" \t" + _OPENING):
            return False  # sentence-initial capital: "Meanwhile Avalon said"
        if word_start + len(word) <= prev_end:
            return False  # the previous word is itself a place: "Freedonia Avalon"
        bare = word.rstrip(".").casefold()
        if bare in _FUNCTION_WORDS or bare in MONTHS or bare in WEEKDAYS:
            return False
        return not self.is_adjective(word)

    def _find_unknown(self, sentence: str, known: list[_Found]) -> list[_Found]:
        """Places the gazetteer does not know, from "at/in/aboard … Capitalised Words"."""
        if _title_case(sentence):
            return []  # headlines capitalise every word: a run proves nothing there
        found: list[_Found] = []
        for m in _LOCATIVE.finditer(sentence):
            prep = _normal_preposition(m.group("prep"))
            if not _locative_context(sentence, m.start("prep"), prep):
                continue
            for seg_start, seg_end in _conjuncts(sentence, m.start("run"), m.end("run")):
                seg = self._leftover(sentence, seg_start, seg_end, known)
                if seg is None:
                    continue
                s, e = seg
                text = sentence[s:e]
                after = _WORD_AFTER.match(sentence, e)
                follower = after.group(1).rstrip(_CLOSING).casefold() if after else ""
                if self._looks_like_place(text, follower):
                    found.append(
                        _Found(
                            start=s,
                            end=e,
                            place=Place(name=_strip_the(text)),
                            known=False,
                            preposition=prep,
                        )
                    )
        return found

    @staticmethod
    def _leftover(
        sentence: str, start: int, end: int, known: list[_Found]
    ) -> tuple[int, int] | None:
        """What of a run is not yet a known place: "at Avalon's Grand Hotel" → "Grand Hotel"."""
        overlapping = [k for k in known if k.start < end and start < k.end]
        if not overlapping:
            return start, end
        last = max(overlapping, key=lambda k: k.end)
        if not last.possessive:
            return None
        m = _POSSESSIVE_GAP.match(sentence, last.end)
        if m is None or m.end() >= end or not _initial(sentence[m.end() : end]).isupper():
            return None
        return m.end(), end

    def _looks_like_place(self, text: str, follower: str) -> bool:
        """Rules of news language that tell a place name from other capitalised runs."""
        if re.search(r"['’]s?\Z", text):
            return False  # "from Quimby's home": the place is the lowercase head
        words = [w for w in text.split() if w not in _CONNECTORS]
        if not words:
            return False
        bare = [w.rstrip(".").replace("’", "'").removesuffix("'s").casefold() for w in words]
        if bare[0] in MONTHS or bare[0] in WEEKDAYS or bare[0] in _TIME_WORDS:
            return False
        if len(words) == 1:
            letters = re.sub(r"[^\w]", "", words[0])
            if len(letters) < 2 or letters.isupper():
                return False  # "in X", "in NATO": an initial or an organisation's acronym
            if self.is_adjective(words[0]):
                return False  # "in Latin", "to Freedonian"
        if bare[-1] in _NOT_PLACE_HEADS:
            return False  # "at the G7 Summit", "from the Commerce Department"
        placeish = bare[-1] in _PLACE_HEADS
        if not placeish and any(b in _TITLES for b in bare):
            return False  # "to Prime Minister Quimby"
        if not placeish and self.is_adjective(words[0]):
            return False  # "to Freedonian President Quimby"
        # "to Acme chief Jane Doe", "from the Zenda-2 project"
        return follower not in _ROLE_FOLLOWERS and follower not in _NOT_PLACE_HEADS


def most_specific(mentions: Iterable[PlaceMention]) -> PlaceMention | None:
    """The mention that best says where: venue before city before region before country.

    Between equals a known place wins over an unknown one (it has coordinates), then one a
    locative preposition introduced, then the first written.
    """
    ranked = sorted(
        enumerate(mentions),
        key=lambda im: (
            SPECIFICITY.get(im[1].place.kind, 0),
            not im[1].known,
            im[1].preposition is None,
            im[0],
        ),
    )
    return ranked[0][1] if ranked else None


# -- helpers ------------------------------------------------------------------------------------
def _initial(word: str) -> str:
    """First letter or digit of a word, skipping opening quotes and brackets."""
    for ch in word:
        if ch.isalnum():
            return ch
    return ""


def _strip_the(text: str) -> str:
    text = text.strip()
    return text[4:].lstrip() if text[:4].casefold() == "the " else text


def _surface_pattern(surface: str) -> str:
    """Regex of one alias: flexible spaces, either apostrophe, any dash; all-caps stays cased."""
    parts = []
    for ch in surface:
        if ch == " ":
            parts.append(r"\s+")
        elif ch in "'’":
            parts.append("['’]")
        elif ch in "-–‑":
            parts.append("[-–‑]")
        else:
            parts.append(re.escape(ch))
    body = "".join(parts)
    letters = [c for c in surface if c.isalpha()]
    return f"(?-i:{body})" if len(letters) >= 2 and all(c.isupper() for c in letters) else body


def _normal_preposition(prep: str) -> str:
    prep = " ".join(prep.casefold().split())
    return "on board" if prep == "onboard" else prep


def _locative_context(sentence: str, prep_start: int, prep: str) -> bool:
    """Is the preposition locative here? Not in "according to", "letter from", "left … for"."""
    m = re.search(r"([\w'’-]+)\W*\Z", sentence[max(0, prep_start - 40) : prep_start])
    before = m.group(1).casefold() if m else ""
    if prep == "for":
        return before in _DEPARTURE_VERBS
    return before not in _NOT_LOCATIVE_BEFORE.get(prep, frozenset())


def _preposition_before(sentence: str, start: int) -> str | None:
    """The locative preposition right before a known place, if the context makes it locative."""
    window_start = max(0, start - 80)
    m = _PREP_BEFORE.search(sentence[window_start:start])
    if m is None:
        return None
    prep = _normal_preposition(m.group("prep"))
    if not _locative_context(sentence, window_start + m.start("prep"), prep):
        return None
    return prep


def _hand_on_possessives(sentence: str, found: list[_Found]) -> None:
    """In "at Avalon's Zenda Airport" the "at" governs the airport, not the city."""
    for here, nxt in itertools.pairwise(found):
        if not here.possessive:
            continue
        gap = sentence[here.end : nxt.start]
        if re.fullmatch(r"['’]s?\s+", gap) and nxt.preposition is None:
            nxt.preposition = here.preposition
        here.preposition = None
    if found and found[-1].possessive:
        found[-1].preposition = None


def _conjuncts(sentence: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split "Avalon and Zenda" into two places; each shares the preposition."""
    pieces = []
    pos = start
    for m in _AND.finditer(sentence, start, end):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, end))
    return [(s, e) for s, e in pieces if e > s]


def _title_case(sentence: str) -> bool:
    """Headlines and section titles capitalise every word but the small function words.

    A sentence of names ("Quimby meets Mayor Jane Doe at the Grand Hall") still has a
    lowercase verb; a title ("Welcoming Ceremony and Official Program in Avalon") has none.
    """
    words = re.findall(r"[^\W\d_][\w'’-]*", sentence)
    content = [w for w in words if w.casefold() not in _FUNCTION_WORDS]
    return len(content) >= 3 and all(w[0].isupper() for w in content)


def _country_code(name: str) -> str | None:
    """ISO code of a country written as a code ("FR") or an English name pytz knows."""
    text = name.strip().strip(".,;:-–— ")
    if len(text) == 2 and text.isalpha() and text.isupper() and text in pytz.country_names:
        return text
    return _country_names().get(name_key(text))


@functools.cache
def _country_names() -> dict[str, str]:
    """pytz's English country names by key, with "Sudan (South)" also as "South Sudan"."""
    names: dict[str, str] = {}
    for code, label in pytz.country_names.items():
        names[name_key(label)] = code
        m = re.fullmatch(r"(.+?) \((.+)\)", label)
        if m:
            names.setdefault(name_key(f"{m.group(2)} {m.group(1)}"), code)
            names.setdefault(name_key(m.group(1)), code)
    return names


@functools.cache
def _zone_countries() -> dict[str, str]:
    """The country of each zone that belongs to exactly one country."""
    owners: dict[str, set[str]] = {}
    for code, zones in pytz.country_timezones.items():
        for zone in zones:
            owners.setdefault(zone, set()).add(code)
    return {zone: next(iter(codes)) for zone, codes in owners.items() if len(codes) == 1}


def _merge(old: _Entry, new: _Entry) -> _Entry:
    """A user entry over a built-in one: its fields win, the aliases of both are kept."""
    aliases = tuple(dict.fromkeys((*new.aliases, *old.aliases, old.name)))
    return _Entry(
        name=new.name,
        kind=new.kind,
        aliases=aliases,
        address=new.address if new.address is not None else old.address,
        lat=new.lat if new.lat is not None else old.lat,
        lon=new.lon if new.lon is not None else old.lon,
        zone=new.zone or old.zone,
        country=new.country or old.country,
        within=new.within or old.within,
        demonyms=tuple(dict.fromkeys((*new.demonyms, *old.demonyms))),
    )


def _parse_entry(raw: Any, index: int, origin: str) -> _Entry:
    """Check one entry of the schema; a mistake names the entry and what to write instead."""
    if not isinstance(raw, Mapping):
        raise ConfigError(
            f"place #{index + 1} is not a mapping",
            path=origin,
            hint="write each place as name:, kind:, lat:, lon:, zone: …",
        )
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(
            f"place #{index + 1} has no name", path=origin, hint="give every place a name:"
        )
    label = f"place {name!r}"

    def strings(key: str) -> tuple[str, ...]:
        value = raw.get(key) or ()
        if isinstance(value, str):
            value = (value,)
        if not all(isinstance(v, str) and v.strip() for v in value):
            raise ConfigError(f"{label}: {key} must be a list of names", path=origin)
        return tuple(v.strip() for v in value)

    def text(key: str) -> str | None:
        value = raw.get(key)
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"{label}: {key} must be text", path=origin)
        return value.strip() if value else None

    def degrees(key: str, limit: float) -> float | None:
        value = raw.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"{label}: {key} must be a number of degrees", path=origin)
        if not -limit <= float(value) <= limit:
            raise ConfigError(
                f"{label}: {key} {value} is out of range",
                path=origin,
                hint=f"{key} lies between -{limit:g} and {limit:g}",
            )
        return float(value)

    kind = raw.get("kind", "venue")
    if kind not in KINDS:
        raise ConfigError(
            f"{label}: unknown kind {kind!r}",
            path=origin,
            hint="kind is one of " + ", ".join(KINDS),
        )
    lat, lon = degrees("lat", 90), degrees("lon", 180)
    if (lat is None) != (lon is None):
        raise ConfigError(f"{label}: give both lat and lon, or neither", path=origin)
    zone = text("zone")
    if zone is not None and zone not in pytz.all_timezones_set:
        raise ConfigError(
            f"{label}: unknown time zone {zone!r}",
            path=origin,
            hint="use an IANA zone name, Area/Location",
        )
    country = text("country")
    if country is not None and country.upper() not in pytz.country_names:
        raise ConfigError(
            f"{label}: unknown country code {country!r}",
            path=origin,
            hint="use an ISO 3166 alpha-2 code such as FR",
        )
    return _Entry(
        name=name.strip(),
        kind=kind,
        aliases=strings("aliases"),
        address=text("address"),
        lat=lat,
        lon=lon,
        zone=zone,
        country=country.upper() if country else None,
        within=text("within"),
        demonyms=strings("demonyms"),
    )


@functools.cache
def _builtin_data() -> tuple[tuple[_Entry, ...], frozenset[str]]:
    """The packaged gazetteer, parsed and checked once per process."""
    source = resources.files("exporter").joinpath(_DATA_FILE)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser is 10x faster
    data = yaml.load(source.read_text(encoding="utf-8"), Loader=loader) or {}  # safe: a SafeLoader
    origin = f"exporter/{_DATA_FILE}"
    raw_places = data.get("places") or []
    entries = tuple(_parse_entry(raw, i, origin) for i, raw in enumerate(raw_places))
    adjectives = frozenset(a for a in data.get("adjectives") or () if isinstance(a, str))
    return entries, adjectives


@functools.cache
def _builtin() -> Gazetteer:
    entries, adjectives = _builtin_data()
    return Gazetteer(entries, adjectives)
