"""Casussen: anonymised client situations with the providers around them.

- the format (:class:`Casus`, documented in ``docs/casus-formaat.md``) with the models of
  what a casus holds, an agreement (:class:`Afspraak`) and a knelpunt (:class:`Knelpunt`)
  among them, and the curated library (:func:`list_casussen`, :func:`load_casus`);
- :func:`simulate_casus`: a made-up casus from a seed;
- :func:`scan_privacy`: personal data in any text, before a casus is shared;
- :func:`check_casus`: validation and privacy scan together, as ``lco-kit casus check`` does;
- :func:`require_lco`: refuses a casus that is not an LCO (``geen_lco``) for a role-play,
  a stappenplan or a reflection session, in Dutch and with the casus's reason;
- charts (:func:`domain_profile_chart`, :func:`network_map`) and the printable handout
  (:func:`casus_handout`: the participants' copy, or with ``begeleider=True`` the
  facilitator's copy that also holds what is not shared).

The names are listed once, in ``__init__.pyi``, and imported when first used: the model
does not load the charts or the PDF writer.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
