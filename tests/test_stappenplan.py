from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from lco_kit.casus import Casus, casus_to_yaml, load_casus_file
from lco_kit.errors import LcoError
from lco_kit.registratie import REGISTRATION_COLUMNS, load_registration, summary, validate_row
from lco_kit.stappenplan import (
    Agreement,
    Stappenplan,
    StappenplanKnelpunt,
    check_stappenplan,
    follow_up_casus,
    follow_up_yaml,
    new_stappenplan,
    opening_view,
    registratie_csv,
    registratie_rij,
    require_valid,
    update_follow_up,
    verslag_markdown,
    verslag_pdf,
    with_follow_up,
)
from tests.rollenspel.conftest import CURATED, casus_data, make_casus

DAY = date(2026, 3, 2)
TODAY = date(2026, 11, 22)


def complete(casus: Casus | None = None, datum: date = DAY, **changes: object) -> Stappenplan:
    """Return a complete stappenplan for a casus on a day (earlier agreements told, with a reason), changed as asked."""
    base = new_stappenplan(casus or make_casus(), datum)
    plan = replace(
        base,
        afspraken=(
            Agreement("Samen de aanvraag voor een huurpremie invullen", "ocmw", datum + timedelta(days=28)),
            Agreement("Mira belt zelf naar de kinderopvang in de buurt", "client", datum + timedelta(days=14)),
            Agreement("De stand van de afspraken opvolgen met Mira", "spilfiguur", datum + timedelta(days=44)),
        ),
        knelpunten=(StappenplanKnelpunt("kinderopvang", "Geen opvang voor zeven uur 's morgens in Genk."),),
        opvolging=tuple(
            replace(e, status="gedaan" if e.status == "open" else e.status, reden="Besproken aan tafel.")
            for e in base.opvolging
        ),
    )
    return replace(plan, **changes)  # type: ignore[arg-type]


def rules(plan: Stappenplan) -> list[str]:
    """Return the rules a plan breaks."""
    return [p.regel for p in check_stappenplan(plan)]


def messages(plan: Stappenplan) -> list[str]:
    """Return the Dutch messages of the rules a plan breaks."""
    return [p.boodschap for p in check_stappenplan(plan)]


def test_a_complete_stappenplan_breaks_no_rule() -> None:
    """Does a plan with owners, dates, an own step, a spilfiguur and a knelpunt pass every rule?"""
    assert check_stappenplan(complete()) == []


def test_new_stappenplan_starts_from_the_casus() -> None:
    """Does a new plan take the providers, the minors who take part, the problem domains and the spilfiguur?"""
    plan = new_stappenplan(make_casus(), DAY)
    assert plan.hulpverleners == ("ocmw", "caw", "clb")
    assert plan.minderjarigen == 1
    assert plan.levensdomeinen == ("financien", "werk")
    assert plan.spilfiguur == "caw"
    assert plan.soort == "eerste"
    assert plan.aantal_deelnemers == 1 + 1 + 3 + 1
    assert rules(plan) == ["afspraken", "knelpunten"]


# ------------------------------------------------------------------ each rule, with a failing example


def test_no_agreement_at_all() -> None:
    """Is a plan without any agreement refused?"""
    plan = complete(afspraken=())
    assert "afspraken" in rules(plan)
    assert "Er staat nog geen enkele afspraak in het stappenplan." in messages(plan)[0]


def test_agreement_without_what() -> None:
    """Is an agreement that does not say what refused, with its number?"""
    plan = complete(afspraken=(Agreement("", "client", date(2026, 3, 10)),))
    assert messages(plan)[0] == "Afspraak 1: zeg wat er gebeurt (de kolom ‘wat’ is leeg)."


def test_agreement_without_owner() -> None:
    """Is an agreement without an owner refused, naming it and why?"""
    plan = complete()
    plan = replace(
        plan, afspraken=(*plan.afspraken, Agreement("Een afspraak over de huur maken", "", date(2026, 4, 1)))
    )
    assert rules(plan) == ["afspraak_wie"]
    assert messages(plan) == [
        "Afspraak 4 (‘Een afspraak over de huur maken’) heeft nog geen eigenaar. Kies wie het doet: een afspraak "
        "zonder eigenaar wordt zelden uitgevoerd."
    ]


