"""The reflection's facilitator page: open a session, show the code, follow the results live (:func:`begeleiderpagina`).

Open a session (or reopen one with the
secret), show the join code big with a QR code of the join address, and follow the results
live: a background thread polls the store every few seconds and redraws when something
changed; it reports its own errors on the page and stops when the session is closed or
deleted.

The facilitator's secret is the key of a traject (the first LCO of a casus and its
follow-ups). It is shown once, on its own step before the projected part, with a key card to
download; it never enters the page's address (which ``/voila/query`` and the projector show).
The browser keeps it for the tab (``sessionStorage``, see the template's ``lco-geheim``)
through :class:`SecretKeeper`, so a reload reopens the session without asking. The trend,
the reports and the exports show only the sessions the key opens. Paper questionnaires are
typed in on the page and stored like the command line's ``submit``.

Everything a respondent typed is shown as text, never as HTML. The answer page is
:mod:`lco_kit.ui.reflectie_invullen`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets

from lco_kit import config
from lco_kit.errors import LcoError
from lco_kit.reflectie import KINDS, PERSPECTIVES, ReflectieStore, Sessie, normalise_code, score_text, text
from lco_kit.ui.papier_invoer import PapierInvoer
from lco_kit.ui.poller import Poller
from lco_kit.ui.reflectie_resultaten import counts_table, results_parts, trend_box
from lco_kit.ui.reflectie_teksten import btext, text_block
from lco_kit.ui.secret_keeper import SecretKeeper
from lco_kit.ui.widgets import (
    DownloadLink,
    MessageArea,
    button,
    escape,
    guarded,
    html_block,
    qr_image,
)

__all__ = ["BegeleiderPagina", "begeleiderpagina", "results_poller"]

POLL_SECONDS = 2.0
CHART_PAUSE_SECONDS = 4.0
_PDF = "application/pdf"
_CSV = "text/csv"
_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_THRESHOLDS = (0.5, 1.0, 1.5, 2.0)


def results_poller(
    tick: Callable[[], bool], on_error: Callable[[str, bool], None], seconds: float = POLL_SECONDS
) -> Poller:
    """Return the poller that follows a session's results (it stops after five failures in a row, and says so)."""
    return Poller(
        tick,
        on_error,
        seconds,
        name="lco-reflectie-poller",
        what="het bijwerken van de resultaten",
        defect=lambda reference: text("bijwerken_fout", kenmerk=reference),
    )


@dataclass
class _Shown:
    fingerprint: tuple[object, ...] | None = None
    charts_at: float = 0.0
    charts_for: tuple[object, ...] | None = None


