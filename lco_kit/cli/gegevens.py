"""``lco-kit gegevens``: where the kit keeps answers and logs, a backup, deleting everything, retention.

What the kit keeps on this computer lives in one data folder (``lco_kit.config.data_dir``):
the reflection answers (an SQLite file), the log and the settings. A person can see where
that is, take a backup, and delete all of it; sessions that have been quiet longer than
the retention period are removed when the kit starts (:func:`before_start`).

On a shared database (``LCO_KIT_DB``, e.g. PostgreSQL on a JupyterHub) sessions have no
owner yet, so the kit cannot tell whose they are: it refuses to delete there and leaves
retention to whoever manages that database.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import sys
import tempfile
import zipfile
from pathlib import Path

from lco_kit import config
from lco_kit._installation import check_installation
from lco_kit.errors import LcoError

HELP = "waar de kit antwoorden en logboek bewaart; reservekopie; alles verwijderen; bewaartermijn"
CONFIRMATION = "verwijder"
_SHARED = (
    "De antwoorden staan in een gedeelde databank ({url}). Daar weet de kit nog niet welke sessies van jou zijn, "
    "dus verwijdert ze er niets. Vraag het aan wie die databank beheert."
)


def register(subcommands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``gegevens`` command group."""
    parser = subcommands.add_parser(
        "gegevens",
        help=HELP,
        description=(
            "Wat de kit op deze computer bewaart: de antwoorden op de reflectievragenlijst, het logboek en je "
            "instellingen. Bekijk waar ze staan, maak een reservekopie of verwijder alles."
        ),
    )
    verbs = parser.add_subparsers(title="opdrachten", metavar="OPDRACHT", required=True)

    where = verbs.add_parser("waar", help="toon waar de antwoorden, het logboek en de instellingen staan")
    where.set_defaults(handler=run_where)

    backup = verbs.add_parser(
        "backup",
        help="maak een reservekopie (zip) van alles wat de kit bewaart",
        description="Maak een zip-bestand met de antwoorden, het logboek en de instellingen van de kit.",
    )
    backup.add_argument("--out", required=True, type=Path, metavar="BESTAND", help="het zip-bestand dat je wil maken")
    backup.set_defaults(handler=run_backup)

    remove = verbs.add_parser(
        "verwijder",
        help="verwijder alle antwoorden, het logboek en de instellingen (na bevestiging)",
        description=(
            f"Verwijder alles wat de kit op deze computer bewaart. Je typt eerst ‘{CONFIRMATION}’ om te bevestigen."
        ),
    )
    remove.add_argument("--ja", action="store_true", help="niet vragen om te bevestigen (voor scripts)")
    remove.set_defaults(handler=run_remove)

    keep = verbs.add_parser(
        "bewaartermijn",
        help=(
            "toon of kies na hoeveel dagen zonder activiteit een sessie verdwijnt "
            f"(standaard {config.DEFAULT_RETENTION_DAYS})"
        ),
        description=(
            "Een reflectiesessie waarin zo lang niets meer gebeurde (ook niet in een opvolg-LCO van dezelfde casus), "
            "wordt verwijderd wanneer de kit start. 0 betekent: nooit automatisch verwijderen."
        ),
    )
    keep.add_argument("dagen", nargs="?", type=_days, metavar="N", help="het aantal dagen (0 tot 3650)")
    keep.set_defaults(handler=run_retention)


def _days(value: str) -> int:
    try:
        days = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"‘{value}’ is geen geheel aantal dagen; geef bv. 180") from None
    if not 0 <= days <= config.MAX_RETENTION_DAYS:
        raise argparse.ArgumentTypeError(f"de bewaartermijn moet tussen 0 en {config.MAX_RETENTION_DAYS} dagen zijn")
    return days


def _shared_url() -> str | None:
    """Return the shown address of the store when it is not the local SQLite file."""
    if config.sqlite_path() is not None:
        return None
    from lco_kit.reflectie import shown_database_url  # noqa: PLC0415

    return shown_database_url(config.database_url())


def _kit_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def run_where(_args: argparse.Namespace) -> int:
    """Print where the data, the log and the settings are."""
    folder = config.data_dir()
    database = config.sqlite_path()
    print(f"Gegevensmap van de kit: {folder}")
    if database is not None:
        state = "" if database.exists() else " (nog leeg: er is nog geen sessie geopend)"
        print(f"Antwoorden (reflectie): {database}{state}")
    else:
        print(f"Antwoorden (reflectie): in de gedeelde databank {_shared_url()}")
    print(f"Logboek: {config.log_file()} (met ten hoogste {config.LOG_BACKUPS} oudere delen ernaast)")
    print(f"Instellingen: {config.settings_file()}")
    days = config.retention_days()
    kept = "nooit automatisch verwijderd" if days == 0 else f"verwijderd na {days} dagen zonder activiteit"
    print(f"Bewaartermijn: sessies worden {kept}.")
    own = config.content_override_dir()
    if own is not None:
        print(f"Eigen inhoud (casussen, oefeningen): {own} (wordt niet verwijderd door ‘lco-kit gegevens verwijder’)")
    return 0


