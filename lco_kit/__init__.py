"""lco-kit: a training and reflection kit for the lokaal cliëntoverleg (LCO).

The public API is named here; pages (notebooks) use only these names. Names are imported
when first used (PEP 562), so a page pays only for what it uses: the first paint of a
page in a training room depends on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lco_kit._lazy import lazy_exports

__version__ = "0.1.0"

_EXPORTS = {
    "Chart": "lco_kit.charts",
    "bar_chart": "lco_kit.charts",
    "line_chart": "lco_kit.charts",
    "radar_chart": "lco_kit.charts",
    "code_list": "lco_kit.codes",
    "gemeenten_in": "lco_kit.codes",
    "lookup": "lco_kit.codes",
    "lookup_gemeente": "lco_kit.codes",
    "ContentModel": "lco_kit.content",
    "ContentPart": "lco_kit.content",
    "content_files": "lco_kit.content",
    "content_path": "lco_kit.content",
    "load_model": "lco_kit.content",
    "ContentError": "lco_kit.errors",
    "LcoError": "lco_kit.errors",
    "Problem": "lco_kit.errors",
    "to_belgian_csv": "lco_kit.export",
    "to_xlsx": "lco_kit.export",
    "PageInfo": "lco_kit.pages",
    "list_pages": "lco_kit.pages",
    "PdfDocument": "lco_kit.pdf",
    "Casus": "lco_kit.casus",
    "load_casus": "lco_kit.casus",
    "list_casussen": "lco_kit.casus",
    "load_casus_file": "lco_kit.casus",
    "casus_to_yaml": "lco_kit.casus",
    "check_casus": "lco_kit.casus",
    "simulate_casus": "lco_kit.casus",
    "scan_privacy": "lco_kit.casus",
    "casus_handout": "lco_kit.casus",
    "load_principes": "lco_kit.principes",
    "load_banks": "lco_kit.oefeningen",
    "check_answer": "lco_kit.oefeningen",
    "plan_les": "lco_kit.oefeningen",
    "score_les": "lco_kit.oefeningen",
    "role_cards": "lco_kit.rollenspel",
    "cards_pdf": "lco_kit.rollenspel",
    "build_scenario": "lco_kit.rollenspel",
    "score_scenario": "lco_kit.rollenspel",
    "check_setup": "lco_kit.rollenspel",
    "Stappenplan": "lco_kit.stappenplan",
    "new_stappenplan": "lco_kit.stappenplan",
    "check_stappenplan": "lco_kit.stappenplan",
    "verslag_pdf": "lco_kit.stappenplan",
    "verslag_markdown": "lco_kit.stappenplan",
    "registratie_rij": "lco_kit.stappenplan",
    "follow_up_casus": "lco_kit.stappenplan",
    "opening_view": "lco_kit.stappenplan",
    "ReflectieStore": "lco_kit.reflectie",
    "load_instrument": "lco_kit.reflectie",
    "score_session": "lco_kit.reflectie",
    "build_report": "lco_kit.reflectie",
    "report_pdf": "lco_kit.reflectie",
    "paper_pdf": "lco_kit.reflectie",
    "trends": "lco_kit.reflectie",
    "load_registration": "lco_kit.registratie",
    "check_row": "lco_kit.registratie",
    "validate_row": "lco_kit.registratie",
    "summary": "lco_kit.registratie",
    "signals": "lco_kit.registratie",
    "simulate_registratie": "lco_kit.registratie",
    "jaarrapport_pdf": "lco_kit.registratie",
    "signalennota_pdf": "lco_kit.registratie",
    "REGISTRATION_COLUMNS": "lco_kit.registratie",
}

__all__ = [
    "REGISTRATION_COLUMNS",
    "Casus",
    "Chart",
    "ContentError",
    "ContentModel",
    "ContentPart",
    "LcoError",
    "PageInfo",
    "PdfDocument",
    "Problem",
    "ReflectieStore",
    "Stappenplan",
    "__version__",
    "bar_chart",
    "build_report",
    "build_scenario",
    "cards_pdf",
    "casus_handout",
    "casus_to_yaml",
    "check_answer",
    "check_casus",
    "check_row",
    "check_setup",
    "check_stappenplan",
    "code_list",
    "content_files",
    "content_path",
    "follow_up_casus",
    "gemeenten_in",
    "jaarrapport_pdf",
    "line_chart",
    "list_casussen",
    "list_pages",
    "load_banks",
    "load_casus",
    "load_casus_file",
    "load_instrument",
    "load_model",
    "load_principes",
    "load_registration",
    "lookup",
    "lookup_gemeente",
    "new_stappenplan",
    "opening_view",
    "paper_pdf",
    "plan_les",
    "radar_chart",
    "registratie_rij",
    "report_pdf",
    "role_cards",
    "scan_privacy",
    "score_les",
    "score_scenario",
    "score_session",
    "signalennota_pdf",
    "signals",
    "simulate_casus",
    "simulate_registratie",
    "summary",
    "to_belgian_csv",
    "to_xlsx",
    "trends",
    "validate_row",
    "verslag_markdown",
    "verslag_pdf",
]


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, __all__)

if TYPE_CHECKING:
    from lco_kit.casus import (
        Casus,
        casus_handout,
        casus_to_yaml,
        check_casus,
        list_casussen,
        load_casus,
        load_casus_file,
        scan_privacy,
        simulate_casus,
    )
    from lco_kit.charts import Chart, bar_chart, line_chart, radar_chart
    from lco_kit.codes import code_list, gemeenten_in, lookup, lookup_gemeente
    from lco_kit.content import ContentModel, ContentPart, content_files, content_path, load_model
    from lco_kit.errors import ContentError, LcoError, Problem
    from lco_kit.export import to_belgian_csv, to_xlsx
    from lco_kit.oefeningen import check_answer, load_banks, plan_les, score_les
    from lco_kit.pages import PageInfo, list_pages
    from lco_kit.pdf import PdfDocument
    from lco_kit.principes import load_principes
    from lco_kit.reflectie import (
        ReflectieStore,
        build_report,
        load_instrument,
        paper_pdf,
        report_pdf,
        score_session,
        trends,
    )
    from lco_kit.registratie import (
        REGISTRATION_COLUMNS,
        check_row,
        jaarrapport_pdf,
        load_registration,
        signalennota_pdf,
        signals,
        simulate_registratie,
        summary,
        validate_row,
    )
    from lco_kit.rollenspel import build_scenario, cards_pdf, check_setup, role_cards, score_scenario
    from lco_kit.stappenplan import (
        Stappenplan,
        check_stappenplan,
        follow_up_casus,
        new_stappenplan,
        opening_view,
        registratie_rij,
        verslag_markdown,
        verslag_pdf,
    )
