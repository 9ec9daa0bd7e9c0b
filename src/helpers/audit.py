"""Which of your labels look wrong? An out-of-fold audit of a labelled data set; it never changes the data.

Every text is scored by a model that did not see it: the texts are cut into folds by iterative stratification
(`iterstrat`'s `MultilabelStratifiedKFold`, so every fold keeps each label's share), a model is fitted on the
other folds, and it gives each text a probability per label. Where a text's given label and that probability
disagree most, the label looks wrong (given, but the model finds no sign of it) or missing (not given, but the
model is confident). Texts are ranked by their strongest disagreement.

The model is TF-IDF of words and character n-grams with one logistic regression per label
(`helpers.baselines`): it trains in seconds even on 20,000 texts on 2 cores (docs/BENCHMARKS.md measures it), needs
no GPU, and does not share the fine-tuned model's blind spots. Its probabilities are not calibrated (they sit
low for every label), so each label's probabilities are put on one scale first: 0 at the mean over the texts
without the label, 1 at the mean over the texts with it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from helpers.errors import DataError
from helpers.reporting import get_logger

log = get_logger(__name__)

MODEL_DESCRIPTION = "TF-IDF (words + character n-grams) + one logistic regression per label, out of fold"


def out_of_fold_probabilities(texts: Sequence[str], labels: np.ndarray, *, folds: int = 5,
                              seed: int = 0) -> np.ndarray:
    """Probabilities (n, num_labels) for every text from a model fitted on the other folds."""
    from iterstrat.ml_stratifiers import MultilabelStratifiedKFold
    from threadpoolctl import threadpool_limits
    from tqdm.auto import tqdm

    texts = list(texts)
    labels = np.asarray(labels)
    if len(texts) != len(labels):
        raise ValueError(f"{len(texts)} texts but {len(labels)} label rows; give one row per text.")
    if len(texts) < 2 * folds:
        raise DataError(f"{len(texts)} texts are too few for a {folds}-fold audit; it needs at least {2 * folds}. Add "
                        "texts, or audit with fewer folds (folds=..., command line --folds), at least 2.")
    probabilities = np.zeros(labels.shape, dtype=np.float32)
    splitter = MultilabelStratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    # one BLAS thread per fit: the logistic regressions are small, and several threads per fit fight over the
    # cores of a busy laptop (measured several times slower on 2 shared cores)
    with threadpool_limits(1, user_api="blas"):
        for fitted_on, scored in tqdm(splitter.split(np.zeros(len(texts)), labels), total=folds, desc="Audit folds"):
            _fit_fold(texts, labels, fitted_on, scored, probabilities)
    return probabilities


def _fit_fold(texts: list[str], labels: np.ndarray, fitted_on: np.ndarray, scored: np.ndarray,
              probabilities: np.ndarray) -> None:
    """Fit on `fitted_on`, write the probabilities of the `scored` texts into `probabilities`."""
    from helpers.baselines import tfidf_char_probabilities

    constant = labels[fitted_on].min(axis=0) == labels[fitted_on].max(axis=0)
    if constant.any():  # a label on every or on no text of these folds cannot be fitted: its share stands in
        probabilities[scored] = labels[fitted_on].mean(axis=0)
        varying = np.flatnonzero(~constant)
    else:
        varying = np.arange(labels.shape[1])
    (part,) = tfidf_char_probabilities([texts[i] for i in fitted_on], labels[fitted_on][:, varying],
                                       [texts[i] for i in scored])
    probabilities[np.ix_(scored, varying)] = part


def disagreement(probabilities: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Per (text, label): how strongly the given label contradicts the probability, on each label's own scale.

    The scale puts 0 at the label's mean probability over texts without it and 1 over texts with it; a given
    label scores 1 - scaled probability, a label not given scores the scaled probability.
    """
    labels = np.asarray(labels, dtype=bool)
    scaled = np.zeros(probabilities.shape, dtype=np.float64)
    for j in range(labels.shape[1]):
        positive, negative = probabilities[labels[:, j], j], probabilities[~labels[:, j], j]
        if not len(positive) or not len(negative):
            continue
        low, high = negative.mean(), positive.mean()
        scaled[:, j] = (probabilities[:, j] - low) / max(high - low, 1e-6)
    return np.where(labels, 1.0 - scaled, scaled)


def audit_labels(texts: Sequence[str], labels: np.ndarray, label_names: Sequence[str], *, folds: int = 5,
                 seed: int = 0):
    """A table of every text, the most suspicious first: the label that looks wrong or missing, and why.

    Columns: rank, row (the text's position in `texts`), text, given labels, suspect label, what looks off
    ("missing": not given, the model is confident; "wrong": given, the model sees no sign), the out-of-fold
    probability of the suspect label, and the disagreement the ranking sorts by.
    """
    import pandas as pd

    labels = np.asarray(labels)
    names = list(label_names)
    if labels.ndim != 2 or labels.shape[1] != len(names):
        raise ValueError(f"labels of shape {labels.shape} do not match {len(names)} label names.")
    log.info(f"Audit: {len(texts)} texts, {len(names)} labels; model: {MODEL_DESCRIPTION}, {folds} folds.")
    probabilities = out_of_fold_probabilities(texts, labels, folds=folds, seed=seed)
    scores = disagreement(probabilities, labels)
    suspect = scores.argmax(axis=1)
    strongest = scores[np.arange(len(scores)), suspect]
    order = np.argsort(-strongest, kind="stable")
    given = labels.astype(bool)
    table = pd.DataFrame({
        "rank": np.arange(1, len(order) + 1),
        "row": order,
        "text": [texts[i] for i in order],
        "given_labels": ["|".join(names[j] for j in np.flatnonzero(given[i])) for i in order],
        "suspect_label": [names[suspect[i]] for i in order],
        "looks": ["wrong" if given[i, suspect[i]] else "missing" for i in order],
        "probability": probabilities[order, suspect[order]].round(4),
        "disagreement": strongest[order].round(4),
    })
    return table
