"""Exercise banks on the maatzorgprincipes: load them, check an answer, explain why, score a lesson.

Everything here is pure: plain data in, plain data out, no widgets. Randomness (the order of
the exercises and of their options) comes only from a :class:`random.Random` passed in, so
the same seed gives the same lesson.

An exercise bank is a YAML file in ``exercises/`` (see ``docs/oefeningen.md``)::

    schema_version: 1
    titel: Participatie
    beschrijving: Oefeningen over de cliënt als volwaardige partner.
    oefeningen:
      - id: schulden-voor-ze-er-is
        soort: enkelvoudig
        onderwerp: participatie
        vraag: …
        opties:
          - tekst: …
            juist: true
            uitleg: … waarom dit klopt …
          - tekst: …
            uitleg: … waarom dit niet klopt …

Kinds (``soort``): ``enkelvoudig`` (one right option), ``meervoudig`` (one or more right
options), ``volgorde`` (put steps in order), ``koppelen`` (match moments to principles) and
``open`` (a reflection question, never scored). Every option, step and pair carries its own
``uitleg``, distinct from the others and long enough to say *why*.
"""

from __future__ import annotations

import random
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, Field, StrictBool, ValidationError, field_validator, model_validator

from lco_kit.content import (
    ContentModel,
    ContentPart,
    FixedTexts,
    content_files,
    load_yaml,
    translate_validation_error,
    validate_data,
)
from lco_kit.errors import ContentError, LcoError, Problem
from lco_kit.itemregels import KeuzeVraag
from lco_kit.principes import PRINCIPE_CODES, PrincipeCode, load_principes

__all__ = [
    "GETELDE_SOORTEN",
    "GOED_DREMPEL",
    "MIN_UITLEG_WOORDEN",
    "SOORTEN",
    "AnyOefening",
    "Beoordeling",
    "GeladenReeksen",
    "KeuzeUitEen",
    "Koppelen",
    "LeesStap",
    "Les",
    "LesResultaat",
    "MeerdereKeuzes",
    "OefenStap",
    "Oefening",
    "Oefenreeks",
    "OnderwerpScore",
    "OpenVraag",
    "Optie",
    "Paar",
    "Terugkoppeling",
    "Volgorde",
    "VolgordeStap",
    "check_answer",
    "choice_questions",
    "known_casus",
    "load_bank",
    "load_banks",
    "oefen_tekst",
    "plan_les",
    "score_les",
]

Soort = Literal["enkelvoudig", "meervoudig", "volgorde", "koppelen", "open"]
SOORTEN: tuple[str, ...] = get_args(Soort)
GETELDE_SOORTEN: tuple[str, ...] = ("enkelvoudig", "meervoudig", "volgorde", "koppelen")
"""The kinds that are scored; an open reflection question never is."""
Fase = Literal["aanvraag", "voorbereiding", "overleg", "verslag", "opvolging"]

MIN_UITLEG_WOORDEN = 6
"""An explanation needs at least this many words: enough to say why, never a bare ‘fout’."""
GOED_DREMPEL = 0.75
"""A topic ‘went well’ in a lesson from this share of its points on."""

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ID_MAX = 60

Tekst = Annotated[str, Field(min_length=1)]


def _check_id(value: str) -> str:
    if not _ID.match(value) or len(value) > _ID_MAX:
        raise ValueError(
            f"‘{value}’ is geen geldige id: gebruik kleine letters, cijfers en streepjes, zonder spaties "
            f"(bijvoorbeeld ‘schulden-voor-ze-er-is’), hoogstens {_ID_MAX} tekens."
        )
    return value


# ------------------------------------------------------------------ texts


oefen_tekst = FixedTexts("oefeningen_teksten.yaml")
"""Return a fixed text of the exercises, ``{placeholders}`` filled in."""


# ------------------------------------------------------------------ the format


def _normalized(text: str) -> str:
    return re.sub(r"\s+", " ", text.casefold()).strip(" .!?;:,")


_WORDS = {"optie": ("opties", "elke optie"), "stap": ("stappen", "elke stap"), "moment": ("momenten", "elk moment")}


