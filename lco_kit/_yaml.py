"""A strict, safe YAML reader for content written by people who are not programmers.

What it guarantees, whatever the file holds:

- no tag ever constructs an object: a tag written in the file (``!!int``,
  ``!!timestamp``, ``!python/...``) is refused, on a key or a value; only mappings,
  lists, text, whole numbers, decimal numbers, ``true``/``false`` and empty values
  come out, and every key is text as written (``2`` and ``~`` as keys stay ``"2"``
  and ``"~"``);
- invisible control characters (a Word line break becomes U+000B) are refused with
  their line and field, never passed on to the reader that would crash on them;
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
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from lco_kit.errors import ContentError, Problem, format_field, shorten

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


class _TagRefused(yaml.YAMLError):
    def __init__(self, line: int, tag: str, path: tuple[str | int, ...]) -> None:
        super().__init__("tag")
        self.line = line
        self.tag = tag
        self.path = path


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2-like implicit types, no aliases and no written tags."""

    yaml_implicit_resolvers: dict[str, list[tuple[str, re.Pattern[str]]]] = {}  # noqa: RUF012

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._path: list[str | int] = []

    def compose_node(self, parent: Node | None, index: object) -> Node | None:
        event = self.peek_event()
        line = 1 if event.start_mark is None else event.start_mark.line + 1
        if isinstance(event, AliasEvent):
            raise _AliasRefused(line)
        if isinstance(index, ScalarNode):
            step: list[str | int] = [str(index.value)]
        elif isinstance(index, int) and not isinstance(index, bool):
            step = [index]
        else:  # a key
            step = []
        # A written tag decides what gets built (``!!timestamp`` a datetime, ``!!int`` on an
        # empty value a crash); the kit's files never need one, so none is accepted.
        if isinstance(event, ScalarEvent | CollectionStartEvent) and event.tag not in (None, "!"):
            named = [event.value] if not step and isinstance(event, ScalarEvent) and event.value else step
            raise _TagRefused(line, str(event.tag), (*self._path, *named))
        self._path.extend(step)
        try:
            return Composer.compose_node(self, parent, index)  # type: ignore[arg-type]
        finally:
            del self._path[len(self._path) - len(step) :]


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
# Everything YAML's reader refuses, plus the line and paragraph separators it counts as a
# new line where an editor does not (the line numbers in messages would drift).
_UNREADABLE = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_CHARACTER_NAMES = {
    "\x0b": "een regeleinde uit Word (Shift+Enter)",
    "\x0c": "een pagina-einde",
    "\x00": "een nul-teken",
    "\x08": "een backspace",
    "\x85": "een regeleinde uit een ouder programma",
    "\u2028": "een regeleinde uit een tekstverwerker",
    "\u2029": "een alinea-einde uit een tekstverwerker",
}


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
    unreadable = _UNREADABLE.search(text)
    if unreadable is not None:
        raise ContentError(file, [_unreadable_problem(text, unreadable.start())])
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
    except _TagRefused as error:
        raise ContentError(file, [_tag_problem(error.tag, error.line, error.path)]) from None
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
    except (yaml.YAMLError, ValueError, ArithmeticError, RecursionError) as error:
        # Reached only by values the resolvers accept but Python cannot hold (an integer of
        # thousands of digits); tags and odd keys were refused above.
        mark = getattr(error, "problem_mark", None)
        raise ContentError(
            file, [Problem("deze waarde kan niet gelezen worden.", None if mark is None else mark.line + 1)]
        ) from None
    return data, lines


def _tag_problem(tag: str, line: int, path: tuple[str | int, ...]) -> Problem:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    if len(shown) > _SHOWN_TAG:
        shown = shown[: _SHOWN_TAG - 1] + "…"
    return Problem(
        f"de markering ‘{shown}’ is niet toegestaan. Schrijf gewone tekst, getallen, lijsten en velden; "
        "zet tekst die met ! begint tussen aanhalingstekens.",
        line,
        format_field(path) or None,
    )


_SHOWN_TAG = 40


def _unreadable_problem(text: str, position: int) -> Problem:
    line = text.count("\n", 0, position) + 1
    if "\n" not in text:
        line = text.count("\r", 0, position) + 1
    character = text[position]
    what = _CHARACTER_NAMES.get(character, "een onzichtbaar stuurteken")
    code = f"U+{ord(character):04X}"
    field = _field_on_line(text, line)
    return Problem(
        f"hier staat {what} ({code}), dat in een inhoudsbestand niet kan. "
        "Haal het weg of vervang het door een spatie of een gewone nieuwe regel.",
        line,
        field,
    )


def _field_on_line(text: str, line: int) -> str | None:
    """Return the field that holds a line, read from a copy without unreadable characters."""
    cleaned = _UNREADABLE.sub(" ", text)
    loader = _StrictLoader(cleaned)
    try:
        root = loader.get_single_node()
    except (yaml.YAMLError, RecursionError):
        return None
    finally:
        loader.dispose()
    for path, node in _walk(root, ()):
        if path and isinstance(node, ScalarNode) and node.start_mark.line + 1 <= line <= node.end_mark.line + 1:
            return format_field(path)
    return None


def _walk(node: Node | None, path: tuple[str | int, ...], depth: int = 0) -> list[tuple[tuple[str | int, ...], Node]]:
    if node is None or depth > _MAX_DEPTH:
        return []
    found: list[tuple[tuple[str | int, ...], Node]] = [(path, node)]
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode):
                found += _walk(value_node, (*path, key_node.value), depth + 1)
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            found += _walk(item, (*path, index), depth + 1)
    return found


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
            if not key.strip():
                raise ContentError(file, [Problem("hier ontbreekt een veldnaam vóór de dubbelpunt.", key_line)])
            # A key is a field name as written: ``2:`` or ``~:`` must not become a number or
            # an empty value (messages would call them "nr. 2" or "None").
            key_node.tag = _STR
            if key in seen:
                raise ContentError(
                    file,
                    [
                        Problem(
                            f"het veld ‘{shorten(key)}’ staat twee keer in dezelfde groep "
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
