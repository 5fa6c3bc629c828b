"""The light participant pages over plain HTTP (a stand-alone service in this process)."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from lco_kit.reflectie.instrument import load_instrument
from lco_kit.server.deelnemen import participant_path
from tests.server.conftest import Service
from tests.server.phone import Phone, seeded


def test_participant_path_sits_below_the_base_url() -> None:
    """Is the join page at <base>/lco/deelnemen, and a session's page below it?"""
    assert participant_path() == "/lco/deelnemen"
    assert participant_path("/user/an/", "K7P2QX") == "/user/an/lco/deelnemen/K7P2QX"


def test_a_client_answers_item_by_item_and_is_stored_once_with_every_answer(service: Service) -> None:
    """Does a client who follows the QR code, answers every item and sends, count once with all answers?"""
    code = service.open_session()
    phone = Phone(service.base, seeded(1))
    thanks = phone.whole_flow(f"/lco/deelnemen?code={code}", "client", "Het was een fijn gesprek.")
    assert thanks.status == 200 and "Bedankt!" in thanks.body and thanks.url.endswith(f"/{code}/bedankt")
    session = service.store.session(code)
    [record] = service.store.respondents(session.id)
    items = [item.id for item in session.instrument.perspective("client").items]
    assert record.perspective == "client" and record.finished is not None
    assert sorted(record.answers) == sorted(items)
    assert record.remark == "Het was een fijn gesprek."


def test_a_professional_answers_the_whole_list_on_one_screen(service: Service) -> None:
    """Does a participant get every item on one page (the list view) and count once?"""
    code = service.open_session()
    phone = Phone(service.base, seeded(2))
    page = phone.choose(phone.join(f"/lco/deelnemen?code={code}"), "deelnemer")
    items = load_instrument().perspective("deelnemer").items
    assert all(item.tekst.replace("’", "&#39;")[:20] in page.body or item.tekst[:20] in page.body for item in items)
    phone.finish(phone.answer_all(page))
    [record] = service.store.respondents(service.store.session(code).id)
    assert record.perspective == "deelnemer" and len(record.answers) == len(items) and record.finished


def test_every_scale_label_is_on_the_page_in_full(service: Service) -> None:
    """Are the answer options' labels written out in full (not cut to ‘Helemaal o…’)?"""
    code = service.open_session()
    phone = Phone(service.base)
    page = phone.choose(phone.join(f"/lco/deelnemen?code={code}"), "client")
    for point in load_instrument().perspective("client").schaal:
        assert f'<span class="lco-label">{point.label}</span>' in page.body


def test_a_reload_in_the_middle_goes_on_where_the_person_was(service: Service) -> None:
    """After two answers, does opening the QR address again go on at the third item, answers kept?"""
    code = service.open_session()
    phone = Phone(service.base, seeded(3))
    page = phone.choose(phone.join(f"/lco/deelnemen?code={code}"), "client")
    for _ in range(2):
        item = page.body.split('name="item" value="', 1)[1].split('"', 1)[0]
        place = page.body.split('name="plaats" value="', 1)[1].split('"', 1)[0]
        page = phone.post(f"/lco/deelnemen/{code}/antwoord", {"item": item, "plaats": place, "waarde": "4"}, page)
    again = phone.join(f"/lco/deelnemen?code={code}")
    assert "Vraag 3 van" in again.body
    record = service.store.respondent(code, _cookie_key(phone, code))
    assert record is not None and len(record.answers) == 2


def _cookie_key(phone: Phone, code: str) -> str:
    cookie = next(c for c in phone.jar if c.name == f"lco_r_{code}")
    return str(cookie.value).split(".", 1)[0]


def test_a_device_that_finished_counts_once_until_someone_else_starts(service: Service) -> None:
    """After sending, does the device stay on the thank-you, and does ‘Nog iemand vult in’ make a second respondent?"""
    code = service.open_session()
    phone = Phone(service.base, seeded(4))
    thanks = phone.whole_flow(f"/lco/deelnemen?code={code}", "deelnemer")
    assert "Bedankt!" in phone.join(f"/lco/deelnemen?code={code}").body  # scanning again changes nothing
    assert len(service.store.respondents(service.store.session(code).id)) == 1
    choice = phone.post(f"/lco/deelnemen/{code}/opnieuw", {}, thanks)
    assert "Wie ben jij bij dit overleg?" in choice.body
    phone.whole_flow(f"/lco/deelnemen?code={code}", "client")
    perspectives = sorted(r.perspective for r in service.store.respondents(service.store.session(code).id))
    assert perspectives == ["client", "deelnemer"]


def test_wrong_codes_slow_a_client_down_and_a_right_code_still_opens(service: Service) -> None:
    """After more wrong codes than are free, does each try wait, while the right code still works?"""
    code = service.open_session()
    phone = Phone(service.base)
    for n in range(3):
        wrong = phone.join(f"/lco/deelnemen?code=WRONG{n}")
        assert wrong.status == 404 and "Er is geen open sessie met de code" in wrong.body
    started = time.perf_counter()
    phone.join("/lco/deelnemen?code=WRONG9")
    assert time.perf_counter() - started >= 0.25  # the fourth wrong code waited
    started = time.perf_counter()
    right = phone.join(f"/lco/deelnemen?code={code}")
    assert time.perf_counter() - started >= 0.5  # still slowed down, never locked out
    assert right.status == 200 and "Wie ben jij bij dit overleg?" in right.body


