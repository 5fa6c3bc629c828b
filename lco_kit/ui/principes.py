"""The lesson on the maatzorgprincipes: read a principle, practise, see why, and a summary.

:func:`maatzorg_les` returns the page's main widget (:class:`MaatzorgLes`). A lesson is
planned by :func:`lco_kit.oefeningen.plan_les`: a reading step before each topic, then its
exercises. A progress bar covers the whole lesson; at the end a summary shows the score, what
went well and which principles to read again, and offers the learner's own reflections as a
download (they are kept nowhere else). ‘Opnieuw’ plans the lesson again with new random
choices. A facilitator can choose a bank and the number of exercises for a group session.

CSS classes for tests: ``lco-les`` (main widget), ``lco-les-begeleider-knop``,
``lco-les-reeks``, ``lco-les-aantal``, ``lco-les-start``, ``lco-les-voortgang``,
``lco-leeskaart``, ``lco-les-volgende``, ``lco-les-opnieuw``, ``lco-les-samenvatting``, and
``lco-stap-nr-<n>`` on the widget of step *n*. Its styles are in the kit's template
(``lco-pagina-oefeningen.css``).
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import ipywidgets as widgets

from lco_kit.errors import LcoError
from lco_kit.oefeningen import (
    AnyOefening,
    Beoordeling,
    GeladenReeksen,
    LeesStap,
    Les,
    LesResultaat,
    OefenStap,
    known_casus,
    load_banks,
    oefen_tekst,
    plan_les,
    score_les,
)
from lco_kit.principes import Principe, Thema, load_principes
from lco_kit.ui.oefeningen import OefeningWidget
from lco_kit.ui.widgets import DownloadLink, MessageArea, button, escape, guarded

__all__ = ["ALLE_REEKSEN", "STANDAARD_AANTAL", "MaatzorgLes", "maatzorg_les", "reading_card", "summary_html"]

ALLE_REEKSEN = "alle"
"""The choice ‘every bank’ in the facilitator's list."""
STANDAARD_AANTAL = 12
"""A lesson of about twenty minutes: enough for one exercise on each topic."""


def maatzorg_les(seed: int | None = None) -> MaatzorgLes:
    """Return the lesson page's main widget.

    Args:
        seed: Makes every random choice repeatable (tests); ``None`` differs each visit.
    """
    return MaatzorgLes(seed=seed)


def reading_card(code: str, nummer: int | None = None) -> str:
    """Return the HTML of a reading step: a principle or a theme, all text escaped.

    Args:
        code: The principle's or theme's code.
        nummer: The principle's place among the five (shown above its name).
    """
    inhoud = load_principes()
    found = inhoud.onderwerp(code)
    if isinstance(found, Principe):
        label = oefen_tekst("lees_principe", nummer=nummer or inhoud.onderwerp_codes().index(code) + 1)
        points = "".join(f"<li>{escape(point)}</li>" for point in found.in_een_lco)
        body = (
            f'<p class="lco-leeskaart-kern"><strong>{escape(found.kern)}</strong></p>'
            f"<h4>{escape(oefen_tekst('kop_betekenis'))}</h4><p>{escape(found.betekenis)}</p>"
            f"<h4>{escape(oefen_tekst('kop_in_een_lco'))}</h4><ul>{points}</ul>"
            f"<h4>{escape(oefen_tekst('kop_valkuil'))}</h4><p>{escape(found.valkuil)}</p>"
            f"<h4>{escape(oefen_tekst('kop_reflectie'))}</h4><p>{escape(found.reflectievraag)}</p>"
        )
        title = found.naam
    else:
        assert isinstance(found, Thema)
        label = oefen_tekst("lees_thema")
        points = "".join(f"<li>{escape(point)}</li>" for point in found.punten)
        body = f"<p>{escape(found.tekst)}</p>" + (f"<ul>{points}</ul>" if points else "")
        title = found.titel
    return (
        f'<section class="lco-kaart lco-leeskaart lco-leeskaart-{escape(code)}">'
        f'<p class="lco-oef-label">{escape(label)}</p><h3>{escape(title)}</h3>{body}</section>'
    )


