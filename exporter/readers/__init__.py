"""Readers turn a source (file, saved web page or URL) into a Document; `detect` picks the
reader that fits.

One reader per document kind, in a registry (the way pelican keeps one reader per format),
so a new kind is one module and one line here. Saved pages and fetched URLs become numbered
text lines first (`readers.html`), so every kind of document is read from lines.

The readers are imported when a source is read, not with the package: understanding uses
`readers.stamps` alone, and a process that only understands (`parallel.standing_by`)
would otherwise load every reader for nothing (7 ms).
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from pathlib import Path

from exporter.errors import SourceError
from exporter.model import Document
from exporter.readers.options import ReadOptions
from exporter.textclean import clean, decode, is_furniture, lines_of

Reader = Callable[[list[tuple[int, str]], str, ReadOptions], Document]


@cache
def readers() -> dict[str, Reader]:
    """Each document kind's reader."""
    from exporter.readers.article import read_article
    from exporter.readers.liveblog import read_liveblog

    return {"liveblog": read_liveblog, "article": read_article}


#: Larger sources are refused before decoding: no real live blog comes near this.
MAX_BYTES = 64 * 1024 * 1024


def detect(lines: list[tuple[int, str]]) -> str:
    """The kind of a document from its shape: stamped lines make a live blog."""
    from exporter.readers.liveblog import looks_like_liveblog

    return "liveblog" if looks_like_liveblog(lines) else "article"


def read_text(text: str, path: str, options: ReadOptions) -> Document:
    """Read already-decoded plain text (used by tests and by text sources)."""
    return read_lines(lines_of(clean(text)), path, options)


def read_lines(lines: list[tuple[int, str]], path: str, options: ReadOptions) -> Document:
    """Read numbered, clean, non-blank lines with the reader their shape (or config) asks for."""
    if not lines:
        raise SourceError("the document is empty", path=path, hint="give a file with text in it")
    kind = options.kind or detect(lines)
    known = readers()
    if kind not in known:
        raise SourceError(
            f"unknown document kind {kind!r}",
            path=path,
            hint=f"use one of: {', '.join(sorted(known))}",
        )
    return known[kind](lines, path, options)


_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"


def _looks_binary(head: bytes) -> bool:
    """More than 5% control bytes is a binary file; a few strays are cleaned on read."""
    if not head:
        return False
    controls = sum(head.count(bytes([b])) for b in _CONTROL)
    return controls * 20 > len(head)


def read_path(path: Path, options: ReadOptions, display: str | None = None) -> Document:
    """Read a source file from disk, naming it as `display` in errors."""
    name = display or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SourceError(
                f"file is too large ({size} bytes; the limit is {MAX_BYTES})",
                path=name,
                hint="split the archive into smaller files",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError("file not found", path=name, hint="check the path") from None
    except IsADirectoryError:
        raise SourceError("is a directory, not a file", path=name) from None
    except PermissionError:
        raise SourceError("permission denied", path=name) from None
    return read_bytes(data, name, options)


def read_bytes(
    data: bytes,
    name: str,
    options: ReadOptions,
    content_type: str | None = None,
    charset: str | None = None,
) -> Document:
    """Read a source's bytes: a saved web page (by name, media type or shape) or plain text."""
    from exporter.readers.html import charset_of, html_lines, looks_like_html

    html = content_type in ("text/html", "application/xhtml+xml") or looks_like_html(data, name)
    if _looks_binary(data[:8192]) and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError("binary file, not text", path=name, hint="give a .txt or .html source")
    if not html:
        return read_text(decode(data, name), name, options)
    text = _decode_page(data, name, charset_of(data, charset))
    lines = []
    for number, raw in html_lines(text, name):
        line = " ".join(clean(raw).split())
        if line and not is_furniture(line):
            lines.append((number, line))
    return read_lines(lines, name, options)


def _decode_page(data: bytes, name: str, charset: str | None) -> str:
    """A page in its declared character set; UTF-8 (strictly, naming a bad byte) otherwise."""
    if charset is None or charset.replace("_", "-") in ("utf-8", "utf8", "us-ascii", "ascii"):
        return decode(data, name)
    try:
        codecs.lookup(charset)
    except LookupError:
        raise SourceError(
            f"the page declares an unknown character set {charset!r}",
            path=name,
            hint="save the page as UTF-8",
        ) from None
    return data.decode(charset, errors="replace")


def read_url(
    url: str, options: ReadOptions, cache: Path | None, *, display: str | None = None
) -> Document:
    """Fetch a page (conditionally, through `cache`) and read it; its address is its link."""
    from exporter.fetch import fetch

    fetched = fetch(url, cache)
    options = replace(options, url=options.url or fetched.url)
    return read_bytes(fetched.data, display or url, options, fetched.content_type, fetched.charset)
