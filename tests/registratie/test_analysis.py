"""The figures of a registration: per year, municipality, domain, requester, knelpunt, and the signals."""

from __future__ import annotations

import pandas as pd

from lco_kit.registratie import Registration, Selection, signals, summary, validate_frame
from lco_kit.registratie.analysis import (
    domain_table,
    gemeente_table,
    knelpunt_by_gemeente,
    knelpunt_by_year,
    requester_table,
    select,
    year_table,
)
from lco_kit.registratie.suppression import HIDDEN, TOTAL
from tests.registratie.conftest import TODAY, good_row


def registration(rows: list[dict[str, object]]) -> Registration:
    """Return a checked registration of the given rows."""
    return validate_frame(pd.DataFrame(rows), today=TODAY)


def test_year_figures_count_kinds_presence_and_minors() -> None:
    """Are LCOs, first requests, client presence and minors counted per year?"""
    rows = [
        good_row(datum="01/02/2015", soort="eerste", client_aanwezig="ja", minderjarige_betrokken="ja"),
        good_row(datum="01/03/2015", soort="opvolg", client_aanwezig="nee"),
        good_row(datum="01/03/2016", soort="opvolg", client_aanwezig="ja"),
    ]
    years = year_table(registration(rows).rows).values
    assert years.loc[2015].to_dict() == {
        "aantal": 2,
        "eerste": 1,
        "opvolg": 1,
        "client_aanwezig": 1,
        "client_afwezig": 1,
        "minderjarige_betrokken": 1,
        "minderjarige_niet_betrokken": 1,
    }
    assert years.loc[TOTAL, "aantal"] == 3


def test_the_summary_gives_the_published_totals_and_shares(simulated: Registration) -> None:
    """Does the summary of the simulated file give 1091 LCOs in 2014, 85 % with the client, 28 % first?"""
    figures = summary(simulated)
    year = figures["per_jaar"]["2014"]
    assert year["aantal"] == 1091 == year["gepubliceerd"]
    assert round(year["aandeel_client_aanwezig"] * 100) == 85
    assert round(year["aandeel_eerste"] * 100) == 28
    assert figures["ongeldige_rijen"] == 12
    assert figures["geldige_rijen"] == 7526


def test_breakdowns_in_the_summary_are_suppressed(simulated: Registration) -> None:
    """Are small counts per municipality null in the summary, and is the threshold named?"""
    figures = summary(simulated, Selection(years=(2014,)))
    assert figures["drempel"] == 5
    real = select(simulated.rows, Selection(years=(2014,)))["gemeente"].astype(str).value_counts()
    small = [name for name, count in real.items() if 0 < count < 5]
    assert small
    assert all(figures["per_gemeente"][name]["aantal"] is None for name in small)
    assert figures["per_gemeente"]["Hasselt"]["aantal"] == real["Hasselt"]
    shown = [v for row in figures["per_gemeente"].values() for v in row.values() if v is not None]
    assert all(v == 0 or v >= 5 for v in shown)
    assert set(figures["knelpunten"]) >= {"Wachtlijsten", "Betaalbare huisvesting"}


def test_choosing_some_municipalities_suppresses_the_yearly_figures_too(simulated: Registration) -> None:
    """When only Voeren is chosen, are its small yearly counts hidden (a year is no longer the province)?"""
    figures = summary(simulated, Selection(gemeenten=("Voeren",)))
    assert figures["selectie"]["gemeenten"] == ["Voeren"]
    values = [v for row in figures["per_jaar"].values() for v in (row["aantal"], row["eerste"], row["client_aanwezig"])]
    assert None in values
    assert "gepubliceerd" not in figures["per_jaar"]["2014"]
    assert all(v is None or v == 0 or v >= 5 for v in values)


def test_selection_keeps_only_the_chosen_years_and_municipalities(simulated: Registration) -> None:
    """Does a selection keep exactly the rows of its years and municipalities?"""
    rows = select(simulated.rows, Selection(years=(2014, 2015), gemeenten=("Genk", "Hasselt")))
    assert set(rows["jaar"]) == {2014, 2015}
    assert set(rows["gemeente"].astype(str)) == {"Genk", "Hasselt"}


def test_the_municipality_table_has_no_lone_hidden_cell(simulated: Registration) -> None:
    """In the 2014 municipality table, does every row keep zero or at least two hidden cells per sum?"""
    result = gemeente_table(select(simulated.rows, Selection(years=(2014,))))
    hidden = result.hidden
    for _, row in hidden.iterrows():
        assert int(row[["aantal", "eerste", "opvolg"]].sum()) != 1
        assert int(row[["aantal", "client_aanwezig", "client_afwezig"]].sum()) != 1
    for column in hidden.columns:
        assert int(hidden[column].sum()) != 1
    assert result.values.loc[TOTAL, "aantal"] == 1091


def test_requesters_and_domains_are_labelled_and_suppressed() -> None:
    """Are requesters and life domains shown by their Dutch labels, small counts hidden?"""
    rows = [good_row(aanvrager="OCMW", levensdomeinen="Financiën|Werk")] * 6 + [good_row(aanvrager="Huisarts")]
    reg = registration(rows)
    requesters = requester_table(reg.rows).display()["aantal"]
    assert requesters["OCMW"] == HIDDEN and requesters["Huisarts"] == HIDDEN  # 1 is small, 6 protects it
    assert requesters["CAW"] == "0"
    domains = domain_table(reg.rows).display()["aantal"]
    assert domains["Financiën"] == "7" and domains["Werk (tewerkstelling)"] == "6"


def test_knelpunten_per_year_and_municipality() -> None:
    """Are knelpunten counted per year and per municipality, an LCO counting for each it names?"""
    rows = [good_row(knelpunten="Wachtlijsten|Mobiliteit", gemeente="Bree")] * 5 + [
        good_row(knelpunten="", gemeente="As")
    ]
    reg = registration(rows)
    by_year = knelpunt_by_year(reg.rows).values
    assert by_year.loc["Wachtlijsten", 2016] == 5 and by_year.loc["Mobiliteit", 2016] == 5
    by_gemeente = knelpunt_by_gemeente(reg.rows).values
    assert by_gemeente.loc["Bree", "Mobiliteit"] == 5 and by_gemeente.loc["As", "Wachtlijsten"] == 0


def test_signals_find_what_keeps_coming_back_and_rises(simulated: Registration) -> None:
    """Do the signals put the most frequent knelpunt first, see it every year, and see housing rise?"""
    found = signals(simulated.rows)
    assert found[0].count == max(s.count or 0 for s in found if s.code != "andere")
    assert found[-1].code == "andere"
    housing = next(s for s in found if s.code == "betaalbare_huisvesting")
    assert housing.trend == "stijgt"
    assert housing.recurring
    assert housing.years_present == 8 and housing.gemeenten_total == 44
    assert housing.top_gemeenten[0][0] in {"Hasselt", "Genk"}
    sharing = next(s for s in found if s.code == "informatie_delen")
    assert sharing.trend == "daalt"


def test_signals_never_name_a_hidden_count() -> None:
    """With only three LCOs naming a knelpunt, is its count hidden and no municipality named?"""
    rows = [good_row(knelpunten="Kinderopvang", gemeente="As")] * 3 + [good_row(knelpunten="")] * 10
    found = {s.code: s for s in signals(registration(rows).rows)}
    assert found["kinderopvang"].count is None
    assert found["kinderopvang"].top_gemeenten == []
    assert found["kinderopvang"].share is None
