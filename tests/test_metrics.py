"""helpers.metrics: compared with scikit-learn directly, on small arrays with known answers."""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pytest
from sklearn.metrics import f1_score, precision_recall_fscore_support, roc_auc_score

from helpers.metrics import (
    make_multiclass_compute_metrics,
    make_multilabel_compute_metrics,
    multi_label_rows_f1,
    multiclass_metrics,
    multilabel_metrics,
    per_label_report,
    sigmoid,
    single_label_predictions,
)

EXPECTED_KEYS = {
    "micro_f1", "macro_f1", "weighted_f1", "samples_f1", "micro_precision", "micro_recall",
    "macro_precision", "macro_recall", "hamming_loss", "subset_accuracy", "roc_auc_macro", "lrap",
}


@pytest.fixture
def random_case() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    targets = (rng.random((40, 4)) < 0.4).astype(np.float32)
    # Informative but imperfect probabilities: positives tend to score higher.
    probabilities = np.clip(0.35 * targets + 0.65 * rng.random((40, 4)), 0, 1).astype(np.float32)
    return probabilities, targets


# --- sigmoid --------------------------------------------------------------------------------


def test_sigmoid_matches_formula_and_keeps_dtype() -> None:
    logits = np.array([[-3.0, 0.0, 2.5]], dtype=np.float64)
    np.testing.assert_allclose(sigmoid(logits), 1 / (1 + np.exp(-logits)))
    assert sigmoid(logits).dtype == np.float64
    assert sigmoid(logits.astype(np.float32)).dtype == np.float32
    assert sigmoid(np.array([0, 1])).dtype == np.float32


def test_sigmoid_is_stable_for_extreme_logits() -> None:
    logits = np.array([-1000.0, -50.0, 50.0, 1000.0], dtype=np.float32)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an overflow warning would fail the test
        probabilities = sigmoid(logits)
    assert np.isfinite(probabilities).all()
    assert probabilities[0] == 0.0 and probabilities[-1] == 1.0
    assert 0 < probabilities[1] < 1e-20 and probabilities[2] == pytest.approx(1.0)


# --- multilabel_metrics ---------------------------------------------------------------------


def test_multilabel_metrics_match_sklearn(random_case) -> None:
    probabilities, targets = random_case
    result = multilabel_metrics(probabilities, targets)
    predictions = (probabilities >= 0.5).astype(int)
    assert set(result) == EXPECTED_KEYS
    for average in ("micro", "macro", "weighted", "samples"):
        expected = f1_score(targets, predictions, average=average, zero_division=0)
        assert result[f"{average}_f1"] == pytest.approx(expected)
    assert result["roc_auc_macro"] == pytest.approx(roc_auc_score(targets, probabilities, average="macro"))
    assert all(isinstance(value, float) for value in result.values())


def test_perfect_predictions_score_one() -> None:
    targets = np.array([[1, 0, 1], [0, 1, 0], [1, 1, 0]], dtype=np.float32)
    probabilities = np.where(targets == 1, 0.9, 0.1)
    result = multilabel_metrics(probabilities, targets)
    for key in ("micro_f1", "macro_f1", "samples_f1", "subset_accuracy", "roc_auc_macro", "lrap"):
        assert result[key] == pytest.approx(1.0), key
    assert result["hamming_loss"] == 0.0


def test_ranking_metrics_use_probabilities_not_thresholded_predictions(random_case) -> None:
    probabilities, targets = random_case
    at_half = multilabel_metrics(probabilities, targets, thresholds=0.5)
    at_ninety = multilabel_metrics(probabilities, targets, thresholds=0.9)
    assert at_half["micro_f1"] != at_ninety["micro_f1"]
    assert at_half["roc_auc_macro"] == at_ninety["roc_auc_macro"]
    assert at_half["lrap"] == at_ninety["lrap"]


def test_per_label_thresholds_apply_column_by_column() -> None:
    targets = np.array([[1, 1], [0, 0]], dtype=np.float32)
    probabilities = np.array([[0.4, 0.4], [0.1, 0.1]])
    # Label 0 is predicted at 0.3 but label 1 is not at 0.6: recall 1/2, precision 1.
    result = multilabel_metrics(probabilities, targets, thresholds=np.array([0.3, 0.6]))
    assert result["micro_recall"] == pytest.approx(0.5)
    assert result["micro_precision"] == pytest.approx(1.0)