class BegeleiderPagina(widgets.VBox):
    """The facilitator page as one widget (class ``lco-reflectie-begeleider``).

    Args:
        store: The store (default: the kit's store).
        poll_seconds: How often the results are checked for news.
        start_polling: Start the background thread (tests drive :meth:`poll_once` instead).
    """

    def __init__(
        self, store: ReflectieStore | None = None, *, poll_seconds: float = POLL_SECONDS, start_polling: bool = True
    ) -> None:
        self.messages = MessageArea()
        self.body = widgets.VBox()
        self.keeper = SecretKeeper(guarded(self.messages, "het openen van de sessie")(self.restore))
        super().__init__([self.body, self.messages, self.keeper])
        self.add_class("lco-reflectie")
        self.add_class("lco-reflectie-begeleider")
        self._store = store
        self.session: Sessie | None = None
        self._key: str | None = None  # the traject's key: in this kernel only, never on the page
        self._lock = threading.RLock()
        self._shown = _Shown()
        self._start_polling = start_polling
        self.poller = results_poller(self.poll_once, self._poll_error, poll_seconds)
        guarded(self.messages, "het openen van de pagina")(self.show_start)()

    @property
    def store(self) -> ReflectieStore:
        """Return the store, opened on first use."""
        if self._store is None:
            self._store = ReflectieStore()
        return self._store

    # ------------------------------------------------------------------ start

    def show_start(self) -> None:
        """Show how to open a new session or reopen one, and the paper forms."""
        self.kind = widgets.Dropdown(
            options=[(text(f"soort_{k}"), k) for k in KINDS],
            value="lco",
            description=text("soort_label"),
            style={"description_width": "initial"},
        )
        self.kind.add_class("lco-soort")
        self.title_input = widgets.Text(
            description=text("titel_label"), placeholder=text("titel_voorbeeld"), style={"description_width": "initial"}
        )
        self.title_input.add_class("lco-titel-invoer")
        self.min_group = widgets.BoundedIntText(
            value=3, min=1, max=100, description=text("min_groep_label"), style={"description_width": "initial"}
        )
        self.min_group.add_class("lco-min-groep")
        new = button(text("nieuwe_sessie"), "primary", "lco-nieuwe-sessie")
        new.on_click(lambda _: guarded(self.messages, "het openen van een sessie")(self.new_session)())
        self.secret_input = widgets.Password(
            description=text("geheim_label"), placeholder="XXXX-XXXX-XXXX-XXXX", style={"description_width": "initial"}
        )
        self.secret_input.add_class("lco-geheim-invoer")
        reopen = button(text("heropenen"), "", "lco-heropen")
        reopen.on_click(
            lambda _: guarded(self.messages, "het openen van de sessie")(self.reopen)(self.secret_input.value)
        )
        follow_up = button(btext("opvolging_knop"), "", "lco-opvolging-starten")
        follow_up.on_click(
            lambda _: guarded(self.messages, "het openen van een opvolg-LCO")(self.new_follow_up)(
                self.secret_input.value
            )
        )
        self.paper_box = widgets.VBox()
        paper = button(text("papier_maken"), "", "lco-papier-maken")
        paper.on_click(lambda _: guarded(self.messages, "het maken van de papieren versie")(self.make_paper)())
        self.body.children = [
            text_block("nieuwe_sessie_titel", tag="h2"),
            text_block("nieuwe_sessie_uitleg"),
            self.kind,
            self.title_input,
            self.min_group,
            new,
            text_block("heropenen_titel", tag="h2"),
            html_block(f"<p>{escape(btext('heropen_opvolging_uitleg'))}</p>", "lco-heropen-uitleg"),
            self.secret_input,
            widgets.HBox([reopen, follow_up]).add_class("lco-knoppen"),
            text_block("papier_titel", tag="h2"),
            text_block("papier_uitleg"),
            paper,
            self.paper_box,
        ]

    def make_paper(self) -> None:
        """Offer the paper questionnaire of every perspective as PDF."""
        from lco_kit.reflectie import load_instrument, paper_pdf  # noqa: PLC0415

        instrument = load_instrument()
        links = []
        for perspective in PERSPECTIVES:
            label = instrument.perspective(perspective).label
            link = DownloadLink(text("papier_link", perspectief=label.lower()), f"vragenlijst-{perspective}.pdf", _PDF)
            link.set_data(paper_pdf(instrument, perspective))
            link.add_class(f"lco-papier-{perspective}")
            links.append(link)
        self.paper_box.children = links

    def new_session(self) -> None:
        """Open a new session (a new traject) and show its secret once, before anything is projected."""
        opened = self.store.create_session(
            self.kind.value,
            title=self.title_input.value,
            min_group=int(self.min_group.value),
        )
        self.show_key(opened.session, opened.secret)

    def new_follow_up(self, secret: str, title: str = "") -> None:
        """Open a follow-up LCO in the traject this secret opens; the secret stays the same."""
        if not secret.strip():
            raise LcoError(text("geheim_leeg"))
        latest = self.store.session_for_secret(secret)
        if latest.soort != "lco":
            raise LcoError(btext("opvolging_alleen_lco"))
        opened = self.store.create_session("lco", title=title, key=secret, threshold=latest.drempel)
        self._key = opened.secret
        self.keeper.keep(opened.secret)
        self.open_session(opened.session)
        self.messages.show(btext("opvolging_geopend", code=opened.session.code), "ok")

    def show_key(self, session: Sessie, secret: str) -> None:
        """Show the secret this once, with the key card to download; the code for the room comes after."""
        from lco_kit.reflectie import key_card_pdf  # noqa: PLC0415

        self.poller.stop()
        self.session, self._key = None, secret
        self.keeper.keep(secret)
        card = DownloadLink(btext("sleutelkaart"), f"sleutelkaart-{session.code.lower()}.pdf", _PDF)
        card.set_data(key_card_pdf(session, secret))
        card.add_class("lco-sleutelkaart")
        done = button(btext("sleutel_bewaard"), "primary", "lco-sleutel-bewaard")
        done.on_click(lambda _: guarded(self.messages, "het tonen van de sessie")(self.open_session)(session))
        self.body.children = [
            html_block(
                f"<h2>{escape(btext('sleutel_titel'))}</h2><p>{escape(btext('sleutel_uitleg'))}</p>",
                "lco-sleutel-uitleg",
            ),
            html_block(
                f"<p>{escape(btext('sleutel_geheim_label'))}: "
                f'<code class="lco-geheim-waarde">{escape(secret)}</code></p>',
                "lco-geheim",
            ),
            card,
            done,
        ]

    def reopen(self, secret: str) -> None:
        """Open the newest session of the traject this secret opens (the secret is not shown again)."""
        if not secret.strip():
            raise LcoError(text("geheim_leeg"))
        session = self.store.session_for_secret(secret)
        self._key = secret.strip()
        self.keeper.keep(self._key)
        self.open_session(session)
        self.secret_input.value = ""
        self.messages.show(text("heropend", code=session.code), "ok")

    def restore(self, secret: str) -> None:
        """Take the secret the browser kept: reopen after a reload; nothing to do for the echo of one just kept."""
        if self._key is not None and normalise_code(secret) == normalise_code(self._key):
            return
        if self.session is not None:
            return
        try:
            session = self.store.session_for_secret(secret)
        except LcoError:
            self.keeper.forget()  # deleted meanwhile: the browser need not keep it
            return
        self._key = secret
        self.open_session(session)

    def leave(self) -> None:
        """Leave the session: stop following it and let the browser forget the secret."""
        self.poller.stop()
        self.keeper.forget()
        self.session, self._key = None, None
        self.show_start()
        self.messages.show(btext("verlaten_melding"), "ok")

    # ------------------------------------------------------------------ dashboard

    def open_session(self, session: Sessie) -> None:
        """Show a session's dashboard and start following its results."""
        with self._lock:
            self.session = session
            self._shown = _Shown()
            self.messages.clear()
            self.counts_html = html_block("", "lco-aantallen")
            self.status_html = html_block("", "lco-status")
            self.results = widgets.VBox()
            self.results.add_class("lco-resultaten")
            self.downloads = widgets.VBox()
            self.paper_entry = PapierInvoer(self)
            self.body.children = [
                self._join_box(session),
                self.status_html,
                self.counts_html,
                self._controls(session),
                self.results,
                self.paper_entry,
                self._export_box(),
                self._traject_box(session),
                self._end_box(),
            ]
            self.refresh(force_charts=True)
        if session.is_open and self._start_polling:
            self.poller.start()

    def _join_box(self, session: Sessie) -> widgets.Widget:
        # On a shared server the QR code leads to the public participant service, with the join token.
        token = self.store.join_token(self._key, session.code) if self._key and config.join_tokens_used() else ""
        url = config.participant_url(session.code, token)
        title = session.titel or session.instrument.titel
        parts: list[widgets.Widget] = [html_block(f"<h2>{escape(title)}</h2>", "lco-sessie-titel")]
        code = html_block(
            f"<p>{escape(text('deelnemen_uitleg'))}</p>"
            f'<div class="lco-code-groot" aria-label="{escape(text("code_label"))}">{escape(session.code)}</div>'
            f'<p class="lco-adres">{escape(url)}</p>',
            "lco-code-vak",
        )
        code.layout.width = "auto"  # beside the QR code, not above it
        qr = qr_image(url, text("qr_alt", adres=url))
        box = widgets.HBox([code, qr])
        box.add_class("lco-deelnemen")
        return widgets.VBox([*parts, box])

    def _controls(self, session: Sessie) -> widgets.Widget:
        controls: list[widgets.Widget] = []
        if session.soort == "lco":
            self.show_boxes = {}
            for perspective in PERSPECTIVES:
                label = session.instrument.perspective(perspective).label
                box = widgets.Checkbox(
                    value=perspective not in session.verborgen,
                    description=text("toon_perspectief", perspectief=label),
                    indent=False,
                )
                box.add_class(f"lco-toon-{perspective}")
                box.observe(lambda _c: guarded(self.messages, "het aanpassen")(self._set_hidden)(), names="value")
                self.show_boxes[perspective] = box
            controls.append(text_block("toon_uitleg"))
            controls.append(widgets.HBox(list(self.show_boxes.values())))
        else:
            controls.append(text_block("privacy_dag", min=session.min_groep))
        self.threshold = widgets.Dropdown(
            options=[(score_text(t), t) for t in _THRESHOLDS]
            + ([] if session.drempel in _THRESHOLDS else [(score_text(session.drempel), session.drempel)]),
            value=session.drempel,
            description=text("drempel_label"),
            style={"description_width": "initial"},
        )
        self.threshold.add_class("lco-drempel")
        self.threshold.observe(
            lambda change: guarded(self.messages, "het aanpassen van de drempel")(self._set_threshold)(change["new"]),
            names="value",
        )
        controls.append(self.threshold)
        box = widgets.VBox(controls)
        box.add_class("lco-instellingen")
        return box

    def _set_hidden(self) -> None:
        assert self.session is not None
        hidden = {p for p, box in self.show_boxes.items() if not box.value}
        self.store.set_hidden(self.session.id, hidden)
        self.session = self.store.reload(self.session)
        self.refresh(force_charts=True)

    def _set_threshold(self, value: float) -> None:
        assert self.session is not None
        self.store.set_threshold(self.session.id, float(value))
        self.session = self.store.reload(self.session)
        self.refresh(force_charts=True)

    def _export_box(self) -> widgets.Widget:
        pdf = button(text("maak_pdf"), "", "lco-maak-pdf")
        csv = button(text("maak_csv"), "", "lco-maak-csv")
        xlsx = button(text("maak_xlsx"), "", "lco-maak-xlsx")
        pdf.on_click(lambda _: guarded(self.messages, "het maken van het verslag")(self.make_export)(".pdf"))
        csv.on_click(lambda _: guarded(self.messages, "het maken van de CSV")(self.make_export)(".csv"))
        xlsx.on_click(lambda _: guarded(self.messages, "het maken van de XLSX")(self.make_export)(".xlsx"))
        buttons = widgets.HBox([pdf, csv, xlsx])
        buttons.add_class("lco-knoppen")
        return widgets.VBox(
            [text_block("uitvoer_titel", tag="h2"), text_block("uitvoer_uitleg"), buttons, self.downloads]
        )

    def _traject_box(self, session: Sessie) -> widgets.Widget:
        leave = button(btext("verlaten"), "", "lco-verlaten")
        leave.on_click(lambda _: guarded(self.messages, "het verlaten van de sessie")(self.leave)())
        parts: list[widgets.Widget] = []
        if session.soort == "lco" and self._key is not None:
            self.follow_up_title = widgets.Text(
                description=btext("opvolging_titel_label"),
                placeholder=btext("opvolging_titel_voorbeeld"),
                style={"description_width": "initial"},
            )
            self.follow_up_title.add_class("lco-opvolging-titel")
            follow_up = button(btext("opvolging_knop"), "", "lco-opvolging")
            follow_up.on_click(
                lambda _: guarded(self.messages, "het openen van een opvolg-LCO")(self.new_follow_up)(
                    self._key or "", self.follow_up_title.value
                )
            )
            parts += [
                html_block(f"<p>{escape(btext('opvolging_uitleg'))}</p>", "lco-opvolging-uitleg"),
                self.follow_up_title,
                follow_up,
            ]
        parts += [html_block(f"<p>{escape(btext('verlaten_uitleg'))}</p>", "lco-verlaten-uitleg"), leave]
        box = widgets.VBox([html_block(f"<h2>{escape(btext('traject_titel'))}</h2>", "lco-traject-titel"), *parts])
        box.add_class("lco-traject")
        return box

    def _end_box(self) -> widgets.Widget:
        close = button(text("sluiten"), "warning", "lco-sluiten")
        delete = button(text("wissen"), "danger", "lco-wissen")
        self.confirm_box = widgets.VBox()
        close.on_click(lambda _: guarded(self.messages, "het sluiten")(self._ask)("sluiten"))
        delete.on_click(lambda _: guarded(self.messages, "het wissen")(self._ask)("wissen"))
        buttons = widgets.HBox([close, delete])
        buttons.add_class("lco-knoppen")
        return widgets.VBox(
            [text_block("einde_titel", tag="h2"), text_block("einde_uitleg"), buttons, self.confirm_box]
        )

    def _ask(self, what: str) -> None:
        yes = button(text(f"{what}_bevestig"), "danger" if what == "wissen" else "warning", f"lco-{what}-bevestig")
        no = button(text("annuleren"), "", "lco-annuleren")
        yes.on_click(
            lambda _: guarded(self.messages, f"het {what}")(
                self.close_session if what == "sluiten" else self.delete_session
            )()
        )
        no.on_click(lambda _: setattr(self.confirm_box, "children", []))
        self.confirm_box.children = [text_block(f"{what}_vraag", "lco-bevestig-vraag"), widgets.HBox([yes, no])]

    def close_session(self) -> None:
        """Close the session: no new answers; the results stay on the page."""
        assert self.session is not None
        self.store.close_session(self.session.id)
        self.poller.stop()
        self.session = self.store.reload(self.session)
        self.confirm_box.children = []
        self.refresh(force_charts=True)
        self.messages.show(text("gesloten_melding"), "ok")

    def delete_session(self) -> None:
        """Delete the session and all its answers; go back to the start."""
        assert self.session is not None
        self.poller.stop()
        gone = self.store.delete_session(self.session.id)
        self.session = None
        if self._key is not None and not self._opens_anything(self._key):
            self.keeper.forget()
            self._key = None
        self.show_start()
        self.messages.show(text("gewist_melding", aantal=gone), "ok")

    # ------------------------------------------------------------------ results

    def poll_once(self) -> bool:
        """Check the store for news and redraw what changed; return False when polling should stop."""
        with self._lock:
            session = self.session
            if session is None:
                return False
            if not self.store.exists(session.id):
                self.session = None
                self.status_html.value = f'<p role="status">{escape(text("sessie_weg"))}</p>'
                return False
            self.session = self.store.reload(session)
            self.refresh()
            return self.session.is_open

    def refresh(self, force_charts: bool = False) -> None:
        """Redraw the counts at once, and the results when the answers changed (charts at most every few seconds)."""
        from lco_kit.reflectie import build_report  # noqa: PLC0415  (matplotlib only when needed)

        with self._lock:
            session = self.session
            if session is None:
                return
            fingerprint = self.store.fingerprint(session.id)
            if not force_charts and fingerprint == self._shown.charts_for:
                return  # everything on the page is up to date: nothing to send to the browser
            records = self.store.respondents(session.id)
            report = build_report(session, records)
            self._draw_counts(report)
            state = text("status_open") if session.is_open else text("status_gesloten")
            self.status_html.value = (
                f'<p class="lco-status-tekst" data-open="{str(session.is_open).lower()}">{escape(state)}</p>'
            )
            due = time.monotonic() - self._shown.charts_at >= CHART_PAUSE_SECONDS
            if force_charts or due:
                self._draw_results(report)
                self._shown.charts_for = fingerprint
                self._shown.charts_at = time.monotonic()
            self._shown.fingerprint = fingerprint
            self.report, self.records = report, records

    def _draw_counts(self, report: Any) -> None:
        self.counts_html.value = counts_table(report)

    def _draw_results(self, report: Any) -> None:
        parts = results_parts(report)
        trend = self.traject_trend(report)
        if trend is not None:
            parts.append(trend_box(trend))
        self.results.children = parts

    def _opens_anything(self, key: str) -> bool:
        try:
            self.store.traject_for_secret(key)
        except LcoError:
            return False
        return True

    def traject_trend(self, report: Any) -> Any:
        """Return the trend over the sessions the facilitator's key opens (None below two sessions).

        Only the key decides which sessions count: a casus label someone typed opens nothing.
        """
        from lco_kit.reflectie import build_report, traject_trend  # noqa: PLC0415

        if self._key is None:
            return None
        sessions = self.store.traject_for_secret(self._key).sessions
        if len(sessions) < 2 or report.session.id not in {s.id for s in sessions}:  # noqa: PLR2004
            return None
        reports = [
            report if s.id == report.session.id else build_report(s, self.store.respondents(s.id)) for s in sessions
        ]
        return traject_trend(reports)

    def make_export(self, suffix: str) -> None:
        """Offer the results as a PDF report, a CSV for Belgian Excel or an XLSX workbook."""
        from lco_kit.reflectie import build_report, export_bytes, report_pdf  # noqa: PLC0415

        assert self.session is not None
        with self._lock:
            session = self.store.reload(self.session)
            records = self.store.respondents(session.id)
            report = build_report(session, records)
        name = f"reflectie-{session.code.lower()}{suffix}"
        if suffix == ".pdf":
            data, mime, what = report_pdf(report, self.traject_trend(report)), _PDF, text("download_pdf")
        elif suffix == ".csv":
            data, mime, what = export_bytes(report, records, suffix), _CSV, text("download_csv")
        else:
            data, mime, what = export_bytes(report, records, suffix), _XLSX, text("download_xlsx")
        link = DownloadLink(what, name, mime, data)
        link.add_class(f"lco-download-{suffix.lstrip('.')}")
        others = [c for c in self.downloads.children if f"lco-download-{suffix.lstrip('.')}" not in c._dom_classes]
        self.downloads.children = [*others, link]

    def _poll_error(self, message: str, stopped: bool) -> None:
        self.messages.show(message + (" " + text("bijwerken_gestopt") if stopped else ""), "fout")


def begeleiderpagina(store: ReflectieStore | None = None) -> BegeleiderPagina:
    """Return the facilitator page."""
    return BegeleiderPagina(store)
