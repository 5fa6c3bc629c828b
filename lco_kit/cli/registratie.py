"""``lco-kit registratie``: check, summarise, report and simulate the yearly LCO registration.

The heavy libraries (pandas, matplotlib, the PDF writer) are imported inside the commands,
so that ``lco-kit --help`` and the other command groups stay fast.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from lco_kit.errors import LcoError

if TYPE_CHECKING:
    from lco_kit.registratie import Overview, Registration, Selection

HELP = "registratie van LCO's nakijken, samenvatten, in een rapport zetten of simuleren"

_YEARS = re.compile(r"^\s*(\d{4})\s*(?:[-–—]\s*(\d{4})\s*)?$")


def register(subcommands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``registratie`` command group."""
    parser = subcommands.add_parser(
        "registratie",
        help=HELP,
        description=(
            "De jaarlijkse registratie van het lokaal cliëntoverleg: een export (CSV of .xlsx) nakijken, "
            "de cijfers tonen, een jaarrapport of een signalennota maken, of gesimuleerde gegevens aanmaken."
        ),
    )
    verbs = parser.add_subparsers(title="opdrachten", metavar="OPDRACHT", required=True)

    check = verbs.add_parser(
        "check",
        help="kijk een bestand na en toon elke ongeldige rij",
        description="Kijk een registratiebestand na. Elke ongeldige rij staat in de lijst, met haar rijnummer. "
        "De opdracht stopt met code 1 als er ongeldige rijen zijn.",
    )
    _file_arguments(check)
    check.set_defaults(handler=run_check)

    summary = verbs.add_parser(
        "summary",
        help="toon de cijfers per jaar (en met --json als JSON)",
        description="Toon de cijfers van een registratiebestand: per jaar, en uitgesplitst "
        "(met kleine aantallen verborgen).",
    )
    _file_arguments(summary)
    _selection_arguments(summary)
    summary.add_argument("--json", action="store_true", help="geef de cijfers als JSON-object")
    summary.set_defaults(handler=run_summary)

    report = verbs.add_parser(
        "report",
        help="maak het jaarrapport als PDF",
        description="Maak het jaarrapport (PDF): kerncijfers, grafieken, tabellen, knelpunten en een toelichting.",
    )
    _file_arguments(report)
    _selection_arguments(report)
    report.add_argument("--out", required=True, type=Path, metavar="BESTAND.pdf", help="waar het PDF-bestand komt")
    report.set_defaults(handler=run_report)

    signalen = verbs.add_parser(
        "signalen",
        help="maak de signalennota als PDF",
        description="Maak de signalennota (PDF): de knelpunten die terugkomen, gebundeld voor het lokaal beleid.",
    )
    _file_arguments(signalen)
    _selection_arguments(signalen)
    signalen.add_argument("--out", required=True, type=Path, metavar="BESTAND.pdf", help="waar het PDF-bestand komt")
    signalen.set_defaults(handler=run_signalen)

    simulate = verbs.add_parser(
        "simulate",
        help="maak een gesimuleerde registratie (CSV of .xlsx)",
        description="Maak een gesimuleerde registratie voor de 44 Limburgse gemeenten van toen. De jaartotalen "
        "2009-2016 zijn precies de gepubliceerde; de rest is verzonnen (zie docs/registratie.md).",
    )
    simulate.add_argument("--seed", type=int, required=True, metavar="N", help="dezelfde seed geeft hetzelfde bestand")
    simulate.add_argument("--jaren", default="2009-2016", metavar="VAN-TOT", help="de jaren (standaard: 2009-2016)")
    simulate.add_argument(
        "--met-fouten", type=int, default=0, metavar="N", help="voeg N ongeldige rijen toe, om het nakijken te oefenen"
    )
    simulate.add_argument("--out", required=True, type=Path, metavar="BESTAND", help="een .csv- of .xlsx-bestand")
    simulate.set_defaults(handler=run_simulate)


def _file_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="BESTAND", help="het registratiebestand (.csv of .xlsx)")
    parser.add_argument(
        "--blad", metavar="NAAM", help="het werkblad van een .xlsx-bestand (standaard: het eerste met de kolommen)"
    )
    parser.add_argument(
        "--koppel",
        action="append",
        default=[],
        metavar="KOP=KOLOM",
        help="koppel een kolomkop uit je bestand aan een kolom van de registratie (mag meermaals)",
    )


def _selection_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jaren", metavar="VAN-TOT", help="alleen deze jaren, bijvoorbeeld 2014 of 2012-2016")
    parser.add_argument("--gemeenten", metavar="NAMEN", help="alleen deze gemeenten, gescheiden door komma's")
    parser.add_argument("--drempel", type=int, metavar="N", help="verberg aantallen onder N (standaard: 5)")


def _mapping(pairs: list[str]) -> dict[str, str] | None:
    mapping: dict[str, str] = {}
    for pair in pairs:
        header, sep, column = pair.partition("=")
        if not sep or not header.strip():
            raise LcoError(
                f'‘{pair}’ is geen koppeling. Schrijf KOP=KOLOM, bijvoorbeeld --koppel "Datum overleg=datum".'
            )
        mapping[header.strip()] = column.strip()
    return mapping or None


def _load(args: argparse.Namespace) -> Registration:
    from lco_kit.registratie import load_registration  # noqa: PLC0415  (heavy: only when used)

    if not args.file.is_file():
        raise LcoError(f"Het bestand {args.file} bestaat niet.")
    return load_registration(args.file, sheet=args.blad, mapping=_mapping(args.koppel))


