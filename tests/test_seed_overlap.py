"""The kit writes its own texts: no run of eight words from a source text in any content file."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
RUN = 8
CONTENT = [ROOT / "exercises", ROOT / "casussen", ROOT / "lco_kit" / "data"]
NAMES = (
    "het decreet over de rechtspositie van minderjarigen in de jeugdhulp",
    "wanneer is het een goed lco geweest",
)
"""Proper names (a decree, the 2016 instrument) that the kit may quote as they are."""


def runs(text: str, size: int = RUN) -> set[tuple[str, ...]]:
    """Return every run of ``size`` words in a text: lower-case, without accents or punctuation.

    Accents are dropped because the sources are scanned text (‘cliént’ for ‘cliënt’).
    """
    plain = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    words = re.findall(r"[^\W_]+", plain)
    joined = " ".join(words)
    for name in NAMES:
        joined = joined.replace(name, "eigennaam")
    words = joined.split()
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def content_files() -> list[Path]:
    """Return the kit's content files (YAML) under exercises/, casussen/ and lco_kit/data/."""
    return sorted(p for folder in CONTENT for p in folder.rglob("*.yaml"))


def test_runs_finds_a_copied_sentence() -> None:
    """Does the check see eight words copied in a row, and not seven (so the real test can fail)?"""
    source = runs("De cliënt kiest zelf de spilfiguur in overleg met alle hulpverleners rond de tafel.")
    assert runs("Zo: de cliënt kiest zelf de spilfiguur in overleg met alle anderen.") & source
    assert not runs("De cliënt kiest zelf de spilfiguur, samen met iedereen erbij.") & source


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source texts are not in this checkout")
def test_no_content_file_copies_eight_words_of_a_seed() -> None:
    """Does no content file repeat eight words in a row from the leaflet or the cahier?"""
    seeds = set().union(*(runs(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")))
    copied = {}
    for path in content_files():
        found = runs(path.read_text(encoding="utf-8")) & seeds
        if found:
            copied[str(path.relative_to(ROOT))] = sorted(" ".join(r) for r in found)[:3]
    assert copied == {}
