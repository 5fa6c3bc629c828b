"""The stappenplan page (page 32): build the stappenplan and the verslag of an LCO, and its follow-up.

:func:`stappenplan_bouwer` returns the page's main widget (:class:`StappenplanBouwer`):

1. choose a casus (curated, simulated, or an uploaded casus file such as a follow-up);
2. for a follow-up: each earlier agreement with its status; say how it went and why, save
   the status into the casus, and take over what is not done;
3. the meeting: date, who was there, the life domains discussed, the spilfiguur;
4. the agreements (wat, wie, tegen wanneer), the client's own steps among them;
5. the knelpunten for the signal function;
6. check and make: every rule of :mod:`lco_kit.stappenplan` with a Dutch message, or the
   verslag (PDF, Markdown), the registration row (CSV) and the follow-up casus (YAML) to
   download, with a preview of the verslag as text.

All rules live in :mod:`lco_kit.stappenplan`; this module reads the widgets into a
:class:`~lco_kit.stappenplan.Stappenplan` and shows what comes back. Everything typed is
shown as text, never as HTML.

CSS classes for tests: ``lco-stappenplan`` (main widget), ``lco-sp-opvolging``,
``lco-sp-opvolging-status``, ``lco-sp-opvolging-reden``, ``lco-sp-overleg-datum``,
``lco-sp-spilfiguur``, ``lco-sp-afspraak``, ``lco-sp-wat``, ``lco-sp-wie``, ``lco-sp-datum``,
``lco-sp-verwijder``, ``lco-sp-afspraak-toevoegen``, ``lco-sp-knelpunt``,
``lco-sp-knelpunt-soort``, ``lco-sp-knelpunt-tekst``, ``lco-sp-knelpunten-casus``,
``lco-sp-geen-knelpunten``, ``lco-sp-maak``, ``lco-sp-problemen``, ``lco-sp-download-pdf``,
``lco-sp-download-md``, ``lco-sp-download-csv``, ``lco-sp-download-opvolging``,
``lco-sp-voorbeeld``, ``lco-sp-open-opvolging``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import ipywidgets as widgets

from lco_kit.casus import STATUSSEN, Afspraak, Casus, Knelpunt, casus_to_yaml, require_lco
from lco_kit.codes import code_list
from lco_kit.errors import LcoError
from lco_kit.registratie import check_row, registratie_csv, registratie_rij
from lco_kit.rollenspel import rollenspel_text
from lco_kit.stappenplan import (
    Stappenplan,
    check_stappenplan,
    follow_up_yaml,
    lco_gegevens,
    new_stappenplan,
    opening_view,
    owner_choices,
    owner_label,
    stappenplan_text,
    status_text,
    update_follow_up,
    verslag_filename,
    verslag_markdown,
    verslag_pdf,
    with_follow_up,
)
from lco_kit.traject import Traject, follow_up_traject, new_traject
from lco_kit.ui.casus_kiezer import CasusKiezer
from lco_kit.ui.page_address import when_requested
from lco_kit.ui.stappenplan_rijen import KIES, AfspraakRij, KnelpuntRij, labelled, problems_html
from lco_kit.ui.traject import TrajectBalk
from lco_kit.ui.widgets import DownloadLink, MessageArea, button, button_row, escape, guarded, html_block, section

__all__ = ["StappenplanBouwer", "stappenplan_bouwer"]

t = stappenplan_text


def _day(day: date | None) -> str:
    """Return a date as the page writes it (``15/03/2026``)."""
    return day.strftime("%d/%m/%Y") if day else ""


def stappenplan_bouwer(query: str | None = None) -> StappenplanBouwer:
    """Return the stappenplan page's main widget, opening the traject in its address once a person opens it.

    Args:
        query: The address's query (tests); None: read it when a person opens the page, without
            holding the page's cell in a kept kernel (see :func:`~lco_kit.ui.page_address.when_requested`).
    """
    page = StappenplanBouwer()
    if query is not None:
        page.open_address(query)
    else:
        when_requested(page.open_address, page)
    return page


class StappenplanBouwer(widgets.VBox):
    """Build the stappenplan of an LCO, check it, and make the verslag, the registration row and the follow-up.

    Attributes:
        plan: The stappenplan as the page last read it (``None`` before a casus is chosen).
    """

    def __init__(self) -> None:
        self.messages = MessageArea()
        self.plan: Stappenplan | None = None
        self._afspraken: list[AfspraakRij] = []
        self._knelpunten: list[KnelpuntRij] = []
        self._opvolging: list[tuple[widgets.Dropdown, widgets.Text]] = []

        self.opvolging = widgets.VBox(layout=widgets.Layout(width="100%"))
        self.opvolging.add_class("lco-sp-opvolging")
        self.overleg = widgets.VBox(layout=widgets.Layout(width="100%"))
        self.overleg.add_class("lco-sp-overleg")
        self.afspraken = widgets.VBox(layout=widgets.Layout(width="100%"))
        self.afspraken.add_class("lco-sp-afspraken")
        self.nog_afspraak = button(t("pagina_nog_afspraak"), "", "lco-sp-afspraak-toevoegen")
        self.nog_afspraak.on_click(lambda _: guarded(self.messages, t("pagina_wat_rij"))(self.add_agreement)())
        self.knelpunten = widgets.VBox(layout=widgets.Layout(width="100%"))
        self.knelpunten.add_class("lco-sp-knelpunten")
        self.nog_knelpunt = button(t("pagina_nog_knelpunt"), "", "lco-sp-knelpunt-toevoegen")
        self.nog_knelpunt.on_click(lambda _: guarded(self.messages, t("pagina_wat_rij"))(self.add_knelpunt)())
        self.casus_knelpunten = button(t("pagina_knelpunten_casus"), "", "lco-sp-knelpunten-casus")
        self.casus_knelpunten.on_click(
            lambda _: guarded(self.messages, t("pagina_wat_rij"))(self.take_casus_knelpunten)()
        )
        self.geen_knelpunten = widgets.Checkbox(value=False, description=t("pagina_geen_knelpunten"), indent=False)
        self.geen_knelpunten.add_class("lco-sp-geen-knelpunten")
        self.volgend = labelled(widgets.DatePicker(value=None, description=t("pagina_volgend")), "lco-sp-volgend")

        self.maak = button(t("pagina_maak"), "primary", "lco-sp-maak")
        self.maak.on_click(lambda _: guarded(self.messages, t("pagina_wat_maak"))(self.make)())
        self.problemen = html_block("", "lco-sp-problemen")
        self.downloads = self._download_links()
        self.open_opvolging = button(t("pagina_open_opvolging"), "", "lco-sp-open-opvolging")
        self.open_opvolging.on_click(lambda _: guarded(self.messages, t("pagina_wat_opvolging"))(self.open_follow_up)())
        self.open_opvolging.layout.display = "none"
        self.voorbeeld = html_block("", "lco-sp-voorbeeld")

        self._address_read = False
        self._opening: Traject | None = None
        self.traject = TrajectBalk(self.messages, self._open_traject, ["reflectie"], before_save=self._with_plan)
        self.kiezer = CasusKiezer(self._casus_changed, self.messages, gebruik="stappenplan")
        super().__init__(
            [
                section(t("pagina_casus_titel"), t("pagina_casus_uitleg"), [self.kiezer], "lco-sp-sectie-casus"),
                self.opvolging,
                section(t("pagina_overleg_titel"), t("pagina_overleg_uitleg"), [self.overleg], "lco-sp-sectie-overleg"),
                section(
                    t("pagina_afspraken_titel"),
                    t("pagina_afspraken_uitleg"),
                    [self.afspraken, self.nog_afspraak],
                    "lco-sp-sectie-afspraken",
                ),
                section(
                    t("pagina_knelpunten_titel"),
                    t("pagina_knelpunten_uitleg"),
                    [self.knelpunten, button_row(self.nog_knelpunt, self.casus_knelpunten), self.geen_knelpunten],
                    "lco-sp-sectie-knelpunten",
                ),
                section(
                    t("pagina_maak_titel"),
                    t("pagina_maak_uitleg"),
                    [self.volgend, self.maak, self.problemen, self.downloads, self.open_opvolging, self.voorbeeld],
                    "lco-sp-sectie-maak",
                ),
                self.traject,
                self.messages,
            ],
            layout=widgets.Layout(width="100%"),
        )
        self.add_class("lco-rollenspel")
        self.add_class("lco-stappenplan")
        self._lco_sections = self.children[1:-2]
        """The sections after the choice of a casus: hidden for a casus that is not an LCO."""
        if self.kiezer.casus is not None:
            guarded(self.messages, rollenspel_text("wat_casus_kiezen"))(self._casus_changed)(self.kiezer.casus)

    def _download_links(self) -> widgets.VBox:
        self.pdf = DownloadLink(t("pagina_download_pdf"), "verslag.pdf", "application/pdf")
        self.pdf.add_class("lco-sp-download-pdf")
        self.md = DownloadLink(t("pagina_download_md"), "verslag.md", "text/markdown")
        self.md.add_class("lco-sp-download-md")
        self.csv = DownloadLink(t("pagina_download_csv"), "registratie.csv", "text/csv")
        self.csv.add_class("lco-sp-download-csv")
        self.yaml = DownloadLink(t("pagina_download_opvolging"), "casus.yaml", "application/x-yaml")
        self.yaml.add_class("lco-sp-download-opvolging")
        box = widgets.VBox([self.pdf, self.md, self.csv, self.yaml], layout=widgets.Layout(width="100%"))
        box.add_class("lco-sp-downloads")
        box.layout.display = "none"
        return box

    # ------------------------------------------------------------ a casus is chosen

    @property
    def casus(self) -> Casus:
        """Return the chosen casus."""
        if self.kiezer.casus is None:
            raise LcoError(t("pagina_eerst_casus"))
        return self.kiezer.casus

    def _casus_changed(self, casus: Casus) -> None:
        for part in self._lco_sections:
            part.layout.display = "" if casus.is_lco else "none"
        if not casus.is_lco:
            self.plan = None
            self._clear_result()
        require_lco(casus, "stappenplan")
        traject = self._opening
        if traject is None and self._address_read:
            traject = self.traject.keep(new_traject(casus, self.kiezer.bron))
        # The traject's stappenplan: the role-play's setup in it, or the draft as it was left.
        plan = traject.stappenplan_van_vandaag() if traject is not None else new_stappenplan(casus)
        self.plan = plan
        self._build_follow_up(plan)
        self._build_meeting(plan)
        self._afspraken = []
        self._knelpunten = []
        self._rebuild_agreements(list(plan.afspraken) or [Afspraak.concept()])
        self._rebuild_knelpunten(list(plan.knelpunten))
        self.geen_knelpunten.value = plan.geen_knelpunten
        self.volgend.value = plan.volgend_overleg
        self._clear_result()

    # ------------------------------------------------------------ the traject

    def open_address(self, query: str) -> None:
        """Open the traject in the page's address (its casus and setup), or start one on the casus shown."""
        self._address_read = True
        # A new traject on the casus shown keeps what the page shows: the page was drawn before
        # its address arrived, and a person may already be typing in it.
        self.traject.open_or_start(query, self.kiezer.casus, self.kiezer.bron)

    def _open_traject(self, traject: Traject) -> None:
        self._opening = traject
        try:
            if self.kiezer.casus == traject.casus and self.kiezer.bron == traject.bron:
                self._casus_changed(traject.casus)
            else:
                self.kiezer.show_traject(traject.casus, traject.bron)
        finally:
            self._opening = None

    def _own_traject(self) -> Traject | None:
        """Return the page's traject when it is about the casus on the page."""
        current = self.traject.traject
        return current if current is not None and current.casus == self.kiezer.casus else None

    def _with_plan(self, traject: Traject) -> Traject:
        """Return the traject with the stappenplan as the page shows it (to save it to a file)."""
        return traject.met_stappenplan(self.read()) if self._own_traject() is traject else traject

    def _clear_result(self) -> None:
        self.problemen.value = ""
        self.voorbeeld.value = ""
        self.downloads.layout.display = "none"
        self.open_opvolging.layout.display = "none"
        for link in (self.pdf, self.md, self.csv, self.yaml):
            link.set_data(None)

    def _build_follow_up(self, plan: Stappenplan) -> None:
        self._opvolging = []
        casus = plan.casus
        if casus.vorige_lco is None:
            self.opvolging.children = ()
            return
        head = html_block(
            f"<h2>{escape(t('pagina_opvolging_titel'))}</h2><p>{escape(t('pagina_opvolging_uitleg'))}</p>",
            "lco-sectie-kop",
        )
        rows: list[widgets.Widget] = [head]
        for line in opening_view(casus, plan.datum):
            late = f' <span class="lco-sp-te-laat">{escape(t("pagina_te_laat"))}</span>' if line.te_laat else ""
            info = html_block(
                f"<p><strong>{escape(t('pagina_vorige_nr', nr=line.nummer))}</strong> {escape(line.afspraak.wat)}<br>"
                f"{escape(t('pagina_vorige_wie', wie=line.wie, datum=_day(line.afspraak.tegen_wanneer)))}"
                f"{late}</p>",
                "lco-sp-vorige",
            )
            told = plan.opvolging[line.nummer - 1] if line.nummer <= len(plan.opvolging) else None
            status = labelled(
                widgets.Dropdown(
                    options=[(status_text(s), s) for s in STATUSSEN],
                    value=told.status if told else line.afspraak.status,
                    description=t("pagina_stand", nr=line.nummer),
                ),
                "lco-sp-opvolging-status",
            )
            reason = labelled(
                widgets.Text(
                    value=(told.toelichting if told else "") or line.reden,
                    description=t("pagina_waarom", nr=line.nummer),
                    placeholder=t("pagina_waarom_voorbeeld"),
                    layout=widgets.Layout(width="100%"),
                ),
                "lco-sp-opvolging-reden",
            )
            self._opvolging.append((status, reason))
            row = widgets.VBox([info, status, reason], layout=widgets.Layout(width="100%"))
            row.add_class("lco-sp-rij")
            rows.append(row)
        save = button(t("pagina_stand_bewaren"), "", "lco-sp-stand-bewaren")
        self.stand = DownloadLink(t("pagina_download_stand"), f"{casus.id}.yaml", "application/x-yaml")
        self.stand.add_class("lco-sp-download-stand")
        save.on_click(lambda _: guarded(self.messages, t("pagina_wat_stand"))(self.save_status)())
        take = button(t("pagina_overnemen"), "", "lco-sp-overnemen")
        take.on_click(lambda _: guarded(self.messages, t("pagina_wat_rij"))(self.take_over_open)())
        rows += [button_row(save, take), self.stand]
        self.opvolging.children = tuple(rows)
        self.opvolging.add_class("lco-sectie")

    def _build_meeting(self, plan: Stappenplan) -> None:
        casus = plan.casus
        self.datum = labelled(
            widgets.DatePicker(value=plan.datum, description=t("pagina_datum")), "lco-sp-overleg-datum"
        )
        self.client_aanwezig = widgets.Checkbox(
            value=plan.client_aanwezig,
            description=t("pagina_client_aanwezig", client=casus.client.pseudoniem),
            indent=False,
        )
        self.client_aanwezig.add_class("lco-sp-client-aanwezig")
        self.aanwezig = []
        for provider in casus.hulpverleners:
            box = widgets.Checkbox(
                value=provider.id in plan.hulpverleners,
                description=t("pagina_aanwezig", wie=owner_label(casus, provider.id)),
                indent=False,
            )
            box.add_class("lco-sp-aanwezig")
            self.aanwezig.append((provider.id, box))
        self.minderjarigen = labelled(
            widgets.BoundedIntText(value=plan.minderjarigen, min=0, max=12, description=t("pagina_minderjarigen")),
            "lco-sp-minderjarigen",
        )
        self.vertrouwenspersoon = widgets.Checkbox(
            value=plan.vertrouwenspersoon, description=t("pagina_vertrouwenspersoon"), indent=False
        )
        self.vertrouwenspersoon.add_class("lco-sp-vertrouwenspersoon")
        self.domeinen = []
        for code in code_list("levensdomeinen").codes:
            box = widgets.Checkbox(value=code.code in plan.levensdomeinen, description=code.label, indent=False)
            box.add_class("lco-sp-domein")
            self.domeinen.append((code.code, box))
        domains = widgets.Box([b for _, b in self.domeinen], layout=widgets.Layout(width="100%"))
        domains.add_class("lco-sp-domeinen")
        self.spilfiguur = labelled(
            widgets.Dropdown(
                options=[(t("pagina_geen_spilfiguur"), KIES)]
                + [(owner_label(casus, p.id), p.id) for p in casus.hulpverleners],
                value=plan.spilfiguur or KIES,
                description=t("pagina_spilfiguur"),
            ),
            "lco-sp-spilfiguur",
        )
        self.gemeente = labelled(
            widgets.Text(value=plan.gemeente or "", description=t("pagina_gemeente")), "lco-sp-gemeente"
        )
        self.overleg.children = (
            self.datum,
            self.client_aanwezig,
            html_block(f"<h3>{escape(t('pagina_wie_aanwezig'))}</h3>", "lco-sp-kop"),
            *[b for _, b in self.aanwezig],
            self.minderjarigen,
            self.vertrouwenspersoon,
            html_block(f"<h3>{escape(t('pagina_domeinen'))}</h3>", "lco-sp-kop"),
            domains,
            self.spilfiguur,
            self.gemeente,
        )

    # ------------------------------------------------------------ rows

    def _show_rows(self) -> None:
        self.afspraken.children = tuple(self._afspraken)
        self.knelpunten.children = tuple(self._knelpunten)

    def add_agreement(self, agreement: Afspraak | None = None) -> None:
        """Add an agreement row (empty, or filled in)."""
        current = [row.agreement() for row in self._afspraken]
        current.append(agreement or Afspraak.concept())
        self._rebuild_agreements(current)

    def _rebuild_agreements(self, agreements: list[Afspraak]) -> None:
        owners = owner_choices(self.casus)
        self._afspraken = []
        for number, agreement in enumerate(agreements, start=1):
            row = AfspraakRij(number, owners, agreement)
            row.verwijder.on_click(
                lambda _, n=number: guarded(self.messages, t("pagina_wat_rij"))(self.remove_agreement)(n)
            )
            self._afspraken.append(row)
        self._show_rows()

    def remove_agreement(self, number: int) -> None:
        """Remove agreement ``number`` (1-based)."""
        current = [row.agreement() for row in self._afspraken]
        del current[number - 1]
        self._rebuild_agreements(current)

    def add_knelpunt(self, knelpunt: Knelpunt | None = None) -> None:
        """Add a knelpunt row (empty, or filled in)."""
        current = [row.knelpunt() for row in self._knelpunten]
        current.append(knelpunt or Knelpunt.concept())
        self._rebuild_knelpunten(current)

    def _rebuild_knelpunten(self, knelpunten: list[Knelpunt]) -> None:
        self._knelpunten = []
        for number, knelpunt in enumerate(knelpunten, start=1):
            row = KnelpuntRij(number, knelpunt)
            row.verwijder.on_click(
                lambda _, n=number: guarded(self.messages, t("pagina_wat_rij"))(self.remove_knelpunt)(n)
            )
            self._knelpunten.append(row)
        self._show_rows()

    def remove_knelpunt(self, number: int) -> None:
        """Remove knelpunt ``number`` (1-based)."""
        current = [row.knelpunt() for row in self._knelpunten]
        del current[number - 1]
        self._rebuild_knelpunten(current)

    def take_casus_knelpunten(self) -> None:
        """Add the knelpunten the casus names, to adapt to what was said at the table."""
        current = [row.knelpunt() for row in self._knelpunten if row.knelpunt() != Knelpunt.concept()]
        known = {(k.categorie, k.omschrijving) for k in current}
        for knelpunt in self.casus.knelpunten:
            if (knelpunt.categorie, knelpunt.omschrijving) not in known:
                current.append(knelpunt)
        self._rebuild_knelpunten(current)
        self.geen_knelpunten.value = False

    def take_over_open(self) -> None:
        """Add the earlier agreements that are not done as new agreements (with a new date to choose)."""
        plan = self.read()
        current = [row.agreement() for row in self._afspraken if row.agreement() != Afspraak.concept()]
        for earlier in plan.opvolging:
            if earlier.status != "gedaan":
                current.append(Afspraak.concept(earlier.wat, earlier.wie, None))
        self._rebuild_agreements(current or [Afspraak.concept()])

    # ------------------------------------------------------------ reading and making

    def read(self) -> Stappenplan:
        """Return the stappenplan as the page shows it now."""
        casus = self.casus
        base = new_stappenplan(casus, self.datum.value or date.today())
        traject = self._own_traject()
        if traject is not None:
            base = replace(
                base,
                traject_id=traject.id,
                coordinator=traject.opstelling.coordinator if traject.opstelling else None,
            )
        plan = replace(
            base,
            datum=self.datum.value or base.datum,
            client_aanwezig=bool(self.client_aanwezig.value),
            hulpverleners=tuple(pid for pid, box in self.aanwezig if box.value),
            minderjarigen=int(self.minderjarigen.value),
            vertrouwenspersoon=bool(self.vertrouwenspersoon.value),
            levensdomeinen=tuple(code for code, box in self.domeinen if box.value),
            spilfiguur=str(self.spilfiguur.value) or None,
            afspraken=tuple(row.agreement() for row in self._afspraken),
            knelpunten=tuple(row.knelpunt() for row in self._knelpunten),
            geen_knelpunten=bool(self.geen_knelpunten.value),
            volgend_overleg=self.volgend.value,
            gemeente=self.gemeente.value.strip() or None,
        )
        if self._opvolging:
            plan = with_follow_up(plan, [(str(s.value), r.value) for s, r in self._opvolging])
        self.plan = plan
        return plan

    def make(self) -> None:
        """Check the stappenplan; show every problem, or offer the verslag, the row and the follow-up."""
        self._clear_result()
        plan = self.read()
        problems = check_stappenplan(plan)
        if problems:
            self.problemen.value = problems_html(problems)
            self.messages.show(t("pagina_nog_niet", aantal=len(problems)), "fout")
            return
        gegevens = lco_gegevens(plan)
        warnings = check_row(registratie_rij(gegevens)).warnings
        self.pdf.set_data(verslag_pdf(plan), verslag_filename(plan, "pdf"))
        markdown = verslag_markdown(plan)
        self.md.set_data(markdown.encode("utf-8"), verslag_filename(plan, "md"))
        self.csv.set_data(registratie_csv(gegevens), f"registratie-{plan.casus.id}-{plan.datum.isoformat()}.csv")
        self.yaml.set_data(follow_up_yaml(plan).encode("utf-8"), f"{plan.casus.id}-opvolging.yaml")
        traject = self._own_traject()
        if traject is not None:
            self.traject.keep(traject.met_stappenplan(plan))
        self.downloads.layout.display = "flex"
        self.open_opvolging.layout.display = ""
        self.voorbeeld.value = f"<h3>{escape(t('pagina_voorbeeld'))}</h3><pre>{escape(markdown)}</pre>"
        message = t("pagina_klaar")
        if warnings:
            message += "\n" + "\n".join(warnings)
        self.messages.show(message, "let-op" if warnings else "ok")

    def open_follow_up(self) -> None:
        """Open the follow-up casus on this page: the next LCO starts with each agreement's status."""
        plan = self.read()
        traject = self._own_traject() or new_traject(plan.casus, self.kiezer.bron)
        follow = self.traject.keep(follow_up_traject(traject, plan))
        self._open_traject(follow)
        self.messages.show(t("pagina_opvolging_geopend", titel=plan.casus.titel), "ok")

    def save_status(self) -> None:
        """Write the status of each earlier agreement into the casus, to download."""
        casus = update_follow_up(self.casus, [(str(s.value), r.value) for s, r in self._opvolging])
        self.stand.set_data(casus_to_yaml(casus).encode("utf-8"), f"{casus.id}.yaml")
