"""The kit installs the way Python installs: sdist → wheel → a fresh venv, run from anywhere.

PyPI, conda-forge and ``uv build`` build the wheel from the sdist, not from the checkout;
this test takes that path with ``python -m build`` and then uses the installed kit as a
person would, from a folder that has nothing to do with the checkout.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tarfile
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests._serving import serving
from tests._threads import in_own_thread

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT_S = 120

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _clean_env(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LCO_KIT_", "PYTHON", "VIRTUAL_ENV", "JUPYTER"))}
    env["LCO_KIT_DATA_DIR"] = str(data)
    return env


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Build sdist and wheel with ``python -m build`` (the wheel from the sdist), as a release would."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        text=True,
    )
    return {"sdist": next(out.glob("lco_kit-*.tar.gz")), "wheel": next(out.glob("lco_kit-*.whl"))}


@pytest.fixture(scope="module")
def installed(built: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Install the wheel (with its dependencies) into a fresh venv; return its bin folder."""
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [venv / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", built["wheel"]],
        check=True,
        capture_output=True,
        text=True,
    )
    return venv / "bin"


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A folder unrelated to the checkout, as a user's home would be."""
    folder = tmp_path / "ergens"
    folder.mkdir()
    return folder


def test_sdist_carries_everything_the_wheel_is_built_from(built: dict[str, Path]) -> None:
    """Does the sdist hold the casussen, exercises, pages, data, template and the licence?"""
    with tarfile.open(built["sdist"]) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for folder, pattern in (("casussen", "*.yaml"), ("exercises", "*.yaml"), ("notebooks", "*.ipynb")):
        expected = {p.relative_to(ROOT).as_posix() for p in (ROOT / folder).glob(pattern)}
        assert expected and expected <= names, folder
    assert "lco_kit/templates/voila/templates/lco/index.html.j2" in names
    assert "lco_kit/data/reflectie/instrument.yaml" in names
    assert "LICENSE" in names


def test_wheel_from_the_sdist_carries_the_content_and_the_licence(built: dict[str, Path]) -> None:
    """Does the wheel built from the sdist carry the bundled pages and casussen, the EUPL text and its SPDX id?"""
    with zipfile.ZipFile(built["wheel"]) as wheel:
        names = set(wheel.namelist())
        metadata = wheel.read("lco_kit-0.1.0.dist-info/METADATA").decode("utf-8")
        licence = next(n for n in names if n.endswith("dist-info/licenses/LICENSE"))
        assert "EUROPEAN UNION PUBLIC LICENCE v. 1.2" in wheel.read(licence).decode("utf-8")
    pages = {p.name for p in (ROOT / "notebooks").glob("*.ipynb")}
    assert {f"lco_kit/_bundled/notebooks/{p}" for p in pages} <= names
    assert {f"lco_kit/_bundled/casussen/{p.name}" for p in (ROOT / "casussen").glob("*.yaml")} <= names
    assert "License-Expression: EUPL-1.2" in metadata
    assert "voila<0.6,>=0.5.13" in metadata.replace(" ", "")


