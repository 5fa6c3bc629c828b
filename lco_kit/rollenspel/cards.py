"""Role cards from any casus: what each role knows and wants, one card per person at the table.

:func:`role_cards` deals a card to the coördinator, the client, each provider (one of them
the spilfiguur, one perhaps the requester), each minor old enough to take part, the
vertrouwenspersoon and, when the requester is not at the table, the requester. A card has
public parts (the role and its tasks, the invitation list, the rules of play: fine to
project) and private ones (what this person knows, wants and worries about).

Privacy between roles is the point of the game: what someone keeps out of the meeting
(``niet_delen``) is on the card of whoever told it (the client, or a minor who confided in a
provider) and on the cards of the providers who heard it (``bekend_bij``); no other card ever
holds it. The coördinator is told *that* the client keeps something apart, never *what*.
A line from the casus on another card that happens to contain such a subject is replaced
by a notice, never silently dropped.

:func:`~lco_kit.rollenspel.card_print.cards_pdf` prints the set for a table session, one card per
page; the fixed texts of the cards are in :mod:`lco_kit.rollenspel.card_texts`.

Examples:
    >>> from lco_kit.casus import simulate_casus
    >>> cards = role_cards(simulate_casus(3))
    >>> [card.rol for card in cards][:2]
    ['coordinator', 'client']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lco_kit.casus import Casus, Hulpverlener, Minderjarige, NietDelen, require_lco
from lco_kit.codes import code_list, normalize
from lco_kit.rollenspel.card_texts import card_contents
from lco_kit.rollenspel.facts import CasusFeiten, casus_facts, dutch_list
from lco_kit.rollenspel.roles import FASEN, RolCode, fase, rol
from lco_kit.rollenspel.texts import rollenspel_text

__all__ = ["KaartDeel", "Rolkaart", "assign_seats", "role_cards"]


# ------------------------------------------------------------------ cards


@dataclass(frozen=True)
class KaartDeel:
    """One part of a card: a heading and its lines; public parts may be projected."""

    kop: str
    regels: tuple[str, ...]
    openbaar: bool = False


@dataclass(frozen=True)
class Rolkaart:
    """The card of one person at the table.

    Attributes:
        sleutel: A unique key within the set (``coordinator``, ``client``, ``hulpverlener-ocmw``…).
        rol: The main role of this person.
        rollen: Every role this person takes (a provider may also be spilfiguur and requester).
        titel: The roles as a person reads them (``Spilfiguur · Hulpverlener``).
        persoon: Who this is in the casus (``Joyce (Dienst …)``).
        delen: The card's parts, public ones first.
        hulpverlener_id: The provider's id, for a provider's card.
    """

    sleutel: str
    rol: RolCode
    rollen: tuple[RolCode, ...]
    titel: str
    persoon: str
    delen: tuple[KaartDeel, ...]
    hulpverlener_id: str | None = None

    @property
    def openbare_delen(self) -> tuple[KaartDeel, ...]:
        """Return the parts that may be projected for everyone."""
        return tuple(d for d in self.delen if d.openbaar)

    @property
    def label(self) -> str:
        """Return the card's name in a list (``Coördinator — Sara (OCMW …)``)."""
        return f"{self.titel} — {self.persoon}"

    def tekst(self, *, openbaar: bool = False) -> str:
        """Return the card as plain text (only the public parts when asked)."""
        parts = self.openbare_delen if openbaar else self.delen
        lines = [self.label]
        for part in parts:
            lines.append(part.kop)
            lines += [f"- {line}" for line in part.regels]
        return "\n".join(lines)


def _fill(text: str, **values: object) -> str:
    return " ".join(text.format(**values).split())


def _tasks(codes: Sequence[RolCode]) -> KaartDeel:
    lines = []
    for code in codes:
        if len(codes) > 1:
            lines.append(rollenspel_text("kaart_taken_als", rol=rol(code).naam.lower()))
        for phase in FASEN:
            lines += [f"{fase(phase).naam}: {task}" for task in rol(code).taken.in_fase(phase)]
    return KaartDeel(rollenspel_text("kaart_taken"), tuple(lines), openbaar=True)


def _role_part(codes: Sequence[RolCode]) -> KaartDeel:
    return KaartDeel(rollenspel_text("kaart_rol"), tuple(rol(code).kern for code in codes), openbaar=True)


