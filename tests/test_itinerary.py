"""The itinerary on the samples and on a fixture from another visit: stops, times, places."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
import pytz

from exporter.model import Document, Event, Status
from exporter.readers import read_path, read_text
from exporter.readers.options import ReadOptions
from exporter.understand import mentions
from exporter.understand.assemble import Site, itinerary
from exporter.understand.mentions import LONGEST_SENTENCE
from exporter.understand.places import Gazetteer
from tests.paths import ARTICLE, FIXTURES, LIVEBLOG, TODAY

TOKYO = pytz.timezone("Asia/Tokyo")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return TOKYO.localize(datetime(2025, 10, day, hour, minute))


@pytest.fixture(scope="module")
def events():
    docs = [
        read_path(LIVEBLOG, ReadOptions(slug="blog", today=TODAY)),
        read_path(ARTICLE, ReadOptions(slug="article", zone="Asia/Tokyo")),
    ]
    return itinerary(docs, Gazetteer.load(), Site())


def find(events, title_start: str):
    found = [e for e in events if e.title.startswith(title_start)]
    assert len(found) == 1, [e.title for e in events]
    return found[0]


@pytest.mark.parametrize(
    ("title", "start", "place", "status"),
    [
        ("Arrival at Haneda Airport", at(27, 17, 2), "Haneda Airport", Status.HAPPENED),
        ("Audience with Emperor Naruhito", at(27, 18, 5), "Imperial Palace", Status.HAPPENED),
        (
            "Summit with Prime Minister Takaichi",
            at(28, 9, 35),
            "Akasaka State Guest House",
            Status.HAPPENED,
        ),
        ("Signing of a pact", None, "Akasaka State Guest House", Status.APPROXIMATE),
        ("Meeting with families of Japanese victims", None, None, Status.APPROXIMATE),
        (
            "Visit to USS George Washington",
            at(28, 15, 50),
            "USS George Washington",
            Status.HAPPENED,
        ),
        (
            "Dinner with Japanese and American business leaders",
            at(28, 20, 0),
            "U.S. Ambassador's Residence, Tokyo",
            Status.HAPPENED,
        ),
        ("Departure for South Korea", at(29, 9, 50), "Haneda Airport", Status.HAPPENED),
    ],
)
def test_each_stop_once_with_time_and_place(events, title, start, place, status) -> None:
    event = find(events, title)
    if start is not None:
        assert event.start == start
    else:
        assert isinstance(event.start, datetime) and event.start.date() == date(2025, 10, 28)
    assert (event.place.name if event.place else None) == place
    if event.place is not None:
        assert event.place.has_geo
    assert event.status == status


def test_audience_merges_arrival_meeting_and_departure(events) -> None:
    event = find(events, "Audience with Emperor Naruhito")
    assert event.end == at(27, 19, 0)
    assert event.approximate
    written = {e.written.strftime("%H:%M") for e in event.evidence if e.written}
    assert {"18:05", "18:40", "19:30"} <= written
    assert any(
        e.written is None and "evening of October 27, 2025" in e.text for e in event.evidence
    )


def test_article_enriches_instead_of_duplicating(events) -> None:
    signing = find(events, "Signing of")
    assert any(e.source == "article" for e in signing.evidence)
    assert len([e for e in events if "Summit with" in e.title]) == 1


def test_article_adds_the_span_and_earlier_legs(events) -> None:
    visit = find(events, "Visit to Japan")
    assert (visit.start, visit.end, visit.all_day) == (date(2025, 10, 27), date(2025, 10, 30), True)
    asean = find(events, "ASEAN Summit")
    assert asean.start == date(2025, 10, 26)


def test_no_duplicates_and_no_commentary(events) -> None:
    titles = [e.title for e in events]
    assert len(titles) == len(set(titles))
    text = " ".join(ev.text for e in events for ev in e.evidence)
    for commentary in ("Tokyo Tower", "World Series", "MRI", "Nobel", "18,000 personnel"):
        assert commentary not in " ".join(e.title for e in events)
    assert "Tokyo Skytree" not in text


def test_uids_are_stable_and_unique(events) -> None:
    uids = [e.uid for e in events]
    assert len(uids) == len(set(uids))
    assert find(events, "Audience").uid == "20251027-audience-1@exporter.invalid"


def test_another_visit_from_another_newsroom() -> None:
    doc = read_path(FIXTURES / "paris-visit-liveblog.txt", ReadOptions(slug="paris", today=TODAY))
    got = [
        (e.title, e.start.strftime("%H:%M"), e.place.name if e.place else None)
        for e in itinerary([doc], Gazetteer.load(), Site())
    ]
    assert got == [
        ("Arrival at Paris Charles de Gaulle Airport", "14:10", "Paris Charles de Gaulle Airport"),
        ("Summit with President Marchal", "16:50", "Élysée Palace"),
        ("State dinner with President Marchal", "19:30", "Élysée Palace"),
        ("Departure for London", "21:15", "Paris Charles de Gaulle Airport"),
    ]


_HEAD = "Visit live (Tokyo time)\nPrime Minister Ana Costa is in Japan.\n"


def _blog(body: str, tmp_path: Path, head: str = _HEAD):
    path = tmp_path / "b.txt"
    path.write_text(head + "Monday, June 2, 2025\n" + body, "utf-8")
    doc = read_path(path, ReadOptions(slug="b"))
    return itinerary([doc], Gazetteer.load(), Site())


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "3:00 p.m. Costa will meet Emperor Naruhito at the Imperial Palace at 5 p.m.",
            [("Audience with Emperor Naruhito", "17:00", Status.PLANNED)],
        ),
        (
            "3:00 p.m. Costa met Emperor Naruhito at the Imperial Palace at 1 p.m.",
            [("Audience with Emperor Naruhito", "13:00", Status.HAPPENED)],
        ),
        # capitals for emphasis: a cue is read whatever its case
        ("3:00 p.m. Costa WOULD love to meet Emperor Naruhito one day, she says.", []),
        ("3:00 p.m. Costa will NOT meet Emperor Naruhito at the Imperial Palace at 5 p.m.", []),
        (
            "3:00 p.m. Costa's meeting with Emperor Naruhito at the Imperial Palace has been cancelled.",
            [("Audience with Emperor Naruhito", "15:00", Status.CANCELLED)],
        ),
        ('3:00 p.m. "We will meet again soon," Costa told reporters.', []),
        ("3:00 p.m. Costa would love to meet Emperor Naruhito one day, she says.", []),
        ("3:00 p.m. Tokyo Tower is lit up in blue and yellow.", []),
        ("3:00 p.m. On the menu tonight: sushi and tempura.", []),
    ],
)
def test_tense_status_and_commentary(tmp_path: Path, line: str, expected) -> None:
    events = _blog(line + "\n2:00 p.m. Costa is in Tokyo.\n1:00 p.m. Costa lands.\n", tmp_path)
    got = [
        (e.title, e.start.strftime("%H:%M"), e.status)
        for e in events
        if "Audience" in e.title or not expected
    ]
    got = [g for g in got if not g[0].startswith("Arrival")]
    assert got == expected


def test_text_that_runs_on_without_a_full_stop_is_read_in_pieces(tmp_path: Path) -> None:
    filler = "the crowd waved flags and sang songs, " * 60  # 2,280 characters, no full stop
    events = _blog(
        f"3:00 p.m. {filler}Costa met Emperor Naruhito at the Imperial Palace at 1 p.m., "
        f"{filler}\n2:00 p.m. Costa is in Tokyo.\n1:00 p.m. Costa lands.\n",
        tmp_path,
    )
    audience = [e for e in events if "Audience" in e.title]
    assert [(e.title, e.start.strftime("%H:%M")) for e in audience] == [
        ("Audience with Emperor Naruhito", "13:00")
    ]
    told = [ev.text for ev in audience[0].evidence]
    assert told and all(len(text) <= LONGEST_SENTENCE for text in told)
    assert any("Costa met Emperor Naruhito at the Imperial Palace at 1 p.m.," in t for t in told)


def test_an_article_that_runs_on_without_a_full_stop_is_read_in_pieces(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    filler = "the crowd waved flags and sang songs, " * 60
    path.write_text(
        "Visit of Ana Costa\n\nPresident Ana Costa leads Freedonia. Costa visited Paris on "
        f"3 May 2031, {filler}and Costa visited London on 4 May, {filler}and more.\n",
        "utf-8",
    )
    doc = read_path(path, ReadOptions(slug="article", zone="Europe/Paris"))
    events = itinerary([doc], Gazetteer.load(), Site())
    assert [(e.title, e.start) for e in events] == [
        ("Visit to Paris", date(2031, 5, 3)),
        ("Visit to London", date(2031, 5, 4)),
    ]
    assert all(len(ev.text) <= LONGEST_SENTENCE for e in events for ev in e.evidence)


def test_a_headline_that_says_she_lands_times_the_arrival(tmp_path: Path) -> None:
    # The text below it is past tense ("landed"): alone, it would only say "before 7:10".
    events = _blog(
        "7:10 p.m. Costa lands\nCosta landed at Haneda Airport aboard a government plane.\n"
        "6:00 p.m. Officials say the plane will land on time.\n",
        tmp_path,
    )
    assert [(e.title, e.start.strftime("%H:%M"), e.status) for e in events] == [
        ("Arrival at Haneda Airport", "19:10", Status.HAPPENED)
    ]


def test_a_headline_and_its_text_tell_one_meeting_and_a_city_joins_nothing(
    tmp_path: Path,
) -> None:
    events = _blog(
        "4:15 p.m. Costa meets Freedonia's leader\n"
        "Costa met General Secretary Rui Sato at the party headquarters in Tokyo.\n"
        "2:05 p.m. Costa lands in Tokyo\nOfficials greeted her on the tarmac.\n",
        tmp_path,
    )
    got = [(e.title, e.start.strftime("%H:%M"), e.place.name if e.place else None) for e in events]
    assert got == [
        ("Arrival in Tokyo", "14:05", "Tokyo"),
        ("Meeting with General Secretary Rui Sato", "16:15", "Tokyo"),
    ]


def test_title_case_headlines_name_people_by_their_text(tmp_path: Path) -> None:
    """A headline capitalises every word: "Costa Meets Emperor" is no role, and "Rui Sato
    Later" no name, whether or not the text below names the person again."""
    events = _blog(
        "3:10 p.m. Costa Meets Emperor Rui Sato at the Imperial Palace\n"
        "The two spoke for an hour at the Imperial Palace.\n"
        "11:00 a.m. Costa Will Meet Prime Minister Ana Lima Later Today\n"
        "Costa will meet Prime Minister Ana Lima at the Akasaka Palace at 4 p.m.\n",
        tmp_path,
    )
    assert [(e.title, e.start.strftime("%H:%M")) for e in events] == [
        ("Audience with Emperor Rui Sato", "15:10"),
        ("Summit with Prime Minister Ana Lima", "16:00"),
    ]


def test_leaving_a_place_for_another_names_both(tmp_path: Path) -> None:
    events = _blog(
        "6:40 p.m. Costa left Tokyo for Seoul.\n2:00 p.m. Costa is in Tokyo.\n", tmp_path
    )
    assert [(e.title, e.start.strftime("%H:%M"), e.place.name) for e in events] == [
        ("Departure for Seoul", "18:25", "Tokyo")  # "left": some time before the stamp
    ]


def test_a_title_case_headline_leaves_the_place_after_its_verb(tmp_path: Path) -> None:
    events = _blog(
        "6:40 p.m. Costa Departs Japan for Seoul\nThe plane took off on time.\n"
        "2:00 p.m. Costa is in Tokyo.\n",
        tmp_path,
    )
    assert [(e.title, e.start.strftime("%H:%M"), e.place.name) for e in events] == [
        ("Departure for Seoul", "18:40", "Japan")
    ]


def _gmt_blog(tmp_path: Path, text: str) -> Document:
    """A blog stamped in GMT (it says so: "All times GMT"), read."""
    path = tmp_path / "g.txt"
    path.write_text(text, "utf-8")
    doc = read_path(path, ReadOptions(slug="g"))
    assert doc.zone == "Europe/London"
    return doc


def test_an_event_is_on_the_clock_of_its_place(tmp_path: Path) -> None:
    """A blog stamped in GMT follows a visit to Tokyo: its events are at Tokyo's time, the
    same instants, with the ids the blog's days give them."""
    doc = _gmt_blog(
        tmp_path,
        "Visit live\nAll times GMT\nPrime Minister Ana Costa is in Japan.\n"
        "Monday 27 October 2025\n"
        "23:30 Costa met Emperor Naruhito at the Imperial Palace at 23:00.\n"
        "12:00 Costa is in Tokyo. Costa waves. Costa met reporters, somewhere.\n",
    )
    (audience,) = [e for e in itinerary([doc], Gazetteer.load(), Site()) if e.place]
    assert (audience.title, audience.place.name) == (
        "Audience with Emperor Naruhito",
        "Imperial Palace",
    )
    assert audience.start.tzinfo.zone == "Asia/Tokyo"
    assert audience.start.isoformat() == "2025-10-28T08:00:00+09:00"  # 23:00 GMT
    assert audience.uid.startswith("20251027-")  # the blog's day, as before it moved


def test_a_clock_written_local_time_is_read_where_it_happens(tmp_path: Path) -> None:
    """A GMT blog follows a visit to Japan and writes "local time": Japan's clock, on
    Japan's own today when no day is written, or the clock its conversion gives."""
    doc = _gmt_blog(
        tmp_path,
        "Costa in Japan: live\nAll times GMT.\nTuesday 28 October 2025\n"
        "23:10 President Costa will arrive in Tokyo at 6pm local time (0900 GMT) on Wednesday.\n"
        "21:30 President Costa will visit Kyoto at 10am local time, his office said.\n"
        "09:40 President Costa arrived in Osaka at 6.30pm local time.\n"
        "08:05 President Costa is to meet Prime Minister Rui Sato in Tokyo at 7pm local time.\n",
    )
    got = [
        (e.place.name, e.start.isoformat())
        for e in itinerary([doc], Gazetteer.load(), Site())
        if e.place
    ]
    assert got == [
        ("Osaka", "2025-10-28T18:30:00+09:00"),  # 09:30 GMT, ten minutes before its stamp
        ("Tokyo", "2025-10-28T19:00:00+09:00"),  # the meeting, written at 17:05 Tokyo time
        ("Kyoto", "2025-10-29T10:00:00+09:00"),  # written at 06:30 on the 29th in Kyoto
        ("Tokyo", "2025-10-29T18:00:00+09:00"),  # 0900 GMT on Wednesday
    ]


def test_agenda_lines_become_planned_events() -> None:
    doc = read_path(FIXTURES / "formats" / "agenda-inside-update.txt", ReadOptions(slug="budget"))
    got = [
        (e.title, e.start.isoformat(), e.status) for e in itinerary([doc], Gazetteer.load(), Site())
    ]
    assert got == [
        ("Cabinet meets", "2025-11-26T10:00:00+00:00", Status.PLANNED),
        ("Prime minister's questions", "2025-11-26T12:00:00+00:00", Status.PLANNED),
        ("The budget statement", "2025-11-26T12:30:00+00:00", Status.PLANNED),
        ("Reaction from the opposition", "2025-11-26T15:00:00+00:00", Status.PLANNED),
    ]


def _article_events(text: str, zone: str) -> list[Event]:
    """The itinerary of an article given as text, read on `zone`'s clock."""
    doc = read_text(text, "a.txt", ReadOptions(slug="a", kind="article", zone=zone))
    return itinerary([doc], Gazetteer.load(), Site())


def _alone(path: Path, zone: str) -> list[tuple[str, object, str | None]]:
    doc = read_path(path, ReadOptions(slug="article", zone=zone))
    return [
        (e.title, e.start, e.place.name if e.place else None)
        for e in itinerary([doc], Gazetteer.load(), Site())
    ]


def test_an_article_alone_gives_the_schedule_it_dates() -> None:
    # An encyclopedic article with no live blog: the span, and each happening dated in
    # its own sentence; the principal is named by apposition ("Ana Costa, the president
    # of Freedonia"), day-first dates, a passive signing.
    london = pytz.timezone("Europe/London")
    assert _alone(FIXTURES / "london-visit-article.txt", "Europe/London") == [
        ("Visit to United Kingdom", date(2031, 5, 14), "United Kingdom"),
        (
            "Arrival at Heathrow Airport",
            london.localize(datetime(2031, 5, 14, 17)),
            "Heathrow Airport",
        ),
        ("State banquet at Buckingham Palace", date(2031, 5, 15), "Buckingham Palace"),
        (
            "Departure from Heathrow Airport",
            date(2031, 5, 16),
            "Heathrow Airport",
        ),  # later that day
        ("Signing of a trade agreement", date(2031, 5, 16), "Downing Street"),
        ("Summit with Prime Minister Rui Sato", date(2031, 5, 16), "Downing Street"),
    ]


def test_an_articles_arrival_in_a_city_is_no_part_of_what_follows_there() -> None:
    # "shortly after arriving in Osaka, Costa met …": two happenings, though both are
    # placed in the one city that evening
    text = (
        "Ana Costa, the president of Freedonia, visited Japan from 2 to 4 June 2031.\n"
        "On the evening of 2 June 2031, shortly after arriving in Osaka, Costa met Emperor"
        " Naruhito.\n"
    )
    events = _article_events(text, "Asia/Tokyo")
    assert [(e.title, e.place and e.place.name) for e in events] == [
        ("Visit to Japan", "Japan"),
        ("Arrival in Osaka", "Osaka"),
        ("Audience with Emperor Naruhito", "Osaka"),
    ]


@pytest.mark.parametrize(
    ("onward", "expected"),
    [
        # told as what follows the visit, abroad: the departure on the span's last day
        (
            "Following her programme in Japan, Costa will travel to South Korea.",
            [("Departure for South Korea", date(2031, 6, 4), Status.PLANNED)],
        ),
        (
            "After concluding her engagements in Tokyo, she travelled on to Seoul.",
            [("Departure for Seoul", date(2031, 6, 4), Status.HAPPENED)],
        ),
        (
            "Following the visit, Costa departed for Manila.",
            [("Departure for Manila", date(2031, 6, 4), Status.HAPPENED)],
        ),
        # a day of its own is its day
        (
            "Following the visit, she flew to Seoul on 3 June.",
            [("Visit to Seoul", date(2031, 6, 3), Status.HAPPENED)],
        ),
        # a journey within the country visited, or not told as after the visit: no day
        ("Following her programme in Tokyo, Costa will travel to Osaka.", []),
        ("Costa will also travel to South Korea.", []),
    ],
)
def test_an_articles_journey_on_from_the_visit_is_on_its_last_day(onward, expected) -> None:
    text = (
        "Ana Costa, the president of Freedonia, visited Japan from 2 to 4 June 2031.\n"
        f"On 2 June 2031, Costa met Emperor Naruhito at the Imperial Palace. {onward}\n"
    )
    events = _article_events(text, "Asia/Tokyo")
    assert [(e.title, e.start, e.status) for e in events[2:]] == expected


@pytest.mark.parametrize("zone", ["Europe/London", None])
def test_an_article_told_day_by_day(zone: str | None) -> None:
    # The principal is named with no role, and only the opening says the visit is hers
    # (the King is named as often); most happenings take the day a sentence before gave,
    # or a part of it ("In the afternoon", "That evening", "later"). Given no zone, the
    # article is read on the clock of the places it names most (not Paris's, nor UTC).
    london = pytz.timezone("Europe/London")
    doc = read_path(FIXTURES / "windsor-visit-article.txt", ReadOptions(slug="article", zone=zone))
    events = itinerary([doc], Gazetteer.load(), Site())
    assert [(e.title, e.start, e.end, e.place and e.place.name) for e in events] == [
        ("Visit to United Kingdom", date(2031, 6, 3), date(2031, 6, 6), "United Kingdom"),
        (  # not "Meeting with by the Prince of Wales"; on London's clock, not Paris's
            "Arrival at Kestrel Airfield",
            london.localize(datetime(2031, 6, 3, 11)),
            london.localize(datetime(2031, 6, 3, 11, 15)),
            "Kestrel Airfield",
        ),
        (
            "Speech to both Houses of Parliament",
            london.localize(datetime(2031, 6, 3, 12)),
            london.localize(datetime(2031, 6, 3, 18)),
            "Royal Gallery",
        ),
        (  # hosted by the King, for the visitor; at a banquet's usual hour that evening
            "State banquet with King Rui",
            london.localize(datetime(2031, 6, 3, 20)),
            london.localize(datetime(2031, 6, 3, 21, 30)),
            "Windsor Castle",
        ),
        ("Meeting with Prime Minister Rui Sato", date(2031, 6, 4), None, "Downing Street"),
        ("Visit to Oxford", date(2031, 6, 4), None, "Oxford"),
        ("Signing of a treaty on energy research", date(2031, 6, 5), None, None),
        ("Summit with Prime Minister Rui Sato", date(2031, 6, 5), None, "Lancaster House"),
        (
            "Departure from London",
            london.localize(datetime(2031, 6, 5, 12)),
            london.localize(datetime(2031, 6, 5, 18)),
            "London",
        ),
    ]
    assert str(events[1].start.tzinfo) == "Europe/London"


def test_the_sample_article_alone() -> None:
    got = [(title, start) for title, start, _ in _alone(ARTICLE, "Asia/Tokyo")]
    assert got == [
        ("ASEAN Summit", date(2025, 10, 26)),
        ("Visit to Japan", date(2025, 10, 27)),  # the span, and no day-long arrival inside it
        ("Arrival in Tokyo", at(27, 17)),  # "shortly after arriving in Tokyo" that evening
        ("Audience with Emperor Naruhito", at(27, 17)),
        (
            "Signing of a framework agreement on the security of supply for rare earth…",
            date(2025, 10, 28),
        ),
        ("Summit with Prime Minister Takaichi", date(2025, 10, 28)),
        # "following his program in Japan, Trump will travel to South Korea": on its last day
        ("Departure for South Korea", date(2025, 10, 29)),
    ]


def test_each_happening_takes_the_date_of_its_own_clause(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "Visit of Ana Costa\n\nPresident Ana Costa leads Freedonia. Costa visited Paris on "
        "3 May 2031 and flew to London on 4 May.\n",
        "utf-8",
    )
    got = [(title, start) for title, start, _ in _alone(path, "Europe/Paris")]
    assert got == [("Visit to Paris", date(2031, 5, 3)), ("Visit to London", date(2031, 5, 4))]


def test_one_city_does_not_make_an_arrival_and_a_later_meeting_one(tmp_path: Path) -> None:
    events = _blog(
        "4:15 p.m. Costa met General Secretary Rui Sato at the party headquarters in Tokyo.\n"
        "2:05 p.m. Costa lands in Tokyo\nOfficials greeted her on the tarmac.\n",
        tmp_path,
    )
    got = [(e.title, e.start.strftime("%H:%M"), e.status) for e in events]
    assert got == [
        ("Arrival in Tokyo", "14:05", Status.HAPPENED),
        ("Meeting with General Secretary Rui Sato", "15:15", Status.APPROXIMATE),  # before 16:15
    ]


#: Earlier updates that name Costa often enough to make her the principal, and nothing else.
_COSTA = "12:30 p.m. Costa is in Tokyo.\n12:20 p.m. Costa smiles.\n12:10 p.m. Costa waves.\n"


@pytest.mark.parametrize(
    "line",
    [
        "3:00 p.m. The prime minister arrives at the Imperial Palace by car.",
        "3:00 p.m. Prime minister arrives at the Imperial Palace",  # a headline
    ],
)
def test_the_principals_role_stands_for_her_in_an_update_that_does_not_name_her(
    tmp_path: Path, line: str
) -> None:
    events = _blog(line + "\n2:00 p.m. Crowds gather outside the palace.\n" + _COSTA, tmp_path)
    assert [(e.title, e.start.strftime("%H:%M")) for e in events] == [
        ("Arrival at Imperial Palace", "15:00")
    ]


def test_a_role_two_people_share_stands_for_neither(tmp_path: Path) -> None:
    events = _blog(
        "3:00 p.m. The prime minister arrives at the Imperial Palace by car.\n"
        "2:00 p.m. Freedonian Prime Minister Rui Sato is also in Tokyo this week.\n" + _COSTA,
        tmp_path,
    )
    assert events == []