def test_roc_auc_skips_labels_without_both_classes() -> None:
    targets = np.array([[1, 0, 1], [0, 0, 1], [1, 0, 1], [0, 0, 1]], dtype=np.float32)
    probabilities = np.array([[0.8, 0.1, 0.9], [0.3, 0.2, 0.8], [0.6, 0.3, 0.7], [0.7, 0.4, 0.6]])
    result = multilabel_metrics(probabilities, targets)
    # Only label 0 has both classes; labels 1 (all 0) and 2 (all 1) are left out.
    assert result["roc_auc_macro"] == pytest.approx(roc_auc_score(targets[:, 0], probabilities[:, 0]))
    constant = multilabel_metrics(probabilities[:, 1:], targets[:, 1:])
    assert np.isnan(constant["roc_auc_macro"])


def test_logits_instead_of_probabilities_are_rejected() -> None:
    logits = np.array([[-2.0, 3.0], [1.0, -0.5]])
    with pytest.raises(ValueError, match="look like logits; apply sigmoid first"):
        multilabel_metrics(logits, np.array([[0, 1], [1, 0]]))


@pytest.mark.parametrize(
    ("targets", "message"),
    [
        (np.array([0, 1]), "multiclass"),
        (np.ones((2, 3)), "shape"),
        (np.array([[0, 2], [1, 0]]), "must be 0 or 1"),
    ],
)
def test_bad_targets_are_explained(targets: np.ndarray, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        multilabel_metrics(np.full((2, 2), 0.5), targets)


def test_bad_inputs_are_explained() -> None:
    targets = np.array([[0, 1], [1, 0]])
    with pytest.raises(ValueError, match="NaN"):
        multilabel_metrics(np.array([[np.nan, 0.2], [0.3, 0.4]]), targets)
    with pytest.raises(ValueError, match="2-D"):
        multilabel_metrics(np.array([0.2, 0.4]), targets)
    with pytest.raises(ValueError, match="3 thresholds for 2 labels"):
        multilabel_metrics(np.full((2, 2), 0.5), targets, thresholds=np.array([0.5, 0.5, 0.5]))
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        multilabel_metrics(np.full((2, 2), 0.5), targets, thresholds=1.5)


# --- compute_metrics for the Trainer --------------------------------------------------------


@dataclass
class EvalPredictionLike:
    """The two attributes of transformers' EvalPrediction that compute_metrics reads
    (importing transformers here would cost seconds of torch start-up)."""

    predictions: object
    label_ids: object


def test_multilabel_compute_metrics_accepts_eval_prediction_and_tuples(random_case) -> None:
    probabilities, targets = random_case
    logits = np.log(np.clip(probabilities, 1e-6, 1 - 1e-6) / np.clip(1 - probabilities, 1e-6, 1))
    expected = multilabel_metrics(sigmoid(logits), targets)
    compute_metrics = make_multilabel_compute_metrics()

    from_eval_prediction = compute_metrics(EvalPredictionLike(predictions=logits, label_ids=targets))
    hidden_states = np.zeros((len(logits), 3, 8))
    from_tuple_predictions = compute_metrics(((logits, hidden_states), targets))
    assert from_eval_prediction == pytest.approx(expected)
    assert from_tuple_predictions == pytest.approx(expected)
    assert "micro_f1" in from_eval_prediction  # Trainer adds eval_ for metric_for_best_model="micro_f1"


def test_multilabel_compute_metrics_uses_its_thresholds(random_case) -> None:
    probabilities, targets = random_case
    logits = np.log(probabilities / (1 - probabilities))
    result = make_multilabel_compute_metrics(thresholds=0.8)((logits, targets))
    assert result["micro_f1"] == pytest.approx(multilabel_metrics(probabilities, targets, 0.8)["micro_f1"])


def test_compute_metrics_explains_missing_labels_and_bad_thresholds() -> None:
    with pytest.raises(ValueError, match="no labels"):
        make_multilabel_compute_metrics()((np.zeros((2, 3)), None))
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        make_multilabel_compute_metrics(thresholds=-0.1)


# --- multiclass -----------------------------------------------------------------------------


def test_multiclass_metrics_from_logits_and_class_ids_agree() -> None:
    logits = np.array([[2.0, 0.1, 0.0], [0.0, 3.0, 0.1], [0.2, 0.1, 1.0], [0.5, 0.4, 0.0]])
    targets = np.array([0, 1, 1, 2])
    predicted = logits.argmax(axis=1)
    from_logits = multiclass_metrics(logits, targets)
    assert from_logits == multiclass_metrics(predicted, targets)
    assert from_logits["accuracy"] == pytest.approx(0.5)
    assert from_logits["macro_f1"] == pytest.approx(f1_score(targets, predicted, average="macro", zero_division=0))


def test_multiclass_compute_metrics_takes_first_element_of_tuple_predictions() -> None:
    logits = np.array([[2.0, 0.1], [0.0, 3.0], [1.0, 0.5]])
    result = make_multiclass_compute_metrics()(((logits, np.zeros((3, 4))), np.array([0, 1, 1])))
    assert result["accuracy"] == pytest.approx(2 / 3)
    assert set(result) == {"accuracy", "macro_f1", "weighted_f1"}


def test_multiclass_metrics_reject_multi_hot_targets() -> None:
    with pytest.raises(ValueError, match="multilabel_metrics"):
        multiclass_metrics(np.array([0, 1]), np.array([[1, 0], [0, 1]]))


# --- per-label report and the multiclass-vs-multi-label comparison --------------------------


def test_per_label_report_matches_sklearn(random_case) -> None:
    probabilities, targets = random_case
    thresholds = np.array([0.3, 0.5, 0.6, 0.7])
    report = per_label_report(probabilities, targets, ["Qualität", "Preis", "Lieferung", "Service"], thresholds)
    precision, recall, f1, support = precision_recall_fscore_support(
        targets, (probabilities >= thresholds).astype(int), average=None, zero_division=0
    )
    assert list(report.columns) == ["label", "support", "precision", "recall", "f1", "threshold"]
    assert report["label"].tolist() == ["Qualität", "Preis", "Lieferung", "Service"]
    np.testing.assert_allclose(report["f1"], f1)
    np.testing.assert_allclose(report["precision"], precision)
    np.testing.assert_array_equal(report["support"], support)
    np.testing.assert_allclose(report["threshold"], thresholds)
    with pytest.raises(ValueError, match="label names"):
        per_label_report(probabilities, targets, ["only", "two"])


def test_single_label_predictions_are_float32_one_hot() -> None:
    rows = single_label_predictions(np.array([2, 0, 1]), num_labels=3)
    assert rows.dtype == np.float32
    np.testing.assert_array_equal(rows, np.eye(3, dtype=np.float32)[[2, 0, 1]])
    with pytest.raises(ValueError, match=r"\[0, 2\]"):
        single_label_predictions(np.array([3]), num_labels=3)
    with pytest.raises(ValueError, match="argmax"):
        single_label_predictions(np.zeros((2, 3)), num_labels=3)


def test_multi_label_rows_f1_on_texts_with_two_labels() -> None:
    targets = np.array([[1, 1, 0], [0, 1, 1], [1, 0, 0]], dtype=np.float32)
    # A single-label model gets one of the two labels right on each two-label text:
    # precision 1, recall 1/2, so micro-F1 = 2/3. The one-label row is left out.
    single = single_label_predictions(np.array([0, 2, 1]), num_labels=3)
    assert multi_label_rows_f1(single, targets) == pytest.approx(2 / 3)
    multi = np.array([[0.9, 0.8, 0.1], [0.2, 0.7, 0.6], [0.1, 0.9, 0.1]])
    assert multi_label_rows_f1(multi, targets) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="No text has 3 or more"):
        multi_label_rows_f1(multi, targets, min_labels=3)


