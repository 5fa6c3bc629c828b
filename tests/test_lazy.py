"""Lazily exported names: found on first use, an AttributeError when unknown."""

from __future__ import annotations

import subprocess
import sys

import pytest

from lco_kit._lazy import lazy_exports


def test_a_name_is_imported_on_first_use_and_kept() -> None:
    """Does the hook import the defining module, return the name and keep it on the package?"""
    module = sys.modules["tests"]
    getattr_, dir_ = lazy_exports("tests", {"format_size": "lco_kit.content"}, ["format_size"])
    try:
        assert getattr_("format_size")(1_500_000) == "1,5 MB"
        assert module.format_size is getattr_("format_size")
        assert dir_() == ["format_size"]
    finally:
        delattr(module, "format_size")


def test_an_unknown_name_is_an_attribute_error() -> None:
    """Is a name that is not offered an AttributeError that names the package?"""
    getattr_, _ = lazy_exports("tests", {}, [])
    with pytest.raises(AttributeError, match="'tests' has no attribute 'nergens'"):
        getattr_("nergens")


def test_importing_the_package_loads_neither_matplotlib_nor_fpdf() -> None:
    """Does ``import lco_kit`` stay light (the start page pays for nothing it does not show)?"""
    code = "import sys, lco_kit; print(sorted(m for m in ('matplotlib', 'fpdf', 'pandas') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
