"""Widgets and pages for the kit's Voilà pages. Only this package imports ipywidgets.

Its face is ``__init__.pyi`` (each name once): the notebooks call a page by name
(``from lco_kit.ui import casus_pagina``) and only that page's module is imported.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
