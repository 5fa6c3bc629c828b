"""The strict YAML reader: every malformed or hostile input becomes a Dutch ContentError."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lco_kit._yaml import parse_yaml_text
from lco_kit.content import load_yaml
from lco_kit.errors import ContentError
from tests._fuzz import FUZZ


def refused(text: str) -> ContentError:
    """Return the error the reader gives for this text (fails the test when it reads fine)."""
    with pytest.raises(ContentError) as error:
        parse_yaml_text(text, "f.yaml")
    return error.value


@pytest.mark.parametrize(
    ("character", "what"),
    [("\x08", "een backspace (U+0008)"), ("\x0b", "een regeleinde uit Word"), ("\x1b", "U+001B"), ("\u2028", "U+2028")],
)
def test_control_character_names_line_and_field(character: str, what: str) -> None:
    """Is an invisible control character in a value refused with its line, its field and what it is?"""
    error = refused(f"schema_version: 1\ngroep:\n  titel: a{character}b\n")
    assert (error.problems[0].line, error.problems[0].field) == (3, "groep → titel")
    assert what in error.problems[0].message


def test_control_character_in_a_broken_file_still_names_the_line() -> None:
    """When the rest of the file is broken too, is the control character still named with its line?"""
    error = refused("a: [\nb: \x0c\n")
    assert error.problems[0].line == 2 and error.problems[0].field is None


def test_lone_surrogate_is_refused() -> None:
    """Is a lone surrogate (text that cannot be stored) refused instead of crashing the reader?"""
    assert "U+D800" in str(refused("titel: a\ud800b\n"))


@pytest.mark.parametrize(
    ("text", "line", "field", "tag"),
    [
        ("schema_version: !!int\n", 1, "schema_version", "!!int"),
        ("a: 1\nx: !!float\n", 2, "x", "!!float"),
        ("!!timestamp : x\n", 1, None, "!!timestamp"),
        ("a: 1\n!!timestamp 2020-01-01: x\n", 2, "2020-01-01", "!!timestamp"),
        ("a:\n  - b\n  - !!str c\n", 3, "a → nr. 2", "!!str"),
        ("a: !!binary aGFsbG8=\n", 1, "a", "!!binary"),
        ("a: !eigen {b: 1}\n", 1, "a", "!eigen"),
        ("? !!set\n  a: b\n: c\n", 1, None, "!!set"),
    ],
)
def test_every_written_tag_is_refused(text: str, line: int, field: str | None, tag: str) -> None:
    """Is a tag on a key or a value refused with its line and field, so that no tag builds anything?"""
    error = refused(text)
    problem = error.problems[0]
    assert (problem.line, problem.field) == (line, field)
    assert f"de markering ‘{tag}’ is niet toegestaan" in problem.message


def test_keys_stay_text_as_written() -> None:
    """Are ``2``, ``~``, ``true`` and ``1.5`` as keys read as the text written, not as a number or None?"""
    data, lines = parse_yaml_text("2: a\n~: b\ntrue: c\n1.5: d\n", "f.yaml")
    assert data == {"2": "a", "~": "b", "true": "c", "1.5": "d"}
    assert lines[("~",)] == 2


def test_empty_key_is_refused() -> None:
    """Is a value without a field name before its colon refused with its line?"""
    error = refused('a: 1\n"": b\n')
    assert error.problems[0].line == 2 and "ontbreekt een veldnaam" in error.problems[0].message


def test_a_long_duplicate_key_is_shortened_in_the_message() -> None:
    """Is a 100 000-character duplicate key cut to a readable length in the message?"""
    key = "k" * 100_000
    message = str(refused(f"? {key}\n: 1\n? {key}\n: 2\n"))
    assert len(message) < 400 and "k…’ staat twee keer" in message


def test_a_huge_integer_is_refused() -> None:
    """Is a whole number of 5 000 digits (more than Python converts) refused instead of crashing?"""
    assert "kan niet gelezen worden" in str(refused("a: " + "7" * 5000 + "\n"))


_YAML_PIECES = st.sampled_from(
    [
        "a",
        "b: ",
        ": ",
        "- ",
        "  ",
        "\n",
        "\t",
        "#",
        "'",
        '"',
        "[",
        "]",
        "{",
        "}",
        ",",
        "&x ",
        "*x",
        "!",
        "!!",
        "!!int",
        "!!timestamp ",
        "!!python/name:os.system",
        "? ",
        "|",
        ">",
        "---",
        "...",
        "%YAML 1.1\n",
        "~",
        "2020-01-01",
        "14:30",
        "0612",
        "1e999",
        "-.inf",
        ".nan",
        "yes",
        "\x00",
        "\x08",
        "\x0b",
        "\x85",
        "\ufeff",
        "\u2028",
        "\ud800",
        "\\",
        "é",
        "😀",
        "<<: ",
        "=",
        "@",
        "`",
    ]
)
_YAML_TEXT = st.one_of(
    st.lists(_YAML_PIECES, max_size=40).map("".join),
    st.text(max_size=200),
    st.lists(st.tuples(st.text(max_size=8), _YAML_PIECES), max_size=15).map(
        lambda pairs: "".join(f"{k}: {v}\n" for k, v in pairs)
    ),
)


def outcome(text: str | bytes) -> object:
    """Return what the loader makes of a text or an upload's bytes: its data, or the ContentError."""
    try:
        if isinstance(text, bytes):
            return load_yaml(text, "upload.yaml")[0]
        return parse_yaml_text(text, "f.yaml")[0]
    except ContentError as error:
        return error


@FUZZ
@given(_YAML_TEXT)
def test_fuzzed_text_gives_data_or_a_dutch_error(text: str) -> None:
    """Whatever the text, does the reader return plain data or raise the kit's own ContentError?"""
    result = outcome(text)
    if isinstance(result, ContentError):
        assert result.file == "f.yaml" and result.problems
        assert all(len(p.message) <= 400 for p in result.problems)
    else:
        assert_plain(result)


@FUZZ
@given(st.one_of(st.binary(max_size=300), _YAML_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_fuzzed_bytes_give_data_or_a_dutch_error(data: bytes) -> None:
    """Whatever the bytes of an upload, does the loader return plain data or raise a ContentError?"""
    result = outcome(data)
    if isinstance(result, ContentError):
        assert str(result).startswith("upload.yaml")
    else:
        assert_plain(result)


def assert_plain(value: object) -> None:
    """Fail unless the value is built only from dicts with text keys, lists and plain scalars."""
    if isinstance(value, dict):
        for key, item in value.items():
            assert isinstance(key, str)
            assert_plain(item)
    elif isinstance(value, list):
        for item in value:
            assert_plain(item)
    else:
        assert value is None or isinstance(value, str | int | float | bool)
