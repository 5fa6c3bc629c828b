"""Loading exercise banks: the kit's own, every problem named by file, line, exercise id and field, ids across banks."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from lco_kit.oefeningen.model import GETELDE_SOORTEN, MIN_UITLEG_WOORDEN, Koppelen
from lco_kit.oefeningen.reeksen import known_casus, load_bank, load_banks
from lco_kit.principes import PRINCIPE_CODES, load_principes
from tests.oefeningen._builders import bank_bytes, multiple, order, problems, single

ROOT = Path(__file__).resolve().parents[2]


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
        assert all(len(text.split()) >= MIN_UITLEG_WOORDEN for text in explanations), oefening.id


def test_kit_matching_exercises_have_more_moments_than_principles() -> None:
    """Does every matching exercise of the kit offer more moments than principles to choose from?"""
    matchings = [o for o in load_banks().oefeningen() if isinstance(o, Koppelen)]
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


def test_the_example_in_the_facilitator_guide_loads() -> None:
    """Does the full example bank in docs/oefeningen.md pass the same checks as the kit's banks?"""
    guide = (ROOT / "docs" / "oefeningen.md").read_text(encoding="utf-8")
    example = next(block for block in re.findall(r"```yaml\n(.*?)```", guide, re.S) if "schema_version" in block)
    reeks = load_bank(example.encode("utf-8"), "gids.yaml")
    assert reeks.oefeningen[0].id == "schulden-voor-ze-er-is"


# ------------------------------------------------------------------ one bank: every problem, named by the exercise's id


def test_option_without_explanation_names_exercise_and_field() -> None:
    """Is an option without ‘uitleg’ refused, naming the exercise id and the option's field?"""
    exercise = single()
    del exercise["opties"][1]["uitleg"]
    [(line, field, message)] = problems(bank_bytes(exercise))
    assert field == "oefening een-keuze → opties → nr. 2 → uitleg"
    assert "ontbreekt de uitleg" in message
    assert line is not None


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


# ------------------------------------------------------------------ several banks


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
