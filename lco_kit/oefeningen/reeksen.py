"""Loading exercise banks: read a bank, check it completely, and check ids across banks.

Every problem names the file, the line, the exercise's id and the field, in Dutch: each
exercise is checked on its own (with the model of its kind), so that a message can name it
by its id instead of its position. A bank that cannot be used never stops the others
(:func:`load_banks`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError

from lco_kit.content import ContentModel, content_files, load_yaml, validate_data
from lco_kit.errors import ContentError, Problem
from lco_kit.fields import Tekst, check_id
from lco_kit.itemregels import KeuzeVraag
from lco_kit.oefeningen.model import KIND_MODELS, SOORTEN, AnyOefening, KeuzeUitEen, MeerdereKeuzes, Oefenreeks
from lco_kit.validation import translate_validation_error

__all__ = ["GeladenReeksen", "choice_questions", "known_casus", "load_bank", "load_banks"]


class _Kop(ContentModel):
    """The bank's own fields, checked before its exercises one by one."""

    titel: Tekst
    beschrijving: Tekst
    oefeningen: list[Any] = Field(min_length=1)


def known_casus() -> dict[str, str]:
    """Return the casussen exercises may refer to: id → title, read from ``casussen/*.yaml``.

    Only each file's top-level ``id`` (and ``titel``) is read, so that a reference can be
    checked without depending on the casus format. A casus file that cannot be read is left
    out here; the casus check reports it.
    """
    found: dict[str, str] = {}
    for path in content_files("casussen"):
        try:
            data, _ = load_yaml(path)
        except ContentError:
            continue
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            titel = data.get("titel")
            found[data["id"]] = titel if isinstance(titel, str) and titel.strip() else data["id"]
    return found


def _label(raw: Any, number: int) -> str:
    if isinstance(raw, dict) and isinstance(raw.get("id"), str) and raw["id"].strip():
        return f"oefening {raw['id'].strip()}"
    return f"oefening nr. {number}"


_MISSING_EXPLANATION = (
    "hier ontbreekt de uitleg. Schrijf bij elke optie, stap of moment waarom die juist of niet juist is: "
    "de uitleg is wat de deelnemer leert."
)


def _check_exercise(raw: Any, index: int, lines: Mapping[tuple[str | int, ...], int], file: str) -> list[Problem]:
    """Validate one exercise; return its problems with the exercise's id in every field."""
    label = _label(raw, index + 1)
    own_lines = {path[2:]: line for path, line in lines.items() if path[:2] == ("oefeningen", index)}
    start = own_lines.get(())
    if not isinstance(raw, dict):
        return [Problem("verwacht een oefening: een groep velden (‘id:’, ‘soort:’, ‘vraag:’ …).", start, label)]
    kind = raw.get("soort")
    if kind is None:
        return [Problem(f"het veld ‘soort’ ontbreekt; kies uit: {', '.join(SOORTEN)}.", start, f"{label} → soort")]
    if kind not in KIND_MODELS:
        return [
            Problem(
                f"de soort ‘{kind}’ bestaat niet; kies uit: enkelvoudig (één juist antwoord), meervoudig "
                "(meer juiste antwoorden), volgorde, koppelen of open (reflectievraag).",
                own_lines.get(("soort",), start),
                f"{label} → soort",
            )
        ]
    try:
        KIND_MODELS[kind].model_validate(raw)
    except ValidationError as error:
        translated = translate_validation_error(error, dict(own_lines), file, KIND_MODELS[kind])
        problems = []
        for problem in translated.problems:
            message = problem.message
            if problem.field and problem.field.endswith("uitleg") and "ontbreekt" in message:
                message = _MISSING_EXPLANATION
            where = f"{label} → {problem.field}" if problem.field else label
            problems.append(Problem(message, problem.line, where))
        return problems
    return []


def load_bank(source: Path | bytes, name: str | None = None, *, casus: Collection[str] | None = None) -> Oefenreeks:
    """Read one exercise bank and check it completely.

    Besides the format, it checks that every id is unique and that every ``casus:``
    reference names a casus that exists. Every problem names the file, the line, the
    exercise's id and the field, in Dutch.

    Args:
        source: A path, or the bytes of an uploaded file.
        name: The name to use in messages (defaults to the path's name).
        casus: The casus ids references may name (default: :func:`known_casus`).

    Raises:
        ContentError: With every problem found in the file.
    """
    return _load_bank(source, name, casus)[0]


