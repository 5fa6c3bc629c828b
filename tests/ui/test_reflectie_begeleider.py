"""The reflection's facilitator page, driven in-process: the key, the code, the live results, the trend, exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from lco_kit.errors import LcoError
from lco_kit.reflectie.store import ReflectieStore
from lco_kit.ui.widgets import AltImage
from tests.ui.reflectie_helpers import (
    all_values,
    buttons,
    every_item,
    facilitator,
    open_new,
)


@pytest.fixture
def store(tmp_path: Path) -> ReflectieStore:
    """Return an empty SQLite store."""
    return ReflectieStore(f"sqlite:///{tmp_path / 'ui.sqlite3'}")


def test_new_session_shows_code_and_qr_but_not_the_secret(store: ReflectieStore) -> None:
    """After the secret's step, does the session show the big code and a QR code with alt text, and no secret?"""
    page = facilitator(store)
    page.title_input.value = "Opvolging <gezin>"
    secret = open_new(page)
    code = page.session.code
    join_box = page.body.children[0]
    texts = " ".join(getattr(w, "value", "") for w in join_box.children if hasattr(w, "value"))
    assert "Opvolging &lt;gezin&gt;" in texts and secret not in all_values(page)
    qr = join_box.children[-1].children[1]
    assert isinstance(qr, AltImage) and f"code={code}" in qr.tooltip
    assert bytes(qr.value).startswith(b"\x89PNG")
    assert "description" in qr.keys
    assert 'data-perspectief="client">0<' in page.counts_html.value


def test_counts_and_results_follow_the_store(store: ReflectieStore) -> None:
    """After answers come in, does a poll update the counts, the table, the charts and the remarks?"""
    page = facilitator(store)
    open_new(page)
    code = page.session.code
    store.submit(code, "client", every_item(store, code, "client", 1), "<b>vet</b>")
    store.submit(code, "deelnemer", every_item(store, code, "deelnemer", 5))
    assert page.poll_once() is True
    page.refresh(force_charts=True)
    assert 'data-perspectief="client">1<' in page.counts_html.value
    results = page.results.children
    table = next(w for w in results if "lco-overzicht" in w._dom_classes).value
    assert 'class="lco-signaal" data-dimensie="betrokken"' in table
    charts = next(w for w in results if "lco-grafieken" in w._dom_classes).children
    assert any("Verschil" in c.tooltip and "-4" in c.tooltip for c in charts)
    remarks = next(w for w in results if "lco-opmerkingen" in w._dom_classes).value
    assert "&lt;b&gt;vet&lt;/b&gt;" in remarks and "<b>vet" not in remarks


def test_hiding_the_client_hides_its_numbers(store: ReflectieStore) -> None:
    """In an LCO session, does unticking 'Toon Cliënt' remove the client's column, the gap and its remark?"""
    page = facilitator(store)
    open_new(page)
    store.submit(page.session.code, "client", every_item(store, page.session.code, "client", 1), "mijn opmerking")
    page.show_boxes["client"].value = False
    assert store.session(page.session.code).verborgen == frozenset({"client"})
    table = next(w for w in page.results.children if "lco-overzicht" in w._dom_classes).value
    assert "<td>verborgen</td>" in table and "lco-signaal" not in table
    assert "mijn opmerking" not in str([getattr(w, "value", "") for w in page.results.children])


def test_reflectiedag_small_group_count_is_not_shown_exactly(store: ReflectieStore) -> None:
    """On a reflectiedag, is a group of 2 shown as 'minder dan 3' instead of its number?"""
    page = facilitator(store)
    page.kind.value = "reflectiedag"
    open_new(page)
    for _ in range(2):
        store.submit(page.session.code, "deelnemer", {"d_ruimte": 2})
    page.poll_once()
    assert 'data-perspectief="deelnemer">minder dan 3<' in page.counts_html.value


