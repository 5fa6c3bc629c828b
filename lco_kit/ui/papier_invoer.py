"""A paper questionnaire typed in on the reflection's facilitator page."""

from __future__ import annotations

import threading
from typing import Protocol

import ipywidgets as widgets

from lco_kit.errors import LcoError
from lco_kit.reflectie import PERSPECTIVES, ReflectieStore, Sessie
from lco_kit.ui.reflectie_teksten import btext
from lco_kit.ui.widgets import MessageArea, button, escape, guarded, html_block

__all__ = ["PapierInvoer"]

_UNKNOWN = "?"  # the paper form's 'weet ik niet' among the scores


class _Page(Protocol):
    """What the paper form needs of its page: the store, the open session, the messages, a redraw."""

    messages: MessageArea
    session: Sessie | None

    @property
    def store(self) -> ReflectieStore: ...

    def refresh(self, force_charts: bool = False) -> None: ...


class PapierInvoer(widgets.VBox):
    """A paper questionnaire typed in on the facilitator page (class ``lco-papier-invoer``).

    Pick who filled it in, click each item's answer as it stands on the paper, copy the
    remark, save: the answers go through :meth:`ReflectieStore.submit`, the same checks and
    the same store as ``lco-kit reflectie submit``, as one respondent of source ``papier``.
    After saving the form is empty again, so a second click stores nothing twice.

    Args:
        page: The facilitator page (its store, session, messages and results).
    """

    def __init__(self, page: _Page) -> None:
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
                html_block(
                    f"<h2>{escape(btext('papier_invoer_titel'))}</h2><p>{escape(btext('papier_invoer_uitleg'))}</p>",
                    "lco-papier-invoer-kop",
                ),
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
            row = widgets.VBox(
                [html_block(f'<p class="lco-item-tekst">{number}. {escape(item.tekst)}</p>', "lco-item-vraag"), toggle]
            )
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
