"""A room arriving at once: 30 simultaneous requests for the reflection answer page.

Each request is served and executed by the server (Voilà runs the page's notebook and
streams the result); the slowest of the 30 is divided by one request alone, in the same
run. 30 browsers would not fit on 2 cores, so the requests are plain HTTP. Target: ≤ 3×.
"""

from __future__ import annotations

import sys
import time
import urllib.request
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from benchmarks._harness import NOTEBOOKS, kit_server

TARGET = 3.0
ROOM = 30
PAGE = "40_reflectie_invullen.ipynb"


def _fetch(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=600) as response:  # noqa: S310  (our own localhost server)
        body = response.read()
    if b"rendered_cells" not in body:
        raise RuntimeError(f"onvolledige pagina: {url}")
    return time.perf_counter() - started


def measure(extra_args: Sequence[str] = (), page: str = PAGE) -> tuple[float, float, float]:
    """Return (single request seconds, slowest of the room, ratio)."""
    if not (NOTEBOOKS / page).exists():
        page = "00_start.ipynb"
    with kit_server(None, extra_args) as base:
        url = f"{base}/voila/render/{page}"
        _fetch(url)  # warm-up
        time.sleep(3)
        single = min(_fetch(url) for _ in range(3))
        time.sleep(3)
        with ThreadPoolExecutor(max_workers=ROOM) as pool:
            times = list(pool.map(_fetch, [url] * ROOM))
    slowest = max(times)
    return single, slowest, slowest / single


def report(result: tuple[float, float, float], page: str = PAGE) -> str:
    """Return the result as a Markdown table."""
    single, slowest, ratio = result
    verdict = "ja" if ratio <= TARGET else "**nee**"
    return (
        f"| {ROOM} tegelijk op {page} | seconden |\n|---|---|\n"
        f"| één verzoek alleen | {single:.2f} |\n| traagste van {ROOM} tegelijk | {slowest:.2f} |\n"
        f"| **verhouding** | **{ratio:.2f}×** (doel ≤ 3×: {verdict}) |"
    )


if __name__ == "__main__":
    print(report(measure(sys.argv[1:])))