class _Secret:
    """Keeps every ``niet_delen`` off the cards of people who were not told it."""

    def __init__(self, casus: Casus, known: Sequence[NietDelen] = ()) -> None:
        self.client = casus.client.pseudoniem
        hidden = [item for item in casus.niet_delen if item not in known]
        self.subjects = [normalize(item.onderwerp) for item in hidden]
        self.subjects += [normalize(item.reden) for item in hidden if item.reden]
        self.subjects = [s for s in self.subjects if s]

    def clean(self, line: str) -> str:
        folded = normalize(line)
        if any(subject in folded for subject in self.subjects):
            return rollenspel_text("kaart_zin_weggelaten", client=self.client)
        return line


def _teller(casus: Casus, item: NietDelen) -> str:
    """Return who told it: the minor's pseudonym, or the client's."""
    return item.van or casus.client.pseudoniem


def _told_part(items: Sequence[NietDelen]) -> KaartDeel | None:
    """Return the part of a minor's card with what they told in confidence (None: nothing)."""
    if not items:
        return None
    texts = card_contents().vertrouwelijk
    lines = [
        _fill(texts.verteld_reden if item.reden else texts.verteld, onderwerp=item.onderwerp, reden=item.reden or "")
        for item in items
    ]
    lines.append(_fill(texts.tip_verteld))
    return KaartDeel(texts.kop_verteld, tuple(lines))


def _heard_part(casus: Casus, items: Sequence[NietDelen]) -> KaartDeel | None:
    """Return the part of a provider's card with what they heard in confidence (None: nothing)."""
    if not items:
        return None
    texts = card_contents().vertrouwelijk
    lines = []
    for item in items:
        wie = _teller(casus, item)
        template = texts.gehoord_reden if item.reden else texts.gehoord
        lines.append(_fill(template, wie=wie, onderwerp=item.onderwerp, reden=item.reden or ""))
    tellers = list(dict.fromkeys(_teller(casus, item) for item in items))
    lines.append(_fill(texts.tip_gehoord, wie=dutch_list(tellers)))
    return KaartDeel(texts.kop_gehoord, tuple(lines))


def _coordinator_card(facts: CasusFeiten) -> Rolkaart:
    casus = facts.casus
    contents = card_contents()
    client = facts.client
    invited = [rollenspel_text("uitnodiging_client", client=client, leeftijd=casus.client.leeftijd_tekst)]
    if casus.client.vertrouwenspersoon:
        invited.append(rollenspel_text("uitnodiging_vertrouwenspersoon", wie=casus.client.vertrouwenspersoon))
    invited += [
        rollenspel_text("uitnodiging_minderjarige", naam=m.pseudoniem, leeftijd=m.leeftijd) for m in facts.minderjarigen
    ]
    for provider in casus.hulpverleners:
        pivot = facts.spilfiguur is not None and provider.id == facts.spilfiguur.id
        key = "uitnodiging_hulpverlener_spilfiguur" if pivot else "uitnodiging_hulpverlener"
        invited.append(rollenspel_text(key, wie=facts.label(provider), rol=provider.rol))
    if casus.client.tolk_nodig:
        invited.append(
            rollenspel_text("uitnodiging_tolk", taal=casus.client.thuistaal or rollenspel_text("taal_onbekend"))
        )
    known = [rollenspel_text("coordinator_weet_aanvraag", aanvrager=facts.aanvrager_label)]
    if casus.aanvrager.reden:
        known.append(rollenspel_text("coordinator_weet_reden", reden=casus.aanvrager.reden))
    if facts.probleemdomeinen:
        known.append(
            rollenspel_text(
                "coordinator_weet_domeinen", domeinen=dutch_list([d.lower() for d in facts.probleemdomeinen])
            )
        )
    own = casus.niet_delen_van(None)
    if own:
        known.append(rollenspel_text("coordinator_weet_niet_delen", client=client, aantal=len(own)))
    if facts.spilfiguur is None:
        known.append(rollenspel_text("coordinator_weet_geen_spilfiguur", client=client))
    if casus.vorige_lco is not None:
        known.append(rollenspel_text("coordinator_weet_vorige", aantal=len(casus.vorige_lco.afspraken)))
    return Rolkaart(
        sleutel="coordinator",
        rol="coordinator",
        rollen=("coordinator",),
        titel=rol("coordinator").naam,
        persoon=facts.coordinator,
        delen=(
            _role_part(["coordinator"]),
            KaartDeel(rollenspel_text("kaart_uitnodigingen"), tuple(invited), openbaar=True),
            KaartDeel(
                rollenspel_text("kaart_spelregels"),
                tuple(_fill(r, client=client) for r in contents.spelregels),
                openbaar=True,
            ),
            _tasks(["coordinator"]),
            KaartDeel(rollenspel_text("kaart_weet"), tuple(known)),
            KaartDeel(
                rollenspel_text("kaart_wil"), tuple(_fill(w, client=client) for w in contents.wil["coordinator"])
            ),
            KaartDeel(rollenspel_text("kaart_speltip"), (_fill(contents.speltips["coordinator"], client=client),)),
        ),
    )


