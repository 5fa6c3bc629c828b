"""Which perspective groups may be shown, so that nobody's answers can be singled out.

- In a **reflectiedag** session, a perspective group with fewer respondents than the
  session's minimum (3 unless the facilitator chose otherwise) is hidden.
- In an **lco** session the facilitator chooses, per perspective, whether it is shown.

A hidden group is hidden with everything derived from it: its means, the gap and the alert
(which need the client), its share of the professionals' mean, the radar and its remarks.
The simplest way to guarantee that is the one used here: a hidden group's answers enter no
number at all (see ``include`` in :func:`lco_kit.reflectie.scoring.score_session`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lco_kit.reflectie.instrument import PERSPECTIVES

__all__ = ["DEFAULT_MIN_GROUP", "Visibility", "visibility"]

DEFAULT_MIN_GROUP = 3


@dataclass(frozen=True)
class Visibility:
    """Whether a perspective group is shown, and if not, why (in Dutch)."""

    perspective: str
    shown: bool
    reason: str = ""


def visibility(
    kind: str,
    counts: Mapping[str, int],
    *,
    min_group: int = DEFAULT_MIN_GROUP,
    chosen: Mapping[str, bool] | None = None,
) -> dict[str, Visibility]:
    """Return, per perspective, whether its group is shown.

    Args:
        kind: ``reflectiedag`` or ``lco``.
        counts: Perspective → number of respondents.
        min_group: The smallest group shown in a reflectiedag session.
        chosen: For an lco session: perspective → shown (default: shown).

    Examples:
        >>> visibility("reflectiedag", {"client": 0, "deelnemer": 2, "coordinator": 5})["deelnemer"].shown
        False
    """
    result = {}
    for perspective in PERSPECTIVES:
        count = counts.get(perspective, 0)
        if kind == "reflectiedag":
            if count < min_group:
                reason = f"minder dan {min_group} invullers: verborgen om de privacy te beschermen"
                result[perspective] = Visibility(perspective, False, reason)
            else:
                result[perspective] = Visibility(perspective, True)
        elif chosen is not None and not chosen.get(perspective, True):
            result[perspective] = Visibility(perspective, False, "verborgen door de begeleider")
        else:
            result[perspective] = Visibility(perspective, True)
    return result
