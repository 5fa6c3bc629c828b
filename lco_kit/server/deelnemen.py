"""The participant's light path: join, choose a perspective, answer, remark, thanks.

Phones in a room do not get a Voilà page (and so no kernel each): the server itself renders
small HTML pages that work without JavaScript; a little script adds saving without reloading,
an offline queue and read-aloud. Every answer is saved the moment it is given, keyed by a
respondent key the browser keeps in a cookie, so a reload, a locked phone or a lost connection
loses nothing, and a respondent counts once.

The handlers are plain tornado handlers. The host (Voilà's app, a Jupyter server, or the
small stand-alone service) gives the base class and with it the login check: see
:func:`participant_routes`.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import json
import logging
import secrets
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlencode

import jinja2
import tornado.web

from lco_kit.content import FixedTexts
from lco_kit.errors import LcoError
from lco_kit.reflectie import (
    PERSPECTIVES,
    PerspectiefDeel,
    ReflectieStore,
    RespondentRecord,
    Sessie,
    new_respondent_key,
    normalise_code,
    valid_respondent_key,
)
from lco_kit.reflectie import text as reflectie_text
from lco_kit.server.guard import CodeGuard, client_address, trusted_proxies

__all__ = ["LIGHT_CSP", "PREFIX", "Participation", "participant_path", "participant_routes"]

PREFIX = "lco/deelnemen"
"""Where the light pages live, below the host's base URL."""
_TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "deelnemen"
_CODE = r"([A-Za-z0-9._-]{1,40})"
_COOKIE_DAYS = 2
_LOG = logging.getLogger("lco_kit.deelnemen")
_SCRIPT_VERSION = "1"
_SESSION_SECONDS = 2.0
"""How long a looked-up session is reused (closing a session shows within this time; the store
refuses answers to a closed session at once anyway)."""
_MAX_KEPT_SESSIONS = 1000
_RESPONDENT_SECONDS = 600.0
_MAX_KEPT_RESPONDENTS = 5000
LIGHT_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'"
)
"""The light pages load nothing but the kit's own script and stylesheet."""

text = FixedTexts("deelnemen/teksten.yaml")
"""Return a fixed text of the light pages, ``{placeholders}`` filled in."""

T = TypeVar("T")


def participant_path(base_url: str = "/", code: str | None = None) -> str:
    """Return the path of the join page (or of one session's page) below a base URL.

    Examples:
        >>> participant_path("/user/an/", "K7P2QX")
        '/user/an/lco/deelnemen/K7P2QX'
    """
    path = base_url.rstrip("/") + "/" + PREFIX
    return f"{path}/{code}" if code else path


