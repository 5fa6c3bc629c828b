"""Run a server in its own process group for a test: wait until it answers, then stop it and its kernels."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def serving(
    command: Sequence[str], *, cwd: Path, env: Mapping[str, str], log: Path, ready_url: str, what: str, timeout: float
) -> Iterator[None]:
    """Start ``command``; return once ``ready_url`` answers; stop the whole group afterwards.

    Args:
        command: The server's command line.
        cwd: Where it runs.
        env: Its environment.
        log: Where its terminal output goes (shown when it stops too early).
        ready_url: An address that answers once the server is ready.
        what: The server's name in a failure message (Dutch).
        timeout: Seconds it may take to get ready.
    """
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            list(command), cwd=cwd, env=dict(env), stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    deadline = time.monotonic() + timeout
    try:
        while True:
            if process.poll() is not None:
                pytest.fail(f"{what} stopte meteen: " + log.read_text("utf-8"))
            try:
                with urllib.request.urlopen(ready_url, timeout=2):  # noqa: S310 (http on loopback)
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"{what} werd niet klaar binnen de tijd.")
                time.sleep(0.5)
        yield
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