def _years(text: str | None) -> tuple[int, ...] | None:
    if text is None:
        return None
    match = _YEARS.match(text)
    if not match:
        raise LcoError(f"‘{text}’ is geen jaar en geen reeks jaren. Schrijf bijvoorbeeld 2014 of 2012-2016.")
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if first > last:
        raise LcoError(f"De reeks {first}-{last} loopt achteruit. Schrijf het vroegste jaar eerst: {last}-{first}.")
    return tuple(range(first, last + 1))


def _selection(args: argparse.Namespace, registration: Registration) -> Selection:
    from lco_kit.codes import normalize  # noqa: PLC0415
    from lco_kit.registratie import Selection  # noqa: PLC0415

    gemeenten = None
    if args.gemeenten:
        present = {normalize(str(g)): str(g) for g in registration.rows["gemeente"].astype(object).unique()}
        chosen = []
        for name in (n.strip() for n in args.gemeenten.split(",")):
            if not name:
                continue
            if normalize(name) not in present:
                raise LcoError(f"De gemeente ‘{name}’ komt niet voor in de geldige rijen van dit bestand.")
            chosen.append(present[normalize(name)])
        gemeenten = tuple(chosen)
    if args.drempel is not None and args.drempel < 1:
        raise LcoError("De drempel moet minstens 1 zijn (1 verbergt niets).")
    return Selection(years=_years(args.jaren), gemeenten=gemeenten)


def _overview(args: argparse.Namespace) -> Overview:
    from lco_kit.registratie import build_overview  # noqa: PLC0415

    registration = _load(args)
    return build_overview(registration, _selection(args, registration), args.drempel)


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as error:
        raise LcoError(f"Kan {path} niet bewaren: {error.strerror}.") from None


def run_check(args: argparse.Namespace) -> int:
    """List every invalid row; exit 1 when there is one."""
    registration = _load(args)
    lines = [registration.layout.describe()] if registration.layout is not None else []
    lines.append(registration.summary_line())
    problems = registration.problem_list()
    if problems:
        lines.append("\nOngeldige rijen (ze tellen niet mee in de cijfers):")
        lines.extend(f"  {problem.describe()}" for problem in problems)
    if registration.warnings:
        lines.append("\nOm na te kijken (deze rijen tellen wel mee):")
        lines.extend(f"  {warning}" for warning in registration.warnings)
    if not registration.read_rows:
        lines.append("\nHet bestand bevat kolomkoppen maar geen registraties.")
    _out("\n".join(lines))
    return 1 if problems else 0


def run_summary(args: argparse.Namespace) -> int:
    """Print the figures, as text or as JSON."""
    from lco_kit.registratie import summary  # noqa: PLC0415

    registration = _load(args)
    figures = summary(registration, _selection(args, registration), args.drempel)
    if args.json:
        _out(json.dumps(figures, ensure_ascii=False, indent=2))
        return 0
    lines = [
        registration.summary_line(),
        "",
        f"{'jaar':<6}{'LCO’s':>11}{'eerste':>11}{'cliënt aan tafel':>18}{'minderjarige':>14}",
    ]
    for year, row in figures["per_jaar"].items():
        cells = [row["aantal"], row["eerste"], row["client_aanwezig"], row["minderjarige_betrokken"]]
        shown = ["verborgen" if c is None else str(c) for c in cells]
        lines.append(f"{year:<6}{shown[0]:>11}{shown[1]:>11}{shown[2]:>18}{shown[3]:>14}")
    _out("\n".join(lines))
    return 0


def _out(text: str) -> None:
    """Print, and stop quietly when the reader (``| head``) has gone."""
    try:
        print(text)
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = open(os.devnull, "w")  # noqa: SIM115, PTH123  (Python's advice for a closed pipe)
        os.dup2(devnull.fileno(), sys.stdout.fileno())


def run_report(args: argparse.Namespace) -> int:
    """Write the yearly report."""
    from lco_kit.registratie import jaarrapport_pdf  # noqa: PLC0415

    view = _overview(args)
    _write(args.out, jaarrapport_pdf(view))
    print(f"Het jaarrapport staat in {args.out} ({view.registration.summary_line()})")
    return 0


def run_signalen(args: argparse.Namespace) -> int:
    """Write the signalennota."""
    from lco_kit.registratie import signalennota_pdf  # noqa: PLC0415

    view = _overview(args)
    _write(args.out, signalennota_pdf(view))
    print(f"De signalennota staat in {args.out} ({view.registration.summary_line()})")
    return 0


def run_simulate(args: argparse.Namespace) -> int:
    """Write a simulated registration."""
    from lco_kit.registratie import simulated_export  # noqa: PLC0415

    suffix = args.out.suffix.lower()
    if suffix not in {".csv", ".xlsx"}:
        raise LcoError(f"Kies een bestand dat eindigt op .csv of .xlsx (niet ‘{args.out.name}’).")
    if args.met_fouten < 0:
        raise LcoError("Het aantal ongeldige rijen kan niet negatief zijn.")
    data = simulated_export(args.seed, args.jaren, kind=suffix[1:], fouten=args.met_fouten)
    _write(args.out, data)
    print(f"Gesimuleerde registratie ({args.jaren}, seed {args.seed}) bewaard in {args.out}.")
    return 0
