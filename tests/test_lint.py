"""The code stays clean: ruff (lint and format) and mypy (strict on the package) pass."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PATHS = ["lco_kit", "tests", "benchmarks"]


def run(*command: str) -> subprocess.CompletedProcess[str]:
    """Run a tool of the venv from the repository root."""
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_finds_nothing() -> None:
    """Does ``ruff check`` pass on the package, the tests and the benchmarks?"""
    result = run("ruff", "check", "--output-format", "concise", *PATHS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_formatted() -> None:
    """Is every file formatted as ``ruff format`` would?"""
    result = run("ruff", "format", "--check", *PATHS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_passes() -> None:
    """Does mypy (settings in pyproject.toml) find no type error?"""
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