def _check_explanations(items: Sequence[Any], what: str, text_field: str) -> None:
    """Refuse explanations that are too short, or shared by two items, and items that repeat."""
    for number, item in enumerate(items, start=1):
        if len(item.uitleg.split()) < MIN_UITLEG_WOORDEN:
            raise ValueError(
                f"de uitleg bij {what} nr. {number} (‘{item.uitleg}’) is te kort. Zeg in een volle zin "
                f"(minstens {MIN_UITLEG_WOORDEN} woorden) waarom dit juist of niet juist is."
            )
    for attribute, label in ((text_field, "dezelfde tekst"), ("uitleg", "dezelfde uitleg")):
        seen: dict[str, int] = {}
        for number, item in enumerate(items, start=1):
            key = _normalized(getattr(item, attribute))
            if key in seen:
                plural, each = _WORDS[what]
                advice = (
                    f"Geef {each} een eigen uitleg die zegt waarom juist die keuze klopt of niet klopt."
                    if attribute == "uitleg"
                    else "Schrap er één of maak ze verschillend."
                )
                if attribute == "uitleg" and len({_normalized(i.uitleg) for i in items}) == 1:
                    raise ValueError(f"alle {plural} hebben dezelfde uitleg. {advice}")
                raise ValueError(f"{what} nr. {seen[key]} en nr. {number} hebben {label}. {advice}")
            seen[key] = number


class Optie(ContentPart):
    """One option of a choice exercise.

    Attributes:
        tekst: What the learner reads and can choose.
        juist: Whether choosing it is right.
        uitleg: Why it is right or not: shown after the learner answers.
    """

    tekst: Tekst
    juist: StrictBool = False
    uitleg: Tekst


class VolgordeStap(ContentPart):
    """One step of an ordering exercise; the file lists the steps in the right order.

    Attributes:
        tekst: The step as the learner sees it.
        uitleg: Why this step comes at this place.
    """

    tekst: Tekst
    uitleg: Tekst


class Paar(ContentPart):
    """One moment of a matching exercise with the principle most at stake in it.

    Attributes:
        moment: A concrete moment of an LCO.
        principe: The principle most at stake.
        uitleg: Why that principle, and not another.
    """

    moment: Tekst
    principe: PrincipeCode
    uitleg: Tekst

    @property
    def tekst(self) -> str:
        """Return the moment (the text the learner matches)."""
        return self.moment


class _Basis(ContentPart):
    """What every exercise has: an id, a topic, a question; optionally a hint, a casus and a phase."""

    id: Annotated[str, Field(min_length=1)]
    soort: str
    onderwerp: Tekst
    vraag: Tekst
    hint: str | None = None
    casus: str | None = None
    fase: Fase | None = None

    @field_validator("id", "casus")
    @classmethod
    def _ids(cls, value: str | None) -> str | None:
        return None if value is None else _check_id(value)

    @field_validator("onderwerp")
    @classmethod
    def _known_topic(cls, value: str) -> str:
        codes = load_principes().onderwerp_codes()
        if value not in codes:
            raise ValueError(f"‘{value}’ is geen onderwerp; kies uit: {', '.join(codes)}.")
        return value

    @property
    def geteld(self) -> bool:
        """Return whether this exercise is scored (every kind but ``open``)."""
        return self.soort in GETELDE_SOORTEN


class KeuzeUitEen(_Basis):
    """Single choice: exactly one option is right."""

    soort: Literal["enkelvoudig"]
    opties: tuple[Optie, ...] = Field(min_length=2)

    @field_validator("opties")
    @classmethod
    def _one_right(cls, opties: tuple[Optie, ...]) -> tuple[Optie, ...]:
        right = [number for number, optie in enumerate(opties, start=1) if optie.juist]
        if not right:
            raise ValueError(
                "geen enkele optie is juist. Zet bij precies één optie ‘juist: true’; de andere zijn dan niet juist."
            )
        if len(right) > 1:
            shown = ", ".join(f"nr. {n}" for n in right)
            raise ValueError(
                f"de opties {shown} zijn allemaal juist, maar bij ‘enkelvoudig’ is er precies één juist antwoord. "
                "Laat er één over, of kies ‘soort: meervoudig’."
            )
        _check_explanations(opties, "optie", "tekst")
        return opties


