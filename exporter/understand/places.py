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

The entries' schema and loading live in ``gazetteer_data``, the words and patterns of news
language in ``place_phrases``; this module joins them into the ``Gazetteer`` and its ``find``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pytz

from exporter import regexes
from exporter.lexicon import MONTHS, UPPER, WEEKDAYS
from exporter.model import Place
from exporter.understand.gazetteer_data import (
    KINDS,
    _builtin_data,
    _country_code,
    _Entry,
    _merge,
    _zone_countries,
    name_key,
    parse_entry,
)
from exporter.understand.people import is_headline_verb
from exporter.understand.place_phrases import (
    _ADJECTIVE_SUFFIXES,
    _BEFORE_PARTICLES,
    _CLOSING,
    _CONNECTORS,
    _FUNCTION_WORDS,
    _IN_GAP,
    _LOCATIVE,
    _NOT_PLACE_HEADS,
    _OF_BEFORE,
    _OPENING,
    _PLACE_FIRSTS,
    _PLACE_HEADS,
    _POSSESSIVE,
    _POSSESSIVE_GAP,
    _ROLE_FOLLOWERS,
    _STREET_WORDS,
    _TIME_WORDS,
    _TITLES,
    _VISITED,
    _WORD,
    _WORD_AFTER,
    _WORD_BEFORE,
    _conjuncts,
    _Found,
    _hand_on_possessives,
    _initial,
    _locative_context,
    _normal_preposition,
    _preposition_before,
    _strip_the,
    _surface_pattern,
    title_case,
)

__all__ = ["KINDS", "SPECIFICITY", "Gazetteer", "PlaceMention", "most_specific", "name_key"]

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


