import numpy as np
import pytest

from helpers.checks import check_multi_hot, check_probabilities, check_thresholds, is_blank
from helpers.errors import TargetError


@pytest.mark.parametrize("text", ["", "   ", "\u200b", "\ufeff", "\u00a0\u200b\n\t", "\u2028", "\u00ad"])
def test_blank_texts_include_invisible_characters(text):
    assert is_blank(text)


@pytest.mark.parametrize("text", ["gut", " ok ", "\u200bgut", "😀", "1"])
def test_texts_with_something_to_read_are_not_blank(text):
    assert not is_blank(text)


def test_multi_hot_checks_name_the_mistake():
    assert check_multi_hot([[0, 1], [1, 1]], num_labels=2).shape == (2, 2)
    with pytest.raises(TargetError, match="one class index per text"):
        check_multi_hot([0, 1, 1], num_labels=2)
    with pytest.raises(TargetError, match="3 rows but there are 2 predictions"):
        check_multi_hot(np.zeros((3, 2)), num_labels=2, num_rows=2)
    with pytest.raises(TargetError, match="needs float targets"):
        check_multi_hot(np.zeros((3, 2), dtype=int), require_float=True)
    with pytest.raises(TargetError, match="must be 0 or 1"):
        check_multi_hot([[0, 2]])


def test_probabilities_and_thresholds_are_checked():
    with pytest.raises(ValueError, match="look like logits"):
        check_probabilities([[2.0, -1.0]])
    with pytest.raises(ValueError, match="2 thresholds for 3 labels"):
        check_thresholds([0.5, 0.5], 3)
    with pytest.raises(ValueError, match="must be numbers"):
        check_thresholds(["hoch"], 1)
