"""The simulated registration: published totals exactly, the shares in range, and reproducible."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from stdnum.be import nn

from lco_kit.codes import gemeenten_in
from lco_kit.errors import LcoError
from lco_kit.registratie import REGISTRATION_COLUMNS, simulate_registratie, validate_frame
from lco_kit.registratie.simulator import parse_years
from lco_kit.registratie.texts import registratie_text as text

PUBLISHED = {2009: 634, 2010: 833, 2011: 1008, 2012: 958, 2013: 1019, 2014: 1091, 2015: 977, 2016: 1006}


@pytest.fixture(scope="module")
def simulated() -> pd.DataFrame:
    """Return the simulated registration 2009–2016 with seed 1."""
    return simulate_registratie(1)


def test_yearly_totals_equal_the_published_figures(simulated: pd.DataFrame) -> None:
    """Is the number of rows per year exactly the published Limburg total, 2009 to 2016?"""
    years = simulated["datum"].str[-4:].astype(int).value_counts().sort_index()
    assert years.to_dict() == PUBLISHED


def test_the_shares_stay_in_range_every_year_and_2014_matches_the_province(simulated: pd.DataFrame) -> None:
    """Is the client present in 80–90 % and a first request in 23–33 % every year, 2014 at 85 % and 28 %?"""
    year = simulated["datum"].str[-4:].astype(int)
    client = (simulated["client_aanwezig"] == "ja").groupby(year).mean()
    first = (simulated["soort"] == "eerste").groupby(year).mean()
    assert client.between(0.80, 0.90).all()
    assert first.between(0.23, 0.33).all()
    assert round(client[2014] * 100) == 85
    assert round(first[2014] * 100) == 28


def test_every_row_is_valid_and_uses_the_format(simulated: pd.DataFrame) -> None:
    """Does every simulated row pass the check, with exactly the registration's columns?"""
    assert tuple(simulated.columns) == REGISTRATION_COLUMNS
    registration = validate_frame(simulated, today=dt.date(2026, 1, 1))
    assert registration.invalid_rows == 0
    assert registration.valid_rows == sum(PUBLISHED.values())
    assert not registration.warnings


def test_it_uses_the_44_limburg_municipalities_of_that_time(simulated: pd.DataFrame) -> None:
    """Are the municipalities those of Limburg in 2016 (44), all with LCOs from 2012, fewer before?"""
    limburg = {name for name, province in gemeenten_in(2016).items() if province == "Limburg"}
    assert len(limburg) == 44
    assert set(simulated["gemeente"]) == limburg
    year = simulated["datum"].str[-4:].astype(int)
    per_year = simulated.groupby(year)["gemeente"].nunique()
    assert per_year[2009] < per_year[2011] < 44
    assert (per_year.loc[2012:] == 44).all()


def test_the_same_seed_gives_the_same_rows_and_another_seed_others() -> None:
    """Does seed 5 give the same file twice, and seed 6 a different one with the same totals?"""
    first, again, other = (simulate_registratie(s, "2013-2014") for s in (5, 5, 6))
    pd.testing.assert_frame_equal(first, again)
    assert not first.equals(other)
    assert len(first) == len(other) == 1019 + 1091


def test_later_years_get_an_invented_total_and_the_municipalities_after_the_mergers() -> None:
    """Does 2019 get a total near 1000 and the 42 Limburg municipalities of 2019 (Pelt, Oudsbergen)?"""
    frame = simulate_registratie(2, "2019")
    assert 850 <= len(frame) <= 1200
    names = set(frame["gemeente"])
    assert {"Pelt", "Oudsbergen"} <= names and "Overpelt" not in names


def test_invalid_rows_can_be_added_without_changing_the_totals() -> None:
    """With ten faulty rows added, are exactly those ten invalid and the totals still the published ones?"""
    frame = simulate_registratie(1, "2014", fouten=10)
    registration = validate_frame(frame, today=dt.date(2026, 1, 1))
    assert registration.invalid_rows == 10
    assert registration.valid_rows == 1091
    assert set(registration.problems["kolom"]) >= {
        "datum",
        "aanvrager",
        "client_aanwezig",
        "aantal_deelnemers",
        "lco_id",
    }


def test_no_identifier_is_a_national_number_and_remarks_hold_no_names(simulated: pd.DataFrame) -> None:
    """Is no lco_id a valid national number, and is every remark one of the kit's neutral sentences?"""
    assert not any(nn.is_valid(value) for value in simulated["lco_id"])
    assert simulated["lco_id"].str.startswith("SIM-").all()
    remarks = set(simulated["opmerking"]) - {""}
    from lco_kit.registratie._data import calibration

    assert remarks <= set(calibration().opmerkingen)


def test_dates_fall_on_weekdays_within_their_year(simulated: pd.DataFrame) -> None:
    """Are the meetings on weekdays, and fewer in August than in March?"""
    dates = pd.to_datetime(simulated["datum"], format="%d/%m/%Y")
    assert (dates.dt.day_of_week < 5).all()
    assert (dates.dt.month == 8).sum() < (dates.dt.month == 3).sum()


@pytest.mark.parametrize(
    ("years", "message"),
    [
        ("2016-2009", "De reeks 2016-2009 loopt achteruit. Schrijf het vroegste jaar eerst, bijvoorbeeld 2009-2016."),
        ("twintig", "‘twintig’ is geen jaar en geen reeks jaren. Schrijf bijvoorbeeld 2009-2016 of 2014."),
        ("2005-2010", "De gemeenschappelijke registratie begon in 2009"),
        ("2016-2099", "Het jaar 2099 is nog niet voorbij"),
    ],
)
def test_a_reversed_or_malformed_year_range_gets_a_dutch_message(years: str, message: str) -> None:
    """Is a reversed, malformed, too early or future range refused with a Dutch message?"""
    with pytest.raises(LcoError) as caught:
        parse_years(years)
    assert str(caught.value).startswith(message)


def test_year_ranges_are_read() -> None:
    """Are ``2009-2011``, ``2014`` and ``2012 – 2013`` read as years?"""
    assert parse_years("2009-2011") == (2009, 2010, 2011)
    assert parse_years("2014") == (2014,)
    assert parse_years("2012 – 2013") == (2012, 2013)


def test_the_simulation_says_it_is_simulated() -> None:
    """Does the page's description of the simulated data say what is real and what is invented?"""
    assert "gepubliceerde cijfers" in text("ui_simulatie_getoond", fouten=12)
    assert "verzonnen" in text("ui_simulatie_getoond", fouten=12)
