"""The privacy scan: finds data in a text that can identify a person directly.

This is the only module of the kit that knows the shapes of personal data. It looks for:

- Belgian national numbers (rijksregisternummer) and BIS numbers, with a valid checksum;
- bank accounts: IBANs and old Belgian account numbers, with a valid checksum;
- Belgian phone numbers in their usual spellings (``04xx xx xx xx``, ``0xx/xx.xx.xx``,
  ``+32 4xx …``), except placeholders such as a subscriber number of only zeros;
- e-mail addresses (except the reserved example domains);
- street addresses: a street name with a house number, or a postcode followed by a place;
- birth dates: a full date in a birth context (``geboren``, ``°``, ``geboortedatum``).

Numbers with a wrong checksum, deadlines, dates without a birth context, years, amounts,
counts and dossier references are not reported. Names and indirect identification (a rare
combination of facts) are not checked: :data:`NOT_CHECKED` says so in Dutch.

Examples:
    >>> text = "Mail naar an" + "@" + "voorbeeld.be, tegen 15/03/2026, dossier 2024/0123."
    >>> [f.kind for f in scan_privacy(text)]
    ['e-mailadres']
"""

from __future__ import annotations

import bisect
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal, get_args

from stdnum import iban as stdnum_iban
from stdnum.be import bis, nn

from lco_kit.casus.texts import casus_text
from lco_kit.codes import lookup_gemeente
from lco_kit.dutch import MONTHS

if TYPE_CHECKING:
    from lco_kit.casus.model import Casus

__all__ = ["KINDS", "PrivacyFinding", "fake_identifier", "mask", "not_checked", "scan_privacy"]

Kind = Literal[
    "rijksregisternummer",
    "bisnummer",
    "iban",
    "rekeningnummer",
    "telefoonnummer",
    "e-mailadres",
    "adres",
    "geboortedatum",
]
KINDS: tuple[Kind, ...] = get_args(Kind)


@dataclass(frozen=True, order=True)
class PrivacyFinding:
    """One piece of personal data found in a text.

    Attributes:
        line: 1-based line number.
        column: 1-based column where it starts.
        kind: What it is (one of :data:`KINDS`).
        excerpt: The text found, masked (see :func:`mask`): never the value in full.
    """

    line: int
    column: int
    kind: Kind
    excerpt: str

    @property
    def label(self) -> str:
        """Return the kind as a Dutch label (``rijksregisternummer``, ``adres``…)."""
        return casus_text(f"privacy_soort_{self.kind}")

    def describe(self) -> str:
        """Return the finding as one Dutch line: where, what, and the excerpt."""
        return casus_text("privacy_vondst", regel=self.line, soort=self.label, fragment=self.excerpt)


def not_checked() -> str:
    """Return, in Dutch, what the scan does not check (to show with every clean result)."""
    return casus_text("privacy_niet_gecontroleerd")


# ------------------------------------------------------------------ the scan


def scan_privacy(source: str | Casus) -> list[PrivacyFinding]:
    """Find personal data in a text (or in a casus, as its YAML text).

    Args:
        source: Any text (YAML, Markdown, plain), or a :class:`~lco_kit.casus.Casus`.

    Returns:
        The findings in text order; empty when nothing was found.
    """
    if isinstance(source, str):
        text = source
    else:
        from lco_kit.casus.library import casus_to_yaml  # noqa: PLC0415  (library imports this module)

        text = casus_to_yaml(source)
    found: list[tuple[int, int, Kind, str]] = []
    for finder in _FINDERS:
        for start, end, kind in finder(text):
            if any(start < other_end and other_start < end for other_start, other_end, _, _ in found):
                continue  # an earlier, more specific kind already covers this text
            found.append((start, end, kind, text[start:end]))
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    findings = []
    for start, _end, kind, matched in found:
        line = bisect.bisect_right(line_starts, start)
        column = start - line_starts[line - 1] + 1
        findings.append(PrivacyFinding(line, column, kind, mask(kind, " ".join(matched.split()))))
    return sorted(findings)


_WORD = re.compile(r"[^\W\d_]+")
_EXCERPT_LENGTH = 60