def _client_card(facts: CasusFeiten) -> Rolkaart:
    casus = facts.casus
    client = facts.client
    domains = code_list("levensdomeinen")
    codes: list[RolCode] = ["client", "aanvrager"] if facts.aanvrager_is_client else ["client"]
    who = [
        rollenspel_text(
            "client_wie", client=client, leeftijd=casus.client.leeftijd_tekst, huishouden=casus.client.huishouden
        )
    ]
    who += [
        rollenspel_text(
            "client_kind",
            naam=m.pseudoniem,
            leeftijd=m.leeftijd,
            relatie=m.relatie or rollenspel_text("relatie_onbekend"),
        )
        for m in casus.client.minderjarigen
    ]
    if casus.client.thuistaal:
        who.append(rollenspel_text("client_taal", taal=casus.client.thuistaal))
    situation = []
    for domain in casus.levensdomeinen:
        line = rollenspel_text("client_domein", domein=domains.label(domain.domein), situatie=domain.situatie)
        situation.append(line)
        situation += [rollenspel_text("client_sterkte", sterkte=s) for s in domain.sterktes]
    private = tuple(
        rollenspel_text("client_niet_delen_reden", onderwerp=item.onderwerp, reden=item.reden)
        if item.reden
        else item.onderwerp
        for item in casus.niet_delen_van(None)
    ) or (rollenspel_text("client_niet_delen_leeg"),)
    bring = (
        rollenspel_text("client_vertrouwenspersoon", wie=casus.client.vertrouwenspersoon)
        if casus.client.vertrouwenspersoon
        else rollenspel_text("client_geen_vertrouwenspersoon")
    )
    parts = [
        _role_part(codes),
        _tasks(codes),
        KaartDeel(rollenspel_text("kaart_wie_je_bent"), tuple(who)),
        KaartDeel(rollenspel_text("kaart_client_wil"), (f"“{casus.hulpvraag}”",)),
        KaartDeel(rollenspel_text("kaart_wat_goed_gaat"), tuple(casus.wat_goed_gaat)),
        KaartDeel(rollenspel_text("kaart_hoe_het_gaat"), tuple(situation)),
        KaartDeel(rollenspel_text("kaart_niet_delen"), private),
        KaartDeel(rollenspel_text("kaart_meebrengen"), (bring,)),
    ]
    if facts.aanvrager_is_client and casus.aanvrager.reden:
        parts.append(KaartDeel(rollenspel_text("kaart_jij_vroeg_aan"), (casus.aanvrager.reden,)))
    parts.append(
        KaartDeel(rollenspel_text("kaart_speltip"), (_fill(card_contents().speltips["client"], client=client),))
    )
    return Rolkaart(
        sleutel="client",
        rol="client",
        rollen=tuple(codes),
        titel=" · ".join(rol(c).naam for c in codes),
        persoon=client,
        delen=tuple(parts),
    )


