"""The casus format: what a valid casus is, and the Dutch message for each kind of mistake."""

from __future__ import annotations

import subprocess
import sys

import pytest

from lco_kit.casus import casus_to_yaml, load_casus_file, require_lco
from lco_kit.casus.model import Casus
from lco_kit.errors import ContentError, LcoError
from tests.casus.conftest import casus_data, casus_yaml


def load(text: str) -> Casus:
    """Load a casus from YAML text, as an uploaded file is loaded."""
    return load_casus_file(text.encode("utf-8"), "mijn-casus.yaml")


def problems(text: str) -> list[tuple[int | None, str | None, str]]:
    """Return (line, field, message) of every problem in a casus text."""
    with pytest.raises(ContentError) as caught:
        load(text)
    assert caught.value.file == "mijn-casus.yaml"
    return [(p.line, p.field, p.message) for p in caught.value.problems]


def test_a_valid_casus_loads_with_codes_from_labels() -> None:
    """Are labels and synonyms of the code lists accepted and kept as their codes?"""
    casus = load(casus_yaml())
    assert [h.sector for h in casus.hulpverleners] == ["ocmw", "caw", "onderwijs"]
    assert casus.aanvrager.soort == "ocmw"
    assert casus.knelpunten[0].categorie == "kinderopvang"
    assert casus.client.minderjarigen[0].oud_genoeg
    assert casus.hulpverleners[0].sinds == "2024"


def test_consent_must_be_true() -> None:
    """Is a casus without the client's consent refused, with the reason in Dutch?"""
    [(line, field, message)] = problems(casus_yaml(toestemming=False))
    assert field == "toestemming"
    assert line == casus_yaml().splitlines().index("toestemming: true") + 1
    assert message.startswith("zonder toestemming van de cliënt is er geen LCO")


def test_yes_is_not_read_as_true() -> None:
    """Is ``toestemming: yes`` refused rather than silently taken as true?"""
    text = casus_yaml().replace("toestemming: true", "toestemming: yes")
    [(_, field, message)] = problems(text)
    assert field == "toestemming"
    assert "verwacht true of false, gevonden: ‘yes’" in message


def test_unknown_key_gets_a_suggestion() -> None:
    """Does a misspelt field name get refused with the field it probably meant?"""
    text = casus_yaml().replace("wat_goed_gaat:", "wat_goed_gaan:")
    found = problems(text)
    assert (None, "wat_goed_gaan", "dit veld kent het formaat niet. Bedoel je ‘wat_goed_gaat’?") in [
        (None, f, m) for _, f, m in found
    ]


def test_unknown_sector_names_the_list_and_a_guess() -> None:
    """Is a sector outside the code list refused with the allowed values?"""
    data = casus_data()
    data["hulpverleners"][1]["sector"] = "welzijnshuis"
    [(_, field, message)] = problems(casus_yaml(data))
    assert field == "hulpverleners → nr. 2 → sector"
    assert "‘welzijnshuis’ staat niet in de lijst" in message and "Budget- en schuldhulp" in message


@pytest.mark.parametrize(
    ("change", "field", "fragment"),
    [
        ({"opstelling": {"spilfiguur": "huisarts"}}, "opstelling", "‘spilfiguur’ verwijst naar ‘huisarts’"),
        (
            {"niet_delen": [{"onderwerp": "Een oude ruzie.", "bekend_bij": ["cgg"]}]},
            "niet_delen",
            "‘bekend_bij’ verwijst naar ‘cgg’",
        ),
        ({"aanvrager": {"soort": "CAW", "hulpverlener": "cgg"}}, "aanvrager", "‘hulpverlener’ verwijst naar ‘cgg’"),
        (
            {"vorige_lco": {"afspraken": [{"wat": "Bellen.", "wie": "buurman", "tegen_wanneer": "2026-03-01"}]}},
            "vorige_lco",
            "‘buurman’ (bij ‘wie’) is geen hulpverlener",
        ),
    ],
)
def test_references_must_name_an_existing_provider(change: dict, field: str, fragment: str) -> None:
    """Does every reference to a provider id have to exist, and does the message list the ids?"""
    [(line, found_field, message)] = problems(casus_yaml(**change))
    assert found_field == field
    assert line is not None and line > 1
    assert fragment in message and "ocmw, caw, clb" in message


