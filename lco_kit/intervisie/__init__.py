"""A structured intervisie on a casus: the method, the case owner's own casus, the session, the harvest.

- :func:`load_method`: the rounds and roles (``lco_kit/data/intervisie/methode.yaml``);
- :class:`EigenCasus`, :func:`build_casus`, :func:`form_findings`: the short form that builds
  the kit's one casus model, privacy-scanned before anything is shown;
- :class:`Intervisie`, :class:`RoundTimer`, :class:`DraftStore`: a running intervisie, its clock,
  and the draft that survives a reload until the chair closes it;
- :func:`harvest_pdf`, :func:`werkblad_pdf`: the harvest (refused with the findings while the
  notes hold personal data) and the worksheet.
"""

from __future__ import annotations

from lco_kit.intervisie.harvest import harvest_filename, harvest_pdf, werkblad_pdf
from lco_kit.intervisie.method import Methode, Rol, Ronde, intervisie_text, load_method
from lco_kit.intervisie.own_casus import AGE_BANDS, EigenCasus, build_casus, form_findings, public_host
from lco_kit.intervisie.session import (
    DraftStore,
    Intervisie,
    Leerpunt,
    RoundTimer,
    harvest_findings,
    seconds_per_minute,
)

__all__ = [
    "AGE_BANDS",
    "DraftStore",
    "EigenCasus",
    "Intervisie",
    "Leerpunt",
    "Methode",
    "Rol",
    "Ronde",
    "RoundTimer",
    "build_casus",
    "form_findings",
    "harvest_filename",
    "harvest_findings",
    "harvest_pdf",
    "intervisie_text",
    "load_method",
    "public_host",
    "seconds_per_minute",
    "werkblad_pdf",
]
