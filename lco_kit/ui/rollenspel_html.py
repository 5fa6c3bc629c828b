"""The role-play's HTML, shared by its two pages and the casus chooser: cards, checks, moments, feedback, score.

Every text from a casus, a moments file or an upload is escaped. The classes (``lco-rs-…``)
are styled in the template (``lco-pagina-rollenspel.css``).
"""

from __future__ import annotations

from collections.abc import Sequence

from lco_kit.rollenspel import (
    FASEN,
    Controle,
    Rolkaart,
    ScenarioMoment,
    ScenarioScore,
    Terugkoppeling,
    fase,
    rollen,
    rollenspel_text,
)
from lco_kit.ui.widgets import escape

__all__ = ["card_html", "checks_html", "feedback_html", "moment_html", "roles_overview_html", "score_html"]

t = rollenspel_text


def card_html(card: Rolkaart, *, openbaar: bool = False, zitje: str | None = None) -> str:
    """Return a role card as HTML (all text escaped); only its public parts when asked."""
    parts = card.openbare_delen if openbaar else card.delen
    head = f"<h3>{escape(card.label)}</h3>"
    if zitje:
        head += f'<p class="lco-rs-kaart-voor">{escape(t("kaart_voor", naam=zitje))}</p>'
    if not openbaar:
        head += f'<p class="lco-rs-besloten">{escape(t("pdf_persoonlijk"))}</p>'
    body = "".join(
        f"<h4>{escape(part.kop)}</h4><ul>{''.join(f'<li>{escape(line)}</li>' for line in part.regels)}</ul>"
        for part in parts
    )
    kind = "lco-rs-kaart-openbaar" if openbaar else "lco-rs-kaart-besloten"
    return f'<section class="lco-kaart lco-rs-kaart {kind} lco-rs-kaart-{escape(card.sleutel)}">{head}{body}</section>'


def checks_html(checks: Sequence[Controle]) -> str:
    """Return the outcome of the setup checks as HTML."""
    items = []
    for check in checks:
        mark = t("controle_ok" if check.ok else "controle_niet_ok")
        details = "".join(f"<li>{escape(line)}</li>" for line in check.details)
        items.append(
            f'<div class="lco-rs-controle lco-rs-controle-{"ok" if check.ok else "niet-ok"} '
            f'lco-rs-controle-{escape(check.code)}" role="status">'
            f"<strong>{escape(mark)} {escape(check.titel)}</strong><p>{escape(check.uitleg)}</p>"
            f"{f'<ul>{details}</ul>' if details else ''}</div>"
        )
    return "".join(items)


def roles_overview_html() -> str:
    """Return who does what, per role and per phase, as a table."""
    phases = [fase(code) for code in FASEN]
    head = "".join(f"<th scope='col'>{escape(p.naam)}</th>" for p in phases)
    rows = []
    for role in rollen():
        cells = "".join(
            "<td><ul>" + "".join(f"<li>{escape(task)}</li>" for task in role.taken.in_fase(p.code)) + "</ul></td>"
            for p in phases
        )
        rows.append(f"<tr><th scope='row'>{escape(role.naam)}<br><small>{escape(role.kern)}</small></th>{cells}</tr>")
    caption = escape(t("rollen_overzicht_bijschrift"))
    return (
        f'<div class="lco-rs-rollen"><table><caption>{caption}</caption>'
        f"<thead><tr><th scope='col'>{escape(t('rollen_overzicht_rol'))}</th>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def moment_html(moment: ScenarioMoment) -> str:
    """Return a moment's situation and question as HTML."""
    return (
        f'<div class="lco-rs-moment-inhoud lco-rs-moment-id-{escape(moment.id)}">'
        f'<p class="lco-rs-fase-label">{escape(t("moment_fase", fase=fase(moment.fase).naam))}</p>'
        f"<h3>{escape(moment.titel)}</h3>"
        f'<p class="lco-rs-situatie">{escape(moment.situatie)}</p>'
        f'<p class="lco-rs-vraag">{escape(moment.vraag)}</p></div>'
    )


def feedback_html(feedback: Terugkoppeling) -> str:
    """Return the feedback on a choice: the verdict, the reason, and every other option's reason."""
    verdict = t("oordeel_juist" if feedback.juist else "oordeel_fout")
    parts = [f'<p class="lco-rs-oordeel" role="status">{escape(verdict)}</p>']

    def option(label: str, tekst: str, uitleg: str, who: str | None, right: bool) -> str:
        actor = f" <small>({escape(t('optie_wie', rol=who))})</small>" if who else ""
        return (
            f'<div class="lco-rs-optie-uitleg {"lco-rs-juist" if right else "lco-rs-fout"}">'
            f'<span class="lco-rs-status">{escape(label)}</span>'
            f"<span>{escape(tekst)}{actor}</span><p>{escape(uitleg)}</p></div>"
        )

    chosen = feedback.gekozen
    parts.append(
        option(
            t("uitleg_gekozen_juist" if chosen.juist else "uitleg_gekozen_fout"),
            chosen.tekst,
            chosen.uitleg,
            chosen.wie_naam,
            chosen.juist,
        )
    )
    right = [o for o in feedback.overige if o.juist]
    wrong = [o for o in feedback.overige if not o.juist]
    for item in right:
        parts.append(option(t("uitleg_methode"), item.tekst, item.uitleg, item.wie_naam, right=True))
    if wrong:
        parts.append(f"<h4>{escape(t('uitleg_andere'))}</h4>")
        parts += [option(t("uitleg_andere_keuze"), o.tekst, o.uitleg, o.wie_naam, right=False) for o in wrong]
    return "".join(parts)


def _kern(code: str) -> str:
    return next(r.kern for r in rollen() if r.code == code)


def score_html(result: ScenarioScore) -> str:
    """Return the score per role as a table, with what to read again."""
    rows = "".join(
        f'<tr class="lco-rs-score-rol-{escape(s.rol)}"><th scope="row">{escape(s.naam)}</th>'
        f"<td>{s.juist}</td><td>{s.momenten}</td><td>{s.procent}%</td></tr>"
        for s in result.per_rol
    )
    weak = [s for s in result.per_rol if s.aandeel < 0.5]  # noqa: PLR2004  (less than half: read again)
    advice = (
        "".join(f"<li>{escape(t('score_herlees', rol=s.naam, kern=_kern(s.rol)))}</li>" for s in weak)
        if weak
        else f"<li>{escape(t('score_alles_goed'))}</li>"
    )
    headers = "".join(
        f"<th scope='col'>{escape(t(key))}</th>"
        for key in ("score_kolom_rol", "score_kolom_juist", "score_kolom_momenten", "score_kolom_procent")
    )
    total = t("score_totaal", juist=result.juist, momenten=result.momenten)
    return (
        f"<h3>{escape(t('score_titel'))}</h3>"
        f'<p class="lco-rs-score-totaal"><strong>{escape(total)}</strong></p>'
        f"<table><caption>{escape(t('score_tabel_bijschrift'))}</caption><thead><tr>{headers}</tr></thead>"
        f"<tbody>{rows}</tbody></table>"
        f"<h4>{escape(t('score_verder'))}</h4><ul>{advice}</ul>"
    )
