"""Names a package offers but imports only when first used (PEP 562).

A page that needs the casus model should not pay for matplotlib and fpdf because they sit
behind other names of the same package.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any


def lazy_exports(
    package: str, exports: Mapping[str, str], public: Sequence[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """Return a module's ``__getattr__`` and ``__dir__`` for names found in other modules.

    Args:
        package: The package's own name (``__name__``).
        exports: Each offered name with the module that defines it.
        public: The package's ``__all__``.

    Examples:
        >>> getattr_, dir_ = lazy_exports("lco_kit", {"format_size": "lco_kit.content"}, ["format_size"])
        >>> getattr_("format_size")(1_500_000)
        '1,5 MB'
    """

    def __getattr__(name: str) -> Any:  # noqa: N807  (the module-level hook's own name)
        if name not in exports:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(exports[name]), name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:  # noqa: N807
        return sorted(public)

    return __getattr__, __dir__
