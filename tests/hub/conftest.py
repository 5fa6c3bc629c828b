"""The hub test borrows the reflection tests' throwaway PostgreSQL server."""

from __future__ import annotations

from tests.reflectie.conftest import postgres_server

__all__ = ["postgres_server"]
