import numpy as np
import pytest
import torch
from transformers import TrainerCallback

from helpers.data import load_table
from helpers.inference import predict_logits
from helpers.errors import TargetError
from helpers.models import load_tokenizer, multilabel_model
from helpers.training import bce_loss_with_pos_weight, check_training_data, make_trainer, pos_weight_from, tokenize, train


def test_pos_weight_is_negatives_over_positives_capped():
    labels = np.array([[1, 0], [1, 0], [0, 1], [1, 0]] + [[1, 0]] * 96, dtype=np.float32)
    np.testing.assert_allclose(pos_weight_from(labels), [1 / 99, 20.0])  # 99/1 is capped at 20
    with pytest.raises(ValueError, match="no positive example"):
        pos_weight_from(np.zeros((3, 2)))


def test_pos_weight_loss_matches_torch():
    logits = torch.randn(5, 3)
    targets = torch.randint(0, 2, (5, 3)).float()
    weight = np.array([1.0, 2.0, 5.0], dtype=np.float32)
    ours = bce_loss_with_pos_weight(weight)({"logits": logits}, targets)
    expected = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor(weight))(logits, targets)
    assert torch.allclose(ours, expected)


@pytest.fixture
def small_splits(reviews_csv):
    return load_table(reviews_csv)


def _trainer(tiny_model, splits, output_dir, **kwargs):
    tokenizer = load_tokenizer(tiny_model)
    tokenized = tokenize(splits.to_datasets(), tokenizer, max_length=32)
    torch.manual_seed(0)
    model = multilabel_model(tiny_model, splits.label_names)
    defaults = dict(epochs=2, batch_size=16, learning_rate=1e-3, seed=0)
    return make_trainer(model, tokenizer, tokenized, output_dir, **{**defaults, **kwargs})


def test_trainer_follows_the_recipe(tiny_model, small_splits, tmp_path):
    trainer = _trainer(tiny_model, small_splits, tmp_path, head_learning_rate=1e-2)
    args = trainer.args
    assert (args.eval_strategy, args.save_strategy) == ("epoch", "epoch")
    assert args.metric_for_best_model == "micro_f1" and args.load_best_model_at_end
    assert args.train_sampling_strategy == "group_by_length"
    # our losses are per-batch means: not to be multiplied by the number of DDP processes
    assert args.average_tokens_across_devices is False and args.ddp_find_unused_parameters is False
    assert type(trainer.data_collator).__name__ == "DataCollatorWithPadding"
    optimizer = trainer.create_optimizer()
    assert sorted({group["lr"] for group in optimizer.param_groups}) == [1e-3, 1e-2]
    head_params = sum(len(g["params"]) for g in optimizer.param_groups if g["lr"] == 1e-2)
    assert head_params == 2  # weight and bias of the classifier


def test_multiclass_trainer_rejects_pos_weight(tiny_model, small_splits, tmp_path):
    with pytest.raises(ValueError, match="only applies to multi-label"):
        _trainer(tiny_model, small_splits, tmp_path, problem="multiclass", pos_weight=np.ones(4))


def _with_labels(tokenized, rows):
    from datasets import DatasetDict

    return DatasetDict({name: split.remove_columns("labels").add_column("labels", rows[: len(split)])
                        for name, split in tokenized.items()})


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        (lambda n, k: [[1, 0] + [0] * (k - 2)] * n, "dtype int64, but BCEWithLogitsLoss needs float"),
        (lambda n, k: [[0, 3] if i % 2 else [1] for i in range(n)], "look like lists of label indices"),
        (lambda n, k: [[1.0] + [0.0] * k] * n, "rows have length 5 but num_labels=4"),
        (lambda n, k: [1] * n, "one class index per text, the multiclass format"),
    ],
    ids=["int64 rows", "index lists", "width", "class ids"],
)
def test_the_classic_target_mistakes_are_explained_before_training(tiny_model, small_splits, tmp_path, labels, message):
    tokenizer = load_tokenizer(tiny_model)
    tokenized = tokenize(splits_datasets := small_splits.to_datasets(), tokenizer, max_length=32)
    rows = labels(max(len(s) for s in splits_datasets.values()), small_splits.num_labels)
    model = multilabel_model(tiny_model, small_splits.label_names)
    with pytest.raises(TargetError, match=message):
        make_trainer(model, tokenizer, _with_labels(tokenized, rows), tmp_path)


