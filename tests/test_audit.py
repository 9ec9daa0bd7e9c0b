"""The label audit: out-of-fold, ranks injected label errors high, names the label, leaves the data as it is."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from helpers.audit import audit_labels, disagreement

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from audit_injection import inject  # noqa: E402


def test_injected_errors_rank_high_and_the_changed_label_is_named():
    from helpers.data import load_embedded

    data = load_embedded()
    texts, clean = data.train.texts[:900], data.train.labels[:900]
    labels, injected = inject(clean, 0.1, seed=3)
    before = labels.copy()
    table = audit_labels(texts, labels, data.label_names)
    assert np.array_equal(labels, before)  # the audit changes nothing
    assert sorted(table["row"]) == list(range(len(texts))) and list(table["rank"]) == list(range(1, len(texts) + 1))
    top = table.head(2 * len(injected))
    found = [row for row in top["row"] if row in injected]
    assert len(found) / len(injected) >= 0.4, f"only {len(found)} of {len(injected)} injected errors in the top 2N"
    # far more than chance: 2N of 900 rows would hold about 20% of them
    named = sum(data.label_names.index(label) in np.flatnonzero(labels[row] != clean[row])
                for row, label in zip(top["row"], top["suspect_label"]) if row in injected)
    assert named >= len(found) / 2
    assert set(table["looks"]) <= {"missing", "wrong"}


def test_disagreement_is_high_for_a_given_label_without_sign_and_a_confident_missing_one():
    labels = np.array([[1, 0], [1, 0], [0, 1], [0, 1]])
    probabilities = np.array([[0.9, 0.1], [0.1, 0.1], [0.1, 0.9], [0.1, 0.2]])
    scores = disagreement(probabilities, labels)
    assert scores[1, 0] > scores[0, 0]  # given, but the model sees no sign of it
    assert scores.shape == labels.shape


def test_too_few_texts_are_refused_with_what_is_needed():
    with pytest.raises(ValueError, match="too few for a 5-fold audit"):
        audit_labels(["a", "b", "c"], np.eye(3)[:, :2], ["A", "B"])
