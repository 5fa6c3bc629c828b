"""The role-play's shared HTML: every text escaped, a private card marked as personal."""

from __future__ import annotations

from lco_kit.casus import Casus
from lco_kit.rollenspel import build_scenario, role_cards
from lco_kit.ui.rollenspel_html import card_html, feedback_html
from tests.rollenspel.conftest import casus_data


def test_feedback_html_escapes_every_text() -> None:
    """Is text from a moments file shown as text in the feedback, never as HTML?"""
    data = casus_data()
    data["client"]["pseudoniem"] = "<b>Mira</b>"
    moment = build_scenario(Casus.model_validate(data)).moment("stilte")
    shown = feedback_html(moment.beoordeel(0))
    assert "<b>Mira</b>" not in shown and "&lt;b&gt;Mira&lt;/b&gt;" in shown


def test_card_html_escapes_and_marks_private_cards() -> None:
    """Is a card shown with every text escaped, and a private card marked as personal?"""
    data = casus_data()
    data["hulpverleners"][0]["zorg"] = "<script>alert(1)</script>"
    card = next(c for c in role_cards(Casus.model_validate(data)) if c.sleutel == "hulpverlener-ocmw")
    shown = card_html(card, zitje="<b>An</b>")
    assert "<script>" not in shown and "&lt;script&gt;" in shown and "&lt;b&gt;An&lt;/b&gt;" in shown
    assert "Persoonlijk. Laat deze kaart aan niemand zien." in shown
    assert "Persoonlijk" not in card_html(card, openbaar=True)
