"""Starting the kit's Voilà server with the kit's settings and template.

The settings (``lco_kit/data/voila/voila.json``) and the template
(``lco_kit/templates/``) are found through Jupyter's own search paths, which this module
points at the package, so the kit behaves the same whichever folder it is started from.
"""

from __future__ import annotations

import errno
import os
import socket
import sys
import threading
import time
import urllib.request
import webbrowser
from dataclasses import dataclass
from pathlib import Path

from lco_kit.content import content_dirs
from lco_kit.errors import LcoError

__all__ = [
    "START_PAGE",
    "ServerPlan",
    "check_port",
    "plan_server",
    "serve",
    "settings_dir",
    "templates_dir",
]

_PACKAGE = Path(__file__).resolve().parent
START_PAGE = "00_start.ipynb"


def settings_dir() -> Path:
    """Return the folder holding the kit's ``voila.json``."""
    return _PACKAGE / "data" / "voila"


def templates_dir() -> Path:
    """Return the folder that holds the kit's Voilà and nbconvert templates."""
    return _PACKAGE / "templates"


def check_port(host: str, port: int) -> None:
    """Make sure the port can be used.

    Raises:
        LcoError: In Dutch, when another program already listens on the port.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno in {errno.EADDRINUSE, errno.EACCES}:
                raise LcoError(
                    f"Poort {port} is al in gebruik door een ander programma "
                    "(misschien draait de kit al?). Kies een andere poort, "
                    f"bijvoorbeeld: lco-kit start --poort {port + 1}"
                ) from None
            raise LcoError(f"Poort {port} kan niet gebruikt worden: {error.strerror}.") from None


@dataclass(frozen=True)
class ServerPlan:
    """Everything needed to start Voilà: arguments, environment, and the start page address."""

    argv: list[str]
    env: dict[str, str]
    start_url: str
    probe_url: str


def plan_server(port: int, host: str = "127.0.0.1", notebooks: Path | None = None) -> ServerPlan:
    """Return how Voilà is to be started for the kit.

    Args:
        port: The TCP port.
        host: The address to listen on (localhost unless serving a room).
        notebooks: The folder of pages (default: the kit's ``notebooks/``).
    """
    folder = notebooks or content_dirs("notebooks")[0]
    shown_host = "127.0.0.1" if host in {"127.0.0.1", "localhost"} else host
    base = f"http://{shown_host}:{port}"
    env = {
        "LCO_KIT_PUBLIC_URL": base,
        "JUPYTER_CONFIG_PATH": _prepend(str(settings_dir()), os.environ.get("JUPYTER_CONFIG_PATH")),
        "JUPYTER_PATH": _prepend(str(templates_dir()), os.environ.get("JUPYTER_PATH")),
    }
    argv = [
        str(folder),
        f"--port={port}",
        f"--Voila.ip={host}",
        "--no-browser",
        "--Voila.log_level=WARN",
    ]
    return ServerPlan(
        argv=argv,
        env=env,
        start_url=f"{base}/voila/render/{START_PAGE}",
        probe_url=f"http://127.0.0.1:{port}/voila/static/voila.js",
    )


def _prepend(path: str, existing: str | None) -> str:
    return path if not existing else os.pathsep.join([path, existing])


def serve(port: int = 8866, *, open_browser: bool = True, host: str = "127.0.0.1") -> None:
    """Serve the kit with Voilà until interrupted; print the start page's address."""
    check_port(host, port)
    plan = plan_server(port, host)
    os.environ.update(plan.env)
    # jsonschema imports rfc3987_syntax for one IRI format check the kit never uses;
    # that import alone costs about two seconds of every start (jsonschema#1428).
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    threading.Thread(target=_announce, args=(plan, open_browser), daemon=True).start()
    from voila.app import Voila  # noqa: PLC0415  (slow import, only when serving)

    print("De kit start op… (stoppen: Ctrl+C)", flush=True)
    Voila.launch_instance(argv=plan.argv)


def _announce(plan: ServerPlan, open_browser: bool) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(plan.probe_url, timeout=2):  # noqa: S310  (our own localhost URL)
                break
        except OSError:
            time.sleep(0.2)
    else:
        return
    print(f"\nDe kit draait. Open de startpagina in je browser:\n\n    {plan.start_url}\n", flush=True)
    if open_browser:
        webbrowser.open(plan.start_url)
