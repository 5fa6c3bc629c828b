"""Checking a casus file: format and privacy together, with one Dutch report."""

from __future__ import annotations

from pathlib import Path

from lco_kit.casus import MAX_CASUS_BYTES, check_casus
from tests.casus.conftest import casus_data, casus_yaml, joined, valid_national_number


def test_a_good_file_is_in_order_and_says_what_is_not_checked() -> None:
    """Is a valid, clean casus in order, and does the report say the scan does not check names?"""
    result = check_casus(casus_yaml().encode(), "mijn-casus.yaml")
    assert result.ok and result.casus is not None
    report = result.report()
    assert report.startswith("mijn-casus.yaml: in orde")
    assert "geen namen" in report


def test_format_problems_and_personal_data_are_both_reported() -> None:
    """Are a format problem and personal data in the same file both in the report, with their lines?"""
    data = casus_data(toestemming=False)
    data["hulpvraag"] = f"Mijn nummer is {valid_national_number()}."
    result = check_casus(casus_yaml(data).encode(), "mijn-casus.yaml")
    assert not result.ok and result.casus is None
    assert [p.field for p in result.fouten] == ["toestemming"]
    assert [f.kind for f in result.privacy] == ["rijksregisternummer"]
    report = result.report()
    assert report.startswith("mijn-casus.yaml: niet in orde.")
    assert "Wat er niet klopt in het formaat:" in report and "zonder toestemming" in report
    assert "Mogelijke persoonsgegevens:" in report and "rijksregisternummer" in report
    assert valid_national_number() not in report


def test_a_valid_file_with_personal_data_is_not_in_order() -> None:
    """Is a casus that is valid but holds an e-mail address refused for sharing?"""
    data = casus_data()
    data["hulpvraag"] = joined("Mail mij op mira", "@", "telenet.be.")
    result = check_casus(casus_yaml(data).encode(), "x.yaml")
    assert result.casus is not None and not result.ok
    assert result.privacy[0].kind == "e-mailadres"


def test_notes_are_shown_without_failing() -> None:
    """Are aandachtspunten shown in the report while the file stays in order?"""
    result = check_casus(casus_yaml(gemeente="Nergensdorp").encode(), "x.yaml")
    assert result.ok
    assert "Om over na te denken (geen fout):" in result.report() and "Nergensdorp" in result.report()


def test_a_binary_file_is_not_scanned_and_says_so() -> None:
    """Is a Word file refused, and does the report say the privacy scan could not run?"""
    result = check_casus(b"PK\x03\x04 word", "casus.docx")
    assert not result.ok and not result.privacy_gescand
    assert "geen tekstbestand" in result.report() and "privacyscan kon niet lopen" in result.report()


def test_an_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    """Is a file above the limit refused with its size, without being read or scanned?"""
    path = tmp_path / "groot.yaml"
    path.write_bytes(b"# " + b"x" * (MAX_CASUS_BYTES + 10))
    result = check_casus(path)
    assert not result.ok and not result.privacy_gescand
    assert "te groot" in result.report() and result.naam == "groot.yaml"


def test_a_missing_file_is_a_dutch_problem(tmp_path: Path) -> None:
    """Does a file that does not exist give a Dutch problem, not an exception?"""
    result = check_casus(tmp_path / "weg.yaml")
    assert not result.ok
    assert "bestaat niet" in result.report()