def summary_html(resultaat: LesResultaat) -> str:
    """Return the HTML of the lesson's summary: the score, what went well, what to read again."""
    inhoud = load_principes()
    parts = [f"<h3>{escape(oefen_tekst('samenvatting_titel'))}</h3>"]
    if resultaat.geteld:
        parts.append(
            f'<p class="lco-les-score"><strong>'
            f"{escape(oefen_tekst('samenvatting_score', juist=resultaat.juist, geteld=resultaat.geteld))}"
            f"</strong></p>"
        )
        if resultaat.juist != resultaat.punten:
            points = f"{resultaat.punten:.1f}".replace(".", ",")
            parts.append(f"<p>{escape(oefen_tekst('samenvatting_punten', punten=points, geteld=resultaat.geteld))}</p>")
        if resultaat.overgeslagen:
            parts.append(f"<p>{escape(oefen_tekst('samenvatting_overgeslagen', aantal=resultaat.overgeslagen))}</p>")
        rows = "".join(
            f"<li>{escape(oefen_tekst('samenvatting_onderwerp_regel', titel=s.titel, juist=s.juist, geteld=s.geteld))}"
            "</li>"
            for s in resultaat.per_onderwerp
        )
        parts.append(f"<h4>{escape(oefen_tekst('samenvatting_per_onderwerp'))}</h4><ul>{rows}</ul>")
        good = "".join(f"<li>{escape(inhoud.titel(code))}</li>" for code in resultaat.goed)
        parts.append(f"<h4>{escape(oefen_tekst('samenvatting_goed'))}</h4>")
        parts.append(
            f'<ul class="lco-les-goed">{good}</ul>'
            if good
            else f"<p>{escape(oefen_tekst('samenvatting_goed_leeg'))}</p>"
        )
        again = "".join(_revisit_item(code) for code in resultaat.herhalen)
        parts.append(f"<h4>{escape(oefen_tekst('samenvatting_herhalen'))}</h4>")
        parts.append(
            f'<ul class="lco-les-herhalen">{again}</ul>'
            if again
            else f"<p>{escape(oefen_tekst('samenvatting_herhalen_leeg'))}</p>"
        )
    else:
        parts.append(f"<p>{escape(oefen_tekst('samenvatting_geen_score'))}</p>")
    if resultaat.reflecties:
        parts.append(f"<p>{escape(oefen_tekst('samenvatting_reflecties', aantal=resultaat.reflecties))}</p>")
    return "".join(parts)


def _revisit_item(code: str) -> str:
    found = load_principes().onderwerp(code)
    if isinstance(found, Principe):
        return f"<li><strong>{escape(found.naam)}</strong> — {escape(found.kern)}</li>"
    return f"<li><strong>{escape(found.titel)}</strong></li>"


