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


class _Pdf(FPDF):
    def __init__(self, title: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.kit_title = title

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("DejaVu", size=8)
        self.set_text_color(*_GREY)
        self.cell(0, 8, f"lco-kit · {self.kit_title}", align="L")
        self.set_x(self.l_margin)
        self.cell(0, 8, f"pagina {self.page_no()} van {{nb}}", align="R")


class PdfDocument:
    """An A4 document in the kit's look, built from headings, paragraphs, lists, tables and charts.

    Args:
        title: The document's title (on the first page, in the footer and the metadata).
        subtitle: A line under the title.
        made_on: The date printed under the title (default: today).
    """

    def __init__(self, title: str, subtitle: str | None = None, made_on: date | None = None) -> None:
        self._pdf = _Pdf(title)
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
        pdf.multi_cell(0, 9, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("DejaVu", "", 11)
        pdf.set_text_color(*_GREY)
        line = dutch_date(day)
        if subtitle:
            line = f"{subtitle} · {line}"
        pdf.multi_cell(0, 6, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
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
        pdf.multi_cell(0, 7.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1)
        self._body()

    def paragraph(self, text: str, *, italic: bool = False) -> None:
        """Add a paragraph of plain text."""
        self._pdf.set_font("DejaVu", "I" if italic else "", 11)
        self._pdf.multi_cell(0, 6, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self._pdf.ln(2)
        self._body()

    def bullets(self, items: Sequence[str]) -> None:
        """Add a bulleted list."""
        pdf = self._pdf
        for item in items:
            pdf.set_x(pdf.l_margin)
            pdf.cell(6, 6, "•")
            pdf.multi_cell(0, 6, item, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)

    def key_values(self, pairs: Sequence[tuple[str, str]]) -> None:
        """Add label–value lines (``Leeftijd: 34``), the label in bold."""
        pdf = self._pdf
        for key, value in pairs:
            pdf.set_font("DejaVu", "B", 11)
            pdf.cell(45, 6, key)
            pdf.set_font("DejaVu", "", 11)
            pdf.multi_cell(0, 6, value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)

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
