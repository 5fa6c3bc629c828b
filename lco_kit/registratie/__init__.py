"""The yearly LCO registration: format, import and check, figures, suppression, charts, reports, simulator.

Only this package knows the registration's columns. The usual path::

    registration = load_registration(Path("registratie.csv"))   # every invalid row reported
    view = build_overview(registration, Selection(years=(2016,)))
    pdf = jaarrapport_pdf(view)                                  # and signalennota_pdf(view)

For a single row (a stappenplan's verslag exported as a registration row), use
:func:`validate_row` with the columns in :data:`REGISTRATION_COLUMNS`.
"""

from lco_kit.registratie.analysis import Selection, Signal, signals, summary
from lco_kit.registratie.importer import (
    FileLayout,
    MissingColumnsError,
    Registration,
    inspect_file,
    load_registration,
    read_export,
    validate_export,
    validate_frame,
)
from lco_kit.registratie.report import (
    EXPORT_TABLES,
    Overview,
    build_overview,
    export_table,
    jaarrapport_pdf,
    signalennota_pdf,
)
from lco_kit.registratie.schema import (
    OPTIONAL_COLUMNS,
    REGISTRATION_COLUMNS,
    REQUIRED_COLUMNS,
    RowCheck,
    RowProblem,
    cell_text,
    check_row,
    validate_row,
)
from lco_kit.registratie.simulator import parse_years, simulate_registratie, simulated_export
from lco_kit.registratie.suppression import SuppressedTable, suppress_table
from lco_kit.registratie.templates import template_csv, template_xlsx

__all__ = [
    "EXPORT_TABLES",
    "OPTIONAL_COLUMNS",
    "REGISTRATION_COLUMNS",
    "REQUIRED_COLUMNS",
    "FileLayout",
    "MissingColumnsError",
    "Overview",
    "Registration",
    "RowCheck",
    "RowProblem",
    "Selection",
    "Signal",
    "SuppressedTable",
    "build_overview",
    "cell_text",
    "check_row",
    "export_table",
    "inspect_file",
    "jaarrapport_pdf",
    "load_registration",
    "parse_years",
    "read_export",
    "signalennota_pdf",
    "signals",
    "simulate_registratie",
    "simulated_export",
    "summary",
    "suppress_table",
    "template_csv",
    "template_xlsx",
    "validate_export",
    "validate_frame",
    "validate_row",
]
