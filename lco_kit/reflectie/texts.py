"""The reflection pages' fixed Dutch texts, kept in ``data/reflectie/teksten.yaml``.

A facilitator may replace the file in their own content folder, like every content file.
"""

from __future__ import annotations

from functools import cache

from pydantic import Field

from lco_kit.content import ContentModel, content_path, load_model

__all__ = ["TEXTS_FILE", "text"]

TEXTS_FILE = "reflectie/teksten.yaml"


class _Texts(ContentModel):
    bron: str = Field(min_length=10)
    teksten: dict[str, str] = Field(min_length=1)


@cache
def _texts() -> dict[str, str]:
    return load_model(_Texts, content_path("data", TEXTS_FILE)).teksten


def text(key: str, **values: object) -> str:
    """Return a fixed text of the reflection pages, with ``{placeholders}`` filled in.

    Raises:
        KeyError: When the key is not in the texts file (a defect, caught by the tests).
    """
    found = _texts()[key]
    return found.format(**values) if values else found