def mask(kind: Kind, text: str) -> str:
    """Return a finding's text with enough hidden that a report or a screen does not spread it.

    Numbers keep their first four characters (the kind of number shows, not whose it is);
    e-mail addresses keep a first letter and the country; addresses and dates keep only
    the first letter of each word, and every digit becomes a dot.

    Examples:
        >>> mask("telefoonnummer", "04" + "70 12 34 56"), mask("adres", "Kerk" + "straat 12 bus 3")
        ('0470 •• •• ••', 'K… •• b… •')
        >>> mask("e-mailadres", "an.peeters" + "@" + "voorbeeld.be"), mask("geboortedatum", "4 mei " + "1988")
        ('a•••@•••.be', '• m… ••••')
    """
    if kind == "e-mailadres":
        local, _, domain = text.partition("@")
        country = domain.rsplit(".", 1)[-1] if "." in domain else ""
        masked = f"{local[:1]}•••@•••.{country}"
    elif kind in {"adres", "geboortedatum"}:
        masked = _WORD.sub(lambda word: word.group()[0] + "…", re.sub(r"\d", "•", text))
    else:
        masked = text[:4] + re.sub(r"\d", "•", text[4:])
    return masked if len(masked) <= _EXCERPT_LENGTH else masked[: _EXCERPT_LENGTH - 1] + "…"


Span = tuple[int, int, Kind]

# ---------------------------------------------------------------- national numbers

_NATIONAL = re.compile(r"(?<![\w.\-/])\d{2}([. ]?)\d{2}\1\d{2}[-. ]?\d{3}[-. ]?\d{2}(?![\w]|[.\-/]\d)")


def _national_numbers(text: str) -> Iterator[Span]:
    for match in _NATIONAL.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if nn.is_valid(digits):
            yield match.start(), match.end(), "rijksregisternummer"
        elif bis.is_valid(digits):
            yield match.start(), match.end(), "bisnummer"


# ---------------------------------------------------------------- bank accounts

_IBAN = re.compile(r"(?<![\w])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{1,4}){3,8}(?![\w])", re.IGNORECASE)
_OLD_ACCOUNT = re.compile(r"(?<![\w\-/.])(\d{3})-(\d{7})-(\d{2})(?![\w]|-\d)")
_IBAN_MIN_LENGTH = 15


def _ibans(text: str) -> Iterator[Span]:
    for match in _IBAN.finditer(text):
        # Try the longest run of groups first; a word after the number may have been taken along.
        groups = list(re.finditer(r"[A-Z0-9]+", match.group(), re.IGNORECASE))
        for last in range(len(groups), 0, -1):
            end = groups[last - 1].end()
            candidate = re.sub(r"\s", "", match.group()[:end]).upper()
            if len(candidate) >= _IBAN_MIN_LENGTH and stdnum_iban.is_valid(candidate):
                yield match.start(), match.start() + end, "iban"
                break


def _old_accounts(text: str) -> Iterator[Span]:
    for match in _OLD_ACCOUNT.finditer(text):
        body = int(match.group(1) + match.group(2))
        check = int(match.group(3))
        if body and (body % 97 or 97) == check:
            yield match.start(), match.end(), "rekeningnummer"


# ---------------------------------------------------------------- phone numbers

_PHONE = re.compile(
    r"(?<![\w+/.\-€])(?:(?:\+|00)32[ .\-/]?(?:\(0\)[ ]?)?|0)[1-9](?:[ .\-/]?\d)+",
)
_SERVICE_PREFIXES = ("800", "900", "901", "902", "903", "904", "905", "906", "907", "908", "909", "70", "77", "78")
_DATE_START = re.compile(r"^\d{1,2}[./\-]\d{1,2}[./\-]\d{2,4}")
_LANDLINE_DIGITS = 8
_MOBILE_DIGITS = 9


def _phone_numbers(text: str) -> Iterator[Span]:
    for match in _PHONE.finditer(text):
        raw = match.group()
        if _DATE_START.match(raw):
            continue
        prefix = re.match(r"(?:\+|00)32[ .\-/]?(?:\(0\)[ ]?)?|0", raw)
        assert prefix is not None  # the pattern starts with one of these
        rest = raw[prefix.end() :]
        groups = list(re.finditer(r"\d+", rest))
        for last in range(len(groups), 0, -1):
            end = groups[last - 1].end()
            digits = re.sub(r"\D", "", rest[:end])
            if _is_phone(digits):
                yield match.start(), match.start() + prefix.end() + end, "telefoonnummer"
                break


