"""The background poller of the facilitator page and the intervisie clock: it reports, stops, and never dies unseen."""

from __future__ import annotations

import threading
import time

from lco_kit.ui.poller import Poller
from lco_kit.ui.reflectie_begeleider import results_poller


def test_poller_reports_errors_and_stops_after_repeated_failures() -> None:
    """Does a failing tick become a Dutch message (never silent), and do five in a row stop the poller?"""
    messages: list[tuple[str, bool]] = []
    done = threading.Event()

    def tick() -> bool:
        raise RuntimeError("kapot")

    def on_error(message: str, stopped: bool) -> None:
        messages.append((message, stopped))
        if stopped:
            done.set()

    poller = results_poller(tick, on_error, seconds=0.01)
    poller.start()
    assert done.wait(5)
    time.sleep(0.05)
    assert not poller.running
    assert len(messages) == 5
    assert messages[0][0].startswith("De resultaten konden niet bijgewerkt worden.")
    assert messages[-1][1] is True and "kapot" not in messages[0][0]


def test_poller_stops_when_tick_says_so() -> None:
    """Does the poller stop by itself when the session is closed (tick returns False)?"""
    calls: list[int] = []

    def tick() -> bool:
        calls.append(1)
        return len(calls) < 3

    poller = results_poller(tick, lambda *_: None, seconds=0.01)
    poller.start()
    deadline = time.monotonic() + 5
    while poller.running and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not poller.running and len(calls) == 3


def test_a_poller_without_on_error_stops_at_its_first_failure() -> None:
    """Does a poller nobody listens to (the intervisie's clock) log a failing tick and stop, never tick on unseen?"""
    calls: list[int] = []

    def tick() -> None:
        calls.append(1)
        raise RuntimeError("kapot")

    poller = Poller(tick, seconds=0.01, name="lco-test-klok", what="test-klok")
    poller.start()
    deadline = time.monotonic() + 5
    while poller.running and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not poller.running and len(calls) == 1


def test_a_tick_that_returns_nothing_goes_on() -> None:
    """Does a tick that returns None (a clock) keep the poller going until it is stopped?"""
    calls: list[int] = []
    poller = Poller(lambda: calls.append(1), seconds=0.01)
    poller.start()
    deadline = time.monotonic() + 5
    while len(calls) < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    poller.stop()
    assert len(calls) >= 3
