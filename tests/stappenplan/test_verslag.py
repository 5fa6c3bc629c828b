"""Tests of lco_kit.stappenplan.verslag: the verslag, and the registration row its record gives."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from lco_kit.casus import Afspraak, Casus, Knelpunt
from lco_kit.errors import LcoError
from lco_kit.registratie import (
    REGISTRATION_COLUMNS,
    load_registration,
    registratie_csv,
    registratie_rij,
    summary,
    validate_row,
)
from lco_kit.stappenplan import (
    lco_gegevens,
    verslag_markdown,
    verslag_pdf,
)
from tests.rollenspel.conftest import CURATED, make_casus
from tests.stappenplan.conftest import DAY, TODAY, complete

ROOT = Path(__file__).resolve().parents[2]


def test_verslag_in_markdown_holds_the_plan_the_own_steps_and_the_knelpunten() -> None:
    """Does the Markdown verslag list the agreements, the client's own steps, the spilfiguur and the knelpunten?"""
    text = verslag_markdown(complete())
    assert (
        "| Samen de aanvraag voor een huurpremie invullen | Els (OCMW Genk, sociale dienst) | 30 maart 2026 |" in text
    )
    assert "### Wat Mira zelf doet\n\n- Mira belt zelf naar de kinderopvang in de buurt" in text
    assert "Tom (CAW Limburg, onthaal) is de spilfiguur, gekozen door Mira." in text
    assert "## Structurele knelpunten (signaalfunctie)" in text
    assert "- **Kinderopvang:** Geen opvang voor zeven uur 's morgens in Genk." in text
    assert "- **Soort overleg:** eerste overleg" in text


def test_verslag_shows_typed_markup_as_text() -> None:
    """Is markup typed in an agreement escaped in the Markdown, so it is never rendered?"""
    plan = complete()
    plan = replace(
        plan, afspraken=(*plan.afspraken, Afspraak.concept("<img src=x onerror=alert(1)> | *vet*", "caw", DAY))
    )
    text = verslag_markdown(plan)
    assert re.search(r"(?<!\\)<", text) is None
    assert r"\<img src=x onerror=alert(1)\> \| \*vet\*" in text


def test_verslag_never_holds_what_the_client_did_not_want_shared() -> None:
    """For every curated casus, does the verslag leave out the client's niet_delen?"""
    for casus in CURATED:
        plan = complete(
            casus,
            afspraken=(
                Afspraak.concept("Een eerste stap zetten", "client", date(2026, 3, 20)),
                Afspraak.concept("De afspraken opvolgen", "spilfiguur", date(2026, 4, 20)),
            ),
            spilfiguur=casus.hulpverleners[0].id,
        )
        text = verslag_markdown(plan)
        assert all(item.onderwerp not in text for item in casus.niet_delen)


def test_verslag_as_pdf() -> None:
    """Is the PDF verslag a PDF with the stappenplan and the knelpunten in its text?"""
    reader = PdfReader(io.BytesIO(verslag_pdf(complete())))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Verslag van het lokaal cliëntoverleg" in text
    assert "huurpremie" in text and "kinderopvang in de buurt" in text
    assert "Kinderopvang" in text and "Geen opvang voor zeven uur" in text


def test_the_verslags_registration_row_passes_the_registration_format() -> None:
    """Does the verslag's registration row pass the registration's own row validator, with the right values?"""
    row = registratie_rij(lco_gegevens(complete()), today=TODAY)
    assert list(row) == list(REGISTRATION_COLUMNS)
    assert validate_row(row, today=TODAY) == []
    assert row["datum"] == "02/03/2026"
    assert row["gemeente"] == "Genk"
    assert row["soort"] == "eerste"
    assert row["aanvrager"] == "OCMW"
    assert (row["client_aanwezig"], row["minderjarige_betrokken"]) == ("ja", "ja")
    assert row["aantal_deelnemers"] == "6"
    assert row["levensdomeinen"] == "Financiën|Werk (tewerkstelling)"
    assert row["knelpunten"] == "Kinderopvang"


