"""The start page: the kit's pages in order, built from each notebook's own metadata."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets

from lco_kit.pages import list_pages
from lco_kit.ui.texts import text
from lco_kit.ui.widgets import escape

__all__ = ["page_list"]


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
