"""The moment player, shared by the role-play pages: a scenario played moment by moment.

:class:`MomentSpeler` shows the situation, takes a choice, gives the feedback with every
option's reason, and ends with the score per role (a table and a chart). The solo page plays
it on a laptop or phone, the facilitator's page on a projector (``projector=True``).
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from lco_kit.rollenspel import (
    FASEN,
    Scenario,
    ScenarioMoment,
    Terugkoppeling,
    fase,
    rollenspel_text,
    score_chart,
    score_scenario,
)
from lco_kit.ui.rollenspel_html import feedback_html, moment_html, score_html
from lco_kit.ui.widgets import MessageArea, button, button_row, chart_image, escape, guarded, html_block

__all__ = ["MomentSpeler"]

t = rollenspel_text


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
