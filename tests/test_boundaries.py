"""The house's boundaries, checked on the code's own imports (import-linter).

- Code outside a package uses its face only: ``from lco_kit.casus import Casus``, never
  ``lco_kit.casus.model``. Every package of the kit gets this contract, found on disk, so a
  new package is covered the day it lands.
- Private modules (``_xlsx``, ``_yaml``) are used only inside their own package.
- The floors: nothing imports upward (see ``docs/ontwikkelaars.md``).
- The notebooks call their page through the ``lco_kit.ui`` face.

Tests may import inner modules: they are not part of the house.
"""

from __future__ import annotations

import ast
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent

# From the top floor down; "|" separates independent neighbours on one floor, ":" neighbours
# that may use each other.
FLOORS = (
    "cli",
    "server",
    "ui",
    "drukwerk | hosting",
    "traject",
    "rollenspel | stappenplan | intervisie",
    "casus | oefeningen | reflectie | registratie",
    "principes | codes | itemregels | _installation",
    "content | pdf | export | pages",
    "validation | charts | dutch | fields | config",
    "_yaml",
    "errors",
)


def packages_of(root: Path, name: str) -> list[str]:
    """Every package under ``root/name`` (the root package itself left out), as dotted names."""
    found = []
    for init in sorted((root / name).rglob("__init__.py")):
        parts = init.parent.relative_to(root).parts
        if len(parts) > 1 and not any(part.startswith((".", "_")) for part in parts):
            found.append(".".join(parts))
    return found


def config_text(name: str, packages: Sequence[str], floors: Sequence[str] = ()) -> str:
    """The import-linter configuration for a root package: one face contract a package."""
    lines = [
        "[importlinter]",
        f"root_package = {name}",
        "",
        "[importlinter:contract:private]",
        "name = Private modules stay inside their package",
        "type = private_modules",
        "",
    ]
    for package in packages:
        lines += [
            f"[importlinter:contract:face-{package}]",
            f"name = {package} is used through its face",
            "type = protected",
            f"protected_modules = {package}.**",
            f"allowed_importers = {package}",
            "",
        ]
    if floors:
        lines += [
            "[importlinter:contract:floors]",
            "name = Nothing imports upward",
            "type = layers",
            f"containers = {name}",
            "exhaustive = false",
            "layers =",
        ]
        lines += [f"    {floor}" for floor in floors]
    return "\n".join(lines) + "\n"


def lint(tmp_path: Path, root: Path, name: str, floors: Sequence[str] = ()) -> int:
    """Check the package ``name`` found in ``root``; return import-linter's exit code (0: all kept)."""
    config = tmp_path / "importlinter.ini"
    config.write_text(config_text(name, packages_of(root, name), floors), encoding="utf-8")
    sys.path.insert(0, str(root))
    try:
        return lint_imports(config_filename=str(config), no_cache=True, no_logo=True)
    finally:
        sys.path.remove(str(root))


def test_the_kit_keeps_its_faces_floors_and_private_modules(tmp_path: Path) -> None:
    """Does every import in lco_kit/ go through a face, downward, private modules kept inside?"""
    assert lint(tmp_path, ROOT, "lco_kit", FLOORS) == 0


def test_an_import_of_an_inner_module_from_outside_fails(tmp_path: Path) -> None:
    """Would the check catch a page that imports a package's inner module (and pass the face)?"""
    kit = tmp_path / "proefkit"
    (kit / "casus").mkdir(parents=True)
    (kit / "__init__.py").write_text("", encoding="utf-8")
    (kit / "casus" / "__init__.py").write_text("from proefkit.casus.model import Casus\n", encoding="utf-8")
    (kit / "casus" / "model.py").write_text("class Casus: ...\n", encoding="utf-8")
    (kit / "casus" / "charts.py").write_text("from proefkit.casus.model import Casus\n", encoding="utf-8")
    (kit / "pagina.py").write_text("from proefkit.casus import Casus\n", encoding="utf-8")
    assert lint(tmp_path, tmp_path, "proefkit") == 0
    (kit / "pagina.py").write_text("from proefkit.casus.model import Casus\n", encoding="utf-8")
    assert lint(tmp_path, tmp_path, "proefkit") == 1


def test_an_upward_import_fails(tmp_path: Path) -> None:
    """Would the check catch the casus package importing a page?"""
    kit = tmp_path / "proefkit2"
    kit.mkdir()
    for module in ("__init__", "ui", "casus"):
        (kit / f"{module}.py").write_text("", encoding="utf-8")
    assert lint(tmp_path, tmp_path, "proefkit2", ("ui", "casus")) == 0
    (kit / "casus.py").write_text("import proefkit2.ui\n", encoding="utf-8")
    assert lint(tmp_path, tmp_path, "proefkit2", ("ui", "casus")) == 1


@pytest.mark.parametrize("notebook", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.stem)
def test_a_notebook_calls_its_page_through_the_ui_face(notebook: Path) -> None:
    """Does each page import from ``lco_kit.ui`` only (a page moving between modules touches no notebook)?"""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    source = "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "code")
    modules = {
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert modules == {"lco_kit.ui"}, os.fspath(notebook)
