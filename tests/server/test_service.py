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
        store = ReflectieStore()
        opened = store.create_session("reflectiedag", title="Dienst")
        code = opened.session.code
        token = store.join_token(opened.secret, code)
        phone = Phone(f"http://127.0.0.1:{port}", seeded(3))
        thanks = phone.whole_flow(f"/services/lco/lco/deelnemen?code={code}&t={token}", "deelnemer")
        assert "Bedankt!" in thanks.body
        assert phone.get("/services/lco/").url.endswith("/services/lco/lco/deelnemen")
        assert phone.get("/services/lco/api/kernels").status == 404


def test_a_session_needs_its_own_join_token(tmp_path: Path) -> None:
    """Does the service refuse a session's pages without its join token, or with another session's, in Dutch?"""
    port = free_port()
    command = [sys.executable, "-m", "lco_kit.server.service", "--poort", str(port), "--basis", "/services/lco/"]
    with running(command, tmp_path / "service.log", "De deelnemerspagina draait op"):
        store = ReflectieStore()
        first = store.create_session("lco", title="Eerste")
        other = store.create_session("lco", title="Andere")
        token = store.join_token(first.secret, first.session.code)
        assert store.join_token(first.secret, first.session.code) == token
        stranger = Phone(f"http://127.0.0.1:{port}", seeded(4))
        refused = stranger.get(f"/services/lco/lco/deelnemen?code={first.session.code}")
        assert refused.status == 403
        assert "Deze link is niet (meer) geldig" in refused.body
        assert stranger.get(f"/services/lco/lco/deelnemen/{first.session.code}/vragen").status == 403
        assert stranger.get(f"/services/lco/lco/deelnemen?code={other.session.code}&t={token}").status == 403
        participant = Phone(f"http://127.0.0.1:{port}", seeded(5))
        assert participant.join(f"/services/lco/lco/deelnemen?code={first.session.code}&t={token}").status == 200
        assert participant.get(f"/services/lco/lco/deelnemen/{first.session.code}").status == 200
        assert participant.get(f"/services/lco/lco/deelnemen/{other.session.code}").status == 403
