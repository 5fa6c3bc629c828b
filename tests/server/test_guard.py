from __future__ import annotations

import pytest

from lco_kit.server.guard import CodeGuard, client_address


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        """Return the time the test set."""
        return self.now


def test_a_few_wrong_codes_cost_nothing_then_each_try_waits_longer_up_to_a_ceiling() -> None:
    """Do wrong codes slow an address down, doubling, but never beyond the ceiling (no lock-out)?"""
    guard = CodeGuard(free_tries=2, base_delay=0.5, max_delay=4.0, clock=Clock())
    delays = []
    for _ in range(8):
        delays.append(guard.delay("10.0.0.9"))
        guard.failed("10.0.0.9", "WRONG1")
    assert delays == [0.0, 0.0, 0.0, 0.5, 1.0, 2.0, 4.0, 4.0]


def test_the_wait_belongs_to_one_address_and_fades_when_it_stops_trying() -> None:
    """Is another address unaffected, and does an address start afresh after a quiet spell?"""
    clock = Clock()
    guard = CodeGuard(free_tries=0, base_delay=1.0, forget_after=600, clock=clock)
    guard.failed("10.0.0.9", "X")
    assert guard.delay("10.0.0.9") == 1.0
    assert guard.delay("10.0.0.10") == 0.0
    clock.now += 601
    assert guard.delay("10.0.0.9") == 0.0


def test_wrong_codes_are_logged_cut_short(caplog: pytest.LogCaptureFixture) -> None:
    """Is each wrong code logged with its address, and a very long code cut to 12 characters?"""
    guard = CodeGuard()
    with caplog.at_level("WARNING", logger="lco_kit.deelnemen"):
        guard.failed("10.0.0.9", "A" * 100_000)
    assert "10.0.0.9" in caplog.text and "A" * 12 in caplog.text and "A" * 13 not in caplog.text


def test_forwarded_for_is_believed_only_from_a_trusted_proxy() -> None:
    """Is X-Forwarded-For ignored from anyone but a proxy the kit was told to trust?"""
    assert client_address("10.0.0.5", "1.2.3.4", trusted=[]) == "10.0.0.5"
    assert client_address("10.0.0.1", "1.2.3.4", trusted=["10.0.0.1"]) == "1.2.3.4"
    assert client_address("10.0.0.1", "9.9.9.9, 1.2.3.4, 10.0.0.1", trusted=["10.0.0.1"]) == "1.2.3.4"
    assert client_address("10.0.0.1", None, trusted=["10.0.0.1"]) == "10.0.0.1"