def _provider_card(facts: CasusFeiten, provider: Hulpverlener) -> Rolkaart:
    casus = facts.casus
    heard = [item for item in casus.niet_delen if provider.id in item.bekend_bij]
    secret = _Secret(casus, heard)
    client = facts.client
    contents = card_contents()
    is_pivot = facts.spilfiguur is not None and provider.id == facts.spilfiguur.id
    is_requester = facts.aanvrager is not None and provider.id == facts.aanvrager.id
    codes: list[RolCode] = ["hulpverlener"]
    if is_pivot:
        codes.insert(0, "spilfiguur")
    if is_requester:
        codes.append("aanvrager")
    service = rollenspel_text(
        "hulpverlener_dienst",
        dienst=provider.dienst,
        rol=provider.rol,
        sinds=provider.sinds,
        client=client,
        nabijheid=rollenspel_text(f"nabijheid_{provider.nabijheid.replace(' ', '_')}"),
    )
    known = [rollenspel_text("hulpverlener_weet_hulpvraag", client=client, hulpvraag=casus.hulpvraag)]
    if is_pivot:
        known += [rollenspel_text("spilfiguur_weet_goed", sterkte=s) for s in casus.wat_goed_gaat]
    wants = [w for code in codes if code in contents.wil for w in contents.wil[code]]
    parts = [
        _role_part(codes),
        KaartDeel(rollenspel_text("kaart_dienst"), (service,), openbaar=True),
        _tasks(codes),
        KaartDeel(rollenspel_text("kaart_visie"), (secret.clean(provider.visie),)),
        KaartDeel(rollenspel_text("kaart_zorg"), (secret.clean(provider.zorg),)),
        KaartDeel(rollenspel_text("kaart_weet"), tuple(secret.clean(line) for line in known)),
    ]
    heard_part = _heard_part(casus, heard)
    if heard_part is not None:
        parts.append(heard_part)
    if is_requester:
        reason = casus.aanvrager.reden or rollenspel_text("aanvraag_geen_reden")
        parts.append(
            KaartDeel(
                rollenspel_text("kaart_jij_vroeg_aan"),
                (secret.clean(reason), rollenspel_text("aanvrager_checklist", client=client)),
            )
        )
    parts.append(KaartDeel(rollenspel_text("kaart_wil"), tuple(_fill(w, client=client) for w in wants)))
    tip_key = "spilfiguur" if is_pivot else f"hulpverlener_{provider.nabijheid.replace(' ', '_')}"
    parts.append(KaartDeel(rollenspel_text("kaart_speltip"), (_fill(contents.speltips[tip_key], client=client),)))
    return Rolkaart(
        sleutel=f"hulpverlener-{provider.id}",
        rol=codes[0],
        rollen=tuple(codes),
        titel=" · ".join(rol(c).naam for c in codes),
        persoon=facts.label(provider),
        delen=tuple(parts),
        hulpverlener_id=provider.id,
    )


def _minor_card(facts: CasusFeiten, minor: Minderjarige, number: int) -> Rolkaart:
    band = card_contents().band(minor.leeftijd)
    told = _told_part(facts.casus.niet_delen_van(minor.pseudoniem))
    values = {"client": facts.client, "naam": minor.pseudoniem, "leeftijd": minor.leeftijd}
    who = (
        rollenspel_text("minderjarige_wie_relatie", relatie=minor.relatie, **values)
        if minor.relatie
        else rollenspel_text("minderjarige_wie", **values)
    )
    return Rolkaart(
        sleutel=f"minderjarige-{number}",
        rol="minderjarige",
        rollen=("minderjarige",),
        titel=rol("minderjarige").naam,
        persoon=rollenspel_text("minderjarige_persoon", naam=minor.pseudoniem, leeftijd=minor.leeftijd),
        delen=(
            _role_part(["minderjarige"]),
            KaartDeel(rollenspel_text("kaart_jij_mag"), tuple(_fill(t, **values) for t in band.mag), openbaar=True),
            KaartDeel(rollenspel_text("kaart_wie_je_bent"), (who,)),
            KaartDeel(rollenspel_text("kaart_waarom_overleg"), tuple(_fill(t, **values) for t in band.waarom)),
            KaartDeel(rollenspel_text("kaart_wat_je_kan_zeggen"), tuple(_fill(t, **values) for t in band.zeggen)),
            *([told] if told is not None else []),
        ),
    )


