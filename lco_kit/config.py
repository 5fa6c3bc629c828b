"""Where the kit keeps things on this computer, and how a user can point it elsewhere.

Every setting has one environment variable, so the command line, every Voilà kernel
and the tests agree without passing arguments around:

- ``LCO_KIT_DATA_DIR`` — the per-user data folder (reflection answers, logs).
- ``LCO_KIT_CONTENT_DIR`` — a facilitator's own content folder that adds to or
  overrides the kit's casussen, exercises and data files.
- ``LCO_KIT_DB`` — an SQLAlchemy URL for the reflection store (default: SQLite in
  the data folder).
- ``LCO_KIT_PUBLIC_URL`` and ``LCO_KIT_TOKEN`` — set by ``lco-kit start`` for its kernels:
  the address participants use to reach this server, and the room's access token.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlencode

import platformdirs

__all__ = ["content_override_dir", "data_dir", "database_url", "join_url", "log_file", "participant_url"]

APP_NAME = "lco-kit"


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

    Uses ``LCO_KIT_PUBLIC_URL`` (set by ``lco-kit start``; on a room network it is the
    laptop's network address) and adds the room's token when there is one.

    Args:
        page: The notebook's file name, e.g. ``"40_reflectie_invullen.ipynb"``.
        params: Query parameters, e.g. ``code="K7P2QX"``.

    Examples:
        >>> from unittest import mock
        >>> with mock.patch.dict(os.environ, {"LCO_KIT_PUBLIC_URL": "http://192.168.1.20:8866", "LCO_KIT_TOKEN": ""}):
        ...     join_url("40_reflectie.ipynb", code="K7P2QX")
        'http://192.168.1.20:8866/voila/render/40_reflectie.ipynb?code=K7P2QX'
    """
    return _public_address(f"voila/render/{page}", dict(params))


def participant_url(code: str = "") -> str:
    """Return the address of the light participant page (for a QR code), with the room's token.

    Phones land there without a kernel each; with a session code they go straight to it.

    Examples:
        >>> os.environ["LCO_KIT_PUBLIC_URL"] = "http://192.168.1.20:8866"
        >>> os.environ["LCO_KIT_TOKEN"] = ""
        >>> participant_url("K7P2QX")
        'http://192.168.1.20:8866/lco/deelnemen?code=K7P2QX'
    """
    return _public_address("lco/deelnemen", {"code": code} if code else {})


def _public_address(path: str, query: dict[str, str]) -> str:
    """Return ``path`` on the address others use (``LCO_KIT_PUBLIC_URL``), with the room's token."""
    base = os.environ.get("LCO_KIT_PUBLIC_URL", "http://127.0.0.1:8866").rstrip("/")
    token = os.environ.get("LCO_KIT_TOKEN")
    if token:
        query = {**query, "token": token}
    suffix = f"?{urlencode(query)}" if query else ""
    return f"{base}/{path}{suffix}"
