"""The exercise engine: the kit's banks, checking each kind of answer, explaining why, planning and scoring a lesson."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from lco_kit import oefeningen as engine
from lco_kit.errors import ContentError, LcoError
from lco_kit.oefeningen import (
    GETELDE_SOORTEN,
    KeuzeUitEen,
    Koppelen,
    LeesStap,
    MeerdereKeuzes,
    OefenStap,
    OpenVraag,
    Volgorde,
    check_answer,
    known_casus,
    load_bank,
    load_banks,
    oefen_tekst,
    plan_les,
    score_les,
)
from lco_kit.principes import PRINCIPE_CODES, load_principes

ROOT = Path(__file__).resolve().parents[1]

# ------------------------------------------------------------------ small builders


def seeded(seed: int) -> random.Random:
    """Return a random generator with a fixed seed."""
    return random.Random(seed)  # noqa: S311  (reproducible lessons, not security)


def why(text: str) -> str:
    """Return an explanation long enough to pass the rule (at least six words)."""
    return f"{text}, en daarom is dit zo bedoeld."


def single(exercise_id: str = "een-keuze", **extra: Any) -> dict[str, Any]:
    """Return a valid single-choice exercise as the YAML data a facilitator writes."""
    return {
        "id": exercise_id,
        "soort": "enkelvoudig",
        "onderwerp": "participatie",
        "vraag": "Wie kiest de spilfiguur?",
        "opties": [
            {"tekst": "De cliënt", "juist": True, "uitleg": why("De cliënt kiest wie dicht bij haar staat")},
            {"tekst": "De coördinator", "uitleg": why("De coördinator is neutraal en kiest niet")},
            {"tekst": "De aanvrager", "uitleg": why("De aanvrager stelt voor maar beslist niet")},
        ],
        **extra,
    }


def multiple(exercise_id: str = "meer-keuzes", **extra: Any) -> dict[str, Any]:
    """Return a valid multiple-choice exercise: options 0 and 2 are right."""
    return {
        "id": exercise_id,
        "soort": "meervoudig",
        "onderwerp": "gestructureerd",
        "vraag": "Wat hoort in het stappenplan?",
        "opties": [
            {"tekst": "Wie wat doet", "juist": True, "uitleg": why("Zonder wie blijft een stap een voornemen")},
            {"tekst": "Wat iedereen zei", "uitleg": why("Wat aan tafel gezegd wordt blijft daar")},
            {"tekst": "Tegen wanneer", "juist": True, "uitleg": why("Een datum maakt opvolgen mogelijk")},
            {"tekst": "Een diagnose", "uitleg": why("Medische details zijn niet nodig voor een stap")},
        ],
        **extra,
    }


def order(exercise_id: str = "de-fasen", **extra: Any) -> dict[str, Any]:
    """Return a valid ordering exercise with five steps, listed in the right order."""
    names = ["Aanvraag", "Voorbereiding", "Overleg", "Verslag", "Opvolging"]
    return {
        "id": exercise_id,
        "soort": "volgorde",
        "onderwerp": "fasen",
        "vraag": "Zet de fasen in volgorde.",
        "stappen": [{"tekst": name, "uitleg": why(f"{name} komt op plaats {n}")} for n, name in enumerate(names, 1)],
        **extra,
    }


def matching(exercise_id: str = "herkennen", **extra: Any) -> dict[str, Any]:
    """Return a valid matching exercise: four moments, three principles to choose from."""
    return {
        "id": exercise_id,
        "soort": "koppelen",
        "onderwerp": "maatzorg",
        "vraag": "Welk principe staat op het spel?",
        "paren": [
            {
                "moment": "Ze praten over de cliënt voor ze er is.",
                "principe": "participatie",
                "uitleg": why("Zonder haar"),
            },
            {
                "moment": "Het plan zegt wie en wanneer.",
                "principe": "gestructureerd",
                "uitleg": why("Duidelijke taken"),
            },
            {"moment": "Twee diensten kiezen één plan.", "principe": "gecoordineerd", "uitleg": why("Afgestemde hulp")},
            {"moment": "De cliënt kiest wie er komt.", "principe": "participatie", "uitleg": why("Zij beslist mee")},
        ],
        "keuzes": ["participatie", "gestructureerd", "gecoordineerd"],
        **extra,
    }


def open_question(exercise_id: str = "denk-na", **extra: Any) -> dict[str, Any]:
    """Return a valid open reflection question."""
    return {
        "id": exercise_id,
        "soort": "open",
        "onderwerp": "positief",
        "vraag": "Wat lukt je cliënt goed?",
        "denkpistes": ["Wie weet dat nog?", "Hoe komt het in het plan?"],
        **extra,
    }


def bank_bytes(*exercises: dict[str, Any], **header: Any) -> bytes:
    """Return a bank file as bytes, with a title and description unless given."""
    data = {"schema_version": 1, "titel": "Testreeks", "beschrijving": "Voor de tests.", **header}
    data["oefeningen"] = list(exercises)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


def bank(*exercises: dict[str, Any]) -> engine.Oefenreeks:
    """Load a bank built in code (no casus references are known)."""
    return load_bank(bank_bytes(*exercises), "test.yaml", casus=set())


def one(exercise: dict[str, Any]) -> engine.AnyOefening:
    """Return one exercise built in code, validated."""
    return bank(exercise).oefeningen[0]


def problems(data: bytes, casus: set[str] | None = None) -> list[tuple[int | None, str | None, str]]:
    """Return (line, field, message) of every problem in a bank."""
    with pytest.raises(ContentError) as caught:
        load_bank(data, "reeks.yaml", casus=casus or set())
    return [(p.line, p.field, p.message) for p in caught.value.problems]


# ------------------------------------------------------------------ the kit's banks

KIT = load_banks()


def test_kit_banks_load_without_problems() -> None:
    """Does every bank the kit ships load without a single problem?"""
    assert KIT.fouten == []
    assert len(KIT.reeksen) >= 5


def test_kit_banks_hold_enough_exercises_per_kind() -> None:
    """Are there at least 30 exercises, at least 4 of each scored kind, and open reflection questions?"""
    kinds = Counter(o.soort for o in KIT.oefeningen())
    assert sum(kinds.values()) >= 30
    for kind in GETELDE_SOORTEN:
        assert kinds[kind] >= 4, f"{kind}: {kinds[kind]}"
    assert kinds["open"] >= 1


def test_kit_banks_hold_enough_exercises_per_principle() -> None:
    """Are there at least 5 scored exercises on each principle and at least 3 on professional secrecy?"""
    topics = Counter(o.onderwerp for o in KIT.oefeningen() if o.geteld)
    for code in PRINCIPE_CODES:
        assert topics[code] >= 5, f"{code}: {topics[code]}"
    assert topics["beroepsgeheim"] >= 3


def test_kit_casus_references_exist_and_are_used() -> None:
    """Does every ‘casus:’ reference name a casus in casussen/, and do several exercises use one?"""
    references = [o.casus for o in KIT.oefeningen() if o.casus]
    known = known_casus()
    assert set(references) <= set(known)
    if known:
        assert len(references) >= 5
        assert len(set(references)) >= 3


def test_every_option_in_the_kit_has_its_own_explanation() -> None:
    """Does every option, step and moment in the kit carry an explanation that no sibling shares?"""
    for oefening in KIT.oefeningen():
        items = (
            getattr(oefening, "opties", None) or getattr(oefening, "stappen", None) or getattr(oefening, "paren", ())
        )
        explanations = [item.uitleg for item in items]
        assert len(set(explanations)) == len(explanations), oefening.id
        assert all(len(text.split()) >= engine.MIN_UITLEG_WOORDEN for text in explanations), oefening.id


def test_every_text_the_code_asks_for_exists() -> None:
    """Does every fixed text the exercise engine and pages ask for exist in oefeningen_teksten.yaml?"""
    sources = [
        ROOT / "lco_kit" / "oefeningen.py",
        ROOT / "lco_kit" / "ui" / "oefeningen.py",
        ROOT / "lco_kit" / "ui" / "principes.py",
    ]
    keys = set()
    for source in sources:
        keys |= set(re.findall(r"oefen_tekst\(\s*[\"']([a-z_]+)[\"']", source.read_text(encoding="utf-8")))
    keys |= {f"soort_{kind}" for kind in engine.SOORTEN} | {f"opdracht_{kind}" for kind in engine.SOORTEN}
    keys |= {f"status_{status}" for status in engine.Status.__args__}  # type: ignore[attr-defined]
    for key in sorted(keys):
        assert oefen_tekst(key), key


# ------------------------------------------------------------------ checking: single choice


def test_single_choice_right_answer_scores_one() -> None:
    """Is choosing the one right option judged right, with score 1 and the right verdict?"""
    verdict = check_answer(one(single()), 0)
    assert verdict.juist and verdict.score == 1.0 and verdict.geteld
    assert verdict.oordeel == oefen_tekst("oordeel_enkelvoudig_true")
    assert verdict.terugkoppeling[0].status == "gekozen_juist"


def test_single_choice_wrong_answer_explains_the_choice_then_the_right_one() -> None:
    """Does a wrong choice come first with its own explanation, then the right option with its explanation?"""
    oefening = one(single())
    verdict = check_answer(oefening, 2)
    assert not verdict.juist and verdict.score == 0.0
    first, second, third = verdict.terugkoppeling
    assert (first.status, first.tekst, first.uitleg) == ("gekozen_fout", "De aanvrager", oefening.opties[2].uitleg)
    assert (second.status, second.tekst) == ("gemist", "De cliënt")
    assert third.status == "niet_gekozen" and third.goed


@pytest.mark.parametrize("answer", [None, 3, -1, True, "0"])
def test_single_choice_without_a_valid_choice_is_a_dutch_error(answer: object) -> None:
    """Is checking without a valid choice refused with ‘Kies eerst een antwoord.’?"""
    with pytest.raises(LcoError, match="Kies eerst een antwoord"):
        check_answer(one(single()), answer)


# ------------------------------------------------------------------ checking: multiple choice


def test_multiple_choice_exact_answer_is_right() -> None:
    """Is marking exactly the right options judged right with score 1?"""
    verdict = check_answer(one(multiple()), {0, 2})
    assert verdict.juist and verdict.score == 1.0
    assert {item.status for item in verdict.terugkoppeling} == {"gekozen_juist", "niet_gekozen"}


def test_multiple_choice_explains_the_learners_wrong_mark_before_what_was_missed() -> None:
    """Is a wrongly marked option explained first, before the right options that were missed?"""
    oefening = one(multiple())
    verdict = check_answer(oefening, {3})
    assert [item.status for item in verdict.terugkoppeling] == ["gekozen_fout", "gemist", "gemist", "niet_gekozen"]
    assert verdict.terugkoppeling[0].tekst == "Een diagnose"


def test_multiple_choice_partial_answer_scores_the_share_judged_right() -> None:
    """Does marking one right and one wrong option score 2 of 4, with the mistakes explained first?"""
    oefening = one(multiple())
    verdict = check_answer(oefening, [0, 1])
    assert not verdict.juist
    assert verdict.score == pytest.approx(0.5)
    assert verdict.oordeel == oefen_tekst("oordeel_meervoudig_false", goed=2, totaal=4)
    statuses = [item.status for item in verdict.terugkoppeling]
    assert statuses[:2] == ["gekozen_fout", "gemist"]
    assert verdict.terugkoppeling[0].uitleg == oefening.opties[1].uitleg


@pytest.mark.parametrize("answer", [set(), [], None, "0,2"])
def test_multiple_choice_with_nothing_marked_is_a_dutch_error(answer: object) -> None:
    """Is checking with nothing marked refused with a Dutch message?"""
    with pytest.raises(LcoError, match="minstens één antwoord"):
        check_answer(one(multiple()), answer)


# ------------------------------------------------------------------ checking: order


def test_order_in_the_right_order_is_right() -> None:
    """Is the bank's own order judged right, every step ‘op zijn plaats’?"""
    verdict = check_answer(one(order()), [0, 1, 2, 3, 4])
    assert verdict.juist and verdict.score == 1.0
    assert all(item.status == "op_zijn_plaats" for item in verdict.terugkoppeling)


