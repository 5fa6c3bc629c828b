"""The kit's server: starting Voilà with the kit's settings, and the light participant pages.

- :mod:`lco_kit.server.start`: ``lco-kit start`` — settings, pools of kept kernels, a room.
- :mod:`lco_kit.server.app`: the kit's Voilà application (light pages, kernel ceiling).
- :mod:`lco_kit.server.deelnemen`: the participant's light pages, for any tornado host.
- :mod:`lco_kit.server.extension`: the same pages as a Jupyter server extension.
- :mod:`lco_kit.server.service`: the same pages as a small stand-alone service (a hub service).
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    """Tell Jupyter server where the kit's extension is (``jupyter server`` finds it by this name)."""
    return [{"module": "lco_kit.server.extension"}]
