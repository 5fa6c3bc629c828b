"""The fixed texts of the exercises and the lesson: every key the code asks for exists."""

from __future__ import annotations

import re
from pathlib import Path

from lco_kit.oefeningen.beoordeling import OptieStatus
from lco_kit.oefeningen.model import SOORTEN
from lco_kit.oefeningen.teksten import oefen_tekst

ROOT = Path(__file__).resolve().parents[2]


def test_every_text_the_code_asks_for_exists() -> None:
    """Does every fixed text the exercise engine and pages ask for exist in oefeningen_teksten.yaml?"""
    sources = [
        *sorted((ROOT / "lco_kit" / "oefeningen").glob("*.py")),
        ROOT / "lco_kit" / "ui" / "oefeningen.py",
        ROOT / "lco_kit" / "ui" / "principes.py",
    ]
    keys = set()
    for source in sources:
        text = source.read_text(encoding="utf-8")
        # A key is asked for directly, or handed to the helper that words a verdict by shares.
        keys |= set(re.findall(r"(?:oefen_tekst\(|right=|partly=)\s*[\"']([a-z_]+)[\"']", text))
    keys |= {f"soort_{kind}" for kind in SOORTEN} | {f"opdracht_{kind}" for kind in SOORTEN}
    keys |= {f"status_{status}" for status in OptieStatus.__args__}  # type: ignore[attr-defined]
    for key in sorted(keys):
        assert oefen_tekst(key), key
