"""The checks the kit makes on any setup of a role-play or a real LCO.

- :func:`check_indicatie`: three or more providers and/or three or more life domains with
  problems, and the client's consent;
- :func:`check_coordinator`: the coördinator is not one of the casus's providers;
- :func:`check_spilfiguur`: the spilfiguur is one of the providers, chosen by the client;
- :func:`check_voorbereiding`: the requester's eight preparation questions (the checklist
  of the province's leaflet, in ``lco_kit/data/rollenspel/checklist.yaml``).

Each returns a :class:`Controle` with a Dutch verdict and what to do; none raises for a
setup that does not pass. :func:`check_setup` runs them all.

Examples:
    >>> from lco_kit.casus import simulate_casus
    >>> casus = simulate_casus(3)
    >>> check_coordinator(casus, casus.hulpverleners[0].id).ok
    False
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Literal, get_args

from pydantic import Field, ValidationError, model_validator

from lco_kit.casus import Casus, Coordinator
from lco_kit.content import ContentModel, ContentPart, content_path, load_model
from lco_kit.errors import LcoError
from lco_kit.fields import Tekst
from lco_kit.rollenspel.facts import MIN_DOMEINEN, MIN_HULPVERLENERS, casus_facts, dutch_list
from lco_kit.rollenspel.texts import rollenspel_text

__all__ = [
    "KIEZERS",
    "Checklist",
    "ChecklistVraag",
    "Controle",
    "Kiezer",
    "check_coordinator",
    "check_indicatie",
    "check_setup",
    "check_spilfiguur",
    "check_voorbereiding",
    "checklist",
]

Kiezer = Literal["client", "coordinator", "aanvrager", "hulpverleners"]
"""Who chose the spilfiguur in a setup."""
KIEZERS: tuple[Kiezer, ...] = get_args(Kiezer)


@dataclass(frozen=True)
class Controle:
    """The outcome of one check, in Dutch.

    Attributes:
        code: ``indicatie``, ``neutraliteit``, ``spilfiguur`` or ``voorbereiding``.
        titel: What was checked.
        ok: True when the setup passes.
        uitleg: The verdict and the reason, in one or two sentences.
        details: What to do, or what was found, one line each.
    """

    code: str
    titel: str
    ok: bool
    uitleg: str
    details: tuple[str, ...] = ()

    def describe(self) -> str:
        """Return the check as plain text: verdict, explanation, details."""
        mark = rollenspel_text("controle_ok" if self.ok else "controle_niet_ok")
        lines = [f"{mark} {self.titel}: {self.uitleg}"]
        lines += [f"  - {line}" for line in self.details]
        return "\n".join(lines)


# ------------------------------------------------------------------ indication


def check_indicatie(casus: Casus) -> Controle:
    """Check whether the situation fits an LCO: 3+ providers and/or 3+ problem domains, and consent."""
    facts = casus_facts(casus)
    providers = len(casus.hulpverleners)
    domains = len(facts.probleemdomeinen)
    details = [
        rollenspel_text("indicatie_hulpverleners", aantal=providers, minimum=MIN_HULPVERLENERS),
        rollenspel_text(
            "indicatie_domeinen",
            aantal=domains,
            minimum=MIN_DOMEINEN,
            domeinen=dutch_list([d.lower() for d in facts.probleemdomeinen]) or "-",
        ),
        rollenspel_text("indicatie_toestemming_ja" if casus.toestemming else "indicatie_toestemming_nee"),
    ]
    if not casus.toestemming:
        return Controle(
            "indicatie",
            rollenspel_text("indicatie_titel"),
            False,
            rollenspel_text("indicatie_geen_toestemming"),
            tuple(details),
        )
    if facts.indicatie:
        return Controle(
            "indicatie", rollenspel_text("indicatie_titel"), True, rollenspel_text("indicatie_ok"), tuple(details)
        )
    return Controle(
        "indicatie", rollenspel_text("indicatie_titel"), False, rollenspel_text("indicatie_twijfel"), tuple(details)
    )


# ------------------------------------------------------------------ neutrality


def _as_coordinator(casus: Casus, coordinator: str | Coordinator | None) -> Coordinator | None:
    if coordinator is None:
        return casus.opstelling.coordinator if casus.opstelling else None
    if isinstance(coordinator, Coordinator):
        return coordinator
    text = coordinator.strip()
    if not text:
        return None
    for provider in casus.hulpverleners:
        if provider.id == text:
            return Coordinator(dienst=provider.dienst, naam=provider.naam)
    return Coordinator(dienst=text)


def _neutrality_problem(casus: Casus, coordinator: Coordinator) -> str | None:
    """Return the casus format's own Dutch message when the coördinator is one of the providers."""
    data = casus.model_dump()
    data["opstelling"] = {"coordinator": coordinator.model_dump(), "spilfiguur": None}
    try:
        Casus.model_validate(data)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            if detail["loc"] and detail["loc"][0] == "opstelling":
                reason = str((detail.get("ctx") or {}).get("error", detail["msg"]))
                return reason[:1].upper() + reason[1:]
        raise  # another field broke: a defect, not the user's setup
    return None


def check_coordinator(casus: Casus, coordinator: str | Coordinator | None = None) -> Controle:
    """Check that the coördinator is neutral: not one of the casus's providers.

    Args:
        casus: The casus.
        coordinator: A provider id (as chosen in a list), the service of the coördinator as
            text, or a :class:`~lco_kit.casus.Coordinator`; None takes the casus's own.
    """
    title = rollenspel_text("neutraliteit_titel")
    chosen = _as_coordinator(casus, coordinator)
    if chosen is None:
        return Controle("neutraliteit", title, False, rollenspel_text("neutraliteit_geen"))
    who = f"{chosen.naam} ({chosen.dienst})" if chosen.naam else chosen.dienst
    problem = _neutrality_problem(casus, chosen)
    if problem is not None:
        return Controle("neutraliteit", title, False, problem, (rollenspel_text("neutraliteit_waarom"),))
    return Controle("neutraliteit", title, True, rollenspel_text("neutraliteit_ok", wie=who))


