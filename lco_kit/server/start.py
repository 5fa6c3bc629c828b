"""Starting the kit's Voilà server with the kit's settings and template.

The settings (``lco_kit/data/voila/voila.json``) and the template
(``lco_kit/templates/``) are found through Jupyter's own search paths, which this module
points at the package, so the kit behaves the same whichever folder it is started from.
"""

from __future__ import annotations

import errno
import logging.handlers
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
from typing import Any

from lco_kit.content import content_dirs
from lco_kit.errors import LcoError

__all__ = [
    "ROOM_FACILITATOR_PAGES",
    "ROOM_PAGES",
    "ROOM_SIZE",
    "START_PAGE",
    "ServerPlan",
    "check_port",
    "lan_address",
    "plan_server",
    "pool_sizes",
    "pools_ready",
    "refill_pools",
    "room_size",
    "serve",
    "settings_dir",
    "templates_dir",
]

_PACKAGE = Path(__file__).resolve().parent.parent
START_PAGE = "00_start.ipynb"
ROOM_PAGES = {START_PAGE: 1 / 15, "20_maatzorgprincipes.ipynb": 1 / 10, "30_rollenspel_oefenen.ipynb": 1 / 15}
"""The Voilà pages laptops in a room open together, with the share of the group each keeps ready.

Phones that scan a QR code land on the light participant page, which needs no kernel; only
laptops doing the lesson and the role-play open Voilà pages, a group of them at a time. Kept
kernels are refilled as they are used, so a pool need not hold the whole room."""
ROOM_FACILITATOR_PAGES = ("41_reflectie_begeleider.ipynb", "31_rollenspel_begeleider.ipynb")
"""In a room, the facilitator's own pages keep one kernel each; every other page starts its
kernel when it is opened (a few seconds), so the laptop's memory goes to the room."""
ROOM_REFILL_DELAY = 5.0
"""In a room, seconds before a used kernel is replaced: a room arriving at once is served first."""
ROOM_SIZE = 30
"""The group size ``lco-kit start --lan`` prepares for unless told otherwise."""
REFILL_SECONDS = 60
PAGE_CSP = "; ".join(
    [
        "default-src 'self'",
        # Voilà's front end runs inline set-up scripts (no eval: none is needed).
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self' ws: wss:",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)
"""What a Voilà page may load: only the kit's own server (a room may have no internet)."""
PAGE_HEADERS = {
    "Content-Security-Policy": PAGE_CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
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
        # As the server itself does: connections of a kit just stopped (TIME-WAIT) do not
        # keep the port, so a restart on the same port works at once.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
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
    pools: dict[str, dict[str, int]] | None = None
    join_url: str = ""


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
    return ServerPlan(
        argv=argv,
        env=env,
        start_url=f"{base}/voila/render/{START_PAGE}" + (f"?token={token}" if token else ""),
        probe_url=f"http://127.0.0.1:{port}/voila/static/voila.js",
        pools=pool_sizes(room) if room else None,
        join_url=f"{base}/lco/deelnemen" + (f"?token={token}" if token else ""),
    )


def room_size(lan: bool, room: int | None = None) -> int:
    """Return the group to keep kernels ready for: as asked, else 30 in a room and none alone."""
    if room is not None:
        return room
    return ROOM_SIZE if lan else 0


def pool_sizes(room: int) -> dict[str, dict[str, int]]:
    """Return Voilà's kernel pools for a group of ``room`` people.

    Alone on a laptop every page keeps one kernel ready (``voila.json``), so it opens about
    as fast as an empty page. In a room the memory goes to what the room opens together
    (:data:`ROOM_PAGES`: the start page and the role-play one per fifteen people, the lesson
    one per ten) and to the facilitator's pages; other pages start their kernel when opened.
    Phones answer on the light page and need none. Each kept kernel costs about 60–120 MB.

    Examples:
        >>> pool_sizes(30)["20_maatzorgprincipes.ipynb"]
        {'pool_size': 3}
        >>> pool_sizes(30)["default"]
        {'pool_size': 0}
    """
    pools = {"default": {"pool_size": 0}}
    for page in ROOM_FACILITATOR_PAGES:
        pools[page] = {"pool_size": 1}
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
    room: int | None = None,
    notebooks: Path | None = None,
    extra_args: Sequence[str] = (),
    quiet: bool = True,
    max_kernels: int | None = None,
) -> None:
    """Serve the kit with Voilà until interrupted; print the start page's address.

    Args:
        port: The TCP port.
        open_browser: Open the start page in this computer's browser once it is ready.
        lan: Serve the room: listen on the local network, protected by a fresh token.
        room: The size of the group to keep kernels ready for (default: 30 with ``lan``,
            otherwise none beyond one per page).
        notebooks: Serve another folder of pages (benchmarks add a baseline page this way).
        extra_args: More Voilà options (benchmarks compare kernel settings this way).
        quiet: Send the server's and kernels' technical (English) messages to the kit's log
            file instead of the terminal, which then shows only the kit's Dutch lines.
        max_kernels: The most kernels (Voilà pages open at once, kept ones included) the
            laptop runs; beyond it a page gets "Het is even druk". Default: 40% of the
            memory at ~110 MB a kernel, between 8 and 80 (0: no ceiling).
    """
    if lan:
        host, public_host, token = "0.0.0.0", lan_address(), secrets.token_urlsafe(9)  # noqa: S104
    else:
        host, public_host, token = "127.0.0.1", None, None
    check_port(host, port)
    plan = plan_server(port, host, notebooks, token=token, public_host=public_host, room=room_size(lan, room))
    os.environ.update(plan.env)
    log = _send_messages_to_log() if quiet else None
    # jsonschema imports rfc3987_syntax for one IRI format check the kit never uses;
    # that import alone costs about two seconds of every start (jsonschema#1428).
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    threading.Thread(target=_announce, args=(plan, open_browser), daemon=True).start()
    from lco_kit.server.app import KernelCeiling, KitVoila, default_ceiling  # noqa: PLC0415  (imports Voilà: slow)

    print("De kit start op… (stoppen: Ctrl+C)", flush=True)
    if log:
        print(f"Technische meldingen van de server komen in {log}", flush=True)
    KitVoila.kernel_ceiling = KernelCeiling(default_ceiling() if max_kernels is None else max_kernels)
    app = KitVoila.instance()
    try:
        app.initialize([*plan.argv, *extra_args])
    except SystemExit:
        print(f"De kit kon niet starten. Wat er misliep, staat in {log or 'de meldingen hierboven'}.", flush=True)
        raise
    from traitlets.config import Config  # noqa: PLC0415

    if plan.pools:
        app.update_config(
            Config({"VoilaKernelManager": {"kernel_pools_config": plan.pools, "fill_delay": ROOM_REFILL_DELAY}})
        )
    # The room's login cookie goes only with requests from the kit's own pages.
    app.update_config(Config({"IdentityProvider": {"cookie_options": {"samesite": "Lax"}}}))
    # jupyter_server renders its login page from its own (English) templates; the kit's
    # template folder goes first so the room sees a Dutch login page.
    app.tornado_settings = {
        **app.tornado_settings,
        "jinja2_env": _server_pages_env(),
        "headers": {**app.tornado_settings.get("headers", {}), **PAGE_HEADERS},
        "xsrf_cookie_kwargs": {"samesite": "Lax"},
    }
    from tornado.ioloop import PeriodicCallback  # noqa: PLC0415

    def refill() -> None:
        refill_pools(getattr(app, "kernel_manager", None))

    PeriodicCallback(refill, REFILL_SECONDS * 1000).start()
    if lan:

        def tell_when_ready() -> None:
            ready, total = pools_ready(getattr(app, "kernel_manager", None))
            if total and ready == total:
                print(f"Klaar voor de zaal: {ready} pagina's staan klaar voor de deelnemers.", flush=True)
                watcher.stop()

        watcher = PeriodicCallback(tell_when_ready, 2000)
        watcher.start()
    app.start()


def _send_messages_to_log() -> Path:
    """Point this process's standard error (and so the kernels' too) at the kit's log file."""
    from lco_kit import config  # noqa: PLC0415

    path = config.log_file()
    if path.exists() and path.stat().st_size > config.LOG_MAX_BYTES:
        # The kernels write straight to the file (a pipe through this process could hold them
        # up when the server is busy), so the log is rotated at each start instead.
        handler = config.log_handler()
        assert isinstance(handler, logging.handlers.RotatingFileHandler)
        handler.doRollover()
        handler.close()
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.dup2(handle, 2)
    os.close(handle)
    return path


def pools_ready(kernel_manager: object) -> tuple[int, int]:
    """Return how many kept kernels are ready, and how many are kept in all."""
    pools: dict[str, list[Any]] = getattr(kernel_manager, "_pools", None) or {}
    tasks = [task for pool in pools.values() for task in pool]
    return sum(1 for task in tasks if task.done()), len(tasks)


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

        print(
            f"Deelnemers in dezelfde zaal scannen deze code met hun gsm (of typen dit adres):\n\n    {plan.join_url}\n"
        )
        segno.make(plan.join_url, error="m").terminal(compact=True)
        print(
            "\nWie het adres niet heeft, komt niet binnen. De kit zet nu pagina's klaar voor de zaal; "
            "wacht tot je ‘Klaar voor de zaal’ ziet voor iedereen scant. Stoppen: Ctrl+C.\n",
            flush=True,
        )
    if open_browser:
        local = plan.start_url.replace(plan.env["LCO_KIT_PUBLIC_URL"], f"http://127.0.0.1:{_port_of(plan)}")
        webbrowser.open(local)


def _port_of(plan: ServerPlan) -> str:
    return next(a.split("=", 1)[1] for a in plan.argv if a.startswith("--port="))