def _copy_sqlite(source: Path, target: Path) -> None:
    """Copy a live SQLite database safely, with sqlite3's backup API (answers saved meanwhile are kept whole)."""
    reading, writing = sqlite3.connect(source), sqlite3.connect(target)
    try:
        reading.backup(writing)
    finally:
        writing.close()
        reading.close()


def run_backup(args: argparse.Namespace) -> int:
    """Write a zip with the data folder; the database copied with the backup API."""
    out: Path = args.out.expanduser().resolve()
    if out.exists():
        raise LcoError(f"{out} bestaat al. Kies een andere naam; de kit overschrijft geen bestand.")
    if not out.parent.is_dir():
        raise LcoError(f"De map {out.parent} bestaat niet. Maak ze eerst, of kies een andere plaats.")
    folder = config.data_dir()
    database = config.sqlite_path()
    skipped = set()
    if database is not None:
        skipped = {database, database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm")}
    count = 0
    with tempfile.TemporaryDirectory() as work, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        if database is not None and database.exists():
            copy = Path(work) / database.name
            _copy_sqlite(database, copy)
            archive.write(copy, _name_in_zip(database, folder))
            count += 1
        for path in _kit_files(folder):
            if path in skipped or path == out:
                continue
            archive.write(path, path.relative_to(folder).as_posix())
            count += 1
    print(f"Reservekopie gemaakt: {out} ({count} bestanden).")
    shared = _shared_url()
    if shared is not None:
        print(f"Let op: de antwoorden in de gedeelde databank {shared} zitten er niet in; die bewaart de beheerder.")
    return 0


def _name_in_zip(path: Path, folder: Path) -> str:
    try:
        return path.relative_to(folder).as_posix()
    except ValueError:
        return path.name


def run_remove(args: argparse.Namespace) -> int:
    """Delete everything the kit keeps in its data folder, after a typed confirmation."""
    shared = _shared_url()
    if shared is not None:
        raise LcoError(_SHARED.format(url=shared))
    folder = config.data_dir()
    files = _kit_files(folder)
    database = config.sqlite_path()
    if database is not None and database.exists() and database not in files:
        files.append(database)
    if not files:
        print(f"Er is niets te verwijderen: {folder} is leeg.")
        return 0
    print(f"Dit verwijdert alles wat de kit op deze computer bewaart ({len(files)} bestanden in {folder}):")
    print("alle antwoorden op de reflectievragenlijst, het logboek en je instellingen. Dit kan niet ongedaan worden.")
    if not args.ja:
        try:
            answer = input(f"Typ ‘{CONFIRMATION}’ om te bevestigen: ")
        except EOFError:
            answer = ""
        if answer.strip().lower() != CONFIRMATION:
            print("Niets verwijderd.")
            return 1
    for path in files:
        path.unlink(missing_ok=True)
    for sub in sorted((p for p in folder.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
        if not any(sub.iterdir()):
            sub.rmdir()
    with contextlib.suppress(OSError):  # someone put their own files there; they stay
        folder.rmdir()
    print(f"Verwijderd: {len(files)} bestanden uit {folder}.")
    return 0


def run_retention(args: argparse.Namespace) -> int:
    """Show the retention period, or store a new one."""
    if args.dagen is None:
        days = config.retention_days()
        shown = "0 (nooit automatisch verwijderen)" if days == 0 else f"{days} dagen"
        print(f"Bewaartermijn: {shown}.")
        return 0
    path = config.set_retention_days(args.dagen)
    if args.dagen == 0:
        print(f"Bewaartermijn uitgezet: sessies blijven bewaard tot je ze zelf verwijdert (bewaard in {path}).")
    else:
        print(
            f"Bewaartermijn: {args.dagen} dagen. Sessies waarin zo lang niets gebeurde, verdwijnen wanneer de kit "
            f"start (bewaard in {path})."
        )
    if os.environ.get("LCO_KIT_BEWAARTERMIJN"):
        print("Let op: LCO_KIT_BEWAARTERMIJN is ingesteld en gaat voor op deze instelling.", file=sys.stderr)
    return 0


def before_start() -> None:
    """Check the installation and apply the retention period; call before serving the kit."""
    from lco_kit.reflectie import purge_quiet_sessions  # noqa: PLC0415  (keeps ‘lco-kit start’ fast)

    check_installation()
    purge_quiet_sessions()