def test_delivering_the_speech_is_a_speech(tmp_path: Path) -> None:
    events = _blog(
        "3:00 p.m. Costa delivers the keynote speech at the Imperial Palace.\n" + _COSTA, tmp_path
    )
    assert [(e.title, e.category) for e in events] == [("Speech at Imperial Palace", "Speech")]


def test_an_encyclopedias_marks_are_dropped_and_split_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "Visit of Ana Costa[edit]\n\nAna Costa, the president of Freedonia, visited Japan."
        "[1] Costa travels often.[citation needed]\n\nOn 3 June 2031, Costa arrived at Haneda "
        "Airport, where she was welcomed by officials.[2] On the evening of 3 June, Costa met "
        "Emperor Naruhito at the Imperial Palace.[3][a]\n",
        "utf-8",
    )
    doc = read_path(path, ReadOptions(slug="a", zone="Asia/Tokyo"))
    assert doc.title == "Visit of Ana Costa"
    events = itinerary([doc], Gazetteer.load(), Site())
    assert [(e.title, e.start, [ev.text for ev in e.evidence]) for e in events] == [
        (
            "Arrival at Haneda Airport",
            date(2031, 6, 3),
            [
                "On 3 June 2031, Costa arrived at Haneda Airport, where she was welcomed by officials."
            ],
        ),
        (
            "Audience with Emperor Naruhito",
            TOKYO.localize(datetime(2031, 6, 3, 17)),
            ["On the evening of 3 June, Costa met Emperor Naruhito at the Imperial Palace."],
        ),
    ]


def test_an_articles_days_times_and_spans_each_where_the_sentence_puts_them(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "Visit of Ana Costa\n\nAna Costa, the president of Freedonia, made an official visit "
        "to France in June 2031.\n\nOn 3 June 2031, Costa arrived at Paris Charles de Gaulle "
        "Airport. The following day, Costa met President Rui Sato at the Élysée Palace.\n\n"
        "On 5 June, Costa toured the Louvre Museum before departing for Berlin in the evening.\n",
        "utf-8",
    )
    paris = pytz.timezone("Europe/Paris")
    assert _alone(path, "Europe/Paris") == [
        # "in June 2031" is no span: no month-long visit
        (
            "Arrival at Paris Charles de Gaulle Airport",
            date(2031, 6, 3),
            "Paris Charles de Gaulle Airport",
        ),
        ("Summit with President Rui Sato", date(2031, 6, 4), "Élysée Palace"),  # the following day
        ("Visit to Louvre Museum", date(2031, 6, 5), "Louvre Museum"),  # the evening is not its
        ("Departure for Berlin", paris.localize(datetime(2031, 6, 5, 17)), None),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the entry's news, in the past tense: just before its stamp, time estimated
        (
            "3:00 p.m. Costa arrived at the Imperial Palace by car. Crowds cheered.\n",
            [("Arrival at Imperial Palace", "14:45", Status.APPROXIMATE)],
        ),
        # told after something else, it may be background: nothing
        ("3:00 p.m. Crowds cheered. Costa arrived at the Imperial Palace by car.\n", []),
    ],
)
def test_a_past_arrival_that_leads_its_entry(tmp_path: Path, body: str, expected) -> None:
    events = _blog(body + _COSTA, tmp_path)
    assert [(e.title, e.start.strftime("%H:%M"), e.status) for e in events] == expected


def test_a_departure_told_twice_is_one(tmp_path: Path) -> None:
    events = _blog(
        "7:30 p.m. Costa has left the Imperial Palace. She departed at 7:10 p.m.\n"
        "6:00 p.m. Costa arrives at the Imperial Palace.\n" + _COSTA,
        tmp_path,
    )
    assert [(e.title, e.start.strftime("%H:%M"), e.end.strftime("%H:%M")) for e in events] == [
        ("Arrival at Imperial Palace", "18:00", "19:10")
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the audience begins as the arrival ends, and lasts its usual hour
        (
            "10:40 a.m. Costa arrived at the Imperial Palace for an audience with Emperor "
            "Naruhito.\n",
            [("Audience with Emperor Naruhito", "10:25", "11:40", "Imperial Palace")],
        ),
        # the talks are where the journey led, not at the last place named before
        (
            "11:30 a.m. Costa headed to the Akasaka Palace for talks with Prime Minister Rui "
            "Sato.\n10:00 a.m. Costa landed at Haneda Airport.\n",
            [
                ("Arrival at Haneda Airport", "09:45", "10:00", "Haneda Airport"),
                (
                    "Summit with Prime Minister Rui Sato",
                    "11:15",
                    "12:30",
                    "Akasaka State Guest House",
                ),
            ],
        ),
        # a city is no sign that two reports tell one happening: two events, both there
        (
            "2:30 p.m. Costa flew to Osaka for talks with Prime Minister Rui Sato.\n",
            [
                ("Arrival in Osaka", "14:15", "14:30", "Osaka"),
                ("Summit with Prime Minister Rui Sato", "14:30", "15:30", "Osaka"),
            ],
        ),
        # planned: at the arrival's own time
        (
            "9:00 a.m. Costa will arrive at the Imperial Palace at 3 p.m. for an audience "
            "with Emperor Naruhito.\n",
            [("Audience with Emperor Naruhito", "15:00", "16:00", "Imperial Palace")],
        ),
    ],
)
def test_a_happening_the_journey_was_for_follows_the_arrival(
    tmp_path: Path, body: str, expected
) -> None:
    events = _blog(body + _COSTA, tmp_path)
    got = [(e.title, f"{e.start:%H:%M}", f"{e.end:%H:%M}", e.place.name) for e in events]
    assert got == expected
    assert [e.status for e in events][-1] == (
        Status.PLANNED if "will" in body else Status.APPROXIMATE
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a headline: "today" is the stamp's day, and the stamp tells the time
        ("2:30 p.m. Costa Lands In Osaka Today\n", [("Arrival in Osaka", "14:30", "happened")]),
        # told in the past tense: just before the stamp, as with no day written
        (
            "2:30 p.m. Costa arrived in Osaka today.\n",
            [("Arrival in Osaka", "14:15", "approximate")],
        ),
        # ahead: the day alone, as no time of it is known yet
        ("9:00 a.m. Costa will land in Osaka today.\n", [("Visit to Osaka", None, "planned")]),
    ],
)
def test_today_in_a_live_blog_is_the_stamps_day(tmp_path: Path, body: str, expected) -> None:
    events = _blog(body + _COSTA, tmp_path)
    got = [
        (e.title, f"{e.start:%H:%M}" if isinstance(e.start, datetime) else None, e.status.value)
        for e in events
    ]
    assert got == expected


def _royal_visit(tmp_path: Path, entries: str) -> list[tuple[str, str]]:
    """(title, start) of the events of a British blog of a royal visit to Canada, on BST,
    whose `entries` are on 26 May 2025."""
    path = tmp_path / "k.txt"
    path.write_text(
        "Royal visit: as it happened\nAll times BST\nKing Zog is in Canada for two days.\n"
        "Monday 26 May 2025\n" + entries,
        "utf-8",
    )
    events = itinerary([read_path(path, ReadOptions(slug="k"))], Gazetteer.load(), Site())
    return [(e.title, e.start.isoformat()) for e in events]


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        # a hall the data does not know is in the city of the airport she landed at, and
        # on its clock
        (
            "23:10\nThe King attended a banquet at Rideau Hall at 8 p.m. local time.\n"
            "20:30\nThe King and Queen landed at Ottawa airport at 15:30 local time.\n",
            [
                (
                    "Arrival at Ottawa Macdonald–Cartier International Airport",
                    "2025-05-26T15:30:00-04:00",
                ),
                ("Banquet at Rideau Hall", "2025-05-26T20:00:00-04:00"),
            ],
        ),
        # "The King toured …" is no noun after "the", as "the King tour" would be
        (
            "22:00\nThe King toured Rideau Hall at 16:00 local time.\n"
            "20:30\nThe King and Queen landed at Ottawa airport at 15:30 local time.\n",
            [
                (
                    "Arrival at Ottawa Macdonald–Cartier International Airport",
                    "2025-05-26T15:30:00-04:00",
                ),
                ("Visit to Rideau Hall", "2025-05-26T16:00:00-04:00"),
            ],
        ),
    ],
)
def test_a_royal_visit_after_landing_at_an_airport(tmp_path: Path, entries: str, expected) -> None:
    assert _royal_visit(tmp_path, entries) == expected


def test_a_blog_that_calls_its_principal_by_title(tmp_path: Path) -> None:
    """A royal visit as British blogs tell it: "the King" throughout, his name once, and
    headlines that end on another person's name above text that opens with "The King"."""
    assert _royal_visit(
        tmp_path,
        "23:10\nKing meets Prime Minister Rui Sato\n"
        "The King held an audience with Prime Minister Rui Sato at Rideau Hall this evening.\n"
        "20:30\nThe King and Queen arrive\n"
        "The King and Queen landed at Ottawa airport at 15:30 local time.\n",
    ) == [
        ("Arrival at Ottawa Macdonald–Cartier International Airport", "2025-05-26T15:30:00-04:00"),
        # 23:10 on the blog's clock, at a hall in the city she landed in: on its clock
        ("Meeting with Prime Minister Rui Sato", "2025-05-26T18:10:00-04:00"),
    ]


def _told(events) -> list[tuple[str, object, str]]:
    return [(e.title, e.start, e.status.value) for e in events]


@pytest.mark.parametrize(
    "body",
    [
        "9:00 a.m. Costa is in Tokyo. On Tuesday, she will meet Emperor Naruhito.\n",
        "9:00 a.m. Costa is in Tokyo. Tomorrow she will meet Emperor Naruhito.\n",
        "9:00 a.m. Costa is in Tokyo. Early Tuesday the prime minister will meet Emperor Naruhito.\n",
    ],
)
def test_the_subject_after_the_time_a_sentence_opens_with(tmp_path: Path, body: str) -> None:
    # not the emperor, the first person the sentence names
    assert _told(_blog(body + _COSTA, tmp_path)) == [
        ("Audience with Emperor Naruhito", date(2025, 6, 3), "planned")
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the speech's clause has no "will", but its day is still to come
        (
            "9:00 a.m. Costa will meet party leaders on Tuesday and deliver a speech.\n",
            [
                ("Meeting with party leaders", date(2025, 6, 3), "planned"),
                ("Speech", date(2025, 6, 3), "planned"),
            ],
        ),
        # whom she meets ends where a verb goes on after "and"
        (
            "9:00 a.m. Costa will meet party leaders and tour the Diet on Tuesday.\n",
            [
                ("Meeting with party leaders", date(2025, 6, 3), "planned"),
                ("Visit to Diet", date(2025, 6, 3), "planned"),
            ],
        ),
    ],
)
def test_what_is_told_after_and_on_a_day_to_come(tmp_path: Path, body: str, expected) -> None:
    assert _told(_blog(body + _COSTA, tmp_path)) == expected


def test_a_day_in_the_clause_of_its_own_is_not_the_day_of_a_time_in_another(
    tmp_path: Path,
) -> None:
    body = (
        "9:00 a.m. Costa will fly to Osaka on Tuesday evening "
        "and address its assembly on Wednesday.\n"
    )
    assert _told(_blog(body + _COSTA, tmp_path)) == [
        ("Arrival in Osaka", TOKYO.localize(datetime(2025, 6, 3, 17)), "planned"),
        ("Speech to its assembly", date(2025, 6, 4), "planned"),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "3:00 p.m. Costa Lands In Osaka\nHer plane touched down at 2:50 p.m.\n",
            [("Arrival in Osaka", TOKYO.localize(datetime(2025, 6, 2, 14, 50)), "happened")],
        ),
        (
            "3:00 p.m. Costa's visit goes on.\nAir Force One touched down in Osaka at 2:50 p.m.\n",
            [("Arrival in Osaka", TOKYO.localize(datetime(2025, 6, 2, 14, 50)), "happened")],
        ),
        # a plane that is not hers, in an update that is not about her
        ("3:05 p.m. The plane carrying the crew landed in Osaka.\n", []),
    ],
)
def test_what_carries_the_principal_stands_for_her(tmp_path: Path, body: str, expected) -> None:
    assert _told(_blog(body + _COSTA, tmp_path)) == expected


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Costa spoke to the troops at 2 p.m.", "Speech to the troops"),
        ("Costa delivered a speech to the nation at 2 p.m.", "Speech to the nation"),
        ("Costa addressed the Avalon parliament at 2 p.m.", "Speech to the Avalon parliament"),
        ("Costa spoke to them at 2 p.m.", "Speech"),
        # a speech on a visit: the visit names the event
        ("Costa visited Osaka and spoke to the troops at 2 p.m.", "Visit to Osaka"),
    ],
)
def test_a_speech_is_titled_by_whom_it_was_to(tmp_path: Path, line: str, title: str) -> None:
    assert [e.title for e in _blog(f"3:00 p.m. {line}\n" + _COSTA, tmp_path)] == [title]


def test_an_update_that_names_the_principal_by_title_is_about_him(tmp_path: Path) -> None:
    """ "King's plane lands": the title he alone holds names him, so the royal plane of
    the text below is his, and its local time tells the arrival's."""
    assert _royal_visit(
        tmp_path,
        "21:00\nKing's plane lands in Ottawa\n"
        "The royal plane touched down in Ottawa at 15:30 local time.\n"
        "12:00\nKing Zog waves. Zog smiles. Zog sleeps.\n",
    ) == [("Arrival in Ottawa", "2025-05-26T15:30:00-04:00")]


def _placed(events) -> list[tuple[str, object, str, str | None]]:
    return [(e.title, e.start, e.status.value, e.place and e.place.name) for e in events]


def _at(hour: int, minute: int = 0) -> datetime:
    return TOKYO.localize(datetime(2025, 6, 2, hour, minute))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "5:30 p.m. Costa and President Rui Sato oversaw the signing of seven agreements "
            "at the Imperial Palace.",
            [("Signing of seven agreements", _at(17), "approximate", "Imperial Palace")],
        ),
        (
            "5:30 p.m. Costa presided over the signing of a trade pact.",
            [("Signing of a trade pact", _at(17), "approximate", None)],
        ),
        (
            "9:40 p.m. Costa is spending the night in Tokyo and is expected to fly back to "
            "Washington on Tuesday morning.",
            [
                (
                    "Departure for Washington",
                    TOKYO.localize(datetime(2025, 6, 3, 6)),
                    "planned",
                    "Tokyo",
                )
            ],
        ),
        (
            "9:40 p.m. Costa flew back to Tokyo from Osaka at 6 p.m.",
            [("Departure for Tokyo", _at(18), "happened", "Osaka")],
        ),
    ],
)
def test_overseeing_a_signing_and_flying_back(tmp_path: Path, line: str, expected) -> None:
    """Leaders "oversee" (or "preside over") the signing of what their ministers sign;
    "fly back to" a place is leaving where one is for it."""
    assert _placed(_blog(line + "\n" + _COSTA, tmp_path)) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # the summit is Sato's to chair, and "this year" dates the chair, not the greeting
        (
            "10:05 a.m. Costa arrives at the Imperial Palace and is greeted by President Rui "
            "Sato, who chairs the summit this year.",
            [("Arrival at Imperial Palace", _at(10, 5), "happened", "Imperial Palace")],
        ),
        # the year the palace opened is no date of the talks
        (
            "10:05 a.m. Costa meets President Rui Sato at the Imperial Palace, which opened "
            "in 1968.",
            [("Summit with President Rui Sato", _at(10, 5), "happened", "Imperial Palace")],
        ),
    ],
)
def test_an_aside_about_someone_else_tells_nothing_of_the_day(
    tmp_path: Path, line: str, expected
) -> None:
    """What an aside ("…, who …", "…, which …") tells is of whom or what it is about: its
    happenings are not the principal's, and its dates do not make the sentence history."""
    assert _placed(_blog(line + "\n" + _COSTA, tmp_path)) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "5:00 p.m. President Rui Sato and Costa are meeting at the Imperial Palace, their "
            "first formal talks since 2017.",
            [("Summit with President Rui Sato", _at(17), "happened", "Imperial Palace")],
        ),
        (
            "5:00 p.m. Costa was meeting business leaders at the Imperial Palace.",
            [("Meeting with business leaders", _at(16), "approximate", "Imperial Palace")],
        ),
        ("5:00 p.m. The first meeting is at the Imperial Palace.", []),
    ],
)
def test_meeting_after_a_form_of_be_is_a_verb(tmp_path: Path, line: str, expected) -> None:
    """ "are meeting" is a meeting under way, where "the first meeting is" names one."""
    assert _placed(_blog(line + "\n" + _COSTA, tmp_path)) == expected


@pytest.mark.parametrize(
    "line",
    [
        "7:15 p.m. President Rui Sato and his wife Mia Sato welcome Costa to a state banquet "
        "at the Imperial Palace.",
        "7:15 p.m. President Rui Sato and his wife, Mia, host a state banquet for Costa at the "
        "Imperial Palace.",
    ],
)
def test_a_host_and_spouse_who_welcome_the_principal(tmp_path: Path, line: str) -> None:
    """A host who welcomes the principal with their spouse holds the principal's banquet."""
    assert _placed(_blog(line + "\n" + _COSTA, tmp_path)) == [
        ("State banquet with President Rui Sato", _at(19, 15), "happened", "Imperial Palace")
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # told over by the stamp: it began that long before it
        (
            "8:10 p.m. Costa and President Rui Sato have met at the Imperial Palace. "
            "The talks lasted about 30 minutes.",
            ("19:40", "20:10", "approximate"),
        ),
        # begun at a time told: it ended that long after
        (
            "8:10 p.m. Costa met President Rui Sato at the Imperial Palace at 6 p.m. "
            "The talks lasted about two hours.",
            ("18:00", "20:00", "happened"),
        ),
        # how long is not said: the usual hour
        (
            "8:10 p.m. Costa met President Rui Sato at the Imperial Palace at 6 p.m. "
            "The talks were cordial.",
            ("18:00", "19:00", "happened"),
        ),
    ],
)
def test_how_long_a_happening_told_before_lasted(tmp_path: Path, line: str, expected) -> None:
    """ "The talks lasted …", the sentence after the talks, tells how long they were."""
    (event,) = _blog(line + "\n" + _COSTA, tmp_path)
    assert (event.title, event.place and event.place.name) == (
        "Summit with President Rui Sato",
        "Imperial Palace",
    )
    assert (f"{event.start:%H:%M}", f"{event.end:%H:%M}", event.status.value) == expected


def test_a_meal_told_after_the_talks_is_a_happening_of_its_own(tmp_path: Path) -> None:
    """ "hosts Costa for a working lunch … after their talks", within the talks' usual
    length, is a lunch after them, not part of the talks."""
    body = (
        "1:15 p.m. President Rui Sato hosts Costa for a working lunch at the Akasaka State "
        "Guest House after their talks.\n"
        "11:50 a.m. Costa and President Rui Sato begin their summit at the Akasaka State "
        "Guest House.\n"
    )
    assert [(e.title, e.start, e.end) for e in _blog(body + _COSTA, tmp_path)] == [
        ("Summit with President Rui Sato", _at(11, 50), _at(13, 15)),
        ("Working lunch with President Rui Sato", _at(13, 15), _at(14, 45)),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "9:20 a.m. Costa boards a bullet train at Tokyo Station bound for Sendai.",
            [("Departure for Sendai", _at(9, 20), "happened", "Tokyo Station")],
        ),
        (
            "5:10 p.m. Costa boarded her plane at Haneda Airport at 5 p.m.",
            [("Departure from Haneda Airport", _at(17), "happened", "Haneda Airport")],
        ),
        (
            "4:40 p.m. Costa has wrapped up her three-day visit to Japan.",
            [("Departure from Japan", _at(16, 25), "approximate", "Japan")],
        ),
        (
            "4:40 p.m. Costa's plane has taken off from Haneda Airport.",
            [("Departure from Haneda Airport", _at(16, 25), "approximate", "Haneda Airport")],
        ),
        # the leaving it tells says when and from where
        (
            "4:40 p.m. Costa ended her visit at the Imperial Palace and left Haneda Airport "
            "for Seoul at 4 p.m.",
            [("Departure for Seoul", _at(16), "happened", "Haneda Airport")],
        ),
    ],
)
def test_boarding_and_ending_the_visit_are_leaving(tmp_path: Path, line: str, expected) -> None:
    """Boarding a train or a plane, and ending the visit, are leaving."""
    assert _placed(_blog(line + "\n" + _COSTA, tmp_path)) == expected


def test_a_date_in_a_where_clause_dates_what_happens_there(tmp_path: Path) -> None:
    """ "has wrapped up her visit and is heading to Seoul, where she will attend a summit
    from Wednesday": Wednesday is the summit's, not the leaving's; the summit is "a summit",
    not "a summit from"."""
    body = (
        "4:40 p.m. Costa has wrapped up her visit and is heading to Seoul, where she will "
        "attend a summit from Wednesday.\n"
    )
    assert _placed(_blog(body + _COSTA, tmp_path)) == [
        ("Departure for Seoul", _at(16, 25), "approximate", None),
        ("Summit", date(2025, 6, 4), "planned", "Seoul"),
    ]


