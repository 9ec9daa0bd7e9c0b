"""Classic baselines a fine-tuned transformer has to beat: TF-IDF and frozen sentence embeddings.

Each fits one logistic regression per label (one-vs-rest) on the training split and returns
probabilities, so they are tuned and scored exactly like the transformer. Two TF-IDF variants:
words (and word pairs), and words plus character n-grams, which read German compounds and
misspellings ("Lieferverzögerung", "verspaetung") that word features and an English subword
vocabulary break apart.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def _one_vs_rest():
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier

    return OneVsRestClassifier(LogisticRegression(max_iter=2000))


def tfidf_probabilities(train_texts: Sequence[str], train_labels: np.ndarray,
                        *texts: Sequence[str]) -> list[np.ndarray]:
    """TF-IDF (words and word pairs) + one-vs-rest logistic regression; probabilities for each of `texts`."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_pipeline

    model = make_pipeline(TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), min_df=2), _one_vs_rest())
    model.fit(list(train_texts), np.asarray(train_labels))
    return [model.predict_proba(list(part)).astype(np.float32) for part in texts]


def tfidf_char_probabilities(train_texts: Sequence[str], train_labels: np.ndarray,
                             *texts: Sequence[str]) -> list[np.ndarray]:
    """TF-IDF of words and of character 2-5-grams within word boundaries + one-vs-rest logistic regression."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_pipeline, make_union

    features = make_union(
        TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), min_df=2),
        TfidfVectorizer(sublinear_tf=True, analyzer="char_wb", ngram_range=(2, 5), min_df=2),
    )
    model = make_pipeline(features, _one_vs_rest())
    model.fit(list(train_texts), np.asarray(train_labels))
    return [model.predict_proba(list(part)).astype(np.float32) for part in texts]


def mean_pooled_embeddings(model_path: str, texts: Sequence[str], *, max_length: int = 128,
                           batch_size: int = 64) -> np.ndarray:
    """Sentence embeddings: the encoder's token vectors averaged over the real (unpadded) tokens."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    from helpers.inference import batches_by_length

    tokenizer = AutoTokenizer.from_pretrained(model_path)
    encoder = AutoModel.from_pretrained(model_path).eval()
    vectors = np.zeros((len(texts), encoder.config.hidden_size), dtype=np.float32)
    with torch.no_grad():
        for rows, batch in batches_by_length(tokenizer, list(texts), max_length, batch_size, "Embedding"):
            hidden = encoder(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).float()
            vectors[rows] = ((hidden * mask).sum(1) / mask.sum(1)).numpy()
    return vectors


def embedding_probabilities(model_path: str, train_texts: Sequence[str], train_labels: np.ndarray,
                            *texts: Sequence[str], max_length: int = 128) -> list[np.ndarray]:
    """Frozen mean-pooled embeddings + one-vs-rest logistic regression; probabilities for each of `texts`."""
    classifier = _one_vs_rest().fit(mean_pooled_embeddings(model_path, train_texts, max_length=max_length),
                                    np.asarray(train_labels))
    return [classifier.predict_proba(mean_pooled_embeddings(model_path, part, max_length=max_length)).astype(np.float32)
            for part in texts]
