"""Dutch texts for argparse's own messages (usage, help, errors).

argparse looks its texts up through a module-level ``_`` function; replacing that one
function is enough to make every generated message Dutch, including the ones for
sub-commands that capabilities add later.
"""

from __future__ import annotations

import argparse

_TEXTS = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon het versienummer en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "not allowed with argument %s": "niet samen te gebruiken met %s",
    "one of the arguments %s is required": "één van deze argumenten is nodig: %s",
    "ambiguous option: %(option)s could match %(matches)s": "dubbelzinnige optie: %(option)s kan %(matches)s zijn",
    "ignored explicit argument %r": "genegeerde waarde %r",
    "can't open '%(filename)s': %(error)s": "kan ‘%(filename)s’ niet openen: %(error)s",
    "unexpected option string: %s": "onverwachte optie: %s",
}


def _dutch(message: str) -> str:
    return _TEXTS.get(message, message)


def _dutch_plural(singular: str, plural: str, n: int) -> str:
    return _dutch(singular if n == 1 else plural)


def install() -> None:
    """Make argparse speak Dutch in this process."""
    argparse._ = _dutch  # type: ignore[attr-defined]
    argparse.ngettext = _dutch_plural  # type: ignore[attr-defined]
