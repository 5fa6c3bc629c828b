"""``lco-kit gegevens``: where the data is, a backup, deleting everything, and the retention period."""

from __future__ import annotations

import sqlite3
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from lco_kit import config, server
from lco_kit.cli import main
from lco_kit.errors import LcoError
from lco_kit.reflectie.retention import purge_quiet_sessions, purge_sessions_older_than
from lco_kit.reflectie.store import ReflectieStore
from lco_kit.reflectie.tables import respondents_table, sessions_table

NOW = datetime(2027, 6, 1, 12, 0)


@pytest.fixture(autouse=True)
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Give the kit a data folder of its own, with the default SQLite store and no retention setting."""
    folder = tmp_path / "gegevens"
    monkeypatch.setenv("LCO_KIT_DATA_DIR", str(folder))
    monkeypatch.delenv("LCO_KIT_DB", raising=False)
    monkeypatch.delenv("LCO_KIT_BEWAARTERMIJN", raising=False)
    return folder


def age(store: ReflectieStore, code: str, days: int, answered_days: int | None = None, now: datetime = NOW) -> None:
    """Make a session look opened ``days`` before ``now`` (and its answers ``answered_days`` before)."""
    session = store.session(code)
    opened = now - timedelta(days=days)
    with store.engine.begin() as conn:
        conn.execute(update(sessions_table).where(sessions_table.c.id == session.id).values(aangemaakt_op=opened))
        moment = now - timedelta(days=answered_days if answered_days is not None else days)
        conn.execute(
            update(respondents_table)
            .where(respondents_table.c.sessie_id == session.id)
            .values(begonnen_op=moment, bijgewerkt_op=moment)
        )


def answered(store: ReflectieStore, title: str = "", casus: str | None = None) -> str:
    """Open a session with one answer from paper; return its code."""
    code = store.create_session("lco", title=title, casus=casus).session.code
    store.submit(code, "client", {"c_hoop": 4})
    return code


def test_where_names_the_data_folder_database_log_and_settings(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Does ‘gegevens waar’ show the real folder, database file, log file and retention period?"""
    assert main(["gegevens", "waar"]) == 0
    out = capsys.readouterr().out
    assert f"Gegevensmap van de kit: {data}" in out
    assert str(data / "lco-kit.sqlite3") in out
    assert str(data / "lco-kit.log") in out
    assert str(data / "instellingen.json") in out
    assert "180 dagen" in out


def test_backup_holds_a_readable_copy_of_the_answers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Does the backup zip hold the database (copied with the backup API, readable), the log and the settings?"""
    store = ReflectieStore()
    code = answered(store, "Overleg in de zetel")
    config.log_file().write_text("een regel\n", encoding="utf-8")
    config.set_retention_days(90)
    out = tmp_path / "kopie.zip"
    assert main(["gegevens", "backup", "--out", str(out)]) == 0
    assert "Reservekopie gemaakt" in capsys.readouterr().out
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        assert {"lco-kit.sqlite3", "lco-kit.log", "instellingen.json"} <= names
        assert not any(n.endswith(("-wal", "-shm")) for n in names)
        (tmp_path / "uit").mkdir()
        archive.extract("lco-kit.sqlite3", tmp_path / "uit")
    with sqlite3.connect(tmp_path / "uit" / "lco-kit.sqlite3") as copy:
        rows = copy.execute("SELECT code, titel FROM reflectie_sessies").fetchall()
    assert rows == [(code, "Overleg in de zetel")]


def test_backup_never_overwrites_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Is an existing backup file refused with a Dutch message, and left as it was?"""
    out = tmp_path / "bestaat.zip"
    out.write_text("van iemand", encoding="utf-8")
    assert main(["gegevens", "backup", "--out", str(out)]) == 1
    assert "bestaat al" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "van iemand"