@pytest.mark.parametrize(
    ("ended", "expected"),
    [
        ("The summit at the Imperial Palace has ended after about two hours.", "19:35"),
        # the talks of others, not hers: her summit keeps its usual length
        (
            "The talks between President Rui Sato and Prime Minister Mia Sato have ended.",
            "19:00",
        ),
    ],
)
def test_an_update_that_opens_with_a_happening_and_names_no_one(
    tmp_path: Path, ended: str, expected: str
) -> None:
    """ "The summit at the Imperial Palace has ended", in an update that names no one, is
    the principal's summit ending."""
    body = (
        f"7:35 p.m. {ended}\n"
        "5:30 p.m. Costa and President Rui Sato begin their summit at the Imperial Palace.\n"
    )
    (event,) = _blog(body + _COSTA, tmp_path)
    assert (event.title, f"{event.start:%H:%M}", f"{event.end:%H:%M}") == (
        "Summit with President Rui Sato",
        "17:30",
        expected,
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "5:10 p.m. Air Force One has touched down at Haneda Airport after a flight of about "
            "seven hours. She was greeted by the foreign minister.",
            [("Arrival at Haneda Airport", _at(16, 55), "approximate", "Haneda Airport")],
        ),
        # the plane carries someone else this time
        (
            "5:10 p.m. Air Force One has touched down at Haneda Airport with President Rui Sato "
            "on board.",
            [],
        ),
    ],
)
def test_an_update_that_opens_with_the_principals_plane(
    tmp_path: Path, line: str, expected
) -> None:
    """An update that opens with what carries the principal and names no one else is
    about the principal, though it does not name them."""
    assert _placed(_blog(line + "\n" + _COSTA, tmp_path)) == expected


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("at the convention centre", "Kuala Lumpur Convention Centre"),
        ("at the convention center", "Kuala Lumpur Convention Centre"),
        ("at the centre", "Kuala Lumpur Convention Centre"),
        ("at the museum", None),  # no museum was named
    ],
)
def test_the_venue_named_before_by_its_last_word(
    tmp_path: Path, where: str, expected: str | None
) -> None:
    """ "The convention centre" is the one the blog named last, in either spelling; "the
    museum" is not a convention centre."""
    body = (
        f"2:30 p.m. Costa and President Rui Sato hold talks {where}.\n"
        "1:15 p.m. Costa signs a peace declaration at the Kuala Lumpur Convention Centre.\n"
    )
    talks = [e for e in _blog(body + _COSTA, tmp_path) if e.title.startswith("Summit")]
    assert [e.place and e.place.name for e in talks] == [expected]


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        (
            "11:00 a.m. Costa holds talks with President Rui Sato at Haneda Airport.\n"
            "10:25 a.m. Costa's plane has landed at Haneda Airport.\n",
            [
                ("Arrival at Haneda Airport", _at(10, 10), "approximate", "Haneda Airport"),
                ("Summit with President Rui Sato", _at(11), "happened", "Haneda Airport"),
            ],
        ),
        (
            "11:00 a.m. Costa speaks to troops at Haneda Airport.\n"
            "10:25 a.m. Costa lands at Haneda Airport.\n",
            [
                ("Arrival at Haneda Airport", _at(10, 25), "happened", "Haneda Airport"),
                ("Speech at Haneda Airport", _at(11), "happened", "Haneda Airport"),
            ],
        ),
        # at a palace, arriving and the talks there are one visit
        (
            "11:00 a.m. Costa holds talks with President Rui Sato at the Imperial Palace.\n"
            "10:25 a.m. Costa has arrived at the Imperial Palace.\n",
            [("Summit with President Rui Sato", _at(11), "happened", "Imperial Palace")],
        ),
    ],
)
def test_landing_at_an_airport_then_talks_there_are_two(
    tmp_path: Path, entries: str, expected
) -> None:
    """Talks (or a speech) at an airport or its air base within the hour of landing
    there are a happening of their own, not the landing's."""
    assert _placed(_blog(entries + _COSTA, tmp_path)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the clock and the "will" of a "where" clause are the meeting's, not the departure's
        (
            "8:00 a.m. Costa leaves Tokyo by helicopter for Osaka, "
            "where she will meet Emperor Naruhito at 11 a.m.\n",
            [
                ("Departure for Osaka", _at(8), "happened", "Tokyo"),
                ("Audience with Emperor Naruhito", _at(11), "planned", "Osaka"),
            ],
        ),
        # "after landing": done before the update's news, whatever the "will" after it
        (
            "8:00 a.m. After landing in Osaka, Costa moves to her car, "
            "which will take her to the castle.\n",
            [("Arrival in Osaka", _at(7, 45), "approximate", "Osaka")],
        ),
        # the afternoon is told in the speech's clause; 11 a.m. in the landing's
        (
            "9:00 a.m. Costa will land in Osaka at 11 a.m. and then travel to Kyoto, "
            "where she is to speak to students in the afternoon.\n",
            [
                ("Arrival in Osaka", _at(11), "planned", "Osaka"),
                ("Speech to students", _at(12), "planned", "Kyoto"),
            ],
        ),
    ],
)
def test_a_where_clause_tells_its_own_time_tense_and_place(
    tmp_path: Path, body: str, expected
) -> None:
    assert _placed(_blog(body + _COSTA, tmp_path)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the summit is where she spoke, and whom to, not a happening of its own
        (
            "3:00 p.m. Costa gives a keynote speech at the Avalon Business Summit.\n",
            [("Speech to the Avalon Business Summit", _at(15), "happened", None)],
        ),
        (
            "9:00 a.m. Costa will be welcomed at the palace "
            "before a summit with Prime Minister Rui Sato at 10 a.m.\n",
            [("Summit with Prime Minister Rui Sato", _at(10), "planned", None)],
        ),
    ],
)
def test_a_summit_named_as_the_setting_is_no_summit(tmp_path: Path, body: str, expected) -> None:
    assert _placed(_blog(body + _COSTA, tmp_path)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the airport lies some 70 km from the city she flies on to: two arrivals
        (
            "12:40 p.m. Costa arrives in Kyoto by helicopter.\n"
            "11:55 a.m. Costa's plane touches down at Kansai International Airport.\n",
            [
                ("Arrival at Kansai International Airport", _at(11, 55), "happened"),
                ("Visit to Kyoto", _at(12, 40), "happened"),
            ],
        ),
        # two cities some 30 km apart
        (
            "12:25 p.m. Costa arrives in Kobe.\n11:55 a.m. Costa lands in Osaka.\n",
            [
                ("Arrival in Osaka", _at(11, 55), "happened"),
                ("Visit to Kobe", _at(12, 25), "happened"),
            ],
        ),
        # arrived in the city; the speech at a hall there is a happening of its own
        (
            "2:05 p.m. Costa speaks to students at Kyoto University.\n"
            "12:40 p.m. Costa arrives in Kyoto.\n",
            [
                ("Arrival in Kyoto", _at(12, 40), "happened"),
                ("Speech at Kyoto University", _at(14, 5), "happened"),
            ],
        ),
    ],
)
def test_an_arrival_in_a_city_is_not_what_happens_elsewhere(
    tmp_path: Path, body: str, expected
) -> None:
    assert _told(_blog(body + _COSTA, tmp_path)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "7:30 p.m. Emperor Naruhito hosts Costa at a banquet at the Imperial Palace.\n",
            [("Banquet with Emperor Naruhito", _at(19, 30), "happened")],
        ),
        (
            "7:30 p.m. Costa is at the palace. Emperor Naruhito welcomes her to a banquet.\n",
            [("Banquet with Emperor Naruhito", _at(19, 30), "happened")],
        ),
        # someone else's meeting
        ("3:00 p.m. Emperor Naruhito met Costa's husband at the palace.\n", []),
    ],
)
def test_a_host_named_first_tells_the_principals_happening(
    tmp_path: Path, body: str, expected
) -> None:
    assert _told(_blog(body + _COSTA, tmp_path)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the other of two joined as one subject is whom she meets, named first or second
        (
            "3:00 p.m. Emperor Naruhito and Costa will meet at the Imperial Palace at 5 p.m.\n",
            [("Audience with Emperor Naruhito", _at(17), _at(18), "planned")],
        ),
        (
            "3:00 p.m. Costa and Emperor Naruhito shake hands at the Imperial Palace.\n",
            [("Audience with Emperor Naruhito", _at(15), _at(16), "happened")],
        ),
        # a surname of two letters is a name
        (
            "3:00 p.m. Costa and Xi shake hands at the Imperial Palace. Xi smiles.\n"
            "2:00 p.m. Chinese President Xi Jinping is in Tokyo.\n",
            [("Summit with President Xi", _at(15), _at(16), "happened")],
        ),
        # "a five-nation Asia tour" is a noun: no visit at 1:15 p.m. stretches the audience
        (
            "1:15 p.m. Costa is headed home, ending a five-nation Asia tour.\n"
            "11:10 a.m. Costa and Emperor Naruhito shake hands at the Imperial Palace.\n",
            [("Audience with Emperor Naruhito", _at(11, 10), _at(12, 10), "happened")],
        ),
    ],
)
def test_two_named_as_one_subject_meet(tmp_path: Path, body: str, expected) -> None:
    events = _blog(body + _COSTA, tmp_path)
    assert [(e.title, e.start, e.end, e.status.value) for e in events] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "4:20 p.m. Summit talks begin at Osaka Castle. Costa smiles.\n"
            "2:00 p.m. Costa will hold a summit with Prime Minister Rui Sato at 4 p.m.\n",
            [("Summit with Prime Minister Rui Sato", _at(16, 20), _at(17, 50), "happened")],
        ),
        # the dinner's end
        (
            "9:40 p.m. The dinner has wrapped up. Costa returns to her hotel.\n"
            "7:30 p.m. Emperor Naruhito hosts Costa at a dinner at the Imperial Palace.\n",
            [("Dinner with Emperor Naruhito", _at(19, 30), _at(21, 40), "happened")],
        ),
        # an update that does not name her; a summit that is not the subject
        ("4:20 p.m. Summit talks begin at Osaka Castle.\n", []),
        ("4:20 p.m. Costa waves. Protesters gather before the summit.\n", []),
    ],
)
def test_a_happening_that_is_the_subject_in_an_update_about_her(
    tmp_path: Path, body: str, expected
) -> None:
    events = _blog(body + _COSTA, tmp_path)
    assert [(e.title, e.start, e.end, e.status.value) for e in events] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # 10 a.m. is the landing's, told in the act before; "Avalon and Zenda" is no new act
        (
            "8:00 a.m. Costa is due to land in Osaka around 10 a.m. and will witness the "
            "signing of a trade pact between Avalon and Zenda in the early afternoon.\n",
            [
                ("Arrival in Osaka", _at(10), "planned"),
                ("Signing of a trade pact", _at(12), "planned"),
            ],
        ),
        # others sign as she looks on: her happening
        (
            "1:15 p.m. Prime Minister Rui Sato and King Zog sign a peace declaration "
            "as Costa looks on.\n",
            [("Signing of a peace declaration", _at(13, 15), "happened")],
        ),
        # joining a summit is attending it; talks on its sidelines are a meeting of their own
        (
            "4:30 p.m. Costa holds talks with Emperor Naruhito on the sidelines of the summit.\n"
            "2:50 p.m. Costa joins the Avalon-U.S. summit at Osaka Castle.\n",
            [
                ("Avalon-U.S. summit", _at(14, 50), "happened"),
                ("Audience with Emperor Naruhito", _at(16, 30), "happened"),
            ],
        ),
    ],
)
def test_signings_she_witnesses_and_summits_she_joins(tmp_path: Path, body: str, expected) -> None:
    assert _told(_blog(body + _COSTA, tmp_path)) == expected


_KING_HEAD = "King Rui in Japan: live (Tokyo time)\nThe state visit runs until Wednesday.\n"
_KING = (
    "12:30 p.m. The King is in Tokyo.\n12:20 p.m. The King smiles.\n12:10 p.m. The King waves.\n"
)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # only the blog's title names him: "the King" is King Rui all the same
        (
            "3:00 p.m. The King lands at Haneda Airport.\n",
            [("Arrival at Haneda Airport", _at(15), "happened")],
        ),
        # the entry's news is the first sentence after its headline, not background
        (
            "3:00 p.m. Touchdown\nThe King and Queen have landed at Haneda Airport.\n",
            [("Arrival at Haneda Airport", _at(14, 45), "approximate")],
        ),
        # "the royal couple" are the King and Queen
        (
            "3:00 p.m. Royal couple land at Haneda Airport\nThe King waves to the crowd.\n",
            [("Arrival at Haneda Airport", _at(15), "happened")],
        ),
        # a wreath laid is a ceremony; a visitors' book signed, no signing
        (
            "4:00 p.m. The King laid a wreath at the Tomb of the Unknown Soldier and signed "
            "the visitors' book.\n",
            [("Wreath-laying at Tomb of the Unknown Soldier", _at(16), "happened")],
        ),
        # a speech to a joint session of parliament, begun at a time of its own
        (
            "3:00 p.m. The King has become the first foreign monarch to address a joint "
            "session of the Diet. He began his speech at 2:55 p.m.\n",
            [("Speech to a joint session of the Diet", _at(14, 55), "happened")],
        ),
        # welcomed by his host: a meeting with them
        (
            "3:00 p.m. The King was welcomed by Prime Minister Rui Sato at the Akasaka Palace.\n",
            [("Meeting with Prime Minister Rui Sato", _at(14), "approximate")],
        ),
        (
            "3:00 p.m. The King was greeted by Prime Minister Rui Sato at the Akasaka Palace.\n",
            [("Meeting with Prime Minister Rui Sato", _at(14), "approximate")],
        ),
        # … but on landing, the arrival's welcome
        (
            "3:00 p.m. The King lands at Haneda Airport, where he is welcomed by Prime "
            "Minister Rui Sato.\n",
            [("Arrival at Haneda Airport", _at(15), "happened")],
        ),
        # "the two heads of state": he and the other one the sentence before named
        (
            "3:00 p.m. The King and Prime Minister Rui Sato walked into the hall. The two "
            "heads of state then held talks.\n",
            [("Meeting with Prime Minister Rui Sato", _at(14), "approximate")],
        ),
        # the subject comes after the phrase the sentence opens with, and whom it names
        (
            "9:00 p.m. Speaking at the state banquet in the Akasaka Palace, hosted by Prime "
            "Minister Rui Sato, the King said the two nations were old friends.\n",
            [("State banquet with Prime Minister Rui Sato", _at(21), "happened")],
        ),
        (
            "4:00 p.m. Accompanied by Prime Minister Rui Sato, the King laid a wreath at the "
            "Tomb of the Unknown Soldier.\n",
            [("Wreath-laying at Tomb of the Unknown Soldier", _at(16), "happened")],
        ),
        # the talks, then the press: two happenings at one place
        (
            "4:00 p.m. The King held talks with Prime Minister Rui Sato at the Akasaka Palace "
            "at 2 p.m. The two leaders will hold a press conference there at 5 p.m.\n",
            [
                ("Meeting with Prime Minister Rui Sato", _at(14), "happened"),
                ("Press conference", _at(17), "planned"),
            ],
        ),
        # a room is no conference
        (
            "4:00 p.m. The King held talks with Prime Minister Rui Sato in the press "
            "conference room at 2 p.m.\n",
            [("Meeting with Prime Minister Rui Sato", _at(14), "happened")],
        ),
    ],
)
def test_a_king_the_title_names_and_the_ceremonies_of_a_state_visit(
    tmp_path: Path, body: str, expected
) -> None:
    assert _told(_blog(body + _KING, tmp_path, _KING_HEAD)) == expected


def test_local_time_at_a_place_only_the_text_names_is_that_of_the_city_she_is_in(
    tmp_path: Path,
) -> None:
    # a blog on UK time; the gazetteer knows Rome, not the palace the dinner is at
    body = (
        "9:00 p.m. The King sat down to dinner at the Palazzo Chigi at 8.30pm local time.\n"
        "6:00 p.m. The King lands in Rome.\n"
        "12:30 p.m. The King is in London.\n12:20 p.m. The King smiles.\n"
    )
    rome = pytz.timezone("Europe/Rome")
    events = _blog(body, tmp_path, "King Rui in Italy – live\nAll times BST\n")
    assert _placed(events) == [
        ("Arrival in Rome", rome.localize(datetime(2025, 6, 2, 19)), "happened", "Rome"),
        (
            "Dinner at Palazzo Chigi",
            rome.localize(datetime(2025, 6, 2, 20, 30)),
            "happened",
            "Palazzo Chigi",
        ),
    ]
    assert events[1].start.tzinfo.zone == "Europe/Rome"  # shown on the clock there


def test_a_departure_told_in_a_headline_and_again_below_it_is_one(tmp_path: Path) -> None:
    body = "5:00 p.m. Costa leaves Parliament\nCosta has left Palazzo Chigi after an hour.\n"
    assert _placed(_blog(body + _COSTA, tmp_path)) == [
        ("Departure from Palazzo Chigi", _at(17), "happened", "Palazzo Chigi")
    ]


def test_whom_an_opening_phrase_names_is_not_the_subject(tmp_path: Path) -> None:
    body = (
        "4:00 p.m. Accompanied by Prime Minister Rui Sato, Costa laid a wreath at the Tomb "
        "of the Unknown Soldier.\n"
    )
    assert _told(_blog(body + _COSTA, tmp_path)) == [
        ("Wreath-laying at Tomb of the Unknown Soldier", _at(16), "happened")
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "her Kansai Region tour" is a noun: the landing is an arrival, not a visit
        (
            "3:15 p.m. Costa lands in Osaka\nCosta has arrived in Osaka on the first stop of "
            "her Kansai Region tour.\n",
            [("Arrival in Osaka", _at(15, 15), "happened", "Osaka")],
        ),
        # the place of the clause after "Before departing" is no destination
        (
            "4:00 p.m. Before departing, Costa met Emperor Naruhito in Osaka.\n"
            "3:50 p.m. Costa leaves Osaka\n",
            [
                ("Audience with Emperor Naruhito", _at(15), "approximate", "Osaka"),
                ("Departure from Osaka", _at(15, 50), "happened", "Osaka"),
            ],
        ),
        # what was signed, and to whom a speech was, as the text says it, not its headline
        (
            "2:00 p.m. Costa and Sato sign partnership\nCosta and Prime Minister Rui Sato "
            "signed a strategic economic partnership at the Akasaka Palace.\n",
            [
                (
                    "Signing of a strategic economic partnership",
                    _at(14),
                    "happened",
                    "Akasaka State Guest House",
                )
            ],
        ),
        (
            "5:00 p.m. Costa addresses forum\nCosta spoke for nearly an hour at the "
            "Avalon-U.S. Investment Forum in Osaka.\n",
            [("Speech to the Avalon-U.S. Investment Forum", _at(17), "happened", "Osaka")],
        ),
        # speaking at a forum, under a headline that says less: her speech there
        (
            "3:20 p.m. Costa addresses business forum\nSpeaking at the Avalon-Zenda Economic"
            " Forum in Osaka, Costa urged companies to invest.\n",
            [("Speech to the Avalon-Zenda Economic Forum", _at(15, 20), "happened", "Osaka")],
        ),
        # speaking at a banquet is what she said there: the banquet is the happening
        (
            "10:30 p.m. Speaking at the state banquet in the Akasaka Palace, Costa said the "
            "two nations were old friends.\n"
            "7:00 p.m. Costa sits down to the state banquet at the Akasaka Palace.\n",
            [
                (
                    "State banquet at Akasaka State Guest House",
                    _at(19),
                    "happened",
                    "Akasaka State Guest House",
                )
            ],
        ),
    ],
)
def test_tours_departures_signings_and_speeches_as_the_text_tells_them(
    tmp_path: Path, body: str, expected
) -> None:
    assert _placed(_blog(body + _COSTA, tmp_path)) == expected


def _timed(events) -> list[tuple[str, object, object, str]]:
    return [(e.title, e.start, e.end, e.status.value) for e in events]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the "will" before "and" governs the lunch too; "later today" is a window much
        # longer than a lunch, which is shown at a lunch's usual hour inside it
        (
            "10:00 a.m. Later today, Costa will hold talks with Emperor Naruhito and attend "
            "a lunch at the Imperial Palace.\n",
            [("Lunch with Emperor Naruhito", _at(12, 30), _at(14), "planned")],
        ),
        # the opening phrase tells the plan, though the verb is in the present tense
        (
            "10:00 a.m. Later today, Costa attends a lunch at the Imperial Palace.\n",
            [("Lunch at Imperial Palace", _at(12, 30), _at(14), "planned")],
        ),
        (
            "3:00 p.m. This evening, Costa will attend a state banquet at the Imperial Palace.\n",
            [("State banquet at Imperial Palace", _at(20), _at(21, 30), "planned")],
        ),
        # a window that begins after the usual hour keeps its own start
        (
            "1:00 p.m. Later today, Costa will attend a lunch at the Imperial Palace.\n",
            [
                (
                    "Lunch at Imperial Palace",
                    _at(13),
                    TOKYO.localize(datetime(2025, 6, 3)),
                    "planned",
                )
            ],
        ),
    ],
)
def test_a_plan_told_before_the_clause_and_a_meal_at_its_usual_hour(
    tmp_path: Path, body: str, expected
) -> None:
    events = [e for e in _blog(body + _COSTA, tmp_path) if "Tokyo" not in e.title]
    assert _timed(events) == expected


@pytest.mark.parametrize(
    ("sentence", "planned"),
    [
        ("Costa will meet Sato and attend a lunch at the palace.", True),
        ("Costa will meet Sato and then attend a lunch at the palace.", True),
        ("Costa will meet Sato, and attend a lunch at the palace.", True),
        ("Later today, Costa attends a lunch at the palace.", True),
        ("Costa met Sato and attended a lunch at the palace.", False),
        ("Costa will meet Sato, and the prime minister attends a lunch at the palace.", False),
        ("Costa will meet Sato, and she attends a lunch at the palace.", False),
        ("Costa will meet Sato and Rui Sato attends a lunch at the palace.", False),
        ("Earlier today, Costa attended a lunch at the palace.", False),
    ],
)
def test_a_plan_before_the_clause_governs_it_only_through_a_shared_verb_group(
    sentence: str, planned: bool
) -> None:
    lunch = sentence.index("lunch")
    at = lunch - len(mentions._clause_before(sentence, lunch))
    assert mentions._planned_before(sentence, at, mentions._cues(False)["planned"]) is planned


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the welcome told in the sentence after the landing is the arrival's, no meeting
        (
            "9:00 a.m. Costa landed at Haneda Airport. She was welcomed by members of the "
            "Freedonian community.\n",
            [("Arrival at Haneda Airport", _at(8, 45), "approximate", "Haneda Airport")],
        ),
        # "US" is no "us": the person met is named
        (
            "9:00 a.m. Costa held talks with US Secretary of Commerce Rui Sato at the "
            "Imperial Hotel.\n",
            [
                (
                    "Meeting with US Secretary of Commerce Rui Sato",
                    _at(8),
                    "approximate",
                    "Imperial Hotel",
                )
            ],
        ),
        # a departure as Indian English tells it
        (
            "9:00 a.m. Costa emplaned for Osaka from Haneda Airport.\n",
            [("Departure from Haneda Airport", _at(8, 45), "approximate", "Haneda Airport")],
        ),
    ],
)
def test_welcomes_parties_and_departures_as_other_newsrooms_write_them(
    tmp_path: Path, body: str, expected
) -> None:
    events = [e for e in _blog(body + _COSTA, tmp_path) if "Tokyo" not in e.title]
    assert _placed(events) == expected


def test_a_part_of_day_is_read_on_the_clock_of_where_it_happens(tmp_path: Path) -> None:
    """A GMT blog follows a visit to Japan: "this evening" at a Tokyo palace is Tokyo's
    evening, of the day it is in Tokyo when written; a "last night" with no place named
    stays on the blog's clock (the city named last is no proof of where it was)."""
    doc = _gmt_blog(
        tmp_path,
        "Costa in Japan: live\nAll times GMT.\nPrime Minister Ana Costa is in Japan.\n"
        "Tuesday 28 October 2025\n"
        "23:30 Costa will attend a banquet at the Imperial Palace this evening.\n"
        "09:00 Markets in New York were calm. Costa met Emperor Naruhito last night.\n",
    )
    got = [
        (e.title, e.start.isoformat(), e.end.isoformat())
        for e in itinerary([doc], Gazetteer.load(), Site())
    ]
    assert got == [
        # the evening of the 27th in London, as the blog's clock reads "last night"
        (
            "Audience with Emperor Naruhito",
            "2025-10-27T17:00:00+00:00",
            "2025-10-28T00:00:00+00:00",
        ),
        # written at 08:30 on the 29th in Tokyo: that evening, at a banquet's usual hour
        ("Banquet at Imperial Palace", "2025-10-29T20:00:00+09:00", "2025-10-29T21:30:00+09:00"),
    ]


def test_an_event_with_no_clock_of_its_own_is_on_the_clock_of_where_she_is(
    tmp_path: Path,
) -> None:
    """A GMT blog: a happening that names no place, after a landing in Tokyo, is shown on
    Tokyo's clock, the same instant; once she has left, on the blog's again."""
    doc = _gmt_blog(
        tmp_path,
        "Costa in Japan: live\nAll times GMT.\nPrime Minister Ana Costa is in Japan.\n"
        "Tuesday 28 October 2025\n"
        "20:00 Costa met Rui Sato, the head of the Zenda Institute.\n"
        "12:00 Costa has left Tokyo.\n"
        "10:00 Costa met Emperor Naruhito.\n"
        "09:00 Costa landed in Tokyo.\n",
    )
    got = [(e.title, e.start.isoformat()) for e in itinerary([doc], Gazetteer.load(), Site())]
    assert got == [
        ("Arrival in Tokyo", "2025-10-28T17:45:00+09:00"),  # just before its stamp
        ("Audience with Emperor Naruhito", "2025-10-28T18:00:00+09:00"),  # ends at 10:00 GMT
        ("Departure from Tokyo", "2025-10-28T20:45:00+09:00"),
        ("Meeting with Rui Sato", "2025-10-28T19:00:00+00:00"),  # after she left: GMT
    ]


