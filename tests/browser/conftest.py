"""The browser-test harness: one kit server for the session, headless Chromium, and checks.

The server is the real thing a facilitator runs (``lco-kit start --no-browser``) on a free
port, serving the real ``notebooks/`` folder. Chromium is Debian's (Playwright cannot
download its own browser here). Every page opened through :func:`open_page` records each
request, so a test can prove nothing left localhost.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
NOTEBOOKS = ROOT / "notebooks"
SERVER_START_TIMEOUT = 90
PAGE_TIMEOUT_MS = 90_000

# Texts that must never reach a user: errors, tracebacks, and Voilà's English defaults.
FORBIDDEN_TEXTS = (
    "There was an error",
    "Traceback",
    "Error",
    "Exception",
    "Running",
    "Executing",
    "Reading",
    "Select items",
    "Voilà requires",
    "Kernel",
    "undefined",
    "javascript error",
    "Could not create a view",
)


def chromium_path() -> str:
    """Return the Chromium to drive; fail (never skip) when there is none."""
    for candidate in (os.environ.get("LCO_KIT_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    pytest.fail("Chromium ontbreekt: ‘make test’ installeert het (scripts/ensure-system-packages).")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def kit_server() -> Iterator[str]:
    """Start ``lco-kit start --no-browser`` on a free port; yield its base URL; stop it."""
    port = _free_port()
    ARTIFACTS.mkdir(exist_ok=True)
    log = (ARTIFACTS / "server.log").open("w", encoding="utf-8")
    command = [sys.executable, "-m", "lco_kit", "start", "--no-browser", "--port", str(port)]
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT / "tests")
    probe = f"http://127.0.0.1:{port}/voila/static/voila.js"
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while True:
        if process.poll() is not None:
            pytest.fail(f"De kit-server stopte meteen; zie {ARTIFACTS / 'server.log'} en het logbestand dat daar staat")
        try:
            with urllib.request.urlopen(probe, timeout=2):
                break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                pytest.fail("De kit-server werd niet klaar binnen de tijd.")
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


@pytest.fixture(scope="session")
def base_url(kit_server: str) -> str:
    """Point pytest-base-url (and so Playwright's relative URLs) at the kit server."""
    return kit_server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Launch Debian's Chromium, quietly, without reaching for the network."""
    return {
        **browser_type_launch_args,
        "executable_path": chromium_path(),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    """Open pages in Dutch, at a laptop's size."""
    return {**browser_context_args, "locale": "nl-BE", "viewport": {"width": 1280, "height": 900}}


@dataclass
class OpenedPage:
    """A page opened through the kit server, with every request it made."""

    page: Page
    requests: list[str] = field(default_factory=list)

    def outside_requests(self) -> list[str]:
        """Return the requests that went anywhere but this machine."""
        allowed = {"127.0.0.1", "localhost"}
        return [
            url
            for url in self.requests
            if urlparse(url).scheme not in {"data", "blob", "about"} and urlparse(url).hostname not in allowed
        ]


def page_metadata(name: str) -> dict:
    """Return a notebook's metadata."""
    return json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))["metadata"]


def main_selector(name: str) -> str:
    """Return the CSS selector of a page's main widget (``lco_kit.hoofdelement``)."""
    return page_metadata(name).get("lco_kit", {}).get("hoofdelement", "#rendered_cells")


def open_page(page: Page, base_url: str, name: str) -> OpenedPage:
    """Open a kit page, wait until its main widget is visible, and record its requests."""
    opened = OpenedPage(page)
    page.on("request", lambda request: opened.requests.append(request.url))
    page.goto(f"{base_url}/voila/render/{name}", timeout=PAGE_TIMEOUT_MS)
    page.wait_for_selector("#loading", state="detached", timeout=PAGE_TIMEOUT_MS)
    page.wait_for_selector(main_selector(name), state="visible", timeout=PAGE_TIMEOUT_MS)
    # A page from a kept kernel is drawn first and fills in when its address has come.
    page.wait_for_selector(".lco-wacht-op-adres", state="detached", timeout=PAGE_TIMEOUT_MS)
    return opened


DOCS_IMAGES = ROOT / "docs" / "img"


def screenshot(page: Page, name: str, *, for_docs: bool = False) -> Path:
    """Save a screenshot of the whole page under test-artifacts/screenshots/.

    Voilà scrolls inside ``#rendered_cells``, not the document, so the viewport is made as
    tall as the content for the picture. With ``for_docs`` the picture also goes to
    ``docs/img/`` (the facilitator guide uses it), so the guide's pictures never go stale.
    """
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    viewport = page.viewport_size or {"width": 1280, "height": 900}
    content = page.evaluate(
        "() => { const el = document.getElementById('rendered_cells');"
        " return el ? el.scrollHeight + el.getBoundingClientRect().top : document.body.scrollHeight; }"
    )
    page.set_viewport_size({"width": viewport["width"], "height": max(viewport["height"], min(int(content), 6000))})
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(viewport)
    if for_docs:
        DOCS_IMAGES.mkdir(parents=True, exist_ok=True)
        (DOCS_IMAGES / f"{name}.png").write_bytes(path.read_bytes())
    return path


def serious_accessibility_violations(page: Page) -> list[str]:
    """Run axe-core in the page; return its serious and critical violations, described."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    found = []
    for violation in results.response["violations"]:
        if violation.get("impact") in {"serious", "critical"}:
            targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
            found.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {targets}")
    return found


HTMLCS_SCRIPT = ROOT / "node_modules" / "html_codesniffer" / "build" / "HTMLCS.js"
"""HTML_CodeSniffer from npm (package.json); ``scripts/ensure-system-packages`` installs it."""

_RUN_HTMLCS = """
(standard) => new Promise((resolve, reject) => {
    HTMLCS.process(standard, document, () => {
        resolve(HTMLCS.getMessages().filter((m) => m.type === HTMLCS.ERROR).map((m) => ({
            code: m.code,
            msg: m.msg,
            element: (m.element && m.element.outerHTML ? m.element.outerHTML : String(m.element)).slice(0, 160),
        })));
    }, () => reject(new Error("HTML_CodeSniffer kon de pagina niet nakijken")), "en");
})
"""


def codesniffer_errors(page: Page, standard: str = "WCAG2AA") -> list[str]:
    """Run HTML_CodeSniffer (a second accessibility engine beside axe) in the page; return its errors."""
    if not HTMLCS_SCRIPT.is_file():
        pytest.fail(f"HTML_CodeSniffer ontbreekt ({HTMLCS_SCRIPT}); voer scripts/ensure-system-packages uit.")
    page.add_script_tag(path=str(HTMLCS_SCRIPT))
    messages = page.evaluate(_RUN_HTMLCS, standard)
    return [f"{m['code']}: {m['msg']} — {m['element']}" for m in messages]