def test_client_may_request_without_a_provider() -> None:
    """Can the client be the aanvrager, and is a provider then refused as contradiction?"""
    casus = load(casus_yaml(aanvrager={"soort": "Cliënt"}))
    assert casus.aanvrager.soort == "client"
    [(_, field, message)] = problems(casus_yaml(aanvrager={"soort": "cliënt", "hulpverlener": "ocmw"}))
    assert field == "aanvrager" and "vroeg het LCO zelf aan" in message


@pytest.mark.parametrize(
    "coordinator",
    [
        "ocmw",
        {"dienst": "OCMW Genk, sociale dienst"},
        {"dienst": "OCMW Genk, LCO-coördinatie", "naam": "Els"},
    ],
)
def test_coordinator_is_not_one_of_the_providers(coordinator: object) -> None:
    """Is a coördinator who is also a provider (by id, service or name) refused as not neutral?"""
    [(_, field, message)] = problems(casus_yaml(opstelling={"coordinator": coordinator}))
    assert field == "opstelling"
    assert message.startswith("de coördinator is neutraal")


def test_a_neutral_coordinator_and_a_spilfiguur_are_accepted() -> None:
    """Is a coördinator from the OCMW's LCO team accepted next to the OCMW's social worker?"""
    casus = load(
        casus_yaml(
            opstelling={"coordinator": {"dienst": "OCMW Genk, LCO-coördinatie", "naam": "Ilse"}, "spilfiguur": "caw"}
        )
    )
    assert casus.spilfiguur is not None and casus.spilfiguur.naam == "Tom"


@pytest.mark.parametrize(
    ("minor", "fragment"),
    [
        ({"pseudoniem": "Noor", "leeftijd": 18}, "mag hoogstens 17 zijn"),
        ({"pseudoniem": "Noor", "leeftijd": -1}, "moet minstens 0 zijn"),
        ({"pseudoniem": "Seppe", "leeftijd": 5, "neemt_deel": True}, "Seppe is 5 jaar"),
    ],
)
def test_minors_ages(minor: dict, fragment: str) -> None:
    """Are minors 0–17, and is a young child taking part in the meeting refused in Dutch?"""
    data = casus_data()
    data["client"]["minderjarigen"] = [minor]
    [(_, field, message)] = problems(casus_yaml(data))
    assert field is not None and field.startswith("client → minderjarigen → nr. 1")
    assert fragment in message


def test_two_minors_with_the_same_name_are_refused() -> None:
    """Is the same pseudonym for two minors refused (the role-play could not tell them apart)?"""
    data = casus_data()
    data["client"]["minderjarigen"][1]["pseudoniem"] = "noor"
    [(_, field, message)] = problems(casus_yaml(data))
    assert field == "client" and "hetzelfde pseudoniem" in message


@pytest.mark.parametrize(
    ("client_change", "fragment"),
    [
        ({"leeftijd": None}, "geef de leeftijd van de cliënt"),
        ({"leeftijdsgroep": "30-39"}, "niet allebei"),
    ],
)
def test_client_has_one_age(client_change: dict, fragment: str) -> None:
    """Must the client have an age or an age band, but not both?"""
    data = casus_data()
    for key, value in client_change.items():
        if value is None:
            data["client"].pop(key)
        else:
            data["client"][key] = value
    [(_, _, message)] = problems(casus_yaml(data))
    assert fragment in message


def test_age_band_is_shown_as_written() -> None:
    """Is an age band accepted and shown as a person reads it?"""
    data = casus_data()
    data["client"].pop("leeftijd")
    data["client"]["leeftijdsgroep"] = "80+"
    assert load(casus_yaml(data)).client.leeftijd_tekst == "80+ jaar"


def test_duplicate_provider_ids_and_domains_are_refused() -> None:
    """Are two providers with one id, or a life domain listed twice, refused?"""
    data = casus_data()
    data["hulpverleners"][2]["id"] = "ocmw"
    data["levensdomeinen"][2]["domein"] = "Geld"
    found = problems(casus_yaml(data))
    messages = " ".join(m for _, _, m in found)
    assert "komen twee keer voor: ocmw" in messages
    assert "Financiën" in messages and "twee keer" in messages


