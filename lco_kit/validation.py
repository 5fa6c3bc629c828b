"""Pydantic's validation errors in plain Dutch, each with its line and field.

A facilitator who mistypes a casus, an exercise bank or the instrument reads what is wrong
and where (``regel 12, veld hulpverleners[2].rol``), never pydantic's English: every content
model of the kit goes through :func:`translate_validation_error`.
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from lco_kit._yaml import LineMap
from lco_kit.errors import ContentError, Problem, format_field, shorten

__all__ = ["SCHEMA_VERSION_KEY", "translate_validation_error"]

SCHEMA_VERSION_KEY = "schema_version"
"""The field at the top of every content file that says which format it follows."""


def translate_validation_error(
    error: ValidationError, lines: LineMap, file: str, model: type[BaseModel] | None = None
) -> ContentError:
    """Turn a pydantic ValidationError into a ContentError with Dutch messages and lines."""
    problems = []
    for detail in error.errors(include_url=False):
        path = tuple(p for p in detail["loc"] if isinstance(p, int) or not _is_internal(p))
        problems.append(Problem(_message(detail, model, path), _line_for(path, lines), format_field(path) or None))
    problems.sort(key=lambda p: p.line or 0)
    return ContentError(file, problems)


def _is_internal(part: str) -> bool:
    # pydantic adds names of validators and union members to ``loc``.
    return "[" in part or part.startswith(("function-", "tagged-union", "json-or-python"))


def _line_for(path: tuple[str | int, ...], lines: LineMap) -> int | None:
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


def _allowed_fields(model: type[BaseModel] | None, path: tuple[str | int, ...]) -> list[str]:
    current: Any = model
    for part in path[:-1]:
        if isinstance(part, int) or current is None:
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        current = _model_in(field.annotation)
    return list(getattr(current, "model_fields", {}))


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


_MESSAGE_LENGTH = 400

_SIMPLE_MESSAGES: dict[str, str] = {
    "missing": "dit veld ontbreekt; het is verplicht.",
    "int_type": "verwacht een geheel getal, gevonden: {shown}.",
    "int_parsing": "verwacht een geheel getal, gevonden: {shown}.",
    "int_from_float": "verwacht een geheel getal, gevonden: {shown}.",
    "float_type": "verwacht een getal, gevonden: {shown}.",
    "float_parsing": "verwacht een getal, gevonden: {shown}.",
    "bool_type": "verwacht true of false, gevonden: {shown}. (ja/nee, yes/no worden niet omgezet.)",
    "bool_parsing": "verwacht true of false, gevonden: {shown}. (ja/nee, yes/no worden niet omgezet.)",
    "literal_error": "{shown} is hier niet mogelijk; kies uit: {expected}.",
    "enum": "{shown} is hier niet mogelijk; kies uit: {expected}.",
    "list_type": "verwacht een lijst (regels die met ‘- ’ beginnen).",
    "tuple_type": "verwacht een lijst (regels die met ‘- ’ beginnen).",
    "set_type": "verwacht een lijst (regels die met ‘- ’ beginnen).",
    "dict_type": "verwacht een groep velden (‘naam: waarde’ op eigen regels).",
    "model_type": "verwacht een groep velden (‘naam: waarde’ op eigen regels).",
    "model_attributes_type": "verwacht een groep velden (‘naam: waarde’ op eigen regels).",
    "string_too_short": "mag niet leeg zijn.",
    "string_too_long": "is te lang (hoogstens {max_length} tekens).",
    "too_short": "verwacht minstens {min_length} element(en).",
    "too_long": "verwacht hoogstens {max_length} element(en).",
    "greater_than_equal": "moet minstens {ge} zijn; gevonden: {shown}.",
    "greater_than": "moet groter zijn dan {gt}; gevonden: {shown}.",
    "less_than_equal": "mag hoogstens {le} zijn; gevonden: {shown}.",
    "less_than": "moet kleiner zijn dan {lt}; gevonden: {shown}.",
    "date_type": "verwacht een datum als JJJJ-MM-DD, gevonden: {shown}.",
    "date_parsing": "verwacht een datum als JJJJ-MM-DD, gevonden: {shown}.",
    "date_from_datetime_parsing": "verwacht een datum als JJJJ-MM-DD, gevonden: {shown}.",
    "string_pattern_mismatch": "{shown} heeft niet de verwachte vorm.",
}


def _message(detail: ErrorDetails, model: type[BaseModel] | None, path: tuple[str | int, ...]) -> str:
    kind = detail["type"]
    ctx: dict[str, Any] = dict(detail.get("ctx") or {})
    value = detail.get("input")
    if kind == "extra_forbidden":
        allowed = [f for f in _allowed_fields(model, path) if f != SCHEMA_VERSION_KEY]
        guess = difflib.get_close_matches(str(path[-1]) if path else "", allowed, n=1)
        hint = f" Bedoel je ‘{guess[0]}’?" if guess else ""
        return f"dit veld kent het formaat niet.{hint}"
    if kind in {"value_error", "assertion_error"}:
        # Validators in the kit raise ValueError with a Dutch sentence; show it as it is.
        reason = str(ctx.get("error", "")) or "deze waarde is niet geldig."
        # A validator may quote the value it refuses; a pasted page must not come back whole.
        return shorten(reason.removeprefix("Value error, ").removeprefix("Assertion failed, "), _MESSAGE_LENGTH)
    if kind == "string_type":
        if isinstance(value, bool):
            return (
                f"verwacht tekst, maar {_show(value)} werd gelezen als ja/nee-waarde. "
                "Zet de tekst tussen aanhalingstekens."
            )
        return f"verwacht tekst, gevonden: {_show(value)}."
    if "expected" in ctx:
        # pydantic joins the options with an English "or": 'a', 'b' or 'c'.
        ctx["expected"] = str(ctx["expected"]).replace(" or ", " of ")
    template = _SIMPLE_MESSAGES.get(kind, "deze waarde is hier niet geldig: {shown}.")
    return template.format(shown=_show(value), **{k: v for k, v in ctx.items() if k != "shown"})


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "een groep velden"
    if isinstance(value, list):
        return "een lijst"
    if value is None:
        return "een lege waarde"
    text = str(value)
    if isinstance(value, bool):
        text = "true" if value else "false"
    return f"‘{shorten(text)}’"
