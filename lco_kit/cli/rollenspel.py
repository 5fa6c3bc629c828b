"""``lco-kit rollenspel``: print role cards, check moments files, and show a casus's scenario.

- ``kaarten CASUS --out kaarten.pdf`` prints the role cards of a curated casus (its id) or of
  a casus file, one card per page, optionally with the names of the people at the table;
- ``check [BESTAND…]`` checks moments files (by default the kit's and the facilitator's own)
  and exits with 1 when one cannot be used;
- ``scenario CASUS`` writes the moments of a casus as text, with every option and its reason,
  so a facilitator can read them before a session.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from lco_kit.errors import LcoError

__all__ = ["register"]


def _t(key: str, **values: object) -> str:
    from lco_kit.rollenspel import rollenspel_text  # noqa: PLC0415  (keeps ‘lco-kit --help’ fast)

    return rollenspel_text(key, **values)


def register(subcommands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``rollenspel`` command group."""
    parser = subcommands.add_parser("rollenspel", help=_t("cli_help"), description=_t("cli_uitleg"))
    verbs = parser.add_subparsers(title="opdrachten", metavar="OPDRACHT", required=True)

    cards = verbs.add_parser("kaarten", help=_t("cli_kaarten_help"), description=_t("cli_kaarten_uitleg"))
    cards.add_argument("casus", metavar="CASUS", help=_t("cli_casus_arg"))
    cards.add_argument("--out", "--uit", dest="out", required=True, metavar="BESTAND", help=_t("cli_out_arg"))
    cards.add_argument("--spilfiguur", metavar="ID", help=_t("cli_spilfiguur_arg"))
    cards.add_argument("--namen", metavar="LIJST", help=_t("cli_namen_arg"))
    cards.set_defaults(handler=run_cards)

    check = verbs.add_parser("check", help=_t("cli_check_help"), description=_t("cli_check_uitleg"))
    check.add_argument("files", nargs="*", type=Path, metavar="BESTAND", help=_t("cli_check_arg"))
    check.set_defaults(handler=run_check)

    scenario = verbs.add_parser("scenario", help=_t("cli_scenario_help"), description=_t("cli_scenario_uitleg"))
    scenario.add_argument("casus", metavar="CASUS", help=_t("cli_casus_arg"))
    scenario.add_argument("--out", "--uit", dest="out", metavar="BESTAND", help=_t("cli_scenario_out_arg"))
    scenario.set_defaults(handler=run_scenario)


def _casus(reference: str) -> object:
    """Return a curated casus by id, or the casus in a file."""
    from lco_kit.casus import load_casus, load_casus_file  # noqa: PLC0415

    path = Path(reference)
    if path.suffix.lower() in {".yaml", ".yml"}:
        if not path.is_file():
            raise LcoError(_t("cli_bestand_bestaat_niet", pad=reference))
        return load_casus_file(path)
    return load_casus(reference)


def _write(path: str, data: bytes) -> None:
    try:
        Path(path).write_bytes(data)
    except OSError as error:
        raise LcoError(_t("cli_schrijven_mislukt", pad=path, reden=error.strerror or "")) from None


def run_cards(args: argparse.Namespace) -> int:
    """Write the role cards of a casus as a PDF, one card per page."""
    from lco_kit.casus import Casus  # noqa: PLC0415
    from lco_kit.rollenspel import assign_seats, cards_pdf, role_cards  # noqa: PLC0415

    casus = _casus(args.casus)
    assert isinstance(casus, Casus)
    if args.spilfiguur and args.spilfiguur not in {p.id for p in casus.hulpverleners}:
        ids = ", ".join(p.id for p in casus.hulpverleners)
        raise LcoError(_t("cli_spilfiguur_onbekend", wie=args.spilfiguur, ids=ids))
    cards = role_cards(casus, spilfiguur=args.spilfiguur)
    names = [name.strip() for name in (args.namen or "").split(",") if name.strip()]
    seats = {card.sleutel: name for name, card in assign_seats(cards, names)}
    _write(args.out, cards_pdf(casus, cards, seats))
    print(_t("cli_kaarten_klaar", aantal=len(cards), pad=args.out, titel=casus.titel))
    return 0


