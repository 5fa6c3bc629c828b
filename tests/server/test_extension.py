"""The light pages as a Jupyter server extension (``jupyter server``, Binder, a hub user server)."""

from __future__ import annotations

import sys
import time
import urllib.request
from pathlib import Path

import pytest

from lco_kit.reflectie.store import ReflectieStore
from tests.server.conftest import free_port, running
from tests.server.phone import Phone, seeded

pytestmark = pytest.mark.slow


def test_jupyter_server_with_the_extension_serves_the_light_pages_behind_its_login(tmp_path: Path) -> None:
    """Under ``jupyter server`` at a base URL, does the light page need the server's token and then take answers?"""
    port = free_port()
    log = tmp_path / "jupyter-server.log"
    command = [
        sys.executable, "-m", "jupyter_server", "--no-browser", "--allow-root", f"--port={port}",
        "--ServerApp.ip=127.0.0.1", "--ServerApp.base_url=/user/demo/", "--IdentityProvider.token=proef-token",
        f"--ServerApp.root_dir={tmp_path}", "--ServerApp.jpserver_extensions={'lco_kit.server': True}",
    ]  # fmt: skip
    with running(command, log, "de deelnemerspagina staat op"):
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while not _up(base):
            assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
            time.sleep(0.3)
        code = ReflectieStore().create_session("lco", title="Op een hub").session.code
        stranger = Phone(base)
        refused = stranger.get(f"/user/demo/lco/deelnemen?code={code}")
        assert "/login" in refused.url and "Wie ben jij" not in refused.body
        participant = Phone(base, seeded(7))
        thanks = participant.whole_flow(f"/user/demo/lco/deelnemen?code={code}&token=proef-token", "coordinator")
        assert thanks.url.endswith(f"/user/demo/lco/deelnemen/{code}/bedankt") and "Bedankt!" in thanks.body
        session = ReflectieStore().session(code)
        assert [r.perspective for r in ReflectieStore().respondents(session.id)] == ["coordinator"]


def _up(base: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base}/user/demo/api/status?token=proef-token", timeout=5):  # noqa: S310
            return True
    except OSError:
        return False
