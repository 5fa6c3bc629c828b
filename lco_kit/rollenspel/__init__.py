"""The role-play: the coördinator/spilfiguur split, played on a casus.

- roles and phases as data (``roles``): who does what, phase by phase;
- role cards from any casus (``cards``; their fixed texts in ``card_texts``, printed by
  ``card_print``);
- moments (``moments``: the bank), building a scenario from them (``scenario``) and
  scoring it per role (``scoring``);
- the checks on a setup (``checks``): indication, neutrality, spilfiguur, and the
  requester's preparation checklist; the spelregels (``spelregels``).

Its face is ``__init__.pyi`` (each name once); names are imported when first used.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