#: Words that qualify a place's head in its name, which some papers write in lower case
#: ("Zenda international airport", "the Avalon presidential palace").
_KIND_WORDS = frozenset(
    """international national air force naval military presidential royal imperial state
    guest ambassador's ambassador’s""".split()
)


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
        self._seconds: dict[str, frozenset[str] | None] = {}

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
        user = tuple(parse_entry(raw, i, "configuration") for i, raw in enumerate(extra))
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

    def knows(self, name: str) -> bool:
        """Whether a name or alias is a place of the gazetteer's (`lookup`)."""
        return self.lookup(name) is not None

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

    def city_of(self, place: Place) -> Place | None:
        """The city the data puts a known building in ("Avalon Airport" is in Zenda), where
        one who is there is: None for a place the data does not know or puts in no city."""
        key = self._place_keys.get(place)
        if key is None:
            return None
        cities = (k for k in self._containers(key) if self._entries[k].kind == "city")
        return next((self._places[k] for k in cities), None)

    def _containers(self, key: str) -> list[str]:
        """The entries the data puts entry `key` within, innermost first (as far as the
        data knows them, and never round a loop)."""
        chain: list[str] = []
        while (within := self._entries[key].within) is not None:
            key = self._by_key.get(name_key(within), "")
            if not key or key in chain:
                break
            chain.append(key)
        return chain

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

    def _match_at(
        self, sentence: str, pos: int, first: str, first_end: int
    ) -> re.Match[str] | None:
        """The longest alias starting at ``pos`` whose first word is ``first`` (casefolded),
        as a whole word: not right after a word character, a dot or an apostrophe.

        Those bounds are not written as classes of word characters: compiling one takes
        `re` longer than the rest of the pattern, and a build compiles one pattern per first
        word it meets (some 50 for a short blog). Before the alias the bound is a test here;
        after it, a word boundary where the alias ends in a letter or digit, which says the
        same there.
        """
        if pos and (sentence[pos - 1].isalnum() or sentence[pos - 1] in "_.'’"):
            return None
        seconds = self._second_words(first)
        if seconds is not None:  # every alias has a second word: the text's must be one
            nxt = _WORD.search(sentence, first_end)
            if nxt is None or nxt.group().casefold() not in seconds:
                return None
        rx = self._bucket_rx.get(first)
        if rx is None:
            body = "|".join(
                _surface_pattern(s) + (r"\b" if s[-1].isalnum() else r"(?!\w)")
                for s in self._buckets[first]
            )
            rx = regexes.compile(f"(?:{body})", re.IGNORECASE)
            self._bucket_rx[first] = rx
        return rx.match(sentence, pos)

    def _second_words(self, first: str) -> frozenset[str] | None:
        """The second words of the aliases that begin with `first`, or None when one of them
        is that word alone: a word met at the start of no alias of its bucket needs neither
        the bucket's pattern (compiled on first use) nor a match. Worked out on first use."""
        if first not in self._seconds:
            words = [_WORD.findall(surface)[1:2] for surface in self._buckets[first]]
            self._seconds[first] = (
                None if any(not w for w in words) else frozenset(w[0].casefold() for w in words)
            )
        return self._seconds[first]

    def _starts_place(self, sentence: str, pos: int) -> bool:
        """True when a gazetteer name starts at ``pos`` (so a capital there is not an attribute)."""
        first = _WORD.match(sentence, pos)
        if first is None:
            return False
        key = first.group().casefold()
        return key in self._buckets and self._match_at(sentence, pos, key, first.end()) is not None

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
            m = self._match_at(sentence, start, first, token.end())
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
        chain = self._containers(inner)
        if outer in chain:
            return False
        return outer_entry.kind == "city" and any(self._entries[k].kind == "city" for k in chain)

    def _cased_like_alias(self, text: str) -> bool:
        """A capitalised alias word must be capitalised in the text: "avalon" is not a place;
        but not the words after its first that say what kind of place it is ("Avalon
        airport", "Zenda international airport", "Zenda air base", as some papers write
        "Zenda International Airport"): the last a place's head, the others heads or the
        words that qualify one (`_KIND_WORDS`)."""
        words = text.split()
        last = len(words) - 1
        lower = next((i for i in range(last, -1, -1) if _initial(words[i]).isupper()), -1) + 1
        kind_tail = 0 < lower <= last and words[last].casefold() in _PLACE_HEADS
        kind_tail = kind_tail and all(
            w.casefold() in _PLACE_HEADS or w.casefold() in _KIND_WORDS for w in words[lower:]
        )
        for form in self._forms.get(name_key(text), ()):
            alias_words = form.split()
            if len(alias_words) == len(words) and all(
                not _initial(a).isupper() or _initial(w).isupper() or (kind_tail and i >= lower)
                for i, (a, w) in enumerate(zip(alias_words, words, strict=True))
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
            continues = self._continues_name(sentence, word, word_start, prev_end, adjacent=True)
            # a headline capitalises its verbs too: "Costa Departs Avalon"
            if continues and not (is_headline_verb(word) and title_case(sentence)):
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
        if word.endswith(".") and not re.fullmatch(rf"(?:[{UPPER}]\.)+", word):
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
        if title_case(sentence):
            return []  # headlines capitalise every word: a run proves nothing there
        found: list[_Found] = []
        starts = [k.start for k in known]
        for m in _LOCATIVE.finditer(sentence):
            prep = _normal_preposition(m.group("prep"))
            if not _locative_context(sentence, m.start("prep"), prep):
                continue
            if m["number"] and m["run"].split()[-1].casefold() not in _STREET_WORDS:
                continue  # "in 2019 Zenda Hall opened", "at 4 Grand Hall": no address
            for seg_start, seg_end in _conjuncts(sentence, m.start("run"), m.end("run")):
                seg = self._leftover(sentence, seg_start, seg_end, known, starts)
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
                            place=self._named_only(text),
                            known=False,
                            preposition=prep,
                        )
                    )
        return found + self._visited(sentence, known, starts)

    def _visited(self, sentence: str, known: list[_Found], starts: list[int]) -> list[_Found]:
        """What "visits the Harbour Memorial" visits, or "left Palazzo Chigi" leaves, when a
        word names a kind of place (no preposition comes between: no locative phrase found
        it)."""
        visited: list[_Found] = []
        for m in _VISITED.finditer(sentence):
            seg = self._leftover(sentence, m.start("run"), m.end("run"), known, starts)
            if seg is None:
                continue
            text = sentence[seg[0] : seg[1]]
            words = text.split()
            first = words[0].casefold()
            named = (
                words[-1].rstrip(".").casefold() in _PLACE_HEADS
                or (len(words) > 1 and first in _PLACE_FIRSTS)
                # "the Garden of Remembrance", "the Tomb of the Unknown Soldier"
                or (len(words) > 2 and first in _PLACE_HEADS and words[1] == "of")
            )
            if named and self._looks_like_place(text, ""):
                visited.append(_Found(seg[0], seg[1], self._named_only(text), False, None))
        return visited

    def _named_only(self, text: str) -> Place:
        """A place only the text names, on the clock of the known place its name begins
        with ("Avalon International Airport" keeps Avalon's time, so a time told there in
        local time is read on it), and an airport when its name says so."""
        name = _strip_the(text)
        words = name.split()
        zone = None
        for n in range(len(words) - 1, 0, -1):
            known = self.lookup(" ".join(words[:n]))
            if known is not None and known.zone and known.kind in _AREAS:
                zone = known.zone
                break
        kind = "airport" if words[-1].casefold() in _AIRPORT_WORDS else "venue"
        return Place(name=name, zone=zone, kind=kind)

    @staticmethod
    def _leftover(
        sentence: str, start: int, end: int, known: list[_Found], starts: list[int]
    ) -> tuple[int, int] | None:
        """What of a run is not yet a known place: "at Avalon's Grand Hotel" → "Grand Hotel",
        "in the Palm Court of the Grand Palace" → "Palm Court".

        `known` is in order and never overlaps (`starts` are its starts), so the last known
        place starting before the run's end is the only one to look at: found by bisection,
        not by a look at every known place of the sentence for every run in it.
        """
        i = bisect.bisect_left(starts, end) - 1
        if i < 0 or known[i].end <= start:
            return start, end
        last = known[i]
        if last.start > start and (i == 0 or known[i - 1].end <= start):
            # "the Palm Court of the Grand Palace" (known): the court, the run's only place
            head = _BEFORE_PARTICLES.match(sentence, start, last.start)
            return (start, head.end("head")) if head else None
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


#: Kinds of known place whose clock a place named after them keeps.
_AREAS = frozenset({"city", "region", "country"})
_AIRPORT_WORDS = frozenset({"airport", "airfield", "aerodrome"})


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


@functools.cache
def _builtin() -> Gazetteer:
    entries, adjectives = _builtin_data()
    return Gazetteer(entries, adjectives)
