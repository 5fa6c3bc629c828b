"""The kit's Voilà application: Voilà's pages, the light participant pages, and a kernel ceiling.

Voilà run on its own (what ``lco-kit start`` does) loads no Jupyter server extensions, so the
light pages go in through its own handler list. Three of Voilà's routes are replaced by the
kit's versions of the same handlers:

- a page that would need a new kernel while the laptop already runs its ceiling of kernels
  gets a calm Dutch "Het is even druk" page (HTTP 503) instead of running out of memory;
- ``/voila/query/<kernel>`` (how a preheated page learns its address) answers only the kit's
  own kernels on this computer or a request with the room's token;
- the kernels' pools are not refilled above the ceiling;
- kept kernels run their pages a few at a time (one core stays free): a laptop starting
  fifteen pages at once would run every page's cells so slowly that Voilà's cell time-out
  could strike, and the room would wait longer for the first page than for all of them.
"""

from __future__ import annotations

import asyncio
import logging
import os
from dataclasses import dataclass
from typing import Any

import tornado.web
import voila.app as voila_app
from jupyter_server.base.handlers import JupyterHandler
from voila.app import Voila
from voila.request_info_handler import RequestInfoSocketHandler
from voila.tornado.handler import TornadoVoilaHandler

from lco_kit.server.deelnemen import Participation, participant_routes

__all__ = ["KernelCeiling", "KitVoila", "default_ceiling"]

_LOG = logging.getLogger("lco_kit.server")
_KERNEL_BYTES = 110 * 2**20
"""What one page's kernel costs, measured with pandas and matplotlib loaded (about 60–110 MB)."""
_LOOPBACK = {"127.0.0.1", "::1"}
_PREHEAT_WAIT_S = 180


