"""The print pack and the ready programmes (draaiboeken): everything a facilitator prints.

Every document comes from a data file a facilitator can adapt, like the other content:

- the print pack in ``lco_kit/data/drukwerk/`` (the invitation letters, the consent form, the
  verslag template, the easy-read client folder), each a :class:`Drukstuk` of blocks;
- the spelregels placemat (A3 and A4) and the requester's eight preparation questions, from
  the same data the role-play uses (:func:`lco_kit.rollenspel.card_contents` and
  :func:`lco_kit.rollenspel.checklist`);
- the draaiboeken in ``lco_kit/data/programmas/``, each a :class:`Draaiboek`: timing,
  learning goals, which page when, debrief questions, what to print and how many, the room,
  the network, and what to do when the network fails.

A programme's :func:`programme_documents` lists its draaiboek and everything it says to
print; ``lco-kit afdrukken`` and the start page's download panel both use it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, StrictBool, model_validator

from lco_kit.content import (
    ContentModel,
    ContentPart,
    FixedTexts,
    content_dirs,
    content_files,
    content_path,
    load_model,
)
from lco_kit.errors import LcoError
from lco_kit.pdf import PdfDocument

if TYPE_CHECKING:
    from lco_kit.casus import Casus

__all__ = [
    "PROGRAMMAS",
    "Draaiboek",
    "Drukstuk",
    "Printable",
    "document_label",
    "document_pdf",
    "draaiboek_pdf",
    "draaiboeken",
    "drukstuk_pdf",
    "drukwerk_text",
    "load_drukstuk",
    "pack_codes",
    "programme_documents",
    "write_programme",
]

PROGRAMMAS = ("introductie", "intervisie", "reflectiedag")
"""The programmes ``lco-kit afdrukken --programma`` knows."""

drukwerk_text = FixedTexts("drukwerk/teksten.yaml")
"""The fixed texts of the print pack, the download panel and the command."""

Tekst = Annotated[str, Field(min_length=1)]
Code = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]
_PERSPECTIVES = ("client", "deelnemer", "coordinator")


class Picto(ContentPart):
    """An easy-read line: a pictogram (a symbol of the kit's font) and one short sentence."""

    teken: Annotated[str, Field(min_length=1, max_length=2)]
    tekst: Tekst


class Blok(ContentPart):
    """One block of a printed document; it prints its parts in this order.

    Attributes:
        kop: A heading.
        tekst: A paragraph.
        punten: A bulleted list.
        vakjes: A list with a box to tick before each line.
        picto: Easy-read lines, each with a pictogram.
        invullen: Labels to fill in by hand, each with ``regels`` ruled lines.
        regels: How many lines under each label of ``invullen`` (default 1).
    """

    kop: str | None = None
    tekst: str | None = None
    punten: tuple[Tekst, ...] = ()
    vakjes: tuple[Tekst, ...] = ()
    picto: tuple[Picto, ...] = ()
    invullen: tuple[Tekst, ...] = ()
    regels: int = Field(default=1, ge=1, le=20)

    @model_validator(mode="after")
    def _not_empty(self) -> Blok:
        if not (self.kop or self.tekst or self.punten or self.vakjes or self.picto or self.invullen):
            raise ValueError("een blok heeft minstens een kop, tekst, punten, vakjes, picto of invullen.")
        return self


class Drukstuk(ContentModel):
    """A printed document of the pack (``lco_kit/data/drukwerk/<code>.yaml``).

    ``leesbaar: true`` marks a text in easy-read Dutch (its test holds it to a readability floor).
    """

    code: Code
    titel: Tekst
    ondertitel: Tekst
    bron: str = Field(min_length=20)
    leesbaar: StrictBool = False
    blokken: tuple[Blok, ...] = Field(min_length=1)


class Onderdeel(ContentPart):
    """One part of a programme: how long, which page of the kit, what to do, what to ask after."""

    titel: Tekst
    minuten: int = Field(ge=5, le=240)
    pagina: Annotated[str, Field(pattern=r"^\d\d_[a-z0-9_]+$")] | None = None
    wat: Tekst
    nabespreking: tuple[Tekst, ...] = ()


DocumentCode = Annotated[
    str,
    Field(
        pattern=r"^(placemat-a3|placemat-a4|voorbereiding|intervisie-werkblad|"
        r"vragenlijst-(client|deelnemer|coordinator)|(casus|rolkaarten):[a-z0-9-]+|[a-z][a-z0-9-]*)$"
    ),
]


class Afdruk(ContentPart):
    """A document to print for a programme, and how many."""

    document: DocumentCode
    aantal: Tekst


class Draaiboek(ContentModel):
    """A ready programme (``lco_kit/data/programmas/<code>.yaml``), printable as a draaiboek."""

    code: Code
    programma: Literal["introductie", "intervisie", "reflectiedag"]
    titel: Tekst
    bron: str = Field(min_length=20)
    voor_wie: Tekst
    groep: Tekst
    begin: Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]
    leerdoelen: tuple[Tekst, ...] = Field(min_length=1)
    onderdelen: tuple[Onderdeel, ...] = Field(min_length=2)
    afdrukken: tuple[Afdruk, ...] = Field(min_length=1)
    zaal: tuple[Tekst, ...] = Field(min_length=1)
    netwerk: tuple[Tekst, ...] = Field(min_length=1)
    noodplan: tuple[Tekst, ...] = Field(min_length=1)

    @property
    def minuten(self) -> int:
        """Return the programme's length in minutes (the parts together)."""
        return sum(part.minuten for part in self.onderdelen)

    def schedule(self) -> list[tuple[str, Onderdeel]]:
        """Return each part with its start time (``9.30``), counted from ``begin``."""
        clock = datetime.combine(date(2026, 1, 1), datetime.strptime(self.begin, "%H:%M").time())
        rows = []
        for part in self.onderdelen:
            rows.append((f"{clock.hour}.{clock.minute:02d}", part))
            clock += timedelta(minutes=part.minuten)
        return rows

    @property
    def einde(self) -> str:
        """Return the time the programme ends (``12.30``)."""
        start = datetime.strptime(self.begin, "%H:%M") + timedelta(minutes=self.minuten)
        return f"{start.hour}.{start.minute:02d}"