def test_problem_type_unset_with_integer_rows_is_the_original_questions_failure(tiny_model, small_splits, tmp_path):
    tokenizer = load_tokenizer(tiny_model)
    tokenized = tokenize(small_splits.to_datasets(), tokenizer, max_length=32)
    model = multilabel_model(tiny_model, small_splits.label_names)
    model.config.problem_type = None  # as from_pretrained(name, num_labels=8) leaves it
    check_training_data(model, tokenized, "multi_label")  # float rows: transformers infers multi-label, fine
    rows = [[int(v) for v in row] for row in small_splits.train.labels.tolist()]
    integer = _with_labels(tokenized, rows * 2)
    with pytest.raises(TargetError, match="infers single_label_classification from the integer dtype"):
        check_training_data(model, integer, "multi_label")
    model.config.problem_type = "single_label_classification"
    with pytest.raises(ValueError, match="keeps the problem_type it was saved with"):
        check_training_data(model, tokenized, "multi_label")


def test_interrupted_training_resumes_from_its_checkpoint(tiny_model, small_splits, tmp_path):
    class StopAfterFirstEpoch(TrainerCallback):
        def on_epoch_end(self, args, state, control, **kwargs):
            control.should_training_stop = True

    full = _trainer(tiny_model, small_splits, tmp_path / "full")
    train(full)
    interrupted = _trainer(tiny_model, small_splits, tmp_path / "resumed")
    interrupted.add_callback(StopAfterFirstEpoch())
    train(interrupted)
    assert interrupted.state.global_step == full.state.global_step // 2
    resumed = _trainer(tiny_model, small_splits, tmp_path / "resumed")
    train(resumed, resume_from_checkpoint=True)
    assert resumed.state.global_step == full.state.global_step
    last = lambda t: [e["eval_micro_f1"] for e in t.state.log_history if "eval_micro_f1" in e][-1]  # noqa: E731
    assert last(resumed) == pytest.approx(last(full), abs=1e-6)


def test_out_of_memory_suggests_a_smaller_batch_or_accumulation(tiny_model, small_splits, tmp_path, monkeypatch):
    trainer = _trainer(tiny_model, small_splits, tmp_path)

    def run_out_of_memory(**kwargs):
        raise torch.cuda.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")

    monkeypatch.setattr(trainer, "train", run_out_of_memory)
    with pytest.raises(RuntimeError, match="at batch size 16. Halve the batch size and double gradient_accumulation_steps"):
        train(trainer)


def test_trainer_predict_returns_length_grouped_rows_so_we_predict_with_predict_logits(tiny_model, small_splits, tmp_path):
    """Why the package never joins trainer.predict rows to the dataset: with train_sampling_strategy=
    "group_by_length", transformers 5 also length-groups evaluation batches. Its label_ids come back in
    the same shuffled order as its predictions (so metrics are right), but row i is not dataset row i."""
    trainer = _trainer(tiny_model, small_splits, tmp_path, save_checkpoints=False)
    output = trainer.predict(trainer.eval_dataset)
    truth = small_splits.validation.labels
    logits = predict_logits(trainer.model, trainer.processing_class, small_splits.validation.texts, max_length=32)
    order = [next(i for i in range(len(logits)) if np.allclose(logits[i], row, atol=1e-5)) for row in output.predictions]
    assert order != list(range(len(order)))  # the trap: another order than the dataset's
    np.testing.assert_array_equal(output.label_ids, truth[order])  # but labels and predictions stay paired


def test_make_trainer_builds_exactly_the_arguments_notebook_04_prints_from_training_arguments(tmp_path):
    """Notebook 04 shows `TrainingArguments(**training_arguments(...))`; make_trainer reads the same source."""
    import math

    from transformers import TrainingArguments

    from helpers.data import load_embedded
    from helpers.device import detect_device
    from helpers.models import load_tokenizer, multilabel_model, resolve_model
    from helpers.training import make_trainer, tokenize, training_arguments

    splits = load_embedded().shrink(64, 32, seed=0)
    resolved = resolve_model("tiny", verbose=False)
    tokenizer = load_tokenizer(resolved.name_or_path)
    model = multilabel_model(resolved.name_or_path, splits.label_names)
    tokenized = tokenize(splits.to_datasets(), tokenizer, max_length=32)
    device = detect_device("cpu")
    trainer = make_trainer(model, tokenizer, tokenized, tmp_path / "checkpoints", epochs=2, batch_size=8,
                           learning_rate=1e-3, warmup_ratio=0.1, seed=3, device=device)
    shown = TrainingArguments(**training_arguments(
        tmp_path / "checkpoints", epochs=2, batch_size=8, learning_rate=1e-3, warmup_ratio=0.1, seed=3,
        steps_per_epoch=math.ceil(len(tokenized["train"]) / 8), device=device))
    ours, helpers_args = shown.to_dict(), trainer.args.to_dict()
    assert {k for k in ours.keys() | helpers_args.keys() if ours.get(k) != helpers_args.get(k)} <= {"logging_dir"}
    assert len(ours) > 100  # every argument of TrainingArguments, not a handful