@dataclass
class Participation:
    """What the light pages share in one server: the store, the code guard, a few threads.

    Attributes:
        base_url: The host's base URL (``/`` for ``lco-kit start``).
        store_factory: Opens the reflection store (default: the kit's own store).
        guard: Slows down whoever tries many wrong codes.
        start_page: The address of the kit's start page for laptops, or "" when the host has none.
        trusted: Proxy addresses whose ``X-Forwarded-For`` is believed.
    """

    base_url: str = "/"
    store_factory: Callable[[], ReflectieStore] = ReflectieStore
    guard: CodeGuard = field(default_factory=CodeGuard)
    start_page: str = ""
    trusted: frozenset[str] = field(default_factory=trusted_proxies)
    _store: ReflectieStore | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _sessions: dict[str, tuple[float, Sessie]] = field(default_factory=dict)
    _respondents: dict[tuple[str, str], tuple[float, RespondentRecord]] = field(default_factory=dict)

    @cached_property
    def pool(self) -> ThreadPoolExecutor:
        """Threads for the store, so a slow write never holds up the server's other pages."""
        return ThreadPoolExecutor(max_workers=4, thread_name_prefix="lco-deelnemen")

    @property
    def store(self) -> ReflectieStore:
        """Return the store, opened on first use."""
        with self._lock:
            if self._store is None:
                self._store = self.store_factory()
            return self._store

    async def run(self, call: Callable[[], T]) -> T:
        """Run a store call in a thread and wait for it without blocking the server."""
        return await asyncio.get_running_loop().run_in_executor(self.pool, call)

    def session(self, code: str) -> Sessie:
        """Return the session for a code, kept for a moment: a room asks for it with every tap.

        Raises:
            LcoError: When there is no such session.
        """
        now = time.monotonic()
        with self._lock:
            kept = self._sessions.get(code)
        if kept is not None and kept[0] > now:
            return kept[1]
        session = self.store.session(code)
        with self._lock:
            if len(self._sessions) > _MAX_KEPT_SESSIONS:
                self._sessions.clear()
            self._sessions[code] = (now + _SESSION_SECONDS, session)
        return session

    def respondent(self, code: str, key: str) -> RespondentRecord | None:
        """Return what a device answered so far, kept in memory after the first read.

        Only this server writes a device's answers (:meth:`answer`), so the copy stays true;
        it is read again from the store after a while all the same.
        """
        now = time.monotonic()
        with self._lock:
            kept = self._respondents.get((code, key))
        if kept is not None and kept[0] > now:
            return kept[1]
        record = self.store.respondent(code, key)
        if record is not None:
            with self._lock:
                if len(self._respondents) > _MAX_KEPT_RESPONDENTS:
                    self._respondents.clear()
                self._respondents[(code, key)] = (now + _RESPONDENT_SECONDS, record)
        return record

    def answer(self, code: str, key: str, perspective: str, item_id: str, value: int | None) -> None:
        """Save one answer in the store, then in the kept copy."""
        self.store.record_answer(code, key, perspective, item_id, value)
        with self._lock:
            kept = self._respondents.get((code, key))
            if kept is not None:
                answers = {**kept[1].answers, item_id: value}
                self._respondents[(code, key)] = (kept[0], dataclasses.replace(kept[1], answers=answers))
        if kept is None:
            self.respondent(code, key)

    def finish(self, code: str, key: str, perspective: str, remark: str) -> None:
        """Save the remark and mark the device's respondent as done."""
        self.store.record_remark(code, key, perspective, remark)
        self.store.finish(code, key, perspective)
        with self._lock:
            self._respondents.pop((code, key), None)

    @cached_property
    def templates(self) -> jinja2.Environment:
        """The light pages' templates; every value is escaped unless a template says otherwise."""
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(_TEMPLATES)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
        )
        env.globals["t"] = text
        env.globals["r"] = reflectie_text
        return env

    @property
    def path(self) -> str:
        """The join page's path."""
        return participant_path(self.base_url)


@dataclass(frozen=True)
class _Respondent:
    key: str
    perspective: str


