"""From texts to label sets: the model folder that carries a model, and the one rule that turns scores into labels.

One route to label sets, the folder's rule: `ModelFolder.scores` reads a model's sigmoid scores as the folder says
(through its Platt scaling, where it kept one), `ModelFolder.decide` applies its thresholds and at-least-one rule.
`Predictor` runs both on a saved folder (or, `Predictor.from_model`, on a model in memory) through `pipeline(
"text-classification", top_k=None, function_to_apply="sigmoid")`; `finish_run` scores a model it has just trained
through the same pipeline. `predict_logits` stays for lessons that show raw logits (rows in input order).

The model folder is the one contract between training and everything after it, written by `save_model_folder`
and read by `ModelFolder.read` alone. It holds everything prediction needs, so nothing falls back to a default:
weights (safetensors), tokenizer, label names and problem type (config.json), thresholds with their strategy and
the at-least-one rule (thresholds.json), a calibration where one earned its place (calibration.json), `max_length`,
and where the model came from and how it was built (settings.json).
"""

from __future__ import annotations

import json
import os
import shutil
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from helpers.checks import check_texts
from helpers.device import detect_device
from helpers.calibration import CALIBRATION_FILE, PlattScaling
from helpers.errors import ModelFolderError
from helpers.model_card import RULE_ATTRIBUTE, decision_rule, rule_matches
from helpers.reporting import get_logger
from helpers.thresholds import Thresholds
from helpers.training import MULTI_LABEL, MULTICLASS, PROBLEM_TYPES

log = get_logger(__name__)

THRESHOLDS_FILE = "thresholds.json"
SETTINGS_FILE = "settings.json"
WEIGHTS_FILE = "model.safetensors"
MULTI_LABEL_TYPE, SINGLE_LABEL_TYPE = PROBLEM_TYPES[MULTI_LABEL], PROBLEM_TYPES[MULTICLASS]  # transformers' names
REQUIRED_FILES = ("config.json", WEIGHTS_FILE, "tokenizer.json", "tokenizer_config.json", SETTINGS_FILE)
PROVENANCE_KEYS = ("data_sha256", "split_seed", "training_seed", "recipe")
FOLDER_FORMAT = 1


# --- logits for a model in memory -----------------------------------------------------------


def batches_by_length(tokenizer, texts: Sequence[str], max_length: int, batch_size: int,
                      description: str) -> Iterator[tuple[np.ndarray, dict]]:
    """Yield (row indices, padded batch), texts of similar length together so that little is padding."""
    from tqdm.auto import tqdm
    from transformers import DataCollatorWithPadding

    encoded = tokenizer(list(texts), truncation=True, max_length=max_length)
    order = np.argsort([len(ids) for ids in encoded["input_ids"]], kind="stable")
    collator = DataCollatorWithPadding(tokenizer)
    for start in tqdm(range(0, len(order), batch_size), desc=description, leave=False):
        rows = order[start : start + batch_size]
        yield rows, collator([{key: encoded[key][i] for key in encoded} for i in rows])


def forward_in_text_order(module, tokenizer, texts: Sequence[str], *, width: int, read, max_length: int,
                          batch_size: int = 64, description: str = "Predicting") -> np.ndarray:
    """`read(module(**batch))` for every text (n, width), in length-sorted batches without gradients, rows in the
    order of `texts`; the module's train/eval mode is left as it was."""
    import torch

    device = next(module.parameters()).device
    values = np.zeros((len(texts), width), dtype=np.float32)
    was_training = module.training
    module.eval()
    with torch.no_grad():
        for rows, batch in batches_by_length(tokenizer, texts, max_length, batch_size, description):
            values[rows] = read(module(**{k: v.to(device) for k, v in batch.items()})).float().cpu().numpy()
    module.train(was_training)
    return values


def predict_logits(model, tokenizer, texts: Sequence[str], *, max_length: int, batch_size: int = 64) -> np.ndarray:
    """Logits (num_texts, num_labels) of a model in memory, rows in the order of `texts`."""
    return forward_in_text_order(model, tokenizer, check_texts(list(texts)), width=model.config.num_labels,
                                 read=lambda output: output.logits, max_length=max_length, batch_size=batch_size)


