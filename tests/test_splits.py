"""The Splits model, iterative stratification and check_trainable."""

import numpy as np
import pytest

from helpers.data import load_table
from helpers.errors import DataError
from helpers.splits import Split, Splits, stratified_indices

from data_files import rows_as_csv, review_rows, write_text_file


def test_stratified_split_keeps_every_label_share_close():
    rng = np.random.default_rng(0)
    labels = (rng.random((1000, 6)) < [0.5, 0.3, 0.2, 0.1, 0.05, 0.03]).astype(np.float32)
    parts = stratified_indices(labels, (0.7, 0.15, 0.15), seed=0)
    assert sorted(np.concatenate(parts).tolist()) == list(range(1000))
    overall = labels.mean(axis=0)
    for part in parts:
        assert np.abs(labels[part].mean(axis=0) - overall).max() < 0.02

def test_shrink_keeps_the_label_order_and_sizes(reviews_csv):
    small = load_table(reviews_csv).shrink(40, 10)
    sizes = small.sizes()
    assert abs(sizes["train"] - 40) <= 3 and abs(sizes["validation"] - 10) <= 3 and abs(sizes["test"] - 10) <= 3
    assert small.label_names == ["Kundenservice", "Lieferung", "Preis", "Produktqualität"]

def test_split_shapes_are_checked():
    with pytest.raises(DataError, match="2 texts but labels of shape"):
        Split(["a", "b"], np.zeros((3, 2)))
    part = Split(["a"], np.zeros((1, 2)))
    with pytest.raises(DataError, match="3 label names"):
        Splits(part, part, part, label_names=["x", "y", "z"])

@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([("Gut", ["Preis", "Lieferung"])], r"has 1 row\. It is split into train, validation and test, which needs at least 3"),
        (review_rows(5), r"'Kundenservice' is on only 2 rows \(lines 4, 6\).*Split three ways, each label needs at least 3"),
        (review_rows() + [("Datenschutz", ["Datenschutz"])], r"'Datenschutz' is on only 1 row \(line 32\)"),
        ([(t, labels + ["Alle"]) for t, labels in review_rows()], r"the label 'Alle' is on every row \(30\)"),
    ],
    ids=["one-row", "handful", "label-once", "label-on-every-row"],
)
def test_too_little_data_is_refused_before_training(tmp_path, rows, message):
    with pytest.raises(DataError, match=message):
        load_table(write_text_file(tmp_path / "small.csv", rows_as_csv(rows)))

def test_check_trainable_names_what_each_split_lacks(tmp_path):
    from helpers.data import check_trainable

    rows = review_rows()
    train = write_text_file(tmp_path / "train.csv", rows_as_csv(rows))
    other = [(text.replace("Bewertung", "Meinung"), labels) for text, labels in rows]
    validation = write_text_file(tmp_path / "validation.csv", rows_as_csv([r for r in other if "Preis" not in r[1]]))
    test = write_text_file(tmp_path / "test.csv", rows_as_csv(other[:6]))
    with pytest.raises(DataError, match=r"'Preis': no validation text with it \(in .*validation\.csv\).*threshold is tuned there"):
        load_table(train, validation, test)
    everywhere = write_text_file(tmp_path / "all.csv", rows_as_csv([(t, labels + ["Alle"]) for t, labels in rows[:6]]))
    with pytest.raises(DataError, match=r"'Alle': it is on all 6 training texts"):
        load_table(everywhere, test, test)
    with pytest.warns(UserWarning, match="appear in both validation and test"):
        splits = load_table(train, test, test)
    check_trainable(splits)
    part = Split(["a", "b"], np.array([[1, 0], [0, 1]]))
    with pytest.raises(DataError, match="the test split is empty"):
        check_trainable(Splits(part, part, Split([], np.zeros((0, 2))), label_names=["x", "y"]))
    with pytest.raises(DataError, match="'y': no training text with it"):
        check_trainable(Splits(Split(["a", "b"], np.array([[1, 0], [0, 0]])), part, part, label_names=["x", "y"]))
