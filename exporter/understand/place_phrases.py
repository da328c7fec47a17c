"""Words and patterns of English news language that tell where a sentence puts its action.

It exists apart from ``places`` so that the gazetteer's lookups and the knowledge of how news
prose introduces a place are read and changed separately: the word lists (locative prepositions,
titles, heads of place and non-place names, function words), the regular expressions built from
them, and the small helpers that decide whether a preposition is locative, split "A and B",
hand a possessive's preposition on, or recognise a headline.  No rule names a particular place;
every name lives in the gazetteer's data.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from exporter import regexes
from exporter.lexicon import UPPER
from exporter.model import Place

# -- words of English news language --------------------------------------------------------------
#: Prepositions that make the following name a place the action is *at*.
_LOCATIVE_PREPOSITIONS = r"on\s+board|onboard|aboard|inside|outside|at|in|into|to|from|near"
#: Also accepted in front of a known place (they do not make an unknown run a place).
_KNOWN_ONLY_PREPOSITIONS = r"towards|toward|on|across|around|within|via|over|off|through"
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
    r"|waters|coast|shores?|banks|grounds|halls|edge|north|south|east|west|heartland|forecourt"
    r"|courtyard"
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
    restaurant resort chamber room parliament capitol compound estate ranch farm tomb
    mausoleum""".split()
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
    of meanwhile however also then still now later earlier today tonight yesterday tomorrow next
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
    "del",
    "della",
    "dei",
    "delle",
    "der",
    "do",
    "dos",
    "das",
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

