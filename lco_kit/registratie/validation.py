"""Checking every row of an export and typing the valid ones: the registration's import.

:func:`validate_export` checks every row that :func:`~lco_kit.registratie.reading.read_export`
read, with the rules of :mod:`~lco_kit.registratie.cells` applied per distinct value
(:mod:`~lco_kit.registratie.column_check`). Every invalid row is reported (row number as the
spreadsheet shows it, column, value, reason) and left out of the figures; fully blank rows are
skipped and counted; nothing is dropped silently. :func:`load_registration` reads and checks
in one step; :func:`validate_frame` checks a table already in memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from lco_kit.codes import code_list, lookup_gemeente
from lco_kit.registratie._format import count_text, number, row_list, show
from lco_kit.registratie.cells import cell_parsers, cell_text
from lco_kit.registratie.column_check import CheckedColumn, blank_cells, categorical, check_columns, objects
from lco_kit.registratie.columns import LIST_COLUMNS, REGISTRATION_COLUMNS, column_letter, match_headers
from lco_kit.registratie.layout import FileLayout, MissingColumnsError
from lco_kit.registratie.reading import Progress, RawExport, named_columns, no_progress, read_export
from lco_kit.registratie.registration import PROBLEM_COLUMNS, Registration

__all__ = ["load_registration", "validate_export", "validate_frame"]

_MAX_WARNINGS = 40


def validate_export(
    raw: RawExport, *, today: dt.date | None = None, progress: Progress | None = None, source: str | None = None
) -> Registration:
    """Check every row of an export and type the valid ones.

    The valid rows come back with these columns: ``rij``, ``datum``, ``jaar``, ``gemeente``
    (the kit's spelling when known), ``gemeente_bekend``, ``soort`` (``eerste``/``opvolg``),
    ``aanvrager`` (a code), ``client_aanwezig``, ``minderjarige_betrokken``,
    ``aantal_deelnemers``, one yes/no column per life domain (``levensdomein_<code>``) and per
    knelpunt (``knelpunt_<code>``), and ``lco_id`` and ``opmerking`` when present.

    Args:
        raw: What :func:`read_export` read.
        today: The last date accepted (default: today).
        progress: Called after each column.
        source: A description of the data for reports (default: the file's description).

    Returns:
        The checked registration; the export passed in is not changed.
    """
    report = progress or no_progress
    checked = check_columns(raw.frame, cell_parsers(today), report)
    blank = np.ones(len(raw.frame), dtype=bool)
    for col in checked.values():
        blank &= col.empty[col.codes]
    others = _other_columns(raw, checked)
    blank &= others.blank
    kept = np.flatnonzero(~blank)  # positions of the rows that are not blank
    problems, invalid = _problems(raw, checked, kept, others.extra)
    selected = kept[~invalid]  # positions of the valid rows in the export
    remarks = None
    if others.remarks_blank is not None:
        remarks = _remarks(raw.frame["opmerking"], others.remarks_blank, selected)
    registration_rows = _typed_rows(checked, selected, raw.rows[selected], remarks)
    warnings_out = [*raw.notes, *_warnings(checked, selected, raw.rows[selected], registration_rows)]
    if others.unnamed_with_data:
        warnings_out.append(
            f"Kolom {', '.join(others.unnamed_with_data)} heeft geen kolomkop; wat erin staat, gebruikt de kit niet."
        )
    if raw.layout.match.ignored:
        warnings_out.append(
            "Deze kolommen gebruikt de kit niet: " + ", ".join(f"‘{h}’" for h in raw.layout.match.ignored) + "."
        )
    report(1.0, "Klaar met nakijken.")
    return Registration(
        rows=registration_rows,
        problems=problems,
        warnings=warnings_out,
        read_rows=len(kept) + len(raw.broken),
        blank_rows=int(blank.sum()),
        source=source or raw.layout.describe(),
        layout=raw.layout,
    )


@dataclass
class _Others:
    """What the columns the rules do not read tell: blank rows, cells beyond the headers, remarks."""

    blank: np.ndarray
    extra: np.ndarray
    remarks_blank: np.ndarray | None
    unnamed_with_data: list[str]


def _other_columns(raw: RawExport, checked: Mapping[str, CheckedColumn]) -> _Others:
    frame = raw.frame
    others = _Others(
        blank=np.ones(len(frame), dtype=bool),
        extra=np.zeros(len(frame), dtype=bool),
        remarks_blank=None,
        unnamed_with_data=[],
    )
    header_count = len(raw.layout.match.headers)
    for column in frame.columns:
        if column in checked:
            continue
        empty = blank_cells(frame[column])
        others.blank &= empty
        if column == "opmerking":
            others.remarks_blank = empty
            continue
        position = int(str(column)[1:])
        if position >= header_count:
            others.extra |= ~empty
        elif not raw.layout.match.headers[position] and not empty.all():
            others.unnamed_with_data.append(column_letter(position))
    return others


def _problems(
    raw: RawExport, checked: Mapping[str, CheckedColumn], kept: np.ndarray, extra: np.ndarray
) -> tuple[pd.DataFrame, np.ndarray]:
    """Return every problem (one line each) and which kept rows are invalid."""
    rows = raw.rows[kept]
    parts: list[pd.DataFrame] = []
    invalid = np.zeros(len(kept), dtype=bool)
    for column, col in checked.items():
        bad_values = col.bad
        if not bad_values.any():
            continue
        codes = col.codes[kept]
        bad = bad_values[codes]
        if bad.any():
            where = np.flatnonzero(bad)
            shown = objects([s if s is not None else show(str(t)) for s, t in zip(col.shown, col.texts, strict=True)])
            parts.append(
                pd.DataFrame(
                    {
                        "rij": rows[where],
                        "kolom": column,
                        "waarde": shown[codes[where]],
                        "reden": col.reasons[codes[where]],
                    }
                )
            )
            invalid[where] = True
    if extra[kept].any():
        where = np.flatnonzero(extra[kept])
        parts.append(_extra_cells(raw.frame, kept[where], rows[where], len(raw.layout.match.headers)))
        invalid[where] = True
    if "lco_id" in checked:
        duplicates = _duplicate_ids(checked["lco_id"], kept, invalid, rows)
        if duplicates is not None:
            parts.append(duplicates[0])
            invalid |= duplicates[1]
    if raw.broken:
        parts.append(
            pd.DataFrame(
                {
                    "rij": [p.row for p in raw.broken],
                    "kolom": [p.column for p in raw.broken],
                    "waarde": [p.value for p in raw.broken],
                    "reden": [p.reason for p in raw.broken],
                }
            )
        )
    return _problem_frame(parts), invalid


def _extra_cells(frame: pd.DataFrame, positions: np.ndarray, rows: np.ndarray, header_count: int) -> pd.DataFrame:
    extra_columns = [
        c for c in frame.columns if isinstance(c, str) and c.startswith("_") and int(c[1:]) >= header_count
    ]
    values = frame.iloc[positions][extra_columns].to_numpy(dtype=object)
    shown = [show(next((cell_text(v) for v in row if cell_text(v).strip()), "")) for row in values]
    return pd.DataFrame(
        {
            "rij": rows,
            "kolom": "hele rij",
            "waarde": shown,
            "reden": "deze rij heeft meer cellen dan er kolomkoppen zijn; de kit weet niet bij welke kolom ze horen.",
        }
    )


def _remarks(series: pd.Series, empty: np.ndarray, selected: np.ndarray) -> np.ndarray:
    values = series.to_numpy(dtype=object)[selected]
    out = np.full(len(values), None, dtype=object)
    idx = np.flatnonzero(~empty[selected])
    texts = values[idx]
    if pd.api.types.infer_dtype(texts, skipna=False) == "string":
        out[idx] = list(map(str.strip, texts))
    else:
        out[idx] = [cell_text(v).strip() for v in texts]
    return out


def _problem_frame(parts: Iterable[pd.DataFrame]) -> pd.DataFrame:
    frames = [p for p in parts if len(p)]
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=object if c != "rij" else np.int64) for c in PROBLEM_COLUMNS})
    frame = pd.concat(frames, ignore_index=True)
    order = {c: i for i, c in enumerate(("hele rij", *REGISTRATION_COLUMNS))}
    frame["_volgorde"] = frame["kolom"].map(order).fillna(len(order))
    frame = frame.sort_values(["rij", "_volgorde"], kind="stable").drop(columns="_volgorde")
    frame["rij"] = frame["rij"].astype(np.int64)
    return frame.reset_index(drop=True)


def _duplicate_ids(
    col: CheckedColumn, kept: np.ndarray, invalid: np.ndarray, rows: np.ndarray
) -> tuple[pd.DataFrame, np.ndarray] | None:
    """Mark every later row whose ``lco_id`` an earlier, otherwise valid row already has."""
    present = ~col.empty & ~col.bad  # an empty id, or one refused, is not compared
    # When trimming changed no id, the codes of the distinct values identify the ids.
    keys = col.codes[kept] if not col.trimmed else pd.factorize(col.values[col.codes[kept]], use_na_sentinel=True)[0]
    eligible = ~invalid & present[col.codes[kept]]
    positions = np.flatnonzero(eligible)
    repeated = pd.Series(keys[positions]).duplicated(keep="first").to_numpy()
    if not repeated.any():
        return None
    firsts = pd.Series(rows[positions]).groupby(keys[positions]).transform("first").to_numpy()
    where = positions[repeated]
    frame = pd.DataFrame(
        {
            "rij": rows[where],
            "kolom": "lco_id",
            "waarde": [show(str(v)) for v in col.values[col.codes[kept][where]]],
            "reden": [f"dit lco_id staat ook op rij {r}; elk LCO heeft een eigen nummer." for r in firsts[repeated]],
        }
    )
    mask = np.zeros(len(kept), dtype=bool)
    mask[where] = True
    return frame, mask


def _typed_rows(
    checked: Mapping[str, CheckedColumn], selected: np.ndarray, rows: np.ndarray, remarks: np.ndarray | None
) -> pd.DataFrame:
    def spread(column: str, per_value: Sequence[Any] | np.ndarray, dtype: Any) -> np.ndarray:
        return np.asarray(per_value, dtype=dtype)[checked[column].codes[selected]]

    datum = checked["datum"]
    days = np.array(
        [np.datetime64(v, "D") if v is not None else np.datetime64("NaT") for v in datum.values], dtype="datetime64[D]"
    )
    # Convert the few distinct dates, then spread them: converting a million rows costs more.
    per_day_year = days.astype("datetime64[Y]").astype(np.int64) + 1970
    per_day_seconds = days.astype("datetime64[s]")
    gemeente = checked["gemeente"]
    names = sorted({v for v in gemeente.values if isinstance(v, str)}, key=str.casefold)
    out: dict[str, Any] = {
        "rij": rows,
        "datum": spread("datum", per_day_seconds, "datetime64[s]"),
        "jaar": spread("datum", per_day_year, np.int64),
        "gemeente": categorical(gemeente, selected, names),
        "gemeente_bekend": spread("gemeente", [n is None for n in gemeente.notes], bool),
        "soort": categorical(checked["soort"], selected, ["eerste", "opvolg"]),
        "aanvrager": categorical(checked["aanvrager"], selected, [c.code for c in code_list("aanvragers").codes]),
        "client_aanwezig": spread("client_aanwezig", [v is True for v in checked["client_aanwezig"].values], bool),
        "minderjarige_betrokken": spread(
            "minderjarige_betrokken", [v is True for v in checked["minderjarige_betrokken"].values], bool
        ),
        "aantal_deelnemers": spread(
            "aantal_deelnemers", [v or 0 for v in checked["aantal_deelnemers"].values], np.int64
        ),
    }
    flags: list[pd.DataFrame] = []
    for column, list_name in LIST_COLUMNS.items():
        prefix = "levensdomein" if column == "levensdomeinen" else "knelpunt"
        codes = [c.code for c in code_list(list_name).codes]
        onehot = np.zeros((len(checked[column].values), len(codes)), dtype=bool)
        for i, value in enumerate(checked[column].values):
            for code in value or ():
                onehot[i, codes.index(code)] = True
        # One block per list: building a frame from many separate columns would copy them all.
        flags.append(pd.DataFrame(onehot[checked[column].codes[selected]], columns=[f"{prefix}_{c}" for c in codes]))
    tail: dict[str, pd.Series] = {}
    if "lco_id" in checked:
        tail["lco_id"] = pd.Series(checked["lco_id"].values[checked["lco_id"].codes[selected]], dtype=object)
    if remarks is not None:
        tail["opmerking"] = pd.Series(remarks, dtype=object)
    parts = [pd.DataFrame(out), *flags]
    if tail:
        parts.append(pd.DataFrame(tail))
    return pd.concat(parts, axis=1)


def _warnings(
    checked: Mapping[str, CheckedColumn], selected: np.ndarray, rows: np.ndarray, typed: pd.DataFrame
) -> list[str]:
    found: list[str] = []
    gemeente = checked["gemeente"]
    codes = gemeente.codes[selected]
    noted = [i for i, note in enumerate(gemeente.notes) if note is not None and gemeente.reasons[i] is None]
    if noted:
        counts = np.bincount(codes[codes >= 0], minlength=len(gemeente.values))
        for index in noted:
            if counts[index]:
                where = rows[codes == index]
                found.append(
                    f"{gemeente.notes[index]} ({count_text(len(where), 'rij', 'rijen')}: {row_list(where.tolist())})"
                )
    if len(found) > _MAX_WARNINGS:
        hidden = len(found) - _MAX_WARNINGS
        found = [*found[:_MAX_WARNINGS], f"… en nog {number(hidden)} onbekende gemeentenamen."]
    datum = checked["datum"]
    serial_u = np.array([n is not None for n in datum.notes], dtype=bool) & ~datum.bad
    if serial_u.any():
        serial = serial_u[datum.codes[selected]]
        if serial.any():
            first = int(np.flatnonzero(serial)[0])
            note = datum.notes[int(datum.codes[selected][first])]
            found.append(
                f"In {count_text(int(serial.sum()), 'rij', 'rijen')} stond de datum als Excel-datumgetal; de kit las "
                f"dat als een gewone datum (bijvoorbeeld rij {rows[first]}: {note}). Kijk na of dat klopt."
            )
    known = typed[typed["gemeente_bekend"]] if len(typed) else typed
    if len(known):
        pairs = known.groupby(["gemeente", "jaar"], observed=True).size()
        merged: dict[tuple[str, str], int] = {}
        for (name, year), size in pairs.items():
            match = lookup_gemeente(str(name), int(year))
            if match.bekend and match.huidige_naam and match.huidige_naam != match.naam:
                key = (match.naam, match.huidige_naam)
                merged[key] = merged.get(key, 0) + int(size)
        for (old, new), size in merged.items():
            found.append(
                f"{old} was op de datum van het overleg al deel van {new} ({count_text(size, 'rij', 'rijen')}); "
                "de kit telt de naam zoals hij in het bestand staat."
            )
    return found


def validate_frame(
    frame: pd.DataFrame, *, source: str = "tabel", today: dt.date | None = None, progress: Progress | None = None
) -> Registration:
    """Check a table that is already in memory (the simulator's, or a test's).

    Column names are matched like file headers; row numbers are counted as if the header
    were row 1. The table passed in is not changed.
    """
    match = match_headers([str(c) for c in frame.columns])
    layout = FileLayout(name=source, kind="csv", header_row=1, match=match)
    if match.missing:
        raise MissingColumnsError(layout)
    renamed = frame.copy(deep=False)
    renamed.columns = list(range(len(frame.columns)))
    raw = RawExport(
        layout=layout,
        frame=named_columns(renamed, match),
        rows=np.arange(2, 2 + len(frame), dtype=np.int64),
    )
    return validate_export(raw, today=today, progress=progress, source=source)


def load_registration(
    source: Path | bytes,
    name: str | None = None,
    *,
    sheet: str | None = None,
    mapping: Mapping[str, str] | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> Registration:
    """Read and check a registration file in one step.

    Args:
        source: A path, or the bytes of an uploaded file.
        name: The file's name for messages.
        sheet: For an XLSX file, the sheet to read.
        mapping: Header as written in the file → registration column.
        today: The last date accepted (default: today).
        progress: Called with the share done and a Dutch line.

    Raises:
        MissingColumnsError: When required columns are missing.
        LcoError: When the file cannot be read at all.

    Examples:
        >>> header = "datum;gemeente;soort;aanvrager;client_aanwezig;minderjarige_betrokken;aantal_deelnemers"
        >>> row = "14/03/2016;Genk;eerste;OCMW;ja;nee;5"
        >>> data = f"{header};levensdomeinen;knelpunten{chr(10)}{row};Financiën;".encode()
        >>> load_registration(data, "x.csv").summary_line()
        '1 rij gelezen: 1 geldig, 0 ongeldig (niet meegeteld).'
    """
    raw = read_export(source, name, sheet=sheet, mapping=mapping, progress=progress)
    return validate_export(raw, today=today, progress=progress)