def test_delete_asks_and_keeps_everything_without_the_typed_word(
    data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Does ‘gegevens verwijder’ keep everything when the person does not type ‘verwijder’?"""
    answered(ReflectieStore())
    monkeypatch.setattr("builtins.input", lambda _prompt: "ja")
    assert main(["gegevens", "verwijder"]) == 1
    assert "Niets verwijderd" in capsys.readouterr().out
    assert (data / "lco-kit.sqlite3").exists()


def test_delete_removes_everything_after_the_typed_word(
    data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """After typing ‘verwijder’, are the answers, the log and the settings gone, folder and all?"""
    answered(ReflectieStore())
    config.log_file().write_text("een regel\n", encoding="utf-8")
    config.set_retention_days(30)
    asked = []
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or " Verwijder ")
    assert main(["gegevens", "verwijder"]) == 0
    assert asked and "verwijder" in asked[0]
    assert "Verwijderd:" in capsys.readouterr().out
    assert not data.exists()


def test_delete_with_ja_asks_nothing(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Does ‘--ja’ delete without a question (for scripts)?"""
    answered(ReflectieStore())

    def no_question(_prompt: str) -> str:
        pytest.fail("--ja mag niets vragen")

    monkeypatch.setattr("builtins.input", no_question)
    assert main(["gegevens", "verwijder", "--ja"]) == 0
    assert not (data / "lco-kit.sqlite3").exists()


def test_delete_refuses_on_a_shared_database(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """On a shared PostgreSQL database without owners, is deleting refused in Dutch, with nothing touched?"""
    config.log_file().write_text("een regel\n", encoding="utf-8")
    monkeypatch.setenv("LCO_KIT_DB", "postgresql+psycopg://coordinator:geheim@databank.example/lco")
    assert main(["gegevens", "verwijder", "--ja"]) == 1
    err = capsys.readouterr().err
    assert "gedeelde databank" in err and "beheert" in err
    assert "geheim" not in err
    assert config.log_file().exists()


def test_retention_can_be_set_and_shown(capsys: pytest.CaptureFixture[str]) -> None:
    """Does ‘gegevens bewaartermijn 90’ store 90 days, and does the bare command show it?"""
    assert main(["gegevens", "bewaartermijn", "90"]) == 0
    assert main(["gegevens", "bewaartermijn"]) == 0
    assert "Bewaartermijn: 90 dagen." in capsys.readouterr().out
    assert config.retention_days() == 90


def test_retention_refuses_a_wrong_number(capsys: pytest.CaptureFixture[str]) -> None:
    """Is a negative or non-numeric period refused with a Dutch line, not a traceback?"""
    with pytest.raises(SystemExit) as stopped:
        main(["gegevens", "bewaartermijn", "veel"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "geen geheel aantal dagen" in err and "Traceback" not in err


def test_purge_removes_only_quiet_sessions_and_keeps_a_living_traject() -> None:
    """Are sessions quiet for over 180 days removed, while an old one whose casus had a recent follow-up stays?"""
    store = ReflectieStore()
    old = answered(store, "oud")
    recent = answered(store, "recent")
    late_answer = answered(store, "oud maar net beantwoord")
    old_in_traject = answered(store, "eerste LCO", casus="gezin-A")
    follow_up = answered(store, "opvolg-LCO", casus="gezin-A")
    age(store, old, 400)
    age(store, recent, 10)
    age(store, late_answer, 400, answered_days=20)
    age(store, old_in_traject, 400)
    age(store, follow_up, 30)
    removed = purge_sessions_older_than(store, 180, now=NOW)
    assert [s.code for s in removed] == [old]
    remaining = {store.session(c).titel for c in (recent, late_answer, old_in_traject, follow_up)}
    assert remaining == {"recent", "oud maar net beantwoord", "eerste LCO", "opvolg-LCO"}
    assert store.respondents(removed[0].id) == []
    assert purge_sessions_older_than(store, 0, now=NOW) == []


def test_start_applies_the_retention_period_with_a_dutch_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Does ‘lco-kit start’ remove sessions quiet longer than the period, and say so in the terminal?"""
    store = ReflectieStore()
    quiet = answered(store, "stil")
    kept = answered(store, "actief")
    age(store, quiet, 60, now=datetime.now(UTC).replace(tzinfo=None))
    monkeypatch.setenv("LCO_KIT_BEWAARTERMIJN", "30")
    served = []
    monkeypatch.setattr(server, "serve", lambda *args, **_kwargs: served.append(args))
    assert main(["start", "--geen-browser", "--poort", "8899"]) == 0
    out = capsys.readouterr().out
    assert served
    assert "Opgeruimd: 1 reflectiesessie waarin langer dan 30 dagen niets gebeurde" in out
    assert store.session(kept).titel == "actief"
    with pytest.raises(LcoError, match="geen sessie"):
        store.session(quiet)


def test_first_start_creates_no_database(data: Path) -> None:
    """Does applying the retention period on a first start leave no empty database behind?"""
    assert purge_quiet_sessions() == 0
    assert not (data / "lco-kit.sqlite3").exists()