def test_too_few_providers_is_one_clear_message() -> None:
    """Is a casus with one provider refused with one message, and no extra one when an item is wrong?"""
    data = casus_data()
    data["hulpverleners"] = data["hulpverleners"][:1]
    [(_, field, message)] = problems(casus_yaml(data))
    assert field == "hulpverleners" and message == "verwacht minstens 2 × hulpverlener; gevonden: 1."
    data = casus_data()
    data["hulpverleners"][1]["nabijheid"] = "ver weg"
    [(_, field, _)] = problems(casus_yaml(data))
    assert field == "hulpverleners → nr. 2 → nabijheid"


@pytest.mark.parametrize(("value", "fragment"), [("2021/09", "verwacht een jaar (2021)"), ("2021-13", "2021-13")])
def test_since_is_a_year_or_a_month(value: str, fragment: str) -> None:
    """Is ``sinds`` only a year or a year and month?"""
    data = casus_data()
    data["hulpverleners"][0]["sinds"] = value
    [(_, field, message)] = problems(casus_yaml(data))
    assert field == "hulpverleners → nr. 1 → sinds" and fragment in message


def test_dates_are_written_as_iso() -> None:
    """Is a date like 31/02/2026 refused with the expected form, and 2026-03-01 read as a date?"""
    good = load(
        casus_yaml(vorige_lco={"afspraken": [{"wat": "Bellen.", "wie": "cliënt", "tegen_wanneer": "2026-03-01"}]})
    )
    assert good.vorige_lco is not None and good.vorige_lco.afspraken[0].tegen_wanneer.month == 3
    found = problems(
        casus_yaml(vorige_lco={"afspraken": [{"wat": "Bellen.", "wie": "client", "tegen_wanneer": "31/02/2026"}]})
    )
    assert found[0][2].startswith("verwacht een datum als JJJJ-MM-DD")


def test_a_single_text_is_read_as_a_list_of_one() -> None:
    """Is ``wat_goed_gaat: <one sentence>`` read as a list with that sentence?"""
    casus = load(casus_yaml(wat_goed_gaat="Mira kookt graag."))
    assert casus.wat_goed_gaat == ("Mira kookt graag.",)


def test_unknown_profile_lists_the_profiles() -> None:
    """Is an unknown profiel refused with the profiles the kit knows?"""
    [(_, field, message)] = problems(casus_yaml(profiel="rijke familie"))
    assert field == "profiel" and "gezin_met_tiener" in message


def test_profile_label_is_accepted() -> None:
    """Is a profile's label accepted and kept as its code?"""
    assert load(casus_yaml(profiel="Oudere die thuis woont")).profiel == "oudere_thuis"


def test_aandachtspunten_note_what_a_coordinator_would_raise() -> None:
    """Are a weak indication, an unknown municipality and a distant spilfiguur noted, without refusing the file?"""
    data = casus_data(gemeente="Genkk", opstelling={"spilfiguur": "ocmw"})
    data["hulpverleners"] = data["hulpverleners"][:2]
    data["hulpverleners"][0]["nabijheid"] = "op afstand"
    data["levensdomeinen"] = data["levensdomeinen"][:2]
    notes = load(casus_yaml(data)).aandachtspunten()
    assert len(notes) == 3
    assert "drie of meer" in notes[0] and "2 hulpverleners en 1 levensdomeinen" in notes[0]
    assert "Genkk" in notes[1] and "Genk" in notes[1]
    assert "Els" in notes[2] and "op afstand" in notes[2]
    assert load(casus_yaml()).aandachtspunten() == []


def test_a_casus_that_is_no_lco_is_accepted_with_its_reason() -> None:
    """Is a casus without consent accepted when ‘geen_lco’ says why it is not an LCO?"""
    casus = load(casus_yaml(toestemming=False, geen_lco="Mira wil geen overleg met alle diensten samen."))
    assert casus.geen_lco is not None and casus.geen_lco.reden == "Mira wil geen overleg met alle diensten samen."
    assert not casus.is_lco


