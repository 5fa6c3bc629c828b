"""Checking a casus file before it is shared: its format and the privacy scan together.

``lco-kit casus check`` and the upload on the casus page both use :func:`check_casus`,
so a coordinator sees the same answer in both places.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lco_kit.casus.library import MAX_CASUS_BYTES, load_casus_file
from lco_kit.casus.model import Casus
from lco_kit.casus.privacy import PrivacyFinding, not_checked, scan_privacy
from lco_kit.casus.texts import casus_text
from lco_kit.content import decode_text
from lco_kit.errors import ContentError, Problem

__all__ = ["CasusCheck", "check_casus"]


@dataclass
class CasusCheck:
    """What checking one casus file found.

    Attributes:
        naam: The file's name as the user knows it.
        casus: The casus, when the file is valid.
        fouten: Every problem with the format (empty when valid).
        privacy: Every piece of personal data found.
        privacy_gescand: False when the file could not be read as text, so not scanned.
        aandachtspunten: Notes that do not make the file invalid.
    """

    naam: str
    casus: Casus | None = None
    fouten: list[Problem] = field(default_factory=list)
    privacy: list[PrivacyFinding] = field(default_factory=list)
    privacy_gescand: bool = True
    aandachtspunten: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Return True when the file is valid, was scanned, and holds no personal data."""
        return not self.fouten and not self.privacy and self.privacy_gescand

    def report(self) -> str:
        """Return the result as Dutch text for a person (the command line and the page show it)."""
        if self.ok:
            lines = [casus_text("check_in_orde", naam=self.naam)]
        else:
            lines = [casus_text("check_niet_in_orde", naam=self.naam)]
        if self.fouten:
            lines.append(f"  {casus_text('check_kop_fouten')}")
            lines += [f"    - {problem.describe()}" for problem in self.fouten]
        if self.privacy:
            lines.append(f"  {casus_text('check_kop_privacy')}")
            lines += [f"    - {finding.describe()}" for finding in self.privacy]
            lines.append(f"    {casus_text('check_privacy_advies')}")
        elif not self.privacy_gescand:
            lines.append(f"  {casus_text('check_privacy_niet_gescand')}")
        if self.aandachtspunten:
            lines.append(f"  {casus_text('check_kop_aandacht')}")
            lines += [f"    - {note}" for note in self.aandachtspunten]
        if self.ok:
            lines.append(not_checked())
        return "\n".join(lines)


def check_casus(source: Path | bytes, name: str | None = None) -> CasusCheck:
    """Validate a casus file and scan it for personal data.

    Never raises for a bad file: every problem ends up in the result, in Dutch.

    Args:
        source: A path, or the bytes of an uploaded file.
        name: The name to use in messages (defaults to the path's name).
    """
    display = name or (source.name if isinstance(source, Path) else "bestand")
    result = CasusCheck(display)
    data: bytes | None
    if isinstance(source, Path):
        try:
            too_big = source.stat().st_size > MAX_CASUS_BYTES
            data = None if too_big else source.read_bytes()
        except OSError:
            result.fouten.append(Problem(casus_text("check_onleesbaar")))
            result.privacy_gescand = False
            return result
    else:
        data = None if len(source) > MAX_CASUS_BYTES else source
    try:
        result.casus = load_casus_file(source, display)
    except ContentError as error:
        result.fouten = list(error.problems)
    if data is None:
        result.privacy_gescand = False
        return result
    try:
        text = decode_text(data, display, allow_windows_1252=True)
    except ContentError:
        result.privacy_gescand = False
    else:
        result.privacy = scan_privacy(text)
    if result.casus is not None:
        result.aandachtspunten = result.casus.aandachtspunten()
    return result