def test_order_with_two_swapped_steps_scores_three_of_five_and_says_where() -> None:
    """Do two swapped steps score 3/5, and does the explanation say where each was put and belongs?"""
    oefening = one(order())
    verdict = check_answer(oefening, [1, 0, 2, 3, 4])
    assert not verdict.juist and verdict.score == pytest.approx(0.6)
    first = verdict.terugkoppeling[0]
    assert first.tekst == "Aanvraag" and first.status == "verkeerde_plaats"
    assert first.detail == oefen_tekst("detail_volgorde_false", jouw=2, plaats=1)
    assert first.uitleg == oefening.stappen[0].uitleg


@pytest.mark.parametrize("answer", [[0, 1, 2], [0, 0, 1, 2, 3], "01234", None])
def test_order_that_is_not_a_full_order_is_refused(answer: object) -> None:
    """Is an answer that does not place every step once refused in Dutch?"""
    with pytest.raises(LcoError, match="kan de kit niet lezen"):
        check_answer(one(order()), answer)


# ------------------------------------------------------------------ checking: matching


def test_matching_all_right() -> None:
    """Is every moment matched to its principle judged right?"""
    answer = {0: "participatie", 1: "gestructureerd", 2: "gecoordineerd", 3: "participatie"}
    verdict = check_answer(one(matching()), answer)
    assert verdict.juist and verdict.score == 1.0


