"""The reflection's answer page: answering on a phone or a laptop (:func:`invulpagina`).

Join with the code (typed, or from ``?code=`` in the
address, which Voilà passes to the kernel as ``QUERY_STRING``), pick a perspective, answer.
Choosing a perspective gives the respondent a fresh random key, which the page writes into
the browser's address without reloading (``?code=…&p=…&r=…``, see
:class:`~lco_kit.ui.page_address.PageAddress`): a reload or a phone that locked goes on where it
was, and the respondent counts once — with one kernel per person. Every answer is saved the moment it
is given. The client version shows one item at a time with large smiley buttons.

Everything a respondent typed is shown as text, never as HTML. The facilitator's page is
:mod:`lco_kit.ui.reflectie_begeleider`.
"""

from __future__ import annotations

import os
from urllib.parse import parse_qs, urlencode

import ipywidgets as widgets

from lco_kit.errors import LcoError
from lco_kit.reflectie import (
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
from lco_kit.ui.page_address import PageAddress, when_requested
from lco_kit.ui.reflectie_teksten import text_block
from lco_kit.ui.texts import text as ui_text
from lco_kit.ui.widgets import MessageArea, button, escape, guarded, html_block

__all__ = ["ANSWER_PAGE", "InvulPagina", "invulpagina"]

ANSWER_PAGE = "40_reflectie_invullen.ipynb"


def _query(raw: str | None) -> dict[str, str]:
    parsed = parse_qs(raw if raw is not None else os.environ.get("QUERY_STRING", ""))
    return {key: values[-1] for key, values in parsed.items() if values}


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
        super().__init__([self.body, self.messages, self.address])
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
            self.body.children = [
                html_block(f'<p class="lco-wachten">{escape(ui_text("even_geduld"))}</p>', "lco-invullen-wachten")
            ]

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
            text_block("invullen_welkom", tag="h2"),
            text_block("code_uitleg"),
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
            uitleg = text_block(f"keuze_{perspective}", "lco-perspectief-uitleg")
            choices.append(widgets.VBox([choice, uitleg], layout=widgets.Layout(margin="0 0 0.75rem 0")))
        title = self.session.titel or instrument.titel
        self.body.children = [
            html_block(f"<h2>{escape(title)}</h2>", "lco-invullen-titel"),
            text_block("keuze_vraag"),
            widgets.VBox(choices).add_class("lco-perspectieven"),
            text_block("privacy_invullen", "lco-privacy"),
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
        self.body.children = [text_block("sessie_gesloten", "lco-gesloten", tag="h2")]

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
        progress = html_block(
            f'<div class="lco-voortgang" role="status">{escape(text("vraag_x_van_y", x=self.index + 1, y=len(items)))}'
            f'</div><div class="lco-balk" role="progressbar" aria-label="{escape(text("voortgang"))}" '
            f'aria-valuemin="0" aria-valuemax="100" aria-valuenow="{share}"><span style="width:{share}%"></span></div>',
            "lco-invullen-voortgang",
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
        question = html_block(
            f'<p class="lco-vraag-tekst" data-item="{escape(item.id)}">{escape(item.tekst)}</p>', "lco-invullen-vraag"
        )
        body: list[widgets.Widget] = [progress]
        if self.index == 0:
            body.append(html_block(f"<p>{escape(self.part.inleiding)}</p>", "lco-inleiding"))
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
        self.counter = html_block("", "lco-voortgang")
        rows: list[widgets.Widget] = [
            html_block(f"<p>{escape(self.part.inleiding)}</p>", "lco-inleiding"),
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
        row = widgets.VBox(
            [html_block(f'<p class="lco-item-tekst">{number}. {escape(statement)}</p>', "lco-item-vraag"), box]
        )
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
        return [text_block("opmerking_titel", tag="h3"), text_block("opmerking_uitleg"), self.remark_input, send]

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
            html_block(
                f"<h2>{escape(text('bedankt_titel'))}</h2><p>{escape(text('bedankt_tekst'))}</p>", "lco-bedankt"
            ),
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
    when_requested(page.open_address, page)
    return page
