"""URL sources: fetch a live blog over HTTP(S), politely and within limits.

`exporter build https://…` is run again and again while a blog is live, so the fetch is a
conditional GET (ETag / If-Modified-Since, remembered in a small cache folder): an unchanged
page costs the newsroom one 304 and costs us nothing. Only http and https are fetched, a
redirect may not leave them, and a slow or huge response is cut off with an error that says
so, never a hang or a full disk.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from http.client import HTTPException
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from exporter import __version__
from exporter.errors import SourceError

#: No live blog page comes near this; more is an error, not a download.
MAX_BYTES = 20 * 1024 * 1024
#: Seconds for the whole response, not only for each read.
TIMEOUT = 30.0
CACHE_DIR = ".exporter-cache"
_CHUNK = 64 * 1024
_SCHEMES = ("http", "https")


@dataclass(frozen=True)
class Fetched:
    """The bytes of a page and what the server said about them."""

    url: str
    data: bytes
    content_type: str | None
    charset: str | None
    from_cache: bool = False


class _SameSchemes(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s), and only a few of them."""

    max_redirections = 5

    def http_error_302(self, req: Any, fp: Any, code: int, msg: str, headers: Any) -> Any:
        location = headers.get("Location") or headers.get("URI")
        if location:
            newurl = urljoin(req.full_url, location)
            if urlsplit(newurl).scheme.lower() not in _SCHEMES:
                raise SourceError(
                    f"the page redirects to {newurl!r}, which is not http or https",
                    path=req.full_url,
                    hint="give the final address of the page",
                )
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def check_url(url: str) -> None:
    """Refuse what is not an http(s) URL with a host, before any network traffic."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in _SCHEMES:
        raise SourceError(
            f"only http and https addresses can be fetched, not {parts.scheme}://",
            path=url,
            hint="save the page and give the file instead",
        )
    if not parts.hostname:
        raise SourceError("the address has no host name", path=url, hint="check the address")


def fetch(
    url: str,
    cache: Path | None,
    *,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
) -> Fetched:
    """GET `url`, conditionally when `cache` holds an earlier copy; raise SourceError on failure."""
    check_url(url)
    meta, body = _cached(cache, url)
    headers = {
        "User-Agent": f"exporter/{__version__} (live-blog feeds and calendars)",
        "Accept": "text/html, text/plain;q=0.9, */*;q=0.1",
    }
    if meta and body is not None:
        if meta.get("etag"):
            headers["If-None-Match"] = meta["etag"]
        if meta.get("last_modified"):
            headers["If-Modified-Since"] = meta["last_modified"]
    opener = urllib.request.build_opener(_SameSchemes())
    request = urllib.request.Request(url, headers=headers)
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            data = _read_limited(response, url, max_bytes, deadline, timeout)
            info: Message = response.headers
            final = response.geturl()
    except urllib.error.HTTPError as exc:
        if exc.code == 304 and meta and body is not None:
            return Fetched(
                url=meta.get("final_url") or url,
                data=body,
                content_type=meta.get("content_type"),
                charset=meta.get("charset"),
                from_cache=True,
            )
        raise SourceError(
            f"the server answered HTTP {exc.code} {exc.reason}",
            path=url,
            hint="check the address" if 400 <= exc.code < 500 else "try again later",
        ) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise _timed_out(url, timeout) from None
        raise SourceError(
            f"cannot reach the server ({reason})",
            path=url,
            hint="check the address and the network connection",
        ) from None
    except TimeoutError:
        raise _timed_out(url, timeout) from None
    except (HTTPException, OSError) as exc:
        raise SourceError(
            f"the download failed ({exc.__class__.__name__}: {exc})",
            path=url,
            hint="try again later",
        ) from None
    fetched = Fetched(
        url=final,
        data=data,
        content_type=info.get_content_type() if info.get("Content-Type") else None,
        charset=info.get_content_charset(),
    )
    _store(cache, url, fetched, info)
    return fetched


def _read_limited(
    response: Any, url: str, max_bytes: int, deadline: float, timeout: float
) -> bytes:
    """The body, refused as soon as it is known to be too large or too slow.

    `read1` returns whatever one wait on the socket brought (each wait ends within
    `timeout`), so a server that drips its page byte by byte meets the deadline too; a
    plain `read(n)` would wait for all n bytes, however long they take to come.
    """
    length = response.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise _too_large(url, max_bytes)
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise _timed_out(url, timeout)
        chunk = response.read1(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(url, max_bytes)
        chunks.append(chunk)


def _too_large(url: str, max_bytes: int) -> SourceError:
    return SourceError(
        f"the page is larger than {max_bytes // (1024 * 1024)} MB",
        path=url,
        hint="save the part you need to a file and give the file instead",
    )


def _timed_out(url: str, timeout: float) -> SourceError:
    return SourceError(
        f"the server did not answer within {timeout:g} seconds",
        path=url,
        hint="try again later, or save the page and give the file instead",
    )


def _key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]


def _cached(cache: Path | None, url: str) -> tuple[dict | None, bytes | None]:
    """The validators and body of the last successful fetch of `url`, if the cache has them."""
    if cache is None:
        return None, None
    key = _key(url)
    try:
        meta = json.loads((cache / f"{key}.json").read_text("utf-8"))
        body = (cache / f"{key}.body").read_bytes()
    except (OSError, ValueError):
        return None, None
    if not isinstance(meta, dict) or meta.get("url") != url:
        return None, None
    return meta, body


def _store(cache: Path | None, url: str, fetched: Fetched, info: Message) -> None:
    """Remember the page and its validators; a cache that cannot be written is only slower."""
    if cache is None or not (info.get("ETag") or info.get("Last-Modified")):
        return
    key = _key(url)
    meta = {
        "url": url,
        "final_url": fetched.url,
        "etag": info.get("ETag"),
        "last_modified": info.get("Last-Modified"),
        "content_type": fetched.content_type,
        "charset": fetched.charset,
    }
    try:
        cache.mkdir(parents=True, exist_ok=True)
        for name, data in (
            (f"{key}.body", fetched.data),
            (f"{key}.json", json.dumps(meta, indent=1).encode("utf-8")),
        ):
            tmp = cache / f".{name}.tmp"
            tmp.write_bytes(data)
            os.replace(tmp, cache / name)
    except OSError:
        pass
