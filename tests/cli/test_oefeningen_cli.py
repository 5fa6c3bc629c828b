"""``lco-kit oefeningen``: checking exercise banks from the command line, as a facilitator would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MALFORMED = ROOT / "tests" / "data" / "oefeningen"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m lco_kit oefeningen …`` as a user would, from the checkout."""
    return subprocess.run(
        [sys.executable, "-m", "lco_kit", "oefeningen", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )


def test_kit_banks_pass() -> None:
    """Does ‘check exercises/’ exit 0 and say how many exercises of each kind it checked?"""
    result = run("check", "exercises/")
    assert result.returncode == 0, result.stderr
    assert "Alles in orde." in result.stdout
    assert "enkelvoudig" in result.stdout and "koppelen" in result.stdout
    assert result.stderr == ""


def test_without_paths_checks_the_kits_banks() -> None:
    """Does ‘check’ without paths check the kit's own banks?"""
    result = run("check")
    assert result.returncode == 0, result.stderr
    assert "oefenreeks(en) nagekeken" in result.stdout


# (file, exercise id, field, words of the Dutch message)
DEFECTS = [
    ("optie-zonder-uitleg.yaml", "opening-zonder-uitleg", "opties → nr. 2 → uitleg", "ontbreekt de uitleg"),
    ("zelfde-uitleg-bij-alle-opties.yaml", "overal-dezelfde-uitleg", "opties", "alle opties hebben dezelfde uitleg"),
    ("geen-juist-antwoord.yaml", "niets-is-juist", "opties", "geen enkele optie is juist"),
    ("onbekende-soort.yaml", "slepen-naar-het-principe", "soort", "de soort ‘sleepspel’ bestaat niet"),
    ("dubbele-id.yaml", "wie-kiest", "id", "komt al voor op regel 5"),
    ("casus-bestaat-niet.yaml", "verwijst-naar-niets", "casus", "de casus ‘familie-die-niet-bestaat’ bestaat niet"),
    ("uitleg-alleen-fout.yaml", "kale-fout", "opties", "(‘Fout.’) is te kort"),
]


def test_every_stored_malformed_bank_is_tested() -> None:
    """Is every stored malformed bank one of the defects tested here (and the other way round)?"""
    assert {p.name for p in MALFORMED.glob("*.yaml")} == {name for name, *_ in DEFECTS}


@pytest.mark.parametrize(("name", "exercise", "field", "words"), DEFECTS, ids=[d[0] for d in DEFECTS])
def test_malformed_bank_exits_1_naming_file_exercise_and_field(
    name: str, exercise: str, field: str, words: str
) -> None:
    """Does a malformed bank give exit 1 and a Dutch message with the file, the exercise id and the field?"""
    result = run("check", f"tests/data/oefeningen/{name}")
    assert result.returncode == 1
    assert f"tests/data/oefeningen/{name}, regel " in result.stderr
    assert f"veld ‘oefening {exercise} → {field}’" in result.stderr
    assert words in result.stderr
    assert "Niet in orde: 1 van de 1 bestanden" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_folder_of_malformed_banks_reports_each_file() -> None:
    """Does checking the folder report every malformed file, not only the first?"""
    result = run("check", "tests/data/oefeningen")
    assert result.returncode == 1
    for name, *_ in DEFECTS:
        assert name in result.stderr
    assert f"Niet in orde: {len(DEFECTS)} van de {len(DEFECTS)} bestanden" in result.stderr


def test_good_and_bad_together_fail_and_name_only_the_bad() -> None:
    """Does a mix of a good bank and a bad one exit 1 and name only the bad one?"""
    good = ROOT / "exercises" / "participatie.yaml"
    result = run("check", str(good), "tests/data/oefeningen/geen-juist-antwoord.yaml")
    assert result.returncode == 1
    assert "geen-juist-antwoord.yaml" in result.stderr
    assert "participatie.yaml" not in result.stderr
    assert "1 van de 2 bestanden" in result.stderr


def test_same_id_in_two_banks_is_reported(tmp_path: Path) -> None:
    """Does an id that two banks share get reported across the files?"""
    source = ROOT / "exercises" / "participatie.yaml"
    copy = tmp_path / "kopie.yaml"
    copy.write_bytes(source.read_bytes())
    result = run("check", str(source), str(copy))
    assert result.returncode == 1
    assert "komt ook voor in" in result.stderr and "kopie.yaml" in result.stderr


def test_missing_path_is_a_dutch_error() -> None:
    """Does a path that does not exist give exit 1 with a Dutch message?"""
    result = run("check", "bestaat/niet.yaml")
    assert result.returncode == 1
    assert "bestaat/niet.yaml, dit bestand of deze map bestaat niet." in result.stderr


def test_empty_folder_is_a_dutch_error(tmp_path: Path) -> None:
    """Does a folder without any bank give exit 1 and say so?"""
    result = run("check", str(tmp_path))
    assert result.returncode == 1
    assert "in deze map staan geen oefenreeksen" in result.stderr


def test_list_shows_each_bank_with_its_counts() -> None:
    """Does ‘list’ show every bank's title with its number of exercises per kind and topic?"""
    result = run("list")
    assert result.returncode == 0, result.stderr
    assert "Participatie (participatie) — " in result.stdout
    assert "soorten: " in result.stdout and "onderwerpen: " in result.stdout
    assert "De vijf principes herkennen (principes-herkennen)" in result.stdout


def test_help_is_dutch() -> None:
    """Does ‘oefeningen check --help’ answer in Dutch?"""
    result = run("check", "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("gebruik: lco-kit oefeningen check")
    assert "MAP_OF_BESTAND" in result.stdout and "usage" not in result.stdout


def test_bank_whose_right_options_are_all_the_longest_is_refused() -> None:
    """Is a bank where the right option is always the longest refused with exit 1 and a Dutch reason?"""
    result = run("check", "tests/data/lengte/juist-altijd-langste.yaml")
    assert result.returncode == 1
    assert "in 2 van de 2 vragen met één juist antwoord is het juiste antwoord het langste" in result.stderr
    assert "de juiste antwoorden zijn gemiddeld" in result.stderr
    assert "Niet in orde: de opties verraden het juiste antwoord" in result.stderr
    assert "Traceback" not in result.stderr
