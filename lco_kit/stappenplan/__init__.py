"""The stappenplan of an LCO: agreements (wat, wie, tegen wanneer), their rules, the verslag and the follow-up.

Found by its Dutch nouns:

- :mod:`~lco_kit.stappenplan.plan`: the :class:`Stappenplan` of one casus,
  :func:`new_stappenplan` filled in from what the casus says, who can own an agreement;
- :mod:`~lco_kit.stappenplan.regels`: :func:`check_stappenplan`, the method's rules, each
  problem with a Dutch message;
- :mod:`~lco_kit.stappenplan.verslag`: :func:`verslag_markdown`, :func:`verslag_pdf`, and
  :func:`lco_gegevens`, what the registration records of this LCO (the row itself is
  :func:`lco_kit.registratie.registratie_rij`, so its knelpunten reach the registration charts);
- :mod:`~lco_kit.stappenplan.opvolging`: :func:`follow_up_casus` writes the plan back into
  the casus as ``vorige_lco``; :func:`opening_view` shows, when the follow-up LCO opens,
  each earlier agreement with its status and why.

An agreement and a knelpunt are the casus's own models (:class:`lco_kit.casus.Afspraak`,
:class:`lco_kit.casus.Knelpunt`). The texts are in ``lco_kit/data/stappenplan/teksten.yaml``.
The names are listed once, in ``__init__.pyi``, and imported when first used.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
