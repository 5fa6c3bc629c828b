"""Item-writing rules a machine can check: the right option must not stand out by its length.

A learner who knows nothing of the method can still score well when the right option is
usually the longest one, or when right options are on average much longer than wrong ones.
Both the exercise banks (``lco-kit oefeningen check``) and the role-play moments
(``lco-kit rollenspel check``) are held to the same two rules, per file and over all files:

- in at most a third of the single-answer questions is the right option *strictly* the
  longest (:data:`MAX_AANDEEL_LANGSTE`);
- the mean length of right options is within 15% of the mean length of wrong ones
  (:data:`MAX_LENGTE_VERSCHIL`).

Lengths are counted in characters of the option's text as written in the file. The rules
are described for writers in ``docs/oefeningen.md``.

Examples:
    >>> vragen = [KeuzeVraag("a", (("Kort.", False), ("Een veel langer juist antwoord.", True)))]
    >>> len(length_problems({"reeks.yaml": vragen})["reeks.yaml"])
    2
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = [
    "ALLE",
    "MAX_AANDEEL_LANGSTE",
    "MAX_LENGTE_VERSCHIL",
    "KeuzeVraag",
    "LengteMaat",
    "length_problems",
    "measure",
    "right_is_longest",
]

MAX_AANDEEL_LANGSTE = 1 / 3
"""The right option may be strictly the longest in at most this share of single-answer questions."""
MAX_LENGTE_VERSCHIL = 0.15
"""Right options may be at most this much longer or shorter, on average, than wrong ones."""
ALLE = "alle bestanden samen"
"""The key under which :func:`length_problems` reports the check over all groups together."""


@dataclass(frozen=True)
class KeuzeVraag:
    """A choice question reduced to what the length rules need.

    Attributes:
        naam: The question's id, for messages.
        opties: Each option's text and whether it is right.
        enkelvoudig: True when exactly one option is right (the ‘longest’ rule counts only these).
    """

    naam: str
    opties: tuple[tuple[str, bool], ...]
    enkelvoudig: bool = True


@dataclass(frozen=True)
class LengteMaat:
    """What the length rules measured over a group of questions.

    Attributes:
        enkelvoudig: Single-answer questions measured.
        juist_langste: Of those, questions whose right option is strictly the longest.
        gemiddeld_juist: Mean length (characters) of right options.
        gemiddeld_fout: Mean length (characters) of wrong options.
    """

    enkelvoudig: int
    juist_langste: int
    gemiddeld_juist: float
    gemiddeld_fout: float

    @property
    def aandeel_langste(self) -> float:
        """Return the share of single-answer questions whose right option is strictly the longest."""
        return self.juist_langste / self.enkelvoudig if self.enkelvoudig else 0.0

    @property
    def verhouding(self) -> float:
        """Return the mean length of right options divided by that of wrong ones (1.0 = alike)."""
        return self.gemiddeld_juist / self.gemiddeld_fout if self.gemiddeld_fout else 1.0


def _length(text: str) -> int:
    return len(" ".join(text.split()))


def right_is_longest(vraag: KeuzeVraag) -> bool:
    """Return True when the right option is strictly longer than every wrong one."""
    right = [_length(t) for t, juist in vraag.opties if juist]
    wrong = [_length(t) for t, juist in vraag.opties if not juist]
    return bool(right and wrong) and min(right) > max(wrong)


def measure(vragen: Sequence[KeuzeVraag]) -> LengteMaat:
    """Measure the length cues over a group of questions (one file, or all).

    Args:
        vragen: The choice questions; open, ordering and matching questions are left out by the caller.

    Returns:
        The counts and mean lengths.
    """
    single = [v for v in vragen if v.enkelvoudig]
    right = [_length(t) for v in vragen for t, juist in v.opties if juist]
    wrong = [_length(t) for v in vragen for t, juist in v.opties if not juist]
    return LengteMaat(
        enkelvoudig=len(single),
        juist_langste=sum(right_is_longest(v) for v in single),
        gemiddeld_juist=sum(right) / len(right) if right else 0.0,
        gemiddeld_fout=sum(wrong) / len(wrong) if wrong else 0.0,
    )


def _problems(maat: LengteMaat) -> list[str]:
    problems = []
    if maat.aandeel_langste > MAX_AANDEEL_LANGSTE:
        problems.append(
            f"in {maat.juist_langste} van de {maat.enkelvoudig} vragen met één juist antwoord is het juiste "
            "antwoord het langste (mag in hoogstens een derde). Wie de methode niet kent, kiest dan gewoon het "
            "langste antwoord. Maak het juiste antwoord korter of een fout antwoord langer."
        )
    if abs(maat.verhouding - 1) > MAX_LENGTE_VERSCHIL:
        richting = "langer" if maat.verhouding > 1 else "korter"
        problems.append(
            f"de juiste antwoorden zijn gemiddeld "
            f"{abs(maat.verhouding - 1):.0%} {richting} dan de foute ({maat.gemiddeld_juist:.0f} tegen "
            f"{maat.gemiddeld_fout:.0f} tekens; hoogstens {MAX_LENGTE_VERSCHIL:.0%} verschil). Schrijf de "
            "opties even lang."
        )
    return problems


def length_problems(groepen: Mapping[str, Sequence[KeuzeVraag]], *, samen: bool = True) -> dict[str, list[str]]:
    """Check the length rules per group (a file) and, with ``samen``, over all groups together.

    Args:
        groepen: File name → its choice questions.
        samen: Also check all groups as one (reported under the key ``"alle bestanden samen"``).

    Returns:
        Group name → its problems, in Dutch; only groups with a problem are listed.
    """
    found: dict[str, list[str]] = {}
    for name, vragen in groepen.items():
        problems = _problems(measure(vragen))
        if problems:
            found[name] = problems
    if samen and len(groepen) > 1:
        problems = _problems(measure([v for vragen in groepen.values() for v in vragen]))
        if problems:
            found[ALLE] = problems
    return found
