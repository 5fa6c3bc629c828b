"""lco-kit: a training and reflection kit for the lokaal cliëntoverleg (LCO).

The public API is named in ``__init__.pyi``, each name once; pages (notebooks) use only these
names. Names are imported when first used (lazy_loader reads the stub), so a page pays only
for what it uses: the first paint of a page in a training room depends on it. Every package
of the kit shows its face the same way.
"""

import lazy_loader

__version__ = "0.1.0"

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
