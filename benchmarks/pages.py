"""Time until each page is usable, as a ratio to a one-cell Markdown page on the same server.

Usable = the page's main widget (``metadata.lco_kit.hoofdelement``) is visible in headless
Chromium and, for a page from a kept kernel, filled in for its address (no ``.lco-wacht-op-adres``
left), counted from navigation. Each page is loaded several times in a fresh browser
context; the median is used. Target: at most 1.5× for every page (aim 1.3×).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from benchmarks._harness import BASELINE, CHROMIUM_ARGS, chromium, kit_server, median, pages_with_baseline

TARGET = 1.5
REPEATS = 5


def main_selector(folder: Path, name: str) -> str:
    """Return the selector of a page's main widget."""
    if name == BASELINE:
        return ".jp-RenderedMarkdown"
    metadata = json.loads((folder / name).read_text(encoding="utf-8"))["metadata"]
    return str(metadata.get("lco_kit", {}).get("hoofdelement", "#rendered_cells"))


def time_to_usable(browser: Browser, url: str, selector: str) -> float:
    """Return seconds from navigation until the selector is visible, in a fresh context."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=120_000)
    page.wait_for_selector(selector, state="visible", timeout=120_000)
    page.wait_for_selector(".lco-wacht-op-adres", state="detached", timeout=120_000)
    elapsed = time.perf_counter() - started
    context.close()
    return elapsed


def measure(extra_args: Sequence[str] = (), repeats: int = REPEATS) -> list[tuple[str, float, float]]:
    """Return (page, median seconds, ratio to the baseline) for every page."""
    folder = pages_with_baseline()
    names = sorted(p.name for p in folder.glob("*.ipynb") if p.name != BASELINE)
    results: dict[str, list[float]] = {name: [] for name in [BASELINE, *names]}
    with kit_server(folder, extra_args) as server, sync_playwright() as playwright:
        base = server.url
        browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        for name in results:  # one warm-up load each
            time_to_usable(browser, f"{base}/voila/render/{name}", main_selector(folder, name))
        for _ in range(repeats):
            for name, values in results.items():  # interleaved, so that drift hits every page alike
                server.wait_until_quiet()  # the used kernel has been replaced, as between people arriving
                values.append(time_to_usable(browser, f"{base}/voila/render/{name}", main_selector(folder, name)))
        browser.close()
    baseline = median(results[BASELINE])
    return [(name, median(values), median(values) / baseline) for name, values in results.items()]


def report(rows: list[tuple[str, float, float]]) -> str:
    """Return the rows as a Markdown table."""
    lines = ["| pagina | mediaan (s) | verhouding tot 1-cel-pagina | doel ≤ 1,5× |", "|---|---|---|---|"]
    for name, seconds, ratio in rows:
        verdict = "basislijn" if name == BASELINE else ("ja" if ratio <= TARGET else "**nee**")
        lines.append(f"| {name} | {seconds:.2f} | {ratio:.2f}× | {verdict} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(measure(sys.argv[1:])))
