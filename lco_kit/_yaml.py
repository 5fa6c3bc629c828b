"""A strict, safe YAML reader for content written by people who are not programmers.

What it guarantees, whatever the file holds:

- no tag ever constructs an object: only mappings, lists, text, whole numbers,
  decimal numbers, ``true``/``false`` and empty values come out;
- YAML 1.1 surprises are kept as written: ``14:30``, ``yes``, ``no``, ``on``,
  ``2024-05-01`` and ``0612`` stay text, so a model can refuse or accept them;
- duplicate keys, tabs used for indentation, anchors and aliases (the road to
  "billion laughs" files) are refused with the line they are on;
- every problem is a :class:`~lco_kit.errors.ContentError` with a Dutch message.

It also returns, for every value, the line it started on, so that later validation
errors can point at the right line.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from lco_kit.errors import ContentError, Problem, format_field

__all__ = ["LineMap", "parse_yaml_text"]

LineMap = dict[tuple[str | int, ...], int]

_STR = "tag:yaml.org,2002:str"
_ALLOWED_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


class _AliasRefused(yaml.YAMLError):
    def __init__(self, line: int) -> None:
        super().__init__("alias")
        self.line = line


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2-like implicit types and no aliases."""

    yaml_implicit_resolvers: dict[str, list[tuple[str, re.Pattern[str]]]] = {}  # noqa: RUF012

    def compose_node(self, parent: Node | None, index: object) -> Node | None:
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise _AliasRefused(event.start_mark.line + 1)
        return Composer.compose_node(self, parent, index)  # type: ignore[arg-type]


_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
# Whole numbers without leading zeros: "0612" stays text (a phone prefix, a code).
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:0|[1-9][0-9]*)\.[0-9]+(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789"),
)
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)

_TAB_INDENT = re.compile(r"^[ ]*\t")
_MAX_DEPTH = 40


def parse_yaml_text(text: str, file: str) -> tuple[Any, LineMap]:
    r"""Parse YAML text strictly and return the data with the line of every value.

    Args:
        text: The decoded text of the file.
        file: The file's name, used in messages.

    Returns:
        The data (dicts, lists, str, int, float, bool, None) and a map from each
        value's path (keys and 0-based list indices) to its 1-based line.

    Raises:
        ContentError: For every kind of malformed YAML, with a Dutch message.

    Examples:
        >>> data, lines = parse_yaml_text("titel: Een dag\nuur: 14:30\n", "x.yaml")
        >>> data["uur"], lines[("uur",)]
        ('14:30', 2)
    """
    for number, line in enumerate(text.splitlines(), start=1):
        if _TAB_INDENT.match(line):
            raise ContentError(
                file,
                [Problem("deze regel springt in met een tab. Gebruik spaties om in te springen.", number)],
            )
    loader = _StrictLoader(text)
    try:
        root = loader.get_single_node()
    except _AliasRefused as error:
        raise ContentError(
            file,
            [
                Problem(
                    "verwijzingen met * (aliassen) zijn niet toegestaan. Schrijf de waarde voluit.",
                    error.line,
                )
            ],
        ) from None
    except yaml.MarkedYAMLError as error:
        raise ContentError(file, [_syntax_problem(error, text)]) from None
    except yaml.YAMLError:
        raise ContentError(file, [Problem("dit is geen geldig YAML-bestand.")]) from None
    except RecursionError:
        raise ContentError(file, [Problem("het bestand is te diep genest.")]) from None
    finally:
        loader.dispose()
    if root is None:
        raise ContentError(file, [Problem("het bestand is leeg.")])
    lines: LineMap = {}
    _check_node(root, (), lines, file, depth=0)
    constructor = _StrictLoader("")
    try:
        data = constructor.construct_document(root)
    except (yaml.YAMLError, ValueError) as error:
        mark = getattr(error, "problem_mark", None)
        raise ContentError(
            file, [Problem("deze waarde kan niet gelezen worden.", None if mark is None else mark.line + 1)]
        ) from None
    return data, lines


def _check_node(node: Node, path: tuple[str | int, ...], lines: LineMap, file: str, depth: int) -> None:
    line = node.start_mark.line + 1
    lines[path] = line
    if depth > _MAX_DEPTH:
        raise ContentError(file, [Problem("het bestand is te diep genest.", line)])
    if node.tag not in _ALLOWED_TAGS:
        raise ContentError(
            file,
            [
                Problem(
                    f"de markering ‘{node.tag}’ is niet toegestaan. Schrijf gewone tekst, getallen, lijsten en velden.",
                    line,
                )
            ],
        )
    if isinstance(node, MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise ContentError(
                    file, [Problem("een veldnaam moet gewone tekst zijn.", key_node.start_mark.line + 1)]
                )
            key = key_node.value
            key_line = key_node.start_mark.line + 1
            if key in seen:
                raise ContentError(
                    file,
                    [
                        Problem(
                            f"het veld ‘{key}’ staat twee keer in dezelfde groep "
                            f"(ook op regel {seen[key]}). Houd er één over.",
                            key_line,
                            format_field((*path, key)),
                        )
                    ],
                )
            seen[key] = key_line
            _check_node(value_node, (*path, key), lines, file, depth + 1)
            lines[(*path, key)] = key_line
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            _check_node(item, (*path, index), lines, file, depth + 1)


_FLOW_START = re.compile(r"^\s*(?:-\s+)?(?:[^:#{\[]+:\s+)?[{\[]")


def _syntax_problem(error: yaml.MarkedYAMLError, text: str) -> Problem:
    problem = (error.problem or "").lower()
    context = (error.context or "").lower()
    # An unclosed quote or bracket is found at the end of the file; the place to fix it is
    # where it was opened, which YAML keeps as the error's context.
    opened_earlier = "while scanning a quoted scalar" in context or "found unexpected end" in problem
    mark = (error.context_mark if opened_earlier else None) or error.problem_mark or error.context_mark
    line = None if mark is None else mark.line + 1
    source = text.splitlines()
    flow = line is not None and 0 < line <= len(source) and bool(_FLOW_START.match(source[line - 1]))
    if "flow mapping" in context or "flow sequence" in context or flow:
        message = (
            "een waarde die met { of [ begint, leest YAML als een groep of lijst. "
            "Zet zo'n tekst tussen aanhalingstekens."
        )
    elif "mapping values are not allowed" in problem:
        message = (
            "hier staat een dubbelpunt op een plaats waar dat niet kan. "
            "Zet tekst met een dubbelpunt tussen aanhalingstekens."
        )
    elif "could not find expected ':'" in problem or "expected <block end>" in problem:
        message = "de inspringing klopt hier niet, of er ontbreekt een dubbelpunt na een veldnaam."
    elif "found unexpected end of stream" in problem or "found unexpected end" in problem:
        message = "er ontbreekt een afsluitend aanhalingsteken of haakje."
    elif "cannot start any token" in problem:
        message = "dit teken kan hier niet staan. Zet de tekst tussen aanhalingstekens."
    else:
        message = "de opbouw van het bestand klopt hier niet (controleer inspringing en aanhalingstekens)."
    return Problem(message, line)
