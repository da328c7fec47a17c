"""Text made piece by piece, encoded a batch at a time.

Exports of a large archive run to tens of megabytes; writing each batch as soon as it is
encoded means the text, its joined form and its bytes never exist whole at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

#: Characters per batch: large enough that per-write costs vanish, small beside any export.
BATCH = 1 << 16


def utf8_batches(pieces: Iterable[str], *, sep: str = "", size: int = BATCH) -> Iterator[bytes]:
    """The UTF-8 bytes of `sep.join(pieces)`, in batches of about `size` characters."""
    batch: list[str] = []
    length = 0
    first = True
    for piece in pieces:
        batch.append(piece)
        length += len(piece) + len(sep)
        if length >= size:
            if data := _encode(batch, sep, first):
                yield data
            first = False
            batch.clear()
            length = 0
    if batch and (data := _encode(batch, sep, first)):
        yield data


def _encode(batch: list[str], sep: str, first: bool) -> bytes:
    text = sep.join(batch)
    return (text if first else sep + text).encode("utf-8")
