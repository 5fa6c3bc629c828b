"""``lco-kit registratie``: check, summary, report, signalen and simulate, run as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook
from pypdf import PdfReader

from lco_kit.registratie import simulate_registratie
from tests.registratie.conftest import csv_bytes, good_row

PUBLISHED = {"2009": 634, "2010": 833, "2011": 1008, "2012": 958, "2013": 1019, "2014": 1091, "2015": 977, "2016": 1006}


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run ``python -m lco_kit registratie …`` as a user would, capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "lco_kit", "registratie", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


@pytest.fixture(scope="module")
def simulated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return the file made by ``simulate --seed 1 --out x.csv``."""
    path = tmp_path_factory.mktemp("registratie") / "x.csv"
    result = run("simulate", "--seed", "1", "--out", path)
    assert result.returncode == 0, result.stderr
    assert "bewaard in" in result.stdout
    return path


def test_simulate_then_summary_gives_exactly_the_published_totals_and_shares(simulated: Path) -> None:
    """Does ``simulate --seed 1`` then ``summary --json`` give the published totals and the shares in range?"""
    result = run("summary", simulated, "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert {year: row["aantal"] for year, row in figures["per_jaar"].items()} == PUBLISHED
    assert figures["ongeldige_rijen"] == 0
    for year, row in figures["per_jaar"].items():
        assert 0.80 <= row["client_aanwezig"] / row["aantal"] <= 0.90, year
        assert 0.23 <= row["eerste"] / row["aantal"] <= 0.33, year
    assert round(100 * figures["per_jaar"]["2014"]["client_aanwezig"] / 1091) == 85
    assert round(100 * figures["per_jaar"]["2014"]["eerste"] / 1091) == 28


def test_check_of_a_clean_file_exits_zero(simulated: Path) -> None:
    """Does ``check`` of a correct file say every row counts and exit 0?"""
    result = run("check", simulated)
    assert result.returncode == 0
    assert "7.526 rijen gelezen: 7.526 geldig, 0 ongeldig" in result.stdout


def test_check_lists_every_invalid_row_and_exits_one(tmp_path: Path) -> None:
    """Does ``check`` list each invalid row with its number, column, value and reason, and exit 1?"""
    path = tmp_path / "export.csv"
    path.write_bytes(csv_bytes([good_row(), good_row(datum="31/02/2014"), good_row(client_aanwezig="jaa")]))
    result = run("check", path)
    assert result.returncode == 1
    assert "3 rijen gelezen: 1 geldig, 2 ongeldig (niet meegeteld)." in result.stdout
    assert (
        "rij 3, kolom ‘datum’, waarde ‘31/02/2014’: deze datum bestaat niet: februari 2014 heeft 28 dagen."
        in result.stdout
    )
    assert "rij 4, kolom ‘client_aanwezig’, waarde ‘jaa’: verwacht ‘ja’ of ‘nee’. Bedoel je ‘ja’?" in result.stdout
    assert result.stderr == ""


def test_summary_counts_the_invalid_rows(tmp_path: Path) -> None:
    """Does ``summary --json`` report the number of invalid rows next to the yearly counts?"""
    path = tmp_path / "export.csv"
    path.write_bytes(csv_bytes([good_row(), good_row(soort="opvolg"), good_row(aantal_deelnemers="-1")]))
    figures = json.loads(run("summary", path, "--json").stdout)
    assert figures["ongeldige_rijen"] == 1
    assert figures["per_jaar"]["2016"]["aantal"] == 2
    assert figures["per_jaar"]["2016"]["eerste"] == 1
    assert figures["per_jaar"]["2016"]["client_aanwezig"] == 2


def test_summary_as_text_shows_a_table(simulated: Path) -> None:
    """Without ``--json``, does ``summary`` print a readable table per year?"""
    result = run("summary", simulated, "--jaren", "2014")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[2].split() == ["jaar", "LCO’s", "eerste", "cliënt", "aan", "tafel", "minderjarige"]
    assert lines[3].split()[:4] == ["2014", "1091", "305", "927"]


def test_report_and_signalen_write_pdfs(simulated: Path, tmp_path: Path) -> None:
    """Do ``report`` and ``signalen`` write readable PDFs for a chosen year and municipalities?"""
    report, nota = tmp_path / "rapport.pdf", tmp_path / "nota.pdf"
    first = run("report", simulated, "--out", report)
    second = run("signalen", simulated, "--out", nota, "--jaren", "2014", "--gemeenten", "Genk, hasselt")
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert "Het jaarrapport staat in" in first.stdout
    report_text = PdfReader(report).pages[0].extract_text()
    assert "Jaarrapport lokaal cliëntoverleg" in report_text
    nota_text = PdfReader(nota).pages[0].extract_text()
    assert "Signalennota" in nota_text and "2014 · Genk, Hasselt" in nota_text


def test_simulate_to_xlsx_and_with_faulty_rows(tmp_path: Path) -> None:
    """Does ``simulate --met-fouten 5 --out x.xlsx`` make a workbook whose check finds exactly five invalid rows?"""
    path = tmp_path / "x.xlsx"
    assert run("simulate", "--seed", "2", "--jaren", "2014", "--met-fouten", "5", "--out", path).returncode == 0
    result = run("check", path)
    assert result.returncode == 1
    assert "1.096 rijen gelezen: 1.091 geldig, 5 ongeldig" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("simulate", "--seed", "1", "--jaren", "2016-2009", "--out", "x.csv"), "De reeks 2016-2009 loopt achteruit"),
        (("simulate", "--seed", "1", "--jaren", "negen", "--out", "x.csv"), "‘negen’ is geen jaar en geen reeks jaren"),
        (("simulate", "--seed", "1", "--out", "x.pdf"), "Kies een bestand dat eindigt op .csv of .xlsx"),
        (("check", "bestaat-niet.csv"), "Het bestand bestaat-niet.csv bestaat niet."),
    ],
)
def test_mistakes_get_one_dutch_line_and_exit_one(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    """Does a reversed range, a wrong file type or a missing file get one Dutch message, exit 1, no traceback?"""
    result = subprocess.run(
        [sys.executable, "-m", "lco_kit", "registratie", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert result.stderr.startswith(message)
    assert "Traceback" not in result.stderr


def test_a_file_that_is_not_a_table_gets_one_message(tmp_path: Path) -> None:
    """Is a PDF passed to ``check`` refused with one Dutch line?"""
    path = tmp_path / "verslag.csv"
    path.write_bytes(b"%PDF-1.7 ...")
    result = run("check", path)
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        == "verslag.csv: dit is een PDF-bestand, geen tabel. Kies een CSV-bestand of een Excel-bestand (.xlsx)."
    )


def test_mapping_and_sheet_options(tmp_path: Path) -> None:
    """Do ``--koppel`` and ``--blad`` read another export's columns and the chosen sheet?"""
    from tests.registratie.conftest import xlsx_bytes

    header = [
        "Dag",
        "gemeente",
        "soort",
        "aanvrager",
        "client_aanwezig",
        "minderjarige_betrokken",
        "aantal_deelnemers",
        "levensdomeinen",
        "knelpunten",
    ]
    row = ["14/03/2016", "Genk", "eerste", "OCMW", "ja", "nee", 5, "Werk", ""]
    path = tmp_path / "export.xlsx"
    path.write_bytes(xlsx_bytes({"Uitleg": [["lees mij"]], "Data": [header, row]}))
    missing = run("check", path, "--blad", "Data")
    assert missing.returncode == 1 and "deze kolommen ontbreken: ‘datum’" in missing.stderr
    result = run("check", path, "--blad", "Data", "--koppel", "Dag=datum")
    assert result.returncode == 0, result.stderr
    assert "werkblad ‘Data’" in result.stdout and "1 rij gelezen: 1 geldig" in result.stdout


def test_an_unknown_municipality_in_a_selection_is_a_dutch_error(simulated: Path) -> None:
    """Is choosing a municipality that is not in the file refused in Dutch?"""
    result = run("summary", simulated, "--gemeenten", "Atlantis")
    assert result.returncode == 1
    assert "De gemeente ‘Atlantis’ komt niet voor in de geldige rijen van dit bestand." in result.stderr


def test_help_is_dutch() -> None:
    """Does ``lco-kit registratie --help`` list the five commands in Dutch?"""
    result = run("--help")
    assert result.returncode == 0
    for verb in ("check", "summary", "report", "signalen", "simulate"):
        assert verb in result.stdout
    assert "opties:" in result.stdout and "kijk een bestand na en toon elke ongeldige rij" in result.stdout


def test_a_valid_workbook_over_2_mb_is_read_whole(tmp_path: Path) -> None:
    """Is a valid .xlsx of over 2 MB read in full by ``check`` (not cut at one megabyte and called damaged)?"""
    base = simulate_registratie(1)
    rows = 40_000
    frame = pd.concat([base] * -(-rows // len(base)), ignore_index=True).iloc[:rows]
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Registratie")
    sheet.append(list(frame.columns))
    for number, record in enumerate(frame.itertuples(index=False)):
        sheet.append(
            [
                f"B-{number:06d}" if column == "lco_id" else value
                for column, value in zip(frame.columns, record, strict=True)
            ]
        )
    path = tmp_path / "groot.xlsx"
    book.save(path)
    assert path.stat().st_size > 2_000_000
    result = run("check", path)
    assert result.returncode == 0, result.stderr
    assert "40.000 rijen gelezen: 40.000 geldig, 0 ongeldig" in result.stdout