_TOKEN = (
    rf"(?:(?:[{UPPER}]\.){{2,}}"  # initialisms: A.B., X.Y.Z.
    r"|(?:St|Mt|Ft|Pt)\."  # abbreviated heads: St. Zenda
    # words, hyphens (also to an initialism: "Avalon-U.S."), possessive
    rf"|[{UPPER}][^\W_]*(?:[-–‑](?:(?:[{UPPER}]\.){{2,}}|[^\W_]+))*(?:['’]s)?(?![\w]))"
)
#: ("Tomb of the Unknown Soldier", "Place de la Concorde": two particles at most in a row)
_RUN = rf"{_TOKEN}(?:(?:(?:\s+(?:{'|'.join(_CONNECTORS)})){{1,2}}\s+|\s+){_TOKEN})*"
#: A locative phrase: preposition, optional "the" and modifier, then a run of capitalised words.
_LOCATIVE = regexes.compile(
    rf"(?<![\w'’])(?P<prep>(?i:{_LOCATIVE_PREPOSITIONS}|for))\s+"
    rf"(?:(?i:the)\s+)?(?:(?:{_PART_OF})\s+of\s+(?:(?i:the)\s+)?)?(?:(?:{_MODIFIERS})\s+)?"
    rf"(?P<run>(?:(?P<number>\d{{1,5}})\s+(?=[{UPPER}]))?{_RUN})"
)
#: Last words of a street, after which a house number belongs to the name: "at 7 Lok
#: Kalyan Marg", "at 1600 Zenda Avenue".
_STREET_WORDS = frozenset(
    """street avenue road lane marg boulevard drive way place row terrace square strasse
    straße crescent""".split()
)
#: What is visited, toured or left, "visits the Harbour Memorial", "left Palazzo Chigi": a
#: place only when its last word says so (`PLACE_HEADS`), or its first (`PLACE_FIRSTS`),
#: since people are visited and left too.
_VISITED = regexes.compile(
    rf"(?<![\w'’])(?i:visit(?:s|ed|ing)?|tour(?:s|ed|ing)?|leav(?:e|es|ing)|left)\s+"
    rf"(?:(?i:the)\s+)?(?P<run>{_RUN})"
)
#: First words that make a name a place's, in the languages its names keep: "Palazzo Chigi".
_PLACE_FIRSTS = frozenset(
    """palazzo palacio palais palácio villa casa castello castillo château chateau schloss
    piazza plaza praça museo musée museu teatro basilica abbey fort mount lake port camp
    hotel""".split()
)
#: The preposition governing a known place that starts at the end of the text before it.
_PREP_BEFORE = regexes.compile(
    rf"(?<![\w'’])(?P<prep>(?i:{_LOCATIVE_PREPOSITIONS}|{_KNOWN_ONLY_PREPOSITIONS}|for))\s+"
    rf"(?:(?i:the)\s+)?(?:(?:{_PART_OF})\s+of\s+(?:(?i:the)\s+)?)?(?:(?:{_MODIFIERS})\s+)?\Z"
)
#: "left Avalon for", "Departs the Grand Hall for", "leaves Avalon by helicopter for", "left
#: Avalon–Zenda Airport for", "flies out of Avalon for": the place left, and how, stand
#: between the verb of leaving and the "for" that names where the principal goes (in the
#: same clause: no punctuation between).
_LEFT_FOR = regexes.compile(
    rf"(?<![\w'’])(?i:{'|'.join(sorted(_DEPARTURE_VERBS))}|fl(?:y|ies|ew|ying)\s+out\s+of)\s+"
    rf"(?:(?i:the)\s+)?"
    rf"[{UPPER}][\w'’.–-]*\s+(?:[\w'’.–-]+\s+){{0,5}}\Z"
)
_WORD = regexes.compile(r"[^\W_]+")
_WORD_BEFORE = regexes.compile(r"([^\s]+)[ \t]+\Z")
_WORD_AFTER = regexes.compile(r"[ \t]+([^\s]+)")
_POSSESSIVE = regexes.compile(r"['’]s(?!\w)|(?<=s)['’](?![\w'’])")
#: The small words after which a name goes on with a place: "Notre-Dame de", "Palazzo
#: della" (and "of", "Bank of", which `_OF_BEFORE` tells apart).
_GOES_ON = ("de", "du", "des", "di", "del", "della", "von", "van")
#: The small words a proper name of a place may hold: "Palace of Zenda", "Hôtel de
#: la Marine".
NAME_PARTICLES = frozenset((*_GOES_ON, "of", "the", "la", "le"))
#: Between a name's first words and a place its name goes on with: "Bank of", "Notre-Dame
#: de", "Palazzo della".
_OF_BEFORE = regexes.compile(rf"([^\s]+)\s+(?:of\s+(?P<the>the\s+)?|(?:{'|'.join(_GOES_ON)})\s+)\Z")
_IN_GAP = regexes.compile(r"\s+in\s+(?:the\s+)?")
_POSSESSIVE_GAP = regexes.compile(r"['’]s?\s+")
#: A run's words before the particles that join it to a known place ("Rose Garden of the").
_BEFORE_PARTICLES = regexes.compile(
    rf"(?P<head>.*?\S)(?:\s+(?:{'|'.join(_CONNECTORS)})){{1,2}}\s+\Z"
)
_AND = regexes.compile(r"\s+and\s+(?:the\s+)?")
_OPENING = "\"“‘'([{«"
_CLOSING = ".,;:!?\"”’')]}»"


# -- helpers ------------------------------------------------------------------------------------
@dataclass
class _Found:
    """A mention under construction (mutable so a possessive can hand its preposition on)."""

    start: int
    end: int
    place: Place
    known: bool
    preposition: str | None
    possessive: bool = False


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
        if before in _DEPARTURE_VERBS:
            return True
        return _LEFT_FOR.search(sentence, max(0, prep_start - 60), prep_start) is not None
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


def title_case(sentence: str) -> bool:
    """Headlines and section titles capitalise every word but the small function words.

    A sentence of names ("Quimby meets Mayor Jane Doe at the Grand Hall") still has a
    lowercase verb; a title ("Welcoming Ceremony and Official Program in Avalon") has none.
    """
    content = 0
    for m in _TITLE_WORD.finditer(sentence):  # most sentences are told at their first verb
        word = m.group()
        if word.casefold() in _FUNCTION_WORDS:
            continue
        if not word[0].isupper():
            return False
        content += 1
    return content >= 3


_TITLE_WORD = regexes.compile(r"[^\W\d_][\w'’-]*")