def test_consent_false_alone_still_points_to_geen_lco() -> None:
    """Does a plain ‘toestemming: false’ stay refused, and does the message name ‘geen_lco’?"""
    [(_, field, message)] = problems(casus_yaml(toestemming=False))
    assert field == "toestemming"
    assert "geen_lco:" in message


def test_an_empty_geen_lco_reason_is_refused() -> None:
    """Is ‘geen_lco’ without a reason refused on its own field (not also on consent)?"""
    [(_, field, _message)] = problems(casus_yaml(toestemming=False, geen_lco={"reden": " "}))
    assert field == "geen_lco → reden"


@pytest.mark.parametrize("gebruik", ["rollenspel", "stappenplan", "reflectie"])
def test_require_lco_refuses_a_casus_that_is_no_lco_in_dutch(gebruik: str) -> None:
    """Does require_lco refuse a ‘geen_lco’ casus for each use, naming the casus and its reason?"""
    casus = load(casus_yaml(toestemming=False, geen_lco="Mira weigert."))
    with pytest.raises(LcoError) as caught:
        require_lco(casus, gebruik)  # type: ignore[arg-type]
    message = str(caught.value)
    assert message.startswith("‘Een casus om te testen’ is geen LCO: Mira weigert.")
    assert {"rollenspel": "een rollenspel", "stappenplan": "een stappenplan", "reflectie": "een reflectiesessie"}[
        gebruik
    ] in message
    require_lco(load(casus_yaml()), gebruik)  # type: ignore[arg-type]


@pytest.mark.parametrize("spelling", ["client", "Cliënt", "cliënt", "CLIENT"])
def test_the_client_as_owner_of_an_agreement_is_kept_in_one_spelling(spelling: str) -> None:
    """Is ‘wie: client’ (any spelling) read and written back as ‘cliënt’?"""
    agreement = {"wat": "Bellen.", "wie": spelling, "tegen_wanneer": "2026-03-01"}
    casus = load(casus_yaml(vorige_lco={"afspraken": [agreement]}))
    assert casus.vorige_lco is not None and casus.vorige_lco.afspraken[0].wie == "cliënt"
    assert "wie: cliënt" in casus_to_yaml(casus)


def test_the_earlier_spilfiguur_must_be_a_provider() -> None:
    """Does ‘vorige_lco → spilfiguur’ have to name a provider of the casus?"""
    agreement = {"wat": "Bellen.", "wie": "ocmw", "tegen_wanneer": "2026-03-01"}
    [(_, field, message)] = problems(casus_yaml(vorige_lco={"spilfiguur": "buur", "afspraken": [agreement]}))
    assert field == "vorige_lco"
    assert "‘buur’" in message


def test_a_minors_confidence_names_a_minor_of_the_casus() -> None:
    """Is ‘van’ in niet_delen accepted for a minor of the casus and refused for anyone else?"""
    casus = load(casus_yaml(niet_delen=[{"onderwerp": "Pesten op de bus.", "van": "Noor", "bekend_bij": "clb"}]))
    assert [item.onderwerp for item in casus.niet_delen_van("Noor")] == ["Pesten op de bus."]
    assert casus.niet_delen_van(None) == []
    [(_, field, message)] = problems(casus_yaml(niet_delen=[{"onderwerp": "Pesten.", "van": "Jef"}]))
    assert field == "niet_delen"
    assert "Noor, Seppe" in message


def test_who_carries_an_agreement_reads_as_a_person() -> None:
    """Are provider ids and the words cliënt and coördinator shown as a person reads them?"""
    casus = Casus.model_validate(casus_data())
    assert casus.who_label("ocmw") == "Els (OCMW Genk, sociale dienst)"
    assert casus.who_label("cliënt") == casus.who_label("client") == "de cliënt"
    assert casus.who_label("Coördinator") == "de coördinator"


def test_the_casus_model_loads_neither_charts_nor_the_pdf_writer() -> None:
    """Does importing the casus model leave matplotlib and fpdf unloaded (a page that reads a casus stays light)?"""
    code = "import sys, lco_kit.casus.model; print(sorted(m for m in ('matplotlib', 'fpdf') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
