"""Where the kit keeps data, and how the environment points it elsewhere."""

from __future__ import annotations

import logging
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


def test_sqlite_path_is_the_local_file_or_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Is the store's SQLite file named, and None for a shared PostgreSQL database?"""
    monkeypatch.setenv("LCO_KIT_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("LCO_KIT_DB", raising=False)
    assert config.sqlite_path() == tmp_path / "lco-kit.sqlite3"
    monkeypatch.setenv("LCO_KIT_DB", "postgresql+psycopg://x@localhost/y")
    assert config.sqlite_path() is None


def test_retention_period_default_setting_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Is the retention 180 days by default, the stored setting next, and LCO_KIT_BEWAARTERMIJN first?"""
    monkeypatch.setenv("LCO_KIT_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("LCO_KIT_BEWAARTERMIJN", raising=False)
    assert config.retention_days() == 180
    assert config.set_retention_days(60) == tmp_path / "instellingen.json"
    assert config.retention_days() == 60
    monkeypatch.setenv("LCO_KIT_BEWAARTERMIJN", "7")
    assert config.retention_days() == 7
    monkeypatch.setenv("LCO_KIT_BEWAARTERMIJN", "altijd")
    assert config.retention_days() == 60
    with pytest.raises(ValueError, match="whole number"):
        config.set_retention_days(-1)


def test_a_damaged_settings_file_falls_back_to_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Does a settings file that is not JSON give the default period instead of a crash?"""
    monkeypatch.setenv("LCO_KIT_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("LCO_KIT_BEWAARTERMIJN", raising=False)
    (tmp_path / "instellingen.json").write_text("{kapot", encoding="utf-8")
    assert config.retention_days() == 180
    assert config.set_retention_days(30) and config.retention_days() == 30


def test_log_rotates_and_keeps_five_older_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Does the log roll over at its size limit and keep at most LOG_BACKUPS older files?"""
    import logging

    monkeypatch.setenv("LCO_KIT_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(config, "LOG_MAX_BYTES", 2000)
    handler = config.log_handler()
    logger = logging.getLogger("lco_kit.test_rotation")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        for number in range(400):
            logger.warning("regel %03d met wat tekst om het logboek te vullen", number)
    finally:
        logger.removeHandler(handler)
        handler.close()
    logs = sorted(p.name for p in tmp_path.glob("lco-kit.log*"))
    assert logs == ["lco-kit.log", *(f"lco-kit.log.{n}" for n in range(1, config.LOG_BACKUPS + 1))]
    assert all(p.stat().st_size <= 2000 for p in tmp_path.glob("lco-kit.log*"))
    assert "regel 399" in (tmp_path / "lco-kit.log").read_text(encoding="utf-8")


def test_server_messages_go_through_the_rotating_log(tmp_path: Path) -> None:
    """Do a process's (and its children's) error messages land in the rotating log once captured?"""
    import os
    import subprocess
    import sys

    script = (
        "import subprocess, sys, time\n"
        "from lco_kit import config\n"
        "config.LOG_MAX_BYTES = 300\n"
        "config.capture_stderr_in_log()\n"
        "for n in range(40):\n"
        "    print(f'melding {n:02d} van de server', file=sys.stderr, flush=True)\n"
        "subprocess.run([sys.executable, '-c', 'import sys; print(\"melding van een kernel\", file=sys.stderr)'])\n"
        "time.sleep(0.5)\n"
    )
    env = {**os.environ, "LCO_KIT_DATA_DIR": str(tmp_path)}
    subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=60)
    current = (tmp_path / "lco-kit.log").read_text(encoding="utf-8")
    assert "melding van een kernel" in current
    assert (tmp_path / "lco-kit.log.1").exists()
    assert len(list(tmp_path.glob("lco-kit.log*"))) <= config.LOG_BACKUPS + 1


def test_readme_names_the_real_data_folder_of_each_system(monkeypatch: pytest.MonkeyPatch) -> None:
    """Does the README's uninstall table name the folders platformdirs really uses on Linux, macOS and Windows?"""
    from platformdirs.macos import MacOS
    from platformdirs.unix import Unix

    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    home = str(Path.home())
    assert f"`{Unix(config.APP_NAME).user_data_dir.replace(home, '~')}`" in readme
    assert f"`{MacOS(config.APP_NAME).user_data_dir.replace(home, '~')}`" in readme
    # Windows puts the app under its author, which defaults to the app's name.
    assert r"AppData\Local\lco-kit\lco-kit" in readme


def _mount_table(tmp_path: Path, lines: list[str]) -> Path:
    table = tmp_path / "mounts"
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return table


def test_network_filesystem_found_from_the_longest_mount_point(tmp_path: Path) -> None:
    """Is a path under an NFS or SMB mount recognised, a local path under it not, and a space decoded?"""
    table = _mount_table(
        tmp_path,
        [
            "/dev/sda1 / ext4 rw 0 0",
            "fileserver:/home /home nfs4 rw,relatime 0 0",
            "/dev/sdb1 /home/lokaal ext4 rw 0 0",
            "//nas/gedeeld /mnt/gedeelde\\040map cifs rw 0 0",
        ],
    )
    assert config.network_filesystem(Path("/home/an/lco-kit.sqlite3"), table) == "nfs4"
    assert config.network_filesystem(Path("/home/lokaal/lco-kit.sqlite3"), table) is None
    assert config.network_filesystem(Path("/mnt/gedeelde map/x.sqlite3"), table) == "cifs"
    assert config.network_filesystem(Path("/var/lib/x.sqlite3"), table) is None
    assert config.network_filesystem(Path("/home/an/x"), tmp_path / "geen-tabel") is None


def test_sqlite_store_on_nfs_is_refused_in_dutch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Does opening an SQLite store on a network share stop with a Dutch explanation naming the folder and a way out?"""
    from lco_kit.errors import LcoError
    from lco_kit.reflectie.store import ReflectieStore

    share = tmp_path / "thuismap"
    share.mkdir()
    real = Path(share).resolve()
    monkeypatch.setattr(
        config, "MOUNT_TABLE", _mount_table(tmp_path, ["/dev/sda1 / ext4 rw 0 0", f"srv:/h {real} nfs rw 0 0"])
    )
    with pytest.raises(LcoError) as refused:
        ReflectieStore(f"sqlite:///{share / 'lco-kit.sqlite3'}")
    message = str(refused.value)
    assert "netwerkschijf (nfs)" in message
    assert str(share / "lco-kit.sqlite3") in message
    assert "LCO_KIT_DATA_DIR" in message and "PostgreSQL" in message
    assert not (share / "lco-kit.sqlite3").exists()
    local = tmp_path / "lokaal"
    local.mkdir()
    ReflectieStore(f"sqlite:///{local / 'lco-kit.sqlite3'}")
    assert (local / "lco-kit.sqlite3").exists()


def test_participant_url_on_a_hub_is_the_public_service_with_the_join_token(monkeypatch: pytest.MonkeyPatch) -> None:
    """With LCO_KIT_DEELNAME_URL set, does the QR address lead to the public service and carry the token?"""
    monkeypatch.setenv("LCO_KIT_PUBLIC_URL", "http://127.0.0.1:8866")
    monkeypatch.delenv("LCO_KIT_DEELNAME_URL", raising=False)
    assert not config.join_tokens_used()
    assert config.participant_url("K7P2QX", "TOKEN") == "http://127.0.0.1:8866/lco/deelnemen?code=K7P2QX"
    monkeypatch.setenv("LCO_KIT_DEELNAME_URL", "https://hub.provincie.be/services/lco-deelnemen/")
    assert config.join_tokens_used()
    assert config.participant_url("K7P2QX", "ABCDEF234567") == (
        "https://hub.provincie.be/services/lco-deelnemen/lco/deelnemen?code=K7P2QX&t=ABCDEF234567"
    )
    assert config.participant_url() == "https://hub.provincie.be/services/lco-deelnemen/lco/deelnemen"


HUB_PAGE = "https://hub.example.be/user/demo/voila/render/notebooks/41_reflectie_begeleider.ipynb?x=1"


@pytest.fixture
def no_address(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """An environment that names no public address, request or token."""
    for name in ("LCO_KIT_PUBLIC_URL", "LCO_KIT_TOKEN", "LCO_KIT_DEELNAME_URL", "VOILA_REQUEST_URL", "VOILA_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_configured_public_address_wins_over_the_request(no_address: pytest.MonkeyPatch) -> None:
    """Does a configured public address (lco-kit start --lan) win over the host the page was requested at?"""
    no_address.setenv("LCO_KIT_PUBLIC_URL", "http://192.168.1.20:8866/")
    no_address.setenv("VOILA_REQUEST_URL", HUB_PAGE)
    no_address.setenv("VOILA_BASE_URL", "/user/demo/")
    assert config.participant_url("K7P2QX") == "http://192.168.1.20:8866/lco/deelnemen?code=K7P2QX"
    assert (
        config.join_url("40_reflectie_invullen.ipynb")
        == "http://192.168.1.20:8866/voila/render/40_reflectie_invullen.ipynb"
    )


def test_without_configured_address_the_request_host_and_base_url_are_used(no_address: pytest.MonkeyPatch) -> None:
    """Under jupyter server, do the light page and a page's link use the request's host, base URL and folder?"""
    no_address.setenv("VOILA_REQUEST_URL", HUB_PAGE)
    no_address.setenv("VOILA_BASE_URL", "/user/demo/")
    assert config.participant_url("K7P2QX") == "https://hub.example.be/user/demo/lco/deelnemen?code=K7P2QX"
    assert (
        config.join_url("40_reflectie_invullen.ipynb", code="K7P2QX")
        == "https://hub.example.be/user/demo/voila/render/notebooks/40_reflectie_invullen.ipynb?code=K7P2QX"
    )


def test_request_at_the_root_base_url_keeps_a_single_slash(no_address: pytest.MonkeyPatch) -> None:
    """With base URL ‘/’ and a port in the request, is the light page's address without a double slash?"""
    no_address.setenv("VOILA_REQUEST_URL", "http://10.0.0.5:8888/voila/render/00_start.ipynb")
    no_address.setenv("VOILA_BASE_URL", "/")
    assert config.participant_url() == "http://10.0.0.5:8888/lco/deelnemen"


def test_nothing_known_falls_back_to_this_computer(no_address: pytest.MonkeyPatch) -> None:
    """With no configured address and no usable request, is the address the one lco-kit start uses locally?"""
    assert config.participant_url() == "http://127.0.0.1:8866/lco/deelnemen"
    no_address.setenv("VOILA_REQUEST_URL", "not an address")
    assert config.join_url("00_start.ipynb") == "http://127.0.0.1:8866/voila/render/00_start.ipynb"


def test_an_unexpected_error_is_logged_where_the_data_folder_is_now(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Is an unexpected error logged, with its reference, in the current data folder's log, also after it moved?"""
    references = []
    for folder in (tmp_path / "eerst", tmp_path / "daarna"):
        monkeypatch.setenv("LCO_KIT_DATA_DIR", str(folder))
        try:
            _ = 1 / 0
        except ZeroDivisionError:
            references.append(config.log_unexpected(f"proef in {folder.name}"))
    first, second = references
    assert first != second
    log_first = (tmp_path / "eerst" / "lco-kit.log").read_text(encoding="utf-8")
    log_second = (tmp_path / "daarna" / "lco-kit.log").read_text(encoding="utf-8")
    assert first in log_first and "ZeroDivisionError" in log_first and second not in log_first
    assert second in log_second and "proef in daarna" in log_second


def test_an_unexpected_error_is_logged_even_when_a_library_switched_the_loggers_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Is the kit's error log written also after a dictConfig that disables existing loggers (as Jupyter apps may)?"""
    monkeypatch.setenv("LCO_KIT_DATA_DIR", str(tmp_path))
    logger = logging.getLogger("lco_kit")
    monkeypatch.setattr(logger, "disabled", True)
    try:
        _ = 1 / 0
    except ZeroDivisionError:
        reference = config.log_unexpected("proef met uitgeschakelde loggers")
    log = (tmp_path / "lco-kit.log").read_text(encoding="utf-8")
    assert reference in log and "ZeroDivisionError" in log and "uitgeschakelde" in log
