"""Reading every row of a registration file, as text, before checking.

:func:`read_export` recognises the file (:mod:`~lco_kit.registratie.layout`) and reads every
row: a CSV with pandas (in chunks when someone watches the progress), an XLSX with the kit's
own bounded reader. Rows that cannot be split into cells are kept as problems, never dropped.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from lco_kit.errors import LcoError
from lco_kit.registratie._format import count_text, number, row_list
from lco_kit.registratie.columns import HeaderMatch
from lco_kit.registratie.layout import (
    FileLayout,
    MissingColumnsError,
    csv_layout,
    file_kind,
    inspect_file,
    open_workbook,
    read_bytes,
)
from lco_kit.registratie.rows import RowProblem

__all__ = ["CHUNK_ROWS", "READ_SHARE", "Progress", "RawExport", "named_columns", "no_progress", "read_export"]

Progress = Callable[[float, str], None]
"""Called with the share done (0 to 1) and a Dutch line saying what is happening."""

CHUNK_ROWS = 50_000
READ_SHARE = 0.6  # the part of the progress bar that reading takes; checking takes the rest
_BAD_LINE = re.compile(r"Skipping line (\d+): expected (\d+) fields, saw (\d+)")


def no_progress(share: float, message: str) -> None:
    """Report progress to nobody."""
    del share, message


@dataclass
class RawExport:
    """The rows of a file, as text, before checking.

    Attributes:
        layout: What the file is.
        frame: One column per file column (the registration's named, the rest by position).
        rows: The spreadsheet row number of each row of ``frame``.
        broken: Rows that could not be split into cells at all.
        notes: Dutch notes on how the file was read (damaged characters).
    """

    layout: FileLayout
    frame: pd.DataFrame
    rows: np.ndarray
    broken: list[RowProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def named_columns(frame: pd.DataFrame, match: HeaderMatch) -> pd.DataFrame:
    """Name a frame's columns: the registration's by their name, the rest ``_<position>``."""
    names: dict[int, str] = {position: column for column, position in match.columns.items()}
    return frame.rename(columns=lambda p: names.get(p, f"_{p}"))


def _read_csv(source: bytes | Path, layout: FileLayout, progress: Progress | None) -> RawExport:
    raw = _read_csv_text(source, layout, progress)
    if _may_hold_nul(source, layout):
        _remove_nul(raw)
    return raw


def _may_hold_nul(source: bytes | Path, layout: FileLayout) -> bool:
    if (layout.encoding or "").startswith("utf-16"):
        return True  # every other byte is zero: look at the cells instead
    if isinstance(source, bytes):
        return b"\x00" in source
    try:
        with source.open("rb") as handle:
            while block := handle.read(1 << 20):
                if b"\x00" in block:
                    return True
    except OSError:
        return False
    return False


def _remove_nul(raw: RawExport) -> None:
    """Take NUL characters out of the cells and say where they were: they cannot be stored or shown."""
    rows: set[int] = set()
    cells = 0
    for column in raw.frame.columns:
        series = raw.frame[column]
        found = series.str.contains("\x00", regex=False, na=False).to_numpy(dtype=bool)
        if found.any():
            raw.frame.loc[found, column] = series[found].str.replace("\x00", "", regex=False)
            rows.update(int(r) for r in raw.rows[found])
            cells += int(found.sum())
    if cells:
        raw.notes.append(
            f"{count_text(cells, 'cel bevatte', 'cellen bevatten')} een onzichtbaar nul-teken (U+0000), "
            f"dat de kit heeft weggelaten. Kijk {count_text(len(rows), 'rij', 'rijen')} na in je rekenblad: "
            f"{row_list(sorted(rows))}."
        )


def _read_csv_text(source: bytes | Path, layout: FileLayout, progress: Progress | None) -> RawExport:
    encoding = layout.encoding or "utf-8"
    if encoding == "utf-8-sig":
        encoding = "utf-8"  # the BOM is on the header line, which is skipped: pandas' own UTF-8 path is faster
    try:
        return _read_csv_as(source, layout, encoding, progress)
    except UnicodeDecodeError:
        if encoding != "utf-8":
            raise LcoError(
                f"{layout.name}: dit bestand is beschadigd (de tekens kunnen niet gelezen worden)."
            ) from None
    # The start looked like UTF-8, but further on a byte is not: decide on the whole file.
    data = read_bytes(source, layout.name)[0] if isinstance(source, Path) else source
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    readable = len(_NON_ASCII.findall(text))
    if readable > broken:  # UTF-8 with a few damaged bytes: keep the rest of the text intact
        raw = _read_csv_as(data, layout, encoding, progress, errors="replace")
        raw.notes.append(
            f"{count_text(broken, 'teken', 'tekens')} in het bestand waren geen geldige UTF-8 "
            "en staan nu als ‘\ufffd’. Kijk die cellen na in je rekenblad."
        )
        return raw
    return _read_csv_as(data, layout, "cp1252", progress, errors="replace")


_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")


def _read_csv_as(
    source: bytes | Path, layout: FileLayout, encoding: str, progress: Progress | None, errors: str = "strict"
) -> RawExport:
    """Read every row as text; in chunks only when someone watches the progress.

    Reading in chunks costs a copy of every cell when the chunks are joined, so the command
    line (no progress to show) reads the file in one go; the page reads it in chunks.
    """
    width = max(layout.width, len(layout.match.headers))
    buffer = io.BytesIO(source) if isinstance(source, bytes) else None
    columns: dict[int, list[np.ndarray]] = {position: [] for position in range(width)}
    read = 0
    total = max(len(source), 1) if isinstance(source, bytes) else 1
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pd.errors.ParserWarning)
        try:
            reader = pd.read_csv(
                buffer if buffer is not None else str(source),
                sep=layout.delimiter,
                header=None,
                names=list(range(width)),
                skiprows=layout.header_row,
                dtype=object,
                keep_default_na=False,
                na_filter=False,
                skip_blank_lines=False,
                index_col=False,
                on_bad_lines="warn",
                chunksize=CHUNK_ROWS if progress is not None else None,
                encoding=encoding,
                encoding_errors=errors,
                engine="c",
            )
            for chunk in reader if progress is not None else [reader]:
                for position in range(width):
                    columns[position].append(chunk[position].to_numpy(dtype=object))
                read += len(chunk)
                if progress is not None:
                    done = buffer.tell() / total if buffer is not None else 0.5
                    progress(READ_SHARE * min(done, 1.0), f"{number(read)} rijen gelezen…")
        except pd.errors.ParserError as error:
            raise _parser_error(layout, str(error)) from None
    broken: list[RowProblem] = []
    bad_lines: list[int] = []
    for warning in caught:
        for line, _expected, saw in _BAD_LINE.findall(str(warning.message)):
            bad_lines.append(int(line))
            broken.append(
                RowProblem(
                    int(line),
                    "hele rij",
                    "",
                    f"deze rij heeft {saw} cellen, terwijl er {len(layout.match.headers)} kolommen zijn. "
                    "Staat er een scheidingsteken in een tekst zonder aanhalingstekens?",
                )
            )
    # Column by column: joining whole chunk frames would copy every cell once more.
    frame = pd.DataFrame(
        {position: pd.Series(_joined(parts), dtype=object, copy=False) for position, parts in columns.items()},
        copy=False,
    )
    rows = _row_numbers(layout.header_row + 1, len(frame), sorted(bad_lines))
    return RawExport(layout=layout, frame=named_columns(frame, layout.match), rows=rows, broken=broken)


def _joined(parts: list[np.ndarray]) -> np.ndarray:
    if not parts:
        return np.empty(0, dtype=object)
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


def _row_numbers(first: int, count: int, skipped: Sequence[int]) -> np.ndarray:
    candidates = np.arange(first, first + count + len(skipped), dtype=np.int64)
    if skipped:
        candidates = candidates[~np.isin(candidates, np.asarray(skipped, dtype=np.int64))]
    return candidates[:count]


def _parser_error(layout: FileLayout, message: str) -> LcoError:
    found = re.search(r"row (\d+)", message)
    if "EOF inside string" in message:
        where = f" (vanaf ongeveer rij {int(found.group(1)) + layout.header_row + 1})" if found else ""
        return LcoError(
            f'{layout.name}: een aanhalingsteken (") wordt nergens afgesloten{where}. '
            "Kijk die rij na in je rekenblad en bewaar het bestand opnieuw als CSV."
        )
    return LcoError(f"{layout.name}: dit CSV-bestand kan niet in kolommen verdeeld worden. Bewaar het opnieuw als CSV.")


def _read_xlsx(data: bytes, layout: FileLayout, progress: Progress) -> RawExport:
    book = open_workbook(data, layout.name)
    width = len(layout.match.headers)
    records: list[list[Any]] = []
    widest = width

    def report(share: float) -> None:
        progress(READ_SHARE * share, f"{number(len(records))} rijen gelezen…")

    try:
        for values in book.iter_rows(
            layout.sheet or book.sheetnames[0], first_row=layout.header_row + 1, progress=report
        ):
            records.append(values)
            widest = max(widest, len(values))
    finally:
        book.close()
    # Trailing rows that are fully empty are how a sheet ends, not data.
    while records and all(v is None or (isinstance(v, str) and not v.strip()) for v in records[-1]):
        records.pop()
    for values in records:
        values.extend([None] * (widest - len(values)))
    frame = (
        pd.DataFrame.from_records(records, columns=list(range(widest)))
        if records
        else pd.DataFrame(columns=list(range(width)), dtype=object)
    )
    frame = frame.astype(object).where(frame.notna(), "")
    rows = np.arange(layout.header_row + 1, layout.header_row + 1 + len(frame), dtype=np.int64)
    return RawExport(layout=layout, frame=named_columns(frame, layout.match), rows=rows)


def read_export(
    source: Path | bytes,
    name: str | None = None,
    *,
    sheet: str | None = None,
    mapping: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> RawExport:
    """Read every row of a registration file, as text.

    Args:
        source: A path, or the bytes of an uploaded file.
        name: The file's name for messages.
        sheet: For an XLSX file, the sheet to read.
        mapping: Header as written in the file → registration column.
        progress: Called after each chunk of rows.

    Raises:
        MissingColumnsError: When required columns are not found (the page then offers a mapping).
        LcoError: When the file cannot be read at all.
    """
    report = progress or no_progress
    report(0.0, "Het bestand wordt herkend…")
    if isinstance(source, Path) and progress is None:
        head, display = _head(source, name)
        # Only a CSV can be recognised from its start; a zip's directory is at its end.
        if len(head) == _HEAD_BYTES and not head.startswith(b"PK\x03\x04") and file_kind(head, display) == "csv":
            # A large CSV on disk: recognise it from its start, let pandas read the file itself.
            layout = csv_layout(head, display, mapping)
            if layout.match.missing:
                raise MissingColumnsError(layout)
            return _read_csv(source, layout, None)
    data, display = read_bytes(source, name)
    layout = inspect_file(data, display, sheet=sheet, mapping=mapping)
    if layout.match.missing:
        raise MissingColumnsError(layout)
    if layout.kind == "xlsx":
        return _read_xlsx(data, layout, report)
    return _read_csv(data, layout, progress)


_HEAD_BYTES = 1_000_000


def _head(path: Path, name: str | None) -> tuple[bytes, str]:
    display = name or path.name
    try:
        with path.open("rb") as handle:
            return handle.read(_HEAD_BYTES), display
    except OSError:
        raise LcoError(f"{display}: dit bestand bestaat niet of kan niet gelezen worden.") from None
