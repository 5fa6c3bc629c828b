"""Casussen: anonymised client situations with the providers around them.

- the format (:class:`Casus`, documented in ``docs/casus-formaat.md``) and the curated
  library (:func:`list_casussen`, :func:`load_casus`);
- :func:`simulate_casus`: a made-up casus from a seed;
- :func:`scan_privacy`: personal data in any text, before a casus is shared;
- :func:`check_casus`: validation and privacy scan together, as ``lco-kit casus check`` does;
- :func:`require_lco`: refuses a casus that is not an LCO (``geen_lco``) for a role-play,
  a stappenplan or a reflection session, in Dutch and with the casus's reason;
- charts (:func:`domain_profile_chart`, :func:`network_map`) and the printable handout
  (:func:`casus_handout`: the participants' copy, or with ``begeleider=True`` the
  facilitator's copy that also holds what is not shared).
"""

from lco_kit.casus.charts import domain_profile_chart, network_map
from lco_kit.casus.check import CasusCheck, check_casus
from lco_kit.casus.handout import casus_handout
from lco_kit.casus.library import (
    MAX_CASUS_BYTES,
    CasusLibrary,
    casus_to_yaml,
    list_casussen,
    load_casus,
    load_casus_file,
    read_library,
)
from lco_kit.casus.model import Casus, Hulpverlener, Minderjarige, require_lco
from lco_kit.casus.privacy import PrivacyFinding, fake_identifier, not_checked, scan_privacy
from lco_kit.casus.profiles import Profile, find_profile, profiles
from lco_kit.casus.simulator import simulate_casus
from lco_kit.casus.texts import casus_text, scale, scale_level

__all__ = [
    "MAX_CASUS_BYTES",
    "Casus",
    "CasusCheck",
    "CasusLibrary",
    "Hulpverlener",
    "Minderjarige",
    "PrivacyFinding",
    "Profile",
    "casus_handout",
    "casus_text",
    "casus_to_yaml",
    "check_casus",
    "domain_profile_chart",
    "fake_identifier",
    "find_profile",
    "list_casussen",
    "load_casus",
    "load_casus_file",
    "network_map",
    "not_checked",
    "profiles",
    "read_library",
    "require_lco",
    "scale",
    "scale_level",
    "scan_privacy",
    "simulate_casus",
]
