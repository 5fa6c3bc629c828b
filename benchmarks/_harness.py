"""Shared pieces of the benchmarks: a kit server for a folder, Chromium, and medians.

Benchmarks report ratios measured in one run on one machine, never absolute times.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
BASELINE = "_baseline.ipynb"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def free_port() -> int:
    """Return a free TCP port on localhost."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_ready(port: int, process: subprocess.Popen[bytes], timeout: float = 120) -> float:
    """Poll the static probe until the server answers; return the seconds it took."""
    started = time.perf_counter()
    while True:
        if process.poll() is not None:
            raise RuntimeError("server stopped while starting")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/voila/static/voila.js", timeout=2):
                return time.perf_counter() - started
        except OSError:
            if time.perf_counter() - started > timeout:
                raise TimeoutError("server not ready") from None
            time.sleep(0.05)


def pages_with_baseline() -> Path:
    """Return a temporary copy of notebooks/ with a one-cell Markdown page added."""
    folder = Path(tempfile.mkdtemp(prefix="lco-bench-")) / "notebooks"
    shutil.copytree(NOTEBOOKS, folder)
    baseline = {
        "cells": [{"cell_type": "markdown", "metadata": {}, "source": ["# Basislijn\n", "Eén cel Markdown."]}],
        "metadata": {
            "title": "Basislijn",
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 4,
    }
    (folder / BASELINE).write_text(json.dumps(baseline), encoding="utf-8")
    return folder


@dataclass(frozen=True)
class KitServer:
    """A running kit server: its base URL and process id."""

    url: str
    pid: int

    def wait_until_quiet(self) -> float:
        """Wait until the server and its kernels are idle (preheated pools filled)."""
        return wait_until_quiet(self.pid)


@contextmanager
def kit_server(folder: Path | None = None, extra_args: Sequence[str] = (), room: int = 0) -> Iterator[KitServer]:
    """Run the kit's server (as ``lco-kit start`` does) on a folder, wait until it is idle, yield it.

    ``room`` keeps kernels ready for a group, as ``lco-kit start --lan --groep N`` does. The
    server's own messages go to ``lco-kit.log`` in a fresh data folder.
    """
    port = free_port()
    code = (
        "import sys; from pathlib import Path; from lco_kit import server; "
        "server.serve(int(sys.argv[1]), open_browser=False, notebooks=Path(sys.argv[2]) if sys.argv[2] else None, "
        "room=int(sys.argv[3]), extra_args=sys.argv[4:])"
    )
    data = tempfile.mkdtemp(prefix="lco-bench-data-")
    env = {**os.environ, "LCO_KIT_DATA_DIR": data}
    process = subprocess.Popen(
        [sys.executable, "-c", code, str(port), str(folder or ""), str(room), *extra_args],
        stdout=subprocess.DEVNULL,
        env=env,
    )
    try:
        wait_until_ready(port, process)
        wait_until_quiet(process.pid)
        yield KitServer(f"http://127.0.0.1:{port}", process.pid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def wait_until_quiet(pid: int, *, below: float = 15.0, seconds: int = 3, timeout: float = 300) -> float:
    """Wait until the server and its kernels use less than ``below`` % CPU for ``seconds`` in a row.

    A server with preheated kernels starts them all at once; a room arrives after that (the
    facilitator starts the kit before people come in). Returns the seconds waited.
    """
    import psutil  # noqa: PLC0415  (test extra)

    started = time.perf_counter()
    server = psutil.Process(pid)
    quiet = 0
    while quiet < seconds:
        if time.perf_counter() - started > timeout:
            raise TimeoutError("server never became quiet")
        processes = [server, *server.children(recursive=True)]
        for process in processes:
            with contextlib.suppress(psutil.Error):
                process.cpu_percent(None)
        time.sleep(1.0)
        busy = 0.0
        for process in processes:
            with contextlib.suppress(psutil.Error):
                busy += process.cpu_percent(None)
        quiet = quiet + 1 if busy < below else 0
    return time.perf_counter() - started


def median(values: Sequence[float]) -> float:
    """Return the median."""
    return statistics.median(values)


def machine() -> str:
    """Describe this machine in one line."""
    cpus = os.cpu_count()
    memory = ""
    try:
        total = int(
            next(row for row in Path("/proc/meminfo").read_text().splitlines() if row.startswith("MemTotal")).split()[1]
        )
        memory = f", {total / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    return f"{platform.system()} {platform.machine()}, {cpus} cores{memory}, Python {platform.python_version()}"


def chromium() -> str:
    """Return the Chromium executable."""
    for candidate in ("/usr/bin/chromium", shutil.which("chromium") or ""):
        if candidate and Path(candidate).exists():
            return candidate
    raise SystemExit("Chromium ontbreekt (make test installeert het).")
