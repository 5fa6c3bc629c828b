"""The casus traject on a page: which traject the page works on, in its address, with the way on.

:class:`TrajectBalk` is the bar the role-play and stappenplan pages share. It holds the page's
:class:`~lco_kit.traject.Traject`, keeps it in the server's store and its short id in the
page's address (``?traject=…``, set with :class:`~lco_kit.ui.page_address.PageAddress`, so a
reload opens the same traject and no second kernel starts), shows links to the next pages
with that id, and saves the traject to a file or opens one again.

A page reads its address with :func:`traject_id_of` once a person opens it (see
:func:`~lco_kit.ui.page_address.when_requested`): two groups in one room each carry their own id,
so each sees only its own traject.

CSS classes for tests: ``lco-traject``, ``lco-traject-nu``, ``lco-traject-links``,
``lco-traject-link-<pagina>``, ``lco-traject-bewaar``, ``lco-traject-download``,
``lco-traject-open``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from urllib.parse import parse_qs, urlencode

import ipywidgets as widgets

from lco_kit.casus import Bron, Casus
from lco_kit.errors import LcoError
from lco_kit.traject import (
    MAX_TRAJECT_BYTES,
    Traject,
    TrajectStore,
    is_traject_id,
    load_traject_file,
    new_traject,
    new_traject_id,
    traject_filename,
    traject_text,
    traject_to_yaml,
)
from lco_kit.ui.page_address import PageAddress
from lco_kit.ui.widgets import (
    DownloadLink,
    FileInput,
    MessageArea,
    UploadedFile,
    button,
    escape,
    guarded,
    html_block,
    section,
)

__all__ = ["PAGINAS", "TrajectBalk", "query_params", "traject_id_of"]

PAGINAS: dict[str, tuple[str, str]] = {
    "oefenen": ("30_rollenspel_oefenen.ipynb", "link_oefenen"),
    "rollenspel": ("31_rollenspel_begeleider.ipynb", "link_rollenspel"),
    "stappenplan": ("32_stappenplan.ipynb", "link_stappenplan"),
    "reflectie": ("41_reflectie_begeleider.ipynb", "link_reflectie"),
}
"""The pages a traject leads to: file and the text of its link."""


def query_params(query: str | None) -> dict[str, str]:
    """Return the parameters of an address's query (the last value of each)."""
    parsed = parse_qs((query or "").lstrip("?"))
    return {key: values[-1] for key, values in parsed.items() if values}


def traject_id_of(query: str | None) -> str | None:
    """Return the traject id in an address's query, or None when there is none."""
    value = query_params(query).get("traject", "")
    return value or None