_POPE_HEAD = "Pope Rui in Japan: live (Tokyo time)\nPope Rui is in Japan.\n"
_POPE = "12:30 p.m. Pope Rui is in Tokyo.\n12:20 p.m. Pope Rui smiles.\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an entry's news, told with no time: the Mass just before its stamp
        (
            "10:00 a.m. Pope Rui celebrated an open-air Mass in Hiroshima.\n",
            [("Open-air Mass in Hiroshima", _at(9), "approximate", "Hiroshima")],
        ),
        # a prayer and a wreath told in one sentence: one rite
        (
            "9:00 a.m. Pope Rui prayed in silence at the Hiroshima Peace Memorial, laying a "
            "wreath.\n",
            [
                (
                    "Wreath-laying at Hiroshima Peace Memorial",
                    _at(9),
                    "happened",
                    "Hiroshima Peace Memorial",
                )
            ],
        ),
        (
            "9:00 a.m. Pope Rui prayed in silence at the site of the bombing this morning, "
            "laying a wreath.\n",
            [("Wreath-laying", _at(9), "happened", None)],
        ),
        # two rites of one morning, one at no place named: two
        (
            "10:00 a.m. Pope Rui celebrated an open-air Mass in Hiroshima.\n"
            "8:00 a.m. Pope Rui prayed in silence at the site of the bombing this morning.\n",
            [
                ("Prayer", _at(6), "approximate", None),
                ("Open-air Mass in Hiroshima", _at(9), "approximate", "Hiroshima"),
            ],
        ),
        # a prayer during a visit is the visit's
        (
            "11:00 a.m. Pope Rui visits the Oura Church in Nagasaki, where he prayed at the "
            "altar.\n",
            [("Visit to Nagasaki", _at(11), "happened", "Nagasaki")],
        ),
        (
            "9:00 a.m. Pope Rui will lead prayers at the Hiroshima Peace Memorial at 11 a.m.\n",
            [
                (
                    "Prayers at Hiroshima Peace Memorial",
                    _at(11),
                    "planned",
                    "Hiroshima Peace Memorial",
                )
            ],
        ),
        # done before the departure, that morning: not at the stamp
        (
            "11:00 a.m. Pope Rui left Hiroshima after celebrating Mass at the Peace Memorial "
            "Park this morning.\n",
            [
                (
                    "Mass at Hiroshima Peace Memorial Park",
                    _at(6),
                    "approximate",
                    "Hiroshima Peace Memorial Park",
                ),
                ("Departure from Hiroshima", _at(10, 45), "approximate", "Hiroshima"),
            ],
        ),
        # no rite
        ("9:00 a.m. Pope Rui led the service members in a song at Yokosuka.\n", []),
    ],
)
def test_rites_of_worship(tmp_path: Path, body: str, expected) -> None:
    events = [e for e in _blog(body + _POPE, tmp_path, head=_POPE_HEAD) if "Tokyo" not in e.title]
    assert _placed(events) == expected


def test_a_wire_story_is_dated_by_its_dateline() -> None:
    """A news agency's story: its dateline ("AHMEDABAD, India, Jan 12 (Reuters) -") gives
    the day its "on Monday" and "on Tuesday" count from (the latest Jan 12 before today
    that is the Monday its first sentence names) and the clock of where it was filed. The
    talks are with the leader the sentence before named; a continent and a capital named
    for another reason place nothing; a "where" clause after a time of day is the place's."""
    doc = read_path(
        FIXTURES / "wire-story-article.txt", ReadOptions(slug="wire", today=date(2026, 11, 22))
    )
    assert (doc.published, doc.zone) == (date(2026, 1, 12), "Asia/Kolkata")
    kolkata = pytz.timezone("Asia/Kolkata")
    got = [
        (e.title, e.start, e.status.value, e.place and e.place.name)
        for e in itinerary([doc], Gazetteer.load(), Site())
    ]
    assert got == [
        ("Visit to India", date(2026, 1, 12), "happened", "India"),
        (
            "Signing of agreements on green hydrogen and skilled workers",
            kolkata.localize(datetime(2026, 1, 13, 6)),
            "planned",
            "New Delhi",
        ),
        (
            "Summit with Prime Minister Ravi Menon",
            kolkata.localize(datetime(2026, 1, 13, 6)),
            "planned",
            "New Delhi",
        ),
        (
            "Arrival in Bengaluru",
            kolkata.localize(datetime(2026, 1, 13, 17)),
            "planned",
            "Bengaluru",
        ),
        ("Visit to Bengaluru", date(2026, 1, 14), "planned", "Bengaluru"),
    ]


def _in_full(doc: Document) -> list[tuple[str, str, str | None, str, str | None, int]]:
    """A document's itinerary: title, start and end with their offsets, status, place and
    how many sentences tell each happening."""
    return [
        (
            e.title,
            e.start.isoformat(),
            e.end and e.end.isoformat(),
            e.status.value,
            e.place and e.place.name,
            len(e.evidence),
        )
        for e in itinerary([doc], Gazetteer.load(), Site())
    ]


def test_a_live_blog_whose_every_stamp_names_its_day() -> None:
    """Entries stamped "Wed 17 Sep 2025 19.40 BST", with an entry's edit time under it and
    the page's buttons between: the plan for the evening ("arrives tonight") is the landing
    that night; a welcome and the carriage procession after it are two ceremonies; the
    talks and the flight home the plan gives for Thursday are two happenings, each at the
    place its own words name."""
    doc = read_path(
        FIXTURES / "state-visit-liveblog-day-in-every-stamp.txt", ReadOptions(slug="bst")
    )
    assert _in_full(doc) == [
        (  # "The president arrives tonight", "lands at Stansted", "landed at Stansted airport"
            "Arrival at London Stansted Airport",
            "2025-09-16T21:15:00+01:00",
            "2025-09-16T21:30:00+01:00",
            "happened",
            "London Stansted Airport",
            3,
        ),
        (  # "will be welcomed at Windsor", not at Chequers, where Thursday's talks are
            "Welcome in Windsor",
            "2025-09-17T11:55:00+01:00",
            "2025-09-17T12:10:00+01:00",
            "approximate",
            "Windsor",
            2,
        ),
        (
            "Carriage procession in Windsor",
            "2025-09-17T12:10:00+01:00",
            "2025-09-17T12:40:00+01:00",
            "happened",
            "Windsor",
            2,
        ),
        (
            "Wreath-laying at St George's Chapel",
            "2025-09-17T16:05:00+01:00",
            "2025-09-17T16:35:00+01:00",
            "happened",
            "St George's Chapel",
            2,
        ),
        (
            "State banquet at St George's Hall",
            "2025-09-17T19:40:00+01:00",
            "2025-09-17T21:10:00+01:00",
            "happened",
            "St George's Hall",
            2,
        ),
        ("Meeting with prime minister", "2025-09-18", None, "planned", "Chequers", 1),
        (  # "holds talks … at Chequers before flying home in the afternoon"
            "Departure from Chequers",
            "2025-09-18T12:00:00+01:00",
            "2025-09-18T18:00:00+01:00",
            "planned",
            "Chequers",
            1,
        ),
    ]


def test_a_live_blog_on_eastern_time_of_a_day_abroad() -> None:
    """A US blog's last day of a visit to Britain: a plan to "say farewell … at Windsor
    this morning before flying to Chequers for talks" is a plan, each act of it told on
    the clock of where it is (the morning is the farewell's, not the talks'); "the King
    and Queen bid farewell to Morrow" is his leaving, not a departure for a place named
    Morrow; a meeting "followed by a business roundtable" is with the leader the blog
    named; "signed the … Accord earlier this afternoon" signed the accord; the news
    conference is a happening of its own; and "took off
    …, ending the president's three-day state visit" is no three-day departure."""
    doc = read_path(
        FIXTURES / "state-visit-liveblog-eastern-time-abroad.txt", ReadOptions(slug="et")
    )
    assert _in_full(doc) == [
        (
            "Departure for Chequers",  # "said goodbye to President Morrow and the first
            # lady at Windsor Castle shortly after 11 a.m. local time": one act, its time
            "2025-09-18T11:00:00+01:00",
            "2025-09-18T11:15:00+01:00",
            "approximate",
            "Windsor Castle",
            3,
        ),
        (
            "Summit with Prime Minister Reeve",
            "2025-09-18T13:20:00+01:00",
            "2025-09-18T14:20:00+01:00",
            "happened",
            "Chequers",
            4,
        ),
        (
            "Signing of the Technology Partnership Accord",
            "2025-09-18T16:20:00+01:00",
            "2025-09-18T16:50:00+01:00",
            "approximate",
            None,
            1,
        ),
        (  # "are holding a joint news conference in the Great Hall at Chequers": not the
            # talks at Chequers before it
            "Joint press conference at Chequers",
            "2025-09-18T16:50:00+01:00",
            "2025-09-18T17:35:00+01:00",
            "happened",
            "Chequers",
            3,
        ),
        (
            "Departure for Washington",
            "2025-09-18T18:30:00+01:00",
            "2025-09-18T18:45:00+01:00",
            "approximate",
            "London Stansted Airport",
            3,  # and the plan "to leave for Washington in the evening"
        ),
    ]


def test_a_live_blog_on_indian_time_with_a_headline_for_each_entry() -> None:
    """Entries stamped "Dec 5, 2025 9:40 PM IST", each under a headline: the schedule
    gives the times that later reports in the past tense leave open; a headline with no
    verb tells what the entry is about, not when; places the gazetteer does not know
    stay on India's clock though the schedule names the city she leaves for."""
    doc = read_path(FIXTURES / "state-visit-liveblog-ist.txt", ReadOptions(slug="ist"))
    assert _in_full(doc) == [
        (
            "Arrival in New Delhi",
            "2025-12-04T18:55:00+05:30",
            "2025-12-04T19:10:00+05:30",
            "happened",
            "New Delhi",
            3,
        ),
        (
            "Dinner with Prime Minister Sethu",  # "Sethu is hosting Voss for a private dinner"
            "2025-12-04T20:10:00+05:30",
            "2025-12-04T21:40:00+05:30",
            "happened",
            "9 Banyan Marg",
            2,
        ),
        (
            "Ceremonial welcome at Peacock Palace",  # at 10, as planned, told at 10:20
            "2025-12-05T10:00:00+05:30",
            "2025-12-05T10:30:00+05:30",
            "approximate",
            "Peacock Palace",  # "in the forecourt of Peacock Palace"; "received by" no meeting
            4,  # and "She inspected a guard of honour."
        ),
        (
            "Wreath-laying at Garden of Remembrance",  # and the visit the schedule "then" gave
            "2025-12-05T11:05:00+05:30",
            "2025-12-05T11:30:00+05:30",
            "happened",
            "Garden of Remembrance",
            3,  # and its headline, "Voss pays tribute at the Garden of Remembrance"
        ),
        (
            "Summit with Prime Minister Sethu",  # "Talks with Sethu … are scheduled for 11:30"
            "2025-12-05T11:30:00+05:30",
            "2025-12-05T13:00:00+05:30",
            "approximate",
            "Lotus House",
            2,
        ),
        (
            "Speech to the India-Austria Business Forum",  # "… could double by 2030"
            "2025-12-05T16:15:00+05:30",
            "2025-12-05T16:45:00+05:30",
            "happened",
            "Harmony Hall",
            2,
        ),
        (
            "State banquet with President Vardhan",
            "2025-12-05T19:05:00+05:30",
            "2025-12-05T20:35:00+05:30",
            "happened",
            "Peacock Palace",
            3,
        ),
        (
            "Departure for Vienna",  # not for India: "bringing her visit to India to a close"
            "2025-12-05T21:30:00+05:30",
            "2025-12-05T21:45:00+05:30",
            "approximate",
            "Palam",
            3,
        ),
    ]


def test_a_live_blog_on_eastern_time_that_follows_a_visit_a_day_ahead() -> None:
    """Stamped on New York's clock, thirteen hours behind the visit: "landed … on
    Wednesday", stamped on Tuesday evening, is that Wednesday in Busan, not one a week
    before; "the two leaders" of an entry are the principal and whom its paragraph before
    named; a leader a role in lower case introduces ("Avalon's leader, Rui Sato") is
    whom she meets; "the two met three times" is history; "summit leaders" and "the
    capital hosting the summit" are no summit of hers."""
    doc = read_path(FIXTURES / "summit-liveblog-eastern-time.txt", ReadOptions(slug="et"))
    assert doc.zone == "America/New_York"
    assert _in_full(doc) == [
        (
            "Arrival at Gimhae International Airport",  # "shortly before noon local time"
            "2025-10-29T12:00:00+09:00",
            "2025-10-29T12:15:00+09:00",
            "approximate",
            "Gimhae International Airport",
            2,
        ),
        (
            "Speech to the Regional CEO Summit",  # she addressed it: a speech, not a summit
            "2025-10-29T13:40:00+09:00",
            "2025-10-29T14:10:00+09:00",
            "approximate",
            "Gyeongju",
            2,
        ),
        (
            "Summit with President Park",  # told at 3:10 a.m. in New York: that afternoon
            "2025-10-29T15:10:00+09:00",
            "2025-10-29T16:10:00+09:00",
            "approximate",
            None,
            1,
        ),
        (
            # not the talks with Park that afternoon; at a dinner's hour of "Wednesday
            # evening", not at the stamp of the headline "Whitlock attends a dinner"
            "Dinner with summit leaders",
            "2025-10-29T19:30:00+09:00",
            "2025-10-29T21:00:00+09:00",
            "approximate",
            "Hilton Gyeongju",
            2,
        ),
        (
            "Summit with Rui Sato",
            "2025-10-30T11:32:00+09:00",
            "2025-10-30T12:32:00+09:00",
            "happened",
            "Gimhae International Airport",
            2,
        ),
    ]


def test_a_sentence_read_on_the_clock_of_the_place_it_names_is_told_on_the_blog_s(
    tmp_path: Path,
) -> None:
    # 11 a.m. on Thursday in Busan, told at 10:32 p.m. on Wednesday in New York: the same
    # meeting as the entry's headline, not one of the next day
    path = tmp_path / "et.txt"
    path.write_text(
        "Costa in Korea: live updates\nAll times ET.\nWednesday, October 29, 2025\n"
        "10:32 p.m. Costa and Sato meet\n"
        "President Ana Costa met Prime Minister Rui Sato in Busan at 11 a.m. on Thursday.\n"
        "9:00 p.m. Costa waves. Costa smiles. Costa is in Busan.\n",
        "utf-8",
    )
    doc = read_path(path, ReadOptions(slug="et"))
    seoul = pytz.timezone("Asia/Seoul")
    assert [
        (e.title, e.start, len(e.evidence)) for e in itinerary([doc], Gazetteer.load(), Site())
    ] == [("Summit with Prime Minister Rui Sato", seoul.localize(datetime(2025, 10, 30, 11)), 2)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a report in the past tense, told at 3: the ceremony began at the 2:40 planned;
        # its headline, with no verb, is no report that it was under way at 3
        (
            "3:00 p.m. Welcome ceremony at Zenda Palace\n"
            "Costa was given a welcome ceremony at Zenda Palace.\n"
            "1:00 p.m. Costa will attend a welcome ceremony at Zenda Palace at 2:40 p.m.\n",
            [("Welcome ceremony at Zenda Palace", _at(14, 40), "approximate")],
        ),
        # not a plan for before the half-hour the report leaves
        (
            "3:00 p.m. Costa was given a welcome ceremony at Zenda Palace.\n"
            "1:00 p.m. Costa will attend a welcome ceremony at Zenda Palace at 2 p.m.\n",
            [("Welcome ceremony at Zenda Palace", _at(14, 30), "approximate")],
        ),
        # nor for a report that tells its own times
        (
            "3:00 p.m. Costa met Prime Minister Rui Sato from 1 to 2:30 p.m.\n"
            "11:00 a.m. Costa will meet Prime Minister Rui Sato at 1:30 p.m.\n",
            [("Summit with Prime Minister Rui Sato", _at(13), "happened")],
        ),
        # nor for a landing, which is told as it happens
        (
            "3:00 p.m. Costa arrived in Osaka.\n1:00 p.m. Costa will land in Osaka at 2:50 p.m.\n",
            [("Arrival in Osaka", _at(14, 45), "approximate")],
        ),
        # the time before "then" is the ceremony's, not the visit's
        (
            "1:00 p.m. Costa will receive a welcome ceremony at Zenda Palace at 2 p.m., "
            "then visit the Tomb of the Unknown Sailor.\n",
            [("Welcome ceremony at Zenda Palace", _at(14), "planned")],
        ),
        # "Talks with …" as the subject, in an entry about her
        (
            "1:00 p.m. Costa will tour the Kantei gardens. "
            "Talks with Prime Minister Rui Sato are scheduled for 4 p.m.\n",
            [("Summit with Prime Minister Rui Sato", _at(16), "planned")],
        ),
        # what the two sides she and Sato lead sign
        (
            "3:00 p.m. Costa and Prime Minister Rui Sato held talks at the Kantei. "
            "The two sides signed agreements on trade and energy.\n",
            [
                ("Summit with Prime Minister Rui Sato", _at(14), "approximate"),
                ("Signing of agreements on trade and energy", _at(14, 30), "approximate"),
            ],
        ),
        # a deadline in the sentence is no date of what it tells
        (
            "3:00 p.m. Costa is addressing students at Zenda University, where she said "
            "trade could double by 2030.\n",
            [("Speech at Zenda University", _at(15), "happened")],
        ),
        # the host is hosting her
        (
            "3:00 p.m. Rui Sato is hosting Costa for a private dinner at the Kantei.\n",
            [("Dinner at Prime Minister's Office of Japan", _at(15), "happened")],
        ),
    ],
)
def test_what_an_entry_tells_with_its_headline_and_the_schedule_before_it(
    tmp_path: Path, body: str, expected
) -> None:
    assert _told(_blog(body + _COSTA, tmp_path)) == expected


_WIRE = "Costa in Zenda\n\n{dateline} Chancellor Ana Costa arrived in Zenda {when} for talks.\n"


@pytest.mark.parametrize(
    ("dateline", "when", "today", "published"),
    [
        ("AVALON, Jan 12 (Reuters) -", "on Monday", date(2026, 11, 22), date(2026, 1, 12)),
        # Jan 12, 2026 is yet to come: the last Jan 12 that was a Monday
        ("AVALON, Jan 12 (Reuters) -", "on Monday", date(2026, 1, 5), date(2015, 1, 12)),
        # no weekday named: the last Jan 12 before today
        ("AVALON, Jan 12 (Reuters) -", "today", date(2026, 1, 5), date(2025, 1, 12)),
        ("AVALON, Jan. 12, 2024 —", "on Monday", date(2026, 11, 22), date(2024, 1, 12)),
        ("AVALON, Jan 12 (Reuters) -", "on Monday", None, None),  # nothing to count from
        ("AVALON (AP) —", "on Monday", date(2026, 11, 22), None),
        ("Published Jan 12, 2026\n\nAVALON (AP) —", "on Monday", None, date(2026, 1, 12)),
    ],
)
def test_the_day_an_article_was_written(
    dateline: str, when: str, today: date | None, published: date | None
) -> None:
    text = _WIRE.format(dateline=dateline, when=when)
    doc = read_text(text, "wire.txt", ReadOptions(slug="w", kind="article", today=today))
    assert doc.published == published


def test_an_article_of_a_tour_of_three_countries() -> None:
    """An encyclopedic article of a tour: each country's happenings told on its clock,
    section by section; the day carried on by "then" into a new paragraph; a meeting's
    time told by the sentence after it ("The meeting began at about 11 a.m."); two
    signings on one day; the tour itself a visit to all three countries."""
    doc = read_path(FIXTURES / "three-country-tour-article.txt", ReadOptions(slug="tour"))
    rows = [(title, start, end, place) for title, start, end, _, place, _ in _in_full(doc)]
    assert rows == [
        (  # "on the evening of October 24", on the clock of the airport she left
            "Departure from Paris Charles de Gaulle Airport",
            "2025-10-24T17:00:00+02:00",
            "2025-10-24T22:00:00+02:00",
            "Paris Charles de Gaulle Airport",
        ),
        ("Regional summit", "2025-10-26", None, None),  # "Costa then attended the …"
        (
            "Visit to Malaysia, Japan and South Korea",
            "2025-10-26",
            "2025-10-31",
            "Malaysia, Japan and South Korea",
        ),
        (
            "Arrival at Kuala Lumpur International Airport",
            "2025-10-26T10:00:00+08:00",
            "2025-10-26T10:15:00+08:00",
            "Kuala Lumpur International Airport",
        ),
        (  # "Later that morning", after the landing at 10 (and its 15 minutes)
            "Signing of a joint declaration",
            "2025-10-26T10:15:00+08:00",
            "2025-10-26T12:00:00+08:00",
            "Kuala Lumpur Convention Centre",
        ),
        (  # "In the afternoon she signed …": another signing
            "Signing of trade agreements",
            "2025-10-26T12:00:00+08:00",
            "2025-10-26T18:00:00+08:00",
            None,
        ),
        (  # "the summit's gala dinner hosted by Rahman": no summit
            "Dinner with Prime Minister Rahman",
            "2025-10-26T19:30:00+08:00",
            "2025-10-26T21:00:00+08:00",
            None,
        ),
        (
            "Departure from Kuala Lumpur",
            "2025-10-27T06:00:00+08:00",
            "2025-10-27T11:00:00+08:00",
            "Kuala Lumpur",
        ),
        ("Audience with Emperor Akihiro", "2025-10-27", None, "Imperial Palace"),
        (  # the afternoon of the same sentence, on Tokyo's clock
            "Arrival at Haneda Airport",
            "2025-10-27T12:00:00+09:00",
            "2025-10-27T18:00:00+09:00",
            "Haneda Airport",
        ),
        (  # on the deal "concluded in July", but signed that day
            "Signing of a framework agreement on critical minerals and rare earths",
            "2025-10-28",
            None,
            None,
        ),
        ("Summit with Prime Minister Rui Sato", "2025-10-28", None, "Akasaka State Guest House"),
        (  # "addressed some 2,000 sailors aboard …"
            "Speech aboard USS George Washington",
            "2025-10-28T12:00:00+09:00",
            "2025-10-28T18:00:00+09:00",
            "USS George Washington",
        ),
        (
            "Dinner with Japanese business leaders",
            "2025-10-28T19:30:00+09:00",
            "2025-10-28T21:00:00+09:00",
            "Tokyo",
        ),
        ("Summit with President Min-jun Park", "2025-10-29", None, "Gyeongju National Museum"),
        (
            "Arrival at Gimhae International Airport",
            "2025-10-29T12:00:00+09:00",
            "2025-10-29T12:15:00+09:00",
            "Gimhae International Airport",
        ),
        (  # not a visit to the airport she landed at
            "Speech to the Gyeongju Business Forum",
            "2025-10-29T12:00:00+09:00",
            "2025-10-29T15:00:00+09:00",
            None,
        ),
        (
            "Dinner with business leaders",
            "2025-10-29T19:30:00+09:00",
            "2025-10-29T21:00:00+09:00",
            None,
        ),
        (  # "began at about 11 a.m. local time and lasted about one hour and forty minutes"
            "Summit with President Wei Zhang",
            "2025-10-30T11:00:00+09:00",
            "2025-10-30T12:40:00+09:00",
            "Gimhae International Airport",
        ),
        (  # "shortly after the meeting"; not from where Malaysia "was represented"
            "Departure for Paris",
            "2025-10-30T12:40:00+09:00",
            "2025-10-30T12:55:00+09:00",
            None,
        ),
    ]


def test_a_visit_to_a_city_of_a_country_is_a_visit_to_the_city() -> None:
    text = "Freedonian President Ana Costa visited Kuala Lumpur, Malaysia from October 26 to 28, 2025.\n"
    doc = read_text(text, "a.txt", ReadOptions(slug="a", kind="article"))
    assert [
        (e.title, e.place and e.place.name) for e in itinerary([doc], Gazetteer.load(), Site())
    ] == [("Visit to Kuala Lumpur", "Kuala Lumpur")]


_TOUR = (
    "Ana Costa's visit to Malaysia and Japan was a visit by Freedonian President Ana Costa "
    "to Malaysia and Japan from October 26 to 30, 2025.\n"
)


def _toured(body: str) -> list[tuple[str, str, str | None, str | None]]:
    """The itinerary of an article of a visit to Malaysia and Japan, but for the visit."""
    doc = read_text(_TOUR + body, "a.txt", ReadOptions(slug="a", kind="article"))
    rows = [(title, start, end, place) for title, start, end, _, place, _ in _in_full(doc)]
    span = ("Visit to Malaysia and Japan", "2025-10-26", "2025-10-31", "Malaysia and Japan")
    assert span in rows  # the countries of one list: a visit to both, with no one place
    return [row for row in rows if row != span]


