"""Every page is committed clean and follows the kit's skeleton."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
PAGES = sorted(NOTEBOOKS.glob("*.ipynb"))
SKELETON = ("## Wat je hier leert", "## Samenvatting", "## Wat nu?")


def load(path: Path) -> dict:
    """Return a notebook as JSON."""
    return json.loads(path.read_text(encoding="utf-8"))


def test_there_are_pages() -> None:
    """Is there at least the start page?"""
    assert NOTEBOOKS / "00_start.ipynb" in PAGES


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_page_is_committed_clean(path: Path) -> None:
    """Does the page hold no outputs and no execution counts?"""
    for cell in load(path)["cells"]:
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [] and cell.get("execution_count") is None


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_page_follows_the_skeleton(path: Path) -> None:
    """Does the page have its title in metadata and as heading, then the skeleton headings in order?"""
    notebook = load(path)
    metadata = notebook["metadata"]
    title = metadata["title"]
    assert metadata["lco_kit"]["samenvatting"]
    assert metadata["lco_kit"]["hoofdelement"]
    markdown = ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown"]
    assert markdown[0].startswith(f"# {title}\n")
    text = "\n".join(markdown)
    positions = [text.find(heading) for heading in SKELETON]
    assert -1 not in positions, f"{path.name} mist een kop uit {SKELETON}"
    assert positions == sorted(positions)
    assert "**Duur:**" in text


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_page_imports_the_kit_only_through_public_names(path: Path) -> None:
    """Does the page's code import only public names of lco_kit (no private modules)?"""
    code = "\n".join("".join(c["source"]) for c in load(path)["cells"] if c["cell_type"] == "code")
    assert "._" not in code.replace("__", "")
    assert "matplotlib" not in code and "Output(" not in code
