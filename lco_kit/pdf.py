"""One PDF writer for every handout and report: Dutch, A4, the kit's look.

It uses fpdf2 with the DejaVu fonts that matplotlib ships (so every Dutch character and
typographic dash prints, with nothing extra to install). Text is always text: nothing a
user typed is interpreted as markup.

Examples:
    >>> doc = PdfDocument("Casus: Een nieuwe start")
    >>> doc.heading("Wat goed gaat")
    >>> doc.paragraph("Mira zorgt elke dag voor haar twee kinderen.")
    >>> doc.to_bytes()[:5]
    b'%PDF-'
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from lco_kit.charts import Chart
from lco_kit.dutch import dutch_date

__all__ = ["PdfDocument"]

_FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
_BLUE = (31, 78, 121)
_TEXT = (29, 29, 27)
_GREY = (90, 90, 90)


# The label column of ``key_values``; a label wider than this wraps inside it.
_LABEL_WIDTH = 45.0
_GAP = 3.0


class _Pdf(FPDF):
    def __init__(self, title: str, paper: str, landscape: bool) -> None:
        super().__init__(orientation="landscape" if landscape else "portrait", unit="mm", format=paper)
        self.kit_title = title

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("DejaVu", size=8)
        self.set_text_color(*_GREY)
        number = f"pagina {self.page_no()} van {{nb}}"
        # The title gives way to the page number: a long title is shortened, never printed over it.
        room = self.epw - self.get_string_width(number.replace("{nb}", "999")) - 6
        self.cell(room, 8, _fit(self, f"lco-kit · {self.kit_title}", room), align="L")
        self.set_x(self.l_margin)
        self.cell(0, 8, number, align="R")


def _line_count(pdf: FPDF, width: float, text: str, height: float = 6) -> int:
    """Return how many lines a text takes in a column of ``width`` in the current font."""
    lines = pdf.multi_cell(width, height, text, align="L", dry_run=True, output="LINES")
    assert isinstance(lines, list)
    return len(lines)


def _fit(pdf: FPDF, text: str, width: float) -> str:
    """Return the text, cut with an ellipsis where it would be wider than ``width``."""
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


class PdfDocument:
    """An A4 document in the kit's look, built from headings, paragraphs, lists, tables and charts.

    Args:
        title: The document's title (on the first page, in the footer and the metadata).
        subtitle: A line under the title.
        made_on: The date printed under the title (default: today).
        paper: ``"A4"`` (default) or ``"A3"`` (the placemat).
        landscape: Turn the page a quarter.
    """

    def __init__(
        self,
        title: str,
        subtitle: str | None = None,
        made_on: date | None = None,
        *,
        paper: str = "A4",
        landscape: bool = False,
    ) -> None:
        self._pdf = _Pdf(title, paper, landscape)
        pdf = self._pdf
        pdf.add_font("DejaVu", "", str(_FONT_DIR / "DejaVuSans.ttf"))
        pdf.add_font("DejaVu", "B", str(_FONT_DIR / "DejaVuSans-Bold.ttf"))
        pdf.add_font("DejaVu", "I", str(_FONT_DIR / "DejaVuSans-Oblique.ttf"))
        pdf.set_margins(18, 18, 18)
        pdf.set_auto_page_break(auto=True, margin=20)
        pdf.set_title(title)
        pdf.set_author("lco-kit")
        pdf.set_lang("nl-BE")
        day = made_on or date.today()
        # The creation date is the document's date, not the clock: same content, same bytes.
        pdf.set_creation_date(datetime(day.year, day.month, day.day, tzinfo=UTC))
        pdf.alias_nb_pages()
        pdf.add_page()
        pdf.set_font("DejaVu", "B", 20)
        pdf.set_text_color(*_BLUE)
        pdf.multi_cell(0, 9, title, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("DejaVu", "", 11)
        pdf.set_text_color(*_GREY)
        line = dutch_date(day)
        if subtitle:
            line = f"{subtitle} · {line}"
        pdf.multi_cell(0, 6, line, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(4)
        self._body()

    def _body(self) -> None:
        self._pdf.set_font("DejaVu", "", 11)
        self._pdf.set_text_color(*_TEXT)

    def heading(self, text: str, level: int = 1) -> None:
        """Add a heading (level 1 or 2)."""
        pdf = self._pdf
        if pdf.get_y() > pdf.h - 45:
            pdf.add_page()
        pdf.ln(3)
        pdf.set_font("DejaVu", "B", 15 if level == 1 else 12.5)
        pdf.set_text_color(*_BLUE)
        pdf.multi_cell(0, 7.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1)
        self._body()

    def paragraph(self, text: str, *, italic: bool = False, size: float = 11) -> None:
        """Add a paragraph of plain text (``size`` in points; lines spaced to match)."""
        self._pdf.set_font("DejaVu", "I" if italic else "", size)
        self._pdf.multi_cell(0, size * 0.55, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self._pdf.ln(2)
        self._body()

    def bullets(self, items: Sequence[str], *, mark: str = "•", size: float = 11) -> None:
        """Add a list, each item after a mark (``•``, ``☐`` for a box to tick, ``1.``…)."""
        pdf = self._pdf
        line = size * 0.55
        pdf.set_font("DejaVu", "", size)
        indent = max(6.0, pdf.get_string_width(mark) + 2.5)
        for item in items:
            pdf.set_x(pdf.l_margin)
            pdf.cell(indent, line, mark)
            pdf.multi_cell(0, line, item, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)
        self._body()

    def numbered(self, items: Sequence[str], *, size: float = 11) -> None:
        """Add a numbered list (``1.``, ``2.``…), the number in its own column."""
        pdf = self._pdf
        line = size * 0.55
        pdf.set_font("DejaVu", "B", size)
        indent = pdf.get_string_width(f"{len(items)}.") + 3
        for number, item in enumerate(items, start=1):
            if pdf.get_y() + 2 * line > pdf.page_break_trigger:
                pdf.add_page()
            pdf.set_x(pdf.l_margin)
            pdf.set_font("DejaVu", "B", size)
            pdf.cell(indent, line, f"{number}.")
            pdf.set_font("DejaVu", "", size)
            pdf.multi_cell(0, line, item, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(line * 0.35)
        pdf.ln(2)
        self._body()

    def pictograms(self, items: Sequence[tuple[str, str]], *, size: float = 14) -> None:
        """Add easy-read lines: a large pictogram (a symbol of the font) beside each short line."""
        pdf = self._pdf
        column = size * 0.9
        for symbol, text in items:
            pdf.set_font("DejaVu", "", size)
            lines = _line_count(pdf, pdf.epw - column, text, size * 0.6)
            height = max(size * 0.75, lines * size * 0.6)
            if pdf.get_y() + height > pdf.page_break_trigger:
                pdf.add_page()
            top = pdf.get_y()
            pdf.set_text_color(*_BLUE)
            pdf.set_font("DejaVu", "", size * 1.5)
            pdf.set_xy(pdf.l_margin, top)
            pdf.cell(column, size * 0.75, symbol)
            pdf.set_text_color(*_TEXT)
            pdf.set_font("DejaVu", "", size)
            pdf.set_xy(pdf.l_margin + column, top + size * 0.08)
            pdf.multi_cell(0, size * 0.6, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_xy(pdf.l_margin, top + height + size * 0.25)
        pdf.ln(2)
        self._body()

    def fill_in(self, labels: Sequence[str], lines: int = 1) -> None:
        """Add labels, each followed by ``lines`` ruled lines to write on by hand."""
        pdf = self._pdf
        for label in labels:
            if pdf.get_y() + 6 + lines * 9 > pdf.page_break_trigger:
                pdf.add_page()
            pdf.set_font("DejaVu", "B", 11)
            pdf.multi_cell(0, 6, label, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_draw_color(*_GREY)
            pdf.set_line_width(0.2)
            for _ in range(lines):
                pdf.ln(8)
                pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + pdf.epw, pdf.get_y())
            pdf.ln(4)
        self._body()

    def key_values(self, pairs: Sequence[tuple[str, str]]) -> None:
        """Add label–value lines (``Leeftijd: 34``), the label in bold in a column of its own.

        A label wider than its column wraps inside it; the value starts on the label's first
        line. A pair too long for one page prints as a label line with the value under it.
        """
        pdf = self._pdf
        value_width = pdf.epw - _LABEL_WIDTH - _GAP
        for key, value in pairs:
            pdf.set_font("DejaVu", "B", 11)
            label_lines = _line_count(pdf, _LABEL_WIDTH, key)
            pdf.set_font("DejaVu", "", 11)
            value_lines = _line_count(pdf, value_width, value)
            height = 6 * max(label_lines, value_lines)
            if height > pdf.h - pdf.t_margin - pdf.b_margin - 10:
                self._stacked(key, value)
                continue
            if pdf.get_y() + height > pdf.page_break_trigger:
                pdf.add_page()
            top = pdf.get_y()
            pdf.set_font("DejaVu", "B", 11)
            pdf.set_xy(pdf.l_margin, top)
            pdf.multi_cell(_LABEL_WIDTH, 6, key, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_font("DejaVu", "", 11)
            pdf.set_xy(pdf.l_margin + _LABEL_WIDTH + _GAP, top)
            pdf.multi_cell(value_width, 6, value, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_xy(pdf.l_margin, top + height)
        pdf.ln(2)
        self._body()

    def _stacked(self, key: str, value: str) -> None:
        pdf = self._pdf
        pdf.set_font("DejaVu", "B", 11)
        pdf.multi_cell(0, 6, key, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("DejaVu", "", 11)
        pdf.multi_cell(0, 6, value, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def table(
        self, headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float] | None = None
    ) -> None:
        """Add a table with a header row; long cells wrap."""
        pdf = self._pdf
        pdf.set_font("DejaVu", "", 10)
        with pdf.table(
            col_widths=tuple(widths) if widths else None,
            headings_style=FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=_BLUE),
            line_height=5.5,
            text_align="LEFT",
            first_row_as_headings=True,
        ) as table:
            header = table.row()
            for cell in headers:
                header.cell(cell)
            for row in rows:
                out = table.row()
                for cell in row:
                    out.cell(str(cell))
        pdf.ln(3)
        self._body()

    def chart(self, chart: Chart, width: float = 160) -> None:
        """Add a chart as an image, with its alt text as a caption and as the image's alt text."""
        pdf = self._pdf
        png = chart.png(dpi=150)
        image = io.BytesIO(png)
        w_px, h_px = chart.figure.get_size_inches()
        height = width * h_px / w_px
        if pdf.get_y() + height > pdf.h - 25:
            pdf.add_page()
        pdf.image(image, x=pdf.l_margin, w=width, alt_text=chart.alt)
        pdf.set_font("DejaVu", "I", 8.5)
        pdf.set_text_color(*_GREY)
        pdf.multi_cell(0, 4.5, chart.alt, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(3)
        self._body()

    def page_break(self) -> None:
        """Start a new page."""
        self._pdf.add_page()

    def to_bytes(self) -> bytes:
        """Return the finished PDF."""
        return bytes(self._pdf.output())
