"""A province's JupyterHub, for real: two coördinatoren, one PostgreSQL, participants without a login.

The hub (from PyPI) runs ``deploy/jupyterhub/jupyterhub_config.py`` with the hub's dummy
authenticator and simple local process spawner (user servers with ``--allow-root``: CI runs as
root), its proxy ``configurable-http-proxy`` from ``node_modules`` (``make test`` installs it),
and the reflection tests' throwaway PostgreSQL. It never skips: a missing piece fails.
"""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from lco_kit.reflectie.owners import Owner
from lco_kit.reflectie.store import ReflectieStore
from tests._threads import in_own_thread
from tests.browser.conftest import chromium_path
from tests.reflectie.conftest import PostgresServer, new_postgres_database
from tests.server.conftest import free_port
from tests.server.phone import Phone, seeded

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
DEPLOY_CONFIG = ROOT / "deploy" / "jupyterhub" / "jupyterhub_config.py"
PROXY = ROOT / "node_modules" / ".bin" / "configurable-http-proxy"
PASSWORD = "oefen-wachtwoord"  # noqa: S105  (the dummy authenticator of a test hub)
CAP_S = 300
PAGE_MS = 120_000
FACILITATOR = "notebooks/41_reflectie_begeleider.ipynb"


class Hub:
    """A running hub: its public address and the log to read when something goes wrong."""

    def __init__(self, url: str, log: Path, database: str, started: float) -> None:
        self.url = url
        self.log = log
        self.database = database
        self.started = started

    def left(self) -> float:
        """Return the seconds left of the five-minute cap (fails the test when none are left)."""
        remaining = CAP_S - (time.monotonic() - self.started)
        assert remaining > 0, "De hubtest duurde langer dan 5 minuten.\n" + self.tail()
        return remaining

    def tail(self) -> str:
        """Return the end of the hub's log."""
        return self.log.read_text(encoding="utf-8", errors="replace")[-6000:] if self.log.exists() else ""


@pytest.fixture
def hub(postgres_server: PostgresServer, tmp_path: Path) -> Iterator[Hub]:
    """Start the province's hub with two users on a fresh PostgreSQL database; stop it afterwards."""
    started = time.monotonic()
    assert PROXY.exists(), "configurable-http-proxy ontbreekt: ‘make test’ installeert het (npm ci)."
    database = new_postgres_database(postgres_server)
    port, hub_port, api_port, service_port = (free_port() for _ in range(4))
    url = f"http://127.0.0.1:{port}"
    config = tmp_path / "hub_test_config.py"
    config.write_text(
        f"""
c = get_config()  # noqa: F821
load_subconfig({str(DEPLOY_CONFIG)!r})  # noqa: F821
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {PASSWORD!r}
c.Authenticator.allowed_users = {{"an", "bert"}}
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {str(tmp_path / "thuis" / "{username}")!r}
c.Spawner.args = ["--allow-root"]
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
c.ConfigurableHTTPProxy.command = [{str(PROXY)!r}]
c.JupyterHub.db_url = "sqlite:///{tmp_path / "hub.sqlite"}"
c.JupyterHub.cookie_secret_file = {str(tmp_path / "cookie_secret")!r}
""",
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "LCO_KIT_DB": database,
        "LCO_HUB_PUBLIEK_ADRES": url,
        "LCO_HUB_BIND_URL": url,
        "LCO_HUB_DIENST_POORT": str(service_port),
    }
    for name in ("LCO_KIT_DATA_DIR", "LCO_KIT_EIGENAAR", "LCO_KIT_ROL", "JUPYTERHUB_USER"):
        env.pop(name, None)
    log = tmp_path / "hub.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(config)], cwd=tmp_path, env=env, stdout=out, stderr=out
        )
    running = Hub(url, log, database, started)
    try:
        while "JupyterHub is now running" not in log.read_text(encoding="utf-8", errors="replace"):
            assert process.poll() is None, "De hub stopte meteen:\n" + running.tail()
            running.left()
            time.sleep(0.3)
        yield running
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def _login(browser: Browser, hub: Hub, user: str) -> Page:
    context = browser.new_context(locale="nl-BE", accept_downloads=True)
    context.set_default_timeout(PAGE_MS)
    page = context.new_page()
    page.goto(f"{hub.url}/hub/login")
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", PASSWORD)
    page.click("input[type=submit], button[type=submit]")
    page.wait_for_url(re.compile(rf".*/user/{user}/.*"), timeout=min(PAGE_MS, hub.left() * 1000))
    return page


