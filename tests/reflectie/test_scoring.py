"""The scoring rules of the reflection instrument, one test per rule."""

from __future__ import annotations

import copy

import pytest

from lco_kit.reflectie.scoring import (
    GroupMean,
    ItemRule,
    Respondent,
    Trend,
    alerts,
    check_answer,
    counted_score,
    gaps,
    group_means,
    respondent_scores,
    score_session,
    trends,
)


def rules(*spec: tuple[str, str, bool]) -> list[ItemRule]:
    """Return item rules from (item, dimension, reverse) triples."""
    return [ItemRule(item, dimension, reverse) for item, dimension, reverse in spec]


TWO_DIMENSIONS = rules(("a1", "a", False), ("a2", "a", False), ("b1", "b", False), ("b2", "b", True))
FOUR_ITEMS = rules(("x1", "x", False), ("x2", "x", False), ("x3", "x", False), ("x4", "x", False))


def test_reverse_item_counts_as_six_minus_the_answer() -> None:
    """Does a reverse-scored 1 count as 5, and a 4 as 2?"""
    assert counted_score(1, reverse=True) == 5
    assert counted_score(4, reverse=True) == 2
    assert counted_score(4) == 4


def test_reverse_item_enters_the_dimension_mean_reversed() -> None:
    """Is 'agree' (5) on a reverse item scored as 1 in the dimension?"""
    assert respondent_scores({"b1": 5, "b2": 5}, TWO_DIMENSIONS)["b"] == 3.0
    assert respondent_scores({"b1": 5, "b2": 1}, TWO_DIMENSIONS)["b"] == 5.0


def test_weet_ik_niet_is_recorded_but_not_counted() -> None:
    """Is None ('weet ik niet') left out of the mean instead of counting as a score?"""
    scores = respondent_scores({"x1": 4, "x2": 2, "x3": None, "x4": None}, FOUR_ITEMS)
    assert scores["x"] == 3.0


def test_absent_answers_are_not_counted() -> None:
    """Do unanswered items leave the mean of the answered ones?"""
    assert respondent_scores({"x1": 5, "x2": 3}, FOUR_ITEMS)["x"] == 4.0


def test_half_rule_exactly_half_is_enough() -> None:
    """With 2 of 4 items counted, is there a value?"""
    assert respondent_scores({"x1": 2, "x4": 3}, FOUR_ITEMS)["x"] == 2.5


def test_half_rule_fewer_than_half_is_missing() -> None:
    """With 1 of 4 items counted (the rest null or absent), is the dimension missing?"""
    assert respondent_scores({"x1": 5, "x2": None, "x3": None}, FOUR_ITEMS)["x"] is None


def test_half_rule_with_three_items_needs_two() -> None:
    """With 3 items, is 1 counted too few and 2 enough?"""
    three = FOUR_ITEMS[:3]
    assert respondent_scores({"x1": 4}, three)["x"] is None
    assert respondent_scores({"x1": 4, "x2": 5}, three)["x"] == 4.5


def test_no_answers_gives_missing_for_every_dimension() -> None:
    """Does a respondent without answers have no value anywhere (not 0)?"""
    assert respondent_scores({}, TWO_DIMENSIONS) == {"a": None, "b": None}


@pytest.mark.parametrize("value", [0, 6, True, False, "4", 4.0, 3.5])
def test_a_score_must_be_a_whole_number_from_1_to_5(value: object) -> None:
    """Are 0, 6, true, "4" and 4.0 refused as scores?"""
    with pytest.raises(ValueError, match="score"):
        check_answer(value)


def test_an_answer_to_an_unknown_item_is_refused() -> None:
    """Is an answer for an item outside the rules refused, not silently dropped?"""
    with pytest.raises(ValueError, match="onbekende vragen: zz"):
        respondent_scores({"a1": 3, "zz": 4}, TWO_DIMENSIONS)


def test_group_mean_is_over_respondents_with_a_value() -> None:
    """Is a respondent without a value for a dimension left out of the perspective's mean?"""
    means = group_means([{"a": 4.0}, {"a": None}, {"a": 2.5}], ["a", "b"])
    assert means["a"] == GroupMean(3.25, 2)
    assert means["b"] == GroupMean(None, 0)


def test_gap_is_client_minus_professionals() -> None:
    """Is the gap the client's mean minus the professionals' mean, missing when either is?"""
    assert gaps({"a": 2.0, "b": 4.5, "c": None}, {"a": 3.5, "b": 4.0, "c": 3.0}) == {"a": -1.5, "b": 0.5, "c": None}


def test_alert_at_exactly_the_threshold() -> None:
    """Is a client exactly 1.0 lower flagged with the default threshold, and 0.9 lower not?"""
    flags = alerts({"a": -1.0, "b": -0.9, "c": 1.5, "d": None})
    assert flags == {"a": True, "b": False, "c": False, "d": None}


