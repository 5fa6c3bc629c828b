"""Figures across every coördinator's sessions, for the province role: counts only, small groups hidden.

The province sees no session, no answer and no remark: per month and kind of session, how
many sessions were held, by how many coördinatoren, and how many people answered per
perspective. A number below the smallest group (3) is not shown, so that no coördinator or
small group can be singled out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select

from lco_kit.errors import LcoError
from lco_kit.reflectie.instrument import PERSPECTIVES
from lco_kit.reflectie.privacy import DEFAULT_MIN_GROUP
from lco_kit.reflectie.store import ReflectieStore
from lco_kit.reflectie.tables import respondents_table, sessions_table

__all__ = ["ProvinceRow", "province_overview"]


@dataclass(frozen=True)
class ProvinceRow:
    """One month and kind of session across owners; None where the group is too small to show.

    Attributes:
        maand: The month, ``JJJJ-MM``.
        soort: ``lco`` or ``reflectiedag``.
        sessies: The number of sessions, or None when fewer than the smallest group.
        coordinatoren: The number of different owners, or None when fewer than the smallest group.
        invullers: Perspective → respondents, None when fewer than the smallest group.
    """

    maand: str
    soort: str
    sessies: int | None
    coordinatoren: int | None
    invullers: dict[str, int | None]


def province_overview(store: ReflectieStore, *, min_group: int = DEFAULT_MIN_GROUP) -> list[ProvinceRow]:
    """Return the figures across every owner, oldest month first.

    Raises:
        LcoError: When the kit does not have the province role.
    """
    if not store.owner.is_province:
        raise LcoError("Alleen met de rol provincie (LCO_KIT_ROL=provincie) zie je de cijfers over alle coördinatoren.")
    with store._read() as conn:
        sessions = conn.execute(
            select(
                sessions_table.c.id,
                sessions_table.c.soort,
                sessions_table.c.eigenaar,
                sessions_table.c.aangemaakt_op,
            )
        ).all()
        answered = conn.execute(
            select(respondents_table.c.sessie_id, respondents_table.c.perspectief, func.count()).group_by(
                respondents_table.c.sessie_id, respondents_table.c.perspectief
            )
        ).all()
    per_session: dict[int, dict[str, int]] = defaultdict(dict)
    for session_id, perspective, count in answered:
        per_session[int(session_id)][str(perspective)] = int(count)
    groups: dict[tuple[str, str], list[tuple[int, str | None]]] = defaultdict(list)
    for row in sessions:
        groups[(row.aangemaakt_op.strftime("%Y-%m"), row.soort)].append((int(row.id), row.eigenaar))

    def shown(number: int) -> int | None:
        return number if number >= min_group else None

    result = []
    for (month, kind), members in sorted(groups.items()):
        totals = {p: sum(per_session[i].get(p, 0) for i, _ in members) for p in PERSPECTIVES}
        owners = {owner for _, owner in members}
        result.append(
            ProvinceRow(
                maand=month,
                soort=kind,
                sessies=shown(len(members)),
                coordinatoren=shown(len(owners)),
                invullers={p: shown(n) for p, n in totals.items()},
            )
        )
    return result
