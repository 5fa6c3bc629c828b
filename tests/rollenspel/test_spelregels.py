"""The spelregels as data: read from one file, refused in Dutch when broken, printed with the scenario."""

from __future__ import annotations

import pytest

from lco_kit.errors import ContentError
from lco_kit.rollenspel.checks import checklist
from lco_kit.rollenspel.spelregels import load_spelregels, spelregels


def test_the_kits_spelregels_cover_the_table() -> None:
    """Do the kit's rules say: with the client, the client first, plain words, what stays at the table?"""
    codes = [r.code for r in spelregels()]
    assert len(codes) >= 6
    assert {"over_met", "eerst_client", "gewone_taal", "aan_tafel", "niet_delen"} <= set(codes)
    assert spelregels()[0].regel == "We praten met de cliënt, niet over de cliënt."


def test_the_requesters_eight_questions_live_in_one_file() -> None:
    """Does the checklist file hold exactly the requester's eight preparation questions?"""
    assert len(checklist().vragen) == 8
    assert len({v.code for v in checklist().vragen}) == 8


def test_a_rule_twice_is_refused_in_dutch() -> None:
    """Is a spelregels file with the same code twice refused, naming the code?"""
    data = (
        "schema_version: 1\ntitel: Eigen regels\nbron: Geschreven voor een test van de kit.\nregels:\n"
        + "".join(f"  - {{code: pauze, regel: Regel {n}., uitleg: Uitleg {n}.}}\n" for n in range(3))
    ).encode()
    with pytest.raises(ContentError, match="deze codes komen twee keer voor: pauze"):
        load_spelregels(data, "eigen.yaml")
