"""Widget building blocks every page uses.

- :class:`MessageArea` shows Dutch messages; text is always escaped, never HTML.
- :func:`guarded` turns any exception in a callback into a Dutch message on the page
  (Voilà shows callback errors nowhere) and logs it.
- :func:`chart_image` is the only way a page shows a chart: PNG bytes in a
  ``widgets.Image`` with alt text (a figure drawn into an ``Output`` widget can hang
  Voilà; see ``shared/design/VOILA.md``).
- :class:`DownloadLink` offers bytes as a file to download.
- :class:`FileInput` receives an uploaded file, checking its size and type in Dutch.
"""

from __future__ import annotations

import base64
import functools
import html
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, ParamSpec, TypeVar

import ipywidgets as widgets
from traitlets import Unicode

from lco_kit.config import log_unexpected
from lco_kit.content import decode_text, format_size
from lco_kit.errors import LcoError
from lco_kit.ui.texts import text

if TYPE_CHECKING:
    from lco_kit.charts import Chart

__all__ = [
    "AltImage",
    "DownloadLink",
    "FileInput",
    "MessageArea",
    "UploadedFile",
    "button",
    "button_row",
    "chart_image",
    "escape",
    "guarded",
    "html_block",
    "human_size",
    "image",
    "qr_image",
    "section",
]

P = ParamSpec("P")
R = TypeVar("R")
Level = Literal["info", "ok", "let-op", "fout"]


def escape(value: object) -> str:
    """Return any value as HTML-safe text (what a user typed is never markup)."""
    return html.escape(str(value), quote=True)


human_size = format_size
"""Return a byte count as a Dutch size (``1,5 MB``); the same as :func:`lco_kit.content.format_size`."""


