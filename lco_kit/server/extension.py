"""The light participant pages as a Jupyter server extension.

Under ``jupyter server`` (Binder, a JupyterHub user server) the kit's pages are served by the
voila extension; this extension adds the light participant pages at ``<base>/lco/deelnemen``,
behind the server's own login and XSRF checks. Enable it with::

    jupyter server --ServerApp.jpserver_extensions="{'lco_kit': True}"

(or the ``jupyter_server_config.d`` file the package installs).
"""

from __future__ import annotations

from typing import Any

from jupyter_server.base.handlers import JupyterHandler

from lco_kit.server.deelnemen import Participation, participant_routes

__all__ = ["load_jupyter_server_extension"]


def load_jupyter_server_extension(serverapp: Any) -> None:
    """Add the light pages to a running Jupyter server."""
    base = serverapp.base_url or "/"
    participation = Participation(base_url=base, start_page=f"{base.rstrip('/')}/voila/render/notebooks/00_start.ipynb")
    serverapp.web_app.add_handlers(".*$", participant_routes(participation, host=JupyterHandler))
    from lco_kit.reflectie import purge_quiet_sessions  # noqa: PLC0415

    purge_quiet_sessions()  # as `lco-kit start` does: sessions quiet past the retention period go
    serverapp.log.info("lco-kit: de deelnemerspagina staat op %slco/deelnemen", base)


_load_jupyter_server_extension = load_jupyter_server_extension
