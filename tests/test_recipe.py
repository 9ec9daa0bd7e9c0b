"""The recipe end to end: one run layout, provenance, reuse, and runs that are repeated or interrupted."""

import json
import shutil

import numpy as np
import pytest

from helpers.inference import Predictor
from helpers.metrics import decision_metrics
from helpers.recipe import fine_tune, load_or_train, load_run, provenance
from helpers.run_folder import valid_checkpoints


def test_a_run_folder_has_one_layout_and_as_saved_scores_are_the_decisions_delivered(smoke_run):
    run_dir, splits = smoke_run["run_dir"], smoke_run["splits"]
    assert {p.name for p in run_dir.iterdir()} == {"model", "metrics.json", "log_history.json", "checkpoints"}
    metrics = json.loads((run_dir / "metrics.json").read_text())
    assert set(metrics["test"]) == {"threshold_0.5", "tuned_global", "tuned_per_label", "as_saved"}
    assert metrics["thresholds"]["tuned_on"] == "validation" and metrics["thresholds"]["at_least_one"] is True
    predictor = Predictor(run_dir / "model")
    for name in ("validation", "test"):
        scores = predictor.predict_proba(splits[name].texts)
        delivered = decision_metrics(predictor.decide(scores), splits[name].labels, scores)
        assert metrics[name]["as_saved"] == {**delivered, "texts": len(splits[name])}
    # one copy of the final weights: the model folder (the epoch checkpoints are for --resume)
    copies = [p for p in run_dir.rglob("model.safetensors") if not p.parent.name.startswith("checkpoint-")]
    assert copies == [run_dir / "model" / "model.safetensors"]


def test_same_seed_same_model_and_reuse_only_for_the_same_data_and_recipe(smoke_run, tmp_path, capsys):
    profile, splits = smoke_run["profile"], smoke_run["splits"]
    again = fine_tune(profile, splits, tmp_path / "again")
    evals = lambda history: [e["eval_micro_f1"] for e in history if "eval_micro_f1" in e]  # noqa: E731
    assert evals(again.log_history) == evals(smoke_run["run"].log_history)
    assert again.metrics["test"] == smoke_run["run"].metrics["test"]
    capsys.readouterr()
    reused = load_or_train(profile, splits, tmp_path / "again")
    assert "Reusing" in capsys.readouterr().out and reused.trainer is None
    retrained = load_or_train(profile.with_overrides(epochs=1), splits, tmp_path / "again")
    out = capsys.readouterr().out
    assert "Training now (the saved model differs (other settings: epochs)" in out and retrained.trainer is not None
    assert load_run(tmp_path / "again").folder.provenance["recipe"]["epochs"] == 1
    other_rule = load_or_train(profile.with_overrides(epochs=1), splits, tmp_path / "again", at_least_one=False)
    assert "another decision rule" in capsys.readouterr().out
    assert other_rule.folder.thresholds.at_least_one is False


def test_provenance_separates_the_split_seed_from_the_training_seed(smoke_run):
    from helpers.data import load_table

    profile = smoke_run["profile"]
    other_split = load_table(smoke_run["csv"], seed=7)
    a = provenance(profile, smoke_run["splits"])
    b = provenance(profile, other_split)
    c = provenance(profile.with_overrides(seed=7), smoke_run["splits"])
    assert (a["split_seed"], b["split_seed"]) == (0, 7) and a["data_sha256"] != b["data_sha256"]
    assert a["training_seed"] != c["training_seed"] and a["data_sha256"] == c["data_sha256"]


def test_resume_skips_a_half_written_checkpoint_and_continues_the_valid_one(smoke_run, tmp_path, capsys):
    run_dir = tmp_path / "run"
    shutil.copytree(smoke_run["run_dir"], run_dir)
    for name in ("model", "metrics.json", "log_history.json"):  # killed before the end ...
        path = run_dir / name
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    checkpoints = valid_checkpoints(run_dir / "checkpoints")
    assert len(checkpoints) == 2
    last = checkpoints[-1]
    (last / "model.safetensors").write_bytes((last / "model.safetensors").read_bytes()[:100])  # ... while writing this one
    capsys.readouterr()
    resumed = fine_tune(smoke_run["profile"], smoke_run["splits"], run_dir, resume=True)
    captured = capsys.readouterr()
    out = captured.out + captured.err
    assert f"Skipping {last}" in out and f"Resuming from {checkpoints[0]}" in out
    full = smoke_run["run"].log_history
    assert resumed.log_history[-1]["step"] == full[-1]["step"]
    np.testing.assert_allclose(
        [e["eval_micro_f1"] for e in resumed.log_history if "eval_micro_f1" in e][-1],
        [e["eval_micro_f1"] for e in full if "eval_micro_f1" in e][-1], atol=1e-6)


@pytest.mark.parametrize("precision", ["bf16", "fp32"])
def test_as_saved_is_what_predictor_delivers_whatever_precision_trained_the_model(smoke_run, tmp_path, precision):
    """Under bf16 the Trainer leaves an autocast wrapper on the model's forward; finish_run scores without it,
    as Predictor does from the saved fp32 weights (on any CPU: bf16 runs, only more slowly, without bf16 units)."""
    from helpers.device import detect_device, with_precision

    splits = smoke_run["splits"]
    device = with_precision(detect_device("cpu"), precision)
    run = fine_tune(smoke_run["profile"], splits, tmp_path / "run", device=device)
    assert "_original_forward" not in run.model.__dict__  # no autocast wrapper left on the returned model
    metrics = json.loads((tmp_path / "run" / "metrics.json").read_text())
    predictor = Predictor(tmp_path / "run" / "model")
    for name in ("validation", "test"):
        scores = predictor.predict_proba(splits[name].texts)
        assert metrics[name]["as_saved"] == {**decision_metrics(predictor.decide(scores), splits[name].labels, scores),
                                             "texts": len(splits[name])}


def test_a_max_length_the_model_cannot_read_is_refused_before_any_work(tmp_path):
    from helpers.profiles import PROFILES, SettingsError
    from helpers.recipe import fine_tune

    profile = PROFILES["smoke"].with_overrides(max_length=1024)  # the tiny BERT has 512 positions
    with pytest.raises(SettingsError, match="reads at most 512 tokens"):
        fine_tune(profile, None, tmp_path / "run")
    assert not (tmp_path / "run").exists()  # nothing left behind that blocks a retry
