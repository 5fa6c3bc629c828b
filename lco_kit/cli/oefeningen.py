"""``lco-kit oefeningen``: check exercise banks before a session, and list what they hold.

- ``check`` reads every bank completely and reports every problem (file, line, exercise id,
  field) in Dutch; it exits with 1 when any bank cannot be used, so a facilitator (or a
  script) knows before the session starts.
- ``list`` shows per bank how many exercises of each kind and topic it holds.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from lco_kit.errors import ContentError, Problem

HELP = "oefenreeksen over de maatzorgprincipes nakijken en tonen"
_PATHS_HELP = "een oefenreeks (YAML) of een map met oefenreeksen (standaard: de oefenreeksen van de kit)"


def register(subcommands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``oefeningen`` command group."""
    parser = subcommands.add_parser(
        "oefeningen",
        help=HELP,
        description=(
            "De oefenreeksen van de les over de maatzorgprincipes: kijk na of ze in orde zijn voor je "
            "ze in een sessie gebruikt, of bekijk wat erin zit."
        ),
    )
    verbs = parser.add_subparsers(title="opdrachten", metavar="OPDRACHT", required=True)
    check = verbs.add_parser(
        "check",
        help="kijk oefenreeksen na; toont elke fout met bestand, regel, oefening en veld",
        description=(
            "Kijk oefenreeksen na: het formaat, een eigen uitleg bij elke optie, een juist antwoord, "
            "unieke id’s, bestaande casussen, en opties die het juiste antwoord niet verraden door hun "
            "lengte. Geeft 0 terug als alles in orde is, 1 bij een fout."
        ),
    )
    check.add_argument("paths", nargs="*", type=Path, metavar="MAP_OF_BESTAND", help=_PATHS_HELP)
    check.set_defaults(handler=run_check)
    listing = verbs.add_parser(
        "list",
        help="toon per oefenreeks hoeveel oefeningen van elke soort en over elk onderwerp erin zitten",
        description="Toon per oefenreeks de titel en hoeveel oefeningen van elke soort en elk onderwerp erin zitten.",
    )
    listing.add_argument("paths", nargs="*", type=Path, metavar="MAP_OF_BESTAND", help=_PATHS_HELP)
    listing.set_defaults(handler=run_list)


def _bank_files(paths: list[Path]) -> tuple[list[Path], list[ContentError]]:
    """Expand folders into their YAML files; report paths that do not exist."""
    files: list[Path] = []
    missing: list[ContentError] = []
    for path in dict.fromkeys(paths):
        if path.is_dir():
            found = sorted(
                p
                for pattern in ("*.yaml", "*.yml")
                for p in path.rglob(pattern)
                if p.is_file() and ".ipynb_checkpoints" not in p.parts
            )
            if not found:
                missing.append(ContentError(str(path), [Problem("in deze map staan geen oefenreeksen (.yaml).")]))
            files += [p for p in found if p not in files]
        elif path.is_file():
            if path not in files:
                files.append(path)
        else:
            missing.append(ContentError(str(path), [Problem("dit bestand of deze map bestaat niet.")]))
    return files, missing


def run_check(args: argparse.Namespace) -> int:
    """Check the banks; print a summary, or every problem on stderr and return 1."""
    from lco_kit.itemregels import length_problems  # noqa: PLC0415  (keeps ‘lco-kit --help’ fast)
    from lco_kit.oefeningen import SOORTEN, choice_questions, load_banks  # noqa: PLC0415

    files, missing = _bank_files(args.paths) if args.paths else (None, [])
    result = load_banks(files)
    errors = missing + result.fouten
    if errors:
        for error in errors:
            print(str(error), end="\n\n", file=sys.stderr)
        total = len(result.reeksen) + len(errors)
        print(f"Niet in orde: {len(errors)} van de {total} bestanden kan niet gebruikt worden.", file=sys.stderr)
        return 1
    lengths = length_problems({f"{name}.yaml": choice_questions(reeks) for name, reeks in result.reeksen.items()})
    if lengths:
        for name, problems in lengths.items():
            print(f"{name}:", *(f"  - {problem}" for problem in problems), sep="\n", end="\n\n", file=sys.stderr)
        print(
            f"Niet in orde: de opties verraden het juiste antwoord ({len(lengths)} keer). Zie ‘Vragen schrijven’ "
            "in docs/oefeningen.md.",
            file=sys.stderr,
        )
        return 1
    exercises = result.oefeningen()
    kinds: Counter[str] = Counter(o.soort for o in exercises)
    counted = ", ".join(f"{kinds[k]} {k}" for k in SOORTEN if kinds[k])
    print(f"{len(result.reeksen)} oefenreeks(en) nagekeken, {len(exercises)} oefeningen ({counted}). Alles in orde.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    """Print each readable bank with its counts; problems go to stderr (exit 1)."""
    from lco_kit.oefeningen import SOORTEN, load_banks  # noqa: PLC0415
    from lco_kit.principes import load_principes  # noqa: PLC0415

    files, missing = _bank_files(args.paths) if args.paths else (None, [])
    result = load_banks(files)
    inhoud = load_principes()
    for name, reeks in result.reeksen.items():
        kinds: Counter[str] = Counter(o.soort for o in reeks.oefeningen)
        topics = Counter(o.onderwerp for o in reeks.oefeningen)
        print(f"{reeks.titel} ({name}) — {len(reeks.oefeningen)} oefeningen")
        print("  soorten: " + ", ".join(f"{kinds[k]} {k}" for k in SOORTEN if kinds[k]))
        print("  onderwerpen: " + ", ".join(f"{inhoud.titel(t)} {n}" for t, n in topics.items()))
    errors = missing + result.fouten
    for error in errors:
        print(str(error), end="\n\n", file=sys.stderr)
    return 1 if errors else 0
