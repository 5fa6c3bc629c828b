"""The kit's shared code lists: levensdomeinen, knelpunten, aanvragers, sectoren, gemeenten.

Every part of the kit (casus, role-play, reflection, registration) uses these same lists,
read from ``lco_kit/data/codelijsten/``. On input, a code and its Dutch label are both
accepted, as are the synonyms the list names, whatever the case, accents or spacing.

Examples:
    >>> lookup("levensdomeinen", "Financiën").code
    'financien'
    >>> lookup("aanvragers", "ocmw").label
    'OCMW'
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import Field, PrivateAttr, StrictBool

from lco_kit.content import ContentModel, ContentPart, content_path, load_model
from lco_kit.errors import LcoError

__all__ = [
    "CODE_LISTS",
    "Code",
    "CodeList",
    "GemeenteMatch",
    "UnknownCodeError",
    "code_list",
    "gemeenten_in",
    "lookup",
    "lookup_gemeente",
    "normalize",
]

CODE_LISTS = ("levensdomeinen", "knelpunten", "aanvragers", "sectoren")


def normalize(text: str) -> str:
    """Return a key for comparing names: lower case, no accents, letters and digits only.

    Examples:
        >>> normalize("Cliënt  aanwezig")
        'clientaanwezig'
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


class Code(ContentPart):
    """One entry of a code list."""

    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str = Field(min_length=1)
    uit_bron: StrictBool
    synoniemen: tuple[str, ...] = ()


class CodeList(ContentModel):
    """A code list file: its source, and its codes in display order."""

    lijst: str
    titel: str
    bron: str = Field(min_length=20)
    codes: tuple[Code, ...] = Field(min_length=1)
    _lookup: dict[str, Code] | None = PrivateAttr(default=None)

    @property
    def labels(self) -> list[str]:
        """Return the Dutch labels in display order."""
        return [c.label for c in self.codes]

    def label(self, code: str) -> str:
        """Return the label of a code (or of anything :meth:`lookup` accepts)."""
        return self.lookup(code).label

    def _index(self) -> dict[str, Code]:
        # Built once per list; hashing the whole (frozen) model on every lookup was the cost.
        if self._lookup is None:
            index: dict[str, Code] = {}
            for entry in self.codes:
                for name in (entry.code, entry.label, *entry.synoniemen):
                    index.setdefault(normalize(name), entry)
            self._lookup = index
        return self._lookup

    def lookup(self, value: str) -> Code:
        """Return the code that a code, label or synonym stands for.

        Raises:
            UnknownCodeError: With the accepted values and, when close, a suggestion.
        """
        found = self._index().get(normalize(str(value)))
        if found is None:
            raise UnknownCodeError(self, str(value))
        return found


class UnknownCodeError(LcoError):
    """A value that is not in a code list."""

    def __init__(self, codes: CodeList, value: str) -> None:
        self.value = value
        self.list_name = codes.lijst
        by_folded = {label.casefold(): label for label in codes.labels}
        guess = difflib.get_close_matches(value.casefold(), list(by_folded), n=1)
        hint = f" Bedoel je ‘{by_folded[guess[0]]}’?" if guess else ""
        super().__init__(
            f"‘{value}’ staat niet in de lijst ‘{codes.titel}’.{hint} Mogelijk: {', '.join(codes.labels)}."
        )


@cache
def code_list(name: str) -> CodeList:
    """Return a code list by name (``levensdomeinen``, ``knelpunten``, ``aanvragers``, ``sectoren``)."""
    if name not in CODE_LISTS:
        raise ValueError(f"unknown code list {name!r}")
    return load_model(CodeList, content_path("data", f"codelijsten/{name}.yaml"))


def lookup(list_name: str, value: str) -> Code:
    """Return the entry of a code list that a code, label or synonym stands for.

    Raises:
        UnknownCodeError: When the value is not in the list.
    """
    return code_list(list_name).lookup(value)


# ------------------------------------------------------------------ gemeenten