# --- the model folder ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ModelFolder:
    """What a model folder says about its model: labels, decision rule, max_length, provenance."""

    path: Path
    label_names: list[str]
    problem_type: str
    max_length: int
    thresholds: Thresholds | None  # None for a multiclass model (its rule is the argmax)
    provenance: dict = field(default_factory=dict)
    calibration: PlattScaling | None = None  # per-label Platt scaling, kept only where it earned its place

    def scores(self, probabilities: np.ndarray) -> np.ndarray:
        """The model's raw sigmoid scores as this folder's rule reads them (calibrated where the folder says so)."""
        return self.calibration.apply(probabilities) if self.calibration is not None else np.asarray(probabilities)

    @property
    def multi_label(self) -> bool:
        return self.problem_type == MULTI_LABEL_TYPE

    def decide(self, probabilities: np.ndarray) -> np.ndarray:
        """0/1 rows, exactly as this folder's model delivers them: its thresholds and at-least-one
        rule (multi-label), or the most probable label (multiclass)."""
        if self.thresholds is not None:
            return self.thresholds.apply(probabilities)
        probabilities = np.asarray(probabilities)
        rows = np.zeros(probabilities.shape, dtype=np.float32)
        rows[np.arange(len(rows)), probabilities.argmax(axis=1)] = 1.0
        return rows

    def describe(self) -> str:
        rule = (
            f"thresholds {self.thresholds.strategy}, at_least_one={self.thresholds.at_least_one}"
            if self.thresholds is not None else "the most probable label (multiclass)"
        )
        return f"{self.path}: {len(self.label_names)} labels, {rule}, max_length={self.max_length}"

    @classmethod
    def read(cls, path: str | Path) -> ModelFolder:
        """Read and check a folder written by `save_model_folder`; say exactly what is missing or wrong."""
        path = Path(path)
        if not path.is_dir():
            raise ModelFolderError(
                f"No model folder at {path}. Give the folder `python -m helpers train` wrote (OUTPUT/model) "
                "or one saved with helpers.inference.save_model_folder."
            )
        config = _read_json(path / "config.json") if (path / "config.json").exists() else {}
        required = list(REQUIRED_FILES)
        if config.get("problem_type") != SINGLE_LABEL_TYPE:
            required.append(THRESHOLDS_FILE)
        missing = [name for name in required if not (path / name).exists()]
        if missing:
            raise ModelFolderError(
                f"{path} is missing {', '.join(missing)}: it is not a complete model folder. Re-create it with "
                "`python -m helpers train` or helpers.inference.save_model_folder (a folder from "
                "trainer.save_model alone lacks the thresholds and settings)."
            )
        check_files(path)
        settings = _read_json(path / SETTINGS_FILE)
        problem_type = config.get("problem_type")
        if problem_type not in (MULTI_LABEL_TYPE, SINGLE_LABEL_TYPE):
            raise ModelFolderError(f"{path / 'config.json'}: problem_type is {problem_type!r}; expected "
                                   f"{MULTI_LABEL_TYPE!r} or {SINGLE_LABEL_TYPE!r}.")
        id2label = config.get("id2label") or {}
        config_names = [id2label.get(str(i), id2label.get(i)) for i in range(len(id2label))]
        absent = [key for key in ("label_names", "problem_type", "max_length", "provenance") if key not in settings]
        if absent:
            raise ModelFolderError(f"{path / SETTINGS_FILE} lacks {', '.join(absent)}; re-save the folder with save_model_folder.")
        if settings["label_names"] != config_names or settings["problem_type"] != problem_type:
            raise ModelFolderError(
                f"{path}: config.json (labels {config_names}, {problem_type}) and {SETTINGS_FILE} "
                f"(labels {settings['label_names']}, {settings['problem_type']}) disagree; the folder was edited by hand."
            )
        max_length = settings["max_length"]
        if not isinstance(max_length, int) or isinstance(max_length, bool) or max_length < 1:
            raise ModelFolderError(f"{path / SETTINGS_FILE}: max_length must be a positive whole number, got {max_length!r}.")
        limit = config.get("max_position_embeddings")
        if isinstance(limit, int) and max_length > limit:
            raise ModelFolderError(f"{path / SETTINGS_FILE}: max_length {max_length} exceeds the model's {limit} positions.")
        provenance = settings["provenance"]
        lacking = [key for key in PROVENANCE_KEYS if not isinstance(provenance, dict) or key not in provenance]
        if lacking:
            raise ModelFolderError(f"{path / SETTINGS_FILE}: provenance lacks {', '.join(lacking)}.")
        thresholds = None
        if problem_type == MULTI_LABEL_TYPE:
            try:
                thresholds = Thresholds.from_json(path / THRESHOLDS_FILE)
            except (ValueError, TypeError) as error:
                raise ModelFolderError(f"{error} (model folder {path})") from error
            if thresholds.label_names != config_names:
                raise ModelFolderError(
                    f"{path / THRESHOLDS_FILE} is for labels {thresholds.label_names}, the model has {config_names}."
                )
        calibration = None
        if (path / CALIBRATION_FILE).exists():
            try:
                calibration = PlattScaling.from_json(path / CALIBRATION_FILE)
            except ValueError as error:
                raise ModelFolderError(str(error)) from error
            if calibration.label_names != config_names:
                raise ModelFolderError(f"{path / CALIBRATION_FILE} is for labels {calibration.label_names}, "
                                       f"the model has {config_names}; re-save the folder.")
        if thresholds is not None and RULE_ATTRIBUTE in config and not rule_matches(config[RULE_ATTRIBUTE], thresholds,
                                                                                     calibration):
            raise ModelFolderError(
                f"{path / 'config.json'}: its {RULE_ATTRIBUTE} differs from {path / THRESHOLDS_FILE} (or "
                f"{CALIBRATION_FILE}), so plain transformers users would apply another rule than this package; one of "
                "them was edited by hand. Re-save the folder with save_model_folder."
            )
        return cls(path, config_names, problem_type, max_length, thresholds, provenance, calibration)


