"""The intervisie page: a casus, roles, rounds with a clock, notes, learning points, the harvest.

The casus is the kit's or the case owner's own (privacy-checked before it is shown); the
chair pauses and extends the clock of each round, types the notes and ties each learning
point to a principle; the harvest downloads as a PDF, and closing keeps nothing.

The running intervisie is kept as a draft under a random key in the page's address
(``?intervisie=…``), so a reload or a dropped connection goes on where it was; closing
deletes the draft. The clock ticks in a background thread (the kernel stays free).
"""

from __future__ import annotations

from urllib.parse import parse_qs

import ipywidgets as widgets

from lco_kit.casus import Casus, PrivacyFinding, find_profile, list_casussen
from lco_kit.codes import code_list
from lco_kit.config import log_unexpected
from lco_kit.errors import LcoError
from lco_kit.intervisie import (
    DraftStore,
    EigenCasus,
    Intervisie,
    form_findings,
    harvest_filename,
    harvest_findings,
    harvest_pdf,
    intervisie_text,
    public_host,
    seconds_per_minute,
)
from lco_kit.principes import load_principes
from lco_kit.ui.intervisie_formulier import EigenCasusFormulier, field, text_area, wide
from lco_kit.ui.page_address import PageAddress, when_requested
from lco_kit.ui.poller import Poller
from lco_kit.ui.widgets import DownloadLink, MessageArea, button, button_row, escape, guarded, html_block, section

__all__ = ["IntervisiePagina", "intervisie_page"]

t = intervisie_text


EXTRA_MINUTES = 2


def _findings_html(findings: list[tuple[str, PrivacyFinding]]) -> str:
    items = "".join(f"<li>{escape(where)}: {escape(finding.describe())}</li>" for where, finding in findings)
    return f"<ul>{items}</ul>"


