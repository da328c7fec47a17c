"""Handing freed memory back to the system between the stages of a build.

feedgen serialises through lxml, whose tree for tens of thousands of entries is freed as
soon as the file is written; glibc's allocator keeps the freed pages all the same, and the
next stage grows the process on top of them. Trimming after the feeds keeps a large
build's peak at the feeds' own, instead of the feeds' plus understanding's.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from functools import cache


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's `malloc_trim`, or None on a C library without it (macOS, musl)."""
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None


def give_back() -> None:
    """Return the heap's free pages to the system, where the C library can."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
