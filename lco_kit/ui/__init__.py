"""Widgets for the kit's pages. Only this package imports ipywidgets."""

from lco_kit.ui.start import page_list
from lco_kit.ui.texts import text
from lco_kit.ui.widgets import (
    DownloadLink,
    FileInput,
    MessageArea,
    UploadedFile,
    button,
    chart_image,
    escape,
    guarded,
    human_size,
)

__all__ = [
    "DownloadLink",
    "FileInput",
    "MessageArea",
    "UploadedFile",
    "button",
    "chart_image",
    "escape",
    "guarded",
    "human_size",
    "page_list",
    "text",
]