def test_reopen_with_the_secret_and_a_wrong_one(store: ReflectieStore) -> None:
    """Does the secret reopen the session (without showing the secret again), and a wrong one give a message?"""
    opened = store.create_session(title="Later verder")
    page = facilitator(store)
    page.secret_input.value = "AAAA-AAAA-AAAA-AAAA"
    buttons(page, "lco-heropen")[0].click()
    assert "Met dit geheim kan geen sessie geopend worden" in page.messages.text
    page.secret_input.value = opened.secret
    buttons(page, "lco-heropen")[0].click()
    assert page.session.code == opened.session.code
    assert opened.secret not in str([getattr(w, "value", "") for w in page.body.children[0].children])


def test_exports_are_offered_for_download(store: ReflectieStore) -> None:
    """Do the three export buttons offer a PDF, a CSV and an XLSX?"""
    page = facilitator(store)
    open_new(page)
    store.submit(page.session.code, "coordinator", {"k_toon": 4}, "=1+1")
    for suffix in (".pdf", ".csv", ".xlsx", ".csv"):
        page.make_export(suffix)
    data = {link.filename.rsplit(".", 1)[1]: link.data for link in page.downloads.children}
    assert sorted(data) == ["csv", "pdf", "xlsx"]
    assert data["pdf"].startswith(b"%PDF-") and data["xlsx"].startswith(b"PK")
    assert "'=1+1" in data["csv"].decode("utf-8-sig")


def test_close_stops_following_and_delete_removes_everything(store: ReflectieStore) -> None:
    """Does closing end the polling, and deleting remove the session and go back to the start?"""
    page = facilitator(store)
    open_new(page)
    code = page.session.code
    store.submit(code, "client", {"c_hoop": 3})
    page.close_session()
    assert not store.session(code).is_open
    assert page.poll_once() is False
    page.delete_session()
    with pytest.raises(LcoError):
        store.session(code)
    assert page.session is None and "lco-nieuwe-sessie" in str([w._dom_classes for w in page.body.children])
    assert "1 invuller(s)" in page.messages.text


def test_session_deleted_elsewhere_stops_polling(store: ReflectieStore) -> None:
    """When the session is deleted from elsewhere, does the next poll say so and stop?"""
    page = facilitator(store)
    open_new(page)
    store.delete_session(page.session.id)
    assert page.poll_once() is False
    assert "bestaat niet meer" in page.status_html.value


def test_paper_forms_are_offered(store: ReflectieStore) -> None:
    """Does the facilitator page offer the paper questionnaire of each perspective as a PDF?"""
    page = facilitator(store)
    page.make_paper()
    names = [link.filename for link in page.paper_box.children]
    assert names == ["vragenlijst-client.pdf", "vragenlijst-deelnemer.pdf", "vragenlijst-coordinator.pdf"]
    assert all(link.data.startswith(b"%PDF-") for link in page.paper_box.children)


def test_poll_without_news_sends_nothing(store: ReflectieStore) -> None:
    """When nothing changed since the last drawing, does a poll leave the page's widgets untouched?"""
    page = facilitator(store)
    open_new(page)
    before = page.results.children
    assert page.poll_once() is True
    assert page.results.children is before
    store.submit(page.session.code, "client", {"c_hoop": 2})
    page._shown.charts_at = 0.0  # the pause between two chart drawings is over
    page.poll_once()
    assert page.results.children is not before


def test_the_secret_is_shown_once_with_a_key_card_before_the_code(store: ReflectieStore) -> None:
    """Does a new session first show the secret and a key card PDF holding it, and only then the code, without it?"""
    import io

    from pypdf import PdfReader

    page = facilitator(store)
    page.new_session()
    secret = page._key
    assert "lco-code-groot" not in all_values(page.body) and secret in all_values(page.body)
    card = buttons(page, "lco-sleutelkaart")[0]
    card_text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(card.data)).pages)
    assert secret in card_text and "traject" in card_text
    assert f'data-lco-geheim-bewaar="{secret}"' in page.keeper.mark.value
    page.keeper.field.value = secret  # the browser's echo once it kept the secret
    assert page.keeper.mark.value == "" and page.keeper.field.value == ""
    buttons(page, "lco-sleutel-bewaard")[0].click()
    assert "lco-code-groot" in all_values(page.body) and secret not in all_values(page)


