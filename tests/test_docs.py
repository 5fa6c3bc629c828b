"""The documentation: every picture and link it points to exists, and every page is pictured."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]


@pytest.mark.parametrize("document", DOCS, ids=lambda p: p.name)
def test_every_relative_link_and_picture_exists(document: Path) -> None:
    """Does every relative link or picture in the document point at a file that exists?"""
    text = document.read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)\s#]+)(?:#[^)]*)?\)", text)
    missing = [t for t in targets if "://" not in t and not (document.parent / t).exists()]
    assert missing == []


def test_the_guide_shows_every_page_of_the_kit() -> None:
    """Does the facilitator guide show a screenshot of every page (made by the browser tests)?"""
    guide = (ROOT / "docs" / "handleiding-begeleiders.md").read_text(encoding="utf-8")
    pages = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))
    missing = [p for p in pages if f"img/pagina-{p}.png" not in guide]
    assert missing == []


def test_every_long_module_says_in_the_developers_notes_why_it_is_one_concept() -> None:
    """Is every module of lco_kit/ over 420 lines named in docs/ontwikkelaars.md with its reason?"""
    notes = (ROOT / "docs" / "ontwikkelaars.md").read_text(encoding="utf-8")
    section = notes.split("## Modules over 400 lines", 1)[1].split("\n## ", 1)[0]
    kit = ROOT / "lco_kit"
    long = [
        path.relative_to(kit).as_posix()
        for path in sorted(kit.rglob("*.py"))
        if len(path.read_text(encoding="utf-8").splitlines()) > 420
    ]
    assert long, "the check reads the modules"
    unexplained = [name for name in long if f"- `{name}`:" not in section]
    assert unexplained == []
