"""``lco-kit reflectie``: open a reflection session, add answers from paper, export the results.

- ``new`` prints the facilitator secret and then the join code alone on the last line, so a
  script can take it with ``tail -n 1``.
- ``submit`` checks the whole file first; on any problem it stores nothing and exits with 1.
- ``export`` writes one row per respondent, with the privacy rules of the session applied.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from lco_kit.errors import LcoError

HELP = "reflectie na een LCO of op een reflectiedag: sessie openen, papieren antwoorden toevoegen, uitvoeren"
MAX_ANSWER_FILE_BYTES = 1_000_000
FACILITATOR_TEXTS_FILE = "reflectie/begeleider_teksten.yaml"  # the facilitator page's texts (ui/reflectie_begeleider)
_DB_HELP = "de databank als SQLAlchemy-adres (standaard: LCO_KIT_DB, of SQLite in de datamap van de kit)"


def register(subcommands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``reflectie`` command group."""
    parser = subcommands.add_parser(
        "reflectie",
        help=HELP,
        description=(
            "De vragenlijst ‘Wanneer is het een goed LCO geweest?’: open een sessie, voeg antwoorden "
            "van papier toe en voer de resultaten uit voor het verslag."
        ),
    )
    verbs = parser.add_subparsers(title="opdrachten", metavar="OPDRACHT", required=True)

    new = verbs.add_parser(
        "new",
        help="open een nieuwe sessie; toont het geheim voor de begeleider en de code",
        description=(
            "Open een nieuwe sessie. Eerst komt het geheim voor de begeleider (alleen daarmee open je "
            "de resultaten), op de laatste regel staat de code waarmee deelnemers meedoen."
        ),
    )
    new.add_argument(
        "--soort",
        choices=("lco", "reflectiedag"),
        default="lco",
        help="lco: na één overleg; reflectiedag: met een groep (standaard: lco)",
    )
    new.add_argument("--titel", default="", help="een korte titel, zonder namen")
    new.add_argument(
        "--casus",
        default=None,
        help="een kort kenmerk voor je eigen overzicht (geen naam); het opent niets en verbindt geen sessies",
    )
    new.add_argument(
        "--opvolging",
        action="store_true",
        help=(
            "open een opvolg-LCO in het traject van een eerdere sessie: de kit vraagt het geheim van die "
            "sessie (of leest het van de invoer), en de nieuwe sessie krijgt hetzelfde geheim"
        ),
    )
    new.add_argument(
        "--min-groep",
        type=int,
        default=3,
        metavar="N",
        help="reflectiedag: kleinere groepen worden niet getoond (standaard: 3)",
    )
    new.add_argument(
        "--drempel",
        type=float,
        default=1.0,
        metavar="PUNTEN",
        help="signaal als de cliënt zoveel punten lager scoort dan de hulpverleners (standaard: 1,0)",
    )
    new.add_argument("--db", default=None, metavar="URL", help=_DB_HELP)
    new.set_defaults(handler=run_new)

    submit = verbs.add_parser(
        "submit",
        help="voeg de antwoorden van één invuller toe (bijvoorbeeld van papier)",
        description=(
            'Voeg de antwoorden van één invuller toe. Het bestand ziet er zo uit: {"antwoorden": '
            '{"c_hoop": 4, "c_gehoord": null}, "opmerking": "…"}. Een score is 1 tot 5; null betekent '
            "‘weet ik niet’. Bij een fout wordt niets opgeslagen."
        ),
    )
    submit.add_argument("code", metavar="CODE", help="de code van de sessie")
    submit.add_argument(
        "--perspectief",
        required=True,
        metavar="PERSPECTIEF",
        help="client, deelnemer of coordinator",
    )
    submit.add_argument("--antwoorden", required=True, type=Path, metavar="BESTAND.json", help="het JSON-bestand")
    submit.add_argument("--db", default=None, metavar="URL", help=_DB_HELP)
    submit.set_defaults(handler=run_submit)

    export = verbs.add_parser(
        "export",
        help="schrijf de antwoorden weg als CSV (voor Excel) of XLSX",
        description=(
            "Schrijf één rij per invuller weg. Een .csv-bestand opent in Belgische Excel (puntkomma’s, "
            "decimale komma’s); een .xlsx-bestand is een Excel-werkmap. Groepen die verborgen zijn, "
            "komen er niet in."
        ),
    )
    export.add_argument("code", metavar="CODE", help="de code van de sessie")
    export.add_argument("--out", required=True, type=Path, metavar="BESTAND", help="een .csv- of .xlsx-bestand")
    export.add_argument("--db", default=None, metavar="URL", help=_DB_HELP)
    export.set_defaults(handler=run_export)

    paper = verbs.add_parser(
        "papier",
        help="maak de papieren vragenlijst van één perspectief (PDF)",
        description="Maak de vragenlijst van één perspectief als PDF om af te drukken.",
    )
    paper.add_argument("--perspectief", required=True, metavar="PERSPECTIEF", help="client, deelnemer of coordinator")
    paper.add_argument("--out", required=True, type=Path, metavar="BESTAND.pdf", help="waar de PDF komt")
    paper.set_defaults(handler=run_paper)

    check = verbs.add_parser(
        "check",
        help="kijk een (eigen) vragenlijst na",
        description=(
            "Kijk een vragenlijst na zoals de kit ze inleest. Zonder bestand: de vragenlijst die de kit nu "
            "gebruikt (je eigen kopie in LCO_KIT_CONTENT_DIR, anders die van de kit)."
        ),
    )
    check.add_argument("bestand", nargs="?", type=Path, metavar="BESTAND.yaml", help="de vragenlijst")
    check.set_defaults(handler=run_check)

    copy = verbs.add_parser(
        "copy",
        help="kopieer de vragenlijst naar een eigen map om ze aan te passen",
        description=(
            "Kopieer de vragenlijst en de vaste teksten van de reflectiepagina's naar MAP/data/reflectie/. "
            "Start de kit daarna met LCO_KIT_CONTENT_DIR=MAP om je eigen versie te gebruiken."
        ),
    )
    copy.add_argument("map", type=Path, metavar="MAP", help="je eigen inhoudsmap")
    copy.set_defaults(handler=run_copy)


