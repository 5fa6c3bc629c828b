"""The kit's Voilà settings in any Jupyter server (Binder, a JupyterHub user server, ``jupyter server``).

``lco-kit start`` runs Voilà itself and hands it ``lco_kit/data/voila/voila.json``. A Jupyter
server with the voila extension reads none of that: from ``voila.json`` it takes only
``VoilaConfiguration``, and the ``jupyter_server_config.d`` files the package installs can only
enable extensions. This extension fills the gap: when the server links its extensions (before
the kernel manager exists and before voila loads), it adds the kit's settings — the ``lco``
template, Dutch ``lang``, Dutch cell-error texts, the cell timeout, kernel culling — to the
server's configuration, each only where the host did not set it already (a hub admin's
setting wins). The template itself is installed into ``share/jupyter``; from a checkout (an
editable install) the checkout's template folder goes first on the search path.

Enabled by ``etc/jupyter/jupyter_server_config.d/lco_kit.json`` (installed with the package)::

    {"ServerApp": {"jpserver_extensions": {"lco_kit.hosting": true, "lco_kit.server": true}}}
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

__all__ = ["SERVER_ONLY_SETTINGS", "apply_kit_settings", "kit_settings"]

_PACKAGE = Path(__file__).resolve().parent
SETTINGS_FILE = _PACKAGE / "data" / "voila" / "voila.json"
TEMPLATES = _PACKAGE / "templates"

SERVER_ONLY_SETTINGS = {
    "Voila": None,  # the stand-alone application's own settings (port, tornado)
    "VoilaConfiguration": ("preheat_kernel", "default_pool_size"),  # kept kernels need lco-kit start
}
"""Settings of ``voila.json`` that only ``lco-kit start`` can honour: left out in a Jupyter server."""


def kit_settings() -> dict[str, dict[str, Any]]:
    """Return the kit's Voilà settings that also hold in a Jupyter server, per configurable class."""
    settings: dict[str, dict[str, Any]] = json.loads(SETTINGS_FILE.read_text(encoding="utf-8"))
    kept: dict[str, dict[str, Any]] = {}
    for section, values in settings.items():
        if section in SERVER_ONLY_SETTINGS and SERVER_ONLY_SETTINGS[section] is None:
            continue
        dropped = SERVER_ONLY_SETTINGS.get(section) or ()
        kept[section] = {key: value for key, value in values.items() if key not in dropped}
    return kept


def apply_kit_settings(config: Any) -> list[str]:
    """Add the kit's settings to a traitlets ``Config`` where the host left them unset.

    Returns:
        The settings added, as ``Class.name``.

    Examples:
        >>> from traitlets.config import Config
        >>> host = Config({"VoilaExecutor": {"timeout": 300}})
        >>> added = apply_kit_settings(host)
        >>> host.VoilaExecutor.timeout, host.VoilaExporter.language_code, "VoilaExecutor.timeout" in added
        (300, 'nl', False)
    """
    added = []
    for section, values in kit_settings().items():
        own = config[section]  # a traitlets Config creates the section when missing
        for key, value in values.items():
            if key not in own:
                own[key] = value
                added.append(f"{section}.{key}")
    return added


def template_search_path() -> str | None:
    """Return the folder to put first on ``JUPYTER_PATH``, or None when the installed template is the one.

    An installed wheel's copy in ``share/jupyter`` is found as is. From a checkout (an editable
    install) the checkout's own folder goes first, so an edited template is never hidden by a
    copy an earlier ``pip install -e`` left in the environment.
    """
    from jupyter_core.paths import jupyter_path  # noqa: PLC0415

    from_checkout = (_PACKAGE.parent / "pyproject.toml").is_file()
    installed = any(Path(folder, "templates", "lco", "index.html.j2").is_file() for folder in jupyter_path("voila"))
    return str(TEMPLATES) if from_checkout or not installed else None


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    """Tell Jupyter server where this extension is."""
    return [{"module": "lco_kit.hosting"}]


def _link_jupyter_server_extension(serverapp: Any) -> None:
    """Before anything is built: the kit's settings and template become the server's defaults."""
    added = apply_kit_settings(serverapp.config)
    extra = template_search_path()
    if extra is not None:
        current = os.environ.get("JUPYTER_PATH")
        os.environ["JUPYTER_PATH"] = extra + (os.pathsep + current if current else "")
    serverapp.log.info("lco-kit: Voilà-instellingen van de kit toegevoegd: %s", ", ".join(added) or "geen")


def _load_jupyter_server_extension(serverapp: Any) -> None:
    """Nothing more to add once the server runs (the light pages come from :mod:`lco_kit.server`)."""
    serverapp.log.debug("lco-kit: instellingen voor Voilà in deze server geladen")