class IntervisiePagina(widgets.VBox):
    """The whole intervisie page.

    Args:
        store: Where drafts are kept (default: the kit's data folder).
    """

    def __init__(self, store: DraftStore | None = None) -> None:
        self.store = store or DraftStore()
        self.session = Intervisie()
        self.key = ""
        self.address = PageAddress()
        self.messages = MessageArea()
        self._loading = False
        self.ticker = Poller(self._tick, seconds=0.5, name="lco-intervisie-klok", what="intervisie-klok")
        self._casus_section = self._build_casus()
        self._roles_section = self._build_roles()
        self._rounds_section = self._build_rounds()
        self._points_section = self._build_points()
        self._harvest_section = self._build_harvest()
        super().__init__(
            [
                self.address,
                self.messages,
                self._casus_section,
                self._roles_section,
                self._rounds_section,
                self._points_section,
                self._harvest_section,
            ],
            layout=wide(),
        )
        self.add_class("lco-intervisie")
        self._show_round()

    # ---------------------------------------------------------------- the casus

    def _build_casus(self) -> widgets.VBox:
        casussen = list_casussen()
        self.curated = field(
            widgets.Dropdown(
                description=t("pagina_kies_casus"),
                options=[(f"{c.titel} ({find_profile(c.profiel).label})", c.id) for c in casussen],
            ),
            "lco-intervisie-kies",
        )
        self.curated_question = text_area(t("veld_leervraag"), "lco-intervisie-leervraag-kit", rows=2)
        use = button(t("pagina_gebruik_casus"), "primary", "lco-intervisie-gebruik")
        use.on_click(guarded(self.messages, "het kiezen van de casus")(self._use_curated))
        curated_box = widgets.VBox([self.curated, self.curated_question, use], layout=wide())

        if public_host():
            own_box: widgets.Widget = html_block(f"<p>{escape(t('pagina_binder'))}</p>", "lco-intervisie-binder")
            self.own_form: EigenCasusFormulier | None = None
        else:
            self.own_form = EigenCasusFormulier(guarded(self.messages, "het nakijken van de casus")(self._use_own))
            own_box = self.own_form
        self.source = widgets.RadioButtons(
            description=t("pagina_kies_bron"),
            options=[(t("pagina_bron_kit"), "kit"), (t("pagina_bron_eigen"), "eigen")],
            value="kit",
        )
        self.source.add_class("lco-intervisie-bron")
        self.source_boxes = {"kit": curated_box, "eigen": own_box}
        own_box.layout.display = "none"
        self.source.observe(self._source_changed, names="value")
        self.casus_view = html_block(f"<p>{escape(t('pagina_geen_casus'))}</p>", "lco-intervisie-casus")
        self.findings_view = html_block("", "lco-intervisie-vondsten")
        return section(
            t("pagina_casus_titel"),
            t("pagina_casus_uitleg"),
            [self.source, curated_box, own_box, self.findings_view, self.casus_view],
            "lco-intervisie-casussectie",
        )

    def _source_changed(self, change: dict[str, object]) -> None:
        for key, box in self.source_boxes.items():
            box.layout.display = None if key == change["new"] else "none"

    def form(self) -> EigenCasus:
        """Return what the case owner typed."""
        assert self.own_form is not None
        return self.own_form.value()

    def _use_own(self, _button: object = None) -> None:
        form = self.form()
        findings = form_findings(form)
        if findings:
            self._hide_casus()
            self.findings_view.value = (
                f'<div role="alert"><p>{escape(t("pagina_vondsten"))}</p>{_findings_html(findings)}'
                f"<p>{escape(t('pagina_vondsten_advies'))}</p></div>"
            )
            return
        self.session.use_own_casus(form)
        self._after_casus()

    def _use_curated(self, _button: object = None) -> None:
        from lco_kit.casus import load_casus  # noqa: PLC0415

        self.session.casus = load_casus(str(self.curated.value))
        self.session.form = None
        self.session.leervraag = self.curated_question.value.strip()
        self._after_casus()

    def _hide_casus(self) -> None:
        self.session.casus = None
        self.session.form = None
        self.casus_view.value = f"<p>{escape(t('pagina_geen_casus'))}</p>"

    def _after_casus(self) -> None:
        self.findings_view.value = ""
        self._show_casus()
        self.messages.show(t("pagina_casus_getoond"))
        self._save()

    def _show_casus(self) -> None:
        casus = self.session.casus
        if casus is None:
            self._hide_casus()
            return
        self.casus_view.value = _casus_card(casus, self.session.leervraag)

    # ---------------------------------------------------------------- roles

    def _build_roles(self) -> widgets.VBox:
        self.role_inputs: dict[str, widgets.Text] = {}
        rows: list[widgets.Widget] = []
        for role in self.session.method.rollen:
            entry = field(widgets.Text(description=role.naam, placeholder=role.taak), f"lco-intervisie-rol-{role.code}")
            entry.observe(self._role_changed, names="value")
            self.role_inputs[role.code] = entry
            rows.append(entry)
        return section(t("pagina_rollen_titel"), t("pagina_rollen_uitleg"), rows, "lco-intervisie-rollen")

    def _role_changed(self, _change: object) -> None:
        self.session.roles = {code: entry.value.strip() for code, entry in self.role_inputs.items()}
        self._save()

    # ---------------------------------------------------------------- rounds and the clock

    def _build_rounds(self) -> widgets.VBox:
        self.round_view = html_block("", "lco-intervisie-ronde")
        self.clock = html_block("", "lco-intervisie-klok")
        self.start_button = button(t("pagina_start"), "primary", "lco-intervisie-start")
        self.pause_button = button(t("pagina_pauze"), "", "lco-intervisie-pauze")
        extend = button(t("pagina_verleng"), "", "lco-intervisie-verleng")
        self.previous_button = button(t("pagina_vorige"), "", "lco-intervisie-vorige")
        self.next_button = button(t("pagina_volgende"), "primary", "lco-intervisie-volgende")
        guard = guarded(self.messages, "de klok")
        self.start_button.on_click(guard(self._start))
        self.pause_button.on_click(guard(self._pause))
        extend.on_click(guard(self._extend))
        self.previous_button.on_click(guard(lambda _b: self._move(-1)))
        self.next_button.on_click(guard(lambda _b: self._move(1)))
        self.notes = text_area(t("veld_notities", nummer=1), "lco-intervisie-notities", rows=6)
        self.notes.observe(self._notes_changed, names="value")
        return section(
            t("pagina_rondes_titel"),
            t("pagina_rondes_uitleg"),
            [
                self.round_view,
                self.clock,
                button_row(self.start_button, self.pause_button, extend),
                self.notes,
                button_row(self.previous_button, self.next_button),
            ],
            "lco-intervisie-rondes",
        )

    def _show_round(self) -> None:
        method = self.session.method
        index = self.session.round
        ronde = method.rondes[index]
        questions = "".join(f"<li>{escape(q)}</li>" for q in ronde.hulpvragen)
        self.round_view.value = (
            f"<h3>{escape(t('pagina_ronde_kop', nummer=index + 1, totaal=len(method.rondes), titel=ronde.titel))}</h3>"
            f"<p><strong>{escape(t('pagina_ronde_wie', wie=ronde.wie))}</strong></p>"
            f"<p>{escape(ronde.uitleg)}</p>" + (f"<ul>{questions}</ul>" if questions else "")
        )
        self._loading = True
        try:
            self.notes.description = t("veld_notities", nummer=index + 1)
            self.notes.value = self.session.notes.get(ronde.code, "")
        finally:
            self._loading = False
        self.previous_button.disabled = index == 0
        self.next_button.disabled = self.session.last_round
        self._show_clock()

    def _show_clock(self) -> None:
        timer = self.session.timer
        over = timer.remaining() <= 0
        state = "lco-klok-om" if over else ("lco-klok-loopt" if timer.running else "lco-klok-pauze")
        warning = f'<p class="lco-klok-melding" role="alert">{escape(t("pagina_klok_om"))}</p>' if over else ""
        self.clock.value = (
            f'<div class="lco-klok {state}" role="timer" aria-label="{escape(t("pagina_klok_label"))}">'
            f'<span class="lco-klok-label">{escape(t("pagina_klok_label"))}</span> '
            f'<span class="lco-klok-tijd">{escape(timer.display())}</span></div>{warning}'
        )
        self.start_button.disabled = timer.running
        self.pause_button.disabled = not timer.running

    def _tick(self) -> None:
        self._show_clock()
        if not self.session.timer.running:
            self.ticker.stop()

    def _start(self, _button: object = None) -> None:
        self.session.timer.start()
        self._show_clock()
        self.ticker.start()

    def _pause(self, _button: object = None) -> None:
        self.session.timer.pause()
        self.ticker.stop()
        self._show_clock()
        self._save()

    def _extend(self, _button: object = None) -> None:
        self.session.timer.extend(EXTRA_MINUTES * seconds_per_minute())
        self._show_clock()
        self._save()

    def _move(self, step: int) -> None:
        self.ticker.stop()
        self.session.go_to(self.session.round + step)
        self._show_round()
        self._save()

    def _notes_changed(self, change: dict[str, object]) -> None:
        if self._loading:
            return
        self.session.set_note(self.session.method.rondes[self.session.round].code, str(change["new"]))
        self._save()

    # ---------------------------------------------------------------- learning points

    def _build_points(self) -> widgets.VBox:
        principes = load_principes()
        self.point_text = field(widgets.Text(description=t("veld_leerpunt")), "lco-intervisie-leerpunt")
        self.point_principle = field(
            widgets.Dropdown(
                description=t("veld_principe"),
                options=[(t("pagina_geen_principe"), "")] + [(p.naam, p.code) for p in principes.principes],
            ),
            "lco-intervisie-principe",
        )
        add = button(t("pagina_voeg_toe"), "primary", "lco-intervisie-voeg-toe")
        add.on_click(guarded(self.messages, "het toevoegen van het leerpunt")(self._add_point))
        self.points_view = html_block("", "lco-intervisie-leerpunten")
        self._show_points()
        return section(
            t("pagina_leerpunten_titel"),
            t("pagina_leerpunten_uitleg"),
            [self.point_text, self.point_principle, add, self.points_view],
            "lco-intervisie-leersectie",
        )

    def _add_point(self, _button: object = None) -> None:
        self.session.add_point(self.point_text.value, str(self.point_principle.value or "") or None)
        self.point_text.value = ""
        self._show_points()
        self._save()

    def _show_points(self) -> None:
        if not self.session.points:
            self.points_view.value = f"<p>{escape(t('pagina_geen_leerpunten'))}</p>"
            return
        principes = load_principes()
        items = "".join(
            f"<li>{escape(p.tekst)}"
            + (f" <em>({escape(principes.principe(p.principe).naam)})</em>" if p.principe else "")
            + "</li>"
            for p in self.session.points
        )
        self.points_view.value = f"<ol>{items}</ol>"

    # ---------------------------------------------------------------- harvest and closing

    def _build_harvest(self) -> widgets.VBox:
        make = button(t("pagina_maak_oogst"), "primary", "lco-intervisie-oogst")
        close = button(t("pagina_sluit"), "danger", "lco-intervisie-sluit")
        make.on_click(guarded(self.messages, "het maken van de oogst")(self._harvest))
        close.on_click(guarded(self.messages, "het afsluiten")(self._close))
        self.harvest_findings = html_block("", "lco-intervisie-oogst-vondsten")
        self.download = DownloadLink(t("pagina_oogst_download"), "intervisie-oogst.pdf", "application/pdf")
        self.download.add_class("lco-intervisie-download")
        return section(
            t("pagina_oogst_titel"),
            t("pagina_oogst_uitleg"),
            [make, self.harvest_findings, self.download, close],
            "lco-intervisie-oogstsectie",
        )

    def _harvest(self, _button: object = None) -> None:
        findings = harvest_findings(self.session)
        if findings:
            self.download.set_data(None)
            self.harvest_findings.value = (
                f'<div role="alert"><p>{escape(t("notities_privacy"))}</p>{_findings_html(findings)}</div>'
            )
            return
        self.harvest_findings.value = ""
        self.download.set_data(harvest_pdf(self.session), harvest_filename(self.session))
        self.messages.show(t("pagina_oogst_klaar"))

    def _close(self, _button: object = None) -> None:
        self.ticker.stop()
        if self.key:
            self.store.delete(self.key)
        self.session = Intervisie()
        self._fill_from_session()
        self.download.set_data(None)
        self.harvest_findings.value = ""
        self.findings_view.value = ""
        self.key = DraftStore.new_key()
        self.address.set(f"?intervisie={self.key}")
        self.messages.show(t("pagina_gesloten"))

    # ---------------------------------------------------------------- drafts

    def _save(self) -> None:
        if self.key and not self._loading:
            self.store.save(self.key, self.session)

    def open_address(self, query: str) -> None:
        """Go on with the intervisie in the address (after a reload), or start a new one there."""
        try:
            self.store.prune()
            key = (parse_qs(query.lstrip("?")).get("intervisie") or [""])[0]
            data = self.store.load(key) if key else None
            if data is not None:
                self.key = key
                try:
                    self.session = Intervisie.from_dict(data)
                except LcoError:
                    self.session = Intervisie()
                self._fill_from_session()
                self.messages.show(t("pagina_hersteld"))
                return
            self.key = DraftStore.new_key()
            self.address.set(f"?intervisie={self.key}")
        except Exception:  # the address arrives in a thread: say it, never die unseen
            reference = log_unexpected("intervisie-adres")
            self.messages.show(f"Er ging iets mis bij het openen van de intervisie (kenmerk {reference}).", "fout")

    def _fill_from_session(self) -> None:
        self._loading = True
        try:
            for code, entry in self.role_inputs.items():
                entry.value = self.session.roles.get(code, "")
            form = self.session.form
            if form is not None and self.own_form is not None:
                self.own_form.fill(form)
                self.source.value = "eigen"
            elif self.session.casus is not None:
                self.source.value = "kit"
                self.curated.value = self.session.casus.id
                self.curated_question.value = self.session.leervraag
        finally:
            self._loading = False
        self._show_casus()
        self._show_round()
        self._show_points()


