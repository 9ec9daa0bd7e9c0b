"""Input checks shared by several modules, each with a message that says what to do.

`metrics`, `thresholds`, `plots`, `labels` and `inference` all take arrays of probabilities,
multi-hot rows, thresholds or texts from a learner's code; they check them here, in one way.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import numpy as np

from helpers.errors import TargetError

def as_array(values: object, name: str) -> np.ndarray:
    """A numpy array from an array, a list or a torch tensor (without importing torch)."""
    if values is None:
        raise ValueError(f"{name} is None. Pass an array, e.g. the model's outputs or the dataset's labels.")
    if hasattr(values, "detach"):  # a torch tensor, possibly on the GPU
        tensor = values.detach().cpu()
        if str(tensor.dtype) == "torch.bfloat16":  # numpy has no bfloat16
            tensor = tensor.float()
        values = tensor.numpy()
    array = np.asarray(values)
    if array.dtype == object:
        raise ValueError(f"{name} could not be turned into a numeric array (rows of different lengths?).")
    return array


def check_probabilities(probabilities: object, name: str = "probabilities") -> np.ndarray:
    """float64 array of shape (num_texts, num_labels) with every value in [0, 1]."""
    array = as_array(probabilities, name)
    if array.ndim != 2:
        raise ValueError(
            f"{name} must be 2-D, shape (num_texts, num_labels); got shape {array.shape}. "
            "For a single text, wrap it: probabilities[None, :]."
        )
    if array.size == 0:
        raise ValueError(f"{name} is empty (shape {array.shape}); evaluate at least one text.")
    if not np.issubdtype(array.dtype, np.number) and array.dtype != bool:
        raise ValueError(f"{name} has dtype {array.dtype}; expected numbers.")
    array = array.astype(np.float64, copy=False)
    if np.isnan(array).any():
        raise ValueError(
            f"{name} contains NaN. The model's outputs are broken (a diverged training run, or fp16 "
            "overflow): check the training loss before computing metrics."
        )
    low, high = float(array.min()), float(array.max())
    if low < 0 or high > 1:
        raise ValueError(
            f"{name} has values outside [0, 1] (min {low:.3g}, max {high:.3g}): these look like logits; "
            "apply sigmoid first (helpers.metrics.sigmoid)."
        )
    return array


def check_multi_hot(
    values: object,
    *,
    num_labels: int | None = None,
    num_rows: int | None = None,
    name: str = "targets",
    require_float: bool = False,
) -> np.ndarray:
    """Multi-hot rows (n, num_labels) of 0 and 1, or a `TargetError` that explains the mistake.

    Catches what `BCEWithLogitsLoss` and scikit-learn would report cryptically: one class id per
    text (the multiclass format), the wrong width, integer targets where floats are needed
    (`require_float`), NaN, and values other than 0/1. Returns the array with its dtype unchanged.
    """
    array = as_array(values, name)
    width = f"{num_labels}" if num_labels is not None else "num_labels"
    if array.ndim == 1:
        raise TargetError(
            f"{name} is 1-D with shape {array.shape}: that is one class index per text, the multiclass "
            f"format for CrossEntropyLoss. Multi-label training and metrics need one multi-hot row per text, "
            f"shape (n, {width}); build them with MultiHotEncoder / MultiLabelBinarizer."
        )
    if array.ndim != 2:
        raise TargetError(f"{name} must be 2-D (n, {width}); got shape {array.shape}.")
    if num_rows is not None and array.shape[0] != num_rows:
        raise TargetError(
            f"{name} has {array.shape[0]} rows but there are {num_rows} predictions; they must match row by row."
        )
    if num_labels is not None and array.shape[1] != num_labels:
        raise TargetError(
            f"{name} has {array.shape[1]} columns but the model has num_labels={num_labels}. "
            "The logits are (batch_size, num_labels) and the targets must have that same shape: "
            f"load the model with num_labels={array.shape[1]} (the number of label names), or re-encode the targets "
            f"with the model's {num_labels} labels."
        )
    if require_float and not np.issubdtype(array.dtype, np.floating):
        raise TargetError(
            f"{name} has dtype {array.dtype}, but BCEWithLogitsLoss needs float targets "
            "(PyTorch says: result type Float can't be cast to the desired output type Long). "
            "Cast them to float32, e.g. labels.astype(np.float32) or tensor.float()."
        )
    if not (np.issubdtype(array.dtype, np.number) or array.dtype == bool):
        raise TargetError(f"{name} has dtype {array.dtype}; multi-hot rows hold the numbers 0 and 1.")
    if np.isnan(array.astype(np.float64)).any():
        rows = np.flatnonzero(np.isnan(array.astype(np.float64)).any(axis=1))[:5].tolist()
        raise TargetError(f"{name} contains NaN (first rows: {rows}). Fill missing labels with 0 or drop those rows.")
    bad = ~np.isin(array, (0, 1))
    if bad.any():
        raise TargetError(
            f"{name} contains values {np.unique(array[bad])[:5].tolist()}; multi-hot targets must be 0 or 1. "
            "If these are label indices or counts, encode the label sets with MultiHotEncoder instead."
        )
    return array


def check_thresholds(thresholds: float | np.ndarray | Sequence[float], num_labels: int | None) -> np.ndarray:
    """One threshold (0-D) or one per label (1-D of length num_labels), each a number in [0, 1]."""
    try:
        array = np.asarray(thresholds, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"thresholds must be numbers in [0, 1]; got {thresholds!r}.") from error
    if array.ndim > 1:
        raise ValueError(f"thresholds must be one number or one per label (1-D); got shape {array.shape}.")
    if array.ndim == 1 and num_labels is not None and len(array) != num_labels:
        raise ValueError(
            f"Got {len(array)} thresholds for {num_labels} labels. Give one threshold per label, "
            "in the label order of the probabilities, or a single number."
        )
    if np.isnan(array).any() or (array < 0).any() or (array > 1).any():
        raise ValueError(f"thresholds must lie in [0, 1]; got {np.atleast_1d(array)[:8].tolist()}.")
    return array


_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")  # Hangul fillers and the blank braille cell


def is_invisible(char: str) -> bool:
    """Spaces, control and format characters (zero-width space, BOM, soft hyphen) and blank letters."""
    return char.isspace() or char in _BLANK_LETTERS or unicodedata.category(char) in ("Cc", "Cf", "Zs", "Zl", "Zp")


def has_visible_text(text: str) -> bool:
    """False for '', spaces, and texts made only of invisible characters: such a text is empty to a reader."""
    return any(not is_invisible(char) for char in text)


def is_blank(text: str) -> bool:
    """True for a text with nothing to read (see `has_visible_text`)."""
    return not has_visible_text(text)


def check_texts(texts: object) -> list[str]:
    """A non-empty list of non-blank strings (one string is a batch of one)."""
    if isinstance(texts, str):
        texts = [texts]
    if not isinstance(texts, (list, tuple)):
        raise TypeError(f"Pass a list of texts (strings), got {type(texts).__name__}.")
    if not texts:
        raise ValueError("The batch is empty: pass at least one text.")
    for i, text in enumerate(texts):
        if text is None:
            raise TypeError(f"Text {i} is None. Drop missing texts (e.g. df.dropna(subset=['text'])) before predicting.")
        if not isinstance(text, str):
            raise TypeError(f"Text {i} is {type(text).__name__} {text!r}, not a string.")
        if is_blank(text):
            raise ValueError(f"Text {i} is empty (or only invisible characters); there is nothing to classify. Remove it first.")
    return list(texts)