@pytest.mark.parametrize("casus", CURATED, ids=lambda c: c.id)
def test_every_curated_casus_gives_a_valid_registration_row(casus: Casus) -> None:
    """Does a stappenplan for every curated casus give a row the registration accepts?"""
    plan = complete(casus, spilfiguur=casus.hulpverleners[0].id, gemeente=casus.gemeente or "Hasselt")
    plan = replace(plan, afspraken=(Afspraak.concept("Een eerste stap zetten", "client", date(2026, 3, 20)),))
    assert validate_row(registratie_rij(lco_gegevens(plan), today=TODAY), today=TODAY) == []


def test_a_future_meeting_breaks_the_registration_rule_in_its_own_words() -> None:
    """Is a meeting dated in the future refused with the registration's own message?"""
    with pytest.raises(LcoError) as caught:
        registratie_rij(lco_gegevens(complete()), today=date(2026, 1, 1))
    text = str(caught.value)
    assert text.startswith("De registratierij voldoet niet aan het registratieformaat:")
    assert "kolom ‘datum’" in text and "in de toekomst" in text


def test_knelpunten_from_verslagen_reach_the_registration_figures() -> None:
    """Do the rows of three verslagen, read as a registration export, count each knelpunt in the figures?"""
    first = complete()
    second = complete(
        make_casus(id="tweede-casus"),
        knelpunten=(
            Knelpunt.concept("kinderopvang", "Geen opvang in de vakantie."),
            Knelpunt.concept("wachtlijsten", "Acht maanden wachten op begeleiding."),
        ),
    )
    third = complete(make_casus(id="derde-casus"), knelpunten=(), geen_knelpunten=True)
    registration = load_registration(
        registratie_csv([lco_gegevens(p) for p in (first, second, third)], today=TODAY), "verslagen.csv", today=TODAY
    )
    assert registration.valid_rows == 3 and registration.invalid_rows == 0
    figures = summary(registration, threshold=1)
    assert figures["knelpunten"]["Kinderopvang"]["aantal"] == 2
    assert figures["knelpunten"]["Wachtlijsten"]["aantal"] == 1
    assert figures["per_jaar"]["2026"]["aantal"] == 3


def test_registration_csv_is_for_belgian_excel() -> None:
    """Is the registration CSV ‘;’-separated with a BOM, one header and one row per plan?"""
    data = registratie_csv(lco_gegevens(complete()), today=TODAY)
    assert data.startswith("\ufeff".encode())
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == ";".join(REGISTRATION_COLUMNS)
    assert len(lines) == 2 and lines[1].startswith("02/03/2026;Genk;eerste;OCMW;ja;ja;6;")


def test_client_absent_counts_one_participant_less() -> None:
    """Does an absent client count one participant less, and say ‘nee’ in the row?"""
    row = registratie_rij(lco_gegevens(complete(client_aanwezig=False)), today=TODAY)
    assert (row["client_aanwezig"], row["aantal_deelnemers"]) == ("nee", "5")


def test_a_plan_its_verslag_and_its_registration_row_load_no_pandas() -> None:
    """Do importing the stappenplan, a plan, its Markdown verslag and its registration row leave pandas unloaded?"""
    code = (
        "import sys\n"
        "import lco_kit.stappenplan\n"
        "after_import = 'pandas' in sys.modules\n"
        "from lco_kit.registratie import registratie_rij\n"
        "from lco_kit.stappenplan import lco_gegevens, verslag_markdown\n"
        "from tests.stappenplan.conftest import TODAY, complete\n"
        "plan = complete()\n"
        "verslag_markdown(plan)\n"
        "registratie_rij(lco_gegevens(plan), today=TODAY)\n"
        "print(after_import, 'pandas' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip() == "False False"
