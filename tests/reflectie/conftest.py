"""Builders for the reflection tests: stores on SQLite and on a real, throwaway PostgreSQL server.

The PostgreSQL server is started once per test run on a free port, from Debian's binaries
(``/usr/lib/postgresql/*/bin``; ``make test`` installs them). PostgreSQL refuses to run as
root, so as root the server runs as the ``postgres`` system user. If it cannot start, the
tests fail with the reason: they never skip.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from lco_kit.reflectie.store import ReflectieStore


def _bin_dir() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[4]))
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    pytest.fail(
        "PostgreSQL ontbreekt (initdb niet gevonden): ‘make test’ installeert het via "
        "scripts/ensure-system-packages, of installeer het pakket ‘postgresql’."
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class PostgresServer:
    """A running throwaway server: its port and how to reach a database on it."""

    port: int

    def url(self, database: str = "postgres") -> str:
        """Return the SQLAlchemy URL of a database on this server."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"


def _run_as_owner(command: list[str], owner: pwd.struct_passwd | None) -> subprocess.CompletedProcess[str]:
    if owner is not None:
        command = ["runuser", "-u", owner.pw_name, "--", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """Start a throwaway PostgreSQL server on a free port; stop and remove it afterwards."""
    bin_dir = _bin_dir()
    root = Path(tempfile.mkdtemp(prefix="lco-kit-pg-"))
    owner = None
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            pytest.fail("De tests draaien als root, maar de systeemgebruiker ‘postgres’ bestaat niet.")
        os.chown(root, owner.pw_uid, owner.pw_gid)
    data = root / "data"
    port = _free_port()
    initdb = _run_as_owner(
        [str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"],
        owner,
    )
    if initdb.returncode != 0:
        pytest.fail(f"initdb mislukte:\n{initdb.stdout}\n{initdb.stderr}")
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
    start = _run_as_owner(
        [str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "server.log"), "-w", "start"],
        owner,
    )
    if start.returncode != 0:
        log = (root / "server.log").read_text(errors="replace") if (root / "server.log").exists() else ""
        pytest.fail(f"PostgreSQL startte niet:\n{start.stdout}\n{start.stderr}\n{log}")
    try:
        yield PostgresServer(port)
    finally:
        _run_as_owner([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], owner)
        shutil.rmtree(root, ignore_errors=True)


_DATABASES = itertools.count(1)


def new_postgres_database(server: PostgresServer) -> str:
    """Create an empty database on the server; return its URL."""
    from sqlalchemy import create_engine, text

    name = f"lco_test_{os.getpid()}_{next(_DATABASES)}"
    engine = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return server.url(name)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Return the URL of an empty store: an SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'reflectie.sqlite3'}"
    server = request.getfixturevalue("postgres_server")
    return new_postgres_database(server)


@pytest.fixture
def store(store_url: str) -> ReflectieStore:
    """Return an empty store on SQLite or PostgreSQL."""
    return ReflectieStore(store_url)
