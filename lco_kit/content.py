"""Finding and loading the kit's content files: casussen, exercise banks, data files.

One way to find content, from a checkout and from an installed package alike:

- ``casussen`` and ``exercises`` live at the top of a checkout, where facilitators edit
  them; an installed package carries a copy in ``lco_kit/_bundled/``;
- ``data`` lives in ``lco_kit/data/`` (code lists, principles, instrument items);
- a facilitator's own folder (``LCO_KIT_CONTENT_DIR``, with the same sub-folders) adds
  files, and a file there with the same name as a kit file replaces it.

One way to load content: :func:`load_model` reads a YAML file strictly (see
:mod:`lco_kit._yaml`), checks its ``schema_version`` and validates it with a pydantic
model that rejects unknown keys. Every problem comes back as one
:class:`~lco_kit.errors.ContentError` naming the file, the line and the field, in Dutch.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from lco_kit import config
from lco_kit._yaml import LineMap, parse_yaml_text
from lco_kit.errors import ContentError, Problem
from lco_kit.validation import SCHEMA_VERSION_KEY, translate_validation_error

__all__ = [
    "KINDS",
    "MAX_CONTENT_BYTES",
    "SCHEMA_VERSION_KEY",
    "ContentModel",
    "ContentPart",
    "FixedTexts",
    "content_dirs",
    "content_files",
    "content_path",
    "decode_text",
    "format_size",
    "load_model",
    "load_yaml",
    "translate_validation_error",
    "validate_data",
]

KINDS = ("casussen", "exercises", "data")
MAX_CONTENT_BYTES = 1_000_000
"""Content files are a few kilobytes; anything above one megabyte is refused."""

_PACKAGE = Path(__file__).resolve().parent
_BINARY_SIGNATURES = {
    b"PK\x03\x04": "een Word-, Excel- of zip-bestand",
    b"%PDF": "een PDF-bestand",
    b"\xd0\xcf\x11\xe0": "een ouder Word- of Excel-bestand",
    b"\x89PNG": "een afbeelding",
    b"\xff\xd8\xff": "een afbeelding",
}

M = TypeVar("M", bound="ContentModel")


class ContentPart(BaseModel):
    """Base of every nested part of a content file: strict about unknown keys, immutable.

    Use ``StrictBool`` for yes/no fields: pydantic would otherwise turn the text ``yes``
    or ``on`` into True, the silent conversion the loader exists to prevent.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class ContentModel(ContentPart):
    """Base of every content file's model: versioned, and strict about unknown keys.

    Subclasses set ``SUPPORTED_VERSIONS``; a file with another ``schema_version`` is
    refused with a message saying which versions this kit reads.
    """

    SUPPORTED_VERSIONS: ClassVar[tuple[int, ...]] = (1,)

    schema_version: int

    @model_validator(mode="after")
    def _known_version(self) -> ContentModel:
        if self.schema_version not in self.SUPPORTED_VERSIONS:
            versions = ", ".join(str(v) for v in self.SUPPORTED_VERSIONS)
            raise ValueError(
                f"schema_version {self.schema_version} kent deze versie van de kit niet (wel: {versions})."
            )
        return self


# ------------------------------------------------------------------ finding


def _checkout_root() -> Path | None:
    root = _PACKAGE.parent
    if (root / "pyproject.toml").is_file() and (root / "notebooks").is_dir():
        return root
    return None


def _builtin_dir(kind: str) -> Path:
    if kind == "data":
        return _PACKAGE / "data"
    root = _checkout_root()
    return root / kind if root is not None else _PACKAGE / "_bundled" / kind


def content_dirs(kind: str) -> list[Path]:
    """Return the folders that hold content of one kind, the kit's own first.

    Args:
        kind: ``casussen``, ``exercises``, ``data`` or ``notebooks``.

    Returns:
        The kit's folder, followed by the facilitator's own when it exists.
    """
    if kind not in (*KINDS, "notebooks"):
        raise ValueError(f"unknown content kind {kind!r}")
    folders = [_builtin_dir(kind)]
    own = config.content_override_dir()
    if own is not None and (own / kind).is_dir():
        folders.append(own / kind)
    return folders


def content_files(kind: str, patterns: Iterable[str] = ("*.yaml", "*.yml")) -> list[Path]:
    """Return every content file of one kind, sorted by name.

    A file in the facilitator's own folder replaces a kit file with the same relative path.
    """
    found: dict[str, Path] = {}
    for folder in content_dirs(kind):
        for pattern in patterns:
            for path in folder.rglob(pattern):
                if path.is_file() and ".ipynb_checkpoints" not in path.parts:
                    found[path.relative_to(folder).as_posix()] = path
    return [found[name] for name in sorted(found)]


def content_path(kind: str, name: str) -> Path:
    """Return the path of one content file, the facilitator's own copy winning.

    Raises:
        ContentError: When no folder holds the file.
    """
    for folder in reversed(content_dirs(kind)):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    raise ContentError(name, [Problem(f"dit bestand is niet gevonden bij de {kind} van de kit.")])


# ------------------------------------------------------------------ reading


