"""The role-play's fixed Dutch texts, read from ``lco_kit/data/rollenspel/teksten.yaml``.

Card headings, the fallbacks used when a casus lacks something, the messages of the checks,
the texts of the practice and facilitator pages and of the command line: one file, so that
a facilitator can read and adapt them.
"""

from __future__ import annotations

from functools import cache

from pydantic import Field

from lco_kit.content import ContentModel, content_path, load_model

__all__ = ["rollenspel_text"]


class _Texts(ContentModel):
    bron: str = Field(min_length=20)
    teksten: dict[str, str] = Field(min_length=1)


@cache
def _texts() -> dict[str, str]:
    return load_model(_Texts, content_path("data", "rollenspel/teksten.yaml")).teksten


def rollenspel_text(key: str, **values: object) -> str:
    """Return a fixed text of the role-play, with ``{placeholders}`` filled in.

    Raises:
        KeyError: When the key is not in the texts file (a defect, caught by the tests).
    """
    found = _texts()[key]
    return found.format(**values) if values else found
