"""The whole recipe, from `Splits` to a run folder: train, tune thresholds on validation, save, score.

One layout for every run, whether a notebook, the command line or a benchmark made it (`helpers.run_folder`).
`fine_tune` makes a run; `finish_run` turns a trained model into the last three files (notebook 04
calls it after building its Trainer by hand); `load_or_train` reuses a run whose provenance matches.
"""

from __future__ import annotations

import json
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from helpers.calibration import earned_calibration
from helpers.data import Splits
from helpers.device import DeviceInfo, attention_implementation, detect_device
from helpers.inference import (
    ModelFolder,
    ModelFolderError,
    as_saved_metrics,
    classification_pipeline,
    pipeline_scores,
    save_model_folder,
)
from helpers.reporting import get_logger, is_main_process, json_safe
from helpers.run_folder import (CHECKPOINTS_DIR, HISTORY_FILE, METRICS_FILE, MODEL_DIR, prepare_run_dir,
                                 provenance_difference, run_lock, same_model, valid_checkpoints)
from helpers.training import MULTI_LABEL, MULTICLASS, PROBLEM_TYPES, make_trainer, pos_weight_from, tokenize, train

log = get_logger(__name__)

DEFAULT_STRATEGY = "per_label"
DEFAULT_AT_LEAST_ONE = True  # a review is always about something; the same default in notebooks and CLI


@dataclass
class Trained:
    """A trained model with its run folder; `trainer` is None when the run was loaded from disk."""

    model: object
    tokenizer: object
    folder: ModelFolder
    metrics: dict
    log_history: list = field(default_factory=list)
    trainer: object | None = None

    @property
    def run_dir(self) -> Path:
        return self.folder.path.parent


def provenance(profile, splits: Splits, *, problem: str = MULTI_LABEL, use_pos_weight: bool = False,
               precision: str = "fp32") -> dict:
    """Where a model comes from: the data (fingerprint, split seed), the training seed and the recipe."""
    import transformers

    import helpers

    return {
        "data_sha256": splits.fingerprint(),
        "data_source": splits.source,
        "split_seed": splits.info.get("split_seed"),
        "subset": splits.info.get("subset"),
        "rare_labels": splits.info.get("rare_labels"),  # what min_label_count did to each label, or None
        "training_seed": profile.seed,
        "recipe": {**profile.settings(), "problem": problem, "use_pos_weight": use_pos_weight, "precision": precision},
        "helpers_version": helpers.__version__,
        "transformers_version": transformers.__version__,
    }



def check_max_length(profile) -> None:
    """Refuse a max_length the profile's model cannot read (more tokens than it has positions), before any work."""
    from transformers import AutoConfig

    from helpers.models import resolve_model
    from helpers.errors import SettingsError

    resolved = resolve_model(profile.model, verbose=False)
    positions = getattr(AutoConfig.from_pretrained(resolved.name_or_path), "max_position_embeddings", None)
    if isinstance(positions, int) and profile.max_length > positions:
        raise SettingsError(f"max_length is {profile.max_length}, but {resolved.name_or_path} reads at most {positions} "
                            f"tokens; give e.g. --max-length {min(positions, 128)}.")


# --- training --------------------------------------------------------------------------------


def build_model(profile, splits: Splits, *, problem: str = MULTI_LABEL, device: DeviceInfo | None = None):
    """The profile's model and tokenizer, set up for the problem (and its head from a linear probe where measured to help).

    The model is put on `device` (default: the one `detect_device` picks) first, so the probe's frozen
    features are computed there, on the GPU where there is one.
    """
    from transformers import set_seed

    from helpers.models import freeze_word_embeddings, load_tokenizer, multiclass_model, multilabel_model, resolve_model
    from helpers.probe import fit_head_by_linear_probe

    resolved = resolve_model(profile.model)
    set_seed(profile.seed)  # the new head's initial weights depend on it
    tokenizer = load_tokenizer(resolved)
    model = (multilabel_model if problem == MULTI_LABEL else multiclass_model)(resolved, splits.label_names)
    model.to((device or detect_device()).device)
    if profile.freezes_word_embeddings(resolved.kind):
        freeze_word_embeddings(model)
    if problem == MULTI_LABEL and profile.uses_linear_probe(resolved.kind):
        score = fit_head_by_linear_probe(model, tokenizer, splits.train.texts, splits.train.labels,
                                         max_length=profile.max_length)
        log.info(f"Linear probe: the head starts from logistic regressions on frozen features (train micro-F1 {score:.3f}).")
    return model, tokenizer


