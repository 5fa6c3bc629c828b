"""The casus page's HTML parts: the summary card, the client's wishes, the providers, the knelpunten.

Every value from a casus file is escaped: a casus text is never HTML.
"""

from __future__ import annotations

from collections.abc import Sequence

from lco_kit.casus import Bron, Casus, casus_text, find_profile
from lco_kit.codes import code_list
from lco_kit.dutch import dutch_date
from lco_kit.ui.widgets import escape

__all__ = ["card_html", "heading", "html_list", "knelpunten_html", "providers_html", "wishes_html"]


def heading(key: str, level: int = 2) -> str:
    """Return a heading with a fixed casus text."""
    return f"<h{level}>{escape(casus_text(key))}</h{level}>"


def html_list(items: Sequence[str]) -> str:
    """Return a bullet list, every item escaped."""
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def card_html(casus: Casus, bron: Bron = "bibliotheek") -> str:
    """Return the summary card of a casus as HTML (every text from the casus escaped)."""
    client = casus.client
    facts = [
        (casus_text("handout_profiel"), find_profile(casus.profiel).label),
        (casus_text("handout_pseudoniem"), client.pseudoniem),
        (casus_text("handout_leeftijd"), client.leeftijd_tekst),
        (casus_text("handout_huishouden"), client.huishouden),
    ]
    if casus.gemeente:
        facts.append((casus_text("handout_gemeente"), casus.gemeente))
    if client.minderjarigen:
        minors = "; ".join(m.beschrijving for m in client.minderjarigen)
        facts.append((casus_text("handout_minderjarigen"), minors))
    if client.thuistaal:
        language = client.thuistaal
        if client.tolk_nodig:
            language += f" — {casus_text('handout_tolk').lower()}"
        facts.append((casus_text("handout_thuistaal"), language))
    if client.vertrouwenspersoon:
        facts.append((casus_text("handout_vertrouwenspersoon"), client.vertrouwenspersoon))
    requester = code_list("aanvragers").label(casus.aanvrager.soort)
    if casus.aanvrager.hulpverlener:
        requester += f" — {casus.who_label(casus.aanvrager.hulpverlener)}"
    facts.append((casus_text("pagina_aanvrager"), requester))
    rows = "".join(
        f'<tr><th scope="row" class="lco-casus-feit">{escape(k)}</th><td>{escape(v)}</td></tr>' for k, v in facts
    )
    origin = escape(casus_text(f"pagina_herkomst_{bron}"))
    no_lco = ""
    if casus.geen_lco is not None:
        no_lco = (
            f'<div class="lco-casus-geen-lco"><p><strong>'
            f"{escape(casus_text('pagina_geen_lco', reden=casus.geen_lco.reden))}</strong></p>"
            f"<p>{escape(casus_text('pagina_geen_lco_uitleg'))}</p></div>"
        )
    return (
        f'<div class="lco-kaart"><p class="lco-casus-herkomst">{origin}</p>'
        f"<h3>{escape(casus.titel)}</h3><p>{escape(casus.samenvatting)}</p>{no_lco}"
        f'<table class="lco-casus-feiten">{rows}</table></div>'
    )


def wishes_html(casus: Casus) -> str:
    """Return what the client asks and what goes well.

    What is not shared at the table is never on this page (it is shown to a group): only a
    note that it exists, on the role cards and the facilitator's copy of the handout.
    """
    not_shared = (
        f"<p>{escape(casus_text('pagina_niet_delen_verborgen'))}</p>"
        if casus.niet_delen
        else f"<p>{escape(casus_text('pagina_niets_niet_delen'))}</p>"
    )
    return (
        heading("pagina_kop_vraag", 3)
        + f'<blockquote class="lco-casus-hulpvraag">“{escape(casus.hulpvraag)}”</blockquote>'
        + heading("pagina_kop_goed", 3)
        + html_list(casus.wat_goed_gaat)
        + heading("pagina_kop_niet_delen", 3)
        + f'<div class="lco-casus-niet-delen">{not_shared}</div>'
    )


def providers_html(casus: Casus) -> str:
    """Return each provider with their own view and worry."""
    sectors = code_list("sectoren")
    cards = []
    for provider in casus.hulpverleners:
        name = f"{provider.naam}, " if provider.naam else ""
        meta = " · ".join(
            [
                sectors.label(provider.sector),
                casus_text("pagina_sinds", sinds=provider.sinds),
                casus_text(f"nabijheid_{provider.nabijheid}"),
            ]
        )
        cards.append(
            f'<div class="lco-kaart"><h4>{escape(name + provider.rol)} — {escape(provider.dienst)}</h4>'
            f"<p>{escape(meta)}</p>"
            f"<p><strong>{escape(casus_text('handout_visie'))}:</strong> {escape(provider.visie)}</p>"
            f"<p><strong>{escape(casus_text('handout_zorg'))}:</strong> {escape(provider.zorg)}</p></div>"
        )
    return heading("pagina_kop_hulpverleners", 3) + "".join(cards)


def knelpunten_html(casus: Casus) -> str:
    """Return the knelpunten, and the agreements of an earlier LCO when there was one."""
    kinds = code_list("knelpunten")
    items = "".join(
        f"<li><strong>{escape(kinds.label(k.categorie))}:</strong> {escape(k.omschrijving)}</li>"
        for k in casus.knelpunten
    )
    html = heading("pagina_kop_knelpunten", 3) + f"<ul>{items}</ul>"
    if casus.vorige_lco is not None:
        headers = casus_text("handout_afspraak_kolommen").split("|")
        head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
        body = "".join(
            "<tr>"
            + "".join(
                f"<td>{escape(cell)}</td>"
                for cell in (
                    a.wat,
                    casus.who_label(a.wie),
                    dutch_date(a.tegen_wanneer) if a.tegen_wanneer else "",
                    casus_text(f"status_{a.status}"),
                )
            )
            + "</tr>"
            for a in casus.vorige_lco.afspraken
        )
        caption = casus_text("pagina_kop_vorige")
        if casus.vorige_lco.datum:
            caption += f" ({dutch_date(casus.vorige_lco.datum)})"
        html += (
            f'<table class="lco-tabel lco-casus-vorige"><caption>{escape(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )
    return html


# -------------------------------------------------------------------- the page
