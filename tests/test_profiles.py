import json

import pytest

from helpers.profiles import PROFILES, choose_profile, load_profile_data, record_key_metric


def test_profile_from_the_environment_is_printed_with_its_reason(monkeypatch, capsys):
    monkeypatch.setenv("TUTORIAL_PROFILE", "smoke")
    profile = choose_profile()
    assert profile.name == "smoke" and profile.model == "tiny"
    assert "Chosen by TUTORIAL_PROFILE" in capsys.readouterr().out


def test_without_a_choice_the_hardware_decides(monkeypatch, capsys):
    import torch

    monkeypatch.delenv("TUTORIAL_PROFILE", raising=False)
    monkeypatch.delenv("TUTORIAL_DATASET", raising=False)
    profile = choose_profile()
    expected = "gpu" if torch.cuda.is_available() else "cpu"
    assert profile.name == expected and profile.reason in capsys.readouterr().out


def test_unknown_profile_or_dataset_is_refused(monkeypatch):
    with pytest.raises(ValueError, match="Unknown profile 'fast'"):
        choose_profile("fast")
    monkeypatch.setenv("TUTORIAL_DATASET", "imdb")
    with pytest.raises(ValueError, match="use 'embedded' or 'germeval'"):
        choose_profile("cpu")


def test_smoke_profile_uses_a_stratified_subset_of_the_embedded_reviews():
    splits = load_profile_data(PROFILES["smoke"])
    sizes = splits.sizes()
    assert abs(sizes["train"] - PROFILES["smoke"].max_train) <= 10
    assert abs(sizes["validation"] - PROFILES["smoke"].max_eval) <= 10
    assert splits.train.labels.sum(axis=0).min() > 0  # every label keeps examples


def test_key_metrics_are_recorded_for_the_summary_table(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("TUTORIAL_RESULTS", str(tmp_path))
    record_key_metric("05_thresholds", "test micro-F1", 0.5, PROFILES["smoke"])
    stored = json.loads((tmp_path / "05_thresholds.json").read_text())
    assert stored == {"notebook": "05_thresholds", "metric": "test micro-F1", "value": 0.5, "profile": "smoke"}
    assert "05_thresholds: test micro-F1 = 0.500" in capsys.readouterr().out


def test_overrides_keep_what_is_not_given_and_refuse_unknown_settings():
    smoke = PROFILES["smoke"]
    changed = smoke.with_overrides(epochs=5, learning_rate=None, split_seed=3)
    assert (changed.epochs, changed.learning_rate, changed.split_seed, changed.seed) == (5, smoke.learning_rate, 3, smoke.seed)
    with pytest.raises(ValueError, match="Unknown profile settings \\['epoch'\\]"):
        smoke.with_overrides(epoch=5)


def test_the_linear_probe_is_used_where_it_was_measured_to_help():
    assert PROFILES["cpu"].uses_linear_probe("minilm") and not PROFILES["gpu"].uses_linear_probe("german")
    assert PROFILES["gpu"].uses_linear_probe("minilm")  # the gpu profile's offline fallbacks
    assert PROFILES["gpu"].uses_linear_probe("multilingual") and PROFILES["cpu"].uses_linear_probe("multilingual")


def test_word_embeddings_are_frozen_where_it_was_measured_to_pay():
    assert PROFILES["cpu"].model == "multilingual" and PROFILES["cpu"].freezes_word_embeddings("multilingual")
    assert not PROFILES["gpu"].freezes_word_embeddings("german") and not PROFILES["cpu"].freezes_word_embeddings("minilm")
    assert PROFILES["cpu"].with_overrides(freeze_word_embeddings=False).freezes_word_embeddings("multilingual") is False
    assert PROFILES["smoke"].uses_linear_probe("tiny")  # forced on, so CI runs the probe's code


@pytest.mark.parametrize(("settings", "message"), [
    ({"epochs": 0}, "epochs is 0, but it must be more than 0"),
    ({"epochs": -1}, "epochs is -1"),
    ({"batch_size": 0}, "batch_size is 0, but it must be at least 1.*--batch-size 32"),
    ({"learning_rate": -1.0}, "learning_rate is -1.0, but it must be more than 0"),
    ({"max_length": 100000}, "max_length is 100000.*--max-length 128"),
    ({"batch_size": 2.5}, "batch_size is 2.5, not a whole number"),
    ({"warmup_ratio": 1.5}, "warmup_ratio is 1.5"),
])
def test_settings_out_of_range_are_refused_at_once_with_the_flag(settings, message):
    from helpers.profiles import SettingsError

    with pytest.raises(SettingsError, match=message):
        PROFILES["cpu"].with_overrides(**settings)
