"""The Trainer set-up used by every notebook and the command line.

Our recipe: dynamic padding (`DataCollatorWithPadding`), length-grouped training batches
(`train_sampling_strategy="group_by_length"`), evaluation and checkpoints every epoch, the best
epoch by validation micro-F1, a fixed seed, and the precision the device does best
(`helpers.device`). The same factory trains the multiclass baseline (CrossEntropyLoss).

Before a Trainer is built, its targets and model are checked (`check_targets`,
`check_model_matches_labels`), so the classic mistakes (integer targets, index lists, a width that
is not num_labels, an unset problem_type) get a message that says what to do instead of
PyTorch's.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from helpers.device import DeviceInfo, detect_device, precision_arguments

MULTI_LABEL = "multi_label"
MULTICLASS = "multiclass"
PROBLEM_TYPES = {MULTI_LABEL: "multi_label_classification", MULTICLASS: "single_label_classification"}


# --- tokenisation -----------------------------------------------------------------------------


def tokenize(datasets, tokenizer, *, max_length: int):
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


def training_arguments(
    output_dir: str | Path,
    *,
    problem: str = MULTI_LABEL,
    epochs: float = 3,
    batch_size: int = 32,
    learning_rate: float = 5e-5,
    warmup_ratio: float = 0.1,
    weight_decay: float = 0.01,
    seed: int = 42,
    steps_per_epoch: int,
    device: DeviceInfo | None = None,
    max_steps: int = -1,
    logging_steps: int | None = None,
    save_checkpoints: bool = True,
    gradient_accumulation_steps: int = 1,
) -> dict:
    """The recipe's `TrainingArguments`, as keyword arguments: the one source `make_trainer` and notebook 04 read.

    Evaluate and save every epoch and keep the best by validation micro-F1 (macro-F1 for multiclass); linear decay
    after a warm-up over the first `warmup_ratio` of the steps; length-grouped batches; seeds for the head and the
    data order; the device's precision (`precision_arguments`); our loss is a mean per batch, so the Trainer must
    not average tokens across devices.
    """
    device = device or detect_device()
    strategy = "epoch" if save_checkpoints else "no"
    return dict(
        output_dir=str(output_dir),
        num_train_epochs=epochs,
        max_steps=max_steps,
        per_device_train_batch_size=batch_size,
        per_device_eval_batch_size=batch_size * 2,  # no gradients to keep: evaluation can take larger batches
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

    if pos_weight is not None and problem != MULTI_LABEL:
        raise ValueError("pos_weight belongs to BCEWithLogitsLoss and only applies to multi-label training.")
    check_training_data(model, tokenized, problem)
    steps_per_epoch = math.ceil(len(tokenized["train"]) / (batch_size * gradient_accumulation_steps))
    args = TrainingArguments(**training_arguments(
        output_dir, problem=problem, epochs=epochs, batch_size=batch_size, learning_rate=learning_rate,
        warmup_ratio=warmup_ratio, weight_decay=weight_decay, seed=seed, steps_per_epoch=steps_per_epoch,
        device=device, max_steps=max_steps, logging_steps=logging_steps, save_checkpoints=save_checkpoints,
        gradient_accumulation_steps=gradient_accumulation_steps,
    ))
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


def check_training_data(model, tokenized, problem: str = MULTI_LABEL) -> None:
    """Raise a clear error before training when targets or model do not fit the problem.

    Multi-label: float multi-hot rows of width num_labels (`check_targets`). Multiclass: one whole
    class id per text, in [0, num_labels). A problem_type set for the other problem is refused. Left
    unset, transformers infers it from the targets' dtype at the first batch: float rows become
    multi-label, but the integer rows `MultiLabelBinarizer` returns become single-label, and
    cross-entropy then fails on their shape; that case gets its own message.
    """
    from helpers.errors import TargetError
    from helpers.labels import check_targets

    if problem not in PROBLEM_TYPES:
        raise ValueError(f"problem must be {MULTI_LABEL!r} or {MULTICLASS!r}, got {problem!r}.")
    expected = PROBLEM_TYPES[problem]
    config = model.config
    if config.problem_type not in (None, expected):
        raise ValueError(
            f"The model's problem_type is {config.problem_type!r} but this is {problem} training, which needs "
            f"{expected!r}. A checkpoint keeps the problem_type it was saved with: load the model with "
            f"problem_type={expected!r} (helpers.models.multilabel_model / multiclass_model do, and "
            "multiclass_to_multilabel re-heads a multiclass checkpoint)."
        )
    for split in ("train", "validation"):
        if split not in tokenized:
            raise ValueError(f"The tokenised data has no {split!r} split; pass a DatasetDict with train and validation.")
        if "labels" not in tokenized[split].column_names:
            raise ValueError(f"The {split} split has no 'labels' column (columns: {tokenized[split].column_names}).")
        labels = tokenized[split]["labels"]
        name = f"the {split} labels"
        if problem == MULTI_LABEL:
            rows = _as_rows(labels, config.num_labels, name)
            if config.problem_type is None and np.issubdtype(np.asarray(rows[:1]).dtype, np.integer):
                raise TargetError(
                    f"{name} are integer rows and the model's problem_type is unset, so transformers infers "
                    "single_label_classification from the integer dtype and CrossEntropyLoss then fails on the shape "
                    "(e.g. 'Expected input batch_size (32) to match target batch_size (256)'). Set "
                    "problem_type='multi_label_classification' and cast the rows to float32."
                )
            check_targets(rows, config.num_labels, name=name)
            continue
        ids = np.asarray(labels)
        if ids.ndim != 1 or not np.issubdtype(ids.dtype, np.integer):
            raise TargetError(
                f"{name} must be one whole class id per text for multiclass training (CrossEntropyLoss); got an "
                f"array of shape {ids.shape} and dtype {ids.dtype}. Multi-hot rows belong to multi-label training."
            )
        if ids.size and (ids.min() < 0 or ids.max() >= config.num_labels):
            raise TargetError(f"{name} hold class ids from {ids.min()} to {ids.max()}, but the model has "
                              f"num_labels={config.num_labels} (ids 0 to {config.num_labels - 1}).")


def _as_rows(labels, num_labels: int, name: str):
    """The label column as an array (a Dataset column may be a list of lists of differing lengths)."""
    rows = list(labels)
    if rows and not isinstance(rows[0], (list, tuple, np.ndarray)):
        return np.asarray(rows)  # 1-D: check_targets explains the multiclass format
    return rows  # check_targets turns ragged index lists into a teaching message


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