def test_agreement_with_an_owner_from_outside_the_casus() -> None:
    """Is an owner who is nobody in the casus refused, with who can own it?"""
    plan = complete()
    plan = replace(plan, afspraken=(*plan.afspraken, Agreement("Bellen", "buurvrouw", date(2026, 4, 1))))
    assert rules(plan) == ["afspraak_wie"]
    assert "‘buurvrouw’ is niemand van deze casus" in messages(plan)[0]


def test_agreement_without_date() -> None:
    """Is an agreement without a date refused?"""
    plan = complete()
    plan = replace(plan, afspraken=(*plan.afspraken, Agreement("Bellen naar de school", "caw", None)))
    assert rules(plan) == ["afspraak_datum"]
    assert "(‘Bellen naar de school’) heeft nog geen datum" in messages(plan)[0]


def test_agreement_due_before_the_meeting() -> None:
    """Is an agreement due before the meeting itself refused, with both dates in words?"""
    plan = complete()
    plan = replace(plan, afspraken=(*plan.afspraken, Agreement("Bellen naar de school", "caw", date(2026, 2, 1))))
    assert rules(plan) == ["afspraak_datum_voor_overleg"]
    assert "moet klaar zijn op 1 februari 2026, vóór het overleg van 2 maart 2026" in messages(plan)[0]


def test_the_client_has_no_own_step() -> None:
    """Is a plan in which the client has no step of their own refused?"""
    plan = complete()
    plan = replace(plan, afspraken=tuple(a for a in plan.afspraken if a.wie != "client"))
    assert rules(plan) == ["eigen_stap"]
    assert messages(plan)[0].startswith("Mira heeft nog geen eigen stap.")


def test_no_spilfiguur_named() -> None:
    """Is a plan without a spilfiguur refused?"""
    plan = complete(spilfiguur=None)
    assert rules(plan) == ["spilfiguur"]
    assert "Er is nog geen spilfiguur." in messages(plan)[0]


def test_spilfiguur_who_is_not_a_provider() -> None:
    """Is a spilfiguur who is not one of the providers refused, with the ids?"""
    plan = complete(spilfiguur="buurvrouw")
    assert rules(plan) == ["spilfiguur"]
    assert messages(plan)[0] == "‘buurvrouw’ is geen hulpverlener van deze casus. Kies uit: ocmw, caw, clb."


def test_knelpunten_not_recorded() -> None:
    """Is a plan with no knelpunt and no ‘there were none’ refused?"""
    plan = complete(knelpunten=())
    assert rules(plan) == ["knelpunten"]
    assert "Noteer de structurele knelpunten voor het verslag, of bevestig dat er geen waren." in messages(plan)[0]
    assert check_stappenplan(replace(plan, geen_knelpunten=True)) == []


def test_knelpunten_and_none_at_once() -> None:
    """Is a plan with knelpunten that also says there were none refused?"""
    assert rules(complete(geen_knelpunten=True)) == ["knelpunten"]


def test_knelpunt_without_category() -> None:
    """Is a knelpunt without a category refused?"""
    plan = complete(knelpunten=(StappenplanKnelpunt("", "Geen opvang voor zeven uur."),))
    assert messages(plan) == ["Knelpunt 1: kies de soort knelpunt uit de lijst."]


def test_knelpunt_with_an_unknown_category() -> None:
    """Is a knelpunt with a category from outside the list refused, with a suggestion?"""
    plan = complete(knelpunten=(StappenplanKnelpunt("wachtlijstje", "Lang wachten op begeleiding."),))
    assert rules(plan) == ["knelpunt_categorie"]
    assert "‘wachtlijstje’ staat niet in de lijst" in messages(plan)[0]


def test_knelpunt_without_description() -> None:
    """Is a knelpunt without a description refused?"""
    plan = complete(knelpunten=(StappenplanKnelpunt("kinderopvang", " "),))
    assert rules(plan) == ["knelpunt_omschrijving"]


def test_no_life_domain_discussed() -> None:
    """Is a plan without any life domain refused (the registration needs one)?"""
    assert rules(complete(levensdomeinen=())) == ["levensdomeinen"]


def test_no_municipality() -> None:
    """Is a plan without a municipality refused, saying the registration needs it?"""
    plan = complete(gemeente=None)
    assert rules(plan) == ["gemeente"]
    assert "De registratie heeft de gemeente" in messages(plan)[0]


def test_require_valid_lists_every_problem() -> None:
    """Does asking for the verslag of an incomplete plan give one Dutch message with every problem?"""
    plan = complete(spilfiguur=None, knelpunten=())
    with pytest.raises(LcoError) as caught:
        verslag_markdown(plan)
    text = str(caught.value)
    assert text.startswith("Het stappenplan is nog niet compleet (2 punt(en)):")
    assert "Er is nog geen spilfiguur." in text and "Noteer de structurele knelpunten" in text


