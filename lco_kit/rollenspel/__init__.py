"""The role-play: the coördinator/spilfiguur split, played on a casus.

- roles and phases as data (:func:`rollen`, :func:`fasen`): who does what, phase by phase;
- role cards from any casus (:func:`role_cards`, printable with :func:`cards_pdf`);
- the scenario engine (:func:`build_scenario`, :func:`score_scenario`): moments with choices,
  feedback with the reason from the method, a score per role;
- the checks on a setup (:func:`check_setup`): indication, neutrality, spilfiguur, and the
  requester's preparation checklist.
"""

from lco_kit.rollenspel.cards import KaartDeel, Rolkaart, assign_seats, cards_pdf, cards_pdf_filename, role_cards
from lco_kit.rollenspel.checks import (
    KIEZERS,
    ChecklistVraag,
    Controle,
    check_coordinator,
    check_indicatie,
    check_setup,
    check_spilfiguur,
    check_voorbereiding,
    checklist,
)
from lco_kit.rollenspel.facts import CasusFeiten, casus_facts
from lco_kit.rollenspel.roles import FASEN, ROLLEN, FaseInfo, Rol, fase, fasen, rol, rollen
from lco_kit.rollenspel.scenario import (
    GeladenMomenten,
    Moment,
    MomentenBank,
    RolScore,
    Scenario,
    ScenarioMoment,
    ScenarioScore,
    Terugkoppeling,
    build_scenario,
    load_moment_file,
    load_momenten,
    score_chart,
    score_scenario,
)
from lco_kit.rollenspel.texts import rollenspel_text

__all__ = [
    "FASEN",
    "KIEZERS",
    "ROLLEN",
    "CasusFeiten",
    "ChecklistVraag",
    "Controle",
    "FaseInfo",
    "GeladenMomenten",
    "KaartDeel",
    "Moment",
    "MomentenBank",
    "Rol",
    "RolScore",
    "Rolkaart",
    "Scenario",
    "ScenarioMoment",
    "ScenarioScore",
    "Terugkoppeling",
    "assign_seats",
    "build_scenario",
    "cards_pdf",
    "cards_pdf_filename",
    "casus_facts",
    "check_coordinator",
    "check_indicatie",
    "check_setup",
    "check_spilfiguur",
    "check_voorbereiding",
    "checklist",
    "fase",
    "fasen",
    "load_moment_file",
    "load_momenten",
    "rol",
    "role_cards",
    "rollen",
    "rollenspel_text",
    "score_chart",
    "score_scenario",
]
