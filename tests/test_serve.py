"""Tests for exporter.serve: a real server on 127.0.0.1 (port 0) over a temporary folder.

Every network call has a timeout and every loop a bound, so a regression fails fast
instead of hanging the suite.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from email.message import Message
from email.utils import formatdate
from pathlib import Path

import pytest

from exporter import serve
from exporter.errors import ConfigError, ExportError
from exporter.serve import Watcher, make_server, subscription_urls

SAMPLES = {
    "itinerary.ics": b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
    "updates.rss": b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>',
    "updates.atom": b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"/>',
    "index.html": b"<!doctype html><title>Trip</title><p>Hello</p>",
    "data.json": b'{"ok": true}',
    "logo.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "style.css": b"p { color: black }",
}
SECRET = b"TOPSECRET-outside-the-output-folder"
MANIFEST = b'{"manifest": "MANIFEST-must-not-be-served"}'
TIMEOUT = 5.0


@dataclass
class Served:
    out: Path
    port: int
    lines: list[str] = field(default_factory=list)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    out = tmp_path / "out"
    (out / "sub").mkdir(parents=True)
    for name, data in SAMPLES.items():
        (out / name).write_bytes(data)
    (out / "sub" / "page.html").write_bytes(b"<p>below</p>")
    (out / ".manifest.json").write_bytes(MANIFEST)
    (tmp_path / "secret.txt").write_bytes(SECRET)
    (out / "link-out.txt").symlink_to(tmp_path / "secret.txt")
    (out / "link-dir").symlink_to(tmp_path, target_is_directory=True)
    (out / "link-manifest.json").symlink_to(out / ".manifest.json")
    (out / "latest.ics").symlink_to(out / "itinerary.ics")  # inside: allowed
    lines: list[str] = []
    server = make_server(out, port=0, refresh_seconds=120, log=lines.append)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01})
    thread.start()
    try:
        yield Served(out, server.server_address[1], lines)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=TIMEOUT)


def get(
    port: int, path: str, method: str = "GET", headers: dict[str, str] | None = None
) -> tuple[int, Message, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    try:
        conn.request(method, path, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


def raw(port: int, data: bytes) -> bytes:
    """Send exact bytes (what http.client refuses to send) and read until the server closes."""
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
        return b"".join(chunks)


def etag_of(data: bytes) -> str:
    return '"' + hashlib.sha256(data).hexdigest()[:32] + '"'


def bump_mtime(path: Path, seconds: int = 10) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + seconds * 1_000_000_000))


def wait_for(condition: Callable[[], bool], timeout: float = 3.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("itinerary.ics", "text/calendar; charset=utf-8"),
        ("updates.rss", "application/rss+xml; charset=utf-8"),
        ("updates.atom", "application/atom+xml; charset=utf-8"),
        ("index.html", "text/html; charset=utf-8"),
        ("data.json", "application/json"),
        ("logo.png", "image/png"),
        ("style.css", "text/css; charset=utf-8"),
    ],
)
def test_content_types_and_headers(served: Served, name: str, content_type: str) -> None:
    status, headers, body = get(served.port, "/" + name)
    assert status == 200
    assert body == SAMPLES[name]
    assert headers["Content-Type"] == content_type
    assert headers["Content-Length"] == str(len(SAMPLES[name]))
    assert headers["ETag"] == etag_of(SAMPLES[name])
    assert headers["Last-Modified"] == formatdate((served.out / name).stat().st_mtime, usegmt=True)
    assert headers["Cache-Control"] == "public, max-age=120"
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_root_serves_index_and_subfolders_are_served(served: Served) -> None:
    assert get(served.port, "/")[2] == SAMPLES["index.html"]
    assert get(served.port, "/sub/page.html")[2] == b"<p>below</p>"
    assert get(served.port, "/latest.ics")[2] == SAMPLES["itinerary.ics"]
    assert get(served.port, "/sub")[0] == 404  # a directory is not a file
    assert get(served.port, "/sub/")[0] == 404  # and has no index.html


def test_if_none_match_gives_304(served: Served) -> None:
    tag = etag_of(SAMPLES["updates.rss"])
    for header in (tag, f'"other", W/{tag}', "*"):
        status, headers, body = get(served.port, "/updates.rss", headers={"If-None-Match": header})
        assert (status, body) == (304, b""), header
        assert headers["ETag"] == tag
        assert headers["Cache-Control"] == "public, max-age=120"
    status, _, body = get(served.port, "/updates.rss", headers={"If-None-Match": '"other"'})
    assert (status, body) == (200, SAMPLES["updates.rss"])


def test_if_modified_since(served: Served) -> None:
    _, headers, _ = get(served.port, "/updates.atom")
    since = {"If-Modified-Since": headers["Last-Modified"]}
    assert get(served.port, "/updates.atom", headers=since)[0] == 304
    older = {"If-Modified-Since": formatdate(time.time() - 10 * 86400, usegmt=True)}
    assert get(served.port, "/updates.atom", headers=older)[0] == 200
    assert get(served.port, "/updates.atom", headers={"If-Modified-Since": "garbage"})[0] == 200
    # If-None-Match wins over If-Modified-Since (RFC 7232 §6).
    both = since | {"If-None-Match": '"stale"'}
    assert get(served.port, "/updates.atom", headers=both)[0] == 200


def test_changed_file_gets_200_and_new_etag(served: Served) -> None:
    _, headers, _ = get(served.port, "/itinerary.ics")
    old_tag, old_modified = headers["ETag"], headers["Last-Modified"]
    new = SAMPLES["itinerary.ics"].replace(b"2.0", b"2.0\r\nX-NEW:1")
    (served.out / "itinerary.ics").write_bytes(new)
    bump_mtime(served.out / "itinerary.ics")
    status, headers, body = get(served.port, "/itinerary.ics", headers={"If-None-Match": old_tag})
    assert (status, body) == (200, new)
    assert headers["ETag"] == etag_of(new) != old_tag
    assert get(served.port, "/itinerary.ics", headers={"If-Modified-Since": old_modified})[0] == 200


def test_head_has_headers_but_no_body(served: Served) -> None:
    status, headers, body = get(served.port, "/updates.rss", method="HEAD")
    assert (status, body) == (200, b"")
    assert headers["Content-Length"] == str(len(SAMPLES["updates.rss"]))
    assert headers["ETag"] == etag_of(SAMPLES["updates.rss"])


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "OPTIONS", "PATCH", "BREW"])
def test_other_methods_are_405(served: Served, method: str) -> None:
    status, headers, _ = get(served.port, "/itinerary.ics", method=method)
    assert status == 405
    assert headers["Allow"] == "GET, HEAD"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/../secret.txt", 404),
        ("/../etc/passwd", 404),
        ("/%2e%2e/secret.txt", 404),
        ("/%2e%2e/%2e%2e/etc/passwd", 404),
        ("/%2E%2E/%2E%2E/etc/passwd", 404),
        ("/sub/../../secret.txt", 404),
        ("/..%2fsecret.txt", 400),
        ("/%2e%2e%2fsecret.txt", 400),
        ("/..\\secret.txt", 400),
        ("/%5c..%5csecret.txt", 400),
        ("//etc/passwd", 404),
        ("/%00", 400),
        ("/itinerary.ics%00.png", 400),
        ("/%ff", 400),
        ("http://127.0.0.1/../secret.txt", 400),
        ("/link-out.txt", 404),
        ("/link-dir/secret.txt", 404),
        ("/link-manifest.json", 404),
        ("/.manifest.json", 404),
        ("/%2emanifest.json", 404),
        ("/./itinerary.ics", 404),
    ],
)
def test_traversal_and_hidden_files_are_refused(served: Served, path: str, expected: int) -> None:
    status, _, body = get(served.port, path)
    assert status == expected
    assert SECRET not in body and b"MANIFEST" not in body and b"root:" not in body


def test_absolute_filesystem_paths_are_refused(served: Served, tmp_path: Path) -> None:
    secret = str(tmp_path / "secret.txt")
    for path in ("/" + secret, "/" + secret.lstrip("/"), "/" + secret.replace("/", "%2f")):
        status, _, body = get(served.port, path)
        assert status in (400, 404) and SECRET not in body, path


def test_nul_byte_and_oversized_requests(served: Served) -> None:
    assert raw(served.port, b"GET /a\x00b HTTP/1.1\r\nConnection: close\r\n\r\n").startswith(
        b"HTTP/1.1 400 "
    )
    # Exactly MAX+1 bytes, so the server has read everything before it closes.
    assert raw(served.port, b"GET /" + b"a" * 8188).startswith(b"HTTP/1.1 414 ")
    big_header = b"X-Big: " + b"a" * 8184 + b"\r\n"
    assert len(big_header) == 8193
    assert raw(served.port, b"GET / HTTP/1.1\r\n" + big_header).startswith(b"HTTP/1.1 431 ")
    assert raw(served.port, b"GET /\r\n").startswith(b"HTTP/1.1 400 ")  # no HTTP/0.9


def test_keep_alive_reuses_one_connection(served: Served) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", served.port, timeout=TIMEOUT)
    try:
        for path, status in [("/itinerary.ics", 200), ("/missing.rss", 404), ("/", 200)]:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            assert response.status == status
            assert not response.will_close
    finally:
        conn.close()


def test_one_log_line_per_request(served: Served) -> None:
    get(served.port, "/itinerary.ics")
    get(served.port, "/", method="HEAD")
    get(served.port, "/nope.rss")
    get(served.port, "/", method="POST")
    expected = {
        f'127.0.0.1 "GET /itinerary.ics HTTP/1.1" 200 {len(SAMPLES["itinerary.ics"])}',
        '127.0.0.1 "HEAD / HTTP/1.1" 200 0',
        '127.0.0.1 "GET /nope.rss HTTP/1.1" 404 14',
        '127.0.0.1 "POST / HTTP/1.1" 405 23',
    }
    assert wait_for(lambda: len(served.lines) >= 4)
    assert set(served.lines) == expected and len(served.lines) == 4


def test_log_escapes_control_characters(served: Served) -> None:
    raw(served.port, b'GET /"x\x1b[31m HTTP/1.1\r\nConnection: close\r\n\r\n')
    assert wait_for(lambda: len(served.lines) == 1)
    assert served.lines == ['127.0.0.1 "GET /\\"x\\u001b[31m HTTP/1.1" 400 16']


def test_concurrent_clients_never_see_a_torn_file(served: Served) -> None:
    target = served.out / "itinerary.ics"
    versions = [bytes([65 + i]) * (150_000 + 1000 * i) for i in range(4)]
    target.write_bytes(versions[0])
    stop, replaced = threading.Event(), []

    def replace_repeatedly() -> None:
        for i in range(500):  # atomic: write a hidden temp file, then rename it over
            if stop.is_set():
                return
            tmp = served.out / f".tmp-{i}"
            tmp.write_bytes(versions[i % len(versions)])
            os.replace(tmp, target)
            replaced.append(i)
            time.sleep(0.002)

    def client(_: int) -> list[tuple[int, str, bytes]]:
        conn = http.client.HTTPConnection("127.0.0.1", served.port, timeout=TIMEOUT)
        try:
            results = []
            for _ in range(5):
                conn.request("GET", "/itinerary.ics")
                response = conn.getresponse()
                results.append((response.status, response.headers["ETag"], response.read()))
            return results
        finally:
            conn.close()

    replacer = threading.Thread(target=replace_repeatedly)
    replacer.start()
    try:
        with ThreadPoolExecutor(max_workers=20) as pool:
            results = [r for batch in pool.map(client, range(20)) for r in batch]
        replaced_during_requests = len(replaced)
    finally:
        stop.set()
        replacer.join(timeout=TIMEOUT)
    assert replaced_during_requests >= 2 and len(results) == 100
    for status, tag, body in results:
        assert status == 200
        assert body in versions  # whole old or whole new, never a mix
        assert tag == etag_of(body)


def test_subscription_urls(tmp_path: Path) -> None:
    for name in ("itinerary.ics", "updates.rss", "updates.atom", "index.html", "extra feed.rss"):
        (tmp_path / name).write_bytes(b"x")
    for name in (".manifest.json", "style.css", "data.json", ".hidden.rss"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "outside.ics").symlink_to(tmp_path.parent)  # a directory: not served
    base = "127.0.0.1:8000"
    assert subscription_urls(tmp_path, "127.0.0.1", 8000) == [
        ("Web page: index.html", f"http://{base}/"),
        ("Calendar: itinerary.ics", f"http://{base}/itinerary.ics"),
        ("Calendar (webcal): itinerary.ics", f"webcal://{base}/itinerary.ics"),
        ("RSS feed: extra feed.rss", f"http://{base}/extra%20feed.rss"),
        ("RSS feed: updates.rss", f"http://{base}/updates.rss"),
        ("Atom feed: updates.atom", f"http://{base}/updates.atom"),
    ]
    assert subscription_urls(tmp_path, "0.0.0.0", 8000)[0] == (
        "Web page: index.html",
        f"http://{base}/",
    )
    assert subscription_urls(tmp_path, "::1", 9)[0][1] == "http://[::1]:9/"
    assert subscription_urls(tmp_path / "missing", "127.0.0.1", 8000) == []


def test_make_server_errors(tmp_path: Path, served: Served) -> None:
    with pytest.raises(ExportError):
        make_server(tmp_path / "missing", port=0)
    with pytest.raises(ConfigError):
        make_server(served.out, port=served.port)  # already in use
    with pytest.raises(ConfigError):
        make_server(served.out, port=0, refresh_seconds=-1)


def test_server_binds_loopback_by_default(tmp_path: Path) -> None:
    server = make_server(tmp_path, port=0)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()


def test_watcher_rebuilds_after_touch(tmp_path: Path) -> None:
    source = tmp_path / "source.md"
    source.write_text("a")
    calls: list[int] = []
    watcher = Watcher([source], lambda: calls.append(1), interval=0.02)
    watcher.start()
    try:
        time.sleep(0.1)
        assert calls == []  # nothing changed yet
        bump_mtime(source)
        assert wait_for(lambda: len(calls) == 1)
    finally:
        watcher.stop()


def test_watcher_survives_failing_rebuild(tmp_path: Path) -> None:
    source = tmp_path / "source.md"
    source.write_text("a")
    calls: list[int] = []
    errors: list[BaseException] = []

    def rebuild() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise ValueError("broken source")

    watcher = Watcher([source], rebuild, interval=0.02, on_error=errors.append)
    watcher.start()
    try:
        bump_mtime(source)
        assert wait_for(lambda: len(errors) == 1)
        assert isinstance(errors[0], ValueError)
        bump_mtime(source)
        assert wait_for(lambda: len(calls) == 2)
        assert len(errors) == 1
    finally:
        watcher.stop()


def test_watcher_walks_directories_and_stops(tmp_path: Path) -> None:
    calls: list[int] = []
    watcher = Watcher([tmp_path], lambda: calls.append(1), interval=0.02)
    watcher.start()
    try:
        (tmp_path / ".swap").write_text("editor noise")  # dotfiles are ignored
        time.sleep(0.1)
        assert calls == []
        (tmp_path / "new.md").write_text("new source")
        assert wait_for(lambda: len(calls) == 1)
        with pytest.raises(RuntimeError):
            watcher.start()
    finally:
        watcher.stop()
    (tmp_path / "after.md").write_text("after stop")
    time.sleep(0.1)
    assert calls == [1]


def test_idle_connection_is_closed_after_timeout(
    served: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(serve._Handler, "timeout", 0.2)  # the real value is 10 s
    with socket.create_connection(("127.0.0.1", served.port), timeout=TIMEOUT) as sock:
        started = time.monotonic()
        assert sock.recv(1024) == b""  # the server hung up on the silent client
        assert time.monotonic() - started < 3
    assert served.lines == []


def test_a_request_head_trickling_in_is_cut_off_at_its_deadline(
    served: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A byte every 0.1 s keeps each wait short; the whole head still has 0.5 s."""
    monkeypatch.setattr(serve._Handler, "head_timeout", 0.5)  # the real value is 10 s
    with socket.create_connection(("127.0.0.1", served.port), timeout=TIMEOUT) as sock:
        started = time.monotonic()
        sock.sendall(b"GET /index.html HTTP/1.1\r\n")
        with pytest.raises(OSError):  # reset, or a broken pipe, once the server hung up
            for byte in b"X-Slow: " + b"a" * 40:
                sock.sendall(bytes([byte]))
                time.sleep(0.1)
                if sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b"":
                    raise ConnectionResetError("the server hung up")
        assert time.monotonic() - started < 2.5  # not the 4 s the head takes to send
    assert served.lines == []


def test_internal_errors_are_logged_not_printed(
    served: Served, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(self: object, path: Path) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(serve.ExportServer, "read_file", broken)
    with pytest.raises(http.client.RemoteDisconnected):
        get(served.port, "/itinerary.ics")
    assert wait_for(lambda: "127.0.0.1 internal error: RuntimeError('boom')" in served.lines)
    assert capsys.readouterr().err == ""
