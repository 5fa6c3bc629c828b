"""The ``lco-kit`` parser and its run: every command group found, every error said in Dutch."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path

from lco_kit import config
from lco_kit.cli import _dutch_argparse
from lco_kit.config import log_unexpected
from lco_kit.errors import LcoError

_DESCRIPTION = (
    "lco-kit: oefen- en reflectiekit voor het lokaal cliëntoverleg (LCO). "
    "Met ‘lco-kit start’ open je de kit in je browser."
)


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=32)


def build_parser() -> argparse.ArgumentParser:
    """Return the parser with every command group that is installed."""
    _dutch_argparse.install()
    parser = argparse.ArgumentParser(prog="lco-kit", description=_DESCRIPTION, formatter_class=_HelpFormatter)
    subcommands = parser.add_subparsers(title="opdrachten", metavar="OPDRACHT", required=True)
    for info in sorted(pkgutil.iter_modules([str(Path(__file__).parent)]), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"lco_kit.cli.{info.name}")
        module.register(subcommands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    Errors the user can fix come out as one Dutch message on stderr with exit code 1;
    anything unexpected is logged and reported in Dutch too, never as a traceback.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code = args.handler(args)
    except LcoError as error:
        print(str(error), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nGestopt.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``lco-kit … | head``): nothing is wrong, nothing more to say.
        sys.stderr.close()
        return 0
    except Exception:  # a defect: log it, never show a traceback to a user
        reference = log_unexpected(f"lco-kit {' '.join(argv or sys.argv[1:])}")
        print(
            f"Er ging onverwacht iets mis (kenmerk {reference}). "
            f"De details staan in het logbestand: {config.log_file()}",
            file=sys.stderr,
        )
        return 2
    return int(code or 0)
