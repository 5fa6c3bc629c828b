"""``lco-kit casus``: check, simulate and list, as a coordinator runs them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lco_kit.casus import casus_to_yaml, simulate_casus
from tests.casus.conftest import casus_data, casus_yaml, valid_iban

ROOT = Path(__file__).resolve().parents[2]
MALFORMED = ROOT / "tests" / "data" / "casus"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run ``python -m lco_kit`` as a user would; a hang fails the test instead of blocking the run."""
    return subprocess.run(
        [sys.executable, "-m", "lco_kit", *args], capture_output=True, text=True, timeout=60, check=False, cwd=cwd
    )


def test_curated_casussen_pass_the_check() -> None:
    """Does ``lco-kit casus check casussen/*.yaml`` exit 0 and say every file is in order?"""
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "casussen").glob("*.yaml"))
    result = run("casus", "check", *files)
    assert result.returncode == 0, result.stdout
    assert result.stdout.count(": in orde") == len(files)
    assert f"Alle {len(files)} bestand(en) in orde." in result.stdout


def test_simulate_twice_prints_the_same() -> None:
    """Does ``lco-kit casus simulate --seed 7`` print identical output twice, a valid casus?"""
    first = run("casus", "simulate", "--seed", "7")
    second = run("casus", "simulate", "--seed", "7")
    assert first.returncode == 0 and first.stdout == second.stdout
    assert first.stdout.startswith("# Verzonnen casus, gemaakt door lco-kit.")
    assert "# Opnieuw te maken met: lco-kit casus simulate --seed 7\n" in first.stdout
    assert first.stdout.endswith(casus_to_yaml(simulate_casus(7)))


def test_hundred_seeds_pass_the_check(tmp_path: Path) -> None:
    """Do the casussen of seeds 0–99 all pass ``lco-kit casus check``?"""
    for seed in (0, 42, 99):
        result = run("casus", "simulate", "--seed", str(seed), "--out", str(tmp_path / f"cli-{seed}.yaml"))
        assert result.returncode == 0 and "Casus geschreven naar" in result.stdout
    for seed in range(100):
        (tmp_path / f"sim-{seed}.yaml").write_text(casus_to_yaml(simulate_casus(seed)), encoding="utf-8")
    for seed in (0, 42, 99):
        written = (tmp_path / f"cli-{seed}.yaml").read_text(encoding="utf-8")
        assert written.endswith((tmp_path / f"sim-{seed}.yaml").read_text(encoding="utf-8"))
    result = run("casus", "check", *sorted(str(p) for p in tmp_path.glob("*.yaml")))
    assert result.returncode == 0, result.stdout
    assert "Alle 103 bestand(en) in orde." in result.stdout


def test_simulate_with_the_trainer_options() -> None:
    """Are profile, number of providers, minors and life domains passed on, and repeated in the header?"""
    result = run(
        "casus",
        "simulate",
        "--seed",
        "3",
        "--profiel",
        "nieuwkomer",
        "--hulpverleners",
        "6",
        "--met-minderjarigen",
        "--levensdomeinen",
        "werk, huisvesting",
    )
    assert result.returncode == 0, result.stderr
    expected = casus_to_yaml(
        simulate_casus(
            3, profiel="nieuwkomer", hulpverleners=6, minderjarigen=True, levensdomeinen=["werk", "huisvesting"]
        )
    )
    assert result.stdout.endswith(expected)
    assert (
        "--profiel nieuwkomer --hulpverleners 6 --levensdomeinen 'werk, huisvesting' --met-minderjarigen"
        in result.stdout
    )


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--profiel", "rijk"], "‘rijk’ is geen profiel dat de kit kent"),
        (["--hulpverleners", "20"], "Kies tussen 2 en 8 hulpverleners"),
        (["--profiel", "oudere_thuis", "--met-minderjarigen"], "heeft geen minderjarigen"),
        (["--out", "/bestaat/niet/casus.yaml"], "Kan niet schrijven naar ‘/bestaat/niet/casus.yaml’"),
    ],
)
def test_simulate_refuses_impossible_options_in_dutch(args: list[str], fragment: str) -> None:
    """Does an impossible option exit 1 with a Dutch message and no traceback?"""
    result = run("casus", "simulate", "--seed", "1", *args)
    assert result.returncode == 1
    assert fragment in result.stderr and "Traceback" not in result.stderr


def test_simulate_needs_a_seed() -> None:
    """Does simulate without --seed say in Dutch what is missing?"""
    result = run("casus", "simulate")
    assert result.returncode == 2 and "deze argumenten ontbreken: --seed" in result.stderr