def run_new(args: argparse.Namespace) -> int:
    """Open a session; print the secret, then the code alone on the last line."""
    from lco_kit.reflectie import ReflectieStore  # noqa: PLC0415  (keeps ‘lco-kit start’ fast)

    store = ReflectieStore(args.db)
    key = _read_key() if args.opvolging else None
    opened = store.create_session(
        args.soort, title=args.titel, casus=args.casus, min_group=args.min_groep, threshold=args.drempel, key=key
    )
    print(f"Nieuwe sessie ({args.soort}) in {store.shown_url}.")
    if key is not None:
        print("Opvolg-LCO in hetzelfde traject: het geheim blijft hetzelfde (het wordt niet opnieuw getoond).")
    else:
        print("Geheim voor de begeleider (bewaar het goed; het opent deze sessie en elke opvolg-LCO ervan):")
        print(f"  {opened.secret}")
    print("Code voor de deelnemers:")
    print(opened.session.code)
    return 0


def _read_key() -> str:
    """Read the secret of an earlier session: asked without echo at a terminal, else one line of input.

    Never from an option: a command line ends up in the shell's history and the process list.
    """
    import getpass  # noqa: PLC0415
    import sys  # noqa: PLC0415

    typed = getpass.getpass("Geheim van de eerdere sessie: ") if sys.stdin.isatty() else sys.stdin.readline()
    if not typed.strip():
        raise LcoError("Geef het geheim van de eerdere sessie: zonder geheim kan er geen opvolg-LCO bij.")
    return typed.strip()


def read_answer_file(path: Path) -> tuple[dict[str, Any], str | None]:
    """Read a respondent's answer file; return the answers and the remark.

    Raises:
        LcoError: For a missing file, a file that is not JSON, or a wrong shape, in Dutch.
    """
    from lco_kit.content import decode_text  # noqa: PLC0415

    if not path.is_file():
        raise LcoError(f"Het bestand ‘{path}’ bestaat niet.")
    data = path.read_bytes()
    if len(data) > MAX_ANSWER_FILE_BYTES:
        raise LcoError(f"Het bestand ‘{path.name}’ is te groot voor één invuller (hoogstens 1 MB).")
    text = decode_text(data, path.name)

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [key for key, _ in pairs]
        doubled = sorted({key for key in keys if keys.count(key) > 1})
        if doubled:
            raise LcoError(f"‘{path.name}’: de vraag of het veld ‘{doubled[0]}’ staat er twee keer in.")
        return dict(pairs)

    try:
        content = json.loads(text, object_pairs_hook=no_duplicates)
    except json.JSONDecodeError as error:
        raise LcoError(
            f"‘{path.name}’ is geen geldig JSON-bestand (regel {error.lineno}, kolom {error.colno}). "
            'Verwacht: {"antwoorden": {"<vraag-id>": <1 tot 5 of null>, …}, "opmerking": "…"}.'
        ) from None
    if not isinstance(content, dict):
        raise LcoError(f"‘{path.name}’ moet één JSON-object zijn met het veld ‘antwoorden’.")
    extra = sorted(set(content) - {"antwoorden", "opmerking"})
    if extra:
        raise LcoError(f"‘{path.name}’: onbekend veld ‘{extra[0]}’; alleen ‘antwoorden’ en ‘opmerking’ kunnen.")
    answers = content.get("antwoorden")
    if not isinstance(answers, dict):
        raise LcoError(
            f"‘{path.name}’: het veld ‘antwoorden’ ontbreekt of is geen object "
            '(zoals {"c_hoop": 4, "c_gehoord": null}).'
        )
    remark = content.get("opmerking")
    if remark is not None and not isinstance(remark, str):
        raise LcoError(f"‘{path.name}’: ‘opmerking’ moet tekst zijn.")
    return answers, remark


