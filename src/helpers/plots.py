"""Figures for the notebooks: label statistics, threshold curves, per-label scores, training curves, calibration.

Every function returns a `matplotlib.figure.Figure` and draws only what it is given: metrics and
threshold curves come from `helpers.metrics` and `helpers.thresholds`.

The figures are built without pyplot's global figure list, so a notebook shows each one exactly
once (as the cell's last value, or with ``display(fig)``) and old figures do not pile up in
memory. Save one with ``fig.savefig("name.png", dpi=150)``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import matplotlib
import matplotlib.pyplot
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from sklearn.metrics import average_precision_score, precision_recall_curve

from helpers.checks import check_multi_hot, check_probabilities
from helpers.thresholds import FIXED_THRESHOLD, ThresholdCurve

# pyplot loads its backend lazily, on the first pyplot figure, and these functions never make one. Load
# it now: in Jupyter that imports the inline backend, which registers how a notebook displays a Figure
# (without it, a returned Figure shows as the text '<Figure size ...>').
matplotlib.pyplot._get_backend_mod()

DEFAULT_LINE_COLOR = "tab:blue"
BEST_COLOR = "tab:red"
REFERENCE_COLOR = "grey"


def _new_figure(
    width: float, height: float, nrows: int = 1, ncols: int = 1, **subplot_options: object
) -> tuple[Figure, np.ndarray]:
    figure = Figure(figsize=(width, height), layout="constrained")
    axes = figure.subplots(nrows, ncols, squeeze=False, **subplot_options)
    return figure, axes


def _check_label_matrix(labels: np.ndarray, label_names: Sequence[str] | None = None) -> np.ndarray:
    matrix = check_multi_hot(labels, num_labels=None if label_names is None else len(label_names), name="labels")
    if matrix.shape[0] == 0:
        raise ValueError("labels is empty: there are no texts to count. Use split.labels from helpers.data.")
    return matrix.astype(np.int64)


def label_frequencies(labels: np.ndarray, label_names: Sequence[str]) -> Figure:
    """Horizontal bars: how many texts carry each label, most frequent at the top."""
    matrix = _check_label_matrix(labels, label_names)
    counts = matrix.sum(axis=0)
    order = np.argsort(counts, kind="stable")  # barh draws bottom-up, so ascending puts the largest on top
    figure, axes = _new_figure(7, 0.45 * len(label_names) + 1.5)
    ax: Axes = axes[0, 0]
    bars = ax.barh([str(label_names[i]) for i in order], counts[order], color=DEFAULT_LINE_COLOR)
    ax.bar_label(bars, padding=3)
    ax.set_xlabel("texts with this label")
    ax.set_title(f"How often each label occurs ({len(matrix)} texts)")
    ax.margins(x=0.12)
    return figure


def label_cardinality(labels: np.ndarray) -> Figure:
    """Bar histogram of the number of labels per text (0, 1, 2, ...)."""
    matrix = _check_label_matrix(labels)
    labels_per_text = matrix.sum(axis=1)
    texts_per_count = np.bincount(labels_per_text)
    figure, axes = _new_figure(6, 4)
    ax: Axes = axes[0, 0]
    bars = ax.bar(np.arange(len(texts_per_count)), texts_per_count, color=DEFAULT_LINE_COLOR)
    ax.bar_label(bars, padding=2)
    ax.set_xticks(np.arange(len(texts_per_count)))
    ax.set_xlabel("labels per text")
    ax.set_ylabel("texts")
    ax.set_title(f"Labels per text (mean {labels_per_text.mean():.2f})")
    ax.margins(y=0.12)
    return figure


def cooccurrence_heatmap(labels: np.ndarray, label_names: Sequence[str]) -> Figure:
    """How often two labels occur on the same text; the diagonal is each label's own count."""
    matrix = _check_label_matrix(labels, label_names)
    counts = matrix.T @ matrix
    size = max(5.0, 0.7 * len(label_names) + 2.5)
    figure, axes = _new_figure(size + 1, size)
    ax: Axes = axes[0, 0]
    image = ax.imshow(counts, cmap="Blues")
    names = [str(name) for name in label_names]
    ax.set_xticks(np.arange(len(names)), names, rotation=45, ha="right")
    ax.set_yticks(np.arange(len(names)), names)
    dark_from = counts.max() / 2  # white text on dark cells keeps the numbers readable
    for row in range(len(names)):
        for column in range(len(names)):
            value = int(counts[row, column])
            ax.text(column, row, str(value), ha="center", va="center",
                    color="white" if value > dark_from else "black", fontsize=9)
    figure.colorbar(image, ax=ax, label="texts with both labels")
    ax.set_title("Label co-occurrence (diagonal: texts with the label)")
    return figure


