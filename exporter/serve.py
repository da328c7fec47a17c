"""Serve the output folder over HTTP so calendar apps and feed readers can subscribe locally.

Not ``SimpleHTTPRequestHandler``: it lists directories, follows symlinks out, serves dotfiles
(our manifest) and prints. Subscribers poll, so cheap 304s matter; builds rename files into
place while we serve, so each response must be one whole version of a file, never a mix."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import socket
import socketserver
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterable
from datetime import UTC
from email.utils import formatdate, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote

from exporter import regexes
from exporter.errors import ConfigError, ExportError

MAX_HEAD_BYTES = 8192  # the request line, and separately the whole header block
CACHE_MAX_ENTRIES, CACHE_MAX_FILE_BYTES = 128, 8 * 1024 * 1024  # files; bytes of one file
CONTENT_TYPES = {
    ".ics": "text/calendar; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".png": "image/png",
    ".css": "text/css; charset=utf-8",
}
_KINDS = {".html": "Web page", ".ics": "Calendar", ".rss": "RSS feed", ".atom": "Atom feed"}
_ENTITY_TAG = regexes.compile(r'(?:W/)?"([^"]*)"')
_Log = Callable[[str], None] | None
_Entry = tuple[bytes, str, float]  # (bytes, quoted strong ETag, mtime) of one file version


class _Reject(Exception):
    """Internal: no file for this request; ``args[0]`` is the HTTP status to send."""


def _resolve(out_dir: Path, target: str) -> Path:
    """Map a request target to a regular file inside ``out_dir``, else raise ``_Reject``.

    Segments are decoded one by one, so ``%2f`` cannot smuggle a separator; then the real
    path must stay inside the real folder and not be hidden (symlinks lead nowhere else)."""
    path = target.split("?", 1)[0].split("#", 1)[0]
    if not path.startswith("/") or not path.isascii() or "\\" in path:
        raise _Reject(HTTPStatus.BAD_REQUEST)
    segments = []
    for raw in (path[1:] + "index.html" if path.endswith("/") else path[1:]).split("/"):
        try:
            segment = unquote(raw, errors="strict")
        except UnicodeDecodeError as exc:
            raise _Reject(HTTPStatus.BAD_REQUEST) from exc
        if any(ch in "/\\" or not ch.isprintable() for ch in segment):
            raise _Reject(HTTPStatus.BAD_REQUEST)
        if segment == "" or segment.startswith("."):  # "//", ".", "..", dotfiles
            raise _Reject(HTTPStatus.NOT_FOUND)
        segments.append(segment)
    try:
        root = out_dir.resolve(strict=True)
        real = root.joinpath(*segments).resolve(strict=True)
        inside, mode = real.relative_to(root), real.stat().st_mode
    except (OSError, RuntimeError, ValueError) as exc:
        raise _Reject(HTTPStatus.NOT_FOUND) from exc
    if any(part.startswith(".") for part in inside.parts) or not stat.S_ISREG(mode):
        raise _Reject(HTTPStatus.NOT_FOUND)
    return real


class ExportServer(ThreadingHTTPServer):
    """One output folder (re-resolved per request: a build may swap it) and a file cache."""

    daemon_threads = True  # a stuck client must not keep the process alive on exit
    request_queue_size = 64  # feed readers polling at the same moment should not be refused

    def __init__(self, address: tuple[str, int], out_dir: Path, refresh: int, log: _Log) -> None:
        self.out_dir, self.refresh_seconds, self.log = out_dir, refresh, log
        self._cache: dict[str, tuple[tuple[int, ...], _Entry]] = {}
        self._cache_lock = threading.Lock()
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        """Skip HTTPServer's reverse-DNS lookup of the host: slow, and never used."""
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), self.server_address[1]

    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        """socketserver prints a traceback to stderr here; the core only ever logs."""
        if self.log is not None:
            with contextlib.suppress(Exception):
                self.log(f"{client_address[0]} internal error: {sys.exc_info()[1]!r}")

    def read_file(self, path: Path) -> _Entry:
        """One open, one read, ETag from those bytes: after an atomic rename the open file is
        wholly old or new. The cache key has the inode, so a same-size rewrite is not stale."""
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        try:
            fd = os.open(path, flags)
        except OSError as exc:  # vanished, or swapped for a symlink since _resolve
            raise _Reject(HTTPStatus.NOT_FOUND) from exc
        with open(fd, "rb") as handle:
            st = os.fstat(handle.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise _Reject(HTTPStatus.NOT_FOUND)
            key = (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
            with self._cache_lock:
                cached_key, cached = self._cache.get(str(path), ((), (b"", "", 0.0)))
            if cached_key == key:
                return cached
            data = handle.read()
        entry = (data, '"' + hashlib.sha256(data).hexdigest()[:32] + '"', st.st_mtime)
        if len(data) == st.st_size <= CACHE_MAX_FILE_BYTES:  # not if written in place meanwhile
            with self._cache_lock:
                if len(self._cache) >= CACHE_MAX_ENTRIES:
                    self._cache.clear()
                self._cache[str(path)] = (key, entry)
        return entry


class _Handler(BaseHTTPRequestHandler):
    """GET/HEAD of files in the output folder, with bounded reads and one log line each."""

    server: ExportServer
    protocol_version, server_version, sys_version = "HTTP/1.1", "exporter", ""

    def version_string(self) -> str:
        return self.server_version  # no trailing space for the empty sys_version

    disable_nagle_algorithm = True  # headers and body are two writes: avoid a 40 ms stall
    timeout = 10.0  # seconds a connection may stall on one read or write
    #: Seconds for a whole request line and header block, however it trickles in: a client
    #: sending a byte now and then would otherwise hold its thread for hours.
    head_timeout = 10.0
    _status: int | None = None
    _deadline = 0.0

    def handle_one_request(self) -> None:
        self._status, self._sent = None, 0
        try:
            self._handle()
            self.wfile.flush()
        except OSError:  # timeout, reset by the client, or a failing disk: drop the connection
            self.close_connection = True
        finally:
            if self._status is not None and self.server.log is not None:
                request = json.dumps(self.requestline[:300])  # quoted, control chars escaped
                line = f"{self.client_address[0]} {request} {self._status} {self._sent}"
                with contextlib.suppress(Exception):  # a broken logger must not stop serving
                    self.server.log(line)

    def _handle(self) -> None:
        self._deadline = time.monotonic() + self.head_timeout
        line = self._readline(MAX_HEAD_BYTES + 1)
        if not line:
            self.close_connection = True
            return
        self.raw_requestline, self.requestline = line, line.decode("latin-1").rstrip("\r\n")
        self.command, self.request_version = "", ""
        if len(line) > MAX_HEAD_BYTES or len(self.requestline.split()) != 3:  # or HTTP/0.9
            return self.send_error(414 if len(line) > MAX_HEAD_BYTES else 400)
        head = self._read_head()
        self.connection.settimeout(self.timeout)  # the head is in: back to stalls per write
        if head is None:
            return self.send_error(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE)
        # parse_request() reads headers from self.rfile: hand it only the bounded block.
        socket_file, self.rfile = self.rfile, io.BytesIO(head)
        try:
            parsed = self.parse_request()
        finally:
            self.rfile = socket_file
        if not parsed:
            return None
        if self.command not in ("GET", "HEAD"):
            return self.send_error(HTTPStatus.METHOD_NOT_ALLOWED)  # closes: body left unread
        if self.headers.get("Content-Length", "0") != "0" or self.headers["Transfer-Encoding"]:
            self.close_connection = True  # never parse a request body as the next request
        return self._serve_file()

    def _read_head(self) -> bytes | None:  # None: the header block passed MAX_HEAD_BYTES
        head = b""
        while len(head) <= MAX_HEAD_BYTES:
            line = self._readline(MAX_HEAD_BYTES - len(head) + 1)
            head += line
            if line in (b"\r\n", b"\n", b""):
                return head if len(head) <= MAX_HEAD_BYTES else None
        return None

    def _readline(self, limit: int) -> bytes:
        """`rfile.readline(limit)` by the head's deadline: each wait on the socket is given
        only the time left (`readline` would give every one the whole timeout), and takes at
        most one read from it (`peek`); TimeoutError once the time is up."""
        line = b""
        while len(line) < limit:
            left = self._deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("the request head took too long")
            self.connection.settimeout(min(left, self.timeout))
            buffered = self.rfile.peek(1)
            if not buffered:
                break  # the client closed
            end = buffered.find(b"\n", 0, limit - len(line))
            line += self.rfile.read(end + 1 if end >= 0 else min(len(buffered), limit - len(line)))
            if end >= 0:
                break
        return line

    def _serve_file(self) -> None:
        try:
            path = _resolve(self.server.out_dir, self.path)
            data, etag, mtime = self.server.read_file(path)
        except _Reject as rejected:
            return self.send_error(rejected.args[0])
        headers = {
            "ETag": etag,
            "Last-Modified": formatdate(mtime, usegmt=True),
            "Cache-Control": f"public, max-age={self.server.refresh_seconds}",
            "X-Content-Type-Options": "nosniff",
        }
        if self._not_modified(etag, mtime):
            return self._respond(HTTPStatus.NOT_MODIFIED, None, headers)
        headers["Content-Type"] = CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream")
        return self._respond(HTTPStatus.OK, data, headers)

    def _not_modified(self, etag: str, mtime: float) -> bool:
        """RFC 7232 §6: If-None-Match (weak comparison) wins, else If-Modified-Since."""
        if none_match := self.headers.get_all("If-None-Match"):
            value = ",".join(none_match).strip()
            return value == "*" or etag.strip('"') in _ENTITY_TAG.findall(value)
        try:
            since = parsedate_to_datetime(self.headers.get("If-Modified-Since", ""))
        except (TypeError, ValueError, IndexError, OverflowError):
            return False  # absent or unparsable: RFC 7232 says ignore it
        return int(mtime) <= since.replace(tzinfo=since.tzinfo or UTC).timestamp()

    def _respond(self, status: int, body: bytes | None, headers: dict[str, str]) -> None:
        """Status, headers, then the body unless HEAD; a 304 (body None) has no length."""
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if body is not None:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)
            self._sent = len(body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Short plain-text errors; keep the connection only after a 404 (a normal outcome)."""
        headers = {"Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff"}
        headers |= {"Allow": "GET, HEAD"} if code == HTTPStatus.METHOD_NOT_ALLOWED else {}
        headers |= {} if code == HTTPStatus.NOT_FOUND else {"Connection": "close"}
        self._respond(code, f"{code} {HTTPStatus(code).phrase}\n".encode(), headers)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Only note the status: the one log line is written after the reply is out."""
        self._status = int(code) if isinstance(code, int) else 0

    def log_message(self, format: str, *args: object) -> None:
        """Silent: the core never prints; callers get lines through ``log``."""


def make_server(
    out_dir: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    refresh_seconds: int = 3600,
    log: _Log = None,
) -> ThreadingHTTPServer:
    """Bind (loopback by default: the exports are personal) and return the server unstarted,
    so the caller owns ``serve_forever()``/``shutdown()`` and can read the real port."""
    if not Path(out_dir).is_dir():
        raise ExportError("output folder not found", path=str(out_dir), hint="run an export first")
    if refresh_seconds < 0 or not 0 <= port <= 65535:
        hint = "use a port from 0 to 65535 and a refresh of zero or more seconds"
        raise ConfigError(f"cannot serve on port {port}, refresh {refresh_seconds}s", hint=hint)
    try:
        return ExportServer((host, port), Path(out_dir).absolute(), refresh_seconds, log)
    except OSError as exc:
        hint = "choose another port, or stop the program already using it"
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror}", hint=hint) from exc


def subscription_urls(out_dir: Path, host: str, port: int) -> list[tuple[str, str]]:
    """(label, url) for each page, calendar and feed the server would serve; calendars also
    get ``webcal://``, which makes calendar apps offer "subscribe" instead of a one-off
    import. Wildcard hosts become loopback: a 0.0.0.0 URL cannot be opened."""
    host = {"": "127.0.0.1", "0.0.0.0": "127.0.0.1", "::": "::1"}.get(host, host)
    authority = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    found = []
    for name in os.listdir(out_dir) if Path(out_dir).is_dir() else []:
        suffix = Path(name).suffix.lower()
        if suffix in _KINDS:
            with contextlib.suppress(_Reject):
                _resolve(Path(out_dir), "/" + quote(name))  # the server's own rules
                found.append((list(_KINDS).index(suffix), name, suffix))
    urls: list[tuple[str, str]] = []
    for _, name, suffix in sorted(found):
        path = "/" if name == "index.html" else "/" + quote(name)
        urls.append((f"{_KINDS[suffix]}: {name}", f"http://{authority}{path}"))
        if suffix == ".ics":
            urls.append((f"{_KINDS[suffix]} (webcal): {name}", f"webcal://{authority}{path}"))
    return urls


class Watcher:
    """Poll mtimes and call ``rebuild()`` on change, for ``--watch``: standard library only,
    works on network mounts. Directories are walked, skipping dotfiles (editor swap files).
    A failing rebuild goes to ``on_error`` and polling goes on, as the next save usually
    fixes it. Do not watch the output folder, or each rebuild would trigger the next."""

    def __init__(
        self,
        paths: Iterable[Path],
        rebuild: Callable[[], object],
        *,
        interval: float = 1.0,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self._paths, self._rebuild = [Path(p) for p in paths], rebuild
        self._interval, self._on_error = interval, on_error
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last: dict[str, tuple[int, int] | None] = {}
        self.last_error: BaseException | None = None

    def start(self) -> None:
        """Take the baseline now, so a change right after ``start()`` returns is seen."""
        if self._thread is not None:
            raise RuntimeError("watcher already started")
        self._stop.clear()
        self._last = self._snapshot()
        self._thread = threading.Thread(target=self._run, name="exporter-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop polling; wait for a rebuild in progress unless called from ``rebuild``."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            current = self._snapshot()
            if current == self._last:
                continue
            self._last = current  # pre-rebuild: an edit made during a rebuild triggers one more
            try:
                self._rebuild()
            except BaseException as exc:  # the thread must outlive any failure
                self.last_error = exc
                if self._on_error is not None:
                    with contextlib.suppress(Exception):
                        self._on_error(exc)

    def _snapshot(self) -> dict[str, tuple[int, int] | None]:
        files = [path for path in self._paths if not path.is_dir()]
        for path in self._paths:
            for root, dirs, names in os.walk(path):  # yields nothing for a file
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                files.extend(Path(root, n) for n in names if not n.startswith("."))
        state: dict[str, tuple[int, int] | None] = dict.fromkeys(map(str, files))
        for file in files:
            with contextlib.suppress(OSError):  # missing stays None: deleting is a change too
                state[str(file)] = ((st := file.stat()).st_mtime_ns, st.st_size)
        return state
