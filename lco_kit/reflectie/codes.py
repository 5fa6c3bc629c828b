"""The short codes and keys of the reflection: join codes, facilitator secrets, join tokens, respondent keys.

- A session has a short **join code** (easy to type: no 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B) and a
  separate **facilitator secret**; only a hash of the secret is kept.
- A **join token** is derived from the facilitator key, so the key's holder can show it again.
- A **respondent key** is what a browser keeps to go on where it was; no names are stored.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

__all__ = [
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "JOIN_TOKEN_LENGTH",
    "SECRET_LENGTH",
    "join_token_for",
    "new_respondent_key",
    "normalise_code",
    "random_code",
    "secret_hash",
    "shown_code",
    "shown_secret",
    "valid_respondent_key",
]

CODE_ALPHABET = "ACDEFHJKMNPRTUVWXY3479"
CODE_LENGTH = 6
SECRET_LENGTH = 16
JOIN_TOKEN_LENGTH = 12
_KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]{12,64}$")


def secret_hash(secret: str) -> str:
    """Return what is kept of a secret, key or token: its SHA-256 (written as typed or not)."""
    return hashlib.sha256(normalise_code(secret).encode("utf-8")).hexdigest()


def join_token_for(key: str, code: str) -> str:
    """Return a session's join token: derived from the facilitator key, so the key's holder can show it again."""
    digest = hmac.new(normalise_code(key).encode("utf-8"), f"deelname:{code}".encode(), hashlib.sha256).digest()
    return base64.b32encode(digest).decode("ascii")[:JOIN_TOKEN_LENGTH]


def normalise_code(text: str) -> str:
    """Return a join code or secret as stored: capitals, without spaces, dashes or dots.

    Examples:
        >>> normalise_code(" k7p-2qx ")
        'K7P2QX'
    """
    return re.sub(r"[\s.\-_]", "", text).upper()


def shown_code(code: str) -> str:
    """Return a typed code as it may be echoed back: at most a few characters more than a real one."""
    shown = code.strip()
    return shown if len(shown) <= CODE_LENGTH + 6 else shown[: CODE_LENGTH + 6] + "…"


def shown_secret(normalised: str) -> str:
    """Return a secret in groups of four, as the key card prints it."""
    return "-".join(normalised[i : i + 4] for i in range(0, len(normalised), 4))


def random_code(length: int) -> str:
    """Return a random code of the easy-to-type letters and digits."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def valid_respondent_key(key: str) -> bool:
    """Return whether a respondent key has the shape the kit gives out (letters, digits, - and _)."""
    return bool(_KEY_PATTERN.match(key))


def new_respondent_key() -> str:
    """Return a new random respondent key (what a browser keeps to go on where it was)."""
    return secrets.token_urlsafe(12)