def test_installed_kit_lists_every_curated_casus_from_anywhere(installed: Path, elsewhere: Path) -> None:
    """Does ‘lco-kit casus list’ from the installed wheel, run from an unrelated folder, show every curated casus?"""
    result = subprocess.run(
        [str(installed / "lco-kit"), "casus", "list"],
        cwd=elsewhere,
        env=_clean_env(elsewhere / "data"),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    curated = sorted(p.stem for p in (ROOT / "casussen").glob("*.yaml"))
    assert len(curated) >= 10
    missing = [name for name in curated if f"{name}:" not in result.stdout]
    assert missing == []


@pytest.fixture
def running_kit(installed: Path, elsewhere: Path) -> Iterator[str]:
    """Start the installed kit on a free port from an unrelated folder; yield its address; stop it and its kernels."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with serving(
        [str(installed / "lco-kit"), "start", "--geen-browser", "--poort", str(port)],
        cwd=elsewhere,
        env=_clean_env(elsewhere / "data"),
        log=elsewhere / "terminal.txt",
        ready_url=f"{base}/voila/static/voila.js",
        what="De geïnstalleerde kit",
        timeout=START_TIMEOUT_S,
    ):
        yield base


def test_installed_kit_serves_the_start_page(running_kit: str) -> None:
    """Does ‘lco-kit start’ from the installed wheel serve the start page with its title, in Dutch?"""
    with urllib.request.urlopen(f"{running_kit}/voila/render/00_start.ipynb", timeout=60) as response:  # noqa: S310
        status = response.status
        page = response.read().decode("utf-8")
    assert status == 200
    assert "<title>Welkom bij lco-kit</title>" in page
    assert 'lang="nl"' in page
    assert "TemplateNotFound" not in page


# ---------------------------------------------------------------- the same kit under `jupyter server`

HUB_BASE = "/user/demo/"
HUB_TOKEN = "proef-token"  # noqa: S105 (a throwaway token for a server on loopback)
FAILING_PAGE = "zz_fout_proef.ipynb"
ADDRESS_PAGE = "zz_adres_proef.ipynb"


def _notebook(source: str) -> str:
    """Return a one-cell notebook (a probe page: a failing cell, or one that prints the join address)."""
    import json

    cell = {
        "cell_type": "code",
        "execution_count": None,
        "id": "proef",
        "metadata": {},
        "outputs": [],
        "source": source,
    }
    kernel = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return json.dumps({"cells": [cell], "metadata": {"kernelspec": kernel}, "nbformat": 4, "nbformat_minor": 5})


@pytest.fixture
def jupyter_host(installed: Path, elsewhere: Path) -> Iterator[str]:
    """Serve a folder holding the kit's notebooks/ with the installed kit's ``jupyter server`` at /user/demo/.

    Nothing is copied but the pages, as on Binder or a hub where a checkout sits in the home
    folder: the template and the extensions must come from the installed package alone.
    """
    bundled = subprocess.run(
        [str(installed / "python"), "-c", "import lco_kit, pathlib; print(pathlib.Path(lco_kit.__file__).parent)"],
        cwd=elsewhere,  # not the checkout: the installed package, not ./lco_kit
        env=_clean_env(elsewhere / "data"),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    pages = elsewhere / "werkmap" / "notebooks"
    shutil.copytree(Path(bundled) / "_bundled" / "notebooks", pages)
    (pages / FAILING_PAGE).write_text(_notebook("1 / 0"), encoding="utf-8")
    address = "from lco_kit import config\nprint('ADRES', config.participant_url('K7P2QX'))"
    (pages / ADDRESS_PAGE).write_text(_notebook(address), encoding="utf-8")
    env = _clean_env(elsewhere / "data")
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR"):
        env[name] = str(elsewhere / "jupyter-eigen" / name.lower())  # no user-level Jupyter settings
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    command = [
        str(installed / "jupyter"),
        "server",
        "--no-browser",
        "--allow-root",
        f"--port={port}",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.base_url={HUB_BASE}",
        f"--IdentityProvider.token={HUB_TOKEN}",
    ]
    with serving(
        command,
        cwd=pages.parent,
        env=env,
        log=elsewhere / "jupyter.txt",
        ready_url=f"{base}{HUB_BASE}api",
        what="jupyter server",
        timeout=START_TIMEOUT_S,
    ):
        yield base


def test_installed_kit_puts_its_template_and_extensions_where_jupyter_looks(installed: Path) -> None:
    """Does pip install the template into share/jupyter and enable the kit's extensions in etc/jupyter?"""
    prefix = installed.parent
    assert (prefix / "share/jupyter/voila/templates/lco/index.html.j2").is_file()
    assert (prefix / "share/jupyter/nbconvert/templates/lco/conf.json").is_file()
    enabled = (prefix / "etc/jupyter/jupyter_server_config.d/lco_kit.json").read_text(encoding="utf-8")
    assert '"lco_kit.hosting": true' in enabled and '"lco_kit.server": true' in enabled


@in_own_thread
def test_jupyter_server_at_a_base_url_behaves_as_the_kit(jupyter_host: str, elsewhere: Path) -> None:
    """Under jupyter server at /user/demo/: Dutch lang, the kit's header, no dead link, Dutch cell error, light page?"""
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("LCO_KIT_CHROMIUM") or "/usr/bin/chromium"
    args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"]
    pages_url = f"{jupyter_host}{HUB_BASE}voila/render/notebooks/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=args)
        try:
            context = browser.new_context(extra_http_headers={"Authorization": f"token {HUB_TOKEN}"})
            page = context.new_page()
            # The bare /voila address leads to the start page, through the listing of notebooks/.
            page.goto(f"{jupyter_host}{HUB_BASE}voila", timeout=90_000)
            page.wait_for_url(f"{pages_url}00_start.ipynb", timeout=90_000)
            page.locator(".lco-kit-kop").wait_for(timeout=90_000)
            assert page.locator("html").get_attribute("lang") == "nl"
            page.locator(".lco-start").wait_for(timeout=60_000)
            hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
            own = sorted({h.split("#", 1)[0] for h in hrefs if h.startswith(jupyter_host)})
            dead = []
            for href in own:
                if href.startswith(pages_url) and ".ipynb" in href:
                    # A page link resolves when its notebook is there (rendering each would start a kernel).
                    name = href[len(pages_url) :].split("?", 1)[0]
                    status = context.request.get(
                        f"{jupyter_host}{HUB_BASE}api/contents/notebooks/{name}?content=0"
                    ).status
                else:
                    status = context.request.get(href).status
                if status >= 400:
                    dead.append((href, status))
            assert len(own) >= 8 and dead == []
            page.goto(f"{pages_url}{FAILING_PAGE}", timeout=90_000)
            body = page.locator("body")
            body.get_by_text("Dit deel van de pagina kon niet geladen worden").wait_for(timeout=60_000)
            assert "ZeroDivisionError" not in body.inner_text() and "Traceback" not in body.inner_text()
            page.goto(f"{pages_url}{ADDRESS_PAGE}", timeout=90_000)
            # No public address configured: the join address is the request's own host and base URL.
            expected = f"ADRES {jupyter_host}{HUB_BASE}lco/deelnemen?code=K7P2QX"
            body.get_by_text(expected).wait_for(timeout=60_000)
            light = page.goto(f"{jupyter_host}{HUB_BASE}lco/deelnemen", timeout=60_000)
            assert light is not None and light.status == 200
            assert page.locator("html").get_attribute("lang") == "nl"
        finally:
            browser.close()
    assert "TemplateNotFound" not in (elsewhere / "jupyter.txt").read_text("utf-8")