class _Base(tornado.web.RequestHandler):
    """Shared by every light page; mixed with the host's handler class by :func:`participant_routes`."""

    kit: Participation

    def initialize(self, kit: Participation, **_: Any) -> None:
        self.kit = kit

    # -- headers

    def set_default_headers(self) -> None:
        super().set_default_headers()
        self.set_header("Content-Security-Policy", LIGHT_CSP)
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Referrer-Policy", "same-origin")  # "no-referrer" makes a form's Origin "null"
        self.set_header("Cache-Control", "no-store")

    @property
    def content_security_policy(self) -> str:
        """Jupyter's handlers set the CSP from this property; the light pages want their own."""
        return LIGHT_CSP

    # -- rendering

    def render_page(self, name: str, status: int = 200, **values: Any) -> None:
        """Render one light page (never through the host's own templates)."""
        self.set_status(status)
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        page = self.kit.templates.get_template(name).render(
            static=f"{self.kit.path}/static/",
            base=self.kit.path,
            xsrf=jinja2.utils.markupsafe.Markup(self.xsrf_form_html()),
            start_page=self.kit.start_page,
            version=_SCRIPT_VERSION,
            **values,
        )
        self.finish(page)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        """A Dutch page instead of tornado's (English, and a traceback in debug mode)."""
        if status_code == 404:  # noqa: PLR2004
            self.render_page("fout.html", 404, titel=text("niet_gevonden"), bericht="")
            return
        if status_code == 403:  # noqa: PLR2004
            self.render_page("fout.html", 403, titel=reflectie_text("link_ongeldig"), bericht="")
            return
        mark = secrets.token_hex(3).upper()
        _LOG.error("Fout %s op %s (kenmerk %s)", status_code, self.request.path, mark, exc_info=kwargs.get("exc_info"))
        self.render_page("fout.html", status_code, titel=text("fout_onverwacht", kenmerk=mark), bericht="")

    def wants_json(self) -> bool:
        """Whether the page's script sent this (it wants a short answer, not a new page)."""
        return self.request.headers.get("X-Lco-Fetch") == "1"

    def go(self, url: str) -> None:
        """Send the browser on (a script gets the address as JSON, a form a redirect)."""
        if self.wants_json():
            self.set_header("Content-Type", "application/json")
            self.finish(json.dumps({"volgende": url}))
        else:
            self.redirect(url, status=303)

    def refuse(self, message: str, status: int = 400) -> None:
        """Say in Dutch why something could not be done."""
        if self.wants_json():
            self.set_status(status)
            self.set_header("Content-Type", "application/json")
            self.finish(json.dumps({"fout": message}))
        else:
            self.render_page("fout.html", status, titel=message, bericht="")

    # -- the session and the respondent

    @property
    def address(self) -> str:
        """The address the request comes from (see :func:`client_address`)."""
        return client_address(
            str(self.request.remote_ip), self.request.headers.get("X-Forwarded-For"), self.kit.trusted
        )

    async def open_session(self, raw: str) -> Sessie | None:
        """Return the open session for a code, or answer the request (unknown or closed) and return None."""
        wait = self.kit.guard.delay(self.address)
        if wait:
            await asyncio.sleep(wait)
        code = normalise_code(raw)[:12]
        try:
            session = await self.kit.run(lambda: self.kit.session(code))
        except LcoError:
            self.kit.guard.failed(self.address, code)
            self.render_page(
                "code.html", 404, code=code, fout=text("code_onbekend", code=code) if code else "", session_code=""
            )
            return None
        if not session.is_open:
            self.render_page("gesloten.html", 200, sessie=session)
            return None
        return session

    def cookie_name(self, session: Sessie) -> str:
        """The cookie that keeps this device's respondent key for one session."""
        return f"lco_r_{session.code}"

    def respondent(self, session: Sessie) -> _Respondent | None:
        """Return the respondent this device answers as in this session, if any."""
        raw = self.get_cookie(self.cookie_name(session)) or ""
        key, _, perspective = raw.partition(".")
        if not valid_respondent_key(key) or perspective not in PERSPECTIVES:
            return None
        return _Respondent(key, perspective)

    def keep_respondent(self, session: Sessie, respondent: _Respondent) -> None:
        """Remember on this device whom it answers as (a cookie for this session's pages only)."""
        self.set_cookie(
            self.cookie_name(session),
            f"{respondent.key}.{respondent.perspective}",
            path=f"{self.kit.path}/{session.code}",
            expires_days=_COOKIE_DAYS,
            httponly=True,
            samesite="Lax",
        )

    def forget_respondent(self, session: Sessie) -> None:
        """Forget this device's respondent, so the next person starts afresh."""
        self.clear_cookie(self.cookie_name(session), path=f"{self.kit.path}/{session.code}")

    async def answering(self, code: str) -> tuple[Sessie, _Respondent, RespondentRecord | None] | None:
        """Return the open session, this device's respondent and what it stored; or answer the request.

        A device that has not chosen a perspective goes back to the choice; a finished one to
        the thank-you.
        """
        session = await self.open_session(code)
        if session is None:
            return None
        respondent = self.respondent(session)
        if respondent is None:
            self.redirect(self.session_url(session), status=303)
            return None
        record = await self.kit.run(lambda: self.kit.respondent(session.code, respondent.key))
        if record is not None and record.finished is not None:
            self.redirect(self.session_url(session, "bedankt"), status=303)
            return None
        return session, respondent, record

    def one_by_one(self, part: PerspectiefDeel) -> bool:
        """Whether this device sees one item per screen (the perspective's default, or as asked)."""
        view = self.get_argument("weergave", "")
        return part.een_per_scherm if view not in {"lijst", "een"} else view == "een"

    def session_url(self, session: Sessie, step: str = "", **query: object) -> str:
        """The address of one of this session's pages."""
        url = f"{self.kit.path}/{session.code}" + (f"/{step}" if step else "")
        shown = {k: str(v) for k, v in query.items() if v is not None and v != ""}
        return url + (f"?{urlencode(shown)}" if shown else "")


class JoinPage(_Base):
    """``/lco/deelnemen``: type the code (or arrive with ``?code=`` from a QR code)."""

    @tornado.web.authenticated
    async def get(self) -> None:
        """Show the code field, or go straight to the session a QR code names."""
        code = normalise_code(self.get_argument("code", "", strip=True)[:40])[:12]
        if not code:
            self.render_page("code.html", code="", fout="", session_code="")
            return
        session = await self.open_session(code)
        if session is not None:
            self.redirect(self.session_url(session), status=303)