def test_matching_one_wrong_names_both_principles() -> None:
    """Does a wrong match score 3/4 and name the principle chosen and the one at stake?"""
    answer = {0: "gestructureerd", 1: "gestructureerd", 2: "gecoordineerd", 3: "participatie"}
    verdict = check_answer(one(matching()), answer)
    assert verdict.score == pytest.approx(3 / 4)
    wrong = verdict.terugkoppeling[0]
    assert wrong.status == "fout_gekoppeld"
    assert wrong.detail == oefen_tekst(
        "detail_koppelen_false", gekozen="Gestructureerde hulpverlening", juist="Participatie"
    )


def test_matching_with_a_moment_left_open_is_a_dutch_error() -> None:
    """Is a matching answer with one moment left open refused, saying how many are open?"""
    with pytest.raises(LcoError, match="Nog open — 1"):
        check_answer(one(matching()), {0: "participatie", 1: "gestructureerd", 2: "gecoordineerd", 3: ""})


def test_matching_with_a_principle_outside_the_choices_is_refused() -> None:
    """Is a principle that is not among the exercise's choices refused?"""
    oefening = one(matching(keuzes=["participatie", "gestructureerd", "gecoordineerd"]))
    with pytest.raises(LcoError):
        check_answer(oefening, {0: "positief", 1: "gestructureerd", 2: "gecoordineerd", 3: "participatie"})


