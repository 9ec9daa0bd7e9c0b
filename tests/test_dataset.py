"""The embedded German reviews: every promise of the datasheet, checked on the committed files."""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import pytest

from helpers.data import SPLIT_NAMES, load_embedded

DATA = Path(__file__).resolve().parents[1] / "data"
RECORD = DATA / "build" / "review_fragments.csv"
LABELS = [
    "Kundenservice", "Benutzererfahrung", "Lieferung", "Produktqualität",
    "Preis", "Zahlung", "Rückgabe", "Datenschutz",
]
MAX_SEEN_SENTENCES = 0.02  # share of validation / test sentences that may also occur in train


@pytest.fixture(scope="module")
def splits():
    return load_embedded()


@pytest.fixture(scope="module")
def everything(splits) -> np.ndarray:
    return np.vstack([splits[name].labels for name in SPLIT_NAMES])


@pytest.fixture(scope="module")
def compose():
    """The build script as a module (data/build is not a package)."""
    sys.path.insert(0, str(DATA / "build"))
    try:
        import compose
    finally:
        sys.path.remove(str(DATA / "build"))
    return compose


@pytest.fixture(scope="module")
def record() -> list[dict[str, str]]:
    with open(RECORD, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def baseline(splits) -> dict[str, dict[str, float]]:
    """TF-IDF + one-vs-rest logistic regression as the helpers build it; micro-F1 per split at 0.5
    and at per-label thresholds tuned on validation (no at-least-one rule)."""
    from sklearn.metrics import f1_score

    from helpers.baselines import tfidf_probabilities
    from helpers.thresholds import tune_thresholds

    validation, test = tfidf_probabilities(splits.train.texts, splits.train.labels,
                                           splits.validation.texts, splits.test.texts)
    tuned, _ = tune_thresholds(validation, splits.validation.labels, splits.label_names,
                               strategy="per_label", at_least_one=False)
    scores: dict[str, dict[str, float]] = {"0.5": {}, "per_label": {}}
    for name, probabilities in (("validation", validation), ("test", test)):
        truth = splits[name].labels.astype(int)
        scores["0.5"][name] = f1_score(truth, (probabilities >= 0.5).astype(int), average="micro", zero_division=0)
        scores["per_label"][name] = f1_score(truth, tuned.apply(probabilities).astype(int), average="micro",
                                             zero_division=0)
    print(f"TF-IDF test micro-F1: {scores['per_label']['test']:.3f} at per-label thresholds tuned on validation, "
          f"{scores['0.5']['test']:.3f} at 0.5")
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
    assert total >= 2600
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


def test_every_label_has_about_its_share_in_every_split(splits, everything):
    """Iterative stratification of the label sets: each label's share of a split is close to its overall share."""
    overall = everything.mean(axis=0)
    for name in SPLIT_NAMES:
        share = splits[name].labels.mean(axis=0)
        assert np.all(np.abs(share - overall) <= 0.03), (name, dict(zip(LABELS, share.round(3))))


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


def test_annotator_slips_stay_rare(record):
    slips = sum(1 for row in record if row["untagged"])
    assert 0 < slips / len(record) <= 0.03, slips


# --- the split by fragment, proved twice --------------------------------------------------------


def test_record_lists_every_review_once_with_its_split():
    ids = {}
    for name in SPLIT_NAMES:
        with open(DATA / f"reviews_{name}.csv", encoding="utf-8", newline="") as handle:
            ids.update({row["id"]: name for row in csv.DictReader(handle)})
    with open(RECORD, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["id", "split", "fragments", "untagged"]
    assert {row["id"]: row["split"] for row in rows} == ids
    assert len(rows) == len(ids)
    assert all(row["fragments"].split() for row in rows), "a review without fragments in the record"


def test_no_fragment_is_used_in_two_splits(record):
    """Proof one, on the build's record: every fragment id belongs to the reviews of one split only."""
    splits_of: dict[str, set[str]] = defaultdict(set)
    for row in record:
        for fid in row["fragments"].split():
            splits_of[fid].add(row["split"])
    shared = {fid: sorted(names) for fid, names in splits_of.items() if len(names) > 1}
    assert not shared, f"{len(shared)} fragments used in two splits, e.g. {list(shared.items())[:5]}"
    print(f"{len(splits_of)} fragments used, none of them by two splits")


def test_record_matches_the_bank_and_its_split(record, compose):
    """The record's ids are fragments of today's bank, and each sits in the split the bank gave it."""
    entries = compose.bank_entries()
    split_of = compose.bank_split(entries)
    for row in record:
        for fid in row["fragments"].split():
            assert fid in split_of, f"{row['id']}: fragment {fid} is not in the bank"
            assert split_of[fid] == row["split"], f"{row['id']} ({row['split']}) uses {fid} of {split_of[fid]}"


_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _sentences(text: str) -> list[str]:
    """Written here on purpose, independent of the build: cut after . ! ?, lower-case, fold umlauts and ß,
    drop punctuation, collapse spaces."""
    out = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        normal = " ".join(re.sub(r"[^\w\s]", " ", sentence.lower().translate(_FOLD)).split())
        if normal:
            out.append(normal)
    return out


@pytest.fixture(scope="module")
def overlap(splits) -> dict[str, tuple[int, int]]:
    train = {s for text in splits.train.texts for s in _sentences(text)}
    result = {}
    for name in ("validation", "test"):
        sentences = [s for text in splits[name].texts for s in _sentences(text)]
        result[name] = (sum(s in train for s in sentences), len(sentences))
    print("sentences also in train: " + ", ".join(
        f"{name} {seen} of {total} ({seen / total:.2%})" for name, (seen, total) in result.items()))
    return result


def test_validation_and_test_sentences_are_new_to_train(overlap):
    """Proof two, on the texts: at most 2% of validation and of test sentences also occur in train."""
    for name, (seen, total) in overlap.items():
        assert seen / total <= MAX_SEEN_SENTENCES, f"{name}: {seen} of {total} sentences also occur in train"


def test_the_overlap_check_catches_a_leak(splits):
    """The sentence check is not vacuous: train reviews re-cased, with ä as ae and extra punctuation, are caught."""
    train = {s for text in splits.train.texts for s in _sentences(text)}
    leaked = [text.upper().replace("Ä", "AE").replace(",", " ,") + "!!" for text in splits.train.texts[:50]]
    assert all(s in train for text in leaked for s in _sentences(text))


# --- the fragment bank ------------------------------------------------------------------------


def test_bank_is_at_least_twice_as_large_as_before_issue_12(compose):
    now = compose.count_bank(compose.bank_entries())
    assert now["total"] >= 2 * compose.BANK_BEFORE["total"], (now["total"], compose.BANK_BEFORE)
    assert now["topic"] >= 2 * compose.BANK_BEFORE["topic"]
    for style in ("negation", "comparison", "irony"):
        assert now[f"style {style}"] >= 8 * len(LABELS), style


def test_every_label_has_plenty_of_fragments_of_every_kind_in_every_split(compose):
    """Each split can write its own reviews about every label: explicit, implicit and brief sentences,
    sentences with negation, comparisons and irony, and distractors that borrow the label's words."""
    entries = compose.bank_entries()
    split_of = compose.bank_split(entries)
    minimum = {"explicit": 12, "implicit": 10, "brief": 4}
    for label in LABELS:
        topic = [e for e in entries if e.role == "topic" and e.labels[0] == label]
        distractors = [e for e in entries if e.role == "distractor" and e.about == label]
        for name in SPLIT_NAMES:
            for kind, least in minimum.items():
                count = sum(split_of[e.fid] == name and e.kind == kind for e in topic)
                assert count >= least, f"{label}: {count} {kind} sentences in {name}"
            for style in ("negation", "comparison", "irony"):
                count = sum(split_of[e.fid] == name and style in e.style for e in topic)
                assert count >= 1, f"{label}: no sentence with {style} in {name}"
            assert sum(split_of[e.fid] == name for e in distractors) >= 3, f"{label}: distractors in {name}"


def test_the_bank_refuses_a_sentence_written_twice(compose, tmp_path):
    """Two fragments that can write the same sentence would put it into two splits: the build stops."""
    from bank import BankError, Entry, check_bank

    source = tmp_path / "fragments.py"
    source.write_text('OPENERS = ["Naja."]\nVAGUE = ["[naja|hm]."]\n', encoding="utf-8")
    twins = [Entry("oz1", "opener", "Naja."), Entry("v1", "vague", "[naja|hm].")]
    with pytest.raises(BankError, match=r"'naja' from oz1 \(fragments.py:1\) and v1 \(fragments.py:2\)"):
        check_bank(twins, source)


# --- difficulty -------------------------------------------------------------------------------


def test_tfidf_baseline_with_tuned_thresholds_lands_in_the_band(baseline):
    """Hard enough that a transformer has room to beat it, easy enough that the labels are learnable."""
    assert 0.55 <= baseline["per_label"]["test"] <= 0.80, baseline


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


def test_datasheet_overlap_matches(overlap, stats_section):
    for name, (seen, total) in overlap.items():
        assert f"| now (bank split) | {name} | {seen} of {total} |" in stats_section, name


def test_datasheet_baseline_matches(baseline, stats_section):
    for setting, title in (("0.5", "0.5 for every label"), ("per_label", "per-label thresholds tuned on validation")):
        match = re.search(rf"\| {re.escape(title)} \| (0\.\d+) \| 0\.\d+ \| (0\.\d+) \|", stats_section)
        assert match, f"no '{title}' baseline row in the datasheet"
        for value, name in zip(match.groups(), ("validation", "test")):
            assert abs(float(value) - baseline[setting][name]) < 0.0015, (setting, name, value, baseline[setting])


def test_committed_files_are_what_the_build_script_makes(compose, capsys):
    """One command rebuilds the data byte for byte: `compose.py --check` compares a fresh in-memory
    build (CSVs, labels.json, the fragment record, the datasheet) with the committed files."""
    assert compose.main(["--check"]) == 0, capsys.readouterr().err