class SessionPage(_Base):
    """``/lco/deelnemen/<code>``: choose who you are, or go on where this device was."""

    @tornado.web.authenticated
    async def get(self, code: str) -> None:
        """Show the three perspectives, or send a device that already answers to its next step."""
        session = await self.open_session(code)
        if session is None:
            return
        respondent = self.respondent(session)
        if respondent is not None:
            record = await self.kit.run(lambda: self.kit.respondent(session.code, respondent.key))
            if record is not None and record.finished is not None:
                self.redirect(self.session_url(session, "bedankt"), status=303)
            else:
                self.redirect(self.session_url(session, "vragen"), status=303)
            return
        instrument = session.instrument
        choices = [(p, instrument.perspective(p).label, reflectie_text(f"keuze_{p}")) for p in PERSPECTIVES]
        self.render_page("kies.html", sessie=session, titel=session.titel or instrument.titel, keuzes=choices)


def _item_index(part: PerspectiefDeel, answers: dict[str, int | None], asked: str | None) -> int:
    if asked is not None and asked.isdigit():
        return max(0, min(len(part.items), int(asked)))
    unanswered = [n for n, item in enumerate(part.items) if item.id not in answers]
    return unanswered[0] if unanswered else len(part.items)


def _scale(part: PerspectiefDeel) -> list[tuple[str, str, str]]:
    """Return the answer options of a perspective: (value, symbol, full label)."""
    options = [(str(p.waarde), p.symbool, p.label) for p in part.schaal]
    if part.weet_ik_niet:
        options.append(("weet-niet", "", reflectie_text("weet_ik_niet")))
    return options


def _value(raw: str) -> int | None:
    if raw == "weet-niet":
        return None
    if raw in {"1", "2", "3", "4", "5"}:
        return int(raw)
    raise LcoError(reflectie_text("link_ongeldig"))


class QuestionsPage(_Base):
    """``…/vragen``: one item per screen (the client's version) or all items on one screen."""

    @tornado.web.authenticated
    async def get(self, code: str) -> None:
        """Show the current item, or the whole list, with what this device already answered."""
        found = await self.answering(code)
        if found is None:
            return
        session, respondent, record = found
        perspective = record.perspective if record else respondent.perspective
        part = session.instrument.perspective(perspective)
        answers = dict(record.answers) if record else {}
        view = self.get_argument("weergave", "")
        common: dict[str, Any] = {
            "sessie": session,
            "deel": part,
            "perspectief": perspective,
            "opties": _scale(part),
            "antwoorden": {k: ("weet-niet" if v is None else str(v)) for k, v in answers.items()},
            "acties": self.session_url(session),
        }
        if not self.one_by_one(part):
            self.render_page("lijst.html", **common)
            return
        index = _item_index(part, answers, self.get_argument("i", None))
        if index >= len(part.items):
            self.redirect(self.session_url(session, "opmerking", weergave=view), status=303)
            return
        item = part.items[index]
        self.render_page(
            "vraag.html",
            **common,
            index=index,
            item=item,
            aantal=len(part.items),
            weergave=view,
            volgende=self.session_url(session, "vragen", i=index + 1, weergave=view),
            vorige=self.session_url(session, "vragen", i=index - 1, weergave=view) if index else "",
        )


class RemarkPage(_Base):
    """``…/opmerking``: the last step, an optional remark and the send button."""

    @tornado.web.authenticated
    async def get(self, code: str) -> None:
        """Show the remark field with what this device already wrote."""
        found = await self.answering(code)
        if found is None:
            return
        session, respondent, record = found
        part = session.instrument.perspective(record.perspective if record else respondent.perspective)
        view = self.get_argument("weergave", "")
        back = self.session_url(session, "vragen", i=len(part.items) - 1, weergave=view)
        if not self.one_by_one(part):
            back = self.session_url(session, "vragen", weergave=view)
        self.render_page(
            "opmerking.html",
            sessie=session,
            opmerking=record.remark if record else "",
            acties=self.session_url(session),
            vorige=back,
        )


class ThanksPage(_Base):
    """``…/bedankt``: thanks, and a way for the next person on the same device."""

    @tornado.web.authenticated
    async def get(self, code: str) -> None:
        """Show the thank-you."""
        session = await self.open_session(code)
        if session is None:
            return
        self.render_page("bedankt.html", sessie=session, acties=self.session_url(session))


