"""The browser refuses a file over an upload's limit before it is sent, and says why in Dutch."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from lco_kit.casus.library import MAX_CASUS_BYTES
from tests.browser.conftest import open_page

pytestmark = pytest.mark.browser


def test_a_file_over_the_limit_never_leaves_the_browser(page: Page, base_url: str) -> None:
    """Is a file above the limit stopped in the browser with a Dutch message, and never received?"""
    open_page(page, base_url, "10_casussen.ipynb")
    with page.expect_file_chooser(timeout=60_000) as chooser:
        page.locator(".lco-casus-upload .lco-upload").click()
    big = b"titel: x\n" + b"#" * (MAX_CASUS_BYTES + 1000)
    chooser.value.set_files(files=[{"name": "te-groot.yaml", "mimeType": "application/x-yaml", "buffer": big}])
    note = page.locator(".lco-upload-te-groot")
    note.wait_for(timeout=30_000)
    assert "‘te-groot.yaml’ is te groot" in note.inner_text()
    assert "MB zijn" in note.inner_text()
    page.wait_for_timeout(1500)
    assert "is ontvangen" not in page.inner_text("body")
