"""Device and precision, tokenisation, and a Trainer set up the same way for every notebook.

Our recipe: dynamic padding (`DataCollatorWithPadding`), length-grouped batches, evaluation and
checkpoints every epoch, the best epoch by micro-F1, a fixed seed, and the precision the device
does best. The same factory trains the multiclass baseline (CrossEntropyLoss).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MULTI_LABEL = "multi_label"
MULTICLASS = "multiclass"


# --- device and precision -------------------------------------------------------------------


@dataclass(frozen=True)
class DeviceInfo:
    device: str  # "cuda", "mps" or "cpu"
    name: str
    memory_gb: float | None
    compute_capability: tuple[int, int] | None
    precision: str  # "bf16", "fp16" or "fp32"
    suggested_batch_size: int
    reason: str

    def summary(self) -> str:
        memory = f", {self.memory_gb:.0f} GB" if self.memory_gb else ""
        capability = f", compute capability {self.compute_capability[0]}.{self.compute_capability[1]}" if self.compute_capability else ""
        return (
            f"Device: {self.device} ({self.name}{memory}{capability}); precision: {self.precision}; "
            f"suggested batch size: {self.suggested_batch_size}. {self.reason}"
        )


def precision_for(compute_capability: tuple[int, int] | None) -> str:
    """bf16 from compute capability 8.0 (Ampere) on, fp16 below it, fp32 without CUDA.

    `torch.cuda.is_bf16_supported()` answers True on a Colab T4 (7.5) through emulation, which is
    slow, so the decision rests on the compute capability alone.
    """
    if compute_capability is None:
        return "fp32"
    return "bf16" if compute_capability >= (8, 0) else "fp16"


def detect_device(requested: str | None = None) -> DeviceInfo:
    """The device to train on: `requested` ("cuda", "mps", "cpu") or the best one available."""
    import torch

    has_mps = bool(getattr(torch.backends, "mps", None)) and torch.backends.mps.is_available()
    if requested == "cuda" and not torch.cuda.is_available():
        raise RuntimeError(
            "CUDA was requested but PyTorch sees no GPU. On Colab: Runtime > Change runtime type > GPU, "
            "then restart; elsewhere, check `nvidia-smi` and that torch was installed with CUDA support. "
            "Or run on the CPU (device='cpu') with the 'cpu' profile."
        )
    if requested == "mps" and not has_mps:
        raise RuntimeError("MPS was requested but is not available (it needs Apple silicon and macOS 12.3+).")
    if requested not in (None, "cuda", "mps", "cpu"):
        raise ValueError(f"Unknown device {requested!r}; use 'cuda', 'mps', 'cpu' or None for automatic.")

    if requested in (None, "cuda") and torch.cuda.is_available():
        props = torch.cuda.get_device_properties(0)
        capability = (props.major, props.minor)
        memory = props.total_memory / 1024**3
        batch = 64 if memory >= 40 else 32 if memory >= 14 else 16
        return DeviceInfo("cuda", props.name, memory, capability, precision_for(capability), batch, "A CUDA GPU was found.")
    if requested in (None, "mps") and has_mps:
        return DeviceInfo("mps", "Apple GPU", None, None, "fp32", 16, "Apple's MPS backend was found; training in fp32.")
    reason = "CPU requested." if requested == "cpu" else "No GPU found, so training runs on the CPU (slow; use the 'cpu' profile)."
    return DeviceInfo("cpu", "CPU", None, None, "fp32", 32, reason)


PRECISIONS = ("auto", "fp32", "bf16", "fp16")


class PrecisionError(ValueError):
    """A precision the device cannot train in."""


def cpu_has_bf16_units() -> bool:
    """Whether the CPU computes bf16 natively (Intel AMX or AVX512-BF16), as far as torch can tell."""
    import torch

    probes = [getattr(torch.cpu, name, None) for name in ("_is_amx_tile_supported", "_is_avx512_bf16_supported")]
    return any(probe() for probe in probes if probe is not None)


def with_precision(info: DeviceInfo, precision: str) -> DeviceInfo:
    """`info` with the precision asked for; "auto" keeps the device's own choice. Says what it changed."""
    from dataclasses import replace

    if precision not in PRECISIONS:
        raise PrecisionError(f"Unknown precision {precision!r}; choose one of {PRECISIONS}.")
    if precision in ("auto", info.precision):
        return info
    if info.device == "mps":
        raise PrecisionError("On Apple's MPS backend this recipe trains in fp32 only; use --precision fp32 (or auto).")
    if info.device == "cpu" and precision == "fp16":
        raise PrecisionError("fp16 training needs a CUDA GPU. On a CPU use fp32 (the default) or bf16.")
    if info.device == "cuda" and precision == "bf16" and info.compute_capability < (8, 0):
        major, minor = info.compute_capability
        raise PrecisionError(
            f"{info.name} (compute capability {major}.{minor}) has no bf16 units: bf16 needs 8.0 or higher. "
            f"Use fp16 (the default on this GPU) or fp32."
        )
    reason = f"Precision {precision} was asked for instead of {info.precision}."
    if info.device == "cpu" and precision == "bf16":
        reason += (
            " This CPU has bf16 units (AMX or AVX512-BF16), so bf16 autocast should be faster than fp32."
            if cpu_has_bf16_units()
            else " This CPU has no bf16 units (AMX or AVX512-BF16): expect bf16 to be slower than fp32."
        )
    changed = replace(info, precision=precision, reason=f"{info.reason} {reason}")
    print(reason)
    return changed