def run_submit(args: argparse.Namespace) -> int:
    """Store one respondent's answers from a JSON file; all or nothing."""
    from lco_kit.reflectie import ReflectieStore  # noqa: PLC0415

    answers, remark = read_answer_file(args.antwoorden)
    store = ReflectieStore(args.db)
    store.submit(args.code, args.perspectief, answers, remark)
    session = store.session(args.code)
    label = session.instrument.perspective(_perspective(args.perspectief)).label
    print(f"Opgeslagen in sessie {session.code}: één invuller ({label}) met {len(answers)} antwoord(en).")
    return 0


def _perspective(value: str) -> str:
    from lco_kit.reflectie import perspective_code  # noqa: PLC0415

    try:
        return perspective_code(value)
    except ValueError:
        raise LcoError(f"Het perspectief ‘{value}’ bestaat niet; kies client, deelnemer of coordinator.") from None


def run_export(args: argparse.Namespace) -> int:
    """Write one row per shown respondent to CSV (Belgian Excel) or XLSX."""
    from lco_kit.reflectie import ReflectieStore, build_report, export_bytes, export_rows, group_size  # noqa: PLC0415

    out: Path = args.out
    suffix = out.suffix.lower()
    if suffix not in {".csv", ".xlsx"}:
        raise LcoError(f"‘{out.name}’: kies een bestand dat eindigt op .csv of .xlsx.")
    if not out.parent.is_dir():
        raise LcoError(f"De map ‘{out.parent}’ bestaat niet.")
    store = ReflectieStore(args.db)
    session = store.session(args.code)
    records = store.respondents(session.id)
    report = build_report(session, records)
    rows, left_out = export_rows(report, records)
    try:
        out.write_bytes(export_bytes(report, records, suffix))
    except OSError as error:
        raise LcoError(f"‘{out}’ kan niet geschreven worden: {error.strerror}.") from None
    print(f"{len(rows)} invuller(s) weggeschreven naar {out}.")
    for perspective in left_out:  # a hidden group's size is never said, only that it is hidden
        print(f"Niet uitgevoerd: {report.label(perspective)} ({group_size(report, perspective)}).")
    return 0


def run_paper(args: argparse.Namespace) -> int:
    """Write the paper version of one perspective's questionnaire."""
    from lco_kit.reflectie import load_instrument, paper_pdf  # noqa: PLC0415

    perspective = _perspective(args.perspectief)
    out: Path = args.out
    if out.suffix.lower() != ".pdf":
        raise LcoError(f"‘{out.name}’: kies een bestand dat eindigt op .pdf.")
    try:
        out.write_bytes(paper_pdf(load_instrument(), perspective))
    except OSError as error:
        raise LcoError(f"‘{out}’ kan niet geschreven worden: {error.strerror}.") from None
    print(f"De papieren vragenlijst staat in {out}.")
    return 0


def run_check(args: argparse.Namespace) -> int:
    """Validate an instrument file; print what it holds or every problem."""
    from lco_kit.reflectie import PERSPECTIVES, load_instrument  # noqa: PLC0415

    if args.bestand is not None and not args.bestand.is_file():
        raise LcoError(f"Het bestand ‘{args.bestand}’ bestaat niet.")
    instrument = load_instrument(args.bestand)
    counts = ", ".join(
        f"{instrument.perspective(p).label}: {len(instrument.perspective(p).items)} vragen" for p in PERSPECTIVES
    )
    print(f"In orde: ‘{instrument.titel}’, versie {instrument.kenmerk}.")
    print(f"{len(instrument.dimensies)} dimensies; {counts}.")
    return 0


def run_copy(args: argparse.Namespace) -> int:
    """Copy the instrument and the page texts into a facilitator's own content folder."""
    from lco_kit.content import content_path  # noqa: PLC0415
    from lco_kit.reflectie import INSTRUMENT_FILE, TEXTS_FILE  # noqa: PLC0415

    target = args.map / "data" / "reflectie"
    written = []
    for name in (INSTRUMENT_FILE, TEXTS_FILE, FACILITATOR_TEXTS_FILE):
        destination = args.map / "data" / name
        if destination.exists():
            raise LcoError(f"‘{destination}’ bestaat al; de kit overschrijft je eigen versie niet.")
        written.append((content_path("data", name), destination))
    try:
        target.mkdir(parents=True, exist_ok=True)
        for source, destination in written:
            destination.write_bytes(source.read_bytes())
    except OSError as error:
        raise LcoError(f"De map ‘{target}’ kan niet gemaakt of beschreven worden: {error.strerror}.") from None
    print(f"Gekopieerd naar {target}. Pas de vragen aan, verhoog ‘versie’ en start de kit met:")
    print(f"  LCO_KIT_CONTENT_DIR={args.map} lco-kit start")
    return 0
