"""The follow-up of an LCO: the plan written back into the casus, and the earlier agreements at the next LCO.

:func:`follow_up_casus` writes the plan into the casus as ``vorige_lco`` (each agreement
``open``) and :func:`follow_up_yaml` as the text of a casus file; :func:`update_follow_up`
writes the spilfiguur's follow-up (status and why) into the casus; :func:`opening_view`
shows, when the follow-up LCO opens, each earlier agreement with its status and, in its
``toelichting``, why it went as it went; :func:`with_follow_up` fills that in on the plan
of the follow-up LCO.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from lco_kit.casus import STATUSSEN, Afspraak, Casus, Opstelling, Status, VorigeLco, casus_to_yaml
from lco_kit.dutch import dutch_date
from lco_kit.errors import LcoError
from lco_kit.stappenplan.plan import Stappenplan, owner_label
from lco_kit.stappenplan.regels import require_valid
from lco_kit.stappenplan.teksten import stappenplan_text, status_text

__all__ = ["OpvolgRegel", "follow_up_casus", "follow_up_yaml", "opening_view", "update_follow_up", "with_follow_up"]


def follow_up_casus(plan: Stappenplan) -> Casus:
    """Return the casus with this stappenplan written in as ``vorige_lco``, ready for a follow-up.

    Each agreement becomes an earlier agreement with status ``open``; the spilfiguur named
    in the plan is written into the casus's ``opstelling``.

    Raises:
        LcoError: When the stappenplan is not complete.
    """
    require_valid(plan)
    casus = plan.casus
    earlier = VorigeLco(
        datum=plan.datum,
        afspraken=tuple(Afspraak(wat=a.wat, wie=a.wie, tegen_wanneer=a.tegen_wanneer) for a in plan.afspraken),
    )
    setup = (casus.opstelling or Opstelling()).model_copy(update={"spilfiguur": plan.spilfiguur})
    return casus.model_copy(update={"vorige_lco": earlier, "opstelling": setup})


def follow_up_yaml(plan: Stappenplan) -> str:
    """Return the follow-up casus as the text of a casus file, with a comment saying where it came from."""
    casus = follow_up_casus(plan)
    return casus_to_yaml(casus, header=stappenplan_text("opvolging_yaml_kop", datum=dutch_date(plan.datum)))


def _checked_updates(count: int, updates: Sequence[tuple[str, str]]) -> list[tuple[Status, str]]:
    """Return the (status, reason) updates when there is one per earlier agreement, each with a known status."""
    if len(updates) != count:
        raise LcoError(stappenplan_text("opvolging_aantal", aantal=count, gegeven=len(updates)))
    checked: list[tuple[Status, str]] = []
    for status, reason in updates:
        if status not in STATUSSEN:
            raise LcoError(stappenplan_text("status_onbekend", status=status, mogelijk=", ".join(STATUSSEN)))
        checked.append((status, reason))
    return checked


def _told(afspraak: Afspraak, status: Status, reason: str) -> Afspraak:
    """Return the agreement with how it went: its status and why (no reason: none kept)."""
    return afspraak.model_copy(update={"status": status, "toelichting": reason.strip() or None})


def update_follow_up(casus: Casus, updates: Sequence[tuple[str, str]]) -> Casus:
    """Return the casus with the status of each earlier agreement updated (the spilfiguur's follow-up).

    Args:
        casus: A casus with ``vorige_lco``.
        updates: (status, reason) per earlier agreement, in order; the reason is kept as the
            agreement's ``toelichting``.

    Raises:
        LcoError: When the casus has no earlier LCO, the number of updates does not match,
            or a status is unknown.
    """
    if casus.vorige_lco is None:
        raise LcoError(stappenplan_text("opvolging_geen_vorige", titel=casus.titel))
    agreements = casus.vorige_lco.afspraken
    checked = _checked_updates(len(agreements), updates)
    told = tuple(_told(a, status, reason) for a, (status, reason) in zip(agreements, checked, strict=True))
    return casus.model_copy(update={"vorige_lco": casus.vorige_lco.model_copy(update={"afspraken": told})})


@dataclass(frozen=True)
class OpvolgRegel:
    """One earlier agreement as the follow-up LCO opens with it.

    Attributes:
        nummer: Its place in the earlier stappenplan (1-based).
        afspraak: The agreement (what, by when, its status).
        wie: Who owns it, as a person reads it.
        status_tekst: The status in words.
        te_laat: True when the date has passed and it is not done.
        reden: Why (when known).
    """

    nummer: int
    afspraak: Afspraak
    wie: str
    status_tekst: str
    te_laat: bool
    reden: str = ""


def opening_view(casus: Casus, today: date | None = None, reasons: Sequence[str] = ()) -> tuple[OpvolgRegel, ...]:
    """Return the earlier agreements as the follow-up LCO opens with them: each with its status and why.

    Args:
        casus: The casus (with ``vorige_lco``; without it there is nothing to open with).
        today: The day of the follow-up (default: today), to tell what is overdue.
        reasons: Reasons told at the follow-up, per agreement, when the casus holds none.
    """
    if casus.vorige_lco is None:
        return ()
    day = today or date.today()
    rows = []
    for number, afspraak in enumerate(casus.vorige_lco.afspraken, start=1):
        reason = afspraak.toelichting or (reasons[number - 1] if number <= len(reasons) else "")
        due = afspraak.tegen_wanneer
        rows.append(
            OpvolgRegel(
                nummer=number,
                afspraak=afspraak,
                wie=owner_label(casus, afspraak.wie),
                status_tekst=status_text(afspraak.status),
                te_laat=afspraak.status != "gedaan" and due is not None and due < day,
                reden=reason,
            )
        )
    return tuple(rows)


def with_follow_up(plan: Stappenplan, updates: Sequence[tuple[str, str]]) -> Stappenplan:
    """Return the plan with the status and reason of each earlier agreement filled in."""
    checked = _checked_updates(len(plan.opvolging), updates)
    return replace(
        plan,
        opvolging=tuple(_told(e, status, reason) for e, (status, reason) in zip(plan.opvolging, checked, strict=True)),
    )
