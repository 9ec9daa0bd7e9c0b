"""Label encoding for multi-label targets and checks that explain the classic mistakes.

`BCEWithLogitsLoss` compares logits of shape ``(batch_size, num_labels)`` with targets of the
same shape, as floats. Most first attempts fail on one of four things: integer targets, lists
of label indices instead of multi-hot rows, a row width that is not ``num_labels``, or values
other than 0 and 1. `check_targets` turns each of them into a message that says what to do.
"""

from __future__ import annotations

import unicodedata
import warnings
from collections.abc import Iterable, Sequence

import numpy as np
from sklearn.preprocessing import MultiLabelBinarizer

from helpers.checks import check_multi_hot
from helpers.errors import TargetError


class MultiHotEncoder:
    """scikit-learn's `MultiLabelBinarizer` with a fixed label order and float32 output.

    The label order is the column order of every multi-hot row, of the model's logits and
    of `id2label`; fixing it once here keeps all three aligned.
    """

    def __init__(self, label_names: Sequence[str] | None = None) -> None:
        if isinstance(label_names, str):
            raise TargetError(
                f"label_names is the string {label_names!r}; pass a list of names, e.g. ['Preis', 'Lieferung']."
            )
        if label_names is not None:
            label_names = list(label_names)
            odd = [name for name in label_names if not isinstance(name, str)]
            if odd:
                raise TargetError(
                    f"label_names must be strings, got {odd[:3]!r}: numbers look like label indices. Pass the names "
                    "in column order, e.g. ['Kundenservice', 'Lieferung', 'Preis']."
                )
            if len(set(label_names)) != len(label_names):
                twice = sorted({name for name in label_names if label_names.count(name) > 1})
                raise TargetError(f"label_names has duplicates: {twice}.")
        self._given = list(label_names) if label_names else None
        self._binarizer = MultiLabelBinarizer(classes=self._given)
        if self._given:
            self._binarizer.fit([])  # with explicit classes, fitting only freezes the order

    @property
    def label_names(self) -> list[str]:
        if not hasattr(self._binarizer, "classes_"):
            raise RuntimeError("The encoder has no labels yet: call fit(label_sets) or pass label_names.")
        return [str(name) for name in self._binarizer.classes_]

    def fit(self, label_sets: Iterable[Iterable[str]]) -> MultiHotEncoder:
        """Learn the label names (sorted) from the training label sets; names given to the constructor are kept,
        in their order, and a label outside them is an error (in `transform`)."""
        label_sets = _as_label_sets(label_sets)
        if not any(label_sets):
            raise TargetError("No labels found at all: every row has an empty label set. Check the label column.")
        if self._given:
            return self  # the names and their order were given: fitting must not replace them
        self._binarizer = MultiLabelBinarizer().fit(label_sets)
        _warn_about_variants(self.label_names)
        return self

    def transform(self, label_sets: Iterable[Iterable[str]]) -> np.ndarray:
        """Label sets -> float32 multi-hot rows of shape (n, num_labels)."""
        label_sets = _as_label_sets(label_sets)
        known = set(self.label_names)
        unseen = sorted({label for labels in label_sets for label in labels} - known)
        if unseen:
            raise TargetError(
                f"Labels {unseen} are not among the {len(known)} known labels {self.label_names}. "
                "A model can only predict labels it saw in training: add examples of them to the "
                "training split or drop them from this split."
            )
        return self._binarizer.transform(label_sets).astype(np.float32)

    def fit_transform(self, label_sets: Iterable[Iterable[str]]) -> np.ndarray:
        label_sets = _as_label_sets(label_sets)
        return self.fit(label_sets).transform(label_sets)

    def inverse_transform(self, multi_hot: np.ndarray) -> list[list[str]]:
        """Multi-hot (or 0/1 prediction) rows -> label lists in the fixed label order."""
        rows = np.asarray(multi_hot)
        if rows.ndim != 2 or rows.shape[1] != len(self.label_names):
            raise TargetError(f"Expected rows of width {len(self.label_names)}, got shape {rows.shape}.")
        names = self.label_names
        return [[names[j] for j in np.flatnonzero(row > 0.5)] for row in rows]


