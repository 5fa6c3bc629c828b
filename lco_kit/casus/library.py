"""Reading and writing casus files: one file, the curated library, and YAML out.

- :func:`load_casus_file` reads one file (a path or uploaded bytes) strictly;
- :func:`list_casussen` and :func:`load_casus` give the curated casussen in ``casussen/``
  (plus a facilitator's own folder, see :mod:`lco_kit.content`);
- :func:`casus_to_yaml` writes a casus back as a valid file, e.g. after a follow-up LCO
  filled in ``vorige_lco``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from lco_kit.casus.model import Casus
from lco_kit.content import content_files, load_model
from lco_kit.errors import ContentError, LcoError, Problem

__all__ = [
    "MAX_CASUS_BYTES",
    "Bron",
    "CasusLibrary",
    "casus_to_yaml",
    "list_casussen",
    "load_casus",
    "load_casus_file",
    "read_library",
]

Bron = Literal["bibliotheek", "simulatie", "upload", "opvolging"]
"""Where a casus came from: the kit's library, a simulation, an upload, or a follow-up made in the kit.

Its label says so on the page; it is never a field inside the casus file."""

MAX_CASUS_BYTES = 200_000
"""A casus is a few kilobytes; a file above 200 kB is refused before it is read."""


def load_casus_file(source: Path | bytes, name: str | None = None) -> Casus:
    """Read and validate one casus file.

    Args:
        source: A path, or the bytes of an uploaded file.
        name: The name to use in messages (defaults to the path's name).

    Returns:
        The validated casus.

    Raises:
        ContentError: Naming the file, and for each problem its line and field, in Dutch.
    """
    return load_model(Casus, source, name, max_bytes=MAX_CASUS_BYTES)


@dataclass
class CasusLibrary:
    """The curated casussen that could be read, and the files that could not.

    Attributes:
        casussen: Valid casussen, sorted by title.
        fouten: One error per file that could not be used; nothing is dropped silently.
    """

    casussen: list[Casus] = field(default_factory=list)
    fouten: list[ContentError] = field(default_factory=list)


def read_library() -> CasusLibrary:
    """Read every curated casus file; keep the errors of files that are not valid.

    A file must be named after its id (``<id>.yaml``), so that :func:`load_casus` finds it.
    """
    library = CasusLibrary()
    seen: dict[str, Path] = {}
    for path in content_files("casussen"):
        try:
            casus = load_casus_file(path)
        except ContentError as error:
            library.fouten.append(error)
            continue
        if path.stem != casus.id:
            library.fouten.append(
                ContentError(
                    path.name,
                    [
                        Problem(
                            f"de id ‘{casus.id}’ hoort bij de bestandsnaam ‘{casus.id}.yaml’. Pas een van beide aan."
                        )
                    ],
                )
            )
            continue
        if casus.id in seen:
            library.fouten.append(
                ContentError(path.name, [Problem(f"de id ‘{casus.id}’ wordt ook gebruikt in {seen[casus.id].name}.")])
            )
            continue
        seen[casus.id] = path
        library.casussen.append(casus)
    library.casussen.sort(key=lambda c: c.titel.casefold())
    return library


def list_casussen() -> list[Casus]:
    """Return every curated casus, sorted by title.

    Raises:
        ContentError: When a file cannot be used; the message names every such file.
    """
    library = read_library()
    if library.fouten:
        if len(library.fouten) == 1:
            raise library.fouten[0]
        raise ContentError(
            "casussen",
            [Problem(str(error)) for error in library.fouten],
        )
    return library.casussen


def load_casus(casus_id: str) -> Casus:
    """Return the curated casus with this id.

    Raises:
        LcoError: When there is no such casus (the message lists the ids that exist).
        ContentError: When its file is not valid.
    """
    for path in content_files("casussen"):
        if path.stem == casus_id:
            casus = load_casus_file(path)
            if casus.id != casus_id:
                break
            return casus
    known = ", ".join(sorted(c.id for c in read_library().casussen))
    raise LcoError(f"Er is geen casus met id ‘{casus_id}’. Deze casussen zijn er: {known}.")


class _Dumper(yaml.SafeDumper):
    """Indent list items under their key, as people write YAML by hand."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:  # noqa: ARG002  (PyYAML's signature)
        super().increase_indent(flow, False)


def casus_to_yaml(casus: Casus, *, header: str | None = None) -> str:
    """Return a casus as the text of a valid casus file.

    The same casus always gives the same text. Fields with their default value are left
    out; quoted where YAML would otherwise misread them (``'14:30'``, ``'yes'``, dates).

    Args:
        casus: The casus.
        header: Comment lines to put on top (without ``#``).

    Examples:
        >>> from lco_kit.casus import simulate_casus
        >>> text = casus_to_yaml(simulate_casus(7))
        >>> text.startswith("schema_version: 1")
        True
    """
    data: dict[str, Any] = casus.model_dump(mode="json", exclude_defaults=True)
    data = {"schema_version": casus.schema_version, **data}
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=96, default_flow_style=False)
    if header:
        comments = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines())
        return comments + body
    return body
