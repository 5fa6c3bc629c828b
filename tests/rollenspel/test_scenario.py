"""Building a scenario: every casus played through the five phases, filled in, shuffled only by the seed."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from lco_kit.casus import Casus
from lco_kit.errors import LcoError
from lco_kit.rollenspel.facts import casus_facts
from lco_kit.rollenspel.moments import MIN_UITLEG_WOORDEN, load_moment_file, load_momenten
from lco_kit.rollenspel.roles import FASEN
from lco_kit.rollenspel.scenario import build_scenario
from tests.rollenspel.conftest import CURATED, OWN_MOMENTS, SIMULATED, make_casus, two_providers

ALL = CURATED + SIMULATED

# The moments the issue asks for, and when a casus has them.
ALWAYS = {
    "spilfiguur-kiezen",
    "neutraliteit",
    "doorgeven",
    "stilte",
    "afspraak-zonder-eigenaar",
    "knelpunt",
    "verslag",
}


@pytest.mark.parametrize("casus", ALL, ids=lambda c: c.id)
def test_every_casus_is_played_through_the_five_phases_with_the_issues_moments(casus: Casus) -> None:
    """Is every casus played phase by phase, with every moment the method asks to practise that fits it?"""
    scenario = build_scenario(casus)
    phases = [m.fase for m in scenario.momenten]
    assert phases == sorted(phases, key=FASEN.index)
    assert set(phases) == set(FASEN)
    ids = {m.id for m in scenario.momenten}
    assert ids >= ALWAYS
    assert ids & {"indicatie", "indicatie-twijfel"}
    assert ids & {"uitnodigen", "uitnodigen-zelf-aangevraagd"}
    assert ("niet-delen" in ids) == bool(casus.niet_delen)
    taking_part = any(m.neemt_deel or m.leeftijd >= 12 for m in casus.client.minderjarigen)
    assert ("minderjarige" in ids) == taking_part
    assert ("minderjarige-thuis" in ids) == (bool(casus.client.minderjarigen) and not taking_part)
    assert ("vorige-afspraken" in ids) == (casus.vorige_lco is not None)


@pytest.mark.parametrize("casus", ALL, ids=lambda c: c.id)
def test_every_word_between_braces_is_filled_in(casus: Casus) -> None:
    """Is every word between braces replaced by the casus's own names and facts?"""
    for moment in build_scenario(casus).momenten:
        texts = [moment.titel, moment.situatie, moment.vraag] + [x for o in moment.opties for x in (o.tekst, o.uitleg)]
        assert not any("{" in text or "}" in text for text in texts), moment.id


@pytest.mark.parametrize("casus", CURATED, ids=lambda c: c.id)
def test_every_option_of_every_moment_has_its_own_feedback(casus: Casus) -> None:
    """For every option of every moment: is the feedback that option's own reason, with every other option's reason?"""
    for moment in build_scenario(casus).momenten:
        reasons = [o.uitleg for o in moment.opties]
        assert len(set(reasons)) == len(reasons), moment.id
        assert any(o.juist for o in moment.opties) and not all(o.juist for o in moment.opties)
        for index, option in enumerate(moment.opties):
            feedback = moment.beoordeel(index)
            assert feedback.gekozen == option
            assert feedback.juist is option.juist
            assert len(feedback.gekozen.uitleg.split()) >= MIN_UITLEG_WOORDEN
            assert {o.uitleg for o in feedback.overige} == set(reasons) - {option.uitleg}
            assert all(o.juist for o in feedback.juiste)
            assert feedback.rol == moment.rol


def test_the_indication_moment_follows_the_casus() -> None:
    """Does a casus below the indication get the moment that questions the LCO, with the right numbers?"""
    scenario = build_scenario(two_providers())
    first = scenario.momenten[0]
    assert first.id == "indicatie-twijfel"
    assert "Rond Mira zijn 2 diensten betrokken" in first.situatie
    assert build_scenario(make_casus()).momenten[0].id == "indicatie"


def test_neutrality_moment_names_a_provider_and_the_neutral_coordinator() -> None:
    """Does the neutrality moment propose a provider of the casus and answer with the neutral coördinator?"""
    moment = build_scenario(make_casus()).moment("neutraliteit")
    assert "Els (OCMW Genk, sociale dienst)" in moment.situatie
    right = next(o for o in moment.opties if o.juist)
    assert "Ilse (OCMW Genk, LCO-coördinatie)" in right.tekst


def test_moments_never_show_what_the_client_does_not_want_shared() -> None:
    """Do the moments (shown on a projector) leave out the client's niet_delen text?"""
    for casus in ALL:
        for moment in build_scenario(casus).momenten:
            shown = " ".join([moment.situatie, moment.vraag] + [o.tekst + o.uitleg for o in moment.opties])
            assert all(item.onderwerp not in shown for item in casus.niet_delen)


def test_options_are_shuffled_by_the_seed_only() -> None:
    """Does a seed shuffle the options, the same seed the same way, and the options stay the same set?"""
    casus = make_casus()
    plain = build_scenario(casus)
    one = build_scenario(casus, rng=random.Random(4))  # noqa: S311  (a seeded order, not security)
    again = build_scenario(casus, rng=random.Random(4))  # noqa: S311
    assert one == again
    assert [m.id for m in one.momenten] == [m.id for m in plain.momenten]
    assert any(a.opties != b.opties for a, b in zip(one.momenten, plain.momenten, strict=True))
    for a, b in zip(one.momenten, plain.momenten, strict=True):
        assert sorted(o.tekst for o in a.opties) == sorted(o.tekst for o in b.opties)


def test_a_facilitators_own_moments_join_the_scenario(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Does a moments file in the facilitator's own folder join the scenario, in its phase?"""
    folder = tmp_path / "data" / "rollenspel" / "momenten"
    folder.mkdir(parents=True)
    (folder / "regio.yaml").write_text(OWN_MOMENTS, encoding="utf-8")
    monkeypatch.setenv("LCO_KIT_CONTENT_DIR", str(tmp_path))
    loaded = load_momenten()
    assert not loaded.fouten and loaded.bestanden["tolk"] == "regio.yaml"
    scenario = build_scenario(make_casus())
    moment = scenario.moment("tolk")
    assert moment.situatie == "Mira spreekt thuis een andere taal."
    assert scenario.momenten.index(moment) < [m.id for m in scenario.momenten].index("doorgeven")


def test_no_fitting_moment_is_a_dutch_error() -> None:
    """Is a casus for which no moment fits refused with a Dutch message?"""
    only = load_moment_file(OWN_MOMENTS.encode(), "regio.yaml").momenten
    with pytest.raises(LcoError, match="Er is geen enkel moment dat past bij de casus"):
        build_scenario(make_casus(niet_delen=[]), only)


@pytest.mark.parametrize("casus", ALL, ids=lambda c: c.id)
def test_every_role_at_the_table_has_enough_moments(casus: Casus) -> None:
    """Does every role have moments to act in: 4 for the five main roles, 2 for a minor and a person of trust?"""
    scenario = build_scenario(casus)
    counts = Counter(m.rol for m in scenario.momenten)
    for role in ("coordinator", "spilfiguur", "client", "hulpverlener"):
        assert counts[role] >= 4, (role, counts)
    if not casus_facts(casus).aanvrager_is_client:
        assert counts["aanvrager"] >= 4, counts
    if casus.client.minderjarigen:
        assert counts["minderjarige"] >= 2, counts
    if casus.client.vertrouwenspersoon:
        assert counts["vertrouwenspersoon"] >= 2, counts