def threshold_curve(curve: ThresholdCurve, label: str = "micro-F1") -> Figure:
    """A score against the decision threshold, with the default 0.5 and the chosen threshold marked."""
    figure, axes = _new_figure(6.5, 4)
    ax: Axes = axes[0, 0]
    ax.plot(curve.grid, curve.scores, color=DEFAULT_LINE_COLOR, label=label)
    ax.axvline(FIXED_THRESHOLD, color=REFERENCE_COLOR, linestyle="--", label="default threshold 0.5")
    at_default = np.flatnonzero(np.isclose(curve.grid, FIXED_THRESHOLD))
    if at_default.size and np.isfinite(curve.scores[at_default[0]]):
        score = float(curve.scores[at_default[0]])
        ax.scatter([FIXED_THRESHOLD], [score], color=REFERENCE_COLOR, zorder=3, label=f"at 0.5: {score:.3f}")
    chosen = "fallback" if curve.fallback_used else "best"
    if np.isfinite(curve.best_score):
        ax.scatter([curve.best_threshold], [curve.best_score], color=BEST_COLOR, zorder=4,
                   label=f"{chosen}: {curve.best_score:.3f} at {curve.best_threshold:.2f}")
    else:
        ax.axvline(curve.best_threshold, color=BEST_COLOR, linestyle=":", label=f"{chosen}: {curve.best_threshold:.2f}")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("decision threshold")
    ax.set_ylabel(label)
    ax.set_title(f"{label} by decision threshold (validation)")
    ax.legend(loc="lower center")
    return figure


def per_label_threshold_curves(
    curves: Sequence[ThresholdCurve], label_names: Sequence[str], ncols: int = 4
) -> Figure:
    """One small F1-by-threshold plot per label, with 0.5 and the chosen threshold marked."""
    if len(curves) != len(label_names):
        raise ValueError(f"{len(curves)} curves for {len(label_names)} label names; they must match, in order.")
    if not curves:
        raise ValueError("No curves to plot; pass the per-label curves from tune_thresholds.")
    ncols = max(1, min(ncols, len(curves)))
    nrows = math.ceil(len(curves) / ncols)
    figure, axes = _new_figure(3.0 * ncols, 2.4 * nrows + 0.6, nrows, ncols, sharex=True, sharey=True)
    flat_axes = axes.ravel()
    for ax, curve, name in zip(flat_axes, curves, label_names):
        ax.plot(curve.grid, curve.scores, color=DEFAULT_LINE_COLOR)
        ax.axvline(FIXED_THRESHOLD, color=REFERENCE_COLOR, linestyle="--", linewidth=1)
        # A dotted line marks a fallback threshold: not tuned on this label.
        ax.axvline(curve.best_threshold, color=BEST_COLOR, linestyle=":" if curve.fallback_used else "-", linewidth=1)
        support = "" if curve.support is None else f" (n={curve.support})"
        ax.set_title(f"{name}{support}", fontsize=10)
        note = f"t={curve.best_threshold:.2f}" + (" fallback" if curve.fallback_used else "")
        ax.text(0.03, 0.95, note, transform=ax.transAxes, va="top", fontsize=8)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1.02)
    for ax in flat_axes[len(curves):]:
        ax.remove()  # empty cells of the last row
    figure.supxlabel("decision threshold")
    figure.supylabel("F1")
    figure.suptitle("F1 by threshold per label (dashed: 0.5, red: chosen)")
    return figure


def _f1_by_label(scores: pd.DataFrame | Mapping[str, float], name: str) -> dict[str, float]:
    if isinstance(scores, pd.DataFrame):
        missing = {"label", "f1"} - set(scores.columns)
        if missing:
            raise ValueError(
                f"{name} needs columns 'label' and 'f1' (as from per_label_report); missing {sorted(missing)}."
            )
        return {str(label): float(f1) for label, f1 in zip(scores["label"], scores["f1"])}
    if isinstance(scores, Mapping):
        return {str(label): float(f1) for label, f1 in scores.items()}
    raise TypeError(f"{name} must be a per_label_report DataFrame or a dict label -> F1, got {type(scores).__name__}.")


