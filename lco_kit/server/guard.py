"""Slowing down whoever tries session codes at random, without ever locking anyone out.

A join code has six characters from an alphabet of 22 (about 113 million codes), so guessing
one that is open at that moment needs very many tries. After a few wrong codes from one
address, every further try from that address waits a little longer (doubling, up to a
ceiling); a right code still opens the session, only later. The wait fades again when the
address stops trying. The address is the connection's own, unless the kit is told it sits
behind a proxy it trusts: only then does it read ``X-Forwarded-For``.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

__all__ = ["CodeGuard", "client_address", "trusted_proxies"]

_LOG = logging.getLogger("lco_kit.deelnemen")
TRUSTED_PROXIES_ENV = "LCO_KIT_TRUSTED_PROXIES"
_MAX_ADDRESSES = 10_000
"""Addresses remembered at most: a flood of addresses never fills the memory."""


def trusted_proxies() -> frozenset[str]:
    """Return the proxies whose ``X-Forwarded-For`` the kit believes (``LCO_KIT_TRUSTED_PROXIES``, comma-separated)."""
    raw = os.environ.get(TRUSTED_PROXIES_ENV, "")
    return frozenset(part.strip() for part in raw.split(",") if part.strip())


def client_address(remote_ip: str, forwarded_for: str | None, trusted: Iterable[str]) -> str:
    """Return the address a request really comes from.

    ``X-Forwarded-For`` is read only when the connection comes from a trusted proxy; then the
    right-most address that is not itself a trusted proxy is the client.

    Examples:
        >>> client_address("10.0.0.5", "1.2.3.4", trusted=[])
        '10.0.0.5'
        >>> client_address("10.0.0.1", "6.6.6.6, 1.2.3.4", trusted=["10.0.0.1"])
        '1.2.3.4'
    """
    proxies = set(trusted)
    if remote_ip not in proxies or not forwarded_for:
        return remote_ip
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        if hop not in proxies:
            return hop[:64]
    return remote_ip


@dataclass
class _Record:
    failures: int = 0
    last: float = 0.0


@dataclass
class CodeGuard:
    """Counts wrong codes per address and says how long the next try from there must wait.

    Attributes:
        free_tries: Wrong codes allowed before any waiting starts.
        base_delay: Seconds of waiting after the first try beyond the free ones; doubles each time.
        max_delay: The longest wait (never a lock-out).
        forget_after: Seconds without a wrong code after which an address starts afresh.
        clock: The time source (tests pass their own).
    """

    free_tries: int = 5
    base_delay: float = 0.5
    max_delay: float = 8.0
    forget_after: float = 600.0
    clock: Callable[[], float] = time.monotonic
    _records: dict[str, _Record] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def delay(self, address: str) -> float:
        """Return how many seconds a try from this address waits before it is answered."""
        with self._lock:
            record = self._fresh(address)
            extra = record.failures - self.free_tries
            if extra <= 0:
                return 0.0
            return float(min(self.max_delay, self.base_delay * (2 ** min(extra - 1, 16))))

    def failed(self, address: str, tried: str) -> None:
        """Count a wrong code from this address (and log it, the code cut short)."""
        with self._lock:
            record = self._fresh(address)
            record.failures += 1
            record.last = self.clock()
            count = record.failures
            if len(self._records) > _MAX_ADDRESSES:
                self._forget_oldest()
        _LOG.warning("Onbekende sessiecode %r vanaf %s (%d keer).", tried[:12], address, count)

    def _fresh(self, address: str) -> _Record:
        record = self._records.get(address)
        if record is None or self.clock() - record.last > self.forget_after:
            record = self._records[address] = _Record()
        return record

    def _forget_oldest(self) -> None:
        for address, _ in sorted(self._records.items(), key=lambda kv: kv[1].last)[: len(self._records) // 2]:
            del self._records[address]