def fine_tune(
    profile,
    splits: Splits,
    run_dir: str | Path,
    *,
    problem: str = MULTI_LABEL,
    use_pos_weight: bool = False,
    strategy: str = DEFAULT_STRATEGY,
    at_least_one: bool = DEFAULT_AT_LEAST_ONE,
    resume: bool = False,
    overwrite: bool = False,
    device: DeviceInfo | None = None,
) -> Trained | None:
    """Train with the profile's recipe and write the run folder. Returns None on secondary DDP processes."""
    device = device or detect_device()
    run_dir = Path(run_dir).expanduser()
    check_max_length(profile)  # before any work: a setting the model cannot take fails now, not after training
    wanted = provenance(profile, splits, problem=problem, use_pos_weight=use_pos_weight, precision=device.precision)
    with run_lock(run_dir) if is_main_process() else nullcontext():
        checkpoint = prepare_run_dir(run_dir, wanted, resume=resume, overwrite=overwrite) if is_main_process() else None
        return _train_and_finish(profile, splits, run_dir, checkpoint, problem=problem,
                                 use_pos_weight=use_pos_weight, strategy=strategy, at_least_one=at_least_one,
                                 resume=resume, device=device)


def _train_and_finish(profile, splits: Splits, run_dir: Path, checkpoint, *, problem: str,
                      use_pos_weight: bool, strategy: str, at_least_one: bool, resume: bool, device: DeviceInfo):
    model, tokenizer = build_model(profile, splits, problem=problem, device=device)
    tokenized = tokenize(splits.to_datasets(target="multi_hot" if problem == MULTI_LABEL else "primary"), tokenizer,
                         max_length=profile.max_length)
    trainer = make_trainer(
        model, tokenizer, tokenized, run_dir / CHECKPOINTS_DIR, problem=problem, epochs=profile.epochs,
        batch_size=profile.batch_size, learning_rate=profile.learning_rate, head_learning_rate=profile.head_learning_rate,
        warmup_ratio=profile.warmup_ratio, seed=profile.seed,
        pos_weight=pos_weight_from(splits.train.labels) if use_pos_weight else None, device=device,
    )
    if resume and checkpoint is None:  # a secondary process: the main process checked the folder
        complete = valid_checkpoints(run_dir / CHECKPOINTS_DIR)
        checkpoint = complete[-1] if complete else None
    train(trainer, resume_from_checkpoint=str(checkpoint) if checkpoint else None)
    if not trainer.is_world_process_zero():
        return None
    return finish_run(trainer, splits, run_dir, profile=profile, use_pos_weight=use_pos_weight, strategy=strategy,
                      at_least_one=at_least_one, overwrite=True, built_by=BY_THE_RECIPE)


BY_THE_RECIPE = "helpers.recipe.fine_tune (build_model, make_trainer)"
BY_HAND = "a model and Trainer set up in a notebook, finished with finish_run"


