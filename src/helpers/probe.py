"""Linear probe: start a new classification head from logistic regressions on frozen features.

Measured on this project's data with the offline all-MiniLM-L6-v2 (docs/BENCHMARKS.md): fine-tuned
from a random head with BCE, it stalled at the label prior (micro-F1 0 after an epoch, at several
learning rates). Fitting one logistic regression per label on the frozen body's vectors and copying
them into the head fixed that. It is a cheap first stage ("linear probe, then fine-tune"), not a
rule for every model: the profiles use it where it was measured to help (see `helpers.profiles`).

The frozen features of a (weights, tokenizer, texts, max_length) combination are kept for the
session, so a second model built from the same pretrained body reuses them.
"""

from __future__ import annotations

import hashlib

import numpy as np

from helpers.inference import forward_in_text_order
from helpers.reporting import get_logger

log = get_logger(__name__)

# Frozen features of the most recent combinations: a second model from the same pretrained body
# (e.g. 05 trains one with pos_weight) reuses them instead of running the body over every text again.
_FEATURE_CACHE: dict[str, np.ndarray] = {}
_FEATURE_CACHE_SIZE = 2


def _features_key(body, tokenizer, texts: list[str], max_length: int) -> str:
    """A digest of the body's exact weights, the tokenizer, the texts and max_length (changed weights: new key)."""
    import torch

    digest = hashlib.sha256(f"{max_length}|{len(texts)}|{tokenizer.name_or_path}|{len(tokenizer)}".encode())
    for text in texts:
        digest.update(text.encode("utf-8") + b"\0")
    for name, tensor in body.state_dict().items():
        digest.update(name.encode())
        digest.update(tensor.detach().cpu().contiguous().view(-1).view(torch.uint8).numpy().tobytes())
    return digest.hexdigest()


def pooled_features(model, tokenizer, texts: list[str], *, max_length: int = 128, batch_size: int = 64) -> np.ndarray:
    """The vectors the classification head sees (the pooler output), from the frozen body.

    Computed once per weights, texts and max_length in a session; a repeat call says it reuses them.
    """
    body = getattr(model, model.base_model_prefix)
    key = _features_key(body, tokenizer, texts, max_length)
    if key in _FEATURE_CACHE:
        log.info("Features: the same frozen weights, texts and max_length as before; reusing the features.")
        return _FEATURE_CACHE[key].copy()
    features = forward_in_text_order(body, tokenizer, texts, width=body.config.hidden_size,
                                     read=lambda output: output.pooler_output, max_length=max_length,
                                     batch_size=batch_size, description="Features")
    _FEATURE_CACHE[key] = features.copy()
    while len(_FEATURE_CACHE) > _FEATURE_CACHE_SIZE:
        del _FEATURE_CACHE[next(iter(_FEATURE_CACHE))]  # the oldest entry
    return features


def fit_probe(features: np.ndarray, labels: np.ndarray, *, regularisation: float = 1.0,
              label_names: list[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """One logistic regression per label on `features`: weights (num_labels, dim) and biases (num_labels,).

    A label that is on every training text, or on none, cannot be fitted (one class only): it gets
    a zero weight and the bias of its base rate, and a message names it.
    """
    from sklearn.linear_model import LogisticRegression

    labels = np.asarray(labels)
    weights = np.zeros((labels.shape[1], features.shape[1]), dtype=np.float64)
    biases = np.zeros(labels.shape[1], dtype=np.float64)
    for j in range(labels.shape[1]):
        column = labels[:, j]
        if column.min() == column.max():
            name = label_names[j] if label_names else f"column {j}"
            share = "every" if column.min() == 1 else "no"
            log.warning(f"Linear probe: label {name!r} is on {share} training text; it starts from a constant score.")
            biases[j] = 8.0 if column.min() == 1 else -8.0
            continue
        probe = LogisticRegression(C=regularisation, max_iter=2000).fit(features, column)
        weights[j], biases[j] = probe.coef_[0], probe.intercept_[0]
    return weights, biases


def fit_head_by_linear_probe(model, tokenizer, texts: list[str], labels: np.ndarray, *, max_length: int = 128,
                             regularisation: float = 1.0) -> float:
    """Copy a linear probe (`fit_probe` on `pooled_features`) into the model's classification head.

    Returns the probe's micro-F1 at 0.5 on the texts it was fitted on.
    """
    import torch
    from sklearn.metrics import f1_score

    from helpers.models import classification_head, config_label_names

    features = pooled_features(model, tokenizer, texts, max_length=max_length)
    weights, biases = fit_probe(features, labels, regularisation=regularisation,
                                label_names=config_label_names(model.config))
    head = classification_head(model)
    with torch.no_grad():
        head.weight.copy_(torch.as_tensor(weights, dtype=head.weight.dtype))
        head.bias.copy_(torch.as_tensor(biases, dtype=head.bias.dtype))
    predictions = (features @ weights.T + biases) > 0
    return float(f1_score(np.asarray(labels), predictions, average="micro", zero_division=0))
