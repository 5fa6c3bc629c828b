"""The privacy scan: every kind of personal data found, decoys left alone, the repository clean.

Texts with valid identifiers are built here from pieces, at test time: no valid number and
no findable address or phone number is written in this file itself.
"""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum import iban
from stdnum.be import nn

from lco_kit.casus import load_casus_file, not_checked, scan_privacy
from lco_kit.casus.privacy import fake_identifier
from lco_kit.content import decode_text
from lco_kit.errors import ContentError
from tests._fuzz import FUZZ
from tests.casus.conftest import (
    casus_data,
    casus_yaml,
    joined,
    valid_bis_number,
    valid_iban,
    valid_national_number,
    valid_old_account,
)

ROOT = Path(__file__).resolve().parents[2]
SCAN_PIECES = (
    "0",
    "4",
    "7",
    "12",
    " ",
    ".",
    "/",
    "-",
    "+32",
    "@",
    ".be",
    "straat",
    "Kerk",
    "bus",
    "geboren op",
    "°",
    "\n",
    "maart",
    "BE",
    "36",
    "00",
    "Genk",
    "nr.",
    "\x00",
    "\ud800",
    "é",
    "٣",
    "𝟘",
    "\u2028",
)


def kinds(text: str) -> list[str]:
    """Return the kinds found in a text, in text order."""
    return [finding.kind for finding in scan_privacy(text)]


def personal_text() -> str:
    """Return a text with one piece of personal data of every kind per line."""
    mobile = joined("04", "70 12 34 56")
    return "\n".join(
        [
            f"Rijksregisternummer van de cliënt: {valid_national_number()}.",
            f"Haar BIS-nummer is {valid_bis_number()}.",
            f"Het leefgeld gaat naar {valid_iban()} voortaan.",
            f"Vroeger op rekening {valid_old_account()}.",
            f"Bel haar op {mobile} na vier uur.",
            joined("Mail naar mira.peeters", "@", "telenet.be als het dringend is."),
            joined("Ze woont in de Kerk", "straat 12 bus 3 sinds vorig jaar."),
            joined("Het adres is 36", "00 Genk."),
            joined("Ze is geboren op 12 maart ", "1985 in Genk."),
        ]
    )


def test_every_kind_is_found_with_its_line() -> None:
    """Does the scan report every kind of personal data, each on its own line?"""
    findings = scan_privacy(personal_text())
    assert [(f.line, f.kind) for f in findings] == [
        (1, "rijksregisternummer"),
        (2, "bisnummer"),
        (3, "iban"),
        (4, "rekeningnummer"),
        (5, "telefoonnummer"),
        (6, "e-mailadres"),
        (7, "adres"),
        (8, "adres"),
        (9, "geboortedatum"),
    ]
    assert findings[4].excerpt == "0470 •• •• ••"
    assert findings[6].excerpt == "K… •• b… •"
    assert findings[4].describe() == "regel 5: telefoonnummer — 0470 •• •• ••"
    assert findings[4].column == len("Bel haar op ") + 1


def test_identifiers_are_partly_masked_in_the_report() -> None:
    """Is a national number or IBAN shown only partly, so the report does not spread it further?"""
    number = valid_national_number()
    [finding] = scan_privacy(f"nummer {number}")
    assert finding.excerpt.startswith(number[:4]) and number[-2:] not in finding.excerpt[4:]
    assert "•" in finding.excerpt


def test_no_kind_is_shown_in_full() -> None:
    """Is every finding masked, so that no phone number, e-mail, street, postcode or date appears in full?"""
    text = personal_text()
    findings = scan_privacy(text)
    assert [f.excerpt for f in findings[4:]] == ["0470 •• •• ••", "m•••@•••.be", "K… •• b… •", "•••• G…", "•• m… ••••"]
    shown = "\n".join(f.describe() for f in findings)
    for value in PIECES_SHOWN_NOWHERE:
        assert value not in shown


