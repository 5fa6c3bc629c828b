"""The kit's server: starting Voilà with the kit's settings, and the light participant pages.

- :mod:`lco_kit.server.start`: ``lco-kit start`` — settings, pools of kept kernels, a room.
- :mod:`lco_kit.server.app`: the kit's Voilà application (light pages, kernel ceiling).
- :mod:`lco_kit.server.deelnemen`: the participant's light pages, for any tornado host.
- :mod:`lco_kit.server.extension`: the same pages as a Jupyter server extension.
- :mod:`lco_kit.server.service`: the same pages as a small stand-alone service (a hub service).
"""

from __future__ import annotations

from lco_kit._lazy import lazy_exports

_START = "lco_kit.server.start"
_EXPORTS = {
    "ROOM_FACILITATOR_PAGES": _START,
    "ROOM_PAGES": _START,
    "ROOM_SIZE": _START,
    "START_PAGE": _START,
    "ServerPlan": _START,
    "check_port": _START,
    "lan_address": _START,
    "plan_server": _START,
    "pool_sizes": _START,
    "pools_ready": _START,
    "refill_pools": _START,
    "room_size": _START,
    "serve": _START,
    "settings_dir": _START,
    "templates_dir": _START,
    "default_ceiling": "lco_kit.server.app",
    "participant_path": "lco_kit.server.deelnemen",
}
__all__ = [
    "ROOM_FACILITATOR_PAGES",
    "ROOM_PAGES",
    "ROOM_SIZE",
    "START_PAGE",
    "ServerPlan",
    "check_port",
    "default_ceiling",
    "lan_address",
    "participant_path",
    "plan_server",
    "pool_sizes",
    "pools_ready",
    "refill_pools",
    "room_size",
    "serve",
    "settings_dir",
    "templates_dir",
]

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, __all__)


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    """Tell Jupyter server where the kit's extension is (``jupyter server`` finds it by this name)."""
    return [{"module": "lco_kit.server.extension"}]