@pytest.mark.parametrize(
    ("went", "expected"),
    [
        (
            "She then travelled by train to Kyoto.",
            [
                (
                    "Arrival in Kyoto",
                    "2025-10-28T12:00:00+09:00",
                    "2025-10-28T12:15:00+09:00",
                    "Kyoto",
                )
            ],
        ),
        (
            "She then flew by helicopter to Yokosuka.",
            [
                (
                    "Arrival in Yokosuka",
                    "2025-10-28T12:00:00+09:00",
                    "2025-10-28T12:15:00+09:00",
                    "Yokosuka",
                )
            ],
        ),
        # where to is no place the gazetteer or the text names: no arrival to show
        ("She then travelled by helicopter to her embassy.", []),
    ],
)
def test_a_journey_by_a_means_of_travel(went: str, expected) -> None:
    """ "Travelled by train to Kyoto" is a journey told in the past, as "travelled to
    Kyoto" is: "by train" is how, not by whom ("abducted by")."""
    body = (
        "Japan\nOn October 28, Costa met Prime Minister Rui Sato at the Akasaka State Guest "
        f"House at 11 a.m. {went}\n"
    )
    rows = [row for row in _toured(body) if not row[0].startswith("Summit")]
    assert rows == expected


@pytest.mark.parametrize(
    ("later", "expected"),
    [
        # from the end of the talks, as long as the afternoon lasts
        (
            "Later that afternoon, she travelled by helicopter to Yokosuka.",
            ("Arrival in Yokosuka", "2025-10-28T13:00:00+09:00", "2025-10-28T18:00:00+09:00"),
        ),
        # "Later", with no part of the day: from the end of the talks
        (
            "Later she travelled by helicopter to Yokosuka.",
            ("Arrival in Yokosuka", "2025-10-28T13:00:00+09:00", "2025-10-28T13:15:00+09:00"),
        ),
    ],
)
def test_later_is_after_the_happening_told_before(later: str, expected) -> None:
    """An article's "Later that afternoon" follows the talks told just before, which ended
    at 1 p.m.: not from noon, when the afternoon begins."""
    body = (
        "Japan\nOn October 28, Costa met Prime Minister Rui Sato at the Akasaka State Guest "
        f"House at 11 a.m. The talks lasted about two hours. {later}\n"
    )
    rows = [row[:3] for row in _toured(body)]
    assert rows == [
        (
            "Summit with Prime Minister Rui Sato",
            "2025-10-28T11:00:00+09:00",
            "2025-10-28T13:00:00+09:00",
        ),
        expected,
    ]


@pytest.mark.parametrize(
    "spoke", ["where she delivered a speech", "where she spoke to business leaders"]
)
def test_a_speech_where_a_gathering_is_held(spoke: str) -> None:
    """ "attended the … Forum at the Akasaka State Guest House in Tokyo, where she spoke":
    "where" is the guest house, not the city it is in, and the speech is the forum's,
    named by it."""
    body = (
        "Japan\nOn October 28, Costa attended the Japan-Freedonia Business Forum at the "
        f"Akasaka State Guest House in Tokyo, {spoke}.\n"
    )
    assert _toured(body) == [
        (
            "Speech at the Japan-Freedonia Business Forum",
            "2025-10-28",
            None,
            "Akasaka State Guest House",
        )
    ]


@pytest.mark.parametrize("when", ["In the afternoon of October 28", "On October 28"])
def test_a_day_told_with_its_part_dates_the_paragraph_after_it(when: str) -> None:
    """ "In the afternoon of October 28" dates the sentences after it in its paragraph, as
    "On October 28" does: "The two leaders witnessed the signing …" is of that day."""
    body = (
        f"Japan\n{when}, Prime Minister Rui Sato welcomed Costa at the Akasaka State Guest "
        "House, followed by a summit meeting. The two leaders witnessed the signing of seven "
        "agreements.\n"
    )
    assert ("Signing of seven agreements", "2025-10-28", None, None) in _toured(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # each on the clock of where it happens: a place the sentence names, else the one
        # named before, else the section's heading
        (
            "Malaysia\nCosta landed at Kuala Lumpur International Airport at about 10 a.m. on "
            "October 26. In the evening she attended a dinner hosted by Prime Minister Aziz "
            "Rahman.\nJapan\nOn October 27, Costa met Prime Minister Rui Sato in the afternoon.\n",
            [
                (
                    "Arrival at Kuala Lumpur International Airport",
                    "2025-10-26T10:00:00+08:00",
                    "2025-10-26T10:15:00+08:00",
                    "Kuala Lumpur International Airport",
                ),
                (
                    "Dinner with Prime Minister Aziz Rahman",
                    "2025-10-26T19:30:00+08:00",
                    "2025-10-26T21:00:00+08:00",
                    None,
                ),
                (
                    "Summit with Prime Minister Rui Sato",
                    "2025-10-27T12:00:00+09:00",
                    "2025-10-27T18:00:00+09:00",
                    None,
                ),
            ],
        ),
        # with no heading: the clock of the place named last, but not of a place she is
        # bound for ("before the trip to Japan") nor of a country she deals with
        (
            "Costa landed at Kuala Lumpur International Airport at about 10 a.m. on October 26. "
            "In the afternoon she signed trade agreements with Japan. On October 27, she held "
            "talks with Prime Minister Aziz Rahman at 9 a.m., on her last morning before the "
            "trip to Japan. She landed at Haneda Airport at 3 p.m.\n",
            [
                (
                    "Arrival at Kuala Lumpur International Airport",
                    "2025-10-26T10:00:00+08:00",
                    "2025-10-26T10:15:00+08:00",
                    "Kuala Lumpur International Airport",
                ),
                (
                    "Signing of trade agreements",
                    "2025-10-26T12:00:00+08:00",
                    "2025-10-26T18:00:00+08:00",
                    None,
                ),
                (
                    "Summit with Prime Minister Aziz Rahman",
                    "2025-10-27T09:00:00+08:00",
                    "2025-10-27T10:00:00+08:00",
                    None,
                ),
                (
                    "Arrival at Haneda Airport",
                    "2025-10-27T15:00:00+09:00",
                    "2025-10-27T15:15:00+09:00",
                    "Haneda Airport",
                ),
            ],
        ),
        # two clocks in one sentence: each part of day on its own place's
        (
            "On October 27, Costa left Kuala Lumpur in the morning and landed at Haneda "
            "Airport in the afternoon.\n",
            [
                (
                    "Departure from Kuala Lumpur",
                    "2025-10-27T06:00:00+08:00",
                    "2025-10-27T11:00:00+08:00",
                    "Kuala Lumpur",
                ),
                (
                    "Arrival at Haneda Airport",
                    "2025-10-27T12:00:00+09:00",
                    "2025-10-27T18:00:00+09:00",
                    "Haneda Airport",
                ),
            ],
        ),
        # "Later that morning", after a landing at 10: from its end, until noon
        (
            "Costa landed at Kuala Lumpur International Airport at about 10 a.m. on October 26. "
            "Later that morning she visited the Kuala Lumpur Convention Centre.\n",
            [
                (
                    "Arrival at Kuala Lumpur International Airport",
                    "2025-10-26T10:00:00+08:00",
                    "2025-10-26T10:15:00+08:00",
                    "Kuala Lumpur International Airport",
                ),
                (
                    "Visit to Kuala Lumpur Convention Centre",
                    "2025-10-26T10:15:00+08:00",
                    "2025-10-26T12:00:00+08:00",
                    "Kuala Lumpur Convention Centre",
                ),
            ],
        ),
        # a signing that morning and one in the afternoon: two
        (
            "On October 26, Costa signed a declaration at the Kuala Lumpur Convention Centre in "
            "the morning. In the afternoon she signed trade agreements with Malaysia.\n",
            [
                (
                    "Signing of a declaration",
                    "2025-10-26T06:00:00+08:00",
                    "2025-10-26T12:00:00+08:00",
                    "Kuala Lumpur Convention Centre",
                ),
                (
                    "Signing of trade agreements",
                    "2025-10-26T12:00:00+08:00",
                    "2025-10-26T18:00:00+08:00",
                    None,
                ),
            ],
        ),
    ],
)
def test_an_article_of_a_tour_tells_each_time_on_the_clock_of_where_it_happens(
    body: str, expected
) -> None:
    assert _toured(body) == expected


_TALKS_ON_THE_28TH = (
    "On October 28, Costa held talks with Prime Minister Rui Sato at the Akasaka Palace. "
)
_SUMMIT_ON_THE_28TH = (
    "Summit with Prime Minister Rui Sato",
    "2025-10-28",
    None,
    "Akasaka State Guest House",
)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a month that dates what was signed, not the signing
        (
            _TALKS_ON_THE_28TH
            + "The two leaders signed an agreement on the deal concluded in July.\n",
            [
                ("Signing of an agreement on the deal concluded in July", "2025-10-28", None, None),
                _SUMMIT_ON_THE_28TH,
            ],
        ),
        # "since 2019" measures up to the day told: the next sentence is still on it
        (
            _TALKS_ON_THE_28TH
            + "It was their first meeting since 2019. The two leaders signed an agreement.\n",
            [("Signing of an agreement", "2025-10-28", None, None), _SUMMIT_ON_THE_28TH],
        ),
        # "then" carries the day into a new paragraph; without it, the paragraph may be
        # background and gives no event
        (
            "On October 28, Costa landed at Haneda Airport.\n"
            "Costa then held talks with Prime Minister Rui Sato at the Akasaka Palace.\n",
            [
                ("Arrival at Haneda Airport", "2025-10-28", None, "Haneda Airport"),
                _SUMMIT_ON_THE_28TH,
            ],
        ),
        (
            "On October 28, Costa landed at Haneda Airport.\n"
            "Costa held talks with Prime Minister Rui Sato at the Akasaka Palace.\n",
            [("Arrival at Haneda Airport", "2025-10-28", None, "Haneda Airport")],
        ),
        # nor past a heading
        (
            "On October 28, Costa landed at Haneda Airport.\nReactions\n"
            "Costa then met Prime Minister Rui Sato at the Akasaka Palace to answer her critics.\n",
            [("Arrival at Haneda Airport", "2025-10-28", None, "Haneda Airport")],
        ),
    ],
)
def test_an_article_keeps_the_day_it_told(body: str, expected) -> None:
    assert _toured(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the meeting's time, told by the sentence after it; the departure "after the meeting"
        (
            "On October 30, Costa met Prime Minister Rui Sato at the Imperial Palace. The "
            "meeting began at about 11 a.m. and lasted about one hour and forty minutes. "
            "Costa departed for Paris shortly after the meeting.\n",
            [
                (
                    "Summit with Prime Minister Rui Sato",
                    "2025-10-30T11:00:00+09:00",
                    "2025-10-30T12:40:00+09:00",
                    "Imperial Palace",
                ),
                (
                    "Departure for Paris",
                    "2025-10-30T12:40:00+09:00",
                    "2025-10-30T12:55:00+09:00",
                    None,
                ),
            ],
        ),
        # a time of its own stays; a meeting with no clock time gives none
        (
            "On October 30, Costa met Prime Minister Rui Sato at the Imperial Palace. The "
            "meeting began at 11 a.m. She departed for Paris at 3 p.m., shortly after the "
            "meeting.\n",
            [
                (
                    "Summit with Prime Minister Rui Sato",
                    "2025-10-30T11:00:00+09:00",
                    "2025-10-30T12:00:00+09:00",
                    "Imperial Palace",
                ),
                (
                    "Departure for Paris",
                    "2025-10-30T15:00:00+09:00",
                    "2025-10-30T15:15:00+09:00",
                    None,
                ),
            ],
        ),
        (
            "On October 30, Costa met Prime Minister Rui Sato in the afternoon. She departed "
            "for Paris shortly after the meeting.\n",
            [
                ("Departure for Paris", "2025-10-30", None, None),
                (
                    "Summit with Prime Minister Rui Sato",
                    "2025-10-30T12:00:00+08:00",
                    "2025-10-30T18:00:00+08:00",
                    None,
                ),
            ],
        ),
        # "The meeting" and a time of another day: not this meeting's
        (
            "On October 29, Costa met Prime Minister Rui Sato at the Imperial Palace. The "
            "meeting was their second, after one on October 2 at 10 a.m.\n",
            [("Summit with Prime Minister Rui Sato", "2025-10-29", None, "Imperial Palace")],
        ),
        # the talks' time is not the flight's that follows them
        (
            "On October 27, Costa held talks with Prime Minister Aziz Rahman at 9 a.m. at the "
            "Kuala Lumpur Convention Centre before flying to Tokyo.\n",
            [
                ("Visit to Tokyo", "2025-10-27", None, "Tokyo"),
                (
                    "Summit with Prime Minister Aziz Rahman",
                    "2025-10-27T09:00:00+08:00",
                    "2025-10-27T10:00:00+08:00",
                    "Kuala Lumpur Convention Centre",
                ),
            ],
        ),
        # a country in a clause of its own is not where she left from
        (
            "On October 30, Costa departed for Paris and did not attend the closing session, "
            "where Malaysia was represented by its trade minister.\n",
            [("Departure for Paris", "2025-10-30", None, None)],
        ),
        # a speech with a time is not part of a summit with none, nor of the landing
        (
            "On October 29, Costa held a summit with Prime Minister Rui Sato at the Akasaka "
            "Palace. In the early afternoon she delivered a speech.\n",
            [
                (
                    "Summit with Prime Minister Rui Sato",
                    "2025-10-29",
                    None,
                    "Akasaka State Guest House",
                ),
                ("Speech", "2025-10-29T12:00:00+09:00", "2025-10-29T15:00:00+09:00", None),
            ],
        ),
        (
            "On October 29, Costa landed at Haneda Airport at 11:50 a.m. In the early afternoon "
            "she delivered a speech.\n",
            [
                (
                    "Arrival at Haneda Airport",
                    "2025-10-29T11:50:00+09:00",
                    "2025-10-29T12:00:00+09:00",
                    "Haneda Airport",
                ),
                ("Speech", "2025-10-29T12:00:00+09:00", "2025-10-29T15:00:00+09:00", None),
            ],
        ),
    ],
)
def test_an_article_tells_what_follows_from_what(body: str, expected) -> None:
    assert _toured(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # welcomed "with a ceremony": a welcome ceremony
            "10:00 a.m. Prime Minister Rui Sato welcomed Costa with a ceremony at the Akasaka "
            "Palace.\n",
            [
                (
                    "Welcome ceremony at Akasaka State Guest House",
                    _at(9, 30),
                    "approximate",
                    "Akasaka State Guest House",
                )
            ],
        ),
        (  # "the summit's" dinner is no summit
            "9:00 p.m. Costa attended the summit's gala dinner hosted by Prime Minister Rui "
            "Sato.\n",
            [("Dinner with Prime Minister Rui Sato", _at(19, 30), "approximate", None)],
        ),
        (  # an audience counted; on board a ship
            "3:00 p.m. Costa addressed some 2,000 sailors aboard the USS George Washington.\n",
            [
                (
                    "Speech aboard USS George Washington",
                    _at(14, 30),
                    "approximate",
                    "USS George Washington",
                )
            ],
        ),
        (  # what was signed first, not the first ten words of two
            "11:00 a.m. Costa and Prime Minister Rui Sato signed a framework agreement on "
            "critical minerals and rare earths and a document on the implementation of the "
            "trade deal.\n",
            [
                (
                    "Signing of a framework agreement on critical minerals and rare earths",
                    _at(10, 30),
                    "approximate",
                    None,
                )
            ],
        ),
        (  # the first of two things signed
            "11:00 a.m. Costa signed a memorandum on cooperation in space and a treaty on the "
            "exchange of students and researchers between their universities.\n",
            [
                (
                    "Signing of a memorandum on cooperation in space",
                    _at(10, 30),
                    "approximate",
                    None,
                )
            ],
        ),
        (  # cut short, not on "and"
            "11:00 a.m. Costa signed an agreement on research into clean energy for ships and "
            "ports in the northern seas over the coming years.\n",
            [
                (
                    "Signing of an agreement on research into clean energy for ships",
                    _at(10, 30),
                    "approximate",
                    None,
                )
            ],
        ),
    ],
)
def test_what_a_happening_is_called(tmp_path: Path, body: str, expected) -> None:
    assert _placed(_blog(body + _COSTA, tmp_path)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "The meeting began at …": the time of the meeting the entry just told
        (
            "11:30 a.m. Costa met Prime Minister Rui Sato at the Imperial Palace. The meeting "
            "began at 11:05 a.m. and lasted 20 minutes.\n",
            [("Summit with Prime Minister Rui Sato", _at(11, 5), _at(11, 25))],
        ),
        # a sitting still to come is not the one told
        (
            "11:30 a.m. Costa met Prime Minister Rui Sato at the Imperial Palace. The meeting "
            "will resume at 3 p.m.\n",
            [("Summit with Prime Minister Rui Sato", _at(10, 30), _at(11, 30))],
        ),
        # nor one told in another entry
        (
            "11:40 a.m. The meeting began at 11:05 a.m.\n"
            "11:30 a.m. Costa met Prime Minister Rui Sato at the Imperial Palace.\n",
            [("Summit with Prime Minister Rui Sato", _at(10, 30), _at(11, 30))],
        ),
    ],
)
def test_a_happening_told_again_with_its_time(tmp_path: Path, body: str, expected) -> None:
    assert [(e.title, e.start, e.end) for e in _blog(body + _COSTA, tmp_path)] == expected


def test_an_article_whose_sections_are_its_days() -> None:
    """An encyclopedic article whose itinerary has a heading per day ("20 September"):
    each section on its day, though its sentences name none; "then" after a landing at a
    time; "the two heads of state" of a private meeting; a visit planned "two days"
    after the day its postponement was told; a landmark no map knows."""
    doc = read_path(FIXTURES / "state-visit-article-dated-sections.txt", ReadOptions(slug="dated"))
    assert _in_full(doc) == [
        # "On 24 March, two days before the King was due to arrive, … postponed"
        ("Arrival", "2023-03-26", None, "cancelled", None, 1),
        # "After the ceremony the two heads of state travelled … to the Élysée Palace for a
        # private meeting": Girard, whom the text named last
        ("Meeting with President Girard", "2023-09-20", None, "happened", "Élysée Palace", 1),
        ("Visit to France", "2023-09-20", "2023-09-23", "happened", "France", 1),
        (
            "Wreath-laying at Tomb of the Unknown Soldier",
            "2023-09-20",
            None,
            "happened",
            "Tomb of the Unknown Soldier",
            1,
        ),
        (
            "Arrival at Paris Orly Airport",
            "2023-09-20T14:00:00+02:00",
            "2023-09-20T14:15:00+02:00",
            "approximate",
            "Paris Orly Airport",
            1,
        ),
        (  # "They were then driven to …": after the landing
            "Ceremonial welcome at Arc de Triomphe",
            "2023-09-20T14:15:00+02:00",
            "2023-09-20T14:45:00+02:00",
            "approximate",
            "Arc de Triomphe",
            1,
        ),
        (  # the meeting with him that day is no part of it; "in the Hall of Mirrors at
            # the Palace of Versailles": the palace, which the map knows
            "State banquet with President Girard",
            "2023-09-20T20:00:00+02:00",
            "2023-09-20T21:30:00+02:00",
            "approximate",
            "Palace of Versailles",
            1,
        ),
        (  # "addressed members of the Senate … in the Senate chamber at the Luxembourg Palace"
            "Speech to members of the Senate",
            "2023-09-21T06:00:00+02:00",
            "2023-09-21T12:00:00+02:00",
            "approximate",
            "Luxembourg Palace",
            1,
        ),
        (  # not Paris, which the name goes on with
            "Visit to Notre-Dame de Paris",
            "2023-09-21T06:00:00+02:00",
            "2023-09-21T12:00:00+02:00",
            "approximate",
            "Notre-Dame de Paris",
            1,
        ),
        (
            "Meeting with young athletes",
            "2023-09-21T12:00:00+02:00",
            "2023-09-21T13:00:00+02:00",
            "approximate",
            "Saint-Denis",
            1,
        ),
        # "The King then visited a forest research site near Bordeaux, where he learned
        # about the wildfires of 2022": on the section's day, not in 2022
        ("Visit to Bordeaux", "2023-09-22", None, "happened", "Bordeaux", 2),
        (  # "left Bordeaux–Mérignac Airport for Avalon City in the afternoon"
            "Departure for Avalon City",
            "2023-09-22T12:00:00+02:00",
            "2023-09-22T18:00:00+02:00",
            "approximate",
            "Bordeaux–Mérignac Airport",
            1,
        ),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a heading that is a day dates its section
        (
            "Itinerary\nOctober 28\nCosta landed at Haneda Airport shortly after 2 p.m.\n",
            [
                (
                    "Arrival at Haneda Airport",
                    "2025-10-28T14:00:00+09:00",
                    "2025-10-28T14:15:00+09:00",
                    "Haneda Airport",
                ),
            ],
        ),
        # up to the next heading that is not one
        (
            "October 28\nCosta landed at Haneda Airport shortly after 2 p.m.\nReception\n"
            "Costa met Emperor Akihiro at the Imperial Palace.\n",
            [
                (
                    "Arrival at Haneda Airport",
                    "2025-10-28T14:00:00+09:00",
                    "2025-10-28T14:15:00+09:00",
                    "Haneda Airport",
                ),
            ],
        ),
        (
            "Day two: Tuesday, October 28\nCosta toured a factory.\n",
            [("Visit to a factory", "2025-10-28", None, None)],
        ),
        # but not a span of days
        ("From October 28 to 29\nCosta toured a factory.\n", []),
        # a year or a month in it is what the sentence speaks of
        (
            "October 28\nCosta toured a factory, where she learned about the floods of 2019.\n",
            [("Visit to a factory", "2025-10-28", None, None)],
        ),
        (
            "October 28\nCosta toured a factory, where she learned about the floods in March.\n",
            [("Visit to a factory", "2025-10-28", None, None)],
        ),
        # "then", after a time: from its end
        (
            "On October 27, Costa landed at Haneda Airport at 2 p.m. She was then driven to "
            "the Imperial Palace, where Emperor Akihiro welcomed her with a ceremony.\n",
            [
                (
                    "Arrival at Haneda Airport",
                    "2025-10-27T14:00:00+09:00",
                    "2025-10-27T14:15:00+09:00",
                    "Haneda Airport",
                ),
                (
                    "Welcome ceremony at Imperial Palace",
                    "2025-10-27T14:15:00+09:00",
                    "2025-10-27T14:45:00+09:00",
                    "Imperial Palace",
                ),
            ],
        ),
        # without it, no order is told
        (
            "On October 27, Costa landed at Haneda Airport at 2 p.m. She was driven to the "
            "Imperial Palace, where Emperor Akihiro welcomed her with a ceremony.\n",
            [
                ("Welcome ceremony at Imperial Palace", "2025-10-27", None, "Imperial Palace"),
                (
                    "Arrival at Haneda Airport",
                    "2025-10-27T14:00:00+09:00",
                    "2025-10-27T14:15:00+09:00",
                    "Haneda Airport",
                ),
            ],
        ),
        # "the two leaders" of a meeting after "After the ceremony"
        (
            "On October 28, Prime Minister Rui Sato and his wife Mei greeted Costa at the "
            "Imperial Palace. After the ceremony the two leaders travelled to the Akasaka "
            "Palace for a private meeting.\n",
            [
                (
                    "Summit with Prime Minister Rui Sato",
                    "2025-10-28",
                    None,
                    "Akasaka State Guest House",
                )
            ],
        ),
        # so long after the day the sentence names
        (
            "On October 24, two days before Costa was due to arrive, her office announced "
            "that the visit had been postponed.\n",
            [("Arrival", "2025-10-26", None, None)],
        ),
        (
            "On October 30, three days after Costa met Emperor Akihiro at the Imperial Palace, "
            "her office published a photograph.\n",
            [("Audience with Emperor Akihiro", "2025-10-27", None, "Imperial Palace")],
        ),
        # what a visit is to, a name no map knows, is where it is; but not a person
        (
            "On October 28 Costa visited the Avalon Peace Museum.\n",
            [("Visit to Avalon Peace Museum", "2025-10-28", None, "Avalon Peace Museum")],
        ),
        (
            "On October 28 Costa visited Prime Minister Rui Sato.\n",
            [("Visit", "2025-10-28", None, None)],
        ),
        (
            "On October 28 Costa addressed members of the Diet.\n",
            [("Speech to members of the Diet", "2025-10-28", None, None)],
        ),
        # talks and a dinner with one leader, the talks with no time: two happenings
        (
            "On October 27, Costa landed at Haneda Airport. On October 28 Costa held talks "
            "with Prime Minister Rui Sato. In the evening Sato hosted a dinner for Costa.\n",
            [
                ("Arrival at Haneda Airport", "2025-10-27", None, "Haneda Airport"),
                ("Summit with Prime Minister Rui Sato", "2025-10-28", None, None),
                (
                    "Dinner with Prime Minister Rui Sato",
                    "2025-10-28T19:30:00+09:00",
                    "2025-10-28T21:00:00+09:00",
                    None,
                ),
            ],
        ),
        # met on landing by someone the sentence names only by title: the landing's welcome
        (
            "On October 27, Costa landed at Haneda Airport at 2 p.m. She was met by the "
            "ambassador of Freedonia and was driven to her hotel.\n",
            [
                (
                    "Arrival at Haneda Airport",
                    "2025-10-27T14:00:00+09:00",
                    "2025-10-27T14:15:00+09:00",
                    "Haneda Airport",
                )
            ],
        ),
        # a formal welcome is a ceremony, whoever gave it
        (
            "On October 27 Costa was formally welcomed by Emperor Akihiro at the Imperial "
            "Palace at 11 a.m.\n",
            [
                (
                    "Welcome at Imperial Palace",
                    "2025-10-27T11:00:00+09:00",
                    "2025-10-27T11:30:00+09:00",
                    "Imperial Palace",
                )
            ],
        ),
        # … but a day later, a meeting with them
        (
            "On October 28 Costa was met by the mayor of Osaka at the city hall.\n",
            [("Meeting with mayor of Osaka", "2025-10-28", None, None)],
        ),
    ],
)
def test_an_article_tells_its_days_and_their_order(body: str, expected) -> None:
    assert _toured(body) == expected