class MeerdereKeuzes(_Basis):
    """Multiple choice: one or more options are right; the learner marks every right one."""

    soort: Literal["meervoudig"]
    opties: tuple[Optie, ...] = Field(min_length=3)

    @field_validator("opties")
    @classmethod
    def _some_right(cls, opties: tuple[Optie, ...]) -> tuple[Optie, ...]:
        if not any(optie.juist for optie in opties):
            raise ValueError("geen enkele optie is juist. Zet ‘juist: true’ bij elke optie die klopt.")
        _check_explanations(opties, "optie", "tekst")
        return opties


class Volgorde(_Basis):
    """Ordering: the file lists the steps in the right order; the learner sees them shuffled."""

    soort: Literal["volgorde"]
    stappen: tuple[VolgordeStap, ...] = Field(min_length=3)

    @field_validator("stappen")
    @classmethod
    def _distinct_steps(cls, stappen: tuple[VolgordeStap, ...]) -> tuple[VolgordeStap, ...]:
        _check_explanations(stappen, "stap", "tekst")
        return stappen


class Koppelen(_Basis):
    """Matching: for each moment, the learner chooses the principle most at stake."""

    soort: Literal["koppelen"]
    paren: tuple[Paar, ...] = Field(min_length=3)
    keuzes: tuple[PrincipeCode, ...] = PRINCIPE_CODES

    @field_validator("paren")
    @classmethod
    def _distinct_pairs(cls, paren: tuple[Paar, ...]) -> tuple[Paar, ...]:
        _check_explanations(paren, "moment", "moment")
        return paren

    @model_validator(mode="after")
    def _answers_among_choices(self) -> Koppelen:
        if len(set(self.keuzes)) != len(self.keuzes) or len(self.keuzes) < 2:  # noqa: PLR2004
            raise ValueError("‘keuzes’ noemt minstens twee verschillende principes, elk één keer.")
        if len(self.paren) <= len(self.keuzes):
            raise ValueError(
                f"deze oefening heeft {len(self.paren)} momenten en {len(self.keuzes)} principes om uit te kiezen. "
                "Geef meer momenten dan principes (of beperk ‘keuzes’), anders volgt het laatste paar vanzelf."
            )
        missing = sorted({p.principe for p in self.paren} - set(self.keuzes))
        if missing:
            raise ValueError(
                f"het juiste principe van een moment ({', '.join(missing)}) staat niet bij ‘keuzes’. Voeg het toe."
            )
        return self


class OpenVraag(_Basis):
    """An open reflection question: never scored; what the learner writes stays with the learner.

    Attributes:
        denkpistes: Thoughts shown after the learner has written (what one could consider).
    """

    soort: Literal["open"]
    denkpistes: tuple[Tekst, ...] = Field(min_length=1)


Oefening = Annotated[KeuzeUitEen | MeerdereKeuzes | Volgorde | Koppelen | OpenVraag, Field(discriminator="soort")]
"""Any exercise, told apart by its ``soort`` (for pydantic fields)."""
AnyOefening = KeuzeUitEen | MeerdereKeuzes | Volgorde | Koppelen | OpenVraag
"""Any exercise (for type hints)."""

_KIND_MODELS: dict[str, type[BaseModel]] = {
    "enkelvoudig": KeuzeUitEen,
    "meervoudig": MeerdereKeuzes,
    "volgorde": Volgorde,
    "koppelen": Koppelen,
    "open": OpenVraag,
}


