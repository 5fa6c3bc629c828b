"""Whether the kit is installed whole: its pages, casussen, exercises, data and template.

A package built the wrong way (a wheel from an sdist without the content folders) imports
fine and then fails in the browser with an English message in the log. The kit checks
before it starts and says in Dutch what is missing and how to repair it.
"""

from __future__ import annotations

from pathlib import Path

from lco_kit.content import content_dirs
from lco_kit.errors import LcoError

__all__ = ["check_installation", "missing_parts"]

_PACKAGE = Path(__file__).resolve().parent
_PARTS = {
    "notebooks": ("de pagina's", "*.ipynb"),
    "casussen": ("de casussen", "*.yaml"),
    "exercises": ("de oefeningen", "*.yaml"),
    "data": ("de vaste gegevens (codelijsten, principes, vragenlijst)", "*.yaml"),
}


def _has_files(folder: Path, pattern: str) -> bool:
    return folder.is_dir() and any(folder.rglob(pattern))


def missing_parts() -> list[str]:
    """Return, in Dutch, each part of the kit that is not where the kit looks for it.

    Returns:
        One line per missing part with the folder it was looked for in; empty when whole.
    """
    missing = []
    for kind, (what, pattern) in _PARTS.items():
        folder = content_dirs(kind)[0]
        if not _has_files(folder, pattern):
            missing.append(f"{what} (gezocht in {folder})")
    template = _PACKAGE / "templates" / "voila" / "templates" / "lco"
    if not _has_files(template, "*.j2"):
        missing.append(f"de opmaak van de pagina's (gezocht in {template})")
    return missing


def check_installation() -> None:
    """Refuse, in Dutch, to go on when a part of the kit is missing.

    Raises:
        LcoError: Naming every missing part and how to install the kit again.
    """
    missing = missing_parts()
    if missing:
        lines = "\n".join(f"  - {part}" for part in missing)
        raise LcoError(
            "De kit is niet volledig geïnstalleerd; deze delen ontbreken:\n"
            f"{lines}\n"
            "Installeer de kit opnieuw (bijvoorbeeld ‘pip install --force-reinstall lco-kit’) "
            "of vraag het aan wie de kit voor jou installeerde."
        )