def test_a_reload_reopens_with_the_secret_the_browser_kept(store: ReflectieStore) -> None:
    """When the browser hands the kept secret to a fresh page, does it reopen the session without showing it?"""
    first = facilitator(store)
    secret = open_new(first)
    again = facilitator(store)
    again.keeper.field.value = secret
    assert again.session is not None and again.session.code == first.session.code
    assert secret not in all_values(again)
    gone = facilitator(store)
    store.delete_session(first.session.id)
    gone.keeper.field.value = secret
    assert gone.session is None and "data-lco-geheim-vergeet" in gone.keeper.mark.value


def test_leaving_forgets_the_secret_in_the_browser(store: ReflectieStore) -> None:
    """Does 'Deze sessie verlaten' go back to the start and ask the browser to forget the secret?"""
    page = facilitator(store)
    open_new(page)
    buttons(page, "lco-verlaten")[0].click()
    assert page.session is None and "data-lco-geheim-vergeet" in page.keeper.mark.value
    assert "lco-nieuwe-sessie" in str([w._dom_classes for w in page.body.children])


def test_three_lcos_under_one_key_show_the_trend_chart_with_three_dates(store: ReflectieStore) -> None:
    """Do two follow-ups opened with the page's key share it, and does the third show the trend of all three?"""
    page = facilitator(store)
    page.title_input.value = "Eerste LCO"
    secret = open_new(page)
    for number, client_score in enumerate((1, 3, 4)):
        if number:
            page.follow_up_title.value = f"Opvolging {number}"
            buttons(page, "lco-opvolging")[0].click()
        code = page.session.code
        store.submit(code, "client", every_item(store, code, "client", client_score))
        store.submit(code, "deelnemer", every_item(store, code, "deelnemer", 4))
    assert page._key == secret and len(store.traject_for_secret(secret).sessions) == 3
    page.refresh(force_charts=True)
    trend = next(w for w in page.results.children if "lco-verloop" in w._dom_classes)
    chart = next(w for w in trend.children if isinstance(w, AltImage))
    day = page.session.aangemaakt_op.strftime("%d/%m/%Y")
    assert f"Eerste LCO, {day}; Opvolging 1, {day}; Opvolging 2, {day}" in chart.tooltip
    table = trend.children[-1].value
    assert "<td>-3,0</td><td>-1,0</td><td>+0,0</td><td>+3,0</td>" in table
    page.make_export(".pdf")
    assert page.downloads.children[-1].data.startswith(b"%PDF-")


def test_another_facilitators_casus_label_shows_nothing_of_theirs(store: ReflectieStore) -> None:
    """When B's session carries A's casus label, do B's page, trend and PDF show nothing of A's sessions?"""
    import io

    from pypdf import PdfReader

    a_first = store.create_session(casus="dossier-7", title="A eerste")
    store.create_session(casus="dossier-7", title="A opvolging", key=a_first.secret)
    store.submit(a_first.session.code, "client", {"c_hoop": 1}, "geheim van A")
    b = store.create_session(casus="dossier-7", title="B")
    page = facilitator(store)
    page.reopen(b.secret)
    assert page.session.code == b.session.code
    assert not any("lco-verloop" in w._dom_classes for w in page.results.children)
    page.make_export(".pdf")
    pdf = "".join(p.extract_text() for p in PdfReader(io.BytesIO(page.downloads.children[-1].data)).pages)
    assert "Verloop" not in pdf and "geheim van A" not in pdf and "A eerste" not in pdf
