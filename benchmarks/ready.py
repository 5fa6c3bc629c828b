"""``ready``: ``lco-kit start --lan`` until ‘Klaar voor de zaal’, and what the laptop holds then.

Target: ready within 30 s; the idle memory is reported (server and kept kernels, USS).
"""

from __future__ import annotations

import time

from benchmarks._harness import wait_until_quiet
from benchmarks._lan import MIB, kernels, lan_kit, memory

TARGET_SECONDS = 30.0


def main() -> str:
    """Start a room's kit three times; return the median time to ready and the idle memory."""
    readies, idle, kept = [], [], []
    for _ in range(3):
        with lan_kit() as kit:
            readies.append(kit.ready_seconds)
            wait_until_quiet(kit.pid)
            time.sleep(2)
            idle.append(memory(kit.pid))
            kept.append(kernels(kit.pid))
    readies.sort()
    ready = readies[1]
    return "\n".join(
        [
            "| `ready` | gemeten | doel |",
            "|---|---|---|",
            f"| `lco-kit start --lan` tot ‘Klaar voor de zaal’ (mediaan van 3) | {ready:.1f} s "
            f"(min {readies[0]:.1f}, max {readies[2]:.1f}) | ≤ {TARGET_SECONDS:.0f} s: "
            f"{'ja' if ready <= TARGET_SECONDS else '**nee**'} |",
            f"| geheugen in rust (server en klaarstaande kernels, USS) | {max(idle) / MIB:.0f} MiB | – |",
            f"| klaarstaande kernels | {max(kept)} | – |",
        ]
    )


if __name__ == "__main__":
    print(main())
