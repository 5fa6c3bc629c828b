"""A simulated phone on the light participant pages: plain HTTP, a cookie jar, no script.

The browser tests use a real browser; this client is for many participants at once (a test in
``make test`` and the ``room100`` benchmark). It follows the pages as a person does: the QR
code's address, a perspective, every item, a remark, send.
"""

from __future__ import annotations

import html
import http.cookiejar
import random
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

_XSRF = re.compile(r'name="_xsrf" value="([^"]+)"')
_ITEM = re.compile(r'name="item" value="([^"]+)"')
_PLACE = re.compile(r'name="plaats" value="(\d+)"')
_RADIO = re.compile(r'<input type="radio" name="([^"]+)" value="([^"]+)"')
_ACTION = re.compile(r'<form method="post" action="([^"]+)"')


def seeded(seed: int) -> random.Random:
    """Return the random source of one simulated person (answers and think time, not secrets)."""
    return random.Random(seed)  # noqa: S311


@dataclass
class Reply:
    """One answer of the server."""

    status: int
    url: str
    body: str


@dataclass
class Phone:
    """One participant's device.

    Attributes:
        base: The server, e.g. ``http://127.0.0.1:8866``.
        rng: Chooses answers and think time (seeded by the caller).
        think: Seconds of thinking per item, (least, most); (0, 0) for none.
        latencies: Seconds each request took, in order.
    """

    base: str
    rng: random.Random = field(default_factory=lambda: seeded(0))
    think: tuple[float, float] = (0.0, 0.0)
    latencies: list[tuple[str, float]] = field(default_factory=list)
    received: int = 0

    def __post_init__(self) -> None:
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def _open(self, what: str, request: urllib.request.Request) -> Reply:
        started = time.perf_counter()
        try:
            with self.opener.open(request, timeout=60) as response:
                body = response.read()
                reply = Reply(int(response.status), response.geturl(), body.decode("utf-8"))
        except urllib.error.HTTPError as error:
            body = error.read()
            reply = Reply(int(error.code), error.geturl(), body.decode("utf-8", "replace"))
        self.latencies.append((what, time.perf_counter() - started))
        self.received += len(body)
        return reply

    def get(self, path: str, what: str = "get") -> Reply:
        """Open an address on the server (a path with its query)."""
        return self._open(what, urllib.request.Request(urllib.parse.urljoin(self.base, path)))  # noqa: S310  (the test server)

    def post(self, action: str, fields: dict[str, str], page: Reply, what: str = "post") -> Reply:
        """Send a form of the page just shown (with its XSRF token)."""
        token = _XSRF.search(page.body)
        data = dict(fields)
        if token:
            data["_xsrf"] = html.unescape(token.group(1))
        request = urllib.request.Request(  # noqa: S310  (the test server)
            urllib.parse.urljoin(self.base, html.unescape(action)),
            data=urllib.parse.urlencode(data).encode("utf-8"),
            method="POST",
        )
        return self._open(what, request)

    def _form(self, page: Reply, ending: str) -> str:
        actions = [a for a in _ACTION.findall(page.body) if a.endswith(ending)]
        assert actions, f"geen formulier ‘{ending}’ op {page.url} ({page.status}):\n{page.body[:2000]}"
        return actions[0]

    def join(self, qr_path: str) -> Reply:
        """Open the QR code's address: the page to choose who you are."""
        return self.get(qr_path, "join")

    def choose(self, page: Reply, perspective: str) -> Reply:
        """Choose a perspective on the choice page."""
        return self.post(self._form(page, "/kies"), {"perspectief": perspective}, page, "kies")

    def answer_all(self, page: Reply) -> Reply:
        """Answer every item (one per screen or the whole list) until the remark page."""
        while "/vragen" in page.url:
            if 'name="item"' in page.body:
                self._pause()
                item = _ITEM.search(page.body)
                place = _PLACE.search(page.body)
                assert item and place
                value = str(self.rng.randint(1, 5))
                page = self.post(
                    self._form(page, "/antwoord"),
                    {"item": item.group(1), "plaats": place.group(1), "waarde": value, "weergave": ""},
                    page,
                    "antwoord",
                )
            else:
                names = list(dict.fromkeys(name for name, _ in _RADIO.findall(page.body)))
                assert names, page.body[:2000]
                for _ in names:
                    self._pause()
                fields = {name: str(self.rng.randint(1, 5)) for name in names}
                page = self.post(self._form(page, "/antwoorden"), fields, page, "antwoorden")
        return page

    def finish(self, page: Reply, remark: str = "") -> Reply:
        """Write the remark and send."""
        return self.post(self._form(page, "/klaar"), {"opmerking": remark}, page, "klaar")

    def whole_flow(self, qr_path: str, perspective: str, remark: str = "") -> Reply:
        """Join, choose, answer everything, send; return the thank-you page."""
        page = self.choose(self.join(qr_path), perspective)
        page = self.answer_all(page)
        return self.finish(page, remark)

    def _pause(self) -> None:
        least, most = self.think
        if most > 0:
            time.sleep(self.rng.uniform(least, most))
