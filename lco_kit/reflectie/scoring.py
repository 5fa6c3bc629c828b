"""Scoring the reflection instrument: pure functions, plain data in, plain data out.

The rules (documented for facilitators in ``docs/reflectie.md``):

- An answer is a score 1–5, or ``None`` for "weet ik niet" (recorded, never counted), or
  absent (the item was not answered).
- A reverse-scored item counts as ``6 − score``.
- Per respondent and dimension: the mean of the counted items of that dimension; missing
  (``None``) when fewer than half of the dimension's items are counted.
- Per perspective: the mean over the respondents who have a value for that dimension.
- The professionals are all deelnemers and coördinatoren together, each respondent counting
  once.
- The gap is the client's mean minus the professionals' mean, per dimension; an alert is
  raised where the client is lower by at least the threshold (default 1.0).
- Across follow-up LCOs of one casus: the values in order, and the change from the first
  LCO with a value to the last one with a value.

Nothing passed in is ever changed; every function returns new objects.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

__all__ = [
    "DEFAULT_ALERT_THRESHOLD",
    "MAX_GAP",
    "SCALE_MAX",
    "SCALE_MIN",
    "GroupMean",
    "ItemRule",
    "Respondent",
    "SessionScores",
    "TrajectTrend",
    "Trend",
    "TrendPoint",
    "alerts",
    "check_answer",
    "counted_score",
    "gaps",
    "group_means",
    "respondent_scores",
    "score_session",
    "trends",
]

SCALE_MIN = 1
SCALE_MAX = 5
MAX_GAP = SCALE_MAX - SCALE_MIN
"""The largest gap between two means on the scale: a threshold above it could never signal."""
DEFAULT_ALERT_THRESHOLD = 1.0
_EPSILON = 1e-9  # differences are sums of fractions; 4.0 - 3.0 must count as exactly 1.0


@dataclass(frozen=True)
class ItemRule:
    """How one item is scored.

    Attributes:
        item: The item's id.
        dimension: The dimension it counts for.
        reverse: Whether it is reverse-scored.
    """

    item: str
    dimension: str
    reverse: bool = False


@dataclass(frozen=True)
class GroupMean:
    """A mean over respondents, with how many respondents it rests on."""

    value: float | None
    n: int


@dataclass(frozen=True)
class Trend:
    """One dimension across follow-up LCOs.

    Attributes:
        values: The value at each LCO, in order (None where there was none).
        change: Last value minus first value (over the LCOs that have one); None with fewer than two.
    """

    values: tuple[float | None, ...]
    change: float | None


@dataclass(frozen=True)
class TrendPoint:
    """One LCO of a traject as the trend names it: its date and a short title.

    Examples:
        >>> TrendPoint(date(2026, 3, 9), "Opvolg-LCO").label
        'Opvolg-LCO, 09/03/2026'
    """

    day: date
    title: str

    @property
    def shown_date(self) -> str:
        """Return the date as Belgians write it (dd/mm/jjjj)."""
        return self.day.strftime("%d/%m/%Y")

    @property
    def label(self) -> str:
        """Return the title and the date together."""
        return f"{self.title}, {self.shown_date}"


@dataclass(frozen=True)
class TrajectTrend:
    """The client–professional gap per dimension across the LCOs of one traject, oldest first.

    Attributes:
        points: Each LCO's date and short title.
        dimensions: (code, short label) of each dimension, in order.
        values: Dimension code → its trend.
        threshold: The alert threshold of the newest LCO (a gap at or below its negative is a signal).
    """

    points: tuple[TrendPoint, ...]
    dimensions: tuple[tuple[str, str], ...]
    values: dict[str, Trend]
    threshold: float = DEFAULT_ALERT_THRESHOLD


@dataclass(frozen=True)
class Respondent:
    """One respondent's answers: their perspective and item id → score (None = weet ik niet)."""

    perspective: str
    answers: Mapping[str, int | None]