# ------------------------------------------------------------------ checking: open question


def test_open_question_is_never_scored_and_shows_its_thoughts() -> None:
    """Is an open question not counted, whatever is written, with its denkpistes as feedback?"""
    oefening = one(open_question())
    verdict = check_answer(oefening, "Ze kookt elke dag.")
    assert not verdict.geteld and verdict.score == 0.0
    assert [item.tekst for item in verdict.terugkoppeling] == list(oefening.denkpistes)
    assert check_answer(oefening, "").oordeel == oefen_tekst("oordeel_open")


# ------------------------------------------------------------------ the format: malformed banks


def test_option_without_explanation_names_exercise_and_field() -> None:
    """Is an option without ‘uitleg’ refused, naming the exercise id and the option's field?"""
    exercise = single()
    del exercise["opties"][1]["uitleg"]
    [(line, field, message)] = problems(bank_bytes(exercise))
    assert field == "oefening een-keuze → opties → nr. 2 → uitleg"
    assert "ontbreekt de uitleg" in message
    assert line is not None


def test_identical_explanation_on_every_option_is_refused() -> None:
    """Is a bank where every option says the same thing refused?"""
    exercise = single()
    for optie in exercise["opties"]:
        optie["uitleg"] = why("Lees de tekst nog eens")
    [(_, field, message)] = problems(bank_bytes(exercise))
    assert field == "oefening een-keuze → opties"
    assert "alle opties hebben dezelfde uitleg" in message


def test_two_options_sharing_an_explanation_are_named() -> None:
    """Are two options with the same explanation named by their numbers?"""
    exercise = single()
    exercise["opties"][2]["uitleg"] = exercise["opties"][1]["uitleg"]
    [(_, _, message)] = problems(bank_bytes(exercise))
    assert "optie nr. 2 en nr. 3 hebben dezelfde uitleg" in message


