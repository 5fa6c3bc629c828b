"""Where the kit keeps things on this computer, and how a user can point it elsewhere.

Every setting has one environment variable, so the command line, every Voilà kernel
and the tests agree without passing arguments around:

- ``LCO_KIT_DATA_DIR`` — the per-user data folder (reflection answers, logs).
- ``LCO_KIT_CONTENT_DIR`` — a facilitator's own content folder that adds to or
  overrides the kit's casussen, exercises and data files.
- ``LCO_KIT_DB`` — an SQLAlchemy URL for the reflection store (default: SQLite in
  the data folder).
- ``LCO_KIT_BEWAARTERMIJN`` — after how many days without activity a reflection session
  is removed at start (default 180; ``lco-kit gegevens bewaartermijn N`` stores it in the
  data folder's ``instellingen.json``; 0 keeps everything).
- ``LCO_KIT_PUBLIC_URL`` and ``LCO_KIT_TOKEN`` — set by ``lco-kit start`` for its kernels:
  the address participants use to reach this server, and the room's access token. Unset (under
  ``jupyter server``), the address is the one the page was requested at (:func:`public_base_url`).
- ``LCO_KIT_DEELNAME_URL`` — on a shared server, the public participant service's address
  (the QR code then carries the session's join token).
- ``LCO_KIT_EIGENAAR`` and ``LCO_KIT_ROL`` — whose sessions this kit opens, and the province
  role (see :mod:`lco_kit.reflectie.owners`; on a JupyterHub the owner is the hub user).

An SQLite store on a network file system (NFS, SMB …, common for home folders on a shared
server) is refused: its locking is not safe there (:func:`check_sqlite_location`).
"""

from __future__ import annotations

import json
import logging
import logging.handlers
import os
import re
import secrets
import sys
import threading
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import platformdirs

from lco_kit.errors import LcoError

__all__ = [
    "DEFAULT_RETENTION_DAYS",
    "LOG_BACKUPS",
    "LOG_MAX_BYTES",
    "capture_stderr_in_log",
    "check_sqlite_location",
    "content_override_dir",
    "data_dir",
    "database_url",
    "join_tokens_used",
    "join_url",
    "log_file",
    "log_handler",
    "log_unexpected",
    "network_filesystem",
    "participant_url",
    "public_base_url",
    "retention_days",
    "set_retention_days",
    "settings_file",
    "sqlite_path",
]

APP_NAME = "lco-kit"
DEFAULT_RETENTION_DAYS = 180
"""Reflection sessions quiet for longer than this many days are removed at start."""
MAX_RETENTION_DAYS = 3650
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5
"""The log keeps at most LOG_BACKUPS older files of LOG_MAX_BYTES each beside the current one."""


def data_dir() -> Path:
    """Return the per-user data folder, creating it when needed.

    Returns:
        ``$LCO_KIT_DATA_DIR`` when set, else the platform's user data folder.
    """
    configured = os.environ.get("LCO_KIT_DATA_DIR")
    folder = Path(configured) if configured else Path(platformdirs.user_data_dir(APP_NAME))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def content_override_dir() -> Path | None:
    """Return the facilitator's own content folder, or None when there is none."""
    configured = os.environ.get("LCO_KIT_CONTENT_DIR")
    return Path(configured) if configured else None


def database_url() -> str:
    """Return the reflection store's SQLAlchemy URL (``LCO_KIT_DB`` or SQLite in the data folder)."""
    configured = os.environ.get("LCO_KIT_DB")
    if configured:
        return configured
    return f"sqlite:///{data_dir() / 'lco-kit.sqlite3'}"


def log_file() -> Path:
    """Return the log file that pages write unexpected errors to."""
    return data_dir() / "lco-kit.log"


def join_url(page: str, **params: str) -> str:
    """Return the address at which others reach a page of this server (for a QR code or a link).

    A configured public address wins (``LCO_KIT_PUBLIC_URL``, set by ``lco-kit start``; with
    ``--lan`` it is the laptop's network address); else, under ``jupyter server`` (Binder, a
    JupyterHub user server), the address of the request that opened this page, so the other page
    sits beside it at any base URL. Adds the room's token when there is one.

    Args:
        page: The notebook's file name, e.g. ``"40_reflectie_invullen.ipynb"``.
        params: Query parameters, e.g. ``code="K7P2QX"``.

    Examples:
        >>> from unittest import mock
        >>> with mock.patch.dict(os.environ, {"LCO_KIT_PUBLIC_URL": "http://192.168.1.20:8866", "LCO_KIT_TOKEN": ""}):
        ...     join_url("40_reflectie.ipynb", code="K7P2QX")
        'http://192.168.1.20:8866/voila/render/40_reflectie.ipynb?code=K7P2QX'
    """
    if not os.environ.get("LCO_KIT_PUBLIC_URL", "").strip():
        page_folder = _request_page_folder()
        if page_folder is not None:
            return _with_query(page_folder + page, dict(params))
    return _public_address(f"voila/render/{page}", dict(params))


