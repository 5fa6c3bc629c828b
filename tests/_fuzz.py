"""The one Hypothesis profile for the kit's fuzz tests: the same examples on every run.

CI must not find a new input one day and miss it the next, so examples are derived from
each test's name (``derandomize``), their number is fixed, and there is no deadline (a
shared CI machine is slow at times; hangs are caught by the inputs' own size limits).
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

FUZZ = settings(
    max_examples=250,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
"""Apply with ``@FUZZ`` above ``@given``."""
