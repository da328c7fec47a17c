"""URL sources against a local HTTP server on 127.0.0.1 (started and stopped by each test)."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from exporter.build import build, read_sources
from exporter.config import Config, SourceConfig, is_url
from exporter.errors import SourceError
from exporter.fetch import fetch
from tests.paths import FIXTURES, TODAY

PAGE = (FIXTURES / "formats" / "saved-page-typhoon.html").read_bytes()
TEXT = (FIXTURES / "formats" / "wire-refinery-fire-gmt.txt").read_bytes()


class _Handler(BaseHTTPRequestHandler):
    """Routes of the test server; every request is recorded with its headers."""

    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        self.server.requests.append((self.path, dict(self.headers)))
        route = self.path
        if route == "/blog.html":
            if self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.end_headers()
                return
            self._send(200, PAGE, "text/html; charset=utf-8", ETag='"v1"')
        elif route == "/wire":
            since = self.headers.get("If-Modified-Since")
            if since == "Wed, 29 Oct 2025 14:10:00 GMT":
                self.send_response(304)
                self.end_headers()
                return
            self._send(
                200, TEXT, "text/plain", **{"Last-Modified": "Wed, 29 Oct 2025 14:10:00 GMT"}
            )
        elif route == "/missing":
            self._send(404, b"not here", "text/plain")
        elif route == "/broken":
            self._send(503, b"down", "text/plain")
        elif route == "/slow":
            time.sleep(1.5)
            self._send(200, TEXT, "text/plain")
        elif route == "/drip":  # a byte at a time, each well within the read timeout
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            with contextlib.suppress(OSError):  # the client gave up
                for byte in TEXT[:40]:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.1)
        elif route == "/huge":
            self._send(200, b"x" * 5000, "text/plain")
        elif route == "/stream":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(50):
                self.wfile.write(b"y" * 200)
        elif route == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
        elif route == "/moved":
            self.send_response(301)
            self.send_header("Location", "/wire")
            self.end_headers()
        else:
            self._send(404, b"", "text/plain")

    def _send(self, code: int, body: bytes, kind: str, **headers: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        with contextlib.suppress(OSError):  # the client gave up (the timeout test)
            self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    requests: list[tuple[str, dict[str, str]]]


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Server]:
    """A server on 127.0.0.1 for one test; a timer stops it even if the test hangs."""
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    guard = threading.Timer(30, httpd.shutdown)
    guard.daemon = True
    guard.start()
    try:
        yield httpd
    finally:
        guard.cancel()
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def url(server: _Server, route: str) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}{route}"


def test_etag_makes_the_second_fetch_conditional(server: _Server, tmp_path: Path) -> None:
    first = fetch(url(server, "/blog.html"), tmp_path)
    second = fetch(url(server, "/blog.html"), tmp_path)
    assert (first.data, first.from_cache, first.content_type) == (PAGE, False, "text/html")
    assert (second.data, second.from_cache) == (PAGE, True)
    assert "If-None-Match" not in server.requests[0][1]
    assert server.requests[1][1]["If-None-Match"] == '"v1"'


def test_last_modified_makes_the_second_fetch_conditional(server: _Server, tmp_path: Path) -> None:
    fetch(url(server, "/wire"), tmp_path)
    again = fetch(url(server, "/wire"), tmp_path)
    assert again.from_cache and again.data == TEXT
    assert server.requests[1][1]["If-Modified-Since"] == "Wed, 29 Oct 2025 14:10:00 GMT"


def test_without_a_cache_every_fetch_is_whole(server: _Server) -> None:
    assert not fetch(url(server, "/blog.html"), None).from_cache
    assert not fetch(url(server, "/blog.html"), None).from_cache


@pytest.mark.parametrize(
    ("route", "message"),
    [
        ("/missing", "the server answered HTTP 404 Not Found"),
        ("/broken", "the server answered HTTP 503 Service Unavailable"),
        ("/to-file", "the page redirects to 'file:///etc/passwd', which is not http or https"),
    ],
)
def test_http_problems_are_clear_errors(server: _Server, route: str, message: str) -> None:
    with pytest.raises(SourceError) as err:
        fetch(url(server, route), None)
    assert message in err.value.message
    assert url(server, route) in err.value.message


def test_redirect_within_http_is_followed(server: _Server) -> None:
    got = fetch(url(server, "/moved"), None)
    assert got.data == TEXT and got.url.endswith("/wire")


def test_slow_server_times_out(server: _Server) -> None:
    started = time.monotonic()
    with pytest.raises(SourceError, match=r"did not answer within 0\.3 seconds"):
        fetch(url(server, "/slow"), None, timeout=0.3)
    assert time.monotonic() - started < 1.4


def test_a_page_dripped_byte_by_byte_meets_the_deadline_too(server: _Server) -> None:
    started = time.monotonic()
    with pytest.raises(SourceError, match=r"did not answer within 0\.5 seconds"):
        fetch(url(server, "/drip"), None, timeout=0.5)
    assert time.monotonic() - started < 1.5  # not the 4 s the whole drip takes


@pytest.mark.parametrize("route", ["/huge", "/stream"])
def test_size_limit(server: _Server, route: str) -> None:
    with pytest.raises(SourceError, match="larger than"):
        fetch(url(server, route), None, max_bytes=4096)


def test_offline_is_a_clear_error(server: _Server) -> None:
    port = server.server_address[1]
    server.shutdown()
    server.server_close()
    with pytest.raises(SourceError) as err:
        fetch(f"http://127.0.0.1:{port}/blog.html", None, timeout=2)
    assert "cannot reach the server" in err.value.message
    assert "network connection" in err.value.message


@pytest.mark.parametrize(
    ("location", "message"),
    [
        ("ftp://127.0.0.1/blog.txt", "only http and https addresses can be fetched, not ftp://"),
        ("file:///etc/passwd", "only http and https addresses can be fetched, not file://"),
        ("http:///blog.txt", "the address has no host name"),
    ],
)
def test_other_schemes_are_refused_before_any_traffic(location: str, message: str) -> None:
    assert is_url(location)
    with pytest.raises(SourceError, match=message):
        fetch(location, None)


def test_build_from_urls(server: _Server, tmp_path: Path) -> None:
    sources = (
        SourceConfig(path=url(server, "/blog.html"), slug="typhoon"),
        SourceConfig(path=url(server, "/wire"), slug="wire", kind="liveblog"),
    )
    config = Config(sources=sources, out=str(tmp_path / "out"), root=tmp_path)
    result = build(config, strict=True, today=TODAY)
    documents = {d.slug: d for d in result.documents}
    assert len(documents["typhoon"].updates) == 5
    assert documents["typhoon"].url == url(server, "/blog.html")
    assert documents["typhoon"].path == url(server, "/blog.html")
    assert len(documents["wire"].updates) == 6
    assert (tmp_path / "out" / "updates-typhoon.atom").exists()
    assert len(list((tmp_path / ".exporter-cache").glob("*.json"))) == 2
    build(config, strict=True, today=TODAY)
    conditional = [h for _, h in server.requests[2:]]
    assert conditional[0]["If-None-Match"] == '"v1"'
    assert "If-Modified-Since" in conditional[1]


def test_a_failing_url_does_not_stop_the_others(server: _Server, tmp_path: Path) -> None:
    sources = (
        SourceConfig(path=url(server, "/missing"), slug="gone"),
        SourceConfig(path=url(server, "/wire"), slug="wire"),
    )
    config = Config(sources=sources, root=tmp_path)
    documents, failures = read_sources(config, today=TODAY)
    assert [d.slug for d in documents] == ["wire"]
    assert "HTTP 404" in failures[0].error.message


def test_cli_builds_a_url(server: _Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from exporter.cli import cli

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["build", url(server, "/blog.html"), "--out", "site"])
    assert result.exit_code == 0, result.output
    assert "Read 1 source(s): 5 updates" in result.output
    assert (tmp_path / "site" / "updates.atom").exists()
    assert list((tmp_path / ".exporter-cache").glob("*.body"))
    missing = CliRunner().invoke(cli, ["build", url(server, "/missing"), "--out", "site"])
    assert missing.exit_code == 1
    assert "HTTP 404 Not Found" in missing.output
