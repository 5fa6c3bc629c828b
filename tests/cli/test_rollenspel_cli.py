"""``lco-kit rollenspel``: cards as PDF, moments checked, a scenario shown — through the real command."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from lco_kit.casus import casus_to_yaml
from tests.rollenspel.conftest import DATA, make_casus


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m lco_kit rollenspel …`` as a user would, capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "lco_kit", "rollenspel", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_help_is_dutch() -> None:
    """Does ``lco-kit rollenspel --help`` list its commands in Dutch?"""
    result = run("--help")
    assert result.returncode == 0
    assert "druk de rolkaarten van een casus af" in result.stdout
    assert "kijk momentenbestanden na" in result.stdout


def test_cards_of_a_curated_casus_are_written_as_pdf(tmp_path: Path) -> None:
    """Does ``kaarten ID --out`` write a PDF with a cover and one page per card, the names on it?"""
    out = tmp_path / "kaarten.pdf"
    result = run("kaarten", "beperking-ilse-pelt", "--out", str(out), "--namen", "An, Bart")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (f"7 rolkaarten van ‘Ilse wil op eigen benen blijven staan’ geschreven naar {out}.")
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert len(reader.pages) >= 8
    cover = reader.pages[0].extract_text()
    assert "An" in cover and "Bart" in cover


def test_cards_of_a_casus_file_with_another_spilfiguur(tmp_path: Path) -> None:
    """Does ``kaarten`` read a casus file and deal the spilfiguur's card to the provider asked?"""
    casus = tmp_path / "mira.yaml"
    casus.write_text(casus_to_yaml(make_casus()), encoding="utf-8")
    out = tmp_path / "mira.pdf"
    result = run("kaarten", str(casus), "--out", str(out), "--spilfiguur", "clb")
    assert result.returncode == 0, result.stderr
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "Spilfiguur · Hulpverlener (deelnemer) — Ann (CLB Genk)" in text


def test_unknown_casus_and_unknown_spilfiguur_are_dutch_errors(tmp_path: Path) -> None:
    """Are an unknown casus id and a spilfiguur who is not a provider refused in Dutch, with exit code 1?"""
    missing = run("kaarten", "bestaat-niet", "--out", str(tmp_path / "x.pdf"))
    assert missing.returncode == 1
    assert missing.stderr.startswith("Er is geen casus met id ‘bestaat-niet’.")
    wrong = run("kaarten", "beperking-ilse-pelt", "--out", str(tmp_path / "x.pdf"), "--spilfiguur", "buur")
    assert wrong.returncode == 1
    assert "‘buur’ is geen hulpverlener van deze casus. Kies uit: begeleiding" in wrong.stderr
    assert "Traceback" not in missing.stderr + wrong.stderr
    file_missing = run("kaarten", str(tmp_path / "weg.yaml"), "--out", str(tmp_path / "x.pdf"))
    assert file_missing.returncode == 1 and "dit bestand bestaat niet" in file_missing.stderr


def test_check_of_the_kits_moments_passes() -> None:
    """Does ``check`` without files read the kit's moments and say all is well?"""
    result = run("check")
    assert result.returncode == 0
    assert "moment(en) gelezen. Per fase: aanvraag" in result.stdout
    assert result.stdout.strip().endswith("Alles in orde.")


def test_check_of_a_malformed_file_names_the_line_and_exits_1() -> None:
    """Does ``check`` of a malformed moments file give its line in Dutch and exit code 1?"""
    result = run("check", str(DATA / "momenten-zonder-juiste-optie.yaml"), str(DATA / "bestaat-niet.yaml"))
    assert result.returncode == 1
    assert "momenten-zonder-juiste-optie.yaml, regel 12" in result.stdout
    assert "bestaat-niet.yaml: dit bestand bestaat niet." in result.stdout
    assert "2 bestand(en) niet in orde." in result.stdout


def test_scenario_shows_every_moment_with_the_methods_choice(tmp_path: Path) -> None:
    """Does ``scenario`` write every moment with its options, the method's choice marked and every reason?"""
    out = tmp_path / "scenario.txt"
    result = run("scenario", "gezin-jonas-sint-truiden", "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("Scenario: Jonas draagt het alleen")
    assert "Moment 1 · Aanvraag · Past dit voor een LCO? (telt voor: Coördinator)" in text
    assert text.count("← wat de methode vraagt") == int(result.stdout.split()[0])


def test_check_refuses_moments_whose_right_options_are_all_the_longest() -> None:
    """Does ``check`` refuse (exit 1, Dutch) a moments file where the right option is always the longest?"""
    path = Path(__file__).resolve().parents[1] / "data" / "lengte" / "juist-altijd-langste-momenten.yaml"
    result = run("check", str(path))
    assert result.returncode == 1
    assert "in 2 van de 2 vragen met één juist antwoord is het juiste antwoord het langste" in result.stdout
    assert "Niet in orde: de opties verraden het juiste antwoord (1 keer)." in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_scenario_starts_with_the_spelregels(tmp_path: Path) -> None:
    """Does ``scenario`` print the spelregels from their data file before the first moment?"""
    from lco_kit.rollenspel.spelregels import spelregels

    out = tmp_path / "scenario.txt"
    assert run("scenario", "gezin-jonas-sint-truiden", "--out", str(out)).returncode == 0
    text = out.read_text(encoding="utf-8")
    first_rule = f"  1. {spelregels()[0].regel}"
    assert first_rule in text
    assert text.index(first_rule) < text.index("Moment 1 ·")
