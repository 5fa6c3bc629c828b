"""The casus as a person sees it: the life-domain profile and the network map.

Both are drawn with matplotlib's object-oriented API on :func:`lco_kit.charts.new_figure`
and returned as a :class:`~lco_kit.charts.Chart` with a Dutch alt text that says what a
sighted reader sees, numbers included.
"""

from __future__ import annotations

import math
import textwrap
from collections import defaultdict

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.lines import Line2D
from matplotlib.patches import Circle
from matplotlib.transforms import Bbox

from lco_kit.casus.model import Casus
from lco_kit.casus.parts import Hulpverlener
from lco_kit.casus.texts import casus_text, scale_level
from lco_kit.charts import PALETTE, Chart, new_figure
from lco_kit.codes import code_list

__all__ = ["domain_profile_chart", "network_map"]

_TEXT = "#1d1d1b"
_GRID = "#d0ccc3"
# Colour by band of the scale, from the Okabe–Ito palette; the label next to the bar says it in words too.
_BAND_COLOURS = {1: "#D55E00", 2: "#D55E00", 3: "#E69F00", 4: "#009E73", 5: "#009E73"}
_RADIUS = {"dichtbij": 1.7, "regelmatig": 2.5, "op afstand": 3.3}
_MAX_RADIUS = 4.0
_CLIENT_RADIUS = 0.62
_HALF_WIDTH = 5.4
_HALF_HEIGHT = 4.1
# Okabe–Ito first, then darker tones: a border colour per sector, with the sector named in the legend.
_MAP_COLOURS = (*PALETTE[:7], "#7a5c00", "#5e3c99", "#4d7f17", "#8c2d04", "#2c7fb8")


def domain_profile_chart(casus: Casus) -> Chart:
    """Return the life-domain profile: a bar per domain on the 1–5 scale, strengths marked.

    Args:
        casus: The casus.

    Returns:
        A chart whose alt text names every domain with its score, level and strengths.
    """
    labels = code_list("levensdomeinen")
    domains = list(casus.levensdomeinen)
    height = max(3.0, 0.62 * len(domains) + 1.6)
    figure = new_figure(9.0, height)
    ax = figure.add_subplot()
    positions = list(range(len(domains)))[::-1]
    for position, domain in zip(positions, domains, strict=True):
        ax.barh(position, domain.score, color=_BAND_COLOURS[domain.score], height=0.62)
        level = scale_level(domain.score).label.lower()
        ax.annotate(
            f"{domain.score} · {level}",
            (domain.score, position),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            fontsize=11.5,
            color=_TEXT,
        )
        if domain.sterktes:
            ax.annotate(
                f"✚ {casus_text('grafiek_profiel_sterkte')}",
                (0.08, position),
                va="center",
                fontsize=10.5,
                color="white",
                fontweight="bold",
            )
    ax.set_yticks(positions, [labels.label(d.domein) for d in domains])
    ax.set_xlim(0, 6.4)
    ax.set_xticks([1, 2, 3, 4, 5])
    ax.set_xlabel(casus_text("grafiek_profiel_as"), fontsize=11.5)
    ax.set_title(casus_text("grafiek_profiel_titel", naam=casus.client.pseudoniem), fontsize=15, color=_TEXT)
    ax.grid(axis="x", color=_GRID)
    ax.set_axisbelow(True)
    ax.tick_params(labelsize=12, colors=_TEXT)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    parts = []
    for d in domains:
        part = casus_text(
            "grafiek_profiel_alt_domein",
            domein=labels.label(d.domein),
            score=d.score,
            niveau=scale_level(d.score).label.lower(),
        )
        if d.sterktes:
            strengths = " ".join(s.rstrip(".") + "." for s in d.sterktes).rstrip(".")
            part += ", " + casus_text("grafiek_profiel_alt_sterktes", sterktes=strengths)
        parts.append(part)
    described = "; ".join(parts)
    alt = casus_text("grafiek_profiel_alt", naam=casus.client.pseudoniem, domeinen=described)
    return Chart(figure, alt)


def _who(provider: Hulpverlener) -> str:
    return f"{provider.naam}, {provider.rol}" if provider.naam else provider.rol


