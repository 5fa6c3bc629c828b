"""The light participant pages as a small stand-alone service, with nothing else.

For a shared server (a JupyterHub service, or behind a province's proxy): participants reach
the join, answer and thank-you pages without any login, and nothing else is served — no page
of the kit, no kernel, no other session. Run it with::

    python -m lco_kit.server.service --poort 8870 [--basis /services/lco-deelnemen/]

Under JupyterHub the hub sets ``JUPYTERHUB_SERVICE_PREFIX`` and the port in
``JUPYTERHUB_SERVICE_URL``; both are used when present.

Every session page asks for the session's **join token** (``?t=…`` in the QR code, see
:meth:`lco_kit.reflectie.store.ReflectieStore.join_token`; only its hash is stored): a code
alone, typed or guessed, opens nothing here. A device that came with the token keeps it in a
cookie for that one session's pages.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlparse

import tornado.web

from lco_kit.reflectie import normalise_code
from lco_kit.server.deelnemen import Participation, participant_path, participant_routes
from lco_kit.server.guard import client_address

__all__ = ["PublicHandler", "main", "make_app"]


_JOIN_COOKIE = "lco_t_{code}"


class PublicHandler(tornado.web.RequestHandler):
    """The service's host class: no login, but a session's pages need its join token; XSRF on every POST."""

    def get_current_user(self) -> str:
        """Every visitor is a participant; no login exists here."""
        return "deelnemer"

    async def prepare(self) -> None:
        """Refuse a session's page without that session's join token (from the QR code, then a cookie)."""
        kit: Participation | None = getattr(self, "kit", None)
        raw_code = self.path_args[0] if self.path_args else self.get_query_argument("code", "")
        code = normalise_code(raw_code or "")[:12]
        if kit is None or not code:
            return  # the join form itself, or the static files
        # Behind the hub's proxy every request comes from the proxy: its X-Forwarded-For names the phone.
        address = client_address(str(self.request.remote_ip), self.request.headers.get("X-Forwarded-For"), kit.trusted)
        wait = kit.guard.delay(address)
        if wait:  # whoever tried many wrong codes or tokens waits a little longer each time
            await asyncio.sleep(wait)
        given = self.get_query_argument("t", "").strip()[:64]
        token = given or self.get_cookie(_JOIN_COOKIE.format(code=code), "")
        if not await kit.run(lambda: kit.store.join_token_fits(code, token)):
            kit.guard.failed(address, code)
            raise tornado.web.HTTPError(403)
        if given:
            self.set_cookie(
                _JOIN_COOKIE.format(code=code),
                given,
                path=f"{kit.path}/{code}",
                expires_days=2,
                httponly=True,
                samesite="Lax",
            )


class _Root(tornado.web.RequestHandler):
    """Anything else: sent to the join page (never a listing, never another page)."""

    def initialize(self, target: str) -> None:
        self.target = target

    def get(self, *_: Any) -> None:
        self.redirect(self.target)


def make_app(participation: Participation, cookie_secret: bytes | None = None) -> tornado.web.Application:
    """Return the service's tornado application: the light pages and a redirect to them, nothing more."""
    routes: list[Any] = [*participant_routes(participation, host=PublicHandler)]
    routes.append((participation.base_url.rstrip("/") + r"/?", _Root, {"target": participation.path}))
    return tornado.web.Application(
        routes,
        xsrf_cookies=True,
        xsrf_cookie_kwargs={"samesite": "Lax", "httponly": True},
        cookie_secret=cookie_secret or secrets.token_bytes(32),
        default_handler_class=_NotFound,
        default_handler_args={"kit": participation},
    )


def _not_found_base() -> type[tornado.web.RequestHandler]:
    from lco_kit.server.deelnemen import _Base  # noqa: PLC0415

    class NotFound(_Base, PublicHandler):
        async def prepare(self) -> None:
            raise tornado.web.HTTPError(404)

    return NotFound


_NotFound = _not_found_base()


def main(argv: Sequence[str] | None = None) -> int:
    """Serve the light pages until interrupted."""
    parser = argparse.ArgumentParser(prog="python -m lco_kit.server.service", description=__doc__)
    hub_url = urlparse(os.environ.get("JUPYTERHUB_SERVICE_URL", ""))
    parser.add_argument("--poort", "--port", dest="port", type=int, default=hub_url.port or 8870)
    parser.add_argument("--adres", "--ip", dest="ip", default=hub_url.hostname or "127.0.0.1")
    parser.add_argument("--basis", "--base-url", dest="base", default=os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/"))
    args = parser.parse_args(argv)
    participation = Participation(base_url=args.base)
    app = make_app(participation)

    async def forever() -> None:
        app.listen(args.port, address=args.ip, xheaders=False)
        print(f"De deelnemerspagina draait op http://{args.ip}:{args.port}{participant_path(args.base)}", flush=True)
        await asyncio.Event().wait()

    try:
        asyncio.run(forever())
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
