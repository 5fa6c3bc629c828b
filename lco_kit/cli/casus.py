"""``lco-kit casus``: check casus files, simulate a casus, list the kit's casussen."""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path

from lco_kit import config
from lco_kit.casus import (
    MAX_PROVIDERS,
    MIN_PROVIDERS,
    casus_text,
    casus_to_yaml,
    check_casus,
    profiles,
    read_library,
    simulate_casus,
)
from lco_kit.config import log_unexpected
from lco_kit.errors import LcoError

__all__ = ["register"]


def register(subcommands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``casus`` command group."""
    parser = subcommands.add_parser(
        "casus", help=casus_text("cli_casus_help"), description=casus_text("cli_casus_help")
    )
    verbs = parser.add_subparsers(title="opdrachten", metavar="OPDRACHT", required=True)

    check = verbs.add_parser(
        "check",
        help=casus_text("cli_casus_check_help"),
        description="Kijk casusbestanden na: klopt het formaat, en staan er geen persoonsgegevens in? "
        "Geeft exitcode 1 als er iets niet in orde is.",
    )
    check.add_argument("files", nargs="+", metavar="BESTAND", help="een of meer casusbestanden (.yaml)")
    check.set_defaults(handler=run_check)

    simulate = verbs.add_parser(
        "simulate",
        help=casus_text("cli_casus_simulate_help"),
        description="Maak een verzonnen casus. Hetzelfde getal (seed) en dezelfde keuzes geven altijd dezelfde casus.",
    )
    simulate.add_argument("--seed", type=int, required=True, metavar="N", help="een geheel getal (verplicht)")
    simulate.add_argument("--out", "--uit", dest="out", metavar="BESTAND", help="schrijf naar dit bestand")
    simulate.add_argument("--profiel", metavar="PROFIEL", help="het profiel (zie ‘lco-kit casus list’)")
    simulate.add_argument(
        "--hulpverleners",
        type=int,
        metavar="N",
        help=f"aantal hulpverleners, {MIN_PROVIDERS} tot {MAX_PROVIDERS} (standaard 3 tot 5)",
    )
    minors = simulate.add_mutually_exclusive_group()
    minors.add_argument(
        "--met-minderjarigen",
        dest="minderjarigen",
        action="store_const",
        const=True,
        help="een gezin met minderjarigen",
    )
    minors.add_argument(
        "--zonder-minderjarigen", dest="minderjarigen", action="store_const", const=False, help="zonder minderjarigen"
    )
    simulate.add_argument(
        "--levensdomeinen",
        metavar="LIJST",
        help="levensdomeinen gescheiden door komma's, bv. ‘financien,huisvesting,gezondheid’",
    )
    simulate.set_defaults(handler=run_simulate)

    listing = verbs.add_parser(
        "list", help=casus_text("cli_casus_list_help"), description=casus_text("cli_casus_list_help")
    )
    listing.set_defaults(handler=run_list)


def run_check(args: argparse.Namespace) -> int:
    """Check every file; print a Dutch report per file; exit code 1 when any is not in order.

    Each file is reported as soon as it is checked, and a file that trips a defect in the
    kit is reported as not in order while the others are still checked.
    """
    bad = 0
    for name in args.files:
        try:
            result = check_casus(Path(name), name)
        except Exception:  # a defect: this file fails, the others are still checked
            reference = log_unexpected(f"lco-kit casus check {name}")
            print(
                f"{name}: niet in orde.\n  Er ging onverwacht iets mis bij het nakijken van dit bestand "
                f"(kenmerk {reference}). De details staan in het logbestand: {config.log_file()}"
            )
            print()
            bad += 1
            continue
        print(result.report())
        print()
        bad += not result.ok
    if bad:
        print(casus_text("check_samenvatting_fout", aantal=bad, totaal=len(args.files)))
        return 1
    print(casus_text("check_samenvatting_ok", aantal=len(args.files)))
    return 0


def run_simulate(args: argparse.Namespace) -> int:
    """Print (or write) a simulated casus as YAML."""
    domains = None
    if args.levensdomeinen is not None:
        domains = [part.strip() for part in args.levensdomeinen.split(",") if part.strip()]
    casus = simulate_casus(
        args.seed,
        profiel=args.profiel,
        hulpverleners=args.hulpverleners,
        minderjarigen=args.minderjarigen,
        levensdomeinen=domains,
    )
    command = ["lco-kit", "casus", "simulate", "--seed", str(args.seed)]
    for option, value in (
        ("--profiel", args.profiel),
        ("--hulpverleners", args.hulpverleners),
        ("--levensdomeinen", args.levensdomeinen),
    ):
        if value is not None:
            command += [option, str(value)]
    if args.minderjarigen is not None:
        command.append("--met-minderjarigen" if args.minderjarigen else "--zonder-minderjarigen")
    header = (
        "Verzonnen casus, gemaakt door lco-kit. Elke gelijkenis met een echte persoon is toeval.\n"
        f"Opnieuw te maken met: {shlex.join(command)}"
    )
    text = casus_to_yaml(casus, header=header)
    if args.out is None:
        print(text, end="")
        return 0
    try:
        Path(args.out).write_text(text, encoding="utf-8")
    except OSError as error:
        raise LcoError(f"Kan niet schrijven naar ‘{args.out}’: {error.strerror}.") from None
    print(casus_text("cli_geschreven", pad=args.out))
    return 0


def run_list(args: argparse.Namespace) -> int:  # noqa: ARG001  (the handler signature is shared)
    """Print the curated casussen and the profiles."""
    library = read_library()
    labels = {p.code: p.label for p in profiles()}
    print(casus_text("cli_lijst_casussen", aantal=len(library.casussen)))
    for casus in library.casussen:
        print(f"  {casus.id}: {casus.titel} ({labels[casus.profiel]})")
    print()
    print(casus_text("cli_lijst_profielen"))
    for profile in profiles():
        print(f"  {profile.code}: {profile.label}")
    for error in library.fouten:
        print()
        print(str(error))
    return 1 if library.fouten else 0
