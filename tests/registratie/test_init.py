"""The registratie face: every name it offers resolves, and one row is checked without pandas."""

from __future__ import annotations

import subprocess
import sys

import lco_kit.registratie


def test_every_name_on_the_face_resolves() -> None:
    """Does every name in ``registratie/__init__.pyi`` import from the module it names?"""
    assert lco_kit.registratie.__all__
    for name in lco_kit.registratie.__all__:
        assert getattr(lco_kit.registratie, name) is not None, name


def test_the_face_and_one_row_load_neither_pandas_nor_matplotlib() -> None:
    """Do importing the package and checking one row (a stappenplan's registration row) stay light?"""
    code = (
        "import sys\n"
        "from lco_kit.registratie import REGISTRATION_COLUMNS, validate_row\n"
        "validate_row({'datum': '14/03/2016'})\n"
        "print(sorted(m for m in ('pandas', 'matplotlib') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
