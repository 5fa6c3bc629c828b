"""The lco-kit command: Dutch help, Dutch errors, one module per command group."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from lco_kit.cli import main
from lco_kit.cli._main import build_parser

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m lco_kit`` as a user would, capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "lco_kit", *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_help_is_dutch() -> None:
    """Does ``lco-kit --help`` answer in Dutch?"""
    result = run("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("gebruik: lco-kit")
    assert "opties:" in result.stdout and "toon deze hulp en stop" in result.stdout
    assert "usage" not in result.stdout and "show this help" not in result.stdout


def test_console_script_is_installed() -> None:
    """Is the ``lco-kit`` console script installed next to Python?"""
    script = Path(sys.executable).with_name("lco-kit")
    result = subprocess.run([str(script), "start", "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert "--poort N, --port N" in result.stdout
    assert "open geen browser" in result.stdout


def test_unknown_command_is_a_dutch_error() -> None:
    """Does an unknown command get a Dutch error, not an English one?"""
    result = run("begin")
    assert result.returncode == 2
    assert "fout: argument OPDRACHT: ongeldige keuze: 'begin'" in result.stderr


def test_missing_command_is_a_dutch_error() -> None:
    """Does calling without a command say in Dutch what is missing?"""
    result = run()
    assert result.returncode == 2
    assert "deze argumenten ontbreken: OPDRACHT" in result.stderr


def test_bad_port_value_is_a_dutch_error() -> None:
    """Is a port that is not a number refused in Dutch?"""
    result = run("start", "--port", "acht")
    assert "ongeldige waarde: 'acht'" in result.stderr


def test_busy_port_is_told_in_dutch() -> None:
    """Does ``lco-kit start`` on a busy port say so in Dutch, without a traceback?"""
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run("start", "--no-browser", "--port", str(port))
    assert result.returncode == 1
    assert f"Poort {port} is al in gebruik" in result.stderr
    assert "Traceback" not in result.stderr


def test_command_groups_are_found_by_module() -> None:
    """Is every module in lco_kit/cli (except private ones) a command group on the parser?"""
    folder = ROOT / "lco_kit" / "cli"
    modules = {p.stem for p in folder.glob("*.py") if not p.stem.startswith("_")}
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "==SUPPRESS==" or a.choices)
    assert modules <= set(subparsers.choices)


def test_unexpected_error_is_dutch_and_logged(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Does a defect in a command show a Dutch message with a reference instead of a traceback?"""
    from lco_kit import server

    def crash(*_: object, **__: object) -> None:
        raise RuntimeError("kapot")

    monkeypatch.setattr(server, "serve", crash)
    assert main(["start", "--no-browser"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Er ging onverwacht iets mis (kenmerk ")
    assert "RuntimeError" not in err


def test_without_lan_no_group_is_asked_for() -> None:
    """Does plain ``lco-kit start`` leave the group size to the server (none alone, 30 with --lan)?"""
    assert build_parser().parse_args(["start"]).room is None
    assert build_parser().parse_args(["start", "--lan", "--groep", "12"]).room == 12


def test_a_group_size_that_is_not_a_number_or_too_big_is_refused_in_dutch() -> None:
    """Are ``--groep x`` and ``--groep 0`` refused with a Dutch reason?"""
    assert "‘x’ is geen getal" in run("start", "--lan", "--groep", "x").stderr
    assert "tussen 1 en 100 deelnemers" in run("start", "--lan", "--groep", "0").stderr