class TrajectBalk(widgets.VBox):
    """The page's traject: shown, kept, carried in the address, saved to and opened from a file.

    Args:
        messages: Where problems are shown.
        on_open: Called with a traject the page must show (from the address or a file).
        next_pages: Keys of :data:`PAGINAS` to link to.
        before_save: Returns the traject with what the page shows now (the stappenplan so far),
            before it is saved to a file.
        store: Where trajects are kept (default: the kit's data folder).
    """

    def __init__(
        self,
        messages: MessageArea,
        on_open: Callable[[Traject], None],
        next_pages: Sequence[str],
        *,
        before_save: Callable[[Traject], Traject] | None = None,
        store: TrajectStore | None = None,
    ) -> None:
        self.messages = messages
        self.traject: Traject | None = None
        self.token = ""
        self._on_open = on_open
        self._next = tuple(next_pages)
        self._before_save = before_save
        self._store = store
        self.address = PageAddress()
        self.nu = html_block(f"<p>{escape(traject_text('balk_geen'))}</p>", "lco-traject-nu")
        self.links = html_block("", "lco-traject-links")
        self.bewaar = button(traject_text("bewaar"), "", "lco-traject-bewaar")
        self.bewaar.on_click(lambda _: guarded(self.messages, traject_text("download_wat"))(self.save_file)())
        self.download = DownloadLink(traject_text("download_wat"), "traject.yaml", "application/x-yaml")
        self.download.add_class("lco-traject-download")
        self.openen = FileInput(
            self.open_file,
            accept=(".yaml", ".yml"),
            max_bytes=MAX_TRAJECT_BYTES,
            label=traject_text("open_knop"),
            what=traject_text("open_wat"),
        )
        self.openen.add_class("lco-traject-open")
        self.openen.upload.layout.width = "auto"
        box = section(
            traject_text("balk_titel"),
            traject_text("balk_uitleg"),
            [self.nu, self.links, self.bewaar, self.download, self.openen, self.address],
            "lco-traject-sectie",
        )
        super().__init__([box], layout=widgets.Layout(width="100%"))
        self.add_class("lco-traject")

    @property
    def store(self) -> TrajectStore:
        """Return the store, opened on first use."""
        if self._store is None:
            self._store = TrajectStore()
        return self._store

    # ------------------------------------------------------------ the page's traject

    def keep(self, traject: Traject) -> Traject:
        """Keep a traject in the store and make it the page's (address, links, file); return it."""
        self.store.save(traject)
        self.traject = traject
        self._show()
        return traject

    def _show(self) -> None:
        traject = self.traject
        if traject is None:
            return
        lines = [f"<strong>{escape(traject_text('balk_nu', id=traject.id, titel=traject.casus.titel))}</strong>"]
        setup = traject.opstelling
        if setup is not None:
            spil = traject.spilfiguur
            label = traject_text("balk_geen_spilfiguur")
            if spil:
                provider = traject.casus.provider(spil)
                label = f"{provider.naam} ({provider.dienst})" if provider.naam else provider.dienst
            lines.append(escape(traject_text("balk_opstelling", spil=label, aantal=len(setup.rollen))))
        if traject.vorige:
            lines.append(escape(traject_text("balk_vorige", vorige=traject.vorige)))
        self.nu.value = f'<p class="lco-traject-id-{escape(traject.id)}">{"<br>".join(lines)}</p>'
        query = self.query()
        self.address.set(query)
        items = "".join(
            f'<li><a class="lco-traject-link lco-traject-link-{key}" href="{escape(PAGINAS[key][0] + query)}">'
            f"{escape(traject_text(PAGINAS[key][1]))}</a></li>"
            for key in self._next
        )
        self.links.value = f"<ul>{items}</ul>"
        self.download.set_data(None)

    def query(self) -> str:
        """Return the query that names the page's traject (and the room's token, when the page had one)."""
        params = {"traject": self.traject.id} if self.traject else {}
        if self.token:
            params["token"] = self.token
        return "?" + urlencode(params)

    # ------------------------------------------------------------ opening

    def open_address(self, query: str | None) -> bool:
        """Open the traject named in the page's address; return True when there was one."""
        params = query_params(query)
        self.token = params.get("token", "")[:200]
        traject_id = traject_id_of(query)
        if traject_id is None:
            return False
        if not is_traject_id(traject_id):
            self.store.load(traject_id)  # raises the Dutch message for an id that is no traject
        traject = self.keep(self.store.load(traject_id))
        self._on_open(traject)
        self.messages.show(traject_text("uit_adres", id=traject.id, titel=traject.casus.titel), "info")
        return True

    def open_or_start(self, query: str | None, casus: Casus | None, bron: Bron) -> bool:
        """Open the traject in the page's address; without one, start one on the casus shown.

        A problem with the address is shown on the page, and the page goes on with a new
        traject. Only an LCO gets a traject (not a casus marked ``geen_lco``).

        Returns:
            True when a new traject was started (the page then keeps what it shows in it).
        """
        opened = guarded(self.messages, traject_text("open_wat"))(self.open_address)(query)
        if opened or casus is None or not casus.is_lco:
            return False
        self.keep(new_traject(casus, bron))
        return True

    def open_file(self, upload: UploadedFile) -> None:
        """Open a traject saved earlier, under a new id (nobody else works in it then)."""
        traject = load_traject_file(upload.data, upload.name)
        traject = self.keep(traject.with_changes(id=new_traject_id()))
        self._on_open(traject)
        self.openen.messages.show(
            traject_text("geopend", naam=upload.name, titel=traject.casus.titel, id=traject.id), "ok"
        )

    def save_file(self) -> None:
        """Offer the traject, with what the page shows now, as a file to keep."""
        if self.traject is None:
            raise LcoError(traject_text("balk_geen"))
        traject = self._before_save(self.traject) if self._before_save else self.traject
        self.keep(traject)
        self.download.set_data(traject_to_yaml(traject).encode("utf-8"), traject_filename(traject))
