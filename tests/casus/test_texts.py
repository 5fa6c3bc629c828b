"""The casus texts and the kit's life-domain scale."""

from __future__ import annotations

import re
from pathlib import Path

from lco_kit.casus import casus_text, scale
from lco_kit.casus.texts import scale_level

PACKAGE = Path(__file__).resolve().parents[2] / "lco_kit"


def test_the_scale_has_five_described_levels() -> None:
    """Does the kit's scale have levels 1 to 5, each with a label and a description?"""
    levels = scale()
    assert [level.score for level in levels] == [1, 2, 3, 4, 5]
    assert scale_level(1).label == "Acute nood" and scale_level(5).label == "Sterk"
    assert all(len(level.omschrijving) > 40 for level in levels)


def test_every_text_key_used_in_the_code_exists() -> None:
    """Does every casus_text key named in the code exist in the texts file?"""
    used: set[str] = set()
    for path in [
        *PACKAGE.joinpath("casus").glob("*.py"),
        *PACKAGE.joinpath("cli").glob("*.py"),
        PACKAGE / "ui" / "casus.py",
    ]:
        used |= set(re.findall(r"casus_text\(\s*[\"']([a-z_]+)[\"']", path.read_text(encoding="utf-8")))
    assert used, "no keys found"
    assert used <= set(casus_text.all)


def test_placeholders_are_filled() -> None:
    """Are placeholders in a text filled in?"""
    assert casus_text("privacy_vondst", regel=3, soort="adres", fragment="x") == "regel 3: adres — x"


def test_the_format_guide_describes_the_scale_lists_and_profiles() -> None:
    """Does docs/casus-formaat.md describe every level of the scale, every code list label and every profile?"""
    from lco_kit.casus import profiles
    from lco_kit.codes import code_list

    guide = (PACKAGE.parent / "docs" / "casus-formaat.md").read_text(encoding="utf-8")
    flat = " ".join(guide.split())
    for level in scale():
        assert f"| {level.score} | {level.label} | {level.omschrijving} |" in flat
    for name in ("levensdomeinen", "sectoren", "knelpunten", "aanvragers"):
        for label in code_list(name).labels:
            assert label in flat, label
    for profile in profiles():
        assert f"| `{profile.code}` | {profile.label} |" in flat


def test_the_example_in_the_guide_is_a_valid_clean_casus() -> None:
    """Is the example casus in docs/casus-formaat.md valid and free of personal data?"""
    from lco_kit.casus import check_casus

    guide = (PACKAGE.parent / "docs" / "casus-formaat.md").read_text(encoding="utf-8")
    example = guide.split("```yaml\n", 1)[1].split("```", 1)[0]
    result = check_casus(example.encode("utf-8"), "voorbeeld.yaml")
    assert result.ok, result.report()
    assert result.casus is not None and result.casus.opstelling is not None
    assert result.casus.spilfiguur is None, "in een eerste LCO kiest de cliënt de spilfiguur aan tafel"