def test_bare_fout_is_not_an_explanation() -> None:
    """Is ‘Fout.’ as an explanation refused as too short?"""
    exercise = multiple()
    exercise["opties"][1]["uitleg"] = "Fout."
    [(_, _, message)] = problems(bank_bytes(exercise))
    assert "(‘Fout.’) is te kort" in message


@pytest.mark.parametrize("builder", [single, multiple])
def test_choice_without_a_right_option_is_refused(builder: Any) -> None:
    """Is a choice exercise in which no option is right refused?"""
    exercise = builder()
    for optie in exercise["opties"]:
        optie.pop("juist", None)
    [(_, field, message)] = problems(bank_bytes(exercise))
    assert field.endswith("→ opties")
    assert "geen enkele optie is juist" in message


def test_single_choice_with_two_right_options_suggests_meervoudig() -> None:
    """Is a single choice with two right options refused, suggesting ‘soort: meervoudig’?"""
    exercise = single()
    exercise["opties"][1]["juist"] = True
    [(_, _, message)] = problems(bank_bytes(exercise))
    assert "soort: meervoudig" in message


def test_unknown_kind_is_refused_with_the_kinds_there_are() -> None:
    """Is an unknown ‘soort’ refused, listing the kinds that exist?"""
    [(line, field, message)] = problems(bank_bytes(single(soort="sleepspel")))
    assert field == "oefening een-keuze → soort"
    assert "de soort ‘sleepspel’ bestaat niet" in message and "koppelen" in message
    assert line == 6


def test_duplicate_id_is_refused_with_the_first_line() -> None:
    """Is a second exercise with the same id refused, pointing at the first?"""
    found = problems(bank_bytes(single("dubbel"), multiple("dubbel")))
    assert len(found) == 1
    _, field, message = found[0]
    assert field == "oefening dubbel → id"
    assert re.search(r"komt al voor op regel \d+", message)


def test_unknown_casus_reference_is_refused_listing_known_ones() -> None:
    """Is a ‘casus:’ that names no casus refused, with the known casussen listed?"""
    [(_, field, message)] = problems(bank_bytes(single(casus="bestaat-niet")), casus={"gezin-a", "gezin-b"})
    assert field == "oefening een-keuze → casus"
    assert "de casus ‘bestaat-niet’ bestaat niet" in message and "gezin-a, gezin-b" in message


def test_known_casus_reference_is_accepted() -> None:
    """Is a ‘casus:’ that names a known casus accepted?"""
    reeks = load_bank(bank_bytes(single(casus="gezin-a")), casus={"gezin-a"})
    assert reeks.oefeningen[0].casus == "gezin-a"


def test_unknown_topic_is_refused() -> None:
    """Is an ‘onderwerp’ that is no principle or theme refused, listing what exists?"""
    [(_, field, message)] = problems(bank_bytes(single(onderwerp="geduld")))
    assert field == "oefening een-keuze → onderwerp"
    assert "positief" in message and "beroepsgeheim" in message


def test_matching_answer_outside_its_choices_is_refused() -> None:
    """Is a matching exercise whose right principle is missing from ‘keuzes’ refused?"""
    [(_, _, message)] = problems(bank_bytes(matching(keuzes=["participatie", "gestructureerd"])))
    assert "gecoordineerd" in message and "keuzes" in message


def test_matching_with_as_many_moments_as_principles_is_refused() -> None:
    """Is a matching exercise whose last pair would follow by itself (moments = principles) refused?"""
    exercise = matching(keuzes=["participatie", "gestructureerd", "gecoordineerd", "positief"])
    [(_, field, message)] = problems(bank_bytes(exercise))
    assert field == "oefening herkennen"
    assert "4 momenten en 4 principes" in message and "meer momenten dan principes" in message


def test_kit_matching_exercises_have_more_moments_than_principles() -> None:
    """Does every matching exercise of the kit offer more moments than principles to choose from?"""
    matchings = [o for o in load_banks().oefeningen() if isinstance(o, engine.Koppelen)]
    assert len(matchings) >= 5
    assert all(len(o.paren) > len(o.keuzes) for o in matchings)


