import pytest
import torch

from helpers.device import DeviceInfo, PrecisionError, detect_device, precision_arguments, precision_for, with_precision


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