def test_alert_threshold_set_by_the_facilitator() -> None:
    """Does a threshold of 0.5 flag a gap of -0.6 that the default would not?"""
    assert alerts({"a": -0.6}, 0.5) == {"a": True}
    assert alerts({"a": -0.6}) == {"a": False}


def test_alert_threshold_is_exact_despite_float_sums() -> None:
    """Is 3.7 − 4.7 (not exactly −1.0 in floating point) still an alert at threshold 1.0?"""
    gap = gaps({"a": 3.7}, {"a": 4.7})
    assert alerts(gap, 1.0) == {"a": True}


@pytest.mark.parametrize("threshold", [0, -1, True, "1"])
def test_alert_threshold_must_be_positive(threshold: object) -> None:
    """Is a threshold of zero, below zero, or not a number refused?"""
    with pytest.raises(ValueError, match="drempel"):
        alerts({"a": -2.0}, threshold)  # type: ignore[arg-type]


def test_trend_lists_values_in_order_with_change_since_first() -> None:
    """Does the trend keep the per-LCO values in order and give last minus first?"""
    result = trends([{"a": -2.0, "b": 1.0}, {"a": -1.0, "b": None}, {"a": 0.5, "b": None}], ["a", "b"])
    assert result["a"] == Trend((-2.0, -1.0, 0.5), 2.5)
    assert result["b"] == Trend((1.0, None, None), None)


def test_trend_change_skips_lcos_without_a_value() -> None:
    """When the first LCO has no value, is the change measured from the first LCO that has one?"""
    assert trends([{"a": None}, {"a": 2.0}, {"a": 3.5}], ["a"])["a"].change == 1.5


def session() -> list[Respondent]:
    """Return a small LCO: one client, two deelnemers, one coordinator."""
    return [
        Respondent("client", {"a1": 2, "a2": 2, "b1": 4, "b2": 2}),
        Respondent("deelnemer", {"a1": 4, "a2": 4, "b1": 4, "b2": None}),
        Respondent("deelnemer", {"a1": 5, "a2": 3}),
        Respondent("coordinator", {"a1": 3, "a2": 3, "b1": 3, "b2": 3}),
    ]


def session_rules() -> dict[str, list[ItemRule]]:
    """Return the same two-dimension rules for every perspective."""
    return dict.fromkeys(("client", "deelnemer", "coordinator"), TWO_DIMENSIONS)


def test_session_scores_means_gap_and_alert() -> None:
    """Does a whole session give the means per perspective, the pooled professionals, gap and alert?"""
    scores = score_session(session(), session_rules(), ["a", "b"])
    assert scores.means["client"]["a"] == GroupMean(2.0, 1)
    assert scores.means["deelnemer"]["a"] == GroupMean(4.0, 2)
    # Professionals pooled: 4.0, 4.0 and 3.0 → 11/3.
    assert scores.professionals["a"].value == pytest.approx(11 / 3)
    assert scores.gaps["a"] == pytest.approx(2.0 - 11 / 3)
    assert scores.alerts["a"] is True
    # b: client (4 + reversed 2 = 4) → 4.0; deelnemer 1 has b1 only (1 of 2 counted: enough), coordinator 3.0.
    assert scores.means["client"]["b"].value == 4.0
    assert scores.professionals["b"] == GroupMean(3.5, 2)
    assert scores.alerts["b"] is False
    assert scores.counts == {"client": 1, "deelnemer": 2, "coordinator": 1}


def test_excluded_perspective_enters_no_number() -> None:
    """When the client group is excluded, are its mean, the gap and the alert all gone?"""
    scores = score_session(session(), session_rules(), ["a", "b"], include=["deelnemer", "coordinator"])
    assert "client" not in scores.means
    assert scores.gaps == {"a": None, "b": None}
    assert scores.alerts == {"a": None, "b": None}
    assert scores.counts == {"deelnemer": 2, "coordinator": 1}


def test_inputs_are_never_changed() -> None:
    """Are the answers and rules passed in left exactly as they were?"""
    people = session()
    answers_before = [copy.deepcopy(dict(r.answers)) for r in people]
    given_rules = session_rules()
    rules_before = copy.deepcopy(given_rules)
    score_session(people, given_rules, ["a", "b"], threshold=0.5)
    assert [dict(r.answers) for r in people] == answers_before
    assert given_rules == rules_before


def test_a_trend_point_names_its_lco_with_a_belgian_date() -> None:
    """Is an LCO in the trend named by its short title and its date written dd/mm/jjjj?"""
    from datetime import date

    from lco_kit.reflectie.scoring import TrendPoint

    point = TrendPoint(date(2026, 3, 9), "Opvolg-LCO")
    assert point.shown_date == "09/03/2026" and point.label == "Opvolg-LCO, 09/03/2026"