# The message expected for each stored malformed file: a piece of the Dutch text.
EXPECTED = {
    "casus-zonder-toestemming.yaml": "zonder toestemming van de cliënt is er geen LCO",
    "casus-leeg.yaml": "het bestand is leeg",
    "casus-tabs.yaml": "regel 7: deze regel springt in met een tab",
    "casus-dubbele-sleutel.yaml": "het veld ‘titel’ staat twee keer in dezelfde groep (ook op regel 3)",
    "casus-lijst.yaml": "niet uit een lijst of losse tekst",
    "casus-onbekende-sleutel.yaml": "veld ‘hulpvraagg’: dit veld kent het formaat niet. Bedoel je ‘hulpvraag’?",
    "casus-verkeerd-type.yaml": "veld ‘client → leeftijd’: verwacht een geheel getal, gevonden: ‘vierendertig’",
    "casus-tijd-14-30.yaml": "veld ‘client → leeftijd’: verwacht een geheel getal, gevonden: ‘14:30’",
    "casus-ja-nee.yaml": "verwacht true of false, gevonden: ‘yes’",
    "casus-windows-1252.yaml": "niet als UTF-8 opgeslagen (waarschijnlijk Windows-1252",
    "casus-alias-bom.yaml": "verwijzingen met * (aliassen) zijn niet toegestaan",
    "casus-syntaxfout.yaml": "er ontbreekt een afsluitend aanhalingsteken",
    "casus-python-tag.yaml": "is niet toegestaan. Schrijf gewone tekst",
    "casus-schema-versie.yaml": "schema_version 9 kent deze versie van de kit niet",
    "casus-geen-schema-versie.yaml": "het veld ‘schema_version’ ontbreekt",
    "casus-onbekende-hulpverlener.yaml": "‘spilfiguur’ verwijst naar ‘huisarts’",
    "casus-coordinator-is-hulpverlener.yaml": "de coördinator is neutraal",
    "casus-minderjarige-te-oud.yaml": "veld ‘client → minderjarigen → nr. 1 → leeftijd’: mag hoogstens 17 zijn",
    "casus-te-jong-om-deel-te-nemen.yaml": "Seppe is 5 jaar",
    "casus-onbekend-levensdomein.yaml": "‘sport’ staat niet in de lijst ‘Levensdomeinen’",
    "casus-onbekende-sector.yaml": "‘welzijnshuis’ staat niet in de lijst ‘Sectoren van hulpverleners’",
    "casus-dubbele-id.yaml": "komen twee keer voor: ocmw",
    "casus-verkeerde-datum.yaml": "verwacht een datum als JJJJ-MM-DD",
    "casus-geen-tekst.yaml": "dit is geen tekstbestand",
}


def test_every_stored_malformed_file_has_an_expectation() -> None:
    """Is every file in tests/data/casus covered by a test below (and every expectation by a file)?"""
    assert {p.name for p in MALFORMED.iterdir()} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_malformed_file_exits_1_with_a_dutch_message(name: str) -> None:
    """Does each malformed kind exit 1 with a Dutch message naming the file, and never a traceback?"""
    relative = f"tests/data/casus/{name}"
    result = run("casus", "check", relative)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{relative}: niet in orde.")
    assert EXPECTED[name] in result.stdout
    assert "1 van de 1 bestand(en) niet in orde." in result.stdout
    assert "Traceback" not in result.stdout + result.stderr and "Error" not in result.stdout + result.stderr


def test_a_word_file_is_refused(tmp_path: Path) -> None:
    """Is a .docx (a zip file) refused as not text, naming the file?"""
    import zipfile

    path = tmp_path / "casus.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document>Mira</w:document>")
    result = run("casus", "check", str(path))
    assert result.returncode == 1
    assert f"{path}: niet in orde." in result.stdout
    assert "dit is geen tekstbestand maar een Word-, Excel- of zip-bestand" in result.stdout


def test_an_oversized_file_is_refused(tmp_path: Path) -> None:
    """Is a file above the size limit refused with its size, without reading it?"""
    path = tmp_path / "groot.yaml"
    path.write_bytes(casus_yaml().encode() + b"# " + b"x" * 300_000 + b"\n")
    result = run("casus", "check", str(path))
    assert result.returncode == 1
    assert re.search(
        r"dit bestand is te groot \(3\d\d kB\); een inhoudsbestand mag hoogstens 200 kB zijn", result.stdout
    )


def test_personal_data_makes_the_check_fail(tmp_path: Path) -> None:
    """Does a valid casus with an IBAN in it exit 1, with the line and kind, the number masked?"""
    data = casus_data()
    data["hulpvraag"] = f"Stort het op {valid_iban()}, dat is mijn rekening."
    path = tmp_path / "eigen-casus.yaml"
    path.write_text(casus_yaml(data), encoding="utf-8")
    result = run("casus", "check", str(path))
    assert result.returncode == 1
    line = casus_yaml(data).splitlines().index(f"hulpvraag: {data['hulpvraag']}") + 1
    assert f"regel {line}: rekeningnummer (IBAN) — BE" in result.stdout
    assert valid_iban() not in result.stdout


def test_several_files_one_bad(tmp_path: Path) -> None:
    """With one good and one bad file, are both reported and is the exit code 1?"""
    good = tmp_path / "goed.yaml"
    good.write_text(casus_yaml(), encoding="utf-8")
    result = run("casus", "check", str(good), str(MALFORMED / "casus-leeg.yaml"))
    assert result.returncode == 1
    assert f"{good}: in orde" in result.stdout and "1 van de 2 bestand(en) niet in orde." in result.stdout


