import numpy as np

import pytest

from helpers.baselines import embedding_probabilities, mean_pooled_embeddings, tfidf_char_probabilities, tfidf_probabilities
from helpers.data import load_table


@pytest.mark.parametrize("baseline", [tfidf_probabilities, tfidf_char_probabilities])
def test_tfidf_probabilities_have_one_column_per_label(reviews_csv, baseline):
    splits = load_table(reviews_csv)
    validation, test = baseline(splits.train.texts, splits.train.labels, splits.validation.texts, splits.test.texts)
    assert validation.shape == splits.validation.labels.shape and test.shape == splits.test.labels.shape
    assert validation.dtype == np.float32 and 0 <= validation.min() and validation.max() <= 1


def test_mean_pooling_ignores_padding(tiny_model):
    short, long = "Zu teuer.", "Das Paket kam viel zu spät und der Kundenservice hat nie geantwortet."
    alone = mean_pooled_embeddings(tiny_model.name_or_path, [short])
    together = mean_pooled_embeddings(tiny_model.name_or_path, [long, short])
    np.testing.assert_allclose(alone[0], together[1], atol=1e-5)  # and the order of the input is kept


def test_embedding_probabilities(tiny_model, reviews_csv):
    splits = load_table(reviews_csv)
    (test,) = embedding_probabilities(tiny_model.name_or_path, splits.train.texts, splits.train.labels, splits.test.texts)
    assert test.shape == splits.test.labels.shape
