"""The page's address: set without a reload, read in a kept kernel, filled in once the browser drew the page."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from lco_kit.ui.page_address import ReadySignal


def test_page_address_writes_only_an_escaped_query() -> None:
    """Does PageAddress carry the query as an escaped data attribute, and refuse anything but a query?"""
    from lco_kit.ui.page_address import PageAddress

    address = PageAddress()
    assert address.layout.display == "none" and "lco-adres" in address._dom_classes
    address.set('?code=AB12&x="><script>')
    assert address.value == '<span data-lco-adres="?code=AB12&amp;x=&quot;&gt;&lt;script&gt;"></span>'
    with pytest.raises(ValueError, match="geen zoekdeel"):
        address.set("https://elders.example/")


def test_a_page_in_a_kernel_started_for_its_visitor_reads_its_address_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a kept kernel, does when_requested call back straight away with the address, adding nothing?"""
    from lco_kit.ui.page_address import when_requested

    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    monkeypatch.setenv("QUERY_STRING", "code=ABCDEF")
    seen: list[str] = []
    page = widgets.VBox([widgets.HTML("inhoud")])
    when_requested(seen.append, page)
    assert seen == ["code=ABCDEF"]
    assert len(page.children) == 1


class _KeptKernel:
    """A kept kernel for when_requested: the visitor's address arrives when the test says so.

    Work for the kernel's thread is queued and run by the test (on its own thread), as the
    kernel's loop would.
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch, query: str) -> None:
        import queue
        import threading
        from types import SimpleNamespace

        import IPython
        import voila.utils

        self.visitor = threading.Event()
        self.work: queue.Queue = queue.Queue()
        kernel = SimpleNamespace(io_loop=SimpleNamespace(add_callback=self.work.put))
        monkeypatch.setattr(IPython, "get_ipython", lambda: SimpleNamespace(kernel=kernel))

        def wait_for_request() -> None:
            self.visitor.wait(10)
            monkeypatch.setenv("QUERY_STRING", query)

        monkeypatch.setattr(voila.utils, "wait_for_request", wait_for_request)
        monkeypatch.setenv("VOILA_PREHEAT", "True")
        monkeypatch.setenv("QUERY_STRING", "")

    def run_next(self) -> None:
        """Run the next piece of work handed to the kernel's thread."""
        self.work.get(timeout=10)()


def _signal(page: widgets.VBox) -> ReadySignal:
    [signal] = [w for w in page.children if isinstance(w, ReadySignal)]
    return signal


def test_a_kept_page_fills_in_when_both_its_address_and_the_drawn_page_are_there(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Does a kept page wait for the visitor's address and for the browser's signal, then fill in once?

    Filled in while the browser was still connecting, a reloaded answer page reached the
    browser in part: a row that would not draw, a saved answer shown as not chosen.
    """
    import threading

    from lco_kit.ui import page_address as kept

    monkeypatch.setattr(kept, "READY_WAIT_S", 0.05)
    kernel = _KeptKernel(monkeypatch, "code=K7P2QX")
    built_on: list[tuple[str, str]] = []
    page = widgets.VBox([widgets.HTML("even geduld")])
    kept.when_requested(lambda query: built_on.append((query, threading.current_thread().name)), page)
    signal = _signal(page)
    assert "lco-pagina-gereed" in signal._dom_classes and signal.layout.display == "none"
    assert "lco-wacht-op-adres" in page._dom_classes
    assert built_on == []  # the cell goes on; nothing waits in it
    kernel.visitor.set()
    kernel.run_next()  # the address, handed to the kernel's thread by the waiting one
    assert built_on == []  # the browser has not drawn the page yet
    signal.click()  # the template presses the signal once the page is drawn
    assert built_on == [("code=K7P2QX", threading.current_thread().name)]
    assert "lco-wacht-op-adres" not in page._dom_classes
    signal.click()
    kernel.run_next()  # the fallback, much later: nothing more happens
    assert len(built_on) == 1


def test_a_kept_page_drawn_before_its_address_arrives_fills_in_with_the_address(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When the browser's signal comes first, does the page fill in as soon as the address arrives?"""
    from lco_kit.ui.page_address import when_requested

    kernel = _KeptKernel(monkeypatch, "code=AAAAAA&p=client")
    seen: list[str] = []
    page = widgets.VBox()
    when_requested(seen.append, page)
    _signal(page).click()
    assert seen == []
    kernel.visitor.set()
    kernel.run_next()
    assert seen == ["code=AAAAAA&p=client"]


def test_a_kept_page_whose_browser_never_signals_fills_in_after_a_while(monkeypatch: pytest.MonkeyPatch) -> None:
    """If the signal never comes (a script that did not run), does the page still fill in, once?"""
    from lco_kit.ui import page_address as kept

    monkeypatch.setattr(kept, "READY_WAIT_S", 0.05)
    kernel = _KeptKernel(monkeypatch, "code=BBBBBB")
    seen: list[str] = []
    page = widgets.VBox()
    kept.when_requested(seen.append, page)
    kernel.visitor.set()
    kernel.run_next()  # the address
    assert seen == []
    kernel.run_next()  # the wait is over
    assert seen == ["code=BBBBBB"]


def test_outside_a_kernel_work_for_the_kernels_thread_runs_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a kernel (a script, a test), does on_kernel_thread simply run the work?"""
    import IPython

    from lco_kit.ui.page_address import on_kernel_thread

    monkeypatch.setattr(IPython, "get_ipython", lambda: None)
    done: list[int] = []
    on_kernel_thread(lambda: done.append(1))
    assert done == [1]