def network_map(casus: Casus, spilfiguur: str | None = None) -> Chart:
    """Return the network map: the client in the centre, the providers around, grouped by sector.

    Providers closer to the client (``nabijheid``) stand closer to the centre; a box that
    would cover another moves outwards along its line. The spilfiguur, once chosen, is
    marked in words and with a thick border; the coördinator stands apart, as a neutral party.

    Args:
        casus: The casus.
        spilfiguur: A provider id to mark as spilfiguur (default: the one in the casus's
            ``opstelling``, if any).

    Returns:
        A chart whose alt text names every provider by sector, and the spilfiguur.
    """
    sectors = code_list("sectoren")
    order = [c.code for c in sectors.codes]
    chosen = spilfiguur if spilfiguur is not None else (casus.opstelling.spilfiguur if casus.opstelling else None)
    groups: dict[str, list[Hulpverlener]] = defaultdict(list)
    for provider in casus.hulpverleners:
        groups[provider.sector].append(provider)
    ordered = sorted(groups.items(), key=lambda item: order.index(item[0]))
    colours = {sector: _MAP_COLOURS[index % len(_MAP_COLOURS)] for index, (sector, _) in enumerate(ordered)}

    figure = new_figure(10.0, 9.6)
    figure.set_layout_engine("none")  # fixed positions, so that boxes can be measured and kept apart
    renderer = FigureCanvasAgg(figure).get_renderer()
    ax = figure.add_axes((0.02, 0.15, 0.96, 0.79))
    ax.set_xlim(-_HALF_WIDTH, _HALF_WIDTH)
    ax.set_ylim(-_HALF_HEIGHT, _HALF_HEIGHT)
    ax.set_aspect("equal")
    ax.apply_aspect()  # now, not at drawing time, so that the boxes are measured where they will be
    ax.axis("off")
    for radius in _RADIUS.values():
        ax.add_patch(Circle((0, 0), radius, fill=False, color=_GRID, linestyle=":", linewidth=1))
    ax.add_patch(Circle((0, 0), _CLIENT_RADIUS, color="#1f4e79", zorder=2))
    centre = ax.text(
        0,
        0,
        f"{casus.client.pseudoniem}\n{casus_text('grafiek_netwerk_client')}",
        ha="center",
        va="center",
        fontsize=12,
        color="white",
        fontweight="bold",
        zorder=4,
    )
    taken = [_padded(centre.get_window_extent(renderer), 30)]

    # Sectors follow each other around the circle, so that a sector's providers stand together.
    angle = math.pi / 2
    step = 2 * math.pi / len(casus.hulpverleners)
    for sector, members in ordered:
        colour = colours[sector]
        for provider in members:
            is_spil = provider.id == chosen
            label = "\n".join(textwrap.wrap(_who(provider), 22) + textwrap.wrap(provider.dienst, 24)[:2])
            if is_spil:
                label = f"★ {casus_text('grafiek_netwerk_spil').upper()}\n{label}"
            box = ax.text(
                0,
                0,
                label,
                ha="center",
                va="center",
                fontsize=11,
                color=_TEXT,
                zorder=3,
                bbox={
                    "boxstyle": "round,pad=0.4",
                    "facecolor": "white",
                    "edgecolor": colour,
                    "linewidth": 4.0 if is_spil else 2.0,
                },
            )
            radius = _RADIUS[provider.nabijheid]
            while True:
                x, y = radius * math.cos(angle), radius * math.sin(angle)
                box.set_position((x, y))
                extent = _padded(box.get_window_extent(renderer), 22)
                if radius >= _MAX_RADIUS or not any(extent.overlaps(other) for other in taken):
                    break
                radius += 0.1
            taken.append(extent)
            ax.plot([0, x], [0, y], color=colour, linewidth=3.2 if is_spil else 1.6, zorder=1)
            angle -= step

    handles = [Line2D([], [], color=colours[sector], linewidth=6, label=sectors.label(sector)) for sector, _ in ordered]
    figure.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.02, 0.02), ncols=2, fontsize=11, frameon=False)
    figure.text(0.02, 0.15, casus_text("grafiek_netwerk_legende_nabijheid"), fontsize=11, color=_TEXT)
    coordinator = casus.opstelling.coordinator if casus.opstelling else None
    if coordinator is not None:
        who = f"{coordinator.naam}, {coordinator.dienst}" if coordinator.naam else coordinator.dienst
        figure.text(
            0.97,
            0.04,
            "\n".join([casus_text("grafiek_netwerk_coordinator"), *textwrap.wrap(who, 28)[:2]]),
            ha="right",
            va="bottom",
            fontsize=9.5,
            color=_TEXT,
            bbox={"boxstyle": "round,pad=0.5", "facecolor": "white", "edgecolor": _TEXT, "linestyle": "--"},
        )
    figure.suptitle(casus_text("grafiek_netwerk_titel", naam=casus.client.pseudoniem), fontsize=15, color=_TEXT, y=0.97)
    return Chart(figure, _network_alt(casus, ordered, chosen))


def _padded(box: Bbox, pixels: float) -> Bbox:
    return Bbox.from_extents(box.x0 - pixels / 2, box.y0 - pixels / 2, box.x1 + pixels / 2, box.y1 + pixels / 2)


def _network_alt(casus: Casus, ordered: list[tuple[str, list[Hulpverlener]]], chosen: str | None) -> str:
    sectors = code_list("sectoren")
    groups = "; ".join(
        casus_text(
            "grafiek_netwerk_alt_groep",
            sector=sectors.label(sector),
            leden=", ".join(
                casus_text(
                    "grafiek_netwerk_alt_lid",
                    wie=f"{_who(p)} van {p.dienst}",
                    nabijheid=casus_text(f"nabijheid_{p.nabijheid}"),
                )
                for p in members
            ),
        )
        for sector, members in ordered
    )
    if chosen is not None:
        spil_provider = casus.provider(chosen)
        spil = casus_text("grafiek_netwerk_alt_spil", wie=f"{_who(spil_provider)} van {spil_provider.dienst}")
    else:
        spil = casus_text("grafiek_netwerk_alt_geen_spil")
    sentences = [
        casus_text(
            "grafiek_netwerk_alt",
            naam=casus.client.pseudoniem,
            aantal=len(casus.hulpverleners),
            sectoren=len(ordered),
            groepen=groups,
        ),
        spil,
    ]
    coordinator = casus.opstelling.coordinator if casus.opstelling else None
    if coordinator is not None:
        sentences.append(casus_text("grafiek_netwerk_alt_coordinator", wie=coordinator.dienst))
    sentences.append(casus_text("grafiek_netwerk_alt_nabijheid"))
    return " ".join(sentences)