def test_bootstrap_difference_is_paired_and_brackets_the_observed_difference():
    from sklearn.metrics import f1_score

    from helpers.metrics import bootstrap_difference

    rng = np.random.default_rng(0)
    targets = (rng.random((300, 4)) < 0.3).astype(int)
    good = np.where(rng.random(targets.shape) < 0.9, targets, 1 - targets)  # 10% of cells flipped
    bad = np.where(rng.random(targets.shape) < 0.7, targets, 1 - targets)  # 30% flipped
    result = bootstrap_difference(targets, good, bad, n_resamples=300)
    observed = f1_score(targets, good, average="micro") - f1_score(targets, bad, average="micro")
    assert result["difference"] == pytest.approx(observed)
    assert 0 < result["low"] < observed < result["high"]  # clearly better, and the interval excludes 0
    same = bootstrap_difference(targets, good, good, n_resamples=100)
    assert same["low"] == same["high"] == same["difference"] == 0.0  # paired: identical predictions never differ
    alone = bootstrap_difference(targets, good, n_resamples=100)
    assert alone["low"] < f1_score(targets, good, average="micro") < alone["high"]
    assert bootstrap_difference(targets, good, bad, n_resamples=300) == result  # fixed seed
    with pytest.raises(ValueError, match="same shape"):
        bootstrap_difference(targets, good[:10])
