import json
from dataclasses import replace

import numpy as np
import pytest
import torch
from transformers import TrainerCallback

from helpers.data import load_table
from helpers.models import load_tokenizer, multilabel_model
from helpers.profiles import PROFILES
from helpers.training import (
    bce_loss_with_pos_weight,
    detect_device,
    fine_tune,
    fit_head_by_linear_probe,
    load_or_fine_tune,
    make_trainer,
    DeviceInfo,
    PrecisionError,
    pooled_features,
    pos_weight_from,
    precision_arguments,
    precision_for,
    predict_logits,
    tokenize,
    train,
    with_precision,
)

SMOKE = replace(PROFILES["smoke"], epochs=2, batch_size=16)


@pytest.mark.parametrize(("capability", "precision"), [((7, 5), "fp16"), ((8, 0), "bf16"), ((9, 0), "bf16"), (None, "fp32")])
def test_precision_follows_compute_capability_not_is_bf16_supported(capability, precision):
    assert precision_for(capability) == precision


@pytest.mark.skipif(torch.cuda.is_available(), reason="checks the machine without a GPU")
def test_cpu_machine_trains_in_fp32_and_refuses_cuda():
    info = detect_device()
    assert (info.device, info.precision) == ("cpu", "fp32")
    assert precision_arguments(info) == {"bf16": False, "fp16": False, "use_cpu": True}
    assert "Device: cpu" in info.summary()
    with pytest.raises(RuntimeError, match="Runtime > Change runtime type > GPU"):
        detect_device("cuda")
    with pytest.raises(ValueError, match="Unknown device"):
        detect_device("tpu")


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


def test_same_seed_same_metrics_and_cached_model_reuse(small_splits, tmp_path, capsys):
    first = fine_tune(SMOKE, small_splits, tmp_path / "a")
    second = fine_tune(SMOKE, small_splits, tmp_path / "b")
    evals = lambda run: [e for e in run.log_history if "eval_micro_f1" in e]  # noqa: E731
    assert [e["eval_micro_f1"] for e in evals(first)] == [e["eval_micro_f1"] for e in evals(second)]
    assert [e["eval_loss"] for e in evals(first)] == [e["eval_loss"] for e in evals(second)]

    capsys.readouterr()
    reused = load_or_fine_tune(SMOKE, small_splits, tmp_path / "a")
    assert "Reusing" in capsys.readouterr().out and reused.trainer is None
    logits = predict_logits(reused.model, reused.tokenizer, small_splits.validation.texts, max_length=SMOKE.max_length)
    trained = predict_logits(first.model, first.tokenizer, small_splits.validation.texts, max_length=SMOKE.max_length)
    np.testing.assert_allclose(logits, trained, atol=1e-5)

    recipe = json.loads((tmp_path / "a" / "final" / "recipe.json").read_text())
    assert recipe["profile"]["epochs"] == SMOKE.epochs and len(recipe["train_sha256"]) == 64
    load_or_fine_tune(replace(SMOKE, epochs=1), small_splits, tmp_path / "a")
    assert "trained with other settings" in capsys.readouterr().out


def test_out_of_memory_suggests_a_smaller_batch_or_accumulation(tiny_model, small_splits, tmp_path, monkeypatch):
    trainer = _trainer(tiny_model, small_splits, tmp_path)

    def run_out_of_memory(**kwargs):
        raise torch.cuda.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")

    monkeypatch.setattr(trainer, "train", run_out_of_memory)
    with pytest.raises(RuntimeError, match="at batch size 16. Halve the batch size and double gradient_accumulation_steps"):
        train(trainer)


def test_trainer_predict_keeps_the_dataset_order(tiny_model, small_splits, tmp_path):
    trainer = _trainer(tiny_model, small_splits, tmp_path, save_checkpoints=False)
    output = trainer.predict(trainer.eval_dataset)
    np.testing.assert_array_equal(output.label_ids, small_splits.validation.labels)
    logits = predict_logits(trainer.model, trainer.processing_class, small_splits.validation.texts, max_length=32)
    np.testing.assert_allclose(output.predictions, logits, atol=1e-5)


def test_linear_probe_head_reproduces_the_logistic_regressions(tiny_model, small_splits):
    from sklearn.metrics import f1_score

    from helpers.models import classification_head

    tokenizer = load_tokenizer(tiny_model)
    torch.manual_seed(0)
    model = multilabel_model(tiny_model, small_splits.label_names)
    texts, labels = small_splits.train.texts, small_splits.train.labels
    before = classification_head(model).weight.detach().clone()
    score = fit_head_by_linear_probe(model, tokenizer, texts, labels, max_length=32)
    head = classification_head(model)
    assert not torch.equal(before, head.weight)
    features = pooled_features(model, tokenizer, texts, max_length=32)
    logits = features @ head.weight.detach().numpy().T + head.bias.detach().numpy()
    assert np.allclose(logits, predict_logits(model, tokenizer, texts, max_length=32), atol=1e-4)
    assert score == pytest.approx(f1_score(labels, logits > 0, average="micro", zero_division=0))


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


def test_precision_can_be_chosen_where_the_device_supports_it(capsys):
    cpu = detect_device("cpu")
    assert with_precision(cpu, "auto") is cpu and with_precision(cpu, "fp32") is cpu
    bf16 = with_precision(cpu, "bf16")
    assert bf16.precision == "bf16" and precision_arguments(bf16) == {"bf16": True, "fp16": False, "use_cpu": True}
    assert "bf16 units" in capsys.readouterr().out  # says whether this CPU will be faster or slower
    with pytest.raises(PrecisionError, match="needs a CUDA GPU"):
        with_precision(cpu, "fp16")
    t4 = DeviceInfo("cuda", "Tesla T4", 15.0, (7, 5), "fp16", 32, "A CUDA GPU was found.")
    with pytest.raises(PrecisionError, match="7.5.*no bf16 units.*fp16"):
        with_precision(t4, "bf16")
    assert with_precision(t4, "fp32").precision == "fp32"
    with pytest.raises(ValueError, match="Unknown precision"):
        with_precision(cpu, "int8")
