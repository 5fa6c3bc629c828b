"""The "wanneer is het een goed LCO geweest" instrument: dimensions, items per perspective, scales.

The instrument is a content file (``data/reflectie/instrument.yaml``) that a facilitator may
copy into their own content folder (``LCO_KIT_CONTENT_DIR/data/reflectie/instrument.yaml``)
and change. It is validated on load: unknown keys, a dimension without two items in a
professional perspective (one for the client), more than twelve client items, a reversed item
on a scale of faces, an item pointing at an unknown dimension, a scale that is not 1 to 5, and
duplicate ids are refused with the file, the line and the field, in Dutch.

Every session keeps a copy of the instrument it was opened with (:meth:`Instrument.to_json`),
so later edits to the file never change how an earlier session is scored.
"""

from __future__ import annotations

import difflib
import hashlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from pydantic import Field, StrictBool, ValidationError

from lco_kit.content import (
    ContentModel,
    ContentPart,
    content_path,
    load_yaml,
    translate_validation_error,
    validate_data,
)
from lco_kit.errors import ContentError, Problem, format_field
from lco_kit.reflectie.scoring import SCALE_MAX, SCALE_MIN, ItemRule

__all__ = [
    "INSTRUMENT_FILE",
    "MAX_CLIENT_ITEMS",
    "PERSPECTIVES",
    "Dimensie",
    "Instrument",
    "Item",
    "PerspectiefDeel",
    "Perspectieven",
    "Schaalpunt",
    "load_instrument",
    "perspective_code",
    "privacy_text",
]

INSTRUMENT_FILE = "reflectie/instrument.yaml"
PERSPECTIVES: tuple[str, ...] = ("client", "deelnemer", "coordinator")
MIN_ITEMS_PER_DIMENSION = 2
"""Items a professional perspective needs per dimension."""
MIN_CLIENT_ITEMS_PER_DIMENSION = 1
"""The client's questionnaire is short (at most :data:`MAX_CLIENT_ITEMS`): one item per dimension suffices."""
MAX_CLIENT_ITEMS = 12
"""A client answers at most this many items: few items in plain words, as in client outcome measures."""

_CODE = r"^[a-z][a-z0-9_]*$"
_PERSPECTIVE_NAMES = {
    "client": "client",
    "cliënt": "client",
    "clienten": "client",
    "cliënten": "client",
    "deelnemer": "deelnemer",
    "deelnemers": "deelnemer",
    "hulpverlener": "deelnemer",
    "hulpverleners": "deelnemer",
    "coordinator": "coordinator",
    "coördinator": "coordinator",
    "coordinatoren": "coordinator",
    "coördinatoren": "coordinator",
}

Principe = Literal[
    "positieve_hulpverlening",
    "integrale_hulpverlening",
    "participatie",
    "gestructureerde_hulpverlening",
    "gecoordineerde_hulpverlening",
    "signaalfunctie",
    "empowerment",
]


def perspective_code(value: str) -> str:
    """Return the perspective code for what a person typed (``Cliënt`` → ``client``).

    Raises:
        ValueError: With a Dutch message naming the three perspectives.

    Examples:
        >>> perspective_code("Coördinator")
        'coordinator'
    """
    found = _PERSPECTIVE_NAMES.get(value.strip().casefold())
    if found is None:
        raise ValueError(f"‘{value}’ is geen perspectief; kies client, deelnemer of coordinator.")
    return found


class Dimensie(ContentPart):
    """One thing a good LCO does, tied to the method.

    Attributes:
        code: Short id used by items and in exports.
        label: The full sentence shown to facilitators.
        kort: A short label for charts (at most 24 characters).
        principe: The maatzorg principle or LCO function it comes from.
        uitleg: One or two sentences on what it means.
    """

    code: str = Field(pattern=_CODE)
    label: str = Field(min_length=1)
    kort: str = Field(min_length=1, max_length=24)
    principe: Principe
    uitleg: str = Field(min_length=1)


class Schaalpunt(ContentPart):
    """One point of an answer scale."""

    waarde: int = Field(ge=1, le=5)
    label: str = Field(min_length=1, max_length=30)
    symbool: str = Field(default="", max_length=4)


