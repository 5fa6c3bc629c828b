"""Serving a room: with --lan only the token opens the kit; without it nothing listens beyond localhost."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from lco_kit import server

pytestmark = pytest.mark.slow


def free_port() -> int:
    """Return a free TCP port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(tmp_path: Path, *extra: str) -> tuple[subprocess.Popen[str], int, Path]:
    """Start ``lco-kit start`` with extra options; return the process, its port and its log."""
    port = free_port()
    log = tmp_path / f"server-{port}.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "lco_kit", "start", "--no-browser", "--port", str(port), *extra],
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
        )
    deadline = time.monotonic() + 90
    ready = "Stoppen: Ctrl+C." if "--lan" in extra else "De kit draait"
    while ready not in log.read_text(encoding="utf-8"):
        assert process.poll() is None, log.read_text(encoding="utf-8")
        assert time.monotonic() < deadline, "de server werd niet klaar"
        time.sleep(0.2)
    return process, port, log


@pytest.fixture
def stop() -> Iterator[list[subprocess.Popen[str]]]:
    """Stop every server a test started."""
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        process.terminate()
        process.wait(timeout=20)


def status(url: str) -> int:
    """Return the HTTP status of a GET without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *_: object, **__: object) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def listening_addresses(port: int) -> set[str]:
    """Return the local addresses on which something listens on a port."""
    return {c.laddr.ip for c in psutil.net_connections(kind="tcp") if c.status == "LISTEN" and c.laddr.port == port}


def test_without_lan_only_localhost_listens(tmp_path: Path, stop: list) -> None:
    """Does the kit, started without --lan, listen on localhost and nowhere else?"""
    process, port, _ = start(tmp_path)
    stop.append(process)
    assert listening_addresses(port) == {"127.0.0.1"}
    assert status(f"http://127.0.0.1:{port}/voila/static/voila.js") == 200


def test_lan_mode_needs_the_token(tmp_path: Path, stop: list) -> None:
    """In --lan mode, is a request without the token refused and one with it served?"""
    process, port, log = start(tmp_path, "--lan", "--groep", "2")
    stop.append(process)
    text = log.read_text(encoding="utf-8")
    address = server.lan_address()
    token = text.split("token=", 1)[1].split()[0]
    assert listening_addresses(port) == {"0.0.0.0"}  # noqa: S104  (that is what --lan must do)
    page = f"http://{address}:{port}/voila/render/00_start.ipynb"
    assert status(page) == 302  # to the Dutch login page
    assert status(f"{page}?token=niet-de-juiste") == 302
    assert status(f"{page}?token={token}") == 200
    # The light join page for phones: behind the same token.
    join = f"http://{address}:{port}/lco/deelnemen"
    assert status(join) == 302 and status(f"{join}?token={token}") == 200
    # How a kept page learns its address: only the kit's own kernels (on this computer) or the token.
    query = f"http://{address}:{port}/voila/query/00000000-0000-0000-0000-000000000000"
    assert status(query) == 403
    assert status(f"{query}?token={token}") == 400  # past the token; not a websocket, so Voilà says no
    with urllib.request.urlopen(f"http://{address}:{port}/login", timeout=30) as response:
        login = response.read().decode()
    assert "Deze kit is afgeschermd" in login and "Password" not in login
    assert "Deelnemers in dezelfde zaal scannen deze code" in text


def test_lan_mode_says_when_the_room_is_ready_and_serves_a_kept_answer_page(tmp_path: Path, stop: list) -> None:
    """With --lan --groep 2, does the terminal say when the kept pages are ready, and serve them?"""
    process, port, log = start(tmp_path, "--lan", "--groep", "2")
    stop.append(process)
    deadline = time.monotonic() + 240
    while "Klaar voor de zaal:" not in log.read_text(encoding="utf-8"):
        assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
        time.sleep(0.5)
    text = log.read_text(encoding="utf-8")
    # Phones answer on the light page and need no kernel: only what laptops open together is kept.
    kept = sum(pool["pool_size"] for pool in server.pool_sizes(2).values())
    assert f"Klaar voor de zaal: {kept} pagina's staan klaar" in text
    # The terminal shows the kit's Dutch lines only; Voilà's and the kernels' messages go to the log.
    assert "[Voila]" not in text and "[IPKernelApp]" not in text and "Warning" not in text
    assert "Technische meldingen van de server komen in" in text
    token = text.split("token=", 1)[1].split()[0]
    page = f"http://{server.lan_address()}:{port}/voila/render/40_reflectie_invullen.ipynb?code=ABCDEF&token={token}"
    with urllib.request.urlopen(page, timeout=120) as response:  # the kept kernel reads this address
        body = response.read().decode()
    assert "rendered_cells" in body and "Dit deel van de pagina kon niet geladen worden" not in body
