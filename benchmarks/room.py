"""``room100``: a room of phones answering a reflection on one laptop's kit.

100 simulated phones (plain HTTP, as :class:`tests.server.phone.Phone`) do the real flow —
the QR code's address, a perspective, every item with 2–4 s of thought each (seeded), a
remark, send — against ``lco-kit start --lan``, all started within 10 s of each other.
Measured in one run, rooms of 10, 50 and 100 one after the other on the same server:

- every phone stored exactly once (finished, its own remark);
- the 95th percentile of each kind of request during the room ÷ the same request alone (≤ 3×);
- the memory of the server and all its kernels (USS) while the room answers (≤ 1,5 GiB at 100,
  ≤ 5 MiB for each phone more).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

from benchmarks._harness import wait_until_quiet
from benchmarks._lan import MIB, LanKit, MemoryWatch, lan_kit, memory
from lco_kit.reflectie import ReflectieStore
from tests.server.phone import Phone, seeded

ROOMS = (10, 50, 100)
RATIO_TARGET = 3.0
MEMORY_TARGET = 1.5 * 1024 * MIB
PER_PHONE_TARGET = 5 * MIB
PERSPECTIVES = ("client", "deelnemer", "deelnemer", "deelnemer", "coordinator")


def _alone(kit: LanKit, store: ReflectieStore) -> dict[str, float]:
    """Each kind of request alone: the median over five phones, one after the other, without thinking."""
    code = store.create_session("reflectiedag", title="Alleen").session.code
    times: dict[str, list[float]] = defaultdict(list)
    for n in range(5):
        for perspective in ("client", "deelnemer"):
            phone = Phone(kit.url, seeded(1000 + n))
            phone.whole_flow(kit.qr_path(code), perspective, "alleen")
            for kind, seconds in phone.latencies:
                times[kind].append(seconds)
    return {kind: statistics.median(values) for kind, values in times.items()}


def _room(kit: LanKit, store: ReflectieStore, size: int) -> tuple[dict[str, list[float]], int, int, int]:
    """Run one room; return the latencies by kind, the peak memory, phones stored once, and the bytes per phone."""
    code = store.create_session("reflectiedag", title=f"Zaal van {size}").session.code
    starts = sorted(seeded(size).uniform(0, 10) for _ in range(size))
    watch = MemoryWatch(kit.pid)
    began = time.perf_counter()

    def one(n: int) -> Phone:
        time.sleep(max(0.0, starts[n] - (time.perf_counter() - began)))
        phone = Phone(kit.url, seeded(n), think=(2.0, 4.0))
        phone.whole_flow(kit.qr_path(code), PERSPECTIVES[n % len(PERSPECTIVES)], f"telefoon {n}")
        return phone

    with ThreadPoolExecutor(max_workers=size) as pool:
        phones = list(pool.map(one, range(size)))
    peak = watch.stop()
    latencies: dict[str, list[float]] = defaultdict(list)
    for phone in phones:
        for kind, seconds in phone.latencies:
            latencies[kind].append(seconds)
    records = store.respondents(store.session(code).id)
    remarks = sorted(r.remark for r in records if r.finished)
    once = size if remarks == sorted(f"telefoon {n}" for n in range(size)) else len(set(remarks))
    return latencies, peak, once, int(statistics.mean(p.received for p in phones))


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> str:
    """Measure the rooms; return the table."""
    lines = []
    with lan_kit() as kit:
        store = ReflectieStore(kit.database())
        wait_until_quiet(kit.pid)
        idle = memory(kit.pid)
        alone = _alone(kit, store)
        results = []
        for size in ROOMS:
            wait_until_quiet(kit.pid)
            results.append((size, *_room(kit, store, size)))
    lines += [
        "| `room100` | 10 gsm's | 50 gsm's | 100 gsm's | doel |",
        "|---|---|---|---|---|",
        "| opgeslagen, precies één keer | "
        + " | ".join(f"{once}/{size}" for size, _, _, once, _ in results)
        + " | alle |",
    ]
    kinds = sorted(alone)
    worst = []
    for kind in kinds:
        ratios = [_p95(latencies[kind]) / alone[kind] for _, latencies, _, _, _ in results if latencies.get(kind)]
        worst.append(max(ratios))
        lines.append(
            f"| p95 `{kind}` in de zaal ÷ alleen ({alone[kind] * 1000:.0f} ms alleen) | "
            + " | ".join(f"{r:.2f}×" for r in ratios)
            + f" | ≤ {RATIO_TARGET:.0f}× |"
        )
    peaks = [peak for _, _, peak, _, _ in results]
    lines.append(
        f"| geheugen server + kernels, piek (in rust {idle / MIB:.0f} MiB) | "
        + " | ".join(f"{p / MIB:.0f} MiB" for p in peaks)
        + " | ≤ 1536 MiB |"
    )
    per_phone = (peaks[-1] - peaks[0]) / (ROOMS[-1] - ROOMS[0])
    lines.append(f"| extra geheugen per gsm (10 → 100) | – | – | {per_phone / MIB:.2f} MiB | ≤ 5 MiB |")
    lines.append(
        "| ontvangen per gsm (HTML, hele flow) | "
        + " | ".join(f"{b / 1024:.0f} KB" for _, _, _, _, b in results)
        + " | – |"
    )
    met = (
        all(once == size for size, _, _, once, _ in results)
        and max(worst) <= RATIO_TARGET
        and peaks[-1] <= MEMORY_TARGET
        and per_phone <= PER_PHONE_TARGET
    )
    lines.append(f"\nAlle doelen gehaald: {'ja' if met else '**nee**'}.")
    return "\n".join(lines)


if __name__ == "__main__":
    print(main())
    sys.exit(0)