class MaatzorgLes(widgets.VBox):
    """The lesson on the maatzorgprincipes, step by step.

    Args:
        seed: Makes every random choice repeatable; ``None`` differs each visit.
        reeksen: The banks to choose from (default: the kit's and the facilitator's own).
        aantal: How many exercises the first lesson has.

    Attributes:
        les: The lesson being followed.
        positie: The index of the step shown (``len(les.stappen)`` for the summary).
        beoordelingen: The verdict per exercise id in this lesson.
        reflecties: What the learner wrote per open question (kept only in this page).
    """

    def __init__(
        self, *, seed: int | None = None, reeksen: GeladenReeksen | None = None, aantal: int = STANDAARD_AANTAL
    ) -> None:
        self._rng = random.Random(seed)  # noqa: S311  (which exercises and in what order, not security)
        self.messages = MessageArea()
        self._casus = known_casus()
        self.reeksen = reeksen if reeksen is not None else load_banks(casus=self._casus)
        self.les = Les(())
        self.positie = 0
        self.beoordelingen: dict[str, Beoordeling] = {}
        self.reflecties: dict[str, str] = {}
        self.resultaat: LesResultaat | None = None

        self.voortgang = widgets.HTML()
        self.voortgang.add_class("lco-les-voortgang")
        self.voortgang.layout.width = "auto"
        self.stap = widgets.VBox(layout=widgets.Layout(width="auto"))
        self.stap.add_class("lco-les-stap")
        self.volgende = button(oefen_tekst("volgende"), "primary", "lco-les-volgende")
        self.volgende.on_click(lambda _: guarded(self.messages, "het tonen van de volgende stap")(self.next_step)())
        self.opnieuw = button(oefen_tekst("opnieuw"), "", "lco-les-opnieuw")
        self.opnieuw.on_click(lambda _: guarded(self.messages, "het opnieuw beginnen van de les")(self.restart)())
        self.wacht = widgets.HTML()
        self.wacht.add_class("lco-les-wacht")
        navigation = widgets.HBox([self.volgende, self.opnieuw])
        navigation.add_class("lco-knoppen")
        navigation.layout.flex_flow = "row wrap"
        self.download = DownloadLink(
            oefen_tekst("reflecties_download"), oefen_tekst("reflecties_bestand"), "text/plain"
        )
        self.download.layout.display = "none"

        super().__init__(
            [
                self._facilitator_panel(),
                self.voortgang,
                self.stap,
                self.wacht,
                navigation,
                self.download,
                self.messages,
            ]
        )
        self.layout.width = "auto"
        self.add_class("lco-les")
        self._report_bad_banks()
        if self.reeksen.reeksen:
            guarded(self.messages, "het klaarzetten van de les")(self.start)(aantal)
        else:
            self.volgende.layout.display = "none"
            self.opnieuw.layout.display = "none"

    # ------------------------------------------------------------ the facilitator's choice

    def _facilitator_panel(self) -> widgets.VBox:
        total = len(self.reeksen.oefeningen())
        options = [(oefen_tekst("reeks_alle", aantal=total), ALLE_REEKSEN)] + [
            (oefen_tekst("reeks_optie", titel=reeks.titel, aantal=len(reeks.oefeningen)), name)
            for name, reeks in sorted(self.reeksen.reeksen.items(), key=lambda item: item[1].titel)
        ]
        self.reeks = widgets.Dropdown(
            options=options,
            value=ALLE_REEKSEN,
            description=oefen_tekst("reeks_label"),
            style={"description_width": "initial"},
            layout=widgets.Layout(width="auto"),
        )
        self.reeks.add_class("lco-les-reeks")
        self.aantal = widgets.BoundedIntText(
            value=min(STANDAARD_AANTAL, max(total, 1)),
            min=1,
            max=max(total, 1),
            description=oefen_tekst("aantal_label"),
            style={"description_width": "initial"},
        )
        self.aantal.add_class("lco-les-aantal")
        self.reeks.observe(lambda _: self._limit_count(), names="value")
        self.start_knop = button(oefen_tekst("start_les"), "primary", "lco-les-start")
        self.start_knop.on_click(
            lambda _: guarded(self.messages, "het starten van de les")(self.start)(self.aantal.value)
        )
        explanation = widgets.HTML(f"<p>{escape(oefen_tekst('begeleider_uitleg'))}</p>")
        self.paneel = widgets.VBox([explanation, self.reeks, self.aantal, self.start_knop])
        self.paneel.add_class("lco-les-begeleider")
        self.paneel.layout.display = "none"
        self.begeleider_knop = button(oefen_tekst("begeleider_knop"), "", "lco-les-begeleider-knop")
        self.begeleider_knop.on_click(lambda _: self.toggle_panel())
        box = widgets.VBox([self.begeleider_knop, self.paneel], layout=widgets.Layout(width="auto"))
        box.add_class("lco-les-begeleider-vak")
        return box

    def toggle_panel(self) -> None:
        """Show or hide the facilitator's settings."""
        self.paneel.layout.display = "none" if self.paneel.layout.display != "none" else "flex"

    def _chosen_exercises(self) -> list[AnyOefening]:
        name = self.reeks.value
        return self.reeksen.oefeningen(None if name == ALLE_REEKSEN else str(name))

    def _limit_count(self) -> None:
        available = max(len(self._chosen_exercises()), 1)
        self.aantal.max = available
        self.aantal.value = min(self.aantal.value, available)

    def _report_bad_banks(self) -> None:
        if not self.reeksen.reeksen:
            details = "\n\n".join(str(error) for error in self.reeksen.fouten)
            self.messages.show(f"{oefen_tekst('geen_reeksen')}\n\n{details}".strip(), "fout")
        elif self.reeksen.fouten:
            details = "\n\n".join(str(error) for error in self.reeksen.fouten)
            self.messages.show(f"{oefen_tekst('fouten_in_reeksen')}\n\n{details}", "let-op")

    # ------------------------------------------------------------ moving through the lesson

    def start(self, aantal: int | None = None) -> None:
        """Plan a new lesson with the chosen bank and number, and show its first step."""
        exercises = self._chosen_exercises()
        if not exercises:
            raise LcoError(oefen_tekst("les_geen_oefeningen"))
        self.les = plan_les(exercises, rng=random.Random(self._rng.getrandbits(64)), aantal=aantal)  # noqa: S311
        self.positie = 0
        self.beoordelingen = {}
        self.reflecties = {}
        self.resultaat = None
        self.download.set_data(None)
        self.download.layout.display = "none"
        self._show()

    def restart(self) -> None:
        """Start again with the same choice, in a new random order (‘Opnieuw’)."""
        self.start(self.aantal.value)

    def next_step(self) -> None:
        """Go to the next step, or to the summary after the last one."""
        if self.positie < len(self.les.stappen) and not self._may_continue():
            self.wacht.value = f'<p class="lco-les-wacht-tekst">{escape(oefen_tekst("eerst_antwoorden"))}</p>'
            return
        if self.positie < len(self.les.stappen):
            self.positie += 1
            self._show()

    def _may_continue(self) -> bool:
        current = self.les.stappen[self.positie]
        if isinstance(current, LeesStap) or not current.oefening.geteld:
            return True
        return current.oefening.id in self.beoordelingen

    def _show(self) -> None:
        self.messages_clear_soft()
        self.wacht.value = ""
        total = len(self.les.stappen)
        if self.positie >= total:
            self._show_summary()
            return
        current = self.les.stappen[self.positie]
        shown: widgets.Widget
        if isinstance(current, LeesStap):
            shown = widgets.HTML(reading_card(current.onderwerp))
            shown.layout.width = "auto"
        else:
            shown = self._exercise(current)
        # Tests (and the reader's assistive tools) can tell a new step from the one before.
        shown.add_class(f"lco-stap-nr-{self.positie + 1}")
        self.stap.children = (shown,)
        self._progress(self.positie + 1, total)
        self.volgende.layout.display = ""
        following = self.les.stappen[self.positie + 1] if self.positie + 1 < total else None
        if following is None:
            self.volgende.description = oefen_tekst("naar_samenvatting")
        elif isinstance(current, LeesStap) and isinstance(following, OefenStap):
            self.volgende.description = oefen_tekst("naar_oefeningen")
        else:
            self.volgende.description = oefen_tekst("volgende")
        self.volgende.tooltip = self.volgende.description
        self.volgende.disabled = not self._may_continue()

    def messages_clear_soft(self) -> None:
        """Clear messages about a step, but keep a warning about banks that could not be read."""
        if not self.reeksen.fouten:
            self.messages.clear()

    def _exercise(self, stap: OefenStap) -> OefeningWidget:
        titel = self._casus.get(stap.oefening.casus) if stap.oefening.casus else None
        return OefeningWidget(
            stap.oefening,
            stap.weergave,
            casus_titel=titel,
            on_checked=self._checked,
            on_reflectie=self._reflected,
        )

    def _checked(self, verdict: Beoordeling) -> None:
        self.beoordelingen[verdict.oefening_id] = verdict
        self.volgende.disabled = False
        self.wacht.value = ""

    def _reflected(self, oefening_id: str, tekst: str) -> None:
        if tekst.strip():
            self.reflecties[oefening_id] = tekst.strip()

    def _progress(self, step: int, total: int) -> None:
        label = (
            oefen_tekst("voortgang_klaar", totaal=total)
            if step > total
            else oefen_tekst("voortgang", stap=step, totaal=total)
        )
        done = min(step, total)
        self.voortgang.value = (
            f'<div class="lco-voortgang-vak"><span class="lco-voortgang-tekst">{escape(label)}</span>'
            f'<progress class="lco-voortgang-balk" max="{total}" value="{done}" '
            f'aria-label="{escape(oefen_tekst("voortgang_label"))}" style="width:100%;height:1.25rem">'
            f"{done}/{total}</progress></div>"
        )

    def _show_summary(self) -> None:
        total = len(self.les.stappen)
        self.resultaat = score_les(self.les.oefeningen, self.beoordelingen)
        summary = widgets.HTML(summary_html(self.resultaat))
        summary.add_class("lco-les-samenvatting")
        summary.layout.width = "auto"
        self.stap.children = (summary,)
        self._progress(total + 1, total)
        self.volgende.layout.display = "none"
        if self.reflecties:
            self.download.set_data(self.reflections_text().encode("utf-8"))
            self.download.layout.display = ""

    def reflections_text(self) -> str:
        """Return the learner's own answers to the open questions, as plain text to download."""
        lines = [oefen_tekst("reflecties_kop"), ""]
        for oefening in self.les.oefeningen:
            if oefening.id in self.reflecties:
                lines += [
                    oefen_tekst("reflecties_vraag", vraag=oefening.vraag),
                    oefen_tekst("reflecties_antwoord", antwoord=self.reflecties[oefening.id]),
                    "",
                ]
        return "\n".join(lines)

    @property
    def stappen(self) -> Sequence[LeesStap | OefenStap]:
        """Return the steps of the current lesson."""
        return self.les.stappen
