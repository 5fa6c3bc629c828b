"""Fixtures for the light participant pages: a stand-alone service in this process, a store, sessions."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import tornado.httpserver
import tornado.netutil
import tornado.web

from lco_kit.reflectie.store import ReflectieStore
from lco_kit.server.deelnemen import Participation, participant_routes
from lco_kit.server.guard import CodeGuard


class OpenHost(tornado.web.RequestHandler):
    """A host whose visitors are all let in (as under ``lco-kit start`` without a room token)."""

    def get_current_user(self) -> str:
        """Everyone is a participant."""
        return "deelnemer"


def _open_app(participation: Participation) -> tornado.web.Application:
    """The light pages alone, with XSRF on every POST, as a host mounts them."""
    return tornado.web.Application(
        participant_routes(participation, host=OpenHost), xsrf_cookies=True, cookie_secret=b"proef" * 8
    )


@dataclass
class Service:
    """A running light-page service and the store behind it."""

    base: str
    store: ReflectieStore
    participation: Participation

    def open_session(self, kind: str = "lco") -> str:
        """Open a session; return its join code."""
        return self.store.create_session(kind, title="Proefsessie").session.code


@pytest.fixture
def service(tmp_path: Path) -> Iterator[Service]:
    """Serve the light pages from a thread of this process, on a free port, with their own store."""
    store = ReflectieStore(f"sqlite:///{tmp_path / 'reflectie.sqlite'}")
    participation = Participation(store_factory=lambda: store, guard=CodeGuard(free_tries=2, base_delay=0.3))
    sockets = tornado.netutil.bind_sockets(0, "127.0.0.1")
    port = sockets[0].getsockname()[1]
    loop = asyncio.new_event_loop()
    started = threading.Event()

    def run() -> None:
        asyncio.set_event_loop(loop)
        server = tornado.httpserver.HTTPServer(_open_app(participation))
        server.add_sockets(sockets)
        loop.call_soon(started.set)
        loop.run_forever()
        server.stop()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    started.wait(10)
    yield Service(f"http://127.0.0.1:{port}", store, participation)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(10)


def free_port() -> int:
    """Return a free TCP port on this machine."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running(command: Sequence[str], log: Path, ready: str, timeout: float = 120) -> Iterator[subprocess.Popen[bytes]]:
    """Run a server command until the test is done; wait until its output shows ``ready``."""
    with log.open("w") as out:
        process = subprocess.Popen(list(command), stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + timeout
        while ready not in log.read_text(encoding="utf-8"):
            assert process.poll() is None, log.read_text(encoding="utf-8")
            assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
            time.sleep(0.2)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