def _is_phone(digits: str) -> bool:
    if digits.startswith(_SERVICE_PREFIXES):
        return False  # free and paying service numbers belong to organisations, not persons
    if len(set(digits[-6:])) == 1:
        return False  # a placeholder (…00 00 00), as written in examples and tests
    if len(digits) == _MOBILE_DIGITS:
        return digits[0] == "4" and digits[1] in "56789"
    return len(digits) == _LANDLINE_DIGITS


# ---------------------------------------------------------------- e-mail

_EMAIL = re.compile(r"(?<![\w.+\-])[\w.%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}(?![\w\-])")
_RESERVED_DOMAINS = re.compile(
    r"@(?:[\w\-]+\.)*(?:example\.(?:com|net|org)|[\w\-]+\.(?:example|test|invalid|localhost))$"
)


def _emails(text: str) -> Iterator[Span]:
    for match in _EMAIL.finditer(text):
        if not _RESERVED_DOMAINS.search(match.group().lower()):
            yield match.start(), match.end(), "e-mailadres"


# ---------------------------------------------------------------- addresses

_SUFFIXES = (
    "straat|laan|steenweg|weg|plein|lei|dreef|baan|kaai|kade|markt|hof|pad|singel|ring|dijk|wal|vest|"
    "gracht|veld|berg|heide|park|boulevard|wegel|straatje|pleintje|hoek|beemd|broek|bos"
)
_STANDALONE = "Straat|Laan|Steenweg|Weg|Plein|Lei|Dreef|Baan|Kaai|Kade|Markt|Ring|Dijk|Vest|Boulevard|Singel"
_HOUSE_NUMBER = r"(?:nr\.?[ \t]*)?\d{1,3}(?:[ \t]?[A-Za-z](?![\w]))?(?:[ \t]*(?:bus|/)[ \t]*\d{1,4}[A-Za-z]?)?"
_STREET = re.compile(
    rf"(?:\b[A-Z][\w'’\-]*[ \t]+(?:{_STANDALONE})|\b[A-Z][\w'’\-]*?(?:{_SUFFIXES})"
    rf"|\b[a-z][\w'’\-]{{2,}}(?:straat|laan|steenweg|plein|dreef))[ \t,]+{_HOUSE_NUMBER}"
    r"(?![\w%€]|[.,:]\d|[ \t]*(?:%|€|euro|keer|jaar|maanden|weken|dagen|uur|minuten|procent)\b)"
)
_POSTCODE = re.compile(
    r"(?<![\w.,/\-€])(?:B-)?([1-9]\d{3})[ \t]+([A-Z][a-zà-ÿ'’]+(?:-[A-Za-zà-ÿ'’]+)*(?:[ \t][A-Z][a-zà-ÿ'’]+)?)"
    r"(?!\w)"  # a whole word: "1536 MiB" is a size, not a place
)
_REGIONS = {"limburg", "vlaanderen", "wallonië", "belgië", "nederland", "europa", "euro", "eur", "lco"}
_PROVINCE_POSTCODES = {
    "Antwerpen": ((2000, 2999),),
    "Limburg": ((3500, 3999),),
    "Oost-Vlaanderen": ((9000, 9999),),
    "Vlaams-Brabant": ((1500, 1999), (3000, 3499)),
    "West-Vlaanderen": ((8000, 8999),),
}
_YEAR_LIKE = (1900, 2099)


def _addresses(text: str) -> Iterator[Span]:
    for match in _STREET.finditer(text):
        yield match.start(), match.end(), "adres"
    for match in _POSTCODE.finditer(text):
        if _is_postcode_and_place(int(match.group(1)), match.group(2)):
            yield match.start(), match.end(), "adres"


