"""The kit installs the way Python installs: sdist → wheel → a fresh venv, run from anywhere.

PyPI, conda-forge and ``uv build`` build the wheel from the sdist, not from the checkout;
this test takes that path with ``python -m build`` and then uses the installed kit as a
person would, from a folder that has nothing to do with the checkout.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tarfile
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

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
    log = (elsewhere / "terminal.txt").open("w", encoding="utf-8")
    process = subprocess.Popen(
        [str(installed / "lco-kit"), "start", "--geen-browser", "--poort", str(port)],
        cwd=elsewhere,
        env=_clean_env(elsewhere / "data"),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT_S
    try:
        while True:
            if process.poll() is not None:
                pytest.fail("De geïnstalleerde kit stopte meteen: " + (elsewhere / "terminal.txt").read_text("utf-8"))
            try:
                with urllib.request.urlopen(f"{base}/voila/static/voila.js", timeout=2):  # noqa: S310 (http on loopback)
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("De geïnstalleerde kit werd niet klaar binnen de tijd.")
                time.sleep(0.5)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def test_installed_kit_serves_the_start_page(running_kit: str) -> None:
    """Does ‘lco-kit start’ from the installed wheel serve the start page with its title, in Dutch?"""
    with urllib.request.urlopen(f"{running_kit}/voila/render/00_start.ipynb", timeout=60) as response:  # noqa: S310
        status = response.status
        page = response.read().decode("utf-8")
    assert status == 200
    assert "<title>Welkom bij lco-kit</title>" in page
    assert 'lang="nl"' in page
    assert "TemplateNotFound" not in page
