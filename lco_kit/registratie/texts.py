"""The registration's fixed Dutch texts (``data/registratie/teksten.yaml``), for its pages and reports."""

from __future__ import annotations

from lco_kit.registratie._data import text as registratie_text
from lco_kit.registratie._data import texts

__all__ = ["policy_questions", "registratie_text"]


def policy_questions() -> dict[str, str]:
    """Return, per knelpunt code, the question the signalennota puts to local policy."""
    return dict(texts().beleidsvragen)
