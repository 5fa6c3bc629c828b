"""Starting the kit's Voilà server with the kit's settings and template.

The settings (``lco_kit/data/voila/voila.json``) and the template
(``lco_kit/templates/``) are found through Jupyter's own search paths, which this module
points at the package, so the kit behaves the same whichever folder it is started from.
"""

from __future__ import annotations

import errno
import json
import os
import secrets
import socket
import sys
import threading
import time
import urllib.request
import webbrowser
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lco_kit.content import content_dirs
from lco_kit.errors import LcoError

__all__ = [
    "ROOM_PAGES",
    "ROOM_SIZE",
    "START_PAGE",
    "ServerPlan",
    "check_port",
    "lan_address",
    "plan_server",
    "pool_sizes",
    "refill_pools",
    "serve",
    "settings_dir",
    "templates_dir",
]

_PACKAGE = Path(__file__).resolve().parent
START_PAGE = "00_start.ipynb"
ROOM_PAGES = {"40_reflectie_invullen.ipynb": 1.0, "20_maatzorgprincipes.ipynb": 0.5}
"""The pages a room opens at once, with the share of the group each keeps ready in a room."""
ROOM_SIZE = 30
"""The group size ``lco-kit start --lan`` prepares for unless told otherwise."""
REFILL_SECONDS = 60
"""How often the server tops up the pools of preheated kernels."""


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