def _open_facilitator(page: Page, hub: Hub, user: str) -> None:
    page.goto(f"{hub.url}/user/{user}/voila/render/{FACILITATOR}", timeout=min(PAGE_MS, hub.left() * 1000))
    page.wait_for_selector(".lco-nieuwe-sessie", timeout=min(PAGE_MS, hub.left() * 1000))


@in_own_thread
def test_two_coordinators_and_a_room_on_one_hub(hub: Hub, tmp_path: Path) -> None:
    """On a real hub, do three participants answer A's session without a login, and only A sees and exports it?"""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path())
        an = _login(browser, hub, "an")
        _open_facilitator(an, hub, "an")
        an.click(".lco-nieuwe-sessie")
        an.wait_for_selector(".lco-geheim-waarde")
        secret = an.inner_text(".lco-geheim-waarde").strip()
        an.click(".lco-sleutel-bewaard")
        an.wait_for_selector(".lco-code-groot")
        code = an.inner_text(".lco-code-groot").strip()
        qr_address = an.inner_text(".lco-adres").strip()
        assert qr_address.startswith(f"{hub.url}/services/lco-deelnemen/lco/deelnemen?code={code}&t="), qr_address

        # Three participants, no hub login: only the public service and the QR code's address.
        phones = [Phone(hub.url, seeded(n)) for n in range(3)]
        for phone in phones:
            hub.left()
            assert "Bedankt!" in phone.whole_flow(qr_address, "deelnemer").body
        expect(an.locator(".lco-aantal[data-perspectief=deelnemer]")).to_have_text("3", timeout=PAGE_MS)

        # A's export has the three answers.
        an.click(".lco-maak-csv")
        an.wait_for_selector(".lco-download-csv a")
        with an.expect_download() as download:
            an.click(".lco-download-csv a")
        exported = Path(download.value.path()).read_text(encoding="utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(exported), delimiter=";"))
        assert [row["sessie"] for row in rows] == [code] * 3, exported[:2000]
        assert all(row["perspectief"] == "Deelnemer" and row["opmerking"] is not None for row in rows)
        own = ReflectieStore(hub.database, owner=Owner("an", sees_ownerless=False))
        records = own.respondents(own.session(code).id)
        assert len(records) == 3 and all(r.finished and r.perspective == "deelnemer" for r in records)

        # B: neither A's server nor A's session, not even with A's key.
        bert = _login(browser, hub, "bert")
        response = bert.goto(f"{hub.url}/user/an/voila/render/{FACILITATOR}")
        assert response is not None
        assert response.status >= 400 or "/user/an/" not in bert.url, (response.status, bert.url)
        _open_facilitator(bert, hub, "bert")
        bert.fill(".lco-geheim-invoer input", secret)
        bert.click(".lco-heropen")
        expect(bert.locator("body")).to_contain_text("Met dit geheim kan geen sessie geopend worden", timeout=PAGE_MS)
        assert bert.locator(".lco-code-groot").count() == 0
        browser.close()

    as_bert = subprocess.run(
        [sys.executable, "-m", "lco_kit", "reflectie", "export", code, "--out", str(tmp_path / "b.csv")],
        env={**os.environ, "LCO_KIT_DB": hub.database, "JUPYTERHUB_USER": "bert"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert as_bert.returncode != 0 and "niet van jou" in as_bert.stderr + as_bert.stdout
    assert not (tmp_path / "b.csv").exists()

    # A participant reaches nothing but the light pages.
    phone = phones[0]
    for path in ("/hub/api/users", "/hub/admin", "/user/an/api/contents", "/user/an/lab", "/hub/home"):
        reply = phone.get(path)
        assert reply.status in {401, 403, 404} or "/hub/login" in reply.url, (path, reply.status, reply.url)
        assert "lco-code-groot" not in reply.body and '"content"' not in reply.body
    assert phone.get("/services/lco-deelnemen/api/kernels").status == 404
    hub.left()