def precision_arguments(info: DeviceInfo) -> dict[str, bool]:
    """The TrainingArguments flags for the device's precision."""
    return {
        "bf16": info.precision == "bf16",
        "fp16": info.precision == "fp16",
        "use_cpu": info.device == "cpu",
    }


# --- tokenisation -----------------------------------------------------------------------------


def tokenize(datasets, tokenizer, max_length: int = 128):
    """Tokenise the `text` column without padding: the collator pads each batch to its longest text."""

    def encode(batch):
        return tokenizer(batch["text"], truncation=True, max_length=max_length)

    columns = [c for c in next(iter(datasets.values())).column_names if c not in ("labels",)]
    return datasets.map(encode, batched=True, remove_columns=columns, desc="Tokenising")


# --- loss ------------------------------------------------------------------------------------


def pos_weight_from(labels: np.ndarray, max_weight: float = 20.0) -> np.ndarray:
    """negatives / positives per label, from the training targets (capped, so a rare label cannot dominate)."""
    labels = np.asarray(labels, dtype=np.float64)
    positives = labels.sum(axis=0)
    if (positives == 0).any():
        missing = np.flatnonzero(positives == 0).tolist()
        raise ValueError(f"Labels at columns {missing} have no positive example in training; pos_weight is undefined.")
    negatives = len(labels) - positives
    return np.minimum(negatives / positives, max_weight).astype(np.float32)


def bce_loss_with_pos_weight(pos_weight: np.ndarray):
    """A `compute_loss_func` for the Trainer: BCEWithLogitsLoss that up-weights each label's positives."""
    import torch

    weight = torch.as_tensor(pos_weight, dtype=torch.float32)

    def compute_loss(outputs, labels, num_items_in_batch=None):
        logits = outputs["logits"] if isinstance(outputs, dict) else outputs[0]
        loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=weight.to(logits.device))
        return loss_fn(logits.float(), labels.float())

    return compute_loss


# --- linear probe: a head that starts from a solution -----------------------------------------


