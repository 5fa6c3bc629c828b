"""``lco-kit reflectie``: new, submit and export, run as a user would run them."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lco_kit.reflectie.store import ReflectieStore


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m lco_kit reflectie …`` and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "lco_kit", "reflectie", *args], capture_output=True, text=True, timeout=90, check=False
    )


@pytest.fixture
def db(tmp_path: Path) -> str:
    """Return the URL of an empty SQLite store of its own."""
    return f"sqlite:///{tmp_path / 'cli.sqlite3'}"


def new_code(db: str, kind: str = "lco") -> str:
    """Open a session directly in the store (``new`` itself is tested through the command line)."""
    return ReflectieStore(db).create_session(kind).session.code


def answers_file(tmp_path: Path, content: object, name: str = "antwoorden.json") -> Path:
    """Write an answer file (JSON unless given as text)."""
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


def stored(db: str, code: str) -> int:
    """Return how many respondents a session has."""
    store = ReflectieStore(db)
    return len(store.respondents(store.session(code).id))


def test_new_prints_the_secret_then_the_code_alone_on_the_last_line(db: str) -> None:
    """Does ``new`` print the facilitator secret and then only the code on the last line?"""
    result = run("new", "--soort", "reflectiedag", "--db", db)
    assert result.returncode == 0
    lines = result.stdout.strip().splitlines()
    assert re.fullmatch(r"[ACDEFHJKMNPRTUVWXY3479]{6}", lines[-1])
    secret = next(line.strip() for line in lines if re.fullmatch(r"\s*([A-Z0-9]{4}-){3}[A-Z0-9]{4}", line))
    store = ReflectieStore(db)
    assert store.session_for_secret(secret).code == lines[-1]
    assert store.session(lines[-1]).soort == "reflectiedag"


def test_submit_stores_one_respondent(db: str, tmp_path: Path) -> None:
    """Does a correct file store one respondent, with 'weet ik niet' and the remark?"""
    code = new_code(db)
    path = answers_file(tmp_path, {"antwoorden": {"c_hoop": 4, "c_gehoord": None}, "opmerking": "Dank je."})
    result = run("submit", code, "--perspectief", "client", "--antwoorden", str(path), "--db", db)
    assert result.returncode == 0, result.stderr
    assert "één invuller (Cliënt) met 2 antwoord(en)" in result.stdout
    store = ReflectieStore(db)
    [record] = store.respondents(store.session(code).id)
    assert record.answers == {"c_hoop": 4, "c_gehoord": None} and record.remark == "Dank je."


BAD_FILES = [
    ("onbekende-vraag", {"antwoorden": {"c_hoop": 4, "c_vliegen": 3}}, "De vraag ‘c_vliegen’ bestaat niet"),
    ("vraag-van-deelnemer", {"antwoorden": {"d_ruimte": 4}}, "hoort bij het perspectief Deelnemer, niet bij Cliënt"),
    ("score-zes", {"antwoorden": {"c_hoop": 6}}, "gevonden: 6"),
    ("score-nul", {"antwoorden": {"c_hoop": 0}}, "gevonden: 0"),
    ("score-true", {"antwoorden": {"c_hoop": True}}, "gevonden: true"),
    ("score-als-tekst", {"antwoorden": {"c_hoop": "4"}}, 'gevonden: "4"'),
    ("score-met-komma", {"antwoorden": {"c_hoop": 3.5}}, "gevonden: 3.5"),
    ("geen-json", "c_hoop = 4\n", "is geen geldig JSON-bestand (regel 1, kolom 1)"),
    ("antwoorden-ontbreekt", {"opmerking": "hallo"}, "het veld ‘antwoorden’ ontbreekt"),
    ("onbekend-veld", {"antwoorden": {"c_hoop": 4}, "naam": "Mira"}, "onbekend veld ‘naam’"),
    ("lijst-in-plaats-van-object", [4, 5], "moet één JSON-object zijn"),
    ("opmerking-geen-tekst", {"antwoorden": {"c_hoop": 4}, "opmerking": 5}, "‘opmerking’ moet tekst zijn"),
    ("dubbele-vraag", '{"antwoorden": {"c_hoop": 4, "c_hoop": 5}}', "‘c_hoop’ staat er twee keer in"),
    ("leeg", {"antwoorden": {}}, "Er staan geen antwoorden in"),
]


@pytest.mark.parametrize(("defect", "content", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_answer_file_is_refused_and_stores_nothing(
    db: str, tmp_path: Path, defect: str, content: object, message: str
) -> None:
    """Does a bad answer file get a Dutch message, exit code 1 and no stored answers?"""
    code = new_code(db)
    path = answers_file(tmp_path, content, f"{defect}.json")
    result = run("submit", code, "--perspectief", "client", "--antwoorden", str(path), "--db", db)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert stored(db, code) == 0


def test_one_bad_score_among_good_ones_stores_nothing(db: str, tmp_path: Path) -> None:
    """With 17 good answers and one out of range, is nothing stored and the bad one named?"""
    code = new_code(db)
    store = ReflectieStore(db)
    answers = {i.id: 3 for i in store.session(code).instrument.perspective("client").items}
    answers["c_terecht"] = 9
    path = answers_file(tmp_path, {"antwoorden": answers})
    result = run("submit", code, "--perspectief", "client", "--antwoorden", str(path), "--db", db)
    assert result.returncode == 1
    assert "Er is niets opgeslagen" in result.stderr and "‘c_terecht’" in result.stderr
    assert stored(db, code) == 0


def test_unknown_code_is_refused(db: str, tmp_path: Path) -> None:
    """Is a code that does not exist refused with exit code 1?"""
    new_code(db)
    path = answers_file(tmp_path, {"antwoorden": {"c_hoop": 4}})
    result = run("submit", "XXXXXX", "--perspectief", "client", "--antwoorden", str(path), "--db", db)
    assert result.returncode == 1
    assert "Er is geen sessie met de code ‘XXXXXX’" in result.stderr


def test_closed_session_is_refused(db: str, tmp_path: Path) -> None:
    """Are paper answers for a closed session refused, with nothing stored?"""
    code = new_code(db)
    store = ReflectieStore(db)
    store.close_session(store.session(code).id)
    path = answers_file(tmp_path, {"antwoorden": {"c_hoop": 4}})
    result = run("submit", code, "--perspectief", "client", "--antwoorden", str(path), "--db", db)
    assert result.returncode == 1
    assert f"De sessie {code} is gesloten" in result.stderr
    assert stored(db, code) == 0


def test_wrong_perspective_is_refused(db: str, tmp_path: Path) -> None:
    """Is a perspective that does not exist refused with exit code 1 and the three choices?"""
    code = new_code(db)
    path = answers_file(tmp_path, {"antwoorden": {"c_hoop": 4}})
    result = run("submit", code, "--perspectief", "ouder", "--antwoorden", str(path), "--db", db)
    assert result.returncode == 1
    assert "Het perspectief ‘ouder’ bestaat niet; kies client, deelnemer of coordinator." in result.stderr
    assert stored(db, code) == 0


def test_missing_file_is_refused(db: str, tmp_path: Path) -> None:
    """Is an answer file that does not exist named in the message?"""
    code = new_code(db)
    result = run("submit", code, "--perspectief", "client", "--antwoorden", str(tmp_path / "weg.json"), "--db", db)
    assert result.returncode == 1
    assert "weg.json’ bestaat niet" in result.stderr


def test_db_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without --db, does the command use LCO_KIT_DB?"""
    url = f"sqlite:///{tmp_path / 'omgeving.sqlite3'}"
    monkeypatch.setenv("LCO_KIT_DB", url)
    result = run("new")
    assert result.returncode == 0
    assert ReflectieStore(url).session(result.stdout.strip().splitlines()[-1])


