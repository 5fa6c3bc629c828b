"""Many kernels writing at once: 30 processes answer the same session at the same moment."""

from __future__ import annotations

import multiprocessing
import time
from typing import Any

import pytest

from lco_kit.reflectie.store import ReflectieStore

PROCESSES = 30
pytestmark = pytest.mark.slow


def respond(url: str, code: str, key: str, perspective: str, *, start: Any, done: Any) -> None:
    """Answer every item as a browser would (one save per item), then press send twice."""
    store = ReflectieStore(url)
    items = [item.id for item in store.session(code).instrument.perspective(perspective).items]
    start.wait(60)
    try:
        for number, item in enumerate(items):
            store.record_answer(code, key, perspective, item, 1 + number % 5)
        store.record_remark(code, key, perspective, f"opmerking van {key}")
        store.finish(code, key, perspective)
        store.finish(code, key, perspective)
        done.put((key, "ok"))
    except Exception as error:  # reported to the test, which fails with it
        done.put((key, f"{type(error).__name__}: {error}"))


def run_at_once(url: str) -> tuple[ReflectieStore, int, float]:
    """Start 30 processes, release them together, and return the store, session id and seconds."""
    store = ReflectieStore(url)
    opened = store.create_session("reflectiedag")
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    done = context.Queue()
    perspectives = ["deelnemer"] * 20 + ["coordinator"] * 7 + ["client"] * 3
    workers = [
        context.Process(
            target=respond,
            args=(url, opened.session.code, f"browser-{n:04d}-sleutel", perspectives[n]),
            kwargs={"start": start, "done": done},
        )
        for n in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    time.sleep(3)  # let every process import and connect before the gate opens
    began = time.monotonic()
    start.set()
    results = [done.get(timeout=240) for _ in workers]
    seconds = time.monotonic() - began
    for worker in workers:
        worker.join(30)
    failures = [r for r in results if r[1] != "ok"]
    assert not failures, failures
    return store, opened.session.id, seconds


def check_each_stored_once(store: ReflectieStore, session_id: int) -> None:
    """Assert that all 30 respondents are there once, complete and sent."""
    records = store.respondents(session_id)
    assert len(records) == PROCESSES
    assert len({r.key for r in records}) == PROCESSES
    assert store.counts(session_id) == {"client": 3, "deelnemer": 20, "coordinator": 7}
    for record in records:
        assert record.finished is not None
        assert record.remark == f"opmerking van {record.key}"
        assert all(1 <= v <= 5 for v in record.answers.values())
    sizes = {r.perspective: len(r.answers) for r in records}
    assert sizes == {"deelnemer": 18, "coordinator": 17, "client": 12}


def test_thirty_processes_at_once_on_sqlite(tmp_path: Any) -> None:
    """Do 30 processes answering one SQLite session at once all end up stored exactly once?"""
    store, session_id, _seconds = run_at_once(f"sqlite:///{tmp_path / 'samen.sqlite3'}")
    check_each_stored_once(store, session_id)


@pytest.mark.postgres
def test_thirty_processes_at_once_on_postgresql(postgres_server: Any) -> None:
    """Do 30 processes answering one PostgreSQL session at once all end up stored exactly once?"""
    from tests.reflectie.conftest import new_postgres_database

    store, session_id, _seconds = run_at_once(new_postgres_database(postgres_server))
    check_each_stored_once(store, session_id)