def test_list_shows_casussen_and_profiles() -> None:
    """Does ``lco-kit casus list`` show the curated casussen and the profiles?"""
    result = run("casus", "list")
    assert result.returncode == 0
    assert "gezin-lotte-genk: Lotte en Kevin zoeken ademruimte (Gezin met jonge kinderen)" in result.stdout
    assert "Profielen:" in result.stdout and "oudere_thuis: Oudere die thuis woont" in result.stdout


def test_help_is_dutch() -> None:
    """Does ``lco-kit casus --help`` answer in Dutch, with the three verbs?"""
    result = run("casus", "--help")
    assert result.returncode == 0 and result.stdout.startswith("gebruik: lco-kit casus")
    assert "kijk casusbestanden na" in result.stdout and "maak een verzonnen casus" in result.stdout


HOSTILE = ROOT / "tests" / "data" / "hostile"

# Files that once crashed the loader ("Er ging onverwacht iets mis"), each with the Dutch
# message it must now give: its line and field, and what is wrong.
HOSTILE_EXPECTED = {
    "casus-backspace-in-waarde.yaml": "regel 3, veld ‘titel’: hier staat een backspace (U+0008)",
    "casus-word-regeleinde-in-waarde.yaml": "regel 3, veld ‘titel’: hier staat een regeleinde uit Word",
    "casus-int-markering-zonder-waarde.yaml": "regel 1, veld ‘schema_version’: de markering ‘!!int’ is niet",
    "casus-float-markering-zonder-waarde.yaml": "veld ‘x’: de markering ‘!!float’ is niet toegestaan",
    "casus-timestamp-markering-op-lege-veldnaam.yaml": "regel 1: de markering ‘!!timestamp’ is niet toegestaan",
    "casus-timestamp-markering-maakt-datum-als-veldnaam.yaml": "veld ‘2020-01-01’: de markering ‘!!timestamp’",
    "casus-getal-als-veldnaam.yaml": "veld ‘2’: dit veld kent het formaat niet.",
    "casus-leeg-als-veldnaam.yaml": "veld ‘~’: dit veld kent het formaat niet.",
}


def hostile_casus_files() -> list[str]:
    """Return the stored casus files that once crashed the loader."""
    return sorted(p.name for p in HOSTILE.glob("casus-*.yaml"))


def test_every_stored_hostile_casus_has_an_expectation() -> None:
    """Is every stored hostile casus file covered below (and every expectation by a file)?"""
    assert set(hostile_casus_files()) == set(HOSTILE_EXPECTED)


@pytest.mark.parametrize("name", sorted(HOSTILE_EXPECTED))
def test_hostile_file_exits_1_with_a_dutch_message(name: str) -> None:
    """Does a file that once crashed the loader now exit 1 with a Dutch message naming file, line and field?"""
    relative = f"tests/data/hostile/{name}"
    result = run("casus", "check", relative)
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith(f"{relative}: niet in orde.")
    assert HOSTILE_EXPECTED[name] in result.stdout
    assert "onverwacht" not in result.stdout + result.stderr and "nr. 2" not in result.stdout
    assert "None" not in result.stdout and "Traceback" not in result.stderr


def test_check_of_hostile_and_good_files_reports_every_file(tmp_path: Path) -> None:
    """With every hostile file between two good ones, are the good ones still reported as in order?"""
    first, last = tmp_path / "eerste.yaml", tmp_path / "laatste.yaml"
    for path in (first, last):
        path.write_text(casus_yaml(), encoding="utf-8")
    hostile = [str(HOSTILE / name) for name in hostile_casus_files()]
    result = run("casus", "check", str(first), *hostile, str(last))
    assert result.returncode == 1
    assert f"{first}: in orde" in result.stdout and f"{last}: in orde" in result.stdout
    for name in hostile:
        assert f"{name}: niet in orde." in result.stdout
    assert f"{len(hostile)} van de {len(hostile) + 2} bestand(en) niet in orde." in result.stdout


def test_list_reports_a_hostile_file_and_shows_the_others(tmp_path: Path) -> None:
    """Does ``casus list`` with a broken file in the facilitator's folder name it and still list the kit's casussen?"""
    own = tmp_path / "eigen" / "casussen"
    own.mkdir(parents=True)
    (own / "kapot.yaml").write_bytes((HOSTILE / "casus-word-regeleinde-in-waarde.yaml").read_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "lco_kit", "casus", "list"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
        env={**os.environ, "LCO_KIT_CONTENT_DIR": str(tmp_path / "eigen")},
    )
    assert result.returncode == 1, result.stderr
    assert "gezin-lotte-genk: Lotte en Kevin zoeken ademruimte" in result.stdout
    assert "kapot.yaml, regel 3, veld ‘titel’: hier staat een regeleinde uit Word" in result.stdout
    assert "onverwacht" not in result.stdout + result.stderr
