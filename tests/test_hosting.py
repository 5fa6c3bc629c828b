"""The kit's Voilà settings and template in a Jupyter server (Binder, a JupyterHub user server)."""

from __future__ import annotations

import importlib
import json
import logging
import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from traitlets.config import Config

from lco_kit import hosting


def test_kit_settings_leave_out_what_only_lco_kit_start_can_do() -> None:
    """Are kept kernels and the stand-alone app's settings left out, the Dutch texts and culling kept?"""
    settings = hosting.kit_settings()
    assert "Voila" not in settings
    assert "preheat_kernel" not in settings["VoilaConfiguration"]
    assert "default_pool_size" not in settings["VoilaConfiguration"]
    assert settings["VoilaConfiguration"]["template"] == "lco"
    assert settings["VoilaExporter"]["language_code"] == "nl"
    assert settings["VoilaExecutor"]["cell_error_instruction"].startswith("Dit deel van de pagina")
    assert settings["MappingKernelManager"]["cull_idle_timeout"] > 0


def test_a_hosts_own_setting_wins_over_the_kits() -> None:
    """Does a setting the host made (a hub admin's culling) stay, while unset ones get the kit's value?"""
    host = Config({"MappingKernelManager": {"cull_idle_timeout": 600}})
    added = hosting.apply_kit_settings(host)
    assert host.MappingKernelManager.cull_idle_timeout == 600
    assert "MappingKernelManager.cull_idle_timeout" not in added
    assert host.MappingKernelManager.cull_interval == hosting.kit_settings()["MappingKernelManager"]["cull_interval"]
    assert host.VoilaConfiguration.template == "lco"


def _server() -> SimpleNamespace:
    return SimpleNamespace(config=Config(), log=logging.getLogger("test-hosting"))


def test_linking_adds_the_template_folder_only_when_the_template_is_not_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without an installed template, is the kit's folder put first on JUPYTER_PATH, and left off once installed?"""
    monkeypatch.setattr(hosting, "_PACKAGE", tmp_path / "site-packages" / "lco_kit")  # an installed wheel
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    monkeypatch.setattr("jupyter_core.paths.jupyter_path", lambda *parts: [str(tmp_path.joinpath(*parts))])
    server = _server()
    hosting._link_jupyter_server_extension(server)
    assert os.environ["JUPYTER_PATH"].split(os.pathsep) == [str(hosting.TEMPLATES), str(tmp_path)]
    assert server.config.VoilaExporter.language_code == "nl"
    installed = tmp_path / "voila" / "templates" / "lco"
    installed.mkdir(parents=True)
    (installed / "index.html.j2").write_text("{# geïnstalleerd #}", encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    hosting._link_jupyter_server_extension(_server())
    assert os.environ["JUPYTER_PATH"] == str(tmp_path)


def test_the_installed_server_config_enables_both_kit_extensions() -> None:
    """Does the jupyter_server_config.d file enable the settings and the light pages, and do both modules load?"""
    enabled = json.loads((hosting._PACKAGE / "data" / "jupyter" / "lco_kit.json").read_text(encoding="utf-8"))
    names = enabled["ServerApp"]["jpserver_extensions"]
    assert names == {"lco_kit.hosting": True, "lco_kit.server": True}
    for name in names:
        module = importlib.import_module(name)
        point = module._jupyter_server_extension_points()[0]["module"]
        assert hasattr(importlib.import_module(point), "_load_jupyter_server_extension")


def _render(name: str, **context: object) -> str:
    from jinja2 import Environment, FileSystemLoader

    folder = hosting.TEMPLATES / "voila" / "templates" / "lco"
    return Environment(loader=FileSystemLoader(folder), autoescape=True).get_template(name).render(**context)


def _listing(*items: tuple[str, str, str]) -> dict[str, object]:
    return {"content": iter([{"name": n, "path": p, "type": t} for n, p, t in items])}


def test_listing_sends_the_visitor_to_the_start_page_in_every_layout() -> None:
    """Does the listing lead to the start page beside it (lco-kit start) and via notebooks/ (jupyter server)?"""
    beside = _render(
        "tree.html",
        base_url="/",
        contents=_listing(
            ("00_start.ipynb", "00_start.ipynb", "notebook"), ("10_casussen.ipynb", "10_casussen.ipynb", "notebook")
        ),
    )
    assert 'url=/voila/render/00_start.ipynb"' in beside
    assert 'href="/voila/render/10_casussen.ipynb"' in beside
    checkout = _render(
        "tree.html",
        base_url="/user/demo/",
        contents=_listing(("binder", "binder", "directory"), ("notebooks", "notebooks", "directory")),
    )
    assert 'url=/user/demo/voila/tree/notebooks"' in checkout
    inside = _render(
        "tree.html",
        base_url="/user/demo/",
        contents=_listing(("00_start.ipynb", "notebooks/00_start.ipynb", "notebook")),
    )
    assert 'url=/user/demo/voila/render/notebooks/00_start.ipynb"' in inside
    elsewhere = _render("tree.html", base_url="/", contents=_listing(("x.ipynb", "x.ipynb", "notebook")))
    assert "refresh" not in elsewhere


def test_error_page_links_lead_through_the_listing_at_the_base_url() -> None:
    """Do the error page's ‘terug’ link and its header go to the listing under the server's base URL, in Dutch?"""
    page = _render("error.html", base_url="/user/demo/", status_code=500)
    assert page.count('href="/user/demo/voila/tree"') == 2
    assert "00_start.ipynb" not in page
    assert '<html lang="nl">' in page


def test_a_checkout_puts_its_own_template_first_even_when_a_copy_is_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    """From a checkout, does the checkout's template folder go first, before any copy in share/jupyter?"""
    assert (hosting._PACKAGE.parent / "pyproject.toml").is_file()  # these tests run from the checkout
    monkeypatch.setattr("jupyter_core.paths.jupyter_path", lambda *parts: [str(hosting.TEMPLATES.joinpath(*parts))])
    assert hosting.template_search_path() == str(hosting.TEMPLATES)
