"""Evaluation metrics for multiclass and multi-label classifiers, all computed by scikit-learn.

A multi-label model outputs one logit per label. `sigmoid` turns them into independent
probabilities; a threshold turns those into 0/1 predictions. Threshold-based metrics (F1,
precision, recall, Hamming loss, subset accuracy) depend on that threshold; ranking metrics
(ROC-AUC, label ranking average precision) are computed on the probabilities and do not.

A label counts as predicted when its probability is *at least* its threshold (``p >= t``).
The same rule is used everywhere in `helpers`, so tuned thresholds mean the same thing when
they are applied later.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd
from sklearn.metrics import (
    accuracy_score,
    f1_score,
    hamming_loss,
    label_ranking_average_precision_score,
    precision_recall_fscore_support,
    precision_score,
    recall_score,
    roc_auc_score,
)

from helpers.checks import as_array, check_multi_hot, check_probabilities, check_thresholds

MetricsFunction = Callable[[object], dict[str, float]]


def sigmoid(logits: np.ndarray) -> np.ndarray:
    """Logits -> probabilities in [0, 1], without overflow for large |logit|.

    float32 and float64 keep their dtype; anything else (ints, float16) becomes float32.
    """
    logits = as_array(logits, "logits")
    if logits.dtype not in (np.float32, np.float64):
        logits = logits.astype(np.float32)
    # exp(-|x|) lies in (0, 1] and cannot overflow; the two branches are the same function.
    exp_minus_abs = np.exp(-np.abs(logits))
    return np.where(logits >= 0, 1 / (1 + exp_minus_abs), exp_minus_abs / (1 + exp_minus_abs)).astype(
        logits.dtype, copy=False
    )


def predictions_at(probabilities: np.ndarray, thresholds: float | np.ndarray = 0.5) -> np.ndarray:
    """0/1 predictions (int8): a label is predicted when its probability is >= its threshold."""
    probabilities = check_probabilities(probabilities)
    thresholds = check_thresholds(thresholds, probabilities.shape[1])
    return (probabilities >= thresholds).astype(np.int8)


def multilabel_metrics(
    probabilities: np.ndarray,
    targets: np.ndarray,
    thresholds: float | np.ndarray = 0.5,
) -> dict[str, float]:
    """Threshold and ranking metrics for multi-label predictions at `thresholds` (``p >= t``).

    `probabilities` and `targets` are (num_texts, num_labels); `thresholds` is one number or one
    per label. See `decision_metrics` for what each score means.
    """
    probabilities = check_probabilities(probabilities)
    return decision_metrics(predictions_at(probabilities, thresholds), targets, probabilities)


def decision_metrics(predictions: np.ndarray, targets: np.ndarray, probabilities: np.ndarray) -> dict[str, float]:
    """The metrics of 0/1 decisions made by any rule (thresholds, the at-least-one rule, argmax).

    F1/precision/recall use ``zero_division=0`` (a label never predicted scores 0 instead of raising
    a warning); so in ``samples_f1`` a text with no true and no predicted label scores 0, not 1.
    ``roc_auc_macro`` and ``lrap`` use the probabilities, not the decisions. ROC-AUC is undefined
    for a label whose targets are all 0 or all 1, so ``roc_auc_macro`` averages over the labels
    that have both; it is NaN if none has.
    """
    probabilities = check_probabilities(probabilities)
    shape = {"num_labels": probabilities.shape[1], "num_rows": len(probabilities)}
    targets = check_multi_hot(targets, **shape).astype(np.int8)
    predictions = check_multi_hot(predictions, name="predictions", **shape).astype(np.int8)

    def f1(average: str) -> float:
        return float(f1_score(targets, predictions, average=average, zero_division=0))

    return {
        "micro_f1": f1("micro"),
        "macro_f1": f1("macro"),
        "weighted_f1": f1("weighted"),
        "samples_f1": f1("samples"),
        "micro_precision": float(precision_score(targets, predictions, average="micro", zero_division=0)),
        "micro_recall": float(recall_score(targets, predictions, average="micro", zero_division=0)),
        "macro_precision": float(precision_score(targets, predictions, average="macro", zero_division=0)),
        "macro_recall": float(recall_score(targets, predictions, average="macro", zero_division=0)),
        "hamming_loss": float(hamming_loss(targets, predictions)),
        # For multi-label input, accuracy_score is subset accuracy: the whole row must match.
        "subset_accuracy": float(accuracy_score(targets, predictions)),
        "roc_auc_macro": _roc_auc_macro(probabilities, targets),
        "lrap": float(label_ranking_average_precision_score(targets, probabilities)),
    }


def _roc_auc_macro(probabilities: np.ndarray, targets: np.ndarray) -> float:
    positives = targets.sum(axis=0)
    scorable = (positives > 0) & (positives < len(targets))
    if not scorable.any():
        return float("nan")
    return float(roc_auc_score(targets[:, scorable], probabilities[:, scorable], average="macro"))


def _unpack_eval_prediction(eval_prediction: object) -> tuple[np.ndarray, np.ndarray]:
    """(logits, label_ids) from a transformers `EvalPrediction` or a (predictions, label_ids) tuple."""
    if hasattr(eval_prediction, "predictions") and hasattr(eval_prediction, "label_ids"):
        predictions, label_ids = eval_prediction.predictions, eval_prediction.label_ids
    elif isinstance(eval_prediction, (tuple, list)) and len(eval_prediction) >= 2:
        predictions, label_ids = eval_prediction[0], eval_prediction[1]
    else:
        raise TypeError(
            f"Expected a transformers EvalPrediction or a (predictions, label_ids) tuple, got "
            f"{type(eval_prediction).__name__}."
        )
    # Models that also return hidden states or attentions give a tuple; the logits come first.
    if isinstance(predictions, (tuple, list)):
        predictions = predictions[0]
    if label_ids is None:
        raise ValueError(
            "The evaluation batch has no labels (label_ids is None). The eval dataset needs a 'labels' "
            "column; if it is named differently, rename it or set TrainingArguments(label_names=[...])."
        )
    if isinstance(label_ids, (tuple, list)):
        if len(label_ids) != 1:
            raise ValueError(f"Expected one label array, got {len(label_ids)}; pass a single 'labels' column.")
        label_ids = label_ids[0]
    return as_array(predictions, "predictions"), as_array(label_ids, "label_ids")


def make_multilabel_compute_metrics(thresholds: float | np.ndarray = 0.5) -> MetricsFunction:
    """A `compute_metrics` function for `transformers.Trainer` on a multi-label model.

    It applies `sigmoid` to the logits and returns `multilabel_metrics`; the Trainer prefixes
    the keys with ``eval_``, so ``metric_for_best_model="micro_f1"`` works.
    """
    checked_thresholds = check_thresholds(thresholds, None)  # fail now, not after the first epoch

    def compute_metrics(eval_prediction: object) -> dict[str, float]:
        logits, label_ids = _unpack_eval_prediction(eval_prediction)
        if logits.ndim != 2:
            raise ValueError(
                f"Expected logits of shape (num_texts, num_labels), got {logits.shape}. Is this a "
                "sequence-classification model?"
            )
        return multilabel_metrics(sigmoid(logits), label_ids, checked_thresholds)

    return compute_metrics


def _class_ids(logits_or_class_ids: object, name: str) -> np.ndarray:
    array = as_array(logits_or_class_ids, name)
    if array.ndim == 2:
        return array.argmax(axis=1)
    if array.ndim != 1:
        raise ValueError(
            f"{name} must be logits (num_texts, num_classes) or class ids (num_texts,); got {array.shape}."
        )
    if array.size and not np.array_equal(array, np.round(array)):
        raise ValueError(f"{name} is 1-D but not whole numbers; pass class ids, or 2-D logits to take the argmax of.")
    return array.astype(np.int64)


def multiclass_metrics(logits_or_class_ids: np.ndarray, targets: np.ndarray) -> dict[str, float]:
    """accuracy, macro_f1 and weighted_f1 for a single-label (multiclass) model.

    Give 2-D logits (the argmax is the prediction) or 1-D class ids; `targets` are 1-D class ids.
    F1 averages over the classes present in targets or predictions (scikit-learn's default).
    """
    predictions = _class_ids(logits_or_class_ids, "logits_or_class_ids")
    target_array = as_array(targets, "targets")
    if target_array.ndim == 2:
        raise ValueError(
            f"targets has shape {target_array.shape}: multi-hot rows are multi-label targets. "
            "Use multilabel_metrics, or pass one class id per text."
        )
    targets = _class_ids(target_array, "targets")
    if len(predictions) != len(targets):
        raise ValueError(f"{len(predictions)} predictions but {len(targets)} targets; they must match row by row.")
    if len(targets) == 0:
        raise ValueError("No texts to evaluate: predictions and targets are empty.")
    return {
        "accuracy": float(accuracy_score(targets, predictions)),
        "macro_f1": float(f1_score(targets, predictions, average="macro", zero_division=0)),
        "weighted_f1": float(f1_score(targets, predictions, average="weighted", zero_division=0)),
    }


def make_multiclass_compute_metrics() -> MetricsFunction:
    """A `compute_metrics` function for `transformers.Trainer` on a multiclass model."""

    def compute_metrics(eval_prediction: object) -> dict[str, float]:
        logits, label_ids = _unpack_eval_prediction(eval_prediction)
        return multiclass_metrics(logits, label_ids)

    return compute_metrics


def per_label_report(
    probabilities: np.ndarray,
    targets: np.ndarray,
    label_names: Sequence[str],
    thresholds: float | np.ndarray = 0.5,
) -> pd.DataFrame:
    """One row per label: label, support, precision, recall, f1 and the threshold used."""
    probabilities = check_probabilities(probabilities)
    targets = check_multi_hot(targets, num_labels=probabilities.shape[1], num_rows=len(probabilities)).astype(np.int8)
    label_names = [str(name) for name in label_names]
    if len(label_names) != probabilities.shape[1]:
        raise ValueError(
            f"{len(label_names)} label names for {probabilities.shape[1]} probability columns; "
            "pass the names in the model's label order (model.config.id2label)."
        )
    threshold_values = np.broadcast_to(check_thresholds(thresholds, len(label_names)), (len(label_names),))
    predictions = predictions_at(probabilities, threshold_values)
    precision, recall, f1, support = precision_recall_fscore_support(
        targets, predictions, average=None, zero_division=0
    )
    return pd.DataFrame(
        {
            "label": label_names,
            "support": support.astype(int),
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "threshold": threshold_values.astype(float),
        }
    )


def single_label_predictions(class_ids: np.ndarray, num_labels: int) -> np.ndarray:
    """One class id per text -> float32 one-hot rows, so a multiclass model's output can be
    scored with the multi-label metrics (it always predicts exactly one label)."""
    ids = as_array(class_ids, "class_ids")
    if ids.ndim != 1:
        raise ValueError(
            f"class_ids must be 1-D (one class id per text); got shape {ids.shape}. "
            "For logits, pass logits.argmax(axis=1)."
        )
    if ids.size and not np.array_equal(ids, np.round(ids)):
        raise ValueError("class_ids must be whole numbers (class indices), not probabilities or logits.")
    ids = ids.astype(np.int64)
    if ids.size and (ids.min() < 0 or ids.max() >= num_labels):
        raise ValueError(f"class_ids must lie in [0, {num_labels - 1}]; got min {ids.min()}, max {ids.max()}.")
    rows = np.zeros((len(ids), num_labels), dtype=np.float32)
    rows[np.arange(len(ids)), ids] = 1.0
    return rows


def multi_label_rows_f1(
    probabilities_or_predictions: np.ndarray,
    targets: np.ndarray,
    thresholds: float | np.ndarray = 0.5,
    min_labels: int = 2,
) -> float:
    """Micro-F1 on the texts whose true label count is at least `min_labels`.

    These are the texts a single-label model cannot get fully right. Pass probabilities, or 0/1
    predictions (e.g. from `single_label_predictions`; 0/1 rows are unchanged by any threshold in (0, 1]).
    """
    probabilities = check_probabilities(probabilities_or_predictions, "probabilities_or_predictions")
    targets = check_multi_hot(targets, num_labels=probabilities.shape[1], num_rows=len(probabilities)).astype(np.int8)
    if min_labels < 1:
        raise ValueError(f"min_labels must be at least 1, got {min_labels}.")
    selected = targets.sum(axis=1) >= min_labels
    if not selected.any():
        raise ValueError(
            f"No text has {min_labels} or more true labels, so this score is undefined. "
            "Use a lower min_labels or a split with multi-label texts."
        )
    predictions = predictions_at(probabilities[selected], thresholds)
    return float(f1_score(targets[selected], predictions, average="micro", zero_division=0))


def bootstrap_difference(
    targets: np.ndarray,
    predictions_a: np.ndarray,
    predictions_b: np.ndarray | None = None,
    *,
    average: str = "micro",
    n_resamples: int = 1000,
    confidence: float = 0.95,
    seed: int = 0,
) -> dict[str, float]:
    """F1 of `predictions_a` minus F1 of `predictions_b` on the same texts, with a paired bootstrap interval.

    Texts are resampled with replacement (scipy.stats.bootstrap, percentile method, fixed seed), and both sets of
    0/1 rows are scored on the same resample, so the interval says how much the difference could move with another
    sample of texts like these. Without `predictions_b` it is the interval of `predictions_a`'s F1 itself.
    An interval that excludes 0 says the difference is larger than the sampling noise of this test set; it says
    nothing about another training seed (docs/BENCHMARKS.md measures that).
    """
    from scipy.stats import bootstrap

    targets = np.asarray(targets)
    a = np.asarray(predictions_a)
    b = None if predictions_b is None else np.asarray(predictions_b)
    if a.shape != targets.shape or (b is not None and b.shape != targets.shape):
        raise ValueError(f"targets {targets.shape} and predictions {a.shape}"
                         f"{'' if b is None else f', {b.shape}'} must have the same shape (texts, labels).")

    def statistic(rows: np.ndarray) -> float:
        rows = rows.astype(int)
        value = f1_score(targets[rows], a[rows], average=average, zero_division=0)
        return value - (f1_score(targets[rows], b[rows], average=average, zero_division=0) if b is not None else 0.0)

    everything = np.arange(len(targets))
    result = bootstrap((everything,), statistic, vectorized=False, n_resamples=n_resamples, confidence_level=confidence,
                       method="percentile", rng=np.random.default_rng(seed))
    return {"difference": float(statistic(everything)), "low": float(result.confidence_interval.low),
            "high": float(result.confidence_interval.high), "confidence": confidence, "texts": len(targets)}
