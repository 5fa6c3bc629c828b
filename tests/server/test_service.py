"""The light pages as a stand-alone service (what a JupyterHub service or a proxy runs)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from lco_kit.reflectie.store import ReflectieStore
from tests.server.conftest import free_port, running
from tests.server.phone import Phone, seeded

pytestmark = pytest.mark.slow


def test_the_service_serves_the_flow_below_its_prefix_and_nothing_else(tmp_path: Path) -> None:
    """Started with a prefix, does the service take a whole answer and send anything else to its join page?"""
    port = free_port()
    command = [sys.executable, "-m", "lco_kit.server.service", "--poort", str(port), "--basis", "/services/lco/"]
    with running(command, tmp_path / "service.log", "De deelnemerspagina draait op"):
        log = tmp_path / "service.log"
        assert f"http://127.0.0.1:{port}/services/lco/lco/deelnemen" in log.read_text(encoding="utf-8")
        code = ReflectieStore().create_session("reflectiedag", title="Dienst").session.code
        phone = Phone(f"http://127.0.0.1:{port}", seeded(3))
        thanks = phone.whole_flow(f"/services/lco/lco/deelnemen?code={code}", "deelnemer")
        assert "Bedankt!" in thanks.body
        assert phone.get("/services/lco/").url.endswith("/services/lco/lco/deelnemen")
        assert phone.get("/services/lco/api/kernels").status == 404
