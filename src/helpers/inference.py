"""Save a trained model as one folder, and turn new texts into label sets with it.

The folder holds the weights (safetensors), the tokenizer, the label names (in the config's
id2label) and the tuned thresholds (thresholds.json). `Predictor` loads it and runs
`transformers.pipeline("text-classification", top_k=None, function_to_apply="sigmoid")`,
then applies our thresholds on top: the pipeline knows nothing about tuned thresholds.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from helpers.models import config_label_names
from helpers.thresholds import Thresholds

THRESHOLDS_FILE = "thresholds.json"


def save_model_folder(model, tokenizer, folder: str | Path, thresholds: Thresholds) -> Path:
    """Write weights (safetensors), tokenizer and thresholds into `folder`; return it."""
    folder = Path(folder)
    names = config_label_names(model.config)
    if names != thresholds.label_names:
        raise ValueError(f"Thresholds are for labels {thresholds.label_names}, the model has {names}.")
    folder.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(folder)  # safetensors is the default format
    tokenizer.save_pretrained(folder)
    thresholds.to_json(folder / THRESHOLDS_FILE)
    return folder


@dataclass(frozen=True)
class Prediction:
    """The labels of one text, and the sigmoid score of every label (in label order)."""

    text: str
    labels: list[str]
    scores: dict[str, float]


class Predictor:
    """Texts in, label sets out, using a saved model folder and its thresholds."""

    def __init__(self, folder: str | Path, *, device: str | None = None, batch_size: int = 32, max_length: int = 256):
        from transformers import pipeline

        folder = Path(folder)
        if not (folder / "config.json").exists():
            raise FileNotFoundError(f"{folder} has no config.json: it is not a saved model folder (see save_model_folder).")
        thresholds_path = folder / THRESHOLDS_FILE
        if not thresholds_path.exists():
            raise FileNotFoundError(
                f"{folder} has no {THRESHOLDS_FILE}. Without tuned thresholds the predictions would silently use 0.5: "
                "tune them on validation (helpers.thresholds.tune_thresholds) and save with save_model_folder."
            )
        self.thresholds = Thresholds.from_json(thresholds_path)
        self.max_length = max_length
        self.batch_size = batch_size
        self.pipeline = pipeline(
            "text-classification",
            model=str(folder),
            tokenizer=str(folder),
            top_k=None,
            function_to_apply="sigmoid",
            device=_pipeline_device(device),
        )
        config = self.pipeline.model.config
        if config.problem_type != "multi_label_classification":
            raise ValueError(
                f"{folder} holds a model with problem_type={config.problem_type!r}; Predictor is for multi-label models."
            )
        self.label_names = config_label_names(config)
        if self.label_names != self.thresholds.label_names:
            raise ValueError(
                f"{thresholds_path} is for labels {self.thresholds.label_names}, the model has {self.label_names}."
            )

    def predict_proba(self, texts: str | Sequence[str]) -> np.ndarray:
        """Sigmoid scores, shape (n, num_labels), columns in label order."""
        texts = _check_texts(texts)
        self._note_truncation(texts)
        outputs = self.pipeline(texts, batch_size=self.batch_size, truncation=True, max_length=self.max_length)
        index = {name: j for j, name in enumerate(self.label_names)}
        scores = np.zeros((len(texts), len(self.label_names)), dtype=np.float32)
        for i, label_scores in enumerate(outputs):
            for item in label_scores:
                scores[i, index[item["label"]]] = item["score"]
        return scores

    def predict(self, texts: str | Sequence[str]) -> list[Prediction]:
        """Label sets (thresholds and the at-least-one rule applied) with every label's score."""
        texts = _check_texts(texts)
        scores = self.predict_proba(texts)
        chosen = self.thresholds.apply(scores)
        return [
            Prediction(
                text=text,
                labels=[self.label_names[j] for j in np.flatnonzero(row)],
                scores={name: float(score) for name, score in zip(self.label_names, probabilities)},
            )
            for text, row, probabilities in zip(texts, chosen, scores)
        ]

    def _note_truncation(self, texts: list[str]) -> None:
        lengths = [len(ids) for ids in self.pipeline.tokenizer(texts, truncation=False)["input_ids"]]
        too_long = sum(length > self.max_length for length in lengths)
        if too_long:
            warnings.warn(
                f"{too_long} of {len(texts)} texts are longer than {self.max_length} tokens and were truncated: "
                "only their beginning was read.",
                stacklevel=3,
            )


def _check_texts(texts: object) -> list[str]:
    if isinstance(texts, str):
        texts = [texts]  # one text is a batch of one
    if not isinstance(texts, (list, tuple)):
        raise TypeError(f"Pass a list of texts (strings), got {type(texts).__name__}.")
    if not texts:
        raise ValueError("The batch is empty: pass at least one text.")
    for i, text in enumerate(texts):
        if text is None:
            raise TypeError(f"Text {i} is None. Drop missing texts (e.g. df.dropna(subset=['text'])) before predicting.")
        if not isinstance(text, str):
            raise TypeError(f"Text {i} is {type(text).__name__} {text!r}, not a string.")
        if not text.strip():
            raise ValueError(f"Text {i} is empty; there is nothing to classify. Remove empty texts first.")
    return list(texts)


def _pipeline_device(device: str | None):
    import torch

    if device is None:
        return 0 if torch.cuda.is_available() else "mps" if torch.backends.mps.is_available() else -1
    if device == "cuda" and not torch.cuda.is_available():
        raise RuntimeError("device='cuda' but PyTorch sees no GPU; use device=None to pick automatically.")
    return {"cpu": -1, "cuda": 0}.get(device, device)
