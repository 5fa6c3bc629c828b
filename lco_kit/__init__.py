"""lco-kit: a training and reflection kit for the lokaal cliëntoverleg (LCO).

The public API is named here; pages (notebooks) use only these names. Names are imported
when first used (PEP 562), so a page pays only for what it uses: the first paint of a
page in a training room depends on it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "Chart": "lco_kit.charts",
    "bar_chart": "lco_kit.charts",
    "line_chart": "lco_kit.charts",
    "radar_chart": "lco_kit.charts",
    "code_list": "lco_kit.codes",
    "gemeenten_in": "lco_kit.codes",
    "lookup": "lco_kit.codes",
    "lookup_gemeente": "lco_kit.codes",
    "ContentModel": "lco_kit.content",
    "ContentPart": "lco_kit.content",
    "content_files": "lco_kit.content",
    "content_path": "lco_kit.content",
    "load_model": "lco_kit.content",
    "ContentError": "lco_kit.errors",
    "LcoError": "lco_kit.errors",
    "Problem": "lco_kit.errors",
    "to_belgian_csv": "lco_kit.export",
    "to_xlsx": "lco_kit.export",
    "PageInfo": "lco_kit.pages",
    "list_pages": "lco_kit.pages",
    "PdfDocument": "lco_kit.pdf",
}

__all__ = [
    "Chart",
    "ContentError",
    "ContentModel",
    "ContentPart",
    "LcoError",
    "PageInfo",
    "PdfDocument",
    "Problem",
    "__version__",
    "bar_chart",
    "code_list",
    "content_files",
    "content_path",
    "gemeenten_in",
    "line_chart",
    "list_pages",
    "load_model",
    "lookup",
    "lookup_gemeente",
    "radar_chart",
    "to_belgian_csv",
    "to_xlsx",
]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'lco_kit' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:
    from lco_kit.charts import Chart, bar_chart, line_chart, radar_chart
    from lco_kit.codes import code_list, gemeenten_in, lookup, lookup_gemeente
    from lco_kit.content import ContentModel, ContentPart, content_files, content_path, load_model
    from lco_kit.errors import ContentError, LcoError, Problem
    from lco_kit.export import to_belgian_csv, to_xlsx
    from lco_kit.pages import PageInfo, list_pages
    from lco_kit.pdf import PdfDocument
