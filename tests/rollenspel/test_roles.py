from __future__ import annotations

import pytest

from lco_kit.errors import ContentError
from lco_kit.rollenspel.roles import FASEN, ROLLEN, fase, fasen, load_rollen, rol, rollen
from tests.rollenspel.conftest import DATA


def test_seven_roles_and_five_phases_in_order() -> None:
    """Are the seven roles and the five phases there, in the kit's order?"""
    assert [r.code for r in rollen()] == list(ROLLEN)
    assert [f.code for f in fasen()] == ["aanvraag", "voorbereiding", "overleg", "verslag", "opvolging"]
    assert fase("overleg").naam == "Overleg"


@pytest.mark.parametrize("code", ROLLEN)
def test_every_role_has_a_name_a_core_and_tasks(code: str) -> None:
    """Does every role say who takes it, its core, and at least one task?"""
    found = rol(code)
    assert found.naam and found.wie and found.kern
    assert sum(len(found.taken.in_fase(phase)) for phase in FASEN) >= 1


def test_the_split_between_coordinator_and_spilfiguur() -> None:
    """Does the coördinator write the verslag and signal knelpunten, and the spilfiguur follow up?"""
    coordinator = " ".join(rol("coordinator").taken.verslag).lower()
    assert "verslag" in coordinator and "knelpunten" in coordinator
    assert "neutra" in rol("coordinator").wie.lower()
    follow_up = " ".join(rol("spilfiguur").taken.opvolging).lower()
    assert "afspraken" in follow_up
    assert "kiest" in rol("spilfiguur").wie.lower()


def test_unknown_role_is_a_key_error() -> None:
    """Is asking for a role that does not exist a clear KeyError?"""
    with pytest.raises(KeyError):
        rol("voorzitter")


def test_roles_file_without_a_role_is_refused_in_dutch() -> None:
    """Is a roles file that misses the vertrouwenspersoon refused with the missing role named?"""
    with pytest.raises(ContentError) as caught:
        load_rollen(DATA / "rollen-zonder-vertrouwenspersoon.yaml")
    assert "deze rollen ontbreken: vertrouwenspersoon" in str(caught.value)


def test_roles_file_with_phases_out_of_order_is_refused() -> None:
    """Is a roles file whose phases are out of order refused, naming the right order?"""
    with pytest.raises(ContentError) as caught:
        load_rollen(DATA / "rollen-fasen-door-elkaar.yaml")
    assert "aanvraag, voorbereiding, overleg, verslag, opvolging" in str(caught.value)


def test_role_without_any_task_is_refused_with_its_line() -> None:
    """Is a role with no task in any phase refused, with the line of the role?"""
    with pytest.raises(ContentError) as caught:
        load_rollen(DATA / "rollen-rol-zonder-taken.yaml")
    message = str(caught.value)
    assert "een rol heeft in minstens één fase een taak" in message
    assert "regel" in message