# ------------------------------------------------------------------ loading


def pack_codes() -> list[str]:
    """Return the codes of the print pack's own data files (``uitnodiging-client``, …)."""
    return sorted({path.stem for path in content_files("data", ("drukwerk/*.yaml",))} - {"teksten"})


def load_drukstuk(code: str) -> Drukstuk:
    """Return one document of the print pack.

    Raises:
        LcoError: In Dutch, when there is no such document (or the file has a problem).
    """
    if code not in pack_codes():
        raise LcoError(drukwerk_text("fout_document", naam=code, keuzes=", ".join(_all_codes())))
    return load_model(Drukstuk, content_path("data", f"drukwerk/{code}.yaml"))


def draaiboeken(programma: str | None = None) -> list[Draaiboek]:
    """Return the ready programmes (of one kind, when given), in file order.

    Raises:
        LcoError: When ``programma`` is not one of :data:`PROGRAMMAS`.
    """
    if programma is not None and programma not in PROGRAMMAS:
        raise LcoError(drukwerk_text("fout_programma", naam=programma, keuzes=", ".join(PROGRAMMAS)))
    books = [load_model(Draaiboek, path) for path in content_files("data", ("programmas/*.yaml",))]
    return [book for book in books if programma is None or book.programma == programma]


def _all_codes() -> list[str]:
    return ["placemat-a3", "placemat-a4", "voorbereiding", "intervisie-werkblad", *pack_codes()]


# ------------------------------------------------------------------ documents


def drukstuk_pdf(code: str, made_on: date | None = None) -> bytes:
    """Return a document of the print pack as a PDF (A4; the ``placemat-a3`` on A3)."""
    if code in ("placemat-a3", "placemat-a4"):
        return _placemat(code == "placemat-a3", made_on)
    if code == "voorbereiding":
        return _preparation(made_on)
    if code == "intervisie-werkblad":
        from lco_kit.intervisie import werkblad_pdf  # noqa: PLC0415  (the intervisie is a page of its own)

        return werkblad_pdf(made_on=made_on)
    piece = load_drukstuk(code)
    doc = PdfDocument(piece.titel, piece.ondertitel, made_on=made_on)
    size = 14 if piece.leesbaar else 11
    for block in piece.blokken:
        if block.kop:
            doc.heading(block.kop)
        if block.tekst:
            doc.paragraph(block.tekst, size=size)
        if block.punten:
            doc.bullets(block.punten, size=size)
        if block.vakjes:
            doc.bullets(block.vakjes, mark="☐", size=size)
        if block.picto:
            doc.pictograms([(p.teken, p.tekst) for p in block.picto], size=max(size, 14))
        if block.invullen:
            doc.fill_in(block.invullen, block.regels)
    return doc.to_bytes()