def _as_label_sets(label_sets: Iterable[Iterable[str]]) -> list[list[str]]:
    """Each row as a list of label names; numbers, dicts, None and plain strings are refused with a fix."""
    if isinstance(label_sets, str) or not isinstance(label_sets, Iterable):
        raise TargetError(
            f"Expected one list of label names per text, got {type(label_sets).__name__} {label_sets!r:.60}. "
            "Pass e.g. [['Preis', 'Lieferung'], ['Kundenservice']]."
        )
    result = []
    for i, labels in enumerate(label_sets):
        if isinstance(labels, str):
            raise TargetError(
                f"Row {i} holds the string {labels!r}, not a list of labels. Split it first, "
                "for example labels.split('|'), so that each row is a list such as ['Lieferung', 'Preis']."
            )
        if isinstance(labels, dict):
            raise TargetError(
                f"Row {i} is a dict {labels!r:.60}; give the list of labels that apply, "
                "e.g. [name for name, flag in row.items() if flag]."
            )
        if labels is None:
            raise TargetError(f"Row {i} is None; a text without labels is an empty list [].")
        if isinstance(labels, (bool, int, float, np.number)):
            raise TargetError(
                f"Row {i} is {labels!r}, not a list of label names. One number per text is the multiclass format "
                "(a class index); for multi-label targets give each text the list of its label names."
            )
        row = []
        for label in labels:
            if isinstance(label, str):
                if not label.strip():
                    raise TargetError(f"Row {i} holds an empty label name {label!r}. Leave it out of the list.")
                row.append(label)
            elif isinstance(label, (bool, int, float, np.number)):
                number = label.item() if isinstance(label, np.generic) else label
                raise TargetError(
                    f"Row {i} holds the number {number!r}: label sets hold label names, and numbers look like label "
                    "indices (or 0/1 flags of a multi-hot row). Give the names, e.g. ['Preis', 'Lieferung']; to turn "
                    "indices into names use [label_names[j] for j in row]; multi-hot rows need no encoder at all. "
                    "(Labels that are digits, such as '3' read from a file, are fine as strings.)"
                )
            else:
                raise TargetError(f"Row {i} holds {type(label).__name__} {label!r:.60}, not a label name (a string).")
        result.append(row)
    return result


def variant_key(label: str) -> str:
    """Labels with the same key differ only in case, spacing, invisible characters or trailing punctuation
    ("Preis", "preis", "Preis " and "Preis." are variants of one label)."""
    folded = unicodedata.normalize("NFKC", label).casefold()
    spaced = " ".join("".join(c for c in folded if unicodedata.category(c) != "Cf").split())
    return spaced.rstrip(".,;:!?") or spaced


def _warn_about_variants(names: Sequence[str]) -> None:
    """Warn when label names differ only in case, spacing or trailing punctuation: they become separate columns."""
    seen: dict[str, str] = {}
    for name in names:
        key = variant_key(name)
        if key in seen:
            warnings.warn(
                f"The labels {seen[key]!r} and {name!r} differ only in case, spacing or trailing punctuation, so they are two separate "
                "labels. If they mean the same, write them one way (helpers.data.load_table merges them).",
                stacklevel=3,
            )
            return
        seen[key] = name


def check_targets(targets: object, num_labels: int, *, name: str = "targets") -> np.ndarray:
    """Return `targets` as a float32 array of shape (n, num_labels), or raise a `TargetError`.

    Catches the mistakes `BCEWithLogitsLoss` would otherwise report with a cryptic message:
    integer dtype, lists of label indices, the wrong width, NaN and values other than 0/1.
    Rows without any label are allowed (a text can have no topic) but produce a warning.
    """
    array = check_multi_hot(_to_numpy(targets, num_labels, name), num_labels=num_labels, name=name, require_float=True)
    empty = int((array.sum(axis=1) == 0).sum())
    if empty:
        warnings.warn(
            f"{empty} of {len(array)} rows in {name} have no label at all. That is allowed (BCE learns "
            "'none of these'), but check that it is intended.",
            stacklevel=2,
        )
    return array.astype(np.float32, copy=False)


def _to_numpy(targets: object, num_labels: int, name: str) -> np.ndarray:
    if hasattr(targets, "detach"):  # a torch tensor, without importing torch here
        return targets.detach().cpu().numpy()
    if isinstance(targets, np.ndarray):
        return targets
    rows = list(targets)  # type: ignore[call-overload]
    if rows and all(isinstance(row, (list, tuple)) for row in rows):
        lengths = {len(row) for row in rows}
        if len(lengths) > 1:
            raise TargetError(
                f"{name} rows have different lengths {sorted(lengths)[:5]}: these look like lists of "
                f"label indices (e.g. [0, 3]). Turn them into multi-hot rows of width {num_labels}, "
                f"e.g. [1, 0, 0, 1, 0, 0, 0, 0], with MultiHotEncoder."
            )
        if lengths and lengths != {num_labels}:
            raise TargetError(
                f"{name} rows have length {lengths.pop()} but num_labels={num_labels}. If each row lists "
                f"label indices, turn them into multi-hot rows of width {num_labels} with MultiHotEncoder."
            )
    return np.asarray(rows)
