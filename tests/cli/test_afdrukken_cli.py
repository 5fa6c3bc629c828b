"""``lco-kit afdrukken``: a programme's PDFs in a folder, one line per file; a wrong programme in Dutch."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests._pdfcheck import check_document


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m lco_kit`` as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "lco_kit", *args], capture_output=True, text=True, timeout=300, check=False
    )


def test_afdrukken_writes_the_intervisie_programme(tmp_path: Path) -> None:
    """Does ‘lco-kit afdrukken --programma intervisie --out MAP’ write the draaiboek, the worksheet and the placemat?"""
    folder = tmp_path / "drukwerk"
    result = run("afdrukken", "--programma", "intervisie", "--out", str(folder))
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["draaiboek-intervisie.pdf", "intervisie-werkblad.pdf", "placemat-a4.pdf"]
    assert "draaiboek-intervisie.pdf (Draaiboek: Intervisie op een casus (90 minuten)) geschreven." in result.stdout
    assert f"Klaar: 3 PDF's in {folder}." in result.stdout
    for name in names:
        check_document((folder / name).read_bytes())


def test_an_unknown_programme_is_refused_in_dutch(tmp_path: Path) -> None:
    """Is ‘--programma feest’ refused in Dutch with the choices, and nothing written?"""
    result = run("afdrukken", "--programma", "feest", "--out", str(tmp_path / "x"))
    assert result.returncode == 2
    assert "ongeldige keuze: 'feest'" in result.stderr and "'reflectiedag'" in result.stderr
    assert not (tmp_path / "x").exists()


def test_a_folder_that_cannot_be_made_is_said_in_dutch(tmp_path: Path) -> None:
    """Is a folder under a file refused with one Dutch line naming the folder, no traceback?"""
    blocker = tmp_path / "bestand"
    blocker.write_text("x", encoding="utf-8")
    result = run("afdrukken", "--programma", "intervisie", "--out", str(blocker / "map"))
    assert result.returncode == 1
    assert f"De map {blocker / 'map'} kan niet gemaakt of beschreven worden" in result.stderr
    assert "Traceback" not in result.stderr