def default_ceiling(total_memory: int | None = None) -> int:
    """Return how many kernels the laptop may run: 40% of its memory, between 8 and 80.

    Examples:
        >>> default_ceiling(8 * 2**30)
        29
        >>> default_ceiling(2 * 2**30)
        8
    """
    if total_memory is None:
        try:
            total_memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
        except (ValueError, OSError, AttributeError):
            total_memory = 8 * 2**30
    return max(8, min(80, int(total_memory * 0.4 // _KERNEL_BYTES)))


@dataclass
class KernelCeiling:
    """The most kernels the server runs at once (0: no ceiling)."""

    limit: int

    def running(self, kernel_manager: Any) -> int:
        """Return how many kernels run now (kept ones included)."""
        try:
            return len(kernel_manager.list_kernel_ids())
        except AttributeError:
            return 0

    def refuses(self, kernel_manager: Any, notebook: str | None) -> bool:
        """Whether opening this page now would start a kernel above the ceiling."""
        if self.limit <= 0:
            return False
        get_pool_size = getattr(kernel_manager, "get_pool_size", None)
        if notebook and get_pool_size is not None and get_pool_size(notebook) > 0:
            return False  # a kept kernel is waiting for this page
        return self.running(kernel_manager) >= self.limit

    def hold_refills(self, kernel_manager: Any) -> None:
        """Keep Voilà from refilling its pools above the ceiling."""
        fill = getattr(kernel_manager, "fill_if_needed", None)
        if fill is None or getattr(fill, "_lco_held", False):
            return

        def fill_if_needed(*args: Any, **kwargs: Any) -> None:
            if self.limit > 0 and self.running(kernel_manager) >= self.limit:
                return
            fill(*args, **kwargs)

        fill_if_needed._lco_held = True  # type: ignore[attr-defined]
        kernel_manager.fill_if_needed = fill_if_needed


def _one_page_at_a_time_per_core(kernel_manager_class: type) -> type:
    """Return Voilà's kernel manager class whose kept kernels run their pages a few at a time."""
    # One core stays free for the server and the people already on a page.
    slots = asyncio.Semaphore(max(1, (os.cpu_count() or 2) - 1))

    class KitKernelManager(kernel_manager_class):
        async def _initialize(self, notebook_path: str, kernel_id: str | None = None, **kwargs: Any) -> Any:
            async with slots:
                content = await super()._initialize(notebook_path, kernel_id, **kwargs)
                if kernel_id is None and isinstance(content, dict) and "task" in content:
                    # A kept kernel: let it finish its page before the next one starts.
                    try:
                        await asyncio.wait_for(asyncio.shield(content["task"]), timeout=_PREHEAT_WAIT_S)
                    except Exception:
                        _LOG.warning("Een klaargezette pagina (%s) werd niet op tijd klaar.", notebook_path)
                return content

    return KitKernelManager


class BusyAwareVoilaHandler(TornadoVoilaHandler):
    """Voilà's page handler, which first checks the kernel ceiling."""

    def initialize(self, **kwargs: Any) -> None:
        """Take the ceiling and the light pages' renderer; pass the rest to Voilà."""
        self.ceiling: KernelCeiling = kwargs.pop("ceiling")
        self.participation: Participation = kwargs.pop("participation")
        super().initialize(**kwargs)

    @tornado.web.authenticated
    async def get(self, path: str | None = None) -> None:
        """Serve the page, or the Dutch busy page when the laptop has no room for another kernel."""
        if self.ceiling.refuses(self.kernel_manager, path):
            _LOG.warning("Plafond van %d kernels bereikt; %s kreeg de drukte-pagina.", self.ceiling.limit, path)
            self.set_status(503)
            self.set_header("Retry-After", "30")
            self.set_header("Content-Type", "text/html; charset=UTF-8")
            template = self.participation.templates.get_template("druk.html")
            self.finish(
                template.render(
                    static=f"{self.participation.path}/static/",
                    base=self.participation.path,
                    version="1",
                    opnieuw=self.request.uri,
                )
            )
            return
        # Sets the XSRF cookie, which the page's own script sends back to shut its kernel
        # down when the page is left (lco-afsluiten.html.j2).
        _ = self.xsrf_token
        await super().get(path)


class GuardedRequestInfo(RequestInfoSocketHandler):
    """Voilà's address hand-over to preheated kernels, closed to everyone but those kernels.

    The kernels connect from this computer; anybody else needs the room's token.
    """

    async def get(self, *args: Any, **kwargs: Any) -> None:
        """Refuse a stranger before the websocket opens."""
        token = os.environ.get("LCO_KIT_TOKEN", "")
        local = self.request.remote_ip in _LOOPBACK and "X-Forwarded-For" not in self.request.headers
        if token and not local and self.get_argument("token", "") != token:
            self.set_status(403)
            self.finish()
            return
        await super().get(*args, **kwargs)


class KitVoila(Voila):
    """Voilà with the light participant pages and a kernel ceiling."""

    kernel_ceiling = KernelCeiling(0)
    participation: Participation | None = None

    def _participation(self) -> Participation:
        if self.participation is None:
            base = self.server_url or self.base_url or "/"
            self.participation = Participation(
                base_url=base, start_page=f"{base.rstrip('/')}/voila/render/00_start.ipynb"
            )
        return self.participation

    def init_settings(self) -> dict[str, Any]:
        """Voilà's settings, with the kernel manager that runs kept pages a few at a time."""
        factory = voila_app.voila_kernel_manager_factory

        def kit_factory(*args: Any, **kwargs: Any) -> type:
            return _one_page_at_a_time_per_core(factory(*args, **kwargs))

        voila_app.voila_kernel_manager_factory = kit_factory
        try:
            settings: dict[str, Any] = super().init_settings()
        finally:
            voila_app.voila_kernel_manager_factory = factory
        return settings

    def init_handlers(self) -> list[Any]:
        """Voilà's handlers with the kit's three replacements, after the light pages."""
        participation = self._participation()
        own: list[Any] = []
        for route in super().init_handlers():
            pattern, handler = route[0], route[1]
            extra = dict(route[2]) if len(route) > 2 else {}  # noqa: PLR2004
            if handler is TornadoVoilaHandler:
                own.append(
                    (
                        pattern,
                        BusyAwareVoilaHandler,
                        {**extra, "ceiling": self.kernel_ceiling, "participation": participation},
                    )
                )
            elif handler is RequestInfoSocketHandler:
                own.append((pattern, GuardedRequestInfo, *([extra] if extra else [])))
            else:
                own.append(route)
        self.kernel_ceiling.hold_refills(getattr(self, "kernel_manager", None))
        return [*participant_routes(participation, host=JupyterHandler), *own]