def decode_text(data: bytes, name: str, *, allow_windows_1252: bool = False) -> str:
    """Decode a text file's bytes, refusing what is not text with a Dutch message.

    Accepts UTF-8 (with or without BOM) and UTF-16 with a BOM; Windows-1252 only when
    asked (spreadsheet exports), since a content file in it would lose its accents.

    Args:
        data: The file's bytes.
        name: The file's name, used in messages.
        allow_windows_1252: Fall back to Windows-1252 when the text is not UTF-8.

    Raises:
        ContentError: For binary files and text in an unsupported encoding.
    """
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise ContentError(name, [Problem(f"dit is geen tekstbestand maar {what}. Kies een tekstbestand.")])
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ContentError(name, [Problem("dit bestand is beschadigd (UTF-16).")]) from None
    if b"\x00" in data[:8192]:
        raise ContentError(name, [Problem("dit is geen tekstbestand. Kies een tekstbestand.")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if allow_windows_1252:
            return data.decode("cp1252", errors="replace")
        line = data[: error.start].count(b"\n") + 1
        raise ContentError(
            name,
            [
                Problem(
                    "dit bestand is niet als UTF-8 opgeslagen (waarschijnlijk Windows-1252, "
                    "zoals oudere Windows-programma’s doen). Sla het opnieuw op als ‘UTF-8’.",
                    line,
                )
            ],
        ) from None


def _read(source: Path | bytes, name: str | None, max_bytes: int) -> tuple[bytes, str]:
    if isinstance(source, Path):
        display = name or source.name
        try:
            size = source.stat().st_size
        except OSError:
            raise ContentError(display, [Problem("dit bestand bestaat niet of kan niet gelezen worden.")]) from None
        if size > max_bytes:
            raise ContentError(display, [_too_big(size, max_bytes)])
        return source.read_bytes(), display
    display = name or "bestand"
    if len(source) > max_bytes:
        raise ContentError(display, [_too_big(len(source), max_bytes)])
    return source, display


def format_size(size: int) -> str:
    """Return a byte count as a Dutch size.

    Examples:
        >>> format_size(1_500_000), format_size(2_048), format_size(12)
        ('1,5 MB', '2 kB', '12 bytes')
    """
    if size < 1000:  # noqa: PLR2004  (the units' own boundaries)
        return f"{size} bytes"
    if size < 1_000_000:  # noqa: PLR2004
        return f"{size / 1000:.0f} kB"
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


def _too_big(size: int, max_bytes: int) -> Problem:
    return Problem(
        f"dit bestand is te groot ({format_size(size)}); "
        f"een inhoudsbestand mag hoogstens {format_size(max_bytes)} zijn."
    )


def load_yaml(
    source: Path | bytes, name: str | None = None, *, max_bytes: int = MAX_CONTENT_BYTES
) -> tuple[Any, LineMap]:
    """Read a YAML content file strictly.

    Args:
        source: A path, or the bytes of an uploaded file.
        name: The name to use in messages (defaults to the path's name).
        max_bytes: Files above this size are refused before they are read.

    Returns:
        The data and the line of every value (see :func:`lco_kit._yaml.parse_yaml_text`).

    Raises:
        ContentError: With the file, the line and what is wrong, in Dutch.
    """
    data, display = _read(source, name, max_bytes)
    text = decode_text(data, display)
    return parse_yaml_text(text, display)


def load_model(
    model: type[M], source: Path | bytes, name: str | None = None, *, max_bytes: int = MAX_CONTENT_BYTES
) -> M:
    """Read a YAML content file and validate it with a pydantic model.

    Args:
        model: A :class:`ContentModel` subclass.
        source: A path, or the bytes of an uploaded file.
        name: The name to use in messages.
        max_bytes: Files above this size are refused.

    Returns:
        The validated model.

    Raises:
        ContentError: Naming the file, and for each problem its line and field.
    """
    data, lines = load_yaml(source, name, max_bytes=max_bytes)
    display = name or (source.name if isinstance(source, Path) else "bestand")
    return validate_data(model, data, lines, display)


def validate_data(model: type[M], data: Any, lines: LineMap, file: str) -> M:
    """Validate already-parsed data with a model, translating errors to Dutch."""
    if not isinstance(data, dict):
        raise ContentError(
            file,
            [Problem("het bestand moet bestaan uit velden (‘naam: waarde’), niet uit een lijst of losse tekst.", 1)],
        )
    if SCHEMA_VERSION_KEY not in data:
        raise ContentError(
            file, [Problem("het veld ‘schema_version’ ontbreekt bovenaan (bijvoorbeeld: schema_version: 1).", 1)]
        )
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise translate_validation_error(error, lines, file, model) from None


class _TextsFile(ContentModel):
    bron: str = Field(min_length=10)
    teksten: dict[str, str] = Field(min_length=1)


class FixedTexts:
    """The fixed Dutch texts of one data file (``bron`` + ``teksten``), read on first use.

    Call it with a key to get a text, ``{placeholders}`` filled in from keyword arguments.

    Examples:
        >>> text = FixedTexts("ui_teksten.yaml")
        >>> text("fout_onverwacht", wat="het opslaan", kenmerk="A1B2C3")[:27]
        'Er ging iets mis bij het op'

    Raises:
        KeyError: When a key is not in the file (a defect, caught by each module's tests).
    """

    def __init__(self, name: str) -> None:
        self.name = name

    @functools.cached_property
    def all(self) -> dict[str, str]:
        """Every text of the file, by key."""
        return load_model(_TextsFile, content_path("data", self.name)).teksten

    def __call__(self, key: str, **values: object) -> str:
        """Return the text under ``key`` with its placeholders filled in."""
        found = self.all[key]
        return found.format(**values) if values else found
