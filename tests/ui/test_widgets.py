"""The widget helpers every page uses: messages, the callback guard, charts, downloads, uploads."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

from lco_kit import config
from lco_kit.charts import bar_chart
from lco_kit.errors import LcoError
from lco_kit.ui.widgets import (
    DownloadLink,
    FileInput,
    MessageArea,
    UploadedFile,
    chart_image,
    guarded,
)


def test_messages_are_escaped_never_html() -> None:
    """Is markup in a message shown as text, not rendered?"""
    area = MessageArea()
    area.show('<img src=x onerror="alert(1)"> <b>vet</b>', "fout")
    assert "<img" not in area.value and "<b>" not in area.value
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in area.value
    assert area.text == '<img src=x onerror="alert(1)"> <b>vet</b>'
    assert 'role="alert"' in area.value


def test_guard_shows_the_dutch_message_of_a_kit_error() -> None:
    """Does a kit error in a callback show its own Dutch message on the page?"""
    area = MessageArea()

    @guarded(area)
    def callback() -> None:
        raise LcoError("Deze casus heeft geen toestemming van de cliënt.")

    assert callback() is None
    assert area.text == "Deze casus heeft geen toestemming van de cliënt."


def test_guard_turns_a_crash_into_a_dutch_message_and_logs_it() -> None:
    """Does an unexpected exception become a Dutch message with a reference that is in the log?"""
    area = MessageArea()

    @guarded(area, "het maken van de grafiek")
    def callback(value: int) -> float:
        return 1 / value

    assert callback(2) == 0.5
    callback(0)
    assert area.text.startswith("Er ging iets mis bij het maken van de grafiek.")
    assert "ZeroDivisionError" not in area.value and "Traceback" not in area.value
    reference = re.search(r"kenmerk aan de begeleider: ([0-9A-F]{6})", area.text)
    assert reference is not None
    log = Path(config.log_file()).read_text(encoding="utf-8")
    assert reference.group(1) in log and "ZeroDivisionError" in log


def test_chart_image_carries_png_and_alt_text() -> None:
    """Is a chart shown as a PNG image widget with its alt text?"""
    chart = bar_chart(["Financiën"], [3], "Profiel")
    image = chart_image(chart)
    assert image.format == "png" and bytes(image.value).startswith(b"\x89PNG")
    assert image.tooltip == chart.alt
    assert "lco-grafiek" in image._dom_classes


def test_download_link_offers_the_bytes() -> None:
    """Does the download link carry the file name and exactly the bytes?"""
    link = DownloadLink("het verslag", "verslag.pdf", "application/pdf")
    assert "nog niets" in link.value
    link.set_data(b"%PDF-1.7 inhoud")
    assert 'download="verslag.pdf"' in link.value
    encoded = re.search(r"base64,([^\"]+)", link.value)
    assert encoded is not None and base64.b64decode(encoded.group(1)) == b"%PDF-1.7 inhoud"
    assert "Download het verslag" in link.value


def test_download_link_escapes_a_typed_file_name() -> None:
    """Is a file name with markup escaped in the link?"""
    link = DownloadLink("x", 'a"><script>.pdf', "application/pdf", b"x")
    assert "<script>" not in link.value


def test_upload_passes_a_good_file_on() -> None:
    """Is an accepted file passed on, with a Dutch confirmation?"""
    received: list[UploadedFile] = []
    box = FileInput(received.append, accept=(".yaml", ".yml"), max_bytes=1000)
    box.receive("casus.YAML", b"titel: x")
    assert received == [UploadedFile("casus.YAML", b"titel: x")]
    assert "‘casus.YAML’ is ontvangen" in box.messages.text


@pytest.mark.parametrize(
    ("name", "size", "expected"),
    [("casus.docx", 10, "geen bestand van de juiste soort"), ("casus.yaml", 2_000_000, "is te groot (2,0 MB)")],
)
def test_upload_refuses_wrong_type_and_size(name: str, size: int, expected: str) -> None:
    """Are a wrong type and a too large file refused in Dutch, passing nothing on?"""
    received: list[UploadedFile] = []
    box = FileInput(received.append, accept=(".yaml",), max_bytes=1_000_000)
    box._changed({"new": ({"name": name, "content": memoryview(b"x" * size)},)})
    assert received == []
    assert expected in box.messages.text
    assert box.upload.value == ()


def test_upload_shows_the_error_of_the_receiver() -> None:
    """Does an error raised while reading the file show up in the upload's messages?"""

    def refuse(_: UploadedFile) -> None:
        raise LcoError("Dit is geen casusbestand.")

    box = FileInput(refuse, accept=(".yaml",), max_bytes=100)
    box._changed({"new": ({"name": "x.yaml", "content": memoryview(b"x")},)})
    assert box.messages.text == "Dit is geen casusbestand."


def test_every_fixed_text_is_used_somewhere() -> None:
    """Is every key of the texts file used by the package (no stale texts)?"""
    package = Path(__file__).resolve().parents[2] / "lco_kit"
    source = "\n".join(p.read_text(encoding="utf-8") for p in package.rglob("*.py"))
    from lco_kit.ui.texts import text

    unused = [key for key in text.all if f'"{key}"' not in source and f"'{key}'" not in source]
    assert unused == []
    assert text("start_duur", minuten=5) == "ongeveer 5 minuten"


def test_uploaded_file_text_refuses_a_wrong_encoding_in_dutch() -> None:
    """Does an uploaded file in Windows-1252 get a Dutch message, unless the caller accepts it?"""
    from lco_kit.errors import ContentError

    upload = UploadedFile("casus.yaml", "titel: Financiën\n".encode("cp1252"))
    with pytest.raises(ContentError, match="niet als UTF-8 opgeslagen"):
        upload.text()
    assert upload.text(allow_windows_1252=True) == "titel: Financiën\n"
    assert UploadedFile("x.csv", "a;b\n".encode("utf-16")).text() == "a;b\n"


def test_a_section_has_an_escaped_heading_and_its_widgets() -> None:
    """Does a section show its title and explanation as text, then its widgets, with the kit's classes?"""
    from lco_kit.ui.widgets import button, button_row, section

    row = button_row(button("Ja"), button("Nee"))
    box = section("Wie <doet> wat", "Kies één.", [row], "lco-test-sectie")
    head = box.children[0]
    assert head.value == "<h2>Wie &lt;doet&gt; wat</h2><p>Kies één.</p>" and "lco-sectie-kop" in head._dom_classes
    assert box.children[1] is row and {"lco-sectie", "lco-test-sectie"} <= set(box._dom_classes)
    assert "lco-knoppen" in row._dom_classes and row.layout.flex_flow == "row wrap"