def test_a_departure_from_an_airport_named_with_a_dash() -> None:
    # "left Avalon–Zenda Airport for Paris": where she goes, past the dash in the name
    rows = _toured("On October 30 Costa left Kansai–Osaka Airport for Paris in the afternoon.\n")
    assert [(title, place) for title, _, _, place in rows] == [
        ("Departure for Paris", "Kansai–Osaka Airport")
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # she leaves from where the sentence left her, not from the palace it began at
        (
            "12:40 p.m. Costa was welcomed at the Imperial Palace at 11 a.m. and will hold "
            "talks with Rui Sato in Osaka at 3 p.m. before flying home in the evening.\n",
            [
                ("Welcome at Imperial Palace", _at(11), "happened", "Imperial Palace"),
                ("Meeting with Rui Sato", _at(15), "planned", "Osaka"),
                ("Departure from Osaka", _at(17), "planned", "Osaka"),
            ],
        ),
        # the last place named is the palace in the city
        (
            "12:40 p.m. Costa was welcomed in Osaka at 11 a.m. and will hold talks with "
            "Rui Sato at the Imperial Palace in Tokyo at 3 p.m. before flying home in the "
            "evening.\n",
            [
                ("Welcome in Osaka", _at(11), "happened", "Osaka"),
                ("Meeting with Rui Sato", _at(15), "planned", "Imperial Palace"),
                ("Departure from Imperial Palace", _at(17), "planned", "Imperial Palace"),
            ],
        ),
    ],
)
def test_a_departure_home_leaves_from_the_last_place_named(
    tmp_path: Path, body: str, expected
) -> None:
    assert _placed(_blog(body + _COSTA, tmp_path)) == expected


def test_an_act_after_before_doing_keeps_the_plan_it_follows() -> None:
    """ "is scheduled to tour … before flying to Osaka": the flight is planned too."""
    doc = read_text(
        _TOUR + "On October 30 Costa is scheduled to tour the Avalon Peace Museum before "
        "flying to Osaka.\n",
        "a.txt",
        ReadOptions(slug="a", kind="article"),
    )
    assert [(title, status) for title, _, _, status, _, _ in _in_full(doc)][1:] == [
        ("Visit to Avalon Peace Museum", "planned"),
        ("Visit to Osaka", "planned"),
    ]


def test_a_uid_names_a_category_of_two_words_in_one() -> None:
    doc = read_path(
        FIXTURES / "state-visit-liveblog-eastern-time-abroad.txt", ReadOptions(slug="et")
    )
    uids = [e.uid for e in itinerary([doc], Gazetteer.load(), Site())]
    assert "20250918-press-conference-1@exporter.invalid" in uids
    assert all(" " not in uid for uid in uids)


def test_a_name_keeps_every_latin_letter(tmp_path: Path) -> None:
    """A name such as "Doğanay" is one: not "Do", cut at its first letter outside Latin-1."""
    body = "11:00 a.m. Costa met President Kemal Doğanay at the Imperial Palace at 10 a.m.\n"
    assert _placed(_blog(body + _COSTA, tmp_path)) == [
        ("Summit with President Kemal Doğanay", _at(10), "happened", "Imperial Palace")
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the last of a list of one word each is one more whom she met, not another act
        (
            "11:00 a.m. Costa met bishops, priests and religious at Osaka Castle at 9:30 a.m.\n",
            [("Meeting with bishops", _at(9, 30), "happened", "Osaka Castle")],
        ),
        # nor is a noun after "and"
        (
            "11:00 a.m. Costa met Emperor Naruhito and the crown prince at the Imperial "
            "Palace at 10 a.m.\n",
            [("Audience with Emperor Naruhito", _at(10), "happened", "Imperial Palace")],
        ),
        # nor a name, whatever its first letter
        (
            "11:00 a.m. Costa met Emperor Naruhito and Łukasz Żelazny at the Imperial "
            "Palace at 10 a.m.\n",
            [("Audience with Emperor Naruhito", _at(10), "happened", "Imperial Palace")],
        ),
        # but a verb after "and" is: 10:45 is the leaving's
        (
            "11:00 a.m. Costa met Emperor Naruhito at the Imperial Palace at 10 a.m. and "
            "left at 10:45 a.m.\n",
            [
                ("Audience with Emperor Naruhito", _at(10), "happened", "Imperial Palace"),
                ("Departure from Imperial Palace", _at(10, 45), "happened", "Imperial Palace"),
            ],
        ),
    ],
)
def test_the_time_of_one_act_told_with_whom_it_was(tmp_path: Path, body: str, expected) -> None:
    assert _placed(_blog(body + _COSTA, tmp_path)) == expected


def test_a_wreath_laid_and_a_book_signed_then_talks_elsewhere(tmp_path: Path) -> None:
    """Signing a memorial's Book of Honour is no signing of an agreement; and the next
    update's talks, which name no place, are not held at the memorial."""
    body = (
        "11:40 a.m. Costa meets Sato\n"
        "11:00 a.m. Costa laid a wreath at the Tomb of the Unknown Soldier and signed the "
        "Book of Honour.\n"
    )
    assert _placed(_blog(body + _COSTA, tmp_path)) == [
        (
            "Wreath-laying at Tomb of the Unknown Soldier",
            _at(11),
            "happened",
            "Tomb of the Unknown Soldier",
        ),
        ("Meeting with Sato", _at(11, 40), "happened", None),
    ]


@pytest.mark.parametrize(
    ("part", "expected"),
    [
        ("evening", [("Arrival at Kansai International Airport", _at(19), "happened")]),
        # a window the landing is not in is another journey
        (
            "morning",
            [
                ("Arrival in Osaka", _at(6), "planned"),
                ("Arrival at Kansai International Airport", _at(19), "happened"),
            ],
        ),
    ],
)
def test_a_flight_planned_to_a_city_is_the_landing_at_its_airport(
    tmp_path: Path, part: str, expected
) -> None:
    """A plan to "fly to Osaka in the evening" and the landing at Kansai at 7 p.m.: one
    arrival, at the airport, when the landing is in the window the plan tells."""
    body = (
        "7:10 p.m. Costa landed at Kansai International Airport at 7 p.m.\n"
        f"8:00 a.m. Costa will fly to Osaka in the {part}.\n"
    )
    assert _told(_blog(body + _COSTA, tmp_path)) == expected


def test_a_landing_reported_again_later_lasts_no_longer(tmp_path: Path) -> None:
    """The headline "Costa arrives in Osaka" of an update stamped 1:30 p.m. whose text
    says she landed at 12:45: an arrival at 12:45, not one that lasts until the report."""
    body = (
        "1:30 p.m. Costa arrives in Osaka\n"
        "Costa landed at Kansai International Airport at 12:45 p.m.\n"
    )
    events = _blog(body + _COSTA, tmp_path)
    assert [(e.title, e.start, e.end) for e in events] == [
        ("Arrival at Kansai International Airport", _at(12, 45), _at(13))
    ]


def test_what_was_attended_stops_before_whom_it_was_by(tmp_path: Path) -> None:
    body = "11:30 a.m. Some 50,000 people attended the Mass celebrated by Costa in Osaka.\n"
    assert [e.title for e in _blog(body + _COSTA, tmp_path)] == ["Mass"]


def test_a_papal_journey_on_rome_time_across_two_zones() -> None:
    """A blog stamped on Rome's clock ("All times are Rome time (CET)") of a journey to
    Türkiye (UTC+3) and Lebanon (UTC+2), newest first: each happening on the clock of
    where it is, at the time its text tells ("at 13:50 local time", "at 9:30 local
    time"), whatever stamp reports it. The wreath at the mausoleum is a wreath-laying,
    the book signed there no signing; "Pope Celestine met bishops, priests and religious
    … at 9:30" is one meeting, at 9:30; a plan to "fly to Istanbul in the evening" is the
    landing at its airport; a landing reported again an hour later lasts no longer.

    Not yet read: where the prayer at İznik, the meeting with young people and the Mass
    were ("on the shore of Lake İznik", "outside the Maronite Patriarchate in Bkerke",
    "on the Beirut Waterfront"), the interreligious meeting the others "joined" him for,
    and the prayer at the tomb before "travelling to … Harissa to meet bishops" (one
    event with the meeting)."""
    doc = read_path(
        FIXTURES / "papal-journey-liveblog-rome-time-abroad.txt", ReadOptions(slug="pj")
    )
    assert doc.zone == "Europe/Rome"
    assert _in_full(doc) == [
        (
            "Departure for Ankara",
            "2025-11-27T07:40:00+01:00",
            "2025-11-27T07:55:00+01:00",
            "happened",
            "Rome Fiumicino Airport",
            3,
        ),
        (
            "Arrival at Esenboğa International Airport",
            "2025-11-27T13:50:00+03:00",
            "2025-11-27T14:05:00+03:00",
            "happened",
            "Esenboğa International Airport",
            2,
        ),
        (
            "Wreath-laying at Anıtkabir",
            "2025-11-27T14:50:00+03:00",
            "2025-11-27T15:20:00+03:00",
            "happened",
            "Anıtkabir",
            1,
        ),
        (
            "Meeting with President Kemal Doğanay",
            "2025-11-27T15:30:00+03:00",
            "2025-11-27T16:30:00+03:00",
            "happened",
            "Presidential Complex",
            3,  # "After a visit to the mausoleum …, he will meet President Doğanay"
        ),
        (
            "Meeting with president of the Directorate of Religious Affairs",
            "2025-11-27T18:10:00+03:00",
            "2025-11-27T19:10:00+03:00",
            "approximate",
            "Diyanet",
            2,
        ),
        (
            "Arrival at Istanbul Atatürk Airport",
            "2025-11-27T19:35:00+03:00",
            "2025-11-27T19:50:00+03:00",
            "happened",
            "Istanbul Atatürk Airport",
            3,
        ),
        (
            "Meeting with bishops",
            "2025-11-28T09:30:00+03:00",
            "2025-11-28T11:05:00+03:00",
            "happened",
            "Cathedral of the Holy Spirit",
            2,
        ),
        ("Prayer", "2025-11-28T16:30:00+03:00", "2025-11-28T17:30:00+03:00", "happened", None, 1),
        (
            "Divine Liturgy for the feast of St Andrew",
            "2025-11-30T08:00:00+03:00",
            "2025-11-30T10:00:00+03:00",
            "approximate",
            "Patriarchal Church of St George",
            1,
        ),
        (
            "Departure from Istanbul Atatürk Airport",
            "2025-11-30T12:40:00+03:00",
            "2025-11-30T12:55:00+03:00",
            "happened",
            "Istanbul Atatürk Airport",
            1,
        ),
        (
            "Arrival at Beirut–Rafic Hariri International Airport",
            "2025-11-30T15:45:00+02:00",
            "2025-11-30T16:00:00+02:00",
            "happened",
            "Beirut–Rafic Hariri International Airport",
            2,
        ),
        (
            "Meeting with President Elias Haddad",
            "2025-11-30T20:05:00+02:00",
            "2025-11-30T21:05:00+02:00",
            "happened",
            "Baabda",
            3,
        ),
        (
            "Meeting with bishops",
            "2025-12-01T10:30:00+02:00",
            "2025-12-01T11:30:00+02:00",
            "happened",
            "Harissa",
            1,
        ),
        (
            "Meeting with young people",
            "2025-12-01T18:45:00+02:00",
            "2025-12-01T19:45:00+02:00",
            "happened",
            None,
            1,
        ),
        ("Mass", "2025-12-02T07:00:00+02:00", "2025-12-02T08:15:00+02:00", "approximate", None, 1),
        (
            "Meeting with relatives of the victims",
            "2025-12-02T08:15:00+02:00",
            "2025-12-02T09:15:00+02:00",
            "approximate",
            None,
            1,
        ),
        (
            "Prayer",
            "2025-12-02T08:15:00+02:00",
            "2025-12-02T09:15:00+02:00",
            "approximate",
            None,
            1,
        ),
        (
            "Wreath-laying",
            "2025-12-02T09:15:00+02:00",
            "2025-12-02T09:45:00+02:00",
            "happened",
            None,
            1,
        ),
        (
            "Departure from Beirut–Rafic Hariri International Airport",
            "2025-12-02T14:00:00+02:00",
            "2025-12-02T14:15:00+02:00",
            "approximate",
            "Beirut–Rafic Hariri International Airport",
            2,
        ),
        (
            "Arrival at Rome Ciampino Airport",
            "2025-12-02T16:30:00+01:00",
            "2025-12-02T16:45:00+01:00",
            "planned",
            "Rome Ciampino Airport",
            1,
        ),
    ]


def test_a_date_since_which_is_no_date_of_the_sentence(tmp_path: Path) -> None:
    """ "Their first talks since 2019" says when the last ones were: the handshake is this
    morning's, with whom it was with, not with whatever is outside."""
    body = (
        "11:00 a.m. Costa and Emperor Naruhito shook hands outside the Imperial Palace at "
        "10 a.m., before sitting down for their first talks since 2019.\n"
    )
    assert _placed(_blog(body + _COSTA, tmp_path)) == [
        ("Audience with Emperor Naruhito", _at(10), "happened", "Imperial Palace")
    ]


def test_a_role_two_people_hold_is_whom_the_name_after_it_says(tmp_path: Path) -> None:
    body = (
        "11:00 a.m. Costa and President Rui Sato met at the Imperial Palace. Costa is due "
        "to meet the Avalon president, Zia Lima, at 3 p.m.\n"
    )
    assert [e.title for e in _blog(body + _COSTA, tmp_path)] == [
        "Summit with President Rui Sato",
        "Summit with President Zia Lima",
    ]


@pytest.mark.parametrize(
    "told",
    [
        "Her plane lifted off from Haneda Airport at 2:40 p.m.",
        "Her plane was wheels up from Haneda Airport at 2:40 p.m.",
    ],
)
def test_a_plane_that_lifts_off_is_a_departure(tmp_path: Path, told: str) -> None:
    body = f"3:00 p.m. Costa leaves Japan\n{told}\n"
    assert [(e.title, e.start) for e in _blog(body + _COSTA, tmp_path)][-1:] == [
        ("Departure from Haneda Airport", _at(14, 40))
    ]


@pytest.mark.parametrize(
    ("told", "expected"),
    [
        ("hosted a dinner at the Hilton Osaka on Monday evening", (_at(19, 30), _at(21))),
        ("hosted a dinner at the Hilton Osaka at 8.10pm local time", (_at(20, 10), _at(21, 40))),
    ],
)
def test_a_place_the_gazetteer_does_not_know_is_on_the_clock_of_the_city_in_its_name(
    tmp_path: Path, told: str, expected
) -> None:
    """ "Monday evening" at the Hilton Osaka is Osaka's evening, not that of the city the
    blog named last, Washington, in a headline on a deal between two governments."""
    head = "Costa in Japan – live (all times GMT)\nPrime Minister Ana Costa is in Japan.\n"
    body = (
        f"12:35 p.m. Costa {told}.\n"
        "9:15 a.m. Tokyo and Washington settle trade deal\n"
        "4:00 a.m. Costa smiles.\n3:50 a.m. Costa waves.\n3:30 a.m. Costa landed in Osaka.\n"
    )
    dinner = [e for e in _blog(body, tmp_path, head) if e.place and e.place.name == "Hilton Osaka"]
    assert [(e.start, e.end) for e in dinner] == [expected]


@pytest.mark.parametrize(
    ("told", "title"),
    [
        (
            "Costa dined with Emperor Naruhito at the Imperial Palace",
            "Dinner with Emperor Naruhito",
        ),
        ("Costa is dining with Avalon business leaders", "Dinner with Avalon business leaders"),
    ],
)
def test_whom_one_dines_with_is_whom_the_dinner_is_with(
    tmp_path: Path, told: str, title: str
) -> None:
    assert [e.title for e in _blog(f"11:00 a.m. {told}.\n" + _COSTA, tmp_path)] == [title]


def test_noon_is_noon_where_it_happens(tmp_path: Path) -> None:
    """ "Land around noon", in a blog on London's clock following a visit to Japan, is
    Osaka's noon: the plan of the landing at 12:05, as "this evening" would be."""
    head = "Costa in Japan – live (all times GMT)\nPrime Minister Ana Costa is in Japan.\n"
    body = (
        "4:20 a.m. Costa landed at Kansai International Airport at 12:05 p.m. local time.\n"
        "1:30 a.m. Costa is expected to land in Osaka around noon.\n"
    )
    events = _blog(body, tmp_path, head)
    assert [(e.title, e.start, len(e.evidence)) for e in events] == [
        ("Arrival at Kansai International Airport", _at(12, 5), 2)
    ]


def test_a_speech_to_a_luncheon_is_a_speech(tmp_path: Path) -> None:
    body = "2:00 p.m. Costa addressed the Osaka business forum luncheon at 1:20 p.m.\n"
    assert [(e.title, e.start) for e in _blog(body + _COSTA, tmp_path)] == [
        ("Speech to the Osaka business forum luncheon", _at(13, 20))
    ]


def test_travelling_on_to_a_city_is_arriving_there(tmp_path: Path) -> None:
    body = "2:00 p.m. Costa travelled on to Kyoto at 1:20 p.m.\n"
    assert [(e.title, e.start) for e in _blog(body + _COSTA, tmp_path)] == [
        ("Arrival in Kyoto", _at(13, 20))
    ]


@pytest.mark.parametrize(
    "told",
    [
        "ending a three-day visit to Japan in which she met Emperor Naruhito",
        "ending her visit, during which she met Emperor Naruhito",
    ],
)
def test_what_a_visit_told_as_a_whole_held_is_no_happening_of_the_day(
    tmp_path: Path, told: str
) -> None:
    body = f"2:00 p.m. Costa's plane took off from Haneda Airport at 1:40 p.m., {told}.\n"
    assert [e.title for e in _blog(body + _COSTA, tmp_path)] == ["Departure from Haneda Airport"]


def test_a_journey_told_under_way_has_not_arrived(tmp_path: Path) -> None:
    """ "Costa heads to Kyoto", stamped 9:00: she is on her way, not in Kyoto at 9:00."""
    body = (
        "11:00 a.m. Costa met Emperor Naruhito at the Kyoto Imperial Palace at 10:30 a.m.\n"
        "9:00 a.m. Costa heads to Kyoto for talks with Emperor Naruhito\n"
    )
    assert [(e.title, e.start) for e in _blog(body + _COSTA, tmp_path)] == [
        ("Audience with Emperor Naruhito", _at(10, 30))
    ]


def test_a_visit_told_on_london_s_clock_by_a_newsroom_that_titles_only_the_hosts() -> None:
    """A Guardian-style blog stamped in GMT of a leader's day and a half in South Korea
    (UTC+9): "Donald Trump", then "Trump", with no title, while the hosts are "the South
    Korean president, Lee Jae-myung" and "the Chinese president, Xi Jinping". He is the
    principal; places are written "Gimhae international airport"; noon and "Wednesday
    evening" are Korea's; the talks "since 2019" are Thursday's; "heads to Busan" is no
    landing; "a visit … in which Trump met" the prime minister of Japan no meeting.

    The talks "ended at 12.40pm local time"; the dinner "on Wednesday evening" is at a
    dinner's hour, not at its headline's stamp."""
    doc = read_path(
        FIXTURES / "apec-visit-liveblog-gmt-principal-untitled.txt", ReadOptions(slug="apec")
    )
    assert doc.zone == "Europe/London"
    assert _in_full(doc) == [
        (
            "Departure from Haneda Airport",
            "2025-10-29T09:35:00+09:00",
            "2025-10-29T09:50:00+09:00",
            "happened",
            "Haneda Airport",
            2,
        ),
        (
            "Arrival at Gimhae International Airport",
            "2025-10-29T11:50:00+09:00",
            "2025-10-29T12:05:00+09:00",
            "happened",
            "Gimhae International Airport",
            3,
        ),
        (
            "Visit to Gyeongju",
            "2025-10-29T12:40:00+09:00",
            "2025-10-29T13:10:00+09:00",
            "happened",
            "Gyeongju",
            3,
        ),
        (
            "Speech to the Apec CEO summit luncheon",
            "2025-10-29T13:20:00+09:00",
            "2025-10-29T13:50:00+09:00",
            "approximate",
            "Gyeongju Arts Center",
            1,
        ),
        (
            "Summit with President Lee",
            "2025-10-29T15:45:00+09:00",
            "2025-10-29T17:30:00+09:00",
            "approximate",
            "Gyeongju National Museum",
            4,
        ),
        (
            "Dinner with President Lee",
            "2025-10-29T19:30:00+09:00",
            "2025-10-29T21:00:00+09:00",
            "approximate",
            "Hilton Gyeongju",
            2,
        ),
        (
            "Departure for Busan",
            "2025-10-30T06:00:00+09:00",
            "2025-10-30T11:00:00+09:00",
            "approximate",
            "Gyeongju",
            1,
        ),
        (
            "Summit with President Xi",
            "2025-10-30T11:00:00+09:00",
            "2025-10-30T12:40:00+09:00",
            "approximate",
            "Gimhae International Airport",
            7,
        ),
        (
            "Departure from Gimhae International Airport",
            "2025-10-30T15:40:00+09:00",
            "2025-10-30T15:55:00+09:00",
            "happened",
            "Gimhae International Airport",
            2,
        ),
    ]


def test_a_name_written_without_its_marks_is_the_same_person(tmp_path: Path) -> None:
    """ "Doganay", as many newsrooms write "Doğanay": the plan of the talks that were held."""
    body = (
        "11:00 a.m. Costa met President Kemal Doğanay at the Imperial Palace at 10 a.m.\n"
        "9:00 a.m. Costa will meet Doganay at 10 a.m.\n"
    )
    assert [(e.title, e.start) for e in _blog(body + _COSTA, tmp_path)] == [
        ("Summit with President Kemal Doğanay", _at(10))
    ]