def test_export_csv_opens_as_belgian_excel(db: str, tmp_path: Path) -> None:
    """Is the exported CSV ;-separated, with a BOM and decimal commas, and a formula remark neutralised?"""
    code = new_code(db)
    for answers, remark in (
        ({"d_ruimte": 4, "d_woog_mee": 5, "d_over_client": 2}, '=HYPERLINK("http://x")'),
        ({"d_ruimte": 2, "d_woog_mee": None}, "@SOM(A1)"),
    ):
        path = answers_file(tmp_path, {"antwoorden": answers, "opmerking": remark})
        assert run("submit", code, "--perspectief", "deelnemer", "--antwoorden", str(path), "--db", db).returncode == 0
    out = tmp_path / "reflectie.csv"
    result = run("export", code, "--out", str(out), "--db", db)
    assert result.returncode == 0, result.stderr
    assert "2 invuller(s) weggeschreven" in result.stdout
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("sessie;perspectief;bron;verzonden;vragenlijst;")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert rows[0]["score Cliënt gehoord"] == "4,33"
    assert rows[0]["opmerking"] == '\'=HYPERLINK("http://x")'
    assert rows[1]["opmerking"] == "'@SOM(A1)"
    assert rows[1]["d_woog_mee"] == "weet ik niet"
    assert rows[0]["verzonden"] == "ja"