def lan_address() -> str:
    """Return this computer's address on the local network (the one other devices can reach).

    No packet is sent: connecting a UDP socket only asks the system which interface it would use.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            address = str(probe.getsockname()[0])
        except OSError:
            address = "127.0.0.1"
    if address.startswith("127."):
        raise LcoError(
            "Deze computer lijkt niet met een netwerk verbonden. Verbind hem met de wifi of het "
            "netwerk van de zaal en start opnieuw met: lco-kit start --lan"
        )
    return address


def plan_server(
    port: int,
    host: str = "127.0.0.1",
    notebooks: Path | None = None,
    *,
    token: str | None = None,
    public_host: str | None = None,
    room: int = 0,
) -> ServerPlan:
    """Return how Voilà is to be started for the kit.

    Args:
        port: The TCP port.
        host: The address to listen on (localhost unless serving a room).
        notebooks: The folder of pages (default: the kit's ``notebooks/``).
        token: The room's access token; without it, no one else can reach the kit anyway
            (it listens on localhost only).
        public_host: The address others use (the laptop's network address in a room).
        room: The size of the group in the room: the pages a room opens at once keep that
            many kernels ready (0: one per page, as ``voila.json`` says).
    """
    folder = notebooks or content_dirs("notebooks")[0]
    shown_host = public_host or ("127.0.0.1" if host in {"127.0.0.1", "localhost", "0.0.0.0"} else host)  # noqa: S104
    base = f"http://{shown_host}:{port}"
    env = {
        "LCO_KIT_PUBLIC_URL": base,
        "LCO_KIT_TOKEN": token or "",
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
    if token:
        argv.append(f"--token={token}")
    if room:
        argv.append(f"--VoilaKernelManager.kernel_pools_config={json.dumps(pool_sizes(room))}")
    return ServerPlan(
        argv=argv,
        env=env,
        start_url=f"{base}/voila/render/{START_PAGE}" + (f"?token={token}" if token else ""),
        probe_url=f"http://127.0.0.1:{port}/voila/static/voila.js",
    )


def pool_sizes(room: int) -> dict[str, dict[str, int]]:
    """Return Voilà's kernel pools for a group of ``room`` people.

    Every page keeps one kernel ready, so it opens about as fast as an empty page; the pages
    a room opens at once keep one per person (the reflection answer page) or one per two
    people (the exercises, done in pairs or one after the other).
    """
    pools = {"default": {"pool_size": 1}}
    for page, share in ROOM_PAGES.items():
        pools[page] = {"pool_size": max(1, round(room * share))}
    return pools


def refill_pools(kernel_manager: object) -> int:
    """Top up every pool of preheated kernels; return how many kernels were asked for.

    Idle kernels are culled after half an hour, and Voilà then drops a culled kernel from
    its pool without starting another: a page first opened in the afternoon would start
    cold. The server calls this every minute.
    """
    pools: dict[str, list[object]] | None = getattr(kernel_manager, "_pools", None)
    fill = getattr(kernel_manager, "fill_if_needed", None)
    if pools is None or fill is None:
        return 0
    before = sum(len(pool) for pool in pools.values())
    for name in list(pools):
        fill(delay=0, notebook_name=name)
    return sum(len(pool) for pool in pools.values()) - before


def _prepend(path: str, existing: str | None) -> str:
    return path if not existing else os.pathsep.join([path, existing])


def serve(
    port: int = 8866,
    *,
    open_browser: bool = True,
    lan: bool = False,
    room: int = ROOM_SIZE,
    notebooks: Path | None = None,
    extra_args: Sequence[str] = (),
) -> None:
    """Serve the kit with Voilà until interrupted; print the start page's address.

    Args:
        port: The TCP port.
        open_browser: Open the start page in this computer's browser once it is ready.
        lan: Serve the room: listen on the local network, protected by a fresh token.
        room: With ``lan``, the size of the group to keep kernels ready for.
        notebooks: Serve another folder of pages (benchmarks add a baseline page this way).
        extra_args: More Voilà options (benchmarks compare kernel settings this way).
    """
    if lan:
        host, public_host, token = "0.0.0.0", lan_address(), secrets.token_urlsafe(9)  # noqa: S104
    else:
        host, public_host, token = "127.0.0.1", None, None
    check_port(host, port)
    plan = plan_server(port, host, notebooks, token=token, public_host=public_host, room=room if lan else 0)
    os.environ.update(plan.env)
    # jsonschema imports rfc3987_syntax for one IRI format check the kit never uses;
    # that import alone costs about two seconds of every start (jsonschema#1428).
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    threading.Thread(target=_announce, args=(plan, open_browser), daemon=True).start()
    from voila.app import Voila  # noqa: PLC0415  (slow import, only when serving)

    print("De kit start op… (stoppen: Ctrl+C)", flush=True)
    app = Voila.instance()
    app.initialize([*plan.argv, *extra_args])
    # jupyter_server renders its login page from its own (English) templates; the kit's
    # template folder goes first so the room sees a Dutch login page.
    app.tornado_settings = {**app.tornado_settings, "jinja2_env": _server_pages_env()}
    from tornado.ioloop import PeriodicCallback  # noqa: PLC0415

    def refill() -> None:
        refill_pools(getattr(app, "kernel_manager", None))

    PeriodicCallback(refill, REFILL_SECONDS * 1000).start()
    app.start()


def _server_pages_env() -> object:
    import jinja2  # noqa: PLC0415
    from jupyter_server import DEFAULT_TEMPLATE_PATH_LIST  # noqa: PLC0415

    own = templates_dir() / "voila" / "templates" / "lco"
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(own), *DEFAULT_TEMPLATE_PATH_LIST]),
        extensions=["jinja2.ext.i18n"],
        autoescape=True,
    )
    env.install_null_translations(newstyle=False)  # type: ignore[attr-defined]
    return env


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
    if plan.env.get("LCO_KIT_TOKEN"):
        import segno  # noqa: PLC0415  (only when serving a room)

        print("Deelnemers in dezelfde zaal scannen deze code met hun gsm (of typen het adres hierboven):\n")
        segno.make(plan.start_url, error="m").terminal(compact=True)
        print("\nWie het adres niet heeft, komt niet binnen. Stoppen: Ctrl+C.\n", flush=True)
    if open_browser:
        local = plan.start_url.replace(plan.env["LCO_KIT_PUBLIC_URL"], f"http://127.0.0.1:{_port_of(plan)}")
        webbrowser.open(local)


def _port_of(plan: ServerPlan) -> str:
    return next(a.split("=", 1)[1] for a in plan.argv if a.startswith("--port="))
