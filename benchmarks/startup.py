"""Start-up: ``lco-kit start`` until the server answers, as a ratio to a bare ``voila`` on the same folder.

Target: at most 1.2×. Each is started several times, alternating; medians are compared.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks._harness import NOTEBOOKS, free_port, median, wait_until_ready

TARGET = 1.2
REPEATS = 5


def _time(command: list[str], port: int) -> float:
    data = tempfile.mkdtemp(prefix="lco-bench-data-")
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "LCO_KIT_DATA_DIR": data},
    )
    try:
        return wait_until_ready(port, process)
    finally:
        process.terminate()
        process.wait(timeout=20)


def measure(repeats: int = REPEATS) -> tuple[float, float, float]:
    """Return (kit median, bare voila median, ratio)."""
    bin_dir = Path(sys.executable).parent
    kit, bare = [], []
    for _ in range(repeats):
        port = free_port()
        kit.append(_time([str(bin_dir / "lco-kit"), "start", "--no-browser", "--port", str(port)], port))
        port = free_port()
        bare.append(_time([str(bin_dir / "voila"), "--no-browser", f"--port={port}", str(NOTEBOOKS)], port))
    return median(kit), median(bare), median(kit) / median(bare)


def report(result: tuple[float, float, float]) -> str:
    """Return the result as a Markdown table."""
    kit, bare, ratio = result
    verdict = "ja" if ratio <= TARGET else "**nee**"
    return (
        "| opstart | mediaan (s) |\n|---|---|\n"
        f"| `lco-kit start` | {kit:.2f} |\n| kale `voila` op dezelfde map | {bare:.2f} |\n"
        f"| **verhouding** | **{ratio:.2f}×** (doel ≤ 1,2×: {verdict}) |"
    )


if __name__ == "__main__":
    print(report(measure()))
