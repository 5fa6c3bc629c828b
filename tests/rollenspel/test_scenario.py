from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from lco_kit.casus import Casus
from lco_kit.errors import ContentError, LcoError
from lco_kit.rollenspel import (
    FASEN,
    build_scenario,
    load_moment_file,
    load_momenten,
    score_chart,
    score_scenario,
)
from lco_kit.rollenspel.facts import casus_facts
from lco_kit.rollenspel.scenario import MIN_UITLEG_WOORDEN, moment_files
from tests.rollenspel.conftest import CURATED, DATA, SIMULATED, make_casus, two_providers

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


def right_choices(casus: Casus) -> dict[str, int]:
    """Return, for every moment of the casus's scenario, the index of a right option."""
    scenario = build_scenario(casus)
    return {m.id: next(i for i, o in enumerate(m.opties) if o.juist) for m in scenario.momenten}


def test_the_kits_moments_file_is_valid() -> None:
    """Does the kit's own moments file load without a single problem?"""
    loaded = load_momenten()
    assert not loaded.fouten
    assert len(loaded.momenten) >= 15
    assert any(path.name == "lco.yaml" for path in moment_files())


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


def test_all_right_scores_every_role_full() -> None:
    """Is a scenario answered right everywhere scored 100 % for every role?"""
    casus = make_casus()
    scenario = build_scenario(casus)
    score = score_scenario(scenario, right_choices(casus))
    assert score.juist == score.momenten == len(scenario.momenten)
    assert {s.rol: s.procent for s in score.per_rol} == dict.fromkeys(scenario.rollen, 100)


def test_score_per_role_counts_each_roles_moments() -> None:
    """With one coördinator moment wrong and one spilfiguur moment unanswered, are the shares per role right?"""
    casus = make_casus()
    scenario = build_scenario(casus)
    choices = right_choices(casus)
    wrong = next(i for i, o in enumerate(scenario.moment("neutraliteit").opties) if not o.juist)
    choices["neutraliteit"] = wrong
    del choices["stilte"]
    score = score_scenario(scenario, choices)
    per_role = {s.rol: s for s in score.per_rol}
    coordinator_moments = sum(m.rol == "coordinator" for m in scenario.momenten)
    assert per_role["coordinator"].momenten == coordinator_moments
    assert per_role["coordinator"].juist == coordinator_moments - 1
    assert per_role["spilfiguur"].juist == per_role["spilfiguur"].momenten - 1
    assert per_role["client"].procent == 100
    assert score.overgeslagen == 1
    assert score.juist == len(scenario.momenten) - 2


def test_the_score_names_only_the_roles_that_were_played() -> None:
    """Without a minor or a vertrouwenspersoon, are those roles left out of the score?"""
    scenario = build_scenario(two_providers(client={"pseudoniem": "Mira", "leeftijd": 34, "huishouden": "alleen"}))
    assert "minderjarige" not in scenario.rollen and "vertrouwenspersoon" not in scenario.rollen
    assert "minderjarige" in build_scenario(make_casus()).rollen


def test_wrong_choices_are_refused_in_dutch() -> None:
    """Is a choice for a moment that is not played, or an option that does not exist, a Dutch error?"""
    scenario = build_scenario(make_casus())
    with pytest.raises(LcoError, match="Het moment ‘koffiepauze’ hoort niet bij dit scenario"):
        score_scenario(scenario, {"koffiepauze": 0})
    with pytest.raises(LcoError, match="Optie 9 bestaat niet"):
        scenario.momenten[0].beoordeel(8)