def finish_run(trainer, splits: Splits, run_dir: str | Path | None = None, *, profile,
               use_pos_weight: bool = False, strategy: str = DEFAULT_STRATEGY,
               at_least_one: bool = DEFAULT_AT_LEAST_ONE, overwrite: bool = False, built_by: str = BY_HAND) -> Trained:
    """Tune thresholds on validation, save the model folder, and write metrics.json and log_history.json.

    Everything comes from the trained `trainer` and the `profile`: the model and tokenizer (`processing_class`),
    what it logged, the problem (the model's config), the precision (the Trainer's arguments) and so the
    provenance, with `built_by` saying how the model was set up. `run_dir` defaults to the profile's folder for
    this kind of model (`Profile.run_dir`). Every score comes from the pipeline `Predictor` runs
    (`classification_pipeline`, same batches), and the "as_saved" rows apply exactly the folder's decision rule,
    so the scores reported are the decisions `evaluate` and `predict` deliver.
    """
    from helpers.metrics import multiclass_metrics, multilabel_metrics, single_label_predictions
    from helpers.model_card import base_model_id, write_model_card
    from helpers.models import config_label_names
    from helpers.thresholds import tune_thresholds

    from accelerate.utils import extract_model_from_parallel

    model, tokenizer, log_history = trainer.model, trainer.processing_class, trainer.state.log_history
    problem = MULTI_LABEL if model.config.problem_type == PROBLEM_TYPES[MULTI_LABEL] else MULTICLASS
    precision = "bf16" if trainer.args.bf16 else "fp16" if trainer.args.fp16 else "fp32"
    recorded = {**provenance(profile, splits, problem=problem, use_pos_weight=use_pos_weight, precision=precision),
                "built_by": built_by}
    max_length = profile.max_length
    run_dir = Path(run_dir) if run_dir is not None else profile.run_dir(problem=problem, use_pos_weight=use_pos_weight)
    # Under bf16/fp16 the Trainer (through accelerate) wraps the model's forward in autocast, and the wrapper
    # stays after training. The saved folder holds fp32 weights and Predictor runs them in fp32, so the
    # wrapper comes off here: otherwise the scores below would be half-precision ones evaluate never sees.
    model = extract_model_from_parallel(model, keep_fp32_wrapper=False)
    multi_label = problem == MULTI_LABEL
    # the scores of the pipeline Predictor uses: the rows reported here are what evaluate and predict deliver
    scorer = classification_pipeline(model, tokenizer, multi_label=multi_label)
    names = config_label_names(model.config)
    scores = {name: pipeline_scores(scorer, splits[name].texts, names, max_length=max_length)
              for name in ("validation", "test")}
    metrics: dict = {"problem": problem, "label_names": splits.label_names, "provenance": recorded}
    thresholds = calibration = None
    if multi_label:
        thresholds, _ = tune_thresholds(scores["validation"], splits.validation.labels, splits.label_names,
                                        strategy=strategy, at_least_one=at_least_one)
        metrics["calibration"], calibration, thresholds, scores = earned_calibration(
            scores, splits, thresholds, strategy=strategy, at_least_one=at_least_one)
        for name in ("validation", "test"):
            truth = splits[name].labels
            metrics[name] = {
                "threshold_0.5": multilabel_metrics(scores[name], truth, 0.5),
                "tuned_global": multilabel_metrics(scores[name], truth, thresholds.global_threshold),
                "tuned_per_label": multilabel_metrics(scores[name], truth, np.asarray(thresholds.per_label)),
            }
        metrics["thresholds"] = {"global": thresholds.global_threshold, "per_label": thresholds.per_label,
                                 "strategy": thresholds.strategy, "at_least_one": thresholds.at_least_one,
                                 "tuned_on": "validation"}
    else:
        for name in ("validation", "test"):
            single = single_label_predictions(scores[name].argmax(axis=1), splits.num_labels)
            metrics[name] = {
                "multiclass": multiclass_metrics(scores[name], splits.primary_ids(name)),
                "as_multi_label": multilabel_metrics(single, splits[name].labels),
            }
    folder = save_model_folder(model, tokenizer, run_dir / MODEL_DIR, thresholds=thresholds, max_length=max_length,
                               provenance=recorded, overwrite=overwrite, calibration=calibration)
    for name in ("validation", "test"):
        metrics[name]["as_saved"] = as_saved_metrics(folder, scores[name], splits[name].labels)
    write_model_card(folder, splits, metrics, base_model=base_model_id(getattr(model.config, "_name_or_path", None)))
    (run_dir / METRICS_FILE).write_text(json.dumps(json_safe(metrics), indent=2, ensure_ascii=False) + "\n",
                                        encoding="utf-8")
    (run_dir / HISTORY_FILE).write_text(json.dumps(log_history, indent=2) + "\n", encoding="utf-8")
    log.info(f"Saved {folder.describe()}; scores in {run_dir / METRICS_FILE}.")
    return Trained(model, tokenizer, folder, metrics, list(log_history), trainer)