def run_check(args: argparse.Namespace) -> int:
    """Check moments files; print what they hold, or every problem; exit 1 on a problem."""
    from lco_kit.errors import ContentError  # noqa: PLC0415
    from lco_kit.itemregels import length_problems  # noqa: PLC0415
    from lco_kit.rollenspel import (  # noqa: PLC0415
        GeladenMomenten,
        Moment,
        choice_questions,
        load_moment_file,
        load_momenten,
    )

    if args.files:
        loaded = GeladenMomenten()
        for path in args.files:
            if not path.is_file():
                loaded.fouten.append(ContentError(str(path), []))
                print(_t("cli_bestand_bestaat_niet", pad=path))
                continue
            try:
                loaded.add(load_moment_file(path), path.name)
            except ContentError as bad:
                loaded.fouten.append(bad)
    else:
        loaded = load_momenten()
    for failed in loaded.fouten:
        if failed.problems:
            print(str(failed))
    phases = Counter(m.fase for m in loaded.momenten)
    roles = Counter(m.rol for m in loaded.momenten)
    print(
        _t(
            "cli_check_samenvatting",
            aantal=len(loaded.momenten),
            fasen=", ".join(f"{k} {v}" for k, v in phases.items()) or "-",
            rollen=", ".join(f"{k} {v}" for k, v in roles.items()) or "-",
        )
    )
    if loaded.fouten:
        print(_t("cli_check_fout", aantal=len(loaded.fouten)))
        return 1
    per_file: dict[str, list[Moment]] = {}
    for moment in loaded.momenten:
        per_file.setdefault(loaded.bestanden[moment.id], []).append(moment)
    lengths = length_problems({name: choice_questions(momenten) for name, momenten in per_file.items()})
    for name, problems in lengths.items():
        print(f"{name}:", *(f"  - {problem}" for problem in problems), sep="\n", end="\n\n")
    if lengths:
        print(_t("cli_check_lengte_fout", aantal=len(lengths)))
        return 1
    print(_t("cli_check_ok"))
    return 0


def run_scenario(args: argparse.Namespace) -> int:
    """Print (or write) the moments of a casus, with every option and its reason."""
    from lco_kit.casus import Casus  # noqa: PLC0415
    from lco_kit.rollenspel import build_scenario, fase, load_spelregels, rol  # noqa: PLC0415

    casus = _casus(args.casus)
    assert isinstance(casus, Casus)
    scenario = build_scenario(casus)
    regels = load_spelregels()
    lines = [_t("cli_scenario_titel", titel=casus.titel), "", regels.titel]
    lines += [f"  {number}. {regel.regel}" for number, regel in enumerate(regels.regels, start=1)]
    lines.append("")
    for number, moment in enumerate(scenario.momenten, start=1):
        lines.append(
            _t(
                "cli_scenario_moment",
                nr=number,
                fase=fase(moment.fase).naam,
                titel=moment.titel,
                rol=rol(moment.rol).naam,
            )
        )
        lines += [moment.situatie, moment.vraag, ""]
        for letter, option in zip("ABCDE", moment.opties, strict=False):
            key = "cli_scenario_optie_juist" if option.juist else "cli_scenario_optie"
            lines += ["  " + _t(key, letter=letter, tekst=option.tekst), f"     {option.uitleg}"]
        lines.append("")
    text = "\n".join(lines)
    if args.out is None:
        print(text)
        return 0
    _write(args.out, text.encode("utf-8"))
    print(_t("cli_scenario_klaar", aantal=len(scenario.momenten), pad=args.out))
    return 0
