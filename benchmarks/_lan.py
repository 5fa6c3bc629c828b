"""A kit started as a facilitator starts it for a room (``lco-kit start --lan``), and its memory.

The benchmarks connect to 127.0.0.1 with the QR code's path and query (never to the LAN
address the QR code carries), and read the server's and its kernels' memory (USS: what the
laptop would get back if they stopped) with psutil.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from benchmarks._harness import free_port

MIB = 2**20


def memory(pid: int) -> int:
    """Return the unique memory (USS, bytes) of a process and all its children."""
    import psutil  # noqa: PLC0415  (test extra)

    total = 0
    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    for process in processes:
        with contextlib.suppress(psutil.Error):
            total += process.memory_full_info().uss
    return total


def kernels(pid: int) -> int:
    """Return how many kernels (child processes) the server runs."""
    import psutil  # noqa: PLC0415

    with contextlib.suppress(psutil.Error):
        return len(psutil.Process(pid).children(recursive=True))
    return 0


@dataclass
class MemoryWatch:
    """Samples a server's memory twice a second in the background; keeps the peak."""

    pid: int
    peak: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            self.peak = max(self.peak, memory(self.pid))

    def stop(self) -> int:
        """Stop sampling; return the peak."""
        self._stop.set()
        self._thread.join()
        return max(self.peak, memory(self.pid))


@dataclass
class LanKit:
    """A running ``lco-kit start --lan``: where to connect, its process, its data, and timings."""

    port: int
    pid: int
    token: str
    data: Path
    ready_seconds: float

    @property
    def url(self) -> str:
        """The server on this machine."""
        return f"http://127.0.0.1:{self.port}"

    def qr_path(self, code: str = "") -> str:
        """The path and query the QR code carries (without the LAN address)."""
        return f"/lco/deelnemen?{f'code={code}&' if code else ''}token={self.token}"

    def database(self) -> str:
        """The store the server writes to."""
        return f"sqlite:///{self.data / 'lco-kit.sqlite3'}"  # config.database_url() in that data folder


@contextmanager
def lan_kit(group: int | None = None) -> Iterator[LanKit]:
    """Start ``lco-kit start --lan`` (optionally ``--groep N``); yield it once ‘Klaar voor de zaal’ shows."""
    port = free_port()
    data = Path(tempfile.mkdtemp(prefix="lco-bench-lan-"))
    env = {**os.environ, "LCO_KIT_DATA_DIR": str(data)}
    env.pop("LCO_KIT_DB", None)
    log = data / "terminal.txt"
    command = [sys.executable, "-m", "lco_kit", "start", "--lan", "--no-browser", "--port", str(port)]
    if group:
        command += ["--groep", str(group)]
    started = time.perf_counter()
    with log.open("w") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        while "Klaar voor de zaal:" not in log.read_text(encoding="utf-8"):  # the line, not the advice before it
            if process.poll() is not None:
                raise RuntimeError(log.read_text(encoding="utf-8"))
            if time.perf_counter() - started > 600:
                raise TimeoutError("never ready for the room")
            time.sleep(0.1)
        ready = time.perf_counter() - started
        text = log.read_text(encoding="utf-8")
        join = re.search(r"(http://\S+/lco/deelnemen\?token=\S+)", text)
        if join is None:
            raise RuntimeError(text)
        token = urlparse(join.group(1)).query.split("token=", 1)[1]
        yield LanKit(port, process.pid, token, data, ready)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