# ------------------------------------------------------------------ the verslag


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
    plan = replace(plan, afspraken=(*plan.afspraken, Agreement("<img src=x onerror=alert(1)> | *vet*", "caw", DAY)))
    text = verslag_markdown(plan)
    assert re.search(r"(?<!\\)<", text) is None
    assert r"\<img src=x onerror=alert(1)\> \| \*vet\*" in text


def test_verslag_never_holds_what_the_client_did_not_want_shared() -> None:
    """For every curated casus, does the verslag leave out the client's niet_delen?"""
    for casus in CURATED:
        plan = complete(
            casus,
            afspraken=(
                Agreement("Een eerste stap zetten", "client", date(2026, 3, 20)),
                Agreement("De afspraken opvolgen", "spilfiguur", date(2026, 4, 20)),
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


# ------------------------------------------------------------------ the registration row


def test_the_verslags_registration_row_passes_the_registration_format() -> None:
    """Does the verslag's registration row pass the registration's own row validator, with the right values?"""
    row = registratie_rij(complete(), today=TODAY)
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
    plan = replace(plan, afspraken=(Agreement("Een eerste stap zetten", "client", date(2026, 3, 20)),))
    assert validate_row(registratie_rij(plan, today=TODAY), today=TODAY) == []


def test_a_future_meeting_breaks_the_registration_rule_in_its_own_words() -> None:
    """Is a meeting dated in the future refused with the registration's own message?"""
    with pytest.raises(LcoError) as caught:
        registratie_rij(complete(), today=date(2026, 1, 1))
    text = str(caught.value)
    assert text.startswith("De registratierij voldoet niet aan het registratieformaat:")
    assert "kolom ‘datum’" in text and "in de toekomst" in text


def test_knelpunten_from_verslagen_reach_the_registration_figures() -> None:
    """Do the rows of three verslagen, read as a registration export, count each knelpunt in the figures?"""
    first = complete()
    second = complete(
        make_casus(id="tweede-casus"),
        knelpunten=(
            StappenplanKnelpunt("kinderopvang", "Geen opvang in de vakantie."),
            StappenplanKnelpunt("wachtlijsten", "Acht maanden wachten op begeleiding."),
        ),
    )
    third = complete(make_casus(id="derde-casus"), knelpunten=(), geen_knelpunten=True)
    registration = load_registration(registratie_csv([first, second, third], today=TODAY), "verslagen.csv", today=TODAY)
    assert registration.valid_rows == 3 and registration.invalid_rows == 0
    figures = summary(registration, threshold=1)
    assert figures["knelpunten"]["Kinderopvang"]["aantal"] == 2
    assert figures["knelpunten"]["Wachtlijsten"]["aantal"] == 1
    assert figures["per_jaar"]["2026"]["aantal"] == 3


# ------------------------------------------------------------------ the follow-up


def test_follow_up_round_trip() -> None:
    """Stappenplan → vorige_lco → file → follow-up opening view: is every agreement there, with status and why?"""
    plan = complete()
    reloaded = load_casus_file(follow_up_yaml(plan).encode("utf-8"), "opvolging.yaml")
    assert reloaded.vorige_lco is not None and reloaded.vorige_lco.datum == DAY
    assert reloaded.opstelling is not None and reloaded.opstelling.spilfiguur == "caw"
    opening = opening_view(reloaded, date(2026, 4, 20))
    assert [(r.wat, r.status) for r in opening] == [(a.wat, "open") for a in plan.afspraken]
    assert [r.wie for r in opening] == ["Els (OCMW Genk, sociale dienst)", "Mira (cliënt)", "de spilfiguur"]

    updated = update_follow_up(reloaded, [("gedaan", ""), ("niet gelukt", "De opvang was vol."), ("bezig", "")])
    again = load_casus_file(follow_up_yaml_of(updated), "opvolging-2.yaml")
    opening = opening_view(again, date(2026, 4, 20))  # the reason travels in the casus file
    assert [(r.status_tekst, r.te_laat) for r in opening] == [("gedaan", False), ("niet gelukt", True), ("bezig", True)]
    assert opening[1].reden == "De opvang was vol."

    follow_up = new_stappenplan(again, date(2026, 4, 20))
    assert follow_up.soort == "opvolg"
    assert [e.status for e in follow_up.opvolging] == ["gedaan", "niet gelukt", "bezig"]
    follow_up = complete(again, date(2026, 4, 20), opvolging=follow_up.opvolging)
    assert rules(follow_up) == ["opvolging_reden"]  # only the step still busy lacks its why
    follow_up = with_follow_up(follow_up, [("gedaan", ""), ("niet gelukt", "De opvang was vol."), ("bezig", "Loopt.")])
    require_valid(follow_up)
    text = verslag_markdown(follow_up)
    assert "## Opvolging van de vorige afspraken" in text
    row = "| Mira belt zelf naar de kinderopvang in de buurt | Mira (cliënt) | 16 maart 2026 | niet gelukt | De opvang"
    assert row + " was vol. |" in text
    assert registratie_rij(follow_up, today=TODAY)["soort"] == "opvolg"


def follow_up_yaml_of(casus: Casus) -> bytes:
    """Return a casus as the bytes of its file."""
    return casus_to_yaml(casus).encode("utf-8")


def test_follow_up_needs_a_status_for_every_earlier_agreement() -> None:
    """At a follow-up, is an earlier agreement still ‘open’ refused until its status is said?"""
    casus = follow_up_casus(complete())
    plan = complete(casus, date(2026, 4, 20), opvolging=new_stappenplan(casus).opvolging)
    assert rules(plan) == ["opvolging_status"] * 3
    assert "zeg hoe het ermee staat: gedaan, bezig of niet gelukt" in messages(plan)[0]


def test_follow_up_of_an_incomplete_plan_is_refused() -> None:
    """Is writing an incomplete plan back into the casus refused?"""
    with pytest.raises(LcoError, match="nog niet compleet"):
        follow_up_casus(complete(spilfiguur=None))


def test_updating_the_follow_up_refuses_what_does_not_fit() -> None:
    """Are a casus without earlier LCO, a wrong number of statuses and an unknown status refused in Dutch?"""
    with pytest.raises(LcoError, match="heeft geen vorig overleg"):
        update_follow_up(make_casus(), [])
    casus = follow_up_casus(complete())
    with pytest.raises(LcoError, match="Er zijn 3 vorige afspraken, maar 1 standen gegeven"):
        update_follow_up(casus, [("gedaan", "")])
    with pytest.raises(LcoError, match="‘klaar’ is geen stand van een afspraak"):
        update_follow_up(casus, [("klaar", ""), ("gedaan", ""), ("gedaan", "")])


def test_opening_view_of_a_first_lco_is_empty() -> None:
    """Does a casus without an earlier LCO open with nothing to follow up?"""
    assert opening_view(make_casus()) == ()


def test_curated_follow_up_casus_opens_with_its_statuses() -> None:
    """Does a curated follow-up casus open with each agreement's status from its file?"""
    casus = next(c for c in CURATED if c.id == "beperking-ilse-pelt")
    opening = opening_view(casus, date(2025, 10, 1))
    assert [r.status for r in opening] == ["gedaan", "bezig", "gedaan", "gedaan"]
    assert opening[1].te_laat is True and opening[0].te_laat is False


def test_registration_csv_is_for_belgian_excel() -> None:
    """Is the registration CSV ‘;’-separated with a BOM, one header and one row per plan?"""
    data = registratie_csv(complete(), today=TODAY)
    assert data.startswith("\ufeff".encode())
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == ";".join(REGISTRATION_COLUMNS)
    assert len(lines) == 2 and lines[1].startswith("02/03/2026;Genk;eerste;OCMW;ja;ja;6;")


def test_client_absent_counts_one_participant_less() -> None:
    """Does an absent client count one participant less, and say ‘nee’ in the row?"""
    row = registratie_rij(complete(client_aanwezig=False), today=TODAY)
    assert (row["client_aanwezig"], row["aantal_deelnemers"]) == ("nee", "5")


def test_casus_data_helper_stays_valid() -> None:
    """Is the test casus itself valid (so every failing example above fails for its own reason)?"""
    assert Casus.model_validate(casus_data()).id == "test-rollenspel"


def test_a_casus_that_is_no_lco_gets_no_stappenplan() -> None:
    """Is a stappenplan for a ‘geen_lco’ casus refused with the casus's reason, in Dutch?"""
    casus = make_casus(toestemming=False, geen_lco="Mira weigert het overleg.")
    with pytest.raises(LcoError, match=r"is geen LCO: Mira weigert het overleg\. .*een stappenplan"):
        new_stappenplan(casus)
