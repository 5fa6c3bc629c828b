# The server's face, each name once (lazy_loader imports a module on first use).
from .start import ROOM_FACILITATOR_PAGES as ROOM_FACILITATOR_PAGES
from .start import ROOM_PAGES as ROOM_PAGES
from .start import ROOM_SIZE as ROOM_SIZE
from .start import lan_address as lan_address
from .start import plan_server as plan_server
from .start import pool_sizes as pool_sizes
from .start import refill_pools as refill_pools
from .start import room_size as room_size
from .start import serve as serve
from .start import settings_dir as settings_dir
from .start import templates_dir as templates_dir

def _jupyter_server_extension_points() -> list[dict[str, str]]: ...
