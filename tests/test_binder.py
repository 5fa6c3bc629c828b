"""Binder: postBuild installs the package (content included) and the README's link opens a real page."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def test_post_build_fails_fast_and_installs_the_package() -> None:
    """Does postBuild stop on the first error, install the package and its template?"""
    script = (ROOT / "binder" / "postBuild").read_text(encoding="utf-8")
    assert "set -euo pipefail" in script or "set -e" in script
    assert "python -m pip install --no-cache-dir ." in script
    # The template comes with the package (installed as data files), never copied by hand.
    assert "lco_kit/templates/voila" not in script


def test_the_package_builds_with_its_content(tmp_path: Path) -> None:
    """Does a wheel built from the checkout carry the template, settings, data and the pages?"""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            str(ROOT),
            "-w",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("lco_kit-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "lco_kit/templates/voila/templates/lco/index.html.j2" in names
    assert "lco_kit/data/voila/voila.json" in names
    assert "lco_kit/data/codelijsten/gemeenten.yaml" in names
    pages = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert {f"lco_kit/_bundled/notebooks/{p}" for p in pages} <= names
    for folder in ("casussen", "exercises"):
        files = [p.relative_to(ROOT).as_posix() for p in (ROOT / folder).rglob("*.yaml")]
        assert {f"lco_kit/_bundled/{f}" for f in files} <= names


def test_readme_binder_link_opens_the_start_page() -> None:
    """Does the README's Binder link open an existing page in Voilà, without a leading slash?"""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    link = re.search(r"https://mybinder\.org/v2/[^\s)]+", readme)
    assert link is not None
    urlpath = unquote(parse_qs(urlparse(link.group(0)).query)["urlpath"][0])
    assert urlpath.startswith("voila/render/")
    assert (ROOT / urlpath.removeprefix("voila/render/")).is_file()
    assert "openbaar" in readme and "verzonnen casussen" in readme
