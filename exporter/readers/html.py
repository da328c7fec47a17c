"""Saved web pages: the article's text out of the HTML, one line per block, for the text readers.

A live blog saved from a browser is mostly not the blog: navigation, the site's header and
footer, share buttons, newsletters, "most read" lists, scripts. What is left after dropping
those — paragraphs, headings, list items, and `<time datetime>` stamps — is the same text a
person would copy, so the text readers take it from there. The parser is lxml's HTML parser
with the network off and the tree size limits on; the HTML parser never expands external
entities (it has no DTD processing to switch off), so a hostile page cannot read local files.

Each line keeps the source line it came from, so errors point into the saved page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from exporter import regexes
from exporter.errors import SourceError
from exporter.lexicon import MONTHS, WEEKDAYS

if TYPE_CHECKING:  # lxml is imported only when a page is read: text-only builds never pay
    from lxml import etree

#: Elements that never hold the article's text.
_DROP = frozenset(
    """
    nav aside script style form noscript template iframe svg button select textarea input
    label figure picture video audio canvas object embed head menu dialog map meta link
    """.split()
)
#: Elements whose end is the end of a line of text.
_BLOCKS = frozenset(
    """
    p h1 h2 h3 h4 h5 h6 li blockquote dt dd pre td th caption address div section article
    main header footer ul ol dl table tbody thead tfoot tr body html hr figcaption details
    summary center
    """.split()
)
#: class/id words of page furniture, not article text.
_FURNITURE = regexes.compile(
    r"(?:^|[\s_-])(?:share|sharing|social|newsletter|promo|advert|advertisement|ads?|cookies?"
    r"|subscribe|subscription|breadcrumbs?|sidebar|comments?|related|recommended|most-read"
    r"|outbrain|taboola|popup|modal|paywall|skip|sr-only|visually-hidden|byline-social)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
_SPACE = regexes.compile(r"\s+")
_DATETIME = regexes.compile(
    r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$"
)
_CHARSET = regexes.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_DECL = regexes.compile(r"^\s*<\?xml[^>]*\?>")
#: Full English names (the longest spelling in the lexicon), so headers never depend on locale.
_MONTH_NAMES = {
    n: max((k for k, v in MONTHS.items() if v == n), key=len).title() for n in range(1, 13)
}
_WEEKDAY_NAMES = {
    n: max((k for k, v in WEEKDAYS.items() if v == n), key=len).title() for n in range(7)
}


def looks_like_html(data: bytes, name: str = "") -> bool:
    """A saved page: named .html/.htm, or opening with a doctype or an <html> tag."""
    if name.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return (
        head.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in data[:4096].lower()
    )


def charset_of(data: bytes, declared: str | None = None) -> str | None:
    """The page's character set: the HTTP header's, else its <meta charset>, else None."""
    if declared:
        return declared.strip().lower()
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


@dataclass
class _Stats:
    text: int = 0
    links: int = 0
    link_text: int = 0
    times: int = 0


def html_lines(text: str, path: str) -> list[tuple[int, str]]:
    """The article's blocks as (source line, text), title first, furniture dropped."""
    from lxml import etree

    parser = etree.HTMLParser(
        no_network=True, huge_tree=False, remove_comments=True, remove_pis=True
    )
    try:
        root = etree.fromstring(_XML_DECL.sub("", text, count=1), parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise SourceError(f"cannot parse the web page ({exc})", path=path) from None
    if root is None:
        raise SourceError("the web page is empty", path=path, hint="save the page again")
    too_deep = next((e for e in parser.error_log if "Excessive depth" in e.message), None)
    if too_deep is not None:  # libxml2 stops there: the rest of the page would be lost
        raise SourceError(
            "the web page nests its elements too deeply to be read whole (over 256 levels)",
            path=path,
            line=too_deep.line,
            hint="copy the page's text into a .txt file and give that instead",
        )
    lines: list[tuple[int, str]] = []
    title = _title(root)
    if title is not None:
        lines.append((title[1], title[2]))
    body = _main(root)
    stats: dict[etree._Element, _Stats] = {}
    _measure(body, stats)
    walker = _Walker(lines, stats, skip=title[0] if title else None)
    walker.walk(body)
    walker.flush()
    if len(lines) <= (1 if title else 0):
        raise SourceError(
            "the web page has no article text (after dropping navigation, headers, footers "
            "and link lists)",
            path=path,
            hint="save the page once it has loaded, or copy its text into a .txt file",
        )
    return lines


def _text(element: etree._Element) -> str:
    return _SPACE.sub(" ", "".join(element.itertext())).strip()


def _title(root: etree._Element) -> tuple[etree._Element, int, str] | None:
    """The headline: the first <h1>, else og:title, else <title>."""
    for xpath in ("//h1", "//meta[@property='og:title']", "//title"):
        for element in root.xpath(xpath):
            text = element.get("content") if element.tag == "meta" else _text(element)
            if text:
                return element, element.sourceline or 1, _SPACE.sub(" ", text).strip()
    return None


def _main(root: etree._Element) -> etree._Element:
    """Where the article lives: <main> or role=main when the page marks it, else <body>."""
    for xpath in ("//main", "//*[@role='main']", "//body"):
        found = root.xpath(xpath)
        if found:
            return found[0]
    return root


def _dropped(element: etree._Element) -> bool:
    """Furniture by tag, by role, by class/id words, or hidden."""
    tag = element.tag
    if not isinstance(tag, str):
        return True
    if tag in _DROP:
        return True
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    role = (element.get("role") or "").lower()
    if role in ("navigation", "banner", "contentinfo", "complementary", "search", "dialog"):
        return True
    words = f"{element.get('class') or ''} {element.get('id') or ''}"
    return bool(words.strip()) and bool(_FURNITURE.search(words))


def _measure(element: etree._Element, stats: dict[etree._Element, _Stats]) -> _Stats:
    """Text, link text and <time> counts of every element, bottom up, in one pass."""
    own = _Stats(text=len((element.text or "").strip()))
    for child in element:
        if isinstance(child.tag, str):
            sub = _measure(child, stats)
            own.text += sub.text
            own.links += sub.links
            own.link_text += sub.link_text
            own.times += sub.times
        own.text += len((child.tail or "").strip())
    if element.tag == "a":
        own.links += 1
        own.link_text = own.text
    if element.tag == "time":
        own.times += 1
    stats[element] = own
    return own


class _Walker:
    """Turns the kept tree into lines: inline content accumulates, a block boundary ends it."""

    def __init__(
        self,
        lines: list[tuple[int, str]],
        stats: dict[etree._Element, _Stats],
        skip: etree._Element | None,
    ) -> None:
        self.lines = lines
        self.stats = stats
        self.skip = skip
        self.buffer: list[str] = []
        self.has_text = False  # whether the buffer holds more than white space
        self.line = 1

    def flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self.buffer)).strip()
        self.buffer = []
        self.has_text = False
        if text:
            self.lines.append((self.line, text))

    def add(self, text: str | None, line: int | None) -> None:
        if not text:
            return
        if not self.has_text and text.strip():
            self.line = line or self.line
            self.has_text = True
        self.buffer.append(text)

    def walk(self, element: etree._Element) -> None:
        if element is self.skip or _dropped(element) or self._link_list(element):
            return
        tag = element.tag
        if tag in ("header", "footer") and not self._inside_article(element):
            return  # the site's masthead and footer; an entry's own header holds its stamp
        block = tag in _BLOCKS
        if block or tag == "br":
            self.flush()
        if tag == "time" and self._stamp(element):
            return
        self.add(element.text, element.sourceline)
        for child in element:
            if isinstance(child.tag, str):
                self.walk(child)
            self.add(child.tail, child.sourceline)
        if block:
            self.flush()

    def _inside_article(self, element: etree._Element) -> bool:
        s = self.stats.get(element)
        has_time = s is not None and s.times > 0
        in_article = any(True for _ in element.iterancestors("article"))
        return in_article and (element.tag == "header" or has_time)

    def _link_list(self, element: etree._Element) -> bool:
        """Boilerplate blocks are mostly links: menus, "most read", tag clouds, share rows."""
        if element.tag not in _BLOCKS or element.tag in ("body", "html", "main", "article"):
            return False
        s = self.stats.get(element)
        if s is None or s.text == 0 or s.times or s.links == 0:
            return False
        dense = s.link_text / s.text > 0.6
        return dense and (s.links >= 3 or s.text < 120)

    def _stamp(self, element: etree._Element) -> bool:
        """A <time datetime> that opens a line is an update's stamp: written out in a form the
        text reader knows exactly ("Sunday 26 October 2025" then "01:10 UTC+00:00"), since the
        attribute is the instant and the visible text may be "2h ago". Without an offset the
        time is the page's own clock; a date-only attribute leaves the visible text."""
        if self.has_text:
            return False
        value = (element.get("datetime") or "").strip()
        if not _DATETIME.match(value):
            return False
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T"))
        except ValueError:
            return False
        line = element.sourceline or self.line
        day = (
            f"{_WEEKDAY_NAMES[moment.weekday()]} {moment.day} "
            f"{_MONTH_NAMES[moment.month]} {moment.year}"
        )
        # A header before every such stamp: its date and offset are exact, so no midnight
        # guessing may move it (a page can mix offsets, "…Z" next to "…+09:00").
        self.lines.append((line, day))
        stamp = f"{moment:%H:%M}"
        offset = moment.utcoffset()
        if offset is not None:
            minutes = int(offset.total_seconds()) // 60
            sign = "+" if minutes >= 0 else "-"
            stamp += f" UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        self.lines.append((line, stamp))
        return True
