"""One casus, one path: the casus traject carried from role-play to stappenplan, verslag, reflection and follow-up.

A :class:`Traject` is chosen once and passed along, instead of choosing the casus again on
every page:

- the casus itself (whole: a simulated or uploaded casus is not in the library) and where it
  came from;
- the role-play's setup (:class:`TafelOpstelling`): who coordinates, whom the client chose
  as spilfiguur, and which role sits on each seat (never the names people typed);
- the stappenplan as far as it was filled in (:class:`StappenplanConcept`), so a trainee
  can go on the next day;
- for a follow-up LCO, the traject it follows up (``vorige``).

:meth:`Traject.stappenplan` opens the stappenplan with the setup already in it;
:func:`follow_up_traject` turns a complete stappenplan into the traject of the follow-up LCO.
A traject has a short opaque :attr:`Traject.id` (letters and digits, no meaning, no personal
data) that pages put in their address and that a reflection session can keep.

:class:`TrajectStore` keeps trajects on the server, one small file each in the kit's data
folder; :func:`traject_to_yaml` and :func:`load_traject_file` write and read the same file
a trainee downloads and opens again, checked like every other upload (size, format, Dutch
errors with line and field).
"""

from __future__ import annotations

import os
import re
import secrets
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Annotated, Self

import yaml
from pydantic import AfterValidator, Field, StrictBool, model_validator

from lco_kit.casus import Afspraak, Bron, Casus, Knelpunt, Status
from lco_kit.config import data_dir
from lco_kit.content import ContentModel, ContentPart, FixedTexts, load_model
from lco_kit.errors import ContentError, LcoError
from lco_kit.rollenspel import Kiezer
from lco_kit.stappenplan import Stappenplan, follow_up_casus, new_stappenplan

__all__ = [
    "ID_ALPHABET",
    "ID_LENGTH",
    "MAX_TRAJECT_BYTES",
    "WAARNEMER",
    "StappenplanConcept",
    "TafelOpstelling",
    "Traject",
    "TrajectStore",
    "follow_up_traject",
    "is_traject_id",
    "load_traject_file",
    "new_traject",
    "new_traject_id",
    "traject_filename",
    "traject_text",
    "traject_to_yaml",
]

ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
"""The characters of a traject id: lower case, no 0/o, 1/l/i that are misread when typed over."""
ID_LENGTH = 10
"""Ten characters of 31: about 8 × 10¹⁴ ids, so one group never lands on another's by chance."""
_ID = re.compile(rf"^[{ID_ALPHABET}]{{{ID_LENGTH}}}$")
MAX_TRAJECT_BYTES = 300_000
"""A traject is a casus (at most 200 kB) with a setup and a plan: a larger file is refused unread."""
WAARNEMER = "waarnemer"
"""The role of a seat that only watches."""
_ROLE = re.compile(r"^[a-z0-9][a-z0-9-]{0,60}$")
_SHORT = 500
"""The longest text of one agreement or knelpunt kept in a traject."""

traject_text = FixedTexts("traject.yaml")
"""Return a fixed text of the traject, ``{placeholders}`` filled in."""


def new_traject_id() -> str:
    """Return a new random traject id (no meaning, nothing to read off it)."""
    return "".join(secrets.choice(ID_ALPHABET) for _ in range(ID_LENGTH))


def is_traject_id(value: str) -> bool:
    """Return True when ``value`` has the form of a traject id (checked before it names any file)."""
    return bool(_ID.match(value))


def _check_id(value: str) -> str:
    if not is_traject_id(value):
        raise ValueError(traject_text("id_ongeldig", id=value[:20], lengte=ID_LENGTH))
    return value


TrajectId = Annotated[str, AfterValidator(_check_id)]
ShortText = Annotated[str, Field(max_length=_SHORT)]


