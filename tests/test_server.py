"""The Voilà settings and template the kit serves with."""

from __future__ import annotations

import json
import re
from pathlib import Path

from lco_kit import server

ROOT = Path(__file__).resolve().parents[1]


def settings() -> dict:
    """Return the kit's voila.json."""
    return json.loads((server.settings_dir() / "voila.json").read_text(encoding="utf-8"))


def test_settings_are_valid_and_dutch() -> None:
    """Are the settings valid JSON with Dutch error texts, no tracebacks and stripped sources?"""
    config = settings()
    voila = config["VoilaConfiguration"]
    assert voila["template"] == "lco"
    assert voila["show_tracebacks"] is False
    assert voila["strip_sources"] is True
    assert voila["allow_theme_override"] == voila["allow_template_override"] == "NO"
    assert config["VoilaExecutor"]["cell_error_instruction"].startswith("Dit deel van de pagina")
    assert config["VoilaExporter"]["language_code"] == "nl"


def test_idle_kernels_are_culled_after_at_least_half_an_hour() -> None:
    """Are idle kernels culled, but never within 30 minutes (a locked phone keeps its page)?"""
    kernels = settings()["MappingKernelManager"]
    assert kernels["cull_idle_timeout"] >= 30 * 60
    assert kernels["cull_interval"] > 0
    assert kernels["cull_connected"] is False


def test_uploads_of_25_megabytes_fit_through_the_websocket() -> None:
    """Is the websocket message limit above 25 MB (plus encoding overhead)?"""
    limit = settings()["Voila"]["tornado_settings"]["websocket_max_message_size"]
    assert limit >= 25 * 1024 * 1024 * 1.2


def test_the_voila_settings_exist_once() -> None:
    """Is the package's voila.json the only one in the checkout (a Jupyter server gets it from lco_kit.hosting)?"""
    skipped = {".venv", "node_modules", "build", ".git", "test-artifacts"}
    found = [
        path.relative_to(ROOT).as_posix()
        for path in ROOT.rglob("voila.json")
        if not skipped & set(path.relative_to(ROOT).parts)
    ]
    assert found == [(server.settings_dir() / "voila.json").relative_to(ROOT).as_posix()]


def test_template_loads_nothing_from_outside() -> None:
    """Does the kit's template reference no outside URL (other than the ones it filters out)?"""
    folder = server.templates_dir()
    for path in folder.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            text = re.sub(r"filter replace\('[^']*'", "", text)
            text = re.sub(r"replace\('[^']*'", "", text)
            assert not re.search(r"https?://", text), path


def test_template_has_no_english_loading_texts() -> None:
    """Are Voilà's English loading texts replaced by Dutch ones?"""
    folder = server.templates_dir() / "voila" / "templates" / "lco"
    text = "\n".join(p.read_text(encoding="utf-8") for p in folder.iterdir())
    for english in ("Running", "Executing", "Reading", "Voilà requires"):
        assert english not in text
    assert "wordt klaargezet" in text


def test_plan_points_voila_at_the_kit() -> None:
    """Does the server plan listen on localhost and point Jupyter at the kit's settings and template?"""
    plan = server.plan_server(8899)
    assert "--Voila.ip=127.0.0.1" in plan.argv and "--port=8899" in plan.argv
    assert plan.env["JUPYTER_CONFIG_PATH"].split(":")[0] == str(server.settings_dir())
    assert plan.env["JUPYTER_PATH"].split(":")[0] == str(server.templates_dir())
    assert plan.start_url == "http://127.0.0.1:8899/voila/render/00_start.ipynb"
    assert Path(plan.argv[0]) == ROOT / "notebooks"


def test_every_page_keeps_a_kernel_ready() -> None:
    """Do the settings preheat one kernel per page (so every page opens about as fast as an empty one)?"""
    voila = settings()["VoilaConfiguration"]
    assert voila["preheat_kernel"] is True and voila["default_pool_size"] == 1
    assert not voila.get("progressive_rendering", False)  # Voilà refuses it together with preheating


def test_a_room_keeps_kernels_ready_for_the_pages_it_opens_at_once() -> None:
    """Does --lan for 30 keep 2 start pages, 3 lessons, 2 role-plays and the facilitator's pages (phones need none)?"""
    plan = server.plan_server(8866, "0.0.0.0", token="abc", public_host="192.168.1.20", room=30)  # noqa: S104, S106
    assert plan.pools == {
        "default": {"pool_size": 0},
        "00_start.ipynb": {"pool_size": 2},
        "20_maatzorgprincipes.ipynb": {"pool_size": 3},
        "30_rollenspel_oefenen.ipynb": {"pool_size": 2},
        "41_reflectie_begeleider.ipynb": {"pool_size": 1},
        "31_rollenspel_begeleider.ipynb": {"pool_size": 1},
    }
    assert plan.join_url == "http://192.168.1.20:8866/lco/deelnemen?token=abc"
    assert all((ROOT / "notebooks" / page).exists() for page in [*server.ROOM_PAGES, *server.ROOM_FACILITATOR_PAGES])
    assert server.pool_sizes(1)["20_maatzorgprincipes.ipynb"] == {"pool_size": 1}
    assert server.plan_server(8866).pools is None
    # Alone on a laptop, only one kernel per page; a room gets 30 unless told otherwise.
    assert server.room_size(lan=False) == 0 and server.room_size(lan=True) == 30
    assert server.room_size(lan=True, room=12) == 12


def test_pools_emptied_by_culling_are_topped_up() -> None:
    """Does the periodic refill ask Voilà to fill every pool again (a culled kernel leaves a gap)?"""

    class FakeKernels:
        def __init__(self) -> None:
            self._pools: dict[str, list[object]] = {"a.ipynb": [object()], "b.ipynb": []}
            self.sizes = {"a.ipynb": 1, "b.ipynb": 2}

        def fill_if_needed(self, delay: float, notebook_name: str) -> None:
            assert delay == 0
            pool = self._pools[notebook_name]
            pool.extend(object() for _ in range(self.sizes[notebook_name] - len(pool)))

    kernels = FakeKernels()
    assert server.refill_pools(kernels) == 2
    assert server.refill_pools(kernels) == 0
    assert server.refill_pools(None) == 0


def test_the_servers_log_is_rotated_at_start_when_it_grew_too_large(tmp_path: Path) -> None:
    """Does a start move a log over the size limit aside (lco-kit.log.1), so it never grows without limit?"""
    import os
    import subprocess
    import sys

    from lco_kit import config

    (tmp_path / "lco-kit.log").write_text("x" * (config.LOG_MAX_BYTES + 10), encoding="utf-8")
    code = (
        "import sys; from lco_kit.server.start import _send_messages_to_log; "
        "_send_messages_to_log(); print('ok', file=sys.stderr)"
    )
    env = {**os.environ, "LCO_KIT_DATA_DIR": str(tmp_path)}
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)
    assert (tmp_path / "lco-kit.log.1").stat().st_size > config.LOG_MAX_BYTES
    assert (tmp_path / "lco-kit.log").read_text(encoding="utf-8") == "ok\n"
