"""The registration page: upload an export (or use simulated data), check it, see and download the figures.

The page reads a file in a worker thread, so the progress bar moves while it works and the
page stays responsive; every callback and the worker are guarded, so whatever goes wrong
becomes a Dutch message on the page. Everything a user supplied (file names, values of
invalid cells, municipality names) is escaped; the free-text column ``opmerking`` is never
shown.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Sequence

import ipywidgets as widgets

from lco_kit.errors import LcoError
from lco_kit.registratie import (
    EXPORT_TABLES,
    HIDDEN,
    REGISTRATION_COLUMNS,
    REQUIRED_COLUMNS,
    MissingColumnsError,
    Overview,
    Registration,
    Selection,
    build_overview,
    export_table,
    jaarrapport_pdf,
    load_registration,
    signalennota_pdf,
    simulate_registratie,
    template_csv,
    template_xlsx,
    validate_frame,
)
from lco_kit.registratie import registratie_text as text
from lco_kit.ui.widgets import (
    AltImage,
    DownloadLink,
    FileInput,
    MessageArea,
    UploadedFile,
    button,
    chart_image,
    escape,
    guarded,
    html_block,
)

__all__ = ["MAX_UPLOAD_BYTES", "RegistratiePagina", "html_table", "registratie_pagina"]

MAX_UPLOAD_BYTES = 25_000_000
"""Uploaded registration files may be up to 25 MB."""
SIMULATED_SEED = 1
SIMULATED_FAULTS = 12
SHOWN_PROBLEMS = 200
_CSV = "text/csv"
_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_PDF = "application/pdf"
_CHARTS = ("trend", "aandelen", "gemeenten", "levensdomeinen", "aanvragers", "knelpunten", "knelpunten_trend")
_THRESHOLDS = (5, 10, 20)
_DIGITS = re.compile(r"[\d.,]+")


def _heading(key: str, level: int = 2) -> widgets.HTML:
    return html_block(f"<h{level}>{escape(text(key))}</h{level}>", "lco-sectiekop")


def html_table(headers: Sequence[str], rows: Sequence[Sequence[object]], caption: str, css: str) -> str:
    """Return a table as HTML in which every cell is escaped text (never markup)."""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return (
        f'<div class="lco-tabel-rol"><table class="lco-tabel {css}"><caption>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


class _Progress(widgets.VBox):
    """A progress bar with a line of text.

    Steps update it (at most every tenth of a second). While a file is read on the page, a
    ticker also refreshes it every second with the time spent, so a person sees it move even
    during one long step (drawing a large chart on a busy laptop).
    """

    TICK_SECONDS = 1.0

    def __init__(self) -> None:
        self.bar = widgets.FloatProgress(value=0.0, min=0.0, max=1.0, description="")
        self.bar.layout.width = "100%"
        self.bar.add_class("lco-voortgang-balk")
        self.label = html_block("", "lco-voortgang")
        super().__init__([self.label, self.bar])
        self.add_class("lco-voortgang-vak")
        self.layout.display = "none"
        self._last = 0.0
        self._message = ""
        self._kind = ""
        self._started = 0.0
        self._lock = threading.Lock()
        self._stop = threading.Event()

    def start(self, message: str, *, ticking: bool = False) -> None:
        """Show the bar at 0 with a first line; with ``ticking``, refresh it every second until done."""
        self.layout.display = ""
        self.bar.bar_style = ""
        self._started = time.monotonic()
        self.update(0.0, message, force=True)
        if ticking:
            self._stop.clear()
            threading.Thread(target=self._tick, daemon=True).start()

    def _tick(self) -> None:
        while not self._stop.wait(self.TICK_SECONDS):
            self._show()

    def _show(self) -> None:
        with self._lock:
            seconds = round(time.monotonic() - self._started)
            spent = f" · {seconds} s" if seconds >= 1 else ""
            self.label.value = (
                f'<p role="status" aria-live="polite">{escape(self._message)} '
                f"({round(100 * self.bar.value)} %){spent}</p>"
            )

    def update(self, share: float, message: str, *, force: bool = False) -> None:
        """Move the bar to ``share`` (0–1) with a Dutch line saying what happens.

        Counters ("12.000 rijen gelezen…") are shown at most every tenth of a second; a new
        kind of step (the same line without its numbers differs) is always shown at once, so
        a fast step is never skipped.
        """
        now = time.monotonic()
        kind = _DIGITS.sub("", message)
        if not force and kind == self._kind and now - self._last < 0.1:  # noqa: PLR2004  (a tenth of a second)
            return
        self._kind = kind
        self._last = now
        self.bar.value = max(0.0, min(1.0, share))
        self._message = message
        self._show()

    def done(self, message: str) -> None:
        """Fill the bar and show the final line."""
        self._stop.set()
        with self._lock:
            self.bar.value = 1.0
            self.bar.bar_style = "success"
            self.label.value = f'<p role="status" aria-live="polite">{escape(message)}</p>'

    def hide(self) -> None:
        """Stop and hide the bar (after an error)."""
        self._stop.set()
        self.layout.display = "none"


class RegistratiePagina(widgets.VBox):
    """The whole registration page as one widget (class ``lco-registratie``).

    Args:
        threaded: Read uploaded files in a worker thread (the page); tests read synchronously.
        simulated: Start with the simulated registration, so there is always something to see.
    """

    def __init__(self, *, threaded: bool = True, simulated: bool = True) -> None:
        self.threaded = threaded
        self.messages = MessageArea()
        self.registration: Registration | None = None
        self.view: Overview | None = None
        self._pending: tuple[str, bytes] | None = None
        self._busy = threading.Lock()
        self.progress = _Progress()
        self.year_boxes: dict[int, widgets.Checkbox] = {}
        self.gemeente_boxes: dict[str, widgets.Checkbox] = {}
        self.mapping_choices: dict[str, widgets.Dropdown] = {}
        self.results = widgets.VBox()
        self.results.add_class("lco-resultaten")
        source, filters, downloads = self._source_part(), self._filter_part(), self._download_part()
        super().__init__([self.messages, source, filters, self.results, downloads])
        self.add_class("lco-registratie")
        if simulated:
            self.use_simulated()

    def _on(self, widget: widgets.Button, what: str, action: Callable[[], object]) -> None:
        widget.on_click(lambda _b: guarded(self.messages, text(what))(action)())

    def _source_part(self) -> widgets.VBox:
        self.upload = FileInput(
            self._on_file,
            accept=(".csv", ".xlsx"),
            max_bytes=MAX_UPLOAD_BYTES,
            label=text("ui_upload_knop"),
            what=text("ui_wat_inlezen"),
        )
        self.upload.upload.layout.width = "auto"
        self.simulated_button = button(text("ui_simulatie_knop"), css="lco-registratie-simulatie")
        self._on(self.simulated_button, "ui_wat_simulatie", self.use_simulated)
        self.sheet_choice = widgets.Dropdown(description=text("ui_werkblad"), options=[])
        self.sheet_choice.add_class("lco-werkblad")
        self.sheet_button = button(text("ui_werkblad_knop"), css="lco-werkblad-knop")
        self._on(self.sheet_button, "ui_wat_inlezen", self._read_sheet)
        self.sheet_box = widgets.HBox([self.sheet_choice, self.sheet_button])
        self.sheet_box.layout.display = "none"
        self.mapping_intro = html_block("", "lco-koppeling-uitleg")
        self.mapping_fields = widgets.VBox()
        self.mapping_button = button(text("ui_koppeling_knop"), "primary", css="lco-koppeling-knop")
        self._on(self.mapping_button, "ui_wat_inlezen", self._read_mapped)
        self.mapping_box = widgets.VBox([self.mapping_intro, self.mapping_fields, self.mapping_button])
        self.mapping_box.add_class("lco-koppeling")
        self.mapping_box.layout.display = "none"
        self.source_line = html_block("", "lco-bron")
        templates = widgets.HBox(
            [
                DownloadLink(text("ui_sjabloon_csv"), "registratie-sjabloon.csv", _CSV, template_csv()),
                DownloadLink(text("ui_sjabloon_xlsx"), "registratie-sjabloon.xlsx", _XLSX, template_xlsx()),
            ]
        )
        templates.add_class("lco-sjablonen")
        part = widgets.VBox(
            [
                _heading("ui_bron_kop"),
                html_block(f"<p>{escape(text('ui_bron_uitleg'))}</p>", "lco-uitleg"),
                self.upload,
                self.sheet_box,
                self.mapping_box,
                widgets.HBox([self.simulated_button]),
                html_block(f"<p>{escape(text('ui_sjabloon_uitleg'))}</p>", "lco-uitleg"),
                templates,
                self.progress,
                self.source_line,
            ]
        )
        part.add_class("lco-bron-vak")
        return part

    def _filter_part(self) -> widgets.VBox:
        self.years_area = widgets.HBox()
        self.years_area.add_class("lco-jaren")
        self.years_area.layout.flex_flow = "row wrap"
        self.gemeenten_area = widgets.GridBox(
            layout=widgets.Layout(
                grid_template_columns="repeat(auto-fill, minmax(13rem, 1fr))", max_height="16rem", overflow="auto"
            )
        )
        self.gemeenten_area.add_class("lco-gemeenten")
        all_button = button(text("ui_alle_gemeenten"), css="lco-alle-gemeenten")
        all_button.on_click(lambda _b: self._set_gemeenten(True))
        none_button = button(text("ui_geen_gemeente"), css="lco-geen-gemeente")
        none_button.on_click(lambda _b: self._set_gemeenten(False))
        self.threshold = widgets.Dropdown(
            description=text("ui_drempel"), options=[(str(t), t) for t in _THRESHOLDS], value=_THRESHOLDS[0]
        )
        self.threshold.style.description_width = "initial"
        self.threshold.add_class("lco-drempel")
        self.apply_button = button(text("ui_toon_knop"), "primary", css="lco-toon")
        self._on(self.apply_button, "ui_wat_cijfers", self.show_selection)
        part = widgets.VBox(
            [
                _heading("ui_kies_kop"),
                html_block(f"<p>{escape(text('ui_kies_jaren'))}</p>", "lco-uitleg"),
                self.years_area,
                html_block(f"<p>{escape(text('ui_kies_gemeenten'))}</p>", "lco-uitleg"),
                widgets.HBox([all_button, none_button]),
                self.gemeenten_area,
                self.threshold,
                widgets.HBox([self.apply_button]),
            ]
        )
        part.add_class("lco-filters")
        return part

    def _download_part(self) -> widgets.VBox:
        self.report_link = DownloadLink(text("ui_rapport_wat"), "jaarrapport-lco.pdf", _PDF)
        self.report_link.add_class("lco-rapport-download")
        self.nota_link = DownloadLink(text("ui_nota_wat"), "signalennota-lco.pdf", _PDF)
        self.nota_link.add_class("lco-nota-download")
        self.report_button = button(text("ui_rapport_knop"), "primary", css="lco-maak-rapport")
        self._on(self.report_button, "ui_wat_rapport", self.make_report)
        self.nota_button = button(text("ui_nota_knop"), "primary", css="lco-maak-nota")
        self._on(self.nota_button, "ui_wat_nota", self.make_nota)
        self.export_choice = widgets.Dropdown(
            description=text("ui_export_tabel"),
            options=[(text(f"ui_export_{name}"), name) for name in EXPORT_TABLES],
        )
        self.export_choice.style.description_width = "initial"
        self.export_choice.add_class("lco-export-keuze")
        self.export_csv = DownloadLink(text("ui_export_csv_wat"), "tabel.csv", _CSV)
        self.export_xlsx = DownloadLink(text("ui_export_xlsx_wat"), "tabel.xlsx", _XLSX)
        self.export_choice.observe(
            lambda _c: guarded(self.messages, text("ui_wat_export"))(self._refresh_exports)(), "value"
        )
        part = widgets.VBox(
            [
                _heading("ui_downloads_kop"),
                html_block(f"<p>{escape(text('ui_downloads_uitleg'))}</p>", "lco-uitleg"),
                widgets.HBox([self.report_button, self.report_link]),
                widgets.HBox([self.nota_button, self.nota_link]),
                self.export_choice,
                widgets.HBox([self.export_csv, self.export_xlsx]),
            ]
        )
        part.add_class("lco-downloads")
        return part

    # ------------------------------------------------------------------ loading

    def use_simulated(self) -> None:
        """Show the simulated registration (2009–2016, with a few invalid rows on purpose)."""
        frame = simulate_registratie(SIMULATED_SEED, fouten=SIMULATED_FAULTS)
        registration = validate_frame(frame, source=text("ui_simulatie_bron", fouten=SIMULATED_FAULTS))
        self._loaded(registration)
        self.messages.show(text("ui_simulatie_getoond", fouten=SIMULATED_FAULTS), "info")

    def _on_file(self, uploaded: UploadedFile) -> None:
        self._pending = (uploaded.name, uploaded.data)
        self.load(uploaded.name, uploaded.data)

    def load(self, name: str, data: bytes, *, sheet: str | None = None, mapping: dict[str, str] | None = None) -> None:
        """Read and check a file (in a worker thread on the page), then show its figures."""
        if not self._busy.acquire(blocking=False):
            raise LcoError(text("ui_bezig"))
        self._set_enabled(False)
        self.mapping_box.layout.display = "none"
        self.progress.start(text("ui_voortgang_start", naam=name), ticking=self.threaded)
        work = guarded(self.messages, text("ui_wat_inlezen"))(self._load_work)
        if self.threaded:
            threading.Thread(target=work, args=(name, data, sheet, mapping), daemon=True).start()
        else:
            work(name, data, sheet, mapping)

    def _load_work(self, name: str, data: bytes, sheet: str | None, mapping: dict[str, str] | None) -> None:
        try:
            try:
                registration = load_registration(
                    data, name, sheet=sheet, mapping=mapping, progress=lambda s, m: self.progress.update(0.8 * s, m)
                )
            except MissingColumnsError as error:
                self._offer_mapping(error)
                raise
            self._loaded(registration, progress=True)
        except LcoError:
            self.progress.hide()
            raise
        except Exception:
            self.progress.hide()
            raise
        finally:
            self._set_enabled(True)
            self._busy.release()

    def _loaded(self, registration: Registration, *, progress: bool = False) -> None:
        self.registration = registration
        self.messages.clear()
        self._show_sheets(registration)
        self.source_line.value = (
            f"<p><strong>{escape(text('ui_bron_nu'))}</strong> {escape(registration.source)}<br>"
            f"{escape(registration.summary_line())}</p>"
        )
        if progress:
            self.progress.update(0.8, text("ui_voortgang_cijfers"), force=True)
        self._build_filters(registration)
        self.show_selection(progress=progress)
        if progress:
            self.progress.done(text("ui_voortgang_klaar", regel=registration.summary_line()))
        if registration.invalid_rows:
            self.messages.show(text("ui_ongeldig_melding", aantal=registration.invalid_rows), "let-op")
        elif not registration.read_rows:
            self.messages.show(text("ui_geen_rijen"), "let-op")

    def _show_sheets(self, registration: Registration) -> None:
        layout = registration.layout
        if layout is None or layout.kind != "xlsx" or len(layout.sheets) < 2:  # noqa: PLR2004
            self.sheet_box.layout.display = "none"
            return
        self.sheet_choice.options = list(layout.sheets)
        self.sheet_choice.value = layout.sheet
        self.sheet_box.layout.display = ""

    def _read_sheet(self) -> None:
        if self._pending is None:
            raise LcoError(text("ui_geen_bestand"))
        self.load(*self._pending, sheet=self.sheet_choice.value)

    def _offer_mapping(self, error: MissingColumnsError) -> None:
        layout = error.layout
        headers = [h for h in layout.match.headers if h]
        options = [(text("ui_koppeling_geen"), ""), *[(h, h) for h in headers]]
        self.mapping_choices = {}
        rows = []
        for column in REGISTRATION_COLUMNS:
            if column == "opmerking":
                continue
            found = layout.match.columns.get(column)
            choice = widgets.Dropdown(
                description=column, options=options, value=layout.match.headers[found] if found is not None else ""
            )
            choice.style.description_width = "14rem"
            choice.add_class(f"lco-koppel-{column}")
            self.mapping_choices[column] = choice
            rows.append(choice)
        self.mapping_fields.children = rows
        self.mapping_intro.value = f"<p>{escape(text('ui_koppeling_uitleg', naam=layout.name))}</p>"
        self.mapping_box.layout.display = ""
        if layout.sheet and len(layout.sheets) > 1:
            self.sheet_choice.options = list(layout.sheets)
            self.sheet_choice.value = layout.sheet
            self.sheet_box.layout.display = ""

    def _read_mapped(self) -> None:
        if self._pending is None:
            raise LcoError(text("ui_geen_bestand"))
        chosen: dict[str, str] = {}
        for column, choice in self.mapping_choices.items():
            if not choice.value:
                continue
            if choice.value in chosen:
                raise LcoError(text("ui_koppeling_dubbel", kop=choice.value))
            chosen[choice.value] = column
        missing = [c for c in REQUIRED_COLUMNS if c not in chosen.values()]
        if missing:
            raise LcoError(text("ui_koppeling_onvolledig", kolommen=", ".join(missing)))
        sheet = self.sheet_choice.value if self.sheet_box.layout.display != "none" else None
        self.load(*self._pending, sheet=sheet, mapping=chosen)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (
            self.simulated_button,
            self.apply_button,
            self.report_button,
            self.nota_button,
            self.sheet_button,
            self.mapping_button,
        ):
            widget.disabled = not enabled
        self.upload.upload.disabled = not enabled

    # ------------------------------------------------------------------ choosing

    def _build_filters(self, registration: Registration) -> None:
        rows = registration.rows
        years = sorted(int(y) for y in rows["jaar"].unique()) if len(rows) else []
        gemeenten = (
            sorted((str(g) for g in rows["gemeente"].astype(object).unique()), key=str.casefold) if len(rows) else []
        )
        self.year_boxes = {y: self._checkbox(str(y), "lco-jaar") for y in years}
        self.gemeente_boxes = {g: self._checkbox(g, "lco-gemeente") for g in gemeenten}
        self.years_area.children = list(self.year_boxes.values())
        self.gemeenten_area.children = list(self.gemeente_boxes.values())

    @staticmethod
    def _checkbox(label: str, css: str) -> widgets.Checkbox:
        box = widgets.Checkbox(value=True, description=label, indent=False)
        box.layout.width = "auto"
        box.add_class(css)
        return box

    def _set_gemeenten(self, value: bool) -> None:
        for box in self.gemeente_boxes.values():
            box.value = value

    def selection(self) -> Selection:
        """Return the years and municipalities ticked on the page."""
        years = tuple(y for y, box in self.year_boxes.items() if box.value)
        gemeenten = tuple(g for g, box in self.gemeente_boxes.items() if box.value)
        if self.year_boxes and not years:
            raise LcoError(text("ui_geen_jaar"))
        if self.gemeente_boxes and not gemeenten:
            raise LcoError(text("ui_geen_gemeente_gekozen"))
        return Selection(
            years=None if len(years) == len(self.year_boxes) else years,
            gemeenten=None if len(gemeenten) == len(self.gemeente_boxes) else gemeenten,
        )

    def show_selection(self, *, progress: bool = False) -> None:
        """Compute the figures of the ticked years and municipalities and show them."""
        if self.registration is None:
            raise LcoError(text("ui_geen_bestand"))
        self.view = build_overview(self.registration, self.selection(), self.threshold.value)
        self.report_link.set_data(None)
        self.nota_link.set_data(None)
        self.results.children = self._result_widgets(self.view, progress)
        self._refresh_exports()

    # ------------------------------------------------------------------ showing

    def _result_widgets(self, view: Overview, progress: bool) -> list[widgets.Widget]:
        out: list[widgets.Widget] = [_heading("ui_cijfers_kop")]
        out.append(
            html_block(
                f"<p>{escape(text('ui_cijfers_periode', periode=view.period, bereik=view.scope))}</p>", "lco-periode"
            )
        )
        if not len(view.rows):
            out.append(html_block(f"<p>{escape(text('geen_gegevens'))}</p>", "lco-leeg"))
            out.append(self._problems_widget())
            return out
        figures = view.key_figures()
        out.append(
            html_block(
                html_table(
                    [text("kolom_kerncijfer"), text("kolom_waarde")],
                    figures,
                    text("ui_kern_bijschrift"),
                    "lco-kerncijfers",
                ),
                "lco-kerncijfers-vak",
            )
        )
        charts: dict[str, AltImage] = {}
        for step, name in enumerate(_CHARTS, start=1):
            if progress:
                self.progress.update(
                    0.8 + 0.2 * step / len(_CHARTS),
                    text("ui_voortgang_grafiek", nummer=step, totaal=len(_CHARTS)),
                    force=True,
                )
            charts[name] = chart_image(view.chart(name), width="100%", max_width="56rem")  # drawing is the slow part
        out.append(self._chart_widget(view, charts, "trend"))
        out.append(
            html_block(
                html_table(
                    [
                        text("kolom_jaar"),
                        text("kolom_lcos"),
                        text("kolom_eerste"),
                        text("kolom_client"),
                        text("kolom_minderjarig"),
                        text("kolom_deelnemers"),
                    ],
                    view.year_rows(),
                    text("ui_jaar_bijschrift", noot=view.note),
                    "lco-jaartabel",
                ),
                "lco-jaartabel-vak",
            )
        )
        out.append(self._chart_widget(view, charts, "aandelen"))
        out.append(_heading("ui_gemeenten_kop"))
        out.append(self._chart_widget(view, charts, "gemeenten"))
        display = view.gemeenten.display()
        out.append(
            html_block(
                html_table(
                    [
                        text("kolom_gemeente"),
                        text("kolom_lcos"),
                        text("kolom_eerste_kort"),
                        text("kolom_opvolg_kort"),
                        text("kolom_client_kort"),
                        text("kolom_afwezig_kort"),
                    ],
                    [
                        [text("totaal") if i == "Totaal" else i, *r]
                        for i, r in zip(display.index, display.to_numpy().tolist(), strict=True)
                    ],
                    text("ui_gemeente_bijschrift", noot=view.note),
                    "lco-gemeentetabel",
                ),
                "lco-gemeentetabel-vak",
            )
        )
        out.append(_heading("ui_domeinen_kop"))
        out.append(html_block(f"<p>{escape(text('pdf_meerdere_domeinen'))}</p>", "lco-uitleg"))
        out.append(self._chart_widget(view, charts, "levensdomeinen"))
        out.append(self._chart_widget(view, charts, "aanvragers"))
        out.append(_heading("ui_knelpunten_kop"))
        out.append(html_block(f"<p>{escape(text('ui_knelpunten_uitleg'))}</p>", "lco-uitleg"))
        out.append(self._chart_widget(view, charts, "knelpunten"))
        out.append(self._chart_widget(view, charts, "knelpunten_trend"))
        out.append(self._signals_widget(view))
        out.append(self._problems_widget())
        return out

    @staticmethod
    def _chart_widget(view: Overview, charts: dict[str, AltImage], name: str) -> widgets.VBox:
        image = charts[name]
        png = bytes(image.value)
        caption = html_block(f'<p class="lco-grafiek-noot">{escape(view.note)}</p>', "lco-grafiek-bijschrift")
        link = DownloadLink(text("ui_grafiek_wat"), f"lco-{name}.png", "image/png", png)
        box = widgets.VBox([image, caption, link])
        box.add_class("lco-grafiek-vak")
        box.add_class(f"lco-grafiek-{name}")
        return box

    @staticmethod
    def _signals_widget(view: Overview) -> widgets.HTML:
        rows = []
        for signal in view.signals:
            count = HIDDEN if signal.count is None else f"{signal.count}"
            where = ", ".join(g for g, _ in signal.top_gemeenten[:3]) or "–"
            rows.append([signal.label, count, text(f"ui_trend_{signal.trend.replace(' ', '_')}"), where])
        return html_block(
            html_table(
                [text("kolom_knelpunt"), text("kolom_lcos"), text("ui_kolom_evolutie"), text("ui_kolom_waar")],
                rows,
                text("ui_signalen_bijschrift", noot=view.note),
                "lco-signalen",
            ),
            "lco-signalen-vak",
        )

    def _problems_widget(self) -> widgets.VBox:
        registration = self.registration
        assert registration is not None  # only called after loading
        heading = _heading("ui_ongeldig_kop")
        if not len(registration.problems):
            body = html_block(f"<p>{escape(text('pdf_geen_ongeldig'))}</p>", "lco-ongeldig-leeg")
            box = widgets.VBox([heading, body])
        else:
            shown = registration.problems.head(SHOWN_PROBLEMS)
            table = html_block(
                html_table(
                    [text("kolom_rij"), text("kolom_kolom"), text("kolom_waarde"), text("kolom_reden")],
                    list(shown.itertuples(index=False, name=None)),
                    text(
                        "ui_ongeldig_bijschrift", aantal=registration.invalid_rows, problemen=len(registration.problems)
                    ),
                    "lco-ongeldige-rijen",
                ),
                "lco-ongeldige-rijen-vak",
            )
            parts: list[widgets.Widget] = [
                heading,
                html_block(f"<p>{escape(text('ui_ongeldig_uitleg'))}</p>", "lco-uitleg"),
                table,
            ]
            if len(registration.problems) > SHOWN_PROBLEMS:
                parts.append(
                    html_block(
                        "<p>"
                        + escape(text("ui_ongeldig_meer", getoond=SHOWN_PROBLEMS, totaal=len(registration.problems)))
                        + "</p>",
                        "lco-uitleg",
                    )
                )
            box = widgets.VBox(parts)
        if registration.warnings:
            items = "".join(f"<li>{escape(w)}</li>" for w in registration.warnings)
            box.children = [
                *box.children,
                html_block(f"<h3>{escape(text('pdf_waarschuwingen'))}</h3><ul>{items}</ul>", "lco-waarschuwingen"),
            ]
        box.add_class("lco-ongeldig-vak")
        return box

    # ------------------------------------------------------------------ downloads

    def _view(self) -> Overview:
        if self.view is None:
            raise LcoError(text("ui_geen_bestand"))
        return self.view

    def make_report(self) -> None:
        """Make the yearly report PDF and offer it for download."""
        self.report_button.disabled = True
        try:
            self.report_link.set_data(jaarrapport_pdf(self._view()), filename=_file_name("jaarrapport", self._view()))
        finally:
            self.report_button.disabled = False

    def make_nota(self) -> None:
        """Make the signalennota PDF and offer it for download."""
        self.nota_button.disabled = True
        try:
            self.nota_link.set_data(signalennota_pdf(self._view()), filename=_file_name("signalennota", self._view()))
        finally:
            self.nota_button.disabled = False

    def _refresh_exports(self) -> None:
        if self.view is None:
            return
        name = str(self.export_choice.value)
        self.export_csv.set_data(export_table(self.view, name, "csv"), filename=f"{name}.csv")
        self.export_xlsx.set_data(export_table(self.view, name, "xlsx"), filename=f"{name}.xlsx")


def _file_name(kind: str, view: Overview) -> str:
    if not view.year_list:
        return f"{kind}-lco.pdf"
    return f"{kind}-lco-{view.period.replace('–', '-')}.pdf"


def registratie_pagina() -> RegistratiePagina:
    """Return the registration page, showing the simulated registration until a file is uploaded."""
    return RegistratiePagina()
