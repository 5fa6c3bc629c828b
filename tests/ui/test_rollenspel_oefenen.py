"""The solo practice page (30), driven in Python as a trainee would."""

from __future__ import annotations

import html

from lco_kit.ui.rollenspel_oefenen import OefenRollenspel
from lco_kit.ui.rollenspel_speler import MomentSpeler
from tests.rollenspel.conftest import NO_LCO, make_casus


def right_index(speler: MomentSpeler) -> int:
    """Return the index of a right option of the moment shown."""
    assert speler.current is not None
    return next(i for i, o in enumerate(speler.current.opties) if o.juist)


def play(page: OefenRollenspel, *, wrong: frozenset[str] = frozenset()) -> MomentSpeler:
    """Play the whole scenario, choosing wrong at the moments named; return the player."""
    page.begin()
    speler = page.speler
    assert speler is not None
    while speler.current is not None:
        moment = speler.current
        index = right_index(speler)
        if moment.id in wrong:
            index = next(i for i, o in enumerate(moment.opties) if not o.juist)
        speler.opties.value = index
        speler.choose()
        speler.next_moment()
    return speler


def test_solo_page_plays_every_phase_and_ends_with_the_score_per_role() -> None:
    """Does a trainee go through every moment and see a score per role, lower for the role they missed?"""
    page = OefenRollenspel(seed=3)
    speler = play(page, wrong=frozenset({"neutraliteit"}))
    score = speler.score.children[0].value
    coordinator = sum(m.rol == "coordinator" for m in speler.scenario.momenten)
    assert (
        f'<tr class="lco-rs-score-rol-coordinator"><th scope="row">Coördinator</th><td>{coordinator - 1}</td>' in score
    )
    client = sum(m.rol == "client" for m in speler.scenario.momenten)
    assert client >= 1
    assert (
        '<tr class="lco-rs-score-rol-client"><th scope="row">Cliënt</th>'
        f"<td>{client}</td><td>{client}</td><td>100%</td>" in score
    )
    assert speler.score.children[1].tooltip.startswith("Staafdiagram met per rol")
    assert "Klaar: alle" in speler.voortgang.value


def test_restart_builds_a_new_scenario() -> None:
    """Does ‘Opnieuw’ start the same casus again from its first moment?"""
    page = OefenRollenspel(seed=5)
    speler = play(page)
    speler.restart()
    assert page.speler is not None and page.speler is not speler
    assert page.speler.positie == 0 and page.speler.keuzes == {}


def test_practice_refuses_a_casus_that_is_no_lco_and_says_why() -> None:
    """Does the practice page show why a ‘geen_lco’ casus cannot be played, and refuse to start it?"""
    page = OefenRollenspel(seed=1)
    page.kiezer.choose(make_casus(toestemming=False, geen_lco=NO_LCO))
    assert "is geen LCO: Mira wil geen overleg met alle diensten samen" in html.unescape(page.kiezer.samenvatting.value)
    page.start.click()
    assert "een rollenspel" in page.messages.text
    assert page.speler is None
