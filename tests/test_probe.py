import numpy as np
import pytest
import torch

from helpers.data import load_table
from helpers.inference import predict_logits
from helpers.models import classification_head, load_tokenizer, multilabel_model
from helpers.probe import fit_head_by_linear_probe, fit_probe, pooled_features


@pytest.fixture
def small_splits(reviews_csv):
    return load_table(reviews_csv)


def test_linear_probe_head_reproduces_the_logistic_regressions(tiny_model, small_splits):
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score

    tokenizer = load_tokenizer(tiny_model)
    torch.manual_seed(0)
    model = multilabel_model(tiny_model, small_splits.label_names)
    texts, labels = small_splits.train.texts, small_splits.train.labels
    before = classification_head(model).weight.detach().clone()
    score = fit_head_by_linear_probe(model, tokenizer, texts, labels, max_length=32)
    head = classification_head(model)
    assert not torch.equal(before, head.weight)
    features = pooled_features(model, tokenizer, texts, max_length=32)
    # the head holds one scikit-learn logistic regression per label, fitted by hand here
    by_hand = LogisticRegression(max_iter=2000).fit(features, labels[:, 0])
    np.testing.assert_allclose(head.weight.detach().numpy()[0], by_hand.coef_[0], rtol=1e-4, atol=1e-5)
    logits = features @ head.weight.detach().numpy().T + head.bias.detach().numpy()
    assert np.allclose(logits, predict_logits(model, tokenizer, texts, max_length=32), atol=1e-4)
    assert score == pytest.approx(f1_score(labels, logits > 0, average="micro", zero_division=0))


def test_a_label_on_every_or_no_text_gets_a_constant_score_and_a_message(capsys):
    features = np.random.default_rng(0).normal(size=(20, 4))
    labels = np.zeros((20, 3))
    labels[:, 0] = 1  # on every text
    labels[::2, 2] = 1  # an ordinary label; column 1 is on none
    weights, biases = fit_probe(features, labels, label_names=["immer", "nie", "manchmal"])
    out = capsys.readouterr().err  # warnings go to stderr
    assert not weights[0].any() and not weights[1].any() and weights[2].any()
    assert biases[0] > 0 > biases[1]
    assert "'immer' is on every training text" in out and "'nie' is on no training text" in out


def test_frozen_features_are_reused_only_for_the_same_weights_and_texts(tiny_model, small_splits, capsys):
    tokenizer = load_tokenizer(tiny_model)
    model = multilabel_model(tiny_model, small_splits.label_names)
    texts = small_splits.train.texts[:20]
    first = pooled_features(model, tokenizer, texts, max_length=32)
    again = pooled_features(model, tokenizer, texts, max_length=32)
    assert "reusing the features" in capsys.readouterr().out
    assert np.array_equal(first, again)
    pooled_features(model, tokenizer, texts[:10], max_length=32)  # other texts: computed
    assert "reusing" not in capsys.readouterr().out
    with torch.no_grad():
        model.bert.embeddings.word_embeddings.weight.mul_(2.0)  # as fine-tuning would change the body
    changed = pooled_features(model, tokenizer, texts, max_length=32)
    assert "reusing" not in capsys.readouterr().out
    assert not np.allclose(first, changed)
