"""Helpers for the reflection pages' tests: a store, the answer page at a step, buttons, the facilitator's key."""

from __future__ import annotations

from lco_kit.reflectie.store import ReflectieStore
from lco_kit.ui.reflectie_begeleider import BegeleiderPagina
from lco_kit.ui.reflectie_invullen import InvulPagina


def answer_page(store: ReflectieStore, code: str, perspective: str) -> InvulPagina:
    """Open the answer page with the code in the address and press a perspective's button."""
    page = InvulPagina(f"code={code}", store)
    buttons(page, f"lco-perspectief-{perspective}")[0].click()
    return page


def client_items(store: ReflectieStore) -> int:
    """Return how many items the client's questionnaire has (the answer page counts them)."""
    return len(store.create_session().session.instrument.perspective("client").items)


def client_item(store: ReflectieStore, number: int) -> str:
    """Return the id of the client's item at a place in the questionnaire (0 is the first)."""
    return store.create_session().session.instrument.perspective("client").items[number].id


def buttons(page: InvulPagina, css: str) -> list:
    """Return every button with a CSS class in the page's current step."""
    found = []

    def walk(widget: object) -> None:
        if css in getattr(widget, "_dom_classes", ()):
            found.append(widget)
        for child in getattr(widget, "children", ()):
            walk(child)

    walk(page.body)
    return found


def facilitator(store: ReflectieStore) -> BegeleiderPagina:
    """Return the facilitator page without its background thread (tests call poll_once)."""
    return BegeleiderPagina(store, start_polling=False)


def open_new(page: BegeleiderPagina) -> str:
    """Open a new session on the page, pass the secret's step as the facilitator does, and return the secret."""
    page.new_session()
    secret = page._key
    page.keeper.field.value = secret  # what the browser does once it kept the secret
    buttons(page, "lco-sleutel-bewaard")[0].click()
    return secret


def all_values(widget: object) -> str:
    """Return every text a widget tree holds (values, descriptions, tooltips), as one string."""
    found = []
    for name in ("value", "description", "tooltip", "placeholder"):
        value = getattr(widget, name, None)
        if isinstance(value, str):
            found.append(value)
    for child in getattr(widget, "children", ()):
        found.append(all_values(child))
    return " ".join(found)


def every_item(store: ReflectieStore, code: str, perspective: str, score: int) -> dict[str, int]:
    """Return answers giving ``score`` on every dimension (reverse items mirrored) for one perspective."""
    items = store.session(code).instrument.perspective(perspective).items
    return {i.id: 6 - score if i.omgekeerd else score for i in items}