def _casus_card(casus: Casus, question: str) -> str:
    domains = code_list("levensdomeinen")
    parts = [
        f"<h3>{escape(casus.titel)}</h3>",
        f"<p>{escape(casus.samenvatting)}</p>",
        f"<p><strong>{escape(t('pagina_casus_client'))}:</strong> {escape(casus.client.leeftijd_tekst)}, "
        f"{escape(casus.client.huishouden)}</p>",
        f"<p><strong>{escape(t('pagina_casus_hulpvraag'))}:</strong> “{escape(casus.hulpvraag)}”</p>",
        f"<p><strong>{escape(t('pagina_casus_goed'))}:</strong> {escape('; '.join(casus.wat_goed_gaat))}</p>",
        f"<p><strong>{escape(t('pagina_casus_domeinen'))}:</strong> "
        f"{escape(', '.join(domains.label(d.domein) for d in casus.levensdomeinen))}</p>",
        f"<p><strong>{escape(t('pagina_casus_diensten'))}:</strong> "
        f"{escape(', '.join(p.dienst for p in casus.hulpverleners))}</p>",
    ]
    if question:
        parts.append(f"<p><strong>{escape(t('veld_leervraag'))}:</strong> “{escape(question)}”</p>")
    return "".join(parts)


def intervisie_page(store: DraftStore | None = None) -> IntervisiePagina:
    """Return the intervisie page; it reads its address (a draft to go on with) without holding its cell."""
    page = IntervisiePagina(store)
    when_requested(page.open_address, page)
    return page
