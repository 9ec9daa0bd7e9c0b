"""The embedded German reviews: every promise of the datasheet, checked on the committed files."""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

import numpy as np
import pytest

from helpers.data import SPLIT_NAMES, load_embedded

DATA = Path(__file__).resolve().parents[1] / "data"
LABELS = [
    "Kundenservice", "Benutzererfahrung", "Lieferung", "Produktqualität",
    "Preis", "Zahlung", "Rückgabe", "Datenschutz",
]


@pytest.fixture(scope="module")
def splits():
    return load_embedded()


@pytest.fixture(scope="module")
def everything(splits) -> np.ndarray:
    return np.vstack([splits[name].labels for name in SPLIT_NAMES])


@pytest.fixture(scope="module")
def baseline(splits) -> dict[str, float]:
    """The datasheet's TF-IDF + one-vs-rest logistic regression, threshold 0.5: micro-F1 per split."""
    from sklearn.metrics import f1_score

    from helpers.baselines import tfidf_probabilities

    probabilities = tfidf_probabilities(splits.train.texts, splits.train.labels,
                                        splits.validation.texts, splits.test.texts)
    scores = {}
    for name, split_probabilities in zip(("validation", "test"), probabilities):
        predicted = (split_probabilities >= 0.5).astype(int)
        scores[name] = f1_score(splits[name].labels.astype(int), predicted, average="micro", zero_division=0)
    return scores


def test_label_order_is_fixed(splits):
    assert json.loads((DATA / "labels.json").read_text(encoding="utf-8")) == LABELS
    assert splits.label_names == LABELS
    assert {"Kundenservice", "Benutzererfahrung"} <= set(splits.label_names)


def test_csv_files_have_the_documented_columns():
    ids = []
    for name in SPLIT_NAMES:
        with open(DATA / f"reviews_{name}.csv", encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert list(rows[0]) == ["id", "text", "labels", "primary_label"]
        for row in rows:
            labels = row["labels"].split("|")
            assert labels == sorted(labels, key=LABELS.index), f"{row['id']}: labels not in the fixed order"
        ids += [row["id"] for row in rows]
    assert len(ids) == len(set(ids))


def test_size_and_split_fractions(splits):
    sizes = splits.sizes()
    total = sum(sizes.values())
    assert total >= 2400
    for name, fraction in zip(SPLIT_NAMES, (0.7, 0.15, 0.15)):
        assert abs(sizes[name] / total - fraction) < 0.02, sizes


def test_labels_are_float32_multi_hot(splits):
    for name in SPLIT_NAMES:
        labels = splits[name].labels
        assert labels.dtype == np.float32
        assert labels.shape == (len(splits[name]), len(LABELS))
        assert set(np.unique(labels)) <= {0.0, 1.0}
        assert labels.sum(axis=1).min() >= 1, f"{name}: a review without a label"
        assert labels.sum(axis=0).min() >= 5, f"{name}: a label that (almost) never occurs"


def test_label_cardinality(everything):
    per_review = everything.sum(axis=1)
    assert (per_review >= 2).mean() >= 0.25
    assert 0.03 <= (per_review == 3).mean() <= 0.08
    assert per_review.max() == 3


def test_label_frequencies_are_imbalanced(everything):
    counts = everything.sum(axis=0)
    assert counts.max() >= 5 * counts.min()
    assert LABELS[int(counts.argmin())] == "Datenschutz"


def test_primary_label_is_one_of_the_labels(splits):
    for name in SPLIT_NAMES:
        split = splits[name]
        assert split.primary is not None
        for row, primary in zip(split.labels, split.primary):
            assert primary in LABELS and row[LABELS.index(primary)] == 1.0


def test_no_text_repeats_within_or_across_splits(splits):
    seen: dict[str, str] = {}
    for name in SPLIT_NAMES:
        for text in splits[name].texts:
            key = " ".join(text.lower().split())
            assert key not in seen, f"{text!r} in {name} and {seen[key]}"
            seen[key] = name


def test_lengths_range_from_a_few_words_to_about_120(splits):
    words = [len(text.split()) for name in SPLIT_NAMES for text in splits[name].texts]
    assert min(words) <= 5
    assert 80 <= max(words) <= 140


def test_tfidf_baseline_leaves_room_to_learn(baseline):
    assert 0.55 <= baseline["test"] <= 0.85, baseline
    assert 0.55 <= baseline["validation"] <= 0.85, baseline


# --- the datasheet cannot go stale ----------------------------------------------------------


@pytest.fixture(scope="module")
def stats_section() -> str:
    text = (DATA / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- stats:start -->(.*)<!-- stats:end -->", text, re.S)
    assert match, "data/README.md lacks its stats markers"
    return match.group(1)


def test_datasheet_counts_match_the_data(splits, everything, stats_section):
    total = len(everything)
    for name in SPLIT_NAMES:
        assert f"| {name} | {len(splits[name])} |" in stats_section
    assert f"| total | {total} |" in stats_section
    for j, label in enumerate(LABELS):
        per = [int(splits[name].labels[:, j].sum()) for name in SPLIT_NAMES]
        assert f"| {label} | {per[0]} | {per[1]} | {per[2]} | {sum(per)} |" in stats_section, label
    per_review = everything.sum(axis=1)
    for k in (1, 2, 3):
        assert f"| {k} | {int((per_review == k).sum())} |" in stats_section
    words = [len(t.split()) for name in SPLIT_NAMES for t in splits[name].texts]
    assert f"| words | {min(words)} | {np.median(words):.0f} | {np.mean(words):.1f} | {max(words)} |" in stats_section


def test_datasheet_baseline_matches(baseline, stats_section):
    for name in ("validation", "test"):
        match = re.search(rf"\| {name} \| (0\.\d+) \|", stats_section)
        assert match, f"no {name} baseline row in the datasheet"
        assert abs(float(match.group(1)) - baseline[name]) < 0.01, (name, match.group(1), baseline[name])


def test_committed_files_are_what_the_build_script_makes():
    """Rebuilding in memory gives the committed rows: the data and its generator agree."""
    import pandas as pd

    sys.path.insert(0, str(DATA / "build"))
    try:
        import compose
    finally:
        sys.path.remove(str(DATA / "build"))
    rebuilt = compose.build()
    for name in SPLIT_NAMES:
        committed = pd.read_csv(DATA / f"reviews_{name}.csv", keep_default_na=False, dtype=str)
        pd.testing.assert_frame_equal(rebuilt[name][compose.COLUMNS].astype(str), committed)