def test_export_xlsx_neutralises_formulas(db: str, tmp_path: Path) -> None:
    """Does the XLSX export keep a formula-like remark as a text cell, as typed (no apostrophe)?"""
    from openpyxl import load_workbook

    code = new_code(db)
    path = answers_file(tmp_path, {"antwoorden": {"k_toon": 5}, "opmerking": "+32 11 00 00 00"})
    assert run("submit", code, "--perspectief", "coordinator", "--antwoorden", str(path), "--db", db).returncode == 0
    out = tmp_path / "reflectie.xlsx"
    assert run("export", code, "--out", str(out), "--db", db).returncode == 0
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    row = [c.value for c in sheet[2]]
    assert row[header.index("opmerking")] == "+32 11 00 00 00"
    assert sheet[2][header.index("opmerking")].data_type == "s"
    assert row[header.index("k_toon")] == 5


def test_export_leaves_out_hidden_groups_and_says_so(db: str, tmp_path: Path) -> None:
    """On a reflectiedag, is a group of 2 left out of the export, with a line saying why?"""
    code = new_code(db, "reflectiedag")
    path = answers_file(tmp_path, {"antwoorden": {"d_ruimte": 4}})
    for _ in range(2):
        run("submit", code, "--perspectief", "deelnemer", "--antwoorden", str(path), "--db", db)
    out = tmp_path / "dag.csv"
    result = run("export", code, "--out", str(out), "--db", db)
    assert result.returncode == 0
    assert "Niet uitgevoerd: Deelnemer (minder dan 3 invullers (verborgen))." in result.stdout
    assert "2 invuller" not in result.stdout
    written = out.read_text(encoding="utf-8-sig")
    assert "niet uitgevoerd: minder dan 3 invullers (verborgen)" in written and "d_ruimte" not in written


def test_export_refuses_other_file_types(db: str, tmp_path: Path) -> None:
    """Is an export to .txt refused in Dutch?"""
    code = new_code(db)
    result = run("export", code, "--out", str(tmp_path / "x.txt"), "--db", db)
    assert result.returncode == 1
    assert "kies een bestand dat eindigt op .csv of .xlsx" in result.stderr


def test_paper_version_is_written(tmp_path: Path) -> None:
    """Does ``papier`` write the client's paper questionnaire as a PDF?"""
    out = tmp_path / "client.pdf"
    result = run("papier", "--perspectief", "cliënt", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")


def test_copy_then_check_an_own_instrument(tmp_path: Path) -> None:
    """Does ``copy`` put an editable instrument in an own folder, and ``check`` point at a mistake in it?"""
    own = tmp_path / "eigen"
    result = run("copy", str(own))
    assert result.returncode == 0, result.stderr
    copied = own / "data" / "reflectie" / "instrument.yaml"
    assert (own / "data" / "reflectie" / "teksten.yaml").is_file()
    ok = run("check", str(copied))
    assert ok.returncode == 0
    assert "In orde: ‘Wanneer is het een goed LCO geweest?’, versie 2026.2 (" in ok.stdout
    assert "8 dimensies; Cliënt: 12 vragen, Deelnemer: 18 vragen, Coördinator: 17 vragen." in ok.stdout
    text = copied.read_text(encoding="utf-8").replace("dimensie: spilfiguur", "dimensie: spilfigur", 1)
    copied.write_text(text, encoding="utf-8")
    bad = run("check", str(copied))
    assert bad.returncode == 1
    assert "de dimensie ‘spilfigur’ bestaat niet. Bedoel je ‘spilfiguur’?" in bad.stderr
    assert "de dimensie ‘spilfiguur’ heeft 0 vraag/vragen bij Cliënt" in bad.stderr
    again = run("copy", str(own))
    assert again.returncode == 1 and "bestaat al" in again.stderr


def test_new_follow_up_reads_the_secret_from_input_and_shares_it(db: str) -> None:
    """Does 'new --opvolging' take the earlier secret from the input (never an option) and join that traject?"""
    first = ReflectieStore(db).create_session("lco", title="Eerste")
    result = subprocess.run(
        [sys.executable, "-m", "lco_kit", "reflectie", "new", "--opvolging", "--titel", "Opvolging", "--db", db],
        input=first.secret + "\n",
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert first.secret not in result.stdout and "het geheim blijft hetzelfde" in result.stdout
    code = result.stdout.strip().splitlines()[-1]
    sessions = ReflectieStore(db).traject_for_secret(first.secret).sessions
    assert [s.code for s in sessions] == [first.session.code, code]
    wrong = subprocess.run(
        [sys.executable, "-m", "lco_kit", "reflectie", "new", "--opvolging", "--db", db],
        input="AAAA-AAAA-AAAA-AAAA\n",
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert wrong.returncode == 1 and "Met dit geheim kan geen sessie geopend worden" in wrong.stderr
