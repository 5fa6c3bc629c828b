"""The role-play pages: solo practice (page 30) and the facilitator's table (page 31).

- :func:`oefen_rollenspel` → :class:`OefenRollenspel`: choose a casus, play it through the
  five phases moment by moment with feedback, and see the score per role at the end.
- :func:`begeleider_rollenspel` → :class:`BegeleiderRollenspel`: choose a casus, seat 4–8
  people and give each a role, check the setup (indication, neutrality, spilfiguur, the
  requester's checklist), deal the cards one at a time or project the public parts, print
  the card set, and reveal moments one by one on a projector.

Shared parts, also used by the stappenplan page: :class:`CasusKiezer` (a curated, simulated
or uploaded casus), :func:`card_html`, :func:`checks_html` and :class:`MomentSpeler`. All
logic lives in :mod:`lco_kit.rollenspel`; everything typed or uploaded is escaped.

CSS classes for tests: ``lco-rollenspel-oefenen`` and ``lco-rollenspel-begeleider`` (main
widgets); ``lco-casus-kiezer``, ``lco-rs-casus-samenvatting``; the player's
``lco-rs-speler``, ``lco-rs-start``, ``lco-rs-fasen``, ``lco-rs-voortgang``, ``lco-rs-moment``
(its content marked ``lco-rs-moment-id-<id>``), ``lco-rs-opties``, ``lco-rs-kies``, ``lco-rs-uitleg``,
``lco-rs-volgende``, ``lco-rs-score``, ``lco-rs-score-rol-<rol>``, ``lco-rs-opnieuw``; the
facilitator's ``lco-rs-zitjes``, ``lco-rs-zitje-naam``, ``lco-rs-zitje-rol``,
``lco-rs-controles``, ``lco-rs-uitdelen``, ``lco-rs-toon-kaart``, ``lco-rs-verberg-kaart``,
``lco-rs-kaart``, ``lco-rs-deler-tekst``, ``lco-rs-openbaar``, ``lco-rs-pdf``.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

import ipywidgets as widgets

from lco_kit.casus import MAX_CASUS_BYTES, Casus, load_casus_file, read_library, require_lco, simulate_casus
from lco_kit.casus.model import Gebruik
from lco_kit.errors import LcoError
from lco_kit.rollenspel import (
    FASEN,
    KIEZERS,
    Controle,
    Rolkaart,
    Scenario,
    ScenarioMoment,
    ScenarioScore,
    Terugkoppeling,
    build_scenario,
    cards_pdf,
    cards_pdf_filename,
    casus_facts,
    check_indicatie,
    check_setup,
    checklist,
    fase,
    load_moment_file,
    load_momenten,
    role_cards,
    rollen,
    rollenspel_text,
    score_chart,
    score_scenario,
)
from lco_kit.rollenspel.scenario import MomentenBank, moment_applies
from lco_kit.traject import WAARNEMER as TRAJECT_WAARNEMER
from lco_kit.traject import Bron, TafelOpstelling, Traject, new_traject, traject_text
from lco_kit.ui.traject import TrajectBalk
from lco_kit.ui.widgets import (
    DownloadLink,
    FileInput,
    MessageArea,
    UploadedFile,
    button,
    button_row,
    chart_image,
    escape,
    guarded,
    html_block,
    section,
    when_requested,
)

__all__ = [
    "ROLLENSPEL_CSS",
    "BegeleiderRollenspel",
    "CasusKiezer",
    "MomentSpeler",
    "OefenRollenspel",
    "begeleider_rollenspel",
    "card_html",
    "checks_html",
    "feedback_html",
    "moment_html",
    "oefen_rollenspel",
    "roles_overview_html",
    "score_html",
]

t = rollenspel_text

ROLLENSPEL_CSS = """<style>
  .lco-rollenspel, .lco-rs-speler, .lco-casus-kiezer { width: 100%; box-sizing: border-box; }
  .lco-rollenspel .widget-html-content { white-space: normal; line-height: 1.5; }
  .lco-rollenspel .widget-dropdown, .lco-rollenspel .widget-text, .lco-rollenspel .widget-datepicker {
    flex-wrap: wrap; height: auto; width: 100%; max-width: 100%; }
  .lco-rollenspel .widget-dropdown > label, .lco-rollenspel .widget-text > label,
  .lco-rollenspel .widget-datepicker > label {
    width: 100% !important; max-width: 100%; text-align: left; white-space: normal; padding-left: 0; margin: 0.2rem 0; }
  .lco-rollenspel .widget-dropdown > select, .lco-rollenspel .widget-text > input,
  .lco-rollenspel .widget-datepicker > input { flex: 1 1 auto; width: 100%; max-width: 44rem; min-height: 40px; }
  .lco-rollenspel .widget-upload { width: auto; max-width: 100%; }
  .lco-rs-fasen { display: flex; flex-wrap: wrap; gap: 0.4rem; list-style: none; padding: 0; margin: 0.5rem 0; }
  .lco-rs-fasen li { padding: 0.3rem 0.7rem; border-radius: 999px; border: 1px solid #c9c4b8; background: #fff; }
  .lco-rs-fasen li.lco-rs-fase-nu { background: var(--lco-blauw, #1f4e79); color: #fff; font-weight: 700; }
  .lco-rs-fasen li.lco-rs-fase-klaar { background: #e7f4ec; }
  .lco-rs-voortgang-tekst { font-weight: 600; display: block; margin: 0.25rem 0; }
  .lco-rs-moment .lco-rs-fase-label { font-size: 0.95rem; color: #3d3d3a; margin: 0; }
  .lco-rs-moment h3 { margin: 0.2rem 0 0.5rem; }
  .lco-rs-vraag { font-size: 1.15rem; font-weight: 600; }
  .lco-rs-opties { width: 100%; }
  .lco-rs-opties .widget-radio-box { width: 100%; }
  .lco-rs-opties .widget-radio-box label {
    display: flex; align-items: flex-start; gap: 0.6rem; white-space: normal; height: auto;
    min-height: 44px; line-height: 1.4; padding: 0.6rem 0.75rem; margin: 0.3rem 0; box-sizing: border-box;
    border: 1px solid #c9c4b8; border-radius: 6px; background: #fff; width: 100%; }
  .lco-rs-opties input[type=radio] { width: 1.3rem; height: 1.3rem; flex: none; margin: 0.1rem 0 0; order: -1; }
  .lco-rs-uitleg .lco-rs-oordeel { font-weight: 700; font-size: 1.1rem; }
  .lco-rs-optie-uitleg { border-left: 6px solid #c9c4b8; padding: 0.5rem 0.75rem; margin: 0.5rem 0;
    background: #fff; border-radius: 4px; }
  .lco-rs-optie-uitleg.lco-rs-juist { border-left-color: var(--lco-groen, #1e6b45); }
  .lco-rs-optie-uitleg.lco-rs-fout { border-left-color: var(--lco-rood, #9b1c1c); }
  .lco-rs-optie-uitleg .lco-rs-status { display: block; font-weight: 700; }
  .lco-rs-score table, .lco-rs-rollen table { border-collapse: collapse; width: 100%; }
  .lco-rs-score th, .lco-rs-score td, .lco-rs-rollen th, .lco-rs-rollen td {
    border: 1px solid #c9c4b8; padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
  .lco-rs-score th, .lco-rs-rollen th { background: var(--lco-blauw-licht, #e8f0f8); }
  .lco-rs-rollen { overflow-x: auto; }
  .lco-rs-kaart h4 { margin: 0.8rem 0 0.2rem; }
  .lco-rs-kaart .lco-rs-besloten { font-style: italic; color: #3d3d3a; }
  .lco-rs-controle { border-left: 6px solid #c9c4b8; padding: 0.4rem 0.75rem; margin: 0.4rem 0; background: #fff; }
  .lco-rs-controle-ok { border-left-color: var(--lco-groen, #1e6b45); }
  .lco-rs-controle-niet-ok { border-left-color: var(--lco-oranje, #8a4b00); }
  .lco-rs-zitje { border: 1px solid #c9c4b8; border-radius: 6px; padding: 0.25rem 0.5rem; margin: 0.25rem 0;
    background: #fff; width: 100%; box-sizing: border-box; }
  .lco-rs-checklist .widget-checkbox { width: 100%; height: auto; }
  .lco-rs-checklist .widget-checkbox label { white-space: normal; height: auto; line-height: 1.4; min-height: 44px;
    display: flex; align-items: center; gap: 0.5rem; }
  .lco-rs-checklist input[type=checkbox] { width: 1.3rem; height: 1.3rem; flex: none; }
  .lco-rs-projector .lco-rs-moment, .lco-rs-projector .lco-rs-uitleg { font-size: 1.25rem; }
  .lco-rs-projector .lco-rs-opties .widget-radio-box label { font-size: 1.2rem; }
</style>"""
"""The role-play's styles: large targets, text that wraps on a phone, readable on a projector."""


# ------------------------------------------------------------------ HTML of cards, checks, moments


def card_html(card: Rolkaart, *, openbaar: bool = False, zitje: str | None = None) -> str:
    """Return a role card as HTML (all text escaped); only its public parts when asked."""
    parts = card.openbare_delen if openbaar else card.delen
    head = f"<h3>{escape(card.label)}</h3>"
    if zitje:
        head += f'<p class="lco-rs-kaart-voor">{escape(t("kaart_voor", naam=zitje))}</p>'
    if not openbaar:
        head += f'<p class="lco-rs-besloten">{escape(t("pdf_persoonlijk"))}</p>'
    body = "".join(
        f"<h4>{escape(part.kop)}</h4><ul>{''.join(f'<li>{escape(line)}</li>' for line in part.regels)}</ul>"
        for part in parts
    )
    kind = "lco-rs-kaart-openbaar" if openbaar else "lco-rs-kaart-besloten"
    return f'<section class="lco-kaart lco-rs-kaart {kind} lco-rs-kaart-{escape(card.sleutel)}">{head}{body}</section>'


def checks_html(checks: Sequence[Controle]) -> str:
    """Return the outcome of the setup checks as HTML."""
    items = []
    for check in checks:
        mark = t("controle_ok" if check.ok else "controle_niet_ok")
        details = "".join(f"<li>{escape(line)}</li>" for line in check.details)
        items.append(
            f'<div class="lco-rs-controle lco-rs-controle-{"ok" if check.ok else "niet-ok"} '
            f'lco-rs-controle-{escape(check.code)}" role="status">'
            f"<strong>{escape(mark)} {escape(check.titel)}</strong><p>{escape(check.uitleg)}</p>"
            f"{f'<ul>{details}</ul>' if details else ''}</div>"
        )
    return "".join(items)


def roles_overview_html() -> str:
    """Return who does what, per role and per phase, as a table."""
    phases = [fase(code) for code in FASEN]
    head = "".join(f"<th scope='col'>{escape(p.naam)}</th>" for p in phases)
    rows = []
    for role in rollen():
        cells = "".join(
            "<td><ul>" + "".join(f"<li>{escape(task)}</li>" for task in role.taken.in_fase(p.code)) + "</ul></td>"
            for p in phases
        )
        rows.append(f"<tr><th scope='row'>{escape(role.naam)}<br><small>{escape(role.kern)}</small></th>{cells}</tr>")
    caption = escape(t("rollen_overzicht_bijschrift"))
    return (
        f'<div class="lco-rs-rollen"><table><caption>{caption}</caption>'
        f"<thead><tr><th scope='col'>{escape(t('rollen_overzicht_rol'))}</th>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def moment_html(moment: ScenarioMoment) -> str:
    """Return a moment's situation and question as HTML."""
    return (
        f'<div class="lco-rs-moment-inhoud lco-rs-moment-id-{escape(moment.id)}">'
        f'<p class="lco-rs-fase-label">{escape(t("moment_fase", fase=fase(moment.fase).naam))}</p>'
        f"<h3>{escape(moment.titel)}</h3>"
        f'<p class="lco-rs-situatie">{escape(moment.situatie)}</p>'
        f'<p class="lco-rs-vraag">{escape(moment.vraag)}</p></div>'
    )


def feedback_html(feedback: Terugkoppeling) -> str:
    """Return the feedback on a choice: the verdict, the reason, and every other option's reason."""
    verdict = t("oordeel_juist" if feedback.juist else "oordeel_fout")
    parts = [f'<p class="lco-rs-oordeel" role="status">{escape(verdict)}</p>']

    def option(label: str, tekst: str, uitleg: str, who: str | None, right: bool) -> str:
        actor = f" <small>({escape(t('optie_wie', rol=who))})</small>" if who else ""
        return (
            f'<div class="lco-rs-optie-uitleg {"lco-rs-juist" if right else "lco-rs-fout"}">'
            f'<span class="lco-rs-status">{escape(label)}</span>'
            f"<span>{escape(tekst)}{actor}</span><p>{escape(uitleg)}</p></div>"
        )

    chosen = feedback.gekozen
    parts.append(
        option(
            t("uitleg_gekozen_juist" if chosen.juist else "uitleg_gekozen_fout"),
            chosen.tekst,
            chosen.uitleg,
            chosen.wie_naam,
            chosen.juist,
        )
    )
    right = [o for o in feedback.overige if o.juist]
    wrong = [o for o in feedback.overige if not o.juist]
    for item in right:
        parts.append(option(t("uitleg_methode"), item.tekst, item.uitleg, item.wie_naam, right=True))
    if wrong:
        parts.append(f"<h4>{escape(t('uitleg_andere'))}</h4>")
        parts += [option(t("uitleg_andere_keuze"), o.tekst, o.uitleg, o.wie_naam, right=False) for o in wrong]
    return "".join(parts)


# ------------------------------------------------------------------ choosing a casus


class CasusKiezer(widgets.VBox):
    """Choose a casus: a curated one, a simulated one (from a number), or an uploaded file.

    Args:
        on_change: Called with the casus each time another one is chosen.
        messages: Where problems are shown.
        upload: Offer the upload of an own casus file (a follow-up casus, for instance).

    Attributes:
        casus: The chosen casus.
    """

    SIMULATED = "__gesimuleerd__"

    def __init__(
        self,
        on_change: Callable[[Casus], None],
        messages: MessageArea,
        *,
        upload: bool = True,
        gebruik: Gebruik = "rollenspel",
    ) -> None:
        self.gebruik: Gebruik = gebruik
        self._on_change = on_change
        self._notify = False  # the page reads ``casus`` once this chooser is built
        self.messages = messages
        library = read_library()
        self._known: dict[str, Casus] = {c.id: c for c in library.casussen}
        self._bronnen: dict[str, Bron] = {}
        self.keuze = widgets.Dropdown(
            options=self._options(),
            description=t("kiezer_label"),
            style={"description_width": "initial"},
            layout=widgets.Layout(width="100%"),
        )
        self.keuze.add_class("lco-rs-casus-keuze")
        self.seed = widgets.BoundedIntText(
            value=1, min=0, max=999_999, description=t("kiezer_seed"), style={"description_width": "initial"}
        )
        self.seed.add_class("lco-rs-seed")
        self.maak = button(t("kiezer_maak"), "", "lco-rs-maak-casus")
        self.maak.on_click(lambda _: guarded(self.messages, t("wat_casus_maken"))(self.simulate)())
        self.simulatie = button_row(self.seed, self.maak)
        self.simulatie.layout.display = "none"
        self.samenvatting = html_block("", "lco-rs-casus-samenvatting")
        children: list[widgets.Widget] = [self.keuze, self.simulatie]
        if upload:
            self.bestand = FileInput(
                self._uploaded,
                accept=(".yaml", ".yml"),
                max_bytes=MAX_CASUS_BYTES,
                label=t("kiezer_upload"),
                what=t("wat_casus_lezen"),
            )
            self.bestand.upload.layout.width = "auto"
            children.append(self.bestand)
        children.append(self.samenvatting)
        super().__init__(children, layout=widgets.Layout(width="100%"))
        self.add_class("lco-casus-kiezer")
        if library.fouten:
            details = "\n".join(str(e) for e in library.fouten)
            self.messages.show(f"{t('kiezer_fouten')}\n{details}", "let-op")
        self.casus: Casus | None = None
        self.keuze.observe(lambda _: guarded(self.messages, t("wat_casus_kiezen"))(self._chosen)(), names="value")
        if library.casussen:
            self._chosen()
        else:
            self.keuze.value = self.SIMULATED
        self._notify = True

    def _options(self) -> list[tuple[str, str]]:
        options = [
            (
                c.titel
                + (
                    t("kiezer_eigen")
                    if key.startswith("upload:")
                    else t("kiezer_traject")
                    if key.startswith("traject:")
                    else ""
                ),
                key,
            )
            for key, c in self._known.items()
        ]
        return [*options, (t("kiezer_simulatie"), self.SIMULATED)]

    def _chosen(self) -> None:
        key = self.keuze.value
        if key == self.SIMULATED:
            self.simulatie.layout.display = "flex"
            self.simulate()
            return
        self.simulatie.layout.display = "none"
        self._set(self._known[str(key)])

    def simulate(self) -> None:
        """Make a simulated casus from the number given, and choose it."""
        self._set(simulate_casus(int(self.seed.value)))

    def choose(self, casus: Casus, *, own: bool = True) -> None:
        """Choose a casus that is not in the library (an upload, a follow-up made on the page)."""
        key = f"upload:{casus.id}" if own else casus.id
        self._known[key] = casus
        self.keuze.options = self._options()
        if self.keuze.value == key:
            self._set(casus)
        else:
            self.keuze.value = key

    @property
    def bron(self) -> Bron:
        """Return where the chosen casus came from (the kit's library, a simulation, an upload, a traject)."""
        key = str(self.keuze.value)
        if key == self.SIMULATED:
            return "simulatie"
        if key.startswith("upload:"):
            return "upload"
        return self._bronnen.get(key, "bibliotheek")

    def show_traject(self, casus: Casus, bron: Bron) -> None:
        """Choose the casus of a traject: the library's own entry when it is the same casus, else its own entry."""
        if bron == "bibliotheek" and self._known.get(casus.id) == casus:
            key = casus.id
        else:
            key = f"traject:{casus.id}"
            self._known[key] = casus
            self._bronnen[key] = bron
            self.keuze.options = self._options()
        if self.keuze.value == key:
            self._set(casus)
        else:
            self.keuze.value = key

    def _uploaded(self, upload: UploadedFile) -> None:
        casus = load_casus_file(upload.data, upload.name)
        self.choose(casus)
        self.bestand.messages.show(t("kiezer_upload_ok", naam=upload.name, titel=casus.titel), "ok")

    def _set(self, casus: Casus) -> None:
        self.casus = casus
        self.samenvatting.value = self.summary(casus, self.gebruik)
        if self._notify:
            self._on_change(casus)

    @staticmethod
    def summary(casus: Casus, gebruik: Gebruik = "rollenspel") -> str:
        """Return the chosen casus as a short card, with the indication check.

        For a casus that is not an LCO (``geen_lco``) the card also says why it cannot be
        used here.
        """
        facts = casus_facts(casus)
        client = casus.client
        check = check_indicatie(casus)
        lines = [
            t(
                "samenvatting_client",
                client=client.pseudoniem,
                leeftijd=client.leeftijd_tekst,
                huishouden=client.huishouden,
            ),
            t(
                "samenvatting_hulpverleners",
                aantal=len(casus.hulpverleners),
                diensten=", ".join(p.dienst for p in casus.hulpverleners),
            ),
            t("samenvatting_coordinator", wie=facts.coordinator),
            t(
                "samenvatting_spilfiguur",
                wie=facts.label(facts.spilfiguur) if facts.spilfiguur else t("samenvatting_geen_spilfiguur"),
            ),
        ]
        if casus.vorige_lco is not None:
            lines.append(t("samenvatting_vorige", aantal=len(casus.vorige_lco.afspraken)))
        items = "".join(f"<li>{escape(line)}</li>" for line in lines)
        refusal = ""
        try:
            require_lco(casus, gebruik)
        except LcoError as error:
            refusal = f'<p class="lco-rs-geen-lco"><strong>{escape(str(error))}</strong></p>'
        return (
            f'<section class="lco-kaart lco-rs-casus"><h3>{escape(casus.titel)}</h3>'
            f"<p>{escape(casus.samenvatting)}</p><ul>{items}</ul>{checks_html([check])}{refusal}</section>"
        )


# ------------------------------------------------------------------ playing moments


class MomentSpeler(widgets.VBox):
    """Plays a scenario moment by moment: the situation, a choice, the feedback, and the score per role.

    Args:
        scenario: The scenario to play.
        messages: Where problems are shown.
        projector: Larger text, for a room.
        on_restart: Called by ‘Opnieuw’ (the page builds a new scenario); None plays this one again.

    Attributes:
        positie: The index of the moment shown (``len(momenten)`` at the end).
        keuzes: Moment id → the index of the option chosen.
    """

    def __init__(
        self,
        scenario: Scenario,
        messages: MessageArea,
        *,
        projector: bool = False,
        on_restart: Callable[[], None] | None = None,
    ) -> None:
        self.scenario = scenario
        self.messages = messages
        self.positie = 0
        self.keuzes: dict[str, int] = {}
        self._on_restart = on_restart
        self.fasen = html_block("", "lco-rs-fasen-vak")
        self.voortgang = html_block("", "lco-rs-voortgang")
        self.moment = html_block("", "lco-rs-moment")
        self.opties = widgets.RadioButtons(options=[], value=None, layout=widgets.Layout(width="auto"))
        self.opties.add_class("lco-rs-opties")
        self.kies = button(t("knop_kies"), "primary", "lco-rs-kies")
        self.kies.on_click(lambda _: guarded(self.messages, t("wat_keuze"))(self.choose)())
        self.uitleg = html_block("", "lco-rs-uitleg")
        self.volgende = button(t("knop_volgende"), "primary", "lco-rs-volgende")
        self.volgende.on_click(lambda _: guarded(self.messages, t("wat_volgende"))(self.next_moment)())
        self.opnieuw = button(t("knop_opnieuw"), "", "lco-rs-opnieuw")
        self.opnieuw.on_click(lambda _: guarded(self.messages, t("wat_opnieuw"))(self.restart)())
        self.score = widgets.VBox(layout=widgets.Layout(width="100%"))
        self.score.add_class("lco-rs-score-vak")
        super().__init__(
            [
                self.fasen,
                self.voortgang,
                self.moment,
                self.opties,
                button_row(self.kies, self.volgende),
                self.uitleg,
                self.score,
                button_row(self.opnieuw),
            ],
            layout=widgets.Layout(width="100%"),
        )
        self.add_class("lco-rs-speler")
        if projector:
            self.add_class("lco-rs-projector")
        self._show()

    @property
    def current(self) -> ScenarioMoment | None:
        """Return the moment shown, or None at the end."""
        moments = self.scenario.momenten
        return moments[self.positie] if self.positie < len(moments) else None

    def _phases(self, current: str | None) -> str:
        present = [code for code in FASEN if any(m.fase == code for m in self.scenario.momenten)]
        index = FASEN.index(current) if current else len(FASEN)
        items = []
        for code in present:
            position = FASEN.index(code)
            css = "lco-rs-fase-nu" if position == index else ("lco-rs-fase-klaar" if position < index else "")
            current_attr = ' aria-current="step"' if position == index else ""
            items.append(f'<li class="{css}"{current_attr}>{escape(fase(code).naam)}</li>')
        return f'<ol class="lco-rs-fasen" aria-label="{escape(t("fasen_label"))}">{"".join(items)}</ol>'

    def _show(self) -> None:
        moment = self.current
        total = len(self.scenario.momenten)
        self.uitleg.value = ""
        if moment is None:
            self._show_score()
            return
        # The moment first, the progress line last: once the line says ‘Moment n’, moment n is shown.
        self.moment.value = moment_html(moment)
        self.fasen.value = self._phases(moment.fase)
        self.opties.options = [(o.tekst, i) for i, o in enumerate(moment.opties)]
        self.opties.value = None
        self.opties.disabled = False
        self.opties.layout.display = ""
        self.kies.layout.display = ""
        self.kies.disabled = False
        self.volgende.layout.display = "none"
        self.score.children = ()
        self.voortgang.value = (
            f'<span class="lco-rs-voortgang-tekst">{escape(t("voortgang", nr=self.positie + 1, totaal=total))}</span>'
        )

    def choose(self, index: int | None = None) -> Terugkoppeling | None:
        """Judge the option chosen (the selected one by default) and show why."""
        moment = self.current
        if moment is None:
            return None
        chosen = self.opties.value if index is None else index
        if chosen is None:
            self.uitleg.value = f'<p class="lco-rs-eerst-kiezen" role="status">{escape(t("eerst_kiezen"))}</p>'
            return None
        feedback = moment.beoordeel(int(chosen))
        self.keuzes[moment.id] = int(chosen)
        self.uitleg.value = feedback_html(feedback)
        self.opties.disabled = True
        self.kies.layout.display = "none"
        self.volgende.layout.display = ""
        self.volgende.description = t(
            "knop_naar_score" if self.positie + 1 == len(self.scenario.momenten) else "knop_volgende"
        )
        self.volgende.tooltip = self.volgende.description
        return feedback

    def next_moment(self) -> None:
        """Go to the next moment, or to the score after the last one."""
        if self.current is not None and self.current.id not in self.keuzes:
            self.uitleg.value = f'<p class="lco-rs-eerst-kiezen" role="status">{escape(t("eerst_kiezen"))}</p>'
            return
        self.positie += 1
        self._show()

    def restart(self) -> None:
        """Start the scenario again (or let the page build a new one, with new option orders)."""
        if self._on_restart is not None:
            self._on_restart()
            return
        self.positie = 0
        self.keuzes = {}
        self._show()

    def _show_score(self) -> None:
        result = score_scenario(self.scenario, self.keuzes)
        self.fasen.value = self._phases(None)
        total = len(self.scenario.momenten)
        self.voortgang.value = (
            f'<span class="lco-rs-voortgang-tekst">{escape(t("voortgang_klaar", totaal=total))}</span>'
        )
        self.moment.value = ""
        self.opties.layout.display = "none"
        self.kies.layout.display = "none"
        self.volgende.layout.display = "none"
        summary = html_block(score_html(result), "lco-rs-score")
        self.score.children = (summary, chart_image(score_chart(result), width="100%", max_width="48rem"))


def _kern(code: str) -> str:
    return next(r.kern for r in rollen() if r.code == code)


def score_html(result: ScenarioScore) -> str:
    """Return the score per role as a table, with what to read again."""
    rows = "".join(
        f'<tr class="lco-rs-score-rol-{escape(s.rol)}"><th scope="row">{escape(s.naam)}</th>'
        f"<td>{s.juist}</td><td>{s.momenten}</td><td>{s.procent}%</td></tr>"
        for s in result.per_rol
    )
    weak = [s for s in result.per_rol if s.aandeel < 0.5]  # noqa: PLR2004  (less than half: read again)
    advice = (
        "".join(f"<li>{escape(t('score_herlees', rol=s.naam, kern=_kern(s.rol)))}</li>" for s in weak)
        if weak
        else f"<li>{escape(t('score_alles_goed'))}</li>"
    )
    headers = "".join(
        f"<th scope='col'>{escape(t(key))}</th>"
        for key in ("score_kolom_rol", "score_kolom_juist", "score_kolom_momenten", "score_kolom_procent")
    )
    total = t("score_totaal", juist=result.juist, momenten=result.momenten)
    return (
        f"<h3>{escape(t('score_titel'))}</h3>"
        f'<p class="lco-rs-score-totaal"><strong>{escape(total)}</strong></p>'
        f"<table><caption>{escape(t('score_tabel_bijschrift'))}</caption><thead><tr>{headers}</tr></thead>"
        f"<tbody>{rows}</tbody></table>"
        f"<h4>{escape(t('score_verder'))}</h4><ul>{advice}</ul>"
    )


# ------------------------------------------------------------------ page 30: solo practice


def oefen_rollenspel(seed: int | None = None, query: str | None = None) -> OefenRollenspel:
    """Return the solo practice page's main widget.

    The page opens the traject named in its address (``?traject=…``) once a person opens it,
    without holding its cell in a kept kernel (see :func:`~lco_kit.ui.widgets.when_requested`).

    Args:
        seed: Makes the order of the options repeatable (tests); None differs each visit.
        query: The address's query (tests); None: read it when a person opens the page.
    """
    page = OefenRollenspel(seed=seed)
    if query is not None:
        page.open_address(query)
    else:
        when_requested(page.open_address)
    return page


class OefenRollenspel(widgets.VBox):
    """Solo practice: choose a casus, play it through the five phases, see the score per role."""

    def __init__(self, *, seed: int | None = None) -> None:
        self._rng = random.Random(seed)  # noqa: S311  (the order of the options, not security)
        self.messages = MessageArea()
        self.kiezer = CasusKiezer(self._casus_changed, self.messages)
        self.start = button(t("knop_start"), "primary", "lco-rs-start")
        self.start.on_click(lambda _: guarded(self.messages, t("wat_start"))(self.begin)())
        self.rollen_knop = button(t("knop_rollen"), "", "lco-rs-rollen-knop")
        self.rollen = html_block(roles_overview_html(), "lco-rs-rollen-vak")
        self.rollen.layout.display = "none"
        self.rollen_knop.on_click(lambda _: self._toggle(self.rollen))
        self.speelveld = widgets.VBox(layout=widgets.Layout(width="100%"))
        self.speelveld.add_class("lco-rs-speelveld")
        self.speler: MomentSpeler | None = None
        self._address_read = False
        self._opening = False
        self.traject = TrajectBalk(self.messages, self._open_traject, ["stappenplan"])
        super().__init__(
            [
                widgets.HTML(ROLLENSPEL_CSS),
                section(t("oefen_kies_titel"), t("oefen_kies_uitleg"), [self.kiezer], "lco-rs-sectie-casus"),
                button_row(self.start, self.rollen_knop),
                self.rollen,
                self.speelveld,
                self.traject,
                self.messages,
            ],
            layout=widgets.Layout(width="100%"),
        )
        self.add_class("lco-rollenspel")
        self.add_class("lco-rollenspel-oefenen")

    @staticmethod
    def _toggle(widget: widgets.Widget) -> None:
        widget.layout.display = "none" if widget.layout.display != "none" else ""

    def _casus_changed(self, casus: Casus) -> None:
        self.speelveld.children = ()
        self.speler = None
        if self._address_read and not self._opening and casus.is_lco:
            self.traject.keep(new_traject(casus, self.kiezer.bron))

    def open_address(self, query: str) -> None:
        """Open the traject in the page's address, or start one on the casus shown."""
        self._address_read = True
        opened = guarded(self.messages, traject_text("open_wat"))(self.traject.open_address)(query)
        if not opened and self.kiezer.casus is not None and self.kiezer.casus.is_lco:
            self.traject.keep(new_traject(self.kiezer.casus, self.kiezer.bron))

    def _open_traject(self, traject: Traject) -> None:
        self._opening = True
        try:
            self.kiezer.show_traject(traject.casus, traject.bron)
        finally:
            self._opening = False

    def begin(self) -> None:
        """Build the scenario of the chosen casus and show its first moment."""
        casus = self.kiezer.casus
        if casus is None:
            raise LcoError(t("eerst_casus"))
        require_lco(casus, "rollenspel")
        scenario = build_scenario(casus, rng=random.Random(self._rng.getrandbits(32)))  # noqa: S311
        self.speler = MomentSpeler(scenario, self.messages, on_restart=self.begin)
        self.speelveld.children = (self.speler,)
        self.messages.clear()


# ------------------------------------------------------------------ page 31: the facilitator


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
        when_requested(page.open_address)
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
                widgets.HTML(ROLLENSPEL_CSS),
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
        self._lco_sections = self.children[2:-1]
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
            for q in checklist()
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
        opened = guarded(self.messages, traject_text("open_wat"))(self.traject.open_address)(query)
        casus = self.kiezer.casus
        if not opened and casus is not None and casus.is_lco:
            self.traject.keep(new_traject(casus, self.kiezer.bron))
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
        answers = {q.code: box.value for q, box in zip(checklist(), self.vragen, strict=True)}
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
