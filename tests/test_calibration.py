"""Calibration measured as scikit-learn measures it, Platt scaling fitted and kept only where it earns its place."""

import numpy as np
import pytest
from sklearn.calibration import calibration_curve
from sklearn.metrics import brier_score_loss

from helpers.calibration import PlattScaling, calibration_report, earned_calibration, expected_calibration_error, fit_platt
from helpers.metrics import sigmoid
from helpers.splits import Split, Splits

NAMES = ["Preis", "Lieferung", "Kundenservice"]


def _overconfident(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Labels drawn with true probability sigmoid(z); the model reports sigmoid(3z): too sure of itself."""
    rng = np.random.default_rng(seed)
    z = rng.normal(-1.0, 1.5, size=(n, len(NAMES)))
    truth = (rng.random(z.shape) < sigmoid(z)).astype(np.float32)
    return sigmoid(3 * z).astype(np.float32), truth


def test_the_report_matches_sklearn_and_the_ece_its_definition():
    scores, truth = _overconfident(2000, 0)
    report = calibration_report(scores, truth, NAMES)
    for j, name in enumerate(NAMES):
        label = report["per_label"][name]
        observed, predicted = calibration_curve(truth[:, j], scores[:, j], n_bins=10)
        assert np.allclose(label["curve"]["observed"], observed, atol=1e-4)
        assert np.allclose(label["curve"]["predicted"], predicted, atol=1e-4)
        assert np.isclose(label["brier"], brier_score_loss(truth[:, j], scores[:, j]))
        assert label["positives"] == int(truth[:, j].sum())
        # the ECE by hand: each bin's share of the texts times |mean score - share of positives|
        bins = np.minimum((scores[:, j] * 10).astype(int), 9)
        by_hand = sum((bins == b).mean() * abs(scores[bins == b, j].mean() - truth[bins == b, j].mean())
                      for b in range(10) if (bins == b).any())
        assert np.isclose(label["ece"], by_hand, atol=1e-3)
    assert np.isclose(report["mean_brier"], np.mean([report["per_label"][n]["brier"] for n in NAMES]))


def test_a_constant_score_at_the_base_rate_is_calibrated_and_useless():
    truth = (np.arange(1000) % 4 == 0).astype(np.float32)  # a quarter positive
    constant = np.full(1000, 0.25)
    assert expected_calibration_error(constant, truth) < 1e-9
    assert np.isclose(brier_score_loss(truth, constant), 0.25 * 0.75)


def test_platt_scaling_fitted_on_one_sample_helps_on_another_and_keeps_the_order():
    validation, test = _overconfident(3000, 1), _overconfident(3000, 2)
    scaling = fit_platt(*validation, NAMES)
    assert all(0 < slope < 1 for slope in scaling.slopes)  # it tempers an overconfident model
    before = calibration_report(*test, NAMES)
    after = calibration_report(scaling.apply(test[0]), test[1], NAMES)
    assert after["mean_brier"] < before["mean_brier"] and after["mean_ece"] < before["mean_ece"]
    for j in range(len(NAMES)):  # a positive slope never reorders the texts of a label
        order = np.argsort(test[0][:, j], kind="stable")
        assert np.all(np.diff(scaling.apply(test[0])[order, j]) >= -1e-6)


def test_a_label_with_one_class_only_is_left_as_it_is():
    scores, truth = _overconfident(500, 3)
    truth[:, 1] = 0
    scaling = fit_platt(scores, truth, NAMES)
    assert (scaling.slopes[1], scaling.intercepts[1]) == (1.0, 0.0)
    assert np.allclose(scaling.apply(scores)[:, 1], scores[:, 1], atol=1e-6)


def test_the_scaling_is_saved_and_read_back_and_a_damaged_file_is_refused(tmp_path):
    scaling = fit_platt(*_overconfident(500, 4), NAMES)
    path = scaling.to_json(tmp_path / "calibration.json")
    assert PlattScaling.from_json(path) == scaling
    for damage in ('"slopes": [true, 1.0, 1.0]', '"slopes": [-1.0, 1.0, 1.0]', '"slopes": [1.0]'):
        text = path.read_text().replace(path.read_text().split('"slopes": ')[1].split("]")[0] + "]", damage.split(": ")[1])
        (tmp_path / "bad.json").write_text(text)
        with pytest.raises(ValueError, match="one positive slope and one intercept"):
            PlattScaling.from_json(tmp_path / "bad.json")


@pytest.mark.parametrize("seed", [5, 9], ids=["not kept: it would lower validation micro-F1", "kept"])
def test_earned_calibration_keeps_the_scaling_only_with_lower_validation_brier_and_retunes_the_thresholds(seed):
    from helpers.thresholds import tune_thresholds

    (val_scores, val_truth), (test_scores, test_truth) = _overconfident(1500, seed), _overconfident(1500, seed + 1)
    splits = Splits(label_names=NAMES, train=Split(["x"] * 3, np.eye(3, dtype=np.float32)),
                    validation=Split(["v"] * len(val_truth), val_truth), test=Split(["t"] * len(test_truth), test_truth))
    scores = {"validation": val_scores, "test": test_scores}
    raw_thresholds, _ = tune_thresholds(val_scores, val_truth, NAMES)
    report, scaling, thresholds, delivered = earned_calibration(scores, splits, raw_thresholds, strategy="per_label",
                                                                 at_least_one=True)
    decision = report["platt_scaling"]
    assert decision["fitted_on"] == "validation"
    assert decision["kept"] == (report["validation"]["platt"]["mean_brier"] < report["validation"]["raw"]["mean_brier"]
                                and decision["validation_micro_f1_saved_rule"]["platt"]
                                >= decision["validation_micro_f1_saved_rule"]["raw"])
    assert decision["kept"] == (seed == 9)  # the grid of thresholds decides micro-F1: either can happen
    if decision["kept"]:  # the folder reads its scores through the scaling, with thresholds tuned on them
        assert np.allclose(delivered["test"], scaling.apply(test_scores))
        retuned, _ = tune_thresholds(delivered["validation"], val_truth, NAMES)
        assert np.allclose(thresholds.per_label, retuned.per_label)
    else:  # nothing changes: the raw scores and the raw thresholds
        assert scaling is None and thresholds is raw_thresholds and delivered is scores
    # an overconfident model's scores are better calibrated after the scaling, on test too
    assert report["test"]["platt"]["mean_brier"] < report["test"]["raw"]["mean_brier"]
    # test is reported, raw and scaled, but played no part in the decision
    assert set(report["test"]) == {"raw", "platt"}
