"""The kit's own exceptions: each carries a Dutch message meant for a person.

Pages and the command line show ``str(error)`` as it is; anything that is not an
:class:`LcoError` is a defect and is shown as a generic Dutch message instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["SHOWN_LENGTH", "ContentError", "LcoError", "Problem", "format_field", "shorten"]


class LcoError(Exception):
    """An error whose message is Dutch, plain, and fit to show to a user."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file: where it is and what is expected.

    Attributes:
        message: What is wrong and what is expected, in Dutch.
        line: 1-based line number in the file, when known.
        field: The field as a person reads it (``hulpverleners → nr. 2 → sector``).
    """

    message: str
    line: int | None = None
    field: str | None = None

    def describe(self) -> str:
        """Return the problem as one Dutch sentence with its place."""
        where = []
        if self.line is not None:
            where.append(f"regel {self.line}")
        if self.field:
            where.append(f"veld ‘{self.field}’")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


@dataclass
class ContentError(LcoError):
    """A content file (casus, exercise bank, instrument, code list) that cannot be used.

    Attributes:
        file: The file's name as the user knows it.
        problems: Every problem found, in file order.
    """

    file: str
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        if len(self.problems) == 1:
            return f"{self.file}, {self.problems[0].describe()}"
        lines = [f"{self.file}: {len(self.problems)} problemen gevonden."]
        lines += [f"  - {p.describe()}" for p in self.problems]
        return "\n".join(lines)


SHOWN_LENGTH = 60
"""The most characters of a user's own value a message repeats."""


def shorten(text: str, limit: int = SHOWN_LENGTH) -> str:
    """Return a user's value cut to ``limit`` characters (ending in "…"), fit for a message.

    A message repeats what the user wrote so they can find it, never a whole pasted page.

    Examples:
        >>> shorten("kort"), shorten("x" * 100, 10)
        ('kort', 'xxxxxxxxx…')
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_field(path: tuple[str | int, ...]) -> str:
    """Return a field's path as a person reads it, each name cut to a readable length.

    Examples:
        >>> format_field(("hulpverleners", 1, "sector"))
        'hulpverleners → nr. 2 → sector'
    """
    return " → ".join(f"nr. {p + 1}" if isinstance(p, int) else shorten(str(p)) for p in path)