class ActionHandler(_Base):
    """The POSTs: ``kies``, ``antwoord``, ``antwoorden``, ``klaar``, ``opnieuw`` (XSRF-checked by the host)."""

    @tornado.web.authenticated
    async def post(self, code: str, action: str) -> None:
        """Do one step and send the browser to the next."""
        session = await self.open_session(code)
        if session is None:
            return
        try:
            await getattr(self, f"_{action}")(session)
        except LcoError as error:
            self.refuse(text("fout_bewaren", reden=str(error)))

    async def _kies(self, session: Sessie) -> None:
        perspective = self.get_body_argument("perspectief", "")
        if perspective not in PERSPECTIVES:
            raise LcoError(reflectie_text("link_ongeldig"))
        if self.respondent(session) is None:
            self.keep_respondent(session, _Respondent(new_respondent_key(), perspective))
        self.go(self.session_url(session, "vragen"))

    def _known(self, session: Sessie) -> _Respondent:
        respondent = self.respondent(session)
        if respondent is None:
            raise LcoError(reflectie_text("link_ongeldig"))
        return respondent

    async def _antwoord(self, session: Sessie) -> None:
        respondent = self._known(session)
        item = self.get_body_argument("item", "")[:40]
        value = _value(self.get_body_argument("waarde", "")[:12])
        place = self.get_body_argument("plaats", "")
        view = self.get_body_argument("weergave", "")[:8]
        await self.kit.run(lambda: self.kit.answer(session.code, respondent.key, respondent.perspective, item, value))
        step = int(place) + 1 if place.isdigit() else None
        self.go(self.session_url(session, "vragen", i=step, weergave=view))

    async def _antwoorden(self, session: Sessie) -> None:
        respondent = self._known(session)
        part = session.instrument.perspective(respondent.perspective)
        given = {item.id: self.get_body_argument(item.id, "") for item in part.items}
        for item_id, raw in given.items():
            if raw:
                value = _value(raw[:12])
                await self.kit.run(
                    functools.partial(
                        self.kit.answer, session.code, respondent.key, respondent.perspective, item_id, value
                    )
                )
        self.go(self.session_url(session, "opmerking", weergave="lijst"))

    async def _klaar(self, session: Sessie) -> None:
        respondent = self._known(session)
        remark = self.get_body_argument("opmerking", "")
        await self.kit.run(lambda: self.kit.finish(session.code, respondent.key, respondent.perspective, remark))
        self.go(self.session_url(session, "bedankt"))

    async def _opnieuw(self, session: Sessie) -> None:
        self.forget_respondent(session)
        self.go(self.session_url(session))


class StaticFiles(tornado.web.StaticFileHandler):
    """The light pages' stylesheet and script (served by the kit itself: a room may be offline)."""

    def initialize(self, **_: Any) -> None:  # type: ignore[override]
        """Serve from the kit's own folder, whatever the route says."""
        super().initialize(path=str(_TEMPLATES / "static"))

    def set_extra_headers(self, path: str) -> None:
        """Let phones keep these files for the day; they change only with the kit."""
        del path
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Cache-Control", "public, max-age=86400")


_PAGES: list[tuple[str, type[_Base]]] = [
    ("", JoinPage),
    (f"/{_CODE}", SessionPage),
    (f"/{_CODE}/vragen", QuestionsPage),
    (f"/{_CODE}/opmerking", RemarkPage),
    (f"/{_CODE}/bedankt", ThanksPage),
    (f"/{_CODE}/(kies|antwoord|antwoorden|klaar|opnieuw)", ActionHandler),
]


def participant_routes(
    kit: Participation, host: type[tornado.web.RequestHandler] = tornado.web.RequestHandler
) -> list[tuple[str, type[tornado.web.RequestHandler], dict[str, Any]]]:
    """Return the light pages' routes, each handler built on the host's own handler class.

    Args:
        kit: The shared state (store, guard, base URL).
        host: The host's handler class: Jupyter's ``JupyterHandler`` under Voilà and
            ``jupyter server`` (its login check and XSRF check then apply), or a plain
            handler for the stand-alone service, which brings its own ``get_current_user``.
    """
    prefix = kit.path.replace(".", r"\.")
    routes: list[tuple[str, type[tornado.web.RequestHandler], dict[str, Any]]] = [
        (prefix + r"/static/(.*)", StaticFiles, {"kit": kit})
    ]
    for suffix, page in _PAGES:
        handler = type(page.__name__, (page, host), {"__doc__": page.__doc__})
        routes.append((prefix + suffix + "/?", handler, {"kit": kit}))
    return routes
