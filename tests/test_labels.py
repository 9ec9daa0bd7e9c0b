import numpy as np
import pytest
import torch

from helpers.errors import TargetError
from helpers.labels import MultiHotEncoder, check_targets

NAMES = ["Kundenservice", "Benutzererfahrung", "Lieferung", "Preis"]


def test_encoder_keeps_the_given_label_order_and_returns_float32():
    encoder = MultiHotEncoder(NAMES)
    rows = encoder.transform([["Preis", "Kundenservice"], ["Lieferung"], []])
    assert rows.dtype == np.float32
    assert rows.tolist() == [[1, 0, 0, 1], [0, 0, 1, 0], [0, 0, 0, 0]]
    assert encoder.inverse_transform(rows) == [["Kundenservice", "Preis"], ["Lieferung"], []]


def test_encoder_fitted_on_data_sorts_labels_like_multilabelbinarizer():
    from sklearn.preprocessing import MultiLabelBinarizer

    sets = [["Preis", "Lieferung"], ["Kundenservice"]]
    ours = MultiHotEncoder().fit_transform(sets)
    theirs = MultiLabelBinarizer().fit_transform(sets).astype(np.float32)
    np.testing.assert_array_equal(ours, theirs)


def test_encoder_rejects_unseen_labels_and_plain_strings():
    encoder = MultiHotEncoder(NAMES)
    with pytest.raises(TargetError, match="not among the 4 known labels"):
        encoder.transform([["Datenschutz"]])
    with pytest.raises(TargetError, match=r"split\('\|'\)"):
        encoder.transform(["Preis|Lieferung"])
    with pytest.raises(TargetError, match="No labels found"):
        MultiHotEncoder().fit([[], []])


def test_check_targets_passes_float_multi_hot_through():
    rows = np.array([[1, 0, 0, 1], [0, 1, 0, 0]], dtype=np.float32)
    assert check_targets(rows, 4) is rows or np.array_equal(check_targets(rows, 4), rows)
    assert check_targets(torch.tensor(rows), 4).dtype == np.float32


@pytest.mark.parametrize(
    ("targets", "message"),
    [
        (np.array([[1, 0, 0, 1]], dtype=np.int64), "cast them to float32"),
        (torch.tensor([[1, 0, 0, 1]]), "Float can't be cast to the desired output type Long"),
        ([[0, 3], [1]], "label indices"),
        ([[0, 3], [1, 2]], "length 2 but num_labels=4"),
        (np.array([2, 0, 1]), "one class index per text"),
        (np.zeros((2, 5), dtype=np.float32), "5 columns but the model has num_labels=4"),
        (np.array([[0.0, 2.0, 0.0, 1.0]], dtype=np.float32), "must be 0 or 1"),
        (np.array([[np.nan, 0, 0, 1]], dtype=np.float32), "NaN"),
    ],
)
def test_check_targets_explains_each_classic_mistake(targets, message):
    with pytest.raises(TargetError) as error:
        check_targets(targets, 4)
    assert message.lower() in str(error.value).lower()


def test_check_targets_warns_about_rows_without_labels():
    with pytest.warns(UserWarning, match="1 of 2 rows"):
        check_targets(np.array([[0, 0, 0, 0], [1, 0, 0, 0]], dtype=np.float32), 4)


@pytest.mark.parametrize(
    ("label_sets", "message"),
    [
        ([[0, 3], [1]], "holds the number 0: label sets hold label names, and numbers look like label indices"),
        ([[1.0, 0.0, 1.0]], "holds the number 1.0"),
        ([np.array([2, 5])], "holds the number 2:"),
        ([[np.int64(4)]], "holds the number 4:"),
        ([[True, False]], "holds the number True"),
        ([["Preis", 3]], "holds the number 3"),
        ([3, 1], "Row 0 is 3, not a list of label names. One number per text is the multiclass format"),
        ([None], "Row 0 is None; a text without labels is an empty list"),
        ([["Preis", None]], "holds NoneType None, not a label name"),
        ([{"Preis": 1, "Lieferung": 0}], "is a dict"),
        ([["Preis", " "]], "empty label name"),
        (7, "Expected one list of label names per text"),
    ],
)
def test_encoder_refuses_numbers_and_other_non_names_in_label_sets(label_sets, message):
    with pytest.raises(TargetError, match=message):
        MultiHotEncoder().fit(label_sets)
    with pytest.raises(TargetError, match=message):
        MultiHotEncoder(NAMES).transform(label_sets)


def test_encoder_keeps_digit_strings_as_label_names():
    encoder = MultiHotEncoder()
    rows = encoder.fit_transform([["1", "3"], ["10"]])  # labels read from a file are strings, even digits
    assert encoder.label_names == ["1", "10", "3"]
    assert rows.tolist() == [[1, 0, 1], [0, 1, 0]]


def test_encoder_label_names_must_be_distinct_strings():
    with pytest.raises(TargetError, match="label_names must be strings, got \\[0, 1, 2\\]"):
        MultiHotEncoder([0, 1, 2])
    with pytest.raises(TargetError, match="label_names is the string 'Preis'"):
        MultiHotEncoder("Preis")
    with pytest.raises(TargetError, match="duplicates: \\['Preis'\\]"):
        MultiHotEncoder(["Preis", "Lieferung", "Preis"])


@pytest.mark.parametrize("variant", ["preis", "PREIS", "Preis\u200b", "Pre\u00adis"])
def test_encoder_warns_about_labels_that_differ_only_in_case_or_spacing(variant):
    with pytest.warns(UserWarning, match="differ only in case, spacing or trailing punctuation"):
        MultiHotEncoder().fit([["Preis"], [variant], ["Lieferung"]])


def test_given_label_names_are_kept_in_their_order_by_fit_transform():
    from helpers.labels import MultiHotEncoder

    names = ["Kundenservice", "Benutzererfahrung", "Lieferung", "Produktqualität", "Preis", "Zahlung", "Rückgabe",
             "Datenschutz"]
    encoder = MultiHotEncoder(names)
    rows = encoder.fit_transform([["Preis"], ["Lieferung", "Kundenservice"], ["Preis", "Zahlung"]])
    assert encoder.label_names == names and rows.shape == (3, 8)
    assert rows[1].tolist() == [1, 0, 1, 0, 0, 0, 0, 0]
    with pytest.raises(Exception, match="not among the 8 known labels"):
        encoder.fit_transform([["Versand"]])
