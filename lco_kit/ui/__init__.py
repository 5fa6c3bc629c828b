"""Widgets for the kit's pages. Only this package imports ipywidgets."""

from lco_kit.ui.start import join_panel, page_list, start_page
from lco_kit.ui.texts import text
from lco_kit.ui.widgets import (
    AltImage,
    DownloadLink,
    FileInput,
    MessageArea,
    PageAddress,
    UploadedFile,
    button,
    button_row,
    chart_image,
    escape,
    guarded,
    html_block,
    human_size,
    image,
    qr_image,
    section,
)

__all__ = [
    "AltImage",
    "DownloadLink",
    "FileInput",
    "MessageArea",
    "PageAddress",
    "UploadedFile",
    "button",
    "button_row",
    "chart_image",
    "escape",
    "guarded",
    "html_block",
    "human_size",
    "image",
    "join_panel",
    "page_list",
    "qr_image",
    "section",
    "start_page",
    "text",
]
