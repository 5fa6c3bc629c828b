"""Pages describe themselves in their metadata; the start page lists them in order."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from lco_kit.errors import LcoError
from lco_kit.pages import list_pages, read_page_info

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def notebook(title: str | None, summary: str | None, order: int = 50, **extra: object) -> str:
    """Return the JSON of a minimal notebook with page metadata."""
    own: dict[str, object] = {"volgorde": order, **extra}
    if summary is not None:
        own["samenvatting"] = summary
    metadata: dict[str, object] = {"lco_kit": own}
    if title is not None:
        metadata["title"] = title
    return json.dumps({"cells": [], "metadata": metadata, "nbformat": 4, "nbformat_minor": 5})


def test_pages_are_listed_in_their_order(write) -> None:
    """Are pages listed by their order, and pages without metadata skipped?"""
    write("b.ipynb", notebook("Tweede", "Twee", order=20))
    write("a.ipynb", notebook("Derde", "Drie", order=30))
    write("c.ipynb", notebook("Eerste", "Een", order=10, duur_minuten=15))
    folder = write("geen-pagina.ipynb", notebook(None, None)).parent
    pages = list_pages(folder)
    assert [p.title for p in pages] == ["Eerste", "Tweede", "Derde"]
    assert pages[0].duur_minuten == 15


def test_hidden_pages_are_served_but_not_listed(write) -> None:
    """Is a page marked hidden left off the list unless asked for?"""
    folder = write("x.ipynb", notebook("Verborgen", "Voor tests", verborgen=True)).parent
    assert list_pages(folder) == []
    assert [p.title for p in list_pages(folder, include_hidden=True)] == ["Verborgen"]


def test_page_without_summary_is_a_dutch_error(write) -> None:
    """Does a page without a summary get a Dutch message naming it?"""
    with pytest.raises(LcoError, match=r"x\.ipynb mist"):
        read_page_info(write("x.ipynb", notebook("Titel", None)))


def test_a_new_page_appears_on_the_start_page(tmp_path: Path) -> None:
    """Does a page added to the folder appear on the start page without any other edit?"""
    from lco_kit.ui import page_list

    folder = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, folder)
    before = page_list(folder).value
    (folder / "99_nieuw.ipynb").write_text(notebook("Een nieuwe oefening", "Iets nieuws.", order=999))
    after = page_list(folder).value
    assert "Een nieuwe oefening" not in before
    assert '<a href="99_nieuw.ipynb">' in after and "Iets nieuws." in after
    assert after.index("Een nieuwe oefening") > after.index("<ol")


def test_start_page_shows_the_join_code_only_when_serving_a_room(monkeypatch: pytest.MonkeyPatch) -> None:
    """Does the start page show a QR code with the room's address only in --lan mode?"""
    from lco_kit.ui import start_page

    monkeypatch.delenv("LCO_KIT_TOKEN", raising=False)
    assert not any("lco-meedoen" in child._dom_classes for child in start_page(NOTEBOOKS).children)
    monkeypatch.setenv("LCO_KIT_TOKEN", "zaal123")
    monkeypatch.setenv("LCO_KIT_PUBLIC_URL", "http://192.168.1.20:8866")
    panel = start_page(NOTEBOOKS).children[0]
    assert "lco-meedoen" in panel._dom_classes
    assert "http://192.168.1.20:8866/lco/deelnemen?token=zaal123" in panel.children[0].value  # the light join page
    qr = panel.children[1]
    assert bytes(qr.value).startswith(b"\x89PNG") and qr.tooltip.startswith("QR-code")