# ------------------------------------------------------------------ spilfiguur


def check_spilfiguur(casus: Casus, spilfiguur: str | None = None, gekozen_door: str | None = None) -> Controle:
    """Check that the spilfiguur is one of the providers and was chosen by the client.

    Args:
        casus: The casus.
        spilfiguur: A provider id; None takes the casus's own choice.
        gekozen_door: Who chose: ``client`` (in consultation with the providers),
            ``coordinator``, ``aanvrager`` or ``hulpverleners``. None: as in the casus, where
            an ``opstelling`` records the client's choice.
    """
    title = rollenspel_text("spilfiguur_titel")
    if spilfiguur is None and casus.opstelling is not None:
        spilfiguur = casus.opstelling.spilfiguur
        gekozen_door = gekozen_door or ("client" if spilfiguur else None)
    if not spilfiguur:
        return Controle("spilfiguur", title, False, rollenspel_text("spilfiguur_geen", client=casus.client.pseudoniem))
    ids = [p.id for p in casus.hulpverleners]
    if spilfiguur not in ids:
        return Controle(
            "spilfiguur",
            title,
            False,
            rollenspel_text("spilfiguur_geen_hulpverlener", wie=spilfiguur),
            (rollenspel_text("spilfiguur_kies_uit", ids=", ".join(ids)),),
        )
    provider = casus.provider(spilfiguur)
    label = casus_facts(casus).label(provider)
    if gekozen_door is None:
        return Controle(
            "spilfiguur",
            title,
            False,
            rollenspel_text("spilfiguur_kiezer_open", wie=label, client=casus.client.pseudoniem),
        )
    if gekozen_door not in KIEZERS:
        raise LcoError(rollenspel_text("kiezer_onbekend", waarde=gekozen_door, mogelijk=", ".join(KIEZERS)))
    if gekozen_door != "client":
        return Controle(
            "spilfiguur",
            title,
            False,
            rollenspel_text("spilfiguur_niet_door_client", wie=label, client=casus.client.pseudoniem),
            (rollenspel_text(f"spilfiguur_gekozen_door_{gekozen_door}"),),
        )
    details: tuple[str, ...] = ()
    if provider.nabijheid == "op afstand":
        details = (rollenspel_text("spilfiguur_op_afstand", wie=label, client=casus.client.pseudoniem),)
    return Controle(
        "spilfiguur", title, True, rollenspel_text("spilfiguur_ok", wie=label, client=casus.client.pseudoniem), details
    )


# ------------------------------------------------------------------ the requester's checklist


class ChecklistVraag(ContentPart):
    """One preparation question: the question, why it matters, and what to do when it is not yet done."""

    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    vraag: Tekst
    waarom: Tekst
    tip: Tekst


class Checklist(ContentModel):
    """The requester's preparation questions."""

    titel: Tekst
    bron: str = Field(min_length=20)
    vragen: tuple[ChecklistVraag, ...]

    @model_validator(mode="after")
    def _unique(self) -> Checklist:
        if not self.vragen:
            raise ValueError("de checklist heeft minstens één vraag.")
        codes = [v.code for v in self.vragen]
        doubles = sorted({c for c in codes if codes.count(c) > 1})
        if doubles:
            raise ValueError(f"deze codes komen twee keer voor: {', '.join(doubles)}.")
        return self


@cache
def checklist() -> Checklist:
    """Return the requester's checklist (the kit's, or the facilitator's own copy): its title and questions."""
    return load_model(Checklist, content_path("data", "rollenspel/checklist.yaml"))


def check_voorbereiding(antwoorden: Mapping[str, bool | None]) -> Controle:
    """Check the requester's preparation: every question answered with yes.

    Args:
        antwoorden: Question code → True (done), False (not yet) or None (not answered).

    Raises:
        LcoError: For a code that is not a question of the checklist.
    """
    questions = checklist().vragen
    known = {q.code for q in questions}
    unknown = sorted(set(antwoorden) - known)
    if unknown:
        raise LcoError(
            rollenspel_text("checklist_onbekend", codes=", ".join(unknown), mogelijk=", ".join(sorted(known)))
        )
    title = rollenspel_text("voorbereiding_titel")
    open_items = [q for q in questions if antwoorden.get(q.code) is not True]
    if not open_items:
        return Controle("voorbereiding", title, True, rollenspel_text("voorbereiding_ok", aantal=len(questions)))
    details = tuple(rollenspel_text("voorbereiding_open_vraag", vraag=q.vraag, tip=q.tip) for q in open_items)
    return Controle(
        "voorbereiding",
        title,
        False,
        rollenspel_text("voorbereiding_niet_ok", open=len(open_items), aantal=len(questions)),
        details,
    )


def check_setup(
    casus: Casus,
    *,
    coordinator: str | Coordinator | None = None,
    spilfiguur: str | None = None,
    gekozen_door: str | None = None,
    antwoorden: Mapping[str, bool | None] | None = None,
) -> tuple[Controle, ...]:
    """Run every check on a setup: indication, neutrality, spilfiguur and (when given) the checklist."""
    checks = [
        check_indicatie(casus),
        check_coordinator(casus, coordinator),
        check_spilfiguur(casus, spilfiguur, gekozen_door),
    ]
    if antwoorden is not None:
        checks.append(check_voorbereiding(antwoorden))
    return tuple(checks)
