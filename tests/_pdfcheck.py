"""Checks on a PDF the kit made, as a printer and a reader would meet it.

``overlaps`` places every word on its page from pypdf's text runs (their matrix gives the
start and the size) and the width of each character in the DejaVu font the kit prints
with, and returns every pair of words whose boxes cross. A label printed over a value, a
line printed over the next one, a table cell spilling into its neighbour: each is a pair.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import matplotlib
from fontTools.ttLib import TTFont
from pypdf import PdfReader

__all__ = ["Word", "check_document", "overlaps", "page_words"]

_FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
# Box of a word around its baseline, in units of the font size: DejaVu's capitals and
# descenders stay inside it, and a line spaced at 1.2 x the size never touches the next.
_ABOVE = 0.78
_BELOW = 0.2
# Less than a hair is not an overlap: a box touching its neighbour is fine.
_TOLERANCE = 0.6
MM = 72 / 25.4


@dataclass(frozen=True)
class Word:
    """A word on a page, with its box in points (x0 < x1, y0 < y1)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    run: int

    def crosses(self, other: Word) -> bool:
        """Return whether this word's box and the other's overlap by more than the tolerance."""
        return (
            min(self.x1, other.x1) - max(self.x0, other.x0) > _TOLERANCE
            and min(self.y1, other.y1) - max(self.y0, other.y0) > _TOLERANCE
        )


@cache
def _widths(font_file: str) -> tuple[dict[int, int], int]:
    font = TTFont(str(_FONT_DIR / font_file))
    cmap = font.getBestCmap()
    hmtx = font["hmtx"].metrics
    units = font["head"].unitsPerEm
    return {code: hmtx[glyph][0] for code, glyph in cmap.items()}, units


def _font_file(base_font: str) -> str:
    name = base_font.rsplit("+", maxsplit=1)[-1]
    if "Bold" in name:
        return "DejaVuSans-Bold.ttf"
    if "Oblique" in name:
        return "DejaVuSans-Oblique.ttf"
    return "DejaVuSans.ttf"


def text_width(text: str, base_font: str, size: float) -> float:
    """Return the width in points of a text in one of the kit's fonts."""
    widths, units = _widths(_font_file(base_font))
    fallback = widths.get(ord("M"), units)
    return sum(widths.get(ord(ch), fallback) for ch in text) * size / units


def page_words(page: object) -> list[Word]:
    """Return every word on a page with its box."""
    words: list[Word] = []
    run = 0

    def visit(text: str, cm: list[float], tm: list[float], font: dict | None, size: float) -> None:
        nonlocal run
        if not text.strip() or font is None:
            return
        run += 1
        scale_x = tm[0] * cm[0]
        scale_y = tm[3] * cm[3]
        x = tm[4] * cm[0] + cm[4]
        y = tm[5] * cm[3] + cm[5]
        base = str(font.get("/BaseFont", ""))
        height = size * scale_y
        for line_number, raw in enumerate(text.split("\n")):
            # pypdf prefixes a space when it guesses a gap; the run itself starts at x.
            line = " ".join(raw.split())
            cursor = x
            base_y = y - line_number * height * 1.2
            for part in line.split(" "):
                width = text_width(part, base, size) * scale_x
                words.append(
                    Word(part, cursor, base_y - _BELOW * height, cursor + width, base_y + _ABOVE * height, run)
                )
                cursor += width + text_width(" ", base, size) * scale_x

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return [w for w in words if w.text]


def overlaps(data: bytes) -> list[str]:
    """Return a line per pair of words that overlap, naming the page and both words."""
    found: list[str] = []
    reader = PdfReader(io.BytesIO(data))
    for number, page in enumerate(reader.pages, start=1):
        words = page_words(page)
        ordered = sorted(words, key=lambda w: w.y0)
        for i, word in enumerate(ordered):
            for other in ordered[i + 1 :]:
                if other.y0 - word.y1 > _TOLERANCE:
                    break
                if other.run != word.run and word.crosses(other):
                    found.append(f"pagina {number}: ‘{word.text}’ over ‘{other.text}’")
        width = float(page.mediabox.width)
        found += [f"pagina {number}: ‘{w.text}’ buiten de pagina" for w in words if w.x1 > width - 5 * MM or w.x0 < 0]
    return found


def check_document(data: bytes, *, a3: bool = False) -> PdfReader:
    """Assert the kit's promises for one PDF and return it opened.

    A4 (or A3) on every page, a title, Dutch as its language, extractable text with Dutch
    words in it, and no two words printed over each other.
    """
    reader = PdfReader(io.BytesIO(data))
    size = (842, 1191) if a3 else (595, 842)
    for page in reader.pages:
        box = sorted((round(float(page.mediabox.width)), round(float(page.mediabox.height))))
        assert tuple(box) == size, f"paginaformaat {box}"
    assert reader.metadata is not None and reader.metadata.title, "geen titel"
    lang = reader.trailer["/Root"].get("/Lang")
    assert lang is not None and str(lang).startswith("nl"), f"taal {lang}"
    text = " ".join(page.extract_text() for page in reader.pages)
    assert len(text.split()) > 20, "te weinig tekst"
    assert any(word in text.split() for word in ("de", "het", "een", "en")), "geen Nederlandse tekst"
    problems = overlaps(data)
    assert not problems, "\n".join(problems[:20])
    return reader
