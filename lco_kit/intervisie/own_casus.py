"""The case owner's own casus, typed in a short form, built into the kit's one casus model.

An intervisie needs less than a casus file: a title, the situation in a few lines, the
client's age band and household, the life domains at stake, the services involved and the
learning question. What the casus model needs beyond that, the form asks in plain words
(what the client asks, what goes well, which situation it resembles, how heavy the domains
weigh, a wall the client hits, consent); what no intervisie knows (since when a service
helps, how it sees things) is filled with a sentence that says it was not asked.

Nothing is shown before :func:`form_findings` finds the form clean: a projected screen
never shows personal data, only the masked findings.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from pydantic import ValidationError

from lco_kit.casus import Casus, PrivacyFinding, scan_privacy
from lco_kit.codes import UnknownCodeError, lookup
from lco_kit.errors import LcoError
from lco_kit.intervisie.method import intervisie_text

__all__ = ["AGE_BANDS", "EigenCasus", "build_casus", "form_findings", "public_host"]

AGE_BANDS = ("18-24", "25-44", "45-64", "65+")
"""The client's age bands the form offers (an LCO's client is an adult; minors are in the household)."""
MAX_FIELD = 1500
_LABELS = {
    "titel": "veld_titel",
    "situatie": "veld_situatie",
    "huishouden": "veld_huishouden",
    "hulpvraag": "veld_hulpvraag",
    "wat_goed_gaat": "veld_wat_goed_gaat",
    "diensten": "veld_diensten",
    "knelpunt": "veld_knelpunt",
    "leervraag": "veld_leervraag",
}


@dataclass(frozen=True)
class EigenCasus:
    """What the case owner typed in the form (plain text and choices, nothing built yet)."""

    titel: str = ""
    situatie: str = ""
    leeftijd: str = ""
    huishouden: str = ""
    profiel: str = ""
    domeinen: tuple[str, ...] = ()
    zwaarte: int = 2
    diensten: str = ""
    hulpvraag: str = ""
    wat_goed_gaat: str = ""
    knelpunt: str = ""
    leervraag: str = ""
    toestemming: bool = True

    def as_dict(self) -> dict[str, object]:
        """Return the form as plain data (for a draft that survives a reload)."""
        return {f.name: list(v) if isinstance(v := getattr(self, f.name), tuple) else v for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> EigenCasus:
        """Return a form from :meth:`as_dict` data (unknown keys are ignored)."""
        known = {f.name for f in fields(cls)}
        values = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in known}
        return cls(**values)  # type: ignore[arg-type]

    def services(self) -> list[str]:
        """Return the services, one per non-empty line."""
        return [line.strip(" -•\t") for line in self.diensten.splitlines() if line.strip(" -•\t")]


def public_host() -> bool:
    """Return whether the kit runs on a public host (Binder), where no own casus is typed."""
    import os  # noqa: PLC0415

    return bool(os.environ.get("BINDER_LAUNCH_HOST") or os.environ.get("BINDER_REPO_URL"))


def form_findings(form: EigenCasus) -> list[tuple[str, PrivacyFinding]]:
    """Return every piece of personal data in the form's texts, with the field it is in (masked)."""
    found = []
    for name, key in _LABELS.items():
        for finding in scan_privacy(str(getattr(form, name))):
            found.append((intervisie_text(key), finding))
    return found


def _problems(form: EigenCasus) -> list[str]:
    t = intervisie_text
    problems = []
    for name in ("titel", "situatie", "huishouden", "hulpvraag", "wat_goed_gaat", "leervraag"):
        value = str(getattr(form, name)).strip()
        if not value:
            problems.append(t("fout_veld_leeg", veld=t(_LABELS[name])))
        elif len(value) > MAX_FIELD:
            problems.append(t("fout_te_lang", veld=t(_LABELS[name]), max=MAX_FIELD))
    if form.leeftijd not in AGE_BANDS:
        problems.append(t("fout_leeftijd"))
    if not form.profiel:
        problems.append(t("fout_veld_leeg", veld=t("veld_profiel")))
    if not form.domeinen:
        problems.append(t("fout_domeinen"))
    if len(form.services()) < 2:  # noqa: PLR2004  (the casus model asks two providers at least)
        problems.append(t("fout_diensten_twee"))
    return problems


def _sector(service: str) -> str:
    for candidate in (service, *service.replace(",", " ").split()):
        try:
            return lookup("sectoren", candidate).code
        except UnknownCodeError:
            continue
    return "andere"


def build_casus(form: EigenCasus, today: date | None = None) -> Casus:
    """Return the form as the kit's casus (``herkomst: geanonimiseerd``).

    Raises:
        LcoError: In Dutch, listing every field to fill in or fix; or the findings, masked,
            when the form holds personal data.
    """
    findings = form_findings(form)
    if findings:
        lines = "\n".join(f"- {where}: {finding.describe()}" for where, finding in findings)
        raise LcoError(f"{intervisie_text('fout_privacy', waar='de casus')}\n{lines}")
    problems = _problems(form)
    if problems:
        raise LcoError("\n".join(f"- {p}" for p in problems))
    t = intervisie_text
    year = str((today or date.today()).year)
    not_asked = t("eigen_casus_niet_gevraagd")
    providers = [
        {
            "id": f"dienst-{number}",
            "dienst": service,
            "sector": _sector(service),
            "rol": t("eigen_casus_rol"),
            "sinds": year,
            "nabijheid": "regelmatig",
            "visie": not_asked,
            "zorg": not_asked,
        }
        for number, service in enumerate(form.services(), start=1)
    ]
    data: dict[str, object] = {
        "schema_version": 1,
        "id": "eigen-casus",
        "titel": form.titel.strip(),
        "samenvatting": form.situatie.strip(),
        "profiel": form.profiel,
        "herkomst": "geanonimiseerd",
        "client": {
            "pseudoniem": t("eigen_casus_client"),
            "leeftijdsgroep": form.leeftijd,
            "huishouden": form.huishouden.strip(),
        },
        "toestemming": form.toestemming,
        "hulpvraag": form.hulpvraag.strip(),
        "wat_goed_gaat": [line.strip() for line in form.wat_goed_gaat.splitlines() if line.strip()],
        "levensdomeinen": [
            {"domein": domain, "score": form.zwaarte, "situatie": t("eigen_casus_domein")} for domain in form.domeinen
        ],
        "hulpverleners": providers,
        "aanvrager": {"soort": "andere"},
        "knelpunten": [
            {"categorie": "andere", "omschrijving": form.knelpunt.strip() or t("eigen_casus_knelpunt_leeg")}
        ],
    }
    if not form.toestemming:
        data["geen_lco"] = t("eigen_casus_geen_toestemming")
    try:
        return Casus.model_validate(data)
    except ValidationError as error:
        messages = [str(e.get("msg", "")).removeprefix("Value error, ") for e in error.errors()]
        raise LcoError("\n".join(f"- {m}" for m in messages)) from None
