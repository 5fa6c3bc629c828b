"""Registration throughput: read, check and summarise a CSV export, against ``pandas.read_csv`` alone.

Run with ``python -m benchmarks.registratie [ROWS]`` (default 1 000 000 rows). It writes a
simulated export with some invalid rows to a temporary file, then times, in the same run and
alternating, ``pandas.read_csv(path, sep=";")`` on that file and the kit's whole path as the
command line runs it (``load_registration(path)``: recognise the file, read every row, check
every row, then ``summary``: the yearly figures and every breakdown with suppression). It
prints the median of each and their ratio; the target is a ratio of at most 3.

The page reads the same way, but in chunks of rows so that it can show progress; joining the
chunks costs about a tenth more.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from lco_kit.registratie import load_registration, simulate_registratie, summary

TARGET_RATIO = 3.0
DEFAULT_ROWS = 1_000_000
REPEATS = 3


def make_export(rows: int, *, seed: int = 1, faulty: int = 0) -> bytes:
    """Return a simulated CSV export (``;``, UTF-8 with BOM) of ``rows`` rows, ``faulty`` of them invalid.

    The simulated years are repeated until there are enough rows; every ``lco_id`` stays
    unique, and the invalid rows (an impossible date) are spread through the file.
    """
    base = simulate_registratie(seed)
    repeats = -(-rows // len(base))
    frame = pd.concat([base] * repeats, ignore_index=True).iloc[:rows].copy()
    frame["lco_id"] = [f"B-{i:08d}" for i in range(rows)]
    if faulty:
        positions = np.random.default_rng(seed).choice(rows, size=faulty, replace=False)
        frame.loc[positions, "datum"] = "31/02/2014"
    return frame.to_csv(sep=";", index=False, lineterminator="\r\n").encode("utf-8-sig")


def run_pipeline(source: Path | bytes) -> dict[str, Any]:
    """Read, check and summarise an export: the path a coordinator's file takes."""
    return summary(load_registration(source, "export.csv"))


def _time(action: Any) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main(rows: int = DEFAULT_ROWS) -> float:
    """Run the benchmark and print the timings and the ratio; return the ratio."""
    print(f"Een gesimuleerde export van {rows:,} rijen maken…".replace(",", "."))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "registratie.csv"
        path.write_bytes(make_export(rows, faulty=max(1, rows // 1000)))
        print(f"Bestand: {path.stat().st_size / 1_000_000:.0f} MB")
        run_pipeline(make_export(1000))  # load the code lists and data files once
        pd.read_csv(path, sep=";")  # warm the file cache
        baseline: list[float] = []
        kit: list[float] = []
        figures: dict[str, Any] = {}
        for _ in range(REPEATS):
            baseline.append(_time(lambda: pd.read_csv(path, sep=";")))
            kit.append(_time(lambda: figures.update(run_pipeline(path))))
    base, ours = statistics.median(baseline), statistics.median(kit)
    ratio = ours / base
    print(f"pandas.read_csv alleen:        {base:.2f} s (mediaan van {REPEATS})")
    print(f"lezen + nakijken + samenvatten: {ours:.2f} s (mediaan van {REPEATS})")
    print(f"geldig: {figures['geldige_rijen']}, ongeldig: {figures['ongeldige_rijen']}")
    print(f"verhouding: {ratio:.2f} (doel: hoogstens {TARGET_RATIO:.0f})")
    return ratio


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ROWS)
