"""The two reflection pages: answering on a phone, and the facilitator's live results.

**Answer page** (:func:`invulpagina`): join with the code (typed, or from ``?code=`` in the
address, which Voilà passes to the kernel as ``QUERY_STRING``), pick a perspective, answer.
Choosing a perspective gives the respondent a fresh random key, which the page writes into
the browser's address without reloading (``?code=…&p=…&r=…``, see
:class:`~lco_kit.ui.widgets.PageAddress`): a reload or a phone that locked goes on where it
was, and the respondent counts once — with one kernel per person. Every answer is saved the moment it
is given. The client version shows one item at a time with large smiley buttons.

**Facilitator page** (:func:`begeleiderpagina`): open a session (or reopen one with the
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

Everything a respondent typed is shown as text, never as HTML.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode

import ipywidgets as widgets

from lco_kit import config
from lco_kit.content import FixedTexts
from lco_kit.errors import LcoError, log_unexpected
from lco_kit.reflectie import (
    KINDS,
    PERSPECTIVES,
    PerspectiefDeel,
    ReflectieStore,
    RespondentRecord,
    Sessie,
    new_respondent_key,
    normalise_code,
    text,
    valid_respondent_key,
)
from lco_kit.ui.texts import text as ui_text
from lco_kit.ui.widgets import (
    DownloadLink,
    MessageArea,
    PageAddress,
    button,
    chart_image,
    escape,
    guarded,
    qr_image,
    when_requested,
)

__all__ = [
    "ANSWER_PAGE",
    "BegeleiderPagina",
    "InvulPagina",
    "Poller",
    "SecretKeeper",
    "begeleiderpagina",
    "invulpagina",
]

ANSWER_PAGE = "40_reflectie_invullen.ipynb"
POLL_SECONDS = 2.0
CHART_PAUSE_SECONDS = 4.0
MAX_POLL_FAILURES = 5
_PDF = "application/pdf"
_CSV = "text/csv"
_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_THRESHOLDS = (0.5, 1.0, 1.5, 2.0)
_UNKNOWN = "?"  # the paper form's 'weet ik niet' among the scores

btext = FixedTexts("reflectie/begeleider_teksten.yaml")
"""Return a fixed text of the facilitator page's key, traject, trend and paper parts."""

# Page-specific looks: large targets on a phone, a code that reads from the back of a room.
_STYLE = """<style>
.lco-reflectie .lco-vraag-tekst { font-size: 1.5rem; line-height: 1.4; font-weight: 600; margin: 0.5rem 0 1rem; }
.lco-reflectie .lco-voortgang { font-size: 1rem; color: #3d3d3a; }
.lco-reflectie .lco-balk { height: 10px; background: #e6e2d8; border-radius: 5px; overflow: hidden; }
.lco-reflectie .lco-balk span { display: block; height: 100%; background: #1f4e79; }
.jupyter-button.lco-smiley { font-size: 1.35rem; min-height: 64px; width: 100%; max-width: 30rem;
  justify-content: flex-start; text-align: left; margin: 0.25rem 0; }
.jupyter-button.lco-weet-niet { min-height: 52px; width: 100%; max-width: 30rem; margin: 0.5rem 0; }
.jupyter-button.lco-score { min-height: 48px; margin: 0.2rem; flex: 1 1 8rem; }
.jupyter-button.lco-gekozen, .jupyter-button.lco-gekozen.mod-primary { outline: 3px solid #1d1d1b; font-weight: 700;
  background: #1f4e79; color: #fff; }
.lco-reflectie .lco-item { border-top: 1px solid #d0ccc3; padding: 0.75rem 0; }
.lco-reflectie .lco-item-tekst { font-size: 1.1rem; font-weight: 600; }
.lco-reflectie .widget-hbox.lco-scores { flex-wrap: wrap; }
.jupyter-button.lco-perspectief-keuze { min-height: 56px; width: 100%; max-width: 30rem; font-size: 1.3rem;
  font-weight: 700; justify-content: flex-start; text-align: left; border: 2px solid #1f4e79; border-radius: 10px;
  background: #fff; color: #1f4e79; }
.jupyter-button.lco-perspectief-keuze:hover, .jupyter-button.lco-perspectief-keuze:focus {
  background: #e8f0f8; outline: 3px solid #f2b400; }
.lco-reflectie .lco-perspectief-uitleg p { margin: 0.2rem 0 0; font-size: 1rem; color: #1d1d1b; }
.lco-reflectie .lco-bedankt h2 { font-size: 2rem; color: #1e6b45; }
.jupyter-button.lco-opnieuw { margin-top: 1rem; min-height: 48px; }
.lco-reflectie .widget-text input.lco-code-veld, .lco-code-invoer input { font-size: 2rem; letter-spacing: 0.3rem;
  text-transform: uppercase; min-height: 56px; max-width: 14rem; }
.lco-reflectie .widget-textarea textarea { min-height: 7rem; font-size: 1.1rem; }
.lco-reflectie .lco-code-groot { font-size: 4.5rem; font-weight: 800; letter-spacing: 0.6rem; color: #1f4e79;
  font-family: "DejaVu Sans Mono", monospace; line-height: 1.1; }
.lco-reflectie .lco-deelnemen { display: flex; flex-wrap: wrap; gap: 2rem; align-items: center; }
.lco-reflectie img.lco-qr { width: 220px; height: 220px; image-rendering: pixelated; }
.lco-reflectie .lco-geheim code { font-size: 1.4rem; letter-spacing: 0.15rem; }
.lco-reflectie table.lco-tabel { border-collapse: collapse; margin: 0.5rem 0; font-size: 1rem; }
.lco-reflectie table.lco-tabel th, .lco-reflectie table.lco-tabel td { border: 1px solid #c9c4b8;
  padding: 0.35rem 0.6rem; text-align: left; }
.lco-reflectie table.lco-tabel tr.lco-signaal td { background: #fbeaea; font-weight: 700; }
.lco-reflectie .lco-aantal { font-size: 2rem; font-weight: 800; color: #1f4e79; }
.lco-reflectie ul.lco-opmerkingen-lijst li { white-space: pre-wrap; margin: 0.3rem 0; }
.lco-reflectie .widget-vbox.lco-grafieken { flex-direction: row; flex-wrap: wrap; gap: 0.5rem; }
.lco-reflectie .lco-grafieken img.lco-grafiek { width: 49%; min-width: 20rem; flex: 1 1 24rem; }
.lco-reflectie .widget-dropdown.lco-drempel, .lco-reflectie .widget-dropdown.lco-soort { width: auto; }
.lco-reflectie .widget-dropdown.lco-drempel select, .lco-reflectie .widget-dropdown.lco-soort select {
  min-width: 9rem; }
@media (max-width: 640px) { .lco-reflectie .lco-code-groot { font-size: 3rem; }
  .lco-reflectie .lco-grafieken img.lco-grafiek { width: 100%; min-width: 0; } }
</style>"""