PIECES_SHOWN_NOWHERE = (
    joined("04", "70 12 34 56"),
    joined("12 34", " 56"),
    joined("mira.peeters", "@"),
    joined("telenet", ".be"),
    joined("Kerk", "straat"),
    joined("36", "00"),
    joined("12 maart", " 1985"),
    "1985",
)


@FUZZ
@given(st.text(max_size=300) | st.lists(st.sampled_from(SCAN_PIECES), max_size=30).map("".join))
def test_fuzzed_text_gives_findings_that_are_masked_and_short(text: str) -> None:
    """Whatever the text, does the scan return findings (never raise), each excerpt short and its digits hidden?"""
    for finding in scan_privacy(text):
        assert len(finding.excerpt) <= 60 and finding.line >= 1 and finding.column >= 1
        if finding.kind != "e-mailadres":
            assert not any(c.isdigit() for c in finding.excerpt[4:])


@pytest.mark.parametrize(
    "spelling",
    [
        joined("04", "70 12 34 56"),
        joined("04", "70/12.34.56"),
        joined("04", "70.12.34.56"),
        joined("04", "70123456"),
        joined("04", "70 123 456"),
        joined("+32 4", "70 12 34 56"),
        joined("+32 (0)4", "70 12 34 56"),
        joined("0032 4", "70 12 34 56"),
        joined("01", "1 23 45 67"),
        joined("01", "1/23.45.67"),
        joined("0", "2 123 45 67"),
        joined("08", "9 36 12 34"),
    ],
)
def test_belgian_phone_numbers_in_their_usual_spellings(spelling: str) -> None:
    """Is a Belgian phone number found however it is usually written?"""
    assert kinds(f"Bereikbaar op {spelling}, liefst in de voormiddag.") == ["telefoonnummer"]


@pytest.mark.parametrize(
    "number",
    [
        valid_national_number(),
        valid_national_number().replace(".", " ").replace("-", " "),
        valid_national_number("051231", "124"),
    ],
)
def test_national_numbers_in_several_spellings(number: str) -> None:
    """Is a rijksregisternummer found with dots, spaces, or born after 2000?"""
    assert kinds(f"RRN {number} in het dossier") == ["rijksregisternummer"]
    compact = "".join(ch for ch in number if ch.isdigit())
    assert nn.is_valid(compact)
    assert kinds(f"RRN {compact}.") == ["rijksregisternummer"]


@pytest.mark.parametrize(
    "address",
    [
        joined("Grote ", "Markt 1"),
        joined("Hasseltse", "steenweg 120A"),
        joined("Molen", "weg 7"),
        joined("kerk", "straat 12"),
        joined("Stations", "plein 3/2"),
        joined("B-35", "00 Hasselt"),
        joined("35", "11 Kuringen"),
        joined("20", "00 Antwerpen"),
    ],
)
def test_street_addresses_and_postcodes(address: str) -> None:
    """Is a street with a house number, or a postcode with a place, found?"""
    assert kinds(f"Ze woont sinds kort {address} en is tevreden.") == ["adres"]


@pytest.mark.parametrize(
    "birth",
    [
        joined("geboren op 12/03/", "1985"),
        joined("° 12.03.", "1985"),
        joined("°12-03-", "85"),
        joined("geboortedatum: ", "1985-03-12"),
        joined("Geboren te Genk op 3 april ", "1990"),
        joined("geb. 3 apr. ", "1990"),
    ],
)
def test_birth_dates_in_a_birth_context(birth: str) -> None:
    """Is a full date found when it stands in a birth context?"""
    assert kinds(f"De cliënt, {birth}, woont alleen.") == ["geboortedatum"]


def test_a_birth_context_on_the_previous_line_of_a_folded_text() -> None:
    """Is a birth date found when YAML folding put the date on the next line?"""
    assert kinds(joined("samenvatting: >-\n  Mira, geboren op\n  12 maart ", "1985, woont alleen.")) == [
        "geboortedatum"
    ]


