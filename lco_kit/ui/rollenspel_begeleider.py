"""Page 31: the facilitator's table for a role-play.

:func:`begeleider_rollenspel` → :class:`BegeleiderRollenspel`: choose a casus, seat 4–8
people and give each a role, check the setup (indication, neutrality, spilfiguur, the
requester's checklist), deal the cards one at a time or project the public parts, print the
card set, and reveal moments one by one on a projector. All logic lives in
:mod:`lco_kit.rollenspel`; everything typed or uploaded is escaped.

CSS classes for tests: ``lco-rollenspel-begeleider`` (the main widget); ``lco-rs-zitjes``,
``lco-rs-zitje-naam``, ``lco-rs-zitje-rol``, ``lco-rs-controles``, ``lco-rs-uitdelen``,
``lco-rs-toon-kaart``, ``lco-rs-verberg-kaart``, ``lco-rs-kaart``, ``lco-rs-deler-tekst``,
``lco-rs-openbaar``, ``lco-rs-pdf``.
"""

from __future__ import annotations

import random

import ipywidgets as widgets

from lco_kit.casus import Casus, require_lco
from lco_kit.errors import LcoError
from lco_kit.rollenspel import (
    KIEZERS,
    MomentenBank,
    Rolkaart,
    build_scenario,
    cards_pdf,
    cards_pdf_filename,
    casus_facts,
    check_setup,
    checklist,
    load_moment_file,
    load_momenten,
    moment_applies,
    role_cards,
    rollenspel_text,
)
from lco_kit.traject import WAARNEMER as TRAJECT_WAARNEMER
from lco_kit.traject import TafelOpstelling, Traject, new_traject
from lco_kit.ui.casus_kiezer import CasusKiezer
from lco_kit.ui.page_address import when_requested
from lco_kit.ui.rollenspel_html import card_html, checks_html
from lco_kit.ui.rollenspel_speler import MomentSpeler
from lco_kit.ui.traject import TrajectBalk
from lco_kit.ui.widgets import (
    DownloadLink,
    FileInput,
    MessageArea,
    UploadedFile,
    button,
    button_row,
    escape,
    guarded,
    html_block,
    section,
)

__all__ = [
    "CASUS_COORDINATOR",
    "MAX_ZITJES",
    "MIN_ZITJES",
    "WAARNEMER",
    "BegeleiderRollenspel",
    "begeleider_rollenspel",
]

t = rollenspel_text


def begeleider_rollenspel(seed: int | None = None, query: str | None = None) -> BegeleiderRollenspel:
    """Return the facilitator page's main widget, opening the traject in its address once a person opens it.

    Args:
        seed: Makes the order of the options repeatable (tests).
        query: The address's query (tests); None: read it when a person opens the page.
    """
    page = BegeleiderRollenspel(seed=seed)
    if query is not None:
        page.open_address(query)
    else:
        when_requested(page.open_address, page)
    return page


MIN_ZITJES, MAX_ZITJES = 4, 8
WAARNEMER = "__waarnemer__"
CASUS_COORDINATOR = "__casus__"


