"""Finding the cast: the role scan's capital-letter start finds what the plain pattern finds."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from exporter.lexicon import plain
from exporter.understand.people import (
    _WORDS,
    _headline_name,
    _role_pattern,
    _word_before,
    _WordCounts,
    cast_of,
)
from tests.corpus import corpus_sentences, word_salads

LEAD = "(?=[A-Z])"


def _plain() -> re.Pattern[str]:
    """The role pattern without its lead, tried at every word as before."""
    pattern, _ = _role_pattern()
    assert pattern.pattern.startswith(LEAD)
    return re.compile(pattern.pattern.removeprefix(LEAD), pattern.flags)


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def test_the_scan_finds_the_same_roles_in_every_sentence_we_have() -> None:
    text = "\n".join(corpus_sentences())
    fast, _ = _role_pattern()
    found = _found(fast, text)
    assert len(found) > 20
    assert found == _found(_plain(), text)


@settings(max_examples=300, deadline=None)
@given(
    word_salads(
        "Prime Minister PRIME MINISTER President PRESIDENT Emperor Empress CEO King Queen "
        "Secretary of State Defense Minister Chief Cabinet U.S. U.K. Freedonian New the a "
        "Sakura Ito Ruiz's Costa Élodie İnan ,",
        max_size=10,
    )
)
@example("U.S. Secretary of State Ana Ruiz met Freedonian Prime Minister Leo Costa")
def test_the_scan_finds_the_same_roles_in_any_mix(text: str) -> None:
    fast, _ = _role_pattern()
    assert _found(fast, text) == _found(_plain(), text)


def _word_before_by_pattern(text: str, pos: int) -> str | None:
    """The plain way: a pattern anchored at the end of everything before `pos`."""
    m = re.search(r"([A-Z][a-z'’-]+)\s+$", text[:pos])
    return m.group(1) if m else None


@settings(max_examples=400, deadline=None)
@given(
    word_salads("Akie Abe akie O'neil Jean-Luc McDonald É x é - ’ \n \t \u00a0 ,", max_size=8),
)
def test_the_word_before_a_name_is_the_anchored_patterns(text: str) -> None:
    for pos in range(len(text) + 1):
        assert _word_before(text, pos) == _word_before_by_pattern(text, pos)


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Ana Costa, the president of Freedonia, arrived. Costa waved.",
            [("Ana Costa", "President", "leader")],
        ),
        (
            "Rui Sato, Avalon's new prime minister, spoke.",
            [("Rui Sato", "Prime Minister", "leader")],
        ),
        ("Then Costa, the 47th president of Freedonia, left.", [("Costa", "President", "leader")]),
        (
            "Lena Ito, the secretary of state, met them.",
            [("Lena Ito", "Secretary of State", "other")],
        ),
        # the apposition must close: no one is named here
        ("In Avalon, the president said he would go.", []),
        ("Costa, the president said, would go.", []),
    ],
)
def test_a_role_given_after_the_name(text: str, people: list) -> None:
    cast = cast_of([text])
    assert [(p.name, p.role, p.role_class) for p in cast.people] == people


def test_a_role_loses_its_nationality() -> None:
    cast = cast_of(["South Freedonian President Ana Costa met U.S. Defense Secretary Rui Sato."])
    assert [(p.name, p.role) for p in cast.people] == [
        ("Ana Costa", "President"),
        ("Rui Sato", "Defense Secretary"),
    ]


def test_a_gathering_a_role_word_heads_is_no_person() -> None:
    cast = cast_of(["President Ana Costa spoke at the Avalon CEO Summit and the Chief Forum."])
    assert [(p.name, p.role) for p in cast.people] == [("Ana Costa", "President")]


def test_a_role_and_its_qualifier_are_on_one_line() -> None:
    # "Kingdom" ends the line above: it does not qualify the role below.
    cast = cast_of(["A visit to the United Kingdom\n\nPresident Ana Costa arrived."])
    assert [(p.name, p.role) for p in cast.people] == [("Ana Costa", "President")]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # the text names her too: as the text has it, wherever the headline is
        (
            "Costa Meets Prime Minister Ana Lima Later Today\n"
            "Costa will meet Prime Minister Ana Lima at 4 p.m.",
            [("Ana Lima", "Prime Minister")],
        ),
        (
            "Costa will meet Prime Minister Ana Lima at 4 p.m.\n"
            "Costa Meets Prime Minister Ana Lima Later Today",
            [("Ana Lima", "Prime Minister")],
        ),
        # only the headline names him: the role alone, the name up to its verb
        ("Costa Meets Emperor Rui Sato\nThe two spoke for an hour.", [("Rui Sato", "Emperor")]),
        ("Emperor Rui Sato Welcomes Costa To the Palace", [("Rui Sato", "Emperor")]),
        # a sentence that has a lowercase verb is no headline: its capitals are kept
        (
            "Defense Minister Rui Sato met them at the Grand Hall.",
            [("Rui Sato", "Defense Minister")],
        ),
    ],
)
def test_a_title_case_line_names_people_by_their_words_alone(text: str, people: list) -> None:
    assert [(p.name, p.role) for p in cast_of([text]).people] == people


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Ana Lima Later", "Ana Lima"),
        ("Rui Sato Arrives", "Rui Sato"),
        ("Rui Sato Says", "Rui Sato"),
        ("Rui Sato In", "Rui Sato"),
        ("Ana Metcalfe", "Ana Metcalfe"),  # "met" only in full
        ("Ana Lima Sato", "Ana Lima Sato"),
        ("Leaves", "Leaves"),  # the first word is the name's, whatever it is
    ],
)
def test_a_headlines_name_ends_before_a_word_no_name_has(written: str, name: str) -> None:
    assert _headline_name(written) == name


def test_the_words_asked_about_are_counted_as_among_every_word() -> None:
    """Only the name words are counted, with the pairs they start: the same counts as
    counting every word and every pair of the corpus."""
    text = "\n".join(corpus_sentences())
    words = _WORDS.findall(text)
    every_word, every_pair = Counter(words), Counter(pairwise(words))
    asked = {w for w in every_word if w[:1].isupper()} | {"de", "van", "no-such-word"}
    counts = _WordCounts(text, asked)
    assert {w: counts.single[w] for w in asked} == {w: every_word[w] for w in asked}
    assert dict(counts.pairs) == {pair: n for pair, n in every_pair.items() if pair[0] in asked}


#: Name words and what may cling to them: digits, underscores, hyphens, apostrophes (a
#: possessive "s" or an inner one), other letters, spaces.
_FRAGMENTS = [
    "Costa",
    "Ana",
    "O’Neill",
    "de",
    "Sato",
    "s",
    "a",
    "é",
    "3",
    "_",
    "-",
    "'",
    "’",
    " ",
    "\n",
    ",",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=24).map("".join))
@example("3Costa_Costa Costa's Costa’Neill de-Costa Ana O’Neill’s a’Costa")
def test_the_words_asked_about_are_counted_as_among_every_word_however_they_cling(
    text: str,
) -> None:
    words = _WORDS.findall(text)
    every_word, every_pair = Counter(words), Counter(pairwise(words))
    asked = {"Costa", "Ana", "O’Neill", "de", "s", "Sato"}
    counts = _WordCounts(text, asked)
    assert {w: counts.single[w] for w in asked} == {w: every_word[w] for w in asked}
    assert dict(counts.pairs) == {pair: n for pair, n in every_pair.items() if pair[0] in asked}


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("President Ana Costa arrived. Costa met the press. Costa left.", "Costa"),
        ("President Ana Costa arrived. Ana Costa met the press. Ana Costa left.", "Ana Costa"),
        ("President Ana Costa arrived. Ana thanked the crowd. Ana left.", "Ana"),
        ("President Ana Costa arrived. Costa's plane and Ana Costa's car left.", "Ana Costa"),
    ],
    ids=["surname alone", "never alone", "first name alone", "possessives"],
)
def test_a_person_goes_by_the_name_the_text_uses_alone(text: str, short: str) -> None:
    cast = cast_of([text])
    assert [p.short for p in cast.people] == [short]


def test_the_principal_is_the_most_named_by_the_name_they_go_by() -> None:
    text = (
        "President Ana Costa met Prime Minister Rui Sato. Sato spoke. Sato left. "
        "Ana Costa arrived. Ana Costa spoke. Ana Costa left. Ana Costa slept."
    )
    cast = cast_of([text])
    assert [(p.name, p.short) for p in cast.people] == [
        ("Ana Costa", "Ana Costa"),
        ("Rui Sato", "Sato"),
    ]
    assert cast.principal is not None and cast.principal.name == "Ana Costa"


def test_a_name_after_a_role_ends_with_its_line() -> None:
    # a headline ends on a name; the text below opens with a title: no "Rui Sato\n\nKing"
    cast = cast_of(["King meets Prime Minister Rui Sato\n\nKing Zog held an audience."])
    assert [(p.name, p.role) for p in cast.people] == [
        ("Rui Sato", "Prime Minister"),
        ("Zog", "King"),
    ]


def test_a_title_one_person_holds_names_them_when_written_alone() -> None:
    text = (
        "King Zog met Prime Minister Rui Sato. Sato spoke. Sato left.\n"
        "The King arrived. The King and Queen waved. King Zog spoke. The King left."
    )
    cast = cast_of([text])
    # "Zog" twice, "the King" three times: he is the most named
    assert cast.principal is not None and cast.principal.name == "Zog"
    king = cast.principal
    assert cast.find("Then the King spoke.") == [(9, king)]
    assert cast.find("King Zog spoke.") == [(5, king)]  # by his name, not twice
    assert cast.find("King Ruritan spoke.") == []  # another king's name follows


def test_a_title_two_people_hold_names_neither() -> None:
    cast = cast_of(["King Zog met King Ruritan. The King spoke. The King left. Zog spoke."])
    assert cast.titles == {}
    assert cast.find("The King spoke.") == []
    assert cast.principal is None  # "Zog" twice, the title for no one


def _people_and_principal(text: str, is_place=None) -> tuple[list, str | None]:
    cast = cast_of([text], is_place)
    people = [(p.name, p.role, p.short) for p in cast.people]
    return people, cast.principal.name if cast.principal else None


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # the role in lower case, before the name or before a comma and the name
        (
            "The president, Ana Costa, landed. Costa spoke. Costa left. Costa slept.",
            [("Ana Costa", "President", "Costa")],
        ),
        (
            "Avalon prime minister Ana Costa landed. Costa spoke. Costa left.",
            [("Ana Costa", "Prime Minister", "Costa")],
        ),
        # a capitalised role before a comma is an apposition too
        (
            "She met the Taoiseach, Rui Sato. Ana Costa spoke. Costa left. Costa slept.",
            [("Rui Sato", "Taoiseach", "Rui Sato"), ("Ana Costa", "", "Costa")],
        ),
        # a day after a role is no name, nor a word that starts no name
        ("She told the president Monday Ana. Ana spoke.", []),
        ("She met the president On Friday. Friday came.", []),
    ],
)
def test_roles_in_lower_case_name_people_when_titles_name_no_principal(
    text: str, people: list
) -> None:
    assert _people_and_principal(text)[0] == people


def test_a_text_that_gives_no_roles_names_its_people_by_their_surnames() -> None:
    text = (
        "Then Ana Costa landed in Zenda, greeted by Rui Sato.\n"
        "Costa spoke. Later Costa's plane left, and Costa slept. Sato stayed.\n"
        "In Northern Avalon they voted; Avalon cheered and Avalon slept."
    )
    # "Rui Sato" is named alone once only: no surname to go by
    assert _people_and_principal(text, lambda name: name == "Avalon") == (
        [("Ana Costa", "", "Costa")],
        "Ana Costa",
    )
    # without a gazetteer to say it is a place, "Northern Avalon" reads like a name
    assert _people_and_principal(text)[0] == [
        ("Ana Costa", "", "Costa"),
        ("Northern Avalon", "", "Avalon"),
    ]


def test_a_principal_the_titles_give_is_kept_and_only_roles_name_others() -> None:
    # the prime minister, introduced in lower case, is whom she may meet; a name with no
    # role at all is read only when no title gives a principal
    text = (
        "President Ana Costa landed. Costa spoke, Costa left, Costa slept.\n"
        "Rui Sato met Sato's friend Sato and the prime minister, Zia Lima."
    )
    assert _people_and_principal(text) == (
        [("Ana Costa", "President", "Costa"), ("Zia Lima", "Prime Minister", "Zia Lima")],
        "Ana Costa",
    )


@pytest.mark.parametrize(
    "met",
    [
        "President Zia Lima met Costa. Lima spoke, Lima left, Lima slept.",
        "She met the Avalon president, Zia Lima. Lima spoke, Lima left, Lima slept.",
    ],
)
def test_the_principal_may_be_named_with_no_role_when_only_others_have_one(met: str) -> None:
    # some newsrooms title whom their leader meets, never their own
    text = (
        "Ana Costa lands in Zenda – live\n"
        f"Ana Costa landed at noon. Costa spoke, Costa left. {met}\n"
        "Costa slept. Air Force One took off; Marine One followed, Air Force One landed. "
        "The Austrian Chancellor waved; the Chancellor smiled, the Chancellor left."
    )
    people, principal = _people_and_principal(text)
    assert principal == "Ana Costa"
    assert ("Ana Costa", "", "Costa") in people and ("Zia Lima", "President", "Lima") in people
    # what carries her, or a role with a nationality, is no one's name
    assert not {"Marine One", "Austrian Chancellor"} & {name for name, _, _ in people}


def test_a_principal_with_no_role_is_found_in_a_long_archive_too() -> None:
    # weighed first in the first pages, then over the whole text
    intro = "Ana Costa landed. Costa spoke, Costa left. President Zia Lima met Costa.\n"
    padding = "Costa smiled. Lima nodded.\n" * 5_000  # past the first pages
    assert cast_of([intro + padding]).principal.name == "Ana Costa"
    # named less over the whole text than at its start: left out, as a name with no role is
    lima = cast_of([intro + "Costa smiled.\n" * 8_000 + "Lima nodded.\n" * 20_000])
    assert [p.name for p in lima.people] == ["Zia Lima"] and lima.principal.name == "Zia Lima"


def test_people_a_role_in_lower_case_introduces_are_read_near_the_start() -> None:
    early = "President Ana Costa landed. Costa spoke, Costa left, Costa slept.\n"
    late = "Avalon's leader, Zia Lima, waved.\n"
    assert [p.name for p in cast_of([early + late]).people] == ["Ana Costa", "Zia Lima"]
    padding = "Costa smiled.\n" * 10_000  # past the first pages of a long archive
    assert [p.name for p in cast_of([early + padding + late]).people] == ["Ana Costa"]


def test_a_person_a_role_in_lower_case_introduces_never_takes_the_principal_s_place() -> None:
    text = (
        "President Ana Costa landed. Costa spoke, Costa left, Costa slept.\n"
        "Avalon's leader, Zia Lima, waved. Lima spoke, Lima smiled, Lima left, Lima slept.\n"
    )
    assert cast_of([text]).principal.name == "Ana Costa"


def test_a_role_that_only_describes_is_no_title() -> None:
    cast = cast_of(["President Ana Costa met Avalon's leader, Zia Lima. Costa left, Costa slept."])
    assert [p.display for p in cast.people] == ["President Costa", "Zia Lima"]


def test_a_person_with_no_role_is_no_holder_of_the_empty_role() -> None:
    cast = cast_of(["Ana Costa landed. Costa spoke, Costa left."])
    assert [p.role for p in cast.people] == [""]
    assert cast.by_role("") is None and cast.by_role("the") is None


@pytest.mark.parametrize(
    ("text", "name", "short"),
    [
        (
            "Crown Prince Zia bin Sato met her. Later bin Sato left, and bin Sato slept.",
            "Zia bin Sato",
            "bin Sato",
        ),
        (
            "Commission President Ana von der Lima came; von der Lima spoke; von der Lima left.",
            "Ana von der Lima",
            "von der Lima",
        ),
        ("Prime Minister Rui al-Sato came. Al-Sato spoke.", "Rui al-Sato", "Rui al-Sato"),
        # a fourth word after a particle, and the name the text uses from the middle
        (
            "President Ana Maria Costa da Lima spoke. Costa smiled. Costa left.",
            "Ana Maria Costa da Lima",
            "Costa",
        ),
        # the role given in lower case, before a name with a particle
        ("She met the crown prince, Zia bin Sato. Sato left. Sato slept.", "Zia bin Sato", "Sato"),
    ],
)
def test_a_name_keeps_its_particles(text: str, name: str, short: str) -> None:
    (person,) = cast_of([text]).people
    assert (person.name, person.short) == (name, short)


def test_a_particle_alone_finds_no_one() -> None:
    cast = cast_of(["Crown Prince Zia bin Sato came. Sato left. Sato slept."])
    assert [p.name for _, p in cast.find("The bin was full of der and von.")] == []
    assert [p.name for _, p in cast.find("Sato smiled.")] == ["Zia bin Sato"]


_HOST_NAMED_MORE = (
    " King Rui Sato greeted her. The King spoke. The King toasted her. The King waved."
    " Costa smiled. Costa left."
)


@pytest.mark.parametrize(
    ("opening", "principal"),
    [
        ("The state visit of Ana Costa to Avalon took place in May.", "Ana Costa"),
        ("The 2031 state visit by Freedonian President Ana Costa to Avalon.", "Ana Costa"),
        ("Ana Costa's three-day visit to Avalon began in May.", "Ana Costa"),
        # no opening that says: the most named
        ("Ana Costa was in Avalon in May.", "Rui Sato"),
        # a pair's visit: neither alone
        ("King Rui Sato and Ana Costa's visit to Zenda began in May.", "Rui Sato"),
    ],
)
def test_the_opening_says_whose_visit_it_is(opening: str, principal: str) -> None:
    cast = cast_of([opening + _HOST_NAMED_MORE])
    assert cast.principal is not None and cast.principal.name == principal


def test_a_name_is_found_written_without_its_marks() -> None:
    cast = cast_of(["President Kemal Doğanay met Costa. Doğanay left, Doğanay slept."])
    assert [(p.name, pos) for pos, p in cast.find("Then Doganay and Łukasz met.")] == [
        ("Kemal Doğanay", 5)
    ]


@pytest.mark.parametrize(
    ("word", "bare"),
    [("Doğanay", "Doganay"), ("Łukasz", "Lukasz"), ("Kılıç", "Kilic"), ("Nguyễn", "Nguyen")],
)
def test_a_word_in_plain_letters(word: str, bare: str) -> None:
    assert plain(word) == bare
