"""lco-kit: a training and reflection kit for the lokaal cliëntoverleg (LCO).

The public API is named here; pages (notebooks) use only these names.
"""

from lco_kit.charts import Chart, bar_chart, line_chart, radar_chart
from lco_kit.codes import code_list, gemeenten_in, lookup, lookup_gemeente
from lco_kit.content import ContentModel, content_files, content_path, load_model
from lco_kit.errors import ContentError, LcoError, Problem
from lco_kit.pages import PageInfo, list_pages
from lco_kit.pdf import PdfDocument

__version__ = "0.1.0"

__all__ = [
    "Chart",
    "ContentError",
    "ContentModel",
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
]
