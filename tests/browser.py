"""Render a local HTML file in Debian's headless Chromium: the DOM a person would see, and a PNG.

The page is meant for people, so its tests look at it the way a browser does rather than
trusting string checks alone. Chromium is installed on first use when it is missing (the
tests run as root in CI; tools/ensure-system-packages.sh does the same for `make test`), and
a browser that cannot be found or installed is an error with the reason, never a skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

#: Where Debian's `chromium` package puts its launcher, then names other systems use.
CANDIDATES: tuple[str, ...] = ("/usr/bin/chromium", "chromium", "chromium-browser")

#: apt can be slow on a cold mirror; a stuck install must still end the test run.
INSTALL_TIMEOUT = 300

#: One render (start, load a local file, paint) takes a couple of seconds once installed.
RENDER_TIMEOUT = 90

#: Flags that keep a headless run quiet and self-contained: no sandbox (root in a
#: container), no GPU, and no background traffic (updates, sync, QUIC), so the render
#: neither depends on nor causes network requests.
FLAGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--mute-audio",
    # Any request that tried to leave the machine would go to a closed port and fail.
    "--proxy-server=127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
    "--force-device-scale-factor=1",
)


class BrowserError(RuntimeError):
    """Chromium is missing and could not be installed, or it failed to render."""


@dataclass(frozen=True)
class Rendering:
    """What Chromium made of a page: the serialised DOM after load, and the screenshot."""

    dom: str
    screenshot: Path


def _found() -> str | None:
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def _apt(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    command = ["apt-get", *args]
    if os.geteuid() != 0 and shutil.which("sudo"):
        command = ["sudo", "-n", *command]
    try:
        return subprocess.run(
            command,
            env=env,
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise BrowserError(
            f"`{' '.join(command)}` took longer than {INSTALL_TIMEOUT} s; "
            "install Chromium by hand: apt-get install -y chromium"
        ) from exc


def ensure_chromium() -> str:
    """The path of a Chromium binary, installing Debian's package when none is present.

    The install is tried first without `apt-get update` (fast when the lists are fresh), then
    once more after refreshing them, because a stale list is the usual reason it fails.
    """
    path = _found()
    if path:
        return path
    if not shutil.which("apt-get"):
        raise BrowserError(
            "Chromium is not installed and there is no apt-get to install it: "
            "install a Chromium build that provides `chromium` on PATH"
        )
    install = ("install", "-y", "-q", "--no-install-recommends", "chromium")
    done = _apt(*install)
    if done.returncode != 0:
        refreshed = _apt("update", "-q")
        if refreshed.returncode != 0:
            raise BrowserError(
                "Chromium is not installed and `apt-get update` failed "
                f"(exit {refreshed.returncode}): {refreshed.stderr.strip()[-800:]}"
            )
        done = _apt(*install)
    path = _found()
    if done.returncode != 0 or not path:
        raise BrowserError(
            f"Chromium is not installed and `apt-get install chromium` failed "
            f"(exit {done.returncode}): {done.stderr.strip()[-800:]}"
        )
    return path


def _run(binary: str, profile: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(profile),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TZ": "UTC",
        "XDG_CONFIG_HOME": str(profile / "xdg"),
        "XDG_CACHE_HOME": str(profile / "cache"),
    }
    command = [binary, *FLAGS, f"--user-data-dir={profile / 'profile'}", *args]
    try:
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=RENDER_TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise BrowserError(f"Chromium did not finish within {RENDER_TIMEOUT} s") from exc
    if done.returncode != 0:
        raise BrowserError(f"Chromium exited {done.returncode}: {done.stderr.strip()[-800:]}")
    return done


def render(page: Path, screenshot: Path, width: int, height: int) -> Rendering:
    """Load `page` at a window of width×height, dump its DOM and save a PNG of the window.

    Two runs, because Chromium's headless mode prints the DOM or takes the screenshot
    depending on the flags, and reliably only one of them per run.
    """
    binary = ensure_chromium()
    url = page.resolve().as_uri()
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    if screenshot.exists():
        screenshot.unlink()
    with tempfile.TemporaryDirectory(prefix="exporter-chromium-") as tmp:
        profile = Path(tmp)
        size = f"--window-size={width},{height}"
        dom = _run(binary, profile, [size, "--dump-dom", url]).stdout
        _run(binary, profile, [size, f"--screenshot={screenshot.resolve()}", url])
    if not screenshot.exists():
        raise BrowserError(f"Chromium ran but wrote no screenshot to {screenshot}")
    return Rendering(dom=dom, screenshot=screenshot)