def _placemat(a3: bool, made_on: date | None) -> bytes:
    from lco_kit.rollenspel import card_contents  # noqa: PLC0415  (the role-play's own spelregels)

    t = drukwerk_text
    client = t("placemat_client")
    rules = [rule.replace("{client}", client) for rule in card_contents().spelregels]
    rules = [rule[:1].upper() + rule[1:] for rule in rules]
    doc = PdfDocument(
        t("placemat_titel"), t("placemat_ondertitel"), made_on=made_on, paper="A3" if a3 else "A4", landscape=True
    )
    size = 20 if a3 else 13
    doc.paragraph(t("placemat_inleiding"), size=size)
    doc.numbered(rules, size=size)
    doc.paragraph(t("placemat_slot"), italic=True, size=size)
    return doc.to_bytes()


def _preparation(made_on: date | None) -> bytes:
    from lco_kit.rollenspel import checklist as role_play_checklist  # noqa: PLC0415  (the role-play's own questions)

    t = drukwerk_text
    checklist = role_play_checklist()
    doc = PdfDocument(checklist.titel, t("voorbereiding_ondertitel"), made_on=made_on)
    doc.paragraph(t("voorbereiding_inleiding"))
    for number, question in enumerate(checklist.vragen, start=1):
        doc.bullets([f"{number}. {question.vraag}"], mark="☐", size=12)
        doc.key_values([(t("voorbereiding_waarom"), question.waarom), (t("voorbereiding_tip"), question.tip)])
    return doc.to_bytes()


def draaiboek_pdf(book: Draaiboek, made_on: date | None = None) -> bytes:
    """Return a programme as a printable draaiboek (A4)."""
    t = drukwerk_text
    doc = PdfDocument(book.titel, t("draaiboek_ondertitel"), made_on=made_on)
    hours, minutes = divmod(book.minuten, 60)
    length = f"{hours} uur {minutes} minuten" if minutes else f"{hours} uur"
    doc.key_values(
        [
            (t("draaiboek_gegevens_duur"), f"{length} ({book.schedule()[0][0]} – {book.einde})"),
            (t("draaiboek_gegevens_groep"), book.groep),
            (t("draaiboek_gegevens_voor"), book.voor_wie),
        ]
    )
    doc.heading(t("draaiboek_leerdoelen"))
    doc.bullets(book.leerdoelen)
    doc.heading(t("draaiboek_verloop"))
    doc.table(
        t("draaiboek_kolommen").split("|"),
        [
            [start, str(part.minuten), part.titel, _page_title(part.pagina) or t("draaiboek_geen_pagina")]
            for start, part in book.schedule()
        ],
        widths=(16, 14, 82, 62),
    )
    doc.heading(t("draaiboek_onderdelen"))
    for start, part in book.schedule():
        doc.heading(f"{start} · {part.titel}", level=2)
        doc.paragraph(part.wat)
        if part.nabespreking:
            doc.paragraph(t("draaiboek_nabespreking"), italic=True)
            doc.bullets(part.nabespreking)
    doc.heading(t("draaiboek_afdrukken"))
    doc.table(
        t("draaiboek_afdruk_kolommen").split("|"),
        [[document_label(item.document), item.aantal, _filename(item.document)] for item in book.afdrukken],
        widths=(70, 52, 52),
    )
    for key, items in (("draaiboek_zaal", book.zaal), ("draaiboek_netwerk", book.netwerk)):
        doc.heading(t(key))
        doc.bullets(items)
    doc.heading(t("draaiboek_noodplan"))
    doc.bullets(book.noodplan)
    doc.paragraph(book.bron, italic=True, size=9)
    return doc.to_bytes()


