"""The moment player shared by the role-play pages: a choice first, then every option's reason."""

from __future__ import annotations

import html

from lco_kit.ui.rollenspel_oefenen import OefenRollenspel


def test_choosing_nothing_asks_to_choose_first() -> None:
    """Without a choice, do ‘Dit kies ik’ and ‘Volgend moment’ ask to choose first, and stay on the moment?"""
    page = OefenRollenspel(seed=1)
    page.begin()
    speler = page.speler
    assert speler is not None
    assert speler.choose() is None
    assert "Kies eerst een van de mogelijkheden." in speler.uitleg.value
    speler.next_moment()
    assert speler.positie == 0


def test_feedback_shows_the_reason_of_the_choice_and_of_every_other_option() -> None:
    """After a wrong choice, does the page show its reason, the method's option and every other reason?"""
    page = OefenRollenspel(seed=2)
    page.begin()
    speler = page.speler
    assert speler is not None
    moment = speler.current
    assert moment is not None
    wrong = next(i for i, o in enumerate(moment.opties) if not o.juist)
    speler.opties.value = wrong
    speler.choose()
    shown = html.unescape(speler.uitleg.value)
    assert "Dat is niet wat de methode hier vraagt." in shown
    for option in moment.opties:
        assert option.uitleg in shown
    assert speler.opties.disabled
    assert speler.volgende.layout.display == ""