class TafelOpstelling(ContentPart):
    """The role-play's setup: who coordinates, whom the client chose as spilfiguur, who sits where.

    Attributes:
        coordinator: None for the casus's neutral coördinator; a provider's id when the table
            let a provider coordinate (the role-play's check says why that is not neutral).
        spilfiguur: The provider the client chose as spilfiguur (None: not chosen yet).
        gekozen_door: Who chose the spilfiguur (the method: the client).
        rollen: The role card on each seat, in seat order (``waarnemer`` for someone who
            watches). Only roles: the names typed at the table stay on that page.
    """

    coordinator: str | None = None
    spilfiguur: str | None = None
    gekozen_door: Kiezer = "client"
    rollen: tuple[Annotated[str, Field(pattern=_ROLE.pattern)], ...] = ()

    @property
    def client_aan_tafel(self) -> bool:
        """Return True when the client's card was dealt (or when no seats were set: the client is expected)."""
        return not self.rollen or "client" in self.rollen

    def hulpverleners_aan_tafel(self, casus: Casus) -> tuple[str, ...]:
        """Return the ids of the providers whose cards were dealt (every provider when no seats were set)."""
        ids = [p.id for p in casus.hulpverleners]
        if not self.rollen:
            return tuple(ids)
        seated = {rol.removeprefix("hulpverlener-") for rol in self.rollen if rol.startswith("hulpverlener-")}
        return tuple(i for i in ids if i in seated and i != self.coordinator)


class ConceptAfspraak(ContentPart):
    """One agreement as far as it was filled in."""

    wat: ShortText = ""
    wie: ShortText = ""
    tegen_wanneer: date | None = None


class ConceptKnelpunt(ContentPart):
    """One knelpunt as far as it was filled in."""

    categorie: ShortText = ""
    omschrijving: ShortText = ""


class ConceptOpvolging(ContentPart):
    """How one agreement of the earlier LCO went, as said at the follow-up."""

    status: Status = "open"
    reden: ShortText = ""


class StappenplanConcept(ContentPart):
    """The stappenplan of the traject as far as it was filled in (also when it is not complete yet)."""

    datum: date
    client_aanwezig: StrictBool = True
    hulpverleners: tuple[str, ...] = ()
    minderjarigen: Annotated[int, Field(ge=0, le=12)] = 0
    vertrouwenspersoon: StrictBool = False
    levensdomeinen: tuple[str, ...] = ()
    spilfiguur: str | None = None
    afspraken: tuple[ConceptAfspraak, ...] = ()
    knelpunten: tuple[ConceptKnelpunt, ...] = ()
    geen_knelpunten: StrictBool = False
    opvolging: tuple[ConceptOpvolging, ...] = ()
    volgend_overleg: date | None = None
    gemeente: ShortText | None = None

    @classmethod
    def of(cls, plan: Stappenplan) -> StappenplanConcept:
        """Return what a stappenplan says, without its casus (the traject holds that)."""
        return cls(
            datum=plan.datum,
            client_aanwezig=plan.client_aanwezig,
            hulpverleners=plan.hulpverleners,
            minderjarigen=plan.minderjarigen,
            vertrouwenspersoon=plan.vertrouwenspersoon,
            levensdomeinen=plan.levensdomeinen,
            spilfiguur=plan.spilfiguur,
            afspraken=tuple(
                ConceptAfspraak(wat=a.wat, wie=a.wie, tegen_wanneer=a.tegen_wanneer) for a in plan.afspraken
            ),
            knelpunten=tuple(
                ConceptKnelpunt(categorie=k.categorie, omschrijving=k.omschrijving) for k in plan.knelpunten
            ),
            geen_knelpunten=plan.geen_knelpunten,
            opvolging=tuple(ConceptOpvolging(status=o.status, reden=o.toelichting or "") for o in plan.opvolging),
            volgend_overleg=plan.volgend_overleg,
            gemeente=plan.gemeente,
        )