def decoy_text() -> str:
    """Return a text full of numbers that are not personal data."""
    rng = random.Random(4)  # noqa: S311  (reproducible decoys, not security)
    return "\n".join(
        [
            f"Een nummer met een foute controle: {fake_identifier('rijksregisternummer', rng)}.",
            f"Een rekening met een foute controle: {fake_identifier('iban', rng)}.",
            "Tegen 15/03/2026 betaalt Mira de eerste schijf; het volgende LCO is op 2026-04-22.",
            "De afspraak van 3 april 2026 om 14:30 loopt door tot 16.00 uur.",
            "Sinds 2019 woont ze in Genk; in 2019 Genk kende 1006 LCO's en in 2012 Limburg 958.",
            "Een achterstand van € 1 250,00 of 1.250 euro, 4 maanden huur, 12 kinderen in de klas.",
            "Dossier 2024/0123, kenmerk LCO-2026-017, ref. 0412/2026/BE, factuur 12345678.",
            "Meer dan 3 diensten; score 2 op 5; 85% van de cliënten was aanwezig; 1091 LCO's.",
            "Geboren in 1985 en geboren in maart 1985: geen volledige datum.",
            "De stap 3 van het stappenplan, bijlage 2, versie 1.4.2, hoofdstuk 12.",
            "Gratis nummer 0800 12 345 en het algemene nummer 078 15 15 15 van een dienst.",
            "Een voorbeeldnummer in een test: +32 11 00 00 00 of 0470 00 00 00.",
            joined("Schrijf naar iemand", "@", "example.org of info", "@", "voorbeeld.test voor het voorbeeld."),
            "In de Limburgse dorpen; 3600 Limburgse gezinnen; Kerkstraat zonder nummer.",
            "Het overleg duurde 2 uur; 20 kinderen; bus 45 naar Hasselt om 07.15 uur.",
        ]
    )


def test_decoys_are_not_reported() -> None:
    """Are wrong checksums, deadlines, years, amounts, counts and dossier references left alone?"""
    assert scan_privacy(decoy_text()) == []


def test_fake_identifiers_always_fail_their_checksum() -> None:
    """Does every made-up national number and IBAN fail its checksum, so it can never be real?"""
    for seed in range(300):
        rng = random.Random(seed)  # noqa: S311  (reproducible decoys, not security)
        number = fake_identifier("rijksregisternummer", rng)
        account = fake_identifier("iban", rng)
        assert not nn.is_valid(number), number
        assert not iban.is_valid(account.replace(" ", "")), account
        assert scan_privacy(f"{number} {account}") == []


def test_a_casus_can_be_scanned_as_a_casus() -> None:
    """Does scan_privacy accept a casus and scan its YAML text?"""
    data = casus_data()
    data["hulpverleners"][0]["visie"] = joined("Bereikbaar op 04", "70 12 34 56.")
    casus = load_casus_file(casus_yaml(data).encode(), "x.yaml")
    [finding] = scan_privacy(casus)
    assert finding.kind == "telefoonnummer" and finding.label == "telefoonnummer"


def test_what_is_not_checked_is_said() -> None:
    """Does the scan say in Dutch that it does not check names or a rare combination of facts?"""
    text = not_checked()
    assert "namen" in text and "zeldzame combinatie van feiten" in text


def _tracked_text_files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return [ROOT / name for name in listed.decode("utf-8").split("\0") if name and (ROOT / name).is_file()]


def test_the_repository_holds_no_personal_data() -> None:
    """Does the privacy scan find nothing in any tracked text file of the repository?"""
    found = []
    scanned = 0
    for path in _tracked_text_files():
        try:
            text = decode_text(path.read_bytes(), path.name, allow_windows_1252=True)
        except ContentError:
            continue  # images and other binary files
        scanned += 1
        found += [f"{path.relative_to(ROOT)}: {f.describe()}" for f in scan_privacy(text)]
    assert scanned > 50
    assert found == []
