"""The kit's pages (notebooks) as the start page lists them, read from their own metadata.

A page describes itself in its notebook metadata, so a new page appears on the start page
without editing anything else::

    "metadata": {
      "title": "Casussen bekijken",
      "lco_kit": {"samenvatting": "…", "volgorde": 10, "duur_minuten": 20}
    }

``title`` is also the browser tab's title (Voilà uses it). Pages with
``"verborgen": true`` are served but not listed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from lco_kit.errors import LcoError

__all__ = ["PageInfo", "list_pages", "read_page_info"]


@dataclass(frozen=True, order=True)
class PageInfo:
    """What the start page shows of one page.

    Attributes:
        volgorde: Position in the list (lower first).
        file: The notebook's file name, relative to the pages folder.
        title: The page's title.
        samenvatting: One line on what the page is for.
        duur_minuten: About how long the page takes, when given.
        verborgen: Served, but not listed on the start page.
    """

    volgorde: int
    file: str
    title: str
    samenvatting: str
    duur_minuten: int | None = None
    verborgen: bool = False


def read_page_info(path: Path, folder: Path | None = None) -> PageInfo:
    """Read one notebook's page metadata.

    Raises:
        LcoError: When the notebook has no title or summary in its metadata.
    """
    try:
        notebook = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise LcoError(f"De pagina {path.name} kan niet gelezen worden: {error}") from None
    metadata = notebook.get("metadata", {})
    own = metadata.get("lco_kit", {})
    title = metadata.get("title")
    summary = own.get("samenvatting")
    if not title or not summary:
        raise LcoError(f"De pagina {path.name} mist ‘title’ of ‘lco_kit.samenvatting’ in haar metadata.")
    return PageInfo(
        volgorde=int(own.get("volgorde", 1000)),
        file=path.relative_to(folder).as_posix() if folder else path.name,
        title=str(title),
        samenvatting=str(summary),
        duur_minuten=own.get("duur_minuten"),
        verborgen=bool(own.get("verborgen", False)),
    )


def list_pages(folder: Path, *, include_hidden: bool = False) -> list[PageInfo]:
    """Return the pages in a folder in the order the start page shows them.

    Notebooks without page metadata are skipped (they are not pages of the kit).
    """
    pages = []
    for path in sorted(folder.glob("*.ipynb")):
        try:
            info = read_page_info(path, folder)
        except LcoError:
            continue
        if include_hidden or not info.verborgen:
            pages.append(info)
    return sorted(pages)