class Item(ContentPart):
    """One statement to answer, tied to one dimension.

    Attributes:
        id: Unique in the whole instrument (so an id also tells its perspective).
        dimensie: The code of the dimension it measures.
        tekst: The statement, as the respondent reads it.
        omgekeerd: True when agreeing means the dimension went badly (scored 6 − answer).
    """

    id: str = Field(pattern=_CODE, max_length=40)
    dimensie: str = Field(min_length=1)
    tekst: str = Field(min_length=1, max_length=300)
    omgekeerd: StrictBool = False


class PerspectiefDeel(ContentPart):
    """The items and scale of one perspective."""

    label: str = Field(min_length=1)
    inleiding: str = Field(min_length=1)
    een_per_scherm: StrictBool
    weet_ik_niet: StrictBool
    schaal: tuple[Schaalpunt, ...] = Field(min_length=SCALE_MAX - SCALE_MIN + 1, max_length=SCALE_MAX - SCALE_MIN + 1)
    items: tuple[Item, ...] = Field(min_length=1)

    def item(self, item_id: str) -> Item | None:
        """Return the item with this id, or None."""
        return next((i for i in self.items if i.id == item_id), None)


class Perspectieven(ContentPart):
    """The three perspectives, each with its own items."""

    client: PerspectiefDeel
    deelnemer: PerspectiefDeel
    coordinator: PerspectiefDeel


class Instrument(ContentModel):
    """The reflection instrument as a facilitator edits it.

    Attributes:
        titel: Shown above the questionnaire.
        versie: The facilitator's version name; raise it after every change.
        bron: Where the items come from and what was changed.
        dimensies: The dimensions, in the order charts show them.
        perspectieven: Items and scale for cliënt, deelnemer and coördinator.
    """

    titel: str = Field(min_length=1)
    versie: str = Field(min_length=1, max_length=40)
    bron: str = Field(min_length=20)
    dimensies: tuple[Dimensie, ...] = Field(min_length=1)
    perspectieven: Perspectieven

    def perspective(self, code: str) -> PerspectiefDeel:
        """Return one perspective's part (``client``, ``deelnemer`` or ``coordinator``)."""
        if code not in PERSPECTIVES:
            raise ValueError(f"‘{code}’ is geen perspectief; kies client, deelnemer of coordinator.")
        part: PerspectiefDeel = getattr(self.perspectieven, code)
        return part

    def dimension_codes(self) -> list[str]:
        """Return the dimension codes in display order."""
        return [d.code for d in self.dimensies]

    def dimension(self, code: str) -> Dimensie:
        """Return one dimension by its code."""
        return next(d for d in self.dimensies if d.code == code)

    def rules(self, perspective: str) -> list[ItemRule]:
        """Return the scoring rules (item, dimension, reversed) of one perspective."""
        return [ItemRule(i.id, i.dimensie, i.omgekeerd) for i in self.perspective(perspective).items]

    def all_items(self) -> Iterator[tuple[str, Item]]:
        """Yield every item with its perspective."""
        for code in PERSPECTIVES:
            for item in self.perspective(code).items:
                yield code, item

    @property
    def kenmerk(self) -> str:
        """Return the version as stored with every answer: the name and a fingerprint of the content.

        The fingerprint changes with every change to the items, even when the facilitator
        forgot to raise ``versie``.
        """
        digest = hashlib.sha256(self.to_json().encode("utf-8")).hexdigest()[:8]
        return f"{self.versie} ({digest})"

    def to_json(self) -> str:
        """Return the instrument as JSON, as sessions keep it."""
        return self.model_dump_json()

    @classmethod
    def from_json(cls, text: str) -> Instrument:
        """Return an instrument a session kept (see :meth:`to_json`).

        Raises:
            ContentError: When the stored copy cannot be read (a damaged database).
        """
        try:
            return cls.model_validate_json(text)
        except ValidationError as error:
            raise translate_validation_error(error, {}, "vragenlijst van de sessie", cls) from None


