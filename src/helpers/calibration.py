"""Can a score of 0.7 be read as 70%? Calibration per label, measured, and Platt scaling fitted on validation.

`calibration_report` measures, per label, a reliability curve (scikit-learn's `calibration_curve`: in bins of
predicted probability, the share of texts that really carry the label), the expected calibration error (the
bins' gaps between predicted and observed share, weighted by how many texts fall in each bin) and the Brier score
(the mean squared difference between probability and 0/1 truth, `brier_score_loss`).

`fit_platt` fits, per label, a logistic regression on the logit of the model's probability (Platt scaling: a
slope and an intercept per label) on the VALIDATION split. The folder keeps it only where it earns its place
(`earned_calibration`, which `helpers.recipe.finish_run` calls): lower validation Brier, and validation
micro-F1 under the saved rule not lower. Its effect is reported on test either way; a figure on the data the
scaling was fitted on is optimistic.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from helpers.reporting import get_logger

log = get_logger(__name__)

CALIBRATION_FILE = "calibration.json"
BINS = 10


def calibration_report(probabilities: np.ndarray, targets: np.ndarray, label_names: Sequence[str],
                       *, bins: int = BINS) -> dict:
    """Per label: ECE, Brier score and the reliability curve; and their means over the labels."""
    from sklearn.calibration import calibration_curve
    from sklearn.metrics import brier_score_loss

    probabilities, targets = np.asarray(probabilities, dtype=np.float64), np.asarray(targets)
    per_label = {}
    for j, name in enumerate(label_names):
        p, y = probabilities[:, j], targets[:, j]
        observed, predicted = calibration_curve(y, p, n_bins=bins, strategy="uniform") if 0 < y.sum() < len(y) \
            else (np.array([]), np.array([]))
        per_label[name] = {
            "ece": expected_calibration_error(p, y, bins=bins),
            "brier": float(brier_score_loss(y, p)) if len(set(y.tolist())) > 1 else float(np.mean((p - y) ** 2)),
            "curve": {"predicted": [round(float(v), 4) for v in predicted],
                      "observed": [round(float(v), 4) for v in observed]},
            "positives": int(y.sum()),
        }
    return {
        "mean_ece": float(np.mean([v["ece"] for v in per_label.values()])),
        "mean_brier": float(np.mean([v["brier"] for v in per_label.values()])),
        "bins": bins,
        "per_label": per_label,
    }


def expected_calibration_error(probabilities: np.ndarray, truth: np.ndarray, *, bins: int = BINS) -> float:
    """Sum over equal-width bins of (texts in bin / texts) x |mean probability - share of positives|."""
    probabilities, truth = np.asarray(probabilities, dtype=np.float64), np.asarray(truth, dtype=np.float64)
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(probabilities, edges[1:-1], right=True), 0, bins - 1)
    error = 0.0
    for b in range(bins):
        inside = which == b
        if inside.any():
            error += inside.mean() * abs(probabilities[inside].mean() - truth[inside].mean())
    return float(error)


@dataclass(frozen=True)
class PlattScaling:
    """Per label: calibrated = sigmoid(slope * logit(p) + intercept); fitted on validation."""

    label_names: list[str]
    slopes: list[float]
    intercepts: list[float]
    fitted_on: str = "validation"

    def apply(self, probabilities: np.ndarray) -> np.ndarray:
        from helpers.metrics import sigmoid

        p = np.clip(np.asarray(probabilities, dtype=np.float64), 1e-7, 1 - 1e-7)
        logits = np.log(p / (1 - p))
        return sigmoid(logits * np.asarray(self.slopes) + np.asarray(self.intercepts)).astype(np.float32)

    def to_json(self, path: str | Path) -> Path:
        path = Path(path)
        path.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return path

    @classmethod
    def from_json(cls, path: str | Path) -> PlattScaling:
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            scaling = cls(**data)
        except (OSError, json.JSONDecodeError, TypeError) as error:
            raise ValueError(f"{path} is not a calibration file ({error}); re-save the model folder.") from error
        values = scaling.slopes + scaling.intercepts
        if (len(scaling.slopes) != len(scaling.label_names) or len(scaling.intercepts) != len(scaling.label_names)
                or any(isinstance(v, bool) or not isinstance(v, (int, float)) or not np.isfinite(v) for v in values)
                or any(v <= 0 for v in scaling.slopes)):
            raise ValueError(f"{path}: needs one positive slope and one intercept (numbers) per label; re-save the folder.")
        return scaling


def fit_platt(probabilities: np.ndarray, targets: np.ndarray, label_names: Sequence[str]) -> PlattScaling:
    """One logistic regression per label on the logit of its probability (Platt scaling), on the data given."""
    from sklearn.linear_model import LogisticRegression

    p = np.clip(np.asarray(probabilities, dtype=np.float64), 1e-7, 1 - 1e-7)
    logits = np.log(p / (1 - p))
    slopes, intercepts = [], []
    for j in range(p.shape[1]):
        y = np.asarray(targets)[:, j]
        if y.min() == y.max():  # one class only: leave the label as it is
            slopes.append(1.0)
            intercepts.append(0.0)
            continue
        regression = LogisticRegression(C=1e4, max_iter=1000).fit(logits[:, [j]], y)
        slope = float(regression.coef_[0, 0])
        if slope <= 0:  # a label whose scores carry no order on validation: leave it as it is
            slopes.append(1.0)
            intercepts.append(0.0)
            continue
        slopes.append(slope)
        intercepts.append(float(regression.intercept_[0]))
    return PlattScaling([str(n) for n in label_names], slopes, intercepts)


def earned_calibration(scores: dict, splits, thresholds, *, strategy: str, at_least_one: bool):
    """Measure calibration, fit Platt scaling on validation, and keep it only where it earns its place.

    Kept when it lowers the mean validation Brier score without lowering validation micro-F1 under the saved rule
    (thresholds re-tuned on the calibrated validation scores). Returns (report, scaling or None, thresholds,
    scores): the thresholds and scores the folder's rule uses. The report holds the raw and the scaled figures on
    validation and test either way; the scaled validation figures are fitted there, test is the honest one.
    """
    from sklearn.metrics import f1_score

    from helpers.thresholds import tune_thresholds

    names, truth = splits.label_names, {name: splits[name].labels for name in ("validation", "test")}
    scaling = fit_platt(scores["validation"], truth["validation"], names)
    scaled = {name: scaling.apply(scores[name]) for name in scores}
    scaled_thresholds, _ = tune_thresholds(scaled["validation"], truth["validation"], names, strategy=strategy,
                                           at_least_one=at_least_one)
    report = {name: {"raw": calibration_report(scores[name], truth[name], names),
                     "platt": calibration_report(scaled[name], truth[name], names)} for name in ("validation", "test")}
    f1 = {which: f1_score(truth["validation"], rule.apply(values["validation"]), average="micro", zero_division=0)
          for which, rule, values in (("raw", thresholds, scores), ("platt", scaled_thresholds, scaled))}
    better_brier = report["validation"]["platt"]["mean_brier"] < report["validation"]["raw"]["mean_brier"]
    kept = better_brier and f1["platt"] >= f1["raw"]
    report["platt_scaling"] = {
        "fitted_on": "validation", "kept": kept, "validation_micro_f1_saved_rule": f1,
        "why": ("it lowers the validation Brier score and keeps validation micro-F1" if kept else
                "it does not lower the validation Brier score" if not better_brier else
                "it would lower validation micro-F1 under the saved rule"),
    }
    log.info(f"Calibration: Platt scaling fitted on validation is {'kept' if kept else 'not kept'} "
             f"({report['platt_scaling']['why']}); mean test Brier {report['test']['raw']['mean_brier']:.4f} raw, "
             f"{report['test']['platt']['mean_brier']:.4f} scaled.")
    if kept:
        return report, scaling, scaled_thresholds, scaled
    return report, None, thresholds, scores