class Traject(ContentModel):
    """One casus carried through role-play, stappenplan, verslag, reflection and follow-up.

    Attributes:
        id: Short and opaque (see :func:`new_traject_id`): pages carry it in their address.
        bron: Where the casus came from.
        casus: The casus, whole.
        opstelling: The role-play's setup (None: not set up yet).
        stappenplan: The stappenplan as far as it was filled in (None: not started).
        vorige: The id of the traject this one follows up.
        gemaakt: The day the traject was started.
    """

    id: TrajectId
    bron: Bron = "bibliotheek"
    casus: Casus
    opstelling: TafelOpstelling | None = None
    stappenplan: StappenplanConcept | None = None
    vorige: TrajectId | None = None
    gemaakt: date = Field(default_factory=date.today)

    @model_validator(mode="after")
    def _fits_the_casus(self) -> Self:
        ids = [p.id for p in self.casus.hulpverleners]
        known = ", ".join(ids)

        def provider(value: str | None) -> None:
            if value is not None and value not in ids:
                raise ValueError(traject_text("hulpverlener_onbekend", wie=value[:40], ids=known))

        if self.opstelling is not None:
            provider(self.opstelling.coordinator)
            provider(self.opstelling.spilfiguur)
            roles = {"coordinator", "client", "aanvrager", "vertrouwenspersoon", WAARNEMER}
            roles |= {f"hulpverlener-{i}" for i in ids}
            roles |= {f"minderjarige-{n}" for n in range(1, len(self.casus.client.minderjarigen) + 1)}
            for number, role in enumerate(self.opstelling.rollen, start=1):
                if role not in roles:
                    raise ValueError(traject_text("rol_onbekend", nr=number, rol=role, rollen=", ".join(sorted(roles))))
        if self.stappenplan is not None:
            for value in (*self.stappenplan.hulpverleners, self.stappenplan.spilfiguur):
                provider(value)
            earlier = len(self.casus.vorige_lco.afspraken) if self.casus.vorige_lco else 0
            given = len(self.stappenplan.opvolging)
            if given and not earlier:
                raise ValueError(traject_text("geen_opvolging"))
            if given and given != earlier:
                raise ValueError(traject_text("opvolging_aantal", aantal=earlier, gegeven=given))
        return self

    # ------------------------------------------------------------ passing it on

    def with_changes(self, **changes: object) -> Traject:
        """Return the traject with some fields changed, checked again (the id stays)."""
        data = {name: getattr(self, name) for name in type(self).model_fields}
        data.update(changes)
        return Traject.model_validate(data)

    def met_opstelling(self, opstelling: TafelOpstelling | None) -> Traject:
        """Return the traject with the role-play's setup (the stappenplan's draft stays)."""
        return self.with_changes(opstelling=opstelling)

    def met_stappenplan(self, plan: Stappenplan) -> Traject:
        """Return the traject with the stappenplan as the page shows it now."""
        return self.with_changes(stappenplan=StappenplanConcept.of(plan))

    def stappenplan_van_vandaag(self, datum: date | None = None) -> Stappenplan:
        """Return the stappenplan: the saved draft, or a new one with the role-play's setup in it.

        A new one has the casus's spilfiguur replaced by the one the client chose at the table;
        only the providers, minors and vertrouwenspersoon whose cards were dealt; the client
        present when the client's card was dealt; and a provider who coordinated noted as
        coordinator.

        Raises:
            LcoError: For a casus that is not an LCO (``geen_lco``), with its reason in Dutch.
        """
        base = new_stappenplan(self.casus, datum)
        base = replace(base, traject_id=self.id)
        setup = self.opstelling
        if setup is not None:
            base = replace(
                base,
                coordinator=setup.coordinator,
                spilfiguur=setup.spilfiguur or base.spilfiguur,
                hulpverleners=setup.hulpverleners_aan_tafel(self.casus),
                client_aanwezig=setup.client_aan_tafel,
                minderjarigen=sum(r.startswith("minderjarige-") for r in setup.rollen)
                if setup.rollen
                else base.minderjarigen,
                vertrouwenspersoon=base.vertrouwenspersoon
                and (not setup.rollen or "vertrouwenspersoon" in setup.rollen),
            )
        draft = self.stappenplan
        if draft is None:
            return base
        return replace(
            base,
            datum=draft.datum,
            client_aanwezig=draft.client_aanwezig,
            hulpverleners=draft.hulpverleners,
            minderjarigen=draft.minderjarigen,
            vertrouwenspersoon=draft.vertrouwenspersoon,
            levensdomeinen=draft.levensdomeinen,
            spilfiguur=draft.spilfiguur,
            afspraken=tuple(Afspraak.concept(a.wat, a.wie, a.tegen_wanneer) for a in draft.afspraken),
            knelpunten=tuple(Knelpunt.concept(k.categorie, k.omschrijving) for k in draft.knelpunten),
            geen_knelpunten=draft.geen_knelpunten,
            opvolging=tuple(
                e.model_copy(update={"status": o.status, "toelichting": o.reden or None})
                for e, o in zip(base.opvolging, draft.opvolging, strict=True)
            )
            if draft.opvolging
            else base.opvolging,
            volgend_overleg=draft.volgend_overleg,
            gemeente=draft.gemeente,
        )

    @property
    def spilfiguur(self) -> str | None:
        """Return the spilfiguur as the traject stands: the plan's, else the setup's, else the casus's."""
        if self.stappenplan is not None and self.stappenplan.spilfiguur:
            return self.stappenplan.spilfiguur
        if self.opstelling is not None and self.opstelling.spilfiguur:
            return self.opstelling.spilfiguur
        return self.casus.opstelling.spilfiguur if self.casus.opstelling else None