def participant_url(code: str = "", join_token: str = "") -> str:
    """Return the address of the light participant page (for a QR code), with the room's token.

    Phones land there without a kernel each; with a session code they go straight to it. On a
    shared server (``LCO_KIT_DEELNAME_URL``: the public participant service of a JupyterHub)
    the address is the service's and carries the session's join token ``t`` instead.

    Examples:
        >>> from unittest import mock
        >>> with mock.patch.dict(os.environ, {"LCO_KIT_PUBLIC_URL": "http://192.168.1.20:8866", "LCO_KIT_TOKEN": ""}):
        ...     participant_url("K7P2QX")
        'http://192.168.1.20:8866/lco/deelnemen?code=K7P2QX'
    """
    service = os.environ.get("LCO_KIT_DEELNAME_URL", "").strip()
    if service:
        query = {"code": code, "t": join_token} if code and join_token else {"code": code} if code else {}
        return service.rstrip("/") + "/lco/deelnemen" + (f"?{urlencode(query)}" if query else "")
    return _public_address("lco/deelnemen", {"code": code} if code else {})


def join_tokens_used() -> bool:
    """Return whether participants join through a public service that asks for a session's join token."""
    return bool(os.environ.get("LCO_KIT_DEELNAME_URL", "").strip())


LOCAL_ADDRESS = "http://127.0.0.1:8866"
"""Where ``lco-kit start`` listens by default: the last resort when nothing tells the address."""


def public_base_url() -> str:
    """Return the address (with the server's base URL) at which others reach this server, without ``/``.

    A configured ``LCO_KIT_PUBLIC_URL`` wins. Else, in a page's kernel under ``jupyter server``,
    Voilà tells the request (``VOILA_REQUEST_URL``: scheme and host as the visitor used them) and
    the server's base URL (``VOILA_BASE_URL``, e.g. ``/user/demo/`` on a JupyterHub). Else the
    address ``lco-kit start`` uses on this computer.

    Examples:
        >>> from unittest import mock
        >>> hub = {"LCO_KIT_PUBLIC_URL": "", "VOILA_BASE_URL": "/user/demo/",
        ...        "VOILA_REQUEST_URL": "https://hub.example.be/user/demo/voila/render/notebooks/00_start.ipynb"}
        >>> with mock.patch.dict(os.environ, hub):
        ...     public_base_url()
        'https://hub.example.be/user/demo'
    """
    configured = os.environ.get("LCO_KIT_PUBLIC_URL", "").strip()
    if configured:
        return configured.rstrip("/")
    origin = _request_origin()
    if origin is None:
        return LOCAL_ADDRESS
    base = "/" + os.environ.get("VOILA_BASE_URL", "/").strip("/")
    return (origin + base).rstrip("/")


def _request_origin() -> str | None:
    """Return ``scheme://host[:port]`` of the request that started this kernel, or None."""
    parts = urlsplit(os.environ.get("VOILA_REQUEST_URL", "").strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def _request_page_folder() -> str | None:
    """Return the full address of the folder holding the page whose request started this kernel, or None."""
    origin = _request_origin()
    if origin is None:
        return None
    path = urlsplit(os.environ["VOILA_REQUEST_URL"].strip()).path
    return origin + path[: path.rfind("/") + 1]


def _public_address(path: str, query: dict[str, str]) -> str:
    """Return ``path`` below the address others use (:func:`public_base_url`), with the room's token."""
    return _with_query(f"{public_base_url()}/{path}", query)


def _with_query(address: str, query: dict[str, str]) -> str:
    """Return ``address`` with ``query`` and the room's token (``LCO_KIT_TOKEN``) when there is one."""
    token = os.environ.get("LCO_KIT_TOKEN")
    if token:
        query = {**query, "token": token}
    suffix = f"?{urlencode(query)}" if query else ""
    return f"{address}{suffix}"


def sqlite_path() -> Path | None:
    """Return the reflection store's SQLite file, or None when the store is another database."""
    url = database_url()
    prefix = "sqlite:///"
    if not url.startswith(prefix) or url == prefix or ":memory:" in url:
        return None
    return Path(url[len(prefix) :].split("?", 1)[0])


NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "ceph", "glusterfs", "lustre", "gpfs",
        "beegfs", "davfs", "fuse.sshfs", "fuse.glusterfs", "fuse.cephfs", "fuse.s3fs", "fuse.rclone",
        "fuse.davfs2", "fuse.gcsfuse", "fuse.juicefs", "fuse.lizardfs", "fuse.moosefs",
    }
)  # fmt: skip
"""File systems on another machine, where SQLite's locks (and WAL's shared memory) are not safe."""


def _unescape_mount(field: str) -> str:
    """Return a mount table field with its octal escapes (a backslash and 040 for a space) undone."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


MOUNT_TABLE = Path("/proc/self/mounts")
"""Linux's list of what is mounted where (absent elsewhere: then nothing is refused)."""