def _runs(text: str, size: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.casefold())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def test_no_open_question_repeats_a_principles_reflection_question() -> None:
    """Does no open question repeat eight words in a row of a principle's own reflection question?"""
    reflections = set().union(*(_runs(p.reflectievraag) for p in load_principes().principes))
    repeats = [o.id for o in load_banks().oefeningen() if o.soort == "open" and _runs(o.vraag) & reflections]
    assert repeats == []


def test_every_problem_in_a_bank_is_reported_at_once() -> None:
    """Are a missing title and two broken exercises all reported together, in file order?"""
    broken = single("a")
    del broken["opties"][0]["uitleg"]
    data = bank_bytes(broken, order("b", soort="raadsel"), titel=None)
    found = problems(data)
    assert len(found) == 3
    assert [line for line, _, _ in found] == sorted(line or 0 for line, _, _ in found)
    assert any(field == "titel" for _, field, _ in found)


def test_an_exercise_that_is_not_a_group_of_fields_is_refused() -> None:
    """Is a bare text in the list of exercises refused as ‘oefening nr. 1’?"""
    [(_, field, _)] = problems(bank_bytes("zomaar tekst"))  # type: ignore[arg-type]
    assert field == "oefening nr. 1"


# ------------------------------------------------------------------ loading several banks


def test_duplicate_id_across_banks_is_reported_and_later_bank_left_out(write) -> None:
    """Is an id that a second bank repeats reported, and that bank left out while the first is kept?"""
    first = write("a.yaml", bank_bytes(single("zelfde")))
    second = write("b.yaml", bank_bytes(multiple("zelfde")))
    result = load_banks([first, second], casus=set())
    assert list(result.reeksen) == ["a"]
    [error] = result.fouten
    assert error.file.endswith("b.yaml")
    assert "komt ook voor in" in str(error) and "a.yaml" in str(error)


def test_a_bad_bank_does_not_stop_the_good_ones(write) -> None:
    """Does one malformed bank get reported while the others still load?"""
    good = write("goed.yaml", bank_bytes(single()))
    bad = write("kapot.yaml", b"schema_version: 1\ntitel: [\n")
    result = load_banks([good, bad], casus=set())
    assert list(result.reeksen) == ["goed"]
    assert len(result.fouten) == 1 and "kapot.yaml" in str(result.fouten[0])


# ------------------------------------------------------------------ planning a lesson

ALL = KIT.oefeningen()


def test_same_seed_gives_the_same_lesson() -> None:
    """Does the same seed give the same exercises in the same order, options included?"""
    first = plan_les(ALL, rng=seeded(7), aantal=10)
    second = plan_les(ALL, rng=seeded(7), aantal=10)
    assert first == second


def test_another_seed_gives_another_lesson() -> None:
    """Does another seed give another lesson?"""
    assert plan_les(ALL, rng=seeded(1), aantal=10) != plan_les(ALL, rng=seeded(2), aantal=10)


def test_short_lesson_covers_the_five_principles_first() -> None:
    """Does a lesson of five exercises take one per principle, in the method's order, each after its reading step?"""
    les = plan_les(ALL, rng=seeded(3), aantal=5)
    reading = [stap.onderwerp for stap in les.stappen if isinstance(stap, LeesStap)]
    assert reading == list(PRINCIPE_CODES)
    for position, stap in enumerate(les.stappen):
        if isinstance(stap, OefenStap):
            previous = next(s for s in reversed(les.stappen[:position]) if isinstance(s, LeesStap))
            assert stap.oefening.onderwerp == previous.onderwerp


def test_open_questions_come_last_within_a_topic() -> None:
    """Does an open question come after the scored exercises of its topic?"""
    les = plan_les(ALL, rng=seeded(5))
    current: list[bool] = []
    for stap in les.stappen:
        if isinstance(stap, LeesStap):
            assert current == sorted(current, reverse=True)
            current = []
        else:
            current.append(stap.oefening.geteld)
    assert len(les.oefeningen) == len(ALL)


