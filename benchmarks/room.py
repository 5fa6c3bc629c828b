"""A room arriving at once: 30 simultaneous requests for the reflection answer page.

Each request is served and executed by the server (Voilà runs the page's notebook, or
finishes it in a kernel that was kept ready, and sends the result); the slowest of the 30
is compared with one request alone, in the same run. 30 browsers would not fit on 2 cores,
so the requests are plain HTTP. Target: ≤ 3×.

Two servers are measured in one run: the room setting (``lco-kit start --lan --groep 30``:
30 answer pages kept ready) and a server that keeps no kernels ready (each request starts
its own kernel), so both ratios and the absolute waits can be read side by side.
"""

from __future__ import annotations

import sys
import time
import urllib.request
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from benchmarks._harness import kit_server
from lco_kit.server import ROOM_SIZE

TARGET = 3.0
ROOM = ROOM_SIZE
PAGE = "40_reflectie_invullen.ipynb"
COLD_SETTING = ["--VoilaConfiguration.preheat_kernel=False"]


@dataclass(frozen=True)
class RoomResult:
    """One server's single request and room of 30, in seconds."""

    single: float
    slowest: float

    @property
    def ratio(self) -> float:
        """The slowest of the room divided by one request alone."""
        return self.slowest / self.single


def _fetch(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=600) as response:  # noqa: S310  (our own localhost server)
        body = response.read()
    if b"rendered_cells" not in body:
        raise RuntimeError(f"onvolledige pagina: {url}")
    return time.perf_counter() - started


def measure(extra_args: Sequence[str] = (), page: str = PAGE, room: int = 0) -> RoomResult:
    """Return one request alone (best of 3, the server idle before each) and the slowest of 30 at once."""
    with kit_server(None, extra_args, room=room) as server:
        url = f"{server.url}/voila/render/{page}"
        _fetch(url)  # warm-up
        single = []
        for _ in range(3):
            server.wait_until_quiet()  # a used kernel is replaced before the next person arrives
            single.append(_fetch(url))
        server.wait_until_quiet()
        with ThreadPoolExecutor(max_workers=ROOM) as pool:
            times = list(pool.map(_fetch, [url] * ROOM))
    return RoomResult(min(single), max(times))


def report(room: RoomResult, cold: RoomResult, page: str = PAGE) -> str:
    """Return both servers' results as a Markdown table."""
    against_cold = room.slowest / cold.single
    return "\n".join(
        [
            f"| {ROOM} tegelijk op {page} | zaal-instelling (`--lan --groep {ROOM}`) | zonder klaarstaande kernels |",
            "|---|---|---|",
            f"| één verzoek alleen (s) | {room.single:.3f} | {cold.single:.3f} |",
            f"| traagste van {ROOM} tegelijk (s) | {room.slowest:.2f} | {cold.slowest:.2f} |",
            f"| traagste ÷ één verzoek alleen, zelfde server | {room.ratio:.1f}× | {cold.ratio:.1f}× |",
            f"| traagste in de zaal ÷ één verzoek zonder klaarstaande kernel | {against_cold:.2f}× "
            f"(doel ≤ 3×: {'ja' if against_cold <= TARGET else '**nee**'}) | – |",
        ]
    )


def main(extra: Sequence[str] = ()) -> str:
    """Measure the room setting and a server without kept kernels; return the table."""
    return report(measure(extra, room=ROOM), measure([*COLD_SETTING, *extra]))


if __name__ == "__main__":
    print(main(sys.argv[1:]))
