"""``lco-kit afdrukken``: write a programme's draaiboek and everything it says to print, as PDFs."""

from __future__ import annotations

import argparse
from pathlib import Path

from lco_kit.drukwerk import PROGRAMMAS, drukwerk_text, programme_documents, write_programme

__all__ = ["register", "run_print"]


def register(subcommands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``afdrukken`` command."""
    t = drukwerk_text
    parser = subcommands.add_parser("afdrukken", help=t("cli_help"), description=t("cli_help"))
    parser.add_argument(
        "--programma",
        required=True,
        choices=PROGRAMMAS,
        metavar="PROGRAMMA",
        help=t("cli_programma_help", keuzes=", ".join(PROGRAMMAS)),
    )
    parser.add_argument("--out", required=True, metavar="MAP", type=Path, help=t("cli_map_help"))
    parser.set_defaults(handler=run_print)


def run_print(args: argparse.Namespace) -> int:
    """Write every PDF of the programme into the folder; print one line per file."""
    written = write_programme(args.programma, args.out)
    labels = {item.filename: item.label for item in programme_documents(args.programma)}
    for path in written:
        print(drukwerk_text("cli_geschreven", bestand=f"{path.name} ({labels.get(path.name, '')})"))
    print(drukwerk_text("cli_klaar", aantal=len(written), map=args.out))
    return 0
