"""Text hygiene: what `clean` drops, changes and keeps, in one scan of the text."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from exporter.textclean import clean

_ZERO_WIDTH = "\u200b\u2060\ufeff"
_OTHER_SPACES = "\u00a0\u2000\u2005\u200a\u202f\u205f\u3000"
_NOT_IN_XML = "\x00\x01\x08\x0b\x0c\x0e\x1f\x7f\x84\x86\x9f\ufffe\uffff\ud800\udfff"
_KEPT = "a Z 9 \t\n\x85’—é東🚀\u200c\u200d\u2028\u2029\u2011"


def _step_by_step(text: str) -> str:
    """Each kind in its own pass: zero-width characters out, other spaces made plain,
    characters XML cannot carry out."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(f"[{_ZERO_WIDTH}]", "", text)
    text = re.sub("[\u00a0\u2000-\u200a\u202f\u205f\u3000]", " ", text)
    bad = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff"
    return re.sub(f"[{bad}]", "", text)


@settings(max_examples=500, deadline=None)
@given(
    st.text(st.sampled_from(_ZERO_WIDTH + _OTHER_SPACES + _NOT_IN_XML + _KEPT + "\r"), max_size=40)
)
@example("Costa\u00a0arrives\u200b at 9:50\x00 a.m.\r\nin Zenda\ufeff\r")
def test_one_scan_cleans_as_a_pass_per_kind(text: str) -> None:
    assert clean(text) == _step_by_step(text)


def test_what_is_kept_and_what_goes() -> None:
    assert clean("a\u00a0b\u3000c") == "a b c"
    assert clean("\ufeffa\u200bb\u2060c") == "abc"
    assert clean("a\x00b\x7fc\x85d\ufffe") == "abc\x85d"  # NEL is a line end XML carries
    assert clean("line\r\nnext\rlast") == "line\nnext\nlast"
    assert clean(_KEPT) == _KEPT
