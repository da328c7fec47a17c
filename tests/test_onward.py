"""Where a departure leads: one pass over a paragraph answers every sentence as the plain
rule does (the first city or country named in the rest of the paragraph, outside the
country it leaves)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.model import Place
from exporter.understand.mentions import Context, Onward, default_minutes
from exporter.understand.people import Cast
from exporter.understand.places import Gazetteer

GAZETTEER = Gazetteer.load()
SENTENCES = [
    "She flies on to Seoul.",
    "Talks in Tokyo went well.",
    "Osaka and Kyoto are next.",
    "Osaka first, then Seoul.",
    "She leaves for Paris tonight.",
    "London waits.",
    "Japan welcomed her.",
    "The mood was warm.",
    "She was at Tokyo Tower.",
    "Reporters in France asked about it.",
]
ORIGINS = [
    None,
    GAZETTEER.lookup("Tokyo"),
    GAZETTEER.lookup("Paris"),
    GAZETTEER.lookup("Seoul"),
    Place("Harbour Hall"),  # named by the text only: no coordinates, no country
]


def _context() -> Context:
    return Context(cast=Cast((), None), gazetteer=GAZETTEER, default_minutes=default_minutes())


def _onward_plain(sentences: list[str], index: int, origin: Place | None, ctx: Context):
    """The rule as first written: read the rest of the paragraph at every departure."""
    home = ctx.gazetteer.country_of(origin) if origin and origin.has_geo else None
    for m in ctx.places_in(" ".join(sentences[index + 1 :])):
        if (
            m.known
            and m.place.kind in ("city", "country")
            and m.preposition in ("to", "for", "in", None)
            and (home is None or ctx.gazetteer.country_of(m.place) != home)
        ):
            return m.place
    return None


def test_the_places_are_in_the_gazetteer() -> None:
    assert all(origin is not None for origin in ORIGINS[1:4])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), max_size=9), st.sampled_from(ORIGINS))
def test_one_pass_answers_every_sentence_as_reading_the_rest_does(
    sentences: list[str], origin: Place | None
) -> None:
    ctx = _context()
    onward = Onward(sentences, ctx)
    for index in range(len(sentences)):
        assert onward.after(index, origin) == _onward_plain(sentences, index, origin, ctx)


def test_a_place_in_the_country_left_is_passed_over() -> None:
    sentences = ["She leaves.", "Osaka and Kyoto are next.", "She flies on to Seoul."]
    onward = Onward(sentences, _context())
    assert onward.after(0, GAZETTEER.lookup("Tokyo")) == GAZETTEER.lookup("Seoul")
    assert onward.after(0, GAZETTEER.lookup("Paris")) == GAZETTEER.lookup("Osaka")
    assert onward.after(0, None) == GAZETTEER.lookup("Osaka")
    assert onward.after(2, None) is None
