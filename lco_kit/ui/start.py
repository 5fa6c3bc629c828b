"""The start page: the kit's pages in order, built from each notebook's own metadata."""

from __future__ import annotations

import os
from pathlib import Path

import ipywidgets as widgets

from lco_kit.config import participant_url
from lco_kit.pages import list_pages
from lco_kit.ui.texts import text
from lco_kit.ui.widgets import escape, qr_image

__all__ = ["join_panel", "page_list", "start_page"]


def start_page(folder: Path | None = None) -> widgets.VBox:
    """Return the start page's widget: the join code for a room (when serving one) and the pages."""
    parts: list[widgets.Widget] = []
    if os.environ.get("LCO_KIT_TOKEN"):
        parts.append(join_panel())
    parts.append(page_list(folder))
    from lco_kit.ui.afdrukken import print_panel  # noqa: PLC0415  (PDFs load matplotlib: only on the page)

    parts.append(print_panel())
    box = widgets.VBox(parts)
    box.add_class("lco-start")
    return box


def join_panel() -> widgets.VBox:
    """Return how participants in the room join: a QR code and the address of the light join page (with the token)."""
    url = participant_url()
    heading = widgets.HTML(
        f"<h2>{escape(text('start_meedoen_titel'))}</h2><p>{escape(text('start_meedoen_uitleg'))}</p>"
        f'<p class="lco-adres"><a href="{escape(url)}">{escape(url)}</a></p>'
    )
    panel = widgets.VBox([heading, qr_image(url, text("start_meedoen_qr_alt"))])
    panel.add_class("lco-meedoen")
    return panel


def page_list(folder: Path | None = None) -> widgets.HTML:
    """Return the list of the kit's pages as links, in order.

    Args:
        folder: The folder of pages (default: the current folder, which is where Voilà
            runs each page).
    """
    pages = [p for p in list_pages(folder or Path.cwd()) if p.file != "00_start.ipynb"]
    if not pages:
        empty = escape(text("start_geen_paginas"))
        body = f"<p>{empty}</p>"
    else:
        items = []
        for number, page in enumerate(pages, start=1):
            duration = (
                f' <span class="lco-pagina-duur">({escape(text("start_duur", minuten=page.duur_minuten))})</span>'
                if page.duur_minuten
                else ""
            )
            items.append(
                f'<li><a href="{escape(page.file)}">'
                f'<span class="lco-pagina-titel">{number}. {escape(page.title)}</span>'
                f"{escape(page.samenvatting)}{duration}</a></li>"
            )
        body = f'<ol class="lco-pagina-lijst">{"".join(items)}</ol>'
    html = f"<h2>{escape(text('start_pagina_lijst_titel'))}</h2>{body}"
    widget = widgets.HTML(html)
    widget.add_class("lco-paginas")
    return widget
