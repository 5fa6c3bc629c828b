"""Schema migrations of the reflection store: the baseline of b5a8019 upgraded keeps every answer."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from lco_kit.errors import LcoError
from lco_kit.reflectie import migrations
from lco_kit.reflectie.store import ReflectieStore
from lco_kit.reflectie.tables import metadata
from tests.reflectie.conftest import PostgresServer, new_postgres_database

BASELINE = Path(__file__).parents[1] / "data" / "reflectie" / "baseline-b5a8019.sqlite"
BASELINE_TABLES = ("reflectie_sessies", "reflectie_invullers", "reflectie_antwoorden")


def _rows(url: str, columns: dict[str, list[str]] | None = None) -> dict[str, list[tuple[Any, ...]]]:
    """Return every row of the baseline's tables (only the baseline's columns), ordered by id."""
    engine = create_engine(url)
    found: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as conn:
        for table in BASELINE_TABLES:
            names = (columns or {}).get(table) or [c["name"] for c in inspect(conn).get_columns(table)]
            listed = ", ".join(names)
            found[table] = [tuple(r) for r in conn.execute(text(f"SELECT {listed} FROM {table} ORDER BY id"))]  # noqa: S608  (names from the schema)
    engine.dispose()
    return found


def _baseline_columns() -> dict[str, list[str]]:
    with sqlite3.connect(BASELINE) as conn:
        return {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in BASELINE_TABLES}


def test_head_constant_is_the_scripts_head() -> None:
    """Is the head the store checks for the newest revision among the migration scripts?"""
    config = migrations._config(None)  # type: ignore[arg-type]
    assert ScriptDirectory.from_config(config).get_heads() == [migrations.HEAD]


def test_baseline_sqlite_upgraded_keeps_every_answer(tmp_path: Path) -> None:
    """Does opening the b5a8019 store upgrade it to the newest schema with every row and value kept?"""
    copy = tmp_path / "baseline.sqlite"
    shutil.copy(BASELINE, copy)
    url = f"sqlite:///{copy}"
    before = _rows(url)
    assert len(before["reflectie_antwoorden"]) > 50
    store = ReflectieStore(url)
    assert _rows(url, _baseline_columns()) == before
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(migrations.HEAD,)]
        owners = conn.execute("SELECT eigenaar FROM reflectie_sessies").fetchall()
    assert owners and all(o == (None,) for o in owners)
    lco = next(r for r in before["reflectie_sessies"] if r[3] == "lco")
    session = store.session(lco[1])
    records = store.respondents(session.id)
    assert sum(len(r.answers) for r in records) == len(before["reflectie_antwoorden"])


def test_empty_database_is_made_at_head_like_the_code(store_url: str) -> None:
    """Does an empty database come out with exactly the tables and columns the code describes?"""
    store = ReflectieStore(store_url)
    with store.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    assert differences == []
    assert version == migrations.HEAD


def test_store_with_traject_tables_but_no_version_is_upgraded(tmp_path: Path) -> None:
    """Is a store made between b5a8019 and the migrations (traject tables, no version) upgraded in place?"""
    copy = tmp_path / "tussen.sqlite"
    shutil.copy(BASELINE, copy)
    with sqlite3.connect(copy) as conn:
        conn.execute(
            "CREATE TABLE reflectie_trajecten (id INTEGER PRIMARY KEY, sleutel_hash VARCHAR(64) NOT NULL UNIQUE,"
            " traject_id VARCHAR(120), aangemaakt_op DATETIME NOT NULL)"
        )
        conn.execute("CREATE TABLE reflectie_traject_sessies (sessie_id INTEGER PRIMARY KEY, traject INTEGER NOT NULL)")
        conn.execute("INSERT INTO reflectie_trajecten VALUES (1, 'abc', NULL, '2026-01-01 10:00:00')")
    before = _rows(f"sqlite:///{copy}")
    ReflectieStore(f"sqlite:///{copy}")
    assert _rows(f"sqlite:///{copy}", _baseline_columns()) == before
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT sleutel_hash, eigenaar FROM reflectie_trajecten").fetchall() == [("abc", None)]


def test_foreign_tables_are_refused_in_dutch(tmp_path: Path) -> None:
    """Is a database whose reflection table lacks the baseline's columns refused, naming table and column?"""
    path = tmp_path / "vreemd.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE reflectie_sessies (id INTEGER PRIMARY KEY, code TEXT)")
    with pytest.raises(LcoError, match=r"tabel ‘reflectie_sessies’ de kolom\(men\) aangemaakt_op, casus"):
        ReflectieStore(f"sqlite:///{path}")
    missing = tmp_path / "half.sqlite"
    shutil.copy(BASELINE, missing)
    with sqlite3.connect(missing) as conn:
        conn.execute("DROP TABLE reflectie_antwoorden")
    with pytest.raises(LcoError, match="niet de tabel ‘reflectie_antwoorden’"):
        ReflectieStore(f"sqlite:///{missing}")


@pytest.mark.postgres
def test_baseline_upgraded_on_postgresql_keeps_every_answer(postgres_server: PostgresServer, tmp_path: Path) -> None:
    """Do the baseline's rows, loaded into PostgreSQL at the baseline revision, survive the upgrade unchanged?"""
    url = new_postgres_database(postgres_server)
    raw = _rows(f"sqlite:///{BASELINE}")
    reference_file = tmp_path / "baseline.sqlite"
    shutil.copy(BASELINE, reference_file)
    reference = ReflectieStore(f"sqlite:///{reference_file}")
    engine = create_engine(url)
    with engine.begin() as conn:
        command.upgrade(migrations._config(conn), migrations.BASELINE)
        assert set(inspect(conn).get_table_names()) == {*BASELINE_TABLES, "alembic_version"}
        for table in BASELINE_TABLES:
            names = _baseline_columns()[table]
            rows = [dict(zip(names, row, strict=True)) for row in raw[table]]
            for row in rows:  # SQLite keeps moments as text; PostgreSQL wants them typed
                for name, value in row.items():
                    if name.endswith("_op") and value is not None:
                        row[name] = datetime.fromisoformat(value)
            marks = ", ".join(f":{n}" for n in names)
            conn.execute(text(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})"), rows)  # noqa: S608
    engine.dispose()
    store = ReflectieStore(url)
    after = _rows(url, _baseline_columns())
    assert {t: len(r) for t, r in after.items()} == {t: len(r) for t, r in raw.items()}
    assert [r[:4] for r in after["reflectie_antwoorden"]] == [r[:4] for r in raw["reflectie_antwoorden"]]
    for row in raw["reflectie_sessies"]:
        code = row[1]
        assert store.respondents(store.session(code).id) == reference.respondents(reference.session(code).id)
