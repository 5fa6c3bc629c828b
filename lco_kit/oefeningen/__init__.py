"""Exercise banks on the maatzorgprincipes: load them, check an answer, explain why, score a lesson.

Everything here is pure: plain data in, plain data out, no widgets. One concept a module:

- :mod:`~lco_kit.oefeningen.model`: a bank and the five kinds of exercise (the file format);
- :mod:`~lco_kit.oefeningen.reeksen`: loading banks and checking them, within and across files;
- :mod:`~lco_kit.oefeningen.beoordeling`: checking an answer and explaining every part of it;
- :mod:`~lco_kit.oefeningen.les`: planning a lesson and scoring it;
- :mod:`~lco_kit.oefeningen.teksten`: the fixed Dutch texts.

Its face is ``__init__.pyi`` (each name once); a name is imported when first used.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