PICKLE_SUFFIXES = (".bin", ".pt", ".pth", ".pkl", ".pickle", ".ckpt")


def check_files(path: Path) -> None:
    """Check a model folder file by file before anything loads it: each damaged or unsafe file is named, with what to do.

    The weights must be safetensors with a readable header and every tensor inside the file; the tokenizer and
    the JSON files must parse. Pickle files (which can run code when loaded) are refused by this package's own
    message: nothing in them is ever loaded.
    """
    pickled = sorted(p.name for p in path.iterdir() if p.suffix.lower() in PICKLE_SUFFIXES)
    if pickled:
        raise ModelFolderError(
            f"{path} holds {', '.join(pickled)}: pickled files, which can run code when they are loaded. This package "
            "loads safetensors only and never unpickles; re-save the model with save_pretrained (safetensors is the "
            "default), or remove those files if the folder also has model.safetensors.")
    for name in ("tokenizer.json", "tokenizer_config.json", "config.json"):
        _read_json(path / name)
    check_safetensors(path / WEIGHTS_FILE)


def check_safetensors(file: Path) -> None:
    """A safetensors file whose header parses and covers the whole file (safetensors' own check: a truncated or
    foreign file fails), opened without loading any tensor."""
    from safetensors import SafetensorError, safe_open

    try:
        with safe_open(str(file), framework="np"):
            pass
    except SafetensorError as error:
        reason = str(error).removeprefix("Error while deserializing header: ")
        raise ModelFolderError(
            f"{file} is damaged ({reason}; truncated, or not a safetensors file). Copy the folder again, or re-create "
            "it with `python -m helpers train`.") from error


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ModelFolderError(f"{path} is not valid JSON ({error}); the folder is damaged: re-create it.") from error
    if not isinstance(data, dict):
        raise ModelFolderError(f"{path} must hold a JSON object, got {type(data).__name__}; re-create the folder.")
    return data


