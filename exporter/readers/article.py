"""Article reader: a narrative text of paragraphs and section headings.

An article has no stamps; its dates live in the prose ("On October 28, 2025, …"), which the
understanding stage resolves. The reader keeps paragraphs with their line numbers and tells
headings apart so evidence can cite where it came from.
"""

from __future__ import annotations

import re

from exporter import regexes, zones
from exporter.errors import SourceError
from exporter.model import Document, Paragraph
from exporter.readers.options import ReadOptions
from exporter.sentences import split_sentences

#: An encyclopedia's marks in running text: "[2]", "[a]", "[note 1]", "[citation needed]",
#: "[edit]". Kept, "… by Rui Sato.[2] On 4 June, …" is one sentence to the splitter.
_MARKS = regexes.compile(r"\[(?:\d{1,3}|[a-z]|(?:note|nb) \d{1,3}|citation needed|edit)\]", re.I)


def _is_heading(text: str) -> bool:
    """Short lines without closing punctuation are section headings."""
    return len(text) <= 90 and not re.search(r"[.!?:;,\"”')]$", text) and len(text.split()) <= 12


def read_article(lines: list[tuple[int, str]], path: str, options: ReadOptions) -> Document:
    """Build a Document holding the article's paragraphs; its zone comes from options."""
    if not lines:
        raise SourceError("the document is empty", path=path, hint="give a file with text in it")
    unmarked = [(n, _MARKS.sub("", t).strip()) for n, t in lines]
    paragraphs = tuple(Paragraph(text=t, line=n, heading=_is_heading(t)) for n, t in unmarked if t)
    body = [p for p in paragraphs if not p.heading]
    if not body:
        raise SourceError(
            "no paragraphs found, only headings",
            path=path,
            line=lines[0][0],
            hint="give a file with running text",
        )
    first = paragraphs[0]
    title = first.text if first.heading else split_sentences(first.text)[0]
    zone = zones.check_zone(options.zone) if options.zone else ""
    return Document(
        path=path,
        kind="article",
        title=options.title or title,
        zone=zone,
        slug=options.slug,
        intro=(body[0].text,),
        paragraphs=paragraphs,
        url=options.url,
    )