def new_traject(casus: Casus, bron: Bron = "bibliotheek", *, traject_id: str | None = None) -> Traject:
    """Return a new traject for a casus, with a new id (or the one given, for tests)."""
    return Traject(schema_version=1, id=traject_id or new_traject_id(), bron=bron, casus=casus)


def follow_up_traject(traject: Traject, plan: Stappenplan) -> Traject:
    """Return the traject of the follow-up LCO, opened from a complete stappenplan (its verslag).

    The casus gets the plan's agreements as its earlier LCO (each still open); the setup keeps
    who coordinated, the spilfiguur the client chose and the seats; the new traject remembers
    which one it follows up.

    Raises:
        LcoError: When the stappenplan is not complete.
    """
    casus = follow_up_casus(plan)
    setup = traject.opstelling or TafelOpstelling()
    setup = setup.model_copy(update={"spilfiguur": plan.spilfiguur})
    return Traject(
        schema_version=1, id=new_traject_id(), bron="opvolging", casus=casus, opstelling=setup, vorige=traject.id
    )


# ------------------------------------------------------------------ the file


def traject_to_yaml(traject: Traject) -> str:
    """Return a traject as the text of a traject file (the same file the store keeps)."""
    data = traject.model_dump(mode="json", exclude_none=True)
    data = {"schema_version": traject.schema_version, **{k: v for k, v in data.items() if k != "schema_version"}}
    comments = "".join(f"# {line}".rstrip() + "\n" for line in _wrapped(traject_text("kop")))
    return comments + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=96)


def _wrapped(text: str, width: int = 90) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current] if current else lines


def load_traject_file(source: Path | bytes, name: str | None = None) -> Traject:
    """Read and check a traject file (a download opened again, or the store's own file).

    Raises:
        ContentError: Naming the file, and for each problem its line and field, in Dutch;
            a file over :data:`MAX_TRAJECT_BYTES` is refused before it is read.
    """
    return load_model(Traject, source, name, max_bytes=MAX_TRAJECT_BYTES)


def traject_filename(traject: Traject) -> str:
    """Return the name of the traject's download (``traject-<casus>-<id>.yaml``)."""
    return traject_text("bestandsnaam", casus=traject.casus.id[:40], id=traject.id)


# ------------------------------------------------------------------ the store


class TrajectStore:
    """Trajects kept on the server, one file each, so a page learns its traject from a short id.

    Args:
        folder: Where the files go (default: ``trajecten`` in the kit's data folder).
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else data_dir() / "trajecten"

    def _path(self, traject_id: str) -> Path:
        if not is_traject_id(traject_id):
            raise LcoError(traject_text("id_ongeldig", id=traject_id[:20], lengte=ID_LENGTH))
        return self.folder / f"{traject_id}.yaml"

    def save(self, traject: Traject) -> Traject:
        """Keep a traject (replacing an earlier version with the same id); return it."""
        path = self._path(traject.id)
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(traject_to_yaml(traject))
            Path(temporary).replace(path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return traject

    def load(self, traject_id: str) -> Traject:
        """Return the traject with this id.

        Raises:
            LcoError: In Dutch, when the id is not a traject id, is not kept here, or its file
                cannot be read.
        """
        path = self._path(traject_id)
        if not path.is_file():
            raise LcoError(traject_text("onbekend", id=traject_id))
        try:
            return load_traject_file(path, path.name)
        except ContentError as error:
            raise LcoError(traject_text("onleesbaar", id=traject_id, reden=str(error))) from None

    def exists(self, traject_id: str) -> bool:
        """Return True when a traject with this id is kept here."""
        return is_traject_id(traject_id) and (self.folder / f"{traject_id}.yaml").is_file()
