"""The device to train on and the numeric precision it does best, with the reason for each choice.

bf16 on NVIDIA GPUs of compute capability 8.0 and up, fp16 below that; on a CPU, bf16 autocast where
the CPU computes bf16 natively (Intel AMX or AVX512-BF16, as on recent Xeons and AMD Zen 4) and fp32
where it does not (there bf16 would be slower); fp32 on Apple's MPS backend. `with_precision` lets a
user ask for another one where the device supports it (`--precision fp32` gives plain fp32 anywhere).

Under bf16 autocast the weights and the optimiser stay in fp32; only the matrix products run in
bf16. Measured on the embedded data (docs/BENCHMARKS.md): faster training with validation scores
within a point of fp32. The numbers differ in the last digits between a CPU with bf16 units and one
without, because one trains in bf16 autocast and the other in fp32.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from helpers.errors import DeviceError, PrecisionError
from helpers.reporting import get_logger

log = get_logger(__name__)


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


PRECISION_VARIABLE = "TUTORIAL_PRECISION"


def detect_device(requested: str | None = None) -> DeviceInfo:
    """The device to train on: `requested` ("cuda", "mps", "cpu") or the best one available.

    Its precision is the one the device does best, unless the TUTORIAL_PRECISION environment variable
    names another ("fp32" gives the same numbers on every CPU, with or without bf16 units).
    """
    info = _best_device(requested)
    chosen = os.environ.get(PRECISION_VARIABLE, "").strip().lower()
    if chosen and chosen != "auto":
        if chosen not in PRECISIONS:
            raise PrecisionError(
                f"{PRECISION_VARIABLE}={chosen!r} is not a precision; unset it or use one of {', '.join(PRECISIONS)}."
            )
        info = with_precision(info, chosen)
    return info


def _best_device(requested: str | None) -> DeviceInfo:
    import torch

    has_mps = bool(getattr(torch.backends, "mps", None)) and torch.backends.mps.is_available()
    if requested == "cuda" and not torch.cuda.is_available():
        raise DeviceError(
            "CUDA was requested but PyTorch sees no GPU. On Colab: Runtime > Change runtime type > GPU, "
            "then restart; elsewhere, check `nvidia-smi` and that torch was installed with CUDA support. "
            "Or run on the CPU (device='cpu') with the 'cpu' profile."
        )
    if requested == "mps" and not has_mps:
        raise DeviceError("MPS was requested but is not available (it needs Apple silicon and macOS 12.3+).")
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
    where = "CPU requested." if requested == "cpu" else "No GPU found, so training runs on the CPU (slow; use the 'cpu' profile)."
    units = cpu_bf16_units()
    if units:
        reason = (
            f"{where} This CPU computes bf16 natively ({' and '.join(units)}), so training runs under bf16 autocast "
            "(weights stay fp32): faster, with scores within a point of fp32 (docs/BENCHMARKS.md), but not identical "
            "to a run on a CPU without bf16 units. --precision fp32 trains in plain fp32."
        )
        return DeviceInfo("cpu", cpu_name(), None, None, "bf16", 32, reason)
    reason = f"{where} This CPU has no bf16 units (AMX or AVX512-BF16), so training runs in fp32 (bf16 would be slower here)."
    return DeviceInfo("cpu", cpu_name(), None, None, "fp32", 32, reason)


PRECISIONS = ("auto", "fp32", "bf16", "fp16")


CPU_BF16_PROBES = (("AMX", "_is_amx_tile_supported"), ("AVX512-BF16", "_is_avx512_bf16_supported"))


def cpu_bf16_units() -> list[str]:
    """The bf16 units torch finds on this CPU ("AMX", "AVX512-BF16"); empty when it has none.

    Empty too when this torch build lacks oneDNN (mkldnn), whose kernels are what use those units.
    """
    import torch

    if not torch.backends.mkldnn.is_available():
        return []
    found = []
    for unit, name in CPU_BF16_PROBES:
        probe = getattr(torch.cpu, name, None)
        if probe is not None and probe():
            found.append(unit)
    return found


def cpu_has_bf16_units() -> bool:
    """Whether the CPU computes bf16 natively (Intel AMX or AVX512-BF16), as far as torch can tell."""
    return bool(cpu_bf16_units())


def cpu_name() -> str:
    """The processor's model name as Linux reports it (/proc/cpuinfo), else what Python's platform module says."""
    import platform

    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
            if line.lower().startswith("model name") and ":" in line:
                return f"CPU: {line.split(':', 1)[1].strip()}"
    except OSError:
        pass
    return f"CPU: {platform.processor() or platform.machine() or 'unknown'}"


def with_precision(info: DeviceInfo, precision: str) -> DeviceInfo:
    """`info` with the precision asked for; "auto" keeps the device's own choice. Says what it changed."""
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
    log.info(reason)
    return changed


def attention_implementation() -> str:
    """The attention kernel models are built with: "sdpa" (transformers' default) with CUDA, "eager" without.

    Measured on a 2-core CPU with MiniLM under bf16 autocast (docs/BENCHMARKS.md, bench/throughput.py
    --levers): training about 10% faster with eager attention than with sdpa, inference the same.
    On a GPU, sdpa's fused kernels are the faster choice.
    """
    import torch

    return "sdpa" if torch.cuda.is_available() else "eager"


def precision_arguments(info: DeviceInfo) -> dict[str, bool]:
    """The TrainingArguments flags for the device's precision."""
    return {
        "bf16": info.precision == "bf16",
        "fp16": info.precision == "fp16",
        "use_cpu": info.device == "cpu",
    }