def load_instrument(source: Path | bytes | None = None, name: str | None = None) -> Instrument:
    """Read and check the instrument (the facilitator's own copy wins over the kit's).

    Args:
        source: A path or uploaded bytes; by default ``data/reflectie/instrument.yaml``.
        name: The name to use in messages.

    Returns:
        The validated instrument.

    Raises:
        ContentError: Every problem, with its line and field, in Dutch.
    """
    path = content_path("data", INSTRUMENT_FILE) if source is None else source
    display = name or (path.name if isinstance(path, Path) else "vragenlijst")
    data, lines = load_yaml(path, display)
    instrument = validate_data(Instrument, data, lines, display)
    problems = list(_consistency_problems(instrument))
    if problems:
        located = [
            Problem(message, _line(lines, field_path), format_field(field_path)) for field_path, message in problems
        ]
        located.sort(key=lambda p: p.line or 0)
        raise ContentError(display, located)
    return instrument


def _line(lines: dict[tuple[str | int, ...], int], path: tuple[str | int, ...]) -> int | None:
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


def _consistency_problems(instrument: Instrument) -> Iterator[tuple[tuple[str | int, ...], str]]:
    codes = instrument.dimension_codes()
    for index, (code, count) in enumerate(Counter(codes).items()):
        if count > 1:
            yield ("dimensies", index, "code"), f"de dimensie ‘{code}’ staat {count} keer in de lijst."
    seen_ids: dict[str, str] = {}
    for perspective in PERSPECTIVES:
        part = instrument.perspective(perspective)
        values = [p.waarde for p in part.schaal]
        if values != list(range(SCALE_MIN, SCALE_MAX + 1)):
            yield (
                ("perspectieven", perspective, "schaal"),
                "de schaal moet de waarden 1, 2, 3, 4 en 5 hebben, in die volgorde.",
            )
        per_dimension: Counter[str] = Counter()
        for index, item in enumerate(part.items):
            where = ("perspectieven", perspective, "items", index)
            if item.id in seen_ids:
                yield (*where, "id"), f"de vraag-id ‘{item.id}’ komt al voor (bij {seen_ids[item.id]})."
            seen_ids.setdefault(item.id, perspective)
            if item.dimensie not in codes:
                guess = difflib.get_close_matches(item.dimensie, codes, n=1)
                hint = f" Bedoel je ‘{guess[0]}’?" if guess else f" Kies uit: {', '.join(codes)}."
                yield (*where, "dimensie"), f"de dimensie ‘{item.dimensie}’ bestaat niet.{hint}"
            per_dimension[item.dimensie] += 1
            if item.omgekeerd and any(p.symbool for p in part.schaal):
                yield (
                    (*where, "omgekeerd"),
                    f"de vraag ‘{item.id}’ is omgekeerd, maar de schaal toont gezichtjes: wie het met een negatieve "
                    "zin eens is, kiest dan een lachend gezicht. Schrijf de vraag positief (zonder ‘omgekeerd’).",
                )
        least = MIN_CLIENT_ITEMS_PER_DIMENSION if perspective == "client" else MIN_ITEMS_PER_DIMENSION
        for code in codes:
            if per_dimension[code] < least:
                yield (
                    ("perspectieven", perspective, "items"),
                    f"de dimensie ‘{code}’ heeft {per_dimension[code]} vraag/vragen bij {part.label}; "
                    f"elke dimensie heeft er daar minstens {least} nodig.",
                )
        if perspective == "client" and len(part.items) > MAX_CLIENT_ITEMS:
            yield (
                ("perspectieven", perspective, "items"),
                f"de cliënt krijgt {len(part.items)} vragen; houd het bij hoogstens {MAX_CLIENT_ITEMS}, kort en in "
                "gewone woorden.",
            )


def privacy_text(soort: str, min_groep: int) -> str:
    """Return the honest line on who sees the answers, for this kind of session.

    After one LCO the people at the table know who the client is, so the client's answers are
    not anonymous there; on a reflection day answers are shown only per group from ``min_groep``
    people on.

    Args:
        soort: ``lco`` (one meeting) or ``reflectiedag``.
        min_groep: The smallest group shown on a reflection day.

    Raises:
        ValueError: For another kind of session.

    Examples:
        >>> "niet anoniem" in privacy_text("lco", 3)
        True
    """
    from lco_kit.reflectie.texts import text  # noqa: PLC0415  (texts are read on first use)

    if soort not in {"lco", "reflectiedag"}:
        raise ValueError(f"‘{soort}’ is geen soort sessie; kies lco of reflectiedag.")
    return text(f"privacy_invullen_{soort}", min=min_groep)