Provincie = Literal["Antwerpen", "Limburg", "Oost-Vlaanderen", "Vlaams-Brabant", "West-Vlaanderen"]


class _Fusie(ContentPart):
    jaar: int
    provincie: Provincie
    nieuw: str
    oud: tuple[str, ...] = Field(min_length=2)
    opmerking: str | None = None


class _Provinciewissel(ContentPart):
    jaar: int
    gemeente: str
    van: Provincie
    naar: Provincie
    opmerking: str | None = None


class _GemeentenFile(ContentModel):
    lijst: Literal["gemeenten"]
    titel: str
    bron: str = Field(min_length=20)
    gemeenten_2018: dict[Provincie, tuple[str, ...]]
    fusies: tuple[_Fusie, ...]
    provinciewissels: tuple[_Provinciewissel, ...] = ()


@dataclass(frozen=True)
class GemeenteMatch:
    """What a municipality name stands for.

    Attributes:
        naam: The name as the kit writes it (or the input, when unknown).
        provincie: Its province, when known.
        bekend: False when the name is in no list: warn, never change it.
        huidige_naam: The name after the mergers of the given year, when it changed.
        waarschuwing: A Dutch sentence for the user, or None.
    """

    naam: str
    provincie: str | None
    bekend: bool
    huidige_naam: str | None = None
    waarschuwing: str | None = None


@cache
def _gemeenten() -> _GemeentenFile:
    return load_model(_GemeentenFile, content_path("data", "codelijsten/gemeenten.yaml"))


@cache
def gemeenten_in(year: int) -> dict[str, str]:
    """Return the Flemish municipalities in force on 1 January of a year, name → province.

    Years before 2018 use the 2018 list (no Flemish mergers happened between 1977 and 2019).
    """
    source = _gemeenten()
    current = {name: prov for prov, names in source.gemeenten_2018.items() for name in names}
    for fusie in sorted(source.fusies, key=lambda f: f.jaar):
        if fusie.jaar > year:
            break
        for old in fusie.oud:
            current.pop(old, None)
        current[fusie.nieuw] = fusie.provincie
    return dict(sorted(current.items(), key=lambda item: normalize(item[0])))


@cache
def _all_names() -> dict[str, tuple[str, str]]:
    names: dict[str, tuple[str, str]] = {}
    for year in (2018, 2019, 2025):
        for name, province in gemeenten_in(year).items():
            names.setdefault(normalize(name), (name, province))
    return names


def lookup_gemeente(value: str, year: int | None = None) -> GemeenteMatch:
    """Recognise a Flemish municipality, old names included.

    Args:
        value: The name as typed or exported.
        year: When given, a name merged away before that year is reported with its new
            name (the input is not changed; the caller decides).

    Returns:
        A :class:`GemeenteMatch`; unknown names come back with ``bekend=False`` and a warning.
    """
    found = _all_names().get(normalize(value))
    if found is None:
        guess = difflib.get_close_matches(normalize(value), list(_all_names()), n=1, cutoff=0.8)
        hint = f" Bedoel je ‘{_all_names()[guess[0]][0]}’?" if guess else ""
        return GemeenteMatch(
            naam=value,
            provincie=None,
            bekend=False,
            waarschuwing=f"‘{value}’ is geen Vlaamse gemeente die de kit kent.{hint} De naam blijft zoals hij is.",
        )
    name, province = found
    if year is None:
        return GemeenteMatch(naam=name, provincie=province, bekend=True)
    merged_into = _merged_name(name, year)
    if merged_into is None or merged_into == name:
        return GemeenteMatch(naam=name, provincie=province, bekend=True)
    return GemeenteMatch(
        naam=name,
        provincie=province,
        bekend=True,
        huidige_naam=merged_into,
        waarschuwing=f"{name} is sinds een fusie deel van {merged_into}.",
    )


def _merged_name(name: str, year: int) -> str | None:
    current = name
    for fusie in sorted(_gemeenten().fusies, key=lambda f: f.jaar):
        if fusie.jaar <= year and current in fusie.oud:
            current = fusie.nieuw
    return current