@pytest.mark.parametrize(
    ("ended", "end"),
    [
        ("The talks between Costa and Emperor Naruhito ended at 11:40 a.m.", _at(11, 40)),
        ("Costa's audience with the emperor wrapped up shortly after 11:20 a.m.", _at(11, 20)),
        # no clock: as it was written
        ("The talks between Costa and Emperor Naruhito have ended.", _at(12)),
        # nor that
        ("The talks between Costa and Emperor Naruhito ended.", _at(11)),
        # a clock of something else
        ("The talks ended, and at 11:50 a.m. Costa waved.", _at(11)),
        # what ended told after it: as it was written, or at its clock
        ("Costa and Emperor Naruhito have wrapped up their talks.", _at(12)),
        ("Costa and Naruhito concluded their audience at 11:40 a.m.", _at(11, 40)),
        ("Costa concluded her audience with Emperor Naruhito at 11:35 a.m.", _at(11, 35)),
        # what ended is the object, not a happening the sentence opened with
        ("After the ceremony, Costa and Naruhito concluded their talks at 11:40 a.m.", _at(11, 40)),
    ],
)
def test_when_a_happening_ended_is_its_end(tmp_path: Path, ended: str, end: datetime) -> None:
    body = (
        f"12:00 p.m. {ended}\n"
        "11:00 a.m. Costa met Emperor Naruhito at the Imperial Palace at 10 a.m.\n"
    )
    assert [(e.title, e.start, e.end) for e in _blog(body + _COSTA, tmp_path)] == [
        ("Audience with Emperor Naruhito", _at(10), end)
    ]


def test_a_meal_told_done_in_a_window_is_not_at_its_headline_s_stamp(tmp_path: Path) -> None:
    """ "Naruhito hosts Costa at dinner", stamped 9:40 p.m. over "… hosted Costa at a
    dinner at the Imperial Palace this evening": the news of a dinner done, at a dinner's
    hour of the evening, not one that began at 9:40."""
    body = (
        "9:40 p.m. Naruhito hosts Costa at dinner\n"
        "Emperor Naruhito hosted Costa at a dinner at the Imperial Palace this evening.\n"
    )
    assert [(e.title, e.start, e.end) for e in _blog(body + _COSTA, tmp_path)] == [
        ("Dinner with Emperor Naruhito", _at(19, 30), _at(21))
    ]
    # told under way, in a sentence: under way when told
    body = (
        "9:40 p.m. Emperor Naruhito is hosting Costa at a dinner at the Imperial Palace.\n"
        "The emperor hosted Costa at the dinner this evening.\n"
    )
    assert [(e.title, e.start) for e in _blog(body + _COSTA, tmp_path)] == [
        ("Dinner with Emperor Naruhito", _at(21, 40))
    ]


@pytest.mark.parametrize(
    "told",
    [
        # what the visit was for, told over the same days, is the visit's
        "President Ana Costa visited Japan from 29 to 31 October 2025 to attend a summit in "
        "Tokyo, the last stop of a tour of Asia.",
        # two words of one span: one visit, where it was most precisely
        "President Ana Costa arrived in Tokyo from 29 to 31 October 2025 for a state visit "
        "to Japan.",
    ],
)
def test_one_sentence_tells_one_span_of_days(tmp_path: Path, told: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Ana Costa in Japan\n\n{told} Costa met Emperor Naruhito.\n", "utf-8")
    doc = read_path(path, ReadOptions(slug="a", today=TODAY))
    spans = [(e.title, e.start, e.end) for e in itinerary([doc], Gazetteer.load(), Site())]
    assert spans == [("Visit to Tokyo", date(2025, 10, 29), date(2025, 11, 1))]


def test_talks_after_a_speech_are_a_happening_of_their_own(tmp_path: Path) -> None:
    """ "At 13:20 she delivered a keynote address …. In the afternoon Costa met Prime
    Minister Rui Sato …. The two leaders then held a summit": the summit is not the
    speech, at its hall and time."""
    path = tmp_path / "a.txt"
    path.write_text(
        "Ana Costa in Japan\n\nOn 29 October 2025, President Ana Costa landed in Tokyo. At "
        "13:20 she delivered a keynote address at the Avalon Business Forum at the Akasaka "
        "Palace. In the afternoon Costa met Prime Minister Rui Sato at the Imperial Palace. "
        "The two leaders then held a summit.\n",
        "utf-8",
    )
    doc = read_path(path, ReadOptions(slug="a", today=TODAY))
    got = [(e.title, e.place and e.place.name) for e in itinerary([doc], Gazetteer.load(), Site())]
    assert ("Speech to the Avalon Business Forum", "Akasaka State Guest House") in got
    assert ("Summit with Prime Minister Rui Sato", "Imperial Palace") in got


@pytest.mark.parametrize("who", ["the prime minister", "she"])
def test_a_clause_whose_subject_is_the_principal_is_read(tmp_path: Path, who: str) -> None:
    """ "A state banquet is planned for tonight, and the prime minister is scheduled to
    leave Tokyo at 11 p.m.": the sentence opens with no one, its second clause with her."""
    body = (
        "9:00 a.m. Costa's last day\n"
        f"A state banquet is planned for tonight, and {who} is scheduled to leave Tokyo at "
        "11 p.m.\n"
    )
    assert [(e.title, e.start, e.status.value) for e in _blog(body + _COSTA, tmp_path)] == [
        ("State banquet", _at(20), "planned"),
        ("Departure from Tokyo", _at(23), "planned"),
    ]


def test_a_state_visit_told_on_the_hosts_clock_by_a_blog_of_the_visitor() -> None:
    """A Nikkei-style blog, stamped in Seoul time with no year, of a Chinese leader's three
    days in South Korea. The blog names "November 2026" as a year to come: it is of 2025,
    the year its weekdays fit after the talks "since 2019". The landing at the airport and
    the summit at its air base are two happenings; "the summit" Lee chairs in an aside is
    his, and its "this year" no date of the greeting; "are meeting" is a meeting; "The
    talks lasted about 30 minutes" starts the talks half an hour before the stamp that
    reported them over; Lee "and his wife" welcome Xi to the banquet; leaders "oversaw
    the signing"; "fly back to Beijing" is the planned departure."""
    doc = read_path(
        FIXTURES / "apec-state-visit-liveblog-host-clock.txt", ReadOptions(slug="xi", today=TODAY)
    )
    assert doc.zone == "Asia/Seoul"
    assert _in_full(doc) == [
        (
            "Departure for Busan",
            "2025-10-30T07:15:00+08:00",
            "2025-10-30T07:30:00+08:00",
            "approximate",
            "Beijing",
            1,
        ),
        (
            "Arrival at Gimhae International Airport",
            "2025-10-30T10:10:00+09:00",
            "2025-10-30T10:25:00+09:00",
            "approximate",
            "Gimhae International Airport",
            1,
        ),
        (
            "Summit with President Trump",
            "2025-10-30T11:00:00+09:00",
            "2025-10-30T12:45:00+09:00",
            "happened",
            "Gimhae International Airport",
            3,
        ),
        (
            "Visit to Gyeongju",
            "2025-10-30T16:15:00+09:00",
            "2025-10-30T16:30:00+09:00",
            "approximate",
            "Gyeongju",
            1,
        ),
        (
            "Visit to Gyeongju Hwabaek International Convention Center",
            "2025-10-31T10:05:00+09:00",
            "2025-10-31T10:20:00+09:00",
            "happened",
            "Gyeongju Hwabaek International Convention Center",
            1,
        ),
        (
            "Speech to the APEC leaders",
            "2025-10-31T14:15:00+09:00",
            "2025-10-31T14:45:00+09:00",
            "happened",
            None,
            1,
        ),
        (
            "Summit with Prime Minister Mark Carney",
            "2025-10-31T17:00:00+09:00",
            "2025-10-31T18:00:00+09:00",
            "happened",
            "Gyeongju Hwabaek International Convention Center",
            1,
        ),
        (
            "Summit with Prime Minister Sanae Takaichi",
            "2025-10-31T19:40:00+09:00",
            "2025-10-31T20:10:00+09:00",
            "approximate",
            "Gyeongju",
            2,
        ),
        (
            "Summit with Prime Minister Anutin Charnvirakul",
            "2025-11-01T10:30:00+09:00",
            "2025-11-01T11:30:00+09:00",
            "happened",
            None,
            1,
        ),
        (
            "Summit with President Lee",
            "2025-11-01T15:20:00+09:00",
            "2025-11-01T16:50:00+09:00",
            "happened",
            "Gyeongju National Museum",
            1,
        ),
        (
            "Signing of seven memorandums of understanding",
            "2025-11-01T17:00:00+09:00",
            "2025-11-01T17:30:00+09:00",
            "approximate",
            None,
            1,
        ),
        (
            "State banquet with President Lee",
            "2025-11-01T19:15:00+09:00",
            "2025-11-01T21:40:00+09:00",
            "happened",
            "Lahan Select Gyeongju",
            2,
        ),
        (
            "Departure for Beijing",
            "2025-11-02T06:00:00+09:00",
            "2025-11-02T12:00:00+09:00",
            "planned",
            "Gyeongju",
            1,
        ),
    ]


def test_a_visit_abroad_told_on_tokyo_time() -> None:
    """A Nikkei-style blog on Tokyo's clock of a leader's day in Kuala Lumpur (UTC+8) and
    arrival in Tokyo: the happenings in Malaysia are on Malaysia's clock; "the convention
    centre" is the Kuala Lumpur Convention Centre; "Air Force One has touched down" in an
    update that names no one is the principal's landing, which the morning's "due to land
    in Tokyo" joins. The trade agreement "the two leaders signed", reported at 14:30, is
    a signing of its own, not the peace declaration they looked on at an hour before."""
    doc = read_path(
        FIXTURES / "asean-visit-liveblog-tokyo-time-abroad.txt",
        ReadOptions(slug="asean", today=TODAY),
    )
    assert doc.zone == "Asia/Tokyo"
    assert _in_full(doc) == [
        (
            "Meeting with emir of Qatar aboard Air Force One",
            "2025-10-25T22:50:00+09:00",
            "2025-10-25T23:50:00+09:00",
            "approximate",
            "Air Force One",
            1,
        ),
        (
            "Arrival at Kuala Lumpur International Airport",
            "2025-10-26T09:50:00+08:00",
            "2025-10-26T10:05:00+08:00",
            "approximate",
            "Kuala Lumpur International Airport",
            1,
        ),
        (
            "Signing of a peace declaration",
            "2025-10-26T12:15:00+08:00",
            "2025-10-26T12:45:00+08:00",
            "happened",
            "Kuala Lumpur Convention Centre",
            1,
        ),
        (
            "Signing of a reciprocal trade agreement and a memorandum on critical minerals",
            "2025-10-26T13:00:00+08:00",
            "2025-10-26T13:30:00+08:00",
            "approximate",
            None,
            1,
        ),
        (
            "Summit with Prime Minister Anwar",
            "2025-10-26T13:30:00+08:00",
            "2025-10-26T14:30:00+08:00",
            "happened",
            "Kuala Lumpur Convention Centre",
            1,
        ),
        (
            "Dinner with Prime Minister Anwar",
            "2025-10-26T20:30:00+08:00",
            "2025-10-26T22:00:00+08:00",
            "happened",
            "Kuala Lumpur Convention Centre",
            1,
        ),
        (
            "Departure for Tokyo",
            "2025-10-27T08:50:00+08:00",
            "2025-10-27T09:05:00+08:00",
            "approximate",
            "Kuala Lumpur",
            1,
        ),
        (
            "Arrival at Haneda Airport",
            "2025-10-27T16:55:00+09:00",
            "2025-10-27T17:10:00+09:00",
            "approximate",
            "Haneda Airport",
            2,
        ),
        (
            "Audience with Emperor Naruhito",
            "2025-10-28T10:00:00+09:00",
            "2025-10-28T11:00:00+09:00",
            "planned",
            "Imperial Palace",
            1,
        ),
    ]


def test_an_events_sentences_of_one_update_are_listed_as_written() -> None:
    """Two sentences of one update that tell one happening are its sources in the order
    they were written, not in alphabetical order."""
    doc = read_path(
        FIXTURES / "apec-state-visit-liveblog-host-clock.txt", ReadOptions(slug="xi", today=TODAY)
    )
    (talks,) = [
        e for e in itinerary([doc], Gazetteer.load(), Site()) if e.title.endswith("Takaichi")
    ]
    assert [e.text for e in talks.evidence] == [
        "Xi and Japanese Prime Minister Sanae Takaichi have met for the first time, at a hotel "
        "in Gyeongju.",
        "The talks lasted about 30 minutes.",
    ]


def test_a_plan_of_a_whole_day_on_the_clock_of_where_it_happens(tmp_path: Path) -> None:
    """A blog on Tokyo's clock of talks in Washington: "will hold talks with Trump on
    Thursday, local time" is of the talks that began at 13:50 on Thursday there, stamped
    02:50 on Friday in Tokyo; not a second summit, all day on Thursday, nor the arrival
    at the White House before them."""
    body = (
        "Washington visit live (Tokyo time)\nPrime Minister Ana Costa is in the United "
        "States.\nFriday, March 20, 2026\n"
        "2:50 a.m. Costa and President Rui Sato begin their summit in the Oval Office.\n"
        "2:20 a.m. Costa arrives at the White House, where Sato greets her.\n"
        "Thursday, March 19, 2026\n"
        "8:00 a.m. Costa leaves Haneda Airport for Washington. She will hold talks with "
        "President Rui Sato on Thursday, local time.\n"
    )
    path = tmp_path / "b.txt"
    path.write_text(body, "utf-8")
    doc = read_path(path, ReadOptions(slug="b"))
    talks = [e for e in itinerary([doc], Gazetteer.load(), Site()) if "Sato" in e.title]
    assert [(e.title, e.start.isoformat(), len(e.evidence)) for e in talks] == [
        ("Summit with President Rui Sato", "2026-03-19T13:50:00-04:00", 2)
    ]


@pytest.mark.parametrize("zone", ["Asia/Tokyo", None])
def test_an_article_whose_itinerary_is_a_list_of_days(zone: str | None) -> None:
    """An encyclopedia's itinerary written as lists ("3 November: Arrival at … ; audience
    with …"): each item a happening of its day, read as the clause it stands for (its
    place, whom it is with, its part of the day or its clock time), and quoted as its
    item with its day; the background and reception around it give nothing."""
    doc = read_path(
        FIXTURES / "state-visit-article-schedule-list.txt", ReadOptions(slug="a", zone=zone)
    )
    events = itinerary([doc], Gazetteer.load(), Site())
    rows = [
        (
            e.title,
            e.start.isoformat(),
            e.end and e.end.isoformat(),
            e.status.value,
            e.place and e.place.name,
        )
        for e in events
    ]
    assert rows == [
        ("Audience with Emperor Naruhito", "2031-11-03", None, "happened", "Imperial Palace"),
        ("Visit to Japan", "2031-11-03", "2031-11-06", "happened", "Japan"),
        (
            "Welcome ceremony at Akasaka State Guest House",
            "2031-11-03",
            None,
            "happened",
            "Akasaka State Guest House",
        ),
        (  # "in the afternoon", on Tokyo's clock
            "Arrival at Haneda Airport",
            "2031-11-03T12:00:00+09:00",
            "2031-11-03T18:00:00+09:00",
            "approximate",
            "Haneda Airport",
        ),
        ("Signing of an agreement on scientific cooperation", "2031-11-04", None, "happened", None),
        (
            "Summit with Prime Minister Kenji Arai",
            "2031-11-04",
            None,
            "happened",
            "Prime Minister's Office of Japan",
        ),
        (  # "in the evening": at a banquet's usual hour
            "State banquet at Imperial Palace",
            "2031-11-04T20:00:00+09:00",
            "2031-11-04T21:30:00+09:00",
            "approximate",
            "Imperial Palace",
        ),
        (  # the item's own clock time
            "Visit to Kawasaki",
            "2031-11-05T09:30:00+09:00",
            "2031-11-05T10:30:00+09:00",
            "happened",
            "Kawasaki",
        ),
        (
            "Departure from Haneda Airport",
            "2031-11-05T12:00:00+09:00",
            "2031-11-05T18:00:00+09:00",
            "approximate",
            "Haneda Airport",
        ),
    ]
    quotes = {e.title: [ev.text for ev in e.evidence] for e in events}
    assert quotes["Arrival at Haneda Airport"] == [
        "3 November: Arrival at Haneda Airport in the afternoon"
    ]
    assert quotes["State banquet at Imperial Palace"] == [
        "Tuesday, 4 November – … state banquet at the Imperial Palace in the evening"
    ]


_PREVIEW = """Costa to visit Avalon
{lead}
Programme
Monday 2 June: Arrival at Heathrow Airport; audience with King Rui at Windsor Castle.
3 June – State banquet at Buckingham Palace; departure for Paris.
"""


@pytest.mark.parametrize(
    ("lead", "published", "statuses"),
    [
        (  # the story tells them ahead: the list lies ahead
            "President Ana Costa of Freedonia will visit Avalon from 2 to 3 June 2031.",
            None,
            ["planned"] * 4,
        ),
        (
            "President Ana Costa of Freedonia visited Avalon from 2 to 3 June 2031.",
            None,
            ["happened"] * 4,
        ),
        (  # written on the evening of 2 June: the next day's items lie ahead
            "Published 2 June 2031\nPresident Ana Costa of Freedonia is visiting Avalon.",
            date(2031, 6, 2),
            ["happened", "happened", "planned", "planned"],
        ),
    ],
)
def test_a_listed_programme_lies_ahead_as_the_story_or_its_day_tells(
    lead: str, published: date | None, statuses: list[str]
) -> None:
    doc = read_text(
        _PREVIEW.format(lead=lead),
        "p.txt",
        ReadOptions(slug="p", kind="article", zone="Europe/London"),
    )
    assert doc.published == published
    got = [
        (e.title, str(e.start), e.status.value)
        for e in itinerary([doc], Gazetteer.load(), Site())
        if e.category != "Visit"
    ]
    assert [(t, s) for t, s, _ in got] == [
        ("Arrival at Heathrow Airport", "2031-06-02"),
        ("Audience with King Rui", "2031-06-02"),
        ("Departure for Paris", "2031-06-03"),
        ("State banquet at Buckingham Palace", "2031-06-03"),
    ]
    assert [status for *_, status in got] == statuses


@pytest.mark.parametrize(
    "line",
    [
        "4 June: Costa arrived at Heathrow Airport and was met by the Prince.",  # prose
        "Note: visit to Windsor Castle.",  # no day before the colon
        "2030: visit to Windsor Castle.",  # a year is no day of a schedule
    ],
)
def test_a_line_that_is_no_schedule_is_read_as_prose(tmp_path: Path, line: str) -> None:
    text = f"President Ana Costa of Freedonia visited Avalon from 2 to 5 June 2031.\n{line}\n"
    quotes = [ev.text for e in _article_events(text, "Europe/London") for ev in e.evidence]
    assert line.rstrip(".") not in quotes  # how an item of a schedule is quoted
    if line.startswith("4 June"):
        assert line in quotes  # the arrival, told in prose


def test_a_programme_of_clock_times_under_each_day(tmp_path: Path) -> None:
    """A programme whose days are headings and whose lines open with a clock time ("15:00 –
    Arrival at …"), short lines the reader takes for headings: each a happening at its
    time on the day above it."""
    text = (
        "President Ana Costa of Freedonia visited Avalon from 2 to 3 June 2031.\n"
        "Programme\nMonday 2 June\n15:00 – Arrival at Heathrow Airport\n"
        "18:00 – Audience with King Rui at Windsor Castle\nTuesday 3 June\n"
        "10:30 – Talks with Prime Minister Rui Sato at Downing Street\n"
    )
    assert [
        (e.title, e.start.isoformat(), e.place and e.place.name)
        for e in _article_events(text, "Europe/London")
        if e.category != "Visit"
    ] == [
        ("Arrival at Heathrow Airport", "2031-06-02T15:00:00+01:00", "Heathrow Airport"),
        ("Audience with King Rui", "2031-06-02T18:00:00+01:00", "Windsor Castle"),
        ("Summit with Prime Minister Rui Sato", "2031-06-03T10:30:00+01:00", "Downing Street"),
    ]


def test_a_lunch_and_a_dinner_with_one_guest_are_two_meals(tmp_path: Path) -> None:
    """Two meals a day with the same prime minister: the dinner planned for the evening
    is not the lunch they are having, nor is it held where the lunch is."""
    events = _blog(
        "1:00 p.m. Costa will have dinner with Prime Minister Kenji Arai at the Imperial"
        " Palace at 7 p.m.\n"
        "12:40 p.m. Costa is having a working lunch with Arai at the Prime Minister's Office.\n",
        tmp_path,
    )
    assert [(e.title, e.start.strftime("%H:%M"), e.place and e.place.name) for e in events] == [
        (
            "Working lunch with Prime Minister Kenji Arai",
            "12:40",
            "Prime Minister's Office of Japan",
        ),
        ("Dinner with Prime Minister Kenji Arai", "19:00", "Imperial Palace"),
    ]


@pytest.mark.parametrize(
    "told",
    [
        "On 28 October, Costa held talks with Prime Minister Kenji Arai at the Akasaka State"
        " Guest House, followed by a working lunch.",
        "On 28 October, Costa held talks with Prime Minister Kenji Arai at the Akasaka State"
        " Guest House. The talks were followed by a working lunch.",
    ],
)
def test_a_meal_that_followed_the_talks_is_a_meal_of_its_own(told: str) -> None:
    """ "…, followed by a working lunch", or "The talks were followed by …": the talks,
    and a lunch of its own with the same guest, where the talks were."""
    text = f"President Ana Costa of Freedonia visited Japan from 27 to 29 October 2031.\n{told}\n"
    assert [
        (e.title, str(e.start), e.place and e.place.name)
        for e in _article_events(text, "Asia/Tokyo")
        if e.category != "Visit"
    ] == [
        ("Summit with Prime Minister Kenji Arai", "2031-10-28", "Akasaka State Guest House"),
        ("Working lunch with Prime Minister Kenji Arai", "2031-10-28", "Akasaka State Guest House"),
    ]


def test_what_the_talks_are_followed_by_comes_after_them(tmp_path: Path) -> None:
    """In a live blog: the lunch that followed talks that ended at 11 is at a lunch's
    hour after them; the banquet they "will be followed by", at the palace the sentence
    names, planned (the talks are over), at a banquet's hour that evening. The plan of
    the talks is theirs, not the lunch's that followed them."""
    events = _blog(
        "11:30 a.m. Costa held talks with Prime Minister Kenji Arai at the Akasaka State"
        " Guest House at 10 a.m. The talks were followed by a working lunch.\n"
        "11:35 a.m. Costa met Arai at 10 a.m. The talks will be followed by a state banquet"
        " at the Imperial Palace.\n"
        "9:00 a.m. Costa will hold talks with Arai at 10 a.m.\n",
        tmp_path,
    )
    assert [len(e.evidence) for e in events] == [3, 1, 1]  # the plan is of the talks
    assert [
        (
            e.title,
            e.start.strftime("%H:%M"),
            e.end.strftime("%H:%M"),
            e.status.value,
            e.place and e.place.name,
        )
        for e in events
    ] == [
        (
            "Summit with Prime Minister Arai",
            "10:00",
            "11:00",
            "happened",
            "Akasaka State Guest House",
        ),
        (
            "Working lunch with Prime Minister Arai",
            "12:30",
            "14:00",
            "approximate",
            "Akasaka State Guest House",
        ),
        (
            "State banquet with Prime Minister Arai",
            "20:00",
            "21:30",
            "planned",
            "Imperial Palace",
        ),
    ]


@pytest.mark.parametrize("follower", ["a dinner with business leaders", "a speech by Arai"])
def test_what_followed_with_guests_or_words_of_its_own_is_not_the_talks_meal(
    follower: str,
) -> None:
    """A dinner with guests of its own is not with the talks' guest; a speech is not hers."""
    text = (
        "President Ana Costa of Freedonia visited Japan from 27 to 29 October 2031.\n"
        "On 28 October, Costa held talks with Prime Minister Kenji Arai at the Akasaka State"
        f" Guest House. The talks were followed by {follower}.\n"
    )
    assert [e.title for e in _article_events(text, "Asia/Tokyo")] == [
        "Visit to Japan",
        "Summit with Prime Minister Kenji Arai",
    ]


def test_a_meeting_told_over_with_whom_it_was_is_that_meeting(tmp_path: Path) -> None:
    """ "concluded her meeting with business leaders at 11:40 a.m.": the end of the meeting
    planned for 11 with them, not a meeting that began at 11:40."""
    body = (
        "11:50 a.m. Costa concluded her meeting with business leaders at 11:40 a.m.\n"
        "9:00 a.m. Costa will meet business leaders at the Akasaka State Guest House at"
        " 11 a.m.\n"
    )
    assert [(e.title, e.start, e.end) for e in _blog(body + _COSTA, tmp_path)] == [
        ("Meeting with business leaders", _at(11), _at(11, 40))
    ]


@pytest.mark.parametrize(
    "ended",
    [
        "Costa and Prime Minister Rui Sato have wrapped up their talks.",
        "Costa has concluded her talks with Prime Minister Rui Sato.",
    ],
)
def test_the_talks_told_over_are_those_with_whom_the_sentence_names(
    tmp_path: Path, ended: str
) -> None:
    """Two meetings that day: the talks "Costa and Sato" (or "with Sato") wrapped up are
    Sato's, not the audience with the emperor before them."""
    body = (
        f"12:30 p.m. {ended}\n"
        "11:00 a.m. Costa met Emperor Naruhito at the Imperial Palace at 10 a.m. She will"
        " meet Prime Minister Rui Sato at the Prime Minister's Office at 11:30 a.m.\n"
    )
    assert [(e.title, e.start, e.end) for e in _blog(body + _COSTA, tmp_path)] == [
        ("Audience with Emperor Naruhito", _at(10), _at(11)),
        ("Summit with Prime Minister Rui Sato", _at(11, 30), _at(12, 30)),
    ]


@pytest.mark.parametrize(
    ("told", "title"),
    [
        # a place no map knows: what was visited
        (
            "On 28 October, Costa visited a robotics school in the afternoon.",
            "Visit to a robotics school",
        ),
        # what was attended, not how it came about
        ("On 28 October, Costa attended a concert given in her honour.", "Concert"),
        ("On 28 October, Costa attended a reception held for the diplomatic corps.", "Reception"),
    ],
)
def test_a_title_names_what_was_visited_or_attended(told: str, title: str) -> None:
    text = f"President Ana Costa of Freedonia visited Japan from 27 to 29 October 2031.\n{told}\n"
    assert [e.title for e in _article_events(text, "Asia/Tokyo")] == [
        "Visit to Japan",
        title,
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a landing "on" a deck or a lawn; what carries her named as its subject
        (
            "5:10 p.m. Her helicopter has landed on the flight deck of the USS George Washington.",
            ("Arrival at USS George Washington", _at(16, 55), "USS George Washington"),
        ),
        (
            "8:30 p.m. Costa's motorcade has pulled up outside the Imperial Palace.",
            ("Arrival at Imperial Palace", _at(20, 15), "Imperial Palace"),
        ),
        # boarding her plane by its name is leaving
        (
            "7:20 p.m. Costa boarded Air Force One at Haneda Airport, bound for Seoul.",
            ("Departure for Seoul", _at(19, 5), "Haneda Airport"),
        ),
        # a courtesy call is a meeting; "called on Avalon to …" urges, and is none
        (
            "9:40 a.m. Costa paid a courtesy call on Emperor Naruhito at the Imperial Palace.",
            ("Audience with Emperor Naruhito", _at(8, 40), "Imperial Palace"),
        ),
        ("9:40 a.m. Costa called on Prime Minister Rui Sato to lift the tariffs.", None),
        # being given a tour of a place is visiting it
        (
            "3:00 p.m. Costa is being given a tour of Tokyo Skytree by its manager.",
            ("Visit to Tokyo Skytree", _at(15), "Tokyo Skytree"),
        ),
        # a speech to the authorities, the diplomatic corps, the clergy or the faithful
        (
            "4:00 p.m. Costa addressed the diplomatic corps at the Imperial Palace.",
            ("Speech at Imperial Palace", _at(15, 30), "Imperial Palace"),  # told over
        ),
        # inspecting a guard of honour is a ceremony
        (
            "11:05 a.m. Costa inspected the guard of honour at the Akasaka State Guest House.",
            (
                "Guard of honour at Akasaka State Guest House",
                _at(10, 35),
                "Akasaka State Guest House",
            ),
        ),
    ],
)
def test_more_ways_to_tell_a_happening(tmp_path: Path, line: str, expected) -> None:
    got = [
        (e.title, e.start, e.place and e.place.name) for e in _blog(line + "\n" + _COSTA, tmp_path)
    ]
    assert got == ([expected] if expected else [])


