"""``python -m benchmarks`` (or ``make benchmark``): run every benchmark and print its table."""

from __future__ import annotations

import importlib
import sys

from benchmarks import pages, ready, room, session30, startup
from benchmarks._harness import machine


def main() -> int:
    """Print the machine, then every table."""
    print(f"Machine: {machine()}\n")
    print("## Pagina's: tijd tot bruikbaar\n")
    print(pages.report(pages.measure()))
    print("\n## Opstarten\n")
    print(startup.report(startup.measure()))
    print("\n## ready: klaar voor de zaal\n")
    print(ready.main())
    print("\n## room100: een zaal gsm's vult in\n")
    print(room.main())
    print("\n## session30: dertig laptops doen de les\n")
    print(session30.main())
    try:
        registratie = importlib.import_module("benchmarks.registratie")
    except ModuleNotFoundError:
        return 0
    print("\n## Registratie: 1 000 000 rijen\n")
    registratie.main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