def batches_by_length(tokenizer, texts: list[str], max_length: int, batch_size: int, description: str):
    """Yield (row indices, padded batch), texts of similar length together so that little is padding."""
    from tqdm.auto import tqdm
    from transformers import DataCollatorWithPadding

    encoded = tokenizer(list(texts), truncation=True, max_length=max_length)
    order = np.argsort([len(ids) for ids in encoded["input_ids"]])
    collator = DataCollatorWithPadding(tokenizer)
    for start in tqdm(range(0, len(order), batch_size), desc=description, leave=False):
        rows = order[start : start + batch_size]
        yield rows, collator([{key: encoded[key][i] for key in encoded} for i in rows])


# Frozen features of recent (weights, tokenizer, texts, max_length) combinations: a second model built from the
# same pretrained body (04 trains one without and one with pos_weight) reuses them instead of
# running the body over every training text again.
_FEATURE_CACHE: dict[str, np.ndarray] = {}
_FEATURE_CACHE_SIZE = 2


def _features_key(body, tokenizer, texts: list[str], max_length: int) -> str:
    """A digest of the body's exact weights, the tokenizer, the texts and max_length (changed weights: new key)."""
    import hashlib

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
    import torch

    body = getattr(model, model.base_model_prefix)
    key = _features_key(body, tokenizer, texts, max_length)
    if key in _FEATURE_CACHE:
        print("Features: the same frozen weights, texts and max_length as before; reusing the features.")
        return _FEATURE_CACHE[key].copy()
    device = next(model.parameters()).device
    features = np.zeros((len(texts), body.config.hidden_size), dtype=np.float32)
    was_training = model.training
    model.eval()
    with torch.no_grad():
        for rows, batch in batches_by_length(tokenizer, texts, max_length, batch_size, "Features"):
            features[rows] = body(**{k: v.to(device) for k, v in batch.items()}).pooler_output.float().cpu().numpy()
    model.train(was_training)
    _FEATURE_CACHE[key] = features.copy()
    while len(_FEATURE_CACHE) > _FEATURE_CACHE_SIZE:
        del _FEATURE_CACHE[next(iter(_FEATURE_CACHE))]  # the oldest entry
    return features


def fit_head_by_linear_probe(model, tokenizer, texts: list[str], labels: np.ndarray, *, max_length: int = 128,
                             regularisation: float = 1.0) -> float:
    """Initialise the classification head with logistic regressions fitted on frozen features.

    The first stage of "linear probe, then fine-tune": a randomly initialised head sends almost no
    useful gradient into the pretrained body, and with BCE the model first learns the label prior
    and can stall there. Starting the head from a fitted probe avoids that. Returns the probe's
    training micro-F1 at 0.5.
    """
    import torch
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score

    from helpers.models import classification_head

    features = pooled_features(model, tokenizer, texts, max_length=max_length)
    labels = np.asarray(labels)
    weights, biases = [], []
    for j in range(labels.shape[1]):
        probe = LogisticRegression(C=regularisation, max_iter=2000).fit(features, labels[:, j])
        weights.append(probe.coef_[0])
        biases.append(probe.intercept_[0])
    head = classification_head(model)
    with torch.no_grad():
        head.weight.copy_(torch.as_tensor(np.stack(weights), dtype=head.weight.dtype))
        head.bias.copy_(torch.as_tensor(np.array(biases), dtype=head.bias.dtype))
    predictions = (features @ np.stack(weights).T + np.array(biases)) > 0
    return float(f1_score(labels, predictions, average="micro", zero_division=0))


# --- the Trainer -----------------------------------------------------------------------------


