"""A simulated registration for the Limburg municipalities, so the pages always have data.

What is calibrated and what is invented is written in ``data/registratie/simulator.yaml``
(and in ``docs/registratie.md``). In short: the yearly totals 2009–2016 are the published
ones, exactly; the shares of LCOs with the client present and of first requests are fixed
per year (2014: the published 85 % and 28 %; other years invented, within 80–90 % and
23–33 %); everything else is invented. Every random choice goes through one
``numpy.random.Generator`` made from ``seed``: the same seed gives the same file, always.

Examples:
    >>> frame = simulate_registratie(1, "2014")
    >>> len(frame), (frame["client_aanwezig"] == "ja").mean().round(2)
    (1091, np.float64(0.85))
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from lco_kit.codes import code_list, gemeenten_in, lookup_gemeente
from lco_kit.errors import LcoError
from lco_kit.export import to_belgian_csv, to_xlsx
from lco_kit.registratie._data import Calibration, calibration, published_totals
from lco_kit.registratie.columns import REGISTRATION_COLUMNS

__all__ = [
    "DEFAULT_YEARS",
    "FIRST_YEAR",
    "parse_years",
    "simulate_registratie",
    "simulated_export",
]

FIRST_YEAR = 2009
"""The common registration in Limburg started in 2009."""
DEFAULT_YEARS = tuple(range(2009, 2017))
"""The years with published totals."""

_YEARS = re.compile(r"^\s*(\d{4})\s*(?:[-–—]|t/m|tot)\s*(\d{4})\s*$")
_YEAR = re.compile(r"^\s*(\d{4})\s*$")


def last_simulated_year(today: dt.date | None = None) -> int:
    """Return the last year that can be simulated: the last year that is over."""
    return (today or dt.date.today()).year - 1


def parse_years(text: str | Iterable[int], today: dt.date | None = None) -> tuple[int, ...]:
    """Return the years of a range such as ``2009-2016`` (or one year, ``2014``).

    Raises:
        LcoError: In Dutch, for a malformed or reversed range, and for years before the
            registration started or that are not over yet.

    Examples:
        >>> parse_years("2009-2011")
        (2009, 2010, 2011)
    """
    if isinstance(text, str):
        both = _YEARS.match(text)
        one = _YEAR.match(text)
        if both:
            first, last = int(both.group(1)), int(both.group(2))
        elif one:
            first = last = int(one.group(1))
        else:
            raise LcoError(f"‘{text}’ is geen jaar en geen reeks jaren. Schrijf bijvoorbeeld 2009-2016 of 2014.")
        if first > last:
            raise LcoError(
                f"De reeks {first}-{last} loopt achteruit. "
                f"Schrijf het vroegste jaar eerst, bijvoorbeeld {last}-{first}."
            )
        years = tuple(range(first, last + 1))
    else:
        years = tuple(sorted({int(y) for y in text}))
        if not years:
            raise LcoError("Kies minstens één jaar.")
    newest = last_simulated_year(today)
    if years[0] < FIRST_YEAR:
        raise LcoError(
            f"De gemeenschappelijke registratie begon in {FIRST_YEAR}; kies jaren vanaf {FIRST_YEAR} "
            f"(bijvoorbeeld {FIRST_YEAR}-2016)."
        )
    if years[-1] > newest:
        raise LcoError(f"Het jaar {years[-1]} is nog niet voorbij; kies jaren tot en met {newest}.")
    return years


def _weights_in(year: int, cal: Calibration) -> dict[str, float]:
    """Return the weight of each municipality of the province as it was in a year."""
    current = [name for name, province in gemeenten_in(year).items() if province == cal.provincie]
    weights = dict.fromkeys(current, 0.0)
    typical = float(np.median(list(cal.gemeenten.values())))
    for name, weight in cal.gemeenten.items():
        match = lookup_gemeente(name, year)
        target = match.huidige_naam or name
        if target in weights:
            weights[target] += weight
    return {name: weight or typical for name, weight in weights.items()}


def _shares(year: int, cal: Calibration) -> tuple[float, float]:
    known = {s.jaar: s for s in cal.aandelen}
    earlier = [y for y in known if y <= year]
    share = known[max(earlier)] if earlier else known[min(known)]
    return share.client_aanwezig, share.eerste


def _exact(count: int, share: float, rng: np.random.Generator) -> np.ndarray:
    """Return a yes/no array with exactly ``round(share * count)`` yes, at random places."""
    chosen = np.zeros(count, dtype=bool)
    chosen[rng.permutation(count)[: round(share * count)]] = True
    return chosen


def _top_k(weights: np.ndarray, sizes: np.ndarray, rng: np.random.Generator) -> list[tuple[int, ...]]:
    """Draw ``sizes[i]`` different items per row, item j with weight ``weights[i, j]`` (Gumbel top-k)."""
    keys = np.log(weights) + rng.gumbel(size=weights.shape)
    order = np.argsort(-keys, axis=1)
    return [tuple(sorted(order[i, : sizes[i]])) for i in range(len(sizes))]


def _dates(year: int, count: int, cal: Calibration, rng: np.random.Generator) -> np.ndarray:
    days = np.arange(np.datetime64(f"{year}-01-01"), np.datetime64(f"{year + 1}-01-01"))
    weekday = (days.astype(np.int64) + 3) % 7 < 5  # noqa: PLR2004  (1970-01-01 was a Thursday)
    days = days[weekday]
    months = days.astype("datetime64[M]").astype(np.int64) % 12
    per_month = np.bincount(months, minlength=12)
    weight = np.asarray(cal.maanden)[months] / per_month[months]
    return np.sort(rng.choice(days, size=count, p=weight / weight.sum()))


def _year(
    year: int,
    total: int,
    participating: Sequence[str],
    weights: np.ndarray,
    *,
    cal: Calibration,
    rng: np.random.Generator,
) -> pd.DataFrame:
    # Every OCMW that takes part held at least one LCO that year; the rest follows the weights.
    counts = 1 + rng.multinomial(total - len(participating), weights / weights.sum())
    gemeenten = np.repeat(np.asarray(participating, dtype=object), counts)
    small = np.repeat(weights < np.median(weights), counts)
    order = rng.permutation(total)
    gemeenten, small = gemeenten[order], small[order]
    share_client, share_first = _shares(year, cal)
    client = _exact(total, share_client, rng)
    first = _exact(total, share_first, rng)
    minors = rng.random(total) < cal.minderjarige_betrokken
    requesters = code_list("aanvragers")
    requester_weights = np.array([cal.aanvragers.get(c.code, 1.0) for c in requesters.codes])
    requester = rng.choice(len(requesters.codes), size=total, p=requester_weights / requester_weights.sum())
    domains = code_list("levensdomeinen")
    domain_weights = np.tile([cal.levensdomeinen.get(c.code, 1.0) for c in domains.codes], (total, 1))
    domain_weights[minors, [c.code for c in domains.codes].index("opvoeding")] *= 3.0
    domain_count = 1 + rng.choice(len(cal.aantal_levensdomeinen), size=total, p=_normalised(cal.aantal_levensdomeinen))
    chosen_domains = _top_k(domain_weights, domain_count, rng)
    knelpunten = code_list("knelpunten")
    spec = {k.code: k for k in cal.knelpunten}
    base = np.array(
        [
            spec[c.code].gewicht * (1 + spec[c.code].trend) ** (year - FIRST_YEAR) if c.code in spec else 1.0
            for c in knelpunten.codes
        ]
    )
    knelpunt_weights = np.tile(base, (total, 1))
    for j, code in enumerate(c.code for c in knelpunten.codes):
        if code in spec and spec[code].kleine_gemeenten != 1.0:
            knelpunt_weights[small, j] *= spec[code].kleine_gemeenten
    knelpunt_count = rng.choice(len(cal.aantal_knelpunten), size=total, p=_normalised(cal.aantal_knelpunten))
    chosen_knelpunten = _top_k(knelpunt_weights, knelpunt_count, rng)
    providers = np.minimum(
        cal.hulpverleners.maximum, cal.hulpverleners.minimum + rng.poisson(cal.hulpverleners.gemiddelde_extra, total)
    )
    trusted = client & (rng.random(total) < cal.vertrouwenspersoon)
    participants = providers + client + trusted
    remark = rng.random(total) < cal.aandeel_met_opmerking
    remarks = np.where(remark, rng.choice(np.asarray(cal.opmerkingen, dtype=object), size=total), "")
    dates = _dates(year, total, cal, rng)
    return pd.DataFrame(
        {
            "datum": pd.to_datetime(dates).strftime("%d/%m/%Y"),
            "gemeente": gemeenten,
            "soort": np.where(first, "eerste", "opvolg"),
            "aanvrager": [requesters.codes[i].label for i in requester],
            "client_aanwezig": np.where(client, "ja", "nee"),
            "minderjarige_betrokken": np.where(minors, "ja", "nee"),
            "aantal_deelnemers": participants.astype(np.int64),
            "levensdomeinen": ["|".join(domains.codes[j].label for j in row) for row in chosen_domains],
            "knelpunten": ["|".join(knelpunten.codes[j].label for j in row) for row in chosen_knelpunten],
            "lco_id": [f"SIM-{year}-{i:04d}" for i in range(1, total + 1)],
            "opmerking": remarks,
        }
    )


def _normalised(values: Sequence[float]) -> np.ndarray:
    array = np.asarray(values, dtype=float)
    return array / array.sum()


def _participating(year: int, weights: dict[str, float], cal: Calibration, order: dict[str, float]) -> list[str]:
    names = sorted(weights, key=lambda n: -order.get(n, 1.0))
    count = cal.deelnemende_gemeenten.get(year, len(names))
    return sorted(names[: min(count, len(names))])


_DEFECTS = (
    ("datum", "31/02/{jaar}"),
    ("aanvrager", "Buurtwerk"),
    ("client_aanwezig", "jaa"),
    ("aantal_deelnemers", -2),
    ("aantal_deelnemers", 4.5),
    ("levensdomeinen", "Verslaving"),
    ("lco_id", None),  # a copy of an earlier row's number
    ("gemeente", ""),
    ("soort", "eerst"),
    ("minderjarige_betrokken", "misschien"),
)


def _with_defects(frame: pd.DataFrame, count: int, rng: np.random.Generator) -> pd.DataFrame:
    picks = rng.choice(len(frame), size=count, replace=True)
    faulty = frame.iloc[picks].copy().reset_index(drop=True)
    faulty["aantal_deelnemers"] = faulty["aantal_deelnemers"].astype(object)
    for index in range(count):
        column, value = _DEFECTS[index % len(_DEFECTS)]
        faulty.loc[index, "lco_id"] = f"SIM-FOUT-{index + 1:03d}"
        if column == "lco_id":
            value = frame["lco_id"].iloc[int(rng.integers(len(frame)))]
        elif isinstance(value, str):
            value = value.format(jaar=faulty.loc[index, "datum"][-4:])
        faulty.loc[index, column] = value
    return pd.concat([frame.astype({"aantal_deelnemers": object}), faulty], ignore_index=True)


def simulate_registratie(seed: int, years: str | Iterable[int] = DEFAULT_YEARS, *, fouten: int = 0) -> pd.DataFrame:
    """Return a simulated registration export, one row per LCO, in the kit's format.

    Args:
        seed: The same seed gives the same rows, always.
        years: The years, as a range (``"2009-2016"``) or a list. For 2009–2016 the yearly
            totals are the published ones; later years get an invented total near 1000.
        fouten: Add this many invalid rows at the end (an impossible date, an unknown
            code, a typo in ja/nee, …), to show how the check reports them. They never count,
            so the totals stay exact.

    Returns:
        A table with the registration's columns, as a spreadsheet export holds them
        (dates as dd/mm/jjjj, labels, ja/nee).

    Raises:
        LcoError: For years that cannot be simulated.
    """
    chosen = parse_years(years)
    cal = calibration()
    published = published_totals().aantallen
    rng = np.random.default_rng(seed)
    first_weights = _weights_in(min(chosen), cal)
    order = {name: float(rng.random() * w) for name, w in first_weights.items()}
    frames = []
    for year in chosen:
        total = published.get(year) or max(
            1, round(rng.normal(cal.verzonnen_totaal.gemiddelde, cal.verzonnen_totaal.spreiding))
        )
        weights = _weights_in(year, cal)
        participating = _participating(year, weights, cal, order)
        frames.append(
            _year(year, total, participating, np.array([weights[n] for n in participating]), cal=cal, rng=rng)
        )
    frame = pd.concat(frames, ignore_index=True)
    if fouten:
        frame = _with_defects(frame, fouten, rng)
    return frame[list(REGISTRATION_COLUMNS)]


def simulated_export(
    seed: int, years: str | Iterable[int] = DEFAULT_YEARS, *, kind: str = "csv", fouten: int = 0
) -> bytes:
    """Return a simulated registration as the bytes of a file (``csv`` for Belgian Excel, or ``xlsx``)."""
    frame = simulate_registratie(seed, years, fouten=fouten)
    if kind == "xlsx":
        return to_xlsx(frame, sheet="Registratie")
    return to_belgian_csv(frame)