def _html(content: str, css: str = "") -> widgets.HTML:
    widget = widgets.HTML(content)
    if css:
        widget.add_class(css)
    return widget


def _text(key: str, css: str = "", tag: str = "p", **values: object) -> widgets.HTML:
    return _html(f"<{tag}>{escape(text(key, **values))}</{tag}>", css)


def _number(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "–"
    return (f"{value:+.1f}" if signed else f"{value:.1f}").replace(".", ",")


def _query(raw: str | None) -> dict[str, str]:
    parsed = parse_qs(raw if raw is not None else os.environ.get("QUERY_STRING", ""))
    return {key: values[-1] for key, values in parsed.items() if values}


# ====================================================================== answering


class InvulPagina(widgets.VBox):
    """The answer page as one widget (class ``lco-reflectie-invullen``).

    Args:
        query: The address's query string (default: ``QUERY_STRING`` from Voilà).
        store: The store (default: the kit's store).
    """

    def __init__(self, query: str | None = None, store: ReflectieStore | None = None, *, route: bool = True) -> None:
        self.messages = MessageArea()
        self.body = widgets.VBox()
        self.body.add_class("lco-invullen-inhoud")
        self.address = PageAddress()
        super().__init__([_html(_STYLE), self.body, self.messages, self.address])
        self.add_class("lco-reflectie")
        self.add_class("lco-reflectie-invullen")
        self._store = store
        self.session: Sessie | None = None
        self.part: PerspectiefDeel | None = None
        self.perspective = ""
        self.answers: dict[str, int | None] = {}
        self.remark = ""
        self.index = 0
        self.token = self.code = self.key = self.chosen = ""
        if route:
            self.open_address(query)
        else:
            self.body.children = [_html(f'<p class="lco-wachten">{escape(ui_text("even_geduld"))}</p>')]

    def open_address(self, query: str | None) -> None:
        """Read the page's address (code, perspective, respondent key) and show the right step."""
        params = _query(query)
        self.token = params.get("token", "")
        self.code = normalise_code(params.get("code", ""))[:12]
        self.key = params.get("r", "")
        self.chosen = params.get("p", "")
        guarded(self.messages, "het openen van de vragenlijst")(self._route)()

    @property
    def store(self) -> ReflectieStore:
        """Return the store, opened on first use."""
        if self._store is None:
            self._store = ReflectieStore()
        return self._store

    def _link(self, **params: str) -> str:
        query = {k: v for k, v in params.items() if v}
        if self.token:
            query["token"] = self.token
        return "?" + urlencode(query)

    def _route(self) -> None:
        if not self.code:
            self.show_join()
            return
        try:
            session = self.store.session(self.code)
        except LcoError as error:
            self.show_join()
            self.messages.show(str(error), "fout")
            return
        self.session = session
        if not session.is_open:
            self._closed()
        elif self.key and self.chosen:
            self.start_answering()
        else:
            self.show_choice()

    # ------------------------------------------------------------------ join and choose

    def show_join(self) -> None:
        """Show the field for the code."""
        self.code_input = widgets.Text(
            value=self.code,
            description=text("code_label"),
            placeholder=text("code_voorbeeld"),
            style={"description_width": "initial"},
        )
        self.code_input.add_class("lco-code-invoer")
        go = button(text("code_verder"), "primary", "lco-code-verder")
        go.on_click(lambda _: guarded(self.messages, "het zoeken van de sessie")(self.join)(self.code_input.value))
        self.body.children = [
            _text("invullen_welkom", tag="h2"),
            _text("code_uitleg"),
            self.code_input,
            go,
        ]

    def join(self, typed: str) -> None:
        """Look up a typed code and show the perspectives."""
        self.messages.clear()
        code = normalise_code(typed)
        if not code:
            raise LcoError(text("code_leeg"))
        session = self.store.session(code)
        if not session.is_open:
            raise LcoError(text("sessie_gesloten"))
        self.code, self.session = session.code, session
        self.address.set(self._link(code=self.code))
        self.show_choice()

    def show_choice(self) -> None:
        """Show the three perspectives as large buttons, each with a word on who it is for."""
        assert self.session is not None
        instrument = self.session.instrument
        choices: list[widgets.Widget] = []
        for perspective in PERSPECTIVES:
            label = instrument.perspective(perspective).label
            choice = button(label, "", "lco-perspectief-keuze")
            choice.add_class(f"lco-perspectief-{perspective}")
            choice.tooltip = text(f"keuze_{perspective}")
            choice.on_click(
                lambda _b, chosen=perspective: guarded(self.messages, "het kiezen van je rol")(self.choose)(chosen)
            )
            uitleg = _text(f"keuze_{perspective}", "lco-perspectief-uitleg")
            choices.append(widgets.VBox([choice, uitleg], layout=widgets.Layout(margin="0 0 0.75rem 0")))
        title = self.session.titel or instrument.titel
        self.body.children = [
            _html(f"<h2>{escape(title)}</h2>"),
            _text("keuze_vraag"),
            widgets.VBox(choices).add_class("lco-perspectieven"),
            _text("privacy_invullen", "lco-privacy"),
        ]

    def choose(self, perspective: str) -> None:
        """Start answering as a new respondent; the address keeps the key, so a reload goes on here."""
        self.messages.clear()
        self.key, self.chosen = new_respondent_key(), perspective
        self.address.set(self._link(code=self.code, p=perspective, r=self.key))
        self.start_answering()

    def again(self) -> None:
        """Let the next person on the same device start afresh (the session may have closed meanwhile)."""
        self.key = self.chosen = self.perspective = self.remark = ""
        self.answers, self.index, self.part = {}, 0, None
        self.address.set(self._link(code=self.code))
        self._route()

    def _closed(self) -> None:
        self.body.children = [_text("sessie_gesloten", "lco-gesloten", tag="h2")]

    # ------------------------------------------------------------------ answering

    def start_answering(self) -> None:
        """Load what this respondent already answered and go on where they were."""
        assert self.session is not None
        record: RespondentRecord | None = self.store.respondent(self.code, self.key)
        if record is not None:
            self.perspective = record.perspective
            self.answers = dict(record.answers)
            self.remark = record.remark
        else:
            self.perspective = self._known_perspective(self.chosen)
        self.part = self.session.instrument.perspective(self.perspective)
        if record is not None and record.finished is not None:
            self.show_thanks()
            return
        unanswered = [n for n, item in enumerate(self.part.items) if item.id not in self.answers]
        self.index = unanswered[0] if unanswered else len(self.part.items)
        if self.part.een_per_scherm:
            self.show_item()
        else:
            self.show_list()

    def _known_perspective(self, value: str) -> str:
        if value not in PERSPECTIVES or not valid_respondent_key(self.key):
            raise LcoError(text("link_ongeldig"))
        return value

    def save(self, item_id: str, value: int | None) -> None:
        """Save one answer now (raises in Dutch when it cannot be saved)."""
        self.store.record_answer(self.code, self.key, self.perspective, item_id, value)
        self.answers[item_id] = value
        self.messages.clear()

    def _scale_label(self, value: int | None) -> str:
        assert self.part is not None
        if value is None:
            return text("weet_ik_niet")
        point = self.part.schaal[value - 1]
        return f"{point.symbool} {point.label}".strip()

    # -- one item at a time (client)

    def show_item(self) -> None:
        """Show the current item with large smiley buttons, or the last step."""
        assert self.part is not None
        items = self.part.items
        if self.index >= len(items):
            self.show_remark()
            return
        item = items[self.index]
        given = self.answers.get(item.id, "absent")
        share = round(100 * self.index / len(items))
        progress = _html(
            f'<div class="lco-voortgang" role="status">{escape(text("vraag_x_van_y", x=self.index + 1, y=len(items)))}'
            f'</div><div class="lco-balk" role="progressbar" aria-label="{escape(text("voortgang"))}" '
            f'aria-valuemin="0" aria-valuemax="100" aria-valuenow="{share}"><span style="width:{share}%"></span></div>',
        )
        choices = []
        for point in self.part.schaal:
            choices.append(self._choice_button(item.id, point.waarde, given == point.waarde, "lco-smiley"))
        if self.part.weet_ik_niet:
            choices.append(self._choice_button(item.id, None, given is None, "lco-weet-niet"))
        back = button(text("vorige"), "", "lco-vorige")
        back.disabled = self.index == 0
        back.on_click(lambda _: self._move(-1))
        nav = [back]
        if given != "absent":
            ahead = button(text("volgende"), "", "lco-volgende")
            ahead.on_click(lambda _: self._move(1))
            nav.append(ahead)
        question = _html(f'<p class="lco-vraag-tekst" data-item="{escape(item.id)}">{escape(item.tekst)}</p>')
        body: list[widgets.Widget] = [progress]
        if self.index == 0:
            body.append(_html(f"<p>{escape(self.part.inleiding)}</p>", "lco-inleiding"))
        nav_box = widgets.HBox(nav)
        nav_box.add_class("lco-knoppen")
        self.body.children = [*body, question, widgets.VBox(choices), nav_box]

    def _choice_button(self, item_id: str, value: int | None, chosen: bool, css: str) -> widgets.Button:
        label = self._scale_label(value)
        widget = button(f"✓ {label}" if chosen else label, "primary" if chosen else "", css)
        widget.add_class(f"lco-waarde-{'weet-niet' if value is None else value}")
        if chosen:
            widget.add_class("lco-gekozen")

        position = self.index

        def choose(_: object) -> None:
            self.save(item_id, value)
            # From the item's own position: a double tap on a phone must not skip the next item.
            self.index = position + 1
            self.show_item()

        widget.on_click(guarded(self.messages, "het bewaren van je antwoord")(choose))
        return widget

    def _move(self, step: int) -> None:
        assert self.part is not None
        self.index = max(0, min(len(self.part.items), self.index + step))
        self.show_item()

    # -- all items on one page (deelnemer, coördinator)

    def show_list(self) -> None:
        """Show every item with its own row of answer buttons, then the remark and send."""
        assert self.part is not None
        self.counter = _html("", "lco-voortgang")
        rows: list[widgets.Widget] = [
            _html(f"<p>{escape(self.part.inleiding)}</p>", "lco-inleiding"),
            self.counter,
        ]
        for number, item in enumerate(self.part.items, start=1):
            rows.append(self._item_row(number, item.id, item.tekst))
        self._update_counter()
        self.body.children = [*rows, *self._remark_widgets()]

    def _item_row(self, number: int, item_id: str, statement: str) -> widgets.VBox:
        assert self.part is not None
        values: list[int | None] = [p.waarde for p in self.part.schaal]
        if self.part.weet_ik_niet:
            values.append(None)
        buttons: list[widgets.Button] = []
        box = widgets.HBox()
        box.add_class("lco-scores")

        def draw() -> None:
            given = self.answers.get(item_id, "absent")
            for widget, value in zip(buttons, values, strict=True):
                chosen = given == value
                label = self._scale_label(value)
                widget.description = f"✓ {label}" if chosen else label
                widget.button_style = "primary" if chosen else ""
                if chosen:
                    widget.add_class("lco-gekozen")
                else:
                    widget.remove_class("lco-gekozen")

        for value in values:
            widget = button(self._scale_label(value), "", "lco-score")
            widget.add_class(f"lco-waarde-{'weet-niet' if value is None else value}")

            def choose(_: object, value: int | None = value) -> None:
                self.save(item_id, value)
                draw()
                self._update_counter()

            widget.on_click(lambda b, f=choose: guarded(self.messages, "het bewaren van je antwoord")(f)(b))
            buttons.append(widget)
        box.children = buttons
        draw()
        row = widgets.VBox([_html(f'<p class="lco-item-tekst">{number}. {escape(statement)}</p>'), box])
        row.add_class("lco-item")
        row.add_class(f"lco-item-{item_id}")
        return row

    def _update_counter(self) -> None:
        assert self.part is not None
        done = sum(1 for item in self.part.items if item.id in self.answers)
        self.counter.value = (
            f'<p role="status">{escape(text("x_van_y_beantwoord", x=done, y=len(self.part.items)))}</p>'
        )

    # -- remark, send, thanks

    def _remark_widgets(self) -> list[widgets.Widget]:
        self.remark_input = widgets.Textarea(
            value=self.remark,
            description=text("opmerking_label"),
            placeholder=text("opmerking_voorbeeld"),
            continuous_update=False,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="100%"),
        )
        self.remark_input.add_class("lco-opmerking-invoer")
        self.remark_input.observe(
            lambda change: guarded(self.messages, "het bewaren van je opmerking")(self.save_remark)(change["new"]),
            names="value",
        )
        send = button(text("verzenden"), "success", "lco-verzenden")
        send.on_click(lambda _: guarded(self.messages, "het verzenden")(self.send)())
        return [_text("opmerking_titel", tag="h3"), _text("opmerking_uitleg"), self.remark_input, send]

    def show_remark(self) -> None:
        """Show the last step of the one-at-a-time version: a remark and the send button."""
        back = button(text("vorige"), "", "lco-vorige")
        back.on_click(lambda _: self._move(-1))
        self.body.children = [*self._remark_widgets(), back]

    def save_remark(self, value: str) -> None:
        """Save the remark as soon as the field is left."""
        if value.strip() != self.remark.strip():
            self.store.record_remark(self.code, self.key, self.perspective, value)
            self.remark = value

    def send(self) -> None:
        """Save the remark, mark the respondent as done (once, however often pressed) and thank them."""
        self.save_remark(self.remark_input.value)
        self.store.finish(self.code, self.key, self.perspective)
        self.show_thanks()

    def show_thanks(self) -> None:
        """Show the thank-you, and a way for the next person on the same device."""
        again = button(text("nog_iemand"), "", "lco-opnieuw")
        again.on_click(lambda _b: guarded(self.messages, "het opnieuw beginnen")(self.again)())
        self.body.children = [
            _html(f"<h2>{escape(text('bedankt_titel'))}</h2><p>{escape(text('bedankt_tekst'))}</p>", "lco-bedankt"),
            again,
        ]