def test_order_exercises_are_never_shown_in_the_right_order() -> None:
    """Is an ordering exercise always shown shuffled, so that there is something to do?"""
    oefening = one(order())
    for seed in range(50):
        [_, stap] = plan_les([oefening], rng=seeded(seed)).stappen
        assert isinstance(stap, OefenStap)
        assert stap.weergave != (0, 1, 2, 3, 4)
        assert sorted(stap.weergave) == [0, 1, 2, 3, 4]


def test_asking_more_exercises_than_there_are_gives_them_all() -> None:
    """Does asking for more exercises than the bank holds give every exercise once?"""
    reeks = KIT.oefeningen("beroepsgeheim")
    les = plan_les(reeks, rng=seeded(0), aantal=500)
    assert sorted(o.id for o in les.oefeningen) == sorted(o.id for o in reeks)


@pytest.mark.parametrize(("exercises", "count"), [([], None), (ALL, 0)])
def test_lesson_without_exercises_or_with_zero_is_a_dutch_error(exercises: list, count: int | None) -> None:
    """Is a lesson without exercises, or of zero exercises, refused in Dutch?"""
    with pytest.raises(LcoError):
        plan_les(exercises, rng=seeded(0), aantal=count)


# ------------------------------------------------------------------ scoring a lesson


def test_scoring_counts_right_answers_points_and_topics() -> None:
    """Does the score count right answers, partial points, skipped exercises and reflections, per topic?"""
    a, b, c, d = one(single("a")), one(multiple("b")), one(order("c")), one(open_question("d"))
    verdicts = {
        "a": check_answer(a, 0),  # right: participatie
        "b": check_answer(b, {0}),  # 3 of 4: gestructureerd
        "d": check_answer(d, "iets"),
    }
    result = score_les([a, b, c, d], verdicts)
    assert (result.geteld, result.juist, result.overgeslagen, result.reflecties) == (3, 1, 1, 1)
    assert result.punten == pytest.approx(1.75)
    assert [s.onderwerp for s in result.per_onderwerp] == ["participatie", "gestructureerd", "fasen"]
    assert result.goed == ("participatie", "gestructureerd")
    assert result.herhalen == ("fasen",)


def test_a_topic_below_three_quarters_is_to_revisit() -> None:
    """Is a topic with one of two exercises right marked to revisit, and one with all right as going well?"""
    a, b, c = one(single("a")), one(single("b")), one(single("c", onderwerp="positief"))
    verdicts = {"a": check_answer(a, 0), "b": check_answer(b, 1), "c": check_answer(c, 0)}
    result = score_les([a, b, c], verdicts)
    assert result.goed == ("positief",)
    assert result.herhalen == ("participatie",)


def test_scoring_leaves_the_verdicts_unchanged() -> None:
    """Are the verdicts passed to the scoring left as they were?"""
    a = one(single("a"))
    verdicts = {"a": check_answer(a, 1)}
    before = dict(verdicts)
    score_les([a], verdicts)
    assert verdicts == before


def test_kinds_are_the_models_the_engine_checks() -> None:
    """Does every kind of exercise validate into its own model?"""
    built = [one(single()), one(multiple()), one(order()), one(matching()), one(open_question())]
    assert [type(o) for o in built] == [KeuzeUitEen, MeerdereKeuzes, Volgorde, Koppelen, OpenVraag]


def test_the_example_in_the_facilitator_guide_loads() -> None:
    """Does the full example bank in docs/oefeningen.md pass the same checks as the kit's banks?"""
    guide = (ROOT / "docs" / "oefeningen.md").read_text(encoding="utf-8")
    example = next(block for block in re.findall(r"```yaml\n(.*?)```", guide, re.S) if "schema_version" in block)
    reeks = load_bank(example.encode("utf-8"), "gids.yaml")
    assert reeks.oefeningen[0].id == "schulden-voor-ze-er-is"


def test_same_explanation_on_every_moment_speaks_of_momenten() -> None:
    """Is a matching exercise with one explanation for every moment refused in proper Dutch (‘alle momenten’)?"""
    exercise = matching()
    for paar in exercise["paren"]:
        paar["uitleg"] = why("Dit principe staat op het spel")
    [(_, _, message)] = problems(bank_bytes(exercise))
    assert message.startswith("alle momenten hebben dezelfde uitleg. Geef elk moment een eigen uitleg")
