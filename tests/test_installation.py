"""The kit refuses, in Dutch, to start when a part of its installation is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from lco_kit import _installation, content, server
from lco_kit.cli import main


def test_a_checkout_is_whole() -> None:
    """Does the checkout the tests run from miss nothing?"""
    assert _installation.missing_parts() == []


def test_start_refuses_in_dutch_without_the_bundled_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Does ‘lco-kit start’ from a package without its content say so in Dutch, without starting a server?"""
    empty = tmp_path / "_bundled"
    real = content._builtin_dir
    monkeypatch.setattr(content, "_builtin_dir", lambda kind: real(kind) if kind == "data" else empty / kind)

    def must_not_serve(*_args: object, **_kwargs: object) -> None:
        pytest.fail("de server mocht niet starten")

    monkeypatch.setattr(server, "serve", must_not_serve)
    code = main(["start", "--geen-browser", "--poort", "8899"])
    err = capsys.readouterr().err
    assert code == 1
    assert "niet volledig geïnstalleerd" in err
    assert "de pagina's" in err and "de casussen" in err and "de oefeningen" in err
    assert str(empty / "notebooks") in err
    assert "vaste gegevens" not in err
    assert "Traceback" not in err
