"""The page's address: change it without a reload, read it in a kept kernel, fill in once drawn.

- :class:`PageAddress` sets the query part of the browser's address without reloading, so a
  reload or a phone that wakes up opens the page where it was (one kernel per person).
- :func:`when_requested` gives a page its address. In a kernel the server keeps ready
  (Voilà's ``preheat_kernel``) the address comes only when someone opens the page, and the page
  fills in once the visitor's browser has drawn it (:class:`ReadySignal`).
- :func:`on_kernel_thread` runs work on the kernel's own thread, where widget messages are handled.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

import ipywidgets as widgets

from lco_kit.ui.widgets import escape

__all__ = ["READY_WAIT_S", "PageAddress", "ReadySignal", "on_kernel_thread", "when_requested"]


class PageAddress(widgets.HTML):
    """An invisible mark that sets the query part of the browser's address without reloading.

    The kit's template watches for ``data-lco-adres`` and replaces the address (no new history
    entry, no reload, so no second kernel): a reload or a phone that wakes up later opens the
    page where it was. Only a query (``?…``) is accepted; anything else is refused here.

    Examples:
        >>> address = PageAddress()
        >>> address.set("?code=KX7P2M&p=client")
    """

    def __init__(self) -> None:
        super().__init__("")
        self.add_class("lco-adres")
        self.layout.display = "none"
        self.query = ""

    def set(self, query: str) -> None:
        """Show ``query`` (which must start with ``?``) in the browser's address bar."""
        if not query.startswith("?"):
            raise ValueError(f"geen zoekdeel van een adres: {query!r}")
        self.query = query
        self.value = f'<span data-lco-adres="{escape(query)}"></span>'


READY_WAIT_S = 15.0
"""How long a kept page waits for its visitor's browser before it fills in anyway."""


def when_requested(callback: Callable[[str], object], page: widgets.Box) -> None:
    """Call ``callback`` with the page's query string as soon as a person opens ``page``.

    A page the server runs ahead of time (a kept kernel) learns its address only when someone
    opens it. Waiting for that in the page's own cell would hold the cell until a visitor
    comes, and Voilà stops a cell that runs longer than its time-out: the page would show a
    time-out to the first person after a quiet spell. So the waiting happens in a background
    thread, the cell ends at once, and the page fills in later. In a kernel that was started
    for the visitor, the address is known and the call is direct.

    A kept page fills in only once the visitor's browser has loaded it: the address reaches
    the kernel when the page is asked for, while the browser is still connecting. Widgets made
    in that moment reached the browser in part (CI saw a row of a reloaded answer page fail to
    draw, and a saved answer shown as not chosen). So the page carries an invisible
    :class:`ReadySignal`, which the kit's template presses once the page is drawn; the page
    fills in on the kernel's own thread when both the address and that signal are there (or
    :data:`READY_WAIT_S` after the address, should the signal never come).
    """
    if os.environ.get("VOILA_PREHEAT") != "True":
        callback(os.environ.get("QUERY_STRING", ""))
        return
    signal = ReadySignal(callback, page)
    page.children = (*page.children, signal)

    def wait() -> None:
        from voila.utils import wait_for_request  # noqa: PLC0415  (heavy; only in a kept kernel)

        wait_for_request()
        query = os.environ.get("QUERY_STRING", "")
        on_kernel_thread(lambda: signal.address_arrived(query))
        timer = threading.Timer(READY_WAIT_S, on_kernel_thread, args=(signal.give_up_waiting,))
        timer.daemon = True
        timer.start()

    threading.Thread(target=wait, name="lco-wacht-op-adres", daemon=True).start()


class ReadySignal(widgets.Button):
    """An invisible button (class ``lco-pagina-gereed``) the kit's template presses once a kept page is drawn.

    It calls ``callback`` once, with the address, when both have come: the address (from the
    server) and the press (from the browser, which then holds every widget of the page).
    Until then ``page`` carries the class ``lco-wacht-op-adres`` (browser tests wait for it
    to go). Every method runs on the kernel's own thread.
    """

    def __init__(self, callback: Callable[[str], object], page: widgets.Box) -> None:
        # Never seen (display: none), but a button has a name for every accessibility checker.
        super().__init__(description="Pagina geladen", tooltip="Pagina geladen")
        self.add_class("lco-pagina-gereed")
        self.layout.display = "none"
        self._callback = callback
        self._page = page
        page.add_class("lco-wacht-op-adres")
        self._query: str | None = None
        self.browser_ready = False
        self.done = False
        self.on_click(lambda _b: self._browser_is_ready())

    def _browser_is_ready(self) -> None:
        self.browser_ready = True
        self._fill_in()

    def address_arrived(self, query: str) -> None:
        """Keep the visitor's address; fill in the page if the browser is ready."""
        self._query = query
        self._fill_in()

    def give_up_waiting(self) -> None:
        """Fill in the page now, ready signal or not (it never came)."""
        self.browser_ready = True
        self._fill_in()

    def _fill_in(self) -> None:
        if self.done or self._query is None or not self.browser_ready:
            return
        self.done = True
        try:
            self._callback(self._query)
        finally:
            self._page.remove_class("lco-wacht-op-adres")


def on_kernel_thread(work: Callable[[], object]) -> None:
    """Run ``work`` on the kernel's own thread, between the messages it handles (at once outside a kernel).

    Widgets are not safe to change from two threads at once, and the kernel's thread is where
    the browser's widget messages are handled: clicks, and the state a connecting page asks for.
    """
    from IPython import get_ipython  # noqa: PLC0415  (installed wherever ipywidgets is)

    loop = getattr(getattr(get_ipython(), "kernel", None), "io_loop", None)
    if loop is None:
        work()
    else:
        loop.add_callback(work)
