"""The kit's Voilà application: the kernel ceiling, the busy page, pages that never time out waiting."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lco_kit import server
from lco_kit.server.app import KernelCeiling, default_ceiling
from tests.server.conftest import free_port, running

ROOT = Path(__file__).resolve().parents[2]


class FakeKernels:
    """A kernel manager with running kernels and pools, as Voilà's has."""

    def __init__(self, running: int, pools: dict[str, int]) -> None:
        self.running = running
        self.pools = pools
        self.fills: list[str] = []

    def list_kernel_ids(self) -> list[str]:
        """Return an id per running kernel."""
        return [f"k{n}" for n in range(self.running)]

    def get_pool_size(self, notebook: str) -> int:
        """Return how many kept kernels wait for a page."""
        return self.pools.get(notebook, 0)

    def fill_if_needed(self, delay: float | None = None, notebook_name: str | None = None, **_: Any) -> None:
        """Record a refill (and start a kernel)."""
        del delay
        self.fills.append(str(notebook_name))
        self.running += 1


def test_the_ceiling_follows_the_memory_of_the_laptop() -> None:
    """Does an 8 GB laptop run at most ~29 kernels, a small one 8 and a large one no more than 80?"""
    assert default_ceiling(8 * 2**30) == 29
    assert default_ceiling(16 * 2**30) == 59
    assert default_ceiling(1 * 2**30) == 8
    assert default_ceiling(256 * 2**30) == 80
    assert 8 <= default_ceiling() <= 80


def test_a_page_is_refused_only_when_it_needs_a_kernel_above_the_ceiling() -> None:
    """At the ceiling, is a page with a kept kernel still served, and one without refused?"""
    kernels = FakeKernels(running=4, pools={"a.ipynb": 1})
    ceiling = KernelCeiling(4)
    assert not ceiling.refuses(kernels, "a.ipynb")
    assert ceiling.refuses(kernels, "b.ipynb")
    assert not KernelCeiling(5).refuses(kernels, "b.ipynb")
    assert not KernelCeiling(0).refuses(kernels, "b.ipynb")  # 0: no ceiling


def test_pools_are_not_refilled_above_the_ceiling() -> None:
    """Does a refill start a kernel below the ceiling and none at it?"""
    kernels = FakeKernels(running=2, pools={})
    KernelCeiling(3).hold_refills(kernels)
    kernels.fill_if_needed(notebook_name="a.ipynb")
    kernels.fill_if_needed(notebook_name="a.ipynb")
    assert kernels.fills == ["a.ipynb"] and kernels.running == 3


def test_idle_kernels_are_kept_at_least_half_an_hour_and_busy_or_connected_ones_never_culled() -> None:
    """Do the culling settings keep a disconnected kernel ≥ 30 minutes (a laptop asleep over lunch keeps its pages)?"""
    culling = json.loads((server.settings_dir() / "voila.json").read_text(encoding="utf-8"))["MappingKernelManager"]
    assert culling["cull_idle_timeout"] >= 30 * 60
    assert culling["cull_connected"] is False and culling["cull_busy"] is False
    assert 0 < culling["cull_interval"] <= 300


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310  (the test server)
            return int(response.status), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return int(error.code), error.read().decode("utf-8")


@pytest.fixture
def start_kit(tmp_path: Path) -> Iterator[Any]:
    """Start ``lco_kit.server.serve`` in a child process with the given options; stop it afterwards."""
    started: list[subprocess.Popen[str]] = []

    def start(**options: Any) -> tuple[str, Path]:
        port = free_port()
        log = tmp_path / f"kit-{port}.log"
        code = textwrap.dedent(
            f"""
            from pathlib import Path
            from lco_kit.server import serve
            options = {options!r}
            if "notebooks" in options:
                options["notebooks"] = Path(options["notebooks"])
            serve({port}, open_browser=False, **options)
            """
        )
        with log.open("w") as out:
            process = subprocess.Popen([sys.executable, "-c", code], stdout=out, stderr=subprocess.STDOUT, text=True)
        started.append(process)
        deadline = time.monotonic() + 120
        while "De kit draait" not in log.read_text(encoding="utf-8"):
            assert process.poll() is None, log.read_text(encoding="utf-8")
            assert time.monotonic() < deadline, "de kit werd niet klaar"
            time.sleep(0.2)
        return f"http://127.0.0.1:{port}", log

    yield start
    for process in started:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.mark.slow
def test_beyond_the_ceiling_a_page_gets_the_dutch_busy_page(tmp_path: Path, start_kit: Any) -> None:
    """With room for two kernels, is the third visit of a page answered ‘Het is even druk’ (503), not a crash?"""
    folder = tmp_path / "paginas"
    folder.mkdir()
    notebook = {
        "cells": [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": "print(1)"}],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (folder / "a.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    base, _ = start_kit(notebooks=str(folder), max_kernels=2)
    assert _get(f"{base}/voila/render/a.ipynb")[0] == 200  # the kept kernel; the pool refills to 2
    time.sleep(6)
    assert _get(f"{base}/voila/render/a.ipynb")[0] == 200  # the refilled one; no refill above 2
    time.sleep(3)
    status, body = _get(f"{base}/voila/render/a.ipynb")
    assert status == 503
    assert "Het is even druk, probeer het zo opnieuw" in body and 'lang="nl"' in body


@pytest.mark.slow
def test_every_kept_page_still_renders_after_waiting_longer_than_the_cell_time_out(start_kit: Any) -> None:
    """With Voilà's cell time-out at 5 s, does every page whose kernel waited 10 s still render, without a time-out?"""
    base, _ = start_kit(extra_args=["--VoilaExecutor.timeout=5"])
    pages = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    time.sleep(10 + 5 * len(pages))  # every kept kernel has run its page and waited well over 5 s
    for page in pages:
        status, body = _get(f"{base}/voila/render/{page}")
        assert status == 200, page
        assert "Cell execution timed out" not in body and "deed er te lang over" not in body, page
        assert "Dit deel van de pagina kon niet geladen worden" not in body, page


@pytest.mark.slow
def test_a_restart_on_the_same_port_works_at_once(tmp_path: Path) -> None:
    """Stopping the kit after a visit and starting it again on the same port: does it start (no ‘port in use’)?"""
    port = free_port()
    for run in range(2):
        command = [sys.executable, "-m", "lco_kit", "start", "--no-browser", "--port", str(port)]
        with running(command, tmp_path / f"run-{run}.log", "De kit draait"):
            # A visitor's connection that the kit closes first (HTTP/1.0): its end of the
            # connection stays in TIME-WAIT on the kit's port for a minute.
            with socket.create_connection(("127.0.0.1", port), timeout=30) as visitor:
                visitor.sendall(b"GET /lco/deelnemen HTTP/1.0\r\n\r\n")
                answer = b""
                while chunk := visitor.recv(65536):
                    answer += chunk
            assert answer.startswith(b"HTTP/1.1 200")
