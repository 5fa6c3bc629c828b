"""The registration's data files: published totals with their source, the format, and every text used."""

from __future__ import annotations

import re
from pathlib import Path

from lco_kit.registratie._data import calibration, format_file, published_totals, texts

PACKAGE = Path(__file__).resolve().parents[2] / "lco_kit"


def test_the_published_totals_are_those_of_the_domain_notes_with_a_source() -> None:
    """Are the totals 2009–2016 the published ones, and does the file name its source?"""
    totals = published_totals()
    assert totals.aantallen == {
        2009: 634,
        2010: 833,
        2011: 1008,
        2012: 958,
        2013: 1019,
        2014: 1091,
        2015: 977,
        2016: 1006,
    }
    assert "LCO-cahier" in totals.bron and "2014" in totals.bron
    share = totals.aandelen[0]
    assert (share.jaar, share.client_aanwezig, share.eerste) == (2014, 0.85, 0.28)


def test_the_calibration_says_what_is_calibrated_and_what_is_invented() -> None:
    """Does the simulator's file say which figures are published and which invented, and agree with 2014?"""
    cal = calibration()
    assert "GEÏJKT" in cal.bron and "VERZONNEN" in cal.bron
    by_year = {s.jaar: s for s in cal.aandelen}
    assert by_year[2014].herkomst == "gepubliceerd"
    assert (by_year[2014].client_aanwezig, by_year[2014].eerste) == (0.85, 0.28)
    assert all(0.80 <= s.client_aanwezig <= 0.90 and 0.23 <= s.eerste <= 0.33 for s in cal.aandelen)


def test_the_format_documents_every_column() -> None:
    """Does every column in the format file have an explanation and an example?"""
    spec = format_file()
    assert spec.drempel == 5
    assert all(len(c.uitleg) > 20 for c in spec.kolommen)


def test_every_text_the_code_asks_for_exists() -> None:
    """Is every text key used by the registration's code and page in teksten.yaml?"""
    sources = [*(PACKAGE / "registratie").glob("*.py"), PACKAGE / "ui" / "registratie.py"]
    used: set[str] = set()
    for path in sources:
        code = path.read_text(encoding="utf-8")
        # A whole name only: lco_rij.py's own texts (``_text(…)``) live in lco_rij.yaml.
        used |= set(re.findall(r"""(?<![\w])(?:text|tekst|_heading|registratie_text)\(\s*["']([a-z_]+)["']""", code))
    known = set(texts().teksten)
    assert used, "no text keys found"
    assert used <= known, sorted(used - known)


def test_every_knelpunt_has_a_question_for_policy() -> None:
    """Does every knelpunt category have a question for local policy in the signalennota?"""
    from lco_kit.codes import code_list

    assert set(texts().beleidsvragen) == {c.code for c in code_list("knelpunten").codes}
