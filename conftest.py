"""Settings every test run shares, notebooks (nbval) included.

Kernels started by nbval and the Voilà server started by the browser tests inherit this
process's environment, so pointing the kit's data folder at a temporary folder here keeps
every test away from the user's real data.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator

import pytest


def pytest_configure(config: pytest.Config) -> None:
    """Give the whole run a throwaway data folder and no facilitator content folder."""
    del config
    if "LCO_KIT_TEST_DATA_DIR" not in os.environ:
        folder = tempfile.mkdtemp(prefix="lco-kit-test-")
        os.environ["LCO_KIT_TEST_DATA_DIR"] = folder
    os.environ["LCO_KIT_DATA_DIR"] = os.environ["LCO_KIT_TEST_DATA_DIR"]
    os.environ.pop("LCO_KIT_CONTENT_DIR", None)
    os.environ.pop("LCO_KIT_DB", None)
    os.environ.setdefault("MPLBACKEND", "Agg")


_NEVER_SKIPPED = ("browser", "postgres")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Turn a skipped browser or PostgreSQL test into a failure: in this project they must run."""
    del call
    outcome = yield
    report = outcome.get_result()
    marker = next((m for m in _NEVER_SKIPPED if item.get_closest_marker(m)), None)
    if report.skipped and marker and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"Deze {marker}-test werd overgeslagen, maar moet altijd draaien: {report.longrepr}"
