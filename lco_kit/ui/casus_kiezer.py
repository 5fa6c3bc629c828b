"""The casus chooser, shared by the role-play pages and the stappenplan page.

:class:`CasusKiezer` offers a curated casus, a simulated one (from a number) or an uploaded
file, and shows the chosen one as a short card with the indication check. Its classes
(``lco-casus-kiezer``, ``lco-rs-casus-samenvatting``, ``lco-rs-casus-keuze``, ``lco-rs-seed``,
``lco-rs-maak-casus``) are styled in the template (``lco-pagina-rollenspel.css``).
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from lco_kit.casus import (
    MAX_CASUS_BYTES,
    Bron,
    Casus,
    Gebruik,
    load_casus_file,
    read_library,
    require_lco,
    simulate_casus,
)
from lco_kit.errors import LcoError
from lco_kit.rollenspel import casus_facts, check_indicatie, rollenspel_text
from lco_kit.ui.rollenspel_html import checks_html
from lco_kit.ui.widgets import FileInput, MessageArea, UploadedFile, button, button_row, escape, guarded, html_block

__all__ = ["CasusKiezer"]

t = rollenspel_text


class CasusKiezer(widgets.VBox):
    """Choose a casus: a curated one, a simulated one (from a number), or an uploaded file.

    Args:
        on_change: Called with the casus each time another one is chosen.
        messages: Where problems are shown.
        upload: Offer the upload of an own casus file (a follow-up casus, for instance).

    Attributes:
        casus: The chosen casus.
    """

    SIMULATED = "__gesimuleerd__"

    def __init__(
        self,
        on_change: Callable[[Casus], None],
        messages: MessageArea,
        *,
        upload: bool = True,
        gebruik: Gebruik = "rollenspel",
    ) -> None:
        self.gebruik: Gebruik = gebruik
        self._on_change = on_change
        self._notify = False  # the page reads ``casus`` once this chooser is built
        self.messages = messages
        library = read_library()
        self._known: dict[str, Casus] = {c.id: c for c in library.casussen}
        self._bronnen: dict[str, Bron] = {}
        self.keuze = widgets.Dropdown(
            options=self._options(),
            description=t("kiezer_label"),
            style={"description_width": "initial"},
            layout=widgets.Layout(width="100%"),
        )
        self.keuze.add_class("lco-rs-casus-keuze")
        self.seed = widgets.BoundedIntText(
            value=1, min=0, max=999_999, description=t("kiezer_seed"), style={"description_width": "initial"}
        )
        self.seed.add_class("lco-rs-seed")
        self.maak = button(t("kiezer_maak"), "", "lco-rs-maak-casus")
        self.maak.on_click(lambda _: guarded(self.messages, t("wat_casus_maken"))(self.simulate)())
        self.simulatie = button_row(self.seed, self.maak)
        self.simulatie.layout.display = "none"
        self.samenvatting = html_block("", "lco-rs-casus-samenvatting")
        children: list[widgets.Widget] = [self.keuze, self.simulatie]
        if upload:
            self.bestand = FileInput(
                self._uploaded,
                accept=(".yaml", ".yml"),
                max_bytes=MAX_CASUS_BYTES,
                label=t("kiezer_upload"),
                what=t("wat_casus_lezen"),
            )
            self.bestand.upload.layout.width = "auto"
            children.append(self.bestand)
        children.append(self.samenvatting)
        super().__init__(children, layout=widgets.Layout(width="100%"))
        self.add_class("lco-casus-kiezer")
        if library.fouten:
            details = "\n".join(str(e) for e in library.fouten)
            self.messages.show(f"{t('kiezer_fouten')}\n{details}", "let-op")
        self.casus: Casus | None = None
        self.keuze.observe(lambda _: guarded(self.messages, t("wat_casus_kiezen"))(self._chosen)(), names="value")
        if library.casussen:
            self._chosen()
        else:
            self.keuze.value = self.SIMULATED
        self._notify = True

    def _options(self) -> list[tuple[str, str]]:
        options = [
            (
                c.titel
                + (
                    t("kiezer_eigen")
                    if key.startswith("upload:")
                    else t("kiezer_traject")
                    if key.startswith("traject:")
                    else ""
                ),
                key,
            )
            for key, c in self._known.items()
        ]
        return [*options, (t("kiezer_simulatie"), self.SIMULATED)]

    def _chosen(self) -> None:
        key = self.keuze.value
        if key == self.SIMULATED:
            self.simulatie.layout.display = "flex"
            self.simulate()
            return
        self.simulatie.layout.display = "none"
        self._set(self._known[str(key)])

    def simulate(self) -> None:
        """Make a simulated casus from the number given, and choose it."""
        self._set(simulate_casus(int(self.seed.value)))

    def choose(self, casus: Casus, *, own: bool = True) -> None:
        """Choose a casus that is not in the library (an upload, a follow-up made on the page)."""
        key = f"upload:{casus.id}" if own else casus.id
        self._known[key] = casus
        self.keuze.options = self._options()
        if self.keuze.value == key:
            self._set(casus)
        else:
            self.keuze.value = key

    @property
    def bron(self) -> Bron:
        """Return where the chosen casus came from (the kit's library, a simulation, an upload, a traject)."""
        key = str(self.keuze.value)
        if key == self.SIMULATED:
            return "simulatie"
        if key.startswith("upload:"):
            return "upload"
        return self._bronnen.get(key, "bibliotheek")

    def show_traject(self, casus: Casus, bron: Bron) -> None:
        """Choose the casus of a traject: the library's own entry when it is the same casus, else its own entry."""
        if bron == "bibliotheek" and self._known.get(casus.id) == casus:
            key = casus.id
        else:
            key = f"traject:{casus.id}"
            self._known[key] = casus
            self._bronnen[key] = bron
            self.keuze.options = self._options()
        if self.keuze.value == key:
            self._set(casus)
        else:
            self.keuze.value = key

    def _uploaded(self, upload: UploadedFile) -> None:
        casus = load_casus_file(upload.data, upload.name)
        self.choose(casus)
        self.bestand.messages.show(t("kiezer_upload_ok", naam=upload.name, titel=casus.titel), "ok")

    def _set(self, casus: Casus) -> None:
        self.casus = casus
        self.samenvatting.value = self.summary(casus, self.gebruik)
        if self._notify:
            self._on_change(casus)

    @staticmethod
    def summary(casus: Casus, gebruik: Gebruik = "rollenspel") -> str:
        """Return the chosen casus as a short card, with the indication check.

        For a casus that is not an LCO (``geen_lco``) the card also says why it cannot be
        used here.
        """
        facts = casus_facts(casus)
        client = casus.client
        check = check_indicatie(casus)
        lines = [
            t(
                "samenvatting_client",
                client=client.pseudoniem,
                leeftijd=client.leeftijd_tekst,
                huishouden=client.huishouden,
            ),
            t(
                "samenvatting_hulpverleners",
                aantal=len(casus.hulpverleners),
                diensten=", ".join(p.dienst for p in casus.hulpverleners),
            ),
            t("samenvatting_coordinator", wie=facts.coordinator),
            t(
                "samenvatting_spilfiguur",
                wie=facts.label(facts.spilfiguur) if facts.spilfiguur else t("samenvatting_geen_spilfiguur"),
            ),
        ]
        if casus.vorige_lco is not None:
            lines.append(t("samenvatting_vorige", aantal=len(casus.vorige_lco.afspraken)))
        items = "".join(f"<li>{escape(line)}</li>" for line in lines)
        refusal = ""
        try:
            require_lco(casus, gebruik)
        except LcoError as error:
            refusal = f'<p class="lco-rs-geen-lco"><strong>{escape(str(error))}</strong></p>'
        return (
            f'<section class="lco-kaart lco-rs-casus"><h3>{escape(casus.titel)}</h3>'
            f"<p>{escape(casus.samenvatting)}</p><ul>{items}</ul>{checks_html([check])}{refusal}</section>"
        )
