"""Where the kit keeps data, and how the environment points it elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from lco_kit import config


def test_data_dir_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Is the data folder the one LCO_KIT_DATA_DIR names, created when missing?"""
    target = tmp_path / "nieuw" / "map"
    monkeypatch.setenv("LCO_KIT_DATA_DIR", str(target))
    assert config.data_dir() == target and target.is_dir()
    assert config.log_file() == target / "lco-kit.log"


def test_default_database_is_sqlite_in_the_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Is the default store SQLite in the data folder, and LCO_KIT_DB honoured?"""
    monkeypatch.setenv("LCO_KIT_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("LCO_KIT_DB", raising=False)
    assert config.database_url() == f"sqlite:///{tmp_path / 'lco-kit.sqlite3'}"
    monkeypatch.setenv("LCO_KIT_DB", "postgresql+psycopg://x@localhost/y")
    assert config.database_url() == "postgresql+psycopg://x@localhost/y"


def test_content_override_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Is the facilitator's content folder None unless LCO_KIT_CONTENT_DIR names one?"""
    monkeypatch.delenv("LCO_KIT_CONTENT_DIR", raising=False)
    assert config.content_override_dir() is None
    monkeypatch.setenv("LCO_KIT_CONTENT_DIR", str(tmp_path))
    assert config.content_override_dir() == tmp_path


def test_tests_never_touch_the_real_data_folder() -> None:
    """Does the test run use its own temporary data folder?"""
    assert "lco-kit-test-" in str(config.data_dir())


def test_join_url_uses_the_public_address_and_token(monkeypatch: pytest.MonkeyPatch) -> None:
    """Does a join link use the server's public address and carry the room token when there is one?"""
    monkeypatch.setenv("LCO_KIT_PUBLIC_URL", "http://192.168.1.20:8866/")
    monkeypatch.delenv("LCO_KIT_TOKEN", raising=False)
    assert config.join_url("x.ipynb") == "http://192.168.1.20:8866/voila/render/x.ipynb"
    monkeypatch.setenv("LCO_KIT_TOKEN", "geheim")
    assert (
        config.join_url("x.ipynb", code="AB12")
        == "http://192.168.1.20:8866/voila/render/x.ipynb?code=AB12&token=geheim"
    )
