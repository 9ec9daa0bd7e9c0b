"""helpers.plots: every figure builds, has the expected axes and bars, and renders German labels."""

from __future__ import annotations

import io
import warnings

import matplotlib

matplotlib.use("Agg")  # headless; must come before pyplot is imported (helpers.plots imports it)

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.container import BarContainer  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from helpers import plots  # noqa: E402
from helpers.metrics import per_label_report  # noqa: E402
from helpers.thresholds import ThresholdCurve, tune_thresholds  # noqa: E402

LABEL_NAMES = ["Qualität", "Lieferung", "Rückgabe", "Preis", "Größe"]


@pytest.fixture(scope="module")
def data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(1)
    labels = (rng.random((30, len(LABEL_NAMES))) < 0.35).astype(np.float32)
    labels[:, 4] = 0  # one label without positives, as in a small validation split
    probabilities = np.clip(0.4 * labels + 0.6 * rng.random(labels.shape), 0, 1)
    return probabilities, labels


def bar_count(figure: Figure) -> int:
    return sum(
        len(container) for ax in figure.axes for container in ax.containers if isinstance(container, BarContainer)
    )


def render_without_missing_glyphs(figure: Figure) -> None:
    """Draw to PNG; a missing glyph (e.g. for ä, ü, ß) warns, which this turns into a failure."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        figure.savefig(io.BytesIO(), format="png", dpi=50)


def test_label_frequencies_sorted_bars(data) -> None:
    _, labels = data
    figure = plots.label_frequencies(labels, LABEL_NAMES)
    assert isinstance(figure, Figure) and len(figure.axes) == 1
    widths = [bar.get_width() for bar in figure.axes[0].containers[0]]
    assert len(widths) == len(LABEL_NAMES)
    assert widths == sorted(widths)  # drawn bottom-up, so the most frequent label is on top
    assert sorted(widths) == sorted(labels.sum(axis=0).tolist())
    render_without_missing_glyphs(figure)
    assert plt.get_fignums() == []  # not kept in pyplot's global list: no double display, no leak


def test_label_cardinality_counts_texts_per_label_count() -> None:
    labels = np.array([[1, 0, 0], [1, 1, 0], [1, 1, 1], [0, 0, 0], [0, 1, 0]])
    figure = plots.label_cardinality(labels)
    heights = [bar.get_height() for bar in figure.axes[0].containers[0]]
    assert heights == [1, 2, 1, 1]  # 0, 1, 2 and 3 labels per text
    with pytest.raises(ValueError, match="must be 0 or 1"):
        plots.label_cardinality(np.array([[0.2, 0.9]]))


def test_cooccurrence_heatmap_is_annotated(data) -> None:
    _, labels = data
    figure = plots.cooccurrence_heatmap(labels, LABEL_NAMES)
    heatmap = figure.axes[0]
    assert len(figure.axes) == 2  # the heatmap and its colour bar
    annotations = [text.get_text() for text in heatmap.texts]
    assert len(annotations) == len(LABEL_NAMES) ** 2
    assert annotations[0] == str(int(labels[:, 0].sum()))  # diagonal: the label's own count
    render_without_missing_glyphs(figure)
    with pytest.raises(ValueError, match="label names"):
        plots.cooccurrence_heatmap(labels, LABEL_NAMES[:2])


def test_threshold_curves(data) -> None:
    probabilities, labels = data
    _, curves = tune_thresholds(probabilities, labels, LABEL_NAMES)
    figure = plots.threshold_curve(curves["global"])
    ax = figure.axes[0]
    np.testing.assert_allclose(ax.lines[0].get_xdata(), curves["global"].grid)
    assert any(np.allclose(line.get_xdata(), 0.5) for line in ax.lines[1:])  # the 0.5 reference line
    assert "micro-F1" in ax.get_ylabel()

    small_multiples = plots.per_label_threshold_curves(curves["per_label"], LABEL_NAMES, ncols=2)
    assert len(small_multiples.axes) == len(LABEL_NAMES)  # the empty sixth cell is removed
    assert "Größe" in small_multiples.axes[4].get_title()
    render_without_missing_glyphs(small_multiples)
    with pytest.raises(ValueError, match="must match"):
        plots.per_label_threshold_curves(curves["per_label"], LABEL_NAMES[:3])


def test_threshold_curve_without_a_score_shows_the_fallback() -> None:
    grid = np.array([0.3, 0.5, 0.7])
    curve = ThresholdCurve(grid, np.full(3, np.nan), 0.4, float("nan"), fallback_used=True, support=0)
    figure = plots.threshold_curve(curve, label="F1")
    assert any("fallback" in text.get_text() for text in figure.axes[0].get_legend().get_texts())


def test_per_label_f1_single_and_compared(data) -> None:
    probabilities, labels = data
    at_half = per_label_report(probabilities, labels, LABEL_NAMES)
    tuned = per_label_report(probabilities, labels, LABEL_NAMES, thresholds=0.3)
    assert bar_count(plots.per_label_f1(at_half)) == len(LABEL_NAMES)
    compared = plots.per_label_f1(at_half, tuned, names=("0.5", "tuned"))
    assert bar_count(compared) == 2 * len(LABEL_NAMES)
    assert [text.get_text() for text in compared.axes[0].get_legend().get_texts()] == ["0.5", "tuned"]
    assert bar_count(plots.per_label_f1({"Qualität": 0.8, "Preis": 0.4})) == 2
    with pytest.raises(ValueError, match="different labels"):
        plots.per_label_f1({"Qualität": 0.8}, {"Preis": 0.4})
    with pytest.raises(ValueError, match="'label' and 'f1'"):
        plots.per_label_f1(at_half.drop(columns="f1"))


def test_precision_recall_curves_skip_labels_without_positives(data) -> None:
    probabilities, labels = data
    figure = plots.precision_recall_curves(probabilities, labels, LABEL_NAMES)
    ax = figure.axes[0]
    assert len(ax.lines) == len(LABEL_NAMES) - 1  # "Größe" has no positives
    assert "Größe" in ax.get_title()
    render_without_missing_glyphs(figure)


def trainer_log_history() -> list[dict]:
    """Shaped like Trainer.state.log_history: training logs, one eval per epoch, a final summary."""
    history: list[dict] = []
    for epoch in (1, 2, 3):
        history.append(
            {"loss": 0.7 / epoch, "grad_norm": 1.0, "learning_rate": 1e-5, "epoch": epoch - 0.5, "step": 10 * epoch - 5}
        )
        history.append(
            {"eval_loss": 0.5 / epoch, "eval_micro_f1": 0.5 + 0.1 * epoch, "epoch": float(epoch), "step": 10 * epoch}
        )
    history.append({"train_runtime": 12.0, "train_loss": 0.4, "epoch": 3.0, "step": 30})
    return history


def test_training_curves() -> None:
    history = trainer_log_history()
    figure = plots.training_curves(history)
    assert len(figure.axes) == 3
    train_ax, eval_ax, metric_ax = figure.axes
    np.testing.assert_allclose(train_ax.lines[0].get_xdata(), [5, 15, 25])
    np.testing.assert_allclose(eval_ax.lines[0].get_xdata(), [1, 2, 3])
    np.testing.assert_allclose(metric_ax.lines[0].get_ydata(), [0.6, 0.7, 0.8])
    assert len(plots.training_curves(history, metric=None).axes) == 2


def test_training_curves_explain_missing_entries() -> None:
    history = trainer_log_history()
    with pytest.raises(ValueError, match="eval_strategy"):
        plots.training_curves([entry for entry in history if "eval_loss" not in entry])
    with pytest.raises(ValueError, match="eval_micro_f1"):
        plots.training_curves(history, metric="accuracy")


def test_reliability_diagrams_draw_each_models_curve_per_label(data) -> None:
    from helpers.calibration import calibration_report

    probabilities, labels = data
    reports = {"model": calibration_report(probabilities, labels, LABEL_NAMES),
               "sharper": calibration_report(probabilities ** 2, labels, LABEL_NAMES)}
    figure = plots.reliability_diagrams(reports, LABEL_NAMES)
    assert len(figure.axes) == len(LABEL_NAMES)
    for ax, label in zip(figure.axes, LABEL_NAMES):
        assert ax.get_title().startswith(label)
        if label == "Größe":  # no positives: only the diagonal, and a note
            assert len(ax.lines) == 1 and "no curve" in ax.texts[0].get_text()
            continue
        diagonal, *curves = ax.lines
        assert len(curves) == 2
        curve = reports["model"]["per_label"][label]["curve"]
        np.testing.assert_allclose(curves[0].get_xdata(), curve["predicted"])
        np.testing.assert_allclose(curves[0].get_ydata(), curve["observed"])
        legend = [text.get_text() for text in ax.get_legend().get_texts()]
        assert legend[0] == f"model: ECE {reports['model']['per_label'][label]['ece']:.3f}"
    render_without_missing_glyphs(figure)
    assert plt.get_fignums() == []
    with pytest.raises(ValueError, match="reports is empty"):
        plots.reliability_diagrams({}, LABEL_NAMES)
    with pytest.raises(ValueError, match="no entry for"):
        plots.reliability_diagrams(reports, [*LABEL_NAMES, "Service"])