@dataclass(frozen=True)
class SessionScores:
    """Everything scored for one session.

    Attributes:
        dimensions: The dimension codes, in order.
        perspectives: The perspectives that were scored (hidden ones are left out entirely).
        respondents: Each included respondent's dimension scores, in input order.
        means: Perspective → dimension → mean.
        professionals: Dimension → mean over all deelnemers and coördinatoren.
        gaps: Dimension → client minus professionals (None when either is missing).
        alerts: Dimension → True where the client is lower by at least the threshold.
        counts: Perspective → number of respondents scored.
        threshold: The alert threshold used.
    """

    dimensions: tuple[str, ...]
    perspectives: tuple[str, ...]
    respondents: tuple[dict[str, float | None], ...]
    means: dict[str, dict[str, GroupMean]]
    professionals: dict[str, GroupMean]
    gaps: dict[str, float | None]
    alerts: dict[str, bool | None]
    counts: dict[str, int] = field(default_factory=dict)
    threshold: float = DEFAULT_ALERT_THRESHOLD


def check_answer(value: object) -> int | None:
    """Return an answer if it is a score 1–5 or None; raise otherwise.

    ``True`` and ``"4"`` are refused: a score is a whole number, never a yes/no or text.

    Raises:
        ValueError: With a Dutch message.
    """
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"een score is een geheel getal van {SCALE_MIN} tot {SCALE_MAX} of null, niet {value!r}.")
    if not SCALE_MIN <= value <= SCALE_MAX:
        raise ValueError(f"een score gaat van {SCALE_MIN} tot {SCALE_MAX}; {value} kan niet.")
    return value


def counted_score(value: int | None, reverse: bool = False) -> int | None:
    """Return the score as counted: reversed when needed, None for "weet ik niet".

    Examples:
        >>> counted_score(2, reverse=True)
        4
        >>> counted_score(None) is None
        True
    """
    score = check_answer(value)
    if score is None:
        return None
    return SCALE_MIN + SCALE_MAX - score if reverse else score


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def respondent_scores(answers: Mapping[str, int | None], rules: Sequence[ItemRule]) -> dict[str, float | None]:
    """Return one respondent's score per dimension (the half rule applied).

    Args:
        answers: Item id → score 1–5 or None ("weet ik niet"); absent items were not answered.
        rules: The items of the respondent's perspective.

    Returns:
        Dimension → mean of the counted items, or None when fewer than half are counted.

    Raises:
        ValueError: For an answer to an item that is not in ``rules`` or a score out of range.

    Examples:
        >>> rules = [ItemRule("a", "d"), ItemRule("b", "d", reverse=True)]
        >>> respondent_scores({"a": 5, "b": 2}, rules)
        {'d': 4.5}
    """
    known = {rule.item for rule in rules}
    unknown = sorted(set(answers) - known)
    if unknown:
        raise ValueError(f"antwoorden op onbekende vragen: {', '.join(unknown)}.")
    by_dimension: dict[str, list[ItemRule]] = {}
    for rule in rules:
        by_dimension.setdefault(rule.dimension, []).append(rule)
    result: dict[str, float | None] = {}
    for dimension, dimension_rules in by_dimension.items():
        counted = [
            score
            for rule in dimension_rules
            if rule.item in answers and (score := counted_score(answers[rule.item], rule.reverse)) is not None
        ]
        result[dimension] = _mean(counted) if counted and 2 * len(counted) >= len(dimension_rules) else None
    return result


def group_means(scores: Sequence[Mapping[str, float | None]], dimensions: Sequence[str]) -> dict[str, GroupMean]:
    """Return the mean per dimension over respondents that have a value for it.

    Examples:
        >>> group_means([{"d": 4.0}, {"d": None}, {"d": 2.0}], ["d"])
        {'d': GroupMean(value=3.0, n=2)}
    """
    result = {}
    for dimension in dimensions:
        values = [v for s in scores if (v := s.get(dimension)) is not None]
        result[dimension] = GroupMean(_mean(values) if values else None, len(values))
    return result


