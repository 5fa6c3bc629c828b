"""A structured intervisie on a casus: the method, the case owner's own casus, the session, the harvest.

- ``method``: the rounds and roles (``lco_kit/data/intervisie/methode.yaml``);
- ``own_casus``: the short form that builds the kit's one casus model, privacy-scanned
  before anything is shown;
- ``session``: a running intervisie, its clock, and the draft that survives a reload until
  the chair closes it;
- ``harvest``: the harvest (refused with the findings while the notes hold personal data)
  and the worksheet.

Its face is ``__init__.pyi`` (each name once); names are imported when first used.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