def save_model_folder(model, tokenizer, folder: str | Path, *, thresholds: Thresholds | None, max_length: int,
                      provenance: dict, overwrite: bool = False,
                      calibration: PlattScaling | None = None) -> ModelFolder:
    """Write the model folder: weights, tokenizer, thresholds (multi-label) and settings. Returns it, read back.

    The only writer of model folders. An existing folder is replaced only with ``overwrite=True``;
    the new folder is written next to it first and then moved into place, so a run killed while
    saving never leaves half a folder behind.
    """
    from helpers.models import config_label_names

    folder = Path(folder)
    names = config_label_names(model.config)
    problem_type = model.config.problem_type
    if problem_type not in (MULTI_LABEL_TYPE, SINGLE_LABEL_TYPE):
        raise ModelFolderError(f"The model's problem_type is {problem_type!r}; set it when loading the model.")
    if problem_type == MULTI_LABEL_TYPE and thresholds is None:
        raise ModelFolderError(
            "A multi-label model needs its thresholds saved with it (Thresholds, e.g. from tune_thresholds); "
            "without them predictions would silently use 0.5."
        )
    if problem_type == SINGLE_LABEL_TYPE and thresholds is not None:
        raise ModelFolderError("A multiclass model predicts its most probable label; it takes no thresholds.")
    if thresholds is not None and thresholds.label_names != names:
        raise ModelFolderError(f"Thresholds are for labels {thresholds.label_names}, the model has {names}.")
    lacking = [key for key in PROVENANCE_KEYS if key not in provenance]
    if lacking:
        raise ModelFolderError(f"provenance lacks {', '.join(lacking)} (see helpers.recipe.provenance).")
    if folder.exists() and any(folder.iterdir()) and not overwrite:
        raise ModelFolderError(
            f"{folder} already holds files; a model is never replaced silently. Choose another folder, "
            "or pass overwrite=True (command line: --overwrite) to replace it."
        )
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = folder.parent / f".{folder.name}.writing-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    # the rule also goes into config.json, for people who load the folder with plain transformers
    if thresholds is not None:
        setattr(model.config, RULE_ATTRIBUTE, decision_rule(thresholds, calibration))
    elif hasattr(model.config, RULE_ATTRIBUTE):
        delattr(model.config, RULE_ATTRIBUTE)
    model.save_pretrained(staging)  # safetensors is the default format
    tokenizer.save_pretrained(staging)
    if thresholds is not None:
        thresholds.to_json(staging / THRESHOLDS_FILE)
    if calibration is not None:
        calibration.to_json(staging / CALIBRATION_FILE)
    settings = {
        "format": FOLDER_FORMAT,
        "label_names": names,
        "problem_type": problem_type,
        "max_length": int(max_length),
        "provenance": provenance,
    }
    (staging / SETTINGS_FILE).write_text(json.dumps(settings, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if folder.exists():
        retired = folder.parent / f".{folder.name}.replaced-{os.getpid()}"
        folder.rename(retired)
        staging.rename(folder)
        shutil.rmtree(retired, ignore_errors=True)
    else:
        staging.rename(folder)
    return ModelFolder.read(folder)


# --- the saved model in use ---------------------------------------------------------------------

PIPELINE_BATCH_SIZE = 32


def classification_pipeline(model, tokenizer, *, multi_label: bool, device=None):
    """`pipeline("text-classification", top_k=None, function_to_apply="sigmoid")` (softmax for multiclass).

    `model` and `tokenizer` are a folder, or objects in memory (then the model stays on its device).
    Used by `Predictor` for a folder, and by `helpers.recipe.finish_run` for the model it has just
    trained, so that the scores reported at training are computed exactly as `Predictor` computes them.
    """
    from transformers import pipeline

    from helpers.device import attention_implementation

    extra = {}
    if isinstance(model, str):  # built with the attention kernel a trained model had on this machine
        extra["model_kwargs"] = {"attn_implementation": attention_implementation()}
    else:
        model.eval()  # no dropout: the same scores as the model loaded from its folder
        device = model.device if device is None else device
    return pipeline("text-classification", model=model, tokenizer=tokenizer, top_k=None,
                    function_to_apply="sigmoid" if multi_label else "softmax", device=device, **extra)


def pipeline_scores(scorer, texts: list[str], label_names: list[str], *, max_length: int,
                    batch_size: int = PIPELINE_BATCH_SIZE) -> np.ndarray:
    """The pipeline's scores as an array (n, num_labels), columns in label order."""
    outputs = scorer(texts, batch_size=batch_size, truncation=True, max_length=max_length)
    index = {name: j for j, name in enumerate(label_names)}
    scores = np.zeros((len(texts), len(label_names)), dtype=np.float32)
    for i, label_scores in enumerate(outputs):
        for item in label_scores:
            scores[i, index[item["label"]]] = item["score"]
    return scores


@dataclass(frozen=True)
class Prediction:
    """The labels of one text, and the score of every label (in label order)."""

    text: str
    labels: list[str]
    scores: dict[str, float]


class Predictor:
    """Texts in, label sets out, with every setting taken from a model folder."""

    def __init__(self, folder: str | Path, *, device: str | None = None, batch_size: int = PIPELINE_BATCH_SIZE):
        self.folder = ModelFolder.read(folder)
        self.batch_size = batch_size
        self.pipeline = classification_pipeline(str(self.folder.path), str(self.folder.path),
                                                multi_label=self.folder.multi_label, device=detect_device(device).device)
        vocabulary, embeddings = len(self.pipeline.tokenizer), self.pipeline.model.config.vocab_size
        if vocabulary < embeddings // 2 or vocabulary > embeddings:
            raise ModelFolderError(
                f"{self.folder.path}: the tokenizer knows {vocabulary} tokens but the model embeds {embeddings}; "
                "the tokenizer files do not belong to this model. Re-save the folder with its own tokenizer."
            )

    @classmethod
    def from_model(cls, model, tokenizer, folder: str | Path | ModelFolder, *,
                   batch_size: int = PIPELINE_BATCH_SIZE) -> Predictor:
        """A Predictor for a model still in memory (on its device), with the rule of its saved folder: the same
        pipeline and the same decisions as `Predictor(folder)` loading it from disk."""
        predictor = cls.__new__(cls)
        predictor.folder = folder if isinstance(folder, ModelFolder) else ModelFolder.read(folder)
        predictor.batch_size = batch_size
        predictor.pipeline = classification_pipeline(model, tokenizer, multi_label=predictor.folder.multi_label)
        return predictor

    # The decision rule is the folder's: read-only here, so that assigning new thresholds cannot be silently
    # ignored. Another rule means another folder (save_model_folder).
    @property
    def label_names(self) -> list[str]:
        return self.folder.label_names

    @property
    def thresholds(self) -> Thresholds | None:
        return self.folder.thresholds

    @property
    def max_length(self) -> int:
        return self.folder.max_length

    def predict_proba(self, texts: str | Sequence[str]) -> np.ndarray:
        """Scores (n, num_labels), columns in label order: sigmoid (multi-label) or softmax (multiclass)."""
        texts = check_texts(texts)
        self._note_truncation(texts)
        raw = pipeline_scores(self.pipeline, texts, self.label_names, max_length=self.max_length,
                              batch_size=self.batch_size)
        return self.folder.scores(raw)

    def decide(self, scores: np.ndarray) -> np.ndarray:
        """0/1 rows by the folder's rule (its thresholds and at-least-one setting, or the argmax)."""
        return self.folder.decide(scores)

    def predict(self, texts: str | Sequence[str]) -> list[Prediction]:
        """Label sets (the folder's decision rule applied) with every label's score."""
        texts = check_texts(texts)
        scores = self.predict_proba(texts)
        chosen = self.decide(scores)
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


def as_saved_metrics(folder: ModelFolder, scores: np.ndarray, labels: np.ndarray) -> dict:
    """The metrics of the decisions `folder`'s rule makes from `scores`, with the number of texts."""
    from helpers.metrics import decision_metrics

    return {**decision_metrics(folder.decide(scores), labels, scores), "texts": len(scores)}