def _trainer_class():
    from transformers import Trainer

    from helpers.models import classification_head

    class TutorialTrainer(Trainer):
        """A Trainer that can give the new classification head its own, larger learning rate."""

        # our compute_loss_func returns a per-batch mean: let the Trainer divide it for accumulation
        loss_is_scaled_for_ga = False

        def __init__(self, *args, head_learning_rate: float | None = None, **kwargs):
            super().__init__(*args, **kwargs)
            self.head_learning_rate = head_learning_rate

        def _get_eval_sampler(self, eval_dataset):
            # With train_sampling_strategy="group_by_length", transformers 5 also length-groups the
            # evaluation batches, so trainer.predict() returns rows in a shuffled order that no longer
            # matches the dataset. Evaluation gains nothing from it: keep the dataset's order.
            from torch.utils.data import SequentialSampler

            if eval_dataset is None or self.args.world_size > 1:
                return super()._get_eval_sampler(eval_dataset)
            return SequentialSampler(eval_dataset)

        def create_optimizer(self, model=None):
            if self.head_learning_rate is None or self.optimizer is not None:
                return super().create_optimizer(model)
            import torch

            model = self.model if model is None else model
            head_ids = {id(p) for p in classification_head(model).parameters()}
            decay = set(self.get_decay_parameter_names(model))
            groups: dict[tuple[bool, bool], list] = {}
            for name, parameter in model.named_parameters():
                if parameter.requires_grad:
                    groups.setdefault((id(parameter) in head_ids, name in decay), []).append(parameter)
            self.optimizer = torch.optim.AdamW(
                [
                    {
                        "params": params,
                        "lr": self.head_learning_rate if is_head else self.args.learning_rate,
                        "weight_decay": self.args.weight_decay if decays else 0.0,
                    }
                    for (is_head, decays), params in groups.items()
                ],
                lr=self.args.learning_rate,
            )
            return self.optimizer

    return TutorialTrainer