def per_label_f1(
    report: pd.DataFrame | Mapping[str, float],
    compare_with: pd.DataFrame | Mapping[str, float] | None = None,
    names: tuple[str, str] = ("threshold 0.5", "tuned thresholds"),
) -> Figure:
    """F1 per label as horizontal bars; with `compare_with`, two bars per label (e.g. 0.5 vs tuned)."""
    first = _f1_by_label(report, "report")
    if not first:
        raise ValueError("report is empty; pass one F1 per label.")
    second = None if compare_with is None else _f1_by_label(compare_with, "compare_with")
    if second is not None and set(second) != set(first):
        raise ValueError(
            f"The two reports cover different labels: only in report {sorted(set(first) - set(second))}, "
            f"only in compare_with {sorted(set(second) - set(first))}."
        )
    labels = sorted(first, key=first.get)  # ascending, so the best label ends up on top
    positions = np.arange(len(labels))
    figure, axes = _new_figure(7, 0.5 * len(labels) * (2 if second else 1) + 1.5)
    ax: Axes = axes[0, 0]
    if second is None:
        bars = ax.barh(positions, [first[label] for label in labels], color=DEFAULT_LINE_COLOR)
        ax.bar_label(bars, fmt="%.2f", padding=3)
    else:
        height = 0.4
        for offset, scores, name, color in (
            (-height / 2, first, names[0], REFERENCE_COLOR),
            (height / 2, second, names[1], DEFAULT_LINE_COLOR),
        ):
            bars = ax.barh(positions + offset, [scores[label] for label in labels], height, label=name, color=color)
            ax.bar_label(bars, fmt="%.2f", padding=3, fontsize=8)
        ax.legend(loc="lower right")
    ax.set_yticks(positions, labels)
    ax.set_xlim(0, 1.1)
    ax.set_xlabel("F1")
    ax.set_title("F1 per label")
    return figure


def precision_recall_curves(
    probabilities: np.ndarray, targets: np.ndarray, label_names: Sequence[str]
) -> Figure:
    """Precision against recall for every label (scikit-learn's precision_recall_curve), with AP."""
    probabilities = check_probabilities(probabilities)
    targets = check_multi_hot(targets, num_labels=probabilities.shape[1], num_rows=len(probabilities)).astype(np.int8)
    if len(label_names) != probabilities.shape[1]:
        raise ValueError(f"{len(label_names)} label names for {probabilities.shape[1]} columns; they must match.")
    colors = matplotlib.colormaps["tab10" if len(label_names) <= 10 else "tab20"].colors
    figure, axes = _new_figure(7, 5.5)
    ax: Axes = axes[0, 0]
    without_positives = []
    for column, name in enumerate(label_names):
        if not targets[:, column].any():
            without_positives.append(str(name))  # recall is undefined without positives
            continue
        precision, recall, _ = precision_recall_curve(targets[:, column], probabilities[:, column])
        average_precision = average_precision_score(targets[:, column], probabilities[:, column])
        ax.plot(recall, precision, drawstyle="steps-post", color=colors[column % len(colors)],
                label=f"{name} (AP {average_precision:.2f})")
    ax.set_xlim(0, 1.01)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("recall")
    ax.set_ylabel("precision")
    title = "Precision-recall curve per label"
    if without_positives:
        title += f"\n(no positives, not drawn: {', '.join(without_positives)})"
    ax.set_title(title)
    if len(without_positives) < len(label_names):
        ax.legend(loc="lower left", fontsize=8)
    return figure