def network_filesystem(path: Path, mounts: Path | None = None) -> str | None:
    """Return the network file system type a path lies on, or None (local, or no mount table).

    The mount that holds the path is the one with the longest mount point above it.
    """
    try:
        lines = (mounts or MOUNT_TABLE).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    target = Path(os.path.realpath(path))
    best: tuple[int, str] | None = None
    for line in lines:
        fields = line.split()
        if len(fields) < 3:  # noqa: PLR2004
            continue
        point = Path(_unescape_mount(fields[1]))
        if (target == point or point in target.parents) and (best is None or len(point.parts) >= best[0]):
            best = (len(point.parts), fields[2])
    if best is None:
        return None
    return best[1] if best[1].lower() in NETWORK_FILESYSTEMS else None


def check_sqlite_location(path: Path, mounts: Path | None = None) -> None:
    """Refuse, in Dutch, an SQLite store on a network file system.

    Raises:
        LcoError: When ``path`` lies on NFS, SMB or another network file system.
    """
    kind = network_filesystem(path, mounts)
    if kind is None:
        return

    raise LcoError(
        f"De reflectiegegevens zouden bewaard worden in ‘{path}’, maar die map staat op een netwerkschijf "
        f"({kind}). Een SQLite-bestand kan daar beschadigd raken als twee pagina’s tegelijk schrijven, dus de "
        "kit start zo niet. Kies een map op deze computer (LCO_KIT_DATA_DIR=/een/lokale/map), of laat de "
        "beheerder een PostgreSQL-databank instellen (LCO_KIT_DB=postgresql+psycopg://…)."
    )


def settings_file() -> Path:
    """Return the file in the data folder that keeps the facilitator's settings (the retention period)."""
    return data_dir() / "instellingen.json"


def _settings() -> dict[str, object]:
    try:
        loaded = json.loads(settings_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _valid_days(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        days = int(str(value).strip())
    except ValueError:
        return None
    return days if 0 <= days <= MAX_RETENTION_DAYS else None


def retention_days() -> int:
    """Return after how many quiet days a reflection session is removed (0: never).

    ``LCO_KIT_BEWAARTERMIJN`` wins, then the setting stored by ``lco-kit gegevens
    bewaartermijn``, then :data:`DEFAULT_RETENTION_DAYS`. A value that is not a whole number
    of days from 0 to 3650 counts as not set.

    Examples:
        >>> from unittest import mock
        >>> with mock.patch.dict(os.environ, {"LCO_KIT_BEWAARTERMIJN": "90"}):
        ...     retention_days()
        90
    """
    for value in (os.environ.get("LCO_KIT_BEWAARTERMIJN"), _settings().get("bewaartermijn_dagen")):
        days = _valid_days(value) if value not in (None, "") else None
        if days is not None:
            return days
    return DEFAULT_RETENTION_DAYS


def set_retention_days(days: int) -> Path:
    """Store the retention period in the data folder's settings file; return that file.

    Raises:
        ValueError: When ``days`` is not a whole number from 0 to 3650.
    """
    if _valid_days(days) != days:
        raise ValueError(f"days must be a whole number from 0 to {MAX_RETENTION_DAYS}, not {days!r}")
    settings = _settings()
    settings["bewaartermijn_dagen"] = days
    path = settings_file()
    path.write_text(json.dumps(settings, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def log_handler() -> logging.Handler:
    """Return a handler that writes to the kit's log and rotates it (LOG_BACKUPS files of LOG_MAX_BYTES)."""
    handler = logging.handlers.RotatingFileHandler(
        log_file(), maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    return handler


def capture_stderr_in_log() -> Path:
    """Send this process's standard error (and its child processes') through the rotating log.

    A server sends the kernels' technical messages here; writing them through one
    rotating handler keeps the log from growing without limit, however long it runs.

    Returns:
        The log file.
    """
    handler = log_handler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    read_end, write_end = os.pipe()
    os.dup2(write_end, 2)
    os.close(write_end)

    def pump() -> None:
        with os.fdopen(read_end, "rb") as pipe:
            for line in pipe:
                text = line.decode("utf-8", "replace").rstrip("\n")
                handler.emit(logging.makeLogRecord({"msg": text, "levelno": logging.INFO}))

    threading.Thread(target=pump, name="lco-kit-log", daemon=True).start()
    return log_file()


def log_unexpected(context: str) -> str:
    """Log the exception being handled to the kit's log file; return a short reference.

    The reference is shown to the user, so that what they report can be found in the log.
    Call it only inside an ``except`` block. The entry goes straight to the log's handler:
    a library that configures logging (and switches existing loggers off, as
    ``logging.config.dictConfig`` does by default) cannot swallow it.
    """
    logger = logging.getLogger("lco_kit")
    target = log_file().resolve()
    kept = [h for h in logger.handlers if isinstance(h, logging.FileHandler)]
    current: logging.Handler | None = next((h for h in kept if Path(h.baseFilename).resolve() == target), None)
    if current is None:
        for old in kept:  # the data folder moved (another LCO_KIT_DATA_DIR): write where it is now
            logger.removeHandler(old)
            old.close()
        current = log_handler()  # rotates: the log never grows without limit
        logger.addHandler(current)
    handler = current
    reference = secrets.token_hex(3).upper()
    record = logger.makeRecord(logger.name, logging.ERROR, __file__, 0, "[%s] %s", (reference, context), sys.exc_info())
    handler.handle(record)
    return reference