def invulpagina(query: str | None = None, store: ReflectieStore | None = None) -> InvulPagina:
    """Return the answer page (the code is read from the address when there is one).

    When the server runs this page in a preheated kernel (started before anyone asked for
    it), the address is known only once a person opens the page: the page then fills in as
    soon as it arrives, without holding its cell (see :func:`when_requested`).
    """
    if query is not None:
        return InvulPagina(query, store)
    page = InvulPagina(None, store, route=False)
    when_requested(page.open_address)
    return page


# ====================================================================== facilitator


class Poller:
    """Calls ``tick`` every few seconds in a background thread until told to stop.

    A tick that raises is logged and reported through ``on_error`` (never swallowed
    silently); after a few failures in a row the poller stops and says so. ``tick``
    returns False to stop (the session was closed or deleted).
    """

    def __init__(
        self, tick: Callable[[], bool], on_error: Callable[[str, bool], None], seconds: float = POLL_SECONDS
    ) -> None:
        self._tick = tick
        self._on_error = on_error
        self.seconds = seconds
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.failures = 0

    @property
    def running(self) -> bool:
        """Return whether the thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Start polling (again)."""
        if self.running:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="lco-reflectie-poller", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop polling; returns at once."""
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.wait(self.seconds):
            try:
                keep = self._tick()
                self.failures = 0
            except LcoError as error:
                self.failures += 1
                self._report(str(error))
                continue
            except Exception:  # a defect: log it, and tell the facilitator
                self.failures += 1
                reference = log_unexpected("het bijwerken van de resultaten")
                self._report(text("bijwerken_fout", kenmerk=reference))
                continue
            if not keep:
                break

    def _report(self, message: str) -> None:
        stopping = self.failures >= MAX_POLL_FAILURES
        if stopping:
            self._stop.set()
        try:
            self._on_error(message, stopping)
        except Exception:  # the page itself is gone; nothing left to tell
            log_unexpected("het melden van een fout bij het bijwerken")


class SecretKeeper(widgets.VBox):
    """Keeps the facilitator's secret in the browser tab, never in the page's address (class ``lco-geheim-bewaarder``).

    Two invisible parts talk with the template's script (``lco-geheim.html.j2``): a mark
    ``data-lco-geheim-bewaar`` asks the browser to keep a secret in ``sessionStorage`` (and
    ``data-lco-geheim-vergeet`` to forget it); a hidden text field receives the kept secret
    when the page opens again, and the echo when the browser has kept one. The kernel clears
    both at once, so the secret stays in neither the page nor the widgets.

    Args:
        on_secret: Called with a secret the browser hands over.
    """

    def __init__(self, on_secret: Callable[[str], None]) -> None:
        self.field = widgets.Text(value="")
        self.field.add_class("lco-geheim-bewaard")
        self.field.layout.display = "none"
        self.mark = widgets.HTML("")
        self.mark.add_class("lco-geheim-opslag")
        self.mark.layout.display = "none"
        super().__init__([self.field, self.mark])
        self.add_class("lco-geheim-bewaarder")
        self.layout.display = "none"
        self._on_secret = on_secret
        self.field.observe(self._arrived, names="value")

    def keep(self, secret: str) -> None:
        """Ask the browser to keep this secret for the tab."""
        self.mark.value = f'<span data-lco-geheim-bewaar="{escape(secret)}"></span>'

    def forget(self) -> None:
        """Ask the browser to forget the secret."""
        self.mark.value = '<span data-lco-geheim-vergeet="ja"></span>'

    def _arrived(self, change: dict[str, Any]) -> None:
        secret = str(change["new"]).strip()
        if not secret:
            return
        self.field.value = ""
        if "data-lco-geheim-bewaar" in self.mark.value:
            self.mark.value = ""
        self._on_secret(secret)


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
        super().__init__([_html(_STYLE), self.body, self.messages, self.keeper])
        self.add_class("lco-reflectie")
        self.add_class("lco-reflectie-begeleider")
        self._store = store
        self.session: Sessie | None = None
        self._key: str | None = None  # the traject's key: in this kernel only, never on the page
        self._lock = threading.RLock()
        self._shown = _Shown()
        self._start_polling = start_polling
        self.poller = Poller(self.poll_once, self._poll_error, poll_seconds)
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
            _text("nieuwe_sessie_titel", tag="h2"),
            _text("nieuwe_sessie_uitleg"),
            self.kind,
            self.title_input,
            self.min_group,
            new,
            _text("heropenen_titel", tag="h2"),
            _html(f"<p>{escape(btext('heropen_opvolging_uitleg'))}</p>"),
            self.secret_input,
            widgets.HBox([reopen, follow_up]).add_class("lco-knoppen"),
            _text("papier_titel", tag="h2"),
            _text("papier_uitleg"),
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
            _html(f"<h2>{escape(btext('sleutel_titel'))}</h2><p>{escape(btext('sleutel_uitleg'))}</p>"),
            _html(
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
            self.counts_html = _html("", "lco-aantallen")
            self.status_html = _html("", "lco-status")
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
        parts: list[widgets.Widget] = [_html(f"<h2>{escape(title)}</h2>", "lco-sessie-titel")]
        code = _html(
            f"<p>{escape(text('deelnemen_uitleg'))}</p>"
            f'<div class="lco-code-groot" aria-label="{escape(text("code_label"))}">{escape(session.code)}</div>'
            f'<p class="lco-adres">{escape(url)}</p>',
            "lco-code-vak",
        )
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
            controls.append(_text("toon_uitleg"))
            controls.append(widgets.HBox(list(self.show_boxes.values())))
        else:
            controls.append(_text("privacy_dag", min=session.min_groep))
        self.threshold = widgets.Dropdown(
            options=[(_number(t), t) for t in _THRESHOLDS]
            + ([] if session.drempel in _THRESHOLDS else [(_number(session.drempel), session.drempel)]),
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
        return widgets.VBox([_text("uitvoer_titel", tag="h2"), _text("uitvoer_uitleg"), buttons, self.downloads])

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
            parts += [_html(f"<p>{escape(btext('opvolging_uitleg'))}</p>"), self.follow_up_title, follow_up]
        parts += [_html(f"<p>{escape(btext('verlaten_uitleg'))}</p>"), leave]
        box = widgets.VBox([_html(f"<h2>{escape(btext('traject_titel'))}</h2>"), *parts])
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
        return widgets.VBox([_text("einde_titel", tag="h2"), _text("einde_uitleg"), buttons, self.confirm_box])

    def _ask(self, what: str) -> None:
        yes = button(text(f"{what}_bevestig"), "danger" if what == "wissen" else "warning", f"lco-{what}-bevestig")
        no = button(text("annuleren"), "", "lco-annuleren")
        yes.on_click(
            lambda _: guarded(self.messages, f"het {what}")(
                self.close_session if what == "sluiten" else self.delete_session
            )()
        )
        no.on_click(lambda _: setattr(self.confirm_box, "children", []))
        self.confirm_box.children = [_text(f"{what}_vraag", "lco-bevestig-vraag"), widgets.HBox([yes, no])]

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
        cells = []
        for perspective in PERSPECTIVES:
            count = report.counts[perspective]
            seen = report.visibility[perspective]
            if report.session.soort == "reflectiedag" and not seen.shown:
                shown = text("minder_dan", min=report.session.min_groep) if count else "0"
            else:
                shown = str(count)
            sent = text("verzonden_aantal", aantal=report.finished[perspective])
            cells.append(
                f'<tr><th scope="row">{escape(report.label(perspective))}</th>'
                f'<td><span class="lco-aantal" data-perspectief="{perspective}">{escape(shown)}</span></td>'
                f"<td>{escape(sent if seen.shown else '')}</td>"
                f"</tr>"
            )
        self.counts_html.value = (
            f'<h3>{escape(text("aantallen_titel"))}</h3><table class="lco-tabel" aria-live="polite">'
            f"<caption>{escape(text('aantallen_bijschrift'))}</caption>{''.join(cells)}</table>"
        )

    def _draw_results(self, report: Any) -> None:
        from lco_kit.reflectie import report_charts, summary_table  # noqa: PLC0415

        parts: list[widgets.Widget] = [_text("resultaten_titel", tag="h2")]
        hidden = [v for v in report.visibility.values() if not v.shown and report.counts[v.perspective]]
        if hidden:
            notes = "".join(f"<li>{escape(report.label(v.perspective))}: {escape(v.reason)}</li>" for v in hidden)
            parts.append(_html(f"<ul>{notes}</ul>", "lco-verborgen"))
        headers, rows = summary_table(report)
        body = []
        for dimension, row in zip(report.scores.dimensions, rows, strict=True):
            alert = bool(report.scores.alerts[dimension])
            cells = "".join(f"<td>{escape(cell)}</td>" for cell in row[1:])
            body.append(
                f'<tr class="{"lco-signaal" if alert else ""}" data-dimensie="{escape(dimension)}">'
                f'<th scope="row">{escape(row[0])}</th>{cells}</tr>'
            )
        head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
        caption = text("overzicht_bijschrift", drempel=_number(report.scores.threshold))
        parts.append(
            _html(
                f'<table class="lco-tabel lco-overzicht-tabel"><caption>{escape(caption)}'
                f"</caption><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>",
                "lco-overzicht",
            )
        )
        alerted = [report.instrument.dimension(d).kort for d, flag in report.scores.alerts.items() if flag]
        if alerted:
            parts.append(
                _html(f'<p role="status">{escape(text("signalen", lijst=", ".join(alerted)))}</p>', "lco-signalen")
            )
        for note in report.suppressed:
            parts.append(_html(f"<p>{escape(note)}</p>", "lco-dun"))
        charts = report_charts(report)
        if charts:
            box = widgets.VBox([chart_image(chart) for chart in charts])
            box.add_class("lco-grafieken")
            parts.append(box)
        else:
            parts.append(_text("nog_geen_resultaten", "lco-grafieken-leeg"))
        parts.append(self._remarks(report))
        trend = self._trend(report)
        if trend is not None:
            parts.append(trend)
        self.results.children = parts

    @staticmethod
    def _remarks(report: Any) -> widgets.Widget:
        items = []
        for perspective in report.shown:
            for remark in report.remarks.get(perspective, []):
                items.append(f"<li><strong>{escape(report.label(perspective))}:</strong> {escape(remark)}</li>")
        content = (
            f'<ul class="lco-opmerkingen-lijst">{"".join(items)}</ul>'
            if items
            else f"<p>{escape(text('geen_opmerkingen'))}</p>"
        )
        return _html(f"<h3>{escape(text('opmerkingen_titel'))}</h3>{content}", "lco-opmerkingen")

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

    def _trend(self, report: Any) -> widgets.Widget | None:
        from lco_kit.reflectie import trend_chart, trend_table  # noqa: PLC0415

        trend = self.traject_trend(report)
        if trend is None:
            return None
        headers, rows = trend_table(trend)
        head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
        body = "".join(
            f'<tr><th scope="row">{escape(row[0])}</th>{"".join(f"<td>{escape(c)}</td>" for c in row[1:])}</tr>'
            for row in rows
        )
        intro = _html(
            f"<h3>{escape(btext('verloop_titel', aantal=len(trend.points)))}</h3>"
            f"<p>{escape(btext('verloop_uitleg'))}</p>"
        )
        chart = chart_image(trend_chart(trend))
        chart.add_class("lco-verloop-grafiek")
        table = _html(
            f'<table class="lco-tabel lco-verloop-tabel"><caption>{escape(btext("verloop_bijschrift"))}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )
        box = widgets.VBox([intro, chart, table])
        box.add_class("lco-verloop")
        return box

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


class PapierInvoer(widgets.VBox):
    """A paper questionnaire typed in on the facilitator page (class ``lco-papier-invoer``).

    Pick who filled it in, click each item's answer as it stands on the paper, copy the
    remark, save: the answers go through :meth:`ReflectieStore.submit`, the same checks and
    the same store as ``lco-kit reflectie submit``, as one respondent of source ``papier``.
    After saving the form is empty again, so a second click stores nothing twice.

    Args:
        page: The facilitator page (its store, session, messages and results).
    """

    def __init__(self, page: BegeleiderPagina) -> None:
        self.page = page
        assert page.session is not None
        instrument = page.session.instrument
        self.perspective = widgets.Dropdown(
            options=[(btext("papier_kies"), ""), *((instrument.perspective(p).label, p) for p in PERSPECTIVES)],
            value="",
            description=btext("papier_perspectief_label"),
            style={"description_width": "initial"},
        )
        self.perspective.add_class("lco-papier-perspectief")
        self.items = widgets.VBox()
        self.items.add_class("lco-papier-vragen")
        self.remark = widgets.Textarea(
            description=btext("papier_opmerking_label"), style={"description_width": "initial"}
        )
        self.remark.add_class("lco-papier-opmerking")
        self.remark.layout.display = "none"
        self.save_button = button(btext("papier_opslaan"), "primary", "lco-papier-opslaan")
        self.save_button.layout.display = "none"
        self.choices: dict[str, widgets.ToggleButtons] = {}
        self._lock = threading.Lock()
        self.perspective.observe(
            lambda _c: guarded(page.messages, "het tonen van de vragen")(self.show_items)(), names="value"
        )
        self.save_button.on_click(
            lambda _: guarded(page.messages, "het bewaren van de papieren vragenlijst")(self.save)()
        )
        super().__init__(
            [
                _html(f"<h2>{escape(btext('papier_invoer_titel'))}</h2><p>{escape(btext('papier_invoer_uitleg'))}</p>"),
                self.perspective,
                self.items,
                self.remark,
                self.save_button,
            ]
        )
        self.add_class("lco-papier-invoer")

    def show_items(self) -> None:
        """Show every item of the chosen perspective with its answers to click (nothing chosen yet)."""
        chosen = self.perspective.value
        self.choices = {}
        if not chosen:
            self.items.children = []
            self.remark.layout.display = self.save_button.layout.display = "none"
            return
        assert self.page.session is not None
        part = self.page.session.instrument.perspective(chosen)
        rows = []
        for number, item in enumerate(part.items, start=1):
            options = [(f"{point.waarde} {point.symbool}".strip(), str(point.waarde)) for point in part.schaal]
            tips = [point.label for point in part.schaal]
            if part.weet_ik_niet:
                options.append((btext("weet_ik_niet_kort"), _UNKNOWN))
                tips.append(btext("weet_ik_niet_kort"))
            toggle = widgets.ToggleButtons(options=options, value=None, tooltips=tips, style={"button_width": "auto"})
            toggle.add_class("lco-papier-keuze")
            toggle.add_class(f"lco-papier-item-{item.id}")
            self.choices[item.id] = toggle
            row = widgets.VBox([_html(f'<p class="lco-item-tekst">{number}. {escape(item.tekst)}</p>'), toggle])
            row.add_class("lco-item")
            rows.append(row)
        self.items.children = rows
        self.remark.layout.display = self.save_button.layout.display = None

    def answers(self) -> dict[str, int | None]:
        """Return the answers clicked so far (item id → score, None for 'weet ik niet')."""
        return {
            item: None if toggle.value == _UNKNOWN else int(toggle.value)
            for item, toggle in self.choices.items()
            if toggle.value is not None
        }

    def save(self) -> None:
        """Store the form as one paper respondent, then empty it for the next paper."""
        if not self._lock.acquire(blocking=False):
            return  # a second click while the first is being saved
        try:
            session = self.page.session
            chosen = self.perspective.value
            if not chosen:
                raise LcoError(btext("papier_geen_perspectief"))
            if session is None or not self.page.store.reload(session).is_open:
                raise LcoError(btext("papier_gesloten"))
            answers = self.answers()
            self.page.store.submit(session.code, chosen, answers, self.remark.value, source="papier")
            label = session.instrument.perspective(chosen).label
            self.remark.value = ""
            self.perspective.value = ""
            self.page.refresh(force_charts=True)
            self.page.messages.show(btext("papier_opgeslagen", perspectief=label, aantal=len(answers)), "ok")
        finally:
            self._lock.release()


def begeleiderpagina(store: ReflectieStore | None = None) -> BegeleiderPagina:
    """Return the facilitator page."""
    return BegeleiderPagina(store)