def _page_title(page: str | None) -> str | None:
    if page is None:
        return None
    from lco_kit.pages import read_page_info  # noqa: PLC0415

    notebook = _pages_folder() / f"{page}.ipynb"
    try:
        return read_page_info(notebook).title
    except LcoError:
        return page


def _pages_folder() -> Path:
    return content_dirs("notebooks")[0]


def document_label(code: str) -> str:
    """Return how a person reads a document's code (``Spelregels (placemat A3)``)."""
    kind, _, rest = code.partition(":")
    if kind == "casus":
        return f"Hand-out van de casus ‘{_casus(rest).titel}’"
    if kind == "rolkaarten":
        return f"Rolkaarten van de casus ‘{_casus(rest).titel}’"
    fixed = {
        "placemat-a3": "Spelregels (placemat A3)",
        "placemat-a4": "Spelregels (placemat A4)",
        "voorbereiding": "De acht vragen aan de aanvrager",
        "intervisie-werkblad": "Werkblad voor de intervisie",
        "vragenlijst-client": "Papieren vragenlijst voor de cliënt",
        "vragenlijst-deelnemer": "Papieren vragenlijst voor de deelnemers",
        "vragenlijst-coordinator": "Papieren vragenlijst voor de coördinator",
    }
    return fixed.get(code) or load_drukstuk(code).titel


def _casus(casus_id: str) -> Casus:
    from lco_kit.casus import load_casus  # noqa: PLC0415

    return load_casus(casus_id)


def _filename(code: str) -> str:
    return code.replace(":", "-") + ".pdf"


def document_pdf(code: str, made_on: date | None = None) -> bytes:
    """Return any printable document by its code (print pack, questionnaire, casus handout, role cards)."""
    kind, _, rest = code.partition(":")
    if kind == "casus":
        from lco_kit.casus import casus_handout  # noqa: PLC0415

        return casus_handout(_casus(rest), made_on=made_on)
    if kind == "rolkaarten":
        from lco_kit.rollenspel import cards_pdf  # noqa: PLC0415

        return cards_pdf(_casus(rest), made_on=made_on)
    if code.startswith("vragenlijst-") and code.removeprefix("vragenlijst-") in _PERSPECTIVES:
        from lco_kit.reflectie import load_instrument, paper_pdf  # noqa: PLC0415

        return paper_pdf(load_instrument(), code.removeprefix("vragenlijst-"))
    return drukstuk_pdf(code, made_on)


@dataclass(frozen=True)
class Printable:
    """One file a programme needs: its name, what it is, and how to make it (made on demand)."""

    filename: str
    label: str
    make: Callable[[], bytes]


def programme_documents(programma: str, made_on: date | None = None) -> list[Printable]:
    """Return every file a programme needs: each draaiboek of the programme, then what it says to print.

    Raises:
        LcoError: In Dutch, for an unknown programme or a document a draaiboek names that does not exist.
    """
    found: list[Printable] = []
    seen: set[str] = set()
    for book in draaiboeken(programma):
        found.append(
            Printable(
                f"draaiboek-{book.code}.pdf",
                drukwerk_text("draaiboek_label", titel=book.titel),
                partial(draaiboek_pdf, book, made_on),
            )
        )
        for item in book.afdrukken:
            if item.document in seen:
                continue
            seen.add(item.document)
            found.append(
                Printable(
                    _filename(item.document),
                    document_label(item.document),
                    partial(document_pdf, item.document, made_on),
                )
            )
    return found


def write_programme(programma: str, folder: Path, made_on: date | None = None) -> list[Path]:
    """Write every file of a programme into ``folder`` (made when missing); return their paths.

    Raises:
        LcoError: In Dutch, when the folder cannot be made or written, or the programme is unknown.
    """
    documents = programme_documents(programma, made_on)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise LcoError(drukwerk_text("fout_map", map=folder, reden=error.strerror or error)) from None
    written = []
    for item in documents:
        path = folder / item.filename
        try:
            path.write_bytes(item.make())
        except OSError as error:
            raise LcoError(drukwerk_text("fout_map", map=folder, reden=error.strerror or error)) from None
        written.append(path)
    return written
