"""The content loader: strict YAML, Dutch errors with file, line and field, and finding files."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Literal

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from pydantic import Field, StrictBool

from lco_kit import content
from lco_kit.content import ContentModel, ContentPart, load_model, load_yaml
from lco_kit.errors import ContentError
from tests._fuzz import FUZZ


class Dienst(ContentPart):
    """A tiny content model for the tests."""

    naam: str
    sector: Literal["OCMW", "CAW"]
    sinds: int = Field(ge=1990)
    betrokken: StrictBool = True
    uur: str | None = None


class Bestand(ContentModel):
    """A file with a list of services."""

    titel: str
    diensten: list[Dienst]


GOOD = """schema_version: 1
titel: Een test
diensten:
  - naam: Sociale dienst
    sector: OCMW
    sinds: 2019
  - naam: Onthaal
    sector: CAW
    sinds: 2021
    uur: 14:30
"""


def problems_of(error: pytest.ExceptionInfo[ContentError]) -> list[tuple[int | None, str | None, str]]:
    """Return (line, field, message) for each problem."""
    return [(p.line, p.field, p.message) for p in error.value.problems]


def test_good_file_loads_and_keeps_times_as_text(write) -> None:
    """Is a valid file read, with 14:30 kept as written rather than read as 870?"""
    data = load_model(Bestand, write("goed.yaml", GOOD))
    assert data.diensten[1].uur == "14:30"
    assert data.diensten[0].sinds == 2019


def test_empty_file_is_refused(write) -> None:
    """Does an empty file get a Dutch message naming the file?"""
    with pytest.raises(ContentError) as error:
        load_model(Bestand, write("leeg.yaml", "\n  \n"))
    assert str(error.value) == "leeg.yaml, het bestand is leeg."


def test_syntax_error_names_the_line(write) -> None:
    """Does a YAML syntax error name its line?"""
    text = "schema_version: 1\ntitel: Een: twee: drie\n"
    with pytest.raises(ContentError) as error:
        load_yaml(write("syntax.yaml", text))
    assert error.value.problems[0].line == 2
    assert "dubbelpunt" in str(error.value)


def test_tab_indentation_is_refused_with_its_line(write) -> None:
    """Is a tab used for indentation refused, naming the line?"""
    text = "schema_version: 1\ndiensten:\n\t- naam: x\n"
    with pytest.raises(ContentError) as error:
        load_yaml(write("tabs.yaml", text))
    assert problems_of(error)[0][0] == 3
    assert "tab" in str(error.value)


def test_duplicate_key_is_refused(write) -> None:
    """Is a key that appears twice refused instead of silently keeping the last one?"""
    text = "schema_version: 1\ntitel: a\ntitel: b\n"
    with pytest.raises(ContentError) as error:
        load_yaml(write("dubbel.yaml", text))
    assert problems_of(error)[0][0] == 3
    assert "twee keer" in str(error.value) and "regel 2" in str(error.value)


def test_list_instead_of_mapping_is_refused(write) -> None:
    """Is a file that is a list, not fields, refused?"""
    with pytest.raises(ContentError) as error:
        load_model(Bestand, write("lijst.yaml", "- a\n- b\n"))
    assert "velden" in str(error.value)


def test_unknown_key_is_refused_with_a_suggestion(write) -> None:
    """Does a misspelt key get refused, with its line and the key it probably meant?"""
    text = GOOD.replace("    sinds: 2021", "    sindss: 2021")
    with pytest.raises(ContentError) as error:
        load_model(Bestand, write("onbekend.yaml", text))
    found = problems_of(error)
    assert (9, "diensten → nr. 2 → sindss", "dit veld kent het formaat niet. Bedoel je ‘sinds’?") in found


def test_wrong_type_names_field_and_line(write) -> None:
    """Does a wrong type name the field, the line and what is expected?"""
    text = GOOD.replace("sinds: 2019", "sinds: vorig jaar")
    with pytest.raises(ContentError) as error:
        load_model(Bestand, write("type.yaml", text))
    line, field, message = problems_of(error)[0]
    assert (line, field) == (6, "diensten → nr. 1 → sinds")
    assert message == "verwacht een geheel getal, gevonden: ‘vorig jaar’."


def test_yes_is_not_turned_into_true(write) -> None:
    """Is ``yes`` kept as text, so a yes/no field refuses it instead of converting it?"""
    text = GOOD.replace("    sinds: 2019", "    sinds: 2019\n    betrokken: yes")
    with pytest.raises(ContentError) as error:
        load_model(Bestand, write("yes.yaml", text))
    assert "verwacht true of false, gevonden: ‘yes’" in str(error.value)
    data, _ = load_yaml(write("yes2.yaml", "a: yes\nb: no\nc: on\nd: 2024-05-01\ne: 0612\n"))
    assert data == {"a": "yes", "b": "no", "c": "on", "d": "2024-05-01", "e": "0612"}


def test_windows_1252_is_refused_with_its_line(write) -> None:
    """Is a file saved in Windows-1252 refused with a Dutch explanation and its line?"""
    text = "schema_version: 1\ntitel: Financiën\n".encode("cp1252")
    with pytest.raises(ContentError) as error:
        load_yaml(write("ansi.yaml", text))
    assert problems_of(error)[0][0] == 2
    assert "UTF-8" in str(error.value)


def test_word_document_is_refused(write) -> None:
    """Is a .docx (a zip file) refused as not being text?"""
    with pytest.raises(ContentError) as error:
        load_yaml(write("casus.docx", b"PK\x03\x04" + b"\x00" * 100))
    assert "geen tekstbestand" in str(error.value)


def test_oversized_file_is_refused_before_reading(write) -> None:
    """Is a file above the limit refused?"""
    with pytest.raises(ContentError) as error:
        load_yaml(write("groot.yaml", "a: " + "x" * 2_000_000))
    assert "te groot" in str(error.value)


def test_alias_bomb_is_refused_quickly(write) -> None:
    """Is a 'billion laughs' file refused within a second, without expanding anything?"""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for index in range(1, 10):
        previous = chr(ord("a") + index - 1)
        name = chr(ord("a") + index)
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    started = time.monotonic()
    with pytest.raises(ContentError) as error:
        load_yaml(write("bom.yaml", "\n".join(lines)))
    assert time.monotonic() - started < 1
    assert "aliassen" in str(error.value)
    assert problems_of(error)[0][0] == 2


def test_python_tags_never_construct_objects(write) -> None:
    """Is a tag that would build a Python object refused?"""
    text = "schema_version: 1\ntitel: !!python/object/apply:os.system ['echo hoi']\n"
    with pytest.raises(ContentError) as error:
        load_yaml(write("tag.yaml", text))
    assert "niet toegestaan" in str(error.value)
    assert problems_of(error)[0][0] == 2


def test_deep_nesting_is_refused(write) -> None:
    """Is absurdly deep nesting refused rather than crashing?"""
    with pytest.raises(ContentError):
        load_yaml(write("diep.yaml", "a: " + "[" * 5000 + "]" * 5000))


def test_missing_schema_version_is_named(write) -> None:
    """Is a file without schema_version told to add it?"""
    with pytest.raises(ContentError) as error:
        load_model(Bestand, write("zonder.yaml", "titel: x\ndiensten: []\n"))
    assert "schema_version" in str(error.value)


def test_unsupported_schema_version_is_named(write) -> None:
    """Is a file from a newer kit version refused with the versions this kit reads?"""
    with pytest.raises(ContentError) as error:
        load_model(Bestand, write("nieuw.yaml", GOOD.replace("schema_version: 1", "schema_version: 7")))
    assert "schema_version 7" in str(error.value) and "(wel: 1)" in str(error.value)


def test_missing_field_names_the_parent_line(write) -> None:
    """Does a missing field point at the group it is missing from?"""
    text = GOOD.replace("    sector: CAW\n", "")
    with pytest.raises(ContentError) as error:
        load_model(Bestand, write("mist.yaml", text))
    assert problems_of(error) == [(7, "diensten → nr. 2 → sector", "dit veld ontbreekt; het is verplicht.")]


def test_uploaded_bytes_load_with_their_name() -> None:
    """Can an upload (bytes) be loaded, with its name in messages?"""
    with pytest.raises(ContentError) as error:
        load_model(Bestand, b"", name="mijn-casus.yaml")
    assert str(error.value).startswith("mijn-casus.yaml,")


def test_own_content_folder_overrides_and_adds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Does a facilitator's own folder replace a kit file with the same name and add new ones?"""
    own = tmp_path / "eigen"
    (own / "data" / "codelijsten").mkdir(parents=True)
    (own / "data" / "codelijsten" / "knelpunten.yaml").write_text("eigen", encoding="utf-8")
    (own / "data" / "extra.yaml").write_text("extra", encoding="utf-8")
    monkeypatch.setenv("LCO_KIT_CONTENT_DIR", str(own))
    assert content.content_path("data", "codelijsten/knelpunten.yaml").read_text() == "eigen"
    names = [p.name for p in content.content_files("data")]
    assert "extra.yaml" in names and names.count("knelpunten.yaml") == 1
    assert content.content_path("data", "codelijsten/sectoren.yaml").is_relative_to(Path(content.__file__).parent)


