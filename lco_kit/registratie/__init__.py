"""The yearly LCO registration: format, import and check, figures, suppression, charts, reports, simulator.

Only this package knows the registration's columns. The usual path::

    registration = load_registration(Path("registratie.csv"))   # every invalid row reported
    view = build_overview(registration, Selection(years=(2016,)))
    pdf = jaarrapport_pdf(view)                                  # and signalennota_pdf(view)

For a single row (a stappenplan's verslag exported as a registration row), use
:func:`validate_row` with the columns in :data:`REGISTRATION_COLUMNS`.

The names are listed once, in ``__init__.pyi``; each is imported when first used
(lazy_loader), so ``import lco_kit.registratie`` does not load pandas or matplotlib.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
