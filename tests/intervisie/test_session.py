"""A running intervisie: the clock (pause, extend, over time), rounds, notes, points, drafts."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from lco_kit.intervisie import DraftStore, Intervisie, harvest_findings, seconds_per_minute
from lco_kit.intervisie.session import RoundTimer
from tests.casus.conftest import joined
from tests.intervisie.conftest import ManualClock, clean_form


def test_the_clock_counts_down_pauses_and_extends() -> None:
    """Does a 10-minute round show 10:00, 09:30 after 30 s, stay there while paused, and gain 2 minutes?"""
    clock = ManualClock()
    timer = RoundTimer(600, clock)
    assert timer.display() == "10:00"
    timer.start()
    clock.advance(30)
    assert timer.display() == "09:30"
    timer.pause()
    clock.advance(300)
    assert timer.display() == "09:30" and not timer.running
    timer.extend(120)
    assert timer.display() == "11:30"


def test_a_round_that_runs_over_shows_minus() -> None:
    """Does a round past its time show how far over it is (‘-00:05’)?"""
    clock = ManualClock()
    timer = RoundTimer(60, clock)
    timer.start()
    clock.advance(65)
    assert timer.remaining() == -5
    assert timer.display() == "-00:05"


def test_round_length_comes_from_the_library_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    """Does LCO_KIT_INTERVISIE_SECONDEN_PER_MINUUT shorten a round (a test's 10 minutes in 5 seconds)?"""
    monkeypatch.setenv("LCO_KIT_INTERVISIE_SECONDEN_PER_MINUUT", "0.5")
    assert seconds_per_minute() == 0.5
    assert Intervisie().round_seconds(0) == 5
    monkeypatch.setenv("LCO_KIT_INTERVISIE_SECONDEN_PER_MINUUT", "snel")
    assert seconds_per_minute() == 60


def test_going_to_another_round_keeps_the_notes_and_resets_the_clock() -> None:
    """Do notes stay with their round, and does each round start its own clock, paused, at its length?"""
    clock = ManualClock()
    session = Intervisie(clock=clock)
    session.timer.start()
    clock.advance(100)
    session.set_note("leervraag", "Ze wil niet meer komen.")
    session.go_to(1)
    assert not session.timer.running
    assert session.timer.remaining() == session.round_seconds(1)
    session.go_to(99)
    assert session.last_round and session.notes["leervraag"] == "Ze wil niet meer komen."


def test_notes_points_and_question_are_scanned_for_the_harvest() -> None:
    """Are an e-mail address in the notes and a phone number in a learning point both found, with their place?"""
    session = Intervisie()
    session.set_note("vragen", joined("Mail naar an.peeters", "@example.be"))
    session.add_point(joined("Bel haar op 0471 23", " 45 67"), "participatie")
    found = [(where, f.kind) for where, f in harvest_findings(session)]
    assert found == [("Notities bij ronde 2", "e-mailadres"), ("Leerpunt", "telefoonnummer")]


def test_a_draft_keeps_everything_and_closing_forgets_it(tmp_path: Path) -> None:
    """Does a draft bring back casus, roles, round, clock, notes and points, and is it gone once deleted?"""
    store = DraftStore(tmp_path)
    session = Intervisie()
    session.use_own_casus(clean_form())
    session.roles = {"voorzitter": "An"}
    session.go_to(2)
    session.timer.extend(60)
    session.set_note("analyse", "De neutraliteit stond onder druk.")
    session.add_point("Eerst vragen wat goed gaat", "positief")
    key = DraftStore.new_key()
    store.save(key, session)
    back = Intervisie.from_dict(store.load(key) or {})
    assert back.casus is not None and back.casus.titel == "Een moeder die niet meer komt"
    assert back.leervraag == "Hoe kan ik haar opnieuw aan tafel krijgen?"
    assert back.roles == {"voorzitter": "An"} and back.round == 2
    assert back.timer.length == session.round_seconds(2) + 60
    assert back.notes == {"analyse": "De neutraliteit stond onder druk."}
    assert [(p.tekst, p.principe) for p in back.points] == [("Eerst vragen wat goed gaat", "positief")]
    store.delete(key)
    assert store.load(key) is None
    assert list(tmp_path.iterdir()) == []


def test_a_key_that_is_not_ours_reads_and_writes_nothing(tmp_path: Path) -> None:
    """Is a key like ‘../x’ refused for reading, writing and deleting?"""
    store = DraftStore(tmp_path / "drafts")
    store.save("../x", Intervisie())
    assert store.load("../x") is None
    assert not (tmp_path / "x.json").exists() and not (tmp_path / "drafts").exists()


def test_old_drafts_are_removed(tmp_path: Path) -> None:
    """Is a draft nobody touched for more than a day removed, and a fresh one kept?"""
    store = DraftStore(tmp_path)
    old, new = DraftStore.new_key(), DraftStore.new_key()
    store.save(old, Intervisie())
    store.save(new, Intervisie())
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(tmp_path / f"{old}.json", (two_days_ago, two_days_ago))
    assert store.prune() == 1
    assert store.load(old) is None and store.load(new) is not None
