"""The reflection database: SQLite's settings, the default place, a Dutch message when it cannot be reached."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from lco_kit.errors import LcoError
from lco_kit.reflectie.store import ReflectieStore


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path: Path) -> None:
    """Is the SQLite file in WAL mode, and does every connection wait when it is busy?"""
    store = ReflectieStore(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    store.create_session()
    with sqlite3.connect(tmp_path / "r.sqlite3") as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar_one() == 30_000


def test_default_store_is_in_the_data_folder() -> None:
    """Without --db or LCO_KIT_DB, is the store an SQLite file in the kit's data folder?"""
    from lco_kit import config

    store = ReflectieStore()
    assert store.url == config.database_url()
    assert store.url.startswith("sqlite:///") and str(config.data_dir()) in store.url


def test_unreachable_database_is_a_dutch_error() -> None:
    """Does an address that cannot be opened give a Dutch message without the password?"""
    with pytest.raises(LcoError, match=re.escape("De databank ‘postgresql+psycopg://lco:***@127.0.0.1:1/x’ kan niet")):
        ReflectieStore("postgresql+psycopg://lco:geheim@127.0.0.1:1/x")
    with pytest.raises(LcoError, match="geen geldig adres"):
        ReflectieStore("dit is geen adres")
