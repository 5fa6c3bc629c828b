"""The public API: named in lco_kit.__all__, imported only when used."""

from __future__ import annotations

import subprocess
import sys

import lco_kit


def test_every_public_name_resolves() -> None:
    """Does every name in lco_kit.__all__ import?"""
    for name in lco_kit.__all__:
        assert getattr(lco_kit, name) is not None


def test_importing_the_kit_does_not_load_matplotlib() -> None:
    """Does importing lco_kit (and its widgets) leave matplotlib unloaded until a chart is made?"""
    code = "import sys, lco_kit, lco_kit.ui; print('matplotlib' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_all_names_are_exactly_the_lazy_exports() -> None:
    """Is every lazily exported name listed in __all__, and nothing else?"""
    assert set(lco_kit.__all__) == {"__version__", *lco_kit._EXPORTS}
