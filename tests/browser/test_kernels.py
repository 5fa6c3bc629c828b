"""A page's kernel goes away with the page (Voilà's own request on closing is refused, voila#1458)."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import open_page

pytestmark = pytest.mark.browser


def kernel_exists(base_url: str, kernel_id: str) -> bool:
    """Whether the server still runs this kernel."""
    try:
        with urllib.request.urlopen(f"{base_url}/api/kernels/{kernel_id}", timeout=30):  # noqa: S310  (test server)
            return True
    except urllib.error.HTTPError as error:
        if error.code != 404:
            raise
        return False


def test_closing_a_page_frees_its_kernel(base_url: str, browser: Browser) -> None:
    """After a person closes a page, is its kernel shut down (not kept until culling half an hour later)?"""
    context = browser.new_context(locale="nl-BE")
    page = context.new_page()
    open_page(page, base_url, "10_casussen.ipynb")
    kernel_id = json.loads(page.inner_text("#jupyter-config-data"))["kernelId"]
    assert kernel_exists(base_url, kernel_id)
    page.close(run_before_unload=True)
    deadline = time.monotonic() + 30
    while kernel_exists(base_url, kernel_id):
        assert time.monotonic() < deadline, "de kernel van de gesloten pagina draait nog"
        time.sleep(0.5)
    context.close()


def test_a_page_left_for_another_frees_its_kernel_and_the_next_page_works(base_url: str, browser: Browser) -> None:
    """Going from one page to the next in the same tab: is the first kernel freed and the second page fine?"""
    context = browser.new_context(locale="nl-BE")
    page = context.new_page()
    open_page(page, base_url, "00_start.ipynb")
    first = json.loads(page.inner_text("#jupyter-config-data"))["kernelId"]
    open_page(page, base_url, "20_maatzorgprincipes.ipynb")
    second = json.loads(page.inner_text("#jupyter-config-data"))["kernelId"]
    deadline = time.monotonic() + 30
    while kernel_exists(base_url, first):
        assert time.monotonic() < deadline, "de kernel van de vorige pagina draait nog"
        time.sleep(0.5)
    assert kernel_exists(base_url, second)
    context.close()
