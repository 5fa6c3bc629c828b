"""One exercise on the screen, of any kind: the question, the inputs, the check, and why.

:class:`OefeningWidget` shows an exercise in the order a lesson chose for its options
(:attr:`lco_kit.oefeningen.OefenStap.weergave`), lets the learner answer, checks the answer
with :func:`lco_kit.oefeningen.check_answer` and shows the explanation of every option,
step or moment. All checking happens in :mod:`lco_kit.oefeningen`; this module only reads
the inputs and draws the verdict. Every text from a bank is escaped: it is shown as text,
never as HTML.

CSS classes for tests and styling: ``lco-oefening``, ``lco-oefening-<soort>``,
``lco-oefening-id-<id>``, ``lco-oef-controleer``, ``lco-oef-uitleg`` (the verdict), and per
explanation ``lco-uitleg-<status>`` (``lco-uitleg-gekozen_fout``: the learner's wrong choice).
Its styles are in the kit's template (``lco-pagina-oefeningen.css``), on every page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import ipywidgets as widgets

from lco_kit.oefeningen import (
    AnyOefening,
    Beoordeling,
    KeuzeUitEen,
    Koppelen,
    MeerdereKeuzes,
    OpenVraag,
    Terugkoppeling,
    Volgorde,
    check_answer,
    oefen_tekst,
)
from lco_kit.principes import load_principes
from lco_kit.ui.widgets import MessageArea, button, escape, guarded, html_block

__all__ = ["OefeningWidget"]


class OefeningWidget(widgets.VBox):
    """One exercise of any kind, with its check and its explanations.

    Args:
        oefening: The exercise.
        weergave: The order in which to show its options, steps or moments (indices in the
            bank's order); empty shows them in the bank's order (a ``volgorde`` exercise is
            then shown reversed, so that there is something to do).
        casus_titel: The title of the casus the exercise is built on, when it refers to one.
        on_checked: Called with the verdict after a scored exercise is checked.
        on_reflectie: Called with the exercise id and the text after an open question is answered.

    Attributes:
        beoordeling: The verdict, once the learner checked an answer.
        messages: Where problems with an answer are shown (nothing chosen yet, …).
    """

    def __init__(
        self,
        oefening: AnyOefening,
        weergave: Sequence[int] = (),
        *,
        casus_titel: str | None = None,
        on_checked: Callable[[Beoordeling], None] | None = None,
        on_reflectie: Callable[[str, str], None] | None = None,
    ) -> None:
        self.oefening = oefening
        self.weergave = tuple(weergave) or self._default_order(oefening)
        self.beoordeling: Beoordeling | None = None
        self._on_checked = on_checked
        self._on_reflectie = on_reflectie
        self.messages = MessageArea()
        self.uitleg = html_block("", "lco-oef-uitleg")
        self.hint = html_block("", "lco-oef-hint-vak")
        self._inputs: list[widgets.Widget] = []
        body = self._build_inputs()
        check_label = oefen_tekst("bewaar_voor_mij") if isinstance(oefening, OpenVraag) else oefen_tekst("controleer")
        self.controleer = button(check_label, "primary", "lco-oef-controleer")
        self.controleer.on_click(lambda _: guarded(self.messages, "het nakijken van je antwoord")(self.check)())
        parts: list[widgets.Widget] = [self._header(casus_titel), *body]
        if oefening.hint:
            self.hint_knop = button(oefen_tekst("hint_knop"), "", "lco-oef-hint-knop")
            self.hint_knop.on_click(lambda _: self.show_hint())
            parts += [self.hint_knop, self.hint]
        buttons = widgets.HBox([self.controleer])
        buttons.add_class("lco-knoppen")
        parts += [buttons, self.messages, self.uitleg]
        super().__init__(parts)
        self.layout.width = "auto"
        self.add_class("lco-oefening")
        self.add_class(f"lco-oefening-{oefening.soort}")
        self.add_class(f"lco-oefening-id-{oefening.id}")

    # ------------------------------------------------------------ building

    @staticmethod
    def _default_order(oefening: AnyOefening) -> tuple[int, ...]:
        if isinstance(oefening, KeuzeUitEen | MeerdereKeuzes):
            return tuple(range(len(oefening.opties)))
        if isinstance(oefening, Koppelen):
            return tuple(range(len(oefening.paren)))
        if isinstance(oefening, Volgorde):
            return tuple(reversed(range(len(oefening.stappen))))
        return ()

    def _header(self, casus_titel: str | None) -> widgets.HTML:
        oefening = self.oefening
        label = [load_principes().titel(oefening.onderwerp), oefen_tekst(f"soort_{oefening.soort}")]
        if oefening.fase:
            label.append(oefen_tekst("fase", fase=oefening.fase))
        casus = (
            f'<p class="lco-oef-casus">{escape(oefen_tekst("uit_casus", titel=casus_titel))}</p>' if casus_titel else ""
        )
        return html_block(
            f'<p class="lco-oef-label">{escape(" · ".join(label))}</p>{casus}'
            f'<p class="lco-oef-vraag">{escape(oefening.vraag)}</p>'
            f'<p class="lco-oef-opdracht">{escape(oefen_tekst(f"opdracht_{oefening.soort}"))}</p>',
            "lco-oef-kop",
        )

    def _build_inputs(self) -> list[widgets.Widget]:
        oefening = self.oefening
        if isinstance(oefening, KeuzeUitEen):
            self.keuze = widgets.RadioButtons(
                options=[(oefening.opties[i].tekst, i) for i in self.weergave],
                value=None,
                layout=widgets.Layout(width="auto"),
            )
            self.keuze.add_class("lco-oef-keuzes")
            self._inputs = [self.keuze]
            return [self.keuze]
        if isinstance(oefening, MeerdereKeuzes):
            self.vakjes = [
                widgets.Checkbox(
                    value=False, description=oefening.opties[i].tekst, indent=False, layout=widgets.Layout(width="auto")
                )
                for i in self.weergave
            ]
            for vakje in self.vakjes:
                vakje.add_class("lco-oef-vakje")
            box = widgets.VBox(self.vakjes, layout=widgets.Layout(width="auto"))
            box.add_class("lco-oef-keuzes")
            self._inputs = list(self.vakjes)
            return [box]
        if isinstance(oefening, Volgorde):
            return [self._build_order()]
        if isinstance(oefening, Koppelen):
            return self._build_matching(oefening)
        self.tekstvak = widgets.Textarea(
            value="",
            placeholder=oefen_tekst("open_voorbeeld"),
            description=oefen_tekst("open_label"),
            style={"description_width": "initial"},
            layout=widgets.Layout(width="auto"),
        )
        self.tekstvak.add_class("lco-oef-tekstvak")
        self._inputs = [self.tekstvak]
        return [self.tekstvak]

    def _build_order(self) -> widgets.VBox:
        self.volgorde = list(self.weergave)
        self._rijen: list[tuple[widgets.HTML, widgets.Button, widgets.Button]] = []
        rows = []
        for position in range(len(self.volgorde)):
            text = html_block("", "lco-volgorde-tekst")
            up = button(oefen_tekst("hoger"), "", "lco-volgorde-hoger")
            down = button(oefen_tekst("lager"), "", "lco-volgorde-lager")
            up.on_click(lambda _, p=position: self.move(p, -1))
            down.on_click(lambda _, p=position: self.move(p, +1))
            row = widgets.HBox([text, up, down], layout=widgets.Layout(width="auto"))
            row.add_class("lco-volgorde-rij")
            self._rijen.append((text, up, down))
            self._inputs += [up, down]
            rows.append(row)
        self._draw_order()
        box = widgets.VBox(rows, layout=widgets.Layout(width="auto"))
        box.add_class("lco-oef-volgorde")
        return box

    def _draw_order(self) -> None:
        assert isinstance(self.oefening, Volgorde)
        last = len(self.volgorde) - 1
        for position, (text, up, down) in enumerate(self._rijen):
            step = self.oefening.stappen[self.volgorde[position]].tekst
            text.value = f'<span class="lco-volgorde-nummer">{position + 1}.</span> {escape(step)}'
            up.tooltip = oefen_tekst("hoger_uitleg", tekst=step)
            down.tooltip = oefen_tekst("lager_uitleg", tekst=step)
            if self.beoordeling is None:
                up.disabled = position == 0
                down.disabled = position == last

    def move(self, position: int, direction: int) -> None:
        """Move the step at ``position`` one place up (-1) or down (+1)."""
        target = position + direction
        if self.beoordeling is not None or not 0 <= target < len(self.volgorde):
            return
        self.volgorde[position], self.volgorde[target] = self.volgorde[target], self.volgorde[position]
        self._draw_order()

    def _build_matching(self, oefening: Koppelen) -> list[widgets.Widget]:
        inhoud = load_principes()
        choices = [(oefen_tekst("kies_principe"), ""), *((inhoud.titel(code), code) for code in oefening.keuzes)]
        self.keuzelijsten: dict[int, widgets.Dropdown] = {}
        parts: list[widgets.Widget] = []
        for number, index in enumerate(self.weergave, start=1):
            moment = html_block(
                f'<p><span class="lco-koppel-nummer">{number}.</span> {escape(oefening.paren[index].moment)}</p>',
                "lco-koppel-moment",
            )
            dropdown = widgets.Dropdown(
                options=choices,
                value="",
                description=oefen_tekst("koppel_label", nummer=number),
                style={"description_width": "initial"},
                layout=widgets.Layout(width="auto"),
            )
            dropdown.add_class("lco-oef-koppeling")
            self.keuzelijsten[index] = dropdown
            self._inputs.append(dropdown)
            parts += [moment, dropdown]
        return parts

    # ------------------------------------------------------------ answering

    def answer(self) -> object:
        """Return the learner's current answer, in the form :func:`check_answer` takes."""
        oefening = self.oefening
        if isinstance(oefening, KeuzeUitEen):
            return self.keuze.value
        if isinstance(oefening, MeerdereKeuzes):
            return {index for index, vakje in zip(self.weergave, self.vakjes, strict=True) if vakje.value}
        if isinstance(oefening, Volgorde):
            return list(self.volgorde)
        if isinstance(oefening, Koppelen):
            return {index: dropdown.value for index, dropdown in self.keuzelijsten.items()}
        return self.tekstvak.value

    def check(self) -> Beoordeling:
        """Check the answer, show why, and lock the inputs (what ‘Controleer’ does).

        Raises:
            LcoError: When the answer is incomplete; the widget shows it through its message area.
        """
        if self.beoordeling is not None:
            return self.beoordeling
        verdict = check_answer(self.oefening, self.answer())
        self.messages.clear()
        self.beoordeling = verdict
        for widget in self._inputs:
            widget.disabled = True
        self.controleer.disabled = True
        if self.oefening.hint:
            self.hint_knop.disabled = True
        self.uitleg.value = self._explanation(verdict)
        if isinstance(self.oefening, OpenVraag):
            if self._on_reflectie is not None:
                self._on_reflectie(self.oefening.id, self.tekstvak.value)
        elif self._on_checked is not None:
            self._on_checked(verdict)
        return verdict

    def show_hint(self) -> None:
        """Show the exercise's hint."""
        if self.oefening.hint:
            self.hint.value = (
                f'<p class="lco-oef-hint"><strong>{escape(oefen_tekst("hint_label"))}</strong> '
                f"{escape(self.oefening.hint)}</p>"
            )

    # ------------------------------------------------------------ explaining

    def _explanation(self, verdict: Beoordeling) -> str:
        level = "info" if isinstance(self.oefening, OpenVraag) else ("ok" if verdict.juist else "let-op")
        head = (
            f'<div class="lco-melding lco-melding-{level} lco-oef-oordeel" role="status">'
            f"<strong>{escape(verdict.oordeel)}</strong></div>"
        )
        items = list(verdict.terugkoppeling)
        if isinstance(self.oefening, KeuzeUitEen):
            first = [item for item in items if item.status in {"gekozen_juist", "gekozen_fout", "gemist"}]
            rest = [item for item in items if item not in first]
            return (
                head
                + _list(first, single=True)
                + f'<h4 class="lco-uitleg-kop">{escape(oefen_tekst("andere_opties"))}</h4>'
                + _list(rest, single=True)
            )
        if isinstance(self.oefening, Volgorde):
            return (
                head
                + f'<h4 class="lco-uitleg-kop">{escape(oefen_tekst("juiste_volgorde"))}</h4>'
                + _list(items, numbered=True)
            )
        return head + _list(items)


def _list(items: Sequence[Terugkoppeling], *, single: bool = False, numbered: bool = False) -> str:
    if not items:
        return ""
    tag = "ol" if numbered else "ul"
    css = "lco-uitleg-lijst lco-genummerd" if numbered else "lco-uitleg-lijst"
    return f'<{tag} class="{css}">' + "".join(_item(item, single=single) for item in items) + f"</{tag}>"


def _item(item: Terugkoppeling, *, single: bool) -> str:
    key = "status_gemist_enkelvoudig" if single and item.status == "gemist" else f"status_{item.status}"
    parts = [f'<span class="lco-uitleg-status">{escape(oefen_tekst(key))}</span>']
    parts.append(f'<span class="lco-uitleg-tekst">{escape(item.tekst)}</span>')
    if item.detail:
        parts.append(f'<span class="lco-uitleg-detail">{escape(item.detail)}</span>')
    if item.uitleg:
        parts.append(f"<p>{escape(item.uitleg)}</p>")
    return f'<li class="lco-uitleg lco-uitleg-{item.status}">{"".join(parts)}</li>'
