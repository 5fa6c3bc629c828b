"""The fixed Dutch texts of the kit's widgets, kept in one data file (``data/ui_teksten.yaml``)."""

from __future__ import annotations

from functools import cache

from pydantic import Field

from lco_kit.content import ContentModel, content_path, load_model

__all__ = ["text"]


class _Texts(ContentModel):
    bron: str
    teksten: dict[str, str] = Field(min_length=1)


@cache
def _texts() -> dict[str, str]:
    return load_model(_Texts, content_path("data", "ui_teksten.yaml")).teksten


def text(key: str, **values: object) -> str:
    """Return a fixed text, with ``{placeholders}`` filled in.

    Raises:
        KeyError: When the key is not in the texts file (a defect, caught by the tests).
    """
    return _texts()[key].format(**values) if values else _texts()[key]