# --- reuse ------------------------------------------------------------------------------------


def load_run(run_dir: str | Path, *, device: DeviceInfo | None = None) -> Trained:
    """A finished run from disk: model (on `device`, by default the one `detect_device` picks), tokenizer, model
    folder, metrics and log history."""
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    run_dir = Path(run_dir)
    folder = ModelFolder.read(run_dir / MODEL_DIR)
    model = AutoModelForSequenceClassification.from_pretrained(str(folder.path), attn_implementation=attention_implementation())
    model.to((device or detect_device()).device)
    tokenizer = AutoTokenizer.from_pretrained(str(folder.path))
    metrics = json.loads((run_dir / METRICS_FILE).read_text(encoding="utf-8")) if (run_dir / METRICS_FILE).exists() else {}
    history = json.loads((run_dir / HISTORY_FILE).read_text(encoding="utf-8")) if (run_dir / HISTORY_FILE).exists() else []
    return Trained(model, tokenizer, folder, metrics, history)


def load_or_train(
    profile,
    splits: Splits,
    run_dir: str | Path | None = None,
    *,
    problem: str = MULTI_LABEL,
    use_pos_weight: bool = False,
    strategy: str = DEFAULT_STRATEGY,
    at_least_one: bool = DEFAULT_AT_LEAST_ONE,
    device: DeviceInfo | None = None,
) -> Trained:
    """Reuse the run in `run_dir` (by default the profile's folder for this kind of model, `Profile.run_dir`) if it
    was made from exactly this data and recipe, else train it now. The model comes on `device`.

    Says which it did, and why. A model made with other data, settings or decision rule is never
    picked up: it is trained again and the folder replaced, which is said too. (On Colab, where
    every notebook starts on a fresh machine, this trains.)
    """
    device = device or detect_device()
    run_dir = Path(run_dir) if run_dir is not None else profile.run_dir(problem=problem, use_pos_weight=use_pos_weight)
    wanted = provenance(profile, splits, problem=problem, use_pos_weight=use_pos_weight, precision=device.precision)
    reason = "no model saved there yet"
    if (run_dir / MODEL_DIR).exists():
        try:
            folder = ModelFolder.read(run_dir / MODEL_DIR)
        except ModelFolderError as error:
            reason = f"the saved folder is unusable ({error})"
        else:
            rule_matches = folder.thresholds is None or (
                folder.thresholds.strategy == strategy and folder.thresholds.at_least_one == at_least_one)
            if not same_model(folder.provenance, wanted):
                reason = f"the saved model differs ({provenance_difference(folder.provenance, wanted)})"
            elif not rule_matches:
                reason = "the saved model uses another decision rule (strategy or at_least_one)"
            else:
                log.info(f"Reusing the model trained earlier with this exact data and recipe: {folder.path}")
                return load_run(run_dir, device=device)
    log.info(f"Training now ({reason}; {run_dir}).")
    return fine_tune(profile, splits, run_dir, problem=problem, use_pos_weight=use_pos_weight, strategy=strategy,
                     at_least_one=at_least_one, overwrite=True, device=device)
