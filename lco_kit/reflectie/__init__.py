"""Reflectie: the "wanneer is het een goed LCO geweest" instrument, its scoring and its sessions.

- ``instrument``: the instrument file (dimensions, items per perspective, the scale);
- ``scoring``: pure scoring functions (plain data in, plain data out);
- ``privacy``: which perspective groups may be shown;
- the store, in SQLite or PostgreSQL, one concept a module: ``tables``, ``database``
  (connecting and its Dutch messages), ``codes`` (join codes, secrets, keys), ``records``,
  ``sessions`` (opening, trajects, closing), ``store`` (answers in, results out),
  ``retention``, ``owners``, ``provincie``, and ``migrations``;
- ``report``: results with privacy applied, the tables and the exports; ``charts``: its
  charts and the trend; ``documenten``: the PDF report, the paper forms and the key card.

Its face is ``__init__.pyi`` (each name once); names are imported when first used, so the
store does not pay for matplotlib.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
