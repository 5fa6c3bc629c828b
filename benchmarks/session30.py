"""``session30``: thirty laptops doing the lesson on one laptop's kit, then closing their pages.

Thirty browser contexts (Playwright, Debian's Chromium) in batches of ten each open the start
page, the lesson and the role-play page, wait until each is usable, and close them. Measured
in one run: the peak memory of the server and all its kernels (USS), and that memory two
minutes after the last page closed, against the idle kit (target: within 20 %). Closing a page
frees its kernel (the page's own script sends the shutdown), so the kit returns to idle
without waiting half an hour for culling.
"""

from __future__ import annotations

import time

from benchmarks._harness import CHROMIUM_ARGS, chromium, wait_until_quiet
from benchmarks._lan import MIB, MemoryWatch, kernels, lan_kit, memory

VISITORS = 30
BATCH = 10
PAGES = ("00_start.ipynb", "20_maatzorgprincipes.ipynb", "30_rollenspel_oefenen.ipynb")
AFTER_SECONDS = 120
TARGET = 0.20
PAGE_MS = 180_000


def main() -> str:
    """Run the session; return the table."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415  (test extra)

    with lan_kit() as kit, sync_playwright() as playwright:
        wait_until_quiet(kit.pid)
        idle, idle_kernels = memory(kit.pid), kernels(kit.pid)
        browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        watch = MemoryWatch(kit.pid)
        busy = 0
        for first in range(0, VISITORS, BATCH):
            contexts = [browser.new_context(locale="nl-BE") for _ in range(BATCH)]
            pages = []
            for context in contexts:
                page = context.new_page()
                page.goto(f"{kit.url}/lco/deelnemen?token={kit.token}", timeout=PAGE_MS)  # the room's login
                pages.append(page)
            for name in PAGES:
                for page in pages:
                    page.goto(f"{kit.url}/voila/render/{name}", timeout=PAGE_MS, wait_until="commit")
                for page in pages:
                    page.wait_for_selector("#loading", state="detached", timeout=PAGE_MS)
                busy = max(busy, kernels(kit.pid))
            for context in contexts:
                context.close()
            del first
        closed_at = time.perf_counter()
        peak = watch.stop()
        browser.close()
        time.sleep(max(0.0, AFTER_SECONDS - (time.perf_counter() - closed_at)))
        after, after_kernels = memory(kit.pid), kernels(kit.pid)
    growth = after / idle - 1
    return "\n".join(
        [
            f"| `session30` ({VISITORS} laptops, per {BATCH}, drie pagina's elk) | gemeten | doel |",
            "|---|---|---|",
            f"| geheugen in rust (server + {idle_kernels} kernels, USS) | {idle / MIB:.0f} MiB | – |",
            f"| piek tijdens de sessie (tot {busy} kernels) | {peak / MIB:.0f} MiB | – |",
            f"| {AFTER_SECONDS // 60} minuten na het sluiten ({after_kernels} kernels) | {after / MIB:.0f} MiB "
            f"({growth:+.0%} t.o.v. rust) | binnen 20 %: {'ja' if abs(growth) <= TARGET else '**nee**'} |",
        ]
    )


if __name__ == "__main__":
    print(main())