class MessageArea(widgets.HTML):
    """A place on the page for Dutch messages; every text shown is escaped."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.add_class("lco-meldingen")

    def show(self, message: str, level: Level = "info") -> None:
        """Show one message (replacing what was shown)."""
        role = "alert" if level == "fout" else "status"
        self.value = f'<div class="lco-melding lco-melding-{level}" role="{role}"><pre>{escape(message)}</pre></div>'

    def clear(self) -> None:
        """Remove every message."""
        self.value = ""

    @property
    def text(self) -> str:
        """Return what is shown, as plain text (for tests)."""
        return html.unescape(self.value.split("<pre>", 1)[-1].split("</pre>", 1)[0]) if self.value else ""


def guarded(messages: MessageArea, what: str = "deze stap") -> Callable[[Callable[P, R]], Callable[P, R | None]]:
    """Wrap a callback so that no exception escapes it unseen.

    A :class:`~lco_kit.errors.LcoError` shows its own Dutch message; anything else is
    logged with a short reference, and the user sees a Dutch message with that reference.

    Args:
        messages: Where to show the message.
        what: What the callback does, for the message (``het inlezen van het bestand``).
    """

    def decorate(callback: Callable[P, R]) -> Callable[P, R | None]:
        @functools.wraps(callback)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R | None:
            try:
                return callback(*args, **kwargs)
            except LcoError as error:
                messages.show(str(error), "fout")
            except Exception:  # every other error is a defect: log it, say it in Dutch
                reference = log_unexpected(f"callback {callback.__qualname__}")
                messages.show(text("fout_onverwacht", wat=what, kenmerk=reference), "fout")
            return None

        return wrapper

    return decorate


class AltImage(widgets.Image):
    """An image widget with a text alternative that the browser shows without breaking.

    The widget front end reads ``description`` whenever a widget has a ``tooltip``, and
    ``widgets.Image`` has no description: an Image with a tooltip fails to draw ("Could not
    create a view"). Syncing an empty description fixes that; the tooltip then becomes the
    ``<img>``'s ``title``, which screen readers and axe-core accept as its accessible name.
    """

    description = Unicode("").tag(sync=True)

    def show(self, png: bytes, alt: str) -> None:
        """Replace the picture and its text alternative."""
        self.value = png
        self.tooltip = alt


def image(png: bytes, alt: str, css: str) -> AltImage:
    """Return PNG bytes as an image widget with its text alternative and a CSS class."""
    widget = AltImage(value=png, format="png", tooltip=alt)
    widget.add_class(css)
    return widget


def chart_image(chart: Chart, **layout: str) -> AltImage:
    """Return a chart as an image widget with its alt text: the only way pages show charts.

    The text goes to the widget's tooltip; the kit's template writes it into the ``<img>``'s
    ``alt`` as well (ipywidgets itself only sets ``title``). Update a shown chart with
    ``widget.show(chart.png(), chart.alt)``.
    """
    widget = image(chart.png(), chart.alt, "lco-grafiek")
    for key, value in layout.items():
        setattr(widget.layout, key, value)
    return widget


ButtonKind = Literal["primary", "success", "danger", "warning", "info", ""]


def qr_image(url: str, alt: str, scale: int = 8) -> widgets.Image:
    """Return a QR code of an address as an image widget with alt text (for phones to scan)."""
    import segno  # noqa: PLC0415  (only pages that show a QR code need it)

    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale, border=3)
    return image(buffer.getvalue(), alt, "lco-qr")


def button(label: str, kind: ButtonKind = "", css: str = "") -> widgets.Button:
    """Return a large button with a Dutch label and the kit's classes."""
    widget = widgets.Button(description=label, button_style=kind, tooltip=label)
    widget.layout.width = "auto"
    widget.add_class("lco-knop")
    if css:
        widget.add_class(css)
    return widget


def html_block(content: str, css: str) -> widgets.HTML:
    """Return trusted kit HTML (escape anything a user typed first) as a full-width block with a class."""
    widget = widgets.HTML(content)
    widget.add_class("lco-blok")  # full width without the widget's side margins (the template)
    widget.add_class(css)
    widget.layout.width = "100%"
    return widget


def section(title: str, intro: str, children: Sequence[widgets.Widget], css: str) -> widgets.VBox:
    """Return a page section: a heading and a line of explanation above its widgets (class ``lco-sectie``)."""
    head = html_block(f"<h2>{escape(title)}</h2><p>{escape(intro)}</p>", "lco-sectie-kop")
    box = widgets.VBox([head, *children], layout=widgets.Layout(width="100%"))
    box.add_class("lco-sectie")
    box.add_class(css)
    return box


def button_row(*items: widgets.Widget) -> widgets.HBox:
    """Return buttons side by side that wrap onto a new line on a phone (class ``lco-knoppen``)."""
    box = widgets.HBox(list(items))
    box.add_class("lco-knoppen")
    box.layout.flex_flow = "row wrap"
    return box


class DownloadLink(widgets.HTML):
    """A link that downloads bytes as a file, styled as a button.

    Examples:
        >>> link = DownloadLink("het verslag", "verslag.pdf", "application/pdf")
        >>> link.set_data(b"%PDF-1.7 ...")
    """

    def __init__(self, what: str, filename: str, mime: str, data: bytes | None = None) -> None:
        super().__init__()
        self.add_class("lco-download-vak")
        self.what = what
        self.filename = filename
        self.mime = mime
        self.data: bytes | None = None
        self.set_data(data)

    def set_data(self, data: bytes | None, filename: str | None = None) -> None:
        """Offer new bytes (None shows that there is nothing to download yet)."""
        self.data = data
        if filename:
            self.filename = filename
        if data is None:
            self.value = f'<p class="lco-download-leeg">{escape(text("download_leeg"))}</p>'
            return
        encoded = base64.b64encode(data).decode("ascii")
        label = text("download_label", wat=self.what)
        self.value = (
            f'<a class="lco-download" download="{escape(self.filename)}" '
            f'href="data:{escape(self.mime)};base64,{encoded}">{escape(label)}</a>'
        )


@dataclass(frozen=True)
class UploadedFile:
    """A file a user uploaded: its name as they named it, and its bytes."""

    name: str
    data: bytes

    @property
    def size(self) -> int:
        """Return the size in bytes."""
        return len(self.data)

    def text(self, *, allow_windows_1252: bool = False) -> str:
        """Return the file as text, or raise a Dutch ContentError when it is not readable text.

        Args:
            allow_windows_1252: Accept Windows-1252 (spreadsheet exports) besides UTF-8/UTF-16.
        """
        return decode_text(self.data, self.name, allow_windows_1252=allow_windows_1252)


class FileInput(widgets.VBox):
    """An upload control that checks size and type and reports in Dutch.

    Args:
        on_file: Called with each accepted :class:`UploadedFile`; its errors are shown
            in the message area (see :func:`guarded`).
        accept: Accepted file endings (``(".yaml", ".yml")``).
        max_bytes: Larger files are refused (the browser also refuses them before sending).
        label: The button's text.
        what: What is done with the file, for messages.
    """

    def __init__(
        self,
        on_file: Callable[[UploadedFile], None],
        accept: tuple[str, ...],
        max_bytes: int,
        label: str | None = None,
        what: str = "het inlezen van het bestand",
    ) -> None:
        self.upload = widgets.FileUpload(
            accept=",".join(accept), multiple=False, description=label or text("upload_kies")
        )
        self.upload.add_class("lco-upload")
        self.upload.add_class(f"lco-max-{max_bytes}")
        self.messages = MessageArea()
        super().__init__([self.upload, self.messages])
        self.add_class("lco-bestand-kiezen")
        self.accept = tuple(a.lower() for a in accept)
        self.max_bytes = max_bytes
        self._on_file = on_file
        self._what = what
        self.upload.observe(self._changed, names="value")

    def _changed(self, change: dict[str, Any]) -> None:
        items = change["new"]
        if not items:
            return
        guarded(self.messages, self._what)(self.receive)(items[0]["name"], bytes(items[0]["content"]))
        self.upload.value = ()

    def receive(self, name: str, data: bytes) -> None:
        """Check a file and pass it on (what the widget does after an upload; tests call it too)."""
        if self.accept and not name.lower().endswith(self.accept):
            raise LcoError(text("upload_verkeerd_type", naam=name, soorten=" of ".join(self.accept)))
        if len(data) > self.max_bytes:
            raise LcoError(
                text("upload_te_groot", naam=name, grootte=human_size(len(data)), maximum=human_size(self.max_bytes))
            )
        self.messages.show(text("upload_ontvangen", naam=name, grootte=human_size(len(data))), "info")
        self._on_file(UploadedFile(name, data))
