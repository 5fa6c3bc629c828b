"""Who owns a reflection session: one coördinator's own sessions on a shared database.

On a JupyterHub of a province every coördinator has their own kit, but all kits keep their
sessions in one PostgreSQL database. Every session and traject notes its **owner**
(``eigenaar``): the hub user (``JUPYTERHUB_USER``), else ``LCO_KIT_EIGENAAR``, else the
computer's user. A coördinator opens, exports and trends only their own sessions — even with
a casus label or a code someone else also uses. Sessions from before owners existed have
none; outside a hub they belong to whoever runs the kit alone, on a hub to nobody.

The **province role** (``LCO_KIT_ROL=provincie``, set by the hub's administrator) opens no
session at all: it sees counts across owners (:mod:`lco_kit.reflectie.provincie`), with
small groups hidden.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Mapping
from dataclasses import dataclass

from lco_kit.errors import LcoError

__all__ = ["ROLES", "Owner", "current_owner"]

ROLES = ("coordinator", "provincie")
_MAX_OWNER_LENGTH = 120


@dataclass(frozen=True)
class Owner:
    """The person a kit works for.

    Attributes:
        name: The owner noted on new sessions, or None (no user known).
        role: ``coordinator`` (own sessions) or ``provincie`` (only figures across owners).
        sees_ownerless: Whether sessions from before owners count as this person's own
            (true outside a hub, where one person uses the kit).
    """

    name: str | None
    role: str = "coordinator"
    sees_ownerless: bool = True

    @property
    def is_province(self) -> bool:
        """Return whether this is the province role (figures across owners, no sessions)."""
        return self.role == "provincie"


def _os_user() -> str | None:
    try:
        return getpass.getuser() or None
    except (KeyError, OSError):  # a container user without a name
        return None


def current_owner(environ: Mapping[str, str] | None = None) -> Owner:
    """Return the owner this kit works for, from the environment.

    Examples:
        >>> current_owner({"JUPYTERHUB_USER": "an"})
        Owner(name='an', role='coordinator', sees_ownerless=False)
        >>> current_owner({"LCO_KIT_EIGENAAR": "ocmw-genk", "LCO_KIT_ROL": "provincie"}).is_province
        True

    Raises:
        LcoError: For an unknown role or an owner name that is too long.
    """
    env = os.environ if environ is None else environ
    hub_user = env.get("JUPYTERHUB_USER", "").strip()
    name = hub_user or env.get("LCO_KIT_EIGENAAR", "").strip() or _os_user()
    if name is not None and len(name) > _MAX_OWNER_LENGTH:
        raise LcoError(f"De naam van de eigenaar is te lang (hoogstens {_MAX_OWNER_LENGTH} tekens).")
    role = env.get("LCO_KIT_ROL", "").strip().lower() or "coordinator"
    role = {"coördinator": "coordinator", "provincie": "provincie"}.get(role, role)
    if role not in ROLES:
        raise LcoError(f"LCO_KIT_ROL ‘{role}’ bestaat niet; kies coordinator of provincie.")
    return Owner(name=name, role=role, sees_ownerless=not hub_user)