def _requester_card(facts: CasusFeiten) -> Rolkaart:
    casus = facts.casus
    client = facts.client
    contents = card_contents()
    reason = casus.aanvrager.reden or rollenspel_text("aanvraag_geen_reden")
    secret = _Secret(casus)
    return Rolkaart(
        sleutel="aanvrager",
        rol="aanvrager",
        rollen=("aanvrager",),
        titel=rol("aanvrager").naam,
        persoon=facts.aanvrager_label,
        delen=(
            _role_part(["aanvrager"]),
            _tasks(["aanvrager"]),
            KaartDeel(
                rollenspel_text("kaart_jij_vroeg_aan"),
                (secret.clean(reason), rollenspel_text("aanvrager_checklist", client=client)),
            ),
            KaartDeel(rollenspel_text("kaart_wil"), tuple(_fill(w, client=client) for w in contents.wil["aanvrager"])),
            KaartDeel(rollenspel_text("kaart_speltip"), (_fill(contents.speltips["aanvrager"], client=client),)),
        ),
    )


def _trusted_card(facts: CasusFeiten) -> Rolkaart:
    casus = facts.casus
    client = facts.client
    contents = card_contents()
    secret = _Secret(casus)
    who = casus.client.vertrouwenspersoon or rollenspel_text("vertrouwenspersoon_onbekend", client=client)
    return Rolkaart(
        sleutel="vertrouwenspersoon",
        rol="vertrouwenspersoon",
        rollen=("vertrouwenspersoon",),
        titel=rol("vertrouwenspersoon").naam,
        persoon=who,
        delen=(
            _role_part(["vertrouwenspersoon"]),
            _tasks(["vertrouwenspersoon"]),
            KaartDeel(
                rollenspel_text("kaart_weet"),
                (
                    rollenspel_text("vertrouwenspersoon_weet", client=client),
                    secret.clean(f"“{casus.hulpvraag}”"),
                    *(secret.clean(line) for line in casus.wat_goed_gaat),
                ),
            ),
            KaartDeel(
                rollenspel_text("kaart_wil"), tuple(_fill(w, client=client) for w in contents.wil["vertrouwenspersoon"])
            ),
            KaartDeel(
                rollenspel_text("kaart_speltip"), (_fill(contents.speltips["vertrouwenspersoon"], client=client),)
            ),
        ),
    )


def role_cards(
    casus: Casus, *, spilfiguur: str | None = None, met_vertrouwenspersoon: bool | None = None
) -> tuple[Rolkaart, ...]:
    """Return the role cards of a casus, in the order a facilitator deals them.

    Order: coördinator, client, spilfiguur, minors who take part, the requester (a provider),
    the other providers, a separate requester card when the requester is not at the table,
    the vertrouwenspersoon.

    Args:
        casus: Any valid casus.
        spilfiguur: A provider id chosen as spilfiguur in the setup (default: the casus's).
        met_vertrouwenspersoon: Deal a card to a vertrouwenspersoon (default: when the
            casus names one).

    Raises:
        LcoError: For a casus that is not an LCO (``geen_lco``), with its reason in Dutch.
    """
    require_lco(casus, "rollenspel")
    facts = casus_facts(casus, spilfiguur)
    providers = list(casus.hulpverleners)
    first = [p for p in (facts.spilfiguur, facts.aanvrager) if p is not None]
    ordered = list(dict.fromkeys([p.id for p in first] + [p.id for p in providers]))
    cards = [_coordinator_card(facts), _client_card(facts)]
    pivot_cards = [_provider_card(facts, casus.provider(i)) for i in ordered[:1] if facts.spilfiguur]
    cards += pivot_cards
    cards += [_minor_card(facts, m, n) for n, m in enumerate(facts.minderjarigen, start=1)]
    cards += [_provider_card(facts, casus.provider(i)) for i in ordered[len(pivot_cards) :]]
    if facts.aanvrager is None and not facts.aanvrager_is_client:
        cards.append(_requester_card(facts))
    if met_vertrouwenspersoon if met_vertrouwenspersoon is not None else bool(casus.client.vertrouwenspersoon):
        cards.append(_trusted_card(facts))
    return tuple(cards)


def assign_seats(cards: Sequence[Rolkaart], names: Sequence[str]) -> list[tuple[str, Rolkaart]]:
    """Give the first cards, in dealing order, to the people at the table, one card each.

    Cards beyond the number of people are left for the facilitator to play or leave out.
    """
    return list(zip(names, cards, strict=False))