class BegeleiderRollenspel(widgets.VBox):
    """The facilitator's page for a table of 4–8 people.

    Attributes:
        kaarten: The role cards of the chosen casus and setup.
        uploads: Moments files uploaded on this page, as (name, bytes).
    """

    def __init__(self, *, seed: int | None = None) -> None:
        self._rng = random.Random(seed)  # noqa: S311  (the order of the options, not security)
        self.messages = MessageArea()
        self.kaarten: tuple[Rolkaart, ...] = ()
        self.uploads: list[tuple[str, bytes]] = []
        self._zitjes: list[tuple[widgets.Text, widgets.Dropdown]] = []
        self._deal_order: list[tuple[str, Rolkaart]] = []
        self._deal_index = 0
        self._ready = False
        self._quiet = False
        self._address_read = False
        self._opening = False

        self._build_table()
        checklist_box = self._build_setup()
        self._build_dealing()

        self.kiezer = CasusKiezer(self._casus_changed, self.messages)
        self.traject = TrajectBalk(self.messages, self._open_traject, ["stappenplan", "reflectie"])
        super().__init__(
            [
                section(
                    t("begeleider_casus_titel"), t("begeleider_casus_uitleg"), [self.kiezer], "lco-rs-sectie-casus"
                ),
                section(
                    t("begeleider_tafel_titel"),
                    t("begeleider_tafel_uitleg"),
                    [self.aantal, self.zitjes, self.zitjes_melding],
                    "lco-rs-sectie-tafel",
                ),
                section(
                    t("begeleider_opstelling_titel"),
                    t("begeleider_opstelling_uitleg"),
                    [self.coordinator, self.spilfiguur, self.gekozen_door, checklist_box, self.controles],
                    "lco-rs-sectie-opstelling",
                ),
                section(
                    t("begeleider_kaarten_titel"),
                    t("begeleider_kaarten_uitleg"),
                    [
                        button_row(self.uitdelen, self.openbaar_knop),
                        self.deler_tekst,
                        button_row(self.toon, self.verberg),
                        self.kaart,
                    ],
                    "lco-rs-sectie-kaarten",
                ),
                section(
                    t("begeleider_pdf_titel"),
                    t("begeleider_pdf_uitleg"),
                    [self.pdf_knop, self.pdf],
                    "lco-rs-sectie-pdf",
                ),
                section(
                    t("begeleider_momenten_titel"),
                    t("begeleider_momenten_uitleg"),
                    [self.momenten_start, self.momenten, self.eigen],
                    "lco-rs-sectie-momenten",
                ),
                self.traject,
                self.messages,
            ],
            layout=widgets.Layout(width="100%"),
        )
        self.add_class("lco-rollenspel")
        self.add_class("lco-rollenspel-begeleider")
        self._lco_sections = self.children[1:-1]
        """The sections after the choice of a casus: hidden for a casus that is not an LCO."""
        self.aantal.observe(lambda _: guarded(self.messages, t("wat_zitjes"))(self._build_seats)(), names="value")
        for control in (self.coordinator, self.spilfiguur, self.gekozen_door, *self.vragen):
            control.observe(lambda _: guarded(self.messages, t("wat_controle"))(self._setup_changed)(), names="value")
        self._ready = True
        if self.kiezer.casus is not None:
            guarded(self.messages, t("wat_casus_kiezen"))(self._casus_changed)(self.kiezer.casus)

    def _build_table(self) -> None:
        """Build the seats' controls."""
        self.aantal = widgets.Dropdown(
            options=list(range(MIN_ZITJES, MAX_ZITJES + 1)),
            value=6,
            description=t("zitjes_aantal"),
            style={"description_width": "initial"},
        )
        self.aantal.add_class("lco-rs-zitjes-aantal")
        self.zitjes = widgets.VBox(layout=widgets.Layout(width="100%"))
        self.zitjes.add_class("lco-rs-zitjes")
        self.zitjes_melding = html_block("", "lco-rs-zitjes-melding")

    def _build_setup(self) -> widgets.VBox:
        """Build the setup's controls; return the checklist."""
        self.coordinator = widgets.Dropdown(
            description=t("opstelling_coordinator"), style={"description_width": "initial"}
        )
        self.coordinator.add_class("lco-rs-opstelling-coordinator")
        self.spilfiguur = widgets.Dropdown(
            description=t("opstelling_spilfiguur"), style={"description_width": "initial"}
        )
        self.spilfiguur.add_class("lco-rs-opstelling-spilfiguur")
        self.gekozen_door = widgets.Dropdown(
            options=[(t(f"gekozen_door_{code}"), code) for code in KIEZERS],
            value="client",
            description=t("opstelling_gekozen_door"),
            style={"description_width": "initial"},
        )
        self.gekozen_door.add_class("lco-rs-opstelling-gekozen-door")
        self.vragen = [
            widgets.Checkbox(value=False, description=q.vraag, indent=False, layout=widgets.Layout(width="100%"))
            for q in checklist().vragen
        ]
        for box in self.vragen:
            box.add_class("lco-rs-checklist-vraag")
        box = widgets.VBox(
            [
                html_block(
                    f"<h3>{escape(t('checklist_titel'))}</h3><p>{escape(t('checklist_uitleg'))}</p>",
                    "lco-rs-checklist-kop",
                ),
                *self.vragen,
            ],
            layout=widgets.Layout(width="100%"),
        )
        box.add_class("lco-rs-checklist")
        self.controles = html_block("", "lco-rs-controles")
        return box

    def _build_dealing(self) -> None:
        """Build the controls to deal, print and play moments."""
        self.uitdelen = button(t("knop_uitdelen"), "primary", "lco-rs-uitdelen")
        self.uitdelen.on_click(lambda _: guarded(self.messages, t("wat_uitdelen"))(self.start_dealing)())
        self.openbaar_knop = button(t("knop_openbaar"), "", "lco-rs-openbaar-knop")
        self.openbaar_knop.on_click(lambda _: guarded(self.messages, t("wat_openbaar"))(self.show_public)())
        self.deler_tekst = html_block("", "lco-rs-deler-tekst")
        self.toon = button(t("knop_toon_kaart"), "primary", "lco-rs-toon-kaart")
        self.toon.on_click(lambda _: guarded(self.messages, t("wat_kaart_tonen"))(self.show_card)())
        self.verberg = button(t("knop_verberg_kaart"), "", "lco-rs-verberg-kaart")
        self.verberg.on_click(lambda _: guarded(self.messages, t("wat_kaart_verbergen"))(self.hide_card)())
        self.kaart = html_block("", "lco-rs-kaart-vak")
        self.toon.layout.display = "none"
        self.verberg.layout.display = "none"

        # printing
        self.pdf_knop = button(t("knop_pdf"), "", "lco-rs-pdf-knop")
        self.pdf_knop.on_click(lambda _: guarded(self.messages, t("wat_pdf"))(self.make_pdf)())
        self.pdf = DownloadLink(t("pdf_wat"), "rolkaarten.pdf", "application/pdf")
        self.pdf.add_class("lco-rs-pdf")

        # moments
        self.momenten_start = button(t("knop_momenten"), "primary", "lco-rs-momenten-start")
        self.momenten_start.on_click(lambda _: guarded(self.messages, t("wat_start"))(self.start_moments)())
        self.momenten = widgets.VBox(layout=widgets.Layout(width="100%"))
        self.momenten.add_class("lco-rs-momenten-vak")
        self.eigen = FileInput(
            self._moments_uploaded,
            accept=(".yaml", ".yml"),
            max_bytes=200_000,
            label=t("eigen_momenten_kies"),
            what=t("wat_momenten_lezen"),
        )
        self.eigen.upload.layout.width = "auto"

    # ------------------------------------------------------------ casus and setup

    @property
    def casus(self) -> Casus:
        """Return the chosen casus."""
        if self.kiezer.casus is None:
            raise LcoError(t("eerst_casus"))
        return self.kiezer.casus

    def _casus_changed(self, casus: Casus) -> None:
        if not self._ready:  # the casus chooser calls this while it builds itself
            return
        for part in self._lco_sections:
            part.layout.display = "" if casus.is_lco else "none"
        if not casus.is_lco:
            self.kaarten = ()
            self.momenten.children = ()
            self.kaart.value = ""
            self.pdf.set_data(None)
            require_lco(casus, "rollenspel")
        facts = casus_facts(casus)
        self._quiet = True
        self.coordinator.options = [(t("opstelling_coordinator_casus", wie=facts.coordinator), CASUS_COORDINATOR)] + [
            (t("opstelling_als_hulpverlener", wie=facts.label(p)), p.id) for p in casus.hulpverleners
        ]
        self.coordinator.value = CASUS_COORDINATOR
        self.spilfiguur.options = [(t("opstelling_geen_spilfiguur"), "")] + [
            (facts.label(p), p.id) for p in casus.hulpverleners
        ]
        self.spilfiguur.value = facts.spilfiguur.id if facts.spilfiguur else ""
        self._quiet = False
        self.momenten.children = ()
        self.deler_tekst.value = ""
        self.kaart.value = ""
        self.toon.layout.display = "none"
        self.verberg.layout.display = "none"
        self.pdf.set_data(None)
        if self._address_read and not self._opening:
            self.traject.keep(new_traject(casus, self.kiezer.bron))
        self._setup_changed()

    # ------------------------------------------------------------ the traject

    def open_address(self, query: str) -> None:
        """Open the traject in the page's address, or start one on the casus shown."""
        self._address_read = True
        if self.traject.open_or_start(query, self.kiezer.casus, self.kiezer.bron):
            self._remember_setup()

    def _open_traject(self, traject: Traject) -> None:
        """Show a traject's casus and its setup at the table, as it was left."""
        self._opening = True
        try:
            self.kiezer.show_traject(traject.casus, traject.bron)
            setup = traject.opstelling
            if setup is not None:
                self._quiet = True
                self.coordinator.value = setup.coordinator or CASUS_COORDINATOR
                self.spilfiguur.value = setup.spilfiguur or ""
                self.gekozen_door.value = setup.gekozen_door
                self._quiet = False
                self._setup_changed()
                if setup.rollen:
                    self.aantal.value = min(max(len(setup.rollen), MIN_ZITJES), MAX_ZITJES)
                    keys = {card.sleutel for card in self.kaarten}
                    for (_, role), key in zip(self._zitjes, setup.rollen, strict=False):
                        role.value = key if key in keys else WAARNEMER
        finally:
            self._quiet = False
            self._opening = False
        self._check_seats()

    def opstelling(self) -> TafelOpstelling:
        """Return the setup as the page shows it: who coordinates, the spilfiguur, the role on each seat."""
        coordinator = None if self.coordinator.value == CASUS_COORDINATOR else str(self.coordinator.value)
        return TafelOpstelling(
            coordinator=coordinator or None,
            spilfiguur=self._chosen_pivot(),
            gekozen_door=str(self.gekozen_door.value),
            rollen=tuple(TRAJECT_WAARNEMER if role.value == WAARNEMER else str(role.value) for _, role in self._zitjes),
        )

    def _remember_setup(self) -> None:
        """Keep the setup in the traject, so the stappenplan opens with it."""
        current = self.traject.traject
        if current is None or self._opening or not self._address_read or current.casus != self.kiezer.casus:
            return
        setup = self.opstelling()
        if setup != current.opstelling:
            self.traject.keep(current.met_opstelling(setup))

    def _chosen_pivot(self) -> str | None:
        return str(self.spilfiguur.value) or None

    def _setup_changed(self) -> None:
        if self._quiet or not self._ready:
            return
        casus = self.casus
        coordinator = None if self.coordinator.value == CASUS_COORDINATOR else str(self.coordinator.value)
        answers = {q.code: box.value for q, box in zip(checklist().vragen, self.vragen, strict=True)}
        checks = check_setup(
            casus,
            coordinator=coordinator,
            spilfiguur=self._chosen_pivot() or "",
            gekozen_door=str(self.gekozen_door.value),
            antwoorden=answers,
        )
        self.controles.value = checks_html(checks)
        self.kaarten = role_cards(casus, spilfiguur=self._chosen_pivot())
        self._build_seats()

    # ------------------------------------------------------------ seats

    def _build_seats(self) -> None:
        names = [name.value for name, _ in self._zitjes]
        options = [(card.label, card.sleutel) for card in self.kaarten] + [(t("zitje_waarnemer"), WAARNEMER)]
        rows = []
        self._zitjes = []
        for number in range(int(self.aantal.value)):
            name = widgets.Text(
                value=names[number] if number < len(names) else "",
                placeholder=t("zitje_naam_voorbeeld"),
                description=t("zitje_naam", nr=number + 1),
                style={"description_width": "initial"},
            )
            name.add_class("lco-rs-zitje-naam")
            default = self.kaarten[number].sleutel if number < len(self.kaarten) else WAARNEMER
            role = widgets.Dropdown(
                options=options,
                value=default,
                description=t("zitje_rol", nr=number + 1),
                style={"description_width": "initial"},
            )
            role.add_class("lco-rs-zitje-rol")
            role.observe(lambda _: guarded(self.messages, t("wat_zitjes"))(self._check_seats)(), names="value")
            row = widgets.VBox([name, role], layout=widgets.Layout(width="100%"))
            row.add_class("lco-rs-zitje")
            rows.append(row)
            self._zitjes.append((name, role))
        self.zitjes.children = tuple(rows)
        self._check_seats()

    def seats(self) -> list[tuple[str, Rolkaart | None]]:
        """Return each seat's name (or ‘zitje n’) with its card (None for an observer)."""
        by_key = {card.sleutel: card for card in self.kaarten}
        result = []
        for number, (name, role) in enumerate(self._zitjes, start=1):
            shown = name.value.strip() or t("zitje_standaard", nr=number)
            result.append((shown, by_key.get(str(role.value))))
        return result

    def _check_seats(self) -> str | None:
        keys = [str(role.value) for _, role in self._zitjes if role.value != WAARNEMER]
        doubles = sorted({k for k in keys if keys.count(k) > 1})
        if doubles:
            labels = ", ".join(card.label for card in self.kaarten if card.sleutel in doubles)
            problem = t("zitjes_dubbel", rollen=labels)
            self.zitjes_melding.value = f'<p class="lco-rs-zitjes-fout" role="alert">{escape(problem)}</p>'
            return problem
        left = [card for card in self.kaarten if card.sleutel not in keys]
        self.zitjes_melding.value = (
            f"<p>{escape(t('zitjes_niet_gespeeld', rollen='; '.join(c.label for c in left)))}</p>" if left else ""
        )
        self._remember_setup()
        return None

    # ------------------------------------------------------------ dealing

    def start_dealing(self) -> None:
        """Start handing the laptop round: one card at a time, each for its seat."""
        problem = self._check_seats()
        if problem:
            raise LcoError(problem)
        self._deal_order = [(name, card) for name, card in self.seats() if card is not None]
        if not self._deal_order:
            raise LcoError(t("geen_kaarten_toegewezen"))
        self._deal_index = 0
        self._announce()

    def _announce(self) -> None:
        self.kaart.value = ""
        self.verberg.layout.display = "none"
        if self._deal_index >= len(self._deal_order):
            self.deler_tekst.value = f'<p class="lco-rs-deler-klaar" role="status">{escape(t("deler_klaar"))}</p>'
            self.toon.layout.display = "none"
            return
        name, card = self._deal_order[self._deal_index]
        turn = t("deler_geef_door", nr=self._deal_index + 1, totaal=len(self._deal_order), naam=name, rol=card.titel)
        self.deler_tekst.value = f'<p role="status">{escape(turn)}</p>'
        self.toon.layout.display = ""

    def show_card(self) -> None:
        """Show the card of the seat whose turn it is."""
        if self._deal_index >= len(self._deal_order):
            return
        name, card = self._deal_order[self._deal_index]
        self.kaart.value = card_html(card, zitje=name)
        self.toon.layout.display = "none"
        self.verberg.layout.display = ""

    def hide_card(self) -> None:
        """Hide the card and announce the next seat."""
        self._deal_index += 1
        self._announce()

    def show_public(self) -> None:
        """Show, for the projector, who plays which role and the public parts of every card."""
        self.toon.layout.display = "none"
        self.verberg.layout.display = "none"
        self.deler_tekst.value = f"<p>{escape(t('openbaar_uitleg'))}</p>"
        cards = [card_html(card, openbaar=True, zitje=name) for name, card in self.seats() if card is not None]
        self.kaart.value = f'<div class="lco-rs-openbaar">{"".join(cards)}</div>'

    # ------------------------------------------------------------ printing

    def make_pdf(self) -> None:
        """Make the card set as a PDF, with the names of the seats."""
        casus = self.casus
        seats = {card.sleutel: name for name, card in self.seats() if card is not None}
        self.pdf.set_data(cards_pdf(casus, self.kaarten, seats), cards_pdf_filename(casus))

    # ------------------------------------------------------------ moments

    def _moments_uploaded(self, upload: UploadedFile) -> None:
        bank: MomentenBank = load_moment_file(upload.data, upload.name)
        loaded = load_momenten([*self.uploads, (upload.name, upload.data)])
        if loaded.fouten:
            raise LcoError("\n".join(str(e) for e in loaded.fouten))
        self.uploads.append((upload.name, upload.data))
        facts = casus_facts(self.casus, self._chosen_pivot())
        fitting = sum(moment_applies(m, facts) for m in bank.momenten)
        self.eigen.messages.show(
            t("eigen_momenten_ok", naam=upload.name, aantal=len(bank.momenten), passend=fitting), "ok"
        )

    def start_moments(self) -> None:
        """Build the scenario (with the uploaded moments) and show its first moment, large."""
        loaded = load_momenten(self.uploads)
        if loaded.fouten:
            self.messages.show("\n".join(str(e) for e in loaded.fouten), "let-op")
        scenario = build_scenario(
            self.casus,
            loaded.momenten,
            spilfiguur=self._chosen_pivot(),
            rng=random.Random(self._rng.getrandbits(32)),  # noqa: S311
        )
        self.momenten.children = (MomentSpeler(scenario, self.messages, projector=True, on_restart=self.start_moments),)