def _is_postcode_and_place(postcode: int, place: str) -> bool:
    candidates = [place, place.split(maxsplit=1)[0]] if " " in place else [place]
    for name in candidates:
        known = lookup_gemeente(name)
        if known.bekend and known.provincie is not None:
            ranges = _PROVINCE_POSTCODES.get(known.provincie, ())
            return any(low <= postcode <= high for low, high in ranges)
    if _YEAR_LIKE[0] <= postcode <= _YEAR_LIKE[1]:
        return False  # "in 2019 Genk…": a year before a name, unless it is the place's own postcode
    first = place.split(maxsplit=1)[0].split("-", maxsplit=1)[0].lower()
    # Capitalised words after a number are names; adjectives made from them end in -se/-sche.
    return first not in _REGIONS and not first.endswith(("se", "sche"))


# ---------------------------------------------------------------- birth dates

_MONTHS = {name: number for number, name in enumerate(MONTHS, start=1)} | {
    short: number
    for number, shorts in enumerate(
        (
            ("jan",),
            ("feb",),
            ("mrt",),
            ("apr",),
            (),
            ("jun",),
            ("jul",),
            ("aug",),
            ("sep", "sept"),
            ("okt",),
            ("nov",),
            ("dec",),
        ),
        start=1,
    )
    for short in shorts
}
_DATE = re.compile(
    r"(?<![\w./\-])(?:"
    r"(?P<d>\d{1,2})[./\-](?P<m>\d{1,2})[./\-](?P<y>\d{4}|\d{2})"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
    r"|(?P<wd>\d{1,2})(?:e|ste|de)?\s+(?P<wm>"
    + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + r")\.?\s+(?P<wy>\d{4})"
    r")(?![\w]|[./\-]\d)",
    re.IGNORECASE,
)
_BIRTH_CONTEXT = re.compile(
    r"(?:geboren|geboortedatum|geboortedag|geb\.|°)"
    r"(?:[\s:,(]+(?:op|te|in|de|den|[A-Z][\w'’\-]*))*[\s:,(]*$",
    re.IGNORECASE,
)
_CONTEXT_WINDOW = 60


def _birth_dates(text: str) -> Iterator[Span]:
    for match in _DATE.finditer(text):
        if _real_date(match) is None:
            continue
        before = text[max(0, match.start() - _CONTEXT_WINDOW) : match.start()]
        if _BIRTH_CONTEXT.search(before):
            yield match.start(), match.end(), "geboortedatum"


def _real_date(match: re.Match[str]) -> date | None:
    parts = match.groupdict()
    try:
        if parts["d"]:
            year = int(parts["y"])
            if year < 100:  # noqa: PLR2004  (two-digit year)
                year += 1900 if year > date.today().year % 100 else 2000
            return date(year, int(parts["m"]), int(parts["d"]))
        if parts["iy"]:
            return date(int(parts["iy"]), int(parts["im"]), int(parts["id"]))
        return date(int(parts["wy"]), _MONTHS[parts["wm"].lower()], int(parts["wd"]))
    except ValueError:
        return None


# Most specific first: a national number is not also reported as a phone number.
_FINDERS = (_national_numbers, _ibans, _old_accounts, _emails, _birth_dates, _phone_numbers, _addresses)


# ------------------------------------------------------------------ made-up identifiers


def fake_identifier(kind: Literal["rijksregisternummer", "iban"], rng: random.Random) -> str:
    """Return an identifier that looks real but is built to FAIL its checksum.

    For simulated casussen and exercises: it can never be a real person's number, and the
    scan does not report it.

    Args:
        kind: ``rijksregisternummer`` or ``iban`` (a Belgian IBAN).
        rng: The random generator of the caller (same seed, same number).
    """
    if kind == "rijksregisternummer":
        body = f"{rng.randint(40, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(1, 997):03d}"
        good = {97 - int(body) % 97, 97 - int("2" + body) % 97}  # born in the 1900s or the 2000s
        check = rng.choice([c for c in range(1, 98) if c not in good])
        number = f"{body}{check:02d}"
        return f"{number[:2]}.{number[2:4]}.{number[4:6]}-{number[6:9]}.{number[9:]}"
    account = f"{rng.randint(0, 999):03d}{rng.randint(0, 9_999_999):07d}"
    national_check = int(account) % 97 or 97
    bban = f"{account}{national_check:02d}"
    good_check = 98 - int(f"{bban}111400") % 97  # B = 11, E = 14
    check = rng.choice([c for c in range(2, 99) if c != good_check])
    compact = f"BE{check:02d}{bban}"
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