def test_missing_content_file_is_a_dutch_error() -> None:
    """Is asking for a content file that does not exist a Dutch error?"""
    with pytest.raises(ContentError) as error:
        content.content_path("data", "bestaat-niet.yaml")
    assert "niet gevonden" in str(error.value)


def test_utf16_and_bom_are_decoded() -> None:
    """Are UTF-8 with BOM and UTF-16 read as text?"""
    assert content.decode_text("\ufeffé".encode(), "x") == "é"
    assert content.decode_text("é".encode("utf-16"), "x") == "é"
    assert content.decode_text("é".encode("cp1252"), "x", allow_windows_1252=True) == "é"


def test_unclosed_quote_points_at_where_it_was_opened(write) -> None:
    """Does an unclosed quote get the line where the quote opened, not the end of the file?"""
    text = 'schema_version: 1\ntitel: "Een titel zonder einde\nsamenvatting: x\nandere: y\n'
    with pytest.raises(ContentError) as error:
        load_yaml(write("quote.yaml", text))
    assert problems_of(error)[0][0] == 2
    assert "aanhalingsteken" in str(error.value)


def test_size_in_messages_uses_a_decimal_comma(write) -> None:
    """Is a file size in a message written the Dutch way (1,5 MB)?"""
    with pytest.raises(ContentError) as error:
        load_yaml(write("groot.yaml", "a: " + "x" * 1_500_000))
    assert "(1,5 MB)" in str(error.value) and "1,0 MB" in str(error.value)


