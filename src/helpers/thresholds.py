"""Decision thresholds for multi-label predictions, tuned on the validation split.

0.5 is only a default: a label the model is unsure about may do better at 0.3, a noisy one at 0.7.
Tune on validation data and report on test data; a threshold tuned on the test split makes the
test score optimistic. This module therefore only ever receives validation arrays.

How overfitting to small validation sets is kept down:
* ties between thresholds go to the one closest to 0.5 (the untuned default);
* a label with fewer than `min_support` positives in validation (default 5) does not get its own
  threshold: with a handful of examples the best F1 jumps between thresholds by chance. It keeps
  the fallback (by default the tuned global threshold), and its curve records ``fallback_used``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score

from helpers.checks import check_multi_hot, check_probabilities, check_thresholds
from helpers.metrics import predictions_at

DEFAULT_GRID = np.round(np.arange(0.05, 0.951, 0.01), 2)
STRATEGIES = ("global", "per_label", "fixed")
FIXED_THRESHOLD = 0.5
DEFAULT_MIN_SUPPORT = 5
F1_AVERAGES = ("micro", "macro", "weighted", "samples")


@dataclass
class ThresholdCurve:
    """F1 at each threshold of a grid, and the threshold chosen from it.

    ``fallback_used`` is True when the label had too few positives to tune on, so
    ``best_threshold`` is the fallback rather than the curve's maximum. ``support`` is the
    number of positive targets the curve was computed on.
    """

    grid: np.ndarray
    scores: np.ndarray
    best_threshold: float
    best_score: float
    fallback_used: bool = False
    support: int | None = None


def _check_grid(grid: Sequence[float] | np.ndarray) -> np.ndarray:
    array = np.asarray(grid, dtype=np.float64)
    if array.ndim != 1 or array.size == 0:
        raise ValueError(f"grid must be a non-empty 1-D list of thresholds; got shape {array.shape}.")
    if np.isnan(array).any() or (array < 0).any() or (array > 1).any():
        raise ValueError("grid values must lie in [0, 1], e.g. np.arange(0.05, 0.96, 0.01).")
    return np.unique(array)  # sorted, so curves plot left to right


def _f1_per_label_and_threshold(probabilities: np.ndarray, targets: np.ndarray, grid: np.ndarray) -> np.ndarray:
    """F1 of every label at every threshold, shape (len(grid), num_labels).

    Each (threshold, label) pair becomes one column of a wide multi-label problem, so one
    scikit-learn call scores a block of thresholds instead of one call per threshold (~50x faster).
    Blocks keep the wide arrays below about 20 million cells.
    """
    num_rows, num_labels = probabilities.shape
    block = max(1, 20_000_000 // max(1, num_rows * num_labels))
    scores = []
    for start in range(0, len(grid), block):
        thresholds = grid[start : start + block]
        # Column t * num_labels + j holds label j's predictions at thresholds[t].
        predictions = (probabilities[:, None, :] >= thresholds[None, :, None]).reshape(num_rows, -1)
        repeated_targets = np.tile(targets, (1, len(thresholds)))
        f1 = f1_score(repeated_targets, predictions.astype(np.int8), average=None, zero_division=0)
        scores.append(f1.reshape(len(thresholds), num_labels))
    return np.concatenate(scores)


def _best_index(grid: np.ndarray, scores: np.ndarray) -> int:
    """Index of the best score; ties go to the threshold closest to 0.5 (then the lower one)."""
    best = np.nanmax(scores)
    tied = np.flatnonzero(np.isclose(scores, best, rtol=0.0, atol=1e-12))
    return int(tied[np.argmin(np.abs(grid[tied] - FIXED_THRESHOLD))])


def sweep_global_threshold(
    probabilities: np.ndarray,
    targets: np.ndarray,
    grid: Sequence[float] | np.ndarray = DEFAULT_GRID,
    average: str = "micro",
) -> ThresholdCurve:
    """F1 (``average``: micro, macro, weighted or samples) for one threshold shared by all labels."""
    if average not in F1_AVERAGES:
        raise ValueError(f"average must be one of {F1_AVERAGES}, got {average!r}.")
    probabilities = check_probabilities(probabilities)
    targets = check_multi_hot(targets, num_labels=probabilities.shape[1], num_rows=len(probabilities)).astype(np.int8)
    grid = _check_grid(grid)
    if not targets.any():
        raise ValueError(
            "The targets contain no positive label at all, so F1 is undefined at every threshold. "
            "Tune on a validation split that has labelled texts."
        )
    if average == "micro":
        # Micro-F1 pools every (text, label) decision, so it is the binary F1 of the flattened arrays.
        scores = _f1_per_label_and_threshold(probabilities.reshape(-1, 1), targets.reshape(-1, 1), grid)[:, 0]
    else:
        scores = np.array(
            [
                f1_score(targets, (probabilities >= threshold).astype(np.int8), average=average, zero_division=0)
                for threshold in grid
            ]
        )
    best = _best_index(grid, scores)
    return ThresholdCurve(
        grid=grid,
        scores=scores,
        best_threshold=float(grid[best]),
        best_score=float(scores[best]),
        support=int(targets.sum()),
    )


def tune_per_label_thresholds(
    probabilities: np.ndarray,
    targets: np.ndarray,
    grid: Sequence[float] | np.ndarray = DEFAULT_GRID,
    fallback: float | None = None,
    min_support: int = DEFAULT_MIN_SUPPORT,
) -> tuple[np.ndarray, list[ThresholdCurve]]:
    """The F1-maximising threshold for each label, and each label's F1 curve.

    Labels with fewer than `min_support` positives (including none, where F1 is undefined and the
    curve's scores are NaN) get `fallback`, by default the best global micro-F1 threshold.
    """
    probabilities = check_probabilities(probabilities)
    targets = check_multi_hot(targets, num_labels=probabilities.shape[1], num_rows=len(probabilities)).astype(np.int8)
    grid = _check_grid(grid)
    if min_support < 1:
        raise ValueError(f"min_support must be at least 1 (a label needs positives to tune on), got {min_support}.")
    if fallback is None:
        fallback = sweep_global_threshold(probabilities, targets, grid).best_threshold
    fallback = float(check_thresholds(fallback, None))

    scores_by_threshold = _f1_per_label_and_threshold(probabilities, targets, grid)
    supports = targets.sum(axis=0)
    thresholds = np.empty(probabilities.shape[1], dtype=np.float64)
    curves = []
    for label, support in enumerate(supports.tolist()):
        scores = scores_by_threshold[:, label]
        if support == 0:
            scores = np.full_like(scores, np.nan)  # F1 is undefined without positives, not 0
            threshold, score, fallback_used = fallback, float("nan"), True
        elif support < min_support:
            threshold, fallback_used = fallback, True
            predicted = (probabilities[:, label] >= fallback).astype(np.int8)
            score = float(f1_score(targets[:, label], predicted, zero_division=0))
        else:
            best = _best_index(grid, scores)
            threshold, score, fallback_used = float(grid[best]), float(scores[best]), False
        thresholds[label] = threshold
        curves.append(ThresholdCurve(grid, scores, threshold, score, fallback_used, int(support)))
    return thresholds, curves


def apply_thresholds(
    probabilities: np.ndarray,
    thresholds: float | np.ndarray,
    at_least_one: bool = False,
) -> np.ndarray:
    """float32 0/1 rows: a label is predicted when its probability is >= its threshold.

    With `at_least_one`, a row with no label at or above its threshold gets its most probable
    label (a review is always about something).
    """
    probabilities = check_probabilities(probabilities)
    predictions = predictions_at(probabilities, thresholds).astype(np.float32)
    if at_least_one:
        empty_rows = np.flatnonzero(predictions.sum(axis=1) == 0)
        predictions[empty_rows, probabilities[empty_rows].argmax(axis=1)] = 1.0
    return predictions


@dataclass
class Thresholds:
    """The thresholds a trained model is used with, saved next to it as plain JSON.

    `strategy` picks what `values` returns: "global" (one tuned threshold for all labels),
    "per_label" (one tuned threshold per label) or "fixed" (0.5 everywhere).
    """

    global_threshold: float
    per_label: list[float]
    label_names: list[str]
    at_least_one: bool
    strategy: str

    def __post_init__(self) -> None:
        if self.strategy not in STRATEGIES:
            raise ValueError(f"strategy must be one of {STRATEGIES}, got {self.strategy!r}.")
        if not isinstance(self.at_least_one, bool):
            raise ValueError(f"at_least_one must be true or false, got {self.at_least_one!r}.")
        if not self.label_names:
            raise ValueError("label_names is empty; thresholds need the model's label names, in order.")
        if len(self.per_label) != len(self.label_names):
            raise ValueError(
                f"{len(self.per_label)} per-label thresholds for {len(self.label_names)} label names; "
                "there must be exactly one threshold per label, in the same order."
            )
        self.global_threshold = float(check_thresholds(self.global_threshold, None))
        self.per_label = [float(value) for value in check_thresholds(self.per_label, len(self.label_names))]
        self.label_names = [str(name) for name in self.label_names]

    @property
    def values(self) -> np.ndarray:
        """The per-label thresholds the chosen strategy uses (shape (num_labels,))."""
        if self.strategy == "per_label":
            return np.asarray(self.per_label, dtype=np.float64)
        shared = self.global_threshold if self.strategy == "global" else FIXED_THRESHOLD
        return np.full(len(self.label_names), shared, dtype=np.float64)

    def apply(self, probabilities: np.ndarray) -> np.ndarray:
        """float32 0/1 predictions with these thresholds and the at_least_one rule."""
        return apply_thresholds(probabilities, self.values, self.at_least_one)

    def to_json(self, path: str | Path) -> Path:
        """Write the thresholds as UTF-8 JSON (readable, no pickle) and return the path."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return path

    @classmethod
    def from_json(cls, path: str | Path) -> Thresholds:
        """Read thresholds written by `to_json`, checking every field."""
        path = Path(path)
        if not path.exists():
            raise FileNotFoundError(f"No thresholds file at {path}. Tune thresholds and save them with to_json first.")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            raise ValueError(f"{path} is not valid JSON ({error}). Re-create it with Thresholds.to_json.") from error
        if not isinstance(data, dict):
            raise ValueError(f"{path} must hold a JSON object, got {type(data).__name__}.")
        expected = {field.name for field in fields(cls)}
        missing, unknown = sorted(expected - data.keys()), sorted(data.keys() - expected)
        if missing or unknown:
            raise ValueError(
                f"{path} does not look like a thresholds file: missing keys {missing}, unknown keys {unknown}. "
                f"It needs exactly {sorted(expected)}; re-create it with Thresholds.to_json."
            )
        if not isinstance(data["per_label"], list) or not isinstance(data["label_names"], list):
            raise ValueError(f"{path}: per_label and label_names must be JSON lists.")
        numbers = {"global_threshold": data["global_threshold"],
                   **{f"per_label[{i}]": value for i, value in enumerate(data["per_label"])}}
        wrong = {field: value for field, value in numbers.items()
                 if isinstance(value, bool) or not isinstance(value, (int, float))}
        if wrong:
            field, value = next(iter(wrong.items()))
            raise ValueError(f"{path}: {field} is {json.dumps(value)}, but thresholds must be numbers between 0 and 1; "
                             "write it as a number (e.g. 0.5), or re-create the file with Thresholds.to_json.")
        try:
            return cls(**data)
        except (TypeError, ValueError) as error:
            raise ValueError(f"{path}: {error}") from error


def tune_thresholds(
    probabilities: np.ndarray,
    targets: np.ndarray,
    label_names: Sequence[str],
    strategy: str = "per_label",
    at_least_one: bool = True,
    grid: Sequence[float] | np.ndarray = DEFAULT_GRID,
    min_support: int = DEFAULT_MIN_SUPPORT,
) -> tuple[Thresholds, dict]:
    """Tune global and per-label thresholds on validation data; `strategy` picks which is used.

    Both are always tuned, so they can be compared. Tuning ignores `at_least_one`: it is a rule
    applied afterwards. Returns the `Thresholds` and ``{"global": ThresholdCurve,
    "per_label": list[ThresholdCurve]}`` for plotting.
    """
    if strategy not in STRATEGIES:
        raise ValueError(f"strategy must be one of {STRATEGIES}, got {strategy!r}.")
    probabilities = check_probabilities(probabilities)
    label_names = [str(name) for name in label_names]
    if len(label_names) != probabilities.shape[1]:
        raise ValueError(
            f"{len(label_names)} label names for {probabilities.shape[1]} probability columns; "
            "pass the names in the model's label order (model.config.id2label)."
        )
    global_curve = sweep_global_threshold(probabilities, targets, grid)
    per_label, per_label_curves = tune_per_label_thresholds(
        probabilities, targets, grid, fallback=global_curve.best_threshold, min_support=min_support
    )
    thresholds = Thresholds(
        global_threshold=global_curve.best_threshold,
        per_label=per_label.tolist(),
        label_names=label_names,
        at_least_one=at_least_one,
        strategy=strategy,
    )
    return thresholds, {"global": global_curve, "per_label": per_label_curves}