def test_a_very_long_code_is_not_echoed_back(service: Service) -> None:
    """Is a 20 000-character code answered with at most its first 12 characters?"""
    phone = Phone(service.base)
    page = phone.join("/lco/deelnemen?code=" + "A" * 20_000)
    assert page.status == 404 and "A" * 13 not in page.body


def test_a_post_without_its_xsrf_token_is_refused_in_dutch(service: Service) -> None:
    """Is a form sent from elsewhere (no XSRF token) refused, with a Dutch page and nothing stored?"""
    code = service.open_session()
    request = urllib.request.Request(  # noqa: S310  (the test server)
        f"{service.base}/lco/deelnemen/{code}/kies", data=b"perspectief=client", method="POST"
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)  # noqa: S310  (the test server)
    assert refused.value.code == 403
    assert "niet (meer) geldig" in refused.value.read().decode()


def test_a_score_outside_the_scale_is_refused_and_nothing_is_stored(service: Service) -> None:
    """Is a crafted answer (9, or an item of another perspective) refused in Dutch?"""
    code = service.open_session()
    phone = Phone(service.base)
    page = phone.choose(phone.join(f"/lco/deelnemen?code={code}"), "client")
    item = page.body.split('name="item" value="', 1)[1].split('"', 1)[0]
    refused = phone.post(f"/lco/deelnemen/{code}/antwoord", {"item": item, "plaats": "0", "waarde": "9"}, page)
    assert refused.status == 400 and "niet (meer) geldig" in refused.body
    other = load_instrument().perspective("deelnemer").items[0].id
    refused = phone.post(f"/lco/deelnemen/{code}/antwoord", {"item": other, "plaats": "0", "waarde": "3"}, page)
    assert refused.status == 400 and "hoort bij het perspectief" in refused.body
    assert service.store.respondents(service.store.session(code).id) == []


def test_the_pages_script_gets_a_short_answer_with_the_next_address(service: Service) -> None:
    """Does an answer sent by the page's script get JSON with the next address (no new page)?"""
    code = service.open_session()
    phone = Phone(service.base)
    page = phone.choose(phone.join(f"/lco/deelnemen?code={code}"), "client")
    item = page.body.split('name="item" value="', 1)[1].split('"', 1)[0]
    token = page.body.split('name="_xsrf" value="', 1)[1].split('"', 1)[0]
    request = urllib.request.Request(  # noqa: S310  (the test server)
        f"{service.base}/lco/deelnemen/{code}/antwoord",
        data=f"item={item}&plaats=0&waarde=5&_xsrf={token}".encode(),
        headers={"X-Lco-Fetch": "1"},
        method="POST",
    )
    with phone.opener.open(request, timeout=10) as response:
        assert json.loads(response.read()) == {"volgende": f"/lco/deelnemen/{code}/vragen?i=1"}


def test_a_closed_session_says_so_and_takes_no_answers(service: Service) -> None:
    """Does a closed session show that it is closed, in Dutch, instead of the questions?"""
    code = service.open_session()
    service.store.close_session(service.store.session(code).id)
    page = Phone(service.base).join(f"/lco/deelnemen?code={code}")
    assert "Deze sessie is gesloten" in page.body


def test_a_title_and_a_remark_with_markup_are_shown_as_text(service: Service) -> None:
    """Is a session title with HTML escaped on the page, and a remark with HTML kept as plain text?"""
    new = service.store.create_session("lco", title='<img src=x onerror="alert(1)">')
    phone = Phone(service.base)
    page = phone.join(f"/lco/deelnemen?code={new.session.code}")
    assert "<img src=x" not in page.body and "&lt;img src=x" in page.body
    phone.finish(phone.answer_all(phone.choose(page, "coordinator")), "<b>vet</b>")
    [record] = service.store.respondents(new.session.id)
    assert record.remark == "<b>vet</b>"


def test_twenty_participants_at_once_are_all_stored_exactly_once(service: Service) -> None:
    """Do 20 phones doing the whole flow at the same moment each end on the thank-you, stored once?"""
    code = service.open_session()
    perspectives = ["client", "deelnemer", "coordinator"]

    def one(n: int) -> str:
        phone = Phone(service.base, seeded(n), think=(0.0, 0.05))
        return phone.whole_flow(f"/lco/deelnemen?code={code}", perspectives[n % 3], f"opmerking {n}").url

    with ThreadPoolExecutor(max_workers=20) as pool:
        ends = list(pool.map(one, range(20)))
    assert all(end.endswith("/bedankt") for end in ends)
    records = service.store.respondents(service.store.session(code).id)
    assert len(records) == 20 and all(r.finished for r in records)
    assert sorted(r.remark for r in records) == sorted(f"opmerking {n}" for n in range(20))