@pytest.mark.parametrize(
    "lead",
    [
        "Pope Rui made an apostolic journey to Turkey and Lebanon from 27 November to 2 December 2031.",
        "Pope Rui's pilgrimage to Turkey and Lebanon ran from 27 November to 2 December 2031.",
        "Pope Rui was on a trip to Turkey and Lebanon from November 27 to December 2, 2031.",
    ],
)
def test_a_journey_across_a_months_end_is_the_span_of_the_visit(lead: str) -> None:
    assert [(e.title, e.start, e.end) for e in _article_events(f"{lead}\n", "UTC")] == [
        ("Visit to Turkey and Lebanon", date(2031, 11, 27), date(2031, 12, 3))
    ]


def test_an_apostolic_journey_to_two_countries_told_by_an_encyclopedia() -> None:
    """A pope's journey, section by section: the span across a month's end; paying his
    respects at a mausoleum (a tribute), "before meeting President Erdoğan" (meeting
    him), a speech to "the authorities and the diplomatic corps" told with it; a Mass
    "attended by about 150,000 people" is not something he attended. Each country's
    happenings on its clock. Known limits: the Mass told after a prayer in one sentence
    is not one of its own (one happening of a kind per sentence), and the welcome by
    President Aoun is taken into the meeting with the prime minister told after it."""
    doc = read_path(FIXTURES / "apostolic-journey-article-two-countries.txt", ReadOptions(slug="a"))
    assert _in_full(doc) == [
        (
            "Meeting with President Recep Tayyip Erdoğan",
            "2025-11-27",
            None,
            "happened",
            "Beştepe Presidential Complex",
            1,
        ),
        ("Tribute at Anıtkabir", "2025-11-27", None, "happened", "Anıtkabir", 1),
        (
            "Visit to Turkey and Lebanon",
            "2025-11-27",
            "2025-12-03",
            "happened",
            "Turkey and Lebanon",
            1,
        ),
        (  # "shortly after 12:30 p.m.", on Ankara's clock
            "Arrival at Esenboğa International Airport",
            "2025-11-27T12:30:00+03:00",
            "2025-11-27T12:45:00+03:00",
            "approximate",
            "Esenboğa International Airport",
            1,
        ),
        ("Meeting with bishops", "2025-11-28", None, "happened", "Cathedral of the Holy Spirit", 1),
        ("Visit to Istanbul", "2025-11-28", None, "happened", "Istanbul", 1),
        ("Mass at Volkswagen Arena", "2025-11-29", None, "happened", "Volkswagen Arena", 1),
        ("Visit to Blue Mosque", "2025-11-29", None, "happened", "Blue Mosque", 1),
        (
            "Meeting with Prime Minister Nawaf Salam",
            "2025-11-30",
            None,
            "happened",
            "Baabda Palace",
            2,
        ),
        ("Visit to Beirut", "2025-11-30", None, "happened", "Beirut", 1),
        ("Prayer", "2025-12-02", None, "happened", None, 1),
        (  # "in the afternoon", on Beirut's clock
            "Departure for Rome",
            "2025-12-02T12:00:00+02:00",
            "2025-12-02T18:00:00+02:00",
            "approximate",
            None,
            1,
        ),
    ]


def test_a_recap_tells_each_happening_on_its_day(tmp_path: Path) -> None:
    """A recap the next morning: the talks "yesterday", the speech "later" that day (not
    in the hours after the recap), the arrival "on Sunday" and the audience "the same
    evening"; and "Before that, she will lay a wreath …" is hers."""
    events = _blog(
        "9:00 a.m. Costa will leave for Seoul at 11 a.m. Before that, she will lay a wreath"
        " at Hiroshima Peace Memorial Park at 10 a.m.\n"
        "8:20 a.m. Here is a recap: Costa held talks with Prime Minister Rui Sato at the"
        " Akasaka State Guest House yesterday and later addressed sailors aboard the USS"
        " George Washington. She arrived in Japan on Saturday and met Emperor Naruhito the"
        " same evening.\n",
        tmp_path,
    )
    assert [(e.title, str(e.start), e.status.value) for e in events] == [
        ("Visit to Japan", "2025-05-31", "happened"),  # the arrival, on its day
        ("Audience with Emperor Naruhito", "2025-05-31 17:00:00+09:00", "approximate"),
        ("Speech aboard USS George Washington", "2025-06-01", "happened"),
        ("Summit with Prime Minister Rui Sato", "2025-06-01", "happened"),
        ("Wreath-laying at Hiroshima Peace Memorial Park", "2025-06-02 10:00:00+09:00", "planned"),
        ("Departure for Seoul", "2025-06-02 11:00:00+09:00", "planned"),
    ]


def test_an_article_whose_itinerary_is_a_table() -> None:
    """A programme as a table, one row a day ("| 3 November | Tokyo | Arrival at …; … |"):
    each item a happening of its row's day; the heading row and the place column none."""
    text = (
        "The state visit of President Lena Marr of Freedonia to Japan took place from 3 to 5"
        " November 2031.\nItinerary\n| Date | Location | Events |\n|---|---|---|\n"
        "| 3 November | Tokyo | Arrival at Haneda Airport; audience with Emperor Naruhito at"
        " the Imperial Palace |\n"
        "| 4 November | Tokyo | Talks with Prime Minister Kenji Arai at the Prime Minister's"
        " Office |\n"
    )
    assert [
        (e.title, str(e.start), [ev.text for ev in e.evidence])
        for e in _article_events(text, "Asia/Tokyo")
        if e.category != "Visit"
    ] == [
        ("Arrival at Haneda Airport", "2031-11-03", ["3 November: Arrival at Haneda Airport"]),
        (
            "Audience with Emperor Naruhito",
            "2031-11-03",
            ["3 November: … audience with Emperor Naruhito at the Imperial Palace"],
        ),
        (
            "Summit with Prime Minister Kenji Arai",
            "2031-11-04",
            ["4 November: Talks with Prime Minister Kenji Arai at the Prime Minister's Office"],
        ),
    ]


def test_the_royal_couples_stand_for_her_and_her_hosts(tmp_path: Path) -> None:
    entry = (
        "1:30 p.m. Costa and her husband are with the emperor. The royal couples are now"
        " having a private lunch at the Imperial Palace.\n"
    )
    events = _blog(entry + _COSTA, tmp_path)
    assert [(e.title, e.start) for e in events] == [("Lunch at Imperial Palace", _at(13, 30))]


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        # her own clause, in a sentence someone else opens
        (
            "4:10 p.m. Emperor Naruhito bid farewell to Costa at the gate, and Costa then left"
            " for Haneda Airport.\n",
            [("Departure for Haneda Airport", _at(15, 55))],
        ),
        # two happenings in her clause: each is read
        (
            "4:10 p.m. Emperor Naruhito greeted the crowd, and Costa then visited a school in"
            " Chiyoda and laid a wreath at Chidorigafuchi.\n",
            [("Visit to Chiyoda", _at(15, 10)), ("Wreath-laying at Chidorigafuchi", _at(16, 10))],
        ),
        # talks held by whom welcomed her: with them
        (
            "2:30 p.m. Prime Minister Rui Sato welcomed Costa at the Akasaka State Guest House,"
            " after which the two leaders held talks.\n",
            [("Summit with Prime Minister Rui Sato", _at(13, 30))],
        ),
        # someone else's sentence, and no clause of hers
        (
            "2:30 p.m. Prime Minister Rui Sato met the governor at the palace, and the two"
            " signed a pact.\n",
            [],
        ),
    ],
)
def test_a_sentence_someone_else_opens(tmp_path: Path, entry: str, expected) -> None:
    assert [(e.title, e.start) for e in _blog(entry + _COSTA, tmp_path)] == expected


def test_a_pronoun_after_a_phrase_a_sentence_opens_with_is_hers(tmp_path: Path) -> None:
    # not Sato, whom the opening phrase names first
    entry = (
        "1:00 p.m. Costa's day goes on. After a visit to the shrine with Prime Minister Rui"
        " Sato, she will address students at Zenda University at 3 p.m.\n"
    )
    events = _blog(entry + _COSTA, tmp_path)
    assert [(e.title, e.start) for e in events] == [("Speech at Zenda University", _at(15))]


def test_leaving_one_place_and_then_the_country(tmp_path: Path) -> None:
    """Two departures in one update, the headline telling the first: where the first leads
    ("heading back to Tokyo", not the plant's prefecture), and the flight out tonight with
    its own place and destination. What she will attend where she flies to is not tonight."""
    entry = (
        "4:40 p.m. Costa wraps up Sendai visit\n"
        "Costa has left the factory in Miyagi Prefecture and is heading back to Tokyo by"
        " shinkansen. She is due to fly out of Haneda Airport for China later tonight, where"
        " she will attend a summit in Tianjin.\n"
    )
    events = _blog(entry + _COSTA, tmp_path)
    assert [(e.title, e.start, e.status.value) for e in events] == [
        ("Departure for Tokyo", _at(16, 40), "happened"),
        ("Departure for China", _at(17), "planned"),
    ]


def test_a_dinner_after_the_summit_is_no_part_of_it(tmp_path: Path) -> None:
    # whom with, unknown to the cast ("Sato"): the same place, and within three hours
    events = _blog(
        "9:30 p.m. Dinner at the Prime Minister's Office\n"
        "Sato hosted Costa for dinner at the Prime Minister's Office after their summit.\n"
        "6:45 p.m. Summit begins\n"
        "Costa and Sato began their summit at the Prime Minister's Office shortly after"
        " 6 p.m.\n" + _COSTA,
        tmp_path,
    )
    assert [(e.title, e.start) for e in events] == [
        ("Summit", _at(18)),
        ("Dinner at Prime Minister's Office of Japan", _at(21, 30)),
    ]


@pytest.mark.parametrize(
    ("later", "titles"),
    [
        # another document, told in another update an hour on: another signing
        (
            "3:00 p.m. Costa and Prime Minister Rui Sato signed a trade agreement.\n",
            ["Signing of a peace declaration", "Signing of a trade agreement"],
        ),
        # within the half hour a ceremony takes: the same one
        (
            "2:10 p.m. Costa and Prime Minister Rui Sato signed a trade agreement.\n",
            ["Signing of a peace declaration"],
        ),
        # who signed, not what: a retelling
        (
            "3:00 p.m. Among the documents signed by the two countries during Costa's visit"
            " is a trade pact.\n",
            ["Signing of a peace declaration"],
        ),
        # the same document, told again
        (
            "3:00 p.m. Costa and Prime Minister Rui Sato signed the peace declaration in front"
            " of cameras.\n",
            ["Signing of a peace declaration"],
        ),
    ],
)
def test_two_documents_signed_an_hour_apart_are_two_signings(
    tmp_path: Path, later: str, titles: list[str]
) -> None:
    body = later + "1:30 p.m. Costa and Prime Minister Rui Sato sign a peace declaration.\n"
    assert [e.title for e in _blog(body + _COSTA, tmp_path)] == titles


def test_a_signing_that_names_no_document_takes_in_the_later_ones(tmp_path: Path) -> None:
    body = (
        "3:00 p.m. Costa and Prime Minister Rui Sato signed a trade agreement.\n"
        "1:30 p.m. Costa and Prime Minister Rui Sato sign documents.\n"
    )
    assert [e.title for e in _blog(body + _COSTA, tmp_path)] == ["Signing of documents"]


def test_documents_told_in_one_update_are_one_signing(tmp_path: Path) -> None:
    body = (
        "3:00 p.m. Costa and Prime Minister Rui Sato signed a peace declaration. The two"
        " leaders also signed a trade agreement.\n"
    )
    assert [e.title for e in _blog(body + _COSTA, tmp_path)] == ["Signing of a peace declaration"]


@pytest.mark.parametrize(
    "headline",
    ["Costa dines at the Grand Hotel", "Costa, business leaders dine at the Grand Hotel"],
)
def test_dining_is_a_meal(tmp_path: Path, headline: str) -> None:
    events = _blog(f"7:30 p.m. {headline}\n" + _COSTA, tmp_path)
    assert [(e.title, e.start) for e in events] == [("Dinner at Grand Hotel", _at(19, 30))]


def test_a_recap_written_as_a_list(tmp_path: Path) -> None:
    """ "Here is what happened today:" and an item a line, each opening with a marker
    ("• She laid a wreath …", "- The two leaders signed …"): each item is read as the
    sentence after its marker."""
    events = _blog(
        "9:00 p.m. Here is what happened today:\n"
        "• She laid a wreath at Hiroshima Peace Memorial Park in the afternoon.\n"
        "- Costa and Prime Minister Rui Sato held talks. The two leaders signed a trade pact.\n"
        + _COSTA,
        tmp_path,
    )
    assert [e.title for e in events] == [
        "Wreath-laying at Hiroshima Peace Memorial Park",
        "Summit with Prime Minister Rui Sato",
        "Signing of a trade pact",
    ]


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        # names no one; its news, under its headline, opens with the royal couples
        (
            "1:30 p.m. Lunch at the Imperial Palace\n"
            "The royal couples are now having a private lunch at the Imperial Palace.\n",
            [("Lunch at Imperial Palace", _at(13, 30))],
        ),
        # a headline alone that opens with a happening is no news of hers
        ("1:30 p.m. Lunch at the Imperial Palace\nCrowds gathered outside.\n", []),
        # a pair named: theirs, not hers
        (
            "1:30 p.m. The two leaders, Prime Minister Rui Sato and King Rui, are having lunch"
            " at the Imperial Palace.\n",
            [],
        ),
    ],
)
def test_an_update_that_names_no_one_and_opens_with_her_pair(
    tmp_path: Path, entry: str, expected
) -> None:
    assert [(e.title, e.start) for e in _blog(entry + _COSTA, tmp_path)] == expected


def test_two_talks_with_two_people_in_one_sentence(tmp_path: Path) -> None:
    """ "was received by the emperor at 10 a.m. and held talks with Sato at noon": two
    meetings, each with its own; talks told twice with one person stay one."""
    body = (
        "1:00 p.m. Costa was received by Emperor Naruhito at the Imperial Palace at 10 a.m."
        " and held talks with Prime Minister Rui Sato at the Akasaka State Guest House at"
        " noon, where the two leaders also held talks on trade.\n"
    )
    assert [(e.title, e.start) for e in _blog(body + _COSTA, tmp_path)] == [
        ("Audience with Emperor Naruhito", _at(10)),
        ("Summit with Prime Minister Rui Sato", _at(12)),
    ]


def test_a_news_story_written_before_the_visit() -> None:
    """A story published on the Sunday before: what it dates after that day is planned,
    whatever its tense ("On Wednesday, she travels to Hiroshima"); "Costa last visited
    Japan in 2027" is background, not a visit on the day of publication; the line that
    says when it was published is no section's day."""
    text = (
        "Costa heads to Japan for three-day state visit\n"
        "Published Sunday 2 November 2031\n"
        "Freedonian President Ana Costa will arrive in Tokyo on Monday evening for a"
        " three-day state visit, the foreign ministry said.\n"
        "Costa will be received by Emperor Naruhito at the Imperial Palace on Tuesday"
        " morning, before holding talks with Prime Minister Kenji Arai at the Akasaka State"
        " Guest House in the afternoon.\n"
        "On Wednesday, she travels to Hiroshima, where she will lay a wreath at the"
        " Hiroshima Peace Memorial Park.\n"
        "Costa last visited Japan in 2027.\n"
    )
    assert [
        (e.title, str(e.start), e.status.value) for e in _article_events(text, "Asia/Tokyo")
    ] == [
        ("Arrival in Tokyo", "2031-11-03 17:00:00+09:00", "planned"),
        ("Audience with Emperor Naruhito", "2031-11-04 06:00:00+09:00", "planned"),
        ("Summit with Prime Minister Kenji Arai", "2031-11-04 12:00:00+09:00", "planned"),
        ("Visit to Hiroshima", "2031-11-05", "planned"),
        ("Wreath-laying at Hiroshima Peace Memorial Park", "2031-11-05", "planned"),
    ]


_COSTA_IN_JAPAN = (
    "Costa in Japan live (Tokyo time)\nPrime Minister Ana Costa of Freedonia is in Japan.\n"
    "Monday, June 2, 2025\n2:30 p.m. Costa lands in Osaka.\n12:30 p.m. Costa is on her way.\n"
    "12:10 p.m. Costa waves.\n"
)
_RUI_IN_ITALY = (
    "King Rui in Italy live\nAll times BST\nKing Rui of Zenda is in Italy.\n"
    "Monday, June 2, 2025\n6:00 p.m. The King lands in Rome.\n12:30 p.m. The King is in London.\n"
    "12:20 p.m. The King smiles.\n"
)
_RUI_ARTICLE = (
    "The visit of King Rui\nKing Rui of Zenda visited Italy from 2 to 4 June 2025. On 3 June"
    " 2025, the King met Prime Minister Kenji Arai in Rome.\n"
)


def _documents(*texts: str) -> list[Document]:
    return [
        read_text(text, f"{n}.txt", ReadOptions(slug=f"s{n}", today=TODAY))
        for n, text in enumerate(texts)
    ]


def test_two_live_blogs_of_two_visits_are_two_stories() -> None:
    """Each blog is read with its own principal (the most named of all was the only one,
    and the other blog gave nothing); the article on the King's visit joins his story;
    each person's events keep ids of their own."""
    docs = _documents(_COSTA_IN_JAPAN, _RUI_IN_ITALY, _RUI_ARTICLE)
    events = itinerary(docs, Gazetteer.load(), Site())
    assert [(e.title, e.uid.split("@")[0]) for e in events] == [
        ("Visit to Italy", "20250602-rui-visit-1"),
        ("Arrival in Osaka", "20250602-ana-costa-arrival-1"),
        ("Arrival in Rome", "20250602-rui-arrival-1"),
        ("Meeting with Prime Minister Kenji Arai", "20250603-rui-meeting-1"),
    ]


def test_one_live_blog_and_its_article_are_one_story() -> None:
    # the ids of one story name no one
    events = itinerary(_documents(_RUI_IN_ITALY, _RUI_ARTICLE), Gazetteer.load(), Site())
    assert [(e.title, e.uid.split("@")[0]) for e in events] == [
        ("Visit to Italy", "20250602-visit-1"),
        ("Arrival in Rome", "20250602-arrival-1"),
        # a day the blog tells nothing of: the article's itinerary of that day
        ("Meeting with Prime Minister Kenji Arai", "20250603-meeting-1"),
    ]


def test_whose_story_each_document_is() -> None:
    from exporter.understand.assemble import _stories

    hosts = (  # on the host, and the King's visit: his story
        "Arai hosts the King\nPrime Minister Kenji Arai of Italy met King Rui on 3 June 2025."
        " Arai said Arai was pleased. Arai thanked Arai's staff.\n"
    )
    other = "The visit of President Lia Moreno\nPresident Lia Moreno visited Peru in 2025.\n"
    unnamed = "Live from Rome\nAll times BST\nMonday, June 2, 2025\n6:00 p.m. Rain.\n"
    his = (  # his own, though it names her, whose story comes first
        "King Rui in Italy\nKing Rui of Zenda visited Italy. The King had seen Prime Minister"
        " Ana Costa in May. The King met Arai. King Rui left.\n"
    )
    docs = _documents(_COSTA_IN_JAPAN, _RUI_IN_ITALY, hosts, other, unnamed, his)
    stories = _stories(docs, Gazetteer.load())
    assert {who: [d.slug for d in story] for who, story in stories.items()} == {
        "Ana Costa": ["s0", "s4"],  # whose, its opening does not say: the first story's
        "Rui": ["s1", "s2", "s5"],
        "Lia Moreno": ["s3"],
    }
    # two blogs of one visit: one story
    assert list(_stories(_documents(_RUI_IN_ITALY, _RUI_IN_ITALY), Gazetteer.load())) == [None]
