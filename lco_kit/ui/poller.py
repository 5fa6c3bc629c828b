"""A background thread that calls a page's ``tick`` every few seconds until told to stop.

The facilitator's reflection page follows its results with it, the intervisie page runs its
clock with it: the kernel stays free for the page's buttons meanwhile.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from lco_kit.config import log_unexpected
from lco_kit.errors import LcoError
from lco_kit.ui.texts import text

__all__ = ["MAX_FAILURES", "Poller"]

MAX_FAILURES = 5
"""Failures in a row after which a poller stops and says so."""


class Poller:
    """Calls ``tick`` every ``seconds`` in a background thread until told to stop.

    A tick that raises is never swallowed silently: a defect is logged, and with ``on_error``
    the page is told (a Dutch :class:`LcoError` as it is, a defect as ``defect(kenmerk)``);
    after ``max_failures`` failures in a row the poller stops and says so. ``tick`` returns
    False to stop (e.g. the session was closed or deleted); None or True goes on. Without
    ``on_error`` every failure is a defect of the page itself: it is logged and the poller stops.

    Args:
        tick: What to do every time.
        on_error: Called with a Dutch message and whether the poller stops now.
        seconds: The time between two ticks.
        name: The thread's name.
        what: What the poller does, for the log (``het bijwerken van de resultaten``).
        defect: The Dutch message for a defect with its log reference.
        max_failures: Failures in a row before it stops (1 without ``on_error``).
    """

    def __init__(
        self,
        tick: Callable[[], bool | None],
        on_error: Callable[[str, bool], None] | None = None,
        seconds: float = 2.0,
        *,
        name: str = "lco-poller",
        what: str = "het bijwerken van de pagina",
        defect: Callable[[str], str] | None = None,
        max_failures: int = MAX_FAILURES,
    ) -> None:
        self._tick = tick
        self._on_error = on_error
        self.seconds = seconds
        self.name = name
        self.what = what
        self._defect = defect or (lambda reference: text("fout_onverwacht", wat=what, kenmerk=reference))
        self.max_failures = max_failures if on_error is not None else 1
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.failures = 0

    @property
    def running(self) -> bool:
        """Return whether the thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Start polling (again)."""
        if self.running:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop polling; returns at once."""
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.wait(self.seconds):
            try:
                keep = self._tick()
                self.failures = 0
            except LcoError as error:
                self.failures += 1
                if self._on_error is None:
                    log_unexpected(self.what)
                self._report(str(error))
                continue
            except Exception:  # a defect: log it, and tell the page
                self.failures += 1
                reference = log_unexpected(self.what)
                self._report(self._defect(reference) if self._on_error is not None else reference)
                continue
            if keep is False:
                break

    def _report(self, message: str) -> None:
        stopping = self.failures >= self.max_failures
        if stopping:
            self._stop.set()
        if self._on_error is None:
            return
        try:
            self._on_error(message, stopping)
        except Exception:  # the page itself is gone; nothing left to tell
            log_unexpected("het melden van een fout bij het bijwerken")
