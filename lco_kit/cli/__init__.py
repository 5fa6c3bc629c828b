"""The ``lco-kit`` command.

Each command group lives in its own module in this package and defines
``register(subcommands)``; this module finds them, so a capability adds its commands
without touching anyone else's. Verbs are English; options, help and messages are Dutch.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