def make_trainer(
    model,
    tokenizer,
    tokenized,
    output_dir: str | Path,
    *,
    problem: str = MULTI_LABEL,
    epochs: float = 3,
    batch_size: int = 32,
    learning_rate: float = 5e-5,
    head_learning_rate: float | None = None,
    warmup_ratio: float = 0.1,
    weight_decay: float = 0.01,
    seed: int = 42,
    pos_weight: np.ndarray | None = None,
    threshold: float = 0.5,
    device: DeviceInfo | None = None,
    max_steps: int = -1,
    logging_steps: int | None = None,
    save_checkpoints: bool = True,
    gradient_accumulation_steps: int = 1,
):
    """A Trainer with our recipe; `tokenized` is a DatasetDict with train and validation splits.

    problem="multi_label" scores with micro-F1 at `threshold` and can use `pos_weight`;
    problem="multiclass" expects one class id per text and picks the best epoch by macro-F1.
    """
    from transformers import DataCollatorWithPadding, TrainingArguments

    from helpers.metrics import make_multiclass_compute_metrics, make_multilabel_compute_metrics

    if problem not in (MULTI_LABEL, MULTICLASS):
        raise ValueError(f"problem must be {MULTI_LABEL!r} or {MULTICLASS!r}, got {problem!r}.")
    if pos_weight is not None and problem != MULTI_LABEL:
        raise ValueError("pos_weight belongs to BCEWithLogitsLoss and only applies to multi-label training.")
    device = device or detect_device()
    steps_per_epoch = math.ceil(len(tokenized["train"]) / (batch_size * gradient_accumulation_steps))
    strategy = "epoch" if save_checkpoints else "no"
    args = TrainingArguments(
        output_dir=str(output_dir),
        num_train_epochs=epochs,
        max_steps=max_steps,
        per_device_train_batch_size=batch_size,
        per_device_eval_batch_size=batch_size * 2,
        gradient_accumulation_steps=gradient_accumulation_steps,
        learning_rate=learning_rate,
        warmup_steps=warmup_ratio,  # a float below 1 is a fraction of all steps
        weight_decay=weight_decay,
        lr_scheduler_type="linear",
        eval_strategy="epoch",
        save_strategy=strategy,
        save_total_limit=2 if save_checkpoints else None,
        load_best_model_at_end=save_checkpoints,
        metric_for_best_model="micro_f1" if problem == MULTI_LABEL else "macro_f1",
        greater_is_better=True,
        train_sampling_strategy="group_by_length",
        logging_strategy="steps",
        logging_steps=logging_steps or max(1, steps_per_epoch // 4),
        seed=seed,
        data_seed=seed,
        report_to="none",
        disable_tqdm=False,
        dataloader_num_workers=0,
        # Our losses are per-batch means. Left on, this setting makes the Trainer treat them as sums over
        # tokens and multiply them by the number of processes: under torchrun/accelerate the logged loss
        # (and the gradient before clipping) would be N times too large.
        average_tokens_across_devices=False,
        ddp_find_unused_parameters=False,  # every parameter takes part in each step; skip DDP's extra search
        **precision_arguments(device),
    )
    compute_metrics = (
        make_multilabel_compute_metrics(threshold) if problem == MULTI_LABEL else make_multiclass_compute_metrics()
    )
    trainer = _trainer_class()(
        model=model,
        args=args,
        train_dataset=tokenized["train"],
        eval_dataset=tokenized["validation"],
        processing_class=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics,
        compute_loss_func=bce_loss_with_pos_weight(pos_weight) if pos_weight is not None else None,
        head_learning_rate=head_learning_rate,
    )
    return trainer


def train(trainer, resume_from_checkpoint: str | bool | None = None):
    """`trainer.train()` with a message that helps when the GPU runs out of memory."""
    import torch

    try:
        return trainer.train(resume_from_checkpoint=resume_from_checkpoint)
    except torch.cuda.OutOfMemoryError as error:
        args = trainer.args
        raise RuntimeError(
            f"The GPU ran out of memory at batch size {args.per_device_train_batch_size}. Halve the batch size "
            f"and double gradient_accumulation_steps (same effective batch), or lower max_length."
        ) from error


# --- the whole recipe in one call (used by later notebooks and the command line) -------------


@dataclass
class FineTuned:
    """A fine-tuned model with its tokenizer; `trainer` is None when it was loaded from disk."""

    model: object
    tokenizer: object
    folder: Path
    log_history: list
    trainer: object | None = None
    tokenized: object | None = None  # the tokenised DatasetDict, when trained in this session


def recipe_fingerprint(profile, splits, problem: str, use_pos_weight: bool) -> dict:
    """Everything that decides a fine-tuned model: a cached one is reused only if all of it matches."""
    import hashlib

    digest = hashlib.sha256()
    for text, row in zip(splits.train.texts, splits.train.labels):
        digest.update(text.encode("utf-8"))
        digest.update(row.tobytes())
    from dataclasses import asdict

    settings = {k: v for k, v in asdict(profile).items() if k != "reason"}
    return {
        "profile": settings,
        "problem": problem,
        "use_pos_weight": use_pos_weight,
        "label_names": list(splits.label_names),
        "train_sha256": digest.hexdigest(),
    }


def fine_tune(
    profile,
    splits,
    output_dir: str | Path,
    *,
    problem: str = MULTI_LABEL,
    use_pos_weight: bool = False,
    resume_from_checkpoint: str | bool | None = None,
    device: DeviceInfo | None = None,
    save_final: bool = True,
) -> FineTuned:
    """Resolve the profile's model, tokenise, (linear probe,) build the Trainer, train, save the best model.

    The best model goes to `output_dir/final` with a `recipe.json` (see `load_or_fine_tune`);
    `save_final=False` leaves the saving to the caller (the command line writes its own model folder).
    """
    from transformers import set_seed

    from helpers.models import load_tokenizer, multiclass_model, multilabel_model, resolve_model

    resolved = resolve_model(profile.model)
    set_seed(profile.seed)  # the new head's initial weights depend on it
    tokenizer = load_tokenizer(resolved)
    build = multilabel_model if problem == MULTI_LABEL else multiclass_model
    model = build(resolved, splits.label_names)
    if profile.linear_probe and problem == MULTI_LABEL:
        score = fit_head_by_linear_probe(model, tokenizer, splits.train.texts, splits.train.labels,
                                         max_length=profile.max_length)
        print(f"Linear probe: the head starts from logistic regressions on frozen features (train micro-F1 {score:.3f}).")
    target = "multi_hot" if problem == MULTI_LABEL else "primary"
    tokenized = tokenize(splits.to_datasets(target=target), tokenizer, profile.max_length)
    trainer = make_trainer(
        model,
        tokenizer,
        tokenized,
        output_dir,
        problem=problem,
        epochs=profile.epochs,
        batch_size=profile.batch_size,
        learning_rate=profile.learning_rate,
        head_learning_rate=profile.head_learning_rate,
        warmup_ratio=profile.warmup_ratio,
        seed=profile.seed,
        pos_weight=pos_weight_from(splits.train.labels) if use_pos_weight else None,
        device=device,
    )
    train(trainer, resume_from_checkpoint=resume_from_checkpoint)
    if save_final:
        folder = save_fine_tuned(trainer, profile, splits, output_dir, problem=problem, use_pos_weight=use_pos_weight)
    else:
        folder = Path(output_dir)
    return FineTuned(trainer.model, tokenizer, folder, trainer.state.log_history, trainer, tokenized)


def save_fine_tuned(trainer, profile, splits, output_dir: str | Path, *, problem: str = MULTI_LABEL,
                    use_pos_weight: bool = False) -> Path:
    """Save the trained (best) model to `output_dir/final` with the recipe that made it.

    `recipe.json` lets `load_or_fine_tune` reuse the model later; a thresholds file left there by
    an earlier model is removed, since it was tuned for other weights.
    """
    import json

    final = Path(output_dir) / "final"
    trainer.save_model(str(final))
    if trainer.is_world_process_zero():  # under torchrun, one process writes
        (final / "thresholds.json").unlink(missing_ok=True)
        (final / "recipe.json").write_text(
            json.dumps(recipe_fingerprint(profile, splits, problem, use_pos_weight), indent=2, ensure_ascii=False)
        )
        (final / "log_history.json").write_text(json.dumps(trainer.state.log_history, indent=2))
    return final


def load_or_fine_tune(
    profile, splits, output_dir: str | Path, *, problem: str = MULTI_LABEL, use_pos_weight: bool = False
) -> FineTuned:
    """Reuse the model an earlier notebook trained with exactly this recipe and data, else train it.

    Says which it did. A changed profile, dataset or option means a different fingerprint, so a
    stale model is never picked up.
    """
    import json

    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    final = Path(output_dir) / "final"
    recipe = final / "recipe.json"
    wanted = recipe_fingerprint(profile, splits, problem, use_pos_weight)
    if recipe.exists() and json.loads(recipe.read_text()) == wanted:
        print(f"Reusing the model trained earlier with this exact recipe: {final}")
        model = AutoModelForSequenceClassification.from_pretrained(str(final))
        tokenizer = AutoTokenizer.from_pretrained(str(final))
        history = json.loads((final / "log_history.json").read_text())
        return FineTuned(model, tokenizer, final, history)
    reason = "no model saved yet" if not recipe.exists() else "the saved model was trained with other settings"
    print(f"Training now ({reason} in {final}).")
    return fine_tune(profile, splits, output_dir, problem=problem, use_pos_weight=use_pos_weight)


def predict_logits(model, tokenizer, texts: list[str], *, max_length: int = 128, batch_size: int = 64) -> np.ndarray:
    """Logits for `texts` in batches (sorted by length, so little padding), in the original order."""
    import torch

    device = next(model.parameters()).device
    logits = np.zeros((len(texts), model.config.num_labels), dtype=np.float32)
    model.eval()
    with torch.no_grad():
        for rows, batch in batches_by_length(tokenizer, texts, max_length, batch_size, "Predicting"):
            logits[rows] = model(**{k: v.to(device) for k, v in batch.items()}).logits.float().cpu().numpy()
    return logits
