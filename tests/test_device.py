import pytest
import torch

import helpers.device as device_module
from helpers.device import (
    DeviceInfo,
    PrecisionError,
    cpu_bf16_units,
    detect_device,
    precision_arguments,
    precision_for,
    with_precision,
)


@pytest.fixture
def cpu_units(monkeypatch):
    """Pretend the CPU has the bf16 units given (or none)."""

    def pretend(units: list[str]):
        monkeypatch.setattr(device_module, "cpu_bf16_units", lambda: list(units))

    return pretend


@pytest.mark.parametrize(("capability", "precision"), [((7, 5), "fp16"), ((8, 0), "bf16"), ((9, 0), "bf16"), (None, "fp32")])
def test_precision_follows_compute_capability_not_is_bf16_supported(capability, precision):
    assert precision_for(capability) == precision


@pytest.mark.skipif(torch.cuda.is_available(), reason="checks the machine without a GPU")
def test_cpu_without_bf16_units_trains_in_fp32_and_cuda_is_refused(cpu_units):
    cpu_units([])
    info = detect_device()
    assert (info.device, info.precision) == ("cpu", "fp32")
    assert precision_arguments(info) == {"bf16": False, "fp16": False, "use_cpu": True}
    assert "Device: cpu" in info.summary() and "no bf16 units" in info.reason
    with pytest.raises(RuntimeError, match="Runtime > Change runtime type > GPU"):
        detect_device("cuda")
    with pytest.raises(ValueError, match="Unknown device"):
        detect_device("tpu")


@pytest.mark.skipif(torch.cuda.is_available(), reason="checks the machine without a GPU")
@pytest.mark.parametrize("units", [["AMX"], ["AVX512-BF16"], ["AMX", "AVX512-BF16"]])
def test_cpu_with_bf16_units_trains_under_bf16_autocast_and_says_why(cpu_units, units):
    cpu_units(units)
    info = detect_device("cpu")
    assert info.precision == "bf16"
    assert precision_arguments(info) == {"bf16": True, "fp16": False, "use_cpu": True}  # autocast on the CPU
    assert " and ".join(units) in info.reason and "--precision fp32" in info.reason
    fp32 = with_precision(info, "fp32")  # the way back to plain fp32, on any CPU
    assert fp32.precision == "fp32" and precision_arguments(fp32)["bf16"] is False


@pytest.mark.skipif(torch.cuda.is_available(), reason="checks the machine without a GPU")
def test_tutorial_precision_gives_a_whole_class_the_same_precision_without_editing_cells(cpu_units, monkeypatch):
    cpu_units(["AVX512-BF16"])
    monkeypatch.setenv("TUTORIAL_PRECISION", "fp32")
    assert detect_device().precision == "fp32"  # a CPU with bf16 units trains like one without
    monkeypatch.setenv("TUTORIAL_PRECISION", " Auto ")
    assert detect_device().precision == "bf16"
    cpu_units([])
    monkeypatch.setenv("TUTORIAL_PRECISION", "bf16")
    assert detect_device().precision == "bf16"
    for wrong, message in (("fp16", "fp16 training needs a CUDA GPU"), ("half", "TUTORIAL_PRECISION='half' is not a precision")):
        monkeypatch.setenv("TUTORIAL_PRECISION", wrong)
        with pytest.raises(PrecisionError, match=message):
            detect_device()


def test_bf16_units_are_those_torch_reports_and_none_without_onednn(monkeypatch):
    found = cpu_bf16_units()
    assert set(found) <= {"AMX", "AVX512-BF16"}
    assert ("AVX512-BF16" in found) == bool(torch.cpu._is_avx512_bf16_supported())
    monkeypatch.setattr(torch.backends.mkldnn, "is_available", lambda: False)
    assert cpu_bf16_units() == []  # without oneDNN nothing would use the units


def test_precision_can_be_chosen_where_the_device_supports_it(cpu_units, capsys):
    cpu_units([])
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


def _train_tiny(tiny_model, reviews_csv, folder, precision: str):
    """A few optimiser steps of our recipe on the tiny model; its losses and the model it trained."""
    from helpers.data import load_table
    from helpers.models import load_tokenizer, multilabel_model
    from helpers.training import make_trainer, tokenize

    splits = load_table(reviews_csv)
    tokenizer = load_tokenizer(tiny_model)
    torch.manual_seed(0)
    model = multilabel_model(tiny_model, splits.label_names)
    device = with_precision(detect_device("cpu"), precision)
    trainer = make_trainer(model, tokenizer, tokenize(splits.to_datasets(), tokenizer, max_length=32), folder,
                           epochs=1, batch_size=16, learning_rate=1e-3, seed=0, device=device, max_steps=4,
                           logging_steps=1, save_checkpoints=False)
    trainer.train()
    return [e["loss"] for e in trainer.state.log_history if "loss" in e], trainer


def test_fp32_stays_plain_fp32_and_deterministic_whatever_the_cpu(tiny_model, reviews_csv, tmp_path):
    losses, trainer = _train_tiny(tiny_model, reviews_csv, tmp_path / "a", "fp32")
    again, _ = _train_tiny(tiny_model, reviews_csv, tmp_path / "b", "fp32")
    assert len(losses) == 4 and losses == again  # bit for bit, run after run
    assert not hasattr(trainer.model, "_original_forward")  # no autocast wrapper: plain fp32 matrix products
    bf16, bf16_trainer = _train_tiny(tiny_model, reviews_csv, tmp_path / "c", "bf16")
    assert hasattr(bf16_trainer.model, "_original_forward")  # accelerate's bf16 autocast around forward
    assert bf16 == pytest.approx(losses, rel=0.05) and bf16 != losses  # close to fp32, not the same numbers