def training_curves(log_history: Sequence[Mapping], metric: str | None = "micro_f1") -> Figure:
    """Training loss by step, validation loss and a validation metric by epoch.

    `log_history` is ``trainer.state.log_history``; `metric` is a compute_metrics key, with or
    without the ``eval_`` prefix (None leaves out the metric panel).
    """
    if not isinstance(log_history, Sequence) or not all(isinstance(entry, Mapping) for entry in log_history):
        raise TypeError("log_history must be a list of dicts, e.g. trainer.state.log_history.")
    training = [(entry["step"], entry["loss"]) for entry in log_history if "loss" in entry and "step" in entry]
    evaluations = [entry for entry in log_history if "eval_loss" in entry]
    if not evaluations:
        raise ValueError(
            "log_history has no evaluation entries (no 'eval_loss'). Pass eval_dataset to the Trainer and set "
            "TrainingArguments(eval_strategy='epoch') so it evaluates after every epoch."
        )
    metric_key = None
    if metric is not None:
        metric_key = metric if metric.startswith("eval_") else f"eval_{metric}"
        if not any(metric_key in entry for entry in evaluations):
            available = sorted({key for entry in evaluations for key in entry if key.startswith("eval_")})
            raise ValueError(
                f"No {metric_key!r} in the evaluation entries; available: {available}. Pass one of them as "
                "metric (compute_metrics decides which exist), or metric=None."
            )

    figure, axes = _new_figure(13 if metric_key else 9, 4, 1, 3 if metric_key else 2)
    train_ax, eval_ax = axes[0, 0], axes[0, 1]
    if training:
        steps, losses = zip(*training)
        train_ax.plot(steps, losses, color=DEFAULT_LINE_COLOR, marker="." if len(steps) < 30 else None)
    else:
        train_ax.text(0.5, 0.5, "no training loss logged:\nlogging_steps is larger\nthan the number of steps",
                      ha="center", va="center", transform=train_ax.transAxes)
    train_ax.set_xlabel("step")
    train_ax.set_ylabel("loss")
    train_ax.set_title("Training loss")

    epochs = [entry.get("epoch", entry.get("step")) for entry in evaluations]
    eval_ax.plot(epochs, [entry["eval_loss"] for entry in evaluations], marker="o", color=BEST_COLOR)
    eval_ax.set_xlabel("epoch")
    eval_ax.set_ylabel("loss")
    eval_ax.set_title("Validation loss")

    if metric_key:
        metric_ax = axes[0, 2]
        points = [(epoch, entry[metric_key]) for epoch, entry in zip(epochs, evaluations) if metric_key in entry]
        metric_ax.plot(*zip(*points), marker="o", color=DEFAULT_LINE_COLOR)
        lower_is_better = "loss" in metric_key  # e.g. eval_hamming_loss
        best_epoch, best_value = (min if lower_is_better else max)(points, key=lambda point: point[1])
        metric_ax.annotate(f"best {best_value:.3f}", (best_epoch, best_value), textcoords="offset points",
                           xytext=(0, -14), ha="center", fontsize=9)
        metric_ax.set_xlabel("epoch")
        metric_ax.set_ylabel(metric_key.removeprefix("eval_"))
        metric_ax.set_title(f"Validation {metric_key.removeprefix('eval_')}")
    figure.suptitle("Training progress")
    return figure


def reliability_diagrams(reports: Mapping[str, Mapping], label_names: Sequence[str], *, ncols: int = 4) -> Figure:
    """One panel per label: the reliability curve of each model, from `helpers.calibration.calibration_report`.

    `reports` maps a model's name to its report (e.g. {"fine-tuned": report, "TF-IDF": report}, all on the same
    split). A point is one bin of predicted probability: its mean prediction (x) against the share of its texts that
    carry the label (y); the dashed diagonal is a calibrated model. The legend gives each model's ECE for the label.
    """
    if not reports:
        raise ValueError("reports is empty; pass {name: calibration_report(probabilities, targets, label_names)}.")
    for name, report in reports.items():
        missing = [str(label) for label in label_names if label not in report.get("per_label", {})]
        if missing:
            raise ValueError(f"The report of {name!r} has no entry for {missing}; make it with calibration_report "
                             "and the same label_names.")
    colors = matplotlib.colormaps["tab10"].colors
    ncols = max(1, min(ncols, len(label_names)))
    nrows = math.ceil(len(label_names) / ncols)
    figure, axes = _new_figure(2.8 * ncols, 2.7 * nrows + 0.6, nrows, ncols, sharex=True, sharey=True)
    flat_axes = axes.ravel()
    for ax, label in zip(flat_axes, label_names):
        ax.plot([0, 1], [0, 1], color=REFERENCE_COLOR, linestyle="--", linewidth=1)
        without_curve = []
        for k, (name, report) in enumerate(reports.items()):
            entry = report["per_label"][label]
            if not entry["curve"]["predicted"]:  # no positives, or only positives: no curve to draw
                without_curve.append(str(name))
                continue
            ax.plot(entry["curve"]["predicted"], entry["curve"]["observed"], marker="o", markersize=3, linewidth=1,
                    color=colors[k % len(colors)], label=f"{name}: ECE {entry['ece']:.3f}")
        if without_curve:
            ax.text(0.5, 0.9, f"no curve: {', '.join(without_curve)}", ha="center", fontsize=7,
                    transform=ax.transAxes)
        positives = next(iter(reports.values()))["per_label"][label]["positives"]
        ax.set_title(f"{label} ({positives} positives)", fontsize=9)
        if ax.lines[1:]:
            ax.legend(loc="best", fontsize=7)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1.02)
    for ax in flat_axes[len(label_names):]:
        ax.remove()
    figure.supxlabel("mean predicted probability in the bin")
    figure.supylabel("share of texts with the label")
    figure.suptitle("Reliability per label (dashed: calibrated)")
    return figure
