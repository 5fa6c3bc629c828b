"""JupyterHub for a province: every coördinator their own kit, one PostgreSQL, participants without a login.

- Each coördinator logs in to the hub and gets a single-user server with the kit's pages
  (Voilà as a server extension, the light participant pages as the kit's extension).
- All kits keep reflection sessions in one PostgreSQL database (``LCO_KIT_DB``); every session
  notes its owner (the hub user), so a coördinator sees and exports only their own.
- Participants answer through the hub service ``lco-deelnemen`` at ``/services/lco-deelnemen/``:
  no hub login, only the light pages, and a session only with its join token (the QR code).

Settings come from the environment, so this file stays as it is (see README.md):

``LCO_KIT_DB``
    Required: the PostgreSQL address, e.g. ``postgresql+psycopg://lco:…@db.provincie.be/lco``.
``LCO_HUB_PUBLIEK_ADRES``
    The address people use to reach the hub, e.g. ``https://lco.provincie.be`` (the QR codes).
``LCO_HUB_BIND_URL``
    Where the hub's proxy listens (default ``http://:8000``).
``LCO_HUB_DIENST_POORT``
    The port of the participant service on this machine (default 8870).
``LCO_HUB_PROVINCIE``
    Hub users (comma-separated) who get the province role: figures across coördinatoren only.

The authenticator is the province's own choice (PAM, OAuth/Microsoft Entra, LDAP …); set it
below or in a second file that loads this one (``load_subconfig``), as the hub test does.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from lco_kit.content import content_dirs
from lco_kit.server.start import settings_dir, templates_dir

c: Any = get_config()  # type: ignore[name-defined]  # noqa: F821  (JupyterHub provides it)

HERE = Path(__file__).resolve().parent
DATABASE = os.environ.get("LCO_KIT_DB", "")
if not DATABASE.startswith("postgresql"):
    raise SystemExit(
        "Zet LCO_KIT_DB op het adres van de PostgreSQL-databank van de provincie "
        "(postgresql+psycopg://gebruiker:wachtwoord@server/databank): op een hub delen alle "
        "coördinatoren één databank, en een SQLite-bestand in een gedeelde thuismap is niet veilig."
    )
PUBLIC = os.environ.get("LCO_HUB_PUBLIEK_ADRES", "http://127.0.0.1:8000").rstrip("/")
SERVICE_PORT = int(os.environ.get("LCO_HUB_DIENST_POORT", "8870"))
PROVINCE_USERS = {u.strip() for u in os.environ.get("LCO_HUB_PROVINCIE", "").split(",") if u.strip()}
PAGES = content_dirs("notebooks")[0]
SERVICE = "lco-deelnemen"

c.JupyterHub.bind_url = os.environ.get("LCO_HUB_BIND_URL", "http://:8000")

# ---------------------------------------------------------------- each coördinator's server
# The single-user server from the hub's own Python, where the kit is installed.
c.Spawner.cmd = [sys.executable, "-m", "jupyterhub.singleuser"]
c.Spawner.notebook_dir = str(PAGES.parent)
c.Spawner.default_url = f"/voila/render/{PAGES.name}/00_start.ipynb"
c.Spawner.environment = {
    "LCO_KIT_DB": DATABASE,
    # The QR codes lead to the public service, with each session's join token.
    "LCO_KIT_DEELNAME_URL": f"{PUBLIC}/services/{SERVICE}/",
    "LCO_KIT_PUBLIC_URL": PUBLIC,
    # The kit's Voilà settings and template, and its server extension (the light pages).
    "JUPYTER_CONFIG_PATH": os.pathsep.join([str(HERE / "jupyter-config"), str(settings_dir())]),
    "JUPYTER_PATH": str(templates_dir()),
}


def _role(spawner: Any) -> None:
    """Give the province role to the users named in LCO_HUB_PROVINCIE."""
    if spawner.user.name in PROVINCE_USERS:
        spawner.environment["LCO_KIT_ROL"] = "provincie"


c.Spawner.pre_spawn_hook = _role

# ---------------------------------------------------------------- participants, without a login
c.JupyterHub.services = [
    {
        "name": SERVICE,
        "url": f"http://127.0.0.1:{SERVICE_PORT}",
        "command": [sys.executable, "-m", "lco_kit.server.service"],
        "environment": {
            "LCO_KIT_DB": DATABASE,
            # Every phone reaches the service through the hub's proxy on this machine.
            "LCO_KIT_TRUSTED_PROXIES": "127.0.0.1",
        },
        "display": False,
    }
]
