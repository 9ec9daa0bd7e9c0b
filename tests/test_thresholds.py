"""helpers.thresholds: cases where the best threshold is known in advance."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import f1_score

from helpers.metrics import multilabel_metrics
from helpers.thresholds import (
    DEFAULT_GRID,
    Thresholds,
    apply_thresholds,
    sweep_global_threshold,
    tune_per_label_thresholds,
    tune_thresholds,
)

LABEL_NAMES = ["Qualität", "Lieferung", "Rückgabe", "Preis"]


def separated_column(positive: float, negative: float, num_positives: int, num_rows: int = 20) -> tuple:
    """One label whose positives all score `positive` and negatives all score `negative`."""
    targets = np.zeros(num_rows, dtype=np.float32)
    targets[:num_positives] = 1
    return np.where(targets == 1, positive, negative), targets


@pytest.fixture
def validation() -> tuple[np.ndarray, np.ndarray]:
    """Four labels; known best thresholds 0.30 and 0.71, then no positives, then only 2 positives."""
    # Label 0: every t in (0.20, 0.30] gives F1 1; label 1: every t in (0.70, 0.75], of which 0.71
    # is closest to 0.5 (the tie rule).
    columns = [
        separated_column(positive=0.30, negative=0.20, num_positives=8),
        separated_column(positive=0.75, negative=0.70, num_positives=8),
        separated_column(positive=0.90, negative=0.10, num_positives=0),  # no positives: F1 undefined
        separated_column(positive=0.60, negative=0.40, num_positives=2),  # too few positives to tune on
    ]
    probabilities = np.stack([column[0] for column in columns], axis=1)
    targets = np.stack([column[1] for column in columns], axis=1)
    return probabilities, targets


def test_default_grid() -> None:
    assert DEFAULT_GRID[0] == 0.05 and DEFAULT_GRID[-1] == 0.95
    assert len(DEFAULT_GRID) == 91
    assert 0.5 in DEFAULT_GRID


def test_sweep_finds_known_threshold_and_breaks_ties_towards_half() -> None:
    probabilities, targets = separated_column(positive=0.30, negative=0.20, num_positives=5)
    curve = sweep_global_threshold(probabilities[:, None], targets[:, None])
    # Thresholds 0.21 ... 0.30 all give F1 1; 0.30 is the one closest to 0.5.
    assert curve.best_threshold == pytest.approx(0.30)
    assert curve.best_score == pytest.approx(1.0)
    assert curve.scores.shape == curve.grid.shape == DEFAULT_GRID.shape
    wide_gap = sweep_global_threshold(*[a[:, None] for a in separated_column(0.9, 0.1, 5)])
    assert wide_gap.best_threshold == pytest.approx(0.5)  # the untuned default wins a tie


@pytest.mark.parametrize("average", ["micro", "macro", "samples"])
def test_sweep_scores_equal_sklearn_at_every_threshold(validation, average: str) -> None:
    probabilities, targets = validation
    grid = np.array([0.1, 0.25, 0.5, 0.72, 0.9])
    curve = sweep_global_threshold(probabilities, targets, grid, average=average)
    expected = [f1_score(targets, probabilities >= t, average=average, zero_division=0) for t in grid]
    np.testing.assert_allclose(curve.scores, expected)
    _, per_label_curves = tune_per_label_thresholds(probabilities, targets, grid, fallback=0.5, min_support=1)
    expected_label_0 = [f1_score(targets[:, 0], probabilities[:, 0] >= t) for t in grid]
    np.testing.assert_allclose(per_label_curves[0].scores, expected_label_0)


def test_sweep_rejects_logits_and_labels_without_positives() -> None:
    with pytest.raises(ValueError, match="logits"):
        sweep_global_threshold(np.array([[2.0], [-1.0]]), np.array([[1], [0]]))
    with pytest.raises(ValueError, match="no positive label"):
        sweep_global_threshold(np.array([[0.2], [0.4]]), np.array([[0], [0]]))
    with pytest.raises(ValueError, match="average"):
        sweep_global_threshold(np.array([[0.2]]), np.array([[1]]), average="binary")


def test_per_label_tuning_with_fallbacks(validation) -> None:
    probabilities, targets = validation
    thresholds, curves = tune_per_label_thresholds(probabilities, targets, fallback=0.45)
    np.testing.assert_allclose(thresholds, [0.30, 0.71, 0.45, 0.45])
    assert [curve.fallback_used for curve in curves] == [False, False, True, True]
    assert [curve.support for curve in curves] == [8, 8, 0, 2]
    assert curves[0].best_score == pytest.approx(1.0)
    # No positives: F1 is undefined, so the curve holds NaN rather than a misleading 0.
    assert np.isnan(curves[2].scores).all() and np.isnan(curves[2].best_score)
    # Too few positives: the curve is still drawn, but the threshold is the fallback.
    assert np.isfinite(curves[3].scores).all()
    assert curves[3].best_score == pytest.approx(1.0)  # 0.60 vs 0.40 is separated at 0.45 too


def test_default_fallback_is_the_global_best_threshold(validation) -> None:
    probabilities, targets = validation
    global_best = sweep_global_threshold(probabilities, targets).best_threshold
    thresholds, _ = tune_per_label_thresholds(probabilities, targets)
    assert thresholds[2] == pytest.approx(global_best)
    tuned_alone, _ = tune_per_label_thresholds(probabilities, targets, min_support=1)
    assert tuned_alone[3] != pytest.approx(global_best)  # with min_support=1 the 2-positive label is tuned


def test_apply_thresholds_and_at_least_one() -> None:
    probabilities = np.array([[0.2, 0.4, 0.1], [0.6, 0.1, 0.7], [0.3, 0.2, 0.25]])
    plain = apply_thresholds(probabilities, np.array([0.5, 0.5, 0.5]))
    assert plain.dtype == np.float32
    np.testing.assert_array_equal(plain, [[0, 0, 0], [1, 0, 1], [0, 0, 0]])
    forced = apply_thresholds(probabilities, 0.5, at_least_one=True)
    # Empty rows get their most probable label; rows that already have labels are unchanged.
    np.testing.assert_array_equal(forced, [[0, 1, 0], [1, 0, 1], [1, 0, 0]])
    per_label = apply_thresholds(probabilities, np.array([0.25, 0.9, 0.9]))
    np.testing.assert_array_equal(per_label[:, 0], [0, 1, 1])  # p >= t counts as predicted


def test_thresholds_values_follow_the_strategy() -> None:
    kwargs = dict(global_threshold=0.4, per_label=[0.3, 0.6], label_names=["Qualität", "Preis"], at_least_one=False)
    np.testing.assert_allclose(Thresholds(**kwargs, strategy="per_label").values, [0.3, 0.6])
    np.testing.assert_allclose(Thresholds(**kwargs, strategy="global").values, [0.4, 0.4])
    np.testing.assert_allclose(Thresholds(**kwargs, strategy="fixed").values, [0.5, 0.5])
    predictions = Thresholds(**kwargs, strategy="per_label").apply(np.array([[0.35, 0.55]]))
    np.testing.assert_array_equal(predictions, [[1, 0]])
    with pytest.raises(ValueError, match="strategy"):
        Thresholds(**kwargs, strategy="best")
    with pytest.raises(ValueError, match="one threshold per label"):
        Thresholds(0.4, [0.3], ["Qualität", "Preis"], False, "global")


def test_json_round_trip_keeps_german_names(tmp_path: Path) -> None:
    original = Thresholds(0.42, [0.3, 0.61, 0.5], ["Qualität", "Rückgabe", "Preis"], True, "per_label")
    path = original.to_json(tmp_path / "model" / "thresholds.json")
    loaded = Thresholds.from_json(path)
    assert loaded == original
    np.testing.assert_allclose(loaded.values, original.values)
    text = path.read_text(encoding="utf-8")
    assert "Rückgabe" in text  # readable JSON, not \u escapes
    assert json.loads(text)["strategy"] == "per_label"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ({"global_threshold": 0.5, "per_label": [0.5], "label_names": ["a"], "strategy": "global"}, "missing keys"),
        (
            {"global_threshold": 0.5, "per_label": [0.5, 0.4], "label_names": ["a"], "at_least_one": True,
             "strategy": "global"},
            "one threshold per label",
        ),
        (
            {"global_threshold": 1.5, "per_label": [0.5], "label_names": ["a"], "at_least_one": True,
             "strategy": "global"},
            r"\[0, 1\]",
        ),
    ],
)
def test_from_json_rejects_broken_files(tmp_path: Path, content: dict, message: str) -> None:
    path = tmp_path / "thresholds.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        Thresholds.from_json(path)


def test_from_json_explains_missing_and_invalid_files(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="to_json"):
        Thresholds.from_json(tmp_path / "absent.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid JSON"):
        Thresholds.from_json(broken)


def test_tune_thresholds_returns_thresholds_and_curves(validation) -> None:
    probabilities, targets = validation
    thresholds, curves = tune_thresholds(probabilities, targets, LABEL_NAMES, strategy="per_label")
    assert thresholds.label_names == LABEL_NAMES and thresholds.at_least_one is True
    assert thresholds.global_threshold == curves["global"].best_threshold
    assert thresholds.per_label == pytest.approx([curve.best_threshold for curve in curves["per_label"]])
    np.testing.assert_allclose(thresholds.values[:2], [0.30, 0.71])
    # Tuned per-label thresholds beat the 0.5 default on the data they were tuned on.
    tuned = multilabel_metrics(probabilities, targets, thresholds.values)["micro_f1"]
    assert tuned > multilabel_metrics(probabilities, targets, 0.5)["micro_f1"]
    global_only, _ = tune_thresholds(probabilities, targets, LABEL_NAMES, strategy="global")
    assert set(global_only.values) == {global_only.global_threshold}
    with pytest.raises(ValueError, match="label names"):
        tune_thresholds(probabilities, targets, LABEL_NAMES[:2])


@pytest.mark.parametrize("value", [True, "0.5", None])
def test_a_threshold_that_is_not_a_number_is_refused_with_file_and_field(tmp_path, value):
    import json

    from helpers.thresholds import Thresholds

    path = tmp_path / "thresholds.json"
    Thresholds(0.5, [0.4, 0.6], ["A", "B"], True, "per_label").to_json(path)
    data = json.loads(path.read_text())
    data["per_label"][1] = value
    path.write_text(json.dumps(data))
    with pytest.raises(ValueError, match=r"thresholds.json: per_label\[1\] is .* thresholds must be numbers"):
        Thresholds.from_json(path)
