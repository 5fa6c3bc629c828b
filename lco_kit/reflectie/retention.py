"""How long reflection sessions are kept: a traject goes when it has been quiet for longer than the period.

``lco-kit start`` and the Jupyter server extension apply it to the local store when the kit
starts (:func:`purge_quiet_sessions`); only the owner's own sessions count.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select

from lco_kit import config
from lco_kit.errors import LcoError
from lco_kit.reflectie.database import utc_now
from lco_kit.reflectie.records import Sessie, session_from_row
from lco_kit.reflectie.store import ReflectieStore
from lco_kit.reflectie.tables import respondents_table, sessions_table, traject_sessions_table

__all__ = ["purge_quiet_sessions", "purge_sessions_older_than"]


def purge_sessions_older_than(store: ReflectieStore, days: int, now: datetime | None = None) -> list[Sessie]:
    """Delete the sessions whose traject has been quiet for longer than ``days`` days; return them.

    A session's last activity is its newest moment: opened, closed, or an answer or remark
    saved. Sessions that share a key (one traject) or a casus label (follow-up LCOs) stay
    together as long as any of them was active within the period, and go together after.

    Args:
        store: The reflection store.
        days: The retention period in days; 0 or less deletes nothing.
        now: The present moment in UTC (tests pass one; default: now).

    Returns:
        The sessions that were deleted, oldest first.
    """
    if days <= 0:
        return []
    cutoff = (now or utc_now()) - timedelta(days=days)
    with store._read() as conn:
        sessions = [
            session_from_row(row)
            for row in conn.execute(select(sessions_table).where(store._mine(sessions_table.c.eigenaar))).all()
        ]
        answered = dict(
            conn.execute(
                select(respondents_table.c.sessie_id, func.max(respondents_table.c.bijgewerkt_op)).group_by(
                    respondents_table.c.sessie_id
                )
            ).all()
        )
        linked = dict(conn.execute(select(traject_sessions_table.c.sessie_id, traject_sessions_table.c.traject)).all())
    last: dict[int, datetime] = {}
    for session in sessions:
        moments = [session.aangemaakt_op, session.gesloten_op, answered.get(session.id)]
        last[session.id] = max(m for m in moments if m is not None)
    # Sessions joined by a traject or a casus label form one group (a small union–find).
    parent: dict[object, object] = {}

    def root(node: object) -> object:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for session in sessions:
        for other in (("traject", linked.get(session.id)), ("casus", session.casus)):
            if other[1]:
                parent[root(("sessie", session.id))] = root(other)
    group_last: dict[object, datetime] = {}
    for session in sessions:
        group = root(("sessie", session.id))
        group_last[group] = max(group_last.get(group, last[session.id]), last[session.id])
    quiet = [s for s in sessions if group_last[root(("sessie", s.id))] < cutoff]
    quiet.sort(key=lambda s: (s.aangemaakt_op, s.id))
    for session in quiet:
        store.delete_session(session.id)
    return quiet


def purge_quiet_sessions() -> int:
    """Remove the local sessions quiet for longer than the retention period; say so in Dutch; return how many.

    Only the local SQLite store is cleaned, and only when it exists (a first start creates
    nothing). A shared database is left to whoever manages it.
    """
    days = config.retention_days()
    database = config.sqlite_path()
    if days == 0 or database is None or not database.exists():
        return 0
    try:
        removed = purge_sessions_older_than(ReflectieStore(), days)
    except LcoError as error:
        print(f"De bewaartermijn kon niet toegepast worden: {error}", flush=True)
        return 0
    if removed:
        word = "sessie" if len(removed) == 1 else "sessies"
        print(
            f"Opgeruimd: {len(removed)} reflectie{word} waarin langer dan {days} dagen niets gebeurde "
            "(bewaartermijn; aanpassen met ‘lco-kit gegevens bewaartermijn’).",
            flush=True,
        )
    return len(removed)