def gaps(client: Mapping[str, float | None], professionals: Mapping[str, float | None]) -> dict[str, float | None]:
    """Return client minus professionals per dimension (None where either is missing).

    Examples:
        >>> gaps({"d": 2.5, "e": None}, {"d": 4.0, "e": 3.0})
        {'d': -1.5, 'e': None}
    """
    result: dict[str, float | None] = {}
    for dimension in dict.fromkeys([*client, *professionals]):
        own, theirs = client.get(dimension), professionals.get(dimension)
        result[dimension] = None if own is None or theirs is None else round(own - theirs, 10)
    return result


def alerts(
    gap_values: Mapping[str, float | None], threshold: float = DEFAULT_ALERT_THRESHOLD
) -> dict[str, bool | None]:
    """Return per dimension whether the client is lower than the professionals by at least the threshold.

    Args:
        gap_values: Dimension → client minus professionals.
        threshold: A positive number of points (default 1.0).

    Returns:
        Dimension → True (alert), False (no alert) or None (no gap to judge).

    Raises:
        ValueError: When the threshold is not a positive number.

    Examples:
        >>> alerts({"d": -1.0, "e": -0.5, "f": None})
        {'d': True, 'e': False, 'f': None}
    """
    if isinstance(threshold, bool) or not isinstance(threshold, int | float) or not threshold > 0:
        raise ValueError(f"de drempel voor een signaal moet een positief getal zijn, niet {threshold!r}.")
    return {d: None if g is None else g <= -threshold + _EPSILON for d, g in gap_values.items()}


def trends(per_lco: Sequence[Mapping[str, float | None]], dimensions: Sequence[str]) -> dict[str, Trend]:
    """Return each dimension's values across follow-up LCOs, in order, and the change since the first.

    Args:
        per_lco: One mapping dimension → value per LCO, oldest first.
        dimensions: The dimensions to follow.

    Examples:
        >>> trends([{"d": 2.0}, {"d": None}, {"d": 3.5}], ["d"])["d"]
        Trend(values=(2.0, None, 3.5), change=1.5)
    """
    result = {}
    for dimension in dimensions:
        values = tuple(lco.get(dimension) for lco in per_lco)
        present = [v for v in values if v is not None]
        change = round(present[-1] - present[0], 10) if len(present) >= 2 else None  # noqa: PLR2004
        result[dimension] = Trend(values, change)
    return result


def score_session(
    respondents: Sequence[Respondent],
    rules: Mapping[str, Sequence[ItemRule]],
    dimensions: Sequence[str],
    *,
    threshold: float = DEFAULT_ALERT_THRESHOLD,
    include: Collection[str] | None = None,
) -> SessionScores:
    """Score a whole session: means per perspective, the professionals, gaps and alerts.

    Args:
        respondents: Every respondent with their perspective and answers.
        rules: Perspective → its item rules.
        dimensions: The dimension codes, in order.
        threshold: The alert threshold.
        include: The perspectives to score; respondents of the others are left out of every
            number (used to hide small groups). By default every perspective in ``rules``.

    Returns:
        The session's scores.
    """
    included = tuple(p for p in rules if include is None or p in include)
    kept = [r for r in respondents if r.perspective in included]
    per_respondent = tuple(respondent_scores(r.answers, rules[r.perspective]) for r in kept)
    means = {
        p: group_means([s for r, s in zip(kept, per_respondent, strict=True) if r.perspective == p], dimensions)
        for p in included
    }
    professional_scores = [s for r, s in zip(kept, per_respondent, strict=True) if r.perspective != "client"]
    professionals = group_means(professional_scores, dimensions)
    client = means.get("client", {})
    gap_values = gaps(
        {d: client[d].value if d in client else None for d in dimensions},
        {d: professionals[d].value for d in dimensions},
    )
    return SessionScores(
        dimensions=tuple(dimensions),
        perspectives=included,
        respondents=per_respondent,
        means=means,
        professionals=professionals,
        gaps=gap_values,
        alerts=alerts(gap_values, threshold),
        counts={p: sum(1 for r in kept if r.perspective == p) for p in included},
        threshold=threshold,
    )
