"""The traject bar every traject page shares, driven in Python."""

from __future__ import annotations

from pathlib import Path

import pytest

from lco_kit.casus import list_casussen, simulate_casus
from lco_kit.errors import LcoError
from lco_kit.traject import TrajectStore, new_traject, traject_to_yaml
from lco_kit.ui.traject import TrajectBalk, traject_id_of
from lco_kit.ui.widgets import MessageArea


def bar(tmp_path: Path, opened: list[str]) -> TrajectBalk:
    """Return a bar on its own store that notes the casus of every traject it opens."""
    return TrajectBalk(
        MessageArea(), lambda t: opened.append(t.casus.id), ["stappenplan"], store=TrajectStore(tmp_path)
    )


def test_the_address_and_the_links_carry_only_the_traject_id(tmp_path: Path) -> None:
    """Do the address and the next page's link carry the traject's short id (and the room's token), nothing else?"""
    balk = bar(tmp_path, [])
    balk.token = "kamer42"  # noqa: S105  (a room's token in a test, not a secret)
    traject = balk.keep(new_traject(simulate_casus(4), "simulatie"))
    assert balk.address.query == f"?traject={traject.id}&token=kamer42"
    assert f'href="32_stappenplan.ipynb?traject={traject.id}&amp;token=kamer42"' in balk.links.value
    assert simulate_casus(4).client.pseudoniem not in balk.address.query


def test_an_address_opens_its_own_traject(tmp_path: Path) -> None:
    """Does a page opened with ?traject=… get that traject's casus, and a page without one nothing?"""
    store = TrajectStore(tmp_path)
    first = store.save(new_traject(simulate_casus(1), "simulatie"))
    second = store.save(new_traject(simulate_casus(2), "simulatie"))
    opened: list[str] = []
    assert not bar(tmp_path, opened).open_address("")
    assert bar(tmp_path, opened).open_address(f"traject={second.id}")
    assert bar(tmp_path, opened).open_address(f"?traject={first.id}")
    assert opened == [second.casus.id, first.casus.id]


def test_an_unknown_traject_in_the_address_is_said_in_dutch(tmp_path: Path) -> None:
    """Is an address with a traject this computer does not keep refused with a Dutch message?"""
    with pytest.raises(LcoError, match="niet \\(meer\\) op deze computer"):
        bar(tmp_path, []).open_address("traject=abcdefghjk")
    assert traject_id_of("?x=1") is None


def test_a_saved_file_opens_again_under_a_new_id(tmp_path: Path) -> None:
    """Does a downloaded traject open again from its file, with a new id so nobody else works in it?"""
    opened: list[str] = []
    balk = bar(tmp_path, opened)
    traject = balk.keep(new_traject(simulate_casus(9), "simulatie"))
    balk.save_file()
    assert balk.download.data == traject_to_yaml(traject).encode("utf-8")
    other = bar(tmp_path, opened)
    other.openen.receive(balk.download.filename, balk.download.data)
    assert other.traject is not None
    assert other.traject.id != traject.id
    assert other.traject.casus == traject.casus
    assert opened == [traject.casus.id]


def test_an_upload_that_is_too_large_or_no_traject_is_refused_in_dutch(tmp_path: Path) -> None:
    """Are a file over the limit and a file that is no traject refused in Dutch, naming the file?"""
    balk = bar(tmp_path, [])
    balk.openen._changed({"new": [{"name": "groot.yaml", "content": b"#" * 400_000}]})
    assert "groot.yaml" in balk.openen.messages.text
    assert "te groot" in balk.openen.messages.text
    balk.openen._changed({"new": [{"name": "lijst.yaml", "content": b"- a\n- b\n"}]})
    assert "lijst.yaml" in balk.openen.messages.text
    assert balk.traject is None


def test_a_page_opens_the_address_or_starts_a_traject_on_an_lco_only(tmp_path: Path) -> None:
    """Does a page without a traject (or with a bad one, said in Dutch) start one, but never on a non-LCO?"""
    store = TrajectStore(tmp_path)
    kept = store.save(new_traject(simulate_casus(1), "simulatie"))
    opened: list[str] = []
    balk = bar(tmp_path, opened)
    assert not balk.open_or_start(f"traject={kept.id}", simulate_casus(2), "simulatie")
    assert balk.traject is not None and balk.traject.id == kept.id
    assert opened == [kept.casus.id]

    started = bar(tmp_path, opened)
    assert started.open_or_start("", simulate_casus(2), "simulatie")
    assert started.traject is not None and started.traject.casus == simulate_casus(2)

    broken = bar(tmp_path, opened)
    assert broken.open_or_start("traject=abcdefghjk", simulate_casus(3), "simulatie")
    assert "niet (meer) op deze computer" in broken.messages.value

    geen_lco = next(c for c in list_casussen() if not c.is_lco)
    nothing = bar(tmp_path, opened)
    assert not nothing.open_or_start("", geen_lco, "bibliotheek")
    assert not nothing.open_or_start("", None, "bibliotheek")
    assert nothing.traject is None
