"""Every package shows its names one way: listed once in ``__init__.pyi``, imported on first use.

``__init__.py`` holds a docstring and the one line that reads the stub (lazy_loader); the
stub names each export once (``from .model import Casus as Casus``), so a type checker and
the running kit read the same list. A page pays only for the modules it uses.
"""

from __future__ import annotations

import ast
import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KIT = ROOT / "lco_kit"
SKIPPED = ("migrations", "_bundled", "data", "templates")


def _faces() -> list[Path]:
    return sorted(
        init
        for init in KIT.rglob("__init__.py")
        if not any(part in SKIPPED or part.startswith(".") for part in init.relative_to(KIT).parts)
    )


FACES = _faces()


def _name(init: Path) -> str:
    return ".".join(init.parent.relative_to(ROOT).parts)


def _stub_lines(init: Path) -> list[tuple[str, str]]:
    """(module, name) for each name the stub offers."""
    stub = init.with_suffix(".pyi")
    tree = ast.parse(stub.read_text(encoding="utf-8"))
    found = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            assert node.level == 1 and node.module, f"{stub}: only ‘from .module import Name as Name’"
            for alias in node.names:
                assert alias.asname == alias.name, f"{stub}: write ‘{alias.name} as {alias.name}’"
                found.append((node.module, alias.name))
    return found


@pytest.mark.parametrize("init", FACES, ids=_name)
def test_the_face_is_a_docstring_and_the_stub(init: Path) -> None:
    """Does ``__init__.py`` only read its stub (no eager imports, no second list of names)?"""
    tree = ast.parse(init.read_text(encoding="utf-8"))
    assert ast.get_docstring(tree), f"{init}: say in a docstring what the package holds"
    imports = [node for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)]
    assert [ast.unparse(node) for node in imports] == ["import lazy_loader"], init
    assigned = {
        target.id if isinstance(target, ast.Name) else ast.unparse(target)
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
    }
    assert assigned <= {"(__getattr__, __dir__, __all__)", "__version__"}, init
    assert "lazy_loader.attach_stub(__name__, __file__)" in init.read_text(encoding="utf-8")


@pytest.mark.parametrize("init", FACES, ids=_name)
def test_each_name_is_listed_once_and_resolves_to_where_the_stub_says(init: Path) -> None:
    """Is every name in the stub once, and is it the object its module defines?"""
    lines = _stub_lines(init)
    names = [name for _, name in lines]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
    package = importlib.import_module(_name(init))
    assert sorted(package.__all__) == sorted(names)
    for module, name in lines:
        assert getattr(package, name) is getattr(importlib.import_module(f"{_name(init)}.{module}"), name)


def test_a_name_not_offered_is_an_attribute_error() -> None:
    """Is a name a face does not offer refused, naming the package?"""
    import lco_kit.casus

    with pytest.raises(AttributeError, match=r"lco_kit\.casus"):
        _ = lco_kit.casus.nergens  # type: ignore[attr-defined]


def test_importing_every_face_loads_no_inner_module_and_no_heavy_library() -> None:
    """Does importing all faces leave their modules, matplotlib, fpdf and pandas unloaded?"""
    names = [_name(init) for init in FACES]
    code = (
        "import importlib, sys\n"
        f"faces = {names!r}\n"
        "for face in faces: importlib.import_module(face)\n"
        "inner = sorted(m for m in sys.modules if m.startswith('lco_kit.') and m not in faces)\n"
        "heavy = sorted(m for m in ('matplotlib', 'fpdf', 'pandas', 'ipywidgets') if m in sys.modules)\n"
        "print(inner, heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip() == "[] []"


def _outside_text(package_dir: Path) -> str:
    """All code and docs that are not the package itself (nor the package's own tests)."""
    own_tests = ROOT / "tests" / package_dir.name
    texts = []
    for folder in ("lco_kit", "notebooks", "benchmarks", "scripts", "deploy", "docs", "tests"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix not in {".py", ".pyi", ".ipynb", ".md"} or not path.is_file():
                continue
            if path.is_relative_to(package_dir) or path.is_relative_to(own_tests):
                continue
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(texts)


@pytest.mark.parametrize("init", [init for init in FACES if init.parent != KIT], ids=_name)
def test_every_offered_name_is_used_outside_its_package(init: Path) -> None:
    """Is every name on a face used somewhere outside the package (else it is a dead export)?"""
    outside = _outside_text(init.parent)
    dead = [name for _, name in _stub_lines(init) if not re.search(rf"\b{re.escape(name)}\b", outside)]
    assert dead == [], f"{_name(init)} offers names nobody outside uses: {dead}"
