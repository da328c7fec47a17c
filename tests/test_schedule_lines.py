"""A schedule's items, read as the clauses they stand for."""

from __future__ import annotations

import pytest

from exporter.understand.schedule_lines import ScheduleLine, clause, reading, schedule_line


@pytest.mark.parametrize(
    ("item", "past", "future"),
    [
        ("Arrival at Zenda Airport", "arrived at Zenda Airport", "will arrive at Zenda Airport"),
        ("departure for Avalon", "departed for Avalon", "will depart for Avalon"),
        ("Official visit to the cathedral", "visited the cathedral", "will visit the cathedral"),
        ("Tour of the shipyard", "toured the shipyard", "will tour the shipyard"),
        ("Courtesy call on Rui Sato", "met Rui Sato", "will meet Rui Sato"),
        ("Bilateral meeting with Rui Sato", "met with Rui Sato", "will meet with Rui Sato"),
        ("Talks with Rui Sato", "held talks with Rui Sato", "will hold talks with Rui Sato"),
        ("audience with King Rui", "had an audience with King Rui", None),
        ("Keynote address to the assembly", "gave a speech to the assembly", None),
        ("Signing of a treaty", "signed a treaty", "will sign a treaty"),
        ("Wreath-laying at the memorial", "laid a wreath at the memorial", None),
        ("Attendance at the summit", "attended the summit", None),
        ("Return to Avalon", "flew back to Avalon", "will fly back to Avalon"),
        ("Transfer to Zenda", "travelled to Zenda", None),
        ("Holy Mass in the cathedral", "celebrated Mass in the cathedral", None),
        # a happening's own noun: had, or to be had
        ("State banquet at the palace", "had state banquet at the palace", None),
        (
            "Joint press conference",
            "had joint press conference",
            "will have joint press conference",
        ),
        ("Signing ceremony at the palace", "had signing ceremony at the palace", None),
        ("Avalon–Zenda summit meeting", "had Avalon–Zenda summit meeting", None),
        ("15:00 – Arrival at Zenda Airport", "arrived at Zenda Airport", None),
    ],
)
def test_an_item_stands_for_its_clause(item: str, past: str, future: str | None) -> None:
    assert clause(item, future=False) == past
    if future is not None:
        assert clause(item, future=True) == future


@pytest.mark.parametrize(
    "item",
    [
        "Rui Sato arrived at the palace",
        "Reactions",
        "Visitors from Avalon",
        "Arrival of the guests",
    ],
)
def test_an_item_that_names_no_happening_of_the_principal_is_none(item: str) -> None:
    assert clause(item, future=False) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "3 November: Arrival at Zenda Airport; audience with King Rui.",
            ScheduleLine(
                "3 November", ("Arrival at Zenda Airport", "audience with King Rui"), "3 November: "
            ),
        ),
        (
            "Tuesday, 4 November – Talks with Rui Sato",
            ScheduleLine("Tuesday, 4 November", ("Talks with Rui Sato",), "Tuesday, 4 November – "),
        ),
        (
            "5 November (Wednesday): 09:30 visit to the port",
            ScheduleLine("5 November", ("09:30 visit to the port",), "5 November (Wednesday): "),
        ),
        (
            "15:00 – Arrival at Zenda Airport",
            ScheduleLine("15:00", ("Arrival at Zenda Airport",), "15:00 – "),
        ),
        (  # a table's row: its other cells ("Zenda") are no happenings
            "| 3 November | Zenda | Arrival at Zenda Airport; audience with King Rui |",
            ScheduleLine(
                "3 November", ("Arrival at Zenda Airport", "audience with King Rui"), "3 November: "
            ),
        ),
        ("| Date | Place | Events |", None),  # its heading
        ("|---|---|---|", None),
        ("4 June: Costa arrived at the palace.", None),  # prose
        ("3 November: remarks by the mayor.", None),  # no item opens with a happening
        ("A long opening that runs well past forty characters: visit to the port", None),
    ],
)
def test_a_schedule_line_and_its_items(text: str, expected: ScheduleLine | None) -> None:
    assert schedule_line(text) == expected


def test_an_item_is_quoted_with_its_day_and_read_with_it() -> None:
    line = schedule_line("3 November: Arrival at Zenda Airport; audience with King Rui.")
    assert line is not None
    assert line.quotes == (
        "3 November: Arrival at Zenda Airport",
        "3 November: … audience with King Rui",
    )
    assert reading("3 November", "09:30 visit to the port", dated=True, future=False) == (
        "On 3 November at 09:30, she visited the port."
    )
    assert reading("15:00", "Arrival at Zenda Airport", dated=False, future=True) == (
        "At 15:00, she will arrive at Zenda Airport."
    )