def test_score_chart_says_every_role_in_its_alt_text() -> None:
    """Does the chart's alt text give every role's count and percentage?"""
    casus = make_casus()
    score = score_scenario(build_scenario(casus), right_choices(casus))
    alt = score_chart(score).alt
    for role in score.per_rol:
        assert f"{role.naam}: {role.juist} van {role.momenten} ({role.procent}%)" in alt


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("momenten-zonder-juiste-optie.yaml", "geen enkele optie is ‘juist: true’"),
        ("momenten-onbekend-woord.yaml", "{voornaam} kent de kit niet als in te vullen woord"),
        ("momenten-losse-accolade.yaml", "een accolade { of } staat hier alleen"),
        ("momenten-dubbele-id.yaml", "deze id’s komen twee keer voor: eigen-stap"),
        ("momenten-uitleg-te-kort.yaml", "schrijf minstens 10 woorden"),
        ("momenten-tegenstrijdige-voorwaarden.yaml", "‘vorige_lco’ en ‘eerste_lco’ sluiten elkaar uit"),
        ("momenten-een-optie.yaml", "een moment heeft 2 tot 5 opties; gevonden: 1"),
        ("momenten-onbekende-rol.yaml", "‘voorzitter’ is geen rol die de kit kent"),
        ("momenten-dezelfde-uitleg.yaml", "twee opties hebben dezelfde uitleg"),
    ],
)
def test_malformed_moments_files_get_a_dutch_message_with_their_line(name: str, message: str) -> None:
    """Is each kind of malformed moments file refused with the file, the line and what is wrong?"""
    with pytest.raises(ContentError) as caught:
        load_moment_file(DATA / name)
    text = str(caught.value)
    assert text.startswith(name)
    assert "regel " in text
    assert message in text


OWN = """schema_version: 1
titel: Momenten van onze regio
bron: Geschreven door een begeleider voor een test van de kit.
momenten:
  - id: tolk
    fase: voorbereiding
    rol: coordinator
    als: [niet_delen]
    titel: Een tolk regelen
    situatie: "{client} spreekt thuis een andere taal."
    vraag: Wat regelt de coördinator?
    opties:
      - tekst: Een professionele tolk, afgesproken met {client}.
        juist: true
        uitleg: Een professionele tolk laat de cliënt zelf aan het woord, zonder dat familie moet vertalen.
      - tekst: De oudste dochter vertaalt.
        uitleg: Een kind laten tolken legt een zware last op het kind, en de cliënt spreekt dan niet vrij.
"""


def test_a_facilitators_own_moments_join_the_scenario(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Does a moments file in the facilitator's own folder join the scenario, in its phase?"""
    folder = tmp_path / "data" / "rollenspel" / "momenten"
    folder.mkdir(parents=True)
    (folder / "regio.yaml").write_text(OWN, encoding="utf-8")
    monkeypatch.setenv("LCO_KIT_CONTENT_DIR", str(tmp_path))
    loaded = load_momenten()
    assert not loaded.fouten and loaded.bestanden["tolk"] == "regio.yaml"
    scenario = build_scenario(make_casus())
    moment = scenario.moment("tolk")
    assert moment.situatie == "Mira spreekt thuis een andere taal."
    assert scenario.momenten.index(moment) < [m.id for m in scenario.momenten].index("doorgeven")


def test_an_upload_with_an_id_already_taken_is_reported_not_added() -> None:
    """Is an uploaded moment whose id the kit already uses reported, and the upload not added?"""
    taken = OWN.replace("id: tolk", "id: stilte")
    loaded = load_momenten([("eigen.yaml", taken.encode())])
    assert len(loaded.fouten) == 1
    assert "de id ‘stilte’ wordt ook gebruikt in lco.yaml" in str(loaded.fouten[0])
    assert loaded.bestanden["stilte"] == "lco.yaml"


def test_a_bad_upload_is_reported_and_the_kits_moments_remain() -> None:
    """Does a broken upload come back as an error while the kit's moments still load?"""
    loaded = load_momenten([("kapot.yaml", b"schema_version: 1\ntitel: [")])
    assert loaded.fouten and str(loaded.fouten[0]).startswith("kapot.yaml")
    assert len(loaded.momenten) >= 15


def test_no_fitting_moment_is_a_dutch_error() -> None:
    """Is a casus for which no moment fits refused with a Dutch message?"""
    only = load_moment_file(OWN.encode(), "regio.yaml").momenten
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


def test_the_hard_moments_the_method_asks_for_are_in_the_bank() -> None:
    """Are the opening, the absent client, disagreement, safety, an interpreter and the closing round in the bank?"""
    ids = {m.id for m in load_momenten().momenten}
    assert ids >= {
        "spelregels",
        "openingsronde",
        "client-komt-niet",
        "oneenigheid",
        "eigen-doel",
        "veiligheid",
        "tolk-aan-tafel",
        "slotronde",
        "briefing-vooraf",
        "nabespreking",
    }
