"""``lco-kit privacy scan``: findings with line, kind and excerpt; exit 1 when found, 0 when clean."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.casus.conftest import joined, valid_national_number


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m lco_kit`` as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "lco_kit", *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_findings_are_reported_with_line_and_kind(tmp_path: Path) -> None:
    """Does a Markdown note with a phone number and a birth date exit 1 and name line, kind and excerpt?"""
    note = tmp_path / "verslag.md"
    phone = joined("04", "71 23 45 67")
    note.write_text(
        joined(f"# Verslag\n\nMira is bereikbaar op {phone}.\nZe is geboren op 4 mei ", "1988.\n"),
        encoding="utf-8",
    )
    result = run("privacy", "scan", str(note))
    assert result.returncode == 1
    assert f"{note}: 2 mogelijke persoonsgegeven(s) gevonden." in result.stdout
    assert "regel 3: telefoonnummer — 0471 •• •• ••" in result.stdout
    assert "regel 4: geboortedatum — • m… ••••" in result.stdout
    assert phone not in result.stdout and "1988" not in result.stdout
    assert "Mogelijke persoonsgegevens gevonden in 1 van de 1 bestand(en)." in result.stdout


def test_a_clean_file_exits_0_and_says_what_is_not_checked(tmp_path: Path) -> None:
    """Does a clean file exit 0, and does the result say that names are not checked?"""
    note = tmp_path / "casus.yaml"
    note.write_text("titel: Mira zoekt rust\nsamenvatting: Tegen 15/03/2026 komt er een plan.\n", encoding="utf-8")
    result = run("privacy", "scan", str(note))
    assert result.returncode == 0
    assert "Geen persoonsgegevens gevonden in 1 bestand(en)." in result.stdout
    assert "Hij controleert geen namen" in result.stdout and "zeldzame" in result.stdout


def test_a_folder_is_scanned_file_by_file(tmp_path: Path) -> None:
    """Are the text files in a folder scanned, and only the one with data reported?"""
    (tmp_path / "schoon.md").write_text("Niets bijzonders.\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "vuil.txt").write_text(f"RRN {valid_national_number()}\n", encoding="utf-8")
    (tmp_path / "foto.png").write_bytes(b"\x89PNG binary")
    result = run("privacy", "scan", str(tmp_path))
    assert result.returncode == 1
    assert "vuil.txt: 1 mogelijke persoonsgegeven(s) gevonden." in result.stdout
    assert "regel 1: rijksregisternummer — 85.0" in result.stdout
    assert valid_national_number() not in result.stdout
    assert "in 1 van de 2 bestand(en)" in result.stdout


def test_windows_1252_text_is_scanned(tmp_path: Path) -> None:
    """Is a text saved in Windows-1252 still scanned (the scan reads any text file)?"""
    note = tmp_path / "oud.txt"
    note.write_bytes(joined("Cliënt woont in de Molen", "straat 3.\n").encode("cp1252"))
    result = run("privacy", "scan", str(note))
    assert result.returncode == 1 and "regel 1: adres" in result.stdout


def test_unreadable_files_are_reported_in_dutch(tmp_path: Path) -> None:
    """Are a missing file and a Word file reported in Dutch with exit code 1, never a traceback?"""
    word = tmp_path / "casus.docx"
    word.write_bytes(b"PK\x03\x04 zip")
    result = run("privacy", "scan", str(tmp_path / "weg.md"), str(word))
    assert result.returncode == 1
    assert "weg.md: dit bestand kan niet gescand worden. Het bestaat niet" in result.stdout
    assert "casus.docx: dit bestand kan niet gescand worden. Dit is geen tekstbestand" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
