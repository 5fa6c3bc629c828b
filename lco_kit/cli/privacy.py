"""``lco-kit privacy scan``: look for personal data in text, YAML or Markdown files."""

from __future__ import annotations

import argparse
from pathlib import Path

from lco_kit.casus import casus_text, not_checked, scan_privacy
from lco_kit.content import decode_text
from lco_kit.errors import ContentError

__all__ = ["register"]

MAX_SCAN_BYTES = 20_000_000
_TEXT_SUFFIXES = (".yaml", ".yml", ".md", ".markdown", ".txt", ".csv", ".json", ".html", ".ipynb")


def register(subcommands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``privacy`` command group."""
    parser = subcommands.add_parser(
        "privacy", help=casus_text("cli_privacy_help"), description=casus_text("cli_privacy_help")
    )
    verbs = parser.add_subparsers(title="opdrachten", metavar="OPDRACHT", required=True)
    scan = verbs.add_parser(
        "scan",
        help=casus_text("cli_privacy_scan_help"),
        description="Zoek rijksregister- en BIS-nummers, rekeningnummers, telefoonnummers, e-mailadressen, "
        "adressen en geboortedata. Geeft exitcode 1 als er iets gevonden is, 0 als alles schoon is.",
    )
    scan.add_argument(
        "files", nargs="+", metavar="BESTAND", help="tekst-, YAML- of Markdown-bestanden, of mappen om te doorzoeken"
    )
    scan.set_defaults(handler=run_scan)


def _expand(names: list[str]) -> list[Path]:
    paths: list[Path] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            paths += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _TEXT_SUFFIXES)
        else:
            paths.append(path)
    return paths


def run_scan(args: argparse.Namespace) -> int:
    """Scan every file; print findings with line, kind and excerpt; exit code 1 when anything is found."""
    paths = _expand(args.files)
    with_findings = 0
    for path in paths:
        try:
            if path.stat().st_size > MAX_SCAN_BYTES:
                raise ContentError(path.name, [])
            text = decode_text(path.read_bytes(), str(path), allow_windows_1252=True)
        except OSError:
            print(casus_text("privacy_onleesbaar", naam=path, reden="Het bestaat niet of kan niet gelezen worden."))
            with_findings += 1
            continue
        except ContentError as error:
            reason = error.problems[0].message if error.problems else "Het is te groot om te scannen."
            print(casus_text("privacy_onleesbaar", naam=path, reden=reason[:1].upper() + reason[1:]))
            with_findings += 1
            continue
        findings = scan_privacy(text)
        if findings:
            with_findings += 1
            print(casus_text("privacy_gevonden", naam=path, aantal=len(findings)))
            for finding in findings:
                print(f"  {finding.describe()}")
            print(f"  {casus_text('privacy_advies')}")
    if with_findings:
        print(casus_text("privacy_samenvatting_gevonden", aantal=with_findings, totaal=len(paths)))
        return 1
    print(casus_text("privacy_samenvatting_schoon", aantal=len(paths)))
    print(not_checked())
    return 0