def _load_bank(
    source: Path | bytes, name: str | None, casus: Collection[str] | None
) -> tuple[Oefenreeks, Mapping[tuple[str | int, ...], int]]:
    """Load a bank and return it with the line of every value (for checks across banks)."""
    display = name or (source.name if isinstance(source, Path) else "oefenreeks")
    data, lines = load_yaml(source, display)
    # The bank's own fields first; its exercises are then checked one by one, so that
    # each message can name the exercise by its id instead of its position.
    problems: list[Problem] = []
    try:
        validate_data(_Kop, data, lines, display)
    except ContentError as error:
        if not isinstance(data, dict) or not isinstance(data.get("oefeningen"), list):
            raise
        problems += error.problems
    for index, raw in enumerate(data["oefeningen"]):
        problems += _check_exercise(raw, index, lines, display)
    problems += _reference_problems(data["oefeningen"], lines, casus)
    if problems:
        problems.sort(key=lambda p: p.line or 0)
        raise ContentError(display, problems)
    return validate_data(Oefenreeks, data, lines, display), lines


def _is_id(value: str) -> bool:
    try:
        check_id(value)
    except ValueError:
        return False
    return True


def _reference_problems(
    exercises: list[Any], lines: Mapping[tuple[str | int, ...], int], casus: Collection[str] | None
) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    known: Collection[str] | None = casus
    for index, raw in enumerate(exercises):
        if not isinstance(raw, dict):
            continue
        label = _label(raw, index + 1)
        own_id = raw.get("id")
        if isinstance(own_id, str):
            line = lines.get(("oefeningen", index, "id"))
            if own_id in seen:
                problems.append(
                    Problem(
                        f"de id ‘{own_id}’ komt al voor op regel {seen[own_id]}. Geef elke oefening een eigen id.",
                        line,
                        f"{label} → id",
                    )
                )
            else:
                seen[own_id] = line or 0
        reference = raw.get("casus")
        if isinstance(reference, str) and _is_id(reference):
            if known is None:
                known = known_casus()
            if reference not in known:
                shown = ", ".join(sorted(known)) or "nog geen"
                problems.append(
                    Problem(
                        f"de casus ‘{reference}’ bestaat niet (bekende casussen: {shown}). "
                        "Verbeter de id, of laat ‘casus:’ weg.",
                        lines.get(("oefeningen", index, "casus")),
                        f"{label} → casus",
                    )
                )
    return problems


@dataclass
class GeladenReeksen:
    """The banks that could be read, and an error for each that could not.

    Attributes:
        reeksen: Readable banks by file name without its ending (``participatie``).
        fouten: One error per file that cannot be used, naming file, line, id and field.
    """

    reeksen: dict[str, Oefenreeks] = field(default_factory=dict)
    fouten: list[ContentError] = field(default_factory=list)

    def oefeningen(self, naam: str | None = None) -> list[AnyOefening]:
        """Return the exercises of one bank, or of every bank when ``naam`` is None."""
        if naam is not None:
            return list(self.reeksen[naam].oefeningen)
        return [oefening for reeks in self.reeksen.values() for oefening in reeks.oefeningen]


def load_banks(paths: Iterable[Path] | None = None, *, casus: Collection[str] | None = None) -> GeladenReeksen:
    """Read several banks, keeping going after a bad one, and check ids across them.

    Args:
        paths: The bank files (default: every file in the kit's ``exercises/`` folder and the
            facilitator's own, see :mod:`lco_kit.content`).
        casus: The casus ids references may name (default: :func:`known_casus`).

    Returns:
        The readable banks and one error per file that is not. A bank that repeats an id of
        an earlier bank is reported and left out, since results are kept per id.
    """
    files = content_files("exercises") if paths is None else list(paths)
    known = known_casus() if casus is None else casus
    result = GeladenReeksen()
    owner: dict[str, str] = {}
    for path in files:
        # The kit's own files are known by name; files given explicitly by the path as given.
        display = path.name if paths is None else str(path)
        try:
            reeks, lines = _load_bank(path, display, known)
        except ContentError as error:
            result.fouten.append(error)
            continue
        clashes = [
            Problem(
                f"de id ‘{oefening.id}’ komt ook voor in {owner[oefening.id]}. Elke oefening heeft een eigen id, "
                "ook over de oefenreeksen heen.",
                lines.get(("oefeningen", index, "id")),
                f"oefening {oefening.id} → id",
            )
            for index, oefening in enumerate(reeks.oefeningen)
            if oefening.id in owner
        ]
        if clashes:
            result.fouten.append(ContentError(display, clashes))
            continue
        owner.update({oefening.id: display for oefening in reeks.oefeningen})
        result.reeksen[path.stem] = reeks
    return result


def choice_questions(reeks: Oefenreeks) -> list[KeuzeVraag]:
    """Return the bank's choice questions (one or more right options) for the length rules.

    Examples:
        >>> vragen = choice_questions(load_banks().reeksen["participatie"])
        >>> all(v.opties for v in vragen)
        True
    """
    return [
        KeuzeVraag(o.id, tuple((optie.tekst, optie.juist) for optie in o.opties), isinstance(o, KeuzeUitEen))
        for o in reeks.oefeningen
        if isinstance(o, KeuzeUitEen | MeerdereKeuzes)
    ]
