"""``lco-kit start``: serve the kit in the browser."""

from __future__ import annotations

import argparse

from lco_kit import server
from lco_kit.cli.gegevens import before_start

HELP = "start de kit en open de startpagina in je browser"
MAX_ROOM = 100


def register(subcommands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``start`` command."""
    parser = subcommands.add_parser(
        "start",
        help=HELP,
        description="Start de kit op deze computer en open de startpagina in je browser.",
    )
    parser.add_argument(
        "--poort",
        "--port",
        dest="port",
        type=int,
        default=8866,
        metavar="N",
        help="het poortnummer (standaard: 8866)",
    )
    parser.add_argument(
        "--geen-browser",
        "--no-browser",
        dest="open_browser",
        action="store_false",
        help="open geen browser; toon alleen het adres",
    )
    parser.add_argument(
        "--lan",
        action="store_true",
        help="laat deelnemers in dezelfde zaal meedoen via het netwerk (beveiligd met een toegangscode in de link)",
    )
    parser.add_argument(
        "--groep",
        dest="room",
        type=_group_size,
        default=None,
        metavar="N",
        help=(
            f"met --lan: voor hoeveel deelnemers de kit pagina's klaarzet (standaard: {server.ROOM_SIZE}; "
            "een kleinere groep spaart geheugen)"
        ),
    )
    parser.add_argument(
        "--max-paginas",
        dest="max_kernels",
        type=_ceiling,
        default=None,
        metavar="N",
        help=(
            "hoeveel pagina's (met een eigen rekenproces) hoogstens tegelijk open staan; daarboven krijgt "
            "wie een pagina opent ‘Het is even druk’ (standaard: naar het geheugen van deze computer; "
            "de lichte deelnemerspagina telt niet mee)"
        ),
    )
    parser.set_defaults(handler=run)


def _group_size(value: str) -> int:
    try:
        size = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"‘{value}’ is geen getal; geef het aantal deelnemers, bv. 12") from None
    if not 1 <= size <= MAX_ROOM:
        raise argparse.ArgumentTypeError(f"de groep moet tussen 1 en {MAX_ROOM} deelnemers zijn, niet {size}")
    return size


def _ceiling(value: str) -> int:
    try:
        size = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"‘{value}’ is geen getal; geef een aantal pagina's, bv. 40") from None
    if size < 1:
        raise argparse.ArgumentTypeError(f"geef minstens 1 pagina, niet {size}")
    return size


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted."""
    before_start()
    server.serve(args.port, open_browser=args.open_browser, lan=args.lan, room=args.room, max_kernels=args.max_kernels)
    return 0
