"""Running a test's body in a thread of its own.

pytest-playwright's browser fixtures leave an asyncio loop running in the main thread for the
rest of the session, and Playwright's sync API refuses to start inside it. A test that drives
its own Chromium (outside ``tests/browser``) runs its body in a fresh thread, where no loop runs.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any


def in_own_thread(test: Callable[..., None]) -> Callable[..., None]:
    """Return the test, run in a new thread; its failure is raised in the test's own thread."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        outcome: dict[str, BaseException] = {}

        def body() -> None:
            try:
                test(*args, **kwargs)
            except BaseException as error:  # re-raised below, in pytest's thread
                outcome["error"] = error

        worker = threading.Thread(target=body, name=test.__name__)
        worker.start()
        worker.join()
        if "error" in outcome:
            raise outcome["error"]

    return run