def test_choices_are_listed_with_a_dutch_or(write) -> None:
    """Are the allowed values of a choice joined with 'of', not the English 'or'?"""
    with pytest.raises(ContentError) as error:
        load_model(Bestand, write("keuze.yaml", GOOD.replace("sector: CAW", "sector: GGZ")))
    assert "kies uit: 'OCMW' of 'CAW'." in str(error.value)


def test_text_starting_with_a_brace_gets_a_helpful_message(write) -> None:
    """Does a value starting with { get a message about quoting, not about indentation?"""
    with pytest.raises(ContentError) as error:
        load_yaml(write("accolade.yaml", "schema_version: 1\ntitel: {de cliënt} wil rust\n"))
    assert "tussen aanhalingstekens" in str(error.value)
    assert problems_of(error)[0][0] == 2


def test_fixed_texts_fill_placeholders_and_refuse_an_unknown_key() -> None:
    """Does a texts file give its text with placeholders filled, and a KeyError for a key it lacks?"""
    from lco_kit.content import FixedTexts

    text = FixedTexts("ui_teksten.yaml")
    filled = text("fout_onverwacht", wat="het opslaan", kenmerk="A1B2C3")
    assert filled.startswith("Er ging iets mis bij het opslaan") and "A1B2C3" in filled
    assert "{wat}" in text("fout_onverwacht") and "fout_onverwacht" in text.all
    with pytest.raises(KeyError):
        text("bestaat_niet")


_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**6), 10**20), st.floats(allow_nan=True), st.text(max_size=80)
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=10,
)


@FUZZ
@given(st.dictionaries(st.sampled_from(["schema_version", "titel", "diensten", "extra", "2"]), _VALUES, max_size=4))
def test_fuzzed_data_gives_a_model_or_a_dutch_error(data: dict[str, object]) -> None:
    """Whatever the data in a well-formed file, is the answer the model or a ContentError with short messages?"""
    text = yaml.safe_dump(data, allow_unicode=True)
    try:
        load_model(Bestand, text.encode("utf-8"), "f.yaml")
    except ContentError as error:
        problems = error.problems
    else:
        problems = []
    assert all(len(p.message) <= 400 and len(p.field or "") <= 400 for p in problems)