class Oefenreeks(ContentModel):
    """An exercise bank: a title, a description for the facilitator, and the exercises."""

    titel: Tekst
    beschrijving: Tekst
    oefeningen: tuple[Oefening, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> Oefenreeks:
        ids = [o.id for o in self.oefeningen]
        doubles = sorted({i for i in ids if ids.count(i) > 1})
        if doubles:
            raise ValueError(f"deze id’s komen twee keer voor: {', '.join(doubles)}. Elke oefening heeft een eigen id.")
        return self

    def oefening(self, oefening_id: str) -> AnyOefening:
        """Return the exercise with this id.

        Raises:
            KeyError: When the bank has none.
        """
        for oefening in self.oefeningen:
            if oefening.id == oefening_id:
                return oefening
        raise KeyError(oefening_id)


class _Kop(ContentModel):
    """The bank's own fields, checked before its exercises one by one."""

    titel: Tekst
    beschrijving: Tekst
    oefeningen: list[Any] = Field(min_length=1)


# ------------------------------------------------------------------ loading


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
    if kind not in _KIND_MODELS:
        return [
            Problem(
                f"de soort ‘{kind}’ bestaat niet; kies uit: enkelvoudig (één juist antwoord), meervoudig "
                "(meer juiste antwoorden), volgorde, koppelen of open (reflectievraag).",
                own_lines.get(("soort",), start),
                f"{label} → soort",
            )
        ]
    try:
        _KIND_MODELS[kind].model_validate(raw)
    except ValidationError as error:
        translated = translate_validation_error(error, dict(own_lines), file, _KIND_MODELS[kind])
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
        if isinstance(reference, str) and _ID.match(reference):
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


# ------------------------------------------------------------------ checking an answer

Status = Literal[
    "gekozen_juist",
    "gekozen_fout",
    "gemist",
    "niet_gekozen",
    "op_zijn_plaats",
    "verkeerde_plaats",
    "juist_gekoppeld",
    "fout_gekoppeld",
    "denkpiste",
]


@dataclass(frozen=True)
class Terugkoppeling:
    """The explanation of one option, step or moment after the learner answered.

    Attributes:
        tekst: The option, step or moment, as the learner saw it.
        uitleg: Why it is right or not (from the bank).
        status: What the learner did with it (``gekozen_fout``: chosen, but not right).
        goed: Whether the learner handled this item right.
        detail: What the learner chose and what was expected, for steps and moments.
    """

    tekst: str
    uitleg: str
    status: Status
    goed: bool
    detail: str = ""


@dataclass(frozen=True)
class Beoordeling:
    """The verdict on one answer.

    Attributes:
        oefening_id: The exercise's id.
        soort: The exercise's kind.
        onderwerp: The exercise's topic.
        geteld: Whether it counts for the score (open questions do not).
        juist: Whether the whole answer is right.
        score: The share of the answer that is right, 0–1 (partial for several options, steps, moments).
        oordeel: One Dutch sentence with the verdict.
        terugkoppeling: The explanations, what the learner most needs to read first.
    """

    oefening_id: str
    soort: str
    onderwerp: str
    geteld: bool
    juist: bool
    score: float
    oordeel: str
    terugkoppeling: tuple[Terugkoppeling, ...]


def check_answer(oefening: AnyOefening, antwoord: object) -> Beoordeling:
    """Check an answer and explain every part of it.

    Args:
        oefening: The exercise.
        antwoord: For ``enkelvoudig`` the index of the chosen option (in the bank's order);
            for ``meervoudig`` the indices of the marked options; for ``volgorde`` the
            indices of the steps in the order the learner put them; for ``koppelen`` a
            mapping from the index of each moment to a principle's code; for ``open`` the
            text the learner wrote (kept nowhere).

    Returns:
        The verdict with an explanation per option, step or moment.

    Raises:
        LcoError: When the answer is incomplete (nothing chosen, a moment left open), in Dutch.

    Examples:
        >>> reeks = load_banks().reeksen["participatie"]
        >>> oefening = next(o for o in reeks.oefeningen if o.soort == "enkelvoudig")
        >>> right = next(i for i, optie in enumerate(oefening.opties) if optie.juist)
        >>> check_answer(oefening, right).juist
        True
    """
    if isinstance(oefening, KeuzeUitEen):
        return _check_single(oefening, antwoord)
    if isinstance(oefening, MeerdereKeuzes):
        return _check_multiple(oefening, antwoord)
    if isinstance(oefening, Volgorde):
        return _check_order(oefening, antwoord)
    if isinstance(oefening, Koppelen):
        return _check_matching(oefening, antwoord)
    return _check_open(oefening, antwoord)


def _verdict(
    oefening: AnyOefening, juist: bool, score: float, items: Sequence[Terugkoppeling], oordeel: str
) -> Beoordeling:
    return Beoordeling(
        oefening_id=oefening.id,
        soort=oefening.soort,
        onderwerp=oefening.onderwerp,
        geteld=oefening.geteld,
        juist=juist,
        score=score,
        oordeel=oordeel,
        terugkoppeling=tuple(items),
    )


def _option_status(chosen: bool, right: bool) -> Status:
    if chosen:
        return "gekozen_juist" if right else "gekozen_fout"
    return "gemist" if right else "niet_gekozen"


def _valid_index(value: object, count: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < count


def _check_single(oefening: KeuzeUitEen, antwoord: object) -> Beoordeling:
    if not _valid_index(antwoord, len(oefening.opties)):
        raise LcoError(oefen_tekst("antwoord_kies_een"))
    chosen = int(antwoord)  # type: ignore[call-overload]
    right = next(i for i, optie in enumerate(oefening.opties) if optie.juist)
    order = (
        [chosen]
        + ([right] if right != chosen else [])
        + [i for i in range(len(oefening.opties)) if i not in {chosen, right}]
    )
    items = [
        Terugkoppeling(
            tekst=oefening.opties[i].tekst,
            uitleg=oefening.opties[i].uitleg,
            status=_option_status(i == chosen, oefening.opties[i].juist),
            goed=(i == chosen) == oefening.opties[i].juist,
        )
        for i in order
    ]
    juist = chosen == right
    oordeel = oefen_tekst("oordeel_enkelvoudig_true" if juist else "oordeel_enkelvoudig_false")
    return _verdict(oefening, juist, 1.0 if juist else 0.0, items, oordeel)


_MULTIPLE_ORDER = {"gekozen_fout": 0, "gemist": 1, "gekozen_juist": 2, "niet_gekozen": 3}


def _check_multiple(oefening: MeerdereKeuzes, antwoord: object) -> Beoordeling:
    if not isinstance(antwoord, Collection) or isinstance(antwoord, str | bytes | Mapping):
        raise LcoError(oefen_tekst("antwoord_kies_minstens_een"))
    chosen = set(antwoord)
    if not chosen:
        raise LcoError(oefen_tekst("antwoord_kies_minstens_een"))
    if not all(_valid_index(i, len(oefening.opties)) for i in chosen):
        raise LcoError(oefen_tekst("antwoord_ongeldig"))
    items = [
        Terugkoppeling(
            tekst=optie.tekst,
            uitleg=optie.uitleg,
            status=_option_status(i in chosen, optie.juist),
            goed=(i in chosen) == optie.juist,
        )
        for i, optie in enumerate(oefening.opties)
    ]
    good = sum(item.goed for item in items)
    juist = good == len(items)
    # The learner's own wrong marks first, then what was missed: that is what needs reading most.
    items.sort(key=lambda item: _MULTIPLE_ORDER[item.status])
    oordeel = (
        oefen_tekst("oordeel_meervoudig_true")
        if juist
        else oefen_tekst("oordeel_meervoudig_false", goed=good, totaal=len(items))
    )
    return _verdict(oefening, juist, good / len(items), items, oordeel)


def _check_order(oefening: Volgorde, antwoord: object) -> Beoordeling:
    count = len(oefening.stappen)
    if (
        not isinstance(antwoord, Sequence)
        or isinstance(antwoord, str | bytes)
        or sorted(antwoord) != list(range(count))
    ):
        raise LcoError(oefen_tekst("antwoord_ongeldig"))
    place = {step: position for position, step in enumerate(antwoord, start=1)}
    items = []
    for number, stap in enumerate(oefening.stappen, start=1):
        own = place[number - 1]
        goed = own == number
        detail = (
            oefen_tekst("detail_volgorde_true", plaats=number)
            if goed
            else oefen_tekst("detail_volgorde_false", jouw=own, plaats=number)
        )
        items.append(
            Terugkoppeling(stap.tekst, stap.uitleg, "op_zijn_plaats" if goed else "verkeerde_plaats", goed, detail)
        )
    good = sum(item.goed for item in items)
    juist = good == count
    oordeel = (
        oefen_tekst("oordeel_volgorde_true")
        if juist
        else oefen_tekst("oordeel_volgorde_false", goed=good, totaal=count)
    )
    return _verdict(oefening, juist, good / count, items, oordeel)


def _check_matching(oefening: Koppelen, antwoord: object) -> Beoordeling:
    if not isinstance(antwoord, Mapping):
        raise LcoError(oefen_tekst("antwoord_ongeldig"))
    open_moments = [i for i in range(len(oefening.paren)) if not antwoord.get(i)]
    if open_moments:
        raise LcoError(oefen_tekst("antwoord_koppel_alle", aantal=len(open_moments)))
    if any(antwoord[i] not in oefening.keuzes for i in range(len(oefening.paren))):
        raise LcoError(oefen_tekst("antwoord_ongeldig"))
    inhoud = load_principes()
    items = []
    for i, paar in enumerate(oefening.paren):
        chosen = str(antwoord[i])
        goed = chosen == paar.principe
        detail = (
            oefen_tekst("detail_koppelen_true", gekozen=inhoud.titel(chosen))
            if goed
            else oefen_tekst("detail_koppelen_false", gekozen=inhoud.titel(chosen), juist=inhoud.titel(paar.principe))
        )
        items.append(
            Terugkoppeling(paar.moment, paar.uitleg, "juist_gekoppeld" if goed else "fout_gekoppeld", goed, detail)
        )
    good = sum(item.goed for item in items)
    count = len(items)
    juist = good == count
    oordeel = (
        oefen_tekst("oordeel_koppelen_true")
        if juist
        else oefen_tekst("oordeel_koppelen_false", goed=good, totaal=count)
    )
    return _verdict(oefening, juist, good / count, items, oordeel)


def _check_open(oefening: OpenVraag, antwoord: object) -> Beoordeling:
    if antwoord is not None and not isinstance(antwoord, str):
        raise LcoError(oefen_tekst("antwoord_ongeldig"))
    items = [Terugkoppeling(piste, "", "denkpiste", True) for piste in oefening.denkpistes]
    return _verdict(oefening, False, 0.0, items, oefen_tekst("oordeel_open"))


# ------------------------------------------------------------------ a lesson


@dataclass(frozen=True)
class LeesStap:
    """A lesson step in which the learner reads a principle or theme.

    Attributes:
        onderwerp: The code of the principle or theme.
    """

    onderwerp: str


@dataclass(frozen=True)
class OefenStap:
    """A lesson step with one exercise.

    Attributes:
        oefening: The exercise.
        weergave: The order in which its options, steps or moments are shown, as indices in
            the bank's order (empty for an open question).
    """

    oefening: AnyOefening
    weergave: tuple[int, ...] = ()


@dataclass(frozen=True)
class Les:
    """A lesson: reading steps, each followed by the exercises on that topic."""

    stappen: tuple[LeesStap | OefenStap, ...]

    @property
    def oefeningen(self) -> tuple[AnyOefening, ...]:
        """Return the exercises in lesson order."""
        return tuple(stap.oefening for stap in self.stappen if isinstance(stap, OefenStap))

    @property
    def aantal_geteld(self) -> int:
        """Return how many exercises count for the score."""
        return sum(oefening.geteld for oefening in self.oefeningen)


def _display_order(oefening: AnyOefening, rng: random.Random) -> tuple[int, ...]:
    if isinstance(oefening, KeuzeUitEen | MeerdereKeuzes):
        return tuple(rng.sample(range(len(oefening.opties)), len(oefening.opties)))
    if isinstance(oefening, Koppelen):
        return tuple(rng.sample(range(len(oefening.paren)), len(oefening.paren)))
    if isinstance(oefening, Volgorde):
        identity = tuple(range(len(oefening.stappen)))
        order = identity
        while order == identity:  # shown in the right order, there would be nothing to do
            order = tuple(rng.sample(identity, len(identity)))
        return order
    return ()


def plan_les(oefeningen: Sequence[AnyOefening], *, rng: random.Random, aantal: int | None = None) -> Les:
    """Choose and order the exercises of a lesson, with a reading step before each topic.

    Topics follow the lesson order (the five principles, then the themes). When fewer
    exercises are asked for than there are, they are taken in turns from each topic, so that
    a short lesson still covers as many topics as it can; scored exercises before open ones.

    Args:
        oefeningen: The exercises to choose from (one bank, or all).
        rng: The source of every random choice (which exercises, their order, the order of options).
        aantal: How many exercises; ``None`` (or more than there are) takes them all.

    Raises:
        LcoError: When there are no exercises, or ``aantal`` is below 1.

    Examples:
        >>> les = plan_les(load_banks().oefeningen(), rng=random.Random(4), aantal=3)
        >>> len(les.oefeningen)
        3
    """
    if not oefeningen:
        raise LcoError(oefen_tekst("les_geen_oefeningen"))
    if aantal is not None and aantal < 1:
        raise LcoError(oefen_tekst("les_aantal_te_klein"))
    order = load_principes().onderwerp_codes()
    groups: dict[str, list[AnyOefening]] = {code: [] for code in order}
    for oefening in oefeningen:
        groups[oefening.onderwerp].append(oefening)
    queues: dict[str, list[AnyOefening]] = {}
    for code, members in groups.items():
        scored = [o for o in members if o.geteld]
        reflective = [o for o in members if not o.geteld]
        rng.shuffle(scored)
        rng.shuffle(reflective)
        if scored or reflective:
            queues[code] = scored + reflective
    wanted = len(oefeningen) if aantal is None else min(aantal, len(oefeningen))
    picked: dict[str, list[AnyOefening]] = {code: [] for code in queues}
    taken = 0
    turn = 0
    while taken < wanted:
        for code, queue in queues.items():
            if turn < len(queue) and taken < wanted:
                picked[code].append(queue[turn])
                taken += 1
        turn += 1
    stappen: list[LeesStap | OefenStap] = []
    for code, chosen in picked.items():
        if not chosen:
            continue
        stappen.append(LeesStap(code))
        # Turns took scored exercises first; keep open questions last within the topic.
        chosen.sort(key=lambda o: not o.geteld)
        stappen += [OefenStap(o, _display_order(o, rng)) for o in chosen]
    return Les(tuple(stappen))


@dataclass(frozen=True)
class OnderwerpScore:
    """How a lesson went on one topic.

    Attributes:
        onderwerp: The topic's code.
        titel: The topic's title.
        geteld: Scored exercises on it.
        juist: Of those, answered wholly right.
        punten: Points, with partial credit (0–``geteld``).
    """

    onderwerp: str
    titel: str
    geteld: int
    juist: int
    punten: float

    @property
    def aandeel(self) -> float:
        """Return the share of the points earned (0–1)."""
        return self.punten / self.geteld if self.geteld else 0.0


@dataclass(frozen=True)
class LesResultaat:
    """The score of a lesson and what to revisit.

    Attributes:
        geteld: Scored exercises in the lesson.
        juist: Of those, answered wholly right.
        punten: Points with partial credit (0–``geteld``).
        overgeslagen: Scored exercises left unanswered (they earn nothing).
        reflecties: Open questions the learner wrote something for.
        per_onderwerp: The score per topic, in lesson order.
        goed: Topics that went well (at least :data:`GOED_DREMPEL` of their points).
        herhalen: Topics worth reading again.
    """

    geteld: int
    juist: int
    punten: float
    overgeslagen: int
    reflecties: int
    per_onderwerp: tuple[OnderwerpScore, ...]
    goed: tuple[str, ...]
    herhalen: tuple[str, ...]


def score_les(oefeningen: Sequence[AnyOefening], beoordelingen: Mapping[str, Beoordeling]) -> LesResultaat:
    """Score a lesson from its verdicts; the verdicts are not changed.

    Args:
        oefeningen: The lesson's exercises (``Les.oefeningen``).
        beoordelingen: The verdict per exercise id; a missing scored exercise counts as
            skipped and earns nothing.

    Returns:
        The totals, the score per topic, and which topics went well or are worth revisiting.
    """
    inhoud = load_principes()
    order = {code: position for position, code in enumerate(inhoud.onderwerp_codes())}
    per_topic: dict[str, list[float]] = {}
    right: dict[str, int] = {}
    skipped = 0
    reflecties = 0
    for oefening in oefeningen:
        verdict = beoordelingen.get(oefening.id)
        if not oefening.geteld:
            reflecties += verdict is not None
            continue
        per_topic.setdefault(oefening.onderwerp, [])
        right.setdefault(oefening.onderwerp, 0)
        if verdict is None:
            skipped += 1
            per_topic[oefening.onderwerp].append(0.0)
            continue
        per_topic[oefening.onderwerp].append(verdict.score)
        right[oefening.onderwerp] += verdict.juist
    scores = tuple(
        OnderwerpScore(code, inhoud.titel(code), len(points), right[code], sum(points))
        for code, points in sorted(per_topic.items(), key=lambda item: order[item[0]])
    )
    return LesResultaat(
        geteld=sum(s.geteld for s in scores),
        juist=sum(s.juist for s in scores),
        punten=sum(s.punten for s in scores),
        overgeslagen=skipped,
        reflecties=reflecties,
        per_onderwerp=scores,
        goed=tuple(s.onderwerp for s in scores if s.aandeel >= GOED_DREMPEL),
        herhalen=tuple(s.onderwerp for s in scores if s.aandeel < GOED_DREMPEL),
    )
